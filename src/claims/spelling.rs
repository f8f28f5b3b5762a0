//! Spellings of the style's British/American table in the article's own words: what
//! `spelling-consistency` judges. They are found in the same walk over a block's words as the
//! name words ([`super::name::extract`]), so the rule never scans the text itself.
//!
//! Quoted material, names ("Department of Defense", "Labour Party") and foreign words ("por
//! favor") are left out here: they are not the article's spelling.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::name::{is_sentence_start, Quoted};
use super::quote::Quotation;
use crate::config::Dialect;
use crate::document::Block;
use crate::span::Span;
use crate::style::spelling::SpellingTable;

/// One listed spelling in the article.
#[derive(Clone, Debug)]
pub struct SpellingClaim {
    pub span: Span,
    /// As written in the block's text ("Defense"); differs from the source when an entity or
    /// markup sits inside the word.
    pub written: Box<str>,
    pub dialect: Dialect,
    /// The same form in the other dialect (lower case), e.g. "organized" for "organised".
    pub counterpart: Box<str>,
    /// Forms of one listed pair share this number (defence, defences, defenceless).
    pub pair: u32,
    /// An -ise/-ize form, judged apart from the other spellings.
    pub oxford: bool,
}

/// Collects [`SpellingClaim`]s from the words it is shown, in reading order.
pub struct SpellingCollector<'a> {
    table: &'a SpellingTable,
    quoted: Quoted,
    claims: Vec<SpellingClaim>,
    /// Whether each claim is capitalised at the start of its sentence, where a capital says
    /// nothing about being a name.
    at_sentence_start: Vec<bool>,
    /// Listed forms (lower case) that the article capitalises mid-sentence: names.
    names: FxHashSet<Box<str>>,
    lower: String,
}

impl<'a> SpellingCollector<'a> {
    pub fn new(table: &'a SpellingTable, quotes: &[Quotation]) -> Self {
        SpellingCollector {
            table,
            quoted: Quoted::new(quotes),
            claims: Vec::new(),
            at_sentence_start: Vec::new(),
            names: FxHashSet::default(),
            lower: String::new(),
        }
    }

    /// A prose word of `block` (its text's `range`).
    pub fn visit(&mut self, block: &Block, range: Range<usize>) {
        let word = &block.text()[range.clone()];
        if !self.table.may_hold(word) {
            return;
        }
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let Some(variant) = self.table.get(&self.lower) else {
            return;
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let capitalised_start = capitalised && is_sentence_start(block, &range);
        if capitalised && (!capitalised_start || precedes_capitalised(block, range.end)) {
            self.names.insert(self.lower.as_str().into());
            return;
        }
        if follows_foreign_article(block, range.start) {
            return;
        }
        let span = block.span_of(range);
        if self.quoted.contains(block, span) {
            return;
        }
        self.claims.push(SpellingClaim {
            span,
            written: word.into(),
            dialect: variant.dialect,
            counterpart: variant.counterpart.into(),
            pair: variant.pair,
            oxford: variant.oxford,
        });
        self.at_sentence_start.push(capitalised_start);
    }

    /// The claims, without the sentence-opening words that the article writes as names
    /// elsewhere ("Labor won. ... joined Labor").
    pub fn finish(self) -> Vec<SpellingClaim> {
        let names = self.names;
        self.claims
            .into_iter()
            .zip(self.at_sentence_start)
            .filter(|(claim, at_start)| {
                !(*at_start && names.contains(claim.written.to_lowercase().as_str()))
            })
            .map(|(claim, _)| claim)
            .collect()
    }
}

/// "Defense Secretary", "Labour-led": the word opens a longer name.
fn precedes_capitalised(block: &Block, end: usize) -> bool {
    let mut rest = block.text()[end..].chars();
    matches!(rest.next(), Some(' ' | '-' | '\u{a0}')) && rest.next().is_some_and(char::is_uppercase)
}

/// "por favor", "de valor", "la organisation": the word is Spanish, French or Portuguese
/// here, not a spelling of English.
fn follows_foreign_article(block: &Block, start: usize) -> bool {
    const FOREIGN: &[&str] = &[
        "al", "con", "da", "de", "del", "des", "du", "el", "em", "en", "et", "la", "las", "le",
        "les", "los", "para", "por", "sin", "su", "sus", "une", "y",
    ];
    let Some(before) = block.text()[..start].strip_suffix(' ') else {
        return false;
    };
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    FOREIGN
        .iter()
        .any(|word| previous.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use crate::claims::Claims;
    use crate::document::Document;
    use crate::registry::RuleId;
    use crate::settings::Settings;

    fn spellings(source: &str, settings: &Settings) -> Vec<String> {
        let doc = Document::parse(source);
        Claims::extract(&doc, settings)
            .spellings
            .iter()
            .map(|claim| format!("{} {:?}", claim.span.text(source), claim.dialect))
            .collect()
    }

    #[test]
    fn the_articles_own_spellings_in_reading_order() {
        let source = "Our defence, \"the color\" they said, and the Labour Party.\n\n\
                      Defense spending rose. The centre held.\n";
        assert_eq!(
            spellings(source, &Settings::embedded()),
            ["defence British", "Defense American", "centre British"]
        );
    }

    #[test]
    fn a_sentence_opening_word_written_as_a_name_elsewhere_is_left_out() {
        let source = "Labor won again. He joined Labor in 2010. Our labour laws.";
        assert_eq!(spellings(source, &Settings::embedded()), ["labour British"]);
    }

    #[test]
    fn none_are_found_when_the_rule_is_off() {
        let mut settings = Settings::embedded();
        settings
            .selection
            .ignore
            .insert(RuleId::SpellingConsistency);
        assert!(spellings("Our defence and their defense.", &settings).is_empty());
    }
}
