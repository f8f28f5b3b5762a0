//! Quotations and their speakers.

use crate::document::Document;
use crate::settings::Settings;

#[derive(Clone, Debug)]
pub struct Quotation {}

pub fn extract(_doc: &Document, _settings: &Settings) -> Vec<Quotation> {
    Vec::new()
}
