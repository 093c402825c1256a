//! `roundtable import` as users run it: each format made into a timeline that loads with no
//! error and no warning, with the values the input gives; precision kept; times placed by
//! `--tz` or cut with one note; HTML made plain; every problem of a bad input at its line;
//! `-o` never writing over a file without `--force`; nothing from the input raw on stderr.

use std::fs;
use std::path::PathBuf;

use roundtable::model::{self, Precision, Timeline};

#[path = "support/bin.rs"]
mod bin;
use bin::{code, run, stderr, stdout};

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

const JSON: &str = "tests/fixtures/import/talks.json";
const SHEET: &str = "tests/fixtures/import/sheet.csv";
const ACLED: &str = "tests/fixtures/import/acled.csv";

/// Imports and checks that the output loads with neither error nor warning; returns the RON
/// and stderr.
fn import_ok(args: &[&str]) -> (String, String) {
    let mut all = vec!["import"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ron = stdout(&o);
    match model::load_str(&ron) {
        Ok(loaded) => assert!(loaded.warnings.is_empty(), "{:?}\n{ron}", loaded.warnings),
        Err(diags) => panic!("{}", model::diag::render("out.ron", &ron, &diags)),
    }
    (ron, stderr(&o))
}

fn event<'t, 'a>(t: &'t Timeline<'a>, id: &str) -> &'t model::Event<'a> {
    t.events
        .iter()
        .find(|e| e.id.value == id)
        .unwrap_or_else(|| panic!("no event `{id}`"))
}

fn with_title<'t, 'a>(t: &'t Timeline<'a>, title: &str) -> &'t model::Event<'a> {
    t.events
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no event titled `{title}`"))
}

// ---------------------------------------------------------------- timelinejs

#[test]
fn timelinejs_imports_ids_rounds_tags_sources_and_keeps_precision() {
    let (ron, _) = import_ok(&["timelinejs", JSON, "--tz", "Europe/Istanbul"]);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(t.title, "Istanbul talks & after");
    assert_eq!(
        t.summary.as_deref(),
        Some("Direct talks between Russia and Ukraine, 2025.\n\nBuilt from wire reports.")
    );
    // Eras become rounds, numbered in date order, with their dates and titles.
    let rounds: Vec<_> = t
        .rounds
        .iter()
        .map(|r| {
            (
                r.number.value,
                r.name().into_owned(),
                r.start.as_ref().unwrap().raw.to_string(),
                r.end.as_ref().unwrap().raw.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rounds,
        [
            (
                1,
                "First and second rounds".into(),
                "2025-05-16".into(),
                "2025-06-02".into()
            ),
            (
                2,
                "Third round".into(),
                "2025-07-23".into(),
                "2025-07-24".into()
            ),
        ]
    );
    // unique_id is the id; the time is placed in the zone; the era it falls in is its round;
    // group a tag; the media credit and URL a source.
    let r1 = event(&t, "r1-opening");
    assert_eq!(r1.when.raw, "2025-05-16T12:30+03:00");
    assert_eq!(r1.round.as_ref().map(|r| r.number), Some(1));
    assert_eq!(*r1.tags, ["Talks"]);
    let src = t.source(&r1.sources[0]);
    assert_eq!(src.outlet, "Reuters");
    assert_eq!(
        src.url.as_deref(),
        Some("https://www.reuters.com/world/europe/russia-ukraine-talks-2025-05-16/")
    );
    assert_eq!(
        src.title.as_deref(),
        Some("Russia, Ukraine hold first direct talks in three years")
    );
    // HTML made plain: tags gone, entities decoded, <br> a line break.
    assert_eq!(r1.title, "First round opens at Dolmabahçe");
    assert_eq!(
        r1.summary.as_deref(),
        Some("The delegations meet for the first time since 2022.\nIt lasts under two hours.")
    );
    let r3 = event(&t, "r3-opening");
    assert_eq!(
        r3.summary.as_deref(),
        Some("Türkiye's foreign minister thanks the \"leaders\" of Russia, Ukraine and the US.")
    );
    assert_eq!(r3.end.as_ref().unwrap().raw, "2025-07-23T19:40+03:00");
    assert_eq!(r3.round.as_ref().map(|r| r.number), Some(2));
    // A video is no source; its credit, a link, is.
    assert_eq!(t.source(&r3.sources[0]).outlet, "TRT World");
    assert_eq!(
        t.source(&r3.sources[0]).url.as_deref(),
        Some("https://www.trtworld.com/")
    );
    // Stable generated ids, precision kept: a month stays a month, a year a year.
    let june = event(&t, "event-3");
    assert_eq!(
        (june.when.raw.as_ref(), june.when.precision),
        ("2025-06", Precision::Month)
    );
    assert_eq!(*june.tags, ["Humanitarian"]);
    let year = event(&t, "event-4");
    assert_eq!(
        (year.when.raw.as_ref(), year.when.precision),
        ("2025", Precision::Year)
    );
}

#[test]
fn what_a_timeline_cannot_hold_is_named_on_stderr_and_kept_as_a_comment() {
    let (ron, err) = import_ok(&["timelinejs", JSON, "--tz", "Europe/Istanbul"]);
    // A year BC: the event is not imported, but neither silently dropped.
    assert!(
        err.contains(
            "tests/fixtures/import/talks.json:65:21: note: event 5 `Battle of Salamis` start: \
             the year 480 BC cannot be written"
        ),
        "{err}"
    );
    assert!(
        ron.contains("// event 5 `Battle of Salamis` start: the year 480 BC"),
        "{ron}"
    );
    // Its text is kept with it.
    assert!(
        ron.contains("//   text: An older negotiation by other means.\n"),
        "{ron}"
    );
    // A video: named, and kept before its event.
    let note = "media https://www.youtube.com/watch?v=abc123 is not a source";
    assert!(
        err.contains(&format!("talks.json:39:5: note: {note}")),
        "{err}"
    );
    let comment = ron.find(&format!("// {note}")).unwrap();
    let r3 = ron.find("id: \"r3-opening\"").unwrap();
    assert!(
        comment < r3 && ron[comment..r3].matches("Event(").count() == 1,
        "{ron}"
    );
    assert!(ron.contains("// display date: 23 July, evening"));
    // Every note is named once on stderr.
    assert_eq!(err.matches("(kept as a comment)").count(), 4, "{err}");
}

/// Writes `text` to a scratch file named `name` and imports it as `format`: the RON (which
/// loads with neither error nor warning) and stderr.
fn import_text(format: &str, name: &str, text: &str) -> (String, String) {
    let path = scratch(name);
    fs::write(&path, text).unwrap();
    import_ok(&[format, path.to_str().unwrap()])
}

/// The comment of `ron` that starts with `first`, and the indented comments after it.
fn comment_block<'r>(ron: &'r str, first: &str) -> Vec<&'r str> {
    let at = ron
        .find(&format!("// {first}"))
        .unwrap_or_else(|| panic!("no comment `{first}` in\n{ron}"));
    let mut lines = ron[at..].lines();
    lines
        .next()
        .into_iter()
        .chain(lines.take_while(|l| l.starts_with("//   ")))
        .collect()
}

/// A link in a slide's text keeps where it leads, in both TimelineJS formats: `label (URL)`,
/// the URL alone when it is its own label. A headline keeps its words, and its link is named
/// on stderr and kept as a comment before the event.
#[test]
fn a_link_in_timelinejs_text_keeps_its_address_and_a_headline_link_is_kept_as_a_comment() {
    let json = r#"{"events": [{"start_date": {"year": 2025, "month": 6, "day": 2},
        "text": {"headline": "<a href=\"https://example.org/memo\">Memoranda</a> exchanged",
                 "text": "<p>Russia hands over <a href=\"https://example.org/ru?a=1&amp;b=2\">its memorandum</a>; see <a href='https://example.org/ua'>https://example.org/ua</a>.</p>"}}]}"#;
    let sheet = "Year,Month,Day,Headline,Text\n\
                 2025,6,2,\"<a href=\"\"https://example.org/memo\"\">Memoranda</a> exchanged\",\
                 \"<p>Russia hands over <a href=\"\"https://example.org/ru?a=1&amp;b=2\"\">its memorandum</a>; \
                 see <a href='https://example.org/ua'>https://example.org/ua</a>.</p>\"\n";
    for (format, name, text) in [
        ("timelinejs", "links.json", json),
        ("timelinejs-csv", "links.csv", sheet),
    ] {
        let (ron, err) = import_text(format, name, text);
        let t = model::load_str(&ron).unwrap().timeline;
        let e = &t.events[0];
        assert_eq!(e.title, "Memoranda exchanged", "{format}");
        assert_eq!(
            e.summary.as_deref(),
            Some(
                "Russia hands over its memorandum (https://example.org/ru?a=1&b=2); \
                 see https://example.org/ua."
            ),
            "{format}"
        );
        let note = "headline link: Memoranda (https://example.org/memo)";
        assert!(
            err.contains(&format!("note: {note} (kept as a comment)")),
            "{format}: {err}"
        );
        let comment = ron.find(&format!("        // {note}\n")).unwrap();
        let event = ron.find("        Event(").unwrap();
        assert!(comment < event, "{format}: {ron}");
    }
}

