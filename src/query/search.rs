//! Case- and accent-insensitive text search over event titles, summaries, quotes and claims.
//!
//! The text is searched where it lies (no folded copy of the file is kept, which would cost
//! half the file's size again): ASCII text with a case-insensitive matcher, other text folded
//! into a scratch buffer first. Events are split across the machine's cores.

use std::num::NonZeroUsize;

use crate::model::{Event, Timeline};

use super::fold::{fold, fold_into};

/// Positions (timeline order) of the events whose title, summary, quotes or claims contain
/// `needle`, ignoring case and accents. A needle that folds to nothing matches nothing.
#[must_use]
pub fn search(t: &Timeline<'_>, needle: &str) -> Vec<u32> {
    let needle = fold(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let n = t.events.len();
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let chunk = n.div_ceil(threads.max(1)).max(4096);
    if chunk >= n {
        return scan(&t.events, 0, &needle);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = t
            .events
            .chunks(chunk)
            .enumerate()
            .map(|(k, events)| {
                let needle = &needle;
                scope.spawn(move || scan(events, k * chunk, needle))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn scan(events: &[Event<'_>], first: usize, needle: &str) -> Vec<u32> {
    let mut m = Matcher::new(needle);
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| m.event_matches(e))
        .map(|(i, _)| (first + i) as u32)
        .collect()
}

/// Matches one folded needle against text, reusing a scratch buffer for non-ASCII text.
pub struct Matcher<'n> {
    needle: &'n str,
    scratch: String,
}

impl<'n> Matcher<'n> {
    /// `needle` must already be folded.
    #[must_use]
    pub fn new(needle: &'n str) -> Self {
        Matcher {
            needle,
            scratch: String::new(),
        }
    }

    #[must_use]
    pub fn event_matches(&mut self, e: &Event<'_>) -> bool {
        self.matches(&e.title)
            || e.summary.as_deref().is_some_and(|s| self.matches(s))
            || e.quotes.iter().any(|q| self.matches(&q.text))
            || e.claims.iter().any(|c| self.matches(&c.text))
    }

    /// Whether `text` contains the needle, ignoring case and accents.
    pub fn matches(&mut self, text: &str) -> bool {
        let ascii_needle = self.needle.is_ascii();
        if text.is_ascii() {
            // Folding ASCII only lowers its case, and cannot produce a non-ASCII needle.
            return ascii_needle && contains_ascii_nocase(text.as_bytes(), self.needle.as_bytes());
        }
        if ascii_needle && contains_ascii_nocase(text.as_bytes(), self.needle.as_bytes()) {
            return true;
        }
        // Beyond ASCII case, only text that can fold differently needs folding: for an ASCII
        // needle that is Latin letters with accents (U+00C0–U+024F, lead bytes C3–C9), and
        // combining marks (lead bytes CC–CD); Cyrillic or CJK text cannot fold into ASCII.
        if ascii_needle && !any_byte(text.as_bytes(), |b| matches!(b, 0xC3..=0xC9 | 0xCC | 0xCD)) {
            return false;
        }
        self.scratch.clear();
        fold_into(text, &mut self.scratch);
        self.scratch.contains(self.needle)
    }
}

/// Whether any byte passes `test`; checked 64 bytes at a time without early exits inside a
/// block, so that it compiles to vector compares.
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(64);
    let found = blocks
        .by_ref()
        .any(|block| block.iter().fold(false, |acc, &b| acc | test(b)));
    found || blocks.remainder().iter().any(|&b| test(b))
}

/// Whether `hay` contains `needle` (lower-case ASCII) ignoring ASCII case.
fn contains_ascii_nocase(hay: &[u8], needle: &[u8]) -> bool {
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let [a, b, ..] = *needle else {
        return needle.is_empty() || hay.iter().any(|&h| h.to_ascii_lowercase() == needle[0]);
    };
    // A letter is found in either case by setting the 0x20 bit; anything else exactly.
    let (or_a, or_b) = (
        if a.is_ascii_lowercase() { 0x20 } else { 0 },
        if b.is_ascii_lowercase() { 0x20 } else { 0 },
    );
    let found_at = |i: usize| hay[i + 2..i + needle.len()].eq_ignore_ascii_case(&needle[2..]);
    let pair_at = |i: usize| (hay[i] | or_a) == a && (hay[i + 1] | or_b) == b;
    // Candidates are where the first two bytes match: rare enough that most 32-byte blocks
    // have none, so the scan runs at the speed of the vector compare.
    let mut base = 0;
    while base + 33 <= hay.len() && base + 31 <= last_start {
        let Ok(w) = <&[u8; 33]>::try_from(&hay[base..base + 33]) else {
            break;
        };
        let mut bits = (0..32).fold(0u32, |m, i| {
            m | ((u32::from((w[i] | or_a) == a) & u32::from((w[i + 1] | or_b) == b)) << i)
        });
        while bits != 0 {
            if found_at(base + bits.trailing_zeros() as usize) {
                return true;
            }
            bits &= bits - 1;
        }
        base += 32;
    }
    (base..=last_start).any(|i| pair_at(i) && found_at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_matching_ignores_case_only_for_letters() {
        assert!(contains_ascii_nocase(b"The CEASEFIRE holds", b"ceasefire"));
        assert!(contains_ascii_nocase(b"x 1,000 for 1,000", b"1,000 for"));
        assert!(!contains_ascii_nocase(b"@home", b"`home"));
        assert!(!contains_ascii_nocase(b"ceasefir", b"ceasefire"));
        // Matches across the 32-byte chunks the scan works in.
        let long = format!("{}Peskov", "x".repeat(61));
        assert!(contains_ascii_nocase(long.as_bytes(), b"peskov"));
        assert!(contains_ascii_nocase(b"peskov", b"peskov"));
        for n in 0..80 {
            let hay = format!("{}PeSkOv{}", "y".repeat(n), "y".repeat(n % 7));
            assert!(contains_ascii_nocase(hay.as_bytes(), b"peskov"), "at {n}");
            assert!(
                !contains_ascii_nocase(hay.as_bytes(), b"peskovy!"),
                "at {n}"
            );
        }
        assert!(contains_ascii_nocase(b"xAx", b"a"));
        assert!(!contains_ascii_nocase(b"", b"a"));
    }

    #[test]
    fn other_text_is_folded_before_matching() {
        let mut m = Matcher::new("turkiye");
        assert!(m.matches("Türkiye’s top diplomat"));
        let needle = fold("ПЕСКОВ");
        let mut m = Matcher::new(&needle);
        assert!(m.matches("Дмитрий Песков сказал"));
        assert!(!m.matches("Peskov"));
    }
}
