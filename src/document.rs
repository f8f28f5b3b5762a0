//! The Markdown walk: one pass of pulldown-cmark turns a file into text blocks (paragraphs,
//! headings, list items, table cells) whose plain text maps back to source bytes. Code, HTML
//! and link URLs never reach the text; HTML comments and images are recorded on the side.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;

use crate::front_matter::FrontMatter;
use crate::line_index::LineIndex;
use crate::sentence;
use crate::span::Span;

mod sections;
mod sentences;

use sections::{Sections, SECTION_BYTES};
pub use sentences::Sentences;

/// Where a block of text sits in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// Text directly inside a list item (tight lists).
    ListItem,
    TableCell,
}

/// One run of prose: what a reader sees ([`Block::text`]) and where each byte of it came from.
/// A long file has hundreds of thousands of blocks, so a block is kept small (48 bytes) and
/// the common one costs no allocation: text that is the source byte for byte borrows it, one
/// sentence is kept inline, and offsets are `u32` (files over 4 GiB are refused before this).
#[derive(Clone, Debug)]
pub struct Block<'a> {
    /// Paragraph, heading, list item and so on.
    pub kind: BlockKind,
    /// Inside a list item.
    pub in_list: bool,
    /// How many block quotes enclose the block (255 stands for 255 and more).
    pub quote_depth: u8,
    /// Source bytes of the whole block.
    start: u32,
    end: u32,
    /// Where the text of [`BlockText::Exact`] starts in the source (unused otherwise): kept
    /// here, beside the other offsets, so the text needs no tag of its own.
    exact_start: u32,
    content: BlockText<'a>,
    /// Sentence ranges into the text.
    pub sentences: Sentences,
}

// A size that grows unnoticed costs megabytes on a long file.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Block>() == 48);

/// A block's text and how its offsets map back to the source.
#[derive(Clone, Debug)]
enum BlockText<'a> {
    /// The source byte for byte from `Block::exact_start`, with no links in it.
    Exact(&'a str),
    /// Pieces in text order (inline markup, entities and breaks between them), or text with
    /// links.
    Pieces(Box<PieceText<'a>>),
}

#[derive(Clone, Debug)]
struct PieceText<'a> {
    text: Cow<'a, str>,
    segments: Box<[Segment]>,
    /// Ranges of the text that are link text.
    links: Box<[Range<usize>]>,
}

/// A source offset as kept in a block (a file over 4 GiB is refused before it is parsed).
fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl<'a> Block<'a> {
    /// The text a reader sees.
    pub fn text(&self) -> &str {
        match &self.content {
            BlockText::Exact(text) => text,
            BlockText::Pieces(pieces) => &pieces.text,
        }
    }

    /// Source bytes of the whole block.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Ranges of the text that are link text (not checked for quotations).
    pub fn links(&self) -> &[Range<usize>] {
        match &self.content {
            BlockText::Exact(_) => &[],
            BlockText::Pieces(pieces) => &pieces.links,
        }
    }

    /// The source span of a range of the block's text.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        let start = self.start_offset(range.start);
        let end = self.end_offset(range.end).max(start);
        Span::new(start, end)
    }

    /// Whether it is a heading.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }

    /// The sentence containing text offset `at` (the whole text when `at` falls between
    /// sentences). A binary search: rules call this once per claim.
    pub fn sentence_at(&self, at: usize) -> Range<usize> {
        let after = self.sentences.partition_point(|s| s.start <= at);
        after
            .checked_sub(1)
            .and_then(|index| self.sentences.get(index))
            .filter(|s| at < s.end.max(s.start + 1))
            .unwrap_or(0..self.text().len())
    }

    /// A block of `text` taken from the source at `start` byte for byte (sentences not split).
    #[cfg(test)]
    pub(crate) fn exact(kind: BlockKind, text: &'a str, start: usize, quote_depth: u8) -> Self {
        Block {
            kind,
            in_list: false,
            quote_depth,
            start: offset32(start),
            end: offset32(start + text.len()),
            exact_start: offset32(start),
            content: BlockText::Exact(text),
            sentences: Sentences::default(),
        }
    }

    /// Source offset of the text byte at `offset` (a start position).
    fn start_offset(&self, offset: usize) -> usize {
        let segments = match &self.content {
            BlockText::Exact(text) => return self.exact_start as usize + offset.min(text.len()),
            BlockText::Pieces(pieces) => &pieces.segments,
        };
        let Some(index) = segment_index(segments, offset) else {
            return 0;
        };
        let segment = segments[index];
        let within = offset.saturating_sub(segment.text_start as usize);
        if within >= segment.text_len as usize {
            return segment.src_end as usize;
        }
        if segment.exact {
            segment.src_start as usize + within
        } else {
            segment.src_start as usize
        }
    }

    /// Source offset just past the text byte at `offset - 1` (an end position).
    fn end_offset(&self, offset: usize) -> usize {
        let segments = match &self.content {
            BlockText::Exact(text) => return self.exact_start as usize + offset.min(text.len()),
            BlockText::Pieces(pieces) => &pieces.segments,
        };
        if offset == 0 {
            return self.start_offset(0);
        }
        let Some(index) = segment_index(segments, offset - 1) else {
            return 0;
        };
        let segment = segments[index];
        let within = (offset - 1).saturating_sub(segment.text_start as usize);
        if segment.exact && within < segment.text_len as usize {
            segment.src_start as usize + within + 1
        } else {
            segment.src_end as usize
        }
    }
}

