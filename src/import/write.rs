//! An imported timeline written as RON by the writer `export --format ron` uses
//! ([`crate::model::ron_writer`] over [`crate::model::write::Document`]), with its `//`
//! comments: the top ones after the first line, each event's before the line that opens it.

use std::io::{self, Write};

use super::Imported;
use crate::model::ron_writer::{self, Comments};
use crate::model::write::Document;

/// About what an event takes in the output besides its texts: field names, indents, the ids
/// it refers to (an ACLED event's, 400-500 bytes).
const EVENT_ROOM: usize = 640;

/// About how many bytes [`write`] writes of `imported` (a little more, most often): what to
/// reserve in a buffer it is written into, which grown as it is written would be copied into
/// larger and larger allocations (each one's memory touched afresh). What is not used of
/// such a reservation is never touched.
#[must_use]
pub fn size_hint(imported: &Imported<'_>) -> usize {
    let events = imported.timeline().events.len();
    imported.made_len() + events.saturating_mul(EVENT_ROOM)
}

/// Writes `imported` as a timeline file, comments included, to `out`, as it is made (a few
/// megabytes at a time: see [`ron_writer::write_document`]). An error of `out` is returned as
/// it came, the writing stopped there.
pub fn write(imported: &Imported<'_>, out: &mut impl Write) -> io::Result<()> {
    let t = imported.timeline();
    let document = Document {
        timeline: t,
        events: &t.events,
        keep: None,
    };
    let mut comments = Comments {
        list: "events",
        ..Comments::default()
    };
    for c in &imported.comments {
        match c.event {
            None => comments.top.push(&c.text),
            Some(e) => comments.items.push((e, &c.text)),
        }
    }
    // Stable: an event's comments keep the order they were found in.
    comments.items.sort_by_key(|&(e, _)| e);
    ron_writer::write_document(&document, &comments, out)
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
        let mut out = Vec::with_capacity(size_hint(&imported));
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

    /// What import wrote before the writer could write comments: `ron`'s pretty output, with
    /// the comments put in by line (the top ones after the first line, each event's before
    /// the line that opens it).
    fn by_line(imported: &Imported<'_>) -> String {
        use std::fmt::Write as _;

        use crate::model::escape::escape_line;
        let t = imported.timeline();
        let document = Document {
            timeline: t,
            events: &t.events,
            keep: None,
        };
        let config = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        let ron = ron::ser::to_string_pretty(&document, config).unwrap() + "\n";
        let (first, rest) = ron.split_once('\n').unwrap();
        let mut out = format!("{first}\n");
        for c in imported.comments.iter().filter(|c| c.event.is_none()) {
            let _ = writeln!(out, "// {}", escape_line(&c.text));
        }
        let mut event = 0;
        for line in rest.split_inclusive('\n') {
            if line == "        Event(\n" {
                for c in imported.comments.iter().filter(|c| c.event == Some(event)) {
                    let _ = writeln!(out, "        // {}", escape_line(&c.text));
                }
                event += 1;
            }
            out += line;
        }
        out
    }

    #[test]
    fn the_output_is_ron_s_with_the_comments_put_in_by_line() {
        let json = r##"{"title": {"text": {"headline": "T\u001b[2J"}}, "events": [
            {"start_date": {"year": 2025}, "text": {"headline": "One"},
             "display_date": "Summer", "background": {"color": "#fff"}},
            {"start_date": {"year": 2024}, "text": {"headline": "Two \u2028 'q' \"d\""},
             "media": {"url": "https://example.org/a.jpg"}},
            {"start_date": {"year": 2023}, "text": {"headline": "Three"}}
        ], "extra": 1}"##;
        let csv = "event_id_cnty,event_date,event_type,actor1,source,notes,iso\n\
                   UKR1,2025-07-23,Battles,A \u{1b}x,Outlet; Other,\"said \"\"x\"\"\",804\n\
                   UKR1,23 July 2025,Protests,B,Outlet,,804\n";
        let inputs = [(Format::TimelineJs, json), (Format::Acled, csv)];
        for (format, input) in inputs {
            let imported = import(format, input, &Options::default()).unwrap();
            assert!(!imported.comments.is_empty());
            let mut out = Vec::new();
            write(&imported, &mut out).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), by_line(&imported));
        }
    }
}
