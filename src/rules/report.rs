//! Wording shared by the fact rules: which date a claim was judged on, and the info note a
//! rule leaves when it cannot judge.

use chrono::NaiveDate;

use crate::article::ArticleContext;
use crate::claims::mention::Period;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::RuleId;
use crate::span::Span;

/// "2024-12-01 (front matter `date`)", or the list of candidate dates.
pub fn judged_as_of(article: &ArticleContext) -> String {
    let dates = article.judgement_dates();
    match (&article.publication, dates) {
        (Some(publication), [only]) if publication.date == *only => {
            format!("{} ({})", publication.date, publication.reason)
        }
        _ => format!(
            "every date the article may have been published: {}",
            list(dates)
        ),
    }
}

/// When a claim was judged, for a message: "on 2022-11-30", "on any date the article may
/// have been published (2011-11-30, 2016-11-30)", "in March 2019 (the time its sentence
/// gives)", or both when the sentence's time may not be the claim's.
pub fn on(periods: &[Period]) -> String {
    let mut parts = Vec::new();
    let mut written: Vec<String> = periods
        .iter()
        .filter(|p| p.from_sentence)
        .map(Period::to_string)
        .collect();
    written.dedup();
    if !written.is_empty() {
        parts.push(format!(
            "{} (the time its {} gives)",
            written.join(" or "),
            written_in(periods)
        ));
    }
    let publication: Vec<NaiveDate> = periods
        .iter()
        .filter(|p| !p.from_sentence)
        .map(|p| p.from)
        .collect();
    match publication.as_slice() {
        [] => {}
        [only] => parts.push(format!("on {only}")),
        many => parts.push(format!(
            "on any date the article may have been published ({})",
            list(many)
        )),
    }
    parts.join(" nor ")
}

/// The help line that says what a claim was judged as of.
pub fn judged_as_of_periods(article: &ArticleContext, periods: &[Period]) -> String {
    let written: Vec<String> = periods
        .iter()
        .filter(|p| p.from_sentence)
        .map(Period::to_string)
        .collect();
    let publication = periods.iter().any(|p| !p.from_sentence);
    let written_in = written_in(periods);
    match (written.first(), publication) {
        (Some(when), false) => format!("judged {when}, the time its {written_in} gives"),
        (Some(when), true) => format!(
            "judged {when}, the time its {written_in} gives, and as of {}",
            judged_as_of(article)
        ),
        (None, _) => format!("judged as of {}", judged_as_of(article)),
    }
}

/// Where the time a claim was judged at was written: its sentence, or earlier in its
/// paragraph.
fn written_in(periods: &[Period]) -> &'static str {
    if periods.iter().any(|p| p.from_paragraph) {
        "paragraph"
    } else {
        "sentence"
    }
}

/// A finding false on every candidate publication date the fact base covers, but not
/// judged on `unknown` ones: at most a warning, saying so.
pub fn partly_unknown(diagnostic: Diagnostic, unknown: &[NaiveDate]) -> Diagnostic {
    let severity = diagnostic.severity.min(Severity::Warning);
    let mut help = diagnostic.help.as_deref().unwrap_or_default().to_string();
    help.push_str(&format!(
        "\nonly a warning: the fact base cannot judge it on {} (the article may also have been published then), but absence of data is no evidence for that date",
        list(unknown)
    ));
    diagnostic.with_severity(severity).with_help(help)
}

/// "2011-11-30, 2016-11-30".
pub fn list(dates: &[NaiveDate]) -> String {
    dates
        .iter()
        .map(NaiveDate::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The info note of a fact rule that found claims but no date to judge them on.
pub fn unjudged(rule: RuleId, span: Span, claims: usize, what: &str) -> Diagnostic {
    let plural = if claims == 1 { "" } else { "s" };
    Diagnostic::new(
        rule,
        span,
        format!("{claims} {what} claim{plural} not checked against the fact base: the article's publication date is unknown"),
    )
    .with_severity(Severity::Info)
    .with_help("give the date in front matter (`date:`) or with --date")
}

/// The info note of a claim that speaks of another time than the article's.
pub fn other_time(rule: RuleId, span: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        rule,
        span,
        format!("{what} not checked: the sentence speaks of another time"),
    )
    .with_severity(Severity::Info)
}
