//! The browser run in a pseudo-terminal, as a user runs it, then made to fail: a panic while
//! drawing (through the test-only `fault-injection` feature, which `cargo test` turns on), and
//! SIGTERM, SIGHUP and SIGINT from outside. After each, what the program wrote must end by
//! putting the terminal back (main screen, cursor shown, mouse capture off) and the terminal's
//! modes must be exactly what they were before it started (cooked: ICANON and ECHO set).
//! Also: with only one of stdin and stdout a terminal, the browser refuses with one clear line
//! and leaves the terminal alone.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process};
use rustix::termios::{LocalModes, Termios};

const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
/// Any-event mouse tracking, the last mode `EnableMouseCapture` turns on.
const MOUSE_ON: &[u8] = b"\x1b[?1003h";
/// Every mode `DisableMouseCapture` turns off again.
const MOUSE_OFF: &[&[u8]] = &[
    b"\x1b[?1000l",
    b"\x1b[?1002l",
    b"\x1b[?1003l",
    b"\x1b[?1006l",
];

/// How long anything may take before the test gives up on it.
const PATIENCE: Duration = Duration::from_secs(20);

#[path = "support/pty.rs"]
mod pty;
use pty::Pty;

/// The modes that matter, as a comparable value.
fn modes_of(t: &Termios) -> String {
    format!(
        "input {:?} output {:?} control {:?} local {:?}",
        t.input_modes, t.output_modes, t.control_modes, t.local_modes
    )
}

/// Waits until nothing more has arrived for a moment.
fn settle(output: &Mutex<Vec<u8>>) {
    let mut len = usize::MAX;
    loop {
        let now = output.lock().expect("the output").len();
        if now == len {
            return;
        }
        len = now;
        thread::sleep(Duration::from_millis(300));
    }
}

