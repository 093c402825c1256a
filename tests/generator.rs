//! The synthetic timeline generator (`examples/gen.rs`) writes files the loader accepts, the
//! same bytes for the same seed, and the same content as RON and as JSON; the fields of format
//! 1.1 come at the rates `examples/gen/rates.rs` gives, and keep their rules.

#[path = "../examples/gen/lib.rs"]
mod generator;

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};

use generator::{Format, Options};
use roundtable::cli::view::View;
use roundtable::model::{self, Event, Precision, SourceKind, Timeline};
use roundtable::query::corroboration::Corroboration;

const EVENTS: usize = 2000;

fn generate(events: usize, seed: u64, format: Format) -> String {
    let mut out = Vec::new();
    generator::generate(
        &mut out,
        &Options {
            events,
            seed,
            format,
        },
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the generator writes UTF-8")
}

static RON: LazyLock<String> = LazyLock::new(|| generate(EVENTS, 1, Format::Ron));
static JSON: LazyLock<String> = LazyLock::new(|| generate(EVENTS, 1, Format::Json));
/// Enough sources (one per 100 events) for their rates to show.
static RON_10K: LazyLock<String> = LazyLock::new(|| generate(10_000, 1, Format::Ron));

fn load(text: &str) -> model::Loaded<'_> {
    match model::load_str(text) {
        Ok(loaded) => loaded,
        Err(diags) => panic!("{}", model::diag::render("gen.ron", text, &diags)),
    }
}

/// The events as the file lists them (the loader sorts them by time).
fn file_order<'t, 'a>(events: &'t [Event<'a>]) -> Vec<&'t Event<'a>> {
    let mut events: Vec<&Event<'_>> = events.iter().collect();
    events.sort_by_key(|e| e.at);
    events
}

#[test]
fn ron_loads_without_errors_or_warnings() {
    let loaded = load(&RON);
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        model::diag::render("gen.ron", &RON, &loaded.warnings)
    );
    let t = &loaded.timeline;
    assert_eq!(t.events.len(), EVENTS);
    assert_eq!(t.sources.len(), EVENTS / 100);
    assert_eq!(t.participants.len(), 300);
    assert_eq!(t.rounds.len(), 40);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    assert_eq!(*RON, generate(EVENTS, 1, Format::Ron));
    assert_ne!(*RON, generate(EVENTS, 2, Format::Ron));
}

/// The instant at which a `when` begins, worked out with chrono from the text rather than by
/// roundtable's parser (FORMAT.md, "When": a year begins on 1 January, a month on its first
/// day, a day at 00:00 UTC), as seconds and nanoseconds.
fn begins(raw: &str) -> (i64, u32) {
    let day = |y: &str, m: &str, d: &str| {
        let date =
            NaiveDate::from_ymd_opt(y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
        date.unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc()
    };
    let at = match raw.len() {
        4 => day(raw, "1", "1"),
        7 => day(&raw[..4], &raw[5..7], "1"),
        10 => day(&raw[..4], &raw[5..7], &raw[8..10]),
        _ => {
            // RFC 3339 wants seconds; the format lets them be left out.
            let full = if raw.as_bytes()[16] == b':' {
                raw.to_string()
            } else {
                format!("{}:00{}", &raw[..16], &raw[16..])
            };
            DateTime::parse_from_rfc3339(&full)
                .unwrap_or_else(|e| panic!("{raw}: {e}"))
                .to_utc()
        }
    };
    (at.timestamp(), at.timestamp_subsec_nanos())
}

#[test]
fn events_are_shuffled_in_the_file_and_sorted_when_loaded() {
    // The file's order, and each event's `when`, from the JSON the generator wrote.
    let json: serde_json::Value = serde_json::from_str(&JSON).expect("valid JSON");
    let listed: Vec<(&str, &str)> = json["events"]
        .as_array()
        .expect("an events list")
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["when"].as_str().unwrap()))
        .collect();
    let mut expected = listed.clone();
    // Stable: events that begin at the same instant keep the file's order.
    expected.sort_by_key(|&(_, when)| begins(when));
    let expected: Vec<&str> = expected.iter().map(|&(id, _)| id).collect();
    let in_file: Vec<&str> = listed.iter().map(|&(id, _)| id).collect();
    assert_ne!(expected, in_file, "the file is not shuffled");
    let ties = listed.len() - {
        let mut at: Vec<_> = listed.iter().map(|&(_, w)| begins(w)).collect();
        at.sort_unstable();
        at.dedup();
        at.len()
    };
    assert!(
        ties > 10,
        "only {ties} events share an instant with another"
    );

    let loaded = load(&RON);
    let got: Vec<&str> = loaded
        .timeline
        .events
        .iter()
        .map(|e| e.id.value.as_ref())
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn json_has_the_same_content_as_ron() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let json: serde_json::Value = serde_json::from_str(&JSON).expect("valid JSON");
    let events = json["events"].as_array().expect("an events array");
    assert_eq!(events.len(), EVENTS);
    let listed = file_order(&t.events);
    let ron_ids: Vec<&str> = listed.iter().map(|e| e.id.value.as_ref()).collect();
    let json_ids: Vec<&str> = events.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(ron_ids, json_ids);
    // Record for record, the loaded RON exports to exactly the JSON written.
    let ron = serde_json::to_value(View::all(t)).unwrap();
    let exported: std::collections::HashMap<&str, &serde_json::Value> = ron["events"]
        .as_array()
        .expect("an events array")
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e))
        .collect();
    for json in events {
        assert_eq!(exported[json["id"].as_str().unwrap()], json);
    }
    for key in ["title", "summary", "sources", "participants", "rounds"] {
        assert_eq!(ron[key], json[key], "{key}");
    }
}

