//! `roundtable config`: checks the config file and says where it is; `--path` prints where it
//! is looked for, `--default` the complete default config.

use std::io::{self, Write};

use crate::config::{self, Location, default};
use crate::model::escape::escape_line;

use super::Exit;
use super::args::ConfigArgs;

/// Runs `config` with the file at `location`.
pub fn run(
    args: &ConfigArgs,
    location: &Location,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Exit> {
    if args.default {
        out.write_all(default::text().as_bytes())?;
        return Ok(Exit::Success);
    }
    let path = location
        .path()
        .map(|p| escape_line(&p.display().to_string()).into_owned());
    if args.path {
        match (&path, location) {
            (Some(p), _) => writeln!(out, "{p}")?,
            (None, Location::Disabled) => {
                writeln!(
                    err,
                    "roundtable: ${} is set empty: no config file is read",
                    config::ENV
                )?;
            }
            (None, _) => {
                writeln!(
                    err,
                    "roundtable: no home directory to look for a config file under"
                )?;
                return Ok(Exit::Trouble);
            }
        }
        return Ok(Exit::Success);
    }
    let Some(p) = path else {
        writeln!(
            err,
            "roundtable: no config file is read; the defaults apply"
        )?;
        return Ok(Exit::Success);
    };
    if matches!(location, Location::Xdg(f) if !f.exists()) {
        writeln!(
            err,
            "{p}: no such file; the defaults apply (`roundtable config --default` prints them)"
        )?;
        return Ok(Exit::Success);
    }
    match config::load(location) {
        Ok(_) => {
            writeln!(err, "{p}: ok")?;
            Ok(Exit::Success)
        }
        Err(problems) => {
            err.write_all(problems.as_bytes())?;
            Ok(Exit::Trouble)
        }
    }
}
