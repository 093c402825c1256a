//! The rows of an ACLED export made into events, once what they declare is declared
//! ([`super::declare`]): in date order, as they will be written, on two threads for many rows.

use std::thread;

use super::rows::{INLINE, Table};
use super::{Field, join_place, split, word};
use crate::import::{Builder, Pos, event};
use crate::model::{Event, Precision, Ref, Str};

/// Fewer rows than this are made into events on one thread.
const SPLIT_AT: usize = 20_000;

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
    // The events of `part` of the order, into `events`.
    let make = |part: &[usize], events: &mut Vec<Event<'static>>| {
        events.extend(part.iter().map(|&i| make(read, i)));
    };
    // Room for all of them from the start: the second half is moved in after the first
    // without the list growing (and the first half being moved).
    let mut events = Vec::with_capacity(order.len());
    if order.len() >= SPLIT_AT {
        let (a, z) = order.split_at(order.len() / 2);
        let mut second = thread::scope(|s| {
            let later = s.spawn(|| {
                let mut second = Vec::with_capacity(z.len());
                make(z, &mut second);
                second
            });
            make(a, &mut events);
            later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        events.append(&mut second);
    } else {
        make(&order, &mut events);
    }
    b.events = events;
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

/// The event of row `i`.
fn make(read: &Table, i: usize) -> Event<'static> {
    let row = &read.rows[i];
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
    let part = read.part(i);
    ev.participants = p.iter().map(|&t| reference(part.person(t))).collect();
    ev.sources = s.iter().map(|&t| reference(part.source(t))).collect();
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
