//! Capital claims: "the Romanian capital Bucharest", "Moldova's capital, Chișinău",
//! "Chișinău, the capital of Moldova", "Bucharest, the Romanian capital,".

use super::{
    after_space, before, hit_ending_at, hit_starting_at, is_calendar_word, possessive_end,
    starts_uppercase, Before, CapitalClaim, Hit, Mention, MentionKind, TimeContext,
};
use crate::document::Block;
use crate::facts::{EntityId, EntityKind, FactBase, NameForm, NameTarget};
use crate::text::is_letter;

/// Words that make it another kind of capital, or another time's.
const MODIFIERS: &[&str] = &[
    "former",
    "old",
    "ancient",
    "historic",
    "historical",
    "then",
    "future",
    "new",
    "onetime",
    "erstwhile",
    "previous",
    "cultural",
    "economic",
    "commercial",
    "financial",
    "administrative",
    "spiritual",
    "religious",
    "provincial",
    "regional",
    "summer",
    "winter",
    "royal",
    "colonial",
    "facto",
    "medieval",
    "ex",
    "proposed",
    "planned",
    "temporary",
    "wartime",
];

/// Capitalised words that start no city name after "the Syrian capital".
const NOT_A_CITY: &[&str] = &[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "Of",
    "And",
    "But",
    "Or",
    "As",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "Police",
    "Government",
    "Authorities",
    "City",
    "Mayor",
    "Municipality",
    "Region",
    "Airport",
    "University",
    "Is",
    "Was",
    "For",
    "To",
    "From",
    "With",
    "By",
    "After",
    "Before",
    "During",
    "Since",
    "When",
];

/// The country a capital belongs to, as written.
struct Country {
    countries: Vec<EntityId>,
    ambiguous: bool,
    alias: Option<usize>,
    phrase_start: usize,
    possessive: bool,
}

/// A city as written.
struct City {
    range: std::ops::Range<usize>,
}

/// Where the word "capital" stands in `text`, in any case (ASCII only, without a lower-cased
/// copy of the paragraph).
fn capital_words(text: &str) -> Vec<(usize, usize)> {
    const WORD: &[u8] = b"capital";
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'c', b'C', bytes)
        .filter(|&at| {
            bytes
                .get(at..at + WORD.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(WORD))
        })
        .map(|at| (at, at + WORD.len()))
        .filter(|&(start, end)| crate::facts::names::is_word_boundary(text, start, end))
        .collect()
}

/// Whether the text can hold a capital claim at all (it says "capital").
pub(super) fn may_claim(text: &str) -> bool {
    !capital_words(text).is_empty()
}

pub(super) fn extract(
    facts: &FactBase,
    block: &Block,
    index: usize,
    hits: &[Hit],
    (times, quoted): (&super::ParagraphTimes, &super::Quoted),
    out: &mut Vec<Mention>,
) {
    let text = block.text();
    for (start, end) in capital_words(text) {
        if quoted.contains(start) {
            continue;
        }
        let claim = match country_before(facts, text, hits, start) {
            Some(country) => {
                if !plain(text, country.phrase_start) {
                    continue;
                }
                // "In the French capital, Jean Dupont said": after a leading place adverbial
                // a comma opens the sentence's subject, not an apposition.
                let unknown_allowed =
                    !block.is_heading() && !leads_with_place_adverbial(text, country.phrase_start);
                city_after(facts, text, hits, end, unknown_allowed)
                    .or_else(|| city_before_adjective(text, hits, &country, end))
                    .map(|city| (country, city))
            }
            None => capital_of(facts, text, hits, start, end),
        };
        let Some((country, city)) = claim else {
            continue;
        };
        let sentence = block.sentence_at(start);
        let phrase = country.phrase_start.min(city.range.start)..end.max(city.range.end);
        out.push(Mention {
            block: index,
            span: block.span_of(phrase.clone()),
            range: phrase.clone(),
            kind: MentionKind::Capital(CapitalClaim {
                countries: country.countries,
                ambiguous: country.ambiguous,
                country_alias: country.alias,
                city: text[city.range.clone()].to_string(),
                city_span: block.span_of(city.range),
                time: TimeContext::read_in(text, sentence, phrase.clone(), times, false),
            }),
        });
    }
}

