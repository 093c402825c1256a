//! The browser's panes as a type: which panes there are, in the order Tab moves through them,
//! and for each the mode its keys are read in, how it fits beside the others, and what a
//! click or the mouse wheel on it does. What a pane holds and does is in a file of its own in
//! `app` (`list`/`window` for the timeline, `detail` for the detail pane), what it draws in one
//! in `ui` (`timeline`, `detail`); this file and `ui`'s one `match` on the pane are the only
//! places that tell the panes apart. The layout places every pane in [`Pane::ALL`] by its
//! [`Fit`] alone. So a new pane is a variant here with its arms, a file in `app`, a file in
//! `ui`, and its arm in `ui`'s `match`. (A pane with keys of its own also gives them a `Mode`
//! in `keymap`, the one place keys are bound, so that the config file and the help list them.)

use ratatui::layout::{Position, Rect};

use super::layout::{Fit, Screen};
use super::{App, Mode};

/// One of the panes the keys can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The main pane: events or statements under their round headers, with the density strip.
    Timeline,
    /// Everything known about the selected event or statement, with its links.
    Detail,
}

impl Pane {
    /// How many panes there are.
    pub const COUNT: usize = 2;

    /// Every pane, in the order Tab moves the focus through them, and left to right (top to
    /// bottom when stacked) on screen.
    pub const ALL: [Pane; Self::COUNT] = [Pane::Timeline, Pane::Detail];

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

    /// How the pane takes its part of the width side by side.
    #[must_use]
    pub const fn fit(self) -> Fit {
        match self {
            // 45 %, up to 72 columns, and whatever the detail pane's prose cannot use past
            // 100 (on a 200-column terminal titles were cut beside a half-empty detail pane).
            Pane::Timeline => Fit {
                share: Some(45),
                room: 72,
                max: u16::MAX,
            },
            // The rest, up to 100 columns: wider prose reads worse, and the timeline's titles
            // can use the columns.
            Pane::Detail => Fit {
                share: None,
                room: u16::MAX,
                max: 100,
            },
        }
    }

    /// A click at `at`, inside the pane's borders (`inner`), after the pane took the focus.
    pub(crate) fn click(self, app: &mut App, inner: Rect, at: Position) {
        match self {
            Pane::Timeline => app.click_timeline(inner, at),
            Pane::Detail => {}
        }
    }

    /// The mouse wheel turned over the pane, `down` or up.
    pub(crate) fn wheel(self, app: &mut App, down: bool) {
        match self {
            Pane::Timeline => app.scroll_list(down),
            Pane::Detail => app.scroll_detail(down),
        }
    }

    /// The pane whose frame holds `at` on `screen`, if one does.
    #[must_use]
    pub fn at(screen: &Screen, at: Position) -> Option<Pane> {
        Self::ALL
            .into_iter()
            .find(|&p| screen.pane(p).outer.contains(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::layout;
    use ratatui::layout::Rect;

    #[test]
    fn all_holds_each_pane_once_at_its_own_index() {
        for (i, p) in Pane::ALL.into_iter().enumerate() {
            assert_eq!(p as usize, i);
        }
    }

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
                    .filter(|&p| s.pane(p).outer.contains(at))
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
