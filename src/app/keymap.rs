//! The key table: [`KEYS`], the defaults, one row per binding with its config name; and
//! [`Keymap`], the table in force (the defaults as a config file rebound them), which maps
//! keys to actions for each mode and generates the help overlay and footer hints, so the
//! keys shown are always the keys that work. A new action joins as a row of [`KEYS`] (and a
//! name in [`Action::name`]); the config file, `config --default` and the help follow.

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
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(n, _)| (*n).to_string()),
        };
        let name = match self.code {
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            _ => name,
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// One row of the default key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// What a config file calls it (`[keys] next_event = "j"`): the action's
    /// [`name`](Action::name), or the row's own where an action has several rows.
    pub name: &'static str,
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
        name: action.name(),
        keys,
        modes,
        action,
        section,
        help,
        hint,
    }
}

impl Binding {
    /// The same row under its own config name, for an action bound in several rows.
    const fn named(self, name: &'static str) -> Binding {
        Binding { name, ..self }
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
    bind(BOTH, &[ch('f')], Modes::PANES, A::OpenFilters, "filter menu: source, participant, round, relay, search…", "filters"),
    bind(BOTH, &[ch('v')], Modes::PANES, A::ToggleView, "switch between events and statements (quotes, claims)", "view"),
    bind(BOTH, &[ch('y')], Modes::PANES, A::CopyStatement, "copy the selected quote or claim with its citation", ""),
    bind(BOTH, &[ch('Y')], Modes::PANES, A::CopyEvent, "copy the event as Markdown, with citations", ""),
    bind(BOTH, &[ctrl('o')], Modes::PANES, A::JumpBack, "go back to where a link was followed from", ""),
    bind(BOTH, &[ch('R')], Modes::PANES, A::Reload, "reload the file now (it is also followed as it is saved)", ""),
    bind(BOTH, &[ch('E')], Modes::PANES, A::ShowProblems, "list the errors of a save that did not load", ""),
    bind(BOTH, &[ch('/')], Modes::PANES, A::OpenSearch, "search: highlight matches and jump to the first", "search"),
    bind(BOTH, &[ch('n')], Modes::PANES, A::NextMatch, "next match", ""),
    bind(BOTH, &[ch('N')], Modes::PANES, A::PrevMatch, "previous match", ""),
    bind(BOTH, &[ch('m')], Modes::PANES, A::ToggleMark, "mark or unmark the event (kept for next time)", ""),
    bind(BOTH, &[ch('u')], Modes::PANES, A::NextMark, "next marked event", ""),
    bind(BOTH, &[ch('U')], Modes::PANES, A::PrevMark, "previous marked event", ""),
    bind(BOTH, &[ch('z')], Modes::PANES, A::ZoomIn, "density strip: finer buckets (years → months → weeks → days)", ""),
    bind(BOTH, &[ch('Z')], Modes::PANES, A::ZoomOut, "density strip: coarser buckets", ""),
    bind(BOTH, &[key(K::Tab)], Modes::TIMELINE, A::FocusNext, "focus the other pane", ""),
    bind(BOTH, &[key(K::BackTab)], Modes::TIMELINE, A::FocusPrev, "focus the other pane", ""),
    bind(BOTH, &[ch('?')], Modes::PANES.or(Modes::HELP), A::ToggleHelp, "show or hide this help", "help"),
    bind(RP, &[ch('j'), key(K::Down)], Modes::ROUNDS, A::PickerDown, "next round", "move").named("round_down"),
    bind(RP, &[ch('k'), key(K::Up)], Modes::ROUNDS, A::PickerUp, "previous round", "move").named("round_up"),
    bind(RP, &[key(K::Enter)], Modes::ROUNDS, A::Confirm, "jump to the round's first event", "jump").named("round_jump"),
    bind(SP, &[key(K::Down), ctrl('n')], Modes::SPEAKERS, A::PickerDown, "next name", "move").named("speaker_down"),
    bind(SP, &[key(K::Up), ctrl('p')], Modes::SPEAKERS, A::PickerUp, "previous name", "move").named("speaker_up"),
    bind(SP, &[key(K::Enter)], Modes::SPEAKERS, A::Confirm, "show that participant's events", "filter").named("speaker_pick"),
    bind(FM, &[key(K::Down), ctrl('n')], Modes::FILTERS, A::PickerDown, "next choice", "move").named("filter_down"),
    bind(FM, &[key(K::Up), ctrl('p')], Modes::FILTERS, A::PickerUp, "previous choice", "move").named("filter_up"),
    bind(FM, &[key(K::Enter)], Modes::FILTERS, A::Confirm, "turn the filter on, or off when it is on", "toggle").named("filter_toggle"),
    bind(SR, &[key(K::Enter)], Modes::SEARCH, A::Confirm, "search, jump to the first match", "search").named("search_run"),
    bind(TY, &[key(K::Backspace)], TYPING, A::DeleteChar, "delete the last character typed", ""),
    bind(ALL, &[key(K::Esc)], Modes::ALL, A::Back, "close; else clear the search, then the filters", "back"),
    bind(ALL, &[ch('q')], Modes::PANES.or(Modes::HELP).or(Modes::ROUNDS), A::Quit, "quit (types a q where you type)", "quit"),
    bind(ALL, &[ctrl('c')], Modes::ALL, A::Quit, "quit", "").named("quit_anywhere"),
];

/// The key table in force: the default rows of [`KEYS`], each with the keys a config file
/// gave it or its defaults. The browser asks it which action a key is, and builds the help
/// overlay and the footer's hints from it, so what they show is always what works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Bound>,
}

