//! The rows of an ACLED export made into events, once what they declare is declared
//! ([`super::declare`]): in date order, as they will be written, on two threads for many rows.
//!
//! An event's texts (its id, date, title, summary and place) are written one after another
//! into one buffer per thread, not each into an allocation of its own: a 100k import made
//! half a million strings, whose making and freeing (the freeing slowing the allocator long
//! after) cost more than writing them. The events are made with empty texts ([`make`]); once
//! the buffers have their place (in the import's [`crate::import::Made`]) their texts are
//! pointed at them ([`settle`]).

use std::thread;

use super::rows::{Part, Row, Table};
use super::{Field, join_place, split, word};
use crate::import::{Pos, event};
use crate::model::{Event, Precision, Ref, Str};

/// Fewer rows than this are made into events on one thread.
pub(super) const SPLIT_AT: usize = 20_000;

/// How many rows are read into the cache at once ([`Table::touch`]).
const TOUCHED: usize = 16;

/// The texts of an event, in the order written: id, `when`, title, summary, place.
const TEXTS: usize = 5;

/// Where an event's texts end in the buffer of the thread that made it (each starts where the
/// one before ends, the first at `start`). An empty summary or place is none.
#[derive(Debug, Clone, Copy)]
pub(super) struct Texts {
    start: usize,
    ends: [usize; TEXTS],
}

/// The events of an import in timeline order, their texts empty, and where those are.
#[derive(Debug)]
pub(super) struct Made {
    pub events: Vec<Event<'static>>,
    /// Per event, where its texts are: in `buffers[0]` for the first `split` events, in
    /// `buffers[1]` for the others.
    pub texts: Vec<Texts>,
    pub split: usize,
    pub buffers: Vec<String>,
    /// The notes of renamed ids, in input order: where the row is, the event's place in
    /// `events`, the note.
    pub notes: Vec<(Pos, usize, String)>,
    /// The values of the columns no field holds, in input order: the event's place in
    /// `events`, `column: value`. A note named each such column once.
    pub comments: Vec<(usize, String)>,
}

/// Makes the events in date order (the same date in input order), with the notes of renamed
/// ids.
pub(super) fn build(read: &Table) -> Made {
    let mut keys: Vec<((i64, u32), usize)> = read
        .rows()
        .enumerate()
        .map(|(i, r)| (r.begins(), i))
        .collect();
    // Unique keys (the index breaks ties), so an unstable sort gives the stable order.
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, i)| i).collect();
    // The events of `part` of the order, into `events` and `texts`, their texts into a buffer.
    let make_part = |part: &[usize], events: &mut Vec<Event<'static>>, texts: &mut Vec<Texts>| {
        let mut buffer = String::with_capacity(room(read, part.len()));
        for rows in part.chunks(TOUCHED) {
            std::hint::black_box(read.touch(rows));
            // (Every row of the order is one of the table's.)
            for (part, row) in rows.iter().filter_map(|&i| read.row(i)) {
                let (event, t) = make(read, part, row, &mut buffer);
                events.push(event);
                texts.push(t);
            }
        }
        buffer
    };
    // Room for all of them from the start: the second half is moved in after the first
    // without the lists growing (and the first half being moved).
    let mut events = Vec::with_capacity(order.len());
    let mut texts = Vec::with_capacity(order.len());
    let (buffers, split) = if order.len() >= SPLIT_AT {
        let (a, z) = order.split_at(order.len() / 2);
        let (first, (mut later, mut later_texts, second)) = thread::scope(|s| {
            let later = s.spawn(|| {
                let (mut events, mut texts) = (Vec::with_capacity(z.len()), Vec::new());
                texts.reserve_exact(z.len());
                let buffer = make_part(z, &mut events, &mut texts);
                (events, texts, buffer)
            });
            let first = make_part(a, &mut events, &mut texts);
            let later = later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (first, later)
        });
        events.append(&mut later);
        texts.append(&mut later_texts);
        (vec![first, second], a.len())
    } else {
        (
            vec![make_part(&order, &mut events, &mut texts)],
            order.len(),
        )
    };
    let mut made = Made {
        events,
        texts,
        split,
        buffers,
        notes: Vec::new(),
        comments: Vec::new(),
    };
    let extras = read.parts.iter().any(|p| !p.extras.is_empty());
    if extras {
        // Each row's place in the order, for the values of its columns no field holds.
        let mut place = vec![0; order.len()];
        for (k, &i) in order.iter().enumerate() {
            place[i] = k;
        }
        for part in &read.parts {
            for (local, text) in &part.extras {
                if let (Some(_), Some(&k)) = (part.rows.get(*local), place.get(part.from + local)) {
                    made.comments.push((k, text.clone()));
                }
            }
        }
    }
    if read.renamed.is_empty() {
        return made;
    }
    let mut renamed: Vec<(usize, usize)> = order
        .iter()
        .enumerate()
        .filter(|&(_, &i)| read.row(i).is_some_and(|(_, r)| r.declared.renamed > 0))
        .map(|(place, &i)| (i, place))
        .collect();
    // In input order, as they were found.
    renamed.sort_unstable();
    for (i, place) in renamed {
        let Some((_, row)) = read.row(i) else {
            continue;
        };
        if let Some(r) = read.renamed.get(row.declared.renamed as usize - 1) {
            made.notes
                .push((Pos::line(row.line), place, r.note.clone()));
        }
    }
    made
}

