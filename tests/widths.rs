//! Text measured and drawn with the widths terminals use, checked against a table written by
//! hand (not against ratatui's or the code's own width function), and a title with halfwidth
//! sound marks drawn through a real terminal emulator, cell by cell.

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::CellWidth;
use roundtable::app::{App, text};
use roundtable::model::Zone;
use roundtable::query::FilterArgs;
use roundtable::ui;

#[path = "support/tui.rs"]
mod harness;

/// Cells that current terminals (xterm, VTE, kitty, `WezTerm`, foot, Windows Terminal) give each
/// text: halfwidth forms are one cell each, sound marks included; combining marks add nothing;
/// an emoji sequence is one wide character; CJK is two cells a character.
const TABLE: &[(&str, usize)] = &[
    ("a", 1),
    ("abc", 3),
    // Halfwidth katakana, each mark its own cell.
    ("ﾃ", 1),
    ("ｰ", 1),
    ("\u{FF9E}", 1),
    ("\u{FF9F}", 1),
    ("ﾃ\u{FF9E}", 2),
    ("ｶ\u{FF9F}", 2),
    ("ﾃ\u{FF9E}ｰﾀ|", 5),
    ("ﾊ\u{FF9F}ﾝ\u{FF9F}", 4),
    // Combining marks: no cell of their own.
    ("e\u{301}", 1),
    ("e\u{301}x", 2),
    ("a\u{300}\u{316}", 1),
    ("か\u{3099}", 2),
    // CJK and fullwidth forms.
    ("土", 2),
    ("土耳其", 6),
    ("한국", 4),
    ("Ａ", 2),
    ("が", 2),
    // Emoji sequences.
    ("👍", 2),
    ("👍🏽", 2),
    ("❤\u{FE0F}", 2),
    ("👨\u{200D}👩\u{200D}👧", 2),
    ("🇺🇦", 2),
    ("🇺🇦|", 3),
    // Nothing to draw.
    ("\u{200B}", 0),
    ("", 0),
];

