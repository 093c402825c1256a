//! roundtable: a terminal browser for timelines of negotiations and other news events.
//!
//! Dependencies point one way, `model → query → app → ui`:
//!
//! - [`model`]: the timeline file format: types, reading (RON → types), validation.
//! - [`query`]: filters, search and the indexes built once at load.
//! - [`app`]: the browser's state, its actions and key table; the only place state changes.
//! - [`ui`]: draws an [`app::App`] by reference, one file per part of the screen.
//! - [`cli`]: the headless commands `check`, `list` and `export`.

pub mod app;
pub mod cli;
pub mod model;
pub mod query;
pub mod tui;
pub mod ui;
