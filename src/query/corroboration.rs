//! Corroboration (FORMAT.md "Corroboration: outlets and independent origins"), computed once at
//! load: which claims assert the same fact, how many outlets carry them, and how many
//! independent origins stand behind them. The one place these numbers are decided.

use crate::model::{Claim, Quote, Ref, Timeline};

/// Where an attribution comes from, in FORMAT.md's order: the claimant, else the relay, else
/// the publication (after following `republishes`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin<'t> {
    /// The claimant (`by`): an index into [`Timeline::participants`].
    Claimant(u32),
    /// The relay (`via`), compared trimmed and lower-cased, so that `" TASS"` and `"tass"`
    /// are one.
    Relay(Relay<'t>),
    /// The publication's `outlet`, after following `republishes` to the one it reprints.
    Publication(&'t str),
}

/// A relay as the file writes it, trimmed, equal to another when their lower-cased forms
/// are (Unicode lower case, `char::to_lowercase`), compared without allocating.
#[derive(Debug, Clone, Copy)]
pub struct Relay<'t>(pub &'t str);

impl Relay<'_> {
    fn folded(&self) -> impl Iterator<Item = char> + '_ {
        self.0.trim().chars().flat_map(char::to_lowercase)
    }
}

impl PartialEq for Relay<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.folded().eq(other.folded())
    }
}

impl Eq for Relay<'_> {}

impl PartialOrd for Relay<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Relay<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.folded().cmp(other.folded())
    }
}

/// One claim's corroboration group and its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group<'c> {
    /// The claims of the group (indices into [`Timeline::claims`], ascending, so in timeline
    /// order); at least the claim asked about.
    pub members: &'c [u32],
    /// Distinct outlets carrying the group's claims (`source` and `also`, each followed
    /// through `republishes`); at least 1.
    pub outlets: u32,
    /// Distinct independent origins of those attributions; at least 1.
    pub origins: u32,
}

impl Group<'_> {
    /// Two or more independent origins: the claim is corroborated.
    #[must_use]
    pub fn is_corroborated(&self) -> bool {
        self.origins >= 2
    }

    /// Several outlets but a single origin: the signature of circular reporting.
    #[must_use]
    pub fn is_circular(&self) -> bool {
        self.outlets >= 2 && self.origins == 1
    }

    /// The usual claim: no other claim confirms it and one outlet carries it. Its numbers
    /// (1 outlet · 1 origin) say nothing, so views and the brief leave them out.
    #[must_use]
    pub fn is_alone(&self) -> bool {
        self.members.len() == 1 && self.outlets == 1
    }
}

impl std::fmt::Display for Group<'_> {
    /// `3 outlets · 1 independent origin`: the numbers as FORMAT.md names them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = |n: u32| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} outlet{} · {} independent origin{}",
            self.outlets,
            s(self.outlets),
            self.origins,
            s(self.origins)
        )
    }
}

/// Every claim's corroboration group, built once at load by [`Corroboration::build`].
#[derive(Debug, Clone, Default)]
pub struct Corroboration {
    /// Per claim (index into [`Timeline::claims`]): for the usual claim, alone in its group
    /// and carried by one source (1 outlet, 1 origin), [`ALONE`] with its position in
    /// `members`; else its group's index into `groups`. Most claims are the usual kind, so
    /// that no row is kept for them (1.8 MB at 100k events).
    group_of: Vec<u32>,
    /// Per group that is not a usual claim: where its members start in `members`, how many
    /// there are, and its numbers.
    groups: Vec<GroupRow>,
    /// Every claim, group after group.
    members: Vec<u32>,
    /// How many groups there are, usual claims included.
    count: usize,
}

/// Marks a `group_of` entry holding the position in `members` of a claim alone in its group.
const ALONE: u32 = 1 << 31;

#[derive(Debug, Clone, Copy, Default)]
struct GroupRow {
    start: u32,
    len: u32,
    outlets: u32,
    origins: u32,
}

