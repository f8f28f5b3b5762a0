//! `fact-count` (FL202): a member count that the fact base contradicts on the article's date.

use super::{RuleContext, RuleId};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::judge::{self, Trust, Verdict};
use crate::facts::{report, MemberCount};

pub fn check(cx: &RuleContext, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    let claims: Vec<_> = cx
        .claims
        .counts
        .iter()
        .filter(|claim| facts.has_member_count(claim.entity))
        .collect();
    let Some(first) = claims.first() else {
        return;
    };
    let dates = cx.article.judgement_dates();
    if dates.is_empty() {
        out.push(report::unjudged(
            RuleId::FactCount,
            first.span,
            claims.len(),
            "count",
        ));
        return;
    }
    'claims: for claim in claims {
        let name = &facts.entity(claim.entity).name;
        if !dates.iter().all(|&date| claim.time.speaks_of(date)) {
            let what = format!("count of {name}");
            out.push(report::other_time(RuleId::FactCount, claim.span, &what));
            continue;
        }
        let mut actual: Vec<(&MemberCount, Trust)> = Vec::new();
        for &date in dates {
            match judge::member_count(facts, claim.entity, claim.value, date) {
                Verdict::False { evidence, trust } => actual.push((evidence, trust)),
                Verdict::Holds | Verdict::Unknown => continue 'claims,
            }
        }
        let (fact, _) = actual[0];
        let trust = actual
            .iter()
            .map(|(_, t)| *t)
            .max()
            .unwrap_or(Trust::Certain);
        let message = if dates.len() == 1 {
            format!(
                "{name} had {} members on {}, not {}",
                fact.value, dates[0], claim.value
            )
        } else {
            format!(
                "{name} did not have {} members on any date the article may have been published ({})",
                claim.value,
                report::list(dates)
            )
        };
        let mut help = format!(
            "{name} had {} members {} (source: {})",
            fact.value, fact.valid, fact.provenance.source
        );
        let when_true: Vec<String> = facts
            .member_counts_of(claim.entity)
            .filter(|count| count.value == claim.value)
            .map(|count| format!("{} (source: {})", count.valid, count.provenance.source))
            .collect();
        if when_true.is_empty() {
            help.push_str(&format!(
                "; the fact base knows no time when it had {}",
                claim.value
            ));
        } else {
            help.push_str(&format!(
                "; it had {} members {}",
                claim.value,
                when_true.join(" and ")
            ));
        }
        help.push_str(&format!(
            "\njudged as of {}",
            report::judged_as_of(cx.article)
        ));
        let mut diagnostic = Diagnostic::new(RuleId::FactCount, claim.span, message)
            .with_label(claim.number_span, "this count")
            .with_source(fact.provenance.source.clone());
        if let Some(caveat) = trust.caveat() {
            diagnostic = diagnostic.with_severity(Severity::Warning);
            help.push_str(&format!("\nonly a warning: {caveat}"));
        }
        out.push(diagnostic.with_help(help));
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::report::test_support::{assert_fires, assert_silent};
    use crate::rules::RuleId;

    #[test]
    fn a_stale_total_fires() {
        assert_fires(
            RuleId::FactCount,
            "---\ndate: 2024-12-01\n---\nMinisters of the 30 NATO allies met.\n",
            "the 30 NATO allies",
        );
    }

    #[test]
    fn the_right_total_and_other_times_stay_silent() {
        assert_silent(
            RuleId::FactCount,
            "---\ndate: 2022-11-30\n---\nMinisters of the 30 NATO allies met.\n",
        );
        assert_silent(
            RuleId::FactCount,
            "---\ndate: 2024-12-01\n---\nIn 2008 the 26 NATO allies met in Bucharest.\n",
        );
        assert_silent(RuleId::FactCount, "Ministers of the 30 NATO allies met.\n");
    }
}
