//! `date-invalid` (FL104): a date that does not exist ("31 April", "30 February",
//! "29 February 2023", "June 32, 2020"), and a year that looks like a slip in a date that is
//! otherwise the publication day (a masthead "TUESDAY, JUNE 5, 1912" in an issue of 2012).
//!
//! A month written before its day without a year ("April 31", "June 32") is read as a date
//! only where nothing follows it but punctuation and no word before it makes the month stand
//! alone ("In April 31 people died" counts people, not days). Day 0 or 32 without a year is
//! read only after an English month other than "May", or as an ordinal before the month
//! ("the 32nd of June"): "32 March protesters" and "won 2-0 March 3" are no dates.

use chrono::{Datelike, NaiveDate};

use super::RuleContext;
use crate::article::nearest_day;
use crate::claims::date::{month_name, weekday_name, DateClaim, MonthDay, PartKind};
use crate::claims::DateGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::rules::RuleId;

/// Words after which a month name stands for the whole month: "in April 31 people died".
const MONTH_ALONE_AFTER: &[&str] = &[
    "in",
    "since",
    "by",
    "during",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
];

/// Words that may follow a date ("met on April 31 in Rome"); any other word after a number
/// makes it a count ("April 31 people").
const MAY_FOLLOW: &[&str] = &[
    "in",
    "at",
    "on",
    "after",
    "before",
    "and",
    "or",
    "but",
    "when",
    "while",
    "to",
    "with",
    "for",
    "as",
    "during",
    "amid",
    "under",
    "by",
    "from",
    "until",
    "since",
    "the",
    "a",
    "an",
    "was",
    "is",
    "will",
    "would",
    "had",
    "has",
    "were",
    "are",
    "because",
    "following",
    "last",
    "next",
    "this",
    "that",
    "which",
    "who",
    "where",
    "he",
    "she",
    "they",
    "it",
    "we",
];

/// Words that make 29 February without a year a recurring day, not one in a given year.
const RECURRING: &[&str] = &["born", "birthday", "birthdays", "leap", "anniversary"];

pub fn check(cx: &RuleContext<DateGroup>, out: &mut Vec<Diagnostic>) {
    for claim in cx.claims.dates {
        let [reading] = claim.readings.as_slice() else {
            continue;
        };
        let (month, day) = (reading.month, reading.day);
        if NaiveDate::from_ymd_opt(2000, month, day).is_none() {
            if claim.year.is_some() || reads_as_date(cx, claim) {
                out.push(no_such_day(claim, month, day));
            }
        } else if month == 2 && day == 29 {
            if let Some(finding) = no_leap_day(cx, claim) {
                out.push(finding);
            }
        } else if let Some(finding) = slipped_year(cx, claim) {
            out.push(finding);
        }
    }
}

