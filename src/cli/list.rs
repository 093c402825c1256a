//! `roundtable list`: one line per event, aligned for eyes on a terminal, tab-separated for
//! scripts.

use std::io::{self, Write};

use std::borrow::Cow;

use crate::model::Timeline;
use crate::query::Index;
use crate::query::nothing::Unit;

use super::Exit;
use super::args::{ListArgs, Settings};
use super::filters;
pub use super::table::Layout;
use super::table::{self, Column};

const COLUMNS: [Column; 7] = [
    Column {
        header: "ID",
        right: false,
    },
    Column {
        header: "WHEN",
        right: false,
    },
    Column {
        header: "ROUND",
        right: true,
    },
    Column {
        header: "QUOTES",
        right: true,
    },
    Column {
        header: "CLAIMS",
        right: true,
    },
    Column {
        header: "DISPUTED",
        right: false,
    },
    Column {
        header: "TITLE",
        right: false,
    },
];

pub fn run(
    args: &ListArgs,
    settings: &Settings,
    layout: Layout,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Exit> {
    let Some(filter_args) = filters::args(&args.filters, args.file.as_deref(), err)? else {
        return Ok(Exit::Trouble);
    };
    let s = match filters::open(
        args.file.as_deref(),
        settings.max_size,
        settings.zone(),
        true,
        &filter_args,
        err,
    )? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let (t, index) = (s.doc.timeline(), s.doc.index());
    let positions = s.filter.apply(t, index, Some(s.doc.text()));
    if positions.is_empty() && !s.filter.is_empty() {
        filters::nothing(&s, &filter_args, Unit::Events, err)?;
    }
    write(t, index, &positions, layout, s.doc.zone(), out)?;
    Ok(Exit::Success)
}

/// Writes the events at `positions` (timeline order), their times in `zone` with its offset
/// (`2025-07-22 21:30-04:00`), so that each line says which clock it reads.
pub fn write(
    t: &Timeline<'_>,
    index: &Index,
    positions: &[u32],
    layout: Layout,
    zone: crate::model::Zone,
    out: &mut impl Write,
) -> io::Result<()> {
    let row = |i: usize| {
        let pos = positions[i] as usize;
        let e = &t.events[pos];
        let round = e
            .round
            .as_ref()
            .map_or_else(|| "-".to_string(), |r| r.number.to_string());
        let disputed = match (index.contested(t, pos), layout) {
            (true, _) => "disputed",
            (false, Layout::Tabs) => "-",
            (false, Layout::Table) => "",
        };
        vec![
            Cow::Borrowed(e.id.value.as_ref()),
            e.when.display_offset_in(zone).into(),
            round.into(),
            e.quotes.len().to_string().into(),
            e.claims.len().to_string().into(),
            disputed.into(),
            Cow::Borrowed(e.title.as_ref()),
        ]
    };
    table::write(&COLUMNS, positions.len(), row, layout, out)
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
        write(
            &t,
            &index,
            &[0, 1],
            layout,
            crate::model::Zone::Utc,
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tabs_have_no_header_and_seven_fields() {
        assert_eq!(
            render(Layout::Tabs),
            "b\t2025\t-\t0\t0\t-\tPlain\n\
             a\t2025-07-23 16:00Z\t12\t1\t2\tdisputed\tTab\\there \\x1b[31m\n"
        );
    }

    #[test]
    fn table_aligns_columns_under_a_header() {
        assert_eq!(
            render(Layout::Table),
            "ID  WHEN               ROUND  QUOTES  CLAIMS  DISPUTED  TITLE\n\
             b   2025                   -       0       0            Plain\n\
             a   2025-07-23 16:00Z     12       1       2  disputed  Tab\\there \\x1b[31m\n"
        );
    }
}
