//! Quotations and their speakers: every quotation in marks (straight or curly, single ones
//! nested inside double ones) and every block quote, each with who said it, or how we know
//! nobody was named. Headings, code, link text and front matter hold no quotations.

mod marks;
mod speaker;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Block, Document};
use crate::settings::Settings;
use crate::span::Span;

pub use marks::{MarkStyle, StrayMark};
use speaker::{find_speaker, Side};

/// A direct quotation. Other rules read `span` (e.g. to leave quoted words alone).
#[derive(Clone, Debug)]
pub struct Quotation {
    /// Index into `Document::blocks` of the block where the quotation opens.
    pub block: usize,
    /// Range of the block's text, marks included (in the opening block).
    pub range: Range<usize>,
    /// Source span, marks included (may run over several paragraphs).
    pub span: Span,
    /// Who said it, when found.
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
    /// Index of the block where the quotation ends.
    pub last_block: usize,
    /// Text offset in `last_block` just past the closing mark (the block's end if unclosed).
    pub last_end: usize,
    /// False when the opening mark is never closed.
    pub closed: bool,
    /// Inside a block quote, whose attribution covers it.
    pub in_block_quote: bool,
    /// Long enough to be speech, and not a title, a term or a scare quote.
    pub is_speech: bool,
    /// How the quotation is attributed, if it is.
    pub attribution: Option<Attribution>,
    /// Its first few words, for messages.
    pub excerpt: String,
}

/// The person or body a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    /// Between quotation marks of this style.
    Marks(MarkStyle),
    /// A run of block-quote paragraphs.
    BlockQuote,
}

/// How a quotation's speaker is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribution {
    /// A speech verb with its speaker in the quotation's sentence (or the one right after).
    SpeechVerb,
    /// An introduction ending in a colon, or a sentence with a speech verb, right before.
    Introduction,
    /// Follows an attributed quotation in the same paragraph, or opens the next paragraph.
    Continuation,
    /// Inside the quotation: a handle or name label ("@user: ..."), or a "— Name" line.
    Signature,
    /// A quotation inside a block quote: the block quote is attributed as a whole.
    BlockQuote,
}

/// Everything the quote rules need: the quotations and the closing marks that close nothing.
#[derive(Debug, Default)]
pub struct QuoteClaims {
    pub quotations: Vec<Quotation>,
    pub stray_marks: Vec<StrayMark>,
}

/// Quotations shorter than this many words are phrases, not speech, unless they hold a
/// sentence break ("No. Never.").
const SPEECH_MIN_WORDS: usize = 5;

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
    "as",
    "lema",
    "theme",
];

pub fn extract(doc: &Document, _settings: &Settings) -> QuoteClaims {
    let (pairs, stray_marks) = marks::pair(doc);
    let mut quotations = block_quotes(doc);
    let enclosing: Vec<Option<usize>> = enclosing_block_quotes(doc, &quotations);
    let mut in_marks: Vec<Quotation> = pairs
        .iter()
        .map(|pair| quotation_in_marks(doc, pair, &enclosing, &quotations))
        .collect();
    in_marks.sort_by_key(|q| (q.block, q.range.start));
    attribute_by_context(doc, &mut in_marks);
    quotations.extend(in_marks);
    quotations.sort_by_key(|q| (q.span.start, q.span.end));
    QuoteClaims {
        quotations,
        stray_marks,
    }
}

/// One quotation per run of consecutive block-quote paragraphs.
fn block_quotes(doc: &Document) -> Vec<Quotation> {
    let mut quotations = Vec::new();
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
        quotations.push(block_quote(doc, first, index));
        index += 1;
    }
    quotations
}

