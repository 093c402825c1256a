//! Exports that come back: `export --format ron` is a timeline file that loads and validates,
//! and exporting it again gives the same JSON (and the same RON) as the original did; the JSON
//! uses the file format's field names.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use roundtable::model::{self, BUNDLED};
use serde_json::Value;

fn export(args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn text(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Exports `file` (the bundled timeline when `None`) with `filters` as RON, checks that the RON
/// loads without errors, exports that RON again as JSON and RON, and compares.
fn round_trip(name: &str, file: Option<&str>, filters: &[&str]) -> Value {
    let with = |format: &str, file: Option<&str>| {
        let mut args = vec!["--format", format];
        args.extend(file);
        args.extend_from_slice(filters);
        text(&export(&args))
    };
    let ron = with("ron", file);
    if let Err(diags) = model::load_str(&ron) {
        panic!(
            "{name}: the RON export does not load:\n{}\n{ron}",
            model::diag::render("export.ron", &ron, &diags)
        );
    }
    let json = with("json", file);

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.ron"));
    fs::write(&path, &ron).unwrap();
    let path = path.to_str().unwrap();
    let again = |format: &str| text(&export(&["--format", format, path]));
    assert_eq!(
        again("json"),
        json,
        "{name}: JSON differs after a RON round trip"
    );
    assert_eq!(
        again("ron"),
        ron,
        "{name}: RON differs after a RON round trip"
    );
    serde_json::from_str(&json).unwrap()
}

#[test]
fn the_bundled_timeline_round_trips() {
    let json = round_trip("bundled", None, &[]);
    let t = model::load_str(BUNDLED).unwrap().timeline;
    assert_eq!(json["events"].as_array().unwrap().len(), t.events.len());
}

#[test]
fn a_filtered_export_round_trips_and_keeps_every_declaration() {
    let json = round_trip("round3", None, &["--round", "3"]);
    let t = model::load_str(BUNDLED).unwrap().timeline;
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 19);
    assert!(events.iter().all(|e| e["round"] == 3));
    assert_eq!(json["sources"].as_array().unwrap().len(), t.sources.len());
    assert_eq!(
        json["participants"].as_array().unwrap().len(),
        t.participants.len()
    );
    assert_eq!(json["rounds"].as_array().unwrap().len(), t.rounds.len());
}

#[test]
fn every_optional_field_escape_and_script_round_trips() {
    let json = round_trip("full", Some("tests/fixtures/cli/full.ron"), &[]);
    assert_eq!(json["title"], "Полный «пример» — 完整示例 👍");
    assert_eq!(
        json["summary"],
        "Two lines:\nthe second with a tab\there, a quote \" and a backslash \\."
    );
    let first = &json["events"][1];
    assert_eq!(first["id"], "late");
    assert_eq!(
        first["summary"],
        "Esc \u{1b}[1m, bell \u{7}, C1 \u{9b}, RLO \u{202e}, NUL-free."
    );
    assert_eq!(json["sources"][0]["title"], r#"Raw "title" with \n kept"#);
}

#[test]
fn dropped_dispute_links_keep_a_filtered_export_valid() {
    // In full.ron the claim `c1` (round 3) disputes `c0`, in an event outside any round.
    let o = export(&[
        "--format",
        "ron",
        "tests/fixtures/cli/full.ron",
        "--round",
        "3",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "roundtable: note: left out 1 `disputes` link to claims outside the selection, so \
         that the export stays a valid timeline\n"
    );
    let ron = text(&o);
    let loaded = model::load_str(&ron).unwrap_or_else(|d| {
        panic!("{}", model::diag::render("export.ron", &ron, &d));
    });
    assert_eq!(loaded.timeline.events.len(), 1);
    assert!(loaded.timeline.events[0].claims[0].disputes.is_empty());
}

#[test]
fn json_uses_the_file_formats_field_names() {
    let json: Value =
        serde_json::from_slice(&export(&["--format", "json", "--speaker", "peskov"]).stdout)
            .unwrap();
    let event = &json["events"][0];
    assert_eq!(event["id"], "r3-peskov-briefing");
    assert_eq!(event["when"], "2025-07-22");
    assert_eq!(event["round"], 3);
    assert_eq!(event["quotes"][0]["speaker"], "peskov");
    assert_eq!(event["quotes"][0]["source"], "xinhua-2025-07-23");
    assert_eq!(
        event["quotes"][0]["context"],
        "On the timing of the third round"
    );
    assert_eq!(event["claims"][0]["by"], "peskov");
    // How Peskov said it is its channel, not a relay (issue 9's audit of the bundled file).
    assert_eq!(event["claims"][0]["channel"], "news briefing");
    assert_eq!(event["claims"][0]["via"], Value::Null);
    assert_eq!(json["sources"][0]["kind"], "Wire");
    assert_eq!(json["sources"][0]["language"], "en");
    assert_eq!(json["participants"][0]["id"], "putin");
    assert_eq!(json["rounds"][2]["number"], 3);
    assert_eq!(json["rounds"][2]["venue"], "Ciragan Palace, Istanbul");

    let json: Value =
        serde_json::from_slice(&export(&["--format", "json", "--round", "3"]).stdout).unwrap();
    let announce = &json["events"][0]["claims"][2];
    assert_eq!(announce["id"], "r3-date-tass");
    assert_eq!(
        announce["disputes"],
        serde_json::json!(["r3-date-zelensky"])
    );
}
