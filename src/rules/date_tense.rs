//! `date-tense` (FL105): a verb tense that contradicts the publication date for an explicit
//! date: "will visit on May 3, 2016" in an article of 2016-05-20, "died on March 9" in an
//! article of March 2.
//!
//! Precision first: only a few simple verb forms directly before the date ("will visit",
//! "is due to open", "is scheduled to meet"; "died", "met", "was killed", "said"), with at
//! most a short proper name between them ("will visit Kyiv on May 3"). A sentence with a
//! conditional, a reported clause, "until", or a quotation is left alone, and so is a date
//! within two days of the publication date (articles are written the day before they appear
//! and dated the day after).

use chrono::{Datelike, NaiveDate};

use super::RuleContext;
use crate::article::nearest_day;
use crate::claims::date::{opens_a_clause, years_named_for, DateClaim};
use crate::claims::DateGroup;
use crate::diagnostic::Diagnostic;
use crate::document::Block;
use crate::line_index::floor_char_boundary;
use crate::rules::RuleId;

/// Days either side of the publication date within which no tense is questioned.
const MARGIN_DAYS: i64 = 2;

/// Words that open a clause or phrase of their own between a verb and a date: the date may
/// then belong to something else ("will mark the anniversary of May 3", "will visit the
/// site that was hit on May 3").
const CLAUSE_WORDS: &[&str] = &[
    "hit",
    "shot",
    "cut",
    "put",
    "hurt",
    "led",
    "paid",
    "sold",
    "told",
    "caught",
    "brought",
    "left",
    "spent",
    "shut",
    "chosen",
    "born",
    "run",
    "done",
    "agreed",
    "of",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "after",
    "before",
    "since",
    "and",
    "or",
    "but",
    "than",
    "between",
    "was",
    "were",
    "is",
    "are",
    "been",
    "be",
    "had",
    "has",
    "have",
    "not",
    "held",
    "made",
    "taken",
    "given",
    "begun",
    "won",
    "lost",
    "built",
    "written",
    "set",
    "sent",
    "struck",
    "found",
    "seen",
    "known",
    "last",
    "next",
    "until",
    "till",
    "by",
    "from",
    "planned",
    "scheduled",
    "due",
];

/// Whether the words between a verb and its date leave the date to the verb: up to three
/// capitalised words (a place or a person: "will visit Kyiv", "met President Biden"), or,
/// before "on", a short object or place ("will visit the flooded region on May 3", "died in
/// a hospital in Lyon on March 9") without a clause word or a participle.
fn plain_gap(gap: &str) -> bool {
    let mut words: Vec<&str> = gap.split_whitespace().collect();
    let on = words.last() == Some(&"on");
    if on {
        words.pop();
    }
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if words.iter().all(capitalised) {
        return words.len() <= 3;
    }
    // A participle right before "on" dates something else: "the site destroyed on May 3".
    let participle = words
        .last()
        .is_some_and(|w| !capitalised(w) && (w.ends_with("ed") || w.ends_with("en")));
    on && !participle
        && words
            .iter()
            .filter(|w| !capitalised(w))
            .all(|w| !CLAUSE_WORDS.contains(w))
}

/// Words after "will" that make it no verb or no plain future ("the will of", "will not").
const NOT_A_FUTURE_VERB: &[&str] = &[
    "of", "not", "never", "also", "still", "likely", "probably", "have", "be", "the",
];

/// Words that make a sentence conditional, hypothetical, reported or bounded in time (read
/// in any case, as whole words; "may" only in lower case).
const HEDGED: &[&str] = &[
    "if",
    "would",
    "could",
    "might",
    "unless",
    "until",
    "till",
    "should",
    "whether",
    "expected",
    "hoped",
    "planned",
    "plans",
    "reportedly",
    "supposed",
    "originally",
    "initially",
];

/// Speech or report verbs (in any case, as whole words): a future inside reported speech
/// stays as the speaker said it.
const REPORTED: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "according",
    "reported",
    "reports",
    "claimed",
    "stated",
    "added",
    "wrote",
    "insisted",
    "promised",
    "warned",
    "confirmed",
    "believed",
    "thought",
];

