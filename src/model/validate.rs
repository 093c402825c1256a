//! Checks a parsed timeline as a whole: unique ids, references that resolve, and warnings;
//! then puts events in timeline order and resolves every reference to an index.

use std::collections::HashMap;

use super::diag::Diagnostic;
pub use super::resolve::Ids;
use super::resolve::{IdMap, Lines, id_map, new_map, resolve};
use super::types::{Claim, ClaimAt, MISSING, Offset, Ref, Timeline};
use super::zone::Zone;

/// The id tables every reference resolves against.
struct Tables<'a> {
    sources: IdMap<'a>,
    participants: IdMap<'a>,
    rounds: HashMap<u64, u32, foldhash::fast::RandomState>,
    /// Claim ids to their index in the timeline-ordered claim table.
    claims: IdMap<'a>,
    claim_count: usize,
}

/// Validates `t` (read from `text`), returning every error and warning. When there is no
/// error, `t` comes back in timeline order with all references resolved.
pub fn validate(t: &mut Timeline<'_>, text: &str) -> Vec<Diagnostic> {
    validate_in(t, text, Zone::Utc)
}

/// [`validate`], putting events in order for dates read in `zone` ([`crate::model::load_in`]).
pub fn validate_in(t: &mut Timeline<'_>, text: &str, zone: Zone) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut lines = Lines { text, index: None };
    let order = timeline_order(t, zone);
    let tables = tables(t, &order, &mut lines, &mut diags);
    resolve_all(t, text, &tables, &mut diags);
    drop(tables);
    if !diags.iter().any(Diagnostic::is_error) {
        apply_order(&mut t.events, &order);
        t.claims = t
            .events
            .iter()
            .enumerate()
            .flat_map(|(ei, e)| {
                (0..e.claims.len()).map(move |ci| ClaimAt {
                    event: ei as u32,
                    claim: ci as u32,
                })
            })
            .collect();
    }
    diags
}

/// Rearranges `items` so that `items[pos]` becomes the old `items[order[pos]]`, in place by
/// following the permutation's cycles (a copy of a large events list would double its cost).
fn apply_order<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut pos = start;
        while !placed[pos] {
            placed[pos] = true;
            let from = order[pos] as usize;
            if from == start {
                break;
            }
            items.swap(pos, from);
            pos = from;
        }
    }
}

/// Event indices in timeline order: by the instant each `when` begins in `zone` (to the
/// nanosecond, `When::begins_in`; in UTC, `When::begins`), ties in file order (a stable sort). The keys are copied out first, so
/// that the sort compares a dense array instead of reaching into a 320-byte record per
/// comparison.
fn timeline_order(t: &Timeline<'_>, zone: Zone) -> Vec<u32> {
    let begins: Vec<(i64, u32)> = t.events.iter().map(|e| e.when.begins_in(zone)).collect();
    let mut order: Vec<u32> = (0..t.events.len() as u32).collect();
    order.sort_by_key(|&i| begins[i as usize]);
    order
}

fn tables<'a>(
    t: &Timeline<'a>,
    order: &[u32],
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Tables<'a> {
    let sources = id_map(
        "source",
        t.sources.iter().map(|s| &s.id),
        t.sources.len(),
        lines,
        diags,
    );
    let participants = id_map(
        "participant",
        t.participants.iter().map(|p| &p.id),
        t.participants.len(),
        lines,
        diags,
    );
    // Event ids are only checked for duplicates: on a thread of their own when there are many,
    // beside the claim tables below (the two maps were a fifth of validating 100k events).
    let text = lines.text;
    let event_ids = move || {
        let (mut lines, mut diags) = (Lines { text, index: None }, Vec::new());
        let ids = t.events.iter().map(|e| &e.id);
        drop(id_map("event", ids, t.events.len(), &mut lines, &mut diags));
        diags
    };
    let ((claims, claim_count), event_diags) = if t.events.len() >= PARALLEL_EVENTS {
        std::thread::scope(|scope| {
            let events = scope.spawn(event_ids);
            let claims = claim_table(t, order, lines, diags);
            let event_diags = events
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (claims, event_diags)
        })
    } else {
        let event_diags = event_ids();
        (claim_table(t, order, lines, diags), event_diags)
    };
    diags.extend(event_diags);
    Tables {
        sources,
        participants,
        rounds: rounds(t, lines, diags),
        claims,
        claim_count,
    }
}

/// Below this many events, a thread costs more than it saves.
const PARALLEL_EVENTS: usize = 4096;

