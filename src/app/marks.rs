//! Marked events: `m` marks or unmarks the selected one, `u` and `U` go to the next and the
//! previous mark, stopping at the last and the first (as lnav does). Marks are held by event
//! id, so that they follow the events across a reload; ids the file no longer has are kept
//! (the event may come back) and not shown. Saving is the terminal side's (see
//! [`crate::marks`]): [`App::take_marks_to_save`] hands it what to write.

use std::collections::BTreeSet;

use super::view::Place;
use super::{App, text};
use crate::model::Timeline;

/// The marks of the file shown.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Every id marked, those the file lacks now included.
    ids: BTreeSet<String>,
    /// Timeline positions of the marked events the file has, ascending.
    positions: Vec<u32>,
}

impl Marks {
    /// The marks `ids`, placed in `t`.
    #[must_use]
    pub fn new(ids: BTreeSet<String>, t: &Timeline<'_>) -> Marks {
        let mut marks = Marks {
            ids,
            positions: Vec::new(),
        };
        marks.locate(t);
        marks
    }

    /// Every id marked, those the file lacks now included: what is saved.
    #[must_use]
    pub fn ids(&self) -> &BTreeSet<String> {
        &self.ids
    }

    /// Timeline positions of the marked events, ascending.
    #[must_use]
    pub fn positions(&self) -> &[u32] {
        &self.positions
    }

    /// Whether the event at timeline position `pos` is marked.
    #[must_use]
    pub fn contains(&self, pos: u32) -> bool {
        self.positions.binary_search(&pos).is_ok()
    }

    /// Finds the marked ids in `t` (one pass over its events, only when something is marked).
    pub(crate) fn locate(&mut self, t: &Timeline<'_>) {
        self.positions.clear();
        if self.ids.is_empty() {
            return;
        }
        self.positions.extend(
            (0u32..)
                .zip(&t.events)
                .filter(|(_, e)| self.ids.contains(&*e.id.value))
                .map(|(pos, _)| pos),
        );
    }

    /// Marks the event at `pos` of `t`, or unmarks it when it is marked; whether it is marked
    /// now.
    fn toggle(&mut self, t: &Timeline<'_>, pos: u32) -> bool {
        let id = &t.events[pos as usize].id.value;
        match self.positions.binary_search(&pos) {
            Ok(k) => {
                self.positions.remove(k);
                self.ids.remove(&**id);
                false
            }
            Err(k) => {
                self.positions.insert(k, pos);
                self.ids.insert(id.to_string());
                true
            }
        }
    }
}

impl App {
    /// The marks of the file shown.
    #[must_use]
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// The browser with the marks `ids` (read from the marks file). With `trouble` (the file
    /// could not be read), it says why in the footer and asks for no save, so that marks made
    /// meanwhile never overwrite a file the user may want to mend.
    #[must_use]
    pub fn with_marks(mut self, ids: BTreeSet<String>, trouble: Option<String>) -> Self {
        self.marks = Marks::new(ids, self.doc.timeline());
        if let Some(why) = trouble {
            self.message = Some(format!("⚠ {}", text::line(&why)));
            self.marks_unsaved = Some(why);
        }
        if self.filter.marked.is_some() {
            let mut filter = self.filter.clone();
            filter.marked = Some(self.marks.positions.clone());
            self.set_filter(filter);
        }
        self
    }

    /// The marks to write, once after each change: the terminal side writes them and reports
    /// a failure with [`App::marks_not_saved`].
    pub fn take_marks_to_save(&mut self) -> Option<BTreeSet<String>> {
        self.marks_save.take()
    }

    /// The last save of the marks failed: the view stays as it is, the footer says why.
    pub fn marks_not_saved(&mut self, why: &str) {
        self.message = Some(format!("⚠ marks not saved: {}", text::line(why)));
    }

    /// `m`: marks the selected event (in the statements view, the selected statement's), or
    /// unmarks it.
    pub(crate) fn toggle_mark(&mut self) {
        let Some(pos) = self.selected_pos() else {
            self.message = Some("nothing to mark".into());
            return;
        };
        let on = self.marks.toggle(self.doc.timeline(), pos);
        let n = self.marks.positions.len();
        let mut message = format!(
            "{} · {n} mark{}",
            if on { "marked" } else { "unmarked" },
            if n == 1 { "" } else { "s" }
        );
        if self.marks_unsaved.is_some() {
            message.push_str(" · not saved: the marks file is unreadable");
        } else {
            if n > 0 {
                let (next, prev) = (
                    self.keys.label_of("next_mark"),
                    self.keys.label_of("prev_mark"),
                );
                message = format!("{message} ({next}/{prev} go to them)");
            }
            self.marks_save = Some(self.marks.ids.clone());
        }
        if self.filter.marked.is_some() {
            let mut filter = self.filter.clone();
            filter.marked = Some(self.marks.positions.clone());
            self.set_filter(filter);
        }
        self.message = Some(message);
    }

    /// `u` (`forward`) and `U`: the next or previous marked event that is shown, after or
    /// before the selected event. Stops at the last and the first.
    pub(crate) fn step_mark(&mut self, forward: bool) {
        let total = self.marks.positions.len();
        if total == 0 {
            let mark = self.keys.label_of("toggle_mark");
            self.message = Some(format!("no marks: {mark} marks the selected event"));
            return;
        }
        let at = self.selected_pos();
        let k = at.map_or(0, |p| {
            if forward {
                self.marks.positions.partition_point(|&m| m <= p)
            } else {
                self.marks.positions.partition_point(|&m| m < p)
            }
        });
        // The nearest mark the filter shows, without copying the marks on every key.
        let place = |rank: usize| Place {
            event: self.marks.positions[rank],
            statement: None,
        };
        let hit = if forward {
            (k..total).find(|&r| self.shows(place(r)))
        } else {
            (0..k).rev().find(|&r| self.shows(place(r)))
        };
        if let Some(rank) = hit {
            self.go_to(place(rank));
            self.message = Some(format!("mark {}/{total}", rank + 1));
            return;
        }
        self.message = Some(if forward {
            let back = self.keys.label_of("prev_mark");
            format!("no later mark ({back} goes back)")
        } else {
            let on = self.keys.label_of("next_mark");
            format!("no earlier mark ({on} goes on)")
        });
    }
}
