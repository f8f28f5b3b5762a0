//! What the extractors read of a check's settings: the fact base, the style lists, the
//! dialect and the current year, and nothing of the rules' configuration. Which claims are
//! worth extracting at all (a rule that is off) is decided once, by [`super::Claims`].

use chrono::Datelike;

use crate::config::Dialect;
use crate::facts::FactBase;
use crate::settings::Settings;
use crate::style::StyleData;

/// The narrow view of [`Settings`] every extractor takes.
#[derive(Clone, Copy)]
pub struct ExtractContext<'a> {
    /// What the fact base knows: names, offices, organisations.
    pub facts: &'a FactBase,
    /// Speech verbs, titles, credit patterns and other word lists.
    pub style: &'a StyleData,
    /// The house style, when the configuration sets one.
    pub dialect: Option<Dialect>,
    /// The year of "today": a date written without a year is read in a year near it.
    pub this_year: i32,
}

impl<'a> ExtractContext<'a> {
    pub fn of(settings: &'a Settings) -> ExtractContext<'a> {
        ExtractContext {
            facts: &settings.facts,
            style: &settings.style,
            dialect: settings.dialect(),
            this_year: settings.today.year(),
        }
    }
}
