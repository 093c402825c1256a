//! Why a filter keeps nothing, in words a user can act on: the part that keeps nothing on its
//! own and why ("Rustem Umerov is never quoted and makes no claim, but takes part in 5 events:
//! try --participant umerov"), or, when each part keeps something, how much each keeps.

use crate::model::{ParticipantKind, Timeline};

use super::filter::{Filter, FilterArgs};
use super::index::Index;

/// What is being filtered: events (the browser's events view, `list`, `export`) or
/// statements (the statements view, `statements`, the CSV).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Events.
    Events,
    /// Quotes and claims.
    Statements,
}

impl Unit {
    fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Unit::Events => ("event", "events"),
            Unit::Statements => ("quote or claim", "quotes and claims"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// One sentence saying why `filter` (resolved from `args`) keeps no event, or no statement.
/// Names come from the file and `args` as typed, unescaped: the caller makes them safe to show.
#[must_use]
pub fn why(
    t: &Timeline<'_>,
    index: &Index,
    filter: &Filter,
    args: &FilterArgs,
    text: Option<&str>,
    unit: Unit,
) -> String {
    let kept = |f: &Filter| match unit {
        Unit::Events => f.apply(t, index, text).len(),
        Unit::Statements => f.statements(t, index, text).len(),
    };
    let mut counts = Vec::new();
    for (label, alone) in parts(filter, args) {
        let n = kept(&alone);
        if n == 0 {
            return alone_keeps_nothing(t, index, &alone, args, &label);
        }
        counts.push(format!("{label} alone keeps {}", unit.count(n)));
    }
    if counts.len() < 2 {
        // A part keeping something alone keeps the same together: only reached on a
        // timeline with nothing in it.
        return format!(
            "the timeline has no {}",
            unit.count(0).trim_start_matches("0 ")
        );
    }
    format!("nothing passes every filter: {}", counts.join("; "))
}

/// Each part of `filter` that is set, alone, labelled with its flag as typed.
fn parts(filter: &Filter, args: &FilterArgs) -> Vec<(String, Filter)> {
    let none = Filter::default();
    let mut out = Vec::new();
    if !filter.speakers.is_empty() {
        let label = args
            .speakers
            .iter()
            .map(|s| format!("--speaker {s}"))
            .collect::<Vec<_>>()
            .join(" ");
        out.push((
            label,
            Filter {
                speakers: filter.speakers.clone(),
                ..none.clone()
            },
        ));
    }
    let typed = |o: &Option<String>| o.clone().unwrap_or_default();
    if filter.participant.is_some() {
        out.push((
            format!("--participant {}", typed(&args.participant)),
            Filter {
                participant: filter.participant,
                ..none.clone()
            },
        ));
    }
    if let Some(n) = args.round.filter(|_| filter.round.is_some()) {
        out.push((
            format!("--round {n}"),
            Filter {
                round: filter.round,
                ..none.clone()
            },
        ));
    }
    if filter.sources.is_some() {
        out.push((
            format!("--source {}", typed(&args.source)),
            Filter {
                sources: filter.sources.clone(),
                ..none.clone()
            },
        ));
    }
    if filter.via.is_some() {
        out.push((
            format!("--via {}", typed(&args.via)),
            Filter {
                via: filter.via.clone(),
                ..none.clone()
            },
        ));
    }
    if filter.search.is_some() {
        out.push((
            format!("--search {}", typed(&args.search)),
            Filter {
                search: filter.search.clone(),
                ..none.clone()
            },
        ));
    }
    let flags = [
        (filter.anonymous, "--anonymous"),
        (filter.disputed, "--disputed"),
        (filter.corroborated, "--corroborated"),
        (filter.single_origin, "--single-origin"),
    ];
    for (on, flag) in flags {
        if on {
            let alone = Filter {
                anonymous: flag == "--anonymous",
                disputed: flag == "--disputed",
                corroborated: flag == "--corroborated",
                single_origin: flag == "--single-origin",
                ..none.clone()
            };
            out.push((flag.to_string(), alone));
        }
    }
    out
}

/// Why the one part `alone` keeps nothing.
fn alone_keeps_nothing(
    t: &Timeline<'_>,
    index: &Index,
    alone: &Filter,
    args: &FilterArgs,
    label: &str,
) -> String {
    if let [p] = alone.speakers.as_slice() {
        let who = &t.participants[*p as usize];
        let events = index.involved[*p as usize].len();
        let typed = args.speakers.first().map_or("", String::as_str);
        return match events {
            0 => format!(
                "{} is never quoted, makes no claim and takes part in no event ({label})",
                who.name
            ),
            n => format!(
                "{} is never quoted and makes no claim, but takes part in {n} event{}: try \
                 --participant {typed}",
                who.name,
                if n == 1 { "" } else { "s" }
            ),
        };
    }
    if !alone.speakers.is_empty() {
        return format!("none of them is quoted or makes a claim ({label})");
    }
    if let Some(p) = alone.participant {
        return format!(
            "{} takes part in no event ({label})",
            t.participants[p as usize].name
        );
    }
    if let Some(r) = alone.round {
        return format!("{} has no events ({label})", t.rounds[r as usize].name());
    }
    if alone.sources.is_some() {
        return format!("no event cites it ({label})");
    }
    if alone.via.is_some() {
        return format!("no quote or claim is relayed through it ({label})");
    }
    if alone.search.is_some() {
        return format!("no event mentions it ({label})");
    }
    if alone.anonymous {
        let groups = t
            .participants
            .iter()
            .filter(|p| p.kind == ParticipantKind::Group)
            .count();
        return if groups == 0 {
            format!("no participant is of kind Group, unnamed or collective ({label})")
        } else {
            format!("no quote or claim is by a participant of kind Group ({label})")
        };
    }
    if alone.disputed {
        return format!("no claim disputes another ({label})");
    }
    if alone.corroborated {
        return format!("no claim has two or more independent origins ({label})");
    }
    format!("no claim has a single independent origin ({label})")
}
