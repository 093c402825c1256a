//! Timelines made from other formats (`roundtable import`): the records every importer builds
//! (ids, sources, participants, rounds), what it could not carry (kept as `//` comments) and the
//! problems it found, shared by the TimelineJS JSON and sheet readers and the ACLED reader.
//!
//! An importer never writes text: it builds a [`Timeline`] the way the loader would have, with
//! every reference already resolved, so that [`write::write`] writes it through the serialiser
//! `export --format ron` uses and `roundtable check` reads it back unchanged.

pub mod acled;
mod csvrows;
pub mod dates;
pub mod html;
pub mod slide_fields;
pub mod timelinejs;
pub mod timelinejs_csv;
pub mod write;

use std::collections::HashMap;
use std::collections::HashSet;

use crate::model::{
    Event, Labels, Participant, ParticipantKind, Ref, Round, RoundRef, Source, SourceKind, Spanned,
    Str, Timeline, When,
};

pub use dates::Zone;

/// The formats `roundtable import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A TimelineJS3 JSON document.
    TimelineJs,
    /// The TimelineJS Google Sheet template, downloaded as CSV.
    TimelineJsCsv,
    /// An ACLED data export (CSV).
    Acled,
}

/// What an import needs beyond the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where times of day without a UTC offset are placed; without one they are cut to the day.
    pub zone: Option<Zone>,
    /// The input's file name, for a title when the input gives none and for the source that
    /// stands for the file itself.
    pub name: String,
}

/// A place in the input: a line (1-based), and a column (1-based, in characters) where the
/// format gives one (JSON does; a CSV record is known by its line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters, when known.
    pub col: Option<usize>,
}

impl Pos {
    /// A record's line, no column.
    #[must_use]
    pub fn line(line: usize) -> Self {
        Pos { line, col: None }
    }
}

/// Something said about a place in the input: a problem that stops the import, or an entry
/// the timeline format cannot hold, kept as a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where in the input; `None` for the input as a whole.
    pub at: Option<Pos>,
    /// One line, plain words; may quote input text unescaped (escape it to print it).
    pub message: String,
}

/// A `//` comment in the output: before the event at this index of `Timeline::events`, or at
/// the top of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Index into the imported timeline's events, or `None` for the top of the file.
    pub event: Option<usize>,
    /// The text after `// ` (one line; escaped when written).
    pub text: String,
}

/// The text an import's timeline borrows: the input, and what the import made of it (an ACLED
/// import's titles, summaries and places, written one after another instead of each in an
/// allocation of its own; see `acled`). Empty for the importers whose timelines own their text.
#[derive(Debug, Default)]
pub struct Made<'a> {
    /// The input.
    pub input: &'a str,
    /// Texts made, in the order an importer wrote them.
    pub texts: Vec<String>,
}

self_cell::self_cell!(
    /// A timeline and the text it borrows.
    struct Cell<'a> {
        owner: Made<'a>,
        #[covariant]
        dependent: Timeline,
    }
);

/// A finished import.
pub struct Imported<'a> {
    /// The timeline, references resolved, events in timeline order, with the text it borrows.
    cell: Cell<'a>,
    /// What the timeline could not hold, written as comments beside what it belongs to.
    pub comments: Vec<Comment>,
    /// The same entries as they are named on stderr, with where the input gave them.
    pub kept: Vec<Note>,
    /// How many times of day were cut to the day for want of a zone.
    pub cut_times: usize,
}

/// What [`Builder::finish_parts`] makes: an import's timeline (borrowing what its builder's
/// records borrow) and the rest of an [`Imported`].
#[derive(Debug)]
pub struct Finished<'t> {
    /// The timeline, references resolved, events in timeline order.
    pub timeline: Timeline<'t>,
    /// See [`Imported::comments`].
    pub comments: Vec<Comment>,
    /// See [`Imported::kept`].
    pub kept: Vec<Note>,
    /// See [`Imported::cut_times`].
    pub cut_times: usize,
}