fn block_quote(doc: &Document, first: usize, last: usize) -> Quotation {
    let blocks = &doc.blocks[first..=last];
    let words: usize = blocks.iter().map(|b| word_count(&b.text)).sum();
    let (attribution, speaker) = match block_signature(doc, first, last) {
        Some(speaker) => (Some(Attribution::Signature), speaker),
        None => match introduction(doc, first) {
            Some(speaker) => (Some(Attribution::Introduction), speaker),
            None => (None, None),
        },
    };
    let opening = &doc.blocks[first];
    Quotation {
        block: first,
        range: 0..opening.text.len(),
        span: opening.span.cover(doc.blocks[last].span),
        speaker,
        kind: QuoteKind::BlockQuote,
        last_block: last,
        last_end: doc.blocks[last].text.len(),
        closed: true,
        in_block_quote: true,
        is_speech: words >= SPEECH_MIN_WORDS,
        attribution,
        excerpt: excerpt(&opening.text),
    }
}

/// A speaker named inside a block quote: a label before a colon at its start
/// ("@user: ...", "Jane Doe: ...") or a closing line of its own ("— Jane Doe").
/// `Some(None)` when the signature is there but names nobody we can show.
fn block_signature(doc: &Document, first: usize, last: usize) -> Option<Option<Speaker>> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:RT\s+)?(@\w+|\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*:")
            .expect("valid label regex")
    });
    static SIGN_OFF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^\s*[—–~-]+\s*(\p{Lu}[^\n]*)$").expect("valid regex"));
    let opening = &doc.blocks[first];
    if let Some(label) = LABEL.captures(&opening.text).and_then(|c| c.get(1)) {
        return Some(Some(speaker_at(opening, label.range())));
    }
    let closing = &doc.blocks[last];
    let sign_off = SIGN_OFF.captures_iter(&closing.text).last()?;
    let name = sign_off.get(1)?;
    Some(Some(speaker_at(closing, name.range())))
}

/// The introduction of a quotation that opens block `index`: the previous paragraph ends in
/// a colon ("X writes:"), or its last sentence has a speech verb with a speaker ("The
/// Armenian Observer blog comments."). `Some(None)`: introduced, speaker not named.
fn introduction(doc: &Document, index: usize) -> Option<Option<Speaker>> {
    let previous = doc.blocks.get(index.checked_sub(1)?)?;
    if previous.is_heading() {
        return None;
    }
    let text = previous.text.trim_end();
    let last_sentence = previous.sentence_at(text.len().saturating_sub(1));
    let speaker = find_speaker(&previous.text, last_sentence, Side::Before)
        .map(|range| speaker_at(previous, range));
    if text.ends_with(':') || speaker.is_some() {
        Some(speaker)
    } else {
        None
    }
}

/// For each block, the index (into `block_quotes`) of the block quote it sits in.
fn enclosing_block_quotes(doc: &Document, block_quotes: &[Quotation]) -> Vec<Option<usize>> {
    let mut enclosing = vec![None; doc.blocks.len()];
    for (index, quotation) in block_quotes.iter().enumerate() {
        for slot in &mut enclosing[quotation.block..=quotation.last_block] {
            *slot = Some(index);
        }
    }
    enclosing
}

fn quotation_in_marks(
    doc: &Document,
    pair: &marks::PairedQuote,
    enclosing: &[Option<usize>],
    block_quotes: &[Quotation],
) -> Quotation {
    let opening = &doc.blocks[pair.open_block];
    let closing = &doc.blocks[pair.close_block];
    let range_end = if pair.close_block == pair.open_block {
        pair.close_end
    } else {
        opening.text.len()
    };
    let inner = inner_text(doc, pair);
    let enclosing = enclosing[pair.open_block].map(|index| &block_quotes[index]);
    let is_speech = is_speech(&inner)
        && !introduced_as_title(&opening.text[..pair.open_at])
        && (pair.style == MarkStyle::Double || closes_at_punctuation(closing, pair));
    Quotation {
        block: pair.open_block,
        range: pair.open_at..range_end,
        span: opening
            .span_of(pair.open_at..range_end)
            .cover(closing.span_of(pair.close_end.saturating_sub(pair.close_len)..pair.close_end)),
        speaker: enclosing.and_then(|q| q.speaker.clone()),
        kind: QuoteKind::Marks(pair.style),
        last_block: pair.close_block,
        last_end: pair.close_end,
        closed: pair.closed,
        in_block_quote: enclosing.is_some(),
        is_speech,
        attribution: enclosing.map(|_| Attribution::BlockQuote),
        excerpt: excerpt(&inner),
    }
}

