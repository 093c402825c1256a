//! Following the browser's file as it is edited: a watcher on the file's directory (so that
//! both ways editors save are seen: writing a new file and renaming it over the old one, and
//! truncating and writing in place), and a loader thread that waits for a burst of changes to
//! settle (the debouncer) and reads and loads the new text off the drawing thread. The browser asks [`Follow::take`] between frames.
//!
//! The watcher is `notify`'s own for the platform (inotify on Linux), or its poll watcher
//! with `--poll` for filesystems that send no events; `--no-watch` keeps only `R`. A watch
//! follows the directory it began on, so a keeper thread looks at the directory every
//! [`POLL`] and watches it anew when it has been deleted and made again.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::model::{self, Zone, diag};
use crate::query::document::Document;

/// How the file is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// The platform's file events.
    Events,
    /// Looking at the directory's files every [`POLL`], contents included (`--poll`).
    Poll,
    /// Not at all: only `R` reloads (`--no-watch`).
    Off,
}

/// How long a burst of changes must be quiet before the file is read: long enough for an
/// editor's write-and-rename to finish, short enough to feel immediate.
const SETTLE: Duration = Duration::from_millis(150);

/// How often `--poll` looks at the file.
const POLL: Duration = Duration::from_millis(500);

/// What a reload found.
#[derive(Debug)]
pub enum Outcome {
    /// The file loaded: a new document.
    Loaded(Arc<Document>),
    /// The file has errors: how many, the first as `FILE:LINE:COL: message`, and all of them
    /// as `check` prints them. Text from the file is escaped.
    Invalid {
        errors: usize,
        first: String,
        all: String,
    },
    /// The file could not be read: deleted, replaced by a directory or a FIFO, unreadable.
    Unreadable(String),
}

/// The watcher and the loader of one file.
pub struct Follow {
    outcomes: Receiver<Outcome>,
    requests: Sender<()>,
    /// Held for as long as the file is followed; dropping it ends the keeper thread, which
    /// holds the watcher, and so the watching.
    _keeper: Option<Sender<()>>,
    /// Why watching could not start, once, for the footer.
    problem: Option<String>,
}

impl Follow {
    /// Starts following `path` (files over `max_size` bytes are refused, as at startup).
    /// Each version is put in order for dates read in `zone`, as the first was.
    #[must_use]
    pub fn start(path: &Path, name: &str, max_size: u64, zone: Zone, watch: Watch) -> Self {
        let (requests, wanted) = mpsc::channel::<()>();
        let (done, outcomes) = mpsc::channel::<Outcome>();
        let file = path.to_path_buf();
        let shown = name.to_string();
        // The loader, which is also the debouncer: after a request it waits until the file has
        // been quiet for SETTLE, so that a save in several writes is read once, whole. One load
        // at a time; requests that came during a load make one more.
        std::thread::spawn(move || {
            while wanted.recv().is_ok() {
                while wanted.recv_timeout(SETTLE).is_ok() {}
                if done.send(load(&file, &shown, max_size, zone)).is_err() {
                    return;
                }
            }
        });
        let (keeper, problem) = match watch {
            Watch::Off => (None, None),
            Watch::Events | Watch::Poll => match start_watching(path, watch, requests.clone()) {
                Ok(w) => {
                    let (keeper, stop) = mpsc::channel::<()>();
                    let (file, requests) = (path.to_path_buf(), requests.clone());
                    std::thread::spawn(move || keep_watching(w, &file, watch, &requests, &stop));
                    (Some(keeper), None)
                }
                Err(e) => (
                    None,
                    Some(format!(
                        "cannot watch the file ({}); R reloads, --poll may work",
                        model::escape::escape_line(&e.to_string())
                    )),
                ),
            },
        };
        Follow {
            outcomes,
            requests,
            _keeper: keeper,
            problem,
        }
    }

    /// Asks for a reload now (`R`).
    pub fn request(&self) {
        let _ = self.requests.send(());
    }

    /// A reload's outcome, if one has finished since the last call.
    #[must_use]
    pub fn take(&self) -> Option<Outcome> {
        self.outcomes.try_recv().ok()
    }

    /// Why watching did not start, once.
    pub fn take_problem(&mut self) -> Option<String> {
        self.problem.take()
    }
}

/// A watcher, held only to be dropped when the watching ends.
type Watching = Box<dyn std::any::Any + Send>;

