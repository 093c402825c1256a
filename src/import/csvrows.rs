//! The records of a CSV input, shared by the sheet and ACLED readers: the header, then each
//! record with its line, every malformed one reported and skipped so that all are found.

use super::{Builder, Note, Pos};

/// A column no field is read from, whose values are kept with each row's event as comments
/// (`NAME: value`), named once by a note on the header. Both CSV readers word it the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extra {
    /// The column's index in a record, 0-based.
    pub at: usize,
    /// What a row's comment calls it.
    pub name: String,
    /// The header's note about it.
    pub note: String,
}

impl Extra {
    /// A column without a name at `at`, in a file whose rows become `rows` (`slide`, `event`).
    #[must_use]
    pub fn unnamed(at: usize, rows: &str) -> Self {
        let n = at + 1;
        Extra {
            at,
            name: format!("column {n} (no name)"),
            note: format!("column {n} has no name; each row's value of it is kept with its {rows}"),
        }
    }

    /// A column named `name` again at `at`, while the one at `read` is read.
    #[must_use]
    pub fn repeated(name: &str, at: usize, read: usize, rows: &str) -> Self {
        let n = at + 1;
        Extra {
            at,
            name: format!("{name} (column {n})"),
            note: format!(
                "column `{name}` is repeated: column {} is read, and each row's value of column \
                 {n} is kept with its {rows}",
                read + 1
            ),
        }
    }

    /// A column `name` at `at` that the format does not have, as `unknown` says
    /// (`is not a TimelineJS column`).
    #[must_use]
    pub fn unknown(name: &str, at: usize, unknown: &str, rows: &str) -> Self {
        Extra {
            at,
            name: name.to_string(),
            note: format!(
                "column `{name}` {unknown}; each row's value of it is kept with its {rows}"
            ),
        }
    }
}

/// The comment keeping a row's `value` of an [`Extra`] column called `name` (`NAME: value`);
/// `None` for a value that is empty or only spaces.
#[must_use]
pub fn kept(name: &str, value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| format!("{name}: {value}"))
}

/// Reads the header of `text`, then calls `each` with every record that has any value and no
/// more fields than the header (fewer are read as empty), and its line. Malformed records are
/// reported in `b`; `Err` is a header that cannot be read.
pub fn each_record(
    text: &str,
    b: &mut Builder,
    mut each: impl FnMut(&mut Builder, &csv::StringRecord, Pos),
) -> Result<csv::StringRecord, Note> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| problem(&e))?.clone();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let n = problem(&e);
                b.problem(n.at, n.message);
                if e.is_io_error() {
                    break;
                }
                continue;
            }
        }
        let pos = Pos::line(record.position().map_or(0, |p| p.line() as usize));
        if record.len() > header.len() {
            b.problem(
                Some(pos),
                format!(
                    "{} fields, but the header names {}",
                    record.len(),
                    header.len()
                ),
            );
        } else if record.iter().any(|f| !f.trim().is_empty()) {
            each(b, &record, pos);
        }
    }
    Ok(header)
}

/// A quote that opens a field and is never closed: the `csv` crate reads the rest of the input
/// as that one field, without an error, so every row after it would be lost in silence. Where
/// the quote stands (1-based line, and column in characters), as a problem; `None` when every
/// quoted field is closed.
///
/// The quotes are counted first (a well-formed file has an even number of them); only an odd
/// count has the input read field by field, as the `csv` crate reads it (a quote is special
/// only at a field's start; `""` inside a quoted field is one quote).
pub fn unclosed_quote(text: &str) -> Option<Note> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Start,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let bytes = text.as_bytes();
    if memchr::memchr_iter(b'"', bytes).count().is_multiple_of(2) {
        return None;
    }
    let (mut state, mut opened) = (State::Start, 0);
    for (i, &b) in bytes.iter().enumerate() {
        state = match (state, b) {
            (State::Start, b'"') => {
                opened = i;
                State::Quoted
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            // Any byte in a quoted field, and `""`: still in it.
            (State::Quoted, _) | (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b',' | b'\n' | b'\r') => State::Start,
            _ => State::Plain,
        };
    }
    if state != State::Quoted {
        return None;
    }
    let before = &text[..opened];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    let col = before[line_start..].chars().count() + 1;
    Some(Note {
        at: Some(Pos {
            line,
            col: Some(col),
        }),
        message: "a quote opens a field here and is never closed: every line after it would \
                  be read as that one field"
            .to_string(),
    })
}

/// The header alone, to find the columns before the records are read.
pub fn header(text: &str) -> Result<csv::StringRecord, Note> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    Ok(reader.headers().map_err(|e| problem(&e))?.clone())
}

/// The line a CSV error is at.
fn position(e: &csv::Error) -> Pos {
    let line = match e.kind() {
        csv::ErrorKind::Utf8 { pos: Some(p), .. }
        | csv::ErrorKind::UnequalLengths { pos: Some(p), .. }
        | csv::ErrorKind::Deserialize { pos: Some(p), .. } => p.line() as usize,
        _ => 1,
    };
    Pos::line(line.max(1))
}

/// A CSV error's message without the position the csv crate adds.
fn message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text: {err}"),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the header names {expected_len}"),
        _ => e.to_string(),
    }
}

/// A CSV error as a problem.
pub(super) fn problem(e: &csv::Error) -> Note {
    Note {
        at: Some(position(e)),
        message: format!("not CSV: {}", message(e)),
    }
}
