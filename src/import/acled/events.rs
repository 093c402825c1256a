//! The rows of an ACLED export made into events: first in input order, declaring participants,
//! sources and event ids (their ids and suffixes depend on that order), then in date order,
//! making the events as they will be written, on two threads for many rows.

use std::borrow::Cow;
use std::collections::HashSet;
use std::thread;

use super::rows::{INLINE, Renamed, Row, Table};
use super::{Field, inter, join_place, split, word};
use crate::import::{Builder, Draft, Hasher, Pos, event};
use crate::model::{Event, ParticipantKind, Precision, Ref, Str};

/// Fewer rows than this are made into events on one thread.
const SPLIT_AT: usize = 20_000;

/// Declares, row by row in input order, each row's event id, participants and sources (kept
/// in the row); returns the countries named, each once, in input order.
pub(super) fn declare(read: &mut Table, b: &mut Builder) -> Vec<String> {
    let mut countries: Vec<&str> = Vec::new();
    let (text, rows, refs, renamed) = read.parts();
    let mut used: HashSet<Cow<'_, str>, Hasher> =
        HashSet::with_capacity_and_hasher(rows.len(), Hasher::default());
    // Participants then sources of one row.
    let mut list: Vec<u32> = Vec::new();
    for row in rows.iter_mut() {
        let field = |f: Field| text.field(row, f);
        let wanted = field(Field::Id);
        let id = take(&mut used, wanted);
        let mut own = 0;
        if id != wanted {
            let note =
                format!("the id `{wanted}` is taken by an earlier event; this one is `{id}`");
            renamed.push(Renamed {
                id: id.into_owned(),
                note,
            });
            own = u32::try_from(renamed.len()).unwrap_or(u32::MAX);
        }
        // The actors and associated actors, each once.
        list.clear();
        let mut add = |b: &mut Builder, name: &str, role: Option<&str>| {
            let p = b
                .participant(name, ParticipantKind::Organization, role)
                .target;
            if !list.contains(&p) {
                list.push(p);
            }
        };
        add(b, field(Field::Actor1), inter(field(Field::Inter1)));
        for name in split(field(Field::Assoc1)) {
            add(b, name, None);
        }
        let actor2 = field(Field::Actor2);
        if !actor2.is_empty() {
            add(b, actor2, inter(field(Field::Inter2)));
        }
        for name in split(field(Field::Assoc2)) {
            add(b, name, None);
        }
        let people = list.len();
        for outlet in split(field(Field::Source)) {
            let source = b.source(outlet, None, None).target;
            if !list[people..].contains(&source) {
                list.push(source);
            }
        }
        let country = field(Field::Country);
        if !country.is_empty() && !countries.contains(&country) {
            countries.push(country);
        }
        let d = &mut row.declared;
        d.renamed = own;
        d.people = u32::try_from(people).unwrap_or(u32::MAX);
        d.sources = u32::try_from(list.len() - people).unwrap_or(u32::MAX);
        if list.len() <= INLINE {
            d.inline[..list.len()].copy_from_slice(&list);
        } else {
            d.more = refs.len();
            refs.extend_from_slice(&list);
        }
    }
    countries.into_iter().map(str::to_string).collect()
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

/// Makes the events in date order (the same date in input order) and adds them to `b`, with
/// the notes of renamed ids.
pub(super) fn build(read: &Table, b: &mut Builder) {
    let mut keys: Vec<((i64, u32), usize)> = read
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.begins(), i))
        .collect();
    // Unique keys (the index breaks ties), so an unstable sort gives the stable order.
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    let make = |part: &[usize]| -> Vec<Draft> {
        part.iter()
            .map(|&i| Draft {
                event: make(read, &read.rows[i]),
                comments: Vec::new(),
            })
            .collect()
    };
    let (first, mut second) = if order.len() >= SPLIT_AT {
        let (a, z) = order.split_at(order.len() / 2);
        thread::scope(|s| {
            let later = s.spawn(|| make(z));
            let first = make(a);
            let second = later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, second)
        })
    } else {
        (make(&order), Vec::new())
    };
    // The first half as it was made, the second moved after it.
    b.events = first;
    b.events.append(&mut second);
    if read.renamed.is_empty() {
        return;
    }
    let mut renamed: Vec<(usize, usize)> = order
        .iter()
        .enumerate()
        .filter(|&(_, &i)| read.rows[i].declared.renamed > 0)
        .map(|(place, &i)| (i, place))
        .collect();
    // In input order, as they were found.
    renamed.sort_unstable();
    for (i, place) in renamed {
        let row = &read.rows[i];
        if let Some(r) = read.renamed.get(row.declared.renamed as usize - 1) {
            b.keep(Some(Pos::line(row.line)), Some(place), r.note.clone());
        }
    }
}

