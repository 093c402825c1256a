//! `when` values: dates and times at the precision the file gives, with the instants at which
//! the period they name begins and ends (FORMAT.md "When", and "Version 1.1 / When, as machines
//! write it": the RFC 3339 date-time forms).

use std::fmt;

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime};
use serde::Serialize;

use super::types::{Offset, Str};
use super::zone::{Zone, offset_rfc3339};

/// How precisely a `when` is known. A value with a fraction of a second is `Second`: the
/// fraction orders events (see [`When::begins`]) but names no coarser or finer period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// `YYYY`: the period is the calendar year, from 1 January 00:00 UTC.
    Year,
    /// `YYYY-MM`: the calendar month, from its first day at 00:00 UTC.
    Month,
    /// `YYYY-MM-DD`: the day, 00:00 UTC to the next 00:00 UTC.
    Day,
    /// `YYYY-MM-DDTHH:MM` with a UTC offset: sixty seconds.
    Minute,
    /// `YYYY-MM-DDTHH:MM:SS[.fraction]` with a UTC offset, leap second `:60` included.
    Second,
}

/// A parsed `when`: the text as written, where it stands, and the instant it begins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When<'a> {
    /// The text as written in the file; exports write it back unchanged.
    pub raw: Str<'a>,
    /// Byte offset of the value in the file (0 for values not read from a file).
    pub at: Offset,
    /// Which form it was written in, and so how long the period it names lasts.
    pub precision: Precision,
    /// Seconds since the Unix epoch (UTC, leap seconds not counted) at which the period
    /// begins. A leap second `23:59:60` has the instant of `23:59:59` and `nanos` of a
    /// second or more. Use [`When::begins`] to order values.
    pub instant: i64,
    /// Nanoseconds after `instant` at which the value begins, `0..2_000_000_000`: the fraction
    /// of a second as written (its first nine digits; later digits are dropped), plus
    /// 1 000 000 000 in a leap second, as chrono counts them. 0 for a value without a fraction.
    pub nanos: u32,
    /// The UTC offset written with a time of day, in seconds east of UTC
    /// (`Z` and `-00:00` are 0); `None` below minute precision.
    pub offset: Option<i32>,
}

impl Serialize for When<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

const FORMS: &str = "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fraction]] \
                     followed by Z or ±HH:MM";

const NANOS_PER_SEC: u32 = 1_000_000_000;
const SECS_PER_DAY: i64 = 86_400;
/// Digits of a fraction of a second that are kept: nanoseconds.
const FRACTION_DIGITS: usize = 9;

/// Why a `when` string was rejected: the whole message, naming the value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenError(pub String);

impl fmt::Display for WhenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fields of a parsed `when`, apart from the text and its position.
#[derive(Debug, PartialEq, Eq)]
struct Parts {
    precision: Precision,
    instant: i64,
    nanos: u32,
    offset: Option<i32>,
}

impl<'a> When<'a> {
    /// Parses one of the forms of FORMAT.md "When" and "When, as machines write it";
    /// `raw` is kept as written. The error names the value and says what is wrong with it.
    pub fn parse(raw: Str<'a>, at: Offset) -> Result<Self, WhenError> {
        let parts = parse_parts(&raw)?;
        Ok(When {
            raw,
            at,
            precision: parts.precision,
            instant: parts.instant,
            nanos: parts.nanos,
            offset: parts.offset,
        })
    }

    /// The sort key of timeline order: (seconds since the Unix epoch, nanoseconds after them,
    /// `0..2_000_000_000`) at which the period begins. A day begins at 00:00 UTC, a month on
    /// its first day, a year on 1 January; a leap second orders after `:59.999999999` and
    /// before the next minute (FORMAT.md "When").
    #[must_use]
    pub fn begins(&self) -> (i64, u32) {
        (self.instant, self.nanos)
    }

    /// The first instant after the period the value names, as a key comparable with
    /// [`When::begins`] (exclusive end): a year ends on the next 1 January, a month on the
    /// first of the next, a day at the next 00:00 UTC, a minute 60 s later, a second 1 s later
    /// and a value with a fraction 1 ns later. A second that ends at midnight UTC ends where a
    /// leap second `23:59:60` would begin, so that the leap second is not inside it.
    #[must_use]
    pub fn ends(&self) -> (i64, u32) {
        match self.precision {
            Precision::Year => (self.calendar_end(Months::new(12)), 0),
            Precision::Month => (self.calendar_end(Months::new(1)), 0),
            Precision::Day => (self.instant + SECS_PER_DAY, 0),
            Precision::Minute => (self.instant + 60, 0),
            Precision::Second => {
                let step = if fraction(&self.raw).is_some() {
                    1
                } else {
                    NANOS_PER_SEC
                };
                let nanos = self.nanos + step;
                let leap_follows = self.instant.rem_euclid(SECS_PER_DAY) == SECS_PER_DAY - 1;
                if nanos < NANOS_PER_SEC || (leap_follows && nanos < 2 * NANOS_PER_SEC) {
                    (self.instant, nanos)
                } else {
                    (self.instant + 1, 0)
                }
            }
        }
    }

