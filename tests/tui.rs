//! The browser without a terminal: keys in, state out; whole screens drawn into a test backend
//! and compared with committed snapshots; hostile text; every terminal size.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::widgets::Widget;
use roundtable::app::window::Row;
use roundtable::app::{Action, App, Focus, Mode, Overlay, View, detail, keymap, layout};
use roundtable::model::{self, BUNDLED};
use std::sync::Arc;

use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs, Index, statement};
use roundtable::ui;

/// A browser on `source`, with the filter `args`, at `w`×`h`.
fn open(source: &str, args: &FilterArgs, w: u16, h: u16) -> App {
    let doc = Document::load("test.ron", source.to_string())
        .unwrap_or_else(|f| panic!("{}", model::diag::render("test", source, &f.diagnostics)));
    let filter = Filter::resolve(doc.timeline(), doc.index(), args).expect("filter resolves");
    let mut app = App::new(Arc::new(doc), &filter);
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

fn bundled(w: u16, h: u16) -> App {
    open(BUNDLED, &FilterArgs::default(), w, h)
}

/// Draws `app` at its own size; the buffer.
fn draw(app: &App) -> Buffer {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).expect("test terminal");
    t.draw(|f| ui::render(app, f)).expect("draws");
    t.backend().buffer().clone()
}

/// A buffer as plain text, one line per row, trailing blanks trimmed; the cell hidden behind a
/// wide character is left out so that text reads as on screen.
fn plain(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = usize::from(s.cell_width()).saturating_sub(1);
            line.push_str(s);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(app: &App) -> String {
    plain(&draw(app))
}

/// Presses keys written as in the help (`j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`, `Enter`), or
/// `"text:…"` to type each character, through the real key table.
fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        if let Some(t) = k.strip_prefix("text:") {
            for c in t.chars() {
                send(app, KeyCode::Char(c), KeyModifiers::NONE);
            }
            continue;
        }
        let (code, mods) = match *k {
            "↓" => (KeyCode::Down, KeyModifiers::NONE),
            "↑" => (KeyCode::Up, KeyModifiers::NONE),
            "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
            "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
            "Home" => (KeyCode::Home, KeyModifiers::NONE),
            "End" => (KeyCode::End, KeyModifiers::NONE),
            "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
            "Shift-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
            "Backspace" => (KeyCode::Backspace, KeyModifiers::NONE),
            k if k.starts_with("Ctrl-") => (
                KeyCode::Char(k.chars().last().expect("a key after Ctrl-")),
                KeyModifiers::CONTROL,
            ),
            k if k.chars().count() == 1 => {
                let c = k.chars().next().expect("one char");
                let m = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                (KeyCode::Char(c), m)
            }
            other => panic!("unknown key {other}"),
        };
        send(app, code, mods);
    }
}

fn send(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = roundtable::app::keymap::action(KeyEvent::new(code, mods), app.mode()) {
        app.update(a);
    }
}

/// The id of the selected event.
fn id(app: &App) -> String {
    app.selected_event()
        .map(|e| e.id.value.to_string())
        .unwrap_or_default()
}

/// The shown index of the event with `id`.
fn at(app: &App, id: &str) -> usize {
    let pos = app
        .timeline()
        .events
        .iter()
        .position(|e| e.id.value == id)
        .unwrap_or_else(|| panic!("no event {id}"));
    app.shown()
        .iter()
        .position(|&p| p as usize == pos)
        .unwrap_or_else(|| panic!("{id} is not shown"))
}

fn participant(app: &App, id: &str) -> u32 {
    app.timeline()
        .participants
        .iter()
        .position(|p| p.id.value == id)
        .unwrap_or_else(|| panic!("no participant {id}")) as u32
}

