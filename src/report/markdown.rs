//! The Markdown brief of `export --format markdown`: the title, then each round with its
//! events, their quotes and claims, disputes from both sides, and a citation for every quote
//! and claim. All text from the file goes through [`mdtext`](super::mdtext).

use std::io::{self, Write};

use crate::model::{Claim, Participant, Round, Timeline};
use crate::query::attribution::Attribution;
use crate::query::corroboration::attributions;
use crate::query::{Filter, Index, StatementRef};

use super::mdtext::{block, inline};

/// Writes the brief of the events at `positions` (timeline order), showing in them only the
/// quotes and claims `filter` keeps when it asks about statements
/// ([`Filter::selects_statements`]), every one otherwise.
pub fn write(
    t: &Timeline<'_>,
    index: &Index,
    positions: &[u32],
    filter: &Filter,
    out: &mut impl Write,
) -> io::Result<()> {
    Brief::new(t, index, filter).write(positions, out)
}

/// One event as the brief writes it (its heading, location, summary, quotes and claims, each
/// with its citation): what the browser copies with `Y`. Text from the file is escaped as in
/// the brief, so no control character reaches the clipboard.
#[must_use]
pub fn event(t: &Timeline<'_>, index: &Index, pos: u32) -> String {
    let none = Filter::default();
    let mut out = Vec::new();
    // Writing to memory cannot fail, and every piece written is a `String`.
    let _ = Brief::new(t, index, &none).event(pos as usize, &mut out);
    String::from_utf8(out)
        .unwrap_or_default()
        .trim_start()
        .to_string()
}

struct Brief<'t, 'a> {
    t: &'t Timeline<'a>,
    index: &'t Index,
    /// Keeps only the statements that pass it, when it asks about statements.
    filter: Option<&'t Filter>,
}

/// Events sharing a round (or none), in the order the first of them appears.
struct Section {
    round: Option<u32>,
    events: Vec<u32>,
}

fn sections(t: &Timeline<'_>, positions: &[u32]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for &pos in positions {
        let round = t.events[pos as usize].round.as_ref().map(|r| r.target);
        match sections.iter_mut().find(|s| s.round == round) {
            Some(s) => s.events.push(pos),
            None => sections.push(Section {
                round,
                events: vec![pos],
            }),
        }
    }
    sections
}

impl<'t, 'a> Brief<'t, 'a> {
    fn new(t: &'t Timeline<'a>, index: &'t Index, filter: &'t Filter) -> Self {
        Brief {
            t,
            index,
            filter: filter.selects_statements().then_some(filter),
        }
    }

    /// The number (in `Timeline::claims`) of claim `i` of the event at `pos`.
    fn claim_number(&self, pos: usize, i: usize) -> usize {
        self.index
            .claim_number(StatementRef::claim(pos as u32, i as u32))
    }

    fn write(&self, positions: &[u32], out: &mut impl Write) -> io::Result<()> {
        let t = self.t;
        writeln!(out, "# {}", inline(&t.title))?;
        if let Some(summary) = &t.summary {
            writeln!(out)?;
            out.write_all(block(summary, "").as_bytes())?;
        }
        if positions.len() != t.events.len() {
            writeln!(out)?;
            writeln!(
                out,
                "*{} of the timeline's {} events, selected by filters.*",
                positions.len(),
                t.events.len()
            )?;
        }
        if self.filter.is_some() {
            writeln!(out)?;
            writeln!(
                out,
                "*In them, only the quotes and claims that pass the filters are shown.*"
            )?;
        }
        for section in sections(t, positions) {
            writeln!(out)?;
            match section.round {
                Some(r) => round_heading(&t.rounds[r as usize], out)?,
                None => writeln!(out, "## Outside the rounds")?,
            }
            for pos in section.events {
                self.event(pos as usize, out)?;
            }
        }
        self.disputes(positions, out)?;
        self.single_origin(positions, out)?;
        self.sources(positions, out)
    }