/// The end of what was written, for failure messages.
fn tail(out: &[u8]) -> String {
    String::from_utf8_lossy(&out[out.len().saturating_sub(300)..]).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The browser on the bundled timeline in a fresh pty, as the session leader with the pty as
/// its controlling terminal (`setsid -c`), as in a real terminal window.
struct Browser {
    pty: Pty,
    keeper: File,
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    reader: JoinHandle<()>,
    before: Termios,
}

impl Browser {
    fn launch(env: &[(&str, &str)], args: &[&std::ffi::OsStr]) -> Browser {
        let pty = Pty::open();
        let before = pty.modes();
        assert!(
            before
                .local_modes
                .contains(LocalModes::ICANON | LocalModes::ECHO),
            "a new pty starts cooked: {}",
            modes_of(&before)
        );
        let keeper = pty.slave();
        let (output, reader) = pty.record();
        let child = Command::new("setsid")
            .arg("-c")
            .arg(env!("CARGO_BIN_EXE_roundtable"))
            .args(args)
            .envs(env.iter().copied())
            .env_remove("NO_COLOR")
            .stdin(pty.slave())
            .stdout(pty.slave())
            .stderr(pty.slave())
            .spawn()
            .expect("setsid and roundtable start");
        let b = Browser {
            pty,
            keeper,
            child,
            output,
            reader,
            before,
        };
        // Up and drawing: the alternate screen entered and the footer drawn (`? help` shows at
        // every width).
        b.wait_for("first frame", |out| {
            find(out, ENTER_ALT).is_some() && find(out, b" help").is_some()
        });
        b
    }

    fn output(&self) -> Vec<u8> {
        self.output.lock().expect("the output").clone()
    }

    fn wait_for(&self, what: &str, done: impl Fn(&[u8]) -> bool) {
        let started = Instant::now();
        while !done(&self.output()) {
            assert!(
                started.elapsed() < PATIENCE,
                "no {what} after {PATIENCE:?}; the output ends with {:?}",
                tail(&self.output())
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the last screen drawn shows `what`.
    fn on_screen(&self, what: &str) {
        let started = Instant::now();
        loop {
            let last = self.last_screen();
            if last.contains(what) {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "no {what:?} on screen after {PATIENCE:?}; the screen:\n{last}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The last screen drawn, as a terminal shows it.
    fn last_screen(&self) -> String {
        screens(&self.output()).pop().unwrap_or_default()
    }

    fn signal(&self, sig: Signal) {
        kill_process(Pid::from_child(&self.child), sig).expect("the browser is running");
    }

    fn type_keys(&self, keys: &[u8]) {
        let mut master = File::from(self.pty.master.try_clone().expect("a master fd"));
        master.write_all(keys).expect("keys reach the terminal");
    }

    /// Waits for the program to end; its exit code and everything it wrote.
    fn finish(mut self) -> Ended {
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the browser's status") {
                break status;
            }
            if started.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the browser did not end within {PATIENCE:?}");
            }
            thread::sleep(Duration::from_millis(20));
        };
        settle(&self.output);
        drop(self.keeper);
        let _ = self.reader.join();
        let after = self.pty.modes();
        Ended {
            code: status.code(),
            output: self.output.lock().expect("the output").clone(),
            before: self.before,
            after,
        }
    }
}

struct Ended {
    code: Option<i32>,
    output: Vec<u8>,
    before: Termios,
    after: Termios,
}

impl Ended {
    /// What was written after leaving the alternate screen, the cursor shown again: what stays
    /// on the user's screen.
    fn left_on_screen(&self) -> String {
        let from = rfind(&self.output, LEAVE_ALT).map_or(0, |i| i + LEAVE_ALT.len());
        String::from_utf8_lossy(&self.output[from..])
            .replace("\x1b[?25h", "")
            .replace("\r\n", "\n")
    }

    /// The terminal is as it was: after the last sequence that changed a mode come the ones
    /// that change it back, nothing changes it again, and the pty's modes are the ones it had
    /// before the program started.
    fn assert_restored(&self, what: &str) {
        let out = &self.output;
        let shown = || tail(out);
        let last_enter = [ENTER_ALT, HIDE_CURSOR, MOUSE_ON]
            .iter()
            .map(|s| rfind(out, s).unwrap_or_else(|| panic!("{what}: never sent {s:?}")))
            .max()
            .unwrap_or(0);
        let after_enter = &out[last_enter..];
        for undo in [LEAVE_ALT, SHOW_CURSOR].iter().chain(MOUSE_OFF) {
            assert!(
                find(after_enter, undo).is_some(),
                "{what}: {:?} missing after the last mode change; the output ends with {:?}",
                String::from_utf8_lossy(undo),
                shown()
            );
        }
        let leave = rfind(out, LEAVE_ALT).unwrap_or(0);
        assert!(
            find(&out[leave..], ENTER_ALT).is_none() && find(&out[leave..], MOUSE_ON).is_none(),
            "{what}: a mode turned on again after leaving: {:?}",
            shown()
        );
        // Once: leaving again restores the cursor saved on entering (xterm), which would put
        // the shell's prompt over whatever was printed in between (a panic message).
        assert_eq!(
            after_enter
                .windows(LEAVE_ALT.len())
                .filter(|w| *w == LEAVE_ALT)
                .count(),
            1,
            "{what}: the alternate screen is left more than once: {:?}",
            shown()
        );
        assert!(
            self.after
                .local_modes
                .contains(LocalModes::ICANON | LocalModes::ECHO),
            "{what}: the terminal is left raw: {}",
            modes_of(&self.after)
        );
        assert_eq!(
            modes_of(&self.after),
            modes_of(&self.before),
            "{what}: the terminal's modes changed"
        );
    }
}

#[test]
fn quitting_with_q_restores_the_terminal() {
    let b = Browser::launch(&[], &[]);
    b.type_keys(b"jjq");
    let end = b.finish();
    assert_eq!(end.code, Some(0), "{}", end.left_on_screen());
    assert!(
        !end.left_on_screen().contains("roundtable:"),
        "{}",
        end.left_on_screen()
    );
    end.assert_restored("q");
}

#[test]
fn a_panic_while_drawing_restores_the_terminal_and_reports_the_panic() {
    // The third frame: drawn 200 ms after the first two, with the browser fully up.
    let b = Browser::launch(&[("ROUNDTABLE_FAULT_PANIC_ON_DRAW", "3")], &[]);
    let end = b.finish();
    end.assert_restored("panic");
    assert_eq!(end.code, Some(101), "a panic exits 101");
    // Printed after the main screen is back, so the user can read it.
    let shown = end.left_on_screen();
    assert!(
        shown.contains("fault injected while drawing frame 3"),
        "the panic message is not on the main screen: {shown:?}"
    );
}

/// Sends `sig` to a running browser; it ends, says why, and restores the terminal.
fn survives(sig: Signal, name: &str) {
    let b = Browser::launch(&[], &[]);
    b.type_keys(b"j");
    b.signal(sig);
    let end = b.finish();
    end.assert_restored(name);
    assert_eq!(end.code, Some(1), "{name}");
    assert_eq!(
        end.left_on_screen(),
        format!("roundtable: terminated by {name}\n"),
        "{name}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    survives(Signal::TERM, "SIGTERM");
}

#[test]
fn sighup_restores_the_terminal() {
    survives(Signal::HUP, "SIGHUP");
}

#[test]
fn sigint_from_kill_restores_the_terminal() {
    survives(Signal::INT, "SIGINT");
}

#[test]
fn ctrl_c_typed_in_raw_mode_is_a_key_that_quits() {
    let b = Browser::launch(&[], &[]);
    b.type_keys(b"\x03");
    let end = b.finish();
    assert_eq!(end.code, Some(0), "{}", end.left_on_screen());
    end.assert_restored("Ctrl-C");
}

/// The browser with a terminal on one side only: it must say what to use instead, exit 2,
/// write nothing to the terminal and leave its modes alone.
fn refuses_without_both(stdin_is_tty: bool) {
    let pty = Pty::open();
    let before = pty.modes();
    let keeper = pty.slave();
    let (output, reader) = pty.record();
    let mut child = {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundtable"));
        if stdin_is_tty {
            cmd.stdin(pty.slave()).stdout(Stdio::piped());
        } else {
            cmd.stdin(Stdio::null()).stdout(pty.slave());
        }
        cmd.stderr(Stdio::piped()).spawn().expect("roundtable runs")
    };
    let started = Instant::now();
    while child.try_wait().expect("its status").is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("stdin a terminal: {stdin_is_tty}: the browser started instead of refusing");
        }
        thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().expect("its output");
    settle(&output);
    drop(keeper);
    let _ = reader.join();
    let what = if stdin_is_tty {
        "stdout a pipe"
    } else {
        "stdin not a terminal"
    };
    assert_eq!(o.status.code(), Some(2), "{what}");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "roundtable: the browser needs a terminal; for scripts use `roundtable list` or \
         `roundtable export`\n",
        "{what}"
    );
    assert!(o.stdout.is_empty(), "{what}");
    assert_eq!(
        output.lock().expect("the output").as_slice(),
        b"",
        "{what}: wrote to the terminal"
    );
    assert_eq!(modes_of(&pty.modes()), modes_of(&before), "{what}");
}

#[test]
fn with_stdin_a_terminal_but_stdout_a_pipe_the_browser_refuses_cleanly() {
    refuses_without_both(true);
}

#[test]
fn with_stdout_a_terminal_but_stdin_not_the_browser_refuses_cleanly() {
    refuses_without_both(false);
}

/// Closing the terminal window: the terminal hangs up (SIGHUP to the session, and reads that
/// end at once). The browser must end, not spin on a terminal that is gone.
#[test]
fn closing_the_terminal_ends_the_browser() {
    let pty = Pty::open();
    let (stdin, stdout) = (pty.slave(), pty.slave());
    // No reader thread and no other copy: the master must close entirely.
    let mut master = File::from(pty.master);
    rustix::fs::fcntl_setfl(&master, rustix::fs::OFlags::NONBLOCK).expect("non-blocking");
    let mut child = Command::new("setsid")
        .arg("-c")
        .arg(env!("CARGO_BIN_EXE_roundtable"))
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("setsid and roundtable start");
    let started = Instant::now();
    let mut out = Vec::new();
    while find(&out, b" help").is_none() {
        assert!(
            started.elapsed() < PATIENCE,
            "no first frame: {:?}",
            tail(&out)
        );
        let mut buf = [0u8; 8192];
        match master.read(&mut buf) {
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) => thread::sleep(Duration::from_millis(20)),
        }
    }
    drop(master);
    let started = Instant::now();
    while child.try_wait().expect("its status").is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("the browser still runs {PATIENCE:?} after its terminal went away");
        }
        thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(child.wait().expect("its status").code(), Some(1));
}

/// The browser only reads its file: after a session of keys, bytes, modification time and
/// mode are as they were.
#[test]
fn the_browser_never_writes_its_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browsed");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let file = dir.join("talks.ron");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cli/full.ron"),
        &file,
    )
    .expect("a copy of a fixture");
    let past = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    OpenOptions::new()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(past))
        .expect("an old modification time");
    let state = |p: &std::path::Path| {
        let meta = std::fs::metadata(p).expect("the file is there");
        (
            std::fs::read(p).expect("readable"),
            meta.modified().expect("a time"),
            meta.permissions().mode(),
        )
    };
    let before = state(&file);
    let b = Browser::launch(&[], &[file.as_os_str()]);
    b.type_keys(b"jj\t/talks\rnG??q");
    let end = b.finish();
    assert_eq!(end.code, Some(0), "{}", end.left_on_screen());
    end.assert_restored("a session on a file");
    assert!(state(&file) == before, "the browser changed its file");
}

