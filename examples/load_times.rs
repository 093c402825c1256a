//! Loads a timeline file N times in one process and prints the fastest and median time of
//! `model::load_str` (and `Index::build` with a third argument): a program to run under a
//! profiler (`valgrind --tool=cachegrind --cache-sim=yes`, `perf record`), where the
//! benchmark's many iterations and generated text get in the way.
//!
//! ```sh
//! cargo build --release --example load_times
//! target/release/examples/load_times FILE.ron [N=5] [index]
//! ```

use std::time::Instant;

use roundtable::model;
use roundtable::query::Index;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: load_times FILE.ron [N] [index]");
        std::process::exit(2);
    };
    let n: usize = args.next().map_or(5, |s| s.parse().expect("N is a number"));
    let index = args.next().is_some();
    let text = std::fs::read_to_string(&path).expect("the file reads as UTF-8");
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        let loaded = model::load_str(&text).expect("the file loads");
        let indexes = index.then(|| Index::build(&loaded.timeline));
        times.push(start.elapsed().as_secs_f64() * 1e3);
        // Freed outside the timing, as the benchmark frees what it returns.
        drop(indexes);
        drop(loaded);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "fastest {:.1} ms, median {:.1} ms ({n} loads)",
        times[0],
        times[times.len() / 2]
    );
}
