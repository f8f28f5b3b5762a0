//! Mentions of entities known to the fact base, found with its alias automaton (Aho-Corasick,
//! leftmost-longest, whole words), and what they assert: a person holding an office
//! ("NATO Secretary General Jens Stoltenberg") or a city being a capital ("the Romanian capital
//! Bucharest").

mod office;
mod place;

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use smallvec::SmallVec;

use crate::document::{Block, Document};
use crate::facts::{EntityId, EntityKind, FactBase, NameForm, NameGroup, NameTarget, OfficeId};
use crate::settings::Settings;
use crate::span::Span;

/// Something an article says about an entity the fact base knows.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Index into `Document::blocks`.
    pub block: usize,
    /// Range of the block's text.
    pub range: Range<usize>,
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Clone, Debug)]
pub enum MentionKind {
    /// A name and everything it may mean.
    Name(Vec<NameTarget>),
    /// A person given an office's title.
    Office(OfficeClaim),
    /// A city called a country's capital.
    Capital(CapitalClaim),
}

/// "NATO Secretary General Jens Stoltenberg", "Jens Stoltenberg, NATO's secretary general,",
/// or "the Secretary General" once the holder has been named.
#[derive(Clone, Debug)]
pub struct OfficeClaim {
    pub person: EntityId,
    /// The offices the title can mean here (usually one).
    pub offices: Vec<OfficeId>,
    pub person_span: Span,
    pub title_span: Span,
    /// Source offset where "former " would go.
    pub former_at: usize,
    /// False for "the Secretary General" standing for a person named earlier.
    pub explicit: bool,
    pub time: TimeContext,
    /// The alias row of the written jurisdiction, if its name is valid only for a period.
    pub jurisdiction_alias: Option<usize>,
}

/// "the Romanian capital Bucharest", "Chișinău, the capital of Moldova".
#[derive(Clone, Debug)]
pub struct CapitalClaim {
    /// The countries the written name can mean (usually one).
    pub countries: Vec<EntityId>,
    /// The country was named by a form that often means something else ("Georgian").
    pub ambiguous: bool,
    pub country_alias: Option<usize>,
    pub city: String,
    pub city_span: Span,
    pub time: TimeContext,
}

impl Mention {
    pub fn targets(&self) -> &[NameTarget] {
        match &self.kind {
            MentionKind::Name(targets) => targets,
            _ => &[],
        }
    }

    pub fn as_office(&self) -> Option<&OfficeClaim> {
        match &self.kind {
            MentionKind::Office(claim) => Some(claim),
            _ => None,
        }
    }

    pub fn as_capital(&self) -> Option<&CapitalClaim> {
        match &self.kind {
            MentionKind::Capital(claim) => Some(claim),
            _ => None,
        }
    }
}

/// The time a sentence speaks of, as far as its words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeContext {
    /// Nothing moves it away from the article's date.
    Unqualified,
    /// "now", "currently", "today".
    Now,
    /// One explicit year.
    Year(i32),
    /// Another time: "then", "at the time", several years, a change over time.
    Other,
}

impl TimeContext {
    /// Read the sentence; `change_words` adds the words that mark a change in a count
    /// ("joined", "will", "bringing the total to").
    pub fn of(sentence: &str, change_words: bool) -> TimeContext {
        const OTHER: &[&str] = &[
            "then",
            "formerly",
            "previously",
            "ago",
            "once",
            "originally",
            "former",
            "ex",
            "late",
        ];
        const CHANGE: &[&str] = &[
            "will",
            "would",
            "until",
            "before",
            "after",
            "when",
            "since",
            "joined",
            "joins",
            "joining",
            "founding",
            "founded",
            "became",
            "become",
            "becomes",
            "grew",
            "grow",
            "expanded",
            "enlarged",
            "enlargement",
            "bringing",
            "brought",
            "rose",
            "increased",
            "next",
            "soon",
            "later",
            "earlier",
            "newest",
        ];
        const OTHER_PHRASES: &[&[&str]] = &[
            &["at", "the", "time"],
            &["at", "that", "time"],
            &["in", "the", "past"],
        ];
        const CHANGE_PHRASES: &[&[&str]] =
            &[&["used", "to"], &["last", "year"], &["new", "member"]];
        // The lists are lower-case ASCII, so words are compared ignoring ASCII case rather
        // than lowered into copies (this runs for every sentence with a count or a title).
        let words: SmallVec<[&str; 48]> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has_phrase = |phrases: &[&[&str]]| {
            phrases.iter().any(|phrase| {
                words.windows(phrase.len()).any(|window| {
                    window
                        .iter()
                        .zip(phrase.iter())
                        .all(|(w, p)| w.eq_ignore_ascii_case(p))
                })
            })
        };
        let has_word = |list: &[&str]| {
            words
                .iter()
                .any(|w| list.iter().any(|p| w.eq_ignore_ascii_case(p)))
        };
        if has_word(OTHER)
            || has_phrase(OTHER_PHRASES)
            || (change_words && (has_word(CHANGE) || has_phrase(CHANGE_PHRASES)))
        {
            return TimeContext::Other;
        }
        let mut years = words.iter().filter_map(|w| {
            let year: i32 = w.parse().ok().filter(|_| w.len() == 4)?;
            (1800..2100).contains(&year).then_some(year)
        });
        if let Some(year) = years.next() {
            return if years.all(|other| other == year) {
                TimeContext::Year(year)
            } else {
                TimeContext::Other
            };
        }
        if has_word(&["now", "currently", "today"]) {
            TimeContext::Now
        } else {
            TimeContext::Unqualified
        }
    }

