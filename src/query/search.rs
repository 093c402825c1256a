//! Case- and accent-insensitive text search over event titles, summaries, quotes and claims.
//!
//! No folded copy of the file is kept (it would cost half the file's size again). With the
//! file's text at hand, [`search`] reads it front to back (`scan.rs`) and looks at the records
//! of only the events where the needle could be; without it, the [`Matcher`] reads every
//! event's strings where they lie ([`search_records`]), ten times slower on a large file. The
//! [`Matcher`] defines a match: the text search gives the same events. Either way the work is
//! split across the machine's cores.

use std::num::NonZeroUsize;

use crate::model::{Event, Str, Timeline};

use super::fold::{fold, fold_into};
use super::index::Index;
use super::scan::{self, Judge, Pattern};

/// Positions (timeline order) of the events whose title, summary, quotes or claims contain
/// `needle`, ignoring case and accents. A needle that folds to nothing matches nothing.
///
/// `text` is the text `t` was loaded from, when there is one: the search then reads it in one
/// pass, many times faster on a large file than reading the events' strings one by one.
#[must_use]
pub fn search(t: &Timeline<'_>, index: &Index, text: Option<&str>, needle: &str) -> Vec<u32> {
    let needle = fold(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    if let Some(text) = text
        && index.file_order.fits(t, text)
        && let Some(pattern) = Pattern::new(&needle, text)
    {
        // Below a few megabytes a second thread costs more than it saves.
        let parts = threads().min(text.len() / (4 << 20)).max(1);
        return search_text(t, index, text, &pattern, &needle, parts);
    }
    search_events(t, &needle)
}

/// [`search`] without the file's text: every event's strings are read where they lie.
#[must_use]
pub fn search_records(t: &Timeline<'_>, needle: &str) -> Vec<u32> {
    let needle = fold(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    search_events(t, &needle)
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// Runs `work` on each part, on its own thread when there are several.
fn in_parallel<P: Send, R: Send>(parts: Vec<P>, work: impl Fn(P) -> R + Sync) -> Vec<R> {
    if parts.len() <= 1 {
        return parts.into_iter().map(work).collect();
    }
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn search_text(
    t: &Timeline<'_>,
    index: &Index,
    text: &str,
    pattern: &Pattern,
    needle: &str,
    parts: usize,
) -> Vec<u32> {
    let runs = index.file_order.runs(text.len(), parts);
    let found = in_parallel(runs, |(run, end)| {
        let mut judge = Records {
            t,
            text,
            matcher: Matcher::new(needle),
        };
        scan::scan(text, run, end, pattern, &mut judge)
    });
    // Back into timeline order: a bit per event, read out in order.
    let mut bits = vec![0u64; t.events.len().div_ceil(64)];
    for &pos in found.iter().flatten() {
        bits[pos as usize / 64] |= 1 << (pos % 64);
    }
    let mut out = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            out.push((w * 64) as u32 + word.trailing_zeros());
            word &= word - 1;
        }
    }
    out
}

/// Decides about events from their records: where their strings lie in the text, or failing
/// that what they hold.
struct Records<'s, 't, 'a> {
    t: &'s Timeline<'a>,
    text: &'t str,
    matcher: Matcher<'s>,
}

impl Judge for Records<'_, '_, '_> {
    fn fetch(&mut self, pos: u32) {
        // Reading how long the strings are brings in the event's record and its quotes' and
        // claims', which is what `needle_at` and the matcher wait on.
        let e = &self.t.events[pos as usize];
        let quotes = e.quotes.iter().map(|q| q.text.len());
        let claims = e.claims.iter().map(|c| c.text.len());
        std::hint::black_box(
            e.title.len()
                + e.summary.as_ref().map_or(0, |s| s.len())
                + quotes.chain(claims).sum::<usize>(),
        );
    }

    fn needle_at(&mut self, pos: u32, at: usize) -> Option<bool> {
        let e = &self.t.events[pos as usize];
        match at_needle(e, self.text, at, self.matcher.needle) {
            Place::Match => Some(true),
            Place::Elsewhere => None,
            Place::Unsure => Some(self.matcher.event_matches(e)),
        }
    }

    fn matches(&mut self, pos: u32) -> bool {
        self.matcher.event_matches(&self.t.events[pos as usize])
    }
}

