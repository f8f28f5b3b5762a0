//! Quotation marks: which way each one faces, and how they pair into quotations.
//!
//! Marks pair by direction, not by counting: a mark that follows whitespace, a bracket or a
//! dash and precedes a word opens; one that follows a word and precedes whitespace or
//! punctuation closes. The glyph (“ or ”) only decides when the context does not. Single
//! marks double as apostrophes, so they count only as quotations nested in a double one, or
//! as a top-level pair closed within the paragraph; they are never reported as unbalanced.

use std::ops::Range;

use crate::document::{Block, Document};
use crate::text::is_letter_or_digit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkStyle {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facing {
    Open,
    Close,
    /// Context and glyph both undecided (a straight mark between two words, say).
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    at: usize,
    len: usize,
    style: MarkStyle,
    facing: Facing,
    /// A straight double mark right after a digit: inches or seconds when nothing is open.
    after_digit: bool,
    /// Right after a sentence end and a space ("... left. “Next").
    after_sentence_end: bool,
    /// Right after sentence punctuation or a comma ("we will,’").
    after_punctuation: bool,
}

/// The mark that most likely broke an unclosed quotation's pairing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreakMark {
    pub block: usize,
    pub at: usize,
    pub len: usize,
    pub kind: BreakKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// An opening double mark inside the open quotation; right after a sentence end it is
    /// most likely a lost paragraph break (each paragraph of a long quotation reopens).
    Reopened { after_sentence_end: bool },
    /// A single closing mark after punctuation where the double quotation should close.
    SingleClose,
}

/// A pair of marks (or an opening mark left open), found in the blocks' text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairedQuote {
    pub style: MarkStyle,
    /// Block and text offset of the opening mark.
    pub open_block: usize,
    pub open_at: usize,
    pub open_len: usize,
    /// Block of the closing mark (or the last block of the paragraph run when unclosed) and
    /// the text offset just past it (or the block's end).
    pub close_block: usize,
    pub close_end: usize,
    pub close_len: usize,
    pub closed: bool,
    /// For an unclosed quotation, the mark that probably broke the pairing.
    pub broken_by: Option<BreakMark>,
}

/// A closing double mark that closes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrayMark {
    pub block: usize,
    pub range: Range<usize>,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    style: MarkStyle,
    block: usize,
    at: usize,
    len: usize,
    /// The first mark inside it that broke the pairing.
    broken_by: Option<BreakMark>,
}

/// The open quotation frames, innermost last, with the positions of the double ones kept
/// aside so the innermost open double quotation is found in constant time however many
/// single marks (apostrophes, mostly) are open above it.
#[derive(Default)]
struct Frames {
    frames: Vec<Frame>,
    doubles: Vec<usize>,
}

impl Frames {
    fn push(&mut self, frame: Frame) {
        if frame.style == MarkStyle::Double {
            self.doubles.push(self.frames.len());
        }
        self.frames.push(frame);
    }

    /// The position of the innermost open double quotation.
    fn innermost_double(&self) -> Option<usize> {
        self.doubles.last().copied()
    }

    /// Close the frame at `at` and everything opened inside it, returning it.
    fn close_at(&mut self, at: usize) -> Frame {
        let frame = self.frames[at];
        self.frames.truncate(at);
        while self.doubles.last().is_some_and(|&d| d >= at) {
            self.doubles.pop();
        }
        frame
    }

    /// Close the innermost frame (a single one: doubles close through `close_at`).
    fn pop_innermost(&mut self) -> Frame {
        self.close_at(self.frames.len() - 1)
    }

    fn clear(&mut self) {
        self.frames.clear();
        self.doubles.clear();
    }

    /// Note on the outermost frame the first mark that broke its pairing.
    fn broken_by(&mut self, mark: BreakMark) {
        if let Some(outer) = self.frames.first_mut() {
            outer.broken_by.get_or_insert(mark);
        }
    }

    fn first(&self) -> Option<&Frame> {
        self.frames.first()
    }

    fn last(&self) -> Option<&Frame> {
        self.frames.last()
    }

    fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }
}

