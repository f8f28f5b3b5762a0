//! A title given to the person who performs an act only the holder of an office performs:
//! "Bates, who was appointed by President George W. Bush, ruled", "Manning's sentence was
//! commuted by President Barack Obama", "the law, which President Bill Clinton signed into
//! law", "Prime Minister Theresa May sacked him". The press of every house style gives the
//! title held at the time of the act, without "then-" (the AP's rule): the sentence speaks of
//! the holder's time in office, not of the article's date.

use std::ops::Range;

use super::time::is_word;

/// Acts of office written as the claim's own verb ("President X appointed her") or its
/// passive agent ("appointed by President X"). A former holder does none of them.
const ACTS: &[&str] = &[
    "appointed",
    "nominated",
    "pardoned",
    "commuted",
    "vetoed",
    "sacked",
];

/// Acts read only in the passive: "fired by President X" (the active "fired back" is no
/// act of office), "elevated to the appeals court by President X".
const PASSIVE_ONLY: &[&str] = &["fired", "elevated"];

/// Acts of office only when what they act on is a measure of government ("signed the bill",
/// "the program introduced by President X", "sanctions imposed by President X"): "a letter
/// signed by President X", "she was introduced by President X" a former holder does too.
const ACTS_ON_A_MEASURE: &[&str] = &[
    "signed",
    "introduced",
    "created",
    "established",
    "launched",
    "imposed",
    "issued",
    "enacted",
    "implemented",
    "instituted",
    "granted",
    "lifted",
    "repealed",
    "rescinded",
    "revoked",
];

/// Measures of government, which only the holder of an office signs, issues or imposes.
const MEASURES: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "act",
    "order",
    "orders",
    "legislation",
    "decree",
    "decrees",
    "treaty",
    "accord",
    "proclamation",
    "program",
    "programme",
    "programs",
    "programmes",
    "policy",
    "policies",
    "rule",
    "rules",
    "regulation",
    "regulations",
    "sanctions",
    "tariff",
    "tariffs",
    "tax",
    "taxes",
    "measure",
    "measures",
    "reform",
    "reforms",
    "ban",
    "moratorium",
    "mandate",
    "pardon",
    "pardons",
    "clemency",
];

/// Words that may stand between the claim and its verb: "President X later appointed her".
const ADVERBS: &[&str] = &[
    "had",
    "later",
    "also",
    "eventually",
    "ultimately",
    "once",
    "personally",
];

/// How many words may stand between a passive act and "by": "appointed to the bench by".
const PASSIVE_GAP: usize = 5;

/// Whether the claim at `claim` (a title and a name) is the doer of an act of office in its
/// sentence (`words`, with their offsets in `text`).
pub(super) fn an_act_of_office(text: &str, words: &[(&str, usize)], claim: &Range<usize>) -> bool {
    let first = words.partition_point(|&(_, at)| at < claim.start);
    let after = words.partition_point(|&(_, at)| at < claim.end);
    agent_of_a_passive(text, words, first, claim.start)
        || subject_of_an_act(text, words, after, (claim.start, claim.end))
        || appointee_of(text, words, first, claim.start)
}

/// "Robart, an appointee of President George W. Bush,", "a nominee of President X".
fn appointee_of(text: &str, words: &[(&str, usize)], first: usize, claim_start: usize) -> bool {
    let Some(of) = first.checked_sub(1) else {
        return false;
    };
    let (word, at) = words[of];
    of > 0
        && word.eq_ignore_ascii_case("of")
        && text[at + word.len()..claim_start].trim().is_empty()
        && is_word(
            words[of - 1].0,
            &["appointee", "appointees", "nominee", "nominees"],
        )
}

/// "appointed by President X", "appointed to the bench by President X", "the executive
/// order signed by President X"; not "to be appointed by" (a future act).
fn agent_of_a_passive(
    text: &str,
    words: &[(&str, usize)],
    first: usize,
    claim_start: usize,
) -> bool {
    let Some(by) = first.checked_sub(1) else {
        return false;
    };
    let (word, at) = words[by];
    if !word.eq_ignore_ascii_case("by") || !text[at + word.len()..claim_start].trim().is_empty() {
        return false;
    }
    (by.saturating_sub(PASSIVE_GAP)..by).rev().any(|index| {
        let (verb, verb_at) = words[index];
        let needs_a_measure = is_word(verb, ACTS_ON_A_MEASURE);
        if !(is_word(verb, ACTS) || is_word(verb, PASSIVE_ONLY) || needs_a_measure) {
            return false;
        }
        // The act and its agent in one phrase: no punctuation between them.
        if text[verb_at..at].contains([',', ';', ':', '(', ')', '—', '–']) {
            return false;
        }
        if index > 0 && is_word(words[index - 1].0, &["be"]) {
            return false;
        }
        !needs_a_measure || a_measure_beside(words, index.saturating_sub(3)..index, index)
    })
}

