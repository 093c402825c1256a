//! Searching the file's own text front to back, which streams from memory, instead of visiting
//! every event's strings, which lie where the file put them and wait on memory one by one.
//!
//! Where every character of a match folds to one character of the same UTF-8 length (a letter
//! changing case, `ё` to `е`), the raw text holds the match byte for byte up to case, and a
//! test per needle byte finds it ([`Pattern`]; two of them, on the needle's rarest bytes, run
//! at every position). Anything else that can take part in a match (a letter losing its
//! accent, a combining mark, a `\u{…}` escape) is caught by a test of the bytes that can start
//! it. An event where neither test fires cannot match and costs nothing more.
//!
//! Where one fires, the raw text around it usually tells whether the needle is inside the
//! event's title, summary, quotes or claims ([`Pattern::read_at`]); otherwise a [`Judge`]
//! decides from the event's records, in batches so that they come from memory together.

use crate::model::Timeline;

use super::fold::changes;

/// The events of a timeline in the order its file lists them, for reading the text front to
/// back. Built at load (a sort of 8 bytes per event); empty when the events have no distinct
/// offsets into a text (a timeline made by `serde_json`, say).
#[derive(Debug, Clone, Default)]
pub struct FileOrder {
    /// Per event, ascending: its offset in the text (high half), its timeline position (low).
    keys: Vec<u64>,
    /// Set once an offset or a position did not fit in 32 bits.
    unusable: bool,
}

impl FileOrder {
    /// An empty table with room for `events`, to be filled with [`FileOrder::push`].
    pub(super) fn with_capacity(events: usize) -> Self {
        FileOrder {
            keys: Vec::with_capacity(events),
            unusable: false,
        }
    }

    /// Records that the event at timeline position `pos` starts at byte `at` of the text.
    pub(super) fn push(&mut self, at: impl TryInto<u32>, pos: usize) {
        match (at.try_into(), u32::try_from(pos)) {
            (Ok(at), Ok(pos)) => self.keys.push(u64::from(at) << 32 | u64::from(pos)),
            _ => self.unusable = true,
        }
    }

    /// Sorts the events into file order; an event sharing its offset with another (or one that
    /// did not fit) leaves the table empty.
    pub(super) fn finish(mut self) -> Self {
        // A file written in timeline order needs no sort.
        if !self.keys.is_sorted() {
            self.keys.sort_unstable();
        }
        if self.unusable || self.keys.windows(2).any(|w| w[0] >> 32 == w[1] >> 32) {
            return FileOrder::default();
        }
        self.keys.shrink_to_fit();
        self
    }

    fn start(&self, k: usize) -> usize {
        (self.keys[k] >> 32) as usize
    }

    /// Whether `text` is the text `t` was loaded from, as far as cheap checks can tell: the
    /// table covers every event, offsets lie inside the text, and the first and last events'
    /// borrowed strings lie inside their own stretch of it.
    #[must_use]
    pub fn fits(&self, t: &Timeline<'_>, text: &str) -> bool {
        let n = self.keys.len();
        if n == 0 || n != t.events.len() || self.start(n - 1) >= text.len() {
            return false;
        }
        [0, n - 1].into_iter().all(|k| {
            let range = self.start(k)
                ..self
                    .keys
                    .get(k + 1)
                    .map_or(text.len(), |_| self.start(k + 1));
            let e = &t.events[(self.keys[k] & u64::from(u32::MAX)) as usize];
            let base = text.as_ptr().addr();
            let strings = [Some(&e.id.value), Some(&e.title), e.summary.as_ref()]
                .into_iter()
                .flatten()
                .chain(e.quotes.iter().map(|q| &q.text))
                .chain(e.claims.iter().map(|c| &c.text));
            strings.filter(|s| s.is_borrowed()).all(|s| {
                let at = s.as_ptr().addr().wrapping_sub(base);
                s.is_empty() || (range.contains(&at) && at + s.len() <= range.end)
            })
        })
    }

