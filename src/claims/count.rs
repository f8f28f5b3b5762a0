//! Count claims: "30 NATO allies", "the 27-member EU".

use super::mention::Mention;
use crate::document::Document;
use crate::settings::Settings;

#[derive(Clone, Debug)]
pub struct CountClaim {}

pub fn extract(_doc: &Document, _settings: &Settings, _mentions: &[Mention]) -> Vec<CountClaim> {
    Vec::new()
}
