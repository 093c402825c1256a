//! The two paths untrusted input takes, with everything checked that a user would notice if
//! it went wrong. Each returns `Err` with a description instead of panicking on a broken
//! promise, so that the fuzz targets and the tests report it the same way; a panic inside
//! roundtable itself is left to propagate.

use arbitrary::{Arbitrary, Unstructured};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App, keymap};
use roundtable::cli::{csv, json, list, ronfmt, statements, view::View};
use roundtable::model::{self, Diagnostic, Zone, diag, read};
use roundtable::query::{self, Filter, FilterArgs, Index};
use roundtable::report::markdown;
use roundtable::ui;

use super::generate::{self, Text};
use super::screen::{check_buffer, inert_but};

/// Arbitrary bytes as a TimelineJS JSON document (`roundtable import timelinejs`): see
/// [`import_as`].
pub fn import_timelinejs(data: &[u8]) -> Result<(), String> {
    import_as(roundtable::import::Format::TimelineJs, data)
}

/// Arbitrary bytes as a TimelineJS sheet in CSV (`roundtable import timelinejs-csv`): see
/// [`import_as`].
pub fn import_timelinejs_csv(data: &[u8]) -> Result<(), String> {
    import_as(roundtable::import::Format::TimelineJsCsv, data)
}

/// Arbitrary bytes as an ACLED export (`roundtable import acled`): see [`import_as`].
pub fn import_acled(data: &[u8]) -> Result<(), String> {
    import_as(roundtable::import::Format::Acled, data)
}

/// Arbitrary bytes as the file given to `roundtable import FORMAT` (lossy UTF-8), imported
/// twice: without `--tz` and with `--tz +03:00`. The import never panics; a rejection names at
/// least one problem, each with a line inside the input; an accepted input writes RON that
/// loads with no errors (the promise `check` keeps for every import), and its comments stay
/// comments.
fn import_as(format: roundtable::import::Format, data: &[u8]) -> Result<(), String> {
    use roundtable::import::{self, Options, Zone};
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count().max(1);
    for zone in [None, Some(Zone::parse("+03:00").expect("a fixed offset"))] {
        let options = Options {
            zone,
            name: "fuzz.input".into(),
        };
        let tz = if options.zone.is_some() {
            " --tz +03:00"
        } else {
            ""
        };
        match import::import(format, &text, &options) {
            Err(problems) => {
                if problems.is_empty() {
                    return Err(format!("{format:?}{tz}: rejected with no problem named"));
                }
                for p in &problems {
                    if let Some(at) = p.at
                        && (at.line == 0 || at.line > lines + 1)
                    {
                        return Err(format!(
                            "{format:?}{tz}: a problem at line {} of {lines}",
                            at.line
                        ));
                    }
                }
            }
            Ok(imported) => {
                let mut out = Vec::new();
                import::write::write(&imported, &mut out).map_err(|e| e.to_string())?;
                let ron = String::from_utf8(out)
                    .map_err(|e| format!("{format:?}{tz}: not UTF-8: {e}"))?;
                if let Err(d) = model::load_str(&ron) {
                    return Err(format!(
                        "{format:?}{tz}: the import does not load:\n{}\n{ron}",
                        diag::render("imported.ron", &ron, &d)
                    ));
                }
            }
        }
    }
    Ok(())
}

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
    list::write(t, &index, &all, list::Layout::Tabs, Zone::Utc, &mut out).map_err(io)?;
    let tabs = utf8(out, "list")?;
    inert_but(&tabs, &['\n', '\t']).map_err(|e| format!("list: {e}"))?;
    if let Some(l) = tabs.lines().find(|l| l.matches('\t').count() != 6) {
        return Err(format!("list: a line without exactly seven fields: {l:?}"));
    }
    let every = roundtable::query::statement::all(t);
    let mut out = Vec::new();
    statements::write(t, &index, &every, list::Layout::Tabs, Zone::Utc, &mut out).map_err(io)?;
    let rows = utf8(out, "statements")?;
    inert_but(&rows, &['\n', '\t']).map_err(|e| format!("statements: {e}"))?;
    if rows.lines().count() != every.len() {
        return Err(format!("statements: not one line per statement:\n{rows}"));
    }
    if let Some(l) = rows.lines().find(|l| l.matches('\t').count() != 7) {
        return Err(format!(
            "statements: a line without exactly eight fields: {l:?}"
        ));
    }
    let mut out = Vec::new();
    csv::write(t, &index, &every, &mut out).map_err(io)?;
    let table = utf8(out, "csv")?;
    inert_but(&table, &['\n', '\t']).map_err(|e| format!("csv: {e}"))?;
    let mut reader = ::csv::Reader::from_reader(table.as_bytes());
    let mut records = 0;
    for record in reader.records() {
        let record = record.map_err(|e| format!("csv does not read back: {e}\n{table}"))?;
        if record.len() != csv::COLUMNS.len() {
            return Err(format!("csv: a row of {} fields: {record:?}", record.len()));
        }
        records += 1;
    }
    if records != every.len() {
        return Err(format!(
            "csv: {records} rows for {} statements",
            every.len()
        ));
    }
    let mut out = Vec::new();
    list::write(t, &index, &all, list::Layout::Table, Zone::Utc, &mut out).map_err(io)?;
    inert_but(&utf8(out, "list")?, &['\n']).map_err(|e| format!("list table: {e}"))?;

    let mut out = Vec::new();
    markdown::write(t, &index, &all, &Filter::default(), &mut out).map_err(io)?;
    inert_but(&utf8(out, "markdown")?, &['\n']).map_err(|e| format!("markdown: {e}"))?;

    let view = View::all(t);
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
    json::write(&View::all(&again.timeline), &mut out).map_err(io)?;
    if utf8(out, "json")? != json {
        return Err(format!("the RON export loads back differently:\n{ron}"));
    }
    Ok(())
}

