//! The flags as clap reads them (first stage), and their validation into [`Settings`]
//! (second stage), so that parsing stays declarative and every message about a value is ours.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Zone;
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

With no command, roundtable opens the interactive browser; `check`, `list`, `statements`, \
`export` and `import` work without a terminal, for scripts and for checking a file while writing \
it; `new` writes a commented timeline to start one from.

Keys, colours, the time zone, the clipboard and following are set in a config file, read by \
every command first: `roundtable config --path` says where, `roundtable config --default` \
prints every setting. `completions` and `man` write shell completion and the manual page.";

const EXAMPLES: &str = "\
Examples:
  roundtable                                  browse the bundled timeline
  roundtable talks.ron --speaker peskov       browse a file, only the events where Peskov speaks
  roundtable check talks.ron                  validate a file, errors as FILE:LINE:COL
  roundtable list --round 3                   one line per event of round 3
  roundtable statements --anonymous           every quote and claim from an unnamed source
  roundtable export --format markdown --speaker medinsky > brief.md
  roundtable import timelinejs talks.json --tz Europe/Istanbul -o talks.ron
  roundtable new talks.ron                    start a timeline file from a commented example

In the browser: j/k or arrows move, Tab switches pane, / searches, s picks a speaker, r a \
round, q quits; press ? inside for every key.

Exit status: 0 when all went well, 1 when a file is invalid, 2 when a file cannot be read, a \
flag names nothing in the timeline, the config file has a problem, or the browser has no \
terminal.";

const CHECK_ABOUT: &str =
    "Validate timeline files: every problem as FILE:LINE:COL, then a summary per file";

const CHECK_LONG: &str = "\
Validate timeline files, reporting every problem found, not only the first.

Errors and warnings go to stderr, one per line as `FILE:LINE:COL: error: message`, followed by \
one summary line per file (`talks.ron: ok, 23 events, 2 warnings` or `talks.ron: invalid, 3 \
errors, 1 warning`). Nothing is written to stdout. With no FILE, checks the bundled timeline. \
A JSON file (`export --format json`) is checked too; in JSON, reading stops at the first \
syntax error.

Exit status: 0 when every file is valid (warnings allowed), 1 when any file is invalid, 2 when \
any file cannot be read.";

const LIST_ABOUT: &str = "Print one line per event, in timeline order";

const LIST_LONG: &str = "\
Print one line per event, in timeline order, with these fields:

  ID        the event's id
  WHEN      the date or time, at the precision the file gives (2025-07, 2025-07-23 16:00Z)
  ROUND     the round number, or - when the event belongs to no round
  QUOTES    how many quotes the event holds
  CLAIMS    how many claims it holds
  DISPUTED  `disputed` when a claim in it disputes another or is disputed; else - (blank
            in the aligned table)
  TITLE     the event's title

On a terminal the columns are aligned under a header line. Into a pipe or a file there is no \
header and the fields are separated by one tab each, so `cut -f2,7` and `awk -F'\\t'` read \
them. Control characters in ids and titles are shown escaped (`\\x1b`), never sent to the \
terminal.

Filters narrow the list; when several are given, an event must pass all of them. A statement \
filter (--speaker, --via, --anonymous, --disputed, --corroborated, --single-origin) keeps an \
event when one of its quotes or claims passes all of them. --marked keeps the events marked \
in the browser (`m`), read from the file's marks under the XDG state folder. When nothing \
passes, stderr says why.";

const LIST_EXAMPLES: &str = "\
Examples:
  roundtable list                              every event of the bundled timeline
  roundtable list talks.ron --speaker peskov   events where Peskov speaks or claims something
  roundtable list --round 3 --search memorand  round 3 events mentioning memoranda
  roundtable list --participant umerov         events Umerov takes any part in
  roundtable list talks.ron --marked           the events marked with m in the browser
  roundtable list | cut -f2,7                  dates and titles only";

const STATEMENTS_ABOUT: &str = "Print one line per quote or claim, in timeline order";

const STATEMENTS_LONG: &str = "\
Print one line per quote or claim, in timeline order (in each event, its quotes, then its \
claims), with these fields:

  EVENT   the id of the event that holds it
  WHEN    the event's date or time
  ROUND   the round number, or - when the event belongs to no round
  KIND    quote or claim
  WHO     the speaker of a quote, the claimant of a claim, or the outlet when a claim is the \
