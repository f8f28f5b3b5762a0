//! Speakers: a speech verb and the person or body it belongs to ("Stoltenberg said", "said
//! Secretary General Jens Stoltenberg", "he told reporters", "according to the ministry").

use std::ops::Range;

use crate::style::word_lists::List;
use crate::style::words::Words;
use crate::text::{is_letter, is_letter_or_digit, LowerAscii};

/// Which side of the quotation a stretch of text is on: the verb nearest the quotation wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Before,
    After,
}

/// Personal pronouns a speaker may be: "he said".
const PERSONAL_PRONOUNS: &[&str] = &["i", "you", "he", "she", "it", "we", "they"];

/// Pronouns that name no one in particular: "everybody agrees", "some say". They may speak
/// in their own sentence, but do not introduce the next sentence's quotation.
const INDEFINITE: &[&str] = &[
    "one",
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "nobody",
    "many",
    "some",
    "others",
    "both",
    "all",
    "another",
    "most",
    "few",
];

/// Whether a word is a pronoun a speaker may be without being a name (lower-case).
fn is_pronoun(word: &str) -> bool {
    PERSONAL_PRONOUNS.contains(&word) || INDEFINITE.contains(&word)
}

/// Whether a speaker's words are an indefinite pronoun.
pub fn is_indefinite(speaker: &str) -> bool {
    INDEFINITE
        .iter()
        .any(|word| speaker.eq_ignore_ascii_case(word))
}

/// Words that may sit between a speaker and the verb: "he later said", "she has also written".
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "then",
    "later",
    "once",
    "again",
    "just",
    "already",
    "was",
    "were",
    "is",
    "are",
    "would",
    "will",
    "can",
    "could",
    "did",
    "does",
    "do",
    "not",
    "never",
    "even",
    "still",
    "shall",
    "may",
    "might",
    "must",
    "should",
    "soon",
    "often",
    "always",
    "first",
    "finally",
    "subsequently",
    "earlier",
    "further",
    "simply",
    "that",
];

/// Relative pronouns: "Eduard Limonov, who declared" names the speaker before the comma.
const RELATIVES: &[&str] = &["who", "which"];

/// Capitalised words that start a sentence without naming anyone.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "however",
    "this",
    "that",
    "these",
    "those",
    "it",
    "there",
    "then",
    "when",
    "while",
    "after",
    "before",
    "as",
    "if",
    "for",
    "with",
    "from",
    "by",
    "to",
    "of",
    "also",
    "so",
    "yet",
    "still",
    "meanwhile",
    "finally",
    "overall",
    "earlier",
    "later",
    "according",
    "since",
    "although",
    "though",
    "because",
    "here",
    "what",
    "how",
    "why",
    "is",
    "was",
    "are",
    "were",
    "do",
    "does",
    "did",
    "not",
    "no",
    "yes",
    "one",
    "some",
    "many",
];

/// Pronouns that are a sentence's subject.
const SUBJECT_PRONOUNS: &[&str] = &["i", "he", "she", "we", "they"];

/// Words that start a noun phrase: "the minister", "one blogger".
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "one", "another", "some", "many", "several", "other", "each", "every", "most", "few",
    "two", "three", "numerous", "various", "both", "all",
];

/// Small words inside names: "Secretary of State", "Osama bin Laden", "Ludwig van Beethoven".
const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "da", "del", "della", "des", "di", "do", "dos", "du", "la", "le", "van", "von",
    "der", "den", "bin", "ibn", "al", "el", "y",
];

/// Words that can never be a speaker: the verb is an infinitive or the clause has no subject.
const NOT_SPEAKERS: &[&str] = &[
    "to", "be", "been", "being", "and", "or", "but", "if", "as", "than", "so", "when", "while",
    "because", "for", "in", "on", "at", "by", "with", "from", "about", "after", "before",
];

/// Stop words that end a lowercase speaker phrase after the verb ("said a spokesman for").
const PHRASE_ENDS: &[&str] = &[
    "for", "of", "at", "in", "on", "to", "from", "with", "who", "which", "that", "and", "as",
    "when", "while", "after", "before", "during", "about",
];

#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    /// Punctuation (not just space) separates it from the previous word.
    break_before: bool,
}

/// The speaker of a speech verb in `text[within]`, as a range of `text`. `side` says where
/// the quotation is, so the verb nearest it is tried first. With a speech verb but no
/// subject next to it ("Ksenia Sobchak, for her part, ..., writing"), the first person the
/// sentence names is the speaker. The speech verbs and phrases are `speech`'s.
pub fn find_speaker(
    text: &str,
    within: Range<usize>,
    side: Side,
    speech: &Words,
) -> Option<Range<usize>> {
    find_speaker_of(text, within, side, speech, |_| true)
}

