//! A timeline restricted to some of its events, serialized exactly as a whole timeline is, so
//! that a filtered export is itself a valid timeline file. Events are borrowed, not cloned,
//! except the few whose `disputes` must drop links to claims left out.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::model::{Claim, Event, Quote, Ref, Timeline};

/// Every source, participant and round of `timeline`, and the selected events.
#[derive(Debug)]
pub struct View<'t, 'a> {
    timeline: &'t Timeline<'a>,
    events: Vec<Cow<'t, Event<'a>>>,
    /// How many `disputes` links were dropped because they named a claim left out.
    pub dropped_links: usize,
}

impl<'t, 'a> View<'t, 'a> {
    /// The whole timeline, written out as a file holds it.
    #[must_use]
    pub fn all(timeline: &'t Timeline<'a>) -> Self {
        let all: Vec<u32> = (0..timeline.events.len() as u32).collect();
        Self::new(timeline, &all)
    }

    /// The events at `positions` (ascending, as [`crate::query::Filter::apply`] gives them).
    #[must_use]
    pub fn new(timeline: &'t Timeline<'a>, positions: &[u32]) -> Self {
        let mut kept = vec![false; timeline.events.len()];
        for &p in positions {
            kept[p as usize] = true;
        }
        let claim_kept = |r: &Ref| kept[timeline.claims[r.ix()].event as usize];
        let mut dropped_links = 0;
        let events = positions
            .iter()
            .map(|&p| {
                let e = &timeline.events[p as usize];
                let dangling = e
                    .claims
                    .iter()
                    .flat_map(|c| &c.disputes)
                    .filter(|r| !claim_kept(r))
                    .count();
                if dangling == 0 {
                    return Cow::Borrowed(e);
                }
                dropped_links += dangling;
                let mut e = e.clone();
                for c in &mut e.claims {
                    c.disputes.retain(|r| claim_kept(r));
                }
                Cow::Owned(e)
            })
            .collect();
        View {
            timeline,
            events,
            dropped_links,
        }
    }
}

impl Serialize for View<'_, '_> {
    /// The same fields, names and order as the derived `Serialize` of [`Timeline`].
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.timeline;
        let mut st = s.serialize_struct("Timeline", 5 + usize::from(t.summary.is_some()))?;
        st.serialize_field("title", &t.title)?;
        match &t.summary {
            Some(summary) => st.serialize_field("summary", summary)?,
            None => st.skip_field("summary")?,
        }
        st.serialize_field("sources", &t.sources)?;
        st.serialize_field("participants", &t.participants)?;
        st.serialize_field("rounds", &t.rounds)?;
        let events: Vec<Out<'_, '_, Event<'_>>> = self
            .events
            .iter()
            .map(|e| Out {
                t,
                record: e.as_ref(),
            })
            .collect();
        st.serialize_field("events", &events)?;
        st.end()
    }
}

/// A record written out with its references turned back into the ids they name. Fields,
/// names, order and omissions are those of the format (and of the `Deserialize` derive).
struct Out<'t, 'a, R> {
    t: &'t Timeline<'a>,
    record: &'t R,
}

impl<'t, 'a, R> Out<'t, 'a, R> {
    fn of<S>(&self, record: &'t S) -> Out<'t, 'a, S> {
        Out { t: self.t, record }
    }
}

/// A list of references, written as their ids.
struct Ids<'t, 'a> {
    t: &'t Timeline<'a>,
    refs: &'t [Ref],
    kind: Kind,
}

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

impl Serialize for Ids<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.refs.iter().map(|r| id(self.t, *r, self.kind)))
    }
}

/// Writes `field` unless `skip`, as `#[serde(skip_serializing_if)]` does.
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

