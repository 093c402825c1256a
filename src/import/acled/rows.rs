//! The first pass over an ACLED export: each record's fields trimmed and copied into one
//! buffer, its date read and its problems found. A large input is read on two threads, each
//! taking half of the records (the second half is kept only when the first reader ends a
//! record exactly where the second began, so that quoted line breaks cannot mislead it).

use std::thread;

use super::{FIELDS, Field};
use crate::import::dates;
use crate::import::{Note, Pos, csvrows};
use crate::model::{Str, When};

/// Inputs smaller than this are read on one thread: a second one costs more than it saves.
const SPLIT_AT: usize = 1 << 20;

/// Where each field's column is in a record.
pub(super) type Columns = [Option<usize>; FIELDS];

/// A record that made it through, in input order.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The record's line, as the `csv` crate counts it.
    pub line: usize,
    /// Where its fields start in [`Table::text`].
    base: usize,
    /// Where each field ends, from `base`. [`Field::Date`] holds the date as a `when` writes
    /// it (`2025-07-23`).
    ends: [u32; FIELDS],
    /// Its date, read and checked, without its text (an empty `raw`), so that no text is
    /// allocated for it before the event is made (in date order): see [`Table::when`].
    when: When<'static>,
    /// What the row declared (filled in by `events::declare`), kept with the row so that
    /// making its event in date order reads one place, not several.
    pub declared: Declared,
}

/// An id given instead of a row's own (taken by an earlier row), and the note that says so.
#[derive(Debug, Clone)]
pub(super) struct Renamed {
    pub id: String,
    pub note: String,
}

/// How many references a row holds in itself; more go to [`Table::refs`].
pub(super) const INLINE: usize = 8;

/// A row's event id when it is not the row's own (taken by an earlier row), its participants
/// and its sources.
#[derive(Debug, Clone, Default)]
pub(super) struct Declared {
    /// 1 + the index in [`Table::renamed`] of its id, or 0 for its own.
    pub renamed: u32,
    /// How many participants, then how many sources.
    pub people: u32,
    pub sources: u32,
    /// The indices of its participants then its sources, the first [`INLINE`] of them; the
    /// rest in [`Table::refs`] from `more`.
    pub inline: [u32; INLINE],
    pub more: usize,
}

impl Row {
    /// When its date begins: the order events are written in.
    pub fn begins(&self) -> (i64, u32) {
        self.when.begins()
    }
}

/// The records of an export, their fields in one buffer.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Every field of every row, trimmed, one after another.
    text: String,
    /// The rows that have no problem, in input order.
    pub rows: Vec<Row>,
    /// The references of rows with more than [`INLINE`].
    pub refs: Vec<u32>,
    /// Ids given instead of a row's own, with the note that says so.
    pub renamed: Vec<Renamed>,
    /// The problems found, in input order.
    pub problems: Vec<Note>,
}

