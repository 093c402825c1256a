//! The active search: which shown rows (events, or statements) match, and where a match falls inside a line of text.
//!
//! A search highlights and moves between matches; it never hides events (filters do that).

use std::ops::Range;

use super::text;
use crate::model::Timeline;
use crate::query::statement::{Kind, StatementRef};
use crate::query::{self, Index, fold::fold_into};

/// A search the user ran, with its hits among the events shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// As typed.
    pub query: String,
    /// Folded (lower case, no accents), for highlighting.
    pub needle: String,
    /// Timeline positions of every matching event, shown or not.
    pub all: Vec<u32>,
    /// Indices into the shown list of the matching events, ascending.
    pub hits: Vec<usize>,
}

impl Search {
    /// Runs `query` over every event's text (read from `text`, the file's, when given; see
    /// [`query::search`]). `None` when it folds to nothing.
    #[must_use]
    pub fn run(t: &Timeline<'_>, index: &Index, text: Option<&str>, query: &str) -> Option<Self> {
        let needle = query::fold::fold(query);
        if needle.trim().is_empty() {
            return None;
        }
        Some(Search {
            query: query.to_string(),
            all: query::search(t, index, text, query),
            needle,
            hits: Vec::new(),
        })
    }

    /// Recomputes [`Search::hits`] for a new list of shown positions (ascending).
    pub fn restrict(&mut self, shown: &[u32]) {
        self.hits = self
            .all
            .iter()
            .filter_map(|p| shown.binary_search(p).ok())
            .collect();
    }

    /// Recomputes [`Search::hits`] for the statements view: in each
    /// matching event, the statements whose own words or speaker match; when none does (the
    /// event matched by its title, say), the event's first statement, so that no matching
    /// event is lost.
    ///
    /// The rows are given by two functions: `rows_of(pos)`, the rows (a half-open range, empty
    /// when none) of the event at timeline position `pos`, and `at(row)`, the statement of a
    /// row in that range. Costs a lookup per matching event, not a pass over the rows.
    pub fn restrict_statements(
        &mut self,
        t: &Timeline<'_>,
        rows_of: impl Fn(u32) -> std::ops::Range<usize>,
        at: impl Fn(usize) -> StatementRef,
    ) {
        self.hits.clear();
        for &event in &self.all {
            let rows = rows_of(event);
            if rows.is_empty() {
                continue;
            }
            let before = self.hits.len();
            for i in rows.clone() {
                if statement_matches(t, at(i), &self.needle) {
                    self.hits.push(i);
                }
            }
            if self.hits.len() == before {
                self.hits.push(rows.start);
            }
        }
    }

    /// The 0-based rank of shown index `i` among the hits, when it is one.
    #[must_use]
    pub fn rank(&self, i: usize) -> Option<usize> {
        self.hits.binary_search(&i).ok()
    }

    /// The first hit after shown index `i`, wrapping to the first; and whether it wrapped.
    #[must_use]
    pub fn next(&self, i: usize) -> Option<(usize, bool)> {
        let k = self.hits.partition_point(|&h| h <= i);
        match self.hits.get(k) {
            Some(&h) => Some((h, false)),
            None => self.hits.first().map(|&h| (h, true)),
        }
    }

    /// The last hit before shown index `i`, wrapping to the last; and whether it wrapped.
    #[must_use]
    pub fn prev(&self, i: usize) -> Option<(usize, bool)> {
        let k = self.hits.partition_point(|&h| h < i);
        match k.checked_sub(1).and_then(|k| self.hits.get(k)) {
            Some(&h) => Some((h, false)),
            None => self.hits.last().map(|&h| (h, true)),
        }
    }
}

/// Whether the statement's words, or its speaker's or claimant's name, contain the folded
/// `needle`.
fn statement_matches(t: &Timeline<'_>, at: StatementRef, needle: &str) -> bool {
    let e = &t.events[at.event as usize];
    let (text, who) = match at.kind() {
        Kind::Quote => {
            let q = &e.quotes[at.index()];
            (&q.text, Some(q.speaker))
        }
        Kind::Claim => {
            let c = &e.claims[at.index()];
            (&c.text, c.by)
        }
    };
    !ranges(text, needle).is_empty()
        || who.is_some_and(|p| !ranges(&t.participant(&p).name, needle).is_empty())
}

/// Byte ranges of `text` where the folded `needle` occurs, ignoring case and accents the way
/// the search index does.
#[must_use]
pub fn ranges(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    // For every folded byte, the source character it came from.
    let mut from: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let before = folded.len();
        fold_into(&text[i..end], &mut folded);
        from.extend(std::iter::repeat_n((i, end), folded.len() - before));
    }
    folded
        .match_indices(needle)
        .map(|(at, m)| from[at].0..text::cluster_end(text, from[at + m.len() - 1].1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_fold_case_and_accents() {
        let t = "Türkiye’s TURKIYE turkiye";
        let got: Vec<&str> = ranges(t, "turkiye").into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["Türkiye", "TURKIYE", "turkiye"]);
        let t = "Cafe\u{301} au lait";
        let got: Vec<&str> = ranges(t, "cafe").into_iter().map(|r| &t[r]).collect();
        // The accent stays with its letter, inside the highlight.
        assert_eq!(got, ["Cafe\u{301}"]);
        assert!(ranges("abc", "").is_empty());
    }

    #[test]
    fn next_and_prev_wrap_around() {
        let s = Search {
            query: "x".into(),
            needle: "x".into(),
            all: vec![],
            hits: vec![2, 5, 9],
        };
        assert_eq!(s.next(0), Some((2, false)));
        assert_eq!(s.next(5), Some((9, false)));
        assert_eq!(s.next(9), Some((2, true)));
        assert_eq!(s.prev(5), Some((2, false)));
        assert_eq!(s.prev(2), Some((9, true)));
        assert_eq!(s.rank(5), Some(1));
        assert_eq!(s.rank(4), None);
    }
}