    /// The first instant of the month or year `months` after the one `instant` falls in.
    fn calendar_end(&self, months: Months) -> i64 {
        DateTime::from_timestamp(self.instant, 0)
            .and_then(|t| t.date_naive().with_day(1))
            .and_then(|d| d.checked_add_months(months))
            .map_or(i64::MAX, day_start)
    }

    /// The value at its own precision, for lists: `2025-07`, `2025-07-23 16:00Z`,
    /// `2025-07-23 19:00:00.250+03:00`. A time of day is shown after a space, with an
    /// upper-case `Z` and at most nine digits of a fraction, whichever form was written.
    #[must_use]
    pub fn display(&self) -> String {
        let Some((date, time)) = split_date_time(&self.raw) else {
            return self.raw.to_string();
        };
        let (clock, zone) = split_zone(time);
        let (whole, frac) = match clock.split_once('.') {
            Some((whole, frac)) => (whole, fraction_kept(frac)),
            None => (clock, ""),
        };
        let dot = if frac.is_empty() { "" } else { "." };
        let zone = zone.unwrap_or("").to_ascii_uppercase();
        format!("{date} {whole}{dot}{frac}{zone}")
    }

    /// The sort key of timeline order when dates are read in `zone` ([`crate::model::zone`]):
    /// a value with a time of day begins at the same instant in every zone ([`When::begins`]);
    /// a year, month or day begins at `zone`'s midnight of its first day. In UTC this is
    /// [`When::begins`] itself.
    #[must_use]
    pub fn begins_in(&self, zone: Zone) -> (i64, u32) {
        match self.precision {
            Precision::Minute | Precision::Second => self.begins(),
            _ if zone.is_utc() => self.begins(),
            _ => match DateTime::from_timestamp(self.instant, 0) {
                Some(t) => (zone.day_start(t.date_naive()), 0),
                None => self.begins(),
            },
        }
    }

    /// The value as read in `zone`, without naming the zone (a column's header or frame names
    /// it): a year, month or day as written, since it names that period in whichever zone the
    /// timeline is read in; a time of day as the clock in `zone` shows it at that instant
    /// (`2025-07-22 21:30`, `2016-12-31 23:59:60.5`), with the digits of a fraction as written.
    #[must_use]
    pub fn display_in(&self, zone: Zone) -> String {
        let fmt = match self.precision {
            Precision::Minute => "%Y-%m-%d %H:%M",
            Precision::Second => "%Y-%m-%d %H:%M:%S",
            _ => return self.raw.to_string(),
        };
        let Some(local) = zone.local(self.instant, self.nanos) else {
            return self.display();
        };
        let frac = fraction(&self.raw).map_or(String::new(), |f| format!(".{f}"));
        format!("{}{frac}", local.format(fmt))
    }

    /// How many cells [`When::display_in`] takes, in any zone (its text is ASCII), found
    /// without formatting it.
    #[must_use]
    pub fn display_in_width(&self) -> usize {
        match self.precision {
            Precision::Year | Precision::Month | Precision::Day => self.raw.len(),
            Precision::Minute => "YYYY-MM-DD HH:MM".len(),
            Precision::Second => {
                "YYYY-MM-DD HH:MM:SS".len() + fraction(&self.raw).map_or(0, |f| f.len() + 1)
            }
        }
    }

    /// [`When::display_in`] followed by the offset of `zone` at that instant as RFC 3339 writes
    /// it (`2025-07-22 21:30-04:00`, `2025-07-23 01:30Z`): self-describing, for lines that
    /// leave the program. A value without a time of day has no offset.
    #[must_use]
    pub fn display_offset_in(&self, zone: Zone) -> String {
        match self.precision {
            Precision::Minute | Precision::Second => format!(
                "{}{}",
                self.display_in(zone),
                offset_rfc3339(zone.offset_at(self.instant))
            ),
            _ => self.raw.to_string(),
        }
    }

