//! What the rows of an ACLED export declare: participants (their actors), sources (their
//! outlets), countries and event ids, whose ids and `-2` suffixes depend on the order they are
//! first met in. Each reader declares the rows it reads as it reads them, in lists of its own
//! (names borrowed from the input, looked up in small tables), so that the declaring costs no
//! pass of its own over the rows; the lists are then declared in the builder in input order
//! (the first reader's, then what the second met that the first did not), which gives the ids
//! one pass over the rows in input order gives.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::rows::{Declared, INLINE, Renamed, Table, within};
use super::{FIELDS, Field, inter, split};
use crate::import::{Builder, Hasher};
use crate::model::ParticipantKind;

/// Names met in the order they were first met, each with its place in that order.
#[derive(Debug, Default)]
struct Names<'a> {
    index: HashMap<Cow<'a, str>, u32, Hasher>,
    order: Vec<Cow<'a, str>>,
}

impl<'a> Names<'a> {
    /// The place of `name` (a part of `field`, when that is a part of the input), and
    /// whether it is new.
    fn place(&mut self, field: Option<&'a str>, name: &str) -> (u32, bool) {
        if let Some(&i) = self.index.get(name) {
            return (i, false);
        }
        let i = u32::try_from(self.order.len()).unwrap_or(u32::MAX);
        let name = keep(field, name);
        self.index.insert(name.clone(), i);
        self.order.push(name);
        (i, true)
    }
}

/// `part` (a part of `field` when that is a part of the input, or any other text) as text
/// that lives as long as the input: borrowed from it when it is a part of it.
fn keep<'a>(field: Option<&'a str>, part: &str) -> Cow<'a, str> {
    let at = |whole: &'a str| whole.get(within(whole, part)?..)?.get(..part.len());
    match field.and_then(at) {
        Some(part) => Cow::Borrowed(part),
        None => Cow::Owned(part.to_string()),
    }
}

/// A field, when it is a part of the input (not a copy).
fn input<'a>(field: &Cow<'a, str>) -> Option<&'a str> {
    match field {
        Cow::Borrowed(text) => Some(text),
        Cow::Owned(_) => None,
    }
}

/// What one reader's rows declared, in the order it met them; their [`Declared`] references
/// are places in these lists until [`declare`] gives the places in the builder's.
#[derive(Debug, Default)]
pub(super) struct Local<'a> {
    people: Names<'a>,
    /// Each participant's role, from the row it was first met in.
    roles: Vec<Option<Cow<'a, str>>>,
    outlets: Names<'a>,
    countries: Names<'a>,
    ids: HashSet<Cow<'a, str>, Hasher>,
    /// An id was met twice.
    repeated: bool,
    /// Participants then sources of one row.
    list: Vec<u32>,
}

impl<'a> Local<'a> {
    /// Empty lists, with room for the ids of `rows` rows.
    pub fn with_rows(rows: usize) -> Self {
        Local {
            ids: HashSet::with_capacity_and_hasher(rows, Hasher::default()),
            ..Local::default()
        }
    }

