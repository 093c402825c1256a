//! Publishing and starting timelines: `export --format timelinejs` read back as TimelineJS
//! reads it and imported again, and `roundtable new`'s starter timeline.

use std::fs;
use std::path::PathBuf;

use roundtable::model::{self, Precision};
use serde_json::{Value, json};

#[path = "support/bin.rs"]
mod bin;
use bin::{code, run, stderr, stdout};

/// A fresh scratch path under Cargo's temporary directory for integration tests.
fn scratch(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("publish-{name}"));
    let _ = fs::remove_file(&p);
    p
}

fn export(args: &[&str]) -> Value {
    let mut all = vec!["export", "--format", "timelinejs"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn slide<'v>(doc: &'v Value, id: &str) -> &'v Value {
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["unique_id"] == id)
        .unwrap_or_else(|| panic!("no slide {id}"))
}

// ---------------------------------------------------------------- export --format timelinejs

#[test]
fn timelinejs_has_one_slide_per_event_in_timeline_order() {
    let doc = export(&[]);
    let list = stdout(&run(&["list"]));
    let ids: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let slides: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect();
    assert_eq!(slides, ids);
    assert_eq!(slides[0], "nsdc-2022-ban");
    assert_eq!(
        doc["title"]["text"]["headline"],
        "Russia–Ukraine direct talks, Istanbul 2025"
    );
}

#[test]
fn timelinejs_dates_are_parts_at_the_precision_known() {
    let doc = export(&[]);
    assert_eq!(doc["events"][0]["start_date"], json!({"year": 2022}));
    assert_eq!(
        slide(&doc, "r2-memoranda")["start_date"],
        json!({"year": 2025, "month": 6, "day": 2})
    );
    assert!(slide(&doc, "r2-memoranda").get("display_date").is_none());
}

#[test]
fn timelinejs_text_quotes_quotes_with_speaker_and_never_quotes_claims() {
    let doc = export(&[]);
    let texts: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"]["text"].as_str().unwrap())
        .collect();
    let quoted = texts
        .iter()
        .find(|t| {
            t.contains("<p class=\"quote\">“We hope that the talks between Russia and Ukraine")
        })
        .expect("the Peskov quote, in quotation marks");
    assert!(
        quoted.contains("— Dmitry Peskov, Kremlin spokesman"),
        "{quoted}"
    );
    let claims: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split("<p class=\"claim\">").skip(1))
        .collect();
    assert!(claims.len() > 5, "{claims:?}");
    for c in claims {
        assert!(!c.starts_with('“') && !c.starts_with('"'), "{c}");
        assert!(c.contains("<small>— "), "a claim without its citation: {c}");
    }
}

#[test]
fn timelinejs_groups_media_and_eras_come_from_rounds_and_sources() {
    let doc = export(&[]);
    let r1 = slide(&doc, "r1-istanbul");
    assert_eq!(r1["group"], "Round 1");
    assert_eq!(r1["media"]["credit"], "RT");
    assert!(slide(&doc, "nsdc-2022-ban").get("group").is_none());
    // Round 1 has no start, so no era; round 2 has no end, so its era ends the day it starts.
    assert_eq!(
        doc["eras"],
        json!([{
            "start_date": {"year": 2025, "month": 6, "day": 2},
            "end_date": {"year": 2025, "month": 6, "day": 2},
            "text": {"headline": "Round 2"},
            "unique_id": "round-2",
        }, {
            "start_date": {"year": 2025, "month": 7, "day": 23},
            "end_date": {"year": 2025, "month": 7, "day": 23},
            "text": {"headline": "Round 3"},
            "unique_id": "round-3",
        }])
    );
}

#[test]
fn timelinejs_filters_apply_as_for_the_other_formats() {
    let doc = export(&["--speaker", "peskov"]);
    let list = stdout(&run(&["list", "--speaker", "peskov"]));
    assert_eq!(
        doc["events"].as_array().unwrap().len(),
        list.lines().count()
    );
    // Only Peskov's quotes and claims are written: 9 and 4 of them.
    let cites: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["text"]["text"]
                .as_str()
                .unwrap()
                .split("<small>— ")
                .skip(1)
        })
        .collect();
    assert_eq!(cites.len(), 13);
    for c in cites {
        assert!(
            c.starts_with("Dmitry Peskov") || c.starts_with("claimed by Dmitry Peskov"),
            "{c}"
        );
    }
}