    /// The same instant in UTC (`2025-07-23 16:00 UTC`, `2016-12-31 23:59:60.5 UTC`) when a
    /// time of day is known; a fraction keeps the digits written (at most nine).
    #[must_use]
    pub fn utc(&self) -> Option<String> {
        let fmt = match self.precision {
            Precision::Minute => "%Y-%m-%d %H:%M",
            Precision::Second => "%Y-%m-%d %H:%M:%S",
            _ => return None,
        };
        let t = DateTime::from_timestamp(self.instant, self.nanos)?;
        let frac = fraction(&self.raw).map_or(String::new(), |f| format!(".{f}"));
        Some(format!("{}{frac} UTC", t.format(fmt)))
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

/// The date and the time of day of a value with one, split at its `T`, `t` or space.
fn split_date_time(s: &str) -> Option<(&str, &str)> {
    let at = s.find(['T', 't', ' '])?;
    Some((&s[..at], &s[at + 1..]))
}

/// A time of day split before its offset (`Z`, `z`, `+…`, `-…`), if it has one.
fn split_zone(time: &str) -> (&str, Option<&str>) {
    match time.find(['Z', 'z', '+', '-']) {
        Some(at) => (&time[..at], Some(&time[at..])),
        None => (time, None),
    }
}

/// The digits of a fraction of a second that are kept (at most nine).
fn fraction_kept(frac: &str) -> &str {
    frac.get(..FRACTION_DIGITS).unwrap_or(frac)
}

/// The kept digits of the fraction of a second in a valid value, if it has one.
fn fraction(raw: &str) -> Option<&str> {
    let (_, time) = split_date_time(raw)?;
    let (clock, _) = split_zone(time);
    let (_, frac) = clock.split_once('.')?;
    Some(fraction_kept(frac))
}

/// Nanoseconds in a fraction of a second written as `frac` (one or more digits, of which the
/// first nine count).
fn fraction_nanos(frac: &str) -> Option<u32> {
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let kept = fraction_kept(frac);
    // An empty fraction (`16:00:00.Z`) fails to parse.
    let n: u32 = kept.parse().ok()?;
    Some(n * 10_u32.pow((FRACTION_DIGITS - kept.len()) as u32))
}

fn invalid(s: &str, why: impl fmt::Display) -> WhenError {
    WhenError(format!("`{s}` is not a valid when: {why}"))
}

/// `2025-7-3` written with a two-digit month and day (`2025-07-03`), when padding changes it
/// and leaves a date that reads. Only called on a value already rejected, so a valid file pays
/// nothing for it.
fn padded(s: &str) -> Option<String> {
    let date = split_date_time(s).map_or(s, |(date, _)| date);
    let mut fields = date.split('-');
    let mut fixed = fields.next().unwrap_or_default().to_string();
    for field in fields {
        fixed.push('-');
        if field.len() == 1 {
            fixed.push('0');
        }
        fixed.push_str(field);
    }
    if fixed == date || parse_fields(&fixed).is_err() {
        return None;
    }
    fixed.push_str(&s[date.len()..]);
    Some(fixed)
}

fn parse_parts(s: &str) -> Result<Parts, WhenError> {
    if let Some(parts) = quick(s) {
        return Ok(parts);
    }
    parse_fields(s).map_err(|e| match padded(s) {
        Some(fixed) => match parse_fields(&fixed) {
            Ok(_) => invalid(
                s,
                format_args!("months and days take two digits: `{fixed}`"),
            ),
            // `2025-7-3T16:00`: both mistakes at once, the second as it reads once padded.
            Err(then) => WhenError(format!(
                "`{s}` is not a valid when: months and days take two digits, and then {}",
                then.0
            )),
        },
        None => e,
    })
}

/// The commonest forms read straight from their bytes, as [`parse_fields`] reads them: a day
/// (`2025-07-23`), or a day with a time of day to the minute or second after an upper-case
/// `T` and an offset of `Z` or `±HH:MM`. `None` for anything else, valid or not (a fraction,
/// a leap second, a month alone, any mistake), which the general reader then reads and
/// explains. A file holds one `when` per event, so this is on the load's path.
fn quick(s: &str) -> Option<Parts> {
    let b = s.as_bytes();
    let digit = |i: usize| {
        let d = b.get(i)?.wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let two = |i: usize| Some(digit(i)? * 10 + digit(i + 1)?);
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = two(0)? * 100 + two(2)?;
    let date = NaiveDate::from_ymd_opt(year.cast_signed(), two(5)?, two(8)?)?;
    if b.len() == 10 {
        return Some(Parts::date(Precision::Day, date));
    }
    if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (two(11)?, two(14)?);
    let (second, zone) = if b.get(16) == Some(&b':') {
        (Some(two(17)?), 19)
    } else {
        (None, 16)
    };
    let offset = match b.get(zone..)? {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (h, m) = (two(zone + 1)?, two(zone + 4)?);
            if h > 23 || m > 59 {
                return None;
            }
            let east = (h * 3600 + m * 60).cast_signed();
            if *sign == b'+' { east } else { -east }
        }
        _ => return None,
    };
    let sec = second.unwrap_or(0);
    if hour > 23 || minute > 59 || sec > 59 {
        return None;
    }
    Some(Parts {
        precision: if second.is_some() {
            Precision::Second
        } else {
            Precision::Minute
        },
        instant: day_start(date) + i64::from(hour * 3600 + minute * 60 + sec) - i64::from(offset),
        nanos: 0,
        offset: Some(offset),
    })
}

fn parse_fields(s: &str) -> Result<Parts, WhenError> {
    if s.is_empty() {
        return Err(WhenError(format!(
            "an empty string is not a valid when: {FORMS}"
        )));
    }
    let bad = || invalid(s, FORMS);
    let (date, time) = match split_date_time(s) {
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
        return Ok(Parts::date(Precision::Year, start));
    };
    if !(1..=12).contains(&month) {
        return Err(invalid(s, format_args!("there is no month {month:02}")));
    }
    let Some(day) = day else {
        if time.is_some() {
            return Err(bad());
        }
        let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
        return Ok(Parts::date(Precision::Month, start));
    };
    let start = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| invalid(s, format_args!("{year:04}-{month:02} has no day {day:02}")))?;
    match time {
        None => Ok(Parts::date(Precision::Day, start)),
        Some(time) => parse_time(s, date, day_start(start), time),
    }
}

impl Parts {
    fn date(precision: Precision, start: NaiveDate) -> Self {
        Parts {
            precision,
            instant: day_start(start),
            nanos: 0,
            offset: None,
        }
    }
}

/// `HH:MM[:SS[.fraction]]` and an offset, on the day that begins at `day` (Unix seconds).
fn parse_time(s: &str, date: &str, day: i64, time: &str) -> Result<Parts, WhenError> {
    let bad = || invalid(s, FORMS);
    let (clock, zone) = split_zone(time);
    let mut fields = clock.split(':');
    let hour = fields.next().and_then(|h| digits(h, 2)).ok_or_else(bad)?;
    let minute = fields.next().and_then(|m| digits(m, 2)).ok_or_else(bad)?;
    let second = fields
        .next()
        .map(|x| {
            let (whole, frac) = match x.split_once('.') {
                Some((whole, frac)) => (whole, fraction_nanos(frac)),
                None => (x, Some(0)),
            };
            digits(whole, 2).zip(frac).ok_or_else(bad)
        })
        .transpose()?;
    if fields.next().is_some() {
        return Err(bad());
    }
    if hour > 23 {
        return Err(invalid(s, format_args!("hour {hour} does not exist")));
    }
    if minute > 59 {
        return Err(invalid(s, format_args!("minute {minute} does not exist")));
    }
    let (sec, frac) = second.unwrap_or((0, 0));
    if sec > 60 {
        return Err(invalid(s, format_args!("second {sec} does not exist")));
    }
    let Some(zone) = zone else {
        return Err(WhenError(format!(
            "`{s}` has a time of day but no UTC offset: add `Z` or an offset such as `+03:00`, \
             or keep the day alone (`{date}`) if the zone is unknown"
        )));
    };
    let offset = parse_offset(s, zone)?;
    // A leap second is counted as the second before it, with a second more of nanoseconds.
    let local = i64::from(hour * 3600 + minute * 60 + sec.min(59));
    let leap = sec == 60;
    if leap {
        let utc = (local - i64::from(offset)).rem_euclid(SECS_PER_DAY);
        if utc != SECS_PER_DAY - 1 {
            return Err(invalid(
                s,
                format_args!(
                    "second 60 is a leap second and only exists at 23:59:60 UTC; \
                     this is {:02}:{:02}:60 UTC",
                    utc / 3600,
                    utc % 3600 / 60
                ),
            ));
        }
    }
    Ok(Parts {
        precision: if second.is_some() {
            Precision::Second
        } else {
            Precision::Minute
        },
        instant: day + local - i64::from(offset),
        nanos: frac + if leap { NANOS_PER_SEC } else { 0 },
        offset: Some(offset),
    })
}

/// `Z`, `z` or `±HH:MM`, in seconds east of UTC.
fn parse_offset(s: &str, zone: &str) -> Result<i32, WhenError> {
    if zone.eq_ignore_ascii_case("z") {
        return Ok(0);
    }
    let bad = || invalid(s, FORMS);
    let (sign, hm) = if let Some(hm) = zone.strip_prefix('+') {
        (1, hm)
    } else {
        (-1, zone.strip_prefix('-').ok_or_else(bad)?)
    };
    let (h, m) = hm.split_once(':').ok_or_else(bad)?;
    let h = digits(h, 2).ok_or_else(bad)?;
    let m = digits(m, 2).ok_or_else(bad)?;
    if h > 23 {
        return Err(invalid(
            s,
            format_args!("hour {h} of an offset does not exist"),
        ));
    }
    if m > 59 {
        return Err(invalid(
            s,
            format_args!("minute {m} of an offset does not exist"),
        ));
    }
    Ok(sign * (h * 3600 + m * 60).cast_signed())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick reader gives what the general one gives, and takes the forms it is for.
    #[test]
    fn the_quick_reader_agrees_with_the_general_one() {
        let taken = [
            "2025-07-23",
            "2024-02-29",
            "0000-01-01",
            "9999-12-31",
            "2025-07-23T16:00Z",
            "2025-07-23T00:00+03:00",
            "2025-07-23T23:59-04:00",
            "2025-07-23T21:30-00:00",
            "2025-07-23T16:00:05Z",
            "2025-07-23T19:00:59+14:00",
            "2025-12-31T23:59:59-12:00",
        ];
        for s in taken {
            let quick = quick(s).unwrap_or_else(|| panic!("{s} not taken"));
            assert_eq!(Some(&quick), parse_fields(s).ok().as_ref(), "{s}");
        }
        // Hand-computed: 2025-07-23 begins at 1,753,228,800 s; 16:00+03:00 is 13:00 UTC.
        let p = quick("2025-07-23T16:00+03:00").unwrap();
        assert_eq!(
            (p.instant, p.offset),
            (1_753_228_800 + 13 * 3600, Some(10_800))
        );
        assert_eq!(p.precision, Precision::Minute);
        let p = quick("2025-07-22T21:30:15-04:00").unwrap();
        assert_eq!(p.instant, 1_753_228_800 + 3600 + 30 * 60 + 15);
        assert_eq!(p.precision, Precision::Second);
        // Left to the general reader: other forms, valid or not, and every mistake.
        let left = [
            "2025",
            "2025-07",
            "2025-07-23t16:00z",
            "2025-07-23 16:00Z",
            "2025-07-23T16:00z",
            "2025-07-23T16:00:00.5Z",
            "2025-12-31T23:59:60Z",
            "2025-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-7-23",
            "2025-07-23T24:00Z",
            "2025-07-23T16:60Z",
            "2025-07-23T16:00:61Z",
            "2025-07-23T16:00+24:00",
            "2025-07-23T16:00+03:75",
            "2025-07-23T16:00+0300",
            "2025-07-23T16:00",
            "2025-07-23T16:00Zjunk",
            "2025-07-23-99",
            "2025-07-23T1:00Z",
            "2025-07-23junk",
            "2025-07-2x",
        ];
        for s in left {
            assert_eq!(quick(s), None, "{s}");
        }
    }

    fn w(s: &str) -> When<'_> {
        When::parse(s.into(), 0).unwrap()
    }