/// The source a publication reprints, followed to one that reprints nothing. Validation has
/// rejected circles; the walk is bounded all the same, so no timeline can make it loop.
#[must_use]
pub fn original_source(t: &Timeline<'_>, source: Ref) -> usize {
    let mut at = source.ix();
    for _ in 0..t.sources.len() {
        match t.sources.get(at).and_then(|s| s.republishes) {
            Some(next) if next.ix() < t.sources.len() => at = next.ix(),
            _ => break,
        }
    }
    at
}

/// The outlet that carries `source`, as FORMAT.md counts outlets: the `outlet` of the
/// publication it reprints, if it reprints one.
#[must_use]
pub fn outlet<'t>(t: &'t Timeline<'_>, source: Ref) -> &'t str {
    &t.sources[original_source(t, source)].outlet
}

/// The origin of one attribution of `claim`: by the `source` or one of the `also` sources.
#[must_use]
pub fn origin<'t>(t: &'t Timeline<'_>, claim: &'t Claim<'_>, source: Ref) -> Origin<'t> {
    if let Some(by) = claim.by {
        return Origin::Claimant(by.target);
    }
    if let Some(via) = &claim.via {
        return Origin::Relay(Relay(via));
    }
    Origin::Publication(outlet(t, source))
}

/// Every source carrying a statement: its `source`, then each of its `also`, in file order.
pub fn attributions<'s>(source: &'s Ref, also: &'s [Ref]) -> impl Iterator<Item = Ref> + 's {
    std::iter::once(*source).chain(also.iter().copied())
}