const TIMED: &str = r#"Timeline(
    title: "<b>& talks",
    summary: "Tom's \"summary\" <i>",
    sources: [Source(id: "s", outlet: "A&B <News>", url: "https://example.org/a?b=1&c=2")],
    participants: [Participant(id: "p", name: "Pat <O'Neil>")],
    rounds: [Round(number: 1, start: "2025-07", end: "2025-08")],
    events: [
        Event(id: "evening", when: "2025-07-23T19:05+03:00", end: "2025-07-24", round: 1,
              title: "<b>& opening", sources: ["s"],
              quotes: [Quote(speaker: "p", text: "1 < 2 & \"yes\"", source: "s")],
              claims: [Claim(by: "p", text: "<script>x</script>", source: "s")]),
        Event(id: "month", when: "2025-08", title: "M", sources: ["s"]),
    ],
)"#;

#[test]
fn timelinejs_escapes_html_and_keeps_the_clock_time_with_its_offset() {
    let file = scratch("timed.ron");
    fs::write(&file, TIMED).unwrap();
    let doc = export(&[file.to_str().unwrap()]);
    assert_eq!(doc["title"]["text"]["headline"], "&lt;b&gt;&amp; talks");
    assert_eq!(
        doc["title"]["text"]["text"],
        "<p>Tom&#39;s &quot;summary&quot; &lt;i&gt;</p>"
    );
    let e = slide(&doc, "evening");
    assert_eq!(e["text"]["headline"], "&lt;b&gt;&amp; opening");
    assert_eq!(
        e["start_date"],
        json!({"year": 2025, "month": 7, "day": 23, "hour": 19, "minute": 5})
    );
    assert_eq!(e["end_date"], json!({"year": 2025, "month": 7, "day": 24}));
    assert_eq!(e["display_date"], "2025-07-23 19:05+03:00 to 2025-07-24");
    assert_eq!(e["group"], "Round 1");
    assert_eq!(e["media"]["credit"], "A&amp;B &lt;News&gt;");
    assert_eq!(e["media"]["url"], "https://example.org/a?b=1&c=2");
    let text = e["text"]["text"].as_str().unwrap();
    assert!(text.contains("“1 &lt; 2 &amp; &quot;yes&quot;”"), "{text}");
    assert!(text.contains("— Pat &lt;O&#39;Neil&gt;"), "{text}");
    assert!(text.contains("&lt;script&gt;x&lt;/script&gt;"), "{text}");
    assert!(
        !text.contains("<script>") && !text.contains("<b>"),
        "{text}"
    );
    assert_eq!(
        slide(&doc, "month")["start_date"],
        json!({"year": 2025, "month": 8})
    );
}

/// TimelineJS shows a slide's media, and so its credit, only when the media has a URL: an
/// outlet without one is named in the slide's text instead, escaped, and the credit kept for
/// `import timelinejs`; a source with a URL stays media, its text untouched.
#[test]
fn timelinejs_names_the_outlet_in_the_text_when_its_source_has_no_url() {
    let file = scratch("no-url.ron");
    fs::write(
        &file,
        r#"Timeline(title: "t", participants: [],
    sources: [Source(id: "wire", outlet: "A&B <News>"),
              Source(id: "page", outlet: "Page", url: "https://example.org/p")],
    events: [
        Event(id: "wire-only", when: "2025-07-23", title: "W", summary: "Said.", sources: ["wire"]),
        Event(id: "with-page", when: "2025-07-24", title: "P", summary: "Seen.", sources: ["page"]),
    ])"#,
    )
    .unwrap();
    let doc = export(&[file.to_str().unwrap()]);
    let wire = slide(&doc, "wire-only");
    assert_eq!(
        wire["text"]["text"],
        "<p>Said.</p><p class=\"source\">Source: A&amp;B &lt;News&gt;</p>"
    );
    assert_eq!(wire["media"], json!({"credit": "A&amp;B &lt;News&gt;"}));
    let page = slide(&doc, "with-page");
    assert_eq!(page["text"]["text"], "<p>Seen.</p>");
    assert_eq!(
        page["media"],
        json!({"url": "https://example.org/p", "credit": "Page"})
    );
    // The bundled timeline's sources have no URL: every slide with one names its outlet, and
    // a slide citing two names both.
    let doc = export(&[]);
    let r1 = slide(&doc, "r1-istanbul");
    assert!(r1.get("media").and_then(|m| m.get("url")).is_none());
    let text = r1["text"]["text"].as_str().unwrap();
    assert!(
        text.ends_with("<p class=\"source\">Sources: RT, Xinhua</p>"),
        "{text}"
    );
}

