//! A zero-copy reader for timeline files: RON text straight into [`Timeline`] records.
//!
//! It reads the RON syntax the format allows (named or anonymous structs, lists, strings with
//! RON's escapes, raw strings, unsigned integers, unit enum variants, `Some(…)`/`None` or bare
//! values for optional fields, comments, trailing commas, `#![enable(…)]` attributes) and keeps
//! the offset of every value. Syntax errors stop it; type errors, unknown, duplicate and missing
//! fields, bad `when` values and empty names are reported and reading goes on, so one run
//! reports every problem.
//!
//! What it accepts is checked against the `ron` crate in `tests/conformance.rs`.

mod lex;
mod parallel;
mod records;
mod suggest;

pub use suggest::did_you_mean;

use std::sync::Arc;
use std::sync::atomic::Ordering::Relaxed;

use super::diag::Diagnostic;
use super::progress::Progress;
use super::types::{Offset, Str, Timeline};
use super::validate::Ids;

/// A syntax error has been recorded; reading cannot go on.
#[derive(Debug)]
pub struct Fatal;

pub type PResult<T> = Result<T, Fatal>;

/// Something opened and not yet closed, named when the file ends inside it.
#[derive(Debug, Clone, Copy)]
enum Open {
    Record(&'static str),
    List,
    Some,
    /// A bracket inside a value that is being skipped.
    Bracket(u8),
}

impl Open {
    fn describe(self) -> (String, char) {
        match self {
            Open::Record(name) => (format!("`{name}(…)`"), ')'),
            Open::List => ("list".into(), ']'),
            Open::Some => ("`Some(…)`".into(), ')'),
            Open::Bracket(b) => (format!("`{}`", b as char), closing(b) as char),
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
}

/// The longest text read: offsets in records are 32-bit.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// Reads a whole file. The offsets in diagnostics and records index `src` (a leading byte-order
/// mark is skipped, not removed). The timeline is `None` after a syntax error; otherwise it is
/// returned even when errors were found, so that validation can report the rest.
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
    let timeline = p.document().ok();
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
        return Some(Str::Borrowed(&body[..end]));
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
        }
    }

    /// Counts a parsed event; fails when the load has been cancelled.
    pub(super) fn tick(&mut self) -> PResult<()> {
        let Some(p) = &self.progress else {
            return Ok(());
        };
        p.events.fetch_add(1, Relaxed);
        if p.is_cancelled() {
            return self.fatal(self.pos, "cancelled");
        }
        Ok(())
    }