/// The distinct outlets carrying `quote` (its `source` and `also`, after `republishes`), in
/// the order first met. A quote's origin is always its speaker, so only outlets are counted.
#[must_use]
pub fn quote_outlets<'t>(t: &'t Timeline<'_>, quote: &Quote<'_>) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    for r in attributions(&quote.source, quote.also()) {
        let o = outlet(t, r);
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

impl Corroboration {
    /// Builds every claim's group from `confirms`, followed both ways and transitively
    /// (union-find), then counts each group's outlets and origins. Time: about linear in the
    /// number of claims plus their attributions. `t` must have loaded (references resolved).
    #[must_use]
    pub fn build(t: &Timeline<'_>) -> Self {
        let n = t.claims.len();
        let mut parent: Vec<u32> = (0..n as u32).collect();
        // One pass over the claims, event by event as they lie in memory (`Timeline::claims`
        // numbers them in this order): their links, and whether another source carries them.
        let mut carried = vec![false; n];
        for (i, claim) in t.events.iter().flat_map(|e| &e.claims).enumerate() {
            carried[i] = !claim.also().is_empty();
            for r in claim.confirms() {
                union(&mut parent, i as u32, r.target);
            }
        }
        // Groups numbered by their first member, members listed in claim order.
        let mut group_of = vec![u32::MAX; n];
        let mut sizes: Vec<u32> = Vec::new();
        for i in 0..n {
            let root = find(&mut parent, i as u32) as usize;
            if group_of[root] == u32::MAX {
                group_of[root] = sizes.len() as u32;
                sizes.push(0);
            }
            group_of[i] = group_of[root];
            sizes[group_of[i] as usize] += 1;
        }
        drop(parent);
        let count = sizes.len();
        let mut fill: Vec<u32> = Vec::with_capacity(count);
        let mut start = 0u32;
        for size in &sizes {
            fill.push(start);
            start += size;
        }
        let mut members = vec![0u32; n];
        for (i, &g) in group_of.iter().enumerate() {
            members[fill[g as usize] as usize] = i as u32;
            fill[g as usize] += 1;
        }
        drop(fill);
        // A row for each group that is not one claim carried by one source.
        // Each group's size becomes its row, or `u32::MAX` for none (one allocation fewer at
        // the peak of a load).
        let mut row_of = sizes;
        let mut groups = Vec::new();
        let mut start = 0u32;
        for entry in &mut row_of {
            let size = *entry;
            let first = members[start as usize] as usize;
            *entry = u32::MAX;
            if size > 1 || carried[first] {
                *entry = groups.len() as u32;
                groups.push(GroupRow {
                    start,
                    len: size,
                    ..GroupRow::default()
                });
            }
            start += size;
        }
        for (pos, &i) in members.iter().enumerate() {
            let g = group_of[i as usize] as usize;
            group_of[i as usize] = match row_of[g] {
                u32::MAX => ALONE | pos as u32,
                row => row,
            };
        }
        let mut built = Corroboration {
            group_of,
            groups,
            members,
            count,
        };
        let (mut outlet_list, mut origin_list) = (Vec::new(), Vec::new());
        for g in 0..built.groups.len() {
            let (outlets, origins) = built.count(t, g, &mut outlet_list, &mut origin_list);
            built.groups[g].outlets = outlets;
            built.groups[g].origins = origins;
        }
        built
    }

    /// The members of group row `g`.
    fn members_of(&self, g: usize) -> &[u32] {
        let row = self.groups[g];
        &self.members[row.start as usize..(row.start + row.len) as usize]
    }

    /// Distinct outlets and origins of group row `g`, with two lists reused from one group to
    /// the next.
    fn count<'t>(
        &self,
        t: &'t Timeline<'_>,
        g: usize,
        outlets: &mut Vec<&'t str>,
        origins: &mut Vec<Origin<'t>>,
    ) -> (u32, u32) {
        let members = self.members_of(g);
        let claim = |i: u32| {
            let at = t.claims[i as usize];
            &t.events[at.event as usize].claims[at.claim as usize]
        };
        outlets.clear();
        origins.clear();
        for &i in members {
            let c = claim(i);
            for r in attributions(&c.source, c.also()) {
                outlets.push(outlet(t, r));
                origins.push(origin(t, c, r));
            }
        }
        outlets.sort_unstable();
        outlets.dedup();
        origins.sort_unstable();
        origins.dedup();
        (outlets.len() as u32, origins.len() as u32)
    }

    /// The group of claim `claim` (an index into [`Timeline::claims`]). Panics if `claim` is
    /// out of range for the timeline this was built from.
    #[must_use]
    pub fn group(&self, claim: usize) -> Group<'_> {
        let g = self.group_of[claim];
        if g & ALONE != 0 {
            let pos = (g & !ALONE) as usize;
            return Group {
                members: &self.members[pos..=pos],
                outlets: 1,
                origins: 1,
            };
        }
        let row = self.groups[g as usize];
        Group {
            members: self.members_of(g as usize),
            outlets: row.outlets,
            origins: row.origins,
        }
    }

    /// Whether claim `claim` (an index into [`Timeline::claims`]) is the usual kind: alone in
    /// its group and carried by one source (1 outlet, 1 origin), so neither corroborated nor
    /// circular. Reads 4 bytes. Panics if `claim` is out of range.
    #[must_use]
    pub fn is_usual(&self, claim: usize) -> bool {
        self.group_of[claim] & ALONE != 0
    }

    /// How many groups there are (a claim with no `confirms` link is a group of its own).
    #[must_use]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no claims at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        // Path halving keeps the trees flat.
        let grand = parent[parent[i as usize] as usize];
        parent[i as usize] = grand;
        i = grand;
    }
    i
}

