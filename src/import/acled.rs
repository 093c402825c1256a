//! `import acled`: an ACLED data export (CSV): one event per row, its actors as participants
//! (organisations), the outlets of its `source` column as sources, its event types as tags.

use std::collections::HashMap;

use super::dates::{self, Parts};
use super::{Builder, Imported, Note, Options, Pos, csvrows, event, file_outlet, title_from_name};
use crate::model::{ParticipantKind, Precision, Ref, Str, When};

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

/// ACLED's event types, sub-event types and `civilian_targeting` value: the tags nearly every
/// row repeats, held as these words rather than copied for each event.
const VOCABULARY: &[&str] = &[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Armed clash",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
    "Civilian targeting",
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
    let header = csvrows::header(text).map_err(|n| vec![n])?;
    let Some(cols) = columns(&header, &mut b) else {
        return b.finish(String::new(), None, "");
    };
    // A row per line at most (a quoted field may hold line breaks).
    b.expect_events(memchr::memchr_iter(b'\n', text.as_bytes()).count());
    let mut countries: Vec<String> = Vec::new();
    let mut scratch = Scratch::default();
    let mut n = 0;
    csvrows::each_record(text, &mut b, |b, record, pos| {
        n += 1;
        row(b, &cols, record, pos, n, &mut countries, &mut scratch);
    })
    .map_err(|n| vec![n])?;
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

/// Where the columns are, by header name; what is not imported named once at the top. `None`
/// (and a problem) when a required column is missing.
fn columns(header: &csv::StringRecord, b: &mut Builder) -> Option<Columns> {
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
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| !index.contains_key(**c))
        .map(|c| format!("`{c}`"))
        .collect();
    if !missing.is_empty() {
        let (s, them) = if missing.len() == 1 {
            ("", "it")
        } else {
            ("s", "them")
        };
        b.problem(
            Some(Pos::line(1)),
            format!(
                "missing column{s} {}: an ACLED export has {them} (columns are found by their \
                 header)",
                missing.join(", ")
            ),
        );
        return None;
    }
    for name in &unknown {
        b.keep(
            Some(Pos::line(1)),
            None,
            format!(
                "column `{name}` is not an ACLED column roundtable knows; its values are not \
                 imported"
            ),
        );
    }
    if !not_carried.is_empty() {
        b.remark(format!(
            "ACLED columns with no field in a timeline, not imported: {}",
            not_carried.join(", ")
        ));
    }
    let col = |name: &str| index.get(name).copied();
    Some(Columns {
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
    })
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

/// One record, its fields found by column.
struct Row<'r> {
    record: &'r csv::StringRecord,
    cols: &'r Columns,
}

impl<'r> Row<'r> {
    /// The trimmed field in column `col`; empty when the column or the field is missing.
    fn get(&self, col: impl Fn(&Columns) -> Option<usize>) -> &'r str {
        col(self.cols)
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// `event_date` at the precision ACLED knows it.
    fn when(&self) -> Result<When<'static>, String> {
        let raw = self.get(|c| c.date);
        let mut parts = date(raw)?;
        // Precision 3: ACLED knows only the month (and dates the event within it).
        if self.get(|c| c.precision) == "3" {
            parts.day = None;
        }
        match dates::when(&parts, None) {
            Ok(d) => Ok(d.when),
            Err(dates::DateError::Bad(m) | dates::DateError::Unrepresentable(m)) => {
                Err(format!("`event_date` `{raw}`: {m}"))
            }
        }
    }

    /// `Armed clash in Sudzha: A vs B`.
    fn title(&self) -> String {
        let sub = self.get(|c| c.sub_event_type);
        let kind = if sub.is_empty() {
            self.get(|c| c.event_type)
        } else {
            sub
        };
        let kind = if kind.is_empty() { "Event" } else { kind };
        let location = self.get(|c| c.location);
        let (actor1, actor2) = (self.get(|c| c.actor1), self.get(|c| c.actor2));
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
    fn summary(&self, precision: Precision) -> String {
        let notes = self.get(|c| c.notes);
        // Room for the longest sentences added below.
        let mut summary = String::with_capacity(notes.len() + 64);
        summary.push_str(notes);
        match (self.get(|c| c.precision), precision) {
            ("2", _) => push_sentence(&mut summary, "ACLED dates this event to within a week."),
            ("3", Precision::Month) => {
                push_sentence(&mut summary, "ACLED dates this event to within a month.");
            }
            _ => {}
        }
        let fatalities = self.get(|c| c.fatalities);
        if !fatalities.is_empty() {
            push_sentence(&mut summary, "Fatalities: ");
            summary.push_str(fatalities);
            summary.push('.');
        }
        summary
    }

    /// The actors and associated actors, each once, as participants, into `people` (cleared).
    fn participants(&self, b: &mut Builder, people: &mut Vec<Ref>) {
        people.clear();
        let mut add = |b: &mut Builder, name: &str, role: Option<&str>| {
            let p = b.participant(name, ParticipantKind::Organization, role);
            if !people.contains(&p) {
                people.push(p);
            }
        };
        add(b, self.get(|c| c.actor1), inter(self.get(|c| c.inter1)));
        for name in split(self.get(|c| c.assoc1)) {
            add(b, name, None);
        }
        let actor2 = self.get(|c| c.actor2);
        if !actor2.is_empty() {
            add(b, actor2, inter(self.get(|c| c.inter2)));
        }
        for name in split(self.get(|c| c.assoc2)) {
            add(b, name, None);
        }
    }

    /// Event type, sub-event type, civilian targeting and ACLED's own tags, each once, into
    /// `tags` (cleared).
    fn tags(&self, tags: &mut Vec<Str<'static>>) {
        tags.clear();
        let given = [
            self.get(|c| c.event_type),
            self.get(|c| c.sub_event_type),
            self.get(|c| c.civilians),
        ];
        for tag in given.into_iter().chain(split(self.get(|c| c.tags))) {
            if !tag.is_empty() && !tags.iter().any(|have| have == tag) {
                tags.push(word(tag));
            }
        }
    }
}

