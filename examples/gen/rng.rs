//! A small deterministic PRNG (`SplitMix64`): the same seed gives the same stream everywhere.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A new generator whose stream does not overlap this one's in practice.
    pub fn fork(&mut self) -> Rng {
        Rng(self.next_u64())
    }

    /// A new generator seeded from this one's state and `salt`, without advancing this one:
    /// the format-1.1 fields draw from such streams, so that adding them left every
    /// version-1 field of a seed's timeline as it was (and the load figures comparable).
    pub fn derive(&self, salt: u64) -> Rng {
        let mut r = Rng(self.0 ^ salt.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        Rng(r.next_u64())
    }

    /// Uniform in `0..n`; `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `permille / 1000`.
    pub fn chance(&mut self, permille: usize) -> bool {
        self.below(1000) < permille
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    pub fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    /// An index chosen with the given weights.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// Uniform in `lo..hi` (`lo` when the span is empty).
    pub fn span(&mut self, lo: i64, hi: i64) -> i64 {
        let width = u64::try_from(hi - lo).unwrap_or(0).max(1);
        lo + i64::try_from(self.next_u64() % width).unwrap_or(0)
    }

    /// An index in `0..n` skewed towards 0, so that a few items come up often (as the
    /// prominent people of a negotiation do).
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = self.next_u64() >> 32;
        ((u128::from(u * u) * n as u128) >> 64) as usize
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}