/// Verbs that report what someone said as a clause of their own ("Smith said she had
/// waited", "he says he has never"): a sentence with one of them may run into a quotation
/// in the next paragraph. Phrases such as "went on" ("the meeting went on late") do not.
/// Verbs that as often take a plain object ("stressed the importance of", "wrote a book",
/// "noted the figures") are left out.
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "insisted", "insists", "argued",
    "argues", "admitted", "admits", "claimed", "claims", "believes", "believed", "thinks",
    "thought", "conceded", "concedes",
];

/// Words that open a speaker phrase of many people: "several delegations", "two officials".
const GROUP_DETERMINERS: &[&str] = &[
    "several", "many", "some", "most", "few", "two", "three", "four", "numerous", "various",
    "both", "all", "other", "others",
];

/// Endings of plural nouns for people in groups: "analysts", "officials", "diplomats",
/// "protesters", "authorities". Names that end so ("Rogers") are rarer after "said" than
/// the groups, and keep the finding they had before.
const GROUP_ENDINGS: &[&str] = &[
    "ers", "sts", "ants", "ents", "ians", "als", "ors", "ics", "ities", "ates", "tives", "ces",
    "mats", "ople",
];

/// Whether a speaker is a group of people rather than one person or body: a bare plural
/// ("Analysts", "diplomats", "police") or a phrase opening with a number or quantity
/// ("Several delegations"). A paraphrase of a group does not say whose a quotation is.
pub fn is_a_group(speaker: &str) -> bool {
    let mut words = speaker.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.to_lowercase();
    if GROUP_DETERMINERS.contains(&first.as_str()) {
        return true;
    }
    let bare = words.next().is_none();
    bare && (first == "police" || GROUP_ENDINGS.iter().any(|ending| first.ends_with(ending)))
}

/// The speaker of a reporting verb (`REPORTING_VERBS`) in `text[within]`: the person a
/// paraphrase reports, nearest the end.
pub fn find_reporting_speaker(
    text: &str,
    within: Range<usize>,
    speech: &Words,
) -> Option<Range<usize>> {
    find_speaker_of(text, within, Side::Before, speech, |verb| {
        REPORTING_VERBS
            .iter()
            .any(|reporting| reporting.eq_ignore_ascii_case(verb))
    })
}

/// `find_speaker` over the speech verbs and phrases that `accept` takes (as written).
fn find_speaker_of(
    text: &str,
    within: Range<usize>,
    side: Side,
    speech: &Words,
    accept: impl Fn(&str) -> bool,
) -> Option<Range<usize>> {
    text.get(within.clone())?;
    let words = words(text, within.clone());
    let mut verbs: Vec<(usize, usize)> = Vec::new();
    // The passives among them ("was accused of"): their subject is not the speaker.
    let mut passives: Vec<usize> = Vec::new();
    let mut next = 0;
    while next < words.len() {
        match speech_verb_at(text, &words, next, speech) {
            Some(last) => {
                if accept(&text[words[next].start..words[last].end]) {
                    verbs.push((next, last));
                    if is_passive(text, &words, next, last) {
                        passives.push(next);
                    }
                }
                next = last + 1;
            }
            None => next += 1,
        }
    }
    if side == Side::Before {
        verbs.reverse();
    }
    let direct = verbs.iter().find_map(|&(first, last)| {
        let verb = text[words[first].start..words[last].end].to_ascii_lowercase();
        if speech.list(List::SpeakerAfter).contains(&verb) {
            return speaker_after(text, &words, last);
        }
        if passives.contains(&first) {
            // "was accused by Labour of": the speaker is the agent, when there is one.
            return passive_agent(text, &words, last);
        }
        // Only right after the quotation does the speaker follow the verb ("“...,” said
        // Jane Doe"); elsewhere the words after a verb are its object ("share their ideas").
        let inverted = side == Side::After && first == 0;
        speaker_before(text, &words, first).or_else(|| {
            inverted
                .then(|| speaker_after(text, &words, last))
                .flatten()
        })
    });
    direct.or_else(|| {
        let first_verb = verbs
            .iter()
            .map(|&(first, _)| first)
            .filter(|first| !passives.contains(first))
            .min()?;
        person_among(text, &words[..first_verb])
            .or_else(|| subject_set_off(text, &words[..=first_verb]))
    })
}

