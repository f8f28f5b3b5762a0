//! Claims: what an article asserts, extracted once per file for every rule to read.
//! One extractor per kind of claim.

pub mod count;
pub mod date;
pub mod mention;
pub mod name;
pub mod quote;

use crate::document::Document;
use crate::settings::Settings;

#[derive(Debug, Default)]
pub struct Claims {
    pub dates: Vec<date::DateClaim>,
    pub quotes: Vec<quote::Quotation>,
    /// Closing quotation marks that close nothing.
    pub stray_quote_marks: Vec<quote::StrayMark>,
    pub mentions: Vec<mention::Mention>,
    pub counts: Vec<count::CountClaim>,
    pub names: name::Names,
}

impl Claims {
    pub fn extract(doc: &Document, settings: &Settings) -> Claims {
        let mentions = mention::extract(doc, settings);
        let counts = count::extract(doc, settings, &mentions);
        let quotes = quote::extract(doc, settings);
        let mut claims = Claims {
            dates: date::extract(doc, settings),
            quotes: quotes.quotations,
            stray_quote_marks: quotes.stray_marks,
            mentions,
            counts,
            names: name::extract(doc, settings),
        };
        claims.shrink_to_fit();
        claims
    }

    /// Give back what the lists grew beyond their length: claims are kept while every rule
    /// runs, and a long file has hundreds of thousands of them.
    fn shrink_to_fit(&mut self) {
        self.dates.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.stray_quote_marks.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.counts.shrink_to_fit();
        self.names.titles.shrink_to_fit();
        self.names.words.shrink_to_fit();
    }
}
