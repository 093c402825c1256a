//! The fuzz targets' bodies live with the tests (`tests/support/`), so that the replay test
//! (`tests/fuzz_replay.rs`) runs every seed and finding through exactly the same code on
//! stable Rust.

// The support also holds what only the tests use (the seed writer, session summaries).
#[allow(dead_code)]
#[path = "../../tests/support/mod.rs"]
mod support;

pub use support::cases::{import_acled, import_timelinejs, import_timelinejs_csv, load, render};
pub use support::screen::check_buffer;