outlet's own
  SOURCE  the outlet, the publication it reprints, how it was said and the relay: \
`RT · told reporters`, `Xinhua · via TASS`
  MARKS   any of disputed, confirmed (joined to another claim by `confirms`), anonymous (by a \
participant of kind Group), single-origin (several outlets, one independent origin); - when \
none (blank in the aligned table)
  TEXT    a quote in quotation marks, verbatim; a claim without them, in the file author's \
words

On a terminal the columns are aligned under a header line; into a pipe or a file, no header \
and one tab between fields. Control characters are shown escaped, never sent to the terminal.

Filters narrow the list: --round, --participant and --search ask about the statement's event; \
--speaker, --source, --via, --anonymous, --disputed, --corroborated and --single-origin about \
the statement itself (--source: its own source or one that also carries it); --marked keeps \
the statements of the events marked in the browser (`m`). When nothing passes, stderr says \
why.";

const STATEMENTS_EXAMPLES: &str = "\
Examples:
  roundtable statements --speaker peskov            what Peskov said or claimed
  roundtable statements --anonymous                 claims from unnamed sources
  roundtable statements --source xinhua --disputed  Xinhua's disputed claims
  roundtable statements --single-origin | cut -f5,8 who claimed what, from one origin only";

const EXPORT_ABOUT: &str = "Write the timeline, or what the filters keep, as JSON, RON, a \
                            Markdown brief, CSV or a TimelineJS document";

const EXPORT_LONG: &str = "\
Write the timeline to stdout as JSON, RON, a Markdown brief, CSV or a TimelineJS document. \
The file itself is never written.

`json` and `ron` keep the file format's structure and field names, the events in timeline \
order. Unfiltered, every source, participant and round the file declares; filtered, only the \
events the filters keep and the sources, participants and rounds they use, and `disputes` and \
`confirms` links to claims left out are dropped (a note on stderr says how many), so that \
`roundtable check` accepts the output, JSON or RON, without a warning. roundtable reads a \
JSON export back as it reads a RON file (`check`, `list`, the browser).

