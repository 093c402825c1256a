//! `export --format csv`: one row per quote or claim, with its attribution and corroboration
//! numbers, for a spreadsheet or `DuckDB`. Written with the `csv` crate (RFC 4180 quoting).

use std::io::{self, Write};

use crate::model::escape::escape_block;
use crate::model::{Ref, Timeline};
use crate::query::statement::{Record, Who};
use crate::query::{Index, Statement, StatementRef};

/// The header row, in column order.
pub const COLUMNS: [&str; 22] = [
    "event",
    "id",
    "when",
    "round",
    "kind",
    "who",
    "role",
    "side",
    "anonymous",
    "text",
    "source",
    "outlet",
    "reprints",
    "via",
    "channel",
    "also",
    "disputes",
    "disputed_by",
    "confirms",
    "marks",
    "outlets",
    "origins",
];

/// Writes the header and one row per statement in `rows` (timeline order). `id` is a claim's
/// own id (empty for a quote, or a claim the file gives none), so that the lists can be
/// joined back to rows. Lists within a field (`also`, `disputes`, `disputed_by`, `confirms`)
/// are ids joined by `;`, each in the file's direction: `disputes` and `confirms` as this
/// claim gives them, `disputed_by` the claims whose `disputes` name this one. A claim without
/// an id is named `EVENT/claims/N` (its event's id, 0-based index). Text keeps
/// its newlines and tabs (quoted, as CSV allows); other control characters are escaped
/// (`\x1b`), so that a CSV shown on a terminal cannot drive it.
pub fn write(
    t: &Timeline<'_>,
    index: &Index,
    rows: &[StatementRef],
    out: &mut impl Write,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS).map_err(io_error)?;
    for &at in rows {
        let st = Statement::read(t, index, at);
        let e = st.event;
        let claim_id = |n: usize| {
            let c = t.claims[n];
            let event = &t.events[c.event as usize];
            match &event.claims[c.claim as usize].id {
                Some(id) => id.value.to_string(),
                None => format!("{}/claims/{}", event.id.value, c.claim),
            }
        };
        let source_ids = |refs: &[Ref]| -> String {
            refs.iter()
                .map(|r| t.source(r).id.value.as_ref())
                .collect::<Vec<_>>()
                .join(";")
        };
        let (source, also, confirms) = match st.record {
            Record::Quote(q) => (q.source, q.also(), String::new()),
            Record::Claim(c, _) => (
                c.source,
                c.also(),
                c.confirms()
                    .iter()
                    .map(|r| claim_id(r.ix()))
                    .collect::<Vec<_>>()
                    .join(";"),
            ),
        };
        let ids = |list: &[usize]| {
            list.iter()
                .map(|&n| claim_id(n))
                .collect::<Vec<_>>()
                .join(";")
        };
        let own_id = match st.record {
            Record::Claim(c, _) => c.id.as_ref().map(|i| i.value.to_string()),
            Record::Quote(_) => None,
        };
        let (role, side) = match st.who {
            Who::Participant(p) => (p.role.as_deref(), p.side.as_deref()),
            Who::Outlet(_) => (None, None),
        };
        let a = &st.attribution;
        // As many fields as columns, or this does not compile.
        let record: [String; COLUMNS.len()] = [
            e.id.value.to_string(),
            own_id.unwrap_or_default(),
            e.when.raw.to_string(),
            e.round
                .as_ref()
                .map(|r| r.number.to_string())
                .unwrap_or_default(),
            st.kind().name().to_string(),
            st.who.name().to_string(),
            role.unwrap_or_default().to_string(),
            side.unwrap_or_default().to_string(),
            st.anonymous.to_string(),
            st.text.to_string(),
            t.source(&source).id.value.to_string(),
            a.source.outlet.to_string(),
            a.reprints.map(|s| s.outlet.to_string()).unwrap_or_default(),
            a.via.unwrap_or_default().to_string(),
            a.channel.unwrap_or_default().to_string(),
            source_ids(also),
            ids(&st.disputes),
            ids(&st.disputed_by),
            confirms,
            st.marks().join(";"),
            st.outlets.to_string(),
            st.origins.to_string(),
        ];
        w.write_record(record.iter().map(|f| escape_block(f).into_owned()))
            .map_err(io_error)?;
    }
    w.flush()
}

/// A `csv` error as the I/O error it is: the `csv` crate's own conversion makes every error
/// of kind `Other`, and a reader that closed the pipe (`| head`) must stay a `BrokenPipe`, which
/// ends the command quietly. Writing records to a `Write` fails only in I/O.
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use std::io;

    use crate::closing::Closing;

    use crate::model::{BUNDLED, load_str};
    use crate::query::{Filter, Index};

    #[test]
    fn a_closed_pipe_stays_a_broken_pipe_which_ends_the_command_quietly() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let rows = Filter::default().statements(&t, &index, None);
        let e = super::write(&t, &index, &rows, &mut Closing::closed()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::BrokenPipe, "{e}");
    }
}
