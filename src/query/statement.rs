//! Statements (quotes and claims) as rows of their own, in timeline order, and the facts an
//! analyst asks of each: who, anonymous or not, disputed, confirmed, how many outlets and
//! independent origins. Decided here once; the views, the CSV and the citations format them.

use crate::model::{Claim, Event, Participant, Quote, Source, Timeline};

use super::attribution::Attribution;
use super::corroboration::{Group, quote_outlets};
use super::index::Index;

/// Whether a statement is a quote (words said, verbatim) or a claim (an assertion of fact, in
/// the file author's words): FORMAT.md "Quote" and "Claim".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A quote: `Event.quotes[i]`.
    Quote,
    /// A claim: `Event.claims[i]`.
    Claim,
}

impl Kind {
    /// `quote` or `claim`, as the CSV and the headless output write it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Claim => "claim",
        }
    }
}

/// Where one statement is: eight bytes. Not kept for every statement of a timeline (a million
/// events hold 5.7 million): made for the ones a view or a command shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementRef {
    /// Position of its event in timeline order (an index into `Timeline::events`).
    pub event: u32,
    /// The quote or claim index within the event, with the top bit set for a claim.
    packed: u32,
}

const CLAIM_BIT: u32 = 1 << 31;

impl StatementRef {
    /// The `i`th quote (0-based) of the event at position `event`.
    #[must_use]
    pub fn quote(event: u32, i: u32) -> Self {
        debug_assert!(i < CLAIM_BIT);
        StatementRef { event, packed: i }
    }

    /// The `i`th claim (0-based) of the event at position `event`.
    #[must_use]
    pub fn claim(event: u32, i: u32) -> Self {
        debug_assert!(i < CLAIM_BIT);
        StatementRef {
            event,
            packed: i | CLAIM_BIT,
        }
    }

    /// Quote or claim.
    #[must_use]
    pub fn kind(self) -> Kind {
        if self.packed & CLAIM_BIT == 0 {
            Kind::Quote
        } else {
            Kind::Claim
        }
    }

    /// The 0-based index into the event's `quotes` or `claims`.
    #[must_use]
    pub fn index(self) -> usize {
        (self.packed & !CLAIM_BIT) as usize
    }

    /// A key that sorts statements in timeline order, the order of [`all`]: by event
    /// position, then quotes before claims, then index.
    #[must_use]
    pub fn order(self) -> u64 {
        u64::from(self.event) << 32 | u64::from(self.packed)
    }
}

/// Every statement of `t` in timeline order: event by event, each event's quotes (in file
/// order), then its claims (in file order). The claims come in the order of
/// `Timeline::claims`.
#[must_use]
pub fn all(t: &Timeline<'_>) -> Vec<StatementRef> {
    let count = t
        .events
        .iter()
        .map(|e| e.quotes.len() + e.claims.len())
        .sum();
    let mut rows = Vec::with_capacity(count);
    for (pos, e) in t.events.iter().enumerate() {
        rows.extend(Index::statements_of(pos as u32, e));
    }
    rows
}

/// The record a [`StatementRef`] points at.
#[derive(Debug, Clone, Copy)]
pub enum Record<'t, 'a> {
    /// A quote.
    Quote(&'t Quote<'a>),
    /// A claim, with its index into `Timeline::claims`.
    Claim(&'t Claim<'a>, usize),
}

/// Who a statement is by: the speaker of a quote, the claimant of a claim, or, for a claim
/// with no `by`, the outlet that asserts it itself (FORMAT.md "Claim").
#[derive(Debug, Clone, Copy)]
pub enum Who<'t, 'a> {
    /// A participant (a quote's speaker, a claim's `by`).
    Participant(&'t Participant<'a>),
    /// The outlet of the claim's source, asserting it in its own voice.
    Outlet(&'t Source<'a>),
}

impl Who<'_, '_> {
    /// The name shown for it: the participant's name, or the outlet.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Who::Participant(p) => &p.name,
            Who::Outlet(s) => &s.outlet,
        }
    }

    /// The participant's role and side, joined with `, ` when both are given
    /// (`Kremlin spokesman, Russia`); `None` for an outlet or when neither is given.
    #[must_use]
    pub fn role(&self) -> Option<String> {
        let Who::Participant(p) = self else {
            return None;
        };
        match (p.role.as_deref(), p.side.as_deref()) {
            (Some(r), Some(s)) => Some(format!("{r}, {s}")),
            (Some(x), None) | (None, Some(x)) => Some(x.to_string()),
            (None, None) => None,
        }
    }
}

/// Everything known about one statement, read from the timeline and its index.
#[derive(Debug, Clone)]
pub struct Statement<'t, 'a> {
    /// Where it is.
    pub at: StatementRef,
    /// The event that holds it.
    pub event: &'t Event<'a>,
    /// The quote or claim itself.
    pub record: Record<'t, 'a>,
    /// Who it is by.
    pub who: Who<'t, 'a>,
    /// The words (a quote) or the assertion (a claim).
    pub text: &'t str,
    /// Its source, channel, relay, reprint and `also`.
    pub attribution: Attribution<'t, 'a>,
    /// By a participant of kind `Group` (FORMAT.md "Participant"): an unnamed or collective
    /// source such as "a TASS source".
    pub anonymous: bool,
    /// Claims only: the claims it disputes (its `disputes`, indices into `Timeline::claims`);
    /// empty for a quote.
    pub disputes: Vec<usize>,
    /// Claims only: the claims that dispute it (indices into `Timeline::claims`, ascending);
    /// empty for a quote.
    pub disputed_by: Vec<usize>,
    /// Claims only: its corroboration group; `None` for a quote.
    pub group: Option<Group<'t>>,
    /// Distinct outlets carrying it (for a claim, its whole group's); at least 1.
    pub outlets: u32,
    /// Distinct independent origins (for a quote, its speaker: always 1); at least 1.
    pub origins: u32,
}

