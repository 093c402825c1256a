//! A filter change shown at once: when working out every event a filter of several parts
//! keeps would walk many events, the events around the selection are found first and shown,
//! and the whole list, with its counts, is worked out on a thread started once they are drawn
//! ([`App::start_counting`]); the event loop puts it in their place when the thread is done,
//! or the next key, which waits for it ([`App::settle`]). The round picker's counts of rows,
//! over a long filtered list, are counted on a thread the same way ([`Rounds`]): the picker
//! opens at once and says `counting…` until they are in.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::list::{Input, round_rows};
use super::{App, Place};
use crate::query::Filter;
use crate::query::filter::Kept;

/// Events a filter may walk to be worked out before the key press is answered; past it the
/// events around the selection are shown first. About 0.3 ms of walking on this project's
/// reference machine; at 16,384 (3 ms), a key press at 100k events cost 5 to 7 times one at
/// 10k or 1M (see `docs/performance.md`, "Key presses at two sizes in turn").
pub(crate) const WALK_NOW: usize = 1_024;

/// Events walked, on each side of the selection, looking for the events to show first: a
/// filter that keeps fewer than a screenful among them is worked out whole at once.
const WALK_AROUND: usize = 8_192;

/// What the footer said when the filter changed, to be said again with the count once the
/// list is whole.
#[derive(Debug, Clone)]
pub(crate) enum Said {
    /// A filter menu choice turned on or off: [`App::filters_message`]'s arguments.
    Filters {
        on: bool,
        what: Vec<String>,
        replaced: Vec<String>,
    },
    /// A speaker picked (`s`): the participant index, and the speakers it replaced, as the
    /// header names them.
    Speaker { who: u32, replaced: Option<String> },
}

/// The whole list still to be worked out, and what the footer said meanwhile.
pub(crate) struct Pending {
    job: Job,
    /// What was said, and the words it gave: said again once counted, if still on screen.
    said: Option<(Said, String)>,
}

/// Where the whole list stands.
enum Job {
    /// Not started: the thread starts once the rows found first are drawn
    /// ([`App::start_counting`]), so as not to slow the key press down on a busy machine.
    Waiting(Filter),
    /// A thread working it out.
    Running(JoinHandle<Kept>),
}

/// The round picker's counts of rows, still to be counted (see [`App::want_round_counts`]).
pub(crate) enum Rounds {
    /// Not started: the thread starts once the picker is drawn.
    Waiting,
    /// A thread counting them.
    Running(JoinHandle<Vec<u32>>),
}

impl App {
    /// The events `filter` keeps as the key press can show them: every event for no filter;
    /// the index's list for a single part; the whole list when it walks at most `walk_now`
    /// events (or has a search, which reads the whole text anyway); otherwise the events
    /// around `keep` only, the whole list left to [`App::start_counting`] (`self.pending`).
    pub(crate) fn kept_at_once(&mut self, filter: &Filter, keep: Option<Place>) -> Kept {
        let n = self.doc.timeline().events.len();
        if filter.is_empty() {
            // Every event: the positions set aside when a filter went on, or made again.
            return Kept::Made(if self.every.len() == n {
                std::mem::take(&mut self.every)
            } else {
                (0..n as u32).collect()
            });
        }
        let (t, index, text) = (self.doc.timeline(), self.doc.index(), Some(self.doc.text()));
        if let Some(kept) = filter.single_part(t, index) {
            return kept;
        }
        let join = filter.join(t, index, text);
        if filter.search.is_some() || join.walks() <= self.walk_now {
            return filter.joined(&join, t, index);
        }
        // A filter change leaves the selection near the foot of the pane: a screenful of
        // events above it (each has a row at least) and a few below, or a screenful below when
        // the list starts above it.
        let h = self.list_height() + 2;
        let from = keep.map_or(0, |p| p.event);
        let around = match join.around(from, h, 4, WALK_AROUND) {
            Some(a) if !a.whole => a.events,
            _ => return filter.joined(&join, t, index),
        };
        self.pending = Some(Pending {
            job: Job::Waiting(filter.clone()),
            said: None,
        });
        Kept::Made(around)
    }

    /// Starts the thread that works out the whole list of the filter, if one is waiting: the
    /// terminal side calls it once the rows found first are drawn. Where no thread can be
    /// started, the list is worked out here.
    pub fn start_counting(&mut self) {
        self.start_counting_rounds();
        let doc = Arc::clone(&self.doc);
        let Some(pending) = &mut self.pending else {
            return;
        };
        let Job::Waiting(filter) = &pending.job else {
            return;
        };
        let filter = filter.clone();
        match std::thread::Builder::new()
            .name("filter".into())
            .spawn(move || filter.kept(doc.timeline(), doc.index(), Some(doc.text())))
        {
            Ok(running) => pending.job = Job::Running(running),
            Err(_) => {
                self.settle(true);
            }
        }
    }

