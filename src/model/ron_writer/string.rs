//! String literals as RON writes them: each character escaped as `char::escape_debug` escapes
//! it (controls, DEL, C1 controls, unprintable and combining characters, quotes, backslashes),
//! runs of characters that need no escape copied whole.

/// Appends `s` as a double-quoted RON string to `out`.
pub(super) fn push_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    // `start..i` is a run of characters written as they are.
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Eight bytes at a time while none needs a look.
        if let Some(word) = bytes.get(i..i + 8)
            && let Ok(word) = <[u8; 8]>::try_from(word)
            && plain(u64::from_le_bytes(word))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            if (b' '..=b'~').contains(&b) && !matches!(b, b'"' | b'\'' | b'\\') {
                i += 1;
                continue;
            }
            out.extend_from_slice(&bytes[start..i]);
            push_escaped(out, char::from(b));
            i += 1;
            start = i;
            continue;
        }
        // `i` is on a character boundary: every step above moves over whole characters.
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.escape_debug().len() > 1 {
            out.extend_from_slice(&bytes[start..i]);
            push_escaped(out, c);
            start = i + len;
        }
        i += len;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether all eight bytes of `word` are printable ASCII other than `"`, `'` and `\`: the
/// bytes written as they are. (The bit tricks of "Bit Twiddling Hacks", `haszero` and
/// `hasless`: exact as a yes or no for the whole word.)
fn plain(word: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let is = |b: u8| has_zero(word ^ (ONES * u64::from(b)));
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let not_ascii = word & HIGH;
    control | not_ascii | is(0x7f) | is(b'"') | is(b'\'') | is(b'\\') == 0
}

/// Appends `c` as a single-quoted RON character, escaped as a string's characters are.
pub(super) fn push_char(out: &mut Vec<u8>, c: char) {
    out.push(b'\'');
    push_escaped(out, c);
    out.push(b'\'');
}

fn push_escaped(out: &mut Vec<u8>, c: char) {
    let mut buf = [0; 4];
    for e in c.escape_debug() {
        out.extend_from_slice(e.encode_utf8(&mut buf).as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_text_is_copied_and_the_rest_escaped() {
        assert_eq!(lit(""), "\"\"");
        assert_eq!(lit("Istanbul talks"), "\"Istanbul talks\"");
        assert_eq!(
            lit("a\"b'c\\d\n\t\r\0\u{1b}[2J\u{7f}\u{85}"),
            "\"a\\\"b\\'c\\\\d\\n\\t\\r\\0\\u{1b}[2J\\u{7f}\\u{85}\""
        );
        assert_eq!(lit("Зеленский 🇺🇦"), "\"Зеленский 🇺🇦\"");
        assert_eq!(lit("e\u{301}\u{2028}"), "\"e\\u{301}\\u{2028}\"");
    }

    #[test]
    fn a_word_is_plain_only_when_each_of_its_bytes_is() {
        let byte_plain = |b: u8| (b' '..=b'~').contains(&b) && !matches!(b, b'"' | b'\'' | b'\\');
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = b;
                assert_eq!(
                    plain(u64::from_le_bytes(word)),
                    byte_plain(b),
                    "{b:#x} at {at}"
                );
            }
        }
    }
}
