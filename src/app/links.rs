//! The detail pane's links: every quote and claim it shows is one (the selected event's own, the
//! members of a corroboration group, the claims on the other side of a dispute). `Tab` steps
//! through them as a web page's links are stepped through, and out of the pane after the last;
//! `Enter` follows one to its statement, in whichever event it is; `Ctrl-o` comes back, as in
//! vim. `y` copies the selected link's statement, or the selected row's, with its citation.

use super::view::{Place, View};
use super::{App, Pane, detail};
use crate::query::statement::StatementRef;

/// One link of the detail pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The first line of the pane (0-based, before scrolling) that shows it.
    pub line: usize,
    /// The statement it leads to.
    pub target: StatementRef,
}

/// How many places `Ctrl-o` remembers.
const JUMPS: usize = 100;

impl App {
    /// The selected statement: the detail pane's selected link, else the selected row of the
    /// statements view.
    #[must_use]
    pub fn selected_statement(&self) -> Option<StatementRef> {
        self.link
            .and_then(|k| self.links().get(k).map(|l| l.target))
            .or_else(|| self.statement_at(self.selected))
    }

    /// The selected link (an index into the detail pane's links), if one is.
    #[must_use]
    pub fn link(&self) -> Option<usize> {
        self.link
    }

    /// Whether the detail pane, as it is drawn now, has a link to step to.
    #[must_use]
    pub fn has_links(&self) -> bool {
        !self.links().is_empty()
    }

    fn links(&self) -> Vec<Link> {
        let width = usize::from(self.detail_area().width);
        detail::document_with_links(self, width).1
    }

    /// Selects the next (or previous) link; past the last (or back from the pane itself,
    /// no link selected), leaves the pane for the timeline, as focus leaves a web page's last
    /// link.
    pub(crate) fn step_link(&mut self, forward: bool) {
        let links = self.links();
        let next = match (self.link, forward) {
            (None, true) => Some(0),
            (Some(k), true) => Some(k + 1),
            (None, false) => None,
            (Some(k), false) => k.checked_sub(1),
        }
        .filter(|&k| k < links.len());
        self.link = next;
        match next {
            Some(k) => {
                self.focus = Pane::Detail;
                self.show_line(links[k].line);
            }
            None => self.focus = Pane::Timeline,
        }
    }

    /// Scrolls the detail pane so that `line` is on screen, moving as little as it can.
    fn show_line(&mut self, line: usize) {
        let h = usize::from(self.detail_area().height).max(1);
        if line < self.detail_scroll {
            self.detail_scroll = line;
        } else if line >= self.detail_scroll + h {
            self.detail_scroll = line + 1 - h;
        }
    }

    /// Follows the selected link: selects its statement's row in the statements view, or its
    /// event (with the link on it) in the events view. Remembers where it came from.
    pub(crate) fn follow_link(&mut self) {
        let Some(target) = self
            .link
            .and_then(|k| self.links().get(k).map(|l| l.target))
        else {
            self.message = Some("no link selected: Tab steps to the next quote or claim".into());
            return;
        };
        let Some(from) = self.place() else {
            return;
        };
        let from = (from, self.link.and(Some(target)));
        let to = Place {
            event: target.event,
            statement: Some(target),
        };
        if self.view == View::Statements && self.statement_at(self.selected) == Some(target) {
            self.message = Some(format!("this {} is the one selected", kind(target)));
            return;
        }
        if !self.go_to(to) {
            self.message = Some(format!(
                "that {} is hidden by the filter ({} clears it)",
                kind(target),
                self.keys.label_of("back")
            ));
            return;
        }
        self.jumps.push(from);
        if self.jumps.len() > JUMPS {
            self.jumps.remove(0);
        }
        self.land_on(target);
        let e = &self.doc.timeline().events[target.event as usize];
        self.message = Some(format!(
            "went to the {} in “{}” · Ctrl-o goes back",
            kind(target),
            super::text::line(&e.title)
        ));
    }

    /// Goes back to where the last link was followed from.
    pub(crate) fn jump_back(&mut self) {
        let Some((p, link)) = self.jumps.pop() else {
            self.message = Some("no earlier place: Enter on a link goes to it first".into());
            return;
        };
        if !self.go_to(p) {
            self.message = Some("that place is hidden by the filter now".into());
            return;
        }
        if let Some(at) = link {
            self.land_on(at);
        }
        self.message = Some("back".into());
    }

    /// After selecting `at`'s event or row: puts the link on `at` in the detail pane, when it
    /// is one there, and scrolls to it (in the statements view, a row's own statement is not
    /// a link: nothing to do).
    fn land_on(&mut self, at: StatementRef) {
        if self.statement_at(self.selected) != Some(at) {
            let links = self.links();
            self.link = links.iter().position(|l| l.target == at);
            if let Some(k) = self.link {
                self.focus = Pane::Detail;
                self.show_line(links[k].line);
            }
        }
    }

    /// Copies the selected statement with its citation.
    pub(crate) fn copy_statement(&mut self) {
        let Some(at) = self.selected_statement() else {
            self.message = Some(format!(
                // Short enough for an 80-column footer beside its help hint.
                "no quote or claim selected: {} lists them, {} picks one in Detail",
                self.keys.label_of("toggle_view"),
                self.keys.label_of("next_link")
            ));
            return;
        };
        self.copy = Some(crate::report::citation::citation(
            self.doc.timeline(),
            self.doc.index(),
            at,
        ));
        // Which statement, by whom: the selected link may not be the selected row.
        let who =
            crate::query::statement::Statement::read(self.doc.timeline(), self.doc.index(), at)
                .who
                .name()
                .to_string();
        self.copied = format!(
            "{}’s {} with its citation",
            super::text::line(&who),
            at.kind().name()
        );
    }
}

fn kind(at: StatementRef) -> &'static str {
    at.kind().name()
}
