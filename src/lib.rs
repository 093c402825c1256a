//! roundtable: a terminal browser for timelines of negotiations and other news events.
//!
//! Dependencies point one way, `model → query → report → app → ui`:
//!
//! - [`model`]: the timeline file format: types, reading (RON → types), validation.
//! - [`query`]: filters, search, statements, attribution and corroboration, and the indexes
//!   built once at load.
//! - [`report`]: what `query` decides, written as Markdown for people to read elsewhere.
//! - [`app`]: the browser's state, its actions and key table; the only place state changes.
//! - [`ui`]: draws an [`app::App`] by reference, one file per part of the screen.
//! - [`cli`]: the headless commands `check`, `list`, `statements`, `export` and `import`,
//!   and `config`, `completions` and `man`.
//! - [`config`]: the config file (keys, theme, display), read by `cli` before the terminal
//!   is touched, into the key table and theme that `app` and `ui` are given.
//! - [`import`]: timelines made from other formats (TimelineJS, ACLED), for `import`.
//! - [`clipboard`]: copying for the browser, by the system clipboard or OSC 52.
//! - [`follow`]: following the browser's file as it is saved, and loading each new version.
//! - [`marks`]: the marks file of each timeline, under the XDG state directory.

pub mod app;
pub mod cli;
pub mod clipboard;
#[cfg(test)]
mod closing;
pub mod config;
pub mod follow;
pub mod import;
pub mod marks;
pub mod model;
pub mod query;
pub mod report;
pub mod tui;
pub mod ui;
