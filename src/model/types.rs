//! The timeline data model: the records of a format-1 file, borrowing their text from the file.
//!
//! Strings borrow from the loaded text (`Cow::Borrowed`) unless the file escaped them, so a
//! large file costs little more than its own bytes. A reference between records keeps where its
//! id stands in the file (for diagnostics, and to read the id again) and the index of the record
//! it names, filled in by the reader or by validation: everything after loading follows indices
//! and never looks ids up. Written out again (the export commands), references become the ids
//! of the records they name.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

pub use super::labels::{Label, Labels};
pub use super::span::{Offset, Spanned};
use super::when::When;

/// Text taken from the file: borrowed when it needed no unescaping. Two words (the `beef`
/// crate's lean `Cow`: pointer, then length and capacity packed in 32 bits each; a file is at
/// most 4 GiB, so every string in it fits), so that the records holding several stay small;
/// make one with `Str::borrowed` or `Str::owned`.
#[cfg(target_pointer_width = "64")]
pub type Str<'a> = beef::lean::Cow<'a, str>;

/// Text taken from the file: borrowed when it needed no unescaping. Three words on this
/// target (`beef`'s lean `Cow` is for 64-bit ones); make one with `Str::borrowed` or
/// `Str::owned`.
#[cfg(not(target_pointer_width = "64"))]
pub type Str<'a> = beef::Cow<'a, str>;

/// Marks an index that validation has not resolved (only seen in files that failed to load).
pub const UNRESOLVED: u32 = u32::MAX;

/// Marks a reference whose value was missing or malformed, already reported by the reader.
pub const MISSING: u32 = u32::MAX - 1;

/// A reference by id to a source, participant or claim: where its id string stands in the
/// loaded text (the id itself is read again from there when needed, see [`Ref::id`]), and the
/// index of the record it names. Eight bytes instead of the id's forty: a large file holds
/// about fourteen references per event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    /// Offset of the id's opening quote in the loaded text.
    pub at: u32,
    /// Index of the referenced record (`sources`, `participants` or [`Timeline::claims`]).
    pub target: u32,
}

impl Ref {
    /// The resolved index, usable once the timeline has validated.
    #[must_use]
    pub fn ix(&self) -> usize {
        self.target as usize
    }

    /// Where the id stands in the loaded text.
    #[must_use]
    pub fn offset(&self) -> Offset {
        self.at as Offset
    }

    /// The id as written, read again from `text` (the text the timeline was loaded from);
    /// empty for a reference whose value was missing or malformed.
    #[must_use]
    pub fn id<'t>(&self, text: &'t str) -> Str<'t> {
        if self.target == MISSING {
            return Str::borrowed("");
        }
        super::parse::string_at(text, self.offset()).unwrap_or(Str::borrowed(""))
    }
}

/// A reference by number to a declared round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundRef {
    /// The round number as written.
    pub number: u64,
    /// Where the number stands in the loaded text, a byte offset (32 bits, as in [`Ref`]: an
    /// `Option<RoundRef>` on every event then takes 24 bytes, not 32).
    pub at: u32,
    /// Index into [`Timeline::rounds`].
    pub target: u32,
}

impl RoundRef {
    /// Where the number stands in the loaded text.
    #[must_use]
    pub fn offset(&self) -> Offset {
        self.at as Offset
    }
}

impl Serialize for RoundRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.number)
    }
}

/// A whole timeline file. After loading, `events` are in timeline order.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Timeline")]
#[serde(deny_unknown_fields)]
pub struct Timeline<'a> {
    /// Shown in the window title bar (FORMAT.md "Top level"); never empty.
    #[serde(borrow, deserialize_with = "super::de::str")]
    pub title: Str<'a>,
    /// Free text about the whole timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub summary: Option<Str<'a>>,
    /// The publications cited, in file order; references index this.
    #[serde(default, borrow)]
    pub sources: Vec<Source<'a>>,
    /// People, organisations and groups, in file order; references index this.
    #[serde(default, borrow)]
    pub participants: Vec<Participant<'a>>,
    /// The phases events can belong to, in file order; [`RoundRef::target`] indexes this.
    #[serde(default, borrow)]
    pub rounds: Vec<Round<'a>>,
    /// The events, in timeline order once loaded (by the instant `when` begins, ties in file order).
    #[serde(default, borrow)]
    pub events: Vec<Event<'a>>,
    /// Where every claim lives, in timeline order; `Claim` refs in `disputes` index this.
    #[serde(skip)]
    pub claims: Vec<ClaimAt>,
    /// The texts of the statements' `channel` and `lang` labels.
    #[serde(skip)]
    pub labels: Labels<'a>,
}