/// Forms of "be" that make a past participle after them a passive.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Words that may sit between "be" and its participle: "was later accused", "has been widely
/// criticised".
const WITHIN_A_PASSIVE: &[&str] = &[
    "also",
    "then",
    "later",
    "once",
    "again",
    "just",
    "already",
    "not",
    "never",
    "even",
    "still",
    "often",
    "always",
    "first",
    "finally",
    "subsequently",
    "earlier",
    "further",
    "repeatedly",
];

/// Participles of speech verbs whose passive still has the speaker as its subject: "he was
/// quoted as saying", "she was reported as saying", "he was cited as saying".
const SPEAKING_PASSIVES: &[&str] = &["quoted", "reported", "cited"];

/// Whether the speech verb `words[first..=last]` is a passive ("was accused of", "has been
/// criticised for", "were told"): its subject is the one spoken about or to, not the speaker.
fn is_passive(text: &str, words: &[Word], first: usize, last: usize) -> bool {
    // Read as written, ASCII case ignored: asked of every speech verb, most of them "said".
    let is_one_of =
        |written: &str, list: &[&str]| list.iter().any(|word| word.eq_ignore_ascii_case(written));
    if first != last {
        return false;
    }
    let verb = &text[words[first].start..words[first].end];
    let participle = verb
        .get(verb.len().saturating_sub(2)..)
        .is_some_and(|ending| ending.eq_ignore_ascii_case("ed"))
        || verb.eq_ignore_ascii_case("told");
    if !participle {
        return false;
    }
    let mut at = first;
    while at > 0 && !words[at].break_before {
        at -= 1;
        let word = &text[words[at].start..words[at].end];
        // A name or a sentence's first word ("Ionescu stressed") is no "be" or adverb.
        if word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        if is_one_of(word, BE_FORMS) {
            return !is_one_of(verb, SPEAKING_PASSIVES);
        }
        let adverb = word.len() > 4
            && word
                .get(word.len() - 2..)
                .is_some_and(|ending| ending.eq_ignore_ascii_case("ly"));
        if !adverb && !is_one_of(word, WITHIN_A_PASSIVE) {
            return false;
        }
    }
    false
}

/// The agent of a passive speech verb, "by" a few words after it: "accused by Labour of",
/// "criticised on Tuesday by the watchdog for".
fn passive_agent(text: &str, words: &[Word], verb: usize) -> Option<Range<usize>> {
    const AGENT_WITHIN: usize = 4;
    let by = (verb + 1..words.len().min(verb + 1 + AGENT_WITHIN))
        .take_while(|&at| !words[at].break_before)
        .find(|&at| lower(text, words[at]).as_str() == "by")?;
    speaker_after(text, words, by)
}

/// Whether `text[within]` holds a speech verb in the passive with no agent ("The government
/// was accused of"): the person it names is the one spoken about, not the speaker of a
/// quotation after it.
pub fn passive_without_agent(text: &str, within: Range<usize>, speech: &Words) -> bool {
    let words = words(text, within);
    let mut next = 0;
    while next < words.len() {
        match speech_verb_at(text, &words, next, speech) {
            Some(last) => {
                if is_passive(text, &words, next, last)
                    && passive_agent(text, &words, last).is_none()
                {
                    return true;
                }
                next = last + 1;
            }
            None => next += 1,
        }
    }
    false
}

/// The agent named right after a quotation, as a passive before it leaves it to come last:
/// "... was accused of “...” by the chair of the committee".
pub fn agent_after(text: &str, within: Range<usize>) -> Option<Range<usize>> {
    // Most quotations are followed by anything but "by": told without listing the words.
    let after = text.get(within.clone())?;
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    if !after
        .get(..3)
        .is_some_and(|by| by.eq_ignore_ascii_case("by "))
    {
        return None;
    }
    let words = words(text, within);
    let first = *words.first()?;
    if lower(text, first).as_str() != "by" {
        return None;
    }
    speaker_after(text, &words, 0)
}

/// A noun phrase opening the sentence and set off from its speech verb by a clause: "The
/// judge, who heard the case for seven days, said", "A spokeswoman for the ministry, asked
/// about the talks, said". `words` ends with the verb, which must follow a comma.
fn subject_set_off(text: &str, words: &[Word]) -> Option<Range<usize>> {
    let (verb, before) = words.split_last()?;
    let first = *before.first()?;
    if !verb.break_before || !DETERMINERS.contains(&lower(text, first).as_str()) {
        return None;
    }
    // The phrase runs to the first comma: two to five words ("the judge", "a spokeswoman for
    // the ministry").
    let end = before
        .iter()
        .skip(1)
        .position(|word| word.break_before)
        .map(|offset| offset + 1)?;
    (2..=5)
        .contains(&end)
        .then(|| first.start..before[end - 1].end)
}

