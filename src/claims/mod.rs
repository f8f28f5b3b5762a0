//! Claims: what an article asserts, extracted once per file for every rule to read.
//! One extractor per kind of claim.

pub mod age;
pub mod byline;
mod context;
pub mod count;
pub mod credit;
pub mod date;
pub mod mention;
pub mod name;
pub mod quote;
#[cfg(test)]
mod seed_speakers;
pub mod spelling;

use crate::document::Document;
use crate::registry::RuleId;
use crate::settings::Settings;
use crate::span::Span;
pub use context::ExtractContext;
use spelling::SpellingCollector;

/// Claims come in groups, each read by a few rules. The pipeline extracts a group before the
/// first rule that reads it and drops it after the last, so a long file's claims are never
/// all held at once. A rule is given its group's claims only, as a `ClaimView`: the view its
/// `check` takes is the group it is run with, so a rule cannot read a group that is not held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClaimGroup {
    /// Dates and their weekdays (they also settle the publication date).
    Dates,
    /// Mentions of what the fact base knows, and counts (they also narrow an uncertain date).
    Facts,
    /// Quotations, stray closing marks, titles and name words.
    Quotes,
    /// Images and photo captions, with whether each is credited, and the byline.
    Credits,
}

impl ClaimGroup {
    /// In the order the pipeline goes through them: the first two settle the article's date.
    pub const ALL: [ClaimGroup; 4] = [
        ClaimGroup::Dates,
        ClaimGroup::Facts,
        ClaimGroup::Quotes,
        ClaimGroup::Credits,
    ];
}

/// What one rule may read of the claims: the view of one group (or of none).
pub trait ClaimView<'a>: Copy {
    /// The group the view shows (`None`: no claims).
    const GROUP: Option<ClaimGroup>;
    fn of(claims: &'a Claims) -> Self;
}

/// For the rules that read no claims.
#[derive(Clone, Copy, Debug)]
pub struct NoClaims;

/// The claims of [`ClaimGroup::Dates`].
#[derive(Clone, Copy, Debug)]
pub struct DateGroup<'a> {
    pub dates: &'a [date::DateClaim],
}

/// The claims of [`ClaimGroup::Facts`].
#[derive(Clone, Copy, Debug)]
pub struct FactGroup<'a> {
    pub mentions: &'a [mention::Mention],
    /// Titles of offices in the article's own words, in reading order.
    pub titles: &'a [mention::Title],
    pub counts: &'a [count::CountClaim],
    pub ages: &'a [age::AgeClaim],
}

/// The claims of [`ClaimGroup::Quotes`].
#[derive(Clone, Copy, Debug)]
pub struct QuoteGroup<'a> {
    pub quotes: &'a [quote::Quotation],
    pub stray_quote_marks: &'a [quote::StrayMark],
    pub names: &'a name::Names,
    pub spellings: &'a [spelling::SpellingClaim],
}

/// The claims of [`ClaimGroup::Credits`].
#[derive(Clone, Copy, Debug)]
pub struct CreditGroup<'a> {
    pub pictures: &'a [credit::Picture],
    /// An article-wide image credit, looked for once a caption lacks a credit.
    pub article_credit: Option<Span>,
    pub byline: byline::Byline,
}

impl<'a> ClaimView<'a> for NoClaims {
    const GROUP: Option<ClaimGroup> = None;
    fn of(_: &'a Claims) -> Self {
        NoClaims
    }
}

impl<'a> ClaimView<'a> for DateGroup<'a> {
    const GROUP: Option<ClaimGroup> = Some(ClaimGroup::Dates);
    fn of(claims: &'a Claims) -> Self {
        DateGroup {
            dates: &claims.dates,
        }
    }
}

impl<'a> ClaimView<'a> for FactGroup<'a> {
    const GROUP: Option<ClaimGroup> = Some(ClaimGroup::Facts);
    fn of(claims: &'a Claims) -> Self {
        FactGroup {
            mentions: &claims.mentions,
            titles: &claims.titles,
            counts: &claims.counts,
            ages: &claims.ages,
        }
    }
}

impl<'a> ClaimView<'a> for QuoteGroup<'a> {
    const GROUP: Option<ClaimGroup> = Some(ClaimGroup::Quotes);
    fn of(claims: &'a Claims) -> Self {
        QuoteGroup {
            quotes: &claims.quotes,
            stray_quote_marks: &claims.stray_quote_marks,
            names: &claims.names,
            spellings: &claims.spellings,
        }
    }
}

impl<'a> ClaimView<'a> for CreditGroup<'a> {
    const GROUP: Option<ClaimGroup> = Some(ClaimGroup::Credits);
    fn of(claims: &'a Claims) -> Self {
        CreditGroup {
            pictures: &claims.pictures.pictures,
            article_credit: claims.pictures.article_credit,
            byline: claims.byline,
        }
    }
}

