//! Edit distance between short words and names, for the spelling checks that compare a
//! written name with many others: most pairs are far apart, so a cheap lower bound rules
//! them out before the distance is measured, and the buffers are kept from pair to pair.

/// The Damerau–Levenshtein distance (insertions, deletions, substitutions and transpositions
/// of neighbours, with edits allowed between transposed letters: the distance
/// `strsim::damerau_levenshtein` measures), with its buffers kept for the next pair.
#[derive(Debug, Default)]
pub struct EditDistance {
    /// The distinct characters of both words.
    alphabet: Vec<char>,
    /// Each character of the first word and of the second, as its index in `alphabet`.
    first: Vec<usize>,
    second: Vec<usize>,
    /// By alphabet index: how many more times the first word has the character than the
    /// second, then the last row of the first word it was seen in.
    counts: Vec<isize>,
    last_row: Vec<usize>,
    /// The distance table, (first + 2) × (second + 2).
    table: Vec<usize>,
}

impl EditDistance {
    /// The distance between `a` and `b` if it is at most `max`; `None` when it is larger.
    pub fn within(&mut self, a: &[char], b: &[char], max: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        self.index(a, b);
        // Each edit removes at most one character of `a` and adds at most one of `b`
        // (a transposition neither): the characters one word has beyond the other bound
        // the distance from below.
        self.counts.clear();
        self.counts.resize(self.alphabet.len(), 0);
        for &c in &self.first {
            self.counts[c] += 1;
        }
        for &c in &self.second {
            self.counts[c] -= 1;
        }
        let extra: isize = self.counts.iter().filter(|&&n| n > 0).sum();
        let missing: isize = -self.counts.iter().filter(|&&n| n < 0).sum::<isize>();
        if extra.max(missing).unsigned_abs() > max {
            return None;
        }
        let distance = self.measure();
        (distance <= max).then_some(distance)
    }

    /// The distance between `a` and `b`.
    #[cfg(test)]
    pub fn distance(&mut self, a: &[char], b: &[char]) -> usize {
        self.index(a, b);
        self.measure()
    }

    fn index(&mut self, a: &[char], b: &[char]) {
        self.alphabet.clear();
        let alphabet = &mut self.alphabet;
        let mut index_of = |c: char| match alphabet.iter().position(|&known| known == c) {
            Some(at) => at,
            None => {
                alphabet.push(c);
                alphabet.len() - 1
            }
        };
        self.first.clear();
        self.first.extend(a.iter().map(|&c| index_of(c)));
        self.second.clear();
        self.second.extend(b.iter().map(|&c| index_of(c)));
    }

    /// The Lowrance–Wagner table over the indexed words.
    fn measure(&mut self) -> usize {
        let (a, b) = (&self.first, &self.second);
        let (a_len, b_len) = (a.len(), b.len());
        if a_len == 0 {
            return b_len;
        }
        if b_len == 0 {
            return a_len;
        }
        let width = b_len + 2;
        let table = &mut self.table;
        table.clear();
        table.resize((a_len + 2) * width, 0);
        let far = a_len + b_len;
        table[0] = far;
        for i in 0..=a_len {
            table[(i + 1) * width] = far;
            table[(i + 1) * width + 1] = i;
        }
        for j in 0..=b_len {
            table[j + 1] = far;
            table[width + j + 1] = j;
        }
        self.last_row.clear();
        self.last_row.resize(self.alphabet.len(), 0);
        for i in 1..=a_len {
            let mut last_column = 0;
            for j in 1..=b_len {
                let k = self.last_row[b[j - 1]];
                let insertion = table[i * width + j + 1] + 1;
                let deletion = table[(i + 1) * width + j] + 1;
                let transposition =
                    table[k * width + last_column] + (i - k - 1) + 1 + (j - last_column - 1);
                let mut substitution = table[i * width + j] + 1;
                if a[i - 1] == b[j - 1] {
                    last_column = j;
                    substitution -= 1;
                }
                table[(i + 1) * width + j + 1] =
                    substitution.min(insertion).min(deletion).min(transposition);
            }
            self.last_row[a[i - 1]] = i;
        }
        table[(a_len + 1) * width + b_len + 1]
    }
}

#[cfg(test)]
mod tests {
    use super::EditDistance;

    /// Every pair of words of up to five letters over a three-letter alphabet (and a few
    /// longer ones) measures as `strsim` does, and `within` agrees with it at every bound.
    #[test]
    fn agrees_with_strsim() {
        let mut words = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|w| ['a', 'b', 'é'].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(last.iter().cloned());
        }
        words.extend(
            [
                "Stoltenberg",
                "Stoltenburg",
                "Erdogan",
                "Erdoğan",
                "ca",
                "abc",
            ]
            .map(String::from),
        );
        let mut distance = EditDistance::default();
        for a in &words {
            let a_chars: Vec<char> = a.chars().collect();
            for b in &words {
                let b_chars: Vec<char> = b.chars().collect();
                let expected = strsim::damerau_levenshtein(a, b);
                assert_eq!(distance.distance(&a_chars, &b_chars), expected, "{a} {b}");
                for max in 0..4 {
                    assert_eq!(
                        distance.within(&a_chars, &b_chars, max),
                        (expected <= max).then_some(expected),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn transpositions_with_edits_between() {
        let mut distance = EditDistance::default();
        let (ca, abc): (Vec<char>, Vec<char>) = ("ca".chars().collect(), "abc".chars().collect());
        assert_eq!(distance.within(&ca, &abc, 2), Some(2));
    }
}
