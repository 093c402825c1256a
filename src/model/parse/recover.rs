//! After a syntax error: which mistake it is, reported once with a hint a person can act on,
//! and where reading resumes, so that one run of `check` reports every mistake in a file.
//!
//! Reading resumes in the innermost list or record being read, at the next `,` or its closing
//! bracket, at the next field (`name:`) of a record, or at the next record (`Name(`) of a list.
//! A bracket that closes an enclosing list or record, or the next record of the enclosing list,
//! ends the one being read as if closed: its closing bracket is missing. What lies between is
//! skipped without recursion, bracket by bracket, so no nesting depth can exhaust the stack.

use super::lex::{is_ident_char, is_ident_start, is_ws_char, typographic};
use super::{Fatal, Open, PResult, Parser};
use crate::model::types::Offset;

/// How a list or record goes on after one of its items or fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Another item or field follows.
    Next,
    /// Its closing bracket is at the cursor.
    Closed,
    /// Its closing bracket is missing (reported): it ends at the cursor.
    Unclosed,
    /// The reader was asked to pause before the next item.
    Paused,
}

/// How the items of a list ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListEnd {
    /// At its `]`, left unread.
    Bracket,
    /// Its `]` is missing (reported).
    Unclosed,
    /// Paused before an item.
    Paused,
}

/// Where a list or record resumes after a syntax error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Resume {
    /// After the `,` at this offset: the next item or field follows.
    Comma(Offset),
    /// Its closing bracket is at the cursor.
    Close,
    /// The next field or item starts at the cursor.
    Item,
    /// It ends at the cursor, its closing bracket missing.
    Outer,
}

/// How far ahead a decision may look, in bytes: a mistake is judged by what closely follows
/// it, and looking further for each of many mistakes would make reading a file quadratic.
const LOOKAHEAD: usize = 4096;

/// Field names and record names longer than this are taken for neither.
const MAX_NAME: usize = 128;

/// How many brackets opened inside skipped text a closing bracket is matched against.
const MAX_SEARCH: usize = 64;

impl<'a> Parser<'a> {
    /// After an item of the list, or a field of the record, open at `depth`: reads the `,`
    /// (noting where in `comma`) or finds the closing bracket; otherwise decides which mistake
    /// stands there, reports it once and says how to go on (`Err` to resynchronise).
    #[inline]
    pub(super) fn separator(
        &mut self,
        depth: usize,
        close: u8,
        comma: &mut Option<Offset>,
    ) -> PResult<Step> {
        let value_end = self.pos;
        self.ws()?;
        match self.peek() {
            Some(b',') => {
                *comma = Some(self.pos);
                self.pos += 1;
                Ok(Step::Next)
            }
            Some(b) if b == close => Ok(self.own_close(depth)),
            _ => self.not_a_separator(depth, value_end),
        }
    }

    /// [`Self::separator`] when neither a `,` nor the closing bracket follows the value that
    /// ends at `value_end`.
    #[cold]
    fn not_a_separator(&mut self, depth: usize, value_end: Offset) -> PResult<Step> {
        let at = self.pos;
        match self.peek() {
            None => return self.unexpected(ToString::to_string),
            _ if self.lenient_at.take() == Some(at) => return Ok(Step::Next),
            _ => {}
        }
        let open = self.open[depth - 1].1;
        let record = match open {
            Open::Record(name, _) => Some(name),
            _ => None,
        };
        let hint = self.unclosed_string_hint(value_end);
        // A field or an item starts here: only the `,` before it is missing, or, in a list
        // that is a field's value, its `]`.
        if let Some(next) = self.field_name_at(at) {
            if let Some(name) = record {
                self.error(
                    at,
                    format!("missing `,` before the field `{next}` of `{name}`{hint}"),
                );
                return Ok(Step::Next);
            }
            if self.container_field_at(depth, at) {
                self.missing_close(depth, at);
                self.lenient_at = Some(at);
                return Ok(Step::Unclosed);
            }
        }
        if let Some(next) = self.record_name_at(at) {
            match record {
                None => {
                    self.error(at, format!("missing `,` before `{next}(…)` in a list"));
                    return Ok(Step::Next);
                }
                // The next record of the list this one is in: this one is not closed.
                Some(name) if name == next && self.container_is_list(depth) => {
                    self.missing_close(depth, at);
                    self.lenient_at = Some(at);
                    return Ok(Step::Unclosed);
                }
                Some(_) => {}
            }
        }
        let found = self.found();
        if matches!(self.peek(), Some(b';' | b'.'))
            && self.fits_after_comma(Some(depth - 1), at + 1)
        {
            // A `,` mistyped: what follows is what follows a `,` here.
            self.error(at, format!("expected `,`, found {found}"));
            self.pos += 1;
            return Ok(Step::Next);
        }
        let expected = match record {
            Some(name) => format!("expected `,` or `)` after a field of `{name}`, found {found}"),
            None => format!("expected `,` or `]` in a list, found {found}"),
        };
        if let Some(b @ (b')' | b']' | b'}')) = self.peek() {
            if let Some(step) = self.wrong_closer(depth, b, &expected) {
                return Ok(step);
            }
            if self.fits_after_item(Some(depth - 1), at + 1) {
                // What follows it is what follows an item here: it is one too many.
                self.error(at, format!("{expected}; it closes nothing here: delete it"));
                self.pos = at + 1;
                return Err(Fatal);
            }
        }
        if !self.string_mistake(value_end, record.is_none(), &expected, &hint) {
            self.error(at, expected);
        }
        Err(Fatal)
    }

