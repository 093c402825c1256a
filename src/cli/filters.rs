//! Opening the timeline a command works on and resolving its filter flags, with the message
//! and exit status for each way that can fail; shared by `list`, `export` and the browser.

use std::io::{self, Write};
use std::path::Path;

use crate::model::escape::escape_line;
use crate::model::{Timeline, Zone};
use crate::query::document::Document;
use crate::query::nothing::Unit;
use crate::query::{Filter, FilterArgs, Index};

use super::Exit;
use super::input;

/// A loaded timeline (owning its text, with its index) and the filter resolved on it.
pub struct Selected {
    pub doc: Document,
    pub filter: Filter,
}

/// Reads and validates `file` in `zone`, builds the index and resolves `args`. `Err` holds how
/// the command ends, already said on `err`: an unreadable file [`Exit::Trouble`], an invalid
/// one [`Exit::Invalid`] (its errors printed as `check` prints them), a filter naming nothing
/// [`Exit::Trouble`], a load the user cancelled with Ctrl-C [`Exit::Cancelled`]. A slow load
/// shows its progress (see [`super::progress::Watch`]); `headless` says whether Ctrl-C should
/// end the command once it has loaded.
pub fn open(
    file: Option<&Path>,
    max_size: u64,
    zone: Zone,
    headless: bool,
    args: &FilterArgs,
    err: &mut impl Write,
) -> io::Result<Result<Selected, Exit>> {
    let doc = match input::document(file, max_size, zone, headless, err)? {
        Ok(doc) => doc,
        Err(exit) => return Ok(Err(exit)),
    };
    Ok(match resolve(doc.timeline(), doc.index(), args, err)? {
        Some(filter) => Ok(Selected { doc, filter }),
        None => Err(Exit::Trouble),
    })
}

/// The filter flags as given, with `--marked` read from the marks file of `file` (the bundled
/// timeline when `None`). A marks file that cannot be read prints `roundtable: --marked: why`
/// and gives `None`.
pub fn args(
    flags: &super::args::Filters,
    file: Option<&Path>,
    err: &mut impl Write,
) -> io::Result<Option<FilterArgs>> {
    let mut args = flags.to_args();
    if flags.marked {
        let ids = crate::marks::Store::of(file).and_then(|store| store.load());
        match ids {
            Ok(ids) => args.marked = Some(ids.into_iter().collect()),
            Err(e) => {
                writeln!(err, "roundtable: --marked: {}", escape_line(&e.full))?;
                return Ok(None);
            }
        }
    }
    Ok(Some(args))
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

/// Tells the user on `err` why the filters keep nothing (see [`crate::query::nothing::why`]).
pub fn nothing(
    s: &Selected,
    args: &FilterArgs,
    unit: Unit,
    err: &mut impl Write,
) -> io::Result<()> {
    let why = crate::query::nothing::why(
        s.doc.timeline(),
        s.doc.index(),
        &s.filter,
        Some(args),
        Some(s.doc.text()),
        unit,
    );
    // Names from the file and values as typed: both untrusted.
    writeln!(
        err,
        "roundtable: nothing to show: {}",
        escape_line(&why.to_string())
    )
}
