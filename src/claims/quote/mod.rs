//! Quotations and their speakers: every quotation in marks (straight or curly, single ones
//! nested inside double ones) and every block quote, each with who said it, or how we know
//! nobody was named. Headings, code, link text and front matter hold no quotations.

mod block_quote;
mod enclosing;
mod marks;
mod speaker;
mod speech;

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::ExtractContext;
use crate::document::{Block, Document};
use crate::span::Span;
use crate::style::credits::CreditPatterns;
use crate::style::words::Words;
use crate::text::is_letter_or_digit;

use enclosing::EnclosingBlockQuotes;
pub use marks::{BreakKind, BreakMark, MarkStyle, StrayMark};
use speaker::{find_speaker, person_named, Side};

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
    /// For an unclosed quotation, the mark that most likely broke its pairing.
    pub broken_by: Option<BreakMark>,
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
    /// A partial quotation in a sentence that names its speaker ("Stoltenberg urged allies
    /// to act “as we face our greatest security crisis”").
    Embedded,
    /// A quotation inside a block quote: the block quote is attributed as a whole.
    BlockQuote,
    /// A paragraph right after a block quote with quotations in it: their translation.
    Translation,
    /// A block quote after a paragraph that names someone without introducing the
    /// quotation, or a quotation after a sentence opening with a person: probably theirs,
    /// but unsure (reported at info level).
    Implied,
    /// A lede quotation whose speaker the next paragraph introduces with a speech verb.
    Lead,
    /// A lede quotation followed by a paragraph that opens with a person but does not say
    /// they said it: probably theirs, but unsure (reported at info level).
    ImpliedNext,
}

/// Everything the quote rules need: the quotations and the closing marks that close nothing.
#[derive(Debug, Default)]
pub struct QuoteClaims {
    pub quotations: Vec<Quotation>,
    pub stray_marks: Vec<StrayMark>,
}

pub fn extract(doc: &Document, cx: &ExtractContext) -> QuoteClaims {
    let credits: &CreditPatterns = &cx.style.credits;
    let words: &Words = &cx.style.words;
    let (pairs, stray_marks) = marks::pair(doc);
    let mut block_quotes = block_quote::block_quotes(doc, credits, words);
    let enclosing = EnclosingBlockQuotes::new(doc, &block_quotes);
    // Whether a paragraph describes a picture, asked once per paragraph, not per quotation,
    // and only of a quotation long enough to be speech: it runs the credit patterns.
    let mut pictures: HashMap<usize, bool> = HashMap::new();
    let mut describes_a_picture = |block: usize| {
        *pictures
            .entry(block)
            .or_insert_with(|| speech::describes_a_picture(&doc.blocks[block], credits, words))
    };
    // Room for the block quotes too, moved in at the end: a long file's tens of thousands of
    // quotations are never copied into a second, larger list.
    let mut in_marks: Vec<Quotation> = Vec::with_capacity(pairs.len() + block_quotes.len());
    in_marks.extend(pairs.iter().map(|pair| {
        quotation_in_marks(
            doc,
            &mut describes_a_picture,
            pair,
            &enclosing,
            &block_quotes,
        )
    }));
    drop(pairs);
    // Sorted in place on keys no two quotations share, so the order is the stable one with
    // no scratch copy (a long file has tens of thousands of quotations).
    in_marks.sort_unstable_by_key(|q| (q.block, q.range.start));
    attribute_by_context(
        doc,
        (credits, words),
        &enclosing,
        &block_quotes,
        &mut in_marks,
    );
    drop(enclosing);
    continue_block_quotes(&mut block_quotes, &mut in_marks);
    in_marks.append(&mut block_quotes);
    let mut quotations = in_marks;
    // A block quote comes before a quotation in marks with the same span.
    quotations.sort_unstable_by_key(|q| {
        let in_marks = matches!(q.kind, QuoteKind::Marks(_));
        (q.span.start, q.span.end, in_marks, q.block, q.range.start)
    });
    QuoteClaims {
        quotations,
        stray_marks,
    }
}

