//! `import timelinejs`: a TimelineJS3 JSON document; and the slides both TimelineJS readers
//! (this one and the sheet's, [`super::timelinejs_csv`]) find, made into a timeline.
//!
//! Each JSON value keeps where it stands (`serde_json`'s `RawValue` borrows it from the text),
//! so every problem is reported at its `LINE:COL`.

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use super::dates::{self, DateError, Parts};
use super::html::{embedded_src, label_line, plain, plain_line};
use super::slide_fields::{self, keep_whole};
use super::{
    Builder, Imported, Note, Options, Pos, RoundDraft, event, file_outlet, title_from_name,
};
use crate::model::diag::LineIndex;

/// A date as a slide gives it.
#[derive(Debug, Clone, Default)]
pub struct DateIn {
    /// Where it stands in the input.
    pub at: Option<Pos>,
    /// Its parts.
    pub parts: Parts,
    /// TimelineJS's `display_date` inside the date, if any.
    pub display: String,
}

/// The media of a slide, as given (HTML in credit and caption).
#[derive(Debug, Clone, Default)]
pub struct Media {
    /// A URL, or HTML to embed (a blockquote, an iframe).
    pub url: String,
    /// Who the media is credited to.
    pub credit: String,
    /// Its caption.
    pub caption: String,
    /// A thumbnail image URL.
    pub thumbnail: String,
}

/// One TimelineJS slide (an event, an era, or the title), as either reader finds it.
#[derive(Debug, Clone, Default)]
pub struct Slide {
    /// Where it starts in the input.
    pub at: Option<Pos>,
    /// `start_date`; `None` when absent.
    pub start: Option<DateIn>,
    /// `end_date`.
    pub end: Option<DateIn>,
    /// True when a date of it was malformed and reported already.
    pub broken: bool,
    /// `text.headline`, HTML.
    pub headline: String,
    /// `text.text`, HTML.
    pub text: String,
    /// `media`.
    pub media: Media,
    /// `group`: becomes a tag.
    pub group: String,
    /// `unique_id`: becomes the event id.
    pub unique_id: String,
    /// `display_date`.
    pub display_date: String,
    /// `background` (a colour or an image URL).
    pub background: String,
    /// Entries no field of the timeline holds, each with where it stands: kept as comments.
    pub extra: Vec<(Option<Pos>, String)>,
    /// Comments that need no note of their own: a row's values of the sheet's columns that a
    /// note named once for every row.
    pub quiet: Vec<String>,
}

/// Reads a TimelineJS3 JSON document.
pub fn import<'i>(text: &str, options: &Options) -> Result<Imported<'i>, Vec<Note>> {
    let json = Json {
        text,
        lines: LineIndex::new(text),
    };
    let mut b = Builder::default();
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(e) => {
            let message = if e.is_data() {
                "expected a JSON object with `events` (a TimelineJS3 document)".to_string()
            } else {
                format!("not JSON: {}", serde_message(&e))
            };
            return Err(vec![Note {
                at: Some(Pos {
                    line: e.line().max(1),
                    col: Some(e.column().max(1)),
                }),
                message,
            }]);
        }
    };
    // roundtable's own JSON (`export --format json`) needs no import: `participants` is no
    // TimelineJS field.
    if top.contains_key("participants")
        && top
            .get("events")
            .is_some_and(|e| e.get().contains("\"when\""))
    {
        return Err(vec![Note {
            at: Some(Pos {
                line: 1,
                col: Some(1),
            }),
            message: "this is a roundtable timeline as `export --format json` writes it, not a \
                      TimelineJS document: roundtable reads it as it is (`roundtable FILE`, \
                      `roundtable check FILE`)"
                .to_string(),
        }]);
    }
    // Older documents wrap everything in `{"timeline": {…}}`.
    let top = match (top.get("events"), top.get("timeline")) {
        (None, Some(inner)) => match json.object(inner, "timeline") {
            Ok(inner) => inner,
            Err(n) => return Err(vec![n]),
        },
        _ => top,
    };
    let mut slides = Vec::new();
    let mut eras = Vec::new();
    let mut title = None;
    for (key, value) in &top {
        match key.as_str() {
            "events" => slides = json.slides(value, "events", &mut b),
            "eras" => eras = json.slides(value, "eras", &mut b),
            "title" => title = json.slide(value, &mut b),
            "scale" if json.string(value).is_ok_and(|s| s == "cosmological") => b.keep(
                Some(json.pos(value)),
                None,
                "`scale` is `cosmological`: years beyond 0000–9999 cannot be written",
            ),
            other => b.keep(
                Some(json.pos(value)),
                None,
                format!(
                    "TimelineJS field `{other}` is not imported: {}",
                    short(value.get())
                ),
            ),
        }
    }
    if !top.contains_key("events") {
        b.problem(
            Some(Pos {
                line: 1,
                col: Some(1),
            }),
            "no `events`: a TimelineJS3 document lists its slides in `events`",
        );
    }
    build(b, title.as_ref(), &slides, &eras, options)
}

