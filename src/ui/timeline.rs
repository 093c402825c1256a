//! The main pane: only the rows on screen are built, under their round headers. In the events
//! view each event is its `when` at its own precision, its title, and markers for quotes,
//! claims and disputes; in the statements view, rows are drawn by [`statements`](super::statements).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::pane_block;
use super::text::{cut, fill, gutter, highlighted, put};
use super::theme::Theme;
use crate::app::layout::Pane;
use crate::app::search::ranges;
use crate::app::text;
use crate::app::window::Row;
use crate::app::{App, Focus, View, round_label};

pub fn render(app: &App, theme: &Theme, pane: Pane, stacked: bool, buf: &mut Buffer) {
    let focused = app.focus == Focus::Timeline;
    // The date column's zone, on the frame: the column itself has no room to repeat it.
    let zone = format!(" {} ", app.zone());
    pane_block(app.view().name(), focused, stacked, theme, Some(zone)).render(pane.outer, buf);
    let area = pane.inner;
    if area.width == 0 || area.height == 0 {
        return;
    }
    if app.is_empty() {
        let msg = if app.doc.timeline().events.is_empty() {
            "No events."
        } else if app.view() == View::Statements && !app.shown.is_empty() {
            "No quote or claim in the events shown. v lists the events."
        } else {
            "No event passes the filter. Esc clears it."
        };
        put(
            buf,
            area,
            0,
            &Line::from(cut(msg, usize::from(area.width), theme.dim)),
        );
        return;
    }
    let h = usize::from(area.height);
    let top = app.view_top(h);
    for (y, row) in (0u16..).zip(app.rows(top, h)) {
        let line = match row {
            Row::Header(r) => header(app, r, usize::from(area.width), theme),
            Row::Event(i) => match app.view() {
                View::Events => event(app, i, usize::from(area.width), theme),
                View::Statements => super::statements::row(app, i, usize::from(area.width), theme),
            },
        };
        if row == Row::Event(app.selected) {
            fill(buf, area, y, theme.selected);
        }
        put(buf, area, y, &line);
    }
}

fn header(app: &App, round: Option<u32>, width: usize, theme: &Theme) -> Line<'static> {
    let label = match round {
        Some(r) => round_label(&app.doc.timeline().rounds[r as usize]),
        None => "Not in any round".to_string(),
    };
    let head = format!("── {label} ");
    let (head, _, w) = text::truncate(&head, width);
    let rule = "─".repeat(width.saturating_sub(w));
    Line::from(vec![
        Span::styled(head.into_owned(), theme.header),
        Span::styled(rule, theme.border),
    ])
}

fn event(app: &App, i: usize, width: usize, theme: &Theme) -> Line<'static> {
    let pos = app.shown[i] as usize;
    let e = &app.doc.timeline().events[pos];
    let selected = i == app.selected;
    let style = |s: Style| if selected { s.patch(theme.selected) } else { s };
    let mut spans = gutter(app, i, theme, style);
    let when = e.when.display_in(app.zone());
    let when_w = app.when_width.min(width / 3).max(4);
    spans.push(Span::styled(
        format!("{:<when_w$}  ", text::truncate(&when, when_w).0),
        style(theme.when),
    ));
    let mut marks = Vec::new();
    if !e.quotes.is_empty() {
        marks.push(Span::styled(
            format!(" {}q", e.quotes.len()),
            style(theme.marker),
        ));
    }
    if !e.claims.is_empty() {
        marks.push(Span::styled(
            format!(" {}c", e.claims.len()),
            style(theme.marker),
        ));
    }
    if app.doc.index().contested[pos] {
        marks.push(Span::styled(" ≠", style(theme.disputed)));
    }
    let marks_w: usize = marks.iter().map(|s| text::width(&s.content)).sum();
    let used = 2 + when_w + 2;
    let mut room = width.saturating_sub(used);
    if room < marks_w + 8 {
        marks.clear();
    } else {
        room -= marks_w;
    }
    let title = text::line(&e.title);
    let (shown, kept, tw) = text::truncate(&title, room);
    let hits = app
        .search
        .as_ref()
        .map(|s| ranges(&title, &s.needle))
        .unwrap_or_default();
    spans.extend(highlighted(
        &shown,
        kept,
        &hits,
        (Style::new(), theme.hit),
        style,
    ));
    if !marks.is_empty() {
        spans.push(Span::styled(" ".repeat(room - tw), style(Style::new())));
        spans.extend(marks);
    }
    Line::from(spans)
}
