//! Short texts that statements repeat (a `channel`, a `lang` tag), each stored once per timeline.
//!
//! In a large file most statements say how they were made ("told reporters", "Telegram
//! channel") and many name a language, from a small set of values. Each statement keeps a
//! four-byte [`Label`] instead of its own string, and the timeline keeps the [`Labels`]
//! table, so that the commonest format-1.1 fields cost no allocation per statement.

use std::collections::HashMap;
use std::num::NonZeroU32;

use super::types::Str;

/// One entry of a timeline's [`Labels`]: the 1-based position of its text in the table, so
/// that an `Option<Label>` takes four bytes. Only meaningful with the table it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label(NonZeroU32);

impl Label {
    /// The 0-based index of the label's text in [`Labels::texts`].
    #[must_use]
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// The distinct label texts of one timeline, in the order first interned (file order for a
/// file read by `model::load_str`); each text appears once.
#[derive(Debug, Clone, Default)]
pub struct Labels<'a> {
    texts: Vec<Str<'a>>,
    index: HashMap<Str<'a>, Label, foldhash::fast::RandomState>,
}

impl<'a> Labels<'a> {
    /// The label for `text`, added to the table if it is not there yet. Equal texts (byte for
    /// byte) get the same label.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX - 1` distinct texts, which a file of at most 4 GiB
    /// (`parse::MAX_TEXT`) cannot hold.
    pub fn intern(&mut self, text: Str<'a>) -> Label {
        if let Some(&label) = self.index.get(&text) {
            return label;
        }
        let number = u32::try_from(self.texts.len() + 1)
            .ok()
            .and_then(NonZeroU32::new)
            .expect("fewer than 2^32 labels");
        let label = Label(number);
        self.texts.push(text.clone());
        self.index.insert(text, label);
        label
    }

    /// The text of `label`.
    ///
    /// # Panics
    ///
    /// If `label` did not come from this table (or from one it was [merged](Self::merge) into).
    #[must_use]
    pub fn get(&self, label: Label) -> &str {
        &self.texts[label.index()]
    }

    /// Every distinct text, in the order first interned; [`Label::index`] indexes this.
    #[must_use]
    pub fn texts(&self) -> &[Str<'a>] {
        &self.texts
    }

    /// Adds `other`'s texts to this table and returns, for each of `other`'s labels (by
    /// [`Label::index`]), the label the same text has here: how a reader thread's labels are
    /// renumbered when its events join the main list.
    pub fn merge(&mut self, other: Labels<'a>) -> Vec<Label> {
        other
            .texts
            .into_iter()
            .map(|text| self.intern(text))
            .collect()
    }
}

/// Renumbers a label with the table [`Labels::merge`] returned.
#[must_use]
pub fn renumber(label: Option<Label>, map: &[Label]) -> Option<Label> {
    label.map(|l| map[l.index()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_a_label_and_read_back() {
        let mut labels = Labels::default();
        let told = labels.intern("told reporters".into());
        let tg = labels.intern("Telegram channel".into());
        assert_eq!(labels.intern(String::from("told reporters").into()), told);
        assert_ne!(told, tg);
        assert_eq!(labels.get(told), "told reporters");
        assert_eq!(labels.get(tg), "Telegram channel");
        assert_eq!(labels.texts().len(), 2);
    }

    #[test]
    fn merging_renumbers_the_other_tables_labels() {
        let mut main = Labels::default();
        let en = main.intern("en".into());
        let mut thread = Labels::default();
        let ru = thread.intern("ru".into());
        let en_there = thread.intern("en".into());
        let map = main.merge(thread);
        assert_eq!(renumber(Some(en_there), &map), Some(en));
        let ru_here = renumber(Some(ru), &map).unwrap();
        assert_eq!(main.get(ru_here), "ru");
        assert_eq!(renumber(None, &map), None);
        assert_eq!(main.texts().len(), 2);
    }
}