/// The text of the first OSC 52 sequence in `out` (`ESC ] 52 ; c ; <base64> BEL`), decoded.
fn osc52_payload(out: &[u8]) -> String {
    use base64::Engine as _;
    let start = find(out, b"\x1b]52;c;").expect("an OSC 52 sequence") + b"\x1b]52;c;".len();
    let len = out[start..]
        .iter()
        .position(|&b| b == 0x07)
        .expect("ended by BEL");
    let payload = base64::engine::general_purpose::STANDARD
        .decode(&out[start..start + len])
        .expect("valid base64");
    String::from_utf8(payload).expect("UTF-8")
}

/// `Y` copies the selected event as Markdown through OSC 52: the exact bytes the terminal
/// receives are `ESC ] 52 ; c ; <base64 of the event's Markdown> BEL`.
#[test]
fn y_copies_the_event_through_osc52() {
    let b = Browser::launch(&[], &["--clipboard".as_ref(), "osc52".as_ref()]);
    b.type_keys(b"Y");
    b.wait_for("an OSC 52 sequence", |out| {
        find(out, b"\x1b]52;c;").is_some_and(|at| out[at..].contains(&0x07))
    });
    b.wait_for("the footer's report", |out| {
        find(out, b"copied the event as Markdown (OSC 52").is_some()
    });
    b.type_keys(b"q");
    let end = b.finish();
    end.assert_restored("q after Y");
    let copied = osc52_payload(&end.output);
    // The first event of the bundled timeline, with its citation, as the brief writes it.
    let t = roundtable::model::load_str(roundtable::model::BUNDLED)
        .unwrap()
        .timeline;
    let index = roundtable::query::Index::build(&t);
    assert_eq!(copied, roundtable::report::markdown::event(&t, &index, 0));
    assert!(
        copied.starts_with("### 2022 — Zelensky implements NSDC ban on direct talks with Putin"),
        "{copied}"
    );
    assert!(copied.contains("Source: Xinhua"), "{copied}");
}

