//! Why a filter keeps nothing, in words a user can act on: the part that keeps nothing on its
//! own and why ("Rustem Umerov is never quoted and makes no claim, but takes part in 5 events:
//! try --participant umerov"), or, when each part keeps something, how much each keeps.

use std::fmt;

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
    /// `n` of the unit in words: `1 event`, `5 quotes and claims`.
    #[must_use]
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Unit::Events => ("event", "events"),
            Unit::Statements => ("quote or claim", "quotes and claims"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// Why a filter keeps nothing ([`why`]). As text ([`fmt::Display`]), one clause to follow
/// `nothing to show: `; the browser words each kind itself, so that its own
/// "No event passes the filter" is not said twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// One part keeps nothing on its own: why, naming the part ("Rustem Umerov takes part in
    /// no event (participant: Rustem Umerov)").
    Part(String),
    /// Each part keeps something on its own, but nothing passes them all: how much each
    /// keeps alone ("--round 2 alone keeps 1 event"), in the order of the parts.
    Together(Vec<String>),
    /// The timeline has nothing of the unit counted: no event, or no quote or claim.
    Empty(Unit),
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Part(why) => f.write_str(why),
            Why::Together(counts) => {
                write!(f, "nothing passes every filter: {}", counts.join("; "))
            }
            Why::Empty(unit) => write!(
                f,
                "the timeline has no {}",
                unit.count(0).trim_start_matches("0 ")
            ),
        }
    }
}

/// Why `filter` keeps no event, or no statement. With the `args` it was
/// resolved from (the command line), each part is named by its flag as typed
/// (`--speaker peskov`); without (the browser), as [`Filter::describe`] names it
/// (`speaker: Dmitry Peskov`). Names come from the file and `args` as typed, unescaped: the
/// caller makes them safe to show.
#[must_use]
pub fn why(
    t: &Timeline<'_>,
    index: &Index,
    filter: &Filter,
    args: Option<&FilterArgs>,
    text: Option<&str>,
    unit: Unit,
) -> Why {
    let kept = |f: &Filter| match unit {
        Unit::Events => f.apply(t, index, text).len(),
        Unit::Statements => f.statements(t, index, text).len(),
    };
    let mut counts = Vec::new();
    for (label, alone) in parts(filter, args) {
        let label = label.unwrap_or_else(|| alone.describe(t, index).join(", "));
        let n = kept(&alone);
        if n == 0 {
            return Why::Part(alone_keeps_nothing(
                t,
                index,
                &alone,
                &label,
                args.is_some(),
            ));
        }
        counts.push(format!("{label} alone keeps {}", unit.count(n)));
    }
    if counts.len() < 2 {
        // A part keeping something alone keeps the same together: only reached on a
        // timeline with nothing in it.
        return Why::Empty(unit);
    }
    Why::Together(counts)
}

/// Each part of `filter` that is set, alone, labelled with its flag as typed when `args`
/// are given.
fn parts(filter: &Filter, args: Option<&FilterArgs>) -> Vec<(Option<String>, Filter)> {
    let none = Filter::default();
    let mut out = Vec::new();
    // A repeatable flag, each value as typed: `--speaker peskov --speaker medinsky`.
    let repeated = |flag: &str, values: &[String]| {
        let each: Vec<String> = values.iter().map(|v| format!("{flag} {v}")).collect();
        each.join(" ")
    };
    if !filter.speakers.is_empty() {
        out.push((
            args.map(|a| repeated("--speaker", &a.speakers)),
            Filter {
                speakers: filter.speakers.clone(),
                ..none.clone()
            },
        ));
    }
    let typed = |flag: &str, value: fn(&FilterArgs) -> Option<String>| {
        args.map(|a| format!("{flag} {}", value(a).unwrap_or_default()))
    };
    if filter.participant.is_some() {
        out.push((
            typed("--participant", |a| a.participant.clone()),
            Filter {
                participant: filter.participant,
                ..none.clone()
            },
        ));
    }
    if filter.round.is_some() {
        out.push((
            typed("--round", |a| a.round.map(|n| n.to_string())),
            Filter {
                round: filter.round,
                ..none.clone()
            },
        ));
    }
    if filter.sources.is_some() {
        out.push((
            args.map(|a| repeated("--source", &a.sources)),
            Filter {
                sources: filter.sources.clone(),
                ..none.clone()
            },
        ));
    }
    if filter.via.is_some() {
        out.push((
            typed("--via", |a| a.via.clone()),
            Filter {
                via: filter.via.clone(),
                ..none.clone()
            },
        ));
    }
    if filter.marked.is_some() {
        out.push((
            args.map(|_| "--marked".to_string()),
            Filter {
                marked: filter.marked.clone(),
                ..none.clone()
            },
        ));
    }
    if filter.search.is_some() {
        out.push((
            typed("--search", |a| a.search.clone()),
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
            out.push((args.map(|_| flag.to_string()), alone));
        }
    }
    out
}

/// Why a speaker filter on participant `p` (an index into `Timeline::participants`), who is
/// never quoted and makes no claim, keeps nothing: "Rustem Umerov is never quoted and makes no
/// claim, but takes part in 5 events" (or "…, makes no claim and takes part in no event"),
/// with how many events the participant takes part in (`Index::involved`), for the caller to
/// say where to look instead: `--participant` on the command line, the filter menu's
/// `participant:` choice in the browser. Whether `p` speaks is the caller's to know.
#[must_use]
pub fn never_speaks(t: &Timeline<'_>, index: &Index, p: u32) -> (String, usize) {
    let who = &t.participants[p as usize];
    let events = index.involved[p as usize].len();
    let said = match events {
        0 => format!(
            "{} is never quoted, makes no claim and takes part in no event",
            who.name
        ),
        n => format!(
            "{} is never quoted and makes no claim, but takes part in {}",
            who.name,
            Unit::Events.count(n)
        ),
    };
    (said, events)
}

/// Where the events participant `p` takes part in are found: `try --participant ID` on the
/// command line, `f, then “participant: NAME”, shows them` in the browser (the filter menu's
/// choice, as [`Filter::describe`] labels it).
#[must_use]
pub fn participant_hint(t: &Timeline<'_>, p: u32, command_line: bool) -> String {
    let who = &t.participants[p as usize];
    if command_line {
        format!("try --participant {}", who.id.value)
    } else {
        format!("f, then “participant: {}”, shows them", who.name)
    }
}

/// Why the one part `alone` keeps nothing; `command_line` when the filter came from flags.
fn alone_keeps_nothing(
    t: &Timeline<'_>,
    index: &Index,
    alone: &Filter,
    label: &str,
    command_line: bool,
) -> String {
    if let [p] = alone.speakers.as_slice() {
        return match never_speaks(t, index, *p) {
            (said, 0) => format!("{said} ({label})"),
            (said, _) => format!("{said}: {}", participant_hint(t, *p, command_line)),
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
        return format!("no quote or claim gives this relay ({label})");
    }
    if alone.search.is_some() {
        return format!("no event mentions it ({label})");
    }
    if alone.marked.is_some() {
        return format!("no event of this file is marked ({label}); m marks one in the browser");
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
    format!("no claim is carried by several outlets from a single independent origin ({label})")
}
