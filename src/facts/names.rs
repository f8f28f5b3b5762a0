//! The name index: every name the fact base knows (entities, aliases, adjectives, capital
//! cities) and every office title, found in text leftmost-longest at word boundaries.
//!
//! Names come in three groups, each searched on its own: organisations, people and places
//! (always searched); countries (searched only where a title or the word "capital" needs a
//! jurisdiction); capital cities (only where the text says "capital").
//!
//! A group is searched with a lexicon keyed by a name's first word: a hash table from each
//! first word (ASCII-folded for titles) to the names it begins, longest first. At each word of
//! the text only the few names that begin with that word are compared. Built on first search,
//! a lexicon of thousands of names costs a fraction of a millisecond, where an Aho-Corasick
//! automaton of the same names took ten times longer to build than one article takes to check.
//!
//! The lexicon finds exactly what an Aho-Corasick search (leftmost-longest, non-overlapping,
//! over every byte position) kept at word boundaries finds, which the tests check on random
//! texts: a name that starts inside a word is never reported, but it still hides the names it
//! overlaps ("XJens Stoltenberg" hides "Stoltenberg"), so the lexicon also looks, inside each
//! word, for names that begin there and run past the word's end (usually none can: no first
//! word of a name has that length and first letter).
//!
//! Every block is searched for office titles and for the core group's names: both lexicons are
//! searched in one walk over its words (`NameIndex::find_titles_and_names`), each finding what
//! its own search would. Two-byte tables (how first words begin and end) pass over most words
//! of the text before any lookup.
//!
//! A small group searched on its own, once it has searched a few hundred kilobytes (a run over
//! many articles, or one long file), is searched by an Aho-Corasick DFA instead, which costs
//! about a millisecond to build but searches faster: one article never pays for it.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::values::{Held, Rows};
use super::{EntityId, EntityKind, FactBase, OfficeId};

/// Which group a name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameGroup {
    /// Organisations, people, places.
    Core = 0,
    /// Countries: names and adjectives.
    Countries = 1,
    /// Capital cities.
    Cities = 2,
}

/// How a name refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    /// The entity's name or an alias ("NATO", "Stoltenberg").
    Name,
    /// "Romanian".
    Adjective,
}

/// One thing a matched name may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameTarget {
    /// An entity, by one of its names.
    Entity {
        /// The entity.
        entity: EntityId,
        /// Which of its names matched.
        form: NameForm,
        /// The alias row, when the name has its own validity or context.
        alias: Option<usize>,
        /// The name often means something else ("Georgian").
        ambiguous: bool,
    },
    /// A capital city (its name or an alias), by index into `FactBase::capitals`.
    City {
        /// Its index into `FactBase::capitals`.
        capital: usize,
    },
}

/// A name or title found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    /// Index into its group's targets, or into the offices for a title.
    pub pattern: usize,
}

/// After this many bytes searched with the lexicon, a DFA is built to search the rest.
const DFA_AFTER_BYTES: usize = 256 * 1024;

/// A DFA's size grows with its patterns (a few hundred names take a megabyte): past this many
/// the lexicon keeps searching.
const DFA_MAX_PATTERNS: usize = 1_000;

/// Patterns, each once, and what finds them in text.
#[derive(Debug, Default)]
pub(super) struct Patterns {
    /// Every pattern, one after another (in ASCII lower case when `ignore_case`); static
    /// for the embedded base.
    pub(super) text: Cow<'static, str>,
    /// Where each pattern ends in `text`; each starts where the one before ends.
    pub(super) ends: Rows<usize>,
    pub(super) ignore_case: bool,
    pub(super) lexicon: OnceLock<Lexicon>,
    /// Whether enough searching builds a DFA.
    pub(super) may_build_dfa: bool,
    pub(super) dfa: OnceLock<Option<AhoCorasick>>,
    /// Bytes searched with the lexicon so far.
    pub(super) searched: AtomicUsize,
}

impl Patterns {
    /// Patterns added with [`Patterns::add`]; `capacity` is how many may be added at most.
    /// `bytes` is how long they are together, at most.
    fn with_capacity(capacity: usize, bytes: usize, ignore_case: bool) -> (Patterns, KeyTable) {
        let patterns = Patterns {
            text: Cow::Owned(String::with_capacity(bytes)),
            ends: Vec::with_capacity(capacity).into(),
            ignore_case,
            ..Patterns::default()
        };
        (patterns, KeyTable::with_capacity(capacity))
    }

    /// Patterns in the order given; one given twice keeps its first place.
    #[cfg(test)]
    fn new(names: &[&str], ignore_case: bool, may_build_dfa: bool) -> Patterns {
        let bytes = names.iter().map(|name| name.len()).sum();
        let (mut patterns, mut table) = Patterns::with_capacity(names.len(), bytes, ignore_case);
        for name in names {
            patterns.add(&mut table, name);
        }
        patterns.allow_dfa(may_build_dfa);
        patterns
    }

    /// Adds `name` unless it is there already; its index either way.
    fn add(&mut self, table: &mut KeyTable, name: &str) -> usize {
        let text = self.text.to_mut();
        let start = text.len();
        text.push_str(name);
        if self.ignore_case {
            text[start..].make_ascii_lowercase();
        }
        let key = &self.text.as_bytes()[start..];
        let hash = hash(key, false);
        if let Some(id) = table.get(hash, key, false, |id| self.bytes(id)) {
            self.text.to_mut().truncate(start);
            return id;
        }
        self.ends.push(self.text.len());
        let id = self.ends.len() - 1;
        table.insert(hash, id);
        id
    }

