//! Moving through the browser, keys in and selection out: event by event, by page, to the
//! ends, by round (`[`, `]` and the round picker); focus, links and scrolling in the detail
//! pane; the mouse; quitting; an empty timeline.

#[path = "support/tui.rs"]
mod harness;

use harness::{args, at, bundled, footer, id, open, press, screen};
use roundtable::app::window::Row;
use roundtable::app::{Action, App, Mode, Pane, layout};
use roundtable::model::BUNDLED;
use roundtable::query::FilterArgs;

#[test]
fn j_k_and_arrows_step_through_events() {
    let mut app = bundled(120, 40);
    assert_eq!(id(&app), "nsdc-2022-ban");
    press(&mut app, &["j"]);
    assert_eq!(id(&app), "r1-istanbul");
    press(&mut app, &["↓"]);
    assert_eq!(id(&app), "exchange-agreements");
    press(&mut app, &["k"]);
    assert_eq!(id(&app), "r1-istanbul");
    press(&mut app, &["↑", "↑", "k"]);
    assert_eq!(id(&app), "nsdc-2022-ban", "stops at the first event");
    press(&mut app, &["G", "j", "↓"]);
    assert_eq!(
        id(&app),
        "r3-defense-ministry-swap",
        "stops at the last event"
    );
}

#[test]
fn in_the_detail_pane_j_k_scroll_it_and_keep_the_event() {
    let mut app = bundled(80, 24);
    press(&mut app, &["]", "]", "]", "]", "Tab"]);
    assert_eq!(app.focus(), Pane::Detail);
    let event = id(&app);
    press(&mut app, &["j", "j", "↓"]);
    assert_eq!(app.detail_scroll(), 3);
    press(&mut app, &["k", "↑"]);
    assert_eq!(app.detail_scroll(), 1);
    assert_eq!(id(&app), event);
    // The pane scrolls to its last line and no further.
    press(&mut app, &["G"]);
    let end = app.detail_scroll();
    assert!(end > 0);
    press(&mut app, &["j"]);
    assert_eq!(app.detail_scroll(), end);
    let s = screen(&app);
    assert!(
        s.contains("Sources (1)") || s.contains("Xinhua — New round"),
        "{s}"
    );
    press(&mut app, &["g"]);
    assert_eq!(app.detail_scroll(), 0);
    press(&mut app, &["End", "Home"]);
    assert_eq!(app.detail_scroll(), 0);
    // A new event starts at its top (Shift-Tab, with no link selected, leaves the pane).
    press(&mut app, &["G", "Shift-Tab", "j"]);
    assert_eq!(app.focus(), Pane::Timeline);
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn page_keys_move_by_a_page_and_half_page_and_keep_the_selection_on_screen() {
    // 80×24 stacks the panes: the timeline shows 8 rows under the density strip. A page is
    // the events on screen less two, half a page half of them, so that the round headers
    // near the top (one before each of rows 0-4) never make a page skip an event.
    let mut app = bundled(80, 24);
    let place = |app: &App| (app.selected(), app.top());
    let on_screen = |app: &App| {
        let pane = layout::screen(app.size())
            .unwrap()
            .pane(Pane::Timeline)
            .inner;
        let h = usize::from(layout::strip(pane).1.height);
        app.rows(app.view_top(h), h)
            .contains(&Row::Event(app.selected()))
    };
    // Rows 0-3 on screen: a page is 2.
    press(&mut app, &["PgDn"]);
    assert_eq!(place(&app), (2, 1));
    assert!(on_screen(&app));
    press(&mut app, &["PgDn"]);
    assert_eq!(place(&app), (4, 3));
    assert!(on_screen(&app));
    press(&mut app, &["PgUp"]);
    assert_eq!(place(&app), (2, 1));
    press(&mut app, &["Ctrl-d"]);
    assert_eq!(place(&app), (4, 3));
    assert!(on_screen(&app));
    press(&mut app, &["Ctrl-u"]);
    assert_eq!(place(&app), (2, 1));
    press(&mut app, &["PgUp", "PgUp"]);
    assert_eq!(place(&app), (0, 0));
    // Down the whole timeline: fewer headers further down, longer pages (4, then 5).
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, &["PgDn"]);
        assert!(on_screen(&app));
        seen.push(app.selected());
    }
    assert_eq!(seen, [2, 4, 8, 13, 18, 22]);

    // In the detail pane the same keys page through the text.
    let mut app = bundled(80, 24);
    press(&mut app, &["]", "]", "]", "]", "Tab", "PgDn"]);
    let page = usize::from(
        layout::screen(app.size())
            .unwrap()
            .pane(Pane::Detail)
            .inner
            .height,
    );
    assert_eq!(app.detail_scroll(), page);
    press(&mut app, &["Ctrl-u"]);
    assert_eq!(app.detail_scroll(), page - page / 2);
    press(&mut app, &["Ctrl-d", "PgUp"]);
    assert_eq!(app.detail_scroll(), 0);
    assert_eq!(id(&app), "r3-zelensky-announces");
}

