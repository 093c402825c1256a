//! The filter menu (`f`): every filter the command line has, as choices to pick, narrowed by
//! typing. Picking one turns it on in the browser's filter, or off when it is on. What is
//! typed is offered too, as text to search for (`--search`) or to find in relays (`--via`).

use crate::model::{ParticipantKind, Timeline};
use crate::query::fold::fold;
use crate::query::tally::{RelayMatch, RelayPart};
use crate::query::{Filter, Index};

/// One choice of the filter menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// `--anonymous`.
    Anonymous,
    /// `--disputed`.
    Disputed,
    /// `--corroborated`.
    Corroborated,
    /// `--single-origin`.
    SingleOrigin,
    /// `--source`: the sources of one outlet (indices into `Timeline::sources`, ascending).
    Outlet(Vec<u32>),
    /// `--participant`: a participant index.
    Participant(u32),
    /// A relay, as the file first writes it: the statements relayed by it exactly (case and
    /// spaces aside), not every relay holding its text as `--via` does.
    Relay(String),
    /// `--round`: a round index.
    Round(u32),
    /// `--via TEXT`: text typed in the menu (or given on the command line), found in relays.
    RelayText(String),
    /// `--search TEXT`: text typed in the menu (or given on the command line).
    Search(String),
}

impl Choice {
    /// Every choice the timeline offers: the four flags, each round by number, then each
    /// outlet, each participant taking part in an event, and each relay, in the order the file
    /// first names them.
    #[must_use]
    pub fn all(t: &Timeline<'_>, index: &Index) -> Vec<Choice> {
        let mut out = vec![
            Choice::Anonymous,
            Choice::Disputed,
            Choice::Corroborated,
            Choice::SingleOrigin,
        ];
        let mut rounds: Vec<u32> = (0..t.rounds.len() as u32).collect();
        rounds.sort_by_key(|&r| t.rounds[r as usize].number.value);
        out.extend(rounds.into_iter().map(Choice::Round));
        // The outlets (folded once at load) and the relays (folded once, made on a thread when
        // the document was opened): nothing here grows with the events (the sources of the
        // outlets are copied, a hundredth of the events in the generated timelines).
        out.extend(index.outlets(t).sources.iter().cloned().map(Choice::Outlet));
        out.extend(
            (0..t.participants.len() as u32)
                .filter(|&p| !index.involved[p as usize].is_empty())
                .map(Choice::Participant),
        );
        out.extend(
            index
                .relays(t)
                .iter()
                .map(|v| Choice::Relay(v.text.clone())),
        );
        out
    }

    /// The choice as the menu lists it (text from the file, not yet made safe to draw).
    #[must_use]
    pub fn label(&self, t: &Timeline<'_>) -> String {
        match self {
            Choice::Anonymous => "anonymous: quotes and claims from unnamed sources".into(),
            Choice::Disputed => "disputed: claims that dispute or are disputed".into(),
            Choice::Corroborated => {
                "corroborated: claims with 2 or more independent origins".into()
            }
            Choice::SingleOrigin => "single-origin: several outlets, one independent origin".into(),
            Choice::Outlet(sources) => format!("source: {}", t.sources[sources[0] as usize].outlet),
            Choice::Participant(p) => {
                let who = &t.participants[*p as usize];
                let group = if who.kind == ParticipantKind::Group {
                    " (anonymous)"
                } else {
                    ""
                };
                format!("participant: {}{group}", who.name)
            }
            Choice::Relay(via) => format!("via: {via}"),
            Choice::Round(r) => format!("round: {}", super::round_label(&t.rounds[*r as usize])),
            Choice::RelayText(text) => format!("via: “{text}”"),
            Choice::Search(text) => format!("search: “{text}”"),
        }
    }

