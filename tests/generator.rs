//! The synthetic timeline generator (`examples/gen.rs`) writes files the loader accepts, the
//! same bytes for the same seed, and the same content as RON and as JSON.

#[path = "../examples/gen/lib.rs"]
mod generator;

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};

use generator::{Format, Options};
use roundtable::cli::view::View;
use roundtable::model::{self, Event};

const EVENTS: usize = 2000;

fn generate(events: usize, seed: u64, format: Format) -> String {
    let mut out = Vec::new();
    generator::generate(
        &mut out,
        &Options {
            events,
            seed,
            format,
        },
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

static RON: LazyLock<String> = LazyLock::new(|| generate(EVENTS, 1, Format::Ron));
static JSON: LazyLock<String> = LazyLock::new(|| generate(EVENTS, 1, Format::Json));

fn load(text: &str) -> model::Loaded<'_> {
    match model::load_str(text) {
        Ok(loaded) => loaded,
        Err(diags) => panic!("{}", model::diag::render("gen.ron", text, &diags)),
    }
}

/// The events as the file lists them (the loader sorts them by time).
fn file_order<'t, 'a>(events: &'t [Event<'a>]) -> Vec<&'t Event<'a>> {
    let mut events: Vec<&Event<'_>> = events.iter().collect();
    events.sort_by_key(|e| e.at);
    events
}

#[test]
fn ron_loads_without_errors_or_warnings() {
    let loaded = load(&RON);
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        model::diag::render("gen.ron", &RON, &loaded.warnings)
    );
    let t = &loaded.timeline;
    assert_eq!(t.events.len(), EVENTS);
    assert_eq!(t.sources.len(), EVENTS / 100);
    assert_eq!(t.participants.len(), 300);
    assert_eq!(t.rounds.len(), 40);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    assert_eq!(*RON, generate(EVENTS, 1, Format::Ron));
    assert_ne!(*RON, generate(EVENTS, 2, Format::Ron));
}

/// The instant at which a `when` begins, worked out with chrono from the text rather than by
/// roundtable's parser (FORMAT.md, "When": a year begins on 1 January, a month on its first
/// day, a day at 00:00 UTC), as seconds and nanoseconds.
fn begins(raw: &str) -> (i64, u32) {
    let day = |y: &str, m: &str, d: &str| {
        let date =
            NaiveDate::from_ymd_opt(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
        date.unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc()
    };
    let at = match raw.len() {
        4 => day(raw, "1", "1"),
        7 => day(&raw[..4], &raw[5..7], "1"),
        10 => day(&raw[..4], &raw[5..7], &raw[8..10]),
        _ => {
            // RFC 3339 wants seconds; the format lets them be left out.
            let full = if raw.as_bytes()[16] == b':' {
                raw.to_string()
            } else {
                format!("{}:00{}", &raw[..16], &raw[16..])
            };
            DateTime::parse_from_rfc3339(&full)
                .unwrap_or_else(|e| panic!("{raw}: {e}"))
                .to_utc()
        }
    };
    (at.timestamp(), at.timestamp_subsec_nanos())
}

#[test]
fn events_are_shuffled_in_the_file_and_sorted_when_loaded() {
    // The file's order, and each event's `when`, from the JSON the generator wrote.
    let json: serde_json::Value = serde_json::from_str(&JSON).expect("valid JSON");
    let listed: Vec<(&str, &str)> = json["events"]
        .as_array()
        .expect("an events list")
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["when"].as_str().unwrap()))
        .collect();
    let mut expected = listed.clone();
    // Stable: events that begin at the same instant keep the file's order.
    expected.sort_by_key(|&(_, when)| begins(when));
    let expected: Vec<&str> = expected.iter().map(|&(id, _)| id).collect();
    let in_file: Vec<&str> = listed.iter().map(|&(id, _)| id).collect();
    assert_ne!(expected, in_file, "the file is not shuffled");
    let ties = listed.len() - {
        let mut at: Vec<_> = listed.iter().map(|&(_, w)| begins(w)).collect();
        at.sort_unstable();
        at.dedup();
        at.len()
    };
    assert!(
        ties > 10,
        "only {ties} events share an instant with another"
    );

    let loaded = load(&RON);
    let got: Vec<&str> = loaded
        .timeline
        .events
        .iter()
        .map(|e| e.id.value.as_ref())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn json_has_the_same_content_as_ron() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let json: serde_json::Value = serde_json::from_str(&JSON).expect("valid JSON");
    let events = json["events"].as_array().expect("an events array");
    assert_eq!(events.len(), EVENTS);
    let listed = file_order(&t.events);
    let ron_ids: Vec<&str> = listed.iter().map(|e| e.id.value.as_ref()).collect();
    let json_ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ron_ids, json_ids);
    // Record for record, the loaded RON exports to exactly the JSON written.
    let ron = serde_json::to_value(View::all(t)).unwrap();
    let exported: std::collections::HashMap<&str, &serde_json::Value> = ron["events"]
        .as_array()
        .expect("an events array")
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e))
        .collect();
    for json in events {
        assert_eq!(exported[json["id"].as_str().unwrap()], json);
    }
    for key in ["title", "summary", "sources", "participants", "rounds"] {
        assert_eq!(ron[key], json[key], "{key}");
    }
}

