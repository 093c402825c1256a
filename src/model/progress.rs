//! How far a long load has got, shared by the threads doing it and whoever shows it; and the
//! flag that asks them to stop.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering::Relaxed};

/// What a load is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Parsing,
    Checking,
    Indexing,
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

    pub fn set_stage(&self, stage: Stage) {
        self.stage.store(stage as u8, Relaxed);
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Relaxed)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Relaxed);
    }
}
