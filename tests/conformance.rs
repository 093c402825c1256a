//! Our hand-written reader against the `ron` crate: on the same text, the same values.
//!
//! The mirror structs below are FORMAT.md's records as serde sees them (`deny_unknown_fields`,
//! optional fields as `Option`), read by ron 0.12 with `implicit_some`, as FORMAT.md says the
//! loader reads. Every file our loader accepts, ron must accept with every field equal; every
//! piece of broken syntax, both must reject. Our loader rejects more than ron on purpose
//! (references, `when` values, empty names, duplicates), so only "ours accepts ⇒ ron agrees"
//! holds, never the converse.
//!
//! Where ron accepts what the format does not, ours keeps rejecting; see `ron_only`.

use std::fmt::Debug;
use std::fs;

use roundtable::model::{self, Timeline, diag::render};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Timeline")]
struct RTimeline {
    title: String,
    summary: Option<String>,
    sources: Vec<RSource>,
    participants: Vec<RParticipant>,
    rounds: Option<Vec<RRound>>,
    events: Vec<REvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Source")]
struct RSource {
    id: String,
    outlet: String,
    title: Option<String>,
    published: Option<String>,
    url: Option<String>,
    byline: Option<Vec<String>>,
    kind: Option<RSourceKind>,
    republishes: Option<String>,
    language: Option<String>,
}

#[derive(Deserialize, Debug, Default)]
enum RSourceKind {
    #[default]
    Article,
    LiveFeed,
    Wire,
    Broadcast,
    Statement,
    Other,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Participant")]
struct RParticipant {
    id: String,
    name: String,
    aliases: Option<Vec<String>>,
    role: Option<String>,
    side: Option<String>,
    kind: Option<RParticipantKind>,
}

#[derive(Deserialize, Debug, Default)]
enum RParticipantKind {
    #[default]
    Person,
    Organization,
    Group,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Round")]
struct RRound {
    number: u64,
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
    venue: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
struct REvent {
    id: String,
    when: String,
    end: Option<String>,
    round: Option<u64>,
    title: String,
    summary: Option<String>,
    location: Option<String>,
    participants: Option<Vec<String>>,
    sources: Option<Vec<String>>,
    tags: Option<Vec<String>>,
    quotes: Option<Vec<RQuote>>,
    claims: Option<Vec<RClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Quote")]
struct RQuote {
    speaker: String,
    text: String,
    source: String,
    via: Option<String>,
    context: Option<String>,
    channel: Option<String>,
    also: Option<Vec<String>>,
    lang: Option<String>,
    original: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Claim")]
struct RClaim {
    id: Option<String>,
    by: Option<String>,
    text: String,
    source: String,
    via: Option<String>,
    disputes: Option<Vec<String>>,
    channel: Option<String>,
    also: Option<Vec<String>>,
    lang: Option<String>,
    confirms: Option<Vec<String>>,
}

fn ron_read(text: &str) -> Result<RTimeline, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// Every field value of a timeline, one `path = value` line each, in file order: the form in
/// which ours and ron's readings are compared, so a difference names its field.
#[derive(Default)]
struct Fields(Vec<String>);

impl Fields {
    fn put(&mut self, path: &str, value: impl Debug) {
        self.0.push(format!("{path} = {value:?}"));
    }
}

fn strs<S: AsRef<str>>(list: &[S]) -> Vec<&str> {
    list.iter().map(AsRef::as_ref).collect()
}

fn ids<'t>(refs: &[model::Ref], text: &'t str) -> Vec<model::Str<'t>> {
    refs.iter().map(|r| r.id(text)).collect()
}

fn opt_strs(list: Option<&Vec<String>>) -> Vec<&str> {
    list.map(|l| strs(l)).unwrap_or_default()
}

/// What we read from `text`, field by field; references as the ids they are written with.
fn ours(t: &Timeline<'_>, text: &str) -> Fields {
    let mut f = Fields::default();
    f.put("title", &t.title);
    f.put("summary", t.summary.as_deref());
    for (i, s) in t.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        f.put(&format!("{p}.id"), &s.id.value);
        f.put(&format!("{p}.outlet"), &s.outlet);
        f.put(&format!("{p}.title"), s.title.as_deref());
        f.put(
            &format!("{p}.published"),
            s.published.as_ref().map(|w| &w.raw),
        );
        f.put(&format!("{p}.url"), s.url.as_deref());
        f.put(&format!("{p}.byline"), strs(&s.byline));
        f.put(&format!("{p}.kind"), s.kind);
        f.put(
            &format!("{p}.republishes"),
            s.republishes.map(|r| r.id(text)),
        );
        f.put(&format!("{p}.language"), s.language.as_deref());
    }
    for (i, x) in t.participants.iter().enumerate() {
        let p = format!("participants[{i}]");
        f.put(&format!("{p}.id"), &x.id.value);
        f.put(&format!("{p}.name"), &x.name);
        f.put(&format!("{p}.aliases"), strs(&x.aliases));
        f.put(&format!("{p}.role"), x.role.as_deref());
        f.put(&format!("{p}.side"), x.side.as_deref());
        f.put(&format!("{p}.kind"), x.kind);
    }
    for (i, r) in t.rounds.iter().enumerate() {
        let p = format!("rounds[{i}]");
        f.put(&format!("{p}.number"), r.number.value);
        f.put(&format!("{p}.title"), r.title.as_deref());
        f.put(&format!("{p}.start"), r.start.as_ref().map(|w| &w.raw));
        f.put(&format!("{p}.end"), r.end.as_ref().map(|w| &w.raw));
        f.put(&format!("{p}.venue"), r.venue.as_deref());
    }
    // Ours come back in timeline order; ron's are in file order.
    let mut events: Vec<_> = t.events.iter().collect();
    events.sort_by_key(|e| e.at);
    for (i, e) in events.into_iter().enumerate() {
        let p = format!("events[{i}]");
        f.put(&format!("{p}.id"), &e.id.value);
        f.put(&format!("{p}.when"), &e.when.raw);
        f.put(&format!("{p}.end"), e.end.as_ref().map(|w| &w.raw));
        f.put(&format!("{p}.round"), e.round.as_ref().map(|r| r.number));
        f.put(&format!("{p}.title"), &e.title);
        f.put(&format!("{p}.summary"), e.summary.as_deref());
        f.put(&format!("{p}.location"), e.location.as_deref());
        f.put(&format!("{p}.participants"), ids(&e.participants, text));
        f.put(&format!("{p}.sources"), ids(&e.sources, text));
        f.put(&format!("{p}.tags"), strs(&e.tags));
        for (j, q) in e.quotes.iter().enumerate() {
            let p = format!("{p}.quotes[{j}]");
            f.put(&format!("{p}.speaker"), q.speaker.id(text));
            f.put(&format!("{p}.text"), &q.text);
            f.put(&format!("{p}.source"), q.source.id(text));
            f.put(&format!("{p}.via"), q.via.as_deref());
            f.put(&format!("{p}.context"), q.context.as_deref());
            f.put(&format!("{p}.channel"), t.label_of(q.channel));
            f.put(&format!("{p}.also"), ids(q.also(), text));
            f.put(&format!("{p}.lang"), t.label_of(q.lang));
            f.put(&format!("{p}.original"), q.original());
        }
        for (j, c) in e.claims.iter().enumerate() {
            let p = format!("{p}.claims[{j}]");
            f.put(&format!("{p}.id"), c.id.as_ref().map(|id| &id.value));
            f.put(&format!("{p}.by"), c.by.as_ref().map(|r| r.id(text)));
            f.put(&format!("{p}.text"), &c.text);
            f.put(&format!("{p}.source"), c.source.id(text));
            f.put(&format!("{p}.via"), c.via.as_deref());
            f.put(&format!("{p}.disputes"), ids(&c.disputes, text));
            f.put(&format!("{p}.channel"), t.label_of(c.channel));
            f.put(&format!("{p}.also"), ids(c.also(), text));
            f.put(&format!("{p}.lang"), t.label_of(c.lang));
            f.put(&format!("{p}.confirms"), ids(c.confirms(), text));
        }
    }
    f
}

fn theirs(t: &RTimeline) -> Fields {
    let mut f = Fields::default();
    f.put("title", &t.title);
    f.put("summary", t.summary.as_deref());
    for (i, s) in t.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        f.put(&format!("{p}.id"), &s.id);
        f.put(&format!("{p}.outlet"), &s.outlet);
        f.put(&format!("{p}.title"), s.title.as_deref());
        f.put(&format!("{p}.published"), s.published.as_deref());
        f.put(&format!("{p}.url"), s.url.as_deref());
        f.put(&format!("{p}.byline"), opt_strs(s.byline.as_ref()));
        f.put(
            &format!("{p}.kind"),
            s.kind.as_ref().unwrap_or(&RSourceKind::default()),
        );
        f.put(&format!("{p}.republishes"), s.republishes.as_deref());
        f.put(&format!("{p}.language"), s.language.as_deref());
    }
    for (i, x) in t.participants.iter().enumerate() {
        let p = format!("participants[{i}]");
        f.put(&format!("{p}.id"), &x.id);
        f.put(&format!("{p}.name"), &x.name);
        f.put(&format!("{p}.aliases"), opt_strs(x.aliases.as_ref()));
        f.put(&format!("{p}.role"), x.role.as_deref());
        f.put(&format!("{p}.side"), x.side.as_deref());
        f.put(
            &format!("{p}.kind"),
            x.kind.as_ref().unwrap_or(&RParticipantKind::default()),
        );
    }
    for (i, r) in t.rounds.iter().flatten().enumerate() {
        let p = format!("rounds[{i}]");
        f.put(&format!("{p}.number"), r.number);
        f.put(&format!("{p}.title"), r.title.as_deref());
        f.put(&format!("{p}.start"), r.start.as_deref());
        f.put(&format!("{p}.end"), r.end.as_deref());
        f.put(&format!("{p}.venue"), r.venue.as_deref());
    }
    for (i, e) in t.events.iter().enumerate() {
        let p = format!("events[{i}]");
        f.put(&format!("{p}.id"), &e.id);
        f.put(&format!("{p}.when"), &e.when);
        f.put(&format!("{p}.end"), e.end.as_deref());
        f.put(&format!("{p}.round"), e.round);
        f.put(&format!("{p}.title"), &e.title);
        f.put(&format!("{p}.summary"), e.summary.as_deref());
        f.put(&format!("{p}.location"), e.location.as_deref());
        f.put(
            &format!("{p}.participants"),
            opt_strs(e.participants.as_ref()),
        );
        f.put(&format!("{p}.sources"), opt_strs(e.sources.as_ref()));
        f.put(&format!("{p}.tags"), opt_strs(e.tags.as_ref()));
        for (j, q) in e.quotes.iter().flatten().enumerate() {
            let p = format!("{p}.quotes[{j}]");
            f.put(&format!("{p}.speaker"), &q.speaker);
            f.put(&format!("{p}.text"), &q.text);
            f.put(&format!("{p}.source"), &q.source);
            f.put(&format!("{p}.via"), q.via.as_deref());
            f.put(&format!("{p}.context"), q.context.as_deref());
            f.put(&format!("{p}.channel"), q.channel.as_deref());
            f.put(&format!("{p}.also"), opt_strs(q.also.as_ref()));
            f.put(&format!("{p}.lang"), q.lang.as_deref());
            f.put(&format!("{p}.original"), q.original.as_deref());
        }
        for (j, c) in e.claims.iter().flatten().enumerate() {
            let p = format!("{p}.claims[{j}]");
            f.put(&format!("{p}.id"), c.id.as_deref());
            f.put(&format!("{p}.by"), c.by.as_deref());
            f.put(&format!("{p}.text"), &c.text);
            f.put(&format!("{p}.source"), &c.source);
            f.put(&format!("{p}.via"), c.via.as_deref());
            f.put(&format!("{p}.disputes"), opt_strs(c.disputes.as_ref()));
            f.put(&format!("{p}.channel"), c.channel.as_deref());
            f.put(&format!("{p}.also"), opt_strs(c.also.as_ref()));
            f.put(&format!("{p}.lang"), c.lang.as_deref());
            f.put(&format!("{p}.confirms"), opt_strs(c.confirms.as_ref()));
        }
    }
    f
}

/// `text` must load with us, be read by ron, and give every field the same value.
fn assert_agree(name: &str, text: &str) {
    let loaded = model::load_str(text).unwrap_or_else(|d| panic!("{}", render(name, text, &d)));
    // ron reads no byte-order mark; ours skips one (see `ron_only`).
    let bare = text.strip_prefix('\u{feff}').unwrap_or(text);
    let theirs = match ron_read(bare) {
        Ok(t) => theirs(&t),
        Err(e) => panic!("{name}: ours loads it, ron rejects it: {e}"),
    };
    let ours = ours(&loaded.timeline, text);
    assert_eq!(ours.0.join("\n"), theirs.0.join("\n"), "{name}");
}

fn ron_files(dir: &str) -> Vec<(String, String)> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), text)
        })
        .collect()
}

