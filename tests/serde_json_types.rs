//! The model types deserialize from JSON through `serde_json` (`src/model/de.rs`): the
//! generator's JSON reads into the same records as its RON does through our own reader, and
//! strings borrow from the JSON text where they need no unescaping. The load benchmark
//! (`benches/load.rs`) measures the two side by side.

// Only `generate` is used here; its argument parsing serves `examples/gen.rs`.
#[allow(dead_code)]
#[path = "../examples/gen/lib.rs"]
mod generator;

use std::collections::HashMap;

use generator::{Format, Options};
use roundtable::model::{self, Event, Ref, Timeline};

const EVENTS: usize = 500;

fn generate(format: Format) -> String {
    let mut out = Vec::new();
    generator::generate(
        &mut out,
        &Options {
            events: EVENTS,
            seed: 1,
            format,
        },
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

fn ids<'t>(refs: &[Ref], text: &'t str) -> Vec<model::Str<'t>> {
    refs.iter().map(|r| r.id(text)).collect()
}

/// What an event (read from `text`) says, as plain strings: every field but offsets and
/// resolved indices; references as the ids they are written with.
fn content(e: &Event<'_>, labels: &model::Labels<'_>, text: &str) -> String {
    let label = |l: Option<model::Label>| l.map(|l| labels.get(l).to_owned());
    let quotes: Vec<_> = e
        .quotes
        .iter()
        .map(|q| {
            let (speaker, source) = (q.speaker.id(text), q.source.id(text));
            let lang = (label(q.lang), q.original());
            let provenance = (label(q.channel), ids(q.also(), text), lang);
            (speaker, &q.text, source, &q.via, &q.context, provenance)
        })
        .collect();
    let claims: Vec<_> = e
        .claims
        .iter()
        .map(|c| {
            (
                c.id.as_ref().map(|i| &i.value),
                c.by.as_ref().map(|b| b.id(text)),
                &c.text,
                c.source.id(text),
                &c.via,
                ids(&c.disputes, text),
                (label(c.channel), ids(c.also(), text), label(c.lang)),
                ids(c.confirms(), text),
            )
        })
        .collect();
    format!(
        "{} {} {:?} {:?} {} {:?} {:?} {:?} {:?} {:?} {quotes:?} {claims:?}",
        e.id.value,
        e.when.raw,
        e.end.as_ref().map(|w| &w.raw),
        e.round.as_ref().map(|r| r.number),
        e.title,
        e.summary,
        e.location,
        ids(&e.participants, text),
        ids(&e.sources, text),
        e.tags,
    )
}

fn by_id<'t>(t: &'t Timeline<'_>) -> HashMap<&'t str, &'t Event<'t>> {
    t.events.iter().map(|e| (e.id.value.as_ref(), e)).collect()
}

#[test]
fn generated_json_reads_into_the_same_events_as_the_ron() {
    let (ron, json) = (generate(Format::Ron), generate(Format::Json));
    let loaded = model::load_str(&ron).expect("the generated RON loads");
    let from_ron = &loaded.timeline;
    let from_json = model::from_json(&json).expect("the generated JSON reads");

    assert_eq!(from_json.events.len(), EVENTS);
    // The RON loader sorts events by time; compare them keyed by id.
    let (a, b) = (by_id(from_ron), by_id(&from_json));
    assert_eq!(a.len(), EVENTS, "event ids are unique");
    for (id, e) in &a {
        let other = b
            .get(id)
            .unwrap_or_else(|| panic!("`{id}` is not in the JSON"));
        assert_eq!(
            content(e, &from_ron.labels, &ron),
            content(other, &from_json.labels, &json)
        );
        assert_eq!(
            e.when,
            model::When {
                at: e.when.at,
                ..other.when.clone()
            }
        );
    }
    assert_eq!(from_ron.title, from_json.title);
    assert_eq!(from_ron.summary, from_json.summary);
    // Sources hold a reference (`republishes`), unresolved in the JSON read here (writing it
    // out would need validation): compared as the id it is written with, as events' are.
    let sources = |t: &Timeline<'_>, text: &str| -> Vec<String> {
        t.sources
            .iter()
            .map(|s| {
                let published = s.published.as_ref().map(|w| &w.raw);
                let republishes = s.republishes.map(|r| r.id(text));
                format!(
                    "{} {} {:?} {published:?} {:?} {:?} {:?} {republishes:?} {:?}",
                    s.id.value, s.outlet, s.title, s.url, s.byline, s.kind, s.language
                )
            })
            .collect()
    };
    let people = |t: &Timeline<'_>| format!("{:?}", serde_json::to_value(&t.participants).unwrap());
    let rounds = |t: &Timeline<'_>| format!("{:?}", serde_json::to_value(&t.rounds).unwrap());
    assert_eq!(sources(from_ron, &ron), sources(&from_json, &json));
    assert_eq!(people(from_ron), people(&from_json));
    assert_eq!(rounds(from_ron), rounds(&from_json));
}

#[test]
fn validated_json_matches_the_loaded_ron_in_timeline_order() {
    let (ron, json) = (generate(Format::Ron), generate(Format::Json));
    let loaded = model::load_str(&ron).expect("the generated RON loads");
    let mut from_json = model::from_json(&json).expect("the generated JSON reads");
    // References come out unresolved; validation resolves them and sorts, ties in file order.
    assert!(
        from_json.events[0]
            .sources
            .iter()
            .all(|r| r.target == model::UNRESOLVED)
    );
    let diags = model::validate::validate(&mut from_json, &json);
    assert!(diags.is_empty(), "{diags:?}");
    let order = |t: &Timeline<'_>, text: &str| -> Vec<String> {
        t.events
            .iter()
            .map(|e| content(e, &t.labels, text))
            .collect()
    };
    assert_eq!(order(&loaded.timeline, &ron), order(&from_json, &json));
    let targets = |t: &Timeline<'_>| -> Vec<u32> {
        t.events
            .iter()
            .flat_map(|e| {
                e.quotes
                    .iter()
                    .flat_map(|q| [q.speaker.target, q.source.target])
            })
            .collect()
    };
    assert_eq!(targets(&loaded.timeline), targets(&from_json));
}

#[test]
fn json_strings_borrow_from_the_text_unless_escaped() {
    let json = generate(Format::Json);
    let t = model::from_json(&json).expect("the generated JSON reads");
    let (mut borrowed, mut owned) = (0, 0);
    for e in &t.events {
        for text in std::iter::once(&e.title).chain(e.quotes.iter().map(|q| &q.text)) {
            let s: &str = text;
            if text.is_borrowed() {
                borrowed += 1;
                let range = json.as_bytes().as_ptr_range();
                assert!(range.contains(&s.as_ptr()), "borrowed from the JSON text");
            } else {
                owned += 1;
                let escaped = serde_json::to_string(s).unwrap();
                assert_ne!(escaped.len(), s.len() + 2, "{s} needed no escape");
            }
        }
    }
    assert!(borrowed > owned, "{borrowed} borrowed, {owned} owned");
}
