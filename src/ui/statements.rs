//! One row of the statements view: when, who, the words (quotes in quotation marks, claims
//! never), the outlet with its relay or channel, and marks: `≠` disputed, `✓` confirmed by
//! another claim, `?` an anonymous (group) source, `↻` several outlets from one origin.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::text::{gutter, highlighted};
use super::theme::Theme;
use crate::app::search::ranges;
use crate::app::{App, text};
use crate::query::statement::{Kind, Statement};

/// The marks of a statement row, each with what it stands for (the help overlay lists them).
pub const MARKS: [(&str, &str); 4] = [
    ("≠", "disputed"),
    ("✓", "confirmed"),
    ("?", "anonymous"),
    ("↻", "single-origin"),
];

/// Row `i` of the statements view, `width` cells wide.
#[must_use]
pub fn row(app: &App, i: usize, width: usize, theme: &Theme) -> Line<'static> {
    let Some(at) = app.statement_at(i) else {
        return Line::default();
    };
    let s = Statement::read(app.timeline(), app.doc.index(), at);
    let selected = i == app.selected();
    let style = |st: Style| {
        if selected {
            st.patch(theme.selected)
        } else {
            st
        }
    };
    let mut spans = gutter(app, i, theme, style);
    let when_w = app.when_width.min(width / 4).max(4);
    let when = super::timeline::when_cell(&s.event.when.display_in(app.zone()), when_w);
    spans.push(Span::styled(format!("{when:<when_w$} "), style(theme.when)));
    let mut used = 2 + when_w + 1;

    // The marks, then the attribution, on the right, as room allows.
    let names: Vec<&str> = s.marks();
    let marks: String = MARKS
        .iter()
        .filter(|(_, name)| names.contains(name))
        .map(|(glyph, _)| *glyph)
        .collect();
    let outlet = text::line(&s.attribution.line()).into_owned();
    let room = width.saturating_sub(used);
    let marks_w = if marks.is_empty() {
        0
    } else {
        text::width(&marks) + 1
    };
    let outlet_w = if room >= 48 {
        text::width(&outlet).min(room / 3) + 2
    } else {
        0
    };

    let who = text::line(s.who.name()).into_owned();
    let who_w = text::width(&who).min(18);
    let (who, _, ww) = text::truncate(&who, who_w);
    spans.push(Span::styled(format!("{who}: "), style(theme.outlet)));
    used += ww + 2;

    let words = text::line(s.text).into_owned();
    let words = match s.kind() {
        Kind::Quote => format!("“{words}”"),
        Kind::Claim => words,
    };
    let room = width.saturating_sub(used + marks_w + outlet_w);
    let (shown, kept, tw) = text::truncate(&words, room);
    let hits = app
        .search()
        .map(|q| ranges(&words, &q.needle))
        .unwrap_or_default();
    let base = match s.kind() {
        Kind::Quote => theme.quote,
        Kind::Claim => Style::new(),
    };
    spans.extend(highlighted(&shown, kept, &hits, (base, theme.hit), style));
    used += tw;
    let right_w = marks_w + outlet_w;
    if right_w > 0 {
        spans.push(Span::styled(
            " ".repeat(width.saturating_sub(used + right_w)),
            style(Style::new()),
        ));
        if outlet_w > 0 {
            let (o, _, ow) = text::truncate(&outlet, outlet_w - 2);
            spans.push(Span::styled(
                format!("  {o}{}", " ".repeat(outlet_w - 2 - ow)),
                style(theme.dim),
            ));
        }
        if marks_w > 0 {
            spans.push(Span::styled(format!(" {marks}"), style(theme.disputed)));
        }
    }
    Line::from(spans)
}
