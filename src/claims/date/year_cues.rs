//! Years a sentence names besides a date's own: "On Thursday, February 24 last year",
//! "In 2021, the storm hit on Sunday, Nov. 14", "a year ago, on Thursday 24 February". A
//! year-less date in such a sentence may be of that year rather than of the year nearest the
//! publication date, so a weekday that fits it there is not wrong.

use smallvec::SmallVec;

use super::grammar::YEARS;
use super::token::{tokenize, Tok};
use crate::text::with_lowercase;

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

    #[test]
    fn what_names_no_year() {
        assert!(cues("Ministers met on Tuesday (Nov. 28) at 2000 GMT.").is_empty());
        assert!(cues("Some 2,000 people and 12 boats; a yearly event.").is_empty());
        assert!(cues("It was the last yearling sale.").is_empty());
        assert!(cues("Flights resumed on Wednesday, Jan. 10.").is_empty());
    }
}