fn rounds(
    t: &Timeline<'_>,
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> HashMap<u64, u32, foldhash::fast::RandomState> {
    let mut rounds = new_map(t.rounds.len());
    for (i, r) in t.rounds.iter().enumerate() {
        if let Some(&first) = rounds.get(&r.number.value) {
            let line = lines.line(t.rounds[first as usize].number.at);
            diags.push(Diagnostic::error(
                r.number.at,
                format!(
                    "duplicate round number {}: already declared on line {line}",
                    r.number.value
                ),
            ));
        } else {
            rounds.insert(r.number.value, i as u32);
        }
    }
    rounds
}

/// The claim ids, each mapped to its claim's place in the timeline-ordered claim table, and
/// how many claims there are.
fn claim_table<'a>(
    t: &Timeline<'a>,
    order: &[u32],
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (IdMap<'a>, usize) {
    // Where each event's claims start in the claim table, which is in timeline order.
    let mut claim_base = vec![0u32; order.len()];
    let mut claim_count = 0u32;
    for &i in order {
        claim_base[i as usize] = claim_count;
        claim_count += t.events[i as usize].claims.len() as u32;
    }
    let claim_ids = t
        .events
        .iter()
        .flat_map(|e| e.claims.iter().filter_map(|c| c.id.as_ref()));
    let mut claims = id_map("claim", claim_ids, 0, lines, diags);
    // The map holds the n-th claim with an id; turn that into its claim table index.
    let mut table_index: Vec<u32> = Vec::with_capacity(claims.len());
    for (ei, e) in t.events.iter().enumerate() {
        let base = claim_base[ei];
        table_index.extend(
            e.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.id.is_some())
                .map(|(ci, _)| base + ci as u32),
        );
    }
    for (index, _) in claims.values_mut() {
        *index = table_index[*index as usize];
    }
    (claims, claim_count as usize)
}

