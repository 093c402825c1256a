//! The `serde::Serializer` behind [`super::write`]: the layout of `ron`'s pretty serializer
//! (struct names, `implicit_some`, four-space indents, a comma after every item of a
//! multi-line list), kept in a buffer that is handed to the writer in blocks of about 64 KiB.
//!
//! Its state follows `ron` 0.12's own, quirks included (`is_empty`, the depth of implicit
//! `Some`s), so that any value comes out as `ron` writes it; the options we never use
//! (compact forms, depth limits, raw strings, number suffixes) are left out.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser;

use super::string::{push_char, push_str};
use super::{Comments, Error};

/// How much output is gathered before it is handed to the writer.
const BLOCK: usize = 1 << 16;

const INDENT: &[u8] = b"    ";

/// Sixteen levels of indent, copied at once (deeper ones a level at a time).
const INDENTS: &[u8; 64] = &[b' '; 64];

/// Appends `levels` indents of four spaces.
fn push_indent(buf: &mut Vec<u8>, levels: usize) {
    match INDENTS.get(..levels * INDENT.len()) {
        Some(spaces) => buf.extend_from_slice(spaces),
        None => (0..levels).for_each(|_| buf.extend_from_slice(INDENT)),
    }
}

/// Words RON reads as values, written `r#` before as names.
const RESERVED: [&str; 10] = [
    "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64",
];

/// Pretty RON into `out`, with `comments`.
pub(super) struct Serializer<'w, 'c, W: Write> {
    buf: Vec<u8>,
    out: &'w mut W,
    comments: &'c Comments<'c>,
    /// How many levels deep the current line is indented.
    indent: usize,
    /// Whether the list, map or struct being opened (and, until a nested one closes, the one
    /// being closed) was said to have no items; `ron` writes no line break and no indent for
    /// one. Cleared when a list, map or struct closes.
    is_empty: Option<bool>,
    /// How many `Some`s were left implicit on the way to the current value: a `None` there
    /// must write them out (`Some(None)`).
    implicit_some: usize,
    /// The list about to be opened is the one whose items [`Comments::items`] stand before.
    commented_list: bool,
}

type Result<T = ()> = std::result::Result<T, Error>;

impl<'w, 'c, W: Write> Serializer<'w, 'c, W> {
    pub(super) fn new(out: &'w mut W, comments: &'c Comments<'c>) -> Self {
        Serializer {
            buf: Vec::with_capacity(BLOCK + BLOCK / 4),
            out,
            comments,
            indent: 0,
            is_empty: None,
            implicit_some: 0,
            commented_list: false,
        }
    }

    /// Writes `items`, the items `from..` of the commented list of the top-level struct, as
    /// that list's `serialize_element` writes them (the `,` and line break before each but the
    /// list's first, its comments, its indent, the item), so that the items of one list can be
    /// written in parts, each part on its own, and put together.
    pub(super) fn list_items<T: Serialize>(
        mut self,
        from: usize,
        items: impl IntoIterator<Item = T>,
    ) -> Result {
        // The list is a field of the top-level struct: its items are two levels deep.
        self.indent = 2;
        let mut list = Compound::new(&mut self);
        list.first = from == 0;
        list.count = from;
        list.commented = true;
        for item in items {
            ser::SerializeSeq::serialize_element(&mut list, &item)?;
        }
        self.finish().map_err(Error::Io)
    }

