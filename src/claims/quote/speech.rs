//! What counts as speech: quoted phrases, titles, terms, the words on a pictured poster and
//! quotations in headline-like lines are not, and need no speaker.

use crate::document::{Block, Document};
use crate::style::credits::CreditPatterns;
use crate::style::word_lists::List;
use crate::style::words::Words;
use crate::text::is_letter_or_digit;

/// Quotations shorter than this many words are phrases, not speech, unless they hold a
/// sentence break ("No. Never.").
const SPEECH_MIN_WORDS: usize = 5;

/// A paragraph this short that names a picture is its caption.
const CAPTION_MAX_WORDS: usize = 40;

/// A paragraph this short with no sentence punctuation is a subheading.
const SUBHEADING_MAX_WORDS: usize = 12;

/// Words that present what follows as a name, a title or a term rather than speech.
const TITLE_INTRODUCERS: &[&str] = &[
    "titled",
    "entitled",
    "called",
    "named",
    "dubbed",
    "headlined",
    "headline",
    "book",
    "film",
    "movie",
    "song",
    "album",
    "poem",
    "play",
    "article",
    "post",
    "essay",
    "report",
    "video",
    "documentary",
    "campaign",
    "hashtag",
    "slogan",
    "motto",
    "series",
    "show",
    "programme",
    "program",
    "page",
    "group",
    "blog",
    "website",
    "site",
    "event",
    "initiative",
    "project",
    "movement",
    "law",
    "bill",
    "act",
    "operation",
    "festival",
    "exhibition",
    "conference",
    "chapter",
    "column",
    "petition",
    "term",
    "word",
    "words",
    "phrase",
    "expression",
    "label",
    "banner",
    "sign",
    "tag",
    "name",
    "title",
    "podcast",
    "newspaper",
    "magazine",
    "channel",
    "account",
    "lema",
    "theme",
    "as",
];

/// Long enough to be speech, and not a title in title case.
pub fn is_speech_length(inner: &str) -> bool {
    (word_count_up_to(inner, SPEECH_MIN_WORDS) >= SPEECH_MIN_WORDS || has_sentence_break(inner))
        && !is_title_case(inner)
}

/// Words, counting a run of ideographs as one word per two characters; `cap` when there are
/// at least that many. Every caller compares the count with a small bound: counting stops
/// there rather than reading a long paragraph to its end.
///
/// Read byte by byte: an ASCII byte is told apart without decoding a character, and only a
/// token with other characters is read again as characters.
pub fn word_count_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while count < cap && at < bytes.len() {
        let start = at;
        let mut ascii = true;
        let mut ascii_alphanumeric = false;
        // The token's end, and the width of the white space after it.
        let mut space = 0;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii() {
                // `char::is_whitespace` of an ASCII character (with the vertical tab).
                if matches!(byte, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
                    space = 1;
                    break;
                }
                ascii_alphanumeric |= byte.is_ascii_alphanumeric();
                at += 1;
            } else {
                let c = text[at..].chars().next().unwrap_or_default();
                if c.is_whitespace() {
                    space = c.len_utf8();
                    break;
                }
                ascii = false;
                at += c.len_utf8();
            }
        }
        if at > start {
            count += if ascii {
                usize::from(ascii_alphanumeric)
            } else {
                wide_token_words(&text[start..at])
            };
        }
        at += space;
    }
    count.min(cap)
}