#[test]
fn claims_dispute_earlier_claims() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let listed = file_order(&t.events);
    let mut seen = std::collections::HashSet::new();
    let mut disputes = 0;
    for e in listed {
        for c in &e.claims {
            for d in &c.disputes {
                let id = d.id(&RON);
                assert!(seen.contains(id.as_ref()), "{id} is not earlier");
                disputes += 1;
            }
            if let Some(id) = &c.id {
                seen.insert(id.value.as_ref());
            }
        }
    }
    assert!(disputes > 0);
}

#[test]
fn text_is_partly_cyrillic_and_quotes_are_150_to_250_chars() {
    let loaded = load(&RON);
    let (mut cyrillic, mut letters) = (0usize, 0usize);
    for e in &loaded.timeline.events {
        let texts = e
            .quotes
            .iter()
            .map(|q| &q.text)
            .chain(e.claims.iter().map(|c| &c.text))
            .chain(std::iter::once(&e.title))
            .chain(e.summary.as_ref());
        for text in texts {
            for c in text.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                cyrillic += usize::from(('\u{400}'..='\u{4ff}').contains(&c));
            }
        }
        for q in &e.quotes {
            let n = q.text.chars().count();
            assert!((150..=250).contains(&n), "{n} chars: {}", q.text);
        }
    }
    let share = cyrillic * 100 / letters;
    assert!((20..=40).contains(&share), "{share}% Cyrillic");
}

#[test]
fn every_precision_of_when_occurs() {
    let loaded = load(&RON);
    let mut seen = std::collections::HashSet::new();
    for e in &loaded.timeline.events {
        let raw = e.when.raw.as_ref();
        seen.insert(format!("{:?}", e.when.precision));
        for zone in ["Z", "+03:00", "-04:00"] {
            if raw.ends_with(zone) {
                seen.insert(zone.to_string());
            }
        }
    }
    for want in [
        "Year", "Month", "Day", "Minute", "Second", "Z", "+03:00", "-04:00",
    ] {
        assert!(seen.contains(want), "no {want} in {seen:?}");
    }
}

#[test]
fn strings_are_escaped_in_both_formats() {
    let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} c1 \u{85} кириллица";
    let mut ron = Vec::new();
    generator::emit::write_str(&mut ron, tricky, false).unwrap();
    let ron = String::from_utf8(ron).unwrap();
    assert!(ron.contains(r"\u{7}") && ron.contains(r"\u{85}"), "{ron}");
    let back: String = ron::from_str(&ron).unwrap();
    assert_eq!(back, tricky);
    let mut json = Vec::new();
    generator::emit::write_str(&mut json, tricky, true).unwrap();
    let back: String = serde_json::from_slice(&json).unwrap();
    assert_eq!(back, tricky);
}

#[test]
fn tiny_timelines_load_too() {
    for n in [0, 1, 7, 150] {
        let text = generate(n, 3, Format::Ron);
        assert_eq!(load(&text).timeline.events.len(), n);
        let json: serde_json::Value = serde_json::from_str(&generate(n, 3, Format::Json)).unwrap();
        assert_eq!(json["events"].as_array().unwrap().len(), n);
    }
}

#[test]
fn arguments_parse() {
    use generator::{Command, parse_args};
    let args = |s: &str| parse_args(s.split_whitespace().map(String::from));
    assert_eq!(
        args("--events 100k --format=json --seed 7"),
        Ok(Command::Run(Options {
            events: 100_000,
            seed: 7,
            format: Format::Json
        }))
    );
    assert_eq!(
        args("--events=1_000"),
        Ok(Command::Run(Options {
            events: 1000,
            seed: 1,
            format: Format::Ron
        }))
    );
    assert_eq!(args("--seed 1 --help"), Ok(Command::Help));
    assert!(args("--events").is_err());
    assert!(args("--format yaml").is_err());
    assert!(args("--bogus").is_err());
    for flag in ["--events", "--format", "--seed", "--help"] {
        assert!(generator::HELP.contains(flag), "{flag}");
    }
    assert!(generator::USAGE.contains("--events N"));
}
