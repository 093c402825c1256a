//! Diagnostics: errors and warnings about a file, each at a byte offset, printed as `FILE:LINE:COL`.

use std::fmt::Write as _;

use super::escape::escape_line;
use super::types::Offset;

/// How bad a [`Diagnostic`] is. Ordered `Warning < Error`; [`render`] lists an error before a
/// warning at the same offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing, but the timeline still loads: [`super::load_str`] returns it in
    /// [`super::Loaded::warnings`].
    Warning,
    /// The file breaks a rule of FORMAT.md: any one of these makes [`super::load_str`] fail.
    Error,
}

/// One problem found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether it stops the load ([`Severity::Error`]) or is only reported.
    pub severity: Severity,
    /// Byte offset in the text the parser read (after any byte-order mark); `None` when the
    /// problem has no place (an empty file).
    pub at: Option<Offset>,
    /// What is wrong, as one line in plain words, without the position or the severity
    /// (which [`render`] adds); it may quote text from the file unescaped.
    pub message: String,
}

impl Diagnostic {
    /// An error at byte offset `at` of the text read.
    pub fn error(at: Offset, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            at: Some(at),
            message: message.into(),
        }
    }

    /// A warning at byte offset `at` of the text read.
    pub fn warning(at: Offset, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            at: Some(at),
            message: message.into(),
        }
    }

    /// True if its severity is [`Severity::Error`].
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Line and column (both 1-based, columns counted in characters) of byte offsets in one text.
///
/// Only every 256th line start is kept, and the lines in between are counted when asked:
/// a full table costs eight bytes a line (46 MB for a 240 MB file), this one a 256th of that.
pub struct LineIndex<'t> {
    text: &'t str,
    /// `marks[k]`: where line `k * STRIDE` (0-based) starts.
    marks: Vec<usize>,
}

const STRIDE: usize = 256;

impl<'t> LineIndex<'t> {
    /// Indexes `text` in one pass over its bytes, keeping the start of every 256th line.
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        let mut marks = vec![0];
        marks.extend(
            memchr::memchr_iter(b'\n', text.as_bytes())
                .skip(STRIDE - 1)
                .step_by(STRIDE)
                .map(|i| i + 1),
        );
        LineIndex { text, marks }
    }

    /// The `(line, column)` of byte offset `at`, both 1-based, the column counted in
    /// characters (`char`s, not graphemes or display cells). An offset past the end is taken as
    /// the end; one inside a multi-byte character counts as that character; a byte-order mark at
    /// the start of the text takes no column. Costs a scan of at most 256 lines.
    #[must_use]
    pub fn line_col(&self, at: Offset) -> (usize, usize) {
        let at = at.min(self.text.len());
        let bytes = self.text.as_bytes();
        let k = self.marks.partition_point(|&s| s <= at) - 1;
        let block = &bytes[self.marks[k]..at];
        let line = k * STRIDE + memchr::memchr_iter(b'\n', block).count();
        let mut start = self.marks[k] + memchr::memrchr(b'\n', block).map_or(0, |i| i + 1);
        // A byte-order mark is no column: editors do not show it.
        if line == 0 && self.text.starts_with('\u{feff}') {
            start = 3.min(at);
        }
        // An offset inside a multi-byte character counts as that character.
        let col = bytes[start..at]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        (line + 1, col + 1)
    }
}

/// Renders diagnostics one per line, `FILE:LINE:COL: error: message`, sorted by position.
/// File names and messages are escaped, so nothing from the file can drive the terminal.
#[must_use]
pub fn render(file: &str, text: &str, diags: &[Diagnostic]) -> String {
    if diags.is_empty() {
        // The line index costs a pass over the whole text (a tenth of `check` on 240 MB).
        return String::new();
    }
    let index = LineIndex::new(text);
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| (d.at.unwrap_or(0), std::cmp::Reverse(d.severity)));
    let file = escape_line(file);
    let mut out = String::new();
    for d in sorted {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = escape_line(&d.message);
        let _ = match d.at {
            Some(at) => {
                let (line, col) = index.line_col(at);
                writeln!(out, "{file}:{line}:{col}: {kind}: {message}")
            }
            None => writeln!(out, "{file}: {kind}: {message}"),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\n«é» x\r\nlast";
        let ix = LineIndex::new(text);
        assert_eq!(ix.line_col(0), (1, 1));
        assert_eq!(ix.line_col(3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(ix.line_col(x), (2, 5));
        assert_eq!(ix.line_col(text.find("last").unwrap()), (3, 1));
        assert_eq!(ix.line_col(text.len() + 10), (3, 5));
    }

    #[test]
    fn lines_beyond_the_kept_starts_are_counted() {
        // Lines of varying length, across several strides, some with multi-byte characters.
        let mut text = String::new();
        for i in 0..3 * STRIDE + 17 {
            text.push_str(&"é".repeat(i % 3));
            text.push_str(&"x".repeat(i % 11));
            text.push('\n');
        }
        let ix = LineIndex::new(&text);
        let (mut line, mut col) = (1, 1);
        for (at, c) in text.char_indices() {
            assert_eq!(ix.line_col(at), (line, col), "at byte {at}");
            if c == '\n' {
                (line, col) = (line + 1, 1);
            } else {
                col += 1;
            }
        }
        assert_eq!(ix.line_col(text.len()), (line, col));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}Timline(\nx";
        let ix = LineIndex::new(text);
        assert_eq!(ix.line_col(3), (1, 1));
        assert_eq!(ix.line_col(text.find('(').unwrap()), (1, 8));
        assert_eq!(ix.line_col(text.find('x').unwrap()), (2, 1));
    }

    #[test]
    fn render_sorts_and_escapes() {
        let text = "one\ntwo\n";
        let d = vec![
            Diagnostic::warning(4, "unused"),
            Diagnostic::error(0, "bad \u{1b}[2J id"),
        ];
        assert_eq!(
            render("f.ron", text, &d),
            "f.ron:1:1: error: bad \\x1b[2J id\nf.ron:2:1: warning: unused\n"
        );
    }
}
