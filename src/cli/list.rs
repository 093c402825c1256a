//! `roundtable list`: one line per event, aligned for eyes on a terminal, tab-separated for
//! scripts.

use std::io::{self, Write};

use crate::model::Timeline;
use crate::model::escape::escape_line;
use crate::query::Index;

use super::Exit;
use super::args::{ListArgs, Settings};
use super::filters;

/// How lines are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// For a terminal: a header line, columns padded to line up.
    Table,
    /// For pipes and files: no header, fields separated by one tab.
    Tabs,
}

const HEADER: [&str; 6] = ["WHEN", "ROUND", "QUOTES", "CLAIMS", "DISPUTED", "TITLE"];

pub fn run(
    args: &ListArgs,
    settings: &Settings,
    layout: Layout,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Exit> {
    filters::open(
        args.file.as_deref(),
        settings.max_size,
        true,
        &args.filters.to_args(),
        err,
        |s, _| {
            let t = &s.loaded.timeline;
            let positions = s.filter.apply(t, s.index, Some(&s.input.text));
            write(t, s.index, &positions, layout, out)?;
            Ok(Exit::Success)
        },
    )
}

/// One event's fields, ready to print (the title escaped).
struct Row<'t> {
    when: String,
    round: String,
    quotes: usize,
    claims: usize,
    disputed: bool,
    title: std::borrow::Cow<'t, str>,
}

fn row<'t>(t: &'t Timeline<'_>, index: &Index, pos: usize) -> Row<'t> {
    let e = &t.events[pos];
    Row {
        when: e.when.display(),
        round: e
            .round
            .as_ref()
            .map_or_else(|| "-".to_string(), |r| r.number.to_string()),
        quotes: e.quotes.len(),
        claims: e.claims.len(),
        disputed: index.contested[pos],
        title: escape_line(&e.title),
    }
}

/// Writes the events at `positions` (timeline order).
pub fn write(
    t: &Timeline<'_>,
    index: &Index,
    positions: &[u32],
    layout: Layout,
    out: &mut impl Write,
) -> io::Result<()> {
    match layout {
        Layout::Tabs => {
            for &pos in positions {
                let r = row(t, index, pos as usize);
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    r.when,
                    r.round,
                    r.quotes,
                    r.claims,
                    if r.disputed { "disputed" } else { "-" },
                    r.title
                )?;
            }
        }
        Layout::Table => {
            // `when` is ASCII (validated), so its length is its width; the round is digits.
            let mut when_w = HEADER[0].len();
            let mut round_w = HEADER[1].len();
            for &pos in positions {
                let e = &t.events[pos as usize];
                when_w = when_w.max(e.when.display().len());
                if let Some(r) = &e.round {
                    round_w = round_w.max(r.number.to_string().len());
                }
            }
            writeln!(
                out,
                "{:<when_w$}  {:>round_w$}  {:>6}  {:>6}  {:<8}  {}",
                HEADER[0], HEADER[1], HEADER[2], HEADER[3], HEADER[4], HEADER[5]
            )?;
            for &pos in positions {
                let r = row(t, index, pos as usize);
                writeln!(
                    out,
                    "{:<when_w$}  {:>round_w$}  {:>6}  {:>6}  {:<8}  {}",
                    r.when,
                    r.round,
                    r.quotes,
                    r.claims,
                    if r.disputed { "disputed" } else { "" },
                    r.title
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const TEXT: &str = r#"Timeline(
        title: "T",
        sources: [Source(id: "s", outlet: "S")],
        participants: [Participant(id: "p", name: "P")],
        rounds: [Round(number: 12)],
        events: [
            Event(id: "a", when: "2025-07-23T16:00Z", round: 12, title: "Tab\there \u{1b}[31m",
                  quotes: [Quote(speaker: "p", text: "q", source: "s")],
                  claims: [Claim(id: "c1", text: "x", source: "s"),
                           Claim(by: "p", text: "y", source: "s", disputes: ["c1"])]),
            Event(id: "b", when: "2025", title: "Plain", sources: ["s"]),
        ],
    )"#;

    fn render(layout: Layout) -> String {
        let t = load_str(TEXT).unwrap().timeline;
        let index = Index::build(&t);
        let mut out = Vec::new();
        write(&t, &index, &[0, 1], layout, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tabs_have_no_header_and_six_fields() {
        assert_eq!(
            render(Layout::Tabs),
            "2025\t-\t0\t0\t-\tPlain\n\
             2025-07-23 16:00Z\t12\t1\t2\tdisputed\tTab\\there \\x1b[31m\n"
        );
    }

    #[test]
    fn table_aligns_columns_under_a_header() {
        assert_eq!(
            render(Layout::Table),
            "WHEN               ROUND  QUOTES  CLAIMS  DISPUTED  TITLE\n\
             2025                   -       0       0            Plain\n\
             2025-07-23 16:00Z     12       1       2  disputed  Tab\\there \\x1b[31m\n"
        );
    }
}
