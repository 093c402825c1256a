//! The colour theme: [`THEME`], the default, which a config file's `[theme]` changes (see
//! `config`), and its colourless form for `NO_COLOR`: bold, dim, italic, underline and
//! reverse video carry the meaning on their own; colour only adds to it.

use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::app::detail::{Look, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub filters: Style,
    pub position: Style,
    pub border: Style,
    pub border_focus: Style,
    pub header: Style,
    pub when: Style,
    pub marker: Style,
    pub disputed: Style,
    pub selected: Style,
    pub hit: Style,
    pub mine: Style,
    pub gutter: Style,
    pub heading: Style,
    pub label: Style,
    pub dim: Style,
    pub quote: Style,
    pub outlet: Style,
    pub url: Style,
    pub key: Style,
    pub message: Style,
    pub warning: Style,
    /// A marked event's ◆, and its bucket in the density strip.
    pub mark: Style,
    /// The density strip's bars.
    pub strip: Style,
    /// Colours for sides no config names, by [`side_slot`](crate::app::detail::side_slot)
    /// modulo 6.
    pub sides: [Color; 6],
    /// Colours a config file gives sides by name, by the [`side_slot`] of the name.
    ///
    /// [`side_slot`]: crate::app::detail::side_slot
    pub named: Vec<(u32, Color)>,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

const BOLD: Modifier = Modifier::BOLD;

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(BOLD),
    filters: fg(Color::Yellow),
    position: Style::new(),
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Cyan).add_modifier(BOLD),
    header: fg(Color::Yellow).add_modifier(BOLD),
    when: fg(Color::Blue),
    marker: Style::new().add_modifier(Modifier::DIM),
    disputed: fg(Color::Red).add_modifier(BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    hit: fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(BOLD.union(Modifier::UNDERLINED)),
    mine: fg(Color::Cyan),
    gutter: fg(Color::Cyan).add_modifier(BOLD),
    heading: fg(Color::Magenta).add_modifier(BOLD.union(Modifier::UNDERLINED)),
    label: Style::new().add_modifier(BOLD),
    dim: Style::new().add_modifier(Modifier::DIM),
    quote: Style::new().add_modifier(Modifier::ITALIC),
    outlet: Style::new().add_modifier(BOLD),
    url: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
    key: fg(Color::Cyan).add_modifier(BOLD),
    message: fg(Color::Yellow),
    warning: fg(Color::Red).add_modifier(BOLD),
    mark: fg(Color::Magenta).add_modifier(BOLD),
    strip: fg(Color::Cyan),
    sides: [
        Color::Red,
        Color::Blue,
        Color::Green,
        Color::Magenta,
        Color::Yellow,
        Color::Cyan,
    ],
    named: Vec::new(),
};

/// Every role a config file's `[theme]` may style, with what it styles (for the commented
/// default config). A new field of [`Theme`] joins here and in [`Theme::role_mut`].
pub const ROLES: &[(&str, &str)] = &[
    ("title", "the title bar's name and overlay titles"),
    ("filters", "the filters in force, in the title bar"),
    ("position", "the selected row's position, in the title bar"),
    ("border", "a pane's frame"),
    ("border_focus", "the focused pane's frame and title"),
    ("header", "round headers in the timeline"),
    ("when", "dates and times in the timeline"),
    ("marker", "quote and claim counts (3q 2c)"),
    ("disputed", "disputed claims (≠)"),
    ("selected", "the selected row or link"),
    ("hit", "text that matches the search"),
    ("mine", "the filtered speaker's own quotes and claims"),
    (
        "gutter",
        "the bar beside the filtered speaker's quotes and claims",
    ),
    ("heading", "headings in the detail pane and the help"),
    ("label", "field labels in the detail pane, keys in the help"),
    ("dim", "secondary text and hints"),
    ("quote", "quoted words"),
    ("outlet", "outlet names in citations"),
    ("url", "links to sources"),
    ("key", "keys in the footer"),
    ("message", "messages in the footer"),
    ("warning", "warnings and errors"),
    (
        "mark",
        "a marked event's ◆, and its bucket in the density strip",
    ),
    ("strip", "the density strip's bars"),
];