fn segment_index(segments: &[Segment], offset: usize) -> Option<usize> {
    if segments.is_empty() {
        return None;
    }
    let index = segments.partition_point(|segment| segment.text_start as usize <= offset);
    Some(index.saturating_sub(1))
}

/// A piece of text and the source bytes it came from. When `exact`, byte `i` of the piece is
/// byte `src_start + i` of the source; otherwise (entities, escapes, breaks) the piece maps to
/// its source bytes as a whole.
#[derive(Clone, Copy, Debug)]
struct Segment {
    text_start: u32,
    text_len: u32,
    src_start: u32,
    src_end: u32,
    exact: bool,
}

/// An HTML comment, kept for suppressions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlComment {
    /// The whole `<!-- ... -->`.
    pub span: Span,
    /// The text between the markers, trimmed.
    pub body: String,
    /// Where `body` starts in the source.
    pub body_start: usize,
}

/// A Markdown or HTML image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub span: Span,
    pub alt: String,
    pub title: String,
    pub url: String,
}

/// A parsed article. Built once per file; rules only read it.
#[derive(Debug)]
pub struct Document<'a> {
    /// The file as read (including any byte-order mark).
    pub source: &'a str,
    /// The YAML front matter, when the file has one.
    pub front_matter: Option<FrontMatter>,
    /// The text blocks, in source order.
    pub blocks: Vec<Block<'a>>,
    /// HTML comments (suppressions live in them).
    pub comments: Vec<HtmlComment>,
    /// Images, with their alt text and title.
    pub images: Vec<Image>,
    /// Line starts, for lines and columns.
    pub line_index: LineIndex,
}

impl<'a> Document<'a> {
    /// Parse an article.
    pub fn parse(source: &'a str) -> Self {
        Self::parse_in_sections(source, SECTION_BYTES)
    }

    /// [`Document::parse`], cutting a long body into sections of about `section_bytes`. Public
    /// for the fuzz target that checks a document reads the same in sections as whole.
    #[doc(hidden)]
    pub fn parse_in_sections(source: &'a str, section_bytes: usize) -> Self {
        let (front_matter, body_start) = skip_preamble(source);
        let mut builder = Builder::new(source);
        builder.walk(body_start, section_bytes);
        let Builder {
            mut blocks,
            comments,
            images,
            ..
        } = builder;
        blocks.shrink_to_fit();
        // Split into one scratch list, then copied at their exact length: a one-sentence
        // block (most of them) allocates nothing.
        let mut sentences = Vec::new();
        for block in &mut blocks {
            sentences.clear();
            sentence::split_into(block.text(), &mut sentences);
            block.sentences = Sentences::new(&sentences);
        }
        Document {
            source,
            front_matter,
            blocks,
            comments,
            images,
            line_index: LineIndex::new(source),
        }
    }

