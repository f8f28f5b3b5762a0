//! Age claims about people the fact base knows: "Angela Merkel, 67,", "Merkel (67)",
//! "Merkel, aged 67", "the 67-year-old Merkel", "the 67-year-old chancellor Angela Merkel".
//!
//! Only an age written right next to the name counts; "Merkel, who turns 68 next month" or
//! an age in another clause claims nothing.

use std::sync::LazyLock;

use regex::Regex;

use super::mention::{Mention, TimeContext};
use crate::document::Document;
use crate::facts::{EntityId, EntityKind, FactBase, NameTarget};
use crate::line_index::floor_char_boundary;
use crate::settings::Settings;
use crate::span::Span;

#[derive(Clone, Debug)]
pub struct AgeClaim {
    /// Index into `Document::blocks`.
    pub block: usize,
    pub person: EntityId,
    pub age: u32,
    /// The age as written ("67" of "the 67-year-old").
    pub age_span: Span,
    /// The person's name as written.
    pub name_span: Span,
    pub time: TimeContext,
}

/// After a name: ", 67," / ", 67." / " (67)" / ", aged 67" / ", age 67".
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,\s*(?:aged?\s+)?(\d{1,3})(?:\s*[,;.)]|\s*$)|\s*\((?:aged?\s+)?(\d{1,3})\))")
        .expect("valid regex")
});

/// Before a name: "the 67-year-old ", "67-year-old Chancellor ", "the 67-year-old German
/// chancellor " (the words between are checked by [`title_words`]).
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}'’.-]+\s+){0,3})$")
        .expect("valid regex")
});

/// Lower-case words that may stand between "the 67-year-old" and a name: a title, not
/// another person ("a 67-year-old man who met Merkel").
const TITLE_WORDS: &[&str] = &[
    "chancellor",
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "general",
    "secretary-general",
    "leader",
    "premier",
    "former",
    "outgoing",
    "incumbent",
    "veteran",
    "head",
    "chief",
    "nato",
    "un",
];

fn title_words(words: &str) -> bool {
    words.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase)
            || TITLE_WORDS.contains(&word.to_lowercase().as_str())
    })
}

/// Ages a person may plausibly be given in the news.
const AGES: std::ops::RangeInclusive<u32> = 10..=120;

pub fn extract(doc: &Document, settings: &Settings, mentions: &[Mention]) -> Vec<AgeClaim> {
    let facts = &settings.facts;
    let mut out = Vec::new();
    for mention in mentions {
        let Some(person) = single_person(facts, mention.targets()) else {
            continue;
        };
        if facts.entity(person).born.is_none() {
            continue;
        }
        let block = &doc.blocks[mention.block];
        let text = block.text();
        let after = &text[mention.range.end..];
        // "the 67-year-old former German chancellor " is short: a long block is not searched
        // from its start for every name.
        let before = &text[floor_char_boundary(text, mention.range.start.saturating_sub(80))
            ..mention.range.start];
        let before_start = mention.range.start - before.len();
        let found = AFTER
            .captures(after)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .map(|m| mention.range.end + m.start()..mention.range.end + m.end())
            .or_else(|| {
                let c = BEFORE.captures(before)?;
                let m = c.get(1)?;
                title_words(c.get(2)?.as_str())
                    .then(|| before_start + m.start()..before_start + m.end())
            });
        let Some(range) = found else {
            continue;
        };
        let Ok(age) = text[range.clone()].parse::<u32>() else {
            continue;
        };
        if !AGES.contains(&age) {
            continue;
        }
        // "The former chancellor Merkel, 67," speaks of now: "former" dates the title, not
        // the age.
        let sentence = text[block.sentence_at(mention.range.start)]
            .replace("former", "")
            .replace("Former", "");
        out.push(AgeClaim {
            block: mention.block,
            person,
            age,
            age_span: block.span_of(range),
            name_span: mention.span,
            time: TimeContext::of(&sentence, false),
        });
    }
    titled_ages(doc, facts, mentions, &mut out);
    out
}

/// "the 67-year-old chancellor" with no name after it: the age of the person named just
/// before (in the same paragraph or the one before, no other person between), if that
/// person held an office of that title.
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bthe\s+(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}.-]+\s+){0,2}?)(chancellor|president|premier|minister|secretary[- ]general|prime\s+minister)\b")
        .expect("valid regex")
});

fn titled_ages(doc: &Document, facts: &FactBase, mentions: &[Mention], out: &mut Vec<AgeClaim>) {
    for (index, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        if !text.contains("year") {
            continue;
        }
        for found in TITLED.captures_iter(text) {
            let (Some(all), Some(number), Some(between), Some(title)) =
                (found.get(0), found.get(1), found.get(2), found.get(3))
            else {
                continue;
            };
            // A name right after the title is read with the name ("the 67-year-old
            // chancellor Angela Merkel").
            let next = text[all.end()..].trim_start_matches(' ');
            if next.chars().next().is_some_and(char::is_uppercase) || !title_words(between.as_str())
            {
                continue;
            }
            // The person named last before the age, in this paragraph or the one before.
            let before = mentions.iter().rev().find(|m| {
                !m.targets().is_empty()
                    && ((m.block == index && m.range.end <= all.start())
                        || (m.block + 1 == index && index > 0))
            });
            let Some(mention) = before else {
                continue;
            };
            let Some(person) = single_person(facts, mention.targets()) else {
                continue;
            };
            if facts.entity(person).born.is_none() || !held_title(facts, person, title.as_str()) {
                continue;
            }
            let Ok(age) = number.as_str().parse::<u32>() else {
                continue;
            };
            if !AGES.contains(&age) {
                continue;
            }
            let sentence = text[block.sentence_at(all.start())]
                .replace("former", "")
                .replace("Former", "");
            out.push(AgeClaim {
                block: index,
                person,
                age,
                age_span: block.span_of(number.range()),
                name_span: mention.span,
                time: TimeContext::of(&sentence, false),
            });
        }
    }
}

/// Whether `person` held an office whose title ends with `title` ("chancellor" for
/// "Chancellor", "Federal Chancellor").
fn held_title(facts: &FactBase, person: EntityId, title: &str) -> bool {
    let title = title.to_lowercase().replace(['-', '\n'], " ");
    facts.terms_of_holder(person).any(|term| {
        let office = facts.office(term.office);
        std::iter::once(&office.title)
            .chain(&office.titles)
            .any(|t| t.to_lowercase().replace('-', " ").ends_with(&title))
    })
}

/// The one person a name means, if it means one.
fn single_person(facts: &FactBase, targets: &[NameTarget]) -> Option<EntityId> {
    let mut people = targets.iter().filter_map(|target| match *target {
        NameTarget::Entity { entity, .. } if facts.entity(entity).kind == EntityKind::Person => {
            Some(entity)
        }
        _ => None,
    });
    let person = people.next()?;
    people.all(|other| other == person).then_some(person)
}