fn quotation_in_marks(
    doc: &Document,
    describes_a_picture: &mut impl FnMut(usize) -> bool,
    pair: &marks::PairedQuote,
    enclosing: &EnclosingBlockQuotes,
    block_quotes: &[Quotation],
) -> Quotation {
    let opening = &doc.blocks[pair.open_block];
    let closing = &doc.blocks[pair.close_block];
    let range_end = if pair.close_block == pair.open_block {
        pair.close_end
    } else {
        opening.text().len()
    };
    let inner = inner_text(doc, pair);
    let enclosing = enclosing
        .of(pair.open_block)
        .map(|index| &block_quotes[index]);
    let is_speech = speech::is_speech_length(&inner)
        && !speech::introduced_as_title(&opening.text()[..pair.open_at])
        && !describes_a_picture(pair.open_block)
        && !speech::is_subheading(opening)
        && !speech::follows_an_embed(doc, pair.open_block)
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
        broken_by: pair.broken_by,
        in_block_quote: enclosing.is_some(),
        is_speech,
        attribution: enclosing.map(|_| Attribution::BlockQuote),
        excerpt: excerpt(&inner),
    }
}

/// The words between the marks, paragraphs joined by a space (borrowed when the quotation
/// closes in its own paragraph, as almost every one does).
fn inner_text<'a>(doc: &'a Document, pair: &marks::PairedQuote) -> Cow<'a, str> {
    let start = pair.open_at + pair.open_len;
    let end = pair.close_end - pair.close_len;
    if pair.open_block == pair.close_block {
        return Cow::Borrowed(
            doc.blocks[pair.open_block]
                .text()
                .get(start..end)
                .unwrap_or(""),
        );
    }
    let mut inner = doc.blocks[pair.open_block]
        .text()
        .get(start..)
        .unwrap_or("")
        .to_string();
    for block in &doc.blocks[pair.open_block + 1..pair.close_block] {
        inner.push(' ');
        inner.push_str(block.text());
    }
    inner.push(' ');
    inner.push_str(doc.blocks[pair.close_block].text().get(..end).unwrap_or(""));
    Cow::Owned(inner)
}