    /// Whether the claim speaks of `date`, so that the date may judge it.
    pub fn speaks_of(self, date: NaiveDate) -> bool {
        match self {
            TimeContext::Unqualified | TimeContext::Now => true,
            TimeContext::Year(year) => date.year() == year,
            TimeContext::Other => false,
        }
    }
}

pub fn extract(doc: &Document, settings: &Settings) -> Vec<Mention> {
    let facts = &settings.facts;
    if facts.is_empty() {
        return Vec::new();
    }
    let mut context = Context::default();
    let mut out = Vec::new();
    // Reused from block to block: most blocks name nothing and need no allocation.
    let mut titles = Vec::new();
    let mut hits = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        titles.clear();
        titles.extend(facts.names().find_titles(block.text()));
        name_hits(facts, block, &mut context, !titles.is_empty(), &mut hits);
        if hits.is_empty() {
            continue;
        }
        let start = out.len();
        office::extract(facts, block, index, &hits, &titles, &mut context, &mut out);
        place::extract(facts, block, index, &hits, &mut out);
        if let Some(person) = hits
            .iter()
            .rev()
            .filter_map(|hit| hit.person(facts))
            .find(|person| context.introduced.contains(person))
        {
            context.last_person = Some((person, index));
        }
        for hit in hits.drain(..) {
            out.push(Mention {
                block: index,
                span: block.span_of(hit.range.clone()),
                range: hit.range,
                kind: MentionKind::Name(hit.targets),
            });
        }
        out[start..].sort_by_key(|mention| (mention.range.start, mention.range.end));
    }
    out
}

/// What the article has named so far.
#[derive(Default)]
struct Context {
    /// Entities named by a form that needs no context.
    named: HashSet<EntityId>,
    /// People named by a full (several-word) name.
    introduced: HashSet<EntityId>,
    /// The person most recently named, and in which block.
    last_person: Option<(EntityId, usize)>,
}

/// A name found in one block, with the meanings that hold in context.
#[derive(Clone, Debug)]
struct Hit {
    range: Range<usize>,
    targets: Vec<NameTarget>,
}

impl Hit {
    /// Countries and organisations the name may mean, and whether the form is ambiguous.
    fn jurisdictions(&self, adjective_allowed: bool) -> Vec<(EntityId, bool, Option<usize>)> {
        self.targets
            .iter()
            .filter_map(|target| match *target {
                NameTarget::Entity {
                    entity,
                    form,
                    alias,
                    ambiguous,
                } if form == NameForm::Name
                    || (adjective_allowed && form == NameForm::Adjective) =>
                {
                    Some((entity, ambiguous, alias))
                }
                _ => None,
            })
            .collect()
    }

    /// The single person the name means, if it means one.
    fn person(&self, facts: &FactBase) -> Option<EntityId> {
        let mut people = self.targets.iter().filter_map(|target| match *target {
            NameTarget::Entity { entity, .. }
                if facts.entity(entity).kind == EntityKind::Person =>
            {
                Some(entity)
            }
            _ => None,
        });
        let person = people.next()?;
        people.all(|other| other == person).then_some(person)
    }

    fn capitals(&self) -> impl Iterator<Item = usize> + '_ {
        self.targets.iter().filter_map(|target| match *target {
            NameTarget::City { capital } => Some(capital),
            _ => None,
        })
    }
}

