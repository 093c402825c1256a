//! The interactive browser's entry point: takes a loaded, validated timeline and runs the
//! terminal UI until the user quits, restoring the terminal on every way out (quit, error,
//! panic, SIGTERM, SIGHUP, SIGINT).

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

use std::path::PathBuf;

use crate::app::keymap::Keymap;
use crate::app::reload::Problems;
use crate::app::{Action, App};
use crate::clipboard::{self, Clipboard};
use crate::follow::{Follow, Outcome, Watch};
use crate::query::Filter;
use crate::query::document::Document;
use crate::ui::theme::Theme;

/// What the browser opens with. Everything here was loaded and checked before the terminal
/// changed mode.
pub struct Launch {
    /// The timeline file, loaded and indexed.
    pub doc: Arc<Document>,
    /// Filters from `--speaker`, `--round`, `--search`, already resolved.
    pub filter: Filter,
    /// How `y` and `Y` copy (`--clipboard`).
    pub clipboard: clipboard::Mode,
    /// The file's marks, read from its marks file, and where to save them.
    pub marks: crate::marks::Opened,
    /// The file to follow as it is saved, how, and the largest size to read (`--max-size`);
    /// `None` for the bundled timeline.
    pub follow: Option<(PathBuf, Watch, u64)>,
    /// The keys in force (the defaults as the config file changed them).
    pub keys: Keymap,
    /// The colours (the default theme as the config file changed them); `NO_COLOR` still
    /// takes them all out.
    pub theme: Theme,
}

/// How long the loop waits for input before looking at the signal flag again.
const TICK: Duration = Duration::from_millis(200);

/// How long it waits while a filter's list is worked out on a thread, to show it soon after.
const SETTLE: Duration = Duration::from_millis(10);

/// Runs the browser until the user quits. A SIGTERM, SIGHUP or SIGINT ends it too, with the
/// terminal restored, and comes back as an `Interrupted` error naming the signal. (Ctrl-C in
/// the browser is a key, since raw mode turns signals off; `kill -INT` still reaches it.)
pub fn run(launch: Launch) -> io::Result<()> {
    let name = launch.doc.name().to_string();
    let zone = launch.doc.zone();
    let crate::marks::Opened {
        store: marks_store,
        ids,
        trouble,
    } = launch.marks;
    let mut app = App::new(launch.doc, &launch.filter)
        .with_keys(launch.keys)
        .with_marks(ids, trouble.map(|t| t.short));
    let theme = launch.theme;
    let mut follow = launch
        .follow
        .as_ref()
        .map(|(path, watch, max)| Follow::start(path, &name, *max, zone, *watch));
    if let Some(problem) = follow.as_mut().and_then(Follow::take_problem) {
        app.file_unreadable(problem);
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        app = app.without_color();
    }
    // Opened before the terminal changes mode: it may take a moment, or fail (then OSC 52).
    let mut clipboard = Clipboard::new(launch.clipboard);
    let signals = Signals::register()?;
    let _hook = PanicHook::install();
    let _guard = Guard::enter()?;
    watch_for_hangup();
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut frames = 0_u64;
    loop {
        frames += 1;
        terminal.draw(|frame| {
            fault::on_draw(frames);
            crate::ui::render_with(&app, &theme, frame);
        })?;
        // The rows a filter change found first are on screen: now its whole list.
        app.start_counting();
        if let Some(name) = signals.caught() {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                format!("terminated by {name}"),
            ));
        }
        // Handle everything already queued before drawing again, so a burst of wheel events
        // or a held key does not lag behind.
        // A filter's list (or the round picker's counts) worked out on a thread is shown as
        // soon as it is whole.
        let mut timeout = if app.working() { SETTLE } else { TICK };
        while event::poll(timeout)? {
            if let Some(action) = action_for(&event::read()?, &app) {
                app.update(action);
            }
            if let Some(ids) = app.take_marks_to_save() {
                // A failed save leaves the view as it is; the footer says why.
                match &marks_store {
                    Some(store) => {
                        if let Err(e) = store.save(&ids) {
                            app.marks_not_saved(&e.short);
                        }
                    }
                    None => app.marks_not_saved("no state folder"),
                }
            }
            if let Some(text) = app.take_copy() {
                let how = clipboard.copy(&text, terminal.backend_mut())?;
                app.update(Action::Copied(how));
            }
            if app.should_quit() {
                return Ok(());
            }
            timeout = Duration::ZERO;
        }
        app.settle_if_done();
        if let Some(f) = &follow {
            if app.take_reload_request() {
                f.request();
            }
            // Only the latest outcome matters: the others were superseded by a later save.
            let mut latest = None;
            while let Some(o) = f.take() {
                latest = Some(o);
            }
            match latest {
                Some(Outcome::Loaded(doc)) => {
                    let old = app.replace_document(doc);
                    // Freeing hundreds of megabytes takes longer than a frame: not here.
                    std::thread::spawn(move || drop(old));
                }
                Some(Outcome::Invalid { errors, first, all }) => {
                    app.reload_failed(Problems { errors, first, all });
                }
                Some(Outcome::Unreadable(why)) => app.file_unreadable(why),
                None => {}
            }
        } else if app.take_reload_request() {
            app.reload_unavailable();
        }
    }
}

