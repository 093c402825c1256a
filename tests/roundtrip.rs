//! Exports that come back: `export --format ron` is a timeline file that loads and validates,
//! and both exports, and the JSON export of the RON export, hold the values of the input file,
//! as the `ron` crate (not roundtable's reader) reads them; the JSON uses the file format's
//! field names.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use roundtable::model;
use serde_json::{Map, Value, json};

const BUNDLED: &str = "data/istanbul-2025.ron";
const FULL: &str = "tests/fixtures/cli/full.ron";

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

/// RON text read by the `ron` crate into JSON values, with `implicit_some` as the format says.
/// `ron` reads a bare enum variant (`kind: Wire`) as a unit, losing its name, so the variants
/// the format defines are quoted first.
fn ron_values(text: &str) -> Value {
    let mut text = text.to_string();
    for variant in [
        "Article",
        "LiveFeed",
        "Wire",
        "Broadcast",
        "Statement",
        "Other",
        "Person",
        "Organization",
        "Group",
    ] {
        for end in [",", ")", "\n", " "] {
            text = text.replace(
                &format!("kind: {variant}{end}"),
                &format!("kind: \"{variant}\"{end}"),
            );
        }
    }
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&text)
        .unwrap_or_else(|e| panic!("ron cannot read it: {e}\n{text}"))
}

/// Values as the format means them: an absent field, `None`, an empty list and a default kind
/// (`Article`, `Person`) all say the same, so all are left out. The exports leave them out too,
/// but the input may spell them.
fn normal(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, v)| {
                    !(v.is_null()
                        || v.as_array().is_some_and(Vec::is_empty)
                        || (k == "kind" && (v == "Article" || v == "Person")))
                })
                .map(|(k, v)| (k, normal(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normal).collect()),
        v => v,
    }
}

/// The input file `path` as the exports should give it back.
fn input(path: &str) -> Value {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    normal(ron_values(&fs::read_to_string(file).unwrap()))
}

fn events_by_id(v: &Value) -> BTreeMap<String, Value> {
    v["events"]
        .as_array()
        .expect("an events list")
        .iter()
        .map(|e| {
            (
                e["id"].as_str().expect("an event id").to_string(),
                e.clone(),
            )
        })
        .collect()
}

/// Compares an export with what it should hold, field by field and event by event (the
/// export lists events in timeline order, the input in file order), so that a failure names
/// the value that differs.
fn assert_holds(what: &str, got: &Value, want: &Value) {
    let (Some(got_map), Some(want_map)) = (got.as_object(), want.as_object()) else {
        panic!("{what}: not a record: {got}");
    };
    let keys = |m: &Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(got_map), keys(want_map), "{what}: top-level fields");
    for (k, v) in want_map {
        if k != "events" {
            assert_eq!(&got_map[k], v, "{what}: `{k}`");
        }
    }
    let (got, want) = (events_by_id(got), events_by_id(want));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{what}: event ids"
    );
    for (id, e) in &want {
        assert_eq!(&got[id], e, "{what}: event `{id}`");
    }
}