/// Verbs by which an inquiry, a court or a watchdog gives its findings: a partial quotation
/// after one is the body's words ("The inquiry found there had been “a catalogue of missed
/// opportunities”", "An inquest heard she had been “let down by every agency”").
const FINDING_VERBS: &[&str] = &[
    "found",
    "finds",
    "ruled",
    "rules",
    "heard",
    "hears",
    "judged",
    "judges",
    "deemed",
    "deems",
    "rated",
    "rates",
    "labelled",
    "labels",
    "labeled",
    "branded",
    "brands",
    "concluded",
    "concludes",
];

/// The subject of a sentence about to quote in part, when it is a noun phrase with no name
/// ("The inquiry found", "The watchdog ruled the advert was", "The coroner recorded a
/// conclusion of misadventure and said"): a determiner and one to three words opening
/// `text[within]`, then a finding verb or a speech verb, or later in the same clause "and"
/// with a speech verb. Its range is the determiner and the words up to the verb (up to the
/// noun phrase's past-tense verb in the second shape). A passive ("has been accused of") has none.
pub fn unnamed_subject(text: &str, within: Range<usize>, speech: &Words) -> Option<Range<usize>> {
    const MAX_PHRASE: usize = 3;
    let words = words(text, within);
    let first = *words.first()?;
    if !matches!(lower(text, first).as_str(), "the" | "a" | "an") {
        return None;
    }
    let reports = |at: usize| {
        let word = lower(text, words[at]);
        FINDING_VERBS.contains(&word.as_str()) || speech_verb_at(text, &words, at, speech).is_some()
    };
    for verb in 2..words.len().min(MAX_PHRASE + 2) {
        // A passive ("The government has been accused of") names the one spoken about.
        let between = lower(text, words[verb - 1]);
        if matches!(
            between.as_str(),
            "be" | "been" | "being" | "was" | "were" | "is" | "are"
        ) {
            return None;
        }
        if words[verb].break_before || NOT_SPEAKERS.contains(&between.as_str()) {
            break;
        }
        if reports(verb) {
            return Some(first.start..words[verb - 1].end);
        }
    }
    // "The coroner recorded a conclusion and said ...": a speech verb after "and", with no
    // clause break on the way.
    let clause_end = words
        .iter()
        .skip(1)
        .position(|word| word.break_before)
        .map_or(words.len(), |offset| offset + 1);
    let and_said = (2..clause_end.saturating_sub(1)).any(|at| {
        lower(text, words[at]).as_str() == "and"
            && speech_verb_at(text, &words, at + 1, speech).is_some()
    });
    // The noun phrase runs to its verb when that is a regular past ("The senior coroner
    // recorded"), else it is the determiner's next word ("The minister went").
    let head = (2..clause_end.min(MAX_PHRASE + 2))
        .find(|&at| lower(text, words[at]).ends_with("ed"))
        .map_or(1, |verb| verb - 1);
    and_said.then(|| first.start..words[head].end)
}

/// Nouns for what someone said, which a sentence after a quotation points back to: "That was
/// the verdict of Maria Lopez", "Those were the words of ...".
const SAYINGS: &[&str] = &[
    "words",
    "verdict",
    "view",
    "message",
    "warning",
    "plea",
    "assessment",
    "reaction",
    "response",
    "cry",
    "lament",
    "advice",
    "answer",
    "complaint",
    "fear",
    "hope",
    "conclusion",
    "prediction",
    "promise",
    "feeling",
    "reply",
    "summary",
];

/// The speaker a sentence names while pointing back at the quotation before it, as feature
/// ledes do: "So says Maria Lopez, a farmer", "That was the verdict of Maria Lopez", "Those
/// were the words of a farmer, Maria Lopez": the name after the pointer.
pub fn pointed_back_speaker(text: &str, within: Range<usize>) -> Option<Range<usize>> {
    let words = words(text, within.clone());
    let lower_at = |at: usize| words.get(at).map(|&word| lower(text, word).to_string());
    let first = lower_at(0)?;
    if first == "so" && matches!(lower_at(1).as_deref(), Some("says" | "said")) {
        let name = *words.get(2)?;
        return is_capitalised(text, name).then(|| name_forwards(text, &words, 2));
    }
    let mut at = match (first.as_str(), lower_at(1).as_deref()) {
        ("that's", _) => 1,
        ("that" | "those" | "these" | "this" | "such", Some("is" | "was" | "were" | "are")) => 2,
        _ => return None,
    };
    if matches!(lower_at(at).as_deref(), Some("the" | "a" | "an")) {
        at += 1;
    }
    let saying = lower_at(at)?;
    if !SAYINGS.contains(&saying.as_str())
        || !matches!(lower_at(at + 1).as_deref(), Some("of" | "from"))
    {
        return None;
    }
    person_named(text, words.get(at + 2)?.start..within.end)
}

