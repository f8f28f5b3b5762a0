//! Mentions of entities known to the fact base, found with its name index (leftmost-longest,
//! whole words), and what they assert: a person holding an office
//! ("NATO Secretary General Jens Stoltenberg") or a city being a capital ("the Romanian capital
//! Bucharest").

mod act_of_office;
mod office;
mod place;
mod service;
mod tenure;
mod time;

pub use time::{nearest_day, ParagraphTimes, Period, TimeContext, NEAREST_DAYS};

use std::collections::HashSet;
use std::ops::Range;

use super::ExtractContext;
use crate::claims::date::DateClaim;
use crate::document::{Block, Document};
use crate::facts::{
    EntityId, EntityKind, FactBase, NameForm, NameGroup, NameMatch, NameTarget, OfficeId,
};
/// Weekday and month names follow names in news copy ("Kuleba Tuesday").
use crate::lexicon::is_calendar_word;
use crate::span::Span;
use crate::text::is_letter_or_digit;

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

/// What a mention names.
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

/// An office's title found in a block's text ("Chancellor", "Secretary General"), kept for the
/// rules that look at the words after it, so the text is searched for titles once.
#[derive(Clone, Copy, Debug)]
pub struct Title {
    /// Index into `Document::blocks`.
    pub block: usize,
    pub found: NameMatch,
}

