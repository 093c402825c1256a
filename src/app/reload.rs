//! A new version of the file replacing the one shown, keeping the reader's place: the
//! selected event (by id), the view, the filters (by ids and names), the search, the marks
//! (by id) and the scroll position. A save that does not load, or a file that is gone, leaves
//! the last good version on screen and says so in the footer; the next good save clears it.
//!
//! These are called by the terminal side when a reload finishes (see `follow.rs`), not from
//! a key: they are the one other way the state changes besides [`App::update`].

use std::fmt::Write as _;
use std::sync::Arc;

use super::detail::{Look, Role};
use super::text::{self, Seg};
use super::view::Place;
use super::{App, HelpPage, Overlay, Search};
use crate::model::Timeline;
use crate::query::document::Document;
use crate::query::statement::StatementRef;
use crate::query::tally::{RelayMatch, RelayPart};
use crate::query::{Filter, Index};

/// The errors of a save that did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    /// How many errors.
    pub errors: usize,
    /// The first, as `FILE:LINE:COL: error: message` (escaped).
    pub first: String,
    /// All of them, as `check` prints them (escaped).
    pub all: String,
}

impl App {
    /// Whether `R` asked for a reload since the last call.
    pub fn take_reload_request(&mut self) -> bool {
        std::mem::take(&mut self.reload_wanted)
    }

    /// The last bad save's errors, while the last good version is shown.
    #[must_use]
    pub fn problems(&self) -> Option<&Problems> {
        self.problems.as_ref()
    }

    /// Why the file cannot be read now, while the last good version is shown.
    #[must_use]
    pub fn gone(&self) -> Option<&str> {
        self.gone.as_deref()
    }

    /// Shows `doc` instead of the current document, keeping the selected event or statement
    /// (by the event's id), the view, the filters (those that still name something), the
    /// search and the selection's place on screen. Gives the old document back, for the
    /// caller to drop where it costs no frame (freeing a large one takes a while).
    #[must_use = "the old document, to be dropped off the drawing thread"]
    pub fn replace_document(&mut self, doc: Arc<Document>) -> Arc<Document> {
        let old = Arc::clone(&self.doc);
        let (was, now) = (old.timeline(), doc.timeline());
        let (place, lost) = match self.place().or(self.held.take()) {
            Some(p) => match carry_place(was, now, p) {
                Some(q) => (Some(q), None),
                // The selected event is gone (deleted, or its id changed): its nearest
                // neighbour that is still there, after it first.
                None => (
                    nearest_kept(was, now, p.event),
                    was.events
                        .get(p.event as usize)
                        .map(|e| e.id.value.to_string()),
                ),
            },
            None => (None, None),
        };
        let offset = self.selected.saturating_sub(self.top);
        let scroll = self.detail_scroll;
        super::make_filter_lists(&doc);
        let (mut filter, dropped) = carry_filter(&self.filter, was, now, doc.index());
        // Marks follow their events by id; the marks filter, the marks.
        self.marks.locate(now);
        if filter.marked.is_some() {
            filter.marked = Some(self.marks.positions().to_vec());
        }
        let before = was.events.len();
        self.doc = doc;
        // The menu names the old document's outlets, participants and relays.
        self.menu = None;
        // What was shown names the old document's events and index lists: nothing until the
        // filter is applied to the new one below.
        self.shown = crate::query::filter::Kept::Made(Vec::new());
        self.list = super::list::List::default();
        self.jumps.clear();
        self.link = None;
        self.problems = None;
        self.gone = None;
        self.when_width = super::when_width(self.doc.timeline());
        self.strip.clear();
        self.prepare_strip();
        let query = self.search.take().map(|s| s.query);
        self.refilter(filter, place);
        // The selection as far down the pane as it was.
        self.place_top(self.selected.saturating_sub(offset), self.list_height());
        // The same event and statement still selected: the detail pane stays where it was
        // read to, as far as the new version's text reaches.
        if place.is_some() && self.place() == place {
            self.detail_scroll = scroll.min(self.detail_max());
        }
        if let Some(q) = query
            && let Some(mut s) = Search::run(
                self.doc.timeline(),
                self.doc.index(),
                Some(self.doc.text()),
                &q,
            )
        {
            self.restrict(&mut s);
            self.search = Some(s);
        }
        let after = self.doc.timeline().events.len();
        let mut message = format!(
            "reloaded {}: {after} event{}",
            text::line(self.doc.name()),
            if after == 1 { "" } else { "s" }
        );
        if after != before {
            let _ = write!(message, " (was {before})");
        }
        if let Some(id) = lost {
            let _ = write!(
                message,
                " · event {} is gone: the nearest selected",
                text::line(&id)
            );
        }
        if !dropped.is_empty() {
            let _ = write!(message, " · filter dropped: {}", dropped.join(", "));
        }
        self.message = Some(message);
        self.make_window();
        old
    }

