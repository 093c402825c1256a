//! Reading a timeline written as JSON, the shape `export --format json` writes: `serde_json`
//! reads it into the model's records ([`super::from_json`]); then `load_in` validates it as a RON
//! file, so that `check` on an export reports its warnings at `FILE:LINE:COL` and
//! every command reads what `export` wrote.
//!
//! What this reader does not do that the RON reader does: go on after a syntax or shape error
//! (`serde_json` stops at the first, reported at its line and column), and place a problem in
//! a string written with escapes (reported at the start of the text).

use super::de::from_json_all;
use super::diag::Diagnostic;
use super::types::{Offset, Timeline};

/// Whether `text` is JSON rather than RON: past a byte-order mark and white space, it opens
/// with `{` followed by a string or `}` (`{"title": …`). A RON timeline opens with
/// `Timeline(`, `(`, a comment or `#![enable(…)]` (FORMAT.md "File"); `{` never opens one.
#[must_use]
pub fn looks_like(text: &str) -> bool {
    body(text)
        .trim_start()
        .strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
}

/// Reads a JSON timeline into the model's records, to be validated as a RON file's are (as
/// [`super::load_in`] does), with the problems found reading it that it read on past (each
/// malformed date, as an error). `Err` is the first syntax or shape error: `serde_json` reads
/// no further. Offsets are bytes into `text`.
pub fn read(text: &str) -> Result<(Timeline<'_>, Vec<Diagnostic>), Diagnostic> {
    from_json_all(text).map_err(|e| {
        let skipped = text.len() - body(text).len();
        let mut d = shape_error(body(text), &e);
        d.at = d.at.map(|at| at + skipped);
        d
    })
}

/// `text` past a UTF-8 byte-order mark, which JSON readers refuse and editors may write.
pub(super) fn body(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// `serde_json`'s error as a diagnostic at the byte it names (its line is 1-based, its column
/// a 1-based byte count), without the ` at line L column C` that the diagnostic's own
/// `FILE:LINE:COL` replaces. An unknown field is said as the RON reader says it
/// ([`UnknownField`]) and placed at its name's opening quote.
fn shape_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let message = match message.rsplit_once(" at line ") {
        Some((what, _)) if e.line() > 0 => what,
        _ => &message,
    };
    let unknown = UnknownField::read(message);
    let message = unknown
        .as_ref()
        .map_or_else(|| message.to_owned(), UnknownField::message);
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
    // serde_json stops after an unknown field's name: point at its opening quote, as at any
    // other value.
    if let Some(u) = &unknown
        && let Some(start) = text
            .get(..at + 1)
            .and_then(|before| before.rfind(&format!("\"{}\"", u.field)))
    {
        at = start;
    }
    Diagnostic::error(at, message)
}

/// serde's "unknown field `titel`, expected one of `id`, `when`, `title`, …", read apart.
struct UnknownField<'m> {
    /// The field as written.
    field: &'m str,
    /// The fields the record has.
    known: Vec<&'m str>,
}

impl<'m> UnknownField<'m> {
    /// The parts of `message`, when it is serde's unknown-field message.
    fn read(message: &'m str) -> Option<Self> {
        let rest = message.strip_prefix("unknown field `")?;
        let (field, rest) = rest.split_once('`')?;
        let known = rest.split('`').skip(1).step_by(2).collect();
        Some(UnknownField { field, known })
    }

    /// As the RON reader says it: "unknown field `titel`; did you mean `title`?", or with the
    /// fields the record has when none is close ([`super::suggest::did_you_mean`]).
    fn message(&self) -> String {
        let field = self.field;
        match super::suggest::did_you_mean(field, self.known.iter().copied()) {
            Some(near) => format!("unknown field `{field}`; did you mean `{near}`?"),
            None if self.known.is_empty() => {
                format!("unknown field `{field}`: this record has no fields")
            }
            None => format!(
                "unknown field `{field}`; the fields are {}",
                self.known.join(", ")
            ),
        }
    }
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
        assert!(looks_like("\u{feff}{\"title\": \"t\"}"));
        // JSON has no comments: a comment before `{` makes the text RON, which says so.
        let out = render(
            "x.json",
            "// a note\n{\"title\": \"T\"}",
            &load_str("// a note\n{\"title\": \"T\"}").unwrap_err(),
        );
        assert!(
            out.contains("x.json:2:1: error: expected `Timeline(`, found `{`: JSON is read as JSON only when `{` opens the file (JSON has no comments)"),
            "{out}"
        );
    }

    #[test]
    fn a_syntax_error_is_placed_at_its_line_and_column() {
        let text = "{\n  \"title\": \"T\",\n  \"sources\": [,]\n}\n";
        let diags = load_str(text).unwrap_err();
        assert_eq!(diags.len(), 1);
        let out = render("x.json", text, &diags);
        assert!(
            out.starts_with("x.json:3:15: error: expected value"),
            "{out}"
        );
    }

    #[test]
    fn a_misspelt_field_gets_a_suggestion_and_a_bad_date_does_not_stop_the_reading() {
        let text = "\u{feff}{\"titel\": \"T\"}";
        let out = render("x.json", text, &load_str(text).unwrap_err());
        assert!(
            out.starts_with("x.json:1:2: error: unknown field `titel`; did you mean `title`?"),
            "{out}"
        );
        // Two bad dates and an unknown speaker: all three reported, each where it stands.
        let text = r#"{"title": "T", "sources": [{"id": "s", "outlet": "S"}],
"participants": [{"id": "p", "name": "P", "kind": "Person"}],
"events": [
  {"id": "a", "when": "2025-13-45", "title": "A", "sources": ["s"]},
  {"id": "b", "when": "soon", "title": "B",
   "quotes": [{"speaker": "q", "text": "x", "source": "s"}]}
]}"#;
        let out = render("x.json", text, &load_str(text).unwrap_err());
        assert!(out.contains("x.json:4:23: error:"), "{out}");
        assert!(out.contains("x.json:5:23: error:"), "{out}");
        assert!(
            out.contains("x.json:6:27: error: unknown participant `q`"),
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
