//! Count claims about an organisation's members: "the 30 NATO allies", "all 30 existing
//! allied countries", "NATO's 32 members", "the 27-member EU", "the alliance's thirty
//! members", "all 193 UN member states".
//!
//! Only totals count: a number needs a determiner that makes it the whole ("the", "all",
//! a possessive), and a subset ("the two NATO allies, Greece and Turkey", "the 20 members
//! that voted", "the other 29 allies") claims nothing.

use std::collections::HashMap;

use super::date::DateClaim;
use super::mention::{dates_of_block, Mention, ParagraphTimes, Quoted, TimeContext};
use super::ExtractContext;
use crate::document::{Block, Document};
use crate::facts::{EntityId, EntityKind, FactBase, NameForm, NameTarget};
use crate::line_index::floor_char_boundary;
use crate::span::Span;
use crate::text::LowerAscii;

#[derive(Clone, Debug)]
pub struct CountClaim {
    /// Index into `Document::blocks`.
    pub block: usize,
    pub value: u32,
    /// The number as written.
    pub number_span: Span,
    /// The whole phrase ("the 30 NATO allies").
    pub span: Span,
    pub entity: EntityId,
    /// The noun as written ("allies", "member states", "member").
    pub noun: String,
    pub time: TimeContext,
}

/// What a count counts: an organisation's member countries, or all its members. They differ
/// when some members are organisations (the EU and the African Union in the G20).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CountKind {
    /// "countries", "nations", "states", "member states", "the 27-nation bloc".
    Countries,
    /// "members", "the 27-member EU".
    Members,
    /// "allies", "the 27-strong bloc": either.
    Unknown,
}

impl CountClaim {
    pub fn kind(&self) -> CountKind {
        CountKind::of_noun(&self.noun)
    }
}

impl CountKind {
    /// What a count's noun, as written, counts.
    fn of_noun(noun: &str) -> CountKind {
        let noun = noun.to_ascii_lowercase();
        match noun.as_str() {
            "members" | "member" => CountKind::Members,
            "allies" | "strong" => CountKind::Unknown,
            _ if [
                "countries",
                "nations",
                "states",
                "country",
                "nation",
                "state",
            ]
            .iter()
            .any(|word| noun.ends_with(word)) =>
            {
                CountKind::Countries
            }
            _ => CountKind::Unknown,
        }
    }
}

/// Words between the number and the noun that keep it a total.
const FILLERS: &[&str] = &["existing", "current", "present", "allied", "sovereign"];

/// Nouns that count an organisation's members, longest first. The plain ones ("countries")
/// need the organisation written or an "allied"/"member" before them.
const NOUNS: &[(&str, bool)] = &[
    ("member states", true),
    ("member countries", true),
    ("member nations", true),
    ("member-states", true),
    ("members", true),
    ("allies", true),
    ("countries", false),
    ("nations", false),
    ("states", false),
];

/// Verbs of having before a count: "NATO has 32 members".
const HAVE_VERBS: &[&str] = &["has", "had"];

/// Verbs that say what an organisation is made of: the count after them is its whole
/// membership, so a plain noun ("consists of 32 countries") counts members too.
const COMPOSITION_VERBS: &[&str] = &[
    "comprises",
    "consists of",
    "is made up of",
    "is composed of",
    "is currently made up of",
    "is now made up of",
    "is currently composed of",
    "is now composed of",
];

/// Words that open an appositive giving the membership: "NATO, with 32 members,".
const APPOSITIVE_LINKS: &[&str] = &["with", "made up of", "composed of", "comprising"];

/// Words after an organisation's generic noun that give its whole membership: "NATO is a
/// military alliance of 32 countries", "an alliance between 30 member countries". Longest
/// first: " composed of" before " of".
const DESCRIPTION_LINKS: &[&str] = &[
    " consisting of",
    " composed of",
    " made up of",
    " comprising",
    " between",
    " of",
];

/// Verbs that say what an organisation is: "NATO is an alliance of 32 countries".
const DESCRIPTION_VERBS: &[&str] = &["is", "remains"];

/// How many words (adjectives) may stand between "a" and the generic noun: "a political and
/// economic union of 27 member states".
const DESCRIPTION_ADJECTIVES: usize = 4;

