//! The timeline a command works on (a file, or the bundled one), and the messages for a file
//! that cannot be read or does not validate, shared by `check`, `list`, `export` and the browser.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use crate::model::escape::escape_line;
use std::sync::Arc;

use super::Exit;
use super::progress::Watch;
use crate::model::{self, Diagnostic, Loaded, Progress, ReadError, Zone};
use crate::query::document::Document;

/// Reads and validates `path` (the bundled timeline when `None`) without indexing it, for
/// `check`, then runs `body` on it; showing the progress of a slow load (see [`Watch`];
/// `headless` as there), cleared before anything is printed. An unreadable file is reported
/// and ends in [`Exit::Trouble`], an invalid one in [`Exit::Invalid`] (its diagnostics printed
/// as `check` prints them), a load cancelled with Ctrl-C in [`Exit::Cancelled`]. Events are
/// put in order for dates read in `zone` ([`model::load_in`]). The commands that need the
/// index, and the browser, take a [`Document`] from [`document`] instead.
pub fn open<W: Write>(
    path: Option<&Path>,
    max_size: u64,
    zone: Zone,
    headless: bool,
    err: &mut W,
    body: impl FnOnce(&Input, &Loaded<'_>, &mut W) -> io::Result<Exit>,
) -> io::Result<Exit> {
    let mut watch = path.map(|p| Watch::start(&p.to_string_lossy(), headless));
    let progress = watch.as_ref().map(|w| Arc::clone(w.progress()));
    let read = Input::read(path, max_size, progress.as_deref());
    let loaded = read
        .as_ref()
        .ok()
        .map(|input| input.load_quiet(progress.as_ref(), zone));
    if watch.as_mut().is_some_and(Watch::finish) {
        writeln!(err, "roundtable: cancelled")?;
        return Ok(Exit::Cancelled);
    }
    match (&read, loaded) {
        (Err((name, e)), _) => {
            Input::report_unreadable(name, e, err)?;
            Ok(Exit::Trouble)
        }
        (Ok(input), Some(Ok(loaded))) => body(input, &loaded, err),
        (Ok(input), Some(Err(diags))) => {
            input.report_invalid(&diags, err)?;
            Ok(Exit::Invalid)
        }
        (Ok(_), None) => Ok(Exit::Invalid),
    }
}

/// Reads, validates and indexes `path` (the bundled timeline when `None`) into a document that
/// owns its text: what `list`, `statements`, `export` and the browser (which may swap it on
/// reload) work on. The same progress line and reports as [`open`]; `Err` holds how the
/// command ends, already said on `err`.
pub fn document<W: Write>(
    path: Option<&Path>,
    max_size: u64,
    zone: Zone,
    headless: bool,
    err: &mut W,
) -> io::Result<Result<Document, Exit>> {
    let mut watch = path.map(|p| Watch::start(&p.to_string_lossy(), headless));
    let progress = watch.as_ref().map(|w| Arc::clone(w.progress()));
    let read = Input::read(path, max_size, progress.as_deref());
    let loaded = read.map(|input| {
        let text = input.text.into_owned();
        Document::load_in(input.name, text, progress.as_ref(), zone)
    });
    if watch.as_mut().is_some_and(Watch::finish) {
        writeln!(err, "roundtable: cancelled")?;
        return Ok(Err(Exit::Cancelled));
    }
    match loaded {
        Err((name, e)) => {
            Input::report_unreadable(&name, &e, err)?;
            Ok(Err(Exit::Trouble))
        }
        Ok(Ok(doc)) => Ok(Ok(doc)),
        Ok(Err(failed)) => {
            let input = Input {
                name: failed.name,
                text: Cow::Owned(failed.text),
            };
            input.report_invalid(&failed.diagnostics, err)?;
            Ok(Err(Exit::Invalid))
        }
    }
}

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

    /// Validates the text, counting events in `progress`; prints nothing.
    pub fn load_quiet(
        &self,
        progress: Option<&Arc<Progress>>,
        zone: Zone,
    ) -> Result<Loaded<'_>, Vec<Diagnostic>> {
        model::load_in(&self.text, progress, zone)
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
        let loaded = input.load_quiet(None, Zone::Utc).unwrap();
        input.report_valid(&loaded, &mut err).unwrap();
        let out = text(err);
        assert!(out.ends_with("t.ron: ok, 1 event, 1 warning\n"), "{out}");

        let input = Input {
            name: "bad.ron".into(),
            text: Cow::Borrowed("Timeline(title: \"\", sources: [], participants: [], events: [])"),
        };
        let mut err = Vec::new();
        let diags = input.load_quiet(None, Zone::Utc).unwrap_err();
        input.report_invalid(&diags, &mut err).unwrap();
        let out = text(err);
        assert!(out.starts_with("bad.ron:1:17: error: "), "{out}");
        assert!(out.ends_with("bad.ron: invalid, 1 error\n"), "{out}");
    }
}
