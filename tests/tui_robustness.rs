//! Hostile text and every terminal size: no control or bidi character from the file reaches
//! the terminal, wide text keeps borders in place, and no size, from 1×1 up, or change of
//! size between frames panics.

#[path = "support/tui.rs"]
mod harness;

use harness::{draw, id, open, plain, press, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;
use roundtable::app::{Action, layout};
use roundtable::model::BUNDLED;
use roundtable::query::FilterArgs;
use roundtable::ui;

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
        // A `/` search highlights in hostile text; it hides nothing.
        let mut app = open(HOSTILE, &FilterArgs::default(), w, h);
        press(&mut app, &["/", "text:ｆｕｌｌ", "Enter"]);
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
                    // Each pane's two vertical borders stay in their columns on every body row.
                    let cols: Vec<u16> = layout
                        .panes
                        .iter()
                        .flat_map(|p| [p.outer.x, p.outer.right() - 1])
                        .collect();
                    let inner = layout.panes[0].inner;
                    for y in inner.y..inner.bottom() {
                        for &x in &cols {
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
            &["f"],
            &["f", "text:\u{1b}[2J"],
        ] {
            press(&mut app, keys);
            assert_inert(&draw(&app), &format!("{w}×{h} with {keys:?}"));
            press(&mut app, &["Esc"]);
        }
        // The speaker filter puts hostile names in the title bar and messages; so does text
        // typed in the filter menu, as a search filter.
        press(&mut app, &["s", "Enter"]);
        assert_inert(&draw(&app), &format!("{w}×{h} filtered"));
        press(&mut app, &["f", "text:\u{1b}]0;x\u{7}", "Enter"]);
        assert_inert(&draw(&app), &format!("{w}×{h} searched"));
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
