//! Block quotes used for speech, and the paragraph before a quotation that introduces it.

use std::ops::Range;

use super::speaker::{find_speaker, person_named, Side};
use super::speech::{colon_names_a_source, is_caption, word_count_up_to};
use super::{excerpt, speaker_at, Attribution, Quotation, QuoteKind, Speaker};
use crate::document::{Block, Document};
use crate::style::credits::CreditPatterns;
use crate::style::words::Words;
use crate::text::{is_letter_or_digit, skip_while};

/// Block quotes shorter than this are not speech (a caption, a credit line).
const SPEECH_MIN_WORDS: usize = 5;

/// One quotation per run of consecutive block-quote paragraphs, attributed by a signature
/// inside, an introduction before, the block quote it translates, or (info only) a person
/// the paragraph before names.
pub fn block_quotes(doc: &Document, credits: &CreditPatterns, words: &Words) -> Vec<Quotation> {
    let mut quotations: Vec<Quotation> = Vec::new();
    let mut index = 0;
    while index < doc.blocks.len() {
        if doc.blocks[index].quote_depth == 0 {
            index += 1;
            continue;
        }
        let first = index;
        while doc
            .blocks
            .get(index + 1)
            .is_some_and(|next| next.quote_depth > 0)
        {
            index += 1;
        }
        let (attribution, speaker) =
            attribute(doc, (credits, words), first, index, quotations.last());
        let mut quotation = block_quote(doc, first, index, attribution, speaker);
        // Asked only of speech: the search reads the paragraphs around.
        if quotation.is_speech && is_pull_quote(doc, first, index) {
            quotation.is_speech = false;
        }
        quotations.push(quotation);
        index += 1;
    }
    quotations
}

fn attribute(
    doc: &Document,
    style: (&CreditPatterns, &Words),
    first: usize,
    last: usize,
    earlier: Option<&Quotation>,
) -> (Option<Attribution>, Option<Speaker>) {
    if let Some(speaker) = label(&doc.blocks[first]).or_else(|| sign_off(&doc.blocks[last])) {
        return (Some(Attribution::Signature), Some(speaker));
    }
    if let Some(introduction) = introduction(doc, style, first) {
        return (Some(Attribution::Introduction), introduction.speaker);
    }
    let Some(previous) = previous_prose(doc, style.0, first) else {
        return (None, None);
    };
    // Original and translation alternate: block quote, paragraph, block quote.
    let alternating = earlier
        .filter(|earlier| earlier.last_block + 1 == previous && earlier.attribution.is_some());
    if let Some(earlier) = alternating {
        return (Some(Attribution::Continuation), earlier.speaker.clone());
    }
    match implied_speaker(&doc.blocks[previous]) {
        Some(speaker) => (Some(Attribution::Implied), Some(speaker)),
        None => (None, None),
    }
}

fn block_quote(
    doc: &Document,
    first: usize,
    last: usize,
    attribution: Option<Attribution>,
    speaker: Option<Speaker>,
) -> Quotation {
    // Each paragraph's count capped at the bound: the sum reaches it exactly when the
    // uncapped one does.
    let words: usize = doc.blocks[first..=last]
        .iter()
        .map(|b| word_count_up_to(b.text(), SPEECH_MIN_WORDS))
        .sum();
    let opening = &doc.blocks[first];
    Quotation {
        block: first,
        range: 0..opening.text().len(),
        span: opening.span().cover(doc.blocks[last].span()),
        speaker,
        kind: QuoteKind::BlockQuote,
        last_block: last,
        last_end: doc.blocks[last].text().len(),
        closed: true,
        broken_by: None,
        in_block_quote: true,
        is_speech: words >= SPEECH_MIN_WORDS,
        attribution,
        excerpt: excerpt(opening.text()),
    }
}

/// Paragraphs before and after a block quote searched for the words it pulls out.
const PULL_QUOTE_REACH: usize = 3;
/// A pull quote is short: one or two sentences set off from the text.
const PULL_QUOTE_MAX_BYTES: usize = 400;

