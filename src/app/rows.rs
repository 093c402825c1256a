//! The statements view's rows, found without a row per statement when they can be: with no
//! statement filter, every statement of the shown events is a row, and the rows are counted
//! per shown event (4 bytes an event) and found by binary search.
//!
//! Rows are made for a run of the shown events in order, a few at a time (see `list`): these
//! are the rows of the run's events read so far, numbered from the run's first row, and every
//! question below is about those (`shown` below starts at the run's first event).

use crate::model::types::Timeline;
use crate::query::statement::{Kind, StatementRef};
use crate::query::{Filter, Index};

/// The rows of the statements view made so far: those of the first shown events.
#[derive(Debug)]
pub(crate) enum StatementRows {
    /// Every statement of the shown events: row `starts[k] + j` is the `j`th statement
    /// (quotes first, then claims, in file order) of the `k`th shown event. `starts` holds one
    /// entry per shown event read and the rows made after them, so it is never empty.
    Every { starts: Vec<u32> },
    /// The filter picks statements: the ones it keeps, in timeline order.
    Listed(Vec<StatementRef>),
}

/// The `j`th statement (0-based, quotes first) of the event at `pos`.
fn nth(t: &Timeline<'_>, pos: u32, j: usize) -> StatementRef {
    let quotes = t.events[pos as usize].quotes.len();
    if j < quotes {
        StatementRef::quote(pos, j as u32)
    } else {
        StatementRef::claim(pos, (j - quotes) as u32)
    }
}

/// Where `at` stands among its event's statements (0-based, quotes first).
fn rank(t: &Timeline<'_>, at: StatementRef) -> usize {
    match at.kind() {
        Kind::Quote => at.index(),
        Kind::Claim => t.events[at.event as usize].quotes.len() + at.index(),
    }
}

impl StatementRows {
    /// No rows yet, for `filter`: counted per event unless it picks statements.
    pub(crate) fn new(filter: &Filter) -> Self {
        if filter.selects_statements() {
            StatementRows::Listed(Vec::new())
        } else {
            StatementRows::Every { starts: vec![0] }
        }
    }

    /// Makes the rows of the event at `pos`, the next shown event; returns how many.
    pub(crate) fn push_event(
        &mut self,
        t: &Timeline<'_>,
        index: &Index,
        filter: &Filter,
        pos: u32,
    ) -> usize {
        let e = &t.events[pos as usize];
        match self {
            StatementRows::Every { starts } => {
                let n = e.quotes.len() + e.claims.len();
                let last = starts.last().copied().unwrap_or(0);
                starts.push(last + n as u32);
                n
            }
            StatementRows::Listed(rows) => {
                let before = rows.len();
                rows.extend(
                    Index::statements_of(pos, e).filter(|&at| filter.keeps_statement(t, index, at)),
                );
                rows.len() - before
            }
        }
    }

    /// Makes the rows of the event at `pos`, the next shown event, from `rows`: the statements
    /// the filter keeps from that event on, in timeline order (the index's list of them, from
    /// the first row not made yet). Returns how many, the run of `rows` that are `pos`'s;
    /// `None`, making none, for rows counted per event (a filter that picks no statement).
    pub(crate) fn push_listed(&mut self, rows: &[StatementRef], pos: u32) -> Option<usize> {
        let StatementRows::Listed(made) = self else {
            return None;
        };
        let n = rows.partition_point(|s| s.event <= pos);
        made.extend_from_slice(&rows[..n]);
        Some(n)
    }

    /// How many rows are made.
    pub(crate) fn len(&self) -> usize {
        match self {
            StatementRows::Every { starts } => starts.last().map_or(0, |&n| n as usize),
            StatementRows::Listed(rows) => rows.len(),
        }
    }

    /// The statement of row `i`, `None` past the rows made. `shown` is the list the rows are
    /// made from.
    pub(crate) fn get(&self, t: &Timeline<'_>, shown: &[u32], i: usize) -> Option<StatementRef> {
        match self {
            StatementRows::Every { starts } => {
                if i >= self.len() {
                    return None;
                }
                // The last shown event starting at or before `i`: events without statements
                // start where the next one does, and are passed over.
                let k = starts.partition_point(|&s| s as usize <= i) - 1;
                Some(nth(t, shown[k], i - starts[k] as usize))
            }
            StatementRows::Listed(rows) => rows.get(i).copied(),
        }
    }

