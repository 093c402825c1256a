//! Where each part of the screen goes, as a pure function of the terminal size, so that drawing
//! and mouse hit-testing always agree.

use ratatui::layout::Rect;

/// Below this width or height the screen shows only a one-line message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the panes stand side by side; below it they stack. At 100 columns side by
/// side, the timeline had 45 and cut titles that begin alike (the bundled timeline's eight
/// "Medinsky…" titles) to nearly the same text; stacked, it has the whole width.
pub const SIDE_BY_SIDE: u16 = 120;

/// The widest the detail pane grows side by side, in columns: wider prose reads worse, and
/// the timeline's titles can use the rest.
pub const DETAIL_MAX: u16 = 100;

/// A bordered part of the screen (a pane, an overlay): its whole area and the area inside its
/// borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub outer: Rect,
    pub inner: Rect,
}

/// The parts of a screen large enough to browse in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    pub timeline: Region,
    pub detail: Region,
    pub footer: Rect,
    /// Timeline above detail (each with a top border only) instead of side by side (boxed).
    pub stacked: bool,
    /// Everything between the title bar and the footer; overlays are placed in it.
    pub body: Rect,
}

/// The inside of a fully bordered rectangle.
#[must_use]
pub fn boxed(outer: Rect) -> Region {
    Region {
        outer,
        inner: Rect {
            x: outer.x.saturating_add(1),
            y: outer.y.saturating_add(1),
            width: outer.width.saturating_sub(2),
            height: outer.height.saturating_sub(2),
        },
    }
}

/// The inside of a rectangle with only a top border.
#[must_use]
pub fn topped(outer: Rect) -> Region {
    Region {
        outer,
        inner: Rect {
            y: outer.y.saturating_add(1),
            height: outer.height.saturating_sub(1),
            ..outer
        },
    }
}

/// The layout for a terminal of `area`, or `None` when it is too small to browse in.
#[must_use]
pub fn screen(area: Rect) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let title = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    let (timeline, detail, stacked) = if area.width >= SIDE_BY_SIDE {
        // The timeline takes 45 %, up to 72 columns, and whatever the detail pane's prose
        // cannot use past 100 (on a 200-column terminal titles were cut beside a half-empty
        // detail pane).
        let w = (area.width * 9 / 20)
            .min(72)
            .max(area.width.saturating_sub(DETAIL_MAX));
        let left = Rect { width: w, ..body };
        let right = Rect {
            x: body.x + w,
            width: body.width - w,
            ..body
        };
        (boxed(left), boxed(right), false)
    } else {
        let h = (body.height / 2).max(2).min(body.height - 2);
        let top = Rect { height: h, ..body };
        let bottom = Rect {
            y: body.y + h,
            height: body.height - h,
            ..body
        };
        (topped(top), topped(bottom), true)
    };
    Some(Screen {
        title,
        timeline,
        detail,
        footer,
        stacked,
        body,
    })
}

/// The density strip's rows: one of bars, one of ticks and labels.
pub const STRIP_ROWS: u16 = 2;
/// The smallest inside of the timeline pane that has a strip: below, the rows all go to the
/// list (at 80×24 the strip shows, leaving the list 8 rows).
pub const STRIP_MIN_HEIGHT: u16 = 10;
pub const STRIP_MIN_WIDTH: u16 = 24;

/// The timeline pane's inside split into the density strip (its top rows, when the pane is
/// large enough) and the list below it.
#[must_use]
pub fn strip(inner: Rect) -> (Option<Rect>, Rect) {
    if inner.height < STRIP_MIN_HEIGHT || inner.width < STRIP_MIN_WIDTH {
        return (None, inner);
    }
    let strip = Rect {
        height: STRIP_ROWS,
        ..inner
    };
    let list = Rect {
        y: inner.y + STRIP_ROWS,
        height: inner.height - STRIP_ROWS,
        ..inner
    };
    (Some(strip), list)
}

/// A box of at most `width` × `height` centred in `area`.
#[must_use]
pub fn centred(area: Rect, width: u16, height: u16) -> Region {
    let w = width.min(area.width);
    let h = height.min(area.height);
    boxed(Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    })
}

/// The help overlay's box inside the body.
#[must_use]
pub fn help(body: Rect) -> Region {
    centred(body, 84, body.height)
}

/// A picker's box inside the body, for `rows` rows of content.
#[must_use]
pub fn picker(body: Rect, rows: usize) -> Region {
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    centred(body, 76, rows.saturating_add(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_sit_side_by_side_from_120_columns() {
        let s = screen(Rect::new(0, 0, 120, 40)).unwrap();
        assert!(!s.stacked);
        assert_eq!(s.timeline.outer.right(), s.detail.outer.x);
        assert_eq!(s.detail.outer.right(), 120);
        let s = screen(Rect::new(0, 0, 119, 40)).unwrap();
        assert!(s.stacked);
        assert_eq!(s.timeline.outer.bottom(), s.detail.outer.y);
        assert_eq!(s.detail.outer.bottom(), 39);
    }

    #[test]
    fn the_detail_pane_stops_at_100_columns_and_the_timeline_takes_the_rest() {
        let width = |w| {
            let s = screen(Rect::new(0, 0, w, 40)).unwrap();
            (s.timeline.outer.width, s.detail.outer.width)
        };
        // 45 % up to 72 columns for the timeline; past that, the detail pane stops at 100.
        assert_eq!(width(120), (54, 66));
        assert_eq!(width(160), (72, 88));
        assert_eq!(width(172), (72, 100));
        assert_eq!(width(200), (100, 100));
        assert_eq!(width(300), (200, 100));
    }

    #[test]
    fn too_small_has_no_layout() {
        assert!(screen(Rect::new(0, 0, 19, 40)).is_none());
        assert!(screen(Rect::new(0, 0, 80, 5)).is_none());
        let s = screen(Rect::new(0, 0, 20, 6)).unwrap();
        assert!(s.timeline.inner.height >= 1 && s.detail.inner.height >= 1);
    }
}
