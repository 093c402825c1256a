//! The TimelineJS3 document of `export --format timelinejs`: one slide per event, its dates as
//! parts at exactly the precision the file gives, its text as HTML (the summary, then each
//! quote in quotation marks and each claim without them, every one with its citation, and
//! the outlet when its source has no URL to show as media, every outlet when it cites
//! several), rounds with a start as eras. Every text from the file is HTML-escaped.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Timelike};
use serde_json::{Map, Value, json};

use crate::model::{Precision, Timeline, When};
use crate::query::statement::Kind;
use crate::query::{Filter, Index, StatementRef};

use super::citation::citation;

/// The document for the events at `positions` (timeline order), with in each only the quotes
/// and claims `filter` keeps when it asks about statements, every one otherwise.
#[must_use]
pub fn document(t: &Timeline<'_>, index: &Index, positions: &[u32], filter: &Filter) -> Value {
    let keep_all = !filter.selects_statements();
    let mut title_text = Map::new();
    title_text.insert("headline".into(), Value::String(html(&t.title)));
    if let Some(summary) = &t.summary {
        title_text.insert("text".into(), Value::String(paragraphs(summary)));
    }
    let events: Vec<Value> = positions
        .iter()
        .map(|&pos| {
            let keep = |at: StatementRef| keep_all || filter.keeps_statement(t, index, at);
            slide(t, index, pos, &keep)
        })
        .collect();
    let eras: Vec<Value> = t
        .rounds
        .iter()
        .filter_map(|r| {
            // An era needs both dates; a round without an end lasts its start's period.
            let start = r.start.as_ref()?;
            let end = r.end.as_ref().unwrap_or(start);
            Some(json!({
                "start_date": parts(start),
                "end_date": parts(end),
                "text": { "headline": html(&r.name()) },
                // Not read by TimelineJS; `import timelinejs` keeps the round's number by it.
                "unique_id": format!("round-{}", r.number.value),
            }))
        })
        .collect();
    let mut doc = Map::new();
    doc.insert("title".into(), json!({ "text": title_text }));
    doc.insert("events".into(), Value::Array(events));
    if !eras.is_empty() {
        doc.insert("eras".into(), Value::Array(eras));
    }
    Value::Object(doc)
}

/// One event as a TimelineJS slide.
fn slide(t: &Timeline<'_>, index: &Index, pos: u32, keep: &dyn Fn(StatementRef) -> bool) -> Value {
    let e = &t.events[pos as usize];
    let mut s = Map::new();
    s.insert("unique_id".into(), Value::String(e.id.value.to_string()));
    s.insert("start_date".into(), parts(&e.when));
    if let Some(end) = &e.end {
        s.insert("end_date".into(), parts(end));
    }
    // TimelineJS has no time zones: the parts are the clock time as written, so the date it
    // shows says the offset.
    let timed = |w: &When<'_>| w.offset.is_some();
    if timed(&e.when) || e.end.as_deref().is_some_and(timed) {
        let shown = match &e.end {
            Some(end) => format!("{} to {}", e.when.display(), end.display()),
            None => e.when.display(),
        };
        s.insert("display_date".into(), Value::String(html(&shown)));
    }
    let mut text = String::new();
    if let Some(summary) = &e.summary {
        text.push_str(&paragraphs(summary));
    }
    if let Some(location) = &e.location {
        let _ = write!(text, "<p>Location: {}</p>", html(location));
    }
    for at in Index::statements_of(pos, e) {
        if !keep(at) {
            continue;
        }
        // The citation as the browser copies it: the words (a quote in quotation marks, a
        // claim never), then `— who · outlet, “headline”, date · channel · via · URL`.
        let cited = citation(t, index, at);
        let cited = cited.trim_end_matches('\n');
        let (words, cite) = cited.rsplit_once("\n— ").unwrap_or((cited, ""));
        let class = match at.kind() {
            Kind::Quote => "quote",
            Kind::Claim => "claim",
        };
        let _ = write!(
            text,
            "<p class=\"{class}\">{}<br><small>— {}</small></p>",
            lines(words),
            html(cite)
        );
    }
    if let Some(first) = e.sources.first() {
        let source = t.source(first);
        let mut media = Map::new();
        let url = source.url.as_deref().filter(|u| !u.trim().is_empty());
        if let Some(url) = url {
            media.insert("url".into(), Value::String(url.to_string()));
        }
        // The media shows the first source alone, and TimelineJS shows it (with its credit)
        // only when it has a URL: the text names every outlet, each linked to its page when it
        // has a web address, when the media cannot stand for them.
        if url.is_none() || e.sources.len() > 1 {
            let named: Vec<String> = e
                .sources
                .iter()
                .map(|r| {
                    let source = t.source(r);
                    match source.url.as_deref().map(str::trim).filter(|u| is_web(u)) {
                        Some(url) => {
                            format!("<a href=\"{}\">{}</a>", html(url), html(&source.outlet))
                        }
                        None => html(&source.outlet),
                    }
                })
                .collect();
            let label = if named.len() == 1 {
                "Source"
            } else {
                "Sources"
            };
            let _ = write!(
                text,
                "<p class=\"source\">{label}: {}</p>",
                named.join(", ")
            );
        }
        // Kept without a URL too: `import timelinejs` makes the credit the event's source.
        media.insert("credit".into(), Value::String(html(&source.outlet)));
        s.insert("media".into(), Value::Object(media));
    }
    s.insert(
        "text".into(),
        json!({ "headline": html(&e.title), "text": text }),
    );
    if let Some(r) = &e.round {
        s.insert(
            "group".into(),
            Value::String(html(&t.rounds[r.target as usize].name())),
        );
    }
    Value::Object(s)
}

