//! Names in the prose: titles ("NATO Secretary General", "Prime-Minister") with the
//! organisation they belong to, and capitalised words that may be people's names. Also the
//! word scanner and the sentence-start and quotation tests that the consistency rules share.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::quote::Quotation;
use super::ExtractContext;
use crate::document::{Block, Document};
use crate::span::Span;
use crate::style::titles::{Joints, TitleTable};
use crate::text::{letters_at, next_letter, with_lowercase};

/// One mention of a title from the title table.
#[derive(Clone, Debug)]
pub struct TitleMention {
    pub block: usize,
    /// Range of the block's text.
    pub range: Range<usize>,
    pub span: Span,
    /// Index into the title table.
    pub title: usize,
    /// Which gaps are hyphens, as written.
    pub joints: Joints,
    /// The organisation named right before or after the title ("UN Secretary-General",
    /// "Secretary General of NATO"), by index into the title table's organisations.
    pub organisation: Option<usize>,
}

/// A capitalised word that is never written in lower case in the article and is not a word
/// of a title or organisation: a candidate for part of a person's name. Twenty bytes: a long
/// article names the same people hundreds of thousands of times, so its words are kept once
/// in [`Names`] and each use holds their indexes.
#[derive(Clone, Copy, Debug)]
pub struct NameWord {
    start: u32,
    end: u32,
    /// Index into `Document::blocks`.
    pub block: u32,
    /// As written ("Stoltenberg"), by index into [`Names::spellings`].
    text: u32,
    /// The capitalised name word right before it, when there is one ("Jens"), or
    /// [`NameWord::NO_GIVEN`].
    given: u32,
}

const _: () = assert!(std::mem::size_of::<NameWord>() == 20);

impl NameWord {
    const NO_GIVEN: u32 = u32::MAX;

    /// The word in the source.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Names {
    pub titles: Vec<TitleMention>,
    pub words: Vec<NameWord>,
    /// Every distinct name word, once.
    spellings: Vec<Box<str>>,
}

impl Names {
    /// The word as written ("Stoltenberg").
    pub fn text(&self, word: &NameWord) -> &str {
        &self.spellings[word.text as usize]
    }

    /// The capitalised name word right before it ("Jens").
    pub fn given(&self, word: &NameWord) -> Option<&str> {
        (word.given != NameWord::NO_GIVEN).then(|| &*self.spellings[word.given as usize])
    }

    /// Give back what the lists grew beyond their length: they are kept while their rules
    /// run, and a long file has hundreds of thousands of them.
    pub fn shrink_to_fit(&mut self) {
        self.titles.shrink_to_fit();
        self.words.shrink_to_fit();
        self.spellings.shrink_to_fit();
    }
}

/// The names of the article. `visit_word` is shown every prose word on the way, so that
/// other claims made of single words need no walk of their own.
pub fn extract(
    doc: &Document,
    cx: &ExtractContext,
    mut visit_word: impl FnMut(&Block, Range<usize>),
) -> Names {
    let table = &cx.style.titles;
    let mut names = Names::default();
    // Sized for an article's distinct lower-case words (about one per 16 bytes of a short
    // one), so it is not rehashed several times as it fills; a long file grows it as usual.
    let mut lower_case_words: FxHashSet<&str> =
        FxHashSet::with_capacity_and_hasher((doc.source.len() / 16).min(4096), Default::default());
    let mut indexes: FxHashMap<&str, u32> = FxHashMap::default();
    let spellings = &mut names.spellings;
    let mut intern = |word| -> u32 {
        *indexes.entry(word).or_insert_with(|| {
            spellings.push(Box::from(word));
            offset32(spellings.len() - 1)
        })
    };
    let mut tokens: Vec<Range<usize>> = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        tokens.clear();
        tokens.extend(words(block.text()));
        find_titles(table, index, block, &tokens, &mut names.titles);
        let mut previous: Option<&str> = None;
        let mut previous_end = 0;
        for token in &tokens {
            visit_word(block, token.clone());
            let word = &block.text()[token.clone()];
            let name_like = is_capitalised(word) && table.may_be_name(word);
            if starts_lower_case(word) {
                lower_case_words.insert(word);
            } else if name_like {
                let follows_directly = matches!(
                    block.text().get(previous_end..token.start),
                    Some(" " | "\u{a0}")
                );
                let span = block.span_of(token.clone());
                names.words.push(NameWord {
                    start: offset32(span.start),
                    end: offset32(span.end),
                    block: offset32(index),
                    text: intern(word),
                    given: previous
                        .filter(|_| follows_directly)
                        .map_or(NameWord::NO_GIVEN, &mut intern),
                });
            }
            previous = name_like.then_some(word);
            previous_end = token.end;
        }
    }
    // A word the article also writes in lower case is a common word ("But", "Officials").
    let is_common = |word: &str| with_lowercase(word, |lower| lower_case_words.contains(lower));
    let common: Vec<bool> = names.spellings.iter().map(|w| is_common(w)).collect();
    names.words.retain(|word| !common[word.text as usize]);
    for word in &mut names.words {
        if word.given != NameWord::NO_GIVEN && common[word.given as usize] {
            word.given = NameWord::NO_GIVEN;
        }
    }
    names
}

