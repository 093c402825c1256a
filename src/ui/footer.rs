//! The footer: the search prompt while typing; otherwise the latest message or the most useful
//! keys for the current mode, with the search position and load warnings on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{cut, put, width};
use super::theme::Theme;
use crate::app::{App, Mode, Overlay, text};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut right: Vec<Span<'static>> = Vec::new();
    if let Some(s) = &app.search
        && !matches!(app.overlay, Overlay::Prompt { .. })
    {
        let n = s.hits.len();
        let status = match s.rank(app.selected) {
            Some(k) => format!(" match {}/{n} ", k + 1),
            None if n == 0 => " no match ".to_string(),
            None => format!(" {n} match{} ", if n == 1 { "" } else { "es" }),
        };
        right.push(Span::styled(status, theme.message));
    }
    if !app.doc.warnings().is_empty() {
        let n = app.doc.warnings().len();
        right.push(Span::styled(
            format!(" ⚠ {n} warning{} ", if n == 1 { "" } else { "s" }),
            theme.warning,
        ));
    }
    let w = usize::from(area.width);
    let prompt = matches!(app.overlay, Overlay::Prompt { .. });
    // What takes the place of the key hints: the latest message, else a reload's trouble.
    let notice = if prompt {
        None
    } else if let Some(m) = &app.message {
        Some((format!(" {m}"), theme.message))
    } else if let Some(p) = app.problems() {
        let (s, them) = if p.errors == 1 {
            ("", "it")
        } else {
            ("s", "them")
        };
        // Where the first error is comes before what a narrow footer can cut.
        let what = format!(
            " ⚠ the last save has {} error{s} ({} lists {them}): {} · showing the last good version",
            p.errors,
            app.keymap().label_of("show_problems"),
            text::line(&p.first)
        );
        Some((what, theme.warning))
    } else {
        app.gone().map(|why| {
            let what = format!(" ⚠ {}; showing the last good version", text::line(why));
            (what, theme.warning)
        })
    };
    // `? help` is how everything else is found, so it stays on screen at every width. The
    // status on the right gives way to it, and to a notice that needs the room; a notice is
    // cut to leave room for it.
    let help = app.help_hint();
    let help_w = app.help_hint_width();
    let need = match &notice {
        Some((what, _)) => text::width(what) + help_w,
        // Among the hints, `? help` is followed by two spaces (see `hints`).
        None if help.is_some() && !prompt => help_w + 2,
        None => 0,
    };
    if right.iter().map(|s| text::width(&s.content)).sum::<usize>() + need > w {
        right.clear();
    }
    let right = Line::from(right);
    let rw = width(&right);
    let room = w.saturating_sub(rw);
    // Hints keep `? help` among them; a notice leaves room for it at the right.
    let (room, help) = if notice.is_some() {
        (room.saturating_sub(help_w), help)
    } else {
        (room, None)
    };
    let left = if let Overlay::Prompt { text: typed } = &app.overlay {
        let typed = text::line(typed);
        let hint = "   Enter: search · Esc: cancel";
        let shown = format!("/{typed}▏");
        // Keep the end of a long query in view, where the typing happens.
        let keep = room.saturating_sub(text::width(hint)).max(room.min(8));
        let start = tail_start(&shown, keep);
        Line::from(vec![
            Span::styled(shown[start..].to_string(), theme.title),
            cut(
                hint,
                room.saturating_sub(text::width(&shown[start..])),
                theme.dim,
            ),
        ])
    } else if let Some((what, style)) = &notice {
        Line::from(cut(what, room, *style))
    } else {
        hints(app, room, theme)
    };
    put(buf, area, 0, &left);
    let help_w = if help.is_some() { help_w } else { 0 };
    if rw > 0 && rw + help_w <= w {
        let x = u16::try_from(w - rw - help_w).unwrap_or(0);
        let r = Rect::new(area.x + x, area.y, area.width - x, 1);
        put(buf, r, 0, &right);
    }
    if let Some((key, hint)) = help
        && help_w <= w
    {
        let x = u16::try_from(w - help_w).unwrap_or(0);
        let r = Rect::new(area.x + x, area.y, area.width - x, 1);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(key, theme.key),
            Span::styled(format!(" {hint}"), theme.dim),
        ]);
        put(buf, r, 0, &line);
    }
}

/// Where to start `s` so that its last `max` cells show.
fn tail_start(s: &str, max: usize) -> usize {
    let mut w = text::width(s);
    let mut start = 0;
    for c in text::clusters(s) {
        if w <= max {
            break;
        }
        w -= c.width;
        start = c.end;
    }
    start
}

fn hints(app: &App, room: usize, theme: &Theme) -> Line<'static> {
    let mut all = app.keymap().hints(app.mode());
    // Keys for links are offered only where there is one to go to.
    if app.mode() == Mode::Detail && !app.has_links() {
        all.retain(|(_, hint)| !matches!(*hint, "link" | "go"));
    }
    let cost = |(key, hint): &(String, &str)| text::width(key) + 1 + hint.len() + 2;
    // `? help` is kept at every width where it fits: it is how the rest is found.
    let help = all.iter().position(|(_, hint)| *hint == "help");
    let reserved = help.map_or(0, |k| cost(&all[k]));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    let mut full = false;
    for (k, h) in all.iter().enumerate() {
        let w = cost(h);
        let is_help = Some(k) == help;
        let budget = if is_help || help.is_some_and(|hk| hk < k) {
            room
        } else {
            room.saturating_sub(reserved)
        };
        if full && !is_help || used + w > budget {
            full = true;
            continue;
        }
        used += w;
        spans.push(Span::styled(h.0.clone(), theme.key));
        spans.push(Span::styled(format!(" {}  ", h.1), theme.dim));
    }
    Line::from(spans)
}