/// The first 60 characters of a raw value, for a comment.
fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 60 {
        format!("{}…", one.chars().take(60).collect::<String>())
    } else {
        one
    }
}

/// `serde_json`'s message without its ` at line L column C` (the position is ours to write).
fn serde_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

/// The text and its line index, to place values.
struct Json<'t> {
    text: &'t str,
    lines: LineIndex<'t>,
}

impl Json<'_> {
    fn pos(&self, raw: &RawValue) -> Pos {
        // A RawValue read from `text` borrows from it: its address says where it stands.
        let at = (raw.get().as_ptr() as usize)
            .saturating_sub(self.text.as_ptr() as usize)
            .min(self.text.len());
        let (line, col) = self.lines.line_col(at);
        Pos {
            line,
            col: Some(col),
        }
    }

    fn object<'r>(
        &self,
        raw: &'r RawValue,
        what: &str,
    ) -> Result<BTreeMap<String, &'r RawValue>, Note> {
        serde_json::from_str(raw.get()).map_err(|_| Note {
            at: Some(self.pos(raw)),
            message: format!("`{what}` should be an object {{…}}"),
        })
    }

    /// A string, a number as written, or empty for `null`.
    fn string(&self, raw: &RawValue) -> Result<String, Note> {
        match serde_json::from_str::<serde_json::Value>(raw.get()) {
            Ok(serde_json::Value::String(s)) => Ok(s),
            Ok(serde_json::Value::Number(n)) => Ok(n.to_string()),
            Ok(serde_json::Value::Null) => Ok(String::new()),
            _ => Err(Note {
                at: Some(self.pos(raw)),
                message: format!("expected text, found {}", short(raw.get())),
            }),
        }
    }

    fn text_field(&self, raw: &RawValue, b: &mut Builder) -> String {
        self.string(raw).unwrap_or_else(|n| {
            b.problem(n.at, n.message);
            String::new()
        })
    }

    fn slides(&self, raw: &RawValue, what: &str, b: &mut Builder) -> Vec<Slide> {
        if let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
            list.into_iter().filter_map(|s| self.slide(s, b)).collect()
        } else {
            b.problem(
                Some(self.pos(raw)),
                format!("`{what}` should be a list [ … ]"),
            );
            Vec::new()
        }
    }

    fn slide(&self, raw: &RawValue, b: &mut Builder) -> Option<Slide> {
        let fields = match self.object(raw, "a slide") {
            Ok(f) => f,
            Err(n) => {
                b.problem(n.at, n.message);
                return None;
            }
        };
        let mut s = Slide {
            at: Some(self.pos(raw)),
            ..Slide::default()
        };
        for (key, value) in &fields {
            match key.as_str() {
                "start_date" => {
                    s.start = self.date(value, key, &mut s.broken, &mut s.extra, b);
                }
                "end_date" => s.end = self.date(value, key, &mut s.broken, &mut s.extra, b),
                "text" => match self.object(value, "text") {
                    Ok(t) => {
                        for (k, v) in &t {
                            match k.as_str() {
                                "headline" => s.headline = self.text_field(v, b),
                                "text" => s.text = self.text_field(v, b),
                                _ => s.extra.push(self.unknown("text", k, v)),
                            }
                        }
                    }
                    Err(n) => b.problem(n.at, n.message),
                },
                "media" => match self.object(value, "media") {
                    Ok(m) => {
                        for (k, v) in &m {
                            match k.as_str() {
                                "url" => s.media.url = self.text_field(v, b),
                                "credit" => s.media.credit = self.text_field(v, b),
                                "caption" => s.media.caption = self.text_field(v, b),
                                "thumbnail" => s.media.thumbnail = self.text_field(v, b),
                                // How TimelineJS links and labels media: no field holds it.
                                "alt" | "title" | "link" | "link_target" => {
                                    self.presentation(&mut s.extra, &format!("media {k}"), v);
                                }
                                _ => s.extra.push(self.unknown("media", k, v)),
                            }
                        }
                    }
                    Err(n) => b.problem(n.at, n.message),
                },
                "group" => s.group = self.text_field(value, b),
                "unique_id" => s.unique_id = self.text_field(value, b),
                "display_date" => s.display_date = self.text_field(value, b),
                "background" => s.background = short(value.get()),
                // How TimelineJS links words: no field holds it.
                "autolink" => self.presentation(&mut s.extra, key, value),
                // Which slide type it is: an era is read from `eras` already.
                "type" => {}
                _ => s.extra.push(self.unknown("slide", key, value)),
            }
        }
        Some(s)
    }

    fn unknown(&self, within: &str, key: &str, value: &RawValue) -> (Option<Pos>, String) {
        (
            Some(self.pos(value)),
            format!(
                "TimelineJS {within} field `{key}` is not imported: {}",
                short(value.get())
            ),
        )
    }

    /// A field only of how TimelineJS shows the slide, kept (when not empty) in `extra` as
    /// `{name}: value`.
    fn presentation(&self, extra: &mut Vec<(Option<Pos>, String)>, name: &str, value: &RawValue) {
        let text = self
            .string(value)
            .unwrap_or_else(|_| value.get().to_string());
        let text = short(&text);
        if !text.is_empty() {
            extra.push((Some(self.pos(value)), format!("{name}: {text}")));
        }
    }

    fn date(
        &self,
        raw: &RawValue,
        what: &str,
        broken: &mut bool,
        extra: &mut Vec<(Option<Pos>, String)>,
        b: &mut Builder,
    ) -> Option<DateIn> {
        if raw.get() == "null" {
            return None;
        }
        let fields = match self.object(raw, what) {
            Ok(f) => f,
            Err(n) => {
                b.problem(n.at, n.message);
                *broken = true;
                return None;
            }
        };
        let mut d = DateIn {
            at: Some(self.pos(raw)),
            ..DateIn::default()
        };
        for (key, value) in &fields {
            let slot = match key.as_str() {
                "year" => &mut d.parts.year,
                "month" => &mut d.parts.month,
                "day" => &mut d.parts.day,
                "hour" => &mut d.parts.hour,
                "minute" => &mut d.parts.minute,
                "second" => &mut d.parts.second,
                "millisecond" => &mut d.parts.millisecond,
                "display_date" => {
                    d.display = self.text_field(value, b);
                    continue;
                }
                // How TimelineJS formats the date for display: no field holds it.
                "format" | "format_short" => {
                    self.presentation(extra, &format!("{what} {key}"), value);
                    continue;
                }
                _ => {
                    b.problem(
                        Some(self.pos(value)),
                        format!("`{what}` has no part `{key}`: expected year, month, day, hour, minute, second, millisecond or display_date"),
                    );
                    *broken = true;
                    continue;
                }
            };
            let parsed = self.string(value).and_then(|t| {
                dates::part(key, &t).map_err(|m| Note {
                    at: Some(self.pos(value)),
                    message: m,
                })
            });
            match parsed {
                Ok(v) => *slot = v,
                Err(n) => {
                    b.problem(n.at, n.message);
                    *broken = true;
                }
            }
        }
        Some(d)
    }
}