#[test]
fn claims_dispute_earlier_claims() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let listed = file_order(&t.events);
    let mut seen = std::collections::HashSet::new();
    let mut disputes = 0;
    for e in listed {
        for c in &e.claims {
            for d in &c.disputes {
                let id = d.id(&RON);
                assert!(seen.contains(id.as_ref()), "{id} is not earlier");
                disputes += 1;
            }
            if let Some(id) = &c.id {
                seen.insert(id.value.as_ref());
            }
        }
    }
    assert!(disputes > 0);
}

#[test]
fn text_is_partly_cyrillic_and_quotes_are_150_to_250_chars() {
    let loaded = load(&RON);
    let (mut cyrillic, mut letters) = (0usize, 0usize);
    for e in &loaded.timeline.events {
        let texts = e
            .quotes
            .iter()
            .map(|q| &q.text)
            .chain(e.claims.iter().map(|c| &c.text))
            .chain(std::iter::once(&e.title))
            .chain(e.summary.as_ref());
        for text in texts {
            for c in text.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                cyrillic += usize::from(('\u{400}'..='\u{4ff}').contains(&c));
            }
        }
        for q in &e.quotes {
            let n = q.text.chars().count();
            assert!((150..=250).contains(&n), "{n} chars: {}", q.text);
        }
    }
    let share = cyrillic * 100 / letters;
    assert!((20..=40).contains(&share), "{share}% Cyrillic");
}

#[test]
fn every_precision_of_when_occurs() {
    let loaded = load(&RON);
    let mut seen = std::collections::HashSet::new();
    for e in &loaded.timeline.events {
        let raw = e.when.raw.as_ref();
        seen.insert(format!("{:?}", e.when.precision));
        for zone in ["Z", "+03:00", "-04:00"] {
            if raw.ends_with(zone) {
                seen.insert(zone.to_string());
            }
        }
    }
    for want in [
        "Year", "Month", "Day", "Minute", "Second", "Z", "+03:00", "-04:00",
    ] {
        assert!(seen.contains(want), "no {want} in {seen:?}");
    }
}

#[test]
fn strings_are_escaped_in_both_formats() {
    let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} c1 \u{85} кириллица";
    let mut ron = Vec::new();
    generator::emit::write_str(&mut ron, tricky, false).unwrap();
    let ron = String::from_utf8(ron).unwrap();
    assert!(ron.contains(r"\u{7}") && ron.contains(r"\u{85}"), "{ron}");
    let back: String = ron::from_str(&ron).unwrap();
    assert_eq!(back, tricky);
    let mut json = Vec::new();
    generator::emit::write_str(&mut json, tricky, true).unwrap();
    let back: String = serde_json::from_slice(&json).unwrap();
    assert_eq!(back, tricky);
}

#[test]
fn tiny_timelines_load_too() {
    for n in [0, 1, 7, 150] {
        let text = generate(n, 3, Format::Ron);
        assert_eq!(load(&text).timeline.events.len(), n);
        let json: serde_json::Value = serde_json::from_str(&generate(n, 3, Format::Json)).unwrap();
        assert_eq!(json["events"].as_array().unwrap().len(), n);
    }
}

