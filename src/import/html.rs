//! HTML as TimelineJS text holds it, made plain: tags dropped, entities decoded, `<br>` and
//! paragraphs as line breaks, runs of spaces as one.

/// The text of `html`: tags removed (`<br>` and the ends of paragraphs, divs, list items and
/// headings become line breaks), character references decoded (`&amp;`, `&#39;`, `&#x2014;`,
/// `&nbsp;` as a space), spaces collapsed, at most one empty line between paragraphs, trimmed.
/// Text without `<` or `&` only has its spaces collapsed.
#[must_use]
pub fn plain(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        raw.push_str(&rest[..at]);
        rest = &rest[at..];
        let len = if rest.starts_with('<') {
            tag(rest).map(|(len, brk)| {
                raw.push_str(brk);
                len
            })
        } else {
            entity(rest).map(|(len, c)| {
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
    tidy(&raw)
}

/// One line of plain text: [`plain`] with its line breaks as spaces.
#[must_use]
pub fn plain_line(html: &str) -> String {
    plain(html)
        .split('\n')
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `href="…"` of a link in `html`, if any.
#[must_use]
pub fn first_href(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let at = lower.find("href=")? + "href=".len();
    let rest = &html[at..];
    let (quote, body) = match rest.chars().next()? {
        q @ ('"' | '\'') => (q, &rest[1..]),
        _ => (' ', rest),
    };
    let end = body.find([quote, '>']).unwrap_or(body.len());
    let href = plain(&body[..end]);
    (!href.is_empty()).then_some(href)
}

/// Marks a line break in the raw text, told apart from the input's own newlines (which HTML
/// reads as spaces). A private-use character: input holding it loses nothing but a space.
const BREAK: char = '\u{E000}';

/// The length of the tag at the start of `s` and the break it stands for, or `None` when the
/// `<` opens no tag (`a < b`).
fn tag(s: &str) -> Option<(usize, &'static str)> {
    let body = s.get(1..)?;
    let first = body.chars().next()?;
    if body.starts_with("!--") {
        let end = body.find("-->").map_or(s.len(), |e| e + 1 + 3);
        return Some((end, ""));
    }
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let end = body.find('>')? + 2;
    let name: String = body
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .flat_map(char::to_lowercase)
        .collect();
    let brk = match name.as_str() {
        "br" | "p" | "div" | "li" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "tr" | "ul" | "ol" => "\u{E000}",
        "td" | "th" => " ",
        _ => "",
    };
    Some((end, brk))
}

/// The character reference at the start of `s` (`&amp;`, `&#39;`, `&#x2014;`) and its length.
fn entity(s: &str) -> Option<(usize, char)> {
    let end = s.get(..12.min(s.len()))?.find(';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        named(name)?
    };
    Some((end + 1, c))
}

/// HTML 4's Latin-1 entities, for code points 160 to 255 in order (`nbsp` is read as a space
/// before this table is looked at).
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// The character a named reference stands for: the markup and space ones, Latin-1, and the
/// punctuation that news text uses.
fn named(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "bull" => '•',
        "dagger" => '†',
        "prime" => '′',
        "euro" => '€',
        "trade" => '™',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Yuml" => 'Ÿ',
        _ => {
            let k = LATIN1.iter().position(|n| *n == name)?;
            return char::from_u32(160 + k as u32);
        }
    };
    Some(c)
}

/// Whitespace collapsed, breaks made newlines, at most one empty line in a row, trimmed.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    let mut breaks = 0;
    for c in raw.chars() {
        if c == BREAK {
            breaks += 1;
            space = false;
        } else if c.is_whitespace() {
            space = true;
        } else {
            if !out.is_empty() {
                if breaks > 0 {
                    out.push_str(if breaks > 1 { "\n\n" } else { "\n" });
                } else if space {
                    out.push(' ');
                }
            }
            breaks = 0;
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_entities_decode_breaks_stay() {
        assert_eq!(
            plain("<p>Talks &amp; &quot;memos&quot;</p><p>It&#39;s&nbsp;over<br>today</p>"),
            "Talks & \"memos\"\n\nIt's over\ntoday"
        );
        assert_eq!(plain("  a\n  b  "), "a b");
        assert_eq!(plain("1 < 2 & 3 > 2"), "1 < 2 & 3 > 2");
        assert_eq!(plain("<a href=\"x\">Reuters</a>"), "Reuters");
        assert_eq!(plain("x<!-- hidden -->y"), "xy");
        assert_eq!(plain_line("<p>one</p><p>two</p>"), "one two");
        assert_eq!(plain("&#x2014;&unknown;"), "—&unknown;");
        assert_eq!(
            plain("Dolmabah&ccedil;e, T&uuml;rkiye, &Eacute;lys&eacute;e"),
            "Dolmabahçe, Türkiye, Élysée"
        );
    }

    #[test]
    fn links_are_found() {
        assert_eq!(
            first_href("<a href=\"https://ex.org/a?b=1&amp;c=2\">x</a>").as_deref(),
            Some("https://ex.org/a?b=1&c=2")
        );
        assert_eq!(first_href("Reuters"), None);
    }
}
