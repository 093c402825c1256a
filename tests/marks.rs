//! Marks (`m`, `u`, `U`, `--marked`): kept across two runs of the real browser in a
//! pseudo-terminal with `XDG_STATE_HOME` in a temporary folder, the timeline file never
//! written; read by `list`, `statements` and `export --marked`; a damaged or unwritable marks
//! file said in the footer, never a crash. Then, without a terminal, the actions themselves:
//! `u`/`U` stop at the last and first mark, `m` in the statements view, marks across a reload.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::Write;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use roundtable::app::{Action, App, View};
use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs};

#[path = "support/pty.rs"]
mod pty;
use pty::Pty;

const PATIENCE: Duration = Duration::from_secs(20);

/// Three events; the second holds the one quote.
const TIMELINE: &str = r#"Timeline(
    title: "Marks test",
    sources: [Source(id: "s", outlet: "Outlet")],
    participants: [Participant(id: "p", name: "Pat")],
    events: [
        Event(id: "first", when: "2025-07-01", title: "First event", sources: ["s"]),
        Event(id: "second", when: "2025-07-02", title: "Second event", sources: ["s"],
            quotes: [Quote(speaker: "p", text: "We will meet.", source: "s")]),
        Event(id: "third", when: "2025-07-09", title: "Third event", sources: ["s"]),
    ],
)
"#;

/// A fresh folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roundtable-marks-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The browser in a fresh 80×24 pty, as the session leader (`setsid -c`).
struct Browser {
    master: OwnedFd,
    keeper: File,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    reader: JoinHandle<()>,
}

impl Browser {
    fn launch(file: &Path, state: &Path) -> Browser {
        let pty = Pty::open();
        // Held open until the end, so that the recording does not stop before the browser
        // starts (see `Pty::record`).
        let keeper = pty.slave();
        let (output, reader) = pty.record();
        let child = Command::new("setsid")
            .arg("-c")
            .arg(env!("CARGO_BIN_EXE_roundtable"))
            .arg(file)
            .arg("--no-watch")
            .env("XDG_STATE_HOME", state)
            .env_remove("NO_COLOR")
            .stdin(pty.slave())
            .stdout(pty.slave())
            .stderr(pty.slave())
            .spawn()
            .expect("setsid and roundtable start");
        Browser {
            master: pty.master,
            keeper,
            child,
            output,
            reader,
        }
    }

    /// The screen as a terminal shows it now (what was written, replayed into an emulator).
    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(24, 80, 0);
        parser.process(&self.output.lock().unwrap());
        parser.screen().contents()
    }

    /// Waits until the screen shows `text`; the screen then.
    fn wait_for(&self, text: &str) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no {text:?} on screen after {PATIENCE:?}:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn keys(&self, keys: &str) {
        let mut master = File::from(self.master.try_clone().unwrap());
        master.write_all(keys.as_bytes()).unwrap();
    }

    /// Presses `q` and waits for the browser to end; its exit code.
    fn quit(mut self) -> Option<i32> {
        self.keys("q");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the browser did not end");
            }
            thread::sleep(Duration::from_millis(20));
        };
        drop(self.keeper);
        let _ = self.reader.join();
        status.code()
    }
}

/// The line of `screen` that shows `text`.
fn line_with<'s>(screen: &'s str, text: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?}:\n{screen}"))
}

