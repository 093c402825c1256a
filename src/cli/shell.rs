//! `roundtable completions SHELL` and `roundtable man`: both written from the one clap
//! definition in [`args`](super::args), so they cannot disagree with `--help`.

use std::io::{self, Write};

use clap::CommandFactory;

use super::Exit;
use super::args::{Cli, Shell};

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut impl Write) -> io::Result<Exit> {
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
    };
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "roundtable", out);
    Ok(Exit::Success)
}

/// Writes the manual page, in roff: the main page, then a section per command.
pub fn man(out: &mut impl Write) -> io::Result<Exit> {
    let cmd = Cli::command();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    // clap_mangen names each command as a page of its own (`roundtable-check(1)`); they are
    // sections of this one.
    let mut subs = Vec::new();
    page.render_subcommands_section(&mut subs)?;
    let mut subs = String::from_utf8_lossy(&subs).into_owned();
    for sub in cmd.get_subcommands() {
        let name = sub.get_name().replace('-', "\\-");
        subs = subs.replace(
            &format!("roundtable\\-{name}(1)"),
            &format!("\\fBroundtable {name}\\fR"),
        );
    }
    out.write_all(subs.as_bytes())?;
    // Each command's own flags, which the main page only names.
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        writeln!(out, ".SH \"ROUNDTABLE {}\"", name.to_uppercase())?;
        let sub = sub.clone().bin_name(format!("roundtable {name}"));
        let sub_page = clap_mangen::Man::new(sub.clone());
        // The sub-page's own sections, minus its title (one .TH per page).
        let mut buf = Vec::new();
        sub_page.render_synopsis_section(&mut buf)?;
        sub_page.render_description_section(&mut buf)?;
        sub_page.render_options_section(&mut buf)?;
        let text = String::from_utf8_lossy(&buf);
        // Demote its sections to subsections under this command's heading.
        out.write_all(text.replace(".SH ", ".SS ").as_bytes())?;
        if let Some(after) = sub.get_after_help() {
            write_verbatim(out, ".SS", &after.to_string())?;
        }
    }
    if let Some(after) = cmd.get_after_help() {
        write_verbatim(out, ".SH", &after.to_string())?;
    }
    out.write_all(ENVIRONMENT_AND_FILES.as_bytes())?;
    page.render_version_section(out)?;
    Ok(Exit::Success)
}

/// An `after_help` text (`Examples:` and lines laid out in columns) as a section of its own,
/// its lines kept as they are (`.nf`), escaped for roff.
fn write_verbatim(out: &mut impl Write, heading: &str, text: &str) -> io::Result<()> {
    let (title, body) = match text.split_once('\n') {
        Some((first, rest)) if first.ends_with(':') => (first.trim_end_matches(':'), rest),
        _ => ("Notes", text),
    };
    writeln!(out, "{heading} \"{}\"", title.to_uppercase())?;
    writeln!(out, ".nf")?;
    for line in body.lines() {
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        // A line starting with . or ' would be a roff request.
        let guard = if line.starts_with(['.', '\'']) {
            "\\&"
        } else {
            ""
        };
        writeln!(out, "{guard}{line}")?;
    }
    writeln!(out, ".fi")
}

/// The variables and files roundtable reads, in roff: what `--help` cannot say at length.
const ENVIRONMENT_AND_FILES: &str = r".SH ENVIRONMENT
.TP
\fBROUNDTABLE_CONFIG\fR
The config file to read instead of the default one; set and empty, no config file is read.
.TP
\fBXDG_CONFIG_HOME\fR
Where the config file is looked for, as \fIroundtable/config.toml\fR (\fI~/.config\fR when unset, on macOS too).
.TP
\fBXDG_STATE_HOME\fR
Where marks are kept, under \fIroundtable/marks/\fR (\fI~/.local/state\fR when unset).
.TP
\fBNO_COLOR\fR
Set and not empty: the browser draws no colours, whatever the config says.
.TP
\fBTZ\fR
The zone \fB\-\-tz local\fR means (else \fI/etc/localtime\fR).
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/roundtable/config.toml\fR
Keys, colours and display settings; \fBroundtable config \-\-path\fR prints where it is looked for, \fBroundtable config \-\-default\fR prints a complete one.
.TP
\fI$XDG_STATE_HOME/roundtable/marks/\fR
One file per timeline, keyed by its path, with the ids of its marked events. The timeline file itself is never written.
";
