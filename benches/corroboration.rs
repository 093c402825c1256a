//! Corroboration groups (`query::corroboration`, FORMAT.md "Corroboration"), which
//! `Index::build` computes once at load: the time to build them for the generator's timeline
//! (seed 1) of each size, as claims per second, so that linear growth shows as a flat rate.
//!
//! ```sh
//! cargo bench --bench corroboration                              # 1k, 10k and 100k events
//! ROUNDTABLE_BENCH_MAX=10000 cargo bench --bench corroboration   # a quick run
//! ```
//!
//! The generator joins about 10% of claims to another by `confirms` and gives 15% an `also`
//! (`examples/gen/rates.rs`): the groups that need counting, not only the lone claims the
//! build passes over.

mod common;

use divan::Bencher;
use divan::counter::ItemsCount;
use roundtable::query::corroboration::Corroboration;

/// The sizes to measure (`ROUNDTABLE_BENCH_MAX` caps them).
fn sizes() -> Vec<usize> {
    common::sizes(&[1_000, 10_000, 100_000])
}

fn main() {
    // Loaded before measuring starts, so that setup does not interleave with the table.
    if common::setup_first() {
        for events in sizes() {
            let t = common::fixture(events).timeline();
            let groups = Corroboration::build(t);
            let joined = (0..t.claims.len())
                .filter(|&i| groups.group(i).members.len() > 1)
                .count();
            eprintln!(
                "setup: {events} events: {} claims in {} groups, {joined} claims in groups of \
                 several",
                t.claims.len(),
                groups.len()
            );
        }
    }
    divan::main();
}

#[divan::bench(args = sizes(), max_time = 4)]
fn build(bencher: Bencher<'_, '_>, events: usize) {
    let t = common::fixture(events).timeline();
    bencher
        .counter(ItemsCount::new(t.claims.len()))
        .bench(|| Corroboration::build(t));
}
