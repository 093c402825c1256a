//! `import acled`: an ACLED data export (CSV): one event per row, its actors as participants
//! (organisations), the outlets of its `source` column as sources, its event types as tags.

use std::collections::HashMap;

use super::dates::{self, Parts};
use super::timelinejs_csv::{csv_message, csv_position, csv_problem};
use super::{Builder, Imported, Note, Options, Pos, event, file_outlet, title_from_name};
use crate::model::{ParticipantKind, Precision, Ref};

/// Columns an import cannot do without.
const REQUIRED: &[&str] = &["event_id_cnty", "event_date", "event_type", "actor1"];

/// Columns that are imported (besides the required ones).
const USED: &[&str] = &[
    "time_precision",
    "sub_event_type",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "civilian_targeting",
    "country",
    "admin1",
    "location",
    "source",
    "notes",
    "fatalities",
    "tags",
];

/// ACLED columns the timeline format has no field for, named once in a comment at the top.
const NOT_CARRIED: &[&str] = &[
    "event_id_no_cnty",
    "year",
    "disorder_type",
    "interaction",
    "iso",
    "region",
    "admin2",
    "admin3",
    "latitude",
    "longitude",
    "geo_precision",
    "source_scale",
    "timestamp",
    "population_1km",
    "population_2km",
    "population_5km",
    "population_best",
];

