//! The browser without a terminal, shared by the `tests/tui_*.rs` files (`#[path]`-included):
//! a browser opened on a timeline at a size, keys pressed through the real key table, the
//! screen drawn into a test backend and read back as text, and what is selected.

// Each test file uses only some of these helpers; the rest would warn in every binary.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use roundtable::app::{Action, App, detail};
use roundtable::model::{self, BUNDLED};
use std::sync::Arc;

use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs, statement};
use roundtable::ui;

/// A browser on `source`, with the filter `args`, at `w`×`h`.
pub fn open(source: &str, args: &FilterArgs, w: u16, h: u16) -> App {
    open_in("test.ron", source, model::Zone::Utc, args, w, h)
}

/// [`open`] on a document named `name` (its title bar shows it), its dates read in `zone`.
pub fn open_in(
    name: &str,
    source: &str,
    zone: model::Zone,
    args: &FilterArgs,
    w: u16,
    h: u16,
) -> App {
    let doc = Document::load_in(name, source.to_string(), None, zone)
        .unwrap_or_else(|f| panic!("{}", model::diag::render(name, source, &f.diagnostics)));
    let filter = Filter::resolve(doc.timeline(), doc.index(), args).expect("filter resolves");
    let mut app = App::new(Arc::new(doc), &filter);
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

pub fn bundled(w: u16, h: u16) -> App {
    open(BUNDLED, &FilterArgs::default(), w, h)
}

/// Draws `app` at its own size; the buffer.
pub fn draw(app: &App) -> Buffer {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).expect("test terminal");
    t.draw(|f| ui::render(app, f)).expect("draws");
    t.backend().buffer().clone()
}

/// A buffer as plain text, one line per row, trailing blanks trimmed; the cell hidden behind a
/// wide character is left out so that text reads as on screen.
pub fn plain(buf: &Buffer) -> String {
    plain_in(buf, buf.area)
}

/// [`plain`] for the rows and columns of `r` alone.
pub fn plain_in(buf: &Buffer, r: ratatui::layout::Rect) -> String {
    let mut out = String::new();
    for y in r.y..r.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in r.x..r.right() {
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

pub fn screen(app: &App) -> String {
    plain(&draw(app))
}

/// Presses keys written as in the help (`j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`, `Enter`), or
/// `"text:…"` to type each character, through the real key table.
pub fn press(app: &mut App, keys: &[&str]) {
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

pub fn send(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    if let Some(a) = roundtable::app::keymap::action(KeyEvent::new(code, mods), app.mode()) {
        app.update(a);
    }
}

/// The id of the selected event.
pub fn id(app: &App) -> String {
    app.selected_event()
        .map(|e| e.id.value.to_string())
        .unwrap_or_default()
}

/// The shown index of the event with `id`.
pub fn at(app: &App, id: &str) -> usize {
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

pub fn participant(app: &App, id: &str) -> u32 {
    app.timeline()
        .participants
        .iter()
        .position(|p| p.id.value == id)
        .unwrap_or_else(|| panic!("no participant {id}")) as u32
}

/// The detail pane's text, one string per line, at `width`.
pub fn detail_text(app: &App, width: usize) -> Vec<String> {
    detail::document(app, width)
        .iter()
        .map(|l| l.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

/// The footer row of the screen.
pub fn footer(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

pub fn args(f: impl FnOnce(&mut FilterArgs)) -> FilterArgs {
    let mut a = FilterArgs::default();
    f(&mut a);
    a
}

/// The statements view, on the claim that the next meeting is being prepared, which another
/// claim confirms and a third disputes.
pub fn on_a_disputed_confirmed_claim(w: u16, h: u16) -> App {
    let mut app = bundled(w, h);
    press(&mut app, &["v", "/", "text:next meeting", "Enter"]);
    let at = app.selected_statement().expect("a statement is selected");
    assert_eq!(at.kind(), statement::Kind::Claim);
    app
}
