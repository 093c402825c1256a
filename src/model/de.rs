//! `serde::Deserialize` for the model types, so that other formats (JSON through `serde_json`)
//! can be read into the same records the RON reader builds; the benchmarks compare the two,
//! and [`super::json`] reads `export --format json` files with it.
//!
//! Strings borrow from the input whenever the deserializer can lend them (`serde_json` can for
//! strings without escapes), as the RON reader does. Read by [`from_json`], ids, references,
//! dates and round numbers record where they stand in the text (a string written with escapes
//! is not lent, and records 0); read otherwise, offsets are 0. References are [`UNRESOLVED`]
//! until validation resolves them.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, de::SeqAccess};

use super::diag::Diagnostic;
use super::types::{
    Claim, Label, Labels, Provenance, Quote, Ref, RoundRef, Spanned, Str, Timeline, UNRESOLVED,
};
use super::when::When;

/// Takes a string, borrowed when the deserializer lends one.
struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Str<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Str::borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Str::owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Str::owned(v))
    }
}

/// A string field: `#[serde(borrow, deserialize_with = "super::de::str")]`. Serde's derive
/// borrows only fields spelled `Cow<'a, str>`, not the [`Str`] alias, hence these helpers.
pub fn str<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Str<'a>, D::Error> {
    d.deserialize_str(StrVisitor)
}

/// A string that may be left out or `null`.
pub fn opt_str<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Option<Str<'a>>, D::Error> {
    Ok(Option::<Borrowed<'a>>::deserialize(d)?.map(|s| s.0))
}

/// A list of strings.
pub fn strs<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Box<[Str<'a>]>, D::Error> {
    struct Strs;

    impl<'de> Visitor<'de> for Strs {
        type Value = Vec<Str<'de>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of strings")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(s) = seq.next_element::<Borrowed<'de>>()? {
                out.push(s.0);
            }
            Ok(out)
        }
    }

    d.deserialize_seq(Strs).map(Vec::into_boxed_slice)
}

/// A string as a value of its own, for `Option` and lists.
struct Borrowed<'a>(Str<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for Borrowed<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        str(d).map(Borrowed)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Spanned<Str<'a>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = str(d)?;
        let at = string_at(&value);
        Ok(Spanned { value, at })
    }
}

impl<'de> Deserialize<'de> for Spanned<u64> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at) = number(d)?;
        Ok(Spanned { value, at })
    }
}

/// Where a string read by [`from_json`] stands in its text: the offset of its opening quote
/// when the string was lent from the text (written without escapes), else 0.
fn string_at(s: &str) -> usize {
    let (base, len) = TEXT.get();
    match (s.as_ptr() as usize).wrapping_sub(base) {
        at if at == 0 || at > len => 0,
        at => at - 1,
    }
}

/// A whole number, and where it stands in the text read by [`from_json`] (0 elsewhere): taken
/// as `serde_json`'s raw text of the value, so that a round number can be pointed at.
fn number<'de, D: Deserializer<'de>>(d: D) -> Result<(u64, usize), D::Error> {
    let raw = <&'de serde_json::value::RawValue>::deserialize(d)?.get();
    let value = raw.parse::<u64>().map_err(|_| {
        de::Error::invalid_value(de::Unexpected::Other(raw), &"a whole number, 0 or more")
    })?;
    let (base, len) = TEXT.get();
    let at = (raw.as_ptr() as usize).wrapping_sub(base);
    Ok((value, if at < len { at } else { 0 }))
}

thread_local! {
    /// Where the text being read by [`from_json`] lies (address, length), so that a reference
    /// can record where its id stands, as the RON reader's references do.
    static TEXT: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
    /// The `channel` and `lang` labels read so far by [`from_json`] (copied: a thread-local
    /// cannot borrow the text), moved into the timeline once it is read.
    static LABELS: RefCell<Labels<'static>> = RefCell::new(Labels::default());
    /// Problems [`from_json_all`] reports and reads on past (a malformed date), in the order
    /// found, at their offsets in the text.
    static SOFT: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
}

/// Interns a `channel` or `lang` read through serde into [`LABELS`].
fn label(text: Option<Str<'_>>) -> Option<Label> {
    text.map(|t| LABELS.with_borrow_mut(|l| l.intern(Str::owned(t.into_owned()))))
}

