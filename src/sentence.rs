//! Sentence boundaries in a block's plain text. News prose is full of periods that end no
//! sentence: "Nov.", "Mr.", "U.S.", initials ("J. Smith"), decimals ("2.5").

use std::ops::Range;

/// Abbreviations that never end a sentence when followed by more of it.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "gen", "gov", "sen", "rep", "prof", "col", "lt",
    "sgt", "capt", "maj", "adm", "cmdr", "hon", "rev", "pres", "supt", "insp", "det", "no", "nos",
    "vs", "v", "etc", "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e", "a.m", "p.m",
    "al", "ave", "blvd", "rd",
];

/// Split `text` into sentence ranges covering it (whitespace between sentences is dropped).
#[cfg(test)]
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    split_into(text, &mut sentences);
    sentences
}

/// Split `text` into sentence ranges, appending to `sentences`.
pub fn split_into(text: &str, sentences: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut start = skip_space(text, 0);
    let mut i = 0;
    // Only sentence punctuation and line breaks can end a sentence: the bytes between them
    // are passed over with memchr instead of one at a time.
    let newline_from =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |at| from + at);
    let mut newline = newline_from(0);
    loop {
        if newline < i {
            newline = newline_from(i);
        }
        i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..newline]).map_or(newline, |at| i + at);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if matches!(b, b'.' | b'!' | b'?') {
            // Take closing quotes and brackets with the punctuation.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &text[end..];
                let closer = rest
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»'));
                match closer {
                    Some(c) => end += c.len_utf8(),
                    None => break,
                }
            }
            let next = skip_space(text, end);
            let has_space = next > end;
            if has_space
                && next < bytes.len()
                && starts_sentence(&text[next..])
                && !is_abbreviation(text, i, b)
            {
                sentences.push(start..end);
                start = next;
                i = next;
                continue;
            }
            i = end.max(i + 1);
            continue;
        }
        if b == b'\n' {
            // A hard line break ends a sentence when the next line starts like one.
            let next = skip_space(text, i + 1);
            if next < bytes.len() && starts_sentence(&text[next..]) && i > start {
                sentences.push(start..trim_end(text, start, i));
                start = next;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    let end = trim_end(text, start, text.len());
    if end > start {
        sentences.push(start..end);
    }
}

fn skip_space(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if c.is_whitespace() {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

fn starts_sentence(rest: &str) -> bool {
    match rest.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–')
        }
        None => false,
    }
}

/// Whether the period at `dot` belongs to an abbreviation, an initial or a number.
fn is_abbreviation(text: &str, dot: usize, punct: u8) -> bool {
    if punct != b'.' {
        return false;
    }
    let word_start = text[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '[' | '—'))
        .map_or(0, |at| {
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[word_start..dot];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.S.", "U.N."
    let mut letters = word.chars().filter(|c| *c != '.');
    let count = letters.clone().count();
    let all_upper = letters.all(char::is_uppercase);
    if word.contains('.') && all_upper && count <= 4 {
        return true;
    }
    if count == 1 && all_upper {
        return true;
    }
    // The abbreviations are lower-case ASCII: a word of other letters is none of them.
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| word.eq_ignore_ascii_case(abbreviation))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One two. Three four! Five?"),
            vec!["One two.", "Three four!", "Five?"]
        );
    }

    #[test]
    fn survives_abbreviations_initials_and_decimals() {
        let text = "On Nov. 28 Mr. Smith of the U.S. State Dept. met J. R. Doe. Growth was 2.5 percent. Done.";
        assert_eq!(
            sentences(text),
            vec![
                "On Nov. 28 Mr. Smith of the U.S. State Dept. met J. R. Doe.",
                "Growth was 2.5 percent.",
                "Done."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "“We will,” he said. “Now.” She left.";
        assert_eq!(
            sentences(text),
            vec!["“We will,” he said.", "“Now.”", "She left."]
        );
    }
}
