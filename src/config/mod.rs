//! The config file: the user's keys, colours and display settings, in TOML, read by every
//! command before the terminal is touched.
//!
//! It lives at `$ROUNDTABLE_CONFIG` if that is set (set empty, no file is read), else at
//! `roundtable/config.toml` under the XDG config directory (`$XDG_CONFIG_HOME`, else
//! `~/.config`; on macOS too). A missing file there is no error: the defaults apply. What it
//! sets is built on the defaults ([`Config::default`]), so a file names only what it changes.
//!
//! - `read.rs`: TOML → [`Config`], every problem as a [`Diagnostic`] at its place.
//! - [`default`]: the complete default config, commented (`roundtable config --default`).
//! - [`colour`]: colour and modifier names. [`zone`]: the `[display] tz` value.

pub mod colour;
pub mod default;
mod read;

use std::path::{Path, PathBuf};

use crate::app::keymap::Keymap;
use crate::clipboard;
use crate::follow::Watch;
use crate::model::diag::{self, Diagnostic};
use crate::ui::theme::{THEME, Theme};

pub use crate::model::zone::Zone;

/// The environment variable that names the config file.
pub const ENV: &str = "ROUNDTABLE_CONFIG";

/// Everything a config file sets, on top of the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The key table in force.
    pub keys: Keymap,
    /// The colours; `NO_COLOR` still takes them out.
    pub theme: Theme,
    /// `[display]`.
    pub display: Display,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keys: Keymap::default(),
            theme: THEME,
            display: Display::default(),
        }
    }
}

/// `[display]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Display {
    /// The zone to show instants in (`tz`); `None` when the file does not say, so that
    /// `--tz`, then the display code's own default, decide.
    pub tz: Option<Zone>,
    /// How the browser copies (`clipboard`); `--clipboard` wins.
    pub clipboard: clipboard::Mode,
    /// How the browser follows its file (`watch`); `--no-watch` and `--poll` win.
    pub watch: Watch,
}

impl Default for Display {
    fn default() -> Self {
        Display {
            tz: None,
            clipboard: clipboard::Mode::Auto,
            watch: Watch::Events,
        }
    }
}

/// Where the config file is looked for, and why there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// `$ROUNDTABLE_CONFIG`: it must exist.
    Env(PathBuf),
    /// Under the XDG config directory: it may be missing.
    Xdg(PathBuf),
    /// `$ROUNDTABLE_CONFIG` is set empty: no file.
    Disabled,
    /// No home directory to look under.
    Nowhere,
}

impl Location {
    /// Where to look, from `$ROUNDTABLE_CONFIG`, then `$XDG_CONFIG_HOME`, then `~/.config`.
    #[must_use]
    pub fn find() -> Location {
        match std::env::var_os(ENV) {
            Some(p) if p.is_empty() => Location::Disabled,
            Some(p) => Location::Env(PathBuf::from(p)),
            None => {
                use etcetera::BaseStrategy as _;
                // The XDG layout on every Unix, macOS included, where people keep dotfiles;
                // not ~/Library/Application Support.
                match etcetera::base_strategy::choose_base_strategy() {
                    Ok(dirs) => {
                        Location::Xdg(dirs.config_dir().join("roundtable").join("config.toml"))
                    }
                    Err(_) => Location::Nowhere,
                }
            }
        }
    }

    /// The file, if there is one to look for.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        match self {
            Location::Env(p) | Location::Xdg(p) => Some(p),
            Location::Disabled | Location::Nowhere => None,
        }
    }
}

/// Reads the config file at `location`: the defaults when there is none to read.
///
/// # Errors
///
/// The file's problems, one per line as `FILE:LINE:COL: error: message` (escaped, so nothing
/// from the file reaches the terminal raw), or why it could not be read.
pub fn load(location: &Location) -> Result<Config, String> {
    let Some(path) = location.path() else {
        return Ok(Config::default());
    };
    let name = path.display().to_string();
    // At the usual place, a file that cannot even be looked at is no file: a directory on the
    // way that this user may not enter (`sudo -u nobody` keeps HOME) is not their config.
    if matches!(location, Location::Xdg(_)) && std::fs::metadata(path).is_err() {
        return Ok(Config::default());
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                std::io::ErrorKind::InvalidData => "not UTF-8 text".to_string(),
                std::io::ErrorKind::IsADirectory => "it is a directory".to_string(),
                _ => e.to_string(),
            };
            let name = crate::model::escape::escape_line(&name);
            let from = if matches!(location, Location::Env(_)) {
                format!(" (named by ${ENV})")
            } else {
                String::new()
            };
            return Err(format!(
                "{name}: error: cannot read the config file{from}: {why}\n"
            ));
        }
    };
    parse(&text).map_err(|diags| diag::render(&name, &text, &diags))
}

/// Reads config text.
///
/// # Errors
///
/// Every problem in it, each at its byte offset: all the TOML syntax errors when it does not
/// parse, else every unknown setting and bad value.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    read::config(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Style};

    #[test]
    fn the_default_config_reads_back_as_the_defaults() {
        assert_eq!(parse(&default::text()), Ok(Config::default()));
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse(""), Ok(Config::default()));
    }

    #[test]
    fn a_file_changes_only_what_it_names() {
        let c = parse(
            "[keys]\nnext_event = \"x\"\nquit = [\"Q\", \"F10\"]\n\
             [theme]\ntitle = \"light_blue\"\nhit = { bg = \"#102030\" }\n\
             [theme.sides]\nUkraine = 33\n\
             [display]\ntz = \"Europe/Kyiv\"\nwatch = \"poll\"\n",
        )
        .unwrap();
        let d = Config::default();
        let names: Vec<String> = ["next_event", "prev_event", "quit", "quit_anywhere"]
            .iter()
            .map(|n| c.keys.label_of(n))
            .collect();
        assert_eq!(names, ["x", "k", "Q", "Ctrl-c"]);
        let quit = c.keys.position("quit").unwrap();
        assert_eq!(c.keys.rows()[quit].keys.len(), 2);
        assert_eq!(
            c.theme.title,
            Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(c.theme.hit, Style::new().bg(Color::Rgb(0x10, 0x20, 0x30)));
        assert_eq!(c.theme.header, d.theme.header);
        assert_eq!(
            c.theme.side(Some(crate::app::detail::side_slot("Ukraine"))),
            Style::new()
                .fg(Color::Indexed(33))
                .add_modifier(Modifier::BOLD)
        );
        assert_eq!(c.display.tz, Some(Zone::Named(chrono_tz::Europe::Kyiv)));
        assert_eq!(c.display.watch, Watch::Poll);
        assert_eq!(c.display.clipboard, clipboard::Mode::Auto);
    }

    #[test]
    fn every_theme_role_is_named() {
        let mut t = THEME;
        for (name, _) in crate::ui::theme::ROLES {
            assert!(t.role_mut(name).is_some(), "{name}");
        }
        // One name per Style field of Theme: 24 roles (sides are set apart).
        assert_eq!(crate::ui::theme::ROLES.len(), 24);
    }
}
