//! A loaded document: a timeline file's text, the timeline read from it (whose strings borrow
//! from that text, zero-copy), its load warnings and its indexes, owned together as one value
//! (the `self_cell` crate ties the borrow to the owner without unsafe code). The browser holds
//! one and can replace it by another when the file changes.

use std::sync::Arc;

use crate::model::{self, Diagnostic, Loaded, Progress, Stage, Timeline, Zone};

use super::Index;

self_cell::self_cell!(
    /// The text and what was loaded from it.
    struct Cell {
        owner: String,
        #[covariant]
        dependent: Loaded,
    }
);

/// A timeline file loaded and indexed, owning its text.
pub struct Document {
    cell: Cell,
    index: Index,
    name: String,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("name", &self.name)
            .field("bytes", &self.text().len())
            .field("events", &self.timeline().events.len())
            .finish_non_exhaustive()
    }
}

/// A text that did not load: the text back, and every problem found in it (errors and
/// warnings, with offsets into the text; render them with [`model::diag::render`]).
#[derive(Debug)]
pub struct Failed {
    /// The file name, as given.
    pub name: String,
    /// The text that was read.
    pub text: String,
    /// Every problem, as [`model::load_str`] reports them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Loads `text` (read from the file called `name`) as [`model::load_str`] does, and builds
    /// its [`Index`]. `Err` when it has errors.
    pub fn load(name: impl Into<String>, text: String) -> Result<Self, Box<Failed>> {
        Self::load_with(name, text, None)
    }

    /// [`Document::load`], counting in `progress` and stopping when it is cancelled (see
    /// [`model::load_with`]; the result is then an error to be ignored).
    pub fn load_with(
        name: impl Into<String>,
        text: String,
        progress: Option<&Arc<Progress>>,
    ) -> Result<Self, Box<Failed>> {
        Self::load_in(name, text, progress, Zone::Utc)
    }

    /// [`Document::load_with`], with events in order for dates read in `zone`
    /// ([`model::load_in`]); the document keeps the zone ([`Document::zone`]).
    pub fn load_in(
        name: impl Into<String>,
        text: String,
        progress: Option<&Arc<Progress>>,
        zone: Zone,
    ) -> Result<Self, Box<Failed>> {
        let name = name.into();
        match Cell::try_new_or_recover(text, |text| model::load_in(text, progress, zone)) {
            Ok(cell) => {
                if let Some(p) = progress {
                    p.set_stage(Stage::Indexing);
                }
                let index = Index::build(&cell.borrow_dependent().timeline);
                Ok(Document { cell, index, name })
            }
            Err((text, diagnostics)) => Err(Box::new(Failed {
                name,
                text,
                diagnostics,
            })),
        }
    }

    /// The timeline.
    #[must_use]
    pub fn timeline(&self) -> &Timeline<'_> {
        &self.cell.borrow_dependent().timeline
    }

    /// The warnings found while loading (never errors: a document has none).
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.cell.borrow_dependent().warnings
    }

    /// The text the timeline was read from (a leading byte-order mark included).
    #[must_use]
    pub fn text(&self) -> &str {
        self.cell.borrow_owner()
    }

    /// The indexes built at load.
    #[must_use]
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The zone the events are in order for, and so the one to show dates in.
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.cell.borrow_dependent().zone
    }

    /// The file name, as given (or the bundled file's name).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owns_its_text_and_reads_back_what_it_loaded() {
        let doc = Document::load("bundled", model::BUNDLED.to_string()).unwrap();
        assert_eq!(doc.name(), "bundled");
        assert_eq!(doc.text(), model::BUNDLED);
        assert!(!doc.timeline().events.is_empty());
        assert_eq!(doc.index().first_claim.len(), doc.timeline().events.len());
        // The strings borrow from the owned text: no copy was made.
        let title: &str = &doc.timeline().title;
        let range = doc.text().as_bytes().as_ptr_range();
        assert!(range.contains(&title.as_ptr()));
    }

    #[test]
    fn a_text_with_errors_gives_them_all_back() {
        let failed = Document::load("bad.ron", "Timeline(title: 3)".to_string()).unwrap_err();
        assert_eq!(failed.name, "bad.ron");
        assert_eq!(failed.text, "Timeline(title: 3)");
        assert!(failed.diagnostics.iter().any(Diagnostic::is_error));
    }
}
