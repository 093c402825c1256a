//! Dates as other formats give them (year, month, day and a time of day, each optional), made
//! into `when` values at exactly the precision given, and the `--tz` zone that places a time of
//! day given without a UTC offset.

use std::fmt::Write as _;

use chrono::{FixedOffset, LocalResult, NaiveDate, Offset as _, TimeZone};
use chrono_tz::Tz;

use crate::model::{Str, When};

/// Where times of day without an offset are placed: an IANA zone or a fixed UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// `Europe/Istanbul`: the offset depends on the date (summer time).
    Named(Tz),
    /// `-06:00`, `+0530`, `Z`.
    Fixed(FixedOffset),
}

impl Zone {
    /// Reads `--tz`: an IANA zone name, or an offset `Z`, `±HH`, `±HHMM` or `±HH:MM`. The error
    /// says what is accepted and suggests the nearest zone name.
    pub fn parse(s: &str) -> Result<Zone, String> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("z") {
            return Ok(Zone::Fixed(utc()));
        }
        if let Some(offset) = fixed_offset(t) {
            return Ok(Zone::Fixed(offset));
        }
        if let Ok(tz) = t.parse::<Tz>() {
            return Ok(Zone::Named(tz));
        }
        // `Istanbul` for `Europe/Istanbul` (and its alias `Asia/Istanbul`).
        let hint = crate::model::zone::did_you_mean_zone(&crate::model::zone::names_near(t));
        Err(format!(
            "--tz: `{s}` is not a time zone; {hint}give an IANA zone such as `Europe/Istanbul`, or \
             a UTC offset such as `+03:00` or `-06:00`"
        ))
    }

    /// The UTC offset (seconds east) in force at local time `local`, or why there is none
    /// (a time skipped when the clocks went forward). An ambiguous time (the clocks went
    /// back) takes the earlier instant.
    fn offset_at(self, local: chrono::NaiveDateTime) -> Result<i32, String> {
        match self {
            Zone::Fixed(o) => Ok(o.local_minus_utc()),
            Zone::Named(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => {
                    Ok(t.offset().fix().local_minus_utc())
                }
                LocalResult::None => Err(format!(
                    "{} does not exist in {} (the clocks went forward)",
                    local.format("%Y-%m-%d %H:%M"),
                    tz.name()
                )),
            },
        }
    }
}

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!("0 is a valid offset"))
}

/// `±HH`, `±HHMM`, `±HH:MM`, at most ±23:59.
fn fixed_offset(s: &str) -> Option<FixedOffset> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|&c| c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits.get(2..).map_or(Some(0), |m| m.parse().ok())?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// A date and time as given in parts; any part may be missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    /// The year; negative for years BC (as TimelineJS writes them).
    pub year: Option<i64>,
    /// 1 to 12.
    pub month: Option<i64>,
    /// 1 to 31.
    pub day: Option<i64>,
    /// 0 to 23.
    pub hour: Option<i64>,
    /// 0 to 59.
    pub minute: Option<i64>,
    /// 0 to 59.
    pub second: Option<i64>,
    /// 0 to 999.
    pub millisecond: Option<i64>,
}

/// Why parts make no `when`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The input is wrong (month 13, 30 February): an error.
    Bad(String),
    /// A real date the format cannot hold (a year BC, a year past 9999): kept as a comment.
    Unrepresentable(String),
}

/// A `when` made from parts, and whether a time of day was cut to the day for want of `zone`.
#[derive(Debug, Clone)]
pub struct Dated {
    /// The value, at the precision the parts give (a time of day to the day without a zone).
    pub when: When<'static>,
    /// True when a time of day was given and cut.
    pub cut: bool,
}

/// One part as TimelineJS reads it from text: spaces and thousands commas dropped
/// (`1,815`), empty meaning absent; a whole number, or an error naming the part.
pub fn part(name: &str, text: &str) -> Result<Option<i64>, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    if let Ok(n) = cleaned.parse::<i64>() {
        return Ok(Some(n));
    }
    match cleaned.parse::<f64>() {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "checked whole and in range"
        )]
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(Some(f as i64)),
        _ => Err(format!("`{name}` is `{text}`, not a whole number")),
    }
}