/// An address is where a link leads, never a way into the terminal: control characters in an
/// `href` are left out of it.
#[test]
fn a_link_address_holds_no_control_character() {
    let json = r#"{"events": [{"start_date": {"year": 2025},
        "text": {"headline": "<a href=\"https://example.org/&#27;]52;c;x&#7;h\u001b[2J\">Head</a>",
                 "text": "<a href=\"https://example.org/\u009b2Jt&#x202e;\">Text</a>"}}]}"#;
    let (ron, err) = import_text("timelinejs", "link-controls.json", json);
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    assert!(!ron.chars().any(|c| c.is_control() && c != '\n'), "{ron:?}");
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(
        t.events[0].summary.as_deref(),
        Some("Text (https://example.org/2Jt)")
    );
    assert!(
        err.contains("headline link: Head (https://example.org/]52;c;xh[2J)"),
        "{err}"
    );
}

/// The media credit's link is the source's page when the media is no page to cite; when the
/// media is, the credit's link is kept as a comment, and so is a caption with no media.
#[test]
fn media_credit_links_and_captions_are_never_dropped() {
    let json = r#"{"events": [
        {"start_date": {"year": 2025}, "text": {"headline": "Page"},
         "media": {"url": "https://www.reuters.com/world/talks/",
                   "credit": "<a href=\"https://example.org/agency\">Agency</a>",
                   "caption": "Talks"}},
        {"start_date": {"year": 2024}, "text": {"headline": "Caption alone"},
         "media": {"credit": "AP", "caption": "Freed soldiers"}}
    ]}"#;
    let (ron, err) = import_text("timelinejs", "credit-links.json", json);
    let t = model::load_str(&ron).unwrap().timeline;
    let page = with_title(&t, "Page");
    let src = t.source(&page.sources[0]);
    assert_eq!(src.outlet, "Agency");
    assert_eq!(
        src.url.as_deref(),
        Some("https://www.reuters.com/world/talks/")
    );
    for note in [
        "media credit link: Agency (https://example.org/agency)",
        "media caption: Freed soldiers",
    ] {
        assert!(
            err.contains(&format!("note: {note} (kept as a comment)")),
            "{err}"
        );
        assert!(ron.contains(&format!("// {note}\n")), "{ron}");
    }
}

