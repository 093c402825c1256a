//! TOML text → [`Config`]: every setting is checked where it stands, so that one reading
//! reports every unknown name and bad value in the file, each at its own line and column.

use std::ops::Range;

use ratatui::style::{Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, Zone, colour};
use crate::app::detail::side_slot;
use crate::app::keymap::Key;
use crate::clipboard;
use crate::follow::Watch;
use crate::model::diag::Diagnostic;
use crate::model::suggest::did_you_mean;
use crate::ui::theme::ROLES;

type Value<'i> = Spanned<DeValue<'i>>;

/// The problems found so far.
#[derive(Default)]
struct Problems(Vec<Diagnostic>);

impl Problems {
    fn at(&mut self, span: &Range<usize>, message: impl Into<String>) {
        self.0.push(Diagnostic::error(span.start, message));
    }
}

/// `; did you mean `x`?`, or `otherwise`.
fn hint<'c>(word: &str, names: impl IntoIterator<Item = &'c str>, otherwise: &str) -> String {
    match did_you_mean(word, names) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => otherwise.to_string(),
    }
}

/// `a string`, `an array`: what a value is, for messages.
fn kind(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

pub(super) fn config(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if let Some(first) = errors.first() {
        // Only the first syntax error: the parser's recovery makes one mistake (a missing `]`)
        // into a score of errors after it, none of them where the mistake is, and a tree that
        // did not parse would only add noise.
        let at = first.span().map_or(0, |s| s.start);
        let mut message = first.message().trim_end().replace('\n', "; ");
        if errors.len() > 1 {
            message.push_str(" (the rest of the file is checked once this is fixed)");
        }
        return Err(vec![Diagnostic::error(at, message)]);
    }
    let mut config = Config::default();
    let mut problems = Problems::default();
    for (name, value) in root.get_ref() {
        let section = name.get_ref().as_ref();
        let Some(table) = section_table(section, value, &mut problems) else {
            if !matches!(section, "keys" | "theme" | "display") {
                let hint = hint(
                    section,
                    ["keys", "theme", "display"],
                    "; the sections are [keys], [theme] and [display]",
                );
                problems.at(&name.span(), format!("unknown section `{section}`{hint}"));
            }
            continue;
        };
        match section {
            "keys" => keys(table, &mut config, &mut problems),
            "theme" => theme(table, &mut config, &mut problems),
            _ => display(table, &mut config, &mut problems),
        }
    }
    if problems.0.is_empty() {
        Ok(config)
    } else {
        Err(problems.0)
    }
}

/// The table of a known section, or `None` (a problem noted when it is known but no table).
fn section_table<'a, 'i>(
    section: &str,
    value: &'a Value<'i>,
    problems: &mut Problems,
) -> Option<&'a DeTable<'i>> {
    if !matches!(section, "keys" | "theme" | "display") {
        return None;
    }
    match value.get_ref() {
        DeValue::Table(t) => Some(t),
        other => {
            problems.at(
                &value.span(),
                format!(
                    "`{section}` must be a section, [{section}], not {}",
                    kind(other)
                ),
            );
            None
        }
    }
}

/// A string setting, or a problem saying what it must be.
fn string<'a>(
    name: &str,
    value: &'a Value<'_>,
    what: &str,
    problems: &mut Problems,
) -> Option<&'a str> {
    if let DeValue::String(s) = value.get_ref() {
        Some(s)
    } else {
        problems.at(
            &value.span(),
            format!("`{name}` takes {what}, not {}", kind(value.get_ref())),
        );
        None
    }
}

