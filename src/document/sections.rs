//! Long bodies are parsed a section at a time. pulldown-cmark builds a tree of its whole input
//! before the first event (about two and a half times the text), so a 20 MB file parsed at once
//! would hold a 50 MB tree beside the document being built from it.
//!
//! A section ends just before a line that starts with a letter after a blank line. There every
//! list, block quote, table and paragraph has ended, and CommonMark carries nothing over from
//! what came before except three things: an open fenced code block, an open HTML block (the
//! kinds that run to an end marker, such as `<!--`), and link reference or footnote
//! definitions. Each section is parsed on its own and checked: if a code or HTML block runs to
//! its very end, it may have been cut open, and the section is taken longer. A body holding any
//! `]:` (which every definition contains) is parsed whole.

use std::ops::Range;

use pulldown_cmark::{Event, OffsetIter, Options, Parser, TagEnd};

/// About how long a section is. Articles are far shorter and are parsed whole.
pub(super) const SECTION_BYTES: usize = 256 * 1024;

/// The Markdown extensions factlint reads.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Cuts a body into sections that parse the same apart as together.
pub(super) struct Sections<'t> {
    body: &'t str,
    section_bytes: usize,
    /// Where a section may start: lines that start with a letter after a blank line.
    cuts: Vec<usize>,
    /// Where the next section starts; `None` once the body is done.
    start: Option<usize>,
}

/// One section's events, offsets relative to the section's start.
pub(super) enum Section<'t> {
    /// Read as it is parsed: the last section, or one that was checked on a parse of its own
    /// (boxed: the parser is large).
    Streamed(Box<OffsetIter<'t, pulldown_cmark::DefaultBrokenLinkCallback>>),
    /// A section before another, parsed ahead to check where it ends.
    Checked(std::vec::IntoIter<(Event<'t>, Range<usize>)>),
}

impl<'t> Iterator for Section<'t> {
    type Item = (Event<'t>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Section::Streamed(events) => events.next(),
            Section::Checked(events) => events.next(),
        }
    }
}

impl<'t> Sections<'t> {
    pub(super) fn new(body: &'t str, section_bytes: usize) -> Self {
        let cuts = if body.len() > section_bytes && !body.contains("]:") {
            possible_cuts(body)
        } else {
            Vec::new()
        };
        Self {
            body,
            section_bytes: section_bytes.max(1),
            cuts,
            start: Some(0),
        }
    }

    /// The next section: where it starts in the body, and its events.
    pub(super) fn next_section(&mut self) -> Option<(usize, Section<'t>)> {
        let start = self.start?;
        let mut length = self.section_bytes;
        let parse = |text| Parser::new_ext(text, options()).into_offset_iter();
        let mut first_attempt = true;
        loop {
            let wanted = start.saturating_add(length);
            let end = self
                .cuts
                .get(self.cuts.partition_point(|&cut| cut < wanted))
                .copied()
                .unwrap_or(self.body.len());
            let text = &self.body[start..end];
            if end == self.body.len() {
                self.start = None;
                return Some((start, Section::Streamed(Box::new(parse(text)))));
            }
            if first_attempt {
                first_attempt = false;
                // The usual case: the section ends closed, and its events are kept.
                let events: Vec<_> = parse(text).collect();
                if !events
                    .iter()
                    .any(|(event, range)| cut_open(event, range, end - start))
                {
                    self.start = Some(end);
                    return Some((start, Section::Checked(events.into_iter())));
                }
            } else if !parse(text).any(|(event, range)| cut_open(&event, &range, end - start)) {
                // A longer section is checked without keeping its events (a long one would
                // hold several times its text), then parsed again as it is read.
                self.start = Some(end);
                return Some((start, Section::Streamed(Box::new(parse(text)))));
            }
            // Taken twice as long each time, so a code block left open to the end of the file
            // costs a few parses, not one per cut.
            length = length.saturating_mul(2);
        }
    }
}

/// A code or HTML block that runs to the section's end: the cut may have split it.
fn cut_open(event: &Event<'_>, range: &Range<usize>, end: usize) -> bool {
    matches!(event, Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock)) && range.end >= end
}

/// Starts of lines that begin with an ASCII letter right after a blank line.
fn possible_cuts(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut cuts = Vec::new();
    let mut line_start = 0;
    let mut previous_blank = false;
    while line_start < bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..])
            .map_or(bytes.len(), |at| line_start + at + 1);
        let line = &bytes[line_start..line_end];
        if previous_blank && line[0].is_ascii_alphabetic() {
            cuts.push(line_start);
        }
        previous_blank = line
            .iter()
            .all(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        line_start = line_end;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(body: &str, bytes: usize) -> Vec<&str> {
        let mut sections = Sections::new(body, bytes);
        let mut starts = Vec::new();
        while let Some((start, events)) = sections.next_section() {
            drop(events);
            starts.push(start);
        }
        starts.push(body.len());
        starts.windows(2).map(|w| &body[w[0]..w[1]]).collect()
    }

    #[test]
    fn cuts_fall_before_a_letter_after_a_blank_line() {
        let body = "One.\n\nTwo.\n\n- three\n\n  four\n\nFive.\n";
        assert_eq!(possible_cuts(body), vec![6, 29]);
        assert_eq!(
            sections(body, 1),
            vec!["One.\n\n", "Two.\n\n- three\n\n  four\n\n", "Five.\n"]
        );
    }

    #[test]
    fn short_bodies_and_bodies_with_definitions_are_one_section() {
        let body = "One.\n\nTwo.\n\nThree.\n";
        assert_eq!(sections(body, 1024), vec![body]);
        let defined = "One [a].\n\nTwo.\n\n[a]: https://example.com\n";
        assert_eq!(sections(defined, 1), vec![defined]);
    }

    #[test]
    fn an_open_code_or_html_block_is_never_cut() {
        let body = "One.\n\n```\ncode\n\nLetters in code.\n```\n\nAfter.\n\n<!--\n\nComment.\n-->\n\nEnd.\n";
        assert_eq!(
            sections(body, 1),
            vec![
                "One.\n\n```\ncode\n\nLetters in code.\n```\n\n",
                "After.\n\n<!--\n\nComment.\n-->\n\n",
                "End.\n"
            ]
        );
    }

    #[test]
    fn a_code_block_open_to_the_end_is_one_section() {
        let body = format!("Start.\n\n```\n{}", "Line.\n\n".repeat(1000));
        assert_eq!(sections(&body, 16), vec![body.as_str()]);
    }
}
