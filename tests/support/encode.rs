//! The inverse of the `render` target's decoding: a [`Session`] written as the bytes that
//! `arbitrary` 1.x reads back into it, so that fuzz seeds can press chosen keys at chosen sizes
//! instead of whatever random bytes happen to decode to (mostly nothing, at 0×0).
//!
//! It mirrors `#[derive(Arbitrary)]`: struct fields in order; an enum as a `u32` (little end
//! first) whose product with the number of variants, shifted right by 32, is the variant's
//! index; `Option` and each item of a `Vec` behind a byte whose low bit says "one more"; the
//! steps until the bytes run out. A `String` takes its length from the end of the input, which
//! this writer does not model: seeds spell their text with `NASTY` pieces. The replay test
//! checks that every seed decodes back to the session it was written from.

use super::cases::{Code, Key, Launch, Name, Session, Step};
use super::generate::{
    Claim, Event, NASTY, Participant, Piece, Quote, Round, Source, Text, Timeline, When,
};

/// Something `arbitrary` can read back from the bytes written.
pub trait Encode {
    fn encode(&self, out: &mut Vec<u8>);
}

/// The bytes of `value`.
pub fn encode<T: Encode>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.encode(&mut out);
    out
}

/// Variant `k` of an enum of `n`.
fn variant(out: &mut Vec<u8>, k: u32, n: u32) {
    let x = (u64::from(k) << 32).div_ceil(u64::from(n));
    out.extend_from_slice(&(x as u32).to_le_bytes());
}

macro_rules! le_bytes {
    ($($t:ty),*) => {
        $(impl Encode for $t {
            fn encode(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        })*
    };
}
le_bytes!(u8, i8, u16, u32, u64);

impl Encode for bool {
    fn encode(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
}

impl Encode for char {
    fn encode(&self, out: &mut Vec<u8>) {
        (*self as u32).encode(out);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        self.is_some().encode(out);
        if let Some(v) = self {
            v.encode(out);
        }
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, out: &mut Vec<u8>) {
        for item in self {
            true.encode(out);
            item.encode(out);
        }
        false.encode(out);
    }
}

impl<A: Encode, B: Encode, C: Encode, D: Encode> Encode for (A, B, C, D) {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
        self.1.encode(out);
        self.2.encode(out);
        self.3.encode(out);
    }
}

/// Writes each field in turn.
macro_rules! fields {
    ($out:ident, $s:ident: $($f:ident),*) => {
        $($s.$f.encode($out);)*
    };
}

/// The piece of text that is `NASTY[i]` for the `i` holding `s`.
///
/// # Panics
/// When `s` is not in `NASTY`.
#[must_use]
pub fn nasty(s: &str) -> Piece {
    let i = NASTY.iter().position(|&n| n == s);
    Piece::Nasty(i.unwrap_or_else(|| panic!("{s:?} is not in NASTY")) as u8)
}

/// Text made of `NASTY` pieces.
#[must_use]
pub fn text(pieces: &[&str]) -> Text {
    Text(pieces.iter().map(|s| nasty(s)).collect())
}

impl Encode for Piece {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Piece::Text(s) => panic!("a String ({s:?}) cannot be written; use NASTY pieces"),
            Piece::Nasty(i) => {
                variant(out, 1, 3);
                i.encode(out);
            }
            Piece::Repeat(i, n) => {
                variant(out, 2, 3);
                i.encode(out);
                n.encode(out);
            }
        }
    }
}

impl Encode for Text {
    fn encode(&self, out: &mut Vec<u8>) {
        self.0.encode(out);
    }
}

impl Encode for When {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: year, month, day, time);
    }
}

impl Encode for Source {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: id, outlet, title, published, url, byline, kind);
    }
}

impl Encode for Participant {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: id, name, aliases, role, side, kind);
    }
}

impl Encode for Round {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: number, title, start, end, venue);
    }
}

impl Encode for Quote {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: speaker, text, source, via, context);
    }
}

impl Encode for Claim {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: id, by, text, source, via, disputes);
    }
}

impl Encode for Event {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: id, when, round, title, summary, location, participants, sources,
            tags, quotes, claims);
    }
}

impl Encode for Timeline {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: title, summary, sources, participants, rounds, events);
    }
}

impl Encode for Code {
    fn encode(&self, out: &mut Vec<u8>) {
        let k = match self {
            Code::Char(c) => {
                variant(out, 0, 16);
                c.encode(out);
                return;
            }
            Code::F(n) => {
                variant(out, 15, 16);
                n.encode(out);
                return;
            }
            Code::Up => 1,
            Code::Down => 2,
            Code::Left => 3,
            Code::Right => 4,
            Code::PageUp => 5,
            Code::PageDown => 6,
            Code::Home => 7,
            Code::End => 8,
            Code::Enter => 9,
            Code::Esc => 10,
            Code::Tab => 11,
            Code::BackTab => 12,
            Code::Backspace => 13,
            Code::Delete => 14,
        };
        variant(out, k, 16);
    }
}

impl Encode for Key {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Key::Bound { binding, which } => {
                variant(out, 0, 2);
                binding.encode(out);
                which.encode(out);
            }
            Key::Any { code, ctrl, alt } => {
                variant(out, 1, 2);
                code.encode(out);
                ctrl.encode(out);
                alt.encode(out);
            }
        }
    }
}

impl Encode for Step {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Step::Key(k) => {
                variant(out, 0, 6);
                k.encode(out);
            }
            Step::Type(t) => {
                variant(out, 1, 6);
                t.encode(out);
            }
            Step::Click(c, r) => {
                variant(out, 2, 6);
                c.encode(out);
                r.encode(out);
            }
            Step::Wheel(c, r, down) => {
                variant(out, 3, 6);
                c.encode(out);
                r.encode(out);
                down.encode(out);
            }
            Step::Resize(w, h) => {
                variant(out, 4, 6);
                w.encode(out);
                h.encode(out);
            }
            Step::Draw => variant(out, 5, 6),
        }
    }
}

impl Encode for Name {
    fn encode(&self, out: &mut Vec<u8>) {
        match self {
            Name::Participant(i) => {
                variant(out, 0, 3);
                i.encode(out);
            }
            Name::Source(i) => {
                variant(out, 1, 3);
                i.encode(out);
            }
            Name::Any(t) => {
                variant(out, 2, 3);
                t.encode(out);
            }
        }
    }
}

impl Encode for Launch {
    fn encode(&self, out: &mut Vec<u8>) {
        fields!(out, self: name, color, speaker, round, source, search, width, height);
    }
}

impl Encode for Session {
    /// The steps are read until the bytes run out, each behind a "one more" byte.
    fn encode(&self, out: &mut Vec<u8>) {
        self.timeline.encode(out);
        self.launch.encode(out);
        for step in &self.steps {
            true.encode(out);
            step.encode(out);
        }
    }
}
