//! Many short lists of numbers kept as one: an offset per list into one shared array (the
//! "compressed sparse row" layout). For a list per claim that is usually empty, such as the
//! claims disputing each claim, it takes 4 bytes per list instead of a `Vec`'s 24.

/// Lists of `u32`, one per key `0..len()`, each read as a slice: `lists[k]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Where list `k` starts in `items`; `len() + 1` entries, the last one `items.len()`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// `count` lists holding the `(key, item)` pairs, each list's items in the order the
    /// pairs give them. Panics if a key is `count` or more.
    #[must_use]
    pub fn from_pairs(count: usize, pairs: &[(u32, u32)]) -> Self {
        let mut starts = vec![0u32; count + 1];
        for &(key, _) in pairs {
            starts[key as usize + 1] += 1;
        }
        for k in 0..count {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; pairs.len()];
        for &(key, item) in pairs {
            let at = &mut next[key as usize];
            items[*at as usize] = item;
            *at += 1;
        }
        Lists { starts, items }
    }

    /// How many lists there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no lists.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<usize> for Lists {
    type Output = [u32];

    /// List `k`. Panics if `k >= len()`.
    fn index(&self, k: usize) -> &[u32] {
        &self.items[self.starts[k] as usize..self.starts[k + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_holds_its_pairs_in_order_and_the_rest_are_empty() {
        let lists = Lists::from_pairs(5, &[(3, 10), (1, 7), (3, 2), (4, 9)]);
        assert_eq!(lists.len(), 5);
        assert!(lists[0].is_empty());
        assert_eq!(&lists[1], &[7]);
        assert!(lists[2].is_empty());
        assert_eq!(&lists[3], &[10, 2]);
        assert_eq!(&lists[4], &[9]);
        assert!(Lists::from_pairs(0, &[]).is_empty());
    }
}