/// Days in `month` (February counted in a leap year).
fn days_in(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether a date written without a year is surely a date: a month written after its day
/// ("31 April") is; a month before it ("April 31") only when no word follows the number and
/// no word before the month makes it stand alone.
fn reads_as_date(cx: &RuleContext<DateGroup>, claim: &DateClaim) -> bool {
    let Some(month) = &claim.month else {
        // A day sharing the month of its range: "April 30-31".
        return true;
    };
    let text = cx.doc.blocks[claim.block].text();
    if month.range().start > claim.day.range().start {
        return true;
    }
    let after = text[claim.range.end..].trim_start();
    let next: &str = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let word_follows = !next.is_empty() && !MAY_FOLLOW.contains(&next);
    let before = text[..month.range().start].trim_end();
    let previous: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let alone = MONTH_ALONE_AFTER
        .iter()
        .any(|word| word.eq_ignore_ascii_case(&previous));
    !word_follows && !alone
}

fn no_such_day(claim: &DateClaim, month: u32, day: u32) -> Diagnostic {
    let name = month_name(month);
    let why = if day == 0 {
        "no month has a day 0".to_string()
    } else if month == 2 {
        "February has 28 days, 29 in a leap year".to_string()
    } else {
        format!("{name} has {} days", days_in(month))
    };
    Diagnostic::new(
        RuleId::DateInvalid,
        claim.span,
        format!("{} does not exist: {why}", claim.text),
    )
    .with_label(claim.span, "no such day")
    .with_help(format!(
        "check the day and the month against the source: the last day of {name} is the {}",
        days_in(month)
    ))
}

/// 29 February in a year that has none: written ("29 February 2023"), or read in the year
/// nearest the stated publication date.
fn no_leap_day(cx: &RuleContext<DateGroup>, claim: &DateClaim) -> Option<Diagnostic> {
    if let Some(year) = claim.year {
        if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
            return None;
        }
        return Some(
            Diagnostic::new(
                RuleId::DateInvalid,
                claim.span,
                format!("{} does not exist: {year} is not a leap year", claim.text),
            )
            .with_label(claim.span, "no such day")
            .with_help(format!("February {year} has 28 days")),
        );
    }
    let stated = cx.article.stated()?;
    let leap_day = MonthDay { month: 2, day: 29 };
    if nearest_day(leap_day, stated.date).is_some() {
        return None;
    }
    let text = cx.doc.blocks[claim.block].text();
    let sentence = &text[cx.doc.blocks[claim.block].sentence_at(claim.range.start)];
    let recurring = sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|word| RECURRING.iter().any(|r| r.eq_ignore_ascii_case(word)));
    if recurring || !reads_as_date(cx, claim) {
        return None;
    }
    let year = stated.date.year();
    let year = if stated.date.month() >= 9 {
        year + 1
    } else {
        year
    };
    Some(
        Diagnostic::new(
            RuleId::DateInvalid,
            claim.span,
            format!(
                "{} does not exist in {year}, the year nearest the publication date",
                claim.text
            ),
        )
        .with_severity(Severity::Warning)
        .with_label(claim.span, "no 29 February near the publication date")
        .with_help(format!(
            "the year is not written: read as the year nearest the publication date {} ({}), which has no 29 February",
            stated.date, stated.reason
        )),
    )
}

