//! The events that the parts of a filter keep together: the smallest part's events walked in
//! timeline order, each asked of the other parts (and of its statements, when a part asks
//! about statements). Walked whole ([`Join::all`]) it is [`Filter::apply`]; walked a few
//! events either side of a place ([`Join::around`]) it costs what it finds near the place,
//! not the size of the timeline, so that the browser can show a filter change at once and
//! work the whole list out on a thread.

use std::borrow::Cow;
use std::ops::Range;

use super::filter::Filter;
use super::index::Index;
use crate::model::Timeline;

/// The events of one part of a filter: those in any of its lists (several speakers, the
/// outlets named, the relays that hold a text). Each list holds timeline positions, ascending,
/// without repeats.
#[derive(Debug)]
pub(crate) struct Part<'a> {
    lists: Vec<Cow<'a, [u32]>>,
}

impl<'a> Part<'a> {
    /// A part whose events are those of `list` (an index list, borrowed).
    pub(crate) fn list(list: &'a [u32]) -> Self {
        Part {
            lists: vec![Cow::Borrowed(list)],
        }
    }

    /// A part whose events are those of any of `lists`.
    pub(crate) fn any(lists: Vec<Cow<'a, [u32]>>) -> Self {
        Part { lists }
    }

    /// How many events its lists hold together, repeats counted: the most a walk reads.
    fn len(&self) -> usize {
        self.lists.iter().map(|l| l.len()).sum()
    }

    /// Whether the event at `pos` is in the part: a halving search per list (what a
    /// [`Probe`] answers, reading on from its last answer).
    #[cfg(test)]
    fn holds(&self, pos: u32) -> bool {
        self.lists.iter().any(|l| l.binary_search(&pos).is_ok())
    }

    /// The part's events at or after `from`, ascending (`up`), or before it, descending; `n`
    /// is the number of events in the timeline (see [`seek`]).
    fn walk_from(&self, from: u32, up: bool, n: u32) -> Merge<'_> {
        Merge {
            at: self.lists.iter().map(|l| seek(l, from, n)).collect(),
            lists: &self.lists,
            up,
        }
    }
}

/// Asks a part about events that come in one direction (ascending, or descending), each list
/// read from where the last question left it: galloping forward from there, so that a walk
/// reads the part's lists in order rather than halving each list from the top every time.
struct Probe<'p> {
    lists: &'p [Cow<'p, [u32]>],
    /// Per list: going up, the first entry not below the last event asked about; going down,
    /// one past the last entry not above it.
    at: Vec<usize>,
    up: bool,
}

impl<'p> Probe<'p> {
    /// A probe for events at or after `from` (`up`), or before it, in a timeline of `n`
    /// events: each list read from where `from` lies in it ([`seek`]).
    fn new(part: &'p Part<'p>, up: bool, from: u32, n: u32) -> Self {
        Probe {
            lists: &part.lists,
            at: part.lists.iter().map(|l| seek(l, from, n)).collect(),
            up,
        }
    }

    /// Whether the part holds `pos`; `pos` must not go back on the events asked before.
    fn holds(&mut self, pos: u32) -> bool {
        let mut found = false;
        for (l, at) in self.lists.iter().zip(self.at.iter_mut()) {
            if self.up {
                // The first entry at or after `pos`, from `*at` on.
                *at += gallop(&l[*at..], |v| v < pos);
                found |= l.get(*at) == Some(&pos);
            } else {
                // One past the last entry at or before `pos`, from `*at` down.
                let below = &l[..*at];
                *at -= gallop_back(below, |v| v > pos);
                found |= *at > 0 && l[*at - 1] == pos;
            }
        }
        found
    }
}

/// How many entries of `l` (ascending) are below `pos`, as `l.partition_point(|&v| v < pos)`
/// answers, for a list of timeline positions in `0..n`. It reads first where `pos` would lie
/// were the entries spread evenly over `0..n`, then gallops from there: an index list spread
/// over the timeline is read a few cache lines around the answer, where a halving search reads
/// one line per halving, far apart (at a million events, seventeen for a list of 100,000).
/// A list bunched in one part of the timeline costs at most twice a halving search.
pub(crate) fn seek(l: &[u32], pos: u32, n: u32) -> usize {
    let Some(last) = l.len().checked_sub(1) else {
        return 0;
    };
    let guess = (l.len() as u64 * u64::from(pos) / u64::from(n.max(1))).min(last as u64) as usize;
    if l[guess] < pos {
        guess + 1 + gallop(&l[guess + 1..], |v| v < pos)
    } else {
        guess - gallop_back(&l[..guess], |v| v >= pos)
    }
}