    fn allow_dfa(&mut self, may_build_dfa: bool) {
        self.may_build_dfa = may_build_dfa && self.len() <= DFA_MAX_PATTERNS;
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn pattern(&self, id: usize) -> &str {
        &self.text[self.start(id)..self.ends[id]]
    }

    #[inline]
    fn bytes(&self, id: usize) -> &[u8] {
        &self.text.as_bytes()[self.start(id)..self.ends[id]]
    }

    #[inline]
    fn start(&self, id: usize) -> usize {
        if id == 0 {
            0
        } else {
            self.ends[id - 1]
        }
    }

    /// Every pattern in `text`, leftmost-longest and non-overlapping, with the word-boundary
    /// filter still to apply (the DFA once the lexicon has searched enough).
    fn search<'a>(&'a self, text: &'a str) -> Search<'a> {
        if self.len() == 0 {
            return Search::Nothing;
        }
        if self.may_build_dfa {
            let dfa = match self.dfa.get() {
                Some(dfa) => dfa.as_ref(),
                None if self.searched.fetch_add(text.len(), Ordering::Relaxed)
                    >= DFA_AFTER_BYTES =>
                {
                    self.dfa.get_or_init(|| self.build_dfa()).as_ref()
                }
                None => None,
            };
            if let Some(dfa) = dfa {
                return Search::Dfa(dfa.find_iter(text));
            }
        }
        Search::Lexicon {
            lexicon: self.lexicon(),
            patterns: self,
            text,
            at: 0,
        }
    }

    fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| Lexicon::new(self))
    }

    fn build_dfa(&self) -> Option<AhoCorasick> {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(self.ignore_case)
            .build((0..self.len()).map(|id| self.pattern(id)))
            .ok()
    }
}

/// A search in progress.
enum Search<'a> {
    Nothing,
    Dfa(aho_corasick::FindIter<'a, 'a>),
    Lexicon {
        lexicon: &'a Lexicon,
        patterns: &'a Patterns,
        text: &'a str,
        /// Where the search goes on (the end of the last match).
        at: usize,
    },
}

impl Iterator for Search<'_> {
    type Item = NameMatch;

    fn next(&mut self) -> Option<NameMatch> {
        match self {
            Search::Nothing => None,
            Search::Dfa(matches) => matches.next().map(|m| NameMatch {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            }),
            Search::Lexicon {
                lexicon,
                patterns,
                text,
                at,
            } => {
                let found = lexicon.next_match(patterns, text, *at)?;
                *at = found.end;
                Some(found)
            }
        }
    }
}

/// An open-addressing hash table of byte strings kept elsewhere (by index), compared in ASCII
/// lower case when asked: one allocation for thousands of names.
#[derive(Debug, Default)]
pub(super) struct KeyTable {
    /// An index plus one; zero is an empty slot. At most half full.
    pub(super) slots: Rows<u32>,
}

impl KeyTable {
    fn with_capacity(capacity: usize) -> KeyTable {
        KeyTable {
            slots: vec![0; (capacity * 2).next_power_of_two().max(8)].into(),
        }
    }

    /// The index whose key (as `key_of` gives it) is `key`, with `hash` its [`hash`].
    fn get<'k>(
        &self,
        hash: u64,
        key: &[u8],
        fold: bool,
        key_of: impl Fn(usize) -> &'k [u8],
    ) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let index = self.slots[slot].checked_sub(1)? as usize;
            let other = key_of(index);
            if other.len() == key.len() && same(other, key, fold) {
                return Some(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Adds `index` under `hash`; at most the capacity given may be added.
    fn insert(&mut self, hash: u64, index: usize) {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = u32::try_from(index + 1).expect("fewer than 4 billion names");
    }
}

/// An FxHash-style hash of `key` (in ASCII lower case when `fold`), eight bytes at a time.
fn hash(key: &[u8], fold: bool) -> u64 {
    let mut hash = key.len() as u64;
    let mut mix = |chunk: u64| {
        let chunk = if fold { ascii_lowercase(chunk) } else { chunk };
        hash = (hash.rotate_left(5) ^ chunk).wrapping_mul(0x517c_c1b7_2722_0a95);
    };
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0; 8];
        last[..rest.len()].copy_from_slice(rest);
        mix(u64::from_le_bytes(last));
    }
    hash ^ (hash >> 32)
}

/// Eight bytes with each ASCII capital letter made small, at once.
fn ascii_lowercase(bytes: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let low = bytes & (0x7f * EACH);
    // The top bit of each byte: set where the byte is at least "A", and where it is past "Z".
    let from_a = low + (0x80 - u64::from(b'A')) * EACH;
    let past_z = low + (0x80 - u64::from(b'Z') - 1) * EACH;
    let capital = from_a & !past_z & !bytes & (0x80 * EACH);
    bytes | (capital >> 2)
}

/// Whether `pattern` (stored folded when `fold`) equals `text` (folded when `fold`).
fn same(pattern: &[u8], text: &[u8], fold: bool) -> bool {
    if fold {
        pattern.eq_ignore_ascii_case(text)
    } else {
        pattern == text
    }
}

/// Where two bytes of a word (folded when the lexicon folds) are kept in
/// `Lexicon::longer_pairs` and `Lexicon::start_pairs`: several pairs may share a slot, which
/// only lets more through.
fn pair_slot(penult: u8, last: u8) -> usize {
    (usize::from(penult) * 31 + usize::from(last)) & 255
}

/// One bit per length of a word in bytes (63: 63 bytes or more).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The patterns, by their first word: the bytes up to the first character that is not a
/// letter or digit (all of a one-word pattern).
#[derive(Debug)]
pub(super) struct Lexicon {
    pub(super) fold: bool,
    pub(super) table: KeyTable,
    pub(super) words: Rows<FirstWord>,
    /// The patterns longer than their first word, grouped by first word, longest first.
    pub(super) longer: Rows<u32>,
    /// Per (folded) first byte, the lengths of the first words that begin a longer pattern.
    pub(super) longer_lengths: Held<[u64; 256]>,
    /// Per first byte, the lengths of the one-word patterns.
    pub(super) word_lengths: Held<[u64; 256]>,
    /// The same per (folded) last byte of the word: a word is looked up only when its first
    /// and last bytes both allow its length, and a name that begins inside a word and runs
    /// past its end is looked for only at the lengths whose first words end in the word's
    /// last byte.
    pub(super) longer_ends: Held<[u64; 256]>,
    pub(super) word_ends: Held<[u64; 256]>,
    /// The lengths (from 2 bytes) of the first words that begin a longer pattern, per
    /// [`pair_slot`] of their last two (folded) bytes: a stricter test than `longer_ends`
    /// for a name that begins inside a word (almost no word ends the way such a first word
    /// does, where most end in a letter some first word ends in).
    pub(super) longer_pairs: Held<[u64; 256]>,
    /// The lengths (from 2 bytes) of every first word, per [`pair_slot`] of its first two
    /// (folded) bytes: most words of the text begin the way no first word does, and are
    /// passed over at once.
    pub(super) start_pairs: Held<[u64; 256]>,
    /// Patterns that start with neither a letter nor a digit ("'s-Gravenhage"), longest
    /// first, and their first bytes.
    pub(super) odd: Rows<u32>,
    pub(super) odd_bytes: Held<[bool; 256]>,
}

