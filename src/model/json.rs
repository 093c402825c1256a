//! Reading a timeline written as JSON, the shape `export --format json` writes: `serde_json`
//! reads it into the model's records ([`super::from_json`]); then `load_in` validates it as a RON
//! file, so that `check` on an export reports its warnings at `FILE:LINE:COL` and
//! every command reads what `export` wrote.
//!
//! What this reader does not do that the RON reader does: go on after a syntax or shape error
//! (`serde_json` stops at the first, reported at its line and column), and place a problem in
//! a string written with escapes (reported at the start of the text).

use super::diag::Diagnostic;
use super::from_json;
use super::types::{Offset, Timeline};

/// Whether `text` is JSON rather than RON: past white space, it opens with `{` followed by a
/// string or `}` (`{"title": …`). A RON timeline opens with `Timeline(`, `(`, a comment or
/// `#![enable(…)]` (FORMAT.md "File"); `{` never opens one.
#[must_use]
pub fn looks_like(text: &str) -> bool {
    text.trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
}

/// Reads a JSON timeline into the model's records, to be validated as a RON file's are (as
/// [`super::load_in`] does). `Err` is the first syntax or shape error: `serde_json` reads no
/// further. Its offset is in bytes into `text`.
pub fn read(text: &str) -> Result<Timeline<'_>, Diagnostic> {
    from_json(text).map_err(|e| shape_error(text, &e))
}

/// `serde_json`'s error as a diagnostic at the byte it names (its line is 1-based, its column
/// a 1-based byte count), without the ` at line L column C` that the diagnostic's own
/// `FILE:LINE:COL` replaces.
fn shape_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((what, _)) if e.line() > 0 => what.to_owned(),
        _ => message,
    };
    let message = format!("in this JSON timeline: {message}");
    if e.line() == 0 {
        return Diagnostic {
            at: None,
            ..Diagnostic::error(0, message)
        };
    }
    let line_start: Offset = text
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum();
    let mut at = (line_start + e.column().saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    Diagnostic::error(at, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::diag::render;
    use crate::model::load_str;

    #[test]
    fn json_is_told_from_ron_by_its_opening() {
        assert!(looks_like("{\"title\": \"t\"}"));
        assert!(looks_like("\n  {\n  \"title\""));
        assert!(looks_like("{}"));
        assert!(!looks_like("Timeline(title: \"t\")"));
        assert!(!looks_like("(title: \"t\")"));
        assert!(!looks_like("{title: 1}"));
        assert!(!looks_like(""));
    }

    #[test]
    fn a_syntax_error_is_placed_at_its_line_and_column() {
        let text = "{\n  \"title\": \"T\",\n  \"sources\": [,]\n}\n";
        let diags = load_str(text).unwrap_err();
        assert_eq!(diags.len(), 1);
        let out = render("x.json", text, &diags);
        assert!(
            out.starts_with("x.json:3:15: error: in this JSON timeline: expected value"),
            "{out}"
        );
    }

    #[test]
    fn validation_problems_are_placed_at_their_ids_and_all_reported() {
        let text = r#"{"title": "T", "sources": [{"id": "s", "outlet": "S"}],
"participants": [{"id": "p", "name": "P", "kind": "Person"}],
"events": [
  {"id": "a", "when": "2025-01-02", "title": "A",
   "quotes": [{"speaker": "nobody", "text": "x", "source": "s"}]},
  {"id": "a", "when": "2025-01-03", "title": "B", "sources": ["gone"]}
]}"#;
        let diags = load_str(text).unwrap_err();
        let out = render("x.json", text, &diags);
        assert!(out.contains("x.json:5:27: error:"), "{out}");
        assert!(out.contains("`nobody`"), "{out}");
        assert!(out.contains("x.json:6:10: error:"), "{out}");
        assert!(out.contains("x.json:6:63: error:"), "{out}");
        assert!(out.contains("`gone`"), "{out}");
    }
}
