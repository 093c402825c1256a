//! Following the browser's file as it is edited: a watcher on the file's directory (so that
//! both ways editors save are seen: writing a new file and renaming it over the old one, and
//! truncating and writing in place), and a loader thread that waits for a burst of changes to
//! settle (the debouncer) and reads and loads the new text off the drawing thread. The browser asks [`Follow::take`] between frames.
//!
//! The watcher is `notify`'s own for the platform (inotify on Linux), or its poll watcher
//! with `--poll` for filesystems that send no events; `--no-watch` keeps only `R`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
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
    /// Kept for as long as the file is followed; dropping it stops the watching.
    _watcher: Option<Box<dyn std::any::Any>>,
    /// Why watching could not start, once, for the footer.
    problem: Option<String>,
}

impl Follow {
    /// Starts following `path` (files over `max_size` bytes are refused, as at startup).
    #[must_use]
    /// Each version is put in order for dates read in `zone`, as the first was.
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
        let (watcher, problem) = match watch {
            Watch::Off => (None, None),
            Watch::Events | Watch::Poll => match start_watching(path, watch, requests.clone()) {
                Ok(w) => (Some(w), None),
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
            _watcher: watcher,
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

/// Watches `path`'s directory, asking for a reload when something happens to `path`.
fn start_watching(
    path: &Path,
    watch: Watch,
    requests: Sender<()>,
) -> notify::Result<Box<dyn std::any::Any>> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(std::ffi::OsStr::to_os_string);
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
                .any(|p| p.file_name().map(std::ffi::OsStr::to_os_string) == name),
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
    Ok(if watch == Watch::Poll {
        let mut w = PollWatcher::new(handler, config)?;
        w.watch(&dir, RecursiveMode::NonRecursive)?;
        Box::new(w)
    } else {
        let mut w = RecommendedWatcher::new(handler, config)?;
        w.watch(&dir, RecursiveMode::NonRecursive)?;
        Box::new(w)
    })
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
