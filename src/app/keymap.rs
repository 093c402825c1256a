//! The one key table: it maps keys to actions for each mode, and the help overlay and footer
//! hints are generated from it, so the keys shown are always the keys that work.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Mode;
use super::action::Action;
use super::detail::{Look, Role};
use super::text::{Seg, wrap};

/// A set of modes, as bits of [`Mode::bit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes(u8);

impl Modes {
    pub const TIMELINE: Modes = Modes(1);
    pub const DETAIL: Modes = Modes(2);
    pub const HELP: Modes = Modes(4);
    pub const SEARCH: Modes = Modes(8);
    pub const ROUNDS: Modes = Modes(16);
    pub const SPEAKERS: Modes = Modes(32);
    pub const FILTERS: Modes = Modes(64);
    pub const PANES: Modes = Modes(1 | 2);
    pub const ALL: Modes = Modes(127);

    #[must_use]
    pub const fn or(self, other: Modes) -> Modes {
        Modes(self.0 | other.0)
    }

    #[must_use]
    pub const fn contains(self, mode: Mode) -> bool {
        self.0 & mode.bit() != 0
    }
}

/// A key as bound: a key code, with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How the key is written in help and hints: `j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`.
    #[must_use]
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub modes: Modes,
    pub action: Action,
    /// The heading it is listed under in the help overlay.
    pub section: &'static str,
    /// What the key does, for the help overlay.
    pub help: &'static str,
    /// A short name for the footer, or "" to leave it out of the footer.
    pub hint: &'static str,
}

const fn bind(
    section: &'static str,
    keys: &'static [Key],
    modes: Modes,
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        modes,
        action,
        section,
        help,
        hint,
    }
}

use Action as A;
use KeyCode as K;

const TEXT: Modes = Modes::HELP.or(Modes::DETAIL);
const TYPING: Modes = Modes::SPEAKERS.or(Modes::SEARCH).or(Modes::FILTERS);

const TL: &str = "Timeline pane";
const DT: &str = "Detail pane (and this help)";
const BOTH: &str = "Both panes";
const RP: &str = "Round picker";
const SP: &str = "Speaker picker (type to narrow by name or alias)";
const FM: &str = "Filter menu (type to narrow)";
const SR: &str = "Search prompt";
const TY: &str = "While typing (search prompt, speaker picker, filter menu)";
const ALL: &str = "Everywhere";

