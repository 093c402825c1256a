//! The flags as clap reads them (first stage), and their validation into [`Settings`]
//! (second stage), so that parsing stays declarative and every message about a value is ours.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::read::DEFAULT_MAX_SIZE;
use crate::query::FilterArgs;

use super::size::parse_size;

const ABOUT: &str = "Browse timelines of negotiations in the terminal: who said what, when, \
                     and according to whom";

const LONG_ABOUT: &str = "\
Browse timelines of negotiations in the terminal: who said what, when, and according to whom.

A timeline is a RON file of events (grouped into rounds), the participants, the quotes and \
claims attributed to them, and the sources every item was taken from. Conflicting claims stay \
side by side, marked as disputed. With no FILE, roundtable opens the timeline it ships with \
(the Russia–Ukraine talks in Istanbul, 2025).

With no command, roundtable opens the interactive browser; `check`, `list` and `export` work \
without a terminal, for scripts and for checking a file while writing it.";

const EXAMPLES: &str = "\
Examples:
  roundtable                                  browse the bundled timeline
  roundtable talks.ron --speaker peskov       browse a file, only the events where Peskov speaks
  roundtable check talks.ron                  validate a file, errors as FILE:LINE:COL
  roundtable list --round 3                   one line per event of round 3
  roundtable export --format markdown --speaker medinsky > brief.md

In the browser: j/k or arrows move, Tab switches pane, / searches, s picks a speaker, r a \
round, q quits; press ? inside for every key.

Exit status: 0 when all went well, 1 when a file is invalid, 2 when a file cannot be read, a \
flag names nothing in the timeline, or the browser has no terminal.";

const CHECK_ABOUT: &str =
    "Validate timeline files: every problem as FILE:LINE:COL, then a summary per file";

const CHECK_LONG: &str = "\
Validate timeline files, reporting every problem found, not only the first.

Errors and warnings go to stderr, one per line as `FILE:LINE:COL: error: message`, followed by \
one summary line per file (`talks.ron: ok, 23 events, 2 warnings` or `talks.ron: invalid, 3 \
errors, 1 warning`). Nothing is written to stdout. With no FILE, checks the bundled timeline.

Exit status: 0 when every file is valid (warnings allowed), 1 when any file is invalid, 2 when \
any file cannot be read.";

const LIST_ABOUT: &str = "Print one line per event, in timeline order";

const LIST_LONG: &str = "\
Print one line per event, in timeline order, with these fields:

  WHEN      the date or time, at the precision the file gives (2025-07, 2025-07-23 16:00Z)
  ROUND     the round number, or - when the event belongs to no round
  QUOTES    how many quotes the event holds
  CLAIMS    how many claims it holds
  DISPUTED  `disputed` when a claim in it disputes another or is disputed; else - (blank
            in the aligned table)
  TITLE     the event's title

On a terminal the columns are aligned under a header line. Into a pipe or a file there is no \
header and the fields are separated by one tab each, so `cut -f1,6` and `awk -F'\\t'` read \
them. Control characters in titles are shown escaped (`\\x1b`), never sent to the terminal.

Filters narrow the list; when several are given, an event must pass all of them.";

const LIST_EXAMPLES: &str = "\
Examples:
  roundtable list                              every event of the bundled timeline
  roundtable list talks.ron --speaker peskov   events where Peskov speaks or claims something
  roundtable list --round 3 --search memorand  round 3 events mentioning memoranda
  roundtable list | cut -f1,6                  dates and titles only";

const EXPORT_ABOUT: &str =
    "Write the timeline, or the events the filters keep, as JSON, RON or a Markdown brief";

const EXPORT_LONG: &str = "\
Write the timeline to stdout as JSON, RON or a Markdown brief. The file itself is never written.

`json` and `ron` keep the file format's structure and field names: every source, participant \
and round, and the events in timeline order (only those the filters keep). The RON output is a \
valid timeline file that `roundtable check` accepts; in a filtered export, `disputes` links to \
claims left out are dropped so that it stays valid (a note on stderr says how many).

`markdown` writes a readable brief: the title, then each round with its events, their quotes \
and claims, who disputes what, and the outlet, relay and publication date behind every quote \
and claim.";

const EXPORT_EXAMPLES: &str = "\
Examples:
  roundtable export --format json > istanbul.json
  roundtable export talks.ron --format ron --round 3 > round3.ron
  roundtable export --format markdown --speaker medinsky > brief.md";

#[derive(Debug, Parser)]
#[command(
    name = "roundtable",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EXAMPLES,
    override_usage = "roundtable [FILE] [OPTIONS]\n       roundtable <COMMAND> [ARGS]",
    disable_help_subcommand = true
)]
pub struct Cli {
    /// The timeline file to browse (RON, format 1); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Refuse files larger than this: bytes, or a number with K, M, G or T (powers of 1024),
    /// e.g. 512M [default: 4G, also the largest timeline roundtable can open]
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_size: Option<String>,

    #[command(flatten)]
    pub filters: BrowseFilters,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The filters the browser opens with; it can change them once open.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Browser filters")]
pub struct BrowseFilters {
    /// Open showing only the events where this participant is quoted or makes a claim: an id,
    /// name or alias, any case, or a part of one that names only one participant
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Open showing only the events of round N
    #[arg(long, value_name = "N")]
    pub round: Option<u64>,

