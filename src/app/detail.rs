//! The detail pane's content for the selected event (the selected statement's is in
//! [`provenance`](super::provenance)), as lines already wrapped to the pane's width. Drawing and scrolling both use it, so the pane scrolls exactly as far as its text.

use super::App;
use super::links::Link;
use super::round_label;
use super::search::ranges;
use super::text::{self, Seg};
use crate::model::{Claim, Event, Precision, Quote, Timeline, When, Zone};
use crate::query::attribution::Attribution;
use crate::query::statement::StatementRef;

/// What a piece of the detail pane is; the theme decides how each looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Title,
    Label,
    Heading,
    Dim,
    Quote,
    Outlet,
    /// A participant's name, with the [`side_slot`] of their side.
    Name(Option<u32>),
    Disputed,
    Url,
    /// The bar marking the filtered speaker's quotes and claims.
    Gutter,
}

/// A role, whether the search matched this text, whether it belongs to the filtered
/// speaker's quotes and claims, and whether it is the selected link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    pub role: Role,
    pub hit: bool,
    pub mine: bool,
    pub cursor: bool,
}

/// One screen line of the detail pane.
pub type Line = Vec<Seg<Look>>;

/// How many colours sides are spread over.
pub const SIDE_SLOTS: u8 = 6;

/// A stable hash of a side's name, which picks its colour: one a config file gives that
/// side, else one of [`SIDE_SLOTS`] (the hash modulo), so the same side gets the same colour
/// in every file.
#[must_use]
pub fn side_slot(side: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in side.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h
}

/// Width of the labels before field values ("When", "Round", …).
const LABEL: usize = 10;

/// The most lines the pane holds for one event. A small file can make an event's detail huge
/// (one long claim contradicted by thousands of others, a long title repeated under each), and
/// the pane is rebuilt on every key: past this many lines the rest is left to `export`.
pub const MAX_LINES: usize = 2_000;

/// The last line of a pane cut at [`MAX_LINES`].
pub const CUT_NOTE: &str =
    "… this event goes on past what the pane holds; `roundtable export` writes all of it";

pub(super) struct Doc<'s> {
    pub(super) lines: Vec<Line>,
    width: usize,
    needle: Option<&'s str>,
    mine: bool,
    /// Whether something was left out because the pane was full.
    pub(super) cut: bool,
    /// The links, in the order they are drawn.
    pub(super) links: Vec<Link>,
    /// The selected link, as [`App::link`].
    selected: Option<usize>,
}

