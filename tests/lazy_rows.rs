//! The browser makes its rows as it needs them, a screenful at a time, around the selection;
//! what it shows must be what a list made whole would show. On a generated timeline of 2,000
//! events, under random filters, in both views, with views opened deep and after every step of
//! random moves (`j`, `k`, paging both ways, `]`, `[`, `G`, `g`, `u`, `U`, the wheel both ways, a click,
//! the terminal resized): the row count, the selected row, every row on screen and its round
//! header, and where `]` and `[` go, against the rows listed whole by [`Filter::statements`]
//! (the `statements` command's list) and [`Filter::apply`]. A speaker picked from a random,
//! mostly deep, row keeps the selection exactly, also on 20,000 events, where the rows above it
//! are not made.

#[path = "../examples/gen/lib.rs"]
#[allow(dead_code)]
mod generator;

use std::sync::{Arc, LazyLock};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::window::Row;
use roundtable::app::{Action, App, Pane, View, layout};
use roundtable::query::document::Document;
use roundtable::query::filter::Kept;
use roundtable::query::statement::StatementRef;
use roundtable::query::tally::{Flag, RelayMatch, RelayPart};
use roundtable::query::{Filter, fold};

const EVENTS: usize = 2000;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 30;

static DOC: LazyLock<Arc<Document>> = LazyLock::new(|| generated(EVENTS));

/// A timeline where the filters' lists run past several running counts (every `query::index::STEP` events).
static DOC_20K: LazyLock<Arc<Document>> = LazyLock::new(|| generated(20_000));

/// A timeline of `events` events from the generator.
fn generated(events: usize) -> Arc<Document> {
    let mut out = Vec::new();
    let opts = generator::Options {
        events,
        seed: 7,
        format: generator::Format::Ron,
    };
    generator::generate(&mut out, &opts).expect("writing to memory cannot fail");
    let text = String::from_utf8(out).expect("the generator writes UTF-8");
    Arc::new(
        Document::load("gen.ron", text).unwrap_or_else(|_| panic!("the generator's file loads")),
    )
}

/// A small deterministic generator of choices (xorshift), so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn chance(&mut self, in_ten: usize) -> bool {
        self.below(10) < in_ten
    }
}

/// A random filter: each part set now and then, several at once as often as not.
fn random_filter(doc: &Document, dice: &mut Dice) -> Filter {
    let (t, index) = (doc.timeline(), doc.index());
    let speakers: Vec<u32> = (0..t.participants.len() as u32)
        .filter(|&p| !index.speaking[p as usize].events.is_empty())
        .collect();
    let mut f = Filter::default();
    if dice.chance(5) {
        f.speakers.push(speakers[dice.below(speakers.len())]);
        if dice.chance(3) {
            let other = speakers[dice.below(speakers.len())];
            if !f.speakers.contains(&other) {
                f.speakers.push(other);
            }
        }
    }
    if dice.chance(2) {
        f.round = Some(dice.below(t.rounds.len()) as u32);
    }
    if dice.chance(2) {
        f.participant = Some(dice.below(t.participants.len()) as u32);
    }
    if dice.chance(2) {
        f.sources = Some(vec![dice.below(t.sources.len()) as u32]);
    }
    if dice.chance(1) {
        let relays: Vec<&str> = roundtable::query::filter::relays(t).collect();
        let relay = fold::fold(relays[dice.below(relays.len())]);
        // A word of a relay, as typed after `--via`, or a relay whole, as picked from the menu.
        f.via = if dice.chance(5) {
            relay
                .split_whitespace()
                .next()
                .and_then(|w| RelayPart::new(w, RelayMatch::Contains))
        } else {
            RelayPart::new(&relay, RelayMatch::Exact)
        };
    }
    f.anonymous = dice.chance(1);
    f.disputed = dice.chance(1);
    f.corroborated = dice.chance(1);
    f.single_origin = dice.chance(1) && !f.corroborated;
    f
}

