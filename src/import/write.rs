//! An imported timeline written as RON by the serialiser `export --format ron` uses
//! ([`crate::cli::ronfmt`] over [`crate::model::write::Document`]), with the `//` comments the
//! serialiser cannot write put in by line: the top ones after the first line, each event's
//! before the line that opens it.

use std::io::{self, Write};

use super::Imported;
use crate::cli::ronfmt;
use crate::model::escape::escape_line;
use crate::model::write::Document;

/// The line that opens an event in the serialiser's pretty output: list items of a field of the
/// top-level struct stand at two levels of four spaces. A string cannot make such a line: the
/// serialiser escapes newlines in strings.
const EVENT_LINE: &str = "        Event(";

/// Writes `imported` as a timeline file, comments included.
pub fn write(imported: &Imported, out: &mut impl Write) -> io::Result<()> {
    let t = &imported.timeline;
    let document = Document {
        timeline: t,
        events: &t.events,
        keep: None,
    };
    let mut ron = Vec::with_capacity(t.events.len() * 512 + 4096);
    ronfmt::write(&document, &mut ron)?;
    let ron = String::from_utf8(ron).map_err(io::Error::other)?;
    let (first, rest) = ron.split_once('\n').unwrap_or((&ron, ""));
    out.write_all(first.as_bytes())?;
    out.write_all(b"\n")?;
    let mut by_event: Vec<(usize, &str)> = Vec::new();
    for c in &imported.comments {
        match c.event {
            None => writeln!(out, "// {}", escape_line(&c.text))?,
            Some(e) => by_event.push((e, &c.text)),
        }
    }
    if by_event.is_empty() {
        return out.write_all(rest.as_bytes());
    }
    by_event.sort_by_key(|&(e, _)| e);
    let mut next = by_event.iter().peekable();
    let mut event = 0;
    let mut written = 0;
    let mut at = 0;
    // Each line is looked at once; only event lines with comments cost more.
    while let Some(len) = rest[at..].find('\n') {
        let line = &rest[at..at + len];
        if line == EVENT_LINE {
            if next.peek().is_some_and(|&&(e, _)| e == event) {
                out.write_all(&rest.as_bytes()[written..at])?;
                written = at;
                while let Some(&(_, text)) = next.next_if(|&&(e, _)| e == event) {
                    writeln!(out, "        // {}", escape_line(text))?;
                }
            }
            event += 1;
        }
        at += len + 1;
    }
    out.write_all(&rest.as_bytes()[written..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, Options, import};

    #[test]
    fn comments_land_before_their_event_and_the_file_loads() {
        let json = r#"{"events": [
            {"start_date": {"year": 2025}, "text": {"headline": "One\nline"},
             "display_date": "Summer\u001b[2J"},
            {"start_date": {"year": -500}, "text": {"headline": "Old"}},
            {"start_date": {"year": 2024}, "text": {"headline": "Two"},
             "media": {"url": "https://example.org/a.jpg"}}
        ]}"#;
        let imported = import(Format::TimelineJs, json, &Options::default()).unwrap();
        let mut out = Vec::new();
        write(&imported, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let loaded = crate::model::load_str(&text).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.timeline.events.len(), 2);
        let two = text.find("title: \"Two\"").unwrap();
        let media = text.find("// media https://example.org/a.jpg").unwrap();
        let one = text.find("title: \"One line\"").unwrap();
        let display = text.find("// display date: Summer\\x1b[2J").unwrap();
        assert!(media < two && two < display && display < one, "{text}");
        assert!(
            text.contains("// event 2 `Old` start: the year 500 BC"),
            "{text}"
        );
    }
}
