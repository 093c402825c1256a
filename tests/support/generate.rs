//! Arbitrary valid timelines: every field holds arbitrary text mixed with the pieces that
//! break terminals and layouts (escape sequences, bidi marks, wide and joined characters,
//! long words), every reference names something that exists, and the result is written as RON
//! text so that the real reader loads it.
//!
//! What loading must give is computed here from the generated data, not by roundtable: the
//! document as the format's JSON values ([`Timeline::document`]), the instant at which each
//! event begins ([`When::begins`], by calendar arithmetic of its own), and who speaks, which
//! round and which source each event has. The fuzz target `render` takes a timeline from
//! arbitrary bytes (`arbitrary`), the property tests build one from proptest strategies; the
//! field order of the types below is the order in which bytes are read, which the committed
//! fuzz seeds depend on (`tests/support/encode.rs` writes them).

use std::collections::HashSet;
use std::fmt::Write as _;

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Value, json};

/// Text known to be hard: escape sequences, controls, bidi marks, separators, and characters
/// whose width or grouping is easy to get wrong.
pub const NASTY: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]2;title\u{1b}\\",
    "\u{1b}]52;c;SGVsbG8=\u{7}",
    "\u{1b}]8;;http://evil.example\u{1b}\\",
    "\u{1b}P+q\u{1b}\\",
    "\u{9b}31m",
    "\u{7}",
    "\u{8}",
    "\0",
    "\u{7f}",
    "\u{85}",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{202e}",
    "\u{202d}",
    "\u{2066}",
    "\u{2069}",
    "\u{200f}",
    "\u{61c}",
    "\u{2028}",
    "\u{2029}",
    "\u{200b}",
    "\u{200d}",
    "\u{fe0f}",
    "\u{feff}",
    "\u{ad}",
    "\u{301}",
    "e\u{301}\u{302}",
    "z\u{336}\u{336}",
    "土耳其",
    "ｆｕｌｌ",
    "ﾊﾟ",
    "한국어",
    "\u{1100}\u{1161}\u{11a8}",
    "ا\u{200f}لعربية",
    "لا",
    "👍🏽",
    "👩\u{200d}👩\u{200d}👧",
    "🇺🇦",
    "🇺",
    "❤️",
    "\u{3000}",
    "\u{e000}",
    "\u{10ffff}",
    " ",
    "   ",
    "\\",
    "\"",
    "x",
];

/// A piece of text.
#[derive(Debug, Clone, Arbitrary)]
pub enum Piece {
    /// Arbitrary characters.
    Text(String),
    /// One of [`NASTY`].
    Nasty(u8),
    /// One of [`NASTY`] many times over: long words, long runs of wide characters.
    Repeat(u8, u16),
}

/// Text for any field: pieces run together.
#[derive(Debug, Clone, Default, Arbitrary)]
pub struct Text(pub Vec<Piece>);

impl Text {
    #[must_use]
    pub fn render(&self) -> String {
        let nasty = |i: u8| NASTY[usize::from(i) % NASTY.len()];
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Piece::Text(s) => out.push_str(s),
                Piece::Nasty(i) => out.push_str(nasty(*i)),
                Piece::Repeat(i, n) => out.push_str(&nasty(*i).repeat(usize::from(*n % 400))),
            }
        }
        out
    }
}

/// A `when` at any precision, always a real date.
#[derive(Debug, Clone, Arbitrary)]
pub struct When {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hour, minute, second, and the UTC offset in quarter hours (0 is written `Z`).
    pub time: Option<(u8, u8, Option<u8>, i8)>,
}

/// A `when` as the numbers it is written with.
struct Parts {
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
    /// Hour, minute, second if written, offset in minutes (`None` for `Z`).
    time: Option<(i64, i64, Option<i64>, Option<i64>)>,
}

/// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`).
#[must_use]
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl When {
    fn parts(&self) -> Parts {
        let year = 1 + i64::from(self.year % 9999);
        let month = self.month.map(|m| 1 + i64::from(m % 12));
        let day = self
            .day
            .filter(|_| month.is_some())
            .map(|d| 1 + i64::from(d % 28));
        let time = self.time.filter(|_| day.is_some()).map(|(h, m, s, off)| {
            let offset = (off != 0).then(|| i64::from(off) * 15 % (24 * 60));
            (
                i64::from(h % 24),
                i64::from(m % 60),
                s.map(|s| i64::from(s % 60)),
                offset,
            )
        });
        Parts {
            year,
            month,
            day,
            time,
        }
    }

    #[must_use]
    pub fn render(&self) -> String {
        let p = self.parts();
        let mut out = format!("{:04}", p.year);
        for n in [p.month, p.day].into_iter().flatten() {
            let _ = write!(out, "-{n:02}");
        }
        if let Some((h, m, s, offset)) = p.time {
            let _ = write!(out, "T{h:02}:{m:02}");
            if let Some(s) = s {
                let _ = write!(out, ":{s:02}");
            }
            match offset {
                None => out.push('Z'),
                Some(mins) => {
                    let sign = if mins < 0 { '-' } else { '+' };
                    let _ = write!(out, "{sign}{:02}:{:02}", mins.abs() / 60, mins.abs() % 60);
                }
            }
        }
        out
    }

    /// The instant at which it begins, in seconds from 1970-01-01T00:00Z (FORMAT.md, "When": a
    /// year begins on 1 January, a month on its first day, a day at 00:00 UTC).
    #[must_use]
    pub fn begins(&self) -> i64 {
        let p = self.parts();
        let days = days_from_civil(p.year, p.month.unwrap_or(1), p.day.unwrap_or(1));
        let (h, m, s, offset) = p.time.unwrap_or((0, 0, None, None));
        days * 86_400 + h * 3600 + m * 60 + s.unwrap_or(0) - offset.unwrap_or(0) * 60
    }
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Source {
    pub id: Text,
    pub outlet: Text,
    pub title: Option<Text>,
    pub published: Option<When>,
    pub url: Option<Text>,
    pub byline: Vec<Text>,
    pub kind: u8,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Participant {
    pub id: Text,
    pub name: Text,
    pub aliases: Vec<Text>,
    pub role: Option<Text>,
    pub side: Option<Text>,
    pub kind: u8,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Round {
    pub number: u64,
    pub title: Option<Text>,
    pub start: Option<When>,
    pub end: Option<When>,
    pub venue: Option<Text>,
}

/// References (`speaker`, `source`, `by`, `disputes`, an event's `participants`, `sources` and
/// `round`) are indices, taken modulo the number of records they can name.
#[derive(Debug, Clone, Arbitrary)]
pub struct Quote {
    pub speaker: u8,
    pub text: Text,
    pub source: u8,
    pub via: Option<Text>,
    pub context: Option<Text>,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Claim {
    pub id: Option<Text>,
    pub by: Option<u8>,
    pub text: Text,
    pub source: u8,
    pub via: Option<Text>,
    pub disputes: Vec<u16>,
}

#[derive(Debug, Clone, Arbitrary)]
pub struct Event {
    pub id: Text,
    pub when: When,
    pub round: Option<u8>,
    pub title: Text,
    pub summary: Option<Text>,
    pub location: Option<Text>,
    pub participants: Vec<u8>,
    pub sources: Vec<u8>,
    pub tags: Vec<Text>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}

/// A whole timeline. References are indices, taken modulo the number of records, so every
/// one names something that exists; ids get their record's number in front, so they are
/// unique however the text repeats. A source `plain` and a participant `someone` always follow
/// the generated ones, so that quotes and claims have something to name.
#[derive(Debug, Clone, Arbitrary)]
pub struct Timeline {
    pub title: Text,
    pub summary: Option<Text>,
    pub sources: Vec<Source>,
    pub participants: Vec<Participant>,
    pub rounds: Vec<Round>,
    pub events: Vec<Event>,
}

/// A RON string literal holding exactly `s`: quotes and backslashes escaped, and every control
/// character written as `\u{…}`, the way a script writing hostile files would.
pub fn lit(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Text for a field that must not be blank.
fn nonempty(t: &Text) -> String {
    let s = t.render();
    if s.trim().is_empty() {
        format!("x{s}")
    } else {
        s
    }
}

/// `n: text` with the record number in front: never empty, never a duplicate.
fn numbered(n: usize, t: &Text) -> String {
    format!("{n}:{}", t.render())
}

const SOURCE_KINDS: [&str; 6] = [
    "Article",
    "LiveFeed",
    "Wire",
    "Broadcast",
    "Statement",
    "Other",
];
const PARTICIPANT_KINDS: [&str; 3] = ["Person", "Organization", "Group"];

/// The ids and numbers references resolve to.
struct Names {
    sources: Vec<String>,
    participants: Vec<String>,
    rounds: Vec<u64>,
    /// The ids of the claims that have one, in file order.
    claims: Vec<String>,
}

fn pick<T: Clone>(list: &[T], i: usize) -> T {
    list[i % list.len()].clone()
}

/// `key: value` into `map` when there is a value.
fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

fn text_value(t: Option<&Text>) -> Option<Value> {
    t.map(|t| Value::String(t.render()))
}

fn nonempty_value(t: Option<&Text>) -> Option<Value> {
    t.map(|t| Value::String(nonempty(t)))
}

fn texts(list: &[Text]) -> Value {
    list.iter().map(|t| Value::String(t.render())).collect()
}

impl Timeline {
    /// Takes a timeline from the fuzzer's bytes.
    pub fn take(u: &mut Unstructured<'_>) -> arbitrary::Result<Self> {
        Self::arbitrary(u)
    }

    fn names(&self) -> Names {
        let sources = (self.sources.iter().enumerate())
            .map(|(i, s)| numbered(i, &s.id))
            .chain(std::iter::once("plain".to_string()))
            .collect();
        let participants = (self.participants.iter().enumerate())
            .map(|(i, p)| numbered(i, &p.id))
            .chain(std::iter::once("someone".to_string()))
            .collect();
        let mut rounds = Vec::new();
        let mut seen = HashSet::new();
        for r in &self.rounds {
            let mut n = r.number;
            while !seen.insert(n) {
                n = n.wrapping_add(1);
            }
            rounds.push(n);
        }
        let claims = (self.events.iter().flat_map(|e| &e.claims).enumerate())
            .filter_map(|(i, c)| c.id.as_ref().map(|t| numbered(i, t)))
            .collect();
        Names {
            sources,
            participants,
            rounds,
            claims,
        }
    }

    /// The number of participants in the file, `someone` included.
    #[must_use]
    pub fn participant_count(&self) -> usize {
        self.participants.len() + 1
    }

    /// The number of sources in the file, `plain` included.
    #[must_use]
    pub fn source_count(&self) -> usize {
        self.sources.len() + 1
    }

    /// The round numbers declared, in file order.
    #[must_use]
    pub fn round_numbers(&self) -> Vec<u64> {
        self.names().rounds
    }

    /// The event ids in file order.
    #[must_use]
    pub fn event_ids(&self) -> Vec<String> {
        (self.events.iter().enumerate())
            .map(|(i, e)| numbered(i, &e.id))
            .collect()
    }

    /// The event ids in the order FORMAT.md gives ("When"): by the instant at which each
    /// begins, events that begin at the same instant in file order.
    #[must_use]
    pub fn timeline_order(&self) -> Vec<String> {
        let mut order: Vec<(i64, String)> = (self.events.iter())
            .map(|e| e.when.begins())
            .zip(self.event_ids())
            .collect();
        // A stable sort: ties keep the file's order.
        order.sort_by_key(|(at, _)| *at);
        order.into_iter().map(|(_, id)| id).collect()
    }

    /// Whether event `e` (file order) quotes participant `p` or holds a claim by them.
    #[must_use]
    pub fn speaks(&self, e: usize, p: usize) -> bool {
        let n = self.participant_count();
        let event = &self.events[e];
        event.quotes.iter().any(|q| usize::from(q.speaker) % n == p)
            || (event.claims.iter()).any(|c| c.by.is_some_and(|b| usize::from(b) % n == p))
    }

    /// Whether event `e` (file order) belongs to round `r` (file order).
    #[must_use]
    pub fn in_round(&self, e: usize, r: usize) -> bool {
        let n = self.rounds.len();
        (self.events[e].round).is_some_and(|x| n > 0 && usize::from(x) % n == r)
    }

    /// Whether event `e` (file order) cites source `s` (file order): itself, or in a quote or
    /// claim.
    #[must_use]
    pub fn cites(&self, e: usize, s: usize) -> bool {
        let n = self.source_count();
        let event = &self.events[e];
        event.sources.iter().any(|&x| usize::from(x) % n == s)
            || event.quotes.iter().any(|q| usize::from(q.source) % n == s)
            || event.claims.iter().any(|c| usize::from(c.source) % n == s)
    }

    /// The timeline as the format's JSON values, as `export --format json` writes them but in
    /// file order, with references written as the ids they name. Empty lists are kept where
    /// the file writes them; compare through [`normal`].
    #[must_use]
    pub fn document(&self) -> Value {
        let names = self.names();
        let mut top = Map::new();
        top.insert("title".into(), Value::String(nonempty(&self.title)));
        put(&mut top, "summary", text_value(self.summary.as_ref()));
        let mut sources: Vec<Value> = (self.sources.iter().zip(&names.sources))
            .map(|(s, id)| s.document(id))
            .collect();
        sources.push(json!({"id": "plain", "outlet": "Plain"}));
        top.insert("sources".into(), Value::Array(sources));
        let mut participants: Vec<Value> = (self.participants.iter().zip(&names.participants))
            .map(|(p, id)| p.document(id))
            .collect();
        participants.push(json!({"id": "someone", "name": "Someone"}));
        top.insert("participants".into(), Value::Array(participants));
        let rounds = (self.rounds.iter().zip(&names.rounds))
            .map(|(r, &n)| r.document(n))
            .collect();
        top.insert("rounds".into(), rounds);
        let mut claim_number = 0;
        let events = (self.events.iter().zip(self.event_ids()))
            .map(|(e, id)| e.document(&id, &names, &mut claim_number))
            .collect();
        top.insert("events".into(), events);
        Value::Object(top)
    }

    /// The timeline as a RON file: [`Timeline::document`] written as records.
    #[must_use]
    pub fn to_ron(&self) -> String {
        let mut out = String::new();
        write_ron(&mut out, "Timeline", &self.document());
        out.push('\n');
        out
    }
}

impl Source {
    fn document(&self, id: &str) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), json!(id));
        m.insert("outlet".into(), json!(nonempty(&self.outlet)));
        put(&mut m, "title", nonempty_value(self.title.as_ref()));
        let published = self.published.as_ref().map(|w| json!(w.render()));
        put(&mut m, "published", published);
        put(&mut m, "url", text_value(self.url.as_ref()));
        m.insert("byline".into(), texts(&self.byline));
        let kind = SOURCE_KINDS[usize::from(self.kind) % SOURCE_KINDS.len()];
        m.insert("kind".into(), json!(kind));
        Value::Object(m)
    }
}

impl Participant {
    fn document(&self, id: &str) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), json!(id));
        m.insert("name".into(), json!(nonempty(&self.name)));
        m.insert("aliases".into(), texts(&self.aliases));
        put(&mut m, "role", text_value(self.role.as_ref()));
        put(&mut m, "side", text_value(self.side.as_ref()));
        let kind = PARTICIPANT_KINDS[usize::from(self.kind) % PARTICIPANT_KINDS.len()];
        m.insert("kind".into(), json!(kind));
        Value::Object(m)
    }
}

