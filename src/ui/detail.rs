//! The detail pane: everything known about the selected event, wrapped and scrolled.

use ratatui::buffer::Buffer;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::Framed;
use super::text::{line_of, put};
use super::theme::Theme;
use crate::app::{App, detail};

pub fn render(app: &App, theme: &Theme, frame: Framed, buf: &mut Buffer) {
    let area = frame.region.inner;
    let doc = detail::document(app, usize::from(area.width));
    let h = usize::from(area.height);
    let max = doc.len().saturating_sub(h);
    let scroll = app.detail_scroll.min(max);
    let position = (doc.len() > h).then(|| {
        let last = (scroll + h).min(doc.len());
        format!(" {}–{last}/{} ", scroll + 1, doc.len())
    });
    frame
        .block("Detail", theme, position)
        .render(frame.region.outer, buf);
    if area.width == 0 {
        return;
    }
    for (y, segs) in (0u16..).zip(doc.iter().skip(scroll).take(h)) {
        let line: Line<'_> = line_of(segs, theme);
        put(buf, area, y, &line);
    }
}