    /// At the closing bracket of the list or record open at `depth`: it ends it, unless a field
    /// of this record follows it (`title: "x" )` then `when:`): then it is one too many
    /// (reported, and passed over).
    #[inline]
    pub(super) fn own_close(&mut self, depth: usize) -> Step {
        // What follows a closing bracket in a file without mistakes, the usual shape.
        if matches!(
            self.bytes.get(self.pos + 1),
            None | Some(b',' | b')' | b']')
        ) {
            return Step::Closed;
        }
        self.own_close_followed(depth)
    }

    /// [`Self::own_close`] when something else than `,`, `)` or `]` follows the bracket.
    #[cold]
    fn own_close_followed(&mut self, depth: usize) -> Step {
        let at = self.pos;
        let Some(next) = self.trivia_end(at + 1) else {
            return Step::Closed;
        };
        match self.open[depth - 1].1 {
            Open::Record(name, _) if self.field_of(depth - 1, next) => {
                let field = self.field_name_at(next).unwrap_or_default();
                self.error(
                    at,
                    format!("unexpected `)` before the field `{field}` of `{name}`"),
                );
            }
            // `[a, b] c]`: an item follows, and what follows a list does not.
            Open::List
                if (self.bytes.get(next) == Some(&b'"') || self.record_name_at(next).is_some())
                    && !self.fits_after_item(depth.checked_sub(2), at + 1) =>
            {
                self.error(at, "unexpected `]` before an item of the list");
            }
            _ => return Step::Closed,
        }
        self.pos = next;
        Step::Next
    }

    /// After the value that ends at `value_end`, what stands at the cursor is wrong: when
    /// that value is a string, says (`expected`, then a hint) which quote is missing or one
    /// too many, and moves the cursor to where reading can resume. Otherwise reports nothing
    /// and returns false.
    fn string_mistake(
        &mut self,
        value_end: Offset,
        in_list: bool,
        expected: &str,
        hint: &str,
    ) -> bool {
        let at = self.pos;
        if !hint.is_empty() {
            self.drop_string_diags();
            self.error(at, format!("{expected}{hint}"));
            if let Some(line_end) = self.resume_after_first_line() {
                // What the string swallowed is read again: the value read holds it too.
                self.rec.lossy = true;
                self.pos = line_end;
            }
        } else if let Some((comma, next)) = self.string_runs_into_field(value_end, in_list) {
            self.drop_string_diags();
            let before = next.map_or(String::new(), |next| format!(" {next}:"));
            self.error(
                at,
                format!("{expected}; is a `\"` missing before `,{before}`?"),
            );
            // The string is read again as it was meant to end, before the `,`; its value
            // read holds the rest, so what refers to it is not checked.
            self.rec.lossy = true;
            self.pos = comma;
        } else if let Some(end) = self.stray_quote_end(value_end) {
            self.error(
                at,
                format!(
                    "{expected}; if the `\"` before it belongs to the text, write it as `\\\"`"
                ),
            );
            self.pos = end;
        } else {
            return false;
        }
        true
    }

