//! The browser's state: what is shown, what is selected, what is open. It changes only in
//! [`App::update`] (see `update.rs`); the `ui` module draws it by reference.
//!
//! - [`action`]: the [`Action`] enum, everything the user can ask for.
//! - [`keymap`]: the key table (the defaults, as a config file changed them), which also
//!   writes the help overlay and footer hints.
//! - `update.rs`: [`App::update`], the only place state changes.
//! - [`view`]: the events or the statements view, and keeping the selection across them.
//! - `list`, `rows`: the main pane's rows, made a screenful at a time as they are needed.
//! - [`window`]: which timeline rows are on screen, round headers included.
//! - [`reload`]: a new version of the file replacing the shown one, keeping the reader's place.
//! - [`links`]: the detail pane's links to other statements, following them and coming back.
//! - [`pane`]: the panes as a type: Tab order, each pane's mode and place on screen.
//! - [`layout`]: where each pane goes, shared by drawing and mouse hit-testing.
//! - [`detail`]: the detail pane's content as wrapped lines.
//! - [`picker`], [`choices`], [`search`]: the round, speaker and filter pickers, and the search.
//! - [`text`]: making file text safe to draw, and measuring and wrapping it.
//! - [`marks`]: marked events (`m`, `u`, `U`), held by id across reloads.
//! - [`strip`]: the density strip's zoom (`z`, `Z`) and which buckets it shows.

pub mod action;
pub mod choices;
pub mod detail;
mod groups;
pub mod keymap;
pub mod layout;
pub mod links;
mod list;
pub mod marks;
pub mod pane;
mod pending;
pub mod picker;
pub mod provenance;
pub mod reload;
mod rows;
pub mod search;
pub mod strip;
pub mod text;
mod update;
pub mod view;
pub mod window;

pub use action::Action;
pub use pane::Pane;
pub use picker::{Picker, PickerKind};
pub use search::Search;
pub use view::{Place, View};

use ratatui::layout::Rect;

use std::sync::Arc;

use crate::model::{Event, Round, Timeline};
use crate::query::Filter;
use crate::query::document::Document;
use crate::query::filter::Kept;

/// What the keys currently act on: a pane, or whatever is open over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Timeline,
    Detail,
    Help,
    Search,
    Rounds,
    Speakers,
    Filters,
}

impl Mode {
    /// The bit of this mode in [`keymap::Modes`].
    #[must_use]
    pub const fn bit(self) -> u8 {
        match self {
            Mode::Timeline => 1,
            Mode::Detail => 2,
            Mode::Help => 4,
            Mode::Search => 8,
            Mode::Rounds => 16,
            Mode::Speakers => 32,
            Mode::Filters => 64,
        }
    }
}

/// What is open over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The help overlay (`?`), or the list of a bad save's errors (`E`): lines scrolled past.
    Help {
        scroll: usize,
        page: HelpPage,
    },
    /// The search prompt, with what has been typed.
    Prompt {
        text: String,
    },
    Picker(Picker),
}

/// What the help overlay shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpPage {
    /// Every key.
    Keys,
    /// The errors of the last save that did not load.
    Problems,
}

