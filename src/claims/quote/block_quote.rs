//! Block quotes used for speech, and the paragraph before a quotation that introduces it.

use std::sync::LazyLock;

use regex::Regex;

use super::speaker::{find_speaker, person_named, Side};
use super::speech::{is_caption, word_count};
use super::{excerpt, speaker_at, Attribution, Quotation, QuoteKind, Speaker};
use crate::document::{Block, Document};
use crate::style::credits::CreditPatterns;

/// Block quotes shorter than this are not speech (a caption, a credit line).
const SPEECH_MIN_WORDS: usize = 5;

/// One quotation per run of consecutive block-quote paragraphs, attributed by a signature
/// inside, an introduction before, the block quote it translates, or (info only) a person
/// the paragraph before names.
pub fn block_quotes(doc: &Document, credits: &CreditPatterns) -> Vec<Quotation> {
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
        let (attribution, speaker) = attribute(doc, credits, first, index, quotations.last());
        quotations.push(block_quote(doc, first, index, attribution, speaker));
        index += 1;
    }
    quotations
}

fn attribute(
    doc: &Document,
    credits: &CreditPatterns,
    first: usize,
    last: usize,
    earlier: Option<&Quotation>,
) -> (Option<Attribution>, Option<Speaker>) {
    if let Some(speaker) = label(&doc.blocks[first]).or_else(|| sign_off(&doc.blocks[last])) {
        return (Some(Attribution::Signature), Some(speaker));
    }
    if let Some(introduction) = introduction(doc, credits, first) {
        return (Some(Attribution::Introduction), introduction.speaker);
    }
    let Some(previous) = previous_prose(doc, credits, first) else {
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
    let words: usize = doc.blocks[first..=last]
        .iter()
        .map(|b| word_count(&b.text))
        .sum();
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

/// A speaker label at the start of a paragraph: "@user: ...", "RT @user: ...", "Jane Doe:
/// ...", or a Weibo-style "用户名：...".
pub fn label(block: &Block) -> Option<Speaker> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s\p{Cf}]*(?:RT\s+)?(?:(@\w+|\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3})\s*:|([^\s:：]{1,20})：)",
        )
        .expect("valid label regex")
    });
    let captures = LABEL.captures(&block.text)?;
    let name = captures.get(1).or_else(|| captures.get(2))?;
    Some(speaker_at(block, name.range()))
}

/// A closing line of its own: "— Jane Doe".
fn sign_off(block: &Block) -> Option<Speaker> {
    static SIGN_OFF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?m)^\s*[—–~-]+\s*(\p{Lu}[^\n]*)$").expect("valid regex"));
    let name = SIGN_OFF.captures_iter(&block.text).last()?.get(1)?;
    Some(speaker_at(block, name.range()))
}

/// How the paragraph before a quotation introduces it.
pub struct Introduction {
    pub speaker: Option<Speaker>,
    /// It ends in a colon ("X writes:"), rather than merely having a speech verb.
    pub by_colon: bool,
}

/// The introduction of a quotation that opens block `index`, in the prose paragraph before
/// it (captions skipped): it ends in a colon ("X writes:"), or its last sentence has a
/// speech verb with a speaker ("The Armenian Observer blog comments.").
pub fn introduction(
    doc: &Document,
    credits: &CreditPatterns,
    index: usize,
) -> Option<Introduction> {
    let previous = &doc.blocks[previous_prose(doc, credits, index)?];
    let text = previous.text.trim_end();
    let last_sentence = previous.sentence_at(text.len().saturating_sub(1));
    let speaker = find_speaker(&previous.text, last_sentence, Side::Before)
        .map(|range| speaker_at(previous, range));
    let by_colon = text.ends_with(':');
    (by_colon || speaker.is_some()).then_some(Introduction { speaker, by_colon })
}

/// The paragraph before block `index`, skipping photo captions; none after a heading.
fn previous_prose(doc: &Document, credits: &CreditPatterns, index: usize) -> Option<usize> {
    let mut at = index.checked_sub(1)?;
    loop {
        let block = &doc.blocks[at];
        if block.is_heading() {
            return None;
        }
        if block.quote_depth > 0 || !is_caption(block, credits) {
            return Some(at);
        }
        at = at.checked_sub(1)?;
    }
}

/// The person the last sentence of a paragraph names (a name or an @handle), who probably
/// wrote the block quote after it though nothing says so.
fn implied_speaker(block: &Block) -> Option<Speaker> {
    if block.quote_depth > 0 {
        return None;
    }
    let text = block.text.trim_end();
    let last_sentence = block.sentence_at(text.len().saturating_sub(1));
    person_named(&block.text, last_sentence).map(|range| speaker_at(block, range))
}
