//! Years a sentence names besides a date's own: "On Thursday, February 24 last year",
//! "In 2021, the storm hit on Sunday, Nov. 14", "a year ago, on Thursday 24 February". A
//! year-less date in such a sentence, or after such a sentence in its paragraph ("Russia
//! invaded last year. On Thursday, February 24, ..."), may be of that year rather than of the
//! year nearest the publication date, so a weekday or a tense that fits it there is not wrong.

use std::ops::Range;

use smallvec::SmallVec;

use super::grammar::YEARS;
use super::token::{tokenize, Tok};
use crate::document::Block;
use crate::line_index::floor_char_boundary;
use crate::text::with_lowercase;

/// Bytes before and after a date within which its paragraph is read for the years it
/// names, so that a paragraph of one endless sentence is not read again for every date in it.
const REACH: usize = 400;

/// The years a year-less date at `date` (a range of `block`'s text) may be of: those its own
/// sentence names, and those the sentences before it in its paragraph name (a paragraph
/// that opens "Last year, ..." or "In 2019, ..." sets the year of what follows), counted
/// from `publication_year`. A year named after the date's sentence, or in another
/// paragraph, is not the date's.
pub fn years_named_for(block: &Block, date: Range<usize>, publication_year: i32) -> Vec<i32> {
    let text = block.text();
    let sentences = &block.sentences;
    let index = sentences.partition_point(|s| s.end <= date.start);
    let Some(own) = sentences.get(index).filter(|s| s.start <= date.start) else {
        return Vec::new();
    };
    let earliest = date.start.saturating_sub(REACH);
    // The first whole sentence within reach; the date's own, cut at the reach, if it starts
    // before it.
    let first = sentences.partition_point(|s| s.start < earliest);
    let start = match sentences.get(first) {
        Some(sentence) if first <= index => sentence.start,
        _ => earliest,
    };
    let start = floor_char_boundary(text, start);
    let end = floor_char_boundary(text, own.end.min(date.end + REACH));
    let mut years = Vec::new();
    for cue in year_cues(&text[start..end]) {
        let year = match cue {
            YearCue::Year(year) => year,
            YearCue::Relative(offset) => publication_year + offset,
        };
        if !years.contains(&year) {
            years.push(year);
        }
    }
    years
}

/// A year a sentence names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearCue {
    /// Written in digits: "in 2021".
    Year(i32),
    /// Counted from the publication year: "last year" is -1, "next year" +1.
    Relative(i32),
}

/// Phrases that name a year counted from the publication year.
const RELATIVE: &[(&str, i32)] = &[
    ("last year", -1),
    ("a year ago", -1),
    ("one year ago", -1),
    ("a year earlier", -1),
    ("the previous year", -1),
    ("the year before", -1),
    ("the prior year", -1),
    ("two years ago", -2),
    ("this year", 0),
    ("next year", 1),
    ("the following year", 1),
    ("a year later", 1),
];

/// The years `sentence` names: four-digit years (not times: "2000 GMT") and phrases such as
/// "last year".
pub fn year_cues(sentence: &str) -> SmallVec<[YearCue; 4]> {
    let mut cues = SmallVec::new();
    let tokens = tokenize(sentence);
    for (at, token) in tokens.iter().enumerate() {
        let year = match token.tok {
            Tok::Number {
                value,
                digits: 4,
                ordinal: None,
            } if YEARS.contains(&value) => value as i32,
            Tok::Iso { year, .. } | Tok::Slashed { year, .. } => year,
            _ => continue,
        };
        let time = matches!(tokens.get(at + 1).map(|t| t.tok), Some(Tok::TimeZone));
        if !time && !cues.contains(&YearCue::Year(year)) {
            cues.push(YearCue::Year(year));
        }
    }
    with_lowercase(sentence, |lower| {
        for &(phrase, offset) in RELATIVE {
            let found = lower.match_indices(phrase).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + phrase.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            });
            if found && !cues.contains(&YearCue::Relative(offset)) {
                cues.push(YearCue::Relative(offset));
            }
        }
    });
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(sentence: &str) -> Vec<YearCue> {
        year_cues(sentence).into_vec()
    }

    #[test]
    fn written_years_and_relative_phrases() {
        assert_eq!(
            cues("On Thursday, February 24 last year, Russia invaded."),
            [YearCue::Relative(-1)]
        );
        assert_eq!(
            cues("In 2021, the storm hit on Sunday, Nov. 14."),
            [YearCue::Year(2021)]
        );
        assert_eq!(
            cues("The storm of Nov. 14, 2021, and Next Year's on Nov. 13."),
            [YearCue::Year(2021), YearCue::Relative(1)]
        );
        assert_eq!(cues("It opened 2022-11-28."), [YearCue::Year(2022)]);
    }

    fn named_for(text: &str, date: &str) -> Vec<i32> {
        let doc = crate::document::Document::parse(text);
        let block = &doc.blocks[0];
        let at = block.text().find(date).unwrap();
        years_named_for(block, at..at + date.len(), 2023)
    }

    #[test]
    fn years_named_in_the_sentence_or_before_it() {
        assert_eq!(
            named_for("Russia invaded last year. It began on Feb. 24.", "Feb. 24"),
            [2022]
        );
        assert_eq!(
            named_for(
                "In 2019, floods came. Then, on March 4, the dam broke.",
                "March 4"
            ),
            [2019]
        );
        assert_eq!(
            named_for("On March 4 the dam broke. In 2019, floods came.", "March 4"),
            [] as [i32; 0]
        );
        // A sentence that starts beyond the reach is not read; the date's own is cut at it.
        let far = format!(
            "In 2019, floods came. {}On March 4 it broke.",
            "So it went. ".repeat(40)
        );
        assert_eq!(named_for(&far, "March 4"), [] as [i32; 0]);
        let long = format!("In 2019 {}, on March 4, it broke.", "and so on ".repeat(45));
        assert_eq!(named_for(&long, "March 4"), [] as [i32; 0]);
    }

    #[test]
    fn what_names_no_year() {
        assert!(cues("Ministers met on Tuesday (Nov. 28) at 2000 GMT.").is_empty());
        assert!(cues("Some 2,000 people and 12 boats; a yearly event.").is_empty());
        assert!(cues("It was the last yearling sale.").is_empty());
        assert!(cues("Flights resumed on Wednesday, Jan. 10.").is_empty());
    }
}