impl<'t, 'a> Statement<'t, 'a> {
    /// Reads the statement `at` of `t`. Panics if `at` does not point into `t` (a
    /// [`StatementRef`] from [`all`] of another timeline).
    #[must_use]
    pub fn read(t: &'t Timeline<'a>, index: &'t Index, at: StatementRef) -> Self {
        let event = &t.events[at.event as usize];
        match at.kind() {
            Kind::Quote => {
                let q = &event.quotes[at.index()];
                let speaker = t.participant(&q.speaker);
                Statement {
                    at,
                    event,
                    record: Record::Quote(q),
                    who: Who::Participant(speaker),
                    text: &q.text,
                    attribution: Attribution::of_quote(t, q),
                    anonymous: super::tally::is_anonymous(t, Some(&q.speaker)),
                    disputes: Vec::new(),
                    disputed_by: Vec::new(),
                    group: None,
                    outlets: quote_outlets(t, q).len() as u32,
                    origins: 1,
                }
            }
            Kind::Claim => {
                let c = &event.claims[at.index()];
                let number = index.claim_number(at);
                let by = c.by.map(|r| t.participant(&r));
                let group = index.corroboration.group(number);
                let disputes = c.disputes.iter().map(crate::model::Ref::ix).collect();
                let disputed_by = index.disputed_by[number]
                    .iter()
                    .map(|&n| n as usize)
                    .collect();
                Statement {
                    at,
                    event,
                    record: Record::Claim(c, number),
                    who: by.map_or_else(|| Who::Outlet(t.source(&c.source)), Who::Participant),
                    text: &c.text,
                    attribution: Attribution::of_claim(t, c),
                    anonymous: super::tally::is_anonymous(t, c.by.as_ref()),
                    disputes,
                    disputed_by,
                    group: Some(group),
                    outlets: group.outlets,
                    origins: group.origins,
                }
            }
        }
    }

    /// Quote or claim.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.at.kind()
    }

    /// A claim that disputes another or is disputed by one.
    #[must_use]
    pub fn is_disputed(&self) -> bool {
        !self.disputes.is_empty() || !self.disputed_by.is_empty()
    }

    /// A claim joined by `confirms` to at least one other claim.
    #[must_use]
    pub fn is_confirmed(&self) -> bool {
        self.group.is_some_and(|g| g.members.len() > 1)
    }

    /// A claim whose group has two or more independent origins ([`Group::is_corroborated`]).
    #[must_use]
    pub fn is_corroborated(&self) -> bool {
        self.group.is_some_and(|g| g.is_corroborated())
    }

    /// A claim that several outlets carry from a single independent origin
    /// ([`Group::is_circular`]); never a quote (whose one origin is its speaker).
    #[must_use]
    pub fn is_single_origin(&self) -> bool {
        self.group.is_some_and(|g| g.is_circular())
    }

    /// The marks a row shows, in this order: `disputed`, `confirmed`, `anonymous`,
    /// `single-origin` (several outlets, one independent origin).
    #[must_use]
    pub fn marks(&self) -> Vec<&'static str> {
        [
            (self.is_disputed(), "disputed"),
            (self.is_confirmed(), "confirmed"),
            (self.anonymous, "anonymous"),
            (self.is_single_origin(), "single-origin"),
        ]
        .into_iter()
        .filter_map(|(on, mark)| on.then_some(mark))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const FIXTURE: &str = include_str!("../../tests/fixtures/valid/corroboration.ron");

    #[test]
    fn refs_pack_kind_and_index() {
        let q = StatementRef::quote(7, 3);
        let c = StatementRef::claim(7, 3);
        assert_eq!((q.kind(), q.index(), q.event), (Kind::Quote, 3, 7));
        assert_eq!((c.kind(), c.index(), c.event), (Kind::Claim, 3, 7));
        assert_ne!(q, c);
        assert!(q.order() < c.order());
        assert!(StatementRef::claim(6, 9).order() < q.order());
        assert!(StatementRef::quote(7, 2).order() < q.order());
    }

    #[test]
    fn every_statement_once_quotes_before_claims_in_each_event() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let rows = all(&t);
        let quotes: usize = t.events.iter().map(|e| e.quotes.len()).sum();
        assert_eq!(rows.len(), quotes + t.claims.len());
        // Claims in the order of `Timeline::claims`, which `disputes` and `confirms` index.
        let claims: Vec<(u32, usize)> = rows
            .iter()
            .filter(|r| r.kind() == Kind::Claim)
            .map(|r| (r.event, r.index()))
            .collect();
        let table: Vec<(u32, usize)> = t
            .claims
            .iter()
            .map(|c| (c.event, c.claim as usize))
            .collect();
        assert_eq!(claims, table);
        for pair in rows.windows(2) {
            assert!(pair[0].event <= pair[1].event);
            if pair[0].event == pair[1].event {
                assert!(!(pair[0].kind() == Kind::Claim && pair[1].kind() == Kind::Quote));
            }
        }
    }
}
