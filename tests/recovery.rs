//! `check` reports every mistake of a hand-written file in one run: after a syntax error the
//! reader resumes, each mistake gives one error with a hint a person can act on, and the rest
//! of the file is still checked, references included.
//!
//! The fixtures are in `tests/fixtures/multi/`: `four_mistakes.ron` is the example of issue 9;
//! every other one is `tests/fixtures/valid/talks.ron` with the mistake its first line names
//! (and, in the `resume_*` ones and a few others, a speaker misspelt further on, to show that
//! reading went on to resolve references). Positions were counted by hand in the fixtures.

use std::fs;
use std::process::Command;
use std::thread;

use roundtable::model::{self, diag::render, parse};

const DIR: &str = "tests/fixtures/multi";

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What a user is told about `text`: its diagnostics, one per line.
fn report(name: &str, text: &str) -> String {
    match model::load_str(text) {
        Ok(loaded) => render(name, text, &loaded.warnings),
        Err(diags) => render(name, text, &diags),
    }
}

fn assert_reported(name: &str, lines: &[&str]) {
    let path = format!("{DIR}/{name}.ron");
    let text = read(&path);
    let expected: String = lines.iter().flat_map(|l| [l, "\n"]).collect();
    assert_eq!(report(&path, &text), expected, "{path}");
}

macro_rules! reported {
    ($($name:ident: [$($line:expr),* $(,)?],)*) => {
        mod fixture {
            use super::assert_reported;
            $(
                #[test]
                fn $name() {
                    assert_reported(stringify!($name), &[$($line),*]);
                }
            )*
        }
        const FIXTURES: &[&str] = &[$(stringify!($name)),*];
    };
}

/// The misspelt speaker further on in the `resume_*` fixtures: reported only when reading
/// went on after the syntax error and validation ran on what was read.
macro_rules! pesko {
    ($name:literal) => {
        concat!(
            "tests/fixtures/multi/",
            $name,
            ".ron:48:30: error: unknown participant `pesko`; did you mean `peskov`?"
        )
    };
}