/// An offset or index as `u32`: the engine refuses files past 4 GiB, so it always fits.
fn offset32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Runs of letters that are words of prose: not parts of handles, hashtags, paths, domain
/// names or identifiers ("@defense", "#organize", "defense.gov", "colour_2").
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    words_where(text, |_| true)
}

/// The [`words`] that `keep` accepts, asked before the prose-word test: a cheap `keep` that
/// rules out most words saves looking around each of them.
pub fn words_where<'t>(
    text: &'t str,
    keep: impl Fn(&str) -> bool + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = next_letter(text, at)?;
        let end = start + letters_at(text, start);
        at = end;
        if keep(&text[start..end]) && is_prose_word(text, start..end) {
            return Some(start..end);
        }
    })
}

fn is_prose_word(text: &str, range: Range<usize>) -> bool {
    // What attaches a word to a handle, path or number is ASCII, and so is a period: the
    // bytes around the word are read as they are, and only a period's other neighbour is
    // decoded.
    let bytes = text.as_bytes();
    let attached = |b: u8| b.is_ascii_digit() || matches!(b, b'_' | b'@' | b'#' | b'/' | b'\\');
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if let Some(before) = range.start.checked_sub(1) {
        match bytes[before] {
            b if attached(b) => return false,
            b'.' if alphanumeric(text[..before].chars().next_back()) => return false,
            _ => {}
        }
    }
    match bytes.get(range.end) {
        Some(&b) if attached(b) => false,
        Some(b'.') => !alphanumeric(text[range.end + 1..].chars().next()),
        _ => true,
    }
}

pub fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

pub fn starts_lower_case(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `range` of the block's text is the first word of its sentence. A binary search
/// over the sorted sentences, so a huge paragraph stays linear overall.
pub fn is_sentence_start(block: &Block, range: &Range<usize>) -> bool {
    let after = block
        .sentences
        .partition_point(|sentence| sentence.start <= range.start);
    let sentence_start = after
        .checked_sub(1)
        .and_then(|index| block.sentences.get(index))
        .map_or(0, |sentence| sentence.start);
    block
        .text()
        .get(sentence_start..range.start)
        .is_some_and(|lead| !lead.chars().any(char::is_alphanumeric))
}

/// Quoted material: the spans of direct quotations, and block quotes. The consistency rules
/// leave it as written.
pub struct Quoted {
    /// Sorted, disjoint.
    spans: Vec<Span>,
}

impl Quoted {
    pub fn new(quotes: &[Quotation]) -> Quoted {
        let mut sorted: Vec<Span> = quotes.iter().map(|quote| quote.span).collect();
        sorted.sort();
        let mut spans: Vec<Span> = Vec::with_capacity(sorted.len());
        for span in sorted {
            match spans.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => spans.push(span),
            }
        }
        Quoted { spans }
    }

    pub fn contains(&self, block: &Block, span: Span) -> bool {
        if block.quote_depth > 0 {
            return true;
        }
        let after = self
            .spans
            .partition_point(|quote| quote.start <= span.start);
        after > 0 && span.end <= self.spans[after - 1].end
    }
}

/// Characters that join a title's words: a space or a hyphen.
fn joint(c: &str) -> Option<bool> {
    match c {
        " " | "\u{a0}" => Some(false),
        "-" | "\u{2010}" | "\u{2011}" => Some(true),
        _ => None,
    }
}

fn find_titles(
    table: &TitleTable,
    block_index: usize,
    block: &Block,
    tokens: &[Range<usize>],
    out: &mut Vec<TitleMention>,
) {
    let text = block.text();
    let mut at = 0;
    while at < tokens.len() {
        let found = table
            .starting_with(&text[tokens[at].clone()])
            .iter()
            .find_map(|&title| {
                let words = &table.titles[title].words;
                let mentioned = tokens.get(at..at + words.len())?;
                let mut joints = Joints::default();
                for (gap, pair) in mentioned.windows(2).enumerate() {
                    if joint(text.get(pair[0].end..pair[1].start)?)? {
                        joints = joints.with_hyphen_at(gap);
                    }
                }
                let capitalised = table.titles[title].capitalised;
                let same_words = mentioned.iter().zip(words).all(|(token, word)| {
                    let written = &text[token.clone()];
                    written.eq_ignore_ascii_case(word)
                        && (!capitalised || written.chars().next() == word.chars().next())
                });
                same_words.then_some((title, joints, words.len()))
            });
        let Some((title, joints, length)) = found else {
            at += 1;
            continue;
        };
        let range = tokens[at].start..tokens[at + length - 1].end;
        out.push(TitleMention {
            block: block_index,
            span: block.span_of(range.clone()),
            organisation: organisation_around(table, text, &range),
            range,
            title,
            joints,
        });
        at += length;
    }
}

