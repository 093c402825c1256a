//! Property tests: timelines of any shape with any text in any field, any terminal size from
//! 0×0 to 300×100 and any key sequence. A generated timeline loads, in the order of its `when`s
//! with ties in file order, and its filters keep exactly the events they should (computed from
//! the generated data); no panic; no drawn cell holds a control, bidi or separator character;
//! every row is exactly as wide as the screen; text measured by the app is as wide as ratatui
//! draws it; exports give back every value exactly.
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
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::text::Line;
use roundtable::app::{Action, App, keymap, text};
use roundtable::cli::{json, ronfmt, view::View};
use roundtable::model::{self, BUNDLED, escape};
use roundtable::query::{Filter, FilterArgs, Index};
use roundtable::ui;
use support::cases::check_generated;
use support::generate::{
    self, Claim, Event, NASTY, Participant, Piece, Quote, Round, Source, Text, When,
};
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

/// A piece of hostile text, as [`any_text`] makes them.
fn hostile_piece() -> BoxedStrategy<Piece> {
    prop_oneof![
        3 => any::<String>().prop_map(Piece::Text),
        3 => any::<u8>().prop_map(Piece::Nasty),
        1 => (any::<u8>(), 1..120u16).prop_map(|(i, n)| Piece::Repeat(i, n)),
        1 => "[a-z ]{0,40}".prop_map(Piece::Text),
    ]
    .boxed()
}

/// Words such as a timeline holds, for tests about its shape rather than its text.
const WORDS: &[&str] = &[
    "ceasefire",
    "Peskov",
    "Песков",
    "Türkiye",
    "memoranda",
    "prisoner exchange",
    "round",
    "Istanbul",
    "a source from TASS",
    "1,000 for 1,000",
];

fn plain_piece() -> BoxedStrategy<Piece> {
    prop_oneof![
        4 => select(WORDS).prop_map(|w| Piece::Text(w.to_string())),
        1 => "[a-z]{1,8}".prop_map(Piece::Text),
    ]
    .boxed()
}

/// A `when` at any precision; mostly from a few days of 2024–2025 at midnight UTC, 03:00+03:00
/// and the like, so that many events begin at the same instant written differently
/// (`2025`, `2025-01-01`, `2025-01-01T03:00+03:00`), sometimes anywhere from year 1 to 9999.
fn when() -> impl Strategy<Value = When> {
    let near = (
        2023..=2024u16,
        proptest::option::of(0..2u8),
        proptest::option::of(0..2u8),
        proptest::option::of((
            select(&[0u8, 3, 21][..]),
            select(&[0u8, 30][..]),
            proptest::option::of(select(&[0u8, 30][..])),
            select(&[0i8, 12, -12, 18, -2][..]),
        )),
    );
    let anywhere = (
        any::<u16>(),
        proptest::option::of(any::<u8>()),
        proptest::option::of(any::<u8>()),
        proptest::option::of(any::<(u8, u8, Option<u8>, i8)>()),
    );
    prop_oneof![3 => near, 1 => anywhere].prop_map(|(year, month, day, time)| When {
        year,
        month,
        day,
        time,
    })
}

fn opt<S: Strategy>(s: S) -> proptest::option::OptionStrategy<S> {
    proptest::option::of(s)
}

fn list<S: Strategy>(s: S, below: usize) -> proptest::collection::VecStrategy<S> {
    proptest::collection::vec(s, 0..below)
}

