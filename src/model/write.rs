//! Records written back out in the format's own structure (`serde::Serialize`), references
//! turned back into the ids they name: what `export --format json|ron` writes, and what a
//! timeline read back from it must equal.

use std::borrow::Borrow;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::types::{Claim, Event, Quote, Ref, Source, Timeline};

/// A timeline written as a file holds it: every source, participant and round of `timeline`,
/// and `events` (all of them, or a selection; any type that borrows as an [`Event`]). Fields,
/// names, order and omissions are those of FORMAT.md, versions 1 and 1.1.
pub struct Document<'t, 'a, E> {
    /// The timeline whose references the records' ids are read from.
    pub timeline: &'t Timeline<'a>,
    /// The events to write, in the order given.
    pub events: &'t [E],
    /// Which sources, participants and rounds to write; all of them when `None`.
    pub keep: Option<&'t Keep>,
}

/// The declared records a selection of events refers to (one flag per record of
/// `Timeline::sources`, `participants` and `rounds`), so that a filtered export declares
/// nothing it does not use and `check` on it warns of nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keep {
    /// Per source: cited by a kept event, quote or claim (`source`, `also`), or reprinted
    /// (`republishes`) by a kept source.
    pub sources: Vec<bool>,
    /// Per participant: listed in, quoted in or claiming in a kept event.
    pub participants: Vec<bool>,
    /// Per round: a kept event belongs to it.
    pub rounds: Vec<bool>,
}

impl Keep {
    /// What the `events` of `t` refer to. `t` must have loaded (references resolved).
    #[must_use]
    pub fn referred_to<'e, 'a: 'e>(
        t: &Timeline<'a>,
        events: impl IntoIterator<Item = &'e Event<'a>>,
    ) -> Self {
        let mut keep = Keep {
            sources: vec![false; t.sources.len()],
            participants: vec![false; t.participants.len()],
            rounds: vec![false; t.rounds.len()],
        };
        for e in events {
            if let Some(r) = &e.round {
                keep.rounds[r.target as usize] = true;
            }
            for p in &e.participants {
                keep.participants[p.ix()] = true;
            }
            for r in e.cited() {
                keep.sources[r.ix()] = true;
            }
            for q in &e.quotes {
                keep.participants[q.speaker.ix()] = true;
            }
            for c in &e.claims {
                if let Some(by) = &c.by {
                    keep.participants[by.ix()] = true;
                }
            }
        }
        // A kept reprint keeps the publication it reprints, and so on down the chain
        // (validation refused circles; the walk is bounded all the same).
        for start in 0..t.sources.len() {
            let mut at = start;
            let mut steps = 0;
            while keep.sources[at]
                && let Some(next) = t.sources[at].republishes
                && steps < t.sources.len()
            {
                keep.sources[next.ix()] = true;
                at = next.ix();
                steps += 1;
            }
        }
        keep
    }
}

/// The records of `list` whose flag in `keep` is set (all of them without one).
fn kept<'r, R>(list: &'r [R], keep: Option<&[bool]>) -> Vec<&'r R> {
    list.iter()
        .enumerate()
        .filter(|(i, _)| keep.is_none_or(|k| k[*i]))
        .map(|(_, r)| r)
        .collect()
}

impl<'a, E: Borrow<Event<'a>>> Serialize for Document<'_, 'a, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.timeline;
        let mut st = s.serialize_struct("Timeline", 5 + usize::from(t.summary.is_some()))?;
        st.serialize_field("title", &t.title)?;
        field(&mut st, "summary", &t.summary, t.summary.is_none())?;
        let sources: Vec<_> = kept(&t.sources, self.keep.map(|k| &k.sources[..]))
            .into_iter()
            .map(|r| Out { t, record: r })
            .collect();
        st.serialize_field("sources", &sources)?;
        let participants = kept(&t.participants, self.keep.map(|k| &k.participants[..]));
        st.serialize_field("participants", &participants)?;
        st.serialize_field("rounds", &kept(&t.rounds, self.keep.map(|k| &k.rounds[..])))?;
        let events: Vec<_> = self
            .events
            .iter()
            .map(|e| Out {
                t,
                record: e.borrow(),
            })
            .collect();
        st.serialize_field("events", &events)?;
        st.end()
    }
}

/// `e` as a timeline file writes it (its references as ids, read from `t`): an item of the
/// `events` list of a [`Document`], for writing the items on their own.
#[must_use]
pub fn event<'t, 'a>(t: &'t Timeline<'a>, e: &'t Event<'a>) -> impl Serialize + 't {
    Out { t, record: e }
}

/// One record with the timeline its references point into.
struct Out<'t, 'a, R> {
    t: &'t Timeline<'a>,
    record: &'t R,
}

/// What a reference names.
#[derive(Clone, Copy)]
enum Kind {
    Source,
    Participant,
    Claim,
}

fn id<'t>(t: &'t Timeline<'_>, r: Ref, kind: Kind) -> &'t str {
    match kind {
        Kind::Source => &t.source(&r).id.value,
        Kind::Participant => &t.participant(&r).id.value,
        Kind::Claim => t.claim(&r).1.id.as_ref().map_or("", |id| &id.value),
    }
}

/// A list of references, written as their ids.
struct Ids<'t, 'a> {
    t: &'t Timeline<'a>,
    refs: &'t [Ref],
    kind: Kind,
}

impl Serialize for Ids<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.refs.iter().map(|r| id(self.t, *r, self.kind)))
    }
}

/// Writes `value` as `name` unless `skip`, as `#[serde(skip_serializing_if)]` does.
fn field<S: SerializeStruct, T: Serialize + ?Sized>(
    st: &mut S,
    name: &'static str,
    value: &T,
    skip: bool,
) -> Result<(), S::Error> {
    if skip {
        st.skip_field(name)
    } else {
        st.serialize_field(name, value)
    }
}