fn unknown_round(
    number: u64,
    at: Offset,
    rounds: &HashMap<u64, u32, foldhash::fast::RandomState>,
) -> Diagnostic {
    let mut declared: Vec<u64> = rounds.keys().copied().collect();
    declared.sort_unstable();
    let list = if declared.is_empty() {
        "no rounds are declared".to_string()
    } else {
        format!(
            "declared rounds: {}",
            declared
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Diagnostic::error(at, format!("unknown round {number}; {list}"))
}

/// Resolves references against the tables, counting the uses of each declaration.
struct Resolver<'t, 'a> {
    tables: &'t Tables<'a>,
    text: &'t str,
    source_uses: Vec<u32>,
    participant_uses: Vec<u32>,
    claim_uses: Vec<u32>,
    diags: &'t mut Vec<Diagnostic>,
}

impl Resolver<'_, '_> {
    fn source(&mut self, r: &mut Ref) {
        let (t, uses) = (&self.tables.sources, &mut self.source_uses);
        resolve("source", r, self.text, t, uses, self.diags);
    }

    fn participant(&mut self, r: &mut Ref) {
        let (t, uses) = (&self.tables.participants, &mut self.participant_uses);
        resolve("participant", r, self.text, t, uses, self.diags);
    }

    fn claim(&mut self, r: &mut Ref) {
        let (t, uses) = (&self.tables.claims, &mut self.claim_uses);
        resolve("claim", r, self.text, t, uses, self.diags);
    }

    /// A statement's `also` (FORMAT.md 1.1 rules 7 and 9): each names a declared source, and
    /// one that repeats the statement's own `source` is worth a warning.
    fn also(&mut self, also: &mut [Ref], source: Ref) {
        for r in also {
            self.source(r);
            if r.target == source.target && r.target < MISSING {
                self.diags.push(Diagnostic::warning(
                    r.offset(),
                    format!(
                        "`also` repeats the statement's own source `{}`",
                        r.id(self.text)
                    ),
                ));
            }
        }
    }
}

impl Resolver<'_, '_> {
    /// A claim's references, with the rules on `disputes` and `confirms` (FORMAT.md rules 8
    /// and 9): a claim that disputes or confirms itself is worth a warning; one that both
    /// confirms and disputes the same claim is an error.
    fn claim_links(&mut self, c: &mut Claim<'_>) {
        let text = self.text;
        if let Some(by) = &mut c.by {
            self.participant(by);
        }
        self.source(&mut c.source);
        let own = c.id.as_ref().map(|id| &id.value);
        for d in &mut c.disputes {
            self.claim(d);
            if d.target != MISSING && own.is_some_and(|id| *id == d.id(text)) {
                self.diags.push(Diagnostic::warning(
                    d.offset(),
                    format!("claim `{}` disputes itself", d.id(text)),
                ));
            }
        }
        let Some(p) = &mut c.provenance else {
            return;
        };
        self.also(&mut p.also, c.source);
        for r in &mut p.confirms {
            self.claim(r);
            if r.target >= MISSING {
                continue;
            }
            let named = r.id(text);
            if own.is_some_and(|id| *id == named) {
                self.diags.push(Diagnostic::warning(
                    r.offset(),
                    format!("claim `{named}` confirms itself"),
                ));
            }
            if c.disputes.iter().any(|d| d.target == r.target) {
                let who = own.map_or_else(|| "this claim".into(), |id| format!("claim `{id}`"));
                self.diags.push(Diagnostic::error(
                    r.offset(),
                    format!(
                        "{who} both confirms and disputes `{named}`: a claim can do one or the other"
                    ),
                ));
            }
        }
    }
}

/// Resolves every reference in file order, and reports what is unknown or unattributed.
fn resolve_all(t: &mut Timeline<'_>, text: &str, tables: &Tables<'_>, diags: &mut Vec<Diagnostic>) {
    let mut rs = Resolver {
        tables,
        text,
        source_uses: vec![0u32; t.sources.len()],
        participant_uses: vec![0u32; t.participants.len()],
        claim_uses: vec![0u32; tables.claim_count],
        diags,
    };
    for s in &mut t.sources {
        if let Some(r) = &mut s.republishes {
            rs.source(r);
        }
    }
    for e in &mut t.events {
        if let Some(r) = &mut e.round {
            match tables.rounds.get(&r.number) {
                Some(&i) => r.target = i,
                None => rs
                    .diags
                    .push(unknown_round(r.number, r.offset(), &tables.rounds)),
            }
        }
        if let Some(end) = &e.end
            // FORMAT.md 1.1, rule 8: the whole of `end`'s period lies before `when` begins.
            && end.ends() <= e.when.begins()
        {
            rs.diags.push(Diagnostic::error(
                end.at,
                format!(
                    "this event ends before it begins: `{}` is over before `{}`",
                    end.raw, e.when.raw
                ),
            ));
        }
        for r in &mut e.participants {
            rs.participant(r);
        }
        for r in &mut e.sources {
            rs.source(r);
        }
        for q in &mut e.quotes {
            rs.participant(&mut q.speaker);
            rs.source(&mut q.source);
            if let Some(p) = &mut q.provenance {
                rs.also(&mut p.also, q.source);
            }
        }
        for c in &mut e.claims {
            rs.claim_links(c);
        }
        if e.sources.is_empty() && e.quotes.is_empty() && e.claims.is_empty() {
            // An event whose id is missing (reported already) is pointed at by its start.
            let (at, event) = if e.id.value.is_empty() {
                (e.at, "this event".to_string())
            } else {
                (e.id.at, format!("event `{}`", e.id.value))
            };
            rs.diags.push(Diagnostic::warning(
                at,
                format!("{event} is not attributed: it has no sources, quotes or claims"),
            ));
        }
    }
    let Resolver {
        source_uses,
        participant_uses,
        diags,
        ..
    } = rs;
    diags.extend(super::republish::circles(&t.sources));
    // A duplicate declaration is reported as such, not as unused as well.
    let first = |map: &IdMap<'_>, id: &str, i: usize| map.get(id).map(|d| d.0) == Some(i as u32);
    for (i, (s, &uses)) in t.sources.iter().zip(&source_uses).enumerate() {
        if uses == 0 && first(&tables.sources, &s.id.value, i) {
            diags.push(Diagnostic::warning(
                s.id.at,
                format!("source `{}` is declared but nothing cites it", s.id.value),
            ));
        }
    }
    for (i, (p, &uses)) in t.participants.iter().zip(&participant_uses).enumerate() {
        if uses == 0 && first(&tables.participants, &p.id.value, i) {
            diags.push(Diagnostic::warning(
                p.id.at,
                format!(
                    "participant `{}` is declared but nothing refers to it",
                    p.id.value
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{diag::render, load_str};

    fn report(text: &str) -> String {
        let diags = match load_str(text) {
            Ok(loaded) => loaded.warnings,
            Err(diags) => diags,
        };
        render("t.ron", text, &diags)
    }

    #[test]
    fn an_event_without_an_id_is_pointed_at_by_its_start() {
        let text = "Timeline(title: \"t\", sources: [], participants: [], events: [\n  Event(when: \"2025\", title: \"x\"),\n])";
        assert_eq!(
            report(text),
            "t.ron:2:3: error: `Event` is missing its required field `id`\n\
             t.ron:2:3: warning: this event is not attributed: it has no sources, quotes or claims\n"
        );
    }

    #[test]
    fn references_resolve_alike_whether_declarations_come_first_or_last() {
        let declarations = r#"sources: [Source(id: "s", outlet: "S"), Source(id: "t", outlet: "T")],
            participants: [Participant(id: "a", name: "A"), Participant(id: "b", name: "B"),
                           Participant(id: "a", name: "A again")]"#;
        let events = r#"events: [Event(id: "e", when: "2025", title: "x", participants: ["b", "a"],
            sources: ["t"], quotes: [Quote(speaker: "b", text: "q", source: "s"),
                                     Quote(speaker: "zed", text: "q", source: "s")],
            claims: [Claim(by: "a", text: "c", source: "t")])]"#;
        // Declared first, the reader resolves references as it reads them; declared after
        // the events, validation does. Targets and reports must not tell the two apart.
        // On one line, so that line numbers in messages are the same.
        let first = format!("Timeline(title: \"t\", {declarations}, {events})").replace('\n', " ");
        let last = format!("Timeline(title: \"t\", {events}, {declarations})").replace('\n', " ");
        let outcome = |text: &str| {
            let (t, mut diags) = crate::model::parse::parse(text);
            let mut t = t.unwrap();
            diags.extend(super::validate(&mut t, text));
            let e = &t.events[0];
            let targets: Vec<u32> = e
                .participants
                .iter()
                .chain(&e.sources)
                .chain(e.quotes.iter().flat_map(|q| [&q.speaker, &q.source]))
                .chain(e.claims.iter().flat_map(|c| c.by.iter().chain([&c.source])))
                .map(|r| r.target)
                .collect();
            let messages: Vec<String> = diags.into_iter().map(|d| d.message).collect();
            (targets, messages)
        };
        let (targets, messages) = outcome(&first);
        assert_eq!(
            targets,
            [1, 0, 1, 1, 0, crate::model::UNRESOLVED, 0, 0, 1],
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("unknown participant `zed`"))
        );
        assert_eq!(outcome(&last), (targets, messages));
    }

    #[test]
    fn participants_given_again_after_the_events_are_the_ones_resolved_against() {
        // The reader resolved `c` to the third of the first list; the list kept has one.
        let text = "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\")],\n\
            participants: [Participant(id: \"a\", name: \"A\"), Participant(id: \"b\", name: \"B\"),\n\
            Participant(id: \"c\", name: \"C\")],\n\
            events: [Event(id: \"e\", when: \"2025\", title: \"x\",\n\
            quotes: [Quote(speaker: \"c\", text: \"q\", source: \"s\"), Quote(speaker: \"a\", text: \"q\", source: \"s\")])],\n\
            participants: [Participant(id: \"c\", name: \"C\")])";
        assert_eq!(
            report(text),
            "t.ron:5:70: error: unknown participant `a`; did you mean `c`?\n\
             t.ron:6:1: error: `participants` is given twice in this `Timeline`\n"
        );
    }

    #[test]
    fn duplicate_event_ids_are_found_among_many_events() {
        use std::fmt::Write;
        // Enough events for the event ids to be checked on a thread of their own.
        let mut text = String::from(
            "Timeline(title: \"t\", participants: [], sources: [Source(id: \"s\", outlet: \"S\")], events: [\n",
        );
        for i in 0..super::PARALLEL_EVENTS + 10 {
            let id = if i == 4000 { 17 } else { i };
            let _ = writeln!(
                text,
                "  Event(id: \"e{id}\", when: \"2025\", title: \"x\", sources: [\"s\"]),"
            );
        }
        text.push_str("])");
        assert_eq!(
            report(&text),
            "t.ron:4002:13: error: duplicate event id `e17`: already declared on line 19\n"
        );
    }

    #[test]
    fn a_duplicate_is_not_also_reported_unused() {
        let text = "Timeline(title: \"t\", participants: [], events: [], sources: [\n  Source(id: \"a\", outlet: \"A\"),\n  Source(id: \"a\", outlet: \"A\"),\n])";
        assert_eq!(
            report(text),
            "t.ron:2:14: warning: source `a` is declared but nothing cites it\n\
             t.ron:3:14: error: duplicate source id `a`: already declared on line 2\n"
        );
    }
}
