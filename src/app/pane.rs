//! The browser's panes as a type: which panes there are, in the order Tab moves through them,
//! and for each the mode its keys are read in and where it lies on screen. What a pane holds
//! and does is in a file of its own in `app` (`list`/`window` for the timeline, `detail` for
//! the detail pane), what it draws in one in `ui` (`timeline`, `detail`), both reached from
//! here by one `match` each: a new pane is a variant here, its place in `layout::Screen`
//! (where it goes is the layout's to decide), and those two files.

use ratatui::layout::Position;

use super::Mode;
use super::layout::{Region, Screen};

/// One of the panes the keys can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The main pane: events or statements under their round headers, with the density strip.
    Timeline,
    /// Everything known about the selected event or statement, with its links.
    Detail,
}

impl Pane {
    /// Every pane, in the order Tab moves the focus through them.
    pub const ALL: [Pane; 2] = [Pane::Timeline, Pane::Detail];

    /// The pane after this one in Tab order, the first after the last.
    #[must_use]
    pub fn next(self) -> Pane {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// The pane before this one in Tab order, the last before the first.
    #[must_use]
    pub fn prev(self) -> Pane {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }

    /// The mode keys are read in while this pane has the focus and nothing is open over it.
    #[must_use]
    pub const fn mode(self) -> Mode {
        match self {
            Pane::Timeline => Mode::Timeline,
            Pane::Detail => Mode::Detail,
        }
    }

    /// Where the pane lies on `screen`.
    #[must_use]
    pub const fn region(self, screen: &Screen) -> Region {
        match self {
            Pane::Timeline => screen.timeline,
            Pane::Detail => screen.detail,
        }
    }

    /// The pane whose frame holds `at` on `screen`, if one does.
    #[must_use]
    pub fn at(screen: &Screen, at: Position) -> Option<Pane> {
        Self::ALL
            .into_iter()
            .find(|p| p.region(screen).outer.contains(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::layout;
    use ratatui::layout::Rect;

    #[test]
    fn tab_goes_round_every_pane_both_ways() {
        for p in Pane::ALL {
            assert_eq!(p.next().prev(), p);
            assert_ne!(p.next(), p);
        }
        assert_eq!(Pane::Detail.next(), Pane::Timeline);
        assert_eq!(Pane::Timeline.prev(), Pane::Detail);
    }

    #[test]
    fn every_cell_of_a_pane_belongs_to_that_pane_alone() {
        for size in [Rect::new(0, 0, 80, 24), Rect::new(0, 0, 160, 50)] {
            let s = layout::screen(size).unwrap();
            for at in size.positions() {
                let holding: Vec<Pane> = Pane::ALL
                    .into_iter()
                    .filter(|p| p.region(&s).outer.contains(at))
                    .collect();
                assert!(holding.len() <= 1, "{at:?} in {holding:?}");
                assert_eq!(Pane::at(&s, at), holding.first().copied(), "{at:?}");
                // The title bar and the footer belong to no pane; every other row does.
                let edge = at.y == size.y || at.y == size.bottom() - 1;
                assert_eq!(Pane::at(&s, at).is_none(), edge, "{size:?} {at:?}");
            }
        }
    }
}
