//! Filters on the timeline, the same in the browser and on the command line: by speaker,
//! participant, round, source, relay and text, and by what is known of a statement (anonymous,
//! disputed, corroborated, single-origin). Every part given must hold.
//!
//! Parts come in two kinds. Event parts (`--participant`, `--round`, `--source`, `--search`)
//! ask about an event. Statement parts (`--speaker`, `--via`, `--anonymous`, `--disputed`,
//! `--corroborated`, `--single-origin`) ask about one quote or claim: an event passes them
//! when one of its statements passes all of them. For statements (the `statements` command,
//! the CSV), a statement passes when its event passes the event parts and it passes the
//! statement parts, with `--source` asking about the statement's own `source` and `also`.

use std::borrow::Cow;
use std::fmt;

use crate::model::{Timeline, suggest::did_you_mean};

use super::fold::fold;
use super::index::{Index, Outlets, STEP};
use super::join::{Join, Part};
use super::search::search;
use super::speaker::{self, SpeakerError};
use super::statement::{Kind, StatementRef};
use super::tally::{self, Flag, RelayMatch, RelayPart, Running};

/// A filter as the user gave it, before names are resolved.
#[allow(
    clippy::struct_excessive_bools,
    reason = "four independent flags, as the user gives them"
)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterArgs {
    /// `--speaker`, repeatable (any of them): a participant's id, name or alias, or part of
    /// one, as typed; each resolved by [`speaker::resolve`].
    pub speakers: Vec<String>,
    /// `--participant`: like a speaker, for the events the participant takes any part in.
    pub participant: Option<String>,
    /// `--round`: the `number` a round declares in the file (FORMAT.md "Round"), not its
    /// position in the list.
    pub round: Option<u64>,
    /// `--source`, repeatable (any of them): each a source's `id` or `outlet`, any case, or a
    /// part of either that names one source or the sources of one outlet.
    pub sources: Vec<String>,
    /// `--via`: text to find in a statement's relay (`via`), ignoring case, accents and
    /// extra spaces ([`RelayMatch::Contains`]). Blank text is refused ([`FilterError::Blank`]),
    /// as is a blank `--speaker`, `--participant` or `--source`.
    pub via: Option<String>,
    /// `--search`: text to find in titles, summaries, quotes and claims, and in the names and
    /// aliases of the event's participants, ignoring case and accents (see [`search`]).
    /// Blank text is refused ([`FilterError::Blank`]).
    pub search: Option<String>,
    /// `--anonymous`: statements by a participant of kind `Group`.
    pub anonymous: bool,
    /// `--disputed`: claims that dispute another or are disputed.
    pub disputed: bool,
    /// `--corroborated`: claims whose group has two or more independent origins.
    pub corroborated: bool,
    /// `--single-origin`: claims that several outlets carry from a single independent origin
    /// (circular reporting, [`Group::is_circular`](super::corroboration::Group::is_circular)).
    pub single_origin: bool,
    /// `--marked`: the ids of the marked events, as the caller read them from the marks file
    /// (ids the timeline lacks are ignored); `None` for no marks filter.
    pub marked: Option<Vec<String>>,
}

/// A filter with every name resolved to an index.
#[allow(
    clippy::struct_excessive_bools,
    reason = "four independent flags, as the user gives them"
)]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Participant indices of the speakers (any of them); empty for no speaker filter.
    pub speakers: Vec<u32>,
    /// Participant index.
    pub participant: Option<u32>,
    /// Round index (not number).
    pub round: Option<u32>,
    /// Source indices `--source` names (one source, or every source of one outlet),
    /// ascending; `None` for no source filter.
    pub sources: Option<Vec<u32>>,
    /// The relay, and whether a statement's must hold it (`--via`) or be it (a relay picked
    /// from the filter menu).
    pub via: Option<RelayPart>,
    /// The search text as typed (not folded; [`search`] folds it); never blank: [`Filter::resolve`]
    /// refuses a search that is empty or only whitespace.
    pub search: Option<String>,
    /// Only statements by a `Group` participant.
    pub anonymous: bool,
    /// Only disputed claims.
    pub disputed: bool,
    /// Only claims with two or more independent origins.
    pub corroborated: bool,
    /// Only claims several outlets carry from a single independent origin.
    pub single_origin: bool,
    /// Only these events (timeline positions of the marked events, ascending); `None` for no
    /// marks filter. An event part.
    pub marked: Option<Vec<u32>>,
}

/// The events a filter keeps ([`Filter::kept`]): one of the index's lists as it stands, when
/// the filter has a single part that is one, or a list made for it. Borrowing the index's
/// list spares a copy that grows with the timeline (a speaker in a tenth of a million events).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// The events of participant `p` as speaker or claimant: `Index::speaking[p].events`.
    Speaking(u32),
    /// The events participant `p` takes any part in: `Index::involved[p]`.
    Involved(u32),
    /// The events of round `r`: `Index::in_round[r]`.
    Round(u32),
    /// The events citing a source of outlet `o` (the filter naming every source of it):
    /// `Index::outlets(t).citing[o]` (made only once the outlets are).
    Citing(u32),
    /// The events having a statement with the flag: `Index::flagged(flag).events`.
    Flagged(Flag),
    /// The events where participant `speaker` makes a statement with `flag` (the filter being
    /// that speaker and that flag): `Index::spoken_flags(t)[flag][speaker].events` (made only
    /// once those lists are).
    SpokenFlagged {
        /// A participant index.
        speaker: u32,
        /// The flag.
        flag: Flag,
    },
    /// The events citing outlet `outlet` that have a statement with `flag` (the filter being
    /// every source of that outlet and that flag): `Index::cited_flags(t)[flag][outlet].events`
    /// (made only once those lists are).
    CitedFlagged {
        /// An outlet, as [`Outlets`] numbers them.
        outlet: u32,
        /// The flag.
        flag: Flag,
    },
    /// The events having a statement whose relay is relay `v` (or, for a relay part that
    /// matches no other, holds it): `Index::relays(t)[v].picked.events` (made only once the
    /// relays are).
    Via(u32),
    /// A list of their own.
    Made(Vec<u32>),
    /// The events several parts keep together ([`Filter::joined`]), with running counts of the
    /// statements view's rows over them, as the index keeps for its lists.
    Joined {
        /// Timeline positions, ascending.
        events: Vec<u32>,
        /// [`Running::steps`].
        steps: Vec<u32>,
        /// [`Running::total`].
        total: usize,
    },
}

