//! `roundtable import FORMAT FILE`: a timeline file made from another format, on stdout or in
//! `-o OUT`, with what could not be carried over named on stderr.

use std::fs::OpenOptions;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use super::Exit;
use super::args::{ImportArgs, Settings};
use super::input::{Input, plural};
use crate::import::{self, Note, Options, Zone};
use crate::model::escape::escape_line;
use crate::model::{Timeline, read_file};

pub fn run(
    args: &ImportArgs,
    settings: &Settings,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Exit> {
    let zone = match args.tz.as_deref().map(Zone::parse).transpose() {
        Ok(zone) => zone,
        Err(message) => {
            writeln!(err, "roundtable: {}", escape_line(&message))?;
            return Ok(Exit::Trouble);
        }
    };
    if let Some(path) = &args.output
        && !args.force
        && path.exists()
    {
        writeln!(
            err,
            "roundtable: {} exists; add --force to write over it, or give another -o",
            escape_line(&path.to_string_lossy())
        )?;
        return Ok(Exit::Trouble);
    }
    // Even with --force, the file being imported is never the one written over: its own
    // import would take its place, and the original would be gone.
    if let Some(path) = &args.output
        && let (Ok(a), Ok(b)) = (
            std::fs::canonicalize(path),
            std::fs::canonicalize(&args.file),
        )
        && a == b
    {
        writeln!(
            err,
            "roundtable: -o {} is the file being imported; give another -o",
            escape_line(&path.to_string_lossy())
        )?;
        return Ok(Exit::Trouble);
    }
    let name = args.file.to_string_lossy().into_owned();
    let Some(text) = read(&name, args, settings.max_size, err)? else {
        return Ok(Exit::Trouble);
    };
    let shown = if name == "-" {
        "stdin".to_string()
    } else {
        name.clone()
    };
    let options = Options { zone, name: shown };
    let imported = match import::import(args.format.format(), &text, &options) {
        Ok(imported) => imported,
        Err(problems) => {
            for p in &problems {
                writeln!(err, "{}", line(&name, p, "error"))?;
            }
            writeln!(
                err,
                "{}: not imported, {}",
                escape_line(&name),
                plural(problems.len(), "error")
            )?;
            return Ok(Exit::Invalid);
        }
    };
    for k in &imported.kept {
        writeln!(err, "{} (kept as a comment)", line(&name, k, "note"))?;
    }
    if imported.cut_times > 0 {
        let n = imported.cut_times;
        let (times, them) = if n == 1 {
            ("1 time of day was".to_string(), "it")
        } else {
            (format!("{n} times of day were"), "them")
        };
        writeln!(
            err,
            "roundtable: note: {times} cut to the day: {} gives no time zone; --tz ZONE keeps \
             {them}",
            args.format.label()
        )?;
    }
    // Written as it is made: a few megabytes held at a time, whatever the size.
    let exit = match &args.output {
        None => {
            import::write::write(&imported, out)?;
            out.flush()?;
            // On stderr, so that a pipe gets the timeline alone.
            writeln!(
                err,
                "roundtable: imported {} to standard output",
                holds(imported.timeline())
            )?;
            Exit::Success
        }
        Some(path) => write_file(path, args.force, &imported, err)?,
    };
    // The process ends once this returns (only `main` runs a command): the imported
    // timeline's allocations, freed one by one, would cost 20-90 ms at 100k events for
    // memory the exit gives back at once.
    std::mem::forget(imported);
    Ok(exit)
}

/// The input's text, from FILE or (for `-`) stdin; `None` when it cannot be read (said on
/// `err`).
fn read(
    name: &str,
    args: &ImportArgs,
    max_size: u64,
    err: &mut impl Write,
) -> io::Result<Option<String>> {
    if name == "-" {
        let mut text = String::new();
        return match io::stdin().lock().read_to_string(&mut text) {
            Ok(_) => Ok(Some(text)),
            Err(e) => {
                writeln!(err, "-: error: {}", escape_line(&e.to_string()))?;
                Ok(None)
            }
        };
    }
    match read_file(&args.file, max_size) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            Input::report_unreadable(name, &e, err)?;
            Ok(None)
        }
    }
}

/// Writes `imported` to `path` (over an existing file only with `force`), and says what it
/// holds. A file left part-written by an error (a full disk, say) is removed, and that is said.
fn write_file(
    path: &Path,
    force: bool,
    imported: &import::Imported<'_>,
    err: &mut impl Write,
) -> io::Result<Exit> {
    let shown = escape_line(&path.to_string_lossy()).into_owned();
    // create_new: a file made since the check before reading is not written over either.
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .create_new(!force)
        .open(path);
    let mut file = match file {
        Ok(file) => BufWriter::new(file),
        Err(e) => {
            let e = escape_line(&e.to_string()).into_owned();
            writeln!(err, "roundtable: cannot write {shown}: {e}")?;
            return Ok(Exit::Trouble);
        }
    };
    let written = import::write::write(imported, &mut file).and_then(|()| file.flush());
    if let Err(e) = written {
        // Only a plain file is removed: never a device or a pipe given as -o.
        let plain = file.get_ref().metadata().is_ok_and(|m| m.is_file());
        drop(file);
        let e = escape_line(&e.to_string()).into_owned();
        let removed = match plain.then(|| std::fs::remove_file(path)) {
            None => String::new(),
            Some(Ok(())) => "; the part written is removed".to_string(),
            Some(Err(r)) => format!(
                "; the part written is left: {}",
                escape_line(&r.to_string())
            ),
        };
        writeln!(err, "roundtable: cannot write {shown}: {e}{removed}")?;
        return Ok(Exit::Trouble);
    }
    writeln!(
        err,
        "roundtable: wrote {shown}: {}",
        holds(imported.timeline())
    )?;
    Ok(Exit::Success)
}

/// What an imported timeline holds: `4 events, 2 sources, 3 participants, 0 rounds`.
fn holds(t: &Timeline<'_>) -> String {
    format!(
        "{}, {}, {}, {}",
        plural(t.events.len(), "event"),
        plural(t.sources.len(), "source"),
        plural(t.participants.len(), "participant"),
        plural(t.rounds.len(), "round"),
    )
}

/// `FILE:LINE:COL: kind: message`, or with less where the place is less known; escaped.
fn line(file: &str, note: &Note, kind: &str) -> String {
    let file = escape_line(file);
    let message = escape_line(&note.message);
    match note.at {
        Some(import::Pos {
            line,
            col: Some(col),
        }) => format!("{file}:{line}:{col}: {kind}: {message}"),
        Some(import::Pos { line, col: None }) => format!("{file}:{line}: {kind}: {message}"),
        None => format!("{file}: {kind}: {message}"),
    }
}
