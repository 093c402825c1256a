//! A zero-copy reader for timeline files: RON text straight into [`Timeline`] records.
//!
//! It reads the RON syntax the format allows (named or anonymous structs, lists, strings with
//! RON's escapes, raw strings, unsigned integers, unit enum variants, `Some(…)`/`None` or bare
//! values for optional fields, comments, trailing commas, `#![enable(…)]` attributes) and keeps
//! the offset of every value. Syntax errors stop it; type errors, unknown, duplicate and missing
//! fields, bad `when` values and empty names are reported and reading goes on, so one run
//! reports every problem.

mod lex;
mod records;
mod suggest;

pub use suggest::did_you_mean;

use super::diag::Diagnostic;
use super::types::{Offset, Timeline};

/// A syntax error has been recorded; reading cannot go on.
#[derive(Debug)]
pub struct Fatal;

pub type PResult<T> = Result<T, Fatal>;

pub struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    diags: Vec<Diagnostic>,
}

/// Reads a whole file. The offsets in diagnostics and records index `src` (a leading byte-order
/// mark is skipped, not removed). The timeline is `None` after a syntax error; otherwise it is
/// returned even when errors were found, so that validation can report the rest.
#[must_use]
pub fn parse(src: &str) -> (Option<Timeline<'_>>, Vec<Diagnostic>) {
    let mut p = Parser {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        diags: Vec::new(),
    };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
    }
    let timeline = p.document().ok();
    (timeline, p.diags)
}

impl<'a> Parser<'a> {
    pub(super) fn error(&mut self, at: Offset, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(at, message));
    }

    fn document(&mut self) -> PResult<Timeline<'a>> {
        self.ws()?;
        while self.at_str("#!") {
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

    /// `#![enable(implicit_some, …)]`: accepted and ignored, the loader's settings apply anyway.
    fn attribute(&mut self) -> PResult<()> {
        let start = self.pos;
        self.pos += 2;
        self.ws()?;
        self.expect(b'[')?;
        self.ws()?;
        if self.ident() != Some("enable") {
            return self.fatal(
                start,
                "the only attribute RON allows here is `#![enable(…)]`",
            );
        }
        self.ws()?;
        self.expect(b'(')?;
        loop {
            self.ws()?;
            if self.peek() == Some(b')') {
                break;
            }
            if self.ident().is_none() {
                let found = self.found();
                return self.fatal(
                    self.pos,
                    format!("expected an extension name, found {found}"),
                );
            }
            self.ws()?;
            if self.peek() != Some(b',') {
                break;
            }
            self.pos += 1;
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
            let found = self.found();
            self.fatal(self.pos, format!("expected `{}`, found {found}", b as char))
        }
    }

    /// Reads `Name(field: value, …)` (the name may be omitted). For each field, `on_field` is
    /// called with the field's index in `fields` and must read its value. Unknown fields are
    /// reported and skipped, duplicates reported; missing `required` ones reported at the start.
    /// Returns the offset of the record.
    pub(super) fn record(
        &mut self,
        name: &str,
        fields: &[&str],
        required: &[&str],
        mut on_field: impl FnMut(&mut Self, usize) -> PResult<()>,
    ) -> PResult<Offset> {
        let start = self.pos;
        if let Some(found) = self.ident() {
            if found != name {
                self.error(start, format!("expected `{name}(…)`, found `{found}(…)`"));
            }
            self.ws()?;
        }
        if self.peek() != Some(b'(') {
            let found = self.found();
            return self.fatal(self.pos, format!("expected `{name}(`, found {found}"));
        }
        self.pos += 1;
        let mut seen = vec![false; fields.len()];
        loop {
            self.ws()?;
            if self.peek() == Some(b')') {
                self.pos += 1;
                break;
            }
            let at = self.pos;
            let Some(field) = self.ident() else {
                let found = self.found();
                return self.fatal(
                    at,
                    format!("expected a field name or `)` in `{name}`, found {found}"),
                );
            };
            self.ws()?;
            self.expect(b':')?;
            self.ws()?;
            if let Some(i) = fields.iter().position(|f| *f == field) {
                if seen[i] {
                    self.error(at, format!("`{field}` is given twice in this `{name}`"));
                }
                seen[i] = true;
                on_field(self, i)?;
            } else {
                let hint = match did_you_mean(field, fields.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("expected one of {}", list_names(fields)),
                };
                self.error(at, format!("unknown field `{field}` in `{name}`; {hint}"));
                self.skip_value()?;
            }
            self.ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b')') => {}
                _ => {
                    let found = self.found();
                    return self.fatal(
                        self.pos,
                        format!("expected `,` or `)` after a field of `{name}`, found {found}"),
                    );
                }
            }
        }
        for (i, f) in fields.iter().enumerate() {
            if !seen[i] && required.contains(f) {
                self.error(
                    start,
                    format!("`{name}` is missing its required field `{f}`"),
                );
            }
        }
        Ok(start)
    }

    /// Reads `[item, …]`, calling `item` with the cursor at each element.
    pub(super) fn list(&mut self, mut item: impl FnMut(&mut Self) -> PResult<()>) -> PResult<bool> {
        if self.peek() != Some(b'[') {
            return self.mismatch("a list `[…]`").map(|()| false);
        }
        self.pos += 1;
        loop {
            self.ws()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(true);
            }
            item(self)?;
            self.ws()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {}
                _ => {
                    let found = self.found();
                    return self.fatal(
                        self.pos,
                        format!("expected `,` or `]` in a list, found {found}"),
                    );
                }
            }
        }
    }

    /// Reads an optional field's value: `None`, `Some(v)` or a bare `v`.
    pub(super) fn optional<T>(
        &mut self,
        mut inner: impl FnMut(&mut Self) -> PResult<Option<T>>,
    ) -> PResult<Option<T>> {
        let start = self.pos;
        match self.ident() {
            Some("None") => return Ok(None),
            Some("Some") => {
                self.ws()?;
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    self.ws()?;
                    let v = inner(self)?;
                    self.ws()?;
                    self.expect(b')')?;
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
        let found = self.found();
        self.error(self.pos, format!("expected {expected}, found {found}"));
        self.skip_value()
    }

    /// Skips one value of any RON shape without recursion, so no nesting depth can exhaust
    /// the stack.
    pub(super) fn skip_value(&mut self) -> PResult<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            self.ws()?;
            let at = self.pos;
            match self.peek() {
                None => return self.fatal(at, "the file ends in the middle of a value"),
                Some(b'(' | b'[' | b'{') => {
                    open.push(self.bytes[at]);
                    self.pos += 1;
                    continue;
                }
                Some(close @ (b')' | b']' | b'}')) => {
                    let want = match open.pop() {
                        Some(b'(') => b')',
                        Some(b'[') => b']',
                        Some(_) => b'}',
                        None => return self.fatal(at, format!("unexpected `{}`", close as char)),
                    };
                    if close != want {
                        return self.fatal(
                            at,
                            format!("expected `{}`, found `{}`", want as char, close as char),
                        );
                    }
                    self.pos += 1;
                }
                Some(b',' | b':') if !open.is_empty() => {
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
                    let len = self.bytes[at..]
                        .iter()
                        .take_while(|&&b| {
                            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+')
                        })
                        .count();
                    self.pos += len.max(1);
                }
                Some(_) => {
                    let found = self.found();
                    return self.fatal(at, format!("expected a value, found {found}"));
                }
            }
            if open.is_empty() {
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