`markdown` writes a readable brief: the title, then each round with its events, their quotes \
and claims (quotes quoted, claims never: they are the file author's words), who disputes what, \
and the outlet, relay and publication date behind every quote and claim; then every dispute \
with both sides, and the claims several outlets carry from a single independent origin.

`csv` writes one row per quote or claim the filters keep, with a header: event, id (a \
claim's own), when, round, kind (quote or claim), who, role, side, anonymous, text, source (its \
id), outlet, reprints, via, channel, also, disputes, disputed_by, confirms, marks, outlets and \
origins (the corroboration numbers). Lists within a field are ids joined by `;`.

`timelinejs` writes a TimelineJS3 JSON document, to publish the timeline as a web page: one \
slide per event (its id the `unique_id`, its round the `group`, its first source the media \
credit and link), its text the summary, then every quote in quotation marks and every claim \
without them, each with its citation, and every outlet when it cites several; rounds with a \
start become eras (one without an end lasts its start's period). Dates keep the precision \
the file gives: a year alone is a year, a fraction of a second the `millisecond`. TimelineJS knows no time zones, so a \
time of day is written as the file gives it, in its own offset, and the slide's display date \
says which. TimelineJS shows a media credit only with a link: an outlet without a URL is \
named in the slide's text instead. All text is HTML-escaped. `roundtable import timelinejs` \
reads it back.";

const EXPORT_EXAMPLES: &str = "\
Examples:
  roundtable export --format json > istanbul.json
  roundtable export talks.ron --format ron --round 3 > round3.ron
  roundtable export --format markdown --speaker medinsky > brief.md
  roundtable export --format csv --source xinhua > xinhua.csv
  roundtable export talks.ron --format markdown --marked > marked.md
  roundtable export talks.ron --format timelinejs > talks.json";

const IMPORT_ABOUT: &str = "Make a timeline file from a TimelineJS document or sheet, or an ACLED \
                            export";

const IMPORT_LONG: &str = "\
Make a timeline file (RON) from another format, on stdout or in OUT, that `roundtable check` \
accepts. Nothing is dropped in silence: what a timeline cannot hold (a year BC, an image or a \
video that is no source, a display date, a column roundtable does not know) is named on stderr \
and kept as a `//` comment beside the event it belongs to.

timelinejs: slides become events, their `unique_id` the event id (else event-1, event-2, …), \
`group` a tag, eras rounds (an era whose `unique_id` is `round-N`, as `export --format \
timelinejs` writes, keeps the number N; the others are numbered in date order; the events \
they span belong to them), \
`media` a source where its credit or URL names one. Dates keep the precision given: a year \
alone stays a year. HTML becomes plain text, a link as its words and where it leads.

acled: each row is an event with its `event_id_cnty` as id; actors and associated actors \
become participants (organisations), the outlets in `source` sources, `event_type` and \
`sub_event_type` tags, `notes` and `fatalities` the summary, `location, admin1, country` the \
location. Columns are found by their header.

TimelineJS gives times of day without a zone: --tz places them (`Europe/Istanbul`, \
`-06:00`); without it they are cut to the day, and stderr says how many.

Exit status: 0 when the timeline was written, 1 when the input has problems (every one is \
listed, as FILE:LINE:COL or FILE:LINE), 2 when FILE cannot be read, OUT exists or --tz names \
no zone.";

const IMPORT_EXAMPLES: &str = "\
Examples:
  roundtable import timelinejs talks.json > talks.ron
  roundtable import timelinejs talks.json --tz Europe/Istanbul -o talks.ron
  roundtable import timelinejs-csv sheet.csv --tz -05:00 -o sheet.ron
  roundtable import acled acled-ukraine.csv -o ukraine.ron --force
  curl -sL URL | roundtable import acled - > events.ron";

const NEW_ABOUT: &str = "Write a small commented timeline to start a file from";

const NEW_LONG: &str = "\
Write a small timeline to start a file from: two sources, two participants with aliases, a \
round, and an event with a quote and a claim, every field explained by a comment. All of it \
is an example (Example talks, Participant A, https://example.org/…): replace it with yours, \
then run `roundtable check FILE` as you go. `roundtable check` accepts it as written, with no \
warning.

With FILE, writes it there; an existing FILE is never written over (exit status 2). Without, \
writes it to stdout.";

const NEW_EXAMPLES: &str = "\
Examples:
  roundtable new talks.ron && roundtable check talks.ron
  roundtable new > draft.ron";

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
    /// The timeline file to browse (RON, format 1 or 1.1, or a JSON export); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Refuse files larger than this: bytes, or a number with K, M, G or T (powers of 1024),
    /// e.g. 512M [default: 4G, also the largest timeline roundtable can open]
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_size: Option<String>,

    /// How the browser copies (`y` and `Y`): the system clipboard if there is one, else the terminal
    /// through OSC 52 (auto); always OSC 52, which also works over SSH and in tmux; only the
    /// system clipboard; or never [default: the config file's `clipboard`, else auto]
    #[arg(long, value_enum, value_name = "HOW")]
    pub clipboard: Option<ClipboardArg>,

    /// Do not follow the file: the browser shows it as it was opened, and `R` reloads it
    /// (the config file's `watch = "off"`)
    #[arg(long, conflicts_with = "poll")]
    pub no_watch: bool,

    /// Follow the file by looking at it twice a second, for filesystems that send no change
    /// events (network mounts, some containers) (the config file's `watch = "poll"`)
    #[arg(long)]
    pub poll: bool,

    /// Show times in this zone: UTC (the default), local (this machine's), or an IANA zone
    /// such as `America/New_York`; a date without a time of day is taken as that day in the zone
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,

    #[command(flatten)]
    pub filters: Filters,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--clipboard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClipboardArg {
    Auto,
    Osc52,
    System,
    Off,
}

impl Cli {
    /// How the browser follows its file: `--poll` or `--no-watch`, else `config` (the config
    /// file's `watch`).
    #[must_use]
    pub fn watch(&self, config: crate::follow::Watch) -> crate::follow::Watch {
        use crate::follow::Watch;
        if self.no_watch {
            Watch::Off
        } else if self.poll {
            Watch::Poll
        } else {
            config
        }
    }

    /// How the browser copies: `--clipboard`, else `config` (the config file's `clipboard`).
    #[must_use]
    pub fn clipboard(&self, config: crate::clipboard::Mode) -> crate::clipboard::Mode {
        self.clipboard.map_or(config, ClipboardArg::mode)
    }
}

impl ClipboardArg {
    #[must_use]
    pub fn mode(self) -> crate::clipboard::Mode {
        use crate::clipboard::Mode;
        match self {
            ClipboardArg::Auto => Mode::Auto,
            ClipboardArg::Osc52 => Mode::Osc52,
            ClipboardArg::System => Mode::System,
            ClipboardArg::Off => Mode::Off,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    #[command(about = CHECK_ABOUT, long_about = CHECK_LONG)]
    Check(CheckArgs),
    #[command(about = LIST_ABOUT, long_about = LIST_LONG, after_help = LIST_EXAMPLES)]
    List(ListArgs),
    #[command(
        about = STATEMENTS_ABOUT,
        long_about = STATEMENTS_LONG,
        after_help = STATEMENTS_EXAMPLES
    )]
    Statements(StatementsArgs),
    #[command(about = EXPORT_ABOUT, long_about = EXPORT_LONG, after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
    #[command(about = IMPORT_ABOUT, long_about = IMPORT_LONG, after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    #[command(about = NEW_ABOUT, long_about = NEW_LONG, after_help = NEW_EXAMPLES)]
    New(NewArgs),
    #[command(about = CONFIG_ABOUT, long_about = CONFIG_LONG, after_help = CONFIG_EXAMPLES)]
    Config(ConfigArgs),
    #[command(
        about = COMPLETIONS_ABOUT,
        long_about = COMPLETIONS_LONG,
        after_help = COMPLETIONS_EXAMPLES
    )]
    Completions(CompletionsArgs),
    #[command(about = MAN_ABOUT, long_about = MAN_LONG, after_help = MAN_EXAMPLES)]
    Man,
}

const CONFIG_ABOUT: &str =
    "Check the config file, print where it is looked for, or print the defaults";

const CONFIG_LONG: &str = "\
Check the config file (keys, colours, time zone, clipboard, following), or with a flag print \
where it is looked for or the complete default config.

The file is TOML, at $ROUNDTABLE_CONFIG if that is set (set empty, no file is read), else at \
roundtable/config.toml under $XDG_CONFIG_HOME (~/.config when unset; on macOS too). It names \
only what it changes: `roundtable config --default` prints every setting with its default and \
what it does, and reads back as exactly the defaults. Every command reads the file first, and \
a file with a problem stops it before anything is drawn, with each problem as \
FILE:LINE:COL. Flags on the command line win over the file.

Exit status: 0 when the file is valid or missing, 2 when it has a problem or cannot be read.";

const CONFIG_EXAMPLES: &str = "\
Examples:
  roundtable config                      check the config file, say where it is
  roundtable config --path               where it is looked for
  mkdir -p ~/.config/roundtable && roundtable config --default > ~/.config/roundtable/config.toml
  ROUNDTABLE_CONFIG=my.toml roundtable   browse with another config file";

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct ConfigArgs {
    /// Print the complete default config, commented (it reads back as the defaults)
    #[arg(long)]
    pub default: bool,

    /// Print the path the config file is looked for at (whether or not it exists)
    #[arg(long)]
    pub path: bool,
}

const COMPLETIONS_ABOUT: &str = "Print a shell completion script (bash, zsh or fish)";

const COMPLETIONS_LONG: &str = "\
Print a completion script for SHELL to stdout: commands, flags and their values complete on \
Tab. Written from the same definition as --help, so it always matches this roundtable.";

const COMPLETIONS_EXAMPLES: &str = "\
Install:
  bash:  roundtable completions bash > ~/.local/share/bash-completion/completions/roundtable
  zsh:   roundtable completions zsh > ~/.zfunc/_roundtable   (with fpath+=~/.zfunc before compinit)
  fish:  roundtable completions fish > ~/.config/fish/completions/roundtable.fish";

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

const MAN_ABOUT: &str = "Print the manual page (roff) to stdout";

const MAN_LONG: &str = "\
Print roundtable's manual page, in roff, to stdout: every command and flag, written from the \
same definition as --help.";

const MAN_EXAMPLES: &str = "\
Examples:
  roundtable man | man -l -                             read it now
  roundtable man > ~/.local/share/man/man1/roundtable.1   install it for `man roundtable`";

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The file to write; it must not exist. Stdout when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What FILE holds
    #[arg(value_enum, value_name = "FORMAT")]
    pub format: ImportFormat,

    /// The file to import; `-` reads standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The time zone of times of day the input gives without one: an IANA zone
    /// (`Europe/Istanbul`) or a UTC offset (`-06:00`); without it they are cut to the day
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,

    /// Write the timeline to OUT instead of stdout; an existing OUT only with --force
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Write over OUT if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// What `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// A TimelineJS3 JSON document (title, events, eras)
    Timelinejs,
    /// The TimelineJS Google Sheet template, downloaded as CSV
    TimelinejsCsv,
    /// An ACLED data export (CSV), one event per row
    Acled,
}