/// A filter of each single part that the index keeps a list for, with running counts of its
/// statements (every flag, each relay, three outlets, a round, a participant, a speaker, and
/// that speaker with each flag), and
/// one source of an outlet with several (a list of its own): the borrowed lists, checked.
fn single_parts(doc: &Document) -> Vec<Filter> {
    let (t, index) = (doc.timeline(), doc.index());
    let mut out = vec![
        Filter {
            anonymous: true,
            ..Filter::default()
        },
        Filter {
            disputed: true,
            ..Filter::default()
        },
        Filter {
            corroborated: true,
            ..Filter::default()
        },
        Filter {
            single_origin: true,
            ..Filter::default()
        },
        Filter {
            round: Some(t.rounds.len() as u32 / 2),
            ..Filter::default()
        },
    ];
    out.extend(index.relays(t).iter().map(|v| Filter {
        via: RelayPart::new(&v.text, RelayMatch::Exact),
        ..Filter::default()
    }));
    let made = index.outlets(t);
    let mut outlets: Vec<usize> = (0..made.sources.len()).collect();
    outlets.sort_by_key(|&o| std::cmp::Reverse(made.citing[o].len()));
    out.extend(outlets.iter().take(3).map(|&o| Filter {
        sources: Some(made.sources[o].clone()),
        ..Filter::default()
    }));
    let busiest = |lists: &dyn Fn(usize) -> usize| {
        (0..t.participants.len())
            .max_by_key(|&p| lists(p))
            .expect("participants") as u32
    };
    out.push(Filter {
        participant: Some(busiest(&|p| index.involved[p].len())),
        ..Filter::default()
    });
    let speaker = busiest(&|p| index.speaking[p].events.len());
    out.push(Filter {
        speakers: vec![speaker],
        ..Filter::default()
    });
    // The busiest speaker with each flag: the index's list of their statements with it.
    for flag in Flag::ALL {
        out.push(Filter {
            speakers: vec![speaker],
            anonymous: flag == Flag::Anonymous,
            disputed: flag == Flag::Disputed,
            corroborated: flag == Flag::Corroborated,
            single_origin: flag == Flag::SingleOrigin,
            ..Filter::default()
        });
    }
    // The busiest outlet with each flag: the index's list of their statements, which holds
    // the rows themselves.
    for flag in Flag::ALL {
        out.push(Filter {
            sources: Some(made.sources[outlets[0]].clone()),
            anonymous: flag == Flag::Anonymous,
            disputed: flag == Flag::Disputed,
            corroborated: flag == Flag::Corroborated,
            single_origin: flag == Flag::SingleOrigin,
            ..Filter::default()
        });
    }
    for f in &out {
        assert!(
            !matches!(f.kept(t, index, None), Kept::Made(_)),
            "{f:?} borrows the index's list"
        );
    }
    let several = outlets
        .iter()
        .find(|&&o| made.sources[o].len() > 1)
        .expect("an outlet with several sources");
    out.push(Filter {
        sources: Some(vec![made.sources[*several][0]]),
        ..Filter::default()
    });
    out
}

/// What the main pane lists, made whole: statements, or events as statements of no kind.
struct Whole {
    /// Per row: its event's timeline position, and its statement in the statements view.
    rows: Vec<(u32, Option<StatementRef>)>,
    /// Per row: its event's round.
    rounds: Vec<Option<u32>>,
    /// Rows where a round header opens a group.
    starts: Vec<usize>,
}

/// The row of `w` a filter change keeps selected when `was` (an event and, in the
/// statements view, a statement) was: its own row, or the first after it.
fn kept_row(w: &Whole, was: (u32, Option<StatementRef>)) -> usize {
    match was.1 {
        Some(at) => w
            .rows
            .partition_point(|r| r.1.expect("a statement").order() < at.order()),
        None => w.rows.partition_point(|r| r.0 < was.0),
    }
}

fn whole(doc: &Document, filter: &Filter, view: View) -> Whole {
    let (t, index) = (doc.timeline(), doc.index());
    let rows: Vec<(u32, Option<StatementRef>)> = match view {
        View::Events => filter
            .apply(t, index, None)
            .into_iter()
            .map(|p| (p, None))
            .collect(),
        View::Statements => filter
            .statements(t, index, None)
            .into_iter()
            .map(|s| (s.event, Some(s)))
            .collect(),
    };
    let rounds: Vec<Option<u32>> = rows
        .iter()
        .map(|&(p, _)| t.events[p as usize].round.as_ref().map(|r| r.target))
        .collect();
    let starts = (0..rows.len())
        .filter(|&i| i == 0 || rounds[i] != rounds[i - 1])
        .collect();
    Whole {
        rows,
        rounds,
        starts,
    }
}

/// Rows in the timeline pane at the test's size.
fn list_height(app: &App) -> usize {
    let s = layout::screen(app.size()).expect("a screen at the test's size");
    usize::from(layout::strip(s.pane(Pane::Timeline).inner).1.height)
}

/// Checks what the browser shows against the list made whole, and draws it.
fn check(app: &App, w: &Whole, what: &str) {
    assert_eq!(app.len(), w.rows.len(), "{what}: the row count");
    if w.rows.is_empty() {
        return;
    }
    let sel = app.selected();
    let (pos, at) = w.rows[sel];
    assert_eq!(app.selected_pos(), Some(pos), "{what}: the selected event");
    assert_eq!(app.statement_at(sel), at, "{what}: the selected statement");
    let h = list_height(app);
    let top = app.view_top(h);
    let on_screen = app.rows(top, h);
    assert!(
        on_screen.contains(&Row::Event(sel)),
        "{what}: the selection is on screen"
    );
    for pair in on_screen.windows(2) {
        match pair {
            [_, Row::Event(i)] => {
                assert_eq!(app.pos_at(*i), w.rows[*i].0, "{what}: row {i}");
                assert_eq!(app.statement_at(*i), w.rows[*i].1, "{what}: row {i}");
            }
            [Row::Event(i), Row::Header(r)] => {
                assert_eq!(*r, w.rounds[i + 1], "{what}: the header after row {i}");
                assert!(w.starts.contains(&(i + 1)), "{what}: a header at {}", i + 1);
            }
            _ => {}
        }
    }
    for (k, row) in on_screen.iter().enumerate() {
        if let Row::Event(i) = row
            && k > 0
            && *i > top
        {
            let header = matches!(on_screen[k - 1], Row::Header(_));
            assert_eq!(
                header,
                w.starts.contains(i),
                "{what}: header before row {i}"
            );
        }
    }
    let size = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(size.width, size.height)).expect("a test terminal");
    terminal
        .draw(|f| roundtable::ui::render(app, f))
        .expect("drawing into memory");
}

