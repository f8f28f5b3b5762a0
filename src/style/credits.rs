//! Credit patterns for images and bylines (`rules/style/credits.toml`), plus any
//! `credits.toml` in the user's style folders, whose lists are added to the defaults.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_automata::meta;
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use smallvec::SmallVec;
use toml::Spanned;

use super::{caption_openings, gate};
use crate::error::InputError;
use crate::span::Span;

/// The embedded file, read by the build script (and by the tests, to check its lists).
#[cfg(test)]
const EMBEDDED: &str = include_str!("../../rules/style/credits.toml");
#[cfg(test)]
const EMBEDDED_PATH: &str = "rules/style/credits.toml";
const FILE_NAME: &str = "credits.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCredits {
    #[serde(default)]
    image: RawImage,
    #[serde(default)]
    byline: RawByline,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawImage {
    #[serde(default)]
    credits: Vec<Spanned<String>>,
    #[serde(default)]
    captions: Vec<Spanned<String>>,
    #[serde(default)]
    article_credits: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawByline {
    #[serde(default)]
    bylines: Vec<Spanned<String>>,
    #[serde(default)]
    reporting: Vec<Spanned<String>>,
    #[serde(default)]
    front_matter_keys: Vec<String>,
    #[serde(default)]
    agencies: Vec<String>,
}

/// Several patterns matched as one.
///
/// Word boundaries `\b` and `\B` are matched as ASCII boundaries: with Unicode ones the
/// fast (lazy DFA) engine gives up on any text holding a non-ASCII character, a curly
/// quotation mark say, and the slow engines it falls back to took a fifth of factlint's
/// time. The difference shows only next to non-ASCII letters, which these English credit
/// words never touch.
///
/// Byte classes such as `(?-u:[^.!?]){0,150}` are allowed: they compile many times faster
/// than Unicode classes repeated as often. A match is widened to whole characters.
///
/// Each pattern is compiled the first time a text gets past its gate (the words every match
/// of it contains, see [`gate`]): most paragraphs hold none of a pattern's words, and an
/// article may never need some sets at all (the byline patterns, when the front matter names
/// the author). The gates of all the set's patterns are read in one pass over the text.
/// A set matches as the alternation of its patterns would: the leftmost match, and of those
/// starting there, the first pattern's.
#[derive(Debug, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    gates: OnceLock<Gates>,
    /// A test every text the set matches passes, run before anything else: the embedded
    /// caption patterns' ([`caption_openings`]), when the set is exactly those.
    quick_test: Option<fn(&str) -> bool>,
}

#[derive(Debug)]
struct Pattern {
    source: String,
    compiled: OnceLock<Option<meta::Regex>>,
}

/// The lists of the embedded file, as the build script read them into `EMBEDDED_LISTS`.
struct BuiltLists {
    image_credit: &'static [&'static str],
    caption: &'static [&'static str],
    article_credit: &'static [&'static str],
    byline: &'static [&'static str],
    reporting: &'static [&'static str],
    byline_keys: &'static [&'static str],
    agencies: &'static [&'static str],
}

// Read by the build script: `EMBEDDED_LISTS`, `BUILT_GATES`, each embedded pattern with its needle lists as
// indexes into `NEEDLES`, and an automaton that finds every needle in one pass
// (`NEEDLE_CLASSES`, `NEEDLE_STATES`, `NEEDLE_MATCHING`, `NEEDLE_OUTPUTS`; see
// `build/style.rs`).
include!(concat!(env!("OUT_DIR"), "/credit_gates.rs"));

/// The needle lists of an embedded pattern, as indexes into [`NEEDLES`].
fn built_lists(pattern: &str) -> Option<&'static [&'static [u16]]> {
    BUILT_GATES
        .iter()
        .find(|(built, _)| *built == pattern)
        .map(|(_, lists)| *lists)
}

/// What a text must hold for a pattern to match it: one needle of each list (see [`gate`]),
/// ASCII lower case.
fn needle_lists(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    match built_lists(pattern) {
        Some(lists) => lists
            .iter()
            .map(|list| {
                list.iter()
                    .map(|&at| NEEDLES[usize::from(at)].to_vec())
                    .collect()
            })
            .collect(),
        None => gate::needles(pattern),
    }
}

/// The two characters that `(?i)` reads as ASCII letters (the long s, the Kelvin sign): a
/// text holding one gets past every gate. They are the first two needles of [`Gates`] (and
/// of [`NEEDLES`]).
const FOLDED: [&str; 2] = ["\u{17F}", "\u{212A}"];

/// The gates of a set's patterns: every needle of every pattern, looked for in one pass
/// without regard to ASCII case.
#[derive(Debug)]
struct Gates {
    finder: Finder,
    needle_count: usize,
    /// For each pattern, its lists as indexes into the needles: one of each list must be in
    /// the text (none: every text gets past it).
    lists: Vec<Vec<Vec<usize>>>,
}