/// The date of a slide, or why there is none: a problem reported, or an entry kept.
fn date_of(
    b: &mut Builder,
    d: &DateIn,
    zone: Option<dates::Zone>,
    what: &str,
) -> Result<dates::Dated, Option<String>> {
    match dates::when(&d.parts, zone) {
        Ok(dated) => {
            if dated.cut {
                b.cut_time();
            }
            Ok(dated)
        }
        Err(DateError::Bad(m)) => {
            b.problem(d.at, format!("{what}: {m}"));
            Err(None)
        }
        Err(DateError::Unrepresentable(m)) => Err(Some(format!("{what}: {m}"))),
    }
}

/// The title of an event: its headline (as [`name_and_links`] gives it), or the start of its
/// text, or its display date; never empty.
fn event_title(s: &Slide, headline: String, summary: Option<&str>, n: usize) -> String {
    if !headline.is_empty() {
        return headline;
    }
    if let Some(first) = summary.and_then(|t| t.lines().next()) {
        let mut words = String::new();
        for w in first.split_whitespace() {
            if words.chars().count() + w.chars().count() > 80 {
                words.push('…');
                break;
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(w);
        }
        if !words.is_empty() {
            return words;
        }
    }
    let display = plain_line(&s.display_date);
    if display.is_empty() {
        format!("Event {n}")
    } else {
        display
    }
}

/// `html` as a name on one line (a headline, a group), each link as its words; and for each
/// link a comment keeping where it leads (`{what} link: label (URL)`), so that none is lost.
fn name_and_links(html: &str, what: &str) -> (String, Vec<String>) {
    let (name, links) = label_line(html);
    let kept = links
        .iter()
        .map(|l| format!("{what} link: {}", l.text()))
        .collect();
    (name, kept)
}

/// Kinds of media that are a file to show, not a publication to cite.
const MEDIA_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "mp3", "m4a", "wav",
    "ogg", "oga", "mp4", "m4v", "webm", "mov", "avi", "mkv",
];