/// The organisation named just before a title ("NATO's Secretary General") or just after it
/// ("Secretary-General of the United Nations").
fn organisation_around(table: &TitleTable, text: &str, range: &Range<usize>) -> Option<usize> {
    let before = text[..range.start].trim_end();
    let before = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))
        .unwrap_or(before);
    let after = text[range.end..]
        .strip_prefix(" of ")
        .map(|rest| rest.strip_prefix("the ").unwrap_or(rest));
    table.organisations.iter().position(|organisation| {
        organisation.aliases.iter().any(|alias| {
            let precedes = before
                .strip_suffix(alias.as_str())
                .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric));
            let follows = after
                .and_then(|rest| rest.strip_prefix(alias.as_str()))
                .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric));
            precedes || follows
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;

    fn extract_from(source: &str) -> (Document<'_>, Names) {
        let doc = Document::parse(source);
        let names = extract(&doc, &ExtractContext::of(&Settings::embedded()), |_, _| {});
        (doc, names)
    }

    fn word_texts(text: &str) -> Vec<&str> {
        words(text).map(|range| &text[range]).collect()
    }

    /// `(title as written, organisation name)` of every title mention.
    fn titles(source: &str) -> Vec<(String, Option<String>)> {
        let settings = Settings::embedded();
        let (_, names) = extract_from(source);
        names
            .titles
            .iter()
            .map(|mention| {
                (
                    mention.span.text(source).to_string(),
                    mention
                        .organisation
                        .map(|org| settings.style.titles.organisations[org].name.clone()),
                )
            })
            .collect()
    }

    #[track_caller]
    fn assert_title(source: &str, written: &str, organisation: Option<&str>) {
        let found = titles(source);
        assert!(
            found
                .iter()
                .any(|(w, o)| w == written && o.as_deref() == organisation),
            "{found:?}"
        );
    }

    #[test]
    fn words_skip_handles_hashtags_domains_and_identifiers() {
        assert_eq!(
            word_texts("Defence, @defense #organize defense.gov colour_2 (labour)."),
            vec!["Defence", "labour"]
        );
        assert_eq!(
            word_texts("Müller’s façade—U.S. rules"),
            vec!["Müller", "s", "façade", "rules"]
        );
        assert_eq!(
            word_texts("é.Done ü.b 3é é3 x.é x.3 end. .Start ok.\u{a0}"),
            vec!["end", "Start", "ok"]
        );
    }

    #[test]
    fn titles_are_found_with_their_joints_and_organisation() {
        assert_title(
            "NATO Secretary-General Jens Stoltenberg spoke.",
            "Secretary-General",
            Some("NATO"),
        );
        assert_title(
            "The UN’s Secretary General spoke.",
            "Secretary General",
            Some("UN"),
        );
        assert_title(
            "The Secretary-General of the United Nations spoke.",
            "Secretary-General",
            Some("UN"),
        );
        assert_title("The Prime-Minister spoke.", "Prime-Minister", None);
        assert_title(
            "An Under-Secretary-General spoke.",
            "Under-Secretary-General",
            None,
        );
        assert_eq!(titles("An Under-Secretary-General spoke.").len(), 1);
    }

    #[test]
    fn capitalised_only_titles_need_capitals() {
        assert!(titles("It was a major general strike.").is_empty());
        assert_title("Major-General Smith arrived.", "Major-General", None);
        assert!(titles("The Secretary, General Smith.").is_empty());
    }

    #[test]
    fn name_words_are_capitalised_and_never_lower_case() {
        let source = "NATO Secretary General Jens Stoltenberg met Bucharest officials. Officials and Stoltenberg left on Monday. But Kuleba stayed; but not long.";
        let (_, names) = extract_from(source);
        let found: Vec<(&str, Option<&str>)> = names
            .words
            .iter()
            .map(|w| (names.text(w), names.given(w)))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Jens", None),
                ("Stoltenberg", Some("Jens")),
                ("Bucharest", None),
                ("Stoltenberg", None),
                ("Kuleba", None),
            ]
        );
    }

    #[test]
    fn sentence_starts() {
        let doc = Document::parse("Defence rose. “Colour matters,” he said; Labour won.");
        let block = &doc.blocks[0];
        let starts: Vec<&str> = words(block.text())
            .filter(|range| is_sentence_start(block, range))
            .map(|range| &block.text()[range])
            .collect();
        assert_eq!(starts, vec!["Defence", "Colour"]);
    }

    #[test]
    fn quoted_spans_and_block_quotes() {
        let source = "She said “plain words here, truly.” Then left.\n\n> A quoted block.\n";
        let doc = Document::parse(source);
        let quotes = crate::claims::quote::extract(
            &doc,
            &crate::claims::ExtractContext::of(&crate::Settings::embedded()),
        )
        .quotations;
        let quoted = Quoted::new(&quotes);
        let inside = source.find("words").unwrap();
        let outside = source.find("Then").unwrap();
        assert!(quoted.contains(&doc.blocks[0], Span::new(inside, inside + 5)));
        assert!(!quoted.contains(&doc.blocks[0], Span::new(outside, outside + 4)));
        assert!(quoted.contains(&doc.blocks[1], doc.blocks[1].span()));
    }
}