/// `serde_json::from_str` into a [`Timeline`] (past a byte-order mark, which `serde_json`
/// refuses), with every reference pointing at its id's opening quote in `json` (validation
/// reads ids again from there). Ids written with escapes cannot be pointed at and are an error.
/// Ids, dates and round numbers record their byte offsets in `json` (0 for a string written
/// with escapes), and each event's start is its id's, so that validation's diagnostics have a
/// place. The first malformed date is an error; [`from_json_all`] reads on past them.
pub fn from_json(json: &str) -> Result<Timeline<'_>, serde_json::Error> {
    let (t, soft) = from_json_all(json)?;
    match soft.into_iter().next() {
        Some(d) => Err(de::Error::custom(d.message)),
        None => Ok(t),
    }
}

/// [`from_json`], reading on past malformed dates: each is a diagnostic (in the order found,
/// at its offset in `json`), the date a placeholder. The timeline is then only good for
/// validation to find what else is wrong. `Err` is the first syntax or shape error.
pub fn from_json_all(json: &str) -> Result<(Timeline<'_>, Vec<Diagnostic>), serde_json::Error> {
    TEXT.set((json.as_ptr() as usize, json.len()));
    LABELS.take();
    SOFT.take();
    // Offsets count from the start of `json`, a byte-order mark included, as the RON reader's.
    let read = serde_json::from_str::<Timeline<'_>>(super::json::body(json));
    TEXT.set((0, 0));
    let labels = LABELS.take();
    let soft = SOFT.take();
    read.map(|mut t| {
        for e in &mut t.events {
            e.at = e.id.at;
        }
        (Timeline { labels, ..t }, soft)
    })
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RefVisitor;

        impl<'de> Visitor<'de> for RefVisitor {
            type Value = Ref;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id without escapes")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Ref, E> {
                let (base, len) = TEXT.get();
                let at = (v.as_ptr() as usize).wrapping_sub(base);
                if at == 0 || at > len {
                    return Err(E::custom("references can only be read by `from_json`"));
                }
                let at = u32::try_from(at - 1)
                    .map_err(|_| E::custom("a reference beyond 4 GiB into the text"))?;
                Ok(Ref {
                    at,
                    target: UNRESOLVED,
                })
            }
        }

        d.deserialize_str(RefVisitor)
    }
}

impl<'de> Deserialize<'de> for RoundRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (number, at) = number(d)?;
        Ok(RoundRef {
            number,
            at: u32::try_from(at).unwrap_or(0),
            target: UNRESOLVED,
        })
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for When<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = str(d)?;
        let at = string_at(&raw);
        match When::parse(raw, at) {
            Ok(w) => Ok(w),
            // Read by `from_json_all`: reported, and read on past with a date that parses.
            Err(e) if TEXT.get().1 > 0 => {
                SOFT.with_borrow_mut(|soft| soft.push(Diagnostic::error(at, e.0)));
                When::parse(Str::borrowed("1970"), at).map_err(de::Error::custom)
            }
            Err(e) => Err(de::Error::custom(e)),
        }
    }
}

/// A quote as the format writes it, every field flat (FORMAT.md "Quote" and 1.1's additions):
/// read, then turned into a [`Quote`] with its format-1.1 fields boxed.
#[derive(Deserialize)]
#[serde(rename = "Quote", deny_unknown_fields)]
struct QuoteFields<'a> {
    speaker: Ref,
    #[serde(borrow, deserialize_with = "str")]
    text: Str<'a>,
    source: Ref,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    via: Option<Str<'a>>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    context: Option<Str<'a>>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    channel: Option<Str<'a>>,
    #[serde(default)]
    also: Vec<Ref>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    lang: Option<Str<'a>>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    original: Option<Str<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Quote<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let q = QuoteFields::deserialize(d)?;
        if q.original.is_some() && q.lang.is_none() {
            return Err(de::Error::custom("`original` needs `lang`"));
        }
        let provenance = Provenance {
            also: q.also.into(),
            original: q.original,
            confirms: Box::default(),
        };
        Ok(Quote {
            speaker: q.speaker,
            text: q.text,
            source: q.source,
            via: q.via,
            context: q.context,
            channel: label(q.channel),
            lang: label(q.lang),
            provenance: provenance.boxed(),
        })
    }
}

