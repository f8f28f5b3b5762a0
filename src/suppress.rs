//! Inline suppressions, a pass after the rules:
//! `<!-- factlint-disable-next-line RULE[, RULE] -- reason -->`, `factlint-disable RULE` …
//! `factlint-enable RULE`, `factlint-disable-line RULE` (the comment's own line) and
//! `factlint-disable-file RULE`. No rule named means every rule. A suppression that names a
//! rule that does not exist suppresses nothing and is an error (a misspelt name must never
//! widen into "every rule"); a directive that is not one of these is a warning; a suppression
//! that suppressed nothing is reported. All three are `unused-suppression` findings.

use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, HtmlComment};
use crate::registry::RuleId;
use crate::settings::Settings;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Line,
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
    let report_unused = settings.is_enabled(RuleId::UnusedSuppression);
    let strays = if report_unused {
        unknown_directives(doc)
    } else {
        Vec::new()
    };
    if directives.is_empty() && strays.is_empty() {
        return diagnostics;
    }
    let suppressed = mark_covering(&mut directives, &diagnostics, Coverage::AnyRule);
    let mut kept: Vec<Diagnostic> = diagnostics
        .into_iter()
        .zip(suppressed)
        .filter_map(|(diagnostic, suppressed)| (!suppressed).then_some(diagnostic))
        .collect();
    if report_unused {
        let unused: Vec<Diagnostic> = directives
            .iter()
            .filter_map(|directive| unused_finding(doc, settings, directive))
            .chain(strays)
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
            // A suppression naming an unknown rule suppresses nothing: the misspelt name is
            // reported instead, so the findings it would have hidden stay visible.
            if !directive.unknown.is_empty() {
                continue;
            }
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
    let span = directive.comment.span;
    if !directive.unknown.is_empty() {
        let names = directive
            .unknown
            .iter()
            .map(|name| {
                let hint = RuleId::suggest(name)
                    .map(|near| format!(" (did you mean `{near}`?)"))
                    .unwrap_or_default();
                format!("`{name}`{hint}")
            })
            .collect::<Vec<_>>()
            .join(", ");
        let rule_word = if directive.unknown.len() == 1 {
            "rule"
        } else {
            "rules"
        };
        let effect = if directive.kind == Kind::Enable {
            "it re-enables only the rules it names correctly"
        } else {
            "it suppresses nothing until the name is corrected"
        };
        return Some(
            Diagnostic::new(
                RuleId::UnusedSuppression,
                span,
                format!("suppression names unknown {rule_word} {names}; {effect}"),
            )
            .with_severity(Severity::Error)
            .with_help("`factlint rules` lists every rule name and code"),
        );
    }
    if directive.kind == Kind::Enable {
        return None;
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

/// The directives factlint knows, longest first where one is a prefix of another.
const DIRECTIVES: [(&str, Kind); 5] = [
    ("disable-next-line", Kind::NextLine),
    ("disable-line", Kind::Line),
    ("disable-file", Kind::File),
    ("disable", Kind::Disable),
    ("enable", Kind::Enable),
];

/// Comments that start like a directive but are none (`factlint-disable-nextline`,
/// `factlint-ignore`): each a warning, since the author meant to suppress something.
fn unknown_directives(doc: &Document) -> Vec<Diagnostic> {
    doc.comments
        .iter()
        .filter_map(|comment| {
            let rest = comment.body.strip_prefix("factlint-")?;
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..word_end];
            if DIRECTIVES.iter().any(|(name, _)| *name == word) {
                return None;
            }
            let known = DIRECTIVES
                .iter()
                .map(|(name, _)| format!("`factlint-{name}`"))
                .collect::<Vec<_>>()
                .join(", ");
            Some(
                Diagnostic::new(
                    RuleId::UnusedSuppression,
                    comment.span,
                    format!("unknown directive `factlint-{word}`: it suppresses nothing"),
                )
                .with_help(format!("the directives are {known}")),
            )
        })
        .collect()
}

fn parse_directives<'d>(doc: &'d Document) -> Vec<Directive<'d>> {
    let mut directives = Vec::new();
    for comment in &doc.comments {
        let Some(rest) = comment.body.strip_prefix("factlint-") else {
            continue;
        };
        let Some((kind, rest)) = DIRECTIVES
            .iter()
            .find_map(|(name, kind)| Some((*kind, rest.strip_prefix(name)?)))
        else {
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
            Kind::Line => own_line_span(doc, comment.span.start),
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

/// The line where the comment starts.
fn own_line_span(doc: &Document, comment_start: usize) -> Span {
    let index = &doc.line_index;
    let line = index.line_of(comment_start);
    let start = index.line_start(line).unwrap_or(0);
    let end = index.line_start(line + 1).unwrap_or(doc.source.len());
    Span::new(start, end)
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
    fn a_misspelt_rule_suppresses_nothing_and_is_an_error() {
        let source = "<!-- factlint-disable-file date-wekday -->\nA Tuesday here.\n";
        let doc = Document::parse(source);
        let found = apply(
            &doc,
            &Settings::embedded(),
            vec![finding(RuleId::DateWeekday, source, "Tuesday")],
        );
        let rules: Vec<RuleId> = found.iter().map(|d| d.rule).collect();
        assert_eq!(
            rules,
            vec![RuleId::DateWeekday, RuleId::UnusedSuppression],
            "{found:?}"
        );
        assert_eq!(found[1].severity, Severity::Error);
        assert!(found[1].message.contains("`date-wekday`"));
        // One misspelt name among good ones still makes the comment suppress nothing.
        let source =
            "<!-- factlint-disable-next-line fact-office, date-wekday -->\nA Tuesday here.\n";
        let kept = run(
            source,
            vec![finding(RuleId::DateWeekday, source, "Tuesday")],
        );
        assert_eq!(kept.len(), 2, "{kept:?}");
    }

    #[test]
    fn same_line_comments_suppress_their_own_line() {
        let source =
            "A Tuesday here. <!-- factlint-disable-line date-weekday -->\nA Tuesday there.\n";
        let kept = run(
            source,
            vec![
                finding(RuleId::DateWeekday, source, "Tuesday here"),
                finding(RuleId::DateWeekday, source, "Tuesday there"),
            ],
        );
        assert_eq!(
            kept,
            vec![(RuleId::DateWeekday, "Tuesday there".to_string())]
        );
    }

    #[test]
    fn unknown_directives_are_warnings() {
        let source = "<!-- factlint-disable-nextline date-weekday -->\nA Tuesday here.\n<!-- factlint is great -->\n";
        let doc = Document::parse(source);
        let found = apply(
            &doc,
            &Settings::embedded(),
            vec![finding(RuleId::DateWeekday, source, "Tuesday")],
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].rule, RuleId::UnusedSuppression);
        assert_eq!(found[1].severity, Severity::Warning);
        assert!(found[1]
            .message
            .contains("unknown directive `factlint-disable-nextline`"));
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