/// The first person `text[within]` names: a subject pronoun or a name (not a capitalised
/// word that merely opens the sentence).
pub fn person_named(text: &str, within: Range<usize>) -> Option<Range<usize>> {
    person_among(text, &words(text, within))
}

fn person_among(text: &str, words: &[Word]) -> Option<Range<usize>> {
    words.iter().enumerate().find_map(|(index, &word)| {
        let lower = lower(text, word);
        if SUBJECT_PRONOUNS.contains(&lower.as_str()) {
            return Some(word.start..word.end);
        }
        let opener = SENTENCE_OPENERS.contains(&lower.as_str())
            || NOT_SPEAKERS.contains(&lower.as_str())
            || crate::lexicon::is_full_calendar_name(&lower);
        (is_capitalised(text, word) && !opener).then(|| name_forwards(text, words, index))
    })
}

/// The subject right before the verb: "Stoltenberg said", "the minister has said".
fn speaker_before(text: &str, words: &[Word], verb: usize) -> Option<Range<usize>> {
    let mut at = verb;
    let mut after_relative = false;
    loop {
        if at == 0 || (words[at].break_before && !after_relative) {
            return None;
        }
        at -= 1;
        let word = lower(text, words[at]);
        after_relative = RELATIVES.contains(&word.as_str());
        if !after_relative
            && !BETWEEN_SPEAKER_AND_VERB.contains(&word.as_str())
            && !is_adverb(&word)
        {
            break;
        }
    }
    let head = words[at];
    let word = lower(text, head);
    if NOT_SPEAKERS.contains(&word.as_str()) {
        return None;
    }
    if is_pronoun(&word) {
        return Some(head.start..head.end);
    }
    if DETERMINERS.contains(&word.as_str()) {
        return None;
    }
    if is_capitalised(text, head) {
        return Some(name_backwards(text, words, at));
    }
    // A common noun: reach back to its determiner, or a name before it ("Facebook user").
    let mut start = at;
    while start > 0 && at - start < 3 && !words[start].break_before {
        let previous = words[start - 1];
        let lower_previous = lower(text, previous);
        if DETERMINERS.contains(&lower_previous.as_str()) {
            start -= 1;
            // "a spokeswoman for the ministry": the head is the noun before "for".
            start = owner_of(text, words, start).unwrap_or(start);
            break;
        }
        if is_capitalised(text, previous) {
            start = name_backwards(text, words, start - 1).start;
            return Some(start..head.end);
        }
        if NOT_SPEAKERS.contains(&lower_previous.as_str()) {
            break;
        }
        start -= 1;
    }
    Some(words[start].start..head.end)
}

/// The noun phrase that owns the one starting at `start` through "for" or "of" ("a
/// spokeswoman for the ministry", "the head of the agency"): its first word.
fn owner_of(text: &str, words: &[Word], start: usize) -> Option<usize> {
    let link = start.checked_sub(1)?;
    if words[start].break_before || !matches!(lower(text, words[link]).as_str(), "for" | "of") {
        return None;
    }
    (link.saturating_sub(3)..link.saturating_sub(1))
        .rev()
        .take_while(|&at| !words[at + 1].break_before)
        .find(|&at| DETERMINERS.contains(&lower(text, words[at]).as_str()))
}

/// The subject right after the verb: "said Secretary General Jens Stoltenberg", "said he",
/// "according to the ministry".
fn speaker_after(text: &str, words: &[Word], verb: usize) -> Option<Range<usize>> {
    let first = *words.get(verb + 1)?;
    if first.break_before {
        return None;
    }
    let word = lower(text, first);
    if is_pronoun(&word) {
        return Some(first.start..first.end);
    }
    if is_capitalised(text, first) {
        return Some(name_forwards(text, words, verb + 1));
    }
    if !DETERMINERS.contains(&word.as_str()) {
        return described_speaker(text, words, verb + 1);
    }
    let mut end = verb + 1;
    while let Some(next) = words.get(end + 1) {
        let lower_next = lower(text, *next);
        if next.break_before || PHRASE_ENDS.contains(&lower_next.as_str()) || end - verb >= 4 {
            break;
        }
        end += 1;
    }
    (end > verb + 1).then(|| first.start..words[end].end)
}