/// The detail pane's text, one string per line, at `width`.
fn detail_text(app: &App, width: usize) -> Vec<String> {
    detail::document(app, width)
        .iter()
        .map(|l| l.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

/// The footer row of the screen.
fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn args(f: impl FnOnce(&mut FilterArgs)) -> FilterArgs {
    let mut a = FilterArgs::default();
    f(&mut a);
    a
}

// ---------------------------------------------------------------- keys, one test per key

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
    assert_eq!(app.focus(), Focus::Detail);
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
    assert_eq!(app.focus(), Focus::Timeline);
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn page_keys_move_by_a_page_and_half_page_and_keep_the_selection_on_screen() {
    // 80×24 stacks the panes: the timeline shows 8 rows under the density strip, a page is 6
    // events, half is 4.
    let mut app = bundled(80, 24);
    let on_screen = |app: &App| {
        let pane = layout::screen(app.size()).unwrap().timeline.inner;
        let h = usize::from(layout::strip(pane).1.height);
        app.rows(app.view_top(h), h)
            .contains(&Row::Event(app.selected()))
    };
    press(&mut app, &["PgDn"]);
    assert_eq!(app.selected(), 6);
    assert!(on_screen(&app));
    press(&mut app, &["PgDn"]);
    assert_eq!(app.selected(), 12);
    assert!(on_screen(&app));
    press(&mut app, &["PgUp"]);
    assert_eq!(app.selected(), 6);
    press(&mut app, &["Ctrl-d"]);
    assert_eq!(app.selected(), 10);
    assert!(on_screen(&app));
    press(&mut app, &["Ctrl-u"]);
    assert_eq!(app.selected(), 6);
    press(&mut app, &["PgUp", "PgUp"]);
    assert_eq!(app.selected(), 0);
    press(&mut app, &["PgDn", "PgDn", "PgDn", "PgDn"]);
    assert_eq!(app.selected(), 22);
    assert!(on_screen(&app));

    // In the detail pane the same keys page through the text.
    let mut app = bundled(80, 24);
    press(&mut app, &["]", "]", "]", "]", "Tab", "PgDn"]);
    let page = usize::from(layout::screen(app.size()).unwrap().detail.inner.height);
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
fn s_opens_the_speaker_picker_which_narrows_as_you_type_and_filters_on_enter() {
    let mut app = bundled(120, 40);
    press(&mut app, &["s"]);
    assert_eq!(app.mode(), Mode::Speakers);
    let Overlay::Picker(p) = app.overlay() else {
        panic!("no picker")
    };
    // Only people quoted or making a claim are listed: Putin is neither.
    assert!(!p.items.contains(&participant(&app, "putin")));
    assert!(p.items.contains(&participant(&app, "tass-source-xinhua")));
    assert!(p.items.contains(&participant(&app, "tass-source-rt")));
    let s = screen(&app);
    assert!(
        s.contains("› Dmitry Peskov · Russia") && s.contains("9 quotes, 4 claims"),
        "{s}"
    );

    // Case and accents do not matter; aliases count.
    press(&mut app, &["text:PESKÓV"]);
    let Overlay::Picker(p) = app.overlay() else {
        panic!("no picker")
    };
    assert_eq!(p.items, [participant(&app, "peskov")]);
    press(
        &mut app,
        &[
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
            "Backspace",
        ],
    );
    press(&mut app, &["text:chief negotiator"]);
    let Overlay::Picker(p) = app.overlay() else {
        panic!("no picker")
    };
    assert_eq!(p.items, [participant(&app, "medinsky")]);
    press(&mut app, &["Esc", "s", "text:pesk", "Enter"]);

    assert_eq!(app.mode(), Mode::Timeline);
    assert_eq!(app.filter().speakers, [participant(&app, "peskov")]);
    let ids: Vec<&str> = app
        .shown()
        .iter()
        .map(|&p| app.timeline().events[p as usize].id.value.as_ref())
        .collect();
    assert_eq!(ids, ["r3-peskov-briefing", "r3-peskov-expectations"]);
    assert_eq!(app.message(), Some("2 events by Dmitry Peskov"));
    // The detail pane lists the speaker's quotes and claims first, marked.
    let d = detail_text(&app, 80);
    let by = d
        .iter()
        .position(|l| l.starts_with("By Dmitry Peskov: 3 quotes, 3 claims"));
    let summary = d.iter().position(|l| l.starts_with("At a news briefing"));
    assert!(by.is_some() && by < summary, "{d:#?}");
    assert!(
        d.iter().any(|l| l.starts_with("▌ “We hope that the talks")),
        "{d:#?}"
    );
    assert!(screen(&app).contains("speaker: Dmitry Peskov"));
    // ↓/↑ move in the picker; Enter on nothing keeps it open.
    press(&mut app, &["s", "↓", "↑", "Ctrl-n", "Enter"]);
    assert_eq!(app.filter().speakers, [participant(&app, "medinsky")]);
    press(&mut app, &["s", "text:nobody at all", "Enter"]);
    assert_eq!(app.mode(), Mode::Speakers);
    assert_eq!(app.message(), Some("no speaker matches “nobody at all”"));
}

#[test]
fn slash_searches_highlights_and_n_moves_between_matches_without_hiding_events() {
    let mut app = bundled(120, 40);
    press(&mut app, &["/"]);
    assert_eq!(app.mode(), Mode::Search);
    press(&mut app, &["text:MEMORANDX", "Backspace"]);
    assert!(footer(&app).contains("/MEMORAND▏"), "{}", footer(&app));
    press(&mut app, &["Enter"]);
    assert_eq!(app.mode(), Mode::Timeline);
    assert_eq!(app.shown().len(), 23, "search hides nothing");
    assert_eq!(app.search().map(|s| s.hits.len()), Some(3));
    assert_eq!(id(&app), "r2-memoranda", "Enter jumps to the first match");
    assert!(footer(&app).contains("match 1/3"), "{}", footer(&app));
    press(&mut app, &["n"]);
    assert_eq!(id(&app), "r3-peskov-briefing");
    assert!(footer(&app).contains("match 2/3"));
    press(&mut app, &["n", "n"]);
    assert_eq!(id(&app), "r2-memoranda");
    assert_eq!(app.message(), Some("search wrapped to the first match"));
    press(&mut app, &["N"]);
    assert_eq!(id(&app), "r3-peskov-expectations");
    press(&mut app, &["N"]);
    assert_eq!(id(&app), "r3-peskov-briefing");
    // Matches are highlighted in both panes.
    let buf = draw(&app);
    let s = layout::screen(app.size()).unwrap();
    let hit = |area: ratatui::layout::Rect| {
        area.rows()
            .flat_map(ratatui::layout::Rect::columns)
            .filter(|p| buf[(p.x, p.y)].bg == ratatui::style::Color::Yellow)
            .count()
    };
    assert!(
        hit(s.timeline.inner) >= "memorand".len(),
        "timeline titles highlighted"
    );
    let marked = screen(&app)
        .lines()
        .filter(|l| l.contains("┃ •") || l.contains("┃›•"))
        .count();
    assert_eq!(marked, 3, "each matching event is marked");
    assert!(
        hit(s.detail.inner) >= "memorand".len(),
        "detail text highlighted"
    );
    // A search with no match says so, and n says so again.
    press(&mut app, &["/", "text:zzzz", "Enter"]);
    assert_eq!(app.message(), Some("no match for “zzzz”"));
    press(&mut app, &["n"]);
    assert_eq!(app.message(), Some("no match for “zzzz”"));
    // Esc in the prompt leaves the search as it was.
    press(&mut app, &["/", "text:abc", "Esc"]);
    assert_eq!(app.search().map(|s| s.query.as_str()), Some("zzzz"));
}

#[test]
fn esc_closes_what_is_open_then_clears_the_search_then_the_filters() {
    let mut app = open(
        BUNDLED,
        &args(|a| {
            a.speakers = vec!["peskov".into()];
            a.search = Some("week".into());
        }),
        120,
        40,
    );
    assert_eq!(app.shown().len(), 2);
    for open in ["?", "r", "s", "/"] {
        press(&mut app, &[open]);
        assert_ne!(app.mode(), Mode::Timeline, "{open}");
        press(&mut app, &["Esc"]);
        assert_eq!(app.mode(), Mode::Timeline, "{open}");
        assert!(app.search().is_some(), "{open}");
    }
    let event = id(&app);
    press(&mut app, &["Esc"]);
    assert!(app.search().is_none());
    assert_eq!(app.shown().len(), 2);
    press(&mut app, &["Esc"]);
    assert!(app.filter().speakers.is_empty());
    assert_eq!(app.shown().len(), 23);
    assert_eq!(id(&app), event, "the selected event stays selected");
    press(&mut app, &["Esc"]);
    assert_eq!(app.message(), Some("nothing to clear; q quits"));
}

#[test]
fn tab_shift_tab_and_enter_move_focus_between_panes() {
    let mut app = bundled(120, 40);
    assert_eq!(app.focus(), Focus::Timeline);
    press(&mut app, &["Tab"]);
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!(app.link(), None, "the pane itself is focused, no link yet");
    press(&mut app, &["Shift-Tab"]);
    assert_eq!(app.focus(), Focus::Timeline);
    press(&mut app, &["Shift-Tab"]);
    assert_eq!(app.focus(), Focus::Detail);
    press(&mut app, &["Shift-Tab", "j", "Enter"]);
    assert_eq!(app.focus(), Focus::Detail);
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
        if app.focus() == Focus::Timeline {
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
fn question_mark_shows_help_listing_every_key_from_the_one_table() {
    let mut app = bundled(120, 40);
    press(&mut app, &["?"]);
    assert_eq!(app.mode(), Mode::Help);
    let help: Vec<String> = keymap::help_document(100)
        .iter()
        .map(|l| l.iter().map(|s| s.text.as_str()).collect())
        .collect();
    for b in keymap::KEYS {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        let row = format!("  {:<18}{}", keys.join(" "), b.help);
        assert!(help.contains(&row), "help lacks {row:?}");
    }
    // Every line can be scrolled into view, and ? closes the overlay.
    let mut seen = String::new();
    for _ in 0..help.len() {
        seen.push_str(&screen(&app));
        press(&mut app, &["j"]);
    }
    for b in keymap::KEYS {
        assert!(seen.contains(b.help), "never shown: {}", b.help);
    }
    assert!(seen.contains("it never hides events"));
    press(&mut app, &["?"]);
    assert_eq!(app.mode(), Mode::Timeline);
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
    let area = layout::strip(panes.timeline.inner).1;
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
    let d = panes.detail.inner;
    app.update(Action::Click {
        column: d.x + 3,
        row: d.y + 3,
    });
    assert_eq!(app.focus(), Focus::Detail);
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
    let t = layout::strip(layout::screen(app.size()).unwrap().timeline.inner).1;
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
fn launch_filters_open_already_filtered_and_a_launch_search_only_highlights() {
    let app = open(BUNDLED, &args(|a| a.round = Some(2)), 120, 40);
    assert_eq!(app.shown().len(), 1);
    assert!(screen(&app).contains("1/1 of 23"));
    assert!(screen(&app).contains("round: Round 2"));
    let app = open(
        BUNDLED,
        &args(|a| a.speakers = vec!["Vladimir Medinsky".into()]),
        120,
        40,
    );
    assert!(app.shown().len() > 5);
    assert!(
        detail_text(&app, 80)
            .iter()
            .any(|l| l.starts_with("By Vladimir Medinsky"))
    );
    let app = open(
        BUNDLED,
        &args(|a| a.search = Some("Çırağan".into())),
        120,
        40,
    );
    assert_eq!(app.shown().len(), 23);
    // The first event naming the palace: the press conference expected there.
    assert_eq!(id(&app), "r3-press-conference");
    assert!(screen(&app).contains("search: “Çırağan”"));
    assert!(footer(&app).contains("match 1/"), "{}", footer(&app));
}

const WARNED: &str = r#"Timeline(
    title: "Warned",
    sources: [Source(id: "s", outlet: "Outlet")],
    participants: [Participant(id: "p", name: "Pat")],
    events: [
        Event(id: "a", when: "2025-01-02", title: "Attributed", sources: ["s"]),
        Event(id: "b", when: "2025-01-03", title: "Unattributed"),
    ],
)"#;

#[test]
fn load_warnings_and_messages_show_in_the_footer() {
    let mut app = open(WARNED, &FilterArgs::default(), 100, 20);
    let f = footer(&app);
    assert!(f.contains("warning:"), "{f}");
    assert!(f.contains("⚠ 2 warnings"), "{f}");
    // The message gives way to the keys; the warning count stays.
    press(&mut app, &["j"]);
    let f = footer(&app);
    assert!(f.contains("j/k move") && f.contains("⚠ 2 warnings"), "{f}");
    // Pickers and rounds that have nothing to offer say so.
    press(&mut app, &["r"]);
    assert_eq!(app.message(), Some("this timeline declares no rounds"));
    press(&mut app, &["s"]);
    assert_eq!(
        app.message(),
        Some("nobody is quoted or makes a claim in this timeline")
    );
    press(&mut app, &["n"]);
    assert_eq!(app.message(), Some("no search: press / to search"));
}

#[test]
fn no_color_keeps_bold_and_reverse_but_draws_no_colour() {
    let mut app = open(
        BUNDLED,
        &args(|a| a.search = Some("peskov".into())),
        120,
        40,
    )
    .without_color();
    press(&mut app, &["Tab"]);
    let buf = draw(&app);
    let reset = ratatui::style::Color::Reset;
    assert!(buf.content().iter().all(|c| c.fg == reset && c.bg == reset));
    let has = |m| buf.content().iter().any(|c| c.modifier.contains(m));
    assert!(has(ratatui::style::Modifier::REVERSED));
    assert!(has(ratatui::style::Modifier::BOLD));
    assert!(
        has(ratatui::style::Modifier::UNDERLINED),
        "matches stay visible"
    );
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

// ---------------------------------------------------------------- whole screens

#[test]
fn snapshot_bundled_at_120x40() {
    let app = bundled(120, 40);
    insta::assert_snapshot!("bundled_120x40", screen(&app));
}

#[test]
fn snapshot_disputed_claims_shown_from_both_sides_at_120x40() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]", "]", "]", "]", "Tab", "PgDn"]);
    insta::assert_snapshot!("disputed_120x40", screen(&app));
}

#[test]
fn snapshot_speaker_filter_at_120x40() {
    let mut app = bundled(120, 40);
    press(&mut app, &["s", "text:peskov", "Enter"]);
    insta::assert_snapshot!("speaker_filter_120x40", screen(&app));
}

#[test]
fn snapshot_round_picker_at_120x40() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]", "]", "]", "r"]);
    insta::assert_snapshot!("round_picker_120x40", screen(&app));
}

