//! Tags in TimelineJS's HTML: where one ends, the break it stands for, and the link it opens
//! or closes, with the address an `href` leads to.

use super::BREAK;
use super::entity::decode;
use crate::model::escape::is_unsafe;

/// What a tag does to links.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// Nothing: not an `a` tag.
    No,
    /// An `<a>`: with the address it leads to, `None` when it leads nowhere outside its page
    /// (no `href`, an empty one, `#top`, `javascript:`).
    Opens(Option<String>),
    /// `</a>`.
    Closes,
}

/// A tag read at the start of the text.
pub(super) struct Tag {
    /// Its length in bytes.
    pub(super) len: usize,
    /// The break it stands for: a line break, a space, or nothing.
    pub(super) brk: &'static str,
    /// Whether it opens or closes a link.
    pub(super) link: Anchor,
}

/// The tag at the start of `s`, or `None` when the `<` opens no tag (`a < b`).
pub(super) fn tag(s: &str) -> Option<Tag> {
    let body = s.get(1..)?;
    let first = body.chars().next()?;
    if body.starts_with("!--") {
        let end = body.find("-->").map_or(s.len(), |e| e + 1 + 3);
        return Some(Tag {
            len: end,
            brk: "",
            link: Anchor::No,
        });
    }
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let len = tag_end(body)? + 2;
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
    let link = match name.as_str() {
        "a" if first == '/' => Anchor::Closes,
        "a" => Anchor::Opens(attribute(&s[..len], "href").and_then(address)),
        _ => Anchor::No,
    };
    Some(Tag { len, brk, link })
}

/// Where the `>` that ends a tag is in `body` (the tag after its `<`): the first one outside
/// a quoted attribute value; the first one at all when a quote is never closed.
fn tag_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut after_equals = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i),
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                match body[i + 1..].find(char::from(q)) {
                    Some(e) => i += e + 1,
                    None => return body.find('>'),
                }
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// The value of attribute `name` in the tag `tag` (`<a href="…">`), as written; `Some("")`
/// for an attribute without a value.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let inner = tag
        .strip_prefix('<')?
        .strip_suffix('>')
        .unwrap_or(&tag[1..]);
    let mut rest = inner.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let quote = after.chars().next().filter(|&c| c == '"' || c == '\'');
            let (v, tail) = if let Some(q) = quote {
                match after[1..].find(q) {
                    Some(e) => (&after[1..=e], &after[e + 2..]),
                    None => (&after[1..], ""),
                }
            } else {
                let e = after.find(char::is_whitespace).unwrap_or(after.len());
                after.split_at(e)
            };
            value = v;
            rest = tail;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// An `href` as the address it leads to: references decoded, control characters (which no
/// address holds, and which could act on a terminal) removed; `None` for one that leads
/// nowhere outside its page (empty, `#top`, `javascript:`).
fn address(href: &str) -> Option<String> {
    let decoded = decode(href);
    let url: String = decoded
        .chars()
        .filter(|&c| !is_unsafe(c) && c != BREAK)
        .collect();
    let url = url.trim();
    let outside = !url.is_empty()
        && !url.starts_with('#')
        && !url.to_ascii_lowercase().starts_with("javascript:");
    outside.then(|| url.to_string())
}

/// The address the `src` of the tag at the start of `s` leads to (an `<iframe>`, an `<img>`,
/// a `<script>`…), as [`address`] reads it; `None` without one.
pub(super) fn src(s: &str) -> Option<String> {
    let t = tag(s)?;
    attribute(s.get(..t.len)?, "src").and_then(address)
}
