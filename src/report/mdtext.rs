//! Untrusted text made inert in Markdown: the file's punctuation cannot build links, HTML,
//! headings or lists, and control and bidi characters show as visible escapes (`\x1b`), so the
//! brief is safe to render and safe to `cat` to a terminal.

use crate::model::escape::{escape_line, is_unsafe};

/// ASCII punctuation that Markdown renderers read as syntax inside a line.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&'];

fn push_escaped(out: &mut String, c: char) {
    if SPECIAL.contains(&c) {
        out.push('\\');
        out.push(c);
    } else if is_unsafe(c) {
        out.push_str(&escape_line(c.encode_utf8(&mut [0; 4])));
    } else {
        out.push(c);
    }
}

/// Text for inside a line (headings, list items): line breaks become one space, the ends are
/// trimmed, Markdown punctuation is backslash-escaped and controls are shown escaped.
#[must_use]
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut words = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|w| !w.is_empty());
    if let Some(first) = words.next() {
        first.chars().for_each(|c| push_escaped(&mut out, c));
        for w in words {
            out.push(' ');
            w.chars().for_each(|c| push_escaped(&mut out, c));
        }
    }
    out
}

/// Multi-line text as Markdown lines, each starting with `prefix` (`""` for a paragraph, `"> "`
/// for a blockquote) and ending in `\n`. Blank lines stay paragraph breaks; a line that would
/// start a heading, list, rule or code block is escaped so it stays text.
#[must_use]
pub fn block(s: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut gap = false;
    for line in s.split('\n').map(str::trim) {
        if line.is_empty() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push_str(prefix.trim_end());
            out.push('\n');
            gap = false;
        }
        out.push_str(prefix);
        out.push_str(&line_start_escaped(&inline(line)));
        out.push('\n');
    }
    out
}

/// Escapes what only means something at the start of a line, once `inline` has escaped the rest:
/// `-`, `+`, `=` (lists, rules, setext headings) and `1.` / `1)` (ordered lists).
fn line_start_escaped(line: &str) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markdown_and_controls() {
        assert_eq!(
            inline("  [click](javascript:x) <b>*bold*</b> a_b `c` &#27; | ~x~ #1  "),
            "\\[click\\](javascript:x) \\<b\\>\\*bold\\*\\</b\\> a\\_b \\`c\\` \\&\\#27; \\| \\~x\\~ \\#1"
        );
        assert_eq!(
            inline("esc\u{1b}]52;c;x\u{7} c1\u{9b} rlo\u{202e} tab\there"),
            "esc\\x1b\\]52;c;x\\x07 c1\\u{9b} rlo\\u{202e} tab\\there"
        );
        assert_eq!(inline("two\r\nlines\n\nand more"), "two lines and more");
        assert_eq!(inline("Türkiye’s — «quotes» 👍"), "Türkiye’s — «quotes» 👍");
    }

    #[test]
    fn block_keeps_paragraphs_and_neutralises_line_starts() {
        assert_eq!(
            block(
                "# Not a heading\n- not a list\n2025. not a list\n    not code\n\n\n=== x",
                ""
            ),
            "\\# Not a heading\n\\- not a list\n2025\\. not a list\nnot code\n\n\\=== x\n"
        );
        assert_eq!(
            block("first line\r\n\r\nsecond \u{1b}[2J", "> "),
            "> first line\n>\n> second \\x1b\\[2J\n"
        );
        assert_eq!(block("\n\n", "> "), "");
    }
}
