//! `fact-office` (FL501): a title given to someone who did not hold it on the article's date.

use std::collections::HashSet;

use super::report;
use super::{RuleContext, RuleId};
use crate::claims::mention::{Mention, OfficeClaim, Period};
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::facts::judge::{self, Trust, Verdict};
use crate::facts::{FactBase, Term};
use crate::span::Span;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    let claims: Vec<(&Mention, &OfficeClaim)> = cx
        .claims
        .mentions
        .iter()
        .filter_map(|m| m.as_office().map(|claim| (m, claim)))
        .collect();
    let dates = cx.article.judgement_dates();
    // "The Secretary General" stands for someone already named: judged only when the article
    // never gives that person a title explicitly (otherwise that claim is the one to fix).
    let explicit: HashSet<_> = claims
        .iter()
        .filter(|(_, claim)| claim.explicit)
        .map(|(_, claim)| claim.person)
        .collect();
    let mut unjudged: Option<(Span, usize)> = None;
    'claims: for (mention, claim) in claims {
        if !claim.explicit && explicit.contains(&claim.person) {
            continue;
        }
        let Some(periods) = claim.time.periods(dates) else {
            if dates.is_empty() {
                unjudged.get_or_insert((mention.span, 0)).1 += 1;
            } else {
                let person = &facts.entity(claim.person).name;
                let office = &facts.office(claim.offices[0]).name;
                let what = format!("{person} as {office}");
                out.push(report::other_time(RuleId::FactOffice, mention.span, &what));
            }
            continue;
        };
        let bounds = judge::office_bounds(facts, &claim.offices);
        let mut holders: Vec<&Term> = Vec::new();
        let mut trust = Trust::Certain;
        let mut unknown = Vec::new();
        let mut judged = Vec::new();
        for period in &periods {
            let checkpoints = period.checkpoints(bounds.iter().copied());
            match judge::throughout(&checkpoints, |date| {
                judge::office_holder(facts, &claim.offices, claim.person, date)
            }) {
                Verdict::False {
                    evidence,
                    trust: found,
                } => {
                    holders.extend(evidence);
                    trust = trust.max(found);
                    judged.push(*period);
                }
                // With several candidate dates, one the fact base knows nothing about is
                // no evidence against the others.
                Verdict::Unknown if cx.article.is_uncertain() && period.anchored => {
                    unknown.push(period.from);
                }
                Verdict::Holds | Verdict::Unknown => continue 'claims,
            }
        }
        if holders.is_empty() {
            continue;
        }
        let mut diagnostic = finding(cx, facts, mention, claim, &judged, &holders, trust);
        if !unknown.is_empty() {
            diagnostic = report::partly_unknown(diagnostic, &unknown);
        }
        out.push(diagnostic);
    }
    if let Some((span, count)) = unjudged {
        out.push(report::unjudged(RuleId::FactOffice, span, count, "office"));
    }
}

fn finding(
    cx: &RuleContext<FactGroup>,
    facts: &FactBase,
    mention: &Mention,
    claim: &OfficeClaim,
    periods: &[Period],
    holders: &[&Term],
    trust: Trust,
) -> Diagnostic {
    let person = &facts.entity(claim.person).name;
    let office = facts.office(holders[0].office);
    let holder = holders[0];
    let message = format!(
        "{person} was not {} {}: {} held it ({})",
        office.name,
        report::on(periods),
        facts.entity(holder.holder).name,
        holder.valid
    );
    let own: Vec<&Term> = facts
        .terms_of_holder(claim.person)
        .filter(|term| claim.offices.contains(&term.office))
        .collect();
    let latest = periods.iter().map(|p| p.from).max();
    let held_before = !own.is_empty()
        && own
            .iter()
            .all(|term| term.valid.until.is_some_and(|until| Some(until) <= latest));
    let mut help = if own.is_empty() {
        format!("the fact base has no term of {person} as {}", office.name)
    } else {
        let terms: Vec<String> = own.iter().map(|term| term.valid.to_string()).collect();
        format!("{person} held the office {}", terms.join(" and "))
    };
    if held_before {
        help.push_str("; if the article means the former holder, write \"former\"");
    }
    help.push('\n');
    help.push_str(&report::judged_as_of_periods(cx.article, periods));
    let mut sources: Vec<&str> = holders
        .iter()
        .chain(own.iter())
        .map(|term| term.provenance.source.as_str())
        .collect();
    sources.dedup();
    let mut diagnostic = Diagnostic::new(RuleId::FactOffice, claim.person_span, message)
        .with_label(claim.title_span, "this title")
        .with_source(sources.join("; "));
    if let Some(caveat) = trust.caveat() {
        diagnostic = diagnostic.with_severity(Severity::Warning);
        help.push_str(&format!("\nonly a warning: {caveat}"));
    }
    if held_before && claim.explicit {
        diagnostic = diagnostic.with_fix(former_fix(cx, mention, claim.former_at));
    }
    diagnostic.with_help(help)
}