/// Exports `file` with `filters` as RON and as JSON; checks that the RON export loads without
/// errors, and that both exports and the JSON export of the RON export hold `want`. Returns
/// the JSON export, in timeline order.
fn round_trip(name: &str, file: &str, filters: &[&str], want: &Value) -> Value {
    let with = |format: &str, file: &str| {
        let mut args = vec!["--format", format, file];
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
    assert_holds(
        &format!("{name}, RON export"),
        &normal(ron_values(&ron)),
        want,
    );
    let json: Value = serde_json::from_str(&with("json", file)).unwrap();
    assert_holds(&format!("{name}, JSON export"), &normal(json.clone()), want);

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.ron"));
    fs::write(&path, &ron).unwrap();
    let path = path.to_str().unwrap();
    let again: Value = serde_json::from_str(&text(&export(&["--format", "json", path]))).unwrap();
    assert_holds(
        &format!("{name}, JSON of the RON export"),
        &normal(again),
        want,
    );
    json
}

fn event_ids(json: &Value) -> Vec<&str> {
    json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_bundled_timeline_round_trips() {
    let want = input(BUNDLED);
    assert!(
        want["events"].as_array().unwrap().len() > 10,
        "ron read too little"
    );
    round_trip("bundled", BUNDLED, &[], &want);
}

/// Links from the claims kept to claims left out of a filtered export are dropped.
fn drop_links_out_of(events: &mut [Value]) {
    let kept: Vec<Value> = events
        .iter()
        .flat_map(|e| e["claims"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c.get("id").cloned())
        .collect();
    for e in events.iter_mut() {
        let Some(claims) = e.get_mut("claims").and_then(Value::as_array_mut) else {
            continue;
        };
        for c in claims {
            for link in ["disputes", "confirms"] {
                if let Some(list) = c.get_mut(link).and_then(Value::as_array_mut) {
                    list.retain(|id| kept.contains(id));
                }
            }
        }
    }
}

/// Keeps only the sources, participants and rounds `want`'s events refer to (a source also
/// when a kept source reprints it), as a filtered export must: worked out from the values,
/// not from roundtable's code.
fn keep_referred(want: &mut Value) {
    let mut sources: Vec<Value> = Vec::new();
    let mut participants: Vec<Value> = Vec::new();
    let mut rounds: Vec<Value> = Vec::new();
    let ids = |v: &Value| v.as_array().cloned().unwrap_or_default();
    for e in want["events"].as_array().unwrap() {
        rounds.extend(e.get("round").cloned());
        participants.extend(ids(&e["participants"]));
        sources.extend(ids(&e["sources"]));
        for q in ids(&e["quotes"]) {
            participants.push(q["speaker"].clone());
            sources.push(q["source"].clone());
            sources.extend(ids(&q["also"]));
        }
        for c in ids(&e["claims"]) {
            participants.extend(c.get("by").cloned());
            sources.push(c["source"].clone());
            sources.extend(ids(&c["also"]));
        }
    }
    let all_sources = want["sources"].as_array().unwrap().clone();
    while let Some(next) = all_sources
        .iter()
        .filter(|s| sources.contains(&s["id"]))
        .filter_map(|s| s.get("republishes"))
        .find(|r| !sources.contains(r))
    {
        sources.push(next.clone());
    }
    let keep = |list: &Value, key: &str, wanted: &[Value]| {
        Value::Array(
            list.as_array()
                .unwrap()
                .iter()
                .filter(|x| wanted.contains(&x[key]))
                .cloned()
                .collect(),
        )
    };
    want["sources"] = keep(&want["sources"], "id", &sources);
    want["participants"] = keep(&want["participants"], "id", &participants);
    want["rounds"] = keep(&want["rounds"], "number", &rounds);
}

/// Format 1.1: every new field (`end`, `republishes`, `language`, `channel`, `also`, `lang`,
/// `original`, `confirms`), and every RFC 3339 form of `when`, comes back as the input has it.
#[test]
fn every_format_1_1_field_round_trips() {
    for (name, file) in [
        ("provenance", "tests/fixtures/valid/corroboration.ron"),
        ("when-forms", "tests/fixtures/when/order.ron"),
    ] {
        let want = input(file);
        round_trip(name, file, &[], &want);
    }
}

#[test]
fn a_filtered_export_round_trips_and_keeps_only_what_it_uses() {
    // The input's round-3 events, read by `ron`, with the declarations they use.
    let mut want = input(BUNDLED);
    let mut events: Vec<Value> = want["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["round"] == 3)
        .cloned()
        .collect();
    assert!(events.len() > 5, "ron read too few round-3 events");
    drop_links_out_of(&mut events);
    want["events"] = Value::Array(events);
    keep_referred(&mut want);
    assert!(
        want["participants"].as_array().unwrap().len()
            < input(BUNDLED)["participants"].as_array().unwrap().len(),
        "round 3 leaves some participant out"
    );
    let want = normal(want);
    round_trip("round3", BUNDLED, &["--round", "3"], &want);
}

#[test]
fn a_filtered_export_checks_without_warnings() {
    // The last: a reprint (`mirror` reprints `people`, which reprints `xinhua`) keeps the
    // publications it reprints, or the export would name sources it does not declare.
    let corroboration = "tests/fixtures/valid/corroboration.ron";
    for (file, filters) in [
        (BUNDLED, &["--round", "3"][..]),
        (BUNDLED, &["--speaker", "peskov"]),
        (BUNDLED, &["--anonymous"]),
        (BUNDLED, &["--source", "rt", "--disputed"]),
        (corroboration, &["--source", "mirror"]),
    ] {
        for format in ["ron", "json"] {
            let mut args = vec!["--format", format, file];
            args.extend_from_slice(filters);
            let written = text(&export(&args));
            let name = format!("filtered-check.{format}");
            let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
            fs::write(&path, &written).unwrap();
            let o = Command::new(env!("CARGO_BIN_EXE_roundtable"))
                .arg("check")
                .arg(&path)
                .output()
                .unwrap();
            let report = String::from_utf8_lossy(&o.stderr);
            assert!(o.status.success(), "{format} {filters:?}: {report}");
            assert!(
                !report.contains("warning"),
                "{format} {filters:?}: {report}"
            );
        }
    }
}

#[test]
fn every_optional_field_escape_and_script_round_trips() {
    let want = input(FULL);
    // What `ron` read, checked by hand against full.ron, so that a misreading on its side
    // cannot hide one on ours.
    assert_eq!(want["title"], "Полный «пример» — 完整示例 👍");
    assert_eq!(
        want["summary"],
        "Two lines:\nthe second with a tab\there, a quote \" and a backslash \\."
    );
    assert_eq!(want["sources"][0]["title"], r#"Raw "title" with \n kept"#);
    assert_eq!(want["sources"][0]["kind"], "Wire");
    assert_eq!(want["sources"].as_array().unwrap().len(), 6);
    assert_eq!(
        want["sources"][5],
        json!({"id": "article", "outlet": "Paper"})
    );
    assert_eq!(want["rounds"][1], json!({"number": 3}));
    let late = &want["events"][0];
    assert_eq!(
        late["summary"],
        "Esc \u{1b}[1m, bell \u{7}, C1 \u{9b}, RLO \u{202e}, NUL-free."
    );
    assert_eq!(
        late["claims"][1],
        json!({"text": "No id, no claimant.", "source": "other"})
    );

    let json = round_trip("full", FULL, &[], &want);
    // Timeline order: June first; "late" and "early" begin at the same instant (19:00:30+03:00
    // is 16:00:30Z), so they keep the file's order.
    assert_eq!(event_ids(&json), ["june", "late", "early"]);
}

#[test]
fn dropped_dispute_links_keep_a_filtered_export_valid() {
    // In full.ron the claim `c1` (round 3) disputes `c0`, in an event outside any round.
    let o = export(&["--format", "ron", FULL, "--round", "3"]);
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
    // Everything else of the event is kept.
    let mut want = input(FULL);
    let mut late = want["events"][0].clone();
    late["claims"][0]
        .as_object_mut()
        .unwrap()
        .remove("disputes");
    want["events"] = json!([late]);
    keep_referred(&mut want);
    assert_holds("full, round 3", &normal(ron_values(&ron)), &normal(want));
}

#[test]
fn json_uses_the_file_formats_field_names() {
    let json: Value = serde_json::from_slice(
        &export(&["--format", "json", FULL, "--speaker", "Hakan Fidan"]).stdout,
    )
    .unwrap();
    assert_eq!(event_ids(&json), ["late", "early"]);
    let late = &json["events"][0];
    assert_eq!(late["when"], "2025-07-23T19:00:30+03:00");
    assert_eq!(late["round"], 3);
    assert_eq!(late["location"], "Çırağan Palace");
    assert_eq!(late["participants"], json!(["fidan", "ministry"]));
    assert_eq!(late["sources"], json!(["wire", "feed"]));
    assert_eq!(late["tags"], json!(["ceasefire", "prisoner exchange"]));
    assert_eq!(
        late["quotes"][0],
        json!({
            "speaker": "fidan",
            "text": "«Peace» is ‘possible’.",
            "source": "wire",
            "via": "told reporters",
            "context": "Opening remarks",
        })
    );
    assert_eq!(
        late["claims"][0],
        json!({
            "id": "c1",
            "by": "sources",
            "text": "It began at 16:00 GMT.",
            "source": "tv",
            "via": "a source from TASS",
            "disputes": ["c0"],
        })
    );
    assert_eq!(json["events"][1]["claims"][0]["by"], "fidan");
    assert_eq!(
        json["sources"][0],
        json!({
            "id": "wire",
            "outlet": "Agence Wire",
            "title": "Raw \"title\" with \\n kept",
            "published": "2025-07-23T16:43:05+08:00",
            "url": "https://example.org/a?b=c&d=e",
            "byline": ["Zhong Wenxing", "Liang Jun"],
            "kind": "Wire",
        })
    );
    assert_eq!(
        json["participants"][0],
        json!({
            "id": "fidan",
            "name": "Hakan Fidan",
            "aliases": ["Fidan", "Türkiye’s top diplomat"],
            "role": "Foreign Minister",
            "side": "Türkiye",
        })
    );
    // The filtered export declares only round 3, the one its events belong to.
    assert_eq!(json["rounds"], json!([{"number": 3}]));
    let json: Value = serde_json::from_slice(&export(&["--format", "json", FULL]).stdout).unwrap();
    assert_eq!(
        json["rounds"][0],
        json!({
            "number": 2,
            "title": "Second",
            "start": "2025-06-02",
            "end": "2025-06-02T18:00Z",
            "venue": "Istanbul",
        })
    );
}
