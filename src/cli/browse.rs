//! Opening the browser: the file is read and validated and the filters resolved before the
//! terminal changes mode, so a bad file or flag never leaves the terminal broken.

use std::io::{self, Write};

use crate::model::escape::escape_line;
use crate::tui::{self, Launch};

use std::sync::Arc;

use super::Exit;
use super::args::{Cli, Settings};
use super::{filters, input};
use crate::config::Config;

/// The line printed when stdin or stdout is not a terminal.
pub const NEEDS_TERMINAL: &str = "roundtable: the browser needs a terminal; for scripts use \
                                  `roundtable list` or `roundtable export`";

/// Checks everything a script could get wrong, then, when `interactive` (stdin and stdout are
/// terminals), runs the browser.
pub fn run(
    cli: &Cli,
    settings: &Settings,
    config: Config,
    interactive: bool,
    err: &mut impl Write,
) -> io::Result<Exit> {
    let doc = match input::document(
        cli.file.as_deref(),
        settings.max_size,
        settings.zone(),
        false,
        err,
    )? {
        Ok(doc) => doc,
        Err(exit) => return Ok(exit),
    };
    // Read before the terminal changes mode; a marks file that cannot be read is shown in
    // the footer (and, with --marked, refused here).
    let marks = crate::marks::open(cli.file.as_deref());
    let mut args = cli.filters.to_args();
    if cli.filters.marked {
        if let Some(why) = &marks.trouble {
            writeln!(err, "roundtable: --marked: {}", escape_line(&why.full))?;
            return Ok(Exit::Trouble);
        }
        args.marked = Some(marks.ids.iter().cloned().collect());
    }
    let Some(filter) = filters::resolve(doc.timeline(), doc.index(), &args, err)? else {
        return Ok(Exit::Trouble);
    };
    if !interactive {
        writeln!(err, "{NEEDS_TERMINAL}")?;
        return Ok(Exit::Trouble);
    }
    let launch = Launch {
        doc: Arc::new(doc),
        filter,
        clipboard: cli.clipboard(config.display.clipboard),
        marks,
        follow: cli
            .file
            .clone()
            .map(|path| (path, cli.watch(config.display.watch), settings.max_size)),
        keys: config.keys,
        theme: config.theme,
    };
    match tui::run(launch) {
        Ok(()) => Ok(Exit::Success),
        Err(e) => {
            writeln!(err, "roundtable: {}", escape_line(&e.to_string()))?;
            Ok(Exit::Invalid)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn browse(args: &[&str]) -> (Exit, String) {
        let cli = Cli::try_parse_from(args).unwrap();
        let settings = cli.settings().unwrap();
        let mut err = Vec::new();
        let exit = run(&cli, &settings, Config::default(), false, &mut err).unwrap();
        (exit, String::from_utf8(err).unwrap())
    }

    #[test]
    fn without_a_terminal_it_points_to_list_and_export() {
        let (exit, err) = browse(&["roundtable", "--speaker", "peskov"]);
        assert_eq!(exit, Exit::Trouble);
        assert_eq!(err, format!("{NEEDS_TERMINAL}\n"));
    }

    #[test]
    fn filters_are_resolved_before_the_terminal_is_needed() {
        let (exit, err) = browse(&["roundtable", "--round", "9"]);
        assert_eq!(exit, Exit::Trouble);
        assert_eq!(
            err,
            "roundtable: --round: there is no round 9; rounds are 1, 2, 3\n"
        );
    }

    #[test]
    fn an_unreadable_file_is_reported_before_the_terminal_is_needed() {
        let (exit, err) = browse(&["roundtable", "/nonexistent.ron"]);
        assert_eq!(exit, Exit::Trouble);
        assert_eq!(err, "/nonexistent.ron: error: cannot read: no such file\n");
    }
}
