//! The first pass over an ACLED export: where each record's fields are, its date read and its
//! problems found. A field is kept as a place in the input when it stands there as the `csv`
//! crate read it (nearly all of them: no copy, no fresh memory to touch); one the crate had to
//! unescape (`""` in quotes) is copied into a buffer of the table's own. A large input is read
//! on two threads, each taking half of the records (the second half is kept only when the first
//! reader ends a record exactly where the second began, so that quoted line breaks cannot
//! mislead it).

use std::borrow::Cow;
use std::thread;

use super::declare::Local;
use super::{FIELDS, Field, KEPT};
use crate::import::dates;
use crate::import::{Note, Pos, csvrows};
use crate::model::{Precision, Str, When};

/// Inputs smaller than this are read on one thread: a second one costs more than it saves.
const SPLIT_AT: usize = 1 << 20;

/// Where the columns are in a record.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    /// Per field, its column.
    pub at: [Option<usize>; FIELDS],
    /// Columns no field is read from (unknown, without a name, or a repeated one), each with
    /// what a row's comment calls it: their values are kept with each row's event.
    pub extra: Vec<(usize, String)>,
}

/// A record that made it through, in input order.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The record's line, as the `csv` crate counts it.
    pub line: usize,
    /// Where the record starts in the input.
    base: usize,
    /// Where its copied fields start in its part's [`Part::copied`].
    copied: usize,
    /// Where each field an event is made from is, trimmed, from `base` in the input (from
    /// `copied` in [`Part::copied`] when its bit in `in_copied` is set). [`Field::Date`] is the
    /// date as a `when` writes it (`2025-07-23`).
    spans: [Span; KEPT],
    /// One bit per field: whether it is in [`Part::copied`].
    in_copied: u16,
    /// Its date, read and checked: a `when` without its text and place (see [`Row::when`]).
    precision: Precision,
    nanos: u32,
    offset: Option<i32>,
    instant: i64,
    /// What the row declared (filled in as it is read, and by `declare::rename`), kept with
    /// the row so that making its event in date order reads one place, not several.
    pub declared: Declared,
}

/// An id given instead of a row's own (taken by an earlier row), and the note that says so.
#[derive(Debug, Clone)]
pub(super) struct Renamed {
    pub id: String,
    pub note: String,
}

/// How many references a row holds in itself; more go to [`Part::refs`].
pub(super) const INLINE: usize = 8;

/// A row's event id when it is not the row's own (taken by an earlier row), its participants
/// and its sources (places in the lists of the reader that read it: see [`Part`]).
#[derive(Debug, Clone, Default)]
pub(super) struct Declared {
    /// 1 + the index in [`Table::renamed`] of its id, or 0 for its own.
    pub renamed: u32,
    /// How many participants, then how many sources.
    pub people: u32,
    pub sources: u32,
    /// The indices of its participants then its sources, the first [`INLINE`] of them; the
    /// rest in [`Part::refs`] from `more`.
    pub inline: [u32; INLINE],
    pub more: usize,
}

impl Row {
    /// Its `when`, without its text (field [`Field::Date`]).
    pub fn when(&self) -> When<'static> {
        When {
            raw: Str::borrowed(""),
            at: 0,
            precision: self.precision,
            instant: self.instant,
            nanos: self.nanos,
            offset: self.offset,
        }
    }

    /// When its date begins: the order events are written in.
    pub fn begins(&self) -> (i64, u32) {
        (self.instant, self.nanos)
    }
}

/// Where a field's text is: `start..end`, from its row's `base` or `copied`.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    end: u32,
}

/// The rows one reader read (a stretch of the input's records), and what they declared.
#[derive(Debug, Default)]
pub(super) struct Part<'a> {
    /// The index of its first row among the table's.
    pub from: usize,
    /// Its rows, in input order.
    pub rows: Vec<Row>,
    /// The fields that do not stand in the input as they were read (unescaped, or a date
    /// rewritten), one after another.
    copied: String,
    /// The references of rows with more than [`INLINE`].
    pub refs: Vec<u32>,
    /// What the rows declared, in the reader's lists.
    pub local: Local<'a>,
    /// The builder's participant and source for each of `local`'s (see `declare::declare`).
    pub people: Vec<u32>,
    pub sources: Vec<u32>,
    /// The values of the columns no field is read from ([`Columns::extra`]), as comments
    /// (`name: value`), each with its row's index in `rows`.
    pub extras: Vec<(usize, String)>,
}