/// Pair the quotation marks of every non-heading block. Link text is skipped.
pub fn pair(doc: &Document) -> (Vec<PairedQuote>, Vec<StrayMark>) {
    let mut quotes = Vec::new();
    let mut strays = Vec::new();
    // The outermost double quotation carried over from the previous paragraph.
    let mut carried: Option<Frame> = None;
    for (index, block) in doc.blocks.iter().enumerate() {
        if block.is_heading() {
            continue;
        }
        let mut marks = marks_in(block);
        let mut stack = Frames::default();
        if let Some(frame) = carried.take() {
            // The run continues only because this block opens with a mark (checked below).
            marks.next();
            stack.push(frame);
        }
        for mark in marks {
            step(index, &mark, &mut stack, &mut quotes, &mut strays);
        }
        let Some(outer) = stack.first().copied() else {
            continue;
        };
        if outer.style == MarkStyle::Single {
            // Never reported when left open: an apostrophe, most likely, unless the
            // paragraph hands it on the way British print runs a quotation on.
            let opening = &doc.blocks[outer.block];
            if continues_single_quotation(opening, &outer, block, doc.blocks.get(index + 1)) {
                carried = Some(outer);
            }
            continue;
        }
        if continues_quotation(block, doc.blocks.get(index + 1)) {
            carried = Some(outer);
        } else {
            quotes.push(PairedQuote {
                style: MarkStyle::Double,
                open_block: outer.block,
                open_at: outer.at,
                open_len: outer.len,
                close_block: index,
                close_end: block.text().len(),
                close_len: 0,
                closed: false,
                broken_by: outer.broken_by,
            });
        }
    }
    (quotes, strays)
}

/// One mark against the open frames.
fn step(
    block: usize,
    mark: &Mark,
    stack: &mut Frames,
    quotes: &mut Vec<PairedQuote>,
    strays: &mut Vec<StrayMark>,
) {
    let open_double = stack.innermost_double();
    let opens = match (mark.style, mark.facing) {
        (_, Facing::Open) => true,
        (_, Facing::Close) => false,
        (MarkStyle::Double, Facing::Either) => open_double.is_none(),
        (MarkStyle::Single, Facing::Either) => return,
    };
    let frame = Frame {
        style: mark.style,
        block,
        at: mark.at,
        len: mark.len,
        broken_by: None,
    };
    let break_mark = |kind| BreakMark {
        block,
        at: mark.at,
        len: mark.len,
        kind,
    };
    if opens {
        if mark.style == MarkStyle::Double && open_double.is_none() {
            // A single mark left open before the first double one was an apostrophe.
            stack.clear();
        }
        if mark.style == MarkStyle::Double && open_double.is_some() {
            stack.broken_by(break_mark(BreakKind::Reopened {
                after_sentence_end: mark.after_sentence_end,
            }));
        }
        stack.push(frame);
        return;
    }
    match mark.style {
        MarkStyle::Double => match open_double {
            Some(at) => {
                let opened = stack.close_at(at);
                if at == 0 {
                    quotes.push(closed_pair(opened, block, mark));
                }
            }
            None if mark.after_digit => {}
            None => strays.push(StrayMark {
                block,
                range: mark.at..mark.at + mark.len,
            }),
        },
        MarkStyle::Single => {
            // Only the innermost frame may be closed by a single mark: anything else is an
            // apostrophe ("the workers’ union").
            if stack.last().is_some_and(|f| f.style == MarkStyle::Single) {
                let opened = stack.pop_innermost();
                if stack.is_empty() {
                    quotes.push(closed_pair(opened, block, mark));
                }
            } else if mark.after_punctuation
                && stack.last().is_some_and(|f| f.style == MarkStyle::Double)
            {
                // “We will win,’ he said: a single mark where the double one should close.
                stack.broken_by(break_mark(BreakKind::SingleClose));
            }
        }
    }
}

fn closed_pair(opened: Frame, block: usize, mark: &Mark) -> PairedQuote {
    PairedQuote {
        style: opened.style,
        open_block: opened.block,
        open_at: opened.at,
        open_len: opened.len,
        close_block: block,
        close_end: mark.at + mark.len,
        close_len: mark.len,
        closed: true,
        broken_by: None,
    }
}

/// Whether a quotation open at the end of `block` goes on in `next`: the next paragraph, at
/// the same block-quote depth, opens with an opening double mark.
fn continues_quotation(block: &Block, next: Option<&Block>) -> bool {
    let Some(next) = next else {
        return false;
    };
    if next.is_heading() || next.quote_depth != block.quote_depth {
        return false;
    }
    marks_in(next).next().is_some_and(|mark| {
        mark.style == MarkStyle::Double
            && mark.facing != Facing::Close
            && next.text()[..mark.at].trim().is_empty()
    })
}

