//! Round groups found without reading the rows between: a group is a run of rows of one round
//! (or of no round) under one header. Where the next group opens, or where a row's own group
//! opened, is found from the index's lists of each round's events: the run of consecutive
//! timeline positions of one round that holds an event is found by halving, so `]` and `[`
//! cost the same however long a round is. Under a round filter there is one group. Only where
//! another filter hides what broke two runs of a round apart are the runs walked one by one.

use super::list::{Input, List};
use super::view::View;

/// Shown events read one after another, from the selection, before the index's lists are
/// asked: most groups end within them, and reading them is cheaper than asking.
const NEAR: usize = 16;

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

    /// The last shown event with rows before `k`, if any ([`List::last_with_rows`]).
    fn with_rows_before(&self, input: Input<'_>, k: usize) -> Option<usize> {
        (self.rows_before(input, k) > 0).then(|| self.last_with_rows(input, k))
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
        // Most groups are short: the next few shown events first, one after another.
        // `last`: the last of them of the same round (those after it have no rows).
        let mut last = k;
        for j in k + 1..input.shown.len().min(k + 1 + NEAR) {
            if input.round(input.shown[j]) == round {
                last = j;
            } else if Self::has_rows(input, view, j) {
                return Some(j);
            }
        }
        if k + 1 + NEAR >= input.shown.len() {
            return None;
        }
        let mut pos = input.shown[last];
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
        // Most groups are short: the few shown events before first, one after another.
        let mut first = k;
        for j in (k.saturating_sub(NEAR)..k).rev() {
            if input.round(input.shown[j]) == round {
                first = j;
            } else if Self::has_rows(input, view, j) {
                return Self::rows_from(input, view, first).unwrap_or(k).min(k);
            }
        }
        if k <= NEAR {
            return Self::rows_from(input, view, 0).unwrap_or(k).min(k);
        }
        let mut pos = input.shown[first];
        loop {
            let from = input.shown.partition_point(|&s| s < run_start(input, pos));
            let first = Self::rows_from(input, view, from).unwrap_or(k).min(k);
            match self.with_rows_before(input, from) {
                Some(q) if input.round(input.shown[q]) == round => pos = input.shown[q],
                _ => return first,
            }
        }
    }

    /// The first shown event of the group before the one that holds shown event `k`, which
    /// has rows; `None` when that group is the first.
    pub(crate) fn prev_group(&self, input: Input<'_>, k: usize) -> Option<usize> {
        let start = self.group_start(input, k);
        let q = self.with_rows_before(input, start)?;
        Some(self.group_start(input, q))
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::super::list::{Input, List};
    use super::super::view::View;
    use crate::model::load_str;
    use crate::query::{Filter, Index};

    /// A timeline of long runs of rounds, broken by events of no round and by other rounds,
    /// each event quoting one of two speakers or nobody (no row in the statements view).
    fn runs() -> String {
        // (round, events): a round broken apart by what a speaker filter hides, too.
        let runs = [
            (Some(1), 40),
            (None, 3),
            (Some(1), 25),
            (Some(2), 60),
            (None, 30),
            (Some(2), 2),
            (Some(3), 1),
            (Some(2), 45),
            (None, 1),
            (Some(3), 70),
            (Some(1), 20),
        ];
        let mut events = String::new();
        let mut n = 0;
        for (round, len) in runs {
            for _ in 0..len {
                let round = round.map_or(String::new(), |r| format!("round: {r}, "));
                // The second speaker only every seventh event, nobody every eleventh.
                let quotes = match n {
                    n if n % 11 == 0 => String::new(),
                    n if n % 7 == 0 => {
                        r#"quotes: [Quote(speaker: "b", text: "B.", source: "s")]"#.into()
                    }
                    _ => r#"quotes: [Quote(speaker: "a", text: "A.", source: "s")]"#.into(),
                };
                let _ = writeln!(
                    events,
                    r#"Event(id: "e{n}", when: "2025-01-01T00:{:02}:{:02}Z", {round}title: "E", {quotes}),"#,
                    n / 60,
                    n % 60
                );
                n += 1;
            }
        }
        format!(
            r#"Timeline(title: "Runs", sources: [Source(id: "s", outlet: "S")],
            participants: [Participant(id: "a", name: "A"), Participant(id: "b", name: "B")],
            rounds: [Round(number: 1), Round(number: 2), Round(number: 3)],
            events: [{events}])"#
        )
    }

    #[test]
    fn groups_found_from_the_round_lists_are_those_of_the_rows() {
        let text = runs();
        let t = load_str(&text).expect("the runs load").timeline;
        let index = Index::build(&t);
        let speaker = |p: u32| Filter {
            speakers: vec![p],
            ..Filter::default()
        };
        let round = Filter {
            round: Some(1),
            ..Filter::default()
        };
        let mut checked = 0;
        for filter in [Filter::default(), speaker(0), speaker(1), round] {
            // What the browser shows: the filter's list and running counts, as it keeps them.
            let kept = filter.kept(&t, &index, None);
            let shown = kept.positions(&index);
            for view in [View::Events, View::Statements] {
                let input = Input {
                    t: &t,
                    index: &index,
                    filter: &filter,
                    shown,
                    counts: kept.statements(&index),
                    rows: kept.rows(&index),
                };
                let list = List::new(view, input);
                // The groups as the rows give them: a shown event with rows opens one when
                // its round is not that of the last event with rows before it.
                let rows: Vec<usize> = (0..shown.len())
                    .filter(|&k| input.rows_of_event(view, shown[k]) > 0)
                    .collect();
                let round_of = |k: usize| input.round(shown[k]);
                let opens: Vec<usize> = (0..rows.len())
                    .filter(|&i| i == 0 || round_of(rows[i]) != round_of(rows[i - 1]))
                    .map(|i| rows[i])
                    .collect();
                for &k in &rows {
                    let g = opens.partition_point(|&o| o <= k);
                    let what = format!("{filter:?}, {view:?}, shown event {k}");
                    assert_eq!(list.group_start(input, k), opens[g - 1], "{what}");
                    assert_eq!(list.next_group(input, k), opens.get(g).copied(), "{what}");
                    let prev = g.checked_sub(2).map(|g| opens[g]);
                    assert_eq!(list.prev_group(input, k), prev, "{what}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}