    /// The events split into up to `parts` runs of about equal bytes of text: per run, its
    /// events (offset and position, as in `keys`) and where its text ends.
    pub(super) fn runs(&self, text_len: usize, parts: usize) -> Vec<(&[u64], usize)> {
        let Some(&first) = self.keys.first() else {
            return Vec::new();
        };
        let first = (first >> 32) as usize;
        let mut cuts: Vec<usize> = (1..parts)
            .map(|j| {
                let target = (first + (text_len - first) / parts * j) as u64;
                self.keys.partition_point(|&k| k >> 32 < target)
            })
            .collect();
        cuts.insert(0, 0);
        cuts.push(self.keys.len());
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let end = self
                    .keys
                    .get(w[1])
                    .map_or(text_len, |&k| (k >> 32) as usize);
                (&self.keys[w[0]..w[1]], end)
            })
            .collect()
    }
}

/// A set of bytes tested with one mask: `b & mask == value`. Found for a set of bytes as the
/// smallest such set holding them all; `NEVER` holds only 0xFF, which UTF-8 never uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Class {
    mask: u8,
    value: u8,
}

impl Class {
    const NEVER: Class = Class {
        mask: 0xFF,
        value: 0xFF,
    };

    /// The smallest class holding every byte of `bytes`.
    fn of(bytes: impl IntoIterator<Item = u8>) -> Class {
        let mut bytes = bytes.into_iter();
        let Some(first) = bytes.next() else {
            return Class::NEVER;
        };
        let diff = bytes.fold(0, |d, b| d | (b ^ first));
        Class {
            mask: !diff,
            value: first & !diff,
        }
    }

    fn has(self, b: u8) -> bool {
        b & self.mask == self.value
    }
}

/// A folded needle, prepared for finding in raw text.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Per needle byte: a class holding every byte that text folding to the needle can hold
    /// there.
    bytes: Vec<Class>,
    /// The two needle bytes tested first (the rarest in the text); the same one for a needle
    /// of one byte.
    anchors: (usize, usize),
    /// The characters that can take part in a match without showing it byte for byte (sorted).
    hidden: Vec<char>,
    /// Classes holding the lead bytes of `hidden`'s two-byte and of its longer characters:
    /// where to look closer.
    leads: [Class; 2],
    /// The needle's characters (sorted), to tell whether an escape can produce one.
    chars: Vec<char>,
    /// The folded needle.
    needle: String,
}

impl Pattern {
    /// Prepares the folded `needle` (not empty) for `text`, whose bytes pick the anchors.
    #[must_use]
    pub fn new(needle: &str, text: &str) -> Option<Self> {
        if needle.is_empty() {
            return None;
        }
        let mut chars: Vec<char> = needle.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        let many = needle.chars().nth(1).is_some();
        // Per needle character, every character of the same length that folds to it.
        let mut same: Vec<Vec<char>> = chars.iter().map(|&c| vec![c]).collect();
        let mut hidden = Vec::new();
        for (c, f) in changes() {
            let mut fs = f.chars();
            match (fs.next(), fs.next()) {
                (Some(one), None) if one.len_utf8() == c.len_utf8() => {
                    if let Ok(k) = chars.binary_search(&one) {
                        same[k].push(*c);
                    }
                }
                // Vanishes, so it can sit inside a match of two characters or more.
                (None, _) if many => hidden.push(*c),
                _ if f.chars().any(|x| chars.binary_search(&x).is_ok()) => hidden.push(*c),
                _ => {}
            }
        }
        // ASCII folds to ASCII: never hidden, but a table gone wrong must not go unseen.
        if hidden.iter().any(char::is_ascii) {
            return None;
        }
        let lead = |c: &char| c.encode_utf8(&mut [0; 4]).as_bytes()[0];
        let leads = [
            Class::of(hidden.iter().filter(|c| c.len_utf8() == 2).map(lead)),
            Class::of(hidden.iter().filter(|c| c.len_utf8() > 2).map(lead)),
        ];
        let mut bytes = Vec::with_capacity(needle.len());
        for n in needle.chars() {
            let alike = &same[chars.binary_search(&n).ok()?];
            for j in 0..n.len_utf8() {
                bytes.push(Class::of(
                    alike
                        .iter()
                        .map(|a| a.encode_utf8(&mut [0; 4]).as_bytes()[j]),
                ));
            }
        }
        let freq = byte_counts(text.as_bytes());
        let cost = |class: &Class| -> u64 {
            (0..=255u8)
                .filter(|&b| class.has(b))
                .map(|b| u64::from(freq[usize::from(b)]))
                .sum()
        };
        let rarest = |skip: Option<usize>| {
            (0..bytes.len())
                .filter(|&i| Some(i) != skip)
                .min_by_key(|&i| cost(&bytes[i]))
        };
        let p = rarest(None)?;
        let q = rarest(Some(p)).unwrap_or(p);
        Some(Pattern {
            bytes,
            anchors: (p, q),
            hidden,
            leads,
            chars,
            needle: needle.to_string(),
        })
    }

    fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the needle's bytes could be at the start of `window` (as long as the needle).
    fn fits_at(&self, window: &[u8]) -> bool {
        window
            .iter()
            .zip(&self.bytes)
            .all(|(&b, class)| class.has(b))
    }

    /// Whether byte `b` needs a closer look ([`Pattern::hides_at`]).
    fn odd(&self, b: u8) -> bool {
        (b == b'\\') | self.leads[0].has(b) | self.leads[1].has(b)
    }

    /// Whether the character or escape at `hay[i]` (an [`Pattern::odd`] byte) could be part of
    /// a match that the raw bytes do not show.
    fn hides_at(&self, hay: &[u8], i: usize) -> bool {
        if hay[i] == b'\\' {
            // What RON's one-letter escapes stand for; any other escape (`\u{…}`, `\x…`, a line
            // continuation) could stand for anything.
            let stands_for = match hay.get(i + 1) {
                Some(b'"') => '"',
                Some(b'\'') => '\'',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'0') => '\0',
                _ => return true,
            };
            return self.chars.binary_search(&stands_for).is_ok();
        }
        let len = match hay[i] {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let c = hay
            .get(i..i + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next());
        c.is_none_or(|c| self.hidden.binary_search(&c).is_ok())
    }

    /// What the raw text alone says about the needle's bytes at `at` (which [`Pattern::fits_at`])
    /// in the event whose text starts at `start`: `Some(true)` when they are the needle inside
    /// the event's title, summary or a quote's or claim's text; `Some(false)` when they are not
    /// the needle or not inside any of those strings; `None` when it cannot tell.
    ///
    /// It tells only where the event's text before `at` holds no comment, escape or `r#"…"#`
    /// string (no `/`, `\` or `#`): every `"` there then opens or closes a string, so their
    /// count says whether `at` is inside one, and the last one is where that string opens.
    /// The file has loaded, so what stands before it is the field it is the value of (or a
    /// list it is in); of an event's fields and its quotes' and claims', only these three
    /// are called `title`, `summary` or `text`.
    fn read_at(&self, hay: &[u8], start: usize, at: usize) -> Option<bool> {
        let window = hay.get(at..at + self.len())?;
        let before = hay.get(start..at)?;
        // A quote or backslash in the window (or the needle) would end the string or escape.
        let (inside, trouble) = quotes_and_trouble(before);
        if trouble || window.iter().any(|&b| matches!(b, b'"' | b'\\')) {
            return None;
        }
        if !inside {
            // Outside every string: a field name, a number or punctuation.
            return Some(false);
        }
        let open = before.iter().rposition(|&b| b == b'"')?;
        let ahead = before[..open].trim_ascii_end();
        let searched = match ahead.last()? {
            // An element of a list of ids or tags.
            b'[' | b',' => false,
            b':' => {
                let key = ahead[..ahead.len() - 1].trim_ascii_end();
                let name_at = key
                    .iter()
                    .rposition(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
                    .map_or(0, |i| i + 1);
                match &key[name_at..] {
                    b"title" | b"summary" | b"text" => true,
                    b"id" | b"when" | b"location" | b"speaker" | b"source" | b"via"
                    | b"context" | b"by" => false,
                    _ => return None,
                }
            }
            // `Some("…")`, `r"…"`: read the records.
            _ => return None,
        };
        if !searched {
            return Some(false);
        }
        let window = std::str::from_utf8(window).ok()?;
        // Case is all that folding changes in ASCII.
        Some(if window.is_ascii() {
            window.eq_ignore_ascii_case(&self.needle)
        } else {
            super::fold::fold(window) == self.needle
        })
    }

    /// Whether an anchor test passes at `i`: the needle could start there. `hay` must hold
    /// `i + len` bytes or more.
    fn anchored(&self, hay: &[u8], i: usize) -> bool {
        let (p, q) = self.anchors;
        self.bytes[p].has(hay[i + p]) & self.bytes[q].has(hay[i + q])
    }
}

/// Whether `bytes` hold an odd number of `"`, and whether they hold a comment, an escape or
/// a `r#"…"#` string, or might (a `/`, `\\` or `#`). One pass, 64 bytes at a time, so that it
/// compiles to vector instructions.
fn quotes_and_trouble(bytes: &[u8]) -> (bool, bool) {
    let quote = |b: u8| u8::from(b == b'"');
    let trouble = |b: u8| u8::from(b == b'\\') | u8::from(b == b'/') | u8::from(b == b'#');
    let mut blocks = bytes.chunks_exact(BLOCK);
    let (mut odd, mut bad) = (0u8, 0u8);
    for block in blocks.by_ref() {
        odd ^= block.iter().fold(0, |n, &b| n ^ quote(b));
        bad |= block.iter().fold(0, |n, &b| n | trouble(b));
    }
    for &b in blocks.remainder() {
        odd ^= quote(b);
        bad |= trouble(b);
    }
    (odd != 0, bad != 0)
}

/// How often each byte occurs in a sample of `text` (32 stretches of 2 KiB spread over it).
fn byte_counts(text: &[u8]) -> [u32; 256] {
    const STRETCH: usize = 2048;
    let mut counts = [0u32; 256];
    let step = (text.len() / 32).max(STRETCH);
    for start in (0..text.len()).step_by(step) {
        for &b in &text[start..text.len().min(start + STRETCH)] {
            counts[usize::from(b)] += 1;
        }
    }
    counts
}

/// Bytes tested per block, without early exits inside it, so that the test compiles to vector
/// instructions.
const BLOCK: usize = 64;

/// Positions `i` from `base`, up to `BLOCK` of them and short of `hay.len()`, where the needle
/// could start or a byte needs a closer look: bit `j` for `base + j`.
fn flags(hay: &[u8], base: usize, pat: &Pattern) -> u64 {
    if let Some(lanes) = lanes(hay, base, pat) {
        // Eight lanes (bytes of 0 or 1) at a time: the multiplication gathers their low bits
        // into its top byte (every partial product lands on its own bit, so none carry).
        return lanes
            .chunks_exact(8)
            .enumerate()
            .fold(0, |bits, (k, eight)| {
                let x = eight.iter().rev().fold(0u64, |x, &l| x << 8 | u64::from(l));
                bits | (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k)
            });
    }
    let n = pat.len();
    (base..hay.len().min(base + BLOCK)).fold(0, |bits, i| {
        let hit = (i + n <= hay.len() && pat.anchored(hay, i)) | pat.odd(hay[i]);
        bits | u64::from(hit) << (i - base)
    })
}

/// The tests the scan runs at every position, copied out of a [`Pattern`] so that they stay
/// in registers.
#[derive(Clone, Copy)]
struct Probe {
    /// The needle's two anchor bytes: offset in the needle and class.
    first: (usize, Class),
    second: (usize, Class),
    /// Lead bytes of hidden characters.
    leads: [Class; 2],
    /// Bytes a block's tests read: the block and the needle's length after it.
    window: usize,
}

impl Probe {
    fn new(pat: &Pattern) -> Self {
        let (p, q) = pat.anchors;
        Probe {
            first: (p, pat.bytes[p]),
            second: (q, pat.bytes[q]),
            leads: pat.leads,
            window: BLOCK + pat.len() - 1,
        }
    }

