//! The round, speaker and filter pickers: what they list, and the typed text that narrows the
//! speakers and the filter choices.

use std::sync::Arc;

use super::choices::{self, Choice, Menu};
use crate::model::Timeline;
use crate::query::{Filter, Index, speaker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// Every declared round; Enter jumps to its first shown event.
    Rounds,
    /// Everyone who speaks a quote or makes a claim; Enter filters to their events.
    Speakers,
    /// Every filter of the command line ([`Choice`]); Enter turns one on or off.
    Filters,
}

/// An open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    /// What has been typed (speakers only).
    pub query: String,
    /// Round or participant indices, or indices into `choices`, in the order listed.
    pub items: Vec<u32>,
    /// The filter menu's choices, numbered (empty for the other pickers): the text parts on
    /// ([`Choice::texts_on`], `own[..texts_on]`), every choice of the timeline
    /// ([`Choice::all`], `menu`, shared with the browser rather than copied at each opening),
    /// then those made of the text typed ([`Choice::typed`], the rest of `own`). See
    /// [`Picker::choice`].
    menu: Arc<Menu>,
    /// The menu's own choices: the text parts on, then those made of the text typed.
    own: Vec<Choice>,
    /// Their labels, folded ([`choices::folded_labels`]).
    own_labels: Vec<String>,
    /// How many choices the menu opened with: the rest are made of the text typed.
    pub fixed: usize,
    /// How many choices, at the start, are the text parts on.
    pub texts_on: usize,
    /// Index into `items`.
    pub selected: usize,
    /// The filter menu's choices among the first `fixed` that matched the text typed, as
    /// typed before ([`choices::words`] of it), and that text: typing on after it can only
    /// narrow them, so that only these are tried again.
    matched: Option<(String, Vec<u32>)>,
    /// The speaker picker listing nobody for a name that is a participant's who never speaks:
    /// why ([`crate::query::nothing::never_speaks`]), and where they are found instead.
    pub why_none: Option<Box<[String; 2]>>,
}

impl Picker {
    /// Every round, by number, with `current` (the selected event's round) selected.
    #[must_use]
    pub fn rounds(t: &Timeline<'_>, current: Option<u32>) -> Self {
        let mut items: Vec<u32> = (0..t.rounds.len() as u32).collect();
        items.sort_by_key(|&r| t.rounds[r as usize].number.value);
        let selected = current
            .and_then(|c| items.iter().position(|&r| r == c))
            .unwrap_or(0);
        Picker {
            kind: PickerKind::Rounds,
            query: String::new(),
            items,
            menu: Arc::default(),
            own: Vec::new(),
            own_labels: Vec::new(),
            fixed: 0,
            texts_on: 0,
            selected,
            matched: None,
            why_none: None,
        }
    }

    /// Everyone quoted or making a claim, in file order.
    #[must_use]
    pub fn speakers(t: &Timeline<'_>, index: &Index) -> Self {
        let mut p = Picker {
            kind: PickerKind::Speakers,
            query: String::new(),
            items: Vec::new(),
            menu: Arc::default(),
            own: Vec::new(),
            own_labels: Vec::new(),
            fixed: 0,
            texts_on: 0,
            selected: 0,
            matched: None,
            why_none: None,
        };
        p.narrow(t, index);
        p
    }

    /// The filter menu: the text parts `filter` has on ([`Choice::texts_on`]), then every
    /// filter choice of `t` ([`Choice::all`]) with its label, taken from `menu` (made once per
    /// document, and shared rather than copied at each opening).
    #[must_use]
    pub fn filters_of(t: &Timeline<'_>, menu: Arc<Menu>, filter: &Filter) -> Self {
        let own = Choice::texts_on(filter);
        let own_labels = choices::folded_labels(t, &own);
        let (texts_on, fixed) = (own.len(), own.len() + menu.choices.len());
        Picker {
            kind: PickerKind::Filters,
            query: String::new(),
            items: (0..fixed as u32).collect(),
            menu,
            own,
            own_labels,
            fixed,
            texts_on,
            selected: 0,
            matched: None,
            why_none: None,
        }
    }

