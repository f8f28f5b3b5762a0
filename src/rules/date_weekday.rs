//! `date-weekday` (FL101): a weekday written next to a date that falls on another weekday.
//!
//! A date with its year is checked against the calendar. A year-less date is read in the
//! year nearest the stated publication date; with none stated, it is judged against the
//! article's other year-less pairs, and flagged only when a consistent majority of at least
//! two others puts it on another weekday.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::RuleContext;
use crate::article::{nearest_day, year_list, PairVerdict, YearFits, YearlessPair};
use crate::claims::date::{
    month_name, opens_a_clause, render_month, render_weekday, reported_on, weekday_name,
    years_named_for, DateClaim, PartKind,
};
use crate::claims::DateGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::rules::RuleId;

/// What the calendar says about one weekday-date pair.
enum Verdict {
    Holds,
    /// The date falls on another weekday: the day (or, for an ambiguous numeric date, every
    /// reading of it), how its year was chosen, whether that is one year for sure, and
    /// whether a fix may rewrite it (not when its paragraph names another year, which may be
    /// the date's: the weekday a fix would write could be that year's wrong one).
    Wrong {
        days: Vec<NaiveDate>,
        why_this_year: Option<String>,
        one_year: bool,
        fixable: bool,
    },
    /// Not enough to judge it by.
    Unchecked,
}

pub fn check(cx: &RuleContext<DateGroup>, out: &mut Vec<Diagnostic>) {
    let dates = cx.claims.dates;
    let stated = cx.article.stated();
    // Without a publication date, year-less pairs are judged against each other.
    let fits = stated
        .is_none()
        .then(|| {
            let yearless: Vec<YearlessPair> = dates
                .iter()
                .filter(|claim| !may_date_the_report(cx, claim))
                .filter_map(YearlessPair::of)
                .collect();
            (!yearless.is_empty()).then(|| YearFits::new(&yearless, cx.article.today))
        })
        .flatten();
    let mut unchecked = Vec::new();
    let mut verdicts = HashMap::new();
    for (index, claim) in dates.iter().enumerate() {
        let Some(mention) = &claim.weekday else {
            continue;
        };
        let verdict = if claim.year.is_some() {
            judge_written_year(claim, mention.weekday)
        } else if let Some(stated) = stated {
            match claim
                .month_day()
                .and_then(|md| nearest_day(md, stated.date))
            {
                Some(day) if day.weekday() == mention.weekday => Verdict::Holds,
                Some(day) => {
                    let named = years_named_for(
                        &cx.doc.blocks[claim.block],
                        claim.range.clone(),
                        stated.date.year(),
                    );
                    let fits_a_named_year = named.iter().any(|&year| {
                        claim
                            .month_day()
                            .and_then(|md| md.in_year(year))
                            .is_some_and(|named_day| named_day.weekday() == mention.weekday)
                    });
                    if fits_a_named_year {
                        Verdict::Holds
                    } else {
                        let mut why = format!(
                            "the year is not written: read as {}, the year that puts it nearest the publication date {} ({})",
                            day.year(),
                            stated.date,
                            stated.reason
                        );
                        let mut others: Vec<i32> =
                            named.into_iter().filter(|&y| y != day.year()).collect();
                        others.sort_unstable();
                        if !others.is_empty() {
                            let days: Vec<NaiveDate> = others
                                .iter()
                                .filter_map(|&y| claim.month_day()?.in_year(y))
                                .collect();
                            why.push_str(&format!(
                                "; nor is it a {} in {}, which its sentence or the sentences before it name",
                                weekday_name(mention.weekday),
                                year_list(&days)
                            ));
                        }
                        Verdict::Wrong {
                            days: vec![day],
                            one_year: true,
                            why_this_year: Some(why),
                            fixable: others.is_empty(),
                        }
                    }
                }
                None => Verdict::Holds,
            }
        } else {
            judge_against_others(claim, fits.as_ref(), &mut verdicts)
        };
        match verdict {
            Verdict::Holds => {}
            _ if may_date_the_report(cx, claim) => {}
            Verdict::Unchecked => unchecked.push(claim),
            Verdict::Wrong {
                days,
                why_this_year,
                one_year,
                fixable,
            } => out.push(wrong_weekday(
                cx,
                index,
                &days,
                why_this_year,
                one_year,
                fixable,
            )),
        }
    }
    if let Some(first) = unchecked.first() {
        let all_agree = fits.as_ref().is_none_or(YearFits::all_agree);
        out.push(unchecked_pairs(first, &unchecked, all_agree));
    }
}

