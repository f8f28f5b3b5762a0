//! Reports for people: each finding as a header, its place (`path:line:column`, columns in
//! characters as in every other format), the lines of its spans only, and its help, fixes and
//! source; then one summary line.
//!
//! Only the lines that carry a span are shown; a gap between them is marked with `┆`. A line
//! wider than the terminal is cut to a window around its spans (`…` where it was cut), so a
//! paragraph of 2 MB on one line prints one screen line. Help text wraps between words, and
//! never inside a URL or a date.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use unicode_width::UnicodeWidthChar;

use super::{is_shown, plural, OutputOptions, RunReport};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::error::InputError;
use crate::line_index::LineIndex;
use crate::registry::RuleId;
use crate::span::Span;

/// Render findings and input errors, then the summary line: what `write_findings` and
/// `write_errors` write, in memory.
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
    let style = Style::new(options);
    let mut block = String::new();
    for file in &report.files {
        let mut shown = file
            .diagnostics
            .iter()
            .filter(|d| is_shown(d, options))
            .peekable();
        if shown.peek().is_none() {
            continue;
        }
        let index = LineIndex::new(&file.source);
        let source = Source {
            path: &file.path,
            text: &file.source,
            index: &index,
        };
        for group in groups(shown.collect()) {
            block.clear();
            render_diagnostic(&mut block, &source, &group, &style);
            block.push('\n');
            out.write_all(block.as_bytes())?;
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
    let style = Style::new(options);
    let mut block = String::new();
    for error in report.all_errors() {
        block.clear();
        render_input_error(&mut block, error, &style);
        block.push('\n');
        err.write_all(block.as_bytes())?;
    }
    Ok(())
}

/// "Found 1 error and 2 warnings in 3 files (2 fixable with --fix, 1 more with --fix
/// --unsafe-fixes)."
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
    let (safe, unsafe_only) = fix_counts(report);
    let mut fixable = Vec::new();
    if safe > 0 {
        fixable.push(format!("{safe} fixable with --fix"));
    }
    if unsafe_only > 0 {
        fixable.push(if safe > 0 {
            format!("{unsafe_only} more with --fix --unsafe-fixes")
        } else {
            format!("{unsafe_only} fixable with --fix --unsafe-fixes")
        });
    }
    if !fixable.is_empty() {
        let _ = write!(line, " ({})", fixable.join(", "));
    }
    if report.fixed > 0 {
        let _ = write!(line, "; fixed {}", plural(report.fixed, "problem"));
    }
    if report.baselined > 0 {
        let _ = write!(
            line,
            "; {} in the baseline not shown",
            plural(report.baselined, "finding")
        );
    }
    if summary.input_errors > 0 {
        // Errors in inputs: files that could not be read, and problems in config, fact
        // files and front matter (a file with one may still have been checked).
        let _ = write!(line, "; {}", plural(summary.input_errors, "input error"));
    }
    line.push('.');
    line
}

/// Findings above info level with a safe fix, and those with only an unsafe one.
fn fix_counts(report: &RunReport) -> (usize, usize) {
    let mut counts = (0, 0);
    for diagnostic in report.files.iter().flat_map(|f| f.diagnostics.iter()) {
        if diagnostic.severity == Severity::Info {
            continue;
        }
        if diagnostic.applicable_fix(false).is_some() {
            counts.0 += 1;
        } else if diagnostic.applicable_fix(true).is_some() {
            counts.1 += 1;
        }
    }
    counts
}

/// Colours (or none) and the width to fit.
struct Style {
    color: bool,
    width: usize,
}

