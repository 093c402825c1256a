//! How many events begin in each day, week, month or year of the timeline's span: the counts
//! behind the browser's density strip, built once per bucket size.
//!
//! Buckets are periods of UTC time, each from its start (inclusive) to the next one's start
//! (exclusive): a day from 00:00 UTC, a week from Monday 00:00 UTC, a month from its first day,
//! a year from 1 January. An event counts in the bucket its `when` *begins* in
//! ([`When::begins`](crate::model::When::begins)), whatever its precision: a month-precision
//! `2025-07` counts on 1 July in day buckets, in the week holding 1 July in week buckets, and
//! a year-precision `2025` on 1 January. That is where timeline order puts it (events are
//! ordered by the instant they begin), so every bucket's events are one run of consecutive
//! timeline positions, and a bucket is found by binary search, never by walking the events.

use chrono::{Datelike, NaiveDate};

use crate::model::{Timeline, Zone};

/// Days from 0001-01-01 (day 1, chrono's count) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The size of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// A UTC day.
    Day,
    /// A week, Monday to Sunday, in UTC days.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Unit {
    /// Every unit, finest first.
    pub const ALL: [Unit; 4] = [Unit::Day, Unit::Week, Unit::Month, Unit::Year];

    /// The next finer unit (`z`), if any.
    #[must_use]
    pub fn finer(self) -> Option<Unit> {
        match self {
            Unit::Day => None,
            Unit::Week => Some(Unit::Day),
            Unit::Month => Some(Unit::Week),
            Unit::Year => Some(Unit::Month),
        }
    }

    /// The next coarser unit (`Z`), if any.
    #[must_use]
    pub fn coarser(self) -> Option<Unit> {
        match self {
            Unit::Day => Some(Unit::Week),
            Unit::Week => Some(Unit::Month),
            Unit::Month => Some(Unit::Year),
            Unit::Year => None,
        }
    }

    /// Its name in the plural, for messages: `days`, `weeks`, `months`, `years`.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Year => "years",
        }
    }

    /// The number of the bucket holding `instant` (seconds since the Unix epoch) on the
    /// calendar of `zone` (the display zone: a day is a day there): days and weeks counted
    /// from 1970-01-01 (week 0 begins on Monday 1969-12-29), months as
    /// `year × 12 + month − 1`, years as the year.
    #[must_use]
    pub fn bucket(self, instant: i64, zone: Zone) -> i64 {
        let date = zone
            .local(instant, 0)
            .map_or(NaiveDate::default(), |t| t.date());
        let day = i64::from(date.num_days_from_ce() - EPOCH_DAYS_FROM_CE);
        match self {
            Unit::Day => day,
            // 1970-01-01 was a Thursday: three days after a Monday.
            Unit::Week => (day + 3).div_euclid(7),
            Unit::Month => i64::from(date.year()) * 12 + i64::from(date.month0()),
            Unit::Year => i64::from(date.year()),
        }
    }

    /// The first instant of bucket `k` (seconds since the Unix epoch): the midnight its first
    /// day begins with in `zone`. The bucket ends, exclusive, where bucket `k + 1` starts.
    #[must_use]
    pub fn start(self, k: i64, zone: Zone) -> i64 {
        self.date(k).map_or(i64::MAX, |d| zone.day_start(d))
    }

    /// The first day of bucket `k`.
    fn date(self, k: i64) -> Option<NaiveDate> {
        let from_epoch = |days: i64| {
            NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(days + i64::from(EPOCH_DAYS_FROM_CE)).ok()?,
            )
        };
        match self {
            Unit::Day => from_epoch(k),
            Unit::Week => from_epoch(k * 7 - 3),
            Unit::Month => NaiveDate::from_ymd_opt(
                i32::try_from(k.div_euclid(12)).ok()?,
                u32::try_from(k.rem_euclid(12)).ok()? + 1,
                1,
            ),
            Unit::Year => NaiveDate::from_ymd_opt(i32::try_from(k).ok()?, 1, 1),
        }
    }

    /// How bucket `k` is labelled, always with its year: `23 Jul 2025` (day), `wk 21 Jul 2025`
    /// (the week's Monday), `Jul 2025`, `2025`.
    #[must_use]
    pub fn label(self, k: i64) -> String {
        let Some(d) = self.date(k) else {
            return "?".into();
        };
        match self {
            Unit::Day => d.format("%-d %b %Y").to_string(),
            Unit::Week => d.format("wk %-d %b %Y").to_string(),
            Unit::Month => d.format("%b %Y").to_string(),
            Unit::Year => d.format("%Y").to_string(),
        }
    }
}

