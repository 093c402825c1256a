//! Indexes over a loaded timeline, built once so that no keypress rescans the file.

use crate::model::Timeline;

use super::corroboration::Corroboration;
use super::lists::Lists;
use super::scan::FileOrder;
use super::statement::{self, StatementRef};
use super::tally::{self, Counter, Counts, Flag, Picked, Picks, Via};
use crate::model::{Event, Ref};

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
    /// Per round: positions of its events.
    pub in_round: Vec<Vec<u32>>,
    /// Per claim (index into `Timeline::claims`): the claims that dispute it (indices into
    /// `Timeline::claims`, ascending).
    pub disputed_by: Lists,
    /// Per claim (index into `Timeline::claims`), one bit: whether it disputes another claim
    /// or another disputes it (`--disputed`; FORMAT.md, "Claim": `disputes`, shown from both
    /// sides). Claim `n` is bit `n % 64` of word `n / 64`, `ceil(claims / 64)` words; made
    /// with the disputed claims' list. Read by [`Index::is_disputed`]: one bit, where the
    /// claim's own record and its list of disputers lie elsewhere in memory.
    pub disputed_claims: Vec<u64>,
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
    /// Per flag, in the order of [`Flag::ALL`]: the events having a statement with it, and
    /// running counts of those statements ([`Index::flagged`]).
    pub flags: [Picked; 4],
    /// The lists made on first need, not at load (see [`Later`]).
    later: Later,
    /// Per round: running counts of the statements of the events `in_round[r]`.
    pub round_statements: Counts,
    /// Per participant: running counts of the statements of the events `involved[p]` (every
    /// statement of them, not only the participant's).
    pub involved_statements: Counts,
}

/// The lists an [`Index`] makes on first need, not at load: each is a pass over what a load
/// does not read (every relay's text) or over statements most sessions never filter that way.
#[derive(Debug, Clone, Default)]
struct Later {
    /// Every relay the statements give: see [`Index::relays`].
    relays: std::sync::OnceLock<Vec<Via>>,
    /// The outlets, their sources and the events citing them: see [`Index::outlets`].
    outlets: std::sync::OnceLock<Outlets>,
    /// Per flag and participant, the events of the participant's statements with the flag:
    /// see [`Index::spoken_flags`].
    spoken_flags: std::sync::OnceLock<[Vec<Picked>; 4]>,
    /// Per flag and outlet, the events citing the outlet with a statement with the flag: see
    /// [`Index::cited_flags`].
    cited_flags: std::sync::OnceLock<[Vec<Picked>; 4]>,
}

/// The timeline's outlets, their sources and the events citing each ([`Index::outlets`]): what
/// `--source` and the filter menu's outlets read. An outlet is a distinct `outlet` text of the
/// sources, folded ([`super::fold::fold`]: case and spaces do not count); outlets are numbered
/// `0..` in the order the file first names them.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    /// Per outlet: its sources (indices into `Timeline::sources`, ascending, at least one).
    pub sources: Vec<Vec<u32>>,
    /// Per source (index into `Timeline::sources`): its outlet.
    pub outlet_of: Vec<u32>,
    /// Per outlet: positions (0-based, timeline order, ascending, each once) of the events
    /// citing one of its sources anywhere: the event's `sources`, or a quote's or claim's
    /// `source` or `also`.
    pub citing: Vec<Vec<u32>>,
    /// Per outlet: running counts, over the events `citing[o]`, of the statements carried by
    /// one of its sources ([`tally::statement_sources`]: their `source` or `also`), each
    /// statement counted once per outlet.
    pub statements: Counts,
}

impl Outlets {
    /// The key that makes sources one outlet: their `outlet` text folded
    /// ([`super::fold::fold`]: case, accents and spacing do not count).
    #[must_use]
    pub fn key(source: &crate::model::Source<'_>) -> String {
        super::fold::fold(&source.outlet)
    }
}

/// How far apart the running counts [`Index::statements_step`] and [`Index::spoken_step`]
/// are kept: at most this many events less one are read to count from one of them.
pub const STEP: usize = 8;

