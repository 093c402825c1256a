//! `import timelinejs-csv`: the TimelineJS Google Sheet template downloaded as CSV, one slide
//! per row (`Type` `title` for the title slide, `era` for eras), read into the same slides as
//! the JSON document and built by [`super::timelinejs::build`].

use super::csvrows::{self, Extra};
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
pub fn import<'i>(text: &str, options: &Options) -> Result<Imported<'i>, Vec<Note>> {
    let mut b = Builder::default();
    let header = csvrows::header(text).map_err(|n| vec![n])?;
    if let Some(n) = csvrows::unclosed_quote(text) {
        b.problem(n.at, n.message);
    }
    // Where each known column is, in the order of COLUMNS; other columns by name.
    let mut at: Vec<Option<usize>> = vec![None; COLUMNS.len()];
    // Columns no value is read from.
    let mut unknown: Vec<Extra> = Vec::new();
    // Columns named again: the earlier's index, and the name's place in COLUMNS.
    let mut repeated = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        match COLUMNS.iter().position(|c| c.eq_ignore_ascii_case(name)) {
            Some(k) => {
                // The last of a repeated column is read (as the sheet's readers do).
                if let Some(before) = at[k] {
                    repeated.push((before, k));
                }
                at[k] = Some(i);
            }
            None if name.is_empty() => unknown.push(Extra::unnamed(i, "slide")),
            None => unknown.push(Extra::unknown(
                name,
                i,
                "is not a TimelineJS column",
                "slide",
            )),
        }
    }
    for (before, k) in repeated {
        let read = at[k].unwrap_or(before);
        unknown.push(Extra::repeated(COLUMNS[k], before, read, "slide"));
    }
    unknown.sort_by_key(|e| e.at);
    if at[0].is_none() {
        b.problem(
            Some(Pos::line(1)),
            "missing column `Year`: the TimelineJS template's columns are Year, Month, Day, \
             Time, End Year, …, Headline, Text, Media, …, Type, Group, Background",
        );
        return b.finish(String::new(), None, "");
    }
    for e in &unknown {
        b.keep(Some(Pos::line(1)), None, e.note.clone());
    }
    let unknown = unknown.into_iter().map(|e| (e.at, e.name)).collect();
    let sheet = Sheet { at, unknown };
    let mut title = None;
    let mut slides = Vec::new();
    let mut eras = Vec::new();
    csvrows::each_record(text, &mut b, |b, record, pos| {
        let slide = sheet.slide(record, pos, b);
        match sheet.get(record, "Type").to_ascii_lowercase().as_str() {
            "title" if title.is_none() => title = Some(slide),
            "era" => eras.push(slide),
            _ => slides.push(slide),
        }
    })
    .map_err(|n| vec![n])?;
    build(b, title.as_ref(), &slides, &eras, options)
}

/// Where the sheet's columns are.
struct Sheet {
    /// Per entry of [`COLUMNS`], its index in a record.
    at: Vec<Option<usize>>,
    /// Columns no value is read from (not TimelineJS's, without a name, or repeated): index
    /// and what a comment calls it.
    unknown: Vec<(usize, String)>,
}

impl Sheet {
    /// The trimmed value of column `name` (one of [`COLUMNS`]); empty when absent.
    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|k| self.at[k])
            .and_then(|i| record.get(i))
            .map_or("", str::trim)
    }

    /// One row as a slide; problems with its dates reported in `b`.
    fn slide(&self, record: &csv::StringRecord, pos: Pos, b: &mut Builder) -> Slide {
        let get = |name: &str| self.get(record, name).to_string();
        let at = Some(pos);
        let group = get("Group");
        let mut s = Slide {
            at,
            headline: get("Headline"),
            text: get("Text"),
            media: Media {
                url: get("Media"),
                credit: get("Media Credit"),
                caption: get("Media Caption"),
                thumbnail: get("Media Thumbnail"),
            },
            group: if group.is_empty() { get("Tag") } else { group },
            display_date: get("Display Date"),
            background: get("Background"),
            ..Slide::default()
        };
        let alt = get("Alt Text");
        if !alt.is_empty() {
            s.extra.push((at, format!("media alt: {alt}")));
        }
        for (i, name) in &self.unknown {
            if let Some(comment) = record.get(*i).and_then(|v| csvrows::kept(name, v)) {
                s.quiet.push(comment);
            }
        }
        let mut broken = false;
        for (prefix, slot) in [("", &mut s.start), ("End ", &mut s.end)] {
            let cell = |name: &str| self.get(record, &format!("{prefix}{name}"));
            let columns = [cell("Year"), cell("Month"), cell("Day"), cell("Time")];
            match date(columns, prefix) {
                Ok(d) => *slot = d.map(|d| DateIn { at, ..d }),
                Err(problems) => {
                    for m in problems {
                        b.problem(at, m);
                    }
                    broken = true;
                }
            }
        }
        s.broken = broken;
        s
    }
}

/// The date in one row's `Year`, `Month`, `Day` and `Time` columns (`prefix` is `End ` for
/// the end date's); `None` when all four are empty; every problem with them otherwise.
fn date(columns: [&str; 4], prefix: &str) -> Result<Option<DateIn>, Vec<String>> {
    let [year, month, day, time] = columns;
    if columns.iter().all(|v| v.is_empty()) {
        return Ok(None);
    }
    let mut parts = Parts::default();
    let mut problems = Vec::new();
    for (name, text, slot) in [
        ("Year", year, &mut parts.year),
        ("Month", month, &mut parts.month),
        ("Day", day, &mut parts.day),
    ] {
        match dates::part(&format!("{prefix}{name}"), text) {
            Ok(v) => *slot = v,
            Err(m) => problems.push(m),
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
            Err(m) => problems.push(format!("`{prefix}Time`: {m}")),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Some(DateIn {
        at: None,
        parts,
        display: String::new(),
    }))
}