    /// Declares the participants, sources, country and id of a row whose fields are `fields`
    /// (trimmed, in [`Field::ALL`]'s order), its references put in `declared` (and `refs`).
    pub fn row(
        &mut self,
        fields: &[Cow<'a, str>; FIELDS],
        declared: &mut Declared,
        refs: &mut Vec<u32>,
    ) {
        // Each field, and where it is a part of the input, the same borrowed from it.
        let field = |f: Field| (&*fields[f as usize], input(&fields[f as usize]));
        if !self.ids.insert(fields[Field::Id as usize].clone()) {
            self.repeated = true;
        }
        // The actors and associated actors, each once.
        self.list.clear();
        let (actor1, whole) = field(Field::Actor1);
        let inter1 = field(Field::Inter1);
        self.person(whole, actor1, (inter1.1, inter(inter1.0)));
        let (assoc, whole) = field(Field::Assoc1);
        for name in split(assoc) {
            self.person(whole, name, (None, None));
        }
        let (actor2, whole) = field(Field::Actor2);
        if !actor2.is_empty() {
            let inter2 = field(Field::Inter2);
            self.person(whole, actor2, (inter2.1, inter(inter2.0)));
        }
        let (assoc, whole) = field(Field::Assoc2);
        for name in split(assoc) {
            self.person(whole, name, (None, None));
        }
        let people = self.list.len();
        let (outlets, whole) = field(Field::Source);
        for outlet in split(outlets) {
            let (source, _) = self.outlets.place(whole, outlet);
            if !self.list[people..].contains(&source) {
                self.list.push(source);
            }
        }
        let (country, whole) = field(Field::Country);
        if !country.is_empty() {
            self.countries.place(whole, country);
        }
        declared.people = u32::try_from(people).unwrap_or(u32::MAX);
        declared.sources = u32::try_from(self.list.len() - people).unwrap_or(u32::MAX);
        if self.list.len() <= INLINE {
            declared.inline[..self.list.len()].copy_from_slice(&self.list);
        } else {
            declared.more = refs.len();
            refs.extend_from_slice(&self.list);
        }
    }

    /// Adds participant `name` (a part of `field`, when that is a part of the input) to the
    /// row's list; `role` (read from `role_field`, likewise) is kept when the participant is new.
    fn person(
        &mut self,
        field: Option<&'a str>,
        name: &str,
        (role_field, role): (Option<&'a str>, Option<&str>),
    ) {
        let (p, new) = self.people.place(field, name);
        if new {
            self.roles.push(role.map(|role| keep(role_field, role)));
        }
        if !self.list.contains(&p) {
            self.list.push(p);
        }
    }
}

/// Declares what the readers met in the builder, in input order, and gives each row taken
/// an id an earlier row has a new one (in [`Table::renamed`]); returns the countries named,
/// each once, in input order.
pub(super) fn declare(read: &mut Table, b: &mut Builder) -> Vec<String> {
    let mut countries: Vec<&str> = Vec::new();
    for part in &mut read.parts {
        let local = &part.local;
        part.people = (local.people.order.iter().zip(&local.roles))
            .map(|(name, role)| {
                b.participant(name, ParticipantKind::Organization, role.as_deref())
                    .target
            })
            .collect();
        part.sources = (local.outlets.order.iter())
            .map(|outlet| b.source(outlet, None, None).target)
            .collect();
        for country in &local.countries.order {
            if !countries.contains(&&**country) {
                countries.push(country);
            }
        }
    }
    let countries = countries.into_iter().map(str::to_string).collect();
    let repeated = match &read.parts[..] {
        [one] => one.local.repeated,
        [first, later] => {
            let (small, large) = if first.local.ids.len() <= later.local.ids.len() {
                (first, later)
            } else {
                (later, first)
            };
            first.local.repeated
                || later.local.repeated
                || small
                    .local
                    .ids
                    .iter()
                    .any(|id| large.local.ids.contains(id))
        }
        _ => true,
    };
    if repeated {
        rename(read);
    }
    countries
}

/// Gives each row whose id an earlier row has (or took) the next free one, `id-2`, `id-3`…
/// (as [`crate::import`]'s ids are handed out), with the note that says so.
fn rename(read: &mut Table) {
    let input = read.input();
    let mut renamed = Vec::new();
    // The rows renamed (part, row, 1 + index in `renamed`), marked once all are read.
    let mut marks: Vec<(usize, usize, u32)> = Vec::new();
    let mut used: HashSet<Cow<'_, str>, Hasher> =
        HashSet::with_capacity_and_hasher(read.len(), Hasher::default());
    for (k, part) in read.parts.iter().enumerate() {
        for (j, row) in part.rows.iter().enumerate() {
            let wanted = part.field(input, row, Field::Id);
            let id = take(&mut used, wanted);
            if id != wanted {
                let note =
                    format!("the id `{wanted}` is taken by an earlier event; this one is `{id}`");
                renamed.push(Renamed {
                    id: id.into_owned(),
                    note,
                });
                marks.push((k, j, u32::try_from(renamed.len()).unwrap_or(u32::MAX)));
            }
        }
    }
    drop(used);
    read.renamed = renamed;
    for (k, j, n) in marks {
        if let Some(row) = read.parts.get_mut(k).and_then(|p| p.rows.get_mut(j)) {
            row.declared.renamed = n;
        }
    }
}

/// `wanted`, or when an earlier event has it, `wanted-2`, `wanted-3`… (as [`crate::import`]'s
/// ids are handed out), marked used.
fn take<'r>(used: &mut HashSet<Cow<'r, str>, Hasher>, wanted: &'r str) -> Cow<'r, str> {
    if used.insert(Cow::Borrowed(wanted)) {
        return Cow::Borrowed(wanted);
    }
    let mut n = 2;
    loop {
        let id = format!("{wanted}-{n}");
        if !used.contains(id.as_str()) {
            used.insert(Cow::Owned(id.clone()));
            return Cow::Owned(id);
        }
        n += 1;
    }
}
