//! Inline suppressions, a pass after the rules:
//! `<!-- factlint-disable-next-line RULE[, RULE] -- reason -->`, `factlint-disable RULE` …
//! `factlint-enable RULE`, and `factlint-disable-file RULE`. No rule named means every rule.
//! A suppression that suppressed nothing is reported as `unused-suppression`.

use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::document::{Document, HtmlComment};
use crate::rules::RuleId;
use crate::settings::Settings;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug)]
struct Directive<'c> {
    kind: Kind,
    comment: &'c HtmlComment,
    /// Empty: every rule.
    rules: Vec<RuleId>,
    /// Names that are not rules.
    unknown: Vec<String>,
    /// Byte range the directive covers.
    scope: Span,
    used: bool,
}

impl Directive<'_> {
    fn covers(&self, diagnostic: &Diagnostic) -> bool {
        self.kind != Kind::Enable
            && self.scope.start <= diagnostic.span.start
            && diagnostic.span.start < self.scope.end.max(self.scope.start + 1)
            && (self.rules.is_empty() || self.rules.contains(&diagnostic.rule))
    }
}

/// Drop suppressed findings and add `unused-suppression` findings.
pub fn apply(doc: &Document, settings: &Settings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut directives = parse_directives(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let mut suppressed = false;
        for directive in directives.iter_mut().filter(|d| d.covers(&diagnostic)) {
            directive.used = true;
            suppressed = true;
        }
        if !suppressed {
            kept.push(diagnostic);
        }
    }
    if settings.is_enabled(RuleId::UnusedSuppression) {
        let mut unused = Vec::new();
        for directive in &directives {
            if let Some(diagnostic) = unused_finding(doc, settings, directive) {
                unused.push(diagnostic);
            }
        }
        // `unused-suppression` can itself be suppressed for a file or region.
        kept.extend(unused.into_iter().filter(|diagnostic| {
            !directives
                .iter()
                .any(|d| d.rules.contains(&RuleId::UnusedSuppression) && d.covers(diagnostic))
        }));
    }
    kept
}

fn unused_finding(
    doc: &Document,
    settings: &Settings,
    directive: &Directive,
) -> Option<Diagnostic> {
    if directive.kind == Kind::Enable {
        return None;
    }
    let span = directive.comment.span;
    if let Some(name) = directive.unknown.first() {
        let hint = RuleId::suggest(name)
            .map(|near| format!(" (did you mean `{near}`?)"))
            .unwrap_or_default();
        return Some(
            Diagnostic::new(
                RuleId::UnusedSuppression,
                span,
                format!("suppression names unknown rule `{name}`{hint}"),
            )
            .with_help("`factlint rules` lists every rule name and code"),
        );
    }
    if directive.used || directive.rules.contains(&RuleId::UnusedSuppression) {
        return None;
    }
    // A rule switched off by configuration cannot be expected to fire.
    if directive
        .rules
        .iter()
        .any(|&rule| !settings.is_enabled(rule))
    {
        return None;
    }
    let what = if directive.rules.is_empty() {
        "any rule".to_string()
    } else {
        directive
            .rules
            .iter()
            .map(|rule| format!("`{rule}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(
        Diagnostic::new(
            RuleId::UnusedSuppression,
            span,
            format!("this suppression of {what} suppressed nothing"),
        )
        .with_help("remove the comment, or move it to the line it was meant for")
        .with_fix(Fix::safe(
            "Remove the unused suppression",
            vec![Edit::replace(removal_span(doc.source, span), "")],
        )),
    )
}

/// The comment, and its whole line when it stands alone on it.
fn removal_span(source: &str, span: Span) -> Span {
    let line_start = source[..span.start]
        .rfind(['\n', '\r'])
        .map_or(0, |at| at + 1);
    let rest = &source[span.end..];
    let line_end_rel = rest.find('\n').map_or(rest.len(), |at| at + 1);
    let before = &source[line_start..span.start];
    let after = &rest[..line_end_rel];
    if before.trim().is_empty() && after.trim().is_empty() {
        Span::new(line_start, span.end + line_end_rel)
    } else {
        span
    }
}

fn parse_directives<'d>(doc: &'d Document) -> Vec<Directive<'d>> {
    let mut directives = Vec::new();
    for comment in &doc.comments {
        let Some(rest) = comment.body.strip_prefix("factlint-") else {
            continue;
        };
        let (kind, rest) = if let Some(rest) = rest.strip_prefix("disable-next-line") {
            (Kind::NextLine, rest)
        } else if let Some(rest) = rest.strip_prefix("disable-file") {
            (Kind::File, rest)
        } else if let Some(rest) = rest.strip_prefix("disable") {
            (Kind::Disable, rest)
        } else if let Some(rest) = rest.strip_prefix("enable") {
            (Kind::Enable, rest)
        } else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let names = match rest.find(" --") {
            Some(at) => &rest[..at],
            None if rest.trim_start().starts_with("--") => "",
            None => rest,
        };
        let mut rules = Vec::new();
        let mut unknown = Vec::new();
        for name in names
            .split([',', ' ', '\t', '\n'])
            .filter(|n| !n.is_empty())
        {
            match RuleId::from_name_or_code(name) {
                Some(rule) => rules.push(rule),
                None => unknown.push(name.to_string()),
            }
        }
        let scope = match kind {
            Kind::NextLine => next_line_span(doc, comment.span.end),
            Kind::File => Span::new(0, doc.source.len()),
            Kind::Disable | Kind::Enable => Span::new(comment.span.end, doc.source.len()),
        };
        directives.push(Directive {
            kind,
            comment,
            rules,
            unknown,
            scope,
            used: false,
        });
    }
    close_regions(&mut directives);
    directives
}

