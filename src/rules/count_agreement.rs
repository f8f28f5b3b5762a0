//! `count-agreement` (FL201): the same organisation's member count stated differently in one
//! article, in the same time context.

use std::collections::HashMap;

use super::{RuleContext, RuleId};
use crate::claims::count::{CountClaim, CountKind};
use crate::claims::mention::TimeContext;
use crate::claims::FactGroup;
use crate::diagnostic::Diagnostic;
use crate::facts::judge::{self, Verdict};
use crate::facts::EntityId;

/// One organisation, one time context and, when its countries and its members differ, one
/// kind of count.
type Key = (EntityId, TimeContext, Option<CountKind>);

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    // Counts of one organisation in one time context; "then" and changes over time
    // ("bringing the total to 28") are never compared.
    // An organisation with members that are organisations (the G20: 19 countries, the EU and
    // the African Union) has two counts, of its countries and of all its members: only counts
    // of one kind are compared, and one of unknown kind ("allies") is compared with neither.
    let mut split: HashMap<EntityId, bool> = HashMap::new();
    let mut groups: HashMap<Key, Vec<&CountClaim>> = HashMap::new();
    for claim in cx.claims.counts {
        if claim.time == TimeContext::Other {
            continue;
        }
        let kind = split
            .entry(claim.entity)
            .or_insert_with(|| judge::has_organisation_members(&cx.settings.facts, claim.entity))
            .then(|| claim.kind());
        if kind == Some(CountKind::Unknown) {
            continue;
        }
        groups
            .entry((claim.entity, claim.time.agreement_key(), kind))
            .or_default()
            .push(claim);
    }
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort_by_key(|key| groups[key][0].span.start);
    for key in keys {
        let claims = &groups[&key];
        let Some(reference) = reference_value(cx, claims) else {
            continue;
        };
        let Some(witness) = claims.iter().find(|c| c.value == reference) else {
            continue;
        };
        let name = &cx.settings.facts.entity(key.0).name;
        let what = match key.2 {
            Some(CountKind::Countries) => "member countries",
            _ => "members",
        };
        for claim in claims.iter().filter(|c| c.value != reference) {
            // A count far from the others counts a subset ("the five allies that ...").
            let (low, high) = (claim.value.min(reference), claim.value.max(reference));
            if low * 2 < high {
                continue;
            }
            let line = cx.doc.line_of(witness.span.start);
            out.push(
                Diagnostic::new(
                    RuleId::CountAgreement,
                    claim.span,
                    format!(
                        "{name} is given {} {what} here but {reference} on line {line}",
                        claim.value
                    ),
                )
                .with_label(claim.number_span, "this count")
                .with_label(witness.span, format!("{reference} here"))
                .with_help(format!(
                    "state one member count for {name} throughout, or say which time each count is for"
                )),
            );
        }
    }
}

/// The count the others are measured against: the one stated most often; on a tie, the one
/// the fact base confirms on the article's date, else the first stated.
fn reference_value(cx: &RuleContext<FactGroup>, claims: &[&CountClaim]) -> Option<u32> {
    let mut tally: Vec<(u32, usize)> = Vec::new();
    for claim in claims {
        match tally.iter_mut().find(|(value, _)| *value == claim.value) {
            Some((_, count)) => *count += 1,
            None => tally.push((claim.value, 1)),
        }
    }
    if tally.len() < 2 {
        return None;
    }
    let most = tally.iter().map(|(_, count)| *count).max()?;
    let leaders: Vec<u32> = tally
        .iter()
        .filter(|(_, count)| *count == most)
        .map(|(value, _)| *value)
        .collect();
    if let [only] = leaders.as_slice() {
        return Some(*only);
    }
    let dates = cx.article.judgement_dates();
    let entity = claims[0].entity;
    let confirmed = leaders.iter().copied().find(|&value| {
        !dates.is_empty()
            && dates.iter().all(|&date| {
                judge::member_count(&cx.settings.facts, entity, value, date) == Verdict::Holds
            })
    });
    confirmed.or(leaders.first().copied())
}

#[cfg(test)]
mod tests {
    use crate::rules::test_kit::{assert_fires, assert_silent};
    use crate::rules::RuleId;

    #[test]
    fn two_counts_of_the_same_members_disagree() {
        let text = "---\ndate: 2022-11-30\n---\nThe ministers of the 31 NATO allies met.\n\nUnanimous consent of all 30 existing allied countries is required.\n";
        assert_fires(RuleId::CountAgreement, text, "the 31 NATO allies");
        let text =
            "NATO's 30 members met.\n\nThe 28 NATO allies agreed.\n\nAll 30 allies signed.\n";
        assert_fires(RuleId::CountAgreement, text, "The 28 NATO allies");
    }

    #[test]
    fn counts_of_other_times_do_not_disagree() {
        for text in [
            "At the time the 26 NATO allies met in Bucharest. Albania and Croatia joined later, bringing the total to 28.\n\nNATO's 28 members agreed.\n",
            "In 2008 the 26 NATO allies met.\n\nIn 2009 the 28 NATO allies met.\n",
            "NATO's 30 members met.\n\nNATO now has 32 members: all 32 allies signed.\n",
            "NATO's 30 members met.\n\nThe EU's 27 members met.\n",
        ] {
            assert_silent(RuleId::CountAgreement, text);
        }
    }

    #[test]
    fn counts_of_countries_and_of_members_differ_when_organisations_are_members() {
        // The G20: 19 countries, the EU and (from 2023) the African Union.
        for text in [
            "The 19 G20 countries met.\n\nThe G20's 20 members agreed.\n",
            "The G20's 19 nations met.\n\nThe G20's 21 members agreed.\n",
            "The 19 G20 member countries met.\n\nAll 20 G20 members agreed.\n",
            "The G20's 19 states met.\n\nThe 21-member G20 agreed.\n",
            // "allies" may count either: compared with neither.
            "The G20's 20 members met.\n\nThe 19 G20 allies agreed.\n",
        ] {
            assert_silent(RuleId::CountAgreement, text);
        }
        let text = "The 19 G20 countries met.\n\nThe G20's 21 members agreed.\n\nAll 20 G20 countries signed.\n";
        assert_fires(RuleId::CountAgreement, text, "All 20 G20 countries");
        let text = "The G20's 20 members met.\n\nThe 19 G20 countries agreed.\n\nThe G20's 21 members signed.\n";
        assert_fires(RuleId::CountAgreement, text, "G20's 21 members");
    }

    #[test]
    fn the_kind_of_count_does_not_matter_without_organisation_members() {
        // The EU has no organisation among its members: its countries are its members.
        let text = "The 27 EU countries met.\n\nThe EU's 28 members agreed.\n\nThe 27 EU member states signed.\n";
        assert_fires(RuleId::CountAgreement, text, "EU's 28 members");
        // The EU sits in the G7 without being counted: its seven members are its countries.
        let text = "The G7's 7 members met.\n\nThe 6 G7 countries agreed.\n";
        assert_fires(RuleId::CountAgreement, text, "The 6 G7 countries");
    }
}