impl Table {
    /// An empty table with room for the records of `text`: the fields are never longer than
    /// the text, and there is a record per line at most, so that neither grows (and is copied)
    /// while it is read.
    fn for_text(text: &str) -> Self {
        Table {
            text: String::with_capacity(text.len()),
            rows: Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1),
            ..Table::default()
        }
    }

    /// Field `f` of `row`.
    pub fn get(&self, row: &Row, f: Field) -> &str {
        field(&self.text, row, f)
    }

    /// The text of every row's fields apart from the rows, [`Table::refs`] and
    /// [`Table::renamed`]: so that those can be changed while the fields are borrowed.
    pub fn parts(&mut self) -> (&str, &mut [Row], &mut Vec<u32>, &mut Vec<Renamed>) {
        (
            &self.text,
            &mut self.rows,
            &mut self.refs,
            &mut self.renamed,
        )
    }

    /// The `when` of `row`, with its text.
    pub fn when(&self, row: &Row) -> When<'static> {
        When {
            raw: Str::Owned(self.get(row, Field::Date).to_string()),
            ..row.when.clone()
        }
    }

    /// Reads one record: its problems, or the row.
    fn record(&mut self, record: &csv::StringRecord, pos: Pos, cols: &Columns) {
        let field = |f: Field| {
            cols[f as usize]
                .and_then(|i| record.get(i))
                .map_or("", str::trim)
        };
        let at = Some(pos);
        if field(Field::Id).is_empty() {
            self.problem(at, "`event_id_cnty` is empty");
        }
        let when = when(field(Field::Date), field(Field::Precision));
        if let Err(m) = &when {
            self.problem(at, m.clone());
        }
        if field(Field::Actor1).is_empty() {
            self.problem(at, "`actor1` is empty");
        }
        let Ok(mut when) = when else { return };
        // Once there is a problem nothing is written: the rows are not needed.
        if !self.problems.is_empty() {
            return;
        }
        let base = self.text.len();
        let mut ends = [0; FIELDS];
        let raw = std::mem::replace(&mut when.raw, Str::Borrowed(""));
        for (i, end) in ends.iter_mut().enumerate() {
            match Field::ALL[i] {
                Field::Date => self.text.push_str(&raw),
                f => self.text.push_str(field(f)),
            }
            *end = u32::try_from(self.text.len() - base).unwrap_or(u32::MAX);
        }
        self.rows.push(Row {
            line: pos.line,
            base,
            ends,
            when,
            declared: Declared::default(),
        });
    }

    fn problem(&mut self, at: Option<Pos>, message: impl Into<String>) {
        self.problems.push(Note {
            at,
            message: message.into(),
        });
    }

    /// Appends `later`, read from further on in the same input, its lines already counted
    /// from the input's start.
    fn append(&mut self, mut later: Table) {
        // No row is kept after a problem.
        if !self.problems.is_empty() {
            later.rows.clear();
        }
        let shift = self.text.len();
        self.text.reserve_exact(later.text.len());
        self.text.push_str(&later.text);
        self.rows.extend(later.rows.into_iter().map(|mut r| {
            r.base += shift;
            r
        }));
        self.problems.extend(later.problems);
    }
}

/// Field `f` of `row`, its fields in `text`.
pub(super) fn field<'t>(text: &'t str, row: &Row, f: Field) -> &'t str {
    let i = f as usize;
    let start = if i == 0 { 0 } else { row.ends[i - 1] as usize };
    let end = row.ends[i] as usize;
    text.get(row.base + start..row.base + end).unwrap_or("")
}

/// `event_date` (with `time_precision`) as a `when`, or the problem with it.
fn when(raw: &str, precision: &str) -> Result<When<'static>, String> {
    let mut parts = super::date(raw)?;
    // Precision 3: ACLED knows only the month (and dates the event within it).
    if precision == "3" {
        parts.day = None;
    }
    match dates::when(&parts, None) {
        Ok(d) => Ok(d.when),
        Err(dates::DateError::Bad(m) | dates::DateError::Unrepresentable(m)) => {
            Err(format!("`event_date` `{raw}`: {m}"))
        }
    }
}

/// Reads every record of `text` after its header (`header_len` columns): the rows and every
/// problem, in input order.
pub(super) fn read(text: &str, header_len: usize, cols: &Columns) -> Table {
    read_from(
        text,
        header_len,
        cols,
        split(text).filter(|_| text.len() >= SPLIT_AT),
    )
}

/// [`read`], a second reader starting at byte `boundary` (which must be on a character
/// boundary) when there is one.
fn read_from(text: &str, header_len: usize, cols: &Columns, boundary: Option<usize>) -> Table {
    let mut rows = Table::for_text(&text[..boundary.unwrap_or(text.len())]);
    let mut first = reader(text, true);
    let Some(boundary) = boundary else {
        read_records(&mut first, header_len, cols, &mut rows, None);
        return rows;
    };
    thread::scope(|s| {
        let second = s.spawn(|| {
            let mut later = Table::for_text(&text[boundary..]);
            let mut reader = reader(&text[boundary..], false);
            read_records(&mut reader, header_len, cols, &mut later, None);
            later
        });
        let stopped = read_records(&mut first, header_len, cols, &mut rows, Some(boundary));
        let mut later = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if let Some(line) = stopped {
            // The second reader counted its lines from 1.
            for r in &mut later.rows {
                r.line += line - 1;
            }
            for at in later.problems.iter_mut().filter_map(|p| p.at.as_mut()) {
                at.line += line - 1;
            }
            rows.append(later);
        }
    });
    rows
}