#[test]
fn the_bundled_timeline_reads_the_same() {
    assert_agree(model::BUNDLED_NAME, model::BUNDLED);
}

#[test]
fn every_valid_fixture_reads_the_same() {
    let mut files = ron_files("tests/fixtures/syntax");
    files.extend(ron_files("tests/fixtures/valid"));
    files.extend(ron_files("tests/fixtures/warn"));
    assert!(files.len() >= 14, "fixtures are missing");
    for (path, text) in &files {
        assert_agree(path, text);
        assert_agree(path, &text.replace('\n', "\r\n"));
    }
}

/// Wraps `events` in an otherwise minimal timeline with one source and one participant.
fn timeline(events: &str) -> String {
    format!(
        "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\")],\n\
         participants: [Participant(id: \"p\", name: \"P\")],\n\
         rounds: [Round(number: 3)],\n\
         events: [{events}])"
    )
}

/// Corners of RON syntax, each loaded by both readers.
const CORNERS: &[&str] = &[
    // Whitespace RON knows beyond ASCII: NEL, LRM, RLM, line and paragraph separators.
    "Timeline(\u{85}title:\u{200E}\"t\",\u{200F}sources:\u{2028}[],\u{2029}participants: [], events: [])",
    "Timeline(\ttitle:\x0b\"t\",\x0csources: [], participants: [], events: [])",
    // A line comment at the very end, with no newline.
    "Timeline(title: \"t\", sources: [], participants: [], events: []) // end",
    // Block comments made of the comment characters themselves.
    "/**/ /***/ /*/ */ /* * / */ Timeline(title: \"t\", sources: [], participants: [], events: [])",
    // Attributes, spaced out and commented as RON allows.
    "# ! [ enable ( implicit_some , ) ] Timeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![enable(implicit_some, unwrap_newtypes, unwrap_variant_newtypes)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![type = \"roundtable::Timeline\"]\n#![enable(implicit_some)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![enable(explicit_struct_names)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    // Raw identifiers as field and struct names.
    "r#Timeline(r#title: \"t\", r#sources: [], participants: [], r#events: [])",
    // `Some` spaced and with a trailing comma.
    "Timeline(title: \"t\", summary: Some ( \"x\" , ), sources: [], participants: [], events: [])",
    // Escapes at the edges: NUL, CR, a four-byte character in `\x`, the largest `\u`.
    r#"Timeline(title: "\0\r\'\xF0\x9F\x98\x80\u{10FFFF}\u{0}", sources: [], participants: [], events: [])"#,
    // A string continuation at the very start and end of a string, and a CRLF one.
    "Timeline(title: \"\\\n   t\\\n\", summary: \"a\\\r\n  b\", sources: [], participants: [], events: [])",
    // Raw strings with more hashes than they need, and quotes inside.
    "Timeline(title: r###\"a \"# b \"## c\"###, sources: [], participants: [], events: [])",
    // Strings holding raw newlines and tabs.
    "Timeline(title: \"line one\nline two\tand a tab\", sources: [], participants: [], events: [])",
];

