//! Hostile content made on the spot: every terminal-driving sequence in every field, through
//! every command and the browser; line separators; a single 10 MB word; a small file that asks
//! the detail pane for gigabytes. (Fixtures with hostile text are in `tests/fixtures/cli` and
//! `tests/fixtures/tui`; the deep-nesting cases are in `tests/no_panic.rs`.)

#[allow(dead_code)]
mod support;

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App, detail, text};
use roundtable::model;
use roundtable::query::Filter;
use roundtable::ui;
use support::generate::lit;
use support::screen::{check_buffer, inert_but};

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn run(args: &[&str], file: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .expect("roundtable runs")
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

/// Sequences that act on a terminal or on how text reads, each labelled.
const SEQUENCES: &[(&str, &str)] = &[
    ("clear", "\u{1b}[2J\u{1b}[H"),
    ("osc0", "\u{1b}]0;pwned\u{7}"),
    ("osc2", "\u{1b}]2;pwned\u{1b}\\"),
    ("osc52", "\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
    ("bel", "\u{7}\u{7}"),
    ("c1", "\u{9b}31m\u{9d}0;x\u{9c}"),
    ("nul", "\0"),
    ("bidi", "\u{202e}evil\u{202c}\u{2067}x\u{2069}"),
    ("sep", "a\u{2028}b\u{2029}c"),
];

/// All of [`SEQUENCES`], as one string.
fn all() -> String {
    SEQUENCES.iter().map(|(_, s)| *s).collect()
}

/// A timeline with hostile text in titles, names, quotes, outlets, ids and every other field
/// that holds text. `dangling` adds references to ids that do not exist, so that `check`
/// reports errors quoting hostile ids.
fn hostile_timeline(dangling: bool) -> String {
    let h = all();
    let mut o = String::new();
    let s = |o: &mut String, name: &str, v: &str| {
        let _ = write!(o, "{name}: ");
        lit(o, v);
        o.push_str(", ");
    };
    o.push_str("Timeline(");
    s(&mut o, "title", &format!("T {h}"));
    s(&mut o, "summary", &h);
    o.push_str("sources: [Source(");
    s(&mut o, "id", &format!("s{h}"));
    s(&mut o, "outlet", &format!("O {h}"));
    s(&mut o, "title", &format!("H {h}"));
    s(&mut o, "url", &h);
    o.push_str("byline: [");
    lit(&mut o, &h);
    o.push_str("])], participants: [Participant(");
    s(&mut o, "id", &format!("p{h}"));
    s(&mut o, "name", &format!("N {h}"));
    s(&mut o, "role", &h);
    s(&mut o, "side", &h);
    o.push_str("aliases: [");
    lit(&mut o, &h);
    o.push_str("])], rounds: [Round(number: 1, ");
    s(&mut o, "title", &format!("R {h}"));
    s(&mut o, "venue", &h);
    o.push_str(")], events: [Event(when: \"2025-07-23\", round: 1, ");
    s(&mut o, "id", &format!("e{h}"));
    s(&mut o, "title", &format!("E {h}"));
    s(&mut o, "summary", &h);
    s(&mut o, "location", &h);
    o.push_str("tags: [");
    lit(&mut o, &h);
    o.push_str("], participants: [");
    lit(&mut o, &format!("p{h}"));
    o.push_str("], sources: [");
    lit(&mut o, &format!("s{h}"));
    if dangling {
        o.push_str(", ");
        lit(&mut o, &format!("missing{h}"));
    }
    o.push_str("], quotes: [Quote(");
    s(&mut o, "speaker", &format!("p{h}"));
    s(&mut o, "text", &format!("Q {h}"));
    s(&mut o, "source", &format!("s{h}"));
    s(&mut o, "via", &h);
    s(&mut o, "context", &h);
    o.push_str(")], claims: [Claim(");
    s(&mut o, "id", &format!("c{h}"));
    s(&mut o, "by", &format!("p{h}"));
    s(&mut o, "text", &format!("C {h}"));
    s(&mut o, "source", &format!("s{h}"));
    s(&mut o, "via", &h);
    o.push_str("), Claim(text: \"Counter\", ");
    s(&mut o, "source", &format!("s{h}"));
    o.push_str("disputes: [");
    lit(&mut o, &format!("c{h}"));
    o.push_str("])])])\n");
    o
}

#[test]
fn every_sequence_in_every_field_is_inert_in_every_command_and_exports_keep_it() {
    let file = scratch("hostile-every-field.ron");
    fs::write(&file, hostile_timeline(false)).unwrap();
    let o = run(&["check"], &file);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    inert_but(text(&o.stderr), &['\n']).unwrap();

    let o = run(&["list"], &file);
    assert_eq!(o.status.code(), Some(0));
    inert_but(text(&o.stdout), &['\n', '\t']).unwrap();
    let line = text(&o.stdout).trim_end();
    assert_eq!(line.matches('\t').count(), 6, "{line}");
    // Each sequence shows as its escape: the user sees what the file holds.
    for needle in [
        r"\x1b[2J\x1b[H",
        r"\x1b]0;pwned\x07",
        r"\x1b]52;c;cm0gLXJmIH4=\x07",
        r"\u{9b}31m",
        r"\x00",
        r"\u{202e}evil",
        r"a\u{2028}b\u{2029}c",
    ] {
        assert!(line.contains(needle), "{needle} not in {line}");
    }

    // One line per statement, eight fields each, every field escaped.
    let o = run(&["statements"], &file);
    assert_eq!(o.status.code(), Some(0));
    let rows = text(&o.stdout);
    inert_but(rows, &['\n', '\t']).unwrap();
    assert_eq!(rows.lines().count(), 3, "{rows}");
    for row in rows.lines() {
        assert_eq!(row.matches('\t').count(), 7, "{row}");
        assert!(row.contains(r"\x1b]52;c;cm0gLXJmIH4=\x07"), "{row}");
    }

    // The CSV keeps newlines and tabs inside quoted fields, and escapes the rest.
    let o = run(&["export", "--format", "csv"], &file);
    assert_eq!(o.status.code(), Some(0));
    let csv = text(&o.stdout);
    inert_but(csv, &['\n', '\t']).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let text_column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "text")
        .unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3, "{csv}");
    assert!(
        records[0][text_column].starts_with(r"Q \x1b[2J\x1b[H"),
        "{csv}"
    );

    let o = run(&["export", "--format", "markdown"], &file);
    assert_eq!(o.status.code(), Some(0));
    let md = text(&o.stdout);
    inert_but(md, &['\n']).unwrap();
    assert!(md.contains(r"\u{2028}"), "{md}");

    let o = run(&["export", "--format", "json"], &file);
    inert_but(text(&o.stdout), &['\n']).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let h = all();
    assert_eq!(json["title"], format!("T {h}"));
    assert_eq!(json["events"][0]["quotes"][0]["text"], format!("Q {h}"));
    assert_eq!(json["sources"][0]["outlet"], format!("O {h}"));

    let o = run(&["export", "--format", "ron"], &file);
    let ron = text(&o.stdout);
    inert_but(ron, &['\n']).unwrap();
    let again = model::load_str(ron).expect("the RON export loads");
    assert_eq!(again.timeline.participants[0].name, format!("N {h}"));
    assert_eq!(again.timeline.events[0].id.value, format!("e{h}"));
}

