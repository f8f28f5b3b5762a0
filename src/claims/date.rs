//! Date claims: every date the article writes, with any weekday attached to it.
//!
//! Formats: month first ("Nov. 28", "November 28th, 2022", "Nov 28 ’22"), day first
//! ("28 November 2022", "28th of November", "the 16th of March"), ISO ("2022-11-28") and
//! numeric ("02/10/2023", read both ways unless the house dialect settles it); ranges and
//! lists ("Nov. 29-30", "Nov. 29-Dec. 2", "29-30 November", "20 and 21 August", "June 13
//! through June 15, 2024"); weekdays before ("Monday, Nov. 28", "Mon. (Nov. 28)", "Tuesday
//! and Wednesday, Nov. 29-30", "from Friday to Sunday, March 8-10", "Sunday evening, May 6")
//! or after ("28 November 2022 (Monday)"). A year is read only where it is written with the
//! date or its range, never across a paragraph and never from a time ("2000 GMT").

mod clause_subject;
mod grammar;
mod token;
mod year_cues;

use std::ops::Range;

use chrono::{NaiveDate, Weekday};
use smallvec::SmallVec;

pub use clause_subject::{opens_a_clause, reported_on};
pub use grammar::PartKind;
pub use token::{month_name, render_month, render_weekday, weekday_name, NameStyle};
pub use year_cues::years_named_for;

use super::ExtractContext;
use crate::config::Dialect;
use crate::document::Document;
use crate::span::Span;

/// A month and day, without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// This day in `year`, if it exists then (29 February).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// One written part of a date (day, month or year), kept so a fix can rewrite it. Its
/// source span is the block's to give (`Block::span_of`): a long file has many dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatePart {
    /// Range of the block's text, as `u32`s (see [`DatePart::range`]).
    start: u32,
    end: u32,
    pub kind: PartKind,
}

impl DatePart {
    /// Range of the block's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A weekday written with a date: "Monday" in "Monday (Nov. 28)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekdayMention {
    pub weekday: Weekday,
    start: u32,
    end: u32,
    pub style: NameStyle,
}