/// The words between the marks, paragraphs joined by a space.
fn inner_text(doc: &Document, pair: &marks::PairedQuote) -> String {
    let start = pair.open_at + pair.open_len;
    let end = pair.close_end - pair.close_len;
    if pair.open_block == pair.close_block {
        return doc.blocks[pair.open_block]
            .text
            .get(start..end)
            .unwrap_or("")
            .to_string();
    }
    let mut inner = doc.blocks[pair.open_block]
        .text
        .get(start..)
        .unwrap_or("")
        .to_string();
    for block in &doc.blocks[pair.open_block + 1..pair.close_block] {
        inner.push(' ');
        inner.push_str(&block.text);
    }
    inner.push(' ');
    inner.push_str(doc.blocks[pair.close_block].text.get(..end).unwrap_or(""));
    inner
}

/// Attribute quotations outside block quotes from their sentences and neighbours.
fn attribute_by_context(doc: &Document, quotations: &mut [Quotation]) {
    for quotation in quotations.iter_mut() {
        if quotation.in_block_quote {
            continue;
        }
        if let Some((attribution, speaker)) = direct_attribution(doc, quotation) {
            quotation.attribution = Some(attribution);
            quotation.speaker = speaker;
        }
    }
    // Continuation forwards: a later quotation in the same paragraph, or one that opens the
    // next paragraph, has the speaker of the attributed one before it.
    let mut previous: Option<(usize, Option<Speaker>)> = None;
    for quotation in quotations.iter_mut() {
        if quotation.in_block_quote {
            continue;
        }
        if quotation.attribution.is_none() {
            if let Some((block, speaker)) = &previous {
                let opens_next = *block + 1 == quotation.block
                    && opens_its_block(&doc.blocks[quotation.block], quotation);
                if *block == quotation.block || opens_next {
                    quotation.attribution = Some(Attribution::Continuation);
                    quotation.speaker = speaker.clone();
                }
            }
        }
        if quotation.attribution.is_some() {
            previous = Some((quotation.last_block, quotation.speaker.clone()));
        }
    }
    // And backwards within a paragraph: “A.” “B,” she said.
    let mut next: Option<(usize, Option<Speaker>)> = None;
    for quotation in quotations.iter_mut().rev() {
        if quotation.in_block_quote {
            continue;
        }
        if quotation.attribution.is_none() {
            if let Some((block, speaker)) = &next {
                if *block == quotation.last_block {
                    quotation.attribution = Some(Attribution::Continuation);
                    quotation.speaker = speaker.clone();
                }
            }
        }
        if quotation.attribution.is_some() {
            next = Some((quotation.block, quotation.speaker.clone()));
        }
    }
}