/// The words of a token with characters beyond ASCII: its ideographs two to a word, or one
/// word if it holds a letter or digit.
fn wide_token_words(token: &str) -> usize {
    let ideographs = token.chars().filter(|c| is_ideograph(*c)).count();
    if ideographs > 0 {
        ideographs.div_ceil(2)
    } else {
        usize::from(token.chars().any(is_letter_or_digit))
    }
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// A sentence ends inside the text and another begins: "No. Never."
fn has_sentence_break(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed.char_indices().any(|(at, c)| {
        matches!(c, '.' | '!' | '?')
            && trimmed[at + 1..]
                .strip_prefix(char::is_whitespace)
                .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
    })
}

/// "How Soon Is Now", "Moscow Riots Show Anti-Putin Drive": every word of four or more
/// letters capitalised, not shouted in capitals throughout, and no sentence ending in a
/// period ("NATO is an Alliance of Europe and North America." is speech).
fn is_title_case(text: &str) -> bool {
    if text.trim_end().ends_with('.') {
        return false;
    }
    // Counted, not collected: a lower-case long word settles it at once.
    let mut long = 0;
    for word in text
        .split(|c: char| !is_letter_or_digit(c) && c != '\'' && c != '’')
        .filter(|w| w.chars().nth(3).is_some())
    {
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    long >= 2 && text.chars().any(char::is_lowercase)
}

/// One of the two words before the quotation makes it a title or a term ("a post titled
/// “...”", "the title itself, “...”"). Language tags ("[es]") are skipped.
pub fn introduced_as_title(before: &str) -> bool {
    without_tags(before)
        .split(|c: char| !is_letter_or_digit(c))
        .filter(|word| !word.is_empty())
        .rev()
        .take(2)
        .any(|word| {
            // An ASCII word is compared without building its lower case.
            if word.is_ascii() {
                TITLE_INTRODUCERS
                    .iter()
                    .any(|title| title.eq_ignore_ascii_case(word))
            } else {
                TITLE_INTRODUCERS.contains(&word.to_lowercase().as_str())
            }
        })
}

/// `text` with each short bracketed tag ("[es]", "[bg]": at most 12 characters inside)
/// replaced by a space.
fn without_tags(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX_TAG_CHARS: usize = 12;
    if !text.contains('[') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let inside = &rest[open + 1..];
        let close = inside
            .char_indices()
            .take(MAX_TAG_CHARS + 1)
            .find(|&(_, c)| c == ']')
            .map(|(at, _)| at);
        match close {
            Some(close) => {
                out.push_str(&rest[..open]);
                out.push(' ');
                rest = &inside[close + 1..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Subjects that name nobody: "It was simple:", "Here is what happened:", "The reason is
/// clear:".
const EMPTY_SUBJECTS: &[&str] = &["it", "this", "that", "there", "here", "what", "so"];

/// Abstract nouns that, after "the", name nobody: "The answer was short:".
const ABSTRACT_SUBJECTS: &[&str] = &[
    "reason",
    "answer",
    "problem",
    "question",
    "result",
    "point",
    "truth",
    "lesson",
    "conclusion",
    "outcome",
    "situation",
    "idea",
    "logic",
    "message",
    "goal",
    "verdict",
];

/// Whether a colon introduction (the sentence `text[sentence]`, ending in the colon) names
/// a source. It names nobody when its subject is empty or abstract ("The reason is simple:",
/// "Here is what happened:") and it holds no person, handle or speech verb with a speaker.
/// Real introductions name their source in many ways ("The blogger blames the distributors:",
/// "The agreement consisted of five provisions:", "Some excerpts:"), so only this narrow
/// shape counts as naming nobody.
pub fn colon_names_a_source(
    text: &str,
    sentence: std::ops::Range<usize>,
    vocabulary: &Words,
) -> bool {
    let Some(written) = text.get(sentence.clone()) else {
        return true;
    };
    let mut words = written
        .split(|c: char| !is_letter_or_digit(c) && c != '\'' && c != '’')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase);
    let empty_subject = match words.next().as_deref() {
        Some(first) if EMPTY_SUBJECTS.contains(&first) => true,
        Some("the") => words
            .next()
            .is_some_and(|noun| ABSTRACT_SUBJECTS.contains(&noun.as_str())),
        _ => false,
    };
    !empty_subject
        || super::speaker::find_speaker(
            text,
            sentence.clone(),
            super::speaker::Side::Before,
            vocabulary,
        )
        .is_some()
        || super::speaker::person_named(text, sentence).is_some()
        || names_a_document(written)
}

/// Words for a document, a post or a sign: "Here is an excerpt from the report:" cites one.
fn names_a_document(text: &str) -> bool {
    const DOCUMENTS: &[&str] = &[
        "statement",
        "letter",
        "text",
        "excerpt",
        "extract",
        "message",
        "note",
        "tweet",
        "post",
        "report",
        "article",
        "law",
        "bill",
        "decree",
        "clause",
        "constitution",
        "resolution",
        "document",
        "communique",
        "announcement",
        "notice",
        "petition",
        "sign",
        "banner",
        "poster",
        "slogan",
        "transcript",
        "speech",
        "interview",
        "manifesto",
        "declaration",
        "verdict",
        "ruling",
        "judgment",
        "judgement",
        "order",
        "email",
        "comment",
        "comments",
        "reply",
        "answer",
        "response",
        "blog",
        "website",
        "page",
    ];
    text.split(|c: char| !is_letter_or_digit(c))
        .filter(|word| !word.is_empty())
        .any(|word| {
            let lower = word.to_lowercase();
            DOCUMENTS.contains(&lower.as_str())
                || lower
                    .strip_suffix('s')
                    .is_some_and(|singular| DOCUMENTS.contains(&singular))
        })
}

/// A short paragraph that credits or captions a photo, and introduces nothing.
pub fn is_caption(block: &Block, credits: &CreditPatterns) -> bool {
    word_count_up_to(block.text(), CAPTION_MAX_WORDS + 1) <= CAPTION_MAX_WORDS
        && !block.text().trim_end().ends_with(':')
        && (credits.image_credit.is_match(block.text()) || credits.caption.is_match(block.text()))
}

/// A short paragraph that is a photo caption, or describes a picture: the words it quotes
/// are the picture's ("“Sex is good, Botox is bad” is written on the paper").
pub fn describes_a_picture(block: &Block, credits: &CreditPatterns, words: &Words) -> bool {
    word_count_up_to(block.text(), CAPTION_MAX_WORDS + 1) <= CAPTION_MAX_WORDS
        && (names_a_picture(block.text(), words)
            || credits.image_credit.is_match(block.text())
            || credits.caption.is_match(block.text()))
}

/// A word for a picture ("photo", "posters", "Graffiti"), as a whole ASCII word, singular or
/// with an "s" (`images.pictures` of the word lists).
fn names_a_picture(text: &str, words: &Words) -> bool {
    let pictures = words.list(List::PictureWords);
    let is_picture = |word: &str| pictures.iter().any(|p| p.eq_ignore_ascii_case(word));
    // ASCII words, as the regex `\b` would cut them.
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .any(|word| is_picture(word) || word.strip_suffix(['s', 'S']).is_some_and(is_picture))
}

/// A short line with no sentence punctuation: a subheading written as a paragraph.
pub fn is_subheading(block: &Block) -> bool {
    block.quote_depth == 0
        && word_count_up_to(block.text(), SUBHEADING_MAX_WORDS + 1) <= SUBHEADING_MAX_WORDS
        && !block.text().contains(['.', '!', '?', ':'])
}

/// The paragraph right after a bare link (an embedded video or post) is its caption.
pub fn follows_an_embed(doc: &Document, index: usize) -> bool {
    index
        .checked_sub(1)
        .and_then(|previous| doc.blocks.get(previous))
        .is_some_and(|previous| {
            let text = previous.text().trim();
            text.starts_with("http") && !text.contains(char::is_whitespace)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count as first written: tokens split at white space.
    fn word_count_by_tokens(text: &str, cap: usize) -> usize {
        let mut count = 0;
        for token in text.split_whitespace() {
            if count >= cap {
                return cap;
            }
            count += if token.is_ascii() {
                usize::from(token.bytes().any(|b| b.is_ascii_alphanumeric()))
            } else {
                wide_token_words(token)
            };
        }
        count.min(cap)
    }

    #[test]
    fn words_counted_byte_by_byte_are_the_tokens_counted() {
        let pieces = [
            "a", "Bc", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}",
            "\u{3000}", "\u{85}", "é", "—", "…", "中", "国", "한", "1", ".", ",", "“", "”",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut below = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = below(16);
            let text: String = (0..len).map(|_| pieces[below(pieces.len())]).collect();
            for cap in [0, 1, 2, 5, 13, 41] {
                assert_eq!(
                    word_count_up_to(&text, cap),
                    word_count_by_tokens(&text, cap),
                    "{text:?} up to {cap}"
                );
            }
        }
    }

    #[test]
    fn speech_length() {
        assert!(is_speech_length("We will not back down from this fight"));
        assert!(is_speech_length("No. Never."));
        assert!(!is_speech_length("the iron lady"));
        assert!(!is_speech_length("How Soon is Now?"));
        assert!(!is_speech_length(
            "Moscow Riots Show Anti-Putin Drive Sustainable"
        ));
        assert!(is_speech_length(
            "NATO is an Alliance of Europe and North America."
        ));
        assert!(is_speech_length("中国疆域领土确实很大但没有"));
    }

    #[test]
    fn words_are_counted_up_to_the_cap() {
        let text = "One, two — 3 … 中国疆域 x-y ¿qué? é";
        assert_eq!(word_count_up_to(text, 100), 8);
        assert_eq!(word_count_up_to(text, 8), 8);
        assert_eq!(word_count_up_to(text, 5), 5);
        assert_eq!(word_count_up_to(text, 4), 4);
        assert_eq!(word_count_up_to("", 3), 0);
        assert_eq!(word_count_up_to("中国疆域领土", 2), 2);
        assert_eq!(word_count_up_to("— … 中", 5), 1);
    }

    fn words() -> std::sync::Arc<crate::style::StyleData> {
        crate::style::StyleData::embedded()
    }

    #[test]
    fn picture_words_are_whole_words_singular_or_plural() {
        assert!(names_a_picture("A PHOTO of the square", &words().words));
        assert!(names_a_picture("“Posters” on the wall", &words().words));
        assert!(names_a_picture(
            "Signs, banners and graffiti",
            &words().words
        ));
        assert!(!names_a_picture(
            "He signed the imagery photographs",
            &words().words
        ));
        assert!(!names_a_picture("photoss", &words().words));
    }

    #[test]
    fn short_bracketed_tags_are_removed() {
        assert_eq!(without_tags("a post [es] titled"), "a post   titled");
        assert_eq!(
            without_tags("[a very long bracket] x"),
            "[a very long bracket] x"
        );
        assert_eq!(without_tags("[é] [ü]x ["), "   x [");
        assert_eq!(without_tags("no tags"), "no tags");
    }

    #[test]
    fn titles_by_the_words_before() {
        assert!(introduced_as_title("In a post titled "));
        assert!(introduced_as_title("The title itself, "));
        assert!(introduced_as_title("There is a Facebook event [bg] "));
        assert!(!introduced_as_title("Stoltenberg said that "));
    }
}
