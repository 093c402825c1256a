//! The browser on a large timeline: one frame of the whole screen, filtering by speaker,
//! searching, and stepping between matches and rounds, at 10k and 1M events side by side.
//!
//! ```sh
//! cargo bench --bench browse                                # 10k and 1M events
//! ROUNDTABLE_BENCH_MAX=100000 cargo bench --bench browse    # a quick run: 10k only
//! cargo bench --bench browse -- frame                       # only the frames
//! ```
//!
//! The 1M-event timeline (about 2.4 GB of RON) is generated in memory and loaded once per
//! process, before measuring starts (about 25 s; the setup times go to stderr); it then
//! takes about 4 GB of memory until the process ends. Results: `docs/performance.md`.
//!
//! - `frame::*`: `Terminal::draw` of [`ui::render`] into ratatui's `TestBackend` at 160×50
//!   (title, timeline pane, detail pane, footer), with the first, a middle or the last event
//!   selected, or with a search active; the goal is frame(1M) ≤ 1.2 × frame(10k).
//! - `query::*`: `Filter::resolve` + `Filter::apply` for the speaker in the most events
//!   (goal ≤ 50 ms at 1M), and `query::search` for a word that occurs (`ceasefire`), one
//!   that does not (`zanzibar`) and a Cyrillic one (`перемирие`) (goal ≤ 200 ms at 1M),
//!   beside one pass over the same text (`read_searched_text`) and over the whole file
//!   (`read_whole_file`), the least a scan of the records or of the text costs.
//! - `app::*`: the same through the keys a user presses (`s` + name + Enter, also with the
//!   middle of the speaker's events selected, `/` + word + Enter), and `n` (next match, goal ≤ 1 ms) and `]` (next round) from wherever the
//!   previous step left the selection.
//! - `statements::*`: the statements view (issue #10; goal at 1M ≤ 1.2 × at 10k): a frame
//!   with the first and a middle statement selected, `j` (next statement), `v` twice (to the
//!   statements view and back: counting its rows and making the first screenful), and the
//!   speaker filter through the keys while in it, with the first statement selected and with
//!   the middle one selected (the rows are made around it, from running counts: see
//!   `app/list.rs`); and a filter change of each kind through the filter menu, on and off (a
//!   flag, a relay, an outlet, a participant), and a round set from the command line with `v`
//!   twice (their lists and counts kept by the index: see `query/tally.rs`); and two parts
//!   at once (`speaker_and_disputed`: the key press, the rows around the selection found
//!   first at 1M, see `app/pending.rs`; `speaker_and_disputed_counted`: until the whole list
//!   is counted; `outlet_and_disputed`, `participant_and_disputed`, `participant_and_via`:
//!   the key press for pairs no index list keeps together); and the round picker with a jump (`r`, down, Enter: `jump_to_round`,
//!   nothing filtered; over the busiest speaker, the first time after the list was made:
//!   `open_rounds_speaker`, the `r`; `jump_to_round_speaker`, down and Enter once counted;
//!   `rounds_counted_speaker`, the counting itself, which at 1M is done on a thread).
//! - `strip::*`: the density strip (issue #12; goal at 1M ≤ 1.2 × at 10k): a frame with a
//!   middle event selected at the fitting zoom (months, all 60 on screen) and zoomed in to
//!   days (70 of 1,826 on screen, the window following the selection), the same with every
//!   1,000th event marked; and `count_days`, building the day counts once (what the first
//!   `z` to days costs; one binary search per bucket).

mod common;

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App};
use roundtable::ui;

/// The sizes to measure (`ROUNDTABLE_BENCH_MAX` caps them).
fn sizes() -> Vec<usize> {
    common::sizes(&[10_000, 1_000_000])
}

/// A word in many events, one in none, and a Cyrillic one (folded character by character).
const OCCURS: &str = "ceasefire";
const ABSENT: &str = "zanzibar";
const CYRILLIC: &str = "перемирие";

fn main() {
    // Made before measuring starts, so that its progress does not interleave with the table.
    if common::setup_first() {
        for events in sizes() {
            let _ = common::fixture(events);
        }
    }
    divan::main();
}

/// Presses the keys that type `text`.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// `/`, the word, Enter.
fn search(app: &mut App, word: &str) {
    app.update(Action::OpenSearch);
    type_text(app, word);
    app.update(Action::Confirm);
}

mod frame {
    use super::{Action, App, Bencher, Terminal, TestBackend, common, sizes, ui};