fn union(parent: &mut [u32], a: u32, b: u32) {
    if (b as usize) >= parent.len() {
        return;
    }
    // Which root wins does not matter: groups are numbered by their first member in `build`.
    let (ra, rb) = (find(parent, a), find(parent, b));
    parent[rb as usize] = ra;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const FIXTURE: &str = include_str!("../../tests/fixtures/valid/corroboration.ron");

    /// The claim table index of the claim with id `id`.
    fn claim(t: &Timeline<'_>, id: &str) -> usize {
        t.claims
            .iter()
            .position(|at| {
                let c = &t.events[at.event as usize].claims[at.claim as usize];
                c.id.as_ref().is_some_and(|i| i.value == id)
            })
            .unwrap_or_else(|| panic!("no claim `{id}`"))
    }

    /// The ids of a group's members, sorted.
    fn ids(t: &Timeline<'_>, g: &Group<'_>) -> Vec<String> {
        let mut ids: Vec<String> = g
            .members
            .iter()
            .map(|&i| {
                let at = t.claims[i as usize];
                let c = &t.events[at.event as usize].claims[at.claim as usize];
                c.id.as_ref()
                    .map(|i| i.value.to_string())
                    .unwrap_or_default()
            })
            .collect();
        ids.sort();
        ids
    }

    fn numbers(id: &str) -> (Vec<String>, u32, u32) {
        let t = load_str(FIXTURE).unwrap().timeline;
        let c = Corroboration::build(&t);
        let g = c.group(claim(&t, id));
        (ids(&t, &g), g.outlets, g.origins)
    }

    #[test]
    fn circular_reporting_is_three_outlets_one_origin() {
        let want = (
            vec!["circ-ria".into(), "circ-rt".into(), "circ-xinhua".into()],
            3,
            1,
        );
        // The same group from each of its members: `confirms` is followed both ways.
        for id in ["circ-rt", "circ-ria", "circ-xinhua"] {
            assert_eq!(numbers(id), want, "from {id}");
        }
    }

    #[test]
    fn two_publications_asserting_it_are_two_origins() {
        let want = (vec!["venue-kyiv".into(), "venue-xinhua".into()], 2, 2);
        assert_eq!(numbers("venue-xinhua"), want);
        assert_eq!(numbers("venue-kyiv"), want);
    }

    #[test]
    fn one_claimant_is_one_origin_however_many_outlets() {
        let want = (vec!["memo-rt".into(), "memo-xinhua".into()], 2, 1);
        assert_eq!(numbers("memo-xinhua"), want);
    }

    #[test]
    fn a_reprint_counts_as_the_publication_it_reprints() {
        // `mirror` reprints `people`, which reprints `xinhua`: one outlet, one origin.
        assert_eq!(numbers("reprint"), (vec!["reprint".into()], 1, 1));
    }

    #[test]
    fn disputes_do_not_join_a_group() {
        assert_eq!(numbers("length-kyiv"), (vec!["length-kyiv".into()], 1, 1));
    }

    #[test]
    fn relays_differing_in_case_and_spaces_are_one_origin() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let origins: Vec<Origin<'_>> = ["circ-rt", "circ-ria", "circ-xinhua"]
            .iter()
            .map(|id| {
                let at = t.claims[claim(&t, id)];
                let c = &t.events[at.event as usize].claims[at.claim as usize];
                origin(&t, c, c.source)
            })
            .collect();
        assert_eq!(origins, vec![Origin::Relay(Relay("tass")); 3]);
        assert_ne!(Origin::Relay(Relay("tass")), Origin::Relay(Relay("task")));
        assert!(Relay(" ТАСС ") == Relay("тасс"), "Unicode case");
    }

    #[test]
    fn a_quote_counts_its_outlets_after_reprints() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let q = t
            .events
            .iter()
            .flat_map(|e| &e.quotes)
            .next()
            .expect("the fixture has a quote");
        assert_eq!(quote_outlets(&t, q), ["RT", "TASS", "Xinhua"]);
    }

    #[test]
    fn numbers_read_as_format_md_names_them() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let c = Corroboration::build(&t);
        assert_eq!(
            c.group(claim(&t, "circ-rt")).to_string(),
            "3 outlets · 1 independent origin"
        );
        assert_eq!(
            c.group(claim(&t, "reprint")).to_string(),
            "1 outlet · 1 independent origin"
        );
    }

    #[test]
    fn groups_are_counted_once_each() {
        let t = load_str(FIXTURE).unwrap().timeline;
        // 9 claims: {3 circular}, {2 venue}, {2 memo}, reprint, length-kyiv.
        assert_eq!(t.claims.len(), 9);
        let c = Corroboration::build(&t);
        assert_eq!((c.len(), c.is_empty()), (5, false));
        assert!(Corroboration::default().is_empty());
    }

    #[test]
    fn a_lone_claim_carried_by_another_outlet_counts_both() {
        let text = r#"Timeline(title: "T",
            sources: [Source(id: "a", outlet: "A"), Source(id: "b", outlet: "B")],
            participants: [],
            events: [Event(id: "e", when: "2025", title: "E", claims: [
                Claim(text: "Alone, in two outlets.", source: "a", via: "TASS", also: ["b"]),
                Claim(text: "Alone, in one.", source: "a"),
            ])])"#;
        let t = load_str(text).unwrap().timeline;
        let c = Corroboration::build(&t);
        let numbers = |i: usize| {
            (
                c.group(i).members.to_vec(),
                c.group(i).outlets,
                c.group(i).origins,
            )
        };
        assert_eq!(numbers(0), (vec![0], 2, 1));
        assert_eq!(numbers(1), (vec![1], 1, 1));
        // Only the claim that needs counting keeps a row; the usual claim costs none.
        assert_eq!((c.len(), c.groups.len()), (2, 1));
    }

    #[test]
    fn only_groups_that_need_counting_keep_a_row() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let c = Corroboration::build(&t);
        // {3 circular}, {2 venue}, {2 memo}: three groups of several; `reprint` is alone but
        // carried by two sources (one outlet once reprints are followed), so it is counted;
        // `length-kyiv`, alone and carried by one source, keeps no row.
        assert_eq!(c.groups.len(), 4);
    }

    #[test]
    fn circular_and_corroborated_are_told_apart() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let c = Corroboration::build(&t);
        let kind = |id: &str| {
            let g = c.group(claim(&t, id));
            (g.is_circular(), g.is_corroborated())
        };
        assert_eq!(kind("circ-rt"), (true, false), "3 outlets, 1 origin");
        assert_eq!(kind("memo-xinhua"), (true, false), "2 outlets, 1 origin");
        assert_eq!(kind("venue-kyiv"), (false, true), "2 outlets, 2 origins");
        assert_eq!(kind("reprint"), (false, false), "1 outlet, 1 origin");
        // The thresholds themselves: two origins corroborate, one outlet is never circular.
        let group = |outlets, origins| Group {
            members: &[],
            outlets,
            origins,
        };
        assert!(group(1, 2).is_corroborated() && !group(1, 1).is_corroborated());
        assert!(group(2, 1).is_circular() && !group(1, 1).is_circular());
        assert!(!group(2, 2).is_circular() && !group(3, 2).is_circular());
        // Alone: one member and one outlet; a second member or outlet is worth showing.
        let with = |members: &'static [u32], outlets| Group {
            members,
            outlets,
            origins: 1,
        };
        assert!(with(&[4], 1).is_alone());
        assert!(!with(&[4], 2).is_alone() && !with(&[4, 9], 1).is_alone());
    }

    #[test]
    fn a_reprint_naming_no_declared_source_is_not_followed() {
        // Validation refuses this; the walk must still stop on a timeline that skipped it.
        let mut t = load_str(FIXTURE).unwrap().timeline;
        let len = t.sources.len() as u32;
        let first = Ref { at: 0, target: 0 };
        t.sources[0].republishes = Some(Ref { at: 0, target: len });
        assert_eq!(original_source(&t, first), 0);
        t.sources[0].republishes = Some(Ref {
            at: 0,
            target: len + 5,
        });
        assert_eq!(original_source(&t, first), 0);
    }
}
