//! Finding a participant from a name as a user types it: id, name or alias.

use std::fmt;

use crate::model::Timeline;

use super::fold::fold;
use super::index::Index;

/// Why a typed name did not pick exactly one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerError {
    /// Nothing matched; the closest names, if any.
    Unknown {
        /// The name as typed.
        name: String,
        /// The display name of the participant whose id, name or alias is closest to it, if
        /// one is close enough: at most one entry.
        near: Vec<String>,
    },
    /// Several participants matched; their display names.
    Ambiguous {
        /// The name as typed.
        name: String,
        /// Each matching participant as `Name (id)`, best match first, then in file order.
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
///
/// Returns the participant's 0-based index into `t.participants`.
///
/// # Errors
///
/// [`SpeakerError::Unknown`] if nothing matches, [`SpeakerError::Ambiguous`] if several
/// participants match exactly, or, with no exact match, several share the part typed.
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
            let near = crate::model::suggest::did_you_mean(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    /// Who is found for "petro", and how well (the folded names are those of `Index::names`):
    /// 0 and 4 have it inside a word, 1 at the start of a word after a hyphen, 2 at the start of
    /// the name, 3 and 6 as a whole alias (6 with an accent), 5 not at all. Each class is
    /// listed out of order on purpose, so that file order can only decide within a class.
    const PEOPLE: &str = r#"Timeline(
    title: "Ranking",
    sources: [Source(id: "s", outlet: "S")],
    participants: [
        Participant(id: "kompetrov", name: "Ivan Kompetrov"),
        Participant(id: "sydorenko", name: "Oleh Sydorenko-Petrovych"),
        Participant(id: "poroshenko", name: "Petro Poroshenko"),
        Participant(id: "mohyla", name: "Petro Mohyla", aliases: ["Petro"]),
        Participant(id: "apetrov", name: "Dimitri Apetrov"),
        Participant(id: "fidan", name: "Hakan Fidan"),
        Participant(id: "pietro", name: "Pietro Rossi", aliases: ["PÉTRO"]),
        Participant(id: "deputy", name: "Oleg Deputy", aliases: ["Peskov's deputy"]),
        Participant(id: "dp", name: "Peskov"),
        Participant(id: "vm", name: "Vladimir Medinsky", aliases: ["Vladimir"]),
        Participant(id: "vz", name: "Volodymyr Zelensky", aliases: ["Vladimir"]),
    ],
    events: [Event(id: "e", when: "2025", title: "T", sources: ["s"])],
)"#;

    fn with_people<R>(f: impl FnOnce(&Timeline<'_>, &Index) -> R) -> R {
        let t = load_str(PEOPLE).unwrap().timeline;
        let index = Index::build(&t);
        f(&t, &index)
    }

    #[test]
    fn matching_ranks_exact_then_word_start_then_inside_each_in_file_order() {
        with_people(|_, index| {
            assert_eq!(matching(index, "petro"), [3, 6, 1, 2, 0, 4]);
            // Typed with spaces around and in another case: the same ranking.
            assert_eq!(matching(index, "  PETRO "), [3, 6, 1, 2, 0, 4]);
            // A query with a space still matches the start of a name.
            assert_eq!(matching(index, "petro poro"), [2]);
            // A word after a space or a hyphen is a word start; inside a word it is not.
            assert_eq!(matching(index, "petrov"), [1, 0, 4]);
            assert_eq!(matching(index, "rossi"), [6]);
            assert_eq!(matching(index, "zzz"), Vec::<u32>::new());
        });
    }

    #[test]
    fn an_exact_name_outranks_an_earlier_participants_alias_containing_it() {
        with_people(|t, index| {
            // Participant 7's alias "Peskov's deputy" starts with it and comes first in the file.
            assert_eq!(matching(index, "peskov"), [8, 7]);
            assert_eq!(resolve(t, index, "peskov"), Ok(8));
            assert_eq!(resolve(t, index, "PESKOV"), Ok(8));
        });
    }

    #[test]
    fn resolve_takes_an_exact_id_name_or_alias_else_a_unique_part() {
        with_people(|t, index| {
            assert_eq!(resolve(t, index, "kompetrov"), Ok(0), "id");
            assert_eq!(resolve(t, index, " ivan KOMPÉTROV "), Ok(0), "name, folded");
            assert_eq!(resolve(t, index, "poroshenko"), Ok(2), "a word, unique");
            assert_eq!(resolve(t, index, "kompet"), Ok(0), "inside a word, unique");
            assert_eq!(
                resolve(t, index, "Pétro"),
                Err(SpeakerError::Ambiguous {
                    name: "Pétro".into(),
                    candidates: vec![
                        "Petro Mohyla (mohyla)".into(),
                        "Pietro Rossi (pietro)".into()
                    ],
                }),
                "two exact aliases: the parts of other names are not candidates"
            );
        });
    }

    #[test]
    fn errors_name_the_candidates_or_the_nearest_participant() {
        with_people(|t, index| {
            let err = resolve(t, index, "vladimir").unwrap_err();
            assert_eq!(
                err.to_string(),
                "`vladimir` could be any of: Vladimir Medinsky (vm), Volodymyr Zelensky (vz)"
            );
            // The nearest name belongs to the sixth participant, not the first.
            let err = resolve(t, index, "fidn").unwrap_err();
            assert_eq!(
                err,
                SpeakerError::Unknown {
                    name: "fidn".into(),
                    near: vec!["Hakan Fidan".into()]
                }
            );
            assert_eq!(
                err.to_string(),
                "no participant is called `fidn`; did you mean Hakan Fidan?"
            );
            let err = resolve(t, index, "qqqqqq").unwrap_err();
            assert_eq!(err.to_string(), "no participant is called `qqqqqq`");
            let err = resolve(t, index, "o").unwrap_err();
            assert!(matches!(err, SpeakerError::Ambiguous { .. }), "{err}");
        });
    }
}
