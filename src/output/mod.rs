//! Output formats: one file each. All render the same reports; none decides anything.

pub mod baseline;
pub mod concise;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::FileReport;
use crate::error::InputError;
use crate::line_index::{LineColumn, LineIndex};
use crate::span::Span;

/// What a run produced: a report per file checked, and errors that belong to no file that
/// could be checked (paths that do not exist, loops).
#[derive(Debug, Default)]
pub struct RunReport {
    /// One report per file, in the order they are shown.
    pub files: Vec<FileReport>,
    /// Errors that belong to no file that could be checked.
    pub errors: Vec<InputError>,
    /// Fixes written by `--fix`.
    pub fixed: usize,
    /// Findings hidden because `--baseline` records them.
    pub baselined: usize,
}

impl RunReport {
    /// Every input error, those of checked files included, in path order.
    pub fn all_errors(&self) -> Vec<&InputError> {
        let mut errors: Vec<&InputError> = self
            .errors
            .iter()
            .chain(self.files.iter().flat_map(|f| f.errors.iter()))
            .collect();
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        errors
    }

    /// The counts the summary line and the JSON report give.
    pub fn summary(&self, unsafe_fixes: bool) -> Summary {
        let diagnostics = self.files.iter().flat_map(|f| f.diagnostics.iter());
        let mut summary = Summary {
            files: self.files.iter().filter(|f| f.checked).count(),
            errors: 0,
            warnings: 0,
            infos: 0,
            fixable: 0,
            input_errors: self.all_errors().len(),
        };
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
            if diagnostic.severity > Severity::Info
                && diagnostic.applicable_fix(unsafe_fixes).is_some()
            {
                summary.fixable += 1;
            }
        }
        summary
    }
}

/// The counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Warnings and errors with a fix that would be applied.
    pub fixable: usize,
    /// Input errors, those of checked files included.
    pub input_errors: usize,
}

/// Options shared by the formats.
#[derive(Clone, Copy, Debug)]
pub struct OutputOptions {
    /// Show info-level findings.
    pub verbose: bool,
    /// Findings only: no summary line.
    pub quiet: bool,
    /// Colour (ANSI) in the human format.
    pub color: bool,
    /// The terminal width the human format wraps to.
    pub width: usize,
    /// Count and show unsafe fixes as applicable.
    pub unsafe_fixes: bool,
}

impl Default for OutputOptions {
    fn default() -> Self {
        Self {
            verbose: false,
            quiet: false,
            color: false,
            width: 80,
            unsafe_fixes: false,
        }
    }
}

/// Whether a finding is shown by formats meant for people.
pub fn is_shown(diagnostic: &Diagnostic, options: &OutputOptions) -> bool {
    options.verbose || diagnostic.severity > Severity::Info
}

/// Start and end positions of a span (1-based lines, char columns).
pub fn positions(index: &LineIndex, text: &str, span: Span) -> (LineColumn, LineColumn) {
    (
        index.line_column(text, span.start),
        index.line_column(text, span.end),
    )
}

/// "2 errors", "1 warning".
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}
