//! `roundtable export`: the timeline, or the events the filters keep, as JSON, RON, a
//! Markdown brief, CSV or a TimelineJS3 document, on stdout.

use std::io::{self, Write};

use super::Exit;
use super::args::{ExportArgs, Format, Settings};
use super::view::View;
use super::{csv, filters, json, ronfmt};
use crate::query::nothing::Unit;
use crate::report::{markdown, timelinejs};

pub fn run(
    args: &ExportArgs,
    settings: &Settings,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<Exit> {
    let Some(filter_args) = filters::args(&args.filters, args.file.as_deref(), err)? else {
        return Ok(Exit::Trouble);
    };
    let s = match filters::open(
        args.file.as_deref(),
        settings.max_size,
        crate::model::Zone::Utc,
        true,
        &filter_args,
        err,
    )? {
        Ok(s) => s,
        Err(exit) => return Ok(exit),
    };
    let (t, index, text) = (s.doc.timeline(), s.doc.index(), Some(s.doc.text()));
    if !s.filter.is_empty() {
        let (empty, unit) = if args.format == Format::Csv {
            (
                s.filter.statements(t, index, text).is_empty(),
                Unit::Statements,
            )
        } else {
            (s.filter.apply(t, index, text).is_empty(), Unit::Events)
        };
        if empty {
            filters::nothing(&s, &filter_args, unit, err)?;
        }
    }
    match args.format {
        Format::Csv => {
            let rows = s.filter.statements(t, index, text);
            csv::write(t, index, &rows, out)?;
        }
        Format::Markdown => {
            let positions = s.filter.apply(t, index, text);
            markdown::write(t, index, &positions, &s.filter, out)?;
        }
        Format::Timelinejs => {
            let positions = s.filter.apply(t, index, text);
            let doc = timelinejs::document(t, index, &positions, &s.filter);
            json::write(&doc, out)?;
        }
        Format::Json | Format::Ron => {
            let positions = s.filter.apply(t, index, text);
            // Unfiltered, the file's every declaration; filtered, only what is used.
            let view = if s.filter.is_empty() {
                View::all(t)
            } else {
                View::new(t, &positions)
            };
            if args.format == Format::Json {
                json::write(&view, out)?;
            } else {
                ronfmt::write_view(&view, out)?;
            }
            let links = |n: usize, field: &str| match n {
                0 => None,
                1 => Some(format!("1 `{field}` link")),
                n => Some(format!("{n} `{field}` links")),
            };
            let dropped: Vec<String> = [
                links(view.dropped_links, "disputes"),
                links(view.dropped_confirms, "confirms"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !dropped.is_empty() {
                writeln!(
                    err,
                    "roundtable: note: left out {} to claims outside the selection, so \
                     that the export stays a valid timeline",
                    dropped.join(" and ")
                )?;
            }
        }
    }
    Ok(Exit::Success)
}
