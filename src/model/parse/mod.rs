//! A zero-copy reader for timeline files: RON text straight into [`Timeline`] records.
//!
//! It reads the RON syntax the format allows (named or anonymous structs, lists, strings with
//! RON's escapes, raw strings, unsigned integers, unit enum variants, `Some(…)`/`None` or bare
//! values for optional fields, comments, trailing commas, `#![enable(…)]` attributes) and keeps
//! the offset of every value. Every problem is reported and reading goes on, so that one run
//! reports them all: type errors, unknown, duplicate and missing fields, bad `when` values and
//! empty names where they stand; after a syntax error the reader resumes at the next item or
//! field of the list or record it was in (`recover.rs`). Only the end of the file inside a
//! string, a comment or a bracket ends reading.
//!
//! What it accepts is checked against the `ron` crate in `tests/conformance.rs`.

mod lex;
mod parallel;
mod records;
mod recover;

use super::suggest::did_you_mean;

use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;

use super::diag::Diagnostic;
use super::progress::Progress;
use super::types::{Labels, Offset, Str, Timeline};
use super::validate::Ids;
use recover::{ListEnd, Resume, Step};

/// A syntax error has been recorded: the value being read is given up, and the innermost list
/// or record resumes after it, unless [`Parser::stop`] ended reading.
#[derive(Debug)]
pub struct Fatal;

/// What the reader's steps return: `Err(Fatal)` once a syntax error has been recorded in the
/// diagnostics and the value is given up.
pub type PResult<T> = Result<T, Fatal>;

/// Something opened and not yet closed, named when the file ends inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// A record, by its name and the names of its fields.
    Record(&'static str, &'static [&'static str]),
    List,
    Some,
    /// A bracket inside a value that is being skipped.
    Bracket(u8),
}

impl Open {
    fn describe(self) -> (String, char) {
        match self {
            Open::Record(name, _) => (format!("`{name}(…)`"), ')'),
            Open::List => ("list".into(), ']'),
            Open::Some => ("`Some(…)`".into(), ')'),
            Open::Bracket(b) => (format!("`{}`", b as char), closing(b) as char),
        }
    }

    /// The bracket that closes it.
    fn close(self) -> u8 {
        match self {
            Open::Record(..) | Open::Some => b')',
            Open::List => b']',
            Open::Bracket(b) => closing(b),
        }
    }
}

fn closing(open: u8) -> u8 {
    match open {
        b'(' => b')',
        b'[' => b']',
        _ => b'}',
    }
}

/// The extensions RON knows, by the names `#![enable(…)]` takes.
const EXTENSIONS: [&str; 4] = [
    "unwrap_newtypes",
    "implicit_some",
    "unwrap_variant_newtypes",
    "explicit_struct_names",
];

/// The reader's state: the text, a cursor (a byte offset into it), the diagnostics so far and
/// what is open around the cursor. Made only by [`parse_with`] and [`string_at`]; nothing
/// outside this module can call its methods.
pub struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    diags: Vec<Diagnostic>,
    /// What the cursor is inside of, innermost last.
    open: Vec<(Offset, Open)>,
    /// Where the last string literal read starts and ends, for the hint about a missing `"`.
    last_string: (Offset, Offset),
    /// `#![enable(explicit_struct_names)]`: every struct must be written with its name.
    explicit_struct_names: bool,
    /// How many threads may read the events list.
    threads: usize,
    progress: Option<Arc<Progress>>,
    /// The declared source and participant ids, once read, to resolve references as they come.
    ids: Option<Arc<Ids<'a>>>,
    scratch: records::Scratch<'a>,
    rec: Recovery,
    /// Where a list or record was ended because its closing bracket is missing (reported):
    /// a `,` missing there too is part of the same mistake.
    lenient_at: Option<Offset>,
    /// A line number known at an offset (0-based line, offset), for messages naming lines.
    line_cache: (Offset, usize),
    /// The `channel` and `lang` texts read so far (a reader thread's own, merged at the end).
    labels: Labels<'a>,
}

/// What getting past syntax errors has done so far.
#[derive(Debug, Default)]
struct Recovery {
    /// An error was reported after which nothing more can be read (the file ends inside
    /// something, or the load was cancelled).
    stopped: bool,
    /// Resynchronising skipped what may be data (a string, a bracket, a value begun):
    /// validating what was read could then report what is missing only because it was skipped.
    lossy: bool,
    /// Resynchronising skipped what may be a field (`name:`), or a field's name was unreadable.
    skipped_field: bool,
}

