//! `import acled`: an ACLED data export (CSV): one event per row, its actors as participants
//! (organisations), the outlets of its `source` column as sources, its event types as tags.

mod declare;
mod events;
mod rows;

use std::collections::HashMap;

use super::csvrows::{self, Extra};
use super::dates::Parts;
use super::{Builder, Imported, Made, Note, Options, Pos, file_outlet, title_from_name};
use crate::model::Str;
use rows::Columns;

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
///
/// Two passes: the records are read (on two threads for a large input), each reader declaring
/// the participants, sources and event ids of its rows in lists of its own as it goes; the
/// lists are declared in the builder in input order (whose names and suffixes depend on that
/// order); then the events are made in date order, the order they are written in (on two
/// threads), so that each event's text lies where the writer reads it next.
pub fn import<'a>(text: &'a str, options: &Options) -> Result<Imported<'a>, Vec<Note>> {
    let mut b = Builder::default();
    let header = csvrows::header(text).map_err(|n| vec![n])?;
    let Some(cols) = columns(&header, &mut b) else {
        return b.finish(String::new(), None, "");
    };
    if let Some(n) = csvrows::unclosed_quote(text) {
        b.problem(n.at, n.message);
    }
    let mut read = rows::read(text, header.len(), &cols);
    for p in &read.problems {
        b.problem(p.at, p.message.clone());
    }
    if b.has_problems() {
        return b.finish(String::new(), None, "");
    }
    let countries = declare::declare(&mut read, &mut b);
    let title = match countries.len() {
        0 => title_from_name(&options.name),
        1..=3 => format!("ACLED: {}", countries.join(", ")),
        k => format!(
            "ACLED: {} and {} more countries",
            countries[..3].join(", "),
            k - 3
        ),
    };
    let events::Made {
        events,
        texts,
        split,
        buffers,
        notes,
        comments,
    } = events::build(&read);
    drop(read);
    let file = file_outlet(&options.name);
    let made = Made {
        input: text,
        texts: buffers,
    };
    Imported::borrowing(made, move |made| {
        let mut b: Builder<'_> = b;
        b.events = events::settle(events, &texts, split, &made.texts);
        for (at, place, note) in notes {
            b.keep(Some(at), Some(place), note);
        }
        // After its renamed id's note, an event's values of the columns named once.
        for (place, comment) in comments {
            b.comment(place, comment);
        }
        b.finish_parts(title, None, &file)
    })
}

/// Where the columns are, by header name; what is not imported named once at the top. `None`
/// (and a problem) when a required column is missing.
fn columns(header: &csv::StringRecord, b: &mut Builder) -> Option<Columns> {
    let mut index: HashMap<String, usize> = HashMap::new();
    // Columns no field is read from, whose values are kept.
    let mut extra: Vec<Extra> = Vec::new();
    let mut not_carried = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        if REQUIRED.contains(&name.as_str()) || USED.contains(&name.as_str()) {
            // The first of a repeated column is read.
            match index.get(&name) {
                Some(&first) => extra.push(Extra::repeated(&name, i, first, "event")),
                None => {
                    index.insert(name, i);
                }
            }
        } else if NOT_CARRIED.contains(&name.as_str()) {
            not_carried.push(name);
        } else if name.is_empty() {
            extra.push(Extra::unnamed(i, "event"));
        } else {
            let unknown = "is not an ACLED column roundtable knows";
            extra.push(Extra::unknown(&name, i, unknown, "event"));
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
    for e in &extra {
        b.keep(Some(Pos::line(1)), None, e.note.clone());
    }
    if !not_carried.is_empty() {
        b.remark(format!(
            "ACLED columns with no field in a timeline, not imported: {}",
            not_carried.join(", ")
        ));
    }
    Some(Columns {
        at: Field::ALL.map(|f| index.get(f.column()).copied()),
        extra: extra.into_iter().map(|e| (e.at, e.name)).collect(),
    })
}

/// A column an event is made from; a row keeps its fields in this order, those an event is
/// made from first ([`KEPT`]), then those only read to declare what the row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Date,
    Precision,
    EventType,
    SubEventType,
    Actor1,
    Actor2,
    Civilians,
    Country,
    Admin1,
    Location,
    Notes,
    Fatalities,
    Tags,
    Assoc1,
    Inter1,
    Assoc2,
    Inter2,
    Source,
}