impl Round {
    fn document(&self, number: u64) -> Value {
        let mut m = Map::new();
        m.insert("number".into(), json!(number));
        put(&mut m, "title", nonempty_value(self.title.as_ref()));
        put(
            &mut m,
            "start",
            self.start.as_ref().map(|w| json!(w.render())),
        );
        put(&mut m, "end", self.end.as_ref().map(|w| json!(w.render())));
        put(&mut m, "venue", text_value(self.venue.as_ref()));
        Value::Object(m)
    }
}

impl Quote {
    fn document(&self, names: &Names) -> Value {
        let mut m = Map::new();
        let speaker = pick(&names.participants, self.speaker.into());
        m.insert("speaker".into(), json!(speaker));
        m.insert("text".into(), json!(nonempty(&self.text)));
        m.insert(
            "source".into(),
            json!(pick(&names.sources, self.source.into())),
        );
        put(&mut m, "via", text_value(self.via.as_ref()));
        put(&mut m, "context", text_value(self.context.as_ref()));
        Value::Object(m)
    }
}

impl Claim {
    /// `number` is the claim's place among all the file's claims, which its id starts with.
    fn document(&self, number: usize, names: &Names) -> Value {
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), json!(numbered(number, id)));
        }
        if let Some(by) = self.by {
            m.insert("by".into(), json!(pick(&names.participants, by.into())));
        }
        m.insert("text".into(), json!(nonempty(&self.text)));
        m.insert(
            "source".into(),
            json!(pick(&names.sources, self.source.into())),
        );
        put(&mut m, "via", text_value(self.via.as_ref()));
        if !names.claims.is_empty() {
            let disputes = (self.disputes.iter())
                .map(|&d| json!(pick(&names.claims, d.into())))
                .collect();
            m.insert("disputes".into(), disputes);
        }
        Value::Object(m)
    }
}

