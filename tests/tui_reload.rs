//! A new version of the file replacing the shown one: the reader's place, view, filter and
//! search kept; a filter naming what is gone dropped and said; a bad save shown beside the
//! last good version.

#[path = "support/tui.rs"]
mod harness;

use harness::{args, bundled, footer, id, open, press, screen};
use roundtable::app::View;
use roundtable::model::BUNDLED;
use roundtable::query::document::Document;
use std::sync::Arc;

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
fn a_new_version_keeps_the_detail_pane_where_it_was_read_to() {
    let mut app = bundled(80, 24);
    // The first event whose detail pane scrolls three lines: read three lines down into it.
    let len = app.len();
    for row in 0..len {
        press(&mut app, &["g"]);
        for _ in 0..row {
            press(&mut app, &["j"]);
        }
        press(&mut app, &["Tab", "j", "j", "j"]);
        if app.detail_scroll() == 3 {
            break;
        }
        press(&mut app, &["Tab"]);
    }
    let (event, scroll) = (id(&app), app.detail_scroll());
    assert_eq!(scroll, 3);
    let _old = app.replace_document(edited(|t| {
        t.replacen(
            "events: [",
            "events: [\n        Event(id: \"added-first\", when: \"2020\", title: \"Added\", sources: [\"xinhua-2025-07-23\"]),",
            1,
        )
    }));
    assert_eq!(id(&app), event);
    assert_eq!(
        app.detail_scroll(),
        scroll,
        "the detail pane read as far as before"
    );
    assert!(screen(&app).contains("4–"), "{}", screen(&app));
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
fn an_outlet_filter_follows_its_outlet_when_a_source_id_is_renamed() {
    let mut app = open(BUNDLED, &args(|a| a.sources = vec!["rt".into()]), 120, 40);
    let kept = app.shown().len();
    assert!(kept > 0 && kept < app.timeline().events.len());
    let renamed = edited(|t| t.replace("\"rt-live-2025-07-23\"", "\"live-feed-x\""));
    drop(app.replace_document(renamed));
    let t = app.timeline();
    let sources = app.filter().sources.clone().unwrap_or_default();
    let ids: Vec<&str> = sources
        .iter()
        .map(|&s| &*t.sources[s as usize].id.value)
        .collect();
    assert_eq!(ids, ["live-feed-x"]);
    assert_eq!(
        app.shown().len(),
        kept,
        "the same events, cited by the renamed id"
    );
    assert!(!footer(&app).contains("dropped"), "{}", footer(&app));
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

#[test]
fn a_relay_picked_from_the_menu_that_is_gone_is_dropped_and_said_as_a_speaker_is() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:via: a source has told RT", "Enter"]);
    assert_eq!(app.shown().len(), 1);
    let respelled = edited(|t| t.replace("\"a source has told RT\"", "\"an RT source\""));
    drop(app.replace_document(respelled));
    assert!(app.filter().via.is_none());
    assert_eq!(app.shown().len(), app.timeline().events.len());
    assert!(
        footer(&app).contains("filter dropped: via a source has told RT"),
        "{}",
        footer(&app)
    );
    let s = screen(&app);
    assert!(!s.lines().next().unwrap_or_default().contains("via"), "{s}");
}

#[test]
fn a_relay_picked_from_the_menu_stays_while_the_file_still_gives_it() {
    let mut app = bundled(120, 40);
    press(&mut app, &["f", "text:via: tass", "Enter"]);
    let kept = app.shown().len();
    // Another event's relay changes; TASS stays, spelled anew by its first statement.
    let edit = |t: &str| {
        t.replacen("via: \"TASS\"", "via: \"Tass\"", 1)
            .replace("\"a source has told RT\"", "\"an RT source\"")
    };
    drop(app.replace_document(edited(edit)));
    assert_eq!(app.shown().len(), kept);
    assert!(!footer(&app).contains("dropped"), "{}", footer(&app));
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap_or_default()
            .contains(" · via: Tass "),
        "{s}"
    );
}

#[test]
fn text_to_find_in_relays_is_kept_as_typed_when_no_relay_holds_it_any_more() {
    let mut app = open(BUNDLED, &args(|a| a.via = Some("told RT".into())), 120, 40);
    assert_eq!(app.shown().len(), 1);
    drop(app.replace_document(edited(|t| {
        t.replace("\"a source has told RT\"", "\"an RT source\"")
    })));
    // `--via` is text, as `--search` is: it names nothing that can be gone.
    assert!(app.filter().via.is_some());
    assert!(app.is_empty());
    assert!(!footer(&app).contains("dropped"), "{}", footer(&app));
}

#[test]
fn a_bad_save_at_80_columns_still_shows_where_its_first_error_is() {
    let mut app = bundled(80, 24);
    app.reload_failed(roundtable::app::reload::Problems {
        errors: 1,
        first: "talks.ron:523:13: error: expected a string".into(),
        all: "talks.ron:523:13: error: expected a string\n".into(),
    });
    let f = footer(&app);
    assert!(f.contains("the last save has 1 error"), "{f}");
    assert!(f.contains("talks.ron:523:13"), "{f}");
    assert!(f.contains("E lists it"), "{f}");
}

#[test]
fn when_the_selected_event_is_gone_its_nearest_neighbour_is_selected_and_said() {
    let mut app = bundled(120, 40);
    press(&mut app, &["j", "j", "j", "j", "j", "j", "j", "j"]);
    let gone = id(&app);
    let next = {
        let t = app.timeline();
        let pos = t.events.iter().position(|e| e.id.value == gone).unwrap();
        t.events[pos + 1].id.value.to_string()
    };
    let renamed = edited(|t| t.replace(&format!("\"{gone}\""), "\"renamed-event\""));
    drop(app.replace_document(renamed));
    assert_eq!(id(&app), next, "the event after it, not the first");
    let f = footer(&app);
    assert!(f.contains(&format!("event {gone} is gone")), "{f}");
}

#[test]
fn an_event_added_above_a_list_that_fits_comes_into_view() {
    let mut app = bundled(120, 60);
    press(&mut app, &["j", "j", "j", "j", "j", "j", "j", "j"]);
    let event = id(&app);
    drop(app.replace_document(edited(|t| {
        t.replacen(
            "events: [",
            "events: [\n        Event(id: \"added-first\", when: \"2020\", title: \"Added at the top\", sources: [\"xinhua-2025-07-23\"]),",
            1,
        )
    })));
    assert_eq!(id(&app), event);
    let s = screen(&app);
    assert!(s.contains("Added at the top"), "{s}");
}