impl<'a> Imported<'a> {
    /// An import whose timeline owns its text.
    #[must_use]
    pub fn owned(finished: Finished<'static>) -> Self {
        let Finished {
            timeline,
            comments,
            kept,
            cut_times,
        } = finished;
        Imported {
            cell: Cell::new(Made::default(), |_| timeline),
            comments,
            kept,
            cut_times,
        }
    }

    /// An import whose timeline borrows `made`: `finish` makes it (or finds problems) once
    /// `made` has its place.
    pub fn borrowing(
        made: Made<'a>,
        finish: impl for<'t> FnOnce(&'t Made<'a>) -> Result<Finished<'t>, Vec<Note>>,
    ) -> Result<Self, Vec<Note>> {
        let mut rest = None;
        let cell = Cell::try_new(made, |made| {
            let finished = finish(made)?;
            rest = Some((finished.comments, finished.kept, finished.cut_times));
            Ok::<_, Vec<Note>>(finished.timeline)
        })?;
        let (comments, kept, cut_times) = rest.unwrap_or_default();
        Ok(Imported {
            cell,
            comments,
            kept,
            cut_times,
        })
    }

    /// The timeline.
    #[must_use]
    pub fn timeline(&self) -> &Timeline<'_> {
        self.cell.borrow_dependent()
    }

    /// How much text the import made (see [`Made`]).
    #[must_use]
    pub fn made_len(&self) -> usize {
        self.cell.borrow_owner().texts.iter().map(String::len).sum()
    }
}

impl std::fmt::Debug for Imported<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imported")
            .field("timeline", self.timeline())
            .field("comments", &self.comments)
            .field("kept", &self.kept)
            .field("cut_times", &self.cut_times)
            .finish()
    }
}

/// Reads `text` as `format`. `Err` holds every problem found, in input order.
pub fn import<'a>(
    format: Format,
    text: &'a str,
    options: &Options,
) -> Result<Imported<'a>, Vec<Note>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        Format::TimelineJs => timelinejs::import(text, options),
        Format::TimelineJsCsv => timelinejs_csv::import(text, options),
        Format::Acled => acled::import(text, options),
    }
}

/// `name` as an id: lower-case ASCII letters and digits, runs of anything else as one `-`;
/// `fallback` when nothing is left.
#[must_use]
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// foldhash, seeded per table, as the loader's id tables: `SipHash` was a tenth of an import.
type Hasher = foldhash::fast::RandomState;

/// A source declared for an outlet: its `url`, its `title`, and where it is in the list.
type Declared = (Option<String>, Option<String>, u32);

/// Ids handed out in one namespace, each unique: a wanted id taken twice gets `-2`, `-3`….
#[derive(Debug, Default)]
struct Ids {
    used: HashSet<String, Hasher>,
}

impl Ids {
    fn take(&mut self, wanted: &str) -> String {
        if self.used.insert(wanted.to_string()) {
            return wanted.to_string();
        }
        let mut n = 2;
        loop {
            let id = format!("{wanted}-{n}");
            if self.used.insert(id.clone()) {
                return id;
            }
            n += 1;
        }
    }
}

/// A round being built, from a TimelineJS era.
#[derive(Debug)]
pub struct RoundDraft {
    /// Its title, if any.
    pub title: Option<String>,
    /// When it began.
    pub start: When<'static>,
    /// When it ended.
    pub end: Option<When<'static>>,
    /// The number the era asks for (a `unique_id` of `round-N`, as `export --format
    /// timelinejs` writes), if any.
    pub number: Option<u64>,
    /// Where it stands in the input, for a note should its number be taken.
    pub at: Option<Pos>,
}

/// The records of a timeline as an importer finds them; [`Builder::finish`] makes the
/// timeline. Its records may borrow text that lives `'a` (an ACLED import's; see [`Made`]).
#[derive(Debug, Default)]
pub struct Builder<'a> {
    sources: Vec<Source<'a>>,
    source_ids: Ids,
    /// Per outlet, the sources declared for it: `(url, title, index)`. Looked up by `&str`, so
    /// that finding a source already declared allocates nothing.
    source_keys: HashMap<String, Vec<Declared>, Hasher>,
    participants: Vec<Participant<'a>>,
    participant_ids: Ids,
    participant_keys: HashMap<String, u32, Hasher>,
    event_ids: Ids,
    /// The events, in the order added; `round` is filled in by [`Builder::finish`] from the
    /// rounds' periods when left `None`.
    events: Vec<Event<'a>>,
    /// Comments written before an event: its index in `events`, and the text, in the order
    /// found.
    event_comments: Vec<(usize, String)>,
    rounds: Vec<RoundDraft>,
    top: Vec<String>,
    kept: Vec<Note>,
    problems: Vec<Note>,
    cut_times: usize,
}

