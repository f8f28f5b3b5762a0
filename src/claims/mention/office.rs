//! Office claims: a title next to a person's name. Precision first: a title qualified by
//! anything the fact base does not know ("Senate President", "party president"), or moved in
//! time ("former", "then-"), claims nothing.

use std::ops::Range;

use super::ParagraphTimes;
use super::{
    after_space, before, hit_ending_at, hit_starting_at, is_calendar_word, possessive_end,
    starts_uppercase, word_after, Before, Context, Hit, Mention, MentionKind, OfficeClaim, Quoted,
    TimeContext,
};
use crate::document::Block;
use crate::facts::{EntityId, EntityKind, FactBase, NameMatch, OfficeId};
use crate::style::word_lists::List;
use crate::style::words::Words;

/// Words after which a title without a written country or organisation is a plain title.
const PLAIN_BEFORE: &[&str] = &[
    "the",
    "said",
    "says",
    "and",
    "by",
    "with",
    "told",
    "met",
    "meets",
    "from",
    "to",
    "for",
    "that",
    "when",
    "as",
    "while",
    "after",
    "before",
    "but",
    "on",
    "at",
    "of",
    "in",
    "where",
    "according",
];

/// The country or organisation written with a title, and the phrase's extent.
struct Jurisdiction {
    entities: Vec<EntityId>,
    alias: Option<usize>,
    /// Start of the whole phrase (the jurisdiction's name, or the title).
    phrase_start: usize,
    /// Where "former " goes: after a possessive ("Romania's former President"), else at the
    /// phrase's start.
    former_at: usize,
}

/// Office claims of one block (the block, its hits and titles, what came before, its dates).
#[allow(clippy::too_many_arguments)]
pub(super) fn extract(
    (facts, lists): (&FactBase, &Words),
    block: &Block,
    index: usize,
    hits: &[Hit],
    titles: &[NameMatch],
    context: &mut Context,
    (times, quoted): (&ParagraphTimes, &Quoted),
    out: &mut Vec<Mention>,
) {
    let text = block.text();
    // Found once a claim needs them: most titles name no one.
    let people = std::cell::OnceCell::new();
    let mut named_people = Vec::new();
    for title in titles {
        if quoted.contains(title.start) {
            continue;
        }
        let offices = facts.names().offices(title.pattern);
        let before_title = jurisdiction_before(facts, text, hits, title.start);
        let (after_title, title_end) = jurisdiction_after(facts, text, hits, title.end);
        let jurisdiction = before_title.or(after_title);
        let phrase_start = jurisdiction
            .as_ref()
            .map_or(title.start, |j| j.phrase_start.min(title.start));
        if !plain_title(text, phrase_start, jurisdiction.is_some(), lists) {
            continue;
        }
        let person_hit = after_space_or_none(text, title_end)
            .and_then(|_| hit_starting_at(hits, title_end + 1))
            .filter(|hit| stands_alone(text, hit))
            .or_else(|| {
                // "the Spanish prime minister, Mariano Rajoy, said": the title first, set off
                // by commas, with a written jurisdiction or "the" before it.
                let the = matches!(before(text, phrase_start), Before::Word(w) if w.eq_ignore_ascii_case("the"));
                if !(jurisdiction.is_some() || the) || !text[title_end..].starts_with(", ") {
                    return None;
                }
                hit_starting_at(hits, title_end + 2).filter(|hit| closes_appositive(text, hit.range.end))
            });
        let (person, explicit, person_range) = match person_hit {
            Some(hit) => match hit.person(facts) {
                Some(person) => (person, true, hit.range.clone()),
                None => continue,
            },
            None => match anaphor(
                facts,
                block,
                hits,
                offices,
                (phrase_start, title_end),
                index,
                context,
            ) {
                Some(person) => (person, false, title.start..title.end),
                None => continue,
            },
        };
        let mut candidates = candidate_offices(facts, offices, jurisdiction.as_ref(), person);
        if !explicit {
            // An anaphor only stands for someone who held the office at some time.
            candidates.retain(|office| held_by(facts, &[*office], person).len() == 1);
        }
        if candidates.is_empty() {
            continue;
        }
        if explicit {
            named_people.push(person);
        }
        let end = person_range.end.max(title_end);
        let sentence = block.sentence_at(title.start);
        let others = others_than(people.get_or_init(|| people_of(facts, hits)), person);
        let time =
            TimeContext::read_beside(text, sentence, phrase_start..end, times, false, &others);
        let former_at = jurisdiction.as_ref().map_or(title.start, |j| j.former_at);
        out.push(Mention {
            block: index,
            range: phrase_start..end,
            span: block.span_of(phrase_start..end),
            kind: MentionKind::Office(OfficeClaim {
                person,
                offices: candidates,
                person_span: block.span_of(person_range),
                title_span: block.span_of(title.start..title.end),
                former_at: block.span_of(former_at..former_at).start,
                explicit,
                time,
                jurisdiction_alias: jurisdiction.and_then(|j| j.alias),
            }),
        });
    }
    appositives(facts, block, index, hits, titles, (times, quoted), out);
}