/// The whole state of the browser.
pub struct App {
    /// The document shown: the file's text, its timeline, load warnings and indexes. Shared,
    /// so that a reload can load the next one beside it and swap them.
    pub(crate) doc: Arc<Document>,
    /// The filters on, as on the command line (its `search` is `--search`, which hides the
    /// events it does not find; the `/` search in [`App::search`] hides nothing).
    pub(crate) filter: Filter,
    /// The events that pass the filter (timeline positions, ascending: [`App::shown`]),
    /// borrowed from the index when one of its lists is the answer.
    pub(crate) shown: crate::query::filter::Kept,
    /// The positions of every event (`0..n`, 4 bytes an event), set aside while a filter is on,
    /// so that turning the last filter off does not make them again; empty when not set aside.
    pub(crate) every: Vec<u32>,
    /// The filter menu's choices of the document and their folded labels, made the first time
    /// the menu opens.
    pub(crate) menu: Option<Arc<choices::Menu>>,
    /// When the filter keeps no event, why (worked out once, when the filter is set).
    pub(crate) nothing_why: Option<crate::query::nothing::Why>,
    /// The place selected before a filter that keeps nothing: selected again by the next
    /// filter that shows it (Esc, say), as if the empty filter had not been tried.
    pub(crate) held: Option<Place>,
    /// Events or statements: what the rows below are.
    pub(crate) view: View,
    /// The main pane's rows made so far (in the statements view, the statements of the shown
    /// events that the filter keeps, in timeline order), with their round groups and count.
    pub(crate) list: list::List,
    /// The selected row (0 when nothing is shown).
    pub(crate) selected: usize,
    /// The first row in the main pane.
    pub(crate) top: usize,
    /// The detail pane's selected link (an index into its links), if one is.
    pub(crate) link: Option<usize>,
    /// Where links were followed from, latest last, with the link that was followed:
    /// `Ctrl-o` goes back.
    pub(crate) jumps: Vec<(Place, Option<crate::query::statement::StatementRef>)>,
    /// The pane keys go to when nothing is open over the panes.
    pub(crate) focus: Pane,
    /// Lines of the detail pane scrolled past.
    pub(crate) detail_scroll: usize,
    pub(crate) overlay: Overlay,
    pub(crate) search: Option<Search>,
    pub(crate) message: Option<String>,
    /// Text to copy, waiting for the terminal side ([`App::take_copy`]).
    pub(crate) copy: Option<String>,
    /// What was last copied, for the footer: `the event as Markdown`, `Dmitry Peskov's quote
    /// citation`.
    pub(crate) copied: String,
    /// The file's last save that did not load, while the last good one is shown.
    pub(crate) problems: Option<reload::Problems>,
    /// Why the file cannot be read now (deleted, replaced by a directory…), while the last
    /// good version is shown.
    pub(crate) gone: Option<String>,
    /// Set by `R`, taken by the terminal side, which reloads.
    pub(crate) reload_wanted: bool,
    /// The terminal's size, as last reported.
    pub(crate) size: Rect,
    /// False when `NO_COLOR` asks for no colours.
    pub(crate) color: bool,
    /// Width of the widest `when` in the file, for the timeline's date column.
    pub(crate) when_width: usize,
    /// The keys in force: the defaults, or as a config file changed them.
    pub(crate) keys: keymap::Keymap,
    /// The marked events.
    pub(crate) marks: marks::Marks,
    /// Marks to write, set by each change and taken by the terminal side.
    pub(crate) marks_save: Option<std::collections::BTreeSet<String>>,
    /// Why marks are not saved this session (the marks file could not be read).
    pub(crate) marks_unsaved: Option<String>,
    /// The density strip's zoom and its counts per zoom level.
    pub(crate) strip: strip::Strip,
    /// The whole list of the filter being worked out on a thread, while `shown` holds the
    /// events around the selection only (see `pending.rs`).
    pub(crate) pending: Option<pending::Pending>,
    /// The round picker's counts of rows, when they are being counted on a thread (see
    /// `pending.rs`); dropped, and counted again, whenever the list is made anew.
    pub(crate) rounds: Option<pending::Rounds>,
    /// Events a filter may walk before the key press shows only the events around the
    /// selection ([`pending::WALK_NOW`]; tests set it lower).
    pub(crate) walk_now: usize,
    pub(crate) quit: bool,
}

impl App {
    /// A browser on `doc`, opened with `filter` applied: it shows the events `list` would
    /// list with the same filter (`--search` included).
    #[must_use]
    pub fn new(doc: Arc<Document>, filter: &Filter) -> Self {
        let filter = filter.clone();
        let when_width = when_width(doc.timeline());
        make_filter_lists(&doc);
        let mut app = App {
            doc,
            filter: Filter::default(),
            shown: crate::query::filter::Kept::Made(Vec::new()),
            every: Vec::new(),
            menu: None,
            nothing_why: None,
            held: None,
            view: View::Events,
            list: list::List::default(),
            selected: 0,
            top: 0,
            link: None,
            jumps: Vec::new(),
            focus: Pane::Timeline,
            detail_scroll: 0,
            overlay: Overlay::None,
            search: None,
            message: None,
            copy: None,
            copied: String::new(),
            problems: None,
            gone: None,
            reload_wanted: false,
            size: Rect::new(0, 0, 80, 24),
            color: true,
            when_width,
            keys: keymap::Keymap::default(),
            marks: marks::Marks::default(),
            marks_save: None,
            marks_unsaved: None,
            strip: strip::Strip::default(),
            pending: None,
            rounds: None,
            walk_now: pending::WALK_NOW,
            quit: false,
        };
        app.set_filter(filter);
        app.prepare_strip();
        app.make_window();
        if app.message.is_none()
            && let Some(w) = app.doc.warnings().first()
        {
            app.message = Some(format!("warning: {}", text::line(&w.message)));
        }
        app
    }

    /// Makes every row of the main pane's list, as a search in the statements view does, so
    /// that a test can read any row ([`App::pos_at`]).
    #[doc(hidden)]
    pub fn make_every_row(&mut self) {
        self.settle_now();
        self.finish_list();
    }

    /// Works out on a thread the whole list of any filter of several parts that walks more
    /// than `events` events, showing the events around the selection first (1,024 unless
    /// set; tests set it lower to see the thread's work on a small timeline).
    #[doc(hidden)]
    #[must_use]
    pub fn working_out_past(mut self, events: usize) -> Self {
        self.walk_now = events;
        self
    }