impl Style {
    fn new(options: &OutputOptions) -> Self {
        Self {
            color: options.color,
            // Narrower than this, no snippet is readable anyway.
            width: options.width.max(40),
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> String {
        match severity {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("1;33", "warning"),
            Severity::Info => self.paint("1;36", "info"),
        }
    }

    fn mark(&self, primary: bool, severity: Severity, text: &str) -> String {
        if !primary {
            return self.paint("36", text);
        }
        match severity {
            Severity::Error => self.paint("31", text),
            Severity::Warning => self.paint("33", text),
            Severity::Info => self.paint("36", text),
        }
    }

    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// A file's text with its line index.
struct Source<'a> {
    path: &'a str,
    text: &'a str,
    index: &'a LineIndex,
}

/// A span to underline, and what to say beside it.
struct Mark<'a> {
    span: Span,
    message: Option<&'a str>,
    primary: bool,
}

/// Rules whose findings in one article are shown as one block when they share their help (one
/// judgement about the whole article, such as which spelling it mostly uses): the block lists
/// every flagged form instead of repeating the same lines for each. Each finding is still
/// counted, suppressed and fixed on its own, and machine formats list each.
const GROUPED_RULES: &[RuleId] = &[RuleId::SpellingConsistency];

/// The findings of one file in blocks: a grouped rule's findings with the same severity and
/// help together, at the place of the first; every other finding alone.
fn groups(shown: Vec<&Diagnostic>) -> Vec<Vec<&Diagnostic>> {
    let mut blocks: Vec<Vec<&Diagnostic>> = Vec::new();
    let mut open: HashMap<(RuleId, Severity, Option<&str>), usize> = HashMap::new();
    for diagnostic in shown {
        if GROUPED_RULES.contains(&diagnostic.rule) {
            let key = (
                diagnostic.rule,
                diagnostic.severity,
                diagnostic.help.as_deref(),
            );
            if let Some(&at) = open.get(&key) {
                blocks[at].push(diagnostic);
                continue;
            }
            open.insert(key, blocks.len());
        }
        blocks.push(vec![diagnostic]);
    }
    blocks
}

fn render_diagnostic(out: &mut String, source: &Source, group: &[&Diagnostic], style: &Style) {
    let diagnostic = group[0];
    let rule = diagnostic.rule;
    let mut heading = format!("[{}]: {}", rule.code(), diagnostic.message);
    if group.len() > 1 {
        // Every other flagged form, once each, with how often it occurs.
        let mut forms: Vec<(&str, usize)> = Vec::new();
        for other in &group[1..] {
            let text = other.span.text(source.text);
            match forms.iter_mut().find(|(form, _)| *form == text) {
                Some((_, count)) => *count += 1,
                None => forms.push((text, 1)),
            }
        }
        let listed: Vec<String> = forms
            .iter()
            .map(|(form, count)| match count {
                1 => format!("\"{form}\""),
                _ => format!("\"{form}\" ×{count}"),
            })
            .collect();
        let _ = write!(heading, "; also {}", listed.join(", "));
    }
    header(out, style, diagnostic.severity, &heading);
    let at = source.index.line_column(source.text, diagnostic.span.start);
    let _ = writeln!(
        out,
        "  {} {}:{}:{} {}",
        style.dim("-->"),
        source.path,
        at.line,
        at.column,
        style.dim(&format!("({})", rule.name()))
    );
    let mut marks: Vec<Mark> = group
        .iter()
        .map(|member| Mark {
            span: member.span,
            message: None,
            primary: true,
        })
        .collect();
    // The first finding's labels (its evidence), unless a label marks another finding.
    marks.extend(
        diagnostic
            .labels
            .iter()
            .filter(|label| !group.iter().any(|member| member.span == label.span))
            .map(|label| Mark {
                span: label.span,
                message: Some(&label.message),
                primary: false,
            }),
    );
    snippet(out, source, &marks, diagnostic.severity, style);
    let mut seen: Vec<(String, String)> = Vec::new();
    for member in group {
        for entry in notes(member) {
            if !seen.contains(&entry) {
                note(out, style, &entry.0, &entry.1);
                seen.push(entry);
            }
        }
    }
}

/// The help, the fact's source (once), and each fix with the flag that applies it.
fn notes(diagnostic: &Diagnostic) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    if let Some(help) = &diagnostic.help {
        notes.push(("help".to_string(), help.to_string()));
    }
    if let Some(source) = &diagnostic.source {
        let in_help = diagnostic
            .help
            .as_ref()
            .is_some_and(|help| help.contains(&**source));
        if !in_help {
            notes.push(("source".to_string(), source.to_string()));
        }
    }
    for fix in &diagnostic.fixes {
        let how = match fix.applicability {
            Applicability::Safe => "fix (--fix)",
            Applicability::Unsafe => "unsafe fix (--fix --unsafe-fixes)",
        };
        notes.push((how.to_string(), fix.title.clone()));
    }
    notes
}

