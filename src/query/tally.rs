//! What a filter of one part needs to show its statements without a pass over the timeline:
//! the events having a statement with a flag (`--anonymous`, `--disputed`, `--corroborated`,
//! `--single-origin`) or a relay (`--via`), and running counts of statements, every [`STEP`]
//! events, over those lists and over the index's own (a round's, a participant's, a source's).
//! All are built once at load by [`Index::build`](super::Index::build); a count is then a
//! running count plus at most [`STEP`]` - 1` events read.

use std::collections::HashMap;

use crate::model::{ParticipantKind, Ref, Timeline};

use super::corroboration::{Corroboration, Group, attributions};
use super::fold::fold;
use super::index::{Index, Outlets, STEP};
use super::lists::Lists;
use super::statement::{Kind, StatementRef};

/// Running counts of rows (statements) over one list of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Running<'a> {
    /// Entry `j`: how many rows the list's events `..(j + 1) * STEP` have. Kept for every
    /// full run of [`STEP`] events that another event follows (the last full run may have
    /// none: [`Running::total`] counts it).
    pub steps: &'a [u32],
    /// How many rows the whole list has.
    pub total: usize,
}

impl Running<'_> {
    /// How many rows the events `list[..k]` have, `list` being the list these counts were
    /// kept over and `rows` counting the rows of the event at a timeline position. A running
    /// count plus at most [`STEP`]` - 1` events counted by `rows`; `k` past the list's end
    /// counts the whole list.
    pub fn before(&self, list: &[u32], k: usize, rows: impl Fn(u32) -> usize) -> usize {
        if k >= list.len() {
            return self.total;
        }
        let j = k / STEP;
        let from = match j {
            0 => 0,
            _ => self.steps[j - 1] as usize,
        };
        from + list[j * STEP..k]
            .iter()
            .map(|&pos| rows(pos))
            .sum::<usize>()
    }
}

/// Running counts over many lists of events, one per key (a round, a participant, a source).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per key: [`Running::steps`].
    steps: Lists,
    /// Per key: [`Running::total`].
    totals: Vec<u32>,
}

impl Counts {
    /// The running counts of key `key`'s list. Panics if `key` is not below the number of
    /// keys the counts were made for.
    #[must_use]
    pub fn of(&self, key: usize) -> Running<'_> {
        Running {
            steps: &self.steps[key],
            total: self.totals[key] as usize,
        }
    }
}

/// Makes [`Counts`] as the lists' events come, in ascending timeline position.
#[derive(Debug)]
pub(crate) struct Counter {
    totals: Vec<u32>,
    lens: Vec<u32>,
    steps: Vec<(u32, u32)>,
}

impl Counter {
    /// Counts for `keys` lists, all empty.
    pub(crate) fn new(keys: usize) -> Self {
        Counter {
            totals: vec![0; keys],
            lens: vec![0; keys],
            steps: Vec::new(),
        }
    }

    /// An event joins the end of `key`'s list, with `n` rows.
    #[inline]
    pub(crate) fn push(&mut self, key: usize, n: u32) {
        let len = &mut self.lens[key];
        if *len > 0 && (*len as usize).is_multiple_of(STEP) {
            self.steps.push((key as u32, self.totals[key]));
        }
        *len += 1;
        self.totals[key] += n;
    }

    /// `n` more rows for the event that last joined `key`'s list.
    #[inline]
    pub(crate) fn add(&mut self, key: usize, n: u32) {
        self.totals[key] += n;
    }

    pub(crate) fn finish(self) -> Counts {
        Counts {
            steps: Lists::from_pairs(self.totals.len(), &self.steps),
            totals: self.totals,
        }
    }
}

/// The events having statements of one kind, with running counts of those statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picked {
    /// Timeline positions of the events having one or more, ascending, each once.
    pub events: Vec<u32>,
    /// [`Running::steps`] over `events`.
    steps: Vec<u32>,
    /// How many statements there are in all.
    total: u32,
    /// The statements themselves, in timeline order (quotes before claims within an event),
    /// for the lists that keep them ([`Index::cited_flags`](super::Index::cited_flags)): a
    /// view's rows are then read from here, eight bytes a row, without reading the events.
    /// `None` for the other lists.
    rows: Option<Vec<StatementRef>>,
}