/// How many entries at the start of `l` satisfy `before` (which holds for a prefix of `l`):
/// doubling steps, then halving within the last.
pub(crate) fn gallop(l: &[u32], before: impl Fn(u32) -> bool) -> usize {
    let mut step = 1;
    let mut lo = 0;
    while lo + step <= l.len() && before(l[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(l.len());
    lo + l[lo..hi].partition_point(|&v| before(v))
}

/// How many entries at the end of `l` satisfy `after` (which holds for a suffix of `l`).
fn gallop_back(l: &[u32], after: impl Fn(u32) -> bool) -> usize {
    let n = l.len();
    let mut step = 1;
    let mut k = 0;
    while k + step <= n && after(l[n - k - step]) {
        k += step;
        step *= 2;
    }
    let lo = n - (k + step).min(n);
    let rest = &l[lo..n - k];
    k + rest.len() - rest.partition_point(|&v| !after(v))
}

/// A walk over the union of sorted lists, up or down, each event once.
struct Merge<'p> {
    lists: &'p [Cow<'p, [u32]>],
    /// Per list: going up, the next entry to read; going down, one past it.
    at: Vec<usize>,
    up: bool,
}

impl Iterator for Merge<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let head = |l: &[u32], at: usize| -> Option<u32> {
            if self.up {
                l.get(at).copied()
            } else {
                at.checked_sub(1).map(|i| l[i])
            }
        };
        let mut best: Option<u32> = None;
        for (l, &at) in self.lists.iter().zip(&self.at) {
            if let Some(v) = head(l, at) {
                best = Some(match best {
                    Some(b) if (self.up && b <= v) || (!self.up && b >= v) => b,
                    _ => v,
                });
            }
        }
        let best = best?;
        for (l, at) in self.lists.iter().zip(self.at.iter_mut()) {
            if head(l, *at) == Some(best) {
                if self.up {
                    *at += 1;
                } else {
                    *at -= 1;
                }
            }
        }
        Some(best)
    }
}

/// The parts of a filter, ready to be walked ([`Filter::join`]).
#[derive(Debug)]
pub struct Join<'a> {
    t: &'a Timeline<'a>,
    index: &'a Index,
    filter: &'a Filter,
    /// The parts, the smallest first: its events are walked, the others are asked. Empty when
    /// no part has a list (the filter is empty): every event is walked.
    parts: Vec<Part<'a>>,
    /// Whether two or more statement parts are set: then an event is kept only if one of its
    /// statements passes every statement part, which the parts' lists of events cannot tell.
    ask: bool,
}

/// The events around a place that [`Join::around`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Around {
    /// Timeline positions, ascending: a run of consecutive events of the whole list.
    pub events: Vec<u32>,
    /// Whether `events` is the whole list (the walk reached both ends).
    pub whole: bool,
}

impl<'a> Join<'a> {
    pub(crate) fn new(
        t: &'a Timeline<'a>,
        index: &'a Index,
        filter: &'a Filter,
        mut parts: Vec<Part<'a>>,
        ask: bool,
    ) -> Self {
        parts.sort_by_key(Part::len);
        Join {
            t,
            index,
            filter,
            parts,
            ask,
        }
    }

    /// How many events a walk of the whole list reads: the smallest part's (with repeats
    /// among its lists), or every event's when no part has a list.
    #[must_use]
    pub fn walks(&self) -> usize {
        self.parts.first().map_or(self.t.events.len(), Part::len)
    }