reported! {
    // Issue 9: a missing comma on line 6, a `"` inside a string on line 8, typographic quotes
    // on line 10, each with its hint, and the unknown reference of line 12 after them.
    four_mistakes: [
        "tests/fixtures/multi/four_mistakes.ron:6:51: error: missing `,` before the field `venue` of `Round`",
        r#"tests/fixtures/multi/four_mistakes.ron:8:95: error: expected `,` or `)` after a field of `Event`, found `mainly`; if the `"` before it belongs to the text, write it as `\"`"#,
        r#"tests/fixtures/multi/four_mistakes.ron:10:53: error: strings are written between straight quotes `"`, not typographic ones: write `"` instead of `“` and `”`"#,
        "tests/fixtures/multi/four_mistakes.ron:12:37: error: unknown participant `medinksy`; did you mean `medinsky`?",
    ],

    // Each hint alone.
    quote_inside_string: [
        r#"tests/fixtures/multi/quote_inside_string.ron:49:36: error: expected `,` or `)` after a field of `Quote`, found `expects`; if the `"` before it belongs to the text, write it as `\"`"#,
    ],
    typographic_quotes: [
        r#"tests/fixtures/multi/typographic_quotes.ron:49:27: error: strings are written between straight quotes `"`, not typographic ones: write `"` instead of `“` and `”`"#,
    ],
    // The `’` of "It’s" does not end the string: the one before the `,` does.
    typographic_single_quotes: [
        r#"tests/fixtures/multi/typographic_single_quotes.ron:49:27: error: strings are written between straight quotes `"`, not typographic ones: write `"` instead of `‘` and `’`"#,
    ],
    typographic_closing_quote: [
        r#"tests/fixtures/multi/typographic_closing_quote.ron:50:30: error: expected `,` or `)` after a field of `Quote`, found `rt`; the string that starts on line 49 is not closed on that line: the typographic `”` there does not close a string, write `"`"#,
    ],
    missing_bracket: [
        "tests/fixtures/multi/missing_bracket.ron:7:5: error: missing `]` to close the list that starts on line 4",
    ],
    missing_paren: [
        "tests/fixtures/multi/missing_paren.ron:38:9: error: missing `)` to close the `Event(…)` that starts on line 17",
    ],
    missing_paren_comma_left: [
        "tests/fixtures/multi/missing_paren_comma_left.ron:38:9: error: missing `)` to close the `Event(…)` that starts on line 17",
    ],
    missing_paren_before_bracket: [
        "tests/fixtures/multi/missing_paren_before_bracket.ron:51:13: error: missing `)` to close the `Quote(…)` that starts on line 47",
    ],
    missing_closing_quote: [
        r#"tests/fixtures/multi/missing_closing_quote.ron:9:41: error: expected `,` or `)` after a field of `Participant`, found `Dmitry`; is a `"` missing before `, name:`?"#,
    ],
    missing_opening_quote: [
        r#"tests/fixtures/multi/missing_opening_quote.ron:20:20: error: expected a string, found `The`; is the opening `"` of a string missing before it?"#,
    ],
    missing_opening_bracket: [
        r#"tests/fixtures/multi/missing_opening_bracket.ron:21:27: error: expected a list `[…]`, found the string "zelensky"; is its opening `[` missing?"#,
    ],
    extra_paren: [
        "tests/fixtures/multi/extra_paren.ron:6:95: error: expected `,` or `]` in a list, found `)`; it closes nothing here: delete it",
    ],
    wrong_bracket: [
        "tests/fixtures/multi/wrong_bracket.ron:6:94: error: expected `,` or `)` after a field of `Source`, found `]`; the `Source(…)` that starts on line 6 is closed with `)`",
    ],
    missing_colon: [
        r#"tests/fixtures/multi/missing_colon.ron:20:19: error: expected `:` after the field name `title`, found the string "The date of the third round is announced""#,
    ],
    quoted_field_name: [
        r#"tests/fixtures/multi/quoted_field_name.ron:20:13: error: field names are written without quotes: write `title:`, not `"title":`"#,
    ],

    // Each place reading resumes at, after one mistake: one error, and the misspelt speaker of
    // line 48 still found.
    missing_comma_between_fields: [
        "tests/fixtures/multi/missing_comma_between_fields.ron:20:13: error: missing `,` before the field `title` of `Event`",
        pesko!("missing_comma_between_fields"),
    ],
    missing_comma_between_items: [
        "tests/fixtures/multi/missing_comma_between_items.ron:6:9: error: missing `,` before `Source(…)` in a list",
        pesko!("missing_comma_between_items"),
    ],
    comma_mistyped: [
        "tests/fixtures/multi/comma_mistyped.ron:21:38: error: expected `,`, found `;`",
        pesko!("comma_mistyped"),
    ],
    resume_at_comma_in_record: [
        "tests/fixtures/multi/resume_at_comma_in_record.ron:19:32: error: expected `,` or `)` after a field of `Event`, found `12`",
        pesko!("resume_at_comma_in_record"),
    ],
    resume_at_next_field: [
        "tests/fixtures/multi/resume_at_next_field.ron:19:32: error: expected `,` or `)` after a field of `Event`, found `12`",
        pesko!("resume_at_next_field"),
    ],
    resume_at_close_of_record: [
        "tests/fixtures/multi/resume_at_close_of_record.ron:6:95: error: expected `,` or `)` after a field of `Source`, found `Agency`",
        pesko!("resume_at_close_of_record"),
    ],
    resume_at_comma_in_list: [
        "tests/fixtures/multi/resume_at_comma_in_list.ron:21:39: error: expected `,` or `]` in a list, found `Ukraine`",
        pesko!("resume_at_comma_in_list"),
    ],
    resume_at_close_of_list: [
        "tests/fixtures/multi/resume_at_close_of_list.ron:45:33: error: expected `,` or `]` in a list, found `23`",
        pesko!("resume_at_close_of_list"),
    ],
    resume_at_next_record: [
        "tests/fixtures/multi/resume_at_next_record.ron:9:74: error: expected `,` or `]` in a list, found `Kremlin`",
        pesko!("resume_at_next_record"),
    ],
    // A record skipped whole: values further on are still checked, references are not (the
    // skipped participant would be reported unknown wherever it is named).
    lossy_json_record: [
        "tests/fixtures/multi/lossy_json_record.ron:10:20: error: expected `Participant(`, found `{`: records are written `Participant(…)`, not `{…}`",
        "tests/fixtures/multi/lossy_json_record.ron:41:19: error: `2025-07-32T16:00Z` is not a valid when: 2025-07 has no day 32",
    ],
    // The end of the file inside a list ends reading, naming the list and where it begins;
    // the mistake before it is reported too.
    end_of_file_inside_list: [
        "tests/fixtures/multi/end_of_file_inside_list.ron:16:13: error: this list is never closed with `]`",
        "tests/fixtures/multi/end_of_file_inside_list.ron:20:13: error: missing `,` before the field `title` of `Event`",
    ],
}