/// Lists reused from row to row, so that each event's are allocated once, at their size.
#[derive(Default)]
struct Scratch {
    refs: Vec<Ref>,
    tags: Vec<Str<'static>>,
}

/// One row made into an event (the `n`th record), or its problems reported.
fn row(
    b: &mut Builder,
    cols: &Columns,
    record: &csv::StringRecord,
    pos: Pos,
    n: usize,
    countries: &mut Vec<String>,
    scratch: &mut Scratch,
) {
    let row = Row { record, cols };
    let at = Some(pos);
    let id = row.get(|c| c.id);
    if id.is_empty() {
        b.problem(at, "`event_id_cnty` is empty");
    }
    let when = row.when().map_err(|m| b.problem(at, m));
    if row.get(|c| c.actor1).is_empty() {
        b.problem(at, "`actor1` is empty");
    }
    let Ok(when) = when else { return };
    if b.has_problems() {
        return;
    }
    let (id, renamed) = b.event_id(Some(id), n);
    let summary = row.summary(when.precision);
    let mut ev = event(id, when, row.title());
    if !summary.is_empty() {
        ev.summary = Some(summary.into());
    }
    let location = join_place(&[
        row.get(|c| c.location),
        row.get(|c| c.admin1),
        row.get(|c| c.country),
    ]);
    if !location.is_empty() {
        ev.location = Some(location.into());
    }
    row.participants(b, &mut scratch.refs);
    ev.participants = scratch.refs.as_slice().into();
    let sources = &mut scratch.refs;
    sources.clear();
    for outlet in split(row.get(|c| c.source)) {
        let source = b.source(outlet, None, None);
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    ev.sources = sources.as_slice().into();
    row.tags(&mut scratch.tags);
    ev.tags = scratch.tags.drain(..).collect();
    let country = row.get(|c| c.country);
    if !country.is_empty() && !countries.iter().any(|k| k == country) {
        countries.push(country.to_string());
    }
    let ix = b.add_event(ev);
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
    let mut joined = String::with_capacity(parts.iter().map(|p| p.len() + 2).sum());
    let mut last: Option<&str> = None;
    for &p in parts {
        if !p.is_empty() && last != Some(p) {
            if last.is_some() {
                joined.push_str(", ");
            }
            joined.push_str(p);
            last = Some(p);
        }
    }
    joined
}

/// A tag: one of ACLED's own words without a copy, any other text copied.
fn word(tag: &str) -> Str<'static> {
    match VOCABULARY.iter().find(|w| **w == tag) {
        Some(w) => Str::Borrowed(w),
        None => Str::Owned(tag.to_string()),
    }
}

/// `2025-07-23`, `23 July 2025`, `23-Jul-2025`, `23 Jul 2025`.
fn date(s: &str) -> Result<Parts, String> {
    let bad = || format!("`event_date` `{s}` is not a date: expected 2025-07-23 or 23 July 2025");
    let mut fields = s.split([' ', '-', '/']).filter(|f| !f.is_empty());
    let (Some(a), Some(m), Some(c), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
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
            .zip(1..)
            .find(|(name, _)| lower.len() >= 3 && name.starts_with(&lower))
            .map(|(_, k)| k)
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