#[test]
fn snapshot_search_at_80x24() {
    let mut app = bundled(80, 24);
    press(&mut app, &["/", "text:memorand", "Enter", "n"]);
    insta::assert_snapshot!("search_80x24", screen(&app));
}

#[test]
fn snapshot_help_at_80x24() {
    let mut app = bundled(80, 24);
    press(&mut app, &["?"]);
    insta::assert_snapshot!("help_80x24", screen(&app));
}

#[test]
fn snapshot_speaker_picker_at_80x24() {
    let mut app = bundled(80, 24);
    press(&mut app, &["s", "text:vla"]);
    insta::assert_snapshot!("speaker_picker_80x24", screen(&app));
}

#[test]
fn snapshot_bundled_at_40x12() {
    let mut app = bundled(40, 12);
    press(&mut app, &["]", "]", "]", "]"]);
    insta::assert_snapshot!("bundled_40x12", screen(&app));
}

#[test]
fn snapshot_help_at_40x12() {
    let mut app = bundled(40, 12);
    press(&mut app, &["?"]);
    insta::assert_snapshot!("help_40x12", screen(&app));
}

#[test]
fn snapshot_too_small() {
    let app = bundled(19, 6);
    insta::assert_snapshot!("too_small_19x6", screen(&app));
}

// ---------------------------------------------------------------- hostile text