    /// The first row showing a statement of the event at `pos` or of an event after it (the
    /// rows made, when there is none among them). The events up to `pos` must have been read.
    pub(crate) fn first_row_from(&self, shown: &[u32], pos: u32) -> usize {
        match self {
            StatementRows::Every { starts } => {
                let k = shown.partition_point(|&s| s < pos);
                starts.get(k).map_or(self.len(), |&s| s as usize)
            }
            StatementRows::Listed(rows) => rows.partition_point(|s| s.event < pos),
        }
    }

    /// The row showing `at`, or the first row after where it would be. Its event must have
    /// been read.
    pub(crate) fn row_from(&self, t: &Timeline<'_>, shown: &[u32], at: StatementRef) -> usize {
        match self {
            StatementRows::Every { starts } => {
                let k = shown.partition_point(|&s| s < at.event);
                let Some(&first) = starts.get(k) else {
                    return self.len();
                };
                if shown.get(k) == Some(&at.event) && k + 1 < starts.len() {
                    first as usize + rank(t, at)
                } else {
                    first as usize
                }
            }
            StatementRows::Listed(rows) => rows.partition_point(|s| s.order() < at.order()),
        }
    }

    /// The rows of the event at `pos`, as a range of rows; when it has none, the empty range
    /// where they would be. The events up to `pos` must have been read.
    pub(crate) fn rows_of(&self, shown: &[u32], pos: u32) -> std::ops::Range<usize> {
        match self {
            StatementRows::Every { starts } => {
                let at = |k: usize| starts.get(k).map_or(self.len(), |&s| s as usize);
                match shown.binary_search(&pos) {
                    Ok(k) => at(k)..at(k + 1),
                    Err(k) => at(k)..at(k),
                }
            }
            StatementRows::Listed(rows) => {
                let from = rows.partition_point(|s| s.event < pos);
                from..from + rows[from..].partition_point(|s| s.event == pos)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{StatementRef, StatementRows};
    use crate::model::load_str;
    use crate::query::testdata::SMALL;
    use crate::query::{Filter, Index};

    /// In timeline order, SMALL's events are: r2 (no statement), announce (1 claim), brief
    /// (1 quote, 1 claim), late (1 quote), open (1 claim).
    #[test]
    fn counted_rows_are_found_as_a_list_of_every_row_would_find_them() {
        let t = load_str(SMALL).unwrap().timeline;
        let index = Index::build(&t);
        let every = |shown: &[u32]| {
            let mut rows = StatementRows::new(&Filter::default());
            for &pos in shown {
                rows.push_event(&t, &index, &Filter::default(), pos);
            }
            rows
        };
        let ids: Vec<&str> = t.events.iter().map(|e| &*e.id.value).collect();
        assert_eq!(ids, ["r2", "announce", "brief", "late", "open"]);
        let (q, c) = (StatementRef::quote, StatementRef::claim);
        // Every event shown, and then brief and late left out by a filter.
        for (shown, rows) in [
            (
                vec![0, 1, 2, 3, 4],
                vec![c(1, 0), q(2, 0), c(2, 0), q(3, 0), c(4, 0)],
            ),
            (vec![0, 1, 4], vec![c(1, 0), c(4, 0)]),
        ] {
            let every = every(&shown);
            assert_eq!(every.len(), rows.len());
            for (i, &at) in rows.iter().enumerate() {
                assert_eq!(every.get(&t, &shown, i), Some(at), "row {i}");
                assert_eq!(every.row_from(&t, &shown, at), i);
            }
            assert_eq!(every.get(&t, &shown, rows.len()), None);
            let listed = StatementRows::Listed(rows.clone());
            for pos in 0..5 {
                assert_eq!(
                    every.first_row_from(&shown, pos),
                    listed.first_row_from(&shown, pos),
                    "first row from event {pos}"
                );
                assert_eq!(every.rows_of(&shown, pos), listed.rows_of(&shown, pos));
            }
        }
        // Hand-written: r2 has no statement, so its rows are empty and row 0 is announce's.
        let all = [0, 1, 2, 3, 4];
        let made = every(&all);
        assert_eq!(made.rows_of(&all, 2), 1..3);
        assert_eq!(made.first_row_from(&all, 3), 3);
        // A statement of an event the filter hides: the first row after it.
        let shown = [0, 1, 4];
        assert_eq!(every(&shown).row_from(&t, &shown, q(2, 0)), 1);
        // Only the first three events read: their rows, and nothing after them yet.
        let part = every(&all[..3]);
        assert_eq!(part.len(), 3);
        assert_eq!(part.get(&t, &all, 3), None);
        assert_eq!(part.rows_of(&all, 2), 1..3);
        assert_eq!(part.first_row_from(&all, 2), 1);
    }
}
