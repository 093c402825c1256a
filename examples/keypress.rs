//! The filter change of `statements::speaker_and_disputed` (benches/browse.rs) in a loop, for
//! profilers: the generator's timeline of N events in the statements view, the busiest speaker
//! picked, then `disputed` turned on from the filter menu (the key press, timed by step) and
//! off again (timed whole, `off`). Prints "ready" on stderr before the loop, so that a profiler
//! can be attached then (`perf record -p PID`). With `alone`, the flag by itself; with `jump`,
//! `statements::jump_to_round_speaker` instead: over the busiest speaker, the round picker
//! opened and counted (untimed), then down one round and Enter (timed).
//!
//! ```sh
//! cargo build --release --example keypress
//! target/release/examples/keypress [EVENTS=1000000] [SECONDS=20] [alone|jump|jump-again]
//! ```

#[allow(dead_code)]
#[path = "gen/lib.rs"]
mod generator;

use std::sync::Arc;
use std::time::{Duration, Instant};

use roundtable::app::{Action, App};
use roundtable::query::Filter;
use roundtable::query::document::Document;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let mut args = std::env::args().skip(1);
    let events: usize = args
        .next()
        .map_or(1_000_000, |s| s.replace('_', "").parse().expect("EVENTS"));
    let seconds: u64 = args.next().map_or(20, |s| s.parse().expect("SECONDS"));
    let mut text = Vec::with_capacity(events * 2600 + (1 << 20));
    let opts = generator::Options {
        events,
        seed: 1,
        format: generator::Format::Ron,
    };
    generator::generate(&mut text, &opts).expect("writing to memory");
    let text = String::from_utf8(text).expect("UTF-8");
    let doc = Arc::new(Document::load("gen.ron", text).unwrap_or_else(|_| panic!("loads")));
    let (t, index) = (doc.timeline(), doc.index());
    let who = (0..index.speaking.len())
        .max_by_key(|&p| index.speaking[p].events.len())
        .expect("speakers");
    let name = t.participants[who].name.to_string();
    let mut app = App::new(Arc::clone(&doc), &Filter::default());
    app.update(Action::Resize {
        width: 160,
        height: 50,
    });
    app.update(Action::ToggleView);
    let mode = args.next().unwrap_or_default();
    // `alone`: the flag by itself (`statements::disputed_on_and_off`), no speaker picked.
    if mode != "alone" {
        app.update(Action::OpenSpeakers);
        type_text(&mut app, &name);
        app.update(Action::Confirm);
    }
    eprintln!(
        "ready: pid {}, {events} events, {} statements by {name}",
        std::process::id(),
        app.statements().len()
    );
    let end = Instant::now() + Duration::from_secs(seconds);
    if mode == "jump" || mode == "jump-again" {
        return jump(&mut app, end, mode == "jump");
    }
    let mut steps: [Vec<f64>; 5] = Default::default();
    while Instant::now() < end {
        let t0 = Instant::now();
        app.update(Action::OpenFilters);
        let t1 = Instant::now();
        type_text(&mut app, "disputed");
        let t2 = Instant::now();
        app.update(Action::Confirm);
        let t3 = Instant::now();
        let rows = app.statements().len();
        let t4 = Instant::now();
        std::hint::black_box(rows);
        for (s, d) in steps.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3]) {
            s.push(micros(d));
        }
        app.settle_now();
        let t5 = Instant::now();
        app.update(Action::OpenFilters);
        type_text(&mut app, "disputed");
        app.update(Action::Confirm);
        std::hint::black_box(app.statements().len());
        steps[4].push(micros(t5.elapsed()));
    }
    for (what, s) in ["open", "type", "confirm", "len", "off"]
        .iter()
        .zip(&mut steps)
    {
        s.sort_by(f64::total_cmp);
        println!(
            "{what:8} median {:8.1} µs, fastest {:8.1} µs ({} times)",
            s[s.len() / 2],
            s[0],
            s.len()
        );
    }
}

/// Down one round in the round picker and Enter, over and over, each time on a list made
/// afresh (`v` twice) and the picker's counts in, as `statements::jump_to_round_speaker`;
/// with `afresh` false (`jump-again`), on the same list, back at its first row (`g`).
fn jump(app: &mut App, end: Instant, afresh: bool) {
    let mut took = Vec::new();
    while Instant::now() < end {
        app.settle_now();
        if app.mode() == roundtable::app::Mode::Rounds {
            app.update(Action::Back);
        }
        if afresh {
            app.update(Action::ToggleView);
            app.update(Action::ToggleView);
        } else {
            app.update(Action::FirstEvent);
        }
        app.update(Action::OpenRounds);
        app.start_counting();
        app.settle_now();
        let t0 = Instant::now();
        app.update(Action::PickerDown);
        app.update(Action::Confirm);
        took.push(micros(t0.elapsed()));
        std::hint::black_box(app.selected());
    }
    took.sort_by(f64::total_cmp);
    println!(
        "jump     median {:8.1} µs, fastest {:8.1} µs ({} times)",
        took[took.len() / 2],
        took[0],
        took.len()
    );
}
