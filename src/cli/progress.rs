//! The progress line shown while a large file loads, and Ctrl-C cancelling that load.
//!
//! Nothing is drawn for a load that ends within a quarter of a second, nor when stderr is not
//! a terminal. The line is cleared before anything else is printed.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::{Arc, OnceLock};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use signal_hook::SigId;
use signal_hook::consts::SIGINT;

use crate::model::escape::escape_line;
use crate::model::{Progress, Stage};

/// How long a load may take before its progress is shown.
const QUIET: Duration = Duration::from_millis(250);
const REDRAW: Duration = Duration::from_millis(100);

/// When set, Ctrl-C ends the process as it normally would: after a headless load, when no
/// watch is turning it into a cancel. One flag, registered once per process, however many
/// files are loaded (`check` loads one after another).
fn default_sigint() -> &'static Arc<AtomicBool> {
    static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let _ = signal_hook::flag::register_conditional_default(SIGINT, Arc::clone(&flag));
        flag
    })
}

/// Watches one load: shows its progress and turns Ctrl-C into a cancel until [`Watch::finish`].
pub struct Watch {
    progress: Arc<Progress>,
    painter: Option<JoinHandle<()>>,
    sigint: Option<SigId>,
    headless: bool,
}

impl Watch {
    /// Starts watching the load of the file called `name`. `headless`: the command prints and
    /// exits (Ctrl-C after the load should end it at once), as opposed to the browser, which
    /// handles Ctrl-C itself.
    #[must_use]
    pub fn start(name: &str, headless: bool) -> Self {
        let progress = Progress::new();
        default_sigint().store(false, Relaxed);
        let sigint = signal_hook::flag::register(SIGINT, Arc::clone(&progress.cancel)).ok();
        let painter = io::stderr().is_terminal().then(|| {
            let progress = Arc::clone(&progress);
            let name = escape_line(name).into_owned();
            thread::spawn(move || paint(&progress, &name))
        });
        Watch {
            progress,
            painter,
            sigint,
            headless,
        }
    }

    #[must_use]
    pub fn progress(&self) -> &Arc<Progress> {
        &self.progress
    }

    /// Ends the watch, clearing the line; returns whether the load was cancelled.
    pub fn finish(&mut self) -> bool {
        self.progress.set_stage(Stage::Done);
        if let Some(painter) = self.painter.take() {
            let _ = painter.join();
        }
        if let Some(id) = self.sigint.take() {
            signal_hook::low_level::unregister(id);
        }
        if self.headless {
            default_sigint().store(true, Relaxed);
        }
        self.progress.is_cancelled()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.finish();
    }
}

/// Draws the progress line on stderr until the load is done or cancelled, then clears it.
fn paint(p: &Progress, name: &str) {
    let start = Instant::now();
    let over = || p.stage() == Stage::Done || p.is_cancelled();
    let mut drawn = false;
    let mut err = io::stderr();
    while !over() {
        if start.elapsed() >= QUIET {
            let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
            let text = line(p, name, start.elapsed(), width);
            let _ = write!(err, "\r\x1b[2K{text}");
            let _ = err.flush();
            drawn = true;
        }
        let next = Instant::now()
            + if drawn {
                REDRAW
            } else {
                Duration::from_millis(10)
            };
        while Instant::now() < next && !over() {
            thread::sleep(Duration::from_millis(10));
        }
    }
    if drawn {
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

/// `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[allow(clippy::cast_precision_loss)] // sizes shown to one decimal
fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// The progress line for what `p` says, at most `width` columns wide.
#[must_use]
pub fn line(p: &Progress, name: &str, elapsed: Duration, width: usize) -> String {
    let (total, read, events) = (
        p.total.load(Relaxed),
        p.read.load(Relaxed),
        p.events.load(Relaxed),
    );
    let secs = elapsed.as_secs_f64().max(1e-3);
    let text = match p.stage() {
        Stage::Reading => {
            const BAR: usize = 20;
            let filled = (read.min(total) * BAR as u64)
                .checked_div(total)
                .unwrap_or(0) as usize;
            format!(
                "Reading {name} [{}{}] {:.0}/{:.0} MB · {:.0} MB/s · Ctrl-C cancels",
                "█".repeat(filled),
                "·".repeat(BAR - filled),
                mb(read),
                mb(total),
                mb(read) / secs
            )
        }
        Stage::Parsing => format!(
            "Parsing {name} · {:.0} MB · {} events · Ctrl-C cancels",
            mb(read.max(total)),
            thousands(events)
        ),
        Stage::Checking => format!("Checking {name} · {} events", thousands(events)),
        Stage::Indexing | Stage::Done => format!("Indexing {name} · {} events", thousands(events)),
    };
    text.chars().take(width.saturating_sub(1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_what_is_happening_and_fits() {
        let p = Progress::new();
        p.total.store(200 << 20, Relaxed);
        p.read.store(50 << 20, Relaxed);
        let reading = line(&p, "talks.ron", Duration::from_secs(1), 200);
        assert_eq!(
            reading,
            "Reading talks.ron [█████···············] 50/200 MB · 50 MB/s · Ctrl-C cancels"
        );
        p.read.store(200 << 20, Relaxed);
        p.set_stage(Stage::Parsing);
        p.events.store(1_234_567, Relaxed);
        assert_eq!(
            line(&p, "talks.ron", Duration::from_secs(2), 200),
            "Parsing talks.ron · 200 MB · 1,234,567 events · Ctrl-C cancels"
        );
        assert_eq!(
            line(&p, "talks.ron", Duration::from_secs(2), 12)
                .chars()
                .count(),
            11
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
    }
}
