//! RON syntax that FORMAT.md allows: files that must load, and load to the right values.
//!
//! The files are in `tests/fixtures/syntax/`; byte-order marks and CRLF line endings are made
//! here from the LF files, so that no checkout setting can change what is tested.

use std::fs;

use roundtable::model::{
    self, Event, Loaded, ParticipantKind, Precision, SourceKind, diag::render,
};

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Loads `text`, which must load without errors or warnings.
fn load<'t>(name: &str, text: &'t str) -> Loaded<'t> {
    let loaded = model::load_str(text).unwrap_or_else(|d| panic!("{}", render(name, text, &d)));
    assert_eq!(
        render(name, text, &loaded.warnings),
        "",
        "{name} has warnings"
    );
    loaded
}

fn event<'l, 't>(loaded: &'l Loaded<'t>, id: &str) -> &'l Event<'t> {
    let events = &loaded.timeline.events;
    events
        .iter()
        .find(|e| e.id.value == id)
        .unwrap_or_else(|| panic!("no event `{id}`"))
}

/// The `.ron` files of a fixture directory, as (path, text).
fn fixtures(dir: &str) -> Vec<(String, String)> {
    let mut paths: Vec<String> = fs::read_dir(format!("tests/fixtures/{dir}"))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = read(&p);
            (p, text)
        })
        .collect()
}

/// What a file loads to, as JSON: two files that load to the same JSON hold the same values.
fn values(name: &str, text: &str) -> String {
    let timeline = load(name, text).timeline;
    serde_json::to_string(&roundtable::cli::view::View::all(&timeline))
        .expect("a timeline serializes")
}

/// What a user is told about a file: its diagnostics, or that it loaded.
fn report(name: &str, text: &str) -> String {
    match model::load_str(text) {
        Ok(loaded) => render(name, text, &loaded.warnings),
        Err(diags) => render(name, text, &diags),
    }
}

#[test]
fn every_syntax_fixture_loads_without_warnings() {
    let files = fixtures("syntax");
    assert!(files.len() >= 9, "syntax fixtures are missing");
    for (path, text) in &files {
        load(path, text);
    }
}

#[test]
fn a_byte_order_mark_changes_nothing() {
    for (path, text) in fixtures("syntax").iter().chain(&fixtures("valid")) {
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(values(path, &with_bom), values(path, text), "{path}");
    }
    // Positions stay where an editor shows them: the mark is no column.
    for (path, text) in fixtures("invalid").iter().chain(&fixtures("warn")) {
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(report(path, &with_bom), report(path, text), "{path}");
    }
}

#[test]
fn crlf_line_endings_read_as_lf() {
    for (path, text) in fixtures("syntax").iter().chain(&fixtures("valid")) {
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(values(path, &crlf), values(path, text), "{path}");
    }
    // Every error and warning stands at the same line and column.
    for (path, text) in fixtures("invalid").iter().chain(&fixtures("warn")) {
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(report(path, &crlf), report(path, text), "{path}");
    }
}

#[test]
fn crlf_positions_in_an_error_case() {
    let text = "Timeline(\r\n  title: \"t\",\r\n  sorces: [],\r\n  participants: [],\r\n  \
                events: [Event(id: \"e\", when: \"2025-07-23T16:00\", title: \"x\")],\r\n)\r\n";
    assert_eq!(
        report("crlf.ron", text),
        "crlf.ron:3:3: error: unknown field `sorces` in `Timeline`; did you mean `sources`?\n\
         crlf.ron:5:22: warning: event `e` is not attributed: it has no sources, quotes or claims\n\
         crlf.ron:5:33: error: `2025-07-23T16:00` has a time of day but no UTC offset: add `Z` or an offset such as `+03:00`, or keep the day alone (`2025-07-23`) if the zone is unknown\n"
    );
}