/// A first word and the patterns it begins.
#[derive(Clone, Debug)]
pub(super) struct FirstWord {
    /// A pattern that begins with the word.
    pub(super) pattern: u32,
    pub(super) len: u32,
    /// The pattern that is the word alone.
    pub(super) alone: Option<u32>,
    /// The range of `Lexicon::longer` with its longer patterns.
    pub(super) longer: (u32, u32),
}

impl Lexicon {
    fn new(patterns: &Patterns) -> Lexicon {
        let count = patterns.len();
        let fold = patterns.ignore_case;
        let mut lexicon = Lexicon {
            fold,
            table: KeyTable::with_capacity(count),
            words: Rows::default(),
            longer: Rows::default(),
            longer_lengths: Box::new([0; 256]).into(),
            word_lengths: Box::new([0; 256]).into(),
            longer_ends: Box::new([0; 256]).into(),
            word_ends: Box::new([0; 256]).into(),
            longer_pairs: Box::new([0; 256]).into(),
            start_pairs: Box::new([0; 256]).into(),
            odd: Rows::default(),
            odd_bytes: Box::new([false; 256]).into(),
        };
        let mut longer: Vec<(u32, u32)> = Vec::new();
        for id in 0..count {
            let pattern = patterns.pattern(id);
            let Some(&first) = pattern.as_bytes().first() else {
                // An empty name names nothing.
                continue;
            };
            let id32 = id as u32;
            let len = word_len(pattern, 0);
            if len == 0 {
                lexicon.odd.push(id32);
                lexicon.odd_bytes[usize::from(first)] = true;
                continue;
            }
            let word = &pattern.as_bytes()[..len];
            let hash = hash(word, false);
            let words = &lexicon.words;
            let index = match lexicon.table.get(hash, word, false, |index| {
                let entry = &words[index];
                &patterns.bytes(entry.pattern as usize)[..entry.len as usize]
            }) {
                Some(index) => index,
                None => {
                    lexicon.words.push(FirstWord {
                        pattern: id32,
                        len: len as u32,
                        alone: None,
                        longer: (0, 0),
                    });
                    lexicon.table.insert(hash, lexicon.words.len() - 1);
                    lexicon.words.len() - 1
                }
            };
            let byte = usize::from(first);
            let last = usize::from(word[len - 1]);
            if len >= 2 {
                lexicon.start_pairs[pair_slot(word[0], word[1])] |= length_bit(len);
            }
            if len == pattern.len() {
                lexicon.words[index].alone.get_or_insert(id32);
                lexicon.word_lengths[byte] |= length_bit(len);
                lexicon.word_ends[last] |= length_bit(len);
            } else {
                longer.push((index as u32, id32));
                lexicon.longer_lengths[byte] |= length_bit(len);
                lexicon.longer_ends[last] |= length_bit(len);
                if len >= 2 {
                    lexicon.longer_pairs[pair_slot(word[len - 2], word[len - 1])] |=
                        length_bit(len);
                }
            }
        }
        // Each word's longer patterns together (a counting sort), then longest first.
        for &(word, _) in &longer {
            lexicon.words[word as usize].longer.1 += 1;
        }
        let mut next = 0;
        for word in lexicon.words.iter_mut() {
            let count = word.longer.1;
            word.longer = (next, next);
            next += count;
        }
        lexicon.longer = vec![0; longer.len()].into();
        for &(word, id) in &longer {
            let range = &mut lexicon.words[word as usize].longer;
            lexicon.longer[range.1 as usize] = id;
            range.1 += 1;
        }
        let len_of = |id: u32| patterns.bytes(id as usize).len();
        for word in &lexicon.words {
            let same_word = &mut lexicon.longer[word.longer.0 as usize..word.longer.1 as usize];
            if same_word.len() > 1 {
                same_word.sort_unstable_by_key(|&id| (std::cmp::Reverse(len_of(id)), id));
            }
        }
        lexicon
            .odd
            .sort_unstable_by_key(|&id| (std::cmp::Reverse(len_of(id)), id));
        lexicon
    }

    /// `byte` as the tables index it: in ASCII lower case when the lexicon folds (known at
    /// compile time in each search, so that no byte's lookup asks).
    #[inline]
    fn first_byte<const FOLD: bool>(byte: u8) -> usize {
        usize::from(if FOLD {
            byte.to_ascii_lowercase()
        } else {
            byte
        })
    }

    #[inline]
    fn word<const FOLD: bool>(&self, patterns: &Patterns, bytes: &[u8]) -> Option<&FirstWord> {
        let index = self.table.get(hash(bytes, FOLD), bytes, FOLD, |index| {
            let entry = &self.words[index];
            &patterns.bytes(entry.pattern as usize)[..entry.len as usize]
        })?;
        Some(&self.words[index])
    }

    /// The next match at or after `at` that an Aho-Corasick search resuming at `at` would
    /// give, leaving out only matches inside words that can neither be reported nor hide one
    /// that can.
    fn next_match(&self, patterns: &Patterns, text: &str, at: usize) -> Option<NameMatch> {
        if self.fold {
            self.next_match_in::<true>(patterns, text, at)
        } else {
            self.next_match_in::<false>(patterns, text, at)
        }
    }

