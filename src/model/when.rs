//! `when` values: dates and times at the precision the file gives, with the instant they begin.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Serialize;

use super::types::{Offset, Str};

/// How precisely a `when` is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A parsed `when`: the text as written, where it stands, and the instant it begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When<'a> {
    pub raw: Str<'a>,
    pub at: Offset,
    pub precision: Precision,
    /// Seconds since the Unix epoch (UTC) at which the period begins; the sort key.
    pub instant: i64,
    /// The UTC offset written with a time of day, in seconds east of UTC.
    pub offset: Option<i32>,
}

impl Serialize for When<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

const FORMS: &str =
    "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] followed by Z or ±HH:MM";

/// Why a `when` string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError(pub String);

impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn day_start(date: NaiveDate) -> i64 {
    date.and_time(NaiveTime::MIN).and_utc().timestamp()
}

impl<'a> When<'a> {
    /// Parses one of the four forms; `raw` is kept as written.
    pub fn parse(raw: Str<'a>, at: Offset) -> Result<Self, WhenError> {
        let (precision, instant, offset) = parse_parts(&raw)?;
        Ok(When {
            raw,
            at,
            precision,
            instant,
            offset,
        })
    }

    /// The value at its own precision, for lists: `2025-07`, `2025-07-23 16:00Z`.
    #[must_use]
    pub fn display(&self) -> String {
        if self.precision >= Precision::Minute {
            self.raw.replacen('T', " ", 1)
        } else {
            self.raw.to_string()
        }
    }

    /// The same instant in UTC (`2025-07-23 16:00 UTC`) when a time of day is known.
    #[must_use]
    pub fn utc(&self) -> Option<String> {
        let fmt = match self.precision {
            Precision::Minute => "%Y-%m-%d %H:%M UTC",
            Precision::Second => "%Y-%m-%d %H:%M:%S UTC",
            _ => return None,
        };
        let t: DateTime<Utc> = Utc.timestamp_opt(self.instant, 0).single()?;
        Some(t.format(fmt).to_string())
    }
}

fn parse_parts(s: &str) -> Result<(Precision, i64, Option<i32>), WhenError> {
    if s.is_empty() {
        return Err(WhenError(format!(
            "an empty string is not a valid when: {FORMS}"
        )));
    }
    let bad = || WhenError(format!("`{s}` is not a valid when: {FORMS}"));
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let year = parts.next().and_then(|y| digits(y, 4)).ok_or_else(bad)?;
    let month = parts
        .next()
        .map(|m| digits(m, 2).ok_or_else(bad))
        .transpose()?;
    let day = parts
        .next()
        .map(|d| digits(d, 2).ok_or_else(bad))
        .transpose()?;
    if parts.next().is_some() {
        return Err(bad());
    }
    let year = year.cast_signed();
    let Some(month) = month else {
        if time.is_some() {
            return Err(bad());
        }
        let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
        return Ok((Precision::Year, day_start(start), None));
    };
    if !(1..=12).contains(&month) {
        return Err(WhenError(format!(
            "`{s}` is not a valid when: there is no month {month:02}"
        )));
    }
    let Some(day) = day else {
        if time.is_some() {
            return Err(bad());
        }
        let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        return Ok((Precision::Month, day_start(start), None));
    };
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        WhenError(format!(
            "`{s}` is not a valid when: {year:04}-{month:02} has no day {day:02}"
        ))
    })?;
    let Some(time) = time else {
        return Ok((Precision::Day, day_start(date), None));
    };
    parse_time(s, date, time)
}

