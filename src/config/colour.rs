//! Colours and text modifiers as a config file writes them (`light_blue`, `#1e90ff`, `208`,
//! `bold`), read and written back the same way.

use ratatui::style::{Color, Modifier};

use crate::model::suggest::did_you_mean;

/// Colour names, as written back; reading ignores case, `_`, `-` and spaces.
const NAMES: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
    ("reset", Color::Reset),
];

/// Modifiers a style may list.
pub const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reads a colour: a name (`light_blue`), `#rrggbb`, or a number of the 256-colour palette.
///
/// # Errors
///
/// What the text is not, with the nearest name if one is close.
pub fn parse(text: &str) -> Result<Color, String> {
    let key = squash(text);
    if let Some((_, c)) = NAMES.iter().find(|(n, _)| squash(n) == key) {
        return Ok(*c);
    }
    if let Some(hex) = text.strip_prefix('#')
        && hex.len() == 6
        && let Ok(rgb) = u32::from_str_radix(hex, 16)
    {
        return Ok(Color::from_u32(rgb));
    }
    if let Ok(n) = text.parse::<u8>() {
        return Ok(Color::Indexed(n));
    }
    let names = NAMES.iter().map(|(n, _)| *n).chain(["grey"]);
    let hint = match did_you_mean(text, names) {
        Some("grey") => "; did you mean `gray`?".to_string(),
        Some(s) => format!("; did you mean `{s}`?"),
        None => "; a colour is a name (red, light_blue, dark_gray…), #rrggbb, or a number \
                 from 0 to 255"
            .into(),
    };
    Err(format!("`{text}` is not a colour{hint}"))
}

/// How [`parse`] reads `colour` back.
#[must_use]
pub fn name(colour: Color) -> String {
    if let Some((n, _)) = NAMES.iter().find(|(_, c)| *c == colour) {
        return (*n).to_string();
    }
    match colour {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

/// Reads a modifier name (any case).
///
/// # Errors
///
/// What the text is not, with the nearest name if one is close.
pub fn modifier(text: &str) -> Result<Modifier, String> {
    if let Some((_, m)) = MODIFIERS.iter().find(|(n, _)| squash(n) == squash(text)) {
        return Ok(*m);
    }
    let names: Vec<&str> = MODIFIERS.iter().map(|(n, _)| *n).collect();
    let hint = match did_you_mean(text, names.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("modifiers are {}", names.join(", ")),
    };
    Err(format!("`{text}` is not a modifier; {hint}"))
}

/// The names of the modifiers in `m`, in [`MODIFIERS`] order.
#[must_use]
pub fn modifier_names(m: Modifier) -> Vec<&'static str> {
    MODIFIERS
        .iter()
        .filter(|(_, x)| m.contains(*x))
        .map(|(n, _)| *n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_back_as_written() {
        for c in [
            Color::DarkGray,
            Color::Rgb(0x1e, 0x90, 0xff),
            Color::Indexed(208),
            Color::Reset,
        ] {
            assert_eq!(parse(&name(c)), Ok(c));
        }
        assert_eq!(parse("DarkGray"), Ok(Color::DarkGray));
        assert_eq!(parse("light-blue"), Ok(Color::LightBlue));
        assert_eq!(parse("#1E90FF"), Ok(Color::Rgb(0x1e, 0x90, 0xff)));
        assert_eq!(
            parse("grey"),
            Err("`grey` is not a colour; did you mean `gray`?".into())
        );
        assert!(parse("256").is_err());
        assert!(parse("#12345").is_err());
    }
}
