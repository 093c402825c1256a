//! The lexical layer of the RON reader: whitespace and comments, strings, numbers, identifiers.

use super::{Fatal, PResult, Parser};
use crate::model::types::{Offset, Str};

/// Whitespace as RON defines it (Unicode `Pattern_White_Space`).
pub(super) fn is_ws_char(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// What stands where an unsigned integer is expected.
pub(super) enum Unsigned {
    Value(u64),
    /// Digits of an unsigned integer, more than 64 bits can hold.
    TooLarge,
    /// Something else.
    Not,
}

/// A token quoted for a message, shortened when long (a token can be a whole line).
fn quote_token(token: &str) -> String {
    const MAX: usize = 40;
    if token.len() <= MAX {
        format!("`{token}`")
    } else {
        format!("`{}…`", &token[..MAX])
    }
}

/// The typographic quotes a word processor puts where `"` was typed: `“ ” „` and `‘ ’`, as
/// the third byte of their UTF-8 encoding (all start `E2 80`).
const DOUBLE_QUOTES: [u8; 3] = [0x9C, 0x9D, 0x9E];
const SINGLE_QUOTES: [u8; 2] = [0x98, 0x99];

/// When `bytes` starts with a typographic quote: its length, and where (from the start of
/// `bytes`) and how long the quote that closes it on the same line is, if there is one. A
/// double quote is closed by the next double quote, typographic or straight; a single one by
/// the next single quote that ends a value (followed by `,`, `)`, `]`, a comment or the end
/// of the line), or else the line's last, since `’` is also an apostrophe (`‘Don’t’`).
pub(super) fn typographic(bytes: &[u8]) -> Option<(usize, Option<(usize, usize)>)> {
    let third = match bytes {
        [0xE2, 0x80, b, ..] if DOUBLE_QUOTES.contains(b) || SINGLE_QUOTES.contains(b) => *b,
        _ => return None,
    };
    let line_end = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    let line = &bytes[..line_end];
    let quote_at = |i: usize, set: &[u8]| {
        line.get(i..i + 3)
            .is_some_and(|q| q[0] == 0xE2 && q[1] == 0x80 && set.contains(&q[2]))
    };
    if DOUBLE_QUOTES.contains(&third) {
        let close = (3..line.len()).find_map(|i| {
            if line[i] == b'"' {
                Some((i, 1))
            } else if quote_at(i, &DOUBLE_QUOTES) {
                Some((i, 3))
            } else {
                None
            }
        });
        return Some((3, close));
    }
    let ends_value = |after: usize| {
        let rest = &line[after..];
        let n = rest
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        matches!(rest.get(n), None | Some(b',' | b')' | b']' | b'\r' | b'/'))
    };
    let mut last = None;
    for i in 3..line.len() {
        if quote_at(i, &SINGLE_QUOTES) {
            if ends_value(i + 3) {
                return Some((3, Some((i, 3))));
            }
            last = Some((i, 3));
        }
    }
    Some((3, last))
}

pub(super) fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

pub(super) fn is_ident_char(b: u8) -> bool {
    IDENT_CHAR[b as usize]
}

/// [`is_ident_char`] as a table: field names are most of the identifiers of a file, and one
/// load per byte scans them at half the cost of the two range tests.
static IDENT_CHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    table
};