    /// Blocks that are body prose (not headings).
    pub fn body_blocks(&self) -> impl Iterator<Item = (usize, &Block<'a>)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, block)| !block.is_heading())
    }

    /// How many blocks start at or before the image.
    pub fn blocks_up_to(&self, image: &Image) -> usize {
        self.blocks
            .partition_point(|block| block.span().start <= image.span.start)
    }

    /// The block the image sits in: one that starts with the image or before it and runs
    /// past its start (the credit line under an image, "![...](...)\nPhotograph: Jane
    /// Doe/Reuters", is in the same paragraph). An image alone in its paragraph sits in
    /// none: a paragraph without words makes no block. Found by the blocks' spans, which
    /// every block has, rather than kept while parsing.
    pub fn block_holding(&self, image: &Image) -> Option<usize> {
        self.blocks_up_to(image)
            .checked_sub(1)
            .filter(|&index| self.blocks[index].span().end > image.span.start)
    }

    /// The first block after the image (its caption, when it has one).
    pub fn block_after(&self, image: &Image) -> Option<usize> {
        let index = self
            .blocks
            .partition_point(|block| block.span().start < image.span.end);
        (index < self.blocks.len()).then_some(index)
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_index.line_of(offset) + 1
    }
}

/// Front matter and where the Markdown starts: after the byte-order mark and the front
/// matter. Only the rest is parsed, and every offset pulldown-cmark reports is shifted by
/// that start, so offsets are into the file without copying it.
fn skip_preamble(source: &str) -> (Option<FrontMatter>, usize) {
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let front_matter = FrontMatter::detect(source, bom);
    let body_start = front_matter.as_ref().map_or(bom, |fm| fm.span.end);
    (front_matter, body_start)
}

/// A block being read: where it sits and the source bytes it covers so far.
struct OpenBlock {
    kind: BlockKind,
    quote_depth: u32,
    in_list: bool,
    start: usize,
    end: usize,
}

struct Builder<'t> {
    text: &'t str,
    blocks: Vec<Block<'t>>,
    comments: Vec<HtmlComment>,
    images: Vec<Image>,
    /// The open block; its text and pieces are gathered beside it until it closes.
    current: Option<OpenBlock>,
    current_text: String,
    current_pieces: Vec<Segment>,
    current_links: Vec<Range<usize>>,
    quote_depth: u32,
    list_depth: u32,
    code_depth: u32,
    /// Image being read: (span, alt text, title, url).
    image: Option<(Span, String, String, String)>,
    image_depth: u32,
    link_starts: Vec<usize>,
}

