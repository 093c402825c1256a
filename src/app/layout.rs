//! Where each part of the screen goes, as a pure function of the terminal size, so that drawing
//! and mouse hit-testing always agree.

use ratatui::layout::Rect;

use super::Pane;

/// Below this width or height the screen shows only a one-line message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the panes stand side by side; below it they stack. At 100 columns side by
/// side, the timeline had 45 and cut titles that begin alike (the bundled timeline's eight
/// "Medinsky…" titles) to nearly the same text; stacked, it has the whole width.
pub const SIDE_BY_SIDE: u16 = 120;

/// A bordered part of the screen (a pane, an overlay): its whole area and the area inside its
/// borders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Region {
    pub outer: Rect,
    pub inner: Rect,
}

/// The parts of a screen large enough to browse in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    /// Each pane's region, in [`Pane::ALL`] order; [`Screen::pane`] reads one.
    pub panes: [Region; Pane::COUNT],
    pub footer: Rect,
    /// The panes one above the other (each with a top border only) instead of side by side
    /// (boxed).
    pub stacked: bool,
    /// Everything between the title bar and the footer; overlays are placed in it.
    pub body: Rect,
}

impl Screen {
    /// Where `pane` lies.
    #[must_use]
    pub const fn pane(&self, pane: Pane) -> Region {
        self.panes[pane as usize]
    }
}

/// How a pane takes its part of the width when the panes stand side by side. The layout reads
/// only these, never which pane it is placing, so that a new pane is placed by saying how it
/// fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Its share of the width in percent, or `None` to share what the panes with a share leave.
    pub share: Option<u16>,
    /// The most its share gives it, in columns; it may still grow past this with what a pane
    /// at its [`Fit::max`] cannot take.
    pub room: u16,
    /// The most it ever takes, in columns (wider prose reads worse); `u16::MAX` for no limit.
    pub max: u16,
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

/// The widths of panes fitting `fits` side by side in `total` columns, in the same order;
/// they add up to `total`. Panes with a share take it, up to their room, in order while
/// columns are left; the others split what is left evenly (the last the odd columns); what a
/// pane cannot take past its max goes to the first pane with no max (to the last pane if every
/// pane has one).
#[must_use]
pub fn widths(total: u16, fits: &[Fit]) -> Vec<u16> {
    let mut left = total;
    let mut w: Vec<u16> = fits
        .iter()
        .map(|f| {
            let share = f
                .share
                .map_or(0, |s| (u32::from(total) * u32::from(s) / 100) as u16);
            let take = share.min(f.room).min(left);
            left -= take;
            take
        })
        .collect();
    let rest: Vec<usize> = (0..fits.len())
        .filter(|&i| fits[i].share.is_none())
        .collect();
    for (k, &i) in rest.iter().enumerate() {
        let part = left / (rest.len() - k) as u16;
        w[i] = part;
        left -= part;
    }
    for (wi, f) in w.iter_mut().zip(fits) {
        let over = wi.saturating_sub(f.max);
        *wi -= over;
        left += over;
    }
    let open = fits.iter().position(|f| f.max == u16::MAX);
    if let Some(i) = open.or(fits.len().checked_sub(1)) {
        w[i] += left;
    }
    w
}

/// The heights of `n` panes one above the other in `total` rows: an even split, the last
/// pane taking the odd rows.
#[must_use]
pub fn heights(total: u16, n: usize) -> Vec<u16> {
    let n16 = u16::try_from(n).unwrap_or(u16::MAX).max(1);
    let each = total / n16;
    (0..n)
        .map(|i| {
            if i + 1 == n {
                total - each * (n16 - 1)
            } else {
                each
            }
        })
        .collect()
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
    let stacked = area.width < SIDE_BY_SIDE;
    let mut panes = [Region::default(); Pane::COUNT];
    let (mut x, mut y) = (body.x, body.y);
    if stacked {
        for (region, h) in panes.iter_mut().zip(heights(body.height, Pane::COUNT)) {
            *region = topped(Rect {
                y,
                height: h,
                ..body
            });
            y += h;
        }
    } else {
        let fits = Pane::ALL.map(Pane::fit);
        for (region, w) in panes.iter_mut().zip(widths(body.width, &fits)) {
            *region = boxed(Rect {
                x,
                width: w,
                ..body
            });
            x += w;
        }
    }
    Some(Screen {
        title,
        panes,
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
        let (timeline, detail) = (s.pane(Pane::Timeline), s.pane(Pane::Detail));
        assert_eq!(timeline.outer.right(), detail.outer.x);
        assert_eq!(detail.outer.right(), 120);
        let s = screen(Rect::new(0, 0, 119, 40)).unwrap();
        assert!(s.stacked);
        let (timeline, detail) = (s.pane(Pane::Timeline), s.pane(Pane::Detail));
        assert_eq!(timeline.outer.bottom(), detail.outer.y);
        assert_eq!(timeline.outer.height, 19);
        assert_eq!(detail.outer.bottom(), 39);
    }

    #[test]
    fn the_detail_pane_stops_at_100_columns_and_the_timeline_takes_the_rest() {
        let width = |w| {
            let s = screen(Rect::new(0, 0, w, 40)).unwrap();
            (
                s.pane(Pane::Timeline).outer.width,
                s.pane(Pane::Detail).outer.width,
            )
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
        assert!(s.panes.iter().all(|p| p.inner.height >= 1));
    }

    #[test]
    fn any_number_of_panes_fill_the_width_by_their_fits() {
        let fit = |share, room, max| Fit { share, room, max };
        let open = u16::MAX;
        // A third pane with a share of its own, beside the two the browser has.
        let fits = [
            fit(Some(45), 72, open),
            fit(Some(20), 30, 40),
            fit(None, open, 100),
        ];
        assert_eq!(widths(120, &fits), vec![54, 24, 42]);
        assert_eq!(widths(300, &fits), vec![170, 30, 100]);
        // Two panes sharing what is left split it, the last taking the odd column.
        let fits = [
            fit(Some(50), open, open),
            fit(None, open, open),
            fit(None, open, open),
        ];
        assert_eq!(widths(101, &fits), vec![50, 25, 26]);
        // Every pane has a max and none can take the rest: the last does, so nothing is bare.
        let fits = [fit(None, open, 10), fit(None, open, 10)];
        assert_eq!(widths(50, &fits), vec![10, 40]);
        // Shares past 100 % are given in order while columns are left.
        let fits = [fit(Some(80), open, open), fit(Some(80), open, open)];
        assert_eq!(widths(100, &fits), vec![80, 20]);
        for total in [0, 1, 7, 120, 333] {
            for n in 0..5 {
                assert_eq!(
                    heights(total, n).iter().sum::<u16>(),
                    if n == 0 { 0 } else { total }
                );
            }
        }
    }
}
