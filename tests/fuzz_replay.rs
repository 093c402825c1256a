//! Every fuzz seed and every finding, replayed on stable Rust through the fuzz targets' own code
//! (`tests/support/cases.rs`): the test fixtures, the bundled timeline and `fuzz/seeds/*` (the
//! committed seeds, among them each input that once found a bug) always; the local corpus and
//! crash files under `fuzz/corpus/*` and `fuzz/artifacts/*` when a fuzzing run left them here
//! (set `ROUNDTABLE_REPLAY_CORPUS=1` to include the corpus, which can hold thousands of files).

#[allow(dead_code)]
mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::cases::{Code, Key, Launch, Name, Session, Step};
use support::encode::{self, text};
use support::generate::{
    Claim, Event, Participant, Piece, Quote, Round, Source, Text, Timeline, When,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The regular files under `dir`, recursively, in a stable order; none when it is missing.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The inputs for `target`, from each place it keeps them.
fn inputs(target: &str, extra: &[&str]) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = extra.iter().map(|d| root().join(d)).collect();
    dirs.push(root().join("fuzz/seeds").join(target));
    dirs.push(root().join("fuzz/artifacts").join(target));
    if std::env::var_os("ROUNDTABLE_REPLAY_CORPUS").is_some() {
        dirs.push(root().join("fuzz/corpus").join(target));
    }
    dirs.iter().flat_map(|d| files(d)).collect()
}

