//! Marks kept between runs: one small JSON file per timeline under the XDG state directory,
//! naming the marked events by id. The timeline file itself is never written.
//!
//! Where: `$XDG_STATE_HOME/roundtable/marks/` (else `~/.local/state/roundtable/marks/`; the
//! XDG layout on every platform, macOS included). One file per timeline, keyed by the
//! timeline's canonical path: `NAME-HASH.json`, where NAME is the file name (for people
//! looking in the folder) and HASH a 64-bit FNV-1a hash of the canonical path, in hex. The
//! bundled timeline, which is no file, has `bundled.json`.
//!
//! What (format 1):
//!
//! ```json
//! {
//!   "roundtable_marks": 1,
//!   "file": "/home/me/talks/istanbul.ron",
//!   "marks": ["r3-opening", "announce"]
//! }
//! ```
//!
//! `file` is the canonical path the marks belong to (or `(bundled)`); a file whose `file` is
//! another path is not used. `marks` are event ids, sorted, each once; ids that the timeline
//! no longer has are kept (the event may come back) and ignored while it lacks them. A file
//! that is not this (hand-edited, cut short) is reported with its line and column and left
//! alone: marks made meanwhile are not saved over it. Writes go to a temporary file in the
//! same folder, renamed over the old one, so a crash never leaves half a file.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The format version written, and the only one read.
pub const VERSION: u32 = 1;

/// The key of the bundled timeline, which has no path.
pub const BUNDLED_KEY: &str = "(bundled)";

/// The marks file of one timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    /// The marks file.
    pub path: PathBuf,
    /// What its `file` must say: the timeline's canonical path, or [`BUNDLED_KEY`].
    pub key: String,
}

/// The file's content, as written and read.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Content {
    roundtable_marks: u32,
    file: String,
    marks: Vec<String>,
}

/// Why marks could not be read or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trouble {
    /// The whole message, naming the marks file (`PATH:LINE:COL: …` for a damaged file), for
    /// the command line.
    pub full: String,
    /// A short form for the browser's footer, what matters first.
    pub short: String,
}

impl Trouble {
    fn new(full: String, short: impl Into<String>) -> Trouble {
        Trouble {
            full,
            short: short.into(),
        }
    }
}

impl std::fmt::Display for Trouble {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.full)
    }
}

/// The folder marks files go in: `$XDG_STATE_HOME/roundtable/marks` (an absolute
/// `$XDG_STATE_HOME` only, as the XDG specification says), else
/// `~/.local/state/roundtable/marks`.
pub fn folder() -> Result<PathBuf, Trouble> {
    use etcetera::BaseStrategy as _;
    let none = || {
        let m = "marks are not kept: no home folder and no XDG_STATE_HOME";
        Trouble::new(m.into(), m)
    };
    let xdg = etcetera::base_strategy::Xdg::new().map_err(|_| none())?;
    let state = xdg.state_dir().ok_or_else(none)?;
    Ok(state.join("roundtable").join("marks"))
}

impl Store {
    /// The marks file of the timeline at `timeline` (the bundled one when `None`), in
    /// [`folder`].
    pub fn of(timeline: Option<&Path>) -> Result<Store, Trouble> {
        Ok(Self::in_folder(&folder()?, timeline))
    }

    /// The marks file of `timeline` in `folder`. The path is made canonical (symbolic links
    /// and `..` resolved) when the file exists, absolute otherwise.
    #[must_use]
    pub fn in_folder(folder: &Path, timeline: Option<&Path>) -> Store {
        let Some(path) = timeline else {
            return Store {
                path: folder.join("bundled.json"),
                key: BUNDLED_KEY.into(),
            };
        };
        let canonical = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        let name: String = canonical
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .take(48)
            .collect();
        let hash = fnv1a(canonical.as_os_str().as_encoded_bytes());
        Store {
            path: folder.join(format!("{name}-{hash:016x}.json")),
            key: canonical.to_string_lossy().into_owned(),
        }
    }

    /// The marked ids (sorted, each once). No file yet is no marks.
    ///
    /// # Errors
    ///
    /// A file that cannot be read, is not format 1, or belongs to another timeline: the
    /// message says which and where (`PATH:LINE:COL: …`).
    pub fn load(&self) -> Result<BTreeSet<String>, Trouble> {
        let shown = self.path.display();
        let text = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            // Nothing there yet (the folder may be missing, or be a file: saving will say).
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(BTreeSet::new());
            }
            Err(e) => {
                return Err(Trouble::new(
                    format!("cannot read the marks file {shown}: {e}"),
                    format!("cannot read the marks file: {e}"),
                ));
            }
        };
        let content: Content = serde_json::from_slice(&text).map_err(|e| {
            let why = strip_position(&e.to_string()).to_string();
            let mut full = format!("{shown}:{}:{}: ", e.line(), e.column());
            let _ = write!(full, "not a marks file: {why}");
            let short = format!(
                "the marks file is damaged (line {}, column {}: {why}); fix or delete {shown}",
                e.line(),
                e.column()
            );
            Trouble::new(full, short)
        })?;
        if content.roundtable_marks != VERSION {
            let what = format!(
                "marks file format {} is not known (this roundtable reads {VERSION})",
                content.roundtable_marks
            );
            return Err(Trouble::new(format!("{shown}: {what}"), what));
        }
        if content.file != self.key {
            return Err(Trouble::new(
                format!(
                    "{shown}: holds the marks of {}, not of {}",
                    content.file, self.key
                ),
                format!("the marks file {shown} belongs to {}", content.file),
            ));
        }
        Ok(content.marks.into_iter().collect())
    }

    /// Writes `ids` as the marks, atomically: to a temporary file beside it, then renamed
    /// over it. The folder is made when missing.
    ///
    /// # Errors
    ///
    /// The folder cannot be made or the file written: the message names the file and why.
    pub fn save(&self, ids: &BTreeSet<String>) -> Result<(), Trouble> {
        let content = Content {
            roundtable_marks: VERSION,
            file: self.key.clone(),
            marks: ids.iter().cloned().collect(),
        };
        let fail = |e: io::Error| {
            let full = format!("cannot save marks to {}: {e}", self.path.display());
            Trouble::new(full.clone(), full)
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(fail)?;
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            let mut text = serde_json::to_vec_pretty(&content).map_err(io::Error::other)?;
            text.push(b'\n');
            f.write_all(&text)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written.map_err(fail)
    }
}

