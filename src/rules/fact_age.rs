//! `fact-age` (FL504): a stated age ("Merkel, 67,", "the 67-year-old chancellor Angela
//! Merkel", "Merkel, aged 67") that disagrees with the person's birth date on the date judged.
//!
//! Judged on the publication date (on every candidate when it is uncertain), or in the year
//! the sentence names. An unconfirmed birth date, one known only to the month or year, or an
//! age off by one within a few days of the birthday gives at most a warning; a person who had
//! died by then is not judged (the age may be the age at death).

use chrono::{Datelike, NaiveDate};

use super::report;
use super::{RuleContext, RuleId};
use crate::claims::age::AgeClaim;
use crate::claims::mention::TimeContext;
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{BirthDate, Precision};

/// An age off by one this close to the birthday is at most a warning: the article may have
/// been written before it and published after it.
const BIRTHDAY_DAYS: i64 = 7;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    let claims = cx.claims.ages;
    let Some(first) = claims.first() else {
        return;
    };
    let candidates = cx.article.judgement_dates();
    if candidates.is_empty() {
        out.push(report::unjudged(
            RuleId::FactAge,
            first.age_span,
            claims.len(),
            "age",
        ));
        return;
    }
    'claims: for claim in claims {
        let Some(born) = facts.birth_date(claim.person) else {
            continue;
        };
        let dates: Vec<NaiveDate> = match claim.time {
            TimeContext::Unqualified | TimeContext::Now => candidates.to_vec(),
            TimeContext::Dated(dated) => {
                // Any day of the time the sentence names: its first and last bound the ages.
                match dated.when.period(None) {
                    Some(period) => {
                        vec![period.from, period.until.pred_opt().unwrap_or(period.from)]
                    }
                    None => continue,
                }
            }
            TimeContext::Other => continue,
        };
        let mut worst: Option<(NaiveDate, Vec<u32>, Severity)> = None;
        let mut holds_once = false;
        for &date in &dates {
            if facts
                .death_date(claim.person)
                .is_some_and(|died| died.0 <= date)
            {
                continue 'claims;
            }
            let ages = possible_ages(born, date);
            if ages.contains(&claim.age) {
                holds_once = true;
                continue;
            }
            let severity = severity(claim, born, date, &ages);
            worst = Some((date, ages, severity));
        }
        // A year or a set of candidate dates: the claim is false only if false on every one.
        if holds_once {
            continue;
        }
        if let Some((date, ages, severity)) = worst {
            out.push(finding(cx, claim, born, date, &ages, severity));
        }
    }
}

/// The ages a person born on `born` may be on `date`: one, or two when the birth date is
/// known only to the month or year.
fn possible_ages(born: BirthDate, date: NaiveDate) -> Vec<u32> {
    let (first, last) = match born.date.1 {
        Precision::Day => (born.date.0, born.date.0),
        Precision::Month => (
            born.date.0,
            born.date
                .0
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(born.date.0),
        ),
        Precision::Year => (
            born.date.0,
            NaiveDate::from_ymd_opt(born.date.0.year(), 12, 31).unwrap_or(born.date.0),
        ),
    };
    let mut ages: Vec<u32> = [age_on(last, date), age_on(first, date)]
        .into_iter()
        .flatten()
        .collect();
    ages.dedup();
    ages
}

/// Completed years from `born` to `date`.
fn age_on(born: NaiveDate, date: NaiveDate) -> Option<u32> {
    date.years_since(born)
}

fn severity(claim: &AgeClaim, born: BirthDate, date: NaiveDate, ages: &[u32]) -> Severity {
    if born.uncertain || born.date.1 != Precision::Day {
        return Severity::Warning;
    }
    let off_by_one = ages.iter().any(|&age| age.abs_diff(claim.age) == 1);
    let birthday = born
        .date
        .0
        .with_year(date.year())
        .or_else(|| NaiveDate::from_ymd_opt(date.year(), 3, 1));
    let near_birthday =
        birthday.is_some_and(|birthday| (birthday - date).num_days().abs() <= BIRTHDAY_DAYS);
    if off_by_one && near_birthday {
        Severity::Warning
    } else {
        Severity::Error
    }
}