impl Event {
    /// `claim_number` counts the claims of the events before this one.
    fn document(&self, id: &str, names: &Names, claim_number: &mut usize) -> Value {
        let mut m = Map::new();
        m.insert("id".into(), json!(id));
        m.insert("when".into(), json!(self.when.render()));
        if let Some(r) = self.round.filter(|_| !names.rounds.is_empty()) {
            m.insert("round".into(), json!(pick(&names.rounds, r.into())));
        }
        m.insert("title".into(), json!(nonempty(&self.title)));
        put(&mut m, "summary", text_value(self.summary.as_ref()));
        put(&mut m, "location", text_value(self.location.as_ref()));
        let ids = |list: &[u8], of: &[String]| -> Value {
            list.iter().map(|&i| json!(pick(of, i.into()))).collect()
        };
        let participants = ids(&self.participants, &names.participants);
        m.insert("participants".into(), participants);
        m.insert("sources".into(), ids(&self.sources, &names.sources));
        m.insert("tags".into(), texts(&self.tags));
        let quotes = self.quotes.iter().map(|q| q.document(names)).collect();
        m.insert("quotes".into(), quotes);
        let claims = (self.claims.iter())
            .map(|c| {
                *claim_number += 1;
                c.document(*claim_number - 1, names)
            })
            .collect();
        m.insert("claims".into(), claims);
        Value::Object(m)
    }
}