fn render_input_error(out: &mut String, error: &InputError, style: &Style) {
    let located = error.span.zip(error.text.as_ref());
    match located {
        Some((span, text)) => {
            header(out, style, Severity::Error, &format!(": {}", error.message));
            let index = LineIndex::new(text);
            let at = index.line_column(text, span.start);
            let _ = writeln!(
                out,
                "  {} {}:{}:{}",
                style.dim("-->"),
                error.path,
                at.line,
                at.column
            );
            let source = Source {
                path: &error.path,
                text,
                index: &index,
            };
            let marks = [Mark {
                span,
                message: Some("here"),
                primary: true,
            }];
            snippet(out, &source, &marks, Severity::Error, style);
        }
        None => header(
            out,
            style,
            Severity::Error,
            &format!(": {}: {}", error.path, error.message),
        ),
    }
    if let Some(help) = &error.help {
        note(out, style, "help", help);
    }
}

/// `warning[FL601]: message`, wrapped to the width.
fn header(out: &mut String, style: &Style, severity: Severity, rest: &str) {
    let word = severity.as_str();
    let lines = wrap(
        rest,
        style.width.saturating_sub(word.len()),
        style.width - 2,
    );
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(out, "{}{line}", style.severity(severity));
        } else {
            let _ = writeln!(out, "  {line}");
        }
    }
}

/// `  = help: text`, continuation lines aligned under the text.
fn note(out: &mut String, style: &Style, what: &str, text: &str) {
    let lead = format!("  = {what}: ");
    // Continuation lines align under the text after a short lead, and indent a little after
    // a long one (`unsafe fix (--fix --unsafe-fixes): `), which would leave them no room.
    let lead_width = lead.chars().count();
    let indent = " ".repeat(if lead_width <= 12 { lead_width } else { 6 });
    let first_width = style.width.saturating_sub(lead.chars().count()).max(20);
    let rest_width = style.width.saturating_sub(indent.len()).max(20);
    let mut first = true;
    for paragraph in text.lines() {
        for line in wrap(paragraph, first_width, rest_width) {
            if first {
                let _ = writeln!(out, "{}{line}", style.dim(&lead));
                first = false;
            } else {
                let _ = writeln!(out, "{indent}{line}");
            }
        }
    }
}

/// Split `text` into lines at most `first` then `rest` columns wide, between words only.
/// A word wider than the line stays whole (a URL is never broken), and the words of a date
/// stay together ("Nov. 28, 2022", "30 November").
fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let words: Vec<(&str, DatePart)> = text
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| (word, DatePart::of(word)))
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // The width of `line`, kept as it grows rather than measured again for every word.
    let mut line_width = 0;
    let mut i = 0;
    while i < words.len() {
        // The run of words from `i` that must stay on one line.
        let mut j = i + 1;
        while j < words.len() && date_glue(words[j - 1], words[j].1) {
            j += 1;
        }
        let chunk = &words[i..j];
        i = j;
        let chunk_width =
            chunk.iter().map(|(word, _)| width_of(word)).sum::<usize>() + chunk.len() - 1;
        let limit = if lines.is_empty() { first } else { rest };
        let needed = line_width + usize::from(!line.is_empty()) + chunk_width;
        if !line.is_empty() && needed > limit {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            line_width += 1;
        }
        for (at, (word, _)) in chunk.iter().enumerate() {
            if at > 0 {
                line.push(' ');
            }
            line.push_str(word);
        }
        line_width += chunk_width;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// What a word may be in a date, for [`date_glue`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum DatePart {
    /// A month's name or abbreviation ("Nov.", "November").
    Month,
    /// Starts with a digit ("28,", "2022").
    Number,
    Other,
}

impl DatePart {
    /// Read without regard to ASCII case, so nothing is lowered or allocated.
    fn of(word: &str) -> DatePart {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let bytes = word.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_digit) {
            DatePart::Number
        } else if (3..=9).contains(&bytes.len())
            && bytes.iter().all(u8::is_ascii_alphabetic)
            && crate::lexicon::MONTH_NAMES
                .iter()
                .any(|month| month.as_bytes()[..3].eq_ignore_ascii_case(&bytes[..3]))
        {
            DatePart::Month
        } else {
            DatePart::Other
        }
    }
}

