//! The complete default config, commented: what `roundtable config --default` prints. It is
//! written from the defaults themselves (the key table, the theme), so it cannot fall behind
//! them, and it reads back as exactly the defaults (a test says so).

use std::fmt::Write as _;

use ratatui::style::Style;

use super::{Config, colour};
use crate::app::keymap::Keymap;
use crate::clipboard;
use crate::follow::Watch;
use crate::ui::theme::{ROLES, Theme};

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| quoted(&s)).collect();
    format!("[{}]", items.join(", "))
}

/// A style as an inline table: only what it has.
fn style(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(c) = s.fg {
        parts.push(format!("fg = {}", quoted(&colour::name(c))));
    }
    if let Some(c) = s.bg {
        parts.push(format!("bg = {}", quoted(&colour::name(c))));
    }
    let m = colour::modifier_names(s.add_modifier);
    if !m.is_empty() {
        parts.push(format!(
            "modifiers = {}",
            list(m.into_iter().map(String::from))
        ));
    }
    if parts.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

const HEAD: &str = "\
# roundtable's config file: the defaults, complete. Keep only what you change; the rest
# stays as it is here. `roundtable config --path` says where the file is looked for.

";

const KEYS: &str = "\
# Keys: an action and its key, or a list of keys. Keys are written as in the help
# overlay (?): a character (j, G, ?), Enter, Esc, Tab, Shift-Tab, Backspace, Space,
# Up/↑, Down/↓, Left/←, Right/→, PgUp, PgDn, Home, End, Delete, Insert, F1 to F12, and
# Ctrl- before any of them (Ctrl-d). [] leaves an action with no key. A key bound twice
# where both would apply is an error.
[keys]
";

const THEME: &str = "\
# Colours. A role takes a colour, which changes its text colour and keeps the rest, or
# a whole style: { fg = \"…\", bg = \"…\", modifiers = [\"bold\", …] }. Colours are
# names (black, red, green, yellow, blue, magenta, cyan, gray, dark_gray, light_red,
# light_green, light_yellow, light_blue, light_magenta, light_cyan, white, reset),
# #rrggbb, or a number of the 256-colour palette. Modifiers: bold, dim, italic,
# underlined, reversed, crossed_out. NO_COLOR set in the environment takes every
# colour out, whatever is here.
[theme]
";

const DISPLAY: &str = "\
[display]
# The time zone to show times in: \"UTC\", \"local\" (this machine's), or an IANA zone
# such as \"Europe/Kyiv\". Unset, UTC; --tz wins over it.
# tz = \"UTC\"
";

/// The default config, commented.
#[must_use]
pub fn text() -> String {
    let defaults = Config::default();
    let mut out = String::from(HEAD);
    keys(&defaults.keys, &mut out);
    out.push('\n');
    theme(&defaults.theme, &mut out);
    out.push('\n');
    out.push_str(DISPLAY);
    let clip = match defaults.display.clipboard {
        clipboard::Mode::Auto => "auto",
        clipboard::Mode::Osc52 => "osc52",
        clipboard::Mode::System => "system",
        clipboard::Mode::Off => "off",
    };
    let watch = match defaults.display.watch {
        Watch::Events => "events",
        Watch::Poll => "poll",
        Watch::Off => "off",
    };
    let _ = write!(
        out,
        "\
# How y and Y copy: \"auto\" (the system clipboard if there is one, else the terminal
# through OSC 52), \"osc52\" (always the terminal; works over SSH and in tmux),
# \"system\" (only the system clipboard) or \"off\". --clipboard wins over it.
clipboard = {}
# How the browser follows its file as it is saved: \"events\" (the system's file
# events), \"poll\" (looking twice a second, for network mounts; as --poll) or \"off\"
# (only R reloads; as --no-watch). --poll and --no-watch win over it.
watch = {}
",
        quoted(clip),
        quoted(watch)
    );
    out
}

fn keys(map: &Keymap, out: &mut String) {
    out.push_str(KEYS);
    let mut section = "";
    for b in map.rows() {
        if b.row.section != section {
            section = b.row.section;
            let _ = writeln!(out, "\n# {section}");
        }
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        let value = match &keys[..] {
            [one] => quoted(one),
            _ => list(keys.clone()),
        };
        let _ = writeln!(out, "{} = {value}  # {}", b.row.name, b.row.help);
    }
}

fn theme(t: &Theme, out: &mut String) {
    out.push_str(THEME);
    for (name, what) in ROLES {
        if let Some(s) = t.role(name) {
            let _ = writeln!(out, "{name} = {}  # {what}", style(s));
        }
    }
    let _ = writeln!(
        out,
        "# Participants' names take the colour of their side: the one given below, else one\n\
         # of these, picked by the side's name, so a side keeps its colour in every file.\n\
         side_palette = {}\n\
         \n\
         # A colour for a side by name, as the timeline file writes it (`side: \"Ukraine\"`).\n\
         [theme.sides]\n\
         # Ukraine = \"blue\"\n\
         # Russia = \"red\"",
        list(t.sides.iter().map(|c| colour::name(*c)))
    );
}
