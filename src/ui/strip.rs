//! The density strip at the top of the timeline pane: a row of bars (ratatui's `Sparkline`),
//! the events of each day, week, month or year, `·` for a bucket with none; and under it a row
//! of ticks and labels: `▲` under the selected event's bucket, `◆` (as in the list) under
//! buckets holding a marked event, the selected bucket's label beside its tick and the first
//! and last buckets' at the ends where they fit. Only the buckets on screen are read, from
//! counts built once (see `app::strip`): drawing never walks the events.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Sparkline, SparklineBar, Widget};

use super::theme::Theme;
use crate::app::App;

/// Bar heights: a bucket with any event is at least one eighth high, so that one event among
/// thousands still shows.
const LEVELS: u64 = 8;

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let (Some(d), Some((first, n))) = (app.density(), app.strip_window(width)) else {
        return;
    };
    let selected = app.selected_pos().map(|p| d.bucket_of(p));
    let marks = app.marks().positions();
    let marked = |i: usize| {
        let r = d.range(i);
        let k = marks.partition_point(|&m| m < r.start);
        marks.get(k).is_some_and(|&m| m < r.end)
    };
    let max = u64::from(d.max().max(1));
    let bars: Vec<SparklineBar> = (first..first + n)
        .map(|i| {
            let c = u64::from(d.count(i));
            if c == 0 {
                return SparklineBar::from(None);
            }
            let style = if Some(i) == selected {
                Some(theme.header)
            } else if marked(i) {
                Some(theme.mark)
            } else {
                None
            };
            SparklineBar::from((c * LEVELS).div_ceil(max)).style(style)
        })
        .collect();
    Sparkline::default()
        .data(bars)
        .max(LEVELS)
        .style(theme.strip)
        .absent_value_symbol("·")
        .absent_value_style(theme.dim)
        .render(Rect { height: 1, ..area }, buf);
    if area.height < 2 {
        return;
    }

    // The ticks, then the labels where they fit between them (a space each side), in the
    // whole width: the selected bucket's beside its tick, then the first bucket's at the left,
    // then the last bucket's under its end (or just after it, when there is room).
    let mut cells: Vec<Option<(&str, Style)>> = vec![None; width];
    for (x, i) in (first..first + n).enumerate() {
        if Some(i) == selected {
            cells[x] = Some(("▲", theme.header));
        } else if marked(i) {
            cells[x] = Some(("◆", theme.mark));
        }
    }
    let mut taken: Vec<bool> = cells.iter().map(Option::is_some).collect();
    let mut labels: Vec<(usize, String)> = Vec::new();
    let mut place = |at: usize, text: &str, taken: &mut Vec<bool>| {
        let end = at + text.len();
        let free = end <= width
            && taken[at.saturating_sub(1)..(end + 1).min(width)]
                .iter()
                .all(|t| !t);
        if free {
            taken[at..end].iter_mut().for_each(|t| *t = true);
            labels.push((at, text.to_string()));
        }
        free
    };
    if let Some(s) = selected.filter(|s| (first..first + n).contains(s)) {
        let x = s - first;
        let text = d.label(s);
        let _ = place(x + 2, &text, &mut taken)
            || (x >= text.len() + 2 && place(x - 1 - text.len(), &text, &mut taken));
    }
    place(0, &d.label(first), &mut taken);
    let last = d.label(first + n - 1);
    let _ = (n >= last.len() && place(n - last.len(), &last, &mut taken))
        || place(n + 1, &last, &mut taken);

    let y = area.y + 1;
    for (x, cell) in cells.iter().enumerate() {
        if let Some((glyph, style)) = cell {
            buf.set_string(area.x + x as u16, y, glyph, *style);
        }
    }
    for (x, text) in labels {
        buf.set_string(area.x + x as u16, y, text, theme.dim);
    }
}
