//! Issue #10's speed goal for key presses, measured at two sizes in turn: each sample at the
//! small size is followed by one at the large size, in one process, so that whatever the
//! machine does meanwhile (another process, a slower spell of the virtual CPU) falls on both
//! sizes alike. The benchmarks (`cargo bench --bench browse`) run one size for seconds, then
//! the other; on a shared two-core machine their medians move by 2× between runs.
//!
//! Each key press runs in the statements view on its own browser (one per size), from the
//! same state each time (set up outside the measure): the time is the key press alone, or
//! the key press and the frame drawn after it (160×50, into memory), as the browser does.
//! Prints, per key press, the median (and fastest) at each size and the ratio of the medians.
//!
//! ```sh
//! cargo build --release --example pairs
//! target/release/examples/pairs [--after-frame] [--cold] [SMALL=10000] [LARGE=1000000] [SECONDS=6] [NAME...]
//! ```
//!
//! With NAMEs, only the key presses whose name contains one of them. With `--after-frame`,
//! the frame of the state a sample starts from is drawn before it (untimed), as the browser
//! always has drawn one before the next key comes: the caches then hold what that frame read
//! rather than what setting the state up read. With `--cold`, the
//! processor's caches are filled with other data before each sample (untimed: 64 MiB read, twice
//! the last-level cache of the machine measured), as between two key presses a person makes a
//! tenth of a second or more apart, while the terminal and everything else run: the small
//! timeline then gets no head start from lying whole in the cache from the samples before.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App, Mode};
use roundtable::ui;