    /// Draws without colours (bold, reverse and underline stay), as `NO_COLOR` asks.
    #[must_use]
    pub fn without_color(mut self) -> Self {
        self.color = false;
        self
    }

    /// Takes its keys from `keys` (the defaults as a config file changed them).
    #[must_use]
    pub fn with_keys(mut self, keys: keymap::Keymap) -> Self {
        self.keys = keys;
        self
    }

    /// The keys in force.
    #[must_use]
    pub fn keymap(&self) -> &keymap::Keymap {
        &self.keys
    }

    /// The key that opens the help in the current mode and its hint (`?`, `help`), if it has
    /// one: the footer keeps it on screen at every width.
    #[must_use]
    pub fn help_hint(&self) -> Option<(String, &'static str)> {
        self.keys
            .hint(self.mode(), "help")
            .map(|keys| (keys, "help"))
    }

    /// The cells the footer gives the help hint beside a message (` ? help`); none without one.
    #[must_use]
    pub fn help_hint_width(&self) -> usize {
        self.help_hint()
            .map_or(0, |(key, _)| 1 + text::width(&key) + " help".len())
    }

    /// How wide a message can be for the footer to show it whole: its width less the space
    /// before the message and the help hint after it.
    pub(crate) fn message_room(&self) -> usize {
        usize::from(self.size.width).saturating_sub(1 + self.help_hint_width())
    }

    #[must_use]
    pub fn mode(&self) -> Mode {
        match &self.overlay {
            Overlay::Help { .. } => Mode::Help,
            Overlay::Prompt { .. } => Mode::Search,
            Overlay::Picker(p) => match p.kind {
                PickerKind::Rounds => Mode::Rounds,
                PickerKind::Speakers => Mode::Speakers,
                PickerKind::Filters => Mode::Filters,
            },
            Overlay::None => self.focus.mode(),
        }
    }

    #[must_use]
    pub fn timeline(&self) -> &Timeline<'_> {
        self.doc.timeline()
    }

    /// The document shown.
    #[must_use]
    pub fn document(&self) -> &Arc<Document> {
        &self.doc
    }

    /// Timeline positions of the events shown, in order.
    #[must_use]
    pub fn shown(&self) -> &[u32] {
        self.shown.positions(self.doc.index())
    }

    /// The selected row: an index into [`App::shown`] in the events view, into
    /// [`App::statements`] in the statements view.
    #[must_use]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Timeline position of the selected event (in the statements view, the selected
    /// statement's), if anything is shown.
    #[must_use]
    pub fn selected_pos(&self) -> Option<u32> {
        self.place().map(|p| p.event)
    }

    #[must_use]
    pub fn selected_event(&self) -> Option<&Event<'_>> {
        let t = self.doc.timeline();
        self.selected_pos().map(|p| &t.events[p as usize])
    }

    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    #[must_use]
    pub fn focus(&self) -> Pane {
        self.focus
    }

    #[must_use]
    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    #[must_use]
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    /// The row the main pane starts at.
    #[must_use]
    pub fn top(&self) -> usize {
        self.top
    }

    /// Text the user asked to copy, taken once: the terminal side copies it and reports back
    /// with [`Action::Copied`].
    pub fn take_copy(&mut self) -> Option<String> {
        self.copy.take()
    }

    #[must_use]
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The zone the date columns show times in: the one the document's events were put in
    /// order for, so that the dates of a column read in order.
    #[must_use]
    pub fn zone(&self) -> crate::model::Zone {
        self.doc.zone()
    }

    #[must_use]
    pub fn size(&self) -> Rect {
        self.size
    }

    /// The round (index into `Timeline::rounds`) of row `i`'s event.
    #[must_use]
    pub fn round_at(&self, i: usize) -> Option<u32> {
        let p = self.pos_at(i) as usize;
        self.doc.timeline().events[p]
            .round
            .as_ref()
            .map(|r| r.target)
    }

    /// Replaces the filter: recomputes what is shown, keeping the selected event or statement,
    /// or the nearest one after it, selected.
    pub(crate) fn set_filter(&mut self, filter: Filter) {
        let was = self.place();
        self.refilter(filter, was);
    }

    /// [`App::set_filter`], selecting `keep` (a place in the current document) afterwards.
    pub(crate) fn refilter(&mut self, filter: Filter, keep: Option<Place>) {
        let keep = keep.or(self.held.take());
        let n = self.doc.timeline().events.len();
        let was = std::mem::replace(&mut self.shown, Kept::Made(Vec::new()));
        // With no filter the shown events are every event, whatever the document: `0..n`.
        if self.filter.is_empty()
            && let Kept::Made(every) = was
            && every.len() == n
        {
            self.every = every;
        }
        // A list still being worked out for the filter before is not wanted.
        self.pending = None;
        self.shown = self.kept_at_once(&filter, keep);
        self.filter = filter;
        self.explain_nothing();
        self.rebuild(keep);
        if self.is_empty() {
            self.held = keep;
        }
    }

    /// How the screen says that nothing passes the filter in this view ("No event", "No quote
    /// or claim"), and the words for the filters on ("filter" and "it", or "filters" and
    /// "them" when several are on).
    pub(crate) fn nothing_words(&self) -> (&'static str, &'static str, &'static str) {
        let none = match self.view {
            View::Events => "No event",
            View::Statements => "No quote or claim",
        };
        if self
            .filter
            .describe(self.doc.timeline(), self.doc.index())
            .len()
            > 1
        {
            (none, "filters", "them")
        } else {
            (none, "filter", "it")
        }
    }

    /// Works out why the filter keeps no event, counting in the view's unit (events or
    /// statements), or clears the reason when it keeps some.
    pub(crate) fn explain_nothing(&mut self) {
        let unit = match self.view {
            View::Events => crate::query::nothing::Unit::Events,
            View::Statements => crate::query::nothing::Unit::Statements,
        };
        self.nothing_why = (self.shown().is_empty() && !self.filter.is_empty()).then(|| {
            crate::query::nothing::why(
                self.doc.timeline(),
                self.doc.index(),
                &self.filter,
                None,
                Some(self.doc.text()),
                unit,
            )
        });
    }

    /// Runs a search and selects its first match among the shown events.
    pub(crate) fn run_search(&mut self, query: &str) {
        self.settle(true);
        let Some(mut s) = Search::run(
            self.doc.timeline(),
            self.doc.index(),
            Some(self.doc.text()),
            query,
        ) else {
            self.search = None;
            return;
        };
        self.restrict(&mut s);
        let q = text::line(query).into_owned();
        self.message = Some(match (s.hits.first(), s.all.len()) {
            (Some(&first), _) => {
                self.select(first);
                let n = s.hits.len();
                let unit = self.view.unit(n);
                if n == 1 {
                    format!("1 {unit} matches “{q}”")
                } else {
                    format!("{n} {unit} match “{q}”")
                }
            }
            (None, 0) => format!("no match for “{q}”"),
            (None, n) => format!(
                "no shown {} matches “{q}” ({n} event{} hidden by the filter; {} twice clears it)",
                self.view.unit(1),
                if n == 1 { "" } else { "s" },
                self.keys.label_of("back"),
            ),
        });
        self.search = Some(s);
    }
}

