//! What events refer to: participants, sources and rounds, made once before the events.

use std::collections::HashSet;
use std::fmt::Write as _;

use chrono::{Datelike, Timelike};

use super::rates;
use super::rng::Rng;
use super::text::{self, Lang};
use super::words::{
    CITIES, GROUPS, NamePool, ORGANIZATIONS, OUTLETS, POOLS, ROLES, SIDE_WEIGHTS, SIDES,
    SOURCE_KINDS, TOPICS, VENUES,
};

/// 2022-01-01T00:00Z: events are spread from here…
pub const START: i64 = 1_640_995_200;
/// …to 2027-01-01T00:00Z (exclusive).
pub const END: i64 = 1_798_761_600;
pub const SPAN: i64 = END - START;
const DAY: i64 = 86_400;

pub const PARTICIPANTS: usize = 300;
pub const ROUNDS: usize = 40;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organization,
    Group,
}

impl Kind {
    fn variant(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Organization => "Organization",
            Kind::Group => "Group",
        }
    }
}

pub struct Participant {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: Option<&'static str>,
    pub side: Option<usize>,
    pub kind: Kind,
    /// Family name for titles, in Latin and (for Russians and Ukrainians) Cyrillic letters.
    pub short_en: Option<String>,
    pub short_ru: Option<String>,
}

impl Participant {
    pub fn side_name(&self) -> Option<&'static str> {
        self.side.map(|s| SIDES[s])
    }

    pub fn kind_variant(&self) -> Option<&'static str> {
        (self.kind != Kind::Person).then(|| self.kind.variant())
    }
}

pub struct Source {
    pub id: String,
    pub outlet: &'static str,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub byline: Vec<String>,
    /// `None` for the default, `Article`.
    pub kind: Option<&'static str>,
    /// When it came out, known even when `published` is not written.
    pub at: i64,
    /// Format 1.1: the BCP 47 tag of the language it appeared in.
    pub language: Option<&'static str>,
    /// Format 1.1: the index of the (earlier) wire source it reprints.
    pub republishes: Option<u32>,
    /// The language it publishes in, known even when `language` is not written.
    pub lang: &'static str,
}

pub struct Round {
    pub number: u64,
    pub title: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub venue: Option<&'static str>,
    /// When the round began (UTC midnight), known even when `start` is not written.
    pub begins: i64,
    pub days: i64,
}

pub struct World {
    pub participants: Vec<Participant>,
    pub sources: Vec<Source>,
    pub rounds: Vec<Round>,
}

impl World {
    /// About 300 participants (fewer for tiny timelines, so that every one is referred to),
    /// 40 rounds, and one source per 100 events.
    pub fn new(rng: &mut Rng, events: usize) -> World {
        let participants = people(rng, (events * 2).clamp(12, PARTICIPANTS));
        let sources = sources(rng, (events / 100).max(1));
        let rounds = (1..=ROUNDS as u64).map(|n| round(rng, n)).collect();
        World {
            participants,
            sources,
            rounds,
        }
    }
}

