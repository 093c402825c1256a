//! `roundtable check FILE...`: validates files and reports every problem on stderr.

use std::io::{self, Write};

use std::path::Path;

use super::Exit;
use super::args::{CheckArgs, Settings};
use super::input;

/// Checks each file in turn (the bundled timeline when none is given). The exit is the worst
/// found: a cancel beats unreadable beats invalid beats valid.
pub fn run(args: &CheckArgs, settings: &Settings, err: &mut impl Write) -> io::Result<Exit> {
    if args.files.is_empty() {
        return check_file(None, settings.max_size, err);
    }
    let mut worst = Exit::Success;
    for path in &args.files {
        let exit = check_file(Some(path), settings.max_size, err)?;
        worst = worse(worst, exit);
        if exit == Exit::Cancelled {
            break;
        }
    }
    Ok(worst)
}

/// Reads and checks one file, showing progress when it is slow to load.
fn check_file(path: Option<&Path>, max_size: u64, err: &mut impl Write) -> io::Result<Exit> {
    input::open(
        path,
        max_size,
        crate::model::Zone::Utc,
        true,
        err,
        |input, loaded, err| {
            input.report_valid(loaded, err)?;
            Ok(Exit::Success)
        },
    )
}

fn worse(a: Exit, b: Exit) -> Exit {
    let rank = |e| match e {
        Exit::Success => 0,
        Exit::Invalid => 1,
        Exit::Trouble => 2,
        Exit::Cancelled => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn the_bundled_timeline_checks_clean() {
        let mut err = Vec::new();
        let exit = run(
            &CheckArgs { files: vec![] },
            &Settings {
                max_size: 1 << 20,
                zone: None,
            },
            &mut err,
        )
        .unwrap();
        assert_eq!(exit, Exit::Success);
        let err = String::from_utf8(err).unwrap();
        let events = crate::model::load_str(crate::model::BUNDLED)
            .unwrap()
            .timeline
            .events
            .len();
        assert_eq!(
            err,
            format!("{}: ok, {events} events\n", crate::model::BUNDLED_NAME)
        );
    }

    #[test]
    fn an_unreadable_file_outranks_the_others() {
        let mut err = Vec::new();
        let exit = run(
            &CheckArgs {
                files: vec![PathBuf::from("/nonexistent.ron"), PathBuf::from("/")],
            },
            &Settings {
                max_size: 1 << 20,
                zone: None,
            },
            &mut err,
        )
        .unwrap();
        assert_eq!(exit, Exit::Trouble);
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "/nonexistent.ron: error: cannot read: no such file\n\
             /: error: is a directory, not a timeline file\n"
        );
    }
}
