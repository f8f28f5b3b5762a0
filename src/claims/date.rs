//! Date claims: every date the article writes, with any weekday attached to it.

use crate::document::Document;
use crate::settings::Settings;

#[derive(Clone, Debug)]
pub struct DateClaim {}

pub fn extract(_doc: &Document, _settings: &Settings) -> Vec<DateClaim> {
    Vec::new()
}