/// Hosts whose pages are players or galleries rather than reports.
const MEDIA_HOSTS: &[&str] = &[
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "soundcloud.com",
    "spotify.com",
    "flickr.com",
    "instagram.com",
    "imgur.com",
    "giphy.com",
    "upload.wikimedia.org",
    "i.redd.it",
    "pbs.twimg.com",
];

/// The host of a web URL (`www.` dropped), or `None` for anything that is not one.
fn host(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.contains(char::is_whitespace)).then(|| host.to_string())
}

/// True for a web URL that is a media file or player page.
fn is_media_file(url: &str, host: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    let ext = path
        .rsplit('/')
        .next()
        .and_then(|f| f.rsplit_once('.'))
        .map(|(_, e)| e);
    ext.is_some_and(|e| MEDIA_EXTENSIONS.contains(&e))
        || MEDIA_HOSTS
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

/// The source a slide's media names, if any, keeping what is not one as a comment: media
/// that is no page to cite (with its caption), and the links of the credit and caption that
/// no source holds.
fn media_source(
    b: &mut Builder,
    m: &Media,
    ix: usize,
    at: Option<Pos>,
) -> Option<crate::model::Ref> {
    let url = m.url.trim();
    let (credit, mut credit_links) = label_line(&m.credit);
    let mut kept = Vec::new();
    let mut source = None;
    match host(url) {
        Some(h) if !is_media_file(url, &h) => {
            let (caption, caption_links) = name_and_links(&m.caption, "media caption");
            let outlet = if credit.is_empty() { h } else { credit.clone() };
            let title = (!caption.is_empty()).then_some(caption.as_str());
            source = Some(b.source(&outlet, Some(url), title));
            kept.extend(caption_links);
        }
        _ => {
            // No page for the caption to title: it stays with what it captions.
            let caption = plain_line(&m.caption);
            if !url.is_empty() {
                let what = if host(url).is_some() {
                    format!("media {url}")
                } else {
                    // HTML to embed: where it loads from (the `src`), and its text shortened,
                    // or the HTML itself when it has none (an `<iframe>`).
                    let text = short(&plain_line(url));
                    match embedded_src(url) {
                        Some(src) if text.is_empty() => {
                            format!("embedded media {src} ({})", short(url))
                        }
                        Some(src) => format!("embedded media {src} ({text})"),
                        None => format!("embedded media {text}"),
                    }
                };
                let caption = if caption.is_empty() {
                    String::new()
                } else {
                    format!(" (caption: {caption})")
                };
                kept.push(format!("{what} is not a source{caption}"));
            } else if !caption.is_empty() {
                kept.push(format!("media caption: {caption}"));
            }
            if !credit.is_empty() {
                // The credit's first link to a web page is the source's page.
                let page = credit_links
                    .iter()
                    .position(|l| host(&l.url).is_some())
                    .map(|i| credit_links.remove(i).url);
                source = Some(b.source(&credit, page.as_deref(), None));
            }
        }
    }
    kept.extend(
        credit_links
            .iter()
            .map(|l| format!("media credit link: {}", l.text())),
    );
    let thumbnail = m.thumbnail.trim();
    if !thumbnail.is_empty() {
        kept.push(format!("thumbnail {thumbnail} is not a source"));
    }
    for k in kept {
        b.keep(at, Some(ix), k);
    }
    source
}

/// The timeline the slides describe: events from `slides`, rounds from `eras` (numbered in
/// date order), the title from `title`.
pub fn build<'i>(
    mut b: Builder<'static>,
    title: Option<&Slide>,
    slides: &[Slide],
    eras: &[Slide],
    options: &Options,
) -> Result<Imported<'i>, Vec<Note>> {
    let zone = options.zone;
    for (i, slide) in slides.iter().enumerate() {
        add_slide(&mut b, slide, i + 1, zone);
    }
    for (i, era) in eras.iter().enumerate() {
        add_era(&mut b, era, i + 1, zone);
    }
    let (title_text, summary) = match title {
        Some(t) => {
            let (headline, links) = name_and_links(&t.headline, "title");
            for link in links {
                b.keep(t.at, None, link);
            }
            // The title is its headline and the summary its text; the rest has no place.
            for (name, value) in slide_fields::fields(t) {
                if !matches!(name, "headline" | "text") {
                    b.keep(
                        t.at,
                        None,
                        format!("title slide {}", slide_fields::line(name, &value)),
                    );
                }
            }
            let summary = plain(&t.text);
            (headline, (!summary.is_empty()).then_some(summary))
        }
        None => (String::new(), None),
    };
    let title_text = if title_text.is_empty() {
        title_from_name(&options.name)
    } else {
        title_text
    };
    b.finish(title_text, summary, &file_outlet(&options.name))
}