    fn next_match_in<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        mut at: usize,
    ) -> Option<NameMatch> {
        let bytes = text.as_bytes();
        let mut inside = text[..at].chars().next_back().is_some_and(is_word_char);
        while let Some(&byte) = bytes.get(at) {
            let (alphanumeric, width) = char_kind_at(text, at, byte);
            if !alphanumeric {
                if self.odd_bytes[usize::from(byte)] {
                    if let Some(found) = self.odd_at::<FOLD>(patterns, text, at) {
                        return Some(found);
                    }
                }
                at += width;
                inside = false;
                continue;
            }
            let end = word_end(text, at + width);
            let found = if inside {
                self.inside_word::<FOLD>(patterns, text, at, end)
            } else {
                self.word_start_match::<FOLD>(patterns, text, at, width, end)
            };
            if found.is_some() {
                return found;
            }
            at = end;
            inside = false;
        }
        None
    }

    /// The first match in the word `at..end` (whose first character is `width` bytes wide)
    /// for a search standing at its start.
    #[inline]
    fn word_start_match<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        at: usize,
        width: usize,
        end: usize,
    ) -> Option<NameMatch> {
        // Most words begin with a letter no name begins with (a small one, where names are
        // written with capitals).
        let bytes = text.as_bytes();
        let first = Self::first_byte::<FOLD>(bytes[at]);
        let mut lengths = self.longer_lengths[first] | self.word_lengths[first];
        if lengths != 0 && end - at >= 2 {
            let second = Self::first_byte::<FOLD>(bytes[at + 1]);
            lengths &= self.start_pairs[pair_slot(first as u8, second as u8)] | length_bit(1);
        }
        if lengths != 0 {
            if let Some(found) = self
                .longer_at::<FOLD>(patterns, text, at, end)
                .or_else(|| self.alone_at::<FOLD>(patterns, text, at, end))
            {
                return Some(found);
            }
        }
        self.inside_word::<FOLD>(patterns, text, at + width, end)
    }

    /// The first match inside a word, between `from` and the word's `end`, that matters: one
    /// that runs past the word's end, or one before it that may hide it.
    #[inline]
    fn inside_word<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        from: usize,
        end: usize,
    ) -> Option<NameMatch> {
        if from >= end {
            return None;
        }
        let bytes = text.as_bytes();
        // A name that runs past the word's end begins with a first word that ends where the
        // word ends: only the lengths of such first words are tried, longest (leftmost) first.
        let lengths = self.longer_ends_at::<FOLD>(bytes, end, end - from);
        if lengths == 0 {
            return None;
        }
        self.crossing_inside_word::<FOLD>(patterns, text, from, end, lengths)
    }

    /// The lengths of the first words of longer patterns that `bytes[..end]` may end with,
    /// none longer than `room` (except those of 63 bytes or more, which share one bit).
    #[inline]
    fn longer_ends_at<const FOLD: bool>(&self, bytes: &[u8], end: usize, room: usize) -> u64 {
        let last = Self::first_byte::<FOLD>(bytes[end - 1]);
        let lengths = self.longer_ends[last];
        if lengths == 0 || room < 2 {
            return lengths;
        }
        let penult = Self::first_byte::<FOLD>(bytes[end - 2]);
        lengths & (self.longer_pairs[pair_slot(penult as u8, last as u8)] | length_bit(1))
    }

    /// [`Lexicon::inside_word`] once the word's end allows first words of `lengths`.
    #[inline(never)]
    fn crossing_inside_word<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        from: usize,
        end: usize,
        mut lengths: u64,
    ) -> Option<NameMatch> {
        let bytes = text.as_bytes();
        let starts_at = |at: usize| {
            self.longer_lengths[Self::first_byte::<FOLD>(bytes[at])] & length_bit(end - at) != 0
                && text.is_char_boundary(at)
        };
        let mut crossing = None;
        if lengths & length_bit(63) != 0 && end - from >= 63 {
            // First words of 63 bytes or more share one bit: try each such place.
            crossing = (from..=end - 63)
                .filter(|&at| starts_at(at))
                .find_map(|at| self.longer_at::<FOLD>(patterns, text, at, end));
        }
        lengths &= !length_bit(63);
        if end - from < 63 {
            lengths &= (1 << (end - from + 1)) - 1;
        }
        while crossing.is_none() && lengths != 0 {
            let len = 63 - lengths.leading_zeros() as usize;
            lengths &= !(1 << len);
            let at = end - len;
            if starts_at(at) {
                crossing = self.longer_at::<FOLD>(patterns, text, at, end);
            }
        }
        let crossing = crossing?;
        (from..crossing.start)
            .filter(|&at| text.is_char_boundary(at))
            .find_map(|at| self.alone_at::<FOLD>(patterns, text, at, end))
            .or(Some(crossing))
    }

    /// The longest pattern at `at` that is longer than the word from `at` to its `end`.
    fn longer_at<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        at: usize,
        end: usize,
    ) -> Option<NameMatch> {
        let bytes = text.as_bytes();
        if self.longer_lengths[Self::first_byte::<FOLD>(bytes[at])] & length_bit(end - at) == 0
            || self.longer_ends_at::<FOLD>(bytes, end, end - at) & length_bit(end - at) == 0
        {
            return None;
        }
        let word = self.word::<FOLD>(patterns, &bytes[at..end])?;
        let rest = &bytes[end..];
        self.longer[word.longer.0 as usize..word.longer.1 as usize]
            .iter()
            .map(|&id| (id as usize, patterns.bytes(id as usize)))
            .find(|(_, pattern)| {
                let tail = &pattern[end - at..];
                rest.get(..tail.len())
                    .is_some_and(|written| same(tail, written, FOLD))
            })
            .map(|(id, pattern)| NameMatch {
                start: at,
                end: at + pattern.len(),
                pattern: id,
            })
    }

    /// The longest one-word pattern that begins the word from `at` to its `end`.
    fn alone_at<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        at: usize,
        end: usize,
    ) -> Option<NameMatch> {
        let bytes = text.as_bytes();
        let available = end - at;
        let mut lengths = self.word_lengths[Self::first_byte::<FOLD>(bytes[at])];
        if available < 63 {
            lengths &= (1 << (available + 1)) - 1;
        }
        let found = |len: usize| {
            if self.word_ends[Self::first_byte::<FOLD>(bytes[at + len - 1])] & length_bit(len) == 0
                || !text.is_char_boundary(at + len)
            {
                return None;
            }
            let id = self.word::<FOLD>(patterns, &bytes[at..at + len])?.alone? as usize;
            Some(NameMatch {
                start: at,
                end: at + len,
                pattern: id,
            })
        };
        if lengths & length_bit(63) != 0 {
            // Words of 63 bytes or more share one bit: try each such length.
            if let Some(found) = (63..=available).rev().find_map(found) {
                return Some(found);
            }
            lengths &= !length_bit(63);
        }
        while lengths != 0 {
            let len = 63 - lengths.leading_zeros() as usize;
            lengths &= !(1 << len);
            if let Some(found) = found(len) {
                return Some(found);
            }
        }
        None
    }

    /// The longest pattern at `at` that starts with neither a letter nor a digit.
    fn odd_at<const FOLD: bool>(
        &self,
        patterns: &Patterns,
        text: &str,
        at: usize,
    ) -> Option<NameMatch> {
        let rest = &text.as_bytes()[at..];
        self.odd.iter().find_map(|&id| {
            let pattern = patterns.bytes(id as usize);
            rest.get(..pattern.len())
                .is_some_and(|written| same(pattern, written, FOLD))
                .then_some(NameMatch {
                    start: at,
                    end: at + pattern.len(),
                    pattern: id as usize,
                })
        })
    }
}

