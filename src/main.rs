//! The `roundtable` binary: reads the flags and hands over to [`roundtable::cli`]. A reader
//! that goes away (`roundtable list | head -1`) ends the run quietly, as ripgrep does.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use roundtable::cli::{self, Exit, Terminal, args::Cli};
use roundtable::model::escape::escape_line;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help, --version and usage errors; a closed pipe here is not worth a word.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let terminal = Terminal {
        stdin: io::stdin().is_terminal(),
        stdout: io::stdout().is_terminal(),
    };
    let mut err = io::stderr();
    match cli::run(&cli, terminal, &mut err) {
        Ok(exit) => exit.into(),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "roundtable: {}", escape_line(&e.to_string()));
            Exit::Trouble.into()
        }
    }
}
