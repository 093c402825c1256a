//! The round, speaker and filter pickers, drawn over the panes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::text::{cut, fill, put};
use super::theme::Theme;
use crate::app::detail::side_slot;
use crate::app::{App, Picker, PickerKind, View, layout, round_label, text};

/// Rows a picker asks for: its items (speakers: at least 8, so typing does not resize it),
/// plus the typing line.
#[must_use]
pub fn rows(p: &Picker) -> usize {
    match p.kind {
        PickerKind::Rounds => p.items.len().max(1),
        PickerKind::Speakers | PickerKind::Filters => p.items.len().max(8) + 1,
    }
}

pub fn render(app: &App, theme: &Theme, body: Rect, p: &Picker, buf: &mut Buffer) {
    let pane = layout::picker(body, rows(p));
    Clear.render(pane.outer, buf);
    let title = match p.kind {
        PickerKind::Rounds => " Rounds · Enter: jump · Esc: close ".to_string(),
        PickerKind::Speakers => format!(
            " Speakers ({}) · type to narrow · Enter: show their events ",
            p.items.len()
        ),
        PickerKind::Filters => format!(
            " Filters ({}) · type to narrow · Enter: turn on/off and close · Esc: close ",
            p.items.len()
        ),
    };
    Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title))
        .render(pane.outer, buf);
    let mut area = pane.inner;
    let w = usize::from(area.width);
    if area.height == 0 || w == 0 {
        return;
    }
    if p.kind != PickerKind::Rounds {
        let (prompt, none) = match p.kind {
            PickerKind::Filters => ("Filter", "  no filter by that name"),
            _ => ("Name", "  nobody by that name"),
        };
        let typed = format!(" {prompt}: {}▏", text::line(&p.query));
        put(buf, area, 0, &Line::from(cut(&typed, w, theme.title)));
        area.y += 1;
        area.height -= 1;
        if p.items.is_empty() && area.height > 0 {
            match &p.why_none {
                Some(why) => {
                    let lines = why.iter().flat_map(|said| {
                        let seg = [text::Seg::new(text::line(said), ())];
                        text::wrap(&seg, w.saturating_sub(2), 0, ())
                    });
                    for (y, line) in (0u16..area.height).zip(lines) {
                        let line: String = line.iter().map(|s| s.text.as_str()).collect();
                        put(
                            buf,
                            area,
                            y,
                            &Line::from(cut(&format!("  {line}"), w, theme.dim)),
                        );
                    }
                }
                None => put(buf, area, 0, &Line::from(cut(none, w, theme.dim))),
            }
        }
    }
    let h = usize::from(area.height);
    let top = p.top(h);
    for (y, (k, &item)) in (0u16..).zip(p.items.iter().enumerate().skip(top).take(h)) {
        let mark = if k == p.selected { "› " } else { "  " };
        let (left, right) = match p.kind {
            PickerKind::Rounds => round_row(app, item, theme),
            PickerKind::Speakers => speaker_row(app, item, theme),
            PickerKind::Filters => choice_row(app, p, item, theme),
        };
        let rw = text::width(&right);
        let room = w.saturating_sub(rw + 1);
        let mut spans = vec![Span::raw(mark)];
        let mut used = 2;
        for s in left {
            let s = cut(&s.content, room - used.min(room), s.style);
            used += text::width(&s.content);
            spans.push(s);
        }
        if rw < w {
            spans.push(Span::raw(" ".repeat(w.saturating_sub(rw + used))));
            spans.push(Span::styled(right, theme.dim));
        }
        if k == p.selected {
            fill(buf, area, y, theme.selected);
        }
        put(buf, area, y, &Line::from(spans));
    }
}

fn round_row(app: &App, r: u32, theme: &Theme) -> (Vec<Span<'static>>, String) {
    let index = app.doc.index();
    let total = match app.view {
        View::Events => index.in_round[r as usize].len(),
        View::Statements => index.round_statements.of(r as usize).total,
    };
    let unit = app.view.unit(total);
    // Counted when the picker opened (and again when the file under it was reloaded), or
    // still being counted on a thread.
    let count = match app
        .list
        .round_rows
        .as_ref()
        .map(|rows| rows[r as usize] as usize)
    {
        None => format!("counting… of {total} {unit}"),
        Some(shown) if shown == total => format!("{total} {unit}"),
        Some(shown) => format!("{shown} of {total} {unit} shown"),
    };
    let label = round_label(&app.doc.timeline().rounds[r as usize]);
    (vec![Span::styled(label, theme.label)], format!("{count} "))
}

fn choice_row(app: &App, p: &Picker, item: u32, theme: &Theme) -> (Vec<Span<'static>>, String) {
    let Some(choice) = p.choice(item) else {
        return (Vec::new(), String::new());
    };
    let label = choice.label(app.doc.timeline());
    let on = if p.is_on(item, &app.filter) {
        "on "
    } else {
        ""
    };
    (
        vec![Span::styled(text::line(&label).into_owned(), theme.label)],
        on.to_string(),
    )
}

fn speaker_row(app: &App, p: u32, theme: &Theme) -> (Vec<Span<'static>>, String) {
    let who = &app.doc.timeline().participants[p as usize];
    let s = &app.doc.index().speaking[p as usize];
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut counts = Vec::new();
    if s.quotes > 0 {
        counts.push(plural(s.quotes, "quote", "quotes"));
    }
    if s.claims > 0 {
        counts.push(plural(s.claims, "claim", "claims"));
    }
    let mut left = vec![Span::styled(
        text::line(&who.name).into_owned(),
        theme.side(who.side.as_deref().map(side_slot)),
    )];
    if let Some(side) = &who.side {
        left.push(Span::styled(format!(" · {}", text::line(side)), theme.dim));
    }
    (left, format!("{} ", counts.join(", ")))
}