/// Every mention in the article, and every title in its own words (not in block quotations),
/// in reading order; `dates` are the article's dates (they date sentences).
pub fn extract(
    doc: &Document,
    cx: &ExtractContext,
    dates: &[DateClaim],
) -> (Vec<Mention>, Vec<Title>) {
    let facts = cx.facts;
    let mut out = Vec::new();
    let mut all_titles = Vec::new();
    if facts.is_empty() {
        return (out, all_titles);
    }
    let lists: &crate::style::words::Words = &cx.style.words;
    let mut context = Context::default();
    // Reused from block to block: most blocks name nothing and need no allocation.
    let mut titles = Vec::new();
    let mut names = Vec::new();
    let mut hits = Vec::new();
    for (index, block) in doc.blocks.iter().enumerate() {
        // A block quotation is someone else's words: its claims are not the article's.
        if block.quote_depth > 0 {
            continue;
        }
        titles.clear();
        names.clear();
        facts
            .names()
            .find_titles_and_names(block.text(), &mut titles, &mut names);
        all_titles.extend(titles.iter().map(|&found| Title {
            block: index,
            found,
        }));
        let titled = !titles.is_empty();
        name_hits(facts, block, &mut context, (titled, &names), &mut hits);
        if hits.is_empty() {
            continue;
        }
        let start = out.len();
        let times = ParagraphTimes::new(dates_of_block(dates, index));
        let quoted = Quoted::of(block.text());
        office::extract(
            (facts, lists),
            block,
            index,
            &hits,
            &titles,
            &mut context,
            (&times, &quoted),
            &mut out,
        );
        place::extract(facts, block, index, &hits, (&times, &quoted), &mut out);
        let people: Vec<EntityId> = hits
            .iter()
            .filter_map(|hit| hit.person(facts))
            .filter(|person| context.introduced.contains(person))
            .collect();
        if !people.is_empty() {
            context.last_people = Some((people, index));
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
    (out, all_titles)
}

/// What the article has named so far.
#[derive(Default)]
struct Context {
    /// Entities named by a form that needs no context.
    named: HashSet<EntityId>,
    /// People named by a full (several-word) name.
    introduced: HashSet<EntityId>,
    /// The people named by full name in the latest block that named any, in order, and
    /// which block that was.
    last_people: Option<(Vec<EntityId>, usize)>,
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
/// `core_names` are the core group's names in the block, found with its titles (`titled`
/// when it has any). They replace what `hits` held.
fn name_hits(
    facts: &FactBase,
    block: &Block,
    context: &mut Context,
    (titled, core_names): (bool, &[NameMatch]),
    hits: &mut Vec<Hit>,
) {
    hits.clear();
    let capital = place::may_claim(block.text());
    let mut add = |group: NameGroup, found: NameMatch| {
        let range = found.start..found.end;
        let targets = facts.names().targets(group, found.pattern);
        match hits.iter_mut().rev().find(|hit| hit.range == range) {
            Some(hit) => hit.targets.extend_from_slice(targets),
            None => hits.push(Hit {
                range,
                targets: targets.to_vec(),
            }),
        }
    };
    for &found in core_names {
        add(NameGroup::Core, found);
    }
    let groups = [
        (titled || capital).then_some(NameGroup::Countries),
        capital.then_some(NameGroup::Cities),
    ];
    for group in groups.into_iter().flatten() {
        for found in facts.names().find(group, block.text()) {
            add(group, found);
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
        Some(c) if is_letter_or_digit(c) => Before::Word(&trimmed[word_start(trimmed)..]),
        Some(_) => Before::Punctuation,
    }
}

/// Start of the word (letters, digits, apostrophes, hyphens) ending at the end of `text`.
fn word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|(_, c)| is_letter_or_digit(*c) || matches!(c, '\'' | '’' | '-'))
        .last()
        .map_or(text.len(), |(at, _)| at)
}

/// The word starting at `at` (after spaces), as a range.
fn word_after(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start().len());
    let len: usize = text[start..]
        .chars()
        .take_while(|c| is_letter_or_digit(*c) || matches!(c, '\'' | '’' | '-' | '.'))
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
        .filter(|&end| !text[end..].chars().next().is_some_and(is_letter_or_digit))
}

/// Where a single space before `at` starts, if `at` follows exactly one space.
fn after_space(text: &str, at: usize) -> Option<usize> {
    text[..at].strip_suffix(' ').map(str::len)
}

fn starts_uppercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The dates of one block (the article's dates are in block order).
pub fn dates_of_block(dates: &[DateClaim], block: usize) -> &[DateClaim] {
    let start = dates.partition_point(|date| date.block < block);
    let end = dates.partition_point(|date| date.block <= block);
    &dates[start..end]
}

/// The stretches of a block's text inside quotation marks: quoted speech is the speaker's
/// claim, not the article's, and no fact rule judges it. Found in one pass, so asking about
/// every claim of a long paragraph stays linear.
#[derive(Debug, Default)]
pub(crate) struct Quoted(Vec<Range<usize>>);

impl Quoted {
    pub(crate) fn of(text: &str) -> Quoted {
        let mut ranges = Vec::new();
        if memchr::memchr2(b'"', 0xE2, text.as_bytes()).is_none() {
            return Quoted(ranges);
        }
        let mut curly_depth = 0usize;
        let mut curly_start = 0;
        let mut straight: Option<usize> = None;
        for (at, c) in text.char_indices() {
            match c {
                '“' => {
                    if curly_depth == 0 {
                        curly_start = at;
                    }
                    curly_depth += 1;
                }
                '”' if curly_depth > 0 => {
                    curly_depth -= 1;
                    if curly_depth == 0 {
                        ranges.push(curly_start..at + c.len_utf8());
                    }
                }
                '"' => match straight.take() {
                    Some(start) => ranges.push(start..at + 1),
                    None => straight = Some(at),
                },
                _ => {}
            }
        }
        // An unclosed quotation runs to the end of the block.
        if curly_depth > 0 {
            ranges.push(curly_start..text.len());
        }
        if let Some(start) = straight {
            ranges.push(start..text.len());
        }
        ranges.sort_by_key(|r| r.start);
        Quoted(ranges)
    }

    /// Whether `at` lies inside a quotation.
    pub(crate) fn contains(&self, at: usize) -> bool {
        let after = self.0.partition_point(|r| r.start <= at);
        // Quotations do not nest but may overlap where straight and curly marks mix: the
        // last few that start before `at` are enough.
        self.0[..after].iter().rev().take(4).any(|r| at < r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn quotations_are_found_in_one_pass() {
        let text = "He said “the 31 allies agree” and \"NATO has 31 members\" but not this.";
        let quoted = Quoted::of(text);
        assert!(quoted.contains(text.find("31 allies").unwrap()));
        assert!(quoted.contains(text.find("has 31").unwrap()));
        assert!(!quoted.contains(text.find("He said").unwrap()));
        assert!(!quoted.contains(text.find("but not").unwrap()));
        let unclosed = "He said “the 31 allies agree.";
        assert!(Quoted::of(unclosed).contains(unclosed.find("31").unwrap()));
        assert!(!Quoted::of("No quotes, 31 allies.").contains(11));
    }
}