/// Writes a list of references as ids, left out when empty.
fn refs<S: SerializeStruct>(
    st: &mut S,
    t: &Timeline<'_>,
    name: &'static str,
    refs: &[Ref],
    kind: Kind,
) -> Result<(), S::Error> {
    field(st, name, &Ids { t, refs, kind }, refs.is_empty())
}

fn count(present: &[bool]) -> usize {
    present.iter().filter(|&&p| p).count()
}

impl Serialize for Out<'_, '_, Source<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, r) = (self.t, self.record);
        let present = [
            r.title.is_some(),
            r.published.is_some(),
            r.url.is_some(),
            !r.byline.is_empty(),
            r.kind != super::SourceKind::default(),
            r.republishes.is_some(),
            r.language.is_some(),
        ];
        let mut st = s.serialize_struct("Source", 2 + count(&present))?;
        st.serialize_field("id", &r.id)?;
        st.serialize_field("outlet", &r.outlet)?;
        field(&mut st, "title", &r.title, r.title.is_none())?;
        field(&mut st, "published", &r.published, r.published.is_none())?;
        field(&mut st, "url", &r.url, r.url.is_none())?;
        field(&mut st, "byline", &r.byline, r.byline.is_empty())?;
        field(&mut st, "kind", &r.kind, !present[4])?;
        let republishes = r.republishes.map(|r| id(t, r, Kind::Source));
        field(&mut st, "republishes", &republishes, republishes.is_none())?;
        field(&mut st, "language", &r.language, r.language.is_none())?;
        st.end()
    }
}

impl Serialize for Out<'_, '_, Event<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, e) = (self.t, self.record);
        let quotes: Vec<_> = e.quotes.iter().map(|q| Out { t, record: q }).collect();
        let claims: Vec<_> = e.claims.iter().map(|c| Out { t, record: c }).collect();
        let present = [
            e.end.is_some(),
            e.round.is_some(),
            e.summary.is_some(),
            e.location.is_some(),
            !e.participants.is_empty(),
            !e.sources.is_empty(),
            !e.tags.is_empty(),
            !e.quotes.is_empty(),
            !e.claims.is_empty(),
        ];
        let mut st = s.serialize_struct("Event", 3 + count(&present))?;
        st.serialize_field("id", &e.id)?;
        st.serialize_field("when", &e.when)?;
        field(&mut st, "end", &e.end, e.end.is_none())?;
        field(&mut st, "round", &e.round, e.round.is_none())?;
        st.serialize_field("title", &e.title)?;
        field(&mut st, "summary", &e.summary, e.summary.is_none())?;
        field(&mut st, "location", &e.location, e.location.is_none())?;
        refs(
            &mut st,
            t,
            "participants",
            &e.participants,
            Kind::Participant,
        )?;
        refs(&mut st, t, "sources", &e.sources, Kind::Source)?;
        field(&mut st, "tags", &e.tags, e.tags.is_empty())?;
        field(&mut st, "quotes", &quotes, quotes.is_empty())?;
        field(&mut st, "claims", &claims, claims.is_empty())?;
        st.end()
    }
}

impl Serialize for Out<'_, '_, Quote<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, q) = (self.t, self.record);
        let present = [
            q.via.is_some(),
            q.context.is_some(),
            q.channel.is_some(),
            !q.also().is_empty(),
            q.lang.is_some(),
            q.original().is_some(),
        ];
        let mut st = s.serialize_struct("Quote", 3 + count(&present))?;
        st.serialize_field("speaker", id(t, q.speaker, Kind::Participant))?;
        st.serialize_field("text", &q.text)?;
        st.serialize_field("source", id(t, q.source, Kind::Source))?;
        field(&mut st, "via", &q.via, q.via.is_none())?;
        field(&mut st, "context", &q.context, q.context.is_none())?;
        let channel = t.label_of(q.channel);
        field(&mut st, "channel", &channel, channel.is_none())?;
        refs(&mut st, t, "also", q.also(), Kind::Source)?;
        let lang = t.label_of(q.lang);
        field(&mut st, "lang", &lang, lang.is_none())?;
        field(&mut st, "original", &q.original(), q.original().is_none())?;
        st.end()
    }
}

impl Serialize for Out<'_, '_, Claim<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, c) = (self.t, self.record);
        let present = [
            c.id.is_some(),
            c.by.is_some(),
            c.via.is_some(),
            !c.disputes.is_empty(),
            c.channel.is_some(),
            !c.also().is_empty(),
            c.lang.is_some(),
            !c.confirms().is_empty(),
        ];
        let mut st = s.serialize_struct("Claim", 2 + count(&present))?;
        field(&mut st, "id", &c.id, c.id.is_none())?;
        let by = c.by.map(|r| id(t, r, Kind::Participant));
        field(&mut st, "by", &by, by.is_none())?;
        st.serialize_field("text", &c.text)?;
        st.serialize_field("source", id(t, c.source, Kind::Source))?;
        field(&mut st, "via", &c.via, c.via.is_none())?;
        refs(&mut st, t, "disputes", &c.disputes, Kind::Claim)?;
        let channel = t.label_of(c.channel);
        field(&mut st, "channel", &channel, channel.is_none())?;
        refs(&mut st, t, "also", c.also(), Kind::Source)?;
        let lang = t.label_of(c.lang);
        field(&mut st, "lang", &lang, lang.is_none())?;
        refs(&mut st, t, "confirms", c.confirms(), Kind::Claim)?;
        st.end()
    }
}
