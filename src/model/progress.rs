//! How far a long load has got, shared by the threads doing it and whoever shows it; and the
//! flag that asks them to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering::Relaxed};

/// What a load is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file's bytes from disk ([`super::read_file_with`]); `read` of `total`
    /// bytes counts it. The stage a new [`Progress`] starts in.
    Reading,
    /// Parsing the RON text into records ([`super::load_with`]); `events` counts it.
    Parsing,
    /// Validating the parsed timeline against FORMAT.md "Validation" ([`super::load_with`]).
    Checking,
    /// Building the query indexes, set by the caller that builds them, not by this module.
    Indexing,
    /// The load is over, successful or not; whoever shows progress stops.
    Done,
}

/// Counters updated while loading. All reads are approximate snapshots.
#[derive(Debug)]
pub struct Progress {
    /// Size of the file being read, in bytes.
    pub total: AtomicU64,
    /// Bytes read so far.
    pub read: AtomicU64,
    /// Events parsed so far.
    pub events: AtomicU64,
    stage: AtomicU8,
    /// Set (by a signal handler, say) to ask the load to stop; shared as an `Arc` so that it
    /// can be registered with a signal handler directly.
    pub cancel: Arc<AtomicBool>,
}

impl Progress {
    /// All counters at 0, at [`Stage::Reading`], not cancelled; shared as an `Arc` between the
    /// loading threads and the display.
    #[must_use]
    pub fn new() -> Arc<Self> {
        Arc::new(Progress {
            total: AtomicU64::new(0),
            read: AtomicU64::new(0),
            events: AtomicU64::new(0),
            stage: AtomicU8::new(Stage::Reading as u8),
            cancel: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The stage last set with [`Progress::set_stage`] (a relaxed read).
    #[must_use]
    pub fn stage(&self) -> Stage {
        match self.stage.load(Relaxed) {
            0 => Stage::Reading,
            1 => Stage::Parsing,
            2 => Stage::Checking,
            3 => Stage::Indexing,
            _ => Stage::Done,
        }
    }

    /// Records that the load has moved on to `stage`.
    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Relaxed);
    }

    /// True once [`Progress::cancel`] was called or the `cancel` flag was set directly.
    /// Never reset.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Relaxed)
    }

    /// Asks the load to stop. Readers and parsers notice at their next check (after every
    /// 16 MiB read and every event parsed) and return an error the caller should discard.
    pub fn cancel(&self) {
        self.cancel.store(true, Relaxed);
    }
}
