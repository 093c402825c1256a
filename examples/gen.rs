//! Generates a realistic synthetic timeline, for benchmarks and stress tests.
//!
//! ```sh
//! cargo run --release --example gen -- --events 100000 > big.ron
//! cargo run --release --example gen -- --events 100000 --format json > big.json
//! ```
//!
//! See `--help`, and `examples/gen/lib.rs` for the generator itself.

#[path = "gen/lib.rs"]
mod generator;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let opts = match generator::parse_args(std::env::args().skip(1)) {
        Ok(generator::Command::Run(opts)) => opts,
        Ok(generator::Command::Help) => {
            // A closed pipe (`gen --help | head -1`) is not an error worth reporting.
            let _ = io::stdout().write_all(generator::HELP.as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("gen: {msg}\n{}\nTry `--help` for more.", generator::USAGE);
            return ExitCode::from(2);
        }
    };
    let out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match generator::generate(out, &opts) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`gen … | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: cannot write the timeline: {e}");
            ExitCode::FAILURE
        }
    }
}