impl ImportFormat {
    /// The importer's format.
    #[must_use]
    pub fn format(self) -> crate::import::Format {
        match self {
            ImportFormat::Timelinejs => crate::import::Format::TimelineJs,
            ImportFormat::TimelinejsCsv => crate::import::Format::TimelineJsCsv,
            ImportFormat::Acled => crate::import::Format::Acled,
        }
    }

    /// How users know the format, for messages.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ImportFormat::Timelinejs | ImportFormat::TimelinejsCsv => "TimelineJS",
            ImportFormat::Acled => "ACLED",
        }
    }
}

#[derive(Debug, Args)]
pub struct StatementsArgs {
    /// Show times in this zone: UTC (the default), local (this machine's), or an IANA zone
    /// such as `America/New_York`; a date without a time of day is taken as that day in the zone
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,

    /// The timeline file (RON, format 1 or 1.1, or a JSON export); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub filters: Filters,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Timeline files to check; the bundled timeline when none is given
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show times in this zone: UTC (the default), local (this machine's), or an IANA zone
    /// such as `America/New_York`; a date without a time of day is taken as that day in the zone
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,

    /// The timeline file (RON, format 1 or 1.1, or a JSON export); the bundled timeline when omitted
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub filters: Filters,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The timeline file (RON, format 1 or 1.1, or a JSON export); the bundled timeline when omitted
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
    /// One row per quote or claim, for a spreadsheet or `DuckDB`
    Csv,
    /// A `TimelineJS3` document: one slide per event, rounds with a start as eras
    Timelinejs,
}

/// Filters for the browser (what it opens with), `list`, `statements` and `export`; every one
/// given must hold.
#[allow(
    clippy::struct_excessive_bools,
    reason = "four independent flags, as the user gives them"
)]
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Filters (all given must hold)")]
pub struct Filters {
    /// Only what this participant says or claims: an id, name or alias, any case, or a part
    /// of one that names only one participant (`peskov`, `Vladimir Zelensky`); repeat it for
    /// any of several speakers
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,