/// Whether a line may not break between two words because they are parts of one date.
fn date_glue((before, before_part): (&str, DatePart), after_part: DatePart) -> bool {
    use DatePart::{Month, Number};
    matches!((before_part, after_part), (Month, Number) | (Number, Month))
        || (before_part == Number && after_part == Number && before.ends_with(','))
}

fn width_of(text: &str) -> usize {
    // Every ASCII character is one column wide (a control character is shown as a space).
    if text.is_ascii() {
        return text.len();
    }
    text.chars().map(char_width).sum()
}

/// A character's width on screen; tabs and control characters are shown as one space.
fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(1)
    }
}

fn shown_char(c: char) -> char {
    if c.is_control() {
        ' '
    } else {
        c
    }
}

/// The source lines that carry marks, each cut to a window around its marks, with the marks
/// underlined below; a gap between shown lines is marked in the gutter.
fn snippet(out: &mut String, source: &Source, marks: &[Mark], severity: Severity, style: &Style) {
    let text = source.text;
    let index = source.index;
    // Marks grouped by the line they start on; a span running over several lines is marked
    // to the end of its first.
    let mut by_line: Vec<(usize, Vec<&Mark>)> = Vec::new();
    let mut sorted: Vec<&Mark> = marks
        .iter()
        .filter(|mark| mark.span.start <= text.len())
        .collect();
    sorted.sort_by_key(|mark| (index.line_of(mark.span.start), mark.span.start));
    for mark in sorted {
        let line = index.line_of(mark.span.start);
        match by_line.last_mut() {
            Some((last, group)) if *last == line => group.push(mark),
            _ => by_line.push((line, vec![mark])),
        }
    }
    let Some(last_line) = by_line.last().map(|(line, _)| *line) else {
        return;
    };
    let gutter = (last_line + 1).to_string().len();
    let available = style.width.saturating_sub(gutter + 3).max(20);
    let blank_gutter = " ".repeat(gutter);
    // Marks too far apart to share a window show the line once per group of close marks.
    let room = available - 2;
    let windows = by_line.into_iter().flat_map(|(line, group)| {
        let mut clusters: Vec<(usize, Vec<&Mark>)> = Vec::new();
        for mark in group {
            match clusters.last_mut() {
                Some((_, cluster))
                    if near(text, cluster[0].span.start, mark.span.end, room * 2 / 3) =>
                {
                    cluster.push(mark)
                }
                _ => clusters.push((line, vec![mark])),
            }
        }
        clusters
    });
    let mut previous: Option<usize> = None;
    for (line, group) in windows {
        let line = &line;
        let group = &group;
        let start = index.line_start(*line).unwrap_or(0);
        let end = line_end(text, start);
        let bar = match previous {
            Some(previous) if *line > previous + 1 || *line == previous => "┆",
            _ => "│",
        };
        previous = Some(*line);
        let window = Window::around(text, start, end, group, available);
        let _ = writeln!(
            out,
            "{} {} {}",
            style.dim(&format!("{:>gutter$}", line + 1)),
            style.dim(bar),
            window.shown
        );
        underline(
            out,
            style,
            text,
            &blank_gutter,
            &window,
            group,
            severity,
            end,
        );
    }
}

/// Whether the text from `from` to `to` is at most `columns` wide (reading no more of it than
/// that).
fn near(text: &str, from: usize, to: usize, columns: usize) -> bool {
    let to = floor_boundary(text, to.max(from));
    if to - from <= columns {
        return true;
    }
    let mut width = 0;
    for c in text[from..to].chars() {
        width += char_width(c);
        if width > columns {
            return false;
        }
    }
    true
}

/// The end of the line starting at `start` (before its line break).
fn line_end(text: &str, start: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |at| start + at)
}

/// The part of a line that is shown, and where it starts.
struct Window {
    /// The text shown, with `…` where the line was cut.
    shown: String,
    /// Byte offset of the first character shown.
    from: usize,
    /// Byte offset after the last character shown.
    to: usize,
    /// Screen columns taken by a leading `…` (0 or 1).
    lead: usize,
}