    fn err(s: &str) -> String {
        When::parse(s.into(), 0).unwrap_err().0
    }

    // Hand-computed: 2025-01-01 is day 20089 after 1970-01-01 (55 years, 14 of them leap),
    // 2025-07-23 is 203 days later; 2017-01-01T00:00:00Z is 1483228800.
    const JUL_23_2025: i64 = 1_753_228_800;
    const JUL_23_2025_16H: i64 = JUL_23_2025 + 16 * 3600;
    const NEW_YEAR_2017: i64 = 1_483_228_800;
    const LEAP: u32 = 1_000_000_000;

    #[test]
    fn each_precision_begins_at_its_first_instant() {
        assert_eq!(w("2025").begins(), (1_735_689_600, 0));
        assert_eq!(w("2025-07").begins(), (1_751_328_000, 0));
        assert_eq!(w("2025-07-23").begins(), (JUL_23_2025, 0));
        assert_eq!(w("2025-07-23T00:00Z").begins(), (JUL_23_2025, 0));
        assert_eq!(w("2025-07-23T16:00Z").begins(), (JUL_23_2025_16H, 0));
        assert_eq!(
            w("2025-07-23T16:00:30Z").begins(),
            (JUL_23_2025_16H + 30, 0)
        );
        assert_eq!(w("2025-07-23T16:00:30Z").precision, Precision::Second);
        assert_eq!(w("2025-07-23T16:00Z").precision, Precision::Minute);
        assert_eq!(w("2025-07-23").precision, Precision::Day);
        assert_eq!(w("2025-07").precision, Precision::Month);
        assert_eq!(w("2025").precision, Precision::Year);
    }

