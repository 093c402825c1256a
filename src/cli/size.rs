//! Sizes as users type them for `--max-size`: plain bytes, or a number with K, M, G or T.

use std::fmt;

/// Why a size was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    NotASize(String),
    TooLarge(String),
}

impl fmt::Display for SizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SizeError::NotASize(s) => write!(
                f,
                "`{s}` is not a size; give bytes, or a number with K, M, G or T (e.g. 512M, 4G)"
            ),
            SizeError::TooLarge(s) => write!(f, "`{s}` is too large"),
        }
    }
}

/// Parses `4096`, `512K`, `512M`, `4G`, `1T` (powers of 1024; the letter in either case,
/// optionally followed by `B` or `iB`: `4GB`, `4GiB`).
pub fn parse_size(raw: &str) -> Result<u64, SizeError> {
    let s = raw.trim();
    let shown = || crate::model::escape::escape_line(raw).into_owned();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits_end);
    if number.is_empty() {
        return Err(SizeError::NotASize(shown()));
    }
    let unit = unit.trim_start();
    let unit = unit
        .strip_suffix("iB")
        .or_else(|| unit.strip_suffix(['B', 'b']))
        .unwrap_or(unit);
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return Err(SizeError::NotASize(shown())),
    };
    let n: u64 = number.parse().map_err(|_| SizeError::TooLarge(shown()))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| SizeError::TooLarge(shown()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_bytes_and_suffixes() {
        assert_eq!(parse_size("0"), Ok(0));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("4G"), Ok(4 << 30));
        assert_eq!(parse_size("4GB"), Ok(4 << 30));
        assert_eq!(parse_size("4GiB"), Ok(4 << 30));
        assert_eq!(parse_size(" 2 T "), Ok(2 << 40));
        assert_eq!(parse_size("100b"), Ok(100));
    }

    #[test]
    fn refuses_what_is_not_a_size() {
        for bad in ["", "G", "-1", "1.5G", "4X", "4 GG", "lots"] {
            assert!(
                matches!(parse_size(bad), Err(SizeError::NotASize(_))),
                "{bad:?}"
            );
        }
        assert_eq!(
            parse_size("4Q").unwrap_err().to_string(),
            "`4Q` is not a size; give bytes, or a number with K, M, G or T (e.g. 512M, 4G)"
        );
    }

    #[test]
    fn refuses_sizes_beyond_u64_and_escapes_what_it_echoes() {
        assert!(matches!(
            parse_size("99999999999999999999"),
            Err(SizeError::TooLarge(_))
        ));
        assert!(matches!(
            parse_size("16777216T"),
            Err(SizeError::TooLarge(_))
        ));
        assert_eq!(
            parse_size("1\u{1b}[2J").unwrap_err(),
            SizeError::NotASize("1\\x1b[2J".into())
        );
    }
}
