//! Arbitrary valid timelines: every field holds arbitrary text mixed with the pieces that
//! break terminals and layouts (escape sequences, bidi marks, wide and joined characters,
//! long words), every reference names something that exists, and the result is written as RON
//! text so that the real reader loads it.

use std::collections::HashSet;
use std::fmt::Write as _;

use arbitrary::{Arbitrary, Unstructured};

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
#[derive(Debug, Arbitrary)]
enum Piece {
    /// Arbitrary characters.
    Text(String),
    /// One of [`NASTY`].
    Nasty(u8),
    /// One of [`NASTY`] many times over: long words, long runs of wide characters.
    Repeat(u8, u16),
}

/// Text for any field: pieces run together.
#[derive(Debug, Arbitrary)]
pub struct Text(Vec<Piece>);

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
#[derive(Debug, Arbitrary)]
struct When {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    time: Option<(u8, u8, Option<u8>, i8)>,
}

impl When {
    fn render(&self) -> String {
        let year = 1 + self.year % 9999;
        let Some(month) = self.month else {
            return format!("{year:04}");
        };
        let month = 1 + month % 12;
        let Some(day) = self.day else {
            return format!("{year:04}-{month:02}");
        };
        let day = 1 + day % 28;
        let Some((h, m, s, off)) = self.time else {
            return format!("{year:04}-{month:02}-{day:02}");
        };
        let mut out = format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}", h % 24, m % 60);
        if let Some(s) = s {
            let _ = write!(out, ":{:02}", s % 60);
        }
        if off == 0 {
            out.push('Z');
        } else {
            let mins = i32::from(off) * 15 % (24 * 60);
            let sign = if mins < 0 { '-' } else { '+' };
            let _ = write!(out, "{sign}{:02}:{:02}", mins.abs() / 60, mins.abs() % 60);
        }
        out
    }
}

#[derive(Debug, Arbitrary)]
struct Source {
    id: Text,
    outlet: Text,
    title: Option<Text>,
    published: Option<When>,
    url: Option<Text>,
    byline: Vec<Text>,
    kind: u8,
}

#[derive(Debug, Arbitrary)]
struct Participant {
    id: Text,
    name: Text,
    aliases: Vec<Text>,
    role: Option<Text>,
    side: Option<Text>,
    kind: u8,
}

#[derive(Debug, Arbitrary)]
struct Round {
    number: u64,
    title: Option<Text>,
    start: Option<When>,
    end: Option<When>,
    venue: Option<Text>,
}

#[derive(Debug, Arbitrary)]
struct Quote {
    speaker: u8,
    text: Text,
    source: u8,
    via: Option<Text>,
    context: Option<Text>,
}

#[derive(Debug, Arbitrary)]
struct Claim {
    id: Option<Text>,
    by: Option<u8>,
    text: Text,
    source: u8,
    via: Option<Text>,
    disputes: Vec<u16>,
}

#[derive(Debug, Arbitrary)]
struct Event {
    id: Text,
    when: When,
    round: Option<u8>,
    title: Text,
    summary: Option<Text>,
    location: Option<Text>,
    participants: Vec<u8>,
    sources: Vec<u8>,
    tags: Vec<Text>,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
}

/// A whole timeline. References are indices, taken modulo the number of records, so every
/// one names something that exists; ids get their record's number in front, so they are
/// unique however the text repeats.
#[derive(Debug, Arbitrary)]
pub struct Timeline {
    title: Text,
    summary: Option<Text>,
    sources: Vec<Source>,
    participants: Vec<Participant>,
    rounds: Vec<Round>,
    events: Vec<Event>,
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

struct Writer {
    out: String,
}

impl Writer {
    fn field(&mut self, name: &str, value: &str) {
        let _ = write!(self.out, "{name}: ");
        lit(&mut self.out, value);
        self.out.push_str(", ");
    }

    fn opt(&mut self, name: &str, value: Option<&Text>) {
        if let Some(v) = value {
            self.field(name, &v.render());
        }
    }

    fn nonempty(&mut self, name: &str, value: Option<&Text>) {
        if let Some(v) = value {
            self.field(name, &nonempty(v));
        }
    }

    fn list(&mut self, name: &str, items: impl Iterator<Item = String>) {
        let _ = write!(self.out, "{name}: [");
        for s in items {
            lit(&mut self.out, &s);
            self.out.push_str(", ");
        }
        self.out.push_str("], ");
    }
}

impl Timeline {
    /// Takes a timeline from the fuzzer's bytes.
    pub fn take(u: &mut Unstructured<'_>) -> arbitrary::Result<Self> {
        Self::arbitrary(u)
    }