fn parse_time(
    s: &str,
    date: NaiveDate,
    time: &str,
) -> Result<(Precision, i64, Option<i32>), WhenError> {
    let bad = || WhenError(format!("`{s}` is not a valid when: {FORMS}"));
    let zone_at = time.find(['Z', '+', '-']).ok_or_else(|| {
        WhenError(format!(
            "`{s}` has a time of day but no UTC offset: add `Z` or an offset such as `+03:00`"
        ))
    })?;
    let (clock, zone) = time.split_at(zone_at);
    let mut fields = clock.split(':');
    let hour = fields.next().and_then(|h| digits(h, 2)).ok_or_else(bad)?;
    let minute = fields.next().and_then(|m| digits(m, 2)).ok_or_else(bad)?;
    let second = fields
        .next()
        .map(|x| digits(x, 2).ok_or_else(bad))
        .transpose()?;
    if fields.next().is_some() {
        return Err(bad());
    }
    let naive_time =
        NaiveTime::from_hms_opt(hour, minute, second.unwrap_or(0)).ok_or_else(|| {
            WhenError(format!(
                "`{s}` is not a valid when: {clock} is not a time of day"
            ))
        })?;
    let offset_secs = if zone == "Z" {
        0
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone[1..].split_once(':').ok_or_else(bad)?;
        let h = digits(h, 2).ok_or_else(bad)?;
        let m = digits(m, 2).ok_or_else(bad)?;
        if h > 23 || m > 59 {
            return Err(WhenError(format!(
                "`{s}` is not a valid when: {zone} is not a UTC offset"
            )));
        }
        sign * (h * 3600 + m * 60).cast_signed()
    };
    let tz = FixedOffset::east_opt(offset_secs).ok_or_else(bad)?;
    let local = date.and_time(naive_time);
    let instant = tz
        .from_local_datetime(&local)
        .single()
        .ok_or_else(bad)?
        .timestamp();
    let precision = if second.is_some() {
        Precision::Second
    } else {
        Precision::Minute
    };
    Ok((precision, instant, Some(offset_secs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> When<'_> {
        When::parse(s.into(), 0).unwrap()
    }

    fn err(s: &str) -> String {
        When::parse(s.into(), 0).unwrap_err().0
    }

    #[test]
    fn each_precision_begins_at_its_first_instant() {
        let day = w("2025-07-23").instant;
        assert_eq!(w("2025").instant, w("2025-01-01").instant);
        assert_eq!(w("2025-07").instant, w("2025-07-01").instant);
        assert_eq!(w("2025-07-23T00:00Z").instant, day);
        assert_eq!(w("2025-07-23T16:00Z").instant - day, 16 * 3600);
        assert_eq!(w("2025-07-23T16:00:30Z").precision, Precision::Second);
    }

    #[test]
    fn offsets_name_the_same_instant() {
        assert_eq!(
            w("2025-07-23T19:00+03:00").instant,
            w("2025-07-23T16:00Z").instant
        );
        assert_eq!(
            w("2025-07-23T11:30-04:30").instant,
            w("2025-07-23T16:00Z").instant
        );
        assert_eq!(w("2025-07-23T19:00+03:00").offset, Some(3 * 3600));
    }

    #[test]
    fn display_keeps_precision_and_offset() {
        assert_eq!(w("2025").display(), "2025");
        assert_eq!(w("2025-07").display(), "2025-07");
        assert_eq!(w("2025-07-23T16:00Z").display(), "2025-07-23 16:00Z");
        assert_eq!(
            w("2025-07-23T19:00+03:00").utc().as_deref(),
            Some("2025-07-23 16:00 UTC")
        );
        assert_eq!(w("2025-07-23").utc(), None);
    }

    #[test]
    fn rejects_impossible_and_ambiguous_values() {
        assert!(
            err("2025-02-30").contains("2025-02 has no day 30"),
            "{}",
            err("2025-02-30")
        );
        assert!(err("2025-13").contains("no month 13"));
        assert!(err("2025-07-23T16:00").contains("no UTC offset"));
        assert!(err("2025-07-23T25:00Z").contains("not a time of day"));
        assert!(err("").starts_with("an empty string is not a valid when"));
        for bad in [
            "",
            "25",
            "2025-7",
            "2025-07-23T16Z",
            "July 2025",
            "2025-07-23 16:00Z",
            "2025-07-23T16:00+3",
        ] {
            assert!(
                When::parse(bad.into(), 0).is_err(),
                "{bad} should be rejected"
            );
        }
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(When::parse("2024-02-29".into(), 0).is_ok());
        assert!(When::parse("2025-02-29".into(), 0).is_err());
    }
}
