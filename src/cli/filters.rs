//! Opening the timeline a command works on and resolving its filter flags, with the message
//! and exit status for each way that can fail; shared by `list`, `export` and the browser.

use std::io::{self, Write};
use std::path::Path;

use crate::model::escape::escape_line;
use crate::model::{Loaded, Timeline, Zone};
use crate::query::nothing::Unit;
use crate::query::{Filter, FilterArgs, Index};

use super::Exit;
use super::input::{self, Input};

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
/// [`super::progress::Watch`]); `headless` says whether Ctrl-C should end the command once it has loaded.
pub fn open<W: Write>(
    file: Option<&Path>,
    max_size: u64,
    zone: Zone,
    headless: bool,
    args: &FilterArgs,
    err: &mut W,
    body: impl FnOnce(Selected<'_, '_>, &mut W) -> io::Result<Exit>,
) -> io::Result<Exit> {
    input::open(
        file,
        max_size,
        zone,
        headless,
        err,
        |l| Index::build(&l.timeline),
        |input, loaded, index, err| {
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
        },
    )
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
    s: &Selected<'_, '_>,
    args: &FilterArgs,
    unit: Unit,
    err: &mut impl Write,
) -> io::Result<()> {
    let why = crate::query::nothing::why(
        &s.loaded.timeline,
        s.index,
        &s.filter,
        Some(args),
        Some(&s.input.text),
        unit,
    );
    // Names from the file and values as typed: both untrusted.
    writeln!(err, "roundtable: nothing to show: {}", escape_line(&why))
}
