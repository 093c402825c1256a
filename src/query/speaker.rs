//! Finding a participant from a name as a user types it: id, name or alias.

use std::fmt;

use crate::model::Timeline;

use super::fold::fold;
use super::index::Index;

/// Why a typed name did not pick exactly one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerError {
    /// Nothing matched; the closest names, if any.
    Unknown { name: String, near: Vec<String> },
    /// Several participants matched; their display names.
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

impl fmt::Display for SpeakerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpeakerError::Unknown { name, near } if near.is_empty() => {
                write!(f, "no participant is called `{name}`")
            }
            SpeakerError::Unknown { name, near } => {
                write!(
                    f,
                    "no participant is called `{name}`; did you mean {}?",
                    near.join(", ")
                )
            }
            SpeakerError::Ambiguous { name, candidates } => {
                write!(f, "`{name}` could be any of: {}", candidates.join(", "))
            }
        }
    }
}

/// Participants whose id, name or an alias contains the folded `query`, best first:
/// exact matches, then names starting with it, then the rest, each in file order.
#[must_use]
pub fn matching(index: &Index, query: &str) -> Vec<u32> {
    let q = fold(query.trim());
    let mut scored: Vec<(u8, u32)> = index
        .names
        .iter()
        .enumerate()
        .filter_map(|(i, names)| {
            let score = names
                .iter()
                .filter_map(|n| {
                    if *n == q {
                        Some(0)
                    } else if n.starts_with(&q) || n.split([' ', '-']).any(|w| w.starts_with(&q)) {
                        Some(1)
                    } else if n.contains(&q) {
                        Some(2)
                    } else {
                        None
                    }
                })
                .min()?;
            Some((score, i as u32))
        })
        .collect();
    scored.sort_by_key(|&(s, i)| (s, i));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Resolves a typed name to one participant: an exact id, name or alias (ignoring case and
/// accents) wins; failing that, a part of a name or alias that only one participant has.
pub fn resolve(t: &Timeline<'_>, index: &Index, name: &str) -> Result<u32, SpeakerError> {
    let q = fold(name.trim());
    let exact: Vec<u32> = (0..index.names.len() as u32)
        .filter(|&i| index.names[i as usize].contains(&q))
        .collect();
    let found = if exact.is_empty() {
        matching(index, name)
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => {
            let near = crate::model::parse::did_you_mean(
                &q,
                index
                    .names
                    .iter()
                    .flat_map(|n| n.iter().map(String::as_str)),
            );
            let near = near
                .and_then(|n| {
                    index
                        .names
                        .iter()
                        .position(|names| names.iter().any(|x| x == n))
                })
                .map(|i| vec![t.participants[i].name.to_string()])
                .unwrap_or_default();
            Err(SpeakerError::Unknown {
                name: name.to_string(),
                near,
            })
        }
        many => Err(SpeakerError::Ambiguous {
            name: name.to_string(),
            candidates: many
                .iter()
                .map(|&i| {
                    let p = &t.participants[i as usize];
                    format!("{} ({})", p.name, p.id.value)
                })
                .collect(),
        }),
    }
}
