//! The interactive browser's entry point: takes a loaded, validated timeline and runs the
//! terminal UI until the user quits, restoring the terminal on every way out (quit, error,
//! panic, SIGTERM, SIGHUP).

use std::io::{self, Write};
use std::panic::{self, PanicHookInfo};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, App, keymap};
use crate::model::{Diagnostic, Timeline};
use crate::query::{Filter, Index};

/// What the browser opens with. Everything here was loaded and checked before the terminal
/// changed mode.
pub struct Launch<'t, 'a> {
    /// The file name as given (or the bundled file's name), for the title bar.
    pub name: &'t str,
    pub timeline: &'t Timeline<'a>,
    pub index: &'t Index,
    /// Filters from `--speaker`, `--round`, `--search`, already resolved.
    pub filter: Filter,
    /// Warnings from loading, shown in the footer.
    pub warnings: &'t [Diagnostic],
}

/// How long the loop waits for input before looking at the signal flag again.
const TICK: Duration = Duration::from_millis(200);

/// Runs the browser until the user quits. A SIGTERM or SIGHUP ends it too, with the terminal
/// restored, and comes back as an `Interrupted` error naming the signal.
pub fn run(launch: &Launch<'_, '_>) -> io::Result<()> {
    let mut app = App::new(
        launch.name,
        launch.timeline,
        launch.index,
        &launch.filter,
        launch.warnings,
    );
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        app = app.without_color();
    }
    let signals = Signals::register()?;
    let _hook = PanicHook::install();
    let _guard = Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    loop {
        terminal.draw(|frame| crate::ui::render(&app, frame))?;
        if let Some(name) = signals.caught() {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                format!("terminated by {name}"),
            ));
        }
        // Handle everything already queued before drawing again, so a burst of wheel events
        // or a held key does not lag behind.
        let mut timeout = TICK;
        while event::poll(timeout)? {
            if let Some(action) = action_for(&event::read()?, &app) {
                app.update(action);
            }
            if app.should_quit() {
                return Ok(());
            }
            timeout = Duration::ZERO;
        }
    }
}

fn action_for(ev: &Event, app: &App<'_, '_>) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap::action(*k, app.mode()),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        &Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// Puts the terminal back as it was: mouse capture off, main screen, cursor shown, raw mode
/// off. Every step is tried even when one fails.
fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// The terminal in browsing mode for as long as it lives.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Guard> {
        enable_raw_mode()?;
        // From here on, dropping the guard restores whatever was changed.
        let guard = Guard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

type Hook = Arc<dyn Fn(&PanicHookInfo<'_>) + Send + Sync + 'static>;

/// A panic hook that restores the terminal before the panic is printed; dropping it puts the
/// previous hook back.
struct PanicHook {
    previous: Hook,
}

impl PanicHook {
    fn install() -> PanicHook {
        let previous: Hook = Arc::from(panic::take_hook());
        let chained = Arc::clone(&previous);
        panic::set_hook(Box::new(move |info| {
            restore();
            chained(info);
        }));
        PanicHook { previous }
    }
}

impl Drop for PanicHook {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // Leave our hook in place: the panic in flight still has to be reported by it.
            return;
        }
        let previous = Arc::clone(&self.previous);
        let _ = panic::take_hook();
        panic::set_hook(Box::new(move |info| previous(info)));
    }
}

/// SIGTERM and SIGHUP, noted by flags the event loop checks; unregistered on drop.
struct Signals {
    caught: [(&'static str, Arc<AtomicBool>); 2],
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let term = Arc::new(AtomicBool::new(false));
        let hup = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for (sig, flag) in [
            (signal_hook::consts::SIGTERM, &term),
            (signal_hook::consts::SIGHUP, &hup),
        ] {
            ids.push(signal_hook::flag::register(sig, Arc::clone(flag))?);
        }
        Ok(Signals {
            caught: [("SIGTERM", term), ("SIGHUP", hup)],
            ids,
        })
    }

    fn caught(&self) -> Option<&'static str> {
        self.caught
            .iter()
            .find(|(_, f)| f.load(Ordering::Relaxed))
            .map(|(name, _)| *name)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