/// Precision of a generated `when`.
#[derive(Clone, Copy)]
pub enum Prec {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// UTC offsets a time of day is written with, and how often (per mille).
const OFFSETS: [(&str, i64, usize); 7] = [
    ("Z", 0, 350),
    ("+03:00", 3 * 3600, 300),
    ("+02:00", 2 * 3600, 100),
    ("-04:00", -4 * 3600, 120),
    ("+01:00", 3600, 60),
    ("-05:00", -5 * 3600, 50),
    ("+05:30", 5 * 3600 + 1800, 20),
];

/// A UTC offset as written (`"+03:00"`) and in seconds east of UTC.
pub type Zone = (&'static str, i64);

/// The offset a time of day is written with, drawn with the weights of [`OFFSETS`]; no
/// offset (`("", 0)`) for a date.
pub fn zone(rng: &mut Rng, prec: Prec) -> Zone {
    match prec {
        Prec::Minute | Prec::Second => {
            let weights = OFFSETS.map(|o| o.2);
            let (label, offset, _) = OFFSETS[rng.weighted(&weights)];
            (label, offset)
        }
        _ => ("", 0),
    }
}

/// `t` (seconds since the epoch) written at precision `prec`; times of day carry an offset.
pub fn when_str(rng: &mut Rng, t: i64, prec: Prec) -> String {
    let zone = zone(rng, prec);
    when_in(t, prec, zone)
}

/// `t` written at precision `prec`, a time of day in `zone`.
pub fn when_in(t: i64, prec: Prec, (label, offset): Zone) -> String {
    let mut out = String::with_capacity(25);
    let local = chrono::DateTime::from_timestamp(t + offset, 0)
        .expect("generated times are in range")
        .naive_utc();
    let (y, m, d) = (local.year(), local.month(), local.day());
    let _ = match prec {
        Prec::Year => write!(out, "{y:04}"),
        Prec::Month => write!(out, "{y:04}-{m:02}"),
        Prec::Day => write!(out, "{y:04}-{m:02}-{d:02}"),
        Prec::Minute => write!(
            out,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}{label}",
            local.hour(),
            local.minute()
        ),
        Prec::Second => write!(
            out,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{label}",
            local.hour(),
            local.minute(),
            local.second()
        ),
    };
    out
}

/// A name from `pool`: (Latin full, Cyrillic full, Latin family, Cyrillic family, initial form).
fn name(rng: &mut Rng, pool: &NamePool) -> (String, String, String, String, String) {
    let &(first, first_cyr, female) = rng.pick(pool.first);
    let &(last, last_cyr) = rng.pick(pool.last);
    let a = if female && pool.feminine_a { "a" } else { "" };
    let a_cyr = if female && pool.feminine_a { "а" } else { "" };
    let last = format!("{last}{a}");
    let last_cyr = if last_cyr.is_empty() {
        String::new()
    } else {
        format!("{last_cyr}{a_cyr}")
    };
    let full = format!("{first} {last}");
    let full_cyr = if first_cyr.is_empty() {
        String::new()
    } else {
        format!("{first_cyr} {last_cyr}")
    };
    let initial = format!("{}. {last}", first.chars().next().unwrap_or('X'));
    (full, full_cyr, last, last_cyr, initial)
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

fn person(rng: &mut Rng, used: &mut HashSet<String>) -> Participant {
    let side = (!rng.chance(50)).then(|| rng.weighted(&SIDE_WEIGHTS));
    let pool = POOLS[side.unwrap_or_else(|| rng.below(POOLS.len()))];
    // Prefer a name not taken yet; namesakes get `-2` ids if the pool runs out.
    let mut parts = name(rng, pool);
    for _ in 0..20 {
        if !used.contains(&text::slug(&parts.0, 4)) {
            break;
        }
        parts = name(rng, pool);
    }
    let (full, full_cyr, last, last_cyr, initial) = parts;
    let id = unique_id(&text::slug(&full, 4), used);
    let has_cyr = !full_cyr.is_empty();
    let in_cyrillic = has_cyr && rng.chance(500);
    let mut candidates = if in_cyrillic {
        vec![full.clone(), last_cyr.clone(), last.clone()]
    } else if has_cyr {
        vec![last.clone(), full_cyr.clone(), initial, last_cyr.clone()]
    } else {
        vec![last.clone(), initial]
    };
    rng.shuffle(&mut candidates);
    candidates.truncate(rng.range(1, 3));
    let role = rng
        .chance(850)
        .then(|| *rng.pick(ROLES[side.unwrap_or(SIDES.len())]));
    Participant {
        id,
        name: if in_cyrillic { full_cyr } else { full },
        aliases: candidates,
        role,
        side,
        kind: Kind::Person,
        short_en: Some(last),
        short_ru: has_cyr.then_some(last_cyr),
    }
}

fn body(entry: &super::words::Body, kind: Kind, used: &mut HashSet<String>) -> Participant {
    let &(id, name, aliases, side) = entry;
    Participant {
        id: unique_id(id, used),
        name: name.to_string(),
        aliases: aliases.iter().map(ToString::to_string).collect(),
        role: None,
        side,
        kind,
        short_en: None,
        short_ru: None,
    }
}

/// `count` participants: mostly people, 8% organisations, 6% anonymous groups, listed by side
/// as a hand-written file would.
fn people(rng: &mut Rng, count: usize) -> Vec<Participant> {
    let orgs = (count * 8 / 100).min(ORGANIZATIONS.len());
    let groups = (count * 6 / 100).min(GROUPS.len());
    let mut used = HashSet::new();
    let mut list = Vec::with_capacity(count);
    for (table, n, kind) in [
        (ORGANIZATIONS, orgs, Kind::Organization),
        (GROUPS, groups, Kind::Group),
    ] {
        let mut order: Vec<usize> = (0..table.len()).collect();
        rng.shuffle(&mut order);
        list.extend(order[..n].iter().map(|&i| body(&table[i], kind, &mut used)));
    }
    for _ in 0..count - orgs - groups {
        list.push(person(rng, &mut used));
    }
    list.sort_by_key(|p| (p.side.unwrap_or(SIDES.len()), p.kind as u8));
    list
}

fn reporter(rng: &mut Rng, cyrillic: bool) -> String {
    if cyrillic {
        let pool = POOLS[rng.below(2)];
        name(rng, pool).1
    } else {
        let pool = POOLS[rng.below(POOLS.len())];
        name(rng, pool).0
    }
}

fn url(rng: &mut Rng, domain: &str, published: i64, title: Option<&str>) -> String {
    let number = 10_000_000 + rng.below(90_000_000);
    match title {
        Some(title) if !domain.starts_with("t.me") => {
            let date = chrono::DateTime::from_timestamp(published, 0)
                .expect("generated times are in range")
                .date_naive();
            format!(
                "https://{domain}/world/{}/{:02}/{:02}/{}-{number}/",
                date.year(),
                date.month(),
                date.day(),
                text::slug(title, 8)
            )
        }
        _ => format!("https://{domain}/{number}"),
    }
}

fn sources(rng: &mut Rng, count: usize) -> Vec<Source> {
    // Format 1.1 fields come from a stream of their own (see `rates`).
    let mut prov = rng.derive(1);
    let mut used = HashSet::new();
    let n = i64::try_from(count).expect("a sane number of sources");
    let mut list: Vec<Source> = (0..n)
        .map(|k| {
            // Sources are spread evenly over the years, in order of publication.
            let at =
                START + SPAN * (2 * k + 1) / (2 * n) + rng.span(-SPAN / (8 * n), SPAN / (8 * n));
            let &(outlet, prefix, domain, kind, cyrillic, language) = rng.pick(OUTLETS);
            let lang = if cyrillic { Lang::Ru } else { Lang::En };
            let day = when_str(rng, at, Prec::Day);
            let id = unique_id(&format!("{prefix}-{day}"), &mut used);
            let topic = rng.pick(TOPICS);
            let title = rng
                .chance(650)
                .then(|| text::headline(rng, lang, topic, None));
            let precision = [Prec::Month, Prec::Day, Prec::Minute, Prec::Second]
                [rng.weighted(&[80, 500, 350, 70])];
            let published = rng.chance(800).then(|| when_str(rng, at, precision));
            let url = rng
                .chance(550)
                .then(|| url(rng, domain, at, title.as_deref().filter(|_| !cyrillic)));
            let byline = if rng.chance(400) {
                (0..rng.range(1, 3))
                    .map(|_| reporter(rng, cyrillic))
                    .collect()
            } else {
                Vec::new()
            };
            let kind = if rng.chance(750) {
                kind
            } else {
                rng.pick(&SOURCE_KINDS)
            };
            Source {
                id,
                outlet,
                title,
                published,
                url,
                byline,
                kind: (kind != "Article").then_some(kind),
                at,
                language: prov.chance(rates::SOURCE_LANGUAGE).then_some(language),
                republishes: None,
                lang: language,
            }
        })
        .collect();
    republish(&mut prov, &mut list);
    list
}

/// Now and then a portal (a source that is neither a wire nor a statement) reprints a wire
/// story published shortly before it (`republishes`). Only a wire is reprinted, and a wire never
/// reprints, so every chain is one step long and none goes round in a circle.
fn republish(rng: &mut Rng, sources: &mut [Source]) {
    for i in 0..sources.len() {
        if matches!(sources[i].kind, Some("Wire" | "Statement")) || !rng.chance(rates::REPUBLISHES)
        {
            continue;
        }
        let wires: Vec<usize> = (i.saturating_sub(rates::REPUBLISH_WINDOW)..i)
            .filter(|&w| sources[w].kind == Some("Wire") && sources[w].outlet != sources[i].outlet)
            .collect();
        if !wires.is_empty() {
            sources[i].republishes = Some(*rng.pick(&wires) as u32);
        }
    }
}

fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Round `number` of 40, spread evenly over the years; some have dates, a venue or a title.
fn round(rng: &mut Rng, number: u64) -> Round {
    let k = i64::try_from(number).expect("40 rounds") - 1;
    let n = i64::try_from(ROUNDS).expect("40 rounds");
    let mid = START + SPAN * (2 * k + 1) / (2 * n) + rng.span(-10 * DAY, 10 * DAY);
    let begins = mid - mid.rem_euclid(DAY);
    let days = i64::try_from(rng.range(1, 4)).expect("small");
    let title = match rng.below(10) {
        0..=2 => None,
        3..=5 => Some(format!("Round {number}, {}", rng.pick(CITIES))),
        6 | 7 => Some(format!("{} round of direct talks", ordinal(number))),
        _ => Some(format!("{number}-й раунд переговоров")),
    };
    let start = rng.chance(650);
    let precision = if rng.chance(800) {
        Prec::Day
    } else {
        Prec::Minute
    };
    let start_at = begins + rng.span(7 * 3600, 11 * 3600);
    let start = start.then(|| when_str(rng, start_at, precision));
    let end = (start.is_some() && rng.chance(700))
        .then(|| when_str(rng, begins + (days - 1) * DAY + 15 * 3600, Prec::Day));
    let venue = rng.chance(700).then(|| *rng.pick(VENUES));
    Round {
        number,
        title,
        start,
        end,
        venue,
        begins,
        days,
    }
}
