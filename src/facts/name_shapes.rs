//! The first letter (folded, `text::fold`) and word count of each entity's first names,
//! worked out the first time they are asked for and kept for the fact base's life.
//! `fact-name` compares a written name only with known names of its first letter and word
//! count, and asks about the same office holders (hundreds, after a title such as
//! "President") in article after article: reading and folding every name of every holder on
//! each call took a twentieth of a run over many articles.
//!
//! Each entity has one 64-bit cell: its names' first letters, filled when the entity is
//! first asked about, and each name's word count, added when first asked for (only names
//! of a wanted letter are). Threads checking articles at once may both fill one, with the
//! same bits. Making the cells costs one allocation, so a single short article pays little
//! for it.

use std::sync::atomic::{AtomicU64, Ordering};

use super::tables::{EntityId, Tables};
use crate::text::fold::{first_folded, word_count};

/// A set of first letters: bit `i` for the folded letter `'a' + i`, [`OTHER_LETTERS`] for
/// any other (a non-ASCII letter, a digit).
pub type Letters = u32;

/// The bit of every first letter but `a` to `z`.
pub const OTHER_LETTERS: Letters = 1 << 26;

/// The bit of one folded first letter.
pub fn letter_bit(first: char) -> Letters {
    match first {
        'a'..='z' => 1 << (first as u32 - 'a' as u32),
        _ => OTHER_LETTERS,
    }
}

/// How many of an entity's names (its name, then its aliases) a cell holds the shape of.
const KEPT: usize = 7;
/// A filled cell (every cell's shapes could otherwise be zero).
const FILLED: u64 = 1 << 63;
/// The letter code of a name with no first letter (empty).
const NO_LETTER: u64 = 27;

/// The first letter of one name, as a cell keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FirstLetter {
    /// The letter folded when it is `a` to `z`; `None` for any other (fold the name to
    /// know it).
    pub ascii: Option<char>,
    /// Its bit ([`letter_bit`]).
    pub bit: Letters,
}

/// The shapes of an entity's first [`KEPT`] names: eight bits each, a letter code (0 to 25
/// for `a` to `z`, 26 for another letter, 27 for none) and a word count (0 until counted;
/// a name with a letter has a word).
#[derive(Clone, Copy, Debug)]
pub struct NameShapes<'a> {
    cell: &'a AtomicU64,
    packed: u64,
}

impl NameShapes<'_> {
    /// The first letter of the `nth` name (0: the entity's name, then its aliases): `None`
    /// past the kept ones, `Some(None)` for an empty name.
    pub fn first(&self, nth: usize) -> Option<Option<FirstLetter>> {
        if nth >= KEPT {
            return None;
        }
        let letter = (self.packed >> (8 * nth + 3)) & 0b1_1111;
        Some((letter != NO_LETTER).then(|| FirstLetter {
            ascii: (letter < 26).then(|| char::from(b'a' + letter as u8)),
            bit: 1 << letter,
        }))
    }

    /// The word count (as `split_whitespace` counts them, at most 7) of the `nth` name, a
    /// kept one with a first letter, which is `name`: counted once.
    pub fn words(&self, nth: usize, name: &str) -> usize {
        debug_assert!(nth < KEPT);
        let kept = ((self.packed >> (8 * nth)) & 0b111) as usize;
        if kept != 0 {
            return kept;
        }
        let words = word_count(name).min(7);
        self.cell
            .fetch_or((words as u64) << (8 * nth), Ordering::Relaxed);
        words
    }
}

/// The cells of every entity.
#[derive(Debug, Default)]
pub(super) struct ShapeCells {
    cells: Box<[AtomicU64]>,
}

impl ShapeCells {
    pub(super) fn new(tables: &Tables) -> ShapeCells {
        ShapeCells {
            cells: (0..tables.entities.len())
                .map(|_| AtomicU64::new(0))
                .collect(),
        }
    }

    pub(super) fn of(&self, tables: &Tables, entity: EntityId) -> NameShapes<'_> {
        let cell = &self.cells[entity];
        let mut packed = cell.load(Ordering::Relaxed);
        if packed == 0 {
            let entity = &tables.entities[entity];
            let letters = std::iter::once(&entity.name)
                .chain(entity.aliases.iter())
                .take(KEPT)
                .enumerate()
                .fold(FILLED, |packed, (nth, name)| {
                    packed | (letter_code(name) << (8 * nth + 3))
                });
            packed = cell.fetch_or(letters, Ordering::Relaxed) | letters;
        }
        NameShapes { cell, packed }
    }
}

/// A name's letter code (see [`NameShapes`]).
fn letter_code(name: &str) -> u64 {
    match first_folded(name) {
        None => NO_LETTER,
        Some(first) if first.is_ascii_lowercase() => u64::from(first as u8 - b'a'),
        Some(_) => 26,
    }
}

#[cfg(test)]
mod tests {
    use super::{letter_bit, OTHER_LETTERS};
    use crate::facts::FactBase;
    use crate::text::fold::{first_folded, word_count};

    /// Every person's kept shapes are those worked out from each name, asked twice (filled,
    /// then read from its cell).
    #[test]
    fn the_shapes_are_those_of_the_names() {
        let facts = FactBase::embedded();
        let people: Vec<usize> = facts.people().collect();
        assert!(people.len() > 1_000);
        let mut compared = 0;
        for _ in 0..2 {
            for &person in &people {
                let entity = facts.entity(person);
                let shapes = facts.name_shapes(person);
                let names = std::iter::once(&entity.name).chain(entity.aliases.iter());
                for (nth, name) in names.enumerate() {
                    let Some(first) = shapes.first(nth) else {
                        continue;
                    };
                    let expected = first_folded(name).map(|first| {
                        let ascii = first.is_ascii_lowercase().then_some(first);
                        (ascii, letter_bit(first), word_count(name).min(7))
                    });
                    let got = first.map(|f| (f.ascii, f.bit, shapes.words(nth, name)));
                    assert_eq!(got, expected, "{name}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 4_000, "{compared}");
        assert_eq!(letter_bit('a'), 1);
        assert_eq!(letter_bit('z'), 1 << 25);
        assert_eq!(letter_bit('ə'), OTHER_LETTERS);
    }
}