/// Text as the model holds it.
fn owned(s: impl Into<String>) -> Str<'static> {
    Str::owned(s.into())
}

/// A reference to record `ix`, resolved (the writer reads ids through the index).
fn reference(ix: usize) -> Ref {
    Ref {
        at: 0,
        target: ix as u32,
    }
}

impl<'a> Builder<'a> {
    /// A problem that stops the import; the reader goes on to find the others.
    pub fn problem(&mut self, at: Option<Pos>, message: impl Into<String>) {
        self.problems.push(Note {
            at,
            message: message.into(),
        });
    }

    /// True once a problem has been found.
    #[must_use]
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// An entry the format cannot hold: named on stderr, and kept as a comment before the
    /// event `event` (an index of [`Builder::add_event`]'s results) or at the top.
    pub fn keep(&mut self, at: Option<Pos>, event: Option<usize>, message: impl Into<String>) {
        let message = message.into();
        match event.filter(|&e| e < self.events.len()) {
            Some(e) => self.event_comments.push((e, message.clone())),
            None => self.top.push(message.clone()),
        }
        self.kept.push(Note { at, message });
    }

    /// A comment before event `event` (an index of [`Builder::add_event`]'s results) that
    /// needs no word on stderr of its own: a row's value of a column that a note named once
    /// for every row.
    pub fn comment(&mut self, event: usize, text: impl Into<String>) {
        if event < self.events.len() {
            self.event_comments.push((event, text.into()));
        }
    }

    /// A comment at the top of the output that needs no word on stderr (what the importer
    /// did by design, such as the columns it does not carry).
    pub fn remark(&mut self, text: impl Into<String>) {
        self.top.push(text.into());
    }

    /// Counts a time of day cut to the day.
    pub fn cut_time(&mut self) {
        self.cut_times += 1;
    }

    /// The source for `outlet` (and `url` and `title`, when given), declared the first time it
    /// is asked for. `outlet` must not be empty.
    pub fn source(&mut self, outlet: &str, url: Option<&str>, title: Option<&str>) -> Ref {
        let same = |(u, t, _): &&Declared| u.as_deref() == url && t.as_deref() == title;
        if let Some((_, _, ix)) = self
            .source_keys
            .get(outlet)
            .and_then(|declared| declared.iter().find(same))
        {
            return reference(*ix as usize);
        }
        let id = self.source_ids.take(&slug(outlet, "source"));
        let ix = self.sources.len();
        self.sources.push(Source {
            id: Spanned {
                value: owned(id),
                at: 0,
            },
            outlet: owned(outlet),
            title: title.map(owned),
            published: None,
            url: url.map(owned),
            byline: Box::default(),
            kind: SourceKind::Article,
            republishes: None,
            language: None,
        });
        let declared = (
            url.map(str::to_string),
            title.map(str::to_string),
            ix as u32,
        );
        match self.source_keys.get_mut(outlet) {
            Some(list) => list.push(declared),
            None => {
                self.source_keys.insert(outlet.to_string(), vec![declared]);
            }
        }
        reference(ix)
    }

    /// The participant named `name` (an organisation, say), declared the first time it is
    /// asked for; `role` is kept from the first time. `name` must not be empty.
    pub fn participant(&mut self, name: &str, kind: ParticipantKind, role: Option<&str>) -> Ref {
        if let Some(&ix) = self.participant_keys.get(name) {
            return reference(ix as usize);
        }
        let id = self.participant_ids.take(&slug(name, "participant"));
        let ix = self.participants.len();
        self.participants.push(Participant {
            id: Spanned {
                value: owned(id),
                at: 0,
            },
            name: owned(name),
            aliases: Box::default(),
            role: role.map(owned),
            side: None,
            kind,
        });
        self.participant_keys.insert(name.to_string(), ix as u32);
        reference(ix)
    }