/// Whether a single-quoted quotation open at the end of `block` goes on in `next`, as
/// British papers run one over paragraphs (`He said: ‘We were flooded.` ¶ `‘It is not just
/// the insurance.’`): it opens a sentence with a capital, its paragraph ends a sentence, and
/// the next paragraph, at the same block-quote depth, opens with an opening single mark and a
/// capital. A stray apostrophe (`'til`, `'em`) opens no sentence and is not carried.
/// `opening` is the block where the quotation opened, `block` the one it is open at the end of.
fn continues_single_quotation(
    opening: &Block,
    open: &Frame,
    block: &Block,
    next: Option<&Block>,
) -> bool {
    let Some(next) = next else {
        return false;
    };
    if next.is_heading() || next.quote_depth != block.quote_depth {
        return false;
    }
    let opens_a_sentence = opening.text()[..open.at]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, ':' | ',' | '.' | '!' | '?' | '—' | '–'));
    let capital_after = |text: &str, at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let ends_a_sentence = block
        .text()
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ',', '-', '—', '–']);
    opens_a_sentence
        && capital_after(opening.text(), open.at + open.len)
        && ends_a_sentence
        && marks_in(next).next().is_some_and(|mark| {
            mark.style == MarkStyle::Single
                && mark.facing == Facing::Open
                && next.text()[..mark.at].trim().is_empty()
                && capital_after(next.text(), mark.at + mark.len)
        })
}

/// Every quotation mark of a block outside link text, with the way it faces, in order (read
/// as they are asked for: a paragraph's first mark is found without reading the rest).
fn marks_in<'b>(block: &'b Block) -> impl Iterator<Item = Mark> + 'b {
    let text = block.text();
    let mut links = block.links().iter().peekable();
    mark_bytes(text.as_bytes()).filter_map(move |at| {
        let c = text[at..].chars().next()?;
        let (style, glyph) = mark_kind(c)?;
        let before = text[..at].chars().next_back();
        let next = text[at + c.len_utf8()..].chars().next();
        while links.peek().is_some_and(|link| link.end <= at) {
            links.next();
        }
        if links.peek().is_some_and(|link| link.start <= at) {
            return None;
        }
        if style == MarkStyle::Single && is_apostrophe(before, next) {
            return None;
        }
        if style == MarkStyle::Double && is_inches_mark(&text[..at]) {
            return None;
        }
        let opens = before.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace());
        let closes = next.is_none_or(closes_before) && before.is_some_and(|b| !b.is_whitespace());
        let context = match (opens, closes) {
            (true, false) => Facing::Open,
            (false, true) => Facing::Close,
            _ => glyph,
        };
        // The context overrules a curly glyph only when it is clear: a word right after an
        // opening mark, right before a closing one. French spacing (« mot ») keeps its glyphs.
        let clear = match context {
            Facing::Open => next.is_some_and(is_letter_or_digit),
            Facing::Close => before.is_some_and(|b| is_letter_or_digit(b) || ".,!?".contains(b)),
            Facing::Either => false,
        };
        let facing = if glyph == Facing::Either || clear {
            context
        } else {
            glyph
        };
        Some(Mark {
            at,
            len: c.len_utf8(),
            style,
            facing,
            after_digit: matches!(c, '"' | '”') && before.is_some_and(is_digit_or_fraction),
            after_sentence_end: before.is_some_and(char::is_whitespace)
                && text[..at].trim_end().ends_with(['.', '!', '?']),
            after_punctuation: before.is_some_and(|b| ",.!?".contains(b)),
        })
    })
}

/// Where a quotation mark may be in `bytes`: every mark is '"' or '\'', or starts with one
/// of two lead bytes (« and » with 0xC2, the curly ones with 0xE2), so only those places are
/// decoded. Both kinds are found with `memchr` (0xC2, also the lead byte of a no-break space,
/// on its own) and merged in order.
fn mark_bytes(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut common = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
    let mut guillemets = memchr::memchr_iter(0xC2, bytes).peekable();
    std::iter::from_fn(move || match (common.peek(), guillemets.peek()) {
        (Some(&a), Some(&b)) if b < a => guillemets.next(),
        (Some(_), _) => common.next(),
        (None, _) => guillemets.next(),
    })
}

/// Any quotation mark, straight or curly, double or single.
pub fn is_quotation_mark(c: char) -> bool {
    mark_kind(c).is_some()
}

/// Whether `text` holds a quotation mark that is no apostrophe ("He's" holds none).
pub fn holds_a_quotation_mark(text: &str) -> bool {
    let mut before = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match mark_kind(c) {
            Some((MarkStyle::Double, _)) => return true,
            Some((MarkStyle::Single, _)) if !is_apostrophe(before, chars.peek().copied()) => {
                return true
            }
            _ => {}
        }
        before = Some(c);
    }
    false
}