/// One key press: how to bring a browser to the state it starts from (untimed), and the press.
struct Press {
    name: &'static str,
    /// Run once when the browser is made.
    setup: fn(&mut App, &common::Fixture),
    /// Run before each sample, untimed.
    before: fn(&mut App),
    /// The key press, timed.
    run: fn(&mut App),
    /// Whether the frame after it is drawn, and timed with it.
    frame: bool,
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// `f`, a menu label typed, Enter: a filter part turned on or off.
fn toggle(app: &mut App, label: &str) {
    app.update(Action::OpenFilters);
    type_text(app, label);
    app.update(Action::Confirm);
    std::hint::black_box(app.statements().len());
}

fn statements(app: &mut App, _: &common::Fixture) {
    app.update(Action::ToggleView);
}

fn busiest_speaker(app: &mut App, f: &common::Fixture) {
    statements(app, f);
    app.update(Action::OpenSpeakers);
    type_text(app, f.busiest_speaker());
    app.update(Action::Confirm);
}

fn busiest_participant(app: &mut App, f: &common::Fixture) {
    statements(app, f);
    let index = f.index();
    let p = (0..index.involved.len())
        .max_by_key(|&p| index.involved[p].len())
        .expect("participants");
    toggle(
        app,
        &format!("participant: {}", f.timeline().participants[p].name),
    );
}

fn reuters(app: &mut App, f: &common::Fixture) {
    statements(app, f);
    toggle(app, "source: reuters");
}

/// The whole list of the last sample's filter made as the browser makes it, on a thread
/// (worked out on this one, it was a pass over the whole list at 1M just before the sample),
/// and joined; then the choice `label` turned off again if the last sample put it on.
fn settled_and_off(app: &mut App, on: fn(&App) -> bool, label: &str) {
    app.start_counting();
    app.settle_now();
    if on(app) {
        toggle(app, label);
        app.settle_now();
    }
}

fn disputed_off(app: &mut App) {
    settled_and_off(app, |app| app.filter().disputed, "disputed");
}

fn via_off(app: &mut App) {
    settled_and_off(app, |app| app.filter().via.is_some(), "via: tass");
}

/// The round the jump goes to: the 21st of the generator's 40, by number, so that the jump
/// crosses half the timeline at either size.
const JUMP_TO: usize = 21;

/// The first row selected, the round picker open with its counts in and the round before
/// [`JUMP_TO`] chosen: the same state, and the same jump from it, at each sample and at
/// either size. (Stepping on from where the last jump went would jump to a different round
/// each time, and to the last one once there.)
fn picker_before_the_round(app: &mut App) {
    app.settle_now();
    if app.mode() == Mode::Rounds {
        app.update(Action::Back);
    }
    app.update(Action::FirstEvent);
    app.update(Action::OpenRounds);
    app.start_counting();
    app.settle_now();
    for _ in 0..app.timeline().rounds.len() {
        app.update(Action::PickerUp);
    }
    for _ in 1..JUMP_TO - 1 {
        app.update(Action::PickerDown);
    }
}

fn jump(app: &mut App) {
    app.update(Action::PickerDown);
    app.update(Action::Confirm);
    // The footer names the round jumped to, and its rows: the jump went where it was meant to.
    let said = app.message().unwrap_or_default();
    assert!(said.starts_with(&format!("Round {JUMP_TO}")), "{said}");
}

fn next(app: &mut App) {
    if app.selected() + 1 >= app.statements().len() {
        app.update(Action::FirstEvent);
    }
}

const PRESSES: &[Press] = &[
    Press {
        name: "j, next statement",
        setup: statements,
        before: next,
        run: |app| app.update(Action::NextEvent),
        frame: false,
    },
    Press {
        name: "j, next statement, and its frame",
        setup: statements,
        before: next,
        run: |app| app.update(Action::NextEvent),
        frame: true,
    },
    Press {
        name: "disputed on (f, 8 keys, Enter)",
        setup: statements,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: false,
    },
    Press {
        name: "disputed on over the busiest speaker",
        setup: busiest_speaker,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: false,
    },
    Press {
        name: "disputed on over the busiest speaker, and its frame",
        setup: busiest_speaker,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: true,
    },
    Press {
        name: "disputed on over an outlet (Reuters)",
        setup: reuters,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: false,
    },
    Press {
        name: "disputed on over an outlet (Reuters), and its frame",
        setup: reuters,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: true,
    },
    Press {
        name: "disputed on over the busiest participant",
        setup: busiest_participant,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: false,
    },
    Press {
        name: "disputed on over the busiest participant, and its frame",
        setup: busiest_participant,
        before: disputed_off,
        run: |app| toggle(app, "disputed"),
        frame: true,
    },
    Press {
        name: "via: tass on over the busiest participant",
        setup: busiest_participant,
        before: via_off,
        run: |app| toggle(app, "via: tass"),
        frame: false,
    },
    Press {
        name: "round jump over the busiest speaker (down, Enter)",
        setup: busiest_speaker,
        before: picker_before_the_round,
        run: jump,
        frame: false,
    },
    Press {
        name: "round jump over the busiest speaker, and its frame",
        setup: busiest_speaker,
        before: picker_before_the_round,
        run: jump,
        frame: true,
    },
];

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn median_and_fastest(mut s: Vec<f64>) -> (f64, f64) {
    s.sort_by(f64::total_cmp);
    (s[s.len() / 2], s[0])
}

/// Bytes read to push a sample's data out of the caches: twice the 32 MiB L3 of the machine
/// measured (docs/performance.md, "The machine and the runs").
const EVICT: usize = 64 << 20;

/// Reads `buf` through, a cache line at a time, so that the caches hold it and little else.
/// Only read: lines left dirty would be written back during the next, timed, sample.
fn evict(buf: &[u8]) {
    let mut sum = 0u8;
    for line in buf.chunks(64) {
        sum ^= std::hint::black_box(line[0]);
    }
    std::hint::black_box(sum);
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let after_frame = args.next_if(|a| a == "--after-frame").is_some();
    let cold = args.next_if(|a| a == "--cold").is_some();
    let other = if cold { vec![1u8; EVICT] } else { Vec::new() };
    let mut size = |default: usize| {
        args.next()
            .map_or(default, |s| s.replace('_', "").parse().expect("a number"))
    };
    let (small, large) = (size(10_000), size(1_000_000));
    let seconds = size(6) as u64;
    let names: Vec<String> = args.collect();
    let fixtures = [common::fixture(small), common::fixture(large)];
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("a test terminal");
    println!("| key press | {small} | {large} | ratio of medians |");
    println!("| --- | --- | --- | --- |");
    for p in PRESSES {
        if !names.is_empty() && !names.iter().any(|n| p.name.contains(n.as_str())) {
            continue;
        }
        let mut apps = fixtures.map(|f| {
            let mut app = f.app();
            (p.setup)(&mut app, f);
            app.settle_now();
            app
        });
        let mut took: [Vec<f64>; 2] = Default::default();
        let end = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < end {
            for (app, took) in apps.iter_mut().zip(&mut took) {
                (p.before)(app);
                if after_frame {
                    let drawn = terminal.draw(|f| ui::render(app, f)).expect("in memory");
                    std::hint::black_box(drawn.area);
                }
                if cold {
                    evict(&other);
                }
                let t0 = Instant::now();
                (p.run)(app);
                if p.frame {
                    let drawn = terminal.draw(|f| ui::render(app, f)).expect("in memory");
                    std::hint::black_box(drawn.area);
                }
                took.push(micros(t0.elapsed()));
            }
        }
        let samples = took[0].len();
        let [(m0, f0), (m1, f1)] = took.map(median_and_fastest);
        println!(
            "| {} | {m0:.1} µs ({f0:.1}) | {m1:.1} µs ({f1:.1}) | {:.2} ({samples} each) |",
            p.name,
            m1 / m0
        );
    }
}
