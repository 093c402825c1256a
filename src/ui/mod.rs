//! Draws an [`App`] by reference; nothing here changes state. One file per part of the screen:
//! [`title`], the panes (one file each, drawn in a [`Framed`] for each [`Pane`]: [`timeline`],
//! its statement rows in [`statements`] and its density strip in [`strip`]; [`detail`]),
//! [`footer`], and the [`help`] and [`picker`] overlays;
//! [`theme`] holds the colour theme (the default, as a config file changed it, is given to
//! [`render_with`]), [`text`] turns safe text into styled lines.

pub mod detail;
pub mod footer;
pub mod help;
pub mod picker;
pub mod statements;
pub mod strip;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod title;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use crate::app::layout::{self, Region};
use crate::app::{App, Overlay, Pane};
use theme::Theme;

/// Draws the whole screen with the default theme.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    frame.render_widget(app, frame.area());
}

/// Draws the whole screen with `theme` (the default as a config file changed it).
pub fn render_with(app: &App, theme: &Theme, frame: &mut Frame<'_>) {
    frame.render_widget(Themed(app, theme), frame.area());
}

/// An app to draw with a theme of its own.
pub struct Themed<'a>(pub &'a App, pub &'a Theme);

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Themed(self, &theme::THEME).render(area, buf);
    }
}

impl Widget for Themed<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Themed(app, theme) = self;
        let theme = theme::of(app, theme);
        let Some(screen) = layout::screen(area) else {
            // The longest that fits, so that what is wrong is read whole even at 10 columns.
            let (w, h) = (area.width, area.height);
            let (mw, mh) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
            let forms = [
                format!("terminal too small: {w}×{h} (needs {mw}×{mh})"),
                format!("too small: needs {mw}×{mh}"),
                format!("needs {mw}×{mh} at least"),
                format!("needs {mw}×{mh}"),
                "too small".to_string(),
            ];
            let room = usize::from(w);
            let msg = forms
                .iter()
                .find(|m| crate::app::text::width(m) <= room)
                .map_or("too small", String::as_str);
            let line = Line::from(text::cut(msg, room, theme.warning));
            text::put(buf, area, 0, &line);
            return;
        };
        title::render(app, &theme, screen.title, buf);
        for pane in Pane::ALL {
            let frame = Framed {
                region: screen.pane(pane),
                stacked: screen.stacked,
                focused: app.focus() == pane,
            };
            match pane {
                Pane::Timeline => timeline::render(app, &theme, frame, buf),
                Pane::Detail => detail::render(app, &theme, frame, buf),
            }
        }
        footer::render(app, &theme, screen.footer, buf);
        match &app.overlay {
            Overlay::Help { scroll, page } => {
                help::render(app, &theme, screen.body, (*scroll, *page), buf);
            }
            Overlay::Picker(p) => picker::render(app, &theme, screen.body, p, buf),
            Overlay::Prompt { .. } | Overlay::None => {}
        }
    }
}

/// Where a pane is drawn and how its frame looks: its region, whether the panes are stacked
/// (a top rule each) or side by side (boxed), whether it has the focus (a thick frame).
#[derive(Debug, Clone, Copy)]
pub struct Framed {
    pub region: Region,
    pub stacked: bool,
    pub focused: bool,
}

impl Framed {
    /// The pane's frame, named `name`, with `right` at its right end if given.
    fn block(self, name: &str, theme: &Theme, right: Option<String>) -> Block<'static> {
        let (kind, style) = if self.focused {
            (BorderType::Thick, theme.border_focus)
        } else {
            (BorderType::Plain, theme.border)
        };
        let title_style = if self.focused {
            theme.border_focus
        } else {
            Style::new()
        };
        let mut block = Block::new()
            .borders(if self.stacked {
                Borders::TOP
            } else {
                Borders::ALL
            })
            .border_type(kind)
            .border_style(style)
            .title(Line::styled(format!(" {name} "), title_style));
        if let Some(r) = right {
            block = block.title(Line::styled(r, theme.dim).right_aligned());
        }
        block
    }
}
