//! FORMAT.md's validation rules, one fixture each, with the exact report a user sees.
//!
//! Every fixture is `tests/fixtures/valid/talks.ron` with one rule broken; its first line says
//! which. A new rule is one fixture and one entry in `rejected!` or `warned!`.

use std::fs;

use roundtable::model::{self, diag::render};

const FIXTURES: &str = "tests/fixtures";

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn expected(lines: &[&str]) -> String {
    lines.iter().flat_map(|l| [l, "\n"]).collect()
}

/// The fixture must fail to load, with exactly these diagnostics.
fn assert_rejected(name: &str, lines: &[&str]) {
    let path = format!("{FIXTURES}/invalid/{name}.ron");
    let text = read(&path);
    match model::load_str(&text) {
        Ok(_) => panic!("{path} loaded, but it breaks a rule"),
        Err(diags) => assert_eq!(render(&path, &text, &diags), expected(lines), "{path}"),
    }
}

/// The fixture must load, with exactly these warnings.
fn assert_warned(name: &str, lines: &[&str]) {
    let path = format!("{FIXTURES}/warn/{name}.ron");
    let text = read(&path);
    match model::load_str(&text) {
        Ok(loaded) => assert_eq!(
            render(&path, &text, &loaded.warnings),
            expected(lines),
            "{path}"
        ),
        Err(diags) => panic!(
            "{path} was rejected, but warnings do not reject a file:\n{}",
            render(&path, &text, &diags)
        ),
    }
}

macro_rules! rejected {
    ($($name:ident: [$($line:expr),* $(,)?],)*) => {
        mod invalid {
            use super::assert_rejected;
            $(
                #[test]
                fn $name() {
                    assert_rejected(stringify!($name), &[$($line),*]);
                }
            )*
        }
        const REJECTED: &[&str] = &[$(stringify!($name)),*];
    };
}

macro_rules! warned {
    ($($name:ident: [$($line:expr),* $(,)?],)*) => {
        mod warn {
            use super::assert_warned;
            $(
                #[test]
                fn $name() {
                    assert_warned(stringify!($name), &[$($line),*]);
                }
            )*
        }
        const WARNED: &[&str] = &[$(stringify!($name)),*];
    };
}

