//! `roundtable check FILE...`: validates files and reports every problem on stderr.

use std::io::{self, Write};

use super::Exit;
use super::args::{CheckArgs, Settings};
use super::input::Input;

/// Checks each file in turn (the bundled timeline when none is given). The exit is the worst
/// found: unreadable beats invalid beats valid.
pub fn run(args: &CheckArgs, settings: &Settings, err: &mut impl Write) -> io::Result<Exit> {
    if args.files.is_empty() {
        return check_one(&Input::bundled(), err);
    }
    let mut worst = Exit::Success;
    for path in &args.files {
        let exit = match Input::read(Some(path), settings.max_size, err)? {
            Some(input) => check_one(&input, err)?,
            None => Exit::Trouble,
        };
        worst = worse(worst, exit);
    }
    Ok(worst)
}

fn check_one(input: &Input, err: &mut impl Write) -> io::Result<Exit> {
    match input.load(err)? {
        Some(loaded) => {
            input.report_valid(&loaded, err)?;
            Ok(Exit::Success)
        }
        None => Ok(Exit::Invalid),
    }
}

fn worse(a: Exit, b: Exit) -> Exit {
    let rank = |e| match e {
        Exit::Success => 0,
        Exit::Invalid => 1,
        Exit::Trouble => 2,
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
            &Settings { max_size: 1 << 20 },
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
            &Settings { max_size: 1 << 20 },
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