/// `y` in the statements view copies the selected claim with its citation line through OSC 52:
/// the bytes the terminal receives decode to exactly that text.
#[test]
fn lower_y_copies_the_statement_with_its_citation_through_osc52() {
    let b = Browser::launch(&[], &["--clipboard".as_ref(), "osc52".as_ref()]);
    b.type_keys(b"v");
    b.wait_for("the statements view", |out| {
        find(out, b"Statements view").is_some()
    });
    b.type_keys(b"y");
    b.wait_for("an OSC 52 sequence", |out| {
        find(out, b"\x1b]52;c;").is_some_and(|at| out[at..].contains(&0x07))
    });
    // The terminal is sent only the cells that changed, so only the message's end is sure
    // to arrive in one piece.
    b.wait_for("the footer's report", |out| {
        find(out, b"(OSC 52, through the terminal)").is_some()
    });
    b.type_keys(b"q");
    let end = b.finish();
    end.assert_restored("q after y");
    let copied = osc52_payload(&end.output);
    // The bundled timeline's first statement: Xinhua's own claim about the 2022 ban.
    assert_eq!(
        copied,
        "In 2022 Zelensky implemented a National Security and Defense Council decision \
         prohibiting members of his government from holding direct negotiations with Russian \
         President Vladimir Putin.\n\
         — as reported by Xinhua, “New round of direct talks between Russia, Ukraine to focus \
         on draft memos”, 2025-07-23\n"
    );
}

