//! The density strip above the timeline: its two rows drawn at several terminal sizes and
//! zoom levels (insta snapshots of the strip's rows only, so that changes elsewhere on the
//! screen leave them alone), hidden where the pane is too small, and a click on a bucket.

use std::collections::BTreeSet;
use std::sync::Arc;

use roundtable::app::{Action, App, Pane, layout};
use roundtable::model::BUNDLED;
use roundtable::query::density::Unit;
use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs};

#[path = "support/tui.rs"]
mod harness;
use harness::{bundled, draw, open, plain_in};

/// Where the strip is, if it is shown.
fn strip_area(app: &App) -> Option<ratatui::layout::Rect> {
    layout::strip(layout::screen(app.size())?.pane(Pane::Timeline).inner).0
}

/// The strip's rows as drawn, trailing blanks trimmed, or `(no strip)`.
fn strip(app: &App) -> String {
    let buf = draw(app);
    let Some(r) = strip_area(app) else {
        return "(no strip)\n".into();
    };
    plain_in(&buf, r)
}

fn id(app: &App) -> String {
    app.selected_event().unwrap().id.value.to_string()
}

fn select(app: &mut App, id: &str) {
    app.update(Action::FirstEvent);
    while app.selected_event().unwrap().id.value != id {
        app.update(Action::NextEvent);
    }
}

#[test]
fn the_bundled_months_counted_by_hand() {
    // January 2022 to July 2025: 43 months. The 2022 event counts in January 2022, the two
    // year-precision 2025 events in January 2025, the round of 2 June in June, and the 19
    // events of 21–23 July in July.
    let app = bundled(120, 40);
    let d = app.density().unwrap();
    assert_eq!(d.unit, Unit::Month);
    assert_eq!(d.len(), 43);
    let counts: Vec<(usize, u32)> = (0..d.len())
        .map(|i| (i, d.count(i)))
        .filter(|&(_, c)| c > 0)
        .collect();
    assert_eq!(counts, [(0, 1), (36, 2), (41, 1), (42, 19)]);
}

#[test]
fn strip_at_120x40() {
    insta::assert_snapshot!("strip_120x40", strip(&bundled(120, 40)));
}

#[test]
fn strip_at_80x24() {
    insta::assert_snapshot!("strip_80x24", strip(&bundled(80, 24)));
}

#[test]
fn strip_at_100x30() {
    insta::assert_snapshot!("strip_100x30", strip(&bundled(100, 30)));
}

#[test]
fn strip_at_200x50_zoomed_to_weeks_and_days() {
    let mut app = bundled(200, 50);
    select(&mut app, "r3-zelensky-announces");
    app.update(Action::ZoomIn);
    assert_eq!(app.density().unwrap().unit, Unit::Week);
    assert_eq!(app.message(), Some("density strip: 187 weeks"));
    insta::assert_snapshot!("strip_200x50_weeks", strip(&app));
    app.update(Action::ZoomIn);
    assert_eq!(app.density().unwrap().unit, Unit::Day);
    insta::assert_snapshot!("strip_200x50_days", strip(&app));
    app.update(Action::ZoomIn);
    assert_eq!(
        app.message(),
        Some("density strip in days: z can go no finer")
    );
    for _ in 0..3 {
        app.update(Action::ZoomOut);
    }
    assert_eq!(app.density().unwrap().unit, Unit::Year);
    insta::assert_snapshot!("strip_200x50_years", strip(&app));
    app.update(Action::ZoomOut);
    assert_eq!(
        app.message(),
        Some("density strip in years: Z can go no coarser")
    );
}

#[test]
fn marks_and_the_selection_are_ticked() {
    let doc = Document::load("bundled.ron", BUNDLED.to_string()).unwrap();
    let marks = BTreeSet::from(["nsdc-2022-ban".to_string(), "r2-memoranda".to_string()]);
    let mut app = App::new(Arc::new(doc), &Filter::default()).with_marks(marks, None);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    select(&mut app, "r3-opening");
    insta::assert_snapshot!("strip_marks_120x40", strip(&app));
}

#[test]
fn the_strip_is_hidden_where_the_pane_is_small_and_the_list_keeps_the_rows() {
    for (w, h) in [(60, 20), (40, 12), (100, 12), (23, 40)] {
        let app = bundled(w, h);
        assert_eq!(strip(&app), "(no strip)\n", "{w}×{h}");
    }
    // At 80×24 it shows, and the list keeps 8 rows.
    let app = bundled(80, 24);
    let pane = layout::screen(app.size())
        .unwrap()
        .pane(Pane::Timeline)
        .inner;
    let (shown, list) = layout::strip(pane);
    assert!(shown.is_some());
    assert_eq!(list.height, 8);
    // Zooming while it is hidden says so.
    let mut app = bundled(60, 20);
    app.update(Action::ZoomIn);
    assert_eq!(
        app.message(),
        Some("density strip: 187 weeks (the strip is hidden at this terminal size)")
    );
}

#[test]
fn a_click_on_a_bucket_selects_its_first_event() {
    let mut app = bundled(120, 40);
    let r = strip_area(&app).unwrap();
    // July 2025 is the 43rd month from January 2022: column 42. Its first event is the
    // announcement of 21 July.
    app.update(Action::Click {
        column: r.x + 42,
        row: r.y,
    });
    assert_eq!(id(&app), "r3-zelensky-announces");
    assert_eq!(app.message(), Some("Jul 2025: 19 events"));
    // January 2025 (column 36), on the label row: the first of the two year-precision 2025
    // events.
    app.update(Action::Click {
        column: r.x + 36,
        row: r.y + 1,
    });
    assert_eq!(id(&app), "r1-istanbul");
    // An empty month selects nothing and says so.
    app.update(Action::Click {
        column: r.x + 1,
        row: r.y,
    });
    assert_eq!(id(&app), "r1-istanbul");
    assert_eq!(app.message(), Some("no event in Feb 2022"));
    // Past the last bucket: nothing.
    app.update(Action::Click {
        column: r.x + 45,
        row: r.y,
    });
    assert_eq!(id(&app), "r1-istanbul");

    // Filtered, the first shown event of the bucket; none shown, said so.
    let args = FilterArgs {
        speakers: vec!["peskov".into()],
        ..FilterArgs::default()
    };
    let mut app = open(BUNDLED, &args, 120, 40);
    app.update(Action::LastEvent);
    assert_ne!(id(&app), "r3-peskov-briefing");
    app.update(Action::Click {
        column: r.x + 42,
        row: r.y,
    });
    assert_eq!(id(&app), "r3-peskov-briefing");
    app.update(Action::Click {
        column: r.x,
        row: r.y,
    });
    assert_eq!(
        app.message(),
        Some("Jan 2022: 1 event, none shown (Esc clears the filter)")
    );
    assert_eq!(id(&app), "r3-peskov-briefing");

    // In the statements view, the first statement of the bucket's first event.
    let mut app = bundled(120, 40);
    app.update(Action::ToggleView);
    app.update(Action::LastEvent);
    app.update(Action::Click {
        column: r.x + 41,
        row: r.y,
    });
    assert_eq!(id(&app), "r2-memoranda");
    assert_eq!(app.statement_at(app.selected()).map(|s| s.event), Some(3));
}