/// An event whose date the format cannot hold (a year BC) is not imported, but nothing of it
/// is lost: named once on stderr, and kept at the top of the output, one comment per field,
/// in both TimelineJS formats; the output still passes `check`.
#[test]
fn an_event_the_timeline_cannot_hold_keeps_every_field_in_comments() {
    let json = r#"{"events": [
        {"start_date": {"year": 2025}, "text": {"headline": "Kept"}},
        {"unique_id": "salamis", "start_date": {"year": -480, "month": 9},
         "end_date": {"year": -479},
         "text": {"headline": "Battle of Salamis",
                  "text": "<p>An older negotiation by <a href=\"https://example.org/t\">other means</a>.</p><p>Second\u001b[2J paragraph.</p>"},
         "media": {"url": "https://example.org/salamis.jpg", "credit": "Wikimedia",
                   "caption": "The straits"},
         "group": "Antiquity", "display_date": "September 480 BC"}
    ]}"#;
    let sheet = "Year,Month,End Year,Display Date,Headline,Text,Media,Media Credit,Media Caption,Group\n\
                 2025,,,,Kept,,,,,\n\
                 -480,9,-479,September 480 BC,Battle of Salamis,\
                 \"<p>An older negotiation by <a href=\"\"https://example.org/t\"\">other means</a>.</p>\
                 <p>Second\u{1b}[2J paragraph.</p>\",\
                 https://example.org/salamis.jpg,Wikimedia,The straits,Antiquity\n";
    let block = [
        "// event 2 `Battle of Salamis` start: the year 480 BC cannot be written as a `when` \
         (years 0000 to 9999 only); the event is not imported",
        "//   headline: Battle of Salamis",
        "//   start: year -480, month 9",
        "//   end: year -479",
        "//   display date: September 480 BC",
        "//   text: An older negotiation by other means (https://example.org/t).",
        "//   text: Second\\x1b[2J paragraph.",
        "//   media: https://example.org/salamis.jpg (credit: Wikimedia; caption: The straits)",
        "//   group: Antiquity",
    ];
    for (format, name, text) in [
        ("timelinejs", "bc.json", json),
        ("timelinejs-csv", "bc.csv", sheet),
    ] {
        let (ron, err) = import_text(format, name, text);
        let mut want = block.to_vec();
        if format == "timelinejs" {
            want.push("//   unique_id: salamis");
        }
        let got = comment_block(&ron, "event 2 `Battle of Salamis`");
        assert_eq!(got, want, "{format}:\n{ron}");
        assert_eq!(
            err.matches("(kept as a comment)").count(),
            1,
            "{format}: {err}"
        );
        assert!(
            err.contains("note: event 2 `Battle of Salamis` start: the year 480 BC"),
            "{format}: {err}"
        );
        // `check`, as a user runs it, finds nothing to say.
        let out = scratch(&format!("{name}.ron"));
        fs::write(&out, &ron).unwrap();
        let o = run(&["check", out.to_str().unwrap()]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert!(stderr(&o).ends_with(": ok, 1 event\n"), "{}", stderr(&o));
    }
}