pub fn extract(
    doc: &Document,
    cx: &ExtractContext,
    mentions: &[Mention],
    dates: &[DateClaim],
) -> Vec<CountClaim> {
    let facts = cx.facts;
    if facts.is_empty() {
        return Vec::new();
    }
    let organisations = OrganisationMentions::new(facts, mentions);
    // A count is about an organisation named before it, or, when the article names only one
    // that fits, named later ("The leaders of the 31 allies ..." before "NATO").
    if organisations.list.is_empty() {
        return Vec::new();
    }
    // Mentions come in block order: each block's names are gathered as the block is read
    // (filtering every mention for every block would be quadratic on long files, and a table
    // of names for every block at once takes more memory than the blocks).
    debug_assert!(mentions.is_sorted_by_key(|mention| mention.block));
    let mut named = mentions
        .iter()
        .filter(|mention| !mention.targets().is_empty())
        .peekable();
    let mut names = NamesAt::default();
    let mut claims = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        names.clear();
        if block.quote_depth > 0 {
            // A block quotation is someone else's words (see `mention::extract`).
            continue;
        }
        while let Some(mention) = named.next_if(|mention| mention.block <= index) {
            if mention.block == index {
                names.add(mention);
            }
        }
        let reader = Reader {
            facts,
            block,
            index,
            names: &names,
            organisations: &organisations,
            times: ParagraphTimes::new(dates_of_block(dates, index)),
            quoted: std::cell::OnceCell::new(),
        };
        for number in numbers(block.text()) {
            if let Some(claim) = reader.claim(&number) {
                claims.push(claim);
            }
        }
    }
    claims
}

/// A number as written: "30", "thirty", "twenty-seven", "27-member".
struct Number {
    /// The whole token.
    whole: std::ops::Range<usize>,
    /// The number itself.
    digits: std::ops::Range<usize>,
    value: u32,
    /// "member", "nation", ... of "27-member".
    compound: Option<&'static str>,
}

/// The first letters of number words ("one" to "ninety-nine"), in either case.
const NUMBER_WORD_INITIALS: &[u8] = b"efnostzEFNOSTZ";

/// Every number in `text`: whole words only, so "1,000" and "A30" give nothing usable.
fn numbers(text: &str) -> impl Iterator<Item = Number> + '_ {
    const COMPOUNDS: &[&str] = &["member", "nation", "country", "state", "strong"];
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(run) = alphanumeric_run(text, at) {
            let (start, len) = (run.start, run.len());
            at = run.end;
            // A number starts with a digit or a number word's initial: most words are no
            // number, and are passed over at once.
            let first = text.as_bytes()[start];
            if !first.is_ascii_digit() && !NUMBER_WORD_INITIALS.contains(&first) {
                continue;
            }
            let word = text[start..start + len].trim_end_matches('-');
            let (number, compound) = match word.rsplit_once('-') {
                Some((head, tail)) => match COMPOUNDS.iter().find(|c| tail.eq_ignore_ascii_case(c))
                {
                    Some(compound) => (head, Some(*compound)),
                    None => (word, None),
                },
                None => (word, None),
            };
            let is_number = number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit());
            let value = if is_number || number.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
            {
                number_value(number)
            } else {
                None
            };
            if let Some(value) = value {
                return Some(Number {
                    whole: start..start + word.len(),
                    digits: start..start + number.len(),
                    value,
                    compound,
                });
            }
        }
        None
    })
}

/// The next run of letters and digits at or after `at`, with the hyphens inside or after
/// it ("twenty-seven", "27-member"). Every character of a paragraph passes through here, so
/// ASCII is tested a byte at a time and only other characters are decoded.
fn alphanumeric_run(text: &str, mut at: usize) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let char_at = |at: usize| text[at..].chars().next().unwrap_or_default();
    loop {
        let &byte = bytes.get(at)?;
        if byte.is_ascii_alphanumeric() {
            break;
        }
        if byte.is_ascii() {
            at += 1;
            continue;
        }
        let c = char_at(at);
        if c.is_alphanumeric() {
            break;
        }
        at += c.len_utf8();
    }
    let start = at;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            at += 1;
        } else if byte.is_ascii() {
            break;
        } else {
            let c = char_at(at);
            if !c.is_alphanumeric() {
                break;
            }
            at += c.len_utf8();
        }
    }
    Some(start..at)
}

fn number_value(written: &str) -> Option<u32> {
    /// "seventy-seven" is the longest number word and "one" one of the shortest.
    const LONGEST: usize = 13;
    match written.as_bytes().first()? {
        first if first.is_ascii_digit() => return written.parse().ok(),
        first
            if !(3..=LONGEST).contains(&written.len()) || !NUMBER_WORD_INITIALS.contains(first) =>
        {
            return None
        }
        _ => {}
    }
    // Number words are ASCII (a word that is not is none): lowered on the stack, the word
    // is matched at once.
    let lower = LowerAscii::new(written)?;
    let lower = lower.as_bytes();
    let (tens, unit) = match lower.iter().position(|&b| b == b'-') {
        Some(hyphen) => (&lower[..hyphen], Some(&lower[hyphen + 1..])),
        None => (lower, None),
    };
    if let Some(value) = units_value(tens) {
        return unit.is_none().then_some(value);
    }
    let base = tens_value(tens)?;
    match unit {
        Some(unit) => Some(base + units_value(unit)?),
        None => Some(base),
    }
}

/// "zero" to "nineteen", in lower case.
fn units_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    })
}