/// Every key binding, grouped by section. The help overlay lists them in this order, and the
/// first binding of a key in a mode wins.
#[rustfmt::skip]
pub const KEYS: &[Binding] = &[
    bind(TL, &[ch('j'), key(K::Down)], Modes::TIMELINE, A::NextEvent, "next event", "move"),
    bind(TL, &[ch('k'), key(K::Up)], Modes::TIMELINE, A::PrevEvent, "previous event", "move"),
    bind(TL, &[key(K::PageDown)], Modes::TIMELINE, A::PageDown, "page down", ""),
    bind(TL, &[key(K::PageUp)], Modes::TIMELINE, A::PageUp, "page up", ""),
    bind(TL, &[ctrl('d')], Modes::TIMELINE, A::HalfPageDown, "half a page down", ""),
    bind(TL, &[ctrl('u')], Modes::TIMELINE, A::HalfPageUp, "half a page up", ""),
    bind(TL, &[ch('g'), key(K::Home)], Modes::TIMELINE, A::FirstEvent, "first event", ""),
    bind(TL, &[ch('G'), key(K::End)], Modes::TIMELINE, A::LastEvent, "last event", ""),
    bind(TL, &[key(K::Enter)], Modes::TIMELINE, A::FocusDetail, "read the event in the detail pane", ""),
    bind(DT, &[key(K::Tab)], Modes::DETAIL, A::NextLink, "next link (a quote or claim); after the last, the timeline", "link"),
    bind(DT, &[key(K::BackTab)], Modes::DETAIL, A::PrevLink, "previous link; from the first, the timeline", ""),
    bind(DT, &[key(K::Enter)], Modes::DETAIL, A::FollowLink, "go to the linked quote or claim, wherever it is", "go"),
    bind(DT, &[ch('j'), key(K::Down)], TEXT, A::ScrollDown, "scroll down", "scroll"),
    bind(DT, &[ch('k'), key(K::Up)], TEXT, A::ScrollUp, "scroll up", "scroll"),
    bind(DT, &[key(K::PageDown)], TEXT, A::ScrollPageDown, "page down", ""),
    bind(DT, &[key(K::PageUp)], TEXT, A::ScrollPageUp, "page up", ""),
    bind(DT, &[ctrl('d')], TEXT, A::ScrollHalfDown, "half a page down", ""),
    bind(DT, &[ctrl('u')], TEXT, A::ScrollHalfUp, "half a page up", ""),
    bind(DT, &[ch('g'), key(K::Home)], TEXT, A::ScrollTop, "top", ""),
    bind(DT, &[ch('G'), key(K::End)], TEXT, A::ScrollBottom, "end", ""),
    bind(BOTH, &[ch(']')], Modes::PANES, A::NextRound, "first event of the next round", ""),
    bind(BOTH, &[ch('[')], Modes::PANES, A::PrevRound, "first event of the previous round", ""),
    bind(BOTH, &[ch('r')], Modes::PANES, A::OpenRounds, "round picker: jump to a round", "rounds"),
    bind(BOTH, &[ch('s')], Modes::PANES, A::OpenSpeakers, "speaker picker: show one participant's events", "speakers"),
    bind(BOTH, &[ch('f')], Modes::PANES, A::OpenFilters, "filter menu: source, participant, relay, anonymous, disputed…", "filters"),
    bind(BOTH, &[ch('v')], Modes::PANES, A::ToggleView, "switch between events and statements (quotes, claims)", "view"),
    bind(BOTH, &[ch('y')], Modes::PANES, A::CopyStatement, "copy the selected quote or claim with its citation", ""),
    bind(BOTH, &[ch('Y')], Modes::PANES, A::CopyEvent, "copy the event as Markdown, with citations", ""),
    bind(BOTH, &[ctrl('o')], Modes::PANES, A::JumpBack, "go back to where a link was followed from", ""),
    bind(BOTH, &[ch('R')], Modes::PANES, A::Reload, "reload the file now (it is also followed as it is saved)", ""),
    bind(BOTH, &[ch('E')], Modes::PANES, A::ShowProblems, "list the errors of a save that did not load", ""),
    bind(BOTH, &[ch('/')], Modes::PANES, A::OpenSearch, "search: highlight matches and jump to the first", "search"),
    bind(BOTH, &[ch('n')], Modes::PANES, A::NextMatch, "next match", ""),
    bind(BOTH, &[ch('N')], Modes::PANES, A::PrevMatch, "previous match", ""),
    bind(BOTH, &[key(K::Tab)], Modes::PANES, A::FocusNext, "focus the other pane", ""),
    bind(BOTH, &[key(K::BackTab)], Modes::PANES, A::FocusPrev, "focus the other pane", ""),
    bind(BOTH, &[ch('?')], Modes::PANES.or(Modes::HELP), A::ToggleHelp, "show or hide this help", "help"),
    bind(RP, &[ch('j'), key(K::Down)], Modes::ROUNDS, A::PickerDown, "next round", "move"),
    bind(RP, &[ch('k'), key(K::Up)], Modes::ROUNDS, A::PickerUp, "previous round", "move"),
    bind(RP, &[key(K::Enter)], Modes::ROUNDS, A::Confirm, "jump to the round's first event", "jump"),
    bind(SP, &[key(K::Down), ctrl('n')], Modes::SPEAKERS, A::PickerDown, "next name", "move"),
    bind(SP, &[key(K::Up), ctrl('p')], Modes::SPEAKERS, A::PickerUp, "previous name", "move"),
    bind(SP, &[key(K::Enter)], Modes::SPEAKERS, A::Confirm, "show that participant's events", "filter"),
    bind(FM, &[key(K::Down), ctrl('n')], Modes::FILTERS, A::PickerDown, "next choice", "move"),
    bind(FM, &[key(K::Up), ctrl('p')], Modes::FILTERS, A::PickerUp, "previous choice", "move"),
    bind(FM, &[key(K::Enter)], Modes::FILTERS, A::Confirm, "turn the filter on, or off when it is on", "toggle"),
    bind(SR, &[key(K::Enter)], Modes::SEARCH, A::Confirm, "search, jump to the first match", "search"),
    bind(TY, &[key(K::Backspace)], TYPING, A::DeleteChar, "delete the last character typed", ""),
    bind(ALL, &[key(K::Esc)], Modes::ALL, A::Back, "close; else clear the search, then the filters", "back"),
    bind(ALL, &[ch('q')], Modes::PANES.or(Modes::HELP).or(Modes::ROUNDS), A::Quit, "quit (types a q where you type)", "quit"),
    bind(ALL, &[ctrl('c')], Modes::ALL, A::Quit, "quit", ""),
];