#[test]
fn errors_quoting_hostile_ids_and_names_are_escaped() {
    let file = scratch("hostile-dangling.ron");
    fs::write(&file, hostile_timeline(true)).unwrap();
    for args in [
        &["check"][..],
        &["list"],
        &["export", "--format", "markdown"],
    ] {
        let o = run(args, &file);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = text(&o.stderr);
        inert_but(err, &['\n']).unwrap();
        assert!(
            err.contains(r"unknown source `missing\x1b[2J\x1b[H\x1b]0;pwned\x07"),
            "{err}"
        );
        assert!(err.contains(r"a\u{2028}b\u{2029}c"), "{err}");
    }
    // A flag echoing a hostile value back.
    let o = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        // (An argument cannot hold NUL.)
        .args(["list", "--speaker", &all().replace('\0', "")])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    inert_but(text(&o.stderr), &['\n']).unwrap();
}

/// Loads `source` and opens the browser on it at `w`×`h`.
fn open(source: String, w: u16, h: u16) -> App {
    let doc = roundtable::query::document::Document::load("hostile.ron", source)
        .unwrap_or_else(|f| panic!("{}", model::diag::render("test", &f.text, &f.diagnostics)));
    let mut app = App::new(std::sync::Arc::new(doc), &Filter::default());
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

fn draw(app: &App) -> ratatui::buffer::Buffer {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    t.backend().buffer().clone()
}

#[test]
fn the_browser_shows_every_sequence_inert_and_readable() {
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = open(hostile_timeline(false), w, h);
        for action in [
            Action::FocusNext,
            Action::ScrollPageDown,
            Action::ScrollPageDown,
            Action::OpenSpeakers,
            Action::Back,
            Action::OpenRounds,
        ] {
            app.update(action);
            check_buffer(&draw(&app)).unwrap();
        }
    }
    let app = open(hostile_timeline(false), 200, 60);
    let shown = support::screen::plain(&draw(&app));
    assert!(
        shown.contains(r"E \x1b[2J\x1b[H\x1b]0;pwned\x07"),
        "{shown}"
    );
}