/// An end the format cannot hold is left out of the event, but kept whole in a comment with
/// its parts, and so is its display date.
#[test]
fn an_end_the_timeline_cannot_hold_is_kept_with_its_parts() {
    let json = r#"{"events": [{"start_date": {"year": 2025},
        "end_date": {"year": 10000, "month": 2, "display_date": "Far future"},
        "text": {"headline": "Long"}}]}"#;
    let (ron, err) = import_text("timelinejs", "far-end.json", json);
    assert!(
        model::load_str(&ron).unwrap().timeline.events[0]
            .end
            .is_none()
    );
    for note in [
        "event 1 `Long` end: the year 10000 cannot be written as a `when` (years 0000 to 9999 \
         only); the end (year 10000, month 2) is left out",
        "end display date: Far future",
    ] {
        assert!(
            err.contains(&format!("note: {note} (kept as a comment)")),
            "{err}"
        );
        assert!(ron.contains(&format!("        // {note}\n")), "{ron}");
    }
}

/// An era's text has no place in a round: it is kept as a comment. An era the format cannot
/// hold keeps every field, as an event does.
#[test]
fn an_era_keeps_what_a_round_cannot_hold() {
    let json = r#"{"events": [{"start_date": {"year": 2025, "month": 5, "day": 16}, "text": {"headline": "E"}}],
        "eras": [
        {"start_date": {"year": 2025, "month": 5}, "end_date": {"year": 2025, "month": 6},
         "text": {"headline": "Spring <a href=\"https://example.org/r1\">round</a>",
                  "text": "Held in Istanbul."}},
        {"start_date": {"year": -490}, "end_date": {"year": -479},
         "text": {"headline": "Persian wars", "text": "Two invasions."}}
    ]}"#;
    let (ron, err) = import_text("timelinejs", "eras.json", json);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(t.rounds.len(), 1);
    assert_eq!(t.rounds[0].name(), "Spring round");
    for note in [
        "era 1 headline link: round (https://example.org/r1)",
        "era 1 `Spring round` text: Held in Istanbul.",
        "era 2: the year 490 BC cannot be written as a `when` (years 0000 to 9999 only); \
         the era `Persian wars` is not imported",
    ] {
        assert!(
            err.contains(&format!("note: {note} (kept as a comment)")),
            "{err}"
        );
        assert!(ron.contains(&format!("// {note}\n")), "{ron}");
    }
    assert_eq!(
        comment_block(&ron, "era 2: the year")[1..],
        [
            "//   headline: Persian wars",
            "//   start: year -490",
            "//   end: year -479",
            "//   text: Two invasions.",
        ]
    );
}

#[test]
fn without_tz_times_are_cut_to_the_day_with_one_note() {
    let (ron, err) = import_ok(&["timelinejs", JSON]);
    let t = model::load_str(&ron).unwrap().timeline;
    let r1 = event(&t, "r1-opening");
    assert_eq!(
        (r1.when.raw.as_ref(), r1.when.precision),
        ("2025-05-16", Precision::Day)
    );
    // Start and end cut to the same day: no end is left.
    assert!(event(&t, "r3-opening").end.is_none());
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("cut to the day"))
        .collect();
    assert_eq!(
        notes,
        [
            "roundtable: note: 3 times of day were cut to the day: TimelineJS gives no time zone; \
          --tz ZONE keeps them"
        ]
    );
}

#[test]
fn a_fixed_offset_places_times_too() {
    let (ron, err) = import_ok(&["timelinejs", JSON, "--tz", "-06:00"]);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(event(&t, "r1-opening").when.raw, "2025-05-16T12:30-06:00");
    assert!(!err.contains("cut to the day"), "{err}");
}

