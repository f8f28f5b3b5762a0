//! `fact-count` (FL202): a member count that the fact base contradicts on the article's date.

use super::report;
use super::{RuleContext, RuleId};
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::judge::{self, Trust, Verdict};
use crate::facts::MemberCount;
use crate::span::Span;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    let dates = cx.article.judgement_dates();
    let mut unjudged: Option<(Span, usize)> = None;
    'claims: for claim in cx
        .claims
        .counts
        .iter()
        .filter(|claim| facts.has_member_count(claim.entity))
    {
        let name = &facts.entity(claim.entity).name;
        let Some(periods) = claim.time.periods(dates) else {
            if dates.is_empty() {
                unjudged.get_or_insert((claim.span, 0)).1 += 1;
            } else {
                let what = format!("count of {name}");
                out.push(report::other_time(RuleId::FactCount, claim.span, &what));
            }
            continue;
        };
        let bounds = judge::member_count_bounds(facts, claim.entity);
        let mut actual: Vec<(&MemberCount, Trust)> = Vec::new();
        let mut unknown = Vec::new();
        let mut judged = Vec::new();
        for period in &periods {
            let checkpoints = period.checkpoints(bounds.iter().copied());
            match judge::throughout(&checkpoints, |date| {
                judge::member_count(facts, claim.entity, claim.value, date)
            }) {
                Verdict::False { evidence, trust } => {
                    actual.push((evidence, trust));
                    judged.push(*period);
                }
                Verdict::Unknown if cx.article.is_uncertain() && period.anchored => {
                    unknown.push(period.from);
                }
                Verdict::Holds | Verdict::Unknown => continue 'claims,
            }
        }
        if actual.is_empty() {
            continue;
        }
        let periods = judged;
        let (fact, _) = actual[0];
        let trust = actual
            .iter()
            .map(|(_, t)| *t)
            .max()
            .unwrap_or(Trust::Certain);
        let message = if periods.len() == 1 && actual.iter().all(|(f, _)| f.value == fact.value) {
            format!(
                "{name} had {} members {}, not {}",
                fact.value,
                report::on(&periods),
                claim.value
            )
        } else {
            format!(
                "{name} did not have {} members {}",
                claim.value,
                report::on(&periods)
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
        help.push('\n');
        help.push_str(&report::judged_as_of_periods(cx.article, &periods));
        let mut diagnostic = Diagnostic::new(RuleId::FactCount, claim.span, message)
            .with_label(claim.number_span, "this count")
            .with_source(fact.provenance.source.clone());
        if let Some(caveat) = trust.caveat() {
            diagnostic = diagnostic.with_severity(Severity::Warning);
            help.push_str(&format!("\nonly a warning: {caveat}"));
        }
        diagnostic = diagnostic.with_help(help);
        if !unknown.is_empty() {
            diagnostic = report::partly_unknown(diagnostic, &unknown);
        }
        if let Some(from) = departure_pending(facts, claim.entity, claim.value, fact, &periods) {
            // "the 27 EU countries" while Britain was leaving: the count that leaves out a
            // departing member, not a stale total.
            let help = format!(
                "{}\nonly informational: {name} had {} members from {from}, within {} years; \
                 the count may leave out a member that was leaving",
                diagnostic.help.as_deref().unwrap_or_default(),
                claim.value,
                DEPARTURE_YEARS
            );
            diagnostic = diagnostic.with_severity(Severity::Info).with_help(help);
        }
        out.push(diagnostic);
    }
    if let Some((span, count)) = unjudged {
        out.push(report::unjudged(RuleId::FactCount, span, count, "count"));
    }
}

/// How far ahead a smaller count may be written before members leave: Britain gave notice
/// of its departure from the EU (2017-03-29) under three years before it took effect
/// (2020-01-31); "the 27" of May 2016, before the referendum, was still a stale count.
const DEPARTURE_YEARS: u32 = 3;

/// When the organisation came down to `claimed` members within [`DEPARTURE_YEARS`] after the
/// judged time (a count below the one judged `fact`): the first day of that count.
fn departure_pending(
    facts: &crate::facts::FactBase,
    entity: crate::facts::EntityId,
    claimed: u32,
    fact: &MemberCount,
    periods: &[crate::claims::mention::Period],
) -> Option<chrono::NaiveDate> {
    if claimed >= fact.value {
        return None;
    }
    let judged = periods.iter().map(|period| period.from).max()?;
    let horizon = judged.checked_add_months(chrono::Months::new(12 * DEPARTURE_YEARS))?;
    facts
        .member_counts_of(entity)
        .filter(|count| count.value == claimed)
        .filter_map(|count| count.valid.from)
        .find(|&from| judged < from && from <= horizon)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_kit::{assert_fires, assert_silent};
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
    fn a_count_without_a_departing_member_is_only_informational() {
        use crate::diagnostic::Severity;
        use crate::rules::test_kit::severities;
        // Britain left the EU on 2020-01-31; "the 27" was the EU without it.
        let text = "---\ndate: 2017-10-20\n---\nThe leaders of the 27 EU countries met.\n";
        assert_eq!(severities(RuleId::FactCount, text), [Severity::Info]);
        // Six years before the departure, or a count above the real one: an error.
        for text in [
            "---\ndate: 2013-10-20\n---\nThe leaders of the 27 EU countries met.\n",
            "---\ndate: 2017-10-20\n---\nThe leaders of the 29 EU countries met.\n",
        ] {
            assert_eq!(
                severities(RuleId::FactCount, text),
                [Severity::Error],
                "{text}"
            );
        }
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
