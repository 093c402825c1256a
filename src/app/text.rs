//! Text from the file made inert and measured for the screen: controls escaped, tabs expanded,
//! widths in terminal cells, truncation and wrapping that never split a character.

use std::borrow::Cow;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::escape::{escape_line, is_unsafe};

/// Tab stops every this many cells.
const TAB: usize = 4;

/// The most bytes of one piece of file text drawn on a single row. No terminal row shows more,
/// and it keeps a 10 MB title from costing 10 MB of work per row per frame.
pub const ROW_BYTES: usize = 4 * 1024;

/// The most bytes of one piece of file text wrapped into the detail pane (about 400 lines of
/// 80 cells); the rest is left to `roundtable export`.
pub const PARA_BYTES: usize = 32 * 1024;

/// What ends text cut at [`PARA_BYTES`].
pub const CLIPPED: &str = "… [too long to show here; `roundtable export` writes all of it]";

/// One line of untrusted text, safe to draw: tabs become spaces up to the next stop, and every
/// other control, newline, bidi mark or line separator becomes a visible escape (`\x1b`, `\n`,
/// `\u{202e}`, `\u{2028}`). Text longer than [`ROW_BYTES`] is cut there and ends in `…`.
#[must_use]
pub fn line(s: &str) -> Cow<'_, str> {
    clipped(s, ROW_BYTES, "…")
}

/// Like [`line`], for text to be wrapped over several rows: cut at [`PARA_BYTES`], ending in
/// [`CLIPPED`].
#[must_use]
pub fn para(s: &str) -> Cow<'_, str> {
    clipped(s, PARA_BYTES, CLIPPED)
}

/// Multi-line untrusted text, one safe line per line of the text (`\n` or `\r\n`). Text longer
/// than [`PARA_BYTES`] is cut there, and its last line ends in [`CLIPPED`].
pub fn lines(s: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let (kept, cut) = clip(s, PARA_BYTES);
    let n = kept.split('\n').count();
    kept.split('\n').enumerate().map(move |(i, l)| {
        let safe = escaped(l.strip_suffix('\r').unwrap_or(l));
        if cut && i + 1 == n {
            Cow::Owned(format!("{safe}{CLIPPED}"))
        } else {
            safe
        }
    })
}

/// `s` cut to at most `max` bytes, at a character boundary; whether anything was cut.
fn clip(s: &str, max: usize) -> (&str, bool) {
    if s.len() <= max {
        return (s, false);
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    (&s[..end], true)
}

fn clipped<'s>(s: &'s str, max: usize, mark: &str) -> Cow<'s, str> {
    match clip(s, max) {
        (s, false) => escaped(s),
        (kept, true) => Cow::Owned(format!("{}{mark}", escaped(kept))),
    }
}

fn escaped(s: &str) -> Cow<'_, str> {
    if s.contains('\t') {
        Cow::Owned(escape_line(&expand_tabs(s)).into_owned())
    } else {
        escape_line(s)
    }
}

fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = TAB - col % TAB;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            if !is_unsafe(c) {
                col += char_width(c);
            }
        }
    }
    out
}

fn char_width(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    c.width().unwrap_or(0)
}

/// How many cells a terminal gives one grapheme cluster of safe text: 2 for CJK and emoji
/// (sequences with joiners, skin tones and `U+FE0F` included, and flags), 1 for a letter with
/// its combining marks, 1 for each halfwidth katakana and each halfwidth sound mark
/// (`ﾃﾞ` is 2), 0 for a cluster that is only a zero-width character.
///
/// This is Unicode's East Asian Width and emoji presentation as `unicode-width` applies them
/// to a whole cluster, which is what current terminals draw. It is *not* ratatui's
/// `CellWidth`, which counts `U+FF9E`/`U+FF9F` once more (`ﾃﾞ` as 3) and so left a gap;
/// [`crate::ui::text::put`] draws with this width instead of ratatui's.
#[must_use]
pub fn cluster_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    g.width()
}

/// A grapheme cluster, what a terminal draws as one unit (a character with its combining
/// marks, an emoji sequence, a flag), found as ratatui finds them when it draws, and measured
/// as terminals draw it ([`cluster_width`]), so that what is measured here (to pad, align, cut
/// and wrap) is what ends up on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    pub start: usize,
    pub end: usize,
    pub width: usize,
}

/// The clusters of already-safe text, in order.
#[must_use]
pub fn clusters(s: &str) -> Vec<Cluster> {
    s.grapheme_indices(true)
        .map(|(start, g)| Cluster {
            start,
            end: start + g.len(),
            width: cluster_width(g),
        })
        .collect()
}