impl Picked {
    /// `n` statements of the event at `pos`, which is the last event pushed or after it.
    #[inline]
    pub(crate) fn push(&mut self, pos: u32, n: u32) {
        if n > 0 {
            self.keep(pos, n);
        }
    }

    /// The event at `pos` (the last event pushed or after it) kept, with `n` statements, 0 or
    /// more: for lists of events that keep some without a statement to show.
    #[inline]
    pub(crate) fn keep(&mut self, pos: u32, n: u32) {
        if self.events.last() != Some(&pos) {
            if !self.events.is_empty() && self.events.len().is_multiple_of(STEP) {
                self.steps.push(self.total);
            }
            self.events.push(pos);
        }
        self.total += n;
    }

    /// The running counts of the statements over [`Picked::events`].
    #[must_use]
    pub fn running(&self) -> Running<'_> {
        Running {
            steps: &self.steps,
            total: self.total as usize,
        }
    }

    /// The statement `at`, of the event kept next (or last), kept as a row, for a list that
    /// keeps its statements ([`Picked::rows`]); [`Picked::keep_with_rows`] then keeps its event.
    #[inline]
    fn keep_row(&mut self, at: StatementRef) {
        self.rows.get_or_insert_with(Vec::new).push(at);
    }

    /// The event at `pos` kept, with the rows kept for it since the event before
    /// ([`Picked::keep_row`]) as its statements, 0 or more.
    fn keep_with_rows(&mut self, pos: u32) {
        let rows = self.rows.as_ref().map_or(0, Vec::len) as u32;
        self.keep(pos, rows - self.total);
    }

    /// The statements counted, in timeline order, when the list keeps them (the lists of
    /// [`Index::cited_flags`](super::Index::cited_flags), `Some` even when empty); `None`
    /// for a list that keeps only events and counts. As many as the running counts' total.
    #[must_use]
    pub fn rows(&self) -> Option<&[StatementRef]> {
        self.rows.as_deref()
    }

    /// Gives back the room the lists grew into beyond their length.
    fn shrink(&mut self) {
        self.events.shrink_to_fit();
        self.steps.shrink_to_fit();
        if let Some(rows) = &mut self.rows {
            rows.shrink_to_fit();
        }
    }
}

/// A filter flag: what is known of a statement beyond who said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// `--anonymous`: a quote or claim by a participant of kind `Group`.
    Anonymous,
    /// `--disputed`: a claim that disputes another or is disputed.
    Disputed,
    /// `--corroborated`: a claim whose group has two or more independent origins.
    Corroborated,
    /// `--single-origin`: a claim several outlets carry from a single independent origin.
    SingleOrigin,
}

impl Flag {
    /// Every flag, in the order of [`Index::flagged`](super::Index::flagged).
    pub const ALL: [Flag; 4] = [
        Flag::Anonymous,
        Flag::Disputed,
        Flag::Corroborated,
        Flag::SingleOrigin,
    ];

    /// Whether the statement `at` has this flag: the one definition, which the filters and the
    /// index's lists both ask. `index` must hold `disputed_by` and the corroboration groups
    /// of `t`.
    #[must_use]
    pub fn holds(self, t: &Timeline<'_>, index: &Index, at: StatementRef) -> bool {
        let event = &t.events[at.event as usize];
        match (self, at.kind()) {
            (Flag::Anonymous, Kind::Quote) => {
                is_anonymous(t, Some(&event.quotes[at.index()].speaker))
            }
            (Flag::Anonymous, Kind::Claim) => is_anonymous(t, event.claims[at.index()].by.as_ref()),
            (_, Kind::Quote) => false,
            (Flag::Disputed, Kind::Claim) => index.is_disputed(index.claim_number(at)),
            (Flag::Corroborated | Flag::SingleOrigin, Kind::Claim) => {
                self.of_group(index.corroboration.group(index.claim_number(at)))
            }
        }
    }