/// "Jens Stoltenberg, NATO's secretary general," / "Kuleba, the Ukrainian foreign minister."
fn appositives(
    facts: &FactBase,
    block: &Block,
    index: usize,
    hits: &[Hit],
    titles: &[NameMatch],
    (times, quoted): (&ParagraphTimes, &Quoted),
    out: &mut Vec<Mention>,
) {
    let text = block.text();
    let people = std::cell::OnceCell::new();
    for hit in hits {
        let Some(person) = hit.person(facts) else {
            continue;
        };
        if quoted.contains(hit.range.start) {
            continue;
        }
        let Some(mut at) = text[hit.range.end..]
            .starts_with(", ")
            .then_some(hit.range.end + 2)
        else {
            continue;
        };
        if text[at..].starts_with("the ") {
            at += 4;
        }
        let mut former_at = at;
        let mut jurisdiction = None;
        if let Some(end) = generic_country_end(text, at) {
            // "Rajoy, the country's prime minister,": the country is the person's.
            jurisdiction = Some(Vec::new());
            at = end;
            former_at = at;
        } else if let Some(name) = hit_starting_at(hits, at) {
            let mut end = name.range.end;
            let possessive = possessive_end(text, end);
            if let Some(after) = possessive {
                end = after;
            }
            let entities = jurisdictions(facts, name, possessive.is_none());
            if !entities.is_empty() && text[end..].starts_with(' ') {
                jurisdiction = Some(entities);
                at = end + 1;
                if possessive.is_some() {
                    former_at = at;
                }
            }
        }
        let Some(title) = titles.iter().find(|t| t.start == at) else {
            continue;
        };
        let (after_title, title_end) = jurisdiction_after(facts, text, hits, title.end);
        let entities = jurisdiction.or(after_title.map(|j| j.entities));
        let closes = text[title_end..].is_empty()
            || text[title_end..].starts_with([',', '.', ';', ')', ':'])
            || [" said", " says", " who", " and"]
                .iter()
                .any(|w| text[title_end..].starts_with(w));
        if !closes {
            continue;
        }
        let offices = facts.names().offices(title.pattern);
        let candidates = match &entities {
            Some(entities) if entities.is_empty() => {
                national_offices(facts, held_by(facts, offices, person))
            }
            Some(entities) => offices
                .iter()
                .copied()
                .filter(|&o| entities.contains(&facts.office(o).of))
                .collect(),
            None => held_by(facts, offices, person),
        };
        if candidates.is_empty() {
            continue;
        }
        let sentence = block.sentence_at(hit.range.start);
        let others = others_than(people.get_or_init(|| people_of(facts, hits)), person);
        out.push(Mention {
            block: index,
            range: hit.range.start..title_end,
            span: block.span_of(hit.range.start..title_end),
            kind: MentionKind::Office(OfficeClaim {
                person,
                offices: candidates,
                person_span: block.span_of(hit.range.clone()),
                title_span: block.span_of(title.start..title.end),
                former_at: block.span_of(former_at..former_at).start,
                explicit: true,
                time: TimeContext::read_beside(
                    text,
                    sentence,
                    hit.range.start..title_end,
                    times,
                    false,
                    &others,
                ),
                jurisdiction_alias: None,
            }),
        });
    }
}

/// The block's names of people, with the one person each means.
fn people_of(facts: &FactBase, hits: &[Hit]) -> Vec<(Range<usize>, EntityId)> {
    hits.iter()
        .filter_map(|hit| Some((hit.range.clone(), hit.person(facts)?)))
        .collect()
}

/// The names of people other than `person`, where a "former" may belong instead.
fn others_than(people: &[(Range<usize>, EntityId)], person: EntityId) -> Vec<Range<usize>> {
    people
        .iter()
        .filter(|(_, other)| *other != person)
        .map(|(range, _)| range.clone())
        .collect()
}