/// A valid timeline whose one event has a word of `len` bytes as its title and quote.
fn one_word(len: usize) -> String {
    let word = "ab土".repeat(len / 5);
    format!(
        "Timeline(title: \"T\", sources: [Source(id: \"s\", outlet: \"O\")], \
         participants: [Participant(id: \"p\", name: \"P\")], events: [Event(id: \"e\", \
         when: \"2025\", title: \"{word}\", sources: [\"s\"], quotes: \
         [Quote(speaker: \"p\", text: \"{word}\", source: \"s\")])])"
    )
}

/// Fails when `f` takes longer than `limit` (a debug build on a busy machine: the limits are
/// loose; quadratic work on 10 MB would take minutes).
fn within<T>(what: &str, limit: Duration, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?}");
    out
}

#[test]
fn a_10_mb_word_loads_lists_and_draws_quickly() {
    const MB10: usize = 10 << 20;
    let source = one_word(MB10);
    let file = scratch("10mb-word.ron");
    fs::write(&file, &source).unwrap();
    let o = within("list", Duration::from_secs(20), || run(&["list"], &file));
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stdout.len() > MB10 - 5, "{}", o.stdout.len());

    let mut app = within("load", Duration::from_secs(20), || open(source, 120, 40));
    for (w, h) in [(120, 40), (80, 24), (300, 100), (20, 6)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        within(
            &format!("draw and scroll at {w}×{h}"),
            Duration::from_secs(5),
            || {
                check_buffer(&draw(&app)).unwrap();
                app.update(Action::FocusNext);
                app.update(Action::ScrollBottom);
                check_buffer(&draw(&app)).unwrap();
                app.update(Action::FocusNext);
            },
        );
    }
    // The pane says where the rest is instead of wrapping 10 MB on every key.
    let doc: String = detail::document(&app, 200)
        .iter()
        .map(|l| l.iter().map(|s| s.text.as_str()).collect::<String>() + "\n")
        .collect();
    assert!(doc.len() < 3 * text::PARA_BYTES, "{}", doc.len());
    // Wrapping may break the note over lines: compare without the spaces.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(
        squeeze(&doc).matches(&squeeze(text::CLIPPED)).count(),
        2,
        "title and quote:\n{doc}"
    );
}

/// Found by the render fuzzer (`fuzz/seeds/render/detail-amplification`): a 2 KB input made
/// the detail pane wrap 100,000 lines on every key, because one event cited a source with a
/// long title thousands of times. Now the pane stops at `MAX_LINES` and says so.
#[test]
fn a_small_file_cannot_make_the_detail_pane_huge() {
    let long = "headline ".repeat(1000);
    let mut src = format!(
        "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"O\", title: \"{long}\")], \
         participants: [Participant(id: \"p\", name: \"{long}\")], events: [Event(id: \"e\", \
         when: \"2025\", title: \"E\", participants: ["
    );
    src.push_str(&"\"p\", ".repeat(3000));
    src.push_str("], sources: [");
    src.push_str(&"\"s\", ".repeat(3000));
    src.push_str("], claims: [Claim(id: \"c\", text: \"");
    src.push_str(&long);
    src.push_str("\", source: \"s\")]), Event(id: \"f\", when: \"2025\", title: \"");
    src.push_str(&long);
    src.push_str("\", claims: [");
    src.push_str(&"Claim(text: \"x\", source: \"s\", disputes: [\"c\"]), ".repeat(3000));
    src.push_str("])])");
    assert!(src.len() < 600_000, "{}", src.len());
    let mut app = open(src, 100, 30);
    within("40 keys with frames", Duration::from_secs(60), || {
        for _ in 0..2 {
            app.update(Action::FocusNext);
            for _ in 0..10 {
                app.update(Action::ScrollPageDown);
                check_buffer(&draw(&app)).unwrap();
            }
            app.update(Action::FocusNext);
            app.update(Action::NextEvent);
        }
    });
    for pos in 0..2 {
        app.update(if pos == 0 {
            Action::FirstEvent
        } else {
            Action::LastEvent
        });
        let doc = detail::document(&app, 48);
        // The budget, a blank line, and the note in two lines.
        assert!(doc.len() <= detail::MAX_LINES + 3, "{}", doc.len());
        let end: String = doc[doc.len() - 2..]
            .iter()
            .flatten()
            .map(|s| s.text.as_str())
            .collect();
        assert!(
            end.contains("`roundtable export` writes all of it"),
            "{end}"
        );
    }
}