impl Theme {
    /// The style of the role a config file calls `name` ([`ROLES`]).
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "title" => &mut self.title,
            "filters" => &mut self.filters,
            "position" => &mut self.position,
            "border" => &mut self.border,
            "border_focus" => &mut self.border_focus,
            "header" => &mut self.header,
            "when" => &mut self.when,
            "marker" => &mut self.marker,
            "disputed" => &mut self.disputed,
            "selected" => &mut self.selected,
            "hit" => &mut self.hit,
            "mine" => &mut self.mine,
            "gutter" => &mut self.gutter,
            "heading" => &mut self.heading,
            "label" => &mut self.label,
            "dim" => &mut self.dim,
            "quote" => &mut self.quote,
            "outlet" => &mut self.outlet,
            "mark" => &mut self.mark,
            "strip" => &mut self.strip,
            "url" => &mut self.url,
            "key" => &mut self.key,
            "message" => &mut self.message,
            "warning" => &mut self.warning,
            _ => return None,
        })
    }

    /// The style of the role a config file calls `name`.
    #[must_use]
    pub fn role(&self, name: &str) -> Option<Style> {
        self.clone().role_mut(name).copied()
    }
}

fn plain(s: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..s
    }
}

impl Theme {
    /// The same theme with every colour taken out.
    #[must_use]
    pub fn plain(&self) -> Theme {
        Theme {
            title: plain(self.title),
            filters: plain(self.filters),
            position: plain(self.position),
            border: plain(self.border),
            border_focus: plain(self.border_focus),
            header: plain(self.header),
            when: plain(self.when),
            marker: plain(self.marker),
            disputed: plain(self.disputed),
            selected: plain(self.selected),
            hit: plain(self.hit),
            mine: plain(self.mine),
            gutter: plain(self.gutter),
            heading: plain(self.heading),
            label: plain(self.label),
            dim: plain(self.dim),
            quote: plain(self.quote),
            outlet: plain(self.outlet),
            url: plain(self.url),
            key: plain(self.key),
            message: plain(self.message),
            warning: plain(self.warning),
            mark: plain(self.mark),
            strip: plain(self.strip),
            sides: [Color::Reset; 6],
            named: Vec::new(),
        }
    }

    /// The colour of a side's slot, or none.
    #[must_use]
    pub fn side(&self, slot: Option<u32>) -> Style {
        let named = |s: u32| self.named.iter().find(|(n, _)| *n == s).map(|(_, c)| c);
        let palette = |s: u32| self.sides.get(s as usize % self.sides.len());
        match slot.and_then(|s| named(s).or_else(|| palette(s))) {
            Some(&c) if c != Color::Reset => Style::new().fg(c).add_modifier(BOLD),
            _ => Style::new().add_modifier(BOLD),
        }
    }

    /// How a piece of the detail pane looks.
    #[must_use]
    pub fn look(&self, look: Look) -> Style {
        let base = match look.role {
            Role::Text => Style::new(),
            Role::Title => self.title,
            Role::Label => self.label,
            Role::Heading => self.heading,
            Role::Dim => self.dim,
            Role::Quote => self.quote,
            Role::Outlet => self.outlet,
            Role::Name(slot) => self.side(slot),
            Role::Disputed => self.disputed,
            Role::Url => self.url,
            Role::Gutter => self.gutter,
        };
        let base = if look.mine && !matches!(look.role, Role::Gutter | Role::Name(_)) {
            base.patch(self.mine)
        } else {
            base
        };
        let base = if look.hit { base.patch(self.hit) } else { base };
        if look.cursor {
            base.patch(self.selected)
        } else {
            base
        }
    }
}

/// `theme` as `app` is drawn with it: without colour when `NO_COLOR` asked for none.
#[must_use]
pub fn of(app: &App, theme: &Theme) -> Theme {
    if app.color {
        theme.clone()
    } else {
        theme.plain()
    }
}