    #[test]
    fn offsets_name_the_same_instant() {
        assert_eq!(w("2025-07-23T19:00+03:00").instant, JUL_23_2025_16H);
        assert_eq!(w("2025-07-23T11:30-04:30").instant, JUL_23_2025_16H);
        assert_eq!(w("2025-07-23T16:00-00:00").instant, JUL_23_2025_16H);
        assert_eq!(w("2025-07-23T19:00+03:00").offset, Some(3 * 3600));
        assert_eq!(
            w("2025-07-23T11:30-04:30").offset,
            Some(-(4 * 3600 + 30 * 60))
        );
        assert_eq!(w("2025-07-23T16:00Z").offset, Some(0));
        assert_eq!(w("2025-07-23").offset, None);
        // An offset can move the instant to another day.
        assert_eq!(w("2025-07-24T01:00+09:00").instant, JUL_23_2025_16H);
        assert_eq!(
            w("2025-07-22T23:00-17:00").instant,
            JUL_23_2025_16H,
            "23:00 at UTC-17 is 16:00 UTC the next day"
        );
    }

    #[test]
    fn fractions_are_kept_to_the_nanosecond() {
        let cases = [
            ("2025-07-23T16:00:00.250Z", JUL_23_2025_16H, 250_000_000),
            ("2025-07-23T16:00:00.000Z", JUL_23_2025_16H, 0),
            ("2025-07-23T16:00:00.5Z", JUL_23_2025_16H, 500_000_000),
            ("2025-07-23T16:00:07.05Z", JUL_23_2025_16H + 7, 50_000_000),
            (
                "2025-07-23T16:00:00.123456789Z",
                JUL_23_2025_16H,
                123_456_789,
            ),
            ("2025-07-23T16:00:00.000000001Z", JUL_23_2025_16H, 1),
            // Digits after the ninth are dropped, not rounded.
            (
                "2025-07-23T16:00:00.1234567899999Z",
                JUL_23_2025_16H,
                123_456_789,
            ),
            (
                "2025-07-23T19:00:59.999+03:00",
                JUL_23_2025_16H + 59,
                999_000_000,
            ),
        ];
        for (s, secs, nanos) in cases {
            let when = w(s);
            assert_eq!(when.begins(), (secs, nanos), "{s}");
            assert_eq!(when.precision, Precision::Second, "{s}");
        }
    }

