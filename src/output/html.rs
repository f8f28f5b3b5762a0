//! `--format html`: one self-contained page for people who read articles rather than source.
//! Each article is rendered from its Markdown with every finding marked in place, underlined by
//! severity; the message, help, fix and fact source show on hover, focus or click; a summary per
//! article and per rule, filters, and keys from finding to finding.
//!
//! Everything taken from an article is escaped: raw HTML is shown as text, links are followed
//! only to `http(s)` and `mailto` addresses, images are never loaded. A Content-Security-Policy
//! allows only the page's own style and script (by nonce), so even a mistake here cannot run an
//! article's script. The page needs no network; without scripts it still lists every finding.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

use super::{is_shown, plural, positions, OutputOptions, RunReport};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::FileReport;
use crate::front_matter::FrontMatter;
use crate::line_index::LineIndex;

/// The page's style and script, shared with `factlint serve`.
pub const CSS: &str = include_str!("html/report.css");
pub const SCRIPT: &str = include_str!("html/report.js");

/// Write the whole report as one HTML page.
pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    let nonce = nonce();
    let mut page = String::with_capacity(16 * 1024);
    head(&mut page, "factlint report", &nonce, "");
    let summary = report.summary(options.unsafe_fixes);
    let _ = write!(
        page,
        "<header class=\"top\"><h1>factlint report</h1><p class=\"totals\">{} checked: {}, {}{}.</p>",
        plural(summary.files, "file"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        infos(summary.infos, options),
    );
    controls(&mut page);
    page.push_str("</header>\n<main>\n");
    rule_summary(&mut page, report, options);
    // Problems of articles that are shown are shown with them.
    let unshown = report.files.iter().filter(|f| !f.checked);
    for error in report
        .errors
        .iter()
        .chain(unshown.flat_map(|f| f.errors.iter()))
    {
        let _ = writeln!(
            page,
            "<p class=\"input-error\" role=\"alert\"><strong>{}</strong>: {}</p>",
            escape(&error.path),
            escape(&error.message)
        );
    }
    let checked: Vec<&FileReport> = report.files.iter().filter(|f| f.checked).collect();
    if checked.len() > 1 {
        contents(&mut page, &checked, options);
    }
    out.write_all(page.as_bytes())?;
    let mut next_id = 0;
    for (n, file) in checked.iter().enumerate() {
        let section = render_file(file, options, &mut next_id);
        write!(out, "<div id=\"file-{}\">", n + 1)?;
        out.write_all(section.as_bytes())?;
        out.write_all(b"</div>\n")?;
    }
    page.clear();
    page.push_str("</main>\n");
    tail(&mut page, &nonce, "");
    out.write_all(page.as_bytes())
}

/// With several articles: those with findings, linked, and how many have none.
fn contents(page: &mut String, files: &[&FileReport], options: &OutputOptions) {
    page.push_str(
        "<nav class=\"contents\" aria-labelledby=\"articles\"><h2 id=\"articles\">Articles</h2><ul>\n",
    );
    let mut clean = 0;
    for (n, file) in files.iter().enumerate() {
        let mut counts = [0; 3];
        for d in file.diagnostics.iter().filter(|d| is_shown(d, options)) {
            counts[severity_index(d.severity)] += 1;
        }
        if counts.iter().sum::<usize>() == 0 && file.errors.is_empty() {
            clean += 1;
            continue;
        }
        let _ = writeln!(
            page,
            "<li><a href=\"#file-{}\">{}</a>: {}, {}{}</li>",
            n + 1,
            escape(&file.path),
            plural(counts[0], "error"),
            plural(counts[1], "warning"),
            infos(counts[2], options),
        );
    }
    page.push_str("</ul>\n");
    if clean > 0 {
        let _ = writeln!(
            page,
            "<p class=\"totals\">{} without findings (shown below too).</p>",
            plural(clean, "article")
        );
    }
    page.push_str("</nav>\n");
}

