//! Files that are not what they seem, beyond those in `tests/cli.rs` (missing, a directory, a
//! FIFO, `/dev/zero`, a symlink loop, Latin-1, UTF-16, over `--max-size`): a file its reader
//! may not read, a file whose every read fails, and the promise that no command ever writes
//! to the file it reads.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

fn roundtable(bin: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.stdin(Stdio::null());
    cmd
}

/// Runs `cmd`, failing the test if it takes more than a few seconds instead of hanging.
fn within_seconds(cmd: &mut Command) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    // A binary copied just before can be "busy" for a moment: another test thread that forks
    // while the copy is open for writing holds it open in the child until that child execs.
    let mut tries = 0;
    let mut child = loop {
        match cmd.spawn() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy && tries < 100 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            other => break other.expect("roundtable starts"),
        }
    };
    let started = Instant::now();
    while child.try_wait().expect("its status").is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("{cmd:?} did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("its output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A file whose permissions forbid reading it. Root reads anything, so when the tests run as
/// root the binary runs as `nobody` instead, from a copy in a directory `nobody` can enter
/// (the build directory may be under a home `nobody` cannot).
#[test]
fn a_file_without_read_permission_is_one_line_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("roundtable-unreadable-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    let file = dir.join("secret.ron");
    fs::write(
        &file,
        "Timeline(title: \"T\", sources: [], participants: [], events: [])",
    )
    .unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
    let root = rustix::process::geteuid().is_root();
    let mut cmd = if root {
        let bin = dir.join("roundtable");
        fs::copy(env!("CARGO_BIN_EXE_roundtable"), &bin).unwrap();
        fs::set_permissions(&bin, fs::Permissions::from_mode(0o755)).unwrap();
        let mut cmd = roundtable(&bin);
        cmd.uid(65534).gid(65534);
        cmd
    } else {
        roundtable(Path::new(env!("CARGO_BIN_EXE_roundtable")))
    };
    let o = within_seconds(cmd.arg("check").arg(&file).current_dir(&dir));
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{}: error: cannot read: permission denied\n",
            file.display()
        )
    );
}

/// A regular file whose reads fail, for root too: `/proc/self/mem` at offset 0.
#[test]
fn a_file_whose_reads_fail_is_one_line_and_exit_2() {
    let bin = Path::new(env!("CARGO_BIN_EXE_roundtable"));
    for args in [
        &["check"][..],
        &["list"],
        &["export", "--format", "json"],
        &[],
    ] {
        let o = within_seconds(roundtable(bin).args(args).arg("/proc/self/mem"));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(
            stderr(&o),
            "/proc/self/mem: error: cannot read: input/output error\n",
            "{args:?}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

/// What a file looks like from outside: its bytes, when it was last modified, its mode.
fn state(path: &Path) -> (Vec<u8>, SystemTime, u32) {
    let meta = fs::metadata(path).unwrap();
    (
        fs::read(path).unwrap(),
        meta.modified().unwrap(),
        meta.permissions().mode(),
    )
}

#[test]
fn no_command_writes_to_the_file_it_reads() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("never-written");
    fs::create_dir_all(&dir).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_roundtable"));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, fixture) in [
        ("valid.ron", "cli/full.ron"),
        ("invalid.ron", "cli/invalid.ron"),
        ("hostile.ron", "tui/hostile.ron"),
    ] {
        let file = dir.join(name);
        fs::copy(fixtures.join(fixture), &file).unwrap();
        // A modification time in the past, so that a rewrite of the same bytes still shows.
        let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(past)
            .unwrap();
        let before = state(&file);
        for args in [
            &["check"][..],
            &["list"],
            &["list", "--search", "a"],
            &["export", "--format", "json"],
            &["export", "--format", "ron"],
            &["export", "--format", "markdown"],
            &["export", "--format", "ron", "--round", "1"],
            &["check", "--max-size", "10"],
            // The browser, which without a terminal refuses after loading the file.
            &[],
        ] {
            let o = within_seconds(roundtable(bin).args(args).arg(&file));
            assert!(o.status.code().is_some(), "{name} {args:?}: killed");
            assert!(
                state(&file) == before,
                "{name}: `roundtable {}` changed the file",
                args.join(" ")
            );
        }
    }
}