impl Part<'_> {
    /// Field `f` of `row` (one of this part's rows), in `input` or in the part's copies.
    pub fn field<'t>(&'t self, input: &'t str, row: &Row, f: Field) -> &'t str {
        let i = f as usize;
        let Some(&Span { start, end }) = row.spans.get(i) else {
            return "";
        };
        let (text, base) = if row.in_copied & (1 << i) == 0 {
            (input, row.base)
        } else {
            (self.copied.as_str(), row.copied)
        };
        text.get(base + start as usize..base + end as usize)
            .unwrap_or("")
    }

    /// The builder's participant for the reader's participant `local`.
    pub fn person(&self, local: u32) -> u32 {
        self.people.get(local as usize).copied().unwrap_or(local)
    }

    /// The builder's source for the reader's source `local`.
    pub fn source(&self, local: u32) -> u32 {
        self.sources.get(local as usize).copied().unwrap_or(local)
    }

    /// The references of `row` (one of this part's rows): its participants, then its sources.
    pub fn refs<'p>(&'p self, row: &'p Row) -> &'p [u32] {
        let d = &row.declared;
        let n = (d.people + d.sources) as usize;
        if n <= INLINE {
            &d.inline[..n]
        } else {
            self.refs.get(d.more..d.more + n).unwrap_or_default()
        }
    }
}

/// The records of an export, read in one part per reader.
#[derive(Debug, Default)]
pub(super) struct Table<'a> {
    /// The input the rows' fields are read from.
    input: &'a str,
    /// Each reader's rows, in input order.
    pub parts: Vec<Part<'a>>,
    /// Ids given instead of a row's own, with the note that says so.
    pub renamed: Vec<Renamed>,
    /// The problems found, in input order.
    pub problems: Vec<Note>,
}

impl<'a> Table<'a> {
    /// An empty table for the records of `input`, with room for a record per line of
    /// `input[lines]` (there is at most one), so that the rows do not grow (and are copied)
    /// while they are read.
    fn for_text(input: &'a str, lines: &str) -> Self {
        let rows = memchr::memchr_iter(b'\n', lines.as_bytes()).count() + 1;
        Table {
            input,
            parts: vec![Part {
                rows: Vec::with_capacity(rows),
                local: Local::with_rows(rows),
                ..Part::default()
            }],
            ..Table::default()
        }
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.parts.iter().map(|p| p.rows.len()).sum()
    }