#[test]
fn widths_are_the_terminals() {
    let wrong: Vec<String> = TABLE
        .iter()
        .filter(|(s, w)| text::width(s) != *w)
        .map(|(s, w)| format!("{s:?}: {} cells, terminals draw {w}", text::width(s)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn cutting_counts_the_same_cells() {
    // Four cells hold `ﾃﾞｰ` and the ellipsis; ratatui's count (3 for `ﾃﾞ`) would keep one less.
    assert_eq!(text::truncate("ﾃ\u{FF9E}ｰﾀ|", 4).0, "ﾃ\u{FF9E}ｰ…");
    assert_eq!(text::fit("ﾃ\u{FF9E}ｰﾀ|", 5), ("ﾃ\u{FF9E}ｰﾀ|".len(), 5));
}

const FILE: &str = r#"Timeline(
    title: "W",
    sources: [Source(id: "s", outlet: "S")],
    participants: [],
    events: [
        Event(id: "a", when: "2025-07-23", title: "ﾃﾞｰﾀ|", sources: ["s"]),
        Event(id: "b", when: "2025-07-24", title: "e\u{301}|土|👍🏽|🇺🇦|x", sources: ["s"]),
    ],
)"#;

fn app(w: u16, h: u16) -> App {
    harness::open_in("w.ron", FILE, Zone::Utc, &FilterArgs::default(), w, h)
}

/// The bytes the browser sends to draw `app`, as a terminal emulator shows them.
fn on_terminal(app: &App) -> vt100::Parser {
    let size = app.size();
    let mut bytes = Vec::new();
    {
        let mut t = Terminal::new(CrosstermBackend::new(&mut bytes)).expect("terminal");
        // A fixed viewport: the backend cannot ask a Vec for its size.
        t.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
            .expect("resize");
        t.draw(|f| ui::render(app, f)).expect("draws");
    }
    let mut vt = vt100::Parser::new(size.height, size.width, 0);
    vt.process(&bytes);
    vt
}

/// Row `y` of the emulator's screen as the cells it holds, `·` for an empty cell and nothing
/// for the second half of a wide character.
fn cells(vt: &vt100::Parser, y: u16) -> String {
    let s = vt.screen();
    let (_, w) = s.size();
    let mut out = String::new();
    for x in 0..w {
        let cell = s.cell(y, x).expect("in screen");
        if cell.is_wide_continuation() {
            continue;
        }
        let c = cell.contents();
        out.push_str(if c.is_empty() { "·" } else { c });
    }
    out
}

fn find_row(vt: &vt100::Parser, needle: &str) -> String {
    let (h, _) = vt.screen().size();
    (0..h)
        .map(|y| cells(vt, y))
        .find(|r| r.contains(needle))
        .unwrap_or_else(|| panic!("no row holds {needle:?}:\n{}", vt.screen().contents()))
}

#[test]
fn halfwidth_sound_marks_draw_without_a_gap() {
    let vt = on_terminal(&app(120, 20));
    let row = find_row(&vt, "ﾃ");
    // Each halfwidth character and its mark in a cell of its own, one after another, with the
    // bar right after them; a gap would show as `·` between `ﾞ` and `ｰ`.
    assert!(row.contains("ﾃ\u{FF9E}ｰﾀ|"), "{row:?}");
    // The row ends with the pane's border at the screen's edge; nothing pushed past it.
    let s = vt.screen();
    let cols: Vec<String> = (0..120)
        .map(|x| {
            s.cell(row_index(&vt, "ﾃ"), x)
                .unwrap()
                .contents()
                .to_string()
        })
        .collect();
    let at = cols.iter().position(|c| c == "ﾃ").unwrap();
    assert_eq!(
        cols[at..at + 5],
        ["ﾃ", "\u{FF9E}", "ｰ", "ﾀ", "|"].map(String::from)
    );
}

fn row_index(vt: &vt100::Parser, needle: &str) -> u16 {
    let (h, _) = vt.screen().size();
    (0..h).find(|&y| cells(vt, y).contains(needle)).unwrap()
}

#[test]
fn the_buffer_agrees_with_the_terminal() {
    let app = app(120, 20);
    let mut t = Terminal::new(TestBackend::new(120, 20)).unwrap();
    t.draw(|f| ui::render(&app, f)).unwrap();
    let buf = t.backend().buffer();
    let y = (0..20)
        .find(|&y| (0..120).any(|x| buf[(x, y)].symbol().starts_with('ﾃ')))
        .expect("the title is drawn");
    let x = (0..120)
        .find(|&x| buf[(x, y)].symbol().starts_with('ﾃ'))
        .unwrap();
    // `ﾃﾞ` is one cluster two cells wide: its cell says 2 (ratatui alone would say 3), and
    // `ｰ` follows in the next cell but one.
    assert_eq!(buf[(x, y)].symbol(), "ﾃ\u{FF9E}");
    assert_eq!(buf[(x, y)].cell_width(), 2);
    assert_eq!(buf[(x + 2, y)].symbol(), "ｰ");
    assert_eq!(buf[(x + 3, y)].symbol(), "ﾀ");
    assert_eq!(buf[(x + 4, y)].symbol(), "|");
}

#[test]
fn other_clusters_land_where_the_terminal_puts_them() {
    let vt = on_terminal(&app(120, 20));
    let y = row_index(&vt, "土");
    let s = vt.screen();
    let x = (0..120)
        .find(|&x| s.cell(y, x).unwrap().contents() == "e\u{301}")
        .expect("the combining mark stays with its letter");
    let at = |dx: u16| s.cell(y, x + dx).unwrap().contents().to_string();
    assert_eq!(at(1), "|");
    assert_eq!(at(2), "土");
    assert_eq!(at(4), "|");
    assert_eq!(at(7), "|");
}