/// "President X appointed her", "which President X signed into law", "President X later
/// pardoned him": the verb right after the claim.
fn subject_of_an_act(
    text: &str,
    words: &[(&str, usize)],
    after: usize,
    (claim_start, claim_end): (usize, usize),
) -> bool {
    if !text[claim_end..].starts_with(' ') {
        return false;
    }
    let Some(index) = (after..words.len()).find(|&index| !is_word(words[index].0, ADVERBS)) else {
        return false;
    };
    let (verb, verb_at) = words[index];
    if text[claim_end..verb_at].contains([',', ';', ':', '(', ')', '—', '–']) {
        return false;
    }
    if is_word(verb, ACTS) {
        return true;
    }
    // "the program which President X created": the measure may come before the claim.
    let claim_first = words.partition_point(|&(_, at)| at < claim_start);
    is_word(verb, ACTS_ON_A_MEASURE)
        && a_measure_beside(words, claim_first.saturating_sub(3)..claim_first, index)
}

/// Whether the act at `act` is done to a measure of government: "signed into law", "signed
/// the bill" (up to four words after it), or a measure among the words `before` ("the
/// executive order signed by", "the law was signed by").
fn a_measure_beside(words: &[(&str, usize)], before: Range<usize>, act: usize) -> bool {
    let next = &words[act + 1..words.len().min(act + 5)];
    let into_law = next
        .windows(2)
        .any(|pair| is_word(pair[0].0, &["into"]) && is_word(pair[1].0, &["law"]));
    into_law
        || next.iter().any(|&(word, _)| is_word(word, MEASURES))
        || words[before]
            .iter()
            .any(|&(word, _)| is_word(word, MEASURES))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the claim `claim` of `sentence` is the doer of an act of office.
    fn acts(sentence: &str, claim: &str) -> bool {
        let words = super::super::time::words_of(sentence, 0..sentence.len());
        let at = sentence.find(claim).expect("claim in sentence");
        an_act_of_office(sentence, &words, &(at..at + claim.len()))
    }

    const BUSH: &str = "President George W. Bush";

    #[test]
    fn the_agent_of_a_passive_act_of_office() {
        for sentence in [
            "Bates, who was appointed by President George W. Bush, was the first to rule.",
            "Judge Smith was appointed to the federal bench by President George W. Bush.",
            "Smith was nominated by President George W. Bush and confirmed by the Senate.",
            "His sentence was commuted by President George W. Bush.",
            "The bill, vetoed by President George W. Bush, never became law.",
            "The law was signed by President George W. Bush.",
            "The measure was signed into law by President George W. Bush.",
            "The executive order signed by President George W. Bush stands.",
            "Comey was fired by President George W. Bush.",
            "She was elevated to the appeals court by President George W. Bush.",
            "The ruling from Robart, an appointee of President George W. Bush, was sweeping.",
            "The program, introduced by President George W. Bush, shields 700,000 people.",
            "The executive order issued by President George W. Bush protected them.",
            "The pardon was granted by President George W. Bush on his last day.",
            "Sanctions imposed by President George W. Bush were lifted.",
        ] {
            assert!(acts(sentence, BUSH), "{sentence:?}");
        }
    }

    #[test]
    fn the_subject_of_an_act_of_office() {
        for sentence in [
            "President George W. Bush appointed her to the appeals court.",
            "President George W. Bush later pardoned him.",
            "The act, which President George W. Bush signed into law, survived.",
            "President George W. Bush signed the bill on the lawn.",
            "President George W. Bush vetoed it twice.",
            "President George W. Bush introduced the reform in a speech.",
            "The program that President George W. Bush created was ended.",
        ] {
            assert!(acts(sentence, BUSH), "{sentence:?}");
        }
    }

    #[test]
    fn other_verbs_and_future_acts_are_not_acts_of_office() {
        for sentence in [
            "President George W. Bush said on Tuesday that he would campaign.",
            "A letter signed by President George W. Bush was sold.",
            "President George W. Bush signed copies of his memoir.",
            "President George W. Bush fired back at his critics.",
            "She is expected to be appointed by President George W. Bush.",
            "He was appointed, the paper said, by President George W. Bush.",
            "She was introduced by President George W. Bush at the rally.",
            "The foundation created by President George W. Bush opened a library.",
            "President George W. Bush launched his memoir in Dallas.",
            "President George W. Bush, who appointed her, said on Tuesday she would win.",
            "Appointed judges met President George W. Bush.",
        ] {
            assert!(!acts(sentence, BUSH), "{sentence:?}");
        }
    }
}