    /// The text parts `filter` has on (its `--search`, and its `--via` when that is text to
    /// find rather than a relay picked whole), as choices: the menu lists them so that they
    /// can be turned off like the others.
    #[must_use]
    pub fn texts_on(filter: &Filter) -> Vec<Choice> {
        let mut out = Vec::new();
        if let Some(text) = &filter.search {
            out.push(Choice::Search(text.clone()));
        }
        if let Some(v) = &filter.via
            && v.how == RelayMatch::Contains
        {
            out.push(Choice::RelayText(v.text.clone()));
        }
        out
    }

    /// The choices made of text typed in the menu: `search: “TEXT”` and `via: “TEXT”`; only
    /// one of them when the text begins with its name (`via: tass`, `search kursk`), and none
    /// when it begins with the name of another part (`source: rt`) or is blank.
    #[must_use]
    pub fn typed(typed: &str) -> Vec<Choice> {
        let typed = typed.trim();
        let word_end = typed
            .find(|c: char| c == ':' || c.is_whitespace())
            .unwrap_or(typed.len());
        let (first, rest) = typed.split_at(word_end);
        let colon = rest.trim_start().starts_with(':');
        let rest = rest.trim_start().trim_start_matches(':').trim();
        let search = |text: &str| (!text.is_empty()).then(|| Choice::Search(text.to_string()));
        // Text that folds to nothing would be no relay part at all.
        let relay = |text: &str| {
            RelayPart::new(text, RelayMatch::Contains).map(|_| Choice::RelayText(text.to_string()))
        };
        match fold(first).as_str() {
            "search" => search(rest).into_iter().collect(),
            "via" => relay(rest).into_iter().collect(),
            // Another part's name and a colon: what follows names a choice, not text to find.
            "source" | "participant" | "round" | "anonymous" | "disputed" | "corroborated"
            | "single-origin"
                if colon =>
            {
                Vec::new()
            }
            _ => search(typed).into_iter().chain(relay(typed)).collect(),
        }
    }

    /// Whether `filter` has this choice on.
    #[must_use]
    pub fn is_on(&self, filter: &Filter) -> bool {
        match self {
            Choice::Anonymous => filter.anonymous,
            Choice::Disputed => filter.disputed,
            Choice::Corroborated => filter.corroborated,
            Choice::SingleOrigin => filter.single_origin,
            Choice::Outlet(sources) => filter.sources.as_ref() == Some(sources),
            Choice::Participant(p) => filter.participant == Some(*p),
            Choice::Relay(via) => filter.via.is_some() && filter.via == Self::relay(via),
            Choice::Round(r) => filter.round == Some(*r),
            Choice::RelayText(text) => {
                filter.via.is_some() && filter.via == RelayPart::new(text, RelayMatch::Contains)
            }
            Choice::Search(text) => filter.search.as_deref() == Some(text),
        }
    }

    /// `filter` with this choice turned on, or off when it is on. `--corroborated` and
    /// `--single-origin` exclude each other: turning one on turns the other off.
    #[must_use]
    pub fn toggle(&self, filter: &Filter) -> Filter {
        let on = !self.is_on(filter);
        let mut f = filter.clone();
        match self {
            Choice::Anonymous => f.anonymous = on,
            Choice::Disputed => f.disputed = on,
            Choice::Corroborated => {
                f.corroborated = on;
                f.single_origin &= !on;
            }
            Choice::SingleOrigin => {
                f.single_origin = on;
                f.corroborated &= !on;
            }
            Choice::Outlet(sources) => f.sources = on.then(|| sources.clone()),
            Choice::Participant(p) => f.participant = on.then_some(*p),
            Choice::Relay(via) => f.via = if on { Self::relay(via) } else { None },
            Choice::Round(r) => f.round = on.then_some(*r),
            Choice::RelayText(text) => {
                f.via = if on {
                    RelayPart::new(text, RelayMatch::Contains)
                } else {
                    None
                }
            }
            Choice::Search(text) => f.search = on.then(|| text.clone()),
        }
        f
    }

    /// The filter's relay part for the relay `via` picked from the menu.
    fn relay(via: &str) -> Option<RelayPart> {
        RelayPart::new(via, RelayMatch::Exact)
    }
}