/// Countries a name may mean, written in the given form ("Moldova" or "Moldovan").
fn countries_of(facts: &FactBase, hit: &Hit, form: NameForm) -> Country {
    let mut countries = Vec::new();
    let mut ambiguous = false;
    let mut alias = None;
    for target in &hit.targets {
        if let NameTarget::Entity {
            entity,
            form: written,
            alias: row,
            ambiguous: unclear,
        } = *target
        {
            if written == form && facts.entity(entity).kind == EntityKind::Country {
                if !countries.contains(&entity) {
                    countries.push(entity);
                }
                ambiguous |= unclear;
                alias = alias.or(row);
            }
        }
    }
    Country {
        ambiguous: ambiguous || countries.len() > 1,
        alias,
        countries,
        phrase_start: hit.range.start,
        possessive: false,
    }
}

/// "the Romanian capital", "Moldova's capital".
fn country_before(facts: &FactBase, text: &str, hits: &[Hit], capital: usize) -> Option<Country> {
    let end = after_space(text, capital)?;
    let (name_end, possessive) = match ["'s", "’s"]
        .iter()
        .find_map(|mark| text[..end].strip_suffix(mark))
    {
        Some(stem) => (stem.len(), true),
        None => (end, false),
    };
    let hit = hit_ending_at(hits, name_end)?;
    // "Moldova's capital", "the Romanian capital" (not "the Romania capital").
    let form = if possessive {
        NameForm::Name
    } else {
        NameForm::Adjective
    };
    let mut country = countries_of(facts, hit, form);
    country.possessive = possessive;
    (!country.countries.is_empty()).then_some(country)
}

/// Not another kind or time of capital ("the former Kazakh capital"), nor a region's
/// ("the Western Australian capital Perth").
fn plain(text: &str, phrase_start: usize) -> bool {
    match before(text, phrase_start) {
        Before::Start | Before::Punctuation => true,
        Before::Hyphenated(_) => false,
        Before::Word(word) => {
            !MODIFIERS.contains(&word.to_lowercase().as_str())
                && !names_a_region(text, phrase_start, word)
        }
    }
}

/// Compass words that make a country's adjective a region's: "Western Australian", "South
/// Australian", "Upper Egyptian". A country named so ("South Sudanese", "North Korean") is
/// one name in the fact base and never reaches this test.
const REGION_WORDS: &[&str] = &[
    "Western", "Eastern", "Northern", "Southern", "West", "East", "North", "South", "Upper",
    "Lower", "Central", "Inner", "Outer",
];

/// Whether `word`, right before the country's adjective at `adjective_start`, makes the
/// two one name of a region or a people: "the Western Australian capital Perth" (a state's
/// capital), "the Bosnian Serb capital". A capitalised word counts unless it merely opens
/// the sentence ("In Ukrainian capital Kyiv, ..."); a compass word counts always.
fn names_a_region(text: &str, adjective_start: usize, word: &str) -> bool {
    if REGION_WORDS.contains(&word) {
        return true;
    }
    if !starts_uppercase(word) {
        return false;
    }
    let word_start = text[..adjective_start].trim_end().len() - word.len();
    let head = text[..word_start].trim_end();
    !(head.is_empty() || head.ends_with(['.', '!', '?', ':', ';', '"', '“', '”', '(', '—']))
}

/// The city named after "capital": "Bucharest", "city Bucharest", ", Chișinău", "of Kyiv".
/// An unknown name counts only right after the word ("the Turkish capital Istanbul").
fn city_after(
    facts: &FactBase,
    text: &str,
    hits: &[Hit],
    capital_end: usize,
    unknown_allowed: bool,
) -> Option<City> {
    let mut at = capital_end;
    let mut comma = false;
    if text[at..].to_ascii_lowercase().starts_with(" city") {
        at += 5;
    }
    if text[at..].starts_with(',') {
        at += 1;
        comma = true;
    }
    if text[at..].starts_with(" of ") {
        at += 3;
    }
    let at = text[at..].starts_with(' ').then_some(at + 1)?;
    if let Some(hit) = hit_starting_at(hits, at) {
        if hit.capitals().next().is_some() {
            return Some(City {
                range: hit.range.clone(),
            });
        }
        // A name the fact base knows as something else (a person, a country).
        if !is_place(facts, hit) {
            return None;
        }
    }
    if !unknown_allowed {
        return None;
    }
    // "the French capital, Marseille,": after a comma, only a name the appositive closes.
    unknown_city(text, at).filter(|city| !comma || closes(text, city.range.end))
}

