//! `credit-byline` (FL402): an article with no byline (front matter `author`, `authors` or
//! `byline`, or a "By Jane Doe" line near the top) and no reporting credit ("With reporting
//! by ..."). The accepted forms live in `rules/style/credits.toml`.

use super::credit_image::source_line_at;
use super::{RuleContext, RuleId};
use crate::claims::NoClaims;
use crate::diagnostic::Diagnostic;

/// A "By Jane Doe" line counts among the first blocks only (a title, a standfirst, the byline).
const BYLINE_BLOCKS: usize = 4;

pub fn check(cx: &RuleContext<NoClaims>, out: &mut Vec<Diagnostic>) {
    if !cx.settings.config.require_byline {
        return;
    }
    let credits = &cx.settings.style.credits;
    let in_front_matter = cx.doc.front_matter.as_ref().is_some_and(|fm| {
        credits.byline_keys.iter().any(|key| {
            fm.get_str(key)
                .is_some_and(|value| !value.trim().is_empty())
        })
    });
    // Cheapest first: each set of patterns is compiled only when it is needed.
    let near_top = || {
        cx.doc.blocks.iter().take(BYLINE_BLOCKS).any(|block| {
            block
                .text()
                .lines()
                .any(|line| credits.byline.is_match(line))
        })
    };
    let reporting = || {
        cx.doc
            .blocks
            .iter()
            .any(|block| credits.reporting.is_match(block.text()))
    };
    if in_front_matter || near_top() || reporting() {
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
