//! The two paths untrusted input takes, with everything checked that a user would notice if
//! it went wrong. Each returns `Err` with a description instead of panicking on a broken
//! promise, so that the fuzz targets and the tests report it the same way; a panic inside
//! roundtable itself is left to propagate.

use arbitrary::{Arbitrary, Unstructured};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App, keymap};
use roundtable::cli::{json, list, markdown, ronfmt, view::View};
use roundtable::model::{self, Diagnostic, diag, read};
use roundtable::query::{self, Filter, FilterArgs, Index};
use roundtable::ui;

use super::generate::{self, Text};
use super::screen::{check_buffer, inert_but};

/// Arbitrary bytes as a file: decoded as `read_file` decodes them, loaded and validated. A
/// rejection has at least one error, every diagnostic points into the text and renders as
/// inert lines. A timeline that loads is listed, briefed and exported: every text output is
/// inert, and the RON export loads back to the same timeline (compared through JSON).
pub fn load(data: &[u8]) -> Result<(), String> {
    let text = match read::decode(data.to_vec()) {
        Ok(text) => text,
        Err(e) => return inert_but(&e.to_string(), &[]),
    };
    let diags = match model::load_str(&text) {
        Ok(loaded) => {
            check_diags(&text, &loaded.warnings)?;
            return outputs(&loaded.timeline);
        }
        Err(diags) => diags,
    };
    if !diags.iter().any(Diagnostic::is_error) {
        return Err("rejected without an error".into());
    }
    check_diags(&text, &diags)
}

fn check_diags(text: &str, diags: &[Diagnostic]) -> Result<(), String> {
    if let Some(d) = diags
        .iter()
        .find(|d| d.at.is_some_and(|at| at > text.len()))
    {
        return Err(format!(
            "`{}` is at byte {:?} of {}",
            d.message,
            d.at,
            text.len()
        ));
    }
    let rendered = diag::render("fuzz\u{1b}[2J.ron", text, diags);
    inert_but(&rendered, &['\n'])?;
    if rendered.lines().count() != diags.len() {
        return Err(format!(
            "{} diagnostics rendered as {} lines:\n{rendered}",
            diags.len(),
            rendered.lines().count()
        ));
    }
    Ok(())
}

fn utf8(bytes: Vec<u8>, what: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("{what} is not UTF-8: {e}"))
}

/// The headless outputs of a loaded timeline.
fn outputs(t: &model::Timeline<'_>) -> Result<(), String> {
    let index = Index::build(t);
    let all: Vec<u32> = (0..t.events.len() as u32).collect();
    let io = |e: std::io::Error| e.to_string();

    let mut out = Vec::new();
    list::write(t, &index, &all, list::Layout::Tabs, &mut out).map_err(io)?;
    let tabs = utf8(out, "list")?;
    inert_but(&tabs, &['\n', '\t']).map_err(|e| format!("list: {e}"))?;
    if let Some(l) = tabs.lines().find(|l| l.matches('\t').count() != 5) {
        return Err(format!("list: a line without exactly six fields: {l:?}"));
    }
    let mut out = Vec::new();
    list::write(t, &index, &all, list::Layout::Table, &mut out).map_err(io)?;
    inert_but(&utf8(out, "list")?, &['\n']).map_err(|e| format!("list table: {e}"))?;

    let mut out = Vec::new();
    markdown::write(t, &index, &all, &mut out).map_err(io)?;
    inert_but(&utf8(out, "markdown")?, &['\n']).map_err(|e| format!("markdown: {e}"))?;

    let view = View::new(t, &all);
    let mut out = Vec::new();
    json::write(&view, &mut out).map_err(io)?;
    let json = utf8(out, "json")?;
    inert_but(&json, &['\n']).map_err(|e| format!("json: {e}"))?;
    let mut out = Vec::new();
    ronfmt::write(&view, &mut out).map_err(io)?;
    let ron = utf8(out, "ron")?;
    inert_but(&ron, &['\n']).map_err(|e| format!("ron: {e}"))?;

    // Lossless: the RON export is itself a timeline, and the same one.
    let again = model::load_str(&ron).map_err(|d| {
        format!(
            "the RON export does not load:\n{}\n{ron}",
            diag::render("export.ron", &ron, &d)
        )
    })?;
    let mut out = Vec::new();
    json::write(&View::new(&again.timeline, &all), &mut out).map_err(io)?;
    if utf8(out, "json")? != json {
        return Err(format!("the RON export loads back differently:\n{ron}"));
    }
    Ok(())
}

/// A key from the key table (so that every binding is reached quickly), or any key at all.
#[derive(Debug, Arbitrary)]
enum Key {
    Bound { binding: u8, which: u8 },
    Any { code: Code, ctrl: bool, alt: bool },
}

#[derive(Debug, Arbitrary)]
enum Code {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    F(u8),
}

impl Key {
    fn event(&self) -> KeyEvent {
        match self {
            Key::Bound { binding, which } => {
                let b = &keymap::KEYS[usize::from(*binding) % keymap::KEYS.len()];
                let k = b.keys[usize::from(*which) % b.keys.len()];
                let mods = if k.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                KeyEvent::new(k.code, mods)
            }
            Key::Any { code, ctrl, alt } => {
                let code = match *code {
                    Code::Char(c) => KeyCode::Char(c),
                    Code::Up => KeyCode::Up,
                    Code::Down => KeyCode::Down,
                    Code::Left => KeyCode::Left,
                    Code::Right => KeyCode::Right,
                    Code::PageUp => KeyCode::PageUp,
                    Code::PageDown => KeyCode::PageDown,
                    Code::Home => KeyCode::Home,
                    Code::End => KeyCode::End,
                    Code::Enter => KeyCode::Enter,
                    Code::Esc => KeyCode::Esc,
                    Code::Tab => KeyCode::Tab,
                    Code::BackTab => KeyCode::BackTab,
                    Code::Backspace => KeyCode::Backspace,
                    Code::Delete => KeyCode::Delete,
                    Code::F(n) => KeyCode::F(n),
                };
                let mut mods = KeyModifiers::NONE;
                if *ctrl {
                    mods |= KeyModifiers::CONTROL;
                }
                if *alt {
                    mods |= KeyModifiers::ALT;
                }
                KeyEvent::new(code, mods)
            }
        }
    }
}