/// The style of a quotation mark and the way its glyph faces.
fn mark_kind(c: char) -> Option<(MarkStyle, Facing)> {
    Some(match c {
        '"' => (MarkStyle::Double, Facing::Either),
        '“' | '„' | '«' => (MarkStyle::Double, Facing::Open),
        '”' | '»' => (MarkStyle::Double, Facing::Close),
        '\'' => (MarkStyle::Single, Facing::Either),
        '‘' => (MarkStyle::Single, Facing::Open),
        '’' => (MarkStyle::Single, Facing::Close),
        _ => return None,
    })
}

/// A digit or a fraction sign ("3½\"", a floppy disk): what inches follow.
fn is_digit_or_fraction(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '¼' | '½' | '¾' | '\u{2150}'..='\u{215E}')
}

/// A double mark that ends a height in feet and inches (`6'2"`, `5’10”`, as word processors
/// curl it): one or two digits after a feet mark after a digit, `before` being the text up to
/// the mark. Never a quotation mark, even inside a quotation (`“He is 6’2” tall,” she said`).
fn is_inches_mark(before: &str) -> bool {
    let bytes = before.as_bytes();
    let digits = bytes
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &before[..before.len() - digits];
    let Some(rest) = rest.strip_suffix('\'').or_else(|| rest.strip_suffix('’')) else {
        return false;
    };
    rest.ends_with(|c: char| c.is_ascii_digit())
}

/// A single mark inside a word ("don't"), or before a year ("’90s").
fn is_apostrophe(before: Option<char>, next: Option<char>) -> bool {
    let letter_before = before.is_some_and(is_letter_or_digit);
    let letter_after = next.is_some_and(is_letter_or_digit);
    (letter_before && letter_after) || next.is_some_and(|n| n.is_ascii_digit())
}

/// Characters after which a quotation mark opens.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':')
        || mark_kind(c).is_some_and(|(_, facing)| facing != Facing::Close)
}