/// The events of a timeline counted in buckets of one [`Unit`], from the bucket of the first
/// event to the bucket of the last, empty buckets included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Density {
    /// The size of the buckets.
    pub unit: Unit,
    /// The number (see [`Unit::bucket`]) of the first bucket, which holds the first event.
    pub first: i64,
    /// Per bucket, and one more: the timeline position of the first event beginning at or
    /// after the bucket's start. Bucket `i` holds positions `bounds[i]..bounds[i + 1]`.
    bounds: Vec<u32>,
    /// The most events in one bucket.
    max: u32,
}

/// The most buckets a [`Density`] is built with (about 550 years of days): more is refused,
/// so that no zoom level can cost more than a few milliseconds or a few hundred kilobytes.
pub const MAX_BUCKETS: u64 = 200_000;

impl Density {
    /// How many buckets of `unit` the span of `t` covers (first event's bucket to last's,
    /// inclusive); 0 for a timeline with no events.
    #[must_use]
    pub fn buckets(t: &Timeline<'_>, unit: Unit, zone: Zone) -> u64 {
        match (t.events.first(), t.events.last()) {
            (Some(a), Some(b)) => {
                (unit.bucket(b.when.begins_in(zone).0, zone)
                    - unit.bucket(a.when.begins_in(zone).0, zone))
                .unsigned_abs()
                    + 1
            }
            _ => 0,
        }
    }

    /// The counts of `t` in buckets of `unit` on the calendar of `zone` (the zone `t` was
    /// loaded in, whose timeline order reads its days in order): one binary search over the
    /// events per bucket. `None` for a timeline with no events, or a span of more than
    /// [`MAX_BUCKETS`].
    #[must_use]
    pub fn build(t: &Timeline<'_>, unit: Unit, zone: Zone) -> Option<Density> {
        let n = Self::buckets(t, unit, zone);
        if n == 0 || n > MAX_BUCKETS {
            return None;
        }
        // Events lie in order of where they begin in `zone` (a day alone at its midnight there).
        let begins = |e: &crate::model::Event<'_>| e.when.begins_in(zone).0;
        let first = unit.bucket(begins(&t.events[0]), zone);
        let mut bounds = Vec::with_capacity(n as usize + 1);
        bounds.push(0u32);
        let mut from = 0usize;
        // At most MAX_BUCKETS: no wrap.
        for k in first + 1..=first + n.cast_signed() {
            let start = unit.start(k, zone);
            from += t.events[from..].partition_point(|e| begins(e) < start);
            bounds.push(from as u32);
        }
        let max = bounds.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
        Some(Density {
            unit,
            first,
            bounds,
            max,
        })
    }

    /// How many buckets.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether there are no buckets (never, for a density that was built).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many events begin in bucket `i` (`0..len()`); 0 past the end.
    #[must_use]
    pub fn count(&self, i: usize) -> u32 {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(a), Some(b)) => b - a,
            _ => 0,
        }
    }

    /// The most events in one bucket.
    #[must_use]
    pub fn max(&self) -> u32 {
        self.max
    }

    /// The timeline position of the first event of bucket `i`; `None` when it is empty or
    /// past the end.
    #[must_use]
    pub fn first_event(&self, i: usize) -> Option<u32> {
        (self.count(i) > 0).then(|| self.bounds[i])
    }

    /// The timeline positions of the events of bucket `i` (`start..end`, end exclusive; empty
    /// past the end).
    #[must_use]
    pub fn range(&self, i: usize) -> std::ops::Range<u32> {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// The bucket (`0..len()`) holding the event at timeline position `pos`; the last bucket
    /// for a position past the end.
    #[must_use]
    pub fn bucket_of(&self, pos: u32) -> usize {
        self.bounds
            .partition_point(|&b| b <= pos)
            .saturating_sub(1)
            .min(self.len().saturating_sub(1))
    }

    /// How bucket `i` is labelled (see [`Unit::label`]).
    #[must_use]
    pub fn label(&self, i: usize) -> String {
        self.unit.label(
            self.first
                .saturating_add(i64::try_from(i).unwrap_or(i64::MAX)),
        )
    }
}