/// Every screen the browser drew, in order: its output replayed into a terminal emulator
/// frame by frame (each frame starts by hiding the cursor).
fn screens(out: &[u8]) -> Vec<String> {
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut shown = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&out[from + 1..], HIDE_CURSOR).map(|k| k + from + 1) {
        parser.process(&out[from..at]);
        shown.push(parser.screen().contents());
        from = at;
    }
    parser.process(&out[from..]);
    shown.push(parser.screen().contents());
    shown
}

/// The browser follows its file while it is rewritten 50 times a second (in place, in two
/// writes, so that it is often caught half-written), replaced by a directory, a FIFO and an
/// unreadable file, and deleted with its directory: it answers keys all along, never shows a
/// half-written file, says what happened, and shows the good file when it comes back.
#[test]
fn the_browser_follows_its_file_through_rewrites_and_worse() {
    let dir = std::env::temp_dir().join(format!("roundtable-follow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("talks.ron");
    let bundled = roundtable::model::BUNDLED;
    let title = "title: \"Russia–Ukraine direct talks, Istanbul 2025\"";
    let titled = |t: &str| bundled.replacen(title, &format!("title: \"{t}\""), 1);
    std::fs::write(&path, titled("Alpha start")).unwrap();
    let b = Browser::launch(&[], &[path.as_os_str()]);
    // Half-written versions carry a title of their own; a whole file never does.
    let half = titled("HALF WRITTEN");
    let whole = titled("Whole again");
    let started = Instant::now();
    let mut k = 0;
    while started.elapsed() < Duration::from_secs(2) {
        let mut f = File::create(&path).unwrap();
        let (text, cut) = if k % 2 == 0 {
            (&half, half.len() / 2)
        } else {
            (&whole, whole.len() / 3)
        };
        f.write_all(&text.as_bytes()[..cut]).unwrap();
        if k % 2 == 1 {
            thread::sleep(Duration::from_millis(5));
            f.write_all(&text.as_bytes()[cut..]).unwrap();
        }
        drop(f);
        if k % 10 == 0 {
            b.type_keys(b"j");
        }
        k += 1;
        thread::sleep(Duration::from_millis(20));
    }
    // Keys are answered while all that went on.
    b.type_keys(b"?");
    let on_screen = |what: &str| b.on_screen(what);
    on_screen("Keys —");
    b.type_keys(b"?");
    // The burst may have ended half-written (then the footer lists errors); a whole save
    // after it is shown.
    std::fs::write(&path, &whole).unwrap();
    on_screen("Whole again");
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    on_screen("directory");
    std::fs::remove_dir(&path).unwrap();
    let made = Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    on_screen("FIFO");
    std::fs::remove_file(&path).unwrap();
    // Unreadable: a symbolic link to itself, which not even root can open (`chmod 000` does
    // not stop root).
    std::os::unix::fs::symlink("talks.ron", &path).unwrap();
    on_screen("symbolic links");
    std::fs::remove_file(&path).unwrap();
    on_screen("no such file");
    // The file's directory deleted and made again: followed all the same.
    std::fs::remove_dir(&dir).unwrap();
    thread::sleep(Duration::from_millis(1200));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(&path, titled("zzzz FINAL zzzz")).unwrap();
    on_screen("zzzz FINAL zzzz");
    // Once the file is quiet, nothing reloads: reading it must not count as a change (a
    // reload would put its own message over this one).
    b.type_keys(b"\x1b");
    on_screen("nothing to clear");
    thread::sleep(Duration::from_millis(1200));
    let last = b.last_screen();
    assert!(
        last.contains("nothing to clear"),
        "reloading on its own:\n{last}"
    );
    b.type_keys(b"q");
    let end = b.finish();
    end.assert_restored("q after following the file");
    let seen = screens(&end.output);
    assert!(
        seen.iter().all(|s| !s.contains("HALF WRITTEN")),
        "a half-written file was shown"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// With `--no-watch` a save shows only when `R` is pressed; a bad save keeps the last good
/// version on screen with its error count in the footer, `E` lists its errors by
/// `FILE:LINE:COL`, and the next good save clears them.
#[test]
fn r_reloads_by_hand_and_a_bad_save_is_shown_beside_the_last_good_version() {
    let dir = std::env::temp_dir().join(format!("roundtable-r-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("talks.ron");
    let title = "title: \"Russia–Ukraine direct talks, Istanbul 2025\"";
    let titled =
        |t: &str| roundtable::model::BUNDLED.replacen(title, &format!("title: \"{t}\""), 1);
    std::fs::write(&path, titled("Alpha")).unwrap();
    let b = Browser::launch(&[], &[std::ffi::OsStr::new("--no-watch"), path.as_os_str()]);
    b.on_screen("Alpha");
    std::fs::write(&path, titled("Beta by hand")).unwrap();
    thread::sleep(Duration::from_millis(1200));
    assert!(
        !b.last_screen().contains("Beta"),
        "--no-watch followed the file:\n{}",
        b.last_screen()
    );
    b.type_keys(b"R");
    b.on_screen("Beta by hand");
    // A number where the title's string should be.
    let bad = titled("Beta by hand").replacen("title: \"Beta by hand\"", "title: 42", 1);
    let line = bad.lines().position(|l| l.contains("title: 42")).unwrap();
    let column = bad.lines().nth(line).unwrap().find("42").unwrap() + 1;
    std::fs::write(&path, bad).unwrap();
    b.type_keys(b"R");
    b.on_screen("the last save has 1 error");
    assert!(
        b.last_screen().contains("Beta by hand"),
        "{}",
        b.last_screen()
    );
    b.type_keys(b"E");
    b.on_screen(&format!("talks.ron:{}:{column}: error", line + 1));
    b.type_keys(b"\x1b");
    std::fs::write(&path, titled("Gamma good again")).unwrap();
    b.type_keys(b"R");
    b.on_screen("Gamma good again");
    assert!(
        !b.last_screen().contains("the last save has"),
        "{}",
        b.last_screen()
    );
    b.type_keys(b"q");
    b.finish().assert_restored("q after R");
    let _ = std::fs::remove_dir_all(&dir);
}