    pub(super) fn error(&mut self, at: Offset, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(at, message));
    }

    fn document(&mut self) -> PResult<Timeline<'a>> {
        self.ws()?;
        while self.peek() == Some(b'#') {
            self.attribute()?;
            self.ws()?;
        }
        if self.peek().is_none() {
            return self.fatal(
                self.pos,
                "the file is empty: a timeline file holds one `Timeline(…)`",
            );
        }
        let timeline = self.timeline()?;
        self.ws()?;
        if self.peek().is_some() {
            let found = self.found();
            return self.fatal(
                self.pos,
                format!("unexpected {found} after the end of the timeline"),
            );
        }
        Ok(timeline)
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
    /// innermost thing the file leaves open, where it was opened.
    pub(super) fn unexpected<T>(&mut self, message: impl FnOnce(&str) -> String) -> PResult<T> {
        if let (None, Some(&(at, open))) = (self.peek(), self.open.last()) {
            let (what, close) = open.describe();
            return self.fatal(at, format!("this {what} is never closed with `{close}`"));
        }
        let found = self.found();
        self.fatal(self.pos, message(&found))
    }

    /// After a field or list item: a `,`, or the `close` that ends the enclosing record or
    /// list. Otherwise fails with `what(found, next_field)`, `next_field` being the name of a
    /// field that starts at the cursor (`name:`), if one does.
    fn separator(
        &mut self,
        close: u8,
        what: impl FnOnce(&str, Option<&str>) -> String,
    ) -> PResult<()> {
        let value_end = self.pos;
        self.ws()?;
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(())
            }
            Some(b) if b == close => Ok(()),
            _ => {
                let hint = self.unclosed_string_hint(value_end);
                let next_field = self.field_name_at_cursor();
                self.unexpected(|found| format!("{}{hint}", what(found, next_field)))
            }
        }
    }

    /// The name of the field that starts at the cursor (`name:`), if one does; reads ahead
    /// without moving the cursor or reporting anything.
    fn field_name_at_cursor(&mut self) -> Option<&'a str> {
        let (pos, reported) = (self.pos, self.diags.len());
        let field = self
            .ident()
            .filter(|_| self.ws().is_ok() && self.peek() == Some(b':'));
        self.pos = pos;
        self.diags.truncate(reported);
        field
    }

    /// When the value that ends at `value_end` is a string running across lines, the likely
    /// cause of what follows it being wrong is a missing closing quote.
    fn unclosed_string_hint(&self, value_end: Offset) -> String {
        let (start, end) = self.last_string;
        if end != value_end || !self.src[start..end].contains('\n') {
            return String::new();
        }
        let line = self.src[..start].bytes().filter(|&b| b == b'\n').count() + 1;
        format!(
            "; the string that starts on line {line} runs across lines: is its closing `\"` missing?"
        )
    }

    /// Reads `Name(field: value, …)` (the name may be omitted). For each field, `on_field` is
    /// called with the field's index in `fields` and must read its value. Unknown fields are
    /// reported and skipped, duplicates reported; missing `required` ones reported at the start.
    /// Returns the offset of the record.
    pub(super) fn record(
        &mut self,
        name: &'static str,
        fields: &[&'static str],
        required: &[&str],
        mut on_field: impl FnMut(&mut Self, usize) -> PResult<()>,
    ) -> PResult<Offset> {
        let start = self.pos;
        if let Some(found) = self.ident() {
            if found != name {
                self.error(start, format!("expected `{name}(…)`, found `{found}(…)`"));
            }
            self.ws()?;
        } else if self.explicit_struct_names && self.peek() == Some(b'(') {
            self.error(
                start,
                format!("`explicit_struct_names` is enabled: write `{name}(…)`, not `(…)`"),
            );
        }
        if self.peek() != Some(b'(') {
            return self.unexpected(|found| format!("expected `{name}(`, found {found}"));
        }
        self.pos += 1;
        self.open.push((start, Open::Record(name)));
        // Which fields were given, one bit each (records have fewer than 64 fields): a `Vec`
        // here was an allocation per record, five per event.
        debug_assert!(fields.len() <= 64);
        let mut seen = 0u64;
        // Fields that a misspelt unknown field was taken for: not reported missing as well.
        let mut suggested: Vec<&str> = Vec::new();
        loop {
            self.ws()?;
            if self.peek() == Some(b')') {
                self.pos += 1;
                break;
            }
            let at = self.pos;
            let Some(field) = self.ident() else {
                return self.unexpected(|found| {
                    format!("expected a field name or `)` in `{name}`, found {found}")
                });
            };
            self.ws()?;
            self.expect(b':')?;
            self.ws()?;
            // Lengths and first letters tell most field names apart without a `memcmp` call.
            let is = |f: &&str| {
                f.len() == field.len() && f.as_bytes()[0] == field.as_bytes()[0] && *f == field
            };
            if let Some(i) = fields.iter().position(is) {
                if seen & (1 << i) != 0 {
                    self.error(at, format!("`{field}` is given twice in this `{name}`"));
                }
                seen |= 1 << i;
                on_field(self, i)?;
            } else {
                let near = did_you_mean(field, fields.iter().copied());
                let hint = match near {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("expected one of {}", list_names(fields)),
                };
                suggested.extend(near);
                self.error(at, format!("unknown field `{field}` in `{name}`; {hint}"));
                self.skip_value()?;
            }
            self.separator(b')', |found, next_field| match next_field {
                Some(next) => format!("missing `,` before the field `{next}` of `{name}`"),
                None => format!("expected `,` or `)` after a field of `{name}`, found {found}"),
            })?;
        }
        self.open.pop();
        for (i, f) in fields.iter().enumerate() {
            if seen & (1 << i) == 0 && required.contains(f) && !suggested.contains(f) {
                self.error(
                    start,
                    format!("`{name}` is missing its required field `{f}`"),
                );
            }
        }
        Ok(start)
    }

    /// Reads `[item, …]`, calling `item` with the cursor at each element. Anything other than
    /// a list is reported and skipped.
    pub(super) fn list(&mut self, mut item: impl FnMut(&mut Self) -> PResult<()>) -> PResult<()> {
        if self.peek() != Some(b'[') {
            return self.mismatch("a list `[…]`");
        }
        self.open.push((self.pos, Open::List));
        self.pos += 1;
        loop {
            self.ws()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                self.open.pop();
                return Ok(());
            }
            item(self)?;
            self.separator(b']', |found, _| {
                format!("expected `,` or `]` in a list, found {found}")
            })?;
        }
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
                    self.ws()?;
                    let v = inner(self)?;
                    self.ws()?;
                    // RON allows a trailing comma here too: `Some("x",)`.
                    if self.peek() == Some(b',') {
                        self.pos += 1;
                        self.ws()?;
                    }
                    self.expect(b')')?;
                    self.open.pop();
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
        if self.peek().is_none() {
            return self.unexpected(|found| format!("expected {expected}, found {found}"));
        }
        let found = self.found();
        self.error(self.pos, format!("expected {expected}, found {found}"));
        self.skip_value()
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

fn list_names(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