    #[test]
    fn lower_case_and_space_forms_mean_the_same() {
        for s in [
            "2025-07-23t16:00z",
            "2025-07-23 16:00Z",
            "2025-07-23 16:00z",
            "2025-07-23t19:00+03:00",
            "2025-07-23 19:00+03:00",
        ] {
            assert_eq!(w(s).begins(), (JUL_23_2025_16H, 0), "{s}");
            assert_eq!(w(s).precision, Precision::Minute, "{s}");
        }
        assert_eq!(w("2025-07-23 16:00:00.250z").nanos, 250_000_000);
    }

    #[test]
    fn leap_seconds_exist_only_at_23_59_60_utc() {
        let leap = (NEW_YEAR_2017 - 1, LEAP);
        assert_eq!(w("2016-12-31T23:59:60Z").begins(), leap);
        assert_eq!(w("2016-12-31T15:59:60-08:00").begins(), leap);
        assert_eq!(w("2017-01-01T00:59:60+01:00").begins(), leap);
        assert_eq!(
            w("2016-12-31T23:59:60.5Z").begins(),
            (NEW_YEAR_2017 - 1, LEAP + 500_000_000)
        );
        assert_eq!(w("2016-12-31T23:59:60Z").precision, Precision::Second);
        assert_eq!(
            err("2016-12-31T12:59:60Z"),
            "`2016-12-31T12:59:60Z` is not a valid when: second 60 is a leap second and only \
             exists at 23:59:60 UTC; this is 12:59:60 UTC"
        );
        assert_eq!(
            err("2016-12-31T23:59:60+01:00"),
            "`2016-12-31T23:59:60+01:00` is not a valid when: second 60 is a leap second and \
             only exists at 23:59:60 UTC; this is 22:59:60 UTC"
        );
        assert_eq!(
            err("2016-12-31T23:58:60Z"),
            "`2016-12-31T23:58:60Z` is not a valid when: second 60 is a leap second and only \
             exists at 23:59:60 UTC; this is 23:58:60 UTC"
        );
        assert_eq!(
            err("2016-12-31T23:59:61Z"),
            "`2016-12-31T23:59:61Z` is not a valid when: second 61 does not exist"
        );
    }

    #[test]
    fn each_period_ends_where_the_next_begins() {
        let cases = [
            // 2026-01-01, 2025-01-01, 2024-03-01 (2024 is leap), 2025-08-01, 2026-01-01.
            ("2025", 1_767_225_600, 0),
            ("2024", 1_735_689_600, 0),
            ("2024-02", 1_709_251_200, 0),
            ("2025-07", 1_754_006_400, 0),
            ("2025-12", 1_767_225_600, 0),
            ("2025-07-23", JUL_23_2025 + 86_400, 0),
            ("2025-07-23T16:00Z", JUL_23_2025_16H + 60, 0),
            ("2025-07-23T16:00:30Z", JUL_23_2025_16H + 31, 0),
            ("2025-07-23T16:00:00.250Z", JUL_23_2025_16H, 250_000_001),
            ("2025-07-23T16:00:00.000Z", JUL_23_2025_16H, 1),
            ("2025-07-23T16:00:00.999999999Z", JUL_23_2025_16H + 1, 0),
            // The minute and the day that hold a leap second end after it.
            ("2016-12-31T23:59Z", NEW_YEAR_2017, 0),
            ("2016-12-31", NEW_YEAR_2017, 0),
            // The last second of a UTC day ends where a leap second would begin.
            ("2016-12-31T23:59:59Z", NEW_YEAR_2017 - 1, LEAP),
            ("2016-12-31T15:59:59-08:00", NEW_YEAR_2017 - 1, LEAP),
            ("2016-12-31T23:59:59.999999999Z", NEW_YEAR_2017 - 1, LEAP),
            ("2016-12-31T23:59:60Z", NEW_YEAR_2017, 0),
            (
                "2016-12-31T23:59:60.5Z",
                NEW_YEAR_2017 - 1,
                LEAP + 500_000_001,
            ),
            ("2016-12-31T23:59:60.999999999Z", NEW_YEAR_2017, 0),
            // The last second of a local day that is not the last of a UTC day.
            ("2016-12-31T23:59:59+01:00", NEW_YEAR_2017 - 3600, 0),
        ];
        for (s, secs, nanos) in cases {
            assert_eq!(w(s).ends(), (secs, nanos), "{s}");
        }
    }

