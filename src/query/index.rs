//! Indexes over a loaded timeline, built once so that no keypress rescans the file.

use crate::model::Timeline;

use super::corroboration::Corroboration;
use super::lists::Lists;
use super::scan::FileOrder;
use super::statement::{self, StatementRef};
use crate::model::Event;

/// How often a participant speaks (quotes) and asserts (claims), and in which events.
#[derive(Debug, Clone, Default)]
pub struct Speaking {
    /// How many quotes have the participant as `speaker`.
    pub quotes: u32,
    /// How many claims have the participant as `by`.
    pub claims: u32,
    /// Positions (0-based, in timeline order) of events where the participant speaks or claims,
    /// ascending, each once.
    pub events: Vec<u32>,
}

/// Everything derived from a timeline at load.
#[derive(Debug, Clone)]
pub struct Index {
    /// Per participant.
    pub speaking: Vec<Speaking>,
    /// Per participant: folded id, name and aliases, for matching names as typed.
    pub names: Vec<Vec<String>>,
    /// Per participant: positions of the events it takes any part in (speaker, claimant, or
    /// listed in the event's `participants`), ascending, each once.
    pub involved: Vec<Vec<u32>>,
    /// Per event: the index into `Timeline::claims` of its first claim (claims are numbered
    /// event by event, in timeline order).
    pub first_claim: Vec<u32>,
    /// Per source: positions of the events citing it anywhere (event, quote or claim, their
    /// `also` included).
    pub citing: Vec<Vec<u32>>,
    /// Per round: positions of its events.
    pub in_round: Vec<Vec<u32>>,
    /// Per claim (index into `Timeline::claims`): the claims that dispute it (indices into
    /// `Timeline::claims`, ascending).
    pub disputed_by: Lists,
    /// Per event: whether any of its claims disputes or is disputed.
    pub contested: Vec<bool>,
    /// The events in the order the file lists them, for searching its text front to back.
    pub file_order: FileOrder,
    /// Every claim's corroboration group, outlets and independent origins.
    pub corroboration: Corroboration,
    /// Every [`STEP`]th event: entry `j` is how many statements (quotes and claims) the events
    /// at positions `0..j * STEP` have. Read by [`Index::statements_before`].
    pub statements_step: Vec<u32>,
    /// Per participant: entry `j` is how many statements (quotes as speaker, claims as
    /// claimant) the participant makes in the events `speaking[p].events[..(j + 1) * STEP]`.
    /// Read by [`Index::spoken_before`].
    pub spoken_step: Lists,
}

/// How far apart the running counts [`Index::statements_step`] and [`Index::spoken_step`]
/// are kept: at most this many events less one are read to count from one of them.
pub const STEP: usize = 256;

/// From this many events, the corroboration groups are built on a thread of their own (below,
/// a thread costs more than it saves).
pub const PARALLEL_EVENTS: usize = 4096;

fn push_unique(list: &mut Vec<u32>, pos: u32) {
    if list.last() != Some(&pos) {
        list.push(pos);
    }
}

impl Index {
    /// The statements of the event at position `pos`, its quotes then its claims (the order
    /// of [`statement::all`]).
    pub fn statements_of(pos: u32, e: &Event<'_>) -> impl Iterator<Item = StatementRef> {
        (0..e.quotes.len() as u32)
            .map(move |i| StatementRef::quote(pos, i))
            .chain((0..e.claims.len() as u32).map(move |i| StatementRef::claim(pos, i)))
    }

    /// The index into `Timeline::claims` of the claim `at` points at. Panics if `at` is a quote
    /// or outside the timeline this index was built from.
    #[must_use]
    pub fn claim_number(&self, at: StatementRef) -> usize {
        debug_assert_eq!(at.kind(), statement::Kind::Claim);
        self.first_claim[at.event as usize] as usize + at.index()
    }

    /// How many statements (quotes and claims) the events before position `pos` have, for
    /// `pos` in `0..=t.events.len()`: a running count plus at most [`STEP`]` - 1` events read.
    /// `t` must be the timeline this index was built from; panics if `pos` is past its end.
    #[must_use]
    pub fn statements_before(&self, t: &Timeline<'_>, pos: usize) -> usize {
        let j = pos / STEP;
        let from = self.statements_step[j] as usize;
        from + t.events[j * STEP..pos]
            .iter()
            .map(|e| e.quotes.len() + e.claims.len())
            .sum::<usize>()
    }

    /// How many statements participant `p` makes (quotes as speaker, claims as claimant) in
    /// the events `speaking[p].events[..k]`, for `k` up to that list's length: a running count
    /// plus at most [`STEP`]` - 1` events read. `t` must be the timeline this index was built
    /// from; panics if `p` is not one of its participants or `k` is past the list's end.
    #[must_use]
    pub fn spoken_before(&self, t: &Timeline<'_>, p: u32, k: usize) -> usize {
        let events = &self.speaking[p as usize].events;
        let step = k / STEP;
        let from = match step {
            0 => 0,
            _ => self.spoken_step[p as usize][step - 1] as usize,
        };
        from + events[step * STEP..k]
            .iter()
            .map(|&pos| {
                let e = &t.events[pos as usize];
                e.quotes.iter().filter(|q| q.speaker.target == p).count()
                    + e.claims
                        .iter()
                        .filter(|c| c.by.is_some_and(|b| b.target == p))
                        .count()
            })
            .sum::<usize>()
    }