/// A row of [`KEYS`] with the keys it has in this [`Keymap`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub row: &'static Binding,
    pub keys: Vec<Key>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            rows: KEYS
                .iter()
                .map(|row| Bound {
                    row,
                    keys: row.keys.to_vec(),
                })
                .collect(),
        }
    }
}

/// Two rows that share a key in a mode: the key would only ever do the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: Key,
    pub mode: Mode,
    /// Indexes into [`Keymap::rows`], in table order.
    pub first: usize,
    pub second: usize,
}

impl Keymap {
    /// Every row, in table order.
    #[must_use]
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// The row a config file calls `name`, if there is one.
    #[must_use]
    pub fn position(&self, name: &str) -> Option<usize> {
        self.rows.iter().position(|b| b.row.name == name)
    }

    /// Every name a config file may bind, in table order.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.rows.iter().map(|b| b.row.name)
    }

    /// Gives row `i` these keys instead of the ones it had.
    pub fn rebind(&mut self, i: usize, keys: Vec<Key>) {
        if let Some(b) = self.rows.get_mut(i) {
            b.keys = keys;
        }
    }

    /// Every key that two rows share in one mode, each pair once (at the first mode they
    /// share it in), in table order. The defaults have none (a test says so).
    #[must_use]
    pub fn clashes(&self) -> Vec<Clash> {
        const MODES: [Mode; 7] = [
            Mode::Timeline,
            Mode::Detail,
            Mode::Help,
            Mode::Search,
            Mode::Rounds,
            Mode::Speakers,
            Mode::Filters,
        ];
        let mut out: Vec<Clash> = Vec::new();
        for (i, a) in self.rows.iter().enumerate() {
            for (j, b) in self.rows.iter().enumerate().skip(i + 1) {
                let Some(&key) = a.keys.iter().find(|k| b.keys.contains(k)) else {
                    continue;
                };
                let both = MODES
                    .into_iter()
                    .find(|&m| a.row.modes.contains(m) && b.row.modes.contains(m));
                if let Some(mode) = both {
                    out.push(Clash {
                        key,
                        mode,
                        first: i,
                        second: j,
                    });
                }
            }
        }
        out
    }

    /// The action a key press asks for in `mode`, if any. In the search prompt, the speaker
    /// picker and the filter menu, plain characters that no row claims are typed.
    #[must_use]
    pub fn action(&self, ev: KeyEvent, mode: Mode) -> Option<Action> {
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
        let bound = self
            .rows
            .iter()
            .find(|b| b.row.modes.contains(mode) && b.keys.contains(&pressed))
            .map(|b| b.row.action);
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

    /// How the first key of the row named `name` is written, `-` when it has none: for
    /// the texts that mention a key (`E lists them`).
    #[must_use]
    pub fn label_of(&self, name: &str) -> String {
        self.rows
            .iter()
            .find(|b| b.row.name == name)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "-".into(), |k| k.label())
    }

    /// The help overlay, generated from the rows.
    #[must_use]
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let mut out = Vec::new();
        let mut last: Option<&str> = None;
        for b in &self.rows {
            if last != Some(b.row.section) {
                if last.is_some() {
                    out.push(HelpLine::Blank);
                }
                out.push(HelpLine::Heading(b.row.section));
                last = Some(b.row.section);
            }
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            out.push(HelpLine::Key {
                keys: keys.join(" "),
                help: b.row.help,
            });
        }
        out.push(HelpLine::Blank);
        out.extend(NOTES.iter().map(|n| HelpLine::Note(self.fill(n))));
        out
    }

    /// `note` with every `{name}` replaced by the keys of that row.
    fn fill(&self, note: &str) -> String {
        let mut out = String::with_capacity(note.len());
        let mut rest = note;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            if let Some(close) = after.find('}') {
                out.push_str(&self.label_of(&after[..close]));
                rest = &after[close + 1..];
            } else {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
        out.push_str(rest);
        out
    }

    /// The keys of the first of [`Keymap::hints`] named `name` in `mode` (`?` for `help`), as
    /// that list gives them, without making the others.
    #[must_use]
    pub fn hint(&self, mode: Mode, name: &str) -> Option<String> {
        let mut run = self
            .rows
            .iter()
            .filter(|b| b.row.modes.contains(mode) && !b.row.hint.is_empty())
            .filter_map(|b| Some((b.keys.first()?, b.row.hint)))
            .skip_while(|&(_, hint)| hint != name)
            .take_while(|&(_, hint)| hint == name)
            .map(|(key, _)| key);
        let mut keys = run.next()?.label();
        for key in run {
            keys.push('/');
            keys.push_str(&key.label());
        }
        Some(keys)
    }

    /// The footer's hints for `mode`, in table order: (keys, short name). Neighbouring rows
    /// with the same short name share one hint (`j/k move`). A row left with no key is left
    /// out.
    #[must_use]
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for b in self
            .rows
            .iter()
            .filter(|b| b.row.modes.contains(mode) && !b.row.hint.is_empty())
        {
            let Some(key) = b.keys.first() else { continue };
            match out.last_mut() {
                Some((keys, hint)) if *hint == b.row.hint => {
                    keys.push('/');
                    keys.push_str(&key.label());
                }
                _ => out.push((key.label(), b.row.hint)),
            }
        }
        out
    }

    /// The help overlay wrapped to `width` cells, as drawn and as scrolled.
    #[must_use]
    pub fn help_document(&self, width: usize) -> Vec<Vec<Seg<Look>>> {
        let look = |role| Look {
            role,
            hit: false,
            mine: false,
            cursor: false,
        };
        let mut out = Vec::new();
        for line in self.help_lines() {
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
}

/// The default key table, built once, for [`action`] and [`help_document`].
static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);