/// The position of one claim: `events[event].claims[claim]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimAt {
    /// Index into [`Timeline::events`] (timeline order).
    pub event: u32,
    /// Index into that event's `claims`.
    pub claim: u32,
}

/// What sort of publication a source is (FORMAT.md "Source").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SourceKind {
    /// A news article (the default).
    #[default]
    Article,
    /// A live feed of short dated entries.
    LiveFeed,
    /// A news agency's wire story.
    Wire,
    /// Radio or television.
    Broadcast,
    /// An official statement.
    Statement,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// Every variant with the name the file writes it with.
    pub const ALL: [(&'static str, Self); 6] = [
        ("Article", Self::Article),
        ("LiveFeed", Self::LiveFeed),
        ("Wire", Self::Wire),
        ("Broadcast", Self::Broadcast),
        ("Statement", Self::Statement),
        ("Other", Self::Other),
    ];

    /// Lower-case words for display ("live feed").
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::LiveFeed => "live feed",
            Self::Wire => "wire",
            Self::Broadcast => "broadcast",
            Self::Statement => "statement",
            Self::Other => "other",
        }
    }
}

/// What sort of participant (FORMAT.md "Participant").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ParticipantKind {
    /// A person (the default).
    #[default]
    Person,
    /// An organisation speaking as one (a ministry).
    Organization,
    /// An anonymous or collective source ("a source from TASS").
    Group,
}

impl ParticipantKind {
    /// Every variant with the name the file writes it with.
    pub const ALL: [(&'static str, Self); 3] = [
        ("Person", Self::Person),
        ("Organization", Self::Organization),
        ("Group", Self::Group),
    ];
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// A publication cited by the file (FORMAT.md "Source", and 1.1's additions).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Source")]
#[serde(deny_unknown_fields)]
pub struct Source<'a> {
    /// Unique among sources; what references name.
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    /// The publisher as readers know it ("Xinhua"); never empty.
    #[serde(borrow, deserialize_with = "super::de::str")]
    pub outlet: Str<'a>,
    /// The headline of the piece.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub title: Option<Str<'a>>,
    /// When it was published, at the precision known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow)]
    pub published: Option<When<'a>>,
    /// Where it can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub url: Option<Str<'a>>,
    /// Reporters or editors, as credited by the piece itself.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default, borrow, deserialize_with = "super::de::strs")]
    pub byline: Box<[Str<'a>]>,
    /// What sort of publication it is.
    #[serde(skip_serializing_if = "is_default")]
    #[serde(default)]
    pub kind: SourceKind,
    /// Format 1.1: the source this publication reprints (FORMAT.md "Version 1.1 / Source");
    /// resolved by validation, which rejects chains that come back to where they started.
    #[serde(default)]
    pub republishes: Option<Ref>,
    /// Format 1.1: the BCP 47 language tag the publication appeared in (`"en"`, `"zh-Hans"`),
    /// checked for shape by the reader.
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub language: Option<Str<'a>>,
}

/// A person, organisation or group (FORMAT.md "Participant").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename = "Participant")]
#[serde(deny_unknown_fields)]
pub struct Participant<'a> {
    /// Unique among participants; what references name.
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    /// The display name; never empty.
    #[serde(borrow, deserialize_with = "super::de::str")]
    pub name: Str<'a>,
    /// Other spellings and short forms, matched by filters and search.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default, borrow, deserialize_with = "super::de::strs")]
    pub aliases: Box<[Str<'a>]>,
    /// Title or function.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub role: Option<Str<'a>>,
    /// The party the participant belongs to; groups and colours the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub side: Option<Str<'a>>,
    /// Person, organisation or (anonymous) group.
    #[serde(skip_serializing_if = "is_default")]
    #[serde(default)]
    pub kind: ParticipantKind,
}

/// A phase of the process events can belong to (FORMAT.md "Round").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename = "Round")]
#[serde(deny_unknown_fields)]
pub struct Round<'a> {
    /// Unique among rounds; what an event's `round` names.
    pub number: Spanned<u64>,
    /// The display name; `Round N` when absent (see [`Round::name`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub title: Option<Str<'a>>,
    /// When the round began, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow)]
    pub start: Option<When<'a>>,
    /// When it ended, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow)]
    pub end: Option<When<'a>>,
    /// Where it was held.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub venue: Option<Str<'a>>,
}

impl Round<'_> {
    /// The display name: its title, or "Round N".
    #[must_use]
    pub fn name(&self) -> Cow<'_, str> {
        match &self.title {
            Some(t) => Cow::Borrowed(t),
            None => Cow::Owned(format!("Round {}", self.number.value)),
        }
    }
}