/// Makes the document's relays, outlets, and speakers' and outlets' flagged statements
/// ([`Index::relays`](crate::query::Index::relays),
/// [`Index::outlets`](crate::query::Index::outlets),
/// [`Index::spoken_flags`](crate::query::Index::spoken_flags) and
/// [`Index::cited_flags`](crate::query::Index::cited_flags): passes over its statements left
/// out of the load) on a thread of its own, so that the filter menu, `--via`, `--source` and a
/// speaker or an outlet with a flag find them made. Where no thread can be started, the first
/// of those makes them.
pub(crate) fn make_filter_lists(doc: &Arc<Document>) {
    let doc = Arc::clone(doc);
    let _ = std::thread::Builder::new()
        .name("filter lists".into())
        .spawn(move || {
            let (t, index) = (doc.timeline(), doc.index());
            index.outlets(t).sources.len()
                + index.relays(t).len()
                + index.spoken_flags(t).len()
                + index.cited_flags(t).len()
        });
}

/// Width of the widest `when` in `t` as the date column shows it ([`When::display_in`]).
pub(crate) fn when_width(t: &Timeline<'_>) -> usize {
    t.events
        .iter()
        .map(|e| e.when.display_in_width())
        .max()
        .unwrap_or(0)
}

/// How a round is described in headers and the round picker:
/// `Round 3 · Third round · 2025-07-23 · Ciragan Palace, Istanbul`.
#[must_use]
pub fn round_label(r: &Round<'_>) -> String {
    let mut parts = vec![format!("Round {}", r.number.value)];
    if let Some(t) = &r.title {
        let t = text::line(t);
        if *t != parts[0] {
            parts.push(t.into_owned());
        }
    }
    match (&r.start, &r.end) {
        (Some(s), Some(e)) if s.raw != e.raw => {
            parts.push(format!(
                "{} – {}",
                text::line(&s.display()),
                text::line(&e.display())
            ));
        }
        (Some(s), _) => parts.push(text::line(&s.display()).into_owned()),
        (None, Some(e)) => parts.push(format!("until {}", text::line(&e.display()))),
        (None, None) => {}
    }
    if let Some(v) = &r.venue {
        parts.push(text::line(v).into_owned());
    }
    parts.join(" · ")
}
