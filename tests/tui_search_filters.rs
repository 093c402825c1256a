//! Narrowing and finding in the browser: the speaker picker and the filter menu, filters given
//! at launch and named in the header, search with n/N (which hides nothing), and Esc undoing
//! them in turn.

#[path = "support/tui.rs"]
mod harness;

use harness::{args, bundled, detail_text, draw, footer, id, open, participant, press, screen};
use roundtable::app::{Mode, Overlay, Pane, layout};
use roundtable::model::BUNDLED;

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
fn the_speaker_picker_says_why_a_participant_who_never_speaks_is_not_listed() {
    let mut app = bundled(120, 40);
    press(&mut app, &["s", "text:umerov"]);
    let Overlay::Picker(p) = app.overlay() else {
        panic!("no picker")
    };
    assert!(p.items.is_empty());
    let s = screen(&app);
    // Wrapped to the picker's width, each line as the user reads it.
    for line in [
        "  Rustem Umerov is never quoted and makes no claim, but takes part in 9",
        "  events",
        "  f, then “participant: Rustem Umerov”, shows them",
    ] {
        assert!(s.contains(line), "{line} not in\n{s}");
    }
    assert!(!s.contains("nobody by that name"), "{s}");
    // A name that is nobody's still says so.
    press(&mut app, &["text:zzz"]);
    assert!(screen(&app).contains("nobody by that name"));
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
        hit(s.pane(Pane::Timeline).inner) >= "memorand".len(),
        "timeline titles highlighted"
    );
    let marked = screen(&app)
        .lines()
        .filter(|l| l.contains("┃ •") || l.contains("┃›•"))
        .count();
    assert_eq!(marked, 3, "each matching event is marked");
    assert!(
        hit(s.pane(Pane::Detail).inner) >= "memorand".len(),
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
        &args(|a| a.speakers = vec!["peskov".into()]),
        120,
        40,
    );
    press(&mut app, &["/", "text:week", "Enter"]);
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
fn launch_filters_open_already_filtered_a_launch_search_too() {
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
    // `--search` hides what it does not find, as `list --search` does: the same events.
    let mut app = open(
        BUNDLED,
        &args(|a| a.search = Some("Çırağan".into())),
        120,
        40,
    );
    let listed = ["r3-press-conference", "r3-talks-end"];
    let shown: Vec<&str> = app
        .shown()
        .iter()
        .map(|&p| &*app.timeline().events[p as usize].id.value)
        .collect();
    assert_eq!(shown, listed);
    let s = screen(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.contains(" · search: “Çırağan” "), "{s}");
    assert!(header.ends_with(" 1/2 of 23"), "{s}");
    assert!(
        app.search().is_none(),
        "no `/` search is run: nothing to step through"
    );
    // Esc clears it with the other filters.
    press(&mut app, &["Esc"]);
    assert!(app.filter().search.is_none());
    assert_eq!(app.shown().len(), 23);
    assert_eq!(app.message(), Some("filters cleared: all 23 events"));
}

#[test]
fn the_statements_view_under_a_search_filter_lists_what_the_statements_command_does() {
    let mut app = open(BUNDLED, &args(|a| a.search = Some("swap".into())), 120, 40);
    press(&mut app, &["v"]);
    // `roundtable statements --search swap`: the 7 quotes and claims of the 3 events.
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap_or_default()
            .ends_with(" 1/7 statements"),
        "{s}"
    );
}

#[test]
fn the_search_filter_and_the_slash_search_are_told_apart_in_the_header() {
    let mut app = open(BUNDLED, &args(|a| a.search = Some("swap".into())), 120, 40);
    press(&mut app, &["/", "text:defense", "Enter"]);
    let s = screen(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.contains(" · search: “swap” · /defense "), "{s}");
    // The `/` search steps through the shown events only; Esc clears it first.
    assert_eq!(id(&app), "r3-defense-ministry-swap");
    press(&mut app, &["Esc"]);
    assert!(app.search().is_none());
    assert_eq!(app.filter().search.as_deref(), Some("swap"));
}

#[test]
fn a_search_filter_that_finds_nothing_says_so_in_the_detail_pane() {
    let app = open(BUNDLED, &args(|a| a.search = Some("zzzz".into())), 120, 40);
    let [said] = &detail_text(&app, 1000)[..] else {
        panic!("one paragraph: {}", screen(&app));
    };
    assert_eq!(
        said,
        "No event passes the filter: no event mentions it (search: “zzzz”). Esc clears it."
    );
}

