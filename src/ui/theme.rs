//! The one colour theme, and its colourless form for `NO_COLOR`: bold, dim, italic, underline
//! and reverse video carry the meaning on their own; colour only adds to it.

use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::app::detail::{Look, Role};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Colours for sides, by [`side_slot`](crate::app::detail::side_slot).
    pub sides: [Color; 6],
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
};

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
        }
    }

    /// The colour of a side's slot, or none.
    #[must_use]
    pub fn side(&self, slot: Option<u8>) -> Style {
        match slot.and_then(|s| self.sides.get(usize::from(s))) {
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

/// The theme `app` is drawn with.
#[must_use]
pub fn of(app: &App) -> Theme {
    if app.color { THEME } else { THEME.plain() }
}