    /// Every row, in input order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.parts.iter().flat_map(|p| &p.rows)
    }

    /// Row `i` (of [`Table::rows`]), and the part it is in.
    pub fn row(&self, i: usize) -> Option<(&Part<'a>, &Row)> {
        let k = self.parts.partition_point(|p| p.from <= i);
        let part = self.parts.get(k.checked_sub(1)?)?;
        Some((part, part.rows.get(i - part.from)?))
    }

    /// The input.
    pub fn input(&self) -> &'a str {
        self.input
    }

    /// Reads a byte of every cache line of the rows `rows` and of their records in the input,
    /// one row after another with nothing in between, and returns a value made of them (to be
    /// passed to [`std::hint::black_box`], so that the reads are made).
    ///
    /// The events are made in date order, which is no order in the input: each row, and its
    /// record, is read from memory, and making an event waits for them. Read here, a handful
    /// of rows at a time, the reads of several rows are under way at once (the processor does
    /// not wait for one to start the next), and the rows are in the cache when their events
    /// are made. (What a prefetch instruction would do, which safe Rust cannot issue.)
    pub fn touch(&self, rows: &[usize]) -> u64 {
        const LINE: usize = 64;
        let bytes = self.input.as_bytes();
        let mut seen = 0u64;
        for &i in rows {
            let Some((_, row)) = self.row(i) else {
                continue;
            };
            let end = row.spans.iter().map(|s| s.end as usize).max().unwrap_or(0);
            for at in (row.base..row.base + end).step_by(LINE) {
                seen = seen.wrapping_add(u64::from(bytes.get(at).copied().unwrap_or(0)));
            }
            // The row itself, a field of each of its lines.
            let d = &row.declared;
            for x in [row.line, row.copied, d.more] {
                seen = seen.wrapping_add(x as u64);
            }
            seen = seen.wrapping_add(row.instant.cast_unsigned());
            seen = seen.wrapping_add(u64::from(d.renamed ^ d.people ^ d.inline[INLINE - 1]));
        }
        seen
    }

    /// Reads one record, which starts at byte `base` of the input and whose fields
    /// [`locate`] found there (`located`): its problems, or the row (in the last part).
    fn record(
        &mut self,
        record: &csv::ByteRecord,
        located: &[Option<&'a str>],
        base: usize,
        pos: Pos,
        cols: &Columns,
    ) {
        // Each field, trimmed: a slice of the input, or (where the input does not hold it as
        // read) the record's own bytes. Those are UTF-8, since the input is and the `csv` crate
        // only takes ASCII bytes out of it (delimiters, quotes, line breaks); were they not, the
        // record would be reported, not mended.
        let mut not_text = false;
        let fields: [Cow<'a, str>; FIELDS] = Field::ALL.map(|f| match cols.at[f as usize] {
            None => Cow::Borrowed(""),
            Some(c) => match located.get(c).copied().flatten() {
                Some(text) => Cow::Borrowed(trim(text)),
                None => {
                    if let Ok(text) = std::str::from_utf8(record.get(c).unwrap_or_default()) {
                        Cow::Owned(text.trim().to_string())
                    } else {
                        not_text = true;
                        Cow::Borrowed("")
                    }
                }
            },
        });
        let at = Some(pos);
        if not_text {
            self.problem(at, "not CSV: not UTF-8 text");
            return;
        }
        let field = |f: Field| -> &str { &fields[f as usize] };
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
        let Ok(when) = when else { return };
        // Once there is a problem nothing is written: the rows are not needed.
        if !self.problems.is_empty() {
            return;
        }
        let Some(part) = self.parts.last_mut() else {
            return;
        };
        let raw: &str = &when.raw;
        let mut row = Row {
            line: pos.line,
            base,
            copied: part.copied.len(),
            spans: [Span::default(); KEPT],
            in_copied: 0,
            precision: when.precision,
            nanos: when.nanos,
            offset: when.offset,
            instant: when.instant,
            declared: Declared::default(),
        };
        for (i, field) in fields.iter().enumerate().take(KEPT) {
            let text: &str = match Field::ALL[i] {
                Field::Date if raw != &**field => raw,
                _ => field,
            };
            let start = within(self.input, text).and_then(|o| o.checked_sub(base));
            if let Some(span) = start.and_then(|start| Span::at(start, text.len())) {
                row.spans[i] = span;
                continue;
            }
            let Some(span) = Span::at(part.copied.len() - row.copied, text.len()) else {
                self.problems.push(Note {
                    at,
                    message: "a record of 4 GiB or more".to_string(),
                });
                return;
            };
            row.spans[i] = span;
            row.in_copied |= 1 << i;
            part.copied.push_str(text);
        }
        part.local.row(&fields, &mut row.declared, &mut part.refs);
        for (c, name) in &cols.extra {
            let value = record.get(*c).map(String::from_utf8_lossy);
            if let Some(comment) = value.and_then(|v| csvrows::kept(name, &v)) {
                part.extras.push((part.rows.len(), comment));
            }
        }
        part.rows.push(row);
    }

    fn problem(&mut self, at: Option<Pos>, message: impl Into<String>) {
        self.problems.push(Note {
            at,
            message: message.into(),
        });
    }

    /// Adds the part `later` read, from further on in the same input, its lines already
    /// counted from the input's start.
    fn append(&mut self, later: Table<'a>) {
        let from = self.len();
        // No row is kept after a problem.
        if self.problems.is_empty() {
            self.parts.extend(later.parts.into_iter().map(|mut p| {
                p.from = from;
                p
            }));
        }
        self.problems.extend(later.problems);
    }
}

impl Span {
    /// `len` bytes from `start`; `None` past 4 GiB.
    fn at(start: usize, len: usize) -> Option<Self> {
        let start = u32::try_from(start).ok()?;
        let end = start.checked_add(u32::try_from(len).ok()?)?;
        Some(Span { start, end })
    }
}

/// Where `part`, a slice of `whole`, starts in it; `None` for another string.
pub(super) fn within(whole: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (at + part.len() <= whole.len()).then_some(at)
}

/// Each field of `record` (which starts at byte `start` of `input`) that is `wanted` (by its
/// column) as a slice of `input`, when it stands there as read: as it is, or in quotes with
/// nothing escaped. `None` for a field that does not (and, its end being unknown, for every
/// field after it), and for the fields not wanted. Each slice is compared with what the `csv`
/// crate read, so that it is that field's text whatever the input holds; the fields not
/// wanted are only stepped over, as if they held nothing escaped (were that wrong, the wanted
/// fields after them would not compare equal, and be copied).
fn locate<'a>(
    input: &'a str,
    start: usize,
    record: &csv::ByteRecord,
    wanted: &[bool],
    located: &mut Vec<Option<&'a str>>,
) {
    let bytes = input.as_bytes();
    // A field ends at a delimiter, a line break or the end of the input.
    let ends = |at: usize| {
        bytes
            .get(at)
            .is_none_or(|b| matches!(b, b',' | b'\n' | b'\r'))
    };
    let mut at = Some(start);
    located.clear();
    located.extend(record.iter().zip(wanted).map(|(field, &wanted)| {
        let o = at?;
        let len = field.len();
        let quoted = bytes.get(o) == Some(&b'"');
        if !wanted {
            at = Some(o + len + if quoted { 3 } else { 1 });
            return None;
        }
        let from = if !quoted && bytes.get(o..o + len) == Some(field) && ends(o + len) {
            o
        } else if quoted
            && bytes.get(o + 1..o + 1 + len) == Some(field)
            && bytes.get(o + 1 + len) == Some(&b'"')
            && ends(o + 2 + len)
        {
            o + 1
        } else {
            at = None;
            return None;
        };
        at = Some(from + len + if quoted { 2 } else { 1 });
        input.get(from..from + len)
    }));
}

