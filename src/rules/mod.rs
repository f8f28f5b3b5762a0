//! The checks. One file per rule (`date_weekday.rs` + `date_weekday.md`), registered here.
//! Not to be confused with the top-level `rules/` folder, which holds data.

use std::fmt;

use crate::article::ArticleContext;
use crate::claims::{ClaimGroup, Claims};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::settings::Settings;

mod count_agreement;
mod credit_byline;
mod credit_image;
mod date_duration;
mod date_invalid;
mod date_tense;
mod date_weekday;
mod fact_age;
mod fact_count;
mod fact_name;
mod fact_office;
mod fact_place;
mod name_consistency;
mod publication_date;
mod quote_attribution;
mod quote_unbalanced;
mod spelling_consistency;
mod unused_suppression;

/// Everything a rule may read. Rules never parse, print or touch the file system.
pub struct RuleContext<'a> {
    pub doc: &'a Document<'a>,
    pub claims: &'a Claims,
    pub article: &'a ArticleContext,
    pub settings: &'a Settings,
}

/// Static description of a rule: what `factlint rules` lists and `explain` prints.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: RuleId,
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// The rule's documentation (Markdown): What it checks, Why, Example, Fix, Fact base.
    pub doc: &'static str,
    /// Whether the rule can offer a fix.
    pub fixable: bool,
}

macro_rules! rule_table {
    ($( $variant:ident => $code:literal, $name:literal, $severity:ident, $fixable:literal, $module:ident, $summary:literal; )*) => {
        /// Every rule, with its stable code and name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId { $( $variant, )* }

        static METAS: &[RuleMeta] = &[ $(
            RuleMeta {
                id: RuleId::$variant,
                code: $code,
                name: $name,
                default_severity: Severity::$severity,
                summary: $summary,
                doc: include_str!(concat!(stringify!($module), ".md")),
                fixable: $fixable,
            },
        )* ];

        impl RuleId {
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$variant, )* ];

            fn check(self, cx: &RuleContext, out: &mut Vec<Diagnostic>) {
                match self { $( RuleId::$variant => $module::check(cx, out), )* }
            }
        }
    };
}

// One line per rule: variant => code, name, default severity, fixable, module, summary.
rule_table! {
    DateWeekday => "FL101", "date-weekday", Error, true, date_weekday, "a weekday next to a date that falls on another weekday";
    DateDuration => "FL102", "date-duration", Warning, false, date_duration, "a stated length that disagrees with the stated date range";
    PublicationDate => "FL103", "publication-date", Info, false, publication_date, "which publication date the article was judged on, and why";
    DateInvalid => "FL104", "date-invalid", Error, true, date_invalid, "a date that does not exist, or a year that looks like a slip";
    DateTense => "FL105", "date-tense", Warning, false, date_tense, "a verb tense that contradicts the publication date for an explicit date";
    CountAgreement => "FL201", "count-agreement", Error, false, count_agreement, "the same count stated differently in one article";
    FactCount => "FL202", "fact-count", Error, false, fact_count, "a count that the fact base contradicts on the article's date";
    QuoteAttribution => "FL301", "quote-attribution", Warning, false, quote_attribution, "a direct quotation with no speaker";
    QuoteUnbalanced => "FL302", "quote-unbalanced", Warning, false, quote_unbalanced, "a quotation mark that is never closed, or closes nothing";
    CreditImage => "FL401", "credit-image", Warning, false, credit_image, "an image or photo caption with no credit";
    CreditByline => "FL402", "credit-byline", Warning, false, credit_byline, "an article with neither byline nor reporting credit";
    FactOffice => "FL501", "fact-office", Error, true, fact_office, "a title given to someone who did not hold it on the article's date";
    NameConsistency => "FL502", "name-consistency", Warning, true, name_consistency, "one person or title written two ways";
    FactName => "FL503", "fact-name", Warning, true, fact_name, "a misspelling of a person the fact base knows, where that person is meant";
    FactAge => "FL504", "fact-age", Error, false, fact_age, "a stated age that disagrees with the person's birth date on the date judged";
    SpellingConsistency => "FL601", "spelling-consistency", Warning, true, spelling_consistency, "British and American spellings mixed";
    FactPlace => "FL701", "fact-place", Error, false, fact_place, "a capital that the fact base contradicts";
    UnusedSuppression => "FL901", "unused-suppression", Warning, true, unused_suppression, "a suppression comment that suppressed nothing";
}

