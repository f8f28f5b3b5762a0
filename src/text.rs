//! Small text helpers shared by the claim extractors and the style tables: word scanning and
//! lower-casing that read ASCII, most of the text, without decoding or allocating; edit distance between names.

pub mod edit;
pub mod fold;

/// Whether `c` lies in the General Punctuation block (U+2000 to U+206F: spaces, dashes, curly
/// quotation marks, ellipses), which holds no letter and no digit. Most characters beyond
/// ASCII in English news copy are there, and the Unicode tables are slow to say so.
#[inline]
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// `char::is_alphabetic`, answered without the Unicode tables for ASCII and general
/// punctuation.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        !is_general_punctuation(c) && c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, answered without the Unicode tables for ASCII and general
/// punctuation.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_general_punctuation(c) && c.is_alphanumeric()
    }
}

/// Where the next letter at or after `at` is (ASCII is read without decoding).
pub fn next_letter(text: &str, mut at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_alphabetic() {
            return Some(at);
        }
        if byte.is_ascii() {
            at += 1;
            continue;
        }
        let c = text[at..].chars().next()?;
        if is_letter(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

/// The length in bytes of the run of letters at `at` (ASCII is read without decoding).
pub fn letters_at(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        if byte.is_ascii_alphabetic() {
            end += 1;
            continue;
        }
        match text[end..].chars().next() {
            Some(c) if !byte.is_ascii() && is_letter(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    end - at
}

/// The offset of the first character at or after `at` that `keep` refuses, or the text's
/// end (ASCII is read without decoding).
pub fn skip_while(text: &str, mut at: usize, keep: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            match text[at..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if !keep(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// A short ASCII word in lower case, on the stack: the bytes are compared as they are, with
/// no allocation and no UTF-8 validation (lower-case ASCII is ASCII).
pub struct LowerAscii {
    bytes: [u8; 32],
    len: usize,
}

impl LowerAscii {
    /// `word` in lower case, if it is ASCII and at most 32 bytes long.
    pub fn new(word: &str) -> Option<LowerAscii> {
        let mut bytes = [0u8; 32];
        let lower = bytes.get_mut(..word.len())?;
        let mut ascii = true;
        for (lowered, byte) in lower.iter_mut().zip(word.bytes()) {
            *lowered = byte.to_ascii_lowercase();
            ascii &= byte.is_ascii();
        }
        ascii.then_some(LowerAscii {
            bytes,
            len: word.len(),
        })
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Call `f` with the bytes of `word` in lower case: a short ASCII word (most words) is
/// lowered on the stack, anything else with [`str::to_lowercase`].
pub fn with_lowercase_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    match LowerAscii::new(word) {
        Some(lower) => f(lower.as_bytes()),
        None => f(word.to_lowercase().as_bytes()),
    }
}

/// Call `f` with `word` in lower case: an ASCII word already in lower case is passed as it
/// is, and other short ASCII words (most of the rest) are lowered on the stack, without
/// allocating.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) && word.is_ascii() {
        return f(word);
    }
    match LowerAscii::new(word) {
        Some(lower) => f(std::str::from_utf8(lower.as_bytes()).unwrap_or_default()),
        None => f(&word.to_lowercase()),
    }
}

/// The shapes (first letter, last letter and length) of a set of ASCII words: a word is
/// ruled out before it is lowered and hashed unless some word of the set has its shape. An
/// ASCII word keeps its shape when lowered; a word of another shape (not ASCII, or not
/// starting and ending with a letter) is never ruled out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordShapes(Box<[u64]>);

impl Default for WordShapes {
    fn default() -> Self {
        WordShapes(vec![0; 26 * 26].into_boxed_slice())
    }
}

impl WordShapes {
    /// The index of the first and last letters, and the length's bit (63 for all longer
    /// words).
    fn slot(word: &str) -> Option<(usize, u64)> {
        let bytes = word.as_bytes();
        let letter = |byte: u8| {
            let lower = byte.to_ascii_lowercase();
            lower
                .is_ascii_lowercase()
                .then(|| usize::from(lower - b'a'))
        };
        let first = letter(*bytes.first()?)?;
        let last = letter(*bytes.last()?)?;
        word.is_ascii()
            .then(|| (first * 26 + last, 1 << word.len().min(63)))
    }

    /// Shapes worked out ahead (by a build script): 26 × 26 bit sets of lengths, by first and
    /// last letter, as [`WordShapes::add`] sets them.
    pub fn from_bits(bits: &[u64; 26 * 26]) -> WordShapes {
        WordShapes(Box::new(*bits))
    }

    pub fn add(&mut self, word: &str) {
        if let Some((letters, length)) = Self::slot(word) {
            self.0[letters] |= length;
        }
    }

    /// False only when no word of the set can equal `word` lowered.
    pub fn may_hold(&self, word: &str) -> bool {
        Self::slot(word).is_none_or(|(letters, length)| self.0[letters] & length != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_are_told_as_the_unicode_tables_tell_them() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn letters_and_lower_case_across_ascii_and_beyond() {
        let text = "12 Ça va, NATO!";
        let start = next_letter(text, 0).unwrap();
        assert_eq!(&text[start..start + letters_at(text, start)], "Ça");
        let next = next_letter(text, start + 3).unwrap();
        assert_eq!(&text[next..next + letters_at(text, next)], "va");
        assert_eq!(next_letter("12 !", 0), None);
        assert_eq!(with_lowercase("NATO", str::to_string), "nato");
        assert_eq!(with_lowercase("nato", str::to_string), "nato");
        assert_eq!(with_lowercase("naTo", str::to_string), "nato");
        assert_eq!(with_lowercase("ÇA", str::to_string), "ça");
        assert_eq!(skip_while(text, 0, |c| !c.is_alphabetic()), start);
        assert_eq!(skip_while(text, start, char::is_alphabetic), start + 3);
        assert_eq!(skip_while(text, 0, |_| true), text.len());
        let lower = |word: &str| LowerAscii::new(word).map(|l| l.as_bytes().to_vec());
        assert_eq!(lower("NaTo"), Some(b"nato".to_vec()));
        assert_eq!(lower(""), Some(Vec::new()));
        assert_eq!(lower("Ça"), None);
        assert_eq!(lower(&"A".repeat(32)), Some(b"a".repeat(32)));
        assert_eq!(lower(&"A".repeat(33)), None);
        assert_eq!(with_lowercase_bytes("NaTo", <[u8]>::to_vec), b"nato");
        assert_eq!(with_lowercase_bytes("ÇA", <[u8]>::to_vec), "ça".as_bytes());
        let mut shapes = WordShapes::default();
        for word in ["colour", "Defence", "über", "a".repeat(70).as_str()] {
            shapes.add(word);
        }
        for word in ["COLOUR", "Cellar", "defense", "A".repeat(64).as_str()] {
            assert!(shapes.may_hold(word), "{word}");
        }
        for word in ["colours", "Colou", "Cobalt", "offence", "a"] {
            assert!(!shapes.may_hold(word), "{word}");
        }
        assert!(shapes.may_hold("Ärger") && shapes.may_hold("3rd") && shapes.may_hold("U.S."));
        let long = "A".repeat(40);
        assert_eq!(with_lowercase(&long, str::len), 40);
    }
}