fn finding(
    cx: &RuleContext<FactGroup>,
    claim: &AgeClaim,
    born: BirthDate,
    date: NaiveDate,
    ages: &[u32],
    severity: Severity,
) -> Diagnostic {
    let facts = &cx.settings.facts;
    let entity = facts.entity(claim.person);
    let actual = ages
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(" or ");
    let on = match claim.time {
        TimeContext::Dated(dated) => match dated.when.period(None) {
            Some(period) => period.to_string(),
            None => format!("on {date}"),
        },
        _ if cx.article.judgement_dates().len() == 1 => format!("on {date}"),
        _ => format!(
            "on any date the article may have been published ({})",
            report::list(cx.article.judgement_dates())
        ),
    };
    let mut help = format!("{} was born on {}", entity.name, born.date);
    if born.uncertain {
        help.push_str(" (a birth date the sources do not confirm)");
    }
    if severity == Severity::Warning && !born.uncertain && born.date.1 == Precision::Day {
        help.push_str("; the birthday is within a few days of the date judged");
    }
    help.push_str(&format!(
        "\njudged as of {}",
        match claim.time {
            TimeContext::Dated(dated) => match dated.when.period(None) {
                Some(period) => format!("the time the sentence names ({period})"),
                None => report::judged_as_of(cx.article),
            },
            _ => report::judged_as_of(cx.article),
        }
    ));
    Diagnostic::new(
        RuleId::FactAge,
        claim.age_span,
        format!("{} was {actual}, not {}, {on}", entity.name, claim.age),
    )
    .with_severity(severity)
    .with_label(claim.name_span, format!("born {}", born.date))
    .with_help(help)
    .with_source(entity.provenance.source.clone())
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::test_kit::{assert_fires, assert_silent, severities};
    use crate::rules::RuleId;

    const RULE: RuleId = RuleId::FactAge;

    fn dated(date: &str, text: &str) -> String {
        format!("---\ndate: {date}\n---\n{text}\n")
    }

    #[test]
    fn wrong_ages_next_to_known_people() {
        // Merkel was born on 1954-07-17: 67 on 2022-03-01.
        assert_fires(
            RULE,
            &dated("2022-03-01", "Angela Merkel, 65, said no."),
            "65",
        );
        assert_fires(RULE, &dated("2022-03-01", "Merkel (69) said no."), "69");
        assert_fires(
            RULE,
            &dated("2022-03-01", "Merkel, aged 70, said no."),
            "70",
        );
        assert_fires(
            RULE,
            &dated(
                "2022-03-01",
                "The 70-year-old former chancellor Angela Merkel said no.",
            ),
            "70",
        );
    }

    #[test]
    fn an_age_with_the_title_of_the_person_just_named() {
        assert_fires(
            RULE,
            &dated(
                "2022-03-01",
                "Angela Merkel left the room. The 70-year-old chancellor said nothing.",
            ),
            "70",
        );
        assert_silent(
            RULE,
            &dated(
                "2022-03-01",
                "Angela Merkel left the room. The 67-year-old chancellor said nothing.",
            ),
        );
        // A title the person never held, or another person between.
        assert_silent(
            RULE,
            &dated(
                "2022-03-01",
                "Angela Merkel left the room. The 70-year-old president said nothing.",
            ),
        );
        assert_silent(
            RULE,
            &dated(
                "2022-03-01",
                "Angela Merkel met Jens Stoltenberg. The 70-year-old chancellor said nothing.",
            ),
        );
    }

    #[test]
    fn right_ages_stay_silent() {
        assert_silent(RULE, &dated("2022-03-01", "Angela Merkel, 67, said no."));
        assert_silent(
            RULE,
            &dated("2022-03-01", "The 67-year-old Merkel said no."),
        );
        assert_silent(RULE, &dated("2022-03-01", "Merkel, 67."));
        assert_silent(
            RULE,
            &dated(
                "2022-03-01",
                "Former chancellor Angela Merkel, 67, said no.",
            ),
        );
    }

    #[test]
    fn not_ages_of_the_person() {
        assert_silent(
            RULE,
            &dated("2022-03-01", "A 30-year-old man who met Merkel said no."),
        );
        assert_silent(RULE, &dated("2022-03-01", "Merkel, 2022, a memoir."));
        assert_silent(RULE, &dated("2022-03-01", "Merkel, 1,200 pages, a memoir."));
        assert_silent(RULE, &dated("2022-03-01", "Merkel, 67 times, said no."));
        // Another time: judged in that year, or not at all.
        assert_silent(
            RULE,
            &dated("2022-03-01", "In 2005 Merkel, 51, took office."),
        );
        assert_fires(
            RULE,
            &dated("2022-03-01", "In 2005 Merkel, 60, took office."),
            "60",
        );
        assert_silent(
            RULE,
            &dated("2022-03-01", "Back then Merkel, 51, took office."),
        );
        // No publication date: not judged.
        assert_silent(RULE, "Angela Merkel, 65, said no.");
    }

    #[test]
    fn off_by_one_near_the_birthday_is_a_warning() {
        // Merkel turns 68 on 2022-07-17.
        let text = dated("2022-07-15", "Angela Merkel, 68, said no.");
        assert_eq!(severities(RULE, &text), vec![Severity::Warning]);
        let text = dated("2022-03-01", "Angela Merkel, 68, said no.");
        assert_eq!(severities(RULE, &text), vec![Severity::Error]);
    }

    #[test]
    fn an_unconfirmed_birth_date_is_a_warning() {
        // Kuleba's birth date is marked uncertain in the test facts.
        let text = dated("2022-03-01", "Dmytro Kuleba, 50, said no.");
        assert_eq!(severities(RULE, &text), vec![Severity::Warning]);
    }
}