    /// A save that did not load: the last good version stays; the footer says how many
    /// errors and the first; `E` lists them.
    pub fn reload_failed(&mut self, problems: Problems) {
        self.gone = None;
        self.problems = Some(problems);
        // What the footer said before is older than this.
        self.message = None;
    }

    /// The file cannot be read (deleted, replaced by something that is not a file): the last
    /// good version stays, and the footer says why.
    pub fn file_unreadable(&mut self, why: String) {
        // Errors of an earlier save say nothing about what stands there now.
        self.problems = None;
        self.gone = Some(why);
        self.message = None;
    }

    /// Says that `R` has nothing to reload (the bundled timeline, which is not a file).
    pub fn reload_unavailable(&mut self) {
        self.message = Some("the bundled timeline is not a file: nothing to reload".into());
    }

    /// Opens the list of the last bad save's errors (`E`).
    pub(crate) fn show_problems(&mut self) {
        if self.problems.is_some() {
            self.overlay = Overlay::Help {
                scroll: 0,
                page: HelpPage::Problems,
            };
        } else {
            self.message = Some("no errors: the file shown is the file on disk".into());
        }
    }

    /// The errors, wrapped to `width`, for the help overlay.
    pub(crate) fn problems_document(&self, width: usize) -> Vec<Vec<Seg<Look>>> {
        let look = |role| Look {
            role,
            hit: false,
            mine: false,
            cursor: false,
        };
        let Some(p) = &self.problems else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for line in p.all.lines() {
            let line = text::line(line);
            let role = if line.contains(": error: ") {
                Role::Disputed
            } else {
                Role::Text
            };
            out.extend(text::wrap(
                &[Seg::new(line, look(role))],
                width,
                4,
                look(role),
            ));
        }
        out
    }
}

/// `p` (a place in `was`) in `now`: the event with the same id, and the statement of the
/// same kind and index when it still has one.
fn carry_place(was: &Timeline<'_>, now: &Timeline<'_>, p: Place) -> Option<Place> {
    let id = &was.events.get(p.event as usize)?.id.value;
    let pos = now.events.iter().position(|e| e.id.value == *id)?;
    let e = &now.events[pos];
    let pos = u32::try_from(pos).ok()?;
    let statement = p.statement.and_then(|s| {
        let n = match s.kind() {
            crate::query::statement::Kind::Quote => e.quotes.len(),
            crate::query::statement::Kind::Claim => e.claims.len(),
        };
        (s.index() < n).then(|| match s.kind() {
            crate::query::statement::Kind::Quote => StatementRef::quote(pos, s.index() as u32),
            crate::query::statement::Kind::Claim => StatementRef::claim(pos, s.index() as u32),
        })
    });
    Some(Place {
        event: pos,
        statement,
    })
}

/// The event of `now` nearest to event `pos` of `was`, which `now` no longer has: the first
/// event after it in `was` whose id `now` still has, else the last before it; `None` when
/// `now` has none of them.
fn nearest_kept(was: &Timeline<'_>, now: &Timeline<'_>, pos: u32) -> Option<Place> {
    let ids: std::collections::HashMap<&str, usize> = now
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (&*e.id.value, i))
        .collect();
    let pos = (pos as usize).min(was.events.len());
    let after = was.events.get(pos + 1..).unwrap_or_default().iter();
    let before = was.events[..pos].iter().rev();
    after.chain(before).find_map(|e| {
        let i = *ids.get(&*e.id.value)?;
        Some(Place {
            event: u32::try_from(i).ok()?,
            statement: None,
        })
    })
}

