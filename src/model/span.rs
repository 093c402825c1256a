//! Positions in the loaded text: every value the reader keeps remembers where it was read, so
//! that diagnostics can point at it (`FILE:LINE:COL`, see [`super::diag`]).

use serde::Serialize;

/// Byte offset (0-based) into the loaded text, where a value starts (its opening quote, digit
/// or name). Offsets are below 4 GiB: the reader refuses longer texts.
pub type Offset = usize;

/// A value together with the offset it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value as read.
    pub value: T,
    /// Where it starts in the loaded text, a byte offset; 0 for values read by serde other than
    /// through `from_json`, and for strings `from_json` read with escapes.
    pub at: Offset,
}

/// Written as the bare value: positions belong to one text, not to what is written.
impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}