/// `text` without the whitespace around it, as `str::trim` gives it; at once when it begins
/// and ends with a printable ASCII character, as nearly every field does.
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// `event_date` (with `time_precision`) as a `when`, or the problem with it. A date written
/// as a `when` writes it (`2025-07-23`, as ACLED's newer exports do) is read as such, its
/// text a part of `raw`; any other goes the way of every importer's dates
/// ([`dates::when`]), which says what is wrong with one.
fn when<'r>(raw: &'r str, precision: &str) -> Result<When<'r>, String> {
    // Precision 3: ACLED knows only the month (and dates the event within it).
    let month = precision == "3";
    let b = raw.as_bytes();
    let iso = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        // Years 1000 to 9999, as `date` takes them; a month and a day in their ranges.
        && b[0] != b'0'
        && (b"01"..=b"12").contains(&&[b[5], b[6]])
        && (month || (b"01"..=b"31").contains(&&[b[8], b[9]]));
    if iso {
        let text = if month { &raw[..7] } else { raw };
        if let Ok(when) = When::parse(Str::borrowed(text), 0) {
            return Ok(when);
        }
    }
    let mut parts = super::date(raw)?;
    if month {
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
pub(super) fn read<'a>(text: &'a str, header_len: usize, cols: &Columns) -> Table<'a> {
    read_from(
        text,
        header_len,
        cols,
        split(text).filter(|_| text.len() >= SPLIT_AT),
    )
}

/// [`read`], a second reader starting at byte `boundary` (which must be on a character
/// boundary) when there is one.
fn read_from<'a>(
    text: &'a str,
    header_len: usize,
    cols: &Columns,
    boundary: Option<usize>,
) -> Table<'a> {
    let mut rows = Table::for_text(text, &text[..boundary.unwrap_or(text.len())]);
    let mut first = reader(text, true);
    let Some(boundary) = boundary else {
        read_records(&mut first, 0, header_len, cols, &mut rows, None);
        return rows;
    };
    thread::scope(|s| {
        let second = s.spawn(|| {
            let mut later = Table::for_text(text, &text[boundary..]);
            let mut reader = reader(&text[boundary..], false);
            read_records(&mut reader, boundary, header_len, cols, &mut later, None);
            later
        });
        let stopped = read_records(&mut first, 0, header_len, cols, &mut rows, Some(boundary));
        let mut later = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if let Some(line) = stopped {
            // The second reader counted its lines from 1.
            for r in later.parts.iter_mut().flat_map(|p| &mut p.rows) {
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

/// Reads the records of `reader`, which reads the input of `rows` from byte `from`, into
/// `rows`. With `stop`, the reading stops before a record that starts at byte `stop` and
/// returns its line; a reader that steps over `stop` (the byte was inside a record) reads on
/// to the end and returns `None`.
fn read_records(
    reader: &mut csv::Reader<&[u8]>,
    from: usize,
    header_len: usize,
    cols: &Columns,
    rows: &mut Table<'_>,
    mut stop: Option<usize>,
) -> Option<usize> {
    let mut record = csv::ByteRecord::new();
    let mut located = Vec::new();
    // The columns a row is made from: the others are only stepped over.
    let mut wanted = vec![false; header_len];
    for &c in cols.at.iter().flatten() {
        wanted[c] = true;
    }
    loop {
        match reader.read_byte_record(&mut record) {
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
        } else if !record.iter().all(blank) {
            let base = from + byte;
            locate(rows.input, base, &record, &wanted, &mut located);
            rows.record(&record, &located, base, pos, cols);
        }
    }
}

/// Whether a field is empty once trimmed (as `str::trim` trims).
fn blank(field: &[u8]) -> bool {
    field.iter().all(u8::is_ascii_whitespace)
        || std::str::from_utf8(field).is_ok_and(|f| f.trim().is_empty())
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
        let rows = (0..t.len())
            .filter_map(|i| t.row(i))
            .map(|(part, r)| {
                let fields =
                    (Field::ALL.iter().take(KEPT)).map(|&f| part.field(t.input, r, f).to_string());
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
