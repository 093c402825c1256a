//! Opening the timeline a command works on and resolving its filter flags, with the message
//! and exit status for each way that can fail; shared by `list`, `export` and the browser.

use std::io::{self, Write};
use std::path::Path;

use crate::model::escape::escape_line;
use crate::model::{Loaded, Timeline};
use crate::query::{Filter, FilterArgs, Index};

use std::sync::Arc;

use super::Exit;
use super::input::Input;
use super::progress::Watch;
use crate::model::Stage;

/// A loaded timeline with its index and resolved filter, as `body` receives it.
pub struct Selected<'s, 'a> {
    pub input: &'s Input,
    pub loaded: &'s Loaded<'a>,
    pub index: &'s Index,
    pub filter: Filter,
}

/// Reads and validates `file`, builds the index and resolves `args`, then runs `body`. An
/// unreadable file ends in [`Exit::Trouble`], an invalid one in [`Exit::Invalid`] (its errors
/// printed as `check` prints them), a filter naming nothing in [`Exit::Trouble`], a load the
/// user cancelled with Ctrl-C in [`Exit::Cancelled`]. A slow load shows its progress (see
/// [`Watch`]); `headless` says whether Ctrl-C should end the command once it has loaded.
pub fn open<W: Write>(
    file: Option<&Path>,
    max_size: u64,
    headless: bool,
    args: &FilterArgs,
    err: &mut W,
    body: impl FnOnce(Selected<'_, '_>, &mut W) -> io::Result<Exit>,
) -> io::Result<Exit> {
    let mut watch = file.map(|p| Watch::start(&p.to_string_lossy(), headless));
    let progress = watch.as_ref().map(|w| Arc::clone(w.progress()));
    let read = Input::read(file, max_size, progress.as_deref());
    let loaded = read
        .as_ref()
        .ok()
        .map(|input| input.load_quiet(progress.as_ref()));
    let index = match &loaded {
        Some(Ok(loaded)) => {
            if let Some(p) = &progress {
                p.set_stage(Stage::Indexing);
            }
            Some(Index::build(&loaded.timeline))
        }
        _ => None,
    };
    // The progress line is gone before anything else is printed.
    if watch.as_mut().is_some_and(Watch::finish) {
        writeln!(err, "roundtable: cancelled")?;
        return Ok(Exit::Cancelled);
    }
    let input = match &read {
        Ok(input) => input,
        Err((name, e)) => {
            Input::report_unreadable(name, e, err)?;
            return Ok(Exit::Trouble);
        }
    };
    let (Some(Ok(loaded)), Some(index)) = (&loaded, index) else {
        if let Some(Err(diags)) = &loaded {
            input.report_invalid(diags, err)?;
        }
        return Ok(Exit::Invalid);
    };
    let Some(filter) = resolve(&loaded.timeline, &index, args, err)? else {
        return Ok(Exit::Trouble);
    };
    body(
        Selected {
            input,
            loaded,
            index: &index,
            filter,
        },
        err,
    )
}

/// Resolves `args`; when one names nothing in the timeline, or a speaker name fits several
/// participants, prints `roundtable: <why, with the candidates>` and gives `None`.
pub fn resolve(
    t: &Timeline<'_>,
    index: &Index,
    args: &FilterArgs,
    err: &mut impl Write,
) -> io::Result<Option<Filter>> {
    match Filter::resolve(t, index, args) {
        Ok(filter) => Ok(Some(filter)),
        Err(e) => {
            // The message quotes what was typed and names from the file: both untrusted.
            writeln!(err, "roundtable: {}", escape_line(&e.to_string()))?;
            Ok(None)
        }
    }
}