    #[test]
    fn display_keeps_precision_and_offset() {
        assert_eq!(w("2025").display(), "2025");
        assert_eq!(w("2025-07").display(), "2025-07");
        assert_eq!(w("2025-07-23").display(), "2025-07-23");
        assert_eq!(w("2025-07-23T16:00Z").display(), "2025-07-23 16:00Z");
        assert_eq!(w("2025-07-23t16:00z").display(), "2025-07-23 16:00Z");
        assert_eq!(w("2025-07-23 16:00z").display(), "2025-07-23 16:00Z");
        assert_eq!(
            w("2025-07-23T19:00+03:00").display(),
            "2025-07-23 19:00+03:00"
        );
        assert_eq!(
            w("2025-07-23T16:00:00.250Z").display(),
            "2025-07-23 16:00:00.250Z"
        );
        assert_eq!(
            w("2025-07-23t11:30:00.1234567899-04:30").display(),
            "2025-07-23 11:30:00.123456789-04:30"
        );
        assert_eq!(
            w("2016-12-31 15:59:60-08:00").display(),
            "2016-12-31 15:59:60-08:00"
        );
    }

    #[test]
    fn utc_shows_the_instant_with_the_fraction_written() {
        let utc = |s| w(s).utc();
        assert_eq!(utc("2025-07-23").as_deref(), None);
        assert_eq!(utc("2025-07").as_deref(), None);
        assert_eq!(utc("2025").as_deref(), None);
        assert_eq!(
            utc("2025-07-23T19:00+03:00").as_deref(),
            Some("2025-07-23 16:00 UTC")
        );
        assert_eq!(
            utc("2025-07-23 19:00:00.250+03:00").as_deref(),
            Some("2025-07-23 16:00:00.250 UTC")
        );
        assert_eq!(
            utc("2025-07-24t01:00:05.5+09:00").as_deref(),
            Some("2025-07-23 16:00:05.5 UTC")
        );
        assert_eq!(
            utc("2016-12-31T15:59:60-08:00").as_deref(),
            Some("2016-12-31 23:59:60 UTC")
        );
        assert_eq!(
            utc("2017-01-01T00:59:60.25+01:00").as_deref(),
            Some("2016-12-31 23:59:60.25 UTC")
        );
    }

    #[test]
    fn impossible_values_say_what_is_impossible() {
        let cases = [
            ("2025-02-30", "2025-02 has no day 30"),
            ("2025-13", "there is no month 13"),
            ("2025-00-01", "there is no month 00"),
            ("2025-07-23T25:00Z", "hour 25 does not exist"),
            ("2025-07-23T24:00Z", "hour 24 does not exist"),
            ("2025-07-23T16:61Z", "minute 61 does not exist"),
            ("2025-07-23T16:60Z", "minute 60 does not exist"),
            ("2025-07-23T16:00:61Z", "second 61 does not exist"),
            (
                "2025-07-23T16:00+03:75",
                "minute 75 of an offset does not exist",
            ),
            (
                "2025-07-23T16:00+03:60",
                "minute 60 of an offset does not exist",
            ),
            (
                "2025-07-23T16:00-24:00",
                "hour 24 of an offset does not exist",
            ),
        ];
        for (s, why) in cases {
            assert_eq!(err(s), format!("`{s}` is not a valid when: {why}"));
        }
        // The largest values that exist.
        assert_eq!(w("2025-07-23T23:59:59+23:59").offset, Some(86_340));
        assert_eq!(w("2025-07-23T23:59:59-23:59").offset, Some(-86_340));
        assert_eq!(w("2025-12-31").begins(), (1_767_139_200, 0));
    }

    #[test]
    fn a_time_without_offset_suggests_the_day_alone() {
        assert_eq!(
            err("2021-01-05T10:00"),
            "`2021-01-05T10:00` has a time of day but no UTC offset: add `Z` or an offset such \
             as `+03:00`, or keep the day alone (`2021-01-05`) if the zone is unknown"
        );
        assert!(
            err("2021-01-05 10:00:30.5").contains("keep the day alone (`2021-01-05`)"),
            "{}",
            err("2021-01-05 10:00:30.5")
        );
    }

    #[test]
    fn unpadded_dates_suggest_two_digits() {
        let cases = [
            ("2025-7-3", "2025-07-03"),
            ("2025-7", "2025-07"),
            ("2025-07-3", "2025-07-03"),
            ("2025-7-23", "2025-07-23"),
            ("2025-7-3T16:00Z", "2025-07-03T16:00Z"),
            ("2025-7-3 16:00+03:00", "2025-07-03 16:00+03:00"),
        ];
        // Padding the date that is there, not the time or the offset.
        assert_eq!(
            err("2025-7-3T16:00"),
            "`2025-7-3T16:00` is not a valid when: months and days take two digits, and then \
             `2025-07-03T16:00` has a time of day but no UTC offset: add `Z` or an offset such \
             as `+03:00`, or keep the day alone (`2025-07-03`) if the zone is unknown"
        );
        assert!(err("2025-13-3").ends_with(FORMS), "{}", err("2025-13-3"));
        for (s, fixed) in cases {
            assert_eq!(
                err(s),
                format!("`{s}` is not a valid when: months and days take two digits: `{fixed}`")
            );
        }
        // No suggestion when padding would not make the date valid.
        for s in ["2025-7-32", "2025-13-1", "25-7-3", "2025-7-3-1"] {
            assert!(!err(s).contains("two digits"), "{s}: {}", err(s));
        }
    }