const HOSTILE: &str = include_str!("fixtures/tui/hostile.ron");

/// Characters that must never reach the terminal: controls, and bidi embeddings, overrides
/// and isolates.
fn is_dangerous(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn assert_inert(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            assert!(
                !s.chars().any(is_dangerous),
                "{what}: cell ({x}, {y}) holds {s:?}\n{}",
                plain(buf)
            );
        }
    }
}

/// Every event of the hostile file, scrolled through, with pickers, help and a search.
#[test]
fn hostile_text_never_reaches_the_terminal_and_wide_text_keeps_borders_in_place() {
    for (w, h) in [(120, 40), (100, 30), (80, 24), (41, 12)] {
        let mut app = open(HOSTILE, &args(|a| a.search = Some("ｆｕｌｌ".into())), w, h);
        let layout = layout::screen(app.size()).unwrap();
        let n = app.shown().len();
        assert_eq!(n, 4);
        press(&mut app, &["g"]);
        for _ in 0..n {
            press(&mut app, &["Tab"]);
            loop {
                let buf = draw(&app);
                let what = format!(
                    "{w}×{h}, {}, line {}",
                    id(&app).escape_debug(),
                    app.detail_scroll()
                );
                assert_inert(&buf, &what);
                if !layout.stacked {
                    // The four vertical borders stay in their columns on every body row.
                    let cols = [
                        layout.timeline.outer.x,
                        layout.timeline.outer.right() - 1,
                        layout.detail.outer.x,
                        layout.detail.outer.right() - 1,
                    ];
                    for y in layout.timeline.inner.y..layout.timeline.inner.bottom() {
                        for x in cols {
                            let s = buf[(x, y)].symbol();
                            assert!(
                                s == "│" || s == "┃",
                                "{what}: ({x}, {y}) is {s:?}\n{}",
                                plain(&buf)
                            );
                        }
                    }
                }
                let before = app.detail_scroll();
                press(&mut app, &["PgDn"]);
                if app.detail_scroll() == before {
                    break;
                }
            }
            press(&mut app, &["Tab", "j"]);
        }
        for keys in [
            &["r"][..],
            &["s"],
            &["s", "text:name"],
            &["?"],
            &["/", "text:\u{1b}[2J"],
        ] {
            press(&mut app, keys);
            assert_inert(&draw(&app), &format!("{w}×{h} with {keys:?}"));
            press(&mut app, &["Esc"]);
        }
        // The speaker filter puts hostile names in the title bar and messages.
        press(&mut app, &["s", "Enter"]);
        assert_inert(&draw(&app), &format!("{w}×{h} filtered"));
    }
}

