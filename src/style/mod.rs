//! Style data from the top-level `rules/style/` folder (embedded) and users' style folders:
//! spelling-variant pairs, title forms, credit patterns.

pub mod credits;
mod gate;
pub mod spelling;
pub mod titles;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::InputError;

#[derive(Debug, Default)]
pub struct StyleData {
    pub spelling: spelling::SpellingTable,
    pub credits: credits::CreditPatterns,
    pub titles: titles::TitleTable,
}

impl StyleData {
    /// The embedded defaults, parsed once per process.
    pub fn embedded() -> Arc<StyleData> {
        static EMBEDDED: OnceLock<Arc<StyleData>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            Arc::new(StyleData::load(&[]).expect("the embedded style data is valid"))
        }))
    }

    /// The embedded defaults plus every style file in `dirs`.
    pub fn load(dirs: &[PathBuf]) -> Result<StyleData, InputError> {
        Ok(StyleData {
            spelling: spelling::SpellingTable::load(dirs)?,
            credits: credits::CreditPatterns::load(dirs)?,
            titles: titles::TitleTable::load(dirs)?,
        })
    }
}