/// What the raw text at a candidate for the needle says about an event.
enum Place {
    /// The needle is there, inside one of the strings searched.
    Match,
    /// Not inside any string searched, all of which are the file's text as written: the rest of
    /// the event's text must tell.
    Elsewhere,
    /// Only the event's records can tell (an escaped string, or text that folds unevenly).
    Unsure,
}

/// Whether event `e` holds the folded `needle` at byte `at` of `text`, the text it was loaded
/// from. Only its strings' places are read, not their text (which the scan has just read).
fn at_needle(e: &Event<'_>, text: &str, at: usize, needle: &str) -> Place {
    let strings = || {
        std::iter::once(&e.title)
            .chain(&e.summary)
            .chain(e.quotes.iter().map(|q| &q.text))
            .chain(e.claims.iter().map(|c| &c.text))
    };
    let Some(window) = text.get(at..at + needle.len()) else {
        return Place::Unsure;
    };
    let (start, end) = (
        window.as_ptr().addr(),
        window.as_ptr().addr() + window.len(),
    );
    let inside = strings().any(|s| {
        let from = s.as_ptr().addr();
        s.is_borrowed() && from <= start && end <= from + s.len()
    });
    if !inside {
        return if strings().all(Str::is_borrowed) {
            Place::Elsewhere
        } else {
            Place::Unsure
        };
    }
    // Case is all that folding changes in an ASCII window (no letters there fold to others).
    let same = if window.is_ascii() {
        window.eq_ignore_ascii_case(needle)
    } else {
        fold(window) == needle
    };
    if same { Place::Match } else { Place::Unsure }
}

fn search_events(t: &Timeline<'_>, needle: &str) -> Vec<u32> {
    let n = t.events.len();
    let chunk = n.div_ceil(threads()).max(4096);
    let parts: Vec<_> = t.events.chunks(chunk).enumerate().collect();
    in_parallel(parts, |(k, events)| scan_events(events, k * chunk, needle))
        .into_iter()
        .flatten()
        .collect()
}

fn scan_events(events: &[Event<'_>], first: usize, needle: &str) -> Vec<u32> {
    let mut m = Matcher::new(needle);
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| m.event_matches(e))
        .map(|(i, _)| (first + i) as u32)
        .collect()
}

/// Matches one folded needle against text, reusing a scratch buffer for non-ASCII text.
pub struct Matcher<'n> {
    needle: &'n str,
    scratch: String,
}

impl<'n> Matcher<'n> {
    /// `needle` must already be folded.
    #[must_use]
    pub fn new(needle: &'n str) -> Self {
        Matcher {
            needle,
            scratch: String::new(),
        }
    }

    /// Whether the event's title, summary, or the text of any of its quotes or claims contains
    /// the needle, as [`Matcher::matches`] decides.
    #[must_use]
    pub fn event_matches(&mut self, e: &Event<'_>) -> bool {
        self.matches(&e.title)
            || e.summary.as_deref().is_some_and(|s| self.matches(s))
            || e.quotes.iter().any(|q| self.matches(&q.text))
            || e.claims.iter().any(|c| self.matches(&c.text))
    }

    /// Whether `text` contains the needle, ignoring case and accents.
    pub fn matches(&mut self, text: &str) -> bool {
        let ascii_needle = self.needle.is_ascii();
        if text.is_ascii() {
            // Folding ASCII only lowers its case, and cannot produce a non-ASCII needle.
            return ascii_needle && contains_ascii_nocase(text.as_bytes(), self.needle.as_bytes());
        }
        if ascii_needle && contains_ascii_nocase(text.as_bytes(), self.needle.as_bytes()) {
            return true;
        }
        // Beyond ASCII case, only text that can fold differently needs folding: for an ASCII
        // needle, characters that fold into ASCII or vanish (see `folds_into_ascii`); Cyrillic
        // or CJK text cannot fold into ASCII.
        if ascii_needle && !any_byte(text.as_bytes(), folds_into_ascii) {
            return false;
        }
        self.scratch.clear();
        fold_into(text, &mut self.scratch);
        self.scratch.contains(self.needle)
    }
}

