//! News-like sentences in English and Russian, built from the word lists.

use super::rng::Rng;
use super::words::{
    CLAIM_CHANNELS, CLAIM_VIA, EN_ACCORDING, EN_CHANNELS, EN_CONTEXT, EN_DISPUTE, EN_FILLERS,
    EN_FIXED, EN_HEAD_SUBJECTS, EN_HEAD_VERBS, EN_QUOTES, EN_SAYS, EN_SUBJECTS, EN_TAILS, EN_VERBS,
    EN_VIA, How, RU_ACCORDING, RU_CHANNELS, RU_CONTEXT, RU_DISPUTE, RU_FILLERS, RU_FIXED,
    RU_HEAD_SUBJECTS, RU_QUOTES, RU_SAYS, RU_SUBJECTS, RU_TAILS, RU_VERBS, RU_VIA, Topic,
    UK_QUOTES,
};

/// Shortest and longest quote, in characters.
pub const QUOTE_CHARS: (usize, usize) = (150, 250);

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    /// English or, for about 30% of texts, Russian.
    pub fn pick(rng: &mut Rng) -> Lang {
        if rng.chance(300) { Lang::Ru } else { Lang::En }
    }
}

pub fn noun_phrase(rng: &mut Rng, lang: Lang, topic: &Topic) -> &'static str {
    match lang {
        Lang::En => rng.word(topic.en),
        Lang::Ru => rng.word(topic.ru),
    }
}

fn push_lowercased(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_lowercase());
        out.push_str(chars.as_str());
    }
}

/// Puts `np` where a template has `{}`.
fn fill(out: &mut String, template: &str, np: &str) {
    match template.split_once("{}") {
        Some((before, after)) => {
            out.push_str(before);
            out.push_str(np);
            out.push_str(after);
        }
        None => out.push_str(template),
    }
}

/// One reported sentence: "The Russian delegation proposed a 30-day truce behind closed doors."
pub fn sentence(rng: &mut Rng, lang: Lang, topic: &Topic, out: &mut String) {
    let shape = rng.below(10);
    if shape == 0 {
        out.push_str(match lang {
            Lang::En => rng.word(EN_FIXED),
            Lang::Ru => rng.word(RU_FIXED),
        });
        return;
    }
    let attributed = shape <= 2;
    let np = noun_phrase(rng, lang, topic);
    match lang {
        Lang::En => {
            let &(subject, proper) = rng.pick(EN_SUBJECTS);
            if attributed {
                out.push_str(rng.word(EN_ACCORDING));
                if proper {
                    out.push_str(subject);
                } else {
                    push_lowercased(out, subject);
                }
            } else {
                out.push_str(subject);
            }
            out.push(' ');
            out.push_str(rng.word(EN_VERBS));
            out.push(' ');
            out.push_str(np);
            out.push_str(rng.word(EN_TAILS));
        }
        Lang::Ru => {
            let &(subject, gender, proper) = rng.pick(RU_SUBJECTS);
            if attributed {
                out.push_str(rng.word(RU_ACCORDING));
                if proper {
                    out.push_str(subject);
                } else {
                    push_lowercased(out, subject);
                }
            } else {
                out.push_str(subject);
            }
            let &(stem, rest) = rng.pick(RU_VERBS);
            out.push(' ');
            out.push_str(stem);
            out.push_str(gender.ending());
            out.push_str(rest);
            out.push(' ');
            out.push_str(np);
            out.push_str(rng.word(RU_TAILS));
        }
    }
    out.push('.');
}

/// An event title: "Sokolov: no breakthroughs expected", "Delegations discuss a 30-day truce".
/// `speaker` is a short name in the title's language, when the event has one.
pub fn headline(rng: &mut Rng, lang: Lang, topic: &Topic, speaker: Option<&str>) -> String {
    let mut out = String::with_capacity(96);
    if let Some(name) = speaker.filter(|_| rng.chance(400)) {
        out.push_str(name);
        out.push_str(": ");
        match (lang, rng.chance(300)) {
            (Lang::En, true) => {
                out.push_str(noun_phrase(rng, lang, topic));
                out.push_str(" remains the priority");
            }
            (Lang::Ru, true) => {
                out.push_str("приоритет — ");
                out.push_str(noun_phrase(rng, lang, topic));
            }
            (Lang::En, false) => out.push_str(rng.word(EN_SAYS)),
            (Lang::Ru, false) => out.push_str(rng.word(RU_SAYS)),
        }
        return out;
    }
    let np = noun_phrase(rng, lang, topic);
    match lang {
        Lang::En => {
            let &(subject, plural) = rng.pick(EN_HEAD_SUBJECTS);
            let &(pl, sg) = rng.pick(EN_HEAD_VERBS);
            out.push_str(subject);
            out.push(' ');
            out.push_str(if plural { pl } else { sg });
            out.push(' ');
            out.push_str(np);
        }
        Lang::Ru => {
            let &(subject, gender) = rng.pick(RU_HEAD_SUBJECTS);
            let &(stem, rest) = rng.pick(RU_VERBS);
            out.push_str(subject);
            out.push(' ');
            out.push_str(stem);
            out.push_str(gender.ending());
            out.push_str(rest);
            out.push(' ');
            out.push_str(np);
        }
    }
    out
}

