//! The pieces of small hand-written matchers that behave exactly as the regular expressions
//! they stand for: Unicode `\w`, `\s` and `\b`, `(?i)` on ASCII words, and character classes
//! such as `[\p{L}'’.-]`.
//!
//! Compiling a regex with Unicode classes, counted repetitions and case-insensitive words
//! costs millions of instructions, more than checking a whole article; a matcher for a
//! handful of words costs nothing to build. Each matcher's tests compare it with the regex it
//! replaces, on tricky text (non-ASCII letters, combining marks, no-break spaces, curly
//! apostrophes, the Kelvin sign and the long s that `(?i)` folds to `k` and `s`).

use std::sync::OnceLock;

use regex_syntax::hir::{Class as HirClass, HirKind};

/// Unicode `\w`, the word characters of regex's `\b`.
pub fn is_word(c: char) -> bool {
    // ASCII, most of the text, without the table search (`\w` on ASCII is `[0-9A-Za-z_]`).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    regex_syntax::is_word_character(c)
}

/// Unicode `\s` (the White_Space property, as `char::is_whitespace`).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `at` (a character boundary) is a Unicode word boundary `\b` in `text`.
pub fn word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word);
    let after = text[at..].chars().next().is_some_and(is_word);
    before != after
}

/// Whether `c` matches the lower-case ASCII letter `lower` under `(?i)`: its two ASCII cases,
/// and the two other characters simple case folding maps onto ASCII letters (the Kelvin sign
/// for `k`, the long s for `s`).
pub fn folds_to(c: char, lower: u8) -> bool {
    match c {
        '\u{212A}' => lower == b'k',
        '\u{17F}' => lower == b's',
        _ => c.is_ascii() && (c as u8).to_ascii_lowercase() == lower,
    }
}

/// The end of `word` (lower-case ASCII) read case-insensitively at `at`, as `(?i)word` reads.
pub fn ci_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = text[at..].char_indices();
    for &lower in word.as_bytes() {
        let (_, c) = chars.next()?;
        if !folds_to(c, lower) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(offset, _)| at + offset))
}

/// The end of `word` read exactly at `at`.
pub fn exact_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let (rest, word) = (&text.as_bytes()[at..], word.as_bytes());
    // Most tries fail at the first byte, which is compared before the call that compares the
    // rest: the matchers try a list of words at every word start.
    let first_agrees = word.first().is_none_or(|first| rest.first() == Some(first));
    (first_agrees && rest.starts_with(word)).then_some(at + word.len())
}

/// The end of the run of `\s` starting at `at`; `None` unless it holds at least one (`\s+`).
pub fn spaces1(text: &str, at: usize) -> Option<usize> {
    let end = spaces(text, at);
    (end > at).then_some(end)
}

/// The end of the (possibly empty) run of `\s` starting at `at` (`\s*`).
pub fn spaces(text: &str, at: usize) -> usize {
    run(text, at, is_space)
}

/// The end of the run of characters that `keep` accepts, starting at `at`.
pub fn run(text: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(offset, _)| at + offset)
}

/// Whether some whole word of `text` (a maximal run of `\w`, so `\bword\b`) is one of
/// `folded` (lower-case ASCII, read as `(?i)` reads) or one of `exact` (read as written).
pub fn has_word(text: &str, folded: &[&str], exact: &[&str]) -> bool {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut at = 0;
    loop {
        // ASCII, most of the text, is read without decoding; the end closes the last word.
        let (word_char, len) = match bytes.get(at) {
            None => (false, 0),
            Some(&byte) if byte.is_ascii() => (byte.is_ascii_alphanumeric() || byte == b'_', 1),
            Some(_) => {
                let c = text[at..].chars().next().unwrap_or_default();
                (is_word(c), c.len_utf8())
            }
        };
        match (word_char, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let word = &text[from..at];
                // An ASCII word folds to a candidate only letter for letter (the Kelvin sign
                // and the long s that also fold to ASCII letters are not ASCII), so only a
                // candidate of its length and first letter is compared.
                let found = if word.is_ascii() {
                    let first = word.as_bytes()[0].to_ascii_lowercase();
                    folded.iter().any(|candidate| {
                        candidate.len() == word.len()
                            && candidate.as_bytes()[0].to_ascii_lowercase() == first
                            && word.eq_ignore_ascii_case(candidate)
                    })
                } else {
                    folded
                        .iter()
                        .any(|candidate| ci_at(word, 0, candidate) == Some(word.len()))
                };
                if found || exact.contains(&word) {
                    return true;
                }
                start = None;
            }
            _ => {}
        }
        if len == 0 {
            return false;
        }
        at += len;
    }
}