/// Countries and organisations a name may mean, with the alias it used.
fn jurisdictions(facts: &FactBase, hit: &Hit, adjective_allowed: bool) -> Vec<EntityId> {
    hit.jurisdictions(adjective_allowed)
        .into_iter()
        .map(|(entity, _, _)| entity)
        .filter(|&entity| {
            matches!(
                facts.entity(entity).kind,
                EntityKind::Country | EntityKind::Organisation
            )
        })
        .collect()
}

/// "NATO Secretary General", "Romania's President", "Ukrainian Foreign Minister".
fn jurisdiction_before(
    facts: &FactBase,
    text: &str,
    hits: &[Hit],
    title_start: usize,
) -> Option<Jurisdiction> {
    let end = after_space(text, title_start)?;
    let (name_end, possessive) = match ["'s", "’s"]
        .iter()
        .find_map(|mark| text[..end].strip_suffix(mark))
    {
        Some(stem) => (stem.len(), true),
        None => (end, false),
    };
    if possessive {
        let word_at = super::word_start(&text[..name_end]);
        let word = &text[word_at..name_end];
        let the = text[..word_at]
            .strip_suffix(' ')
            .is_some_and(|head| head.ends_with("the") || head.ends_with("The"));
        if the && (word == "country" || word == "nation") {
            return Some(Jurisdiction {
                entities: Vec::new(),
                alias: None,
                phrase_start: word_at,
                former_at: title_start,
            });
        }
    }
    let hit = hit_ending_at(hits, name_end)?;
    let entities = jurisdictions(facts, hit, !possessive);
    if entities.is_empty() {
        return None;
    }
    let alias = hit
        .jurisdictions(true)
        .iter()
        .find_map(|(_, _, alias)| *alias);
    Some(Jurisdiction {
        entities,
        alias,
        phrase_start: hit.range.start,
        former_at: if possessive {
            title_start
        } else {
            hit.range.start
        },
    })
}

/// "President of Romania": the jurisdiction after the title, and where the phrase ends.
fn jurisdiction_after(
    facts: &FactBase,
    text: &str,
    hits: &[Hit],
    title_end: usize,
) -> (Option<Jurisdiction>, usize) {
    let Some(mut at) = text[title_end..]
        .starts_with(" of ")
        .then_some(title_end + 4)
    else {
        return (None, title_end);
    };
    if text[at..].starts_with("the ") {
        at += 4;
    }
    match hit_starting_at(hits, at) {
        Some(hit) => {
            let entities = jurisdictions(facts, hit, false);
            if entities.is_empty() {
                (None, title_end)
            } else {
                let alias = hit.jurisdictions(false).iter().find_map(|(_, _, a)| *a);
                let jurisdiction = Jurisdiction {
                    entities,
                    alias,
                    phrase_start: title_end,
                    former_at: title_end,
                };
                (Some(jurisdiction), hit.range.end)
            }
        }
        None => (None, title_end),
    }
}

/// Whether the title stands plain: not moved in time ("former", "then-"), not another office
/// ("Vice President"), and, without a written jurisdiction, not qualified by anything
/// ("Senate President", "party president").
fn plain_title(text: &str, phrase_start: usize, has_jurisdiction: bool, lists: &Words) -> bool {
    match before(text, phrase_start) {
        Before::Start | Before::Punctuation => true,
        Before::Hyphenated(_) => false,
        // After a number the title is a time or a count: "at 5 PM Johnson resigned".
        Before::Word(word) if word.starts_with(|c: char| c.is_ascii_digit()) => false,
        Before::Word(word) => {
            let lower = word.to_lowercase();
            if lists.list(List::TitleModifiers).contains(&lower) {
                return false;
            }
            // A capitalised title after a lower-case verb ("praised President X") stands
            // plain; a lower-case qualifier ("party President") makes it another office.
            let capitalised_after_verb = starts_uppercase(&text[phrase_start..])
                && !starts_uppercase(word)
                && !lists.list(List::TitleQualifiers).contains(&lower);
            has_jurisdiction || PLAIN_BEFORE.contains(&lower.as_str()) || capitalised_after_verb
        }
    }
}

/// `Some(())` when exactly one space follows `at` (a name can come next).
fn after_space_or_none(text: &str, at: usize) -> Option<()> {
    (text[at..].starts_with(' ') && !text[at + 1..].starts_with(' ')).then_some(())
}