/// Verb forms before a date, matched by hand: as the regular expressions
/// `\b(?:(?:[Ww]ill|[Ss]hall)(?:\s+be)?|(?:is|are)\s+(?:due|scheduled|set)\s+to(?:\s+be)?)\s+([a-z]{2,})GAP`
/// (future) and `\b(died|met|…|(?:was|were)\s+(?:killed|…|sworn\s+in|…))GAP` (past), with
/// GAP `\s+((?:[\p{L}'’.-]+\s+){0,5})$`, would (leftmost match; Unicode `\s` and `\b`).
mod verb {
    use std::ops::Range;

    use crate::matcher::{exact_at, is_word, letter_or_mark_ascii, spaces1, Class};

    /// A verb form and the words between it and the date.
    pub struct Found {
        /// From the verb to the date.
        pub whole: Range<usize>,
        /// The future's main verb ("visit" of "will visit"); the past's whole verb form.
        pub verb: Range<usize>,
        /// The words between the verb and the date.
        pub gap: Range<usize>,
    }

    static GAP_WORD: Class = Class::new(r"[\p{L}'’.-]", letter_or_mark_ascii);

    const FUTURE_VERBS: &[&str] = &["will", "Will", "shall", "Shall"];
    const FUTURE_COPULAS: &[&str] = &["is", "are"];
    const FUTURE_PLANS: &[&str] = &["due", "scheduled", "set"];
    const PAST: &[&str] = &[
        "died",
        "met",
        "visited",
        "arrived",
        "signed",
        "resigned",
        "said",
        "announced",
        "launched",
        "landed",
        "voted",
    ];
    const PAST_PASSIVE: &[&str] = &["was", "were"];
    const PAST_PARTICIPLES: &[&str] = &[
        "killed",
        "arrested",
        "detained",
        "elected",
        "released",
        "sentenced",
        "shot",
        "injured",
        "sworn",
        "held",
        "signed",
        "announced",
    ];

    /// "will visit", "will be held", "is due to open", "are scheduled to meet".
    pub fn future(text: &str) -> Option<Found> {
        leftmost(text, |at| {
            if let Some(end) = first(text, at, FUTURE_VERBS) {
                return maybe_be(text, end, future_rest);
            }
            let end = first(text, at, FUTURE_COPULAS)?;
            let end = first(text, spaces1(text, end)?, FUTURE_PLANS)?;
            let end = exact_at(text, spaces1(text, end)?, "to")?;
            maybe_be(text, end, future_rest)
        })
    }

    /// "died", "met", "was killed", "were sworn in".
    pub fn past(text: &str) -> Option<Found> {
        leftmost(text, |at| {
            let end = first(text, at, PAST).or_else(|| {
                let end = first(text, at, PAST_PASSIVE)?;
                let end = spaces1(text, end)?;
                let end = first(text, end, PAST_PARTICIPLES)?;
                if text[..end].ends_with("sworn") {
                    exact_at(text, spaces1(text, end)?, "in")
                } else {
                    Some(end)
                }
            })?;
            let gap = gap(text, end)?;
            Some((at..end, gap))
        })
    }

    /// The first match at the leftmost position with a word boundary before it. Every form
    /// starts with an ASCII letter, so only the starts of words are tried: where a letter
    /// follows a character that is not a word character (the boundaries `\b` finds before
    /// anything else cannot start a form).
    fn leftmost(
        text: &str,
        at: impl Fn(usize) -> Option<(Range<usize>, Range<usize>)>,
    ) -> Option<Found> {
        let bytes = text.as_bytes();
        let mut after_word = false;
        let mut start = 0;
        while let Some(&byte) = bytes.get(start) {
            let c = if byte.is_ascii() {
                char::from(byte)
            } else {
                text[start..].chars().next()?
            };
            if byte.is_ascii_alphabetic() && !after_word {
                if let Some((verb, gap)) = at(start) {
                    return Some(Found {
                        whole: start..text.len(),
                        verb,
                        gap,
                    });
                }
            }
            after_word = is_word(c);
            start += c.len_utf8();
        }
        None
    }

