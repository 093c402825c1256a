//! How often the generator writes each format-1.1 field (per mille), and why that often.
//!
//! The yardstick is the bundled `data/istanbul-2025.ron` (two reports, Xinhua and RT, of the
//! July 2025 talks) as issue 9 moves it to format 1.1, and the wire copy it stands for. In that
//! file 6 of the 14 quotes were said somewhere a reporter names ("told reporters", "news
//! briefing", "Telegram channel": a `channel`), claims carry one far less often (5 of 58: a
//! claim is mostly the outlet's own sentence), both sources give their language, and 7 of 58
//! claims are joined by `confirms` to a claim of the other report. The rates below are of that
//! order; where the bundled file has none (an `end`, `republishes`, `original`) they are kept
//! to "a few", enough for every code path and every benchmark to meet them.
//!
//! Each is drawn from a stream of its own (`Rng::derive`), so a seed's version-1 content is
//! what it was before these fields existed, and a 1.1 file can be compared with a 1.0 one of
//! the same events.

/// `Source.language`: most sources. A file written by hand gives it for the sources its
/// author read (both in the bundled file); one in ten is left without.
pub const SOURCE_LANGUAGE: usize = 900;

/// `Source.republishes`, for a source that is not itself a wire or a statement and follows a
/// wire story of another outlet closely: a portal reprinting the wire. A few (about 5% of
/// sources): most of the outlets the generator knows write their own copy. Only a wire, which
/// never reprints, is ever named, so no chain can come back to where it started.
pub const REPUBLISHES: usize = 150;
/// How many sources before a portal's may be the wire it reprints (they are in order of
/// publication).
pub const REPUBLISH_WINDOW: usize = 3;

/// `Event.end`, for events known to the day or better: talks that lasted hours or days. Most
/// news items are moments (none of the bundled events has an end), so: a few.
pub const EVENT_END: usize = 50;

/// `channel` on a quote that has no relay: the version-1 generator already wrote a channel-like
/// `via` on about 28% of quotes (now a `channel`), and 40% of the rest get one, so that about
/// 55% of quotes say how they were said, a little above the bundled file's 6 of 14 (RT's live
/// feed often does not say).
pub const QUOTE_CHANNEL: usize = 400;
/// `channel` on a claim that has no relay: with the version-1 `via`s that were channels (about
/// 11% of claims), about 15% of claims, near the bundled 5 of 58.
pub const CLAIM_CHANNEL: usize = 50;

/// `also`: the same quote or claim carried by other outlets (wire copy is reprinted widely;
/// the bundled file joins its two reports wherever they carry the same item).
pub const QUOTE_ALSO: usize = 120;
pub const CLAIM_ALSO: usize = 150;
/// How many other sources an `also` names: 1, 2 or 3, with these weights.
pub const ALSO_COUNT: [usize; 3] = [600, 300, 100];

/// `lang`, for a quote printed in English from a Russian or Ukrainian speaker in a source that
/// does not itself publish in that language (a translation): a quarter of those, about 7% of
/// all quotes.
pub const QUOTE_LANG: usize = 250;
/// `original`, for a quote that has `lang`: half give the words as said.
pub const ORIGINAL: usize = 500;
/// `lang` for a claim by a Russian or Ukrainian participant, in English, in a source of another
/// language: rarer than for quotes (a claim is in the file author's words), about 2% of claims.
pub const CLAIM_LANG: usize = 100;

/// `confirms`, for a claim when a recent claim with an id was taken from another source: about
/// one claim in ten, as in the bundled file.
pub const CONFIRMS: usize = 100;
/// Of those, how many confirm two claims rather than one.
pub const CONFIRMS_TWO: usize = 150;

/// RFC 3339 forms of `when` that format 1.1 accepts: fractional seconds
/// (`2025-07-23T16:00:00.250Z`, as JavaScript's `toISOString()` writes them) and a space for
/// `T` (`2025-07-23 16:00+03:00`, as Python's `str(datetime)` does). The draws happen either
/// way, so switching this off changes only those `when` strings.
pub const RFC3339_FORMS: bool = true;
/// Of events timed to the second, how many give milliseconds.
pub const FRACTION: usize = 250;
/// Of events with a time of day, how many use a space for `T` (when switched on).
pub const SPACE: usize = 50;