    /// Draws `app` again and again into one 160×50 test terminal.
    pub(super) fn draw(bencher: Bencher<'_, '_>, app: &App) {
        let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("a test terminal");
        bencher.bench_local(|| {
            terminal
                .draw(|frame| ui::render(app, frame))
                .expect("drawing into memory")
                .area
        });
    }

    #[divan::bench(args = sizes())]
    fn first_event(bencher: Bencher<'_, '_>, events: usize) {
        let app = common::fixture(events).app();
        draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn middle_event(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        while app.selected() < app.shown().len() / 2 {
            app.update(Action::NextRound);
        }
        draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn last_event(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        app.update(Action::LastEvent);
        draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn searching(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        super::search(&mut app, super::OCCURS);
        app.update(Action::FocusDetail);
        draw(bencher, &app);
    }
}

mod query {
    use divan::counter::BytesCount;
    use roundtable::model::{Event, Timeline};
    use roundtable::query::{Filter, FilterArgs, search as find};

    use super::{Bencher, common, sizes};

    #[divan::bench(args = sizes(), max_time = 4)]
    fn speaker_filter(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let t = f.timeline();
        let args = FilterArgs {
            speakers: vec![f.busiest_speaker().to_string()],
            ..FilterArgs::default()
        };
        bencher.bench(|| {
            let filter = Filter::resolve(t, f.index(), &args).expect("the speaker resolves");
            filter.apply(t, f.index(), None)
        });
    }

    /// The text a search reads: every event's title, summary, quotes and claims.
    fn searched<'t>(t: &'t Timeline<'_>) -> impl Iterator<Item = &'t str> {
        t.events.iter().flat_map(texts)
    }

    fn texts<'t>(e: &'t Event<'_>) -> impl Iterator<Item = &'t str> {
        std::iter::once(e.title.as_ref())
            .chain(e.summary.as_deref())
            .chain(e.quotes.iter().map(|q| q.text.as_ref()))
            .chain(e.claims.iter().map(|c| c.text.as_ref()))
    }

    fn search(bencher: Bencher<'_, '_>, events: usize, word: &str) {
        let f = common::fixture(events);
        let t = f.timeline();
        let bytes = searched(t).map(str::len).sum::<usize>();
        bencher
            .counter(BytesCount::new(bytes))
            .bench(|| find(t, f.index(), Some(f.text()), word));
    }

    /// The reference for searches: one pass over the same text on one core, OR-ing its bytes
    /// together, which any scan of it costs at least (mostly bringing it from memory). Events are read
    /// in timeline order, as a search reads them.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn read_searched_text(bencher: Bencher<'_, '_>, events: usize) {
        let t = common::fixture(events).timeline();
        let bytes = searched(t).map(str::len).sum::<usize>();
        bencher
            .counter(BytesCount::new(bytes))
            .bench(|| read_all(searched(t)));
    }

    /// The same pass with events read in the order the file lists them, so that their text is
    /// read from memory in ascending addresses (the generator shuffles events in the file).
    #[divan::bench(args = sizes(), max_time = 4)]
    fn read_searched_text_in_file_order(bencher: Bencher<'_, '_>, events: usize) {
        let t = common::fixture(events).timeline();
        let bytes = searched(t).map(str::len).sum::<usize>();
        let mut order: Vec<&Event<'_>> = t.events.iter().collect();
        order.sort_by_key(|e| e.at);
        bencher
            .counter(BytesCount::new(bytes))
            .bench(|| read_all(order.iter().flat_map(|e| texts(e))));
    }

    /// The same pass over the whole file's text, which lies in one block of memory: what a
    /// scan costs when nothing has to be looked up on the way.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn read_whole_file(bencher: Bencher<'_, '_>, events: usize) {
        let text = common::fixture(events).text();
        bencher
            .counter(BytesCount::new(text.len()))
            .bench(|| read_all(std::iter::once(text)));
    }

    /// Reads every byte, in a loop that compiles to vector instructions.
    fn read_all<'t>(texts: impl Iterator<Item = &'t str>) -> u8 {
        texts.fold(0, |acc, s| s.bytes().fold(acc, |a, b| a | b))
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn search_occurs(bencher: Bencher<'_, '_>, events: usize) {
        search(bencher, events, super::OCCURS);
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn search_absent(bencher: Bencher<'_, '_>, events: usize) {
        search(bencher, events, super::ABSENT);
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn search_cyrillic(bencher: Bencher<'_, '_>, events: usize) {
        search(bencher, events, super::CYRILLIC);
    }
}

mod app {
    use super::{Action, Bencher, common, sizes};

    #[divan::bench(args = sizes(), max_time = 4)]
    fn pick_speaker(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let name = f.busiest_speaker();
        let mut app = f.app();
        bencher.bench_local(|| {
            app.update(Action::OpenSpeakers);
            super::type_text(&mut app, name);
            app.update(Action::Confirm);
            app.shown().len()
        });
    }

    /// The same with the middle of the speaker's events selected: the filter keeps it
    /// selected, wherever it stands.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn pick_speaker_halfway(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let name = f.busiest_speaker();
        let mut app = f.app();
        app.update(Action::OpenSpeakers);
        super::type_text(&mut app, name);
        app.update(Action::Confirm);
        while app.selected() < app.len() / 2 {
            app.update(Action::NextRound);
        }
        bencher.bench_local(|| {
            app.update(Action::OpenSpeakers);
            super::type_text(&mut app, name);
            app.update(Action::Confirm);
            app.shown().len()
        });
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn search(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        bencher.bench_local(|| {
            super::search(&mut app, super::OCCURS);
            app.selected()
        });
    }

    #[divan::bench(args = sizes())]
    fn next_match(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        super::search(&mut app, super::OCCURS);
        assert!(app.search().is_some_and(|s| s.hits.len() > 1));
        bencher.bench_local(|| {
            app.update(Action::NextMatch);
            app.selected()
        });
    }

    #[divan::bench(args = sizes())]
    fn next_round(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        bencher.bench_local(|| {
            app.update(Action::NextRound);
            // Past the last round, start again from the top.
            if app.message().is_some() {
                app.update(Action::FirstEvent);
            }
            app.selected()
        });
    }
}

mod statements {
    use super::{Action, App, Bencher, common, sizes};

    /// The app in the statements view.
    fn in_statements(app: &mut App) {
        app.update(Action::ToggleView);
        assert_ne!(app.statements().len(), 0);
    }

    use super::frame::draw;

    #[divan::bench(args = sizes())]
    fn frame_first(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn frame_middle(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        while app.selected() < app.statements().len() / 2 {
            app.update(Action::NextRound);
        }
        draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn next_statement(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        bencher.bench_local(|| {
            app.update(Action::NextEvent);
            if app.selected() + 1 == app.statements().len() {
                app.update(Action::FirstEvent);
            }
            app.selected()
        });
    }

    /// `r`, down one round, Enter: jumps to the next round by number in the picker, and says
    /// how many statements it has (at the last round, back to the first).
    fn jump_round(app: &mut App) -> usize {
        app.update(Action::OpenRounds);
        app.update(Action::PickerDown);
        app.update(Action::Confirm);
        if app.message().is_some_and(|m| m.starts_with("no ")) {
            app.update(Action::FirstEvent);
        }
        app.selected()
    }

    /// The round picker and a jump, nothing filtered: the rounds' counts are the index's.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn jump_to_round(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        bencher.bench_local(|| jump_round(&mut app));
    }

    /// The busiest speaker's list made afresh (`v` twice), anything still counted on a thread
    /// joined first and the picker closed: what precedes each sample below, unmeasured.
    fn afresh(app: &mut App) {
        app.settle_now();
        // Esc with nothing open would clear the filter.
        if app.mode() == roundtable::app::Mode::Rounds {
            app.update(Action::Back);
        }
        assert!(!app.filter().speakers.is_empty());
        app.update(Action::ToggleView);
        app.update(Action::ToggleView);
    }

    /// `r` over the busiest speaker, the first time after the list was made: the rounds'
    /// counts need a pass over the speaker's events, which at 1M is left to a thread started
    /// once the picker is drawn (`app/pending.rs`).
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn open_rounds_speaker(bencher: Bencher<'_, '_>, events: usize) {
        let app = std::cell::RefCell::new(busiest_picked(events));
        bencher
            .with_inputs(|| afresh(&mut app.borrow_mut()))
            .bench_local_values(|()| app.borrow_mut().update(Action::OpenRounds));
    }

    /// Then down one round and Enter, the counts in (at 1M, the thread done before the
    /// sample).
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn jump_to_round_speaker(bencher: Bencher<'_, '_>, events: usize) {
        let app = std::cell::RefCell::new(busiest_picked(events));
        bencher
            .with_inputs(|| {
                let mut app = app.borrow_mut();
                afresh(&mut app);
                app.update(Action::OpenRounds);
                app.start_counting();
                app.settle_now();
            })
            .bench_local_values(|()| {
                let mut app = app.borrow_mut();
                app.update(Action::PickerDown);
                app.update(Action::Confirm);
                app.selected()
            });
    }

    /// The busiest speaker's rounds counted whole (`r`, its count waited for, Esc): what
    /// the thread does at 1M.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn rounds_counted_speaker(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = busiest_picked(events);
        bencher.bench_local(|| {
            app.update(Action::ToggleView);
            app.update(Action::ToggleView);
            app.update(Action::OpenRounds);
            app.settle_now();
            app.update(Action::Back);
        });
    }

    /// `v` twice, from the events view and back, giving the statements' row count.
    fn view_twice(app: &mut App) -> usize {
        app.update(Action::ToggleView);
        let rows = app.statements().len();
        app.update(Action::ToggleView);
        rows
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn switch_view_twice(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = common::fixture(events).app();
        bencher.bench_local(|| view_twice(&mut app));
    }

    #[divan::bench(args = sizes(), max_time = 4)]
    fn pick_speaker(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let name = f.busiest_speaker();
        let mut app = f.app();
        in_statements(&mut app);
        bencher.bench_local(|| {
            app.update(Action::OpenSpeakers);
            super::type_text(&mut app, name);
            app.update(Action::Confirm);
            app.statements().len()
        });
    }

    /// Opens the filter menu, types `label`, presses Enter: the first choice whose label
    /// holds it is turned on, or off when it is on. Returns the statements view's row count.
    fn toggle(app: &mut App, label: &str) -> usize {
        app.update(Action::OpenFilters);
        super::type_text(app, label);
        app.update(Action::Confirm);
        app.statements().len()
    }

    /// The statements view, and a filter menu choice turned on and off once, checked to
    /// keep some statements and not all: ready to measure the same on and off.
    fn on_and_off(events: usize, label: &str) -> App {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        let all = app.statements().len();
        let some = toggle(&mut app, label);
        assert!(0 < some && some < all, "{label}: {some} of {all}");
        assert_eq!(toggle(&mut app, label), all);
        app
    }

    /// A flag filter through the filter menu (`--disputed`: claims that dispute or are
    /// disputed), turned on and off again: on borrows the index's list of the events having
    /// a disputed claim and counts the rows from its running counts; off costs what `v` does.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn disputed_on_and_off(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = on_and_off(events, "disputed");
        bencher.bench_local(|| toggle(&mut app, "disputed") + toggle(&mut app, "disputed"));
    }

    /// The same for a relay picked whole (`TASS`: its own statements, not those relayed by "a
    /// source from TASS", which is a relay of its own).
    #[divan::bench(args = sizes(), max_time = 4)]
    fn via_on_and_off(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = on_and_off(events, "via: tass");
        bencher.bench_local(|| toggle(&mut app, "via: tass") + toggle(&mut app, "via: tass"));
    }

    /// The same for an outlet (`--source`: every source of Reuters, a hundredth of the
    /// sources at 1M: the same outlet at each size, so that the same label is typed).
    #[divan::bench(args = sizes(), max_time = 4)]
    fn source_on_and_off(bencher: Bencher<'_, '_>, events: usize) {
        let label = "source: reuters";
        let mut app = on_and_off(events, label);
        toggle(&mut app, label);
        let sources = app.filter().sources.as_ref().map_or(0, Vec::len);
        assert!(sources > events / 10_000, "{label}: {sources} sources");
        toggle(&mut app, label);
        bencher.bench_local(|| toggle(&mut app, label) + toggle(&mut app, label));
    }

    /// The same for a participant (`--participant`: the one taking part in the most events
    /// at 10k, the same at each size; every statement of them shown).
    #[divan::bench(args = sizes(), max_time = 4)]
    fn participant_on_and_off(bencher: Bencher<'_, '_>, events: usize) {
        let small = common::fixture(10_000).index();
        let p = (0..small.involved.len())
            .max_by_key(|&p| small.involved[p].len())
            .expect("participants");
        let name = &common::fixture(10_000).timeline().participants[p].name;
        let label = format!("participant: {name}");
        let mut app = on_and_off(events, &label);
        toggle(&mut app, &label);
        let t = common::fixture(events).timeline();
        assert_eq!(
            app.filter()
                .participant
                .map(|p| &t.participants[p as usize].name),
            Some(name),
            "{label}"
        );
        toggle(&mut app, &label);
        bencher.bench_local(|| toggle(&mut app, &label) + toggle(&mut app, &label));
    }

    /// The filter menu label of the participant taking part in the most events at 10k (the
    /// same participant at each size).
    fn busiest_participant_label() -> String {
        let small = common::fixture(10_000).index();
        let p = (0..small.involved.len())
            .max_by_key(|&p| small.involved[p].len())
            .expect("participants");
        let name = &common::fixture(10_000).timeline().participants[p].name;
        format!("participant: {name}")
    }

    /// `second` turned on from the filter menu over `first` (both menu labels), the key
    /// press only: each sample one change, turned off again outside the measure, anything
    /// still counted on a thread joined first. Checked to keep fewer rows than `first`
    /// alone, and some.
    fn second_part_on(bencher: Bencher<'_, '_>, events: usize, first: &str, second: &str) {
        let mut app = common::fixture(events).app();
        in_statements(&mut app);
        let one = toggle(&mut app, first);
        let both = toggle(&mut app, second);
        app.settle_now();
        let both = both.max(app.statements().len());
        assert!(
            0 < both && both < one,
            "{first} then {second}: {both} of {one}"
        );
        toggle(&mut app, second);
        let (app, on) = (std::cell::RefCell::new(app), std::cell::Cell::new(false));
        bencher
            .with_inputs(|| {
                let mut app = app.borrow_mut();
                app.settle_now();
                if on.replace(false) {
                    toggle(&mut app, second);
                }
            })
            .bench_local_values(|()| {
                on.set(true);
                toggle(&mut app.borrow_mut(), second)
            });
    }

    /// Two parts that no index list keeps together: `disputed` over an outlet (Reuters).
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn outlet_and_disputed(bencher: Bencher<'_, '_>, events: usize) {
        second_part_on(bencher, events, "source: reuters", "disputed");
    }

    /// `disputed` over the busiest participant (`--participant`).
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn participant_and_disputed(bencher: Bencher<'_, '_>, events: usize) {
        second_part_on(bencher, events, &busiest_participant_label(), "disputed");
    }

    /// A relay (`via: tass`) over the busiest participant.
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn participant_and_via(bencher: Bencher<'_, '_>, events: usize) {
        second_part_on(bencher, events, &busiest_participant_label(), "via: tass");
    }

    /// The statements view with the busiest speaker picked through the keys (`s`, the name,
    /// Enter).
    fn busiest_picked(events: usize) -> App {
        let f = common::fixture(events);
        let mut app = f.app();
        in_statements(&mut app);
        app.update(Action::OpenSpeakers);
        super::type_text(&mut app, f.busiest_speaker());
        app.update(Action::Confirm);
        app
    }

    /// The statements view with the busiest speaker picked (`s`), checked to keep some
    /// statements with `disputed` turned on and fewer than without.
    fn speaker_picked(events: usize) -> App {
        let mut app = busiest_picked(events);
        let speaker = app.statements().len();
        toggle(&mut app, "disputed");
        app.settle_now();
        let both = app.statements().len();
        assert!(0 < both && both < speaker, "{both} of {speaker}");
        assert_eq!(toggle(&mut app, "disputed"), speaker);
        app
    }

    /// Two parts together: `disputed` turned on from the filter menu over the busiest
    /// speaker, what the key press costs until the next frame can be drawn (each sample one
    /// change, turned off again outside the measure). Where the two lists would walk more than
    /// 16,384 events (at 1M), the rows around the selection are found first and the whole
    /// list is worked out on a thread (`app/pending.rs`).
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn speaker_and_disputed(bencher: Bencher<'_, '_>, events: usize) {
        let app = std::cell::RefCell::new(speaker_picked(events));
        bencher
            .with_inputs(|| {
                let mut app = app.borrow_mut();
                app.settle_now();
                if app.filter().disputed {
                    toggle(&mut app, "disputed");
                }
            })
            .bench_local_values(|()| toggle(&mut app.borrow_mut(), "disputed"));
    }

    /// The same change waited for until the whole list is counted, then turned off: what
    /// the filter costs in all, on the thread or not.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn speaker_and_disputed_counted(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = speaker_picked(events);
        bencher.bench_local(|| {
            toggle(&mut app, "disputed");
            app.settle_now();
            toggle(&mut app, "disputed")
        });
    }

    /// A round filter (`--round`, the middle round; the browser takes it from the command
    /// line): `v` twice with it, to the statements view and back, which counts the view's
    /// rows and makes the first screenful as a filter change does.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn round_switch_view_twice(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let t = f.timeline();
        let filter = roundtable::query::Filter {
            round: Some(t.rounds.len() as u32 / 2),
            ..roundtable::query::Filter::default()
        };
        let mut app = App::new(std::sync::Arc::clone(&f.doc), &filter);
        app.update(Action::Resize {
            width: 160,
            height: 50,
        });
        let shown = app.shown().len();
        assert!(0 < shown && shown < t.events.len(), "{shown} events");
        bencher.bench_local(|| view_twice(&mut app));
    }

    /// `]` in the statements view under a round filter (the middle round), where the whole
    /// list is one round's group: from the first row it finds no later round. Each sample on
    /// a list made afresh (`v` twice, unmeasured), as the first `]` after a filter change. In
    /// the generated timelines rounds are broken up by events of no round, so this is where
    /// a group is longest.
    #[divan::bench(args = sizes(), max_time = 4, sample_size = 1)]
    fn next_round_in_one_round(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let t = f.timeline();
        let filter = roundtable::query::Filter {
            round: Some(t.rounds.len() as u32 / 2),
            ..roundtable::query::Filter::default()
        };
        let app = std::cell::RefCell::new(App::new(std::sync::Arc::clone(&f.doc), &filter));
        app.borrow_mut().update(Action::Resize {
            width: 160,
            height: 50,
        });
        in_statements(&mut app.borrow_mut());
        bencher
            .with_inputs(|| {
                let mut app = app.borrow_mut();
                view_twice(&mut app);
                app.update(Action::FirstEvent);
            })
            .bench_local_values(|()| {
                let mut app = app.borrow_mut();
                app.update(Action::NextRound);
                assert_eq!(app.message(), Some("no later round"));
            });
    }

    /// The same with the middle statement of the speaker's selected: the filter keeps it
    /// selected, and its rows are made around it, not from the top.
    #[divan::bench(args = sizes(), max_time = 4)]
    fn pick_speaker_halfway(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = busiest_picked(events);
        let name = common::fixture(events).busiest_speaker();
        while app.selected() < app.len() / 2 {
            app.update(Action::PageDown);
        }
        bencher.bench_local(|| {
            app.update(Action::OpenSpeakers);
            super::type_text(&mut app, name);
            app.update(Action::Confirm);
            app.statements().len()
        });
    }
}

mod strip {
    use std::collections::BTreeSet;