/// How many fields a row reads.
const FIELDS: usize = 19;

/// How many of them a row keeps once read: the fields before [`Field::Assoc1`].
const KEPT: usize = Field::Assoc1 as usize;

impl Field {
    /// Every field, in the order a row keeps them.
    const ALL: [Field; FIELDS] = [
        Field::Id,
        Field::Date,
        Field::Precision,
        Field::EventType,
        Field::SubEventType,
        Field::Actor1,
        Field::Actor2,
        Field::Civilians,
        Field::Country,
        Field::Admin1,
        Field::Location,
        Field::Notes,
        Field::Fatalities,
        Field::Tags,
        Field::Assoc1,
        Field::Inter1,
        Field::Assoc2,
        Field::Inter2,
        Field::Source,
    ];

    /// Its column's header.
    fn column(self) -> &'static str {
        match self {
            Field::Id => "event_id_cnty",
            Field::Date => "event_date",
            Field::Precision => "time_precision",
            Field::EventType => "event_type",
            Field::SubEventType => "sub_event_type",
            Field::Actor1 => "actor1",
            Field::Assoc1 => "assoc_actor_1",
            Field::Inter1 => "inter1",
            Field::Actor2 => "actor2",
            Field::Assoc2 => "assoc_actor_2",
            Field::Inter2 => "inter2",
            Field::Civilians => "civilian_targeting",
            Field::Country => "country",
            Field::Admin1 => "admin1",
            Field::Location => "location",
            Field::Source => "source",
            Field::Notes => "notes",
            Field::Fatalities => "fatalities",
            Field::Tags => "tags",
        }
    }
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

/// Appends `location, admin1, country` to `joined`, leaving out what is empty or repeats the
/// part before.
fn join_place(joined: &mut String, parts: &[&str]) {
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
}

/// A tag: one of ACLED's own words without a copy, any other text copied.
fn word(tag: &str) -> Str<'static> {
    match VOCABULARY.iter().find(|w| **w == tag) {
        Some(w) => Str::borrowed(w),
        None => Str::owned(tag.to_string()),
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

    /// The note of a renamed id stands before its event, wherever the events are made.
    #[test]
    fn a_renamed_id_is_noted_before_its_event() {
        use std::fmt::Write as _;
        let mut csv = String::from("event_id_cnty,event_date,event_type,actor1,source\n");
        let rows = 2 * events::SPLIT_AT + 3;
        for i in 0..rows {
            let id = if i % 1000 == 7 {
                "X".to_string()
            } else {
                format!("A{i}")
            };
            let _ = writeln!(
                csv,
                "{id},2025-{:02}-{:02},Riots,B,S",
                1 + i % 12,
                1 + i % 28
            );
        }
        let imported =
            super::super::import(super::super::Format::Acled, &csv, &Options::default()).unwrap();
        let t = imported.timeline();
        let noted: Vec<&str> = imported
            .comments
            .iter()
            .filter_map(|c| Some(&*t.events[c.event?].id.value))
            .collect();
        // Every `X` but the first is renamed.
        let xs = (0..rows).filter(|i| i % 1000 == 7).count();
        assert_eq!(noted.len(), xs - 1, "{:?}", imported.comments);
        assert!(noted.iter().all(|id| id.starts_with("X-")), "{noted:?}");
    }

    #[test]
    fn places_and_roles() {
        let mut place = String::new();
        join_place(&mut place, &["Kyiv", "Kyiv", "Ukraine"]);
        assert_eq!(place, "Kyiv, Ukraine");
        assert_eq!(inter("1"), Some("State forces"));
        assert_eq!(inter("Rioters"), Some("Rioters"));
        assert_eq!(inter("0"), None);
    }
}