/// Holds `watcher` until `stop` is dropped, looking at `path`'s directory every [`POLL`]: when
/// it has been deleted, or another directory has taken its place, the old watch sees nothing
/// more, so a new one is started on the directory there now, and the file is read again.
fn keep_watching(
    watcher: Watching,
    path: &Path,
    watch: Watch,
    requests: &Sender<()>,
    stop: &Receiver<()>,
) {
    let dir = directory(path);
    let mut watcher = Some(watcher);
    let mut seen = identity(&dir);
    while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(POLL) {
        let now = identity(&dir);
        if now == seen && watcher.is_some() {
            continue;
        }
        let was_there = seen.is_some();
        watcher = None;
        seen = now;
        if now.is_some() {
            // A failure leaves `watcher` empty, so the next look tries again.
            watcher = start_watching(path, watch, requests.clone()).ok();
        }
        // The file is gone with its directory (which the poll watcher does not say), or is
        // perhaps in the new one: read it again either way.
        if watcher.is_some() || was_there {
            let _ = requests.send(());
        }
    }
}

/// The directory `path` is in (`.` for a bare file name).
fn directory(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Which directory `dir` is now: its device and inode on Unix, so that one deleted and made
/// again between two looks is told from the old one; elsewhere only whether it is there.
/// `None` when there is no directory at `dir`.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(dir)
        .ok()
        .filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

/// Watches `path`'s directory, asking for a reload when something happens to `path`; when
/// `path` is a symbolic link, the directory of the file it leads to as well, where saves to
/// that file happen.
fn start_watching(path: &Path, watch: Watch, requests: Sender<()>) -> notify::Result<Watching> {
    let mut dirs = vec![directory(path)];
    let mut names: Vec<_> = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .into_iter()
        .collect();
    if path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
        && let Ok(target) = std::fs::canonicalize(path)
    {
        names.extend(target.file_name().map(std::ffi::OsStr::to_os_string));
        dirs.push(directory(&target));
    }
    let handler = move |res: notify::Result<notify::Event>| {
        let ours = match &res {
            // Opening and reading the file (our own loads among them) change nothing: were they
            // followed, every load would ask for another. A write being closed is a change.
            Ok(e) if matches!(e.kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write)) => {
                false
            }
            Ok(e) => e
                .paths
                .iter()
                .any(|p| p.file_name().is_some_and(|n| names.iter().any(|m| m == n))),
            // An error from the watcher: look at the file again rather than miss a change.
            Err(_) => true,
        };
        if ours {
            let _ = requests.send(());
        }
    };
    // Modification times are compared in whole seconds by the poll watcher: two saves in one
    // second would look like one. Comparing contents too catches the second (a read of the
    // directory's files every POLL: the price of `--poll`).
    let config = notify::Config::default()
        .with_poll_interval(POLL)
        .with_compare_contents(watch == Watch::Poll);
    if watch == Watch::Poll {
        watch_all(PollWatcher::new(handler, config)?, &dirs)
    } else {
        watch_all(RecommendedWatcher::new(handler, config)?, &dirs)
    }
}

/// `w` watching each of `dirs`, not their subdirectories.
fn watch_all<W: Watcher + Send + 'static>(mut w: W, dirs: &[PathBuf]) -> notify::Result<Watching> {
    for dir in dirs {
        w.watch(dir, RecursiveMode::NonRecursive)?;
    }
    Ok(Box::new(w))
}

/// Reads and loads `path` once.
fn load(path: &Path, name: &str, max_size: u64, zone: Zone) -> Outcome {
    let text = match model::read_file_with(path, max_size, None) {
        Ok(text) => text,
        Err(e) => return Outcome::Unreadable(model::escape::escape_line(&e.to_string()).into()),
    };
    match Document::load_in(name, text, None, zone) {
        Ok(doc) => Outcome::Loaded(Arc::new(doc)),
        Err(failed) => {
            let errors = failed.diagnostics.iter().filter(|d| d.is_error()).count();
            let all = diag::render(name, &failed.text, &failed.diagnostics);
            let first = all
                .lines()
                .find(|l| l.contains(": error: "))
                .or_else(|| all.lines().next())
                .unwrap_or_default()
                .to_string();
            Outcome::Invalid { errors, first, all }
        }
    }
}
