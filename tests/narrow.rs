//! The browser in narrow and small terminals: the bundled timeline at 100×30 and 60×20 as
//! whole screens, titles that begin alike still told apart as drawn, `? help` on screen at
//! every width, and the date column's zone always named.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::CellWidth;
use roundtable::app::{Action, App};
use roundtable::model::{BUNDLED, Zone};
use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs};
use roundtable::ui;

#[path = "support/tui.rs"]
mod harness;

fn open(zone: Zone, w: u16, h: u16) -> App {
    harness::open_in("bundled", BUNDLED, zone, &FilterArgs::default(), w, h)
}

fn bundled(w: u16, h: u16) -> App {
    open(Zone::Utc, w, h)
}

/// The screen as text, a line per row, trailing blanks trimmed; a cell a wide character
/// covers is left out, by the width the cell itself gives.
fn screen(app: &App) -> String {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..size.height {
        let mut line = String::new();
        let mut x = 0;
        while x < size.width {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            x += cell.cell_width().max(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Selects the event whose title starts with `title`.
fn select(app: &mut App, title: &str) {
    app.update(Action::FirstEvent);
    for _ in 0..app.len() {
        let pos = app.selected_pos().unwrap() as usize;
        if app.timeline().events[pos].title.starts_with(title) {
            return;
        }
        app.update(Action::NextEvent);
    }
    panic!("no event titled {title:?}");
}

#[test]
fn snapshot_bundled_at_100x30() {
    let mut app = bundled(100, 30);
    select(&mut app, "Medinsky: Russia offers");
    insta::assert_snapshot!("bundled_100x30", screen(&app));
}

#[test]
fn snapshot_bundled_at_60x20() {
    let mut app = bundled(60, 20);
    select(&mut app, "Medinsky: Russia offers");
    insta::assert_snapshot!("bundled_60x20", screen(&app));
}

/// The title of the selected row (`›` in the gutter), as drawn: after the date column.
fn selected_title(app: &App) -> String {
    let s = screen(app);
    let row = s
        .lines()
        .find(|l| l.trim_start_matches(['┃', '│']).starts_with('›'))
        .unwrap_or_else(|| panic!("no selected row:\n{s}"));
    let row = row.trim_start_matches(['┃', '│']);
    // `› 2025-07-23  Title … 1q 2c`: after the gutter, the date and two spaces.
    let after_date = row.split_once("  ").map_or("", |(_, t)| t).trim_start();
    // The markers at the end (` 1q`, ` 2c`, ` ≠`) are not the title.
    let mut t = after_date
        .trim_end_matches(['┃', '│'])
        .trim_end()
        .to_string();
    loop {
        let trimmed = t
            .strip_suffix('≠')
            .or_else(|| {
                t.rsplit_once(' ')
                    .filter(|(_, m)| {
                        m.len() >= 2
                            && m.ends_with(['q', 'c'])
                            && m[..m.len() - 1].bytes().all(|b| b.is_ascii_digit())
                    })
                    .map(|(a, _)| a)
            })
            .map(|s| s.trim_end().to_string());
        match trimmed {
            Some(s) => t = s,
            None => return t,
        }
    }
}

fn medinsky_titles_as_drawn(w: u16, h: u16) -> Vec<String> {
    let mut app = bundled(w, h);
    let titles: Vec<String> = app
        .timeline()
        .events
        .iter()
        .map(|e| e.title.to_string())
        .filter(|t| t.starts_with("Medinsky"))
        .collect();
    // The eight of the issue (seven `Medinsky: …` and `Medinsky mocks …`), and the two
    // `Medinsky and Umerov …` among them.
    assert_eq!(titles.len(), 10);
    titles
        .iter()
        .map(|t| {
            select(&mut app, t);
            selected_title(&app)
        })
        .collect()
}

/// Whether `drawn` could be `title` drawn shortened: `…` stands for anything left out, and a
/// leading `〃 ` for a `Name: ` prefix.
fn could_be(drawn: &str, title: &str) -> bool {
    let (drawn, title) = match drawn.strip_prefix("〃 ") {
        Some(rest) => match title.split_once(": ") {
            Some((_, t)) => (rest, t),
            None => return false,
        },
        None => (drawn, title),
    };
    let parts: Vec<&str> = drawn.split('…').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if parts.len() == 1 {
        return drawn == title;
    }
    let Some(mut rest) = title.strip_prefix(first) else {
        return false;
    };
    for p in &parts[1..parts.len() - 1] {
        match rest.find(p) {
            Some(at) => rest = &rest[at + p.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[test]
fn the_eight_medinsky_titles_are_told_apart_as_drawn() {
    let app = bundled(100, 30);
    let all: Vec<String> = app
        .timeline()
        .events
        .iter()
        .map(|e| e.title.to_string())
        .collect();
    for (w, h) in [(100, 30), (60, 20), (40, 12)] {
        let drawn = medinsky_titles_as_drawn(w, h);
        for d in &drawn {
            let fits: Vec<&String> = all.iter().filter(|t| could_be(d, t)).collect();
            assert_eq!(fits.len(), 1, "at {w}×{h}, {d:?} could be any of {fits:#?}");
        }
        for (i, a) in drawn.iter().enumerate() {
            for b in &drawn[i + 1..] {
                assert_ne!(a, b, "at {w}×{h}, two titles are drawn alike: {drawn:#?}");
            }
        }
    }
    // At 100 columns there is room for all of every one of them.
    let drawn = medinsky_titles_as_drawn(100, 30);
    assert!(
        drawn.contains(
            &"Medinsky: major prisoner swap completed with a final batch of some 250".to_string()
        ),
        "{drawn:#?}"
    );
}

#[test]
fn a_cut_title_is_read_as_the_titles_it_could_be() {
    assert!(could_be(
        "Medinsky: Moscow propo…",
        "Medinsky: Moscow proposes truces"
    ));
    assert!(could_be(
        "〃 Moscow…truces",
        "Medinsky: Moscow proposes truces"
    ));
    assert!(!could_be(
        "〃 Moscow…groups",
        "Medinsky: Moscow proposes truces"
    ));
    assert!(could_be("Same", "Same"));
    assert!(!could_be("Same", "Same, longer"));
}

fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap().to_string()
}

#[test]
fn help_is_on_screen_at_every_width() {
    for w in 20..=200 {
        let mut app = bundled(w, 12);
        assert!(footer(&app).contains("? help"), "{w}: {:?}", footer(&app));
        // A search's status on the right gives way to it.
        app.update(Action::OpenSearch);
        for c in "medinsky".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Confirm);
        assert!(
            footer(&app).contains("? help"),
            "{w} searching: {:?}",
            footer(&app)
        );
        // So does a message that takes the footer's place.
        app.file_unreadable("the file was deleted, or moved away, or its directory too".into());
        assert!(
            footer(&app).contains("? help"),
            "{w} with a message: {:?}",
            footer(&app)
        );
    }
}

#[test]
fn the_zone_is_named_on_the_timeline_at_every_width() {
    let ny = Zone::parse("America/New_York").unwrap();
    for w in 20..=200 {
        let app = open(ny, w, 12);
        let s = screen(&app);
        let top = s.lines().nth(1).unwrap();
        // The name, its last part, or the abbreviation at the selected event (the bundled
        // timeline opens on a date in winter or in summer).
        assert!(
            [" America/New_York", " New_York", " EDT", " EST"]
                .iter()
                .any(|l| top.ends_with(l) || top.contains(&format!("{l} "))),
            "{w}: {top:?}"
        );
    }
    let app = open(ny, 60, 20);
    assert!(
        screen(&app)
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(" America/New_York")
    );
}

#[test]
fn a_narrow_date_column_keeps_the_year_and_drops_the_time() {
    let text = std::fs::read_to_string("tests/fixtures/zone/dateline.ron").unwrap();
    let zone = Zone::parse("America/New_York").unwrap();
    let doc = Document::load_in("dateline.ron", text, None, zone).unwrap();
    let filter = Filter::resolve(doc.timeline(), doc.index(), &FilterArgs::default()).unwrap();
    let mut app = App::new(Arc::new(doc), &filter);
    app.update(Action::Resize {
        width: 40,
        height: 14,
    });
    let s = screen(&app);
    // 40 columns leave 13 for the date: `2025-07-22 21:30` would be cut inside the time, so
    // the day stands alone, with its year, as the day-only rows do.
    assert!(s.contains("  2025-07-22     New York evening"), "{s}");
    assert!(s.contains("  2025-07-22     Day-only 22 July"), "{s}");
    assert!(!s.contains("2025-07-22 2…"), "{s}");
    assert!(!s.contains(" 07-22 "), "{s}");
}

#[test]
fn across_a_new_year_a_narrow_date_column_still_reads_in_order() {
    // Found by a tester: with the year dropped from timed rows only, a 15-cell column read
    // `12-31 22:00`, `01-01 01:00`, `2026-01-05`.
    let cells: Vec<String> = ["2025-12-31 22:00Z", "2026-01-01 01:00Z", "2026-01-05"]
        .iter()
        .map(|s| roundtable::ui::timeline::when_cell(s, 15))
        .collect();
    assert_eq!(cells, ["2025-12-31", "2026-01-01", "2026-01-05"]);
    // Whole when they fit.
    assert_eq!(
        roundtable::ui::timeline::when_cell("2025-12-31 22:00Z", 17),
        "2025-12-31 22:00Z"
    );
}