impl Window {
    /// The whole line when it fits; otherwise a window that starts a little before the first
    /// mark and takes as many of the marks as fit. Work is bounded by the window's width,
    /// however long the line.
    fn around(text: &str, start: usize, end: usize, marks: &[&Mark], available: usize) -> Window {
        let line = text[start..end].trim_end_matches('\r');
        let end = start + line.len();
        if line.len() <= available || width_of(line) <= available {
            return Window {
                shown: line.chars().map(shown_char).collect(),
                from: start,
                to: end,
                lead: 0,
            };
        }
        let first = marks
            .iter()
            .map(|m| m.span.start)
            .min()
            .unwrap_or(start)
            .clamp(start, end);
        let last = marks
            .iter()
            .map(|m| m.span.end.min(end))
            .max()
            .unwrap_or(first)
            .max(first);
        // Room for the text: the line less an ellipsis at each end.
        let room = available - 2;
        let marked = width_of(&text[first..floor_boundary(text, last.min(first + 4 * room))]);
        // The last mark's message is written after it: keep room for it on the row.
        let tail = marks
            .iter()
            .rev()
            .find_map(|m| m.message)
            .map_or(0, |message| width_of(message) + 1);
        let last_column_limit = available.saturating_sub(tail + 1).max(room / 2);
        // Context before the first mark: a third of the room, less when the marks (and the
        // message after them) need it.
        let context = if marked < room {
            ((room - marked) / 2)
                .min(room / 3)
                .min(last_column_limit.saturating_sub(marked))
        } else {
            room / 6
        };
        let mut from = first;
        let mut taken = 0;
        for c in text[start..first].chars().rev() {
            let w = char_width(c);
            if taken + w > context {
                break;
            }
            taken += w;
            from -= c.len_utf8();
        }
        let mut to = from;
        let mut used = 0;
        for c in text[from..end].chars() {
            let w = char_width(c);
            if used + w > room {
                break;
            }
            used += w;
            to += c.len_utf8();
        }
        // At the end of the line: use the room left over for more context before, as long
        // as the last mark's message still fits after it.
        if to == end {
            let mut to_last = width_of(&text[from..last.clamp(from, to)]);
            for c in text[start..from].chars().rev() {
                let w = char_width(c);
                if used + w > room || to_last + w > last_column_limit {
                    break;
                }
                used += w;
                to_last += w;
                from -= c.len_utf8();
            }
        }
        let lead = usize::from(from > start);
        let mut shown = String::new();
        if lead == 1 {
            shown.push('…');
        }
        shown.extend(text[from..to].chars().map(shown_char));
        if to < end {
            shown.push('…');
        }
        Window {
            shown,
            from,
            to,
            lead,
        }
    }