impl Doc<'_> {
    pub(super) fn look(&self, role: Role) -> Look {
        Look {
            role,
            hit: false,
            mine: self.mine,
            cursor: false,
        }
    }

    /// Records a link to `target` starting at the next line; returns that line.
    fn open_link(&mut self, target: StatementRef) -> usize {
        let line = self.lines.len();
        if !self.full() {
            self.links.push(Link { line, target });
        }
        line
    }

    /// Marks the lines from `from` as the selected link, when the last link opened is it.
    fn close_link(&mut self, from: usize) {
        if self.selected.is_some() && self.selected == self.links.len().checked_sub(1) {
            for seg in self.lines[from..].iter_mut().flatten() {
                seg.role.cursor = true;
            }
            // Said in plain text too, as the timeline's `›` says it: a first space becomes `›`.
            let first = self.lines.get_mut(from).and_then(|l| {
                l.iter_mut()
                    .find(|s| s.text.contains(' ') || s.role.role != Role::Gutter)
            });
            if let Some(seg) = first
                && let Some(at) = seg.text.find(' ')
                && seg.text[..at].chars().all(|c| c == '▌')
            {
                seg.text.replace_range(at..=at, "›");
            }
        }
    }

    pub(super) fn seg(&self, s: impl Into<String>, role: Role) -> Seg<Look> {
        Seg::new(s, self.look(role))
    }

    /// Safe text that the search covers, split where the search matches it.
    pub(super) fn found(&self, s: &str, role: Role) -> Vec<Seg<Look>> {
        let hits = self.needle.map(|n| ranges(s, n)).unwrap_or_default();
        let mut out = Vec::with_capacity(hits.len() * 2 + 1);
        let mut at = 0;
        for r in hits {
            if r.start > at {
                out.push(self.seg(&s[at..r.start], role));
            }
            let mut hit = self.seg(&s[r.clone()], role);
            hit.role.hit = true;
            out.push(hit);
            at = r.end;
        }
        if at < s.len() || out.is_empty() {
            out.push(self.seg(&s[at..], role));
        }
        out
    }

    /// Whether the pane is full; notes that something was left out.
    pub(super) fn full(&mut self) -> bool {
        self.cut |= self.lines.len() >= MAX_LINES;
        self.cut
    }

    pub(super) fn para(&mut self, segs: &[Seg<Look>], indent: usize) {
        if self.full() {
            return;
        }
        let gutter = if self.mine && self.width > 4 { 2 } else { 0 };
        let pad = self.look(Role::Text);
        let wrapped = text::wrap(segs, self.width - gutter, indent, pad);
        let room = MAX_LINES - self.lines.len();
        self.cut = wrapped.len() > room;
        for mut line in wrapped.into_iter().take(room) {
            if gutter > 0 {
                line.insert(0, self.seg("▌ ", Role::Gutter));
            }
            self.lines.push(line);
        }
    }

    pub(super) fn blank(&mut self) {
        if !self.full() && self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(Vec::new());
        }
    }

    pub(super) fn heading(&mut self, s: &str) {
        self.blank();
        let h = vec![self.seg(s, Role::Heading)];
        self.para(&h, 0);
    }

    pub(super) fn field(&mut self, label: &str, value: Vec<Seg<Look>>) {
        let mut segs = vec![self.seg(format!("{label:<LABEL$}"), Role::Label)];
        segs.extend(value);
        self.para(&segs, LABEL);
    }

    /// Multi-line text from the file: `first` before its first line, `open`/`close` around it,
    /// continuation lines indented by `indent`.
    pub(super) fn block(&mut self, s: &str, role: Role, first: &str, quoted: bool, indent: usize) {
        let lines: Vec<_> = text::lines(s).collect();
        let n = lines.len();
        for (k, l) in lines.iter().enumerate() {
            if self.full() {
                return;
            }
            let lead = if k == 0 {
                format!("{first}{}", if quoted { "“" } else { "" })
            } else {
                " ".repeat(indent)
            };
            let mut segs = vec![self.seg(lead, role)];
            segs.extend(self.found(l, role));
            if quoted && k + 1 == n {
                segs.push(self.seg("”", role));
            }
            self.para(&segs, indent);
        }
    }

    /// `RT · told reporters · via TASS · 2025-07-23`, then the publications that also carry
    /// it: the outlet, how it was said (channel) and the relay, never one for the other.
    pub(super) fn attribution(&mut self, a: &Attribution<'_, '_>, indent: usize) {
        let pad = " ".repeat(indent);
        let mut segs = vec![
            self.seg(pad.clone(), Role::Dim),
            self.seg(safe(&a.source.outlet), Role::Outlet),
        ];
        if let Some(original) = a.reprints {
            segs.push(self.seg(
                format!(" (reprinting {})", safe(&original.outlet)),
                Role::Dim,
            ));
        }
        if let Some(c) = a.channel {
            segs.push(self.seg(format!(" · {}", safe(c)), Role::Dim));
        }
        if let Some(v) = a.via {
            segs.push(self.seg(format!(" · via {}", safe(v)), Role::Dim));
        }
        if let Some(p) = &a.source.published {
            segs.push(self.seg(format!(" · {}", safe(&p.display())), Role::Dim));
        }
        self.para(&segs, indent + 2);
        if !a.also.is_empty() {
            let outlets: Vec<String> = a.also.iter().map(|s| safe(&s.outlet)).collect();
            let segs = vec![
                self.seg(format!("{pad}also in "), Role::Dim),
                self.seg(outlets.join(", "), Role::Outlet),
            ];
            self.para(&segs, indent + 2);
        }
    }

    /// `— Name, role` for a participant, or `— the outlet itself`.
    fn who(&mut self, t: &Timeline<'_>, by: Option<&crate::model::Ref>, indent: usize) {
        let mut segs = vec![self.seg(format!("{}— ", " ".repeat(indent)), Role::Dim)];
        match by {
            Some(r) => {
                let p = t.participant(r);
                segs.push(self.seg(safe(&p.name), name_role(p.side.as_deref())));
                if let Some(role) = &p.role {
                    segs.push(self.seg(format!(", {}", safe(role)), Role::Dim));
                }
            }
            None => segs.push(self.seg("the outlet itself", Role::Dim)),
        }
        self.para(&segs, indent + 2);
    }

    fn quote(&mut self, t: &Timeline<'_>, at: StatementRef, indent: usize) {
        if self.full() {
            return;
        }
        let q = &t.events[at.event as usize].quotes[at.index()];
        let from = self.open_link(at);
        self.block(&q.text, Role::Quote, &" ".repeat(indent), true, indent + 1);
        self.close_link(from);
        self.who(t, Some(&q.speaker), indent + 2);
        if let Some(original) = q.original() {
            let lang = safe(t.label_of(q.lang).unwrap_or_default());
            let first = format!("{}original ({lang}): ", " ".repeat(indent + 2));
            self.block(original, Role::Dim, &first, false, indent + 4);
        }
        self.attribution(&Attribution::of_quote(t, q), indent + 2);
        if let Some(c) = &q.context {
            let first = format!("{}context: ", " ".repeat(indent + 2));
            self.block(c, Role::Dim, &first, false, indent + 4);
        }
    }

    /// A claim with its claimant and attribution; with `disputes`, the claims on the other side.
    pub(super) fn claim(&mut self, app: &App, at: (usize, usize), indent: usize, disputes: bool) {
        if self.full() {
            return;
        }
        let t = app.doc.timeline();
        let e = &t.events[at.0];
        let c = &e.claims[at.1];
        let from = self.open_link(StatementRef::claim(at.0 as u32, at.1 as u32));
        self.block(
            &c.text,
            Role::Text,
            &format!("{}• ", " ".repeat(indent)),
            false,
            indent + 2,
        );
        self.close_link(from);
        self.who(t, c.by.as_ref(), indent + 2);
        self.attribution(&Attribution::of_claim(t, c), indent + 2);
        let number = app
            .doc
            .index()
            .claim_number(StatementRef::claim(at.0 as u32, at.1 as u32));
        let group = app.doc.index().corroboration.group(number);
        if !group.is_alone() {
            let segs = vec![self.seg(format!("{}{group}", " ".repeat(indent + 2)), Role::Dim)];
            self.para(&segs, indent + 4);
        }
        if !disputes {
            let pos = t.events[at.0].when.display();
            let here = app.selected_pos().map(|p| p as usize);
            if here != Some(at.0) {
                let segs = vec![
                    self.seg(format!("{}in “", " ".repeat(indent + 2)), Role::Dim),
                    self.seg(safe(&e.title), Role::Dim),
                    self.seg(format!("”, {}", safe(&pos)), Role::Dim),
                ];
                self.para(&segs, indent + 4);
            }
            return;
        }
        let against: Vec<(usize, usize)> = c
            .disputes
            .iter()
            .map(|r| {
                let at = t.claims[r.ix()];
                (at.event as usize, at.claim as usize)
            })
            .collect();
        let by: Vec<(usize, usize)> = app.doc.index().disputed_by[number]
            .iter()
            .map(|&g| {
                let at = t.claims[g as usize];
                (at.event as usize, at.claim as usize)
            })
            .collect();
        for (label, list) in [("≠ contradicts", against), ("≠ contradicted by", by)] {
            if list.is_empty() {
                continue;
            }
            let h = vec![self.seg(
                format!("{}{label}:", " ".repeat(indent + 2)),
                Role::Disputed,
            )];
            self.para(&h, indent + 4);
            for other in list {
                self.claim(app, other, indent + 4, false);
            }
        }
    }
}

