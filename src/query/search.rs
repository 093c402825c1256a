//! Case- and accent-insensitive text search over the folded text built at load.

use super::fold::fold;
use super::index::Index;

/// Positions (timeline order) of the events whose title, summary, quotes or claims contain
/// `needle`, ignoring case and accents. An empty needle matches nothing.
#[must_use]
pub fn search(index: &Index, needle: &str) -> Vec<u32> {
    let needle = fold(needle);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<u32> = Vec::new();
    let mut from = 0;
    while let Some(i) = index.text[from..].find(&needle) {
        let at = from + i;
        let event = index.text_starts.partition_point(|&s| s <= at) - 1;
        hits.push(event as u32);
        // Skip the rest of this event: one hit per event is enough.
        from = index
            .text_starts
            .get(event + 1)
            .copied()
            .unwrap_or(index.text.len());
        if from >= index.text.len() {
            break;
        }
    }
    hits
}
