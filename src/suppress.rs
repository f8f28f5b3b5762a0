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

/// A set of rules as bits (`1 << rule as u32`); no bits means every rule.
type RuleMask = u64;

const _: () = assert!(RuleId::ALL.len() <= RuleMask::BITS as usize);

fn rule_bit(rule: RuleId) -> RuleMask {
    1 << rule as u32
}

#[derive(Debug)]
struct Directive<'c> {
    kind: Kind,
    comment: &'c HtmlComment,
    /// Empty: every rule.
    rules: Vec<RuleId>,
    /// `rules` as bits.
    mask: RuleMask,
    /// Names that are not rules.
    unknown: Vec<String>,
    /// Byte range the directive covers.
    scope: Span,
    used: bool,
}

impl Directive<'_> {
    /// Where the scope ends; an empty scope still covers its first byte.
    fn scope_end(&self) -> usize {
        self.scope.end.max(self.scope.start + 1)
    }
}

/// Drop suppressed findings and add `unused-suppression` findings.
pub fn apply(doc: &Document, settings: &Settings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut directives = parse_directives(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    let suppressed = mark_covering(&mut directives, &diagnostics, Coverage::AnyRule);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(suppressed)
        .filter_map(|(diagnostic, suppressed)| (!suppressed).then_some(diagnostic))
        .collect();
    if settings.is_enabled(RuleId::UnusedSuppression) {
        let unused: Vec<Diagnostic> = directives
            .iter()
            .filter_map(|directive| unused_finding(doc, settings, directive))
            .collect();
        // `unused-suppression` can itself be suppressed, by naming it, for a file or region.
        let suppressed = mark_covering(&mut directives, &unused, Coverage::NamedOnly);
        kept.extend(
            unused
                .into_iter()
                .zip(suppressed)
                .filter_map(|(diagnostic, suppressed)| (!suppressed).then_some(diagnostic)),
        );
    }
    kept
}

/// Which directives count: all of them, or only those that name the finding's rule.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Coverage {
    AnyRule,
    NamedOnly,
}

/// Whether each finding is covered by a directive, marking every covering directive used.
/// One sweep in offset order (linear after sorting), however many comments and findings a
/// file has: per rule, the furthest scope end seen says whether a finding is covered, and
/// directives waiting to be marked are each marked or dropped once.
fn mark_covering(
    directives: &mut [Directive],
    diagnostics: &[Diagnostic],
    coverage: Coverage,
) -> Vec<bool> {
    // Slot per rule, plus one (the last) for directives that name no rule.
    let every_rule = RuleId::ALL.len();
    let mut furthest_end = vec![0usize; every_rule + 1];
    let mut waiting: Vec<Vec<usize>> = vec![Vec::new(); every_rule + 1];
    let mut by_start: Vec<usize> = (0..directives.len())
        .filter(|&i| directives[i].kind != Kind::Enable)
        .collect();
    by_start.sort_by_key(|&i| directives[i].scope.start);
    let mut by_offset: Vec<usize> = (0..diagnostics.len()).collect();
    by_offset.sort_by_key(|&i| diagnostics[i].span.start);
    let mut suppressed = vec![false; diagnostics.len()];
    let mut next = 0;
    for index in by_offset {
        let diagnostic = &diagnostics[index];
        let at = diagnostic.span.start;
        while let Some(&d) = by_start
            .get(next)
            .filter(|&&d| directives[d].scope.start <= at)
        {
            next += 1;
            let directive = &directives[d];
            let slots: Vec<usize> = if directive.rules.is_empty() {
                if coverage == Coverage::NamedOnly {
                    continue;
                }
                vec![every_rule]
            } else {
                directive.rules.iter().map(|&rule| rule as usize).collect()
            };
            for slot in slots {
                furthest_end[slot] = furthest_end[slot].max(directive.scope_end());
                waiting[slot].push(d);
            }
        }
        for slot in [diagnostic.rule as usize, every_rule] {
            if furthest_end[slot] > at {
                suppressed[index] = true;
            }
            // Scopes that ended before `at` can cover no later finding either.
            for d in waiting[slot].drain(..) {
                if directives[d].scope_end() > at {
                    directives[d].used = true;
                }
            }
        }
    }
    suppressed
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
            vec![Edit::replace(removal_span(doc, span), "")],
        )),
    )
}

/// The comment, and its whole line when it stands alone on it.
fn removal_span(doc: &Document, span: Span) -> Span {
    let index = &doc.line_index;
    let source = doc.source;
    let line_start = index.line_start(index.line_of(span.start)).unwrap_or(0);
    let line_end = index
        .line_start(index.line_of(span.end) + 1)
        .unwrap_or(source.len());
    let before = &source[line_start..span.start];
    let after = &source[span.end..line_end.max(span.end)];
    if before.trim().is_empty() && after.trim().is_empty() {
        Span::new(line_start, line_end.max(span.end))
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
            mask: rules.iter().fold(0, |mask, &rule| mask | rule_bit(rule)),
            rules,
            unknown,
            scope,
            used: false,
        });
    }
    close_regions(&mut directives);
    directives
}

/// End each `disable` region at the first later `enable` that re-enables its rules (one
/// that names them all, or names none). One backward pass per distinct set of disabled
/// rules, so many regions cost no more than many comments.
fn close_regions(directives: &mut [Directive]) {
    let mut disabled: Vec<RuleMask> = directives
        .iter()
        .filter(|d| d.kind == Kind::Disable)
        .map(|d| d.mask)
        .collect();
    disabled.sort_unstable();
    disabled.dedup();
    for wanted in disabled {
        let mut enable_at = None;
        for directive in directives.iter_mut().rev() {
            match directive.kind {
                Kind::Enable
                    if directive.mask == 0
                        || (wanted != 0 && directive.mask & wanted == wanted) =>
                {
                    enable_at = Some(directive.comment.span.start);
                }
                Kind::Disable if directive.mask == wanted => {
                    if let Some(end) = enable_at {
                        directive.scope.end = end;
                    }
                }
                _ => {}
            }
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
    fn a_region_ends_only_at_an_enable_naming_all_its_rules() {
        let source = "<!-- factlint-disable FL101, FL501 -->\n<!-- factlint-enable FL101 -->\nA one.\n<!-- factlint-enable FL101, FL501 -->\nA two.\n";
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
    fn unused_suppressions_are_silenced_only_by_naming_the_rule() {
        let next_line = "<!-- factlint-disable-next-line date-weekday -->\nFine.\n";
        let unnamed = format!("<!-- factlint-disable-file -->\n{next_line}");
        assert_eq!(run(&unnamed, vec![]).len(), 2);
        let named = format!("<!-- factlint-disable-file unused-suppression -->\n{next_line}");
        assert!(run(&named, vec![]).is_empty());
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