impl Kept {
    /// Timeline positions of the events kept, ascending. `index` must be the one the filter
    /// was applied with.
    #[must_use]
    pub fn positions<'a>(&'a self, index: &'a Index) -> &'a [u32] {
        match self {
            Kept::Speaking(p) => &index.speaking[*p as usize].events,
            Kept::Involved(p) => &index.involved[*p as usize],
            Kept::Round(r) => &index.in_round[*r as usize],
            Kept::Citing(o) => &made_outlets(index).citing[*o as usize],
            Kept::Flagged(flag) => &index.flagged(*flag).events,
            Kept::SpokenFlagged { speaker, flag } => &spoken_flagged(index, *speaker, *flag).events,
            Kept::CitedFlagged { outlet, flag } => &cited_flagged(index, *outlet, *flag).events,
            Kept::Via(v) => &relay(index, *v).picked.events,
            Kept::Made(list) | Kept::Joined { events: list, .. } => list,
        }
    }

    /// Every statement the filter that made this keeps ([`Filter::statements`]: the statements
    /// view's rows), in timeline order, when the index keeps them with its list
    /// ([`Kept::CitedFlagged`], from [`Picked::rows`](tally::Picked::rows)); `None` otherwise,
    /// when they are found by reading the kept events.
    #[must_use]
    pub fn rows<'a>(&'a self, index: &'a Index) -> Option<&'a [StatementRef]> {
        match self {
            Kept::CitedFlagged { outlet, flag } => cited_flagged(index, *outlet, *flag).rows(),
            _ => None,
        }
    }

    /// Running counts, over [`Kept::positions`], of the statements the filter that made this
    /// keeps ([`Filter::statements`]: the statements view's rows), when the index keeps them
    /// (a list borrowed from it); `None` for a list of its own.
    #[must_use]
    pub fn statements<'a>(&'a self, index: &'a Index) -> Option<Running<'a>> {
        Some(match self {
            Kept::Speaking(p) => {
                let s = &index.speaking[*p as usize];
                Running {
                    steps: &index.spoken_step[*p as usize],
                    total: (s.quotes + s.claims) as usize,
                }
            }
            Kept::Involved(p) => index.involved_statements.of(*p as usize),
            Kept::Round(r) => index.round_statements.of(*r as usize),
            Kept::Citing(o) => made_outlets(index).statements.of(*o as usize),
            Kept::Flagged(flag) => index.flagged(*flag).running(),
            Kept::SpokenFlagged { speaker, flag } => {
                spoken_flagged(index, *speaker, *flag).running()
            }
            Kept::CitedFlagged { outlet, flag } => cited_flagged(index, *outlet, *flag).running(),
            Kept::Via(v) => relay(index, *v).picked.running(),
            Kept::Joined { steps, total, .. } => Running {
                steps,
                total: *total,
            },
            Kept::Made(_) => return None,
        })
    }
}

/// Relay `v` of the index, whose relays a [`Kept::Via`] was made from.
fn relay(index: &Index, v: u32) -> &tally::Via {
    &index
        .relays_made()
        .expect("a Kept::Via is made from the index's relays")[v as usize]
}

/// The list of participant `p`'s statements with `flag`, which a [`Kept::SpokenFlagged`] was
/// made from.
fn spoken_flagged(index: &Index, p: u32, flag: Flag) -> &tally::Picked {
    &index
        .spoken_flags_made()
        .expect("a Kept::SpokenFlagged is made from the index's lists")[flag as usize][p as usize]
}

/// The list of outlet `o`'s events with `flag`, which a [`Kept::CitedFlagged`] was made from.
fn cited_flagged(index: &Index, o: u32, flag: Flag) -> &tally::Picked {
    &index
        .cited_flags_made()
        .expect("a Kept::CitedFlagged is made from the index's lists")[flag as usize][o as usize]
}

/// The outlets of the index, which a [`Kept::Citing`] was made from.
fn made_outlets(index: &Index) -> &Outlets {
    index
        .outlets_made()
        .expect("a Kept::Citing is made from the index's outlets")
}

/// One part of a filter as it is named to the user ([`Filter::named`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The part's name: `speaker`, `source`, `via`, `search`, `disputed`…
    pub name: &'static str,
    /// What it names (from the file, or text as typed, unescaped); `None` for a flag.
    pub value: Option<String>,
    /// Whether the value is text to find, written in quotation marks (`via: “tass”`,
    /// `search: “swap”`), not a name from the file.
    pub quoted: bool,
}

impl fmt::Display for Named {
    /// `name: value`, `name: “value”`, or the flag's name alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.value, self.quoted) {
            (None, _) => f.write_str(self.name),
            (Some(v), false) => write!(f, "{}: {v}", self.name),
            (Some(v), true) => write!(f, "{}: “{v}”", self.name),
        }
    }
}

