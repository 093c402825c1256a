//! [`App::update`]: the one place where the browser's state changes. Every step here costs
//! at most a screenful of work, whatever the size of the timeline and wherever the selection
//! stands, except running a search, `]` and `[` (which read a round's group), and what needs
//! the whole list (the round picker, a search in the statements view: see `list`). A step ends
//! by making the rows the next draw shows.

use std::sync::Arc;

use ratatui::layout::{Position, Rect};

use super::action::Action;
use super::choices::Menu;
use super::list::{Input, List};
use super::pending::Said;
use super::window::{Page, Row};
use super::{App, HelpPage, Overlay, Pane, Picker, PickerKind, detail, layout, text};
use crate::query::Filter;

/// How far one turn of the mouse wheel scrolls.
const WHEEL: usize = 3;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        // Every key acts on the whole list: one still being worked out is waited for.
        self.settle(true);
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Resize { width, height } => self.resize(width, height),
            Action::NextEvent => self.select(self.selected.saturating_add(1)),
            Action::PrevEvent => self.select(self.selected.saturating_sub(1)),
            Action::PageDown => self.page(Page::Whole, true),
            Action::PageUp => self.page(Page::Whole, false),
            Action::HalfPageDown => self.page(Page::Half, true),
            Action::HalfPageUp => self.page(Page::Half, false),
            Action::FirstEvent => self.select(0),
            Action::LastEvent => self.select(self.len().saturating_sub(1)),
            Action::NextRound => self.next_round(),
            Action::PrevRound => self.prev_round(),
            Action::ScrollDown
            | Action::ScrollUp
            | Action::ScrollPageDown
            | Action::ScrollPageUp
            | Action::ScrollHalfDown
            | Action::ScrollHalfUp
            | Action::ScrollTop
            | Action::ScrollBottom => self.scroll(action),
            Action::OpenRounds => self.open_rounds(),
            Action::OpenSpeakers => self.open_speakers(),
            Action::CopyEvent => match self.selected_pos() {
                Some(pos) => {
                    self.copy = Some(crate::report::markdown::event(
                        self.doc.timeline(),
                        self.doc.index(),
                        pos,
                    ));
                    self.copied = "the event as Markdown".into();
                }
                None => self.message = Some("no event to copy".into()),
            },
            Action::CopyStatement => self.copy_statement(),
            Action::Copied(how) => self.copied(how),
            Action::ToggleView => self.toggle_view(),
            Action::Reload => {
                self.reload_wanted = true;
                self.message = Some("reloading…".into());
            }
            Action::ShowProblems => self.show_problems(),
            Action::NextLink => self.step_link(true),
            Action::PrevLink => self.step_link(false),
            Action::FollowLink => self.follow_link(),
            Action::JumpBack => self.jump_back(),
            Action::OpenFilters => {
                let (t, index) = (self.doc.timeline(), self.doc.index());
                let menu = self
                    .menu
                    .get_or_insert_with(|| Arc::new(Menu::new(t, index)));
                let menu = Arc::clone(menu);
                self.overlay = Overlay::Picker(Picker::filters_of(t, menu, &self.filter));
            }
            Action::OpenSearch => {
                self.overlay = Overlay::Prompt {
                    text: String::new(),
                }
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help {
                        scroll: 0,
                        page: HelpPage::Keys,
                    },
                }
            }
            Action::ToggleMark => self.toggle_mark(),
            Action::NextMark => self.step_mark(true),
            Action::PrevMark => self.step_mark(false),
            Action::ZoomIn => self.zoom(true),
            Action::ZoomOut => self.zoom(false),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Back => self.back(),
            Action::FocusNext | Action::FocusPrev => self.focus_step(action == Action::FocusNext),
            Action::FocusDetail => self.focus = Pane::Detail,
            Action::PickerDown | Action::PickerUp => {
                if let Overlay::Picker(p) = &mut self.overlay {
                    p.step(action == Action::PickerDown);
                }
            }
            Action::Confirm => self.confirm(),
            Action::Input(c) => self.edit(Some(c)),
            Action::DeleteChar => self.edit(None),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Wheel { column, row, down } => self.wheel(Position::new(column, row), down),
        }
        self.make_window();
    }

    /// Moves the focus to the next pane in Tab order, or the one before.
    fn focus_step(&mut self, next: bool) {
        self.focus = if next {
            self.focus.next()
        } else {
            self.focus.prev()
        };
        self.link = None;
    }

    /// Says what became of the last copy.
    fn copied(&mut self, how: crate::clipboard::Copied) {
        use crate::clipboard::Copied;
        let what = &self.copied;
        self.message = Some(match how {
            Copied::System => format!("copied {what} to the clipboard"),
            Copied::Osc52 => format!("copied {what} (OSC 52, through the terminal)"),
            // The setting comes from `--clipboard` or the config file's `clipboard`.
            Copied::Off => "copying is off (the clipboard setting is `off`)".into(),
            Copied::Failed => {
                "could not copy: no system clipboard (the clipboard setting is `system`)".into()
            }
        });
    }

    fn screen(&self) -> Option<layout::Screen> {
        layout::screen(self.size)
    }

    /// Rows in the timeline pane, below the density strip.
    pub(crate) fn list_height(&self) -> usize {
        self.screen().map_or(0, |s| {
            usize::from(layout::strip(s.pane(Pane::Timeline).inner).1.height)
        })
    }

    /// Where the density strip is on screen, if it is shown.
    pub(crate) fn strip_area(&self) -> Option<Rect> {
        self.screen()
            .and_then(|s| layout::strip(s.pane(Pane::Timeline).inner).0)
    }

    pub(crate) fn detail_area(&self) -> Rect {
        self.screen()
            .map_or(Rect::default(), |s| s.pane(Pane::Detail).inner)
    }

    pub(super) fn detail_max(&self) -> usize {
        let area = self.detail_area();
        detail::document(self, usize::from(area.width))
            .len()
            .saturating_sub(usize::from(area.height))
    }

    fn help_area(&self) -> Rect {
        self.screen()
            .map_or(Rect::default(), |s| layout::help(s.body).inner)
    }

    fn help_max(&self) -> usize {
        self.help_document(usize::from(self.help_area().width))
            .len()
            .saturating_sub(usize::from(self.help_area().height))
    }

    /// The help overlay's lines, wrapped to `width`: the keys, or the last bad save's errors.
    #[must_use]
    pub fn help_document(&self, width: usize) -> Vec<Vec<text::Seg<detail::Look>>> {
        match self.overlay {
            Overlay::Help {
                page: HelpPage::Problems,
                ..
            } => self.problems_document(width),
            _ => self.keys.help_document(width),
        }
    }

    /// Selects row `i` (clamped), scrolling the main pane only as far as needed.
    pub(crate) fn select(&mut self, i: usize) {
        let len = self.len();
        if len == 0 {
            self.selected = 0;
            self.top = 0;
            self.detail_scroll = 0;
            return;
        }
        let i = i.min(len - 1);
        self.reach_around(i, self.list_height());
        if i != self.selected {
            self.selected = i;
            self.detail_scroll = 0;
            self.link = None;
        }
        self.top = self.fit_top(self.top, i, self.list_height());
    }

    /// Moves the selection and the window together, like a pager: by the events on screen
    /// less two that stay in view (`PgDn`, `PgUp`), or by half of them (`Ctrl-d`, `Ctrl-u`).
    /// Counted in events, not rows, so that round headers on screen never make a page skip
    /// events that were not shown.
    fn page(&mut self, page: Page, down: bool) {
        let h = self.list_height();
        let top = self.view_top(h);
        // The screen above the window, which a page up counts on (a screenful either way).
        self.reach_rows(top.saturating_sub(h + 2), top.saturating_add(h + 1));
        let n = self.page_events(page, top, h, down);
        if down {
            self.top = self.clamp_top(top + n, h);
            self.select(self.selected.saturating_add(n));
        } else {
            self.top = top.saturating_sub(n);
            self.select(self.selected.saturating_sub(n));
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.prepare_strip();
        if !self.is_empty() {
            let height = self.list_height();
            self.reach_around(self.selected, height);
            self.place_top(self.top, height);
        }
        self.detail_scroll = self.detail_scroll.min(self.detail_max());
        let help_max = self.help_max();
        if let Overlay::Help { scroll, .. } = &mut self.overlay {
            *scroll = (*scroll).min(help_max);
        }
    }

    /// `top`, no further down than the largest useful top ([`App::max_top`]). Makes the last
    /// screenful only when `top` comes within a screen of it: above that, it is `top`.
    fn clamp_top(&mut self, top: usize, h: usize) -> usize {
        // The largest useful top shows at most `h` rows below it.
        if top.saturating_add(h) < self.len() {
            return top;
        }
        self.reach_end(h);
        top.min(self.max_top(h))
    }

    /// Puts the timeline pane's top at `top`, moved up where the pane would end in blank rows
    /// below the last event (after the terminal grows, or rows were added above: those above
    /// come into view), then as little as keeps the selection on screen. For a pane `height`
    /// rows high; the rows around the selection must be made.
    pub(super) fn place_top(&mut self, top: usize, height: usize) {
        self.top = top;
        // Blank rows below the last can only show when the pane reaches the end.
        if !self.is_empty() && top.saturating_add(height) >= self.len() {
            self.reach_end(height);
            self.top = self.filled_top(top, height);
        }
        self.top = self.fit_top(self.top, self.selected, height);
    }

    /// Makes the last screenful of a pane `h` rows high (what [`App::max_top`] walks), with
    /// the rows from the selection's screenful down to it: the selection is near the end.
    fn reach_end(&mut self, h: usize) {
        let last = self.len().saturating_sub(1);
        let lo = self
            .selected
            .min(last)
            .min(self.top)
            .min(last.saturating_sub(h + 2))
            .saturating_sub(h + 2);
        self.reach_rows(lo, last);
    }

    /// Selects the first row of the next round group (`]`), or says there is none.
    fn next_round(&mut self) {
        let to = self.group_of_selection(List::next_group);
        match to {
            Some(row) => self.select(row),
            None => self.message = Some("no later round".into()),
        }
    }

    /// Selects the first row of the round group before the selection's (`[`), or says there
    /// is none.
    fn prev_round(&mut self) {
        let to = self.group_of_selection(List::prev_group);
        match to {
            Some(row) => self.select(row),
            None => self.message = Some("no earlier round".into()),
        }
    }

    /// The first row of the shown event `group` gives for the selection's event (an index
    /// into the shown events): a group's first event, found from the index's round lists
    /// (`groups.rs`), and its first row from the running counts.
    fn group_of_selection(
        &mut self,
        group: impl Fn(&List, Input<'_>, usize) -> Option<usize>,
    ) -> Option<usize> {
        let pos = self.place()?.event;
        let (list, input) = self.parts();
        let k = input.shown.partition_point(|&s| s < pos);
        let j = group(list, input, k)?;
        Some(list.rows_before(input, j))
    }

    /// Scrolls the help overlay when it is open, otherwise the detail pane.
    fn scroll(&mut self, action: Action) {
        if let Overlay::Help {
            scroll,
            page: shown,
        } = self.overlay
        {
            let page = usize::from(self.help_area().height);
            let to = scrolled(scroll, self.help_max(), page, action);
            self.overlay = Overlay::Help {
                scroll: to,
                page: shown,
            };
        } else {
            let page = usize::from(self.detail_area().height);
            self.detail_scroll = scrolled(self.detail_scroll, self.detail_max(), page, action);
        }
    }

    fn open_rounds(&mut self) {
        if self.doc.timeline().rounds.is_empty() {
            self.message = Some("this timeline declares no rounds".into());
            return;
        }
        let current = (self.selected < self.len())
            .then(|| self.round_at(self.selected))
            .flatten();
        // The picker shows every round's count of rows.
        self.want_round_counts();
        self.overlay = Overlay::Picker(Picker::rounds(self.doc.timeline(), current));
    }

    fn open_speakers(&mut self) {
        let p = Picker::speakers(self.doc.timeline(), self.doc.index());
        if p.items.is_empty() {
            self.message = Some("nobody is quoted or makes a claim in this timeline".into());
            return;
        }
        self.overlay = Overlay::Picker(p);
    }

    fn step_match(&mut self, forward: bool) {
        let Some(s) = &self.search else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let to = if forward {
            s.next(self.selected)
        } else {
            s.prev(self.selected)
        };
        match to {
            Some((i, wrapped)) => {
                self.select(i);
                if wrapped {
                    let end = if forward { "first" } else { "last" };
                    self.message = Some(format!("search wrapped to the {end} match"));
                }
            }
            None => self.message = Some(format!("no match for “{}”", text::line(&s.query))),
        }
    }

    fn back(&mut self) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.search.take().is_some() {
            self.message = Some("search cleared".into());
        } else if self.filter != Filter::default() {
            self.set_filter(Filter::default());
            self.message = Some(format!(
                "filters cleared: all {} {}",
                self.len(),
                self.view.unit(self.len())
            ));
        } else {
            // Named as the keys in force say; with `quit` unbound, Ctrl-c's row (which a
            // config may also change) is the way out.
            let quit = ["quit", "quit_anywhere"]
                .into_iter()
                .map(|name| self.keys.label_of(name))
                .find(|label| label != "-");
            self.message = Some(match quit {
                Some(key) => format!("nothing to clear; {key} quits"),
                None => "nothing to clear".into(),
            });
        }
    }

    fn confirm(&mut self) {
        match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Prompt { text } => {
                if !text.trim().is_empty() {
                    self.run_search(&text);
                }
            }
            Overlay::Picker(p) => match (p.kind, p.chosen()) {
                (PickerKind::Rounds, Some(r)) => self.jump_to_round(r),
                (PickerKind::Speakers, Some(who)) => self.filter_speaker(who),
                (PickerKind::Speakers, None) => {
                    self.message = Some(format!("no speaker matches “{}”", text::line(&p.query)));
                    self.overlay = Overlay::Picker(p);
                }
                (PickerKind::Rounds, None) => {}
                (PickerKind::Filters, _) => self.pick_filter(p),
            },
            other => self.overlay = other,
        }
    }

    /// Turns the filter menu's choice on, or off when it is on; with nothing chosen, keeps
    /// the menu open and says so.
    fn pick_filter(&mut self, p: Picker) {
        let Some(choice) = p.chosen_choice().cloned() else {
            self.message = Some(format!("no filter matches “{}”", text::line(&p.query)));
            self.overlay = Overlay::Picker(p);
            return;
        };
        let on = !choice.is_on(&self.filter);
        let before = self.named(&self.filter);
        self.set_filter(choice.toggle(&self.filter));
        self.focus = Pane::Timeline;
        // As the header names it: a flag by its name, another part with its value.
        let what = self.named(&choice.toggle(&Filter::default()));
        // The filter holds one source, participant, round, relay and search, and corroborated
        // and single-origin exclude each other: a choice turned on replaces the one it stands
        // for, said so that nothing goes off unseen (a relay picked whole replaces `--via`).
        let after = self.named(&self.filter);
        let replaced: Vec<String> = before
            .into_iter()
            .filter(|p| on && !after.contains(p))
            .collect();
        self.tell(Said::Filters { on, what, replaced });
    }

    /// The parts of `filter` as the header names them, made safe to show.
    pub(crate) fn named(&self, filter: &Filter) -> Vec<String> {
        filter
            .describe(self.doc.timeline(), self.doc.index())
            .iter()
            .map(|p| text::line(p).into_owned())
            .collect()
    }

    /// What the footer says when the filter menu turns `what` on or off (on, `replacing` the
    /// parts it replaced): every filter then on, named as the header names them (or how many,
    /// when their names do not fit the footer), and how many rows are shown.
    pub(crate) fn filters_message(&self, on: bool, what: &[String], replaced: &[String]) -> String {
        let n = self.len();
        let shown = if self.counting() {
            "counting…".to_owned()
        } else {
            format!("{n} {} shown", self.view.unit(n))
        };
        let parts = self.named(&self.filter);
        let k = parts.len();
        let others: Vec<&str> = parts
            .iter()
            .filter(|p| !what.contains(p))
            .map(String::as_str)
            .collect();
        let what = match replaced {
            [] => what.join(" · "),
            _ => format!("{}, replacing {}", what.join(" · "), replaced.join(" and ")),
        };
        let named = match (on, k) {
            (_, 0) | (true, 1) => {
                format!("filter {}: {what} · {shown}", if on { "on" } else { "off" })
            }
            (true, _) if replaced.is_empty() => {
                format!("filters on: {} · {shown}", parts.join(" · "))
            }
            (true, _) => format!(
                "filter on: {what} · also on: {} · {shown}",
                others.join(" · ")
            ),
            (false, _) => format!(
                "filter off: {what} · still on: {} · {shown}",
                parts.join(" · ")
            ),
        };
        if text::width(&named) <= self.message_room() {
            return named;
        }
        let filters = if k == 1 { "filter" } else { "filters" };
        if on {
            format!("filter on: {what} · {k} {filters} on · {shown}")
        } else {
            format!("filter off: {what} · {k} {filters} still on · {shown}")
        }
    }

    fn jump_to_round(&mut self, r: u32) {
        let label = super::round_label(&self.doc.timeline().rounds[r as usize]);
        // The footer says how many rows the round has: its count is waited for.
        self.settle_rounds(true);
        let (list, input) = self.parts();
        match list.round_at(input, r) {
            Some((i, n)) => {
                self.select(i);
                self.focus = Pane::Timeline;
                self.message = Some(format!("{label}: {n} {}", self.view.unit(n)));
            }
            None => {
                self.message = Some(format!("no shown {} is in {label}", self.view.unit(1)));
            }
        }
    }

    /// Filters on `who` alone, in place of the speakers filtered on before (said so).
    fn filter_speaker(&mut self, who: u32) {
        let before = Filter {
            speakers: self.filter.speakers.clone(),
            ..Filter::default()
        };
        let filter = Filter {
            speakers: vec![who],
            ..self.filter.clone()
        };
        self.set_filter(filter);
        self.focus = Pane::Timeline;
        let replaced = (!before.speakers.is_empty() && before.speakers != [who])
            .then(|| self.named(&before).join(""));
        self.tell(Said::Speaker { who, replaced });
    }

    /// Types `c`, or deletes the last character when `None`.
    fn edit(&mut self, c: Option<char>) {
        let (t, index) = (self.doc.timeline(), self.doc.index());
        match &mut self.overlay {
            Overlay::Prompt { text } => {
                apply_edit(text, c);
            }
            Overlay::Picker(p) if p.kind == PickerKind::Speakers => {
                apply_edit(&mut p.query, c);
                p.narrow(t, index);
            }
            Overlay::Picker(p) if p.kind == PickerKind::Filters => {
                apply_edit(&mut p.query, c);
                p.narrow_choices(t);
            }
            _ => {}
        }
    }

    fn click(&mut self, at: Position) {
        let Some(s) = self.screen() else { return };
        if self.overlay != Overlay::None {
            return;
        }
        let Some(pane) = Pane::at(&s, at) else { return };
        self.focus = pane;
        pane.click(self, s.pane(pane).inner, at);
    }

    /// A click at `at` inside the timeline pane (`inner`): on the density strip, or on a row.
    pub(super) fn click_timeline(&mut self, inner: Rect, at: Position) {
        let (strip, area) = layout::strip(inner);
        if let Some(strip) = strip
            && strip.contains(at)
        {
            self.click_strip(usize::from(at.x - strip.x), usize::from(strip.width));
            return;
        }
        if !area.contains(at) {
            return;
        }
        let h = usize::from(area.height);
        let top = self.view_top(h);
        let rows = self.rows(top, h);
        if let Some(Row::Event(i)) = rows.get(usize::from(at.y - area.y)) {
            self.top = top;
            self.select(*i);
        }
    }

    fn wheel(&mut self, at: Position, down: bool) {
        let Some(s) = self.screen() else { return };
        match &mut self.overlay {
            Overlay::Help { .. } => {
                let action = if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                };
                for _ in 0..WHEEL {
                    self.scroll(action);
                }
            }
            Overlay::Picker(p) => p.step(down),
            Overlay::None => {
                if let Some(pane) = Pane::at(&s, at) {
                    pane.wheel(self, down);
                }
            }
            Overlay::Prompt { .. } => {}
        }
    }

    /// Scrolls the detail pane by a turn of the mouse wheel.
    pub(super) fn scroll_detail(&mut self, down: bool) {
        let max = self.detail_max();
        self.detail_scroll = if down {
            (self.detail_scroll + WHEEL).min(max)
        } else {
            self.detail_scroll.saturating_sub(WHEEL)
        };
    }

    /// Scrolls the timeline pane without moving the selection unless it would leave the screen.
    pub(super) fn scroll_list(&mut self, down: bool) {
        if self.is_empty() {
            return;
        }
        let h = self.list_height();
        let top = self.view_top(h);
        self.top = if down {
            self.clamp_top(top + WHEEL, h).max(top)
        } else {
            top.saturating_sub(WHEEL)
        };
        self.reach_rows(self.top.min(self.selected), self.top.saturating_add(h + 1));
        let last = self.last_visible(self.top, h);
        let sel = self.selected.clamp(self.top, last.max(self.top));
        if sel != self.selected {
            self.selected = sel;
            self.detail_scroll = 0;
            self.link = None;
        }
    }
}

fn apply_edit(s: &mut String, c: Option<char>) {
    match c {
        Some(c) => s.push(c),
        None => {
            s.pop();
        }
    }
}

/// Where a scroll action takes text scrolled to `cur`, `page` lines high, at most `max`.
fn scrolled(cur: usize, max: usize, page: usize, action: Action) -> usize {
    let page = page.max(1);
    let half = (page / 2).max(1);
    let to = match action {
        Action::ScrollDown => cur + 1,
        Action::ScrollUp => cur.saturating_sub(1),
        Action::ScrollPageDown => cur + page,
        Action::ScrollPageUp => cur.saturating_sub(page),
        Action::ScrollHalfDown => cur + half,
        Action::ScrollHalfUp => cur.saturating_sub(half),
        Action::ScrollTop => 0,
        _ => max,
    };
    to.min(max)
}

#[cfg(test)]
mod tests;
