//! Events, made one at a time so that any number of them streams in little memory.

use std::collections::VecDeque;

use super::rng::Rng;
use super::text::{self, Lang};
use super::words::{CITIES, TOPICS, Topic};
use super::world::{END, Kind, Prec, SPAN, START, World, when_str};

const DAY: i64 = 86_400;

/// How many recent claim ids a new claim may dispute.
const RECENT_CLAIMS: usize = 64;

pub struct Quote {
    pub speaker: u32,
    pub text: String,
    pub source: u32,
    pub via: Option<&'static str>,
    pub context: Option<String>,
}

pub struct Claim {
    pub id: Option<String>,
    pub by: Option<u32>,
    pub text: String,
    pub source: u32,
    pub via: Option<&'static str>,
    pub disputes: Vec<String>,
}

pub struct Event {
    pub id: String,
    pub when: String,
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

pub struct Events<'w> {
    world: &'w World,
    rng: Rng,
    /// Participants in a shuffled order: the first events name each of them once, so that
    /// none is left unreferenced.
    first_participants: Vec<u32>,
    /// Participants in order of prominence: prominent ones take part in many events.
    prominence: Vec<u32>,
    /// Sources in a shuffled order, cited once each by the first events.
    first_sources: Vec<u32>,
    groups: Vec<u32>,
    recent_claims: VecDeque<String>,
    /// Digits in event numbers, so that ids sort in generation order.
    width: usize,
    scratch: String,
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

    /// A source published around `t`.
    fn source_near(&mut self, t: i64) -> u32 {
        let n = self.world.sources.len();
        let base = usize::try_from((t - START) * i64::try_from(n).unwrap_or(1) / SPAN)
            .unwrap_or(0)
            .min(n - 1);
        // Mostly ones published at or after the event, which can report it.
        let i = (base + self.rng.range(0, 3)).saturating_sub(1).min(n - 1);
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
        (0..self.rng.range(1, 4))
            .map(|_| {
                let lang = Lang::pick(&mut self.rng);
                Quote {
                    speaker: self.speaker(participants),
                    text: text::quote(&mut self.rng, lang, topic, &mut self.scratch),
                    source: self.cite(sources, t),
                    via: self
                        .rng
                        .chance(350)
                        .then(|| text::quote_via(&mut self.rng, lang)),
                    context: self
                        .rng
                        .chance(400)
                        .then(|| text::context(&mut self.rng, lang, topic)),
                }
            })
            .collect()
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
            let via = self.rng.chance(300).then(|| text::claim_via(&mut self.rng));
            let text = text::claim(&mut self.rng, lang, topic, !disputes.is_empty());
            if let Some(id) = &id {
                if self.recent_claims.len() == RECENT_CLAIMS {
                    self.recent_claims.pop_front();
                }
                self.recent_claims.push_back(id.clone());
            }
            claims.push(Claim {
                id,
                by,
                text,
                source,
                via,
                disputes,
            });
        }
        claims
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
        let when = when_str(rng, t, precision);
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