#[test]
fn hostile_text_is_shown_as_visible_escapes() {
    let mut app = open(HOSTILE, &FilterArgs::default(), 120, 40);
    press(&mut app, &["g", "j", "j"]);
    let s = screen(&app);
    assert!(s.contains(r"Hostile \x1b[2J\x1b]0;pwned\x07 title"), "{s}");
    assert!(s.contains(r"Line two    with tab\x07\x00\u{9b}31m"), "{s}");
    assert!(s.contains(r"bidi \u{202e}override\u{202c}"), "{s}");
    assert!(s.contains(r"Id        e1\x1b[2J"), "{s}");
}

// ---------------------------------------------------------------- every size

fn open_overlays() -> Vec<Vec<&'static str>> {
    vec![
        vec![],
        vec!["?", "G"],
        vec!["r"],
        vec!["s", "text:v"],
        vec!["/", "text:long query typed into a small prompt"],
        vec!["Tab", "G"],
    ]
}

/// Draws at every width 1..=200 (a few heights) and every height 1..=60 (a few widths),
/// resizing the same app from one size to the next, with `keys` pressed first.
fn sweep(keys: &[&str]) {
    for source in [BUNDLED, HOSTILE] {
        let mut app = open(source, &FilterArgs::default(), 80, 24);
        press(&mut app, &["]", "]", "]"]);
        press(&mut app, keys);
        let sizes = (1..=200u16)
            .flat_map(|w| [1, 2, 6, 12, 40].map(|h| (w, h)))
            .chain((1..=60u16).flat_map(|h| [1, 19, 20, 99, 100, 200].map(|w| (w, h))));
        for (w, h) in sizes {
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            // Straight into a buffer: the same drawing code as a terminal, without one.
            let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
            (&app).render(buf.area, &mut buf);
        }
    }
}

#[test]
fn no_size_panics() {
    sweep(&[]);
}

#[test]
fn no_size_panics_with_the_detail_scrolled_to_its_end() {
    sweep(&["Tab", "G"]);
}

#[test]
fn no_size_panics_with_help_open() {
    sweep(&["?", "G"]);
}

#[test]
fn no_size_panics_with_the_round_picker_open() {
    sweep(&["r", "j"]);
}

#[test]
fn no_size_panics_with_the_speaker_picker_open() {
    sweep(&["s", "text:v", "↓"]);
}