    #[test]
    fn rejects_malformed_values() {
        let expected = |s: &str| {
            format!(
                "`{s}` is not a valid when: expected YYYY, YYYY-MM, YYYY-MM-DD or \
                 YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z or ±HH:MM"
            )
        };
        for bad in [
            "25",
            "20255",
            "2025-007",
            "2025-07-023",
            "2025-07-23-99",
            "2025-07-23T16:00Zjunk",
            "2025-07-23T16:00zz",
            "2025-07-23T16:00+03:00junk",
            "2025-07-23T16:00+03:00:00",
            "2025-07-23T16:00+0300",
            "2025-07-23T16:00+3",
            "2025-07-23T16:00+03",
            "2025-07-23T16:00:00.Z",
            "2025-07-23T16:00:00.2.5Z",
            "2025-07-23T16:00:00.+5Z",
            "2025-07-23T16:00.5Z",
            "2025-07-23T16:00:00:00Z",
            "2025-07-23T16:0Z",
            "2025-07-23T16Z",
            "2025-07-23  16:00Z",
            "2025-07-23T 16:00Z",
            "2025-07-23T",
            "2025-07-23 ",
            "2025-07-23_16:00Z",
            "2025-07T16:00Z",
            "2025T16:00Z",
            "July 2025",
            "2025-07-23T16:00Z ",
            " 2025",
            "2025-07-23T+03:00",
        ] {
            assert_eq!(err(bad), expected(bad));
        }
        assert_eq!(
            err(""),
            "an empty string is not a valid when: expected YYYY, YYYY-MM, YYYY-MM-DD or \
             YYYY-MM-DDTHH:MM[:SS[.fraction]] followed by Z or ±HH:MM"
        );
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert_eq!(w("2024-02-29").begins(), (1_709_164_800, 0));
        assert_eq!(
            err("2025-02-29"),
            "`2025-02-29` is not a valid when: 2025-02 has no day 29"
        );
        assert_eq!(
            err("2100-02-29"),
            "`2100-02-29` is not a valid when: 2100-02 has no day 29"
        );
        assert!(When::parse("2000-02-29".into(), 0).is_ok());
    }

    #[test]
    fn an_error_displays_as_its_message() {
        let e = When::parse("2025-13".into(), 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`2025-13` is not a valid when: there is no month 13"
        );
    }

    #[test]
    fn the_raw_text_and_position_are_kept() {
        let when = When::parse("2025-07-23t16:00z".into(), 42).unwrap();
        assert_eq!((&*when.raw, when.at), ("2025-07-23t16:00z", 42));
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_when_is_no_larger_than_before_fractions() {
        // Before: raw 24 + at 8 + instant 8 + offset 8 + precision 1 = 49, padded to 56 bytes.
        // `nanos` fits in the padding.
        assert!(size_of::<When<'_>>() <= 56, "{}", size_of::<When<'_>>());
    }

    #[test]
    fn display_in_a_zone_moves_times_not_dates() {
        let ny = Zone::parse("America/New_York").unwrap();
        let kiri = Zone::parse("Pacific/Kiritimati").unwrap();
        let evening = w("2025-07-22T21:30-04:00");
        assert_eq!(evening.display_in(Zone::Utc), "2025-07-23 01:30");
        assert_eq!(evening.display_offset_in(Zone::Utc), "2025-07-23 01:30Z");
        assert_eq!(evening.display_in(ny), "2025-07-22 21:30");
        assert_eq!(evening.display_offset_in(ny), "2025-07-22 21:30-04:00");
        assert_eq!(evening.display_offset_in(kiri), "2025-07-23 15:30+14:00");
        assert_eq!(w("2025-07-23").display_in(ny), "2025-07-23");
        assert_eq!(w("2025-07").display_offset_in(kiri), "2025-07");
        assert_eq!(
            w("2016-12-31T23:59:60.5Z").display_offset_in(Zone::Utc),
            "2016-12-31 23:59:60.5Z"
        );
        assert_eq!(
            w("2016-12-31T23:59:60Z").display_in(ny),
            "2016-12-31 18:59:60"
        );
    }

    #[test]
    fn dates_begin_at_the_zones_midnight_and_times_do_not_move() {
        let ny = Zone::parse("America/New_York").unwrap();
        let day = w("2025-07-23");
        let evening = w("2025-07-22T21:30-04:00");
        // In UTC the day comes first (FORMAT.md); in New York the evening of the 22nd does.
        assert!(day.begins_in(Zone::Utc) < evening.begins_in(Zone::Utc));
        assert!(evening.begins_in(ny) < day.begins_in(ny));
        assert_eq!(evening.begins_in(ny), evening.begins());
        assert_eq!(day.begins_in(ny), (day.instant + 4 * 3600, 0));
        assert_eq!(w("2025").begins_in(ny), (w("2025").instant + 5 * 3600, 0));
    }
}
