//! Where a photo caption of `rules/style/credits.toml` may open, written out by hand: a test
//! every text the embedded caption patterns match passes, so that most paragraphs are ruled
//! out without a pass of the patterns' gates over their text (that pass, run on every
//! paragraph of every article, took most of `credit-image`'s time).
//!
//! Every embedded caption pattern matches at the text's start or at an opening parenthesis,
//! then bytes that are not ASCII word characters (`(?-u:\W)*`, none for "(Photo)"), then one
//! of the words of [`openers`], or "a"/"an", spaces and one of them ("A poster for ..."). The patterns
//! ignore case, and `(?i)` reads two non-ASCII characters as ASCII letters (the long s, the
//! Kelvin sign): wherever one is met, the text is let through.

/// The words (lower case) a caption opens with, by first letter, as prefixes of the word
/// written: "pictured" starts with "picture", "screengrab" and "screenshot" with "screen".
fn openers(first: u8) -> &'static [&'static [u8]] {
    match first.to_ascii_lowercase() {
        b'c' => &[b"campaign", b"cartoon"],
        b'e' => &[b"election", b"event"],
        b'f' => &[b"file", b"film", b"festival"],
        b'i' => &[b"image", b"infographic"],
        b'm' => &[b"movie"],
        b'o' => &[b"official"],
        b'p' => &[b"photo", b"picture", b"protest", b"poster"],
        b's' => &[b"screen"],
        _ => &[],
    }
}

/// Whether one of the embedded caption patterns may match `text` (when false, none does).
pub fn may_open_caption(text: &str) -> bool {
    let bytes = text.as_bytes();
    opens_at(bytes, 0) || memchr::memchr_iter(b'(', bytes).any(|at| opens_at(bytes, at + 1))
}

/// Whether a caption may open at `at`, after the start of the text or a parenthesis.
fn opens_at(bytes: &[u8], mut at: usize) -> bool {
    while at < bytes.len() && !is_word_byte(bytes[at]) {
        if !bytes[at].is_ascii() && folded_at(bytes, at) {
            return true;
        }
        at += 1;
    }
    let word = letters(bytes, at);
    if folded_at(bytes, word.end) || is_opener(&bytes[word.clone()]) {
        return true;
    }
    let article = &bytes[word.clone()];
    if !(article.eq_ignore_ascii_case(b"a") || article.eq_ignore_ascii_case(b"an")) {
        return false;
    }
    // "A poster for ...": one or more spaces, then an opener.
    let mut at = word.end;
    let spaces_from = at;
    while at < bytes.len() && is_ascii_space(bytes[at]) {
        at += 1;
    }
    if bytes.get(at).is_some_and(|b| !b.is_ascii()) {
        // A non-ASCII space (`\s` is Unicode's) may follow or end the spaces.
        return true;
    }
    if at == spaces_from {
        return false;
    }
    let noun = letters(bytes, at);
    folded_at(bytes, noun.end) || is_opener(&bytes[noun])
}

/// The ASCII letters from `at` on.
fn letters(bytes: &[u8], at: usize) -> std::ops::Range<usize> {
    let end = at
        + bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    at..end
}

/// Whether `word` starts with one of the words a caption opens with (most words are ruled
/// out by their first letter).
fn is_opener(word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    openers(first).iter().any(|opener| {
        word.len() >= opener.len() && word[..opener.len()].eq_ignore_ascii_case(opener)
    })
}

/// An ASCII word character, as `(?-u:\w)` reads a byte.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The ASCII characters of Unicode's `\s`.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Whether the long s or the Kelvin sign starts at `at`.
fn folded_at(bytes: &[u8], at: usize) -> bool {
    let rest = &bytes[at.min(bytes.len())..];
    if rest.first().is_none_or(u8::is_ascii) {
        return false;
    }
    rest.starts_with("\u{17F}".as_bytes()) || rest.starts_with("\u{212A}".as_bytes())
}

#[cfg(test)]
mod tests {
    use super::may_open_caption;
    use crate::style::credits::CreditPatterns;

    /// Every text the embedded caption patterns match passes the test, and most prose does
    /// not (the regexes themselves are in `credits.rs`).
    #[test]
    fn every_caption_the_patterns_match_may_open_here() {
        use crate::matcher::testing::{phrases, product, texts, TRICKY};
        let captions = &CreditPatterns::load(&[]).unwrap().caption;
        let mut words = TRICKY.to_vec();
        words.extend([
            "Official",
            "file",
            "FILE",
            "photo",
            "Photos",
            "picture",
            "Pictured",
            "image",
            "a",
            "A",
            "an",
            "An",
            "movie",
            "film",
            "campaign",
            "protest",
            "election",
            "event",
            "festival",
            "poster",
            "screenshot",
            "screen",
            "grab",
            "screengrab",
            "cartoon",
            "infographic",
            "of",
            "for",
            "from",
            "showing",
            "above",
            ":",
            "(",
            ")",
            ".",
            "“",
            "é",
            "_",
            "4",
            "\u{A0}",
            "\u{2003}",
            "\u{B}",
            "ſ",
            "poſter",
            "\u{212A}",
            "the",
            "minister",
            "said",
            "by",
            "Jane",
        ]);
        let mut all = phrases(&words, &["", " ", "  ", "\n", "(", ". "], 30_000, 8);
        all.extend(texts(&words, 30_000, 8));
        all.extend(product(&[
            &["", "(", "“", " (", "The minister. (", "_"],
            &[
                "",
                "a ",
                "A  ",
                "an\u{A0}",
                "An\t",
                "Official ",
                "file ",
                "movie ",
                "election ",
            ],
            &[
                "photo of",
                "Picture of",
                "Pictured:",
                "pictured above :",
                "picturedleft:",
                "poster for",
                "Screenshot of",
                "screen grab showing",
                "cartoon depicting",
                "image",
                "ſcreenshot of",
                "poſter for",
            ],
            &[" the minister", " the square.", "", ")", " by Jane)"],
        ]));
        let (mut matched, mut ruled_out) = (0, 0);
        for text in &all {
            let test = may_open_caption(text);
            if captions.is_match_without_quick_test(text) {
                assert!(test, "{text:?}");
                matched += 1;
            }
            ruled_out += usize::from(!test);
        }
        assert!(matched > 200, "{matched}");
        // Texts are ruled out without the patterns (these are mostly caption words).
        assert!(ruled_out > all.len() / 3, "{ruled_out} of {}", all.len());
    }

    #[test]
    fn prose_is_ruled_out() {
        for text in [
            "The ministers met in Bucharest.",
            "A spokesman said (on Monday) that the talks went well.",
            "An aide said the official photo was fake.",
            "“We will not give up,” she said.",
        ] {
            assert!(!may_open_caption(text), "{text:?}");
        }
        for text in [
            "Official photo of NATO Ministers",
            "Ministers (photo of 2020) met.",
            "A poster for the meeting.",
            "“Pictured: the minister",
            "A view of the square (Photo)",
            "an\u{A0}poster",
        ] {
            assert!(may_open_caption(text), "{text:?}");
        }
    }
}