/// Whether the weekday before a date may be the day something was said rather than the
/// date's: in "The council said on Tuesday 30 November was the deadline" the date opens the
/// clause reported, and "on Tuesday" may date the saying.
fn may_date_the_report(cx: &RuleContext<DateGroup>, claim: &DateClaim) -> bool {
    let Some(mention) = &claim.weekday else {
        return false;
    };
    let text = cx.doc.blocks[claim.block].text();
    mention.range().start < claim.range.start
        && reported_on(text, mention.range().start)
        && opens_a_clause(text, claim.range.end)
}

fn judge_written_year(claim: &DateClaim, stated: Weekday) -> Verdict {
    let days = claim.written_dates();
    if days.is_empty() || days.iter().any(|d| d.weekday() == stated) {
        return Verdict::Holds;
    }
    Verdict::Wrong {
        days,
        why_this_year: None,
        one_year: true,
        fixable: true,
    }
}

fn judge_against_others(
    claim: &DateClaim,
    fits: Option<&YearFits>,
    verdicts: &mut HashMap<YearlessPair, PairVerdict>,
) -> Verdict {
    let (Some(pair), Some(fits)) = (YearlessPair::of(claim), fits) else {
        return Verdict::Unchecked;
    };
    // Repeated pairs are judged once.
    let verdict = verdicts
        .entry(pair)
        .or_insert_with(|| fits.judge(pair))
        .clone();
    match verdict {
        PairVerdict::Agrees => Verdict::Holds,
        PairVerdict::Unsettled => Verdict::Unchecked,
        PairVerdict::Disagrees {
            actual,
            years,
            others,
        } => {
            let days: Vec<NaiveDate> = years
                .iter()
                .filter_map(|&year| pair.date.in_year(year))
                .collect();
            let Some(&latest) = days.last() else {
                return Verdict::Unchecked;
            };
            Verdict::Wrong {
                days: vec![latest],
                one_year: days.len() == 1,
                fixable: true,
                why_this_year: Some(format!(
                    "the year is not written and no publication date is known; the article's {others} other weekday-date pairs agree in {}, and {} is a {} in each of them",
                    year_list(&days),
                    claim.text,
                    weekday_name(actual)
                )),
            }
        }
    }
}

fn wrong_weekday(
    cx: &RuleContext<DateGroup>,
    index: usize,
    days: &[NaiveDate],
    why_this_year: Option<String>,
    one_year: bool,
    fixable: bool,
) -> Diagnostic {
    let claim = &cx.claims.dates[index];
    let mention = claim.weekday.as_ref().expect("a weekday-date pair");
    let mention_span = cx.doc.blocks[claim.block].span_of(mention.range());
    let stated = weekday_name(mention.weekday);
    let mut diagnostic = match days {
        [day] => {
            let tense = if *day <= cx.article.today {
                "was"
            } else {
                "is"
            };
            let actual = weekday_name(day.weekday());
            let label = if claim.year.is_none() && one_year {
                format!("a {actual} in {}", day.year())
            } else {
                format!("a {actual}")
            };
            let mut diagnostic = Diagnostic::new(
                RuleId::DateWeekday,
                mention_span,
                format!("{} {tense} a {actual}, not a {stated}", claim.text),
            )
            .with_label(claim.span, label);
            let fixes = if fixable {
                fixes(cx, index, *day)
            } else {
                Vec::new()
            };
            for fix in fixes {
                diagnostic = diagnostic.with_fix(fix);
            }
            diagnostic
        }
        _ => {
            let readings: Vec<String> = days
                .iter()
                .map(|d| {
                    format!(
                        "{} {} is a {}",
                        d.day(),
                        month_name(d.month()),
                        weekday_name(d.weekday())
                    )
                })
                .collect();
            Diagnostic::new(
                RuleId::DateWeekday,
                mention_span,
                format!(
                    "{} is not a {stated} read either way: {}",
                    claim.text,
                    readings.join(", ")
                ),
            )
            .with_label(claim.span, "day and month can be read either way")
        }
    };
    if let Some(why) = why_this_year {
        diagnostic = diagnostic.with_help(why);
    }
    diagnostic
}

