//! One quote or claim with its citation, as the browser's `y` copies it into an article:
//! the words, then who said or asserted them and where that was published.
//!
//! ```text
//! “We are ready to continue the negotiations.”
//! — Dmitry Peskov, Kremlin spokesman, Russia · TASS, “Headline”, 2025-07-23 · told reporters · https://…
//! ```
//!
//! A claim is never put in quotation marks (it is the file author's wording, FORMAT.md
//! "Claim"); one with no claimant is the outlet's own. Every text from the file is made inert
//! (`model::escape`): the result goes to a clipboard, and from there into other programs.

use std::fmt::Write as _;

use crate::model::escape::{escape_block, escape_line};
use crate::model::{Precision, Timeline};
use crate::query::Index;
use crate::query::statement::{Kind, Statement, StatementRef, Who};

/// The statement `at` of `t` and its citation line, newline-terminated. Panics if `at` does not
/// point into `t`.
#[must_use]
pub fn citation(t: &Timeline<'_>, index: &Index, at: StatementRef) -> String {
    let s = Statement::read(t, index, at);
    let text = escape_block(s.text.trim());
    let mut out = match s.kind() {
        Kind::Quote => format!("“{text}”\n"),
        Kind::Claim => format!("{text}\n"),
    };
    let mut who = match (&s.who, s.kind()) {
        (Who::Outlet(_), _) => "as reported by".to_string(),
        (Who::Participant(p), Kind::Quote) => escape_line(&p.name).into_owned(),
        (Who::Participant(p), Kind::Claim) => format!("claimed by {}", escape_line(&p.name)),
    };
    if let Some(role) = s.who.role() {
        who.push_str(", ");
        who.push_str(&escape_line(&role));
    }
    let a = &s.attribution;
    let mut parts = vec![who];
    let mut source = escape_line(&a.source.outlet).into_owned();
    if let Some(original) = a.reprints {
        let _ = write!(source, " (reprinting {})", escape_line(&original.outlet));
    }
    if let Some(h) = &a.source.title {
        let _ = write!(source, ", “{}”", escape_line(h));
    }
    if let Some(p) = &a.source.published {
        let _ = write!(source, ", {}", escape_line(&published(p)));
    }
    parts.push(source);
    if let Some(c) = a.channel {
        parts.push(escape_line(c).into_owned());
    }
    if let Some(v) = a.via {
        parts.push(format!("via {}", escape_line(v)));
    }
    if let Some(u) = &a.source.url {
        parts.push(escape_line(u).into_owned());
    }
    // "as reported by" reads on into the outlet.
    let line = if matches!(s.who, Who::Outlet(_)) {
        format!("{} {}", parts[0], parts[1..].join(" · "))
    } else {
        parts.join(" · ")
    };
    out.push_str("— ");
    out.push_str(&line);
    out.push('\n');
    out
}

/// A publication date as the file gives it, to the day at most: a citation names the day.
fn published(w: &crate::model::When<'_>) -> String {
    let shown = w.display();
    match w.precision {
        Precision::Minute | Precision::Second => shown.get(..10).unwrap_or(&shown).to_string(),
        _ => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BUNDLED, load_str};
    use crate::query::statement;

    fn find(t: &Timeline<'_>, text: &str) -> StatementRef {
        let index = Index::build(t);
        statement::all(t)
            .into_iter()
            .find(|&at| Statement::read(t, &index, at).text.contains(text))
            .unwrap_or_else(|| panic!("no statement says {text:?}"))
    }

    #[test]
    fn a_quote_is_quoted_and_cited_with_speaker_role_outlet_headline_and_date() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let at = find(&t, "magical breakthroughs");
        let got = citation(&t, &index, at);
        let mut lines = got.lines();
        let words = lines.next().unwrap();
        assert!(words.starts_with('“') && words.ends_with('”'), "{got}");
        let cite = lines.next().unwrap();
        assert_eq!(
            cite,
            "— Dmitry Peskov, Kremlin spokesman, Russia · Xinhua, “New round of direct talks \
             between Russia, Ukraine to focus on draft memos”, 2025-07-23"
        );
        assert!(lines.next().is_none());
    }

    #[test]
    fn a_claim_is_never_quoted_and_names_its_claimant_or_its_outlet() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        for at in statement::all(&t) {
            if at.kind() != Kind::Claim {
                continue;
            }
            let s = Statement::read(&t, &index, at);
            let got = citation(&t, &index, at);
            assert!(!got.starts_with('“'), "{got}");
            let cite = got.lines().nth(1).unwrap();
            match s.who {
                Who::Participant(p) => {
                    assert!(
                        cite.starts_with(&format!("— claimed by {}", p.name)),
                        "{cite}"
                    );
                }
                Who::Outlet(o) => {
                    assert!(
                        cite.starts_with(&format!("— as reported by {}", o.outlet)),
                        "{cite}"
                    );
                }
            }
        }
    }

    #[test]
    fn relay_channel_reprint_and_url_follow_the_outlet() {
        let src = r#"Timeline(title: "t",
            sources: [
                Source(id: "w", outlet: "Wire", published: "2025-07-22T09:30+03:00"),
                Source(id: "s", outlet: "Daily", title: "Talks", url: "https://daily.example/1",
                    published: "2025-07-23T10:00Z", republishes: "w"),
            ],
            participants: [Participant(id: "p", name: "Pat", role: "envoy")],
            events: [Event(id: "e", when: "2025-07-23", title: "E", sources: ["s", "w"],
                quotes: [Quote(speaker: "p", text: "Yes.", source: "s", via: "Interfax",
                    channel: "told reporters")])])"#;
        let t = load_str(src).unwrap().timeline;
        let index = Index::build(&t);
        assert_eq!(
            citation(&t, &index, StatementRef::quote(0, 0)),
            "“Yes.”\n— Pat, envoy · Daily (reprinting Wire), “Talks”, 2025-07-23 · told reporters \
             · via Interfax · https://daily.example/1\n"
        );
    }

    #[test]
    fn control_characters_from_the_file_are_inert() {
        let src = r#"Timeline(title: "t",
            sources: [Source(id: "s", outlet: "Out\u{1b}]52;c;x\u{7}let", url: "https://x/\u{9b}2J")],
            participants: [Participant(id: "p", name: "P\u{202e}eter")],
            events: [Event(id: "e", when: "2025-07-23", title: "E", sources: ["s"],
                quotes: [Quote(speaker: "p", text: "hi\u{1b}[31m", source: "s")])])"#;
        let t = load_str(src).unwrap().timeline;
        let index = Index::build(&t);
        let got = citation(&t, &index, StatementRef::quote(0, 0));
        assert!(
            !got.chars()
                .any(|c| c != '\n' && crate::model::escape::is_unsafe(c)),
            "{got:?}"
        );
        assert!(got.contains("\\x1b"), "{got:?}");
    }
}