fn keys(table: &DeTable<'_>, config: &mut Config, problems: &mut Problems) {
    // Where each row's keys were set, for clashes.
    let mut set: Vec<Option<Range<usize>>> = vec![None; config.keys.rows().len()];
    for (name, value) in table {
        let action = name.get_ref().as_ref();
        let Some(i) = config.keys.position(action) else {
            let hint = hint(
                action,
                config.keys.names(),
                "; `roundtable config --default` lists every action",
            );
            problems.at(&name.span(), format!("unknown action `{action}`{hint}"));
            continue;
        };
        let what = "a key or a list of keys (\"q\" or [\"q\", \"Ctrl-c\"])";
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(a) => a.iter().collect(),
            other => {
                problems.at(
                    &value.span(),
                    format!("`{action}` takes {what}, not {}", kind(other)),
                );
                continue;
            }
        };
        let mut bound = Vec::new();
        let mut ok = true;
        for item in items {
            let Some(text) = string(action, item, what, problems) else {
                ok = false;
                continue;
            };
            match Key::parse(text) {
                Ok(k) if !bound.contains(&k) => bound.push(k),
                Ok(_) => {}
                Err(e) => {
                    ok = false;
                    problems.at(&item.span(), e);
                }
            }
        }
        if ok {
            config.keys.rebind(i, bound);
            set[i] = Some(value.span());
        }
    }
    for clash in config.keys.clashes() {
        let rows = config.keys.rows();
        let (here, other) = match (&set[clash.first], &set[clash.second]) {
            (Some(a), Some(b)) if a.start > b.start => (clash.first, clash.second),
            (Some(_), None) => (clash.first, clash.second),
            (None, None) => continue,
            _ => (clash.second, clash.first),
        };
        let Some(span) = &set[here] else { continue };
        let default = if set[other].is_none() {
            " (its default)"
        } else {
            ""
        };
        problems.at(
            span,
            format!(
                "`{}` is bound twice in {}: to `{}` and to `{}`{default}",
                clash.key.label(),
                clash.mode.describe(),
                rows[here].row.name,
                rows[other].row.name,
            ),
        );
    }
}

fn theme(table: &DeTable<'_>, config: &mut Config, problems: &mut Problems) {
    for (name, value) in table {
        let role = name.get_ref().as_ref();
        match role {
            "side_palette" => palette(value, config, problems),
            "sides" => sides(value, config, problems),
            _ => {
                if let Some(style) = config.theme.role_mut(role) {
                    if let Some(s) = read_style(role, value, *style, problems) {
                        *style = s;
                    }
                } else {
                    let names = ROLES
                        .iter()
                        .map(|(n, _)| *n)
                        .chain(["side_palette", "sides"]);
                    let hint = hint(
                        role,
                        names,
                        "; `roundtable config --default` lists every role",
                    );
                    problems.at(&name.span(), format!("unknown theme role `{role}`{hint}"));
                }
            }
        }
    }
}

fn read_colour(value: &Value<'_>, problems: &mut Problems) -> Option<ratatui::style::Color> {
    let text = match value.get_ref() {
        DeValue::String(s) => s.to_string(),
        DeValue::Integer(i) => i.as_str().to_string(),
        other => {
            problems.at(
                &value.span(),
                format!(
                    "a colour is a name, #rrggbb or a number, not {}",
                    kind(other)
                ),
            );
            return None;
        }
    };
    colour::parse(&text)
        .map_err(|e| problems.at(&value.span(), e))
        .ok()
}

/// A role's style: a colour alone changes its foreground and keeps the rest; a table
/// `{ fg, bg, modifiers }` is the whole style.
fn read_style(role: &str, value: &Value<'_>, was: Style, problems: &mut Problems) -> Option<Style> {
    let table = match value.get_ref() {
        DeValue::String(_) | DeValue::Integer(_) => {
            return read_colour(value, problems).map(|c| was.fg(c));
        }
        DeValue::Table(t) => t,
        other => {
            problems.at(
                &value.span(),
                format!(
                    "`{role}` takes a colour or {{ fg = …, bg = …, modifiers = […] }}, not {}",
                    kind(other)
                ),
            );
            return None;
        }
    };
    let mut style = Style::new();
    let mut ok = true;
    for (field, v) in table {
        match field.get_ref().as_ref() {
            "fg" => match read_colour(v, problems) {
                Some(c) => style = style.fg(c),
                None => ok = false,
            },
            "bg" => match read_colour(v, problems) {
                Some(c) => style = style.bg(c),
                None => ok = false,
            },
            "modifiers" => {
                let DeValue::Array(list) = v.get_ref() else {
                    problems.at(
                        &v.span(),
                        format!(
                            "`modifiers` takes a list, [\"bold\"], not {}",
                            kind(v.get_ref())
                        ),
                    );
                    ok = false;
                    continue;
                };
                let mut m = Modifier::empty();
                for item in list {
                    match string("modifiers", item, "names", problems).map(colour::modifier) {
                        Some(Ok(x)) => m |= x,
                        Some(Err(e)) => {
                            ok = false;
                            problems.at(&item.span(), e);
                        }
                        None => ok = false,
                    }
                }
                style = style.add_modifier(m);
            }
            other => {
                ok = false;
                let hint = hint(
                    other,
                    ["fg", "bg", "modifiers"],
                    "; a style has fg, bg and modifiers",
                );
                problems.at(
                    &field.span(),
                    format!("unknown style field `{other}`{hint}"),
                );
            }
        }
    }
    ok.then_some(style)
}