    /// Only events this participant takes any part in: quoted, claiming, or listed among the
    /// event's participants (named as for --speaker)
    #[arg(long, value_name = "NAME")]
    pub participant: Option<String>,

    /// Only events of round N (the number the file gives the round)
    #[arg(long, value_name = "N")]
    pub round: Option<u64>,

    /// Only what comes from this source: a source id or an outlet name, any case, or a part
    /// of either (`xinhua` for every Xinhua source); events citing it anywhere, quotes and
    /// claims taken from it or carried by it (`also`). Repeat it for any of several
    /// (`--source xinhua --source rt`)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,

    /// Only quotes and claims whose relay (their `via`) holds TEXT, ignoring case, accents and
    /// extra spaces: `--via tass` keeps those relayed by `TASS` and by `a source from TASS`
    #[arg(long, value_name = "TEXT")]
    pub via: Option<String>,

    /// Only events whose title, summary, quotes or claims contain TEXT, or whose participants'
    /// names or aliases do, ignoring case and accents
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// Only quotes and claims from anonymous or collective sources (participants of kind
    /// Group, such as "a source in the delegation")
    #[arg(long)]
    pub anonymous: bool,

    /// Only claims that dispute another claim or are disputed by one
    #[arg(long)]
    pub disputed: bool,

    /// Only claims with two or more independent origins (see docs/format.md, "Corroboration");
    /// not with --single-origin
    #[arg(long)]
    pub corroborated: bool,

    /// Only claims that several outlets carry from a single independent origin (circular
    /// reporting); not with --corroborated
    #[arg(long, conflicts_with = "corroborated")]
    pub single_origin: bool,

    /// Only the events marked in the browser (`m`); marks are kept per file under the XDG
    /// state folder (`$XDG_STATE_HOME/roundtable/marks`, else
    /// `~/.local/state/roundtable/marks`)
    #[arg(long)]
    pub marked: bool,
}

