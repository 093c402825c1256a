//! Makes untrusted text inert for a terminal: control characters become visible escapes.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters that change how a terminal or a bidirectional renderer treats what follows:
/// C0 and C1 controls, DEL, the Unicode bidi embedding, override and isolate marks, and the
/// line and paragraph separators (not controls, but some terminals and editors break lines at
/// them, so one could make a single line of output look like two).
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn push_escape(out: &mut String, c: char) {
    let _ = match c {
        '\n' => write!(out, "\\n"),
        '\t' => write!(out, "\\t"),
        '\r' => write!(out, "\\r"),
        c if (c as u32) < 0x80 => write!(out, "\\x{:02x}", c as u32),
        c => write!(out, "\\u{{{:x}}}", c as u32),
    };
}

fn escape_where(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !keep(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For one-line output: every unsafe character, newlines and tabs included, is escaped
/// (`\x1b`, `\n`, `\u{202e}`).
#[must_use]
pub fn escape_line(s: &str) -> Cow<'_, str> {
    escape_where(s, |_| false)
}

/// For multi-line output: like [`escape_line`], but newlines and tabs stay as they are.
#[must_use]
pub fn escape_block(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c == '\n' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_visibly() {
        assert_eq!(escape_line("a\u{1b}]52;c;x\u{7}b"), "a\\x1b]52;c;x\\x07b");
        assert_eq!(escape_line("c1\u{9b}2J"), "c1\\u{9b}2J");
        assert_eq!(escape_line("rlo\u{202e}x"), "rlo\\u{202e}x");
        assert_eq!(escape_line("nul\0"), "nul\\x00");
        assert_eq!(escape_line("two\nlines\t"), "two\\nlines\\t");
        assert_eq!(escape_block("two\nlines\t\u{1b}"), "two\nlines\t\\x1b");
    }

    #[test]
    fn line_and_paragraph_separators_are_escaped_even_in_blocks() {
        assert_eq!(escape_line("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(escape_block("a\u{2028}b\nc"), "a\\u{2028}b\nc");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            escape_line("Türkiye — 土耳其 👍"),
            Cow::Borrowed(_)
        ));
    }
}
