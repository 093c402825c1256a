//! Writes records as RON (in the style of hand-written timeline files) or as JSON, streaming.
//!
//! Both formats share one call sequence (`open_record`, `str_field`, `open_list`, …), so the
//! same generated content comes out either way: RON with struct names and trailing commas,
//! JSON with objects, quoted keys and enum variants as strings.

use std::io::{self, Write};

const SPACES: &[u8] = &[b' '; 128];

#[derive(Clone, Copy)]
struct Frame {
    first: bool,
    inline: bool,
}

pub struct Emitter<W: Write> {
    w: W,
    json: bool,
    frames: Vec<Frame>,
}

impl<W: Write> Emitter<W> {
    pub fn new(w: W, json: bool) -> Self {
        Emitter {
            w,
            json,
            frames: Vec::new(),
        }
    }

    pub fn into_inner(self) -> W {
        self.w
    }

    fn indent(&mut self, depth: usize) -> io::Result<()> {
        self.w.write_all(&SPACES[..(4 * depth).min(SPACES.len())])
    }

    fn inline(&self) -> bool {
        self.frames.last().is_some_and(|f| f.inline)
    }

    /// Starts a field (`key` given) or a list item in the current record or list.
    fn begin(&mut self, key: Option<&str>) -> io::Result<()> {
        let depth = self.frames.len();
        let frame = self.frames.last_mut().expect("inside a record or list");
        let first = std::mem::replace(&mut frame.first, false);
        if frame.inline {
            if !first {
                self.w.write_all(b", ")?;
            }
        } else if self.json {
            self.w.write_all(if first { b"\n" } else { b",\n" })?;
            self.indent(depth)?;
        } else {
            self.indent(depth)?;
        }
        if let Some(key) = key {
            if self.json {
                self.w.write_all(b"\"")?;
                self.w.write_all(key.as_bytes())?;
                self.w.write_all(b"\": ")?;
            } else {
                self.w.write_all(key.as_bytes())?;
                self.w.write_all(b": ")?;
            }
        }
        Ok(())
    }

    /// Ends a field or list item: RON puts a comma after every one.
    fn end(&mut self) -> io::Result<()> {
        if !self.json && !self.inline() {
            self.w.write_all(b",\n")?;
        }
        Ok(())
    }

    /// Opens the top-level record.
    pub fn open_root(&mut self, name: &str) -> io::Result<()> {
        if self.json {
            self.w.write_all(b"{")?;
        } else {
            self.w.write_all(name.as_bytes())?;
            self.w.write_all(b"(\n")?;
        }
        self.frames.push(Frame {
            first: true,
            inline: false,
        });
        Ok(())
    }

    pub fn close_root(&mut self) -> io::Result<()> {
        self.frames.pop();
        self.w.write_all(if self.json { b"\n}\n" } else { b")\n" })
    }

    /// Opens a record as a field value (`key` given) or as a list item. An inline record is
    /// written on one line: `Round(number: 3, title: "…")`.
    pub fn open_record(&mut self, key: Option<&str>, name: &str, inline: bool) -> io::Result<()> {
        self.begin(key)?;
        if self.json {
            self.w.write_all(b"{")?;
        } else {
            self.w.write_all(name.as_bytes())?;
            self.w.write_all(if inline { b"(" } else { b"(\n" })?;
        }
        self.frames.push(Frame {
            first: true,
            inline,
        });
        Ok(())
    }

    pub fn close_record(&mut self) -> io::Result<()> {
        let frame = self.frames.pop().expect("a record is open");
        let depth = self.frames.len();
        if !frame.inline {
            if self.json {
                self.w.write_all(b"\n")?;
            }
            self.indent(depth)?;
        }
        self.w.write_all(if self.json { b"}" } else { b")" })?;
        self.end()
    }

    /// Opens a list of records as a field value.
    pub fn open_list(&mut self, key: &str) -> io::Result<()> {
        self.begin(Some(key))?;
        self.w.write_all(if self.json { b"[" } else { b"[\n" })?;
        self.frames.push(Frame {
            first: true,
            inline: false,
        });
        Ok(())
    }