/// The marks of a timeline as the browser opens with them.
#[derive(Debug)]
pub struct Opened {
    /// Where they are saved; `None` when there is no state folder.
    pub store: Option<Store>,
    /// The ids marked.
    pub ids: BTreeSet<String>,
    /// Why they could not be read: the browser shows it and saves nothing over the file.
    pub trouble: Option<Trouble>,
}

/// The marks of the timeline at `timeline` (the bundled one when `None`), read before the
/// terminal changes mode. Never fails: what went wrong is in [`Opened::trouble`].
#[must_use]
pub fn open(timeline: Option<&Path>) -> Opened {
    match Store::of(timeline) {
        Err(trouble) => Opened {
            store: None,
            ids: BTreeSet::new(),
            trouble: Some(trouble),
        },
        Ok(store) => match store.load() {
            Ok(ids) => Opened {
                store: Some(store),
                ids,
                trouble: None,
            },
            Err(trouble) => Opened {
                store: Some(store),
                ids: BTreeSet::new(),
                trouble: Some(trouble),
            },
        },
    }
}

/// `serde_json`'s message without its ` at line L column C` (the position goes first).
fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |k| &msg[..k])
}

/// 64-bit FNV-1a: a stable hash (the same in every build and version), for file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "roundtable-marks-unit-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn fnv1a_is_the_published_function() {
        // Test vectors of the FNV reference: "" and "a".
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn marks_round_trip_and_a_missing_file_is_no_marks() {
        let dir = temp("trip");
        let timeline = dir.join("talks.ron");
        std::fs::write(&timeline, "x").unwrap();
        let store = Store::in_folder(&dir.join("state"), Some(&timeline));
        assert!(
            store
                .path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("talks.ron-")
        );
        assert_eq!(store.load().unwrap(), BTreeSet::new());
        let ids: BTreeSet<String> = ["b", "a\nwith newline", "gone"].map(String::from).into();
        store.save(&ids).unwrap();
        assert_eq!(store.load().unwrap(), ids);
        // Nothing but the file is left in the folder: the temporary file was renamed.
        let left: Vec<_> = std::fs::read_dir(store.path.parent().unwrap())
            .unwrap()
            .collect();
        assert_eq!(left.len(), 1);
        // The same file by another path has the same store.
        let other = Store::in_folder(&dir.join("state"), Some(&dir.join(".").join("talks.ron")));
        assert_eq!(other, store);
    }

    #[test]
    fn a_damaged_file_says_where() {
        let dir = temp("damaged");
        let store = Store::in_folder(&dir, None);
        std::fs::write(
            &store.path,
            "{\n  \"roundtable_marks\": 1,\n  \"marks\": [1]\n}\n",
        )
        .unwrap();
        let e = store.load().unwrap_err().full;
        // The `1` is the 13th character of line 3.
        assert_eq!(
            e,
            format!(
                "{}:3:13: not a marks file: invalid type: integer `1`, expected a string",
                store.path.display()
            )
        );
        std::fs::write(
            &store.path,
            "{\"roundtable_marks\": 1, \"file\": \"/elsewhere.ron\", \"marks\": []}",
        )
        .unwrap();
        let e = store.load().unwrap_err().full;
        assert_eq!(
            e,
            format!(
                "{}: holds the marks of /elsewhere.ron, not of (bundled)",
                store.path.display()
            )
        );
        std::fs::write(&store.path, [0xff, 0xfe]).unwrap();
        assert!(store.load().unwrap_err().full.contains("not a marks file"));
    }

    #[test]
    fn a_save_that_cannot_write_says_so_and_leaves_nothing() {
        let dir = temp("unwritable");
        // A file where the folder should be: the folder cannot be made.
        std::fs::write(dir.join("state"), "").unwrap();
        let store = Store::in_folder(&dir.join("state"), None);
        let e = store
            .save(&BTreeSet::from(["a".to_string()]))
            .unwrap_err()
            .full;
        assert!(e.starts_with("cannot save marks to "), "{e}");
    }
}