/// What finds the needles of a set.
#[derive(Debug)]
enum Finder {
    /// Every pattern is embedded: the automaton built with the program, over [`NEEDLES`].
    Built,
    /// The set's own needles, [`FOLDED`] first (none if they cannot be looked for).
    Read(Option<AhoCorasick>),
}

/// Which needles a text holds.
type Present = SmallVec<[u64; 4]>;

impl Gates {
    fn new(patterns: &[Pattern]) -> Gates {
        let built: Option<Vec<_>> = patterns
            .iter()
            .map(|pattern| built_lists(&pattern.source))
            .collect();
        if let Some(built) = built {
            return Gates {
                finder: Finder::Built,
                needle_count: NEEDLES.len(),
                lists: built
                    .iter()
                    .map(|lists| {
                        lists
                            .iter()
                            .map(|list| list.iter().map(|&at| usize::from(at)).collect())
                            .collect()
                    })
                    .collect(),
            };
        }
        let mut needles: Vec<Vec<u8>> = FOLDED.iter().map(|c| c.as_bytes().to_vec()).collect();
        let mut index: FxHashMap<Vec<u8>, usize> = needles
            .iter()
            .enumerate()
            .map(|(at, needle)| (needle.clone(), at))
            .collect();
        let lists = patterns
            .iter()
            .map(|pattern| {
                needle_lists(&pattern.source)
                    .into_iter()
                    .map(|list| {
                        list.into_iter()
                            .map(|needle| {
                                *index.entry(needle).or_insert_with_key(|needle| {
                                    needles.push(needle.clone());
                                    needles.len() - 1
                                })
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        // The needles are few and short: the contiguous automaton builds fastest.
        let finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&needles)
            .ok();
        Gates {
            finder: Finder::Read(finder),
            needle_count: needles.len(),
            lists,
        }
    }

    /// The needles `text` holds (all of them if they cannot be looked for).
    fn present(&self, text: &str) -> Present {
        let words = self.needle_count.div_ceil(64);
        let mut present: Present = smallvec::smallvec![0; words];
        match &self.finder {
            Finder::Built => {
                let mut state = 0;
                for &byte in text.as_bytes() {
                    let class = usize::from(NEEDLE_CLASSES[usize::from(byte)]);
                    state = usize::from(NEEDLE_STATES[state * NEEDLE_CLASS_COUNT + class]);
                    if NEEDLE_MATCHING[state] {
                        for (word, bits) in present.iter_mut().zip(&NEEDLE_OUTPUTS[state]) {
                            *word |= bits;
                        }
                    }
                }
            }
            Finder::Read(Some(finder)) => {
                for found in finder.find_overlapping_iter(text) {
                    let at = found.pattern().as_usize();
                    present[at / 64] |= 1 << (at % 64);
                }
            }
            Finder::Read(None) => present.fill(u64::MAX),
        }
        present
    }

    /// Whether the text holding `present` holds a character that `(?i)` reads as an ASCII
    /// letter: it gets past every gate.
    fn admits_all(&self, present: &Present) -> bool {
        (0..FOLDED.len()).any(|at| present[at / 64] & (1 << (at % 64)) != 0)
    }

    /// Whether the text holding `present` gets past the gate of pattern `pattern`.
    fn admits(&self, pattern: usize, present: &Present) -> bool {
        let holds = |at: usize| present[at / 64] & (1 << (at % 64)) != 0;
        self.admits_all(present)
            || self.lists[pattern]
                .iter()
                .all(|list| list.iter().any(|&at| holds(at)))
    }
}

/// The most common credit pattern, "Photo: X" (the first image credit pattern of
/// `rules/style/credits.toml`), written out by hand: compiling it costs more than checking a
/// short article. Tested against the pattern on many generated texts.
const PHOTO_COLON: &str = r"(?i)\b(?:photo(?:graph)?s?|images?|pictures?|pics?|graphics?|illustrations?|cartoons?|screenshots?|screen ?grabs?|videos?|thumbnails?|infographics?)\s*(?:credits?|courtesy|source|by)?\s*:\s*\S";

/// Whether [`PHOTO_COLON`] matches `text`, which holds neither character that `(?i)` reads
/// as an ASCII letter (the long s, the Kelvin sign).
fn photo_colon(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "photo",
        "photograph",
        "image",
        "picture",
        "pic",
        "graphic",
        "illustration",
        "cartoon",
        "screenshot",
        "screengrab",
        "screen grab",
        "video",
        "thumbnail",
        "infographic",
    ];
    const LABELS: &[&str] = &["credit", "credits", "courtesy", "source", "by"];
    let bytes = text.as_bytes();
    let word_byte = |at: usize| bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_';
    // `word` at `at`, any ASCII case: the offset after it.
    let word_at = |at: usize, word: &str| {
        let end = at + word.len();
        (end <= bytes.len() && bytes[at..end].eq_ignore_ascii_case(word.as_bytes())).then_some(end)
    };
    let skip_spaces = |at: usize| {
        at + text[at..]
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(text.len() - at)
    };
    // From after a word (and its optional plural "s"): spaces, an optional label, spaces,
    // a colon, spaces and one more character.
    let rest = |at: usize| {
        let at = skip_spaces(at);
        let colon = |at: usize| bytes.get(at) == Some(&b':') && skip_spaces(at + 1) < bytes.len();
        colon(at)
            || LABELS
                .iter()
                .filter_map(|label| word_at(at, label))
                .any(|end| colon(skip_spaces(end)))
    };
    (0..bytes.len()).any(|at| {
        (at == 0 || !word_byte(at - 1))
            && matches!(
                bytes[at] | 0x20,
                b'p' | b'i' | b'g' | b'c' | b's' | b'v' | b't'
            )
            && WORDS
                .iter()
                .filter_map(|word| word_at(at, word))
                .any(|end| rest(end) || (word_at(end, "s").is_some() && rest(end + 1)))
    })
}

impl Pattern {
    fn regex(&self) -> Option<&meta::Regex> {
        // Every pattern was checked (or is known) to compile.
        self.compiled
            .get_or_init(|| compile(&self.source).ok())
            .as_ref()
    }
}

impl PatternSet {
    fn new(patterns: &[String]) -> PatternSet {
        PatternSet {
            patterns: patterns
                .iter()
                .map(|source| Pattern {
                    source: source.clone(),
                    compiled: OnceLock::new(),
                })
                .collect(),
            gates: OnceLock::new(),
            quick_test: None,
        }
    }

    /// The set with a test every text it matches passes (a text failing it is not searched).
    fn with_quick_test(mut self, quick_test: Option<fn(&str) -> bool>) -> PatternSet {
        self.quick_test = quick_test;
        self
    }

    /// Whether the quick test rules `text` out.
    fn ruled_out(&self, text: &str) -> bool {
        self.quick_test.is_some_and(|test| !test(text))
    }

    /// The patterns that `text` gets past the gates of.
    fn admitted<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a meta::Regex> + 'a {
        let gates = (!self.patterns.is_empty())
            .then(|| self.gates.get_or_init(|| Gates::new(&self.patterns)));
        let present = gates.map(|gates| (gates, gates.present(text)));
        self.patterns
            .iter()
            .enumerate()
            .filter(move |(at, _)| {
                present
                    .as_ref()
                    .is_some_and(|(gates, present)| gates.admits(*at, present))
            })
            .filter_map(|(_, pattern)| pattern.regex())
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.ruled_out(text) && self.is_match_without_quick_test(text)
    }

    /// [`PatternSet::is_match`] without the quick test (which tests compare with it).
    pub(super) fn is_match_without_quick_test(&self, text: &str) -> bool {
        let gates = match self.patterns.is_empty() {
            true => return false,
            false => self.gates.get_or_init(|| Gates::new(&self.patterns)),
        };
        let present = gates.present(text);
        let folded = gates.admits_all(&present);
        self.patterns.iter().enumerate().any(|(at, pattern)| {
            gates.admits(at, &present)
                && if !folded && pattern.source == PHOTO_COLON {
                    photo_colon(text)
                } else {
                    pattern.regex().is_some_and(|re| re.is_match(text))
                }
        })
    }

    /// Where the first pattern matches (whole characters: a byte class may end inside one).
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        if self.ruled_out(text) {
            return None;
        }
        let mut best: Option<Range<usize>> = None;
        for re in self.admitted(text) {
            // A pattern's match that starts later than the best one so far cannot win.
            let Some(found) = re.find(text) else {
                continue;
            };
            if best.as_ref().is_none_or(|best| found.start() < best.start) {
                best = Some(found.range());
            }
        }
        let mut range = best?;
        while !text.is_char_boundary(range.start) {
            range.start -= 1;
        }
        while !text.is_char_boundary(range.end) {
            range.end += 1;
        }
        Some(range)
    }
}

/// Compile `pattern` as `regex::Regex` would, but with ASCII word boundaries and byte classes
/// allowed.
fn compile(pattern: &str) -> Result<meta::Regex, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|error| error.to_string())?;
    // No literal prefilter: extracting the literals of case-insensitive alternations took
    // most of the compile time, and on paragraph-sized texts the lazy DFA alone is as fast.
    // Nor the engines that only pay for themselves on captures or many searches (a full
    // DFA, one-pass DFA, backtracker): without them compiling costs a fifth less, and every
    // engine finds the same matches.
    meta::Regex::builder()
        .configure(
            meta::Regex::config()
                .nfa_size_limit(Some(PATTERN_SIZE_LIMIT))
                .auto_prefilter(false)
                .dfa(false)
                .onepass(false)
                .backtrack(false),
        )
        .build_from_hir(&ascii_boundaries(hir))
        .map_err(|error| error.to_string())
}