/// "twenty" to "ninety", in lower case.
fn tens_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// A block's names by where they start and end (the first one, where several do).
#[derive(Default)]
struct NamesAt<'a> {
    starting: HashMap<usize, &'a Mention>,
    ending: HashMap<usize, &'a Mention>,
}

impl<'a> NamesAt<'a> {
    fn clear(&mut self) {
        self.starting.clear();
        self.ending.clear();
    }

    fn add(&mut self, mention: &'a Mention) {
        self.starting.entry(mention.range.start).or_insert(mention);
        self.ending.entry(mention.range.end).or_insert(mention);
    }
}

/// Organisations named so far, in document order, to resolve "the 30 allies".
struct OrganisationMentions {
    /// (block, text offset, organisation).
    list: Vec<(usize, usize, EntityId)>,
    /// Each organisation named, once.
    distinct: Vec<EntityId>,
}

impl OrganisationMentions {
    fn new(facts: &FactBase, mentions: &[Mention]) -> Self {
        let list = mentions
            .iter()
            .filter_map(|m| {
                single_organisation(facts, m.targets()).map(|e| (m.block, m.range.start, e))
            })
            .collect::<Vec<_>>();
        let mut distinct: Vec<EntityId> = list.iter().map(|&(_, _, entity)| entity).collect();
        distinct.sort_unstable();
        distinct.dedup();
        Self { list, distinct }
    }

    /// The one organisation the article names that `accepts`, if only one does.
    fn only(&self, accepts: impl Fn(EntityId) -> bool) -> Option<EntityId> {
        let mut found = self
            .distinct
            .iter()
            .copied()
            .filter(|&entity| accepts(entity));
        let entity = found.next()?;
        found.next().is_none().then_some(entity)
    }

    /// The organisation named last before `(block, at)` that `accepts`.
    fn last_before(
        &self,
        block: usize,
        at: usize,
        accepts: impl Fn(EntityId) -> bool,
    ) -> Option<EntityId> {
        let end = self
            .list
            .partition_point(|&(b, start, _)| (b, start) < (block, at));
        self.list[..end]
            .iter()
            .rev()
            .map(|&(_, _, entity)| entity)
            .find(|&entity| accepts(entity))
    }
}

/// The one organisation a name means, if it means exactly one.
fn single_organisation(facts: &FactBase, targets: &[NameTarget]) -> Option<EntityId> {
    let mut found = targets.iter().filter_map(|target| match *target {
        NameTarget::Entity {
            entity,
            form: NameForm::Name,
            ..
        } if facts.entity(entity).kind == EntityKind::Organisation => Some(entity),
        _ => None,
    });
    let entity = found.next()?;
    found.all(|other| other == entity).then_some(entity)
}

/// Which organisation a count is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Whose {
    /// Written: "NATO's", "the 30 NATO allies", "of the EU".
    Named(EntityId),
    /// A generic word: "the alliance's", "the 28-nation bloc".
    Generic,
    /// Not written: "the 30 allies".
    Unwritten,
    /// "It" opening the sentence after one the organisation opens: "NATO was set up by
    /// twelve countries. It is made up of 32 countries."
    Pronoun(EntityId),
}

struct Reader<'a> {
    facts: &'a FactBase,
    block: &'a Block<'a>,
    index: usize,
    names: &'a NamesAt<'a>,
    organisations: &'a OrganisationMentions,
    times: ParagraphTimes<'a>,
    /// The block's quotations, found once a number looks like a claim.
    quoted: std::cell::OnceCell<Quoted>,
}