#[test]
fn no_size_panics_with_the_search_prompt_open() {
    sweep(&["/", "text:long query typed into a small prompt"]);
}

#[test]
fn shrinking_and_growing_between_frames_on_one_terminal_does_not_panic() {
    for keys in open_overlays() {
        let mut app = open(HOSTILE, &FilterArgs::default(), 200, 60);
        press(&mut app, &keys);
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
        let steps = (0..60u16)
            .map(|i| (200 - i * 3, 60 - i))
            .chain((1..=60u16).map(|i| (i * 3, i)))
            .chain([
                (200, 60),
                (1, 1),
                (120, 40),
                (20, 6),
                (19, 6),
                (100, 40),
                (99, 40),
            ]);
        for (w, h) in steps {
            term.backend_mut().resize(w, h);
            app.update(Action::Resize {
                width: w,
                height: h,
            });
            press(&mut app, &["j"]);
            term.draw(|f| ui::render(&app, f)).expect("draws");
            // A key between frames at every size, and a mouse event anywhere.
            app.update(Action::Click {
                column: w / 2,
                row: h / 2,
            });
            app.update(Action::Wheel {
                column: w / 3,
                row: h / 3,
                down: true,
            });
            term.draw(|f| ui::render(&app, f)).expect("draws");
        }
    }
}

// ---------------------------------------------------------------- issue 10: analyst filters

#[test]
fn the_browser_opens_with_the_analyst_filters_and_names_them_in_the_header() {
    let app = open(
        BUNDLED,
        &args(|a| {
            a.anonymous = true;
            a.source = Some("rt".into());
        }),
        120,
        40,
    );
    let s = screen(&app);
    assert!(s.contains("source: RT · anonymous"), "{s}");
    // The three RT events with a claim from an unnamed source, and nothing else.
    assert!(s.contains(" 1/3 of "), "{s}");
}

#[test]
fn a_filter_that_keeps_nothing_says_why_in_the_detail_pane() {
    let app = open(
        BUNDLED,
        &args(|a| a.speakers = vec!["umerov".into()]),
        120,
        40,
    );
    let s = screen(&app);
    for line in [
        "│No event passes the filter: Rustem Umerov is never quoted and   │",
        "│makes no claim, but takes part in 9 events: try --participant   │",
        "│umerov. Esc clears it.    ",
    ] {
        assert!(s.contains(line), "{line} not in\n{s}");
    }
}

#[test]
fn f_opens_the_filter_menu_and_enter_turns_a_filter_on_then_off() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f"]);
    assert_eq!(app.mode(), Mode::Filters);
    let s = screen(&app);
    assert!(s.contains("Filters ("), "{s}");
    assert!(
        s.contains("› anonymous: quotes and claims from unnamed sources"),
        "{s}"
    );
    // "anonymous" is the first choice: Enter turns it on.
    press(&mut app, &["Enter"]);
    assert_eq!(app.mode(), Mode::Timeline);
    assert!(app.filter().anonymous);
    assert_eq!(app.message(), Some("filter on: anonymous · 4 events shown"));
    assert!(screen(&app).contains("· anonymous"));
    // Typing narrows to one outlet; a second filter joins the first.
    press(&mut app, &["f", "text:source: rt", "Enter"]);
    assert_eq!(
        app.message(),
        Some("filter on: source: RT · 3 events shown")
    );
    assert!(
        screen(&app).contains("source: RT · anonymous"),
        "{}",
        screen(&app)
    );
    // The menu marks what is on; Enter on it turns it off.
    press(&mut app, &["f", "text:anonym"]);
    assert!(screen(&app).contains("on"), "{}", screen(&app));
    press(&mut app, &["Enter"]);
    assert!(!app.filter().anonymous);
    assert_eq!(
        app.message(),
        Some("filter off: anonymous · 19 events shown")
    );
    // Nothing by that name: the menu stays open and says so.
    press(&mut app, &["f", "text:zzz", "Enter"]);
    assert_eq!(app.mode(), Mode::Filters);
    assert_eq!(app.message(), Some("no filter matches “zzz”"));
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::Timeline);
}

#[test]
fn snapshot_filter_menu_80x24() {
    let mut app = bundled(80, 24);
    press(&mut app, &["f", "text:via"]);
    insta::assert_snapshot!("filter_menu_80x24", screen(&app));
}

#[test]
fn snapshot_statements_view_at_120x40() {
    let mut app = bundled(120, 40);
    press(&mut app, &["v"]);
    insta::assert_snapshot!("statements_120x40", screen(&app));
}

#[test]
fn snapshot_statements_view_at_80x24() {
    let mut app = bundled(80, 24);
    press(&mut app, &["v", "]", "]"]);
    insta::assert_snapshot!("statements_80x24", screen(&app));
}

/// The statements view, on the claim that the next meeting is being prepared, which another
/// claim confirms and a third disputes.
fn on_a_disputed_confirmed_claim(w: u16, h: u16) -> App {
    let mut app = bundled(w, h);
    press(&mut app, &["v", "/", "text:next meeting", "Enter"]);
    let at = app.selected_statement().expect("a statement is selected");
    assert_eq!(at.kind(), statement::Kind::Claim);
    app
}

