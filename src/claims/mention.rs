//! Mentions of entities known to the fact base (organisations, countries, people, offices).

use crate::document::Document;
use crate::settings::Settings;

#[derive(Clone, Debug)]
pub struct Mention {}

pub fn extract(_doc: &Document, _settings: &Settings) -> Vec<Mention> {
    Vec::new()
}