    /// The screen column (from the start of the shown text) of a byte offset in the window.
    fn column(&self, text: &str, offset: usize) -> usize {
        self.lead + width_of(&text[self.from..offset.clamp(self.from, self.to)])
    }
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The row of marks under a shown line (`^^^` for the finding, `---` for its labels), the
/// rightmost label's message beside it, and a row for each other label's message. A mark
/// past the window's end is named by its column instead.
#[allow(clippy::too_many_arguments)]
fn underline(
    out: &mut String,
    style: &Style,
    text: &str,
    blank_gutter: &str,
    window: &Window,
    group: &[&Mark],
    severity: Severity,
    line_end: usize,
) {
    let mut placed: Vec<(usize, usize, &Mark)> = Vec::new();
    let mut beyond: Vec<&Mark> = Vec::new();
    for mark in group {
        let cut_off =
            mark.span.start > window.to || (mark.span.start == window.to && window.to < line_end);
        if cut_off {
            beyond.push(mark);
            continue;
        }
        let start = window.column(text, mark.span.start);
        let end = window.column(text, mark.span.end.min(line_end));
        placed.push((start, end.max(start + 1), mark));
    }
    let mut row = String::new();
    let mut at = 0;
    for (start, end, mark) in &placed {
        if *start < at {
            continue;
        }
        row.push_str(&" ".repeat(start - at));
        let glyph = if mark.primary { "^" } else { "-" };
        row.push_str(&style.mark(mark.primary, severity, &glyph.repeat(end - start)));
        at = *end;
    }
    // The last placed label's message goes on the row itself; the others below it.
    let mut below: Vec<(usize, &str)> = placed
        .iter()
        .filter_map(|(start, _, mark)| mark.message.map(|m| (*start, m)))
        .collect();
    let available = style.width.saturating_sub(blank_gutter.len() + 3);
    let mut own_row: Option<(usize, &str)> = None;
    // Marks on one row that say the same thing say it once, after the last of them.
    if let Some(&(last_start, last)) = below.last() {
        below.retain(|(_, message)| *message != last);
        below.push((last_start, last));
    }
    if let Some((start, message)) = below.pop() {
        if at + 1 + width_of(message) <= available {
            row.push(' ');
            row.push_str(message);
        } else {
            own_row = Some((start, message));
        }
    }
    let _ = writeln!(out, "{blank_gutter} {} {row}", style.dim("│"));
    // Each other message on a row of its own, under its mark's start, or further left when
    // it would not fit there.
    for (start, message) in own_row.into_iter().chain(below.into_iter().rev()) {
        let indent = start.min(available.saturating_sub(width_of(message) + 2));
        let _ = writeln!(
            out,
            "{blank_gutter} {} {}╰ {message}",
            style.dim("│"),
            " ".repeat(indent)
        );
    }
    for mark in beyond {
        let column = text[line_start_of(text, mark.span.start)..mark.span.start]
            .chars()
            .count()
            + 1;
        let message = mark.message.unwrap_or("here");
        let _ = writeln!(
            out,
            "{blank_gutter} {} {}",
            style.dim("│"),
            style.dim(&format!(
                "… {message} (column {column}, past the part shown)"
            ))
        );
    }
}

fn line_start_of(text: &str, offset: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::FileReport;
    use crate::registry::RuleId;

    #[test]
    fn wrapping_never_breaks_a_url_or_a_date() {
        let text = "judged as of Nov. 28, 2022 (source: https://example.org/a/very/long/path/to/the/page.htm) on 30 November 2022";
        for width in 10..60 {
            let lines = wrap(text, width, width);
            let joined = lines.join("\n");
            assert!(joined.contains("Nov. 28, 2022"), "{width}: {joined}");
            assert!(joined.contains("30 November 2022"), "{width}: {joined}");
            assert!(
                joined.contains("https://example.org/a/very/long/path/to/the/page.htm)"),
                "{width}: {joined}"
            );
            assert_eq!(lines.join(" "), text);
        }
    }

    fn render_one(source: &str, diagnostic: Diagnostic, width: usize) -> String {
        let report = RunReport {
            files: vec![FileReport {
                path: "a.md".to_string(),
                source: std::sync::Arc::new(source.to_string()),
                diagnostics: vec![diagnostic],
                publication: None,
                errors: Vec::new(),
                checked: true,
            }],
            ..RunReport::default()
        };
        let options = OutputOptions {
            quiet: true,
            width,
            ..OutputOptions::default()
        };
        render(&report, &options).0
    }

    #[test]
    fn only_the_labelled_lines_are_shown_and_gaps_are_marked() {
        let source = "one Tuesday\ntwo\nthree\nfour\nfive Monday\n";
        let start = source.find("Tuesday").unwrap();
        let label = source.find("Monday").unwrap();
        let diagnostic = Diagnostic::new(RuleId::DateWeekday, Span::new(start, start + 7), "m")
            .with_label(Span::new(label, label + 6), "here");
        let out = render_one(source, diagnostic, 80);
        assert_eq!(
            out,
            "error[FL101]: m\n  --> a.md:1:5 (date-weekday)\n1 │ one Tuesday\n  │     ^^^^^^^\n5 ┆ five Monday\n  │      ------ here\n\n"
        );
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_span() {
        let source = format!("{}Tuesday{}\n", "é ".repeat(5_000), " x".repeat(5_000));
        let start = source.find("Tuesday").unwrap();
        let diagnostic = Diagnostic::new(RuleId::DateWeekday, Span::new(start, start + 7), "m");
        let out = render_one(&source, diagnostic, 80);
        assert!(out.contains("a.md:1:10001 "), "{out}");
        for line in out.lines() {
            assert!(line.chars().count() <= 80, "{line}");
        }
        let shown = out.lines().nth(2).unwrap();
        let marks = out.lines().nth(3).unwrap();
        assert!(
            shown.starts_with("1 │ …é é") && shown.ends_with('…'),
            "{shown}"
        );
        // The marks sit under the word, whatever the characters before it.
        let column = shown.chars().position(|c| c == 'T').unwrap();
        assert_eq!(marks.chars().position(|c| c == '^'), Some(column), "{out}");
    }
}
