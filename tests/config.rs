//! The config file: one fixture per kind of problem with its exact message and place;
//! `config --default` and `--path`; a remapped key and a theme drawn on a whole screen;
//! completions and the man page.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use roundtable::app::{Action, App, Mode};
use roundtable::config::{self, Config};
use roundtable::model::BUNDLED;
use roundtable::query::document::Document;
use roundtable::query::{Filter, FilterArgs};
use roundtable::ui;

/// The binary, run from the crate's directory (fixture paths as a user types them), with
/// `config` as its config file (`None`: the variable unset) and no terminal.
fn run(config: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roundtable"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .env_remove("NO_COLOR")
        .args(args);
    match config {
        Some(c) => cmd.env(config::ENV, c),
        None => cmd.env_remove(config::ENV),
    };
    cmd.output().expect("runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// Runs `list` with the fixture `name` as config: it must stop with exit status 2, print
/// nothing on stdout, and exactly `expected` on stderr.
fn rejects(name: &str, expected: &str) {
    let path = format!("tests/fixtures/config/{name}");
    for args in [&["list"][..], &[][..]] {
        // The browser too: the config is read before the terminal is asked for.
        let out = run(Some(&path), args);
        assert_eq!(text(&out.stderr), expected, "{name} {args:?}");
        assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
        assert!(out.stdout.is_empty(), "{name} {args:?}");
    }
}

#[test]
fn an_unknown_setting_is_placed_with_a_suggestion() {
    rejects(
        "unknown-setting.toml",
        "tests/fixtures/config/unknown-setting.toml:3:1: error: unknown setting `clipbaord`; \
         did you mean `clipboard`?\n",
    );
}

#[test]
fn an_unknown_section_lists_the_sections() {
    rejects(
        "unknown-section.toml",
        "tests/fixtures/config/unknown-section.toml:2:2: error: unknown section `colours`; the \
         sections are [keys], [theme] and [display]\n",
    );
}

#[test]
fn an_unknown_action_is_placed_with_a_suggestion() {
    rejects(
        "unknown-action.toml",
        "tests/fixtures/config/unknown-action.toml:3:1: error: unknown action `next_evnet`; did \
         you mean `next_event`?\n",
    );
}

#[test]
fn a_bad_value_names_the_choices() {
    rejects(
        "bad-value.toml",
        "tests/fixtures/config/bad-value.toml:3:9: error: `watch` is events, poll or off, not \
         `sometimes`\n",
    );
}

#[test]
fn bad_colours_are_each_placed() {
    rejects(
        "bad-colour.toml",
        "tests/fixtures/config/bad-colour.toml:3:9: error: `bold` is not a colour; a colour is a \
         name (red, light_blue, dark_gray…), #rrggbb, or a number from 0 to 255\n\
         tests/fixtures/config/bad-colour.toml:4:10: error: `blu` is not a colour; did you mean \
         `blue`?\n",
    );
}

#[test]
fn a_bad_key_name_is_placed_at_the_key_in_its_list() {
    rejects(
        "bad-key.toml",
        "tests/fixtures/config/bad-key.toml:3:14: error: `Escp` is not a key; did you mean \
         `Esc`?\n",
    );
}

#[test]
fn a_bad_time_zone_is_placed_with_a_suggestion() {
    rejects(
        "bad-zone.toml",
        "tests/fixtures/config/bad-zone.toml:3:6: error: `America/New_Yrok` is not a time zone; \
         did you mean `America/New_York`? give `UTC`, `local`, or an IANA zone such as \
         `Europe/Istanbul`\n",
    );
}

#[test]
fn a_key_bound_twice_in_a_mode_is_an_error_where_the_file_binds_it() {
    rejects(
        "bound-twice.toml",
        "tests/fixtures/config/bound-twice.toml:3:15: error: `n` is bound twice in the timeline \
         pane: to `open_search` and to `next_match` (its default)\n",
    );
    // Both bindings in the file: the later one is the one reported.
    rejects(
        "bound-twice-both.toml",
        "tests/fixtures/config/bound-twice-both.toml:4:14: error: `x` is bound twice in the \
         timeline pane: to `copy_event` and to `reload`\n",
    );
}

#[test]
fn a_toml_syntax_error_is_placed() {
    rejects(
        "syntax.toml",
        "tests/fixtures/config/syntax.toml:3:10: error: invalid basic string, expected `\"`\n",
    );
}

#[test]
fn one_syntax_mistake_gives_one_error_not_a_cascade() {
    // A `]` missing on line 3: the parser's recovery reported twenty errors after it.
    rejects(
        "cascade.toml",
        "tests/fixtures/config/cascade.toml:4:1: error: missing comma between array elements, \
         expected `,` (the rest of the file is checked once this is fixed)\n",
    );
}

#[test]
fn a_file_with_two_problems_reports_both() {
    rejects(
        "two-problems.toml",
        "tests/fixtures/config/two-problems.toml:3:8: error: `purple` is not a colour; a colour \
         is a name (red, light_blue, dark_gray…), #rrggbb, or a number from 0 to 255\n\
         tests/fixtures/config/two-problems.toml:6:1: error: unknown action `toggle_hlep`; did \
         you mean `toggle_help`?\n",
    );
}

#[test]
fn control_characters_from_the_file_reach_the_terminal_escaped() {
    rejects(
        "control.toml",
        "tests/fixtures/config/control.toml:3:8: error: `\\x1b[2J` is not a key; a key is one \
         character, a name such as Enter, Esc, Tab, Down or PgDn, F1 to F12, or Ctrl- before \
         one of those\n\
         tests/fixtures/config/control.toml:4:1: error: unknown action `\\x1b]0;pwned\\x07`; \
         `roundtable config --default` lists every action\n",
    );
}

#[test]
fn a_missing_file_named_by_the_variable_is_an_error_but_a_missing_default_is_not() {
    let out = run(Some("tests/fixtures/config/none.toml"), &["list"]);
    assert_eq!(
        text(&out.stderr),
        "tests/fixtures/config/none.toml: error: cannot read the config file (named by \
         $ROUNDTABLE_CONFIG): no such file\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let dir = tempdir("missing");
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove(config::ENV)
        .env("XDG_CONFIG_HOME", &dir)
        .args(["list"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Set empty: no file at all.
    let out = run(Some(""), &["list"]);
    assert_eq!(out.status.code(), Some(0));
}

/// A fresh directory under the target directory, for one test.
fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("config-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn the_default_config_loads_unchanged() {
    let out = run(None, &["config", "--default"]);
    assert_eq!(out.status.code(), Some(0));
    let default = text(&out.stdout);
    // Complete: every action and every role is in it, each with what it does.
    assert!(default.contains("\nnext_event = [\"j\", \"↓\"]  # next event\n"));
    assert!(default.contains("\nquit_anywhere = \"Ctrl-c\"  # quit\n"));
    assert!(default.contains("\nborder = { fg = \"dark_gray\" }  # a pane's frame\n"));
    assert!(default.contains("\nclipboard = \"auto\"\n"));
    assert!(default.contains("\nwatch = \"events\"\n"));
    assert_eq!(config::parse(&default), Ok(Config::default()));
    // And the binary reads it back without a word.
    let dir = tempdir("default");
    let file = dir.join("config.toml");
    std::fs::write(&file, &default).expect("writes");
    let out = run(Some(file.to_str().expect("UTF-8 path")), &["config"]);
    assert_eq!(text(&out.stderr), format!("{}: ok\n", file.display()));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn config_path_honours_the_variable_then_xdg_config_home_then_home() {
    let out = run(Some("/etc/rt/mine.toml"), &["config", "--path"]);
    assert_eq!(text(&out.stdout), "/etc/rt/mine.toml\n");
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .env_remove(config::ENV)
        .env("XDG_CONFIG_HOME", "/tmp/xdg-here")
        .args(["config", "--path"])
        .output()
        .expect("runs");
    assert_eq!(text(&out.stdout), "/tmp/xdg-here/roundtable/config.toml\n");
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .env_remove(config::ENV)
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", "/home/someone")
        .args(["config", "--path"])
        .output()
        .expect("runs");
    assert_eq!(
        text(&out.stdout),
        "/home/someone/.config/roundtable/config.toml\n"
    );
}

#[test]
fn a_broken_config_does_not_stop_config_completions_or_man() {
    let bad = Some("tests/fixtures/config/two-problems.toml");
    assert_eq!(run(bad, &["config", "--default"]).status.code(), Some(0));
    assert_eq!(run(bad, &["config", "--path"]).status.code(), Some(0));
    assert_eq!(run(bad, &["man"]).status.code(), Some(0));
    // `config` alone checks the file, with every problem.
    let out = run(bad, &["config"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).lines().count(), 2);
}

#[test]
fn a_flag_wins_over_the_config() {
    // `--clipboard` with a command is refused whatever the config says: the flag was given.
    let out = run(Some(""), &["--clipboard", "auto", "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("roundtable: --clipboard is for the browser"));
    let cli = <roundtable::cli::args::Cli as clap::Parser>::try_parse_from([
        "roundtable",
        "--clipboard",
        "off",
        "--poll",
    ])
    .expect("parses");
    let c = config::parse("[display]\nclipboard = \"osc52\"\nwatch = \"off\"\n").expect("valid");
    assert_eq!(
        cli.clipboard(c.display.clipboard),
        roundtable::clipboard::Mode::Off
    );
    assert_eq!(cli.watch(c.display.watch), roundtable::follow::Watch::Poll);
    let cli = <roundtable::cli::args::Cli as clap::Parser>::try_parse_from(["roundtable"])
        .expect("parses");
    assert_eq!(
        cli.clipboard(c.display.clipboard),
        roundtable::clipboard::Mode::Osc52
    );
    assert_eq!(cli.watch(c.display.watch), roundtable::follow::Watch::Off);
}

const SUBCOMMANDS: [&str; 9] = [
    "check",
    "list",
    "statements",
    "export",
    "import",
    "new",
    "config",
    "completions",
    "man",
];

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(
            Some("tests/fixtures/config/two-problems.toml"),
            &["completions", shell],
        );
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        assert!(script.contains("max-size"), "{shell}");
    }
    let bash = text(&run(None, &["completions", "bash"]).stdout);
    assert!(bash.contains("complete -F _roundtable"));
    let zsh = text(&run(None, &["completions", "zsh"]).stdout);
    assert!(zsh.starts_with("#compdef roundtable"));
    let fish = text(&run(None, &["completions", "fish"]).stdout);
    assert!(fish.contains("complete -c roundtable"));
    let out = run(None, &["completions", "powershell"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_is_roff_with_a_section_per_subcommand() {
    let out = run(None, &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.starts_with(".ie"), "{}", &page[..80]);
    assert!(page.contains(".TH roundtable 1"));
    for sub in SUBCOMMANDS {
        let heading = format!(".SH \"ROUNDTABLE {}\"", sub.to_uppercase());
        assert!(page.contains(&heading), "no {heading}");
    }
    // Flags of subcommands, and examples kept line by line.
    assert!(page.contains("\\-\\-format"));
    assert!(page.contains(".SH \"EXAMPLES\"\n.nf\n"));
    assert!(!page.contains('\x1b'));
    // The commands are sections of this page, not pages of their own.
    assert!(!page.contains("roundtable\\-check(1)"));
    assert!(page.contains("\\fBroundtable check\\fR"));
    // What it reads, from the environment and from files.
    for name in [
        "ROUNDTABLE_CONFIG",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "NO_COLOR",
    ] {
        assert!(page.contains(&format!(".TP\n\\fB{name}\\fR\n")), "{name}");
    }
    assert!(page.contains(".SH FILES\n"));
}

/// The bundled timeline in a browser with `config`'s keys, at `w`×`h`.
fn open(config: &Config, w: u16, h: u16) -> App {
    let doc = Document::load("test.ron", BUNDLED.to_string()).expect("bundled loads");
    let filter =
        Filter::resolve(doc.timeline(), doc.index(), &FilterArgs::default()).expect("resolves");
    let mut app = App::new(Arc::new(doc), &filter).with_keys(config.keys.clone());
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

fn press(app: &mut App, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(a) = app.keymap().action(ev, app.mode()) {
        app.update(a);
    }
}

fn draw(app: &App, config: &Config) -> Buffer {
    let size = app.size();
    let mut t = Terminal::new(TestBackend::new(size.width, size.height)).expect("terminal");
    t.draw(|f| ui::render_with(app, &config.theme, f))
        .expect("draws");
    t.backend().buffer().clone()
}

fn plain(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn remap() -> Config {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/remap.toml"),
    )
    .expect("fixture");
    config::parse(&text).expect("remap.toml is valid")
}

#[test]
fn a_remapped_key_moves_and_the_old_one_does_not() {
    let c = remap();
    let mut app = open(&c, 100, 30);
    assert_eq!(app.selected(), 0);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected(), 0, "j is no longer bound");
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.selected(), 1);
    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.selected(), 0);
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help, "? is no longer help");
}

#[test]
fn snapshot_remapped_keys_and_theme_80x24() {
    let c = remap();
    let mut app = open(&c, 80, 24);
    press(&mut app, KeyCode::Char('x'));
    let buf = draw(&app, &c);
    let screen = plain(&buf);
    // The footer is built from the keys in force.
    assert!(screen.contains(" x/w move "), "{screen}");
    assert!(screen.contains("F1 help"), "{screen}");
    // The styles are in the snapshot: Buffer's Debug lists them after the text.
    insta::assert_debug_snapshot!("remap_80x24", buf);
}

#[test]
fn snapshot_help_with_remapped_keys_80x24() {
    let c = remap();
    let mut app = open(&c, 80, 24);
    press(&mut app, KeyCode::F(1));
    let screen = plain(&draw(&app, &c));
    assert!(
        screen.contains("  x ↓               next event"),
        "{screen}"
    );
    insta::assert_snapshot!("remap_help_80x24", screen);
}

#[test]
fn the_theme_colours_are_drawn_and_no_color_still_takes_them_out() {
    let c = remap();
    let app = open(&c, 100, 30);
    let buf = draw(&app, &c);
    let colours: Vec<Color> = buf.content.iter().map(|cell| cell.fg).collect();
    assert!(
        colours.contains(&Color::Rgb(0xff, 0x88, 0x00)),
        "focused border"
    );
    assert!(colours.contains(&Color::Indexed(208)), "when");
    assert!(colours.contains(&Color::LightYellow), "Ukraine's side");
    let app = app.without_color();
    let buf = draw(&app, &c);
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn docs_config_md_lists_every_action_and_role() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/config.md"))
        .expect("docs/config.md");
    let keys = roundtable::app::keymap::Keymap::default();
    let roles = roundtable::ui::theme::ROLES.iter().map(|(n, _)| *n);
    for name in keys.names().chain(roles) {
        assert!(
            doc.contains(&format!("\n| `{name}` |")),
            "docs/config.md does not list `{name}`"
        );
    }
}

#[test]
fn the_config_path_is_shown_escaped_and_a_directory_is_no_config() {
    let out = run(Some("/tmp/a\x1b[2Jb.toml"), &["config", "--path"]);
    assert_eq!(text(&out.stdout), "/tmp/a\\x1b[2Jb.toml\n");
    let out = run(Some("/tmp/a\x1b[2Jb.toml"), &["list"]);
    assert_eq!(
        text(&out.stderr),
        "/tmp/a\\x1b[2Jb.toml: error: cannot read the config file (named by \
         $ROUNDTABLE_CONFIG): no such file\n"
    );
    let out = run(Some("tests/fixtures/config"), &["list"]);
    assert_eq!(
        text(&out.stderr),
        "tests/fixtures/config: error: cannot read the config file (named by \
         $ROUNDTABLE_CONFIG): it is a directory\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn messages_that_name_a_key_name_the_one_in_force() {
    let c = config::parse("[keys]\ntoggle_view = \"V\"\nnext_link = \"F3\"\n").expect("valid");
    let mut app = open(&c, 100, 30);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.message(),
        Some("no quote or claim selected: V lists them, F3 picks one in Detail")
    );
}

#[test]
fn esc_with_nothing_to_clear_names_the_way_out_in_force() {
    // Found by a tester: with `quit` unbound, the message still said `q quits`.
    for (file, said) in [
        ("", "nothing to clear; q quits"),
        ("[keys]\nquit = \"x\"\n", "nothing to clear; x quits"),
        ("[keys]\nquit = []\n", "nothing to clear; Ctrl-c quits"),
        (
            "[keys]\nquit = []\nquit_anywhere = []\n",
            "nothing to clear",
        ),
    ] {
        let c = config::parse(file).expect("valid");
        let mut app = open(&c, 100, 30);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.message(), Some(said), "{file}");
    }
}

#[test]
fn mark_messages_name_the_keys_in_force() {
    let c = config::parse("[keys]\nnext_mark = \"F5\"\nprev_mark = \"F6\"\ntoggle_mark = \"M\"\n")
        .expect("valid");
    let mut app = open(&c, 100, 30);
    press(&mut app, KeyCode::F(5));
    assert_eq!(app.message(), Some("no marks: M marks the selected event"));
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(app.message(), Some("marked · 1 mark (F5/F6 go to them)"));
    press(&mut app, KeyCode::F(5));
    assert_eq!(app.message(), Some("no later mark (F6 goes back)"));
    press(&mut app, KeyCode::Char('M'));
    assert_eq!(app.message(), Some("unmarked · 0 marks"));
}
