//! `import acled` beside loading what it writes: the issue asks that importing 100k ACLED rows
//! take at most twice as long as loading the resulting timeline.
//!
//! ```sh
//! cargo bench --bench import                               # 1k, 10k and 100k rows
//! ROUNDTABLE_BENCH_MAX=10000 cargo bench --bench import    # a quick run: 1k and 10k
//! ```
//!
//! - `import_acled`: the CSV text (in memory) read, made into a timeline and written as RON
//!   into memory, comments included: what `roundtable import acled FILE` does between reading
//!   FILE and writing stdout. The command then exits without freeing the timeline (the exit
//!   gives its memory back at once), so the timeline is returned and freed outside the timing;
//! - `import_acled_streamed`: the same written as the command writes it, as it is made (a
//!   few megabytes held at a time), to an output that keeps nothing (`> /dev/null`);
//! - `import_acled_freed`: the same with the timeline freed inside the timing, as the command
//!   did before 2026-11-30 evening (and as the figures before then were measured);
//! - `import_acled_unwritten`: the same without writing the RON (the rest of `import_acled`
//!   is the writer, `model::ron_writer`, shared with `export --format ron`);
//! - `command_import` and `command_check`: the commands as a user runs them, each a process
//!   of the `roundtable` this build made, from its start to its end: `import acled FILE -o
//!   OUT --force` (reading the CSV file and writing the timeline file included) against
//!   `check OUT` (reading, loading and validating the file it wrote, without the index the
//!   browser builds besides);
//! - `load_result`: [`model::load_str`] and [`Index::build`] on that RON, what opening it costs
//!   (as `load` in `benches/load.rs`).
//!
//! divan frees what a benchmark returns outside its timing: `import_acled`,
//! `import_acled_unwritten` and `load_result` do not count freeing the timeline they made;
//! `import_acled_freed` does.
//!
//! The rows are generated: a pool of 300 actors, 60 outlets and 400 places, one to three
//! outlets and up to two associated actors a row, notes of about 200 characters.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, PoisonError};

use divan::Bencher;
use roundtable::import::{self, Format, Imported, Options};
use roundtable::model;
use roundtable::query::Index;

fn sizes() -> Vec<usize> {
    common::sizes(&[1_000, 10_000, 100_000])
}

fn main() {
    if common::setup_first() {
        for rows in sizes() {
            let _ = ron(rows);
        }
    }
    divan::main();
    let _ = std::fs::remove_dir_all(scratch());
}

/// A small deterministic generator (xorshift), so every run measures the same rows.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

const TYPES: [(&str, &str); 5] = [
    ("Battles", "Armed clash"),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("Protests", "Peaceful protest"),
    ("Violence against civilians", "Attack"),
    ("Strategic developments", "Agreement"),
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `rows` ACLED-like rows with a header.
fn acled(rows: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(rows * 520);
    out.push_str(HEADER);
    for i in 0..rows {
        let (kind, sub) = TYPES[rng.below(TYPES.len())];
        let (year, month, day) = (2024 + rng.below(2), 1 + rng.below(12), 1 + rng.below(28));
        // Half the dates as ACLED's newer exports write them, half as its older ones.
        let date = if i % 2 == 0 {
            format!("{year}-{month:02}-{day:02}")
        } else {
            format!("{day} {} {year}", MONTHS[month - 1])
        };
        let precision = [1, 1, 1, 2, 3][rng.below(5)];
        let actor = |rng: &mut Rng| format!("Actor {} (Ukraine)", rng.below(300));
        let (a1, a2) = (actor(&mut rng), actor(&mut rng));
        let assoc = match rng.below(3) {
            0 => String::new(),
            1 => actor(&mut rng),
            _ => format!("{}; {}", actor(&mut rng), actor(&mut rng)),
        };
        let outlets: Vec<String> = (0..=rng.below(3))
            .map(|_| format!("Outlet {}", rng.below(60)))
            .collect();
        let place = rng.below(400);
        let _ = writeln!(
            out,
            "UKR{i},{date},{year},{precision},Political violence,{kind},{sub},{a1},{assoc},\
             State forces,{a2},,Civilians,State forces-Civilians,,804,Europe,Ukraine,\
             Oblast {},District {place},,Place {place},49.98,36.25,1,{},National,\
             \"On {date}, {a1} and {a2} were reported near Place {place}; local officials \
             said several buildings were damaged, and a second report gave further details.\",\
             {},,1753900000",
            place % 24,
            outlets.join("; "),
            rng.below(5),
        );
    }
    out
}

static CSV: Mutex<BTreeMap<usize, &'static str>> = Mutex::new(BTreeMap::new());
static RON: Mutex<BTreeMap<usize, &'static str>> = Mutex::new(BTreeMap::new());

/// The generated CSV of `rows` rows, made once.
fn csv(rows: usize) -> &'static str {
    let mut cache = CSV.lock().unwrap_or_else(PoisonError::into_inner);
    cache
        .entry(rows)
        .or_insert_with(|| String::leak(acled(rows)))
}