    /// Probes of the parts that are asked (all but the walked one), for a walk up from `from`
    /// or down from before it.
    fn probes(&self, up: bool, from: u32) -> Vec<Probe<'_>> {
        self.parts
            .iter()
            .skip(1)
            .map(|p| Probe::new(p, up, from, self.t.events.len() as u32))
            .collect()
    }

    /// Whether the event at `pos`, one of the walked part's, passes the other parts (asked
    /// through `probes`, in the walk's direction).
    fn keeps(&self, probes: &mut [Probe<'_>], pos: u32) -> bool {
        probes.iter_mut().all(|p| p.holds(pos))
            && (!self.ask
                || Index::statements_of(pos, &self.t.events[pos as usize])
                    .any(|at| self.filter.statement_passes(self.t, self.index, at, false)))
    }

    /// Every event walked, ascending: those of the smallest part, or every event.
    fn walk(&self, range: Range<u32>, up: bool) -> Box<dyn Iterator<Item = u32> + '_> {
        let n = self.t.events.len() as u32;
        match (self.parts.first(), up) {
            (Some(p), true) => Box::new(
                p.walk_from(range.start, true, n)
                    .take_while(move |&v| v < range.end),
            ),
            (Some(p), false) => Box::new(
                p.walk_from(range.end, false, n)
                    .take_while(move |&v| v >= range.start),
            ),
            (None, true) => Box::new(range),
            (None, false) => Box::new(range.rev()),
        }
    }

    /// Timeline positions (ascending) of every event the filter keeps: one walk of the
    /// smallest part, a halving search in each other part's lists per event walked.
    #[must_use]
    pub fn all(&self) -> Vec<u32> {
        let n = self.t.events.len() as u32;
        let mut probes = self.probes(true, 0);
        self.walk(0..n, true)
            .filter(|&pos| self.keeps(&mut probes, pos))
            .collect()
    }

    /// The events kept nearest timeline position `from`: up to `back` before it, and up to
    /// `ahead` at or after it plus as many as the list's start left `back` short of (so that a
    /// place near the top still finds a screenful), reading at most `most` events walked on
    /// each side. `None` when a side reads `most` events without finding its number or
    /// reaching the list's end (a filter keeping few of the events walked: only the whole
    /// walk finds them).
    #[must_use]
    pub fn around(&self, from: u32, back: usize, ahead: usize, most: usize) -> Option<Around> {
        let n = self.t.events.len() as u32;
        let from = from.min(n);
        let side = |walk: &mut dyn Iterator<Item = u32>, want: usize, up: bool| {
            let mut probes = self.probes(up, from);
            let mut found = Vec::new();
            for (read, pos) in walk.enumerate() {
                if found.len() == want {
                    return Some((found, false));
                }
                if read == most {
                    return None;
                }
                if self.keeps(&mut probes, pos) {
                    found.push(pos);
                }
            }
            Some((found, true))
        };
        let (mut events, first) = side(&mut self.walk(0..from, false), back, false)?;
        let ahead = ahead + (back - events.len());
        let (after, last) = side(&mut self.walk(from..n, true), ahead, true)?;
        events.reverse();
        events.extend(after);
        Some(Around {
            events,
            whole: first && last,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Cow, Part};

    #[test]
    fn a_part_of_several_lists_walks_their_union_once_each_way() {
        let (a, b) = ([1_u32, 4, 6, 9], [2_u32, 4, 9, 12]);
        let p = Part::any(vec![Cow::Borrowed(&a[..]), Cow::Borrowed(&b[..])]);
        assert_eq!(
            p.walk_from(0, true, 13).collect::<Vec<_>>(),
            [1, 2, 4, 6, 9, 12]
        );
        assert_eq!(p.walk_from(5, true, 13).collect::<Vec<_>>(), [6, 9, 12]);
        assert_eq!(p.walk_from(9, false, 13).collect::<Vec<_>>(), [6, 4, 2, 1]);
        assert_eq!(
            p.walk_from(100, false, 13).collect::<Vec<_>>(),
            [12, 9, 6, 4, 2, 1]
        );
        assert!(p.holds(12) && p.holds(1) && !p.holds(5));
        assert_eq!(p.len(), 8);
    }

    #[test]
    fn a_probe_answers_as_a_halving_search_does_in_either_direction() {
        let a: Vec<u32> = (0..300)
            .map(|i| i * 7 % 1000)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let b: Vec<u32> = (0..50).map(|i| i * i).collect();
        let p = Part::any(vec![Cow::Borrowed(&a[..]), Cow::Borrowed(&b[..])]);
        for stride in [1, 3, 17, 250] {
            for from in [0, 5, 700, 2599, 2600] {
                let mut up = super::Probe::new(&p, true, from, 2600);
                for pos in (from..2600).step_by(stride) {
                    assert_eq!(up.holds(pos), p.holds(pos), "up, {pos}");
                }
                let mut down = super::Probe::new(&p, false, from, 2600);
                for pos in (0..from).rev().step_by(stride) {
                    assert_eq!(down.holds(pos), p.holds(pos), "down, {pos}");
                }
            }
        }
    }

    #[test]
    fn seek_answers_as_a_halving_search_does_however_the_list_is_spread() {
        let n = 5_000_u32;
        let even: Vec<u32> = (0..n).step_by(7).collect();
        let bunched: Vec<u32> = (4_000..4_300).chain(4_990..n).collect();
        let front: Vec<u32> = (0..40).collect();
        let one = vec![2_500];
        for l in [&even, &bunched, &front, &one, &Vec::new()] {
            for pos in (0..=n + 3).chain([u32::MAX]) {
                let want = l.partition_point(|&v| v < pos);
                assert_eq!(super::seek(l, pos, n), want, "{pos} in {:?}…", l.first());
            }
        }
        // A timeline of no events, and positions past its end, do not divide by nothing.
        assert_eq!(super::seek(&one, 7, 0), 0);
    }
}