    fn event(&self, pos: usize, out: &mut impl Write) -> io::Result<()> {
        let e = &self.t.events[pos];
        writeln!(out)?;
        match &e.end {
            Some(end) => writeln!(
                out,
                "### {} to {} — {}",
                e.when.display(),
                end.display(),
                inline(&e.title)
            )?,
            None => writeln!(out, "### {} — {}", e.when.display(), inline(&e.title))?,
        }
        if let Some(location) = &e.location {
            writeln!(out)?;
            writeln!(out, "Location: {}", inline(location))?;
        }
        if let Some(summary) = &e.summary {
            writeln!(out)?;
            out.write_all(block(summary, "").as_bytes())?;
        }
        if !e.sources.is_empty() {
            let outlets: Vec<String> = e
                .sources
                .iter()
                .map(|s| inline(&self.t.source(s).outlet))
                .collect();
            writeln!(out)?;
            writeln!(out, "Reported by {}.", outlets.join(", "))?;
        }
        let keep = |at: StatementRef| {
            self.filter
                .is_none_or(|f| f.keeps_statement(self.t, self.index, at))
        };
        for (i, q) in e.quotes.iter().enumerate() {
            if !keep(StatementRef::quote(pos as u32, i as u32)) {
                continue;
            }
            writeln!(out)?;
            if let Some(context) = q.context.as_deref().map(inline).filter(|c| !c.is_empty()) {
                writeln!(out, "*Context: {context}*")?;
                writeln!(out)?;
            }
            out.write_all(block(&q.text, "> ").as_bytes())?;
            writeln!(out, ">")?;
            writeln!(out, "> — {}", speaker_line(self.t.participant(&q.speaker)))?;
            if let (Some(original), Some(lang)) = (q.original(), self.t.label_of(q.lang)) {
                writeln!(out)?;
                writeln!(out, "Original ({}): {}", inline(lang), inline(original))?;
            }
            writeln!(out)?;
            writeln!(out, "{}", citation(&Attribution::of_quote(self.t, q)))?;
        }
        let claims: Vec<(usize, &Claim<'_>)> = e
            .claims
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(StatementRef::claim(pos as u32, *i as u32)))
            .collect();
        if !claims.is_empty() {
            writeln!(out)?;
            writeln!(out, "**Claims**")?;
            writeln!(out)?;
            for (i, c) in claims {
                self.claim(pos, self.claim_number(pos, i), c, out)?;
            }
        }
        Ok(())
    }

    fn claim(
        &self,
        pos: usize,
        number: usize,
        c: &Claim<'_>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        let t = self.t;
        let claimant = match &c.by {
            Some(by) => speaker_line_bold(t.participant(by)),
            None => who_bold(t, c),
        };
        writeln!(out, "- {claimant}: {}", inline(&c.text))?;
        for d in &c.disputes {
            writeln!(out, "  - Disputes {}", self.other_claim(pos, d.target))?;
        }
        for &n in &self.index.disputed_by[number] {
            writeln!(out, "  - Disputed by {}", self.other_claim(pos, n))?;
        }
        writeln!(out, "  - {}", citation(&Attribution::of_claim(t, c)))?;
        let group = self.index.corroboration.group(number);
        if !group.is_alone() {
            writeln!(out, "  - Corroboration: {group}")?;
        }
        for &m in group.members.iter().filter(|&&m| m as usize != number) {
            writeln!(out, "  - Also asserted by {}", self.claim_line(m as usize))?;
        }
        Ok(())
    }

    /// The other side of a dispute, claim `number` (in `Timeline::claims`): who, where (when
    /// it is not the event at `pos`) and what.
    fn other_claim(&self, pos: usize, number: u32) -> String {
        let t = self.t;
        let at = t.claims[number as usize];
        let event = &t.events[at.event as usize];
        let other = &event.claims[at.claim as usize];
        let who = who_bold(t, other);
        let place = if at.event as usize == pos {
            String::new()
        } else {
            format!(" in “{}” ({})", inline(&event.title), event.when.display())
        };
        // A claim is in the file author's words: never between quotation marks.
        format!("{who}{place}: {}", inline(&other.text))
    }