/// A summary of two to four sentences, now and then in two paragraphs.
pub fn summary(rng: &mut Rng, lang: Lang, topic: &Topic) -> String {
    let mut out = String::with_capacity(400);
    let n = rng.range(2, 4);
    for i in 0..n {
        if i > 0 {
            out.push_str(if i == 2 && rng.chance(100) {
                "\n\n"
            } else {
                " "
            });
        }
        sentence(rng, lang, topic, &mut out);
    }
    out
}

/// Words a participant said, 150 to 250 characters, in the first person.
pub fn quote(rng: &mut Rng, lang: Lang, topic: &Topic, scratch: &mut String) -> String {
    let (min, max) = QUOTE_CHARS;
    let (templates, fillers) = match lang {
        Lang::En => (EN_QUOTES, EN_FILLERS),
        Lang::Ru => (RU_QUOTES, RU_FILLERS),
    };
    let mut out = String::with_capacity(max * 2);
    let mut chars = 0;
    let mut used = [usize::MAX; 8];
    for attempt in 0..used.len() {
        if chars >= min {
            break;
        }
        let t = rng.below(templates.len());
        if used.contains(&t) {
            continue;
        }
        used[attempt] = t;
        scratch.clear();
        let np = noun_phrase(rng, lang, topic);
        fill(scratch, templates[t], np);
        let len = scratch.chars().count() + usize::from(chars > 0);
        if chars + len <= max {
            if chars > 0 {
                out.push(' ');
            }
            out.push_str(scratch);
            chars += len;
        }
    }
    while chars < min {
        let filler = rng.word(fillers);
        if chars > 0 {
            out.push(' ');
        }
        out.push_str(filler);
        chars += filler.chars().count() + usize::from(chars > 0);
    }
    out
}

/// An assertion of fact in the file author's words; `disputing` words it as a contradiction.
pub fn claim(rng: &mut Rng, lang: Lang, topic: &Topic, disputing: bool) -> String {
    let mut out = String::with_capacity(240);
    if disputing {
        out.push_str(match lang {
            Lang::En => rng.word(EN_DISPUTE),
            Lang::Ru => rng.word(RU_DISPUTE),
        });
        let mut first = String::with_capacity(160);
        sentence(rng, lang, topic, &mut first);
        push_lowercased(&mut out, &first);
    } else {
        sentence(rng, lang, topic, &mut out);
    }
    if rng.chance(400) {
        out.push(' ');
        sentence(rng, lang, topic, &mut out);
    }
    out
}

/// What a version-1 generator wrote as a quote's `via`, with whether it is a channel or a relay.
pub fn quote_via(rng: &mut Rng, lang: Lang) -> (&'static str, How) {
    match lang {
        Lang::En => *rng.pick(EN_VIA),
        Lang::Ru => *rng.pick(RU_VIA),
    }
}

/// As [`quote_via`], for claims.
pub fn claim_via(rng: &mut Rng) -> (&'static str, How) {
    *rng.pick(CLAIM_VIA)
}

/// How or where a quote was said (`channel`), in the quote's language.
pub fn quote_channel(rng: &mut Rng, lang: Lang) -> &'static str {
    match lang {
        Lang::En => rng.word(EN_CHANNELS),
        Lang::Ru => rng.word(RU_CHANNELS),
    }
}

pub fn claim_channel(rng: &mut Rng) -> &'static str {
    rng.word(CLAIM_CHANNELS)
}

/// The words of a quote as said in Ukrainian (`original`), 80 characters or more.
pub fn original_uk(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(240);
    while out.chars().count() < 80 {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(rng.word(UK_QUOTES));
    }
    out
}

pub fn context(rng: &mut Rng, lang: Lang, topic: &Topic) -> String {
    let mut out = String::with_capacity(80);
    match lang {
        Lang::En => {
            let np = noun_phrase(rng, lang, topic);
            fill(&mut out, rng.word(EN_CONTEXT), np);
        }
        Lang::Ru => out.push_str(rng.word(RU_CONTEXT)),
    }
    out
}

/// Lower-case ASCII words of `s` joined by `-`, at most `words` of them, for ids and URLs.
pub fn slug(s: &str, words: usize) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
    {
        if !out.is_empty() {
            out.push('-');
        }
        for c in word.chars() {
            out.push(fold(c.to_ascii_lowercase()));
        }
    }
    out
}

/// Folds the non-ASCII Latin letters of the name lists to ASCII (`ı` → `i`, `Ş` → `s`).
fn fold(c: char) -> char {
    match c {
        'ı' | 'í' | 'İ' => 'i',
        'ş' | 'Ş' => 's',
        'ç' | 'Ç' => 'c',
        'ö' | 'Ö' | 'ó' => 'o',
        'ü' | 'Ü' | 'ú' => 'u',
        'ğ' => 'g',
        'á' | 'Á' => 'a',
        'é' | 'É' => 'e',
        c if c.is_ascii() => c,
        _ => 'x',
    }
}