/// A `when` as TimelineJS date parts, at its precision: a year alone gives only `year`; a time
/// of day gives the clock time in the value's own offset.
fn parts(w: &When<'_>) -> Value {
    let mut p = Map::new();
    let offset = i64::from(w.offset.unwrap_or(0));
    let Some(local) = DateTime::from_timestamp(w.instant + offset, 0).map(|d| d.naive_utc()) else {
        // `When::parse` accepts only years 0000 to 9999, all of which chrono holds.
        p.insert(
            "year".into(),
            Value::String(w.raw.get(..4).unwrap_or("").into()),
        );
        return Value::Object(p);
    };
    p.insert("year".into(), json!(local.year()));
    if w.precision >= Precision::Month {
        p.insert("month".into(), json!(local.month()));
    }
    if w.precision >= Precision::Day {
        p.insert("day".into(), json!(local.day()));
    }
    if w.precision >= Precision::Minute {
        p.insert("hour".into(), json!(local.hour()));
        p.insert("minute".into(), json!(local.minute()));
    }
    if w.precision >= Precision::Second {
        // A leap second counts its second past `:59` in `nanos`.
        let second = if w.nanos >= 1_000_000_000 {
            60
        } else {
            local.second()
        };
        p.insert("second".into(), json!(second));
        // A fraction of a second, as TimelineJS holds it (and `import timelinejs` reads it).
        let fraction = w.nanos % 1_000_000_000;
        if fraction > 0 {
            p.insert("millisecond".into(), json!(fraction / 1_000_000));
        }
    }
    Value::Object(p)
}

/// True for an address a link may lead to: a web page (`http:`, `https:`), never a
/// `javascript:` one.
fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Text made safe inside HTML, attributes included: `& < > " '` as entities.
#[must_use]
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks as `<br>`.
fn lines(s: &str) -> String {
    s.lines().map(html).collect::<Vec<_>>().join("<br>")
}

/// Free text as paragraphs: blank lines separate them, single line breaks stay.
fn paragraphs(s: &str) -> String {
    let mut out = String::new();
    for p in s.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = write!(out, "<p>{}</p>", lines(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    #[test]
    fn every_html_special_character_is_escaped() {
        assert_eq!(
            html(r#"<b>&"x"'y'</b>"#),
            "&lt;b&gt;&amp;&quot;x&quot;&#39;y&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn parts_keep_the_precision_and_the_clock_time_as_written() {
        let text = r#"Timeline(title: "t", sources: [], participants: [], events: [
            Event(id: "y", when: "2025", title: "Y"),
            Event(id: "m", when: "2025-07", title: "M"),
            Event(id: "d", when: "2025-07-23", title: "D"),
            Event(id: "h", when: "2025-07-23T01:30+03:00", title: "H"),
            Event(id: "s", when: "2016-12-31T23:59:60Z", title: "S"),
        ])"#;
        let t = load_str(text).unwrap().timeline;
        // Events are kept in timeline order: the leap second of 2016 comes first.
        let of = |id: &str| parts(&t.events.iter().find(|e| e.id.value == id).unwrap().when);
        let got: Vec<Value> = ["y", "m", "d", "h", "s"].into_iter().map(of).collect();
        assert_eq!(got[0], json!({"year": 2025}));
        assert_eq!(got[1], json!({"year": 2025, "month": 7}));
        assert_eq!(got[2], json!({"year": 2025, "month": 7, "day": 23}));
        assert_eq!(
            got[3],
            json!({"year": 2025, "month": 7, "day": 23, "hour": 1, "minute": 30})
        );
        assert_eq!(
            got[4],
            json!({"year": 2016, "month": 12, "day": 31, "hour": 23, "minute": 59, "second": 60})
        );
    }
}