/// Attribute quotations outside block quotes from their sentences and neighbours.
fn attribute_by_context(
    doc: &Document,
    style: (&CreditPatterns, &Words),
    enclosing: &EnclosingBlockQuotes,
    block_quotes: &[Quotation],
    quotations: &mut [Quotation],
) {
    let mut has_marks = vec![false; doc.blocks.len()];
    for quotation in quotations.iter() {
        has_marks[quotation.block] = true;
    }
    for quotation in quotations.iter_mut() {
        if quotation.in_block_quote {
            continue;
        }
        let translated = quotation
            .block
            .checked_sub(1)
            .filter(|&previous| has_marks[previous])
            .and_then(|previous| enclosing.of(previous))
            .map(|index| &block_quotes[index]);
        if let Some(original) = translated {
            quotation.attribution = Some(Attribution::Translation);
            quotation.speaker = original.speaker.clone();
        } else if let Some((attribution, speaker)) = direct_attribution(doc, style, quotation) {
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

/// How a quotation outside a block quote is attributed by its own paragraph: a speaker label
/// opening it, a speech verb with its speaker in the quotation's sentence (or the sentence
/// right after), a colon introduction, a name signed after it, or a sentence naming its
/// speaker around a partial quotation.
fn direct_attribution(
    doc: &Document,
    (credits, words): (&CreditPatterns, &Words),
    quotation: &Quotation,
) -> Option<(Attribution, Option<Speaker>)> {
    let opening = &doc.blocks[quotation.block];
    if let Some(speaker) = block_quote::label(opening) {
        return Some((Attribution::Signature, Some(speaker)));
    }
    let open_at = quotation.range.start;
    let before = opening.sentence_at(open_at).start.min(open_at)..open_at;
    if let Some(range) = find_speaker(opening.text(), before.clone(), Side::Before, words) {
        return Some((Attribution::SpeechVerb, Some(speaker_at(opening, range))));
    }
    let before_text = opening.text()[before.clone()]
        .trim_end_matches(|c: char| c.is_whitespace() || marks::is_quotation_mark(c));
    if before_text.ends_with(':')
        && speech::colon_names_a_source(opening.text(), before.clone(), words)
    {
        return Some((Attribution::Introduction, None));
    }
    if opens_its_block(opening, quotation) {
        // A speech verb in the paragraph before may be about something else ("They also
        // stressed the importance"): only a colon introduces a quotation in marks.
        if let Some(introduction) =
            block_quote::colon_introduction(doc, (credits, words), quotation.block)
        {
            return Some((Attribution::Introduction, introduction.speaker));
        }
    }
    let closing = &doc.blocks[quotation.last_block];
    let close_end = quotation.last_end;
    let rest = &closing.text()[close_end..];
    let next_word = close_end + (rest.len() - rest.trim_start().len());
    if next_word < closing.text().len() {
        let after = close_end..closing.sentence_at(next_word).end.max(close_end);
        if let Some(range) = find_speaker(closing.text(), after.clone(), Side::After, words) {
            return Some((Attribution::SpeechVerb, Some(speaker_at(closing, range))));
        }
        if let Some(range) = signed_after(closing.text(), after.clone()) {
            return Some((Attribution::Signature, Some(speaker_at(closing, range))));
        }
        // "The council was accused of “...” by the chair of the committee".
        let agent = speaker::agent_after(closing.text(), after)
            .filter(|_| speaker::passive_without_agent(opening.text(), before.clone(), words));
        if let Some(range) = agent {
            return Some((Attribution::SpeechVerb, Some(speaker_at(closing, range))));
        }
    }
    let embedded = !before_text.is_empty() && !before_text.ends_with(['.', '!', '?']);
    if embedded {
        let named = person_named(opening.text(), before.clone())
            .or_else(|| speaker::unnamed_subject(opening.text(), before.clone(), words))
            // A passive names the one spoken about ("Boris Johnson was accused of “...”"):
            // the quotation is not theirs.
            .filter(|_| !speaker::passive_without_agent(opening.text(), before, words));
        if let Some(range) = named {
            return Some((Attribution::Embedded, Some(speaker_at(opening, range))));
        }
    }
    if before_text.is_empty() {
        if opens_its_block(opening, quotation) && closes_its_block(closing, quotation) {
            if let Some(found) = signature_paragraph(doc, quotation.last_block) {
                return Some(found);
            }
        }
        if let Some(found) = previous_sentence_speaker(opening, open_at, words) {
            return Some(found);
        }
        if opens_its_block(opening, quotation) {
            if let Some(found) = previous_paragraph_speaker(doc, quotation.block, words) {
                return Some(found);
            }
        }
        if quotation.last_block == quotation.block
            && opens_its_block(opening, quotation)
            && is_lead(doc, quotation.block)
        {
            return next_paragraph_speaker(doc, quotation.block, words);
        }
    }
    None
}

/// A quotation that opens a sentence after one naming its speaker, in the same paragraph:
/// "Christine Lagarde has warned about this before. “Rates cannot stay this low.”" A
/// sentence with a speech verb and its speaker attributes it; one that merely opens with a
/// person ("Sergei Lavrov dismissed the report.") probably does (info).
fn previous_sentence_speaker(
    block: &Block,
    open_at: usize,
    words: &Words,
) -> Option<(Attribution, Option<Speaker>)> {
    let sentence_start = block.sentence_at(open_at).start.min(open_at);
    let previous_end = block.text()[..sentence_start].trim_end().len();
    if previous_end == 0 {
        return None;
    }
    let previous = block.sentence_at(previous_end - 1);
    let previous = previous.start..previous.end.min(sentence_start);
    // A sentence with a quotation of its own hands its speaker on as a continuation.
    if block.text()[previous.clone()].contains(marks::is_quotation_mark) {
        return None;
    }
    sentence_speaker(block, previous, words)
}

/// The speaker a sentence introduces: a speech verb with its speaker (sure), or a person as
/// its first words (probably: `Implied`).
fn sentence_speaker(
    block: &Block,
    sentence: Range<usize>,
    words: &Words,
) -> Option<(Attribution, Option<Speaker>)> {
    if let Some(range) = find_speaker(block.text(), sentence.clone(), Side::Before, words) {
        // "and everybody agrees" speaks for no one: the next sentence's quotation is not theirs.
        if !speaker::is_indefinite(&block.text()[range.clone()]) {
            return Some((Attribution::Introduction, Some(speaker_at(block, range))));
        }
    }
    let range = person_named(block.text(), sentence.clone())
        .filter(|range| !speaker::is_indefinite(&block.text()[range.clone()]))?;
    let opens = block.text()[sentence.start..range.start]
        .trim_matches(|c: char| c.is_whitespace() || marks::is_quotation_mark(c))
        .is_empty();
    opens.then(|| (Attribution::Implied, Some(speaker_at(block, range))))
}

/// A paragraph that opens with a quotation after a paragraph whose last sentence reports
/// someone's words, the way news copy runs a paraphrase into the quotation ("Duffill says he
/// has never had issues with flooding." ¶ "“I have seen a lot of rain ...”"). Only a
/// reporting verb ("said", "told", not "went on" or "stressed the importance") with a
/// definite speaker (not "analysts" or "several delegations") in that last sentence right
/// before the quotation's paragraph counts, and only when the sentence
/// quotes nothing itself (a quotation there hands its speaker on as a continuation).
fn previous_paragraph_speaker(
    doc: &Document,
    index: usize,
    words: &Words,
) -> Option<(Attribution, Option<Speaker>)> {
    let previous = doc.blocks.get(index.checked_sub(1)?)?;
    let block = &doc.blocks[index];
    if previous.is_heading() || previous.kind != block.kind || !adjoin(doc, previous, block) {
        return None;
    }
    let text = previous.text();
    let last = previous
        .sentences
        .len()
        .checked_sub(1)
        .and_then(|last| previous.sentences.get(last))
        .unwrap_or(0..text.len());
    let last = last.start..last.end.min(text.len());
    if marks::holds_a_quotation_mark(&text[last.clone()]) {
        return None;
    }
    let range = speaker::find_reporting_speaker(text, last, words)
        .filter(|range| !speaker::is_indefinite(&text[range.clone()]))
        .filter(|range| !speaker::is_a_group(&text[range.clone()]))?;
    Some((Attribution::Introduction, Some(speaker_at(previous, range))))
}

/// A lede quotation's speaker named at the start of the next paragraph ("“We have nothing
/// left.” ¶ Maria Lopez, a farmer in the valley, said ...").
fn next_paragraph_speaker(
    doc: &Document,
    index: usize,
    words: &Words,
) -> Option<(Attribution, Option<Speaker>)> {
    let next = doc.blocks.get(index + 1)?;
    if next.is_heading() || next.quote_depth > 0 {
        return None;
    }
    let first_sentence = next.sentences.first().unwrap_or(0..next.text().len());
    if let Some(range) = speaker::pointed_back_speaker(next.text(), first_sentence.clone()) {
        return Some((Attribution::Lead, Some(speaker_at(next, range))));
    }
    match sentence_speaker(next, first_sentence, words)? {
        (Attribution::Implied, speaker) => Some((Attribution::ImpliedNext, speaker)),
        (_, speaker) => Some((Attribution::Lead, speaker)),
    }
}

/// The paragraph right after a quotation that is a paragraph of its own, when it signs the
/// quotation, as collections of quotations, pull quotes and epigraphs set them: a dash and
/// the speaker ("— Victor Pratt, 48, who survived a rattlesnake bite") signs it; a short
/// line that is only a name and what they are ("Ronald Sanders, Antigua and Barbuda’s
/// ambassador to the U.S.") probably does (info).
fn signature_paragraph(doc: &Document, index: usize) -> Option<(Attribution, Option<Speaker>)> {
    let block = &doc.blocks[index];
    let next = doc.blocks.get(index + 1)?;
    if next.is_heading() || !adjoin(doc, block, next) {
        return None;
    }
    let text = next.text();
    let start = text.len() - text.trim_start().len();
    let first_sentence = start..next.sentence_at(start).end.max(start);
    let after_dash = ["—", "–", "―", "--"]
        .iter()
        .find_map(|dash| text[start..].strip_prefix(dash));
    if let Some(signed) = after_dash {
        let name_from = text.len() - signed.trim_start().len();
        let name = person_named(text, name_from..first_sentence.end)?;
        return Some((Attribution::Signature, Some(speaker_at(next, name))));
    }
    let name = person_named(text, first_sentence.clone())?;
    let described = name.start == start
        && text[name.end..].starts_with(',')
        && next.sentences.len() <= 1
        && speech::word_count_up_to(text, 13) <= 12;
    described.then(|| (Attribution::ImpliedNext, Some(speaker_at(next, name))))
}

/// Whether `second` follows `first` right after it in the source, at the same block-quote
/// depth: only blank lines between (a picture, a table or code in between breaks the run).
fn adjoin(doc: &Document, first: &Block, second: &Block) -> bool {
    let between = doc
        .source
        .get(first.span().end..second.span().start)
        .unwrap_or("x");
    first.quote_depth == second.quote_depth && between.trim().is_empty()
}

/// Whether the quotation ends its (last) paragraph: only punctuation may follow it.
fn closes_its_block(block: &Block, quotation: &Quotation) -> bool {
    block.text()[quotation.last_end..]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '!' | '?'))
}

/// The article's first paragraph: only headings, bylines and datelines (lines without a
/// sentence end) come before it.
fn is_lead(doc: &Document, index: usize) -> bool {
    doc.blocks[..index].iter().all(|block| {
        let text = block.text().trim();
        block.is_heading()
            || text.starts_with("By ")
            || !text.contains(['.', '!', '?']) && speech::word_count_up_to(text, 13) <= 12
    })
}

/// A name right after a quotation, set off by a colon or a dash ("“...”: Barbados Free
/// Press expresses concern", "“...” — Richard Hugo") or standing alone ("“...” Richard Hugo").
fn signed_after(text: &str, after: Range<usize>) -> Option<Range<usize>> {
    let rest = &text[after.clone()];
    let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || "—–-:,".contains(c));
    let set_off = rest.trim_start().starts_with(['—', '–', '-', ':']);
    let start = after.start + (rest.len() - trimmed.len());
    let name = person_named(text, start..after.end)?;
    let at_start = name.start == start;
    let alone = text[name.end..after.end]
        .trim_matches(|c: char| !is_letter_or_digit(c))
        .is_empty();
    (at_start && (set_off || alone)).then_some(name)
}