/// A speaker in the quotation's own sentence (or the sentence right after it), or a colon
/// introduction before it.
fn direct_attribution(
    doc: &Document,
    quotation: &Quotation,
) -> Option<(Attribution, Option<Speaker>)> {
    let opening = &doc.blocks[quotation.block];
    let open_at = quotation.range.start;
    let before = opening.sentence_at(open_at).start.min(open_at)..open_at;
    if let Some(range) = find_speaker(&opening.text, before.clone(), Side::Before) {
        return Some((Attribution::SpeechVerb, Some(speaker_at(opening, range))));
    }
    if opening.text[before].trim_end().ends_with(':') {
        return Some((Attribution::Introduction, None));
    }
    // A paragraph-opening quotation needs a colon introduction: a speech verb in the
    // paragraph before may be about something else ("They also stressed the importance").
    let introduced = opens_its_block(opening, quotation)
        && quotation.block > 0
        && doc.blocks[quotation.block - 1]
            .text
            .trim_end()
            .ends_with(':');
    if introduced {
        if let Some(speaker) = introduction(doc, quotation.block) {
            return Some((Attribution::Introduction, speaker));
        }
    }
    let closing = &doc.blocks[quotation.last_block];
    let close_end = quotation.last_end;
    let rest = &closing.text[close_end..];
    let next_word = close_end + (rest.len() - rest.trim_start().len());
    if next_word >= closing.text.len() {
        return None;
    }
    let after = close_end..closing.sentence_at(next_word).end.max(close_end);
    find_speaker(&closing.text, after, Side::After)
        .map(|range| (Attribution::SpeechVerb, Some(speaker_at(closing, range))))
}

fn opens_its_block(block: &Block, quotation: &Quotation) -> bool {
    block.text[..quotation.range.start].trim().is_empty()
}

/// A top-level single-quoted quotation counts as speech only when punctuation sits at its
/// closing mark ('We will,' he said): elsewhere a lone single mark is likely an apostrophe.
fn closes_at_punctuation(closing: &Block, pair: &marks::PairedQuote) -> bool {
    let mark_start = pair.close_end - pair.close_len;
    let before = closing.text[..mark_start].chars().next_back();
    let after = closing.text[pair.close_end..].chars().next();
    pair.closed
        && (before.is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'))
            || after.is_some_and(|c| matches!(c, ',' | '.')))
}

/// Speech-length and not a title in title case.
fn is_speech(inner: &str) -> bool {
    let words = word_count(inner);
    let sentence_inside = has_sentence_break(inner);
    if words < SPEECH_MIN_WORDS && !sentence_inside {
        return false;
    }
    !is_title_case(inner)
}

/// Words, counting a run of ideographs as one word per two characters.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let ideographs = token.chars().filter(|c| is_ideograph(*c)).count();
            if ideographs > 0 {
                ideographs.div_ceil(2)
            } else {
                usize::from(token.chars().any(char::is_alphanumeric))
            }
        })
        .sum()
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
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| w.chars().count() >= 4)
        .collect();
    long.len() >= 2
        && long.iter().all(|w| w.starts_with(char::is_uppercase))
        && text.chars().any(char::is_lowercase)
}

/// The quotation follows a word that makes it a title or a term ("a post titled “...”").
fn introduced_as_title(before: &str) -> bool {
    let trimmed = before.trim_end().trim_end_matches([',', ':']);
    let last_word = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    TITLE_INTRODUCERS.contains(&last_word.as_str())
}

/// The first few words, with an ellipsis when cut.
fn excerpt(text: &str) -> String {
    const WORDS: usize = 6;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut excerpt = words[..words.len().min(WORDS)].join(" ");
    if words.len() > WORDS {
        excerpt.push('…');
    }
    excerpt
}