/// A source filter (`list`, indices into `was.sources`) resolved against `now`: every source of
/// an outlet it names whole (`--source rt`, or the menu's outlet) by that outlet, so that it
/// follows sources added to the outlet or renamed; any other source by id. A source found
/// neither way is dropped and described in `dropped`. Ascending, each once.
fn carry_sources(
    list: &[u32],
    was: &Timeline<'_>,
    now: &Timeline<'_>,
    dropped: &mut Vec<String>,
) -> Vec<u32> {
    use crate::query::index::Outlets;
    let was_outlets: Vec<String> = was.sources.iter().map(Outlets::key).collect();
    let mut named = vec![false; was.sources.len()];
    for &i in list {
        named[i as usize] = true;
    }
    // The outlets every source of which the filter names.
    let mut whole: Vec<&str> = list.iter().map(|&i| &*was_outlets[i as usize]).collect();
    whole.sort_unstable();
    whole.dedup();
    whole.retain(|o| (0..was.sources.len()).all(|k| named[k] || was_outlets[k] != *o));
    let now_outlets: Vec<String> = now.sources.iter().map(Outlets::key).collect();
    let mut out: Vec<u32> = (0u32..)
        .zip(&now_outlets)
        .filter(|(_, o)| whole.binary_search(&o.as_str()).is_ok())
        .map(|(k, _)| k)
        .collect();
    for &i in list {
        let s = &was.sources[i as usize];
        let outlet = &*was_outlets[i as usize];
        match now.sources.iter().position(|q| q.id.value == s.id.value) {
            Some(k) => out.extend(u32::try_from(k).ok()),
            None if whole.binary_search(&outlet).is_ok()
                && now_outlets.iter().any(|o| o == outlet) => {}
            None => dropped.push(text::line(&s.outlet).into_owned()),
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `f` (resolved against `was`) resolved against `now` (indexed by `index`): participants by
/// id, sources as [`carry_sources`] says, rounds by number, a relay picked whole by its text;
/// the parts that name nothing in `now` are dropped and described. Text to find (`--search`,
/// `--via TEXT`) names nothing: it is kept as typed.
fn carry_filter(
    f: &Filter,
    was: &Timeline<'_>,
    now: &Timeline<'_>,
    index: &Index,
) -> (Filter, Vec<String>) {
    let mut dropped = Vec::new();
    let participant = |i: u32, dropped: &mut Vec<String>| {
        let p = &was.participants[i as usize];
        let found = now
            .participants
            .iter()
            .position(|q| q.id.value == p.id.value);
        if found.is_none() {
            dropped.push(text::line(&p.name).into_owned());
        }
        found.and_then(|k| u32::try_from(k).ok())
    };
    let speakers = f
        .speakers
        .iter()
        .filter_map(|&i| participant(i, &mut dropped))
        .collect();
    let chosen = f.participant.and_then(|i| participant(i, &mut dropped));
    let round = f.round.and_then(|r| {
        let number = was.rounds[r as usize].number.value;
        let found = now.rounds.iter().position(|q| q.number.value == number);
        if found.is_none() {
            dropped.push(format!("round {number}"));
        }
        found.and_then(|k| u32::try_from(k).ok())
    });
    let sources = f
        .sources
        .as_ref()
        .map(|list| carry_sources(list, was, now, &mut dropped));
    let via = f.via.as_ref().and_then(|part| match part.how {
        RelayMatch::Contains => Some(part.clone()),
        // Spelled as the new version first spells it, as the menu and the header do.
        RelayMatch::Exact => {
            let relays = index.relays(now);
            let found = part.relays(relays).next();
            if found.is_none() {
                dropped.push(format!("via {}", text::line(&part.text)));
            }
            found.and_then(|v| RelayPart::new(&relays[v].text, RelayMatch::Exact))
        }
    });
    let filter = Filter {
        speakers,
        participant: chosen,
        round,
        sources: sources.filter(|s| !s.is_empty()),
        via,
        ..f.clone()
    };
    (filter, dropped)
}