/// The two unsafe fixes: write the weekday the date falls on, or move the date to the
/// nearest day with the stated weekday. Each rewrites only words the article wrote, in their
/// own style; a part shared with a range ("Nov. 29-30") is never rewritten.
fn fixes(cx: &RuleContext<DateGroup>, index: usize, day: NaiveDate) -> Vec<Fix> {
    let claim = &cx.claims.dates[index];
    let shared = Shared::of(cx.claims.dates, index);
    let source = cx.doc.source;
    let mention = claim.weekday.as_ref().expect("a weekday-date pair");
    let mut fixes = Vec::new();
    let block = &cx.doc.blocks[claim.block];
    // The span of a range of the block's text, when it is written exactly so in the source.
    let exact = |range: &std::ops::Range<usize>| {
        let span = block.span_of(range.clone());
        (block.text().get(range.clone()) == Some(span.text(source))).then_some(span)
    };
    if let Some(mention_span) = exact(&mention.range()) {
        let weekday = render_weekday(day.weekday(), mention.style);
        fixes.push(Fix::unsafe_edit(
            format!("Change the weekday to {weekday}"),
            vec![Edit::replace(mention_span, weekday)],
        ));
    }
    let moved = nearest_with_weekday(day, mention.weekday);
    let mut parts = vec![(&claim.day, moved.day())];
    if moved.month() != day.month() {
        match &claim.month {
            Some(month) if !shared.month => parts.push((month, moved.month())),
            _ => return fixes,
        }
    }
    if claim.year.is_some() && moved.year() != day.year() {
        match &claim.year_part {
            Some(year) if !shared.year => parts.push((year, moved.year() as u32)),
            _ => return fixes,
        }
    }
    let mut edits = Vec::new();
    for (part, value) in parts {
        let Some(span) = exact(&part.range()) else {
            return fixes;
        };
        edits.push(Edit::replace(
            span,
            render_part(part.kind, value, span.text(source)),
        ));
    }
    // The date as it will read: a day of a range reads with the range's month ("March 10").
    let own = claim.span.text(source);
    let moved_own = apply(own, claim.span.start, &edits);
    let new_text = if own == &*claim.text {
        moved_own
    } else {
        claim.text.replacen(own, &moved_own, 1)
    };
    fixes.push(Fix::unsafe_edit(
        format!(
            "Move the date to {new_text}, the nearest {}",
            weekday_name(mention.weekday)
        ),
        edits,
    ));
    fixes
}

/// Which of a date's written parts another date of its range or list reads too.
struct Shared {
    month: bool,
    year: bool,
}

impl Shared {
    fn of(dates: &[DateClaim], index: usize) -> Shared {
        let claim = &dates[index];
        let neighbours = [index.checked_sub(1), index.checked_add(1)]
            .into_iter()
            .flatten()
            .filter_map(|at| dates.get(at))
            .filter(|other| other.block == claim.block);
        let mut shared = Shared {
            month: false,
            year: false,
        };
        for other in neighbours {
            shared.month |= other.month.is_none();
            shared.year |= other.year.is_some() && other.year_part.is_none();
        }
        shared
    }
}

/// The day with `weekday` nearest `day` (at most three days away).
fn nearest_with_weekday(day: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - day.weekday().num_days_from_monday()) % 7;
    if ahead <= 3 {
        day + Days::new(u64::from(ahead))
    } else {
        day - Days::new(u64::from(7 - ahead))
    }
}