fn action_for(ev: &Event, app: &App) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.keymap().action(*k, app.mode()),
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

/// Whether the terminal is in browsing mode and still to be put back.
static ENTERED: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: mouse capture off, main screen, cursor shown, raw mode
/// off. Every step is tried even when one fails. Only the first call after [`Guard::enter`]
/// acts: after a panic the hook restores and prints the message, then unwinding drops the
/// guard, and leaving the alternate screen a second time would move the cursor back (xterm
/// restores the cursor saved on entering) and let the shell's prompt overwrite the message.
///
/// Returns whether this call did it.
fn restore() -> bool {
    if !ENTERED.swap(false, Ordering::SeqCst) {
        return false;
    }
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
    true
}

/// Ends the process when the terminal hangs up (its window closed, the connection dropped).
/// The event loop cannot do it: crossterm, reading a terminal that hung up, gets end-of-file
/// and reads again at once, forever, never returning to the loop that would see the SIGHUP.
/// So a thread waits for the hang-up itself (`poll` reports it whatever is asked for) and, if
/// the terminal has not been put back already, puts it back as far as it still can and exits.
fn watch_for_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::os::fd::AsFd;
    std::thread::spawn(|| {
        let stdin = io::stdin();
        let mut fds = [PollFd::from_borrowed_fd(stdin.as_fd(), PollFlags::empty())];
        let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
        loop {
            match poll(&mut fds, None) {
                Ok(_) if fds[0].revents().intersects(gone) => break,
                Ok(_) | Err(rustix::io::Errno::INTR) => {}
                Err(_) => return,
            }
        }
        if restore() {
            let _ = writeln!(io::stderr(), "roundtable: the terminal hung up");
            std::process::exit(1);
        }
    });
}

/// The terminal in browsing mode for as long as it lives.
struct Guard;

impl Guard {
    fn enter() -> io::Result<Guard> {
        enable_raw_mode()?;
        // From here on, dropping the guard restores whatever was changed.
        ENTERED.store(true, Ordering::SeqCst);
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
        let _ = restore();
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
            let _ = restore();
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

/// SIGTERM, SIGHUP and SIGINT, noted by flags the event loop checks; unregistered on drop.
/// Left to their default action, each would end the process with the terminal still raw, on
/// the alternate screen and capturing the mouse.
struct Signals {
    caught: Vec<(&'static str, Arc<AtomicBool>)>,
    ids: Vec<signal_hook::SigId>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = Signals {
            caught: Vec::new(),
            ids: Vec::new(),
        };
        for (sig, name) in [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT")] {
            let flag = Arc::new(AtomicBool::new(false));
            // Pushed one by one, so that a failure part way unregisters what was registered.
            signals
                .ids
                .push(signal_hook::flag::register(sig, Arc::clone(&flag))?);
            signals.caught.push((name, flag));
        }
        Ok(signals)
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

/// A test-only way to fail inside drawing, for the tests that check the terminal is restored
/// after a panic (`tests/faults.rs`). Compiled only with the `fault-injection` feature, which
/// `cargo test` turns on and a release build never does.
#[cfg(feature = "fault-injection")]
mod fault {
    /// Panics while drawing frame `frame` (counted from 1) when `ROUNDTABLE_FAULT_PANIC_ON_DRAW`
    /// names it.
    pub fn on_draw(frame: u64) {
        let at = std::env::var("ROUNDTABLE_FAULT_PANIC_ON_DRAW").ok();
        let at = at.and_then(|n| n.parse::<u64>().ok());
        assert!(
            at != Some(frame),
            "fault injected while drawing frame {frame}"
        );
    }
}

#[cfg(not(feature = "fault-injection"))]
mod fault {
    #[inline(always)]
    pub fn on_draw(_frame: u64) {}
}