/// Which fields of a record are required: bit `i` for `fields[i]`, so that a record with all
/// of them given is checked with one `&`, not a comparison of names. Made by [`required`].
#[derive(Clone, Copy)]
pub(super) struct Required(u64);

/// The [`Required`] bits of `names` among `fields` (at most 64), computed at compile time
/// (`const { required(FIELDS, &[…]) }`); a name that is not a field fails the build.
pub(super) const fn required(fields: &[&str], names: &[&str]) -> Required {
    let mut bits = 0u64;
    let mut n = 0;
    while n < names.len() {
        let mut i = 0;
        loop {
            assert!(i < fields.len(), "a required field that is not a field");
            if same(fields[i].as_bytes(), names[n].as_bytes()) {
                bits |= 1 << i;
                break;
            }
            i += 1;
        }
        n += 1;
    }
    Required(bits)
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The longest text read: offsets in records are 32-bit.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// Reads a whole file. The offsets in diagnostics and records index `src` (a leading byte-order
/// mark is skipped, not removed). The timeline holds what could be read, even after errors
/// (syntax errors included: the diagnostics then hold an error, so it must not be used as a
/// valid timeline), so that validation can report the rest. It is `None` when reading stopped
/// early (the file is empty, is not a `Timeline(…)`, ends inside a string, a comment or a
/// bracket, or the load was cancelled), and when getting past a syntax error skipped what may
/// have been data (a string, a record): references to what was skipped, or from it, would be
/// reported as unknown or unused although the file may hold them.
#[must_use]
pub fn parse(src: &str) -> (Option<Timeline<'_>>, Vec<Diagnostic>) {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    parse_with_threads(src, threads)
}

/// [`parse`] with at most `threads` threads for the events list (1: strictly in order).
#[must_use]
pub fn parse_with_threads(src: &str, threads: usize) -> (Option<Timeline<'_>>, Vec<Diagnostic>) {
    parse_with(src, threads, None)
}

/// [`parse_with_threads`], counting events in `progress` and stopping when it is cancelled.
#[must_use]
pub fn parse_with(
    src: &str,
    threads: usize,
    progress: Option<Arc<Progress>>,
) -> (Option<Timeline<'_>>, Vec<Diagnostic>) {
    if src.len() > MAX_TEXT {
        let message = format!(
            "this file is {} bytes; the largest timeline roundtable can open is {MAX_TEXT} bytes (4 GiB)",
            src.len()
        );
        return (
            None,
            vec![Diagnostic {
                at: None,
                ..Diagnostic::error(0, message)
            }],
        );
    }
    let mut p = Parser::new(src, threads.clamp(1, 16), progress);
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    let timeline = p.document().ok().filter(|_| !p.rec.lossy);
    (timeline, p.diags)
}

/// The string literal whose opening quote (or the `r` of a raw string) is at `at` in `src`,
/// read as the reader read it: borrowed unless it holds escapes. `None` if there is none there.
#[must_use]
pub fn string_at(src: &str, at: Offset) -> Option<Str<'_>> {
    let body = src.get(at..)?.strip_prefix('"');
    if let Some(body) = body
        && let Some(end) = memchr::memchr2(b'"', b'\\', body.as_bytes())
        && body.as_bytes()[end] == b'"'
    {
        return Some(Str::borrowed(&body[..end]));
    }
    let mut p = Parser::new(src, 1, None);
    p.pos = at;
    if !p.at_string() {
        return None;
    }
    p.string_literal().ok()
}