/// A time of day as the TimelineJS sheet's `Time` column takes it: `16:05`, `16:05:30`,
/// `16:05:30.250`, `4:05 PM`, `1605`, `16.05`.
pub fn time_of_day(text: &str) -> Result<Parts, String> {
    let bad = || format!("`{text}` is not a time of day: expected HH:MM, HH:MM:SS or h:MM AM/PM");
    let mut t = text.trim().to_ascii_lowercase();
    let mut period = None;
    for (suffix, p) in [
        ("a.m.", 'a'),
        ("p.m.", 'p'),
        ("am", 'a'),
        ("pm", 'p'),
        ("a", 'a'),
        ("p", 'p'),
    ] {
        if let Some(rest) = t.strip_suffix(suffix) {
            period = Some(p);
            t = rest.trim().to_string();
            break;
        }
    }
    let pieces: Vec<String> =
        if t.len() >= 3 && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            let (h, m) = t.split_at(t.len() - 2);
            vec![h.to_string(), m.to_string()]
        } else if t.contains(':') {
            t.split(':').map(str::to_string).collect()
        } else {
            t.split('.').map(str::to_string).collect()
        };
    if pieces.len() > 3 {
        return Err(bad());
    }
    let number = |s: &str| -> Result<i64, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 2 {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let mut hour = number(&pieces[0])?;
    match period {
        Some('p') if hour < 12 => hour += 12,
        Some('a') if hour == 12 => hour = 0,
        _ => {}
    }
    let mut parts = Parts {
        hour: Some(hour),
        ..Parts::default()
    };
    if let Some(m) = pieces.get(1) {
        parts.minute = Some(number(m)?);
    }
    if let Some(s) = pieces.get(2) {
        let (whole, frac) = match s.split_once(['.', ',']) {
            Some((w, f)) => (w, Some(f)),
            None => (s.as_str(), None),
        };
        parts.second = Some(number(whole)?);
        if let Some(f) = frac {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let ms: String = f.chars().chain("000".chars()).take(3).collect();
            parts.millisecond = Some(ms.parse().map_err(|_| bad())?);
        }
    }
    Ok(parts)
}

/// The `when` the parts name, at their precision: a year alone is a year, with a month a
/// month, with a day a day; with an hour, a time (minute, or second when seconds are given,
/// with milliseconds as a fraction) placed in `zone`, or cut to the day without one.
pub fn when(p: &Parts, zone: Option<Zone>) -> Result<Dated, DateError> {
    let bad = |m: String| Err(DateError::Bad(m));
    let Some(year) = p.year else {
        return bad("a date needs a year".to_string());
    };
    // A minute without an hour, say: no period is named by that.
    for (name, value, before, given) in [
        ("day", p.day, "month", p.month),
        ("hour", p.hour, "day", p.day),
        ("minute", p.minute, "hour", p.hour),
        ("second", p.second, "minute", p.minute),
        ("millisecond", p.millisecond, "second", p.second),
    ] {
        if value.is_some() && given.is_none() {
            return bad(format!("`{name}` is given without `{before}`"));
        }
    }
    for (name, value, range) in [
        ("month", p.month, 1..=12),
        ("day", p.day, 1..=31),
        ("hour", p.hour, 0..=23),
        ("minute", p.minute, 0..=59),
        ("second", p.second, 0..=59),
        ("millisecond", p.millisecond, 0..=999),
    ] {
        if let Some(v) = value
            && !range.contains(&v)
        {
            return bad(format!("there is no {name} {v}"));
        }
    }
    if !(0..=9999).contains(&year) {
        let what = if year < 0 {
            format!("the year {} BC", -year)
        } else {
            format!("the year {year}")
        };
        return Err(DateError::Unrepresentable(format!(
            "{what} cannot be written as a `when` (years 0000 to 9999 only)"
        )));
    }
    // In range: the conversions below cannot fail.
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    let (yy, mm, dd) = (
        i32::try_from(year).unwrap_or(0),
        small(p.month.unwrap_or(1)),
        small(p.day.unwrap_or(1)),
    );
    // Room for the longest form, `YYYY-MM-DDTHH:MM:SS.mmm+HH:MM`, so that it grows once.
    let mut raw = String::with_capacity(32);
    // By hand, not `write!`: formatting was a third of an ACLED row's date.
    push_digits(&mut raw, yy.unsigned_abs(), 4);
    if p.month.is_some() {
        raw.push('-');
        push_digits(&mut raw, mm, 2);
    }
    let Some(date) = NaiveDate::from_ymd_opt(yy, mm, dd) else {
        return bad(format!("{yy:04}-{mm:02} has no day {dd:02}"));
    };
    if p.day.is_some() {
        raw.push('-');
        push_digits(&mut raw, dd, 2);
    }
    let mut cut = false;
    if let Some(hour) = p.hour {
        match zone {
            None => cut = true,
            Some(zone) => {
                let (min, sec) = (p.minute.unwrap_or(0), p.second.unwrap_or(0));
                let local = date
                    .and_hms_opt(small(hour), small(min), small(sec))
                    .ok_or_else(|| DateError::Bad("not a time of day".to_string()))?;
                let offset = zone.offset_at(local).map_err(DateError::Bad)?;
                let _ = write!(raw, "T{hour:02}:{min:02}");
                if let Some(s) = p.second {
                    let _ = write!(raw, ":{s:02}");
                    if let Some(ms) = p.millisecond {
                        let _ = write!(raw, ".{ms:03}");
                    }
                }
                raw.push_str(&offset_text(offset));
            }
        }
    }
    match When::parse(Str::owned(raw), 0) {
        Ok(when) => Ok(Dated { when, cut }),
        Err(e) => Err(DateError::Bad(e.0)),
    }
}