#[test]
fn arguments_parse() {
    use generator::{Command, parse_args};
    let args = |s: &str| parse_args(s.split_whitespace().map(String::from));
    assert_eq!(
        args("--events 100k --format=json --seed 7"),
        Ok(Command::Run(Options {
            events: 100_000,
            seed: 7,
            format: Format::Json
        }))
    );
    assert_eq!(
        args("--events=1_000"),
        Ok(Command::Run(Options {
            events: 1000,
            seed: 1,
            format: Format::Ron
        }))
    );
    assert_eq!(args("--seed 1 --help"), Ok(Command::Help));
    assert!(args("--events").is_err());
    assert!(args("--format yaml").is_err());
    assert!(args("--bogus").is_err());
    for flag in ["--events", "--format", "--seed", "--help"] {
        assert!(generator::HELP.contains(flag), "{flag}");
    }
    assert!(generator::USAGE.contains("--events N"));
}

/// `part` as a percentage of `whole`.
fn percent(part: usize, whole: usize) -> f64 {
    assert!(whole > 0, "nothing to count");
    let f = |n: usize| f64::from(u32::try_from(n).expect("a count of records"));
    100.0 * f(part) / f(whole)
}

/// Asserts that `share` (a percentage) lies in `lo..=hi`.
fn about(what: &str, share: f64, lo: f64, hi: f64) {
    assert!(
        (lo..=hi).contains(&share),
        "{what}: {share:.1}%, expected {lo}-{hi}%"
    );
}

fn quotes<'t, 'a>(t: &'t Timeline<'a>) -> impl Iterator<Item = &'t model::Quote<'a>> {
    t.events.iter().flat_map(|e| &e.quotes)
}

fn claims<'t, 'a>(t: &'t Timeline<'a>) -> impl Iterator<Item = &'t model::Claim<'a>> {
    t.events.iter().flat_map(|e| &e.claims)
}

