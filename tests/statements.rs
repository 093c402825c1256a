//! Statements as rows (`roundtable statements`, `export --format csv`) and the analyst's
//! filters, run as a user runs them: on the corroboration fixture, whose numbers were worked
//! out by hand (see `tests/fixtures/valid/corroboration.ron`), and on the bundled timeline.

use std::process::{Command, Output, Stdio};

const FIXTURE: &str = "tests/fixtures/valid/corroboration.ron";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The TEXT column of `statements` with `filters` on the fixture.
fn texts(filters: &[&str]) -> Vec<String> {
    let mut args = vec!["statements", FIXTURE];
    args.extend_from_slice(filters);
    out(&run(&args))
        .lines()
        .map(|l| l.rsplit('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn every_quote_and_claim_is_a_row_quotes_in_quotation_marks_claims_never() {
    let o = out(&run(&["statements", FIXTURE]));
    let lines: Vec<&str> = o.lines().collect();
    // 1 quote and 9 claims in the fixture.
    assert_eq!(lines.len(), 10, "{o}");
    assert_eq!(
        lines[0],
        "briefing\t2025-07-22\t-\tquote\tDmitry Peskov\tRT · told reporters\t-\t“No one expects an easy path.”"
    );
    assert_eq!(
        lines[3],
        "briefing\t2025-07-22\t-\tclaim\tMirror Site\tMirror Site (reprinting Xinhua)\t-\tRussia and Ukraine are expected to meet this week."
    );
    assert_eq!(
        lines[5],
        "talks\t2025-07-23 16:00Z\t-\tclaim\tRT\tRT · via TASS\tdisputed,confirmed,single-origin\tThe meeting lasted about 40 minutes."
    );
    for line in &lines[1..] {
        assert!(!line.ends_with('”'), "a claim in quotation marks: {line}");
    }
}

#[test]
fn on_a_terminal_layout_the_columns_have_a_header() {
    // The table layout is chosen for a terminal; the header names the eight fields.
    use roundtable::cli::statements::write;
    use roundtable::cli::table::Layout;
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let t = roundtable::model::load_str(&text).unwrap().timeline;
    let index = roundtable::query::Index::build(&t);
    let mut buf = Vec::new();
    let every = roundtable::query::statement::all(&t);
    write(
        &t,
        &index,
        &every[..1],
        Layout::Table,
        roundtable::model::Zone::Utc,
        &mut buf,
    )
    .unwrap();
    let table = String::from_utf8(buf).unwrap();
    assert_eq!(
        table,
        "EVENT     WHEN        ROUND  KIND   WHO            SOURCE               MARKS  TEXT\n\
         briefing  2025-07-22      -  quote  Dmitry Peskov  RT · told reporters         “No one expects an easy path.”\n"
    );
}

#[test]
fn each_filter_alone() {
    assert_eq!(
        texts(&["--disputed"]),
        [
            "The meeting lasted two hours.",
            "The meeting lasted about 40 minutes."
        ]
    );
    // Two independent origins: the venue, from Xinhua itself and from the Kyiv Independent.
    assert_eq!(
        texts(&["--corroborated"]),
        [
            "The talks were held at the Ciragan Palace.",
            "The talks took place in the Ciragan Palace."
        ]
    );
    // Several outlets, one origin: Peskov's pair (one claimant), the TASS circle (one relay).
    // A claim carried by one outlet alone is not single-origin in this sense.
    assert_eq!(
        texts(&["--single-origin"]),
        [
            "The round will focus on the draft memoranda.",
            "The round will mainly focus on the draft memorandums.",
            "The meeting lasted about 40 minutes.",
            "The meeting lasted 40 minutes.",
            "The meeting lasted about 40 minutes."
        ]
    );
    assert_eq!(
        texts(&["--via", "TASS"]),
        [
            "The meeting lasted about 40 minutes.",
            "The meeting lasted 40 minutes.",
            "The meeting lasted about 40 minutes."
        ]
    );
    // The speaker of a quote and the claimant of a claim.
    assert_eq!(texts(&["--speaker", "peskov"]).len(), 3);
    // `--source`: an outlet names all its sources; a statement counts when its source or an
    // `also` is one of them.
    let xinhua = texts(&["--source", "xinhua"]);
    assert!(xinhua.contains(&"The meeting lasted about 40 minutes.".to_string()));
    assert!(xinhua.contains(&"The talks were held at the Ciragan Palace.".to_string()));
    assert!(!xinhua.contains(&"The meeting lasted two hours.".to_string()));
}

#[test]
fn filters_combine_so_that_all_must_hold() {
    assert_eq!(
        texts(&["--disputed", "--via", "tass"]),
        ["The meeting lasted about 40 minutes."]
    );
    assert_eq!(
        texts(&["--speaker", "peskov", "--source", "rt"]),
        [
            "“No one expects an easy path.”",
            "The round will mainly focus on the draft memorandums."
        ]
    );
    // Repeated --speaker: any of them.
    let o = out(&run(&[
        "statements",
        "--speaker",
        "peskov",
        "--speaker",
        "fidan",
    ]));
    let who: std::collections::BTreeSet<&str> =
        o.lines().map(|l| l.split('\t').nth(4).unwrap()).collect();
    assert_eq!(
        who.into_iter().collect::<Vec<_>>(),
        ["Dmitry Peskov", "Hakan Fidan"]
    );
}

#[test]
fn list_takes_the_same_filters_for_events() {
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["list"];
        all.extend_from_slice(args);
        out(&run(&all))
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[FIXTURE, "--disputed"]), ["briefing", "talks"]);
    assert_eq!(ids(&[FIXTURE, "--corroborated"]), ["talks"]);
    // Umerov is never quoted and makes no claim, but takes part in events.
    let umerov = ids(&["--participant", "umerov"]);
    assert!(
        umerov.contains(&"r3-face-to-face".to_string()),
        "{umerov:?}"
    );
    // --search also finds the events of a participant named so.
    assert!(ids(&["--search", "umerov"]).contains(&"r3-face-to-face".to_string()));
    // And by an alias: Medinsky's "the top negotiator" (in one quote's context too) finds
    // every event he takes part in, and no other.
    assert_eq!(
        ids(&["--search", "the top negotiator"]),
        ids(&["--participant", "medinsky"])
    );
}