#[test]
fn corners_of_ron_syntax_read_the_same() {
    for text in CORNERS {
        assert_agree(text, text);
    }
    let numbers = [
        "3", "0x3", "0X3", "0o3", "0b11", "+3", "3u64", "0_3", "3_", "3__", "+0x3", "0x0_3", "03",
    ];
    for n in numbers {
        let text = timeline(&format!(
            "Event(id: \"e\", when: \"2025\", round: {n}, title: \"t\", sources: [\"s\"])"
        ));
        if model::load_str(&text).is_ok() || ron_read(&text).is_ok() {
            assert_agree(n, &text);
        }
    }
    let kinds = ["Wire", "r#Wire", "Some(Wire)", "Some( Wire , )", "None"];
    for kind in kinds {
        let text = format!(
            "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\", kind: {kind})], \
             participants: [], events: [Event(id: \"e\", when: \"2025\", title: \"t\", sources: [\"s\"])])"
        );
        assert_agree(kind, &text);
    }
}

/// Broken syntax, and type errors: neither reader accepts any of these.
const BROKEN: &[&str] = &[
    "",
    "   // only a comment",
    "Timeline",
    "Timeline(",
    "Timeline(title: \"t\", sources: [], participants: [], events: [])\n)",
    "Timeline(title: \"t\" sources: [], participants: [], events: [])",
    "Timeline(title: \"t\",, sources: [], participants: [], events: [])",
    "Timeline(, title: \"t\", sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", sources: [,], participants: [], events: [])",
    "Timeline(title \"t\", sources: [], participants: [], events: [])",
    "Timeline(\"title\": \"t\", sources: [], participants: [], events: [])",
    "Timeline(title: \"t, sources: [], participants: [], events: [])",
    "Timeline(title: r#\"t\", sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", sources: [], participants: [], events: []) /* open",
    "Timeline(title: \"t\", sources: [], participants: [], events: []) /* /* */",
    "Timeline(title: \"t\", sources: [], participants: [], events: []) / ",
    "Timeline(title: \"t\\q\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\/\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\x80\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\xC3\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\xG0\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\u{D800}\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\u{1234567}\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\u{}\", sources: [], participants: [], events: [])",
    "Timeline(title: \"\\u1234\", sources: [], participants: [], events: [])",
    "Timeline(title: \"a\\\rb\", sources: [], participants: [], events: [])",
    "Timeline(title: 't', sources: [], participants: [], events: [])",
    "Timeline(title: b\"t\", sources: [], participants: [], events: [])",
    "Timeline(title: true, sources: [], participants: [], events: [])",
    "Timeline(title: 3, sources: [], participants: [], events: [])",
    "Timeline(title: Some(\"t\"), sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", summary: Some(\"x\",,), sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", summary: Some(Some(\"x\")), sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", sources: \"s\", participants: [], events: [])",
    "Timeline(title: \"t\", sources: None, participants: [], events: [])",
    "Timeline(title: \"t\", sources: [], participants: [], events: [], title: \"u\")",
    "Timeline(title: \"t\", sources: [], participants: [], events: [], extra: 1)",
    "Timeline(title: \"t\", sources: [], participants: [])",
    "Timelime(title: \"t\", sources: [], participants: [], events: [])",
    "Timeline[title: \"t\", sources: [], participants: [], events: []]",
    "Timeline{title: \"t\", sources: [], participants: [], events: []}",
    "Timeline(title: \"t\", sources: [Participant(id: \"s\", outlet: \"S\")], participants: [], events: [])",
    "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\", kind: Articel)], participants: [], events: [])",
    "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\", kind: Article())], participants: [], events: [])",
    "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\", kind: \"Article\")], participants: [], events: [])",
    "#![enable()]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![enable(implicit_sum)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![enable(implicit_some implicit_some)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![disable(implicit_some)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#[enable(implicit_some)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    "#![enable(explicit_struct_names)]\n(title: \"t\", sources: [], participants: [], events: [])",
    "#![r#enable(implicit_some)]\nTimeline(title: \"t\", sources: [], participants: [], events: [])",
    // `Some` and `None` are RON's words, never raw identifiers.
    "Timeline(title: \"t\", summary: r#Some(\"x\"), sources: [], participants: [], events: [])",
    "Timeline(title: \"t\", summary: r#None, sources: [], participants: [], events: [])",
];

/// Round numbers that are not unsigned integers, for either reader.
const BROKEN_NUMBERS: &[&str] = &[
    "-3",
    "3.0",
    "3.",
    ".3",
    "1e3",
    "0x",
    "0x_3",
    "_3",
    "+_3",
    "3u8",
    "3i64",
    "3u64x",
    "0xG",
    "18446744073709551616",
    "\"3\"",
    "three",
    "'3'",
    "(3)",
    "[3]",
];

#[test]
fn broken_syntax_is_rejected_by_both() {
    let numbers = BROKEN_NUMBERS.iter().map(|n| {
        timeline(&format!(
            "Event(id: \"e\", when: \"2025\", round: {n}, title: \"t\", sources: [\"s\"])"
        ))
    });
    let fixtures = ron_files("tests/fixtures/invalid")
        .into_iter()
        .filter(|(path, _)| path.contains("/syntax_") || path.contains("/type_"))
        .map(|(_, text)| text);
    let inputs: Vec<String> = BROKEN
        .iter()
        .map(|s| (*s).to_string())
        .chain(numbers)
        .chain(fixtures)
        .collect();
    assert!(inputs.len() > 80);
    for text in &inputs {
        assert!(model::load_str(text).is_err(), "ours accepts:\n{text}");
        assert!(ron_read(text).is_err(), "ron accepts:\n{text}");
    }
}

/// What ron 0.12 accepts and the format does not; ours rejects each on purpose.
#[test]
fn ron_only() {
    let cases = [
        // ron reads `-0` as an unsigned zero; a minus sign on a count is a mistake.
        timeline("Event(id: \"e\", when: \"2025\", round: -0, title: \"t\", sources: [\"s\"])"),
        // ron consumes a `Some` that is not followed by `(`, then reads on with
        // implicit_some: `Some Wire` is `Wire`. That is not RON's grammar, only its parser.
        "Timeline(title: \"t\", sources: [Source(id: \"s\", outlet: \"S\", kind: Some Wire)], \
         participants: [], events: [Event(id: \"e\", when: \"2025\", title: \"t\", sources: [\"s\"])])"
            .to_string(),
    ];
    for text in &cases {
        assert!(ron_read(text).is_ok(), "ron now rejects:\n{text}");
        assert!(model::load_str(text).is_err(), "ours accepts:\n{text}");
    }
    // The other way round: ron reads no byte-order mark, which Windows editors write; ours
    // skips it (tests/syntax.rs).
    let bom = format!("\u{feff}{}", timeline(""));
    assert!(ron_read(&bom).is_err(), "ron now reads a byte-order mark");
    assert!(model::load_str(&bom).is_ok());
}

/// Text that changes what RON means when put anywhere: brackets, separators, the starts of
/// comments, strings, escapes, raw forms and numbers, keywords, unusual whitespace.
const INSERTS: &[&str] = &[
    "#", "!", "r", "r#", "r\"", "#\"", "\\", "\\\n", "\\x41", "\\u{41}", "'", "\"", "/", "*", "/*",
    "*/", "//", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "_", "0x", "u64",
    "Some", "Some(", "None", "b", " ", "\t", "\r", "\r\n", "\u{2028}", "\u{feff}", "é",
];

/// The bundled file and every syntax fixture with a single byte deleted, or a piece of RON
/// inserted, at evenly spaced places: whenever ours still loads the result, ron reads it to the
/// same values.
#[test]
fn mutants_ours_accepts_ron_reads_the_same() {
    let syntax = ron_files("tests/fixtures/syntax");
    let mut mutants: Vec<(String, String)> = Vec::new();
    let bundled = (model::BUNDLED_NAME.to_string(), model::BUNDLED.to_string());
    for (path, text) in syntax.iter().chain([&bundled]) {
        for at in (0..text.len()).step_by((text.len() / 400).max(1)) {
            let mut bytes = text.as_bytes().to_vec();
            bytes.remove(at);
            if let Ok(mutant) = String::from_utf8(bytes) {
                mutants.push((format!("{path} without byte {at}"), mutant));
            }
        }
    }
    for (path, text) in &syntax {
        let places = (0..text.len()).step_by((text.len() / 100).max(1));
        for at in places.filter(|&at| text.is_char_boundary(at)) {
            for insert in INSERTS {
                let mutant = format!("{}{insert}{}", &text[..at], &text[at..]);
                mutants.push((format!("{path} with {insert:?} at byte {at}"), mutant));
            }
        }
    }
    let mut accepted = 0;
    for (name, mutant) in &mutants {
        if model::load_str(mutant).is_ok() {
            accepted += 1;
            assert_agree(name, mutant);
        }
    }
    // Deleting a byte of a comment, or inserting a space, leaves a valid file: the check ran.
    assert!(accepted > 1000, "only {accepted} mutants loaded");
}
