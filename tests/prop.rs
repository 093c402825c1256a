//! Property tests: any text in any field, any terminal size from 0×0 to 300×100 and any key
//! sequence. No panic; no drawn cell holds a control, bidi or separator character; every row
//! is exactly as wide as the screen; text measured by the app is as wide as ratatui draws it;
//! exports give back every string exactly.
//!
//! Case counts are set per test (`cases`) so that the whole file runs in a few seconds in a
//! debug build; raise them with `PROPTEST_CASES=N` for a longer search.

#[allow(dead_code)]
mod support;

use crossterm::event::{KeyEvent, KeyModifiers};
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use roundtable::app::{Action, App, keymap, text};
use roundtable::cli::{json, ronfmt, view::View};
use roundtable::model::{self, BUNDLED, escape};
use roundtable::query::{Filter, FilterArgs, Index};
use roundtable::ui;
use support::generate::{NASTY, lit};
use support::screen::{check_buffer, forbidden};

/// Cases per property, unless `PROPTEST_CASES` says otherwise.
fn cases(n: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(n);
    ProptestConfig {
        cases: n,
        // Shrinking a failure is worth the time; a passing run never shrinks.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

/// Any text: any characters, mixed with the pieces known to be hard, some repeated into
/// long words or long runs.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<String>(),
        3 => select(NASTY).prop_map(String::from),
        1 => (select(NASTY), 1..120usize).prop_map(|(s, n)| s.repeat(n)),
        1 => "[a-z ]{0,40}",
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// Text for a field that must not be blank.
fn nonblank(s: &str) -> String {
    if s.trim().is_empty() {
        format!("x{s}")
    } else {
        s.to_string()
    }
}

/// The strings of one timeline, one per field that holds text.
#[derive(Debug, Clone)]
struct Fields(Vec<String>);

const FIELDS: usize = 27;

fn any_fields() -> impl Strategy<Value = Fields> {
    proptest::collection::vec(any_text(), FIELDS).prop_map(Fields)
}

impl Fields {
    /// A timeline with every text field taken from `self`: two sources, two participants, a
    /// round, two events with a quote and two claims, one disputing the other. Ids get a prefix
    /// so that the references resolve and stay unique.
    fn ron(&self) -> String {
        let f = |i: usize| self.0[i].as_str();
        let id = |prefix: &str, i: usize| format!("{prefix}{}", f(i));
        let mut o = String::from("Timeline(title: ");
        let s = |o: &mut String, v: &str| lit(o, v);
        s(&mut o, &nonblank(f(0)));
        o.push_str(", summary: ");
        s(&mut o, f(1));
        o.push_str(", sources: [Source(id: ");
        s(&mut o, &id("s:", 2));
        o.push_str(", outlet: ");
        s(&mut o, &nonblank(f(3)));
        o.push_str(", title: ");
        s(&mut o, &nonblank(f(4)));
        o.push_str(", url: ");
        s(&mut o, f(5));
        o.push_str(", byline: [");
        s(&mut o, f(6));
        o.push_str(
            "], published: \"2025-07-23T19:00+03:00\"), Source(id: \"plain\", outlet: \"P\")],",
        );
        o.push_str(" participants: [Participant(id: ");
        s(&mut o, &id("p:", 7));
        o.push_str(", name: ");
        s(&mut o, &nonblank(f(8)));
        o.push_str(", aliases: [");
        s(&mut o, f(9));
        o.push_str("], role: ");
        s(&mut o, f(10));
        o.push_str(", side: ");
        s(&mut o, f(11));
        o.push_str("), Participant(id: \"q\", name: ");
        s(&mut o, &nonblank(f(12)));
        o.push_str(", kind: Group)], rounds: [Round(number: 1, title: ");
        s(&mut o, &nonblank(f(13)));
        o.push_str(", start: \"2025-07\", venue: ");
        s(&mut o, f(14));
        o.push_str(")], events: [Event(id: ");
        s(&mut o, &id("e:", 15));
        o.push_str(", when: \"2025-07-23T16:00Z\", round: 1, title: ");
        s(&mut o, &nonblank(f(16)));
        o.push_str(", summary: ");
        s(&mut o, f(17));
        o.push_str(", location: ");
        s(&mut o, f(18));
        o.push_str(", tags: [");
        s(&mut o, f(19));
        let (src, p) = (id("s:", 2), id("p:", 7));
        o.push_str("], participants: [");
        s(&mut o, &p);
        o.push_str("], sources: [");
        s(&mut o, &src);
        o.push_str("], quotes: [Quote(speaker: ");
        s(&mut o, &p);
        o.push_str(", text: ");
        s(&mut o, &nonblank(f(20)));
        o.push_str(", source: ");
        s(&mut o, &src);
        o.push_str(", via: ");
        s(&mut o, f(21));
        o.push_str(", context: ");
        s(&mut o, f(22));
        o.push_str(")], claims: [Claim(id: ");
        s(&mut o, &id("c:", 23));
        o.push_str(", by: \"q\", text: ");
        s(&mut o, &nonblank(f(24)));
        o.push_str(", source: \"plain\", via: ");
        s(&mut o, f(25));
        o.push_str(")]), Event(id: \"e2\", when: \"2025\", title: ");
        s(&mut o, &nonblank(f(26)));
        o.push_str(", sources: [\"plain\"], claims: [Claim(text: \"Counter\", source: \"plain\", disputes: [");
        s(&mut o, &id("c:", 23));
        o.push_str("])])])\n");
        o
    }
}

/// A key: any binding of the key table, any character typed, or a mouse event or resize.
#[derive(Debug, Clone)]
enum Input {
    Binding(usize, usize),
    Char(char),
    Click(u16, u16),
    Wheel(u16, u16, bool),
    Resize(u16, u16),
}

fn any_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        6 => (0..keymap::KEYS.len(), 0..3usize).prop_map(|(b, k)| Input::Binding(b, k)),
        2 => any::<char>().prop_map(Input::Char),
        1 => (0..310u16, 0..110u16).prop_map(|(c, r)| Input::Click(c, r)),
        1 => (0..310u16, 0..110u16, any::<bool>()).prop_map(|(c, r, d)| Input::Wheel(c, r, d)),
        1 => (0..=300u16, 0..=100u16).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn apply(app: &mut App<'_, '_>, input: &Input) {
    let action = match *input {
        Input::Binding(b, k) => {
            let binding = &keymap::KEYS[b];
            let key = binding.keys[k % binding.keys.len()];
            let mods = if key.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            keymap::action(KeyEvent::new(key.code, mods), app.mode())
        }
        Input::Char(c) => keymap::action(
            KeyEvent::new(crossterm::event::KeyCode::Char(c), KeyModifiers::NONE),
            app.mode(),
        ),
        Input::Click(column, row) => Some(Action::Click { column, row }),
        Input::Wheel(column, row, down) => Some(Action::Wheel { column, row, down }),
        Input::Resize(width, height) => Some(Action::Resize { width, height }),
    };
    if let Some(a) = action {
        app.update(a);
    }
}

/// Draws through `TestBackend`, as the terminal loop does, and checks the frame.
fn draw_and_check(term: &mut Terminal<TestBackend>, app: &App<'_, '_>) -> Result<(), String> {
    let size = app.size();
    term.backend_mut().resize(size.width, size.height);
    let frame = term
        .draw(|f| ui::render(app, f))
        .map_err(|e| e.to_string())?;
    check_buffer(frame.buffer).map_err(|e| format!("{}×{}: {e}", size.width, size.height))
}

/// Opens `source` at `w`×`h`, applies `inputs`, drawing every `every` inputs and at the end.
fn browse(
    source: &str,
    search: Option<String>,
    w: u16,
    h: u16,
    inputs: &[Input],
    every: usize,
) -> Result<(), String> {
    let loaded =
        model::load_str(source).map_err(|d| model::diag::render("prop.ron", source, &d))?;
    let index = Index::build(&loaded.timeline);
    let filter = Filter::resolve(
        &loaded.timeline,
        &index,
        &FilterArgs {
            search,
            ..FilterArgs::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let mut app = App::new(
        "prop\u{1b}[2J.ron",
        &loaded.timeline,
        &index,
        &filter,
        &loaded.warnings,
    );
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    let mut term = Terminal::new(TestBackend::new(w, h)).map_err(|e| e.to_string())?;
    draw_and_check(&mut term, &app)?;
    for (i, input) in inputs.iter().enumerate() {
        apply(&mut app, input);
        if (i + 1) % every == 0 {
            draw_and_check(&mut term, &app)?;
        }
        if app.should_quit() {
            break;
        }
    }
    draw_and_check(&mut term, &app)
}

proptest! {
    #![proptest_config(cases(96))]

    /// Any text in every field, at any size, after any keys: every frame inert and aligned.
    #[test]
    fn any_text_in_any_field_at_any_size_draws_inert_aligned_rows(
        fields in any_fields(),
        w in 0..=300u16,
        h in 0..=100u16,
        inputs in proptest::collection::vec(any_input(), 0..24),
        search in proptest::option::of(any_text()),
    ) {
        let ron = fields.ron();
        prop_assert!(model::load_str(&ron).is_ok(), "the generated timeline is invalid:\n{ron}");
        browse(&ron, search, w, h, &inputs, 6).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(cases(64))]

    /// Any key sequence on the bundled timeline, resizing from 0×0 to 300×100 between keys.
    #[test]
    fn any_key_sequence_at_any_size_never_panics_or_draws_badly(
        w in 0..=300u16,
        h in 0..=100u16,
        inputs in proptest::collection::vec(any_input(), 0..120),
    ) {
        browse(BUNDLED, None, w, h, &inputs, 15).map_err(TestCaseError::fail)?;
    }
}

/// The cells ratatui fills when it draws `s` on one unbounded row.
fn drawn_width(s: &str) -> usize {
    let mut buf = Buffer::empty(Rect::new(0, 0, u16::MAX / 4, 1));
    let (x, _) = buf.set_line(0, 0, &Line::raw(s), u16::MAX / 4);
    usize::from(x)
}

proptest! {
    #![proptest_config(cases(2000))]

    /// What the app measures (to pad columns, right-align, wrap) is what ratatui draws, for
    /// any text made safe: CJK, emoji sequences, flags, combining marks, tabs, bidi controls.
    #[test]
    fn measured_width_is_drawn_width(s in any_text()) {
        let safe = text::line(&s);
        prop_assert!(!safe.chars().any(forbidden), "{safe:?}");
        prop_assert_eq!(text::width(&safe), drawn_width(&safe), "{:?}", safe);
    }

    /// Truncating to any width keeps whole characters, never goes over, and ends in `…` when
    /// something was cut (but for a width of 0, which holds nothing).
    #[test]
    fn truncation_fits_exactly(s in any_text(), max in 0..100usize) {
        let safe = text::line(&s);
        let (cut, kept, width) = text::truncate(&safe, max);
        prop_assert!(width <= max, "{cut:?} is {width} wide, max {max}");
        prop_assert_eq!(text::width(&cut), width);
        prop_assert_eq!(drawn_width(&cut), width, "{:?}", cut);
        prop_assert!(safe.starts_with(&safe[..kept]));
        prop_assert_eq!(kept == safe.len(), cut == safe);
        if kept < safe.len() && max > 0 {
            prop_assert!(cut.ends_with('…'), "{cut:?}");
        }
    }

    /// Wrapping any text to any width gives lines no wider than the width (a single character
    /// wider than the line excepted) that hold all of the text but the spaces broken at.
    #[test]
    fn wrapping_fits_and_loses_nothing(s in any_text(), width in 1..120usize, indent in 0..8usize) {
        let safe = text::line(&s).into_owned();
        let lines = text::wrap(&[text::Seg::new(safe.clone(), ())], width, indent, ());
        let ind = if indent >= width { 0 } else { indent };
        let mut kept = String::new();
        for (n, l) in lines.iter().enumerate() {
            let line: String = l.iter().map(|s| s.text.as_str()).collect();
            let body = if n > 0 { &line[ind..] } else { &line[..] };
            let w = text::width(&line);
            prop_assert!(w <= width || text::clusters(body).len() == 1,
                "line {n} {line:?} is {w} wide, width {width}");
            kept.push_str(body);
        }
        let squeeze = |s: &str| s.chars().filter(|&c| c != ' ').collect::<String>();
        prop_assert_eq!(squeeze(&kept), squeeze(&safe));
    }

    /// The headless escapes leave nothing a terminal acts on, and are reversible in principle:
    /// clean text comes back unchanged.
    #[test]
    fn escaped_text_is_inert(s in any_text()) {
        let line = escape::escape_line(&s);
        prop_assert!(!line.chars().any(forbidden), "{line:?}");
        let block = escape::escape_block(&s);
        prop_assert!(!block.chars().any(|c| forbidden(c) && c != '\n' && c != '\t'), "{block:?}");
        if !s.chars().any(forbidden) {
            prop_assert_eq!(line.as_ref(), s.as_str());
        }
    }
}

proptest! {
    #![proptest_config(cases(128))]

    /// JSON and RON exports hold every string exactly as the file had it: JSON read by
    /// serde_json, RON loaded back by roundtable itself.
    #[test]
    fn exports_are_lossless(fields in any_fields()) {
        let ron = fields.ron();
        let loaded = model::load_str(&ron).map_err(|d| TestCaseError::fail(model::diag::render("p", &ron, &d)))?;
        let t = &loaded.timeline;
        let all: Vec<u32> = (0..t.events.len() as u32).collect();
        let view = View::new(t, &all);
        let mut out = Vec::new();
        json::write(&view, &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let value: serde_json::Value = serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(value["title"].as_str(), Some(t.title.as_ref()));
        let e = t.events.iter().find(|e| e.id.value.starts_with("e:")).expect("the first event");
        let je = value["events"].as_array().and_then(|v| v.iter().find(|j| j["id"] == *e.id.value)).expect("in JSON");
        prop_assert_eq!(je["summary"].as_str(), e.summary.as_deref());
        prop_assert_eq!(je["quotes"][0]["text"].as_str(), Some(e.quotes[0].text.as_ref()));
        prop_assert_eq!(je["claims"][0]["via"].as_str(), e.claims[0].via.as_deref());

        let mut out = Vec::new();
        ronfmt::write(&view, &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again_text = String::from_utf8(out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = model::load_str(&again_text).map_err(|d| TestCaseError::fail(model::diag::render("again", &again_text, &d)))?;
        let mut a = Vec::new();
        let mut b = Vec::new();
        json::write(&view, &mut a).map_err(|e| TestCaseError::fail(e.to_string()))?;
        json::write(&View::new(&again.timeline, &all), &mut b).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(a == b, "RON export loads back differently:\n{}", again_text);
    }
}
