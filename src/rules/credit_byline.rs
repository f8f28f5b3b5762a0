//! `credit-byline` (FL402): an article with no byline (front matter `author`, `authors` or
//! `byline`, or a "By Jane Doe" line near the top) and no reporting credit ("With reporting
//! by ..."). Where the article names its author is a claim (`claims::byline`); the rule
//! words the finding.

use super::credit_image::source_line_at;
use super::{RuleContext, RuleId};
use crate::claims::byline::Byline;
use crate::claims::CreditGroup;
use crate::diagnostic::Diagnostic;

pub fn check(cx: &RuleContext<CreditGroup>, out: &mut Vec<Diagnostic>) {
    if cx.claims.byline != Byline::Missing {
        return;
    }
    let Some(first) = cx.doc.blocks.first() else {
        return;
    };
    out.push(
        Diagnostic::new(
            RuleId::CreditByline,
            source_line_at(cx.doc, first.span().start),
            "article has no byline and no reporting credit",
        )
        .with_help(
            "name the author: front matter `author:` (or `byline:`/`authors:`), a “By Jane \
             Doe” line at the top, or a reporting credit (“With reporting by Reuters”, \
             “Reporting by …”, “Jane Doe contributed reporting”)",
        ),
    );
}
