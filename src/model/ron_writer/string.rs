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
        // `i` is on a character boundary: every step above moves over a whole character.
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
}