    /// A claim on one line for the closing sections: who, in which event, where published,
    /// and the assertion (never in quotation marks).
    fn claim_line(&self, number: usize) -> String {
        let t = self.t;
        let at = t.claims[number];
        let event = &t.events[at.event as usize];
        let c = &event.claims[at.claim as usize];
        let who = who_bold(t, c);
        format!(
            "{who} in “{}” ({}), {}: {}",
            inline(&event.title),
            event.when.display(),
            inline(&Attribution::of_claim(t, c).line()),
            inline(&c.text)
        )
    }

    /// Every dispute with a side among the selected events, both sides each time, in
    /// timeline order of the disputing claim.
    fn disputes(&self, positions: &[u32], out: &mut impl Write) -> io::Result<()> {
        let mut lines = Vec::new();
        for &pos in positions {
            let e = &self.t.events[pos as usize];
            for (i, c) in e.claims.iter().enumerate() {
                let number = self.claim_number(pos as usize, i);
                for d in &c.disputes {
                    lines.push(format!(
                        "- {}
  - disputes {}",
                        self.claim_line(number),
                        self.claim_line(d.ix())
                    ));
                }
            }
        }
        // A claim outside the selection that disputes one inside it.
        for &pos in positions {
            for i in 0..self.t.events[pos as usize].claims.len() {
                let number = self.claim_number(pos as usize, i);
                for &by in &self.index.disputed_by[number] {
                    let event = self.t.claims[by as usize].event;
                    if positions.binary_search(&event).is_err() {
                        lines.push(format!(
                            "- {}
  - disputes {}",
                            self.claim_line(by as usize),
                            self.claim_line(number)
                        ));
                    }
                }
            }
        }
        if lines.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "## Disputes")?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// Claims carried by several outlets from a single independent origin (circular
    /// reporting, FORMAT.md "Corroboration"): each group once, at its first selected member.
    fn single_origin(&self, positions: &[u32], out: &mut impl Write) -> io::Result<()> {
        let mut seen = std::collections::HashSet::new();
        let mut lines = Vec::new();
        for &pos in positions {
            for i in 0..self.t.events[pos as usize].claims.len() {
                let number = self.claim_number(pos as usize, i);
                let group = self.index.corroboration.group(number);
                if !group.is_circular() || !seen.insert(group.members[0]) {
                    continue;
                }
                lines.push(format!("- {group}:"));
                for &m in group.members {
                    lines.push(format!("  - {}", self.claim_line(m as usize)));
                }
            }
        }
        if lines.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "## Several outlets, one origin")?;
        writeln!(out)?;
        writeln!(
            out,
            "These claims are carried by more than one outlet, but everything behind them \
             comes from a single origin."
        )?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// Every source the selected events cite, in the order the file declares them.
    fn sources(&self, positions: &[u32], out: &mut impl Write) -> io::Result<()> {
        let t = self.t;
        let mut cited = vec![false; t.sources.len()];
        for &pos in positions {
            let e = &t.events[pos as usize];
            let refs = e
                .sources
                .iter()
                .copied()
                .chain(
                    e.quotes
                        .iter()
                        .flat_map(|q| attributions(&q.source, q.also())),
                )
                .chain(
                    e.claims
                        .iter()
                        .flat_map(|c| attributions(&c.source, c.also())),
                );
            for r in refs {
                cited[r.ix()] = true;
            }
        }
        if !cited.contains(&true) {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "## Sources")?;
        writeln!(out)?;
        for (s, _) in t.sources.iter().zip(&cited).filter(|(_, c)| **c) {
            let mut what = vec![s.kind.label().to_string()];
            what.extend(s.language.as_deref().map(|l| format!("in {}", inline(l))));
            what.extend(
                s.republishes
                    .map(|r| format!("reprinting {}", inline(&t.source(&r).outlet))),
            );
            what.extend(
                s.published
                    .as_ref()
                    .map(|p| format!("published {}", p.display())),
            );
            let mut parts = vec![format!("**{}**", inline(&s.outlet))];
            parts.extend(
                s.title
                    .as_deref()
                    .map(|title| format!("“{}”", inline(title))),
            );
            let mut line = format!("- {} ({})", parts.join(", "), what.join(", "));
            if !s.byline.is_empty() {
                let names: Vec<String> = s.byline.iter().map(|n| inline(n)).collect();
                line.push_str(", by ");
                line.push_str(&names.join(", "));
            }
            if let Some(url) = &s.url {
                line.push_str(": ");
                line.push_str(&inline(url));
            }
            writeln!(out, "{line}")?;
        }
        Ok(())
    }
}