    /// An event id: `wanted` when given and free, else `event-N` (`n` is the event's place in
    /// the input, so that ids stay the same from one import to the next). A wanted id taken
    /// already gets a suffix; the second value then says so, for a comment with the event.
    pub fn event_id(&mut self, wanted: Option<&str>, n: usize) -> (String, Option<String>) {
        match wanted.map(str::trim).filter(|w| !w.is_empty()) {
            Some(w) => {
                let id = self.event_ids.take(w);
                let note = (id != w).then(|| {
                    format!("the id `{w}` is taken by an earlier event; this one is `{id}`")
                });
                (id, note)
            }
            None => (self.event_ids.take(&format!("event-{n}")), None),
        }
    }

    /// Makes room for about `n` events, so that the lists and the id table are allocated once.
    pub fn expect_events(&mut self, n: usize) {
        self.events.reserve(n);
        self.event_ids.used.reserve(n);
    }

    /// Adds an event; returns its index, for [`Builder::keep`].
    pub fn add_event(&mut self, event: Event<'a>) -> usize {
        self.events.push(event);
        self.events.len() - 1
    }

    /// Adds a round (an era); rounds are numbered in date order by [`Builder::finish`].
    pub fn add_round(&mut self, round: RoundDraft) {
        self.rounds.push(round);
    }

    /// The timeline: events and rounds in date order, events placed in the round whose period
    /// holds their start, and events nothing attributes citing a source that stands for the
    /// imported file itself (`file_outlet`), so that `check` has nothing to warn of.
    pub fn finish_parts(
        mut self,
        title: String,
        summary: Option<String>,
        file_outlet: &str,
    ) -> Result<Finished<'a>, Vec<Note>> {
        if !self.problems.is_empty() {
            let mut problems = self.problems;
            problems.sort_by_key(|p| p.at);
            return Err(problems);
        }
        self.rounds.sort_by_key(|r| r.start.begins());
        // The numbers eras ask for, each once; the other rounds take the smallest free ones,
        // in date order.
        let mut taken = std::collections::BTreeSet::new();
        let asked: Vec<Option<u64>> = self
            .rounds
            .iter()
            .map(|r| r.number.filter(|&n| taken.insert(n)))
            .collect();
        let mut free = (1..).filter(|n| !taken.contains(n));
        let numbers: Vec<u64> = asked
            .iter()
            .map(|n| n.unwrap_or_else(|| free.next().unwrap_or(u64::MAX)))
            .collect();
        // An era whose number an earlier one took is numbered anew: said, not in silence.
        for ((r, asked), &number) in self.rounds.iter().zip(&asked).zip(&numbers) {
            if let (Some(wanted), None) = (r.number, asked) {
                let name = r
                    .title
                    .as_deref()
                    .map_or(String::new(), |t| format!(" `{t}`"));
                let message = format!(
                    "the era{name} asks for round {wanted} (`unique_id` `round-{wanted}`), \
                     taken by an earlier era; it is round {number}"
                );
                self.top.push(message.clone());
                self.kept.push(Note { at: r.at, message });
            }
        }
        let rounds: Vec<Round<'a>> = self
            .rounds
            .iter()
            .zip(&numbers)
            .map(|(r, &number)| Round {
                number: Spanned {
                    value: number,
                    at: 0,
                },
                title: r.title.clone().map(owned),
                start: Some(r.start.clone()),
                end: r.end.clone(),
                venue: None,
            })
            .collect();
        // The file stands as the source of what nothing else attributes.
        let unattributed = self
            .events
            .iter()
            .any(|e| e.sources.is_empty() && e.quotes.is_empty());
        if unattributed {
            let file = self.source(file_outlet, None, Some(&title));
            self.sources[file.ix()].kind = SourceKind::Other;
            for e in &mut self.events {
                if e.sources.is_empty() && e.quotes.is_empty() {
                    e.sources = Box::new([file]);
                }
            }
            self.top.push(format!(
                "Events that name no source of their own cite `{}`, the file they were imported from.",
                self.sources[file.ix()].id.value
            ));
        }
        let mut comments: Vec<Comment> = self
            .top
            .into_iter()
            .map(|text| Comment { event: None, text })
            .collect();
        let events = events_in_order(
            self.events,
            self.event_comments,
            &self.rounds,
            &numbers,
            &mut comments,
        );
        let timeline = Timeline {
            title: owned(title),
            summary: summary.map(owned),
            sources: self.sources,
            participants: self.participants,
            rounds,
            events,
            claims: Vec::new(),
            labels: Labels::default(),
        };
        // In input order, the order a reader fixes them in (a stable sort: same place, same
        // order as found).
        self.kept.sort_by_key(|k| k.at);
        Ok(Finished {
            timeline,
            comments,
            kept: self.kept,
            cut_times: self.cut_times,
        })
    }
}

