//! The main pane's list, made as it is needed: its rows are made for a run of the shown events
//! in order (a segment), a screenful at a time, as the selection and the window move. A filter
//! change or a change of view then costs what the screen shows, not what the filter keeps nor
//! where the selection stands (beyond the counting pass below); a search in the statements
//! view, which needs every row, reads the list whole when it is asked for. The rounds' counts
//! (the round picker, jumping to a round) come from the index's counts when nothing is
//! filtered out, else from one pass over the shown events that makes no row.
//!
//! The segment need not start at the first row: its first row's number comes from running
//! counts, the index's (every event, or the speakers' statements: see
//! [`STEP`](crate::query::index::STEP)) or the list's own, kept every [`STEP`] shown events by
//! the counting pass that the other statement filters need anyway. A place above the segment,
//! or far below it, starts a new segment a little above it: its first row's number costs at
//! most [`STEP`] events counted (per speaker, with several), and a row's event a halving search
//! over the running counts.
//!
//! How many rows there are is known from the start, exactly: from the index's counts when the
//! filter allows it (no filter, speakers only, the events view), else by counting once.

use super::rows::StatementRows;
use super::view::View;
use crate::model::Timeline;
use crate::query::index::STEP;
use crate::query::join::gallop;
use crate::query::statement::StatementRef;
use crate::query::tally::Running;
use crate::query::{Filter, Index};

/// Rows (or shown events) past the segment's end from which a new segment is started rather
/// than the rows between made: starting one counts at most [`STEP`] events, and reads [`BACK`].
const FAR: usize = 2 * STEP;

/// Shown events counted back from a place when a segment starts at it, so that the rows just
/// above it (a screenful, most often) are made with it.
const BACK: usize = 64;

/// What a list's rows are made from: the document, the filter and the shown events.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub t: &'a Timeline<'a>,
    pub index: &'a Index,
    pub filter: &'a Filter,
    /// Timeline positions of the events the filter keeps, ascending.
    pub shown: &'a [u32],
    /// The index's running counts of the statements the filter keeps, over `shown`, when
    /// `shown` is a list of the index's ([`Kept::statements`](crate::query::filter::Kept::statements)).
    pub counts: Option<Running<'a>>,
    /// Every statement the filter keeps, in timeline order, when the index lists them with
    /// `shown` ([`Kept::rows`](crate::query::filter::Kept::rows)): the statements view's rows
    /// are then read from it, without reading the events.
    pub rows: Option<&'a [StatementRef]>,
}

impl Input<'_> {
    /// How many rows `view` lists for the shown event at `pos`.
    pub(super) fn rows_of_event(&self, view: View, pos: u32) -> usize {
        match (view, self.rows) {
            (View::Events, _) => 1,
            (View::Statements, Some(rows)) => {
                let from = rows.partition_point(|s| s.event < pos);
                rows[from..].partition_point(|s| s.event == pos)
            }
            (View::Statements, None) => self.filter.rows_in(self.t, self.index, pos),
        }
    }

    /// The round of the event at `pos`.
    pub(super) fn round(&self, pos: u32) -> Option<u32> {
        self.t.events[pos as usize].round.as_ref().map(|r| r.target)
    }
}

/// What comes before a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// Nothing: it is the list's first row.
    Nothing,
    /// A row of this round (`None`: of no round).
    Round(Option<u32>),
}

/// The rows made so far, those of the shown events `first..read`, with the round groups among
/// them.
#[derive(Debug)]
pub(crate) struct List {
    view: View,
    /// The statements view's rows made so far, numbered from the segment's first (none in the
    /// events view).
    stmts: StatementRows,
    /// The first shown event of the segment (an index into the shown events).
    first: usize,
    /// One past the last shown event read: the rows made are those of `first..read`.
    read: usize,
    /// The row number of the segment's first row: how many rows the events before `first` have.
    base: usize,
    /// How many rows the list has, made or not.
    total: usize,
    /// Entry `j`: how many rows the shown events `0..j * STEP` have; kept when the count
    /// needed a pass over the shown events, empty when the index's counts give them.
    steps: Vec<u32>,
    /// Rows where a round header opens a group, ascending, among the rows made.
    pub(crate) round_starts: Vec<usize>,
    /// Per round: how many rows of the list are in it, once asked for ([`List::count_rounds`]).
    pub(crate) round_rows: Option<Vec<u32>>,
    /// What comes before the next row made, for whether a round header opens above it.
    before: Before,
}