    /// The timeline as a RON file. There is always at least one source and participant, so
    /// that quotes and claims have something to name.
    #[must_use]
    #[allow(clippy::too_many_lines)]
    pub fn to_ron(&self) -> String {
        let source_ids: Vec<String> = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| numbered(i, &s.id))
            .chain(std::iter::once("plain".to_string()))
            .collect();
        let participant_ids: Vec<String> = self
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| numbered(i, &p.id))
            .chain(std::iter::once("someone".to_string()))
            .collect();
        let mut numbers = Vec::new();
        let mut seen = HashSet::new();
        for r in &self.rounds {
            let mut n = r.number;
            while !seen.insert(n) {
                n = n.wrapping_add(1);
            }
            numbers.push(n);
        }
        let claim_ids: Vec<String> = self
            .events
            .iter()
            .flat_map(|e| &e.claims)
            .enumerate()
            .filter_map(|(i, c)| c.id.as_ref().map(|t| numbered(i, t)))
            .collect();
        let pick = |ids: &[String], i: usize| ids[i % ids.len()].clone();

        let mut w = Writer {
            out: String::from("Timeline("),
        };
        w.field("title", &nonempty(&self.title));
        w.opt("summary", self.summary.as_ref());
        w.out.push_str("sources: [");
        for (i, s) in self.sources.iter().enumerate() {
            w.out.push_str("Source(");
            w.field("id", &source_ids[i]);
            w.field("outlet", &nonempty(&s.outlet));
            w.nonempty("title", s.title.as_ref());
            if let Some(p) = &s.published {
                w.field("published", &p.render());
            }
            w.opt("url", s.url.as_ref());
            w.list("byline", s.byline.iter().map(Text::render));
            let kinds = [
                "Article",
                "LiveFeed",
                "Wire",
                "Broadcast",
                "Statement",
                "Other",
            ];
            let _ = write!(
                w.out,
                "kind: {}), ",
                kinds[usize::from(s.kind) % kinds.len()]
            );
        }
        w.out
            .push_str("Source(id: \"plain\", outlet: \"Plain\")], participants: [");
        for (i, p) in self.participants.iter().enumerate() {
            w.out.push_str("Participant(");
            w.field("id", &participant_ids[i]);
            w.field("name", &nonempty(&p.name));
            w.list("aliases", p.aliases.iter().map(Text::render));
            w.opt("role", p.role.as_ref());
            w.opt("side", p.side.as_ref());
            let kinds = ["Person", "Organization", "Group"];
            let _ = write!(
                w.out,
                "kind: {}), ",
                kinds[usize::from(p.kind) % kinds.len()]
            );
        }
        w.out
            .push_str("Participant(id: \"someone\", name: \"Someone\")], rounds: [");
        for (r, n) in self.rounds.iter().zip(&numbers) {
            let _ = write!(w.out, "Round(number: {n}, ");
            w.nonempty("title", r.title.as_ref());
            for (name, when) in [("start", &r.start), ("end", &r.end)] {
                if let Some(when) = when {
                    w.field(name, &when.render());
                }
            }
            w.opt("venue", r.venue.as_ref());
            w.out.push_str("), ");
        }
        w.out.push_str("], events: [");
        let mut claim_number = 0;
        for (i, e) in self.events.iter().enumerate() {
            w.out.push_str("Event(");
            w.field("id", &numbered(i, &e.id));
            w.field("when", &e.when.render());
            if let Some(r) = e.round.filter(|_| !numbers.is_empty()) {
                let _ = write!(
                    w.out,
                    "round: {}, ",
                    numbers[usize::from(r) % numbers.len()]
                );
            }
            w.field("title", &nonempty(&e.title));
            w.opt("summary", e.summary.as_ref());
            w.opt("location", e.location.as_ref());
            w.list(
                "participants",
                e.participants
                    .iter()
                    .map(|&p| pick(&participant_ids, p.into())),
            );
            w.list(
                "sources",
                e.sources.iter().map(|&s| pick(&source_ids, s.into())),
            );
            w.list("tags", e.tags.iter().map(Text::render));
            w.out.push_str("quotes: [");
            for q in &e.quotes {
                w.out.push_str("Quote(");
                w.field("speaker", &pick(&participant_ids, q.speaker.into()));
                w.field("text", &nonempty(&q.text));
                w.field("source", &pick(&source_ids, q.source.into()));
                w.opt("via", q.via.as_ref());
                w.opt("context", q.context.as_ref());
                w.out.push_str("), ");
            }
            w.out.push_str("], claims: [");
            for c in &e.claims {
                w.out.push_str("Claim(");
                if let Some(id) = &c.id {
                    w.field("id", &numbered(claim_number, id));
                }
                claim_number += 1;
                if let Some(by) = c.by {
                    w.field("by", &pick(&participant_ids, by.into()));
                }
                w.field("text", &nonempty(&c.text));
                w.field("source", &pick(&source_ids, c.source.into()));
                w.opt("via", c.via.as_ref());
                if !claim_ids.is_empty() {
                    w.list(
                        "disputes",
                        c.disputes.iter().map(|&d| pick(&claim_ids, d.into())),
                    );
                }
                w.out.push_str("), ");
            }
            w.out.push_str("]), ");
        }
        w.out.push_str("])\n");
        w.out
    }
}
