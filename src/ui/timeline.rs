//! The main pane: only the rows on screen are built, under their round headers. In the events
//! view each event is its `when` at its own precision, its title, and markers for quotes,
//! claims and disputes; in the statements view, rows are drawn by [`statements`](super::statements).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Framed;
use super::text::{cut, fill, gutter, pieces, put};
use super::theme::Theme;
use crate::app::layout;
use crate::app::search::ranges;
use crate::app::text;
use crate::app::window::Row;
use crate::app::{App, View, round_label};

pub fn render(app: &App, theme: &Theme, frame: Framed, buf: &mut Buffer) {
    let pane = frame.region;
    // The date column's zone, on the frame: the column itself has no room to repeat it.
    let zone = zone_label(app, usize::from(pane.outer.width));
    frame
        .block(app.view().name(), theme, zone)
        .render(pane.outer, buf);
    let (strip, area) = layout::strip(pane.inner);
    if let Some(strip) = strip {
        super::strip::render(app, theme, strip, buf);
    }
    if area.width == 0 || area.height == 0 {
        return;
    }
    if app.is_empty() {
        let keys = app.keymap();
        let msg = if app.doc.timeline().events.is_empty() {
            "No events.".to_string()
        } else if app.view() == View::Statements && !app.shown().is_empty() {
            format!(
                "No quote or claim in the events shown. {} lists the events.",
                keys.label_of("toggle_view")
            )
        } else {
            // Short enough for a narrow pane: the detail pane says why.
            let (none, filters, _) = app.nothing_words();
            format!(
                "{none} passes. {} clears the {filters}.",
                keys.label_of("back")
            )
        };
        put(
            buf,
            area,
            0,
            &Line::from(cut(&msg, usize::from(area.width), theme.dim)),
        );
        return;
    }
    let h = usize::from(area.height);
    let top = app.view_top(h);
    // The event drawn in the row above, if the row above is an event.
    let mut above = None;
    for (y, row) in (0u16..).zip(app.rows(top, h)) {
        let line = match row {
            Row::Header(r) => header(app, r, usize::from(area.width), theme),
            Row::Event(i) => match app.view() {
                View::Events => event(app, i, above, usize::from(area.width), theme),
                View::Statements => super::statements::row(app, i, usize::from(area.width), theme),
            },
        };
        above = match row {
            Row::Event(i) => Some(i),
            Row::Header(_) => None,
        };
        if row == Row::Event(app.selected) {
            fill(buf, area, y, theme.selected);
        }
        put(buf, area, y, &line);
    }
}

/// The zone's name for the timeline's frame, ` America/New_York `; where the frame of `width`
/// cells has no room for it beside the pane's name, its last part (` New_York `), then the
/// abbreviation in force at the selected event (` EDT `).
fn zone_label(app: &App, width: usize) -> Option<String> {
    let zone = app.zone();
    let room = width.saturating_sub(app.view().name().len() + 2 + 4);
    let name = zone.name();
    let city = name.rsplit('/').next().unwrap_or(name);
    let instant = app
        .selected_pos()
        .map_or(0, |p| app.doc.timeline().events[p as usize].when.instant);
    let abbr = zone.abbreviation_at(instant);
    [name, city, abbr.as_str()]
        .into_iter()
        .find(|l| l.len() + 2 <= room)
        .map(|l| format!(" {l} "))
}

/// A date column's entry in `w` cells: whole when it fits; else its day alone (`2025-07-23`),
/// the time of day being in the detail pane; else cut. Never without its year: a column that
/// dropped it from some rows (those with a time) and not others would read `12-31 22:00`,
/// `01-01 01:00`, `2026-01-05`, out of order across a new year.
#[must_use]
pub fn when_cell(shown: &str, w: usize) -> String {
    if shown.len() <= w {
        return shown.to_string();
    }
    match shown.get(..10) {
        Some(day) if w >= 10 && shown.as_bytes().get(10) == Some(&b' ') => day.to_string(),
        _ => text::truncate(shown, w).0.into_owned(),
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

/// Row `i` of the events view; `above` is the event in the row above it, if any, whose
/// `Name: ` prefix this row's title may leave out as a ditto mark when it must be shortened.
fn event(app: &App, i: usize, above: Option<usize>, width: usize, theme: &Theme) -> Line<'static> {
    let pos = app.shown()[i] as usize;
    let e = &app.doc.timeline().events[pos];
    let selected = i == app.selected;
    let style = |s: Style| if selected { s.patch(theme.selected) } else { s };
    let mut spans = gutter(app, i, theme, style);
    let when_w = app.when_width.min(width / 3).max(4);
    let when = when_cell(&e.when.display_in(app.zone()), when_w);
    spans.push(Span::styled(
        format!("{when:<when_w$}  "),
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
    if app.doc.index().contested(app.doc.timeline(), pos) {
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
    let repeated = above.is_some_and(|a| {
        let prev = text::line(&app.doc.timeline().events[app.shown()[a] as usize].title);
        text::speaker_prefix(&title)
            .is_some_and(|p| prev.get(..p).is_some_and(|q| q == &title[..p]))
    });
    let (cut, tw) = text::shorten(&title, room, repeated);
    let hits = app
        .search
        .as_ref()
        .map(|s| ranges(&title, &s.needle))
        .unwrap_or_default();
    spans.extend(pieces(
        &title,
        &cut,
        &hits,
        (Style::new(), theme.hit, theme.dim),
        style,
    ));
    if !marks.is_empty() {
        spans.push(Span::styled(" ".repeat(room - tw), style(Style::new())));
        spans.extend(marks);
    }
    Line::from(spans)
}
