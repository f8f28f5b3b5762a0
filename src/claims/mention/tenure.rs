//! A sentence that names a person's time in office, or an event of it, as the time it speaks
//! of: "During the Trump administration, President Donald Trump cut taxes", "the impeachment
//! of President Donald Trump", "Obama-era rules, set by President Barack Obama". Such a title
//! is the one held then, not a claim about the article's date, and news copy of every house
//! style writes it without "then-".

use std::ops::Range;

use super::time::is_word;
use crate::text::is_letter_or_digit;

/// Nouns for a time in office ("the Trump administration", "during his presidency").
const TENURE: &[&str] = &[
    "administration",
    "administrations",
    "presidency",
    "premiership",
    "chancellorship",
    "government",
    "cabinet",
    "tenure",
    "term",
    "terms",
    "era",
    "reign",
    "regime",
    "legacy",
    "library",
    "presidential",
    "foundation",
    "memoir",
    "memoirs",
];

/// A tenure or an event of it written as "the NOUN of TITLE NAME" ("the administration of
/// President X", "the impeachment of President Donald Trump"): the sentence speaks of its
/// time. Not "regime" or "era": "the regime of Ben Ali, the Tunisian president," describes
/// the man as much as his rule.
const OF_NOUNS: &[&str] = &[
    "administration",
    "presidency",
    "premiership",
    "chancellorship",
    "government",
    "cabinet",
    "tenure",
    "term",
    "reign",
    "impeachment",
    "impeachments",
    "election",
    "re-election",
    "reelection",
    "inauguration",
    "swearing-in",
    "assassination",
    "ouster",
    "overthrow",
    "resignation",
    "downfall",
];

/// Words that may stand between an owner and the tenure noun ("Obama's second term", "his
/// final years").
const BETWEEN: &[&str] = &[
    "s", "first", "second", "third", "fourth", "final", "last", "early", "late", "own", "entire",
    "whole", "two", "four", "five", "eight", "ten",
];

/// Words that set "his", "her" or "their" tenure as the sentence's time ("during his
/// presidency", "under her premiership").
const TIME_PREPOSITIONS: &[&str] = &["during", "throughout", "under", "in", "over"];

/// The words before "in office" or "in power" that make it a time: "while in office", "his
/// time in office", "her years in power", "on his last day in office".
const IN_OFFICE_BEFORE: &[&str] = &["while", "time", "years", "day", "days", "weeks", "months"];

/// Whether the words after a title and name are a possessive naming the tenure or what it
/// left behind ("'s administration", "'s presidential library", "'s legacy").
pub(super) fn names_a_tenure(after: &str) -> bool {
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    let noun = rest
        .split(|c: char| !is_letter_or_digit(c))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    is_word(noun, TENURE)
}

/// Whether the sentence (`words`, with their offsets in `text`) speaks of the time in office
/// of the person the claim at `claim` names: an event of it right before the claim ("the
/// impeachment of President X"), a tenure whose owner is a word of the claim ("the Trump
/// administration", "Trump's presidency", "Obama-era"), "during his presidency", or "while
/// in office".
pub(super) fn speaks_of_a_tenure(
    text: &str,
    words: &[(&str, usize)],
    claim: &Range<usize>,
) -> bool {
    if event_of_the_claim(text, claim.start) {
        return true;
    }
    let claim_names = || {
        words
            .iter()
            .filter(|(w, at)| claim.start <= *at && *at < claim.end && starts_uppercase(w))
            .map(|(w, _)| *w)
    };
    words.iter().enumerate().any(|(index, &(word, _))| {
        // Most words start with none of the nouns' letters: passed over at once.
        if !word
            .as_bytes()
            .first()
            .is_some_and(|b| b"acefglmoprtACEFGLMOPRT".contains(b))
        {
            return false;
        }
        if is_word(word, &["office", "power"]) {
            return index >= 2
                && is_word(words[index - 1].0, &["in"])
                && is_word(words[index - 2].0, IN_OFFICE_BEFORE);
        }
        if !is_word(word, TENURE) {
            return false;
        }
        let mut owner = index;
        while owner > 0 && is_word(words[owner - 1].0, BETWEEN) {
            owner -= 1;
        }
        let Some(owner) = owner.checked_sub(1) else {
            return false;
        };
        let (owner_word, _) = words[owner];
        if starts_uppercase(owner_word) && claim_names().any(|name| name == owner_word) {
            return true;
        }
        is_word(owner_word, &["his", "her", "their"])
            && owner
                .checked_sub(1)
                .is_some_and(|before| is_word(words[before].0, TIME_PREPOSITIONS))
    })
}

