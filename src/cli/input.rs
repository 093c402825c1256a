//! The timeline a command works on (a file, or the bundled one), and the messages for a file
//! that cannot be read or does not validate, shared by `check`, `list`, `export` and the browser.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use crate::model::escape::escape_line;
use std::sync::Arc;

use crate::model::{self, Diagnostic, Loaded, Progress, ReadError};

/// A timeline's text and the name messages give it.
#[derive(Debug)]
pub struct Input {
    /// The path as given, or [`model::BUNDLED_NAME`]; not escaped (print it with
    /// [`Input::shown_name`]).
    pub name: String,
    pub text: Cow<'static, str>,
}

impl Input {
    #[must_use]
    pub fn bundled() -> Self {
        Input {
            name: model::BUNDLED_NAME.to_string(),
            text: Cow::Borrowed(model::BUNDLED),
        }
    }

    /// Reads `path` (the bundled timeline when `None`), counting bytes in `progress`.
    pub fn read(
        path: Option<&Path>,
        max_size: u64,
        progress: Option<&Progress>,
    ) -> Result<Self, (String, ReadError)> {
        let Some(path) = path else {
            return Ok(Self::bundled());
        };
        let name = path.to_string_lossy().into_owned();
        match model::read_file_with(path, max_size, progress) {
            Ok(text) => Ok(Input {
                name,
                text: Cow::Owned(text),
            }),
            Err(e) => Err((name, e)),
        }
    }

    /// Prints `FILE: error: why` for a file that could not be read.
    pub fn report_unreadable(name: &str, e: &ReadError, err: &mut impl Write) -> io::Result<()> {
        writeln!(
            err,
            "{}: error: {}",
            escape_line(name),
            escape_line(&e.to_string())
        )
    }

    /// The name, safe to print.
    #[must_use]
    pub fn shown_name(&self) -> Cow<'_, str> {
        escape_line(&self.name)
    }

    /// Validates the text. An invalid timeline has every diagnostic and a summary printed on
    /// `err`, exactly as `check` prints them, and gives `None`.
    pub fn load(&self, err: &mut impl Write) -> io::Result<Option<Loaded<'_>>> {
        match self.load_quiet(None) {
            Ok(loaded) => Ok(Some(loaded)),
            Err(diags) => {
                self.report_invalid(&diags, err)?;
                Ok(None)
            }
        }
    }

    /// Validates the text, counting events in `progress`; prints nothing.
    pub fn load_quiet(
        &self,
        progress: Option<&Arc<Progress>>,
    ) -> Result<Loaded<'_>, Vec<Diagnostic>> {
        model::load_with(&self.text, progress)
    }

    /// Prints the diagnostics of a file that failed to load, then its summary line.
    pub fn report_invalid(&self, diags: &[Diagnostic], err: &mut impl Write) -> io::Result<()> {
        err.write_all(model::diag::render(&self.name, &self.text, diags).as_bytes())?;
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        let mut line = format!(
            "{}: invalid, {}",
            self.shown_name(),
            plural(errors, "error")
        );
        if warnings > 0 {
            line.push_str(", ");
            line.push_str(&plural(warnings, "warning"));
        }
        writeln!(err, "{line}")
    }

    /// Prints the warnings of a file that loaded, then its summary line.
    pub fn report_valid(&self, loaded: &Loaded<'_>, err: &mut impl Write) -> io::Result<()> {
        err.write_all(model::diag::render(&self.name, &self.text, &loaded.warnings).as_bytes())?;
        let mut line = format!(
            "{}: ok, {}",
            self.shown_name(),
            plural(loaded.timeline.events.len(), "event")
        );
        if !loaded.warnings.is_empty() {
            line.push_str(", ");
            line.push_str(&plural(loaded.warnings.len(), "warning"));
        }
        writeln!(err, "{line}")
    }
}

/// `1 error`, `3 errors`.
#[must_use]
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(buf: Vec<u8>) -> String {
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn an_unreadable_file_is_named_escaped() {
        let mut err = Vec::new();
        let (name, e) =
            Input::read(Some(Path::new("/nonexistent/\u{1b}]0;x.ron")), 100, None).unwrap_err();
        Input::report_unreadable(&name, &e, &mut err).unwrap();
        assert_eq!(
            text(err),
            "/nonexistent/\\x1b]0;x.ron: error: cannot read: no such file\n"
        );
    }

    #[test]
    fn summaries_count_what_a_user_wants_to_know() {
        let input = Input {
            name: "t.ron".into(),
            text: Cow::Borrowed(
                "Timeline(title: \"T\", sources: [], participants: [], events: [\n\
                 Event(id: \"a\", when: \"2025\", title: \"A\")])",
            ),
        };
        let mut err = Vec::new();
        let loaded = input.load(&mut err).unwrap().unwrap();
        input.report_valid(&loaded, &mut err).unwrap();
        let out = text(err);
        assert!(out.ends_with("t.ron: ok, 1 event, 1 warning\n"), "{out}");

        let input = Input {
            name: "bad.ron".into(),
            text: Cow::Borrowed("Timeline(title: \"\", sources: [], participants: [], events: [])"),
        };
        let mut err = Vec::new();
        assert!(input.load(&mut err).unwrap().is_none());
        let out = text(err);
        assert!(out.starts_with("bad.ron:1:17: error: "), "{out}");
        assert!(out.ends_with("bad.ron: invalid, 1 error\n"), "{out}");
    }
}