/// The most memory one compiled pattern set may take (the regex crate's own default).
const PATTERN_SIZE_LIMIT: usize = 10 * (1 << 20);

/// `hir` with every Unicode word-boundary assertion made ASCII (taken apart and rebuilt by
/// value: cloning the large Unicode classes cost as much as compiling them).
fn ascii_boundaries(hir: Hir) -> Hir {
    if !hir.properties().look_set().contains_word_unicode() {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Look(look) => Hir::look(match look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => other,
        }),
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            sub: Box::new(ascii_boundaries(*repetition.sub)),
            ..repetition
        }),
        HirKind::Capture(capture) => Hir::capture(Capture {
            sub: Box::new(ascii_boundaries(*capture.sub)),
            ..capture
        }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(ascii_boundaries).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(ascii_boundaries).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
    }
}

#[derive(Debug, Default)]
pub struct CreditPatterns {
    /// "Photo: X", "(Photo by X)", "X/Reuters".
    pub image_credit: PatternSet,
    /// A paragraph that is a photo caption ("Official photo of ...", "Pictured: ...").
    pub caption: PatternSet,
    /// An article-wide credit ("The image used in this post is by X"), when it is a credit.
    pub article_credit: PatternSet,
    /// "By Jane Doe" near the top.
    pub byline: PatternSet,
    /// "With reporting by ...", anywhere.
    pub reporting: PatternSet,
    /// Front-matter keys that hold a byline.
    pub byline_keys: Vec<String>,
    /// News agencies, whose name in a dateline ("LONDON (Reuters) -") or alone on a closing
    /// line ("— AFP") credits them with the report (`claims::byline::wire_credit`).
    pub agencies: Vec<String>,
}

