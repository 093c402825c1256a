//! The bundled Istanbul timeline loads cleanly and says what the seeds say: each fault of the
//! audit in issue 9 has a test here that checks the loaded timeline against the seed text,
//! read from `../shared/seeds` at test time.
//!
//! Every expected value is written by hand from the seeds: which phrase each event reports,
//! who said what, and how. Nothing is taken from the file under test.

use std::path::{Path, PathBuf};

use roundtable::model::{self, BUNDLED, Claim, Event, Timeline};
use roundtable::query::corroboration::Corroboration;

/// The seeds the bundled file was built from, one per source id.
const SEEDS: [(&str, &str); 2] = [
    // Xinhua's report, as carried by a web page.
    ("xinhua-2025-07-23", "000_"),
    // RT's live feed, newest entry first.
    ("rt-live-2025-07-23", "003_"),
];

const XINHUA: &str = "xinhua-2025-07-23";
const RT: &str = "rt-live-2025-07-23";

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// The text of the seed whose file name starts with `prefix`, or `None` (with a message
/// saying why the test is skipped) when the seeds are not beside the repository.
fn seed_file(prefix: &str) -> Option<String> {
    let dir = seeds_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: no seeds at {} (CI has them at ../shared/seeds)",
            dir.display()
        );
        return None;
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let txt = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            txt && p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    assert_eq!(
        names.len(),
        1,
        "one seed {prefix}*.txt in {}",
        dir.display()
    );
    let path = names.remove(0);
    Some(std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// Both seeds, keyed by source id; `None` when they are absent.
fn seeds() -> Option<Seeds> {
    let xinhua = seed_file(SEEDS[0].1)?;
    let rt = seed_file(SEEDS[1].1)?;
    Some(Seeds { xinhua, rt })
}

struct Seeds {
    xinhua: String,
    rt: String,
}

impl Seeds {
    fn of(&self, source: &str) -> &str {
        match source {
            XINHUA => &self.xinhua,
            RT => &self.rt,
            other => panic!("no seed for source `{other}`"),
        }
    }

    /// Fails unless `phrase` is in the seed of `source`: the tests below quote the seeds, and
    /// this keeps the quotations honest.
    fn assert_says(&self, source: &str, phrase: &str) {
        assert!(
            self.of(source).contains(phrase),
            "the seed of `{source}` does not say {phrase:?}"
        );
    }
}

fn timeline() -> Timeline<'static> {
    match model::load_str(BUNDLED) {
        Ok(l) => l.timeline,
        Err(d) => panic!("{}", model::diag::render(model::BUNDLED_NAME, BUNDLED, &d)),
    }
}

fn event<'t>(t: &'t Timeline<'static>, id: &str) -> &'t Event<'static> {
    t.events
        .iter()
        .find(|e| e.id.value == id)
        .unwrap_or_else(|| panic!("no event `{id}`"))
}

fn claim<'t>(t: &'t Timeline<'static>, id: &str) -> &'t Claim<'static> {
    t.events
        .iter()
        .flat_map(|e| &e.claims)
        .find(|c| c.id.as_ref().is_some_and(|i| i.value == id))
        .unwrap_or_else(|| panic!("no claim `{id}`"))
}

fn claim_id(t: &Timeline<'static>, r: model::Ref) -> String {
    t.claim(&r)
        .1
        .id
        .as_ref()
        .map_or_else(String::new, |i| i.value.to_string())
}

fn confirms(t: &Timeline<'static>, c: &Claim<'static>) -> Vec<String> {
    c.confirms().iter().map(|&r| claim_id(t, r)).collect()
}

fn disputes(t: &Timeline<'static>, c: &Claim<'static>) -> Vec<String> {
    c.disputes.iter().map(|&r| claim_id(t, r)).collect()
}

fn source_id(t: &Timeline<'static>, r: model::Ref) -> String {
    t.source(&r).id.value.to_string()
}

