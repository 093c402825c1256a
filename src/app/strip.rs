//! The density strip's state: its zoom (`z` finer, `Z` coarser; until the first, the finest
//! bucket size whose buckets over the whole span fit the strip), the counts of each zoom level
//! used (built once, by [`crate::query::density`], kept until the file is reloaded), and which
//! buckets are on screen. Drawing reads these; it never counts events.
//!
//! The strip counts every event of the file: filters hide rows, not time. A click on a bucket
//! selects the first shown event (or statement) in it.

use super::view::Place;
use super::{App, Pane};
use crate::query::density::{self, Density, Unit};

/// The zoom and the counts built so far.
#[derive(Debug, Clone, Default)]
pub struct Strip {
    /// The unit chosen with `z`/`Z`; `None` until then: the fitting unit.
    zoom: Option<Unit>,
    /// The counts built so far, by unit (finest first), each once.
    levels: [Option<Density>; 4],
    /// The unit drawn now: the zoom, or the fitting unit for the strip's width.
    unit: Option<Unit>,
}

fn slot(unit: Unit) -> usize {
    match unit {
        Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Year => 3,
    }
}

impl Strip {
    /// The counts of `unit`, built from `app`'s timeline the first time they are asked for.
    /// `None` when the timeline has no events or too long a span for that unit.
    fn level(
        &mut self,
        unit: Unit,
        t: &crate::model::Timeline<'_>,
        zone: crate::model::Zone,
    ) -> Option<&Density> {
        let k = slot(unit);
        if self.levels[k].is_none() {
            self.levels[k] = Density::build(t, unit, zone);
        }
        self.levels[k].as_ref()
    }

    /// Forgets the counts (the file changed); the zoom stays.
    pub(crate) fn clear(&mut self) {
        self.levels = Default::default();
        self.unit = None;
    }
}

impl App {
    /// The density strip's counts at the zoom in force, if the timeline has events.
    #[must_use]
    pub fn density(&self) -> Option<&Density> {
        self.strip
            .unit
            .and_then(|u| self.strip.levels[slot(u)].as_ref())
    }

    /// Makes the counts of the unit to draw ready: after loading, a resize, a zoom or a reload.
    pub(crate) fn prepare_strip(&mut self) {
        let width = self
            .strip_area()
            .map_or(usize::from(self.size.width), |r| usize::from(r.width));
        let t = self.doc.timeline();
        let zone = self.doc.zone();
        let mut unit = self
            .strip
            .zoom
            .unwrap_or_else(|| density::fitting(t, width, zone));
        // A span too long for the unit: the next coarser that can be counted.
        loop {
            if self.strip.level(unit, t, zone).is_some() {
                self.strip.unit = Some(unit);
                return;
            }
            let Some(coarser) = unit.coarser() else {
                self.strip.unit = None;
                return;
            };
            unit = coarser;
        }
    }

    /// `z` (`finer`) and `Z`: the next bucket size, as far as days and years.
    pub(crate) fn zoom(&mut self, finer: bool) {
        let Some(now) = self.strip.unit else {
            self.message = Some("no events: nothing to count".into());
            return;
        };
        let next = if finer { now.finer() } else { now.coarser() };
        let Some(next) = next else {
            let end = if finer {
                "days: z can go no finer"
            } else {
                "years: Z can go no coarser"
            };
            self.message = Some(format!("density strip in {end}"));
            return;
        };
        let (t, zone) = (self.doc.timeline(), self.doc.zone());
        let Some(d) = self.strip.level(next, t, zone) else {
            self.message = Some(format!(
                "too many {} to count (more than {}): staying in {}",
                next.plural(),
                density::MAX_BUCKETS,
                now.plural()
            ));
            return;
        };
        let n = d.len();
        self.strip.zoom = Some(next);
        self.strip.unit = Some(next);
        let mut message = format!("density strip: {n} {}", next.plural());
        if self.strip_area().is_none() {
            message.push_str(" (the strip is hidden at this terminal size)");
        }
        self.message = Some(message);
    }

    /// The buckets on screen in a strip `width` columns wide: (first bucket, how many). All of
    /// them when they fit; otherwise a window centred on the selected event's bucket.
    #[must_use]
    pub fn strip_window(&self, width: usize) -> Option<(usize, usize)> {
        let d = self.density()?;
        let n = d.len();
        if n <= width {
            return Some((0, n));
        }
        let at = d.bucket_of(self.selected_pos().unwrap_or(0));
        let first = at.saturating_sub(width / 2).min(n - width);
        Some((first, width))
    }

    /// A click `x` columns into a strip `width` wide: selects the first shown event (or
    /// statement) of the bucket there, or says why it cannot.
    pub(crate) fn click_strip(&mut self, x: usize, width: usize) {
        let Some((first, count)) = self.strip_window(width) else {
            return;
        };
        if x >= count {
            return;
        }
        let i = first + x;
        let Some(d) = self.density() else { return };
        let label = d.label(i);
        let Some(pos) = d.first_event(i) else {
            self.message = Some(format!("no event in {label}"));
            return;
        };
        let n = d.count(i);
        let in_bucket = |app: &App, row: usize| {
            row < app.len()
                && app
                    .density()
                    .is_some_and(|d| d.bucket_of(app.pos_at(row)) == i)
        };
        let row = self.row_of(Place {
            event: pos,
            statement: None,
        });
        if in_bucket(self, row) && self.pos_at(row) >= pos {
            self.focus = Pane::Timeline;
            self.select(row);
            self.message = Some(format!(
                "{label}: {n} event{}",
                if n == 1 { "" } else { "s" }
            ));
        } else {
            self.message = Some(format!(
                "{label}: {n} event{}, none shown (Esc clears the filter)",
                if n == 1 { "" } else { "s" }
            ));
        }
    }
}