rejected! {
    // 1. RON syntax errors, one each (reading goes on after them: tests/recovery.rs).
    syntax_missing_comma: [
        "tests/fixtures/invalid/syntax_missing_comma.ron:44:13: error: missing `,` before the field `participants` of `Event`",
    ],
    syntax_unclosed_paren: [
        "tests/fixtures/invalid/syntax_unclosed_paren.ron:2:1: error: this `Timeline(…)` is never closed with `)`",
    ],
    syntax_unclosed_string: [
        r#"tests/fixtures/invalid/syntax_unclosed_string.ron:50:29: error: this string is never closed with `"`"#,
    ],
    syntax_unclosed_string_mid_file: [
        r#"tests/fixtures/invalid/syntax_unclosed_string_mid_file.ron:50:30: error: expected `,` or `)` after a field of `Quote`, found `rt`; the string that starts on line 49 runs across lines: is its closing `"` missing?"#,
    ],
    syntax_unclosed_block_comment: [
        "tests/fixtures/invalid/syntax_unclosed_block_comment.ron:29:17: error: this block comment is never closed with `*/`",
    ],
    syntax_unknown_escape: [
        r#"tests/fixtures/invalid/syntax_unknown_escape.ron:5:82: error: unknown escape `\/`: RON strings have \" \' \\ \n \r \t \0 \xHH and \u{HHHH}"#,
    ],
    syntax_unknown_extension: [
        "tests/fixtures/invalid/syntax_unknown_extension.ron:2:11: error: unknown extension `implicit_sum`; did you mean `implicit_some`?",
    ],
    syntax_trailing_garbage: [
        "tests/fixtures/invalid/syntax_trailing_garbage.ron:56:1: error: unexpected `)` after the end of the timeline",
    ],
    syntax_empty_file: [
        "tests/fixtures/invalid/syntax_empty_file.ron:1:1: error: the file is empty: a timeline file holds one `Timeline(…)`",
    ],

    // 1. Type errors: reported, and reading goes on.
    type_string_for_number: [
        r#"tests/fixtures/invalid/type_string_for_number.ron:42:20: error: expected an unsigned integer, found the string "3""#,
    ],
    type_number_for_string: [
        "tests/fixtures/invalid/type_number_for_string.ron:14:33: error: expected a string, found `3`",
    ],
    type_string_for_list: [
        r#"tests/fixtures/invalid/type_string_for_list.ron:45:22: error: expected a list `[…]`, found the string "rt-live""#,
    ],
    unknown_variant: [
        "tests/fixtures/invalid/unknown_variant.ron:6:90: error: unknown source kind `Articel`; did you mean `Article`?",
    ],
    wrong_struct_name: [
        "tests/fixtures/invalid/wrong_struct_name.ron:6:9: error: expected `Source(…)`, found `Soruce(…)`",
    ],

    // 2. Unknown or missing fields; a field given twice.
    unknown_field: [
        "tests/fixtures/invalid/unknown_field.ron:43:13: error: unknown field `summery` in `Event`; did you mean `summary`?",
    ],
    unknown_field_no_suggestion: [
        "tests/fixtures/invalid/unknown_field_no_suggestion.ron:9:74: error: unknown field `url` in `Participant`; expected one of `id`, `name`, `aliases`, `role`, `side`, `kind`",
    ],
    unknown_field_instead_of_required: [
        "tests/fixtures/invalid/unknown_field_instead_of_required.ron:43:13: error: unknown field `titel` in `Event`; did you mean `title`?",
    ],
    missing_field_event_when: [
        "tests/fixtures/invalid/missing_field_event_when.ron:17:9: error: `Event` is missing its required field `when`",
    ],
    missing_field_quote_source: [
        "tests/fixtures/invalid/missing_field_quote_source.ron:47:17: error: `Quote` is missing its required field `source`",
    ],
    missing_field_participant_name: [
        "tests/fixtures/invalid/missing_field_participant_name.ron:11:9: error: `Participant` is missing its required field `name`",
    ],
    missing_field_source_outlet: [
        "tests/fixtures/invalid/missing_field_source_outlet.ron:6:9: error: `Source` is missing its required field `outlet`",
    ],
    field_given_twice: [
        "tests/fixtures/invalid/field_given_twice.ron:22:13: error: `when` is given twice in this `Event`",
    ],

    // 3. Duplicates, reported at the second occurrence.
    duplicate_source_id: [
        "tests/fixtures/invalid/duplicate_source_id.ron:7:20: error: duplicate source id `rt-live`: already declared on line 5",
    ],
    duplicate_participant_id: [
        "tests/fixtures/invalid/duplicate_participant_id.ron:12:25: error: duplicate participant id `peskov`: already declared on line 9",
    ],
    duplicate_event_id: [
        "tests/fixtures/invalid/duplicate_event_id.ron:40:17: error: duplicate event id `r3-date`: already declared on line 18",
    ],
    duplicate_claim_id: [
        "tests/fixtures/invalid/duplicate_claim_id.ron:54:27: error: duplicate claim id `date-tass`: already declared on line 30",
    ],
    duplicate_round_number: [
        "tests/fixtures/invalid/duplicate_round_number.ron:15:23: error: duplicate round number 3: already declared on line 14",
    ],

    // 4. References to what is not declared, with the nearest id when one is close.
    unknown_speaker: [
        "tests/fixtures/invalid/unknown_speaker.ron:48:30: error: unknown participant `pesko`; did you mean `peskov`?",
    ],
    unknown_claim_by: [
        "tests/fixtures/invalid/unknown_claim_by.ron:25:25: error: unknown participant `zelenksy`; did you mean `zelensky`?",
    ],
    unknown_quote_source: [
        "tests/fixtures/invalid/unknown_quote_source.ron:50:29: error: unknown source `tass`: no source has this id",
    ],
    unknown_event_source: [
        "tests/fixtures/invalid/unknown_event_source.ron:45:23: error: unknown source `rt-life`; did you mean `rt-live`?",
    ],
    unknown_event_participant: [
        "tests/fixtures/invalid/unknown_event_participant.ron:21:28: error: unknown participant `zelenksy`; did you mean `zelensky`?",
    ],
    unknown_round: [
        "tests/fixtures/invalid/unknown_round.ron:42:20: error: unknown round 4; declared rounds: 3",
    ],
    unknown_disputes: [
        "tests/fixtures/invalid/unknown_disputes.ron:35:32: error: unknown claim `date-zelenski`; did you mean `date-zelensky`?",
    ],

    // 5. Malformed or impossible `when` values.
    when_malformed: [
        "tests/fixtures/invalid/when_malformed.ron:19:19: error: `21 July 2025` is not a valid when: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z or ±HH:MM",
    ],
    when_impossible_date: [
        "tests/fixtures/invalid/when_impossible_date.ron:19:19: error: `2025-02-30` is not a valid when: 2025-02 has no day 30",
    ],
    when_time_without_offset: [
        "tests/fixtures/invalid/when_time_without_offset.ron:41:19: error: `2025-07-23T16:00` has a time of day but no UTC offset: add `Z` or an offset such as `+03:00`, or keep the day alone (`2025-07-23`) if the zone is unknown",
    ],

    // 6. Empty `title`, `text`, `name`, `outlet` or `id`.
    empty_title: [
        "tests/fixtures/invalid/empty_title.ron:43:20: error: `title` must not be empty",
    ],
    empty_optional_title: [
        "tests/fixtures/invalid/empty_optional_title.ron:6:55: error: `title` must not be empty",
    ],
    empty_text: [
        "tests/fixtures/invalid/empty_text.ron:49:27: error: `text` must not be empty",
    ],
    empty_name: [
        "tests/fixtures/invalid/empty_name.ron:9:41: error: `name` must not be empty",
    ],
    empty_outlet: [
        "tests/fixtures/invalid/empty_outlet.ron:5:39: error: `outlet` must not be empty",
    ],
    empty_id: [
        "tests/fixtures/invalid/empty_id.ron:40:17: error: `id` must not be empty",
    ],

    // All of the above are reported in one run, in file order.
    several_errors: [
        "tests/fixtures/invalid/several_errors.ron:6:38: error: `outlet` must not be empty",
        "tests/fixtures/invalid/several_errors.ron:22:13: error: unknown field `date` in `Event`; expected one of `id`, `when`, `end`, `round`, `title`, `summary`, `location`, `participants`, `sources`, `tags`, `quotes`, `claims`",
        "tests/fixtures/invalid/several_errors.ron:42:19: error: `2025-07-32T16:00Z` is not a valid when: 2025-07 has no day 32",
        "tests/fixtures/invalid/several_errors.ron:49:30: error: unknown participant `pesko`; did you mean `peskov`?",
    ],
    // 1.1, rule 7: `republishes`, `also` and `confirms` name declared ids; no circles.
    unknown_republishes: [
        "tests/fixtures/invalid/unknown_republishes.ron:6:109: error: unknown source `rt-lve`; did you mean `rt-live`?",
    ],
    unknown_also: [
        "tests/fixtures/invalid/unknown_also.ron:51:28: error: unknown source `xinhau`; did you mean `xinhua`?",
    ],
    unknown_confirms: [
        "tests/fixtures/invalid/unknown_confirms.ron:28:32: error: unknown claim `date-tas`; did you mean `date-tass`?",
    ],
    republishes_circle: [
        "tests/fixtures/invalid/republishes_circle.ron:6:109: error: `republishes` goes round in a circle: `xinhua` → `rt-live` → `xinhua`; one of these must be the original publication",
    ],
    // 1.1, rule 8.
    end_before_when: [
        "tests/fixtures/invalid/end_before_when.ron:42:18: error: this event ends before it begins: `2025-07-22` is over before `2025-07-23T16:00Z`",
    ],
    confirms_and_disputes: [
        "tests/fixtures/invalid/confirms_and_disputes.ron:36:32: error: claim `date-tass` both confirms and disputes `date-zelensky`: a claim can do one or the other",
    ],
    original_without_lang: [
        "tests/fixtures/invalid/original_without_lang.ron:51:31: error: `original` needs `lang`: name the language of the original words with a BCP 47 tag such as `ru`",
    ],
    language_tag_malformed: [
        "tests/fixtures/invalid/language_tag_malformed.ron:7:106: error: `english` is not a language tag: it must start with a language code of 2 or 3 letters; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`",
        "tests/fixtures/invalid/language_tag_malformed.ron:52:27: error: `ru_RU` is not a language tag: its parts are joined by `-`, not `_`; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`",
    ],
}

