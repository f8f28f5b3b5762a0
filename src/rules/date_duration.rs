//! `date-duration` (FL102): a stated length ("two days", "a three-day summit") that
//! disagrees with the date range it introduces ("April 2-5" is four days).
//!
//! Only a length that leads straight into its range is compared: "two days (Nov. 29-30)",
//! "a three-day summit, April 2-5", "two-day talks, which ran on March 5-6". A length that
//! is relative ("after two days", "the last two days") or separated from the range by
//! another number or clause is left alone.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::RuleContext;
use crate::article::nearest_day;
use crate::claims::date::DateClaim;
use crate::claims::DateGroup;
use crate::diagnostic::Diagnostic;
use crate::rules::RuleId;

// The patterns are ASCII (`(?i-u)`): ASCII case folding and word boundaries compile several
// times faster, and every word in them is ASCII.

/// "two days", "three-day", "2-day", "10 days".
static LENGTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|\d{1,2})[- ]days?\b",
    )
    .expect("valid regex")
});

/// Words before a length that make it part of the range, or no length of it at all.
static RELATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(after|before|within|in|over|past|last|next|every|than|nearly|about|almost|around|some|roughly|approximately|least|most|first|final|remaining|another|only|extra|additional)(?u:\s+)$",
    )
    .expect("valid regex")
});

/// Words between a length and a range that point somewhere else.
static UNRELATED_BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(after|before|later|earlier|then|since|ago|following|until|and|but|while|when|plus|or)\b",
    )
    .expect("valid regex")
});

/// Words right after a length that make it a rate, not a length: "open seven days a week,
/// June 1-30", "a seven-day-a-week service", "two days per month".
static RATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^[\s-]+(a|an|per|each|every)[\s-]+(week|month|year|fortnight)\b")
        .expect("valid regex")
});

/// The most text a length and its range may have between them.
const MAX_GAP: usize = 50;

const NUMBER_WORDS: [&str; 15] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen",
];

pub fn check(cx: &RuleContext<DateGroup>, out: &mut Vec<Diagnostic>) {
    let dates = cx.claims.dates;
    let ranges: Vec<(&DateClaim, &DateClaim)> = dates
        .iter()
        .filter_map(|start| Some((start, dates.get(start.range_end?)?)))
        .collect();
    // Only a paragraph with a date range can state its length (most have none, and then
    // the patterns are never compiled).
    let mut has_range = vec![false; cx.doc.blocks.len()];
    for (start, _) in &ranges {
        if let Some(slot) = has_range.get_mut(start.block) {
            *slot = true;
        }
    }
    let mut next_range = 0;
    for (block_index, block) in cx.doc.blocks.iter().enumerate() {
        if !has_range[block_index] {
            continue;
        }
        let text = block.text();
        for length in LENGTH.captures_iter(text) {
            let whole = length.get(0).expect("match");
            // The first range of this block that starts after the length.
            while ranges.get(next_range).is_some_and(|(start, _)| {
                start.block < block_index
                    || (start.block == block_index && start.range.start < whole.end())
            }) {
                next_range += 1;
            }
            let Some(&(start, end)) = ranges.get(next_range) else {
                continue;
            };
            if start.block != block_index || !leads_into(text, whole.range(), start, block) {
                continue;
            }
            let Some(days) = range_length(cx, start, end) else {
                continue;
            };
            let stated = parse_count(&length[1]);
            if stated == Some(days) || stated.is_none() {
                continue;
            }
            let range_text = text
                .get(start.range.start..end.range.end)
                .unwrap_or_default();
            let span = block.span_of(start.range.start..end.range.end);
            out.push(
                Diagnostic::new(
                    RuleId::DateDuration,
                    block.span_of(whole.range()),
                    format!(
                        "“{}” does not match {range_text}, which spans {} days",
                        whole.as_str(),
                        count_word(days)
                    ),
                )
                .with_label(span, format!("{days} days, counting both ends"))
                .with_help(
                    "correct the length or the range: a range counts its first and last day",
                ),
            );
        }
    }
}

/// Whether the length at `length` introduces the range that `start` opens: same sentence,
/// a short gap with no other number or clause, and no word that makes the length relative.
fn leads_into(
    text: &str,
    length: std::ops::Range<usize>,
    start: &DateClaim,
    block: &crate::document::Block,
) -> bool {
    let range_start = start.weekday.as_ref().map_or(start.range.start, |w| {
        w.range().start.min(start.range.start)
    });
    if range_start < length.end || range_start - length.end > MAX_GAP {
        return false;
    }
    let sentence = block.sentence_at(length.start);
    if range_start >= sentence.end {
        return false;
    }
    let (Some(before), Some(gap)) = (
        text.get(sentence.start..length.start),
        text.get(length.end..range_start),
    ) else {
        return false;
    };
    !RELATIVE_BEFORE.is_match(before)
        && !RATE_AFTER.is_match(gap)
        && !UNRELATED_BETWEEN.is_match(gap)
        && !gap
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'.' | b';' | b':' | b'!' | b'?'))
}