/// Room for the texts of `events` events of `read`: about what an event of its rows takes
/// (the buffer grows past it should the events in hand take more).
fn room(read: &Table, events: usize) -> usize {
    let per_row = read.input().len() / read.len().max(1);
    events.saturating_mul(per_row.saturating_add(64))
}

/// The events of `made`, their texts those `made` points to in `buffers` (its buffers, where
/// they now stay).
pub(super) fn settle<'t>(
    events: Vec<Event<'static>>,
    texts: &[Texts],
    split: usize,
    buffers: &'t [String],
) -> Vec<Event<'t>> {
    let mut events: Vec<Event<'t>> = events;
    let fill = |events: &mut [Event<'t>], texts: &[Texts], buffer: &'t str| {
        for (e, t) in events.iter_mut().zip(texts) {
            let mut from = t.start;
            let [id, when, title, summary, place] = t.ends.map(|end| {
                let text = buffer.get(from..end).unwrap_or_default();
                from = end;
                Str::borrowed(text)
            });
            e.id.value = id;
            e.when.raw = when;
            e.title = title;
            if e.summary.is_some() {
                e.summary = Some(summary);
            }
            if e.location.is_some() {
                e.location = Some(place);
            }
        }
    };
    let (first, second) = events.split_at_mut(split.min(texts.len()));
    let (first_texts, second_texts) = texts.split_at(first.len());
    let buffer = |k: usize| buffers.get(k).map_or("", String::as_str);
    if second.len() >= SPLIT_AT / 2 {
        thread::scope(|s| {
            s.spawn(|| fill(second, second_texts, buffer(1)));
            fill(first, first_texts, buffer(0));
        });
    } else {
        fill(first, first_texts, buffer(0));
        fill(second, second_texts, buffer(1));
    }
    events
}

/// The event of `row` (of `part`), its texts empty, and where they are: written to `buffer`.
fn make(read: &Table, part: &Part, row: &Row, buffer: &mut String) -> (Event<'static>, Texts) {
    let input = read.input();
    let field = |f: Field| part.field(input, row, f);
    let d = &row.declared;
    let when = row.when();
    let start = buffer.len();
    let mut ends = [start; TEXTS];
    match read.renamed.get((d.renamed as usize).wrapping_sub(1)) {
        Some(r) => buffer.push_str(&r.id),
        None => buffer.push_str(field(Field::Id)),
    }
    ends[0] = buffer.len();
    buffer.push_str(field(Field::Date));
    ends[1] = buffer.len();
    title(buffer, &field);
    ends[2] = buffer.len();
    summary(buffer, &field, when.precision);
    ends[3] = buffer.len();
    let place = [
        field(Field::Location),
        field(Field::Admin1),
        field(Field::Country),
    ];
    join_place(buffer, &place);
    ends[4] = buffer.len();
    let mut ev = event(String::new(), when, String::new());
    // Placeholders, so that [`settle`] knows which there are.
    if ends[3] > ends[2] {
        ev.summary = Some(Str::borrowed(""));
    }
    if ends[4] > ends[3] {
        ev.location = Some(Str::borrowed(""));
    }
    let all = part.refs(row);
    let (p, s) = all.split_at((d.people as usize).min(all.len()));
    ev.participants = p.iter().map(|&t| reference(part.person(t))).collect();
    ev.sources = s.iter().map(|&t| reference(part.source(t))).collect();
    ev.tags = tags(&field);
    (ev, Texts { start, ends })
}

fn reference(target: u32) -> Ref {
    Ref { at: 0, target }
}

/// Appends `Armed clash in Sudzha: A vs B` to `title`.
fn title<'f>(title: &mut String, field: &impl Fn(Field) -> &'f str) {
    let sub = field(Field::SubEventType);
    let kind = if sub.is_empty() {
        field(Field::EventType)
    } else {
        sub
    };
    let kind = if kind.is_empty() { "Event" } else { kind };
    let location = field(Field::Location);
    let (actor1, actor2) = (field(Field::Actor1), field(Field::Actor2));
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
}

/// Appends the notes, how precisely ACLED dates the event, and the fatalities to `buffer`.
fn summary<'f>(buffer: &mut String, field: &impl Fn(Field) -> &'f str, precision: Precision) {
    let start = buffer.len();
    let notes = field(Field::Notes);
    let fatalities = field(Field::Fatalities);
    buffer.push_str(notes);
    let push_sentence = |buffer: &mut String, sentence: &str| {
        if buffer.len() > start {
            buffer.push(' ');
        }
        buffer.push_str(sentence);
    };
    match (field(Field::Precision), precision) {
        ("2", _) => push_sentence(buffer, "ACLED dates this event to within a week."),
        ("3", Precision::Month) => {
            push_sentence(buffer, "ACLED dates this event to within a month.");
        }
        _ => {}
    }
    if !fatalities.is_empty() {
        push_sentence(buffer, "Fatalities: ");
        buffer.push_str(fatalities);
        buffer.push('.');
    }
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