warned! {
    claim_disputes_itself: [
        "tests/fixtures/warn/claim_disputes_itself.ron:35:49: warning: claim `date-tass` disputes itself",
    ],
    event_unattributed: [
        "tests/fixtures/warn/event_unattributed.ron:54:19: warning: event `r3-end` is not attributed: it has no sources, quotes or claims",
    ],
    unreferenced_participant: [
        "tests/fixtures/warn/unreferenced_participant.ron:12:25: warning: participant `fidan` is declared but nothing refers to it",
    ],
    unreferenced_source: [
        "tests/fixtures/warn/unreferenced_source.ron:7:20: warning: source `tass` is declared but nothing cites it",
    ],
    // 1.1, rule 9.
    also_repeats_source: [
        "tests/fixtures/warn/also_repeats_source.ron:51:28: warning: `also` repeats the statement's own source `rt-live`",
    ],
    claim_confirms_itself: [
        "tests/fixtures/warn/claim_confirms_itself.ron:36:32: warning: claim `date-tass` confirms itself",
    ],
}

#[test]
fn the_fixtures_base_loads_without_errors_or_warnings() {
    let path = format!("{FIXTURES}/valid/talks.ron");
    let text = read(&path);
    let loaded = model::load_str(&text).unwrap_or_else(|d| panic!("{}", render(&path, &text, &d)));
    assert_eq!(render(&path, &text, &loaded.warnings), "");
}

/// A fixture without an expectation would never be checked.
#[test]
fn every_fixture_has_an_expectation() {
    for (dir, listed) in [("invalid", REJECTED), ("warn", WARNED)] {
        let mut found: Vec<String> = fs::read_dir(format!("{FIXTURES}/{dir}"))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
            .collect();
        found.sort();
        let mut listed: Vec<&str> = listed.to_vec();
        listed.sort_unstable();
        assert_eq!(found, listed, "fixtures in {FIXTURES}/{dir} vs. the table");
    }
}