/// The whole page as a string (tests, fuzzing).
pub fn render(report: &RunReport, options: &OutputOptions) -> String {
    let mut out = Vec::new();
    write(report, options, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the page is UTF-8")
}

/// ", 2 infos" when infos are shown (`--verbose`), else nothing.
fn infos(count: usize, options: &OutputOptions) -> String {
    if options.verbose {
        format!(", {}", plural(count, "info"))
    } else {
        String::new()
    }
}

/// A random nonce for the page's Content-Security-Policy (from the standard library's
/// randomly keyed hasher: no extra dependency for 128 bits).
pub fn nonce() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut text = String::new();
    for round in 0..2u8 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u8(round);
        let _ = write!(text, "{:016x}", hasher.finish());
    }
    text
}

/// The document head: the policy, the style. `extra_csp` adds directives (`connect-src`).
pub fn head(page: &mut String, title: &str, nonce: &str, extra_csp: &str) {
    let _ = write!(
        page,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"factlint {}\">\n\
         <title>{}</title>\n<style nonce=\"{nonce}\">\n{CSS}</style>\n</head>\n<body>\n",
        csp(nonce, extra_csp),
        env!("CARGO_PKG_VERSION"),
        escape(title),
    );
}

/// Only the page's own style and script; no images, fonts, frames, forms or connections.
pub fn csp(nonce: &str, extra: &str) -> String {
    format!(
        "default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; \
         img-src 'none'; base-uri 'none'; form-action 'none'{extra}"
    )
}

/// The popup and the script (and `extra_script` after it), then the end of the page.
pub fn tail(page: &mut String, nonce: &str, extra_script: &str) {
    let _ = write!(
        page,
        "<div id=\"fl-pop\" class=\"pop\" role=\"tooltip\" hidden></div>\n\
         <script nonce=\"{nonce}\">\n{SCRIPT}</script>\n"
    );
    if !extra_script.is_empty() {
        let _ = write!(
            page,
            "<script nonce=\"{nonce}\">\n{extra_script}</script>\n"
        );
    }
    page.push_str("</body>\n</html>\n");
}

/// Filters by severity and rule; hidden until the script fills and shows them.
pub fn controls(page: &mut String) {
    page.push_str(
        "<nav class=\"controls\" aria-label=\"Filters\" hidden>\
         <fieldset><legend>Severity</legend>\
         <label><input type=\"checkbox\" data-filter-sev=\"error\" checked> errors</label> \
         <label><input type=\"checkbox\" data-filter-sev=\"warning\" checked> warnings</label> \
         <label><input type=\"checkbox\" data-filter-sev=\"info\" checked> infos</label>\
         </fieldset><fieldset class=\"rules\"><legend>Rules</legend></fieldset>\
         <p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> \
         previous, <kbd>Esc</kbd> close.</p></nav>\n",
    );
}