/// One thing the user does between frames.
#[derive(Debug, Arbitrary)]
enum Step {
    Key(Key),
    /// Text pasted or typed fast, through the key table one character at a time.
    Type(Text),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
    Draw,
}

/// A filter given on the command line: a name from the file, or any text.
#[derive(Debug, Arbitrary)]
enum Name {
    Participant(u8),
    Source(u8),
    Any(Text),
}

#[derive(Debug, Arbitrary)]
struct Launch {
    name: Text,
    color: bool,
    speaker: Option<Name>,
    round: Option<u64>,
    source: Option<Name>,
    search: Option<Text>,
    width: u16,
    height: u16,
}

/// Terminal sizes from 0×0 to 300×100.
fn size(w: u16, h: u16) -> (u16, u16) {
    (w % 301, h % 101)
}

/// At most this many steps and frames per input, so that each run stays quick.
const MAX_STEPS: usize = 200;
const MAX_FRAMES: usize = 24;

/// An arbitrary valid timeline opened in the browser with arbitrary launch filters at an
/// arbitrary size, then arbitrary keys, clicks, wheel turns and resizes. Every frame (after
/// each `Draw` step, and at the end) is drawn through ratatui's `TestBackend` and checked with
/// [`check_buffer`].
pub fn render(data: &[u8]) -> Result<(), String> {
    let mut u = Unstructured::new(data);
    let (Ok(timeline), Ok(launch)) = (generate::Timeline::take(&mut u), Launch::arbitrary(&mut u))
    else {
        return Ok(());
    };
    let steps: Vec<Step> = u
        .arbitrary_take_rest_iter()
        .map(|it| it.take(MAX_STEPS).filter_map(Result::ok).collect())
        .unwrap_or_default();
    let text = timeline.to_ron();
    let Ok(loaded) = model::load_str(&text) else {
        return Ok(());
    };
    let t = &loaded.timeline;
    let index = Index::build(t);
    let pick = |n: &Name| match n {
        Name::Participant(i) => t
            .participants
            .get(usize::from(*i) % t.participants.len().max(1))
            .map(|p| p.name.to_string()),
        Name::Source(i) => t
            .sources
            .get(usize::from(*i) % t.sources.len().max(1))
            .map(|s| s.id.value.to_string()),
        Name::Any(text) => Some(text.render()),
    };
    let args = FilterArgs {
        speaker: launch.speaker.as_ref().and_then(pick),
        round: launch.round,
        source: launch.source.as_ref().and_then(pick),
        search: launch.search.as_ref().map(Text::render),
    };
    let filter = Filter::resolve(t, &index, &args).unwrap_or_else(|_| Filter {
        search: args.search.clone(),
        ..Filter::default()
    });
    // The browser searches the file's text; the events' records must give the same matches.
    if let Some(q) = &args.search {
        let (read, scanned) = (
            query::search(t, &index, Some(&text), q),
            query::search_records(t, q),
        );
        if read != scanned {
            return Err(format!(
                "searching the text for {q:?} found {read:?}, the records {scanned:?}"
            ));
        }
    }
    let name = launch.name.render();
    let mut app = App::new_with_text(&name, t, &text, &index, &filter, &loaded.warnings);
    if !launch.color {
        app = app.without_color();
    }
    let (width, height) = size(launch.width, launch.height);
    app.update(Action::Resize { width, height });
    let mut term = Terminal::new(TestBackend::new(width, height)).map_err(|e| e.to_string())?;
    let mut frames = 0;
    for step in &steps {
        match step {
            Step::Key(k) => {
                if let Some(a) = keymap::action(k.event(), app.mode()) {
                    app.update(a);
                }
            }
            Step::Type(text) => {
                for c in text.render().chars().take(64) {
                    let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    if let Some(a) = keymap::action(ev, app.mode()) {
                        app.update(a);
                    }
                }
            }
            &Step::Click(column, row) => app.update(Action::Click { column, row }),
            &Step::Wheel(column, row, down) => app.update(Action::Wheel { column, row, down }),
            &Step::Resize(w, h) => {
                let (width, height) = size(w, h);
                app.update(Action::Resize { width, height });
            }
            Step::Draw if frames < MAX_FRAMES => {
                frames += 1;
                frame(&mut term, &app)?;
            }
            Step::Draw => {}
        }
        if app.should_quit() {
            break;
        }
    }
    frame(&mut term, &app)
}

/// Draws one frame at the app's size, as the real terminal loop does, and checks it.
fn frame(term: &mut Terminal<TestBackend>, app: &App<'_, '_>) -> Result<(), String> {
    let size = app.size();
    term.backend_mut().resize(size.width, size.height);
    let drawn = term
        .draw(|f| ui::render(app, f))
        .map_err(|e| e.to_string())?;
    check_buffer(drawn.buffer).map_err(|e| format!("at {}×{}: {e}", size.width, size.height))
}