/// A key from the key table (so that every binding is reached quickly), or any key at all.
#[derive(Debug, Clone, Arbitrary)]
pub enum Key {
    Bound { binding: u8, which: u8 },
    Any { code: Code, ctrl: bool, alt: bool },
}

#[derive(Debug, Clone, Arbitrary)]
pub enum Code {
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
#[derive(Debug, Clone, Arbitrary)]
pub enum Step {
    Key(Key),
    /// Text pasted or typed fast, through the key table one character at a time.
    Type(Text),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
    Draw,
}

/// A filter given on the command line: a name from the file, or any text.
#[derive(Debug, Clone, Arbitrary)]
pub enum Name {
    Participant(u8),
    Source(u8),
    Any(Text),
}

/// How the browser is opened: the file name shown, colour, the filters given on the command
/// line, the terminal size.
#[derive(Debug, Clone, Arbitrary)]
pub struct Launch {
    pub name: Text,
    pub color: bool,
    pub speaker: Option<Name>,
    pub round: Option<u64>,
    pub source: Option<Name>,
    pub search: Option<Text>,
    pub width: u16,
    pub height: u16,
}

/// Terminal sizes from 0×0 to 300×100.
#[must_use]
pub fn size(w: u16, h: u16) -> (u16, u16) {
    (w % 301, h % 101)
}

/// At most this many steps and frames per input, so that each run stays quick.
pub const MAX_STEPS: usize = 200;
pub const MAX_FRAMES: usize = 24;

/// What the `render` target reads from its bytes: a timeline, how it is opened, and what the
/// user then does.
#[derive(Debug, Clone)]
pub struct Session {
    pub timeline: generate::Timeline,
    pub launch: Launch,
    pub steps: Vec<Step>,
}

impl Session {
    /// The session the `render` target runs for `data`; `None` when the bytes run out before
    /// the launch is read.
    #[must_use]
    pub fn decode(data: &[u8]) -> Option<Self> {
        let mut u = Unstructured::new(data);
        let timeline = generate::Timeline::take(&mut u).ok()?;
        let launch = Launch::arbitrary(&mut u).ok()?;
        let steps = u
            .arbitrary_take_rest_iter()
            .map(|it| it.take(MAX_STEPS).filter_map(Result::ok).collect())
            .unwrap_or_default();
        Some(Session {
            timeline,
            launch,
            steps,
        })
    }

    /// The terminal size the session opens at.
    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        size(self.launch.width, self.launch.height)
    }

    /// How many keys the session presses: single keys, and the characters typed (at most 64
    /// per `Type`, as [`render`] types them).
    #[must_use]
    pub fn keys(&self) -> usize {
        (self.steps.iter())
            .map(|s| match s {
                Step::Key(_) => 1,
                Step::Type(t) => t.render().chars().take(64).count(),
                _ => 0,
            })
            .sum()
    }

    /// How many frames are drawn and checked, the last one included.
    #[must_use]
    pub fn frames(&self) -> usize {
        let draws = self
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Draw))
            .count();
        draws.min(MAX_FRAMES) + 1
    }
}

