//! The one finding type every rule produces and every output format renders.

use std::sync::Arc;

use serde::Serialize;

use crate::registry::RuleId;
/// Severity lives in the registry (a leaf); named here too for the library's users.
pub use crate::registry::Severity;
use crate::span::Span;

/// A secondary span with its own short message ("the majority form", "this date"). The
/// message is shared: a long file's findings repeat a few hundred of them tens of thousands
/// of times (see `engine.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where the label points.
    pub span: Span,
    /// What the labelled text is, in a few words (shared: one rule's findings often label
    /// their evidence alike).
    pub message: Arc<str>,
}

impl Label {
    /// A label on `span`.
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into().into(),
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
    /// What to do about it; shared, as the labels' messages are: one rule's findings often
    /// give the same help.
    pub help: Option<Arc<str>>,
    /// Provenance of the fact that was used, for fact findings.
    pub source: Option<Arc<str>>,
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
        self.help = Some(help.into().into());
        self
    }

    /// The same finding naming the fact's provenance.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into().into());
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

/// The help, fact sources and label messages of one file's findings, each text kept once:
/// a long file's tens of thousands of findings repeat a few thousand texts (the same help
/// for every weekday of one year, the same source for every count of one body).
#[derive(Default)]
pub struct SharedTexts(rustc_hash::FxHashSet<Arc<str>>);

impl SharedTexts {
    /// Point the finding's shared texts at the copies already kept, and give back what its
    /// own strings grew beyond their length: findings are kept until the run ends.
    pub fn share(&mut self, diagnostic: &mut Diagnostic) {
        for text in diagnostic
            .help
            .iter_mut()
            .chain(diagnostic.source.iter_mut())
        {
            self.keep_once(text);
        }
        for label in &mut diagnostic.labels {
            self.keep_once(&mut label.message);
        }
        diagnostic.message.shrink_to_fit();
        for fix in &mut diagnostic.fixes {
            fix.title.shrink_to_fit();
            for edit in &mut fix.edits {
                edit.replacement.shrink_to_fit();
            }
        }
    }

    /// [`SharedTexts::share`] for each finding.
    pub fn share_all(&mut self, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics {
            self.share(diagnostic);
        }
    }

    fn keep_once(&mut self, text: &mut Arc<str>) {
        match self.0.get(&**text) {
            Some(kept) => *text = Arc::clone(kept),
            None => {
                self.0.insert(Arc::clone(text));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_texts_keep_one_copy_and_read_the_same() {
        let finding = |n: usize| {
            Diagnostic::new(RuleId::ALL[0], Span::new(n, n + 1), format!("finding {n}"))
                .with_help(String::from("the same help"))
                .with_source("a source")
                .with_label(Span::new(n, n + 1), String::from("a label"))
        };
        let mut shared = SharedTexts::default();
        let mut first = finding(1);
        let mut second = finding(2);
        let (before_first, before_second) = (first.clone(), second.clone());
        shared.share(&mut first);
        shared.share(&mut second);
        assert_eq!(first, before_first);
        assert_eq!(second, before_second);
        let (a, b) = (first.help.unwrap(), second.help.unwrap());
        assert!(Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(
            &first.labels[0].message,
            &second.labels[0].message
        ));
        assert!(Arc::ptr_eq(
            first.source.as_ref().unwrap(),
            second.source.as_ref().unwrap()
        ));
        assert_eq!(second.message.capacity(), second.message.len());
    }
}