    /// A closing bracket `b` that is not the one of the list or record open at `depth`. When
    /// it closes an enclosing one and what follows fits there, this one's bracket is missing;
    /// when this one's bracket would fit in its place, it was meant to close this one. Either
    /// is reported; `None` (nothing reported) when neither.
    pub(super) fn wrong_closer(&mut self, depth: usize, b: u8, expected: &str) -> Option<Step> {
        let at = self.pos;
        if let Some(i) = (0..depth - 1).rev().find(|&i| self.open[i].1.close() == b)
            && self.fits_after_item(i.checked_sub(1), at + 1)
        {
            self.missing_close(depth, at);
            return Some(Step::Unclosed);
        }
        if self.fits_after_item(depth.checked_sub(2), at + 1) {
            let (start, open) = self.open[depth - 1];
            let (what, close) = open.describe();
            let line = self.line_of(start);
            self.error(
                at,
                format!(
                    "{expected}; the {what} that starts on line {line} is closed with `{close}`"
                ),
            );
            return Some(Step::Closed);
        }
        None
    }

    /// At a field of the record open at `depth`: the next record of its list, or a bracket that
    /// closes an enclosing list, means that this record's `)` is missing. A `,` read after the
    /// last field (at `comma`) is given back, as the separator of the list's items; a `,` left
    /// where the `)` was deleted (`…],` `,` then the next record) is left to the list too.
    pub(super) fn unclosed_at_field(
        &mut self,
        depth: usize,
        comma: Option<Offset>,
    ) -> Option<Step> {
        let Open::Record(name, _) = self.open[depth - 1].1 else {
            return None;
        };
        let sibling =
            |p: &Self, at| p.container_is_list(depth) && p.record_name_at(at) == Some(name);
        self.unclosed_if(depth, comma, sibling)
    }

    /// The one rule of both cases above: what stands at the cursor, or after a `,` there,
    /// belongs to the container of the list or record open at `depth` (`belongs`), or closes
    /// one enclosing it; then that list or record is missing its closing bracket.
    fn unclosed_if(
        &mut self,
        depth: usize,
        comma: Option<Offset>,
        belongs: impl Fn(&Self, Offset) -> bool,
    ) -> Option<Step> {
        let at = self.pos;
        if belongs(self, at) {
            self.missing_close(depth, at);
            self.give_back(comma, at);
            return Some(Step::Unclosed);
        }
        if self.closes_enclosing(depth, at) {
            self.missing_close(depth, at);
            return Some(Step::Unclosed);
        }
        if self.peek() == Some(b',')
            && let Some(next) = self.trivia_end(at + 1)
            && (belongs(self, next) || self.closes_enclosing(depth, next))
        {
            self.missing_close(depth, at);
            return Some(Step::Unclosed);
        }
        None
    }

    /// At an item of the list open at `depth`: a field of the record it is the value of, or a
    /// bracket that closes an enclosing list or record, means that the list's `]` is missing;
    /// a `,` read after the last item, or left where the `]` was deleted, is left to the record.
    #[inline]
    pub(super) fn unclosed_at_item(&mut self, depth: usize, comma: Option<Offset>) -> Option<Step> {
        let at = self.pos;
        match self.peek() {
            // A string item, the usual shape.
            Some(b'"') => return None,
            // A record item written `Name(`, the usual shape.
            Some(b) if is_ident_start(b) => {
                let end = at
                    + self.bytes[at..]
                        .iter()
                        .take_while(|&&b| is_ident_char(b))
                        .count();
                if self.bytes.get(end) == Some(&b'(') {
                    return None;
                }
            }
            _ => {}
        }
        self.unclosed_at_item_slow(depth, comma)
    }

    #[cold]
    fn unclosed_at_item_slow(&mut self, depth: usize, comma: Option<Offset>) -> Option<Step> {
        self.unclosed_if(depth, comma, |p: &Self, at| p.container_field_at(depth, at))
    }

    /// Whether the bracket at `at` closes a list or record enclosing the one open at `depth`,
    /// and what follows it fits there: then this one is missing its closing bracket.
    fn closes_enclosing(&self, depth: usize, at: Offset) -> bool {
        let Some(b) = self.bytes.get(at).copied() else {
            return false;
        };
        if !matches!(b, b')' | b']' | b'}') || b == self.open[depth - 1].1.close() {
            return false;
        }
        (0..depth - 1)
            .rev()
            .find(|&i| self.open[i].1.close() == b)
            .is_some_and(|i| self.fits_after_item(i.checked_sub(1), at + 1))
    }