#[test]
fn bundled_timeline_validates_without_errors_or_warnings() {
    let loaded = match model::load_str(BUNDLED) {
        Ok(l) => l,
        Err(d) => panic!("{}", model::diag::render(model::BUNDLED_NAME, BUNDLED, &d)),
    };
    assert!(
        loaded.warnings.is_empty(),
        "{}",
        model::diag::render(model::BUNDLED_NAME, BUNDLED, &loaded.warnings)
    );
    let t = loaded.timeline;
    assert_eq!(t.rounds.len(), 3);
    assert_eq!(t.sources.len(), 2);
    assert_eq!(t.events.len(), 23);
}

/// The timeline order, written out by hand: by day (a year's events first, ordered as the file
/// lists them), and on 23 July the two events from the feed's opening text, then the feed's
/// entries in the order RT posted them.
#[test]
fn events_are_in_the_hand_written_timeline_order() {
    let expected = [
        "nsdc-2022-ban",             // 2022
        "r1-istanbul",               // 2025, listed first
        "exchange-agreements",       // 2025, listed second
        "r2-memoranda",              // 2025-06-02
        "r3-zelensky-announces",     // 2025-07-21
        "r3-peskov-briefing",        // 2025-07-22
        "r3-peskov-expectations",    // 2025-07-23, from here on in file order
        "r3-delegations",            //
        "r3-face-to-face",           // the feed's earliest entry
        "r3-fidan-joins",            //
        "r3-opening",                //
        "r3-closed-doors",           //
        "r3-press-conference",       //
        "r3-talks-end",              //
        "r3-working-groups",         //
        "r3-bodies",                 //
        "r3-truces",                 //
        "r3-kursk-civilians",        //
        "r3-swap-completed",         //
        "r3-putin-zelensky-meeting", //
        "r3-lviv-remains",           //
        "r3-children",               //
        "r3-defense-ministry-swap",  // the feed's latest entry
    ];
    let t = timeline();
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.value.as_ref()).collect();
    assert_eq!(ids, expected);
}

/// Audit: every quote was found verbatim; keep it so, with the seed's own characters.
#[test]
fn every_quote_is_verbatim_in_its_sources_seed() {
    let Some(seeds) = seeds() else { return };
    let t = timeline();
    let mut quotes = 0;
    for e in &t.events {
        for q in &e.quotes {
            let source = source_id(&t, q.source);
            assert!(
                seeds.of(&source).contains(q.text.as_ref()),
                "event `{}`: the quote {:?} is not in the seed of `{source}`",
                e.id.value,
                q.text
            );
            assert_eq!(
                q.original(),
                None,
                "no seed gives words in another language"
            );
            quotes += 1;
        }
    }
    // 3 Peskov quotes in Xinhua; 6 Peskov and 5 Medinsky quotes in RT.
    assert_eq!(quotes, 14);
}

/// Audit fault 1: "told reporters", "news briefing" and "Telegram channel" are how a statement
/// was made (`channel`), not relays (`via`).
#[test]
fn how_a_statement_was_made_is_its_channel_not_a_relay() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(
        XINHUA,
        "Kremlin spokesman Dmitry Peskov said at a news briefing",
    );
    seeds.assert_says(XINHUA, "according to his Telegram channel");
    seeds.assert_says(RT, "Peskov told reporters");
    seeds.assert_says(RT, "Medinsky told reporters");
    let t = timeline();
    let channel_phrases = ["told reporters", "news briefing", "telegram channel"];
    let mut claim_channels = Vec::new();
    let mut quote_channels = Vec::new();
    for e in &t.events {
        let vias = e
            .quotes
            .iter()
            .filter_map(|q| q.via.as_deref())
            .chain(e.claims.iter().filter_map(|c| c.via.as_deref()));
        for via in vias {
            let via = via.to_lowercase();
            assert!(
                !channel_phrases.iter().any(|p| via.contains(p)),
                "event `{}`: via {via:?} is a channel, not a relay",
                e.id.value
            );
        }
        for c in &e.claims {
            if let Some(ch) = t.label_of(c.channel) {
                let id = c.id.as_ref().map_or("", |i| i.value.as_ref());
                claim_channels.push((id.to_string(), ch.to_string()));
            }
        }
        for q in &e.quotes {
            if let Some(ch) = t.label_of(q.channel) {
                quote_channels.push((q.text.to_string(), ch.to_string()));
            }
        }
    }
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect()
    };
    assert_eq!(
        claim_channels,
        pairs(&[
            ("ua-delegation-formed", "Telegram channel"),
            ("ua-delegation-head-xinhua", "Telegram channel"),
            ("peskov-this-week", "news briefing"),
            ("peskov-memoranda-focus", "news briefing"),
            ("working-groups", "told reporters"),
        ])
    );
    // Peskov's words in the paragraph that ends "Peskov told reporters", then Medinsky's.
    assert_eq!(
        quote_channels,
        pairs(&[
            (
                "It’s hardly possible to talk about this now.",
                "told reporters"
            ),
            ("We need to see how it goes", "told reporters"),
            ("No one expects an easy path.", "told reporters"),
            (
                "Naturally, this will be a very difficult conversation.",
                "told reporters"
            ),
            (
                "The draft proposals are diametrically opposed.",
                "told reporters"
            ),
            ("save time and taxpayers’ money", "told reporters"),
        ])
    );
}