/// A block quote with no attribution of its own that follows a paragraph ending in an
/// attributed quotation continues it (the English, then the original in a block quote).
fn continue_block_quotes(block_quotes: &mut [Quotation], in_marks: &mut [Quotation]) {
    // The last quotation ending in each block (`in_marks` is in reading order).
    let mut last_ending_in: HashMap<usize, usize> = HashMap::new();
    for (index, quotation) in in_marks.iter().enumerate() {
        if !quotation.in_block_quote {
            last_ending_in.insert(quotation.last_block, index);
        }
    }
    for block_quote in block_quotes.iter_mut() {
        if !matches!(block_quote.attribution, None | Some(Attribution::Implied)) {
            continue;
        }
        let ending = block_quote
            .block
            .checked_sub(1)
            .and_then(|previous| last_ending_in.get(&previous))
            .map(|&index| &in_marks[index])
            .filter(|q| q.attribution.is_some());
        let Some(ending) = ending else {
            continue;
        };
        block_quote.attribution = Some(Attribution::Continuation);
        block_quote.speaker = ending.speaker.clone();
        let first = in_marks.partition_point(|q| q.block < block_quote.block);
        let end = in_marks.partition_point(|q| q.block <= block_quote.last_block);
        for inner in &mut in_marks[first..end] {
            inner.speaker = block_quote.speaker.clone();
        }
    }
}

