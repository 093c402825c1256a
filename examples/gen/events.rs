//! Events, made one at a time so that any number of them streams in little memory.

use std::collections::VecDeque;

use super::rates;
use super::rng::Rng;
use super::text::{self, Lang};
use super::words::{CITIES, How, TOPICS, Topic};
use super::world::{END, Kind, Prec, SPAN, START, World, Zone, when_in, zone};

const DAY: i64 = 86_400;

/// How many recent claim ids a new claim may dispute.
const RECENT_CLAIMS: usize = 64;

pub struct Quote {
    pub speaker: u32,
    pub text: String,
    pub source: u32,
    pub via: Option<&'static str>,
    pub context: Option<String>,
    pub said: Said,
    /// Format 1.1: the words verbatim in `said.lang`.
    pub original: Option<String>,
}

/// The format-1.1 fields quotes and claims share.
#[derive(Default)]
pub struct Said {
    pub channel: Option<&'static str>,
    /// Other sources carrying the statement, never its own `source`.
    pub also: Vec<u32>,
    pub lang: Option<&'static str>,
}

pub struct Claim {
    pub id: Option<String>,
    pub by: Option<u32>,
    pub text: String,
    pub source: u32,
    pub via: Option<&'static str>,
    pub disputes: Vec<String>,
    pub said: Said,
    /// Format 1.1: ids of earlier claims, from other sources, asserting the same fact.
    pub confirms: Vec<String>,
}

pub struct Event {
    pub id: String,
    pub when: String,
    /// Format 1.1: when it ended, after `when`.
    pub end: Option<String>,
    pub round: Option<u64>,
    pub title: String,
    pub summary: Option<String>,
    pub location: Option<&'static str>,
    pub participants: Vec<u32>,
    pub sources: Vec<u32>,
    pub tags: Vec<&'static str>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}

/// A recent claim with an id, which a later one may confirm.
struct Fact {
    id: String,
    source: u32,
    text: String,
}

pub struct Events<'w> {
    world: &'w World,
    rng: Rng,
    /// The stream format-1.1 fields are drawn from, apart from `rng` (see `rates`).
    prov: Rng,
    /// Participants in a shuffled order: the first events name each of them once, so that
    /// none is left unreferenced.
    first_participants: Vec<u32>,
    /// Participants in order of prominence: prominent ones take part in many events.
    prominence: Vec<u32>,
    /// Sources in a shuffled order, cited once each by the first events.
    first_sources: Vec<u32>,
    groups: Vec<u32>,
    recent_claims: VecDeque<String>,
    /// The same claims, for `confirms`.
    recent_facts: VecDeque<Fact>,
    /// Digits in event numbers, so that ids sort in generation order.
    width: usize,
    scratch: String,
}

/// The index among `n` sources spread evenly over the years of the one published about `t`.
fn source_index(n: usize, t: i64) -> usize {
    usize::try_from((t - START) * i64::try_from(n).unwrap_or(1) / SPAN)
        .unwrap_or(0)
        .min(n - 1)
}

fn shuffled(rng: &mut Rng, n: usize) -> Vec<u32> {
    let mut v: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut v);
    v
}

impl<'w> Events<'w> {
    pub fn new(world: &'w World, mut rng: Rng, count: usize) -> Self {
        let np = world.participants.len();
        Events {
            first_participants: shuffled(&mut rng, np),
            prominence: shuffled(&mut rng, np),
            first_sources: shuffled(&mut rng, world.sources.len()),
            groups: (0..np as u32)
                .filter(|&i| world.participants[i as usize].kind == Kind::Group)
                .collect(),
            recent_claims: VecDeque::with_capacity(RECENT_CLAIMS + 1),
            recent_facts: VecDeque::with_capacity(RECENT_CLAIMS + 1),
            prov: rng.derive(2),
            width: count.saturating_sub(1).to_string().len(),
            scratch: String::with_capacity(256),
            world,
            rng,
        }
    }

    /// A time for an event of round `r`: mostly during the round, some in its run-up and
    /// aftermath.
    fn round_time(&mut self, r: usize) -> i64 {
        let round = &self.world.rounds[r];
        let t = match self.rng.below(10) {
            0 | 1 => round.begins - self.rng.span(0, 21 * DAY),
            2 => round.begins + round.days * DAY + self.rng.span(0, 14 * DAY),
            _ => round.begins + self.rng.span(6 * 3600, round.days * DAY - 2 * 3600),
        };
        t.clamp(START, END - 1)
    }

