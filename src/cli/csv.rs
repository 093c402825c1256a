//! `export --format csv`: one row per quote or claim, with its attribution and corroboration
//! numbers, for a spreadsheet or `DuckDB`. Written with the `csv` crate (RFC 4180 quoting).

use std::io::{self, Write};

use crate::model::escape::escape_block;
use crate::model::{Ref, Timeline};
use crate::query::statement::Record;
use crate::query::{Index, Statement, StatementRef};

/// The header row, in column order.
pub const COLUMNS: [&str; 19] = [
    "event",
    "when",
    "round",
    "kind",
    "who",
    "role",
    "anonymous",
    "text",
    "source",
    "outlet",
    "reprints",
    "via",
    "channel",
    "also",
    "disputes",
    "confirms",
    "marks",
    "outlets",
    "origins",
];

/// Writes the header and one row per statement in `rows` (timeline order). Lists within a
/// field (`also`, `disputes`, `confirms`) are ids joined by `;`; a claim named in `disputes`
/// that has no id is written as `EVENT/claims/N` (its event's id, 0-based index). Text keeps
/// its newlines and tabs (quoted, as CSV allows); other control characters are escaped
/// (`\x1b`), so that a CSV shown on a terminal cannot drive it.
pub fn write(
    t: &Timeline<'_>,
    index: &Index,
    rows: &[StatementRef],
    out: &mut impl Write,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
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
        let disputes: Vec<String> = st.disputes.iter().map(|&n| claim_id(n)).collect();
        let a = &st.attribution;
        let record = [
            e.id.value.to_string(),
            e.when.raw.to_string(),
            e.round
                .as_ref()
                .map(|r| r.number.to_string())
                .unwrap_or_default(),
            st.kind().name().to_string(),
            st.who.name().to_string(),
            st.who.role().unwrap_or_default(),
            st.anonymous.to_string(),
            st.text.to_string(),
            t.source(&source).id.value.to_string(),
            a.source.outlet.to_string(),
            a.reprints.map(|s| s.outlet.to_string()).unwrap_or_default(),
            a.via.unwrap_or_default().to_string(),
            a.channel.unwrap_or_default().to_string(),
            source_ids(also),
            disputes.join(";"),
            confirms,
            st.marks().join(";"),
            st.outlets.to_string(),
            st.origins.to_string(),
        ];
        w.write_record(record.iter().map(|f| escape_block(f).into_owned()))?;
    }
    w.flush()
}
