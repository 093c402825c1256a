//! [`App::update`] driven as jless drives its viewer: actions in, selection, window and view
//! out, nothing drawn. Every expectation is worked out by hand from the bundled timeline
//! (`data/istanbul-2025.ron`) at 80×28, where the panes stack and the timeline's list is 10
//! rows high (under the density strip).
//!
//! The bundled timeline's 23 events, in order (rows of the events view):
//!
//! | row | event | round |
//! | --- | --- | --- |
//! | 0 | `nsdc-2022-ban` | none |
//! | 1 | `r1-istanbul` | 1 |
//! | 2 | `exchange-agreements` | none |
//! | 3 | `r2-memoranda` | 2 |
//! | 4 | `r3-zelensky-announces` | 3 |
//! | 5 | `r3-peskov-briefing` | 3 |
//! | 6 | `r3-peskov-expectations` | 3 |
//! | 7 | `r3-delegations` | 3 |
//! | 8–22 | `r3-face-to-face` … `r3-defense-ministry-swap` | 3 |
//!
//! A round header opens the window and comes before rows 1, 2, 3 and 4 (each starts a new
//! group), so from the top the pane holds five headers and rows 0–4; from row 4 on, one header
//! and nine events. The window keeps two events of context beyond the selection (a pane of
//! 10 rows or more). The last top that still fills the pane is 14 (a header and rows 14–22).

use std::sync::Arc;

use crate::app::{Action, App, View};
use crate::model::BUNDLED;
use crate::query::Filter;
use crate::query::document::Document;

/// The browser on the bundled timeline, unfiltered, at 80×28.
fn app() -> App {
    let doc = Document::load("istanbul-2025.ron", BUNDLED.to_string()).expect("bundled loads");
    let mut app = App::new(Arc::new(doc), &Filter::default());
    app.update(Action::Resize {
        width: 80,
        height: 28,
    });
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app.update(a);
    }
}

/// The selected row and the first row of the window.
fn at(app: &App) -> (usize, usize) {
    (app.selected(), app.top())
}

/// The id of the selected event.
fn id(app: &App) -> &str {
    app.selected_event().map_or("", |e| &e.id.value)
}