/// Where the cluster holding the byte before `at` ends: `at` itself when a cluster ends there,
/// else moved past the marks or joined characters that belong with what comes before.
#[must_use]
pub fn cluster_end(s: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, s.len(), true);
    if cursor.is_boundary(s, 0) == Ok(true) {
        return at;
    }
    cursor.next_boundary(s, 0).ok().flatten().unwrap_or(s.len())
}

/// Width of already-safe text in terminal cells.
#[must_use]
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    clusters(s).iter().map(|c| c.width).sum()
}

/// The longest prefix of `s` (in bytes) that fits in `max` cells, never splitting a cluster.
#[must_use]
pub fn fit(s: &str, max: usize) -> (usize, usize) {
    let mut w = 0;
    for c in clusters(s) {
        if w + c.width > max {
            return (c.start, w);
        }
        w += c.width;
    }
    (s.len(), w)
}

/// One piece of a title shortened by [`shorten`]: a byte range of the title, or a mark put in
/// for what was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes of the title, shown as they are.
    Text(std::ops::Range<usize>),
    /// [`ELLIPSIS`] for a cut, or [`DITTO`] for a prefix the row above has too.
    Mark(&'static str),
}

/// What stands for the middle of a title cut to fit.
pub const ELLIPSIS: &str = "…";

/// What stands for a `Speaker: ` prefix the row above repeats (a ditto mark, two cells, then a
/// space).
pub const DITTO: &str = "〃 ";

/// The `Name: ` that starts a title (`Medinsky: `, `Peskov: `), as a byte length: a colon and
/// a space within the first 32 bytes, after at least one letter.
#[must_use]
pub fn speaker_prefix(title: &str) -> Option<usize> {
    let at = title.get(..title.len().min(32))?.find(": ")?;
    (at > 0).then_some(at + 2)
}

/// A title shortened to `max` cells so that rows stay told apart: unchanged when it fits;
/// otherwise, when `repeated` (the row above starts with the same `Name: `), that prefix gives
/// way to [`DITTO`]; and when it still does not fit, it is cut in the middle, keeping its start
/// and its end (where titles that begin alike differ), with [`ELLIPSIS`] between. Below 12
/// cells only the start is kept. Returns the pieces and their width (never over `max`).
#[must_use]
pub fn shorten(title: &str, max: usize, repeated: bool) -> (Vec<Piece>, usize) {
    let whole = width(title);
    if whole <= max {
        return (vec![Piece::Text(0..title.len())], whole);
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut room = max;
    let ditto_w = width(DITTO);
    if let Some(p) = speaker_prefix(title).filter(|_| repeated && max > ditto_w + 4) {
        pieces.push(Piece::Mark(DITTO));
        start = p;
        room -= ditto_w;
    }
    let body = &title[start..];
    let body_w = width(body);
    if body_w <= room {
        pieces.push(Piece::Text(start..title.len()));
        return (pieces, max - room + body_w);
    }
    if room == 0 {
        return (pieces, max - room);
    }
    let ell = width(ELLIPSIS);
    if room < 12 {
        let (len, w) = fit(body, room - ell);
        pieces.push(Piece::Text(start..start + len));
        pieces.push(Piece::Mark(ELLIPSIS));
        return (pieces, max - room + w + ell);
    }
    // The end first: the longest suffix in two fifths of the room, started at a word when one
    // begins in its first half (a whole word reads better than a fragment); the start then
    // takes all the rest.
    let tail_room = (room - ell) * 2 / 5;
    let mut tail_at = body.len();
    let mut tail_w = 0;
    for c in clusters(body).iter().rev() {
        if tail_w + c.width > tail_room {
            break;
        }
        tail_w += c.width;
        tail_at = c.start;
    }
    if !body[..tail_at].ends_with(' ')
        && let Some(sp) = body[tail_at..].find(' ')
        && width(&body[tail_at..tail_at + sp]) * 2 <= tail_w
        && tail_at + sp + 1 < body.len()
    {
        tail_w -= width(&body[tail_at..=tail_at + sp]);
        tail_at += sp + 1;
    }
    let (head_len, head_w) = fit(&body[..tail_at], room - ell - tail_w);
    pieces.push(Piece::Text(start..start + head_len));
    pieces.push(Piece::Mark(ELLIPSIS));
    pieces.push(Piece::Text(start + tail_at..title.len()));
    (pieces, max - room + head_w + ell + tail_w)
}

/// The text of `pieces` of `title`, as drawn.
#[must_use]
pub fn pieces_text(title: &str, pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(r) => &title[r.clone()],
            Piece::Mark(m) => m,
        })
        .collect()
}