/// An era (the `n`th) as a round.
fn add_era(b: &mut Builder, era: &Slide, n: usize, zone: Option<dates::Zone>) {
    if era.broken {
        return;
    }
    let what = format!("era {n}");
    let (name, links) = name_and_links(&era.headline, &format!("{what} headline"));
    let Some(start) = &era.start else {
        b.problem(era.at, format!("{what} has no `start_date`"));
        return;
    };
    let start = match date_of(b, start, zone, &what) {
        Ok(d) => d.when,
        Err(kept) => {
            if let Some(m) = kept {
                let message = format!("{m}; the era `{name}` is not imported");
                keep_whole(b, era.at, message, era);
            }
            return;
        }
    };
    let end = match &era.end {
        None => None,
        Some(end) => match date_of(b, end, zone, &format!("{what} end")) {
            // Ending when it starts, it lasts its start's period, as a round without an end.
            Ok(d) if d.when.raw == start.raw => None,
            Ok(d) if d.when.ends() > start.begins() => Some(d.when),
            Ok(d) => {
                b.keep(
                    era.at,
                    None,
                    format!(
                        "era `{name}` ends ({}) before it starts; its end is left out",
                        d.when.raw
                    ),
                );
                None
            }
            Err(kept) => {
                if let Some(m) = kept {
                    let parts = slide_fields::parts(&end.parts);
                    b.keep(era.at, None, format!("{m}; the end ({parts}) is left out"));
                }
                None
            }
        },
    };
    let number = era
        .unique_id
        .strip_prefix("round-")
        .and_then(|n| n.parse::<u64>().ok())
        .filter(|&n| n > 0);
    for link in links {
        b.keep(era.at, None, link);
    }
    // A round is a title and dates (and the number an id of `round-N` asks for): the rest of
    // the era, its text above all, has no place in one.
    for (field, value) in slide_fields::fields(era) {
        let used = match field {
            "headline" | "start" | "end" => true,
            "unique_id" => number.is_some(),
            _ => false,
        };
        if !used {
            let line = slide_fields::line(field, &value);
            b.keep(era.at, None, format!("{what} `{name}` {line}"));
        }
    }
    b.add_round(RoundDraft {
        title: (!name.is_empty()).then_some(name),
        start,
        end,
        number,
        at: era.at,
    });
}