#[test]
fn a_bad_zone_is_refused_with_a_suggestion() {
    let o = run(&["import", "timelinejs", JSON, "--tz", "Europe/Istambul"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).starts_with(
            "roundtable: --tz: `Europe/Istambul` is not a time zone; did you mean \
             `Europe/Istanbul`?"
        ),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- the sheet

#[test]
fn the_sheet_imports_title_era_times_and_sources() {
    let (ron, err) = import_ok(&["timelinejs-csv", SHEET, "--tz", "Europe/Istanbul"]);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(t.title, "Istanbul talks 2025");
    assert_eq!(t.rounds.len(), 1);
    assert_eq!(t.rounds[0].name(), "First and second rounds");
    let first = with_title(&t, "First round opens");
    // Numbered among the event rows: the title and era rows are not events.
    assert_eq!(first.id.value, "event-1");
    assert_eq!(first.when.raw, "2025-05-16T12:30+03:00");
    assert_eq!(first.round.as_ref().map(|r| r.number), Some(1));
    assert_eq!(
        first.summary.as_deref(),
        Some("The delegations meet & talk.")
    );
    assert_eq!(t.source(&first.sources[0]).outlet, "Reuters");
    // 7:00 PM is 19:00.
    assert_eq!(
        with_title(&t, "Fidan opens the third round").when.raw,
        "2025-07-23T19:00+03:00"
    );
    let june = with_title(&t, "Prisoner exchanges");
    assert_eq!(june.when.precision, Precision::Month);
    // A photo is no source, but its credit names one.
    assert_eq!(t.source(&june.sources[0]).outlet, "AP");
    assert!(t.source(&june.sources[0]).url.is_none());
    assert!(err.contains("sheet.csv:5: note: media https://example.org/photos/exchange.jpg"));
    assert_eq!(
        with_title(&t, "A year of talks").when.precision,
        Precision::Year
    );
}

// ---------------------------------------------------------------- acled

#[test]
fn acled_rows_become_events_with_participants_sources_and_tags() {
    let (ron, err) = import_ok(&["acled", ACLED]);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(t.title, "ACLED: Ukraine, Russia");
    assert_eq!(t.events.len(), 4);
    // Written to stdout, the summary still comes, on stderr.
    assert!(
        err.lines()
            .any(|l| l.starts_with("roundtable: imported 4 events, ")
                && l.ends_with(" to standard output")),
        "{err}"
    );
    let e = event(&t, "UKR201234");
    assert_eq!(e.when.raw, "2025-07-23");
    assert_eq!(e.location.as_deref(), Some("Kharkiv, Kharkivska, Ukraine"));
    let names: Vec<&str> = e
        .participants
        .iter()
        .map(|p| t.participant(p).name.as_ref())
        .collect();
    assert_eq!(
        names,
        ["Military Forces of Russia (2000-)", "Civilians (Ukraine)"]
    );
    let p = t.participant(&e.participants[0]);
    assert_eq!(p.kind, model::ParticipantKind::Organization);
    assert_eq!(p.role.as_deref(), Some("State forces"));
    let outlets: Vec<&str> = e
        .sources
        .iter()
        .map(|s| t.source(s).outlet.as_ref())
        .collect();
    assert_eq!(outlets, ["Ukrinform", "Kyiv Independent"]);
    assert_eq!(
        *e.tags,
        [
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "Civilian targeting"
        ]
    );
    assert!(e.summary.as_deref().unwrap().ends_with("Fatalities: 0."));
    // `23 July 2025` is read; associated actors are participants too.
    let protest = event(&t, "UKR201240");
    assert_eq!(protest.when.raw, "2025-07-23");
    let names: Vec<&str> = protest
        .participants
        .iter()
        .map(|p| t.participant(p).name.as_ref())
        .collect();
    assert_eq!(
        names,
        [
            "Protesters (Ukraine)",
            "Women (Ukraine)",
            "Families of POWs"
        ]
    );
    // The same actor in two rows is one participant; time_precision 3 keeps the month only.
    assert_eq!(
        t.participants
            .iter()
            .filter(|p| p.name == "Military Forces of Russia (2000-)")
            .count(),
        1
    );
    assert_eq!(event(&t, "UKR201300").when.raw, "2025-07");
}

// ---------------------------------------------------------------- bad input

#[test]
fn bad_json_dates_are_all_reported_at_their_lines() {
    let o = run(&[
        "import",
        "timelinejs",
        "tests/fixtures/import/bad-dates.json",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "tests/fixtures/import/bad-dates.json:3:20: error: event 1 `Month thirteen` start: there is no month 13
tests/fixtures/import/bad-dates.json:4:20: error: event 2 `Thirtieth of February` start: 2025-02 has no day 30
tests/fixtures/import/bad-dates.json:5:44: error: `month` is `July`, not a whole number
tests/fixtures/import/bad-dates.json:6:5: error: event 4 `No date at all` has no `start_date` (a year at least)
tests/fixtures/import/bad-dates.json:8:20: error: event 6 `Red \\x1b[31malert\\x1b[0m` start: there is no hour 25
tests/fixtures/import/bad-dates.json: not imported, 5 errors
"
    );
}

#[test]
fn malformed_json_is_reported_at_its_line_and_column() {
    let o = run(&[
        "import",
        "timelinejs",
        "tests/fixtures/import/malformed.json",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/import/malformed.json:4:35: error: not JSON: expected `,` or `}`\n\
         tests/fixtures/import/malformed.json: not imported, 1 error\n"
    );
}

#[test]
fn a_roundtable_json_export_given_to_import_is_told_it_needs_none() {
    let o = run(&["export", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let path = scratch("export.json");
    fs::write(&path, &o.stdout).unwrap();
    let o = run(&["import", "timelinejs", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).starts_with(&format!(
            "{}:1:1: error: this is a roundtable timeline as `export --format json` writes it, \
             not a TimelineJS document: roundtable reads it as it is",
            path.display()
        )),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_sheet_rows_are_all_reported_at_their_lines() {
    let o = run(&[
        "import",
        "timelinejs-csv",
        "tests/fixtures/import/bad-sheet.csv",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines[0].starts_with("tests/fixtures/import/bad-sheet.csv:3: error: "),
        "{err}"
    );
    assert!(lines[0].ends_with("there is no month 13"), "{err}");
    assert!(
        lines[1]
            .starts_with("tests/fixtures/import/bad-sheet.csv:4: error: `Time`: `half past seven`")
    );
    assert!(lines[2].ends_with("2025-02 has no day 30"), "{err}");
    assert_eq!(
        lines[3],
        "tests/fixtures/import/bad-sheet.csv: not imported, 3 errors"
    );
}

#[test]
fn acled_missing_columns_are_named() {
    let o = run(&["import", "acled", "tests/fixtures/import/acled-missing.csv"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/import/acled-missing.csv:1: error: missing columns `event_date`, \
         `actor1`: an ACLED export has them (columns are found by their header)\n\
         tests/fixtures/import/acled-missing.csv: not imported, 1 error\n"
    );
}

#[test]
fn bad_acled_rows_are_all_reported_at_their_lines() {
    let o = run(&["import", "acled", "tests/fixtures/import/acled-bad.csv"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/import/acled-bad.csv:3: error: `event_date` `2025-13-01`: there is no month 13
tests/fixtures/import/acled-bad.csv:4: error: `event_date` `31 June 2025`: 2025-06 has no day 31
tests/fixtures/import/acled-bad.csv:5: error: `actor1` is empty
tests/fixtures/import/acled-bad.csv: not imported, 3 errors
"
    );
}

/// A quote never closed would have the `csv` crate read every line after it as one field,
/// without an error: it is reported where it opens, and nothing is imported. A quote inside
/// a field that does not start with one is text, as the `csv` crate reads it.
#[test]
fn a_quote_never_closed_is_an_error_where_it_opens_in_both_csv_formats() {
    let acled = "event_id_cnty,event_date,event_type,actor1,source,notes,iso\n\
                 UKR1,2025-07-23,Battles,A,Outlet,\"said x,804\n\
                 UKR2,2025-07-24,Battles,B,Outlet,fine,804\n\
                 UKR3,2025-07-25,Battles,C,Outlet,ok,804\n";
    let sheet = "Year,Month,Day,Headline,Text\n2025,5,16,One,\"never closed\n2025,5,17,Two,x\n";
    for (format, text, at) in [("acled", acled, "2:34"), ("timelinejs-csv", sheet, "2:15")] {
        let path = scratch(&format!("unclosed-{format}.csv"));
        fs::write(&path, text).unwrap();
        let name = path.to_str().unwrap();
        let o = run(&["import", format, name]);
        assert_eq!(code(&o), 1, "{format}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{format}");
        assert!(
            stderr(&o).starts_with(&format!(
                "{name}:{at}: error: a quote opens a field here and is never closed"
            )),
            "{format}: {}",
            stderr(&o)
        );
    }
    // An odd number of quotes, every field closed: a 5" gun is text.
    let path = scratch("stray-quote.csv");
    fs::write(
        &path,
        "event_id_cnty,event_date,event_type,actor1,source,notes,iso\n\
         UKR1,2025-07-23,Battles,A,Outlet,a 5\" gun,804\n\
         UKR2,2025-07-24,Battles,B,Outlet,\"quoted, \"\"fine\"\"\",804\n",
    )
    .unwrap();
    let (ron, _) = import_ok(&["acled", path.to_str().unwrap()]);
    assert!(ron.contains("a 5\\\" gun"), "{ron}");
    assert!(ron.contains("UKR2"), "{ron}");
}

#[test]
fn a_control_character_in_a_headline_never_reaches_stderr_raw() {
    let o = run(&[
        "import",
        "timelinejs",
        "tests/fixtures/import/bad-dates.json",
    ]);
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("Red \\x1b[31malert"), "{err}");
    // In a note too, and in the output as RON's escape.
    let path = scratch("import-controls.json");
    fs::write(
        &path,
        r#"{"events": [{"start_date": {"year": -5}, "text": {"headline": "a\u001b]52;c;x\u0007b"}},
                       {"start_date": {"year": 2025}, "text": {"headline": "ok\u009b2J"}}]}"#,
    )
    .unwrap();
    let o = run(&["import", "timelinejs", path.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
    assert!(err.contains("a\\x1b]52;c;x\\x07b"), "{err}");
    let out = stdout(&o);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(
        model::load_str(&out).unwrap().timeline.events[0].title,
        "ok\u{9b}2J"
    );
}

// ---------------------------------------------------------------- -o

#[test]
fn output_is_never_written_over_without_force() {
    let out = scratch("import-out.ron");
    let _ = fs::remove_file(&out);
    let o = run(&["import", "acled", ACLED, "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("wrote"), "{}", stderr(&o));
    let first = fs::read_to_string(&out).unwrap();
    assert!(model::load_str(&first).is_ok());

    fs::write(&out, "keep me").unwrap();
    let o = run(&["import", "acled", ACLED, "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("exists; add --force to write over it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");

    let o = run(&[
        "import",
        "acled",
        ACLED,
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), first);
}

/// The output is written as it is made: an output that fills up is said, with the exit of
/// trouble, and a device given as `-o` is left where it is.
#[cfg(target_os = "linux")]
#[test]
fn a_full_output_is_said_and_a_device_given_as_o_is_never_removed() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let o = run(&["import", "acled", ACLED, "-o", "/dev/full", "--force"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("roundtable: cannot write /dev/full: No space left on device"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("removed"), "{}", stderr(&o));
    assert!(full.exists());
}

/// `--force` writes over an existing file, but never over the file being imported.
#[test]
fn the_file_being_imported_is_never_written_over_even_with_force() {
    let dir = scratch("same-o");
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("events.csv");
    let before = fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(ACLED)).unwrap();
    fs::write(&input, &before).unwrap();
    let i = input.to_str().unwrap();
    let o = run(&["import", "acled", i, "-o", i, "--force"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is the file being imported"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&input).unwrap(), before);
}

#[test]
fn help_lists_the_formats_with_an_example() {
    let o = run(&["import", "--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for needle in [
        "timelinejs",
        "timelinejs-csv",
        "acled",
        "--tz <ZONE>",
        "roundtable import timelinejs talks.json --tz Europe/Istanbul -o talks.ron",
    ] {
        assert!(help.contains(needle), "{needle} not in\n{help}");
    }
    // Eras are numbered in date order, but one whose `unique_id` is `round-N` keeps N.
    let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "an era whose `unique_id` is `round-N`, as `export --format timelinejs` \
                        writes, keeps the number N"
        ),
        "{help}"
    );
}

/// The README's command line for `import` names every option `import --help` lists.
#[test]
fn the_readme_import_line_names_every_option() {
    let readme = fs::read_to_string("README.md").unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("roundtable import "))
        .unwrap();
    let help = stdout(&run(&["import", "--help"]));
    for option in ["--tz", "-o", "--force"] {
        assert!(help.contains(option), "{help}");
        assert!(
            line.contains(&format!("[{option} ")) || line.contains(&format!("[{option}]")),
            "{option} not in {line}"
        );
    }
}

/// How TimelineJS shows a slide (its media's alt text, title and link, `autolink`, a date's
/// `format`, the document's `scale`) has no field in a timeline: each is named on stderr and
/// kept as a comment with its event, era or title, in both TimelineJS formats.
#[test]
fn media_alt_title_link_autolink_scale_and_date_formats_are_kept() {
    let json = r#"{"scale": "human",
        "title": {"text": {"headline": "T"}, "autolink": false},
        "events": [{"start_date": {"year": 2025, "month": 6, "day": 2, "format": "mmmm d"},
            "end_date": {"year": 2025, "month": 6, "day": 3, "format_short": "d mmm"},
            "text": {"headline": "Talks"}, "autolink": true,
            "media": {"url": "https://example.org/photo.jpg", "alt": "Delegates at a table",
                      "title": "The room", "link": "https://example.org/gallery",
                      "link_target": "_blank"}}],
        "eras": [{"start_date": {"year": 2025, "month": 5}, "text": {"headline": "Spring"},
                  "media": {"title": "Era picture"}}]}"#;
    let (ron, err) = import_text("timelinejs", "presentation.json", json);
    for note in [
        "TimelineJS field `scale` is not imported: \"human\"",
        "title slide autolink: false",
        "start_date format: mmmm d",
        "end_date format_short: d mmm",
        "autolink: true",
        "media alt: Delegates at a table",
        "media title: The room",
        "media link: https://example.org/gallery",
        "media link_target: _blank",
        "era 1 `Spring` media title: Era picture",
    ] {
        assert!(
            err.contains(&format!("note: {note} (kept as a comment)")),
            "{note}: {err}"
        );
        assert!(ron.contains(&format!("// {note}\n")), "{note}: {ron}");
    }
    let sheet = "Year,Month,Day,Headline,Media,Alt Text\n\
                 2025,6,2,Talks,https://example.org/photo.jpg,Delegates at a table\n";
    let (ron, err) = import_text("timelinejs-csv", "alt.csv", sheet);
    let note = "media alt: Delegates at a table";
    assert!(
        err.contains(&format!("note: {note} (kept as a comment)")),
        "{err}"
    );
    assert!(ron.contains(&format!("        // {note}\n")), "{ron}");
}

/// A column without a name, a column named twice and a column the format does not know keep
/// their values in both CSV formats: each row's value in a comment with its event, and one note
/// naming the column (and, when repeated, which one is read), not one more per row.
#[test]
fn csv_columns_without_a_name_repeated_or_unknown_keep_their_values() {
    let sheet = "Year,Month,Day,Headline,,Headline,my_extra\n\
                 2025,1,1,First,NOTE,Second,EXTRA\n";
    let (ron, err) = import_text("timelinejs-csv", "columns.csv", sheet);
    let t = model::load_str(&ron).unwrap().timeline;
    assert_eq!(t.events[0].title, "Second");
    for (note, comment) in [
        (
            "column 5 has no name; each row's value of it is kept with its slide",
            "column 5 (no name): NOTE",
        ),
        (
            "column `Headline` is repeated: column 6 is read, and each row's value of column 4 \
             is kept with its slide",
            "Headline (column 4): First",
        ),
        (
            "column `my_extra` is not a TimelineJS column; each row's value of it is kept with \
             its slide",
            "my_extra: EXTRA",
        ),
    ] {
        assert!(
            err.contains(&format!("columns.csv:1: note: {note} (kept as a comment)")),
            "{err}"
        );
        // Said once for the column, not again for each row.
        assert!(!err.contains(&format!("note: {comment}")), "{err}");
        assert!(ron.contains(&format!("        // {comment}\n")), "{ron}");
    }
    let acled = "event_id_cnty,event_date,event_type,actor1,,actor1,my_extra\n\
                 A1,2025-07-23,Battles,First,NOTE,Second,EXTRA\n";
    let (ron, err) = import_text("acled", "columns-acled.csv", acled);
    assert!(!err.contains("not imported (kept"), "{err}");
    for (note, comment) in [
        (
            "column 5 has no name; each row's value of it is kept with its event",
            "column 5 (no name): NOTE",
        ),
        (
            "column `actor1` is repeated: column 4 is read, and each row's value of column 6 \
             is kept with its event",
            "actor1 (column 6): Second",
        ),
        (
            "column `my_extra` is not an ACLED column roundtable knows; each row's value of \
             it is kept with its event",
            "my_extra: EXTRA",
        ),
    ] {
        assert!(
            err.contains(&format!(
                "columns-acled.csv:1: note: {note} (kept as a comment)"
            )),
            "{err}"
        );
        // Said once for the column, not again for each row.
        assert!(!err.contains(&format!("note: {comment}")), "{err}");
        assert!(ron.contains(&format!("        // {comment}\n")), "{ron}");
    }
}

/// Media embedded as HTML (an `<iframe>`) keeps where it loads from: its `src`, with the
/// embed shortened, in the comment and the note; a control character in it never reaches
/// either raw.
#[test]
fn embedded_media_keeps_its_src() {
    let json = r#"{"events": [{"start_date": {"year": 2025, "month": 6, "day": 2},
        "text": {"headline": "Talks"},
        "media": {"url": "<iframe width=\"560\" src=\"https://www.youtube.com/embed/abc?a=1&amp;b=2\u001b[2J\" frameborder=\"0\"></iframe>"}}]}"#;
    let (ron, err) = import_text("timelinejs", "iframe.json", json);
    let note = "embedded media https://www.youtube.com/embed/abc?a=1&b=2[2J (<iframe width=\"560\" \
                src=\"https://www.youtube.com/embed/abc?a…) is not a source";
    assert!(
        err.contains(&format!("note: {note} (kept as a comment)")),
        "{err}"
    );
    assert!(ron.contains(&format!("        // {note}\n")), "{ron}");
    assert!(!err.contains('\u{1b}') && !ron.contains('\u{1b}'));
}

/// Two eras asking for the same round (`unique_id` `round-5`): the earlier keeps it, the other
/// is numbered anew, and a note (and a comment) says so.
#[test]
fn an_era_whose_round_number_is_taken_is_renumbered_with_a_note() {
    let json = r#"{"events": [{"start_date": {"year": 2025, "month": 5, "day": 16}, "text": {"headline": "E"}}],
        "eras": [
        {"start_date": {"year": 2025, "month": 5}, "text": {"headline": "May"}, "unique_id": "round-5"},
        {"start_date": {"year": 2025, "month": 7}, "text": {"headline": "July"}, "unique_id": "round-5"}
    ]}"#;
    let (ron, err) = import_text("timelinejs", "eras-twice.json", json);
    let t = model::load_str(&ron).unwrap().timeline;
    let numbers: Vec<u64> = t.rounds.iter().map(|r| r.number.value).collect();
    assert_eq!(numbers, [5, 1]);
    let note = "the era `July` asks for round 5 (`unique_id` `round-5`), taken by an earlier \
                era; it is round 1";
    assert!(
        err.contains(&format!(
            "eras-twice.json:4:9: note: {note} (kept as a comment)"
        )),
        "{err}"
    );
    assert!(ron.contains(&format!("// {note}\n")), "{ron}");
}