/// [`Keymap::action`] with the default keys (tests and fuzz targets that drive the default
/// table); the browser asks its own [`Keymap`].
#[must_use]
pub fn action(ev: KeyEvent, mode: Mode) -> Option<Action> {
    DEFAULT.action(ev, mode)
}

/// [`Keymap::help_document`] with the default keys.
#[must_use]
pub fn help_document(width: usize) -> Vec<Vec<Seg<Look>>> {
    DEFAULT.help_document(width)
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Key { keys: String, help: &'static str },
    Note(String),
    Blank,
}

/// Notes shown after the keys; `{name}` stands for the keys of the row of that name.
const NOTES: &[&str] = &[
    "Search ({open_search}) highlights matches and {next_match}/{prev_match} step through them; it never hides events.",
    "Filters ({open_speakers}, {open_filters}, --speaker, --round, --source…) hide events; {back} clears the search, then them.",
    "Markers: 3q = three quotes, 2c = two claims, ≠ = a claim here is disputed.",
    "In the statements view ({toggle_view}) the timeline keys move by quote or claim. Its marks: ≠ disputed, ✓ confirmed by another claim, ? anonymous source, ↻ several outlets, one origin.",
    "Marks ({toggle_mark}) show as ◆ and in the density strip; {next_mark}/{prev_mark} stop at the last and first mark. They are kept per file in the XDG state folder; `roundtable list --marked` lists them.",
    "Density strip (above the timeline): events per day, week, month or year; ▲ is the selected event's bucket, ◆ one with a mark; a click selects a bucket's first event.",
    "Mouse: a click selects an event; the wheel scrolls the pane under the pointer.",
    "Keys and colours can be changed in a config file: `roundtable config --path` says where.",
];

/// Width of the keys column in the help overlay.
const KEYS_COLUMN: usize = 20;

impl Mode {
    /// The mode as a message names it: `the timeline pane`.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Mode::Timeline => "the timeline pane",
            Mode::Detail => "the detail pane",
            Mode::Help => "the help overlay",
            Mode::Search => "the search prompt",
            Mode::Rounds => "the round picker",
            Mode::Speakers => "the speaker picker",
            Mode::Filters => "the filter menu",
        }
    }
}

