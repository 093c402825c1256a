//! The `roundtable` binary as users and scripts run it: exit statuses, exact messages, `list`
//! lines and filters, inert output for hostile files, quiet exits on a closed pipe, and the
//! browser's refusal to start without a terminal.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use roundtable::model::{self, BUNDLED, BUNDLED_NAME};

fn roundtable() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    // Relative fixture paths, so messages name files as a user typing them would see.
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null());
    cmd
}

fn run(args: &[&str]) -> Output {
    roundtable().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

const TALKS: &str = "tests/fixtures/cli/talks.ron";
const INVALID: &str = "tests/fixtures/cli/invalid.ron";
const CONTROLS: &str = "tests/fixtures/cli/controls.ron";
const CONTROLS_INVALID: &str = "tests/fixtures/cli/controls-invalid.ron";

/// A scratch path under Cargo's temporary directory for integration tests.
fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn bundled_titles() -> Vec<String> {
    let t = model::load_str(BUNDLED).unwrap().timeline;
    t.events.iter().map(|e| e.title.to_string()).collect()
}

/// The titles (last tab-separated field) of `list` output.
fn titles(out: &str) -> Vec<&str> {
    out.lines()
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect()
}

// ---------------------------------------------------------------- check

#[test]
fn check_valid_file_exits_0_with_warnings_and_summary_on_stderr() {
    let o = run(&["check", TALKS]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "tests/fixtures/cli/talks.ron:7:20: warning: source `unused` is declared but nothing cites it\n\
         tests/fixtures/cli/talks.ron: ok, 2 events, 1 warning\n"
    );
}

#[test]
fn check_invalid_file_exits_1_with_every_error_at_its_line_and_column() {
    let o = run(&["check", INVALID]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "tests/fixtures/cli/invalid.ron:4:36: warning: participant `peskov` is declared but nothing refers to it\n\
         tests/fixtures/cli/invalid.ron:6:30: error: `2025-07-32` is not a valid when: 2025-07 has no day 32\n\
         tests/fixtures/cli/invalid.ron:8:39: error: unknown participant `peskv`; did you mean `peskov`?\n\
         tests/fixtures/cli/invalid.ron: invalid, 2 errors, 1 warning\n"
    );
}

#[test]
fn check_missing_file_or_directory_exits_2() {
    let o = run(&["check", "tests/fixtures/cli/no-such-file.ron"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/cli/no-such-file.ron: error: cannot read: no such file\n"
    );
    let o = run(&["check", "tests/fixtures/cli"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/cli: error: is a directory, not a timeline file\n"
    );
}

/// Runs `check PATH` and fails the test if it takes more than a few seconds, so that a read
/// that blocks (on a FIFO with no writer, say) shows up as a failure instead of a hung suite.
fn check_within_seconds(path: &std::path::Path) -> Output {
    let mut child = roundtable()
        .arg("check")
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("`check {}` blocked", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn files_that_are_not_timelines_give_one_line_and_exit_2_without_blocking() {
    let dir = scratch("not-timelines");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("fifo.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let latin1 = dir.join("latin1.ron");
    fs::write(&latin1, b"Timeline(\n    title: \"Caf\xe9\",\n").unwrap();
    let utf16 = dir.join("utf16.ron");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Timeline()".encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&utf16, bytes).unwrap();
    let looped = dir.join("loop.ron");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();

    let cases: [(&std::path::Path, &str); 5] = [
        (
            &fifo,
            "is a FIFO, not a regular file; roundtable reads only regular files",
        ),
        (
            std::path::Path::new("/dev/zero"),
            "is a character device, not a regular file; roundtable reads only regular files",
        ),
        (&latin1, "is not UTF-8 text: byte 0xe9 at line 2, column 16"),
        (
            &utf16,
            "is UTF-16 text; roundtable reads UTF-8 (convert with `iconv -f UTF-16 -t UTF-8`)",
        ),
        (&looped, "cannot read: too many levels of symbolic links"),
    ];
    for (path, message) in cases {
        let o = check_within_seconds(path);
        assert_eq!(code(&o), 2, "{}", path.display());
        assert_eq!(
            stderr(&o),
            format!("{}: error: {message}\n", path.display())
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn check_several_files_reports_each_and_exits_with_the_worst() {
    let o = run(&["check", TALKS, INVALID]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    let ok = err.find("talks.ron: ok, 2 events, 1 warning\n").unwrap();
    let bad = err
        .find("invalid.ron: invalid, 2 errors, 1 warning\n")
        .unwrap();
    assert!(ok < bad, "{err}");

    let o = run(&["check", "missing.ron", INVALID, TALKS]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.starts_with("missing.ron: error: cannot read: no such file\n"),
        "{err}"
    );
    assert!(err.contains("invalid.ron: invalid, 2 errors"), "{err}");
    assert!(
        err.ends_with("talks.ron: ok, 2 events, 1 warning\n"),
        "{err}"
    );
}

#[test]
fn check_without_a_file_checks_the_bundled_timeline() {
    let o = run(&["check"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        stderr(&o),
        format!("{BUNDLED_NAME}: ok, {} events\n", bundled_titles().len())
    );
}

#[test]
fn max_size_refuses_larger_files_and_bad_sizes() {
    let o = run(&["check", TALKS, "--max-size", "100"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.starts_with("tests/fixtures/cli/talks.ron: error: is ")
            && err.ends_with(
                " bytes, larger than the limit of 100 bytes (raise it with --max-size)\n"
            ),
        "{err}"
    );
    let o = run(&["--max-size", "1M", "check", TALKS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&["check", TALKS, "--max-size", "1k"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&["check", TALKS, "--max-size", "12Q"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).starts_with("roundtable: --max-size: `12Q` is not a size"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- list

#[test]
fn list_shows_every_bundled_event_in_timeline_order() {
    let o = run(&["list"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let expected = bundled_titles();
    assert_eq!(lines.len(), expected.len());
    assert_eq!(titles(&out), expected);
    assert_eq!(
        lines[0],
        "nsdc-2022-ban\t2022\t-\t0\t1\t-\tZelensky implements NSDC ban on direct talks with Putin"
    );
    assert_eq!(
        lines[4],
        "r3-zelensky-announces\t2025-07-21\t3\t0\t7\tdisputed\tZelensky announces the next meeting for 23 July in Istanbul"
    );
    assert_eq!(
        lines[5],
        "r3-peskov-briefing\t2025-07-22\t3\t3\t3\t-\tPeskov: third round expected this week, breakthroughs unlikely"
    );
    assert_eq!(
        lines.last().copied(),
        Some(
            "r3-defense-ministry-swap\t2025-07-23\t3\t0\t2\t-\tRussian Defense Ministry confirms the prisoner swap"
        )
    );
}

#[test]
fn list_shows_times_at_their_own_precision() {
    // In UTC, the default display zone, whatever offset the file wrote.
    let o = run(&["list", "tests/fixtures/cli/full.ron"]);
    assert_eq!(
        stdout(&o),
        "june\t2025-06-02\t2\t0\t0\t-\tJune\n\
         late\t2025-07-23 16:00:30Z\t3\t2\t2\tdisputed\tSame instant, listed first\n\
         early\t2025-07-23 16:00:30Z\t-\t0\t1\tdisputed\tSame instant, listed second\n"
    );
}

fn list_titles(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    let o = run(&all);
    assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
    titles(&stdout(&o)).into_iter().map(String::from).collect()
}

#[test]
fn list_speaker_by_unique_part_of_a_name() {
    assert_eq!(
        list_titles(&["--speaker", "peskov"]),
        [
            "Peskov: third round expected this week, breakthroughs unlikely",
            "Peskov: talks to focus on the memorandums and POW exchanges"
        ]
    );
    assert_eq!(
        list_titles(&["--speaker", "PESK"]),
        list_titles(&["--speaker", "Dmitry Peskov"])
    );
}

#[test]
fn list_speaker_by_alias() {
    assert_eq!(
        list_titles(&["--speaker", "Vladimir Zelensky"]),
        ["Zelensky announces the next meeting for 23 July in Istanbul"]
    );
}

#[test]
fn list_round_keeps_that_rounds_events_in_order() {
    let round3 = list_titles(&["--round", "3"]);
    let all = bundled_titles();
    assert_eq!(round3.len(), 19);
    assert_eq!(round3[..], all[4..]);
    // The exchange agreements followed the two rounds, at no round the report names.
    assert_eq!(
        list_titles(&["--round", "2"]),
        ["Second round: draft memoranda exchanged"]
    );
}

#[test]
fn list_source_keeps_events_citing_it_anywhere() {
    assert_eq!(
        list_titles(&["--source", "xinhua-2025-07-23"]),
        [
            "Zelensky implements NSDC ban on direct talks with Putin",
            "First round of direct talks in Istanbul",
            "Prisoner exchanges agreed after the first two rounds",
            "Second round: draft memoranda exchanged",
            "Zelensky announces the next meeting for 23 July in Istanbul",
            "Peskov: third round expected this week, breakthroughs unlikely"
        ]
    );
}

#[test]
fn list_search_reads_titles_summaries_quotes_and_claims() {
    // "sacred" is only in a quote; "halfwit" in a quote and a summary.
    assert_eq!(
        list_titles(&["--search", "SACRED"]),
        ["Medinsky: Russia has reviewed Kiev's list of some 339 children"]
    );
    assert_eq!(
        list_titles(&["--search", "gauleiter"]),
        ["Medinsky mocks Lviv mayor over exhumed WWII remains"]
    );
}

#[test]
fn list_filters_combine() {
    assert_eq!(
        list_titles(&["--speaker", "medinsky", "--search", "truce"]),
        ["Medinsky: Moscow proposes truces of up to 24 hours"]
    );
    assert_eq!(
        list_titles(&[
            "--round",
            "3",
            "--source",
            "xinhua-2025-07-23",
            "--search",
            "memoranda"
        ]),
        ["Peskov: third round expected this week, breakthroughs unlikely"]
    );
    assert!(list_titles(&["--speaker", "peskov", "--round", "2"]).is_empty());
}

#[test]
fn ambiguous_speaker_exits_2_listing_the_candidates() {
    let o = run(&["list", "--speaker", "vladimir"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "roundtable: --speaker: `vladimir` could be any of: Vladimir Putin (putin), \
         Vladimir Medinsky (medinsky), Volodymyr Zelensky (zelensky)\n"
    );
}

#[test]
fn unknown_speaker_round_or_source_exits_2_with_a_suggestion() {
    let o = run(&["list", "--speaker", "peskv"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "roundtable: --speaker: no participant is called `peskv`; did you mean Dmitry Peskov?\n"
    );
    let o = run(&["export", "--format", "json", "--round", "4"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "roundtable: --round: there is no round 4; rounds are 1, 2, 3\n"
    );
    let o = run(&["list", "--source", "xinhau"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "roundtable: --source: no source id or outlet matches `xinhau`; did you mean `Xinhua`?\n"
    );
}

#[test]
fn source_repeated_keeps_what_any_of_them_keeps() {
    use std::collections::BTreeSet;
    for command in ["list", "statements"] {
        let lines = |args: &[&str]| -> BTreeSet<String> {
            let o = run(&[&[command][..], args].concat());
            assert_eq!(code(&o), 0, "{command} {args:?}: {}", stderr(&o));
            stdout(&o).lines().map(str::to_owned).collect()
        };
        let xinhua = lines(&["--source", "xinhua"]);
        let rt = lines(&["--source", "rt"]);
        let both = lines(&["--source", "xinhua", "--source", "rt"]);
        assert!(
            !xinhua.is_empty() && !rt.is_empty() && xinhua != rt,
            "{command}"
        );
        assert_eq!(both, &xinhua | &rt, "{command}");
    }
    // Each name is checked, as alone.
    let o = run(&["list", "--source", "xinhua", "--source", "xinhau"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("`xinhau`"), "{}", stderr(&o));
}

#[test]
fn a_blank_name_relay_or_search_exits_2_saying_what_the_flag_needs() {
    for (flag, said) in [
        (
            "--source",
            "--source needs a name: a source id or an outlet, or a part of either",
        ),
        (
            "--speaker",
            "--speaker needs a name: a participant's id, name or alias, or a part of one",
        ),
        (
            "--participant",
            "--participant needs a name: a participant's id, name or alias, or a part of one",
        ),
        ("--via", "--via needs text to find in relays"),
        (
            "--search",
            "--search needs text to find in titles, summaries, quotes, claims and names",
        ),
    ] {
        for blank in ["", "  "] {
            let o = run(&["list", flag, blank]);
            assert_eq!(code(&o), 2, "{flag} {blank:?}");
            assert_eq!(
                stderr(&o),
                format!("roundtable: {said}\n"),
                "{flag} {blank:?}"
            );
            assert_eq!(stdout(&o), "", "{flag} {blank:?}");
        }
    }
}
#[test]
fn list_of_an_invalid_file_prints_its_errors_and_exits_1() {
    let o = run(&["list", INVALID]);
    assert_eq!(code(&o), 1);
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), stderr(&run(&["check", INVALID])));
}

// ---------------------------------------------------------------- untrusted text

/// No character a terminal would act on: C0 controls other than `\n` (and `\t` where the
/// output uses it as a separator), DEL, C1 controls, bidi overrides and isolates.
fn assert_inert_but(what: &str, bytes: &[u8], allowed: &[char]) {
    let text = std::str::from_utf8(bytes).unwrap();
    for c in text.chars() {
        assert!(
            allowed.contains(&c)
                || !(c < ' ' || c == '\u{7f}' || ('\u{80}'..='\u{9f}').contains(&c)),
            "{what}: raw {c:?} in output:\n{text}"
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "{what}: raw bidi control {c:?} in output:\n{text}"
        );
    }
}

fn assert_inert(what: &str, bytes: &[u8]) {
    assert_inert_but(what, bytes, &['\n']);
}

#[test]
fn list_escapes_control_characters_from_the_file() {
    let o = run(&["list", CONTROLS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // Tabs separate the fields; a tab in a title is escaped, so every line keeps seven fields.
    assert_inert_but("list", &o.stdout, &['\n', '\t']);
    assert!(stdout(&o).lines().all(|l| l.matches('\t').count() == 6));
    assert_eq!(
        stdout(&o),
        "ev\\x1b[31m\t2025-07-23\t1\t1\t2\tdisputed\tTitle \\x1b]52;c;aGVsbG8=\\x07 OSC \\u{9b}2J C1 \\u{202e}RLO \\t tab\n\
         raw\t2025-07-24\t-\t0\t0\t-\tRaw \\x1b[31m red\n"
    );
}

#[test]
fn check_errors_escape_control_characters_from_the_file() {
    let o = run(&["check", CONTROLS_INVALID]);
    assert_eq!(code(&o), 1);
    assert_inert("check", &o.stderr);
    let err = stderr(&o);
    assert!(
        err.contains(":7:60: error: unknown source `x\\x1b]52;c;Zm9v\\x07\\u{9b}2J\\u{202e}`"),
        "{err}"
    );
    assert!(
        err.contains(":8:60: error: unknown source `\\x1b[2J`"),
        "{err}"
    );
}

#[test]
fn file_names_are_escaped_in_messages() {
    let dir = scratch("names");
    fs::create_dir_all(&dir).unwrap();
    let evil = dir.join("evil\u{1b}]0;owned\u{7}\u{9b}.ron");
    fs::copy(absolute(INVALID), &evil).unwrap();
    let o = roundtable().arg("check").arg(&evil).output().unwrap();
    assert_eq!(code(&o), 1);
    assert_inert("check of an evil name", &o.stderr);
    assert!(
        stderr(&o).contains("evil\\x1b]0;owned\\x07\\u{9b}.ron:6:30: error: "),
        "{}",
        stderr(&o)
    );
    let o = roundtable()
        .arg("list")
        .arg(dir.join("missing\u{1b}[2J.ron"))
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert_inert("list of a missing evil name", &o.stderr);
    assert!(stderr(&o).contains("missing\\x1b[2J.ron: error: cannot read: no such file"));
}

fn absolute(fixture: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(fixture)
}

#[test]
fn markdown_export_escapes_control_characters_from_the_file() {
    let o = run(&["export", "--format", "markdown", CONTROLS]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_inert("markdown", &o.stdout);
    let md = stdout(&o);
    assert!(
        md.starts_with("# Controls \\x1b\\[2J\\x1b\\[H title\n"),
        "{md}"
    );
    assert!(
        md.contains("> Quote \\x1b\\[2J \\u{9b}0m \\u{202e}!\n"),
        "{md}"
    );
    assert!(md.contains("Raw \\x1b\\[31m red"), "{md}");
}

#[test]
fn json_and_ron_exports_are_inert_yet_lossless() {
    for format in ["json", "ron"] {
        let o = run(&["export", "--format", format, CONTROLS]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_inert(format, &o.stdout);
    }
    let o = run(&["export", "--format", "json", CONTROLS]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["events"][0]["title"],
        "Title \u{1b}]52;c;aGVsbG8=\u{7} OSC \u{9b}2J C1 \u{202e}RLO \t tab"
    );
}

// ---------------------------------------------------------------- closed pipes

/// A valid timeline big enough that its output cannot fit in a pipe's buffer.
fn big_timeline() -> PathBuf {
    let path = scratch("big.ron");
    let mut text = String::from(
        "Timeline(title: \"Big\", sources: [Source(id: \"s\", outlet: \"S\")],\n\
         participants: [Participant(id: \"p\", name: \"P\")], events: [\n",
    );
    for i in 0..4000 {
        writeln!(
            text,
            "Event(id: \"e{i}\", when: \"2025-01-01T00:00:{:02}Z\", title: \"Event number {i} \
             with a title long enough to fill lines\", quotes: [Quote(speaker: \"p\", \
             text: \"Words {i}.\", source: \"s\")]),",
            i % 60
        )
        .unwrap();
    }
    text.push_str("])\n");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let big = big_timeline();
    for args in [
        &["list"][..],
        &["export", "--format", "json"],
        &["export", "--format", "ron"],
        &["export", "--format", "markdown"],
    ] {
        let mut child = roundtable()
            .args(args)
            .arg(&big)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        reader.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        drop(reader);
        let o = child.wait_with_output().unwrap();
        assert_eq!(stderr(&o), "", "{args:?}");
        assert_eq!(code(&o), 0, "{args:?}");
    }
}

// ---------------------------------------------------------------- the browser

#[test]
fn the_browser_without_a_terminal_points_to_list_and_export() {
    for args in [&[][..], &["--speaker", "peskov"], &[TALKS]] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert_eq!(stdout(&o), "", "{args:?}");
        assert_eq!(
            stderr(&o),
            "roundtable: the browser needs a terminal; for scripts use `roundtable list` or \
             `roundtable export`\n"
        );
        assert!(!o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b));
    }
}

#[test]
fn the_browser_checks_the_file_and_filters_before_needing_a_terminal() {
    let o = run(&[INVALID]);
    assert_eq!(code(&o), 1);
    assert_eq!(stderr(&o), stderr(&run(&["check", INVALID])));
    let o = run(&["tests/fixtures/cli/no-such-file.ron"]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "tests/fixtures/cli/no-such-file.ron: error: cannot read: no such file\n"
    );
    let o = run(&["--speaker", "vladimir"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("roundtable: --speaker: `vladimir` could be any of: "));
}

// ---------------------------------------------------------------- help

#[test]
fn help_teaches_the_commands_with_examples() {
    let o = run(&["--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for needle in [
        "roundtable check talks.ron",
        "roundtable export --format markdown --speaker medinsky > brief.md",
        "press ? inside",
        "--max-size",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
    let o = run(&["list", "--help"]);
    assert!(stdout(&o).contains("cut -f2,7"));
    let o = run(&["statements", "--help"]);
    let help = stdout(&o);
    for needle in [
        "MARKS",
        "single-origin",
        "roundtable statements --speaker peskov",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
    let o = run(&["export", "--help"]);
    assert!(stdout(&o).contains("`csv` writes one row per quote or claim"));
    let o = run(&["--version"]);
    assert_eq!(
        stdout(&o),
        format!("roundtable {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_reads_a_json_export_and_places_its_problems() {
    let o = run(&["export", "--format", "json", "--speaker", "peskov"]);
    assert_eq!(code(&o), 0);
    let exported = String::from_utf8(o.stdout).unwrap();
    let path = scratch("peskov.json");
    fs::write(&path, &exported).unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(
        (code(&o), stderr(&o)),
        (0, format!("{}: ok, 2 events\n", path.display()))
    );
    // The same export with a source no event cites: a warning at the line of its id.
    let unused = exported.replacen(
        "\"sources\": [",
        "\"sources\": [\n    {\"id\": \"unused\", \"outlet\": \"Nobody\"},",
        1,
    );
    assert_ne!(unused, exported);
    fs::write(&path, &unused).unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    let line = unused
        .lines()
        .position(|l| l.contains("\"unused\""))
        .unwrap()
        + 1;
    assert!(
        err.starts_with(&format!("{}:{line}:12: warning: ", path.display())),
        "{err}"
    );
    // Broken JSON: the error is placed where serde_json stopped.
    fs::write(&path, "{\n  \"title\": \"T\",\n  \"events\": [,]\n}\n").unwrap();
    let o = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).starts_with(&format!("{}:3:14: error: expected value", path.display())),
        "{}",
        stderr(&o)
    );
}