impl Reader<'_> {
    fn text(&self) -> &str {
        self.block.text()
    }

    /// The organisation named by the name starting exactly at `at`.
    fn organisation_at(&self, at: usize) -> Option<(EntityId, usize)> {
        let mention = self.names.starting.get(&at)?;
        single_organisation(self.facts, mention.targets()).map(|e| (e, mention.range.end))
    }

    /// An organisation's generic word at `at` ("alliance", "bloc"), and where it ends.
    fn generic_at(&self, at: usize) -> Option<(&str, usize)> {
        let rest = &self.text()[at..];
        let len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word = &rest[..len];
        let lower = word.to_lowercase();
        let known = self
            .facts
            .entities
            .iter()
            .any(|e| e.generic.iter().any(|generic| *generic == lower));
        (len > 0 && known).then_some((word, at + len))
    }

    fn claim(&self, number: &Number) -> Option<CountClaim> {
        let text = self.text();
        let whole = &number.whole;
        if text[..whole.start].ends_with([',', '.', '$', '€', '£', '-', '/']) {
            return None;
        }
        let value = number.value;
        if value < 3 {
            return None;
        }
        let (phrase_start, possessor) = self.determiner(whole.start)?;
        let (whose, noun, end, generic) = match number.compound {
            Some(compound) => self.after_compound(whole.end, compound)?,
            None => {
                // "consists of 32 countries": the verb says whose members they are.
                let composed = possessor.is_some()
                    && COMPOSITION_VERBS
                        .iter()
                        .chain(&APPOSITIVE_LINKS[1..])
                        .chain(DESCRIPTION_LINKS)
                        .any(|verb| text[..whole.start].trim_end().ends_with(verb));
                self.after_number(whole.end, composed)?
            }
        };
        let possessor = match possessor {
            // "It has 30 members" may be a committee's or a council's the sentence before
            // named: only nouns of member countries ("member states", "countries") count.
            Some(Whose::Pronoun(_)) if CountKind::of_noun(&noun) == CountKind::Members => {
                return None
            }
            Some(Whose::Pronoun(entity)) => Some(Whose::Named(entity)),
            other => other,
        };
        let whose = match (possessor, whose) {
            (Some(Whose::Named(a)), Whose::Named(b)) if a != b => return None,
            (Some(possessor), Whose::Unwritten) => possessor,
            (_, whose) => whose,
        };
        let entity = match whose {
            Whose::Named(entity) | Whose::Pronoun(entity) => entity,
            Whose::Generic => {
                let word = generic.or_else(|| self.possessive_generic(phrase_start))?;
                let accepts = |e: EntityId| {
                    self.facts
                        .entity(e)
                        .generic
                        .iter()
                        .any(|g| g.eq_ignore_ascii_case(&word))
                };
                self.organisations
                    .last_before(self.index, phrase_start, accepts)
                    .or_else(|| self.organisations.only(accepts))?
            }
            Whose::Unwritten => {
                let alliance = noun == "allies" || text[whole.end..end].contains("allied");
                let accepts = |e: EntityId| {
                    !alliance || self.facts.entity(e).generic.iter().any(|g| g == "alliance")
                };
                // Before any organisation is named, only words that say "members of an
                // organisation" ("allies", "member states") look ahead: "the 30 members" may
                // be a club's.
                let says_organisation = alliance || noun.starts_with("member ");
                self.organisations
                    .last_before(self.index, phrase_start, accepts)
                    .or_else(|| says_organisation.then(|| self.organisations.only(accepts))?)?
            }
        };
        if self.facts.entity(entity).kind != EntityKind::Organisation {
            return None;
        }
        if self
            .quoted
            .get_or_init(|| Quoted::of(text))
            .contains(whole.start)
        {
            return None;
        }
        let sentence = self.block.sentence_at(whole.start);
        Some(CountClaim {
            block: self.index,
            value,
            number_span: self.block.span_of(number.digits.clone()),
            span: self.block.span_of(phrase_start..end),
            entity,
            noun,
            time: TimeContext::read_in(text, sentence, phrase_start..end, &self.times, true),
        })
    }

    /// "the", "all", "all the", "all of the", "its", or a possessive ("NATO's", "the
    /// alliance's") right before the number. Returns the phrase start and any possessor.
    fn determiner(&self, number_start: usize) -> Option<(usize, Option<Whose>)> {
        let text = self.text();
        let head = text[..number_start].strip_suffix(' ')?;
        for mark in ["'s", "’s"] {
            if let Some(stem) = head.strip_suffix(mark) {
                if let Some(name) = self.names.ending.get(&stem.len()) {
                    let entity = single_organisation(self.facts, name.targets())?;
                    return Some((name.range.start, Some(Whose::Named(entity))));
                }
                let start = stem.rfind(' ').map_or(0, |at| at + 1);
                self.generic_at(start)
                    .filter(|(_, end)| *end == stem.len())?;
                let before = &stem[..start];
                let the = before.len().checked_sub(4)?;
                before
                    .get(the..)
                    .filter(|word| word.eq_ignore_ascii_case("the "))?;
                return Some((the, Some(Whose::Generic)));
            }
        }
        if let Some(found) = self.subject_has(head).or_else(|| self.described_as(head)) {
            return Some(found);
        }
        // Only the end of the text before the number matters: lowering all of it for every
        // number would be quadratic on a long paragraph.
        let lower = suffix_at_most(head, 32).to_ascii_lowercase();
        let lower_offset = head.len() - lower.len();
        for determiner in ["all of the", "all the", "the", "all", "its", "a", "an"] {
            if let Some(stem) = lower.strip_suffix(determiner) {
                let at_start = stem.is_empty() && lower_offset == 0;
                if at_start || stem.ends_with([' ', '(', '“', '"', '—']) {
                    return Some((lower_offset + stem.len(), None));
                }
            }
        }
        None
    }

    /// "NATO has 31 members", "The bloc now has 27 member states", "NATO, which has 30
    /// members,", "The EU consists of 27 member states", "NATO, made up of 32 countries,": an
    /// organisation (or "the" and its generic word) as the subject of a verb that states its
    /// whole membership, right before the number.
    fn subject_has(&self, head: &str) -> Option<(usize, Option<Whose>)> {
        const ADVERBS: &[&str] = &["now", "currently", "still"];
        HAVE_VERBS
            .iter()
            .chain(COMPOSITION_VERBS)
            .filter_map(|verb| head.strip_suffix(verb)?.strip_suffix(' '))
            .find_map(|stem| {
                let stem = ADVERBS
                    .iter()
                    .find_map(|adverb| stem.strip_suffix(adverb)?.strip_suffix(' '))
                    .unwrap_or(stem);
                self.subject_ending(stem).or_else(|| {
                    // "NATO, which has 32 members, ...".
                    let stem = stem.strip_suffix("which")?.strip_suffix(", ")?;
                    self.subject_ending(stem)
                })
            })
            .or_else(|| {
                // "NATO, with 32 members, ...", "the EU, made up of 27 countries, ...".
                APPOSITIVE_LINKS
                    .iter()
                    .filter_map(|link| head.strip_suffix(link)?.strip_suffix(", "))
                    .find_map(|stem| self.subject_ending(stem))
            })
    }

    /// The organisation, or "the" and a generic word, that ends `stem`; or "It" opening a
    /// sentence after one the organisation opens.
    fn subject_ending(&self, stem: &str) -> Option<(usize, Option<Whose>)> {
        if let Some(name) = self.names.ending.get(&stem.len()) {
            let entity = single_organisation(self.facts, name.targets())?;
            return Some((name.range.start, Some(Whose::Named(entity))));
        }
        if let Some(pronoun) = stem.strip_suffix("It") {
            let at = pronoun.len();
            let entity = self.opens_the_sentence_before(at)?;
            return Some((at, Some(Whose::Pronoun(entity))));
        }
        let start = stem.rfind(' ').map_or(0, |at| at + 1);
        self.generic_at(start)
            .filter(|(_, end)| *end == stem.len())?;
        let the = stem[..start].len().checked_sub(4)?;
        stem.get(the..start)
            .filter(|word| word.eq_ignore_ascii_case("the "))?;
        Some((the, Some(Whose::Generic)))
    }

    /// The organisation that opens the sentence before the one starting at `at` in the same
    /// paragraph ("NATO ...", "The EU ..."), when `at` starts a sentence.
    fn opens_the_sentence_before(&self, at: usize) -> Option<EntityId> {
        let text = self.text();
        if self.block.sentence_at(at).start != at {
            return None;
        }
        let before = text[..at].trim_end();
        let previous = self.block.sentence_at(before.len().checked_sub(1)?);
        if previous.start >= at {
            return None;
        }
        let mut start = previous.start;
        if text[start..].starts_with("The ") {
            start += 4;
        }
        let (entity, _) = self.organisation_at(start)?;
        Some(entity)
    }

    /// "NATO is a military alliance of 32 countries", "NATO, an alliance of 32 countries,",
    /// "The EU is a political and economic union of 27 member states": the organisation
    /// described as one of its generic kind, whose members are the count after it.
    fn described_as(&self, head: &str) -> Option<(usize, Option<Whose>)> {
        let stem = DESCRIPTION_LINKS
            .iter()
            .find_map(|link| head.strip_suffix(link))?;
        let generic_start = stem.rfind(' ').map_or(0, |at| at + 1);
        self.generic_at(generic_start)
            .filter(|(_, end)| *end == stem.len())?;
        // Back over a few adjectives to "a" or "an".
        let mut rest = stem[..generic_start].strip_suffix(' ')?;
        let mut article = None;
        for _ in 0..=DESCRIPTION_ADJECTIVES {
            let word_start = rest.rfind(' ').map_or(0, |at| at + 1);
            let word = &rest[word_start..];
            if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
                article = Some(word_start);
                break;
            }
            if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
                return None;
            }
            rest = rest[..word_start].strip_suffix(' ')?;
        }
        let before = &stem[..article?];
        // ", a military alliance of" (an appositive) or " is a military alliance of".
        let subject = match before.strip_suffix(", ") {
            Some(subject) => subject,
            None => {
                let verb = before.strip_suffix(' ')?;
                let subject = DESCRIPTION_VERBS
                    .iter()
                    .find_map(|v| verb.strip_suffix(v)?.strip_suffix(' '))?;
                // "The North Atlantic Treaty Organization (NATO) is", "NATO, or the North
                // Atlantic Treaty Organization, is".
                let subject = subject.strip_suffix(',').unwrap_or(subject);
                subject.strip_suffix(')').unwrap_or(subject)
            }
        };
        let name = self.names.ending.get(&subject.len())?;
        let entity = single_organisation(self.facts, name.targets())?;
        Some((name.range.start, Some(Whose::Named(entity))))
    }

    /// After "30": fillers, an organisation's name, then the noun; then "of the EU".
    /// `marked` when the words before the number already say the noun counts members.
    fn after_number(
        &self,
        mut at: usize,
        mut marked: bool,
    ) -> Option<(Whose, String, usize, Option<String>)> {
        let text = self.text();
        let mut whose = Whose::Unwritten;
        for _ in 0..4 {
            let rest = text[at..].strip_prefix(' ')?;
            let word_at = text.len() - rest.len();
            if let Some((entity, end)) = self.organisation_at(word_at) {
                whose = Whose::Named(entity);
                at = end;
                continue;
            }
            // The longest filler or noun is short: lowering the whole rest would be quadratic.
            // ASCII lowering keeps byte offsets (the words are ASCII; "\u{212A}", the Kelvin
            // sign, would lower to a one-byte "k" and shift them).
            let lower = prefix_at_most(rest, 32).to_ascii_lowercase();
            if let Some(filler) = FILLERS.iter().find(|f| starts_word(&lower, f)) {
                marked |= *filler == "allied";
                at = word_at + filler.len();
                continue;
            }
            let (noun, plain_ok) = NOUNS.iter().find(|(noun, _)| starts_word(&lower, noun))?;
            let end = word_at + noun.len();
            let whose = self.after_noun(end, whose)?;
            if !plain_ok && !marked && whose == Whose::Unwritten {
                return None;
            }
            return Some((whose, (*noun).to_string(), end, None));
        }
        None
    }

    /// "the 27-member EU", "the 28-nation alliance".
    fn after_compound(
        &self,
        at: usize,
        compound: &str,
    ) -> Option<(Whose, String, usize, Option<String>)> {
        let mut word_at = at + 1;
        self.text()[at..].strip_prefix(' ')?;
        if let Some((entity, end)) = self.organisation_at(word_at) {
            return Some((Whose::Named(entity), compound.to_string(), end, None));
        }
        // "the 32-nation military alliance": one word that says what kind of organisation.
        const KINDS: &[&str] = &[
            "military ",
            "western ",
            "transatlantic ",
            "defence ",
            "defense ",
            "security ",
            "political ",
            "economic ",
            "trading ",
            "trade ",
            "european ",
        ];
        let rest = &self.text()[word_at..];
        if let Some(kind) = KINDS.iter().find(|kind| {
            rest.get(..kind.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(kind))
        }) {
            word_at += kind.len();
        }
        let (word, end) = self.generic_at(word_at)?;
        Some((
            Whose::Generic,
            compound.to_string(),
            end,
            Some(word.to_lowercase()),
        ))
    }

    /// What follows the noun: "of the EU" names the organisation; a list, a relative clause
    /// or an unknown "of ..." makes it a subset or something else.
    fn after_noun(&self, end: usize, whose: Whose) -> Option<Whose> {
        let text = self.text();
        let rest = &text[end..];
        for preposition in [" of the ", " in the ", " of ", " in "] {
            if let Some(after) = rest.strip_prefix(preposition) {
                let at = text.len() - after.len();
                if let Some((entity, _)) = self.organisation_at(at) {
                    return match whose {
                        Whose::Named(named) if named != entity => None,
                        _ => Some(Whose::Named(entity)),
                    };
                }
                if after.chars().next().is_some_and(char::is_uppercase) {
                    return None;
                }
                return Some(whose);
            }
        }
        if let Some(after) = rest.strip_prefix(", ") {
            if after.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
        }
        for relative in [" that ", " who ", " which ", " whose "] {
            if rest.starts_with(relative) {
                return None;
            }
        }
        Some(whose)
    }

    /// The generic word of "the alliance's 30 members".
    fn possessive_generic(&self, phrase_start: usize) -> Option<String> {
        let after_the = phrase_start + 4;
        self.generic_at(after_the)
            .map(|(word, _)| word.to_lowercase())
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn prefix_at_most(text: &str, max: usize) -> &str {
    &text[..floor_char_boundary(text, max.min(text.len()))]
}

/// The longest suffix of `text` of at most `max` bytes that starts on a character boundary.
fn suffix_at_most(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Whether `text` starts with the whole word(s) `word`.
fn starts_word(text: &str, word: &str) -> bool {
    text.starts_with(word)
        && !text[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::Claims;
    use crate::document::Document;
    use crate::settings::Settings;
    use crate::text::skip_while;

    /// The runs as `skip_while` over decoded characters finds them.
    fn runs_by_chars(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut runs = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let start = skip_while(text, at, |c| !c.is_alphanumeric());
            let end = skip_while(text, start, |c| c.is_alphanumeric() || c == '-');
            at = end.max(start + 1);
            if end > start {
                runs.push(start..end);
            }
        }
        runs
    }

    #[test]
    fn runs_are_those_of_decoded_characters() {
        let pieces = [
            "the",
            "30",
            "-",
            "twenty-seven",
            "A30",
            " ",
            ",",
            "km²",
            "٣٠",
            "naïve",
            "Ölgaard",
            "27-member",
            "—",
            "–",
            "€",
            "1,000",
            "\u{a0}",
            "🙂",
            "x_y",
            "'",
            "北京",
            "ⅻ",
            "--",
        ];
        let mut state = 7u32;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 9) {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(state >> 16) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let mut at = 0;
            let mut runs = Vec::new();
            while let Some(run) = alphanumeric_run(&text, at) {
                at = run.end;
                runs.push(run);
            }
            assert_eq!(runs, runs_by_chars(&text), "{text:?}");
        }
    }

    #[track_caller]
    fn assert_counts(text: &str, expected: &[(u32, &str)]) {
        let settings = Settings::embedded();
        let doc = Document::parse(text);
        let claims = Claims::extract(&doc, &settings);
        let found: Vec<(u32, String)> = claims
            .counts
            .iter()
            .map(|c| (c.value, settings.facts.entity(c.entity).name.to_string()))
            .collect();
        let expected: Vec<(u32, String)> = expected
            .iter()
            .map(|(v, e)| (*v, (*e).to_string()))
            .collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn letters_that_change_length_when_lowered_do_not_shift_offsets() {
        // "\u{212A}" (Kelvin sign, three bytes) lowers to "k", "\u{130}" (two bytes) to "i̇"
        // (three): the words after a number are matched without moving any offset.
        for text in [
            "NATO met. The 30 \u{212A}\u{212A}\u{212A} allies met.",
            "NATO met. The 30 \u{130}\u{130} members met.",
            "NATO met. The 30 members\u{212A} met.",
        ] {
            let settings = Settings::embedded();
            let doc = Document::parse(text);
            let claims = Claims::extract(&doc, &settings);
            for count in &claims.counts {
                assert!(
                    text.is_char_boundary(count.span.start)
                        && text.is_char_boundary(count.span.end)
                );
            }
        }
    }

    #[test]
    fn reads_the_usual_phrasings() {
        assert_counts("The ministers of the 30 NATO allies met.", &[(30, "NATO")]);
        assert_counts(
            "NATO met. Unanimous consent of all 30 existing allied countries is required.",
            &[(30, "NATO")],
        );
        assert_counts("NATO’s 32 members agreed.", &[(32, "NATO")]);
        assert_counts("Leaders of the 27-member EU met.", &[(27, "EU")]);
        assert_counts(
            "The EU met. All twenty-seven member states agreed.",
            &[(27, "EU")],
        );
        assert_counts(
            "Delegates of all 193 UN member states voted.",
            &[(193, "UN")],
        );
        assert_counts(
            "NATO met. The alliance's thirty members agreed.",
            &[(30, "NATO")],
        );
        assert_counts("The 28 member states of the EU agreed.", &[(28, "EU")]);
    }

    #[test]
    fn counts_need_the_organisation_named_before_or_the_only_one_that_fits() {
        assert_counts("NATO met.\n\nThe 30 allies met.\n", &[(30, "NATO")]);
        assert_counts("The 30 allies met.\n\nNATO met.\n", &[(30, "NATO")]);
        assert_counts(
            "The leaders of the 31 allies met. NATO said it would help.",
            &[(31, "NATO")],
        );
        assert_counts("The 27 members met.\n\nNATO and the EU met.\n", &[]);
        assert_counts("The 30 members of the board met.\n\nThe EU met.\n", &[]);
        assert_counts("The 28 member states met.\n\nThe EU met.\n", &[(28, "EU")]);
        assert_counts(
            "Leaders of the 31-member alliance met.\n\nNATO said so.\n",
            &[(31, "NATO")],
        );
        assert_counts("Intro.\n\nThe 30 NATO allies met.\n", &[(30, "NATO")]);
    }

    #[test]
    fn the_plain_has_form_is_read() {
        assert_counts("NATO has 31 members.", &[(31, "NATO")]);
        assert_counts("The EU has 28 member states.", &[(28, "EU")]);
        assert_counts(
            "NATO met. The alliance now has 32 members.",
            &[(32, "NATO")],
        );
        assert_counts("NATO met. Finland has 31 members of parliament.", &[]);
        assert_counts("NATO met. He has 31 members.", &[]);
        assert_counts("Nato, with 31 members, met.", &[(31, "NATO")]);
        assert_counts(
            "NATO met. The 31-nation military alliance met.",
            &[(31, "NATO")],
        );
        assert_counts("NATO met. A country with 31 members met.", &[]);
    }

    #[test]
    fn verbs_of_the_whole_membership_are_read() {
        assert_counts("NATO, which has 29 members, met.", &[(29, "NATO")]);
        assert_counts(
            "The EU, which now has 28 member states, met.",
            &[(28, "EU")],
        );
        assert_counts("NATO consists of 30 member countries.", &[(30, "NATO")]);
        assert_counts("The EU comprises 28 member states.", &[(28, "EU")]);
        assert_counts(
            "The European Union is made up of 28 countries.",
            &[(28, "EU")],
        );
        assert_counts(
            "NATO met. The alliance currently consists of 32 nations.",
            &[(32, "NATO")],
        );
        assert_counts("The EU, made up of 28 countries, met.", &[(28, "EU")]);
        assert_counts(
            "The EU is currently made up of 28 countries.",
            &[(28, "EU")],
        );
        // A plain noun needs the verb of composition; a subject that is no organisation,
        // or a relative clause about something else, claims nothing.
        assert_counts("NATO met. NATO has 30 countries.", &[]);
        assert_counts("NATO met. The committee is made up of 12 members.", &[]);
        assert_counts("NATO met. Its staff, which has 30 members, met.", &[]);
        assert_counts("NATO met. The mission consists of 30 countries.", &[]);
    }

    #[test]
    fn an_organisation_described_by_its_kind_is_read() {
        assert_counts(
            "NATO is an alliance between 30 member countries.",
            &[(30, "NATO")],
        );
        assert_counts(
            "NATO is a military alliance of 30 countries from Europe and North America.",
            &[(30, "NATO")],
        );
        assert_counts("NATO, an alliance of 30 countries, met.", &[(30, "NATO")]);
        assert_counts(
            "The EU is a political and economic union of 28 member states.",
            &[(28, "EU")],
        );
        assert_counts(
            "NATO, or the North Atlantic Treaty Organization, is an international military \
             alliance of 29 countries.",
            &[(29, "NATO")],
        );
        assert_counts(
            "The North Atlantic Treaty Organization, also known as NATO, is a military \
             alliance composed of 30 member countries.",
            &[(30, "NATO")],
        );
        // Another kind of thing, a past, a subset or something other than the organisation.
        assert_counts(
            "NATO met. The Security Council is a body of 15 members.",
            &[],
        );
        assert_counts("NATO was an alliance of 12 countries.", &[]);
        assert_counts(
            "The EU is a bloc of 27 countries that share a currency.",
            &[],
        );
        assert_counts("NATO met. A bloc of 11 countries opposed it.", &[]);
    }

    #[test]
    fn it_opening_the_sentence_after_the_organisation_is_read() {
        assert_counts(
            "NATO is a defensive alliance. It is made up of 29 countries.",
            &[(29, "NATO")],
        );
        assert_counts(
            "The EU held its summit in Brussels. It now has 28 member states.",
            &[(28, "EU")],
        );
        // Plain "members" may be those of something the sentence before named; "It" after
        // a sentence another subject opens may be anything.
        assert_counts("The EU set up a committee. It has 30 members.", &[]);
        assert_counts("Leaders met the EU's envoys. It has 28 member states.", &[]);
        assert_counts("It has 28 member states, the EU said.", &[]);
    }

    #[test]
    fn quoted_counts_are_the_speakers() {
        assert_counts("NATO met. “The 31 allies agree,” he said.", &[]);
        assert_counts("NATO met.\n\n> The 31 allies agree.\n", &[]);
    }

    #[test]
    fn subsets_and_other_things_claim_nothing() {
        assert_counts("The two NATO allies, Greece and Turkey, disagreed.", &[]);
        assert_counts("NATO met. The 20 members that voted agreed.", &[]);
        assert_counts("NATO met. The other 29 allies agreed.", &[]);
        assert_counts("NATO met. Some 30 countries sent troops.", &[]);
        assert_counts("NATO met. The 30 countries sent troops.", &[]);
        assert_counts("The 57 member states of the OSCE met.", &[]);
        assert_counts("The 30 allies met.", &[]);
        assert_counts("The EU met. The 30 allies met.", &[]);
    }

    #[test]
    fn numbers_are_whole_words_across_scripts() {
        let text = "The 27-member EU, twenty-seven É3 A30 1,000 thirty—Forty ünf 5-strong-- \
                    seven\u{e9} 1234 Ω12 两 12";
        let found: Vec<(u32, &str, Option<&str>)> = numbers(text)
            .map(|n| (n.value, &text[n.whole], n.compound))
            .collect();
        assert_eq!(
            found,
            vec![
                (27, "27-member", Some("member")),
                (27, "twenty-seven", None),
                (1, "1", None),
                (0, "000", None),
                (30, "thirty", None),
                (40, "Forty", None),
                (5, "5-strong", Some("strong")),
                (12, "12", None),
            ]
        );
    }

    #[test]
    fn number_words_have_values() {
        assert_eq!(number_value("thirty"), Some(30));
        assert_eq!(number_value("Twenty-seven"), Some(27));
        assert_eq!(number_value("twelve"), Some(12));
        assert_eq!(number_value("193"), Some(193));
        assert_eq!(number_value("twelve-one"), None);
        assert_eq!(number_value("NINETY-NINE"), Some(99));
        assert_eq!(number_value("twenty-"), None);
        assert_eq!(number_value("twenty-one-two"), None);
        assert_eq!(number_value("zero"), Some(0));
        assert_eq!(number_value("seventy-sevens"), None);
        assert_eq!(number_value("s\u{e9}ven"), None);
        assert_eq!(number_value("the"), None);
    }
}
