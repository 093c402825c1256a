//! Questions asked of a loaded timeline: filters by speaker, round, source and text, and the
//! indexes that answer them without rescanning the file. Knows nothing of terminals.

#![warn(missing_docs)]

pub mod attribution;
pub mod corroboration;
pub mod density;
pub mod document;
pub mod filter;
pub mod fold;
pub mod index;
pub mod join;
pub mod lists;
pub mod nothing;
mod scan;
pub mod search;
pub mod speaker;
pub mod statement;
pub mod tally;

pub use filter::{Filter, FilterArgs, FilterError};
pub use index::Index;
pub use scan::FileOrder;
pub use search::{search, search_records};
pub use statement::{Kind, Statement, StatementRef};

#[cfg(test)]
pub(crate) mod testdata;

#[cfg(test)]
mod tests {
    use super::testdata::SMALL;
    use super::*;
    use crate::model::{Timeline, load_str};

    fn titles(t: &Timeline<'_>, positions: &[u32]) -> Vec<String> {
        positions
            .iter()
            .map(|&p| t.events[p as usize].title.to_string())
            .collect()
    }

    fn run(args: &FilterArgs) -> Result<Vec<String>, FilterError> {
        let t = load_str(SMALL).unwrap().timeline;
        let index = Index::build(&t);
        let f = Filter::resolve(&t, &index, args)?;
        Ok(titles(&t, &f.apply(&t, &index, Some(SMALL))))
    }

    #[test]
    fn no_filter_keeps_every_event_in_timeline_order() {
        let all = run(&FilterArgs::default()).unwrap();
        // Same instant (19:00+03:00 = 16:00Z): file order decides, so "Talks end" comes first.
        assert_eq!(
            all,
            [
                "Memoranda exchanged",
                "Zelensky announces the round",
                "Peskov briefing",
                "Talks end",
                "Fidan opens the round"
            ]
        );
    }

    #[test]
    fn speaker_matches_id_name_alias_and_unique_part() {
        for name in [
            "zelensky",
            "Volodymyr Zelensky",
            "VLADIMIR ZELENSKY",
            "zelen",
        ] {
            let got = run(&FilterArgs {
                speakers: vec![name.into()],
                ..Default::default()
            })
            .unwrap();
            assert_eq!(got, ["Zelensky announces the round"], "for {name}");
        }
        let got = run(&FilterArgs {
            speakers: vec!["turkiye".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Fidan opens the round"]);
        let got = run(&FilterArgs {
            speakers: vec!["peskov".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Peskov briefing"]);
    }

    #[test]
    fn speaker_includes_claims_made_by_the_participant() {
        let got = run(&FilterArgs {
            speakers: vec!["a source from TASS".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Peskov briefing"]);
    }

    #[test]
    fn ambiguous_and_unknown_speakers_list_candidates() {
        let err = run(&FilterArgs {
            speakers: vec!["vladimir".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--speaker: `vladimir` could be any of: Volodymyr Zelensky (zelensky), Vladimir Medinsky (medinsky)"
        );
        let err = run(&FilterArgs {
            speakers: vec!["peskv".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--speaker: no participant is called `peskv`; did you mean Dmitry Peskov?"
        );
    }

    #[test]
    fn round_filter_and_unknown_round() {
        let got = run(&FilterArgs {
            round: Some(3),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Talks end", "Fidan opens the round"]);
        let err = run(&FilterArgs {
            round: Some(7),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--round: there is no round 7; rounds are 2, 3"
        );
    }

    #[test]
    fn source_filter_counts_citations_anywhere() {
        let got = run(&FilterArgs {
            sources: vec!["xinhua".into()],
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            got,
            [
                "Memoranda exchanged",
                "Zelensky announces the round",
                "Peskov briefing"
            ]
        );
        let err = run(&FilterArgs {
            sources: vec!["xinhau".into()],
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--source: no source id or outlet matches `xinhau`; did you mean `xinhua`?"
        );
    }

    #[test]
    fn search_ignores_case_and_reads_quotes_and_claims() {
        let got = run(&FilterArgs {
            search: Some("SACRED".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Talks end"]);
        let got = run(&FilterArgs {
            search: Some("july 2".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Zelensky announces the round", "Peskov briefing"]);
        assert!(
            run(&FilterArgs {
                search: Some("nowhere".into()),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
        );
    }

    #[test]
    fn filters_combine_so_that_all_must_hold() {
        let got = run(&FilterArgs {
            sources: vec!["rt".into()],
            round: Some(3),
            search: Some("fidan".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(got, ["Fidan opens the round"]);
        let got = run(&FilterArgs {
            speakers: vec!["peskov".into()],
            round: Some(3),
            ..Default::default()
        })
        .unwrap();
        assert!(got.is_empty());
    }

    #[test]
    fn a_filter_describes_each_part_in_order() {
        let t = load_str(SMALL).unwrap().timeline;
        let index = Index::build(&t);
        let args = FilterArgs {
            speakers: vec!["peskov".into(), "zelensky".into()],
            participant: Some("fidan".into()),
            round: Some(3),
            sources: vec!["Xinhua".into()],
            via: Some(" TASS ".into()),
            search: Some("memorand".into()),
            anonymous: true,
            single_origin: true,
            ..Default::default()
        };
        let f = Filter::resolve(&t, &index, &args).unwrap();
        // Spaces around a relay as typed do not count: ` TASS ` finds relays holding `TASS`.
        let via = f.via.as_ref().unwrap();
        assert_eq!(
            (via.folded.as_str(), via.how),
            ("tass", tally::RelayMatch::Contains)
        );
        assert_eq!(
            f.describe(&t, &index),
            [
                "speaker: Dmitry Peskov or Volodymyr Zelensky",
                "participant: Hakan Fidan",
                "round: Third round",
                "source: Xinhua",
                "via: “TASS”",
                "search: “memorand”",
                "anonymous",
                "single-origin"
            ]
        );
        assert!(Filter::default().describe(&t, &index).is_empty());
    }

    #[test]
    fn disputes_are_indexed_from_both_sides() {
        let t = load_str(SMALL).unwrap().timeline;
        let index = Index::build(&t);
        let contested: Vec<String> = (0..t.events.len())
            .filter(|&i| index.contested(&t, i))
            .map(|i| t.events[i].title.to_string())
            .collect();
        assert_eq!(
            contested,
            ["Zelensky announces the round", "Peskov briefing"]
        );
        let (_, disputed) = t.claim(&t.events[2].claims[0].disputes[0]);
        assert_eq!(disputed.text, "The round is on July 23.");
        let d23 = t
            .claims
            .iter()
            .position(|c| t.events[c.event as usize].id.value == "announce")
            .unwrap();
        assert_eq!(index.disputed_by[d23].len(), 1);
    }
}
