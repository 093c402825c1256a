//! A timeline restricted to some of its events, serialized exactly as a whole timeline is, so
//! that a filtered export is itself a valid timeline file. Events are borrowed, not cloned,
//! except the few whose `disputes` must drop links to claims left out.

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::SerializeStruct;

use crate::model::{Event, Timeline};

/// Every source, participant and round of `timeline`, and the selected events.
#[derive(Debug)]
pub struct View<'t, 'a> {
    timeline: &'t Timeline<'a>,
    events: Vec<Cow<'t, Event<'a>>>,
    /// How many `disputes` links were dropped because they named a claim left out.
    pub dropped_links: usize,
}

impl<'t, 'a> View<'t, 'a> {
    /// The events at `positions` (ascending, as [`crate::query::Filter::apply`] gives them).
    #[must_use]
    pub fn new(timeline: &'t Timeline<'a>, positions: &[u32]) -> Self {
        let mut kept = vec![false; timeline.events.len()];
        for &p in positions {
            kept[p as usize] = true;
        }
        let claim_kept = |r: &crate::model::Ref<'_>| kept[timeline.claims[r.ix()].event as usize];
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
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BUNDLED, load_str};

    #[test]
    fn a_view_of_every_event_serializes_as_the_timeline_does() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let all: Vec<u32> = (0..t.events.len() as u32).collect();
        let view = View::new(&t, &all);
        assert_eq!(view.dropped_links, 0);
        assert_eq!(
            serde_json::to_string(&view).unwrap(),
            serde_json::to_string(&t).unwrap()
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