fn palette(value: &Value<'_>, config: &mut Config, problems: &mut Problems) {
    let n = config.theme.sides.len();
    let DeValue::Array(list) = value.get_ref() else {
        problems.at(
            &value.span(),
            format!(
                "`side_palette` takes a list of {n} colours, not {}",
                kind(value.get_ref())
            ),
        );
        return;
    };
    if list.len() != n {
        problems.at(
            &value.span(),
            format!("`side_palette` takes {n} colours, not {}", list.len()),
        );
        return;
    }
    let colours: Vec<_> = list.iter().map(|v| read_colour(v, problems)).collect();
    for (slot, c) in config.theme.sides.iter_mut().zip(colours) {
        if let Some(c) = c {
            *slot = c;
        }
    }
}

fn sides(value: &Value<'_>, config: &mut Config, problems: &mut Problems) {
    let DeValue::Table(table) = value.get_ref() else {
        problems.at(
            &value.span(),
            format!(
                "`sides` must be a section, [theme.sides], of side = \"colour\", not {}",
                kind(value.get_ref())
            ),
        );
        return;
    };
    for (side, v) in table {
        if let Some(c) = read_colour(v, problems) {
            config.theme.named.push((side_slot(side.get_ref()), c));
        }
    }
}

fn display(table: &DeTable<'_>, config: &mut Config, problems: &mut Problems) {
    for (name, value) in table {
        match name.get_ref().as_ref() {
            "tz" => {
                let Some(text) = string("tz", value, "a zone name", problems) else {
                    continue;
                };
                match Zone::parse(text) {
                    Ok(z) => config.display.tz = Some(z),
                    Err(e) => problems.at(&value.span(), e.0),
                }
            }
            "clipboard" => {
                const MODES: [(&str, clipboard::Mode); 4] = [
                    ("auto", clipboard::Mode::Auto),
                    ("osc52", clipboard::Mode::Osc52),
                    ("system", clipboard::Mode::System),
                    ("off", clipboard::Mode::Off),
                ];
                if let Some(m) = choice("clipboard", value, &MODES, problems) {
                    config.display.clipboard = m;
                }
            }
            "watch" => {
                const WATCH: [(&str, Watch); 3] = [
                    ("events", Watch::Events),
                    ("poll", Watch::Poll),
                    ("off", Watch::Off),
                ];
                if let Some(w) = choice("watch", value, &WATCH, problems) {
                    config.display.watch = w;
                }
            }
            other => {
                let hint = hint(
                    other,
                    ["tz", "clipboard", "watch"],
                    "; [display] has tz, clipboard and watch",
                );
                problems.at(&name.span(), format!("unknown setting `{other}`{hint}"));
            }
        }
    }
}

/// One of a few words.
fn choice<T: Copy>(
    name: &str,
    value: &Value<'_>,
    choices: &[(&'static str, T)],
    problems: &mut Problems,
) -> Option<T> {
    let words: Vec<&str> = choices.iter().map(|(w, _)| *w).collect();
    let list = match words.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    };
    let text = string(name, value, &format!("one of {list}"), problems)?;
    if let Some((_, v)) = choices.iter().find(|(w, _)| w.eq_ignore_ascii_case(text)) {
        return Some(*v);
    }
    let hint = hint(text, words.iter().copied(), "");
    problems.at(
        &value.span(),
        format!("`{name}` is {list}, not `{text}`{hint}"),
    );
    None
}