fn speaker_at(block: &Block, range: Range<usize>) -> Speaker {
    let name = block.text[range.clone()]
        .trim_end_matches([',', ':'])
        .to_string();
    Speaker {
        name,
        span: block.span_of(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotations(source: &str) -> Vec<Quotation> {
        let doc = Document::parse(source);
        extract(&doc, &Settings::embedded()).quotations
    }

    /// The speech quotation whose excerpt starts with `start`.
    #[track_caller]
    fn quote<'q>(quotes: &'q [Quotation], start: &str) -> &'q Quotation {
        quotes
            .iter()
            .find(|q| q.excerpt.starts_with(start))
            .unwrap_or_else(|| panic!("no quotation starting {start:?} in {quotes:#?}"))
    }

    #[track_caller]
    fn assert_speaker(source: &str, start: &str, speaker: &str, how: Attribution) {
        let quotes = quotations(source);
        let quote = quote(&quotes, start);
        assert_eq!(quote.attribution, Some(how), "{quote:#?}");
        assert_eq!(
            quote.speaker.as_ref().map(|s| s.name.as_str()),
            Some(speaker)
        );
        let span = quote.speaker.as_ref().unwrap().span;
        assert_eq!(span.text(source), speaker);
    }

    #[track_caller]
    fn assert_unattributed(source: &str, start: &str) {
        let quotes = quotations(source);
        let quote = quote(&quotes, start);
        assert!(quote.is_speech, "{quote:#?}");
        assert_eq!(quote.attribution, None, "{quote:#?}");
    }

    #[track_caller]
    fn assert_not_speech(source: &str, start: &str) {
        let quotes = quotations(source);
        assert!(!quote(&quotes, start).is_speech, "{quotes:#?}");
    }

    #[test]
    fn speech_verbs_before_and_after() {
        assert_speaker(
            "Stoltenberg said that “NATO Allies are providing unprecedented support to Ukraine.”",
            "NATO Allies",
            "Stoltenberg",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“NATO is an Alliance of Europe and North America,” said Secretary General Jens Stoltenberg.",
            "NATO is",
            "Secretary General Jens Stoltenberg",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“We will not back down from this fight,” he said.",
            "We will",
            "he",
            Attribution::SpeechVerb,
        );
    }

    #[test]
    fn partial_quotation_in_the_speakers_sentence() {
        assert_speaker(
            "NATO Secretary-General Jens Stoltenberg highlighted the importance of investing in defense “as we face our greatest security crisis in a generation.”",
            "as we face",
            "NATO Secretary-General Jens Stoltenberg",
            Attribution::SpeechVerb,
        );
    }

    #[test]
    fn colon_introductions() {
        assert_speaker(
            "UK Prime Minister Keir Starmer told the meeting:\n\n“We stand with Ukraine for as long as it takes.”\n",
            "We stand",
            "UK Prime Minister Keir Starmer",
            Attribution::Introduction,
        );
        assert_speaker(
            "Pangeran Siahaan wrote a column and tried to understand:\n\n> With his middle finger raised the governor looked cool.\n",
            "With his",
            "Pangeran Siahaan",
            Attribution::Introduction,
        );
    }

    #[test]
    fn continuations_inherit_the_speaker() {
        let source = "“We are ready for this,” the minister said. “We will not wait for anyone.”\n\n“And we will win this fight together.”\n";
        assert_speaker(
            source,
            "We will not",
            "the minister",
            Attribution::Continuation,
        );
        assert_speaker(
            source,
            "And we will",
            "the minister",
            Attribution::Continuation,
        );
        assert_speaker(
            "“Everything is ready for the vote now.” The hall was full. “We will win,” she added.",
            "Everything",
            "she",
            Attribution::Continuation,
        );
    }

    #[test]
    fn signatures_inside_block_quotes() {
        assert_speaker(
            "Some context here.\n\n> @vankaay: Just realized what the governor was doing there.\n",
            "@vankaay:",
            "@vankaay",
            Attribution::Signature,
        );
    }

    #[test]
    fn unattributed_speech() {
        assert_unattributed(
            "The meeting ended late.\n\n“NATO is an Alliance of Europe and North America.”\n",
            "NATO is",
        );
        assert_unattributed(
            "Critics were unhappy.\n\n> The plan is a failure and everyone knows it.\n",
            "The plan",
        );
    }

    #[test]
    fn phrases_titles_and_terms_are_not_speech() {
        assert_not_speech("They call him “the iron lady” now.", "the iron lady");
        assert_not_speech("The Smiths sang “How Soon is Now?” live.", "How Soon");
        assert_not_speech(
            "In a post titled “Reasons why I missed the contest this year”, he explains.",
            "Reasons why",
        );
        assert_not_speech(
            "The agency ran “Moscow Riots Show Anti-Putin Drive Sustainable” today.",
            "Moscow Riots",
        );
    }
}
