//! `publication-date` (FL103, info): which publication date the article was judged on and
//! why, or that none is known and what therefore stays silent. One finding per article.

use super::RuleContext;
use crate::article::{year_list, DateSource, YearlessPair};
use crate::claims::DateGroup;
use crate::diagnostic::Diagnostic;
use crate::rules::RuleId;
use crate::span::Span;

pub fn check(cx: &RuleContext<DateGroup>, out: &mut Vec<Diagnostic>) {
    let article = cx.article;
    let first_pair = cx
        .claims
        .dates
        .iter()
        .find(|claim| YearlessPair::of(claim).is_some())
        .map(|claim| claim.span);
    let start = Span::new(0, 0);
    let diagnostic = match &article.publication {
        Some(publication) => {
            let span = match publication.source {
                DateSource::Inferred => first_pair,
                _ => publication.span,
            };
            Diagnostic::new(
                RuleId::PublicationDate,
                span.unwrap_or(start),
                format!("judged as of {}: {}", publication.date, publication.reason),
            )
        }
        None if !article.candidates.is_empty() => Diagnostic::new(
            RuleId::PublicationDate,
            first_pair.unwrap_or(start),
            format!(
                "no publication date known; the article's weekday-date pairs fit {}, and facts are judged on each",
                year_list(&article.candidates)
            ),
        )
        .with_help(
            "a fact is reported only if it is false in every one of these years; give the date (front matter `date:` or --date) to judge on one",
        ),
        None => Diagnostic::new(
            RuleId::PublicationDate,
            start,
            "no publication date known: dates without a year are checked only against each other, and facts are not judged",
        )
        .with_help("give the publication date in the front matter (`date: 2022-11-30`) or with --date"),
    };
    out.push(diagnostic);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleContext;
    use crate::claims::date::test_support;
    use crate::claims::{ClaimView, Claims};
    use crate::document::Document;

    #[track_caller]
    fn assert_says(source: &str, message: &str, spanned: &str) {
        let settings = test_support::settings(None);
        let doc = Document::parse(source);
        let claims = Claims::extract(&doc, &settings);
        let article = ArticleContext::resolve(&doc, &claims, &settings);
        let cx = RuleContext {
            doc: &doc,
            claims: DateGroup::of(&claims),
            article: &article,
            settings: &settings,
        };
        let mut out = Vec::new();
        check(&cx, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, crate::diagnostic::Severity::Info);
        assert_eq!(out[0].message, message);
        assert_eq!(out[0].span.text(source), spanned);
    }

    #[test]
    fn one_finding_says_which_date_and_why() {
        assert_says(
            "---\ndate: 2022-11-30\n---\nText.\n",
            "judged as of 2022-11-30: front matter `date`",
            "date: 2022-11-30",
        );
        assert_says(
            "BUCHAREST, Nov. 30, 2022 — Text.",
            "judged as of 2022-11-30: the dateline “Nov. 30, 2022”",
            "Nov. 30, 2022",
        );
        assert_says(
            "The launch on Thursday, Feb. 29 went well.",
            "judged as of 2024-02-29: inferred: the article's weekday-date pair fits only 2024",
            "Feb. 29",
        );
        assert_says(
            "Monday (Nov. 28), Tuesday (Nov. 29).",
            "no publication date known; the article's weekday-date pairs fit 2005, 2011, 2016 and 2022, and facts are judged on each",
            "Nov. 28",
        );
        assert_says(
            "Nothing dated.",
            "no publication date known: dates without a year are checked only against each other, and facts are not judged",
            "",
        );
    }
}