/// Audit fault 2: Xinhua and RT word Umerov's post differently but do not contradict each
/// other, so their claims confirm each other; neither disputes the other.
#[test]
fn umerovs_two_titles_confirm_each_other_and_are_no_dispute() {
    let Some(seeds) = seeds() else { return };
    let xinhua_words = "Secretary of Ukraine's National Security and Defense Council";
    let rt_words = "appointed head of the country’s Security Council";
    seeds.assert_says(XINHUA, xinhua_words);
    seeds.assert_says(RT, rt_words);
    let t = timeline();
    let x = claim(&t, "umerov-title-xinhua");
    let r = claim(&t, "umerov-title-rt");
    assert_eq!(source_id(&t, x.source), XINHUA);
    assert_eq!(source_id(&t, r.source), RT);
    assert!(x.text.contains(xinhua_words), "{}", x.text);
    assert!(r.text.contains(rt_words), "{}", r.text);
    assert_eq!(confirms(&t, r), ["umerov-title-xinhua"]);
    assert!(disputes(&t, r).is_empty() && disputes(&t, x).is_empty());
}

/// Audit fault 3: the TASS source Xinhua cites (the 24 July date) and the one RT cites (talks
/// held in Russian) are two participants: nothing says they are one person.
#[test]
fn the_two_tass_sources_are_two_participants() {
    let Some(seeds) = seeds() else { return };
    let xinhua_phrase = "A source from TASS news agency";
    let rt_phrase = "a TASS source";
    seeds.assert_says(
        XINHUA,
        "A source from TASS news agency said that the third round of talks would be held on July 24",
    );
    seeds.assert_says(
        RT,
        "According to a TASS source, the negotiations were conducted in the Russian language.",
    );
    let t = timeline();
    let date = claim(&t, "r3-date-tass");
    let language = claim(&t, "talks-in-russian");
    let (Some(date_by), Some(language_by)) = (date.by, language.by) else {
        panic!("both TASS claims name their claimant");
    };
    assert_ne!(
        date_by.ix(),
        language_by.ix(),
        "one participant for two sources"
    );
    let has_alias = |r: &model::Ref, phrase: &str| {
        t.participant(r)
            .aliases
            .iter()
            .any(|a| a.eq_ignore_ascii_case(phrase))
    };
    assert!(has_alias(&date_by, xinhua_phrase));
    assert!(has_alias(&language_by, rt_phrase));
    assert_eq!(date.via.as_deref(), Some("TASS"));
    assert_eq!(language.via.as_deref(), Some("TASS"));
}

