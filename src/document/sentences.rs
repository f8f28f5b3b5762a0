//! A block's sentences, kept in 16 bytes: a long file has hundreds of thousands of blocks,
//! and most hold one sentence, which then costs no allocation.

use std::ops::Range;

/// Sentence ranges into a block's text, in reading order. One sentence is kept inline; more
/// are kept in one boxed list. Offsets are `u32`: files past 4 GiB are refused before they
/// are parsed.
#[derive(Clone, Debug)]
pub struct Sentences(Kept);

#[derive(Clone, Debug)]
enum Kept {
    One {
        start: u32,
        end: u32,
    },
    /// None, or two and more.
    Many(Box<[(u32, u32)]>),
}

// The pointer of the boxed list tells the two apart: no tag, and 16 bytes rather than the 24
// of a one-range `SmallVec` of `usize` ranges.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Sentences>() == 16);

fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

fn widen(&(start, end): &(u32, u32)) -> Range<usize> {
    start as usize..end as usize
}

impl Default for Sentences {
    fn default() -> Self {
        Sentences(Kept::Many(Box::new([])))
    }
}

impl Sentences {
    /// The sentences `ranges` (in reading order).
    pub fn new(ranges: &[Range<usize>]) -> Self {
        match ranges {
            [only] => Sentences(Kept::One {
                start: narrow(only.start),
                end: narrow(only.end),
            }),
            _ => Sentences(Kept::Many(
                ranges
                    .iter()
                    .map(|range| (narrow(range.start), narrow(range.end)))
                    .collect(),
            )),
        }
    }

    /// How many sentences.
    pub fn len(&self) -> usize {
        match &self.0 {
            Kept::One { .. } => 1,
            Kept::Many(ranges) => ranges.len(),
        }
    }

    /// Whether the block has no sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sentence at `index`.
    pub fn get(&self, index: usize) -> Option<Range<usize>> {
        match &self.0 {
            Kept::One { start, end } => (index == 0).then(|| widen(&(*start, *end))),
            Kept::Many(ranges) => ranges.get(index).map(widen),
        }
    }

    /// The first sentence.
    pub fn first(&self) -> Option<Range<usize>> {
        self.get(0)
    }

    /// The sentences, in reading order.
    pub fn iter(&self) -> SentenceIter<'_> {
        SentenceIter(match &self.0 {
            Kept::One { start, end } => EitherForm::One(Some(widen(&(*start, *end)))),
            Kept::Many(ranges) => EitherForm::Many(ranges.iter()),
        })
    }

    /// How many sentences come before the first one `before` is false for (they are in
    /// reading order, as for a slice's `partition_point`).
    pub fn partition_point(&self, mut before: impl FnMut(&Range<usize>) -> bool) -> usize {
        match &self.0 {
            Kept::One { start, end } => usize::from(before(&widen(&(*start, *end)))),
            Kept::Many(ranges) => ranges.partition_point(|range| before(&widen(range))),
        }
    }
}

/// The sentences of a block, one range at a time.
pub struct SentenceIter<'s>(EitherForm<'s>);

enum EitherForm<'s> {
    One(Option<Range<usize>>),
    Many(std::slice::Iter<'s, (u32, u32)>),
}

impl Iterator for SentenceIter<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match &mut self.0 {
            EitherForm::One(only) => only.take(),
            EitherForm::Many(ranges) => ranges.next().map(widen),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = match &self.0 {
            EitherForm::One(only) => usize::from(only.is_some()),
            EitherForm::Many(ranges) => ranges.len(),
        };
        (left, Some(left))
    }
}

impl ExactSizeIterator for SentenceIter<'_> {}

impl<'s> IntoIterator for &'s Sentences {
    type Item = Range<usize>;
    type IntoIter = SentenceIter<'s>;

    fn into_iter(self) -> SentenceIter<'s> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_ranges_it_was_given() {
        let one = std::iter::once(0..12).collect::<Vec<_>>();
        let cases: [&[Range<usize>]; 3] = [&[], &one, &[0..5, 6..20, 21..21]];
        for ranges in cases {
            let sentences = Sentences::new(ranges);
            assert_eq!(sentences.len(), ranges.len());
            assert_eq!(sentences.is_empty(), ranges.is_empty());
            assert_eq!(sentences.iter().collect::<Vec<_>>(), ranges);
            assert_eq!(sentences.iter().len(), ranges.len());
            assert_eq!((&sentences).into_iter().collect::<Vec<_>>(), ranges);
            assert_eq!(sentences.first(), ranges.first().cloned());
            for index in 0..=ranges.len() {
                assert_eq!(sentences.get(index), ranges.get(index).cloned());
            }
            for at in 0..25 {
                assert_eq!(
                    sentences.partition_point(|s| s.start <= at),
                    ranges.partition_point(|s| s.start <= at),
                    "{ranges:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_default_has_no_sentence() {
        assert!(Sentences::default().is_empty());
        assert_eq!(Sentences::default().first(), None);
    }
}
