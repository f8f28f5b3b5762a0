//! The rules' unit-test kit: lint a text against the frozen test fact base, today fixed.

use std::sync::{Arc, OnceLock};

use crate::config::Config;
use crate::facts::FactBase;
use crate::registry::RuleId;
use crate::style::StyleData;
use crate::{check_source, Settings};

fn settings() -> Settings {
    static FACTS: OnceLock<Arc<FactBase>> = OnceLock::new();
    let facts = FACTS.get_or_init(|| {
        Arc::new(
            FactBase::from_texts(&[(
                "tests/facts/test-facts.toml",
                include_str!("../../tests/facts/test-facts.toml"),
            )])
            .expect("the frozen test facts are valid"),
        )
    });
    let mut settings = Settings::new(Config::zero(), Arc::clone(facts), StyleData::embedded());
    // Fixed, as in the integration tests' kit (`tests/common`): a year is never inferred
    // after it, so verdicts do not move with the calendar.
    settings.today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("a valid date");
    settings
}

/// All of `rule`'s findings, at every level, with the kit's settings changed by `configure`
/// (a house dialect, a rule turned off).
pub fn diagnostics_with(
    rule: RuleId,
    text: &str,
    configure: impl FnOnce(&mut Settings),
) -> Vec<crate::diagnostic::Diagnostic> {
    let mut settings = settings();
    configure(&mut settings);
    check_source("test.md", text, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// The spanned texts of `rule`'s findings at warning level or above.
pub fn findings(rule: RuleId, text: &str) -> Vec<String> {
    let report = check_source("test.md", text, &settings());
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule && d.severity > crate::diagnostic::Severity::Info)
        .map(|d| d.span.text(text).to_string())
        .collect()
}

/// The messages of `rule`'s findings at warning level or above.
pub fn messages(rule: RuleId, text: &str) -> Vec<String> {
    let report = check_source("test.md", text, &settings());
    report
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule && d.severity > crate::diagnostic::Severity::Info)
        .map(|d| d.message)
        .collect()
}

/// The severities of `rule`'s findings, in order.
pub fn severities(rule: RuleId, text: &str) -> Vec<crate::diagnostic::Severity> {
    let report = check_source("test.md", text, &settings());
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| d.severity)
        .collect()
}

#[track_caller]
pub fn assert_fires(rule: RuleId, text: &str, spanned: &str) {
    let found = findings(rule, text);
    assert!(
        found.iter().any(|f| f == spanned),
        "`{rule}` should fire on {spanned:?} in {text:?}; found {found:?}"
    );
}

/// `rule` fires with a message that contains `expected`.
#[track_caller]
pub fn assert_says(rule: RuleId, text: &str, expected: &str) {
    let found = messages(rule, text);
    assert!(
        found.iter().any(|m| m.contains(expected)),
        "`{rule}` should say {expected:?} on {text:?}; said {found:?}"
    );
}

#[track_caller]
pub fn assert_silent(rule: RuleId, text: &str) {
    let found = findings(rule, text);
    assert!(
        found.is_empty(),
        "`{rule}` must stay silent on {text:?}; found {found:?}"
    );
}
