//! A timeline restricted to some of its events, serialized exactly as a whole timeline is, so
//! that a filtered export is itself a valid timeline file. Events are borrowed, not cloned,
//! except the few whose `disputes` or `confirms` must drop links to claims left out.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::write::{Document, Keep};
use crate::model::{Event, Ref, Timeline};

/// Every source, participant and round of `timeline`, and the selected events.
#[derive(Debug)]
pub struct View<'t, 'a> {
    timeline: &'t Timeline<'a>,
    events: Vec<Cow<'t, Event<'a>>>,
    /// How many `disputes` links were dropped because they named a claim left out.
    pub dropped_links: usize,
    /// How many `confirms` links were dropped for the same reason.
    pub dropped_confirms: usize,
    /// For a selection: the sources, participants and rounds its events refer to, the only
    /// ones written. `None` for the whole timeline, written with every record it declares.
    keep: Option<Keep>,
}

impl<'t, 'a> View<'t, 'a> {
    /// The whole timeline, written out as a file holds it.
    #[must_use]
    pub fn all(timeline: &'t Timeline<'a>) -> Self {
        let all: Vec<u32> = (0..timeline.events.len() as u32).collect();
        View {
            keep: None,
            ..Self::new(timeline, &all)
        }
    }

    /// The events at `positions` (ascending, as [`crate::query::Filter::apply`] gives them),
    /// with only the sources, participants and rounds they refer to.
    #[must_use]
    pub fn new(timeline: &'t Timeline<'a>, positions: &[u32]) -> Self {
        let mut kept = vec![false; timeline.events.len()];
        for &p in positions {
            kept[p as usize] = true;
        }
        let claim_kept = |r: &Ref| kept[timeline.claims[r.ix()].event as usize];
        let (mut dropped_links, mut dropped_confirms) = (0, 0);
        let events: Vec<Cow<'t, Event<'a>>> = positions
            .iter()
            .map(|&p| {
                let e = &timeline.events[p as usize];
                let out =
                    |refs: &mut dyn Iterator<Item = &Ref>| refs.filter(|r| !claim_kept(r)).count();
                let disputes = out(&mut e.claims.iter().flat_map(|c| &c.disputes));
                let confirms = out(&mut e.claims.iter().flat_map(crate::model::Claim::confirms));
                if disputes + confirms == 0 {
                    return Cow::Borrowed(e);
                }
                dropped_links += disputes;
                dropped_confirms += confirms;
                let mut e = e.clone();
                for c in &mut e.claims {
                    c.disputes = c.disputes.iter().copied().filter(claim_kept).collect();
                    if let Some(p) = &mut c.provenance {
                        p.confirms = p.confirms.iter().copied().filter(claim_kept).collect();
                    }
                }
                Cow::Owned(e)
            })
            .collect();
        let keep = Some(Keep::referred_to(timeline, events.iter().map(|e| &**e)));
        View {
            timeline,
            events,
            dropped_links,
            dropped_confirms,
            keep,
        }
    }
}

impl<'a> View<'_, 'a> {
    /// The view as a whole timeline is written: [`crate::model::write::Document`].
    #[must_use]
    pub fn document(&self) -> Document<'_, 'a, Cow<'_, Event<'a>>> {
        Document {
            timeline: self.timeline,
            events: &self.events,
            keep: self.keep.as_ref(),
        }
    }
}

impl Serialize for View<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.document().serialize(s)
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
