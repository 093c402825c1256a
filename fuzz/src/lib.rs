//! The fuzz targets' bodies live with the tests (`tests/support/`), so that the replay test
//! (`tests/fuzz_replay.rs`) runs every seed and finding through exactly the same code on
//! stable Rust.

#[path = "../../tests/support/mod.rs"]
mod support;

pub use support::cases::{load, render};
pub use support::screen::check_buffer;
