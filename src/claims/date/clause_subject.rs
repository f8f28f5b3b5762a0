//! A date that is the subject of the verb right after it: "The council said on Monday 30
//! November was the deadline", "The ministry announced 1 December will be the start". The
//! verb before such a date ("said", "announced") reports the clause it opens: it does not
//! happen on the date, and a weekday between them may be the day it was said.

use crate::matcher::{is_word, spaces1};

/// Finite verbs a date opens a clause with (read in lower case only).
const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "will", "would", "has", "had", "could", "should", "might", "must", "marks",
    "marked", "remains", "remained",
];

/// Whether the word after byte `end` of `text` (after white space, no punctuation between)
/// is a finite verb the date ending there is the subject of.
pub fn opens_a_clause(text: &str, end: usize) -> bool {
    let Some(start) = text.get(end..).and_then(|_| spaces1(text, end)) else {
        return false;
    };
    let rest = &text[start..];
    let word_end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
    CLAUSE_VERBS.contains(&&rest[..word_end])
}

/// Words that report what follows them, so that a date after them may open the clause
/// reported rather than date the report.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "declared",
    "decided",
    "agreed",
    "stated",
    "warned",
    "told",
];

/// Whether the words before byte `start` of `text` are a reporting verb and "on" ("said on
/// Monday 30 November was the deadline"), with at most one word such as "reporters" between
/// ("told reporters on Monday").
pub fn reported_on(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let mut words = before.split_whitespace().rev();
    if words.next() != Some("on") {
        return false;
    }
    let Some(verb) = words.next() else {
        return false;
    };
    REPORTING_VERBS.contains(&verb)
        || (verb.chars().all(char::is_lowercase) && words.next().is_some_and(|w| w == "told"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, date: &str) -> bool {
        let at = text.find(date).unwrap() + date.len();
        opens_a_clause(text, at)
    }

    #[test]
    fn dates_that_open_a_clause() {
        assert!(after(
            "It said on 30 November was the deadline.",
            "30 November"
        ));
        assert!(after("It said 1 December will be the start.", "1 December"));
        assert!(after("They agreed May 3 marks the end.", "May 3"));
        assert!(!after(
            "The meeting on 30 November, was long.",
            "30 November"
        ));
        assert!(!after("The talks on 30 November were long.", "30 November"));
        assert!(!after("He died on March 9 in Lyon.", "March 9"));
        assert!(!after("He died on March 9", "March 9"));
        assert!(!after("It ended on May 3 island time.", "May 3"));
        assert!(!after("It ended on May 3 isolated.", "May 3"));
    }

    fn before(text: &str, weekday: &str) -> bool {
        reported_on(text, text.find(weekday).unwrap())
    }

    #[test]
    fn reporting_verbs_before_on() {
        assert!(before(
            "The council said on Tuesday 30 November was",
            "Tuesday"
        ));
        assert!(before(
            "Ministers told reporters on Tuesday 30 November was",
            "Tuesday"
        ));
        assert!(before("He confirmed on Friday", "Friday"));
        assert!(!before("The meeting on Tuesday 30 November was", "Tuesday"));
        assert!(!before("The council said Tuesday", "Tuesday"));
        assert!(!before("on Tuesday", "Tuesday"));
        assert!(!before("He told Reporters on Tuesday", "Tuesday"));
    }
}
