//! Style data from the top-level `rules/style/` folder (embedded) and users' style folders:
//! spelling-variant pairs, title forms, credit patterns, word lists.

mod caption_openings;
pub mod credits;
mod gate;
mod joints;
pub mod spelling;
pub mod titles;
pub mod word_lists;
pub mod words;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::InputError;

/// The style lists a check uses: spellings, credit patterns, titles and word lists.
#[derive(Debug, Default)]
pub struct StyleData {
    /// Spelling variants (`rules/style/spelling`).
    pub(crate) spelling: Table<spelling::SpellingTable>,
    /// Byline and image-credit patterns.
    pub(crate) credits: Table<credits::CreditPatterns>,
    /// Titles of office.
    pub(crate) titles: Table<titles::TitleTable>,
    /// Word lists the claim extractors read.
    pub(crate) words: Table<words::Words>,
}

impl StyleData {
    /// The embedded defaults, each table read the first time it is used: an article may
    /// need none of them (building the spelling table alone costs more than checking a
    /// short article).
    pub fn embedded() -> Arc<StyleData> {
        static EMBEDDED: OnceLock<Arc<StyleData>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            fn valid<T>(table: Result<T, InputError>) -> T {
                table.unwrap_or_else(|error| {
                    panic!("the embedded style data is valid: {}", error.message)
                })
            }
            Arc::new(StyleData {
                spelling: Table::later(|| valid(spelling::SpellingTable::load(&[]))),
                credits: Table::later(|| valid(credits::CreditPatterns::load(&[]))),
                titles: Table::later(|| valid(titles::TitleTable::load(&[]))),
                words: Table::later(|| valid(words::Words::load(&[]))),
            })
        }))
    }

    /// The embedded defaults plus every style file in `dirs`, read now: a user's file with
    /// a mistake is reported before any article is checked.
    pub fn load(dirs: &[PathBuf]) -> Result<StyleData, InputError> {
        Ok(StyleData {
            spelling: Table::now(spelling::SpellingTable::load(dirs)?),
            credits: Table::now(credits::CreditPatterns::load(dirs)?),
            titles: Table::now(titles::TitleTable::load(dirs)?),
            words: Table::now(words::Words::load(dirs)?),
        })
    }
}

/// A style table, read now or the first time it is used.
pub struct Table<T> {
    cell: OnceLock<T>,
    read: fn() -> T,
}

impl<T> Table<T> {
    fn now(table: T) -> Table<T> {
        Table {
            cell: OnceLock::from(table),
            read: || unreachable!("a table read now is never read again"),
        }
    }

    fn later(read: fn() -> T) -> Table<T> {
        Table {
            cell: OnceLock::new(),
            read,
        }
    }
}

impl<T: Default> Default for Table<T> {
    fn default() -> Self {
        Table::now(T::default())
    }
}

impl<T> std::ops::Deref for Table<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.cell.get_or_init(self.read)
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.cell.get() {
            Some(table) => table.fmt(f),
            None => f.write_str("(not read yet)"),
        }
    }
}