#[test]
fn snapshot_provenance_at_120x40() {
    let mut app = on_a_disputed_confirmed_claim(120, 40);
    press(&mut app, &["Tab", "PgDn"]);
    insta::assert_snapshot!("provenance_120x40", screen(&app));
}

#[test]
fn snapshot_provenance_at_80x24() {
    let mut app = on_a_disputed_confirmed_claim(80, 24);
    press(&mut app, &["Tab", "Tab"]);
    insta::assert_snapshot!("provenance_80x24", screen(&app));
}

#[test]
fn v_switches_to_statements_and_back_on_the_same_event() {
    let mut app = bundled(120, 40);
    press(&mut app, &["]", "]", "]", "]", "j"]);
    let event = id(&app);
    press(&mut app, &["v"]);
    assert_eq!(app.view(), View::Statements);
    assert_eq!(id(&app), event, "the same event's first statement");
    let first = app.selected_statement().unwrap();
    assert_eq!(
        (first.event, first.index()),
        (app.selected_pos().unwrap(), 0)
    );
    assert!(screen(&app).contains("┏ Statements"));
    // Every quote and claim of the timeline is a row, in timeline order.
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    let all: usize = t
        .events
        .iter()
        .map(|e| e.quotes.len() + e.claims.len())
        .sum();
    let rows: Vec<_> = app.statements().collect();
    assert_eq!(rows.len(), all);
    assert!(rows.windows(2).all(|w| w[0].order() < w[1].order()));
    // Moving in the statements view moves by statement; back in the events view, the event
    // of the statement selected is selected.
    press(&mut app, &["G"]);
    let last = app.selected_pos().unwrap();
    press(&mut app, &["v"]);
    assert_eq!(app.view(), View::Events);
    assert_eq!(app.selected_pos(), Some(last));
    assert!(
        app.statements().len() == 0,
        "no statement rows kept in the events view"
    );
}

#[test]
fn filters_search_and_round_jumps_work_in_the_statements_view() {
    let mut app = bundled(120, 40);
    press(&mut app, &["v", "s", "text:peskov", "Enter"]);
    let peskov = participant(&app, "peskov");
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    assert_ne!(app.statements().len(), 0);
    for at in app.statements() {
        let e = &t.events[at.event as usize];
        let who = match at.kind() {
            statement::Kind::Quote => Some(e.quotes[at.index()].speaker.ix()),
            statement::Kind::Claim => e.claims[at.index()].by.map(|r| r.ix()),
        };
        assert_eq!(who, Some(peskov as usize), "only Peskov's statements");
    }
    assert!(
        footer(&app).contains("statements by Dmitry Peskov"),
        "{}",
        footer(&app)
    );
    // A search selects the first matching statement; n steps to the next.
    press(&mut app, &["/", "text:breakthrough", "Enter"]);
    let hit = app.selected_statement().unwrap();
    let index = Index::build(t);
    let s = statement::Statement::read(t, &index, hit);
    assert!(s.text.to_lowercase().contains("breakthrough"), "{}", s.text);
    // Round jumps go to the first statement under the next round header.
    press(&mut app, &["Esc", "Esc", "g", "]"]);
    let r = app.round_at(app.selected());
    assert!(r.is_some());
    assert_ne!(app.round_at(0), r);
    assert!(app.selected() == 0 || app.round_at(app.selected() - 1) != r);
}

#[test]
fn enter_on_a_linked_claim_goes_to_it_and_ctrl_o_comes_back() {
    let mut app = on_a_disputed_confirmed_claim(120, 40);
    let from = app.selected_statement().unwrap();
    // Tab to the pane, Tab to its first link: the other claim of the corroboration group,
    // in another event.
    press(&mut app, &["Tab", "Tab"]);
    let target = app.selected_statement().unwrap();
    assert_ne!(target, from);
    assert_ne!(
        target.event, from.event,
        "the linked claim is in another event"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_statement(), Some(target));
    assert_eq!(app.selected_pos(), Some(target.event));
    assert!(
        footer(&app).contains("Ctrl-o goes back"),
        "{}",
        footer(&app)
    );
    press(&mut app, &["Ctrl-o"]);
    assert_eq!(app.selected_pos(), Some(from.event));
    // Back on the row, with the link that was followed selected again.
    assert_eq!(app.statement_at(app.selected()), Some(from));
    press(&mut app, &["Ctrl-o"]);
    assert!(
        footer(&app).contains("no earlier place"),
        "{}",
        footer(&app)
    );
    // In the events view, Enter on a link selects its event with the link on it.
    press(&mut app, &["v", "Enter", "Tab"]);
    while app
        .selected_statement()
        .is_some_and(|s| s.event == from.event)
    {
        press(&mut app, &["Tab"]);
    }
    let target = app.selected_statement().unwrap();
    press(&mut app, &["Enter"]);
    assert_eq!(app.selected_pos(), Some(target.event));
    assert_eq!(app.selected_statement(), Some(target));
    press(&mut app, &["Ctrl-o"]);
    assert_eq!(app.selected_pos(), Some(from.event));
}