/// What loading the generated timeline `g`, written as `text`, must give, computed from the
/// generated data and not by roundtable: the events in order of the instant at which each
/// begins, ties in file order; for every participant, round and source, a filter on it keeps
/// exactly the events that quote or hold a claim by them, belong to it, or cite it; the JSON
/// export holds every value written.
pub fn check_generated(
    g: &generate::Timeline,
    text: &str,
    t: &model::Timeline<'_>,
) -> Result<(), String> {
    let ids = |positions: &[u32]| -> Vec<String> {
        (positions.iter())
            .map(|&p| t.events[p as usize].id.value.to_string())
            .collect()
    };
    let all: Vec<u32> = (0..t.events.len() as u32).collect();
    let order = g.timeline_order();
    if ids(&all) != order {
        return Err(format!(
            "events in the order {:?}, expected {order:?}",
            ids(&all)
        ));
    }
    let index = Index::build(t);
    let file_ids = g.event_ids();
    // The events `keep` selects by file position, in the expected timeline order.
    let expected = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
        let kept: Vec<&String> = (0..file_ids.len())
            .filter(|&e| keep(e))
            .map(|e| &file_ids[e])
            .collect();
        order
            .iter()
            .filter(|id| kept.contains(id))
            .cloned()
            .collect()
    };
    let check = |what: String, filter: Filter, want: Vec<String>| -> Result<(), String> {
        let got = ids(&filter.apply(t, &index, Some(text)));
        if got == want {
            Ok(())
        } else {
            Err(format!("{what} kept {got:?}, expected {want:?}"))
        }
    };
    for p in 0..g.participant_count() {
        let filter = Filter {
            speakers: vec![p as u32],
            ..Filter::default()
        };
        check(
            format!("speaker {p}"),
            filter,
            expected(&|e| g.speaks(e, p)),
        )?;
    }
    let numbers = g.round_numbers();
    for (r, &number) in numbers.iter().enumerate() {
        let args = FilterArgs {
            round: Some(number),
            ..FilterArgs::default()
        };
        let filter = Filter::resolve(t, &index, &args).map_err(|e| e.to_string())?;
        check(
            format!("round {number}"),
            filter,
            expected(&|e| g.in_round(e, r)),
        )?;
    }
    for s in 0..g.source_count() {
        let filter = Filter {
            sources: Some(vec![s as u32]),
            ..Filter::default()
        };
        check(format!("source {s}"), filter, expected(&|e| g.cites(e, s)))?;
    }
    let mut out = Vec::new();
    json::write(&View::all(t), &mut out).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_slice(&out).map_err(|e| e.to_string())?;
    generate::same_document(&json, &g.document()).map_err(|e| format!("JSON export: {e}"))
}

/// An arbitrary valid timeline opened in the browser with arbitrary launch filters at an
/// arbitrary size, then arbitrary keys, clicks, wheel turns and resizes. Every frame (after
/// each `Draw` step, and at the end) is drawn through ratatui's `TestBackend` and checked with
/// [`check_buffer`].
pub fn render(data: &[u8]) -> Result<(), String> {
    let Some(Session {
        timeline,
        launch,
        steps,
    }) = Session::decode(data)
    else {
        return Ok(());
    };
    let text = timeline.to_ron();
    let loaded = model::load_str(&text).map_err(|d| {
        format!(
            "a generated timeline does not load:\n{}\n{text}",
            diag::render("generated.ron", &text, &d)
        )
    })?;
    let t = &loaded.timeline;
    check_generated(&timeline, &text, t)?;
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
        speakers: launch.speaker.as_ref().and_then(pick).into_iter().collect(),
        round: launch.round,
        sources: launch.source.as_ref().and_then(pick).into_iter().collect(),
        search: launch.search.as_ref().map(Text::render),
        ..FilterArgs::default()
    };
    // A name that resolves to nothing leaves the search alone; a blank search is refused.
    let filter = Filter::resolve(t, &index, &args).unwrap_or_else(|_| Filter {
        search: args.search.clone().filter(|s| !s.trim().is_empty()),
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
    let doc = roundtable::query::document::Document::load(name, text.clone()).map_err(|f| {
        format!(
            "the same text loads once and not twice: {:?}",
            f.diagnostics
        )
    })?;
    let mut app = App::new(std::sync::Arc::new(doc), &filter);
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
fn frame(term: &mut Terminal<TestBackend>, app: &App) -> Result<(), String> {
    let size = app.size();
    term.backend_mut().resize(size.width, size.height);
    let drawn = term
        .draw(|f| ui::render(app, f))
        .map_err(|e| e.to_string())?;
    check_buffer(drawn.buffer).map_err(|e| format!("at {}×{}: {e}", size.width, size.height))
}