/// From this many events, the corroboration groups are built on a thread of their own (below,
/// a thread costs more than it saves).
pub const PARALLEL_EVENTS: usize = 4096;

/// How many events' lists [`Index::build_events`] copies at a time before reading them.
const GATHER: usize = 32;

/// The references in a few dozen events' lists, copied by a loop that does nothing else, then
/// handed out event by event ([`Index::build_events`]).
#[derive(Default)]
struct Gathered {
    /// Per event: its participants, then its quotes' speakers.
    who: Vec<Ref>,
    /// Per event: its claims' claimants.
    by: Vec<Option<Ref>>,
    /// Where the next event's entries start in `who` and `by`.
    next: (usize, usize),
}

impl Gathered {
    /// Copies the references of the events of `chunk`.
    fn fill(&mut self, chunk: &[Event<'_>]) {
        self.who.clear();
        self.by.clear();
        for e in chunk {
            self.who.extend(e.participants.iter().copied());
            self.who.extend(e.quotes.iter().map(|q| q.speaker));
            self.by.extend(e.claims.iter().map(|c| c.by));
        }
        self.next = (0, 0);
    }

    /// The participants, quotes' speakers and claims' claimants of `e`, the next event of the
    /// chunk filled.
    fn next(&mut self, e: &Event<'_>) -> (&[Ref], &[Ref], &[Option<Ref>]) {
        let (who, by) = self.next;
        let people = e.participants.len() + e.quotes.len();
        self.next = (who + people, by + e.claims.len());
        let (participants, speakers) = self.who[who..who + people].split_at(e.participants.len());
        (participants, speakers, &self.by[by..by + e.claims.len()])
    }
}

/// Pushes `pos` unless it is the list's last; whether it was pushed.
fn push_unique(list: &mut Vec<u32>, pos: u32) -> bool {
    let new = list.last() != Some(&pos);
    if new {
        list.push(pos);
    }
    new
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

    /// Whether claim `n` (an index into `Timeline::claims`) disputes another or is disputed:
    /// [`Index::disputed_claims`], decided at load by [`tally::is_disputed`]. False for `n`
    /// past the last claim.
    #[must_use]
    #[inline]
    pub fn is_disputed(&self, n: usize) -> bool {
        self.disputed_claims
            .get(n / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }

    /// Whether any claim of the event at timeline position `pos` (0-based) disputes or is
    /// disputed ([`Index::is_disputed`]): the `≠` of a timeline row, `disputed` in `list`.
    /// `t` must be the timeline this index was built from; panics if `pos` is past its end.
    #[must_use]
    pub fn contested(&self, t: &Timeline<'_>, pos: usize) -> bool {
        let first = self.first_claim[pos] as usize;
        (first..first + t.events[pos].claims.len()).any(|n| self.is_disputed(n))
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
        if k == events.len() {
            // The last full run may have no running count: the totals count it.
            let s = &self.speaking[p as usize];
            return (s.quotes + s.claims) as usize;
        }
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
    /// events, where the machine has two cores or more, the corroboration groups are built on
    /// a second thread; the result is the one-thread build's
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
        // the file's order, not the timeline's): passes on two threads wait at once. Each list
        // is made by one thread, so nothing is merged or held twice.
        std::thread::scope(|scope| {
            let corroboration = scope.spawn(|| {
                let groups = Corroboration::build(t);
                let flags = tally::group_flags(t, &groups);
                (groups, flags)
            });
            let mut index = Self::build_events(t);
            let (groups, flags) = corroboration
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            index.set_groups(t, groups, flags);
            index
        })
    }

    /// [`Self::build`] on the calling thread alone.
    #[must_use]
    pub fn build_alone(t: &Timeline<'_>) -> Self {
        let mut index = Self::build_events(t);
        let groups = Corroboration::build(t);
        let flags = tally::group_flags(t, &groups);
        index.set_groups(t, groups, flags);
        index
    }

    /// The events having a statement with `flag`, and running counts of those statements.
    #[must_use]
    pub fn flagged(&self, flag: Flag) -> &Picked {
        &self.flags[flag as usize]
    }

    /// Every relay the statements give, each distinct folded text once, in the order the
    /// timeline first gives them: the filter menu's relays, and the events and statements each
    /// one picks (see [`Via`]). Made at the first call, by one pass over the statements that
    /// read each relay's text (about 15 ms at 100k events, most of it waiting for memory), so
    /// that a load does not pay for it; the browser makes it on a thread of its own as soon as
    /// it opens a document. `t` must be the timeline this index was built from.
    pub fn relays(&self, t: &Timeline<'_>) -> &[Via] {
        self.later.relays.get_or_init(|| tally::relays(t))
    }

    /// The relays, when [`Index::relays`] has made them.
    #[must_use]
    pub fn relays_made(&self) -> Option<&[Via]> {
        self.later.relays.get().map(Vec::as_slice)
    }

    /// The outlets, their sources and the events citing each (see [`Outlets`]). Made at the
    /// first call, by one pass over every event's and statement's sources (about a fifth of
    /// what the other indexes cost at load), so that a load does not pay for them; the browser
    /// makes them on a thread of its own as soon as it opens a document, beside the relays.
    /// `t` must be the timeline this index was built from.
    pub fn outlets(&self, t: &Timeline<'_>) -> &Outlets {
        self.later.outlets.get_or_init(|| citing(t))
    }

    /// The outlets, when [`Index::outlets`] has made them.
    #[must_use]
    pub fn outlets_made(&self) -> Option<&Outlets> {
        self.later.outlets.get()
    }

    /// Per flag (in the order of [`Flag::ALL`]) and participant (its index): the events where
    /// the participant makes a statement with the flag (a quote as speaker, a claim as
    /// claimant), ascending, with running counts of those statements; what `--speaker P` and
    /// one flag keep together. Made at the first call, from the flags' lists (reading the
    /// statements of their events), so that a load does not pay for it; the browser makes it
    /// on a thread of its own beside the relays. `t` must be the timeline this index was built
    /// from.
    pub fn spoken_flags(&self, t: &Timeline<'_>) -> &[Vec<Picked>; 4] {
        self.later
            .spoken_flags
            .get_or_init(|| tally::spoken_flags(t, self))
    }

    /// [`Index::spoken_flags`] of participant `p` (an index into `Timeline::participants`)
    /// and `flag`, made if it is not yet.
    pub fn spoken_flagged(&self, t: &Timeline<'_>, p: u32, flag: Flag) -> &Picked {
        &self.spoken_flags(t)[flag as usize][p as usize]
    }

    /// [`Index::spoken_flags`], when it has been made.
    #[must_use]
    pub fn spoken_flags_made(&self) -> Option<&[Vec<Picked>; 4]> {
        self.later.spoken_flags.get()
    }

    /// Per flag (in the order of [`Flag::ALL`]) and outlet (as [`Outlets`] numbers them): the
    /// events citing the outlet that have a statement with the flag, ascending, which
    /// `--source OUTLET` and one flag keep together, with running counts of the statements
    /// with the flag carried by the outlet (what the statements view shows of those events;
    /// some have none), and those statements themselves ([`Picked::rows`], eight bytes each,
    /// so that the view's rows are read without reading the events). Made at the first call,
    /// from the flags' lists and the outlets (made first if they are not), as
    /// [`Index::spoken_flags`] is. `t` must be the timeline this index was built from.
    pub fn cited_flags(&self, t: &Timeline<'_>) -> &[Vec<Picked>; 4] {
        self.later
            .cited_flags
            .get_or_init(|| tally::cited_flags(t, self, self.outlets(t)))
    }

    /// [`Index::cited_flags`] of outlet `o` and `flag`, made if it is not yet.
    pub fn cited_flagged(&self, t: &Timeline<'_>, o: u32, flag: Flag) -> &Picked {
        &self.cited_flags(t)[flag as usize][o as usize]
    }

    /// [`Index::cited_flags`], when it has been made.
    #[must_use]
    pub fn cited_flags_made(&self) -> Option<&[Vec<Picked>; 4]> {
        self.later.cited_flags.get()
    }

    /// The corroboration groups and the lists of the flags they decide (corroborated,
    /// single-origin); then the disputed claims' list, which needs the dispute table.
    fn set_groups(&mut self, t: &Timeline<'_>, groups: Corroboration, flags: [Picked; 2]) {
        self.corroboration = groups;
        let [corroborated, single] = flags;
        self.flags[Flag::Corroborated as usize] = corroborated;
        self.flags[Flag::SingleOrigin as usize] = single;
        let (disputed, bits) = tally::disputed(t, self);
        self.flags[Flag::Disputed as usize] = disputed;
        self.disputed_claims = bits;
    }

    /// Every index but the corroboration groups and those made on first need (the outlets, the
    /// relays), and of the flags' lists the anonymous one, in one pass over the events.
    fn build_events(t: &Timeline<'_>) -> Self {
        let mut speaking = vec![Speaking::default(); t.participants.len()];
        let mut in_round = vec![Vec::new(); t.rounds.len()];
        let mut disputes: Vec<(u32, u32)> = Vec::new();
        let mut involved = vec![Vec::new(); t.participants.len()];
        let mut first_claim = Vec::with_capacity(t.events.len());
        let mut claim_no = 0u32;
        let mut file_order = FileOrder::with_capacity(t.events.len());
        let mut statements_step = Vec::with_capacity(t.events.len() / STEP + 1);
        let mut quote_no = 0u32;
        let mut spoken: Vec<(u32, u32)> = Vec::new();
        let mut picks = Picks::default();
        let mut round_statements = Counter::new(t.rounds.len());
        let mut involved_statements = Counter::new(t.participants.len());
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
        // Each event's lists lie where the file put them, far from the event: read in turn,
        // each is a cache miss waited for alone. They are copied first, a few dozen events at a
        // time, by a loop that does nothing else (so that many misses are in flight at once),
        // then used from that small buffer.
        let mut gathered = Gathered::default();
        for (c, chunk) in t.events.chunks(GATHER).enumerate() {
            gathered.fill(chunk);
            for (k, e) in chunk.iter().enumerate() {
                let pos = c * GATHER + k;
                file_order.push(e.at, pos);
                if pos.is_multiple_of(STEP) {
                    statements_step.push(quote_no + claim_no);
                }
                quote_no += e.quotes.len() as u32;
                let pos = pos as u32;
                let n = (e.quotes.len() + e.claims.len()) as u32;
                if let Some(r) = &e.round {
                    in_round[r.target as usize].push(pos);
                    round_statements.push(r.target as usize, n);
                }
                first_claim.push(claim_no);
                let mut takes_part = |involved: &mut Vec<Vec<u32>>, p: usize| {
                    if push_unique(&mut involved[p], pos) {
                        involved_statements.push(p, n);
                    }
                };
                let (participants, speakers, claimants) = gathered.next(e);
                for p in participants {
                    takes_part(&mut involved, p.ix());
                }
                for speaker in speakers {
                    picks.statement(t, Some(speaker));
                    speaks(&mut speaking, speaker.target, pos);
                    speaking[speaker.ix()].quotes += 1;
                    takes_part(&mut involved, speaker.ix());
                }
                for (c, by) in e.claims.iter().zip(claimants) {
                    picks.statement(t, by.as_ref());
                    if let Some(by) = by {
                        speaks(&mut speaking, by.target, pos);
                        speaking[by.ix()].claims += 1;
                        takes_part(&mut involved, by.ix());
                    }
                    for d in &c.disputes {
                        disputes.push((d.target, claim_no));
                    }
                    claim_no += 1;
                }
                picks.end_event(pos);
            }
        }
        // The count after the last event, so that `statements_before` reads no event past it.
        if t.events.len().is_multiple_of(STEP) {
            statements_step.push(quote_no + claim_no);
        }
        // Every push for an event comes while that event is read, and events are read in
        // ascending position: `push_unique` alone keeps each list ascending and unique.
        debug_assert!(involved.iter().all(|l| l.windows(2).all(|w| w[0] < w[1])));
        Index {
            speaking,
            names: names(t),
            involved,
            first_claim,
            in_round,
            disputed_by: Lists::from_pairs(t.claims.len(), &disputes),
            disputed_claims: Vec::new(),
            file_order: file_order.finish(),
            corroboration: Corroboration::default(),
            statements_step,
            spoken_step: Lists::from_pairs(t.participants.len(), &spoken),
            flags: [
                tally::shrunk(picks.anonymous),
                Picked::default(),
                Picked::default(),
                Picked::default(),
            ],
            later: Later::default(),
            round_statements: round_statements.finish(),
            involved_statements: involved_statements.finish(),
        }
    }
}

/// Per participant: its id, name and aliases, folded ([`Index::names`]).
fn names(t: &Timeline<'_>) -> Vec<Vec<String>> {
    t.participants
        .iter()
        .map(|p| {
            std::iter::once(&p.id.value)
                .chain(std::iter::once(&p.name))
                .chain(&p.aliases)
                .map(|s| super::fold::fold(s))
                .collect()
        })
        .collect()
}

/// The outlets ([`Index::outlets`]): their sources, the events citing each, and the running
/// counts of the statements they carry over those.
fn citing(t: &Timeline<'_>) -> Outlets {
    let mut outlets: Vec<Vec<u32>> = Vec::new();
    let mut outlet_of = Vec::with_capacity(t.sources.len());
    let mut folded: std::collections::HashMap<String, u32, foldhash::fast::RandomState> =
        std::collections::HashMap::with_hasher(foldhash::fast::RandomState::default());
    for (i, s) in t.sources.iter().enumerate() {
        let next = outlets.len() as u32;
        let o = *folded.entry(Outlets::key(s)).or_insert(next);
        if o == next {
            outlets.push(Vec::new());
        }
        outlets[o as usize].push(i as u32);
        outlet_of.push(o);
    }
    let mut citing = vec![Vec::new(); outlets.len()];
    let mut counts = Counter::new(outlets.len());
    // The lists copied a few dozen events at a time, as in `build_events`.
    let mut event_sources: Vec<Ref> = Vec::new();
    let mut statements: Vec<(Ref, &[Ref])> = Vec::new();
    for (c, chunk) in t.events.chunks(GATHER).enumerate() {
        event_sources.clear();
        statements.clear();
        for e in chunk {
            event_sources.extend(e.sources.iter().copied());
            // Each statement's sources, as `Event::cited` gives them.
            statements.extend(e.quotes.iter().map(|q| (q.source, q.also())));
            statements.extend(e.claims.iter().map(|c| (c.source, c.also())));
        }
        let (mut r, mut st) = (0, 0);
        for (k, e) in chunk.iter().enumerate() {
            let pos = (c * GATHER + k) as u32;
            // The event joins outlet `o`'s list, unless it has already.
            let cites = |o: u32, citing: &mut Vec<Vec<u32>>, counts: &mut Counter| {
                if push_unique(&mut citing[o as usize], pos) {
                    counts.push(o as usize, 0);
                }
            };
            for s in &event_sources[r..r + e.sources.len()] {
                cites(outlet_of[s.ix()], &mut citing, &mut counts);
            }
            r += e.sources.len();
            // The statement counted once for each distinct outlet of its sources.
            let n = e.quotes.len() + e.claims.len();
            for &(source, also) in &statements[st..st + n] {
                let first = outlet_of[source.ix()];
                cites(first, &mut citing, &mut counts);
                counts.add(first as usize, 1);
                for (i, r) in also.iter().enumerate() {
                    let o = outlet_of[r.ix()];
                    cites(o, &mut citing, &mut counts);
                    if o != first && !also[..i].iter().any(|a| outlet_of[a.ix()] == o) {
                        counts.add(o as usize, 1);
                    }
                }
            }
            st += n;
        }
    }
    // As in `build_events`: pushed in ascending position, so ascending and unique.
    debug_assert!(citing.iter().all(|l| l.windows(2).all(|w| w[0] < w[1])));
    Outlets {
        sources: outlets,
        outlet_of,
        citing,
        statements: counts.finish(),
    }
}