    /// Appends bytes to the output.
    pub(super) fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Hands what is gathered to the writer once there is a block of it.
    fn spill(&mut self) -> Result {
        if self.buf.len() >= BLOCK {
            self.out.write_all(&self.buf).map_err(Error::Io)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Hands the rest to the writer.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn write_indent(&mut self) {
        push_indent(&mut self.buf, self.indent);
    }

    fn start_indent(&mut self) {
        self.indent += 1;
        if !self.is_empty.unwrap_or(false) {
            self.buf.push(b'\n');
        }
    }

    fn end_indent(&mut self) {
        if !self.is_empty.unwrap_or(false) {
            push_indent(&mut self.buf, self.indent.saturating_sub(1));
        }
        self.indent -= 1;
        self.is_empty = None;
    }

    /// A struct, field or variant name; `r#` before one that is not a plain identifier or
    /// is a word RON reserves, as `ron` writes them. Our names are ASCII; another is refused
    /// rather than guessed at (`ron` decides by Unicode's identifier tables).
    fn identifier(&mut self, name: &str) -> Result {
        let bytes = name.as_bytes();
        // One pass: every byte an identifier's (`raw`), and every one a plain identifier's.
        let (mut raw, mut plain) = (!bytes.is_empty(), true);
        for &c in bytes {
            let word = c.is_ascii_alphanumeric() || c == b'_';
            plain &= word;
            raw &= word || matches!(c, b'.' | b'+' | b'-');
        }
        if !raw {
            return Err(Error::Message(format!(
                "`{}` cannot be written as a RON identifier",
                name.escape_debug()
            )));
        }
        if !plain || bytes[0].is_ascii_digit() || RESERVED.contains(&name) {
            self.buf.extend_from_slice(b"r#");
        }
        self.buf.extend_from_slice(bytes);
        Ok(())
    }

    fn display(&mut self, value: impl std::fmt::Display) {
        // Writing to a Vec cannot fail.
        let _ = write!(self.buf, "{value}");
    }

    /// Opens a struct's or a struct variant's body after its name.
    fn open_struct(&mut self, len: usize) {
        self.buf.push(b'(');
        self.is_empty = Some(len == 0);
        self.start_indent();
    }
}

impl<'s, 'w, 'c, W: Write> ser::Serializer for &'s mut Serializer<'w, 'c, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'w, 'c, W>;
    type SerializeTuple = Compound<'s, 'w, 'c, W>;
    type SerializeTupleStruct = Compound<'s, 'w, 'c, W>;
    type SerializeTupleVariant = Compound<'s, 'w, 'c, W>;
    type SerializeMap = Compound<'s, 'w, 'c, W>;
    type SerializeStruct = Compound<'s, 'w, 'c, W>;
    type SerializeStructVariant = Compound<'s, 'w, 'c, W>;

    fn serialize_bool(self, v: bool) -> Result {
        self.push(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result {
        self.display(v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result {
        self.display(v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.buf.push(b'-');
        }
        self.display(format_args!("{v:?}"));
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_nan() && v.is_sign_negative() {
            self.buf.push(b'-');
        }
        self.display(format_args!("{v:?}"));
        Ok(())
    }

    /// Escaped as a string's characters are, where `ron` writes all but `'` and `\` as they
    /// are: no character of ours reaches a terminal raw.
    fn serialize_char(self, v: char) -> Result {
        push_char(&mut self.buf, v);
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        push_str(&mut self.buf, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        self.buf.extend_from_slice(b"b\"");
        for &b in v {
            self.buf.extend(std::ascii::escape_default(b));
        }
        self.buf.push(b'"');
        Ok(())
    }

    fn serialize_none(self) -> Result {
        let depth = std::mem::take(&mut self.implicit_some);
        for _ in 0..depth {
            self.buf.extend_from_slice(b"Some(");
        }
        self.buf.extend_from_slice(b"None");
        for _ in 0..depth {
            self.buf.push(b')');
        }
        Ok(())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        self.implicit_some += 1;
        value.serialize(&mut *self)?;
        self.implicit_some = 0;
        Ok(())
    }

    fn serialize_unit(self) -> Result {
        self.buf.extend_from_slice(b"()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result {
        self.identifier(name)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.identifier(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result {
        self.identifier(name)?;
        self.implicit_some = 0;
        self.buf.push(b'(');
        value.serialize(&mut *self)?;
        self.buf.push(b')');
        Ok(())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.identifier(variant)?;
        self.buf.push(b'(');
        self.implicit_some = 0;
        value.serialize(&mut *self)?;
        self.buf.push(b')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.implicit_some = 0;
        let commented = std::mem::take(&mut self.commented_list);
        self.buf.push(b'[');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        let mut list = Compound::new(self);
        list.commented = commented;
        Ok(list)
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        self.implicit_some = 0;
        self.buf.push(b'(');
        Ok(Compound::new(self))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.identifier(name)?;
        self.serialize_tuple(len)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.implicit_some = 0;
        self.identifier(variant)?;
        self.buf.push(b'(');
        Ok(Compound::new(self))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap> {
        self.implicit_some = 0;
        self.buf.push(b'{');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound::new(self))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct> {
        self.implicit_some = 0;
        self.identifier(name)?;
        self.open_struct(len);
        Ok(Compound::new(self))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.implicit_some = 0;
        self.identifier(variant)?;
        self.open_struct(len);
        Ok(Compound::new(self))
    }
}

/// A list, tuple, map or struct being written.
pub(super) struct Compound<'s, 'w, 'c, W: Write> {
    ser: &'s mut Serializer<'w, 'c, W>,
    /// No item written yet.
    first: bool,
    /// How many items are written.
    count: usize,
    /// The list [`Comments::items`] stand in.
    commented: bool,
}

impl<'s, 'w, 'c, W: Write> Compound<'s, 'w, 'c, W> {
    fn new(ser: &'s mut Serializer<'w, 'c, W>) -> Self {
        Compound {
            ser,
            first: true,
            count: 0,
            commented: false,
        }
    }

    /// Before an item of a multi-line list, map or struct: the comma and line break after
    /// the one before.
    fn next_line(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.ser.push(b",\n");
        }
    }

    /// Before an item of a tuple: `, ` after the one before.
    fn next_inline(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.ser.push(b", ");
        }
    }

    /// The comments that stand before item `self.count` of the commented list.
    fn comments(&mut self) {
        let items = &self.ser.comments.items;
        let from = items.partition_point(|&(i, _)| i < self.count);
        for &(i, text) in &items[from..] {
            if i != self.count {
                break;
            }
            self.ser.write_indent();
            self.ser.push(b"// ");
            let line = crate::model::escape::escape_line(text);
            self.ser.push(line.as_bytes());
            self.ser.push(b"\n");
        }
    }

    /// After the last item of a multi-line list, map or struct: its comma and line break, and
    /// the closing bracket's indent.
    fn close_lines(&mut self, bracket: u8) {
        if !self.first {
            self.ser.push(b",\n");
        }
        self.ser.end_indent();
        self.ser.buf.push(bracket);
    }
}

impl<W: Write> ser::SerializeSeq for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.next_line();
        if self.commented {
            self.comments();
        }
        self.ser.write_indent();
        value.serialize(&mut *self.ser)?;
        self.count += 1;
        self.ser.spill()
    }

    fn end(mut self) -> Result {
        self.close_lines(b']');
        Ok(())
    }
}

impl<W: Write> ser::SerializeTuple for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.next_inline();
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result {
        self.ser.buf.push(b')');
        Ok(())
    }
}

impl<W: Write> ser::SerializeTupleStruct for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl<W: Write> ser::SerializeTupleVariant for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeTuple::serialize_element(self, value)
    }

    fn end(self) -> Result {
        ser::SerializeTuple::end(self)
    }
}

impl<W: Write> ser::SerializeMap for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.next_line();
        self.ser.write_indent();
        key.serialize(&mut *self.ser)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.ser.push(b": ");
        value.serialize(&mut *self.ser)?;
        self.ser.spill()
    }

    fn end(mut self) -> Result {
        self.close_lines(b'}');
        Ok(())
    }
}

impl<W: Write> ser::SerializeStruct for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.next_line();
        self.ser.write_indent();
        self.ser.identifier(key)?;
        self.ser.push(b": ");
        // A field of the top-level struct may hold the commented list.
        let top = self.ser.indent == 1;
        self.ser.commented_list = top && key == self.ser.comments.list;
        value.serialize(&mut *self.ser)?;
        self.ser.commented_list = false;
        self.ser.spill()
    }

    fn end(mut self) -> Result {
        self.close_lines(b')');
        Ok(())
    }
}

impl<W: Write> ser::SerializeStructVariant for Compound<'_, '_, '_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result {
        ser::SerializeStruct::end(self)
    }
}