impl Default for List {
    fn default() -> Self {
        List {
            view: View::Events,
            stmts: StatementRows::Listed(Vec::new()),
            first: 0,
            read: 0,
            base: 0,
            total: 0,
            steps: Vec::new(),
            round_starts: Vec::new(),
            round_rows: None,
            before: Before::Nothing,
        }
    }
}

impl List {
    /// The list of `view` for `input`, with no row made yet.
    pub(crate) fn new(view: View, input: Input<'_>) -> Self {
        let (total, steps) = count(view, input);
        List {
            view,
            stmts: match view {
                View::Events => StatementRows::Listed(Vec::new()),
                View::Statements => StatementRows::new(input.filter),
            },
            first: 0,
            read: 0,
            base: 0,
            total,
            steps,
            round_starts: Vec::new(),
            round_rows: None,
            before: Before::Nothing,
        }
    }

    /// The view the list is of.
    pub(crate) fn view(&self) -> View {
        self.view
    }

    /// How many rows the list has, made or not.
    pub(crate) fn total(&self) -> usize {
        self.total
    }

    /// One past the last row made: rows `base()..made()` can be asked about.
    pub(crate) fn made(&self) -> usize {
        self.base
            + match self.view {
                View::Events => self.read - self.first,
                View::Statements => self.stmts.len(),
            }
    }

    /// How many rows the shown events `0..k` have, from the running counts: at most
    /// [`STEP`] events counted (a few times that with several speakers).
    pub(crate) fn rows_before(&self, input: Input<'_>, k: usize) -> usize {
        let Input {
            t, index, shown, ..
        } = input;
        if k == 0 {
            return 0;
        }
        if k >= shown.len() {
            return self.total;
        }
        if self.view == View::Events {
            return k;
        }
        if let Some(rows) = input.rows {
            // The rows themselves are listed: those of the events before the `k`th.
            return rows.partition_point(|s| s.event < shown[k]);
        }
        if !self.steps.is_empty() {
            let j = k / STEP;
            return self.steps[j] as usize
                + shown[j * STEP..k]
                    .iter()
                    .map(|&pos| input.rows_of_event(self.view, pos))
                    .sum::<usize>();
        }
        if let Some(counts) = input.counts {
            // Counted without a pass: the index's running counts over the shown list.
            return counts.before(shown, k, |pos| input.rows_of_event(self.view, pos));
        }
        if !input.filter.selects_statements() {
            // Counted without a pass: every event shown, no statement filter.
            return index.statements_before(t, shown[k] as usize);
        }
        // Counted without a pass: the speakers only, each statement by one of them.
        let pos = shown[k];
        input
            .filter
            .speakers
            .iter()
            .map(|&p| {
                let events = &index.speaking[p as usize].events;
                index.spoken_before(t, p, events.partition_point(|&s| s < pos))
            })
            .sum()
    }

    /// Starts the segment afresh at shown event `k`: no row made, the first row's number and
    /// the round of the row before it found from the running counts.
    fn restart(&mut self, input: Input<'_>, k: usize) {
        let k = k.min(input.shown.len());
        self.first = k;
        self.read = k;
        self.base = self.rows_before(input, k);
        self.stmts = match self.view {
            View::Events => StatementRows::Listed(Vec::new()),
            View::Statements => StatementRows::new(input.filter),
        };
        self.round_starts.clear();
        self.before = match self.base {
            0 => Before::Nothing,
            _ => Before::Round(input.round(input.shown[self.last_with_rows(input, k)])),
        };
    }

