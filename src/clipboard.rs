//! Copying text for the user: through the system clipboard (the `arboard` crate) where there
//! is one, else through the terminal with OSC 52, which also works over SSH and inside tmux
//! (with `set-clipboard on`). Text is made inert before it is copied: no control character
//! from a file reaches the clipboard, newlines and tabs aside.

use std::io::{self, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::model::escape::escape_block;

/// How `--clipboard` asks to copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The system clipboard when one can be opened, else OSC 52.
    #[default]
    Auto,
    /// Always OSC 52, through the terminal.
    Osc52,
    /// Only the system clipboard.
    System,
    /// Never copy.
    Off,
}

/// How a copy went, for the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// Into the system clipboard.
    System,
    /// Sent to the terminal as OSC 52.
    Osc52,
    /// `--clipboard off`.
    Off,
    /// `--clipboard system` and no system clipboard could be opened or written.
    Failed,
}

/// The clipboard for the life of the browser: the system one is opened once, at start.
pub struct Clipboard {
    mode: Mode,
    system: Option<arboard::Clipboard>,
}

impl Clipboard {
    /// Opens the system clipboard if `mode` may use it (a failure leaves OSC 52 for `Auto`).
    #[must_use]
    pub fn new(mode: Mode) -> Self {
        let system = match mode {
            Mode::Auto | Mode::System => arboard::Clipboard::new().ok(),
            Mode::Osc52 | Mode::Off => None,
        };
        Clipboard { mode, system }
    }

    /// Copies `text` (made inert first), writing OSC 52 to `terminal` when that is the way.
    ///
    /// # Errors
    ///
    /// Writing to `terminal` failed.
    pub fn copy(&mut self, text: &str, terminal: &mut impl Write) -> io::Result<Copied> {
        let text = escape_block(text);
        if self.mode == Mode::Off {
            return Ok(Copied::Off);
        }
        if let Some(system) = &mut self.system
            && system.set_text(text.as_ref()).is_ok()
        {
            return Ok(Copied::System);
        }
        if self.mode == Mode::System {
            return Ok(Copied::Failed);
        }
        terminal.write_all(osc52(&text).as_bytes())?;
        terminal.flush()?;
        Ok(Copied::Osc52)
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard (`c`):
/// `ESC ] 52 ; c ; <base64> BEL`.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_the_base64_of_the_text_between_its_delimiters() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("“Я”"),
            format!("\x1b]52;c;{}\x07", STANDARD.encode("“Я”"))
        );
    }

    #[test]
    fn off_copies_nothing_and_osc52_writes_inert_text() {
        let mut out = Vec::new();
        assert_eq!(
            Clipboard::new(Mode::Off).copy("x", &mut out).unwrap(),
            Copied::Off
        );
        assert!(out.is_empty());
        let copied = Clipboard::new(Mode::Osc52)
            .copy("a\x1b[2Jb\nc", &mut out)
            .unwrap();
        assert_eq!(copied, Copied::Osc52);
        let sent = String::from_utf8(out).unwrap();
        let payload = sent
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        let decoded = String::from_utf8(STANDARD.decode(payload).unwrap()).unwrap();
        assert_eq!(decoded, "a\\x1b[2Jb\nc");
    }
}