impl Builder<'static> {
    /// [`Builder::finish_parts`], as an import whose timeline owns its text.
    pub fn finish<'i>(
        self,
        title: String,
        summary: Option<String>,
        file_outlet: &str,
    ) -> Result<Imported<'i>, Vec<Note>> {
        self.finish_parts(title, summary, file_outlet)
            .map(Imported::owned)
    }
}

/// `events` in timeline order, each in its round (of `rounds`, numbered `numbers`) unless it
/// names one, with their comments (`kept`, by their index in `events`) added to `comments`.
/// Events added in timeline order (as `import acled` adds them) stay where they stand.
fn events_in_order<'a>(
    mut events: Vec<Event<'a>>,
    kept: Vec<(usize, String)>,
    rounds: &[RoundDraft],
    numbers: &[u64],
    comments: &mut Vec<Comment>,
) -> Vec<Event<'a>> {
    // Where each event added goes.
    let mut place: Vec<usize> = Vec::new();
    if !events.is_sorted_by_key(|e| e.when.begins()) {
        let order = in_order(&events);
        place = vec![0; order.len()];
        for (to, &from) in order.iter().enumerate() {
            place[from] = to;
        }
        let mut slots: Vec<Option<Event<'a>>> = events.into_iter().map(Some).collect();
        events = order.into_iter().filter_map(|i| slots[i].take()).collect();
    }
    if !rounds.is_empty() {
        for event in events.iter_mut().filter(|e| e.round.is_none()) {
            event.round = round_of(rounds, numbers, &event.when);
        }
    }
    let mut kept: Vec<Comment> = kept
        .into_iter()
        .map(|(i, text)| Comment {
            event: Some(place.get(i).copied().unwrap_or(i)),
            text,
        })
        .collect();
    // Stable: an event's comments keep the order they were found in.
    kept.sort_by_key(|c| c.event);
    comments.extend(kept);
    events
}

/// The round (of `rounds`, numbered `numbers`) whose period holds the start of `when`.
fn round_of(rounds: &[RoundDraft], numbers: &[u64], when: &When<'_>) -> Option<RoundRef> {
    let begins = when.begins();
    let holds = |r: &RoundDraft| {
        r.start.begins() <= begins && begins < r.end.as_ref().unwrap_or(&r.start).ends()
    };
    let ix = rounds.iter().position(holds)?;
    Some(RoundRef {
        number: numbers[ix],
        at: 0,
        target: ix as u32,
    })
}

/// The indices of `events` in timeline order (by start; the same start in input order), so
/// that each event is moved once: sorting the events themselves moved hundreds of bytes per
/// step.
fn in_order(events: &[Event<'_>]) -> Vec<usize> {
    let mut keys: Vec<((i64, u32), usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.when.begins(), i))
        .collect();
    // Unique keys (the index breaks ties), so an unstable sort gives the stable order.
    keys.sort_unstable();
    keys.into_iter().map(|(_, i)| i).collect()
}