    pub fn close_list(&mut self) -> io::Result<()> {
        let frame = self.frames.pop().expect("a list is open");
        let depth = self.frames.len();
        if self.json && !frame.first {
            self.w.write_all(b"\n")?;
            self.indent(depth)?;
        } else if !self.json {
            self.indent(depth)?;
        }
        self.w.write_all(b"]")?;
        self.end()
    }

    pub fn str_field(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.begin(Some(key))?;
        self.string(value)?;
        self.end()
    }

    pub fn opt_str_field(&mut self, key: &str, value: Option<&str>) -> io::Result<()> {
        match value {
            Some(v) => self.str_field(key, v),
            None => Ok(()),
        }
    }

    pub fn num_field(&mut self, key: &str, value: u64) -> io::Result<()> {
        self.begin(Some(key))?;
        write!(self.w, "{value}")?;
        self.end()
    }

    /// A unit enum variant: `Wire` in RON, `"Wire"` in JSON.
    pub fn variant_field(&mut self, key: &str, variant: &str) -> io::Result<()> {
        self.begin(Some(key))?;
        if self.json {
            self.w.write_all(b"\"")?;
            self.w.write_all(variant.as_bytes())?;
            self.w.write_all(b"\"")?;
        } else {
            self.w.write_all(variant.as_bytes())?;
        }
        self.end()
    }

    /// A list of strings on one line, left out when empty.
    pub fn str_list_field<'s>(
        &mut self,
        key: &str,
        items: impl ExactSizeIterator<Item = &'s str>,
    ) -> io::Result<()> {
        if items.len() == 0 {
            return Ok(());
        }
        self.begin(Some(key))?;
        self.w.write_all(b"[")?;
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.w.write_all(b", ")?;
            }
            self.string(item)?;
        }
        self.w.write_all(b"]")?;
        self.end()
    }

    /// A blank line between sections (RON only).
    pub fn blank(&mut self) -> io::Result<()> {
        if self.json {
            Ok(())
        } else {
            self.w.write_all(b"\n")
        }
    }

    /// A `//` comment on its own line at the current depth (RON only).
    pub fn comment(&mut self, text: &str) -> io::Result<()> {
        if self.json {
            return Ok(());
        }
        self.indent(self.frames.len())?;
        self.w.write_all(b"// ")?;
        self.w.write_all(text.as_bytes())?;
        self.w.write_all(b"\n")
    }

    fn string(&mut self, s: &str) -> io::Result<()> {
        write_str(&mut self.w, s, self.json)
    }
}

/// True for bytes after which a string may need an escape. `0xC2` leads the UTF-8 encoding of
/// the C1 controls (U+0080–U+009F), so strings holding it take the careful path.
fn may_need_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f || b == 0xc2
}

/// Writes `s` as a string literal: `\"`, `\\`, `\n`, `\r`, `\t`, and every other control
/// character as `\u{…}` (RON) or `\u00XX` (JSON).
pub fn write_str(w: &mut impl Write, s: &str, json: bool) -> io::Result<()> {
    w.write_all(b"\"")?;
    if s.bytes().any(may_need_escape) {
        let mut run = 0;
        for (i, c) in s.char_indices() {
            let escape: &[u8] = match c {
                '"' => b"\\\"",
                '\\' => b"\\\\",
                '\n' => b"\\n",
                '\r' => b"\\r",
                '\t' => b"\\t",
                c if c.is_control() => b"",
                _ => continue,
            };
            w.write_all(&s.as_bytes()[run..i])?;
            if escape.is_empty() && json {
                write!(w, "\\u{:04x}", u32::from(c))?;
            } else if escape.is_empty() {
                write!(w, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                w.write_all(escape)?;
            }
            run = i + c.len_utf8();
        }
        w.write_all(&s.as_bytes()[run..])?;
    } else {
        w.write_all(s.as_bytes())?;
    }
    w.write_all(b"\"")
}