    /// A source published around `t`: mostly one published at or after it, which can
    /// report it.
    fn source_near(&mut self, t: i64) -> u32 {
        let n = self.world.sources.len();
        let i = (source_index(n, t) + self.rng.range(0, 3))
            .saturating_sub(1)
            .min(n - 1);
        i as u32
    }

    fn participants(&mut self, i: usize) -> Vec<u32> {
        let np = self.world.participants.len();
        let want = self.rng.range(2, 6).min(np);
        let mut list = Vec::with_capacity(want);
        for k in [2 * i, 2 * i + 1] {
            if k < np {
                list.push(self.first_participants[k]);
            }
        }
        while list.len() < want {
            let p = self.prominence[self.rng.skewed(np)];
            if !list.contains(&p) {
                list.push(p);
            }
        }
        list
    }

    fn sources(&mut self, i: usize, t: i64) -> Vec<u32> {
        let want = self.rng.range(1, 4);
        let mut list = Vec::with_capacity(want);
        list.push(match self.first_sources.get(i) {
            Some(&s) => s,
            None => self.source_near(t),
        });
        for _ in 1..want {
            let s = self.source_near(t);
            if !list.contains(&s) {
                list.push(s);
            }
        }
        list
    }

    /// The event's first person, for "Sokolov: …" titles, by family name in `lang`.
    fn lead(&self, participants: &[u32], lang: Lang) -> Option<&'w str> {
        let world = self.world;
        let p = participants
            .iter()
            .map(|&p| &world.participants[p as usize])
            .find(|p| p.kind == Kind::Person)?;
        match lang {
            Lang::En => p.short_en.as_deref(),
            Lang::Ru => p.short_ru.as_deref(),
        }
    }

    /// A speaker among the event's participants, a person when there is one.
    fn speaker(&mut self, participants: &[u32]) -> u32 {
        let world = self.world;
        let people: Vec<u32> = participants
            .iter()
            .copied()
            .filter(|&p| world.participants[p as usize].kind == Kind::Person)
            .collect();
        if people.is_empty() || self.rng.chance(100) {
            *self.rng.pick(participants)
        } else {
            *self.rng.pick(&people)
        }
    }

    /// A source for a quote or claim: one the event cites, now and then another near it.
    fn cite(&mut self, sources: &[u32], t: i64) -> u32 {
        if self.rng.chance(850) {
            *self.rng.pick(sources)
        } else {
            self.source_near(t)
        }
    }

    fn quotes(
        &mut self,
        participants: &[u32],
        sources: &[u32],
        t: i64,
        topic: &Topic,
    ) -> Vec<Quote> {
        let n = self.rng.range(1, 4);
        let mut quotes = Vec::with_capacity(n);
        for _ in 0..n {
            let lang = Lang::pick(&mut self.rng);
            let speaker = self.speaker(participants);
            let text = text::quote(&mut self.rng, lang, topic, &mut self.scratch);
            let source = self.cite(sources, t);
            let how = self
                .rng
                .chance(350)
                .then(|| text::quote_via(&mut self.rng, lang));
            let context = self
                .rng
                .chance(400)
                .then(|| text::context(&mut self.rng, lang, topic));
            let channel = |rng: &mut Rng| text::quote_channel(rng, lang);
            let (via, mut said) = self.said(how, rates::QUOTE_CHANNEL, channel);
            said.also = self.also(source, t, rates::QUOTE_ALSO);
            said.lang = self.spoken(Some(speaker), lang, source, rates::QUOTE_LANG);
            let original = match said.lang {
                _ if !self.prov.chance(rates::ORIGINAL) => None,
                Some("ru") => Some(text::quote(
                    &mut self.prov,
                    Lang::Ru,
                    topic,
                    &mut self.scratch,
                )),
                Some(_) => Some(text::original_uk(&mut self.prov)),
                None => None,
            };
            quotes.push(Quote {
                speaker,
                text,
                source,
                via,
                context,
                said,
                original,
            });
        }
        quotes
    }

    /// Sorts what the version-1 generator wrote as `via` into a relay (`via`) or a `channel`,
    /// and gives `rate` of the statements left without either a channel made by `channel`.
    fn said(
        &mut self,
        how: Option<(&'static str, How)>,
        rate: usize,
        channel: impl FnOnce(&mut Rng) -> &'static str,
    ) -> (Option<&'static str>, Said) {
        let more = self.prov.chance(rate);
        let (via, channel) = match how {
            Some((relay, How::Relay)) => (Some(relay), None),
            Some((channel, How::Channel)) => (None, Some(channel)),
            None => (None, more.then(|| channel(&mut self.prov))),
        };
        let said = Said {
            channel,
            ..Said::default()
        };
        (via, said)
    }

    /// For `rate` of statements, 1 to 3 other sources published around `t` that carry the
    /// statement too (`also`): never its own `source`, none twice. Fewer when there are few
    /// sources.
    fn also(&mut self, source: u32, t: i64, rate: usize) -> Vec<u32> {
        if !self.prov.chance(rate) {
            return Vec::new();
        }
        let want = 1 + self.prov.weighted(&rates::ALSO_COUNT);
        let n = self.world.sources.len();
        let base = source_index(n, t);
        let (lo, hi) = (base.saturating_sub(2), (base + 3).min(n - 1));
        let mut also = Vec::with_capacity(want);
        for _ in 0..2 * want {
            let s = self.prov.range(lo, hi) as u32;
            if s != source && !also.contains(&s) {
                also.push(s);
                if also.len() == want {
                    break;
                }
            }
        }
        also
    }

    /// The language a statement by `who`, printed in `lang` by `source`, was first said in,
    /// for `rate` of those that were translated: Russian or Ukrainian for a participant of
    /// those sides, printed in English by a source publishing in another language.
    fn spoken(
        &mut self,
        who: Option<u32>,
        lang: Lang,
        source: u32,
        rate: usize,
    ) -> Option<&'static str> {
        if !self.prov.chance(rate) || lang != Lang::En {
            return None;
        }
        let tag = match self.world.participants[who? as usize].side {
            Some(0) => "ru",
            Some(1) => "uk",
            _ => return None,
        };
        (self.world.sources[source as usize].lang != tag).then_some(tag)
    }

    /// For `rate::CONFIRMS` of claims, one or two recent claims taken from other sources
    /// that this one confirms (never one it disputes, never itself: it is not among the recent
    /// ones yet), with the text of the first, the fact they assert. A second is named only when
    /// it asserts the same fact as the first.
    fn confirms(&mut self, source: u32, disputes: &[String]) -> (Vec<String>, Option<String>) {
        if !self.prov.chance(rates::CONFIRMS) {
            return (Vec::new(), None);
        }
        let two = self.prov.chance(rates::CONFIRMS_TWO);
        let candidates: Vec<&Fact> = self
            .recent_facts
            .iter()
            .filter(|f| f.source != source && !disputes.contains(&f.id))
            .collect();
        if candidates.is_empty() {
            return (Vec::new(), None);
        }
        let first = *self.prov.pick(&candidates);
        let mut ids = vec![first.id.clone()];
        if two {
            let same: Vec<&&Fact> = candidates
                .iter()
                .filter(|f| f.id != first.id && f.text == first.text)
                .collect();
            if !same.is_empty() {
                ids.push(self.prov.pick(&same).id.clone());
            }
        }
        (ids, Some(first.text.clone()))
    }

    fn claims(&mut self, event: &Event, t: i64, topic: &Topic) -> Vec<Claim> {
        let n = self.rng.range(0, 3);
        let mut claims = Vec::with_capacity(n);
        for k in 0..n {
            let lang = Lang::pick(&mut self.rng);
            let id = self
                .rng
                .chance(200)
                .then(|| format!("{}-c{}", event.id, k + 1));
            let mut disputes = Vec::new();
            if id.is_some() && !self.recent_claims.is_empty() && self.rng.chance(350) {
                for _ in 0..if self.rng.chance(150) { 2 } else { 1 } {
                    let d = self.rng.pick(self.recent_claims.make_contiguous()).clone();
                    if !disputes.contains(&d) {
                        disputes.push(d);
                    }
                }
            }
            let by = match self.rng.below(20) {
                0..=6 => None,
                7..=11 if !self.groups.is_empty() => Some(*self.rng.pick(&self.groups)),
                _ => Some(*self.rng.pick(&event.participants)),
            };
            let source = self.cite(&event.sources, t);
            let how = self.rng.chance(300).then(|| text::claim_via(&mut self.rng));
            let mut text = text::claim(&mut self.rng, lang, topic, !disputes.is_empty());
            let (via, mut said) = self.said(how, rates::CLAIM_CHANNEL, text::claim_channel);
            said.also = self.also(source, t, rates::CLAIM_ALSO);
            said.lang = self.spoken(by, lang, source, rates::CLAIM_LANG);
            let (confirms, fact) = self.confirms(source, &disputes);
            // A claim confirming another asserts the same fact: in the same words, unless it
            // is worded as a contradiction of something else.
            if let Some(fact) = fact.filter(|_| disputes.is_empty()) {
                text = fact;
            }
            if let Some(id) = &id {
                if self.recent_claims.len() == RECENT_CLAIMS {
                    self.recent_claims.pop_front();
                    self.recent_facts.pop_front();
                }
                self.recent_claims.push_back(id.clone());
                self.recent_facts.push_back(Fact {
                    id: id.clone(),
                    source,
                    text: text.clone(),
                });
            }
            claims.push(Claim {
                id,
                by,
                text,
                source,
                via,
                disputes,
                said,
                confirms,
            });
        }
        claims
    }

    /// The `when` of an event at `t`: as version 1 wrote it, or in another RFC 3339 form
    /// (see [`rates::RFC3339_FORMS`]).
    fn when(&mut self, t: i64, prec: Prec, zone: Zone) -> String {
        let mut when = when_in(t, prec, zone);
        let timed = matches!(prec, Prec::Minute | Prec::Second);
        let fraction = matches!(prec, Prec::Second) && self.prov.chance(rates::FRACTION);
        let space = timed && self.prov.chance(rates::SPACE);
        if rates::RFC3339_FORMS {
            if fraction {
                // Milliseconds, as JavaScript writes them, after `YYYY-MM-DDTHH:MM:SS`.
                let millis = self.prov.below(1000);
                when.insert_str(19, &format!(".{millis:03}"));
            }
            if space {
                when.replace_range(10..11, " ");
            }
        }
        when
    }

    /// For [`rates::EVENT_END`] of events known to the day or better, when they ended: one
    /// to three days later for a day, half an hour to eight hours later (in the same offset,
    /// at the same precision) for a time of day. Always after `when`.
    fn end(&mut self, t: i64, prec: Prec, zone: Zone) -> Option<String> {
        if !self.prov.chance(rates::EVENT_END) {
            return None;
        }
        match prec {
            Prec::Day => {
                let days = self.prov.span(1, 4);
                Some(when_in(t + days * DAY, prec, zone))
            }
            Prec::Minute | Prec::Second => {
                let lasted = self.prov.span(30 * 60, 8 * 3600);
                Some(when_in(t + lasted, prec, zone))
            }
            Prec::Year | Prec::Month => None,
        }
    }

    /// Event number `i`, with a time drawn independently of its neighbours': events come in
    /// random order, as if a sorted timeline had been shuffled.
    pub fn event(&mut self, i: usize) -> Event {
        let rng = &mut self.rng;
        let (round, t) = if let Some(&s) = self.first_sources.get(i) {
            // The first events each cite a different source, so that every source is cited;
            // they happened shortly before it was published.
            let at = self.world.sources[s as usize].at;
            (None, (at - rng.span(0, 3 * DAY)).clamp(START, END - 1))
        } else if rng.chance(800) {
            let r = rng.below(self.world.rounds.len());
            (Some(r), self.round_time(r))
        } else {
            (None, rng.span(START, END))
        };
        let rng = &mut self.rng;
        let precision = [
            Prec::Year,
            Prec::Month,
            Prec::Day,
            Prec::Minute,
            Prec::Second,
        ][rng.weighted(&[25, 25, 350, 480, 120])];
        let tz = zone(rng, precision);
        let when = self.when(t, precision, tz);
        let end = self.end(t, precision, tz);
        let rng = &mut self.rng;
        let topic = rng.pick(TOPICS);
        let mut tags = vec![topic.tag];
        for _ in 0..rng.range(0, 2) {
            let tag = rng.pick(TOPICS).tag;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let number = round.map(|r| self.world.rounds[r].number);
        let id = match number {
            Some(n) => format!("r{n}-{}-{i:0w$}", topic.slug, w = self.width),
            None => format!("bg-{}-{i:0w$}", topic.slug, w = self.width),
        };
        let participants = self.participants(i);
        let sources = self.sources(i, t);
        let lang = Lang::pick(&mut self.rng);
        let lead = self.lead(&participants, lang);
        let rng = &mut self.rng;
        let title = text::headline(rng, lang, topic, lead);
        let summary = rng.chance(700).then(|| {
            let lang = Lang::pick(rng);
            text::summary(rng, lang, topic)
        });
        let venue = round.and_then(|r| self.world.rounds[r].venue);
        let location = rng
            .chance(500)
            .then(|| venue.unwrap_or_else(|| *rng.pick(CITIES)));
        let quotes = self.quotes(&participants, &sources, t, topic);
        let mut event = Event {
            id,
            when,
            end,
            round: number,
            title,
            summary,
            location,
            participants,
            sources,
            tags,
            quotes,
            claims: Vec::new(),
        };
        event.claims = self.claims(&event, t, topic);
        event
    }
}