#[test]
fn statements_carry_format_1_1_fields_at_the_intended_rates() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let (nq, nc) = (quotes(t).count(), claims(t).count());
    let quote_share =
        |f: &dyn Fn(&model::Quote<'_>) -> bool| percent(quotes(t).filter(|q| f(q)).count(), nq);
    let claim_share =
        |f: &dyn Fn(&model::Claim<'_>) -> bool| percent(claims(t).filter(|c| f(c)).count(), nc);
    // Quotes: 35% had a version-1 `via`, of which the channels (5 of the 7 English ones, 70%
    // of quotes; all 5 Russian ones, 30%) are now `channel`: 0.35 × 0.8 = 28%; 40% of the 65%
    // with no `via` get one: 26%. About 54%.
    about(
        "quotes with a channel",
        quote_share(&|q| q.channel.is_some()),
        50.0,
        58.0,
    );
    // Claims: 30% had a `via`, 3 of the 8 a channel: 11.25%; 5% of the other 70%: 3.5%.
    about(
        "claims with a channel",
        claim_share(&|c| c.channel.is_some()),
        12.0,
        18.0,
    );
    // `also` on 12% of quotes and 15% of claims, a little less where every source drawn was
    // the statement's own.
    about(
        "quotes with also",
        quote_share(&|q| !q.also().is_empty()),
        9.0,
        14.0,
    );
    about(
        "claims with also",
        claim_share(&|c| !c.also().is_empty()),
        12.0,
        17.0,
    );
    // `lang` on a quarter of the English quotes (70%) of Russian or Ukrainian speakers (about
    // half of them) in a source of another language (most): a few percent.
    let with_lang = quotes(t).filter(|q| q.lang.is_some()).count();
    about("quotes with lang", percent(with_lang, nq), 4.0, 11.0);
    let with_original = quotes(t).filter(|q| q.original().is_some()).count();
    about(
        "quotes with lang that give the original",
        percent(with_original, with_lang),
        40.0,
        60.0,
    );
    about(
        "claims with lang",
        claim_share(&|c| c.lang.is_some()),
        0.5,
        4.0,
    );
    // `confirms` on 10% of claims (a recent claim from another source is nearly always there).
    about(
        "claims that confirm",
        claim_share(&|c| !c.confirms().is_empty()),
        8.0,
        12.0,
    );
    // `end` on 5% of the events known to the day or better (95% of them): 4.75%.
    let ends = t.events.iter().filter(|e| e.end.is_some()).count();
    about(
        "events with an end",
        percent(ends, t.events.len()),
        3.5,
        6.0,
    );
}

#[test]
fn sources_carry_language_and_a_few_reprint_a_wire() {
    let loaded = load(&RON_10K);
    let t = &loaded.timeline;
    assert_eq!(t.sources.len(), 100);
    let languages = t.sources.iter().filter(|s| s.language.is_some()).count();
    about(
        "sources with a language",
        percent(languages, 100),
        84.0,
        96.0,
    );
    // 15% of the portals (not a wire or statement: about half the sources) that follow a wire
    // of another outlet among the 3 sources before them (most do): a few percent.
    let reprints: Vec<_> = t
        .sources
        .iter()
        .filter_map(|s| Some((s, s.republishes?)))
        .collect();
    about(
        "sources that reprint",
        percent(reprints.len(), 100),
        2.0,
        12.0,
    );
    for (portal, r) in reprints {
        let wire = t.source(&r);
        assert_eq!(
            wire.kind,
            SourceKind::Wire,
            "{} reprints a non-wire",
            portal.id.value
        );
        assert!(
            wire.republishes.is_none(),
            "{} reprints a reprint",
            portal.id.value
        );
        assert_ne!(wire.outlet, portal.outlet);
        assert!(!matches!(
            portal.kind,
            SourceKind::Wire | SourceKind::Statement
        ));
        // Sources are listed in order of publication: the wire came out first.
        assert!(
            r.ix()
                < t.sources
                    .iter()
                    .position(|s| std::ptr::eq(s, portal))
                    .unwrap()
        );
    }
    for s in &t.sources {
        if let Some(tag) = s.language.as_deref() {
            assert!(["en", "ru", "uk"].contains(&tag), "{tag}");
        }
    }
}

#[test]
fn format_1_1_fields_keep_their_rules() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    for e in &t.events {
        if let Some(end) = &e.end {
            assert!(
                end.instant > e.when.instant,
                "{}: {} before {}",
                e.id.value,
                end.raw,
                e.when.raw
            );
            assert!(e.when.precision >= Precision::Day);
        }
        for (source, also) in e
            .quotes
            .iter()
            .map(|q| (q.source, q.also()))
            .chain(e.claims.iter().map(|c| (c.source, c.also())))
        {
            assert!((0..=3).contains(&also.len()));
            let mut seen = vec![source.target];
            for r in also {
                assert!(
                    !seen.contains(&r.target),
                    "{}: also repeats a source",
                    e.id.value
                );
                seen.push(r.target);
            }
        }
        for q in &e.quotes {
            assert!(q.original().is_none() || q.lang.is_some());
            if let Some(lang) = t.label_of(q.lang) {
                // Said in another language than the one the source publishes in.
                assert_ne!(t.source(&q.source).language.as_deref(), Some(lang));
                assert!(["ru", "uk"].contains(&lang), "{lang}");
            }
        }
    }
    // Version 1's channels moved out of `via`, which now holds only relays.
    let channels = [
        "told reporters",
        "Telegram channel",
        "news briefing",
        "на брифинге",
        "в Telegram-канале",
    ];
    for via in quotes(t)
        .filter_map(|q| q.via.as_deref())
        .chain(claims(t).filter_map(|c| c.via.as_deref()))
    {
        assert!(!channels.contains(&via), "`via: {via:?}` is a channel");
    }
    let mut confirming = 0;
    for (i, at) in t.claims.iter().enumerate() {
        let c = &t.events[at.event as usize].claims[at.claim as usize];
        for r in c.confirms() {
            let (_, other) = t.claim(r);
            assert_ne!(r.ix(), i, "a claim confirms itself");
            assert_ne!(
                other.source, c.source,
                "confirms a claim of the same source"
            );
            assert!(c.disputes.iter().all(|d| d.target != r.target));
            if c.disputes.is_empty() {
                assert_eq!(other.text, c.text, "confirms another fact");
            }
            confirming += 1;
        }
    }
    assert!(confirming > 0);
}

#[test]
fn corroboration_groups_span_several_outlets_some_circular_some_corroborated() {
    let loaded = load(&RON);
    let t = &loaded.timeline;
    let groups = Corroboration::build(t);
    let (mut joined, mut circular, mut corroborated) = (0, 0, 0);
    for i in 0..t.claims.len() {
        let g = groups.group(i);
        if g.members.len() > 1 {
            joined += 1;
        }
        circular += usize::from(g.is_circular());
        corroborated += usize::from(g.is_corroborated());
    }
    // Confirming claims (10%) join a group with the claim they confirm (about as many).
    about(
        "claims in a group of several",
        percent(joined, t.claims.len()),
        12.0,
        25.0,
    );
    assert!(
        circular > 0 && corroborated > 0,
        "{circular} circular, {corroborated} corroborated"
    );
}

