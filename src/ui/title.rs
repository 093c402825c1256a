//! The title bar: the timeline's title, the filters on and the `/` search, and the position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{cut, put};
use super::theme::Theme;
use crate::app::{App, View, text};
use crate::query::Filter;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let t = app.doc.timeline();
    let n = app.len();
    let sel = if n == 0 { 0 } else { app.selected + 1 };
    let right = match app.view() {
        View::Statements => format!(" {sel}/{n} statements "),
        View::Events if app.filter == Filter::default() => format!(" {sel}/{n} "),
        View::Events => format!(" {sel}/{n} of {} ", t.events.len()),
    };
    let mut active: Vec<String> = app
        .filter
        .describe(t)
        .iter()
        .map(|part| text::line(part).into_owned())
        .collect();
    // The `/` search, which hides nothing, as it was typed: told apart from `search: “…”`,
    // the filter (`--search`), which hides what it does not find.
    if let Some(s) = &app.search {
        active.push(format!("/{}", text::line(&s.query)));
    }
    let filters = if active.is_empty() {
        String::new()
    } else {
        format!(" · {}", active.join(" · "))
    };
    let width = usize::from(area.width);
    let room = width.saturating_sub(text::width(&right));
    let title = format!(" {}", text::line(&t.title));
    let fw = text::width(&filters);
    let title_room = room.saturating_sub(fw).max(room.min(12));
    let title_span = cut(&title, title_room, theme.title);
    let used = text::width(&title_span.content);
    let filter_span = cut(&filters, room.saturating_sub(used), theme.filters);
    let used = used + text::width(&filter_span.content);
    let gap = " ".repeat(room.saturating_sub(used));
    let line = Line::from(vec![
        title_span,
        filter_span,
        Span::raw(gap),
        Span::styled(right, theme.position),
    ]);
    put(buf, area, 0, &line);
}
