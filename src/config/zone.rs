//! The display time zone a config file names (`[display] tz`): UTC, the machine's own, or an
//! IANA zone. Only read and checked here; the code that shows times decides what it does.

use chrono_tz::Tz;

use crate::model::suggest::did_you_mean;

/// A time zone to show instants in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// `UTC` (any case; `Z` too).
    Utc,
    /// `local`: the machine's zone, as the C library knows it (`TZ`, `/etc/localtime`).
    Local,
    /// An IANA zone: `Europe/Kyiv`.
    Named(Tz),
}

impl Zone {
    /// Reads `UTC`, `local` or an IANA zone name (any case).
    ///
    /// # Errors
    ///
    /// What the text is not, with the nearest zone name if one is close.
    pub fn parse(text: &str) -> Result<Zone, String> {
        if text.eq_ignore_ascii_case("utc") || text.eq_ignore_ascii_case("z") {
            return Ok(Zone::Utc);
        }
        if text.eq_ignore_ascii_case("local") {
            return Ok(Zone::Local);
        }
        if let Ok(tz) = text.parse::<Tz>() {
            return Ok(Zone::Named(tz));
        }
        let names = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name());
        if let Some(tz) = chrono_tz::TZ_VARIANTS
            .iter()
            .find(|z| z.name().eq_ignore_ascii_case(text))
        {
            return Ok(Zone::Named(*tz));
        }
        let hint = match did_you_mean(text, names.chain(["UTC", "local"])) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => "; a zone is UTC, local, or an IANA name such as Europe/Kyiv".into(),
        };
        Err(format!("`{text}` is not a time zone{hint}"))
    }

    /// How a config file writes it: `UTC`, `local`, `Europe/Kyiv`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Zone::Utc => "UTC",
            Zone::Local => "local",
            Zone::Named(tz) => tz.name(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_local_and_iana_names_are_zones() {
        assert_eq!(Zone::parse("UTC"), Ok(Zone::Utc));
        assert_eq!(Zone::parse("utc"), Ok(Zone::Utc));
        assert_eq!(Zone::parse("Local"), Ok(Zone::Local));
        assert_eq!(
            Zone::parse("europe/kyiv"),
            Ok(Zone::Named(chrono_tz::Europe::Kyiv))
        );
        assert_eq!(
            Zone::parse("America/New_York").map(Zone::name),
            Ok("America/New_York")
        );
        assert_eq!(
            Zone::parse("Europe/Kyv"),
            Err("`Europe/Kyv` is not a time zone; did you mean `Europe/Kyiv`?".into())
        );
    }
}