#[test]
fn rfc3339_forms_appear_only_when_switched_on() {
    let loaded = load(&RON);
    let forms = loaded
        .timeline
        .events
        .iter()
        .filter(|e| e.when.raw.contains(['.', ' ']))
        .count();
    if generator::rates::RFC3339_FORMS {
        // 25% of the 12% timed to the second have a fraction; 5% of the 60% timed use a space.
        about(
            "events with an RFC 3339 form",
            percent(forms, EVENTS),
            4.0,
            9.0,
        );
    } else {
        assert_eq!(forms, 0);
    }
}

#[test]
fn json_carries_every_format_1_1_field() {
    // `json_has_the_same_content_as_ron` compares them record by record; this makes sure the
    // comparison covers each new field.
    for key in [
        "end",
        "republishes",
        "language",
        "channel",
        "also",
        "lang",
        "original",
        "confirms",
    ] {
        assert!(
            JSON.contains(&format!("\"{key}\": ")),
            "no {key} in the JSON"
        );
        assert!(RON.contains(&format!(" {key}: ")), "no {key} in the RON");
    }
}

/// From `PARALLEL_EVENTS` events the index is built on threads (two halves of the events, and
/// the corroboration groups): it must be the one built on one thread, list by list and claim
/// by claim.
#[test]
fn the_running_counts_of_statements_are_the_counts_made_whole() {
    let loaded = load(&RON_10K);
    let t = &loaded.timeline;
    let index = roundtable::query::Index::build(t);
    let mut before = 0;
    for (pos, e) in t.events.iter().enumerate() {
        assert_eq!(index.statements_before(t, pos), before, "event {pos}");
        before += e.quotes.len() + e.claims.len();
    }
    assert_eq!(index.statements_before(t, t.events.len()), before);
    let mut checked = 0;
    for (p, s) in index.speaking.iter().enumerate() {
        let p = p as u32;
        let mut before = 0;
        for (k, &pos) in s.events.iter().enumerate() {
            assert_eq!(index.spoken_before(t, p, k), before, "participant {p}, {k}");
            let e = &t.events[pos as usize];
            before += e.quotes.iter().filter(|q| q.speaker.target == p).count()
                + e.claims
                    .iter()
                    .filter(|c| c.by.is_some_and(|b| b.target == p))
                    .count();
        }
        assert_eq!(index.spoken_before(t, p, s.events.len()), before);
        assert_eq!(before, (s.quotes + s.claims) as usize);
        checked += usize::from(s.events.len() > roundtable::query::index::STEP);
    }
    assert!(checked > 0, "a participant speaks in more than STEP events");
}

#[test]
fn index_built_on_threads_is_the_one_built_alone() {
    let loaded = load(&RON_10K);
    let t = &loaded.timeline;
    assert!(t.events.len() >= roundtable::query::index::PARALLEL_EVENTS);
    let index = roundtable::query::Index::build(t);
    let one = roundtable::query::Index::build_alone(t);
    let lists = |i: &roundtable::query::Index| {
        format!(
            "{:?}",
            (
                &i.speaking,
                &i.names,
                &i.involved,
                &i.first_claim,
                &i.in_round,
                &i.disputed_by,
                &i.disputed_claims,
                &i.file_order,
                (
                    &i.flags,
                    i.relays(t),
                    i.outlets(t),
                    &i.round_statements,
                    &i.involved_statements,
                ),
            )
        )
    };
    assert_eq!(lists(&index), lists(&one));
    assert!(
        (0..t.events.len()).any(|p| index.contested(t, p))
            && (0..index.disputed_by.len()).any(|k| !index.disputed_by[k].is_empty()),
        "the generated timeline has disputes"
    );
    let alone = Corroboration::build(t);
    assert_eq!(index.corroboration.len(), alone.len());
    let mut shared = 0;
    for claim in 0..t.claims.len() {
        let (a, b) = (index.corroboration.group(claim), alone.group(claim));
        assert_eq!(a, b, "claim {claim}");
        shared += usize::from(a.members.len() > 1);
    }
    assert!(
        shared > 0,
        "the generated timeline has groups of several claims"
    );
}