/// The finest unit whose buckets over the whole span of `t` fit in `width` columns; years
/// when none does (the strip then shows part of the span at a time).
#[must_use]
pub fn fitting(t: &Timeline<'_>, width: usize, zone: Zone) -> Unit {
    Unit::ALL
        .into_iter()
        .find(|&u| Density::buckets(t, u, zone) <= width as u64)
        .unwrap_or(Unit::Year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    /// Nine events from Friday 27 Dec 2024 to 2027, at every precision; counted by hand below.
    const TEXT: &str = r#"Timeline(
        title: "Density",
        sources: [Source(id: "s", outlet: "S")],
        participants: [],
        events: [
            Event(id: "a", when: "2024-12-27", title: "A", sources: ["s"]),
            Event(id: "b", when: "2024-12-31T23:30-02:00", title: "B", sources: ["s"]),
            Event(id: "c", when: "2025", title: "C", sources: ["s"]),
            Event(id: "d", when: "2025-01-01T10:00Z", title: "D", sources: ["s"]),
            Event(id: "e", when: "2025-01", title: "E", sources: ["s"]),
            Event(id: "f", when: "2025-01-06", title: "F", sources: ["s"]),
            Event(id: "g", when: "2025-01-06T08:00+03:00", title: "G", sources: ["s"]),
            Event(id: "h", when: "2025-03-15", title: "H", sources: ["s"]),
            Event(id: "i", when: "2027-06", title: "I", sources: ["s"]),
        ],
    )"#;

    fn counts(unit: Unit) -> (Density, Vec<u32>) {
        let t = load_str(TEXT).unwrap().timeline;
        let d = Density::build(&t, unit, Zone::Utc).unwrap();
        let c = (0..d.len()).map(|i| d.count(i)).collect();
        (d, c)
    }

    #[test]
    fn years() {
        // 2024: a. 2025: b (01:30 UTC on 1 Jan), c, d, e, f, g, h. 2026: none. 2027: i.
        let (d, c) = counts(Unit::Year);
        assert_eq!(c, [1, 7, 0, 1]);
        assert_eq!(d.first, 2024);
        assert_eq!(d.label(0), "2024");
        assert_eq!(d.label(2), "2026");
        assert_eq!(d.first_event(1), Some(1));
        assert_eq!(d.first_event(2), None);
        assert_eq!(d.max(), 7);
    }

    #[test]
    fn months() {
        // Dec 2024: a. Jan 2025: b c d e f g. Feb: none. Mar: h. Apr 2025 … May 2027: none.
        // Jun 2027: i. From Dec 2024 to Jun 2027: 31 months.
        let (d, c) = counts(Unit::Month);
        assert_eq!(c.len(), 31);
        assert_eq!(&c[..4], [1, 6, 0, 1]);
        assert!(c[4..30].iter().all(|&n| n == 0));
        assert_eq!(c[30], 1);
        assert_eq!(d.label(0), "Dec 2024");
        assert_eq!(d.label(30), "Jun 2027");
        assert_eq!(d.bucket_of(8), 30);
    }

    #[test]
    fn weeks() {
        // Weeks begin on Monday: 23 Dec 2024 holds a (Fri 27); 30 Dec holds b (Wed 1 Jan
        // 01:30 UTC), c, d, e (all 1 Jan); 6 Jan holds g (05:00 UTC on the 6th) and f;
        // then nothing until the week of 10 Mar (h, Sat 15).
        let (d, c) = counts(Unit::Week);
        assert_eq!(&c[..3], [1, 4, 2]);
        assert_eq!(d.label(0), "wk 23 Dec 2024");
        assert_eq!(d.label(1), "wk 30 Dec 2024");
        // 10 Mar is 11 weeks after 23 Dec.
        assert_eq!(c[11], 1);
        assert_eq!(d.label(11), "wk 10 Mar 2025");
        assert_eq!(c[3..11].iter().sum::<u32>(), 0);
        // 2027-06-01 is a Tuesday: the week of 31 May 2027.
        assert_eq!(d.label(d.len() - 1), "wk 31 May 2027");
        assert_eq!(d.count(d.len() - 1), 1);
        assert_eq!(c.iter().sum::<u32>(), 9);
    }

    #[test]
    fn days() {
        // 27 Dec: a; 28–31 Dec: none (b is 01:30 UTC on 1 Jan); 1 Jan: b c d e;
        // 2–5 Jan: none; 6 Jan: f and g.
        let (d, c) = counts(Unit::Day);
        assert_eq!(&c[..11], [1, 0, 0, 0, 0, 4, 0, 0, 0, 0, 2]);
        assert_eq!(d.label(0), "27 Dec 2024");
        assert_eq!(d.label(5), "1 Jan 2025");
        // 15 Mar 2025 is day 78 after 27 Dec 2024.
        assert_eq!(c[78], 1);
        assert_eq!(d.first_event(5), Some(1));
        assert_eq!(d.first_event(10), Some(5));
        assert_eq!(d.bucket_of(6), 10);
        assert_eq!(c.iter().sum::<u32>(), 9);
        assert_eq!(
            d.len() as u64,
            Density::buckets(&load_str(TEXT).unwrap().timeline, Unit::Day, Zone::Utc)
        );
    }

    #[test]
    fn the_fitting_unit_is_the_finest_that_fits() {
        let t = load_str(TEXT).unwrap().timeline;
        // Days: 27 Dec 2024 to 1 Jun 2027 is 887 days; weeks 128; months 31; years 4.
        assert_eq!(Density::buckets(&t, Unit::Day, Zone::Utc), 887);
        assert_eq!(Density::buckets(&t, Unit::Week, Zone::Utc), 128);
        assert_eq!(fitting(&t, 900, Zone::Utc), Unit::Day);
        assert_eq!(fitting(&t, 200, Zone::Utc), Unit::Week);
        assert_eq!(fitting(&t, 40, Zone::Utc), Unit::Month);
        assert_eq!(fitting(&t, 10, Zone::Utc), Unit::Year);
        assert_eq!(fitting(&t, 2, Zone::Utc), Unit::Year);
    }

    #[test]
    fn bucket_starts_and_numbers_agree() {
        let zones = [
            Zone::Utc,
            Zone::parse("America/New_York").unwrap(),
            Zone::parse("Pacific/Kiritimati").unwrap(),
        ];
        for zone in zones {
            for unit in Unit::ALL {
                for instant in [-86_400 * 400, -1, 0, 1, 1_735_689_600, 1_900_000_000] {
                    let k = unit.bucket(instant, zone);
                    assert!(
                        unit.start(k, zone) <= instant && instant < unit.start(k + 1, zone),
                        "{zone} {unit:?} {instant}"
                    );
                }
            }
        }
        // Week 0 begins on Monday 29 Dec 1969.
        assert_eq!(Unit::Week.start(0, Zone::Utc), -3 * 86_400);
    }

    #[test]
    fn days_are_counted_on_the_display_zones_calendar() {
        // 21:30 in New York on 22 July 2025 is 01:30 UTC on the 23rd: its day bucket is the
        // 22nd in New York, the 23rd in UTC, as the row and the detail pane label it.
        let text = r#"Timeline(title: "t", sources: [Source(id: "s", outlet: "S")], participants: [],
            events: [
                Event(id: "a", when: "2025-07-21", title: "A", sources: ["s"]),
                Event(id: "ny", when: "2025-07-22T21:30-04:00", title: "NY", sources: ["s"]),
                Event(id: "b", when: "2025-07-23", title: "B", sources: ["s"]),
            ])"#;
        let ny = Zone::parse("America/New_York").unwrap();
        for (zone, counts, label) in [
            (Zone::Utc, [1, 0, 2], "23 Jul 2025"),
            (ny, [1, 1, 1], "22 Jul 2025"),
        ] {
            let t = crate::model::load_in(text, None, zone).unwrap().timeline;
            let d = Density::build(&t, Unit::Day, zone).unwrap();
            let c: Vec<u32> = (0..d.len()).map(|i| d.count(i)).collect();
            assert_eq!(c, counts, "{zone}");
            let at = t.events.iter().position(|e| e.id.value == "ny").unwrap();
            assert_eq!(d.label(d.bucket_of(at as u32)), label, "{zone}");
        }
    }
}
