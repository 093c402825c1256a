//! HTML as TimelineJS text holds it, made plain: tags dropped, links kept as their words and
//! where they lead, entities decoded, `<br>` and paragraphs as line breaks, runs of spaces as
//! one.

mod entity;
mod tag;

use tag::{Anchor, tag};

/// A link in HTML text: `<a href="URL">label</a>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The words linked, plain and on one line; may be empty (a link on an image).
    pub label: String,
    /// Where it leads: the `href`, character references decoded, control characters removed.
    pub url: String,
}

impl Link {
    /// The link as plain text: `label (URL)`; the URL alone when the label is empty or is the
    /// address itself (`example.org` for `https://www.example.org/`).
    #[must_use]
    pub fn text(&self) -> String {
        if self.label.is_empty() || same_address(&self.label, &self.url) {
            self.url.clone()
        } else {
            format!("{} ({})", self.label, self.url)
        }
    }
}

/// The text of `html`: tags removed (`<br>` and the ends of paragraphs, divs, list items and
/// headings become line breaks), a link kept as its words and its address (see
/// [`Link::text`]), character references decoded (`&amp;`, `&#39;`, `&#x2014;`, `&nbsp;` as
/// a space), spaces collapsed, at most one empty line between paragraphs, trimmed. Text
/// without `<` or `&` only has its spaces collapsed.
#[must_use]
pub fn plain(html: &str) -> String {
    tidy(&scan(html, true).0)
}

/// One line of plain text: [`plain`] with its line breaks as spaces, links and all.
#[must_use]
pub fn plain_line(html: &str) -> String {
    one_line(&plain(html))
}

/// One line of plain text with each link as its words alone, and the links, in order: for a
/// name (a headline, a credit) that its link's address would clutter, and whose links the
/// caller keeps elsewhere.
#[must_use]
pub fn label_line(html: &str) -> (String, Vec<Link>) {
    let (raw, links) = scan(html, false);
    (one_line(&tidy(&raw)), links)
}

/// The address of the first `src` in `html` (embedded media: an `<iframe src=…>`), its
/// references decoded and control characters left out; `None` when no tag has one.
#[must_use]
pub fn embedded_src(html: &str) -> Option<String> {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(url) = tag::src(rest) {
            return Some(url);
        }
        rest = &rest[1..];
    }
    None
}

/// Tidied text's lines joined by spaces, empty lines left out.
fn one_line(text: &str) -> String {
    text.split('\n')
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Marks a line break in the raw text, told apart from the input's own newlines (which HTML
/// reads as spaces). A private-use character: input holding it loses nothing but a space.
const BREAK: char = '\u{E000}';

/// A space after an address written in place of a link without words: a space before a word,
/// none before punctuation (`see https://example.org/img.`). Private use, as [`BREAK`].
const SOFT: char = '\u{E001}';

/// `html` with tags and references read (see [`plain`]), before [`tidy`]; each link's address
/// written after its words when `inline`; and the links.
fn scan(html: &str, inline: bool) -> (String, Vec<Link>) {
    let mut raw = String::with_capacity(html.len());
    let mut links = Vec::new();
    // The link being read: its address, and where its words start in `raw`.
    let mut open: Option<(String, usize)> = None;
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        raw.push_str(&rest[..at]);
        rest = &rest[at..];
        let len = if rest.starts_with('<') {
            tag(rest).map(|t| {
                if t.link != Anchor::No {
                    // Links do not nest: a new one ends the one before.
                    close(&mut raw, &mut open, &mut links, inline);
                }
                if let Anchor::Opens(Some(url)) = t.link {
                    open = Some((url, raw.len()));
                }
                raw.push_str(t.brk);
                t.len
            })
        } else {
            entity::entity(rest).map(|(len, c)| {
                raw.push(c);
                len
            })
        };
        // A `<` or `&` that starts nothing is itself.
        let len = len.unwrap_or_else(|| {
            raw.push_str(&rest[..1]);
            1
        });
        rest = &rest[len..];
    }
    raw.push_str(rest);
    // A link never closed ends with the text.
    close(&mut raw, &mut open, &mut links, inline);
    (raw, links)
}

/// Ends the link `open`, if any: records it, and when `inline` writes its address after its
/// words in `raw` (before the spaces and breaks they end with; in their place when they are
/// the address; with spaces around when there are none).
fn close(
    raw: &mut String,
    open: &mut Option<(String, usize)>,
    links: &mut Vec<Link>,
    inline: bool,
) {
    let Some((url, from)) = open.take() else {
        return;
    };
    let link = Link {
        label: one_line(&tidy(&raw[from..])),
        url,
    };
    if inline {
        let words_end = from.max(
            raw.trim_end_matches(|c: char| c.is_whitespace() || c == BREAK)
                .len(),
        );
        let after = raw.split_off(words_end);
        if link.label.is_empty() {
            raw.push(' ');
            raw.push_str(&link.url);
            raw.push(SOFT);
        } else if same_address(&link.label, &link.url) {
            raw.truncate(from);
            raw.push_str(&link.url);
        } else {
            raw.push_str(" (");
            raw.push_str(&link.url);
            raw.push(')');
        }
        raw.push_str(&after);
    }
    links.push(link);
}