/// Every marks file in the state folder `state`.
fn marks_files(state: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(state.join("roundtable").join("marks")) {
        Ok(dir) => dir.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// `roundtable ARGS` with the state folder `state`.
fn run(state: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .env("XDG_STATE_HOME", state)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn marks_are_kept_across_two_runs_and_the_timeline_is_never_written() {
    let dir = folder("two-runs");
    let file = dir.join("talks.ron");
    std::fs::write(&file, TIMELINE).unwrap();
    let state = dir.join("state");

    // First run: mark the second event in the events view, unmark and mark it again in the
    // statements view (through its quote), then mark the third.
    let b = Browser::launch(&file, &state);
    b.wait_for("First event");
    b.keys("jm");
    b.wait_for("marked · 1 mark");
    b.keys("v");
    b.wait_for("Statements view");
    b.keys("m");
    b.wait_for("unmarked · 0 marks");
    b.keys("m");
    let screen = b.wait_for("marked · 1 mark");
    assert!(
        line_with(&screen, "We will meet.").contains('◆'),
        "{screen}"
    );
    b.keys("vGm");
    let screen = b.wait_for("marked · 2 marks");
    assert!(line_with(&screen, "Third event").contains('◆'), "{screen}");
    assert!(!line_with(&screen, "First event").contains('◆'), "{screen}");
    assert_eq!(b.quit(), Some(0));

    // What was saved: one file, naming the timeline by its canonical path.
    let files = marks_files(&state);
    assert_eq!(files.len(), 1, "{files:?}");
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    let canonical = std::fs::canonicalize(&file).unwrap();
    assert_eq!(
        saved,
        serde_json::json!({
            "roundtable_marks": 1,
            "file": canonical.to_str().unwrap(),
            "marks": ["second", "third"],
        })
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        TIMELINE,
        "the timeline was written"
    );

    // Second run: the marks are back; u and U move between them and stop at the ends.
    let b = Browser::launch(&file, &state);
    let screen = b.wait_for("First event");
    assert!(line_with(&screen, "Second event").contains('◆'), "{screen}");
    assert!(line_with(&screen, "Third event").contains('◆'), "{screen}");
    b.keys("u");
    let screen = b.wait_for("mark 1/2");
    assert!(line_with(&screen, "Second event").contains('◆'), "{screen}");
    b.keys("u");
    b.wait_for("mark 2/2");
    b.keys("u");
    b.wait_for("no later mark");
    b.keys("U");
    b.wait_for("mark 1/2");
    b.keys("U");
    b.wait_for("no earlier mark");
    assert_eq!(b.quit(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        TIMELINE,
        "the timeline was written"
    );

    // The commands read the same marks.
    let path = file.to_str().unwrap();
    let list = run(&state, &["list", path, "--marked"]);
    assert_eq!(text(&list.stderr), "");
    assert_eq!(
        text(&list.stdout),
        "second\t2025-07-02\t-\t1\t0\t-\tSecond event\nthird\t2025-07-09\t-\t0\t0\t-\tThird event\n"
    );
    let statements = run(&state, &["statements", path, "--marked"]);
    assert_eq!(text(&statements.stderr), "");
    assert_eq!(
        text(&statements.stdout),
        "second\t2025-07-02\t-\tquote\tPat\tOutlet\t-\t“We will meet.”\n"
    );
    let export = run(&state, &["export", path, "--format", "json", "--marked"]);
    assert_eq!(export.status.code(), Some(0), "{}", text(&export.stderr));
    let json: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let ids: Vec<&str> = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["second", "third"]);
    // --marked with another filter: both must hold.
    let both = run(&state, &["list", path, "--marked", "--speaker", "pat"]);
    assert_eq!(
        text(&both.stdout),
        "second\t2025-07-02\t-\t1\t0\t-\tSecond event\n"
    );
}

#[test]
fn marked_with_no_marks_says_why_nothing_is_listed() {
    let dir = folder("none");
    let file = dir.join("talks.ron");
    std::fs::write(&file, TIMELINE).unwrap();
    let state = dir.join("state");
    let path = file.to_str().unwrap();
    let why = "roundtable: nothing to show: no event of this file is marked (--marked); m marks \
               one in the browser\n";
    for args in [
        &["list", path, "--marked"][..],
        &["statements", path, "--marked"],
        &["export", path, "--format", "markdown", "--marked"],
    ] {
        let o = run(&state, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&o.stderr), why, "{args:?}");
    }
    let o = run(&state, &["list", path, "--marked"]);
    assert_eq!(text(&o.stdout), "");
    // Nothing is written by reading.
    assert!(marks_files(&state).is_empty());
}

#[test]
fn a_damaged_marks_file_is_reported_and_never_written_over() {
    let dir = folder("damaged");
    let file = dir.join("talks.ron");
    std::fs::write(&file, TIMELINE).unwrap();
    let state = dir.join("state");
    let store = roundtable::marks::Store::in_folder(&state.join("roundtable/marks"), Some(&file));
    std::fs::create_dir_all(store.path.parent().unwrap()).unwrap();
    let damaged = "{ \"roundtable_marks\": 1, \"marks\": [\"second\"\n";
    std::fs::write(&store.path, damaged).unwrap();

    let o = run(&state, &["list", file.to_str().unwrap(), "--marked"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        format!(
            "roundtable: --marked: {}:2:0: not a marks file: EOF while parsing a list\n",
            store.path.display()
        )
    );

    // The browser opens, says what is wrong, and marks without saving over the file.
    let b = Browser::launch(&file, &state);
    b.wait_for("the marks file is damaged (line 2, column 0");
    b.keys("jm");
    b.wait_for("not saved:");
    let screen = b.screen();
    assert!(line_with(&screen, "Second event").contains('◆'), "{screen}");
    assert_eq!(b.quit(), Some(0));
    assert_eq!(std::fs::read_to_string(&store.path).unwrap(), damaged);
}

#[test]
fn a_marks_file_that_cannot_be_written_keeps_the_view_and_says_so() {
    let dir = folder("unwritable");
    let file = dir.join("talks.ron");
    std::fs::write(&file, TIMELINE).unwrap();
    // A file where the state folder should be: nothing can be made under it.
    let state = dir.join("state");
    std::fs::write(&state, "").unwrap();
    let b = Browser::launch(&file, &state);
    b.wait_for("First event");
    b.keys("jm");
    let screen = b.wait_for("marks not saved");
    assert!(line_with(&screen, "Second event").contains('◆'), "{screen}");
    // Still browsing.
    b.keys("j");
    // The title bar's position: the third of three.
    let screen = b.wait_for("3/3");
    assert!(line_with(&screen, "Third event").contains('›'), "{screen}");
    assert_eq!(b.quit(), Some(0));
}

// Actions, without a terminal.

fn open(source: &str, marked: &[&str], args: &FilterArgs) -> App {
    let doc = Document::load("test.ron", source.to_string()).unwrap();
    let filter = Filter::resolve(doc.timeline(), doc.index(), args).unwrap();
    let ids: BTreeSet<String> = marked.iter().map(|s| (*s).to_string()).collect();
    let mut app = App::new(Arc::new(doc), &filter).with_marks(ids, None);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn id(app: &App) -> String {
    app.selected_event().unwrap().id.value.to_string()
}

#[test]
fn u_and_capital_u_stop_at_the_last_and_first_mark() {
    let mut app = open(TIMELINE, &["first", "third"], &FilterArgs::default());
    assert_eq!(id(&app), "first");
    app.update(Action::NextMark);
    assert_eq!(
        (id(&app).as_str(), app.message()),
        ("third", Some("mark 2/2"))
    );
    app.update(Action::NextMark);
    assert_eq!(id(&app), "third", "u stops at the last mark");
    assert_eq!(app.message(), Some("no later mark (U goes back)"));
    app.update(Action::PrevMark);
    assert_eq!(
        (id(&app).as_str(), app.message()),
        ("first", Some("mark 1/2"))
    );
    app.update(Action::PrevMark);
    assert_eq!(id(&app), "first", "U stops at the first mark");
    assert_eq!(app.message(), Some("no earlier mark (u goes on)"));
    // From an unmarked event in between, each way.
    app.update(Action::NextEvent);
    app.update(Action::PrevMark);
    assert_eq!(id(&app), "first");

    let mut none = open(TIMELINE, &[], &FilterArgs::default());
    none.update(Action::NextMark);
    assert_eq!(none.message(), Some("no marks: m marks the selected event"));
}

#[test]
fn marks_hidden_by_the_filter_are_skipped() {
    // Only the second event has Pat speaking: the marks on the first and third are hidden.
    let args = FilterArgs {
        speakers: vec!["pat".into()],
        ..FilterArgs::default()
    };
    let mut app = open(TIMELINE, &["first", "third"], &args);
    assert_eq!(id(&app), "second");
    app.update(Action::NextMark);
    assert_eq!(id(&app), "second");
    assert_eq!(app.message(), Some("no later mark (U goes back)"));
}

#[test]
fn m_in_the_statements_view_marks_the_statements_event_and_asks_for_a_save() {
    let mut app = open(TIMELINE, &[], &FilterArgs::default());
    app.update(Action::ToggleView);
    assert_eq!(app.view(), View::Statements);
    assert_eq!(id(&app), "second");
    app.update(Action::ToggleMark);
    assert_eq!(app.message(), Some("marked · 1 mark (u/U go to them)"));
    assert_eq!(app.marks().positions(), [1]);
    assert_eq!(
        app.take_marks_to_save(),
        Some(BTreeSet::from(["second".to_string()]))
    );
    assert_eq!(app.take_marks_to_save(), None, "asked once per change");
    app.update(Action::ToggleMark);
    assert_eq!(app.marks().positions(), [] as [u32; 0]);
    assert_eq!(app.take_marks_to_save(), Some(BTreeSet::new()));
    // A failed save says so and changes nothing else.
    app.update(Action::ToggleMark);
    app.marks_not_saved("cannot save marks to /x: Permission denied");
    assert_eq!(
        app.message(),
        Some("⚠ marks not saved: cannot save marks to /x: Permission denied")
    );
    assert_eq!(id(&app), "second");
    assert_eq!(app.marks().positions(), [1]);
}

#[test]
fn marks_follow_ids_across_a_reload_and_come_back_with_their_event() {
    let mut app = open(TIMELINE, &["second", "gone"], &FilterArgs::default());
    assert_eq!(app.marks().positions(), [1]);
    // A version with a new event first and without "second".
    let without = TIMELINE
        .replace(
            "        Event(id: \"second\", when: \"2025-07-02\", title: \"Second event\", sources: [\"s\"],\n            quotes: [Quote(speaker: \"p\", text: \"We will meet.\", source: \"s\")]),\n",
            "",
        )
        .replace(
            "        Event(id: \"first\"",
            "        Event(id: \"zero\", when: \"2025-06-01\", title: \"Zero\", sources: [\"s\"]),\n        Event(id: \"first\"",
        );
    assert!(!without.contains("\"second\"") && without.contains("\"zero\""));
    let _old = app.replace_document(Arc::new(Document::load("test.ron", without).unwrap()));
    assert_eq!(app.marks().positions(), [] as [u32; 0]);
    // Kept, though not shown: the event may come back.
    assert!(app.marks().ids().contains("second"));
    // It comes back, now fourth (zero, first, second, third).
    let back = TIMELINE.replace(
        "        Event(id: \"first\"",
        "        Event(id: \"zero\", when: \"2025-06-01\", title: \"Zero\", sources: [\"s\"]),\n        Event(id: \"first\"",
    );
    let _old = app.replace_document(Arc::new(Document::load("test.ron", back).unwrap()));
    assert_eq!(app.marks().positions(), [2]);
    app.update(Action::NextMark);
    assert_eq!(id(&app), "second");
    // A save keeps the ids the file lacks.
    app.update(Action::FirstEvent);
    app.update(Action::ToggleMark);
    assert_eq!(
        app.take_marks_to_save(),
        Some(BTreeSet::from(["gone", "second", "zero"].map(String::from)))
    );
}

#[test]
fn the_marked_filter_in_the_browser_follows_marking() {
    let args = FilterArgs {
        marked: Some(vec!["first".into(), "third".into()]),
        ..FilterArgs::default()
    };
    let mut app = open(TIMELINE, &["first", "third"], &args);
    assert_eq!(app.shown(), [0, 2]);
    app.update(Action::ToggleMark);
    assert_eq!(app.shown(), [2], "unmarked under --marked: hidden");
    assert_eq!(id(&app), "third");
}
