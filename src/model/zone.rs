//! The time zone instants are shown in (`--tz`, and later the config's `[display] tz`):
//! `UTC`, `local`, or an IANA zone name; what a `when` reads as in it, and where its days begin.
//!
//! UTC is the default. FORMAT.md orders a `when` without a time of day by 00:00 UTC of its
//! first day, so only in UTC does every date in a column read in order without anything being
//! moved. In any other zone a date without a time of day names that day (month, year) *in the
//! zone*, as calendars treat all-day events, and it is ordered from the zone's midnight
//! ([`Zone::day_start`], [`crate::model::When::begins_in`]): so in every zone, the dates of a
//! column read in order.

use std::fmt;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveTime, Offset as _, TimeZone, Utc};
use chrono_tz::{OffsetName as _, Tz};

use super::suggest::did_you_mean;

/// A display time zone: UTC, or a zone of the IANA database (compiled in; no files read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zone {
    /// Coordinated Universal Time, the default.
    #[default]
    Utc,
    /// An IANA zone (`America/New_York`), whose offset depends on the date.
    Named(Tz),
}

/// Why a zone name was not accepted: the whole message, with a did-you-mean where one is near.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneError(pub String);

impl fmt::Display for ZoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ZoneError {}

impl Zone {
    /// Reads a zone as a user writes it: `UTC` (or `Z`, any case), `local` (the zone of this
    /// machine: `TZ`, else `/etc/localtime`), or an IANA name, matched exactly first and then
    /// ignoring case. The error names the value and suggests the nearest zone name.
    pub fn parse(s: &str) -> Result<Zone, ZoneError> {
        Zone::parse_with(s, local_name)
    }

    /// [`Zone::parse`], with the local zone's name (or why there is none) from `local`.
    pub fn parse_with(
        s: &str,
        local: impl FnOnce() -> Result<String, String>,
    ) -> Result<Zone, ZoneError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("z") {
            return Ok(Zone::Utc);
        }
        if t.eq_ignore_ascii_case("local") {
            let name = local().map_err(|why| {
                ZoneError(format!(
                    "`local`: cannot tell this machine's time zone ({why}); give a zone such as \
                     `Europe/Istanbul`, or `UTC`"
                ))
            })?;
            return Zone::named(&name).ok_or_else(|| {
                ZoneError(format!(
                    "`local`: this machine's time zone `{}` is not in the IANA database; give a \
                     zone such as `Europe/Istanbul`, or `UTC`",
                    name.escape_debug()
                ))
            });
        }
        if let Some(z) = Zone::named(t) {
            return Ok(z);
        }
        let near = names_near(t);
        if let [one] = near[..]
            && one.eq_ignore_ascii_case(t)
        {
            return Zone::named(one).ok_or_else(|| ZoneError(String::new()));
        }
        let hint = did_you_mean_zone(&near);
        Err(ZoneError(format!(
            "`{}` is not a time zone; {hint}give `UTC`, `local`, or an IANA zone such as \
             `Europe/Istanbul`",
            s.escape_debug()
        )))
    }

    fn named(name: &str) -> Option<Zone> {
        match name.parse::<Tz>() {
            Ok(
                Tz::UTC
                | Tz::Etc__UTC
                | Tz::Etc__UCT
                | Tz::Etc__Universal
                | Tz::Etc__Zulu
                | Tz::UCT
                | Tz::Universal
                | Tz::Zulu,
            ) => Some(Zone::Utc),
            Ok(tz) => Some(Zone::Named(tz)),
            Err(_) => None,
        }
    }

    /// The zone's name: `UTC`, or the IANA name (`America/New_York`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Zone::Utc => "UTC",
            Zone::Named(tz) => tz.name(),
        }
    }

    /// Whether this is UTC, where a day begins at 00:00 UTC as FORMAT.md orders them.
    #[must_use]
    pub fn is_utc(self) -> bool {
        self == Zone::Utc
    }

    /// The offset from UTC in force at `instant` (seconds since the Unix epoch), in seconds
    /// east of UTC, `-86_399..=86_399` (0 in UTC).
    #[must_use]
    pub fn offset_at(self, instant: i64) -> i32 {
        match (self, DateTime::from_timestamp(instant, 0)) {
            (Zone::Named(tz), Some(t)) => tz
                .offset_from_utc_datetime(&t.naive_utc())
                .fix()
                .local_minus_utc(),
            _ => 0,
        }
    }

    /// The zone's abbreviation at `instant`: `UTC`, `EDT`, `SST`, or the offset (`+03`, `+14`)
    /// where the database has no letters for it.
    #[must_use]
    pub fn abbreviation_at(self, instant: i64) -> String {
        match (self, DateTime::from_timestamp(instant, 0)) {
            (Zone::Named(tz), Some(t)) => {
                let o = tz.offset_from_utc_datetime(&t.naive_utc());
                o.abbreviation()
                    .map_or_else(|| offset_text(o.fix().local_minus_utc()), str::to_string)
            }
            _ => "UTC".to_string(),
        }
    }

    /// The instant (seconds since the Unix epoch) at which `date` begins in this zone: its
    /// midnight, or, where the clocks went forward over midnight, the first moment that exists.
    #[must_use]
    pub fn day_start(self, date: NaiveDate) -> i64 {
        let utc = date.and_time(NaiveTime::MIN).and_utc().timestamp();
        let Zone::Named(tz) = self else {
            return utc;
        };
        let local = date.and_time(NaiveTime::MIN);
        match tz.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t.timestamp(),
            // Midnight skipped (the clocks went forward over it): the day begins at the first
            // instant whose local date is `date`, found by halving a two-day window before the
            // instant midnight would have had with the offset of the day before.
            LocalResult::None => {
                let before = tz.offset_from_utc_datetime(&local).fix().local_minus_utc();
                let mut hi = utc - i64::from(before);
                let mut lo = hi - 2 * 86_400;
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if self.local(mid, 0).is_some_and(|t| t.date() >= date) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                hi
            }
        }
    }

    /// `instant` (seconds since the Unix epoch, and `nanos` after them as
    /// [`crate::model::When::nanos`] counts them) as a date and time of day in this zone, for
    /// formatting.
    #[must_use]
    pub fn local(self, instant: i64, nanos: u32) -> Option<chrono::NaiveDateTime> {
        let t = DateTime::<Utc>::from_timestamp(instant, nanos)?;
        Some(match self {
            Zone::Utc => t.naive_utc(),
            Zone::Named(tz) => t.with_timezone(&tz).naive_local(),
        })
    }
}