/// A character class of a regex (`[\p{L}'’.-]`, `\d`): its ASCII members are given as a
/// function; the others are read from regex-syntax, once, on the first non-ASCII character.
pub struct Class {
    pattern: &'static str,
    ascii: fn(u8) -> bool,
    ranges: OnceLock<Box<[(char, char)]>>,
}

impl Class {
    /// `pattern` is the class as the regex writes it, with its flags (`(?i)[\p{L}.-]`);
    /// `ascii` must agree with it on ASCII (a test checks each class).
    pub const fn new(pattern: &'static str, ascii: fn(u8) -> bool) -> Class {
        Class {
            pattern,
            ascii,
            ranges: OnceLock::new(),
        }
    }

    pub fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            return (self.ascii)(c as u8);
        }
        let ranges = self.ranges();
        let at = ranges.partition_point(|&(_, end)| end < c);
        ranges.get(at).is_some_and(|&(start, _)| start <= c)
    }

    /// The end of the run of members starting at `at`; `None` unless it holds one (`[…]+`).
    pub fn run1(&self, text: &str, at: usize) -> Option<usize> {
        let end = run(text, at, |c| self.contains(c));
        (end > at).then_some(end)
    }

    fn ranges(&self) -> &[(char, char)] {
        self.ranges.get_or_init(|| {
            let hir = regex_syntax::Parser::new()
                .parse(self.pattern)
                .expect("a valid class");
            match hir.kind() {
                HirKind::Class(HirClass::Unicode(class)) => class
                    .ranges()
                    .iter()
                    .map(|range| (range.start(), range.end()))
                    .collect(),
                other => panic!("{} is not a Unicode class: {other:?}", self.pattern),
            }
        })
    }

    #[cfg(test)]
    pub fn check_ascii(&self) {
        let ranges = self.ranges();
        for byte in 0..0x80u8 {
            let c = byte as char;
            let listed = ranges.iter().any(|&(start, end)| start <= c && c <= end);
            assert_eq!((self.ascii)(byte), listed, "{} on {c:?}", self.pattern);
        }
    }
}

/// `[\p{L}'’.-]` with its ASCII members.
pub fn letter_or_mark_ascii(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || matches!(byte, b'\'' | b'.' | b'-')
}

/// `\d` with its ASCII members.
pub fn digit_ascii(byte: u8) -> bool {
    byte.is_ascii_digit()
}

/// Test support: text built from pieces chosen by a fixed pseudo-random sequence, to compare
/// a matcher with its regex on many inputs.
#[cfg(test)]
pub mod testing {
    struct Random(u64);