    /// The block at `base` three ways: the bytes under each anchor of its positions, and its
    /// own bytes; `None` when too few bytes are left for a whole block.
    fn views<'h>(&self, hay: &'h [u8], base: usize) -> Option<[&'h [u8; BLOCK]; 3]> {
        let w = hay.get(base..base + self.window)?;
        let view = |from: usize| <&[u8; BLOCK]>::try_from(&w[from..from + BLOCK]).ok();
        Some([view(self.first.0)?, view(self.second.0)?, view(0)?])
    }

    /// 1 when a position is flagged, given the bytes under its anchors and its own byte.
    fn lane(&self, under_first: u8, under_second: u8, own: u8) -> u8 {
        let [l0, l1] = self.leads;
        let anchor =
            u8::from(self.first.1.has(under_first)) & u8::from(self.second.1.has(under_second));
        let odd = u8::from(own == b'\\') | u8::from(l0.has(own)) | u8::from(l1.has(own));
        anchor | odd
    }
}

/// Per position of the block at `base`: 1 where it is flagged, else 0; `None` when too few
/// bytes are left for a whole block. Written like [`skip_quiet`], to compile to vector
/// instructions.
fn lanes(hay: &[u8], base: usize, pat: &Pattern) -> Option<[u8; BLOCK]> {
    let probe = Probe::new(pat);
    let [first, second, own] = probe.views(hay, base)?;
    let mut lanes = [0u8; BLOCK];
    for (j, lane) in lanes.iter_mut().enumerate() {
        *lane = probe.lane(first[j], second[j], own[j]);
    }
    Some(lanes)
}

