//! Which list the main pane shows, events or statements (quotes and claims as rows of their
//! own), and keeping the selection on the same event or statement when that list changes.
//!
//! Rows are indices into the list of the view in force: `shown` (events) or `stmts`
//! (statements of the shown events, in timeline order; see `rows`). The window, round jumps,
//! search and the selection all count in rows, so they work alike in both views.

use super::App;
use super::rows::StatementRows;
use super::search::Search;
use crate::query::Index;
use crate::query::statement::StatementRef;

/// What the main pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One row per event.
    #[default]
    Events,
    /// One row per quote or claim, grouped by round like the events.
    Statements,
}

impl View {
    /// The pane's name, as its frame shows it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            View::Events => "Timeline",
            View::Statements => "Statements",
        }
    }

    /// What one row is, singular and plural: `event`, `statements`.
    #[must_use]
    pub fn unit(self, n: usize) -> &'static str {
        match (self, n) {
            (View::Events, 1) => "event",
            (View::Events, _) => "events",
            (View::Statements, 1) => "statement",
            (View::Statements, _) => "statements",
        }
    }
}

/// Where the selection is: an event, and one of its statements when one is selected. Held by
/// position and not by row, so that it survives a change of view or filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Timeline position of the event.
    pub event: u32,
    /// A quote or claim of that event.
    pub statement: Option<StatementRef>,
}

impl App {
    /// The view in force.
    #[must_use]
    pub fn view(&self) -> View {
        self.view
    }

    /// How many rows the main pane's list has.
    #[must_use]
    pub fn len(&self) -> usize {
        match self.view {
            View::Events => self.shown.len(),
            View::Statements => self.stmts.len(),
        }
    }

    /// Whether the main pane's list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Timeline position of the event of row `i`. Panics if `i >= len()`.
    #[must_use]
    pub fn pos_at(&self, i: usize) -> u32 {
        match self.view {
            View::Events => self.shown[i],
            View::Statements => self.statement_at(i).expect("a row within len()").event,
        }
    }

    /// The statement of row `i` in the statements view; `None` in the events view or past the
    /// end.
    #[must_use]
    pub fn statement_at(&self, i: usize) -> Option<StatementRef> {
        match self.view {
            View::Events => None,
            View::Statements => self.stmts.get(self.doc.timeline(), &self.shown, i),
        }
    }

    /// The rows of the statements view, in order: the statements of the shown events that
    /// pass the filter's statement parts, in timeline order. Empty in the events view.
    #[must_use]
    pub fn statements(&self) -> impl ExactSizeIterator<Item = StatementRef> + '_ {
        let n = match self.view {
            View::Events => 0,
            View::Statements => self.len(),
        };
        (0..n).map(|i| self.statement_at(i).expect("a row within len()"))
    }

    /// Where the selection is, if anything is shown.
    #[must_use]
    pub fn place(&self) -> Option<Place> {
        (self.selected < self.len()).then(|| Place {
            event: self.pos_at(self.selected),
            statement: self.statement_at(self.selected),
        })
    }

    /// The row that shows `p`, or the nearest after it (clamped to the last row).
    pub(crate) fn row_of(&self, p: Place) -> usize {
        let row = match (self.view, p.statement) {
            (View::Events, _) => self.shown.partition_point(|&s| s < p.event),
            (View::Statements, Some(at)) => {
                self.stmts.row_from(self.doc.timeline(), &self.shown, at)
            }
            (View::Statements, None) => self.stmts.first_row_from(&self.shown, p.event),
        };
        row.min(self.len().saturating_sub(1))
    }

    /// Whether row [`App::row_of`] `p` shows exactly `p` (its event, and its statement when it
    /// has one and the view lists statements).
    pub(crate) fn shows(&self, p: Place) -> bool {
        let row = self.row_of(p);
        row < self.len()
            && self.pos_at(row) == p.event
            && (self.view == View::Events
                || p.statement
                    .is_none_or(|s| self.statement_at(row) == Some(s)))
    }

    /// Rebuilds the rows of the view in force from `shown`, with their round groups and search
    /// hits, and selects `keep` (or the nearest row after it).
    pub(crate) fn rebuild(&mut self, keep: Option<Place>) {
        self.stmts = match self.view {
            View::Events => StatementRows::default(),
            View::Statements => statement_rows(self),
        };
        self.group_rounds();
        if let Some(mut s) = self.search.take() {
            match self.view {
                View::Events => s.restrict(&self.shown),
                View::Statements => self.restrict_statements(&mut s),
            }
            self.search = Some(s);
        }
        let at = keep.map_or(0, |p| self.row_of(p));
        self.top = 0;
        self.selected = usize::MAX;
        self.select(at);
    }

    /// Selects `p` when it is shown; says so and stays put when the filter hides it.
    pub(crate) fn go_to(&mut self, p: Place) -> bool {
        if !self.shows(p) {
            return false;
        }
        self.select(self.row_of(p));
        true
    }

    /// Switches between the events and the statements views, on the same event.
    pub(crate) fn toggle_view(&mut self) {
        let keep = self.place();
        self.view = match self.view {
            View::Events => View::Statements,
            View::Statements => View::Events,
        };
        self.rebuild(keep);
        let n = self.len();
        let mut message = format!("{} view: {n} {}", self.view.name(), self.view.unit(n));
        if let (Some(p), Some(now)) = (keep, self.place())
            && now.event != p.event
        {
            message.push_str(" · the event selected has none; the next one is selected");
        }
        self.message = Some(message);
    }
}

impl App {
    /// Finds where each round's rows begin, walking the shown events (not the rows: an event
    /// holds all its rows, which are contiguous and of one round).
    fn group_rounds(&mut self) {
        let t = self.doc.timeline();
        let rounds = t.rounds.len();
        self.round_starts.clear();
        self.round_first = vec![None; rounds];
        self.round_shown = vec![0; rounds];
        let mut prev: Option<Option<u32>> = None;
        let mut first = 0;
        for (k, &pos) in self.shown.iter().enumerate() {
            let n = match self.view {
                View::Events => 1,
                View::Statements => self.stmts.rows_of_shown(&self.shown, k).len(),
            };
            if n == 0 {
                continue;
            }
            let r = t.events[pos as usize].round.as_ref().map(|r| r.target);
            if prev != Some(r) {
                self.round_starts.push(first);
                prev = Some(r);
            }
            if let Some(r) = r {
                let r = r as usize;
                self.round_first[r].get_or_insert(first);
                self.round_shown[r] += n as u32;
            }
            first += n;
        }
    }

    /// Recomputes `s`'s hits for the statements view's rows.
    pub(crate) fn restrict_statements(&self, s: &mut Search) {
        s.restrict_statements(
            self.doc.timeline(),
            |pos| self.stmts.rows_of(&self.shown, pos),
            |row| self.statement_at(row).expect("a row of an event"),
        );
    }
}

/// The statements of `app`'s shown events that its filter keeps: every one of them, counted
/// per event, unless the filter picks statements.
fn statement_rows(app: &App) -> StatementRows {
    let (t, index, filter) = (app.doc.timeline(), app.doc.index(), &app.filter);
    if !filter.selects_statements() {
        return StatementRows::every(t, &app.shown);
    }
    let mut rows = Vec::new();
    for &pos in &app.shown {
        let e = &t.events[pos as usize];
        rows.extend(
            Index::statements_of(pos, e).filter(|&at| filter.keeps_statement(t, index, at)),
        );
    }
    StatementRows::Listed(rows)
}