#[test]
fn every_fixture_has_an_expectation() {
    let mut names: Vec<String> = fs::read_dir(DIR)
        .expect("the fixture directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            p.file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let mut expected: Vec<&str> = FIXTURES.to_vec();
    expected.sort_unstable();
    assert_eq!(names, expected);
}

/// The issue's example, as a new user runs it: every mistake in one run, then the summary.
#[test]
fn check_reports_every_mistake_in_one_run() {
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "tests/fixtures/multi/four_mistakes.ron"])
        .output()
        .expect("roundtable runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tests/fixtures/multi/four_mistakes.ron:6:51: error: missing `,` before the field `venue` of `Round`\n\
         tests/fixtures/multi/four_mistakes.ron:8:95: error: expected `,` or `)` after a field of `Event`, found `mainly`; if the `\"` before it belongs to the text, write it as `\\\"`\n\
         tests/fixtures/multi/four_mistakes.ron:10:53: error: strings are written between straight quotes `\"`, not typographic ones: write `\"` instead of `“` and `”`\n\
         tests/fixtures/multi/four_mistakes.ron:12:37: error: unknown participant `medinksy`; did you mean `medinsky`?\n\
         tests/fixtures/multi/four_mistakes.ron: invalid, 4 errors\n"
    );
}

/// Getting past a mistake must not lose what follows it: with the mistakes of the issue's
/// example corrected, the file loads, and the values read past each mistake are the ones
/// written there.
#[test]
fn what_follows_a_mistake_is_read() {
    let path = format!("{DIR}/four_mistakes.ron");
    let text = read(&path);
    let (timeline, diags) = parse::parse(&text);
    let t = timeline.expect("nothing was skipped, so the timeline is given to validation");
    assert_eq!(diags.len(), 3, "{}", render(&path, &text, &diags));
    assert_eq!(
        t.rounds[0].venue.as_deref(),
        Some("Ciragan Palace, Istanbul")
    );
    let ids: Vec<&str> = t.events.iter().map(|e| &*e.id.value).collect();
    assert_eq!(ids, ["r3-agenda", "r3-path", "r3-children"]);
    // The string ended early is kept as far as it went; what follows it is read.
    assert_eq!(t.events[0].title, "Peskov: the round is to ");
    assert_eq!(t.events[0].sources.len(), 1);
    assert_eq!(t.events[1].quotes[0].text, "No one expects an easy path.");
    assert_eq!(t.events[2].quotes[0].text, "Children are sacred to us");
}

#[test]
fn a_reference_in_typographic_quotes_still_resolves() {
    let text =
        read("tests/fixtures/valid/talks.ron").replace("speaker: \"peskov\"", "speaker: “peskov”");
    // One error, about the quotes: the speaker is found.
    assert_eq!(
        report("t.ron", &text),
        "t.ron:48:30: error: strings are written between straight quotes `\"`, not typographic ones: write `\"` instead of `“` and `”`\n"
    );
}

#[test]
fn positions_are_the_same_with_a_byte_order_mark_or_crlf() {
    for name in FIXTURES {
        let path = format!("{DIR}/{name}.ron");
        let text = read(&path);
        let lf = report(&path, &text);
        assert_eq!(
            report(&path, &format!("\u{feff}{text}")),
            lf,
            "{path} with a BOM"
        );
        assert_eq!(
            report(&path, &text.replace('\n', "\r\n")),
            lf,
            "{path} in CRLF"
        );
    }
}

