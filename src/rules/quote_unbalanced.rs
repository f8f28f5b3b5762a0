//! `quote-unbalanced` (FL302): an opening double quotation mark never closed within its
//! paragraph run, or a closing one that closes nothing. Single marks are left alone: they
//! double as apostrophes. Inside a block quote, which may keep its source's punctuation, the
//! finding is only informational.

use super::{RuleContext, RuleId};
use crate::claims::QuoteGroup;
use std::ops::Range;

use crate::claims::quote::{BreakKind, BreakMark, MarkStyle, Quotation, QuoteKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Block;

const BLOCK_QUOTE_NOTE: &str =
    "inside a block quote, which may reproduce its source's punctuation: reported as info";

pub fn check(cx: &RuleContext<QuoteGroup>, out: &mut Vec<Diagnostic>) {
    for quotation in cx.claims.quotes {
        if quotation.closed || quotation.kind != QuoteKind::Marks(MarkStyle::Double) {
            continue;
        }
        let block = &cx.doc.blocks[quotation.block];
        let mark = mark_range(block, quotation.range.start);
        let opening = &block.text()[mark.clone()];
        let finding = match quotation.broken_by {
            Some(broken) => broken_pairing(cx, block, mark, broken),
            None => never_closed(cx, quotation, block, mark, opening),
        };
        out.push(in_block_quote(finding, block));
    }
    for stray in cx.claims.stray_quote_marks {
        let block = &cx.doc.blocks[stray.block];
        let finding = Diagnostic::new(
            RuleId::QuoteUnbalanced,
            block.span_of(stray.range.clone()),
            format!(
                "quotation mark {} closes no quotation",
                &block.text()[stray.range.clone()]
            ),
        )
        .with_help("add the opening mark where the quotation starts, or remove this one");
        out.push(in_block_quote(finding, block));
    }
}

/// An opening mark with nothing in its paragraph run that explains why it stays open.
fn never_closed(
    cx: &RuleContext<QuoteGroup>,
    quotation: &Quotation,
    block: &Block,
    mark: Range<usize>,
    opening: &str,
) -> Diagnostic {
    let last = &cx.doc.blocks[quotation.last_block];
    let text = last.text().trim_end();
    // The paragraph's last character, whatever its width (a closing mark of another kind).
    let last_char = text.char_indices().next_back().map_or(0, |(at, _)| at);
    Diagnostic::new(
        RuleId::QuoteUnbalanced,
        block.span_of(mark),
        format!("quotation mark {opening} is never closed"),
    )
    .with_label(
        last.span_of(last_char..text.len()),
        "the paragraph ends with the quotation still open",
    )
    .with_help(
        "add the closing mark where the quotation ends; a quotation that runs on into the \
         next paragraph reopens it with an opening mark",
    )
}

/// An unclosed quotation whose pairing a later mark broke: the finding points at that mark
/// and says what happened, with a label on the opening mark.
fn broken_pairing(
    cx: &RuleContext<QuoteGroup>,
    block: &Block,
    mark: Range<usize>,
    broken: BreakMark,
) -> Diagnostic {
    let at = &cx.doc.blocks[broken.block];
    let range = broken.at..broken.at + broken.len;
    let written = &at.text()[range.clone()];
    let opening = &block.text()[mark.clone()];
    let (message, help) = match broken.kind {
        BreakKind::Reopened {
            after_sentence_end: true,
        } => (
            format!(
                "quotation mark {written} reopens a quotation that is still open: probably a \
                 lost paragraph break"
            ),
            "a quotation running over several paragraphs reopens with a mark at each new \
             paragraph and closes only at its end: start a new paragraph before this mark, or \
             close the quotation before it",
        ),
        BreakKind::Reopened {
            after_sentence_end: false,
        } => (
            format!("quotation mark {written} opens a quotation inside one that is still open"),
            "close the first quotation before this mark, or use single marks for a quotation \
             inside a quotation",
        ),
        BreakKind::SingleClose => (
            format!(
                "single quotation mark {written} where the double quotation {opening}…{} \
                 should close",
                closing_for(opening)
            ),
            "close a double quotation with a double mark",
        ),
    };
    Diagnostic::new(RuleId::QuoteUnbalanced, at.span_of(range), message)
        .with_label(
            block.span_of(mark),
            "the quotation opened here is never closed",
        )
        .with_help(help)
}

/// The closing mark that goes with an opening one.
fn closing_for(opening: &str) -> &'static str {
    match opening {
        "«" => "»",
        "\"" => "\"",
        _ => "”",
    }
}

/// The opening mark at `at` (one character).
fn mark_range(block: &Block, at: usize) -> Range<usize> {
    let len = block.text()[at..].chars().next().map_or(0, char::len_utf8);
    at..at + len
}

fn in_block_quote(finding: Diagnostic, block: &Block) -> Diagnostic {
    if block.quote_depth == 0 {
        return finding;
    }
    let help = format!(
        "{}; {BLOCK_QUOTE_NOTE}",
        finding.help.clone().unwrap_or_default()
    );
    finding.with_severity(Severity::Info).with_help(help)
}
