//! What the benchmarks share: generated timelines, made once per size and process, and the
//! sizes to run (`ROUNDTABLE_BENCH_MAX` leaves out the larger ones for a quick run).
//!
//! Every timeline is leaked on purpose: it lives as long as the benchmark process, so that
//! loaded records can borrow from it as `'static` and no benchmark pays for making it.

// Each benchmark uses part of this module (and of the generator).
#![allow(dead_code)]

#[allow(dead_code)]
#[path = "../../examples/gen/lib.rs"]
mod generator;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

pub use generator::Format;
use roundtable::app::{Action, App};
use roundtable::model::{self, Timeline};
use roundtable::query::document::Document;
use roundtable::query::{Filter, Index};

/// Whether divan was asked to run each benchmark once as a test (`cargo test --benches`).
fn testing() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// Whether the timelines are needed before measuring starts: not to list the benchmarks or
/// print help, nor to run them once as tests (each then makes what it needs when it starts).
#[must_use]
pub fn setup_first() -> bool {
    !testing() && !std::env::args().any(|a| matches!(a.as_str(), "--list" | "--help" | "-h"))
}

/// The sizes in `all` that are at most `ROUNDTABLE_BENCH_MAX` (every one when it is unset).
#[must_use]
pub fn sizes(all: &[usize]) -> Vec<usize> {
    let max = std::env::var("ROUNDTABLE_BENCH_MAX")
        .ok()
        .and_then(|v| v.replace('_', "").parse::<usize>().ok())
        .unwrap_or(usize::MAX);
    if testing() {
        // Each benchmark is run once to show that it works: the smallest size does.
        return all.iter().copied().min().into_iter().collect();
    }
    all.iter().copied().filter(|&n| n <= max).collect()
}

/// Runs `make` once per key for the whole process, keeping what it returns forever.
fn once<K: Ord, T: Send + Sync>(
    cache: &'static Mutex<BTreeMap<K, &'static T>>,
    key: K,
    make: impl FnOnce() -> T,
) -> &'static T {
    let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .entry(key)
        .or_insert_with(|| Box::leak(Box::new(make())))
}

/// Says on stderr how long a piece of setup took (it is not part of any measurement).
fn timed<T>(what: &str, make: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = make();
    eprintln!("setup: {what} in {:.1} s", start.elapsed().as_secs_f64());
    out
}

/// The generator's timeline of `events` events (seed 1), as RON or JSON text.
#[must_use]
pub fn text(events: usize, format: Format) -> &'static str {
    static CACHE: Mutex<BTreeMap<(usize, bool), &'static String>> = Mutex::new(BTreeMap::new());
    let key = (events, format == Format::Json);
    let text = once(&CACHE, key, || generate(events, format));
    text.as_str()
}

/// Generates the timeline's text, not kept (see [`text`] for one kept per process).
fn generate(events: usize, format: Format) -> String {
    timed(&format!("generated {events} events as {format:?}"), || {
        // About 2.4 KB an event: reserving it up front spares a copy of gigabytes.
        let mut out = Vec::with_capacity(events * 2600 + (1 << 20));
        let opts = generator::Options {
            events,
            seed: 1,
            format,
        };
        generator::generate(&mut out, &opts).expect("writing to memory cannot fail");
        String::from_utf8(out).expect("the generator writes UTF-8")
    })
}

static FILES: Mutex<BTreeMap<usize, &'static PathBuf>> = Mutex::new(BTreeMap::new());

/// The generator's RON of `events` events in a file (written once per process).
#[must_use]
pub fn file(events: usize) -> &'static Path {
    let path = once(&FILES, events, || {
        let path = std::env::temp_dir().join(format!(
            "roundtable-bench-{}-{events}.ron",
            std::process::id()
        ));
        std::fs::write(&path, text(events, Format::Ron)).expect("writing the temporary file");
        path
    });
    path.as_path()
}

/// Removes the files [`file`] wrote.
pub fn remove_files() {
    let files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
    for path in files.values() {
        // Best effort: a file left in the temporary folder harms nothing.
        let _ = std::fs::remove_file(path);
    }
}

/// A loaded, indexed timeline, owning the text it was loaded from, as the browser holds it.
pub struct Fixture {
    pub doc: Arc<Document>,
}

/// The generator's timeline of `events` events, loaded and indexed once per process.
#[must_use]
pub fn fixture(events: usize) -> &'static Fixture {
    static CACHE: Mutex<BTreeMap<usize, &'static Fixture>> = Mutex::new(BTreeMap::new());
    once(&CACHE, events, || {
        // Its own text, handed to the document (a copy of the cached one would double it).
        let text = generate(events, Format::Ron);
        timed(&format!("loaded {events} events"), || {
            let doc = Document::load("gen.ron", text).unwrap_or_else(|failed| {
                panic!(
                    "{}",
                    model::diag::render("gen.ron", &failed.text, &failed.diagnostics)
                )
            });
            Fixture { doc: Arc::new(doc) }
        })
    })
}

impl Fixture {
    /// The timeline.
    #[must_use]
    pub fn timeline(&self) -> &Timeline<'_> {
        self.doc.timeline()
    }

    /// Its indexes.
    #[must_use]
    pub fn index(&self) -> &Index {
        self.doc.index()
    }

    /// The text it was loaded from.
    #[must_use]
    pub fn text(&self) -> &str {
        self.doc.text()
    }

    /// The browser on this timeline, in a 160×50 terminal, nothing filtered or searched, and
    /// the lists that a thread makes after the load (outlets, relays, the speakers' flagged
    /// statements) made, as they are a moment after a load: the benches measure key presses,
    /// not key presses sharing the machine with that thread (at 1M it runs for seconds, longer
    /// than a bench of 100 samples of 0.2 ms).
    #[must_use]
    pub fn app(&self) -> App {
        let (t, index) = (self.doc.timeline(), self.doc.index());
        let _ = (index.outlets(t), index.relays(t), index.spoken_flags(t));
        let mut app = App::new(Arc::clone(&self.doc), &Filter::default());
        app.update(Action::Resize {
            width: 160,
            height: 50,
        });
        app
    }

    /// The name of the participant who speaks or makes claims in the most events.
    #[must_use]
    pub fn busiest_speaker(&self) -> &str {
        let (who, _) = self
            .index()
            .speaking
            .iter()
            .enumerate()
            .max_by_key(|(_, s)| s.events.len())
            .expect("the generator makes participants");
        &self.timeline().participants[who].name
    }
}
