//! `roundtable import FORMAT FILE`: a timeline file made from another format, on stdout or in
//! `-o OUT`, with what could not be carried over named on stderr.

use std::fs::OpenOptions;
use std::io::{self, Read, Write};

use super::Exit;
use super::args::{ImportArgs, Settings};
use super::input::{Input, plural};
use crate::import::{self, Note, Options, Zone};
use crate::model::escape::escape_line;
use crate::model::read_file;

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
    let name = args.file.to_string_lossy().into_owned();
    let text = if name == "-" {
        let mut text = String::new();
        if let Err(e) = io::stdin().lock().read_to_string(&mut text) {
            writeln!(err, "-: error: {}", escape_line(&e.to_string()))?;
            return Ok(Exit::Trouble);
        }
        text
    } else {
        match read_file(&args.file, settings.max_size) {
            Ok(text) => text,
            Err(e) => {
                Input::report_unreadable(&name, &e, err)?;
                return Ok(Exit::Trouble);
            }
        }
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
        let (times, were) = if n == 1 {
            ("1 time of day was", "it")
        } else {
            ("times of day were", "them")
        };
        let count = if n == 1 {
            String::new()
        } else {
            format!("{n} ")
        };
        writeln!(
            err,
            "roundtable: note: {count}{times} cut to the day: {} gives no time zone; --tz ZONE \
             keeps {were}",
            args.format.label()
        )?;
    }
    let mut ron = Vec::new();
    import::write::write(&imported, &mut ron)?;
    match &args.output {
        None => out.write_all(&ron)?,
        Some(path) => {
            let shown = escape_line(&path.to_string_lossy()).into_owned();
            // create_new: a file made between the check above and now is not written over.
            let file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .create_new(!args.force)
                .open(path);
            let written = file.and_then(|mut f| f.write_all(&ron).and_then(|()| f.flush()));
            if let Err(e) = written {
                writeln!(
                    err,
                    "roundtable: cannot write {shown}: {}",
                    escape_line(&e.to_string())
                )?;
                return Ok(Exit::Trouble);
            }
            let t = &imported.timeline;
            writeln!(
                err,
                "roundtable: wrote {shown}: {}, {}, {}, {}",
                plural(t.events.len(), "event"),
                plural(t.sources.len(), "source"),
                plural(t.participants.len(), "participant"),
                plural(t.rounds.len(), "round"),
            )?;
        }
    }
    Ok(Exit::Success)
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