/// A claim as the format writes it, every field flat; see [`QuoteFields`].
#[derive(Deserialize)]
#[serde(rename = "Claim", deny_unknown_fields)]
struct ClaimFields<'a> {
    #[serde(default, borrow)]
    id: Option<Spanned<Str<'a>>>,
    #[serde(default)]
    by: Option<Ref>,
    #[serde(borrow, deserialize_with = "str")]
    text: Str<'a>,
    source: Ref,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    via: Option<Str<'a>>,
    #[serde(default)]
    disputes: Vec<Ref>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    channel: Option<Str<'a>>,
    #[serde(default)]
    also: Vec<Ref>,
    #[serde(default, borrow, deserialize_with = "opt_str")]
    lang: Option<Str<'a>>,
    #[serde(default)]
    confirms: Vec<Ref>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Claim<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let c = ClaimFields::deserialize(d)?;
        let provenance = Provenance {
            also: c.also.into(),
            original: None,
            confirms: c.confirms.into(),
        };
        Ok(Claim {
            id: c.id,
            by: c.by,
            text: c.text,
            source: c.source,
            via: c.via,
            disputes: c.disputes.into_boxed_slice(),
            channel: label(c.channel),
            lang: label(c.lang),
            provenance: provenance.boxed(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::types::{Event, Quote, Timeline};
    use super::super::when::Precision;

    #[test]
    fn strings_borrow_unless_escaped() {
        let json = r#"{"title": "t", "sources": [], "participants": [], "events": [
            {"id": "e1", "when": "2025-07-23T16:00Z", "round": 3,
            "title": "Talks \"end\"", "participants": ["a", "b"],
            "quotes": [{"speaker": "a", "text": "plain", "source": "s", "via": "tv"}]}]}"#;
        let t = super::from_json(json).unwrap();
        let e = &t.events[0];
        assert!(e.id.value.is_borrowed() && e.id.value == "e1");
        assert!(e.title.is_owned() && e.title == "Talks \"end\"");
        assert_eq!(e.when.precision, Precision::Minute);
        assert_eq!(e.round.as_ref().map(|r| r.number), Some(3));
        // References point at their ids in the text.
        let ids: Vec<_> = e.participants.iter().map(|p| p.id(json)).collect();
        assert!(ids.iter().all(super::super::types::Str::is_borrowed) && ids == ["a", "b"]);
        let q = &e.quotes[0];
        assert!(q.via.as_ref().is_some_and(|v| v.is_borrowed() && v == "tv"));
        assert_eq!((&*q.speaker.id(json), &*q.source.id(json)), ("a", "s"));
        assert!(e.summary.is_none() && e.claims.is_empty() && e.tags.is_empty());
    }

    #[test]
    fn references_need_from_json_and_no_escapes() {
        let quote = r#"{"speaker": "a", "text": "x", "source": "s"}"#;
        let err = serde_json::from_str::<Quote<'_>>(quote).unwrap_err();
        assert!(err.to_string().contains("from_json"), "{err}");
        let escaped = r#"{"title": "t", "sources": [], "participants": [], "events": [
            {"id": "e", "when": "2025", "title": "t", "participants": ["\u0061"]}]}"#;
        let err = super::from_json(escaped).unwrap_err();
        assert!(err.to_string().contains("an id without escapes"), "{err}");
    }

    #[test]
    fn bad_when_and_unknown_fields_are_errors() {
        let bad = r#"{"id": "e", "when": "2025-02-30", "title": "t"}"#;
        let err = serde_json::from_str::<Event<'_>>(bad).unwrap_err();
        assert!(err.to_string().contains("2025-02 has no day 30"), "{err}");
        let unknown = r#"{"title": "t", "sources": [], "participants": [], "rounds": [],
            "events": [], "titel": "x"}"#;
        let err = serde_json::from_str::<Timeline<'_>>(unknown).unwrap_err();
        assert!(err.to_string().contains("unknown field `titel`"), "{err}");
    }
}