/// The first block of `BLOCK` positions from `base` (stepping a block at a time) that has a
/// flagged position, or where too few bytes are left for a whole block: no position before it
/// is flagged. The test runs without early exits inside a block, so that it compiles to vector
/// instructions, with everything it needs kept in registers across blocks.
fn skip_quiet(hay: &[u8], mut base: usize, pat: &Pattern) -> usize {
    let probe = Probe::new(pat);
    while let Some([first, second, own]) = probe.views(hay, base) {
        let mut any = 0u8;
        for j in 0..BLOCK {
            any |= probe.lane(first[j], second[j], own[j]);
        }
        if any != 0 {
            break;
        }
        base += BLOCK;
    }
    base
}

/// What the scan found at a byte of an event's text.
#[derive(Debug, Clone, Copy)]
enum Look {
    /// The raw text could show the needle starting here.
    Needle(usize),
    /// A character or escape here could take part in a match the raw text does not show.
    Hidden,
}

/// Decides about the events the scan finds something in, from their records.
pub(super) trait Judge {
    /// Starts bringing the records of the event at timeline position `pos` into the cache: the
    /// scan names a batch of events before asking about any, so that their records are fetched
    /// from memory together rather than one after another.
    fn fetch(&mut self, pos: u32);

    /// Whether the event at timeline position `pos` matches, given that the raw text could
    /// show the needle at byte `at`; `None` when the rest of its text must tell.
    fn needle_at(&mut self, pos: u32, at: usize) -> Option<bool>;

    /// Whether the event at timeline position `pos` matches: its records decide.
    fn matches(&mut self, pos: u32) -> bool;
}

/// Events found something in, decided a batch at a time.
const BATCH: usize = 32;

/// One run of events in file order, in the text that holds them.
struct Run<'r> {
    /// The text, up to where the run's last event ends.
    hay: &'r [u8],
    /// Per event: its offset (high half) and timeline position (low), as in [`FileOrder`].
    keys: &'r [u64],
    /// Whether the run's last event is the file's: the text after it may hold other records
    /// (sources listed after the events, say), so only the records can tell about it.
    ends_file: bool,
}

/// What the raw text alone says about a look (see [`Pattern::read_at`]).
enum Read {
    Match,
    Elsewhere,
    AskRecords,
}

impl Run<'_> {
    fn start(&self, k: usize) -> usize {
        self.keys
            .get(k)
            .map_or(self.hay.len(), |&key| (key >> 32) as usize)
    }

    fn position(&self, k: usize) -> u32 {
        (self.keys[k] & u64::from(u32::MAX)) as u32
    }

    fn read(&self, pat: &Pattern, k: usize, look: Look) -> Read {
        let Look::Needle(at) = look else {
            return Read::AskRecords;
        };
        if self.ends_file && k + 1 == self.keys.len() {
            return Read::AskRecords;
        }
        match pat.read_at(self.hay, self.start(k), at) {
            Some(true) => Read::Match,
            Some(false) => Read::Elsewhere,
            None => Read::AskRecords,
        }
    }
}