    /// After `Some(value` (a `,` after it read, at `comma`), no `)`: when what follows fits
    /// after the `Some(…)`, its `)` is missing (reported); otherwise a syntax error.
    pub(super) fn unclosed_some(&mut self, depth: usize, comma: Option<Offset>) -> PResult<()> {
        let at = self.pos;
        let container = depth.checked_sub(2);
        let fits = match comma {
            Some(_) => self.fits_after_comma(container, at),
            None => self.fits_after_item(container, at) || self.container_field_at(depth, at),
        };
        if self.peek().is_none() || !fits {
            return self.unexpected(|found| format!("expected `)`, found {found}"));
        }
        self.missing_close(depth, at);
        self.give_back(comma, at);
        Ok(())
    }

    /// After a list or record found not closed at `at`: the `,` read after its last item (at
    /// `comma`) separates the enclosing list's items or record's fields, so it is read again
    /// there; without one, a `,` missing at `at` is part of the same mistake.
    fn give_back(&mut self, comma: Option<Offset>, at: Offset) {
        match comma {
            Some(c) => self.pos = c,
            None => self.lenient_at = Some(at),
        }
    }

    /// Reports that the list or record open at `depth` is missing its closing bracket at `at`.
    fn missing_close(&mut self, depth: usize, at: Offset) {
        let (start, open) = self.open[depth - 1];
        let (what, close) = open.describe();
        let line = self.line_of(start);
        self.error(
            at,
            format!("missing `{close}` to close the {what} that starts on line {line}"),
        );
    }

    /// Whether a field of the record that encloses the list or record open at `depth` starts
    /// at `at`.
    fn container_field_at(&self, depth: usize, at: Offset) -> bool {
        depth >= 2 && self.field_of(depth - 2, at)
    }

    /// Whether a field of the record `open[i]` starts at `at` (`Sourceid:` is not one: a record
    /// `Source(id:` with its `(` deleted).
    fn field_of(&self, i: usize, at: Offset) -> bool {
        let Open::Record(_, fields) = self.open[i].1 else {
            return false;
        };
        self.field_name_at(at)
            .is_some_and(|field| fields.contains(&field))
    }

    fn container_is_list(&self, depth: usize) -> bool {
        depth >= 2 && matches!(self.open[depth - 2].1, Open::List)
    }

    /// Whether the text at `at` may follow an item of the list or record `open[container]`
    /// (`None`: the timeline, which only the end of the file follows): its `,` then another
    /// item, or its closing bracket.
    fn fits_after_item(&self, container: Option<usize>, at: Offset) -> bool {
        let Some(at) = self.trivia_end(at) else {
            return false;
        };
        let next = self.bytes.get(at).copied();
        let Some(i) = container else {
            return next.is_none();
        };
        match next {
            Some(b',') => self.fits_after_comma(container, at + 1),
            Some(b) => b == self.open[i].1.close(),
            None => false,
        }
    }

    /// Whether the text at `at` may follow a `,` in the list or record `open[container]`.
    fn fits_after_comma(&self, container: Option<usize>, at: Offset) -> bool {
        let (Some(i), Some(at)) = (container, self.trivia_end(at)) else {
            return false;
        };
        let open = self.open[i].1;
        if self.bytes.get(at) == Some(&open.close()) {
            return true;
        }
        match open {
            Open::Record(..) => self.field_of(i, at),
            Open::Some => false,
            Open::List | Open::Bracket(_) => {
                self.value_starts_at(at) && self.field_name_at(at).is_none()
            }
        }
    }