#[test]
fn the_browser_opens_with_the_analyst_filters_and_names_them_in_the_header() {
    let app = open(
        BUNDLED,
        &args(|a| {
            a.anonymous = true;
            a.sources = vec!["rt".into()];
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
        "│makes no claim, but takes part in 9 events: f, then             │",
        "│“participant: Rustem Umerov”, shows them. Esc clears it.        │",
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
        Some("filters on: source: RT · anonymous · 3 events shown")
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
        Some("filter off: anonymous · still on: source: RT · 19 events shown")
    );
    // No source by that name: the menu stays open and says so.
    press(&mut app, &["f", "text:source: zzz", "Enter"]);
    assert_eq!(app.mode(), Mode::Filters);
    assert_eq!(app.message(), Some("no filter matches “source: zzz”"));
    press(&mut app, &["Esc"]);
    assert_eq!(app.mode(), Mode::Timeline);
}

#[test]
fn the_footer_names_every_filter_on_as_the_header_does_or_counts_them_when_they_do_not_fit() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:anonymous", "Enter"]);
    press(&mut app, &["f", "text:source: rt", "Enter"]);
    let s = screen(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.contains(" · source: RT · anonymous "), "{s}");
    assert!(
        footer(&app).starts_with(" filters on: source: RT · anonymous · 3 events shown "),
        "{s}"
    );
    press(&mut app, &["f", "text:disputed", "Enter"]);
    assert!(
        footer(&app).starts_with(" filters on: source: RT · anonymous · disputed · "),
        "{}",
        screen(&app)
    );
    // Turned off, the filter is named and those still on too.
    press(&mut app, &["f", "text:anonymous", "Enter"]);
    assert!(
        footer(&app).starts_with(" filter off: anonymous · still on: source: RT · disputed · "),
        "{}",
        screen(&app)
    );
    // Too narrow for their names: how many.
    let mut app = bundled(50, 20);
    press(&mut app, &["f", "text:anonymous", "Enter"]);
    press(&mut app, &["f", "text:source: rt", "Enter"]);
    press(&mut app, &["f", "text:disputed", "Enter"]);
    let f = footer(&app);
    assert!(
        f.starts_with(" filter on: disputed · 3 filters on · "),
        "{f}"
    );
    assert!(f.ends_with("? help"), "{f}");
}

#[test]
fn the_filter_menu_finds_a_label_by_its_words_without_its_punctuation() {
    for typed in ["source rt", "rt", "Source:RT"] {
        let mut app = bundled(120, 40);
        press(&mut app, &["f", &format!("text:{typed}")]);
        let s = screen(&app);
        assert!(s.contains("› source: RT"), "{typed}: {s}");
        press(&mut app, &["Enter"]);
        assert!(
            footer(&app).starts_with(" filter on: source: RT · 19 events shown"),
            "{typed}: {}",
            screen(&app)
        );
    }
}

#[test]
fn esc_out_of_a_filter_that_keeps_nothing_comes_back_to_the_event_selected_before_it() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:anonymous", "Enter", "G"]);
    assert_eq!(
        id(&app),
        "r3-talks-end",
        "the last of the 4 anonymous events"
    );
    // Anonymous and corroborated together keep nothing: there is no selection.
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    assert!(app.is_empty());
    press(&mut app, &["Esc"]);
    assert_eq!(app.message(), Some("filters cleared: all 23 events"));
    assert_eq!(id(&app), "r3-talks-end");
    // The same through a second filter that shows events again.
    press(&mut app, &["f", "text:anonymous", "Enter"]);
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    assert!(app.is_empty());
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    assert_eq!(id(&app), "r3-talks-end");
}

#[test]
fn a_filter_that_keeps_nothing_counts_in_the_unit_of_the_view() {
    let mut app = bundled(120, 40);
    press(&mut app, &["v", "f", "text:anonymous", "Enter"]);
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    assert!(app.is_empty());
    let s = screen(&app);
    assert!(
        s.contains("No quote or claim passes every filter at once"),
        "{s}"
    );
    assert!(s.contains("anonymous alone"), "{s}");
    assert!(s.contains("keeps 5 quotes and claims"), "{s}");
    // The main pane says it in the view's unit too, of both filters.
    assert!(
        s.contains("No quote or claim passes. Esc clears the filters."),
        "{s}"
    );
    // Back in the events view, the same filter counted in events.
    press(&mut app, &["v"]);
    let s = screen(&app);
    assert!(s.contains("No event passes every filter at once"), "{s}");
    assert!(s.contains("anonymous alone keeps 4"), "{s}");
    assert!(
        s.contains("No event passes. Esc clears the filters."),
        "{s}"
    );
}

#[test]
fn a_part_that_keeps_nothing_among_several_is_named_in_the_plural() {
    let app = open(
        BUNDLED,
        &args(|a| {
            a.disputed = true;
            a.via = Some("nobody relays this".into());
        }),
        120,
        40,
    );
    let [said] = &detail_text(&app, 1000)[..] else {
        panic!("one paragraph: {}", screen(&app));
    };
    assert_eq!(
        said,
        "No event passes the filters: no quote or claim gives this relay \
         (via: “nobody relays this”). Esc clears them."
    );
}