/// Days from the first to the last day of a range, both counted. A range without a year
/// is measured in each of four consecutive years (every leap phase) and must measure the
/// same in all of them.
fn range_length(cx: &RuleContext<DateGroup>, start: &DateClaim, end: &DateClaim) -> Option<u32> {
    let (first, last) = (start.month_day()?, end.month_day()?);
    if first.month == last.month {
        return last.day.checked_sub(first.day).map(|d| d + 1);
    }
    let length_in = |year: i32| -> Option<i64> {
        let first_day = first.in_year(year)?;
        let mut last_day = last.in_year(year)?;
        if last_day < first_day {
            last_day = last.in_year(year + 1)?;
        }
        Some((last_day - first_day).num_days() + 1)
    };
    let year = start
        .year
        .or_else(|| Some(nearest_day(first, cx.article.stated()?.date)?.year()));
    let days = match year {
        Some(year) => length_in(year)?,
        None => {
            let lengths: Option<Vec<i64>> = (2001..=2004).map(length_in).collect();
            let lengths = lengths?;
            if lengths.iter().any(|&l| l != lengths[0]) {
                return None;
            }
            lengths[0]
        }
    };
    u32::try_from(days).ok().filter(|d| (2..=366).contains(d))
}

fn parse_count(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    NUMBER_WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|n| n as u32)
        .or_else(|| lower.parse().ok())
}

fn count_word(count: u32) -> String {
    NUMBER_WORDS
        .get(count as usize)
        .map_or_else(|| count.to_string(), |w| w.to_string())
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

    #[track_caller]
    fn assert_fires(source: &str, message: &str) {
        let found = run(source);
        assert_eq!(found.len(), 1, "{source}: {found:#?}");
        assert_eq!(found[0].message, message);
    }

    #[track_caller]
    fn assert_silent(source: &str) {
        let found = run(source);
        assert!(found.is_empty(), "{source}: {found:#?}");
    }

    #[test]
    fn a_length_that_disagrees_with_its_range() {
        assert_fires(
            "They held a three-day summit, April 2-5, in Riga.",
            "“three-day” does not match April 2-5, which spans four days",
        );
        assert_fires(
            "Ministers gather for two days (Nov. 29-31).",
            "“two days” does not match Nov. 29-31, which spans three days",
        );
        assert_fires(
            "A 3-day meeting, Nov. 29-Dec. 2, 2022, ended.",
            "“3-day” does not match Nov. 29-Dec. 2, 2022, which spans four days",
        );
        assert_fires(
            "The two-day festival runs from Friday to Sunday, March 8-10.",
            "“two-day” does not match March 8-10, which spans three days",
        );
    }

    #[test]
    fn lengths_that_agree() {
        assert_silent("Ministers gather for two days (Nov. 29-30) in Bucharest.");
        assert_silent("The two-day talks, which ran on March 5-6, ended.");
        assert_silent("A four-day meeting, Nov. 29-Dec. 2, ended.");
        assert_silent("A two-day meeting, 29-30 November, ended.");
        assert_silent("The three-day summit, Thursday, June 13 through Saturday, June 15, 2024.");
    }

    #[test]
    fn lengths_about_something_else() {
        assert_silent("After two days of talks, ministers met again on March 5-8.");
        assert_silent("The last two days (Nov. 27-30) were busy.");
        assert_silent("A two-day summit and a forum on March 5-8.");
        assert_silent("A two-day summit. Then a forum on March 5-8.");
        assert_silent("A two-day summit with 30 leaders on March 5-8.");
        assert_silent("A two-day summit on March 5 and 8.");
    }

    #[test]
    fn a_rate_is_no_length() {
        assert_silent("The store is open seven days a week, June 1-30.");
        assert_silent("A seven-day-a-week service runs June 1-30.");
        assert_silent("Volunteers give two days per month (May 1-31) to the shelter.");
        assert_fires(
            "The store is open for seven days, June 1-30.",
            "“seven days” does not match June 1-30, which spans 30 days",
        );
    }

    #[test]
    fn february_needs_a_year() {
        assert_silent("A two-day visit, Feb. 28-March 1, ended.");
        assert_fires(
            "A two-day visit, Feb. 28-March 1, 2024, ended.",
            "“two-day” does not match Feb. 28-March 1, 2024, which spans three days",
        );
    }
}
