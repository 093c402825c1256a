//! RON in the timeline file's own style, written by a serializer of our own: what `export
//! --format ron` and `import` write. Byte for byte what the `ron` crate's pretty serializer
//! writes with struct names, `implicit_some` and four-space indents (its tests hold it to that),
//! at a fraction of the cost: text runs that need no escape are copied whole, not a character
//! at a time. It can also write `//` comments, which `ron` cannot.

mod document;
mod serializer;
mod string;
#[cfg(test)]
mod tests;

use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

pub use document::write_document;
use serializer::Serializer;

/// The first line of every file written: the extension that lets optional fields go without
/// `Some(…)`.
const HEADER: &str = "#![enable(implicit_some)]\n";

/// `//` comments to write with a value: lines at the top of the file, and lines before the
/// items of one list of the top-level struct (the `events` of a timeline, say).
#[derive(Debug, Clone, Default)]
pub struct Comments<'c> {
    /// Written after the `#![enable(…)]` line, in this order.
    pub top: Vec<&'c str>,
    /// The field of the top-level struct whose list items [`Comments::items`] stand before.
    pub list: &'static str,
    /// `(index, text)`: `text` before the item at `index` (0-based) of that list. Sorted by
    /// index; texts with the same index are written in the order given.
    pub items: Vec<(usize, &'c str)>,
}

/// Writes `value` as pretty RON followed by a newline. Strings are escaped as Rust's
/// `char::escape_debug` does (`\u{1b}`, `\"`, `\'`, `\n`), so the output is lossless and
/// inert on a terminal. An I/O error is returned as it came, so a closed pipe stays
/// [`io::ErrorKind::BrokenPipe`]; what `value` cannot be written as (an identifier that is
/// not ASCII, a `Serialize` impl's own error) comes as [`io::ErrorKind::Other`].
pub fn write(value: &(impl Serialize + ?Sized), out: &mut impl Write) -> io::Result<()> {
    write_with_comments(value, &Comments::default(), out)
}

/// [`write`], with `comments` written as `// ` lines (each made one line and inert by
/// [`super::escape::escape_line`]), indented as what they stand before.
pub fn write_with_comments(
    value: &(impl Serialize + ?Sized),
    comments: &Comments<'_>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut ser = Serializer::new(out, comments);
    ser.push(HEADER.as_bytes());
    for text in &comments.top {
        ser.push(b"// ");
        ser.push(super::escape::escape_line(text).as_bytes());
        ser.push(b"\n");
    }
    match value.serialize(&mut ser) {
        Ok(()) => {}
        Err(Error::Io(e)) => return Err(e),
        Err(Error::Message(m)) => return Err(io::Error::other(m)),
    }
    ser.push(b"\n");
    ser.finish()
}

/// Why a value could not be written.
#[derive(Debug)]
pub(crate) enum Error {
    /// The writer failed.
    Io(io::Error),
    /// The value cannot be written as RON (from `serde::ser::Error::custom` or the writer).
    Message(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => e.fmt(f),
            Error::Message(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::Message(msg.to_string())
    }
}