fn add_slide(b: &mut Builder, slide: &Slide, n: usize, zone: Option<dates::Zone>) {
    if slide.broken {
        return;
    }
    let (headline, headline_links) = name_and_links(&slide.headline, "headline");
    let what = if headline.is_empty() {
        format!("event {n}")
    } else {
        format!("event {n} `{headline}`")
    };
    let Some(start) = &slide.start else {
        b.problem(
            slide.at,
            format!("{what} has no `start_date` (a year at least)"),
        );
        return;
    };
    let dated = match date_of(b, start, zone, &format!("{what} start")) {
        Ok(d) => d,
        Err(kept) => {
            if let Some(m) = kept {
                keep_whole(
                    b,
                    start.at,
                    format!("{m}; the event is not imported"),
                    slide,
                );
            }
            return;
        }
    };
    let end = match &slide.end {
        None => Ok(None),
        Some(end) => date_of(b, end, zone, &format!("{what} end"))
            .map(|d| Some(d.when))
            .map_err(|kept| kept.map(|m| (m, slide_fields::parts(&end.parts)))),
    };
    if b.has_problems() {
        // Keep looking for problems, but build nothing more.
        return;
    }
    let summary = plain(&slide.text);
    let summary = (!summary.is_empty()).then_some(summary);
    let (id, renamed) = b.event_id(Some(&slide.unique_id), n);
    let title = event_title(slide, headline, summary.as_deref(), n);
    let mut ev = event(id, dated.when, title);
    ev.summary = summary.map(Into::into);
    let (group, group_links) = name_and_links(&slide.group, "group");
    if !group.is_empty() {
        ev.tags = Box::new([group.into()]);
    }
    let ix = b.add_event(ev);
    let mut comments: Vec<(Option<Pos>, String)> = Vec::new();
    if let Some(r) = renamed {
        comments.push((slide.at, r));
    }
    for link in headline_links.into_iter().chain(group_links) {
        comments.push((slide.at, link));
    }
    match end {
        Ok(Some(end)) => {
            let start = &b.events[ix].when;
            if end.raw == start.raw {
                // The same period twice: nothing to keep.
            } else if end.ends() > start.begins() {
                b.events[ix].end = Some(Box::new(end));
            } else {
                comments.push((
                    slide.at,
                    format!("end date {} is before the start; left out", end.raw),
                ));
            }
        }
        Ok(None) => {}
        Err(kept) => {
            if let Some((m, parts)) = kept {
                comments.push((slide.at, format!("{m}; the end ({parts}) is left out")));
            }
        }
    }
    for display in [&slide.display_date, &start.display] {
        let d = plain_line(display);
        if !d.is_empty() {
            comments.push((slide.at, format!("display date: {d}")));
        }
    }
    if let Some(d) = slide.end.as_ref().map(|e| plain_line(&e.display))
        && !d.is_empty()
    {
        comments.push((slide.at, format!("end display date: {d}")));
    }
    if !slide.background.trim().is_empty() && slide.background.trim() != "\"\"" {
        comments.push((slide.at, format!("background: {}", slide.background.trim())));
    }
    comments.extend(slide.extra.iter().cloned());
    for (at, c) in comments {
        b.keep(at, Some(ix), c);
    }
    slide.quiet.iter().for_each(|c| b.comment(ix, c.clone()));
    if let Some(src) = media_source(b, &slide.media, ix, slide.at) {
        let e = &mut b.events[ix];
        e.sources = e.sources.iter().copied().chain([src]).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_files_are_told_from_pages() {
        let is = |u: &str| is_media_file(u, &host(u).unwrap());
        assert!(is("https://upload.wikimedia.org/a/b.jpg"));
        assert!(is("https://www.youtube.com/watch?v=x"));
        assert!(is("https://example.org/photo.PNG?w=300"));
        assert!(!is(
            "https://www.reuters.com/world/europe/talks-2025-07-23/"
        ));
        assert_eq!(
            host("https://www.reuters.com/x").as_deref(),
            Some("reuters.com")
        );
        assert_eq!(host("<blockquote>x</blockquote>"), None);
    }
}