/// The event of `row`.
fn make(read: &Table, row: &Row) -> Event<'static> {
    let field = |f: Field| read.get(row, f);
    let d = &row.declared;
    let when = read.when(row);
    let summary = summary(&field, when.precision);
    let id = match read.renamed.get((d.renamed as usize).wrapping_sub(1)) {
        Some(r) => r.id.clone(),
        None => field(Field::Id).to_string(),
    };
    let mut ev = event(id, when, title(&field));
    if !summary.is_empty() {
        ev.summary = Some(summary.into());
    }
    let location = join_place(&[
        field(Field::Location),
        field(Field::Admin1),
        field(Field::Country),
    ]);
    if !location.is_empty() {
        ev.location = Some(location.into());
    }
    let (people, sources) = (d.people as usize, d.sources as usize);
    let all = if people + sources <= INLINE {
        &d.inline[..people + sources]
    } else {
        read.refs
            .get(d.more..d.more + people + sources)
            .unwrap_or_default()
    };
    let (p, s) = all.split_at(people.min(all.len()));
    ev.participants = p.iter().map(|&t| reference(t)).collect();
    ev.sources = s.iter().map(|&t| reference(t)).collect();
    ev.tags = tags(&field);
    ev
}

fn reference(target: u32) -> Ref {
    Ref { at: 0, target }
}

/// `Armed clash in Sudzha: A vs B`.
fn title<'f>(field: &impl Fn(Field) -> &'f str) -> String {
    let sub = field(Field::SubEventType);
    let kind = if sub.is_empty() {
        field(Field::EventType)
    } else {
        sub
    };
    let kind = if kind.is_empty() { "Event" } else { kind };
    let location = field(Field::Location);
    let (actor1, actor2) = (field(Field::Actor1), field(Field::Actor2));
    let mut title =
        String::with_capacity(kind.len() + location.len() + actor1.len() + actor2.len() + 10);
    title.push_str(kind);
    if !location.is_empty() {
        title.push_str(" in ");
        title.push_str(location);
    }
    title.push_str(": ");
    title.push_str(actor1);
    if !actor2.is_empty() {
        title.push_str(" vs ");
        title.push_str(actor2);
    }
    title
}

/// The notes, how precisely ACLED dates the event, and the fatalities.
fn summary<'f>(field: &impl Fn(Field) -> &'f str, precision: Precision) -> String {
    let notes = field(Field::Notes);
    let fatalities = field(Field::Fatalities);
    // Room for the longest sentences added below.
    let mut summary = String::with_capacity(notes.len() + fatalities.len() + 56);
    summary.push_str(notes);
    match (field(Field::Precision), precision) {
        ("2", _) => push_sentence(&mut summary, "ACLED dates this event to within a week."),
        ("3", Precision::Month) => {
            push_sentence(&mut summary, "ACLED dates this event to within a month.");
        }
        _ => {}
    }
    if !fatalities.is_empty() {
        push_sentence(&mut summary, "Fatalities: ");
        summary.push_str(fatalities);
        summary.push('.');
    }
    summary
}

fn push_sentence(summary: &mut String, sentence: &str) {
    if !summary.is_empty() {
        summary.push(' ');
    }
    summary.push_str(sentence);
}

/// Event type, sub-event type, civilian targeting and ACLED's own tags, each once.
fn tags<'f>(field: &impl Fn(Field) -> &'f str) -> Box<[Str<'static>]> {
    let given = [
        field(Field::EventType),
        field(Field::SubEventType),
        field(Field::Civilians),
    ];
    // Gathered as words first, so that the list is allocated once, at its size.
    let mut words: [&str; 8] = [""; 8];
    let mut n = 0;
    let mut more: Vec<&str> = Vec::new();
    for tag in given.into_iter().chain(split(field(Field::Tags))) {
        if tag.is_empty() || words[..n].contains(&tag) || more.contains(&tag) {
            continue;
        }
        match words.get_mut(n) {
            Some(slot) => {
                *slot = tag;
                n += 1;
            }
            None => more.push(tag),
        }
    }
    words[..n].iter().chain(&more).map(|t| word(t)).collect()
}