fn round_heading(r: &Round<'_>, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## {}", inline(&r.name()))?;
    let dates = match (&r.start, &r.end) {
        (Some(s), Some(e)) if s.raw == e.raw => Some(s.display()),
        (Some(s), Some(e)) => Some(format!("{} – {}", s.display(), e.display())),
        (Some(s), None) => Some(format!("from {}", s.display())),
        (None, Some(e)) => Some(format!("until {}", e.display())),
        (None, None) => None,
    };
    let details: Vec<String> = r
        .venue
        .as_deref()
        .map(inline)
        .into_iter()
        .chain(dates)
        .collect();
    if !details.is_empty() {
        writeln!(out)?;
        writeln!(out, "*{}*", details.join(" — "))?;
    }
    Ok(())
}

/// `Dmitry Peskov, Kremlin spokesman`.
fn speaker_line(p: &Participant<'_>) -> String {
    match &p.role {
        Some(role) => format!("{}, {}", inline(&p.name), inline(role)),
        None => inline(&p.name),
    }
}

/// Who asserts claim `c`, in bold: its claimant's name, or `**Outlet** itself` for a claim the
/// outlet makes in its own voice.
fn who_bold(t: &Timeline<'_>, c: &Claim<'_>) -> String {
    match &c.by {
        Some(by) => format!("**{}**", inline(&t.participant(by).name)),
        None => format!("**{}** itself", inline(&t.source(&c.source).outlet)),
    }
}

/// `**Dmitry Peskov** (Kremlin spokesman)`.
fn speaker_line_bold(p: &Participant<'_>) -> String {
    match &p.role {
        Some(role) => format!("**{}** ({})", inline(&p.name), inline(role)),
        None => format!("**{}**", inline(&p.name)),
    }
}