/// A speaker after the verb with no determiner: a lower-case description then a name ("said
/// chief executive Tim Cook", "said former deputy minister Ana Silva"), or a bare plural or
/// mass noun ("said police", "said officials on Tuesday").
fn described_speaker(text: &str, words: &[Word], first: usize) -> Option<Range<usize>> {
    const MAX_DESCRIPTION: usize = 4;
    let word = lower(text, words[first]);
    if NOT_SPEAKERS.contains(&word.as_str()) || PHRASE_ENDS.contains(&word.as_str()) {
        return None;
    }
    let mut at = first;
    while let Some(next) = words.get(at + 1) {
        if next.break_before {
            break;
        }
        if is_capitalised(text, *next) {
            return Some(words[first].start..name_forwards(text, words, at + 1).end);
        }
        let lower_next = lower(text, *next);
        if PHRASE_ENDS.contains(&lower_next.as_str()) || NOT_SPEAKERS.contains(&lower_next.as_str())
        {
            break;
        }
        if at + 1 - first >= MAX_DESCRIPTION {
            return None;
        }
        at += 1;
    }
    // No name: a short noun phrase that ends the clause ("said police.", "said officials
    // on Tuesday").
    (at - first < 2).then(|| words[first].start..words[at].end)
}

/// A run of capitalised words (with connectors inside it) ending at `last`.
fn name_backwards(text: &str, words: &[Word], last: usize) -> Range<usize> {
    let mut start = last;
    while start > 0 && !words[start].break_before {
        let previous = words[start - 1];
        if is_capitalised(text, previous) {
            start -= 1;
        } else if NAME_CONNECTORS.contains(&lower(text, previous).as_str())
            && start >= 2
            && !previous.break_before
            && is_capitalised(text, words[start - 2])
        {
            start -= 2;
        } else {
            break;
        }
    }
    words[start].start..words[last].end
}

/// A run of capitalised words (with connectors inside it) starting at `first`.
fn name_forwards(text: &str, words: &[Word], first: usize) -> Range<usize> {
    let mut end = first;
    while let Some(next) = words.get(end + 1) {
        if next.break_before {
            break;
        }
        if is_capitalised(text, *next) {
            end += 1;
        } else if NAME_CONNECTORS.contains(&lower(text, *next).as_str())
            && words
                .get(end + 2)
                .is_some_and(|after| !after.break_before && is_capitalised(text, *after))
        {
            end += 2;
        } else {
            break;
        }
    }
    words[first].start..words[end].end
}

/// Words of `text[within]`: letters, digits and the marks that live inside names
/// (`O'Brien`, `al-Assad`, `@handle`, `U.S.`).
fn words(text: &str, within: Range<usize>) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut break_pending = false;
    let scope = text.get(within.clone()).unwrap_or("");
    for (offset, c) in scope.char_indices() {
        let at = within.start + offset;
        let starts_word = is_letter_or_digit(c) || c == '@';
        let inside_word = starts_word || matches!(c, '_' | '-' | '\'' | '’' | '.');
        match start {
            Some(_) if inside_word => {}
            Some(word_start) => {
                push_word(text, &mut words, word_start..at, &mut break_pending);
                start = None;
                break_pending |= !c.is_whitespace();
            }
            None if starts_word => start = Some(at),
            None => break_pending |= !c.is_whitespace(),
        }
    }
    if let Some(word_start) = start {
        push_word(text, &mut words, word_start..within.end, &mut break_pending);
    }
    words
}

/// The speech verb or phrase that starts at `words[first]`: the index of its last word (of
/// the longest phrase, when several start there).
fn speech_verb_at(text: &str, words: &[Word], first: usize, speech: &Words) -> Option<usize> {
    let word = &text[words[first].start..words[first].end];
    if !speech.may_open_speech(word) {
        return None;
    }
    let is_verb = LowerAscii::new(word).is_some_and(|lower| {
        speech
            .list(List::SpeechVerbs)
            .contains_bytes(lower.as_bytes())
    });
    if is_verb {
        return Some(first);
    }
    let phrases = speech.list(List::SpeechPhrases).iter();
    phrases
        .filter_map(|phrase| {
            // The word is the phrase's first word: it and then a space (a word has none).
            let head = phrase.get(..word.len())?;
            if phrase.as_bytes().get(word.len()) != Some(&b' ') || !head.eq_ignore_ascii_case(word)
            {
                return None;
            }
            // The phrase's words, one space apart, each a word of the sentence.
            let written = text.get(words[first].start..)?.get(..phrase.len())?;
            let last = first + phrase.matches(' ').count();
            (written.eq_ignore_ascii_case(phrase)
                && words.get(last)?.end == words[first].start + phrase.len())
            .then_some(last)
        })
        .max()
}

