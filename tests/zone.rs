//! `--tz`: `list`, `statements` and the browser's columns show instants in the zone asked for,
//! and the dates of every column read in order in every zone, on a file whose events sit on
//! both sides of the date line and of UTC midnight. Expected lines are written by hand.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::{Action, App};
use roundtable::cli::list::{self, Layout};
use roundtable::model::{self, Zone};
use roundtable::query::{FilterArgs, Index};
use roundtable::ui;

#[path = "support/tui.rs"]
mod harness;

const FIXTURE: &str = "tests/fixtures/zone/dateline.ron";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TZ")
        .stdin(Stdio::null())
        .args(args)
        .output()
        .unwrap()
}

/// `list --tz ZONE` as `id when` lines.
fn listed(zone: Option<&str>) -> Vec<String> {
    let mut args = vec!["list", FIXTURE];
    if let Some(z) = zone {
        args.extend(["--tz", z]);
    }
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            format!("{} {}", f[0], f[1])
        })
        .collect()
}

#[test]
fn utc_is_the_default_and_keeps_the_files_order() {
    let utc = [
        "july 2025-07",
        "day22 2025-07-22",
        "kiri 2025-07-22 18:00Z",
        "day23 2025-07-23",
        // The case of the issue: 21:30 in New York on the 22nd is 01:30 UTC on the 23rd,
        // listed after the day-only 23rd, and now labelled with the 23rd too.
        "ny 2025-07-23 01:30Z",
        "pago 2025-07-23 10:30Z",
        "noon 2025-07-23 12:00Z",
        "day24 2025-07-24",
    ];
    assert_eq!(listed(None), utc);
    assert_eq!(listed(Some("UTC")), utc);
    assert_eq!(listed(Some("utc")), utc);
}

#[test]
fn new_york_reads_its_own_evening_before_its_next_day() {
    assert_eq!(
        listed(Some("America/New_York")),
        [
            "july 2025-07",
            "day22 2025-07-22",
            "kiri 2025-07-22 14:00-04:00",
            "ny 2025-07-22 21:30-04:00",
            "day23 2025-07-23",
            "pago 2025-07-23 06:30-04:00",
            "noon 2025-07-23 08:00-04:00",
            "day24 2025-07-24",
        ]
    );
}

#[test]
fn kiritimati_is_a_day_ahead() {
    assert_eq!(
        listed(Some("Pacific/Kiritimati")),
        [
            "july 2025-07",
            "day22 2025-07-22",
            "day23 2025-07-23",
            "kiri 2025-07-23 08:00+14:00",
            "ny 2025-07-23 15:30+14:00",
            "day24 2025-07-24",
            "pago 2025-07-24 00:30+14:00",
            "noon 2025-07-24 02:00+14:00",
        ]
    );
}

#[test]
fn pago_pago_is_a_day_behind() {
    assert_eq!(
        listed(Some("Pacific/Pago_Pago")),
        [
            "july 2025-07",
            "day22 2025-07-22",
            "kiri 2025-07-22 07:00-11:00",
            "ny 2025-07-22 14:30-11:00",
            "pago 2025-07-22 23:30-11:00",
            "day23 2025-07-23",
            "noon 2025-07-23 01:00-11:00",
            "day24 2025-07-24",
        ]
    );
}

#[test]
fn local_is_this_machines_zone() {
    let o = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TZ", "Pacific/Kiritimati")
        .args(["list", FIXTURE, "--tz", "local"])
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("ny\t2025-07-23 15:30+14:00\t"), "{out}");
}

#[test]
fn statements_show_their_events_time_in_the_zone() {
    let o = run(&["statements", FIXTURE, "--tz", "America/New_York"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let when: Vec<(&str, &str)> = out
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0], f[1])
        })
        .collect();
    assert_eq!(
        when,
        [
            ("ny", "2025-07-22 21:30-04:00"),
            ("day23", "2025-07-23"),
            ("pago", "2025-07-23 06:30-04:00"),
        ]
    );
    let o = run(&["statements", FIXTURE]);
    let out = String::from_utf8(o.stdout).unwrap();
    let firsts: Vec<&str> = out.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(
        firsts,
        ["2025-07-23", "2025-07-23 01:30Z", "2025-07-23 10:30Z"]
    );
}