/// True when `label` names the address `url`, give or take its scheme, `www.` and a final
/// `/` (`example.org/a` for `https://www.example.org/a/`, `a@b.org` for `mailto:a@b.org`).
fn same_address(label: &str, url: &str) -> bool {
    fn bare(s: &str) -> String {
        let s = s.trim().to_lowercase();
        let s = ["https://", "http://", "//", "mailto:", "tel:"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(&s);
        let s = s.strip_prefix("www.").unwrap_or(s);
        s.trim_end_matches('/').to_string()
    }
    let label = bare(label);
    !label.is_empty() && label == bare(url)
}

/// Whitespace collapsed, breaks made newlines, at most one empty line in a row, trimmed.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    let mut soft = false;
    let mut breaks = 0;
    for c in raw.chars() {
        if c == BREAK {
            breaks += 1;
            space = false;
            soft = false;
        } else if c == SOFT {
            soft = true;
        } else if c.is_whitespace() {
            space = true;
        } else {
            if !out.is_empty() {
                let punctuation = matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')');
                if breaks > 0 {
                    out.push_str(if breaks > 1 { "\n\n" } else { "\n" });
                } else if space || (soft && !punctuation) {
                    out.push(' ');
                }
            }
            breaks = 0;
            space = false;
            soft = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::escape::is_unsafe;

    #[test]
    fn a_link_without_words_takes_no_space_before_punctuation() {
        let img = "<a href=\"https://example.org/img\"><img src=\"x.jpg\"></a>";
        assert_eq!(
            plain(&format!("See {img}.")),
            "See https://example.org/img."
        );
        assert_eq!(
            plain(&format!("See {img} here")),
            "See https://example.org/img here"
        );
        assert_eq!(
            plain(&format!("See {img}here")),
            "See https://example.org/img here"
        );
    }

    #[test]
    fn tags_go_entities_decode_breaks_stay() {
        assert_eq!(
            plain("<p>Talks &amp; &quot;memos&quot;</p><p>It&#39;s&nbsp;over<br>today</p>"),
            "Talks & \"memos\"\n\nIt's over\ntoday"
        );
        assert_eq!(plain("  a\n  b  "), "a b");
        assert_eq!(plain("1 < 2 & 3 > 2"), "1 < 2 & 3 > 2");
        assert_eq!(plain("x<!-- hidden -->y"), "xy");
        assert_eq!(plain_line("<p>one</p><p>two</p>"), "one two");
        assert_eq!(plain("&#x2014;&unknown;"), "—&unknown;");
        assert_eq!(
            plain("Dolmabah&ccedil;e, T&uuml;rkiye, &Eacute;lys&eacute;e"),
            "Dolmabahçe, Türkiye, Élysée"
        );
    }

    #[test]
    fn a_link_keeps_its_address_after_its_words() {
        assert_eq!(
            plain("See <a href=\"https://ex.org/a?b=1&amp;c=2\">the memo</a>, then <b>act</b>."),
            "See the memo (https://ex.org/a?b=1&c=2), then act."
        );
        // Words that are the address, or none: the address alone.
        assert_eq!(
            plain(
                "<a href='https://www.ex.org/'>ex.org</a> and <a href=https://ex.org/i><img></a>."
            ),
            "https://www.ex.org/ and https://ex.org/i."
        );
        // A `>` inside the quoted address does not end the tag; a link never closed ends
        // with the text; a second `<a>` ends the first.
        assert_eq!(
            plain(
                "<A HREF=\"https://ex.org/?q=a>b\" title=x>One</A> <a href=\"u1\">two <a href=\"u2\">three"
            ),
            "One (https://ex.org/?q=a>b) two (u1) three (u2)"
        );
        // Links that lead nowhere outside their page keep their words only.
        assert_eq!(
            plain(
                "<a href=\"#top\">Top</a> <a href=\"JavaScript:void(0)\">Menu</a> <a name=\"x\">Here</a>"
            ),
            "Top Menu Here"
        );
    }

    #[test]
    fn an_address_can_hold_no_control_character() {
        let text = plain("<a href=\"https://ex.org/&#27;[2J&#x9b;x\u{202e}y&#10;z\">x</a>");
        assert_eq!(text, "x (https://ex.org/[2Jxyz)");
        assert!(!text.chars().any(is_unsafe), "{text:?}");
    }

    #[test]
    fn label_line_keeps_the_words_and_hands_the_links_back() {
        let (line, links) = label_line(
            "<p><a href=\"https://ex.org/a\">Talks</a> open</p><p><a href=\"https://ex.org\">ex.org</a></p>",
        );
        assert_eq!(line, "Talks open ex.org");
        assert_eq!(
            links,
            [
                Link {
                    label: "Talks".into(),
                    url: "https://ex.org/a".into()
                },
                Link {
                    label: "ex.org".into(),
                    url: "https://ex.org".into()
                }
            ]
        );
        assert_eq!(links[0].text(), "Talks (https://ex.org/a)");
        assert_eq!(links[1].text(), "https://ex.org");
        assert_eq!(plain_line("<p><a href=\"u\">a</a></p><p>b</p>"), "a (u) b");
    }

    /// Every mix of four pieces of links, quotes, tags and references is read without a
    /// panic (the readers slice the text at the places they find), and a link's address never
    /// holds a control character.
    #[test]
    fn any_mix_of_link_pieces_is_read_and_stays_inert() {
        const PIECES: [&str; 14] = [
            "<a href=", "\"", "'", ">", "</a>", "&amp;", "é", "<", "&#27;", " ", "x", "<p>", "=",
            "\u{E000}",
        ];
        let n = PIECES.len();
        for k in 0..n.pow(4) {
            let text: String = (0..4).map(|d| PIECES[k / n.pow(d) % n]).collect();
            let _ = (plain(&text), plain_line(&text));
            for link in label_line(&text).1 {
                assert!(!link.url.chars().any(is_unsafe), "{text:?}: {link:?}");
            }
        }
    }
}