#[test]
fn y_copies_the_selected_statement_with_its_citation_and_says_so() {
    let mut app = on_a_disputed_confirmed_claim(120, 40);
    let at = app.selected_statement().unwrap();
    press(&mut app, &["y"]);
    let copied = app.take_copy().expect("something to copy");
    let doc = Arc::clone(app.document());
    let t = doc.timeline();
    assert_eq!(
        copied,
        roundtable::report::citation::citation(t, &Index::build(t), at)
    );
    assert!(copied.starts_with("The next meeting"), "{copied}");
    assert!(
        copied.contains("— claimed by Volodymyr Zelensky, President of Ukraine, Ukraine · Xinhua"),
        "{copied}"
    );
    app.update(Action::Copied(roundtable::clipboard::Copied::Osc52));
    assert!(
        footer(&app).trim().starts_with(
            "copied Volodymyr Zelensky’s claim with its citation (OSC 52, through the terminal)"
        ),
        "{}",
        footer(&app)
    );
    // In the events view, with no link selected, there is nothing to copy but the event (Y).
    press(&mut app, &["v", "y"]);
    assert!(app.take_copy().is_none());
    assert!(
        footer(&app).contains("no quote or claim selected"),
        "{}",
        footer(&app)
    );
}

// ---------------------------------------------------------------- reloading

/// The bundled file with `edit` applied, loaded as a new document.
fn edited(edit: impl Fn(&str) -> String) -> Arc<Document> {
    let text = edit(BUNDLED);
    Arc::new(
        Document::load("test.ron", text)
            .unwrap_or_else(|f| panic!("the edit loads: {:?}", f.diagnostics)),
    )
}

#[test]
fn a_new_version_keeps_the_selected_event_view_filter_and_search() {
    let mut app = bundled(120, 40);
    press(
        &mut app,
        &[
            "s",
            "text:peskov",
            "Enter",
            "/",
            "text:round",
            "Enter",
            "v",
            "j",
        ],
    );
    let event = id(&app);
    let statement = app.selected_statement().unwrap();
    let shown = app.statements().len();
    // A new event at the top of the list moves every position by one.
    let _old = app.replace_document(edited(|t| {
        t.replacen(
            "events: [",
            "events: [\n        Event(id: \"added-first\", when: \"2020\", title: \"Added\", sources: [\"xinhua-2025-07-23\"]),",
            1,
        )
    }));
    assert_eq!(id(&app), event, "the same event, by id");
    assert_eq!(app.view(), View::Statements);
    let now = app.selected_statement().unwrap();
    assert_eq!(
        (now.kind(), now.index()),
        (statement.kind(), statement.index())
    );
    assert_eq!(now.event, statement.event + 1);
    assert_eq!(
        app.statements().len(),
        shown,
        "the speaker filter still holds"
    );
    assert!(app.search().is_some_and(|s| s.query == "round"));
    assert!(
        footer(&app).contains("reloaded test.ron: 24 events (was 23)"),
        "{}",
        footer(&app)
    );
}

#[test]
fn a_filter_naming_what_is_gone_is_dropped_and_said() {
    let mut app = bundled(120, 40);
    press(&mut app, &["s", "text:peskov", "Enter"]);
    let renamed = edited(|t| t.replace("\"peskov\"", "\"kremlin-spokesman\""));
    drop(app.replace_document(renamed));
    assert!(app.filter().speakers.is_empty());
    assert_eq!(app.shown().len(), app.timeline().events.len());
    assert!(
        footer(&app).contains("filter dropped: Dmitry Peskov"),
        "{}",
        footer(&app)
    );
}

#[test]
fn a_bad_save_keeps_the_last_good_version_and_e_lists_its_errors() {
    let mut app = bundled(140, 40);
    let before = screen(&app);
    app.reload_failed(roundtable::app::reload::Problems {
        errors: 2,
        first: "talks.ron:3:9: error: expected a string".into(),
        all: "talks.ron:3:9: error: expected a string\ntalks.ron:9:1: error: missing `)`\n".into(),
    });
    let s = screen(&app);
    assert!(s.contains("the last save has 2 errors"), "{s}");
    assert!(s.contains("talks.ron:3:9"), "{s}");
    // The timeline itself is the same.
    assert_eq!(before.lines().nth(3), s.lines().nth(3));
    press(&mut app, &["E"]);
    let s = screen(&app);
    assert!(s.contains("Errors in test.ron"), "{s}");
    assert!(s.contains("talks.ron:9:1: error: missing `)`"), "{s}");
    press(&mut app, &["Esc"]);
    // The next good save clears it.
    drop(app.replace_document(edited(str::to_string)));
    assert!(app.problems().is_none());
    assert!(!screen(&app).contains("the last save has"));
}
