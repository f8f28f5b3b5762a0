//! The rule registry: every rule's id, code, name, default severity and documentation, on one
//! line each. A leaf: it names no other layer, so configuration, findings, suppressions and
//! every output can name rules without depending on the checks (the `rules` module).

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context worth knowing; shown with `--verbose`.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The lowercase name, as the outputs and the config write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Static description of a rule: what `factlint rules` lists and `explain` prints.
#[derive(Debug)]
pub struct RuleMeta {
    /// The rule.
    pub id: RuleId,
    /// The stable code (`FL001`).
    pub code: &'static str,
    /// The name (`date-weekday`).
    pub name: &'static str,
    /// The severity before configuration.
    pub default_severity: Severity,
    /// One line on what it checks.
    pub summary: &'static str,
    /// The rule's documentation (Markdown): What it checks, Why, Example, Fix, Fact base.
    pub doc: &'static str,
    /// Whether the rule can offer a fix.
    pub fixable: bool,
}

/// The one table of rules, handed to the macro `$then`: the registry below builds [`RuleId`]
/// and its metadata from it, the `rules` module the dispatch to each rule's `check`.
macro_rules! rule_table {
    ($then:ident) => {
        // One line per rule: variant => code, name, default severity, fixable, module, summary.
        $then! {
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
    };
}
pub(crate) use rule_table;

macro_rules! define_registry {
    ($( $variant:ident => $code:literal, $name:literal, $severity:ident, $fixable:literal, $module:ident, $summary:literal; )*) => {
        /// Every rule, with its stable code and name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId { $( #[doc = $summary] $variant, )* }

        static METAS: &[RuleMeta] = &[ $(
            RuleMeta {
                id: RuleId::$variant,
                code: $code,
                name: $name,
                default_severity: Severity::$severity,
                summary: $summary,
                doc: include_str!(concat!("rules/", stringify!($module), ".md")),
                fixable: $fixable,
            },
        )* ];

        impl RuleId {
            /// Every rule, in registry order.
            pub const ALL: &'static [RuleId] = &[ $( RuleId::$variant, )* ];
        }
    };
}
rule_table!(define_registry);

impl RuleId {
    /// The rule's description.
    pub fn meta(self) -> &'static RuleMeta {
        &METAS[self as usize]
    }

    /// The rule's name (`date-weekday`).
    pub fn name(self) -> &'static str {
        self.meta().name
    }

    /// The rule's code (`FL001`).
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

/// Every rule's description, in registry order.
pub fn all_metas() -> &'static [RuleMeta] {
    METAS
}

impl RuleMeta {
    /// Where the rule's documentation is published, when the package names its repository:
    /// the SARIF rule descriptor's help link and the editor's link on a finding.
    pub fn doc_url(&self) -> Option<String> {
        let repository = env!("CARGO_PKG_REPOSITORY").trim_end_matches('/');
        (!repository.is_empty()).then(|| {
            format!(
                "{repository}/blob/main/src/rules/{}.md",
                self.name.replace('-', "_")
            )
        })
    }

    /// The text of a `## Heading` section of the rule's documentation.
    pub fn doc_section(&self, heading: &str) -> Option<&'static str> {
        doc_section(self.doc, heading)
    }
}

/// The text of a `## Heading` section of a rule's documentation.
pub fn doc_section<'d>(doc: &'d str, heading: &str) -> Option<&'d str> {
    let marker = format!("## {heading}");
    let start = doc.find(&marker)? + marker.len();
    let rest = &doc[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn doc_sections_are_found_by_heading() {
        let doc = "# x\n\n## What it checks\nA thing.\n\n## Why it matters\nBecause.\n";
        assert_eq!(doc_section(doc, "What it checks"), Some("A thing."));
        assert_eq!(doc_section(doc, "Why it matters"), Some("Because."));
        assert_eq!(doc_section(doc, "Fix"), None);
    }

    #[test]
    fn suggests_the_nearest_name() {
        assert_eq!(RuleId::suggest("date-weekdy"), Some("date-weekday"));
        assert_eq!(RuleId::suggest("zzzzzzzzzzzzzzzz"), None);
    }
}