/// Runs `command` (on `file`, or the bundled timeline) with all `parts`, which together keep
/// nothing, and checks that the message names each part with what it keeps alone: the same
/// count as `command` with that part only. `parts` go in the order the message names them
/// (speaker, participant, round, source, via, search, then the flags).
fn names_each_part(command: &str, file: Option<&str>, parts: &[&[&str]]) {
    let unit = |n: usize| match (command, n) {
        ("list", 1) => "event",
        ("list", _) => "events",
        (_, 1) => "quote or claim",
        _ => "quotes and claims",
    };
    let alone: Vec<String> = parts
        .iter()
        .map(|part| {
            let mut args = vec![command];
            args.extend(file);
            args.extend_from_slice(part);
            let n = out(&run(&args)).lines().count();
            assert!(n > 0, "{part:?} keeps something alone");
            format!("{} alone keeps {n} {}", part.join(" "), unit(n))
        })
        .collect();
    let mut args = vec![command];
    args.extend(file);
    for part in parts {
        args.extend_from_slice(part);
    }
    assert_eq!(
        err(&run(&args)),
        format!(
            "roundtable: nothing to show: nothing passes every filter: {}\n",
            alone.join("; ")
        ),
        "{args:?}"
    );
}

#[test]
fn a_filter_that_keeps_nothing_says_why() {
    let o = run(&["statements", "--speaker", "umerov"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(out(&o), "");
    let why = err(&o);
    assert!(
        why.starts_with(
            "roundtable: nothing to show: Rustem Umerov is never quoted and makes no claim, but \
             takes part in "
        ) && why.ends_with(" events: try --participant umerov\n"),
        "{why}"
    );
    let o = run(&["list", "--speaker", "peskov", "--round", "2"]);
    assert_eq!(
        err(&o),
        "roundtable: nothing to show: nothing passes every filter: --speaker peskov alone keeps \
         2 events; --round 2 alone keeps 1 event\n"
    );
    // Three parts, each keeping something: all three are named.
    let o = run(&["list", "--speaker", "peskov", "--round", "2", "--disputed"]);
    assert_eq!(
        err(&o),
        "roundtable: nothing to show: nothing passes every filter: --speaker peskov alone keeps \
         2 events; --round 2 alone keeps 1 event; --disputed alone keeps 2 events\n"
    );
    let o = run(&["list", "--participant", "fidan", "--round", "2"]);
    assert_eq!(
        err(&o),
        "roundtable: nothing to show: nothing passes every filter: --participant fidan alone \
         keeps 2 events; --round 2 alone keeps 1 event\n"
    );
    // Every kind of part, each named with what it keeps alone.
    names_each_part(
        "list",
        None,
        &[
            &["--round", "1"],
            &["--source", "xinhua"],
            &["--via", "tass"],
            &["--search", "fidan"],
            &["--anonymous"],
        ],
    );
    names_each_part("list", None, &[&["--disputed"], &["--single-origin"]]);
    names_each_part(
        "statements",
        Some(FIXTURE),
        &[&["--disputed"], &["--corroborated"]],
    );
    let o = run(&["statements", FIXTURE, "--anonymous"]);
    assert_eq!(
        err(&o),
        "roundtable: nothing to show: no participant is of kind Group, unnamed or collective \
         (--anonymous)\n"
    );
}

#[test]
fn source_names_an_outlet_or_says_what_it_might_be() {
    let o = run(&["statements", "--source", "tass"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "roundtable: --source: no source id or outlet matches `tass`; `TASS` is a relay in this \
         timeline: try --via tass\n"
    );
    // Nothing near: the outlets there are, when there are few.
    let o = run(&["statements", "--source", "bbc"]);
    assert_eq!(
        err(&o),
        "roundtable: --source: no source id or outlet matches `bbc`; the outlets are Xinhua, RT\n"
    );
    // A part of several outlets' names: each outlet once, with its source's id.
    let o = run(&["list", FIXTURE, "--source", "o"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        err(&o),
        "roundtable: --source: `o` matches sources of 3 outlets: RIA Novosti (ria), People's \
         Daily Online (people), Mirror Site (mirror); give one outlet's name, or a source id\n"
    );
}

#[test]
fn the_csv_reads_back_with_the_fixtures_numbers() {
    let o = out(&run(&["export", "--format", "csv", FIXTURE]));
    let mut reader = csv::Reader::from_reader(o.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in [
        "event", "when", "round", "kind", "who", "text", "source", "outlet", "via", "channel",
        "also", "disputes", "confirms", "outlets", "origins",
    ] {
        assert!(header.contains(&column.to_string()), "no `{column}` column");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 10);
    let numbers: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r[col("kind")].to_string(),
                r[col("text")].to_string(),
                r[col("outlets")].to_string(),
                r[col("origins")].to_string(),
            )
        })
        .collect();
    let find = |text: &str| {
        numbers.iter().find(|n| n.1 == text).map_or_else(
            || panic!("no row for {text}"),
            |n| (n.2.as_str(), n.3.as_str()),
        )
    };
    // Worked out by hand in the fixture's comments.
    assert_eq!(find("No one expects an easy path."), ("3", "1"));
    assert_eq!(find("The meeting lasted 40 minutes."), ("3", "1"));
    assert_eq!(
        find("The talks were held at the Ciragan Palace."),
        ("2", "2")
    );
    assert_eq!(
        find("The round will focus on the draft memoranda."),
        ("2", "1")
    );
    assert_eq!(
        find("Russia and Ukraine are expected to meet this week."),
        ("1", "1")
    );
    let rt = rows
        .iter()
        .find(|r| {
            &r[col("outlet")] == "RT" && &r[col("kind")] == "claim" && r[col("via")].is_empty()
        })
        .unwrap();
    assert_eq!(&rt[col("channel")], "told reporters");
    assert_eq!(&rt[col("also")], "mirror");
    // Each claim carries its own id, and the links keep the file's direction: the Kyiv
    // Independent's claim disputes `circ-rt`, which is disputed by it.
    let by_id = |id: &str| rows.iter().find(|r| &r[col("id")] == id).unwrap();
    let kyiv = rows
        .iter()
        .find(|r| &r[col("text")] == "The meeting lasted two hours.")
        .unwrap();
    assert_eq!(&kyiv[col("disputes")], "circ-rt");
    assert_eq!(&kyiv[col("disputed_by")], "");
    let rt = by_id("circ-rt");
    assert_eq!(&rt[col("disputes")], "");
    assert_eq!(&rt[col("disputed_by")], &kyiv[col("id")]);
    assert_eq!(&by_id("venue-kyiv")[col("confirms")], "venue-xinhua");
    // The fixture gives Peskov a side and no role: each in its own column.
    assert_eq!(
        (
            &by_id("memo-xinhua")[col("role")],
            &by_id("memo-xinhua")[col("side")]
        ),
        ("", "Russia")
    );
}

#[test]
fn a_filtered_export_says_which_links_it_left_out() {
    let o = run(&["export", "--format", "ron", "--source", "rt"]);
    assert_eq!(
        err(&o),
        "roundtable: note: left out 1 `disputes` link and 5 `confirms` links to claims outside \
         the selection, so that the export stays a valid timeline\n"
    );
}

#[test]
fn the_brief_shows_only_the_statements_the_filters_keep_and_names_what_confirms_what() {
    let md = out(&run(&["export", "--format", "markdown", "--anonymous"]));
    assert!(
        md.contains("*In them, only the quotes and claims that pass the filters are shown.*"),
        "{md}"
    );
    let start = md.find("\n## ").unwrap();
    let end = md.find("\n## Disputes").unwrap();
    let body = &md[start..end];
    // The five claims from unnamed sources, and no quote or other claim of their events.
    assert_eq!(body.matches("\n- **").count(), 5, "{body}");
    assert!(!body.contains("\n> "), "{body}");
    // Unfiltered, a claim joined by `confirms` names the other claim and where it stands.
    let md = out(&run(&["export", "--format", "markdown", FIXTURE]));
    assert!(
        md.contains(
            "- **Kyiv Independent** itself: The talks took place in the Ciragan Palace.\n\
             \x20 - Source: Kyiv Independent, publication date not given\n\
             \x20 - Corroboration: 2 outlets · 2 independent origins\n\
             \x20 - Also asserted by **Xinhua** itself in "
        ),
        "{md}"
    );
}

#[test]
fn the_brief_flags_claims_that_several_outlets_carry_from_one_origin() {
    let md = out(&run(&["export", FIXTURE, "--format", "markdown"]));
    let start = md
        .find("\n## Several outlets, one origin\n")
        .expect("the section");
    let section = &md[start + 1..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    // Each claim of the section, the text after the citation's colon: the same claims as
    // `--single-origin` keeps, and none in quotation marks (they are the file author's words).
    let claims: Vec<&str> = section
        .lines()
        .filter(|l| l.starts_with("  - "))
        .map(|l| l.rsplit(": ").next().unwrap())
        .collect();
    assert_eq!(claims, texts(&["--single-origin"]), "{section}");
    assert!(!section.contains(": “"), "{section}");
    // Grouped, with how many outlets and origins each group has.
    assert!(
        section.contains("- 2 outlets · 1 independent origin:\n"),
        "{section}"
    );
    assert!(
        section.contains("- 3 outlets · 1 independent origin:\n"),
        "{section}"
    );
}
