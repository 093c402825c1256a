//! Ctrl-C during a long load: the command stops, says so, and exits 130 without leaving
//! anything half-written on the terminal.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A valid timeline of `n` plain events, written once per test binary run.
fn big_file(n: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cancel-{n}.ron"));
    let mut s = String::from(
        "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"o\")], \
         participants: [Participant(id: \"p\", name: \"P\")], events: [\n",
    );
    for i in 0..n {
        let _ = writeln!(
            s,
            "  Event(id: \"e{i}\", when: \"2025-07-{:02}\", title: \"Event {i} with a title of some length\", \
             quotes: [Quote(speaker: \"p\", text: \"{}\", source: \"s\")]),",
            i % 28 + 1,
            "words spoken at the table ".repeat(8)
        );
    }
    s.push_str("])\n");
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn ctrl_c_while_loading_cancels_with_exit_130() {
    let file = big_file(200_000);
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("check")
        .arg(&file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(150));
    let kill = Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "stderr: {stderr}");
    assert_eq!(stderr, "roundtable: cancelled\n");
    assert!(out.stdout.is_empty());
    // The load stopped: it did not run on to the end of a file this size.
    assert!(started.elapsed() < Duration::from_secs(20));
}