/// What an article states, by kind.
#[derive(Debug, Default)]
pub struct Claims {
    /// Dates, with their weekdays.
    pub dates: Vec<date::DateClaim>,
    /// Quotations, with their speakers.
    pub quotes: Vec<quote::Quotation>,
    /// Closing quotation marks that close nothing.
    pub stray_quote_marks: Vec<quote::StrayMark>,
    /// Names and titles the fact base knows.
    pub mentions: Vec<mention::Mention>,
    /// Titles of offices in the article's own words (see `mention::Title`).
    pub titles: Vec<mention::Title>,
    /// Counts ("the 30 NATO allies").
    pub counts: Vec<count::CountClaim>,
    /// Ages given to people the fact base knows.
    pub ages: Vec<age::AgeClaim>,
    /// Names of people, for consistency.
    pub names: name::Names,
    /// Listed British or American spellings, outside quoted material and names; found only
    /// when `spelling-consistency` will read them, since the table costs time to build.
    pub spellings: Vec<spelling::SpellingClaim>,
    /// Images and photo captions needing a credit; found only when `credit-image` will
    /// read them.
    pub pictures: credit::PictureClaims,
    /// Where the article names who wrote it; looked for only when `credit-byline` will
    /// read it.
    pub byline: byline::Byline,
}

impl Claims {
    /// Every claim of the article.
    pub fn extract(doc: &Document, settings: &Settings) -> Claims {
        let mut claims = Claims::default();
        for group in ClaimGroup::ALL {
            claims.extract_group(group, doc, settings);
        }
        claims
    }

    /// Extract one group's claims (replacing any held before).
    pub fn extract_group(&mut self, group: ClaimGroup, doc: &Document, settings: &Settings) {
        let cx = &ExtractContext::of(settings);
        match group {
            ClaimGroup::Dates => {
                self.dates = date::extract(doc, cx);
                self.dates.shrink_to_fit();
            }
            ClaimGroup::Facts => {
                (self.mentions, self.titles) = mention::extract(doc, cx, &self.dates);
                self.counts = count::extract(doc, cx, &self.mentions, &self.dates);
                self.ages = age::extract(doc, cx, &self.mentions);
                self.mentions.shrink_to_fit();
                self.titles.shrink_to_fit();
                self.counts.shrink_to_fit();
            }
            ClaimGroup::Quotes => {
                let quotes = quote::extract(doc, cx);
                self.quotes = quotes.quotations;
                self.stray_quote_marks = quotes.stray_marks;
                let table = settings
                    .is_enabled(RuleId::SpellingConsistency)
                    .then(|| &*cx.style.spelling);
                let mut spellings = table.map(|table| SpellingCollector::new(table, &self.quotes));
                self.names = name::extract(doc, cx, |block, range| {
                    if let Some(spellings) = &mut spellings {
                        spellings.visit(block, range);
                    }
                });
                self.spellings = spellings.map_or_else(Vec::new, SpellingCollector::finish);
                // Give back what the lists grew beyond their length: they are kept while
                // their rules run, and a long file has hundreds of thousands of them.
                self.quotes.shrink_to_fit();
                self.stray_quote_marks.shrink_to_fit();
                self.names.shrink_to_fit();
                self.spellings.shrink_to_fit();
            }
            ClaimGroup::Credits => {
                // Found only for the rules that will judge them.
                self.pictures = if settings.is_enabled(RuleId::CreditImage)
                    && settings.config.require_image_credit
                {
                    credit::extract(doc, cx)
                } else {
                    credit::PictureClaims::default()
                };
                self.pictures.pictures.shrink_to_fit();
                self.byline = if settings.is_enabled(RuleId::CreditByline)
                    && settings.config.require_byline
                {
                    byline::extract(doc, cx)
                } else {
                    byline::Byline::NotAsked
                };
            }
        }
    }

    /// Drop one group's claims once no rule will read them.
    pub fn drop_group(&mut self, group: ClaimGroup) {
        match group {
            ClaimGroup::Dates => self.dates = Vec::new(),
            ClaimGroup::Facts => {
                self.mentions = Vec::new();
                self.titles = Vec::new();
                self.counts = Vec::new();
                self.ages = Vec::new();
            }
            ClaimGroup::Quotes => {
                self.quotes = Vec::new();
                self.stray_quote_marks = Vec::new();
                self.names = name::Names::default();
                self.spellings = Vec::new();
            }
            ClaimGroup::Credits => {
                self.pictures = credit::PictureClaims::default();
                self.byline = byline::Byline::NotAsked;
            }
        }
    }
}
