//! Narrowing an inferred publication date by the article's claims: a candidate date under
//! which a claim is certainly false is dropped, and of the rest the ones where the fact base
//! confirms the most claims are kept.

use chrono::NaiveDate;

use super::ArticleContext;
use crate::claims::Claims;
use crate::facts::judge::{capital, member_count, office_holder, Verdict};
use crate::facts::FactBase;

impl ArticleContext {
    /// Narrow the inferred candidates by what the fact base says of `claims` on each (see
    /// [`ArticleContext::narrow_by_facts`]).
    pub fn narrow_by_claims(&mut self, facts: &FactBase, claims: &Claims) {
        self.narrow_by_facts(|date| {
            (
                !claims_hold(facts, claims, date),
                claims_confirmed(facts, claims, date),
            )
        });
    }
}

/// Whether no claim of the article is certainly false on `date` (used to narrow an
/// uncertain publication date to the candidates the facts allow). Claims its sentence
/// dates do not depend on the publication date and are left out.
fn claims_hold(base: &FactBase, claims: &Claims, date: NaiveDate) -> bool {
    claim_verdicts(base, claims, date).all(|verdict| verdict != Judged::False)
}

/// How many of the article's claims the fact base confirms on `date` (positive evidence
/// for a candidate publication date; a claim it cannot judge is no evidence).
fn claims_confirmed(base: &FactBase, claims: &Claims, date: NaiveDate) -> usize {
    claim_verdicts(base, claims, date)
        .filter(|&verdict| verdict == Judged::Holds)
        .count()
}

/// One claim's verdict on a candidate publication date, stripped of its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Judged {
    Holds,
    Unknown,
    /// Certainly false.
    False,
}

impl Judged {
    fn of<T>(verdict: &Verdict<T>) -> Judged {
        match verdict {
            Verdict::Holds => Judged::Holds,
            Verdict::Unknown => Judged::Unknown,
            verdict if verdict.is_certainly_false() => Judged::False,
            Verdict::False { .. } => Judged::Unknown,
        }
    }
}

fn claim_verdicts<'c>(
    base: &'c FactBase,
    claims: &'c Claims,
    date: NaiveDate,
) -> impl Iterator<Item = Judged> + 'c {
    let counts = claims
        .counts
        .iter()
        .filter(|claim| claim.time.follows_publication())
        .map(move |claim| Judged::of(&member_count(base, claim.entity, claim.value, date)));
    let mentions = claims.mentions.iter().filter_map(move |mention| {
        if let Some(claim) = mention.as_office() {
            (claim.explicit && claim.time.follows_publication())
                .then(|| Judged::of(&office_holder(base, &claim.offices, claim.person, date)))
        } else if let Some(claim) = mention.as_capital() {
            (!claim.ambiguous && claim.time.follows_publication())
                .then(|| Judged::of(&capital(base, &claim.countries, &claim.city, date)))
        } else {
            None
        }
    });
    counts.chain(mentions)
}