/// One to three capitalised words that could be a city's name.
fn unknown_city(text: &str, at: usize) -> Option<City> {
    let mut end = at;
    let mut words = 0;
    loop {
        let rest = &text[end..];
        let len: usize = rest
            .chars()
            .take_while(|c| is_letter(*c) || matches!(c, '\'' | '’'))
            .map(char::len_utf8)
            .sum();
        let word = &rest[..len];
        if len == 0 || !starts_uppercase(word) {
            break;
        }
        if words == 0 && (is_calendar_word(word) || NOT_A_CITY.contains(&word)) {
            return None;
        }
        words += 1;
        end += len;
        if words == 3 || !(text[end..].starts_with(' ') || text[end..].starts_with('-')) {
            break;
        }
        let next = &text[end + 1..];
        if !starts_uppercase(next) || next.split_whitespace().next().is_some_and(is_calendar_word) {
            break;
        }
        end += 1;
    }
    if words == 0 {
        return None;
    }
    let range = at..end;
    let name = text[range.clone()].trim_end_matches(['\'', '’']);
    Some(City {
        range: at..at + name.len(),
    })
}

/// "Bucharest, the Romanian capital," / "Bucharest, Romania's capital." — the city before,
/// and nothing after "capital" but punctuation.
fn city_before_adjective(
    text: &str,
    hits: &[Hit],
    country: &Country,
    capital_end: usize,
) -> Option<City> {
    // "Chișinău, the Moldovan capital city,".
    let capital_end = if text[capital_end..].starts_with(" city") {
        capital_end + 5
    } else {
        capital_end
    };
    let closes = text[capital_end..].is_empty()
        || text[capital_end..].starts_with([',', '.', ';', ')', ':']);
    if !closes {
        return None;
    }
    let head = &text[..country.phrase_start];
    let head = if country.possessive {
        head
    } else {
        head.strip_suffix("the ")?
    };
    let city_end = head.strip_suffix(", ")?.len();
    known_city_ending_at(hits, city_end).or_else(|| unknown_city_before(text, hits, city_end))
}

fn known_city_ending_at(hits: &[Hit], end: usize) -> Option<City> {
    hit_ending_at(hits, end)
        .filter(|hit| hit.capitals().next().is_some())
        .map(|hit| City {
            range: hit.range.clone(),
        })
}

/// "the capital of Moldova, Chișinău", "Chișinău, the capital of Moldova", "Chișinău is the
/// capital of Moldova".
fn capital_of(
    facts: &FactBase,
    text: &str,
    hits: &[Hit],
    capital: usize,
    capital_end: usize,
) -> Option<(Country, City)> {
    if !matches!(before(text, capital), Before::Word(w) if w.eq_ignore_ascii_case("the")) {
        return None;
    }
    let the_start = after_space(text, capital)?.checked_sub(3)?;
    // "the capital of Moldova", "the capital city of Moldova".
    let of_at = if text[capital_end..].starts_with(" city") {
        capital_end + 5
    } else {
        capital_end
    };
    let mut at = text[of_at..].starts_with(" of ").then_some(of_at + 4)?;
    if text[at..].starts_with("the ") {
        at += 4;
    }
    let hit = hit_starting_at(hits, at)?;
    if possessive_end(text, hit.range.end).is_some() {
        return None;
    }
    let mut country = countries_of(facts, hit, NameForm::Name);
    if country.countries.is_empty() {
        return None;
    }
    country.phrase_start = the_start;
    if let Some(rest) = text[hit.range.end..].strip_prefix(", ") {
        let city_start = text.len() - rest.len();
        match hit_starting_at(hits, city_start) {
            Some(city) if city.capitals().next().is_some() => {
                return Some((
                    country,
                    City {
                        range: city.range.clone(),
                    },
                ));
            }
            Some(other) if !is_place(facts, other) => {}
            // "the capital city of France, Lyon,": a name the fact base does not know, closed
            // by punctuation, and not after a leading place adverbial.
            _ if !leads_with_place_adverbial(text, the_start) => {
                if let Some(city) =
                    unknown_city(text, city_start).filter(|c| closes(text, c.range.end))
                {
                    return Some((country, city));
                }
            }
            _ => {}
        }
    }
    let head = &text[..the_start];
    let city_end = head
        .strip_suffix(", ")
        .or_else(|| head.strip_suffix(" is "))
        .map(str::len)?;
    known_city_ending_at(hits, city_end)
        .or_else(|| unknown_city_before(text, hits, city_end))
        .map(|city| (country, city))
}

