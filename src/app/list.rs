//! The main pane's list, made as it is needed: its rows are made for the shown events in
//! order, a screenful at a time, as the selection and the window move. A filter change or a
//! change of view then costs what the screen shows, not what the filter keeps; what needs the
//! whole list (`G`, the round picker, a search) reads on to the end when it is asked for.
//!
//! How many rows there are is known from the start, exactly: from the index's counts when the
//! filter allows it (no filter, speakers only, the events view), else by counting once.

use super::rows::StatementRows;
use super::view::View;
use crate::model::Timeline;
use crate::query::{Filter, Index};

/// What a list's rows are made from: the document, the filter and the shown events.
#[derive(Clone, Copy)]
pub(crate) struct Input<'a> {
    pub t: &'a Timeline<'a>,
    pub index: &'a Index,
    pub filter: &'a Filter,
    /// Timeline positions of the events the filter keeps, ascending.
    pub shown: &'a [u32],
}

/// The rows made so far, with the round groups among them.
#[derive(Debug)]
pub(crate) struct List {
    view: View,
    /// The statements view's rows made so far (none in the events view).
    pub(crate) stmts: StatementRows,
    /// How many shown events have been read: the rows made are theirs.
    read: usize,
    /// How many rows the list has, made or not.
    total: usize,
    /// Rows (indices into the view's list) where a round header opens a group, ascending,
    /// among the rows made.
    pub(crate) round_starts: Vec<usize>,
    /// Per round: the row of its first row made, and how many of its rows are made (all of
    /// them once the list is read to the end, see [`List::finish`]).
    pub(crate) round_first: Vec<Option<usize>>,
    pub(crate) round_shown: Vec<u32>,
    /// The round of the last event read that has rows (when a row is made).
    last_round: Option<u32>,
}

impl Default for List {
    fn default() -> Self {
        List {
            view: View::Events,
            stmts: StatementRows::Listed(Vec::new()),
            read: 0,
            total: 0,
            round_starts: Vec::new(),
            round_first: Vec::new(),
            round_shown: Vec::new(),
            last_round: None,
        }
    }
}

impl List {
    /// The list of `view` for `input`, with no row made yet.
    pub(crate) fn new(view: View, input: Input<'_>) -> Self {
        let rounds = input.t.rounds.len();
        List {
            view,
            stmts: match view {
                View::Events => StatementRows::Listed(Vec::new()),
                View::Statements => StatementRows::new(input.filter),
            },
            read: 0,
            total: count(view, input),
            round_starts: Vec::new(),
            round_first: vec![None; rounds],
            round_shown: vec![0; rounds],
            last_round: None,
        }
    }

    /// How many rows the list has, made or not.
    pub(crate) fn total(&self) -> usize {
        self.total
    }

    /// How many rows are made: rows `0..made()` can be asked about.
    pub(crate) fn made(&self) -> usize {
        match self.view {
            View::Events => self.read,
            View::Statements => self.stmts.len(),
        }
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
            View::Statements => self
                .stmts
                .push_event(input.t, input.index, input.filter, pos),
        };
        self.read += 1;
        if n == 0 {
            return;
        }
        let r = input.t.events[pos as usize]
            .round
            .as_ref()
            .map(|r| r.target);
        if self.round_starts.is_empty() || self.last_round != r {
            self.round_starts.push(first);
            self.last_round = r;
        }
        if let Some(r) = r {
            let r = r as usize;
            self.round_first[r].get_or_insert(first);
            self.round_shown[r] += n as u32;
        }
    }

    /// Makes rows until row `row` is made (or every row is).
    pub(crate) fn reach_row(&mut self, input: Input<'_>, row: usize) {
        self.read_until(input, |l| l.made() > row);
    }

    /// Reads the shown events up to the event at `pos`, and on until a row after theirs is
    /// made (or every row is): then the row of any place at or before `pos`, or the nearest
    /// after it, is made.
    pub(crate) fn reach_event(&mut self, input: Input<'_>, pos: u32) {
        let k = input.shown.partition_point(|&s| s <= pos);
        self.read_until(input, |l| l.read >= k);
        let made = self.made();
        self.read_until(input, |l| l.made() > made);
    }

    /// Reads on to the end: every row made, every round group and count known.
    pub(crate) fn finish(&mut self, input: Input<'_>) {
        self.read_until(input, |_| false);
    }

    /// Reads on until a round group opens after row `row` (or to the end).
    pub(crate) fn reach_group_after(&mut self, input: Input<'_>, row: usize) {
        self.read_until(input, |l| l.round_starts.last().is_some_and(|&s| s > row));
    }
}

/// How many rows `view` lists for `input`, found without reading the events when the index
/// knows: every event, or every statement, or the statements of the filter's speakers.
fn count(view: View, input: Input<'_>) -> usize {
    let Input {
        t,
        index,
        filter,
        shown,
    } = input;
    let every = shown.len() == t.events.len();
    match view {
        View::Events => shown.len(),
        View::Statements if !filter.selects_statements() && every => {
            // Every quote has a speaker: the speakers' quotes are all the quotes.
            let quotes: usize = index.speaking.iter().map(|s| s.quotes as usize).sum();
            quotes + t.claims.len()
        }
        View::Statements if !filter.selects_statements() => shown
            .iter()
            .map(|&pos| {
                let e = &t.events[pos as usize];
                e.quotes.len() + e.claims.len()
            })
            .sum(),
        View::Statements if only_speakers(filter) => {
            // A statement has one speaker or claimant: the counts of the speakers add up.
            filter
                .speakers
                .iter()
                .map(|&p| {
                    let s = &index.speaking[p as usize];
                    (s.quotes + s.claims) as usize
                })
                .sum()
        }
        View::Statements => shown
            .iter()
            .map(|&pos| {
                Index::statements_of(pos, &t.events[pos as usize])
                    .filter(|&at| filter.keeps_statement(t, index, at))
                    .count()
            })
            .sum(),
    }
}

/// Whether the speakers are the only part of `filter` that is set.
fn only_speakers(filter: &Filter) -> bool {
    let Filter {
        speakers: _,
        participant,
        round,
        sources,
        via,
        search,
        anonymous,
        disputed,
        corroborated,
        single_origin,
        marked,
    } = filter;
    participant.is_none()
        && round.is_none()
        && sources.is_none()
        && via.is_none()
        && search.is_none()
        && !(*anonymous || *disputed || *corroborated || *single_origin)
        && marked.is_none()
}
