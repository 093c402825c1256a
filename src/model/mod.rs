//! The timeline file format, version 1: types, reading, validation and diagnostics.
//!
//! Nothing here knows about terminals: the headless commands and the browser both start from
//! [`load_str`] or [`read_file`] + [`load_str`].

#![warn(missing_docs)]

mod de;
pub mod diag;
pub mod escape;
pub mod json;
pub mod labels;
pub mod lang;
pub mod parse;
pub mod progress;
pub mod read;
mod republish;
mod resolve;
pub mod ron_writer;
pub mod span;
pub mod suggest;
pub mod types;
pub mod validate;
pub mod when;
pub mod write;
pub mod zone;

pub use de::from_json;
pub use diag::{Diagnostic, Severity};
pub use progress::{Progress, Stage};
pub use read::{ReadError, read_file, read_file_with};
pub use types::*;
pub use when::{Precision, When};
pub use zone::Zone;

/// The timeline that ships inside the binary, opened when no file is given.
pub const BUNDLED: &str = include_str!("../../data/istanbul-2025.ron");

/// The name diagnostics use for the bundled timeline.
pub const BUNDLED_NAME: &str = "data/istanbul-2025.ron";

/// A timeline that loaded, with the warnings found in it.
#[derive(Debug)]
pub struct Loaded<'a> {
    /// The parsed and validated timeline, borrowing its strings from the loaded text.
    pub timeline: Timeline<'a>,
    /// Every diagnostic found, all of them [`Severity::Warning`], in the order found (not
    /// sorted by offset: [`diag::render`] sorts them); offsets index the loaded text.
    pub warnings: Vec<Diagnostic>,
    /// The zone the events were put in order for ([`When::begins_in`]), and so the one their
    /// dates must be shown in for a column to read in order; UTC unless [`load_in`] was given
    /// another.
    pub zone: Zone,
}

/// Reads and validates a timeline from text: RON as FORMAT.md gives it, or JSON as `export
/// --format json` writes it (told apart by [`json::looks_like`]; read by [`json::read`], which
/// stops at the first syntax error). `Err` holds every problem found (errors and warnings),
/// with byte offsets into `text`; render them with [`diag::render`].
pub fn load_str(text: &str) -> Result<Loaded<'_>, Vec<Diagnostic>> {
    load_with(text, None)
}

/// [`load_str`], counting parsed events in `progress` and stopping early when it is
/// cancelled (the result is then an error to be ignored: check [`Progress::is_cancelled`]).
pub fn load_with<'a>(
    text: &'a str,
    progress: Option<&std::sync::Arc<Progress>>,
) -> Result<Loaded<'a>, Vec<Diagnostic>> {
    load_in(text, progress, Zone::Utc)
}

/// [`load_with`], with the events in order for dates read in `zone` (see [`zone`]): in UTC
/// exactly FORMAT.md's order; elsewhere a date without a time of day begins at the zone's
/// midnight.
pub fn load_in<'a>(
    text: &'a str,
    progress: Option<&std::sync::Arc<Progress>>,
    zone: Zone,
) -> Result<Loaded<'a>, Vec<Diagnostic>> {
    if let Some(p) = progress {
        p.set_stage(Stage::Parsing);
    }
    let (mut timeline, mut diags) = if json::looks_like(text) {
        json::read(text).map_err(|e| vec![e])?
    } else {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        match parse::parse_with(text, threads, progress.cloned()) {
            (Some(timeline), diags) => (timeline, diags),
            (None, diags) => return Err(diags),
        }
    };
    if let Some(p) = progress {
        p.set_stage(Stage::Checking);
    }
    diags.extend(validate::validate_in(&mut timeline, text, zone));
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok(Loaded {
            timeline,
            warnings: diags,
            zone,
        })
    }
}
