//! The help overlay: every key, generated from the one key table, and how search and filters
//! differ.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::text::{line_of, put};
use super::theme::Theme;
use crate::app::{App, keymap, layout, text};

pub fn render(app: &App, theme: &Theme, body: Rect, scroll: usize, buf: &mut Buffer) {
    let pane = layout::help(body);
    Clear.render(pane.outer, buf);
    let doc = keymap::help_document(usize::from(pane.inner.width));
    let h = usize::from(pane.inner.height);
    let scroll = scroll.min(doc.len().saturating_sub(h));
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(
            format!(" Keys — roundtable {} ", text::line(app.doc.name())),
            theme.title,
        ));
    if doc.len() > h {
        block = block.title_bottom(
            Line::styled(
                format!(
                    " {}–{}/{} · j/k scroll ",
                    scroll + 1,
                    (scroll + h).min(doc.len()),
                    doc.len()
                ),
                theme.dim,
            )
            .right_aligned(),
        );
    }
    block.render(pane.outer, buf);
    for (y, segs) in (0u16..).zip(doc.iter().skip(scroll).take(h)) {
        put(buf, pane.inner, y, &line_of(segs, theme));
    }
}