pub(super) fn safe(s: &str) -> String {
    text::para(s).into_owned()
}

pub(super) fn name_role(side: Option<&str>) -> Role {
    Role::Name(side.map(side_slot))
}

/// A `when` for the detail pane: a time of day in `zone`, with the zone's abbreviation, and
/// then as written, with the offset the file gave (`2025-07-22 21:30 EDT · written
/// 2025-07-23 01:30Z`); a date at its precision, and in a zone other than UTC, the zone whose
/// day (month, year) it is read as.
pub(super) fn when_text(w: &When<'_>, zone: Zone) -> String {
    let shown = safe(&w.display());
    let day_in = if zone.is_utc() {
        String::new()
    } else {
        format!("; read in {zone}")
    };
    match w.precision {
        Precision::Year => format!("{shown} (only the year is known{day_in})"),
        Precision::Month => format!("{shown} (only the month is known{day_in})"),
        Precision::Day => format!("{shown} (no time of day given{day_in})"),
        Precision::Minute | Precision::Second => format!(
            "{} {} · written {shown}",
            w.display_in(zone),
            zone.abbreviation_at(w.instant)
        ),
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The detail pane for the selected event, wrapped to `width` cells.
#[must_use]
pub fn document(app: &App, width: usize) -> Vec<Line> {
    document_with_links(app, width).0
}

/// Why no row passes the filter, said once, and how to clear it: `No event passes the
/// filter: Rustem Umerov takes part in no event (…). Esc clears it.`, or, when each part
/// keeps some alone, `No event passes every filter at once: anonymous alone keeps 4 events;
/// corroborated alone keeps 3 events. Esc clears them.`
fn nothing_passes(app: &App, back: &str) -> String {
    use crate::query::nothing::Why;
    let (none, filters, it) = app.nothing_words();
    let why = match &app.nothing_why {
        None => format!("{none} passes the {filters}"),
        Some(Why::Together(counts)) => format!(
            "{none} passes every filter at once: {}",
            safe(&counts.join("; "))
        ),
        Some(why @ (Why::Part(_) | Why::Empty(_))) => {
            format!("{none} passes the {filters}: {}", safe(&why.to_string()))
        }
    };
    format!("{why}. {back} clears {it}.")
}

/// [`document`], with its links: in the events view, the selected event in full; in the
/// statements view, the selected statement's provenance.
#[must_use]
pub fn document_with_links(app: &App, width: usize) -> (Vec<Line>, Vec<Link>) {
    let mut d = Doc {
        lines: Vec::new(),
        width: width.max(1),
        needle: app.search.as_ref().map(|s| s.needle.as_str()),
        mine: false,
        cut: false,
        links: Vec::new(),
        selected: app.link,
    };
    let Some(pos) = app.selected_pos() else {
        let back = app.keys.label_of("back");
        let msg = if app.doc.timeline().events.is_empty() {
            "This timeline has no events.".to_string()
        } else {
            nothing_passes(app, &back)
        };
        let segs = vec![d.seg(msg, Role::Dim)];
        d.para(&segs, 0);
        return (d.lines, d.links);
    };
    let t = app.doc.timeline();
    if let Some(at) = app.statement_at(app.selected()) {
        super::provenance::document(&mut d, app, at);
        finish(&mut d);
        return (d.lines, d.links);
    }
    let pos = pos as usize;
    let e = &t.events[pos];
    header(&mut d, t, e, app.zone());
    // The first speaker filtered on; the detail pane puts their statements first.
    let speaker = app.filter.speakers.first().map(|&p| p as usize);
    let is_mine_quote = |q: &Quote<'_>| Some(q.speaker.ix()) == speaker;
    let is_mine_claim =
        |c: &Claim<'_>| c.by.as_ref().map(crate::model::Ref::ix) == speaker && speaker.is_some();
    let mine_quotes = e.quotes.iter().filter(|q| is_mine_quote(q)).count();
    let mine_claims = e.claims.iter().filter(|c| is_mine_claim(c)).count();
    let has_mine = mine_quotes + mine_claims > 0;
    if let (Some(p), true) = (speaker, has_mine) {
        let name = safe(&t.participants[p].name);
        d.heading(&format!(
            "By {name}: {}, {}",
            plural(mine_quotes, "quote", "quotes"),
            plural(mine_claims, "claim", "claims")
        ));
        d.mine = true;
        for (i, _) in e
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| is_mine_quote(q))
        {
            d.blank();
            d.quote(t, StatementRef::quote(pos as u32, i as u32), 0);
        }
        for (i, _) in e
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| is_mine_claim(c))
        {
            d.blank();
            d.claim(app, (pos, i), 0, true);
        }
        d.mine = false;
    }
    if let Some(s) = &e.summary {
        d.blank();
        d.block(s, Role::Text, "", false, 0);
    }
    participants(&mut d, t, e);
    let other = if has_mine { "other " } else { "" };
    let quotes: Vec<usize> = (0..e.quotes.len())
        .filter(|&i| !is_mine_quote(&e.quotes[i]))
        .collect();
    if !quotes.is_empty() {
        d.heading(&capitalise(&format!("{other}quotes ({})", quotes.len())));
        for i in quotes {
            d.blank();
            d.quote(t, StatementRef::quote(pos as u32, i as u32), 2);
        }
    }
    let claims: Vec<usize> = (0..e.claims.len())
        .filter(|&i| !is_mine_claim(&e.claims[i]))
        .collect();
    if !claims.is_empty() {
        d.heading(&capitalise(&format!("{other}claims ({})", claims.len())));
        for i in claims {
            d.blank();
            d.claim(app, (pos, i), 2, true);
        }
    }
    sources(&mut d, t, e);
    finish(&mut d);
    (d.lines, d.links)
}