/// Whether the selection is far down (more than 600 shown events) in the statements view;
/// if so, checks that the rows from the top to it were not made (the segment starts near it).
fn unmade_from_the_top(app: &App, what: &str) -> bool {
    let Some(pos) = app.selected_pos() else {
        return false;
    };
    let far = app.view() == View::Statements && app.shown().partition_point(|&s| s < pos) > 600;
    if far {
        assert_eq!(app.statement_at(0), None, "{what}: the first row is made");
    }
    far
}

/// A random move, and where `]` and `[` must land. Upward moves (`k`, paging up, `[`, `g`,
/// the wheel up) come as often as downward ones, so that they pass the first row made.
fn random_move(app: &mut App, w: &Whole, dice: &mut Dice, what: &str) {
    let before = app.selected();
    let action = match dice.below(18) {
        16 => Action::NextMark,
        17 => Action::PrevMark,
        11 => Action::Resize {
            width: WIDTH,
            height: 12 + dice.below(40) as u16,
        },
        0 | 1 => Action::NextEvent,
        2 | 12 => Action::PrevEvent,
        3 => Action::PageDown,
        4 => Action::HalfPageUp,
        13 => Action::PageUp,
        5 => Action::NextRound,
        6 | 14 => Action::PrevRound,
        7 if dice.chance(2) => Action::LastEvent,
        7 => Action::FirstEvent,
        8 => Action::Wheel {
            column: 5,
            row: 10,
            down: true,
        },
        15 => Action::Wheel {
            column: 5,
            row: 10,
            down: false,
        },
        9 => Action::Click { column: 5, row: 12 },
        _ => Action::HalfPageDown,
    };
    app.update(action);
    let expected = match action {
        Action::NextRound => w.starts.iter().copied().find(|&s| s > before),
        Action::PrevRound => {
            let k = w.starts.partition_point(|&s| s <= before);
            k.checked_sub(2).map(|k| w.starts[k])
        }
        _ => return,
    };
    assert_eq!(
        app.selected(),
        expected.unwrap_or(before),
        "{what}: {action:?} from row {before}"
    );
}

/// Jumps to four random rounds through the round picker (`r`, down to the round, Enter) and
/// checks where the selection lands and what the footer says against the list made whole; the
/// picker's rows are checked by `the_round_picker_counts_every_row_…`.
fn jump_to_rounds(app: &mut App, doc: &Document, w: &Whole, dice: &mut Dice, what: &str) {
    let (timeline, view) = (doc.timeline(), app.view());
    let mut by_number: Vec<u32> = (0..timeline.rounds.len() as u32).collect();
    by_number.sort_by_key(|&r| timeline.rounds[r as usize].number.value);
    for _ in 0..4 {
        let place = dice.below(by_number.len());
        let round = by_number[place];
        app.update(Action::OpenRounds);
        for _ in 0..by_number.len() {
            app.update(Action::PickerUp);
        }
        for _ in 0..place {
            app.update(Action::PickerDown);
        }
        let before = app.selected();
        app.update(Action::Confirm);
        let label = roundtable::app::round_label(&timeline.rounds[round as usize]);
        let rows = w.rounds.iter().filter(|&&x| x == Some(round)).count();
        let unit = match (view, rows) {
            (View::Events, 1) => "event",
            (View::Events, _) => "events",
            (View::Statements, 1) => "statement",
            (View::Statements, _) => "statements",
        };
        let (selected, said) = match w.rounds.iter().position(|&x| x == Some(round)) {
            Some(first) => (first, format!("{label}: {rows} {unit}")),
            // The singular, as the footer words it.
            None => (
                before,
                format!("no shown {} is in {label}", &unit[..unit.len() - 1]),
            ),
        };
        assert_eq!(app.selected(), selected, "{what}: jumping to {label}");
        assert_eq!(app.message(), Some(said.as_str()), "{what}");
        check(app, w, &format!("{what}, jumped to {label}"));
    }
}