/// Every single-character deletion of a structural character (brackets, quotes, commas,
/// colons) in the fixtures' base: one error, or none where the character was optional (a
/// trailing comma). Before recovery this held trivially (reading stopped at the first
/// error); now it says that getting past the mistake does not make a cascade of others.
#[test]
fn one_deleted_character_gives_at_most_one_error() {
    let base = read("tests/fixtures/valid/talks.ron");
    let mut failures = Vec::new();
    let mut checked = 0;
    for (at, c) in base.char_indices() {
        if !matches!(c, '(' | ')' | '[' | ']' | '"' | ',' | ':') {
            continue;
        }
        let mut text = base.clone();
        text.remove(at);
        checked += 1;
        let diags = model::load_str(&text).err().unwrap_or_default();
        if diags.len() > 1 {
            failures.push(format!(
                "without {c:?} at byte {at}:\n{}",
                render("t.ron", &text, &diags)
            ));
        }
    }
    assert!(checked > 200, "only {checked} deletions");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same file with a mistake in its events list, read in order and on several threads:
/// the same diagnostics. The events are read on several threads only when the list is long.
#[test]
fn recovery_reads_the_same_on_every_thread_count() {
    let mut text = String::from(
        "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\")], \
         participants: [Participant(id: \"p\", name: \"P\")], events: [\n",
    );
    for i in 0..12_000 {
        let event = format!(
            "    Event(id: \"e{i}\", when: \"2025-07-{:02}\", title: \"Event {i} {}\", \
             quotes: [Quote(speaker: \"p\", text: \"words {i}\", source: \"s\")]),\n",
            i % 28 + 1,
            "padding ".repeat(20)
        );
        let event = match i {
            // A `)` missing, a comma missing, a quote inside a string, a speaker misspelt.
            3_000 => event.replace("\")]),", "\")],"),
            6_000 => event.replace("\", title", "\" title"),
            9_000 => event.replace("words", "the \"words\" of"),
            11_000 => event.replace("speaker: \"p\"", "speaker: \"q\""),
            _ => event,
        };
        text.push_str(&event);
    }
    text.push_str("])\n");
    let outcome = |threads| {
        let (timeline, diags) = parse::parse_with_threads(&text, threads);
        (
            timeline.map(|t| t.events.len()),
            render("t.ron", &text, &diags),
        )
    };
    let one = outcome(1);
    assert_eq!(one.0, Some(12_000), "every event read");
    let lines: Vec<&str> = one.1.lines().collect();
    assert_eq!(lines.len(), 3, "{}", one.1);
    assert!(lines[0].starts_with("t.ron:3003:5: error: missing `)` to close the `Event(…)`"));
    assert!(lines[1].starts_with("t.ron:6002:"));
    assert!(lines[2].starts_with("t.ron:9002:"));
    for threads in [2, 3, 5] {
        assert_eq!(outcome(threads), one, "on {threads} threads");
    }
}

/// A thread with a small stack: a reader that recursed once per nesting level while getting
/// past a mistake would overflow it.
#[test]
fn getting_past_deep_nesting_does_not_overflow_the_stack() {
    const DEPTH: usize = 100_000;
    // The nesting stands where a `,` should, at byte 20.
    let timeline = |nesting: &str| {
        format!(
            "Timeline(title: \"t\" {nesting}, sources: [], participants: [], \
             events: [Event(id: \"e\", when: \"2025\", title: \"x\", sources: [\"s\"])])"
        )
    };
    let inputs = [
        timeline(&format!("{}{}", "[(".repeat(DEPTH), ")]".repeat(DEPTH))),
        timeline(&format!("{}{}", "[(".repeat(DEPTH), "]".repeat(DEPTH))),
        timeline(&format!("{}{}", "{".repeat(DEPTH), ")".repeat(DEPTH))),
        timeline(&"[(".repeat(DEPTH)),
    ];
    let worker = thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            inputs
                .iter()
                .map(|text| {
                    let diags = model::load_str(text).err().unwrap_or_default();
                    diags.into_iter().map(|d| (d.at, d.message)).collect()
                })
                .collect::<Vec<Vec<(Option<usize>, String)>>>()
        })
        .expect("a thread");
    let reports = worker
        .join()
        .expect("the reader did not overflow the stack");
    let list = "expected `,` or `)` after a field of `Timeline`, found a list `[`".to_string();
    // Closed, mismatched, or a `)` too many for every `{`: one mistake, skipped to the `,`
    // (the `)` are not taken for the timeline's while what follows them does not fit).
    assert_eq!(reports[0], [(Some(20), list.clone())]);
    assert_eq!(reports[1], [(Some(20), list.clone())]);
    assert_eq!(
        reports[2],
        [(
            Some(20),
            "expected `,` or `)` after a field of `Timeline`, found `{`".to_string()
        )]
    );
    // Never closed: the file ends inside the nesting, whose innermost open bracket is named
    // (the pairs after it close the last `(`).
    assert_eq!(
        reports[3],
        [
            (Some(20), list),
            (
                Some(20 + 2 * (DEPTH - 1)),
                "this `[` is never closed with `]`".to_string()
            ),
        ]
    );
}

#[test]
fn a_string_item_beginning_with_a_space_and_holding_a_colon_is_no_stray_quote() {
    // Found by the property test: `" a:"` looked like a stray `"` before a field `a:`.
    let base = read("tests/fixtures/valid/talks.ron");
    let event = base.find("Event(").expect("talks.ron has events") + "Event(".len();
    let text = format!(
        "{}tags: [\" a: b\", \" Event(\" ], {}",
        &base[..event],
        &base[event..]
    );
    let before = report("talks.ron", &base);
    assert_eq!(report("talks.ron", &text), before);
    assert!(model::load_str(&text).is_ok());
}
