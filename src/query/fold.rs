//! Folding text for matching: lower case, Latin letters without their accents ("Türkiye" and
//! "turkiye" fold alike), and typographic apostrophes as straight ones ("country’s" and
//! "country's"), so names and words match however they were typed.

/// The base letter of an accented Latin (or Cyrillic ё/й) lower-case letter.
fn strip_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        'й' => 'и',
        // Typographic apostrophes and single quotes are typed as the straight one.
        '\u{2018}' | '\u{2019}' => '\'',
        // Combining diacritical marks vanish (checked by the caller).
        c => c,
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// The folded form of one character, computed the slow way.
fn fold_char(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    // Lower-casing can itself produce a combining mark ('İ' becomes "i\u{307}").
    out.extend(
        c.to_lowercase()
            .filter(|&l| !is_combining_mark(l))
            .map(strip_accent),
    );
}

/// Folded forms of U+0000–U+07FF (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic), looked up
/// instead of computed: most text is in these blocks. `NONE` marks a character that folds to
/// nothing (a combining mark), `MANY` one that folds to several characters.
const NONE: u32 = u32::MAX;
const MANY: u32 = u32::MAX - 1;

fn table() -> &'static [u32; 0x800] {
    static TABLE: std::sync::OnceLock<Box<[u32; 0x800]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Box::new([0u32; 0x800]);
        let mut buf = String::new();
        for (cp, slot) in t.iter_mut().enumerate() {
            buf.clear();
            if let Some(c) = char::from_u32(cp as u32) {
                fold_char(c, &mut buf);
            }
            let mut chars = buf.chars();
            *slot = match (chars.next(), chars.next()) {
                (None, _) => NONE,
                (Some(f), None) => f as u32,
                _ => MANY,
            };
        }
        t
    })
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    let table = table();
    for c in s.chars() {
        match table.get(c as usize).copied() {
            Some(NONE) => {}
            Some(MANY) | None => fold_char(c, out),
            Some(f) => out.push(char::from_u32(f).unwrap_or(c)),
        }
    }
}

/// The folded form of `s`.
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Characters above this fold to themselves (a test checks every one), so [`changes`] need not
/// look at them: Unicode has no case beyond the Supplementary Multilingual Plane.
const LAST_CHANGING: u32 = 0x1_FFFF;

/// Every character that does not fold to itself, with its folded form (empty for a combining
/// mark), in code point order: what searching raw text must account for. Made once (about 2 ms).
pub(crate) fn changes() -> &'static [(char, Box<str>)] {
    static CHANGES: std::sync::OnceLock<Vec<(char, Box<str>)>> = std::sync::OnceLock::new();
    CHANGES.get_or_init(|| {
        let mut out = Vec::new();
        let mut buf = String::new();
        for c in (0..=LAST_CHANGING).filter_map(char::from_u32) {
            buf.clear();
            fold_into(c.encode_utf8(&mut [0; 4]), &mut buf);
            if buf.chars().ne(std::iter::once(c)) {
                out.push((c, Box::from(buf.as_str())));
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("ERDOĞAN"), "erdogan");
        assert_eq!(fold("Zelenskyy"), "zelenskyy");
        assert_eq!(fold("Пёсков"), "песков");
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("ΑΘΗΝΑ 北京"), "αθηνα 北京");
    }

    #[test]
    fn changes_list_every_character_that_folds_to_something_else() {
        let listed: std::collections::HashMap<char, &str> =
            changes().iter().map(|(c, f)| (*c, &**f)).collect();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let folded = fold(c.encode_utf8(&mut [0; 4]));
            let expected = (folded.chars().ne(std::iter::once(c))).then_some(folded.as_str());
            assert_eq!(listed.get(&c).copied(), expected, "U+{:04X}", c as u32);
        }
        assert_eq!(listed.get(&'K'), Some(&"k"));
        assert_eq!(listed.get(&'\u{212A}'), Some(&"k"), "the Kelvin sign");
        assert_eq!(listed.get(&'\u{301}'), Some(&""));
        assert_eq!(listed.get(&'İ'), Some(&"i"));
    }

    #[test]
    fn the_table_agrees_with_the_slow_path() {
        for cp in 0..0x800u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "U+{cp:04X}");
        }
    }
}