#[test]
fn rows_made_as_needed_are_the_rows_made_whole_under_random_filters_and_moves() {
    let doc = &*DOC;
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut filters = vec![Filter::default()];
    filters.extend(single_parts(doc));
    filters.extend((0..60).map(|_| random_filter(doc, &mut dice)));
    let mut nonempty = 0;
    let mut deep = 0;
    // Every 97th event marked, for `u` and `U` to jump far.
    let marked: std::collections::BTreeSet<String> = doc
        .timeline()
        .events
        .iter()
        .step_by(97)
        .map(|e| e.id.value.to_string())
        .collect();
    for (n, filter) in filters.iter().enumerate() {
        let mut app = App::new(Arc::clone(doc), filter).with_marks(marked.clone(), None);
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        for view in [View::Events, View::Statements] {
            if app.view() != view {
                app.update(Action::ToggleView);
            }
            let w = whole(doc, filter, view);
            nonempty += usize::from(w.rows.len() > 30);
            let what = format!(
                "filter {n} ({}), {view:?}",
                filter.describe(doc.timeline(), doc.index()).join(", ")
            );
            check(&app, &w, &what);
            deep += usize::from(unmade_from_the_top(&app, &what));
            // Somewhere deep: from the end, a random number of pages up.
            if dice.chance(5) {
                app.update(Action::LastEvent);
                for _ in 0..dice.below(w.rows.len() / 10 + 1) {
                    app.update(Action::PageUp);
                }
                check(&app, &w, &format!("{what}, deep"));
            }
            for step in 0..40 {
                random_move(&mut app, &w, &mut dice, &what);
                check(&app, &w, &format!("{what}, step {step}"));
            }
            app.update(Action::LastEvent);
            check(&app, &w, &format!("{what}, at the end"));
            // Dice of their own, and back to the end: the moves after are as they were.
            jump_to_rounds(&mut app, doc, &w, &mut Dice(dice.0 ^ 0x5bd1_e995), &what);
            app.update(Action::LastEvent);
            // Every row as listed whole.
            app.make_every_row();
            for (i, &(pos, at)) in w.rows.iter().enumerate() {
                assert_eq!(app.pos_at(i), pos, "{what}: row {i}");
                assert_eq!(app.statement_at(i), at, "{what}: row {i}");
            }
            if view == View::Statements {
                assert!(app.statements().eq(w.rows.iter().filter_map(|r| r.1)));
            }
            // The next view opens on a random row: `v` keeps it, wherever it is.
            for _ in 0..dice.below(w.rows.len() / 10 + 1) {
                app.update(Action::PageUp);
            }
        }
    }
    assert!(
        nonempty > 20,
        "enough filters keep enough to move in: {nonempty}"
    );
    assert!(deep >= 3, "views opened deep in the statements: {deep}");
}

#[test]
fn a_filter_change_counts_exactly_and_makes_only_the_rows_it_shows() {
    let doc = &*DOC;
    let t = doc.timeline();
    let mut app = App::new(Arc::clone(doc), &Filter::default());
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app.update(Action::ToggleView);
    let all = whole(doc, &Filter::default(), View::Statements);
    assert_eq!(
        app.message(),
        Some(format!("Statements view: {} statements", all.rows.len()).as_str())
    );
    // Rows far below the screen are not made until something needs them.
    let last = app.len() - 1;
    assert_eq!(app.statement_at(last), None);
    // Halfway down, a speaker picked through the keys: the count is exact, and the
    // selection is on the statement kept, or the next one the speaker makes.
    while app.selected() < last / 2 {
        app.update(Action::PageDown);
    }
    let was = app
        .statement_at(app.selected())
        .expect("a statement selected");
    let index = doc.index();
    let busiest = (0..t.participants.len())
        .max_by_key(|&p| index.speaking[p].events.len())
        .expect("participants");
    let name = t.participants[busiest].name.to_string();
    app.update(Action::OpenSpeakers);
    for c in name.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Confirm);
    let filter = Filter {
        speakers: vec![busiest as u32],
        ..Filter::default()
    };
    let kept = whole(doc, &filter, View::Statements);
    assert_eq!(app.len(), kept.rows.len());
    assert_eq!(
        app.message(),
        Some(format!("{} statements by {name}", kept.rows.len()).as_str())
    );
    let expected = kept
        .rows
        .partition_point(|r| r.1.expect("a statement").order() < was.order())
        .min(kept.rows.len() - 1);
    assert_eq!(app.selected(), expected);
    check(&app, &kept, "after the speaker filter");
    assert_eq!(app.statement_at(kept.rows.len() - 1), None);
    // `G` makes the last screenful, from a segment started near the end.
    app.update(Action::LastEvent);
    check(&app, &kept, "at the end");
}

/// Only the participant quoted in the most events.
fn busiest_speaker(doc: &Document) -> Filter {
    let busiest = (0..doc.timeline().participants.len())
        .max_by_key(|&p| doc.index().speaking[p].events.len())
        .expect("participants");
    Filter {
        speakers: vec![busiest as u32],
        ..Filter::default()
    }
}

/// `app` at the test's size, in `view`.
fn sized(mut app: App, view: View) -> App {
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    if view == View::Statements {
        app.update(Action::ToggleView);
    }
    app
}

#[test]
fn the_round_picker_counts_every_row_even_over_a_file_reloaded_under_it() {
    let doc = &*DOC;
    // Nothing filtered (the index's counts), then the busiest speaker (a pass over the shown
    // events), in both views.
    let mut checked = 0;
    for filter in [Filter::default(), busiest_speaker(doc)] {
        for view in [View::Events, View::Statements] {
            let mut app = sized(App::new(Arc::clone(doc), &filter), view);
            app.update(Action::OpenRounds);
            // The same file saved again: its rows start afresh under the open picker.
            let again = Document::load("gen.ron", doc.text().to_string())
                .unwrap_or_else(|_| panic!("the generator's file loads"));
            let _old = app.replace_document(Arc::new(again));
            checked += picker_counts_rows(&app, doc, &whole(doc, &filter, view), view);
        }
    }
    assert!(checked >= 40, "rounds on screen: {checked}");
}

