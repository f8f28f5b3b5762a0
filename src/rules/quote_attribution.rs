//! `quote-attribution` (FL301): a speech-length quotation with no speaker. The speakers are
//! found once, by the quotation claims (`crate::claims::quote`); this rule reports the ones
//! left without.

use super::{RuleContext, RuleId};
use crate::claims::quote::{Attribution, Quotation, QuoteKind};
use crate::claims::QuoteGroup;
use crate::diagnostic::{Diagnostic, Severity};

pub fn check(cx: &RuleContext<QuoteGroup>, out: &mut Vec<Diagnostic>) {
    for quotation in cx.claims.quotes {
        if !quotation.is_speech || !quotation.closed {
            continue;
        }
        match (&quotation.attribution, &quotation.speaker) {
            (None, _) => out.push(finding(cx, quotation)),
            (Some(Attribution::ImpliedNext), Some(speaker)) => {
                // Unsure: the lede's next paragraph opens with someone but does not say
                // they said it.
                let finding = finding(cx, quotation)
                    .with_severity(Severity::Info)
                    .with_label(
                        speaker.span,
                        "named after it, but not introduced as its speaker",
                    );
                out.push(finding);
            }
            (Some(Attribution::Implied), Some(speaker)) => {
                // Unsure: the paragraph before names someone but does not introduce it.
                let finding = finding(cx, quotation)
                    .with_severity(Severity::Info)
                    .with_label(
                        speaker.span,
                        "named before it, but not introduced as its speaker",
                    );
                out.push(finding);
            }
            _ => {}
        }
    }
}

fn finding(cx: &RuleContext<QuoteGroup>, quotation: &Quotation) -> Diagnostic {
    let block = &cx.doc.blocks[quotation.block];
    match quotation.kind {
        QuoteKind::Marks(_) => Diagnostic::new(
            RuleId::QuoteAttribution,
            block.span_of(quotation.range.clone()),
            format!("quotation “{}” has no speaker", quotation.excerpt),
        )
        .with_help(
            "name who said it: a speech verb with its speaker in the same sentence \
             (“…,” said Jane Doe / Jane Doe said “…” / according to Jane Doe), an \
             introduction ending in a colon (Jane Doe told the meeting: “…”), or place it \
             right after a quotation that is attributed",
        ),
        QuoteKind::BlockQuote => {
            // The first sentence is enough to show which block quote.
            let first_sentence = block.sentences.first().unwrap_or(quotation.range.clone());
            Diagnostic::new(
                RuleId::QuoteAttribution,
                block.span_of(first_sentence),
                format!("block quote “{}” has no speaker", quotation.excerpt),
            )
            .with_help(
                "introduce it in the paragraph before (“Jane Doe writes:”, “he said:”), or \
                 sign it inside (“@handle: …” at its start, “— Jane Doe” as its last line)",
            )
        }
    }
}