/// A pull quote: a short block quote repeating words of the article's own prose nearby (the
/// sentence "the problem-solving process becomes itself the biggest problem" set off above
/// the paragraph that says it). A design element, not a quotation needing a speaker.
fn is_pull_quote(doc: &Document, first: usize, last: usize) -> bool {
    let mut quoted = String::new();
    for block in &doc.blocks[first..=last] {
        push_letters(&mut quoted, block.text());
    }
    if quoted.len() < 20 || quoted.len() > PULL_QUOTE_MAX_BYTES {
        return false;
    }
    let search = LetterSearch::new(quoted.as_bytes());
    let from = first.saturating_sub(PULL_QUOTE_REACH);
    let to = (last + PULL_QUOTE_REACH).min(doc.blocks.len() - 1);
    (from..=to)
        .filter(|&index| index < first || index > last)
        .map(|index| &doc.blocks[index])
        .filter(|block| block.quote_depth == 0)
        .any(|block| search.in_letters_of(block.text()))
}

/// A search for a pull quote's letters in the letters of a paragraph, read as they stream
/// out of its text (Knuth–Morris–Pratt over their bytes): no string is built per paragraph.
struct LetterSearch<'a> {
    needle: &'a [u8],
    /// For each prefix of the needle, the length of its longest proper prefix that is also
    /// its suffix: where a partial match goes on after a mismatch.
    fallback: Vec<usize>,
}

impl<'a> LetterSearch<'a> {
    /// `needle` is not empty.
    fn new(needle: &'a [u8]) -> Self {
        let mut fallback = vec![0; needle.len()];
        let mut matched = 0;
        for at in 1..needle.len() {
            while matched > 0 && needle[at] != needle[matched] {
                matched = fallback[matched - 1];
            }
            if needle[at] == needle[matched] {
                matched += 1;
            }
            fallback[at] = matched;
        }
        LetterSearch { needle, fallback }
    }