#[test]
fn the_round_picker_counted_on_a_thread_says_so_then_shows_the_counts() {
    let doc = &*DOC;
    let filter = busiest_speaker(doc);
    for view in [View::Events, View::Statements] {
        // Every count past no event goes to the thread.
        let mut app = sized(App::new(Arc::clone(doc), &filter).working_out_past(0), view);
        app.update(Action::OpenRounds);
        assert!(app.working(), "{view:?}: counted on a thread");
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
        let frame = terminal
            .draw(|f| roundtable::ui::render(&app, f))
            .expect("drawing into memory");
        let screen: String = frame
            .buffer
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert!(screen.contains("counting… of "), "{view:?}: {screen}");
        app.start_counting();
        app.settle_now();
        assert!(!app.working());
        let w = whole(doc, &filter, view);
        assert!(picker_counts_rows(&app, doc, &w, view) >= 10, "{view:?}");
        // Enter jumps with the count said, as without a thread.
        app.update(Action::Confirm);
        assert!(
            app.message().is_some_and(|m| m.starts_with("Round ")),
            "{view:?}"
        );
    }
}

/// Checks the round picker's rows on screen against the list made whole, in `view`: how many
/// rows of each round are shown, of how many the round has. Returns how many were checked.
fn picker_counts_rows(app: &App, doc: &Document, w: &Whole, view: View) -> usize {
    let t = doc.timeline();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    let frame = terminal
        .draw(|f| roundtable::ui::render(app, f))
        .expect("drawing into memory");
    let lines: Vec<String> = (0..frame.area.height)
        .map(|y| {
            (0..frame.area.width)
                .map(|x| frame.buffer[(x, y)].symbol())
                .collect()
        })
        .collect();
    let unit = match view {
        View::Events => "events",
        View::Statements => "statements",
    };
    // Of how many: the rows of the round with nothing filtered, listed whole.
    let all = whole(doc, &Filter::default(), view);
    let mut checked = 0;
    for (r, round) in t.rounds.iter().enumerate() {
        let of_round = |w: &Whole| w.rounds.iter().filter(|&&x| x == Some(r as u32)).count();
        let (n, total) = (of_round(w), of_round(&all));
        let count = if n == total {
            format!("{total} {unit}")
        } else {
            format!("{n} of {total} {unit} shown")
        };
        let label = format!("Round {} · ", round.number.value);
        // The picker's row, from the round's label to the picker's border (other panes may
        // name the round too, without a count).
        let row = lines.iter().find_map(|l| {
            let row = &l[l.find(&label)?..];
            let row = row.split('┃').next().unwrap_or(row).trim_end();
            (row.ends_with(" shown") || row.ends_with(unit)).then_some(row)
        });
        if let Some(row) = row {
            assert!(
                row.ends_with(&count),
                "{view:?}: {row:?} should end with {count:?}"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn a_frame_drawn_taller_than_the_last_resize_shows_the_rows_made_and_does_not_fail() {
    let doc = &*DOC;
    let mut app = App::new(Arc::clone(doc), &Filter::default());
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    app.update(Action::ToggleView);
    app.update(Action::PageDown);
    // The terminal grew; its resize is not handled yet when the next frame is drawn.
    let mut terminal = Terminal::new(TestBackend::new(160, 120)).expect("a test terminal");
    terminal
        .draw(|f| roundtable::ui::render(&app, f))
        .expect("drawing into memory");
    // Once it is, the new rows are made and drawn.
    app.update(Action::Resize {
        width: 160,
        height: 120,
    });
    let w = whole(doc, &Filter::default(), View::Statements);
    check(&app, &w, "after the terminal grew");
    let h = list_height(&app);
    let rows = app.rows(app.view_top(h), h);
    assert_eq!(rows.len(), h, "the taller pane is full");
}

/// Picks a speaker through the keys (`s`, the name, Enter).
fn pick_speaker(app: &mut App, name: &str) {
    app.update(Action::OpenSpeakers);
    for c in name.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Confirm);
}

#[test]
fn a_filter_change_keeps_the_selection_exactly_wherever_it_stands() {
    keeps_the_selection(&DOC, 40, 0);
    // Speakers in more than 600 events, so that their rows start far from the top.
    keeps_the_selection(&DOC_20K, 8, 2);
}

/// `cases` random filters, a random row, a speaker picked: the selection kept exactly, and in
/// at least `deep` cases far down with the rows above it not made.
fn keeps_the_selection(doc: &Arc<Document>, cases: usize, at_least: usize) {
    let t = doc.timeline();
    let index = doc.index();
    let speakers: Vec<u32> = (0..t.participants.len() as u32)
        .filter(|&p| !index.speaking[p as usize].events.is_empty())
        .collect();
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let mut deep = 0;
    for n in 0..cases {
        // Other parts from App::new, now and then a speaker or two already; then a speaker
        // picked through the keys from a random row, deep most often.
        let mut filter = random_filter(doc, &mut dice);
        if at_least > 0 || dice.chance(5) {
            filter = Filter {
                speakers: filter.speakers,
                ..Filter::default()
            };
        }
        let mut app = App::new(Arc::clone(doc), &filter);
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        if dice.chance(7) {
            app.update(Action::ToggleView);
        }
        let view = app.view();
        let what = format!(
            "case {n} ({}), {view:?}",
            filter.describe(t, doc.index()).join(", ")
        );
        let w = whole(doc, app.filter(), view);
        if w.rows.is_empty() {
            continue;
        }
        // From the end, up to halfway up a page at a time.
        app.update(Action::LastEvent);
        let page = list_height(&app).saturating_sub(2).max(1);
        for _ in 0..dice.below(w.rows.len() / page / 2 + 1) {
            app.update(Action::PageUp);
        }
        for _ in 0..dice.below(30) {
            app.update(Action::NextEvent);
        }
        check(&app, &w, &format!("{what}, before"));
        let was = w.rows[app.selected()];
        // The busiest speaker half the time, where at_least asks for deep selections.
        let who = if at_least > 0 && dice.chance(5) {
            *speakers
                .iter()
                .max_by_key(|&&p| index.speaking[p as usize].events.len())
                .expect("speakers")
        } else {
            speakers[dice.below(speakers.len())]
        };
        pick_speaker(&mut app, &t.participants[who as usize].name);
        let w = whole(doc, app.filter(), view);
        let what = format!("{what}, then speaker {:?}", app.filter().speakers);
        assert_eq!(app.len(), w.rows.len(), "{what}: the row count");
        if w.rows.is_empty() {
            continue;
        }
        let expected = kept_row(&w, was);
        assert_eq!(
            app.selected(),
            expected.min(w.rows.len() - 1),
            "{what}: the selection kept"
        );
        check(&app, &w, &format!("{what}, after"));
        deep += usize::from(unmade_from_the_top(&app, &what));
        // `v` twice keeps it too, and moves up and down from there show the list as made whole.
        app.update(Action::ToggleView);
        app.update(Action::ToggleView);
        let sel = app.selected();
        assert_eq!(
            w.rows[sel].0,
            w.rows[expected.min(w.rows.len() - 1)].0,
            "{what}: v twice"
        );
        for step in 0..30 {
            random_move(&mut app, &w, &mut dice, &what);
            check(&app, &w, &format!("{what}, step {step}"));
        }
    }
    assert!(
        deep >= at_least,
        "selections kept deep in the statements view: {deep}"
    );
}

/// Opens the filter menu, types `label`, presses Enter.
fn pick_choice(app: &mut App, label: &str) {
    app.update(Action::OpenFilters);
    for c in label.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Confirm);
}

#[test]
fn a_filter_from_the_menu_counts_exactly_and_keeps_the_selection_wherever_it_stands() {
    for (doc, deep_at_least) in [(&*DOC, 0), (&*DOC_20K, 3)] {
        menu_keeps_the_selection(doc, deep_at_least);
    }
}

/// Each kind of the filter menu's choices (every flag, a relay, the busiest outlet and
/// participant) turned on from a random row, mostly deep, in either view, then off: the
/// rows and the selection as the lists made whole give them, in at least `at_least` cases far
/// down with the rows above not made.
fn menu_keeps_the_selection(doc: &Arc<Document>, at_least: usize) {
    let (outlet, participant) = busiest_labels(doc);
    let labels = [
        "anonymous".to_string(),
        "disputed".to_string(),
        "corroborated".to_string(),
        "single-origin".to_string(),
        "via: tass".to_string(),
        outlet,
        participant,
    ];
    let mut dice = Dice(0x5851_f42d_4c95_7f2d);
    let mut deep = 0;
    for (n, label) in labels.iter().cycle().take(2 * labels.len()).enumerate() {
        let mut app = App::new(Arc::clone(doc), &Filter::default());
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        if n < labels.len() || dice.chance(3) {
            app.update(Action::ToggleView);
        }
        let view = app.view();
        let all = whole(doc, app.filter(), view);
        app.update(Action::LastEvent);
        let page = list_height(&app).saturating_sub(2).max(1);
        for _ in 0..dice.below(all.rows.len() / page / 2 + 1) {
            app.update(Action::PageUp);
        }
        let what = format!("{label}, {view:?}");
        check(&app, &all, &format!("{what}, before"));
        let was = all.rows[app.selected()];
        pick_choice(&mut app, label);
        assert_ne!(app.filter(), &Filter::default(), "{what}: a filter is on");
        let w = whole(doc, app.filter(), view);
        assert_eq!(app.len(), w.rows.len(), "{what}: the row count");
        assert!(!w.rows.is_empty(), "{what}: something is kept");
        let expected = kept_row(&w, was);
        assert_eq!(
            app.selected(),
            expected.min(w.rows.len() - 1),
            "{what}: the selection kept"
        );
        check(&app, &w, &format!("{what}, on"));
        deep += usize::from(unmade_from_the_top(&app, &what));
        for step in 0..20 {
            random_move(&mut app, &w, &mut dice, &what);
            check(&app, &w, &format!("{what}, step {step}"));
        }
        pick_choice(&mut app, label);
        assert_eq!(app.filter(), &Filter::default(), "{what}: off again");
        check(&app, &all, &format!("{what}, off"));
    }
    assert!(
        deep >= at_least,
        "selections kept deep in the statements view: {deep}"
    );
}

/// Whether the event at `pos` passes `f`, asked of the event itself, part by part: the
/// definition that [`Filter::apply`] and [`Join::around`] find by walking lists.
fn passes(doc: &Document, f: &Filter, pos: u32) -> bool {
    use roundtable::query::Kind;
    let (t, index) = (doc.timeline(), doc.index());
    let e = &t.events[pos as usize];
    let statement = |at: StatementRef| {
        let (who, via) = match at.kind() {
            Kind::Quote => {
                let q = &e.quotes[at.index()];
                (Some(q.speaker.target), q.via.as_deref())
            }
            Kind::Claim => {
                let c = &e.claims[at.index()];
                (c.by.map(|b| b.target), c.via.as_deref())
            }
        };
        (f.speakers.is_empty() || who.is_some_and(|w| f.speakers.contains(&w)))
            && f.via
                .as_ref()
                .is_none_or(|part| via.is_some_and(|v| part.matches(v)))
            && Flag::ALL.into_iter().all(|flag| {
                let on = match flag {
                    Flag::Anonymous => f.anonymous,
                    Flag::Disputed => f.disputed,
                    Flag::Corroborated => f.corroborated,
                    Flag::SingleOrigin => f.single_origin,
                };
                !on || flag.holds(t, index, at)
            })
    };
    f.round
        .is_none_or(|r| e.round.as_ref().is_some_and(|x| x.target == r))
        && f.participant
            .is_none_or(|p| index.involved[p as usize].contains(&pos))
        && f.sources
            .as_ref()
            .is_none_or(|sources| e.cited().any(|r| sources.contains(&r.target)))
        && f.marked.as_ref().is_none_or(|m| m.contains(&pos))
        && (f.speakers.is_empty()
            && f.via.is_none()
            && !f.anonymous
            && !f.disputed
            && !f.corroborated
            && !f.single_origin
            || roundtable::query::Index::statements_of(pos, e).any(statement))
}

#[test]
fn the_events_joined_are_those_passing_every_part_and_those_around_a_place_a_run_of_them() {
    let doc = &*DOC;
    let (t, index) = (doc.timeline(), doc.index());
    let mut dice = Dice(0x1405_7b7e_f767_814f);
    let mut several = 0;
    for n in 0..120 {
        let mut f = random_filter(doc, &mut dice);
        if dice.chance(3) {
            f.marked = Some(
                (0..t.events.len() as u32)
                    .step_by(3 + dice.below(9))
                    .collect(),
            );
        }
        if dice.chance(3) {
            // Several sources: whole outlets and single sources of outlets with several.
            let more = (0..3).map(|_| dice.below(t.sources.len()) as u32);
            let mut sources: Vec<u32> = f.sources.take().unwrap_or_default();
            sources.extend(more);
            sources.sort_unstable();
            sources.dedup();
            f.sources = Some(sources);
        }
        let what = format!("filter {n}: {}", f.describe(t, index).join(", "));
        let expected: Vec<u32> = (0..t.events.len() as u32)
            .filter(|&pos| passes(doc, &f, pos))
            .collect();
        let join = f.join(t, index, None);
        assert_eq!(join.all(), expected, "{what}");
        assert_eq!(f.apply(t, index, None), expected, "{what}");
        several += usize::from(f.describe(t, index).len() > 1 && expected.len() > 10);
        // Around a random place: the run of the whole list that holds it, or nothing when the
        // walk reads too much.
        for _ in 0..5 {
            let from = dice.below(t.events.len() + 1) as u32;
            let (back, ahead, most) = (dice.below(40), dice.below(40), 1 + dice.below(3000));
            let k = expected.partition_point(|&p| p < from);
            let lo = k.saturating_sub(back);
            let hi = (k + ahead + back - (k - lo)).min(expected.len());
            match join.around(from, back, ahead, most) {
                Some(a) => {
                    assert_eq!(a.events, expected[lo..hi], "{what}: around {from}");
                    // Said whole only when it is (both ends reached).
                    assert!(
                        !a.whole || (lo == 0 && hi == expected.len()),
                        "{what}: whole"
                    );
                }
                None => assert!(
                    most < join.walks(),
                    "{what}: around {from} gave up reading {most} of {}",
                    join.walks()
                ),
            }
        }
    }
    assert!(several >= 15, "combined filters keeping events: {several}");
}

#[test]
fn a_filter_worked_out_on_a_thread_shows_the_rows_around_the_selection_then_the_whole_list() {
    let doc = &*DOC_20K;
    let (outlet, participant) = busiest_labels(doc);
    let pairs = [
        (participant.as_str(), "disputed"),
        (outlet.as_str(), "corroborated"),
        (participant.as_str(), "anonymous"),
        ("disputed", outlet.as_str()),
    ];
    let mut dice = Dice(0xd1b5_4a32_d192_ed03);
    let mut counted = 0;
    for (n, (first, label)) in pairs.iter().cycle().take(16).enumerate() {
        // Nothing is worked out at once: every filter of two parts goes to the thread.
        let mut app = App::new(Arc::clone(doc), &Filter::default()).working_out_past(0);
        app.update(Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        });
        if n % 2 == 0 {
            app.update(Action::ToggleView);
        }
        pick_choice(&mut app, first);
        // Deep most often; at the top now and then, where the pane shows the rows below.
        if n % 5 != 4 {
            app.update(Action::LastEvent);
            for _ in 0..dice.below(app.len() / 20 + 1) {
                app.update(Action::PageUp);
            }
        }
        let view = app.view();
        let what = format!("{first} and {label}, {view:?}");
        let before = whole(doc, app.filter(), view);
        let was = before.rows[app.selected()];
        pick_choice(&mut app, label);
        let w = whole(doc, app.filter(), view);
        if w.rows.is_empty() {
            continue;
        }
        let expected = kept_row(&w, was).min(w.rows.len() - 1);
        if app.counting() {
            counted += 1;
            shown_then_counted(&mut app, &w, expected, n % 2 == 0, &what);
        }
        assert_eq!(app.selected(), expected, "{what}: the selection kept");
        check(&app, &w, &format!("{what}, whole"));
        for step in 0..10 {
            random_move(&mut app, &w, &mut dice, &what);
            check(&app, &w, &format!("{what}, step {step}"));
        }
    }
    assert!(
        counted >= 8,
        "filter changes shown before counted: {counted}"
    );
}

/// The rows on screen from the window's top: each row's number, event and statement.
fn on_screen(app: &App) -> Vec<(usize, (u32, Option<StatementRef>))> {
    let h = list_height(app);
    app.rows(app.view_top(h), h)
        .into_iter()
        .filter_map(|r| match r {
            Row::Event(i) => Some((i, (app.pos_at(i), app.statement_at(i)))),
            Row::Header(_) => None,
        })
        .collect()
}

/// A filter change shown before its list is whole: the rows on screen are a run of the whole
/// list `w` with row `expected` selected, the title and the footer say it is counting; then,
/// the list worked out (on the thread when `threaded`, as the terminal side starts it, else by
/// a key that waits for it), the same rows stay where they are and the footer gives the count.
fn shown_then_counted(app: &mut App, w: &Whole, expected: usize, threaded: bool, what: &str) {
    let h = list_height(app);
    let shown = on_screen(app);
    let first = w
        .rows
        .iter()
        .position(|r| *r == shown[0].1)
        .unwrap_or_else(|| panic!("{what}: the first row shown is kept"));
    for (k, (i, row)) in shown.iter().enumerate() {
        assert_eq!(*row, w.rows[first + k], "{what}: the {k}th row on screen");
        if *i == app.selected() {
            assert_eq!(first + k, expected, "{what}: the selection kept");
        }
    }
    let offset = app.selected() - app.view_top(h);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal
        .draw(|f| roundtable::ui::render(app, f))
        .expect("drawing into memory");
    let title: String = (0..WIDTH)
        .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(
        title.contains("counting"),
        "{what}: the title says {title:?}"
    );
    assert!(
        app.message().is_some_and(|m| m.contains("counting…")),
        "{what}: {:?}",
        app.message()
    );
    if threaded {
        app.start_counting();
        let mut waited = 0;
        while !app.settle_if_done() {
            std::thread::sleep(std::time::Duration::from_millis(1));
            waited += 1;
            assert!(waited < 60_000, "{what}: the thread never ends");
        }
    } else {
        app.settle_now();
    }
    assert!(!app.counting());
    // Every row stays where it stood on screen: the rows found first filled the pane as the
    // whole list does.
    assert_eq!(
        app.selected() - app.view_top(h),
        offset,
        "{what}: on screen"
    );
    let now: Vec<_> = on_screen(app).into_iter().map(|s| s.1).collect();
    let was: Vec<_> = shown.iter().map(|s| s.1).collect();
    assert_eq!(now, was, "{what}: the rows on screen once counted");
    let n = w.rows.len();
    assert!(
        app.message().is_some_and(|m| m.contains(&format!("{n} "))),
        "{what}: the count said: {:?}",
        app.message()
    );
}

/// The filter menu's labels for the outlet cited by the most events and the participant
/// taking part in the most: `source: NAME`, `participant: NAME`.
fn busiest_labels(doc: &Document) -> (String, String) {
    let (t, index) = (doc.timeline(), doc.index());
    let made = index.outlets(t);
    let outlet = (0..made.sources.len())
        .max_by_key(|&o| made.citing[o].len())
        .expect("outlets");
    let participant = (0..t.participants.len())
        .max_by_key(|&p| index.involved[p].len())
        .expect("participants");
    (
        format!(
            "source: {}",
            t.sources[made.sources[outlet][0] as usize].outlet
        ),
        format!("participant: {}", t.participants[participant].name),
    )
}