/// Types `text` into what is open (the speaker picker here).
fn type_in(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// Filters on Peskov through the speaker picker: he speaks in rows 5 and 6 only.
fn only_peskov(app: &mut App) {
    app.update(Action::OpenSpeakers);
    type_in(app, "peskov");
    app.update(Action::Confirm);
}

#[test]
fn the_list_height_is_ten_rows_at_80x28() {
    // 28 rows less the title and the footer, halved (13); the top border takes one and the
    // density strip two.
    assert_eq!(app().list_height(), 10);
}

#[test]
fn next_and_previous_event_stop_at_the_ends() {
    let mut app = app();
    assert_eq!(at(&app), (0, 0));
    app.update(Action::PrevEvent);
    assert_eq!(at(&app), (0, 0), "nothing before the first event");
    assert_eq!(id(&app), "nsdc-2022-ban");
    app.update(Action::NextEvent);
    assert_eq!(id(&app), "r1-istanbul");
    run(&mut app, &[Action::LastEvent, Action::NextEvent]);
    assert_eq!(at(&app), (22, 14), "nothing after the last event");
    assert_eq!(id(&app), "r3-defense-ministry-swap");
    app.update(Action::PrevEvent);
    assert_eq!(at(&app), (21, 14));
}

#[test]
fn moving_down_scrolls_only_to_keep_two_events_below_the_selection() {
    let mut app = app();
    // (selected, top) after each step down. Until row 4 the headers between the first groups
    // take room; then the window keeps row `selected + 2` at its bottom: top = selected − 6.
    let mut expected = vec![
        (1, 0),
        (2, 0),
        (3, 1),
        (4, 1),
        (5, 2),
        (6, 2),
        (7, 3),
        (8, 3),
    ];
    expected.extend([(9, 4), (10, 4)]);
    expected.extend((11..=20).map(|s| (s, s - 6)));
    expected.extend([(21, 14), (22, 14)]);
    let mut seen = Vec::new();
    for _ in 1..=22 {
        app.update(Action::NextEvent);
        seen.push(at(&app));
    }
    assert_eq!(seen, expected);
}

#[test]
fn moving_up_scrolls_only_to_keep_two_events_above_the_selection() {
    let mut app = app();
    app.update(Action::LastEvent);
    // From the end the window stays at 14 until the selection comes within two rows of its
    // top (row 16); then top = selected − 2, down to 0.
    let expected: Vec<(usize, usize)> = (0..22usize)
        .rev()
        .map(|s| (s, if s >= 16 { 14 } else { s.saturating_sub(2) }))
        .collect();
    let mut seen = Vec::new();
    for _ in 0..22 {
        app.update(Action::PrevEvent);
        seen.push(at(&app));
    }
    assert_eq!(seen, expected);
}

#[test]
fn first_and_last_event_jump_to_the_ends_and_scroll_to_them() {
    let mut app = app();
    app.update(Action::LastEvent);
    assert_eq!(at(&app), (22, 14));
    app.update(Action::FirstEvent);
    assert_eq!(at(&app), (0, 0));
}

/// The events on screen in the 10-row pane, top to bottom.
fn screen(app: &App) -> Vec<usize> {
    app.rows(app.top(), 10)
        .iter()
        .filter_map(|r| match r {
            crate::app::window::Row::Event(i) => Some(*i),
            crate::app::window::Row::Header(_) => None,
        })
        .collect()
}

#[test]
fn paging_moves_by_the_events_on_screen_less_two_so_that_no_event_is_skipped() {
    // From the top the pane shows five headers and rows 0-4: a page is 5 - 2 = 3 events. The
    // window moves with the selection, then comes back as far as the two events of context
    // above it need (row 3 needs top 1). Counting rows instead (10 - 2) went to row 8 with
    // top 6, and row 5 was never on screen.
    let mut app = app();
    let mut shown: std::collections::BTreeSet<usize> = screen(&app).into_iter().collect();
    let mut at_each = Vec::new();
    for _ in 0..5 {
        app.update(Action::PageDown);
        shown.extend(screen(&app));
        at_each.push(at(&app));
    }
    // From top 1 (rows 1-6 on screen) a page is 4; from top 5 (rows 5-13), 7; then the end.
    assert_eq!(at_each, [(3, 1), (7, 5), (14, 12), (21, 14), (22, 14)]);
    assert_eq!(shown.len(), 23, "every event was on screen on the way down");
    // Up a page from top 14: the screen ending at row 15 starts at 7 (9 events, a page of
    // 7): row 15, with the window at 9 so that rows 16 and 17 stay in view below it.
    app.update(Action::PageUp);
    assert_eq!(at(&app), (15, 9));
    let mut shown_up = std::collections::BTreeSet::new();
    let mut last_top = app.top();
    while app.selected() > 0 {
        app.update(Action::PageUp);
        let events = screen(&app);
        assert!(
            events.last().is_some_and(|&l| l >= last_top),
            "a page up skipped the rows above top {last_top}: now {events:?}"
        );
        last_top = app.top();
        shown_up.extend(events);
    }
    assert_eq!(at(&app), (0, 0), "stops at the first event");
    assert_eq!(shown_up.iter().next(), Some(&0));
    // Half a page: from top 0 (five events on screen) 2 events; at the end (nine), 4.
    app.update(Action::HalfPageDown);
    assert_eq!(app.selected(), 2);
    app.update(Action::LastEvent);
    app.update(Action::HalfPageUp);
    assert_eq!(app.selected(), 18);
    app.update(Action::HalfPageDown);
    assert_eq!(app.selected(), 22);
}

#[test]
fn next_and_previous_round_go_to_the_first_event_under_each_header() {
    let mut app = app();
    // Headers open rows 0 (no round), 1 (round 1), 2 (no round), 3 (round 2), 4 (round 3).
    let mut seen = Vec::new();
    for _ in 0..4 {
        app.update(Action::NextRound);
        seen.push((id(&app).to_string(), app.top()));
    }
    assert_eq!(
        seen,
        [
            ("r1-istanbul".to_string(), 0),
            ("exchange-agreements".into(), 0),
            ("r2-memoranda".into(), 1),
            ("r3-zelensky-announces".into(), 1),
        ]
    );
    app.update(Action::NextRound);
    assert_eq!(at(&app), (4, 1), "round 3 is the last group");
    assert_eq!(app.message(), Some("no later round"));
    // From inside round 3, back to the start of the group before it.
    run(
        &mut app,
        &[Action::NextEvent, Action::NextEvent, Action::PrevRound],
    );
    assert_eq!(id(&app), "r2-memoranda");
    run(
        &mut app,
        &[Action::PrevRound, Action::PrevRound, Action::PrevRound],
    );
    assert_eq!(at(&app), (0, 0));
    app.update(Action::PrevRound);
    assert_eq!(at(&app), (0, 0));
    assert_eq!(app.message(), Some("no earlier round"));
}

#[test]
fn toggling_the_statements_view_keeps_the_event() {
    let mut app = app();
    run(&mut app, &[Action::NextRound; 4]);
    assert_eq!(id(&app), "r3-zelensky-announces");
    app.update(Action::ToggleView);
    assert_eq!(app.view(), View::Statements);
    // Rows 0–8 are the 1 + 3 + 2 + 3 claims of the four events before it (none has a
    // quote); its first claim is row 9.
    assert_eq!(app.selected(), 9);
    assert_eq!(app.selected_pos(), Some(4));
    assert_eq!(
        app.selected_statement()
            .map(crate::query::statement::StatementRef::index),
        Some(0)
    );
    // Rows 10 and 11 below it fill the pane: a header, row 5, a header, rows 6–8, a header,
    // rows 9–11.
    assert_eq!(app.top(), 5);
    // Down three statements: still the same event, which has seven claims.
    run(&mut app, &[Action::NextEvent; 3]);
    assert_eq!((app.selected(), app.selected_pos()), (12, Some(4)));
    app.update(Action::ToggleView);
    assert_eq!(app.view(), View::Events);
    assert_eq!(at(&app), (4, 1));
    assert_eq!(id(&app), "r3-zelensky-announces");
}

#[test]
fn a_filter_keeps_the_selected_event_when_it_passes() {
    let mut app = app();
    run(&mut app, &[Action::NextEvent; 5]);
    assert_eq!(id(&app), "r3-peskov-briefing");
    only_peskov(&mut app);
    assert_eq!(app.shown(), [5, 6]);
    assert_eq!(at(&app), (0, 0));
    assert_eq!(id(&app), "r3-peskov-briefing");
    // Clearing the filter keeps it too, back at row 5, with two events below it on screen.
    app.update(Action::Back);
    assert_eq!(app.shown().len(), 23);
    assert_eq!(at(&app), (5, 2));
    assert_eq!(id(&app), "r3-peskov-briefing");
}

#[test]
fn a_filter_that_hides_the_selected_event_selects_the_next_one_shown() {
    let mut app = app();
    run(&mut app, &[Action::NextEvent; 4]);
    assert_eq!(id(&app), "r3-zelensky-announces");
    only_peskov(&mut app);
    assert_eq!(id(&app), "r3-peskov-briefing");
    // With nothing shown after it, the last event shown.
    let mut app = self::app();
    run(&mut app, &[Action::NextEvent; 7]);
    assert_eq!(id(&app), "r3-delegations");
    only_peskov(&mut app);
    assert_eq!(at(&app), (1, 0));
    assert_eq!(id(&app), "r3-peskov-expectations");
}

#[test]
fn the_detail_pane_scrolls_and_a_new_event_starts_at_its_top() {
    let mut app = app();
    run(&mut app, &[Action::NextRound; 4]);
    run(
        &mut app,
        &[Action::FocusDetail, Action::ScrollDown, Action::ScrollDown],
    );
    assert_eq!(app.detail_scroll(), 2);
    assert_eq!(at(&app), (4, 1), "scrolling the pane moves no selection");
    app.update(Action::ScrollUp);
    assert_eq!(app.detail_scroll(), 1);
    app.update(Action::ScrollTop);
    assert_eq!(app.detail_scroll(), 0);
    run(&mut app, &[Action::ScrollDown, Action::NextEvent]);
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn a_terminal_that_grows_shows_the_rows_above_instead_of_blank_rows_below() {
    let mut app = app();
    run(&mut app, &[Action::LastEvent]);
    assert_eq!(at(&app), (22, 14));
    // At 80×60 the list is 26 rows: from row 1, a header, rows 1–22 and the headers before
    // rows 2, 3 and 4 fill it exactly; from row 0 it would need 28.
    app.update(Action::Resize {
        width: 80,
        height: 60,
    });
    assert_eq!(app.list_height(), 26);
    assert_eq!(at(&app), (22, 1));
    // And back: the selection stays on screen with its context.
    app.update(Action::Resize {
        width: 80,
        height: 28,
    });
    assert_eq!(at(&app), (22, 14));
}