/// A filter argument that names nothing in the timeline, or several things, or is blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// `--speaker`, `--participant`, `--source`, `--via` or `--search` (the flag, as typed)
    /// was given blank text (`--source ""`): there is nothing to look for.
    Blank(&'static str),
    /// A `--speaker` (or `--participant`, with `flag` saying which) matched no participant,
    /// or more than one.
    Speaker(&'static str, SpeakerError),
    /// No round declares `--round`'s number.
    Round {
        /// The number asked for.
        number: u64,
        /// Every number the timeline's rounds declare, ascending; empty if it has none.
        declared: Vec<u64>,
    },
    /// No source id or outlet matches `--source`.
    Source {
        /// The name as typed.
        name: String,
        /// The declared id or outlet closest to it, if one is close enough to suggest.
        near: Option<String>,
        /// A relay (`via`) the name is part of, as first written in the file: an agency
        /// such as TASS is often a relay, not a source.
        relay: Option<String>,
        /// Every outlet of the timeline, in file order, each once, when there are at most
        /// [`LIST_OUTLETS`] of them (empty otherwise): shown when nothing else helps.
        outlets: Vec<String>,
    },
    /// `--source` is part of the ids or outlets of sources of several outlets.
    SourceAmbiguous {
        /// The name as typed.
        name: String,
        /// Each outlet with a matching source, once, in the order of its first matching
        /// source in the file: on a large timeline a hundred sources may share an outlet, so
        /// the message names outlets, not sources.
        outlets: Vec<OutletMatch>,
    },
}

/// An outlet some of whose sources a `--source` part matches ([`FilterError::SourceAmbiguous`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutletMatch {
    /// The outlet as its first matching source writes it.
    pub outlet: String,
    /// How many of its sources match.
    pub sources: usize,
    /// The id of the matching source, when only one matches: the one to give instead.
    pub id: Option<String>,
}

impl fmt::Display for OutletMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{} ({id})", self.outlet),
            None => write!(f, "{} ({} sources)", self.outlet, self.sources),
        }
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::Blank("--via") => f.write_str("--via needs text to find in relays"),
            FilterError::Blank("--search") => f.write_str(
                "--search needs text to find in titles, summaries, quotes, claims and names",
            ),
            FilterError::Blank(flag @ "--source") => write!(
                f,
                "{flag} needs a name: a source id or an outlet, or a part of either"
            ),
            FilterError::Blank(flag) => write!(
                f,
                "{flag} needs a name: a participant's id, name or alias, or a part of one"
            ),
            FilterError::Speaker(flag, e) => write!(f, "{flag}: {e}"),
            FilterError::Round { number, declared } if declared.is_empty() => {
                write!(
                    f,
                    "--round: there is no round {number}; this timeline declares no rounds"
                )
            }
            FilterError::Round { number, declared } => {
                let list: Vec<String> = declared.iter().map(u64::to_string).collect();
                write!(
                    f,
                    "--round: there is no round {number}; rounds are {}",
                    list.join(", ")
                )
            }
            FilterError::Source {
                name,
                near,
                relay,
                outlets,
            } => {
                write!(f, "--source: no source id or outlet matches `{name}`")?;
                if let Some(r) = relay {
                    write!(f, "; `{r}` is a relay in this timeline: try --via {name}")?;
                } else if let Some(n) = near {
                    write!(f, "; did you mean `{n}`?")?;
                } else if !outlets.is_empty() {
                    write!(f, "; the outlets are {}", outlets.join(", "))?;
                }
                Ok(())
            }
            FilterError::SourceAmbiguous { name, outlets } => {
                write!(
                    f,
                    "--source: `{name}` matches sources of {} outlets: ",
                    outlets.len()
                )?;
                for (k, o) in outlets.iter().take(LIST_MATCHES).enumerate() {
                    write!(f, "{}{o}", if k == 0 { "" } else { ", " })?;
                }
                if outlets.len() > LIST_MATCHES {
                    write!(f, " and {} more", outlets.len() - LIST_MATCHES)?;
                }
                f.write_str("; give one outlet's name, or a source id")
            }
        }
    }
}

/// The most outlets a `--source` error lists when nothing matches.
pub const LIST_OUTLETS: usize = 10;

/// The most outlets an ambiguous `--source` error names; the rest are counted ("and 3 more").
pub const LIST_MATCHES: usize = 5;

/// The sources `name` names: an id (any case), else an outlet (any case: every source of
/// it), else a part of ids and outlets that names one source or the sources of one outlet.
///
/// # Errors
///
/// [`FilterError::Blank`] for a name that is blank (or folds to nothing),
/// [`FilterError::Source`] when nothing matches, [`FilterError::SourceAmbiguous`] when the
/// part matches sources of several outlets.
pub fn resolve_source(t: &Timeline<'_>, name: &str) -> Result<Vec<u32>, FilterError> {
    let q = fold(name.trim());
    if q.is_empty() {
        return Err(FilterError::Blank("--source"));
    }
    let ids: Vec<String> = t.sources.iter().map(|s| fold(&s.id.value)).collect();
    let outlets: Vec<String> = t.sources.iter().map(Outlets::key).collect();
    if let Some(i) = ids.iter().position(|id| *id == q) {
        return Ok(vec![i as u32]);
    }
    let of_outlet = |outlet: &str| -> Vec<u32> {
        (0..t.sources.len() as u32)
            .filter(|&i| outlets[i as usize] == outlet)
            .collect()
    };
    if outlets.contains(&q) {
        return Ok(of_outlet(&q));
    }
    let parts: Vec<u32> = (0..t.sources.len() as u32)
        .filter(|&i| ids[i as usize].contains(&q) || outlets[i as usize].contains(&q))
        .collect();
    match parts.as_slice() {
        [] => Err(FilterError::Source {
            name: name.to_string(),
            near: did_you_mean(
                name,
                t.sources
                    .iter()
                    .flat_map(|s| [s.id.value.as_ref(), s.outlet.as_ref()]),
            )
            .map(str::to_string),
            relay: relay_containing(t, name),
            outlets: {
                let mut names: Vec<String> = Vec::new();
                for s in &t.sources {
                    if !names.iter().any(|n| **n == *s.outlet) {
                        names.push(s.outlet.to_string());
                    }
                }
                if names.len() <= LIST_OUTLETS {
                    names
                } else {
                    Vec::new()
                }
            },
        }),
        [first, rest @ ..] => {
            let outlet = &outlets[*first as usize];
            if rest.iter().all(|&i| outlets[i as usize] == *outlet) {
                Ok(if rest.is_empty() {
                    parts
                } else {
                    of_outlet(outlet)
                })
            } else {
                Err(FilterError::SourceAmbiguous {
                    name: name.to_string(),
                    outlets: by_outlet(t, &outlets, &parts),
                })
            }
        }
    }
}