impl<'t> Builder<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            blocks: Vec::new(),
            comments: Vec::new(),
            images: Vec::new(),
            current: None,
            current_text: String::new(),
            current_pieces: Vec::new(),
            current_links: Vec::new(),
            quote_depth: 0,
            list_depth: 0,
            code_depth: 0,
            image: None,
            image_depth: 0,
            link_starts: Vec::new(),
        }
    }

    /// Parse the text from `body_start` on, a section of about `section_bytes` at a time.
    fn walk(&mut self, body_start: usize, section_bytes: usize) {
        let text = self.text;
        let body = text.get(body_start..).unwrap_or("");
        let mut sections = Sections::new(body, section_bytes);
        while let Some((start, events)) = sections.next_section() {
            let base = body_start + start;
            for (event, range) in events {
                self.event(event, range.start + base..range.end + base);
            }
        }
        self.close_block(text.len());
    }

    fn open_block(&mut self, kind: BlockKind, start: usize) {
        self.close_block(start);
        self.current_text.clear();
        self.current_pieces.clear();
        self.current_links.clear();
        self.current = Some(OpenBlock {
            kind,
            quote_depth: self.quote_depth,
            in_list: self.list_depth > 0,
            start,
            end: start,
        });
    }

    fn close_block(&mut self, end: usize) {
        if let Some(open) = self.current.take() {
            self.link_starts.clear();
            if !self.current_text.trim().is_empty() {
                let end = open.end.max(end.min(self.text.len()));
                let (exact_start, content) = self.take_text();
                self.blocks.push(Block {
                    kind: open.kind,
                    in_list: open.in_list,
                    quote_depth: u8::try_from(open.quote_depth).unwrap_or(u8::MAX),
                    start: offset32(open.start),
                    end: offset32(end),
                    exact_start,
                    content,
                    sentences: Sentences::default(),
                });
            }
        }
    }

    /// The open block's text and offset map: borrowed from the source when it is one
    /// unbroken piece of it, with where that piece starts (0 otherwise). (`open_block`
    /// empties the buffers for the next block.)
    fn take_text(&self) -> (u32, BlockText<'t>) {
        let source = self.text;
        let links = &self.current_links;
        match self.current_pieces.as_slice() {
            [only]
                if only.exact
                    && only.text_len as usize == self.current_text.len()
                    && links.is_empty() =>
            {
                let start = only.src_start as usize;
                (
                    only.src_start,
                    BlockText::Exact(&source[start..start + only.text_len as usize]),
                )
            }
            pieces => (
                0,
                BlockText::Pieces(Box::new(PieceText {
                    text: Cow::Owned(self.current_text.clone()),
                    segments: pieces.into(),
                    links: links.as_slice().into(),
                })),
            ),
        }
    }

    /// Append text that came from `range` of the source.
    fn push_text(&mut self, piece: &str, range: Range<usize>) {
        if self.current.is_none() {
            self.open_block(BlockKind::ListItem, range.start);
        }
        let source = self.text;
        let text_start = self.current_text.len();
        self.current_text.push_str(piece);
        let src = &source[range.clone()];
        if src == piece {
            self.push_piece(text_start, piece.len(), range.clone(), true);
        } else if let Some(at) = src.find(piece).filter(|_| !piece.is_empty()) {
            let start = range.start + at;
            self.push_piece(text_start, piece.len(), start..start + piece.len(), true);
        } else {
            self.push_piece(text_start, piece.len(), range.clone(), false);
        }
        let block = self.current.as_mut().expect("a block is open");
        block.end = block.end.max(range.end);
    }

    /// Record where a piece of the open block's text came from. A piece that continues the
    /// previous one in both text and source joins it: the map reads the same either way.
    fn push_piece(&mut self, text_start: usize, text_len: usize, src: Range<usize>, exact: bool) {
        if text_len == 0 {
            return;
        }
        let (text_start, text_len) = (offset32(text_start), offset32(text_len));
        let (src_start, src_end) = (offset32(src.start), offset32(src.end));
        if let Some(last) = self.current_pieces.last_mut() {
            if exact
                && last.exact
                && last.text_start + last.text_len == text_start
                && last.src_end == src_start
            {
                last.text_len += text_len;
                last.src_end = src_end;
                return;
            }
        }
        self.current_pieces.push(Segment {
            text_start,
            text_len,
            src_start,
            src_end,
            exact,
        });
    }

    fn event(&mut self, event: Event<'t>, range: Range<usize>) {
        if self.code_depth > 0 {
            if let Event::End(TagEnd::CodeBlock) = event {
                self.code_depth -= 1;
            }
            return;
        }
        if self.image.is_some() {
            self.image_event(event, range);
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => self.push_text(&text, range),
            Event::Code(_) => self.push_text(" ", range),
            Event::SoftBreak => self.push_text(" ", range),
            Event::HardBreak => self.push_text("\n", range),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Rule
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'t>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open_block(BlockKind::Paragraph, range.start),
            Tag::Heading { level, .. } => {
                self.open_block(BlockKind::Heading(level as u8), range.start)
            }
            Tag::TableCell => self.open_block(BlockKind::TableCell, range.start),
            Tag::BlockQuote(_) => {
                self.close_block(range.start);
                self.quote_depth += 1;
            }
            Tag::List(_) => {
                self.close_block(range.start);
                self.list_depth += 1;
            }
            Tag::Item => self.close_block(range.start),
            Tag::CodeBlock(_) => {
                self.close_block(range.start);
                self.code_depth += 1;
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.image = Some((
                    Span::from(range),
                    String::new(),
                    title.to_string(),
                    dest_url.to_string(),
                ));
                self.image_depth = 1;
            }
            Tag::Link { .. } => {
                if self.current.is_some() {
                    self.link_starts.push(self.current_text.len());
                } else {
                    self.link_starts.push(0);
                }
            }
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item => {
                self.close_block(range.end)
            }
            TagEnd::BlockQuote(_) => {
                self.close_block(range.end);
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close_block(range.end);
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            TagEnd::Link => {
                if let (Some(start), Some(_)) = (self.link_starts.pop(), self.current.as_ref()) {
                    let end = self.current_text.len();
                    if start < end {
                        self.current_links.push(start..end);
                    }
                }
            }
            _ => {}
        }
    }

    fn image_event(&mut self, event: Event<'t>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => {
                self.image_depth -= 1;
                if self.image_depth == 0 {
                    let (span, alt, title, url) = self.image.take().expect("image open");
                    self.images.push(Image {
                        span,
                        alt,
                        title,
                        url,
                    });
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(image) = self.image.as_mut() {
                    image.1.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(image) = self.image.as_mut() {
                    image.1.push(' ');
                }
            }
            _ => {
                let _ = range;
            }
        }
    }

    fn html(&mut self, html: &str, range: Range<usize>) {
        // The event's text is the source slice for both block and inline HTML.
        let base = range.start;
        let source = &self.text[range.clone()];
        let offset_in_source = source.find(html).unwrap_or(0);
        let base = base + offset_in_source;
        for comment in html_comments(html) {
            let raw = &html[comment.clone()];
            let inner = &raw[4..raw.len().saturating_sub(3).max(4)];
            let trimmed_start = inner.len() - inner.trim_start().len();
            self.comments.push(HtmlComment {
                span: Span::new(base + comment.start, base + comment.end),
                body: inner.trim().to_string(),
                body_start: base + comment.start + 4 + trimmed_start,
            });
        }
        // Most HTML is no image: the pattern is compiled only for one that may be.
        let may_hold_image = html
            .as_bytes()
            .windows(4)
            .any(|window| window.eq_ignore_ascii_case(b"<img"));
        let images = may_hold_image.then(|| img_regex().captures_iter(html));
        for image in images.into_iter().flatten() {
            let whole = image.get(0).expect("match");
            let attributes = image.get(1).map_or("", |m| m.as_str());
            self.images.push(Image {
                span: Span::new(base + whole.start(), base + whole.end()),
                alt: html_attribute(attributes, "alt").unwrap_or_default(),
                title: html_attribute(attributes, "title").unwrap_or_default(),
                url: html_attribute(attributes, "src").unwrap_or_default(),
            });
        }
        if html.trim_start().to_ascii_lowercase().starts_with("<br") {
            self.push_text(" ", range);
        }
    }
}