/// Add a word (trailing marks trimmed); a period that is no abbreviation's ends the clause.
fn push_word(text: &str, words: &mut Vec<Word>, range: Range<usize>, break_pending: &mut bool) {
    let raw = &text[range.clone()];
    let trimmed = raw.trim_end_matches(['.', '\'', '’', '-']);
    if trimmed.is_empty() {
        return;
    }
    words.push(Word {
        start: range.start,
        end: range.start + trimmed.len(),
        break_before: *break_pending,
    });
    *break_pending = raw.ends_with('.') && !is_abbreviation(trimmed);
}

/// "Mr", "J", "U.S" and other short forms that keep a name going after their period.
fn is_abbreviation(word: &str) -> bool {
    let letters = word.chars().filter(|&c| is_letter(c)).count();
    letters <= 3 && word.chars().next().is_some_and(char::is_uppercase)
}

/// A word of the text in lower case, for comparing with the word lists: the written word
/// itself when it has no capitals (most words), a short ASCII word lowered on the stack,
/// and only anything else lowered into a new string.
enum Lowered<'t> {
    Written(&'t str),
    Ascii(LowerAscii),
    Other(String),
}

impl Lowered<'_> {
    fn as_str(&self) -> &str {
        match self {
            Lowered::Written(word) => word,
            // Lowered ASCII is ASCII.
            Lowered::Ascii(lower) => std::str::from_utf8(lower.as_bytes()).unwrap_or_default(),
            Lowered::Other(word) => word,
        }
    }
}

impl std::ops::Deref for Lowered<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

fn lower(text: &str, word: Word) -> Lowered<'_> {
    let written = &text[word.start..word.end];
    if written
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Lowered::Written(written);
    }
    match LowerAscii::new(written) {
        Some(lower) => Lowered::Ascii(lower),
        None => Lowered::Other(written.to_lowercase()),
    }
}

fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly")
}

