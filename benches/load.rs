//! Loading a timeline, beside `serde_json` reading the same content into the same types.
//!
//! ```sh
//! cargo bench --bench load                                 # 1k, 10k and 100k events
//! ROUNDTABLE_BENCH_MAX=10000 cargo bench --bench load      # a quick run: 1k and 10k
//! ```
//!
//! What is measured, for the generator's timeline (seed 1) of each size:
//!
//! - `load`: what opening a file costs once its text is in memory: [`model::load_str`]
//!   (read, check every value, resolve every reference, sort into timeline order) and
//!   [`Index::build`];
//! - `read_file`: reading the RON file from disk (from the page cache, after the first time),
//!   with the checks `model::read_file` makes; add it to `load` for the time from disk;
//! - `parse`, `parse_one_thread`: our reader alone, without validation or indexes, on every
//!   core and on one;
//! - `serde_json`: the reference: `serde_json::from_str` of the generator's JSON of the same
//!   content into the same `Timeline` types (`model::from_json`, `src/model/de.rs`), borrowing
//!   unescaped strings as our reader does and keeping where each reference stands, as ours do;
//!   it checks syntax, field names and `when` values, nothing else;
//! - `serde_json_then_validate`: the same followed by the validation and indexes `load` does,
//!   the like-for-like comparison of a whole load.
//!
//! - `statement_index`: making every statement's row, as `statements` does (not in `load`).
//!
//! Outputs are dropped outside the measured time (divan defers their drop).

mod common;

use common::Format;
use divan::Bencher;
use roundtable::model;
use roundtable::query::Index;

/// The sizes to measure (`ROUNDTABLE_BENCH_MAX` caps them).
fn sizes() -> Vec<usize> {
    common::sizes(&[1_000, 10_000, 100_000])
}

fn main() {
    // Made before measuring starts, so that its progress does not interleave with the table.
    if common::setup_first() {
        for events in sizes() {
            let _ = common::text(events, Format::Ron);
            let _ = common::text(events, Format::Json);
            let _ = common::file(events);
        }
    }
    divan::main();
    common::remove_files();
}

#[divan::bench(args = sizes(), max_time = 4)]
fn load(bencher: Bencher<'_, '_>, events: usize) {
    let text = common::text(events, Format::Ron);
    bencher.bench(|| {
        let loaded = model::load_str(text).expect("the generated timeline loads");
        let index = Index::build(&loaded.timeline);
        (loaded, index)
    });
}

#[divan::bench(args = sizes(), max_time = 4)]
fn read_file(bencher: Bencher<'_, '_>, events: usize) {
    let path = common::file(events);
    bencher
        .bench(|| model::read_file(path, model::read::DEFAULT_MAX_SIZE).expect("the file reads"));
}

#[divan::bench(args = sizes(), max_time = 4)]
fn parse(bencher: Bencher<'_, '_>, events: usize) {
    let text = common::text(events, Format::Ron);
    bencher.bench(|| model::parse::parse(text));
}

#[divan::bench(args = sizes(), max_time = 4)]
fn parse_one_thread(bencher: Bencher<'_, '_>, events: usize) {
    let text = common::text(events, Format::Ron);
    bencher.bench(|| model::parse::parse_with_threads(text, 1));
}

#[divan::bench(args = sizes(), max_time = 4)]
fn serde_json(bencher: Bencher<'_, '_>, events: usize) {
    let json = common::text(events, Format::Json);
    bencher.bench(|| model::from_json(json).expect("the generated JSON reads"));
}

#[divan::bench(args = sizes(), max_time = 4)]
fn serde_json_then_validate(bencher: Bencher<'_, '_>, events: usize) {
    let json = common::text(events, Format::Json);
    bencher.bench(|| {
        let mut t = model::from_json(json).expect("the generated JSON reads");
        let diags = model::validate::validate(&mut t, json);
        assert!(diags.is_empty());
        let index = Index::build(&t);
        (t, index)
    });
}

/// Making the row of every statement (`query::statement::all`), what the `statements`
/// command does for an unfiltered run; not part of `load` (the index keeps only each event's
/// first claim number, from which any row is found), to set beside it.
#[divan::bench(args = sizes(), max_time = 4)]
fn statement_index(bencher: Bencher<'_, '_>, events: usize) {
    let text = common::text(events, Format::Ron);
    let loaded = model::load_str(text).expect("the generated timeline loads");
    bencher.bench(|| roundtable::query::statement::all(&loaded.timeline));
}