/// The sources `parts` (ascending) grouped by outlet (`keys`: each source's
/// [`Outlets::key`]), in the order of each outlet's first source among them.
fn by_outlet(t: &Timeline<'_>, keys: &[String], parts: &[u32]) -> Vec<OutletMatch> {
    let mut group: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut out: Vec<OutletMatch> = Vec::new();
    for &i in parts {
        let s = &t.sources[i as usize];
        let next = out.len();
        let k = *group.entry(&keys[i as usize]).or_insert(next);
        if k == next {
            out.push(OutletMatch {
                outlet: s.outlet.to_string(),
                sources: 0,
                id: Some(s.id.value.to_string()),
            });
        }
        let o = &mut out[k];
        o.sources += 1;
        if o.sources > 1 {
            o.id = None;
        }
    }
    out
}

impl Filter {
    /// Resolves names in `args` against the timeline.
    ///
    /// # Errors
    ///
    /// [`FilterError::Blank`] if a speaker, the participant, the source or the relay is blank
    /// text, [`FilterError::Speaker`] if a speaker or the participant names no participant or
    /// several, [`FilterError::Round`] if no round has the number, [`FilterError::Source`] or
    /// [`FilterError::SourceAmbiguous`] (see [`resolve_source`]). Checked in the order of the
    /// fields of [`FilterArgs`]; the first failure is returned.
    pub fn resolve(
        t: &Timeline<'_>,
        index: &Index,
        args: &FilterArgs,
    ) -> Result<Self, FilterError> {
        // Blank text would match every name (and so name no one participant) or filter
        // nothing: said as such, not as a list of every candidate.
        let named = |flag: &'static str, name: &str| {
            if fold(name.trim()).is_empty() {
                Err(FilterError::Blank(flag))
            } else {
                Ok(())
            }
        };
        let mut speakers = Vec::with_capacity(args.speakers.len());
        for name in &args.speakers {
            named("--speaker", name)?;
            let p = speaker::resolve(t, index, name)
                .map_err(|e| FilterError::Speaker("--speaker", e))?;
            if !speakers.contains(&p) {
                speakers.push(p);
            }
        }
        let participant = match &args.participant {
            Some(name) => {
                named("--participant", name)?;
                Some(
                    speaker::resolve(t, index, name)
                        .map_err(|e| FilterError::Speaker("--participant", e))?,
                )
            }
            None => None,
        };
        let round = match args.round {
            Some(number) => Some(
                t.rounds
                    .iter()
                    .position(|r| r.number.value == number)
                    .ok_or_else(|| {
                        let mut declared: Vec<u64> =
                            t.rounds.iter().map(|r| r.number.value).collect();
                        declared.sort_unstable();
                        FilterError::Round { number, declared }
                    })? as u32,
            ),
            None => None,
        };
        let sources = if args.sources.is_empty() {
            None
        } else {
            let mut all = Vec::new();
            for name in &args.sources {
                all.extend(resolve_source(t, name)?);
            }
            all.sort_unstable();
            all.dedup();
            Some(all)
        };
        let via = match args.via.as_deref() {
            Some(v) => {
                Some(RelayPart::new(v, RelayMatch::Contains).ok_or(FilterError::Blank("--via"))?)
            }
            None => None,
        };
        let search = match &args.search {
            Some(s) if s.trim().is_empty() => return Err(FilterError::Blank("--search")),
            search => search.clone(),
        };
        let marked = args.marked.as_ref().map(|ids| marked_positions(t, ids));
        Ok(Filter {
            speakers,
            participant,
            round,
            sources,
            via,
            search,
            anonymous: args.anonymous,
            disputed: args.disputed,
            corroborated: args.corroborated,
            single_origin: args.single_origin,
            marked,
        })
    }

    /// Each part that is set, as `name: value` for a header or a message (`speaker: Dmitry
    /// Peskov`, `round: Round 3`, `source: Xinhua`, `via: TASS` for a relay picked whole,
    /// `via: “tass”` for text to find in relays, `search: “swap”`, `disputed`), in the order
    /// of the fields; names come from the file and text as typed, unescaped: the caller makes
    /// them safe to show. Each is a [`Named`] of [`Filter::named`], written out.
    #[must_use]
    pub fn describe(&self, t: &Timeline<'_>, index: &Index) -> Vec<String> {
        self.named(t, index).iter().map(Named::to_string).collect()
    }

    /// Each part that is set, by its name and value, in the order of the fields: what
    /// [`Filter::describe`] writes out, for a caller that shortens values to fit (the title
    /// bar). A source part is named by its outlets (each once, as [`Index::outlets`] makes
    /// them one, by the outlet text of its first source), found from the index's table of
    /// sources to outlets: at a million events an outlet has ten thousand sources, and
    /// reading each one's record to name it took longer than the key press naming it.
    #[must_use]
    pub fn named(&self, t: &Timeline<'_>, index: &Index) -> Vec<Named> {
        let mut parts = Vec::new();
        let part = |name, value: String, quoted| Named {
            name,
            value: Some(value),
            quoted,
        };
        let name = |p: u32| t.participants[p as usize].name.to_string();
        if !self.speakers.is_empty() {
            let names: Vec<String> = self.speakers.iter().map(|&p| name(p)).collect();
            parts.push(part("speaker", names.join(" or "), false));
        }
        if let Some(p) = self.participant {
            parts.push(part("participant", name(p), false));
        }
        if let Some(r) = self.round {
            parts.push(part(
                "round",
                t.rounds[r as usize].name().into_owned(),
                false,
            ));
        }
        if let Some(sources) = &self.sources {
            // Each outlet once, in the order of its first source.
            let table = index.outlets(t);
            let mut seen: Vec<u32> = Vec::new();
            for &s in sources {
                let o = table.outlet_of[s as usize];
                if !seen.contains(&o) {
                    seen.push(o);
                }
            }
            let outlets: Vec<&str> = seen
                .iter()
                .map(|&o| {
                    t.sources[table.sources[o as usize][0] as usize]
                        .outlet
                        .as_ref()
                })
                .collect();
            parts.push(part("source", outlets.join(", "), false));
        }
        if let Some(v) = &self.via {
            // A relay picked whole as the timeline spells it; text to find in relays as typed,
            // quoted as a search is.
            parts.push(part("via", v.text.clone(), v.how == RelayMatch::Contains));
        }
        if let Some(text) = &self.search {
            parts.push(part("search", text.clone(), true));
        }
        for (on, flag) in [
            (self.anonymous, "anonymous"),
            (self.disputed, "disputed"),
            (self.corroborated, "corroborated"),
            (self.single_origin, "single-origin"),
            (self.marked.is_some(), "marked"),
        ] {
            if on {
                parts.push(Named {
                    name: flag,
                    value: None,
                    quoted: false,
                });
            }
        }
        parts
    }

    /// True if no part is set, so that [`Filter::apply`] passes every event.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether `--speaker` (one speaker or several) is the only part set: then the rows of the
    /// statements view are counted from the index's running counts of each speaker.
    #[must_use]
    pub fn only_speakers(&self) -> bool {
        !self.speakers.is_empty() && self.parts() == 1
    }

    /// How many parts are set (`--speaker`, however many speakers, counts once).
    fn parts(&self) -> usize {
        // Every field named, so that a new part of the filter cannot be forgotten here.
        let Filter {
            speakers,
            participant,
            round,
            sources,
            via,
            search,
            anonymous,
            disputed,
            corroborated,
            single_origin,
            marked,
        } = self;
        usize::from(!speakers.is_empty())
            + usize::from(participant.is_some())
            + usize::from(round.is_some())
            + usize::from(sources.is_some())
            + usize::from(via.is_some())
            + usize::from(search.is_some())
            + usize::from(*anonymous)
            + usize::from(*disputed)
            + usize::from(*corroborated)
            + usize::from(*single_origin)
            + usize::from(marked.is_some())
    }

    /// Whether a part that asks about statements is set (`--speaker`, `--source`, `--via` or
    /// a flag): then a view of whole events (the Markdown brief) shows in them only the
    /// statements [`Filter::keeps_statement`] keeps.
    #[must_use]
    pub fn selects_statements(&self) -> bool {
        !self.speakers.is_empty() || self.sources.is_some() || self.asks_about_statements()
    }

    /// Whether the statement `at` passes the statement parts, `--source` asking about its own
    /// `source` and `also` (the event parts are not asked: see [`Filter::statements`]).
    #[must_use]
    pub fn keeps_statement(&self, t: &Timeline<'_>, index: &Index, at: StatementRef) -> bool {
        self.statement_passes(t, index, at, true)
    }

    /// Whether a part that asks about what a statement is (not who said it) is set.
    fn asks_about_statements(&self) -> bool {
        self.via.is_some()
            || self.anonymous
            || self.disputed
            || self.corroborated
            || self.single_origin
    }

    /// The flags set, in the order of [`Flag::ALL`].
    fn flags(&self) -> impl Iterator<Item = Flag> + '_ {
        Flag::ALL.into_iter().filter(|&flag| match flag {
            Flag::Anonymous => self.anonymous,
            Flag::Disputed => self.disputed,
            Flag::Corroborated => self.corroborated,
            Flag::SingleOrigin => self.single_origin,
        })
    }

    /// The events that pass every part of the filter, as [`Filter::apply`] finds them, but
    /// borrowed from the index when a single part (one speaker, the participant, the round,
    /// one source, one flag, or a relay the index lists) decides and its list is the answer as
    /// it stands; then [`Kept::statements`] also counts the statements view's rows.
    #[must_use]
    pub fn kept(&self, t: &Timeline<'_>, index: &Index, text: Option<&str>) -> Kept {
        self.single_part(t, index)
            .unwrap_or_else(|| self.joined(&self.join(t, index, text), t, index))
    }

    /// The index's list for the filter, when it keeps one: for its part, when it has exactly
    /// one, or for one flag with one speaker or with every source of one outlet.
    #[must_use]
    pub fn single_part(&self, t: &Timeline<'_>, index: &Index) -> Option<Kept> {
        if self.parts() == 2
            && let Some(flag) = self.flags().next()
        {
            if let [speaker] = self.speakers[..] {
                index.spoken_flags(t);
                return Some(Kept::SpokenFlagged { speaker, flag });
            }
            if let Some(outlet) = self.whole_outlet(t, index) {
                index.cited_flags(t);
                return Some(Kept::CitedFlagged { outlet, flag });
            }
        }
        if self.parts() != 1 {
            return None;
        }
        let Filter {
            speakers,
            participant,
            round,
            sources,
            via,
            ..
        } = self;
        if let Some(flag) = self.flags().next() {
            return Some(Kept::Flagged(flag));
        }
        match (
            speakers.as_slice(),
            participant,
            round,
            sources.as_deref(),
            via,
        ) {
            ([p], ..) => Some(Kept::Speaking(*p)),
            (_, Some(p), ..) => Some(Kept::Involved(*p)),
            (_, _, Some(r), ..) => Some(Kept::Round(*r)),
            (_, _, _, Some(_), _) => self.whole_outlet(t, index).map(Kept::Citing),
            (.., Some(part)) => {
                let mut matched = part.relays(index.relays(t));
                match (matched.next(), matched.next()) {
                    (Some(v), None) => Some(Kept::Via(v as u32)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The outlet whose sources are exactly the source part's, if they are (`--source` naming
    /// an outlet, or its one source).
    fn whole_outlet(&self, t: &Timeline<'_>, index: &Index) -> Option<u32> {
        let sources = self.sources.as_deref()?;
        let outlets = index.outlets(t);
        let o = *outlets.outlet_of.get(*sources.first()? as usize)?;
        (outlets.sources[o as usize] == *sources).then_some(o)
    }

    /// Positions (timeline order) of the events that pass every part of the filter. `text`,
    /// the text `t` was loaded from, lets a search read it in one pass (see [`search`]).
    #[must_use]
    pub fn apply(&self, t: &Timeline<'_>, index: &Index, text: Option<&str>) -> Vec<u32> {
        self.join(t, index, text).all()
    }

    /// The parts of the filter as lists of events to walk and ask ([`Join`]): one list per
    /// part that has one (several for several speakers, outlets or relays, any of which
    /// passes); the search, when there is one, is run here, in one pass over the text.
    #[must_use]
    pub fn join<'a>(
        &'a self,
        t: &'a Timeline<'a>,
        index: &'a Index,
        text: Option<&str>,
    ) -> Join<'a> {
        let mut parts: Vec<Part<'a>> = Vec::new();
        if let Some(r) = self.round {
            parts.push(Part::list(&index.in_round[r as usize]));
        }
        if let Some(p) = self.participant {
            parts.push(Part::list(&index.involved[p as usize]));
        }
        if let Some(m) = &self.marked {
            parts.push(Part::list(m));
        }
        if let Some(search) = &self.search {
            parts.push(Part::any(vec![Cow::Owned(search_hits(
                t, index, text, search,
            ))]));
        }
        // The events having a statement with each flag, or with a relay that matches, hold
        // every event kept: the statements are then asked about the walked part's events only.
        for flag in self.flags() {
            parts.push(Part::list(&index.flagged(flag).events));
        }
        if let Some(part) = &self.via {
            let relays = index.relays(t);
            parts.push(Part::any(
                part.relays(relays)
                    .map(|v| Cow::Borrowed(relays[v].picked.events.as_slice()))
                    .collect(),
            ));
        }
        // Every source of an outlet named is its index list as it stands; an outlet only some
        // of whose sources are named, its events citing one of them.
        if let Some(sources) = &self.sources {
            let (whole, part) = citing_lists(t, index, sources);
            parts.push(Part::any(
                whole
                    .into_iter()
                    .map(Cow::Borrowed)
                    .chain(part.into_iter().map(Cow::Owned))
                    .collect(),
            ));
        }
        // The speakers' own lists, any of them: with a statement part set too, each statement
        // is also asked who made it, but only in the events these lists and the others hold.
        if !self.speakers.is_empty() {
            parts.push(Part::any(
                self.speakers
                    .iter()
                    .map(|&p| Cow::Borrowed(&index.speaking[p as usize].events[..]))
                    .collect(),
            ));
        }
        Join::new(t, index, self, parts, self.statement_parts() > 1)
    }

    /// How many parts ask about a statement each (the speakers, a relay, each flag). With one,
    /// its list of events ([`Filter::join`]) holds exactly the events having such a statement,
    /// and no statement need be read to tell; with two or more, they must hold of one and the
    /// same statement, which only reading the statements of an event tells.
    fn statement_parts(&self) -> usize {
        usize::from(!self.speakers.is_empty())
            + usize::from(self.via.is_some())
            + self.flags().count()
    }

    /// How many rows the statements view gives the event at timeline position `pos`: its
    /// statements that [`Filter::keeps_statement`] keeps (all of them when no part asks about
    /// statements). The event parts are not asked.
    #[must_use]
    pub fn rows_in(&self, t: &Timeline<'_>, index: &Index, pos: u32) -> usize {
        let e = &t.events[pos as usize];
        if self.selects_statements() {
            Index::statements_of(pos, e)
                .filter(|&at| self.keeps_statement(t, index, at))
                .count()
        } else {
            e.quotes.len() + e.claims.len()
        }
    }

    /// The events the filter keeps, worked out whole from `join` (one of this filter's), with
    /// running counts of the statements view's rows over them ([`Kept::Joined`]).
    #[must_use]
    pub fn joined(&self, join: &Join<'_>, t: &Timeline<'_>, index: &Index) -> Kept {
        let events = join.all();
        let mut steps = Vec::with_capacity(events.len() / STEP);
        let mut total = 0usize;
        for (k, &pos) in events.iter().enumerate() {
            total += self.rows_in(t, index, pos);
            if (k + 1) % STEP == 0 && k + 1 < events.len() {
                steps.push(total as u32);
            }
        }
        Kept::Joined {
            events,
            steps,
            total,
        }
    }

    /// The statements (quotes and claims, in timeline order) that pass every part: their
    /// event passes the event parts, and they pass the statement parts, `--source` naming
    /// their own `source` or one of their `also`.
    #[must_use]
    pub fn statements(
        &self,
        t: &Timeline<'_>,
        index: &Index,
        text: Option<&str>,
    ) -> Vec<StatementRef> {
        let event_parts = Filter {
            round: self.round,
            participant: self.participant,
            search: self.search.clone(),
            marked: self.marked.clone(),
            ..Filter::default()
        };
        let keep = |at: &StatementRef| self.statement_passes(t, index, *at, true);
        let of = |pos: u32| Index::statements_of(pos, &t.events[pos as usize]).filter(keep);
        if event_parts.is_empty() {
            (0..t.events.len() as u32).flat_map(of).collect()
        } else {
            event_parts
                .apply(t, index, text)
                .into_iter()
                .flat_map(of)
                .collect()
        }
    }

    /// Whether the statement `at` passes the statement parts (and, with `own_source`, the
    /// source part, asked of the statement's `source` and `also`).
    pub(crate) fn statement_passes(
        &self,
        t: &Timeline<'_>,
        index: &Index,
        at: StatementRef,
        own_source: bool,
    ) -> bool {
        let event = &t.events[at.event as usize];
        // The statement's own record is read only for a part that asks about it: the flags
        // are the index's, elsewhere in memory.
        let record = || match at.kind() {
            Kind::Quote => {
                let q = &event.quotes[at.index()];
                (Some(q.speaker), q.via.as_deref(), q.source, q.also())
            }
            Kind::Claim => {
                let c = &event.claims[at.index()];
                (c.by, c.via.as_deref(), c.source, c.also())
            }
        };
        if !self.speakers.is_empty()
            && !record()
                .0
                .is_some_and(|w| self.speakers.contains(&w.target))
        {
            return false;
        }
        if let Some(part) = &self.via
            && !record().1.is_some_and(|v| part.matches(v))
        {
            return false;
        }
        if self.flags().any(|flag| !flag.holds(t, index, at)) {
            return false;
        }
        if own_source && let Some(sources) = &self.sources {
            let (_, _, source, also) = record();
            if !tally::statement_sources(&source, also).any(|s| sources.binary_search(&s).is_ok()) {
                return false;
            }
        }
        true
    }
}

/// The events citing one of `sources` (ascending), in lists to unite: the index's list of each
/// outlet all of whose sources are named, and, for each outlet only some of whose sources are,
/// its list's events citing one of them (a pass over that outlet's events).
fn citing_lists<'i>(
    t: &Timeline<'_>,
    index: &'i Index,
    sources: &[u32],
) -> (Vec<&'i [u32]>, Vec<Vec<u32>>) {
    let made = index.outlets(t);
    let mut outlets: Vec<u32> = sources
        .iter()
        .map(|&s| made.outlet_of[s as usize])
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let mut whole = Vec::new();
    let mut part = Vec::new();
    for o in outlets {
        let all = &made.sources[o as usize];
        if all.iter().all(|s| sources.binary_search(s).is_ok()) {
            whole.push(&made.citing[o as usize][..]);
        } else {
            part.push(
                made.citing[o as usize]
                    .iter()
                    .copied()
                    .filter(|&pos| {
                        t.events[pos as usize]
                            .cited()
                            .any(|r| sources.binary_search(&r.target).is_ok())
                    })
                    .collect(),
            );
        }
    }
    (whole, part)
}

/// The events a search keeps: those whose text matches, and those in which a participant
/// whose id, name or alias matches takes part.
fn search_hits(t: &Timeline<'_>, index: &Index, text: Option<&str>, needle: &str) -> Vec<u32> {
    let hits = search(t, index, text, needle);
    let folded = fold(needle.trim());
    if folded.is_empty() {
        return hits;
    }
    let named: Vec<&[u32]> = index
        .names
        .iter()
        .zip(&index.involved)
        .filter(|(names, _)| names.iter().any(|n| n.contains(&folded)))
        .map(|(_, events)| events.as_slice())
        .collect();
    if named.is_empty() {
        return hits;
    }
    union(std::iter::once(hits.as_slice()).chain(named))
}

/// Every relay (`via`) the statements give, in timeline order (each event's quotes, then its
/// claims), repeats included, as written.
pub fn relays<'t>(t: &'t Timeline<'_>) -> impl Iterator<Item = &'t str> {
    t.events.iter().flat_map(|e| {
        e.quotes
            .iter()
            .filter_map(|q| q.via.as_deref())
            .chain(e.claims.iter().filter_map(|c| c.via.as_deref()))
    })
}

/// The first relay (in timeline order) that `--via text` keeps.
fn relay_containing(t: &Timeline<'_>, text: &str) -> Option<String> {
    let part = RelayPart::new(text, RelayMatch::Contains)?;
    relays(t).find(|v| part.matches(v)).map(str::to_string)
}

/// Timeline positions (ascending) of the events whose ids are among `ids`; ids that name no
/// event are left out. One pass over the events.
#[must_use]
pub fn marked_positions(t: &Timeline<'_>, ids: &[String]) -> Vec<u32> {
    if ids.is_empty() {
        return Vec::new();
    }
    let wanted: std::collections::HashSet<&str> = ids.iter().map(String::as_str).collect();
    (0u32..)
        .zip(&t.events)
        .filter(|(_, e)| wanted.contains(&*e.id.value))
        .map(|(pos, _)| pos)
        .collect()
}

/// The sorted union of sorted lists, each position once.
fn union<'l>(lists: impl Iterator<Item = &'l [u32]>) -> Vec<u32> {
    let mut all: Vec<u32> = lists.flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::{Filter, FilterArgs, FilterError, Kept, RelayMatch, RelayPart};
    use crate::model::{BUNDLED, load_str};
    use crate::query::Index;

    #[test]
    fn an_ambiguous_source_names_its_outlets_once_each_counting_their_sources() {
        use std::fmt::Write as _;
        // Seven outlets whose names hold `the`; the Herald has three sources, the Times two.
        let mut sources = String::new();
        for (id, outlet) in [
            ("herald-1", "The Herald"),
            ("times-1", "The Times"),
            ("herald-2", "The Herald"),
            ("post-1", "The Post"),
            ("herald-3", "The Herald"),
            ("times-2", "The Times"),
            ("sun-1", "The Sun"),
            ("star-1", "The Star"),
            ("mail-1", "The Mail"),
            ("wire-1", "Wire"),
        ] {
            let _ = write!(sources, "Source(id: \"{id}\", outlet: \"{outlet}\"),");
        }
        let text =
            format!("Timeline(title: \"T\", sources: [{sources}], participants: [], events: [])");
        let t = load_str(&text).unwrap().timeline;
        let err = super::resolve_source(&t, "THE").unwrap_err();
        assert_eq!(
            err.to_string(),
            "--source: `THE` matches sources of 6 outlets: The Herald (3 sources), The Times \
             (2 sources), The Post (post-1), The Sun (sun-1), The Star (star-1) and 1 more; give \
             one outlet's name, or a source id"
        );
        // An outlet's name, or a part of one outlet's ids alone, is no longer ambiguous.
        assert_eq!(super::resolve_source(&t, "the herald"), Ok(vec![0, 2, 4]));
        assert_eq!(super::resolve_source(&t, "times-"), Ok(vec![1, 5]));
    }

    #[test]
    fn blank_text_is_refused_rather_than_matched_against_everything() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let resolve = |f: fn(&mut FilterArgs, String)| {
            ["", " ", "\t"].map(|blank| {
                let mut args = FilterArgs::default();
                f(&mut args, blank.to_string());
                Filter::resolve(&t, &index, &args)
            })
        };
        for got in resolve(|a, s| a.speakers = vec![s]) {
            assert_eq!(got, Err(FilterError::Blank("--speaker")));
        }
        for got in resolve(|a, s| a.participant = Some(s)) {
            assert_eq!(got, Err(FilterError::Blank("--participant")));
        }
        for got in resolve(|a, s| a.sources = vec![s]) {
            assert_eq!(got, Err(FilterError::Blank("--source")));
        }
        for got in resolve(|a, s| a.via = Some(s)) {
            assert_eq!(got, Err(FilterError::Blank("--via")));
        }
        for got in resolve(|a, s| a.search = Some(s)) {
            assert_eq!(got, Err(FilterError::Blank("--search")));
        }
    }

    #[test]
    fn only_speakers_is_said_of_speakers_alone() {
        let speakers = Filter {
            speakers: vec![0, 2],
            ..Filter::default()
        };
        assert!(speakers.only_speakers());
        assert!(!Filter::default().only_speakers());
        for other in [
            Filter {
                disputed: true,
                ..speakers.clone()
            },
            Filter {
                round: Some(0),
                ..speakers.clone()
            },
            Filter {
                via: RelayPart::new("tass", RelayMatch::Contains),
                ..speakers.clone()
            },
            Filter {
                marked: Some(vec![1]),
                ..speakers.clone()
            },
        ] {
            assert!(!other.only_speakers(), "{other:?}");
        }
    }

    #[test]
    fn the_events_kept_are_the_events_applied_whether_borrowed_or_made() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let mut filters = vec![Filter::default()];
        for p in 0..t.participants.len() as u32 {
            filters.push(Filter {
                speakers: vec![p],
                ..Filter::default()
            });
            filters.push(Filter {
                participant: Some(p),
                ..Filter::default()
            });
            filters.push(Filter {
                speakers: vec![p],
                disputed: true,
                ..Filter::default()
            });
        }
        for r in 0..t.rounds.len() as u32 {
            filters.push(Filter {
                round: Some(r),
                ..Filter::default()
            });
        }
        for s in 0..t.sources.len() as u32 {
            filters.push(Filter {
                sources: Some(vec![s]),
                round: (s % 2 == 0).then_some(0),
                ..Filter::default()
            });
            filters.push(Filter {
                sources: Some(vec![s]),
                ..Filter::default()
            });
        }
        for sources in &index.outlets(&t).sources {
            filters.push(Filter {
                sources: Some(sources.clone()),
                ..Filter::default()
            });
        }
        for flag in super::Flag::ALL {
            filters.push(Filter {
                anonymous: flag == super::Flag::Anonymous,
                disputed: flag == super::Flag::Disputed,
                corroborated: flag == super::Flag::Corroborated,
                single_origin: flag == super::Flag::SingleOrigin,
                ..Filter::default()
            });
        }
        for v in index.relays(&t) {
            for how in [RelayMatch::Exact, RelayMatch::Contains] {
                filters.push(Filter {
                    via: RelayPart::new(&v.text, how),
                    ..Filter::default()
                });
            }
            // Part of a relay's text: a list of its own when other relays hold it too.
            filters.push(Filter {
                via: v
                    .folded
                    .chars()
                    .next()
                    .and_then(|c| RelayPart::new(&c.to_string(), RelayMatch::Contains)),
                ..Filter::default()
            });
        }
        let mut borrowed = 0;
        for f in &filters {
            let kept = f.kept(&t, &index, None);
            borrowed += usize::from(!matches!(kept, Kept::Joined { .. }));
            assert_eq!(kept.positions(&index), f.apply(&t, &index, None), "{f:?}");
            if let Some(running) = kept.statements(&index) {
                assert_eq!(running.total, f.statements(&t, &index, None).len(), "{f:?}");
            }
        }
        assert!(
            borrowed > t.participants.len(),
            "most single parts are borrowed"
        );
    }
}
