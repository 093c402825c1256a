//! The timeline pane's window: which rows are on screen. Round headers are interleaved only
//! for the rows in view (a header opens the window and precedes each shown event whose round
//! differs from the previous shown event's), so nothing here walks more than a screenful.

use super::App;

/// One row of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A round header: an index into `Timeline::rounds`, or `None` for events in no round.
    Header(Option<u32>),
    /// An event: an index into the shown list.
    Event(usize),
}

/// How far a paging key moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// A screenful, less two events that stay in view (`PgDn`, `PgUp`).
    Whole,
    /// Half a screenful (`Ctrl-d`, `Ctrl-u`).
    Half,
}

impl App {
    /// How many events a page moves from `top` in a pane `height` rows high: counted on the
    /// screen shown (down) or on the screen that ends where this one begins (up), so that
    /// round headers on screen never make a page skip an event; up, once that screen reaches
    /// the first event, the screen shown, as down. At least 1.
    #[must_use]
    pub fn page_events(&self, page: Page, top: usize, height: usize, down: bool) -> usize {
        let here = self.last_visible(top, height).saturating_sub(top) + 1;
        let on_screen = if down {
            here
        } else {
            let last = (top + 1).min(self.made().saturating_sub(1));
            match self.lowest_top(last, height) {
                // The window reaches the first event: nothing above can be skipped, and the
                // selection moves as far as down would, not a row at a time.
                0 => (last + 1).max(here),
                first => last - first + 1,
            }
        };
        match page {
            Page::Whole => on_screen.saturating_sub(2),
            Page::Half => on_screen / 2,
        }
        .max(1)
    }

    /// Whether a header row precedes shown event `i` when it is not the first row.
    fn opens_group(&self, i: usize) -> bool {
        i == 0 || self.round_at(i) != self.round_at(i - 1)
    }

    /// Rows needed to show events `top..=last` (headers included), or `None` when that is
    /// more than `height` (found without walking further than `height`).
    fn span(&self, top: usize, last: usize, height: usize) -> Option<usize> {
        if last < top || last - top >= height {
            return None;
        }
        let mut rows = 1 + (last - top + 1);
        for i in top + 1..=last {
            if self.opens_group(i) {
                rows += 1;
            }
        }
        (rows <= height).then_some(rows)
    }

    /// The smallest top from which event `last` is still on screen.
    fn lowest_top(&self, last: usize, height: usize) -> usize {
        let mut rows = 2;
        let mut k = last;
        while k > 0 {
            let extra = 1 + usize::from(self.opens_group(k));
            if rows + extra > height {
                break;
            }
            rows += extra;
            k -= 1;
        }
        k
    }

    /// The top that keeps `sel` on screen (with a little context when there is room), moving
    /// as little as possible from `top`.
    #[must_use]
    pub fn fit_top(&self, top: usize, sel: usize, height: usize) -> usize {
        let len = self.made();
        if len == 0 {
            return 0;
        }
        let sel = sel.min(len - 1);
        if height <= 2 {
            return sel;
        }
        let context = match height {
            0..5 => 0,
            5..10 => 1,
            _ => 2,
        };
        let lo = sel.saturating_sub(context);
        let hi = (sel + context).min(len - 1);
        let mut top = top.min(len - 1);
        if lo < top {
            top = lo;
        }
        if self.span(top, hi, height).is_none() {
            top = self.lowest_top(hi, height).max(top);
            if top > sel || self.span(top, hi, height).is_none() {
                top = self.lowest_top(sel, height);
            }
        }
        top
    }

    /// `top`, moved up if the pane (`height` rows) would otherwise end in blank rows below
    /// the last event: after the terminal grows, the rows above come into view.
    #[must_use]
    pub fn filled_top(&self, top: usize, height: usize) -> usize {
        match self.len() {
            0 => 0,
            len => top.min(self.lowest_top(len - 1, height)),
        }
    }

    /// Where the timeline pane starts for a pane `height` rows high: the stored top when the
    /// selection is on screen from it, otherwise the nearest top that shows it.
    #[must_use]
    pub fn view_top(&self, height: usize) -> usize {
        let top = self.top.min(self.made().saturating_sub(1));
        let visible = if height <= 2 {
            top <= self.selected && self.selected < top + height
        } else {
            top <= self.selected && self.span(top, self.selected, height).is_some()
        };
        if visible {
            top
        } else {
            self.fit_top(top, self.selected, height)
        }
    }

    /// The rows on screen from `top` in a pane `height` rows high. A pane of two rows or less
    /// shows events without headers.
    #[must_use]
    pub fn rows(&self, top: usize, height: usize) -> Vec<Row> {
        let mut out = Vec::with_capacity(height);
        let len = self.made();
        if len == 0 || height == 0 {
            return out;
        }
        let headers = height > 2;
        let mut i = top.min(len - 1);
        if headers {
            out.push(Row::Header(self.round_at(i)));
        }
        while out.len() < height && i < len {
            if headers && i > top && self.opens_group(i) {
                out.push(Row::Header(self.round_at(i)));
                if out.len() == height {
                    break;
                }
            }
            out.push(Row::Event(i));
            i += 1;
        }
        out
    }

    /// The last event wholly on screen from `top`.
    #[must_use]
    pub fn last_visible(&self, top: usize, height: usize) -> usize {
        self.rows(top, height)
            .iter()
            .rev()
            .find_map(|r| match r {
                Row::Event(i) => Some(*i),
                Row::Header(_) => None,
            })
            .unwrap_or(top)
    }

    /// The largest useful top: the one that shows the last event at the bottom.
    #[must_use]
    pub fn max_top(&self, height: usize) -> usize {
        match self.len() {
            0 => 0,
            len if height <= 2 => len - 1,
            len => self.lowest_top(len - 1, height),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BUNDLED;
    use crate::query::Filter;
    use crate::query::document::Document;

    #[test]
    fn the_selection_is_on_screen_at_every_height_and_headers_mark_round_changes() {
        let doc = Document::load("t", BUNDLED.to_string()).unwrap();
        let mut app = App::new(std::sync::Arc::new(doc), &Filter::default());
        for height in 1..16 {
            app.top = 0;
            for sel in (0..app.shown().len()).chain((0..app.shown().len()).rev()) {
                app.selected = sel;
                app.top = app.fit_top(app.top, sel, height);
                let rows = app.rows(app.view_top(height), height);
                assert!(rows.len() <= height);
                assert!(
                    rows.contains(&Row::Event(sel)),
                    "height {height}, selected {sel}"
                );
                assert_eq!(
                    app.view_top(height),
                    app.top,
                    "the stored top is the drawn top"
                );
                if height > 2 {
                    assert!(matches!(rows[0], Row::Header(_)));
                    for w in rows.windows(2) {
                        if let [Row::Event(a), Row::Event(b)] = w {
                            assert_eq!(app.round_at(*a), app.round_at(*b), "a header is missing");
                        }
                        if let [Row::Event(a), Row::Header(r)] = w {
                            assert_ne!(app.round_at(*a), *r, "a header repeats its round");
                        }
                    }
                }
            }
        }
    }
}
