//! Everything a TimelineJS slide holds, field by field as plain one-line text: for a slide
//! the timeline cannot hold (a year BC), kept whole in comments so that none of it is lost.

use super::dates::Parts;
use super::html::{plain, plain_line};
use super::timelinejs::{DateIn, Slide};
use super::{Builder, Pos};

/// Names `slide` as not imported by `message` (on stderr, and in a comment at the top of the
/// output), and keeps each field it holds in a comment of its own after that one.
pub fn keep_whole(b: &mut Builder, at: Option<Pos>, message: String, slide: &Slide) {
    b.keep(at, None, message);
    for (name, value) in fields(slide) {
        b.remark(format!("  {}", line(name, &value)));
    }
}

/// A field of [`fields`] as a line: `name: value`, or the value alone when it has no name.
#[must_use]
pub fn line(name: &str, value: &str) -> String {
    if name.is_empty() {
        value.to_string()
    } else {
        format!("{name}: {value}")
    }
}

/// The fields `slide` holds (headline, dates, text, media, group, id, the rest), as
/// `(name, value)`: each value
/// one line, HTML made plain with links kept as `label (URL)`, embedded media and other
/// values as given with their spaces collapsed; a text of several lines one entry per line;
/// the media as `URL (credit: …; caption: …)`, or its credit and caption alone without one;
/// a field the readers found no place for (`slide.extra`) with its own words and no name.
/// Empty fields are left out.
#[must_use]
pub fn fields(slide: &Slide) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut put = |name: &'static str, value: String| {
        if !value.is_empty() {
            out.push((name, value));
        }
    };
    put("headline", plain_line(&slide.headline));
    for (name, date) in [("start", &slide.start), ("end", &slide.end)] {
        if let Some(d) = date {
            put(name, parts(&d.parts));
        }
    }
    put("display date", plain_line(&slide.display_date));
    for (name, date) in [
        ("start display date", &slide.start),
        ("end display date", &slide.end),
    ] {
        put(
            name,
            date.as_ref()
                .map_or(String::new(), |d: &DateIn| plain_line(&d.display)),
        );
    }
    for line in plain(&slide.text).lines() {
        put("text", line.to_string());
    }
    let (credit, caption) = (
        plain_line(&slide.media.credit),
        plain_line(&slide.media.caption),
    );
    let url = words(&slide.media.url);
    if url.is_empty() {
        put("media credit", credit);
        put("media caption", caption);
    } else {
        let about: Vec<String> = [("credit", credit), ("caption", caption)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(name, v)| format!("{name}: {v}"))
            .collect();
        if about.is_empty() {
            put("media", url);
        } else {
            put("media", format!("{url} ({})", about.join("; ")));
        }
    }
    put("media thumbnail", words(&slide.media.thumbnail));
    put("group", plain_line(&slide.group));
    put("unique_id", words(&slide.unique_id));
    put("background", words(&slide.background));
    for (_, extra) in &slide.extra {
        put("", words(extra));
    }
    for quiet in &slide.quiet {
        put("", words(quiet));
    }
    out
}

/// Date parts as TimelineJS names them: `year -480, month 9, day 28`.
#[must_use]
pub fn parts(p: &Parts) -> String {
    [
        ("year", p.year),
        ("month", p.month),
        ("day", p.day),
        ("hour", p.hour),
        ("minute", p.minute),
        ("second", p.second),
        ("millisecond", p.millisecond),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.map(|v| format!("{name} {v}")))
    .collect::<Vec<_>>()
    .join(", ")
}

/// `s` on one line, runs of spaces as one.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