/// Audit fault 4: the names on the "Web editor" line belong to the page that carried the
/// Xinhua story, not to Xinhua; and the seed does not name that page, so the file does not.
#[test]
fn the_carrying_pages_web_editors_are_no_byline_and_the_page_is_not_named() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(XINHUA, "(Web editor: Zhong Wenxing, Liang Jun)");
    for name in ["People's Daily", "People’s Daily"] {
        assert!(!seeds.xinhua.contains(name), "the seed names the site");
        assert!(
            !BUNDLED.contains(name),
            "the file names a site the seed does not"
        );
    }
    let t = timeline();
    for s in &t.sources {
        for name in ["Zhong Wenxing", "Liang Jun"] {
            assert!(
                !s.byline.iter().any(|b| b.contains(name)),
                "source `{}` credits {name}",
                s.id.value
            );
        }
    }
}

/// Audit fault 5: Xinhua says only that the 1,000-for-1,000 and all-for-all agreements
/// followed the two rounds, so their event belongs to no round.
#[test]
fn the_exchange_agreements_after_the_two_rounds_have_no_round() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(
        XINHUA,
        "Following the two rounds of talks in Istanbul, Russia and Ukraine agreed to exchange prisoners based on the \"1,000 for 1,000\" formula",
    );
    seeds.assert_says(XINHUA, "in an \"all for all\" format");
    let t = timeline();
    let mut found = 0;
    for e in &t.events {
        for c in &e.claims {
            if c.text.contains("1,000 for 1,000") || c.text.contains("all for all") {
                found += 1;
                assert_eq!(
                    e.round.as_ref().map(|r| r.number),
                    None,
                    "event `{}` is placed at a round",
                    e.id.value
                );
            }
        }
    }
    assert_eq!(found, 2, "one claim per agreement");
}

/// Audit fault 6a: a summary keeps the attribution its report gives.
#[test]
fn summaries_keep_the_attributions_the_reports_give() {
    let Some(seeds) = seeds() else { return };
    // (source, the report's words, event, what its summary must say, case aside)
    let kept = [
        (
            RT,
            "are holding a face-to-face meeting, a source has told RT.",
            "r3-face-to-face",
            "a source has told RT",
        ),
        (
            RT,
            "According to a TASS source, the negotiations",
            "r3-talks-end",
            "according to a TASS source",
        ),
        (
            RT,
            "multiple Russian media outlets have reported, citing sources",
            "r3-talks-end",
            "multiple Russian media outlets",
        ),
        (
            RT,
            "Hakan Fidan, a source has told RIA Novosti.",
            "r3-fidan-joins",
            "a source has told RIA Novosti",
        ),
        (
            RT,
            "RT’s Konstantin Pridybaylo has reported.",
            "r3-press-conference",
            "Pridybaylo has reported",
        ),
        (
            RT,
            "Medinsky told reporters",
            "r3-working-groups",
            "Medinsky tells reporters",
        ),
        (
            RT,
            "previously provided by Kiev, Medinsky has said.",
            "r3-children",
            "Medinsky says",
        ),
        (
            XINHUA,
            "A source from TASS news agency said",
            "r3-zelensky-announces",
            "TASS source",
        ),
        (
            XINHUA,
            "according to his Telegram channel",
            "r3-zelensky-announces",
            "Telegram channel",
        ),
        (
            XINHUA,
            "Peskov said at a news briefing",
            "r3-peskov-briefing",
            "at a news briefing",
        ),
    ];
    let t = timeline();
    for (source, words, id, attribution) in kept {
        seeds.assert_says(source, words);
        let e = event(&t, id);
        let summary = e.summary.as_deref().unwrap_or_default().to_lowercase();
        assert!(
            summary.contains(&attribution.to_lowercase()),
            "the summary of `{id}` drops {attribution:?}: {summary:?}"
        );
    }
    // And whatever a claim is relayed through is named where the event is summed up.
    for e in &t.events {
        let said =
            format!("{} {}", e.title, e.summary.as_deref().unwrap_or_default()).to_lowercase();
        for via in e.claims.iter().filter_map(|c| c.via.as_deref()) {
            assert!(
                said.contains(&via.to_lowercase()),
                "event `{}` relays through {via:?} without saying so",
                e.id.value
            );
        }
    }
}