/// End each `disable` region at the first later `enable` that re-enables its rules.
fn close_regions(directives: &mut [Directive]) {
    for i in 0..directives.len() {
        if directives[i].kind != Kind::Disable {
            continue;
        }
        let end = directives[i + 1..]
            .iter()
            .find(|later| {
                later.kind == Kind::Enable
                    && (later.rules.is_empty()
                        || directives[i]
                            .rules
                            .iter()
                            .all(|rule| later.rules.contains(rule))
                            && !directives[i].rules.is_empty())
            })
            .map(|enable| enable.comment.span.start);
        if let Some(end) = end {
            directives[i].scope.end = end;
        }
    }
}

/// The line after the one where the comment ends.
fn next_line_span(doc: &Document, comment_end: usize) -> Span {
    let index = &doc.line_index;
    let line = index.line_of(comment_end.saturating_sub(1));
    let start = index.line_start(line + 1).unwrap_or(doc.source.len());
    let end = index.line_start(line + 2).unwrap_or(doc.source.len());
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: RuleId, source: &str, needle: &str) -> Diagnostic {
        let start = source.find(needle).unwrap();
        Diagnostic::new(rule, Span::new(start, start + needle.len()), "x")
    }

    fn run(source: &str, diagnostics: Vec<Diagnostic>) -> Vec<(RuleId, String)> {
        let doc = Document::parse(source);
        let settings = Settings::embedded();
        apply(&doc, &settings, diagnostics)
            .into_iter()
            .map(|d| (d.rule, d.span.text(source).to_string()))
            .collect()
    }

    #[test]
    fn next_line_suppresses_only_the_next_line() {
        let source = "<!-- factlint-disable-next-line date-weekday -- quoted as published -->\nA Tuesday here.\n\nA Tuesday there.\n";
        let first = finding(RuleId::DateWeekday, source, "Tuesday here");
        let second = finding(RuleId::DateWeekday, source, "Tuesday there");
        let kept = run(source, vec![first, second]);
        assert_eq!(
            kept,
            vec![(RuleId::DateWeekday, "Tuesday there".to_string())]
        );
    }

    #[test]
    fn regions_end_at_enable() {
        let source = "<!-- factlint-disable FL101, fact-office -->\nA one.\n<!-- factlint-enable FL101, fact-office -->\nA two.\n";
        let kept = run(
            source,
            vec![
                finding(RuleId::DateWeekday, source, "A one"),
                finding(RuleId::DateWeekday, source, "A two"),
            ],
        );
        assert_eq!(kept, vec![(RuleId::DateWeekday, "A two".to_string())]);
    }

    #[test]
    fn file_level_without_rules_suppresses_everything() {
        let source = "Text one.\n\n<!-- factlint-disable-file -->\n";
        let kept = run(source, vec![finding(RuleId::CreditByline, source, "Text")]);
        assert!(kept.is_empty());
    }

    #[test]
    fn unused_and_unknown_suppressions_are_reported() {
        let source = "<!-- factlint-disable-next-line date-weekday -->\nFine.\n<!-- factlint-disable-file date-wekday -->\n";
        let kept = run(source, vec![]);
        assert_eq!(kept.len(), 2);
        assert!(kept
            .iter()
            .all(|(rule, _)| *rule == RuleId::UnusedSuppression));
    }

    #[test]
    fn unused_suppression_fix_removes_the_whole_line() {
        let source = "Intro.\n<!-- factlint-disable-next-line date-weekday -->\nFine.\n";
        let doc = Document::parse(source);
        let settings = Settings::embedded();
        let found = apply(&doc, &settings, vec![]);
        let edit = &found[0].fixes[0].edits[0];
        assert_eq!(
            edit.span.text(source),
            "<!-- factlint-disable-next-line date-weekday -->\n"
        );
    }
}