/// The record name of the items of a list field.
fn record_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "sources" => "Source",
        "participants" => "Participant",
        "rounds" => "Round",
        "events" => "Event",
        "quotes" => "Quote",
        "claims" => "Claim",
        _ => return None,
    })
}

/// Writes `value` as RON: an object as the record `name`, `kind` as a bare variant.
fn write_ron(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Object(map) => {
            let _ = write!(out, "{name}(");
            for (k, v) in map {
                let _ = write!(out, "{k}: ");
                match (k.as_str(), v) {
                    ("kind", Value::String(variant)) => out.push_str(variant),
                    _ => write_ron(out, record_of(k).unwrap_or(""), v),
                }
                out.push_str(", ");
            }
            out.push(')');
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                write_ron(out, name, item);
                out.push_str(", ");
            }
            out.push(']');
        }
        Value::String(s) => lit(out, s),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        Value::Null => out.push_str("None"),
    }
}

/// Values as the format means them: an absent field, an empty list and a default kind
/// (`Article`, `Person`) all say the same, so all are left out; the exports leave them out too.
#[must_use]
pub fn normal(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, v)| {
                    !(v.is_null()
                        || v.as_array().is_some_and(Vec::is_empty)
                        || (k == "kind" && (v == "Article" || v == "Person")))
                })
                .map(|(k, v)| (k, normal(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normal).collect()),
        v => v,
    }
}

/// Whether the document `got` (an export, events in any order) holds exactly the values of
/// `want`, both through [`normal`]; the error names the first value that differs.
pub fn same_document(got: &Value, want: &Value) -> Result<(), String> {
    let (got, want) = (normal(got.clone()), normal(want.clone()));
    let (Some(g), Some(w)) = (got.as_object(), want.as_object()) else {
        return Err(format!("not a record: {got}"));
    };
    let keys = |m: &Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    if keys(g) != keys(w) {
        return Err(format!("fields {:?}, expected {:?}", keys(g), keys(w)));
    }
    for (k, v) in w {
        if k != "events" && g[k] != *v {
            return Err(format!("`{k}` is\n{}\nexpected\n{v}", g[k]));
        }
    }
    let by_id = |v: &Value| -> Vec<(String, Value)> {
        let mut list: Vec<(String, Value)> = (v["events"].as_array().into_iter().flatten())
            .map(|e| (e["id"].as_str().unwrap_or("").to_string(), e.clone()))
            .collect();
        list.sort_by(|a, b| a.0.cmp(&b.0));
        list
    };
    let (g, w) = (by_id(&got), by_id(&want));
    if g.len() != w.len() {
        return Err(format!("{} events, expected {}", g.len(), w.len()));
    }
    for ((gid, ge), (wid, we)) in g.iter().zip(&w) {
        if gid != wid || ge != we {
            return Err(format!("event `{gid}` is\n{ge}\nexpected `{wid}`\n{we}"));
        }
    }
    Ok(())
}