    /// Every form the matchers read starts with an ASCII letter (see [`leftmost`]).
    #[cfg(test)]
    pub fn forms_start_with_ascii_letters() -> bool {
        FUTURE_VERBS
            .iter()
            .chain(FUTURE_COPULAS)
            .chain(PAST)
            .chain(PAST_PASSIVE)
            .all(|form| form.as_bytes()[0].is_ascii_alphabetic())
    }

    /// The end of whichever of `words` is written at `at` (none of them starts another).
    fn first(text: &str, at: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|word| exact_at(text, at, word))
    }

    /// `(?:\s+be)?` then `rest`: with "be" first, without it if that fails.
    fn maybe_be(
        text: &str,
        at: usize,
        rest: impl Fn(&str, usize) -> Option<(Range<usize>, Range<usize>)>,
    ) -> Option<(Range<usize>, Range<usize>)> {
        spaces1(text, at)
            .and_then(|end| exact_at(text, end, "be"))
            .and_then(|end| rest(text, end))
            .or_else(|| rest(text, at))
    }

    /// `\s+([a-z]{2,})` and the gap.
    fn future_rest(text: &str, at: usize) -> Option<(Range<usize>, Range<usize>)> {
        let start = spaces1(text, at)?;
        let end = start
            + text[start..]
                .bytes()
                .take_while(u8::is_ascii_lowercase)
                .count();
        if end - start < 2 {
            return None;
        }
        Some((start..end, gap(text, end)?))
    }

    /// `\s+((?:[\p{L}'’.-]+\s+){0,5})$`: the range of the words.
    fn gap(text: &str, at: usize) -> Option<Range<usize>> {
        let start = spaces1(text, at)?;
        let mut end = start;
        for _ in 0..5 {
            if end == text.len() {
                break;
            }
            end = spaces1(text, GAP_WORD.run1(text, end)?)?;
        }
        (end == text.len()).then_some(start..end)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
}

impl Tense {
    /// Whether the tense is wrong for a day `distance` days after the publication date.
    fn contradicts(self, distance: i64) -> bool {
        match self {
            Tense::Future => distance < -MARGIN_DAYS,
            Tense::Past => distance > MARGIN_DAYS,
        }
    }
}

/// Whether the date is the subject of the verb after it ("said on 30 November was the
/// deadline"): it opens the clause reported, and the verb before does not happen on it.
fn opens_its_own_clause(claim: &DateClaim, block: &Block) -> bool {
    let end = claim
        .weekday
        .as_ref()
        .map_or(claim.range.end, |w| w.range().end.max(claim.range.end));
    opens_a_clause(block.text(), end)
}

/// Whether a year-less date fits its tense in a year its sentence or the sentences before it
/// in its paragraph name: "Last year, two soldiers were killed on March 12" in an article of
/// early March speaks of last year's March 12, not of a day still to come.
fn fits_a_named_year(
    claim: &DateClaim,
    block: &Block,
    tense: Tense,
    publication: NaiveDate,
) -> bool {
    let Some(reading) = claim.month_day().filter(|_| claim.year.is_none()) else {
        return false;
    };
    years_named_for(block, claim.range.clone(), publication.year())
        .into_iter()
        .filter_map(|year| reading.in_year(year))
        .any(|day| !tense.contradicts((day - publication).num_days()))
}

pub fn check(cx: &RuleContext<DateGroup>, out: &mut Vec<Diagnostic>) {
    let Some(stated) = cx.article.stated() else {
        return;
    };
    let publication = stated.date;
    for claim in cx.claims.dates {
        let block = &cx.doc.blocks[claim.block];
        if block.is_heading() {
            continue;
        }
        let Some(day) = resolved_day(claim, publication) else {
            continue;
        };
        let distance = (day - publication).num_days();
        if distance.abs() <= MARGIN_DAYS {
            continue;
        }
        let Some((tense, verb)) =
            verb_before(block.text(), claim, block.sentence_at(claim.range.start))
        else {
            continue;
        };
        if !tense.contradicts(distance)
            || opens_its_own_clause(claim, block)
            || fits_a_named_year(claim, block, tense, publication)
        {
            continue;
        }
        let verb_span = block.span_of(verb.clone());
        let verb_text = verb_span.text(cx.doc.source);
        let (when, tense_says) = match tense {
            Tense::Future => (
                format!("{} days before", -distance),
                "the future tense speaks of a day already past",
            ),
            Tense::Past => (
                format!("{distance} days after"),
                "the past tense speaks of a day still to come",
            ),
        };
        let why_year = if claim.year.is_some() {
            String::new()
        } else {
            format!(
                "; the year is not written: read as the year nearest the publication date ({day})"
            )
        };
        out.push(
            Diagnostic::new(
                RuleId::DateTense,
                verb_span,
                format!(
                    "“{verb_text}” {} is {when} the publication date {publication}: {tense_says}",
                    claim.text
                ),
            )
            .with_label(claim.span, format!("{day}"))
            .with_help(format!(
                "publication date {publication} ({}){why_year}; check the tense or the date",
                stated.reason
            )),
        );
    }
}