/// One lexicon's search inside a walk over the words of a text that another search shares:
/// where it goes on (the end of its last match), and what it found at word boundaries.
struct SharedWalk<'a> {
    lexicon: &'a Lexicon,
    patterns: &'a Patterns,
    resume: usize,
}

impl SharedWalk<'_> {
    fn new(patterns: &Patterns) -> SharedWalk<'_> {
        SharedWalk {
            lexicon: patterns.lexicon(),
            patterns,
            resume: 0,
        }
    }

    /// At the character `byte` begins at `at`, which is no letter or digit.
    #[inline]
    fn other<const FOLD: bool>(
        &mut self,
        text: &str,
        at: usize,
        byte: u8,
        out: &mut Vec<NameMatch>,
    ) {
        if self.resume <= at && self.lexicon.odd_bytes[usize::from(byte)] {
            if let Some(found) = self.lexicon.odd_at::<FOLD>(self.patterns, text, at) {
                self.take(text, found, out);
            }
        }
    }

    /// At the word `at..end`, whose first character is `width` bytes wide: from its start
    /// if the search stands before it, and from where the search goes on if that is inside
    /// it, as [`Lexicon::next_match_in`] would.
    #[inline]
    fn word<const FOLD: bool>(
        &mut self,
        text: &str,
        at: usize,
        width: usize,
        end: usize,
        out: &mut Vec<NameMatch>,
    ) {
        if self.resume <= at {
            match self
                .lexicon
                .word_start_match::<FOLD>(self.patterns, text, at, width, end)
            {
                Some(found) => self.take(text, found, out),
                None => return,
            }
        }
        while self.resume < end {
            match self
                .lexicon
                .inside_word::<FOLD>(self.patterns, text, self.resume, end)
            {
                Some(found) => self.take(text, found, out),
                None => self.resume = end,
            }
        }
    }

    fn take(&mut self, text: &str, found: NameMatch, out: &mut Vec<NameMatch>) {
        self.resume = found.end;
        if is_word_boundary(text, found.start, found.end) {
            out.push(found);
        }
    }
}

/// Two groups searched in one walk over the words of `text`: each finds what its own search
/// finds (`Group::find`), but each word's end is found once for both.
fn find_two<const FOLD_A: bool, const FOLD_B: bool>(
    (a, a_out): (SharedWalk<'_>, &mut Vec<NameMatch>),
    (b, b_out): (SharedWalk<'_>, &mut Vec<NameMatch>),
    text: &str,
) {
    let (mut a, mut b) = (a, b);
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let (alphanumeric, width) = char_kind_at(text, at, byte);
        if !alphanumeric {
            a.other::<FOLD_A>(text, at, byte, a_out);
            b.other::<FOLD_B>(text, at, byte, b_out);
            at += width;
            continue;
        }
        let end = word_end(text, at + width);
        a.word::<FOLD_A>(text, at, width, end, a_out);
        b.word::<FOLD_B>(text, at, width, end, b_out);
        at = end;
    }
}

/// What a byte tells the word scanner: an ASCII letter or digit, other ASCII, or part of a
/// wider character that has to be decoded to tell (rare in English text).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    Word,
    Other,
    Wide,
}

/// Each byte's kind, so that a word's ASCII bytes cost one load each.
static BYTE_KINDS: [ByteKind; 256] = {
    let mut kinds = [ByteKind::Other; 256];
    let mut byte = 0;
    while byte < 256 {
        if byte >= 0x80 {
            kinds[byte] = ByteKind::Wide;
        } else if (byte as u8).is_ascii_alphanumeric() {
            kinds[byte] = ByteKind::Word;
        }
        byte += 1;
    }
    kinds
};

/// Whether the character at `at` (whose first byte is `byte`) is a letter or digit, and its
/// width: ASCII from the byte table, anything else decoded.
#[inline]
fn char_kind_at(text: &str, at: usize, byte: u8) -> (bool, usize) {
    match BYTE_KINDS[usize::from(byte)] {
        ByteKind::Word => (true, 1),
        ByteKind::Other => (false, 1),
        ByteKind::Wide => wide_char_at(text, at),
    }
}

/// Whether the (non-ASCII) character at `at` is a letter or digit, and its width; a byte
/// inside a character counts as one byte of neither.
#[inline(never)]
fn wide_char_at(text: &str, at: usize) -> (bool, usize) {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or((false, 1), |c| (is_word_char(c), c.len_utf8()))
}

/// `char::is_alphanumeric`, answered at once for ASCII and for the General Punctuation block
/// (U+2000 to U+206F: dashes, curly quotation marks; no letter or digit), where the Unicode
/// tables are slow (`crate::text` has the same for the rest of the program; this file is
/// also built into the build script, which has no `text`).
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// Where the letters and digits from `at` end.
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        at += match BYTE_KINDS[usize::from(byte)] {
            ByteKind::Word => 1,
            ByteKind::Other => break,
            ByteKind::Wide => match wide_char_at(text, at) {
                (true, width) => width,
                (false, _) => break,
            },
        };
    }
    at
}

/// How many bytes of letters and digits `text` starts with from `at`.
fn word_len(text: &str, at: usize) -> usize {
    word_end(text, at) - at
}

/// Names of one group and what each may mean.
#[derive(Debug)]
pub(super) struct Group<T: 'static> {
    pub(super) names: Patterns,
    /// What each name may mean, in one list: pattern `i`'s are `targets[ends[i - 1]..ends[i]]`
    /// (a newsroom's fact base has a hundred thousand names, most with one meaning).
    pub(super) targets: Rows<T>,
    pub(super) ends: Rows<usize>,
}

impl<T> Default for Group<T> {
    fn default() -> Group<T> {
        Group {
            names: Patterns::default(),
            targets: Rows::default(),
            ends: Rows::default(),
        }
    }
}