fn opens_its_block(block: &Block, quotation: &Quotation) -> bool {
    block.text()[..quotation.range.start].trim().is_empty()
}

/// A top-level single-quoted quotation counts as speech only when punctuation sits at its
/// closing mark ('We will,' he said): elsewhere a lone single mark is likely an apostrophe.
fn closes_at_punctuation(closing: &Block, pair: &marks::PairedQuote) -> bool {
    let mark_start = pair.close_end - pair.close_len;
    let before = closing.text()[..mark_start].chars().next_back();
    let after = closing.text()[pair.close_end..].chars().next();
    pair.closed
        && (before.is_some_and(|c| matches!(c, ',' | '.' | '!' | '?'))
            || after.is_some_and(|c| matches!(c, ',' | '.')))
}

/// The first few words, with an ellipsis when cut.
fn excerpt(text: &str) -> String {
    const WORDS: usize = 6;
    // Only the words shown, and whether one more follows, are read: not a whole block quote.
    let mut words = text.split_whitespace();
    let mut excerpt = String::new();
    for word in words.by_ref().take(WORDS) {
        if !excerpt.is_empty() {
            excerpt.push(' ');
        }
        excerpt.push_str(word);
    }
    if words.next().is_some() {
        excerpt.push('…');
    }
    excerpt
}