/// The day a date stands for: its written year, or the year nearest the publication date.
fn resolved_day(claim: &DateClaim, publication: NaiveDate) -> Option<NaiveDate> {
    let reading = claim.month_day()?;
    match claim.year {
        Some(year) => reading.in_year(year),
        None => nearest_day(reading, publication),
    }
}

/// The verb form right before the date (within its sentence), with its range in the block.
fn verb_before(
    text: &str,
    claim: &DateClaim,
    sentence: std::ops::Range<usize>,
) -> Option<(Tense, std::ops::Range<usize>)> {
    let start = claim.weekday.as_ref().map_or(claim.range.start, |w| {
        w.range().start.min(claim.range.start)
    });
    // No sentence of prose is this long: a run of text without sentence ends is not judged
    // (and is not searched for every date in it).
    if start < sentence.start || start > text.len() || sentence.len() > 1_000 {
        return None;
    }
    // The verb and its few words stand right before the date: a long sentence is not
    // searched from its start for every date.
    let from = floor_char_boundary(text, sentence.start.max(start.saturating_sub(120)));
    let before = &text[from..start];
    let whole = &text[sentence.clone()];
    if whole.contains(['"', '“', '”', '«', '»', '„'])
        || crate::matcher::has_word(whole, HEDGED, &["may"])
    {
        return None;
    }
    let (tense, found) = if let Some(found) = verb::future(before) {
        let verb = &before[found.verb.clone()];
        if NOT_A_FUTURE_VERB.contains(&verb) || !plain_gap(&before[found.gap.clone()]) {
            return None;
        }
        (Tense::Future, found)
    } else {
        let found = verb::past(before)?;
        if !plain_gap(&before[found.gap.clone()]) {
            return None;
        }
        (Tense::Past, found)
    };
    // Reported speech before the verb: "He said he will visit on May 3".
    if crate::matcher::has_word(&before[..found.whole.start], REPORTED, &[]) {
        return None;
    }
    let verb = before[found.whole.clone()].trim_end();
    let verb = verb.strip_suffix("on").unwrap_or(verb).trim_end();
    let at = from + found.whole.start;
    Some((tense, at..at + verb.len()))
}

#[cfg(test)]
mod tests {
    use crate::claims::date::test_support::settings;
    use crate::diagnostic::Severity;
    use crate::rules::RuleId;

