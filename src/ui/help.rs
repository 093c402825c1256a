//! The help overlay: every key, generated from the one key table, and how search and filters
//! differ; or the errors of a save that did not load.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::text::{line_of, put};
use super::theme::Theme;
use crate::app::{App, HelpPage, layout, text};

pub fn render(
    app: &App,
    theme: &Theme,
    body: Rect,
    (scroll, page): (usize, HelpPage),
    buf: &mut Buffer,
) {
    let overlay = layout::help(body);
    Clear.render(overlay.outer, buf);
    let doc = app.help_document(usize::from(overlay.inner.width));
    let name = text::line(app.doc.name());
    let title = match page {
        HelpPage::Keys => format!(" Keys — roundtable {name} "),
        HelpPage::Problems => format!(" Errors in {name} — the last good version is shown "),
    };
    let h = usize::from(overlay.inner.height);
    let scroll = scroll.min(doc.len().saturating_sub(h));
    let mut block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title));
    if doc.len() > h {
        block = block.title_bottom(
            Line::styled(
                format!(
                    " {}–{}/{} · {}/{} scroll ",
                    scroll + 1,
                    (scroll + h).min(doc.len()),
                    doc.len(),
                    app.keymap().label_of("scroll_down"),
                    app.keymap().label_of("scroll_up"),
                ),
                theme.dim,
            )
            .right_aligned(),
        );
    }
    block.render(overlay.outer, buf);
    for (y, segs) in (0u16..).zip(doc.iter().skip(scroll).take(h)) {
        put(buf, overlay.inner, y, &line_of(segs, theme));
    }
}
