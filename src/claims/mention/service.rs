//! A title given to the person someone served, in the past tense: "Rice, who served as
//! national security adviser to President Barack Obama,", "Barwell, who was chief of staff to
//! Prime Minister Theresa May,", "He worked for President Bill Clinton". The service was done
//! while the title was held, and profiles and obituaries of every house style write the title
//! of that time without "then-". The present ("She is an adviser to President X", "an
//! adviser to President X, said on Tuesday") is still a claim about the article's date.

use std::ops::Range;

use super::time::is_word;

/// Past verbs of serving: "served as ... to", "worked for".
const SERVED: &[&str] = &["served", "worked"];

/// Past forms of "be" that, with a role, say someone served: "was chief of staff to".
const WAS: &[&str] = &["was", "were"];

/// Roles of those who serve an office holder.
const ROLES: &[&str] = &[
    "adviser",
    "advisor",
    "advisers",
    "advisors",
    "aide",
    "aides",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "counsel",
    "counselor",
    "counsellor",
    "staff",
    "ambassador",
    "envoy",
    "physician",
    "doctor",
    "speechwriter",
    "photographer",
    "assistant",
    "director",
    "czar",
    "interpreter",
];

/// Words that make "served" or "worked" a present or a future: "has served as adviser to".
const NOT_PAST: &[&str] = &["has", "have", "will", "to", "be"];

/// How far back from "to" or "for" the verb may stand: "served as deputy national security
/// adviser to".
const WINDOW: usize = 8;

/// Whether the claim at `claim` (a title and a name) is the person someone served in the
/// past, in its sentence (`words`, with their offsets in `text`).
pub(super) fn served_the_holder(text: &str, words: &[(&str, usize)], claim: &Range<usize>) -> bool {
    let first = words.partition_point(|&(_, at)| at < claim.start);
    let Some(preposition) = first.checked_sub(1) else {
        return false;
    };
    let (word, at) = words[preposition];
    if !is_word(word, &["to", "for"]) || !text[at + word.len()..claim.start].trim().is_empty() {
        return false;
    }
    let mut role = false;
    for index in (preposition.saturating_sub(WINDOW)..preposition).rev() {
        let (word, word_at) = words[index];
        // The service and the person served in one phrase: no punctuation between them.
        if text[word_at..at].contains([',', ';', ':', '(', ')', '—', '–']) {
            return false;
        }
        let before = index.checked_sub(1).map(|i| words[i].0);
        if is_word(word, SERVED) {
            return !before.is_some_and(|b| is_word(b, NOT_PAST));
        }
        role |= is_word(word, ROLES);
        if is_word(word, WAS) {
            return role;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the claim `claim` of `sentence` is someone's past employer.
    fn served(sentence: &str, claim: &str) -> bool {
        let words = super::super::time::words_of(sentence, 0..sentence.len());
        let at = sentence.find(claim).expect("claim in sentence");
        served_the_holder(sentence, &words, &(at..at + claim.len()))
    }

    const OBAMA: &str = "President Barack Obama";

    #[test]
    fn past_service_to_the_holder() {
        for sentence in [
            "Rice, who served as national security adviser to President Barack Obama, spoke.",
            "Emanuel, who was chief of staff to President Barack Obama, is now a commentator.",
            "She was an adviser to President Barack Obama.",
            "He worked for President Barack Obama in the White House.",
            "She was press secretary for President Barack Obama.",
            "Gates served as defense secretary to President Barack Obama.",
        ] {
            assert!(served(sentence, OBAMA), "{sentence:?}");
        }
    }

    #[test]
    fn present_service_and_other_links_are_not() {
        for sentence in [
            "She is an adviser to President Barack Obama.",
            "Rice, an adviser to President Barack Obama, said on Tuesday she would run.",
            "She has served as an adviser to President Barack Obama since 2009.",
            "She was introduced to President Barack Obama on Tuesday.",
            "He wants to work for President Barack Obama.",
            "He was an adviser, and he wrote to President Barack Obama.",
            "President Barack Obama served as an example.",
        ] {
            assert!(!served(sentence, OBAMA), "{sentence:?}");
        }
    }
}