    /// Whether the letters of `text`, as [`push_letters`] writes them, hold the needle.
    fn in_letters_of(&self, text: &str) -> bool {
        let mut matched = 0;
        let mut feed = |byte: u8| {
            while matched > 0 && self.needle[matched] != byte {
                matched = self.fallback[matched - 1];
            }
            if self.needle[matched] == byte {
                matched += 1;
            }
            if matched == self.needle.len() {
                return true;
            }
            false
        };
        let mut rest = text;
        while !rest.is_empty() {
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            for byte in rest[..ascii].bytes() {
                if byte.is_ascii_alphanumeric() && feed(byte.to_ascii_lowercase()) {
                    return true;
                }
            }
            rest = &rest[ascii..];
            if let Some(c) = rest.chars().next() {
                if is_letter_or_digit(c) {
                    let mut buffer = [0; 4];
                    for lower in c.to_lowercase() {
                        if lower.encode_utf8(&mut buffer).bytes().any(&mut feed) {
                            return true;
                        }
                    }
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        false
    }
}

/// Append the letters and digits of a text, lower case: what a pull quote keeps of the
/// prose. Runs of ASCII are read byte by byte; only other characters are decoded.
fn push_letters(out: &mut String, text: &str) {
    out.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for byte in rest[..ascii].bytes() {
            if byte.is_ascii_alphanumeric() {
                out.push(char::from(byte.to_ascii_lowercase()));
            }
        }
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            if is_letter_or_digit(c) {
                out.extend(c.to_lowercase());
            }
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// The letters of a text as [`push_letters`] appends them, written the plain way: what it
/// is tested against.
#[cfg(test)]
fn letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_letter_or_digit(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A speaker label at the start of a paragraph: "@user: ...", "RT @user: ...", "Jane Doe:
/// ...", or a Weibo-style "用户名：...". (Written out rather than as a regex: the regex's
/// Unicode classes took milliseconds to compile at every start.)
pub fn label(block: &Block) -> Option<Speaker> {
    let name = label_name(block.text())?;
    Some(speaker_at(block, name))
}

/// The name in a label: `@handle` or up to four capitalised words before a colon, or up to
/// 20 characters before a full-width colon. A leading "RT " is skipped when that helps.
fn label_name(text: &str) -> Option<Range<usize>> {
    let start = skip_while(text, 0, |c| c.is_whitespace() || is_format_char(c));
    let after_retweet = text[start..]
        .strip_prefix("RT")
        .map(|rest| skip_while(text, text.len() - rest.len(), char::is_whitespace))
        .filter(|&at| at > start + 2);
    after_retweet
        .into_iter()
        .chain([start])
        .find_map(|at| name_before_colon(text, at).or_else(|| name_before_wide_colon(text, at)))
}

/// "@handle:" or "Jane Doe:" (at most four capitalised words) starting at `at`.
fn name_before_colon(text: &str, at: usize) -> Option<Range<usize>> {
    let is_word = |c: char| is_letter_or_digit(c) || c == '_';
    let end = if let Some(handle) = text[at..].strip_prefix('@') {
        let end = skip_while(text, text.len() - handle.len(), is_word);
        (end > at + 1).then_some(end)?
    } else {
        let in_name = |c: char| is_word(c) || matches!(c, '.' | '\'' | '’' | '-');
        let capitalised_word_at = |at: usize| {
            let first = text[at..].chars().next().filter(|c| c.is_uppercase())?;
            Some(skip_while(text, at + first.len_utf8(), in_name))
        };
        let mut end = capitalised_word_at(at)?;
        for _ in 0..3 {
            let next = skip_while(text, end, char::is_whitespace);
            match capitalised_word_at(next) {
                Some(word_end) if next > end => end = word_end,
                _ => break,
            }
        }
        end
    };
    let colon = skip_while(text, end, char::is_whitespace);
    text[colon..].starts_with(':').then_some(at..end)
}

/// "用户名：": one to 20 characters, none a space or colon, before a full-width colon.
fn name_before_wide_colon(text: &str, at: usize) -> Option<Range<usize>> {
    let mut end = at;
    for c in text[at..].chars().take(20) {
        if c.is_whitespace() || c == ':' || c == '：' {
            break;
        }
        end += c.len_utf8();
    }
    (end > at && text[end..].starts_with('：')).then_some(at..end)
}

/// Unicode format characters (general category Cf): invisible marks such as the zero-width
/// space, the byte-order mark and direction marks, often left at the start of pasted text.
fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
        | '\u{890}'..='\u{891}' | '\u{8e2}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{110bd}' | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}' | '\u{e0020}'..='\u{e007f}')
}

/// A closing line of its own: "— Jane Doe" (the last such line of the block).
fn sign_off(block: &Block) -> Option<Speaker> {
    let text = block.text();
    let mut found = None;
    let mut line_start = Some(0);
    while let Some(at) = line_start {
        // After a miss, every line start up to where the attempt stopped would stop at the
        // same place: go on from the line after it (blank-looking lines stay linear).
        let (name, stopped) = sign_off_at(text, at);
        found = name.or(found);
        line_start = text[stopped..]
            .find('\n')
            .map(|newline| stopped + newline + 1);
    }
    Some(speaker_at(block, found?))
}

/// A sign-off starting at the line start `at`: spaces (blank lines too), dashes, spaces, then
/// a capitalised name running to the end of its line. The name, if there is one, and where
/// the attempt stopped (the name's line end, or the first character that is no sign-off).
fn sign_off_at(text: &str, at: usize) -> (Option<Range<usize>>, usize) {
    let dashes = skip_while(text, at, char::is_whitespace);
    let after_dashes = skip_while(text, dashes, |c| matches!(c, '—' | '–' | '~' | '-'));
    if after_dashes == dashes {
        return (None, dashes);
    }
    let name = skip_while(text, after_dashes, char::is_whitespace);
    if !text[name..].starts_with(char::is_uppercase) {
        return (None, dashes);
    }
    let end = text[name..]
        .find('\n')
        .map_or(text.len(), |offset| name + offset);
    (Some(name..end), end)
}

/// How the paragraph before a quotation introduces it.
pub struct Introduction {
    pub speaker: Option<Speaker>,
}

/// The introduction of a quotation that opens block `index`, in the prose paragraph before
/// it (captions skipped): it ends in a colon ("X writes:"), or its last sentence has a
/// speech verb with a speaker ("The Armenian Observer blog comments.").
pub fn introduction(
    doc: &Document,
    style: (&CreditPatterns, &Words),
    index: usize,
) -> Option<Introduction> {
    introduced(doc, style, index, false)
}

/// The [`introduction`] of a quotation only if it ends in a colon (the speech verb is looked
/// for only then).
pub fn colon_introduction(
    doc: &Document,
    style: (&CreditPatterns, &Words),
    index: usize,
) -> Option<Introduction> {
    introduced(doc, style, index, true)
}

fn introduced(
    doc: &Document,
    (credits, words): (&CreditPatterns, &Words),
    index: usize,
    colon_only: bool,
) -> Option<Introduction> {
    let previous = &doc.blocks[previous_prose(doc, credits, index)?];
    let text = previous.text().trim_end();
    let last_sentence = previous.sentence_at(text.len().saturating_sub(1));
    let by_colon = text.ends_with(':')
        && colon_names_a_source(previous.text(), last_sentence.start..text.len(), words);
    if colon_only && !by_colon {
        return None;
    }
    let speaker = find_speaker(previous.text(), last_sentence, Side::Before, words)
        .map(|range| speaker_at(previous, range));
    (by_colon || speaker.is_some()).then_some(Introduction { speaker })
}

/// The paragraph before block `index`, skipping photo captions; none after a heading.
fn previous_prose(doc: &Document, credits: &CreditPatterns, index: usize) -> Option<usize> {
    let mut at = index.checked_sub(1)?;
    loop {
        let block = &doc.blocks[at];
        if block.is_heading() {
            return None;
        }
        if block.quote_depth > 0 || !(is_caption(block, credits) || is_link_only(block)) {
            return Some(at);
        }
        at = at.checked_sub(1)?;
    }
}

/// A paragraph that is only a link (an embedded video, "Watch the speech") or empty (an
/// image alone): it sits between an introduction and its quotation without breaking them.
fn is_link_only(block: &Block) -> bool {
    let text = block.text();
    let mut uncovered = 0..text.len();
    for link in block.links() {
        if text[uncovered.start..link.start.max(uncovered.start)]
            .trim()
            .is_empty()
        {
            uncovered.start = uncovered.start.max(link.end);
        }
    }
    let rest = text.get(uncovered).unwrap_or("").trim();
    rest.is_empty() || (rest.starts_with("http") && !rest.contains(char::is_whitespace))
}

/// The person the last sentence of a paragraph names (a name or an @handle), who probably
/// wrote the block quote after it though nothing says so.
fn implied_speaker(block: &Block) -> Option<Speaker> {
    if block.quote_depth > 0 {
        return None;
    }
    let text = block.text().trim_end();
    let last_sentence = block.sentence_at(text.len().saturating_sub(1));
    person_named(block.text(), last_sentence).map(|range| speaker_at(block, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Option<&str> {
        label_name(text).map(|range| &text[range])
    }

    #[test]
    fn pull_quotes_repeat_the_articles_own_words() {
        let pulled = |source: &str| {
            let doc = Document::parse(source);
            let first = doc.blocks.iter().position(|b| b.quote_depth > 0).unwrap();
            is_pull_quote(&doc, first, first)
        };
        assert!(pulled(
            "The portal gets reports.\n\n> The problem-solving process becomes itself the biggest problem.\n\nToo often, the \"problem-solving process becomes itself the biggest problem.\"\n"
        ));
        assert!(!pulled(
            "The portal gets reports.\n\n> The problem-solving process becomes itself the biggest problem.\n\nToo often, nothing gets solved.\n"
        ));
    }

    #[test]
    fn letters_read_by_ascii_runs_are_the_plain_ones() {
        for text in [
            "",
            "The problem-solving process, 2024!",
            "İstanbul ÇAĞ — “Ünlü” straße ΣΊΣΥΦΟΣ 中国 x",
            "é",
            "a\u{200b}b\u{212a}\u{17f}",
        ] {
            let mut out = String::from("kept ");
            push_letters(&mut out, text);
            assert_eq!(out, format!("kept {}", letters(text)), "{text}");
        }
    }

    #[test]
    fn streamed_letter_search_finds_what_contains_finds() {
        let texts = [
            "Too often, the \"problem-solving process becomes itself the biggest problem.\"",
            "İstanbul ÇAĞ — “Ünlü” straße ΣΊΣΥΦΟΣ 中国 x, aabaabaabaac abab",
            "",
            "ab ab ab ab ab aba",
        ];
        let needles = [
            "problemsolvingprocess",
            "biggestproblem",
            "i\u{307}stanbulça",
            "straßeσίσυφοσ中国",
            "aabaabaac",
            "abababababa",
            "ababababa",
            "x",
            "ğü",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(
                    LetterSearch::new(needle.as_bytes()).in_letters_of(text),
                    letters(text).contains(needle),
                    "{needle:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn labels_name_handles_people_and_weibo_users() {
        assert_eq!(name("@nato: We stand together"), Some("@nato"));
        assert_eq!(name("RT @nato : We stand"), Some("@nato"));
        assert_eq!(
            name("\u{200b} Jane O’Doe-Smith: no"),
            Some("Jane O’Doe-Smith")
        );
        assert_eq!(
            name("Mr. Jens Stoltenberg Jr: yes"),
            Some("Mr. Jens Stoltenberg Jr")
        );
        assert_eq!(name("RTX Corp: results"), Some("RTX Corp"));
        assert_eq!(name("用户名：我们"), Some("用户名"));
        // Five capitalised words, a lower-case word, no colon, nothing before the colon.
        assert_eq!(name("One Two Three Four Five: x"), None);
        assert_eq!(name("Jane said: x"), None);
        assert_eq!(name("Jane Doe said"), None);
        assert_eq!(name("@: x"), None);
        assert_eq!(name("：x"), None);
        assert_eq!(
            name("这是一个非常非常非常非常非常非常长的用户名字：x"),
            None
        );
    }

    fn signed(text: &str) -> Option<&str> {
        let mut found = None;
        let mut at = Some(0);
        while let Some(start) = at {
            if let (Some(name), _) = sign_off_at(text, start) {
                found = Some(&text[name]);
            }
            at = text[start..].find('\n').map(|newline| start + newline + 1);
        }
        found
    }

    #[test]
    fn sign_offs_are_dashes_then_a_capitalised_name_to_the_line_end() {
        assert_eq!(
            signed("We will win.\n— Jane Doe, Reuters"),
            Some("Jane Doe, Reuters")
        );
        assert_eq!(signed("Words.\n\n  -- Jane\nmore"), Some("Jane"));
        assert_eq!(signed("Words.\n—\nJane Doe"), Some("Jane Doe"));
        assert_eq!(signed("— Jane\n— John"), Some("John"));
        assert_eq!(signed("Words — Jane Doe"), None);
        assert_eq!(signed("— jane doe"), None);
    }

    #[test]
    fn a_paragraph_of_blank_looking_lines_is_read_once() {
        // Lines of no-break spaces are not blank to Markdown: one paragraph of 200,000 of
        // them. Trying each line start from scratch would take minutes.
        let text = "Words.\n".to_string() + &"\u{a0}\n".repeat(200_000) + "— Jane Doe";
        let block = Block::exact(crate::document::BlockKind::Paragraph, &text, 0, 1);
        assert_eq!(sign_off(&block).expect("signed").name, "Jane Doe");
    }
}
