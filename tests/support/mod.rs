//! Checks shared by the fuzz targets (`fuzz/`), the property tests and the replay of the fuzz
//! seeds and findings: one definition of what "inert" and "aligned" mean, and the two code
//! paths every untrusted input goes through.
//!
//! - [`screen`]: what a drawn buffer must never hold, and how wide each row must be.
//! - [`generate`]: arbitrary valid timelines, written as RON text for the real loader.
//! - [`cases`]: the fuzz targets' bodies, `load(bytes)` and `render(bytes)`.
//! - [`encode`]: a `render` session written as the bytes the target decodes it from, for seeds.

pub mod cases;
pub mod encode;
pub mod generate;
pub mod screen;