/// Scans one run of events (offsets and positions as in [`FileOrder`]; the run's text ends at
/// `end`) and returns the timeline positions of the events that match, as the raw text or
/// failing that `judge` says. The judge is asked about no event where the needle cannot be.
pub(super) fn scan(
    text: &str,
    keys: &[u64],
    end: usize,
    pat: &Pattern,
    judge: &mut impl Judge,
) -> Vec<u32> {
    let run = Run {
        hay: &text.as_bytes()[..end],
        keys,
        ends_file: end == text.len(),
    };
    let mut hits = Vec::new();
    let mut batch: Vec<(usize, Look)> = Vec::with_capacity(BATCH);
    walk(run.hay, run.start(0), keys, pat, |k, look| {
        match run.read(pat, k, look) {
            Read::Match => {
                hits.push(run.position(k));
                true
            }
            Read::Elsewhere => false,
            Read::AskRecords => {
                batch.push((k, look));
                if batch.len() == BATCH {
                    decide(&run, pat, judge, &mut batch, &mut hits);
                }
                // Decided with the batch, if need be from where this look leaves off.
                true
            }
        }
    });
    decide(&run, pat, judge, &mut batch, &mut hits);
    hits
}

/// Decides the events in `batch` (indices into the run, with what the scan found in each),
/// adding those that match to `hits`, and empties it.
fn decide(
    run: &Run<'_>,
    pat: &Pattern,
    judge: &mut impl Judge,
    batch: &mut Vec<(usize, Look)>,
    hits: &mut Vec<u32>,
) {
    for &(k, _) in batch.iter() {
        judge.fetch(run.position(k));
    }
    for (k, look) in batch.drain(..) {
        let pos = run.position(k);
        let matched = match look {
            Look::Hidden => judge.matches(pos),
            Look::Needle(at) => judge.needle_at(pos, at).unwrap_or_else(|| {
                // Read on through the rest of the event, deciding as the scan goes (from the
                // same byte: it may also hide a match).
                let mut matched = false;
                let hay = &run.hay[..run.start(k + 1)];
                walk(hay, at, &run.keys[k..=k], pat, |_, look| {
                    let verdict = match (run.read(pat, k, look), look) {
                        (Read::Match, _) => Some(true),
                        (Read::Elsewhere, _) => None,
                        (Read::AskRecords, Look::Needle(at)) => judge.needle_at(pos, at),
                        (Read::AskRecords, Look::Hidden) => Some(judge.matches(pos)),
                    };
                    matched = verdict == Some(true);
                    verdict.is_some()
                });
                matched
            }),
        };
        if matched {
            hits.push(pos);
        }
    }
}

/// Walks `hay` from byte `from` (inside the first event of `run`) and calls `look(k, what)` for
/// each place where the needle could start or a byte hides a match, `k` being the index in
/// `run` of the event holding it; `look` returns whether to skip the rest of that event.
fn walk(
    hay: &[u8],
    from: usize,
    run: &[u64],
    pat: &Pattern,
    mut look: impl FnMut(usize, Look) -> bool,
) {
    let start = |k: usize| run.get(k).map_or(hay.len(), |&key| (key >> 32) as usize);
    let n = pat.len();
    // The event holding the positions being looked at, and where the events already decided
    // end. Their rest is still read, not jumped over: a jump ahead in memory stalls on bytes
    // the processor has not yet fetched, which costs more than reading them would (measured).
    let mut k = 0;
    let mut decided = 0;
    let mut base = from;
    while base < hay.len() {
        base = skip_quiet(hay, base, pat);
        let mut bits = flags(hay, base, pat);
        while bits != 0 {
            let i = base + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if i < decided {
                continue;
            }
            while start(k + 1) <= i {
                k += 1;
            }
            let event_end = start(k + 1);
            let mut skip = false;
            if i + n <= event_end && pat.anchored(hay, i) && pat.fits_at(&hay[i..i + n]) {
                skip = look(k, Look::Needle(i));
            }
            if !skip && pat.odd(hay[i]) && pat.hides_at(hay, i) {
                skip = look(k, Look::Hidden);
            }
            if skip {
                decided = event_end;
            }
        }
        base += BLOCK;
    }
}