    use super::{Action, App, Bencher, common, sizes};
    use roundtable::query::density::{Density, Unit};

    /// The browser at 160×50 with the middle event selected (by rounds, as `frame`).
    fn middle(events: usize) -> App {
        let mut app = common::fixture(events).app();
        while app.selected() < app.shown().len() / 2 {
            app.update(Action::NextRound);
        }
        app
    }

    #[divan::bench(args = sizes())]
    fn frame_months(bencher: Bencher<'_, '_>, events: usize) {
        let app = middle(events);
        assert_eq!(app.density().map(|d| d.unit), Some(Unit::Month));
        super::frame::draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn frame_days(bencher: Bencher<'_, '_>, events: usize) {
        let mut app = middle(events);
        app.update(Action::ZoomIn);
        app.update(Action::ZoomIn);
        assert_eq!(app.density().map(|d| d.unit), Some(Unit::Day));
        super::frame::draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn frame_days_marked(bencher: Bencher<'_, '_>, events: usize) {
        let f = common::fixture(events);
        let ids: BTreeSet<String> = f
            .timeline()
            .events
            .iter()
            .step_by(1000)
            .map(|e| e.id.value.to_string())
            .collect();
        let mut app = middle(events).with_marks(ids, None);
        app.update(Action::ZoomIn);
        app.update(Action::ZoomIn);
        super::frame::draw(bencher, &app);
    }

    #[divan::bench(args = sizes())]
    fn count_days(bencher: Bencher<'_, '_>, events: usize) {
        let t = common::fixture(events).timeline();
        bencher.bench_local(|| {
            Density::build(t, Unit::Day, roundtable::model::Zone::Utc).map(|d| d.len())
        });
    }
}