    /// Open showing only the events whose title, summary, quotes or claims contain TEXT,
    /// ignoring case and accents
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = CHECK_ABOUT, long_about = CHECK_LONG)]
    Check(CheckArgs),
    #[command(about = LIST_ABOUT, long_about = LIST_LONG, after_help = LIST_EXAMPLES)]
    List(ListArgs),
    #[command(about = EXPORT_ABOUT, long_about = EXPORT_LONG, after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Timeline files to check; the bundled timeline when none is given
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The timeline file (RON, format 1); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub filters: Filters,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The timeline file (RON, format 1); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// What to write
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Format,

    #[command(flatten)]
    pub filters: Filters,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The timeline as JSON, with the file format's field names
    Json,
    /// The timeline as a RON timeline file, loadable by roundtable
    Ron,
    /// A readable brief: rounds, events, quotes, claims, disputes and citations
    #[value(alias = "md")]
    Markdown,
}

/// Filters for `list` and `export`; an event must pass every one given.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters")]
pub struct Filters {
    /// Only events where this participant is quoted or makes a claim: an id, name or alias,
    /// any case, or a part of one that names only one participant (`peskov`, `Vladimir
    /// Zelensky`)
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only events of round N
    #[arg(long, value_name = "N")]
    pub round: Option<u64>,

    /// Only events citing the source with this id, in the event itself or in a quote or claim
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,

    /// Only events whose title, summary, quotes or claims contain TEXT, ignoring case and
    /// accents
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl Filters {
    #[must_use]
    pub fn to_args(&self) -> FilterArgs {
        FilterArgs {
            speaker: self.speaker.clone(),
            round: self.round,
            source: self.source.clone(),
            search: self.search.clone(),
        }
    }
}

impl BrowseFilters {
    #[must_use]
    pub fn to_args(&self) -> FilterArgs {
        FilterArgs {
            speaker: self.speaker.clone(),
            round: self.round,
            source: None,
            search: self.search.clone(),
        }
    }
}

impl Command {
    /// The name a user types.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Command::Check(_) => "check",
            Command::List(_) => "list",
            Command::Export(_) => "export",
        }
    }
}

/// Flags validated beyond what clap checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The largest file read, in bytes.
    pub max_size: u64,
}

impl Cli {
    /// The second stage: turns the raw flag values into settings, or says which is wrong.
    pub fn settings(&self) -> Result<Settings, String> {
        // clap accepts the browser's FILE and filters before a command (so that the global
        // `--max-size` may go there too); they would be silently ignored, so refuse them.
        if let Some(command) = &self.command {
            let f = &self.filters;
            let misplaced: Vec<&str> = [
                (self.file.is_some(), "FILE"),
                (f.speaker.is_some(), "--speaker"),
                (f.round.is_some(), "--round"),
                (f.search.is_some(), "--search"),
            ]
            .into_iter()
            .filter_map(|(given, name)| given.then_some(name))
            .collect();
            if !misplaced.is_empty() {
                return Err(format!(
                    "{} must come after the command: `roundtable {} FILE --speaker NAME`",
                    misplaced.join(", "),
                    command.name()
                ));
            }
        }
        let max_size = match &self.max_size {
            Some(raw) => parse_size(raw).map_err(|e| format!("--max-size: {e}"))?,
            None => DEFAULT_MAX_SIZE,
        };
        Ok(Settings { max_size })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn file_and_subcommands_are_told_apart() {
        let cli = Cli::try_parse_from(["roundtable", "talks.ron", "--speaker", "peskov"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.file, Some(PathBuf::from("talks.ron")));
        assert_eq!(cli.filters.speaker.as_deref(), Some("peskov"));

        let cli = Cli::try_parse_from(["roundtable", "list", "--max-size", "1M"]).unwrap();
        assert!(matches!(cli.command, Some(Command::List(_))));
        assert_eq!(cli.settings().unwrap().max_size, 1 << 20);
    }

    #[test]
    fn browser_arguments_before_a_command_are_refused_not_ignored() {
        let cli = Cli::try_parse_from(["roundtable", "talks.ron", "list"]).unwrap();
        assert_eq!(
            cli.settings().unwrap_err(),
            "FILE must come after the command: `roundtable list FILE --speaker NAME`"
        );
        let cli =
            Cli::try_parse_from(["roundtable", "--speaker", "x", "--round", "3", "check"]).unwrap();
        assert_eq!(
            cli.settings().unwrap_err(),
            "--speaker, --round must come after the command: `roundtable check FILE --speaker NAME`"
        );
        let cli = Cli::try_parse_from(["roundtable", "--max-size", "2K", "check"]).unwrap();
        assert_eq!(cli.settings().unwrap().max_size, 2048);
    }

    #[test]
    fn a_bad_size_is_reported_in_the_second_stage() {
        let cli = Cli::try_parse_from(["roundtable", "check", "--max-size", "lots"]).unwrap();
        let e = cli.settings().unwrap_err();
        assert!(e.starts_with("--max-size: `lots` is not a size"), "{e}");
    }
}