/// Whether every meaning of a name is a place (a city may be one the fact base lists).
fn is_place(facts: &FactBase, hit: &Hit) -> bool {
    hit.targets.iter().all(|target| match *target {
        NameTarget::Entity { entity, .. } => facts.entity(entity).kind == EntityKind::Place,
        _ => true,
    })
}

/// Whether the phrase at `phrase_start` ("the French capital") follows a preposition that
/// opens its sentence ("In the French capital, ...").
fn leads_with_place_adverbial(text: &str, phrase_start: usize) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "in",
        "at",
        "from",
        "across",
        "outside",
        "inside",
        "around",
        "throughout",
        "near",
    ];
    let head = text[..phrase_start].trim_end();
    let head = head
        .strip_suffix("the")
        .or_else(|| head.strip_suffix("The"))
        .map_or(head, str::trim_end);
    let start = super::word_start(head);
    let word = &head[start..];
    let before = head[..start].trim_end();
    PREPOSITIONS.iter().any(|p| word.eq_ignore_ascii_case(p))
        && (before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '"', '“', '”']))
}

/// Whether only punctuation or the text's end follows a name that ends at `end`.
fn closes(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.is_empty() || rest.starts_with([',', '.', ';', ')', ':'])
}

/// One to three capitalised words ending at `end` that could be a city the fact base does
/// not know ("Marseille, the capital of France"): led by the text's start, punctuation or
/// a lower-case word, and not a name the fact base knows as something else.
fn unknown_city_before(text: &str, hits: &[Hit], end: usize) -> Option<City> {
    let mut start = end;
    for _ in 0..3 {
        let head = &text[..start];
        let word_at = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_letter(*c) || matches!(c, '\'' | '’' | '-'))
            .last()
            .map(|(at, _)| at)?;
        let word = &text[word_at..start];
        if !starts_uppercase(word) || is_calendar_word(word) || NOT_A_CITY.contains(&word) {
            break;
        }
        start = word_at;
        match text[..start].strip_suffix(' ') {
            Some(before) if before.chars().next_back().is_some_and(is_letter) => {
                let prev_at = super::word_start(before);
                if !starts_uppercase(&before[prev_at..]) {
                    break;
                }
            }
            _ => break,
        }
    }
    if start == end {
        return None;
    }
    let before_ok = match before(text, start) {
        Before::Start | Before::Punctuation => true,
        Before::Word(word) => !starts_uppercase(word),
        Before::Hyphenated(_) => false,
    };
    let known_as_other = hits.iter().any(|hit| {
        hit.range.start < end && start < hit.range.end && hit.capitals().next().is_none()
    });
    (before_ok && !known_as_other && !text[start..end].contains(['\'', '’']))
        .then_some(City { range: start..end })
}

#[cfg(test)]
mod tests {
    use crate::claims::Claims;
    use crate::document::Document;
    use crate::settings::Settings;

    /// The cities `text` calls a capital.
    fn capitals(text: &str) -> Vec<String> {
        let settings = Settings::embedded();
        let doc = Document::parse(text);
        Claims::extract(&doc, &settings)
            .mentions
            .iter()
            .filter_map(|mention| mention.as_capital())
            .map(|claim| claim.city.clone())
            .collect()
    }

    #[test]
    fn a_region_named_with_the_country_claims_nothing_about_the_country() {
        for text in [
            "Fans poured into the Western Australian capital Perth.",
            "Police in the South Australian capital, Adelaide, said so.",
            "Western Australian capital Perth had rain.",
            "Talks were held in the Upper Egyptian capital Luxor.",
            "Rockets hit the Kurdish Iraqi capital Erbil.",
        ] {
            assert_eq!(capitals(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn a_word_that_only_opens_the_sentence_leaves_the_claim() {
        for (text, city) in [
            ("Fans poured into the Australian capital Sydney.", "Sydney"),
            ("In Australian capital Canberra, fans cheered.", "Canberra"),
            (
                "Fans cheered. In Australian capital Canberra, too.",
                "Canberra",
            ),
            ("Protests spread to the Egyptian capital Cairo.", "Cairo"),
        ] {
            assert_eq!(capitals(text), vec![city.to_string()], "{text:?}");
        }
    }
}
