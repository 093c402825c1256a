//! Which list the main pane shows, events or statements (quotes and claims as rows of their
//! own), and keeping the selection on the same event or statement when that list changes.
//!
//! Rows are indices into the list of the view in force: `shown` (events) or the statements of
//! the shown events, in timeline order (see `rows`), made as they are needed (see `list`). The
//! window, round jumps, search and the selection all count in rows, so they work alike in both
//! views.

use super::list::{Input, List};
use super::search::Search;
use super::{App, Overlay, PickerKind};
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

    /// How many rows the main pane's list has (made yet or not: see `list`).
    #[must_use]
    pub fn len(&self) -> usize {
        self.list.total()
    }

    /// One past the last row that can be asked about now: the list's end in the events view,
    /// the last row made in the statements view (whose rows start at the segment's first: see
    /// `list`; every update makes the rows on screen and a screenful around the selection).
    /// Drawing keeps to these, so that a frame drawn taller than the last update made rows for
    /// (the terminal grew, its resize not handled yet) shows fewer rows instead of failing.
    #[must_use]
    pub(crate) fn made(&self) -> usize {
        match self.view {
            View::Events => self.len(),
            View::Statements => self.list.made().min(self.len()),
        }
    }

    /// Whether the main pane's list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Timeline position of the event of row `i`. Panics if `i >= len()`, or, in the
    /// statements view, if row `i` is not made yet: every update makes the rows on screen
    /// and those the selection can move to.
    #[must_use]
    pub fn pos_at(&self, i: usize) -> u32 {
        match self.view {
            View::Events => self.shown()[i],
            View::Statements => self.statement_at(i).expect("a row made").event,
        }
    }

    /// The statement of row `i` in the statements view; `None` in the events view, past the
    /// end, or past the rows made yet (every update makes the rows on screen).
    #[must_use]
    pub fn statement_at(&self, i: usize) -> Option<StatementRef> {
        match self.view {
            View::Events => None,
            View::Statements => self.list.statement(self.input(), i),
        }
    }

    /// The rows of the statements view, in order: the statements of the shown events that
    /// pass the filter's statement parts, in timeline order. Empty in the events view. Read
    /// from the shown events as it goes, whether the view has made those rows yet or not.
    #[must_use]
    pub fn statements(&self) -> impl ExactSizeIterator<Item = StatementRef> + '_ {
        let n = match self.view {
            View::Events => 0,
            View::Statements => self.len(),
        };
        let t = self.doc.timeline();
        let rows = self.shown().iter().flat_map(move |&pos| {
            Index::statements_of(pos, &t.events[pos as usize]).filter(move |&at| self.keeps(at))
        });
        Exact { rows, left: n }
    }

    /// Where the selection is, if anything is shown.
    #[must_use]
    pub fn place(&self) -> Option<Place> {
        (self.selected < self.len()).then(|| Place {
            event: self.pos_at(self.selected),
            statement: self.statement_at(self.selected),
        })
    }

    /// Whether the statements view lists `at`, a statement of a shown event.
    fn keeps(&self, at: StatementRef) -> bool {
        !self.filter.selects_statements()
            || self
                .filter
                .keeps_statement(self.doc.timeline(), self.doc.index(), at)
    }

    /// The row that shows `p`, or the nearest after it (clamped to the last row), making the
    /// rows around it first (see `list`: wherever it is, at most a few hundred events are
    /// counted).
    pub(crate) fn row_of(&mut self, p: Place) -> usize {
        let row = match self.view {
            View::Events => self.shown().partition_point(|&s| s < p.event),
            View::Statements => {
                let (list, input) = self.parts();
                list.reach_event(input, p.event);
                match p.statement {
                    Some(at) => list.row_from(input, at),
                    None => list.first_row_from(input, p.event),
                }
            }
        };
        row.min(self.len().saturating_sub(1))
    }

    /// Whether a row shows exactly `p` (its event, and its statement when it has one and the
    /// view lists statements). Asks the filter, not the rows: nothing is made.
    pub(crate) fn shows(&self, p: Place) -> bool {
        if self.shown().binary_search(&p.event).is_err() {
            return false;
        }
        match (self.view, p.statement) {
            (View::Events, _) => true,
            (View::Statements, Some(at)) => self.keeps(at),
            (View::Statements, None) => {
                let e = &self.doc.timeline().events[p.event as usize];
                Index::statements_of(p.event, e).any(|at| self.keeps(at))
            }
        }
    }

    /// Starts the rows of the view in force afresh from `shown` (none made yet: see `list`),
    /// recomputes the search hits, and selects `keep` (or the nearest row after it).
    pub(crate) fn rebuild(&mut self, keep: Option<Place>) {
        self.list = List::new(self.view, self.input());
        // Counts of the list before, if a thread is still at them: left to end on its own.
        self.rounds = None;
        if let Some(mut s) = self.search.take() {
            self.restrict(&mut s);
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
        let row = self.row_of(p);
        self.select(row);
        true
    }

    /// Switches between the events and the statements views, on the same event.
    pub(crate) fn toggle_view(&mut self) {
        let keep = self.place();
        self.view = match self.view {
            View::Events => View::Statements,
            View::Statements => View::Events,
        };
        if self.nothing_why.is_some() {
            self.explain_nothing();
        }
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
    /// What the list's rows are made from.
    pub(crate) fn input(&self) -> Input<'_> {
        Input {
            t: self.doc.timeline(),
            index: self.doc.index(),
            filter: &self.filter,
            shown: self.shown.positions(self.doc.index()),
            counts: self.shown.statements(self.doc.index()),
            rows: self.shown.rows(self.doc.index()),
        }
    }

    /// The list, to make rows in, and what they are made from.
    pub(crate) fn parts(&mut self) -> (&mut List, Input<'_>) {
        let input = Input {
            t: self.doc.timeline(),
            index: self.doc.index(),
            filter: &self.filter,
            shown: self.shown.positions(self.doc.index()),
            counts: self.shown.statements(self.doc.index()),
            rows: self.shown.rows(self.doc.index()),
        };
        (&mut self.list, input)
    }

    /// Makes rows `lo..=hi`, and those between them and the rows made when they are near.
    pub(crate) fn reach_rows(&mut self, lo: usize, hi: usize) {
        let (list, input) = self.parts();
        list.reach_rows(input, lo, hi);
    }

    /// Makes the rows a pane `h` rows high may show or walk with row `sel` selected: a
    /// screenful above it (for the window's top and headers) and one below.
    pub(crate) fn reach_around(&mut self, sel: usize, h: usize) {
        self.reach_rows(sel.saturating_sub(h + 2), sel.saturating_add(h + 1));
    }

    /// Makes every row, with every round group and count.
    pub(crate) fn finish_list(&mut self) {
        let (list, input) = self.parts();
        list.finish(input);
    }

    /// Makes the rows the next draw shows, and those one key can select from there: the
    /// selection's next screenful, and the window's; with the round picker open (over a file
    /// that was just reloaded, say), the rounds' counts of rows, from the whole list.
    pub(crate) fn make_window(&mut self) {
        if matches!(&self.overlay, Overlay::Picker(p) if p.kind == PickerKind::Rounds) {
            self.want_round_counts();
        }
        let h = self.list_height();
        self.reach_around(self.selected, h);
        let top = self.view_top(h);
        let lo = top.min(self.selected.saturating_sub(h + 2));
        let hi = top.max(self.selected).saturating_add(h + 1);
        self.reach_rows(lo, hi);
    }

    /// Recomputes `s`'s hits for the rows of the view in force. In the statements view, its
    /// hits are rows: every row is made first.
    pub(crate) fn restrict(&mut self, s: &mut Search) {
        match self.view {
            View::Events => s.restrict(self.shown.positions(self.doc.index())),
            View::Statements => {
                self.finish_list();
                let (list, input) = (&self.list, self.input());
                s.restrict_statements(
                    input.t,
                    |pos| list.rows_of(input, pos),
                    |row| list.statement(input, row).expect("a row of an event"),
                );
            }
        }
    }
}

/// An iterator that knows how many items it gives.
struct Exact<I> {
    rows: I,
    left: usize,
}

impl<I: Iterator<Item = StatementRef>> Iterator for Exact<I> {
    type Item = StatementRef;

    fn next(&mut self) -> Option<StatementRef> {
        let at = self.rows.next()?;
        self.left = self.left.saturating_sub(1);
        Some(at)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<I: Iterator<Item = StatementRef>> ExactSizeIterator for Exact<I> {}