#[test]
fn a_filter_that_keeps_nothing_says_so_once() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:anonymous", "Enter"]);
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    let s = screen(&app);
    assert!(!s.contains("nothing passes"), "{s}");
    let [said] = &detail_text(&app, 1000)[..] else {
        panic!("one paragraph: {s}");
    };
    assert!(
        said.starts_with(
            "No event passes every filter at once: anonymous alone keeps 4 events; \
             corroborated alone keeps "
        ),
        "{said}"
    );
    assert!(said.ends_with(" events. Esc clears them."), "{said}");
}

/// Two statements relayed by TASS, spelled two ways, and one by a source from TASS.
const RELAYS: &str = include_str!("fixtures/valid/relays.ron");

#[test]
fn a_relay_picked_from_the_menu_keeps_that_relay_alone() {
    let mut app = open(RELAYS, &args(|_| {}), 120, 30);
    press(&mut app, &["v", "f", "text:via: TASS", "Enter"]);
    let s = screen(&app);
    assert!(s.contains(" 1/2 statements"), "{s}");
    assert!(!s.contains("From a source."), "{s}");
    // `--via` typed on the command line keeps every relay holding the text.
    let mut app = open(RELAYS, &args(|a| a.via = Some("tass".into())), 120, 30);
    press(&mut app, &["v"]);
    let s = screen(&app);
    assert!(s.contains(" 1/3 statements"), "{s}");
}

#[test]
fn a_relay_picked_from_the_menu_is_spelled_as_the_timeline_first_spells_it_in_header_and_footer() {
    let mut app = open(RELAYS, &args(|_| {}), 120, 30);
    press(&mut app, &["f", "text:via: tass", "Enter"]);
    let s = screen(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.starts_with(" Relays · via: TASS "), "{s}");
    assert!(footer(&app).starts_with(" filter on: via: TASS · "), "{s}");
    // Text typed after `--via` is shown as typed, quoted: it is found in relays.
    let app = open(RELAYS, &args(|a| a.via = Some(" Tass ".into())), 120, 30);
    let s = screen(&app);
    let header = s.lines().next().unwrap_or_default();
    assert!(header.starts_with(" Relays · via: “Tass” "), "{s}");
}

#[test]
fn the_filter_menu_offers_what_is_typed_as_a_search_then_lists_it_to_turn_it_off() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:swap"]);
    let s = screen(&app);
    assert!(s.contains("› search: “swap”"), "{s}");
    assert!(s.contains("  via: “swap”"), "{s}");
    press(&mut app, &["Enter"]);
    // The events `list --search swap` lists.
    assert_eq!(app.filter().search.as_deref(), Some("swap"));
    assert_eq!(app.shown().len(), 3);
    assert_eq!(
        app.message(),
        Some("filter on: search: “swap” · 3 events shown")
    );
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap_or_default()
            .contains(" · search: “swap” "),
        "{s}"
    );
    // Opened again, the menu lists the search first, on; Enter turns it off.
    press(&mut app, &["f"]);
    let s = screen(&app);
    assert!(s.contains("› search: “swap”"), "{s}");
    assert!(s.contains(" on "), "{s}");
    press(&mut app, &["Enter"]);
    assert!(app.filter().is_empty());
    assert_eq!(
        app.message(),
        Some("filter off: search: “swap” · 23 events shown")
    );
    // `search:` typed first offers the search alone.
    press(&mut app, &["f", "text:search: kursk"]);
    let s = screen(&app);
    assert!(s.contains("Filters (1)"), "{s}");
    assert!(s.contains("› search: “kursk”"), "{s}");
}

#[test]
fn the_filter_menu_offers_typed_text_to_find_in_relays_as_via_does() {
    let mut app = open(RELAYS, &args(|_| {}), 120, 30);
    press(&mut app, &["f", "text:via: tass"]);
    // The relay whole first, the longer relay holding it, then the text typed.
    assert_eq!(
        menu(&app),
        [
            ("via: TASS".to_string(), false),
            ("via: a source from  TASS".to_string(), false),
            ("via: “tass”".to_string(), false)
        ]
    );
    press(&mut app, &["↓", "↓", "Enter"]);
    assert_eq!(
        app.message(),
        Some("filter on: via: “tass” · 3 events shown")
    );
    // The same part as `--via tass`: the menu lists it, on, when opened with it.
    let mut launched = open(RELAYS, &args(|a| a.via = Some("tass".into())), 120, 30);
    assert_eq!(launched.filter(), app.filter());
    press(&mut launched, &["f"]);
    let s = screen(&launched);
    assert!(s.contains("› via: “tass”"), "{s}");
    press(&mut launched, &["Enter"]);
    assert!(launched.filter().is_empty());
}

