//! Filters on the timeline: speaker, round, source and text, all of which must hold.

use std::fmt;

use crate::model::Timeline;

use super::index::Index;
use super::search::search;
use super::speaker::{self, SpeakerError};

/// A filter as the user gave it, before names are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterArgs {
    /// `--speaker`: a participant's id, name or alias, or part of one, as typed; resolved by
    /// [`speaker::resolve`].
    pub speaker: Option<String>,
    /// `--round`: the `number` a round declares in the file (FORMAT.md "Round"), not its
    /// position in the list.
    pub round: Option<u64>,
    /// `--source`: a source's `id`, exactly as the file writes it (case matters).
    pub source: Option<String>,
    /// `--search`: text to find in titles, summaries, quotes and claims, ignoring case and
    /// accents (see [`search`]). Blank text filters nothing.
    pub search: Option<String>,
}

/// A filter with every name resolved to an index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Participant index.
    pub speaker: Option<u32>,
    /// Round index (not number).
    pub round: Option<u32>,
    /// Source index.
    pub source: Option<u32>,
    /// The search text as typed (not folded; [`search`] folds it); never blank: [`Filter::resolve`]
    /// drops a search that is empty or only whitespace.
    pub search: Option<String>,
}

/// A filter argument that names nothing in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    /// `--speaker` matched no participant, or more than one.
    Speaker(SpeakerError),
    /// No round declares `--round`'s number.
    Round {
        /// The number asked for.
        number: u64,
        /// Every number the timeline's rounds declare, ascending; empty if it has none.
        declared: Vec<u64>,
    },
    /// No source has `--source`'s id.
    Source {
        /// The id asked for.
        id: String,
        /// The declared source id closest to it, if one is close enough to suggest.
        near: Option<String>,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::Speaker(e) => write!(f, "--speaker: {e}"),
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
            FilterError::Source { id, near: Some(n) } => {
                write!(f, "--source: no source has id `{id}`; did you mean `{n}`?")
            }
            FilterError::Source { id, near: None } => {
                write!(f, "--source: no source has id `{id}`")
            }
        }
    }
}

impl Filter {
    /// Resolves names in `args` against the timeline.
    ///
    /// # Errors
    ///
    /// [`FilterError::Speaker`] if the speaker names no participant or several,
    /// [`FilterError::Round`] if no round has the number, [`FilterError::Source`] if no source
    /// has the id. The speaker is checked first, then the round, then the source; the first
    /// failure is returned.
    pub fn resolve(
        t: &Timeline<'_>,
        index: &Index,
        args: &FilterArgs,
    ) -> Result<Self, FilterError> {
        let speaker = match &args.speaker {
            Some(name) => Some(speaker::resolve(t, index, name).map_err(FilterError::Speaker)?),
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
        let source = match &args.source {
            Some(id) => Some(
                t.sources
                    .iter()
                    .position(|s| s.id.value == *id)
                    .ok_or_else(|| FilterError::Source {
                        id: id.clone(),
                        near: crate::model::suggest::did_you_mean(
                            id,
                            t.sources.iter().map(|s| s.id.value.as_ref()),
                        )
                        .map(str::to_string),
                    })? as u32,
            ),
            None => None,
        };
        let search = args.search.clone().filter(|s| !s.trim().is_empty());
        Ok(Filter {
            speaker,
            round,
            source,
            search,
        })
    }

    /// True if no part is set, so that [`Filter::apply`] passes every event.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.round.is_none()
            && self.source.is_none()
            && self.search.is_none()
    }

    /// Positions (timeline order) of the events that pass every part of the filter. `text`,
    /// the text `t` was loaded from, lets a search read it in one pass (see [`search`]).
    #[must_use]
    pub fn apply(&self, t: &Timeline<'_>, index: &Index, text: Option<&str>) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = Vec::new();
        if let Some(p) = self.speaker {
            lists.push(&index.speaking[p as usize].events);
        }
        if let Some(r) = self.round {
            lists.push(&index.in_round[r as usize]);
        }
        if let Some(s) = self.source {
            lists.push(&index.citing[s as usize]);
        }
        let hits;
        if let Some(needle) = &self.search {
            hits = search(t, index, text, needle);
            lists.push(&hits);
        }
        lists.sort_by_key(|l| l.len());
        let Some((first, rest)) = lists.split_first() else {
            return (0..t.events.len() as u32).collect();
        };
        first
            .iter()
            .copied()
            .filter(|pos| rest.iter().all(|l| l.binary_search(pos).is_ok()))
            .collect()
    }
}
