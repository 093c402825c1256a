//! `roundtable statements`: one line per quote or claim, in timeline order, with its event,
//! who, where it was published and what is known of it; aligned on a terminal,
//! tab-separated for scripts.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::query::nothing::Unit;
use crate::query::{Index, Kind, Statement, StatementRef};

use super::Exit;
use super::args::{Settings, StatementsArgs};
use super::filters;
use super::table::{self, Column, Layout};

const COLUMNS: [Column; 8] = [
    Column {
        header: "EVENT",
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
        header: "KIND",
        right: false,
    },
    Column {
        header: "WHO",
        right: false,
    },
    Column {
        header: "SOURCE",
        right: false,
    },
    Column {
        header: "MARKS",
        right: false,
    },
    Column {
        header: "TEXT",
        right: false,
    },
];

pub fn run(
    args: &StatementsArgs,
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
    let rows = s.filter.statements(t, index, Some(s.doc.text()));
    if rows.is_empty() {
        filters::nothing(&s, &filter_args, Unit::Statements, err)?;
    }
    write(t, index, &rows, layout, s.doc.zone(), out)?;
    Ok(Exit::Success)
}

/// The text as a row shows it: a quote between quotation marks, a claim (the file author's
/// words) never.
#[must_use]
pub fn shown_text(st: &Statement<'_, '_>) -> String {
    match st.kind() {
        Kind::Quote => format!("“{}”", st.text),
        Kind::Claim => st.text.to_string(),
    }
}

/// Writes the statements `rows` (timeline order), their times in `zone` with its offset.
pub fn write(
    t: &crate::model::Timeline<'_>,
    index: &Index,
    rows: &[StatementRef],
    layout: Layout,
    zone: crate::model::Zone,
    out: &mut impl Write,
) -> io::Result<()> {
    let none = if layout == Layout::Tabs { "-" } else { "" };
    let row = |i: usize| {
        let st = Statement::read(t, index, rows[i]);
        let e = st.event;
        let round = e
            .round
            .as_ref()
            .map_or_else(|| "-".to_string(), |r| r.number.to_string());
        let marks = st.marks();
        vec![
            Cow::Borrowed(e.id.value.as_ref()),
            e.when.display_offset_in(zone).into(),
            round.into(),
            st.kind().name().into(),
            st.who.name().to_string().into(),
            st.attribution.line().into(),
            if marks.is_empty() {
                none.into()
            } else {
                marks.join(",").into()
            },
            shown_text(&st).into(),
        ]
    };
    table::write(&COLUMNS, rows.len(), row, layout, out)
}