/// `s` cut to `max` cells with `…` when it is longer: (text, byte length kept from `s`, width).
#[must_use]
pub fn truncate(s: &str, max: usize) -> (Cow<'_, str>, usize, usize) {
    let (len, w) = fit(s, max);
    if len == s.len() {
        return (Cow::Borrowed(s), len, w);
    }
    if max == 0 {
        return (Cow::Borrowed(""), 0, 0);
    }
    let (len, w) = fit(s, max - 1);
    (Cow::Owned(format!("{}…", &s[..len])), len, w + 1)
}

/// Whether the word starting at cluster `from` fits in `room` cells.
fn word_fits(
    cl: &[Cluster],
    from: usize,
    room: usize,
    is_space: &impl Fn(&Cluster) -> bool,
) -> bool {
    let mut w = 0;
    for c in cl[from..].iter().take_while(|c| !is_space(c)) {
        w += c.width;
        if w > room {
            return false;
        }
    }
    true
}

/// A piece of a line with one meaning; `R` says how it is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg<R> {
    pub text: String,
    pub role: R,
}

impl<R> Seg<R> {
    pub fn new(text: impl Into<String>, role: R) -> Self {
        Seg {
            text: text.into(),
            role,
        }
    }
}

/// Wraps a paragraph of safe segments to `width` cells, breaking at spaces where it can and
/// between clusters where a word is longer than a line. Continuation lines start with `indent`
/// spaces drawn as `pad`. An empty paragraph is one empty line.
#[must_use]
pub fn wrap<R: Copy>(segs: &[Seg<R>], width: usize, indent: usize, pad: R) -> Vec<Vec<Seg<R>>> {
    let mut text = String::new();
    let mut bounds: Vec<(usize, R)> = Vec::with_capacity(segs.len());
    for s in segs {
        bounds.push((text.len(), s.role));
        text.push_str(&s.text);
    }
    if width == 0 || text.is_empty() {
        return vec![segs.to_vec()];
    }
    let indent = if indent >= width { 0 } else { indent };
    let cl = clusters(&text);
    let is_space = |c: &Cluster| &text[c.start..c.end] == " ";
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cl.len() {
        if !ranges.is_empty() {
            while i < cl.len() && is_space(&cl[i]) {
                i += 1;
            }
            if i == cl.len() {
                break;
            }
        }
        let limit = if ranges.is_empty() {
            width
        } else {
            width - indent
        };
        let start = i;
        let mut w = 0;
        let mut brk = None;
        while i < cl.len() && w + cl[i].width <= limit {
            if is_space(&cl[i]) {
                brk = Some(i);
            }
            w += cl[i].width;
            i += 1;
        }
        let end = if i == cl.len() || is_space(&cl[i]) {
            i
        } else if let Some(b) =
            brk.filter(|&b| b > start && word_fits(&cl, b + 1, width - indent, &is_space))
        {
            i = b;
            b
        } else if i == start {
            // One cluster wider than the line: it goes alone (and is cut where it is drawn).
            i += 1;
            i
        } else {
            i
        };
        let mut last = end;
        while last > start + 1 && is_space(&cl[last - 1]) {
            last -= 1;
        }
        ranges.push((cl[start].start, cl[last - 1].end));
    }
    ranges
        .iter()
        .enumerate()
        .map(|(n, &(a, b))| {
            let mut out = Vec::new();
            if n > 0 && indent > 0 {
                out.push(Seg::new(" ".repeat(indent), pad));
            }
            for (k, &(start, role)) in bounds.iter().enumerate() {
                let end = bounds.get(k + 1).map_or(text.len(), |&(e, _)| e);
                let (s, e) = (start.max(a), end.min(b));
                if s < e {
                    out.push(Seg::new(&text[s..e], role));
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Vec<Seg<()>>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    fn w(s: &str, width: usize, indent: usize) -> Vec<String> {
        plain(&wrap(&[Seg::new(s, ())], width, indent, ()))
    }

    #[test]
    fn controls_become_visible_and_tabs_spaces() {
        assert_eq!(line("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(line("x\ty"), "x   y");
        assert_eq!(line("\u{202e}evil"), "\\u{202e}evil");
        assert_eq!(line("a\u{2028}b"), "a\\u{2028}b");
        let got: Vec<_> = lines("one\r\ntwo\u{7}").collect();
        assert_eq!(got, ["one", "two\\x07"]);
    }

    #[test]
    fn text_too_long_to_show_is_cut_with_an_ellipsis() {
        let word = "土".repeat(ROW_BYTES);
        let shown = line(&word);
        assert!(shown.len() <= ROW_BYTES + "…".len(), "{}", shown.len());
        assert!(shown.ends_with("土…"));
        assert_eq!(para(&word), word.as_str());
        let long = format!("first\n{}", "x".repeat(PARA_BYTES));
        let got: Vec<_> = lines(&long).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].len(), PARA_BYTES - "first\n".len() + CLIPPED.len());
        assert!(got[1].ends_with(&format!("x{CLIPPED}")));
        assert!(para(&long).ends_with(&format!("x{CLIPPED}")));
    }

    #[test]
    fn wraps_at_spaces_with_hanging_indent() {
        assert_eq!(
            w("the quick brown fox jumps", 10, 2),
            ["the quick", "  brown", "  fox", "  jumps"]
        );
        assert_eq!(w("abcdefghij", 4, 0), ["abcd", "efgh", "ij"]);
        assert_eq!(w("", 4, 0), [""]);
        // A word longer than any line is cut where the line ends, not moved to a line of its own.
        assert_eq!(w("• abcdefghij", 6, 2), ["• abcd", "  efgh", "  ij"]);
    }

    #[test]
    fn wide_characters_are_never_split() {
        let lines = w("土耳其外交部长", 5, 0);
        assert_eq!(lines, ["土耳", "其外", "交部", "长"]);
        assert!(lines.iter().all(|l| width(l) <= 5));
        // A combining accent stays with its letter.
        assert_eq!(
            w("e\u{301}e\u{301}e\u{301}", 2, 0),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn truncation_keeps_whole_clusters() {
        assert_eq!(truncate("abcdef", 4).0, "abc…");
        assert_eq!(truncate("土耳其", 4).0, "土…");
        assert_eq!(truncate("土耳其", 6).0, "土耳其");
        assert_eq!(truncate("abc", 0).0, "");
    }

    /// Found by tests/prop.rs: a flag, a zero-width joiner and an emoji are two clusters to
    /// ratatui (a joiner joins emoji, not flags), and were measured as one.
    #[test]
    fn clusters_are_the_graphemes_ratatui_draws() {
        let s = "🇺🇦\u{200d}👍🏽";
        let got: Vec<&str> = clusters(s).iter().map(|c| &s[c.start..c.end]).collect();
        assert_eq!(got, ["🇺🇦\u{200d}", "👍🏽"]);
        assert_eq!(width(s), 4);
        assert_eq!(cluster_end("e\u{301}x", 1), 3);
        assert_eq!(cluster_end("e\u{301}x", 3), 3);
    }

    fn short(s: &str, max: usize, repeated: bool) -> String {
        let (p, w) = shorten(s, max, repeated);
        let t = pieces_text(s, &p);
        assert_eq!(width(&t), w, "{t:?}");
        assert!(w <= max, "{t:?} is {w} wide, max {max}");
        t
    }

    #[test]
    fn titles_are_cut_in_the_middle_and_repeated_names_dropped() {
        let a = "Medinsky: Moscow proposes three online working groups";
        let b = "Medinsky: Moscow proposes truces of up to 24 hours";
        assert_eq!(short(a, 80, false), a);
        assert_eq!(short(a, 30, false), "Medinsky: Moscow propos…groups");
        assert_eq!(short(b, 30, false), "Medinsky: Moscow p…to 24 hours");
        assert_eq!(short(b, 30, true), "〃 Moscow proposes tr…24 hours");
        assert_eq!(
            short(b, 40, true),
            "〃 Moscow proposes truces…up to 24 hours"
        );
        assert_eq!(
            short(b, 43, true),
            "〃 Moscow proposes truces of up to 24 hours"
        );
        assert_eq!(short(a, 10, false), "Medinsky:…");
        assert_eq!(short(a, 0, true), "");
        assert_eq!(
            short("土耳其土耳其土耳其土耳其", 13, false),
            "土耳其土…耳其"
        );
        assert_eq!(speaker_prefix(a), Some(10));
        assert_eq!(speaker_prefix("Talks end; the meeting"), None);
        assert_eq!(speaker_prefix(": x"), None);
    }
}