    /// Whether a claim of the corroboration group `g` has this flag, for the flags a claim's
    /// group decides (`--corroborated`, `--single-origin`); false for the others.
    #[must_use]
    pub fn of_group(self, g: Group<'_>) -> bool {
        match self {
            Flag::Corroborated => g.is_corroborated(),
            Flag::SingleOrigin => g.is_circular(),
            Flag::Anonymous | Flag::Disputed => false,
        }
    }
}

/// Whether a statement by `who` (a quote's speaker, a claim's claimant, `None` for the outlet
/// itself) is anonymous: said by a participant of kind `Group`.
#[must_use]
#[inline]
pub fn is_anonymous(t: &Timeline<'_>, who: Option<&Ref>) -> bool {
    who.is_some_and(|w| t.participant(w).kind == ParticipantKind::Group)
}

/// A relay as the filters compare it: folded (see [`fold`]), its words apart by one space and
/// no space around them, so that `TASS`, ` tass ` and `Tass` are one relay.
#[must_use]
pub fn fold_relay(via: &str) -> String {
    let folded = fold(via);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How a filter's relay is compared with a statement's, both folded by [`fold_relay`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayMatch {
    /// The statement's relay holds the text: `--via TEXT` typed on the command line (`tass`
    /// keeps `TASS` and `a source from TASS`).
    Contains,
    /// The statement's relay is the text: a relay picked from the browser's filter menu
    /// (`TASS` keeps `TASS` and ` tass`, not `a source from TASS`).
    Exact,
}

/// The relay part of a filter (`--via`, or a relay picked from the filter menu).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayPart {
    /// As a header shows it: for [`RelayMatch::Exact`], the relay as the timeline first
    /// writes it ([`Via::text`]); for [`RelayMatch::Contains`], as typed. Spaces around it left
    /// out; never empty.
    pub text: String,
    /// `text` folded by [`fold_relay`]; never empty.
    pub folded: String,
    /// How a statement's relay is compared with it.
    pub how: RelayMatch,
}

impl RelayPart {
    /// `text` compared `how`; `None` when it folds to nothing (blank text filters nothing).
    #[must_use]
    pub fn new(text: &str, how: RelayMatch) -> Option<Self> {
        let folded = fold_relay(text);
        (!folded.is_empty()).then(|| RelayPart {
            text: text.trim().to_string(),
            folded,
            how,
        })
    }

    /// Whether a statement relayed by `via` (as the file writes it) passes: the one
    /// definition of a relay match, which the filters ask of each statement and
    /// [`RelayPart::relays`] of the index's relays.
    #[must_use]
    pub fn matches(&self, via: &str) -> bool {
        self.matches_folded(&fold_relay(via))
    }

    /// [`RelayPart::matches`] for a relay already folded by [`fold_relay`].
    fn matches_folded(&self, folded: &str) -> bool {
        match self.how {
            RelayMatch::Contains => folded.contains(&self.folded),
            RelayMatch::Exact => folded == self.folded,
        }
    }

    /// The positions in `relays` (the index's, [`Index::relays`](super::Index::relays)) of the
    /// relays whose statements pass: every statement with a relay is in the list of exactly
    /// one of them, so the events these lists hold together are the events kept.
    pub fn relays<'v>(&'v self, relays: &'v [Via]) -> impl Iterator<Item = usize> + 'v {
        (0..relays.len()).filter(|&v| self.matches_folded(&relays[v].folded))
    }
}

/// The distinct sources (indices into `Timeline::sources`) carrying a statement: its `source`
/// and `also`, each once, in file order. A statement passes `--source` when one of them is
/// named.
pub fn statement_sources<'s>(source: &'s Ref, also: &'s [Ref]) -> impl Iterator<Item = u32> + 's {
    attributions(source, also)
        .enumerate()
        .filter(move |&(i, r)| {
            i == 0
                || (r.target != source.target
                    && !also[..i - 1].iter().any(|a| a.target == r.target))
        })
        .map(|(_, r)| r.target)
}

/// One relay (`via`) the timeline's statements give, as the filter menu offers it, with the
/// events whose statements it relays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// As the file first writes it, spaces around it left out; never empty.
    pub text: String,
    /// `text` folded by [`fold_relay`]: no other [`Via`] of the index has the same; never
    /// empty.
    pub folded: String,
    /// The events having a statement whose relay folds to `folded` (`TASS` and ` tass`, not
    /// `a source from TASS`, which is a relay of its own), and running counts of those
    /// statements.
    pub picked: Picked,
}

