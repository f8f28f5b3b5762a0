//! Credit patterns for images and bylines (`rules/style/credits.toml`).

use std::path::PathBuf;

use crate::error::InputError;

#[derive(Debug, Default)]
pub struct CreditPatterns {}

impl CreditPatterns {
    pub fn load(_dirs: &[PathBuf]) -> Result<CreditPatterns, InputError> {
        Ok(CreditPatterns {})
    }
}