impl<'a> Parser<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn at_str(&self, s: &str) -> bool {
        self.bytes[self.pos..].starts_with(s.as_bytes())
    }

    /// Skips whitespace and comments (`//` to end of line, nested `/* */`).
    #[inline]
    pub(super) fn ws(&mut self) -> PResult<()> {
        // Most calls stand at a token already (a name after `(`, a value after `: `).
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'/' | 0x80..) => self.skip_ws(),
            _ => Ok(()),
        }
    }

    /// [`Self::ws`] once something to skip may stand at the cursor.
    fn skip_ws(&mut self) -> PResult<()> {
        loop {
            match self.peek() {
                Some(b' ') => self.spaces(),
                Some(b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.pos += 1,
                Some(b'/') => match self.bytes.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos = memchr::memchr(b'\n', &self.bytes[self.pos..])
                            .map_or(self.bytes.len(), |i| self.pos + i + 1);
                    }
                    Some(b'*') => self.block_comment()?,
                    _ => {
                        return self
                            .fatal(self.pos, "unexpected `/`: comments start with `//` or `/*`");
                    }
                },
                Some(b) if b >= 0x80 => match self.src[self.pos..].chars().next() {
                    Some(c) if is_ws_char(c) => self.pos += c.len_utf8(),
                    _ => return Ok(()),
                },
                _ => return Ok(()),
            }
        }
    }

    /// Skips a run of spaces (indentation, mostly) eight bytes at a time.
    fn spaces(&mut self) {
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            let other = u64::from_le_bytes(word) ^ u64::from_le_bytes([b' '; 8]);
            if other != 0 {
                self.pos += (other.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    fn block_comment(&mut self) -> PResult<()> {
        let start = self.pos;
        self.pos += 2;
        let mut level = 1usize;
        while level > 0 {
            let rest = &self.bytes[self.pos..];
            let Some(i) = rest.iter().position(|&b| b == b'/' || b == b'*') else {
                return self.stop(start, "this block comment is never closed with `*/`");
            };
            self.pos += i;
            if self.at_str("/*") {
                level += 1;
                self.pos += 2;
            } else if self.at_str("*/") {
                level -= 1;
                self.pos += 2;
            } else {
                self.pos += 1;
            }
        }
        Ok(())
    }

    /// True when the next value is a string literal (`"…"`, `r"…"`, `r#"…"#`), or what a word
    /// processor makes of one (`“…”`, `‘…’`: read, with an error saying to use `"`).
    pub(super) fn at_string(&self) -> bool {
        match self.peek() {
            Some(b'"') => true,
            Some(b'r') => matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')),
            Some(0xE2) => typographic(&self.bytes[self.pos..]).is_some(),
            _ => false,
        }
    }

    /// Reads a string literal; the caller has checked [`Self::at_string`].
    pub(super) fn string_literal(&mut self) -> PResult<Str<'a>> {
        let start = self.pos;
        let value = self.string_body()?;
        self.last_string = (start, self.pos);
        Ok(value)
    }

    fn string_body(&mut self) -> PResult<Str<'a>> {
        match self.peek() {
            Some(b'r') => return self.raw_string(),
            Some(0xE2) => return self.typographic_string(),
            _ => {}
        }
        let start = self.pos;
        self.pos += 1;
        // One vectorised pass finds the end of a plain string or its first escape.
        match memchr::memchr2(b'"', b'\\', &self.bytes[self.pos..]) {
            Some(end) if self.bytes[self.pos + end] == b'"' => {
                let value = &self.src[self.pos..self.pos + end];
                self.pos += end + 1;
                Ok(Str::borrowed(value))
            }
            Some(_) => self.escaped_string(start),
            None => self.stop(start, "this string is never closed with `\"`"),
        }
    }

    fn escaped_string(&mut self, start: usize) -> PResult<Str<'a>> {
        let mut out = String::new();
        // Only a string's first malformed escape is reported: the same mistake is often made
        // throughout a string (a URL copied from JSON, every `/` written `\/`).
        let mut reported = false;
        loop {
            let rest = &self.src[self.pos..];
            let Some(i) = rest.find(['"', '\\']) else {
                return self.stop(start, "this string is never closed with `\"`");
            };
            out.push_str(&rest[..i]);
            self.pos += i;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Ok(Str::owned(out));
            }
            if let Some((at, message)) = self.escape(&mut out)?
                && !reported
            {
                self.error(at, message);
                reported = true;
            }
        }
    }

    /// Reads one escape at `\`: `\" \' \\ \n \r \t \0 \xHH \u{H…}` or a line continuation
    /// (a `\` at the end of a line, LF or CRLF, drops the line break and the next line's
    /// leading whitespace). A malformed escape is left out of the string, which reads on, and
    /// returned (where it is, what is wrong) to be reported: it is one mistake inside a string
    /// that is otherwise whole.
    fn escape(&mut self, out: &mut String) -> PResult<Option<(Offset, String)>> {
        let at = self.pos;
        self.pos += 1;
        let Some(b) = self.peek() else {
            return self.stop(at, "this string is never closed with `\"`");
        };
        self.pos += 1;
        match b {
            b'"' => out.push('"'),
            b'\'' => out.push('\''),
            b'\\' => out.push('\\'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'0' => out.push('\0'),
            b'\n' | b'\r' => {
                if b == b'\r' {
                    if self.peek() != Some(b'\n') {
                        return Ok(Some((
                            at,
                            "unknown escape: `\\` followed by a carriage return without a line feed"
                                .into(),
                        )));
                    }
                    self.pos += 1;
                }
                while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                    self.pos += 1;
                }
            }
            b'x' => {
                let mut bytes = Vec::with_capacity(4);
                loop {
                    let hex = self
                        .src
                        .get(self.pos..self.pos + 2)
                        .and_then(|h| u8::from_str_radix(h, 16).ok());
                    let Some(byte) = hex.filter(|_| self.bytes[self.pos].is_ascii_hexdigit())
                    else {
                        return Ok(Some((
                            at,
                            "`\\x` must be followed by two hex digits".into(),
                        )));
                    };
                    self.pos += 2;
                    bytes.push(byte);
                    if let Ok(s) = std::str::from_utf8(&bytes) {
                        out.push_str(s);
                        break;
                    }
                    if bytes.len() == 4 || !self.at_str("\\x") {
                        return Ok(Some((
                            at,
                            "`\\x` escapes here do not form a UTF-8 character".into(),
                        )));
                    }
                    self.pos += 2;
                }
            }
            b'u' => {
                let hex_end = if self.peek() == Some(b'{') {
                    self.src[self.pos..].find('}').map(|i| self.pos + i)
                } else {
                    None
                };
                let c = hex_end
                    .map(|end| &self.src[self.pos + 1..end])
                    .filter(|h| {
                        (1..=6).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
                    })
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                let (Some(c), Some(end)) = (c, hex_end) else {
                    return Ok(Some((at, "`\\u` must be followed by `{…}` holding 1 to 6 hex digits of a Unicode character".into())));
                };
                out.push(c);
                self.pos = end + 1;
            }
            _ => {
                let escape: String = self.src[at..].chars().take(2).collect();
                self.pos = at + escape.len();
                return Ok(Some((
                    at,
                    format!(
                        "unknown escape `{escape}`: RON strings have \\\" \\' \\\\ \\n \\r \\t \\0 \\xHH and \\u{{HHHH}}"
                    ),
                )));
            }
        }
        Ok(None)
    }

    fn raw_string(&mut self) -> PResult<Str<'a>> {
        let start = self.pos;
        self.pos += 1;
        let hashes = self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b == b'#')
            .count();
        self.pos += hashes;
        if self.peek() != Some(b'"') {
            return self.fatal(start, "a raw string starts with `r\"` or `r#\"`");
        }
        self.pos += 1;
        let mut close = String::from("\"");
        close.extend(std::iter::repeat_n('#', hashes));
        let rest = &self.src[self.pos..];
        let Some(end) = rest.find(&close) else {
            return self.stop(
                start,
                format!("this raw string is never closed with `{close}`"),
            );
        };
        self.pos += end + close.len();
        Ok(Str::borrowed(&rest[..end]))
    }

    /// Reads a string a word processor wrote between typographic quotes (`“…”`, `‘…’`, `„…“`):
    /// reported, with the fix, and read as the text between them, so that what refers to it
    /// still resolves. The caller has checked [`Self::at_string`].
    fn typographic_string(&mut self) -> PResult<Str<'a>> {
        let start = self.pos;
        let Some((open_len, close)) = typographic(&self.bytes[start..]) else {
            return self.fatal(start, "expected a string");
        };
        let open = &self.src[start..start + open_len];
        let Some((body_end, close_len)) = close else {
            self.pos = start + open.len();
            return self.fatal(
                start,
                format!(
                    "strings are written between straight quotes `\"`, not typographic ones: write `\"` instead of `{open}`, and close the string with `\"` on the same line"
                ),
            );
        };
        let close = &self.src[start + body_end..start + body_end + close_len];
        let message = if open == close {
            format!(
                "strings are written between straight quotes `\"`, not typographic ones: write `\"` instead of `{open}`"
            )
        } else {
            format!(
                "strings are written between straight quotes `\"`, not typographic ones: write `\"` instead of `{open}` and `{close}`"
            )
        };
        self.error(start, message);
        self.pos = start + body_end + close_len;
        Ok(Str::borrowed(
            &self.src[start + open.len()..start + body_end],
        ))
    }

    /// Reads an identifier (`Event`, `title`, `r#type`) if one is next.
    pub(super) fn ident(&mut self) -> Option<&'a str> {
        let mut start = self.pos;
        if self.at_str("r#")
            && self
                .bytes
                .get(self.pos + 2)
                .copied()
                .is_some_and(is_ident_start)
        {
            start += 2;
        } else if !self.peek().is_some_and(is_ident_start) || self.at_string() {
            return None;
        }
        let len = self.bytes[start..]
            .iter()
            .take_while(|&&b| is_ident_char(b))
            .count();
        self.pos = start + len;
        Some(&self.src[start..start + len])
    }

    /// Reads an identifier written without `r#`, if one is next: RON's own words (`Some`,
    /// `None`, `enable`) are never raw, so `r#None` is not `None`.
    pub(super) fn keyword(&mut self) -> Option<&'a str> {
        if self.at_str("r#") {
            None
        } else {
            self.ident()
        }
    }

    /// Reads an unsigned integer as RON does: an optional `+`, decimal, `0x`, `0o` or `0b`
    /// digits with `_` separators (but not first), optionally the suffix `u64`. When it is
    /// [`Unsigned::Not`] the cursor has not moved; otherwise it is past the number.
    ///
    /// RON also takes `-0` as an unsigned zero; a sign that says "negative" on a count is
    /// rejected here as the nonsense it is.
    pub(super) fn unsigned(&mut self) -> Unsigned {
        let start = self.pos;
        let sign = usize::from(self.peek() == Some(b'+'));
        let (radix, prefix) = match (
            self.bytes.get(start + sign),
            self.bytes.get(start + sign + 1),
        ) {
            (Some(b'0'), Some(b'x')) => (16, 2),
            (Some(b'0'), Some(b'o')) => (8, 2),
            (Some(b'0'), Some(b'b')) => (2, 2),
            _ => (10, 0),
        };
        let digits_start = start + sign + prefix;
        let digits_end = digits_start
            + self.bytes[digits_start..]
                .iter()
                .take_while(|&&b| b == b'_' || (b as char).is_digit(radix))
                .count();
        let digits = &self.src[digits_start..digits_end];
        let mut end = digits_end;
        if self.src[end..].starts_with("u64")
            && !self.bytes.get(end + 3).is_some_and(|&b| is_ident_char(b))
        {
            end += 3;
        }
        let followed_by_number_char = self
            .bytes
            .get(end)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'.');
        if digits.is_empty() || digits.starts_with('_') || followed_by_number_char {
            return Unsigned::Not;
        }
        self.pos = end;
        if radix == 10 && !digits.contains('_') {
            // The usual number (`round: 3`), read without making a string of its digits.
            return digits
                .bytes()
                .try_fold(0u64, |n, d| {
                    n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
                })
                .map_or(Unsigned::TooLarge, Unsigned::Value);
        }
        let digits: String = digits.chars().filter(|&c| c != '_').collect();
        match u64::from_str_radix(&digits, radix) {
            Ok(n) => Unsigned::Value(n),
            Err(_) => Unsigned::TooLarge,
        }
    }

    /// The length of the number-like token at the cursor (at least one byte).
    pub(super) fn number_len(&self) -> usize {
        self.bytes[self.pos..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'+'))
            .count()
            .max(1)
    }

    /// Describes what stands at the cursor, for "expected X, found Y" messages.
    pub(super) fn found(&self) -> String {
        let rest = &self.src[self.pos..];
        match self.peek() {
            None => "the end of the file".into(),
            Some(b'"') => match rest[1..].find(['"', '\\', '\n']) {
                // A short, plain string is shown: `found the string "3"` says what to change.
                Some(end) if end <= 40 && rest.as_bytes()[1 + end] == b'"' => {
                    format!("the string {}", &rest[..end + 2])
                }
                _ => "a string".into(),
            },
            Some(b'[') => "a list `[`".into(),
            Some(b'(') => "`(`".into(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.') => quote_token(&rest[..self.number_len()]),
            Some(b) if is_ident_start(b) => {
                let n = rest.bytes().take_while(|&b| is_ident_char(b)).count();
                quote_token(&rest[..n])
            }
            Some(_) => {
                let c = rest.chars().next().unwrap_or(' ');
                format!("`{}`", c.escape_debug())
            }
        }
    }

    /// Reports a syntax error at `at`; the innermost list or record being read resumes after
    /// it (see `recover.rs`).
    pub(super) fn fatal<T>(&mut self, at: usize, message: impl Into<String>) -> PResult<T> {
        self.error(at, message);
        Err(Fatal)
    }

    /// Reports an error after which nothing more can be read (the file ends inside a string,
    /// a comment or a list; the load was cancelled), and ends reading.
    pub(super) fn stop<T>(&mut self, at: usize, message: impl Into<String>) -> PResult<T> {
        self.rec.stopped = true;
        self.fatal(at, message)
    }
}