/// Ends the pane with a note when something was left out.
fn finish(d: &mut Doc<'_>) {
    if d.cut {
        // Past the budget, on purpose: the reader must learn that the rest is elsewhere.
        let note = [d.seg(CUT_NOTE, Role::Dim)];
        let wrapped = text::wrap(&note, d.width, 0, d.look(Role::Dim));
        d.lines.push(Vec::new());
        d.lines.extend(wrapped);
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub(super) fn header(d: &mut Doc<'_>, t: &Timeline<'_>, e: &Event<'_>, zone: Zone) {
    let title = d.found(&safe(&e.title), Role::Title);
    d.para(&title, 0);
    d.blank();
    let when = vec![d.seg(when_text(&e.when, zone), Role::Text)];
    d.field("When", when);
    if let Some(end) = &e.end {
        let v = vec![d.seg(when_text(end, zone), Role::Text)];
        d.field("Until", v);
    }
    if let Some(r) = &e.round {
        let v = vec![d.seg(round_label(t.round(r)), Role::Text)];
        d.field("Round", v);
    }
    if let Some(l) = &e.location {
        let v = vec![d.seg(safe(l), Role::Text)];
        d.field("Location", v);
    }
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().map(|s| safe(s)).collect();
        let v = vec![d.seg(tags.join(" · "), Role::Text)];
        d.field("Tags", v);
    }
    let v = vec![d.seg(safe(&e.id.value), Role::Dim)];
    d.field("Id", v);
}

fn participants(d: &mut Doc<'_>, t: &Timeline<'_>, e: &Event<'_>) {
    if e.participants.is_empty() {
        return;
    }
    d.heading(&format!("Participants ({})", e.participants.len()));
    for r in &e.participants {
        if d.full() {
            return;
        }
        let p = t.participant(r);
        let mut segs = vec![
            d.seg("  ", Role::Text),
            d.seg(safe(&p.name), name_role(p.side.as_deref())),
        ];
        let mut about: Vec<String> = Vec::new();
        if let Some(role) = &p.role {
            about.push(safe(role));
        }
        if let Some(side) = &p.side {
            about.push(safe(side));
        }
        if !about.is_empty() {
            segs.push(d.seg(format!(" — {}", about.join(" · ")), Role::Dim));
        }
        d.para(&segs, 4);
    }
}

fn sources(d: &mut Doc<'_>, t: &Timeline<'_>, e: &Event<'_>) {
    if e.sources.is_empty() {
        return;
    }
    d.heading(&format!("Sources ({})", e.sources.len()));
    for r in &e.sources {
        if d.full() {
            return;
        }
        source(d, t.source(r));
    }
}

/// One source: outlet and headline, date, kind, byline, URL.
pub(super) fn source(d: &mut Doc<'_>, s: &crate::model::Source<'_>) {
    d.blank();
    let mut segs = vec![
        d.seg("  ", Role::Text),
        d.seg(safe(&s.outlet), Role::Outlet),
    ];
    if let Some(h) = &s.title {
        segs.push(d.seg(format!(" — {}", safe(h)), Role::Text));
    }
    d.para(&segs, 4);
    let mut about = Vec::new();
    if let Some(p) = &s.published {
        about.push(safe(&p.display()));
    }
    about.push(s.kind.label().to_string());
    if !s.byline.is_empty() {
        let names: Vec<String> = s.byline.iter().map(|b| safe(b)).collect();
        about.push(format!("by {}", names.join(", ")));
    }
    let segs = vec![d.seg(format!("    {}", about.join(" · ")), Role::Dim)];
    d.para(&segs, 6);
    if let Some(u) = &s.url {
        let segs = vec![d.seg("    ", Role::Text), d.seg(safe(u), Role::Url)];
        d.para(&segs, 4);
    }
}