/// Every HTML comment, left to right, as `(?s)<!--.*?-->` finds them: each ends at the
/// first `-->` after its `<!--`.
fn html_comments(html: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + html[from..].find("<!--")?;
        let end = start + 4 + html[start + 4..].find("-->")? + 3;
        from = end;
        Some(start..end)
    })
}

fn img_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?is)<img\b([^>]*)>").expect("valid regex"))
}

fn html_attribute(attributes: &str, name: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"(?i)([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).expect("valid regex")
    });
    re.captures_iter(attributes)
        .find(|c| c[1].eq_ignore_ascii_case(name))
        .map(|c| {
            c.get(2)
                .or_else(|| c.get(3))
                .or_else(|| c.get(4))
                .map_or(String::new(), |m| m.as_str().to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts(doc: &Document) -> Vec<String> {
        doc.blocks.iter().map(|b| b.text().to_string()).collect()
    }

    #[test]
    fn inline_markup_maps_back_to_source() {
        let source = "Intro.\n\nOn *Monday*, Nov. 28 they met.\n";
        let doc = Document::parse(source);
        let block = &doc.blocks[1];
        assert_eq!(block.text(), "On Monday, Nov. 28 they met.");
        let start = block.text().find("Monday").unwrap();
        let end = block.text().find(" they").unwrap();
        let span = block.span_of(start..end);
        assert_eq!(span.text(source), "Monday*, Nov. 28");
    }

    #[test]
    fn code_html_and_urls_are_not_text() {
        let source = "Say `Monday (Nov. 28)` now.\n\n```\nTuesday (Nov. 28)\n```\n\n<div>Friday</div>\n\n[link text](https://example.com/Tuesday)\n";
        let doc = Document::parse(source);
        let all = block_texts(&doc).join("|");
        assert!(!all.contains("Nov. 28"), "{all}");
        assert!(!all.contains("Tuesday"), "{all}");
        assert!(!all.contains("Friday"), "{all}");
        assert!(all.contains("link text"));
        assert_eq!(doc.blocks.last().unwrap().links().to_vec(), vec![0..9]);
    }

    #[test]
    fn comments_are_recorded_with_spans() {
        let source =
            "<!-- factlint-disable-next-line date-weekday -->\nText <!-- inline --> here.\n";
        let doc = Document::parse(source);
        assert_eq!(doc.comments.len(), 2);
        assert_eq!(
            doc.comments[0].body,
            "factlint-disable-next-line date-weekday"
        );
        assert_eq!(
            doc.comments[0].span.text(source),
            "<!-- factlint-disable-next-line date-weekday -->"
        );
        assert_eq!(doc.comments[1].span.text(source), "<!-- inline -->");
    }

    #[test]
    fn front_matter_is_skipped_and_offsets_stay_true() {
        let source = "---\ntitle: \"Tuesday (Nov. 28)\"\ndate: 2022-11-30\n---\nBody on Monday.\n";
        let doc = Document::parse(source);
        assert_eq!(block_texts(&doc), vec!["Body on Monday."]);
        let block = &doc.blocks[0];
        let at = block.text().find("Monday").unwrap();
        assert_eq!(block.span_of(at..at + 6).text(source), "Monday");
    }

    #[test]
    fn byte_order_mark_and_crlf_keep_spans_right() {
        let source = "\u{feff}# Title\r\n\r\nA line\r\nand more.\r\n";
        let doc = Document::parse(source);
        let block = &doc.blocks[1];
        assert_eq!(block.text(), "A line and more.");
        let at = block.text().find("more").unwrap();
        assert_eq!(block.span_of(at..at + 4).text(source), "more");
    }

    #[test]
    fn images_keep_alt_and_title() {
        let source =
            "![Ministers (Photo: NATO)](a.jpg \"Bucharest\")\n\n<img src=\"b.png\" alt='x'>\n";
        let doc = Document::parse(source);
        assert_eq!(doc.images.len(), 2);
        assert_eq!(doc.images[0].alt, "Ministers (Photo: NATO)");
        assert_eq!(doc.images[0].title, "Bucharest");
        assert_eq!(doc.images[1].alt, "x");
        assert_eq!(doc.images[1].url, "b.png");
    }

    /// The block an image sits in and the one after it, read from the blocks' spans: an
    /// image alone in its paragraph sits in no block (the paragraph has no words), and the
    /// block after it is the very next one.
    #[test]
    fn the_blocks_around_an_image() {
        let source = "Lead paragraph.\n\n![A road](road.jpg)\n\nCaption of the road.\n\nMore prose.\n\nText ![inline](b.png) here.\n\nLast.\n";
        let doc = Document::parse(source);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text()).collect();
        assert_eq!(
            texts,
            [
                "Lead paragraph.",
                "Caption of the road.",
                "More prose.",
                "Text  here.",
                "Last."
            ]
        );
        let alone = &doc.images[0];
        assert_eq!(doc.block_holding(alone), None);
        assert_eq!(doc.block_after(alone), Some(1));
        assert_eq!(doc.blocks_up_to(alone), 1);
        let inline = &doc.images[1];
        assert_eq!(doc.block_holding(inline), Some(3));
        assert_eq!(doc.block_after(inline), Some(4));
        let last = Document::parse("Prose.\n\n![A road](road.jpg)\n");
        assert_eq!(last.block_holding(&last.images[0]), None);
        assert_eq!(last.block_after(&last.images[0]), None);
    }

    #[test]
    fn block_quotes_and_lists_are_marked() {
        let source = "> Quoted words here.\n\n- item one\n- item two\n";
        let doc = Document::parse(source);
        assert_eq!(doc.blocks[0].quote_depth, 1);
        assert!(doc.blocks[1].in_list);
        assert_eq!(doc.blocks[2].text(), "item two");
    }

    #[test]
    fn sentence_at_finds_the_sentence_or_falls_back_to_the_block() {
        let doc = Document::parse("One two.   Three four! Five?\n");
        let block = &doc.blocks[0];
        let sentence = |at: usize| &block.text()[block.sentence_at(at)];
        assert_eq!(sentence(0), "One two.");
        assert_eq!(sentence(7), "One two.");
        assert_eq!(sentence(9), block.text(), "between sentences");
        assert_eq!(sentence(11), "Three four!");
        assert_eq!(sentence(block.text().len() - 1), "Five?");
        assert_eq!(sentence(block.text().len() + 5), block.text());
    }

    #[test]
    fn a_long_body_parses_the_same_in_sections() {
        let pieces = [
            "Plain paragraph on Monday, Nov. 28.\n",
            "> Quoted words\n> more words\nLazy line.\n",
            "- one\n- two\n\n  three, loose\n",
            "```\nfenced\n\nLetters inside the fence.\n```\n",
            "<!--\ncomment\n\nLetters inside the comment.\n-->\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "    indented code\n\n    more code\n",
            "Setext heading\n===\n",
            "<div>\n\nText in a div.\n</div>\n",
            "1. item\n\n   ```\n   a fence in a list\n\nAfter the list.\n",
            "Emphasis *across\n\nparagraphs* is not.\n",
            "![A photo (Photo: Jane Doe)](a.png \"title\")\nCaption, with a [link](b.html).\n",
            "Windows line\r\nendings\r\n\r\nToo.\r\n",
            "<pre>\npre\n\nLetters in pre.\n</pre>\n",
            "Tight.\nLines.\n",
        ];
        let mut body = String::from("---\ntitle: Sections\n---\n");
        for index in 0..300 {
            body.push_str(pieces[index * 7 % pieces.len()]);
            if index % 5 != 0 {
                body.push('\n');
            }
        }
        body.push_str("```\nnever closed\n\nText.\n");
        let parsed = |bytes| {
            let doc = Document::parse_in_sections(&body, bytes);
            format!("{:?}\n{:?}\n{:?}", doc.blocks, doc.images, doc.comments)
        };
        let whole = parsed(usize::MAX);
        for bytes in [1, 100, 2000] {
            assert!(parsed(bytes) == whole, "sections of {bytes} bytes differ");
        }
    }

    #[test]
    fn entities_map_to_their_source() {
        let source = "Fish &amp; chips on Monday.\n";
        let doc = Document::parse(source);
        let block = &doc.blocks[0];
        assert_eq!(block.text(), "Fish & chips on Monday.");
        let at = block.text().find("Monday").unwrap();
        assert_eq!(block.span_of(at..at + 6).text(source), "Monday");
    }

    #[test]
    fn html_comments_as_the_lazy_pattern_finds_them() {
        let regex = regex::Regex::new(r"(?s)<!--.*?-->").unwrap();
        use crate::matcher::testing::{texts, TRICKY};
        let mut pieces = TRICKY.to_vec();
        pieces.extend(["<!--", "-->", "<!-->", "--", "-", ">", "<", "!", "x", "é"]);
        for text in texts(&pieces, 20_000, 10) {
            let expected: Vec<_> = regex.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(
                super::html_comments(&text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }
}