/// Reads the records of `reader` into `rows`. With `stop`, the reading stops before a record
/// that starts at byte `stop` and returns its line; a reader that steps over `stop` (the
/// byte was inside a record) reads on to the end and returns `None`.
fn read_records(
    reader: &mut csv::Reader<&[u8]>,
    header_len: usize,
    cols: &Columns,
    rows: &mut Table,
    mut stop: Option<usize>,
) -> Option<usize> {
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => {
                rows.problems.push(csvrows::problem(&e));
                if e.is_io_error() {
                    return None;
                }
                continue;
            }
        }
        let (byte, line) = record
            .position()
            .map_or((0, 0), |p| (p.byte() as usize, p.line() as usize));
        if let Some(at) = stop
            && byte >= at
        {
            if byte == at {
                return Some(line);
            }
            stop = None;
        }
        let pos = Pos::line(line);
        if record.len() > header_len {
            rows.problem(
                Some(pos),
                format!(
                    "{} fields, but the header names {}",
                    record.len(),
                    header_len
                ),
            );
        } else if record.iter().any(|f| !f.trim().is_empty()) {
            rows.record(&record, pos, cols);
        }
    }
}

fn reader(text: &str, headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(headers)
        .from_reader(text.as_bytes())
}

/// Where a second reader could start: at the line break nearest the middle of `text` where
/// the `csv` crate would start a record (just after an `\n`; on the `\n` of a `\r\n`).
fn split(text: &str) -> Option<usize> {
    let half = text.len() / 2;
    let newline = half + memchr::memchr(b'\n', text.as_bytes().get(half..)?)?;
    if newline > 0 && text.as_bytes()[newline - 1] == b'\r' {
        Some(newline)
    } else {
        Some(newline + 1).filter(|&b| b < text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Builder;

    /// A row as the test compares it: its line, its fields and when it begins.
    type Seen = (usize, Vec<String>, (i64, u32));

    /// What a table holds, to compare two.
    fn summary(t: &Table) -> (Vec<Seen>, Vec<Note>) {
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let fields = Field::ALL.iter().map(|&f| t.get(r, f).to_string());
                (r.line, fields.collect(), r.begins())
            })
            .collect();
        (rows, t.problems.clone())
    }

    #[test]
    fn a_second_reader_anywhere_reads_what_one_reader_reads() {
        let header = "event_id_cnty,event_date,event_type,actor1,notes\r\n";
        let body = "A1,2025-07-23,Battles,X,\"two\r\nlines, \"\"quoted\"\"\"\r\n\
                    \r\n\
                    A2,23 July 2025,Riots,Y,plain\n\
                    A3,2025-07-24,Riots,Y,\"one\nmore\n\nline\"\n\
                    A4,2025-07-25,Riots,Y,z,extra\n\
                    A5,2025-07-26,Riots,Y,\"unterminated 5\" \"x\"\r\n\
                    \"\",2025-13-01,Riots,,é ü\n\
                    A7,2025-07-27,Riots,Z,last";
        for text in [format!("{header}{body}"), format!("{header}{body}\r\n")] {
            let mut b = Builder::default();
            let head = crate::import::csvrows::header(&text).unwrap();
            let cols = super::super::columns(&head, &mut b).unwrap();
            let want = summary(&read_from(&text, head.len(), &cols, None));
            // The rows before the first problem are kept; none after it.
            assert_eq!(want.0.len(), 3, "{want:?}");
            assert!(want.1.len() >= 3);
            for boundary in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let got = summary(&read_from(&text, head.len(), &cols, Some(boundary)));
                assert_eq!(got, want, "second reader at {boundary}");
            }
            // Without the bad rows, the rows themselves.
            let good: String = text
                .split_inclusive('\n')
                .filter(|l| !l.starts_with("\"\"") && !l.contains("extra"))
                .collect();
            let want = summary(&read_from(&good, head.len(), &cols, None));
            assert_eq!(want.0.len(), 5, "{want:?}");
            for boundary in (0..=good.len()).filter(|&i| good.is_char_boundary(i)) {
                let got = summary(&read_from(&good, head.len(), &cols, Some(boundary)));
                assert_eq!(got, want, "second reader at {boundary}");
            }
        }
    }
}
