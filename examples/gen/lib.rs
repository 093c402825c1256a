//! The core of `examples/gen.rs`: generates a realistic synthetic timeline and streams it out
//! as RON (a timeline file) or JSON (the same content), deterministically for a seed.
//!
//! Kept apart from the example's `main` so that `tests/generator.rs` can include it with
//! `#[path]` and check what it writes without spawning cargo.

#[path = "emit.rs"]
pub mod emit;
#[path = "events.rs"]
mod events;
#[path = "rates.rs"]
pub mod rates;
#[path = "rng.rs"]
mod rng;
#[path = "text.rs"]
mod text;
#[path = "words.rs"]
mod words;
#[path = "world.rs"]
mod world;

use std::io::{self, Write};

use emit::Emitter;
use events::{Event, Events};
use rng::Rng;
use world::World;

pub const USAGE: &str =
    "Usage: cargo run --release --example gen -- --events N [--format ron|json] [--seed S] > FILE";

pub const HELP: &str = "\
gen: writes a synthetic roundtable timeline (format version 1.1) to standard output,
for benchmarks and stress tests.

Usage: cargo run --release --example gen -- --events N [--format ron|json] [--seed S] > FILE

Options:
  --events N     number of events (default 1000); `100_000`, `100k` and `1M` work too
  --format F     ron  (default) a timeline file in the style of hand-written ones
                 json the same content as JSON: objects with the same field names,
                      optional fields left out, enums as strings (\"LiveFeed\"), for
                      tools such as jq and jless
  --seed S       seed of the generator (default 1): the same seed and N give
                 byte-identical output
  -h, --help     print this help

The timeline has about 300 participants (people, organisations and anonymous groups,
on 6 sides, with Latin and Cyrillic aliases), 40 rounds, one source per 100 events
(at least one), and N events dated 2022-2026 at every precision, listed in random
order (the loader sorts them). Each event has 2-6 participants, 1-4 sources, 1-4
quotes and 0-3 claims, some disputing or confirming earlier ones; about 30% of the
text is in Russian. The fields of format 1.1 come at the rates of examples/gen/rates.rs:
a language on 90% of sources, a few portals reprinting a wire (`republishes`), an
`end` on 5% of events, a `channel` on about 55% of quotes and 15% of claims, `also`
on 12-15%, `lang` (with `original` on half) on a few translated statements, and
`confirms` on about 10% of claims. RON takes about 2.4 KB per event; output is
streamed, so any N runs in little memory.
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Ron,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub events: usize,
    pub seed: u64,
    pub format: Format,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            events: 1000,
            seed: 1,
            format: Format::Ron,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Options),
    Help,
}

/// Reads `1000`, `100_000`, `100k` or `1M`.
fn count(s: &str) -> Option<u64> {
    let s = s.replace('_', "");
    let (digits, scale) = match s.as_bytes().last()? {
        b'k' | b'K' => (&s[..s.len() - 1], 1_000),
        b'm' | b'M' => (&s[..s.len() - 1], 1_000_000),
        _ => (&s[..], 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(scale)
}

/// Parses the command line (without the program name).
pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut opts = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        if !matches!(flag.as_str(), "--events" | "--format" | "--seed") {
            return Err(format!("unknown argument `{flag}`"));
        }
        let value = inline
            .or_else(|| args.next())
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--events" => {
                opts.events = count(&value)
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or_else(|| format!("`--events {value}`: expected a number of events"))?;
            }
            "--seed" => {
                opts.seed = value
                    .parse()
                    .map_err(|_| format!("`--seed {value}`: expected a number"))?;
            }
            _ => {
                opts.format = match value.as_str() {
                    "ron" => Format::Ron,
                    "json" => Format::Json,
                    _ => return Err(format!("`--format {value}`: expected `ron` or `json`")),
                };
            }
        }
    }
    Ok(Command::Run(opts))
}

/// Writes the whole timeline to `out`, one event at a time, and flushes it.
pub fn generate<W: Write>(out: W, opts: &Options) -> io::Result<()> {
    let mut rng = Rng::new(opts.seed);
    let world = World::new(&mut rng.fork(), opts.events);
    let mut events = Events::new(&world, rng.fork(), opts.events);
    let mut e = Emitter::new(out, opts.format == Format::Json);
    e.comment(&format!(
        "A synthetic timeline (format version 1.1): {} events, seed {}.",
        opts.events, opts.seed
    ))?;
    e.comment(&format!(
        "Made by `cargo run --release --example gen -- --events {} --seed {}`; names, \
         quotes and claims are invented.",
        opts.events, opts.seed
    ))?;
    e.open_root("Timeline")?;
    e.str_field("title", "Synthetic negotiations, 2022–2026")?;
    e.str_field(
        "summary",
        &format!(
            "A generated timeline for benchmarks and stress tests (seed {}): {} events, {} \
             participants, {} rounds and {} sources. Everything in it is invented.",
            opts.seed,
            opts.events,
            world.participants.len(),
            world.rounds.len(),
            world.sources.len()
        ),
    )?;
    write_world(&mut e, &world)?;
    e.blank()?;
    e.open_list("events")?;
    for i in 0..opts.events {
        let event = events.event(i);
        write_event(&mut e, &world, &event)?;
    }
    e.close_list()?;
    e.close_root()?;
    e.into_inner().flush()
}