impl<T: Copy> Group<T> {
    /// `found` lists each name with one thing it may mean, in the order they were found; a
    /// name's meanings keep that order, each once (`repeats` tells whether a meaning is one
    /// of those kept already).
    fn new(
        found: &[(&str, T)],
        ignore_case: bool,
        may_build_dfa: bool,
        repeats: impl Fn(&[T], &T) -> bool,
    ) -> Group<T> {
        let bytes = found.iter().map(|(name, _)| name.len()).sum();
        let (mut names, mut table) = Patterns::with_capacity(found.len(), bytes, ignore_case);
        let ids: Vec<usize> = found
            .iter()
            .map(|(name, _)| names.add(&mut table, name))
            .collect();
        names.allow_dfa(may_build_dfa);
        // Each name's meanings together, in the order found (a counting sort).
        let mut starts = vec![0; names.len() + 1];
        for &id in &ids {
            starts[id + 1] += 1;
        }
        for id in 0..names.len() {
            starts[id + 1] += starts[id];
        }
        let mut order = vec![0; found.len()];
        let mut next = starts.clone();
        for (index, &id) in ids.iter().enumerate() {
            order[next[id]] = index;
            next[id] += 1;
        }
        let mut targets = Vec::with_capacity(found.len());
        let mut ends = Vec::with_capacity(names.len());
        for id in 0..names.len() {
            let start = targets.len();
            for &index in &order[starts[id]..starts[id + 1]] {
                let target = found[index].1;
                if !repeats(&targets[start..], &target) {
                    targets.push(target);
                }
            }
            ends.push(targets.len());
        }
        Group {
            names,
            targets: targets.into(),
            ends: ends.into(),
        }
    }

    fn targets(&self, pattern: usize) -> &[T] {
        let Some(&end) = self.ends.get(pattern) else {
            return &[];
        };
        let start = pattern.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.targets[start..end]
    }

    /// Every name of the group in `text` at word boundaries, longest first, left to right.
    fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        self.names
            .search(text)
            .filter(move |m| is_word_boundary(text, m.start, m.end))
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    pub(super) groups: [Group<NameTarget>; 3],
    /// Office titles, in lower case, and the offices each names.
    pub(super) titles: Group<OfficeId>,
}

impl NameIndex {
    pub fn build(base: &FactBase) -> NameIndex {
        // Room for every name in each group (a few hundred kilobytes, freed at once), so
        // that filling them copies nothing.
        let names = base
            .entities
            .iter()
            .map(|entity| 1 + entity.aliases.len() + entity.adjectives.len())
            .sum::<usize>()
            + base.aliases.len();
        let cities = base.capitals.iter().map(|c| 1 + c.aliases.len()).sum();
        let mut groups: [Vec<(&str, NameTarget)>; 3] = [
            Vec::with_capacity(names),
            Vec::with_capacity(names),
            Vec::with_capacity(cities),
        ];
        let group_of = |entity: EntityId| match base.entities[entity].kind {
            EntityKind::Country => NameGroup::Countries as usize,
            _ => NameGroup::Core as usize,
        };
        for (id, entity) in base.entities.iter().enumerate() {
            let forms = std::iter::once(&entity.name)
                .chain(entity.aliases.iter())
                .map(|name| (name, NameForm::Name))
                .chain(entity.adjectives.iter().map(|a| (a, NameForm::Adjective)));
            for (name, form) in forms {
                groups[group_of(id)].push((
                    &**name,
                    NameTarget::Entity {
                        entity: id,
                        form,
                        alias: None,
                        ambiguous: entity.ambiguous.contains(name),
                    },
                ));
            }
        }
        for (index, alias) in base.aliases.iter().enumerate() {
            let entity = &base.entities[alias.entity];
            groups[group_of(alias.entity)].push((
                &*alias.name,
                NameTarget::Entity {
                    entity: alias.entity,
                    form: NameForm::Name,
                    alias: Some(index),
                    ambiguous: entity.ambiguous.contains(&alias.name),
                },
            ));
        }
        for (index, capital) in base.capitals.iter().enumerate() {
            for name in std::iter::once(&capital.city).chain(capital.aliases.iter()) {
                groups[NameGroup::Cities as usize]
                    .push((&**name, NameTarget::City { capital: index }));
            }
        }
        let titles: Vec<(&str, OfficeId)> = base
            .offices
            .iter()
            .enumerate()
            .flat_map(|(id, office)| {
                std::iter::once(&office.title)
                    .chain(office.titles.iter())
                    .map(move |title| (&**title, id))
            })
            .collect();
        let name_repeats = |kept: &[NameTarget], target: &NameTarget| kept.contains(target);
        let [core, countries, cities] = groups;
        NameIndex {
            groups: [
                Group::new(&core, false, true, name_repeats),
                Group::new(&countries, false, false, name_repeats),
                Group::new(&cities, false, false, name_repeats),
            ],
            // Offices come in order, so a repeat can only be this office's own (a title it
            // lists twice): checking the last keeps thousands of offices of one title linear.
            titles: Group::new(&titles, true, true, |kept, office| {
                kept.last() == Some(office)
            }),
        }
    }

    /// Every name of `group` in `text` at word boundaries, longest first, left to right.
    pub fn find<'a>(
        &'a self,
        group: NameGroup,
        text: &'a str,
    ) -> impl Iterator<Item = NameMatch> + 'a {
        self.groups[group as usize].find(text)
    }

    /// Every office title in `text` (ignoring ASCII case) at word boundaries.
    pub fn find_titles<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        self.titles.find(text)
    }

    /// What [`NameIndex::find_titles`] and [`NameIndex::find`] of the core group find in
    /// `text`, added to `titles` and `names`, in one walk over its words: every block is
    /// searched for both.
    pub fn find_titles_and_names(
        &self,
        text: &str,
        titles: &mut Vec<NameMatch>,
        names: &mut Vec<NameMatch>,
    ) {
        let title_patterns = &self.titles.names;
        let name_patterns = &self.groups[NameGroup::Core as usize].names;
        if title_patterns.len() == 0 || name_patterns.len() == 0 {
            titles.extend(self.find_titles(text));
            names.extend(self.find(NameGroup::Core, text));
            return;
        }
        let title_walk = (SharedWalk::new(title_patterns), titles);
        let name_walk = (SharedWalk::new(name_patterns), names);
        match (title_patterns.ignore_case, name_patterns.ignore_case) {
            (true, false) => find_two::<true, false>(title_walk, name_walk, text),
            (true, true) => find_two::<true, true>(title_walk, name_walk, text),
            (false, false) => find_two::<false, false>(title_walk, name_walk, text),
            (false, true) => find_two::<false, true>(title_walk, name_walk, text),
        }
    }

    /// What a name found by [`NameIndex::find`] may mean.
    pub fn targets(&self, group: NameGroup, pattern: usize) -> &[NameTarget] {
        self.groups[group as usize].targets(pattern)
    }

    /// The offices a title found by [`NameIndex::find_titles`] may name, in ascending order.
    pub fn offices(&self, pattern: usize) -> &[OfficeId] {
        self.titles.targets(pattern)
    }
}