impl Serialize for Out<'_, '_, Event<'_>> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, e) = (self.t, self.record);
        let ids = |refs, kind| Ids { t, refs, kind };
        let quotes: Vec<_> = e.quotes.iter().map(|q| self.of(q)).collect();
        let claims: Vec<_> = e.claims.iter().map(|c| self.of(c)).collect();
        let present = [
            e.round.is_some(),
            e.summary.is_some(),
            e.location.is_some(),
            !e.participants.is_empty(),
            !e.sources.is_empty(),
            !e.tags.is_empty(),
            !e.quotes.is_empty(),
            !e.claims.is_empty(),
        ];
        let mut st = s.serialize_struct("Event", 3 + present.iter().filter(|&&p| p).count())?;
        st.serialize_field("id", &e.id)?;
        st.serialize_field("when", &e.when)?;
        field(&mut st, "round", &e.round, e.round.is_none())?;
        st.serialize_field("title", &e.title)?;
        field(&mut st, "summary", &e.summary, e.summary.is_none())?;
        field(&mut st, "location", &e.location, e.location.is_none())?;
        let participants = ids(&e.participants, Kind::Participant);
        field(
            &mut st,
            "participants",
            &participants,
            e.participants.is_empty(),
        )?;
        let sources = ids(&e.sources, Kind::Source);
        field(&mut st, "sources", &sources, e.sources.is_empty())?;
        field(&mut st, "tags", &e.tags, e.tags.is_empty())?;
        field(&mut st, "quotes", &quotes, quotes.is_empty())?;
        field(&mut st, "claims", &claims, claims.is_empty())?;
        st.end()
    }
}

impl Serialize for Out<'_, '_, Quote<'_>> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, q) = (self.t, self.record);
        let len = 3 + usize::from(q.via.is_some()) + usize::from(q.context.is_some());
        let mut st = s.serialize_struct("Quote", len)?;
        st.serialize_field("speaker", id(t, q.speaker, Kind::Participant))?;
        st.serialize_field("text", &q.text)?;
        st.serialize_field("source", id(t, q.source, Kind::Source))?;
        field(&mut st, "via", &q.via, q.via.is_none())?;
        field(&mut st, "context", &q.context, q.context.is_none())?;
        st.end()
    }
}

impl Serialize for Out<'_, '_, Claim<'_>> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (t, c) = (self.t, self.record);
        let present = [
            c.id.is_some(),
            c.by.is_some(),
            c.via.is_some(),
            !c.disputes.is_empty(),
        ];
        let len = 2 + present.iter().filter(|&&p| p).count();
        let mut st = s.serialize_struct("Claim", len)?;
        field(&mut st, "id", &c.id, c.id.is_none())?;
        let by = c.by.as_ref().map(|&r| id(t, r, Kind::Participant));
        field(&mut st, "by", &by, by.is_none())?;
        st.serialize_field("text", &c.text)?;
        st.serialize_field("source", id(t, c.source, Kind::Source))?;
        field(&mut st, "via", &c.via, c.via.is_none())?;
        let disputes = Ids {
            t,
            refs: &c.disputes,
            kind: Kind::Claim,
        };
        field(&mut st, "disputes", &disputes, c.disputes.is_empty())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BUNDLED, load_str};

    #[test]
    fn a_view_of_every_event_writes_references_as_ids_and_reads_back() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let all: Vec<u32> = (0..t.events.len() as u32).collect();
        let view = View::new(&t, &all);
        assert_eq!(view.dropped_links, 0);
        let json = serde_json::to_string(&view).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        // References come out as the ids the bundled file writes.
        let quotes = t.events.iter().flat_map(|e| &e.quotes);
        for (k, q) in quotes.enumerate().take(3) {
            let written = q.speaker.id(BUNDLED);
            let out = value["events"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|e| e["quotes"].as_array().cloned().unwrap_or_default())
                .nth(k)
                .unwrap();
            assert_eq!(out["speaker"], *written, "quote {k}");
        }
        // And the export reads back, with the same references, to the same export.
        let mut back = crate::model::from_json(&json).unwrap();
        let diags = crate::model::validate::validate(&mut back, &json);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        assert_eq!(
            serde_json::to_string(&View::new(&back, &all)).unwrap(),
            json
        );
    }

    #[test]
    fn links_to_claims_left_out_are_dropped_and_counted() {
        let text = r#"Timeline(title: "T", sources: [Source(id: "s", outlet: "S")],
            participants: [], events: [
            Event(id: "a", when: "2025-01", title: "A",
                  claims: [Claim(id: "x", text: "x", source: "s")]),
            Event(id: "b", when: "2025-02", title: "B",
                  claims: [Claim(id: "y", text: "y", source: "s", disputes: ["x"])]),
        ])"#;
        let t = load_str(text).unwrap().timeline;
        let view = View::new(&t, &[1]);
        assert_eq!(view.dropped_links, 1);
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["events"].as_array().map(Vec::len), Some(1));
        assert!(json["events"][0]["claims"][0].get("disputes").is_none());
        // Both kept: the link stays.
        let view = View::new(&t, &[0, 1]);
        assert_eq!(view.dropped_links, 0);
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["events"][1]["claims"][0]["disputes"][0], "x");
    }
}