    /// Builds every index, and the corroboration groups beside it. From [`PARALLEL_EVENTS`]
    /// events, where the machine has two cores or more, three threads share the work: the
    /// sources' lists ([`Index::citing`]) on one, the corroboration groups on another, the rest
    /// on the calling thread; the result is the one-thread build's
    /// (`index_built_on_threads_is_the_one_built_alone` in `tests/generator.rs`). `t` must be
    /// valid (loaded by [`crate::model::load_str`]): its references must be resolved, or this
    /// panics on an index out of bounds.
    #[must_use]
    pub fn build(t: &Timeline<'_>) -> Self {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        if threads < 2 || t.events.len() < PARALLEL_EVENTS {
            return Self::build_alone(t);
        }
        // Each pass mostly waits for memory (an event's lists lie where the file put them, in
        // the file's order, not the timeline's): passes on several threads wait at once. Each
        // list is made by one thread, so nothing is merged or held twice.
        std::thread::scope(|scope| {
            let corroboration = scope.spawn(|| Corroboration::build(t));
            let citing = scope.spawn(|| citing(t));
            let mut index = Self::build_events(t, Vec::new(), Corroboration::default());
            index.citing = citing
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            index.corroboration = corroboration
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            index
        })
    }

    /// [`Self::build`] on the calling thread alone.
    #[must_use]
    pub fn build_alone(t: &Timeline<'_>) -> Self {
        Self::build_events(t, citing(t), Corroboration::build(t))
    }

    /// Every index but the two given, in one pass over the events.
    fn build_events(t: &Timeline<'_>, citing: Vec<Vec<u32>>, corroboration: Corroboration) -> Self {
        let mut speaking = vec![Speaking::default(); t.participants.len()];
        let mut in_round = vec![Vec::new(); t.rounds.len()];
        let mut disputes: Vec<(u32, u32)> = Vec::new();
        let mut contested = vec![false; t.events.len()];
        let mut involved = vec![Vec::new(); t.participants.len()];
        let mut first_claim = Vec::with_capacity(t.events.len());
        let mut claim_no = 0u32;
        let mut file_order = FileOrder::with_capacity(t.events.len());
        let mut statements_step = Vec::with_capacity(t.events.len() / STEP + 1);
        let mut quote_no = 0u32;
        let mut spoken: Vec<(u32, u32)> = Vec::new();
        // Counts `p`'s statements, and notes every STEPth of its events with the count before it.
        let mut speaks = |speaking: &mut Vec<Speaking>, p: u32, pos: u32| {
            let sp = &mut speaking[p as usize];
            if sp.events.last() != Some(&pos) {
                if !sp.events.is_empty() && sp.events.len().is_multiple_of(STEP) {
                    spoken.push((p, sp.quotes + sp.claims));
                }
                sp.events.push(pos);
            }
        };
        for (pos, e) in t.events.iter().enumerate() {
            file_order.push(e.at, pos);
            if pos.is_multiple_of(STEP) {
                statements_step.push(quote_no + claim_no);
            }
            quote_no += e.quotes.len() as u32;
            let pos = pos as u32;
            if let Some(r) = &e.round {
                in_round[r.target as usize].push(pos);
            }
            first_claim.push(claim_no);
            for p in &e.participants {
                push_unique(&mut involved[p.ix()], pos);
            }
            for q in &e.quotes {
                speaks(&mut speaking, q.speaker.target, pos);
                speaking[q.speaker.ix()].quotes += 1;
                push_unique(&mut involved[q.speaker.ix()], pos);
            }
            for c in &e.claims {
                if let Some(by) = &c.by {
                    speaks(&mut speaking, by.target, pos);
                    speaking[by.ix()].claims += 1;
                    push_unique(&mut involved[by.ix()], pos);
                }
                for d in &c.disputes {
                    disputes.push((d.target, claim_no));
                    contested[pos as usize] = true;
                    contested[t.claims[d.ix()].event as usize] = true;
                }
                claim_no += 1;
            }
        }
        // The count after the last event, so that `statements_before` reads no event past it.
        if t.events.len().is_multiple_of(STEP) {
            statements_step.push(quote_no + claim_no);
        }
        // Every push for an event comes while that event is read, and events are read in
        // ascending position: `push_unique` alone keeps each list ascending and unique.
        debug_assert!(involved.iter().all(|l| l.windows(2).all(|w| w[0] < w[1])));
        let names = t
            .participants
            .iter()
            .map(|p| {
                std::iter::once(&p.id.value)
                    .chain(std::iter::once(&p.name))
                    .chain(&p.aliases)
                    .map(|s| super::fold::fold(s))
                    .collect()
            })
            .collect();
        Index {
            speaking,
            names,
            involved,
            first_claim,
            citing,
            in_round,
            disputed_by: Lists::from_pairs(t.claims.len(), &disputes),
            contested,
            file_order: file_order.finish(),
            corroboration,
            statements_step,
            spoken_step: Lists::from_pairs(t.participants.len(), &spoken),
        }
    }
}

/// Per source: the positions of the events citing it anywhere ([`Index::citing`]).
fn citing(t: &Timeline<'_>) -> Vec<Vec<u32>> {
    let mut citing = vec![Vec::new(); t.sources.len()];
    for (pos, e) in t.events.iter().enumerate() {
        for r in e.cited() {
            push_unique(&mut citing[r.ix()], pos as u32);
        }
    }
    // As in `build_events`: pushed in ascending position, so ascending and unique.
    debug_assert!(citing.iter().all(|l| l.windows(2).all(|w| w[0] < w[1])));
    citing
}
