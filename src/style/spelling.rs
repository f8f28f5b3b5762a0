//! British/American spelling pairs (`rules/style/spelling.toml`).

use std::path::PathBuf;

use crate::error::InputError;

#[derive(Debug, Default)]
pub struct SpellingTable {}

impl SpellingTable {
    pub fn load(_dirs: &[PathBuf]) -> Result<SpellingTable, InputError> {
        Ok(SpellingTable {})
    }
}
