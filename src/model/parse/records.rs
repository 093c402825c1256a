//! The format-1 schema: which records hold which fields, and how each value is read.

use std::sync::Arc;

use super::lex::Unsigned;
use super::{PResult, Parser, Required, did_you_mean, required};
use crate::model::types::Offset;
use crate::model::types::{
    Claim, Event, Label, MISSING, Participant, ParticipantKind, Provenance, Quote, Ref, Round,
    RoundRef, Source, SourceKind, Spanned, Str, Timeline, UNRESOLVED,
};
use crate::model::validate::Ids;
use crate::model::when::{Precision, When};

/// Buffers for the lists inside records, reused from one record to the next.
#[derive(Default)]
pub(super) struct Scratch<'a> {
    refs: Vec<Ref>,
    strs: Vec<Str<'a>>,
    quotes: Vec<Quote<'a>>,
    claims: Vec<Claim<'a>>,
}

/// What a reference names.
#[derive(Clone, Copy)]
enum To {
    Participant,
    Source,
    /// Resolved by validation alone: claim ids (claims are declared among the events) and a
    /// source's `republishes` (sources are still being read when it is).
    Later,
}

/// Placeholder for a required value that was missing or malformed (already reported), so the
/// rest of the file can still be checked.
fn blank<'a>() -> Spanned<Str<'a>> {
    Spanned {
        value: Str::borrowed(""),
        at: 0,
    }
}

fn blank_when<'a>() -> When<'a> {
    When {
        raw: Str::borrowed(""),
        at: 0,
        precision: Precision::Year,
        instant: 0,
        nanos: 0,
        offset: None,
    }
}

