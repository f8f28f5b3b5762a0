//! Reports for people: miette's graphical rendering, one shared source per file, and a
//! closing summary line.

use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{is_shown, plural, OutputOptions, RunReport};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::error::NamedInputError;
use crate::line_index::LineIndex;

/// One finding bound to its file's source, as miette wants it.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    /// None when the snippet cannot be shown (see `MAX_SNIPPET_COLUMN`).
    source: Option<&'a IndexedSource>,
    help: Option<String>,
}

/// miette pads underlines with a width argument, and Rust's formatting panics past 65,535;
/// a tab counts up to four columns, so spans further into their line than this many bytes
/// are reported with their line and column instead of a snippet.
const MAX_SNIPPET_COLUMN: usize = 16_000;

/// Whether every span of a finding lies near enough to the start of its line to be shown.
fn fits_snippet(index: &LineIndex, diagnostic: &Diagnostic) -> bool {
    let column = |offset: usize| {
        let line_start = index.line_start(index.line_of(offset)).unwrap_or(0);
        offset.saturating_sub(line_start)
    };
    std::iter::once(diagnostic.span)
        .chain(diagnostic.labels.iter().map(|label| label.span))
        .all(|span| {
            column(span.start) <= MAX_SNIPPET_COLUMN && column(span.end) <= MAX_SNIPPET_COLUMN
        })
}

/// A file's source for miette that finds a snippet's lines with the line index. miette's own
/// `SourceCode` for strings scans from the start of the file for every finding, which makes
/// many findings in a long file quadratic.
struct IndexedSource {
    name: String,
    text: Arc<String>,
    index: LineIndex,
}

impl SourceCode for IndexedSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let end = span.offset() + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // Only the lines miette shows: the span's, and the context lines around them.
        let first_line = self
            .index
            .line_of(span.offset())
            .saturating_sub(context_lines_before);
        let last_line = self.index.line_of(end) + context_lines_after + 1;
        let window_start = self.index.line_start(first_line).unwrap_or(0);
        let window_end = self.index.line_start(last_line + 1).unwrap_or(text.len());
        let window = &text[window_start..window_end];
        let local = SourceSpan::new((span.offset() - window_start).into(), span.len());
        let contents = window.read_span(&local, context_lines_before, context_lines_after)?;
        let shifted = SourceSpan::new(
            (contents.span().offset() + window_start).into(),
            contents.span().len(),
        );
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            shifted,
            contents.line() + first_line,
            contents.column(),
            contents.line_count() + first_line,
        )
        .with_language("markdown");
        Ok(Box::new(contents))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let rule = self.diagnostic.rule;
        Some(Box::new(format!("{}({})", rule.name(), rule.code())))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        let primary = LabeledSpan::new_primary_with_span(None, self.diagnostic.span);
        let secondary = self
            .diagnostic
            .labels
            .iter()
            .map(|label| LabeledSpan::new_with_span(Some(label.message.clone()), label.span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn help_text(diagnostic: &Diagnostic) -> Option<String> {
    let mut help = diagnostic.help.clone().unwrap_or_default();
    if let Some(source) = &diagnostic.source {
        if !help.is_empty() {
            help.push('\n');
        }
        let _ = write!(help, "source: {source}");
    }
    for fix in &diagnostic.fixes {
        if !help.is_empty() {
            help.push('\n');
        }
        let how = match fix.applicability {
            Applicability::Safe => "fix (--fix)",
            Applicability::Unsafe => "unsafe fix (--fix --unsafe-fixes)",
        };
        let _ = write!(help, "{how}: {}", fix.title);
    }
    (!help.is_empty()).then_some(help)
}

fn handler(options: &OutputOptions) -> GraphicalReportHandler {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
}

/// Render findings and input errors, then the summary line: what [`write_findings`] and
/// [`write_errors`] write, in memory.
pub fn render(report: &RunReport, options: &OutputOptions) -> (String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    write_findings(report, options, &mut out).expect("writing to memory cannot fail");
    write_errors(report, options, &mut err).expect("writing to memory cannot fail");
    (
        String::from_utf8(out).expect("reports are UTF-8"),
        String::from_utf8(err).expect("reports are UTF-8"),
    )
}

/// Write each finding as it is rendered (a long file's reports are never all held in
/// memory at once), then the summary line unless quiet.
pub fn write_findings(
    report: &RunReport,
    options: &OutputOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let handler = handler(options);
    let mut rendered_report = String::new();
    for file in &report.files {
        let shown: Vec<&Diagnostic> = file
            .diagnostics
            .iter()
            .filter(|d| is_shown(d, options))
            .collect();
        if shown.is_empty() {
            continue;
        }
        let source = IndexedSource {
            name: file.path.clone(),
            text: Arc::clone(&file.source),
            index: LineIndex::new(&file.source),
        };
        let index = &source.index;
        for diagnostic in shown {
            let fits = fits_snippet(index, diagnostic);
            let mut help = help_text(diagnostic);
            if !fits {
                let at = index.line_column(&file.source, diagnostic.span.start);
                let location = format!(
                    "at {}:{}:{} (the line is too long to show)",
                    file.path, at.line, at.column
                );
                help = Some(help.map_or(location.clone(), |help| format!("{location}\n{help}")));
            }
            let rendered = Rendered {
                diagnostic,
                source: fits.then_some(&source),
                help,
            };
            rendered_report.clear();
            let _ = handler.render_report(&mut rendered_report, &rendered);
            rendered_report.push('\n');
            out.write_all(rendered_report.as_bytes())?;
        }
    }
    if !options.quiet {
        writeln!(out, "{}", summary_line(report, options))?;
    }
    Ok(())
}

/// Write the input errors (unreadable files, bad config), each pointing into its file.
pub fn write_errors(
    report: &RunReport,
    options: &OutputOptions,
    err: &mut dyn Write,
) -> io::Result<()> {
    let handler = handler(options);
    let mut rendered = String::new();
    for error in report.all_errors() {
        rendered.clear();
        let _ = handler.render_report(&mut rendered, &NamedInputError::new(error));
        rendered.push('\n');
        err.write_all(rendered.as_bytes())?;
    }
    Ok(())
}

/// "Found 1 error and 2 warnings (2 fixable with --fix) in 3 files."
pub fn summary_line(report: &RunReport, options: &OutputOptions) -> String {
    let summary = report.summary(options.unsafe_fixes);
    let mut parts = Vec::new();
    if summary.errors > 0 {
        parts.push(plural(summary.errors, "error"));
    }
    if summary.warnings > 0 {
        parts.push(plural(summary.warnings, "warning"));
    }
    if options.verbose && summary.infos > 0 {
        parts.push(plural(summary.infos, "info"));
    }
    let files = plural(summary.files, "file");
    let mut line = if parts.is_empty() {
        format!("No problems found in {files}")
    } else {
        format!("Found {} in {files}", parts.join(" and "))
    };
    if summary.fixable > 0 {
        let flag = if options.unsafe_fixes {
            "--fix --unsafe-fixes"
        } else {
            "--fix"
        };
        let _ = write!(line, " ({} fixable with {flag})", summary.fixable);
    }
    if report.fixed > 0 {
        let _ = write!(line, "; fixed {}", plural(report.fixed, "problem"));
    }
    if summary.input_errors > 0 {
        let _ = write!(
            line,
            "; {} could not be checked",
            plural(summary.input_errors, "input")
        );
    }
    line.push('.');
    line
}