/// Pattern lists gathered from every file, each pattern already checked.
#[derive(Debug, Default, PartialEq)]
struct Lists {
    image_credit: Vec<String>,
    caption: Vec<String>,
    article_credit: Vec<String>,
    byline: Vec<String>,
    reporting: Vec<String>,
    byline_keys: Vec<String>,
    agencies: Vec<String>,
}

impl Lists {
    /// The embedded file's lists, as the build script read them.
    fn embedded() -> Lists {
        let owned = |list: &[&str]| list.iter().map(|item| item.to_string()).collect();
        Lists {
            image_credit: owned(EMBEDDED_LISTS.image_credit),
            caption: owned(EMBEDDED_LISTS.caption),
            article_credit: owned(EMBEDDED_LISTS.article_credit),
            byline: owned(EMBEDDED_LISTS.byline),
            reporting: owned(EMBEDDED_LISTS.reporting),
            byline_keys: owned(EMBEDDED_LISTS.byline_keys),
            agencies: owned(EMBEDDED_LISTS.agencies),
        }
    }
}

impl CreditPatterns {
    /// The embedded patterns plus `credits.toml` in each of `dirs` (when present).
    pub fn load(dirs: &[PathBuf]) -> Result<CreditPatterns, InputError> {
        // The embedded patterns were read by the build script and are known to compile (a
        // test checks each): parsing the file and compiling them again at every start would
        // double the start-up cost.
        let mut lists = Lists::embedded();
        for dir in dirs {
            let path = dir.join(FILE_NAME);
            if !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|error| {
                InputError::new(path.display().to_string(), format!("cannot read: {error}"))
            })?;
            add_file(&mut lists, &text, &path, true)?;
        }
        // The hand-written test holds for the embedded caption patterns only.
        let is_embedded = lists
            .caption
            .iter()
            .map(String::as_str)
            .eq(EMBEDDED_LISTS.caption.iter().copied());
        Ok(CreditPatterns {
            image_credit: PatternSet::new(&lists.image_credit),
            caption: PatternSet::new(&lists.caption).with_quick_test(
                is_embedded.then_some(caption_openings::may_open_caption as fn(&str) -> bool),
            ),
            article_credit: PatternSet::new(&lists.article_credit),
            byline: PatternSet::new(&lists.byline),
            reporting: PatternSet::new(&lists.reporting),
            byline_keys: lists.byline_keys,
            agencies: lists.agencies,
        })
    }
}

/// Parse one credits file and add its patterns; with `validate`, a bad pattern is an error
/// pointing at it.
fn add_file(lists: &mut Lists, text: &str, path: &Path, validate: bool) -> Result<(), InputError> {
    let display = path.display().to_string();
    let shared = Arc::new(text.to_string());
    let error_at = |message: String, span: Range<usize>| {
        InputError::new(&display, message).at(Span::from(span), Arc::clone(&shared))
    };
    let raw: RawCredits = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        error_at(
            format!("invalid credits file: {}", error.message().trim()),
            span,
        )
    })?;
    let checked = |patterns: Vec<Spanned<String>>, into: &mut Vec<String>| {
        for pattern in patterns {
            if let Some(Err(error)) = validate.then(|| compile(pattern.get_ref())) {
                return Err(error_at(
                    format!("invalid pattern: {}", first_line(&error)),
                    pattern.span(),
                ));
            }
            into.push(pattern.into_inner());
        }
        Ok(())
    };
    checked(raw.image.credits, &mut lists.image_credit)?;
    checked(raw.image.captions, &mut lists.caption)?;
    checked(raw.image.article_credits, &mut lists.article_credit)?;
    checked(raw.byline.bylines, &mut lists.byline)?;
    checked(raw.byline.reporting, &mut lists.reporting)?;
    lists.byline_keys.extend(raw.byline.front_matter_keys);
    lists.agencies.extend(raw.byline.agencies);
    Ok(())
}