impl<'a> Parser<'a> {
    fn new(src: &'a str, threads: usize, progress: Option<Arc<Progress>>) -> Self {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            diags: Vec::new(),
            open: Vec::new(),
            last_string: (0, 0),
            explicit_struct_names: false,
            threads,
            progress,
            ids: None,
            scratch: records::Scratch::default(),
            rec: Recovery::default(),
            lenient_at: None,
            line_cache: (0, 0),
            labels: Labels::default(),
        }
    }

    /// Counts a parsed event; fails when the load has been cancelled.
    pub(super) fn tick(&mut self) -> PResult<()> {
        let Some(p) = &self.progress else {
            return Ok(());
        };
        p.events.fetch_add(1, Relaxed);
        if p.is_cancelled() {
            return self.stop(self.pos, "cancelled");
        }
        Ok(())
    }

    pub(super) fn error(&mut self, at: Offset, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(at, message));
    }

    fn document(&mut self) -> PResult<Timeline<'a>> {
        self.top_ws()?;
        while self.peek() == Some(b'#') {
            if self.attribute().is_err() {
                if self.rec.stopped {
                    return Err(Fatal);
                }
                self.skip_attribute_rest();
            }
            self.top_ws()?;
        }
        if self.peek().is_none() {
            return self.stop(
                self.pos,
                "the file is empty: a timeline file holds one `Timeline(…)`",
            );
        }
        if self.record_name_at(self.pos).is_none()
            && self.peek() != Some(b'(')
            && let Some(start) = self.src[self.pos..]
                .match_indices("Timeline")
                .map(|(i, _)| self.pos + i)
                .find(|&i| self.record_name_at(i) == Some("Timeline"))
        {
            // Something stands before the timeline: reported, and passed over.
            let found = self.found();
            self.error(self.pos, format!("expected `Timeline(…)`, found {found}"));
            self.pos = start;
        }
        let timeline = self.timeline()?;
        self.top_ws()?;
        if self.peek().is_some() {
            let found = self.found();
            self.error(
                self.pos,
                format!("unexpected {found} after the end of the timeline"),
            );
        }
        Ok(timeline)
    }

    /// Whitespace and comments outside the timeline; a stray `/` is reported and its line
    /// passed over.
    fn top_ws(&mut self) -> PResult<()> {
        loop {
            match self.ws() {
                Ok(()) => return Ok(()),
                Err(Fatal) if self.rec.stopped => return Err(Fatal),
                Err(Fatal) => self.skip_broken_comment(),
            }
        }
    }

    /// After a malformed attribute (reported): goes on at the timeline or the next attribute
    /// if the mistake stands there, else after the next `]` on the line, else on the next line.
    fn skip_attribute_rest(&mut self) {
        if self.at_str("Timeline") || matches!(self.peek(), Some(b'(' | b'#')) {
            return;
        }
        let rest = &self.bytes[self.pos..];
        let line = &rest[..memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1)];
        self.pos += memchr::memchr(b']', line).map_or(line.len(), |i| i + 1);
    }

    /// `#![enable(implicit_some, …)]`, `#![type = "…"]` or `#![schema = "…"]`, as RON reads
    /// them. The loader enables `implicit_some` itself; `explicit_struct_names` is honoured;
    /// the other extensions change nothing in this format.
    fn attribute(&mut self) -> PResult<()> {
        let start = self.pos;
        for b in [b'#', b'!', b'['] {
            self.expect(b)?;
            self.ws()?;
        }
        match self.keyword() {
            Some("enable") => {}
            Some("type" | "schema") => {
                self.ws()?;
                self.expect(b'=')?;
                self.ws()?;
                if !self.at_string() {
                    return self.unexpected(|found| format!("expected a string, found {found}"));
                }
                self.string_literal()?;
                self.ws()?;
                return self.expect(b']');
            }
            _ => {
                return self.fatal(
                    start,
                    "unknown attribute: RON allows `#![enable(…)]`, `#![type = \"…\"]` and `#![schema = \"…\"]`",
                );
            }
        }
        self.ws()?;
        self.expect(b'(')?;
        loop {
            self.ws()?;
            let at = self.pos;
            let Some(name) = self.ident() else {
                return self
                    .unexpected(|found| format!("expected an extension name, found {found}"));
            };
            if !EXTENSIONS.contains(&name) {
                let hint = match did_you_mean(name, EXTENSIONS) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("RON's extensions are {}", list_names(&EXTENSIONS)),
                };
                return self.fatal(at, format!("unknown extension `{name}`; {hint}"));
            }
            self.explicit_struct_names |= name == "explicit_struct_names";
            self.ws()?;
            if self.peek() != Some(b',') {
                break;
            }
            self.pos += 1;
            self.ws()?;
            if self.peek() == Some(b')') {
                break;
            }
        }
        self.expect(b')')?;
        self.ws()?;
        self.expect(b']')
    }

    pub(super) fn expect(&mut self, b: u8) -> PResult<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            self.unexpected(|found| format!("expected `{}`, found {found}", b as char))
        }
    }

    /// Fails with `message(found)` at the cursor; at the end of the file, names instead the
    /// innermost thing the file leaves open, where it was opened, and ends reading.
    pub(super) fn unexpected<T>(&mut self, message: impl FnOnce(&str) -> String) -> PResult<T> {
        if self.peek().is_none() {
            return match self.open.last() {
                Some(&(at, open)) => {
                    let (what, close) = open.describe();
                    self.stop(at, format!("this {what} is never closed with `{close}`"))
                }
                None => self.stop(self.pos, message("the end of the file")),
            };
        }
        let found = self.found();
        self.fatal(self.pos, message(&found))
    }

    /// Reads `Name(field: value, …)` (the name may be omitted). For each field, `on_field` is
    /// called with the field's index in `fields` and must read its value. Unknown fields are
    /// reported and skipped, duplicates reported; missing `required` ones reported at the start.
    /// A syntax error inside is reported and reading resumes at the next field. Returns the
    /// offset of the record. Meant to be inlined into each record's reader, where the field
    /// names are constants that compare without a call to `memcmp` (a twentieth of reading
    /// otherwise, measured with cachegrind).
    #[inline]
    pub(super) fn record(
        &mut self,
        name: &'static str,
        fields: &'static [&'static str],
        required: Required,
        on_field: impl FnMut(&mut Self, usize) -> PResult<()>,
    ) -> PResult<Offset> {
        if self.peek() == Some(b'(') {
            self.paren_before_record(name)?;
        }
        let start = self.pos;
        // `Name(`, the usual shape, is read without looking for mistakes.
        let found = self.ident();
        let paren = if found == Some(name) {
            self.ws()?;
            self.peek() == Some(b'(') || self.record_opening(start, name, fields, found, true)?
        } else {
            (found.is_none() && !self.explicit_struct_names && self.peek() == Some(b'('))
                || self.record_opening(start, name, fields, found, false)?
        };
        if paren {
            self.pos += 1;
        }
        self.open.push((start, Open::Record(name, fields)));
        self.fields(start, name, fields, required, on_field)
    }

    /// The opening of record `name` (at `start`) when it is not `name(` nor `(`: `found` is
    /// the name read there, if any, with the space after it read when `spaced`. Reports the
    /// mistake, and says whether a `(` stands at the cursor (`false`: it is missing, and the
    /// fields follow). Out of line, as every rarely taken path of reading a record is (see
    /// [`Self::resync_field`]).
    #[cold]
    #[inline(never)]
    fn record_opening(
        &mut self,
        start: Offset,
        name: &'static str,
        fields: &'static [&'static str],
        found: Option<&'a str>,
        spaced: bool,
    ) -> PResult<bool> {
        if let Some(found) = found {
            let other = found != name;
            if other
                && let Some(field) = found.strip_prefix(name)
                && fields.contains(&field)
                && self.trivia_end(self.pos).and_then(|i| self.bytes.get(i)) == Some(&b':')
            {
                // `Participantid: "x", …)`, the `(` deleted: read as the record it was meant to be.
                self.pos = start + name.len();
                self.error(self.pos, format!("missing `(` after `{name}`"));
                return Ok(false);
            }
            if !spaced {
                self.ws()?;
            }
            if other {
                if self.peek() != Some(b'(') {
                    self.pos = start;
                    return self.unexpected(|found| format!("expected `{name}(`, found {found}"));
                }
                self.error(start, format!("expected `{name}(…)`, found `{found}(…)`"));
            } else if self.peek() != Some(b'(') && self.field_name_at(self.pos).is_some() {
                // `Round number: 3, …)`: read as the record it was meant to be.
                self.error(self.pos, format!("missing `(` after `{found}`"));
                return Ok(false);
            }
        } else if self.explicit_struct_names && self.peek() == Some(b'(') {
            self.error(
                start,
                format!("`explicit_struct_names` is enabled: write `{name}(…)`, not `(…)`"),
            );
        }
        if self.peek() == Some(b'{') {
            // A whole file in JSON (`{"title": …`), such as `export --format json` writes.
            let json =
                self.open.is_empty() && crate::model::json::looks_like(&self.src[self.pos..]);
            let why = if json {
                "JSON is read as JSON only when `{` opens the file (JSON has no comments); \
                 otherwise a timeline is RON (docs/format.md)"
                    .to_owned()
            } else {
                format!("records are written `{name}(…)`, not `{{…}}`")
            };
            return self.fatal(self.pos, format!("expected `{name}(`, found `{{`: {why}"));
        }
        if self.peek() != Some(b'(') {
            return self.unexpected(|found| format!("expected `{name}(`, found {found}"));
        }
        Ok(true)
    }

    /// At a `(`, where the record `name` is expected: when `name(` follows it, it is one too
    /// many (`(Source(…)`): reported and passed over.
    #[cold]
    fn paren_before_record(&mut self, name: &str) -> PResult<()> {
        if self
            .trivia_end(self.pos + 1)
            .is_some_and(|next| self.record_name_at(next) == Some(name))
        {
            self.error(self.pos, format!("unexpected `(` before `{name}(…)`"));
            self.pos += 1;
            self.ws()?;
        }
        Ok(())
    }

    /// Reads the fields of the record `name` open at the top of `self.open` (see
    /// [`Self::record`]), and its `)`; inlined as [`Self::record`] is.
    #[inline]
    fn fields(
        &mut self,
        start: Offset,
        name: &'static str,
        fields: &'static [&'static str],
        required: Required,
        mut on_field: impl FnMut(&mut Self, usize) -> PResult<()>,
    ) -> PResult<Offset> {
        let depth = self.open.len();
        let mut fields_read = Fields {
            name,
            // Which fields were given, one bit each (records have fewer than 64 fields): a
            // `Vec` here was an allocation per record, five per event.
            seen: 0,
            suggested: Vec::new(),
            comma: None,
            named: false,
        };
        debug_assert!(fields.len() <= 64);
        // Set when resynchronising may have skipped a field: none is then reported missing.
        let mut field_lost = false;
        loop {
            let step = match self.field(depth, fields, &mut fields_read, &mut on_field) {
                Ok(step) => step,
                Err(Fatal) if self.rec.stopped => return Err(Fatal),
                Err(Fatal) => self.resync_field(depth, &mut fields_read, &mut field_lost)?,
            };
            match step {
                Step::Next | Step::Paused => {}
                Step::Closed => {
                    self.pos += 1;
                    break;
                }
                Step::Unclosed => break,
            }
        }
        self.open.truncate(depth - 1);
        if !field_lost && fields_read.seen & required.0 != required.0 {
            self.missing_fields(start, fields, required, &fields_read);
        }
        Ok(start)
    }

    /// After a field that could not be read: resynchronises, and says where reading goes on.
    /// Out of line and not generic, as every rarely taken path of [`Self::field`] is, so
    /// that the loop that reads well-formed records stays small in the instruction cache
    /// (measured with `valgrind --tool=cachegrind`: see docs/performance.md).
    #[cold]
    #[inline(never)]
    fn resync_field(
        &mut self,
        depth: usize,
        record: &mut Fields,
        field_lost: &mut bool,
    ) -> PResult<Step> {
        // A field whose name could not be read may be the one missing.
        self.rec.skipped_field = !record.named;
        let resume = self.resync(depth)?;
        *field_lost |= self.rec.skipped_field;
        record.comma = None;
        Ok(match resume {
            Resume::Comma(at) => {
                record.comma = Some(at);
                Step::Next
            }
            Resume::Close => Step::Closed,
            Resume::Item => Step::Next,
            Resume::Outer => Step::Unclosed,
        })
    }

    /// Reports each required field of the record at `start` that was not given (nor
    /// suggested in place of a misspelt one).
    #[cold]
    #[inline(never)]
    fn missing_fields(
        &mut self,
        start: Offset,
        fields: &[&str],
        required: Required,
        record: &Fields,
    ) {
        let name = record.name;
        for (i, f) in fields.iter().enumerate() {
            if record.seen & (1 << i) == 0
                && required.0 & (1 << i) != 0
                && !record.suggested.contains(f)
            {
                self.error(
                    start,
                    format!("`{name}` is missing its required field `{f}`"),
                );
            }
        }
    }

    /// Reads one field of the record open at `depth` and what follows it.
    #[inline]
    fn field(
        &mut self,
        depth: usize,
        names: &'static [&'static str],
        record: &mut Fields,
        on_field: &mut impl FnMut(&mut Self, usize) -> PResult<()>,
    ) -> PResult<Step> {
        let name = record.name;
        record.named = false;
        self.ws()?;
        if self.peek() == Some(b')') {
            return Ok(self.own_close(depth));
        }
        let at = self.pos;
        // `name:`, the usual shape, is read without looking for mistakes.
        let field = match self.ident() {
            Some(field) if self.peek() == Some(b':') => {
                self.pos += 1;
                field
            }
            _ => {
                self.pos = at;
                match self.field_name(depth, record)? {
                    Ok(field) => field,
                    Err(step) => return Ok(step),
                }
            }
        };
        record.comma = None;
        record.named = true;
        self.ws()?;
        // Lengths and first letters tell most field names apart without a `memcmp` call.
        let is = |f: &&str| {
            f.len() == field.len() && f.as_bytes()[0] == field.as_bytes()[0] && *f == field
        };
        if let Some(i) = names.iter().position(is) {
            if record.seen & (1 << i) != 0 {
                self.given_twice(at, field, name);
            }
            record.seen |= 1 << i;
            on_field(self, i)?;
        } else {
            self.unknown_field(at, field, names, record)?;
        }
        self.separator(depth, b')', &mut record.comma)
    }

    #[cold]
    #[inline(never)]
    fn given_twice(&mut self, at: Offset, field: &str, record: &str) {
        self.error(at, format!("`{field}` is given twice in this `{record}`"));
    }

    /// A field `names` does not hold, at `at`: reported with the nearest name, and its value
    /// skipped.
    #[cold]
    #[inline(never)]
    fn unknown_field(
        &mut self,
        at: Offset,
        field: &str,
        names: &'static [&'static str],
        record: &mut Fields,
    ) -> PResult<()> {
        let name = record.name;
        let near = did_you_mean(field, names.iter().copied());
        let hint = match near {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of {}", list_names(names)),
        };
        record.suggested.extend(near);
        self.error(at, format!("unknown field `{field}` in `{name}`; {hint}"));
        if !self.at_value_start() {
            // Reported; what stands there is not a value to skip.
            return Err(Fatal);
        }
        self.skip_value()
    }

    /// Reads a field name and its `:` written in any other way than `name:`, or finds what
    /// mistake stands instead: `Ok(Err(step))` when the record ends there (its `)` missing).
    #[cold]
    #[inline(never)]
    fn field_name(&mut self, depth: usize, record: &Fields) -> PResult<Result<&'a str, Step>> {
        let name = record.name;
        if let Some(step) = self.unclosed_at_field(depth, record.comma) {
            return Ok(Err(step));
        }
        if let Some(quote) = self.stray_quote_before_field() {
            self.error(
                self.pos,
                format!("unexpected `{quote}` before a field name"),
            );
            self.pos += quote.len_utf8();
            self.ws()?;
        }
        let field = match self.ident() {
            Some(field) => field,
            None => {
                if let Some(field) = self.quoted_field_name() {
                    field
                } else {
                    let expected = |found: &str| {
                        format!("expected a field name or `)` in `{name}`, found {found}")
                    };
                    if let Some(b @ (b']' | b'}')) = self.peek() {
                        let message = expected(&self.found());
                        if let Some(step) = self.wrong_closer(depth, b, &message) {
                            return Ok(Err(step));
                        }
                    }
                    return self.unexpected(expected);
                }
            }
        };
        self.ws()?;
        if self.peek() == Some(b':') {
            self.pos += 1;
        } else {
            self.missing_colon(field)?;
        }
        Ok(Ok(field))
    }

    /// `"name":`, a field name in quotes as JSON writes it: reported, and read as the name.
    fn quoted_field_name(&mut self) -> Option<&'a str> {
        let rest = self.bytes.get(self.pos + 1..)?;
        if self.peek() != Some(b'"') || !rest.first().copied().is_some_and(lex::is_ident_start) {
            return None;
        }
        let len = rest
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
            .count();
        let end = self.pos + 1 + len;
        if self.bytes.get(end) != Some(&b'"')
            || self.trivia_end(end + 1).and_then(|i| self.bytes.get(i)) != Some(&b':')
        {
            return None;
        }
        let field = &self.src[self.pos + 1..end];
        self.error(
            self.pos,
            format!("field names are written without quotes: write `{field}:`, not `\"{field}\":`"),
        );
        self.pos = end + 1;
        Some(field)
    }

    /// After a field name, something other than `:`: reported. When a value follows (`title
    /// "x"`, `title = "x"`), it is read as the field's, so that the field is not lost too.
    fn missing_colon(&mut self, field: &str) -> PResult<()> {
        let found = self.found();
        let message = format!("expected `:` after the field name `{field}`, found {found}");
        if self.peek() == Some(b'=') {
            self.error(self.pos, message);
            self.pos += 1;
            return Ok(());
        }
        if self.at_value_start()
            && self.field_name_at(self.pos).is_none()
            && !matches!(self.peek(), Some(b'('))
        {
            self.error(self.pos, message);
            return Ok(());
        }
        self.unexpected(|_| message)
    }

    /// Reads `[item, …]`, calling `item` with the cursor at each element. Anything other than
    /// a list is reported and skipped. A syntax error in an item is reported and reading
    /// resumes at the next one.
    pub(super) fn list(&mut self, mut item: impl FnMut(&mut Self) -> PResult<()>) -> PResult<()> {
        if self.peek() == Some(b'[') {
            self.open.push((self.pos, Open::List));
            self.pos += 1;
        } else if !self.list_opening()? {
            return Ok(());
        }
        let depth = self.open.len();
        if self.items(depth, &mut item, |_, _| false)? == ListEnd::Bracket {
            self.pos += 1;
        }
        self.open.truncate(depth - 1);
        Ok(())
    }

    /// Where a list is expected and no `[` stands: a list whose `[` is missing is reported
    /// and opened (`["a", "b"]` typed as `"a", "b"]`: `true`); anything else is reported and
    /// skipped as [`Self::mismatch`] does (`false`, or its error).
    #[cold]
    #[inline(never)]
    fn list_opening(&mut self) -> PResult<bool> {
        if self
            .record_name_at(self.pos)
            .is_some_and(|name| name != "Some")
            || self.opening_bracket_missing()
        {
            let found = self.found();
            self.error(
                self.pos,
                format!("expected a list `[…]`, found {found}; is its opening `[` missing?"),
            );
            self.open.push((self.pos, Open::List));
            Ok(true)
        } else {
            self.mismatch("a list `[…]`").map(|()| false)
        }
    }

    /// Reads the items of the list open at `depth`, from the cursor, until its end or until
    /// `pause(self, items read)` says to stop before the next item. The `]` is left unread.
    fn items(
        &mut self,
        depth: usize,
        item: &mut impl FnMut(&mut Self) -> PResult<()>,
        mut pause: impl FnMut(&Self, usize) -> bool,
    ) -> PResult<ListEnd> {
        let mut count = 0;
        // Where the `,` after the last item stands: a list found not closed gives it back to
        // the record it is a field of.
        let mut comma = None;
        loop {
            let before = self.pos;
            let step = match self.list_item(depth, &mut comma, &mut count, item, &mut pause) {
                Ok(step) => step,
                Err(Fatal) if self.rec.stopped => return Err(Fatal),
                Err(Fatal) => self.resync_item(depth, before, &mut comma)?,
            };
            match step {
                Step::Next => {}
                Step::Closed => return Ok(ListEnd::Bracket),
                Step::Unclosed => return Ok(ListEnd::Unclosed),
                Step::Paused => return Ok(ListEnd::Paused),
            }
        }
    }

    /// After an item (begun at `before`) that could not be read: resynchronises, and says
    /// where reading goes on. Out of line (see [`Self::resync_field`]).
    #[cold]
    #[inline(never)]
    fn resync_item(
        &mut self,
        depth: usize,
        before: Offset,
        comma: &mut Option<Offset>,
    ) -> PResult<Step> {
        *comma = None;
        Ok(match self.resync(depth)? {
            Resume::Comma(at) => {
                *comma = Some(at);
                Step::Next
            }
            Resume::Close => Step::Closed,
            // Cannot stay in place: an item that fails where it starts is skipped.
            Resume::Item if self.pos <= before => {
                self.pos = before + self.src[before..].chars().next().map_or(1, char::len_utf8);
                Step::Next
            }
            Resume::Item => Step::Next,
            Resume::Outer => Step::Unclosed,
        })
    }

    /// Reads one item of the list open at `depth` and what follows it.
    fn list_item(
        &mut self,
        depth: usize,
        comma: &mut Option<Offset>,
        count: &mut usize,
        item: &mut impl FnMut(&mut Self) -> PResult<()>,
        pause: &mut impl FnMut(&Self, usize) -> bool,
    ) -> PResult<Step> {
        self.ws()?;
        if self.peek() == Some(b']') {
            return Ok(self.own_close(depth));
        }
        if pause(self, *count) {
            return Ok(Step::Paused);
        }
        if let Some(step) = self.unclosed_at_item(depth, *comma) {
            return Ok(step);
        }
        *comma = None;
        // A string item starts with its text, rarely with a space: a `"` then spaces may be
        // one too many, before a record.
        if matches!(self.peek(), Some(b'"' | 0xE2))
            && matches!(
                self.bytes.get(self.pos + 1),
                Some(b' ' | b'\t' | b'\n' | 0x80)
            )
        {
            self.stray_quote_before_item()?;
        }
        item(self)?;
        *count += 1;
        self.separator(depth, b']', comma)
    }

    /// A `"` (or a typographic quote) followed by a space where an item starts: when it is
    /// one too many, before a record, reported and passed over.
    #[cold]
    #[inline(never)]
    fn stray_quote_before_item(&mut self) -> PResult<()> {
        if let Some(quote) = self.stray_quote_before_field() {
            self.error(
                self.pos,
                format!("unexpected `{quote}` before an item of the list"),
            );
            self.pos += quote.len_utf8();
            self.ws()?;
        }
        Ok(())
    }

    /// Reads an optional field's value: `None`, `Some(v)` or a bare `v`.
    pub(super) fn optional<T>(
        &mut self,
        mut inner: impl FnMut(&mut Self) -> PResult<Option<T>>,
    ) -> PResult<Option<T>> {
        let start = self.pos;
        match self.keyword() {
            Some("None") => return Ok(None),
            Some("Some") => {
                self.ws()?;
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.open.push((start, Open::Some));
                    let depth = self.open.len();
                    self.ws()?;
                    let v = inner(self)?;
                    self.ws()?;
                    // RON allows a trailing comma here too: `Some("x",)`.
                    let comma = (self.peek() == Some(b',')).then_some(self.pos);
                    if comma.is_some() {
                        self.pos += 1;
                        self.ws()?;
                    }
                    if self.peek() == Some(b')') {
                        self.pos += 1;
                    } else {
                        self.unclosed_some(depth, comma)?;
                    }
                    self.open.truncate(depth - 1);
                    return Ok(v);
                }
            }
            _ => {}
        }
        self.pos = start;
        inner(self)
    }

    /// Reports that the value at the cursor is not `expected`, then skips it.
    pub(super) fn mismatch(&mut self, expected: &str) -> PResult<()> {
        if self.peek().is_none() || !self.at_value_start() {
            // A value is missing (`title: ,`): the record or list resumes from here.
            return self.unexpected(|found| format!("expected {expected}, found {found}"));
        }
        let found = self.found();
        if let Some(end) = self.opening_quote_missing() {
            // The value is given up: what refers to it would be reported unknown.
            self.rec.lossy = true;
            self.error(
                self.pos,
                format!(
                    "expected {expected}, found {found}; is the opening `\"` of a string missing before it?"
                ),
            );
            self.pos = end;
            return Ok(());
        }
        let hint = if self.peek() == Some(b'\'') && self.bytes.get(self.pos + 2) != Some(&b'\'') {
            "; strings are written between `\"`, not `'`"
        } else {
            ""
        };
        self.error(
            self.pos,
            format!("expected {expected}, found {found}{hint}"),
        );
        self.skip_value()
    }

    /// True when a value of some RON shape starts at the cursor.
    pub(super) fn at_value_start(&self) -> bool {
        self.value_starts_at(self.pos)
    }

    /// Skips one value of any RON shape without recursion, so no nesting depth can exhaust
    /// the stack.
    pub(super) fn skip_value(&mut self) -> PResult<()> {
        let depth = self.open.len();
        loop {
            self.ws()?;
            let at = self.pos;
            match self.peek() {
                None => {
                    return self.unexpected(|_| "the file ends in the middle of a value".into());
                }
                Some(b @ (b'(' | b'[' | b'{')) => {
                    self.open.push((at, Open::Bracket(b)));
                    self.pos += 1;
                    continue;
                }
                Some(close @ (b')' | b']' | b'}')) => {
                    let want = match self.open.last() {
                        Some(&(_, Open::Bracket(b))) if self.open.len() > depth => closing(b),
                        _ => return self.fatal(at, format!("unexpected `{}`", close as char)),
                    };
                    if close != want {
                        return self.fatal(
                            at,
                            format!("expected `{}`, found `{}`", want as char, close as char),
                        );
                    }
                    self.open.pop();
                    self.pos += 1;
                }
                Some(b',' | b':') if self.open.len() > depth => {
                    self.pos += 1;
                    continue;
                }
                Some(_) if self.at_string() => {
                    self.string_literal()?;
                }
                Some(b'\'') => {
                    let end = self.src[at + 1..].find('\'').map(|i| at + 1 + i + 1);
                    match end {
                        Some(end) if end - at <= 12 => self.pos = end,
                        _ => {
                            return self
                                .fatal(at, "this character literal is never closed with `'`");
                        }
                    }
                }
                Some(b) if lex::is_ident_start(b) => {
                    self.ident();
                    // `Name(…)`: a struct or an enum variant with content is one value.
                    if self.trivia_end(self.pos).and_then(|i| self.bytes.get(i)) == Some(&b'(') {
                        continue;
                    }
                }
                Some(b'0'..=b'9' | b'-' | b'+' | b'.') => {
                    self.pos += self.number_len();
                }
                Some(_) => {
                    let found = self.found();
                    return self.fatal(at, format!("expected a value, found {found}"));
                }
            }
            if self.open.len() == depth {
                return Ok(());
            }
        }
    }
}

/// The fields of one record being read.
struct Fields {
    name: &'static str,
    /// Which fields were given, one bit each.
    seen: u64,
    /// Fields that a misspelt unknown field was taken for: not reported missing as well.
    suggested: Vec<&'static str>,
    /// Where the `,` after the last field stands, if one was read.
    comma: Option<Offset>,
    /// False while a field's name is being read, true once it has been.
    named: bool,
}

fn list_names(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
