//! Style data from the top-level `rules/style/` folder (embedded) and users' style folders:
//! spelling-variant pairs, title forms, credit patterns.

pub mod credits;
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

    /// Compile the credit patterns every article needs on another thread, while the caller
    /// goes on to read and parse articles: their first use waits only for what is left.
    pub fn compile_in_background(self: &Arc<Self>) {
        let style = Arc::clone(self);
        // Without a thread the patterns compile on first use, as they would anyway.
        let _ = std::thread::Builder::new()
            .name("credit-patterns".into())
            .spawn(move || style.credits.compile_common());
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