/// `Source: RT, told reporters, published 2025-07-23` or `Source: Xinhua, “Headline”, via
/// TASS, …`: the outlet, how it was said (channel) and the relay, kept apart, and the
/// publication date; then the publication a reprint comes from and the others that carry it.
fn citation(a: &Attribution<'_, '_>) -> String {
    let s = a.source;
    let mut parts = vec![inline(&s.outlet)];
    parts.extend(
        a.reprints
            .map(|o| format!("reprinting {}", inline(&o.outlet))),
    );
    parts.extend(
        s.title
            .as_deref()
            .map(|title| format!("“{}”", inline(title))),
    );
    parts.extend(a.channel.map(inline));
    parts.extend(a.via.map(|via| format!("via {}", inline(via))));
    parts.push(match &s.published {
        Some(p) => format!("published {}", p.display()),
        None => "publication date not given".to_string(),
    });
    let line = format!("Source: {}", parts.join(", "));
    if a.also.is_empty() {
        return line;
    }
    let also: Vec<String> = a.also.iter().map(|s| inline(&s.outlet)).collect();
    format!("{line}; also carried by {}", also.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    const TEXT: &str = r#"Timeline(
        title: "Talks",
        sources: [
            Source(id: "x", outlet: "Xinhua", title: "New round", published: "2025-07-23T16:43+08:00"),
            Source(id: "rt", outlet: "RT", kind: LiveFeed),
            Source(id: "pd", outlet: "People's Daily Online", republishes: "x"),
            Source(id: "ria", outlet: "RIA Novosti"),
        ],
        participants: [
            Participant(id: "peskov", name: "Dmitry Peskov", role: "Kremlin spokesman"),
            Participant(id: "zelensky", name: "Volodymyr Zelensky"),
            Participant(id: "tass", name: "Source from TASS", kind: Group),
        ],
        rounds: [Round(number: 3, title: "Third round", start: "2025-07-23", venue: "Istanbul")],
        events: [
            Event(id: "announce", when: "2025-07-21", title: "Zelensky announces", sources: ["x"],
                  claims: [
                    Claim(id: "d23", by: "zelensky", text: "The round is on July 23.", source: "x"),
                    Claim(id: "d24", by: "tass", text: "It is on July 24.", source: "x", via: "TASS",
                          disputes: ["d23"]),
                  ]),
            Event(id: "brief", when: "2025-07-23", round: 3, title: "Peskov briefing",
                  quotes: [Quote(speaker: "peskov", text: "No magic.", source: "rt",
                                 channel: "told reporters", context: "On outcomes")],
                  claims: [Claim(text: "Talks began late.", source: "rt", disputes: ["d23"]),
                           Claim(id: "late-ria", text: "The talks began two hours late.",
                                 source: "ria", via: "a source", also: ["pd"],
                                 confirms: ["late-rt"]),
                           Claim(id: "late-rt", text: "The talks started late.", source: "rt",
                                 via: "A source ")]),
        ],
    )"#;

    fn brief(positions: Option<&[u32]>) -> String {
        let t = load_str(TEXT).unwrap().timeline;
        let index = Index::build(&t);
        let all: Vec<u32> = (0..t.events.len() as u32).collect();
        let mut out = Vec::new();
        write(
            &t,
            &index,
            positions.unwrap_or(&all),
            &Filter::default(),
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn citations_name_outlet_relay_and_publication_date() {
        let md = brief(None);
        assert!(
            md.contains(
                "\n  - Source: Xinhua, “New round”, via TASS, published 2025-07-23 16:43+08:00\n"
            ),
            "{md}"
        );
        // How it was said is not a relay: `told reporters`, never `via told reporters`.
        assert!(
            md.contains("\n\nSource: RT, told reporters, publication date not given\n"),
            "{md}"
        );
        assert!(
            md.contains("\n  - Source: RT, publication date not given\n"),
            "{md}"
        );
    }

    #[test]
    fn reprints_other_carriers_and_corroboration_are_cited() {
        let md = brief(None);
        // Two outlets (RIA Novosti, RT; People's Daily reprints Xinhua: a third), one relay.
        assert!(
            md.contains(
                "- **RIA Novosti** itself: The talks began two hours late.\n\
                 \x20 - Source: RIA Novosti, via a source, publication date not given; also carried by People's Daily Online\n\
                 \x20 - Corroboration: 3 outlets · 1 independent origin\n\
                 \x20 - Also asserted by **RT** itself in “Peskov briefing” (2025-07-23), RT · via A source: The talks started late.\n"
            ),
            "{md}"
        );
        let t = load_str(TEXT).unwrap().timeline;
        let pd = t.sources.iter().find(|s| s.id.value == "pd").unwrap();
        assert_eq!(
            citation(&Attribution {
                source: pd,
                channel: None,
                via: None,
                reprints: Some(&t.sources[0]),
                also: vec![],
            }),
            "Source: People's Daily Online, reprinting Xinhua, publication date not given"
        );
    }

    #[test]
    fn an_end_and_the_original_words_are_shown() {
        let text = include_str!("../../tests/fixtures/valid/corroboration.ron");
        let t = load_str(text).unwrap().timeline;
        let index = Index::build(&t);
        let mut out = Vec::new();
        write(&t, &index, &[0, 1], &Filter::default(), &mut out).unwrap();
        let md = String::from_utf8(out).unwrap();
        assert!(
            md.contains("\n### 2025-07-23 16:00Z to 2025-07-23 16:40Z — The two teams meet\n"),
            "{md}"
        );
        assert!(
            md.contains("> — Dmitry Peskov\n\nOriginal (ru): Никто не ожидает лёгкого пути.\n\nSource: RT, told reporters,"),
            "{md}"
        );
    }

    #[test]
    fn disputes_are_shown_from_both_sides_and_claims_never_in_quotation_marks() {
        let md = brief(None);
        assert!(
            md.contains(
                "- **Volodymyr Zelensky**: The round is on July 23.\n\
                 \x20 - Disputed by **Source from TASS**: It is on July 24.\n\
                 \x20 - Disputed by **RT** itself in “Peskov briefing” (2025-07-23): Talks began late.\n"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "- **Source from TASS**: It is on July 24.\n\
                 \x20 - Disputes **Volodymyr Zelensky**: The round is on July 23.\n"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "- **RT** itself: Talks began late.\n\
                 \x20 - Disputes **Volodymyr Zelensky** in “Zelensky announces” (2025-07-21): The round is on July 23.\n"
            ),
            "{md}"
        );
        for claim in [
            "The round is on July 23.",
            "It is on July 24.",
            "Talks began late.",
        ] {
            assert!(
                !md.contains(&format!("“{claim}”")),
                "{claim} quoted in\n{md}"
            );
        }
    }

    #[test]
    fn a_section_lists_every_dispute_with_both_sides() {
        let md = brief(None);
        let start = md.find("\n## Disputes\n\n").expect("a Disputes section");
        let end = md[start + 1..]
            .find("\n## ")
            .map_or(md.len(), |e| start + 1 + e);
        let section = &md[start..end];
        assert_eq!(
            section.matches("\n- ").count(),
            2,
            "one item per dispute: {section}"
        );
        assert!(
            section.contains(
                "- **Source from TASS** in “Zelensky announces” (2025-07-21), Xinhua · via TASS: \
                 It is on July 24.\n  - disputes **Volodymyr Zelensky** in “Zelensky announces” \
                 (2025-07-21), Xinhua: The round is on July 23.\n"
            ),
            "{section}"
        );
    }

    #[test]
    fn quotes_are_blockquotes_attributed_to_speaker_and_role() {
        let md = brief(None);
        assert!(
            md.contains(
                "*Context: On outcomes*\n\n> No magic.\n>\n> — Dmitry Peskov, Kremlin spokesman\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn rounds_are_sections_and_events_outside_them_have_their_own() {
        let md = brief(None);
        let outside = md.find("\n## Outside the rounds\n").unwrap();
        let round = md
            .find("\n## Third round\n\n*Istanbul — from 2025-07-23*\n")
            .unwrap();
        assert!(outside < round, "{md}");
        assert!(
            md.contains("\n### 2025-07-21 — Zelensky announces\n"),
            "{md}"
        );
        assert!(md.starts_with("# Talks\n"), "{md}");
        assert!(
            md.ends_with(
                "\n## Sources\n\n\
             - **Xinhua**, “New round” (article, published 2025-07-23 16:43+08:00)\n\
             - **RT** (live feed)\n\
             - **People's Daily Online** (article, reprinting Xinhua)\n\
             - **RIA Novosti** (article)\n"
            ),
            "{md}"
        );
    }

    #[test]
    fn a_filtered_brief_says_so_and_keeps_only_its_events() {
        let md = brief(Some(&[1]));
        assert!(md.contains("\n*1 of the timeline's 2 events, selected by filters.*\n"));
        assert!(!md.contains("## Outside the rounds"), "{md}");
        assert!(!md.contains("- **Xinhua**"), "{md}");
    }
}