#[test]
fn comments_are_whitespace_and_strings_are_not_comments() {
    let text = read("tests/fixtures/syntax/comments.ron");
    let loaded = load("comments.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.title, "Comments");
    assert_eq!(t.sources.len(), 1);
    assert_eq!(t.participants[0].id.value, "peskov");
    // The event inside the block comment is not read.
    assert_eq!(t.events.len(), 1);
    assert_eq!(
        t.events[0].title,
        "Slashes in strings are not comments: // and /* stay text */"
    );
}

#[test]
fn trailing_commas_everywhere() {
    let text = read("tests/fixtures/syntax/trailing_commas.ron");
    let loaded = load("trailing_commas.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(*t.sources[0].byline, ["Konstantin Pridybaylo"]);
    assert_eq!(*t.participants[0].aliases, ["Peskov"]);
    assert_eq!(t.rounds[0].venue.as_deref(), Some("Istanbul"));
    let e = event(&loaded, "e1");
    assert_eq!(*e.tags, ["talks"]);
    assert_eq!(e.quotes[0].text, "No one expects an easy path.");
}

#[test]
fn anonymous_structs_read_as_named_ones() {
    let text = read("tests/fixtures/syntax/anonymous_structs.ron");
    let loaded = load("anonymous_structs.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.title, "Anonymous structs");
    assert_eq!(t.sources[0].kind, SourceKind::Wire);
    assert_eq!(t.participants[1].kind, ParticipantKind::Group);
    assert_eq!(t.rounds[0].number.value, 3);
    let e = event(&loaded, "e1");
    assert_eq!(e.round.as_ref().map(|r| r.number), Some(3));
    let (_, disputed) = t.claim(&e.claims[1].disputes[0]);
    assert_eq!(disputed.text, "On July 23.");
    assert_eq!(
        t.participant(&e.quotes[0].speaker).name,
        "Volodymyr Zelensky"
    );
}

#[test]
fn fields_in_any_order() {
    let text = read("tests/fixtures/syntax/field_order.ron");
    let loaded = load("field_order.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.title, "Field order");
    assert_eq!(t.summary.as_deref(), Some("Every field, in reverse order."));
    let source = &t.sources[0];
    assert_eq!(
        (
            &*source.id.value,
            &*source.outlet,
            source.title.as_deref(),
            source.url.as_deref(),
            source.kind
        ),
        (
            "xinhua",
            "Xinhua",
            Some("New round"),
            Some("https://example.org/a"),
            SourceKind::Wire
        )
    );
    assert_eq!(
        source.published.as_ref().map(|w| &*w.raw),
        Some("2025-07-23")
    );
    let zelensky = &t.participants[1];
    assert_eq!(
        (&*zelensky.id.value, &*zelensky.name),
        ("zelensky", "Volodymyr Zelensky")
    );
    assert_eq!(zelensky.role.as_deref(), Some("President of Ukraine"));
    let round = &t.rounds[0];
    assert_eq!(round.name(), "Third round");
    assert_eq!(round.end.as_ref().map(|w| &*w.raw), Some("2025-07-23"));
    let e = event(&loaded, "e1");
    assert_eq!(e.when.raw, "2025-07-21");
    assert_eq!(e.location.as_deref(), Some("Kyiv"));
    assert_eq!(e.quotes[0].context.as_deref(), Some("On the date"));
    let claim = &e.claims[0];
    assert_eq!(claim.id.as_ref().map(|id| &*id.value), Some("date-tass"));
    assert_eq!(claim.via.as_deref(), Some("TASS"));
    assert_eq!(
        t.participant(claim.by.as_ref().expect("by")).name,
        "Source from TASS"
    );
}

#[test]
fn optional_fields_omitted_bare_some_or_none() {
    let text = read("tests/fixtures/syntax/optional_forms.ron");
    let loaded = load("optional_forms.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.summary, None);
    let [omitted, bare, some, none] = &t.sources[..] else {
        panic!("four sources")
    };
    assert_eq!(
        (omitted.title.as_deref(), omitted.published.is_none()),
        (None, true)
    );
    assert_eq!(omitted.kind, SourceKind::Article);
    assert_eq!(bare.title.as_deref(), Some("Bare"));
    assert_eq!(*bare.byline, ["Liang Jun"]);
    assert_eq!(bare.kind, SourceKind::Wire);
    assert_eq!(some.title.as_deref(), Some("Some"));
    let published = some.published.as_ref().expect("published");
    assert_eq!(
        (&*published.raw, published.precision),
        ("2025-07", Precision::Month)
    );
    assert_eq!(*some.byline, ["A", "B"]);
    assert_eq!(some.kind, SourceKind::Statement);
    assert_eq!((none.title.as_deref(), none.url.as_deref()), (None, None));
    assert!(none.published.is_none() && none.byline.is_empty());
    assert_eq!(none.kind, SourceKind::Article);

    let [peskov, nsdc] = &t.participants[..] else {
        panic!("two participants")
    };
    assert_eq!(*peskov.aliases, ["Peskov"]);
    assert_eq!(peskov.role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(peskov.side, None);
    assert!(nsdc.aliases.is_empty() && nsdc.role.is_none());
    assert_eq!(nsdc.kind, ParticipantKind::Organization);

    let round = &t.rounds[0];
    assert_eq!((round.number.value, round.title.as_deref()), (2, None));
    assert_eq!(round.name(), "Round 2");
    assert_eq!(round.venue.as_deref(), Some("Istanbul"));

    let e = event(&loaded, "some-round");
    assert_eq!(e.round.as_ref().map(|r| r.number), Some(2));
    assert_eq!(e.summary.as_deref(), Some("A summary."));
    assert_eq!(e.location, None);
    assert_eq!(e.participants.len(), 2);
    assert!(e.tags.is_empty() && e.claims.is_empty());
    assert_eq!(e.quotes[0].via.as_deref(), Some("Telegram"));
    assert_eq!(e.quotes[0].context, None);

    let e = event(&loaded, "none-round");
    assert!(e.round.is_none());
    let [c1, c2] = &e.claims[..] else {
        panic!("two claims")
    };
    assert_eq!(c1.id.as_ref().map(|id| &*id.value), Some("c1"));
    assert!(c1.by.is_some() && c1.disputes.is_empty() && c1.via.is_none());
    assert!(c2.id.is_none() && c2.by.is_none());
    assert_eq!(t.claim(&c2.disputes[0]).1.text, "Claimed.");
}

#[test]
fn the_implicit_some_attribute_is_accepted() {
    let text = read("tests/fixtures/syntax/implicit_some.ron");
    let loaded = load("implicit_some.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.sources[0].title.as_deref(), Some("Live"));
    assert_eq!(t.participants[0].role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(t.events[0].quotes[0].via.as_deref(), Some("told reporters"));
}

#[test]
fn raw_strings_escapes_and_continuations() {
    let text = read("tests/fixtures/syntax/strings.ron");
    let loaded = load("strings.ron", &text);
    let t = &loaded.timeline;
    assert_eq!(t.title, r#"Raw "strings" and escapes"#);
    assert_eq!(
        t.summary.as_deref(),
        Some(r"A raw string: \n stays a backslash and an n.")
    );
    assert_eq!(t.sources[0].outlet, r##"R"#T"##);
    assert_eq!(t.participants[0].name, "Dmitry \"Peskov\"");
    let e = event(&loaded, "e1");
    assert_eq!(
        e.title,
        "Backslash \\ quote \" apostrophe ' tab \t newline \n emoji 😀 A A é é"
    );
    assert_eq!(
        e.summary.as_deref(),
        Some("The third round will be held in Istanbul.")
    );
    assert_eq!(e.quotes[0].text, "Line one\nline two");
    assert_eq!(
        e.quotes[0].context.as_deref(),
        Some(r#"a "quoted" context with a \ backslash"#)
    );
}

#[test]
fn unsigned_integers_in_every_ron_notation() {
    let text = read("tests/fixtures/syntax/integers.ron");
    let loaded = load("integers.ron", &text);
    let t = &loaded.timeline;
    let numbers: Vec<u64> = t.rounds.iter().map(|r| r.number.value).collect();
    assert_eq!(numbers, [3, 4, 10, 7, 6, 2, 5, 255]);
    for (id, number) in [("e1", 3), ("e2", 10), ("e3", 2)] {
        let round = event(&loaded, id).round.as_ref().expect("a round");
        assert_eq!(t.round(round).number.value, number, "{id}");
    }
}

#[test]
fn the_largest_unsigned_integer_loads_and_one_more_is_too_large() {
    let file = |number: &str| {
        format!(
            "Timeline(title: \"T\", sources: [Source(id: \"s\", outlet: \"S\")], \
             participants: [], rounds: [Round(number: {number})], \
             events: [Event(id: \"e\", when: \"2025\", round: {number}, title: \"E\", \
             sources: [\"s\"])])"
        )
    };
    let text = file("18446744073709551615");
    let numbers: Vec<u64> = load("max.ron", &text)
        .timeline
        .rounds
        .iter()
        .map(|r| r.number.value)
        .collect();
    assert_eq!(numbers, [u64::MAX]);
    for number in [
        "18446744073709551616",
        "99999999999999999999",
        "0x1_0000_0000_0000_0000",
    ] {
        let report = report("big.ron", &file(number));
        // The round's number (column 104) and the event's round, both reported.
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 2, "{report}");
        assert_eq!(
            lines[0],
            "big.ron:1:104: error: this number is too large: the largest allowed is \
             18446744073709551615",
            "{number}"
        );
        assert!(
            lines[1].ends_with(
                "error: this number is too large: the largest allowed is 18446744073709551615"
            ),
            "{report}"
        );
    }
}

#[test]
fn every_when_precision_and_offset() {
    let text = read("tests/fixtures/syntax/when.ron");
    let loaded = load("when.ron", &text);
    let cases = [
        ("year", Precision::Year, None),
        ("month", Precision::Month, None),
        ("day", Precision::Day, None),
        ("utc-16h", Precision::Minute, Some(0)),
        ("moscow-19h", Precision::Minute, Some(3 * 3600)),
        (
            "new-york-seconds",
            Precision::Second,
            Some(-(4 * 3600 + 30 * 60)),
        ),
    ];
    for (id, precision, offset) in cases {
        let when = &event(&loaded, id).when;
        assert_eq!((when.precision, when.offset), (precision, offset), "{id}");
    }
    let utc = |id| event(&loaded, id).when.utc();
    assert_eq!(utc("moscow-19h").as_deref(), Some("2025-07-23 16:00 UTC"));
    assert_eq!(
        utc("new-york-seconds").as_deref(),
        Some("2025-07-23 16:00:15 UTC")
    );
}

#[test]
fn events_come_back_in_timeline_order_with_ties_in_file_order() {
    let text = read("tests/fixtures/syntax/when.ron");
    let loaded = load("when.ron", &text);
    let order: Vec<&str> = loaded
        .timeline
        .events
        .iter()
        .map(|e| &*e.id.value)
        .collect();
    assert_eq!(
        order,
        [
            // 2025 begins on 1 January, before the first minute of the year.
            "year",
            "jan-1-00h01",
            "month",
            // A day begins at 00:00 UTC; 03:00+03:00 is the same instant, listed later.
            "day",
            "istanbul-03h",
            "day-00h30",
            // 19:00+03:00 and 16:00Z are one instant: file order decides.
            "moscow-19h",
            "utc-16h",
            "new-york-seconds",
        ]
    );
}