/// Every choice of a timeline ([`Choice::all`]) with its label folded ([`folded_labels`]):
/// what the filter menu lists after the text parts on. The browser makes it once per document,
/// the first time the menu opens, rather than at each opening.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Menu {
    /// [`Choice::all`].
    pub choices: Vec<Choice>,
    /// Their labels, folded, one after the other in one string, as typing reads them all in
    /// turn: a pass over a few kilobytes in order, rather than a string apart per label.
    labels: String,
    /// Where each label ends in `labels` (bytes, exclusive); the next begins there.
    ends: Vec<u32>,
}

impl Menu {
    /// The choices of `t` and their folded labels.
    #[must_use]
    pub fn new(t: &Timeline<'_>, index: &Index) -> Self {
        let choices = Choice::all(t, index);
        let mut labels = String::new();
        let ends = folded_labels(t, &choices)
            .iter()
            .map(|label| {
                labels.push_str(label);
                labels.len() as u32
            })
            .collect();
        Menu {
            choices,
            labels,
            ends,
        }
    }

    /// The folded label of choice `i` (an index into `choices`), as [`folded_labels`] makes it.
    #[must_use]
    pub fn label(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j] as usize);
        &self.labels[start..self.ends[i] as usize]
    }
}

/// The indices into `choices` whose label has the words typed, in order, each within a word
/// of it (case, accents and punctuation ignored: `source rt` and `rt` find `source: RT`); all
/// of them for nothing typed. See [`matching_labels`] for the order.
#[must_use]
pub fn matching(t: &Timeline<'_>, choices: &[Choice], typed: &str) -> Vec<u32> {
    matching_labels(&folded_labels(t, choices), typed)
}

/// Each choice's label as [`words`] gives it, made once when the menu opens so that typing
/// does not fold them again at each key.
#[must_use]
pub fn folded_labels(t: &Timeline<'_>, choices: &[Choice]) -> Vec<String> {
    choices.iter().map(|c| words(&c.label(t))).collect()
}

/// Text as the menu compares it: folded (see [`fold`]), apostrophes left out (`People's` is
/// `peoples`), anything else but letters and digits taken as a space, and the words one space
/// apart.
#[must_use]
pub fn words(text: &str) -> String {
    let spaced: String = fold(text)
        .chars()
        .filter(|&c| c != '\'')
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// [`matching`] over labels made by [`folded_labels`]: the one test of typed text against
/// the menu. The labels found come best first, each group in the menu's order: the label
/// that is what was typed; labels that begin with it; labels with each typed word at the start
/// of one of their words; then labels with each inside one (`rt` in `participant`).
#[must_use]
pub fn matching_labels(labels: &[String], typed: &str) -> Vec<u32> {
    matching_among(
        |i| &labels[i as usize],
        0..labels.len() as u32,
        &words(typed),
    )
}

/// [`matching_labels`] for text already made by [`words`], trying only the labels `among`
/// (numbers given to `label`, which returns the label so numbered, in any order): the others
/// are taken not to match.
#[must_use]
pub fn matching_among<'a>(
    label: impl Fn(u32) -> &'a str,
    among: impl IntoIterator<Item = u32>,
    typed: &str,
) -> Vec<u32> {
    let mut found: Vec<(u8, u32)> = among
        .into_iter()
        .filter_map(|i| how_well(label(i), typed).map(|rank| (rank, i)))
        .collect();
    // The menu's order within a rank.
    found.sort_unstable();
    found.into_iter().map(|(_, i)| i).collect()
}

/// How well `label` matches `typed` (both made by [`words`]), the best 0; `None` when it does
/// not. Nothing typed matches every label alike.
fn how_well(label: &str, typed: &str) -> Option<u8> {
    if typed.is_empty() {
        return Some(0);
    }
    // Each rank below needs every typed word somewhere in the label: most labels fail this
    // one scan each, without being cut into words.
    if !typed.split(' ').all(|t| holds(label, t)) {
        return None;
    }
    // Each typed word in a later word of the label than the one before.
    let in_order = |found: fn(&str, &str) -> bool| {
        let mut words = label.split(' ');
        typed.split(' ').all(|t| words.any(|w| found(w, t)))
    };
    if label == typed {
        Some(0)
    } else if label.starts_with(typed) {
        Some(1)
    } else if in_order(|w, t| w.starts_with(t)) {
        Some(2)
    } else if in_order(holds) {
        Some(3)
    } else {
        None
    }
}