/// Names in the block, with contextual aliases ("the Alliance") kept only once their entity
/// has been named, and surnames alone ("May") kept as people only once the full name came.
/// They replace what `hits` held.
fn name_hits(
    facts: &FactBase,
    block: &Block,
    context: &mut Context,
    titled: bool,
    hits: &mut Vec<Hit>,
) {
    hits.clear();
    let capital = place::may_claim(block.text());
    let groups = [
        Some(NameGroup::Core),
        (titled || capital).then_some(NameGroup::Countries),
        capital.then_some(NameGroup::Cities),
    ];
    for group in groups.into_iter().flatten() {
        for found in facts.names().find(group, block.text()) {
            let range = found.start..found.end;
            let targets = facts.names().targets(group, found.pattern);
            match hits.iter_mut().rev().find(|hit| hit.range == range) {
                Some(hit) => hit.targets.extend_from_slice(targets),
                None => hits.push(Hit {
                    range,
                    targets: targets.to_vec(),
                }),
            }
        }
    }
    hits.sort_by_key(|hit| (hit.range.start, hit.range.end));
    hits.retain_mut(|hit| {
        hit.targets.retain(|target| match *target {
            NameTarget::Entity {
                entity,
                alias: Some(alias),
                ..
            } if facts.aliases[alias].contextual => context.named.contains(&entity),
            _ => true,
        });
        let several_words = block.text()[hit.range.clone()].contains(' ');
        for target in &hit.targets {
            if let NameTarget::Entity { entity, alias, .. } = *target {
                if !alias.is_some_and(|a| facts.aliases[a].contextual) {
                    context.named.insert(entity);
                }
                if several_words && facts.entity(entity).kind == EntityKind::Person {
                    context.introduced.insert(entity);
                }
            }
        }
        !hit.targets.is_empty()
    });
}

/// The hit that ends exactly at `end`, if any (hits are sorted by start; only the few
/// starting just before `end` can end there).
fn hit_ending_at(hits: &[Hit], end: usize) -> Option<&Hit> {
    let before = hits.partition_point(|hit| hit.range.start < end);
    hits[..before]
        .iter()
        .rev()
        .take(8)
        .find(|hit| hit.range.end == end)
}

/// The hit that starts exactly at `start`, if any.
fn hit_starting_at(hits: &[Hit], start: usize) -> Option<&Hit> {
    let at = hits.partition_point(|hit| hit.range.start < start);
    hits.get(at).filter(|hit| hit.range.start == start)
}

/// What precedes `at` in the text: nothing, punctuation, or a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before<'t> {
    Start,
    Punctuation,
    /// A word directly joined by a hyphen ("ex-President").
    Hyphenated(&'t str),
    Word(&'t str),
}

fn before(text: &str, at: usize) -> Before<'_> {
    let head = &text[..at];
    if let Some(stem) = head.strip_suffix('-') {
        let start = word_start(stem);
        return Before::Hyphenated(&stem[start..]);
    }
    let trimmed = head.trim_end();
    match trimmed.chars().next_back() {
        None => Before::Start,
        Some(c) if c.is_alphanumeric() => Before::Word(&trimmed[word_start(trimmed)..]),
        Some(_) => Before::Punctuation,
    }
}

/// Start of the word (letters, digits, apostrophes, hyphens) ending at the end of `text`.
fn word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        .last()
        .map_or(text.len(), |(at, _)| at)
}

/// The word starting at `at` (after spaces), as a range.
fn word_after(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start().len());
    let len: usize = text[start..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.'))
        .map(char::len_utf8)
        .sum();
    let word = &text[start..start + len];
    let word = word.trim_end_matches('.');
    (!word.is_empty()).then(|| start..start + word.len())
}

/// Just past a possessive "'s" / "’s" at `at`, if there is one.
fn possessive_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    ["'s", "’s"]
        .iter()
        .find(|mark| rest.starts_with(*mark))
        .map(|mark| at + mark.len())
        .filter(|&end| {
            !text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
}

/// Where a single space before `at` starts, if `at` follows exactly one space.
fn after_space(text: &str, at: usize) -> Option<usize> {
    text[..at].strip_suffix(' ').map(str::len)
}

/// Weekday and month names, which follow names in news copy ("Kuleba Tuesday").
fn is_calendar_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ];
    WORDS.contains(&word)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::TimeContext;

    #[track_caller]
    fn assert_time(sentence: &str, change_words: bool, expected: TimeContext) {
        assert_eq!(
            TimeContext::of(sentence, change_words),
            expected,
            "{sentence:?}"
        );
    }

    #[test]
    fn sentences_say_which_time_they_speak_of() {
        assert_time("The 30 allies met.", true, TimeContext::Unqualified);
        assert_time("NATO now has 32 members.", true, TimeContext::Now);
        assert_time("In 2008 the 26 allies met.", true, TimeContext::Year(2008));
        assert_time("From 2008 to 2009 they grew.", false, TimeContext::Other);
        assert_time(
            "At the time the alliance had 26 members.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "Albania joined, bringing the total to 28.",
            true,
            TimeContext::Other,
        );
        assert_time(
            "Albania joined, bringing the total to 28.",
            false,
            TimeContext::Unqualified,
        );
    }
}
