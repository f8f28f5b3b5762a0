//! Who the article says wrote it: a byline (front matter `author`, `authors` or `byline`, or
//! a "By Jane Doe" line near the top) or a reporting credit ("With reporting by ...").
//! What `credit-byline` judges, so the rule never reads the text itself. The accepted forms
//! live in `rules/style/credits.toml`.
//!
//! Looked for only when `credit-byline` will read it (the rule is on and bylines are
//! required), cheapest first: each set of patterns is compiled only when it is needed.

use super::ExtractContext;
use crate::document::Document;

/// A "By Jane Doe" line counts among the first blocks only (a title, a standfirst, the byline).
const BYLINE_BLOCKS: usize = 4;

/// Where the article names who wrote or reported it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Byline {
    /// Not looked for: `credit-byline` is off or bylines are not required.
    #[default]
    NotAsked,
    /// A non-empty front-matter key of the byline keys.
    FrontMatter,
    /// A byline line in one of the first blocks.
    NearTheTop,
    /// A reporting credit anywhere.
    Reporting,
    /// None of them.
    Missing,
}

pub fn extract(doc: &Document, cx: &ExtractContext) -> Byline {
    let credits = &cx.style.credits;
    let in_front_matter = doc.front_matter.as_ref().is_some_and(|fm| {
        credits.byline_keys.iter().any(|key| {
            fm.get_str(key)
                .is_some_and(|value| !value.trim().is_empty())
        })
    });
    if in_front_matter {
        return Byline::FrontMatter;
    }
    let near_top = doc.blocks.iter().take(BYLINE_BLOCKS).any(|block| {
        block
            .text()
            .lines()
            .any(|line| credits.byline.is_match(line))
    });
    if near_top {
        return Byline::NearTheTop;
    }
    let reporting = doc
        .blocks
        .iter()
        .any(|block| credits.reporting.is_match(block.text()));
    if reporting {
        return Byline::Reporting;
    }
    Byline::Missing
}

#[cfg(test)]
mod tests {
    use super::Byline;
    use crate::claims::{ClaimGroup, Claims};
    use crate::document::Document;
    use crate::registry::RuleId;
    use crate::settings::Settings;

    /// The byline the claim pipeline finds with `settings` (`NotAsked` when no rule needs it).
    fn byline(source: &str, settings: &Settings) -> Byline {
        let mut claims = Claims::default();
        claims.extract_group(ClaimGroup::Credits, &Document::parse(source), settings);
        claims.byline
    }

    #[test]
    fn each_place_a_byline_is_found() {
        let settings = Settings::embedded();
        assert_eq!(
            byline("---\nauthor: Jane Doe\n---\nText.\n", &settings),
            Byline::FrontMatter
        );
        assert_eq!(
            byline("# Title\n\nBy Jane Doe\n\nText.\n", &settings),
            Byline::NearTheTop
        );
        assert_eq!(
            byline(
                "Text.\n\nMore.\n\nMore.\n\nMore.\n\nWith reporting by Reuters\n",
                &settings
            ),
            Byline::Reporting
        );
        // Too far down to be a byline line.
        assert_eq!(
            byline("A.\n\nB.\n\nC.\n\nD.\n\nBy Jane Doe\n", &settings),
            Byline::Missing
        );
        assert_eq!(
            byline("---\nauthor: \" \"\n---\nText.\n", &settings),
            Byline::Missing
        );
    }

    #[test]
    fn not_looked_for_when_the_rule_is_off_or_bylines_are_not_required() {
        let mut settings = Settings::embedded();
        settings.selection.ignore.insert(RuleId::CreditByline);
        assert_eq!(byline("Text.\n", &settings), Byline::NotAsked);
        let mut settings = Settings::embedded();
        settings.config.require_byline = false;
        assert_eq!(byline("Text.\n", &settings), Byline::NotAsked);
    }
}