/// A name-like word: capitalised, a handle, or in a script without case.
fn is_capitalised(text: &str, word: Word) -> bool {
    text[word.start..word.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '@' || (is_letter(c) && !c.is_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speech() -> std::sync::Arc<crate::style::StyleData> {
        crate::style::StyleData::embedded()
    }

    #[test]
    fn speech_verbs_and_phrases_are_found_as_whole_words() {
        let verbs = |text: &str| -> Vec<String> {
            let words = words(text, 0..text.len());
            (0..words.len())
                .filter_map(|first| {
                    let last = speech_verb_at(text, &words, first, &speech().words)?;
                    Some(text[words[first].start..words[last].end].to_string())
                })
                .collect()
        };
        assert_eq!(
            verbs("She SAID it, he pointed out."),
            ["SAID", "pointed out"]
        );
        assert_eq!(verbs("According to the ministry"), ["According to"]);
        assert_eq!(verbs("in the words of Jane"), ["in the words of"]);
        assert!(verbs("an unsaid well-said point  out, go-on").is_empty());
    }

    #[test]
    fn a_newsrooms_longer_phrase_wins_over_a_built_in_one_it_begins_with() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("words.toml"),
            "[speech]\nphrases = ['went on to say']\n",
        )
        .unwrap();
        let style = crate::style::StyleData::load(&[dir.path().to_path_buf()]).unwrap();
        let text = "She went on to say it.";
        let words = words(text, 0..text.len());
        let last = speech_verb_at(text, &words, 1, &style.words).unwrap();
        assert_eq!(&text[words[1].start..words[last].end], "went on to say");
        let last = speech_verb_at(text, &words, 1, &speech().words).unwrap();
        assert_eq!(&text[words[1].start..words[last].end], "went on");
    }

    #[track_caller]
    fn assert_speaker(text: &str, side: Side, expected: Option<&str>) {
        let found = find_speaker(text, 0..text.len(), side, &speech().words).map(|r| &text[r]);
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn subject_before_the_verb() {
        assert_speaker("Stoltenberg said that ", Side::Before, Some("Stoltenberg"));
        assert_speaker(
            "In a press conference Monday, NATO Secretary-General Jens Stoltenberg highlighted the importance of investing in defense ",
            Side::Before,
            Some("NATO Secretary-General Jens Stoltenberg"),
        );
        assert_speaker(", he later added.", Side::After, Some("he"));
        assert_speaker("The minister has said ", Side::Before, Some("The minister"));
        assert_speaker(
            "Facebook user Julie Lam explained ",
            Side::Before,
            Some("Julie Lam"),
        );
        assert_speaker("Many netizens wrote ", Side::Before, Some("Many netizens"));
    }

    #[test]
    fn subject_after_the_verb() {
        assert_speaker(
            ", said Secretary General Jens Stoltenberg.",
            Side::After,
            Some("Secretary General Jens Stoltenberg"),
        );
        assert_speaker(
            ", says a spokesman for the ministry.",
            Side::After,
            Some("a spokesman"),
        );
        assert_speaker(
            "According to the ministry, ",
            Side::Before,
            Some("the ministry"),
        );
        assert_speaker(", said he.", Side::After, Some("he"));
    }

    #[test]
    fn relative_clauses_and_distant_subjects() {
        assert_speaker(
            "Eduard Limonov, who declared in his LiveJournal, ",
            Side::Before,
            Some("Eduard Limonov"),
        );
        assert_speaker(
            "Ksenia Sobchak, for her part, maintains hope in the Internet, writing on LiveJournal, ",
            Side::Before,
            Some("Ksenia Sobchak"),
        );
    }

    #[test]
    fn groups_of_people_are_told_from_one_speaker() {
        for group in [
            "Analysts",
            "diplomats",
            "Officials",
            "police",
            "Several delegations",
        ] {
            assert!(is_a_group(group), "{group}");
        }
        for one in [
            "Smith",
            "He",
            "The minister",
            "Defence Minister Maria Herrera",
            "Ms Jones",
        ] {
            assert!(!is_a_group(one), "{one}");
        }
    }

    #[test]
    fn a_passive_names_the_one_spoken_about_and_its_agent_the_speaker() {
        for passive in [
            "The government was accused of ",
            "Boris Johnson was later accused of ",
            "The refuge has been widely criticised for ",
            "The minister was told ",
            "Its staff were repeatedly praised for ",
        ] {
            assert_speaker(passive, Side::Before, None);
            let speech = speech();
            assert!(
                passive_without_agent(passive, 0..passive.len(), &speech.words),
                "{passive:?}"
            );
        }
        assert_speaker(
            "The government was accused by opposition leader Jane Smith of ",
            Side::Before,
            Some("opposition leader Jane Smith"),
        );
        assert_speaker(
            "The council was criticised on Tuesday by the ombudsman for ",
            Side::Before,
            Some("the ombudsman"),
        );
        // Passives whose subject is still the speaker, and verbs that are no passive.
        assert_speaker("He was quoted as saying ", Side::Before, Some("He"));
        assert_speaker("She was reported as saying ", Side::Before, Some("She"));
        assert_speaker(
            "She is believed to have told friends ",
            Side::Before,
            Some("She"),
        );
        assert_speaker(
            "The minister was insisting ",
            Side::Before,
            Some("The minister"),
        );
        assert_speaker(
            "Labour accused the government of ",
            Side::Before,
            Some("Labour"),
        );
        let speech = speech();
        for active in [
            "Labour accused the government of ",
            "The government was accused by Labour of ",
            "He was quoted as saying ",
            "The plan was bold and ",
        ] {
            assert!(
                !passive_without_agent(active, 0..active.len(), &speech.words),
                "{active:?}"
            );
        }
    }

    #[test]
    fn an_agent_named_right_after_the_quotation() {
        fn agent(text: &str) -> Option<&str> {
            agent_after(text, 0..text.len()).map(|r| &text[r])
        }
        assert_eq!(
            agent(" by the chair of the home affairs committee."),
            Some("the chair")
        );
        assert_eq!(agent(", by Labour MPs."), Some("Labour MPs"));
        assert_eq!(agent(" on Tuesday by Labour."), None);
        assert_eq!(agent(" and left."), None);
    }

    #[test]
    fn no_speaker_without_a_subject() {
        assert_speaker("It is hard to say ", Side::Before, None);
        assert_speaker("The plan was bold and ", Side::Before, None);
        assert_speaker(", the report concluded.", Side::After, Some("the report"));
    }
}