/// The IANA zone names a mistyped `t` probably means: those equal to it but for case; else
/// those whose last part is `t` with spaces as `_` (`New York`, `istanbul`); else the nearest by
/// spelling ([`did_you_mean`]). Empty when none is near. Shared by `--tz` and `import --tz`.
#[must_use]
pub fn names_near(t: &str) -> Vec<&'static str> {
    let names = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name());
    let folded: Vec<&str> = names
        .clone()
        .filter(|n| n.eq_ignore_ascii_case(t))
        .collect();
    if !folded.is_empty() {
        return folded;
    }
    let city = t.replace(' ', "_");
    let mut near: Vec<&str> = names
        .clone()
        .filter(|n| {
            n.rsplit('/')
                .next()
                .is_some_and(|c| c.eq_ignore_ascii_case(&city))
        })
        .collect();
    if near.is_empty() {
        near.extend(did_you_mean(t, names));
    }
    near
}

/// `did you mean `A`? ` (or `` `A` or `B` ``) for the names of [`names_near`], with a space
/// after it; empty for none.
#[must_use]
pub fn did_you_mean_zone(near: &[&str]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("did you mean `{one}`? "),
        many => format!("did you mean `{}`? ", many.join("` or `")),
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An offset in seconds east of UTC as `+03`, `-04`, `+05:30` (`Z` for 0).
#[must_use]
pub fn offset_text(secs: i32) -> String {
    if secs == 0 {
        return "Z".to_string();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    if m.is_multiple_of(60) {
        format!("{sign}{:02}", m / 60)
    } else {
        format!("{sign}{:02}:{:02}", m / 60, m % 60)
    }
}

/// An offset in seconds east of UTC as RFC 3339 writes it: `Z`, `+03:00`, `-04:00`.
#[must_use]
pub fn offset_rfc3339(secs: i32) -> String {
    if secs == 0 {
        return "Z".to_string();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let m = secs.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// This machine's zone name: `TZ` when it names a zone (`Europe/Istanbul`, `:Europe/Istanbul`),
/// else the target of the `/etc/localtime` link below a `zoneinfo` directory.
fn local_name() -> Result<String, String> {
    if let Ok(tz) = std::env::var("TZ") {
        let tz = tz.strip_prefix(':').unwrap_or(&tz).trim();
        if !tz.is_empty() {
            // `TZ=/usr/share/zoneinfo/Europe/Istanbul`
            return Ok(after_zoneinfo(tz).unwrap_or(tz).to_string());
        }
    }
    let link = std::fs::read_link("/etc/localtime")
        .map_err(|e| format!("TZ is not set and /etc/localtime is not a link: {e}"))?;
    let link = link.to_string_lossy();
    after_zoneinfo(&link)
        .map(str::to_string)
        .ok_or_else(|| format!("/etc/localtime links to {link}, not into a zoneinfo directory"))
}

fn after_zoneinfo(path: &str) -> Option<&str> {
    path.rsplit_once("zoneinfo/").map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_local() -> Result<String, String> {
        Err("none here".to_string())
    }

    #[test]
    fn utc_and_names_are_read() {
        assert_eq!(Zone::parse("UTC"), Ok(Zone::Utc));
        assert_eq!(Zone::parse("utc"), Ok(Zone::Utc));
        assert_eq!(Zone::parse("Etc/UTC"), Ok(Zone::Utc));
        assert_eq!(
            Zone::parse("America/New_York"),
            Ok(Zone::Named(Tz::America__New_York))
        );
        assert_eq!(
            Zone::parse("america/new_york"),
            Ok(Zone::Named(Tz::America__New_York))
        );
        assert_eq!(
            Zone::parse_with("local", || Ok("Pacific/Kiritimati".into())),
            Ok(Zone::Named(Tz::Pacific__Kiritimati))
        );
    }

    #[test]
    fn bad_names_say_what_is_accepted_and_suggest() {
        let e = Zone::parse("Europe/Istambul").unwrap_err().0;
        assert_eq!(
            e,
            "`Europe/Istambul` is not a time zone; did you mean `Europe/Istanbul`? give `UTC`, \
             `local`, or an IANA zone such as `Europe/Istanbul`"
        );
        let e = Zone::parse("New York").unwrap_err().0;
        assert!(e.contains("did you mean `America/New_York`?"), "{e}");
        let e = Zone::parse_with("local", no_local).unwrap_err().0;
        assert!(e.starts_with("`local`: cannot tell this machine's time zone (none here)"));
        let e = Zone::parse("\u{1b}[31m").unwrap_err().0;
        assert!(!e.contains('\u{1b}'), "{e}");
    }

    #[test]
    fn offsets_and_abbreviations_follow_the_date() {
        let ny = Zone::parse("America/New_York").unwrap();
        // 2025-07-23T01:30Z: summer time.
        assert_eq!(ny.offset_at(1_753_234_200), -4 * 3600);
        assert_eq!(ny.abbreviation_at(1_753_234_200), "EDT");
        // 2025-01-15T12:00Z: winter.
        assert_eq!(ny.offset_at(1_736_942_400), -5 * 3600);
        let k = Zone::parse("Pacific/Kiritimati").unwrap();
        assert_eq!(k.offset_at(1_753_234_200), 14 * 3600);
        assert_eq!(k.abbreviation_at(1_753_234_200), "+14");
        assert_eq!(Zone::Utc.abbreviation_at(0), "UTC");
        assert_eq!(offset_text(19_800), "+05:30");
        assert_eq!(offset_rfc3339(-4 * 3600), "-04:00");
    }

    #[test]
    fn days_begin_at_the_zones_midnight() {
        let d = NaiveDate::from_ymd_opt(2025, 7, 23).unwrap();
        assert_eq!(Zone::Utc.day_start(d), 1_753_228_800);
        let ny = Zone::parse("America/New_York").unwrap();
        assert_eq!(ny.day_start(d), 1_753_228_800 + 4 * 3600);
        let k = Zone::parse("Pacific/Kiritimati").unwrap();
        assert_eq!(k.day_start(d), 1_753_228_800 - 14 * 3600);
        // Kiritimati skipped 1994-12-31 entirely (from -10 to +14): the day that follows begins
        // at its own midnight, and a skipped midnight falls to the first instant after it.
        let skipped = NaiveDate::from_ymd_opt(1994, 12, 31).unwrap();
        let next = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap();
        assert_eq!(k.day_start(skipped), k.day_start(next));
        assert_eq!(k.day_start(next), 788_868_000); // 1994-12-31T10:00Z = 1995-01-01T00:00+14
    }
}
