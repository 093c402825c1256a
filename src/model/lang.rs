//! Language tags (`Source.language`, `lang` on quotes and claims): the shape FORMAT.md 1.1 asks.

/// Checks that `tag` has the shape FORMAT.md "Validation, added" rule 8 asks of a language tag:
/// a primary subtag of 2 or 3 ASCII letters (`en`, `ukr`), then any number of `-` subtags of 2
/// to 8 ASCII letters or digits (`zh-Hans`, `sr-Latn-RS`, `es-419`). This is the common shape of
/// BCP 47 (RFC 5646) tags, not a check against the IANA subtag registry: `xx-Zzzz` passes.
///
/// # Errors
///
/// A message saying what is wrong with the tag, for a diagnostic at its position.
pub fn check(tag: &str) -> Result<(), String> {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let bad_subtag = subtags
        .find(|s| !(2..=8).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if primary_ok && bad_subtag.is_none() {
        return Ok(());
    }
    let shown = crate::model::escape::escape_line(tag);
    let why = if tag.contains('_') {
        "its parts are joined by `-`, not `_`".to_string()
    } else if !primary_ok {
        "it must start with a language code of 2 or 3 letters".to_string()
    } else {
        let s = crate::model::escape::escape_line(bad_subtag.unwrap_or_default());
        format!("its part `{s}` is not 2 to 8 letters or digits")
    };
    Err(format!(
        "`{shown}` is not a language tag: {why}; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`"
    ))
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_the_shapes_format_1_1_names() {
        for tag in [
            "en",
            "ru",
            "ukr",
            "zh-Hans",
            "sr-Latn-RS",
            "es-419",
            "de-CH-1901",
            "EN",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
    }

    #[test]
    fn rejects_other_shapes_saying_why() {
        assert_eq!(
            check("english"),
            Err("`english` is not a language tag: it must start with a language code of 2 or 3 letters; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`".into())
        );
        assert_eq!(
            check("en-"),
            Err("`en-` is not a language tag: its part `` is not 2 to 8 letters or digits; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`".into())
        );
        assert_eq!(
            check("ru_RU"),
            Err("`ru_RU` is not a language tag: its parts are joined by `-`, not `_`; write a BCP 47 tag such as `en`, `ru` or `zh-Hans`".into())
        );
        for tag in [
            "",
            "e",
            "e1",
            "en_US",
            "zh-Hansxxxxx",
            "en-a",
            "en--US",
            "ru ",
            "1en",
        ] {
            assert!(check(tag).is_err(), "{tag:?} should be rejected");
        }
    }
}