impl Filters {
    #[must_use]
    pub fn to_args(&self) -> FilterArgs {
        FilterArgs {
            speakers: self.speaker.clone(),
            participant: self.participant.clone(),
            round: self.round,
            sources: self.source.clone(),
            via: self.via.clone(),
            search: self.search.clone(),
            anonymous: self.anonymous,
            disputed: self.disputed,
            corroborated: self.corroborated,
            single_origin: self.single_origin,
            // Read from the marks file by the command (see `cli::filters::args`).
            marked: None,
        }
    }

    /// The flags given, as typed (`--speaker`), in the order of the fields.
    #[must_use]
    pub fn given(&self) -> Vec<&'static str> {
        [
            (!self.speaker.is_empty(), "--speaker"),
            (self.participant.is_some(), "--participant"),
            (self.round.is_some(), "--round"),
            (!self.source.is_empty(), "--source"),
            (self.via.is_some(), "--via"),
            (self.search.is_some(), "--search"),
            (self.anonymous, "--anonymous"),
            (self.disputed, "--disputed"),
            (self.corroborated, "--corroborated"),
            (self.single_origin, "--single-origin"),
            (self.marked, "--marked"),
        ]
        .into_iter()
        .filter_map(|(given, name)| given.then_some(name))
        .collect()
    }
}

impl Command {
    /// The name a user types.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Command::Check(_) => "check",
            Command::List(_) => "list",
            Command::Statements(_) => "statements",
            Command::Export(_) => "export",
            Command::Import(_) => "import",
            Command::New(_) => "new",
            Command::Config(_) => "config",
            Command::Completions(_) => "completions",
            Command::Man => "man",
        }
    }
}

/// Flags validated beyond what clap checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The largest file read, in bytes.
    pub max_size: u64,
    /// The display time zone given with `--tz`, if any (the config's `[display] tz` is to fill
    /// it when the flag is absent); [`Settings::zone`] is the one in force.
    pub zone: Option<Zone>,
}

impl Settings {
    /// The display time zone in force: `--tz`, else UTC (see [`crate::model::zone`] for why
    /// UTC is the default).
    #[must_use]
    pub fn zone(&self) -> Zone {
        self.zone.unwrap_or_default()
    }
}

impl Cli {
    /// The second stage: turns the raw flag values into settings, or says which is wrong.
    pub fn settings(&self) -> Result<Settings, String> {
        // clap accepts the browser's FILE and filters before a command (so that the global
        // `--max-size` may go there too); they would be silently ignored, so refuse them.
        if let Some(command) = &self.command {
            if self.clipboard.is_some() {
                return Err(format!(
                    "--clipboard is for the browser (`roundtable --clipboard osc52`); `{}` \
                     copies nothing",
                    command.name()
                ));
            }
            if self.tz.is_some() {
                return Err(format!(
                    "--tz must come after the command: `roundtable {} FILE --tz ZONE`",
                    command.name()
                ));
            }
            if self.no_watch || self.poll {
                let flag = if self.poll { "--poll" } else { "--no-watch" };
                return Err(format!(
                    "{flag} is for the browser (`roundtable {flag} FILE`); `{}` reads the file once",
                    command.name()
                ));
            }
            let misplaced: Vec<&str> = self
                .file
                .iter()
                .map(|_| "FILE")
                .chain(self.filters.given())
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
        let tz = match &self.command {
            None => self.tz.as_deref(),
            Some(Command::List(a)) => a.tz.as_deref(),
            Some(Command::Statements(a)) => a.tz.as_deref(),
            Some(_) => None,
        };
        let zone = tz
            .map(|z| Zone::parse(z).map_err(|e| format!("--tz: {e}")))
            .transpose()?;
        Ok(Settings { max_size, zone })
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
        assert_eq!(cli.filters.speaker, ["peskov"]);

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
        let cli = Cli::try_parse_from(["roundtable", "--clipboard", "off", "list"]).unwrap();
        assert_eq!(
            cli.settings().unwrap_err(),
            "--clipboard is for the browser (`roundtable --clipboard osc52`); `list` copies nothing"
        );
    }

    #[test]
    fn a_bad_size_is_reported_in_the_second_stage() {
        let cli = Cli::try_parse_from(["roundtable", "check", "--max-size", "lots"]).unwrap();
        let e = cli.settings().unwrap_err();
        assert!(e.starts_with("--max-size: `lots` is not a size"), "{e}");
    }
}