impl<'a> Parser<'a> {
    /// A string; `nonempty` names a field that must not be blank.
    fn text(&mut self, nonempty: Option<&str>) -> PResult<Option<Spanned<Str<'a>>>> {
        if !self.at_string() {
            self.mismatch("a string")?;
            return Ok(None);
        }
        let at = self.pos;
        let value = self.string_literal()?;
        if let Some(field) = nonempty
            && value.trim().is_empty()
        {
            self.error(at, format!("`{field}` must not be empty"));
        }
        Ok(Some(Spanned { value, at }))
    }

    fn opt_text(&mut self) -> PResult<Option<Str<'a>>> {
        self.optional(|p| Ok(p.text(None)?.map(|s| s.value)))
    }

    /// An optional string that must not be blank when given (a `title`).
    fn opt_nonempty(&mut self, field: &str) -> PResult<Option<Str<'a>>> {
        self.optional(|p| Ok(p.text(Some(field))?.map(|s| s.value)))
    }

    fn when(&mut self) -> PResult<Option<When<'a>>> {
        let Some(s) = self.text(None)? else {
            return Ok(None);
        };
        match When::parse(s.value, s.at) {
            Ok(w) => Ok(Some(w)),
            Err(e) => {
                self.error(s.at, e.0);
                Ok(None)
            }
        }
    }

    fn opt_when(&mut self) -> PResult<Option<When<'a>>> {
        self.optional(Self::when)
    }

    /// An optional short text kept once in the timeline's labels (`channel`).
    fn opt_label(&mut self) -> PResult<Option<Label>> {
        Ok(self.opt_text()?.map(|s| self.labels.intern(s)))
    }

    /// An optional BCP 47 language tag (`lang` of a statement), checked for shape and kept in
    /// the timeline's labels.
    fn opt_lang_label(&mut self) -> PResult<Option<Label>> {
        Ok(self.opt_lang()?.map(|s| self.labels.intern(s)))
    }

    /// An optional BCP 47 language tag (`language`, `lang`), checked for shape.
    fn opt_lang(&mut self) -> PResult<Option<Str<'a>>> {
        self.optional(|p| {
            let Some(s) = p.text(None)? else {
                return Ok(None);
            };
            if let Err(why) = crate::model::lang::check(&s.value) {
                p.error(s.at, why);
                return Ok(None);
            }
            Ok(Some(s.value))
        })
    }

    /// A reference: where its id stands, and the record it names when the file declared its
    /// sources and participants before its events (the usual order), so that validation has
    /// only to count it. Otherwise, or when the id is unknown, validation reads the id again
    /// from where it stands, resolves it or reports it.
    fn reference(&mut self, to: To) -> PResult<Option<Ref>> {
        let Some(id) = self.text(None)? else {
            return Ok(None);
        };
        let target = match (&self.ids, to) {
            (Some(ids), To::Participant) => ids.participant(&id.value),
            (Some(ids), To::Source) => ids.source(&id.value),
            _ => None,
        };
        Ok(Some(Ref {
            at: id.at as u32,
            target: target.unwrap_or(UNRESOLVED),
        }))
    }

    /// An optional list: `None`, `Some([…])` or a bare `[…]`; empty when `None`.
    fn opt_list<L: Default>(
        &mut self,
        mut list: impl FnMut(&mut Self) -> PResult<L>,
    ) -> PResult<L> {
        Ok(self.optional(|p| list(p).map(Some))?.unwrap_or_default())
    }

    /// Reads a list into the reusable buffer `slot`, then allocates it once at its size: a
    /// one-quote event holds one quote, and no list is grown, trimmed and copied on the way.
    fn exact<T>(
        &mut self,
        slot: for<'s> fn(&'s mut Scratch<'a>) -> &'s mut Vec<T>,
        mut item: impl FnMut(&mut Self) -> PResult<Option<T>>,
    ) -> PResult<Box<[T]>> {
        // Taken out while in use: a list nested in one of its own kind gets a fresh buffer.
        let mut buf = std::mem::take(slot(&mut self.scratch));
        buf.clear();
        let read = self.list(|p| {
            buf.extend(item(p)?);
            Ok(())
        });
        let mut out = Vec::with_capacity(buf.len());
        out.append(&mut buf);
        *slot(&mut self.scratch) = buf;
        // Allocated at its size, so this keeps the allocation: a boxed slice is 16 bytes
        // where a `Vec` is 24, and an event holds five lists.
        read.map(|()| out.into_boxed_slice())
    }

    fn strings(&mut self) -> PResult<Box<[Str<'a>]>> {
        self.exact(|s| &mut s.strs, |p| Ok(p.text(None)?.map(|s| s.value)))
    }

    fn references(&mut self, to: To) -> PResult<Box<[Ref]>> {
        self.exact(|s| &mut s.refs, |p| p.reference(to))
    }

    fn uint(&mut self) -> PResult<Option<Spanned<u64>>> {
        let at = self.pos;
        match self.unsigned() {
            Unsigned::Value(value) => Ok(Some(Spanned { value, at })),
            Unsigned::TooLarge | Unsigned::Not => self.not_a_uint(at).map(|()| None),
        }
    }

    /// Reports the value at `at` that is not an unsigned integer, or one too large; out of
    /// line, as the reader's other rarely taken paths.
    #[cold]
    #[inline(never)]
    fn not_a_uint(&mut self, at: Offset) -> PResult<()> {
        self.pos = at;
        match self.unsigned() {
            Unsigned::TooLarge => {
                self.error(
                    at,
                    format!(
                        "this number is too large: the largest allowed is {}",
                        u64::MAX
                    ),
                );
                Ok(())
            }
            _ => self.mismatch("an unsigned integer"),
        }
    }

    fn variant<T: Copy>(&mut self, what: &str, variants: &[(&str, T)]) -> PResult<Option<T>> {
        let at = self.pos;
        let Some(name) = self.ident() else {
            self.mismatch(&format!("a {what}"))?;
            return Ok(None);
        };
        if let Some((_, v)) = variants.iter().find(|(n, _)| *n == name) {
            return Ok(Some(*v));
        }
        let names = variants.iter().map(|(n, _)| *n);
        let hint = match did_you_mean(name, names.clone()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "expected one of {}",
                names
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.error(at, format!("unknown {what} `{name}`; {hint}"));
        Ok(None)
    }

    /// Reads a list of records, each read by `item`.
    pub(super) fn records<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        let mut out = Vec::new();
        self.list(|p| {
            out.push(item(p)?);
            Ok(())
        })?;
        // Lists grow by doubling from four: trimmed, a one-quote event holds one quote.
        out.shrink_to_fit();
        Ok(out)
    }

    pub(super) fn timeline(&mut self) -> PResult<Timeline<'a>> {
        const FIELDS: &[&str] = &[
            "title",
            "summary",
            "sources",
            "participants",
            "rounds",
            "events",
        ];
        const REQUIRED: Required =
            required(FIELDS, &["title", "sources", "participants", "events"]);
        let (mut title, mut summary) = (None, None);
        let (mut sources, mut participants, mut rounds, mut events) =
            (vec![], vec![], vec![], vec![]);
        let (mut seen_sources, mut seen_participants) = (false, false);
        // Set when sources or participants are given (again) after events were resolved
        // against them: a file that repeats a field, an error reported already.
        let mut stale = false;
        self.record("Timeline", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => title = p.text(Some("title"))?,
                1 => summary = p.opt_text()?,
                2 => {
                    sources = p.records(Self::source)?;
                    seen_sources = true;
                    stale |= p.ids.is_some();
                }
                3 => {
                    participants = p.records(Self::participant)?;
                    seen_participants = true;
                    stale |= p.ids.is_some();
                }
                // A round whose number is missing or malformed (reported already) is left out:
                // there is no number to check for duplicates or to resolve events against.
                4 => {
                    rounds = p
                        .opt_list(|p| p.records(Self::round))?
                        .into_iter()
                        .flatten()
                        .collect();
                }
                _ => {
                    if seen_sources && seen_participants {
                        p.ids = Some(Arc::new(Ids::new(&sources, &participants)));
                    }
                    events = p.events()?;
                    stale = false;
                }
            }
            Ok(())
        })?;
        if stale {
            // Validation resolves them all again, against the lists the timeline keeps.
            for r in events.iter_mut().flat_map(Event::refs_mut) {
                if r.target != MISSING {
                    r.target = UNRESOLVED;
                }
            }
        }
        Ok(Timeline {
            title: title.unwrap_or_else(blank).value,
            summary,
            sources,
            participants,
            rounds,
            events,
            claims: Vec::new(),
            labels: std::mem::take(&mut self.labels),
        })
    }

    fn source(&mut self) -> PResult<Source<'a>> {
        const FIELDS: &[&str] = &[
            "id",
            "outlet",
            "title",
            "published",
            "url",
            "byline",
            "kind",
            "republishes",
            "language",
        ];
        const REQUIRED: Required = required(FIELDS, &["id", "outlet"]);
        let (mut id, mut outlet, mut title, mut published, mut url) =
            (None, None, None, None, None);
        let (mut byline, mut kind, mut republishes, mut language) =
            (Box::default(), None, None, None);
        self.record("Source", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => id = p.text(Some("id"))?,
                1 => outlet = p.text(Some("outlet"))?,
                2 => title = p.opt_nonempty("title")?,
                3 => published = p.opt_when()?,
                4 => url = p.opt_text()?,
                5 => byline = p.opt_list(Self::strings)?,
                6 => kind = p.optional(|p| p.variant("source kind", &SourceKind::ALL))?,
                7 => republishes = p.optional(|p| p.reference(To::Later))?,
                _ => language = p.opt_lang()?,
            }
            Ok(())
        })?;
        Ok(Source {
            id: id.unwrap_or_else(blank),
            outlet: outlet.unwrap_or_else(blank).value,
            title,
            published,
            url,
            byline,
            kind: kind.unwrap_or_default(),
            republishes,
            language,
        })
    }

    fn participant(&mut self) -> PResult<Participant<'a>> {
        const FIELDS: &[&str] = &["id", "name", "aliases", "role", "side", "kind"];
        const REQUIRED: Required = required(FIELDS, &["id", "name"]);
        let (mut id, mut name, mut aliases, mut role, mut side, mut kind) =
            (None, None, Box::default(), None, None, None);
        self.record("Participant", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => id = p.text(Some("id"))?,
                1 => name = p.text(Some("name"))?,
                2 => aliases = p.opt_list(Self::strings)?,
                3 => role = p.opt_text()?,
                4 => side = p.opt_text()?,
                _ => kind = p.optional(|p| p.variant("participant kind", &ParticipantKind::ALL))?,
            }
            Ok(())
        })?;
        Ok(Participant {
            id: id.unwrap_or_else(blank),
            name: name.unwrap_or_else(blank).value,
            aliases,
            role,
            side,
            kind: kind.unwrap_or_default(),
        })
    }

    fn round(&mut self) -> PResult<Option<Round<'a>>> {
        const FIELDS: &[&str] = &["number", "title", "start", "end", "venue"];
        const REQUIRED: Required = required(FIELDS, &["number"]);
        let (mut number, mut title, mut start, mut end, mut venue) = (None, None, None, None, None);
        self.record("Round", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => number = p.uint()?,
                1 => title = p.opt_nonempty("title")?,
                2 => start = p.opt_when()?,
                3 => end = p.opt_when()?,
                _ => venue = p.opt_text()?,
            }
            Ok(())
        })?;
        Ok(number.map(|number| Round {
            number,
            title,
            start,
            end,
            venue,
        }))
    }

    pub(super) fn event(&mut self) -> PResult<Event<'a>> {
        const FIELDS: &[&str] = &[
            "id",
            "when",
            "end",
            "round",
            "title",
            "summary",
            "location",
            "participants",
            "sources",
            "tags",
            "quotes",
            "claims",
        ];
        const REQUIRED: Required = required(FIELDS, &["id", "when", "title"]);
        let (mut id, mut when, mut end, mut round, mut title, mut summary, mut location) =
            (None, None, None, None, None, None, None);
        let (mut participants, mut sources, mut tags, mut quotes, mut claims) = Default::default();
        let at = self.pos;
        self.record("Event", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => id = p.text(Some("id"))?,
                1 => when = p.when()?,
                2 => end = p.opt_when()?.map(Box::new),
                3 => round = p.optional(Self::uint)?,
                4 => title = p.text(Some("title"))?,
                5 => summary = p.opt_text()?,
                6 => location = p.opt_text()?,
                7 => participants = p.opt_list(|p| p.references(To::Participant))?,
                8 => sources = p.opt_list(|p| p.references(To::Source))?,
                9 => tags = p.opt_list(Self::strings)?,
                10 => {
                    quotes = p.opt_list(|p| p.exact(|s| &mut s.quotes, |p| p.quote().map(Some)))?;
                }
                _ => {
                    claims = p.opt_list(|p| p.exact(|s| &mut s.claims, |p| p.claim().map(Some)))?;
                }
            }
            Ok(())
        })?;
        Ok(Event {
            id: id.unwrap_or_else(blank),
            when: when.unwrap_or_else(blank_when),
            end,
            round: round.map(|r| RoundRef {
                number: r.value,
                at: r.at as u32,
                target: UNRESOLVED,
            }),
            title: title.unwrap_or_else(blank).value,
            summary,
            location,
            participants,
            sources,
            tags,
            quotes,
            claims,
            at,
        })
    }

    fn quote(&mut self) -> PResult<Quote<'a>> {
        const FIELDS: &[&str] = &[
            "speaker", "text", "source", "via", "context", "channel", "also", "lang", "original",
        ];
        const REQUIRED: Required = required(FIELDS, &["speaker", "text", "source"]);
        let (mut speaker, mut text, mut source, mut via, mut context) =
            (None, None, None, None, None);
        let (mut channel, mut lang) = (None, None);
        let mut prov = Provenance::default();
        let mut original_at = None;
        // A malformed `lang` is reported already: `original` is not reported again for it.
        let mut lang_reported = false;
        let at = self.pos;
        self.record("Quote", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => speaker = p.reference(To::Participant)?,
                1 => text = p.text(Some("text"))?,
                2 => source = p.reference(To::Source)?,
                3 => via = p.opt_text()?,
                4 => context = p.opt_text()?,
                5 => channel = p.opt_label()?,
                6 => prov.also = p.opt_list(|p| p.references(To::Source))?,
                7 => {
                    let reported = p.diags.len();
                    lang = p.opt_lang_label()?;
                    lang_reported = p.diags.len() > reported;
                }
                _ => {
                    original_at = Some(p.pos);
                    prov.original = p.opt_text()?;
                }
            }
            Ok(())
        })?;
        if let Some(original_at) = original_at
            && prov.original.is_some()
            && lang.is_none()
            && !lang_reported
        {
            self.error(
                original_at,
                "`original` needs `lang`: name the language of the original words with a BCP 47 tag such as `ru`",
            );
        }
        Ok(Quote {
            speaker: speaker.unwrap_or_else(|| missing_ref(at)),
            text: text.unwrap_or_else(blank).value,
            source: source.unwrap_or_else(|| missing_ref(at)),
            via,
            context,
            channel,
            lang,
            provenance: prov.boxed(),
        })
    }

    fn claim(&mut self) -> PResult<Claim<'a>> {
        const FIELDS: &[&str] = &[
            "id", "by", "text", "source", "via", "disputes", "channel", "also", "lang", "confirms",
        ];
        const REQUIRED: Required = required(FIELDS, &["text", "source"]);
        let (mut id, mut by, mut text, mut source, mut via, mut disputes) =
            (None, None, None, None, None, Box::default());
        let (mut channel, mut lang) = (None, None);
        let mut prov = Provenance::default();
        let at = self.pos;
        self.record("Claim", FIELDS, REQUIRED, |p, field| {
            match field {
                0 => id = p.optional(|p| p.text(Some("id")))?,
                1 => by = p.optional(|p| p.reference(To::Participant))?,
                2 => text = p.text(Some("text"))?,
                3 => source = p.reference(To::Source)?,
                4 => via = p.opt_text()?,
                5 => disputes = p.opt_list(|p| p.references(To::Later))?,
                6 => channel = p.opt_label()?,
                7 => prov.also = p.opt_list(|p| p.references(To::Source))?,
                8 => lang = p.opt_lang_label()?,
                _ => prov.confirms = p.opt_list(|p| p.references(To::Later))?,
            }
            Ok(())
        })?;
        Ok(Claim {
            id,
            by,
            text: text.unwrap_or_else(blank).value,
            source: source.unwrap_or_else(|| missing_ref(at)),
            via,
            disputes,
            channel,
            lang,
            provenance: prov.boxed(),
        })
    }
}

/// A reference that was missing or malformed (already reported); validation skips it.
fn missing_ref(at: usize) -> Ref {
    Ref {
        at: at as u32,
        target: MISSING,
    }
}
