//! The one finding type every rule produces and every output format renders.

use serde::Serialize;

use crate::registry::RuleId;
/// Severity lives in the registry (a leaf); named here too for the library's users.
pub use crate::registry::Severity;
use crate::span::Span;

/// A secondary span with its own short message ("the majority form", "this date").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where the label points.
    pub span: Span,
    /// What the labelled text is, in a few words.
    pub message: String,
}

impl Label {
    /// A label on `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
        }
    }
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes replaced (empty: an insertion).
    pub span: Span,
    /// What they are replaced with.
    pub replacement: String,
}

impl Edit {
    /// Replace the bytes of `span` with `replacement`.
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
        }
    }
}

/// Whether a fix may be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning: applied by `--fix`.
    Safe,
    /// Changes what the article says: applied only with `--unsafe-fixes`.
    Unsafe,
}

/// A set of edits that resolves a finding, applied together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does ("Replace with Tuesday").
    pub title: String,
    /// Whether `--fix` applies it, or only `--unsafe-fixes`.
    pub applicability: Applicability,
    /// The edits, which do not overlap.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that keeps the meaning.
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(title.into(), Applicability::Safe, edits)
    }

    /// A fix that changes what the article says.
    pub fn unsafe_edit(title: impl Into<String>, edits: Vec<Edit>) -> Self {
        Self::new(title.into(), Applicability::Unsafe, edits)
    }

    /// The title as dashboards and editors list it (SARIF, the language server's code
    /// actions): an unsafe fix says so.
    pub fn shown_title(&self) -> String {
        match self.applicability {
            Applicability::Safe => self.title.clone(),
            Applicability::Unsafe => {
                format!("{} (unsafe: changes what the article says)", self.title)
            }
        }
    }

    fn new(title: String, applicability: Applicability, mut edits: Vec<Edit>) -> Self {
        // Kept until the run ends, once per finding: no room for edits never made.
        edits.shrink_to_fit();
        Self {
            title,
            applicability,
            edits,
        }
    }
}

/// Push onto a list that most findings keep at one or two items, growing it by one rather
/// than by four: a long file keeps tens of thousands of findings until the run ends.
fn push_snug<T>(list: &mut Vec<T>, item: T) {
    if list.len() < 4 {
        list.reserve_exact(1);
    }
    list.push(item);
}

/// One finding: built by a rule, adjusted by configuration and suppressions, rendered by an
/// output format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that found it.
    pub rule: RuleId,
    /// Its severity after configuration.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The text it is about.
    pub span: Span,
    /// Other text that explains it (the dates that disagree, the majority form).
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// Provenance of the fact that was used, for fact findings.
    pub source: Option<String>,
    /// Alternative fixes, the preferred one first.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// A finding at the rule's default severity.
    pub fn new(rule: RuleId, span: Span, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: rule.meta().default_severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            help: None,
            source: None,
            fixes: Vec::new(),
        }
    }

    /// The same finding at `severity`.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// The same finding with one more label.
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        push_snug(&mut self.labels, Label::new(span, message));
        self
    }

    /// The same finding with help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same finding naming the fact's provenance.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The same finding with one more fix, after those it has.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        push_snug(&mut self.fixes, fix);
        self
    }

    /// The fix that `--fix` (or `--fix --unsafe-fixes`) would apply.
    pub fn applicable_fix(&self, unsafe_fixes: bool) -> Option<&Fix> {
        self.fixes
            .iter()
            .find(|fix| unsafe_fixes || fix.applicability == Applicability::Safe)
    }
}