fn write_world<W: Write>(e: &mut Emitter<W>, world: &World) -> io::Result<()> {
    e.blank()?;
    e.open_list("sources")?;
    for s in &world.sources {
        e.open_record(None, "Source", false)?;
        e.str_field("id", &s.id)?;
        e.str_field("outlet", s.outlet)?;
        e.opt_str_field("title", s.title.as_deref())?;
        e.opt_str_field("published", s.published.as_deref())?;
        e.opt_str_field("url", s.url.as_deref())?;
        e.str_list_field("byline", s.byline.iter().map(String::as_str))?;
        if let Some(kind) = s.kind {
            e.variant_field("kind", kind)?;
        }
        let republishes = s.republishes.map(|i| world.sources[i as usize].id.as_str());
        e.opt_str_field("republishes", republishes)?;
        e.opt_str_field("language", s.language)?;
        e.close_record()?;
    }
    e.close_list()?;
    e.blank()?;
    e.open_list("participants")?;
    for p in &world.participants {
        e.open_record(None, "Participant", false)?;
        e.str_field("id", &p.id)?;
        e.str_field("name", &p.name)?;
        e.str_list_field("aliases", p.aliases.iter().map(String::as_str))?;
        e.opt_str_field("role", p.role)?;
        e.opt_str_field("side", p.side_name())?;
        if let Some(kind) = p.kind_variant() {
            e.variant_field("kind", kind)?;
        }
        e.close_record()?;
    }
    e.close_list()?;
    e.blank()?;
    e.open_list("rounds")?;
    for r in &world.rounds {
        e.open_record(None, "Round", true)?;
        e.num_field("number", r.number)?;
        e.opt_str_field("title", r.title.as_deref())?;
        e.opt_str_field("start", r.start.as_deref())?;
        e.opt_str_field("end", r.end.as_deref())?;
        e.opt_str_field("venue", r.venue)?;
        e.close_record()?;
    }
    e.close_list()
}

fn write_event<W: Write>(e: &mut Emitter<W>, world: &World, ev: &Event) -> io::Result<()> {
    let participant = |i: &u32| world.participants[*i as usize].id.as_str();
    let source = |i: &u32| world.sources[*i as usize].id.as_str();
    e.open_record(None, "Event", false)?;
    e.str_field("id", &ev.id)?;
    e.str_field("when", &ev.when)?;
    e.opt_str_field("end", ev.end.as_deref())?;
    if let Some(n) = ev.round {
        e.num_field("round", n)?;
    }
    e.str_field("title", &ev.title)?;
    e.opt_str_field("summary", ev.summary.as_deref())?;
    e.opt_str_field("location", ev.location)?;
    e.str_list_field("participants", ev.participants.iter().map(participant))?;
    e.str_list_field("sources", ev.sources.iter().map(source))?;
    e.str_list_field("tags", ev.tags.iter().copied())?;
    if !ev.quotes.is_empty() {
        e.open_list("quotes")?;
        for q in &ev.quotes {
            e.open_record(None, "Quote", false)?;
            e.str_field("speaker", participant(&q.speaker))?;
            e.str_field("text", &q.text)?;
            e.str_field("source", source(&q.source))?;
            e.opt_str_field("via", q.via)?;
            e.opt_str_field("context", q.context.as_deref())?;
            e.opt_str_field("channel", q.said.channel)?;
            e.str_list_field("also", q.said.also.iter().map(source))?;
            e.opt_str_field("lang", q.said.lang)?;
            e.opt_str_field("original", q.original.as_deref())?;
            e.close_record()?;
        }
        e.close_list()?;
    }
    if !ev.claims.is_empty() {
        e.open_list("claims")?;
        for c in &ev.claims {
            e.open_record(None, "Claim", false)?;
            e.opt_str_field("id", c.id.as_deref())?;
            e.opt_str_field("by", c.by.as_ref().map(participant))?;
            e.str_field("text", &c.text)?;
            e.str_field("source", source(&c.source))?;
            e.opt_str_field("via", c.via)?;
            e.str_list_field("disputes", c.disputes.iter().map(String::as_str))?;
            e.opt_str_field("channel", c.said.channel)?;
            e.str_list_field("also", c.said.also.iter().map(source))?;
            e.opt_str_field("lang", c.said.lang)?;
            e.str_list_field("confirms", c.confirms.iter().map(String::as_str))?;
            e.close_record()?;
        }
        e.close_list()?;
    }
    e.close_record()
}