/// Whether `word` holds `part`, compared byte by byte (both are UTF-8, so a match starts on a
/// character's first byte): for the few letters of a menu's word, quicker than `str::contains`,
/// which prepares a search for each call.
fn holds(word: &str, part: &str) -> bool {
    let (w, p) = (word.as_bytes(), part.as_bytes());
    match p.first() {
        None => true,
        Some(&first) => {
            p.len() <= w.len()
                && (0..=w.len() - p.len()).any(|i| w[i] == first && w[i..i + p.len()] == *p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BUNDLED, load_str};

    #[test]
    fn every_filter_is_a_choice_and_toggles() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let choices = Choice::all(&t, &index);
        let labels: Vec<String> = choices.iter().map(|c| c.label(&t)).collect();
        assert!(labels.contains(&"source: Xinhua".to_string()), "{labels:?}");
        assert!(labels.contains(&"source: RT".to_string()));
        assert!(labels.contains(&"participant: Rustem Umerov".to_string()));
        assert!(labels.contains(&"via: TASS".to_string()), "{labels:?}");
        // Typing narrows, ignoring case: the outlet, and the anonymous source it cites.
        let xin: Vec<String> = matching(&t, &choices, "XINHUA")
            .iter()
            .map(|&i| labels[i as usize].clone())
            .collect();
        assert_eq!(
            xin,
            [
                "source: Xinhua",
                "participant: TASS source cited by Xinhua (anonymous)"
            ]
        );
        // On, then off again; corroborated and single-origin exclude each other.
        let none = Filter::default();
        let on = Choice::Corroborated.toggle(&none);
        assert!(on.corroborated);
        let swapped = Choice::SingleOrigin.toggle(&on);
        assert!(swapped.single_origin && !swapped.corroborated);
        assert_eq!(Choice::SingleOrigin.toggle(&swapped), none);
        let rt = &choices[matching(&t, &choices, "source: rt")[0] as usize];
        let f = rt.toggle(&none);
        assert!(rt.is_on(&f));
        assert_eq!(rt.toggle(&f), none);
        // The menu keeps each choice's folded label, first and last included.
        let menu = Menu::new(&t, &index);
        assert_eq!(menu.choices, choices);
        let folded = folded_labels(&t, &choices);
        let kept: Vec<&str> = (0..choices.len()).map(|i| menu.label(i)).collect();
        assert_eq!(kept, folded);
        assert_eq!(kept[0], "anonymous quotes and claims from unnamed sources");
    }

    #[test]
    fn text_typed_is_offered_as_a_search_and_as_a_relay_unless_its_first_word_says_which() {
        let search = |s: &str| Choice::Search(s.into());
        let relay = |s: &str| Choice::RelayText(s.into());
        assert_eq!(Choice::typed(" kursk "), [search("kursk"), relay("kursk")]);
        assert_eq!(
            Choice::typed("Search: kursk region"),
            [search("kursk region")]
        );
        assert_eq!(Choice::typed("search kursk"), [search("kursk")]);
        assert_eq!(Choice::typed("via:tass"), [relay("tass")]);
        assert_eq!(Choice::typed("VIA  a source"), [relay("a source")]);
        // A name typed whole, with nothing after it yet, or another part's name and a colon.
        for nothing in [
            "",
            "  ",
            "search",
            "via:",
            "search: ",
            "source: rt",
            "round: 3",
        ] {
            assert_eq!(Choice::typed(nothing), [], "{nothing:?}");
        }
        // Without a colon, a part's name may be text to find.
        assert_eq!(
            Choice::typed("source rt"),
            [search("source rt"), relay("source rt")]
        );
        // Text that folds to nothing is no relay.
        assert_eq!(Choice::typed("\u{301}"), [search("\u{301}")]);
    }

    #[test]
    fn rounds_and_text_parts_are_choices_that_toggle_like_the_others() {
        let t = load_str(BUNDLED).unwrap().timeline;
        let index = Index::build(&t);
        let choices = Choice::all(&t, &index);
        let labels: Vec<String> = choices.iter().map(|c| c.label(&t)).collect();
        assert_eq!(
            labels[4..7],
            [
                "round: Round 1 · Istanbul",
                "round: Round 2 · 2025-06-02 · Istanbul",
                "round: Round 3 · 2025-07-23 · Ciragan Palace, Istanbul"
            ]
        );
        let three = &choices[matching(&t, &choices, "round 3")[0] as usize];
        assert_eq!(*three, Choice::Round(2));
        let none = Filter::default();
        let f = three.toggle(&none);
        assert_eq!(f.round, Some(2));
        assert!(three.is_on(&f) && !Choice::Round(1).is_on(&f));
        assert_eq!(three.toggle(&f), none);
        // Text found in relays, as `--via` finds it: the same part the command line makes.
        let tass = Choice::RelayText("tass".into());
        assert_eq!(tass.label(&t), "via: “tass”");
        let f = tass.toggle(&none);
        assert_eq!(f.via, RelayPart::new("tass", RelayMatch::Contains));
        assert!(tass.is_on(&f) && !Choice::Relay("TASS".into()).is_on(&f));
        // The text parts on are offered, to be turned off.
        let f = Choice::Search("swap".into()).toggle(&f);
        assert_eq!(f.search.as_deref(), Some("swap"));
        assert_eq!(
            Choice::texts_on(&f),
            [
                Choice::Search("swap".into()),
                Choice::RelayText("tass".into())
            ]
        );
        assert_eq!(
            Choice::texts_on(&Choice::Relay("TASS".into()).toggle(&none)),
            []
        );
    }

    #[test]
    fn a_word_holds_what_str_contains_finds_in_it() {
        let words = [
            "",
            "a",
            "tass",
            "disputed",
            "перемирие",
            "zaïtsev",
            "aaab",
            "éé",
        ];
        for w in words {
            for i in 0..=w.len() {
                for j in i..=w.len() {
                    if let Some(part) = w.get(i..j) {
                        assert!(holds(w, part), "{w:?} {part:?}");
                    }
                }
            }
            for part in words.iter().chain(&["ab", "b", "ï", "ие", "aab", "x"]) {
                assert_eq!(holds(w, part), w.contains(part), "{w:?} {part:?}");
            }
        }
    }

    #[test]
    fn typed_words_find_labels_in_order_whatever_their_punctuation_best_first() {
        let labels: Vec<String> = [
            "participant: Medvedev",
            "via: a source from TASS",
            "source: RT",
            "via: TASS",
            "single-origin: several outlets, one independent origin",
            "source: People’s Daily",
        ]
        .iter()
        .map(|l| words(l))
        .collect();
        let found = |typed: &str| -> Vec<&str> {
            matching_labels(&labels, typed)
                .iter()
                .map(|&i| labels[i as usize].as_str())
                .collect()
        };
        for typed in [
            "source: rt",
            "source rt",
            "SOURCE   RT",
            "source:rt",
            "sou rt",
        ] {
            assert_eq!(found(typed), ["source rt"], "{typed:?}");
        }
        // A word inside a word counts, after the words that start with it.
        assert_eq!(found("rt"), ["source rt", "participant medvedev"]);
        // The label typed whole first, then those holding its words in order.
        assert_eq!(found("via: TASS"), ["via tass", "via a source from tass"]);
        assert_eq!(found("tass via"), Vec::<&str>::new());
        assert_eq!(
            found("single origin"),
            ["single origin several outlets one independent origin"]
        );
        assert_eq!(found("peoples"), ["source peoples daily"]);
        assert_eq!(found("people's"), ["source peoples daily"]);
        assert_eq!(found(" : ").len(), labels.len());
    }
}