/// "the impeachment of President X", "the administration of Prime Minister X": the text
/// before `claim_start` ends with an event or tenure noun and "of" (and perhaps "the").
fn event_of_the_claim(text: &str, claim_start: usize) -> bool {
    let head = text[..claim_start].trim_end();
    let head = head
        .strip_suffix(" the")
        .or_else(|| head.strip_suffix(" The"))
        .unwrap_or(head);
    let Some(head) = head.strip_suffix(" of") else {
        return false;
    };
    let noun_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter_or_digit(c) || c == '-')
        .last()
        .map_or(head.len(), |(at, _)| at);
    is_word(&head[noun_start..], OF_NOUNS)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentence's words as `words_of` gives them, and the claim's range.
    fn speaks(sentence: &str, claim: &str) -> bool {
        let words = super::super::time::words_of(sentence, 0..sentence.len());
        let at = sentence.find(claim).expect("claim in sentence");
        speaks_of_a_tenure(sentence, &words, &(at..at + claim.len()))
    }

    #[test]
    fn a_tenure_of_the_person_named_is_the_sentences_time() {
        let trump = "President Donald Trump";
        assert!(speaks(
            "During the Trump administration, President Donald Trump cut taxes.",
            trump
        ));
        assert!(speaks(
            "During Trump's presidency, President Donald Trump cut taxes.",
            trump
        ));
        assert!(speaks(
            "During his presidency, President Donald Trump cut taxes.",
            trump
        ));
        assert!(speaks(
            "The law was passed during President Donald Trump's first term.",
            trump
        ));
        assert!(speaks(
            "Trump-era rules, set by President Donald Trump, were scrapped.",
            trump
        ));
        assert!(speaks(
            "While in office, President Donald Trump cut taxes.",
            trump
        ));
        assert!(speaks(
            "During his time in office, President Donald Trump cut taxes.",
            trump
        ));
        assert!(speaks(
            "President Donald Trump pardoned them on his last day in office.",
            trump
        ));
        assert!(speaks(
            "The impeachment of President Donald Trump divided the country.",
            trump
        ));
        assert!(speaks(
            "Taxes fell during the tenure of President Donald Trump.",
            trump
        ));
        assert!(speaks(
            "The measure was first proposed under the government of Prime Minister Boris Johnson.",
            "Prime Minister Boris Johnson"
        ));
    }

    #[test]
    fn another_persons_tenure_or_a_present_noun_is_not() {
        let biden = "President Joe Biden";
        assert!(!speaks(
            "During the Obama administration, President Joe Biden spoke.",
            biden
        ));
        assert!(!speaks("President Joe Biden met the press.", biden));
        assert!(!speaks(
            "President Joe Biden said his term would end well.",
            biden
        ));
        assert!(!speaks(
            "Soviet-era tanks were shown to President Joe Biden.",
            biden
        ));
        assert!(!speaks(
            "The Soviet era of President Joe Biden is an invention.",
            biden
        ));
        assert!(!speaks("The visit of President Joe Biden began.", biden));
        assert!(!speaks(
            "Poems written during the regime of Joe Biden, the US president, were read.",
            "Joe Biden, the US president"
        ));
    }

    #[test]
    fn a_possessive_naming_the_tenure_follows_the_claim() {
        assert!(names_a_tenure("'s administration said"));
        assert!(names_a_tenure("\u{2019}s presidential library"));
        assert!(!names_a_tenure("'s plane landed"));
        assert!(!names_a_tenure(" said"));
    }
}
