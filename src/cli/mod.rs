//! The command line: flags, the headless commands `check`, `list`, `statements`, `export`,
//! `import` and `new`, and the checks that run before the browser opens.
//!
//! Every command writes through the `out`/`err` it is given and returns an [`Exit`], so it can
//! be tested without a process; only [`run`] touches the real stdout.

pub mod args;
pub mod browse;
pub mod check;
pub mod config;
pub mod csv;
pub mod export;
pub mod filters;
pub mod import;
pub mod input;
pub mod json;
pub mod list;
pub mod new;
pub mod progress;
pub mod ronfmt;
pub mod shell;
pub mod size;
pub mod statements;
pub mod table;
pub mod view;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use args::{Cli, Command};

/// How a run ended, as the exit status scripts see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done; every file checked is valid.
    Success,
    /// 1: a file is invalid (its errors were printed), or the browser failed.
    Invalid,
    /// 2: a file could not be read, a flag names nothing, or there is no terminal.
    Trouble,
    /// 130 (as for a command ended by Ctrl-C): the user cancelled a load.
    Cancelled,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        match exit {
            Exit::Success => ExitCode::SUCCESS,
            Exit::Invalid => ExitCode::from(1),
            Exit::Trouble => ExitCode::from(2),
            Exit::Cancelled => ExitCode::from(130),
        }
    }
}

/// Which of the standard streams are terminals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdin: bool,
    pub stdout: bool,
}

/// Validates the flags clap read, then runs the command (or the browser). Errors are I/O
/// errors writing the output, a closed pipe among them; the caller decides how to end. Run
/// once per process: `import` leaves its timeline for the process's exit to free.
pub fn run(cli: &Cli, terminal: Terminal, err: &mut impl Write) -> io::Result<Exit> {
    let settings = match cli.settings() {
        Ok(s) => s,
        Err(message) => {
            writeln!(err, "roundtable: {message}")?;
            return Ok(Exit::Trouble);
        }
    };
    let location = crate::config::Location::find();
    let mut out = BufWriter::new(io::stdout().lock());
    // These read the config (or need none): a broken file must not stop its own repair.
    let own = match &cli.command {
        Some(Command::Config(a)) => Some(config::run(a, &location, &mut out, err)?),
        Some(Command::Completions(a)) => Some(shell::completions(a.shell, &mut out)?),
        Some(Command::Man) => Some(shell::man(&mut out)?),
        _ => None,
    };
    if let Some(exit) = own {
        out.flush()?;
        return Ok(exit);
    }
    // Every other command reads the config first, before the terminal is touched.
    let config = match crate::config::load(&location) {
        Ok(c) => c,
        Err(problems) => {
            err.write_all(problems.as_bytes())?;
            return Ok(Exit::Trouble);
        }
    };
    // `--tz` wins over the config's `[display] tz`.
    let settings = crate::cli::args::Settings {
        zone: settings.zone.or(config.display.tz),
        ..settings
    };
    let Some(command) = &cli.command else {
        drop(out);
        // The browser owns the terminal; stdout is left alone for it.
        return browse::run(
            cli,
            &settings,
            config,
            terminal.stdin && terminal.stdout,
            err,
        );
    };
    let layout = if terminal.stdout {
        table::Layout::Table
    } else {
        table::Layout::Tabs
    };
    let exit = match command {
        Command::Check(a) => check::run(a, &settings, err)?,
        Command::List(a) => list::run(a, &settings, layout, &mut out, err)?,
        Command::Statements(a) => statements::run(a, &settings, layout, &mut out, err)?,
        Command::Export(a) => export::run(a, &settings, &mut out, err)?,
        Command::Import(a) => import::run(a, &settings, &mut out, err)?,
        Command::New(a) => new::run(a, &mut out, err)?,
        Command::Config(_) | Command::Completions(_) | Command::Man => Exit::Success,
    };
    out.flush()?;
    Ok(exit)
}
