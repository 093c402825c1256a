//! "Did you mean": the closest known name to a misspelt one, for every message that names an
//! unknown field, record, id, speaker or source.

/// Edit distance (insertions, deletions, substitutions, adjacent swaps), case-insensitive.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        prev2 = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

/// The candidate nearest to `word`, if it is close enough to be a likely typo: at most a
/// third of `word`'s length in chars (at least 1) in edits (the optimal string alignment
/// distance: insertions, deletions, substitutions, adjacent swaps), compared case-insensitively.
/// Ties go to the candidate met first; `None` when none is close enough. Empty candidates,
/// and ones over three times `word`'s length in bytes, are never suggested.
pub fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| !c.is_empty() && c.len() < word.len() * 3 + 8)
        .map(|c| (distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let ids = ["peskov", "medinsky", "umerov", "zelensky"];
        assert_eq!(did_you_mean("pesko", ids), Some("peskov"));
        assert_eq!(did_you_mean("zelenksy", ids), Some("zelensky"));
        assert_eq!(did_you_mean("Medinsky", ids), Some("medinsky"));
        assert_eq!(did_you_mean("putin", ids), None);
        assert_eq!(did_you_mean("titel", ["title", "summary"]), Some("title"));
    }
}
