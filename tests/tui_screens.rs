//! What the browser draws: whole screens at several sizes compared with committed snapshots
//! (`tests/snapshots/tui_screens__*.snap`), the help overlay listing every key of the one
//! table, the footer's messages and warnings, and `NO_COLOR`.

#[path = "support/tui.rs"]
mod harness;

use harness::{args, bundled, draw, footer, on_a_disputed_confirmed_claim, open, press, screen};
use roundtable::app::{Mode, keymap};
use roundtable::model::BUNDLED;
use roundtable::query::FilterArgs;

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

/// Five filters on and a `/` search: at 80 columns the header names each, without values.
fn five_filters(w: u16, h: u16) -> roundtable::app::App {
    let mut app = open(
        BUNDLED,
        &args(|a| {
            a.sources = vec!["rt".into()];
            a.participant = Some("medinsky".into());
            a.round = Some(3);
            a.anonymous = true;
            a.via = Some("source".into());
        }),
        w,
        h,
    );
    press(&mut app, &["/", "text:talks", "Enter"]);
    app
}

#[test]
fn snapshot_five_filters_in_the_header_at_80x24() {
    insta::assert_snapshot!("five_filters_80x24", screen(&five_filters(80, 24)));
}

#[test]
fn snapshot_five_filters_in_the_header_at_120x40() {
    insta::assert_snapshot!("five_filters_120x40", screen(&five_filters(120, 40)));
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