fn replay(target: &str, extra: &[&str], run: fn(&[u8]) -> Result<(), String>) -> usize {
    let inputs = inputs(target, extra);
    let failures: Vec<String> = inputs
        .iter()
        .filter_map(|path| {
            let bytes = fs::read(path).expect("a readable input");
            let result =
                std::panic::catch_unwind(|| run(&bytes)).unwrap_or_else(|_| Err("panicked".into()));
            result.err().map(|e| {
                let e: String = e.chars().take(2000).collect();
                format!("{}: {e}", path.display())
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n\n")
    );
    inputs.len()
}

#[test]
fn every_load_seed_and_finding_loads_or_is_rejected_cleanly() {
    let n = replay("load", &["tests/fixtures", "data"], support::cases::load);
    assert!(n >= 50, "only {n} inputs: the fixtures were not found");
}

#[test]
fn every_timelinejs_seed_and_finding_imports_or_is_rejected_cleanly() {
    let n = replay("import_timelinejs", &[], support::cases::import_timelinejs);
    assert!(n >= 5, "only {n} seeds in fuzz/seeds/import_timelinejs");
}

#[test]
fn every_timelinejs_sheet_seed_and_finding_imports_or_is_rejected_cleanly() {
    let n = replay(
        "import_timelinejs_csv",
        &[],
        support::cases::import_timelinejs_csv,
    );
    assert!(n >= 5, "only {n} seeds in fuzz/seeds/import_timelinejs_csv");
}

#[test]
fn every_acled_seed_and_finding_imports_or_is_rejected_cleanly() {
    let n = replay("import_acled", &[], support::cases::import_acled);
    assert!(n >= 5, "only {n} seeds in fuzz/seeds/import_acled");
}

#[test]
fn every_render_seed_and_finding_draws_inert_aligned_screens() {
    let n = replay("render", &[], support::cases::render);
    assert!(n >= 1, "no render seeds in fuzz/seeds/render");
}

// ------------------------------------------------------------------ render seeds, by design

/// `2025-07-DD` at a time of day (UTC offset in quarter hours), or the day alone.
fn july(day: u8, time: Option<(u8, u8, i8)>) -> When {
    When {
        year: 2024,
        month: Some(6),
        day: Some(day - 1),
        time: time.map(|(h, m, off)| (h, m, None, off)),
    }
}

fn quote(speaker: u8, words: &[&str], source: u8) -> Quote {
    Quote {
        speaker,
        text: text(words),
        source,
        via: Some(text(&["x", " ", "ｆｕｌｌ"])),
        context: None,
    }
}

fn claim(id: bool, by: Option<u8>, words: &[&str], source: u8, disputes: Vec<u16>) -> Claim {
    Claim {
        id: id.then(|| text(&["x"])),
        by,
        text: text(words),
        source,
        via: None,
        disputes,
    }
}

fn event(when: When, round: Option<u8>, title: &[&str]) -> Event {
    Event {
        id: text(&["x"]),
        when,
        round,
        title: text(title),
        summary: None,
        location: None,
        participants: vec![0, 1],
        sources: vec![0],
        tags: vec![text(&["x"])],
        quotes: Vec::new(),
        claims: Vec::new(),
    }
}

/// A small timeline of talks: two rounds, three participants, two sources, six events with
/// quotes, claims and a dispute, written with the readable `NASTY` pieces.
#[allow(clippy::too_many_lines)] // data, one record after another
fn talks() -> Timeline {
    let mut events = vec![
        event(july(23, Some((16, 0, 0))), Some(1), &["土耳其", " ", "x"]),
        event(
            july(22, None),
            Some(1),
            &["ｆｕｌｌ", " ", "x", " ", "한국어"],
        ),
        event(july(23, Some((19, 0, 12))), Some(1), &["x", " ", "👍🏽"]),
        event(july(21, None), None, &["한국어", " ", "土耳其"]),
        event(
            When {
                year: 2024,
                month: Some(5),
                day: Some(1),
                time: None,
            },
            Some(0),
            &["🇺🇦", " ", "x"],
        ),
        event(
            july(24, Some((9, 30, -16))),
            Some(1),
            &["x", " ", "ｆｕｌｌ"],
        ),
    ];
    events[0].summary = Some(text(&["土耳其", " ", "x", " ", "한국어", " ", "ｆｕｌｌ"]));
    events[0].quotes = vec![
        quote(0, &["x", " ", "土耳其", " ", "x"], 0),
        quote(1, &["한국어", " ", "x"], 1),
    ];
    events[1].claims = vec![claim(true, Some(2), &["x", " ", "한국어"], 0, vec![])];
    events[2].claims = vec![claim(true, Some(1), &["ｆｕｌｌ", " ", "x"], 1, vec![0])];
    events[3].quotes = vec![quote(2, &["x", " ", "x", " ", "土耳其"], 1)];
    events[4].location = Some(text(&["土耳其"]));
    events[5].quotes = vec![quote(0, &["👍🏽", " ", "x"], 0)];
    events[5].claims = vec![claim(false, None, &["x"], 1, vec![])];
    Timeline {
        title: text(&["土耳其", " ", "x"]),
        summary: Some(text(&["x", " ", "한국어"])),
        sources: vec![
            Source {
                id: text(&["x"]),
                outlet: text(&["ｆｕｌｌ"]),
                title: Some(text(&["한국어", " ", "x"])),
                published: Some(july(23, Some((16, 43, 32)))),
                url: Some(text(&["x"])),
                byline: vec![text(&["x"]), text(&["土耳其"])],
                kind: 2,
            },
            Source {
                id: text(&["x"]),
                outlet: text(&["x", " ", "土耳其"]),
                title: None,
                published: None,
                url: None,
                byline: Vec::new(),
                kind: 1,
            },
        ],
        participants: vec![
            Participant {
                id: text(&["x"]),
                name: text(&["한국어", " ", "x"]),
                aliases: vec![text(&["x"])],
                role: Some(text(&["ｆｕｌｌ"])),
                side: Some(text(&["土耳其"])),
                kind: 0,
            },
            Participant {
                id: text(&["x"]),
                name: text(&["ｆｕｌｌ", " ", "x"]),
                aliases: Vec::new(),
                role: None,
                side: Some(text(&["한국어"])),
                kind: 0,
            },
            Participant {
                id: text(&["x"]),
                name: text(&["x", " ", "x", " ", "x"]),
                aliases: Vec::new(),
                role: None,
                side: None,
                kind: 2,
            },
        ],
        rounds: vec![
            Round {
                number: 2,
                title: Some(text(&["x"])),
                start: Some(july(2, None)),
                end: None,
                venue: Some(text(&["土耳其"])),
            },
            Round {
                number: 3,
                title: None,
                start: Some(july(23, None)),
                end: None,
                venue: None,
            },
        ],
        events,
    }
}

fn launch(width: u16, height: u16) -> Launch {
    Launch {
        name: text(&["x"]),
        color: true,
        speaker: None,
        round: None,
        source: None,
        search: None,
        width,
        height,
    }
}

fn key(code: Code) -> Step {
    Step::Key(Key::Any {
        code,
        ctrl: false,
        alt: false,
    })
}

/// Keys typed one after another, each its own step.
fn keys(s: &str) -> Vec<Step> {
    s.chars().map(|c| key(Code::Char(c))).collect()
}

/// The seeds of `fuzz/seeds/render`, each pressing keys at a real size.
#[allow(clippy::too_many_lines)] // data, one session after another
fn seeds() -> Vec<(&'static str, Session)> {
    use Code::{Down, End, Enter, Esc, PageDown, Tab};
    use Step::{Click, Draw, Resize, Wheel};
    let session = |launch, steps: Vec<Vec<Step>>| Session {
        timeline: talks(),
        launch,
        steps: steps.into_iter().flatten().collect(),
    };
    let mut seeds = vec![
        (
            "browse",
            session(
                launch(120, 40),
                vec![
                    keys("jj"),
                    vec![Draw, key(Enter)],
                    keys("jj"),
                    vec![Draw, key(End), key(Tab)],
                    keys("]"),
                    vec![Draw],
                    keys("[k"),
                    vec![Draw, key(Esc), Draw],
                ],
            ),
        ),
        (
            "speaker-picker",
            session(
                launch(100, 30),
                vec![
                    keys("s"),
                    vec![Draw, key(Down), Draw, key(Enter), Draw],
                    keys("jk"),
                    vec![Draw, key(Esc), Draw],
                ],
            ),
        ),
        (
            "search",
            Session {
                launch: Launch {
                    color: false,
                    ..launch(80, 24)
                },
                ..session(
                    launch(80, 24),
                    vec![
                        keys("/x"),
                        vec![Draw, key(Enter)],
                        keys("nNn"),
                        vec![Draw],
                        keys("/土耳其"),
                        vec![key(Enter), Draw, key(Esc), Draw],
                    ],
                )
            },
        ),
        (
            "rounds-and-help",
            session(
                launch(60, 20),
                vec![
                    keys("r"),
                    vec![Draw],
                    keys("j"),
                    vec![key(Enter), Draw],
                    keys("?"),
                    vec![Draw],
                    keys("?]]"),
                    vec![Draw],
                ],
            ),
        ),
        (
            "mouse-and-resize",
            session(
                launch(200, 60),
                vec![
                    vec![
                        Click(10, 5),
                        Click(150, 10),
                        Wheel(150, 20, true),
                        Wheel(150, 20, true),
                        Draw,
                        Resize(40, 12),
                        Draw,
                    ],
                    keys("jjj"),
                    vec![Resize(300, 100), Draw, Resize(0, 0), Draw, Resize(41, 13)],
                    keys("k"),
                    vec![key(PageDown), Draw],
                ],
            ),
        ),
        (
            "launch-filters",
            Session {
                launch: Launch {
                    speaker: Some(Name::Participant(0)),
                    round: Some(3),
                    source: Some(Name::Source(0)),
                    search: Some(text(&["x"])),
                    ..launch(90, 25)
                },
                ..session(
                    launch(90, 25),
                    vec![
                        keys("jk"),
                        vec![key(Enter), Draw, key(Esc), key(Esc), Draw],
                        keys("j"),
                        vec![key(Esc), Draw],
                    ],
                )
            },
        ),
    ];
    // Every field hostile: escapes, bidi marks, controls, wide and joined characters.
    let mut hostile = talks();
    let nasty = [
        "\u{1b}[2J",
        "\u{1b}]0;pwned\u{7}",
        "\u{202e}",
        "\t",
        "\n",
        "👩\u{200d}👩\u{200d}👧",
        "e\u{301}\u{302}",
        "\u{9b}31m",
        "\u{200f}",
    ];
    hostile.title = text(&nasty);
    for (i, e) in hostile.events.iter_mut().enumerate() {
        e.title = text(&[nasty[i % nasty.len()], "x", nasty[(i + 3) % nasty.len()]]);
        e.summary = Some(text(&nasty));
    }
    hostile.participants[0].name = text(&["\u{202e}", "x", "\u{1b}[2J"]);
    hostile.sources[0].outlet = text(&["\u{1b}]8;;http://evil.example\u{1b}\\", "x"]);
    seeds.push((
        "hostile-text",
        Session {
            timeline: hostile,
            launch: launch(50, 15),
            steps: [
                keys("j"),
                vec![key(Enter)],
                keys("jG"),
                vec![Draw, key(Tab)],
                keys("s"),
                vec![key(Enter), Draw, key(Esc)],
                keys("/"),
                vec![Step::Type(text(&["\u{1b}[2J", "x"])), key(Enter), Draw],
            ]
            .concat(),
        },
    ));
    // One event citing a source with a long title thousands of times: the detail pane once
    // wrapped 100,000 lines on every key (fixed in `detail`; `tests/hostile.rs` times it).
    let mut amplified = talks();
    amplified.sources[0].title = Some(Text(vec![
        Piece::Repeat(nasty_index("土耳其"), 399),
        Piece::Repeat(nasty_index("x"), 399),
    ]));
    amplified.events[0].sources = vec![0; 3000];
    seeds.push((
        "detail-amplification",
        Session {
            timeline: amplified,
            launch: launch(120, 40),
            steps: [
                vec![key(Enter)],
                keys("jjjjjjjjjj"),
                vec![Draw, key(End), key(PageDown), Draw],
                keys("gkkk"),
                vec![Draw],
            ]
            .concat(),
        },
    ));
    seeds
}

fn nasty_index(s: &str) -> u8 {
    match encode::nasty(s) {
        Piece::Nasty(i) => i,
        _ => unreachable!(),
    }
}

/// The designed seeds are the committed ones, byte for byte; each decodes back to the session
/// it was written from. `ROUNDTABLE_WRITE_SEEDS=1 cargo test --test fuzz_replay` rewrites them
/// (after a change to what the `render` target decodes).
#[test]
fn the_render_seeds_are_written_from_their_sessions() {
    let dir = root().join("fuzz/seeds/render");
    let write = std::env::var_os("ROUNDTABLE_WRITE_SEEDS").is_some();
    for (name, session) in seeds() {
        let bytes = encode::encode(&session);
        let back = Session::decode(&bytes).expect("the seed decodes");
        assert_eq!(
            format!("{back:?}"),
            format!("{session:?}"),
            "{name} decodes to another session"
        );
        let path = dir.join(name);
        if write {
            fs::write(&path, &bytes).unwrap();
        }
        let committed = fs::read(&path).unwrap_or_default();
        assert!(
            committed == bytes,
            "{} is not the seed written from its session; rewrite the seeds with \
             ROUNDTABLE_WRITE_SEEDS=1",
            path.display()
        );
    }
}

/// Every committed render seed opens a timeline with events at a real terminal size and
/// presses keys, so that replaying it draws the panes rather than an empty 0×0 screen.
#[test]
fn every_render_seed_presses_keys_at_a_real_size() {
    let files = files(&root().join("fuzz/seeds/render"));
    assert!(files.len() >= 8, "only {} render seeds", files.len());
    for path in files {
        let bytes = fs::read(&path).unwrap();
        let s = Session::decode(&bytes).expect("a seed decodes to a session");
        let (w, h) = s.size();
        let what = path.display();
        assert!(w >= 40 && h >= 12, "{what} opens at {w}×{h}");
        assert!(s.keys() >= 5, "{what} presses {} keys", s.keys());
        assert!(s.frames() >= 3, "{what} draws {} frames", s.frames());
        let ron = s.timeline.to_ron();
        let loaded = roundtable::model::load_str(&ron).expect("a seed's timeline loads");
        assert!(loaded.timeline.events.len() >= 6, "{what}");
        assert!(
            loaded.timeline.events.iter().any(|e| !e.quotes.is_empty()),
            "{what} has no quote to show"
        );
    }
}