#[test]
fn g_and_shift_g_and_home_and_end_go_to_the_ends() {
    let mut app = bundled(120, 40);
    press(&mut app, &["G"]);
    assert_eq!(id(&app), "r3-defense-ministry-swap");
    press(&mut app, &["g"]);
    assert_eq!(id(&app), "nsdc-2022-ban");
    press(&mut app, &["End"]);
    assert_eq!(app.selected(), app.shown().len() - 1);
    press(&mut app, &["Home"]);
    assert_eq!(app.selected(), 0);
}

#[test]
fn brackets_jump_to_the_first_event_of_the_next_and_previous_round() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]"]);
    assert_eq!(id(&app), "r1-istanbul");
    // The exchange agreements are in no round: a group of their own between rounds 1 and 2.
    press(&mut app, &["]"]);
    assert_eq!(id(&app), "exchange-agreements");
    press(&mut app, &["]"]);
    assert_eq!(id(&app), "r2-memoranda");
    press(&mut app, &["]"]);
    assert_eq!(id(&app), "r3-zelensky-announces");
    press(&mut app, &["]"]);
    assert_eq!(id(&app), "r3-zelensky-announces");
    assert_eq!(app.message(), Some("no later round"));
    // From inside round 3, `[` goes to the start of round 2.
    press(&mut app, &["j", "j", "j", "["]);
    assert_eq!(id(&app), "r2-memoranda");
    press(&mut app, &["["]);
    assert_eq!(id(&app), "exchange-agreements");
    press(&mut app, &["[", "["]);
    assert_eq!(id(&app), "nsdc-2022-ban");
    press(&mut app, &["["]);
    assert_eq!(app.message(), Some("no earlier round"));
    // Under a filter, rounds are the shown events' rounds.
    let mut app = open(
        BUNDLED,
        &args(|a| a.speakers = vec!["medinsky".into()]),
        120,
        40,
    );
    press(&mut app, &["g", "]"]);
    assert_eq!(app.round_at(app.selected()), Some(2));
}

#[test]
fn r_opens_the_round_picker_and_enter_jumps_to_the_round() {
    let mut app = bundled(120, 40);
    press(&mut app, &["r"]);
    assert_eq!(app.mode(), Mode::Rounds);
    let s = screen(&app);
    assert!(s.contains("› Round 1 · Istanbul"), "{s}");
    assert!(s.contains("  Round 2 · 2025-06-02"), "{s}");
    assert!(s.contains("Round 2 · 2025-06-02 · Istanbul"), "{s}");
    assert!(
        s.contains("Round 3 · 2025-07-23 · Ciragan Palace, Istanbul"),
        "{s}"
    );
    // Rounds 1 and 2 have one event each, round 3 has 19.
    assert!(
        s.contains("19 events") && s.matches("1 event ").count() == 2,
        "{s}"
    );
    press(&mut app, &["j", "j", "k", "↓", "↑", "Enter"]);
    assert_eq!(app.mode(), Mode::Timeline);
    assert_eq!(id(&app), "r2-memoranda");
    assert_eq!(
        app.message(),
        Some("Round 2 · 2025-06-02 · Istanbul: 1 event")
    );
    // The picker opens on the selected event's round; Esc closes it where it was.
    press(&mut app, &["r", "j", "Esc"]);
    assert_eq!(app.mode(), Mode::Timeline);
    assert_eq!(id(&app), "r2-memoranda");
}

#[test]
fn tab_shift_tab_and_enter_move_focus_between_panes() {
    let mut app = bundled(120, 40);
    assert_eq!(app.focus(), Pane::Timeline);
    press(&mut app, &["Tab"]);
    assert_eq!(app.focus(), Pane::Detail);
    assert_eq!(app.link(), None, "the pane itself is focused, no link yet");
    press(&mut app, &["Shift-Tab"]);
    assert_eq!(app.focus(), Pane::Timeline);
    press(&mut app, &["Shift-Tab"]);
    assert_eq!(app.focus(), Pane::Detail);
    press(&mut app, &["Shift-Tab", "j", "Enter"]);
    assert_eq!(app.focus(), Pane::Detail);
    assert_eq!(id(&app), "r1-istanbul");
    // The focused pane has the heavy border.
    let s = screen(&app);
    assert!(s.lines().nth(1).unwrap().starts_with("┌ Timeline"), "{s}");
}

#[test]
fn in_the_detail_pane_tab_steps_through_its_quotes_and_claims_then_back_to_the_timeline() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]", "]", "]", "]"]);
    let e = &app.timeline().events[app.selected_pos().unwrap() as usize];
    let statements = e.quotes.len() + e.claims.len();
    assert!(statements >= 2, "{}", e.id.value);
    press(&mut app, &["Enter"]);
    // Every quote and claim of the event is a link, and so is each claim on the other side
    // of a dispute.
    let mut links = 0;
    loop {
        press(&mut app, &["Tab"]);
        if app.focus() == Pane::Timeline {
            break;
        }
        assert_eq!(app.link(), Some(links));
        links += 1;
        if links == 2 {
            // The selected link is marked in plain text (`›`).
            let s = screen(&app);
            assert!(s.contains("›"), "{s}");
            press(&mut app, &["Shift-Tab"]);
            assert_eq!(app.link(), Some(0));
            press(&mut app, &["Tab"]);
        }
        assert!(links < 100);
    }
    assert!(
        links >= statements,
        "{links} links for {statements} statements"
    );
    assert_eq!(app.link(), None);
}