/// Audit fault 6b: the 40 minutes were the meeting of the two teams, not the round.
#[test]
fn no_title_makes_the_teams_40_minute_meeting_the_round() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(
        RT,
        "The meeting involving the two teams lasted for about 40 minutes.",
    );
    let t = timeline();
    let titled: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.title.contains("40 minutes"))
        .map(|e| e.title.as_ref())
        .collect();
    assert_eq!(titled.len(), 1, "{titled:?}");
    for title in titled {
        let lower = title.to_lowercase();
        assert!(
            lower.contains("meeting") && !lower.contains("round"),
            "{title:?}"
        );
    }
}

/// RT's feed entries, each event with words from the entry it reports (their places in the
/// feed give the order of posting).
const FEED_ENTRIES: [(&str, &str); 15] = [
    (
        "r3-face-to-face",
        "are holding a face-to-face meeting, a source has told RT",
    ),
    (
        "r3-fidan-joins",
        "has been joined by Turkish Foreign Minister Hakan Fidan",
    ),
    (
        "r3-opening",
        "The meeting was opened by Türkiye’s top diplomat",
    ),
    ("r3-closed-doors", "have continued behind closed doors"),
    (
        "r3-press-conference",
        "Journalists are soon expected to be allowed into the Ciragan Palace",
    ),
    (
        "r3-talks-end",
        "The talks between the two delegations have concluded",
    ),
    (
        "r3-working-groups",
        "Moscow proposed establishing three working groups",
    ),
    (
        "r3-bodies",
        "Russia has offered to hand over an additional 3,000 fallen Ukrainian soldiers",
    ),
    ("r3-truces", "temporary truces of up to 24 hours"),
    (
        "r3-kursk-civilians",
        "Russian civilians seized during the invasion of Kursk Region",
    ),
    (
        "r3-swap-completed",
        "The final batch of some 250 servicemen",
    ),
    (
        "r3-putin-zelensky-meeting",
        "Asked about the prospects of a meeting between Russian President Vladimir Putin",
    ),
    (
        "r3-lviv-remains",
        "asked Medinsky whether Russia is ready to consider exchanging the remains",
    ),
    (
        "r3-children",
        "Russia has reviewed the list of some 339 displaced Ukrainian children",
    ),
    (
        "r3-defense-ministry-swap",
        "the Russian Defense Ministry confirmed the latest prisoner swap",
    ),
];

/// Events taken from the feed's opening text, above its entries, with words from there.
const FEED_OPENING: [(&str, &str); 2] = [
    ("r3-peskov-expectations", "Peskov said earlier in the day"),
    (
        "r3-delegations",
        "The Russian delegation is headed by presidential aide Vladimir Medinsky",
    ),
];

/// Audit fault 6c: same-day events from RT's feed follow its order of posting. The feed
/// lists its entries newest first, under the heading "23 July 2025", so the expected order
/// is the reverse of the order in which each event's words appear there.
#[test]
fn same_day_feed_entries_follow_the_feeds_order_of_posting() {
    let Some(seeds) = seeds() else { return };
    let feed = &seeds.rt;
    let heading = "This live feed has ended.\n23 July 2025\n";
    let Some(start) = feed.find(heading) else {
        panic!("the feed's entries heading is missing");
    };
    let position = |words: &str| {
        let at = feed
            .find(words)
            .unwrap_or_else(|| panic!("the feed lacks {words:?}"));
        assert_eq!(feed.matches(words).count(), 1, "{words:?} is not unique");
        at
    };
    let mut posted: Vec<(usize, &str)> = FEED_ENTRIES
        .iter()
        .map(|&(id, words)| (position(words), id))
        .collect();
    assert!(
        posted.iter().all(|&(at, _)| at > start),
        "an entry is above the heading"
    );
    for (_, words) in FEED_OPENING {
        assert!(
            position(words) < start,
            "{words:?} is not in the opening text"
        );
    }
    // Newest first in the feed: the timeline runs from the bottom of the feed up.
    posted.sort_by_key(|&(at, _)| std::cmp::Reverse(at));
    let mut expected: Vec<&str> = FEED_OPENING.iter().map(|&(id, _)| id).collect();
    expected.extend(posted.iter().map(|&(_, id)| id));

    let t = timeline();
    let same_day: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.when.raw == "2025-07-23")
        .map(|e| e.id.value.as_ref())
        .collect();
    assert_eq!(same_day, expected);
}