/// The action a key press asks for in `mode`, if any. In the search prompt and the speaker
/// picker, plain characters that no binding claims are typed.
#[must_use]
pub fn action(ev: KeyEvent, mode: Mode) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    if ev.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let pressed = Key {
        code: ev.code,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
    };
    let bound = KEYS
        .iter()
        .find(|b| b.modes.contains(mode) && b.keys.contains(&pressed))
        .map(|b| b.action);
    if bound.is_some() {
        return bound;
    }
    match (mode, pressed) {
        (
            Mode::Search | Mode::Speakers | Mode::Filters,
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
            },
        ) => Some(Action::Input(c)),
        _ => None,
    }
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Key { keys: String, help: &'static str },
    Note(&'static str),
    Blank,
}

/// Notes shown after the keys.
const NOTES: &[&str] = &[
    "Search (/) highlights matches and n/N step through them; it never hides events.",
    "Filters (s, f, --speaker, --round, --source…) hide events; Esc clears the search, then them.",
    "Markers: 3q = three quotes, 2c = two claims, ≠ = a claim here is disputed.",
    "In the statements view (v) the timeline keys move by quote or claim. Its marks: ≠ disputed, ✓ confirmed by another claim, ? anonymous source, ↻ several outlets, one origin.",
    "Mouse: a click selects an event; the wheel scrolls the pane under the pointer.",
];

/// The help overlay, generated from [`KEYS`].
#[must_use]
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    let mut last: Option<&str> = None;
    for b in KEYS {
        if last != Some(b.section) {
            if last.is_some() {
                out.push(HelpLine::Blank);
            }
            out.push(HelpLine::Heading(b.section));
            last = Some(b.section);
        }
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        out.push(HelpLine::Key {
            keys: keys.join(" "),
            help: b.help,
        });
    }
    out.push(HelpLine::Blank);
    out.extend(NOTES.iter().map(|n| HelpLine::Note(n)));
    out
}

/// The footer's hints for `mode`, in table order: (keys, short name). Neighbouring bindings
/// with the same short name share one hint (`j/k move`).
#[must_use]
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for b in KEYS
        .iter()
        .filter(|b| b.modes.contains(mode) && !b.hint.is_empty())
    {
        let Some(key) = b.keys.first() else { continue };
        match out.last_mut() {
            Some((keys, hint)) if *hint == b.hint => {
                keys.push('/');
                keys.push_str(&key.label());
            }
            _ => out.push((key.label(), b.hint)),
        }
    }
    out
}

/// Width of the keys column in the help overlay.
const KEYS_COLUMN: usize = 20;

