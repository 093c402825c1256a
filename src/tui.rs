//! The interactive browser's entry point: takes a loaded, validated timeline and runs the
//! terminal UI until the user quits, restoring the terminal on every way out.

use crate::model::{Diagnostic, Timeline};
use crate::query::{Filter, Index};

/// What the browser opens with. Everything here was loaded and checked before the terminal
/// changed mode.
pub struct Launch<'t, 'a> {
    /// The file name as given (or the bundled file's name), for the title bar.
    pub name: &'t str,
    pub timeline: &'t Timeline<'a>,
    pub index: &'t Index,
    /// Filters from `--speaker`, `--round`, `--search`, already resolved.
    pub filter: Filter,
    /// Warnings from loading, shown in the footer.
    pub warnings: &'t [Diagnostic],
}

/// Runs the browser. Placeholder until the browser lands.
pub fn run(launch: &Launch<'_, '_>) -> std::io::Result<()> {
    let _ = (
        launch.name,
        launch.timeline,
        launch.index,
        &launch.filter,
        launch.warnings,
    );
    Err(std::io::Error::other(
        "the interactive browser is not built yet; use `list` or `export`",
    ))
}