/// The timeline imported from `text`, and the RON written of it.
fn import_to_ron(text: &str) -> (Imported<'_>, Vec<u8>) {
    let options = Options {
        zone: None,
        name: "acled.csv".to_string(),
    };
    let imported = import::import(Format::Acled, text, &options).expect("the rows import");
    let mut out = Vec::with_capacity(import::write::size_hint(&imported));
    import::write::write(&imported, &mut out).expect("writing to memory");
    (imported, out)
}

/// What importing the CSV of `rows` rows writes, made once.
fn ron(rows: usize) -> &'static str {
    let text = csv(rows);
    let mut cache = RON.lock().unwrap_or_else(PoisonError::into_inner);
    cache.entry(rows).or_insert_with(|| {
        let ron = String::from_utf8(import_to_ron(text).1).expect("RON is text");
        String::leak(ron)
    })
}

/// Where the commands' files go: a directory of this process's own, removed at the end.
fn scratch() -> PathBuf {
    std::env::temp_dir().join(format!("roundtable-bench-import-{}", std::process::id()))
}

/// The CSV of `rows` rows and the timeline file `roundtable import` makes of it, written
/// once, in [`scratch`]: `(csv, ron)`.
fn files(rows: usize) -> (PathBuf, PathBuf) {
    let dir = scratch();
    let (csv_file, ron_file) = (
        dir.join(format!("{rows}.csv")),
        dir.join(format!("{rows}.ron")),
    );
    if !csv_file.exists() {
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        std::fs::write(&csv_file, csv(rows)).expect("the CSV written");
        run(&[
            "import",
            "acled",
            path(&csv_file),
            "-o",
            path(&ron_file),
            "--force",
        ]);
    }
    (csv_file, ron_file)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary directory")
}

/// Runs the `roundtable` this build made with `args`, its output thrown away, and checks
/// that it succeeded.
fn run(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("roundtable runs");
    assert!(status.success(), "roundtable {args:?}: {status}");
}

/// The command as a user runs it: `roundtable import acled FILE -o OUT --force`, from
/// starting the process to its end (reading the CSV file, writing the timeline file).
#[divan::bench(args = sizes(), max_time = 8)]
fn command_import(bencher: Bencher<'_, '_>, rows: usize) {
    let (csv_file, _) = files(rows);
    let out = scratch().join(format!("{rows}-again.ron"));
    bencher.bench(|| {
        run(&[
            "import",
            "acled",
            path(&csv_file),
            "-o",
            path(&out),
            "--force",
        ]);
    });
}

/// Loading what the import wrote as a user does: `roundtable check OUT` (reading the file,
/// loading and validating it; the browser also indexes it, which this leaves out), from
/// starting the process to its end.
#[divan::bench(args = sizes(), max_time = 8)]
fn command_check(bencher: Bencher<'_, '_>, rows: usize) {
    let (_, ron_file) = files(rows);
    bencher.bench(|| run(&["check", path(&ron_file)]));
}

#[divan::bench(args = sizes(), max_time = 8)]
fn import_acled(bencher: Bencher<'_, '_>, rows: usize) {
    let text = csv(rows);
    bencher.bench(|| import_to_ron(text));
}

/// `import_acled` written as the command writes it, as it is made, to an output that keeps
/// nothing (`roundtable import acled FILE > /dev/null`, less the system calls).
#[divan::bench(args = sizes(), max_time = 8)]
fn import_acled_streamed(bencher: Bencher<'_, '_>, rows: usize) {
    let text = csv(rows);
    let options = Options {
        zone: None,
        name: "acled.csv".to_string(),
    };
    bencher.bench(|| {
        let imported = import::import(Format::Acled, text, &options).expect("the rows import");
        let mut out = std::io::BufWriter::new(std::io::sink());
        import::write::write(&imported, &mut out).expect("writing to nothing");
        imported
    });
}

/// `import_acled` with the timeline freed inside the timing.
#[divan::bench(args = sizes(), max_time = 4)]
fn import_acled_freed(bencher: Bencher<'_, '_>, rows: usize) {
    let text = csv(rows);
    bencher.bench(|| import_to_ron(text).1);
}

#[divan::bench(args = sizes(), max_time = 8)]
fn load_result(bencher: Bencher<'_, '_>, rows: usize) {
    let text = ron(rows);
    bencher.bench(|| {
        let loaded = model::load_str(text).expect("the import loads");
        let index = Index::build(&loaded.timeline);
        (loaded, index)
    });
}

/// `import_acled` without writing the RON: the timeline built, as it would be written.
#[divan::bench(args = sizes(), max_time = 4)]
fn import_acled_unwritten(bencher: Bencher<'_, '_>, rows: usize) {
    let text = csv(rows);
    let options = Options {
        zone: None,
        name: "acled.csv".to_string(),
    };
    bencher.bench(|| import::import(Format::Acled, text, &options).expect("the rows import"));
}