/// A written year far from the publication year in a date that is otherwise the publication
/// day, where something shows the date means that day: a weekday that holds in the
/// publication year but not in the written one, or the date standing at the head of one of
/// the first paragraphs (a masthead or dateline). An anniversary piece dated on its
/// anniversary writes the old year on purpose and has neither.
fn slipped_year(cx: &RuleContext<DateGroup>, claim: &DateClaim) -> Option<Diagnostic> {
    let written = claim.year?;
    let stated = cx.article.stated()?;
    let publication = stated.date;
    let reading = claim.month_day()?;
    if (reading.month, reading.day) != (publication.month(), publication.day())
        || written == publication.year()
    {
        return None;
    }
    let year_part = claim.year_part.as_ref()?;
    if !matches!(year_part.kind, PartKind::Year { short: false }) {
        return None;
    }
    let written_day = reading.in_year(written)?;
    let weekday_says_so = claim
        .weekday
        .as_ref()
        .is_some_and(|w| w.weekday == publication.weekday() && w.weekday != written_day.weekday());
    let block = &cx.doc.blocks[claim.block];
    let start = claim.weekday.as_ref().map_or(claim.range.start, |w| {
        w.range().start.min(claim.range.start)
    });
    let heads_block = block.text()[..start].trim().is_empty();
    let early = cx
        .doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_heading())
        .take(3)
        .any(|(index, _)| index == claim.block)
        || block.is_heading();
    let masthead = heads_block
        && early
        && claim
            .weekday
            .as_ref()
            .is_some_and(|w| w.weekday != written_day.weekday());
    if !weekday_says_so && !masthead {
        return None;
    }
    let year_span = block.span_of(year_part.range());
    let intended = publication.year();
    let evidence = if weekday_says_so {
        format!(
            "{} was a {}; the weekday written with it, {}, holds in {intended}",
            written_day.format("%-d %B %Y"),
            weekday_name(written_day.weekday()),
            weekday_name(publication.weekday())
        )
    } else {
        "the date heads the article, where its own date is written".to_string()
    };
    let mut diagnostic = Diagnostic::new(
        RuleId::DateInvalid,
        claim.span,
        format!(
            "{} is the publication day with the year {written}: {intended} is more likely",
            claim.text
        ),
    )
    .with_severity(Severity::Warning)
    .with_label(year_span, format!("the article is dated {publication}"))
    .with_help(format!(
        "{evidence}; publication date {publication} ({})",
        stated.reason
    ));
    if block.text().get(year_part.range()) == Some(year_span.text(cx.doc.source)) {
        diagnostic = diagnostic.with_fix(Fix::unsafe_edit(
            format!("Change the year to {intended}"),
            vec![Edit::replace(year_span, intended.to_string())],
        ));
    }
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use crate::rules::test_kit;
    use crate::rules::RuleId;

    #[track_caller]
    fn assert_fires(source: &str, expected: &str) {
        test_kit::assert_says(RuleId::DateInvalid, source, expected);
    }

    #[track_caller]
    fn assert_silent(source: &str) {
        test_kit::assert_silent(RuleId::DateInvalid, source);
    }

    const DATED: &str = "---\ndate: 2023-03-10\n---\n";

    #[test]
    fn days_that_do_not_exist() {
        assert_fires("They met on 31 April.", "31 April does not exist");
        assert_fires("They met on April 31.", "April 31 does not exist");
        assert_fires("They met on April 31, 2022 in Rome.", "April 31, 2022");
        assert_fires("It ended on Feb. 30.", "February has 28 days");
        assert_fires("It ended on 31 June 2021.", "June has 30 days");
        assert_fires("It ended on June 32, 2020.", "June 32, 2020 does not exist");
        assert_fires("It ended on 0 March 2021.", "no month has a day 0");
        assert_fires("The deadline is June 32.", "June 32 does not exist");
        assert_fires("It ended on June 32 in Rome.", "June 32 does not exist");
        assert_fires(
            "It ended on the 32nd of June.",
            "32nd of June does not exist",
        );
        assert_fires("It ended on April 0, a Sunday.", "no month has a day 0");
        assert_fires("It ran April 30-31.", "April 31 does not exist");
        assert_fires("Le 31 avril 2010, rien.", "31 avril 2010 does not exist");
        assert_fires("It ended on 2023-02-30.", "2023-02-30 does not exist");
    }

    #[test]
    fn leap_days() {
        assert_fires("It ended on 29 February 2023.", "2023 is not a leap year");
        assert_silent("It ended on 29 February 2024.");
        assert_fires(
            &format!("{DATED}The vote was on Feb. 29."),
            "does not exist in 2023",
        );
        assert_silent(&format!("{DATED}She was born on Feb. 29."));
        assert_silent("The vote was on Feb. 29.");
        assert_silent("---\ndate: 2024-03-10\n---\nThe vote was on Feb. 29.");
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert_silent("In April 31 people died.");
        assert_silent("In April 31 Afghans died.");
        assert_silent("During June 31 flights were cancelled.");
        assert_silent("On April 31 people marched.");
        assert_silent("On April 31 Afghans marched.");
        assert_fires("They met on April 31 in Rome.", "April 31 does not exist");
        assert_silent("The score was 31-30 in June.");
        assert_silent("See page 32 of the June issue, at 10:31.");
        assert_silent("0 March delegates and 32 June graduates attended.");
        assert_silent("In June 32 people died; during July 0 flights left.");
        assert_silent("It ended on May 32 votes to 30.");
        assert_silent("Theresa May 0 and the team won 2-0 June 3.");
        assert_silent("The June 32 votes were counted; June 32-30 was the tally.");
        assert_silent("It met on 30 April and 31 May 2022.");
    }

    #[test]
    fn slipped_years() {
        let masthead = "---\ndate: 2012-06-05\n---\nTUESDAY, JUNE 5, 1912\n\nThe council met.";
        assert_fires(masthead, "2012 is more likely");
        let weekday =
            "---\ndate: 2012-06-05\n---\nThe council met.\n\nIt meets on Tuesday, June 5, 2013.";
        // 5 June 2013 was a Wednesday; Tuesday holds in 2012.
        assert_fires(weekday, "2012 is more likely");
    }

    #[test]
    fn anniversaries_keep_their_years() {
        assert_silent("---\ndate: 2012-06-05\n---\nOn June 5, 1912, the ship sailed.");
        assert_silent("---\ndate: 2012-06-05\n---\nJune 5, 1912: the ship sailed.");
        assert_silent("---\ndate: 2012-06-05\n---\nTUESDAY, JUNE 5, 2012\n\nText.");
        assert_silent("TUESDAY, JUNE 5, 1912\n\nNo publication date is known.");
    }
}