    fn findings(source: &str) -> Vec<String> {
        crate::check_source("test.md", source, &settings(None))
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == RuleId::DateTense && d.severity > Severity::Info)
            .map(|d| d.message)
            .collect()
    }

    fn dated(date: &str, text: &str) -> String {
        format!("---\ndate: {date}\n---\n{text}\n")
    }

    #[track_caller]
    fn assert_fires(date: &str, text: &str, expected: &str) {
        let found = findings(&dated(date, text));
        assert!(
            found.iter().any(|f| f.contains(expected)),
            "{text:?}: {found:?}"
        );
    }

    #[track_caller]
    fn assert_silent(date: &str, text: &str) {
        let found = findings(&dated(date, text));
        assert!(found.is_empty(), "{text:?}: {found:?}");
    }

    #[test]
    fn future_tense_about_a_past_day() {
        assert_fires(
            "2016-05-20",
            "The president will visit on May 3, 2016.",
            "“will visit” May 3, 2016 is 17 days before",
        );
        assert_fires(
            "2016-05-20",
            "The minister will visit Kyiv on Tuesday, May 3.",
            "“will visit Kyiv”",
        );
        assert_fires(
            "2016-05-20",
            "The bridge is due to open on May 3.",
            "is due to open",
        );
        assert_fires(
            "2016-05-20",
            "The summit will be held on 3 May.",
            "will be held",
        );
        assert_fires(
            "2016-05-20",
            "The president will visit the flooded region on May 3, 2016.",
            "will visit the flooded region",
        );
    }

    #[test]
    fn past_tense_about_a_coming_day() {
        assert_fires(
            "2016-03-02",
            "The singer died on March 9.",
            "“died” March 9 is 7 days after",
        );
        assert_fires(
            "2016-03-02",
            "Two soldiers were killed on March 12.",
            "were killed",
        );
        assert_fires(
            "2016-03-02",
            "The leaders met Putin on March 20.",
            "met Putin",
        );
    }

    #[test]
    fn tenses_that_fit() {
        assert_silent("2016-05-20", "The president will visit on May 30.");
        assert_silent("2016-05-20", "The president visited on May 3.");
        assert_silent("2016-03-02", "The singer died on February 9.");
    }

    #[test]
    fn a_year_named_before_the_date_may_be_its_year() {
        // Last year's March 12, not the coming one.
        assert_silent(
            "2016-03-02",
            "Last year two soldiers were killed on March 12.",
        );
        assert_silent(
            "2016-03-02",
            "The war began in 2015. Two soldiers were killed on March 12 near the border.",
        );
        assert_silent(
            "2016-05-20",
            "The bridge closed in April. Next year, the president will visit on May 3.",
        );
        // A named year in which the tense is still wrong, or one named after the date.
        assert_fires(
            "2016-03-02",
            "In 2017, two soldiers were killed on March 12.",
            "were killed",
        );
        assert_fires(
            "2016-03-02",
            "Two soldiers were killed on March 12. The war began last year.",
            "were killed",
        );
        assert_fires(
            "2016-03-02",
            "The war began last year.\n\nTwo soldiers were killed on March 12.",
            "were killed",
        );
    }

    #[test]
    fn a_date_that_opens_the_clause_reported() {
        assert_silent(
            "2020-11-25",
            "The council said on Monday 30 November was the deadline for applications.",
        );
        assert_silent(
            "2020-11-25",
            "The ministry announced 1 December will be the first day of the new rules.",
        );
        assert_fires(
            "2020-11-25",
            "The council announced on Monday 30 November that the deadline had passed.",
            "announced",
        );
    }

    #[test]
    fn near_the_publication_day() {
        assert_silent("2016-05-20", "The president will visit on May 19.");
        assert_silent("2016-05-20", "The president will visit on May 18.");
        assert_silent("2016-05-20", "The president visited on May 22.");
    }

    #[test]
    fn hedged_reported_and_quoted() {
        assert_silent("2016-05-20", "If invited, he will visit on May 3.");
        assert_silent("2016-05-20", "He would visit on May 3.");
        assert_silent("2016-05-20", "He said he will visit on May 3.");
        assert_silent("2016-05-20", "“We will visit on May 3,” he said.");
        assert_silent("2016-05-20", "The curfew will last until May 3.");
        assert_silent("2016-05-20", "The talks were expected to end on May 3.");
        assert_silent("2016-05-20", "The will of the people on May 3 was clear.");
        assert_silent("2016-03-02", "He was born on March 9.");
        assert_silent("2016-03-02", "The talks that ended on March 9 were long.");
        assert_silent("2016-05-20", "He will mark the anniversary of May 3.");
        assert_silent("2016-05-20", "He will visit the site destroyed on May 3.");
        assert_silent(
            "2016-05-20",
            "He will visit the site that was hit on May 3.",
        );
        assert_silent("2016-05-20", "They will discuss the deal struck on May 3.");
        assert_silent("2016-05-20", "He will visit the region hit on May 3.");
    }

    /// The regular expressions the hand-written matchers stand for.
    const GAP: &str = r"\s+((?:[\p{L}'’.-]+\s+){0,5})$";
    const FUTURE: &str = r"\b(?:(?:[Ww]ill|[Ss]hall)(?:\s+be)?|(?:is|are)\s+(?:due|scheduled|set)\s+to(?:\s+be)?)\s+([a-z]{2,})";
    const PAST: &str = r"\b(died|met|visited|arrived|signed|resigned|said|announced|launched|landed|voted|(?:was|were)\s+(?:killed|arrested|detained|elected|released|sentenced|shot|injured|sworn\s+in|held|signed|announced))";
    const HEDGED: &str = r"(?i)\b(?:if|would|could|might|unless|until|till|should|whether|expected|hoped|planned|plans|reportedly|supposed|originally|initially)\b|(?-i:\bmay\b)";
    const REPORTED: &str = r"(?i)\b(?:said|says|say|told|tells|announced|according|reported|reports|claimed|stated|added|wrote|insisted|promised|warned|confirmed|believed|thought)\b";

    fn texts() -> Vec<String> {
        use crate::matcher::testing::{phrases, texts, TRICKY};
        let mut words = TRICKY.to_vec();
        words.extend([
            "will",
            "Will",
            "WILL",
            "shall",
            "be",
            "is",
            "are",
            "due",
            "scheduled",
            "set",
            "to",
            "visit",
            "open",
            "v",
            "died",
            "met",
            "metres",
            "was",
            "were",
            "sworn",
            "in",
            "killed",
            "signed",
            "on",
            "Kyiv",
            "the",
            "said",
            "Said",
            "ſaid",
            "may",
            "May",
            "If",
            "told",
            "a",
            "Łódź",
            "é",
            "x’s",
        ]);
        let separators = [" ", " ", " ", " ", "  ", "\u{A0}", "\n", "", ",", "“", "’"];
        let mut all = phrases(&words, &separators, 60_000, 9);
        all.extend(texts(&words, 10_000, 10));
        all
    }

    #[test]
    fn verb_matchers_are_their_regular_expressions() {
        assert!(super::verb::forms_start_with_ascii_letters());
        let future = regex::Regex::new(&format!("{FUTURE}{GAP}")).unwrap();
        let past = regex::Regex::new(&format!("{PAST}{GAP}")).unwrap();
        let mut matched = [0, 0];
        for text in texts() {
            let expected = future.captures(&text).map(|c| {
                (
                    c.get(0).unwrap().range(),
                    c.get(1).unwrap().range(),
                    c.get(2).unwrap().range(),
                )
            });
            let found = super::verb::future(&text).map(|f| (f.whole, f.verb, f.gap));
            assert_eq!(found, expected, "future in {text:?}");
            matched[0] += usize::from(found.is_some());
            let expected = past.captures(&text).map(|c| {
                (
                    c.get(0).unwrap().range(),
                    c.get(1).unwrap().range(),
                    c.get(2).unwrap().range(),
                )
            });
            let found = super::verb::past(&text).map(|f| (f.whole, f.verb, f.gap));
            assert_eq!(found, expected, "past in {text:?}");
            matched[1] += usize::from(found.is_some());
        }
        // The comparison is worth something only if both matched often.
        assert!(matched.iter().all(|&count| count > 500), "{matched:?}");
    }

    #[test]
    fn word_lists_are_their_regular_expressions() {
        let hedged = regex::Regex::new(HEDGED).unwrap();
        let reported = regex::Regex::new(REPORTED).unwrap();
        let mut matched = [0, 0];
        for text in texts() {
            let found = crate::matcher::has_word(&text, super::HEDGED, &["may"]);
            assert_eq!(found, hedged.is_match(&text), "hedged: {text:?}");
            matched[0] += usize::from(found);
            let found = crate::matcher::has_word(&text, super::REPORTED, &[]);
            assert_eq!(found, reported.is_match(&text), "reported: {text:?}");
            matched[1] += usize::from(found);
        }
        assert!(matched.iter().all(|&count| count > 500), "{matched:?}");
    }

    #[test]
    fn needs_a_stated_publication_date() {
        let found = findings("The president will visit on May 3, 2016.");
        assert!(found.is_empty(), "{found:?}");
    }
}
