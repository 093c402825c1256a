//! `roundtable new`: a small commented timeline to start a file from, on stdout or in a new
//! file that is never written over.

use std::fs::OpenOptions;
use std::io::{self, Write};

use super::Exit;
use super::args::NewArgs;

/// The starter timeline: every field explained by a comment, all of it an obvious example.
pub const STARTER: &str = include_str!("starter.ron");

pub fn run(args: &NewArgs, out: &mut impl Write, err: &mut impl Write) -> io::Result<Exit> {
    let Some(path) = &args.file else {
        out.write_all(STARTER.as_bytes())?;
        return Ok(Exit::Success);
    };
    let shown = path.display();
    // `create_new` fails when anything is there already, so nothing is ever written over,
    // even a file that appears between a check and the write.
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            writeln!(
                err,
                "roundtable: {shown} already exists; it was left as it is: give another name, or \
                 `roundtable new > {shown}` to replace it"
            )?;
            return Ok(Exit::Trouble);
        }
        Err(e) => {
            writeln!(err, "roundtable: cannot create {shown}: {e}")?;
            return Ok(Exit::Trouble);
        }
    };
    if let Err(e) = file
        .write_all(STARTER.as_bytes())
        .and_then(|()| file.sync_all())
    {
        writeln!(err, "roundtable: cannot write {shown}: {e}")?;
        return Ok(Exit::Trouble);
    }
    writeln!(
        err,
        "roundtable: wrote {shown}: replace the examples with your timeline, then `roundtable \
         check {shown}`"
    )?;
    Ok(Exit::Success)
}