/// The events of a timeline file as (id, precision of `when`, of `end`), sorted by id.
fn shape(text: &str) -> Vec<(String, Precision, Option<Precision>)> {
    let loaded = model::load_str(text).unwrap_or_else(|d| panic!("{d:?}"));
    let mut events: Vec<_> = loaded
        .timeline
        .events
        .iter()
        .map(|e| {
            (
                e.id.value.to_string(),
                e.when.precision,
                e.end.as_ref().map(|w| w.precision),
            )
        })
        .collect();
    events.sort();
    events
}

fn round_trip(name: &str, original: &str, export_args: &[&str], import_args: &[&str]) {
    let json = scratch(&format!("{name}.json"));
    let back = scratch(&format!("{name}.ron"));
    let mut args = vec!["export", "--format", "timelinejs"];
    args.extend_from_slice(export_args);
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    fs::write(&json, o.stdout).unwrap();
    let mut args = vec!["import", "timelinejs", json.to_str().unwrap()];
    args.extend_from_slice(import_args);
    args.extend_from_slice(&["-o", back.to_str().unwrap()]);
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&["check", back.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    let text = fs::read_to_string(&back).unwrap();
    assert_eq!(shape(&text), shape(original));
    assert_eq!(rounds(&text), rounds(original));
}

/// The rounds of a timeline file that have a start, as (number, title, start, end), sorted
/// by number; a round without an end given the end it means, its start's.
fn rounds(text: &str) -> Vec<(u64, String, String, String)> {
    let loaded = model::load_str(text).unwrap_or_else(|d| panic!("{d:?}"));
    let mut rounds: Vec<_> = loaded
        .timeline
        .rounds
        .iter()
        .filter_map(|r| {
            let start = r.start.as_ref()?;
            let end = r.end.as_ref().unwrap_or(start);
            Some((
                r.number.value,
                r.name().into_owned(),
                start.raw.to_string(),
                end.raw.to_string(),
            ))
        })
        .collect();
    rounds.sort();
    rounds
}

#[test]
fn the_bundled_timeline_exported_to_timelinejs_imports_back_with_its_ids_and_precisions() {
    round_trip("bundled", model::BUNDLED, &[], &[]);
}

#[test]
fn times_of_day_come_back_in_their_offset() {
    let file = scratch("timed-trip.ron");
    fs::write(&file, TIMED).unwrap();
    round_trip(
        "timed",
        TIMED,
        &[file.to_str().unwrap()],
        &["--tz", "+03:00"],
    );
}

#[test]
fn export_help_names_timelinejs_with_an_example() {
    let help = stdout(&run(&["export", "--help"]));
    assert!(help.contains("timelinejs"), "{help}");
    assert!(
        help.contains("roundtable export talks.ron --format timelinejs > talks.json"),
        "{help}"
    );
}

// ---------------------------------------------------------------- new

const STARTER: &str = include_str!("../src/cli/starter.ron");

#[test]
fn the_starter_loads_without_a_warning_and_is_an_obvious_template() {
    let loaded = model::load_str(STARTER).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let t = &loaded.timeline;
    assert_eq!(t.title, "Example talks");
    assert_eq!(t.sources.len(), 2);
    assert!(t.participants.iter().all(|p| !p.aliases.is_empty()));
    assert_eq!(t.rounds.len(), 1);
    let e = &t.events[0];
    assert_eq!((e.quotes.len(), e.claims.len()), (1, 1));
    assert!(e.quotes[0].channel.is_some(), "shows a format 1.1 field");
    for s in &t.sources {
        assert!(
            s.url
                .as_deref()
                .unwrap()
                .starts_with("https://example.org/")
        );
    }
}

#[test]
fn new_without_a_file_prints_the_starter() {
    let o = run(&["new"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), STARTER);
    assert_eq!(stderr(&o), "");
}

#[test]
fn new_writes_a_file_that_check_accepts() {
    let file = scratch("new.ron");
    let path = file.to_str().unwrap();
    let o = run(&["new", path]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains(&format!("roundtable check {path}")),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), STARTER);
    let o = run(&["check", path]);
    assert_eq!(code(&o), 0);
    assert_eq!(stderr(&o), format!("{path}: ok, 1 event\n"));
}