/// One news event (FORMAT.md "Event", and 1.1's `end`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename = "Event")]
#[serde(deny_unknown_fields)]
pub struct Event<'a> {
    /// Unique among events.
    #[serde(borrow)]
    pub id: Spanned<Str<'a>>,
    /// When it happened, at the precision known.
    #[serde(borrow)]
    pub when: When<'a>,
    /// Format 1.1: when the event ended, at any precision; validation rejects an `end` whose
    /// whole period lies before `when` begins (FORMAT.md "Version 1.1 / Event"). Boxed: few
    /// events have one, and a `When` inline would add 56 bytes to every event.
    #[serde(default, borrow)]
    pub end: Option<Box<When<'a>>>,
    /// The round it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default)]
    pub round: Option<RoundRef>,
    /// One line; never empty.
    #[serde(borrow, deserialize_with = "super::de::str")]
    pub title: Str<'a>,
    /// Free text, may be long.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub summary: Option<Str<'a>>,
    /// Where it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(default, borrow, deserialize_with = "super::de::opt_str")]
    pub location: Option<Str<'a>>,
    /// Who took part (participant references).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default)]
    pub participants: Box<[Ref]>,
    /// Where the event itself was reported (source references).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default)]
    pub sources: Box<[Ref]>,
    /// Topics ("prisoner exchange").
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default, borrow, deserialize_with = "super::de::strs")]
    pub tags: Box<[Str<'a>]>,
    /// What participants said, verbatim.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default, borrow)]
    pub quotes: Box<[Quote<'a>]>,
    /// What was asserted, attributed.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[serde(default, borrow)]
    pub claims: Box<[Claim<'a>]>,
    /// Where the `Event(` record starts.
    #[serde(skip)]
    pub at: Offset,
}

/// Words a participant said, verbatim (FORMAT.md "Quote"). Read from JSON through
/// `de::QuoteFields`, which holds the format's flat fields.
#[derive(Debug, Clone)]
pub struct Quote<'a> {
    /// Who said it (a participant reference).
    pub speaker: Ref,
    /// The words, verbatim, without surrounding quote marks; never empty.
    pub text: Str<'a>,
    /// Where it was published (a source reference).
    pub source: Ref,
    /// The relay the outlet depends on ("TASS"); see `channel` for how it was said.
    pub via: Option<Str<'a>>,
    /// What it was said about or in answer to.
    pub context: Option<Str<'a>>,
    /// How or where it was said (`"told reporters"`; FORMAT.md 1.1), never a relay; its text
    /// is in [`Timeline::labels`] ([`Timeline::label`]).
    pub channel: Option<Label>,
    /// BCP 47 tag of the language the words were first said in (FORMAT.md 1.1), in
    /// [`Timeline::labels`].
    pub lang: Option<Label>,
    /// The rarer format-1.1 fields, boxed: absent from most statements, and eight bytes when
    /// absent.
    pub provenance: Option<Box<Provenance<'a>>>,
}

/// An assertion of fact, attributed (FORMAT.md "Claim"). Read from JSON through
/// `de::ClaimFields`, which holds the format's flat fields.
#[derive(Debug, Clone)]
pub struct Claim<'a> {
    /// Unique among claims; needed only to be named by `disputes` or `confirms`.
    pub id: Option<Spanned<Str<'a>>>,
    /// Who asserts it; `None` when the outlet asserts it itself.
    pub by: Option<Ref>,
    /// The assertion, in the file author's words; never empty.
    pub text: Str<'a>,
    /// Where it was published (a source reference).
    pub source: Ref,
    /// The relay the outlet depends on; see `channel` for how it was said.
    pub via: Option<Str<'a>>,
    /// Claims this one contradicts (indices into [`Timeline::claims`]).
    pub disputes: Box<[Ref]>,
    /// How or where it was asserted, as [`Quote::channel`].
    pub channel: Option<Label>,
    /// BCP 47 tag of the language it was first made in, as [`Quote::lang`].
    pub lang: Option<Label>,
    /// The rarer format-1.1 fields, boxed as for [`Quote::provenance`].
    pub provenance: Option<Box<Provenance<'a>>>,
}

/// The rarer format-1.1 provenance of a quote or claim (FORMAT.md "Version 1.1 / Quote and
/// Claim"): which other publications carry it, the original words, the claims it confirms.
/// Kept behind a `Box` on [`Quote`] and [`Claim`], allocated only for a statement that gives
/// one of these (`channel` and `lang`, far commoner, are [`Label`]s on the statement itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance<'a> {
    /// Other sources carrying the same statement with the same attribution (a boxed slice:
    /// 16 bytes, where a `Vec` takes 24).
    pub also: Box<[Ref]>,
    /// Quotes only: the words verbatim in `lang`; the reader requires `lang` beside it.
    pub original: Option<Str<'a>>,
    /// Claims only: claims asserting the same fact, indices into [`Timeline::claims`].
    pub confirms: Box<[Ref]>,
}