#[test]
fn a_bad_zone_is_refused_with_a_suggestion() {
    let o = run(&["list", FIXTURE, "--tz", "Europe/Istambul"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        "roundtable: --tz: `Europe/Istambul` is not a time zone; did you mean `Europe/Istanbul`? \
         give `UTC`, `local`, or an IANA zone such as `Europe/Istanbul`\n"
    );
    let o = run(&["statements", FIXTURE, "--tz", "America/NewYork"]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("did you mean `America/New_York`?"), "{e}");
    // The browser reads the flag before anything else, terminal or not.
    let o = run(&[FIXTURE, "--tz", "Mars/Olympus"]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(
        e.starts_with("roundtable: --tz: `Mars/Olympus` is not a time zone;"),
        "{e}"
    );
    // Before a command it would be ignored, so it is refused.
    let o = run(&["--tz", "UTC", "list", FIXTURE]);
    assert_eq!(o.status.code(), Some(2));
}

/// The date of a column's entry, at its own precision: `2025-07`, `2025-07-22`.
fn date_of(when: &str) -> &str {
    when.split(' ').next().unwrap()
}

/// Whether `a` may stand before `b` in a column: `2025-07` before every day of July and after
/// every day of June, days in calendar order.
fn in_order(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    a[..n] <= b[..n]
}

#[test]
fn in_every_zone_the_dates_of_a_column_read_in_order() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let mut zones: Vec<&str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    zones.push("UTC");
    for name in zones {
        let zone = Zone::parse(name).unwrap();
        let loaded = model::load_in(&text, None, zone).unwrap();
        let t = &loaded.timeline;
        let index = Index::build(t);
        let all: Vec<u32> = (0..t.events.len() as u32).collect();
        let mut out = Vec::new();
        list::write(t, &index, &all, Layout::Tabs, loaded.zone, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let dates: Vec<&str> = out
            .lines()
            .map(|l| date_of(l.split('\t').nth(1).unwrap()))
            .collect();
        for w in dates.windows(2) {
            assert!(
                in_order(w[0], w[1]),
                "{name}: {} then {}\n{out}",
                w[0],
                w[1]
            );
        }
    }
}

fn browser(zone: &str, w: u16, h: u16) -> App {
    let text = std::fs::read_to_string(PathBuf::from(FIXTURE)).unwrap();
    let zone = Zone::parse(zone).unwrap();
    harness::open_in("dateline.ron", &text, zone, &FilterArgs::default(), w, h)
}

fn screen(app: &App) -> Vec<String> {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    t.draw(|f| ui::render(app, f)).unwrap();
    let buf = t.backend().buffer();
    (0..size.height)
        .map(|y| {
            (0..size.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The timeline pane's rows (left pane, side by side at 120 columns): `when  title`.
fn column(app: &App) -> Vec<String> {
    screen(app)
        .iter()
        .skip(2)
        .map(|r| r.chars().skip(3).take(36).collect::<String>())
        .filter(|r| r.starts_with("2025"))
        .map(|r| r.trim_end().to_string())
        .collect()
}

#[test]
fn the_browsers_column_reads_in_the_zone_and_names_it() {
    let app = browser("America/New_York", 120, 20);
    let rows = screen(&app);
    assert!(rows[1].contains(" America/New_York "), "{}", rows[1]);
    assert_eq!(
        column(&app),
        [
            "2025-07           Sometime in July",
            "2025-07-22        Day-only 22 July",
            "2025-07-22 14:00  Kiritimati morning",
            "2025-07-22 21:30  New York evening",
            "2025-07-23        Day-only 23 July",
            "2025-07-23 06:30  Pago Pago night",
            "2025-07-23 08:00  Noon in UTC",
            "2025-07-24        Day-only 24 July",
        ]
    );
    let app = browser("UTC", 120, 20);
    assert!(screen(&app)[1].contains(" UTC "));
    let dates: Vec<String> = column(&app)
        .iter()
        .map(|r| r.chars().take(16).collect::<String>().trim().to_string())
        .collect();
    assert_eq!(
        dates,
        [
            "2025-07",
            "2025-07-22",
            "2025-07-22 18:00",
            "2025-07-23",
            "2025-07-23 01:30",
            "2025-07-23 10:30",
            "2025-07-23 12:00",
            "2025-07-24",
        ]
    );
}

#[test]
fn the_detail_pane_shows_the_zone_and_the_offset_written() {
    let mut app = browser("America/New_York", 120, 30);
    // Down to the New York evening, the fourth event.
    for _ in 0..3 {
        app.update(Action::NextEvent);
    }
    let all = screen(&app).join("\n");
    assert!(
        all.contains("2025-07-22 21:30 EDT · written 2025-07-22 21:30-04:00"),
        "{all}"
    );
    let mut app = browser("Pacific/Kiritimati", 160, 30);
    app.update(Action::NextEvent);
    let all = screen(&app).join("\n");
    assert!(
        all.contains("2025-07-22 (no time of day given; read in Pacific/Kiritimati)"),
        "{all}"
    );
}

#[test]
fn the_config_file_sets_the_zone_and_tz_wins_over_it() {
    let dir = std::env::temp_dir().join(format!("roundtable-zone-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(&config, "[display]\ntz = \"America/New_York\"\n").unwrap();
    let list = |extra: &[&str]| {
        let mut args = vec!["list", FIXTURE];
        args.extend_from_slice(extra);
        let o = Command::new(env!("CARGO_BIN_EXE_roundtable"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("TZ")
            .env("ROUNDTABLE_CONFIG", &config)
            .stdin(Stdio::null())
            .args(&args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    // New York from the config: its evening of the 22nd before the day-only 23rd.
    let ny = list(&[]);
    assert!(ny.contains("ny\t2025-07-22 21:30-04:00"), "{ny}");
    // `--tz` wins.
    let utc = list(&["--tz", "UTC"]);
    assert!(utc.contains("ny\t2025-07-23 01:30Z"), "{utc}");
    std::fs::remove_dir_all(&dir).unwrap();
}