/// ACLED's numeric actor types (`inter1`, `inter2` in older exports), by code.
const INTER: &[&str] = &[
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads an ACLED export. Columns are found by header name, in any order.
pub fn import(text: &str, options: &Options) -> Result<Imported, Vec<Note>> {
    let mut b = Builder::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![csv_problem(&e)]),
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut unknown = Vec::new();
    let mut not_carried = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        if REQUIRED.contains(&name.as_str()) || USED.contains(&name.as_str()) {
            index.entry(name).or_insert(i);
        } else if NOT_CARRIED.contains(&name.as_str()) {
            not_carried.push(name);
        } else if !name.is_empty() {
            unknown.push(name);
        }
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|c| !index.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|c| format!("`{c}`")).collect();
        let (s, them) = if missing.len() == 1 {
            ("", "it")
        } else {
            ("s", "them")
        };
        b.problem(
            Some(Pos::line(1)),
            format!(
                "missing column{s} {}: an ACLED export has {them} (columns are found by their header)",
                names.join(", ")
            ),
        );
        return b.finish(String::new(), None, "");
    }
    for name in &unknown {
        b.keep(
            Some(Pos::line(1)),
            None,
            format!("column `{name}` is not an ACLED column roundtable knows; its values are not imported"),
        );
    }
    if !not_carried.is_empty() {
        b.remark(format!(
            "ACLED columns with no field in a timeline, not imported: {}",
            not_carried.join(", ")
        ));
    }
    let col = |name: &str| index.get(name).copied();
    let c = Columns {
        id: col("event_id_cnty"),
        date: col("event_date"),
        precision: col("time_precision"),
        event_type: col("event_type"),
        sub_event_type: col("sub_event_type"),
        actor1: col("actor1"),
        assoc1: col("assoc_actor_1"),
        inter1: col("inter1"),
        actor2: col("actor2"),
        assoc2: col("assoc_actor_2"),
        inter2: col("inter2"),
        civilians: col("civilian_targeting"),
        country: col("country"),
        admin1: col("admin1"),
        location: col("location"),
        source: col("source"),
        notes: col("notes"),
        fatalities: col("fatalities"),
        tags: col("tags"),
    };
    let mut countries: Vec<String> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut n = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                b.problem(
                    Some(csv_position(&e)),
                    format!("not CSV: {}", csv_message(&e)),
                );
                if e.is_io_error() {
                    break;
                }
                continue;
            }
        }
        n += 1;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() > header.len() {
            b.problem(
                Some(Pos::line(line)),
                format!(
                    "{} fields, but the header names {}",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        row(&mut b, &c, &record, Pos::line(line), n, &mut countries);
    }
    let title = match countries.len() {
        0 => title_from_name(&options.name),
        1..=3 => format!("ACLED: {}", countries.join(", ")),
        k => format!(
            "ACLED: {} and {} more countries",
            countries[..3].join(", "),
            k - 3
        ),
    };
    b.finish(title, None, &file_outlet(&options.name))
}

/// Where each column used is in a record.
struct Columns {
    id: Option<usize>,
    date: Option<usize>,
    precision: Option<usize>,
    event_type: Option<usize>,
    sub_event_type: Option<usize>,
    actor1: Option<usize>,
    assoc1: Option<usize>,
    inter1: Option<usize>,
    actor2: Option<usize>,
    assoc2: Option<usize>,
    inter2: Option<usize>,
    civilians: Option<usize>,
    country: Option<usize>,
    admin1: Option<usize>,
    location: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    fatalities: Option<usize>,
    tags: Option<usize>,
}

/// One row made into an event.
fn row(
    b: &mut Builder,
    c: &Columns,
    r: &csv::StringRecord,
    pos: Pos,
    n: usize,
    countries: &mut Vec<String>,
) {
    let get = |i: Option<usize>| i.and_then(|i| r.get(i)).map_or("", str::trim);
    let at = Some(pos);
    let id = get(c.id);
    if id.is_empty() {
        b.problem(at, "`event_id_cnty` is empty");
    }
    let raw_date = get(c.date);
    let mut parts = match date(raw_date) {
        Ok(p) => p,
        Err(m) => {
            b.problem(at, m);
            return;
        }
    };
    // Precision 3: ACLED knows only the month (and dates the event within it).
    if get(c.precision) == "3" {
        parts.day = None;
    }
    let when = match dates::when(&parts, None) {
        Ok(d) => d.when,
        Err(dates::DateError::Bad(m) | dates::DateError::Unrepresentable(m)) => {
            b.problem(at, format!("`event_date` `{raw_date}`: {m}"));
            return;
        }
    };
    let actor1 = get(c.actor1);
    if actor1.is_empty() {
        b.problem(at, "`actor1` is empty");
    }
    if b.has_problems() {
        return;
    }
    let event_type = get(c.event_type);
    let sub = get(c.sub_event_type);
    let location = join_place(&[get(c.location), get(c.admin1), get(c.country)]);
    let mut title = if sub.is_empty() { event_type } else { sub }.to_string();
    if title.is_empty() {
        title = "Event".to_string();
    }
    if !get(c.location).is_empty() {
        title.push_str(" in ");
        title.push_str(get(c.location));
    }
    title.push_str(": ");
    title.push_str(actor1);
    let actor2 = get(c.actor2);
    if !actor2.is_empty() {
        title.push_str(" vs ");
        title.push_str(actor2);
    }
    let (id, renamed) = b.event_id(Some(id), n);
    let mut e = event(id, when, title);
    let mut summary = get(c.notes).to_string();
    let precision = get(c.precision);
    if precision == "2" {
        push_sentence(&mut summary, "ACLED dates this event to within a week.");
    } else if precision == "3" && e.when.precision == Precision::Month {
        push_sentence(&mut summary, "ACLED dates this event to within a month.");
    }
    let fatalities = get(c.fatalities);
    if !fatalities.is_empty() {
        push_sentence(&mut summary, &format!("Fatalities: {fatalities}."));
    }
    if !summary.is_empty() {
        e.summary = Some(summary.into());
    }
    if !location.is_empty() {
        e.location = Some(location.into());
    }
    let mut people: Vec<Ref> = Vec::new();
    let mut add = |b: &mut Builder, name: &str, role: Option<&str>| {
        let p = b.participant(name, ParticipantKind::Organization, role);
        if !people.contains(&p) {
            people.push(p);
        }
    };
    add(b, actor1, inter(get(c.inter1)));
    for a in split(get(c.assoc1)) {
        add(b, a, None);
    }
    if !actor2.is_empty() {
        add(b, actor2, inter(get(c.inter2)));
    }
    for a in split(get(c.assoc2)) {
        add(b, a, None);
    }
    e.participants = people;
    for outlet in split(get(c.source)) {
        let s = b.source(outlet, None, None);
        if !e.sources.contains(&s) {
            e.sources.push(s);
        }
    }
    let mut tags: Vec<&str> = vec![event_type, sub];
    let civilians = get(c.civilians);
    if !civilians.is_empty() {
        tags.push(civilians);
    }
    tags.extend(split(get(c.tags)));
    for t in tags {
        if !t.is_empty() && !e.tags.iter().any(|have| have == t) {
            e.tags.push(t.to_string().into());
        }
    }
    let country = get(c.country);
    if !country.is_empty() && !countries.iter().any(|k| k == country) {
        countries.push(country.to_string());
    }
    let ix = b.add_event(e);
    if let Some(note) = renamed {
        b.keep(at, Some(ix), note);
    }
}

fn push_sentence(summary: &mut String, sentence: &str) {
    if !summary.is_empty() {
        summary.push(' ');
    }
    summary.push_str(sentence);
}

/// `a; b;; c` as `a`, `b`, `c`.
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// The actor type for a role: ACLED's words, or its numeric code in words.
fn inter(s: &str) -> Option<&str> {
    if s.is_empty() || s == "0" {
        return None;
    }
    match s.parse::<usize>() {
        Ok(k) => INTER.get(k.wrapping_sub(1)).copied(),
        Err(_) => Some(s),
    }
}

/// `location, admin1, country`, leaving out what is empty or repeats the part before.
fn join_place(parts: &[&str]) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for p in parts {
        if !p.is_empty() && kept.last() != Some(p) {
            kept.push(p);
        }
    }
    kept.join(", ")
}