    /// Whether the shown rows are only those around the selection, the whole list still being
    /// worked out (the title says `counting…`).
    #[must_use]
    pub fn counting(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether anything is being counted on a thread: the list of a filter
    /// ([`App::counting`]) or the round picker's counts. The event loop then looks for the
    /// result often.
    #[must_use]
    pub fn working(&self) -> bool {
        self.pending.is_some() || self.rounds.is_some()
    }

    /// Waits for the whole list of a filter being worked out, if one is, and shows it; and
    /// for the round picker's counts.
    pub fn settle_now(&mut self) {
        self.settle(true);
        self.settle_rounds(true);
    }

    /// Shows the whole list of a filter, or the round picker's counts, if its thread is done;
    /// returns whether it did (then the screen wants drawing again).
    pub fn settle_if_done(&mut self) -> bool {
        let list = self.settle(false);
        self.settle_rounds(false) || list
    }

    /// Makes sure the round picker will have its counts of rows: at once when they are known
    /// or cheap (the list's whole list settled first), else from a thread started once the
    /// picker is drawn ([`App::start_counting`]).
    pub(crate) fn want_round_counts(&mut self) {
        self.settle(true);
        let walk_now = self.walk_now;
        let (list, input) = self.parts();
        if list.rounds_counted_at_once(input, walk_now) {
            list.count_rounds(input);
        } else if self.rounds.is_none() {
            self.rounds = Some(Rounds::Waiting);
        }
    }

    /// Starts the thread that counts the round picker's rows, if it is waiting.
    fn start_counting_rounds(&mut self) {
        if !matches!(self.rounds, Some(Rounds::Waiting)) {
            return;
        }
        let (doc, filter, view) = (Arc::clone(&self.doc), self.filter.clone(), self.view);
        match std::thread::Builder::new()
            .name("rounds".into())
            .spawn(move || {
                let (t, index) = (doc.timeline(), doc.index());
                let kept = filter.kept(t, index, Some(doc.text()));
                let input = Input {
                    t,
                    index,
                    filter: &filter,
                    shown: kept.positions(index),
                    counts: kept.statements(index),
                    rows: kept.rows(index),
                };
                round_rows(view, input)
            }) {
            Ok(running) => self.rounds = Some(Rounds::Running(running)),
            Err(_) => {
                self.settle_rounds(true);
            }
        }
    }

    /// Puts the round picker's counts in place when they are counted: with `wait`, waiting
    /// for the thread (or counting here if it has not started); without, only if it is done.
    /// Returns whether it did.
    pub(crate) fn settle_rounds(&mut self, wait: bool) -> bool {
        let Some(rounds) = self.rounds.take_if(|r| match r {
            Rounds::Waiting => wait,
            Rounds::Running(job) => wait || job.is_finished(),
        }) else {
            return false;
        };
        let counted = match rounds {
            Rounds::Running(job) => job.join().ok(),
            Rounds::Waiting => None,
        };
        let (list, input) = self.parts();
        match counted {
            Some(rows) => list.round_rows = Some(rows),
            // Not started, or a thread that failed: counted here.
            None => {
                list.count_rounds(input);
            }
        }
        true
    }

    /// Puts the whole list in place of the rows around the selection, keeping the selection,
    /// where it stands on screen, and the footer's words with the count now known. With
    /// `wait`, waits for the thread; without, acts only when it is done.
    pub(crate) fn settle(&mut self, wait: bool) -> bool {
        let Some(pending) = self.pending.take_if(|p| match &p.job {
            Job::Waiting(_) => wait,
            Job::Running(job) => wait || job.is_finished(),
        }) else {
            return false;
        };
        let (t, index, text) = (self.doc.timeline(), self.doc.index(), Some(self.doc.text()));
        let kept = match pending.job {
            Job::Waiting(_) => self.filter.kept(t, index, text),
            // A thread that failed: the list is worked out here.
            Job::Running(job) => job
                .join()
                .unwrap_or_else(|_| self.filter.kept(t, index, text)),
        };
        let offset = self.selected.saturating_sub(self.top);
        let place = self.place();
        self.shown = kept;
        self.rebuild(place);
        self.top = self.selected.saturating_sub(offset);
        self.top = self.fit_top(self.top, self.selected, self.list_height());
        if let Some((said, words)) = pending.said
            && self.message.as_deref() == Some(words.as_str())
        {
            self.message = Some(self.say(&said));
        }
        self.make_window();
        true
    }

    /// Says `said` in the footer, and again with the count when a list being worked out is
    /// whole.
    pub(crate) fn tell(&mut self, said: Said) {
        let words = self.say(&said);
        if let Some(p) = &mut self.pending {
            p.said = Some((said, words.clone()));
        }
        self.message = Some(words);
    }

    /// The footer's words for `said`, as things stand.
    fn say(&self, said: &Said) -> String {
        match said {
            Said::Filters { on, what, replaced } => self.filters_message(*on, what, replaced),
            Said::Speaker { who, replaced } => {
                let name = super::text::line(&self.doc.timeline().participants[*who as usize].name)
                    .into_owned();
                let mut said = if self.counting() {
                    format!("counting the {} by {name}…", self.view.unit(2))
                } else {
                    let n = self.len();
                    format!("{n} {} by {name}", self.view.unit(n))
                };
                if let Some(replaced) = replaced {
                    said.push_str(", replacing ");
                    said.push_str(replaced);
                }
                said
            }
        }
    }
}
