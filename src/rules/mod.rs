//! The checks. One file per rule (`date_weekday.rs` + `date_weekday.md`), registered here.
//! Not to be confused with the top-level `rules/` folder, which holds data.

use crate::article::ArticleContext;
use crate::claims::{ClaimGroup, ClaimView, Claims};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::settings::Settings;

/// The registry, named here too for the library's users (`factlint::rules::RuleId`).
pub use crate::registry::RuleId;

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
mod report;
mod spelling_consistency;
#[cfg(test)]
mod test_kit;
mod unused_suppression;

/// Everything a rule may read. Rules never parse, print or touch the file system. `C` is the
/// rule's view of the claims ([`ClaimView`]): the one group it reads, or none. The pipeline
/// holds every group it runs rules of in a [`Claims`] (`C = &Claims`).
pub struct RuleContext<'a, C> {
    pub doc: &'a Document<'a>,
    pub claims: C,
    pub article: &'a ArticleContext,
    pub settings: &'a Settings,
}

/// A rule's `check`, given the view of the claims it reads.
type Check<'a, C> = fn(&RuleContext<'a, C>, &mut Vec<Diagnostic>);

/// The group a `check` reads: the one its view shows.
fn group_of<'a, C: ClaimView<'a>>(_: Check<'a, C>) -> Option<ClaimGroup> {
    C::GROUP
}

/// Run a `check` on its view of the held claims.
fn run_check<'a, C: ClaimView<'a>>(
    check: Check<'a, C>,
    cx: &RuleContext<'a, &'a Claims>,
    out: &mut Vec<Diagnostic>,
) {
    let cx = RuleContext {
        doc: cx.doc,
        claims: C::of(cx.claims),
        article: cx.article,
        settings: cx.settings,
    };
    check(&cx, out);
}

/// Dispatch to each rule's `check`, built from the registry's one-line table. The group a
/// rule is run with is read off its `check`'s signature, so the two cannot disagree.
macro_rules! define_checks {
    ($( $variant:ident => $code:literal, $name:literal, $severity:ident, $fixable:literal, $module:ident, $summary:literal; )*) => {
        impl RuleId {
            /// The group of claims the rule reads, if any: the pipeline runs the rule while
            /// that group is held (see [`ClaimGroup`]).
            pub(crate) fn reads(self) -> Option<ClaimGroup> {
                match self { $( RuleId::$variant => group_of($module::check), )* }
            }

            fn check<'a>(self, cx: &RuleContext<'a, &'a Claims>, out: &mut Vec<Diagnostic>) {
                match self { $( RuleId::$variant => run_check($module::check, cx, out), )* }
            }
        }
    };
}
crate::registry::rule_table!(define_checks);

/// Run every enabled rule that reads `group` (or no claims, for `None`) over one article.
pub fn run_reading<'a>(
    cx: &RuleContext<'a, &'a Claims>,
    group: Option<ClaimGroup>,
    out: &mut Vec<Diagnostic>,
) {
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

/// Run every enabled rule over one article whose claims are all held: the plain form the
/// staged pipeline is tested against.
#[cfg(test)]
pub fn run_all<'a>(cx: &RuleContext<'a, &'a Claims>) -> Vec<Diagnostic> {
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
}