/// A name ends where the person's name ends: not followed by more of a longer name
/// ("President Klaus Smith") nor, for a surname alone, by a number ("May 5").
fn stands_alone(text: &str, hit: &Hit) -> bool {
    let Some(next) = word_after(text, hit.range.end) else {
        return true;
    };
    let joined = text[hit.range.end..next.start].trim().is_empty();
    let word = &text[next.clone()];
    if !joined {
        return true;
    }
    let single_word = !text[hit.range.clone()].contains(' ');
    if single_word && word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    !starts_uppercase(word) || is_calendar_word(word)
}

/// "the Secretary General" standing for the person named just before (same or previous
/// block), when that person ever held an office with that title. Not when a person is named
/// earlier in the same clause ("Johnson criticised the Prime Minister": the title is someone
/// else; "Annan, then the Secretary-General," is still him), nor when two people named there
/// ever held one of `offices` (either may be meant).
fn anaphor(
    facts: &FactBase,
    block: &Block,
    hits: &[Hit],
    offices: &[OfficeId],
    (phrase_start, title_end): (usize, usize),
    index: usize,
    context: &Context,
) -> Option<EntityId> {
    let text = block.text();
    if !matches!(before(text, phrase_start), Before::Word(w) if w.eq_ignore_ascii_case("the")) {
        return None;
    }
    if !starts_uppercase(&text[phrase_start..]) {
        return None;
    }
    if let Some(next) = word_after(text, title_end) {
        let joined = text[title_end..next.start].trim().is_empty();
        if joined && starts_uppercase(&text[next.clone()]) {
            return None;
        }
        if joined && &text[next] == "of" {
            return None;
        }
    }
    let sentence_start = block.sentence_at(phrase_start).start;
    let before_phrase = || hits.iter().filter(|hit| hit.range.end <= phrase_start);
    let subject = before_phrase()
        .filter(|hit| hit.range.start >= sentence_start && hit.person(facts).is_some())
        .last();
    if subject.is_some_and(|hit| !text[hit.range.end..phrase_start].contains(',')) {
        return None;
    }
    let in_block: Vec<EntityId> = before_phrase()
        .filter_map(|hit| hit.person(facts))
        .filter(|p| context.introduced.contains(p))
        .collect();
    let named = if in_block.is_empty() {
        match &context.last_people {
            Some((people, at)) if at + 1 >= index => people.as_slice(),
            _ => return None,
        }
    } else {
        in_block.as_slice()
    };
    let mut holders: Vec<EntityId> = named
        .iter()
        .copied()
        .filter(|&person| !held_by(facts, offices, person).is_empty())
        .collect();
    holders.sort_unstable();
    holders.dedup();
    if holders.len() > 1 {
        return None;
    }
    named.last().copied()
}

/// The offices a title can mean for this person: those of the written jurisdiction, or,
/// with none written, those the person ever held.
fn candidate_offices(
    facts: &FactBase,
    offices: &[OfficeId],
    jurisdiction: Option<&Jurisdiction>,
    person: EntityId,
) -> Vec<OfficeId> {
    match jurisdiction {
        Some(j) if j.entities.is_empty() => {
            national_offices(facts, held_by(facts, offices, person))
        }
        Some(j) => offices
            .iter()
            .copied()
            .filter(|&office| j.entities.contains(&facts.office(office).of))
            .collect(),
        None => held_by(facts, offices, person),
    }
}

fn held_by(facts: &FactBase, offices: &[OfficeId], person: EntityId) -> Vec<OfficeId> {
    offices
        .iter()
        .copied()
        .filter(|&office| facts.terms_of_office(office).any(|t| t.holder == person))
        .collect()
}

/// The offices of countries among `offices` ("the country's president" is no
/// organisation's).
fn national_offices(facts: &FactBase, offices: Vec<OfficeId>) -> Vec<OfficeId> {
    offices
        .into_iter()
        .filter(|&office| facts.entity(facts.office(office).of).kind == EntityKind::Country)
        .collect()
}

/// Just past "country's " / "nation's " at `at`, if the text says that.
fn generic_country_end(text: &str, at: usize) -> Option<usize> {
    ["country's ", "country’s ", "nation's ", "nation’s "]
        .iter()
        .find(|word| text[at..].starts_with(*word))
        .map(|word| at + word.len())
}

/// Whether an appositive name ends at `end`: a comma, the sentence's end, or a speech verb.
fn closes_appositive(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.is_empty()
        || rest.starts_with([',', '.', ';', ')', ':'])
        || [
            " said", " says", " told", " added", " who", " has", " had", " was", " is",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
}
