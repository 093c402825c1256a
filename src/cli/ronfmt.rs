//! RON output in the timeline file's own style (struct names, optional fields without
//! `Some(…)`), streamed to an `io::Write` without losing the kind of an I/O error, so that a
//! closed pipe is still recognised as one.

use std::fmt;
use std::io::{self, Write};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Serialize;

/// Writes `value` as pretty RON followed by a newline. Strings are escaped by RON (`\u{1b}`),
/// so the output is lossless and inert on a terminal.
pub fn write(value: &impl Serialize, out: &mut impl Write) -> io::Result<()> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .extensions(Extensions::IMPLICIT_SOME);
    let mut adapter = FmtToIo {
        out: &mut *out,
        error: None,
    };
    match ron::ser::to_writer_pretty(&mut adapter, value, config) {
        Ok(()) => {}
        Err(e) => return Err(adapter.error.take().unwrap_or_else(|| io::Error::other(e))),
    }
    out.write_all(b"\n")
}

/// A `fmt::Write` over an `io::Write` that keeps the first I/O error (which `fmt::Error`
/// cannot carry).
struct FmtToIo<'w, W: Write> {
    out: &'w mut W,
    error: Option<io::Error>,
}

impl<W: Write> fmt::Write for FmtToIo<'_, W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            fmt::Error
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Quote {
        text: String,
        via: Option<String>,
    }

    #[test]
    fn named_structs_and_bare_optional_values() {
        let mut out = Vec::new();
        let q = Quote {
            text: "a\u{1b}b".into(),
            via: Some("TASS".into()),
        };
        write(&q, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "#![enable(implicit_some)]\nQuote(\n    text: \"a\\u{1b}b\",\n    via: \"TASS\",\n)\n"
        );
    }

    /// A writer whose reader has gone away.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_stays_a_broken_pipe() {
        let q = Quote {
            text: "x".into(),
            via: None,
        };
        let e = write(&q, &mut Closed).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    }
}
