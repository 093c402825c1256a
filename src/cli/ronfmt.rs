//! RON output in the timeline file's own style (struct names, optional fields without
//! `Some(…)`), streamed to an `io::Write` without losing the kind of an I/O error, so that a
//! closed pipe is still recognised as one. The writer is the model's
//! ([`crate::model::ron_writer`]), shared with `import`.

pub use crate::model::ron_writer::write;

use std::io::{self, Write};

use super::view::View;
use crate::model::ron_writer::{Comments, write_document};

/// A view of a timeline as a timeline file: its events written on two threads when there are
/// many ([`write_document`]), byte for byte what [`write`] writes of it.
pub fn write_view(view: &View<'_, '_>, out: &mut impl Write) -> io::Result<()> {
    write_document(&view.document(), &Comments::default(), out)
}

#[cfg(test)]
mod tests {
    use std::io;

    use crate::closing::Closing;

    use serde::Serialize;

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

    #[test]
    fn a_closed_pipe_stays_a_broken_pipe() {
        let q = Quote {
            text: "x".into(),
            via: None,
        };
        let e = write(&q, &mut Closing::closed()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe);
    }
}
