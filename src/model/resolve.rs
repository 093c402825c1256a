//! Reference resolution, in one place: the id tables that references are resolved against,
//! and the one function that resolves a reference or reports it unknown. The reader uses it to
//! resolve references as it reads them (when declarations come first), validation for the rest.

use std::collections::HashMap;

use super::diag::{Diagnostic, LineIndex};
use super::suggest::did_you_mean;
use super::types::{MISSING, Offset, Participant, Ref, Source, Spanned, Str, UNRESOLVED};

/// Lines of earlier declarations, computed only when a duplicate needs one.
pub(super) struct Lines<'t> {
    pub(super) text: &'t str,
    pub(super) index: Option<LineIndex<'t>>,
}

impl Lines<'_> {
    pub(super) fn line(&mut self, at: Offset) -> usize {
        self.index
            .get_or_insert_with(|| LineIndex::new(self.text))
            .line_col(at)
            .0
    }
}

/// Ids to the index of the record that declares them first, and where it does. Keys borrow
/// from the file, as the records do; foldhash (seeded per map) because hashing every reference
/// with the standard library's `SipHash` was a sixth of a load.
pub(super) type IdMap<'a> = HashMap<Str<'a>, (u32, u32), foldhash::fast::RandomState>;

pub(super) fn new_map<K, V>(capacity: usize) -> HashMap<K, V, foldhash::fast::RandomState> {
    HashMap::with_capacity_and_hasher(capacity, foldhash::fast::RandomState::default())
}

/// Maps each id to its first declaration, reporting later ones as duplicates.
pub(super) fn id_map<'a: 't, 't>(
    what: &str,
    ids: impl Iterator<Item = &'t Spanned<Str<'a>>>,
    capacity: usize,
    lines: &mut Lines<'_>,
    diags: &mut Vec<Diagnostic>,
) -> IdMap<'a> {
    let mut map: IdMap<'a> = new_map(capacity);
    for (i, id) in ids.enumerate() {
        if id.value.is_empty() {
            continue;
        }
        if let Some(&(_, first)) = map.get(id.value.as_ref()) {
            let line = lines.line(first as Offset);
            diags.push(Diagnostic::error(
                id.at,
                format!(
                    "duplicate {what} id `{}`: already declared on line {line}",
                    id.value
                ),
            ));
        } else {
            map.insert(id.value.clone(), (i as u32, id.at as u32));
        }
    }
    map
}

/// The declared source and participant ids, for the reader to resolve references with as it
/// reads them (the same first declarations validation resolves to).
#[derive(Debug)]
pub struct Ids<'a> {
    sources: IdMap<'a>,
    participants: IdMap<'a>,
}

impl<'a> Ids<'a> {
    /// Maps each non-empty id to the index of the first record that declares it, in
    /// `sources` or `participants`; later duplicates and empty ids are left out (validation
    /// reports them).
    #[must_use]
    pub fn new(sources: &[Source<'a>], participants: &[Participant<'a>]) -> Self {
        fn first<'a: 't, 't>(
            ids: impl ExactSizeIterator<Item = &'t Spanned<Str<'a>>>,
        ) -> IdMap<'a> {
            let mut map: IdMap<'a> = new_map(ids.len());
            for (i, id) in ids.enumerate() {
                if !id.value.is_empty() {
                    map.entry(id.value.clone())
                        .or_insert((i as u32, id.at as u32));
                }
            }
            map
        }
        Ids {
            sources: first(sources.iter().map(|s| &s.id)),
            participants: first(participants.iter().map(|p| &p.id)),
        }
    }

    /// The 0-based index into the timeline's sources of the first source declared with `id`;
    /// `None` if none is.
    #[must_use]
    pub fn source(&self, id: &str) -> Option<u32> {
        self.sources.get(id).map(|d| d.0)
    }

    /// The 0-based index into the timeline's participants of the first participant declared
    /// with `id`; `None` if none is.
    #[must_use]
    pub fn participant(&self, id: &str) -> Option<u32> {
        self.participants.get(id).map(|d| d.0)
    }
}

fn unknown(what: &str, id: &str, at: Offset, map: &IdMap<'_>) -> Diagnostic {
    let hint = match did_you_mean(id, map.keys().map(AsRef::as_ref)) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => format!(": no {what} has this id"),
    };
    Diagnostic::error(at, format!("unknown {what} `{id}`{hint}"))
}

/// Resolves `r` (its id read again from `text`) in `map`, counting the use; reports it when
/// unknown.
pub(super) fn resolve(
    what: &str,
    r: &mut Ref,
    text: &str,
    map: &IdMap<'_>,
    uses: &mut [u32],
    diags: &mut Vec<Diagnostic>,
) {
    if r.target == MISSING {
        return;
    }
    if r.target != UNRESOLVED {
        // Resolved by the reader, against the same first declarations.
        uses[r.target as usize] += 1;
        return;
    }
    let id = r.id(text);
    match map.get(id.as_ref()) {
        Some(&(i, _)) => {
            r.target = i;
            uses[i as usize] += 1;
        }
        None => diags.push(unknown(what, &id, r.offset(), map)),
    }
}