impl NameIndex {
    /// Builds every lexicon now rather than on first search (for the embedded base).
    pub fn prepare(&self) {
        for patterns in self.groups.iter().map(|group| &group.names) {
            patterns.lexicon();
        }
        self.titles.names.lexicon();
    }
}

/// Whether `text[start..end]` stands as whole words: no letter or digit touches either end.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(entity: EntityId, alias: Option<usize>) -> NameTarget {
        NameTarget::Entity {
            entity,
            form: NameForm::Name,
            alias,
            ambiguous: false,
        }
    }

    fn repeats(kept: &[NameTarget], target: &NameTarget) -> bool {
        kept.contains(target)
    }

    fn names(patterns: &Patterns) -> Vec<&str> {
        (0..patterns.len()).map(|id| patterns.pattern(id)).collect()
    }

    /// What a search finds at word boundaries.
    fn found(patterns: &Patterns, text: &str) -> Vec<(usize, usize, usize)> {
        patterns
            .search(text)
            .filter(|m| is_word_boundary(text, m.start, m.end))
            .map(|m| (m.start, m.end, m.pattern))
            .collect()
    }

    /// What an Aho-Corasick automaton of the same patterns finds at word boundaries.
    fn found_by_automaton(patterns: &Patterns, text: &str) -> Vec<(usize, usize, usize)> {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::NoncontiguousNFA))
            .ascii_case_insensitive(patterns.ignore_case)
            .build((0..patterns.len()).map(|id| patterns.pattern(id)))
            .unwrap();
        automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    #[test]
    fn a_group_lists_each_name_once_with_its_meanings_in_the_order_found() {
        let found = vec![
            ("Georgia", entity(7, None)),
            ("NATO", entity(1, None)),
            ("Georgia", entity(9, None)),
            ("NATO", entity(1, None)), // a name given twice for one entity counts once
            ("Georgia", entity(7, Some(3))),
        ];
        let group = Group::new(&found, false, false, repeats);
        assert_eq!(names(&group.names), ["Georgia", "NATO"]);
        assert_eq!(
            group.targets(0),
            [entity(7, None), entity(9, None), entity(7, Some(3))]
        );
        assert_eq!(group.targets(1), [entity(1, None)]);
        assert_eq!(group.targets(2), [], "no such pattern");
        let empty = Group::new(&[], false, false, repeats);
        assert_eq!(empty.targets(0), []);
        assert_eq!(empty.find("Georgia").count(), 0);
    }

    #[test]
    fn titles_are_kept_in_lower_case_once() {
        let titles = [
            ("Prime Minister", 0),
            ("prime minister", 0),
            ("PRIME MINISTER", 1),
        ];
        let group = Group::new(&titles, true, false, |kept, office| {
            kept.last() == Some(office)
        });
        assert_eq!(names(&group.names), ["prime minister"]);
        assert_eq!(group.targets(0), [0, 1]);
        let text = "the Prime minister and the PRIME MINISTER";
        assert_eq!(
            group
                .find(text)
                .map(|m| &text[m.start..m.end])
                .collect::<Vec<_>>(),
            ["Prime minister", "PRIME MINISTER"]
        );
    }

    #[test]
    fn the_longest_name_at_a_word_wins_and_must_end_at_a_word_boundary() {
        let patterns = Patterns::new(
            &[
                "Jens",
                "Jens Stoltenberg",
                "Stoltenberg",
                "NATO",
                "U.S.",
                "'s-Gravenhage",
            ],
            false,
            false,
        );
        let text = "Jens Stoltenberg and Jens; NATO, the U.S. and 's-Gravenhage.";
        let words: Vec<&str> = found(&patterns, text)
            .iter()
            .map(|&(start, end, _)| &text[start..end])
            .collect();
        assert_eq!(
            words,
            ["Jens Stoltenberg", "Jens", "NATO", "U.S.", "'s-Gravenhage"]
        );
        // The longest name is taken and then fails the boundary: the shorter one is not
        // reported in its place, as with an automaton.
        assert_eq!(found(&patterns, "Jens Stoltenbergs"), []);
        assert_eq!(found(&patterns, "NATOs and SNATO"), []);
    }

    #[test]
    fn a_name_starting_inside_a_word_hides_the_names_it_overlaps() {
        // "Jens Stoltenberg" starts inside "XJens", so it is not reported, but an
        // Aho-Corasick search takes it and goes on after it: "Stoltenberg" is hidden.
        let patterns = Patterns::new(&["Jens Stoltenberg", "Stoltenberg"], false, false);
        let text = "XJens Stoltenberg said";
        assert_eq!(found(&patterns, text), []);
        assert_eq!(found(&patterns, text), found_by_automaton(&patterns, text));
        // A one-word name inside the word that ends before the longer one starts does not
        // hide it; one that overlaps its start does.
        let patterns = Patterns::new(&["ab", "bc d", "d"], false, false);
        assert_eq!(found(&patterns, "abc d"), [(4, 5, 2)]);
        assert_eq!(found(&patterns, "xbc d"), []);
        for text in ["abc d", "xbc d", "aabc d", "bc d"] {
            assert_eq!(
                found(&patterns, text),
                found_by_automaton(&patterns, text),
                "{text}"
            );
        }
    }

    /// A small deterministic generator (xorshift), for the comparison below.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn string(&mut self, alphabet: &[&str], max: usize) -> String {
            let len = self.below(max + 1);
            (0..len)
                .map(|_| alphabet[self.below(alphabet.len())])
                .collect()
        }
    }

    #[test]
    fn the_lexicon_finds_what_an_automaton_finds() {
        // Few letters, so that names overlap, start inside words and run across them.
        let alphabet = ["a", "b", "A", "B", " ", " ", "-", ".", "é", "É", "1", "'"];
        let mut random = Random(0x9e37_79b9_7f4a_7c15);
        for case in 0..20_000 {
            let count = 1 + random.below(8);
            let names: Vec<String> = (0..count)
                .map(|_| random.string(&alphabet, 6))
                .filter(|name| !name.is_empty())
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let patterns = Patterns::new(&names, case % 2 == 0, false);
            if patterns.len() == 0 {
                continue;
            }
            let text = random.string(&alphabet, 40);
            assert_eq!(
                found(&patterns, &text),
                found_by_automaton(&patterns, &text),
                "names {names:?} in {text:?}"
            );
        }
    }

    /// What one walk over `text` finds for two sets of patterns at once.
    fn found_together(a: &Patterns, b: &Patterns, text: &str) -> [Vec<(usize, usize, usize)>; 2] {
        let (mut a_out, mut b_out) = (Vec::new(), Vec::new());
        let (a_walk, b_walk) = (
            (SharedWalk::new(a), &mut a_out),
            (SharedWalk::new(b), &mut b_out),
        );
        match (a.ignore_case, b.ignore_case) {
            (true, false) => find_two::<true, false>(a_walk, b_walk, text),
            (true, true) => find_two::<true, true>(a_walk, b_walk, text),
            (false, false) => find_two::<false, false>(a_walk, b_walk, text),
            (false, true) => find_two::<false, true>(a_walk, b_walk, text),
        }
        [a_out, b_out].map(|out| out.iter().map(|m| (m.start, m.end, m.pattern)).collect())
    }

    #[test]
    fn two_groups_searched_in_one_walk_find_what_each_finds_alone() {
        let alphabet = ["a", "b", "A", "B", " ", " ", "-", ".", "é", "É", "1", "'"];
        let mut random = Random(0x2545_f491_4f6c_dd1d);
        let names = |random: &mut Random| -> Vec<String> {
            let count = 1 + random.below(8);
            (0..count)
                .map(|_| random.string(&alphabet, 6))
                .filter(|name| !name.is_empty())
                .collect()
        };
        for case in 0..20_000 {
            let (a, b) = (names(&mut random), names(&mut random));
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            let a = Patterns::new(&a, case % 2 == 0, false);
            let b = Patterns::new(&b, case % 3 == 0, false);
            if a.len() == 0 || b.len() == 0 {
                continue;
            }
            let text = random.string(&alphabet, 40);
            assert_eq!(
                found_together(&a, &b, &text),
                [found(&a, &text), found(&b, &text)],
                "{:?} and {:?} in {text:?}",
                names_of(&a),
                names_of(&b)
            );
        }
    }

    fn names_of(patterns: &Patterns) -> Vec<&str> {
        names(patterns)
    }

    #[test]
    fn long_words_are_compared_at_every_length() {
        let long = "A".repeat(70);
        let longer = format!("{long} B");
        let patterns = Patterns::new(&[&long, &longer, "AAAA"], false, false);
        for text in [
            long.clone(),
            format!("{long} B"),
            format!("{long}A"),
            format!("x{long} B"),
            "AAAA".to_string(),
        ] {
            assert_eq!(
                found(&patterns, &text),
                found_by_automaton(&patterns, &text)
            );
        }
        assert_eq!(found(&patterns, &longer), [(0, 72, 1)]);
    }

    #[test]
    fn a_dfa_takes_over_after_enough_text_and_finds_the_same_matches() {
        for ignore_case in [false, true] {
            let names = [
                "NATO",
                "Jens Stoltenberg",
                "Stoltenberg",
                "Jens",
                "secretary general",
            ];
            let patterns = Patterns::new(&names, ignore_case, true);
            let text =
                "Jens Stoltenberg, NATO’s Secretary General; SNATO Jensen. Stoltenberg said.";
            let by_lexicon = found(&patterns, text);
            assert!(
                patterns.dfa.get().is_none(),
                "one short text keeps the lexicon"
            );
            let long = text.repeat(DFA_AFTER_BYTES / text.len() + 1);
            patterns.search(&long).count();
            assert!(
                patterns.dfa.get().is_none(),
                "the long text itself is searched by the lexicon"
            );
            assert_eq!(found(&patterns, text), by_lexicon);
            assert!(
                patterns.dfa.get().is_some(),
                "the next search builds the DFA"
            );
            assert_eq!(by_lexicon.len(), if ignore_case { 4 } else { 3 });
        }
    }

    #[test]
    fn many_patterns_keep_searching_with_the_lexicon() {
        let names: Vec<String> = (0..=DFA_MAX_PATTERNS).map(|n| format!("Name{n}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let patterns = Patterns::new(&names, false, true);
        let text = "Name7 and Name1000 met. ".repeat(DFA_AFTER_BYTES / 20);
        for _ in 0..2 {
            assert_eq!(found(&patterns, &text).len(), text.len() / 12);
        }
        assert!(patterns.dfa.get().is_none());
    }

    #[test]
    fn eight_bytes_are_made_lower_case_as_one_at_a_time_would() {
        for byte in 0..=255u8 {
            for other in [0u8, b'A', b'z', 0x80, 0xff] {
                let chunk = u64::from_le_bytes([byte, other, b'Z', b'@', b'[', byte, 0xc3, b'M']);
                let one_at_a_time = chunk.to_le_bytes().map(|b| b.to_ascii_lowercase());
                assert_eq!(ascii_lowercase(chunk).to_le_bytes(), one_at_a_time);
            }
        }
        assert_eq!(
            hash(b"Prime MINISTER", true),
            hash(b"prime minister", false)
        );
    }

    #[test]
    fn word_characters_are_the_letters_and_digits_of_the_unicode_tables() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn word_boundaries_respect_letters_on_both_sides() {
        assert!(is_word_boundary("the NATO allies", 4, 8));
        assert!(!is_word_boundary("SNATO", 1, 5));
        assert!(is_word_boundary("NATO’s", 0, 4));
        assert!(!is_word_boundary("Romanians", 0, 7));
    }
}
