//! Round groups found without reading the rows between: a group is a run of rows of one round
//! (or of no round) under one header. Where the next group opens, or where a row's own group
//! opened, is found from the index's lists of each round's events: the run of consecutive
//! timeline positions of one round that holds an event is found by halving, so `]` and `[`
//! cost the same however long a round is. Under a round filter there is one group. Only where
//! another filter hides what broke two runs of a round apart are the runs walked one by one.

use super::list::{Input, List};
use super::view::View;

/// One past the last timeline position of the run of events of one round (or of no round)
/// that holds `pos`: the first later event of another round, `None` when the run reaches the
/// end of the timeline.
fn run_end(input: Input<'_>, pos: u32) -> Option<u32> {
    let (t, index) = (input.t, input.index);
    let end = match input.round(pos) {
        Some(r) => {
            let list = &index.in_round[r as usize];
            let rest = &list[list.partition_point(|&p| p < pos)..];
            // The events `rest[..run]` follow one another from `pos`: `rest[j] - pos == j`
            // holds for `j` below `run`, and not from it on (the list rises by 1 at least).
            let run = partition(rest.len(), |j| (rest[j] - pos) as usize == j);
            pos + run as u32
        }
        // The first later event of some round.
        None => index
            .in_round
            .iter()
            .filter_map(|list| list.get(list.partition_point(|&p| p <= pos)).copied())
            .min()
            .unwrap_or(t.events.len() as u32),
    };
    ((end as usize) < t.events.len()).then_some(end)
}

/// The first timeline position of the run of events of one round (or of no round) that holds
/// `pos`.
fn run_start(input: Input<'_>, pos: u32) -> u32 {
    let index = input.index;
    match input.round(pos) {
        Some(r) => {
            let list = &index.in_round[r as usize];
            let before = &list[..=list.partition_point(|&p| p < pos)];
            // Counted back from `pos`: `before[len - 1 - j] == pos - j` while the run lasts.
            let len = before.len();
            let run = partition(len, |j| (pos - before[len - 1 - j]) as usize == j);
            pos + 1 - run as u32
        }
        // Just after the last earlier event of some round.
        None => index
            .in_round
            .iter()
            .filter_map(|list| list[..list.partition_point(|&p| p < pos)].last().copied())
            .max()
            .map_or(0, |p| p + 1),
    }
}

/// How many of `0..n` hold `pred`, which holds for a first part of them and no more.
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

impl List {
    /// Whether shown event `k` (an index into the shown events) has rows in `view`.
    fn has_rows(input: Input<'_>, view: View, k: usize) -> bool {
        input.rows_of_event(view, input.shown[k]) > 0
    }

    /// The shown event with rows at or after `k`, if any.
    fn rows_from(input: Input<'_>, view: View, k: usize) -> Option<usize> {
        (k..input.shown.len()).find(|&j| Self::has_rows(input, view, j))
    }

    /// The shown event with rows before `k`, if any.
    fn rows_before_k(input: Input<'_>, view: View, k: usize) -> Option<usize> {
        (0..k).rev().find(|&j| Self::has_rows(input, view, j))
    }

    /// The first shown event (an index into the shown events) of the group after the one that
    /// holds shown event `k`, which has rows; `None` when that group is the last.
    pub(crate) fn next_group(&self, input: Input<'_>, k: usize) -> Option<usize> {
        if input.filter.round.is_some() {
            // Every shown event is of that round: one group.
            return None;
        }
        let view = self.view();
        let round = input.round(input.shown[k]);
        let mut pos = input.shown[k];
        loop {
            let from = run_end(input, pos)?;
            let j = Self::rows_from(input, view, input.shown.partition_point(|&s| s < from))?;
            if input.round(input.shown[j]) != round {
                return Some(j);
            }
            // The same round again: what broke the run is not shown.
            pos = input.shown[j];
        }
    }

    /// The first shown event of the group that holds shown event `k`, which has rows.
    pub(crate) fn group_start(&self, input: Input<'_>, k: usize) -> usize {
        let view = self.view();
        if input.filter.round.is_some() {
            return Self::rows_from(input, view, 0).unwrap_or(k).min(k);
        }
        let round = input.round(input.shown[k]);
        let mut pos = input.shown[k];
        loop {
            let from = input.shown.partition_point(|&s| s < run_start(input, pos));
            let first = Self::rows_from(input, view, from).unwrap_or(k).min(k);
            match Self::rows_before_k(input, view, from) {
                Some(q) if input.round(input.shown[q]) == round => pos = input.shown[q],
                _ => return first,
            }
        }
    }

    /// The first shown event of the group before the one that holds shown event `k`, which
    /// has rows; `None` when that group is the first.
    pub(crate) fn prev_group(&self, input: Input<'_>, k: usize) -> Option<usize> {
        let start = self.group_start(input, k);
        let q = Self::rows_before_k(input, self.view(), start)?;
        Some(self.group_start(input, q))
    }
}