/// `2025-07-23`, `23 July 2025`, `23-Jul-2025`, `23 Jul 2025`.
fn date(s: &str) -> Result<Parts, String> {
    let bad = || format!("`event_date` `{s}` is not a date: expected 2025-07-23 or 23 July 2025");
    let fields: Vec<&str> = s.split([' ', '-', '/']).filter(|f| !f.is_empty()).collect();
    let [a, m, c] = fields[..] else {
        return Err(bad());
    };
    let number = |x: &str| x.parse::<i64>().map_err(|_| bad());
    let month = |x: &str| -> Result<i64, String> {
        if let Ok(k) = x.parse::<i64>() {
            return Ok(k);
        }
        let lower = x.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|name| lower.len() >= 3 && name.starts_with(&lower))
            .map(|k| k as i64 + 1)
            .ok_or_else(bad)
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, month(m)?, number(c)?)
    } else {
        (number(c)?, month(m)?, number(a)?)
    };
    if !(1000..=9999).contains(&year) {
        return Err(bad());
    }
    Ok(Parts {
        year: Some(year),
        month: Some(month),
        day: Some(day),
        ..Parts::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_dates() {
        let d = |s| date(s).map(|p| (p.year, p.month, p.day));
        assert_eq!(d("2025-07-23"), Ok((Some(2025), Some(7), Some(23))));
        assert_eq!(d("23 July 2025"), Ok((Some(2025), Some(7), Some(23))));
        assert_eq!(d("23-Jul-2025"), Ok((Some(2025), Some(7), Some(23))));
        assert!(d("yesterday").is_err());
        assert!(d("23 Juju 2025").is_err());
    }

    #[test]
    fn places_and_roles() {
        assert_eq!(join_place(&["Kyiv", "Kyiv", "Ukraine"]), "Kyiv, Ukraine");
        assert_eq!(inter("1"), Some("State forces"));
        assert_eq!(inter("Rioters"), Some("Rioters"));
        assert_eq!(inter("0"), None);
    }
}