/// Audit: the claims both reports make are joined by `confirms`; each pair is Xinhua's claim
/// and RT's, linked once, and there is no other `confirms` link.
#[test]
fn claims_both_reports_make_are_joined_by_confirms() {
    let Some(seeds) = seeds() else { return };
    // (Xinhua's claim, RT's claim, Xinhua's words, RT's words)
    let pairs = [
        (
            "two-earlier-rounds-xinhua",
            "two-earlier-rounds",
            "Following the two rounds of talks in Istanbul",
            "The talks follow two rounds of direct negotiations held in Istanbul earlier this year.",
        ),
        (
            "r2-memos-xinhua",
            "memos-rt",
            "the two sides exchanged draft memoranda",
            "The two sides have also exchanged draft memorandums",
        ),
        (
            "ua-delegation-head-xinhua",
            "ua-same-team",
            "led once again by Rustem Umerov",
            "Kiev has also fielded the same team as before, which is headed by",
        ),
        (
            "umerov-title-xinhua",
            "umerov-title-rt",
            "Secretary of Ukraine's National Security and Defense Council",
            "appointed head of the country’s Security Council",
        ),
        (
            "r3-venue-zelensky",
            "r3-venue-rt",
            "with Istanbul remaining the venue for the talks",
            "The delegations met at the Ciragan Palace",
        ),
        (
            "r3-date-zelensky",
            "r3-held-rt",
            "scheduled for July 23",
            "peace talks in Istanbul has ended",
        ),
        (
            "peskov-memoranda-focus",
            "peskov-focus-rt",
            "focusing on draft memoranda on resolving the conflict, Kremlin spokesman Dmitry Peskov said",
            "mainly focus on issues related to those draft memorandums",
        ),
    ];
    let t = timeline();
    for (x, r, x_words, r_words) in pairs {
        seeds.assert_says(XINHUA, x_words);
        seeds.assert_says(RT, r_words);
        assert_eq!(source_id(&t, claim(&t, x).source), XINHUA, "{x}");
        assert_eq!(source_id(&t, claim(&t, r).source), RT, "{r}");
        // `confirms` is shown from both sides (FORMAT.md): either claim may name the other.
        let (from_r, from_x) = (confirms(&t, claim(&t, r)), confirms(&t, claim(&t, x)));
        assert!(
            (from_r == [x] && from_x.is_empty()) || (from_x == [r] && from_r.is_empty()),
            "{x} and {r} are not joined by one confirms: {from_x:?} / {from_r:?}"
        );
    }
    let links: usize = t
        .events
        .iter()
        .flat_map(|e| &e.claims)
        .map(|c| c.confirms().len())
        .sum();
    assert_eq!(links, pairs.len());
    // Neither report carries an item of the other under the same words and attribution.
    for e in &t.events {
        assert!(e.quotes.iter().all(|q| q.also().is_empty()));
        assert!(e.claims.iter().all(|c| c.also().is_empty()));
    }
}

