//! `import timelinejs-csv`: the TimelineJS Google Sheet template downloaded as CSV, one slide
//! per row (`Type` `title` for the title slide, `era` for eras), read into the same slides as
//! the JSON document and built by [`super::timelinejs::build`].

use super::dates::{self, Parts};
use super::timelinejs::{DateIn, Media, Slide, build};
use super::{Builder, Imported, Note, Options, Pos};

/// The template's columns, as its header names them, and the older sheet's `Tag` and
/// TimelineJS's `Alt Text`.
const COLUMNS: &[&str] = &[
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "Tag",
    "Alt Text",
];

/// Reads the sheet. Columns are found by their header, in any order; `Year` is required.
pub fn import(text: &str, options: &Options) -> Result<Imported, Vec<Note>> {
    let mut b = Builder::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![csv_problem(&e)]),
    };
    // Where each known column is, by lower-cased name.
    let mut at: Vec<Option<usize>> = vec![None; COLUMNS.len()];
    let mut unknown = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            Some(k) => at[k] = Some(i),
            None if name.is_empty() => {}
            None => unknown.push((i, name.to_string())),
        }
    }
    if at[0].is_none() {
        b.problem(Some(Pos::line(1)), "missing column `Year`: the TimelineJS template's columns are Year, Month, Day, Time, End Year, …, Headline, Text, Media, …, Type, Group, Background");
        return b.finish(String::new(), None, "");
    }
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).and_then(|k| at[k]);
    for (_, name) in &unknown {
        b.keep(
            Some(Pos::line(1)),
            None,
            format!("column `{name}` is not a TimelineJS column; its values are kept as comments"),
        );
    }
    let mut title = None;
    let mut slides = Vec::new();
    let mut eras = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                b.problem(
                    Some(csv_position(&e)),
                    format!("not CSV: {}", csv_message(&e)),
                );
                if e.is_io_error() {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line() as usize);
        let pos = Some(Pos::line(line));
        if record.len() > header.len() {
            b.problem(
                pos,
                format!(
                    "{} fields, but the header names {}",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| {
            col(name)
                .and_then(|i| record.get(i))
                .map_or(String::new(), |v| v.trim().to_string())
        };
        let mut s = Slide {
            at: pos,
            headline: get("Headline"),
            text: get("Text"),
            media: Media {
                url: get("Media"),
                credit: get("Media Credit"),
                caption: get("Media Caption"),
                thumbnail: get("Media Thumbnail"),
            },
            group: {
                let g = get("Group");
                if g.is_empty() { get("Tag") } else { g }
            },
            display_date: get("Display Date"),
            background: get("Background"),
            ..Slide::default()
        };
        for (i, name) in &unknown {
            if let Some(v) = record.get(*i).map(str::trim).filter(|v| !v.is_empty()) {
                s.extra.push((pos, format!("{name}: {v}")));
            }
        }
        s.start = date(
            &get("Year"),
            &get("Month"),
            &get("Day"),
            &get("Time"),
            "",
            pos,
            &mut s.broken,
            &mut b,
        );
        s.end = date(
            &get("End Year"),
            &get("End Month"),
            &get("End Day"),
            &get("End Time"),
            "End ",
            pos,
            &mut s.broken,
            &mut b,
        );
        match get("Type").to_ascii_lowercase().as_str() {
            "title" if title.is_none() => title = Some(s),
            "era" => eras.push(s),
            _ => slides.push(s),
        }
    }
    build(b, title, slides, eras, options)
}

/// The date in one row's columns (`prefix` is `End ` for the end date); `None` when the row
/// gives no year and nothing else.
#[allow(
    clippy::too_many_arguments,
    reason = "the four columns of a date, and where to report"
)]
fn date(
    year: &str,
    month: &str,
    day: &str,
    time: &str,
    prefix: &str,
    pos: Option<Pos>,
    broken: &mut bool,
    b: &mut Builder,
) -> Option<DateIn> {
    if [year, month, day, time].iter().all(|v| v.is_empty()) {
        return None;
    }
    let mut parts = Parts::default();
    let mut ok = true;
    for (name, text, slot) in [
        ("Year", year, &mut parts.year),
        ("Month", month, &mut parts.month),
        ("Day", day, &mut parts.day),
    ] {
        match dates::part(&format!("{prefix}{name}"), text) {
            Ok(v) => *slot = v,
            Err(m) => {
                b.problem(pos, m);
                ok = false;
            }
        }
    }
    if !time.is_empty() {
        match dates::time_of_day(time) {
            Ok(t) => {
                parts.hour = t.hour;
                parts.minute = t.minute;
                parts.second = t.second;
                parts.millisecond = t.millisecond;
            }
            Err(m) => {
                b.problem(pos, format!("`{prefix}Time`: {m}"));
                ok = false;
            }
        }
    }
    if !ok {
        *broken = true;
        return None;
    }
    Some(DateIn {
        at: pos,
        parts,
        display: String::new(),
    })
}

/// The line a CSV error is at.
pub(super) fn csv_position(e: &csv::Error) -> Pos {
    let line = match e.kind() {
        csv::ErrorKind::Utf8 { pos: Some(p), .. }
        | csv::ErrorKind::UnequalLengths { pos: Some(p), .. } => p.line() as usize,
        csv::ErrorKind::Deserialize { pos: Some(p), .. } => p.line() as usize,
        _ => 1,
    };
    Pos::line(line.max(1))
}

/// A CSV error's message without the position the csv crate adds.
pub(super) fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text: {err}"),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the header names {expected_len}"),
        _ => e.to_string(),
    }
}

/// A CSV error as a problem.
pub(super) fn csv_problem(e: &csv::Error) -> Note {
    Note {
        at: Some(csv_position(e)),
        message: format!("not CSV: {}", csv_message(e)),
    }
}