/// `value` in `width` digits, zeros before (as `{value:0width$}` writes a value below
/// 10^`width`).
fn push_digits(raw: &mut String, value: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = value / 10u32.pow(k) % 10;
        raw.push(char::from(b'0' + digit as u8));
    }
}

/// `Z` or `±HH:MM`.
fn offset_text(seconds: i32) -> String {
    if seconds == 0 {
        return "Z".to_string();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn ymd(year: i64, month: Option<i64>, day: Option<i64>) -> Parts {
        Parts {
            year: Some(year),
            month,
            day,
            ..Parts::default()
        }
    }

    #[test]
    fn precision_is_what_the_parts_give() {
        let w = |p: Parts| when(&p, None).unwrap().when;
        assert_eq!(w(ymd(1815, None, None)).raw, "1815");
        assert_eq!(w(ymd(1815, None, None)).precision, Precision::Year);
        assert_eq!(w(ymd(1943, Some(7), None)).raw, "1943-07");
        assert_eq!(w(ymd(2025, Some(7), Some(23))).raw, "2025-07-23");
        assert_eq!(w(ymd(7, Some(1), Some(2))).raw, "0007-01-02");
    }

    #[test]
    fn digits_are_written_as_format_pads_them() {
        for v in 0..10_000 {
            let mut raw = String::new();
            push_digits(&mut raw, v, 4);
            assert_eq!(raw, format!("{v:04}"));
        }
    }

    #[test]
    fn a_time_is_placed_in_the_zone_or_cut() {
        let p = Parts {
            hour: Some(16),
            minute: Some(5),
            ..ymd(2025, Some(7), Some(23))
        };
        let cut = when(&p, None).unwrap();
        assert!(cut.cut);
        assert_eq!(cut.when.raw, "2025-07-23");
        let ist = Zone::parse("Europe/Istanbul").unwrap();
        assert_eq!(
            when(&p, Some(ist)).unwrap().when.raw,
            "2025-07-23T16:05+03:00"
        );
        let berlin = Zone::parse("Europe/Berlin").unwrap();
        let winter = Parts {
            month: Some(1),
            second: Some(7),
            millisecond: Some(250),
            ..p
        };
        assert_eq!(
            when(&winter, Some(berlin)).unwrap().when.raw,
            "2025-01-23T16:05:07.250+01:00"
        );
        let fixed = Zone::parse("-06:00").unwrap();
        assert_eq!(
            when(&p, Some(fixed)).unwrap().when.raw,
            "2025-07-23T16:05-06:00"
        );
        assert_eq!(
            when(&p, Some(Zone::parse("UTC").unwrap()))
                .unwrap()
                .when
                .raw,
            "2025-07-23T16:05Z"
        );
    }

    #[test]
    fn impossible_and_unrepresentable_dates() {
        assert_eq!(
            when(&ymd(2025, Some(13), None), None).unwrap_err(),
            DateError::Bad("there is no month 13".into())
        );
        assert_eq!(
            when(&ymd(2025, Some(2), Some(30)), None).unwrap_err(),
            DateError::Bad("2025-02 has no day 30".into())
        );
        assert!(matches!(
            when(&ymd(-500, None, None), None),
            Err(DateError::Unrepresentable(m)) if m.contains("500 BC")
        ));
        assert_eq!(
            when(&ymd(2025, None, Some(3)), None).unwrap_err(),
            DateError::Bad("`day` is given without `month`".into())
        );
    }

    #[test]
    fn zones_are_named_or_offsets_and_typos_get_a_suggestion() {
        assert!(Zone::parse("+0530").is_ok());
        assert!(Zone::parse("Z").is_ok());
        let e = Zone::parse("Europe/Istambul").unwrap_err();
        assert!(e.contains("did you mean `Europe/Istanbul`?"), "{e}");
        let e = Zone::parse("istanbul").unwrap_err();
        assert!(e.contains("`Europe/Istanbul`?"), "{e}");
        assert!(Zone::parse("+25:00").is_err());
    }

    #[test]
    fn sheet_times() {
        let t = |s| time_of_day(s).unwrap();
        assert_eq!((t("16:05").hour, t("16:05").minute), (Some(16), Some(5)));
        assert_eq!(t("4:05 PM").hour, Some(16));
        assert_eq!(t("12:00 am").hour, Some(0));
        assert_eq!(t("1605").minute, Some(5));
        assert_eq!(t("16:05:07.25").millisecond, Some(250));
        assert!(time_of_day("noon").is_err());
    }
}