/// A new event with the fields every importer sets; the rest empty.
#[must_use]
pub fn event(id: String, when: When<'static>, title: String) -> Event<'static> {
    Event {
        id: Spanned {
            value: owned(id),
            at: 0,
        },
        when,
        end: None,
        round: None,
        title: owned(title),
        summary: None,
        location: None,
        participants: Box::default(),
        sources: Box::default(),
        tags: Box::default(),
        quotes: Box::default(),
        claims: Box::default(),
        at: 0,
    }
}

/// The title for a timeline whose input gives none: the file's name without its extension.
#[must_use]
pub fn title_from_name(name: &str) -> String {
    let base = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
    if base.trim().is_empty() {
        "Imported timeline".to_string()
    } else {
        base
    }
}

/// The outlet of the source that stands for the imported file: its name, or `stdin`.
#[must_use]
pub fn file_outlet(name: &str) -> String {
    let base = std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
    if base.trim().is_empty() {
        "imported file".to_string()
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_never_empty() {
        assert_eq!(
            slug("Military Forces of Ukraine (2019-)", "x"),
            "military-forces-of-ukraine-2019"
        );
        assert_eq!(slug("Türkiye", "x"), "t-rkiye");
        assert_eq!(slug("土耳其", "src"), "src");
    }

    #[test]
    fn taken_ids_get_a_suffix() {
        let mut ids = Ids::default();
        assert_eq!(ids.take("a"), "a");
        assert_eq!(ids.take("a"), "a-2");
        assert_eq!(ids.take("a"), "a-3");
    }

    #[test]
    fn a_source_is_declared_once_per_outlet_url_and_title() {
        let mut b = Builder::default();
        let plain = b.source("Reuters", None, None);
        let page = b.source("Reuters", Some("https://r.example/1"), None);
        let titled = b.source("Reuters", Some("https://r.example/1"), Some("Talks"));
        assert_eq!(b.source("Reuters", None, None), plain);
        assert_eq!(b.source("Reuters", Some("https://r.example/1"), None), page);
        assert_eq!(
            b.source("Reuters", Some("https://r.example/1"), Some("Talks")),
            titled
        );
        assert_ne!(plain, page);
        assert_ne!(page, titled);
        let ids: Vec<&str> = b.sources.iter().map(|s| &*s.id.value).collect();
        assert_eq!(ids, ["reuters", "reuters-2", "reuters-3"]);
    }

    #[test]
    fn events_go_in_date_order_and_the_same_date_in_input_order() {
        let mut b = Builder::default();
        let day = |d: &str| When::parse(Str::owned(d.to_string()), 0).unwrap();
        for (id, d) in [
            ("c", "2025-07-24"),
            ("a1", "2025-07-23"),
            ("b", "2025"),
            ("a2", "2025-07-23"),
        ] {
            let (id, _) = b.event_id(Some(id), 0);
            let source = b.source("x", None, None);
            let mut e = event(id, day(d), "t".to_string());
            e.sources = Box::new([source]);
            b.add_event(e);
        }
        let imported = b.finish("T".to_string(), None, "f").unwrap();
        let t = imported.timeline();
        let order: Vec<&str> = t.events.iter().map(|e| &*e.id.value).collect();
        assert_eq!(order, ["b", "a1", "a2", "c"]);
    }

    /// Events already in timeline order are kept where they stand, the others moved: either
    /// way each comment stays with its event.
    #[test]
    fn comments_follow_their_events_in_order_or_not() {
        let day = |d: &str| When::parse(Str::owned(d.to_string()), 0).unwrap();
        for dates in [["2024", "2025", "2026"], ["2026", "2024", "2025"]] {
            let mut b = Builder::default();
            for (k, d) in dates.iter().enumerate() {
                let source = b.source("x", None, None);
                let mut e = event(format!("e{d}"), day(d), "t".to_string());
                e.sources = Box::new([source]);
                let i = b.add_event(e);
                b.keep(None, Some(i), format!("about {d}"));
                assert_eq!(i, k);
            }
            let imported = b.finish("T".to_string(), None, "f").unwrap();
            let t = imported.timeline();
            for c in &imported.comments {
                let e = &t.events[c.event.unwrap()];
                assert_eq!(c.text, format!("about {}", e.when.raw), "{dates:?}");
            }
            let ids: Vec<&str> = t.events.iter().map(|e| &*e.id.value).collect();
            assert_eq!(ids, ["e2024", "e2025", "e2026"]);
        }
    }
}