fn speaker_at(block: &Block, range: Range<usize>) -> Speaker {
    let name = block.text()[range.clone()]
        .trim_end_matches([',', ':', '：'])
        .to_string();
    Speaker {
        name,
        span: block.span_of(range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    fn quotations(source: &str) -> Vec<Quotation> {
        let doc = Document::parse(source);
        extract(&doc, &ExtractContext::of(&Settings::embedded())).quotations
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
    fn excerpts_are_the_first_six_words() {
        assert_eq!(excerpt(""), "");
        assert_eq!(excerpt("  one\u{a0}two \n"), "one two");
        assert_eq!(excerpt("1 2 3 4 5 6"), "1 2 3 4 5 6");
        assert_eq!(excerpt(" 1 2 3\t4 5 6 7"), "1 2 3 4 5 6…");
        assert_eq!(excerpt("“Ça va” 2 3 4 5 6  "), "“Ça va” 2 3 4 5…");
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
            "The meeting ended late.\n\n> The plan is a failure and everyone knows it.\n",
            "The plan",
        );
    }

    #[track_caller]
    fn assert_attributed(source: &str, start: &str) {
        let quotes = quotations(source);
        let quote = quote(&quotes, start);
        assert!(
            !matches!(
                quote.attribution,
                None | Some(Attribution::Implied | Attribution::ImpliedNext)
            ),
            "{quote:#?}"
        );
    }

    #[track_caller]
    fn assert_implied(source: &str, start: &str) {
        let quotes = quotations(source);
        let quote = quote(&quotes, start);
        assert!(
            matches!(
                quote.attribution,
                Some(Attribution::Implied | Attribution::ImpliedNext)
            ),
            "{quote:#?}"
        );
    }

    #[test]
    fn inverted_attribution_with_a_description_before_the_name() {
        assert_speaker(
            "“We have never seen demand like this,” said chief executive Tim Cook.",
            "We have never",
            "chief executive Tim Cook",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“This is absurd and we reject it,” said former deputy prime minister Ana Silva.",
            "This is absurd",
            "former deputy prime minister Ana Silva",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“This is absurd and we reject it,” said the Kremlin's spokesman, Dmitry Peskov.",
            "This is absurd",
            "the Kremlin's spokesman",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“The suspect fled on foot towards the river,” said police.",
            "The suspect",
            "police",
            Attribution::SpeechVerb,
        );
    }

    #[test]
    fn subject_set_off_from_its_verb_by_a_clause() {
        assert_speaker(
            "The judge, who heard the case for seven days, said that “the evidence was overwhelming and could not be ignored.”",
            "the evidence",
            "The judge",
            Attribution::SpeechVerb,
        );
        assert_speaker(
            "“Prices will rise by ten percent this year,” Silva, who took office in March, told reporters.",
            "Prices will",
            "Silva",
            Attribution::SpeechVerb,
        );
    }

    #[test]
    fn social_media_statements_and_blogs() {
        for source in [
            "The minister responded. “We will not back down from this fight, not now,” he wrote on Twitter.",
            "Protests grew.\n\n“We will not back down from this fight, not now,” the opposition leader tweeted on Sunday.",
            "He was asked about it.\n\n“Prices will rise and nobody can stop it at all,” he posted on Facebook.",
            "The firm denied it. “We have always complied with every regulation in force,” according to a statement.",
            "The debate went on.\n\n“Nobody in this city can afford rent any more, it is a scandal.” - writes @harbourwatch",
            "In a statement, the company said: “We are deeply saddened by this loss and our thoughts are with them.”",
            "“The decision is final and cannot be appealed,” the ministry said in a statement posted online.",
        ] {
            assert_attributed(source, "");
        }
    }

    #[test]
    fn speaker_named_in_the_sentence_before() {
        assert_speaker(
            "Christine Lagarde has warned about this before. “Rates cannot stay this low forever, and everyone knows it.”",
            "Rates cannot",
            "Christine Lagarde",
            Attribution::Introduction,
        );
        assert_speaker(
            "A spokeswoman for the ministry said the talks had stalled. “There is no progress at all, none whatsoever.”",
            "There is no",
            "A spokeswoman for the ministry",
            Attribution::Introduction,
        );
        // Opening with a person but saying nothing: probably theirs.
        assert_implied(
            "Foreign Minister Sergei Lavrov was in Geneva on Monday. “These are lies spread by Western media, nothing more.”",
            "These are lies",
        );
        // Nor does one whose only speaker is everybody or nobody in particular.
        assert_unattributed(
            "The main reason is - and everybody agrees - that things must change. “The prospect is raw, more than ever with so many cuts.”",
            "The prospect",
        );
        assert_unattributed(
            "Nobody said the talks would be easy. “We are not going to accept this deal under any circumstances.”",
            "We are not",
        );
        // A sentence that names nobody does not attribute.
        assert_unattributed(
            "The city was quiet on Monday. “We are not going to accept this deal under any circumstances.”",
            "We are not",
        );
        assert_unattributed(
            "In Paris, the streets were quiet. “We are not going to accept this deal under any circumstances.”",
            "We are not",
        );
    }

    #[test]
    fn speaker_reported_in_the_paragraph_before() {
        // Wire and local copy: a paraphrase, then a paragraph that is only the quotation.
        assert_speaker(
            "Smith, who lives in Ohio, said she had waited for years.\n\n\"I've been waiting for this moment for a long time. I never thought I'd see the day.\"\n",
            "I've been",
            "Smith",
            Attribution::Introduction,
        );
        assert_speaker(
            "Duffill lives on Jarvis Road. He's been in the same house for 30 years and says he has never had issues with flooding.\n\n\"I have seen a lot of rain and we have never had it like this before.\"\n",
            "I have seen",
            "He's",
            Attribution::Introduction,
        );
        // Only the last sentence, and only a definite speaker who is said to speak.
        for before in [
            "Smith said the river rose overnight. The water reached the first floor by dawn.",
            "Mayor Ana Silva runs the council and chairs its harbour committee.",
            "Everybody says the harbour must be rebuilt.",
            // "went on" reports speech only after a quotation, "stressed" often something else.
            "The meeting went on late into the night, and the vote was postponed.",
            "Prime Minister Kwame Mensah stressed the importance of defence spending.",
            // A group's paraphrase says nothing of whose the quotation is.
            "Analysts noted that the decision had been expected since the spring.",
            "The flank was high on the agenda, diplomats said.",
            "Several delegations said they needed more time to consult their capitals.",
        ] {
            assert_unattributed(
                &format!(
                    "{before}\n\n“We are not going to accept this plan under any circumstances.”\n"
                ),
                "We are not",
            );
        }
        // A picture or code between breaks the run.
        assert_unattributed(
            "The ministers met on Tuesday, Defence Minister Maria Herrera said.\n\n![The ministers](https://example.com/a.jpg)\n\n“The situation on the ground remains extremely difficult.”\n",
            "The situation",
        );
        // A block quote or a heading before is no paraphrase.
        assert_unattributed(
            "> Smith said she had waited for years.\n\n“We are not going to accept this plan under any circumstances.”\n",
            "We are not",
        );
    }

    #[test]
    fn partial_quotation_after_an_unnamed_body_or_official() {
        // British court, inquest and watchdog copy: the body gives its finding in part.
        for (source, speaker) in [
            ("The inquiry found there had been “a catalogue of missed opportunities to save her life”.", "The inquiry"),
            ("The watchdog ruled the advert was “misleading and likely to cause harm to children”.", "The watchdog"),
            ("An inquest heard the teenager had been “let down by every agency that should have protected her”.", "An inquest"),
            ("The senior coroner recorded a conclusion of misadventure and said the death was “entirely avoidable in my view”.", "The senior coroner"),
            ("The minister went to the site on Monday and said the repairs were “far behind where they should be by now”.", "The minister"),
        ] {
            assert_speaker(source, "", speaker, Attribution::Embedded);
        }
        // A passive names the one spoken about, not the speaker; a sentence that opens with
        // no determiner, or whose verb reports nothing, names nobody.
        for source in [
            "The government has been accused of “abandoning the north of England to its fate”.",
            "This case was hailed as one of “the most remarkable reversals in the history of the town.”",
            "The river rose overnight and flooded what residents had long feared, “the worst in a century at least”.",
        ] {
            assert_unattributed(source, "");
        }
    }

    #[test]
    fn days_and_months_name_nobody() {
        assert_unattributed(
            "The protests grew on Sunday.\n\n> We will not back down from this fight, not now and not ever.\n",
            "We will not",
        );
        assert_unattributed(
            "The protests grew in March. “We are not going to accept this deal under any circumstances.”",
            "We are not",
        );
    }

    #[test]
    fn quotation_paragraph_signed_on_the_line_under_it() {
        let intro = "Workers walked out on Monday over pay.\n\n";
        let quotation = "“We will not back down from this fight.”\n\n";
        for (line, speaker) in [
            (
                "—Victor Pratt, 48, who survived a rattlesnake bite",
                "Victor Pratt",
            ),
            ("– Maria Lopez, the union's president.", "Maria Lopez"),
            ("― Maria Lopez", "Maria Lopez"),
            (
                "-- Army Col. Steve Warren, U.S. military spokesman",
                "Steve Warren",
            ),
        ] {
            let source = format!("{intro}{quotation}{line}\n");
            let quotes = quotations(&source);
            let quote = quote(&quotes, "We will");
            assert_eq!(quote.attribution, Some(Attribution::Signature), "{line}");
            let speaker_text = quote
                .speaker
                .as_ref()
                .map(|s| &source[s.span.start..s.span.end]);
            assert!(
                speaker_text.is_some_and(|s| s.contains(speaker)),
                "{line}: {speaker_text:?}"
            );
        }
        // A name and what they are, alone on the line: probably the speaker.
        assert_implied(
            &format!(
                "{intro}{quotation}Ronald Sanders, Antigua and Barbuda’s ambassador to the U.S.\n"
            ),
            "We will",
        );
        // A dash before no one, a long sentence about something else, a quotation that is
        // not its paragraph's whole, and a picture in between sign nothing.
        for after in [
            format!("{quotation}— and then the crowd dispersed.\n"),
            format!("{quotation}Maria Lopez, the union's president, met the minister on Tuesday to discuss the closure of the port and the pay offer.\n"),
            "The crowd chanted “We will not back down from this fight.”\n\n— Maria Lopez\n".to_string(),
            format!("{quotation}![The picket line](picket.jpg)\n\n— Maria Lopez\n"),
        ] {
            let source = format!("{intro}{after}");
            let quotes = quotations(&source);
            let quote = quote(&quotes, "We will");
            assert!(
                !matches!(quote.attribution, Some(Attribution::Signature | Attribution::ImpliedNext)),
                "{after}: {quote:#?}"
            );
        }
    }

    #[test]
    fn lede_quotation_with_its_speaker_in_the_next_paragraph() {
        let lede = "“We have nothing left, not even water to drink.”\n\n";
        assert_speaker(
            &format!("{lede}Maria Lopez, a farmer in the valley, said the drought had destroyed her crops.\n"),
            "We have nothing",
            "Maria Lopez",
            Attribution::Lead,
        );
        assert_speaker(
            &format!("# Drought\n\nBy Jane Roe\n\n{lede}Maria Lopez said the drought had destroyed her crops.\n"),
            "We have nothing",
            "Maria Lopez",
            Attribution::Lead,
        );
        assert_implied(
            &format!("{lede}Maria Lopez stood by her dry well on Tuesday.\n"),
            "We have nothing",
        );
        // Feature ledes point back at the quotation before naming its speaker.
        for (next, speaker) in [
            ("That was the verdict of Maria Lopez, a farmer in the valley, on Tuesday.", "Maria Lopez"),
            ("So says Maria Lopez, a farmer in the valley.", "Maria Lopez"),
            ("Those were the words of a farmer in the valley, Maria Lopez, as she stood by her well.", "Maria Lopez"),
            ("That's the view of Maria Lopez, who has farmed here for thirty years.", "Maria Lopez"),
        ] {
            assert_speaker(&format!("{lede}{next}\n"), "We have nothing", speaker, Attribution::Lead);
        }
        // A pointer to something else names no speaker.
        for next in [
            "That was the year Maria Lopez lost her crops.",
            "This is the valley where Maria Lopez grew up.",
            "That was the verdict of the drought on the valley.",
        ] {
            let quotes = quotations(&format!("{lede}{next}\n"));
            let quote = quote(&quotes, "We have nothing");
            assert_ne!(quote.attribution, Some(Attribution::Lead), "{next}");
        }
        // Not a lede: narrative comes first.
        assert_unattributed(
            &format!("The valley is dry.\n\n{lede}Maria Lopez said the drought had destroyed her crops.\n"),
            "We have nothing",
        );
        // A lede, but the next paragraph names nobody.
        assert_unattributed(
            &format!("{lede}The valley has had no rain for a year.\n"),
            "We have nothing",
        );
    }

    #[test]
    fn colon_introductions_across_a_link_or_an_image() {
        for between in [
            "[Watch the full speech](https://example.com/video)",
            "![The minister at the lectern](https://example.com/a.jpg)",
            "https://example.com/video",
        ] {
            let source = format!(
                "The minister told parliament:\n\n{between}\n\n> We will not back down from this fight, not now and not ever.\n"
            );
            assert_speaker(
                &source,
                "We will not",
                "The minister",
                Attribution::Introduction,
            );
        }
    }

    #[test]
    fn a_colon_that_names_nobody_does_not_attribute() {
        assert_unattributed(
            "The reason is simple: “NATO is an Alliance of Europe and North America, and it stays so.”",
            "NATO is",
        );
        assert_unattributed(
            "The meeting ended late. Here is what happened:\n\n> The soldiers entered the village at dawn and nobody was spared.\n",
            "The soldiers",
        );
        // Documents, bodies and people before the colon do.
        for introduction in [
            "The statement read:",
            "The agreement consisted of five main provisions:",
            "The blogger blames the film distributors:",
            "It was, as Jane Roe put it:",
            "Here is an excerpt from the report:",
        ] {
            assert_attributed(
                &format!("{introduction} “NATO is an Alliance of Europe and North America, and it stays so.”"),
                "NATO is",
            );
        }
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
