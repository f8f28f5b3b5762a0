//! `quote-unbalanced` (FL302): an opening double quotation mark never closed within its
//! paragraph run, or a closing one that closes nothing. Single marks are left alone: they
//! double as apostrophes. Inside a block quote, which may keep its source's punctuation, the
//! finding is only informational.

use super::{RuleContext, RuleId};
use crate::claims::quote::{MarkStyle, QuoteKind};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Block;

const BLOCK_QUOTE_NOTE: &str =
    "inside a block quote, which may reproduce its source's punctuation: reported as info";

pub fn check(cx: &RuleContext, out: &mut Vec<Diagnostic>) {
    for quotation in &cx.claims.quotes {
        if quotation.closed || quotation.kind != QuoteKind::Marks(MarkStyle::Double) {
            continue;
        }
        let block = &cx.doc.blocks[quotation.block];
        let mark = mark_range(block, quotation.range.start);
        let last = &cx.doc.blocks[quotation.last_block];
        let text = last.text().trim_end();
        // The paragraph's last character, whatever its width (a closing mark of another kind).
        let last_char = text.char_indices().next_back().map_or(0, |(at, _)| at);
        let finding = Diagnostic::new(
            RuleId::QuoteUnbalanced,
            block.span_of(mark.clone()),
            format!(
                "quotation mark {} is never closed",
                &block.text()[mark.clone()]
            ),
        )
        .with_label(
            last.span_of(last_char..text.len()),
            "the paragraph ends with the quotation still open",
        )
        .with_help(
            "add the closing mark where the quotation ends; a quotation that runs on into the \
             next paragraph reopens it with an opening mark",
        );
        out.push(in_block_quote(finding, block));
    }
    for stray in &cx.claims.stray_quote_marks {
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

/// The opening mark at `at` (one character).
fn mark_range(block: &Block, at: usize) -> std::ops::Range<usize> {
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