/// Findings per rule over every file.
fn rule_summary(page: &mut String, report: &RunReport, options: &OutputOptions) {
    let mut counts: BTreeMap<(&str, &str), [usize; 3]> = BTreeMap::new();
    for diagnostic in report.files.iter().flat_map(|f| f.diagnostics.iter()) {
        if is_shown(diagnostic, options) {
            let row = counts
                .entry((diagnostic.rule.code(), diagnostic.rule.name()))
                .or_default();
            row[severity_index(diagnostic.severity)] += 1;
        }
    }
    if counts.is_empty() {
        page.push_str("<p class=\"clean\">No findings.</p>\n");
        return;
    }
    page.push_str("<section class=\"summary\" aria-labelledby=\"by-rule\"><h2 id=\"by-rule\">Findings by rule</h2>\n");
    count_table(page, &counts);
    page.push_str("</section>\n");
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn count_table(page: &mut String, counts: &BTreeMap<(&str, &str), [usize; 3]>) {
    page.push_str(
        "<table class=\"counts\"><thead><tr><th scope=\"col\">Rule</th>\
         <th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Infos</th></tr></thead><tbody>\n",
    );
    for ((code, name), row) in counts {
        let _ = writeln!(
            page,
            "<tr><th scope=\"row\"><code>{code}</code> {name}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            row[0], row[1], row[2]
        );
    }
    page.push_str("</tbody></table>\n");
}

/// One article: its header and summary, the rendered text with findings marked, and the list
/// of findings (which the marks and the popup refer to). Ids start at `next_id`, which is moved
/// past them, so several articles share one page.
pub fn render_file(file: &FileReport, options: &OutputOptions, next_id: &mut usize) -> String {
    let source = file.source.as_str();
    let findings: Vec<(usize, &Diagnostic)> = file
        .diagnostics
        .iter()
        .filter(|d| is_shown(d, options))
        .map(|d| {
            *next_id += 1;
            (*next_id, d)
        })
        .collect();
    let mut body = Renderer::new(source, &findings);
    let (front_matter, start) = front_matter(source);
    body.walk(start);
    let Renderer { html, marked, .. } = body;

    let mut page = String::with_capacity(html.len() + 4096);
    let _ = write!(
        page,
        "<article class=\"file\" aria-label=\"{}\">\n<h2 class=\"path\">{}</h2>\n",
        escape(&file.path),
        escape(&file.path)
    );
    let mut counts: BTreeMap<(&str, &str), [usize; 3]> = BTreeMap::new();
    let mut totals = [0; 3];
    for (_, d) in &findings {
        counts.entry((d.rule.code(), d.rule.name())).or_default()[severity_index(d.severity)] += 1;
        totals[severity_index(d.severity)] += 1;
    }
    let _ = write!(
        page,
        "<p class=\"totals\">{}, {}{}.",
        plural(totals[0], "error"),
        plural(totals[1], "warning"),
        infos(totals[2], options),
    );
    match &file.publication {
        Some(publication) => {
            let _ = write!(
                page,
                " Judged as of <time datetime=\"{date}\">{date}</time> ({}).",
                escape(&publication.reason),
                date = publication.date.format("%Y-%m-%d"),
            );
        }
        None => page.push_str(" No publication date: rules that need one stayed silent."),
    }
    page.push_str("</p>\n");
    if let Some(front_matter) = &front_matter {
        front_matter_summary(&mut page, front_matter);
    }
    for error in &file.errors {
        let _ = writeln!(
            page,
            "<p class=\"input-error\" role=\"alert\">{}</p>",
            escape(&error.message)
        );
    }
    if !counts.is_empty() {
        page.push_str("<details class=\"file-rules\"><summary>By rule</summary>");
        count_table(&mut page, &counts);
        page.push_str("</details>\n");
    }
    page.push_str("<div class=\"text\">\n");
    page.push_str(&html);
    page.push_str("</div>\n");
    findings_list(&mut page, file, &findings, &marked);
    page.push_str("</article>\n");
    page
}

/// The front matter (parsed again here: the document model is the rules' business) and where
/// the Markdown starts.
fn front_matter(source: &str) -> (Option<FrontMatter>, usize) {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let front_matter = FrontMatter::detect(source, bom);
    let start = front_matter.as_ref().map_or(bom, |fm| fm.span.end);
    (front_matter, start)
}

/// A few top-level keys with short values (title, date, author...), not the whole block.
fn front_matter_summary(page: &mut String, front_matter: &FrontMatter) {
    page.push_str("<dl class=\"front-matter\" aria-label=\"Front matter\">");
    for (key, value) in front_matter.values.iter().take(12) {
        let text = match value {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Array(items) => items
                .iter()
                .map(|item| match item {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        let short: String = text.chars().take(160).collect();
        let ellipsis = if short.len() < text.len() { "…" } else { "" };
        let _ = write!(
            page,
            "<div><dt>{}</dt><dd>{}{ellipsis}</dd></div>",
            escape(key),
            escape(&short)
        );
    }
    if let Some((message, _)) = &front_matter.error {
        let _ = write!(
            page,
            "<div><dt>error</dt><dd>{}</dd></div>",
            escape(message)
        );
    }
    page.push_str("</dl>\n");
}

/// The list every mark refers to: readable without the script, the popup's content with it.
fn findings_list(
    page: &mut String,
    file: &FileReport,
    findings: &[(usize, &Diagnostic)],
    marked: &[bool],
) {
    if findings.is_empty() {
        page.push_str("<p class=\"clean\">No findings in this article.</p>\n");
        return;
    }
    let source = file.source.as_str();
    let index = LineIndex::new(source);
    page.push_str("<h3>Findings</h3>\n<ol class=\"findings\">\n");
    for (n, (id, d)) in findings.iter().enumerate() {
        let (start, _) = positions(&index, source, d.span);
        let severity = d.severity.as_str();
        let _ = write!(
            page,
            "<li id=\"d{id}\" class=\"finding {severity}\" data-f=\"{id}\" data-rule=\"{}\" data-sev=\"{severity}\">\
             <a class=\"where\" href=\"#f{id}\">{}:{}</a> <span class=\"sev\">{severity}</span> \
             <code class=\"rule\">{} {}</code> <span class=\"msg\">{}</span>",
            d.rule.name(),
            start.line,
            start.column,
            d.rule.code(),
            d.rule.name(),
            escape(&d.message),
        );
        if !marked.get(n).copied().unwrap_or(false) {
            let _ = write!(
                page,
                " <span class=\"unmarked\">(at “{}”, not shown as text)</span>",
                escape(&clip(d.span.text(source), 80))
            );
        }
        page.push_str("<div class=\"more\">");
        if let Some(help) = &d.help {
            let _ = write!(page, "<p class=\"help\"><b>Help:</b> {}</p>", escape(help));
        }
        for fix in &d.fixes {
            let edits: Vec<String> = fix
                .edits
                .iter()
                .map(|edit| {
                    format!(
                        "“{}” → “{}”",
                        escape(&clip(edit.span.text(source), 60)),
                        escape(&clip(&edit.replacement, 60))
                    )
                })
                .collect();
            let _ = write!(
                page,
                "<p class=\"fix\"><b>Fix ({}):</b> {}{}{}</p>",
                match fix.applicability {
                    crate::diagnostic::Applicability::Safe => "safe",
                    crate::diagnostic::Applicability::Unsafe => "needs review",
                },
                escape(&fix.title),
                if edits.is_empty() { "" } else { ": " },
                edits.join("; ")
            );
        }
        if let Some(fact) = &d.source {
            let _ = write!(
                page,
                "<p class=\"source\"><b>Fact source:</b> {}</p>",
                escape(fact)
            );
        }
        for label in &d.labels {
            let (at, _) = positions(&index, source, label.span);
            let _ = write!(
                page,
                "<p class=\"label\"><b>{}:{}</b> “{}”: {}</p>",
                at.line,
                at.column,
                escape(&clip(label.span.text(source), 60)),
                escape(&label.message)
            );
        }
        page.push_str("</div></li>\n");
    }
    page.push_str("</ol>\n");
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Escape text for HTML element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Invisible to the reader and never meaningful in the page.
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// Walks the Markdown and writes HTML, splitting text at findings' boundaries so each piece
/// of text is wrapped in a mark naming the findings that cover it.
struct Renderer<'a> {
    source: &'a str,
    findings: &'a [(usize, &'a Diagnostic)],
    /// Every finding's start and end, sorted and deduplicated.
    boundaries: Vec<usize>,
    /// Findings (their positions in `findings`) in order of their starts, those starts, and
    /// the longest span: the findings that can cover a piece are found by binary search.
    by_start: Vec<usize>,
    starts: Vec<usize>,
    longest: usize,
    /// Whether each finding has been marked somewhere yet (its anchor is written once).
    marked: Vec<bool>,
    html: String,
    /// What closes each open element.
    closers: Vec<&'static str>,
}

impl<'a> Renderer<'a> {
    fn new(source: &'a str, findings: &'a [(usize, &'a Diagnostic)]) -> Self {
        let mut boundaries: Vec<usize> = findings
            .iter()
            .flat_map(|(_, d)| [d.span.start, d.span.end])
            .collect();
        boundaries.sort_unstable();
        boundaries.dedup();
        let mut by_start: Vec<usize> = (0..findings.len()).collect();
        by_start.sort_by_key(|&n| findings[n].1.span.start);
        let starts = by_start.iter().map(|&n| findings[n].1.span.start).collect();
        let longest = findings
            .iter()
            .map(|(_, d)| d.span.len())
            .max()
            .unwrap_or(0);
        Self {
            source,
            findings,
            boundaries,
            by_start,
            starts,
            longest,
            marked: vec![false; findings.len()],
            html: String::with_capacity(source.len() * 2),
            closers: Vec::new(),
        }
    }

    fn walk(&mut self, start: usize) {
        let body = &self.source[start..];
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
            let range = range.start + start..range.end + start;
            match event {
                Event::Start(tag) => self.open(tag),
                Event::End(_) => {
                    let closer = self.closers.pop().unwrap_or("");
                    self.html.push_str(closer);
                }
                Event::Text(text) => self.text(&text, range),
                Event::Code(text) => {
                    self.html.push_str("<code>");
                    self.text_within(&text, range, true);
                    self.html.push_str("</code>");
                }
                // Raw HTML from the article is shown as text, never interpreted.
                Event::Html(text) | Event::InlineHtml(text) => {
                    self.html.push_str("<code class=\"raw-html\">");
                    self.text_within(&text, range, true);
                    self.html.push_str("</code>");
                }
                Event::SoftBreak => self.text_within("\n", range, true),
                Event::HardBreak => self.html.push_str("<br>\n"),
                Event::Rule => self.html.push_str("<hr>\n"),
                Event::FootnoteReference(label) => {
                    self.html.push_str("<sup>[");
                    self.text(&label, range);
                    self.html.push_str("]</sup>");
                }
                Event::TaskListMarker(done) => {
                    self.html.push_str(if done { "☑ " } else { "☐ " });
                }
                Event::InlineMath(text) | Event::DisplayMath(text) => {
                    self.html.push_str("<code>");
                    self.text(&text, range);
                    self.html.push_str("</code>");
                }
            }
        }
        while let Some(closer) = self.closers.pop() {
            self.html.push_str(closer);
        }
    }

    fn open(&mut self, tag: Tag) {
        let (opener, closer): (String, &'static str) = match tag {
            Tag::Paragraph => ("<p>".into(), "</p>\n"),
            Tag::Heading { level, .. } => {
                // The page's own headings are h1-h3: an article's headings sit below them.
                let (open, close) = match level {
                    HeadingLevel::H1 => ("<h3 class=\"md\">", "</h3>\n"),
                    HeadingLevel::H2 => ("<h4 class=\"md\">", "</h4>\n"),
                    HeadingLevel::H3 => ("<h5 class=\"md\">", "</h5>\n"),
                    _ => ("<h6 class=\"md\">", "</h6>\n"),
                };
                (open.into(), close)
            }
            Tag::BlockQuote(_) => ("<blockquote>".into(), "</blockquote>\n"),
            Tag::CodeBlock(kind) => {
                let class = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => {
                        format!(" data-lang=\"{}\"", escape(&lang))
                    }
                    _ => String::new(),
                };
                (format!("<pre{class}><code>"), "</code></pre>\n")
            }
            Tag::List(Some(first)) => (format!("<ol start=\"{first}\">"), "</ol>\n"),
            Tag::List(None) => ("<ul>".into(), "</ul>\n"),
            Tag::Item => ("<li>".into(), "</li>\n"),
            Tag::FootnoteDefinition(label) => (
                format!(
                    "<div class=\"footnote\"><sup>[{}]</sup> ",
                    escape(&label)
                ),
                "</div>\n",
            ),
            Tag::Table(_) => ("<table class=\"md\">".into(), "</table>\n"),
            Tag::TableHead => ("<thead><tr>".into(), "</tr></thead>"),
            Tag::TableRow => ("<tr>".into(), "</tr>\n"),
            Tag::TableCell => ("<td>".into(), "</td>"),
            Tag::Emphasis => ("<em>".into(), "</em>"),
            Tag::Strong => ("<strong>".into(), "</strong>"),
            Tag::Strikethrough => ("<del>".into(), "</del>"),
            Tag::Link {
                dest_url, title, ..
            } => {
                let lower = dest_url.trim().to_ascii_lowercase();
                let safe = lower.starts_with("https://")
                    || lower.starts_with("http://")
                    || lower.starts_with("mailto:");
                let title = if title.is_empty() {
                    dest_url.to_string()
                } else {
                    format!("{title} ({dest_url})")
                };
                if safe {
                    (
                        format!(
                            "<a href=\"{}\" title=\"{}\" rel=\"noopener noreferrer nofollow\">",
                            escape(dest_url.trim()),
                            escape(&title)
                        ),
                        "</a>",
                    )
                } else {
                    (
                        format!("<span class=\"link\" title=\"{}\">", escape(&title)),
                        "</span>",
                    )
                }
            }
            // Images are never loaded (no network): their alt text is shown in their place.
            Tag::Image {
                dest_url, title, ..
            } => (
                format!(
                    "<span class=\"image\" title=\"image: {}{}{}\"><span class=\"image-tag\" aria-hidden=\"true\">image: </span>",
                    escape(&dest_url),
                    if title.is_empty() { "" } else { " — " },
                    escape(&title)
                ),
                "</span>",
            ),
            _ => ("<span>".into(), "</span>"),
        };
        self.html.push_str(&opener);
        self.closers.push(closer);
    }

    /// Write `text`, which pulldown-cmark read from `range` of the source. When the text is
    /// the source itself (or found within it, as code is within its backticks) every byte maps
    /// back and findings are marked to the character; otherwise (escapes, entities) the piece
    /// is marked as a whole.
    fn text(&mut self, text: &str, range: Range<usize>) {
        self.text_within(text, range, false);
    }

    /// [`Renderer::text`] for text that sits inside its range with syntax around it (code in
    /// its backticks, raw HTML before its line break): found there, it maps to the character.
    fn text_within(&mut self, text: &str, range: Range<usize>, search: bool) {
        let raw = self.source.get(range.clone()).unwrap_or("");
        let at = if raw == text {
            Some(range.start)
        } else if search {
            raw.find(text).map(|i| range.start + i)
        } else {
            None
        };
        match at {
            Some(base) => {
                let end = base + text.len();
                let first = self.boundaries.partition_point(|&b| b <= base);
                let mut cut = base;
                let mut next = first;
                while let Some(&b) = self.boundaries.get(next).filter(|&&b| b < end) {
                    // A boundary inside a character (a span from a bad edit) moves to its end.
                    if text.is_char_boundary(b - base) {
                        self.piece(&text[cut - base..b - base], cut..b);
                        cut = b;
                    }
                    next += 1;
                }
                self.piece(&text[cut - base..], cut..end);
            }
            None => self.piece(text, range),
        }
    }

    /// Write one piece of text covering `range` of the source, in a mark if findings cover it.
    fn piece(&mut self, text: &str, range: Range<usize>) {
        if text.is_empty() {
            return;
        }
        // Only findings starting within the longest span's reach can cover the piece.
        let from = self
            .starts
            .partition_point(|&s| s + self.longest < range.start);
        let to = self.starts.partition_point(|&s| s < range.end);
        let mut covering: Vec<usize> = self.by_start[from..to.max(from)]
            .iter()
            .copied()
            .filter(|&n| {
                let span = self.findings[n].1.span;
                !span.is_empty() && span.start < range.end && range.start < span.end
            })
            .collect();
        covering.sort_unstable();
        if covering.is_empty() {
            escape_into(&mut self.html, text);
            return;
        }
        for &n in &covering {
            if !self.marked[n] {
                self.marked[n] = true;
                let _ = write!(
                    self.html,
                    "<span class=\"anchor\" id=\"f{}\"></span>",
                    self.findings[n].0
                );
            }
        }
        let worst = covering
            .iter()
            .map(|&n| self.findings[n].1.severity)
            .max()
            .unwrap_or(Severity::Info);
        let ids: Vec<String> = covering
            .iter()
            .map(|&n| self.findings[n].0.to_string())
            .collect();
        let title: Vec<String> = covering
            .iter()
            .map(|&n| {
                let d = self.findings[n].1;
                format!("{} {}: {}", d.severity, d.rule.name(), d.message)
            })
            .collect();
        let _ = write!(
            self.html,
            "<mark class=\"f {}\" data-f=\"{}\" title=\"{}\">",
            worst.as_str(),
            ids.join(" "),
            escape(&title.join("\n"))
        );
        escape_into(&mut self.html, text);
        self.html.push_str("</mark>");
    }
}

#[cfg(test)]
mod fixture_pages;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::span::Span;

    fn render(source: &str, spans: &[(usize, usize)]) -> (String, Vec<bool>) {
        let diagnostics: Vec<Diagnostic> = spans
            .iter()
            .map(|&(s, e)| Diagnostic::new(RuleId::DateWeekday, Span::new(s, e), "wrong day"))
            .collect();
        let findings: Vec<(usize, &Diagnostic)> = diagnostics
            .iter()
            .enumerate()
            .map(|(i, d)| (i + 1, d))
            .collect();
        let mut renderer = Renderer::new(source, &findings);
        renderer.walk(0);
        (renderer.html, renderer.marked)
    }

    #[test]
    fn marks_a_span_inside_a_paragraph() {
        let source = "On Tuesday, Nov. 28, they met.";
        let start = source.find("Tuesday").unwrap();
        let (html, marked) = render(source, &[(start, start + 7)]);
        assert!(
            html.contains("<mark class=\"f error\" data-f=\"1\""),
            "{html}"
        );
        assert!(html.contains(">Tuesday</mark>, Nov. 28"), "{html}");
        assert_eq!(marked, vec![true]);
    }

    #[test]
    fn a_span_across_emphasis_is_marked_in_pieces() {
        let source = "It was *very* late.";
        let (html, _) = render(source, &[(3, 13)]);
        assert!(
            html.contains("<mark class=\"f error\" data-f=\"1\" title=\"error date-weekday: wrong day\">was </mark><em><mark"),
            "{html}"
        );
        assert!(html.contains(">very</mark></em>"), "{html}");
    }

    #[test]
    fn raw_html_is_escaped_never_interpreted() {
        let source = "Hi <script>alert(1)</script> there\n\n<img src=x onerror=alert(2)>\n";
        let (html, _) = render(source, &[]);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        let (html, _) = render(
            "[a](javascript:alert(1)) [b](https://example.org/?q=\"x\")",
            &[],
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("<span class=\"link\" title=\"javascript:alert(1)\">a</span>"));
        assert!(
            html.contains("href=\"https://example.org/?q=%22x%22\"")
                || html.contains("href=\"https://example.org/?q=&quot;x&quot;\""),
            "{html}"
        );
    }

    #[test]
    fn code_maps_inside_its_backticks() {
        let source = "Run `factlint --fix` now.";
        let start = source.find("--fix").unwrap();
        let (html, _) = render(source, &[(start, start + 5)]);
        assert!(
            html.contains("<code>factlint <span class=\"anchor\""),
            "{html}"
        );
        assert!(html.contains(">--fix</mark></code>"), "{html}");
    }

    #[test]
    fn escaped_text_is_marked_as_a_whole() {
        let source = "Tom &amp; Jerry";
        let (html, marked) = render(source, &[(4, 9)]);
        assert!(html.contains(">&amp;</mark>"), "{html}");
        assert_eq!(marked, vec![true]);
    }

    #[test]
    fn escape_covers_quotes_and_angle_brackets() {
        assert_eq!(
            escape("<a href='x'>\"&\""),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;"
        );
    }
}
