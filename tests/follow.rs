//! Following a file as editors save it, through the browser's own follower
//! (`roundtable::follow`): a save renamed over the file (vim, helix), a save written in place
//! (nano), both with the platform's events and with `--poll`; only `R` with `--no-watch`; a bad
//! save placed by line and column; an unreadable file; the file's directory deleted and made
//! again.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use roundtable::follow::{Follow, Outcome, Watch};
use roundtable::model::{BUNDLED, Zone};

/// Longer than any wait should be, on a loaded machine.
const PATIENCE: Duration = Duration::from_secs(20);

/// The bundled timeline titled `title`.
fn titled(title: &str) -> String {
    let was = "title: \"Russia–Ukraine direct talks, Istanbul 2025\"";
    assert!(BUNDLED.contains(was));
    BUNDLED.replacen(was, &format!("title: \"{title}\""), 1)
}

/// A directory of its own for one test, holding `talks.ron` titled "First".
fn folder(test: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("roundtable-follow-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("talks.ron");
    std::fs::write(&path, titled("First")).unwrap();
    (dir, path)
}

fn follow(path: &Path, watch: Watch) -> Follow {
    let mut f = Follow::start(path, "talks.ron", u64::MAX, Zone::Utc, watch);
    assert_eq!(f.take_problem(), None, "the watching starts");
    // Let the watch begin before the first change.
    std::thread::sleep(Duration::from_millis(200));
    f
}

/// What an outcome shows: the title loaded, or the problem said.
fn shown(o: &Outcome) -> String {
    match o {
        Outcome::Loaded(doc) => format!("loaded {}", doc.timeline().title),
        Outcome::Invalid { errors, first, .. } => format!("{errors} errors, first {first}"),
        Outcome::Unreadable(why) => format!("unreadable: {why}"),
    }
}

/// Waits for an outcome whose [`shown`] contains `what`; panics with every outcome seen if
/// none comes within [`PATIENCE`].
fn wait_for(f: &Follow, what: &str) -> Outcome {
    let started = Instant::now();
    let mut seen = Vec::new();
    while started.elapsed() < PATIENCE {
        match f.take() {
            Some(o) if shown(&o).contains(what) => return o,
            Some(o) => seen.push(shown(&o)),
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    }
    panic!("no {what:?} within {PATIENCE:?}; seen: {seen:#?}");
}

/// Nothing comes for `quiet`.
fn nothing_for(f: &Follow, quiet: Duration) {
    std::thread::sleep(quiet);
    if let Some(o) = f.take() {
        panic!("a reload nobody asked for: {}", shown(&o));
    }
}

/// vim's and helix's save: a new file written beside the old one and renamed over it.
fn save_renamed_over(path: &Path, text: &str) {
    let new = path.with_extension("ron.tmp");
    std::fs::write(&new, text).unwrap();
    std::fs::rename(&new, path).unwrap();
}

/// nano's save: the file truncated and written in place, in two writes.
fn save_in_place(path: &Path, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    let (a, b) = text.as_bytes().split_at(text.len() / 2);
    f.write_all(a).unwrap();
    f.flush().unwrap();
    f.write_all(b).unwrap();
}

fn saves_are_seen(watch: Watch, test: &str) {
    let (dir, path) = folder(test);
    let f = follow(&path, watch);
    save_renamed_over(&path, &titled("Renamed over"));
    wait_for(&f, "loaded Renamed over");
    save_in_place(&path, &titled("Written in place"));
    wait_for(&f, "loaded Written in place");
    // Reading the file is no change: once loaded, nothing more comes.
    nothing_for(&f, Duration::from_millis(1200));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn saves_renamed_over_and_written_in_place_are_each_seen() {
    saves_are_seen(Watch::Events, "events");
}

#[test]
fn with_poll_saves_renamed_over_and_written_in_place_are_each_seen() {
    saves_are_seen(Watch::Poll, "poll");
}

#[test]
fn with_no_watch_a_save_is_read_only_when_asked() {
    let (dir, path) = folder("off");
    let f = follow(&path, Watch::Off);
    save_renamed_over(&path, &titled("Unseen until R"));
    nothing_for(&f, Duration::from_millis(1500));
    f.request();
    wait_for(&f, "loaded Unseen until R");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_bad_save_is_said_by_line_and_column_and_the_next_good_one_loads() {
    let (dir, path) = folder("bad");
    let f = follow(&path, Watch::Events);
    let good = titled("Good");
    // A number where the title's string should be.
    let bad = good.replacen("\"Good\"", "42", 1);
    let line = bad.lines().position(|l| l.contains("title: 42")).unwrap();
    let column = bad.lines().nth(line).unwrap().find("42").unwrap() + 1;
    save_in_place(&path, &bad);
    let Outcome::Invalid { errors, first, all } = wait_for(&f, "errors") else {
        unreachable!()
    };
    assert!(errors >= 1);
    assert!(
        first.starts_with(&format!("talks.ron:{}:{column}: error:", line + 1)),
        "{first}"
    );
    assert!(all.contains(&first), "{all}");
    save_renamed_over(&path, &good);
    wait_for(&f, "loaded Good");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_that_cannot_be_read_is_said_and_followed_when_it_comes_back() {
    let (dir, path) = folder("unreadable");
    let f = follow(&path, Watch::Events);
    // A symbolic link to itself cannot be opened, even by root (whom `chmod 000` stops not).
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("talks.ron", &path).unwrap();
    let Outcome::Unreadable(why) = wait_for(&f, "unreadable") else {
        unreachable!()
    };
    assert!(why.contains("symbolic links"), "{why}");
    std::fs::remove_file(&path).unwrap();
    save_renamed_over(&path, &titled("Back"));
    wait_for(&f, "loaded Back");
    let _ = std::fs::remove_dir_all(dir);
}

fn the_directory_made_again_is_followed(watch: Watch, test: &str) {
    let (dir, path) = folder(test);
    let f = follow(&path, watch);
    std::fs::remove_dir_all(&dir).unwrap();
    wait_for(&f, "unreadable");
    // Long enough for the follower to see the directory gone.
    std::thread::sleep(Duration::from_millis(1200));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(&path, titled("In the new directory")).unwrap();
    wait_for(&f, "loaded In the new directory");
    // And the watch is on the new directory: the next save is seen too.
    save_renamed_over(&path, &titled("Saved again"));
    wait_for(&f, "loaded Saved again");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_files_directory_deleted_and_made_again_is_followed() {
    the_directory_made_again_is_followed(Watch::Events, "dir-events");
}

#[test]
fn with_poll_the_files_directory_deleted_and_made_again_is_followed() {
    the_directory_made_again_is_followed(Watch::Poll, "dir-poll");
}

fn a_file_opened_through_a_link_is_followed(watch: Watch, test: &str) {
    let (dir, path) = folder(test);
    // The timeline in a directory of its own, opened through a link beside it.
    let real = dir.join("real");
    std::fs::create_dir(&real).unwrap();
    let target = real.join("ist.ron");
    std::fs::rename(&path, &target).unwrap();
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let f = follow(&path, watch);
    save_in_place(&target, &titled("Saved in place"));
    wait_for(&f, "loaded Saved in place");
    save_renamed_over(&target, &titled("Renamed over the target"));
    wait_for(&f, "loaded Renamed over the target");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_opened_through_a_symbolic_link_is_followed_where_it_is_saved() {
    a_file_opened_through_a_link_is_followed(Watch::Events, "link-events");
}

#[test]
fn with_poll_a_file_opened_through_a_symbolic_link_is_followed() {
    a_file_opened_through_a_link_is_followed(Watch::Poll, "link-poll");
}