/// A day, month or year written the way the article wrote the one it replaces.
fn render_part(kind: PartKind, value: u32, original: &str) -> String {
    match kind {
        PartKind::Day { ordinal, padded } => {
            let mut text = if padded {
                format!("{value:02}")
            } else {
                value.to_string()
            };
            let french = original.to_ascii_lowercase().ends_with("er");
            if original.ends_with('º') {
                // "1º": Spanish, Portuguese and Italian mark only the first of the month.
                if value == 1 {
                    text.push('º');
                }
            } else if let (Some(case), true) = (ordinal, french) {
                // "1er": French marks only the first of the month.
                if value == 1 {
                    text.push_str(&case.apply("er"));
                }
            } else if let Some(case) = ordinal {
                let suffix = match (value % 10, value % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                text.push_str(&case.apply(suffix));
            }
            text
        }
        PartKind::MonthName(style) => render_month(value, style),
        PartKind::MonthNumber { padded } if padded => format!("{value:02}"),
        PartKind::MonthNumber { .. } => value.to_string(),
        PartKind::Year { short: true } => {
            let apostrophe = original.chars().next().unwrap_or('’');
            format!("{apostrophe}{:02}", value % 100)
        }
        PartKind::Year { short: false } => value.to_string(),
    }
}

/// `text` (which starts at source offset `base`) with `edits` applied.
fn apply(text: &str, base: usize, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::new();
    let mut at = 0;
    for edit in edits {
        let start = edit.span.start.saturating_sub(base);
        let end = edit.span.end.saturating_sub(base);
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(&edit.replacement);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// One info finding for the year-less pairs that could not be judged.
fn unchecked_pairs(first: &DateClaim, unchecked: &[&DateClaim], all_agree: bool) -> Diagnostic {
    let count = unchecked.len();
    let message = if all_agree {
        if count == 1 {
            "a weekday-date pair without a year was not checked: no publication date is known"
                .to_string()
        } else {
            format!(
                "{count} weekday-date pairs without a year were checked only against each other: no publication date is known"
            )
        }
    } else {
        "weekday-date pairs without a year contradict each other: no year has them all right, but with no publication date it is unclear which is wrong".to_string()
    };
    // Pairs that no year can hold at once are a defect whatever the year: a warning.
    let severity = if all_agree {
        Severity::Info
    } else {
        Severity::Warning
    };
    let mut diagnostic = Diagnostic::new(RuleId::DateWeekday, first.span, message)
        .with_severity(severity)
        .with_help("give the publication date (front matter `date:` or --date) to check each against the calendar");
    for claim in unchecked {
        let weekday = claim
            .weekday
            .as_ref()
            .map_or("", |w| weekday_name(w.weekday));
        diagnostic = diagnostic.with_label(claim.span, format!("{weekday}, {}", claim.text));
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleContext;
    use crate::claims::date::test_support;
    use crate::claims::{ClaimView, Claims};
    use crate::document::Document;

    fn run(source: &str) -> Vec<Diagnostic> {
        let settings = test_support::settings(None);
        let doc = Document::parse(source);
        let claims = Claims::extract(&doc, &settings);
        let article = ArticleContext::resolve(&doc, &claims, &settings);
        let cx = RuleContext {
            doc: &doc,
            claims: DateGroup::of(&claims),
            article: &article,
            settings: &settings,
        };
        let mut out = Vec::new();
        check(&cx, &mut out);
        out
    }

    fn errors(source: &str) -> Vec<Diagnostic> {
        run(source)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    #[track_caller]
    fn assert_message(source: &str, message: &str) {
        let found = errors(source);
        assert_eq!(found.len(), 1, "{source}: {found:#?}");
        assert_eq!(found[0].message, message);
    }

    #[track_caller]
    fn assert_silent(source: &str) {
        let found = errors(source);
        assert!(found.is_empty(), "{source}: {found:#?}");
    }

    /// The source after applying fix `index` of the only error.
    #[track_caller]
    fn fixed(source: &str, index: usize) -> String {
        let found = errors(source);
        assert_eq!(found.len(), 1, "{source}: {found:#?}");
        let fix = &found[0].fixes[index];
        let mut text = source.to_string();
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for edit in edits {
            text.replace_range(edit.span.start..edit.span.end, &edit.replacement);
        }
        text
    }

    const DATED: &str = "---\ndate: 2022-11-30\n---\n";

    #[test]
    fn a_date_with_its_year() {
        assert_message(
            "It was Tuesday, Nov. 28, 2022.",
            "Nov. 28, 2022 was a Monday, not a Tuesday",
        );
        assert_silent("It was Monday, Nov. 28, 2022.");
        assert_silent("It was Monday, Nov. 31, 2022.");
    }

    #[test]
    fn a_year_less_date_against_the_publication_date() {
        assert_message(
            &format!("{DATED}Ministers met Tuesday (Nov. 28)."),
            "Nov. 28 was a Monday, not a Tuesday",
        );
        assert_silent(&format!("{DATED}Ministers met Monday (Nov. 28)."));
    }

    #[test]
    fn a_year_the_sentence_names_may_hold_the_pair() {
        const ANNIVERSARY: &str = "---\ndate: 2023-02-24\n---\n";
        // 24 February 2022 was a Thursday; 2023, the nearest year, makes it a Friday.
        assert_silent(&format!(
            "{ANNIVERSARY}On Thursday, February 24 last year, Russia invaded."
        ));
        assert_silent(&format!(
            "{ANNIVERSARY}A year ago, on Thursday 24 February, explosions were heard."
        ));
        assert_silent(&format!(
            "{ANNIVERSARY}In 2022, the invasion began on Thursday, Feb. 24."
        ));
        // Wrong in every year named.
        let found = errors(&format!(
            "{ANNIVERSARY}On Wednesday, February 24 last year, Russia invaded."
        ));
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].message,
            "February 24 was a Friday, not a Wednesday"
        );
        let help = found[0].help.as_deref().unwrap();
        assert!(
            help.ends_with(
                "; nor is it a Wednesday in 2022, which its sentence or the sentences before it name"
            ),
            "{help}"
        );
        // Either year may be the date's: no fix writes one of them.
        assert!(found[0].fixes.is_empty(), "{:#?}", found[0].fixes);
        // A year named in an earlier sentence of the paragraph counts.
        assert_silent(&format!(
            "{ANNIVERSARY}The war began last year. It began on Thursday, Feb. 24."
        ));
        assert_silent(&format!(
            "{ANNIVERSARY}In 2019, floods hit the valley. On Monday, March 4, the river burst."
        ));
        // One named after the date, or in another paragraph, does not.
        assert_message(
            &format!("{ANNIVERSARY}It began on Thursday, Feb. 24. The war began last year."),
            "Feb. 24 was a Friday, not a Thursday",
        );
        assert_message(
            &format!("{ANNIVERSARY}The war began last year.\n\nIt began on Thursday, Feb. 24."),
            "Feb. 24 was a Friday, not a Thursday",
        );
        // Nor does one beyond the reach of a long paragraph.
        let filler = "The talks went on. ".repeat(30);
        assert_message(
            &format!(
                "{ANNIVERSARY}The war began last year. {filler}It began on Thursday, Feb. 24."
            ),
            "Feb. 24 was a Friday, not a Thursday",
        );
    }

    #[test]
    fn a_weekday_that_may_date_the_report() {
        const LATE_NOVEMBER: &str = "---\ndate: 2020-11-25\n---\n";
        // 30 November 2020 was a Monday; the council may have said it on Tuesday the 24th.
        assert_silent(&format!(
            "{LATE_NOVEMBER}The council said on Tuesday 30 November was the deadline."
        ));
        assert_silent(&format!(
            "{LATE_NOVEMBER}Ministers told reporters on Tuesday, Nov. 30 would be the last day."
        ));
        // The weekday dates the date: the meeting's, or what was said on that day.
        assert_message(
            &format!("{LATE_NOVEMBER}The meeting on Tuesday 30 November was cancelled."),
            "30 November was a Monday, not a Tuesday",
        );
        assert_message(
            &format!("{LATE_NOVEMBER}The council said on Tuesday 30 November that it would close."),
            "30 November was a Monday, not a Tuesday",
        );
    }

    #[test]
    fn ambiguous_numeric_dates_need_both_readings_wrong() {
        assert_silent("The hearing on Monday 02/10/2023 was postponed.");
        assert_message(
            "The hearing on Tuesday 02/10/2023 was postponed.",
            "02/10/2023 is not a Tuesday read either way: 10 February is a Friday, 2 October is a Monday",
        );
    }

    #[test]
    fn the_odd_one_out_against_a_majority() {
        let source = "In a press conference Tuesday (Nov. 28) he spoke. On Tuesday (Nov. 29) \
                      they met. On Wednesday (Nov. 30) they left, Wednesday (Nov. 30).";
        let found = errors(source);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].message, "Nov. 28 was a Monday, not a Tuesday");
        let help = found[0].help.as_deref().unwrap();
        assert!(help.contains("2011, 2016 and 2022"), "{help}");
    }

    #[test]
    fn two_pairs_that_no_year_holds_give_one_warning() {
        let found = run("On Monday (Nov. 28) and on Tuesday (Nov. 30).");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("contradict"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("unclear which"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn pairs_that_some_year_holds_stay_at_info() {
        let found = run("On Tuesday (Nov. 29) and on Wednesday (Nov. 30).");
        assert!(
            found.iter().all(|d| d.severity == Severity::Info),
            "{found:?}"
        );
    }

    #[test]
    fn pairs_without_a_date_are_checked_against_each_other() {
        // Each pair agrees with two others: checked, nothing to say.
        assert!(run("Monday (Nov. 28), Tuesday (Nov. 29) and Wednesday (Nov. 30).").is_empty());
        // Two pairs agree, but one other is too few to vouch for either.
        let found = run("Monday (Nov. 28) and Tuesday (Nov. 29).");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            found[0].message,
            "2 weekday-date pairs without a year were checked only against each other: no publication date is known"
        );
    }

    #[test]
    fn fixes_keep_the_article_style() {
        let source = "It was Tues., Nov. 28, 2022.";
        assert_eq!(fixed(source, 0), "It was Mon., Nov. 28, 2022.");
        assert_eq!(fixed(source, 1), "It was Tues., Nov. 29, 2022.");
        let source = "It was TUESDAY 28th NOVEMBER 2022.";
        assert_eq!(fixed(source, 0), "It was MONDAY 28th NOVEMBER 2022.");
        assert_eq!(fixed(source, 1), "It was TUESDAY 29th NOVEMBER 2022.");
        let source = "It was Friday, Dec. 1, 2022.";
        assert_eq!(fixed(source, 0), "It was Thursday, Dec. 1, 2022.");
        assert_eq!(fixed(source, 1), "It was Friday, Dec. 2, 2022.");
        let source = "It was Sunday, 2023-10-16.";
        assert_eq!(fixed(source, 1), "It was Sunday, 2023-10-15.");
        let source = "It was Thursday, Dec. 30, 2024.";
        assert_eq!(fixed(source, 1), "It was Thursday, Jan. 2, 2025.");
        let source = "It was Monday, Sept. 1, 2022.";
        assert_eq!(fixed(source, 1), "It was Monday, Aug. 29, 2022.");
    }

    #[test]
    fn fix_titles_say_what_changes() {
        let found = errors("It was Tues., Nov. 28, 2022.");
        assert_eq!(found[0].fixes[0].title, "Change the weekday to Mon.");
        assert_eq!(
            found[0].fixes[1].title,
            "Move the date to Nov. 29, 2022, the nearest Tuesday"
        );
    }

    #[test]
    fn a_shared_month_is_not_rewritten() {
        // Thursday and Friday, Nov. 30-Dec. 1 would need the range rewritten.
        let found = errors("Ministers met Thursday and Friday, Nov. 29-30, 2022.");
        assert_eq!(found.len(), 2);
        for finding in &found {
            assert_eq!(finding.fixes.len(), 1, "{finding:#?}");
        }
        assert_eq!(
            found[1].message,
            "Nov. 30, 2022 was a Wednesday, not a Friday"
        );
        let found = errors("Ministers met Monday and Tuesday, Nov. 29-30, 2022.");
        assert_eq!(
            found[0].fixes[1].title,
            "Move the date to Nov. 28, the nearest Monday"
        );
        assert_eq!(
            found[1].fixes[1].title,
            "Move the date to Nov. 29, 2022, the nearest Tuesday"
        );
    }
}