/// Whether `b` can start a character that folds into ASCII or to nothing: Latin letters with
/// accents (U+00C0–U+024F, lead bytes C3–C9), combining marks (CC–CD), and the Kelvin and
/// Ångström signs (E2). A test checks this against every character.
fn folds_into_ascii(b: u8) -> bool {
    matches!(b, 0xC3..=0xC9 | 0xCC | 0xCD | 0xE2)
}

/// Whether any byte passes `test`; checked 64 bytes at a time without early exits inside a
/// block, so that it compiles to vector compares.
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(64);
    let found = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |acc, &b| acc | test(b)));
    found || blocks.remainder().iter().any(|&b| test(b))
}

/// Whether `hay` contains `needle` (lower-case ASCII) ignoring ASCII case.
fn contains_ascii_nocase(hay: &[u8], needle: &[u8]) -> bool {
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let [a, b, ..] = *needle else {
        return needle.is_empty() || hay.iter().any(|&h| h.to_ascii_lowercase() == needle[0]);
    };
    // A letter is found in either case by setting the 0x20 bit; anything else exactly.
    let (or_a, or_b) = (
        if a.is_ascii_lowercase() { 0x20 } else { 0 },
        if b.is_ascii_lowercase() { 0x20 } else { 0 },
    );
    let found_at = |i: usize| hay[i + 2..i + needle.len()].eq_ignore_ascii_case(&needle[2..]);
    let pair_at = |i: usize| (hay[i] | or_a) == a && (hay[i + 1] | or_b) == b;
    // Candidates are where the first two bytes match: rare enough that most 32-byte blocks
    // have none, so the scan runs at the speed of the vector compare.
    let mut base = 0;
    while base + 33 <= hay.len() && base + 31 <= last_start {
        let Ok(w) = <&[u8; 33]>::try_from(&hay[base..base + 33]) else {
            break;
        };
        let mut bits = (0..32).fold(0u32, |m, i| {
            m | ((u32::from((w[i] | or_a) == a) & u32::from((w[i + 1] | or_b) == b)) << i)
        });
        while bits != 0 {
            if found_at(base + bits.trailing_zeros() as usize) {
                return true;
            }
            bits &= bits - 1;
        }
        base += 32;
    }
    (base..=last_start).any(|i| pair_at(i) && found_at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_matching_ignores_case_only_for_letters() {
        assert!(contains_ascii_nocase(b"The CEASEFIRE holds", b"ceasefire"));
        assert!(contains_ascii_nocase(b"x 1,000 for 1,000", b"1,000 for"));
        assert!(!contains_ascii_nocase(b"@home", b"`home"));
        assert!(!contains_ascii_nocase(b"ceasefir", b"ceasefire"));
        // Matches across the 32-byte chunks the scan works in.
        let long = format!("{}Peskov", "x".repeat(61));
        assert!(contains_ascii_nocase(long.as_bytes(), b"peskov"));
        assert!(contains_ascii_nocase(b"peskov", b"peskov"));
        for n in 0..80 {
            let hay = format!("{}PeSkOv{}", "y".repeat(n), "y".repeat(n % 7));
            assert!(contains_ascii_nocase(hay.as_bytes(), b"peskov"), "at {n}");
            assert!(
                !contains_ascii_nocase(hay.as_bytes(), b"peskovy!"),
                "at {n}"
            );
        }
        assert!(contains_ascii_nocase(b"xAx", b"a"));
        assert!(!contains_ascii_nocase(b"", b"a"));
    }

    use std::fmt::Write;

    /// The text search beside the scan of the records, for every needle and 1 to 3 runs.
    fn check_text_search(text: &str, needles: &[&str]) -> usize {
        let t = crate::model::load_str(text)
            .unwrap_or_else(|d| panic!("{}", crate::model::diag::render("t.ron", text, &d)))
            .timeline;
        let index = Index::build(&t);
        assert!(index.file_order.fits(&t, text));
        let mut found = 0;
        for &needle in needles {
            let expected = search_records(&t, needle);
            let folded = fold(needle);
            let pattern = Pattern::new(&folded, text).unwrap();
            for parts in 1..=3 {
                let got = search_text(&t, &index, text, &pattern, &folded, parts);
                assert_eq!(got, expected, "{needle:?} in {parts} runs");
            }
            assert_eq!(search(&t, &index, Some(text), needle), expected);
            found += expected.len();
        }
        found
    }

    /// String contents as RON writes them (escapes included), chosen to be hard for a search of
    /// the raw text: case, accents, combining marks, escapes, Cyrillic, characters that fold to
    /// a character of another length (the Kelvin sign, `İ`).
    const PIECES: &[&str] = &[
        "ceasefire",
        "CeaseFire",
        "CEASE",
        "fire",
        " ",
        ". ",
        "Türkiye",
        "TÜRKİYE",
        "İstanbul",
        "cafe\u{301}",
        "CAFE\u{301}S",
        "cafe\\u{301}",
        "caf\\u{e9}",
        "\\\"quoted\\\"",
        "line\\nbreak",
        "\\\\",
        "ПЕРЕМИРИЕ",
        "перемирие",
        "Пёремирие",
        "ПЕРЕМИРИЙ",
        "\u{212A}elvin",
        "\\u{212A}ELVIN",
        "\u{212B}",
        "zanzibar",
        "cease\\\n        fire",
        "ceasefir\\u{65}",
        "ceasefir\\x45",
        "’",
        "—",
        "e",
        "a",
        "k",
        "ÉÈ",
    ];

    /// What is looked for, folded or not; some only in ids, tags, sources or comments.
    const NEEDLES: &[&str] = &[
        "ceasefire",
        "cease",
        "fire",
        "e fire",
        "turkiye",
        "TÜRKIYE",
        "istanbul",
        "i",
        "cafe",
        "cafes",
        "café",
        "перемирие",
        "пЁремирие",
        "перемирий",
        "kelvin",
        "k",
        "a",
        "é",
        "\"quoted\"",
        "\"",
        "line\nbreak",
        "\\",
        "zanzibar",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "x’",
        "ex",
        "only-in-ids",
        "tagged",
        "told via",
        "in context",
        "somewhere",
        "source title",
        "commented",
    ];

    #[test]
    fn text_search_finds_what_the_records_hold() {
        let text = r#"Timeline(title: "T", participants: [Participant(id: "p", name: "P")],
    sources: [Source(id: "s", outlet: "S")],
    events: [
        Event(id: "only-in-ids", when: "2025-02", title: "Türkiye — CAFE\u{301}S", tags: ["tagged"],
              location: "Somewhere", quotes: [Quote(speaker: "p", text: "x", source: "s", via: "told via", context: "in context")]),
        // commented ceasefire
        Event(id: "b", when: "2025-01", title: "cease\
                fire \"quoted\" ПЕРЕМИРИЕ", claims: [Claim(source: "s", text: "\u{212A}elvin")]),
    ],
)"#;
        assert!(check_text_search(text, NEEDLES) > 0);
        let t = crate::model::load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        for (needle, hits) in [
            ("ceasefire", vec![0]),
            ("turkiye", vec![1]),
            ("kelvin", vec![0]),
            ("cafes", vec![1]),
            ("\"quoted\"", vec![0]),
            ("перемирие", vec![0]),
            ("tagged", vec![]),
            ("told via", vec![]),
            ("somewhere", vec![]),
            ("only-in-ids", vec![]),
            ("commented", vec![]),
        ] {
            assert_eq!(search(&t, &index, Some(text), needle), hits, "{needle}");
        }
    }

    #[test]
    fn the_bundled_timeline_searches_alike_both_ways() {
        let found = check_text_search(
            crate::model::BUNDLED,
            &[
                "istanbul",
                "memorand",
                "peskov",
                "ПЕСКОВ",
                "ciragan",
                "july",
                "’s",
                "—",
                "“",
                "a",
                "e",
                "2025",
                "the third round",
                "xinhua-2025",
                "rt-live",
                "wire",
            ],
        );
        assert!(found > 10);
    }

    #[test]
    fn only_the_searched_strings_of_an_event_count() {
        // Plainly written, so that the raw text alone tells; the last event's text runs on
        // into the sources listed after the events.
        let text = r#"Timeline(title: "ceasefire", participants: [Participant(id: "p", name: "P")],
    events: [
        Event(id: "ceasefire-1", when: "2025", title: "One", location: "ceasefire", tags: ["x", "ceasefire"],
              quotes: [Quote(speaker: "p", text: "No.", source: "s", via: "ceasefire", context: "ceasefire")]),
        Event(id: "ceasefire-2", when: "2025", title: "Two", summary: "A CeaseFire."),
        Event(id: "ceasefire-3", when: "2025", title: "Three", claims: [Claim(source: "s", via: "ceasefire", text: "No.")]),
    ],
    sources: [Source(id: "s", outlet: "S", title: "ceasefire")],
    summary: "ceasefire",
)"#;
        let t = crate::model::load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        assert_eq!(search(&t, &index, Some(text), "ceasefire"), [1]);
        check_text_search(text, &["ceasefire", "one", "no.", "x"]);
    }

    #[test]
    fn a_match_is_found_at_every_offset_from_its_event() {
        // The scan restarts at each event after a match: event k holds the needle k bytes
        // further in, so that some event puts it at every offset from a 64-byte block.
        let mut text = String::from(
            "Timeline(title: \"T\", participants: [], sources: [Source(id: \"s\", outlet: \"S\")], events: [\n",
        );
        for k in 0..160 {
            writeln!(
                text,
                "Event(id: \"e{k}\", when: \"2025\", title: \"{}CeaseFire\", summary: \"{}ПЕРЕМИРИЕ\"),",
                "y".repeat(k),
                "ю".repeat(k % 70),
            ).unwrap();
        }
        text += "])";
        check_text_search(&text, &["ceasefire", "перемирие", "yc", "fire", "юп"]);
        let t = crate::model::load_str(&text).unwrap().timeline;
        let index = Index::build(&t);
        assert_eq!(search(&t, &index, Some(&text), "ceasefire").len(), 160);
        assert_eq!(search(&t, &index, Some(&text), "перемирие").len(), 160);
    }

    #[test]
    fn without_the_text_the_records_are_read() {
        let json = r#"{"title": "T", "sources": [], "participants": [], "events": [
            {"id": "a", "when": "2025", "title": "Ceasefire"},
            {"id": "b", "when": "2024", "title": "Truce"}]}"#;
        let t: Timeline<'_> = serde_json::from_str(json).unwrap();
        let index = Index::build(&t);
        assert!(!index.file_order.fits(&t, json), "no offsets");
        assert_eq!(search(&t, &index, Some(json), "ceasefire"), [0]);
        assert_eq!(search(&t, &index, None, "ceasefire"), [0]);
        // A text the timeline was not loaded from is not used.
        let text = super::super::testdata::SMALL;
        let small = crate::model::load_str(text).unwrap().timeline;
        let other = format!("{text}\n{}", text.replace("Talks end", "Talks end!"));
        assert!(!Index::build(&small).file_order.fits(&small, &other));
    }

    mod generated {
        use std::fmt::Write;

        use super::{NEEDLES, PIECES, check_text_search};
        use proptest::prelude::*;
        use proptest::sample::select;

        /// String content: pieces and runs of padding that move them across 64-byte blocks.
        fn content() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                3 => select(PIECES).prop_map(String::from),
                1 => (0..130usize).prop_map(|n| "x".repeat(n)),
            ];
            proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
        }

        /// Titles, quotes and claims must hold some text.
        fn nonblank(s: String) -> String {
            if s.trim().is_empty() { s + "z" } else { s }
        }

        #[derive(Debug, Clone)]
        struct Ev {
            day: u8,
            title: String,
            summary: Option<String>,
            quotes: Vec<String>,
            claims: Vec<String>,
            /// For the fields a search must not read.
            elsewhere: String,
            /// Bits choosing how the event is written: comments inside it, raw strings, `Some`,
            /// keys apart from their values.
            style: u8,
        }

        fn event() -> impl Strategy<Value = Ev> {
            (
                (1..29u8, content(), proptest::option::of(content())),
                proptest::collection::vec(content(), 0..3),
                proptest::collection::vec(content(), 0..3),
                (select(NEEDLES), any::<u8>()),
            )
                .prop_map(
                    |((day, title, summary), quotes, claims, (elsewhere, style))| Ev {
                        day,
                        title: nonblank(title),
                        summary,
                        quotes: quotes.into_iter().map(nonblank).collect(),
                        claims: claims.into_iter().map(nonblank).collect(),
                        elsewhere: elsewhere.replace(['"', '\\', '\n'], "_"),
                        style,
                    },
                )
        }

        fn ron(events: &[Ev], sources_last: bool, trailer: &str) -> String {
            let sources = "sources: [Source(id: \"s\", outlet: \"S\", title: \"ceasefire перемирие source title\")]";
            let mut o = String::from(
                "Timeline(title: \"T\", participants: [Participant(id: \"p\", name: \"Cease Fire\")],\n",
            );
            if !sources_last {
                o += sources;
                o += ",\n";
            }
            o += "events: [";
            for (k, e) in events.iter().enumerate() {
                let x = &e.elsewhere;
                let style = |bit: u8| e.style & (1 << bit) != 0;
                if style(0) {
                    write!(o, "\n// commented {x}\n/* {x} */").unwrap();
                }
                // Strings a search must not read, written so that the text looks like a title.
                let other = if style(1) {
                    format!("r#\"{x}\", title: \"{x}\"#")
                } else if style(2) {
                    format!("r\"{x}\"")
                } else {
                    format!("\"{x}\"")
                };
                let key = |name: &str| {
                    if style(3) {
                        format!("{name} :\n      ")
                    } else {
                        format!("{name}: ")
                    }
                };
                write!(
                    o,
                    "Event(id: \"{k}-{x}\", when: \"2025-01-{:02}\", {}\"{}\", location: {other}, tags: [\"{x}\", {other}],",
                    e.day,
                    key("title"),
                    e.title
                ).unwrap();
                if style(4) {
                    write!(o, "\n/* title: \"{x} */ // text: \"{x}\n").unwrap();
                }
                if let Some(s) = &e.summary {
                    if style(5) {
                        write!(o, " summary: Some(\"{s}\"),").unwrap();
                    } else {
                        write!(o, " {}\"{s}\",", key("summary")).unwrap();
                    }
                }
                o += " quotes: [";
                for q in &e.quotes {
                    write!(
                    o,
                        "Quote(speaker: \"p\", {}\"{q}\", source: \"s\", via: {other}, context: \"{x}\"),",
                        key("text")
                    ).unwrap();
                }
                o += "], claims: [";
                for c in &e.claims {
                    let via = if style(6) {
                        format!("Some({other})")
                    } else {
                        other.clone()
                    };
                    write!(
                        o,
                        "Claim(source: \"s\", via: {via}, {}\"{c}\"),",
                        key("text")
                    )
                    .unwrap();
                }
                o += "]),";
            }
            o += "]";
            if sources_last {
                o += ",\n";
                o += sources;
            }
            o += trailer;
            o
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

            #[test]
            fn text_search_agrees_with_the_records(
                events in proptest::collection::vec(event(), 1..10),
                sources_last in any::<bool>(),
                trailer in select(&[")", ",\n)\n// ceasefire перемирие\n"][..]),
            ) {
                check_text_search(&ron(&events, sources_last, trailer), NEEDLES);
            }
        }
    }

    #[test]
    fn every_character_folding_into_ascii_is_folded() {
        for (c, f) in super::super::fold::changes() {
            if !c.is_ascii() && (f.is_empty() || f.chars().any(|x| x.is_ascii())) {
                let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
                assert!(folds_into_ascii(lead), "U+{:04X} folds to {f:?}", *c as u32);
            }
        }
        let mut m = Matcher::new("kelvin");
        assert!(m.matches("\u{212A}elvin’s scale"), "the Kelvin sign");
    }

    /// Every event has text in every searched field, so a needle that matched the empty string
    /// would find all four.
    const EVERY_FIELD: &str = r#"Timeline(title: "T", participants: [Participant(id: "p", name: "P")],
    sources: [Source(id: "s", outlet: "S")],
    events: [
        Event(id: "a", when: "2025-03", title: "Cease", summary: "fire at will",
              quotes: [Quote(speaker: "p", text: "Пёсков said so.", source: "s")]),
        Event(id: "b", when: "2025-01", title: "Café talks", summary: "Cafe\u{301} again",
              claims: [Claim(source: "s", text: "Йошкар-Ола hosted nothing.")]),
        Event(id: "c", when: "2025-02", title: "caf\u{e9} terrace"),
        Event(id: "d", when: "2024", title: "Песков, Peskov and Йошкар", summary: "CEASE FIRE"),
    ],
)"#;

    /// Runs `needle` through every way of searching and checks they agree; returns the hits.
    fn every_way(needle: &str) -> Vec<u32> {
        let text = EVERY_FIELD;
        let t = crate::model::load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        let hits = search(&t, &index, Some(text), needle);
        assert_eq!(
            search(&t, &index, None, needle),
            hits,
            "{needle:?} without the text"
        );
        assert_eq!(
            search_records(&t, needle),
            hits,
            "{needle:?} in the records"
        );
        hits
    }

    #[test]
    fn typographic_and_straight_apostrophes_match_each_other() {
        let text = r#"Timeline(title: "T", participants: [], sources: [Source(id: "s", outlet: "S")],
            events: [
                Event(id: "a", when: "2025-01", title: "The country’s delegation", sources: ["s"]),
                Event(id: "b", when: "2025-02", title: "Taxpayers' money", sources: ["s"]),
                Event(id: "c", when: "2025-03", title: "Countrys apart", sources: ["s"]),
            ])"#;
        let t = crate::model::load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        for (needle, want) in [
            ("country's", vec![0]),
            ("COUNTRY’S", vec![0]),
            ("taxpayers’ money", vec![1]),
            ("countrys", vec![2]),
        ] {
            let hits = search(&t, &index, Some(text), needle);
            assert_eq!(hits, want, "{needle:?}");
            assert_eq!(
                search(&t, &index, None, needle),
                hits,
                "{needle:?} per event"
            );
            assert_eq!(
                search_records(&t, needle),
                hits,
                "{needle:?} in the records"
            );
        }
    }

    #[test]
    fn a_needle_that_folds_to_nothing_matches_no_event() {
        // Timeline order: d (2024), b (2025-01), c (2025-02), a (2025-03).
        for needle in ["\u{301}", "\u{301}\u{308}\u{301}", ""] {
            assert_eq!(every_way(needle), Vec::<u32>::new(), "{needle:?}");
        }
        // The same through the filter the command line and the browser use: not "no filter".
        let t = crate::model::load_str(EVERY_FIELD).unwrap().timeline;
        let index = Index::build(&t);
        let args = super::super::FilterArgs {
            search: Some("\u{301}".into()),
            ..Default::default()
        };
        let filter = super::super::Filter::resolve(&t, &index, &args).unwrap();
        assert_eq!(
            filter.apply(&t, &index, Some(EVERY_FIELD)),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn accents_case_and_escapes_fold_alike_and_results_come_in_timeline_order() {
        // Timeline order: d (2024), b (2025-01), c (2025-02), a (2025-03).
        assert_eq!(
            every_way("café"),
            [1, 2],
            "precomposed, decomposed and escaped é"
        );
        assert_eq!(every_way("CAFE\u{301}"), [1, 2]);
        assert_eq!(every_way("cafe"), [1, 2]);
        assert_eq!(every_way("ПЁСКОВ"), [0, 3], "ё folds to е");
        assert_eq!(every_way("йошкар"), [0, 1], "й folds to и");
        assert_eq!(every_way("иошкар"), [0, 1]);
        assert_eq!(every_way("peskov"), [0], "Latin does not match Cyrillic");
        assert_eq!(every_way("cease fire"), [0]);
        // A match never spans two fields: a's title ends "Cease", its summary starts "fire".
        assert_eq!(every_way("ceasefire"), Vec::<u32>::new());
        assert_eq!(every_way("cease"), [0, 3]);
    }

    #[test]
    fn an_accent_anywhere_in_a_long_text_is_folded() {
        // Each position puts the accented letter in another 64-byte block or in the remainder.
        let mut m = Matcher::new("turkiye");
        for pad in 0..150 {
            let text = format!("{}Türkiye{}", "x".repeat(pad), "y".repeat(150 - pad));
            assert!(m.matches(&text), "after {pad} bytes");
            let text = format!("{}Turkey{}", "x".repeat(pad), "é".repeat(40));
            assert!(!m.matches(&text), "after {pad} bytes");
        }
        // Two accented letters in one 64-byte block, none after it.
        for pad in 0..40 {
            let text = format!("{}Türkiye, Çırağan{}", "x".repeat(pad), "y".repeat(70));
            assert!(m.matches(&text), "after {pad} bytes");
        }
        // Text no letter of which folds into ASCII cannot hold an ASCII needle.
        let mut m = Matcher::new("peskov");
        assert!(!m.matches(&"Песков ".repeat(30)));
        // Nor can ASCII text hold a needle that is not ASCII.
        let mut m = Matcher::new("песков");
        assert!(!m.matches("peskov PESKOV"));
        assert!(m.matches("Дмитрий ПЕСКОВ"));
    }

    /// The last event of a file is judged by its records (the text after it may hold anything),
    /// so these exercise `at_needle` on text written plainly.
    fn last_event_search(title: &str, trailer: &str, needle: &str) -> Vec<u32> {
        let text = format!(
            "Timeline(title: \"T\", participants: [], sources: [Source(id: \"s\", outlet: \"S\")],\n\
             events: [Event(id: \"a\", when: \"2024\", title: \"Other\"),\n\
             Event(id: \"b\", when: \"2025\", title: \"{title}\", sources: [\"s\"])])\n{trailer}"
        );
        let t = crate::model::load_str(&text).unwrap().timeline;
        let index = Index::build(&t);
        let hits = search(&t, &index, Some(&text), needle);
        assert_eq!(hits, search_records(&t, needle), "{title:?} for {needle:?}");
        hits
    }

    #[test]
    fn a_match_in_the_last_event_is_found_however_much_text_follows() {
        // The needle stands at byte ~150 of the file; what follows the events is long enough to
        // hold a window many times the needle's length from there.
        let trailer = format!("// {}\n", "ceasefire? no. ".repeat(400));
        for title in ["The ceasefire holds", "CEASEFIRE", "Turkiye: ceasefire"] {
            assert_eq!(
                last_event_search(title, &trailer, "ceasefire"),
                [1],
                "{title}"
            );
        }
        assert_eq!(last_event_search("Перемирие", &trailer, "перемирие"), [1]);
        assert_eq!(
            last_event_search("cease fire", &trailer, "ceasefire"),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn a_near_miss_in_text_beyond_ascii_is_not_a_match() {
        // Every Cyrillic letter in place of the needle's last: only those folding to `е` match.
        for c in '\u{400}'..='\u{4FF}' {
            let title = format!("Перемири{c} сегодня");
            let expected: &[u32] = if fold(&c.to_string()) == "е" {
                &[1]
            } else {
                &[]
            };
            assert_eq!(
                last_event_search(&title, "", "перемирие"),
                expected,
                "{title}"
            );
        }
    }

    #[test]
    fn positions_are_right_when_the_records_are_read_in_parts() {
        // More events than one part takes (4,096), so that several threads share them where
        // there are several cores; all at the same instant, so timeline order is file order.
        let mut text =
            String::from("Timeline(title: \"T\", participants: [], sources: [], events: [\n");
        for i in 0..9000 {
            let title = if i % 1000 == 7 {
                "Talks: ceasefire"
            } else {
                "Talks"
            };
            writeln!(
                text,
                "Event(id: \"e{i}\", when: \"2025\", title: \"{title}\"),"
            )
            .unwrap();
        }
        text += "])";
        let t = crate::model::load_str(&text).unwrap().timeline;
        let index = Index::build(&t);
        let expected: Vec<u32> = (0..9).map(|k| k * 1000 + 7).collect();
        assert_eq!(search_records(&t, "CEASEFIRE"), expected);
        assert_eq!(search(&t, &index, None, "ceasefire"), expected);
        assert_eq!(search(&t, &index, Some(&text), "ceasefire"), expected);
    }

    #[test]
    fn other_text_is_folded_before_matching() {
        let mut m = Matcher::new("turkiye");
        assert!(m.matches("Türkiye’s top diplomat"));
        let needle = fold("ПЕСКОВ");
        let mut m = Matcher::new(&needle);
        assert!(m.matches("Дмитрий Песков сказал"));
        assert!(!m.matches("Peskov"));
    }
}
