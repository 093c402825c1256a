//! Attribution, decided once: for a quote or claim, the publication it was taken from, how it
//! was said (`channel`), through whom the outlet had it (`via`), the publication that
//! publication reprints, and the other publications that carry it (`also`). The browser and the
//! exports only format what this gives.

use crate::model::{Claim, Quote, Ref, Source, Timeline};

use super::corroboration::original_source;

/// How one quote or claim is attributed (FORMAT.md "Quote", "Claim" and 1.1's additions).
#[derive(Debug, Clone)]
pub struct Attribution<'t, 'a> {
    /// The publication it was taken from (`source`).
    pub source: &'t Source<'a>,
    /// How or where it was said or published (`channel`): not a relay.
    pub channel: Option<&'t str>,
    /// The relay the outlet depends on (`via`).
    pub via: Option<&'t str>,
    /// The publication `source` reprints, followed through `republishes` to the end; `None`
    /// when `source` reprints nothing.
    pub reprints: Option<&'t Source<'a>>,
    /// The other publications carrying it (`also`), in file order.
    pub also: Vec<&'t Source<'a>>,
}

impl<'t, 'a> Attribution<'t, 'a> {
    fn new(
        t: &'t Timeline<'a>,
        source: Ref,
        channel: Option<&'t str>,
        via: Option<&'t str>,
        also: &[Ref],
    ) -> Self {
        let original = original_source(t, source);
        Attribution {
            source: t.source(&source),
            channel,
            via,
            reprints: (original != source.ix()).then(|| &t.sources[original]),
            also: also.iter().map(|r| t.source(r)).collect(),
        }
    }

    /// The attribution on one line, as rows and citations show it: the outlet, the
    /// publication it reprints, how it was said, the relay; `RT · told reporters`,
    /// `Xinhua · via TASS`, `People's Daily Online (reprinting Xinhua)`. Text from the file,
    /// unescaped.
    #[must_use]
    pub fn line(&self) -> String {
        use std::fmt::Write;
        let mut s = self.source.outlet.to_string();
        // Writing to a `String` cannot fail.
        if let Some(r) = self.reprints {
            let _ = write!(s, " (reprinting {})", r.outlet);
        }
        if let Some(c) = self.channel {
            let _ = write!(s, " · {c}");
        }
        if let Some(v) = self.via {
            let _ = write!(s, " · via {v}");
        }
        s
    }

    /// The attribution chain, from whoever made the statement to the page it was read on:
    /// `who` (with the channel it was made through), the relay, the outlet, the publication
    /// the outlet reprints: `["Dmitry Peskov (news briefing)", "via TASS", "Xinhua"]`. With
    /// `who` `None` (a claim the outlet makes in its own voice) the chain starts at the relay
    /// or the outlet, which then carries the channel. Text from the file, unescaped; never
    /// empty.
    #[must_use]
    pub fn chain(&self, who: Option<&str>) -> Vec<String> {
        let said = |name: &str| match self.channel {
            Some(c) => format!("{name} ({c})"),
            None => name.to_string(),
        };
        let mut steps = Vec::with_capacity(4);
        if let Some(who) = who {
            steps.push(said(who));
        }
        if let Some(v) = self.via {
            steps.push(format!("via {v}"));
        }
        steps.push(match who {
            Some(_) => self.source.outlet.to_string(),
            None => said(&self.source.outlet),
        });
        if let Some(r) = self.reprints {
            steps.push(format!("reprinting {}", r.outlet));
        }
        steps
    }

    /// The attribution of quote `q` of timeline `t`.
    #[must_use]
    pub fn of_quote(t: &'t Timeline<'a>, q: &'t Quote<'a>) -> Self {
        Self::new(
            t,
            q.source,
            t.label_of(q.channel),
            q.via.as_deref(),
            q.also(),
        )
    }

    /// The attribution of claim `c` of timeline `t`.
    #[must_use]
    pub fn of_claim(t: &'t Timeline<'a>, c: &'t Claim<'a>) -> Self {
        Self::new(
            t,
            c.source,
            t.label_of(c.channel),
            c.via.as_deref(),
            c.also(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const FIXTURE: &str = include_str!("../../tests/fixtures/valid/corroboration.ron");

    #[test]
    fn channel_relay_reprint_and_also_are_told_apart() {
        let t = load_str(FIXTURE).unwrap().timeline;
        let claim = |id: &str| {
            t.events
                .iter()
                .flat_map(|e| &e.claims)
                .find(|c| c.id.as_ref().is_some_and(|i| i.value == id))
                .unwrap()
        };
        let a = Attribution::of_claim(&t, claim("memo-rt"));
        assert_eq!(&*a.source.outlet, "RT");
        assert_eq!((a.channel, a.via), (Some("told reporters"), None));
        assert_eq!(a.line(), "RT · told reporters");
        assert_eq!(
            a.chain(Some("A TASS source")),
            ["A TASS source (told reporters)", "RT"]
        );
        assert_eq!(a.chain(None), ["RT (told reporters)"]);
        assert!(a.reprints.is_none());
        let also: Vec<&str> = a.also.iter().map(|s| &*s.outlet).collect();
        assert_eq!(also, ["Mirror Site"]);

        let a = Attribution::of_claim(&t, claim("circ-xinhua"));
        assert_eq!((a.channel, a.via), (None, Some("Tass")));
        assert_eq!(a.line(), "Xinhua · via Tass");
        assert_eq!(a.chain(Some("X")), ["X", "via Tass", "Xinhua"]);
        assert_eq!(a.chain(None), ["via Tass", "Xinhua"]);

        // `mirror` reprints `people`, which reprints `xinhua`: the end of the chain.
        let a = Attribution::of_claim(&t, claim("reprint"));
        assert_eq!(&*a.source.outlet, "Mirror Site");
        assert_eq!(a.reprints.map(|s| &*s.outlet), Some("Xinhua"));
        assert_eq!(a.line(), "Mirror Site (reprinting Xinhua)");
        assert_eq!(
            a.chain(Some("X")),
            ["X", "Mirror Site", "reprinting Xinhua"]
        );
    }
}
