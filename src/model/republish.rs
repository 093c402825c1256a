//! Chains of `republishes` (FORMAT.md 1.1, validation rule 7): a publication reprinting
//! another must lead, in the end, to one that reprints nothing.

use super::diag::Diagnostic;
use super::types::{MISSING, Source};

/// Every circle of `republishes` among `sources`, each reported once, as an
/// error at the `republishes` value on it that comes last in the file. References must have
/// been resolved; unresolved ones (already reported) end a chain.
pub(super) fn circles(sources: &[Source<'_>]) -> Vec<Diagnostic> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let next = |i: usize| {
        sources[i]
            .republishes
            .filter(|r| r.target < MISSING && (r.target as usize) < sources.len())
            .map(|r| r.target as usize)
    };
    let mut state = vec![NEW; sources.len()];
    let mut diags = Vec::new();
    let mut path = Vec::new();
    for start in 0..sources.len() {
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                NEW => {
                    state[i] = ON_PATH;
                    path.push(i);
                    at = next(i);
                }
                ON_PATH => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    diags.push(circle(sources, &path[from..]));
                    break;
                }
                _ => break,
            }
        }
        for &i in &path {
            state[i] = DONE;
        }
    }
    diags
}

/// The error for one circle, given its members in the order the chain visits them.
fn circle(sources: &[Source<'_>], members: &[usize]) -> Diagnostic {
    let at = |i: usize| sources[i].republishes.map_or(0, |r| r.offset());
    let last = (0..members.len())
        .max_by_key(|&k| at(members[k]))
        .unwrap_or(0);
    // Named from the one reported, round to it again.
    let names: Vec<String> = (0..=members.len())
        .map(|k| {
            format!(
                "`{}`",
                sources[members[(last + k) % members.len()]].id.value
            )
        })
        .collect();
    Diagnostic::error(
        at(members[last]),
        format!(
            "`republishes` goes round in a circle: {}; one of these must be the original publication",
            names.join(" → ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::model::{diag::render, load_str};

    fn report(sources: &str) -> String {
        let text = format!(
            "Timeline(title: \"t\", participants: [], sources: [\n{sources}\n], events: [\n  Event(id: \"e\", when: \"2025\", title: \"x\", sources: [\"a\", \"b\", \"c\", \"d\"]),\n])"
        );
        let diags = match load_str(&text) {
            Ok(l) => l.warnings,
            Err(d) => d,
        };
        render("t.ron", &text, &diags)
    }

    #[test]
    fn a_chain_that_ends_is_fine() {
        let sources = r#"  Source(id: "a", outlet: "A", republishes: "b"),
  Source(id: "b", outlet: "B", republishes: "c"),
  Source(id: "c", outlet: "C"),
  Source(id: "d", outlet: "D", republishes: "c"),"#;
        assert_eq!(report(sources), "");
    }

    #[test]
    fn a_circle_is_reported_once_at_its_last_republishes() {
        let sources = r#"  Source(id: "a", outlet: "A", republishes: "b"),
  Source(id: "b", outlet: "B", republishes: "c"),
  Source(id: "c", outlet: "C", republishes: "a"),
  Source(id: "d", outlet: "D", republishes: "a"),"#;
        assert_eq!(
            report(sources),
            "t.ron:4:45: error: `republishes` goes round in a circle: `c` → `a` → `b` → `c`; one of these must be the original publication\n"
        );
    }

    #[test]
    fn a_source_that_reprints_itself_is_a_circle_of_one() {
        let sources = r#"  Source(id: "a", outlet: "A"),
  Source(id: "b", outlet: "B", republishes: "b"),
  Source(id: "c", outlet: "C", republishes: "d"),
  Source(id: "d", outlet: "D", republishes: "c"),"#;
        assert_eq!(
            report(sources),
            "t.ron:3:45: error: `republishes` goes round in a circle: `b` → `b`; one of these must be the original publication\n\
             t.ron:5:45: error: `republishes` goes round in a circle: `d` → `c` → `d`; one of these must be the original publication\n"
        );
    }
}
