//! The first letters (folded, `text::fold`) of each entity's names, as a set, worked out the
//! first time they are asked for and kept for the fact base's life. `fact-name` compares a
//! written name only with known names of its first letter: with the set it passes over a
//! person none of whose names can be near without reading them. It asks about the same
//! office holders in article after article, and reading every name of every holder on each
//! call took a twentieth of a run over many articles.
//!
//! Each entity has a cell, filled when first asked about; threads checking articles at once
//! may both fill one, with the same value. Making the cells costs one allocation, so a
//! single short article pays little for it.

use std::sync::atomic::{AtomicU32, Ordering};

use super::tables::{EntityId, Tables};
use crate::text::fold::first_folded;

/// A set of first letters: bit `i` for the folded letter `'a' + i`, [`OTHER_LETTERS`] for
/// any other (a non-ASCII letter, a digit).
pub type Letters = u32;

/// The bit of every first letter but `a` to `z`.
pub const OTHER_LETTERS: Letters = 1 << 26;

/// A filled cell (an entity with no names would otherwise look unfilled).
const FILLED: u32 = 1 << 31;

/// The bit of one folded first letter.
pub fn letter_bit(first: char) -> Letters {
    match first {
        'a'..='z' => 1 << (first as u32 - 'a' as u32),
        _ => OTHER_LETTERS,
    }
}

/// The cells of every entity.
#[derive(Debug, Default)]
pub(super) struct NameLetters {
    cells: Box<[AtomicU32]>,
}

impl NameLetters {
    pub(super) fn new(tables: &Tables) -> NameLetters {
        NameLetters {
            cells: (0..tables.entities.len())
                .map(|_| AtomicU32::new(0))
                .collect(),
        }
    }

    /// The first letters of `entity`'s name and aliases (not of its `[[alias]]` rows).
    pub(super) fn of(&self, tables: &Tables, entity: EntityId) -> Letters {
        let cell = &self.cells[entity];
        let mut packed = cell.load(Ordering::Relaxed);
        if packed == 0 {
            let entity = &tables.entities[entity];
            packed = std::iter::once(&entity.name)
                .chain(entity.aliases.iter())
                .filter_map(|name| first_folded(name))
                .fold(FILLED, |letters, first| letters | letter_bit(first));
            cell.store(packed, Ordering::Relaxed);
        }
        packed & !FILLED
    }
}

#[cfg(test)]
mod tests {
    use super::{letter_bit, OTHER_LETTERS};
    use crate::facts::FactBase;
    use crate::text::fold::first_folded;

    /// Every person's set holds the first letter of each of its names and nothing else,
    /// asked twice (filled, then read from its cell).
    #[test]
    fn the_sets_are_the_names_first_letters() {
        let facts = FactBase::embedded();
        let people: Vec<usize> = facts.people().collect();
        assert!(people.len() > 1_000);
        for _ in 0..2 {
            for &person in &people {
                let entity = facts.entity(person);
                let expected = std::iter::once(&entity.name)
                    .chain(entity.aliases.iter())
                    .filter_map(|name| first_folded(name))
                    .fold(0, |letters, first| letters | letter_bit(first));
                assert_eq!(facts.name_letters(person), expected, "{}", entity.name);
            }
        }
        assert_eq!(letter_bit('a'), 1);
        assert_eq!(letter_bit('z'), 1 << 25);
        assert_eq!(letter_bit('ə'), OTHER_LETTERS);
    }
}
