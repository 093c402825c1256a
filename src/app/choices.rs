//! The filter menu (`f`): every filter the command line has, as choices to pick, narrowed by
//! typing. Picking one turns it on in the browser's filter, or off when it is on.

use crate::model::{ParticipantKind, Timeline};
use crate::query::fold::fold;
use crate::query::tally::{RelayMatch, RelayPart};
use crate::query::{Filter, Index};

/// One choice of the filter menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// `--anonymous`.
    Anonymous,
    /// `--disputed`.
    Disputed,
    /// `--corroborated`.
    Corroborated,
    /// `--single-origin`.
    SingleOrigin,
    /// `--source`: the sources of one outlet (indices into `Timeline::sources`, ascending).
    Outlet(Vec<u32>),
    /// `--participant`: a participant index.
    Participant(u32),
    /// A relay, as the file first writes it: the statements relayed by it exactly (case and
    /// spaces aside), not every relay holding its text as `--via` does.
    Relay(String),
}

impl Choice {
    /// Every choice the timeline offers: the four flags, then each outlet, each participant
    /// taking part in an event, and each relay, in the order the file first names them.
    #[must_use]
    pub fn all(t: &Timeline<'_>, index: &Index) -> Vec<Choice> {
        let mut out = vec![
            Choice::Anonymous,
            Choice::Disputed,
            Choice::Corroborated,
            Choice::SingleOrigin,
        ];
        // The outlets (folded once at load) and the relays (folded once, made on a thread when
        // the document was opened): nothing here grows with the events (the sources of the
        // outlets are copied, a hundredth of the events in the generated timelines).
        out.extend(index.outlets.iter().cloned().map(Choice::Outlet));
        out.extend(
            (0..t.participants.len() as u32)
                .filter(|&p| !index.involved[p as usize].is_empty())
                .map(Choice::Participant),
        );
        out.extend(
            index
                .relays(t)
                .iter()
                .map(|v| Choice::Relay(v.text.clone())),
        );
        out
    }

    /// The choice as the menu lists it (text from the file, not yet made safe to draw).
    #[must_use]
    pub fn label(&self, t: &Timeline<'_>) -> String {
        match self {
            Choice::Anonymous => "anonymous: quotes and claims from unnamed sources".into(),
            Choice::Disputed => "disputed: claims that dispute or are disputed".into(),
            Choice::Corroborated => {
                "corroborated: claims with 2 or more independent origins".into()
            }
            Choice::SingleOrigin => "single-origin: several outlets, one independent origin".into(),
            Choice::Outlet(sources) => format!("source: {}", t.sources[sources[0] as usize].outlet),
            Choice::Participant(p) => {
                let who = &t.participants[*p as usize];
                let group = if who.kind == ParticipantKind::Group {
                    " (anonymous)"
                } else {
                    ""
                };
                format!("participant: {}{group}", who.name)
            }
            Choice::Relay(via) => format!("via: {via}"),
        }
    }

    /// Whether `filter` has this choice on.
    #[must_use]
    pub fn is_on(&self, filter: &Filter) -> bool {
        match self {
            Choice::Anonymous => filter.anonymous,
            Choice::Disputed => filter.disputed,
            Choice::Corroborated => filter.corroborated,
            Choice::SingleOrigin => filter.single_origin,
            Choice::Outlet(sources) => filter.sources.as_ref() == Some(sources),
            Choice::Participant(p) => filter.participant == Some(*p),
            Choice::Relay(via) => filter.via.is_some() && filter.via == Self::relay(via),
        }
    }

    /// `filter` with this choice turned on, or off when it is on. `--corroborated` and
    /// `--single-origin` exclude each other: turning one on turns the other off.
    #[must_use]
    pub fn toggle(&self, filter: &Filter) -> Filter {
        let on = !self.is_on(filter);
        let mut f = filter.clone();
        match self {
            Choice::Anonymous => f.anonymous = on,
            Choice::Disputed => f.disputed = on,
            Choice::Corroborated => {
                f.corroborated = on;
                f.single_origin &= !on;
            }
            Choice::SingleOrigin => {
                f.single_origin = on;
                f.corroborated &= !on;
            }
            Choice::Outlet(sources) => f.sources = on.then(|| sources.clone()),
            Choice::Participant(p) => f.participant = on.then_some(*p),
            Choice::Relay(via) => f.via = if on { Self::relay(via) } else { None },
        }
        f
    }

    /// The filter's relay part for the relay `via` picked from the menu.
    fn relay(via: &str) -> Option<RelayPart> {
        RelayPart::new(via, RelayMatch::Exact)
    }
}

/// The indices into `choices` whose label contains what was typed (case and accents
/// ignored), in order; all of them for nothing typed.
#[must_use]
pub fn matching(t: &Timeline<'_>, choices: &[Choice], typed: &str) -> Vec<u32> {
    matching_labels(&folded_labels(t, choices), typed)
}

/// Each choice's label folded (see [`fold`]), made once when the menu opens so that typing
/// does not fold them again at each key.
#[must_use]
pub fn folded_labels(t: &Timeline<'_>, choices: &[Choice]) -> Vec<String> {
    choices.iter().map(|c| fold(&c.label(t))).collect()
}

/// [`matching`] over labels already folded by [`folded_labels`].
#[must_use]
pub fn matching_labels(labels: &[String], typed: &str) -> Vec<u32> {
    let q = fold(typed.trim());
    (0..labels.len() as u32)
        .filter(|&i| q.is_empty() || labels[i as usize].contains(&q))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BUNDLED, load_str};

    #[test]
    fn every_filter_is_a_choice_and_toggles() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let choices = Choice::all(&t, &index);
        let labels: Vec<String> = choices.iter().map(|c| c.label(&t)).collect();
        assert!(labels.contains(&"source: Xinhua".to_string()), "{labels:?}");
        assert!(labels.contains(&"source: RT".to_string()));
        assert!(labels.contains(&"participant: Rustem Umerov".to_string()));
        assert!(labels.contains(&"via: TASS".to_string()), "{labels:?}");
        // Typing narrows, ignoring case: the outlet, and the anonymous source it cites.
        let xin: Vec<String> = matching(&t, &choices, "XINHUA")
            .iter()
            .map(|&i| labels[i as usize].clone())
            .collect();
        assert_eq!(
            xin,
            [
                "source: Xinhua",
                "participant: TASS source cited by Xinhua (anonymous)"
            ]
        );
        // On, then off again; corroborated and single-origin exclude each other.
        let none = Filter::default();
        let on = Choice::Corroborated.toggle(&none);
        assert!(on.corroborated);
        let swapped = Choice::SingleOrigin.toggle(&on);
        assert!(swapped.single_origin && !swapped.corroborated);
        assert_eq!(Choice::SingleOrigin.toggle(&swapped), none);
        let rt = &choices[matching(&t, &choices, "source: rt")[0] as usize];
        let f = rt.toggle(&none);
        assert!(rt.is_on(&f));
        assert_eq!(rt.toggle(&f), none);
    }
}
