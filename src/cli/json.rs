//! Pretty JSON whose strings are inert on a terminal: besides what JSON itself escapes (C0
//! controls), DEL, C1 controls and bidi marks are written as `\uXXXX`. Still lossless: any JSON
//! reader gets the same strings back.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

use crate::model::escape::is_unsafe;

/// Writes `value` as indented JSON followed by a newline.
pub fn write(value: &impl Serialize, out: &mut impl Write) -> io::Result<()> {
    let mut ser = Serializer::with_formatter(&mut *out, Inert(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// [`PrettyFormatter`], with the unsafe characters `serde_json` leaves alone escaped.
struct Inert<'a>(PrettyFormatter<'a>);

impl Formatter for Inert<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
                from = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }

    // The layout is PrettyFormatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_losslessly() {
        let s = "a\u{1b}]52;c;eA==\u{7}b\u{7f}c\u{9b}2Jd\u{202e}e «é» 👍";
        let mut out = Vec::new();
        write(&vec![s], &mut out).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert_eq!(
            json,
            "[\n  \"a\\u001b]52;c;eA==\\u0007b\\u007fc\\u009b2Jd\\u202ee «é» 👍\"\n]\n"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [s]);
    }

    #[test]
    fn layout_is_serde_json_pretty() {
        let value = serde_json::json!({"a": [1, {"b": "c"}], "d": {}});
        let mut out = Vec::new();
        write(&value, &mut out).unwrap();
        let mut expected = serde_json::to_string_pretty(&value).unwrap();
        expected.push('\n');
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }
}
