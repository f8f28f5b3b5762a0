//! `fact-place` (FL701): a city called a country's capital that the fact base contradicts.

use super::report;
use super::{RuleContext, RuleId};
use crate::claims::mention::{CapitalClaim, Mention, Period};
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::judge::{self, CapitalEvidence, Trust, Verdict};
use crate::facts::{Capital, CapitalRole, Interval};
use crate::span::Span;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    let claims: Vec<(&Mention, &CapitalClaim)> = cx
        .claims
        .mentions
        .iter()
        .filter_map(|m| m.as_capital().map(|claim| (m, claim)))
        .collect();
    let dates = cx.article.judgement_dates();
    let mut unjudged: Option<(Span, usize)> = None;
    'claims: for (mention, claim) in claims {
        let Some(periods) = claim.time.periods(dates) else {
            if dates.is_empty() {
                unjudged.get_or_insert((mention.span, 0)).1 += 1;
            } else {
                let what = format!("{} as a capital", claim.city);
                out.push(report::other_time(RuleId::FactPlace, mention.span, &what));
            }
            continue;
        };
        let bounds = judge::capital_bounds(facts, &claim.countries);
        let mut evidence: Option<CapitalEvidence> = None;
        let mut trust = Trust::Certain;
        for period in &periods {
            let checkpoints = period.checkpoints(bounds.iter().copied());
            match judge::throughout(&checkpoints, |date| {
                judge::capital(facts, &claim.countries, &claim.city, date)
            }) {
                Verdict::False {
                    evidence: found,
                    trust: t,
                } => {
                    trust = trust.max(t);
                    evidence.get_or_insert(found);
                }
                Verdict::Holds | Verdict::Unknown => continue 'claims,
            }
        }
        let Some(evidence) = evidence else {
            continue;
        };
        if claim.ambiguous {
            // "the Georgian capital Atlanta": the name may mean something the fact base
            // does not hold.
            out.push(
                Diagnostic::new(
                    RuleId::FactPlace,
                    claim.city_span,
                    format!(
                        "not checked: \"{}\" may name more than one place",
                        facts.entity(evidence.country).name
                    ),
                )
                .with_severity(Severity::Info),
            );
            continue;
        }
        out.push(finding(cx, claim, &periods, &evidence, trust));
    }
    if let Some((span, count)) = unjudged {
        out.push(report::unjudged(RuleId::FactPlace, span, count, "capital"));
    }
}

fn finding(
    cx: &RuleContext<FactGroup>,
    claim: &CapitalClaim,
    periods: &[Period],
    evidence: &CapitalEvidence,
    trust: Trust,
) -> Diagnostic {
    let facts = &cx.settings.facts;
    let country = &facts.entity(evidence.country).name;
    let capitals: Vec<&str> = evidence.capitals.iter().map(|c| c.city.as_str()).collect();
    let on = report::on(periods);
    let capital_list = if capitals.is_empty() {
        "another city".to_string()
    } else {
        capitals.join(" and ")
    };
    let (message, mut severity) = match evidence.other_role {
        Some(row) => {
            let role = match row.role {
                CapitalRole::SeatOfGovernment => "the seat of government",
                CapitalRole::EconomicCapital => "the economic capital",
                CapitalRole::Capital => "a capital",
            };
            (
                format!(
                    "{} is {role} of {country}, not its capital ({capital_list}) {on}",
                    claim.city
                ),
                Severity::Warning,
            )
        }
        None => (
            format!(
                "the capital of {country} {on} was {capital_list}, not {}",
                claim.city
            ),
            Severity::Error,
        ),
    };
    let mut rows: Vec<&Capital> = evidence.capitals.clone();
    rows.extend(evidence.other_role);
    let mut help = rows
        .iter()
        .map(|row| {
            let valid = if row.valid == Interval::default() {
                "with no change recorded".to_string()
            } else {
                row.valid.to_string()
            };
            format!(
                "{}: {} {valid} (source: {})",
                row.city,
                match row.role {
                    CapitalRole::Capital => "capital",
                    CapitalRole::SeatOfGovernment => "seat of government",
                    CapitalRole::EconomicCapital => "economic capital",
                },
                row.provenance.source
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(former) = facts
        .capitals_of(evidence.country)
        .find(|row| row.is_named(&claim.city) && row.valid.until.is_some())
    {
        help.push_str(&format!(
            "\n{} was the capital {}",
            former.city, former.valid
        ));
    }
    help.push('\n');
    help.push_str(&report::judged_as_of_periods(cx.article, periods));
    if let Some(caveat) = trust.caveat() {
        severity = Severity::Warning;
        help.push_str(&format!("\nonly a warning: {caveat}"));
    }
    let sources: Vec<&str> = rows
        .iter()
        .map(|row| row.provenance.source.as_str())
        .collect();
    Diagnostic::new(RuleId::FactPlace, claim.city_span, message)
        .with_severity(severity)
        .with_help(help)
        .with_source(sources.join("; "))
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::test_kit::{assert_fires, assert_silent, severities};
    use crate::rules::RuleId;

    const NOV_2022: &str = "---\ndate: 2022-11-30\n---\n";

    #[test]
    fn a_wrong_capital_fires() {
        for (phrase, city) in [
            ("They met in the Turkish capital Istanbul.", "Istanbul"),
            ("Chișinău, the capital of Romania, hosted it.", "Chișinău"),
            ("They met in Moldova's capital, Bucharest.", "Bucharest"),
        ] {
            assert_fires(RuleId::FactPlace, &format!("{NOV_2022}{phrase}\n"), city);
        }
    }

    #[test]
    fn right_capitals_and_other_senses_stay_silent() {
        for phrase in [
            "They met in the Romanian capital Bucharest.",
            "Chișinău, the capital of Moldova, hosted it.",
            "They met in the Moldovan capital, Chisinau.",
            "Bucharest, the Romanian capital, hosted it.",
            "The former Turkish capital Istanbul hosted it.",
            "The Romanian capital market grew.",
            "Protests in the Ukrainian capital Monday.",
            "The Turkish economic capital Istanbul hosted it.",
            "They met in the Georgian capital Atlanta.",
        ] {
            assert_silent(RuleId::FactPlace, &format!("{NOV_2022}{phrase}\n"));
        }
    }

    #[test]
    fn a_seat_of_government_or_a_disputed_capital_only_warns() {
        let text = format!("{NOV_2022}They met in the Dutch capital The Hague.\n");
        assert_eq!(
            severities(RuleId::FactPlace, &text),
            vec![Severity::Warning]
        );
        let text = format!("{NOV_2022}They met in the Israeli capital Tel Aviv.\n");
        assert_eq!(
            severities(RuleId::FactPlace, &text),
            vec![Severity::Warning]
        );
    }
}