impl WeekdayMention {
    /// Range of the block's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A range of a block's text as `u32`s: the engine refuses files past 4 GiB.
fn range32(range: &Range<usize>) -> (u32, u32) {
    let narrow = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
    (narrow(range.start), narrow(range.end))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateClaim {
    /// Index into `Document::blocks`.
    pub block: usize,
    /// The date's own words in the block's text.
    pub range: Range<usize>,
    /// The date's own words in the source ("Nov. 29" of "Nov. 29-30").
    pub span: Span,
    /// The date in the article's words, completed from its range when it shares the month
    /// ("Nov. 30" for the "30" of "Nov. 29-30").
    pub text: Box<str>,
    /// Month and day: one reading, or two for a numeric date that could be read either way
    /// ("02/10/2023": 10 February or 2 October).
    pub readings: SmallVec<[MonthDay; 2]>,
    /// The year, when written with the date or its range.
    pub year: Option<i32>,
    pub day: DatePart,
    /// `None` when the month is written once for a range ("Nov. 29-30").
    pub month: Option<DatePart>,
    /// `None` when no year is written, or it is written once for a range.
    pub year_part: Option<DatePart>,
    pub weekday: Option<WeekdayMention>,
    /// Index into the article's dates of the last day of a range this date opens.
    pub range_end: Option<usize>,
}

impl DateClaim {
    /// The single month and day, when the date can be read only one way.
    pub fn month_day(&self) -> Option<MonthDay> {
        match self.readings.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every existing day the written date can be, in `year` when none is written.
    pub fn dates(&self, year: i32) -> Vec<NaiveDate> {
        let year = self.year.unwrap_or(year);
        self.readings
            .iter()
            .filter_map(|r| r.in_year(year))
            .collect()
    }

    /// The days a date with a written year can be (empty without one).
    pub fn written_dates(&self) -> Vec<NaiveDate> {
        self.year.map_or_else(Vec::new, |year| self.dates(year))
    }
}

/// Every date in the article, in reading order.
pub fn extract(doc: &Document, cx: &ExtractContext) -> Vec<DateClaim> {
    let this_year = cx.this_year;
    let dialect = cx.dialect;
    let mut claims = Vec::new();
    let mut tokens = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        // Every date has a day, a year or a numeric date, all written in digits: most
        // paragraphs of prose have none and need no tokens.
        if !has_digit(block.text()) {
            continue;
        }
        token::tokenize_into(block.text(), &mut tokens);
        let parsed = grammar::parse(&tokens, this_year);
        let base = claims.len();
        for date in &parsed {
            let text = written_text(block.text(), date, &parsed);
            let date = settle_reading(date.clone(), dialect);
            let part = |part: &grammar::Part| {
                let (start, end) = range32(&part.range);
                DatePart {
                    start,
                    end,
                    kind: part.kind,
                }
            };
            claims.push(DateClaim {
                block: index,
                range: date.range.clone(),
                span: block.span_of(date.range.clone()),
                text: text.into_boxed_str(),
                readings: date
                    .readings
                    .iter()
                    .map(|&(month, day)| MonthDay { month, day })
                    .collect(),
                year: date.year,
                day: part(&date.day),
                month: date.month.as_ref().map(part),
                year_part: date.year_part.as_ref().map(part),
                weekday: date.weekday.as_ref().map(|w| {
                    let (start, end) = range32(&w.range);
                    WeekdayMention {
                        weekday: w.weekday,
                        start,
                        end,
                        style: w.style,
                    }
                }),
                range_end: date.range_end.map(|end| base + end),
            });
        }
    }
    claims
}

/// Whether `text` has an ASCII digit. Most blocks have none and are read to the end, so the
/// bytes are read 32 at a time with no early exit inside a chunk, which the compiler turns
/// into a few wide compares per chunk.
fn has_digit(text: &str) -> bool {
    let mut chunks = text.as_bytes().chunks_exact(32);
    for chunk in &mut chunks {
        if chunk
            .iter()
            .fold(false, |seen, byte| seen | byte.is_ascii_digit())
        {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// The date in the article's own words; a date without its own month borrows the words of
/// the date of its range that has one, with its own day.
fn written_text(text: &str, date: &grammar::Parsed, all: &[grammar::Parsed]) -> String {
    let own = text.get(date.range.clone()).unwrap_or_default();
    let Some(partner) = date.shares_with.and_then(|at| all.get(at)) else {
        return own.to_string();
    };
    let before = text.get(partner.range.start..partner.day.range.start);
    let after = text.get(partner.day.range.end..partner.range.end);
    match (before, after) {
        (Some(before), Some(after)) => format!("{before}{own}{after}"),
        _ => own.to_string(),
    }
}

/// The house dialect picks day-month (en-GB) or month-day (en-US) when a numeric date can
/// be read both ways (the grammar lists the month-day reading first).
fn settle_reading(mut date: grammar::Parsed, dialect: Option<Dialect>) -> grammar::Parsed {
    if date.readings.len() == 2 {
        match dialect {
            Some(Dialect::British) => {
                date.readings.remove(0);
                grammar::read_day_first(&mut date);
            }
            Some(Dialect::American) => {
                date.readings.remove(1);
            }
            None => {}
        }
    }
    date
}

/// Read one whole date with its year from a short text (a front-matter value such as
/// "November 30, 2022" or "30 Nov 2022").
pub fn parse_full_date(text: &str, dialect: Option<Dialect>, this_year: i32) -> Option<NaiveDate> {
    let tokens = token::tokenize(text);
    let parsed = grammar::parse(&tokens, this_year);
    let [date] = parsed.as_slice() else {
        return None;
    };
    let date = settle_reading(date.clone(), dialect);
    match date.readings.as_slice() {
        [(month, day)] => NaiveDate::from_ymd_opt(date.year?, *month, *day),
        _ => None,
    }
}

/// Helpers for the date tests of other modules: the dates of an article, by text.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use crate::config::Config;
    use crate::settings::Settings;

    pub fn settings(dialect: Option<Dialect>) -> Settings {
        let mut settings = Settings::new(
            Config {
                dialect,
                ..Config::zero()
            },
            crate::facts::FactBase::embedded(),
            crate::style::StyleData::embedded(),
        );
        settings.today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date");
        settings
    }

    pub fn dates_of(source: &str, dialect: Option<Dialect>) -> Vec<DateClaim> {
        let doc = Document::parse(source);
        extract(&doc, &ExtractContext::of(&settings(dialect)))
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::dates_of;
    use super::*;

    /// The source words of a range of a date's block.
    fn written<'s>(source: &'s str, date: &DateClaim, range: &Range<usize>) -> &'s str {
        let doc = Document::parse(source);
        doc.blocks[date.block].span_of(range.clone()).text(source)
    }

    /// "text|weekday|month-day readings|year" for every date, a compact picture to compare.
    fn describe(source: &str, dialect: Option<Dialect>) -> Vec<String> {
        dates_of(source, dialect)
            .iter()
            .map(|claim| {
                let weekday = claim.weekday.as_ref().map_or("-".to_string(), |w| {
                    written(source, claim, &w.range()).to_string()
                });
                let readings: Vec<String> = claim
                    .readings
                    .iter()
                    .map(|r| format!("{}/{}", r.month, r.day))
                    .collect();
                let year = claim.year.map_or("-".to_string(), |y| y.to_string());
                format!("{}|{weekday}|{}|{year}", claim.text, readings.join(","))
            })
            .collect()
    }

    #[track_caller]
    fn assert_dates(source: &str, expected: &[&str]) {
        assert_eq!(describe(source, None), expected, "in {source:?}");
    }

    #[track_caller]
    fn assert_no_dates(source: &str) {
        assert_eq!(
            describe(source, None),
            Vec::<String>::new(),
            "in {source:?}"
        );
    }

    #[test]
    fn weekday_before_the_date() {
        assert_dates(
            "In a press conference Monday (Nov. 28) after",
            &["Nov. 28|Monday|11/28|-"],
        );
        assert_dates("on Monday, Nov. 28 they", &["Nov. 28|Monday|11/28|-"]);
        assert_dates(
            "Monday, November 28, 2022 was",
            &["November 28, 2022|Monday|11/28|2022"],
        );
        assert_dates("Mon., Nov. 28", &["Nov. 28|Mon.|11/28|-"]);
        assert_dates(
            "Monday 28 November 2022",
            &["28 November 2022|Monday|11/28|2022"],
        );
        assert_dates("Monday, 28th November", &["28th November|Monday|11/28|-"]);
        assert_dates(
            "Tuesday 5th September 2023",
            &["5th September 2023|Tuesday|9/5|2023"],
        );
        assert_dates(
            "Saturday, the 16th of March",
            &["the 16th of March|Saturday|3/16|-"],
        );
        assert_dates("Wed., Jan. 10, 2024", &["Jan. 10, 2024|Wed.|1/10|2024"]);
        assert_dates("Monday, 2022-11-28", &["2022-11-28|Monday|11/28|2022"]);
        assert_dates("Monday 02/10/2023", &["02/10/2023|Monday|2/10,10/2|2023"]);
    }

    #[test]
    fn weekday_after_the_date() {
        assert_dates(
            "28 November 2022 (Monday)",
            &["28 November 2022|Monday|11/28|2022"],
        );
        assert_dates("Nov. 28, 2022 (Mon)", &["Nov. 28, 2022|Mon|11/28|2022"]);
        assert_dates("2022-11-28 (Monday)", &["2022-11-28|Monday|11/28|2022"]);
        assert_dates(
            "Sept. 29, 2023 (Friday)",
            &["Sept. 29, 2023|Friday|9/29|2023"],
        );
    }

    #[test]
    fn ranges_and_lists() {
        assert_dates("Nov. 29-30", &["Nov. 29|-|11/29|-", "Nov. 30|-|11/30|-"]);
        assert_dates(
            "Tuesday and Wednesday, Nov. 29-30",
            &["Nov. 29|Tuesday|11/29|-", "Nov. 30|Wednesday|11/30|-"],
        );
        assert_dates(
            "from Friday to Sunday, March 8-10",
            &["March 8|Friday|3/8|-", "March 10|Sunday|3/10|-"],
        );
        assert_dates(
            "Thursday, June 13 through Saturday, June 15, 2024",
            &[
                "June 13|Thursday|6/13|2024",
                "June 15, 2024|Saturday|6/15|2024",
            ],
        );
        assert_dates(
            "on 20 and 21 August",
            &["20 August|-|8/20|-", "21 August|-|8/21|-"],
        );
        assert_dates(
            "Saturday 20 August and Sunday 21 August",
            &["20 August|Saturday|8/20|-", "21 August|Sunday|8/21|-"],
        );
        assert_dates(
            "29-30 November 2022",
            &[
                "29 November 2022|-|11/29|2022",
                "30 November 2022|-|11/30|2022",
            ],
        );
        assert_dates(
            "Dec. 30-Jan. 2, 2023",
            &["Dec. 30|-|12/30|2022", "Jan. 2, 2023|-|1/2|2023"],
        );
        assert_dates(
            "Monday, Tuesday and Wednesday, Nov. 28-30",
            &["Nov. 28|Monday|11/28|-", "Nov. 30|Wednesday|11/30|-"],
        );
        // One weekday before days a whole number of weeks apart: they share it, and the
        // first date carries it.
        assert_dates(
            "on Friday 9 and 23 January 2015",
            &[
                "9 January 2015|Friday|1/9|2015",
                "23 January 2015|-|1/23|2015",
            ],
        );
        assert_dates(
            "on Monday, Jan. 5 and 19",
            &["Jan. 5|Monday|1/5|-", "Jan. 19|-|1/19|-"],
        );
        // Not a whole number of weeks apart: the weekday cannot be both days'.
        assert_dates(
            "on Saturday, 14 and 15 March",
            &["14 March|-|3/14|-", "15 March|-|3/15|-"],
        );
    }

    #[test]
    fn weekdays_before_a_range_of_a_week_or_more_name_recurring_days() {
        // "open Wednesday-Sunday, 12 November-18 December": the days of the week it opens.
        assert_dates(
            "Open Wednesday-Sunday, 12 November-18 December",
            &["12 November|-|11/12|-", "18 December|-|12/18|-"],
        );
        assert_dates(
            "Shows Friday to Sunday, 4-18 December",
            &["4 December|-|12/4|-", "18 December|-|12/18|-"],
        );
        assert_dates(
            "Hours Monday–Friday, Dec. 5–Jan. 13",
            &["Dec. 5|-|12/5|-", "Jan. 13|-|1/13|-"],
        );
        // Under a week the weekdays are the ends.
        assert_dates(
            "Friday-Sunday, 1-3 December",
            &["1 December|Friday|12/1|-", "3 December|Sunday|12/3|-"],
        );
        assert_dates(
            "Friday-Monday, Dec. 30-Jan. 2",
            &["Dec. 30|Friday|12/30|-", "Jan. 2|Monday|1/2|-"],
        );
    }

    #[test]
    fn weekday_described_after_the_date() {
        assert_dates("on Nov. 7th, a Tuesday, it", &["Nov. 7th|Tuesday|11/7|-"]);
        assert_dates("29 November, a Monday.", &["29 November|Monday|11/29|-"]);
        assert_dates(
            "Dec. 2, a Friday evening, passed",
            &["Dec. 2|Friday|12/2|-"],
        );
        assert_dates("from Nov. 29 (a Tuesday)", &["Nov. 29|Tuesday|11/29|-"]);
        assert_dates(
            "Dec. 25, falls on a Sunday this year",
            &["Dec. 25|Sunday|12/25|-"],
        );
        assert_dates(
            "April 14, 1912, was a Sunday",
            &["April 14, 1912|Sunday|4/14|1912"],
        );
        assert_dates("2022-11-29, a Tuesday", &["2022-11-29|Tuesday|11/29|2022"]);
        // The weekday describes something else.
        assert_dates(
            "On Nov. 29, a Saturday Night Live sketch",
            &["Nov. 29|-|11/29|-"],
        );
        assert_dates("Nov. 27, a Tuesday-night vigil", &["Nov. 27|-|11/27|-"]);
        assert_dates("Since Nov. 20, a Sunday in which", &["Nov. 20|-|11/20|-"]);
        assert_dates("Nov. 27 was a Tuesday-night", &["Nov. 27|-|11/27|-"]);
        assert_dates("Nov. 29 was a Sun exclusive", &["Nov. 29|-|11/29|-"]);
        assert_dates("Dec. 3 is a Sat.", &["Dec. 3|Sat.|12/3|-"]);
    }

    #[test]
    fn ranges_are_linked() {
        let dates = dates_of("The talks, Nov. 29-30, and a summit on 2 December.", None);
        assert_eq!(dates.len(), 3);
        assert_eq!(dates[0].range_end, Some(1));
        assert_eq!(dates[1].range_end, None);
        let dates = dates_of("Thursday, June 13 through Saturday, June 15, 2024", None);
        assert_eq!(dates[0].range_end, Some(1));
    }

    #[test]
    fn relative_markers_do_not_move_the_date() {
        assert_dates("next Thursday (3 March)", &["3 March|Thursday|3/3|-"]);
        assert_dates("last Friday, Oct. 13", &["Oct. 13|Friday|10/13|-"]);
    }

    #[test]
    fn case_apostrophes_emphasis_and_breaks() {
        assert_dates("MONDAY, NOV. 28", &["NOV. 28|MONDAY|11/28|-"]);
        assert_dates("tue, jan 10, 2024", &["jan 10, 2024|tue|1/10|2024"]);
        assert_dates("Nov. 28, ’22 (Mon)", &["Nov. 28, ’22|Mon|11/28|2022"]);
        assert_dates("on *Monday*, Nov.\n28 they", &["Nov. 28|Monday|11/28|-"]);
        assert_dates(
            "on **Tues.** (Nov.&nbsp;29)",
            &["Nov.\u{a0}29|Tues.|11/29|-"],
        );
    }

    #[test]
    fn dates_in_other_languages() {
        assert_dates("mercredi 3 mars 2010", &["3 mars 2010|mercredi|3/3|2010"]);
        assert_dates("le 3 mars, il", &["3 mars|-|3/3|-"]);
        assert_dates("le 1er mai", &["1er mai|-|5/1|-"]);
        assert_dates("el 1º de mayo", &["1º de mayo|-|5/1|-"]);
        assert_dates(
            "Mittwoch, 3. März 2010",
            &["3. März 2010|Mittwoch|3/3|2010"],
        );
        assert_dates("am 3. Mai", &["3. Mai|-|5/3|-"]);
        assert_dates(
            "martes 3 de mayo de 2011",
            &["3 de mayo de 2011|martes|5/3|2011"],
        );
        assert_dates(
            "quarta-feira, 3 de março",
            &["3 de março|quarta-feira|3/3|-"],
        );
        assert_dates("giovedì 5 maggio 2011", &["5 maggio 2011|giovedì|5/5|2011"]);
        assert_dates("sábado 7 de mayo", &["7 de mayo|sábado|5/7|-"]);
    }

    #[test]
    fn what_is_not_a_date_in_other_languages() {
        // Foreign month names are read only after their day.
        assert_no_dates("the Mars 3 lander and Mayo 12 were seen");
        assert_no_dates("In Santo Domingo, ministers met");
        // A weekday counts only next to a date.
        assert_dates("Santo Domingo, 3 de mayo", &["3 de mayo|-|5/3|-"]);
        assert_no_dates("el mar 3 veces");
        assert_no_dates("3 de la tarde");
    }

    #[test]
    fn capitals_and_trailing_periods() {
        assert_dates("TUESDAY, JUNE 5, 2012", &["JUNE 5, 2012|TUESDAY|6/5|2012"]);
        assert_dates("MON., SEPT. 3", &["SEPT. 3|MON.|9/3|-"]);
        assert_dates("TUES. Sept. 4", &["Sept. 4|TUES.|9/4|-"]);
        assert_dates("Thurs., Jan. 10", &["Jan. 10|Thurs.|1/10|-"]);
    }

    #[test]
    fn times_are_never_years() {
        assert_dates("on Tuesday, 1 March 2000 GMT", &["1 March|Tuesday|3/1|-"]);
        assert_dates("Tuesday, 1 March, at 1200 GMT", &["1 March|Tuesday|3/1|-"]);
    }

    #[test]
    fn no_year_across_paragraphs() {
        assert_dates(
            "Monday (Nov. 28)\n\n2022 was a year",
            &["Nov. 28|Monday|11/28|-"],
        );
    }

    #[test]
    fn what_is_not_a_date() {
        assert_no_dates("On Monday, 28 people were killed.");
        assert_no_dates("Friday 4 was the last day.");
        assert_no_dates("Saturday 12M was the day.");
        assert_no_dates("They may 5 times.");
        assert_no_dates("In November 2022 the alliance met.");
        assert_no_dates("The Sunday Times, on Monday.");
        assert_no_dates("at 10:30 on Monday");
    }

    #[test]
    fn the_sun_is_not_a_sunday() {
        assert_dates("(The Sun, Nov. 28)", &["Nov. 28|-|11/28|-"]);
    }

    #[test]
    fn dialect_settles_numeric_dates() {
        let british = describe("Monday 02/10/2023", Some(Dialect::British));
        assert_eq!(british, vec!["02/10/2023|Monday|10/2|2023"]);
        let american = describe("Monday 02/10/2023", Some(Dialect::American));
        assert_eq!(american, vec!["02/10/2023|Monday|2/10|2023"]);
        // Only one reading exists: 13 is no month.
        assert_dates("13/10/2023", &["13/10/2023|-|10/13|2023"]);
        let source = "13/10/2023";
        let date = &dates_of(source, None)[0];
        assert_eq!(written(source, date, &date.day.range()), "13");
        assert_no_dates("02/31/2023 and 13/13/2023");
    }

    #[test]
    fn day_first_reading_swaps_the_parts() {
        let source = "Monday 02/10/2023";
        let dates = dates_of(source, Some(Dialect::British));
        let month = &dates[0].month.as_ref().unwrap().range();
        assert_eq!(written(source, &dates[0], &dates[0].day.range()), "02");
        assert_eq!(written(source, &dates[0], month), "10");
    }

    #[test]
    fn parts_point_into_the_source() {
        let source = "It ended on Wed., Jan. 10, 2024.";
        let date = &dates_of(source, None)[0];
        assert_eq!(date.span.text(source), "Jan. 10, 2024");
        let range_of = |part: &Option<DatePart>| part.as_ref().unwrap().range();
        assert_eq!(written(source, date, &date.day.range()), "10");
        assert_eq!(written(source, date, &range_of(&date.month)), "Jan.");
        assert_eq!(written(source, date, &range_of(&date.year_part)), "2024");
        let weekday = &date.weekday.as_ref().unwrap().range();
        assert_eq!(written(source, date, weekday), "Wed.");
    }

    #[test]
    fn has_digit_reads_as_a_byte_at_a_time_scan() {
        let long = "word ".repeat(20);
        for text in [
            String::new(),
            "7".to_string(),
            "no digits here".to_string(),
            long.clone(),
            format!("{long}9"),
            format!("9{long}"),
            format!("{}5{}", &long[..31], &long[31..]),
            format!("{}5{}", &long[..32], &long[32..]),
            format!("{long}/:"),
            "ünïcödé ٣ and ¹".to_string(),
        ] {
            let expected = text.bytes().any(|byte| byte.is_ascii_digit());
            assert_eq!(has_digit(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn full_dates_in_short_texts() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            parse_full_date("November 30, 2022", None, 2026),
            date(2022, 11, 30)
        );
        assert_eq!(
            parse_full_date("30 Nov 2022", None, 2026),
            date(2022, 11, 30)
        );
        assert_eq!(parse_full_date("Nov. 30", None, 2026), None);
        assert_eq!(parse_full_date("02/10/2023", None, 2026), None);
        assert_eq!(
            parse_full_date("02/10/2023", Some(Dialect::British), 2026),
            date(2023, 10, 2)
        );
    }

    #[test]
    fn never_panics_on_odd_text() {
        for text in [
            "",
            "(",
            "Monday (",
            "Nov. 31-",
            "’2",
            "2022-1",
            "02/",
            "Monday, the",
            "ünïcödé Mönday 1",
            "0/0/0000",
            "99999999999999999999 Nov",
            "Nov. 29-28",
            "Monday and",
            "from",
        ] {
            let _ = describe(text, None);
        }
    }
}