    impl Random {
        fn below(&mut self, bound: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % bound as u64) as usize
        }
    }

    /// `count` texts, each of up to `max` pieces drawn from `pieces`.
    pub fn texts(pieces: &[&str], count: usize, max: usize) -> Vec<String> {
        let mut random = Random(0x9E37_79B9_7F4A_7C15);
        (0..count)
            .map(|_| {
                let length = random.below(max + 1);
                (0..length)
                    .map(|_| pieces[random.below(pieces.len())])
                    .collect()
            })
            .collect()
    }

    /// `count` texts of up to `max` words drawn from `words`, each followed by a separator
    /// drawn from `separators`: the matchers' words, spaced as prose spaces them.
    pub fn phrases(words: &[&str], separators: &[&str], count: usize, max: usize) -> Vec<String> {
        let mut random = Random(0x2545_F491_4F6C_DD1D);
        (0..count)
            .map(|_| {
                let length = random.below(max + 1);
                let mut text = String::new();
                for _ in 0..length {
                    text.push_str(words[random.below(words.len())]);
                    text.push_str(separators[random.below(separators.len())]);
                }
                text
            })
            .collect()
    }

    /// Every text made of one piece from each of `parts`, in order.
    pub fn product(parts: &[&[&str]]) -> Vec<String> {
        parts.iter().fold(vec![String::new()], |texts, part| {
            texts
                .iter()
                .flat_map(|text| part.iter().map(move |piece| format!("{text}{piece}")))
                .collect()
        })
    }

    /// Pieces that tell Unicode and ASCII readings apart.
    pub const TRICKY: &[&str] = &[
        " ", "  ", "\u{A0}", "\u{2009}", "\n", "\t", "'", "’", ".", "-", ",", "“", "”", "(", ")",
        "é", "e\u{301}", "\u{345}", "Ł", "ß", "\u{17F}", "\u{212A}", "İ", "ı", "٣", "_", "7", "x",
        "Q",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn folding_is_regex_case_insensitivity() {
        for lower in b'a'..=b'z' {
            let regex = Regex::new(&format!("(?i)^{}$", lower as char)).unwrap();
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let mut buffer = [0; 4];
                assert_eq!(
                    folds_to(c, lower),
                    regex.is_match(c.encode_utf8(&mut buffer)),
                    "{c:?} against {}",
                    lower as char
                );
            }
        }
    }

    #[test]
    fn exact_at_reads_the_word_written_there() {
        let texts = testing::texts(&["will", "Will", "is", "i", " ", "é", "wil"], 300, 8);
        for text in &texts {
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                for word in ["", "will", "Will", "is", "é", "wille"] {
                    let expected = text[at..].starts_with(word).then_some(at + word.len());
                    assert_eq!(exact_at(text, at, word), expected, "{text:?} {at} {word:?}");
                }
            }
        }
    }

    #[test]
    fn space_and_word_are_regex_classes() {
        let space = Regex::new(r"^\s$").unwrap();
        let word = Regex::new(r"^\w$").unwrap();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(is_space(c), space.is_match(text), "{c:?}");
            assert_eq!(is_word(c), word.is_match(text), "{c:?}");
        }
    }

    #[test]
    fn classes_read_their_members() {
        static GAP: Class = Class::new(r"[\p{L}'’.-]", letter_or_mark_ascii);
        GAP.check_ascii();
        assert!(GAP.contains('é') && GAP.contains('’') && GAP.contains('Ł'));
        assert!(!GAP.contains('\u{301}') && !GAP.contains('“') && !GAP.contains('\u{A0}'));
        // Under (?i) a class takes in what folds to its members: U+0345 folds to a letter.
        static FOLDED: Class = Class::new(r"(?i)[\p{L}'’.-]", letter_or_mark_ascii);
        assert!(FOLDED.contains('\u{345}') && !GAP.contains('\u{345}'));
        static DIGIT: Class = Class::new(r"\d", digit_ascii);
        DIGIT.check_ascii();
        assert!(DIGIT.contains('٣') && !DIGIT.contains('²'));
    }

    #[test]
    fn whole_words_as_regex_reads_them() {
        let regex = Regex::new(r"(?i)\b(?:if|should)\b|(?-i:\bmay\b)").unwrap();
        let mut pieces = testing::TRICKY.to_vec();
        pieces.extend(["if", "IF", "should", "ſhould", "may", "May", "a"]);
        for text in testing::texts(&pieces, 20_000, 8) {
            assert_eq!(
                has_word(&text, &["if", "should"], &["may"]),
                regex.is_match(&text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn boundaries_and_runs() {
        assert!(word_boundary("a b", 1) && !word_boundary("ab", 1));
        assert!(!word_boundary("éb", 2) && word_boundary("“b", 3));
        assert_eq!(ci_at("WilL x", 0, "will"), Some(4));
        assert_eq!(ci_at("ſay", 0, "say"), Some(4));
        assert_eq!(spaces1("a \u{A0}b", 1), Some(4));
        assert_eq!(spaces1("ab", 1), None);
    }
}
