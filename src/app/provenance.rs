//! The detail pane in the statements view: the selected quote or claim and its provenance.
//! Its full text and original words; who, with role and side; the attribution chain from
//! claimant to the page it was read on; every outlet that carries it; its corroboration group
//! with each member's attribution; the disputes on both sides. The facts come from
//! [`query::statement`](crate::query::statement); this file only lays them out.

use super::App;
use super::detail::{Doc, Role, header, name_role, plural, safe, source};
use crate::query::corroboration::Group;
use crate::query::statement::{Kind, Record, Statement, StatementRef, Who};

/// Writes the provenance of statement `at` into `d`.
pub(super) fn document(d: &mut Doc<'_>, app: &App, at: StatementRef) {
    let s = Statement::read(app.doc.timeline(), app.doc.index(), at);
    header(d, app.doc.timeline(), s.event, app.zone());
    words(d, app, &s);
    who(d, &s);
    attribution(d, &s);
    if let (Some(group), Record::Claim(_, number)) = (s.group, s.record) {
        corroboration(d, app, group, number);
    }
    if s.is_disputed() {
        disputes(d, app, &s);
    }
}

/// The kind and marks, the full text, its original words and language, its context.
fn words(d: &mut Doc<'_>, app: &App, s: &Statement<'_, '_>) {
    let t = app.doc.timeline();
    let mut heading = match s.kind() {
        Kind::Quote => "Quote".to_string(),
        Kind::Claim => "Claim".to_string(),
    };
    for mark in s.marks() {
        heading.push_str(" · ");
        heading.push_str(mark);
    }
    d.heading(&heading);
    match s.record {
        Record::Quote(q) => {
            d.block(&q.text, Role::Quote, "", true, 1);
            if let Some(original) = q.original() {
                let lang = safe(t.label_of(q.lang).unwrap_or("language not given"));
                d.block(
                    original,
                    Role::Dim,
                    &format!("original ({lang}): "),
                    false,
                    2,
                );
            }
            if let Some(c) = &q.context {
                d.block(c, Role::Dim, "context: ", false, 2);
            }
        }
        Record::Claim(c, _) => {
            d.block(&c.text, Role::Text, "", false, 0);
            if let Some(lang) = t.label_of(c.lang) {
                let segs = vec![d.seg(format!("language: {}", safe(lang)), Role::Dim)];
                d.para(&segs, 2);
            }
        }
    }
}

/// Who made the statement, with role and side; or the outlet, in its own voice.
fn who(d: &mut Doc<'_>, s: &Statement<'_, '_>) {
    d.heading("Who");
    let mut segs = vec![d.seg("  ", Role::Text)];
    match s.who {
        Who::Participant(p) => {
            segs.push(d.seg(safe(&p.name), name_role(p.side.as_deref())));
            // Role and side as every citation gives them (`Statement::who`'s `role`).
            if let Some(about) = s.who.role() {
                segs.push(d.seg(format!(" — {}", safe(&about)), Role::Dim));
            }
            if s.anonymous {
                segs.push(d.seg(" (an unnamed or collective source)", Role::Dim));
            }
        }
        Who::Outlet(o) => {
            segs.push(d.seg(safe(&o.outlet), Role::Outlet));
            segs.push(d.seg(", in its own voice (no claimant named)", Role::Dim));
        }
    }
    d.para(&segs, 4);
}

/// The chain from claimant to page, then every publication that carries the statement.
fn attribution(d: &mut Doc<'_>, s: &Statement<'_, '_>) {
    d.heading("Attribution");
    let who = match s.who {
        Who::Participant(p) => Some(&*p.name),
        Who::Outlet(_) => None,
    };
    let chain: Vec<String> = s
        .attribution
        .chain(who)
        .iter()
        .map(|step| safe(step))
        .collect();
    let segs = vec![d.seg(format!("  {}", chain.join(" → ")), Role::Text)];
    d.para(&segs, 4);
    let a = &s.attribution;
    d.heading(&format!(
        "Carried by ({})",
        plural(1 + a.also.len(), "publication", "publications")
    ));
    source(d, a.source);
    for other in &a.also {
        source(d, other);
    }
}

/// The claim's group: its numbers, and every other member with its attribution (links).
fn corroboration(d: &mut Doc<'_>, app: &App, group: Group<'_>, number: usize) {
    d.heading("Corroboration");
    let segs = vec![d.seg(format!("  {group}"), Role::Text)];
    d.para(&segs, 4);
    let others: Vec<u32> = group
        .members
        .iter()
        .copied()
        .filter(|&m| m as usize != number)
        .collect();
    if others.is_empty() {
        let alone = if group.outlets > 1 {
            "  no other claim confirms it; the outlets above carry this one"
        } else {
            "  no other claim confirms it"
        };
        let segs = vec![d.seg(alone, Role::Dim)];
        d.para(&segs, 4);
        return;
    }
    let segs = vec![d.seg(
        format!(
            "  with {} (Enter goes to one):",
            plural(others.len(), "other claim", "other claims")
        ),
        Role::Dim,
    )];
    d.para(&segs, 4);
    for m in others {
        let c = app.doc.timeline().claims[m as usize];
        d.blank();
        d.claim(app, (c.event as usize, c.claim as usize), 2, false);
    }
}

/// The claims this one contradicts, and those that contradict it (links).
fn disputes(d: &mut Doc<'_>, app: &App, s: &Statement<'_, '_>) {
    d.heading("Disputes");
    for (label, list) in [
        ("≠ contradicts:", &s.disputes),
        ("≠ contradicted by:", &s.disputed_by),
    ] {
        if list.is_empty() {
            continue;
        }
        let segs = vec![d.seg(format!("  {label}"), Role::Disputed)];
        d.para(&segs, 4);
        for &n in list {
            let c = app.doc.timeline().claims[n];
            d.blank();
            d.claim(app, (c.event as usize, c.claim as usize), 4, false);
        }
    }
}