impl RuleId {
    /// The group of claims the rule reads, if any: the pipeline runs the rule while that
    /// group is held (see [`ClaimGroup`]).
    pub fn reads(self) -> Option<ClaimGroup> {
        use RuleId::*;
        match self {
            DateWeekday | DateDuration | DateInvalid | DateTense => Some(ClaimGroup::Dates),
            CountAgreement | FactCount | FactOffice | FactPlace | FactName | FactAge => {
                Some(ClaimGroup::Facts)
            }
            QuoteAttribution | QuoteUnbalanced | NameConsistency | SpellingConsistency => {
                Some(ClaimGroup::Quotes)
            }
            PublicationDate | CreditImage | CreditByline | UnusedSuppression => None,
        }
    }

    pub fn meta(self) -> &'static RuleMeta {
        &METAS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.meta().name
    }

    pub fn code(self) -> &'static str {
        self.meta().code
    }

    /// Look a rule up by name or code, case-insensitively.
    pub fn from_name_or_code(text: &str) -> Option<RuleId> {
        let text = text.trim();
        METAS
            .iter()
            .find(|meta| {
                meta.name.eq_ignore_ascii_case(text) || meta.code.eq_ignore_ascii_case(text)
            })
            .map(|meta| meta.id)
    }

    /// The closest rule name, for "did you mean" hints.
    pub fn suggest(text: &str) -> Option<&'static str> {
        let text = text.to_ascii_lowercase();
        METAS
            .iter()
            .map(|meta| (strsim::damerau_levenshtein(&text, meta.name), meta.name))
            .filter(|(distance, name)| *distance <= name.len() / 2)
            .min()
            .map(|(_, name)| name)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub fn all_metas() -> &'static [RuleMeta] {
    METAS
}

/// Run every enabled rule that reads `group` (or no claims, for `None`) over one article.
pub fn run_reading(cx: &RuleContext, group: Option<ClaimGroup>, out: &mut Vec<Diagnostic>) {
    for &rule in RuleId::ALL {
        if rule.reads() == group && cx.settings.is_enabled(rule) {
            rule.check(cx, out);
        }
    }
}

/// Drop a finding that a more specific rule's finding on overlapping words already makes, so
/// one defect is reported once: a misspelt known person is fact-name's, not also
/// name-consistency's. Runs after suppressions, so a suppressed specific finding hides nothing.
pub fn drop_superseded(diagnostics: &mut Vec<Diagnostic>) {
    let specific: Vec<(RuleId, crate::span::Span)> = diagnostics
        .iter()
        .filter(|d| {
            RuleId::ALL
                .iter()
                .any(|r| r.superseded_by() == Some(d.rule))
        })
        .map(|d| (d.rule, d.span))
        .collect();
    if specific.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        let Some(by) = d.rule.superseded_by() else {
            return true;
        };
        !specific
            .iter()
            .any(|&(rule, span)| rule == by && span.start < d.span.end && d.span.start < span.end)
    });
}

impl RuleId {
    /// The more specific rule whose finding on the same words makes this rule's redundant.
    fn superseded_by(self) -> Option<RuleId> {
        match self {
            RuleId::NameConsistency => Some(RuleId::FactName),
            _ => None,
        }
    }
}

/// Run every enabled rule over one article whose claims are all held.
pub fn run_all(cx: &RuleContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    run_reading(cx, None, &mut out);
    for group in ClaimGroup::ALL {
        run_reading(cx, Some(group), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_specific_finding_on_the_same_words_supersedes_a_general_one() {
        use crate::span::Span;
        let general =
            |start, end| Diagnostic::new(RuleId::NameConsistency, Span::new(start, end), "g");
        let mut found = vec![
            Diagnostic::new(RuleId::FactName, Span::new(10, 26), "specific"),
            general(15, 26),
            general(40, 51),
        ];
        drop_superseded(&mut found);
        let left: Vec<(RuleId, usize)> = found.iter().map(|d| (d.rule, d.span.start)).collect();
        assert_eq!(
            left,
            [(RuleId::FactName, 10), (RuleId::NameConsistency, 40)]
        );
    }

    #[test]
    fn table_order_matches_variants() {
        for (index, meta) in METAS.iter().enumerate() {
            assert_eq!(meta.id as usize, index, "{}", meta.name);
        }
    }

    #[test]
    fn names_and_codes_are_unique_and_resolve() {
        for meta in METAS {
            assert_eq!(RuleId::from_name_or_code(meta.name), Some(meta.id));
            assert_eq!(RuleId::from_name_or_code(meta.code), Some(meta.id));
        }
    }

    #[test]
    fn suggests_the_nearest_name() {
        assert_eq!(RuleId::suggest("date-weekdy"), Some("date-weekday"));
        assert_eq!(RuleId::suggest("zzzzzzzzzzzzzzzz"), None);
    }
}