#[test]
fn the_filter_menu_offers_each_round_as_round_does() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:round 2", "Enter"]);
    assert_eq!(
        app.message(),
        Some("filter on: round: Round 2 · 1 event shown")
    );
    assert_eq!(
        app.shown(),
        open(BUNDLED, &args(|a| a.round = Some(2)), 120, 40).shown()
    );
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap_or_default()
            .contains(" · round: Round 2 "),
        "{s}"
    );
    // Launched with `--round 3`, the menu marks that round on.
    let mut app = open(BUNDLED, &args(|a| a.round = Some(3)), 120, 40);
    press(&mut app, &["f", "text:round"]);
    let on: Vec<String> = menu(&app)
        .into_iter()
        .filter_map(|(label, on)| on.then_some(label))
        .collect();
    assert_eq!(
        on,
        ["round: Round 3 · 2025-07-23 · Ciragan Palace, Istanbul"]
    );
}

/// The open filter menu's choices, as listed, each with whether it is on.
fn menu(app: &roundtable::app::App) -> Vec<(String, bool)> {
    let Overlay::Picker(p) = app.overlay() else {
        panic!("the filter menu is not open");
    };
    p.items
        .iter()
        .map(|&i| {
            let label = p.choice(i).expect("a listed choice").label(app.timeline());
            (label, p.is_on(i, app.filter()))
        })
        .collect()
}

#[test]
fn a_relay_picked_from_the_menu_replaces_a_via_text_and_the_footer_says_so() {
    let mut app = open(RELAYS, &args(|a| a.via = Some("tass".into())), 120, 30);
    assert_eq!(app.shown().len(), 3);
    // The text on is listed first, to turn it off; the relay whole next.
    press(&mut app, &["f", "text:via: tass"]);
    assert_eq!(
        menu(&app)[..2],
        [
            ("via: “tass”".to_string(), true),
            ("via: TASS".to_string(), false)
        ]
    );
    press(&mut app, &["↓", "Enter"]);
    assert_eq!(
        app.message(),
        Some("filter on: via: TASS, replacing via: “tass” · 2 events shown")
    );
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap_or_default()
            .starts_with(" Relays · via: TASS "),
        "{s}"
    );
    // With other filters on, they are named after it.
    let mut app = open(
        BUNDLED,
        &args(|a| {
            a.sources = vec!["rt".into()];
            a.via = Some("a source".into());
        }),
        120,
        40,
    );
    press(&mut app, &["f", "text:via: tass", "Enter"]);
    assert_eq!(
        app.message(),
        Some(
            "filter on: via: TASS, replacing via: “a source” · also on: source: RT · 1 event shown"
        )
    );
}

#[test]
fn a_choice_that_replaces_another_of_its_kind_says_which() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:source: rt", "Enter"]);
    press(&mut app, &["f", "text:source: xinhua", "Enter"]);
    let m = app.message().unwrap_or_default();
    assert!(
        m.starts_with("filter on: source: Xinhua, replacing source: RT · "),
        "{m}"
    );
    press(&mut app, &["Esc", "f", "text:single-origin", "Enter"]);
    press(&mut app, &["f", "text:corroborated", "Enter"]);
    let m = app.message().unwrap_or_default();
    assert!(
        m.starts_with("filter on: corroborated, replacing single-origin · "),
        "{m}"
    );
    // The speaker picker replaces the speakers given at launch, and says so too.
    let mut app = open(
        BUNDLED,
        &args(|a| a.speakers = vec!["peskov".into()]),
        120,
        40,
    );
    press(&mut app, &["s", "text:medinsky", "Enter"]);
    let m = app.message().unwrap_or_default();
    assert!(
        m.ends_with(" by Vladimir Medinsky, replacing speaker: Dmitry Peskov"),
        "{m}"
    );
    // Turning on a part of another kind replaces nothing.
    press(&mut app, &["f", "text:disputed", "Enter"]);
    assert!(!app.message().unwrap_or_default().contains("replacing"));
}

#[test]
fn at_80_columns_the_header_names_every_filter_on_not_only_the_first() {
    let mut app = bundled(80, 24);
    let mut names = Vec::new();
    for (typed, name) in [
        ("participant medinsky", "participant"),
        ("source: rt", "source"),
        ("round 3", "round"),
        ("anonymous", "anonymous"),
        ("search: talks", "search"),
        ("via: a source has told RT", "via"),
    ] {
        press(&mut app, &["f", &format!("text:{typed}"), "Enter"]);
        names.push(name);
        let s = screen(&app);
        let header = s.lines().next().unwrap_or_default();
        for name in &names {
            assert!(
                header.contains(&format!(" · {name}")),
                "{name} not in {header}"
            );
        }
    }
}