/// What the pass over the events gathers of their statements for the lists here: the
/// anonymous ones.
#[derive(Debug, Default)]
pub(crate) struct Picks {
    pub(crate) anonymous: Picked,
    /// The anonymous statements of the event being read.
    unnamed: u32,
}

impl Picks {
    /// A statement of the event being read, by `who` (`None`: the outlet itself).
    #[inline]
    pub(crate) fn statement(&mut self, t: &Timeline<'_>, who: Option<&Ref>) {
        self.unnamed += u32::from(is_anonymous(t, who));
    }

    /// The end of the statements of the event at `pos`.
    #[inline]
    pub(crate) fn end_event(&mut self, pos: u32) {
        self.anonymous.push(pos, std::mem::take(&mut self.unnamed));
    }
}

/// Every relay of the statements, with the events and statements each one picks
/// ([`Index::relays`]). Two passes over the statements' relays, the first to find the distinct
/// texts and how many events give each, the second to fill lists made at their size: nothing
/// is held between them but a number per distinct text (the browser makes these on a thread,
/// whose memory the rest of the program does not reuse).
pub(crate) fn relays(t: &Timeline<'_>) -> Vec<Via> {
    fn vias<'t>(e: &'t crate::model::Event<'_>) -> impl Iterator<Item = &'t str> {
        let quotes = e.quotes.iter().filter_map(|q| q.via.as_deref());
        quotes.chain(e.claims.iter().filter_map(|c| c.via.as_deref()))
    }
    let mut relays = Relays::default();
    for e in &t.events {
        for via in vias(e) {
            relays.note(via);
        }
        relays.event.clear();
    }
    let (mut out, of_text) = relays.offered();
    for (pos, e) in (0u32..).zip(&t.events) {
        for via in vias(e) {
            if let Some(v) = of_text[relays.ids[via] as usize] {
                out[v as usize].picked.push(pos, 1);
            }
        }
    }
    out
}

/// The distinct relays of the statements, as they come in timeline order.
#[derive(Debug)]
struct Relays<'t> {
    /// Each distinct text as written, to its number.
    ids: HashMap<&'t str, u32, foldhash::fast::RandomState>,
    /// The distinct texts as written, in the order first met, with how many events give each
    /// (an event counted once per text).
    texts: Vec<(&'t str, u32)>,
    /// The texts met in the event being read.
    event: Vec<u32>,
}

impl Default for Relays<'_> {
    fn default() -> Self {
        Relays {
            ids: HashMap::with_hasher(foldhash::fast::RandomState::default()),
            texts: Vec::new(),
            event: Vec::new(),
        }
    }
}

impl<'t> Relays<'t> {
    /// A statement of the event being read relayed by `via`.
    fn note(&mut self, via: &'t str) {
        let next = self.texts.len() as u32;
        let id = *self.ids.entry(via).or_insert(next);
        if id == next {
            self.texts.push((via, 0));
        }
        if !self.event.contains(&id) {
            self.event.push(id);
            self.texts[id as usize].1 += 1;
        }
    }

    /// The relays to offer: each distinct folded text once, as first written, with empty
    /// lists made at the most events they can hold; and per distinct text, the relay offered
    /// that it folds to (none for a text that folds to nothing).
    fn offered(&self) -> (Vec<Via>, Vec<Option<u32>>) {
        let mut out: Vec<Via> = Vec::new();
        let mut folded_to: HashMap<String, u32, foldhash::fast::RandomState> =
            HashMap::with_hasher(foldhash::fast::RandomState::default());
        let mut room: Vec<usize> = Vec::new();
        let mut of_text = Vec::with_capacity(self.texts.len());
        for &(text, events) in &self.texts {
            let folded = fold_relay(text);
            if folded.is_empty() {
                of_text.push(None);
                continue;
            }
            let v = if let Some(&v) = folded_to.get(&folded) {
                v
            } else {
                let v = out.len() as u32;
                folded_to.insert(folded.clone(), v);
                out.push(Via {
                    text: text.trim().to_string(),
                    folded,
                    picked: Picked::default(),
                });
                room.push(0);
                v
            };
            room[v as usize] += events as usize;
            of_text.push(Some(v));
        }
        for (v, room) in out.iter_mut().zip(room) {
            v.picked.events.reserve_exact(room);
        }
        (out, of_text)
    }
}