    /// The filter menu's choice numbered `i` (as `items` number them); `None` past the last.
    #[must_use]
    pub fn choice(&self, i: u32) -> Option<&Choice> {
        let i = i as usize;
        if i < self.texts_on {
            self.own.get(i)
        } else if i < self.fixed {
            self.menu.choices.get(i - self.texts_on)
        } else {
            self.own.get(i - self.fixed + self.texts_on)
        }
    }

    /// The folded label of the menu's choice numbered `i`, one of the first `fixed`.
    fn fixed_label(&self, i: u32) -> &str {
        let i = i as usize;
        if i < self.texts_on {
            &self.own_labels[i]
        } else {
            self.menu.label(i - self.texts_on)
        }
    }

    /// Re-lists the filter choices whose label holds what has been typed, best first, then
    /// offers the text typed itself as a search and as a relay's text (those not on already).
    pub fn narrow_choices(&mut self, t: &Timeline<'_>) {
        self.own.truncate(self.texts_on);
        self.own_labels.truncate(self.texts_on);
        let typed: Vec<Choice> = Choice::typed(&self.query)
            .into_iter()
            .filter(|c| !self.own[..self.texts_on].contains(c))
            .collect();
        self.own_labels.extend(choices::folded_labels(t, &typed));
        let made = typed.len();
        self.own.extend(typed);
        // A label that has the words typed has those they extend: the labels found for the
        // text typed before are the only ones to try when it is extended.
        let typed = choices::words(&self.query);
        let label = |i: u32| self.fixed_label(i);
        let found = match &self.matched {
            Some((before, found)) if !before.is_empty() && typed.starts_with(before.as_str()) => {
                choices::matching_among(label, found.iter().copied(), &typed)
            }
            _ => choices::matching_among(label, 0..self.fixed as u32, &typed),
        };
        self.items.clone_from(&found);
        self.matched = Some((typed, found));
        self.items
            .extend(self.fixed as u32..(self.fixed + made) as u32);
        self.selected = 0;
    }

    /// The selected filter choice, when this is the filter menu.
    #[must_use]
    pub fn chosen_choice(&self) -> Option<&Choice> {
        self.chosen().and_then(|i| self.choice(i))
    }

    /// Whether the choice listed as `item` is on in `filter`.
    #[must_use]
    pub fn is_on(&self, item: u32, filter: &Filter) -> bool {
        self.choice(item).is_some_and(|c| c.is_on(filter))
    }

    /// Re-lists the speakers whose name, alias or id matches what has been typed, ignoring case
    /// and accents, best matches first.
    pub fn narrow(&mut self, t: &Timeline<'_>, index: &Index) {
        let (speak, silent): (Vec<u32>, Vec<u32>) = speaker::matching(index, &self.query)
            .into_iter()
            .partition(|&p| {
                let s = &index.speaking[p as usize];
                s.quotes + s.claims > 0
            });
        self.items = speak;
        // A name typed that is a participant's who never speaks: why nobody is listed.
        self.why_none = match (self.items.is_empty(), silent.first()) {
            (true, Some(&p)) => {
                let (said, events) = crate::query::nothing::never_speaks(t, index, p);
                let then = if events == 0 {
                    String::new()
                } else {
                    crate::query::nothing::participant_hint(t, p, false)
                };
                Some(Box::new([said, then]))
            }
            _ => None,
        };
        self.selected = 0;
    }

    /// The selected round or participant.
    #[must_use]
    pub fn chosen(&self) -> Option<u32> {
        self.items.get(self.selected).copied()
    }

    /// Moves the selection by one, staying in the list.
    pub fn step(&mut self, down: bool) {
        if down {
            if self.selected + 1 < self.items.len() {
                self.selected += 1;
            }
        } else {
            self.selected = self.selected.saturating_sub(1);
        }
    }

    /// The first item on screen when `height` items fit.
    #[must_use]
    pub fn top(&self, height: usize) -> usize {
        (self.selected + 1).saturating_sub(height.max(1))
    }
}