#[test]
fn new_never_writes_over_a_file() {
    let file = scratch("existing.ron");
    let path = file.to_str().unwrap();
    fs::write(&file, "my work\n").unwrap();
    let o = run(&["new", path]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains(&format!("{path} already exists")),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");
    assert_eq!(fs::read_to_string(&file).unwrap(), "my work\n");
}

#[test]
fn new_help_teaches_with_an_example() {
    let help = stdout(&run(&["new", "--help"]));
    assert!(
        help.contains("roundtable new talks.ron && roundtable check talks.ron"),
        "{help}"
    );
    assert!(help.contains("never written over"), "{help}");
}

/// An event citing several sources names every one in its slide's text, escaped, each web
/// page as a link (never a `javascript:` one), the media still the first source's; and a time
/// with a fraction of a second keeps it as `millisecond`, which `import timelinejs` reads back.
#[test]
fn timelinejs_names_every_source_and_keeps_milliseconds_through_a_round_trip() {
    let file = scratch("sources-ms.ron");
    fs::write(
        &file,
        r#"Timeline(title: "t", participants: [],
    sources: [Source(id: "wire", outlet: "A&B <News>"),
              Source(id: "page", outlet: "Page", url: "https://example.org/p?a=1&b=2"),
              Source(id: "odd", outlet: "Odd", url: "javascript:alert(1)")],
    events: [
        Event(id: "many", when: "2025-07-23T09:15:30.500Z", title: "M", summary: "Said.",
              sources: ["wire", "page", "odd"]),
    ])"#,
    )
    .unwrap();
    let doc = export(&[file.to_str().unwrap()]);
    let many = slide(&doc, "many");
    assert_eq!(
        many["text"]["text"],
        "<p>Said.</p><p class=\"source\">Sources: A&amp;B &lt;News&gt;, \
         <a href=\"https://example.org/p?a=1&amp;b=2\">Page</a>, Odd</p>"
    );
    assert_eq!(many["media"], json!({"credit": "A&amp;B &lt;News&gt;"}));
    assert_eq!(
        many["start_date"],
        json!({"year": 2025, "month": 7, "day": 23, "hour": 9, "minute": 15, "second": 30,
               "millisecond": 500})
    );
    let json = scratch("sources-ms.json");
    fs::write(&json, serde_json::to_string(&doc).unwrap()).unwrap();
    let o = run(&[
        "import",
        "timelinejs",
        json.to_str().unwrap(),
        "--tz",
        "UTC",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let ron = stdout(&o);
    let back = model::load_str(&ron).unwrap().timeline;
    let when = &back.events[0].when;
    assert_eq!(
        (when.precision, when.nanos),
        (Precision::Second, 500_000_000),
        "{}",
        when.raw
    );
}

/// `export --help` says what the output holds: the CSV columns exactly as the header names
/// them, and eras from every round with a start (a round without an end is one too).
#[test]
fn export_help_names_every_csv_column_and_the_rounds_that_become_eras() {
    let help = stdout(&run(&["export", "--help"]));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let (listed, _) = help
        .split_once("with a header: ")
        .and_then(|(_, rest)| rest.split_once(". Lists within"))
        .unwrap_or_else(|| panic!("no CSV column list in\n{help}"));
    // The list without its explanations in parentheses.
    let mut bare = String::new();
    let mut depth = 0;
    for c in listed.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let named: Vec<String> = bare
        .replace(" and ", ", ")
        .split(',')
        .map(|c| c.trim().to_string())
        .collect();
    let o = run(&["export", "--format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    let header: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    assert_eq!(named, header, "{help}");
    assert!(help.contains("rounds with a start become eras"), "{help}");
    assert!(!help.contains("with a start and an end"), "{help}");
}