/// The help overlay wrapped to `width` cells, as drawn and as scrolled.
#[must_use]
pub fn help_document(width: usize) -> Vec<Vec<Seg<Look>>> {
    let look = |role| Look {
        role,
        hit: false,
        mine: false,
        cursor: false,
    };
    let mut out = Vec::new();
    for line in help_lines() {
        match line {
            HelpLine::Heading(h) => out.push(vec![Seg::new(h, look(Role::Heading))]),
            HelpLine::Key { keys, help } => {
                let segs = [
                    Seg::new(
                        format!("  {keys:<w$}", w = KEYS_COLUMN - 2),
                        look(Role::Label),
                    ),
                    Seg::new(help, look(Role::Text)),
                ];
                out.extend(wrap(&segs, width, KEYS_COLUMN, look(Role::Text)));
            }
            HelpLine::Note(n) => {
                out.extend(wrap(
                    &[Seg::new(n, look(Role::Dim))],
                    width,
                    2,
                    look(Role::Dim),
                ));
            }
            HelpLine::Blank => out.push(Vec::new()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    use super::{KEYS, Key, action};
    use crate::app::{Action, Mode};

    const MODES: [Mode; 7] = [
        Mode::Timeline,
        Mode::Detail,
        Mode::Help,
        Mode::Search,
        Mode::Rounds,
        Mode::Speakers,
        Mode::Filters,
    ];

    fn press(code: KeyCode, modifiers: KeyModifiers, mode: Mode) -> Option<Action> {
        action(KeyEvent::new(code, modifiers), mode)
    }

    /// What `c` does in each mode of [`MODES`], in that order.
    fn char_in_every_mode(c: char, mods: KeyModifiers) -> Vec<Option<Action>> {
        MODES
            .iter()
            .map(|&m| press(KeyCode::Char(c), mods, m))
            .collect()
    }

    #[test]
    fn a_key_maps_to_its_action_in_each_mode() {
        use Action as A;
        let none = KeyModifiers::NONE;
        // Timeline, Detail, Help, Search, Rounds, Speakers, Filters.
        assert_eq!(
            char_in_every_mode('j', none),
            [
                Some(A::NextEvent),
                Some(A::ScrollDown),
                Some(A::ScrollDown),
                Some(A::Input('j')),
                Some(A::PickerDown),
                Some(A::Input('j')),
                Some(A::Input('j')),
            ]
        );
        assert_eq!(
            char_in_every_mode('q', none),
            [
                Some(A::Quit),
                Some(A::Quit),
                Some(A::Quit),
                Some(A::Input('q')),
                Some(A::Quit),
                Some(A::Input('q')),
                Some(A::Input('q')),
            ],
            "q is typed wherever there is typing"
        );
        assert_eq!(
            char_in_every_mode('c', KeyModifiers::CONTROL),
            [Some(A::Quit); 7]
        );
        assert_eq!(
            char_in_every_mode(']', none),
            [
                Some(A::NextRound),
                Some(A::NextRound),
                None,
                Some(A::Input(']')),
                None,
                Some(A::Input(']')),
                Some(A::Input(']')),
            ]
        );
        let enter: Vec<_> = MODES
            .iter()
            .map(|&m| press(KeyCode::Enter, none, m))
            .collect();
        assert_eq!(
            enter,
            [
                Some(A::FocusDetail),
                Some(A::FollowLink),
                None,
                Some(A::Confirm),
                Some(A::Confirm),
                Some(A::Confirm),
                Some(A::Confirm),
            ]
        );
        for m in MODES {
            assert_eq!(press(KeyCode::Esc, none, m), Some(A::Back), "{m:?}");
        }
        // Shift is in the character; Ctrl is its own key; Alt and releases do nothing.
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT, Mode::Timeline),
            Some(A::LastEvent)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL, Mode::Timeline),
            Some(A::HalfPageDown)
        );
        assert_eq!(
            press(KeyCode::Char('n'), KeyModifiers::CONTROL, Mode::Speakers),
            Some(A::PickerDown)
        );
        assert_eq!(
            press(KeyCode::Char('n'), KeyModifiers::CONTROL, Mode::Timeline),
            None
        );
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::ALT, Mode::Timeline),
            None
        );
        let mut release = KeyEvent::new(KeyCode::Char('j'), none);
        release.kind = KeyEventKind::Release;
        assert_eq!(action(release, Mode::Timeline), None);
        assert_eq!(
            press(KeyCode::Backspace, none, Mode::Search),
            Some(A::DeleteChar)
        );
        assert_eq!(press(KeyCode::Backspace, none, Mode::Timeline), None);
        assert_eq!(
            press(KeyCode::Tab, none, Mode::Timeline),
            Some(A::FocusNext)
        );
        assert_eq!(press(KeyCode::Tab, none, Mode::Detail), Some(A::NextLink));
    }

    /// Tab and Shift-Tab in the detail pane are bound twice today: to the pane's links and
    /// to focusing the other pane. The links come first in the table and win; a table that
    /// no longer binds them twice passes too.
    const SHADOWED: [(Mode, KeyCode); 2] = [
        (Mode::Detail, KeyCode::Tab),
        (Mode::Detail, KeyCode::BackTab),
    ];

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in MODES {
            let mut seen: Vec<(Key, Action)> = Vec::new();
            for b in KEYS.iter().filter(|b| b.modes.contains(mode)) {
                for &k in b.keys {
                    if let Some((_, first)) = seen.iter().find(|(s, _)| *s == k) {
                        assert!(
                            !k.ctrl && SHADOWED.contains(&(mode, k.code)),
                            "{} is bound to {first:?} and {:?} in {mode:?}",
                            k.label(),
                            b.action
                        );
                        let winner = press(k.code, KeyModifiers::NONE, mode);
                        assert_eq!(winner, Some(*first), "the first binding wins");
                    } else {
                        seen.push((k, b.action));
                    }
                }
            }
        }
    }

    #[test]
    fn every_binding_works_in_at_least_one_of_its_modes() {
        for b in KEYS {
            for k in b.keys {
                let mods = if k.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                assert!(
                    MODES
                        .iter()
                        .filter(|m| b.modes.contains(**m))
                        .any(|&m| press(k.code, mods, m) == Some(b.action)),
                    "{} never does {:?}",
                    k.label(),
                    b.action
                );
            }
        }
    }
}