    /// Skips what follows a syntax error inside the list or record open at `depth` (brackets
    /// opened after it may still be open) to where it can go on. Reports nothing, except that
    /// the file ends inside it.
    pub(super) fn resync(&mut self, depth: usize) -> PResult<Resume> {
        let in_record = matches!(self.open[depth - 1].1, Open::Record(..));
        // Brackets left open: a value was begun and is given up.
        self.rec.lossy |= self.open.len() > depth;
        loop {
            let reported = self.diags.len();
            if self.ws().is_err() {
                if self.rec.stopped {
                    return Err(Fatal);
                }
                // A lone `/`, part of what is skipped.
                self.diags.truncate(reported);
                self.skip_broken_comment();
                continue;
            }
            let at = self.pos;
            let Some(b) = self.peek() else {
                return self.unexpected(ToString::to_string);
            };
            let inside = self.open.len() > depth;
            if self.at_string() {
                self.rec.lossy = true;
                self.skip_string_quietly();
                continue;
            }
            match b {
                b'(' | b'[' | b'{' => {
                    self.rec.lossy = true;
                    self.open.push((at, Open::Bracket(b)));
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    if let Some(resume) = self.resync_closer(depth, b) {
                        return Ok(resume);
                    }
                }
                b',' if !inside => {
                    self.pos += 1;
                    return Ok(Resume::Comma(at));
                }
                b'\'' => {
                    let end = self.bytes[at + 1..]
                        .iter()
                        .take(12)
                        .position(|&b| b == b'\'');
                    self.pos = end.map_or(at + 1, |i| at + 1 + i + 1);
                }
                b if is_ident_start(b) => {
                    if let Some(resume) = self.resync_ident(depth, in_record, inside) {
                        return Ok(resume);
                    }
                }
                _ => self.pos += self.src[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
    }

    /// At a lone `/` (reported): a line comment with one `/` lost, skipped to the end of its
    /// line; or, when a field, a record, a string or a bracket follows it, a `/` too many.
    pub(super) fn skip_broken_comment(&mut self) {
        let next = self.bytes[self.pos + 1..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count()
            + self.pos
            + 1;
        let code = self.field_name_at(next).is_some()
            || self.record_name_at(next).is_some()
            || matches!(
                self.bytes.get(next),
                Some(b'"' | b'(' | b')' | b'[' | b']' | b',')
            );
        self.pos = if code {
            next
        } else {
            memchr::memchr(b'\n', &self.bytes[self.pos..])
                .map_or(self.bytes.len(), |i| self.pos + i)
        };
    }

    /// A closing bracket met while resynchronising: closes a bracket opened in the skipped
    /// text, or the list or record itself, or an enclosing one (it ends here, not closed),
    /// or nothing (skipped).
    fn resync_closer(&mut self, depth: usize, b: u8) -> Option<Resume> {
        let at = self.pos;
        let inside = self.open.len() > depth;
        if let Some(i) = (depth..self.open.len())
            .rev()
            .take(MAX_SEARCH)
            .find(|&i| self.open[i].1.close() == b)
        {
            self.open.truncate(i);
            self.pos += 1;
            return None;
        }
        // With brackets of the skipped text still open, this one's bracket is taken for its
        // own only where it fits: `{{))` has a `)` too many, not a record closed.
        if self.open[depth - 1].1.close() == b
            && (!inside || self.fits_after_item(depth.checked_sub(2), at + 1))
        {
            self.open.truncate(depth);
            return Some(Resume::Close);
        }
        if let Some(i) = (0..depth - 1).rev().find(|&i| self.open[i].1.close() == b)
            && self.fits_after_item(i.checked_sub(1), at + 1)
        {
            self.open.truncate(depth);
            self.lenient_at = Some(at);
            return Some(Resume::Outer);
        }
        // The wrong bracket where this one's fits: the mistake reported already.
        if !inside && self.fits_after_item(depth.checked_sub(2), at + 1) {
            return Some(Resume::Close);
        }
        self.pos += 1;
        None
    }

    /// A word met while resynchronising: a field of the record, a record of the list, or what
    /// follows the list or record (it ends here, not closed); otherwise skipped.
    fn resync_ident(&mut self, depth: usize, in_record: bool, inside: bool) -> Option<Resume> {
        let at = self.pos;
        if !inside {
            if self.field_name_at(at).is_some() {
                if in_record {
                    return Some(Resume::Item);
                }
                if self.container_field_at(depth, at) {
                    self.lenient_at = Some(at);
                    return Some(Resume::Outer);
                }
            } else if let Some(name) = self.record_name_at(at) {
                if !in_record {
                    return Some(Resume::Item);
                }
                let own = matches!(self.open[depth - 1].1, Open::Record(own, _) if own == name);
                if own && self.container_is_list(depth) {
                    self.lenient_at = Some(at);
                    return Some(Resume::Outer);
                }
            }
        } else if self.field_name_at(at).is_some() {
            self.rec.skipped_field = true;
        }
        if self.ident().is_none() {
            self.pos += 1;
        }
        None
    }

    /// Skips the string literal at the cursor without reading its escapes or reporting
    /// anything; one character when it is never closed, or when a `"` string would run across
    /// a line: among mistakes, that is far more often a `"` too many than a string of lines.
    fn skip_string_quietly(&mut self) {
        let at = self.pos;
        let end = match self.bytes[at] {
            b'"' => {
                let mut i = at + 1;
                loop {
                    let Some(rest) = self.bytes.get(i..) else {
                        break None;
                    };
                    match memchr::memchr3(b'"', b'\\', b'\n', rest) {
                        Some(j) if rest[j] == b'\\' => i += j + 2,
                        Some(j) if rest[j] == b'"' => break Some(i + j + 1),
                        _ => break None,
                    }
                }
            }
            b'r' => {
                let hashes = self.bytes[at + 1..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                let body = at + 1 + hashes + 1;
                if self.bytes.get(body - 1) == Some(&b'"') {
                    let mut close = String::from("\"");
                    close.extend(std::iter::repeat_n('#', hashes));
                    self.src[body..]
                        .find(&close)
                        .map(|i| body + i + close.len())
                } else {
                    None
                }
            }
            _ => typographic(&self.bytes[at..])
                .and_then(|(_, close)| close)
                .map(|(i, len)| at + i + len),
        };
        self.pos =
            end.unwrap_or_else(|| at + self.src[at..].chars().next().map_or(1, char::len_utf8));
    }

    /// Drops what was reported about the last string's value (a `when` that is not one, at its
    /// start, reported just after it was read): when the string swallowed what follows it,
    /// that is about the text swallowed, and the missing quote is the mistake.
    fn drop_string_diags(&mut self) {
        let (start, _) = self.last_string;
        while self.diags.last().is_some_and(|d| d.at == Some(start)) {
            self.diags.pop();
        }
    }

    /// When the plain string that ends at `value_end` holds `, name:` (`id: "zelensky, name:
    /// "Volodymyr Zelensky"`) or, as an item of a list, ends with `,` (`["zelensky, "nsdc"]`;
    /// in a field, `"He said, "no""` is a `"` inside the text): its closing quote is missing
    /// before that `,`. Returns where the `,` is, and the field's name.
    fn string_runs_into_field(
        &self,
        value_end: Offset,
        in_list: bool,
    ) -> Option<(Offset, Option<&'a str>)> {
        let (start, end) = self.last_string;
        if end != value_end || self.bytes.get(start) != Some(&b'"') {
            return None;
        }
        let body_end = end - 1;
        let body = &self.bytes[start + 1..body_end];
        let trimmed = body.len() - body.iter().rev().take_while(|&&b| b == b' ').count();
        if in_list && trimmed > 0 && body[trimmed - 1] == b',' {
            return Some((start + trimmed, None));
        }
        memchr::memchr_iter(b',', body).find_map(|i| {
            let comma = start + 1 + i;
            let (name, name_end) = self.ident_at(self.trivia_end(comma + 1)?)?;
            let colon = self.trivia_end(name_end)?;
            (colon < body_end && self.bytes[colon] == b':').then_some((comma, Some(name)))
        })
    }

    /// When the string that ends at `value_end` runs across lines, the likely cause of what
    /// follows it being wrong is a missing closing quote: says so, for the message.
    fn unclosed_string_hint(&mut self, value_end: Offset) -> String {
        let (start, end) = self.last_string;
        if end != value_end {
            return String::new();
        }
        let Some(newline) = memchr::memchr(b'\n', &self.bytes[start..end]) else {
            return String::new();
        };
        let line = self.line_of(start);
        let first_line = &self.src[start + 1..start + newline];
        if let Some(q) = first_line.chars().find(|c| matches!(c, '”' | '“')) {
            return format!(
                "; the string that starts on line {line} is not closed on that line: the typographic `{q}` there does not close a string, write `\"`"
            );
        }
        format!(
            "; the string that starts on line {line} runs across lines: is its closing `\"` missing?"
        )
    }

    /// For a string that ran across lines because its closing quote is missing: where its
    /// first line ends, when the next line starts a field, a record or a closing bracket, so
    /// that reading resumes there rather than inside what the string swallowed.
    fn resume_after_first_line(&self) -> Option<Offset> {
        let (start, end) = self.last_string;
        let newline = start + memchr::memchr(b'\n', &self.bytes[start..end])?;
        let next = self.trivia_end(newline)?;
        let starts_something = self.field_name_at(next).is_some()
            || self.record_name_at(next).is_some()
            || matches!(self.bytes.get(next), Some(b')' | b']'));
        (next < end && starts_something).then_some(newline)
    }

    /// When the plain string that ends at `value_end` was ended early by a `"` meant to be part
    /// of its text (`"He said "no" to it"`), where it was meant to end: just after the first
    /// `"` later on the line that is followed by the end of a value (`,`, `)`, `]` or the end
    /// of the line), and is the last such before the next field or record on the line.
    fn stray_quote_end(&self, value_end: Offset) -> Option<Offset> {
        let (start, end) = self.last_string;
        // The text goes on right after the `"` that ended it early: a word.
        if end != value_end
            || self.pos != end
            || !self.peek().is_some_and(is_ident_char)
            || self.bytes.get(start) != Some(&b'"')
            || memchr::memchr(b'\n', &self.bytes[start..self.pos]).is_some()
        {
            return None;
        }
        let line_end = memchr::memchr(b'\n', &self.bytes[self.pos..])
            .map_or(self.bytes.len(), |i| self.pos + i);
        let ends_value = |after: usize| {
            let rest = &self.bytes[after..line_end];
            let n = rest
                .iter()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
            matches!(rest.get(n), None | Some(b',' | b')' | b']' | b'\r'))
                || rest[n..].starts_with(b"//")
        };
        let mut best = None;
        let mut i = self.pos;
        while i < line_end {
            match self.bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    if ends_value(i + 1) {
                        best = Some(i + 1);
                    }
                    i += 1;
                }
                b',' => {
                    let next = self.trivia_end(i + 1).unwrap_or(line_end);
                    if next < line_end
                        && (self.field_name_at(next).is_some()
                            || self.record_name_at(next).is_some())
                    {
                        break;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        best
    }

    /// A quote at the cursor followed by a field or a record (`"title: "x"`, `" Event(`): it
    /// is one too many.
    pub(super) fn stray_quote_before_field(&self) -> Option<char> {
        let quote = self.src[self.pos..]
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '“' | '”' | '„' | '‘' | '’'))?;
        if quote == '"' && self.string_item_at(self.pos) {
            // `[" a:", …]`: a whole string, with a space and a colon in it, is no stray quote.
            return None;
        }
        let next = self.trivia_end(self.pos + quote.len_utf8())?;
        (self.field_name_at(next).is_some() || self.record_name_at(next).is_some()).then_some(quote)
    }

    /// Whether a `"` string starting at `at` closes and is followed, across trivia, by what
    /// ends a list item (`,` or `]`): then it reads as one, whatever it holds.
    fn string_item_at(&self, at: Offset) -> bool {
        let mut i = at + 1;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'\\' => i += 2,
                b'"' => {
                    return self
                        .trivia_end(i + 1)
                        .is_some_and(|j| matches!(self.bytes.get(j), Some(b',' | b']')));
                }
                _ => i += 1,
            }
        }
        false
    }

    /// When the word at the cursor, where a value is expected, is followed on its line by a
    /// `"` that ends a value with no `"` to open it (`title: The talks",`): where that string
    /// ends, just after that `"`.
    pub(super) fn opening_quote_missing(&self) -> Option<Offset> {
        if !self.peek().is_some_and(is_ident_char) {
            return None;
        }
        let line_end = memchr::memchr(b'\n', &self.bytes[self.pos..])
            .map_or(self.bytes.len(), |i| self.pos + i);
        let mut quotes = 0;
        let mut i = self.pos;
        while i < line_end {
            match self.bytes[i] {
                b'\\' => i += 1,
                b'"' => {
                    quotes += 1;
                    let rest = &self.bytes[i + 1..line_end];
                    let n = rest
                        .iter()
                        .take_while(|&&b| b == b' ' || b == b'\t')
                        .count();
                    let ends = matches!(rest.get(n), None | Some(b',' | b')' | b']' | b'\r'));
                    if ends && quotes % 2 == 1 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// When the value at the cursor, where a list is expected, is followed on its line by a
    /// `]` that ends a value, with no `[` before it (`sources: "rt-live"],`): the list's `[`
    /// is missing.
    pub(super) fn opening_bracket_missing(&self) -> bool {
        if !self.peek().is_some_and(|b| b == b'"' || is_ident_start(b)) {
            return false;
        }
        let line_end = memchr::memchr(b'\n', &self.bytes[self.pos..])
            .map_or(self.bytes.len(), |i| self.pos + i);
        let mut parens = 0usize;
        let mut i = self.pos;
        while i < line_end {
            match self.bytes[i] {
                b'"' => {
                    // A plain string, skipped whole.
                    i += 1;
                    while i < line_end && self.bytes[i] != b'"' {
                        i += if self.bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' => parens += 1,
                b')' if parens > 0 => parens -= 1,
                b']' if parens == 0 => {
                    let rest = &self.bytes[i + 1..line_end];
                    let n = rest
                        .iter()
                        .take_while(|&&b| b == b' ' || b == b'\t')
                        .count();
                    return matches!(rest.get(n), None | Some(b',' | b')' | b'\r'));
                }
                b'[' | b']' | b')' | b'{' | b'}' => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    /// Where the whitespace and comments from `at` end, read without reporting anything;
    /// `None` when they run on for more than [`LOOKAHEAD`] bytes or a comment is not closed.
    pub(super) fn trivia_end(&self, mut at: Offset) -> Option<Offset> {
        let limit = at.saturating_add(LOOKAHEAD).min(self.bytes.len());
        loop {
            if at > limit {
                return None;
            }
            match self.bytes.get(at) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => at += 1,
                Some(b'/') => match self.bytes.get(at + 1) {
                    Some(b'/') => {
                        at = match memchr::memchr(b'\n', &self.bytes[at..limit]) {
                            Some(i) => at + i + 1,
                            None if limit == self.bytes.len() => limit,
                            None => return None,
                        };
                    }
                    Some(b'*') => {
                        let mut level = 0usize;
                        loop {
                            if at + 1 >= limit {
                                return None;
                            }
                            match &self.bytes[at..at + 2] {
                                b"/*" => (level, at) = (level + 1, at + 2),
                                b"*/" => (level, at) = (level - 1, at + 2),
                                _ => at += 1,
                            }
                            if level == 0 {
                                break;
                            }
                        }
                    }
                    _ => return Some(at),
                },
                Some(&b) if b >= 0x80 => match self.src.get(at..).and_then(|s| s.chars().next()) {
                    Some(c) if is_ws_char(c) => at += c.len_utf8(),
                    _ => return Some(at),
                },
                _ => return Some(at),
            }
        }
    }

    /// The identifier at `at` (`name`, `r#name`) and where it ends, if one starts there.
    fn ident_at(&self, at: Offset) -> Option<(&'a str, Offset)> {
        let rest = self.bytes.get(at..)?;
        let start = match rest {
            [b'r', b'#', b, ..] if is_ident_start(*b) => at + 2,
            [b'r', b'"' | b'#', ..] => return None,
            [b, ..] if is_ident_start(*b) => at,
            _ => return None,
        };
        let len = self.bytes[start..]
            .iter()
            .take(MAX_NAME + 1)
            .take_while(|&&b| is_ident_char(b))
            .count();
        (len <= MAX_NAME).then(|| (&self.src[start..start + len], start + len))
    }

    /// The name of the field that starts at `at` (`name:`), if one does.
    pub(super) fn field_name_at(&self, at: Offset) -> Option<&'a str> {
        let (name, end) = self.ident_at(at)?;
        let next = self.trivia_end(end)?;
        (self.bytes.get(next) == Some(&b':')).then_some(name)
    }

    /// The name of the record that starts at `at` (`Name(`), if one does.
    pub(super) fn record_name_at(&self, at: Offset) -> Option<&'a str> {
        let (name, end) = self.ident_at(at)?;
        let next = self.trivia_end(end)?;
        (self.bytes.get(next) == Some(&b'(')).then_some(name)
    }

    /// True when a value of some RON shape starts at `at`.
    pub(super) fn value_starts_at(&self, at: Offset) -> bool {
        match self.bytes.get(at) {
            Some(b'(' | b'[' | b'{' | b'\'' | b'"' | b'0'..=b'9' | b'-' | b'+' | b'.') => true,
            Some(0xE2) => typographic(&self.bytes[at..]).is_some(),
            Some(&b) => is_ident_start(b),
            None => false,
        }
    }

    /// The line (1-based) of offset `at`, counted from the last line asked for: messages ask
    /// in file order, mostly, so that a file with many mistakes is still read in linear time.
    pub(super) fn line_of(&mut self, at: Offset) -> usize {
        let (known_at, known_line) = self.line_cache;
        let line = if at >= known_at {
            known_line + memchr::memchr_iter(b'\n', &self.bytes[known_at..at]).count()
        } else {
            known_line - memchr::memchr_iter(b'\n', &self.bytes[at..known_at]).count()
        };
        self.line_cache = (at, line);
        line + 1
    }
}