    /// The last shown event before `k` that has rows; there must be one (the rows before `k`
    /// are not none). Most often the one just before; else found by halving, from the counts.
    pub(super) fn last_with_rows(&self, input: Input<'_>, k: usize) -> usize {
        for j in (k.saturating_sub(16)..k).rev() {
            if input.rows_of_event(self.view, input.shown[j]) > 0 {
                return j;
            }
        }
        // The last `j` with fewer rows before it than before `k`.
        let rows = self.rows_before(input, k);
        let (mut lo, mut hi) = (0, k);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.rows_before(input, mid) < rows {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Reads shown events until `enough` says so or none is left.
    fn read_until(&mut self, input: Input<'_>, enough: impl Fn(&List) -> bool) {
        while self.read < input.shown.len() && !enough(self) {
            self.read_one(input);
        }
    }

    /// Makes the rows of the next shown event, and notes where its round's group begins.
    fn read_one(&mut self, input: Input<'_>) {
        let pos = input.shown[self.read];
        let first = self.made();
        let n = match self.view {
            View::Events => 1,
            // From row `first` of the rows listed, when the index lists them: those of `pos`.
            View::Statements => input
                .rows
                .and_then(|rows| {
                    self.stmts
                        .push_listed(rows.get(first..).unwrap_or_default(), pos)
                })
                .unwrap_or_else(|| {
                    self.stmts
                        .push_event(input.t, input.index, input.filter, pos)
                }),
        };
        self.read += 1;
        if n == 0 {
            return;
        }
        let r = input.round(pos);
        if self.before != Before::Round(r) {
            self.round_starts.push(first);
            self.before = Before::Round(r);
        }
    }

    /// Makes rows `lo..=hi` (clamped to the list), and those between them and the segment:
    /// reading on from it when they follow it closely, else from a new segment starting at
    /// most [`STEP`] shown events above `lo`.
    pub(crate) fn reach_rows(&mut self, input: Input<'_>, lo: usize, hi: usize) {
        if self.total == 0 {
            return;
        }
        let lo = lo.min(self.total - 1);
        if lo < self.base || lo > self.made().saturating_add(FAR) {
            let k = self.step_holding(input, lo);
            self.restart(input, k);
        }
        self.read_until(input, |l| l.made() > hi);
    }

    /// A multiple of [`STEP`] at or before the shown event that holds row `row`: the last one
    /// with at most `row` rows before it.
    fn step_holding(&self, input: Input<'_>, row: usize) -> usize {
        let steps = input.shown.len().div_ceil(STEP);
        let (mut lo, mut hi) = (0, steps);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.rows_before(input, mid * STEP) <= row {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo * STEP
    }

    /// Makes the rows of the shown events up to the event at `pos`, and on until a row after
    /// theirs is made (or every row is): then the row of any place at or before `pos`, or the
    /// nearest after it, is made. A place above the segment, or well below it, starts a new
    /// segment a few events above it.
    pub(crate) fn reach_event(&mut self, input: Input<'_>, pos: u32) {
        let at = input.shown.partition_point(|&s| s < pos);
        if at < self.first || at > self.read + FAR {
            self.restart(input, at.saturating_sub(BACK));
        }
        let k = input.shown.partition_point(|&s| s <= pos);
        self.read_until(input, |l| l.read >= k);
        let made = self.made();
        self.read_until(input, |l| l.made() > made);
    }

    /// Reads the whole list: every row made, every round group and count known.
    pub(crate) fn finish(&mut self, input: Input<'_>) {
        if self.first > 0 {
            self.restart(input, 0);
        }
        self.read_until(input, |_| false);
    }

    /// Per round (by index): how many rows of the list are in it, kept for the list's life
    /// ([`round_rows`]).
    pub(crate) fn count_rounds(&mut self, input: Input<'_>) -> &[u32] {
        let view = self.view;
        self.round_rows
            .get_or_insert_with(|| round_rows(view, input))
    }

    /// Whether the rounds' counts are known, or cost at most `most` shown events read: else
    /// they are worth counting on a thread ([`round_rows`] there).
    pub(crate) fn rounds_counted_at_once(&self, input: Input<'_>, most: usize) -> bool {
        self.round_rows.is_some() || shows_all(input) || input.shown.len() <= most
    }

    /// The first row of round `r` (by index), and how many rows the round has in the list;
    /// `None` when it has none. Walks the round's events and the shown ones together, each
    /// skipping ahead by halving to the other's next event, so that it reads about as many
    /// events as the two lists share up to the first with rows (none when every event is
    /// shown); the count comes from [`List::count_rounds`].
    pub(crate) fn round_at(&mut self, input: Input<'_>, r: u32) -> Option<(usize, usize)> {
        let n = self.count_rounds(input)[r as usize] as usize;
        if n == 0 {
            return None;
        }
        let (events, shown) = (&input.index.in_round[r as usize], input.shown);
        // The round's first event placed among the shown by one search; from there, each list
        // is searched forward from where it stands (galloping), which reads little of either.
        let first = *events.first()?;
        let (mut i, mut k) = (0, shown.partition_point(|&s| s < first));
        while i < events.len() {
            k += gallop(&shown[k..], |s| s < events[i]);
            let Some(&pos) = shown.get(k) else {
                break;
            };
            if pos == events[i] {
                if input.rows_of_event(self.view, pos) > 0 {
                    return Some((self.rows_before(input, k), n));
                }
                i += 1;
            } else {
                i += gallop(&events[i..], |e| e < pos);
            }
        }
        None
    }

    /// The statement of row `i`; `None` outside the rows made.
    pub(crate) fn statement(&self, input: Input<'_>, i: usize) -> Option<StatementRef> {
        let i = i.checked_sub(self.base)?;
        self.stmts.get(input.t, &input.shown[self.first..], i)
    }

    /// The first row showing a statement of the event at `pos` or of an event after it (the
    /// end of the rows made, when there is none among them). The segment must hold the
    /// events up to `pos` from its first.
    pub(crate) fn first_row_from(&self, input: Input<'_>, pos: u32) -> usize {
        self.base + self.stmts.first_row_from(&input.shown[self.first..], pos)
    }

    /// The row showing `at`, or the first row after where it would be. Its event must have
    /// been read, in this segment.
    pub(crate) fn row_from(&self, input: Input<'_>, at: StatementRef) -> usize {
        self.base + self.stmts.row_from(input.t, &input.shown[self.first..], at)
    }

    /// The rows of the event at `pos`, as a range of rows (empty where they would be when it
    /// has none). The segment must hold the events up to `pos` from its first.
    pub(crate) fn rows_of(&self, input: Input<'_>, pos: u32) -> std::ops::Range<usize> {
        let r = self.stmts.rows_of(&input.shown[self.first..], pos);
        self.base + r.start..self.base + r.end
    }
}

/// Whether `input` shows every event and every statement: then the index's counts are the
/// list's.
fn shows_all(input: Input<'_>) -> bool {
    input.shown.len() == input.t.events.len() && !input.filter.selects_statements()
}

/// Per round (by index): how many rows of `view`'s list for `input` are in it. From the
/// index's counts when every event and statement is shown (no pass at all), else by counting
/// the rows of each shown event (one pass over them; no row is made).
pub(crate) fn round_rows(view: View, input: Input<'_>) -> Vec<u32> {
    let Input { t, index, .. } = input;
    if shows_all(input) {
        return (0..t.rounds.len())
            .map(|r| match view {
                View::Events => index.in_round[r].len() as u32,
                View::Statements => index.round_statements.of(r).total as u32,
            })
            .collect();
    }
    let mut rows = vec![0u32; t.rounds.len()];
    for &pos in input.shown {
        if let Some(r) = input.round(pos) {
            rows[r as usize] += input.rows_of_event(view, pos) as u32;
        }
    }
    rows
}

/// How many rows `view` lists for `input`, found without reading the events when the index
/// knows (every event, or every statement, or the statements of the filter's speakers); and,
/// when the events are read for it, the running count of rows every [`STEP`] shown events.
fn count(view: View, input: Input<'_>) -> (usize, Vec<u32>) {
    let Input {
        t,
        index,
        filter,
        shown,
        counts,
        ..
    } = input;
    let every = shown.len() == t.events.len();
    match view {
        View::Events => (shown.len(), Vec::new()),
        // One part of the filter, whose list the index keeps with running counts.
        View::Statements if counts.is_some() => (counts.map_or(0, |c| c.total), Vec::new()),
        View::Statements if !filter.selects_statements() && every => {
            // Every quote has a speaker: the speakers' quotes are all the quotes.
            let quotes: usize = index.speaking.iter().map(|s| s.quotes as usize).sum();
            (quotes + t.claims.len(), Vec::new())
        }
        View::Statements if filter.only_speakers() => {
            // A statement has one speaker or claimant: the counts of the speakers add up.
            let n = filter
                .speakers
                .iter()
                .map(|&p| {
                    let s = &index.speaking[p as usize];
                    (s.quotes + s.claims) as usize
                })
                .sum();
            (n, Vec::new())
        }
        View::Statements => {
            let mut steps = Vec::with_capacity(shown.len() / STEP + 1);
            let mut n = 0usize;
            for (k, &pos) in shown.iter().enumerate() {
                if k.is_multiple_of(STEP) {
                    steps.push(n as u32);
                }
                n += input.rows_of_event(view, pos);
            }
            if steps.is_empty() {
                steps.push(0);
            }
            (n, steps)
        }
    }
}