/// Insert "former" before the title ("Former" at the start of a sentence).
fn former_fix(cx: &RuleContext<FactGroup>, mention: &Mention, at: usize) -> Fix {
    let block = &cx.doc.blocks[mention.block];
    let sentence = block.sentence_at(mention.range.start);
    let sentence_start = block.span_of(sentence.start..sentence.start).start;
    let word = if at == sentence_start {
        "Former "
    } else {
        "former "
    };
    Fix::unsafe_edit(
        "Write \"former\" before the title",
        vec![Edit::replace(Span::new(at, at), word)],
    )
}

#[cfg(test)]
mod tests {
    use crate::rules::test_kit::{assert_fires, assert_silent, findings};
    use crate::rules::RuleId;

    const DEC_2024: &str = "---\ndate: 2024-12-01\n---\n";
    const NOV_2022: &str = "---\ndate: 2022-11-30\n---\n";

    #[test]
    fn a_former_holder_given_the_title_fires() {
        let text = format!("{DEC_2024}NATO Secretary-General Jens Stoltenberg spoke.\n");
        assert_fires(RuleId::FactOffice, &text, "Jens Stoltenberg");
        let text = format!("{DEC_2024}They met Ukrainian Foreign Minister Dmytro Kuleba.\n");
        assert_fires(RuleId::FactOffice, &text, "Dmytro Kuleba");
        let text = format!("{DEC_2024}Dmytro Kuleba, Ukraine's foreign minister, spoke.\n");
        assert_fires(RuleId::FactOffice, &text, "Dmytro Kuleba");
    }

    #[test]
    fn the_holder_of_the_day_stays_silent() {
        for phrase in [
            "NATO Secretary-General Jens Stoltenberg spoke.",
            "They met Romania's President Klaus Iohannis.",
            "They met Ukrainian Foreign Minister Dmytro Kuleba.",
            "Jens Stoltenberg, NATO's secretary general, spoke.",
            "Stoltenberg spoke. The Secretary General also said more.",
        ] {
            assert_silent(RuleId::FactOffice, &format!("{NOV_2022}{phrase}\n"));
        }
    }

    #[test]
    fn qualified_or_unknown_titles_claim_nothing() {
        for phrase in [
            "Former NATO Secretary General Jens Stoltenberg spoke.",
            "Then-Secretary General Jens Stoltenberg spoke.",
            "In 2014, Secretary General Anders Fogh Rasmussen spoke.",
            "Senate President Crin Antonescu spoke.",
            "Polish President Klaus Iohannis spoke.",
            "The prime minister met Jens Stoltenberg.",
        ] {
            assert_silent(RuleId::FactOffice, &format!("{DEC_2024}{phrase}\n"));
        }
    }

    #[test]
    fn unconfirmed_handovers_only_warn() {
        let text = "---\ndate: 2023-07-01\n---\nTurkish Foreign Minister Mevlüt Çavuşoğlu spoke.\n";
        assert_eq!(findings(RuleId::FactOffice, text), vec!["Mevlüt Çavuşoğlu"]);
        let report = crate::rules::test_kit::severities(RuleId::FactOffice, text);
        assert_eq!(report, vec![crate::diagnostic::Severity::Warning]);
    }

    #[test]
    fn an_unknown_date_is_not_judged() {
        assert_silent(
            RuleId::FactOffice,
            "NATO Secretary-General Jens Stoltenberg spoke.\n",
        );
    }
}
