//! Turning the app's safe text into styled ratatui lines, and putting one line in one row.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::detail::Look;
use crate::app::text::{self, Seg};

/// A line of the detail pane (or help) as spans.
#[must_use]
pub fn line_of(segs: &[Seg<Look>], theme: &Theme) -> Line<'static> {
    Line::from(
        segs.iter()
            .map(|s| Span::styled(s.text.clone(), theme.look(s.role)))
            .collect::<Vec<_>>(),
    )
}

/// Draws `line` in row `y` of `area`, cut at the area's right edge (never mid-character).
///
/// Cell by cell, with the widths terminals use ([`text::cluster_width`]) and not ratatui's
/// `Buffer::set_line`: ratatui measures some clusters wider than terminals draw them
/// (`ﾃﾞ` as 3 cells, drawn in 2), which shifted everything after them one cell right and left a
/// gap. A cell whose symbol ratatui would measure differently carries its width as
/// `CellDiffOption::ForcedWidth`, so that ratatui's diff skips exactly the cells it covers and
/// moves the cursor to the next cell, where the terminal expects it. Like `set_line`, a span
/// stops at the first cluster that does not fit, and clusters of no width or with a control
/// character are left out.
pub fn put(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    if y >= area.height || area.width == 0 {
        return;
    }
    let row = area.y + y;
    let end = area.right();
    let mut x = area.x;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        let content: &str = &span.content;
        for c in text::clusters(content) {
            let symbol = &content[c.start..c.end];
            if c.width == 0 || symbol.contains(char::is_control) {
                continue;
            }
            let Some(w) = u16::try_from(c.width).ok().and_then(NonZeroU16::new) else {
                continue;
            };
            if end - x < w.get() {
                break;
            }
            let option = if symbol.cell_width() == w.get() {
                CellDiffOption::None
            } else {
                CellDiffOption::ForcedWidth(w)
            };
            buf[(x, row)]
                .set_symbol(symbol)
                .set_style(style)
                .set_diff_option(option);
            for hidden in x + 1..x + w.get() {
                buf[(hidden, row)].reset();
            }
            x += w.get();
        }
    }
}

/// Fills row `y` of `area` with `style` (for a selected row's full-width highlight).
pub fn fill(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    if y < area.height {
        buf.set_style(Rect::new(area.x, area.y + y, area.width, 1), style);
    }
}

/// Safe text in `style`, cut to `max` cells with `…`.
#[must_use]
pub fn cut(s: &str, max: usize, style: Style) -> Span<'static> {
    Span::styled(text::truncate(s, max).0.into_owned(), style)
}

/// Width of a line's text in cells.
#[must_use]
pub fn width(line: &Line<'_>) -> usize {
    line.spans.iter().map(|s| text::width(&s.content)).sum()
}

/// `shown` (the first `kept` bytes of a text, as [`text::truncate`] cut it) as spans in
/// `base`, the search's `hits` (byte ranges into the whole text) in `hit` instead; `patch`
/// is applied to every span (the selected row's highlight).
#[must_use]
pub fn highlighted(
    shown: &str,
    kept: usize,
    hits: &[std::ops::Range<usize>],
    (base, hit): (Style, Style),
    patch: impl Fn(Style) -> Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::with_capacity(hits.len() * 2 + 1);
    let mut at = 0;
    for r in hits {
        let (a, b) = (r.start.min(kept), r.end.min(kept));
        if a >= b {
            break;
        }
        if a > at {
            spans.push(Span::styled(shown[at..a].to_string(), patch(base)));
        }
        spans.push(Span::styled(shown[a..b].to_string(), patch(hit)));
        at = b;
    }
    spans.push(Span::styled(shown[at..].to_string(), patch(base)));
    spans
}

/// `title` shortened into `pieces` ([`text::shorten`]) as spans: its text as [`highlighted`]
/// draws it (the search's `hits` are byte ranges into the whole title), the marks put in for
/// what was left out in `mark`; `patch` applied to every span.
#[must_use]
pub fn pieces(
    title: &str,
    pieces: &[text::Piece],
    hits: &[std::ops::Range<usize>],
    (base, hit, mark): (Style, Style, Style),
    patch: impl Fn(Style) -> Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for p in pieces {
        match p {
            text::Piece::Text(r) => {
                let here: Vec<std::ops::Range<usize>> = hits
                    .iter()
                    .filter_map(|h| {
                        let (a, b) = (h.start.max(r.start), h.end.min(r.end));
                        (a < b).then(|| a - r.start..b - r.start)
                    })
                    .collect();
                let part = &title[r.clone()];
                spans.extend(highlighted(part, part.len(), &here, (base, hit), &patch));
            }
            text::Piece::Mark(m) => spans.push(Span::styled(*m, patch(mark))),
        }
    }
    spans
}

/// The two-cell gutter of row `i` of the main pane, saying in plain text what colour says
/// too: `›` selected (`◆` instead when the event is marked), `•` a search match; each span
/// through `style` (the selection's).
#[must_use]
pub fn gutter(
    app: &crate::app::App,
    i: usize,
    theme: &Theme,
    style: impl Fn(Style) -> Style,
) -> Vec<Span<'static>> {
    let selected = i == app.selected();
    let hit = app.search().and_then(|s| s.rank(i)).is_some();
    let mark = if hit {
        theme
            .hit
            .remove_modifier(ratatui::style::Modifier::UNDERLINED)
    } else {
        Style::new()
    };
    // A mark shows on the selected row too: the row's reverse video already says selected.
    let marked = app.marks().contains(app.pos_at(i));
    let first = if marked {
        Span::styled("◆", style(theme.mark))
    } else {
        Span::styled(if selected { "›" } else { " " }, style(Style::new()))
    };
    vec![
        first,
        Span::styled(if hit { "•" } else { " " }, style(mark)),
    ]
}