/// regex errors span several lines (pattern, caret, message): the message is the last.
fn first_line(error: &str) -> &str {
    error
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or(error)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> CreditPatterns {
        CreditPatterns::load(&[]).unwrap()
    }

    #[test]
    fn the_built_lists_are_the_file_read() {
        let mut read = Lists::default();
        add_file(&mut read, EMBEDDED, Path::new(EMBEDDED_PATH), false).unwrap();
        assert_eq!(Lists::embedded(), read);
    }

    #[test]
    fn every_embedded_pattern_compiles_on_its_own() {
        // Start-up skips this check for the embedded file; this test keeps it true.
        let mut lists = Lists::default();
        add_file(&mut lists, EMBEDDED, Path::new(EMBEDDED_PATH), true).unwrap();
        assert!(!lists.image_credit.is_empty() && !lists.byline.is_empty());
    }

    #[track_caller]
    fn assert_credit(text: &str, expected: bool) {
        assert_eq!(embedded().image_credit.is_match(text), expected, "{text:?}");
    }

    #[test]
    fn image_credits_in_every_accepted_form() {
        for text in [
            "Official photo of NATO Ministers, Image Credit: NATO",
            "Ministers in Bucharest. Photo: Jane Doe",
            "The square at dawn (Photo by Jane Doe)",
            "Joyce Banda speaking. Photo shared on Flickr by DFID under Creative Commons",
            "Protesters in Kyiv. Jane Doe/Reuters",
            "The minister arrives. AP Photo/Jane Doe",
            "A drawing. Courtesy of the artist",
            "Grand Mosque. Photo from Flickr page of hophoptuing",
            "Shaul Mofaz. Image posted on Flickr by Tzipi Livni (CC BY-NC-SA 2.0).",
            "Protesters gather in the square on Monday (Getty Images)",
            "Protesters gather in the square. Photo: @janedoe",
            "Protesters gather in the square. Taken by Jane Doe.",
            "Taken by @janedoe on Monday",
            "Protesters gather in the square. Image via Twitter.",
            "Screenshot from the ministry's website.",
            "Protesters in Kyiv on Monday. REUTERS/Gleb Garanich",
            "Protesters in Kyiv on Monday. EPA-EFE/SERGEY DOLZHENKO",
            "Protesters in Kyiv. (Photo by Sergei Supinsky/AFP via Getty Images)",
            "Protesters in Kyiv on Monday. AFP via Getty Images",
            "Police lines near the parliament building. Reuters",
            "The flooded valley. Source: the regional government",
        ] {
            assert_credit(text, true);
        }
        for text in [
            "The ministers met in Bucharest.",
            "Official photo of NATO Ministers of Foreign Affairs, Bucharest-Romania",
            "The decision was taken by the council on Monday.",
            "Reuters reported the decision first.",
            "The agencies (Reuters and AFP) reported it.",
            "The open source movement grew.",
        ] {
            assert_credit(text, false);
        }
    }

    #[test]
    fn word_boundaries_are_ascii_and_work_beside_curly_quotes() {
        let set = PatternSet::new(&[r"(?i)\bphoto\b".to_string()]);
        assert!(set.is_match("“Photo” by the ministry"));
        assert!(set.is_match("A photo: Jane Doe"));
        assert!(!set.is_match("Photos of the square"));
        assert!(!set.is_match("telephoto lens"));
        assert_eq!(set.find("See the “photo”"), Some(11..16));
        // Only beside a non-ASCII letter does an ASCII boundary differ from a Unicode one.
        assert!(set.is_match("éphoto"));
        assert!(!PatternSet::new(&[]).is_match("photo"));
        // A byte class may match part of a character: the match covers the whole of it.
        let bytes = PatternSet::new(&[r"(?-u:\xE2)".to_string()]);
        assert_eq!(bytes.find("a “b”"), Some(2..5));
    }

    #[test]
    fn captions_and_bylines() {
        let patterns = embedded();
        assert!(patterns
            .caption
            .is_match("(Official photo of NATO Ministers)"));
        assert!(patterns.caption.is_match("Pictured: the minister"));
        assert!(patterns.caption.is_match("A view of the square (Photo)"));
        assert!(!patterns
            .caption
            .is_match("The photo of the minister went viral."));
        assert!(patterns.byline.is_match("By Jane Doe"));
        assert!(!patterns.byline.is_match("By the end of the day"));
        for byline in [
            "By the history desk",
            "By Staff",
            "By staff reporters",
            "By Our Correspondent",
            "Written by Jane Doe",
            "Compiled by the newsroom",
            "BY JANE DOE",
            "Posted by Jane Doe",
            "Author: Jane Doe",
        ] {
            assert!(patterns.byline.is_match(byline), "{byline:?}");
        }
        assert!(!patterns
            .byline
            .is_match("By the end of the day the staff had left"));
        assert!(patterns
            .reporting
            .is_match("With reporting by Reuters, Agerpres"));
        assert!(patterns
            .reporting
            .is_match("Jane Doe contributed reporting."));
        assert_eq!(patterns.byline_keys, ["author", "authors", "byline"]);
    }

    /// Wire copy, British papers and republished pieces name their writer in their own ways.
    #[test]
    fn house_styles_of_naming_the_writer() {
        let patterns = embedded();
        for byline in [
            "Reuters Staff",
            "Staff and agencies",
            "Guardian staff and agencies",
            "Jane Doe in Kyiv",
            "Jane Doe and John Roe in Brussels",
            "Jane Doe in Kyiv and agencies",
            "Jane Doe, Political correspondent",
            "Jane Doe, senior reporter",
            "Jane Doe, Associated Press",
            "Jane Doe reports from Brussels",
        ] {
            assert!(patterns.byline.is_match(byline), "{byline:?}");
        }
        for not_a_byline in [
            "The minister in Kyiv said the talks failed.",
            "Jane Doe, the minister, said",
            "Jane Doe in Kyiv said the talks failed.",
            "Staff were sent home early.",
        ] {
            assert!(!patterns.byline.is_match(not_a_byline), "{not_a_byline:?}");
        }
        for credit in [
            "(Reporting by Jane Doe; Editing by John Smith)",
            "Writing by Ann Ray",
            "This article was originally published by The Conversation.",
            "This story first appeared in the Texas Tribune.",
            "Republished with permission from Global Voices.",
            "Jane Doe is a senior reporter at the Daily Planet.",
            "*Jane Doe is a freelance journalist based in Nairobi.*",
            "Jane Doe is the paper's chief political correspondent.",
        ] {
            assert!(patterns.reporting.is_match(credit), "{credit:?}");
        }
        for not_a_credit in [
            "The minister is a former journalist, he said, and knows the press.",
            "Smith is a professor of economics at Yale.",
            "The story was told by Jane Doe's mother.",
        ] {
            assert!(
                !patterns.reporting.is_match(not_a_credit),
                "{not_a_credit:?}"
            );
        }
    }

    /// Each embedded set against the alternation of its patterns compiled as one regex, on
    /// generated captions and prose.
    #[test]
    fn gated_sets_match_as_their_alternation() {
        use crate::matcher::testing::{phrases, product, TRICKY};
        let mut lists = Lists::default();
        add_file(&mut lists, EMBEDDED, Path::new(EMBEDDED_PATH), false).unwrap();
        let mut words = TRICKY.to_vec();
        words.extend([
            "Photo",
            "photo",
            "PHOTOS",
            "Image",
            "image",
            "credit",
            "Credit",
            "by",
            "By",
            "Jane",
            "Doe",
            "Reuters",
            "REUTERS",
            "AFP",
            "Getty Images",
            "via",
            "/",
            "©",
            "copyright",
            "courtesy",
            "of",
            "source",
            "Source",
            ":",
            "(",
            ")",
            ".",
            "taken",
            "Taken",
            "pictured",
            "Pictured",
            "poster",
            "screenshot",
            "screen",
            "grab",
            "file",
            "official",
            "CC",
            "BY-SA",
            "public domain",
            "thumbnail",
            "used",
            "in",
            "this",
            "post",
            "reporting",
            "with",
            "contributed",
            "written",
            "desk",
            "staff",
            "the",
            "ſource",
            "the",
            "minister",
        ]);
        let mut texts = phrases(
            &words,
            &[" ", " ", " ", "", ". ", ", ", "\n", "’"],
            6_000,
            10,
        );
        texts.extend(product(&[
            &["", "(", "“", "  ", "The minister. "],
            &[
                "Official photo of",
                "Photo of",
                "Pictured:",
                "pictured above :",
                "A poster for",
                "Screenshot of",
                "The photo of",
                "By Jane Doe",
                "By the history desk",
                "by staff",
                "Posted by @x",
                "Author: X",
                "With reporting by X",
            ],
            &[" the minister", " the square.", "", " ſquare"],
            &[
                "",
                " (Photo)",
                " (Photo by Jane Doe)",
                "!",
                ". Reuters",
                " used in this post",
            ],
        ]));
        let sets = [
            (&lists.image_credit, 0),
            (&lists.caption, 1),
            (&lists.article_credit, 2),
            (&lists.byline, 3),
            (&lists.reporting, 4),
        ];
        for (patterns, index) in sets {
            // The caption set with its hand-written quick test, as it is loaded.
            let quick_test = (index == 1)
                .then_some(super::caption_openings::may_open_caption as fn(&str) -> bool);
            let set = PatternSet::new(patterns).with_quick_test(quick_test);
            let alternation: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
            // Compiled with every engine the meta regex has, against the few `compile` keeps.
            let hir = regex_syntax::ParserBuilder::new()
                .utf8(false)
                .build()
                .parse(&alternation.join("|"))
                .unwrap();
            let whole = meta::Regex::builder()
                .build_from_hir(&ascii_boundaries(hir))
                .unwrap();
            let mut matched = 0;
            for text in &texts {
                let expected = whole.find(text.as_str()).map(|m| {
                    let mut range = m.range();
                    while !text.is_char_boundary(range.start) {
                        range.start -= 1;
                    }
                    while !text.is_char_boundary(range.end) {
                        range.end += 1;
                    }
                    range
                });
                assert_eq!(set.find(text), expected, "set {index} on {text:?}");
                assert_eq!(
                    set.is_match(text),
                    expected.is_some(),
                    "set {index} on {text:?}"
                );
                matched += usize::from(expected.is_some());
            }
            assert!(matched > 50, "set {index} matched {matched} times");
        }
    }

    /// A byte class `(?-u:[^)])` matches what `[^)]` matches in UTF-8 text (no byte of a
    /// multi-byte character is `)`), and compiles several times faster.
    #[test]
    fn byte_class_for_a_caption_in_parentheses() {
        use crate::matcher::testing::{texts, TRICKY};
        let unicode =
            compile(r"(?i)\((?:file\s+)?(?:photo|picture|image)\b[^)]*\)(?-u:\W)*$").unwrap();
        let bytes =
            compile(r"(?i)\((?:file\s+)?(?:photo|picture|image)\b(?-u:[^)])*\)(?-u:\W)*$").unwrap();
        let mut pieces = TRICKY.to_vec();
        pieces.extend([
            "(", ")", "photo", "Image", "file ", " by ", "“", "—", "é", ".",
        ]);
        for text in texts(&pieces, 20_000, 10) {
            assert_eq!(
                unicode.find(text.as_str()).map(|m| m.range()),
                bytes.find(text.as_str()).map(|m| m.range()),
                "{text:?}"
            );
        }
    }

    /// The hand-written "Photo: X" matches as its pattern, on texts without the two folded
    /// characters (those go to the pattern itself).
    #[test]
    fn photo_colon_matches_as_its_pattern() {
        use crate::matcher::testing::{phrases, texts, TRICKY};
        let mut lists = Lists::default();
        add_file(&mut lists, EMBEDDED, Path::new(EMBEDDED_PATH), false).unwrap();
        assert_eq!(lists.image_credit[0], PHOTO_COLON);
        let re = compile(PHOTO_COLON).unwrap();
        let mut words = TRICKY.to_vec();
        words.extend([
            "photo",
            "Photo",
            "PHOTOS",
            "photograph",
            "Photographs",
            "photographer",
            "image",
            "Images",
            "picture",
            "pics",
            "pic",
            "graphic",
            "Illustrations",
            "cartoon",
            "screenshots",
            "screen grab",
            "Screen  grab",
            "screengrabs",
            "video",
            "Thumbnail",
            "infographics",
            "telephoto",
            "photo_",
            "_photo",
            "4photo",
            "ıMAGE",
            "İmage",
            "credit",
            "CREDITS",
            "courtesy",
            "source",
            "by",
            "By",
            "bys",
            "s",
            ":",
            " :",
            ": ",
            ":\u{A0}",
            ": \n",
            "x",
            "é",
            "Jane",
            "“",
            "’",
            "(",
            ")",
        ]);
        let mut all = phrases(&words, &["", " ", "  ", "\u{2003}", "\n", ":"], 20_000, 6);
        all.extend(texts(&words, 20_000, 8));
        let mut matched = 0;
        for text in all
            .iter()
            .filter(|text| !text.contains(['\u{17F}', '\u{212A}']))
        {
            let expected = re.is_match(text);
            assert_eq!(photo_colon(text), expected, "{text:?}");
            matched += usize::from(expected);
        }
        assert!(matched > 1_000, "{matched}");
    }

    /// Every pattern of the embedded credits file, as it reads at run time.
    fn embedded_patterns() -> Vec<String> {
        let mut lists = Lists::default();
        add_file(&mut lists, EMBEDDED, Path::new(EMBEDDED_PATH), false).unwrap();
        [
            lists.image_credit,
            lists.caption,
            lists.article_credit,
            lists.byline,
            lists.reporting,
        ]
        .concat()
    }

    #[test]
    fn built_gates_are_read_ones() {
        let all = embedded_patterns();
        assert_eq!(BUILT_GATES.len(), all.len());
        for pattern in all {
            assert!(
                built_lists(&pattern).is_some(),
                "{pattern} was not read at build time"
            );
            assert_eq!(needle_lists(&pattern), gate::needles(&pattern), "{pattern}");
        }
        let folded: Vec<&[u8]> = FOLDED.iter().map(|c| c.as_bytes()).collect();
        assert_eq!(NEEDLES[..2], folded);
        // Most patterns need some word: the gates are worth having.
        let open = BUILT_GATES
            .iter()
            .filter(|(_, lists)| lists.is_empty())
            .count();
        assert!(open <= 3, "{open} patterns need no word");
    }

    /// Which patterns of a set `text` gets past the gates of.
    fn admitted(set: &PatternSet, text: &str) -> Vec<bool> {
        let gates = Gates::new(&set.patterns);
        let present = gates.present(text);
        (0..set.patterns.len())
            .map(|at| gates.admits(at, &present))
            .collect()
    }

    #[test]
    fn gates_read_ascii_case_and_let_folded_letters_through() {
        let set = PatternSet::new(&[
            r"(?i)\bsource\s*:".to_string(),
            r"\S+".to_string(),
            r"(?i)\b(?:photo|image)\b.*\bby\b".to_string(),
        ]);
        assert_eq!(admitted(&set, "The SOURCE: x"), [true, true, false]);
        assert_eq!(admitted(&set, "The source"), [false, true, false]);
        assert_eq!(admitted(&set, "The origin: x"), [false, true, false]);
        assert_eq!(admitted(&set, "The ſource: x"), [true, true, true]);
        assert_eq!(admitted(&set, "\u{212A}"), [true, true, true]);
        assert_eq!(admitted(&set, ""), [false, true, false]);
        assert_eq!(admitted(&set, "An IMAGE, by X"), [false, true, true]);
        assert_eq!(admitted(&set, "A Photograph by X"), [false, true, true]);
        assert_eq!(admitted(&set, "A photo"), [false, true, false]);
        // Overlapping needles are all found.
        let set = PatternSet::new(&["(?i)abc".to_string(), "(?i)bcd".to_string()]);
        assert_eq!(admitted(&set, "xABCDx"), [true, true]);
    }

    /// The gates in one pass let through exactly the texts that each pattern's own needle
    /// lists, looked for one by one, let through.
    #[test]
    fn one_pass_gates_are_the_patterns_own() {
        use crate::matcher::testing::{phrases, TRICKY};
        let all = embedded_patterns();
        let set = PatternSet::new(&all);
        assert!(matches!(Gates::new(&set.patterns).finder, Finder::Built));
        // With a user's pattern, the gates are read at run time.
        let mut with_users = all.clone();
        with_users.push(r"(?i)\bbild\s*:".to_string());
        let read = PatternSet::new(&with_users);
        assert!(matches!(
            Gates::new(&read.patterns).finder,
            Finder::Read(Some(_))
        ));
        let mut words = TRICKY.to_vec();
        words.extend([
            "Photo",
            "pic",
            "IMAGES",
            "by",
            "From",
            "via",
            "courtesy",
            "credit",
            ":",
            "©",
            "copyright",
            "Reuters",
            "AFP",
            "/",
            "(",
            ")",
            "Getty",
            "source",
            "taken",
            "CC",
            "public domain",
            "used",
            "in",
            "this",
            "post",
            "thumbnail",
            "Pictured",
            "poster",
            "of",
            "By",
            "reporting",
            "contributed",
            "written",
            "staff",
            "desk",
            "ſ",
            "\u{212A}",
        ]);
        for text in phrases(&words, &[" ", "", ". ", "\n"], 3_000, 8) {
            let lower = text.as_bytes().to_ascii_lowercase();
            let folded = text.contains(['\u{17F}', '\u{212A}']);
            let expected: Vec<bool> = all
                .iter()
                .map(|pattern| {
                    folded
                        || gate::needles(pattern).iter().all(|list| {
                            list.iter()
                                .any(|needle| memchr::memmem::find(&lower, needle).is_some())
                        })
                })
                .collect();
            assert_eq!(admitted(&set, &text), expected, "{text:?}");
            assert_eq!(admitted(&read, &text)[..all.len()], expected, "{text:?}");
        }
    }

    #[test]
    fn user_files_add_patterns_and_bad_ones_point_at_themselves() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[image]\ncredits = ['Bild:\\s*\\S']\n",
        )
        .unwrap();
        let patterns = CreditPatterns::load(&[dir.path().to_path_buf()]).unwrap();
        assert!(patterns
            .image_credit
            .is_match("Die Minister. Bild: Jane Doe"));
        assert!(patterns.image_credit.is_match("Photo: Jane Doe"));

        let text = "[image]\ncredits = ['Photo(']\n";
        std::fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let error = CreditPatterns::load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(
            error.message.starts_with("invalid pattern"),
            "{}",
            error.message
        );
        assert_eq!(error.span.unwrap().text(text), "'Photo('");

        std::fs::write(dir.path().join(FILE_NAME), "[images]\n").unwrap();
        let error = CreditPatterns::load(&[dir.path().to_path_buf()]).unwrap_err();
        assert!(error.message.contains("images"), "{}", error.message);
    }
}