/// Names of keys other than characters, as a config file may write them (any case), with the
/// key each is. The first name of a key is how [`Key::label`] writes it.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("↓", KeyCode::Down),
    ("Down", KeyCode::Down),
    ("↑", KeyCode::Up),
    ("Up", KeyCode::Up),
    ("←", KeyCode::Left),
    ("Left", KeyCode::Left),
    ("→", KeyCode::Right),
    ("Right", KeyCode::Right),
    ("PgDn", KeyCode::PageDown),
    ("PageDown", KeyCode::PageDown),
    ("PgUp", KeyCode::PageUp),
    ("PageUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

impl Key {
    /// Reads a key as [`Key::label`] writes it (`j`, `G`, `?`, `↓` or `Down`, `PgDn`,
    /// `Ctrl-d`, `Shift-Tab`, `F5`); names other than single characters in any case.
    ///
    /// # Errors
    ///
    /// What the text is not, with the nearest key name if one is close.
    pub fn parse(text: &str) -> Result<Key, String> {
        let (ctrl, rest) = match text.get(..5) {
            Some(p) if p.eq_ignore_ascii_case("ctrl-") && text.len() > 5 => (true, &text[5..]),
            _ => (false, text),
        };
        if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)) {
            return Ok(Key { code: *code, ctrl });
        }
        let mut chars = rest.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_control() {
                return Err("a key cannot be a control character; write Ctrl-x".into());
            }
            return Ok(Key {
                code: KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                ctrl,
            });
        }
        if let Some(n) = rest
            .strip_prefix(['F', 'f'])
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            return Ok(Key {
                code: KeyCode::F(n),
                ctrl,
            });
        }
        // A modifier misspelt or joined with `+` (`Cntrl-m`, `Ctrl+d`, `shift-z`): suggest the
        // key as it is written, when what follows the modifier is one.
        if let Some((head, tail)) = text.rsplit_once(['-', '+'])
            && !tail.is_empty()
        {
            let head = head.to_ascii_lowercase();
            let fixed = if head == "shift" && tail.chars().count() == 1 {
                Some(tail.to_uppercase())
            } else if ["ctrl", "ctl", "cntrl", "control", "crtl", "c"].contains(&head.as_str())
                || crate::model::suggest::did_you_mean(&head, ["ctrl"]).is_some()
            {
                Some(format!("Ctrl-{tail}"))
            } else {
                None
            };
            if let Some(fixed) = fixed.filter(|f| f != text && Key::parse(f).is_ok()) {
                return Err(format!("`{text}` is not a key; did you mean `{fixed}`?"));
            }
        }
        let names = NAMED.iter().map(|(n, _)| *n).chain(["Ctrl-", "F1"]);
        let hint = match crate::model::suggest::did_you_mean(rest, names) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => "; a key is one character, a name such as Enter, Esc, Tab, Down or PgDn, \
                     F1 to F12, or Ctrl- before one of those"
                .into(),
        };
        Err(format!("`{text}` is not a key{hint}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_name_of_its_own() {
        let map = Keymap::default();
        let mut names: Vec<&str> = map.names().collect();
        assert!(names.iter().all(|n| !n.is_empty()));
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "two rows share a config name");
        assert_eq!(map.position("quit"), Some(KEYS.len() - 2));
        assert_eq!(map.position("quit_anywhere"), Some(KEYS.len() - 1));
    }

    #[test]
    fn the_defaults_bind_no_key_twice_in_a_mode() {
        assert_eq!(Keymap::default().clashes(), Vec::new());
    }

    #[test]
    fn a_rebound_key_acts_and_the_old_one_does_not() {
        let mut map = Keymap::default();
        let i = map.position("next_event").unwrap();
        map.rebind(i, vec![Key::parse("x").unwrap()]);
        let press = |map: &Keymap, c| map.action(KeyEvent::from(KeyCode::Char(c)), Mode::Timeline);
        assert_eq!(press(&map, 'x'), Some(Action::NextEvent));
        assert_eq!(press(&map, 'j'), None);
        assert_eq!(map.hints(Mode::Timeline)[0], ("x/k".to_string(), "move"));
        assert_eq!(map.hint(Mode::Timeline, "move").as_deref(), Some("x/k"));
        // `x` is also… nothing else, but `n` is next_match: binding it clashes.
        map.rebind(i, vec![Key::parse("n").unwrap()]);
        let c = map.clashes();
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].mode, c[0].key.label()), (Mode::Timeline, "n".into()));
        assert_eq!(map.rows()[c[0].second].row.name, "next_match");
    }

    #[test]
    fn keys_read_back_as_they_are_written() {
        for b in KEYS {
            for k in b.keys {
                assert_eq!(Key::parse(&k.label()), Ok(*k), "{}", k.label());
            }
        }
        assert_eq!(Key::parse("down"), Key::parse("↓"));
        assert_eq!(Key::parse("CTRL-D"), Key::parse("Ctrl-d"));
        assert_eq!(Key::parse("f5").map(Key::label), Ok("F5".into()));
        assert_eq!(
            Key::parse("Escp"),
            Err("`Escp` is not a key; did you mean `Esc`?".into())
        );
        assert!(Key::parse("\u{1b}").is_err());
        // A modifier misspelt or joined with `+`: the key as it is written.
        for (typed, meant) in [
            ("Cntrl-m", "Ctrl-m"),
            ("Ctrl+d", "Ctrl-d"),
            ("control-Down", "Ctrl-Down"),
            ("shift-z", "Z"),
        ] {
            assert_eq!(
                Key::parse(typed),
                Err(format!("`{typed}` is not a key; did you mean `{meant}`?"))
            );
        }
    }

    #[test]
    fn every_key_named_in_a_note_is_a_row() {
        let map = Keymap::default();
        for note in NOTES {
            for part in note.split('{').skip(1) {
                let name = part.split('}').next().unwrap_or_default();
                assert!(map.position(name).is_some(), "{note}: no row `{name}`");
            }
        }
    }

    #[test]
    fn help_notes_name_the_keys_in_force() {
        let mut map = Keymap::default();
        let i = map.position("open_search").unwrap();
        map.rebind(i, vec![Key::parse("S").unwrap()]);
        let notes: Vec<String> = map
            .help_lines()
            .into_iter()
            .filter_map(|l| match l {
                HelpLine::Note(n) => Some(n),
                _ => None,
            })
            .collect();
        assert!(notes[0].starts_with("Search (S) highlights matches and n/N step"));
    }
}

/// What the default table does with keys, mode by mode (actions in, nothing drawn).
#[cfg(test)]
mod table_tests {
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
    fn one_hint_is_the_first_of_that_name_among_all_the_hints() {
        let map = super::Keymap::default();
        let mut seen = 0;
        for mode in MODES {
            let all = map.hints(mode);
            for (_, name) in &all {
                let first = all.iter().find(|(_, n)| n == name).map(|(k, _)| k.clone());
                assert_eq!(map.hint(mode, name), first, "{mode:?} {name}");
                seen += 1;
            }
            assert_eq!(map.hint(mode, "no such hint"), None);
        }
        assert!(seen > 20, "{seen} hints");
        assert_eq!(map.hint(Mode::Timeline, "help").as_deref(), Some("?"));
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