/// Characters before which a quotation mark closes.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '…' | '—' | '–' | '-' | '/'
        )
        || mark_kind(c).is_some_and(|(_, facing)| facing != Facing::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted text (marks included) of each pair, and the text of each stray mark.
    fn paired(source: &str) -> (Vec<String>, Vec<String>) {
        let doc = Document::parse(source);
        let (quotes, strays) = pair(&doc);
        let quotes = quotes
            .iter()
            .map(|q| {
                let open = &doc.blocks[q.open_block];
                let close = &doc.blocks[q.close_block];
                let mut text = if q.open_block == q.close_block {
                    open.text()[q.open_at..q.close_end].to_string()
                } else {
                    format!(
                        "{}|{}",
                        &open.text()[q.open_at..],
                        &close.text()[..q.close_end]
                    )
                };
                if !q.closed {
                    text.push_str(" (unclosed)");
                }
                text
            })
            .collect();
        let strays = strays
            .iter()
            .map(|s| doc.blocks[s.block].text()[s.range.clone()].to_string())
            .collect();
        (quotes, strays)
    }

    #[track_caller]
    fn assert_quotes(source: &str, expected: &[&str]) {
        let (quotes, strays) = paired(source);
        assert_eq!(quotes, expected, "in {source:?}");
        assert!(
            strays.is_empty(),
            "unexpected strays {strays:?} in {source:?}"
        );
    }

    #[track_caller]
    fn assert_strays(source: &str, expected: &[&str]) {
        assert_eq!(paired(source).1, expected, "in {source:?}");
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_quotes("He said “we will” and left.", &["“we will”"]);
        assert_quotes("He said \"we will\" and left.", &["\"we will\""]);
        assert_quotes(
            "“I'm hopeful,\" he said. \"We found each other.”",
            &["“I'm hopeful,\"", "\"We found each other.”"],
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_quotes(
            "She said “they called it ‘a farce’ and left.”",
            &["“they called it ‘a farce’ and left.”"],
        );
        assert_quotes(
            "She said \"the workers' union called it 'a farce'\" today.",
            &["\"the workers' union called it 'a farce'\""],
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_quotes(
            "Malawi's president and the workers' union in the '90s.",
            &[],
        );
        assert_quotes("It’s the ‘accidental’ president.", &["‘accidental’"]);
    }

    #[test]
    fn direction_beats_the_glyph() {
        assert_quotes("He said ”we will” today.", &["”we will”"]);
        assert_quotes("说“生来如此”是", &["“生来如此”"]);
    }

    #[test]
    fn french_spacing_keeps_its_glyphs() {
        assert_quotes(
            "Le slogan « partager c’est vivre », dit-il.",
            &["« partager c’est vivre »"],
        );
    }

    #[test]
    fn quotations_span_paragraphs_that_reopen() {
        assert_quotes(
            "He said: “First part.\n\n“Second part.”\n",
            &["“First part.|“Second part.”"],
        );
    }

    #[test]
    fn single_quotations_span_paragraphs_that_reopen() {
        // British print: each paragraph reopens the quotation, only the last one closes it.
        assert_quotes(
            "He said: ‘The place is wrecked.\n\n‘It is not just the insurance.\n\n'We will rebuild.'\n",
            &["‘The place is wrecked.|'We will rebuild.'"],
        );
        // A paragraph that only opens a single mark hands nothing on when the next one does
        // not reopen, or when the mark opens no sentence (an apostrophe).
        assert_quotes(
            "He said: ‘The place is wrecked.\n\nThe water rose.\n\n‘We will rebuild,’ he said.\n",
            &["‘We will rebuild,’"],
        );
        assert_quotes(
            "They danced 'til Dawn came up.\n\n'We will rebuild,' he said.\n",
            &["'We will rebuild,'"],
        );
        assert_quotes(
            "> He said: ‘The place is wrecked.\n\n‘We will rebuild,’ he said.\n",
            &["‘We will rebuild,’"],
        );
    }

    #[test]
    fn heights_in_feet_and_inches_are_not_quotations() {
        // Local police appeals print heights with the marks curled (FOX6 Milwaukee, 2019).
        assert_quotes(
            "The suspect is described as 5’10” tall, between 6’ and 6’4”, or 6'2\" tall.",
            &[],
        );
        assert_quotes(
            "“He is 6’2” tall and fast,” she said. \"She is 5'8\" tall,\" he said.",
            &["“He is 6’2” tall and fast,”", "\"She is 5'8\" tall,\""],
        );
        // A curly closing mark after a digit closes nothing when nothing is open: inches.
        assert_strays("A 55” screen and a 12” single.", &[]);
        assert_strays("A 3½\" floppy disk and a 5¼” one.", &[]);
        assert_strays("A 12 ft” pole.", &["”"]);
    }

    #[test]
    fn unclosed_and_stray_marks() {
        let (quotes, strays) = paired("He said “we will and left.\n\nNext paragraph.\n");
        assert_eq!(quotes, vec!["“we will and left. (unclosed)"]);
        assert!(strays.is_empty());
        assert_strays("He said we will” and left.", &["”"]);
        assert_strays("A 5\" screen and a 10\" one.", &[]);
    }

    /// The text of the mark that broke each unclosed quotation, and how.
    fn broken(source: &str) -> Vec<(String, BreakKind)> {
        let doc = Document::parse(source);
        pair(&doc)
            .0
            .iter()
            .filter_map(|q| q.broken_by)
            .map(|b| {
                let text = doc.blocks[b.block].text()[b.at..b.at + b.len].to_string();
                (text, b.kind)
            })
            .collect()
    }

    #[test]
    fn the_mark_that_broke_the_pairing() {
        let reopened = |after_sentence_end| BreakKind::Reopened { after_sentence_end };
        assert_eq!(
            broken("She said “we win. “Then we go,” she said."),
            [("“".to_string(), reopened(true))]
        );
        assert_eq!(
            broken("She said \"we will \"win\" it and left."),
            [("\"".to_string(), reopened(false))]
        );
        assert_eq!(
            broken("“We will win,’ she said."),
            [("’".to_string(), BreakKind::SingleClose)]
        );
        // Closed quotations, and unclosed ones with nothing inside to blame, name no mark.
        assert!(broken("She said “we win.”\n\n“Then we go,” she said.").is_empty());
        assert!(broken("She said “they called it ‘a farce,’ and left.”").is_empty());
        assert!(broken("She said “we will win and left.").is_empty());
    }

    #[test]
    fn marks_next_to_other_characters_of_the_same_lead_bytes() {
        // "—", "…" and "\u{a0}" share the lead bytes of the curly marks and of « ».
        assert_quotes(
            "He said—“we will”—and\u{a0}«left» … ‘so’…",
            &["“we will”", "«left»", "‘so’"],
        );
        assert_quotes("Él dijo «ya» y ¡“sí”!", &["«ya»", "“sí”"]);
    }

    #[test]
    fn link_text_and_headings_are_skipped() {
        assert_quotes("# “Unclosed title\n\nSee [“this post](https://x.y).\n", &[]);
    }
}