fn source(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Source> + use<> {
    let t = || text.clone();
    (
        t(),
        t(),
        opt(t()),
        opt(when()),
        opt(t()),
        list(t(), 3),
        any::<u8>(),
    )
        .prop_map(|(id, outlet, title, published, url, byline, kind)| Source {
            id,
            outlet,
            title,
            published,
            url,
            byline,
            kind,
        })
}

fn participant(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Participant> + use<> {
    let t = || text.clone();
    (t(), t(), list(t(), 3), opt(t()), opt(t()), any::<u8>()).prop_map(
        |(id, name, aliases, role, side, kind)| Participant {
            id,
            name,
            aliases,
            role,
            side,
            kind,
        },
    )
}

fn round(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Round> + use<> {
    let t = || text.clone();
    let number = prop_oneof![0..4u64, any::<u64>()];
    (number, opt(t()), opt(when()), opt(when()), opt(t())).prop_map(
        |(number, title, start, end, venue)| Round {
            number,
            title,
            start,
            end,
            venue,
        },
    )
}

fn quote(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Quote> + use<> {
    let t = || text.clone();
    (any::<u8>(), t(), any::<u8>(), opt(t()), opt(t())).prop_map(
        |(speaker, text, source, via, context)| Quote {
            speaker,
            text,
            source,
            via,
            context,
        },
    )
}

fn claim(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Claim> + use<> {
    let t = || text.clone();
    let refs = (opt(any::<u8>()), any::<u8>(), list(any::<u16>(), 3));
    (opt(t()), t(), opt(t()), refs).prop_map(|(id, text, via, (by, source, disputes))| Claim {
        id,
        by,
        text,
        source,
        via,
        disputes,
    })
}

fn event(text: &BoxedStrategy<Text>) -> impl Strategy<Value = Event> + use<> {
    let t = || text.clone();
    let about = (t(), when(), opt(any::<u8>()), t(), opt(t()), opt(t()));
    let links = (list(any::<u8>(), 3), list(any::<u8>(), 3), list(t(), 3));
    let said = (list(quote(text), 4), list(claim(text), 4));
    (about, links, said).prop_map(
        |(
            (id, when, round, title, summary, location),
            (participants, sources, tags),
            (quotes, claims),
        )| {
            Event {
                id,
                when,
                round,
                title,
                summary,
                location,
                participants,
                sources,
                tags,
                quotes,
                claims,
            }
        },
    )
}

/// Timelines of every shape: 0–3 sources, 0–4 participants (besides the `plain` source and
/// the participant `someone` the generator adds), 0–3 rounds, fewer than `events` events each
/// with 0–3 quotes and claims, claims with and without ids, claimants and disputes; every text
/// made of `piece`s.
fn timeline(
    piece: BoxedStrategy<Piece>,
    events: usize,
) -> impl Strategy<Value = generate::Timeline> {
    let text = list(piece, 4).prop_map(Text).boxed();
    (
        text.clone(),
        opt(text.clone()),
        list(source(&text), 4),
        list(participant(&text), 5),
        list(round(&text), 4),
        list(event(&text), events),
    )
        .prop_map(|(title, summary, sources, participants, rounds, events)| {
            generate::Timeline {
                title,
                summary,
                sources,
                participants,
                rounds,
                events,
            }
        })
}

/// Hostile text is slow to draw: fewer events, so that the properties stay quick.
const HOSTILE_EVENTS: usize = 8;

/// Loads a generated timeline; it must load.
fn load_generated(text: &str) -> Result<model::Loaded<'_>, TestCaseError> {
    model::load_str(text).map_err(|d| {
        TestCaseError::fail(format!(
            "the generated timeline is invalid:\n{}\n{text}",
            model::diag::render("generated.ron", text, &d)
        ))
    })
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

fn apply(app: &mut App, input: &Input) {
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
fn draw_and_check(term: &mut Terminal<TestBackend>, app: &App) -> Result<(), String> {
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
            // A blank `--search` is refused before the browser opens.
            search: search.filter(|s| !s.trim().is_empty()),
            ..FilterArgs::default()
        },
    )
    .map_err(|e| e.to_string())?;
    let doc = roundtable::query::document::Document::load("prop\u{1b}[2J.ron", source.to_string())
        .map_err(|f| format!("{:?}", f.diagnostics))?;
    let mut app = App::new(std::sync::Arc::new(doc), &filter);
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
        g in timeline(hostile_piece(), HOSTILE_EVENTS),
        w in 0..=300u16,
        h in 0..=100u16,
        inputs in proptest::collection::vec(any_input(), 0..24),
        search in proptest::option::of(any_text()),
    ) {
        let ron = g.to_ron();
        load_generated(&ron)?;
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

/// The cells the browser fills when it draws `s` on one unbounded row (`ui::text::put`, which
/// draws with the widths terminals use): where a mark drawn after it lands, stepping over each
/// cell by the width it tells ratatui's diff.
fn drawn_width(s: &str) -> usize {
    const MARK: &str = "\u{10FFFD}";
    let area = Rect::new(0, 0, u16::MAX / 4, 1);
    let mut buf = Buffer::empty(area);
    roundtable::ui::text::put(&mut buf, area, 0, &Line::from(vec![s.into(), MARK.into()]));
    let mut x = 0;
    while x < area.width && buf[(x, 0)].symbol() != MARK {
        x += buf[(x, 0)].cell_width().max(1);
    }
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

    /// A timeline of any shape loads; its events come in order of the instant at which each
    /// begins, ties in file order; the speaker, round and source filters keep exactly the
    /// events that quote or hold a claim by that participant, belong to that round or cite that
    /// source; the JSON export holds every value written. Every expectation is computed from
    /// the generated data (`support::cases::check_generated`), not by roundtable.
    #[test]
    fn any_timeline_loads_in_order_and_filters_exactly(g in timeline(plain_piece(), 16)) {
        let text = g.to_ron();
        let loaded = load_generated(&text)?;
        check_generated(&g, &text, &loaded.timeline).map_err(TestCaseError::fail)?;
    }

    /// JSON and RON exports hold every string exactly as the file had it: the JSON export, and
    /// the JSON export of the RON export loaded back, hold the generated values.
    #[test]
    fn exports_are_lossless(g in timeline(hostile_piece(), HOSTILE_EVENTS)) {
        let text = g.to_ron();
        let loaded = load_generated(&text)?;
        let t = &loaded.timeline;
        check_generated(&g, &text, t).map_err(TestCaseError::fail)?;
        let mut out = Vec::new();
        ronfmt::write(&View::all(t), &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again_text = String::from_utf8(out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again = model::load_str(&again_text).map_err(|d| TestCaseError::fail(model::diag::render("again", &again_text, &d)))?;
        let mut out = Vec::new();
        json::write(&View::all(&again.timeline), &mut out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let json: serde_json::Value = serde_json::from_slice(&out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        generate::same_document(&json, &g.document())
            .map_err(|e| TestCaseError::fail(format!("after a RON round trip: {e}\n{again_text}")))?;
    }
}

/// The calendar arithmetic the order is checked against, on days counted by hand (Python's
/// `datetime.date` ordinals).
#[test]
fn the_expected_instants_are_right() {
    use generate::days_from_civil;
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    assert_eq!(days_from_civil(2024, 2, 29), 19_782);
    assert_eq!(days_from_civil(2025, 7, 23), 20_292);
    assert_eq!(days_from_civil(1600, 3, 1), -135_080);
    assert_eq!(days_from_civil(1, 1, 1), -719_162);
    assert_eq!(days_from_civil(9999, 12, 31), 2_932_896);
    let at = |month, day, time| When {
        year: 2024,
        month,
        day,
        time,
    };
    let cases = [
        (at(None, None, None), "2025", 20_089 * 86_400),
        (at(Some(6), None, None), "2025-07", 20_270 * 86_400),
        (at(Some(6), Some(22), None), "2025-07-23", 20_292 * 86_400),
        (
            at(Some(6), Some(22), Some((16, 0, None, 0))),
            "2025-07-23T16:00Z",
            20_292 * 86_400 + 16 * 3600,
        ),
        (
            at(Some(6), Some(22), Some((19, 0, Some(5), 12))),
            "2025-07-23T19:00:05+03:00",
            20_292 * 86_400 + 16 * 3600 + 5,
        ),
        (
            at(Some(6), Some(22), Some((0, 30, None, -2))),
            "2025-07-23T00:30-00:30",
            20_292 * 86_400 + 3600,
        ),
        // A day given without a month is not written, nor a time without a day.
        (
            at(None, Some(3), Some((1, 1, None, 0))),
            "2025",
            20_089 * 86_400,
        ),
    ];
    for (when, raw, begins) in cases {
        assert_eq!(when.render(), raw);
        assert_eq!(when.begins(), begins, "{raw}");
    }
}

/// The shapes the strategy makes really vary: without this, a strategy that had collapsed to
/// empty timelines would pass every property above.
#[test]
fn generated_timelines_vary_in_shape() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = timeline(plain_piece(), 16);
    let (mut empty, mut long, mut ties, mut disputes, mut rounds, mut claimants) =
        (0, 0, 0, 0, 0, 0);
    for _ in 0..200 {
        let g = strategy.new_tree(&mut runner).unwrap().current();
        let n = g.events.len();
        empty += usize::from(n == 0);
        long += usize::from(n >= 10);
        let mut instants: Vec<i64> = g.events.iter().map(|e| e.when.begins()).collect();
        instants.sort_unstable();
        instants.dedup();
        ties += usize::from(instants.len() < n);
        let claims = || g.events.iter().flat_map(|e| &e.claims);
        disputes += usize::from(claims().any(|c| !c.disputes.is_empty() && c.id.is_some()));
        rounds += usize::from(g.events.iter().any(|e| e.round.is_some()) && !g.rounds.is_empty());
        claimants += usize::from(claims().any(|c| c.by.is_some()));
    }
    for (what, n) in [
        ("empty", empty),
        ("with 10 events or more", long),
        ("with ties", ties),
        ("with disputes", disputes),
        ("with rounds", rounds),
        ("with claimants", claimants),
    ] {
        assert!(n >= 10, "only {n} of 200 timelines {what}");
    }
}