/// Whether claim `n` (an index into `Timeline::claims`) is disputed: it disputes another
/// claim (its `disputes` is not empty) or another claim disputes it (its list in
/// `index.disputed_by` is not empty). The one definition of `--disputed`; the index keeps its
/// answer for every claim ([`Index::is_disputed`]). `index` must be `t`'s; panics if `n` is
/// past the last claim.
#[must_use]
pub fn is_disputed(t: &Timeline<'_>, index: &Index, n: usize) -> bool {
    let c = t.claims[n];
    !t.events[c.event as usize].claims[c.claim as usize]
        .disputes
        .is_empty()
        || !index.disputed_by[n].is_empty()
}

/// The events having a disputed claim, with running counts of those claims, and the disputed
/// claims as bits ([`Index::disputed_claims`]), from `index.disputed_by`.
pub(crate) fn disputed(t: &Timeline<'_>, index: &Index) -> (Picked, Vec<u64>) {
    // A disputed claim disputes one (it is among the claims listed in the table) or is
    // disputed (its list is not empty): these claims, and no other, can be.
    let mut candidates: Vec<u32> = (0..index.disputed_by.len())
        .filter(|&n| !index.disputed_by[n].is_empty())
        .map(|n| n as u32)
        .collect();
    for n in 0..index.disputed_by.len() {
        candidates.extend_from_slice(&index.disputed_by[n]);
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut disputed = Picked::default();
    let mut bits = vec![0u64; t.claims.len().div_ceil(64)];
    for n in candidates {
        if is_disputed(t, index, n as usize) {
            disputed.push(t.claims[n as usize].event, 1);
            bits[n as usize / 64] |= 1 << (n % 64);
        }
    }
    (shrunk(disputed), bits)
}

/// The lists of the flags a claim's group decides, corroborated then single-origin, made
/// beside the groups (on their thread) from the claims that are not the usual kind.
pub(crate) fn group_flags(t: &Timeline<'_>, groups: &Corroboration) -> [Picked; 2] {
    let mut out = [Picked::default(), Picked::default()];
    // A usual claim (most of them) is neither: its group is not looked at.
    for n in (0..t.claims.len()).filter(|&n| !groups.is_usual(n)) {
        let g = groups.group(n);
        for (list, flag) in out.iter_mut().zip([Flag::Corroborated, Flag::SingleOrigin]) {
            if flag.of_group(g) {
                list.push(t.claims[n].event, 1);
            }
        }
    }
    out.map(shrunk)
}

/// Per flag, in the order of [`Flag::ALL`], per participant: the events where the participant
/// makes a statement (a quote as speaker, a claim as claimant) with the flag, and running
/// counts of those statements ([`Index::spoken_flags`](super::Index::spoken_flags)). Made from
/// the flags' lists, reading only the statements of their events: what a speaker and a flag
/// keep together, without walking the speaker's events.
pub(crate) fn spoken_flags(t: &Timeline<'_>, index: &Index) -> [Vec<Picked>; 4] {
    Flag::ALL.map(|flag| {
        let mut per = vec![Picked::default(); t.participants.len()];
        for &pos in &index.flagged(flag).events {
            let e = &t.events[pos as usize];
            for at in Index::statements_of(pos, e) {
                let who = match at.kind() {
                    Kind::Quote => Some(&e.quotes[at.index()].speaker),
                    Kind::Claim => e.claims[at.index()].by.as_ref(),
                };
                if let Some(who) = who
                    && flag.holds(t, index, at)
                {
                    per[who.target as usize].push(pos, 1);
                }
            }
        }
        per.into_iter().map(shrunk).collect()
    })
}

/// Per flag, in the order of [`Flag::ALL`], per outlet (as [`Outlets`] numbers them): the
/// events citing the outlet (anywhere, as [`Outlets::citing`]) that have a statement with the
/// flag, which `--source OUTLET` and the flag keep together, and running counts of the
/// statements the statements view shows for them: those with the flag carried by one of the
/// outlet's sources (their `source` or `also`), each counted once per outlet, and those
/// statements themselves ([`Picked::rows`])
/// ([`Index::cited_flags`](super::Index::cited_flags)). Made from the flags' lists, reading
/// only the statements of their events.
pub(crate) fn cited_flags(t: &Timeline<'_>, index: &Index, outlets: &Outlets) -> [Vec<Picked>; 4] {
    let n = outlets.sources.len();
    let of = |r: &Ref| outlets.outlet_of[r.ix()];
    // Per event: the outlets it cites; per outlet, its statements with the flag are its rows.
    let mut cited: Vec<u32> = Vec::new();
    let mut carried: Vec<u32> = Vec::new();
    Flag::ALL.map(|flag| {
        let mut per = vec![
            Picked {
                rows: Some(Vec::new()),
                ..Picked::default()
            };
            n
        ];
        for &pos in &index.flagged(flag).events {
            let e = &t.events[pos as usize];
            cited.clear();
            cited.extend(e.sources.iter().map(of));
            for at in Index::statements_of(pos, e) {
                let (source, also) = match at.kind() {
                    Kind::Quote => {
                        let q = &e.quotes[at.index()];
                        (q.source, q.also())
                    }
                    Kind::Claim => {
                        let c = &e.claims[at.index()];
                        (c.source, c.also())
                    }
                };
                carried.clear();
                carried.extend(
                    statement_sources(&source, also).map(|s| outlets.outlet_of[s as usize]),
                );
                carried.sort_unstable();
                carried.dedup();
                cited.extend_from_slice(&carried);
                if flag.holds(t, index, at) {
                    for &o in &carried {
                        per[o as usize].keep_row(at);
                    }
                }
            }
            cited.sort_unstable();
            cited.dedup();
            for &o in &cited {
                per[o as usize].keep_with_rows(pos);
            }
        }
        per.into_iter().map(shrunk).collect()
    })
}

/// Shrinks a list made at the pass over the events.
pub(crate) fn shrunk(mut p: Picked) -> Picked {
    p.shrink();
    p
}

/// The generator of timelines (`cargo run --example gen`), for the tests below.
#[cfg(test)]
#[allow(dead_code, clippy::all, clippy::pedantic)]
#[path = "../../examples/gen/lib.rs"]
mod generator;

#[cfg(test)]
mod tests {
    use super::{Flag, RelayMatch, RelayPart, Running, fold_relay};
    use crate::model::{BUNDLED, Timeline, load_str};
    use crate::query::filter::relays;
    use crate::query::fold::fold;
    use crate::query::statement::StatementRef;
    use crate::query::testdata::SMALL;
    use crate::query::{Filter, Index};

    use super::generator;

    /// The generator's timeline of `events` events.
    fn generated(events: usize, seed: u64) -> String {
        let mut out = Vec::new();
        let opts = generator::Options {
            events,
            seed,
            format: generator::Format::Ron,
        };
        generator::generate(&mut out, &opts).expect("writing to memory cannot fail");
        String::from_utf8(out).expect("the generator writes UTF-8")
    }

    /// The index's list and counts against the statements `f` keeps, listed whole: the list
    /// holds every event with one (and, with `exact`, no other), and the running counts give
    /// the statements before each of its events.
    fn check(
        t: &Timeline<'_>,
        index: &Index,
        f: &Filter,
        list: &[u32],
        running: Running<'_>,
        exact: bool,
    ) {
        let whole: Vec<StatementRef> = f.statements(t, index, None);
        let mut events: Vec<u32> = whole.iter().map(|s| s.event).collect();
        events.dedup();
        if exact {
            assert_eq!(list, events, "{f:?}: the events");
        } else {
            assert!(
                events.iter().all(|e| list.binary_search(e).is_ok()),
                "{f:?}: the events"
            );
        }
        assert!(list.windows(2).all(|w| w[0] < w[1]), "{f:?}: ascending");
        assert_eq!(running.total, whole.len(), "{f:?}: the total");
        let mut of_event = vec![0usize; t.events.len()];
        for s in &whole {
            of_event[s.event as usize] += 1;
        }
        let rows = |pos: u32| of_event[pos as usize];
        for k in 0..=list.len() {
            let at = list.get(k).copied().unwrap_or(u32::MAX);
            let before = whole.partition_point(|s| s.event < at);
            assert_eq!(running.before(list, k, rows), before, "{f:?}: before {k}");
        }
    }

    /// A flag over one filter: `f` with `flag` set.
    fn with_flag(flag: Flag, f: Filter) -> Filter {
        Filter {
            anonymous: flag == Flag::Anonymous,
            disputed: flag == Flag::Disputed,
            corroborated: flag == Flag::Corroborated,
            single_origin: flag == Flag::SingleOrigin,
            ..f
        }
    }

    /// The index's lists of a flag with one speaker, and with one outlet, against the whole
    /// lists.
    fn check_flag_pairs(t: &Timeline<'_>, index: &Index) {
        for flag in Flag::ALL {
            // A speaker and a flag: exactly the events of the speaker's statements with it.
            for p in 0..t.participants.len() {
                let f = with_flag(
                    flag,
                    Filter {
                        speakers: vec![p as u32],
                        ..Filter::default()
                    },
                );
                let picked = index.spoken_flagged(t, p as u32, flag);
                check(t, index, &f, &picked.events, picked.running(), true);
            }
            // An outlet and a flag: the events the two keep together, with the statements the
            // statements view shows for them.
            for (o, sources) in index.outlets(t).sources.iter().enumerate() {
                let f = with_flag(
                    flag,
                    Filter {
                        sources: Some(sources.clone()),
                        ..Filter::default()
                    },
                );
                let picked = index.cited_flagged(t, o as u32, flag);
                assert_eq!(picked.events, f.apply(t, index, None), "{f:?}");
                // Its rows are the statements the filter keeps, in the statements view's order.
                assert_eq!(
                    picked.rows(),
                    Some(&f.statements(t, index, None)[..]),
                    "{f:?}"
                );
                check(t, index, &f, &picked.events, picked.running(), false);
            }
        }
    }

    /// Every list and running count of this module's against the whole lists.
    fn check_all(text: &str) -> usize {
        let t = load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        let mut some = 0;
        for flag in Flag::ALL {
            let f = with_flag(flag, Filter::default());
            let p = index.flagged(flag);
            check(&t, &index, &f, &p.events, p.running(), true);
            some += usize::from(!p.events.is_empty());
        }
        // Each relay once, as first written, folded; all of them.
        let mut offered: Vec<String> = Vec::new();
        for via in relays(&t) {
            let folded = fold_relay(via);
            if !folded.is_empty() && !offered.contains(&folded) {
                offered.push(folded);
            }
        }
        let folded: Vec<&str> = index.relays(&t).iter().map(|v| v.folded.as_str()).collect();
        assert_eq!(folded, offered);
        for v in index.relays(&t) {
            assert_eq!(fold_relay(&v.text), v.folded);
            assert!(relays(&t).any(|r| r.trim() == v.text));
            // A relay's list is its own statements' events, picked whole from the menu.
            let f = Filter {
                via: RelayPart::new(&v.text, RelayMatch::Exact),
                ..Filter::default()
            };
            check(&t, &index, &f, &v.picked.events, v.picked.running(), true);
        }
        // Outlets: each source in the one its outlet names, folded.
        let outlets = index.outlets(&t);
        for (o, sources) in outlets.sources.iter().enumerate() {
            assert!(!sources.is_empty());
            for &s in sources {
                assert_eq!(outlets.outlet_of[s as usize] as usize, o);
                assert_eq!(
                    fold(&t.sources[s as usize].outlet),
                    fold(&t.sources[sources[0] as usize].outlet)
                );
            }
            let f = Filter {
                sources: Some(sources.clone()),
                ..Filter::default()
            };
            assert_eq!(outlets.citing[o], f.apply(&t, &index, None));
            let running = outlets.statements.of(o);
            check(&t, &index, &f, &outlets.citing[o], running, false);
        }
        assert_eq!(
            outlets.sources.iter().map(Vec::len).sum::<usize>(),
            t.sources.len()
        );
        for r in 0..t.rounds.len() {
            let f = Filter {
                round: Some(r as u32),
                ..Filter::default()
            };
            let running = index.round_statements.of(r);
            check(&t, &index, &f, &index.in_round[r], running, false);
        }
        for p in 0..t.participants.len() {
            let f = Filter {
                participant: Some(p as u32),
                ..Filter::default()
            };
            let running = index.involved_statements.of(p);
            check(&t, &index, &f, &index.involved[p], running, false);
        }
        check_flag_pairs(&t, &index);
        some
    }

    #[test]
    fn a_relay_picked_whole_keeps_its_own_statements_and_typed_text_any_that_holds_it() {
        let text = include_str!("../../tests/fixtures/valid/relays.ron");
        let t = load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        let offered: Vec<(&str, &str)> = index
            .relays(&t)
            .iter()
            .map(|v| (v.text.as_str(), v.folded.as_str()))
            .collect();
        assert_eq!(
            offered,
            [
                ("TASS", "tass"),
                ("a source from  TASS", "a source from tass")
            ]
        );
        let kept = |text: &str, how| {
            let f = Filter {
                via: RelayPart::new(text, how),
                ..Filter::default()
            };
            let events: Vec<&str> = f
                .statements(&t, &index, None)
                .iter()
                .map(|s| &*t.events[s.event as usize].id.value)
                .collect();
            assert_eq!(f.apply(&t, &index, None).len(), events.len(), "{f:?}");
            events
        };
        // Case and spaces do not count; a longer relay holding the text is another relay.
        assert_eq!(kept("TASS", RelayMatch::Exact), ["a", "c"]);
        assert_eq!(kept(" Tass", RelayMatch::Exact), ["a", "c"]);
        assert_eq!(kept("A source FROM tass", RelayMatch::Exact), ["b"]);
        assert!(kept("source", RelayMatch::Exact).is_empty());
        // Typed text (`--via`) keeps every relay holding it.
        assert_eq!(kept("tass", RelayMatch::Contains), ["a", "b", "c"]);
        assert_eq!(kept("source from tass", RelayMatch::Contains), ["b"]);
        assert!(RelayPart::new("  ", RelayMatch::Exact).is_none());
    }

    #[test]
    fn the_index_keeps_each_claims_disputed_bit_as_the_definition_decides() {
        for text in [BUNDLED.to_string(), SMALL.to_string(), generated(3000, 1)] {
            let t = crate::model::load_str(&text).expect("it loads").timeline;
            let index = Index::build(&t);
            // From the file alone: a claim with a `disputes` list, and each claim it names.
            let mut want = vec![false; t.claims.len()];
            let mut n = 0;
            for e in &t.events {
                for c in &e.claims {
                    want[n] |= !c.disputes.is_empty();
                    for d in &c.disputes {
                        want[d.ix()] = true;
                    }
                    n += 1;
                }
            }
            for (n, &want) in want.iter().enumerate() {
                assert_eq!(index.is_disputed(n), want, "claim {n}");
                assert_eq!(super::is_disputed(&t, &index, n), want, "claim {n}");
            }
            assert!(want.contains(&true), "the timeline has disputed claims");
            assert!(
                !index.is_disputed(t.claims.len() + 64),
                "past the last claim"
            );
        }
    }

    #[test]
    fn the_lists_and_counts_are_those_of_the_whole_lists_on_small_timelines() {
        assert!(check_all(BUNDLED) >= 3, "the bundled timeline has flags");
        check_all(SMALL);
    }

    #[test]
    fn the_lists_and_counts_are_those_of_the_whole_lists_on_generated_timelines() {
        // Past several running counts per list, for the flags and the relays at least.
        for (events, seed) in [(700, 3), (3000, 1)] {
            assert_eq!(check_all(&generated(events, seed)), 4);
        }
    }
}