/// Audit: the date dispute stays. Zelensky (in Xinhua) gives July 23, a TASS source (in Xinhua)
/// July 24; RT reports the round held on the feed's day, which bears on it.
#[test]
fn the_third_round_date_dispute_is_kept() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(XINHUA, "scheduled for July 23");
    seeds.assert_says(XINHUA, "would be held on July 24, a day later");
    seeds.assert_says(RT, "23 July 2025");
    let t = timeline();
    let zelensky = claim(&t, "r3-date-zelensky");
    let tass = claim(&t, "r3-date-tass");
    let rt = claim(&t, "r3-held-rt");
    assert!(zelensky.text.contains("July 23"), "{}", zelensky.text);
    assert!(tass.text.contains("July 24"), "{}", tass.text);
    assert!(rt.text.contains("23 July 2025"), "{}", rt.text);
    assert_eq!(disputes(&t, tass), ["r3-date-zelensky"]);
    assert_eq!(disputes(&t, rt), ["r3-date-tass"]);
    assert_eq!(confirms(&t, rt), ["r3-date-zelensky"]);
    let by = |c: &Claim<'static>| c.by.map(|r| t.participant(&r).id.value.to_string());
    assert_eq!(by(zelensky).as_deref(), Some("zelensky"));
    assert_eq!(by(tass).as_deref(), Some("tass-source-xinhua"));
    assert_eq!(by(rt), None, "RT asserts it itself");
}

/// Audit: both reports are in English, and the file says so.
#[test]
fn both_sources_are_in_english() {
    let Some(seeds) = seeds() else { return };
    seeds.assert_says(XINHUA, "New round of direct talks between Russia, Ukraine");
    seeds.assert_says(
        RT,
        "The third round of Russia-Ukraine peace talks in Istanbul has ended.",
    );
    let t = timeline();
    let languages: Vec<(&str, Option<&str>)> = t
        .sources
        .iter()
        .map(|s| (s.id.value.as_ref(), s.language.as_deref()))
        .collect();
    assert_eq!(languages, [(XINHUA, Some("en")), (RT, Some("en"))]);
}

/// The corroboration numbers (FORMAT.md "Corroboration"), worked out by hand from the file:
/// a claim with a claimant has that participant as its origin, one without has its outlet.
#[test]
fn corroboration_numbers_are_the_hand_computed_ones() {
    let t = timeline();
    let index = |id: &str| {
        t.claims
            .iter()
            .position(|at| {
                let c = &t.events[at.event as usize].claims[at.claim as usize];
                c.id.as_ref().is_some_and(|i| i.value == id)
            })
            .unwrap_or_else(|| panic!("no claim `{id}`"))
    };
    let corroboration = Corroboration::build(&t);
    // (claim, the other members of its group, outlets, independent origins)
    let expected: [(&str, &[&str], u32, u32); 11] = [
        // Peskov in Xinhua and Peskov in RT: one claimant, two outlets.
        ("peskov-memoranda-focus", &["peskov-focus-rt"], 2, 1),
        // Zelensky (in Xinhua) and RT itself.
        ("r3-date-zelensky", &["r3-held-rt"], 2, 2),
        ("r3-venue-zelensky", &["r3-venue-rt"], 2, 2),
        ("ua-delegation-head-xinhua", &["ua-same-team"], 2, 2),
        // Each outlet asserting it itself.
        ("r2-memos-xinhua", &["memos-rt"], 2, 2),
        ("umerov-title-xinhua", &["umerov-title-rt"], 2, 2),
        ("two-earlier-rounds", &["two-earlier-rounds-xinhua"], 2, 2),
        // Alone: the two TASS sources are neither one origin nor one group.
        ("r3-date-tass", &[], 1, 1),
        ("talks-in-russian", &[], 1, 1),
        ("peskov-this-week", &[], 1, 1),
        ("face-to-face", &[], 1, 1),
    ];
    for (id, others, outlets, origins) in expected {
        let g = corroboration.group(index(id));
        let mut want: Vec<usize> = others.iter().map(|o| index(o)).collect();
        want.push(index(id));
        want.sort_unstable();
        let members: Vec<usize> = g.members.iter().map(|&m| m as usize).collect();
        assert_eq!(members, want, "members of the group of `{id}`");
        assert_eq!((g.outlets, g.origins), (outlets, origins), "`{id}`");
    }
    assert_eq!(
        corroboration.group(index("peskov-focus-rt")).to_string(),
        "2 outlets · 1 independent origin"
    );
    // 58 claims, 7 `confirms` links each joining two claims otherwise alone.
    assert_eq!(t.claims.len(), 58);
    assert_eq!(corroboration.len(), 51);
}