#[test]
fn q_and_ctrl_c_quit_but_q_is_typed_in_the_prompt() {
    let mut app = bundled(120, 40);
    press(&mut app, &["/", "text:q"]);
    assert!(!app.should_quit());
    assert!(footer(&app).contains("/q▏"));
    press(&mut app, &["Ctrl-c"]);
    assert!(app.should_quit());
    let mut app = bundled(120, 40);
    press(&mut app, &["q"]);
    assert!(app.should_quit());
    let mut app = bundled(120, 40);
    press(&mut app, &["Tab", "q"]);
    assert!(app.should_quit());
}

#[test]
fn a_click_selects_the_event_under_it_and_the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = bundled(120, 40);
    let panes = layout::screen(app.size()).unwrap();
    // The list, under the density strip.
    let area = layout::strip(panes.pane(Pane::Timeline).inner).1;
    let rows = app.rows(
        app.view_top(usize::from(area.height)),
        usize::from(area.height),
    );
    let row = rows
        .iter()
        .position(|r| *r == Row::Event(at(&app, "r2-memoranda")))
        .unwrap();
    app.update(Action::Click {
        column: area.x + 5,
        row: area.y + row as u16,
    });
    assert_eq!(id(&app), "r2-memoranda");
    // A header row selects nothing.
    app.update(Action::Click {
        column: area.x + 5,
        row: area.y,
    });
    assert_eq!(id(&app), "r2-memoranda");
    // A click in the detail pane focuses it; the wheel there scrolls it.
    let d = panes.pane(Pane::Detail).inner;
    app.update(Action::Click {
        column: d.x + 3,
        row: d.y + 3,
    });
    assert_eq!(app.focus(), Pane::Detail);
    app.update(Action::Wheel {
        column: d.x + 3,
        row: d.y + 3,
        down: true,
    });
    assert_eq!(app.detail_scroll(), 3);
    app.update(Action::Wheel {
        column: d.x + 3,
        row: d.y + 3,
        down: false,
    });
    assert_eq!(app.detail_scroll(), 0);

    // The wheel over the timeline scrolls it; the selection follows only to stay on screen.
    let mut app = bundled(80, 24);
    // The list, under the density strip.
    let t = layout::strip(
        layout::screen(app.size())
            .unwrap()
            .pane(Pane::Timeline)
            .inner,
    )
    .1;
    let wheel = |app: &mut App, down| {
        app.update(Action::Wheel {
            column: t.x + 1,
            row: t.y + 1,
            down,
        });
    };
    wheel(&mut app, true);
    assert_eq!(app.top(), 3);
    assert_eq!(app.selected(), 3, "pulled onto the screen");
    press(&mut app, &["G", "g"]);
    for _ in 0..20 {
        wheel(&mut app, true);
    }
    let h = usize::from(t.height);
    assert_eq!(app.top(), app.max_top(h), "stops at the end");
    assert_eq!(
        app.last_visible(app.top(), h),
        22,
        "stops with the last event at the bottom"
    );
    for _ in 0..20 {
        wheel(&mut app, false);
    }
    assert_eq!(app.top(), 0);
}

#[test]
fn empty_filters_and_empty_timelines_draw_and_navigate() {
    const EMPTY: &str =
        r#"Timeline(title: "Nothing yet", sources: [], participants: [], events: [])"#;
    let mut app = open(EMPTY, &FilterArgs::default(), 80, 24);
    press(
        &mut app,
        &[
            "j", "k", "G", "g", "]", "[", "PgDn", "Ctrl-u", "n", "Tab", "j", "G",
        ],
    );
    assert!(screen(&app).contains("No events."));
    assert!(screen(&app).contains("0/0"));
    app.update(Action::Click { column: 3, row: 3 });
    app.update(Action::Wheel {
        column: 3,
        row: 3,
        down: true,
    });
}

#[test]
fn page_up_moves_as_far_as_page_down_when_the_window_is_at_the_top() {
    // At 120x40 the 23 events fit in the pane: the window never moves, and a page up from
    // the last event moves as far as a page down would (23 less 2 events), not one row.
    let mut app = bundled(120, 40);
    press(&mut app, &["G"]);
    assert_eq!((app.selected(), app.top()), (22, 0));
    press(&mut app, &["PgUp"]);
    assert_eq!(app.selected(), 1);
    press(&mut app, &["PgUp"]);
    assert_eq!(app.selected(), 0);
    press(&mut app, &["G", "Ctrl-u"]);
    assert_eq!(app.selected(), 11, "half of 23 up from 22");
    press(&mut app, &["Ctrl-u"]);
    assert_eq!(app.selected(), 0);
    press(&mut app, &["PgDn"]);
    assert_eq!(app.selected(), 21);
}