impl Provenance<'_> {
    /// `None` when no field is given, so that statements without provenance allocate nothing.
    #[must_use]
    pub fn boxed(self) -> Option<Box<Self>> {
        (self != Self::default()).then(|| Box::new(self))
    }
}

/// The boxed format-1.1 fields shared by quotes and claims, read through their [`Provenance`].
macro_rules! provenance_accessors {
    ($t:ident) => {
        impl<'a> $t<'a> {
            /// The other sources that carry it (`also`); empty when none.
            #[must_use]
            pub fn also(&self) -> &[Ref] {
                self.provenance.as_ref().map_or(&[], |p| &p.also)
            }
        }
    };
}
provenance_accessors!(Quote);
provenance_accessors!(Claim);

impl Quote<'_> {
    /// The words in the original language (`original`), if the source gives them.
    #[must_use]
    pub fn original(&self) -> Option<&str> {
        self.provenance.as_ref()?.original.as_deref()
    }
}

impl Claim<'_> {
    /// The claims this one confirms (`confirms`); empty when none.
    #[must_use]
    pub fn confirms(&self) -> &[Ref] {
        self.provenance.as_ref().map_or(&[], |p| &p.confirms)
    }
}

impl Event<'_> {
    /// Every source the event cites, by reference (FORMAT.md, "Events" and "Version 1.1"): its
    /// own `sources`, then each quote's `source` and `also`, then each claim's, in file order.
    /// A source cited twice comes twice.
    pub fn cited(&self) -> impl Iterator<Item = &Ref> {
        self.sources
            .iter()
            .chain(
                self.quotes
                    .iter()
                    .flat_map(|q| std::iter::once(&q.source).chain(q.also())),
            )
            .chain(
                self.claims
                    .iter()
                    .flat_map(|c| std::iter::once(&c.source).chain(c.also())),
            )
    }

    /// Every reference the event holds: participants, sources, and its quotes' and claims'.
    pub fn refs_mut(&mut self) -> impl Iterator<Item = &mut Ref> {
        self.participants
            .iter_mut()
            .chain(&mut self.sources)
            .chain(self.quotes.iter_mut().flat_map(|q| {
                [&mut q.speaker, &mut q.source]
                    .into_iter()
                    .chain(q.provenance.iter_mut().flat_map(|p| p.also.iter_mut()))
            }))
            .chain(self.claims.iter_mut().flat_map(|c| {
                c.by.iter_mut()
                    .chain(std::iter::once(&mut c.source))
                    .chain(&mut c.disputes)
                    .chain(
                        c.provenance
                            .iter_mut()
                            .flat_map(|p| p.also.iter_mut().chain(p.confirms.iter_mut())),
                    )
            }))
    }
}

impl<'a> Timeline<'a> {
    /// The source a resolved reference names. Panics on an unresolved one.
    #[must_use]
    pub fn source(&self, r: &Ref) -> &Source<'a> {
        &self.sources[r.ix()]
    }

    /// The participant a resolved reference names. Panics on an unresolved one.
    #[must_use]
    pub fn participant(&self, r: &Ref) -> &Participant<'a> {
        &self.participants[r.ix()]
    }

    /// The round a resolved round reference names. Panics on an unresolved one.
    #[must_use]
    pub fn round(&self, r: &RoundRef) -> &Round<'a> {
        &self.rounds[r.target as usize]
    }

    /// The text of a statement's `channel` or `lang` label. Panics on a label of another
    /// timeline.
    #[must_use]
    pub fn label(&self, label: Label) -> &str {
        self.labels.get(label)
    }

    /// The text of an optional label: `channel` or `lang` as text, when given.
    #[must_use]
    pub fn label_of(&self, label: Option<Label>) -> Option<&str> {
        label.map(|l| self.labels.get(l))
    }

    /// The claim a `disputes` entry names, with the event that holds it.
    #[must_use]
    pub fn claim(&self, r: &Ref) -> (&Event<'a>, &Claim<'a>) {
        let at = self.claims[r.ix()];
        let event = &self.events[at.event as usize];
        (event, &event.claims[at.claim as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::{Claim, Event, Quote, Str};

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn records_stay_small() {
        // A 100k-event file holds 100k events, 250k quotes and 150k claims: each 8 bytes here
        // is 0.8 to 2 MB of a load (docs/performance.md, "Memory at 100k").
        let sizes = [
            size_of::<Str<'_>>(),
            size_of::<Option<Str<'_>>>(),
            size_of::<Event<'_>>(),
            size_of::<Quote<'_>>(),
            size_of::<Claim<'_>>(),
        ];
        assert_eq!(sizes, [16, 16, 240, 80, 112]);
    }
}
