//! Age claims about people the fact base knows: "Angela Merkel, 67,", "Merkel (67)",
//! "Merkel, aged 67", "the 67-year-old Merkel", "the 67-year-old chancellor Angela Merkel".
//!
//! Only an age written right next to the name counts; "Merkel, who turns 68 next month" or
//! an age in another clause claims nothing.

use super::mention::{Mention, TimeContext};
use super::ExtractContext;
use crate::document::Document;
use crate::facts::{EntityId, EntityKind, FactBase, NameTarget};
use crate::line_index::floor_char_boundary;
use crate::span::Span;
use crate::style::word_lists::List;
use crate::style::words::Words;

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

/// Whether `words` may stand between "the 67-year-old" and a name: capitalised words and
/// the title words of the word lists (`titles.before-name`), not another person ("a
/// 67-year-old man who met Merkel").
fn title_words(words: &str, lists: &Words) -> bool {
    let titles = lists.list(List::TitleWords);
    words.split_whitespace().all(|word| {
        word.chars().next().is_some_and(char::is_uppercase) || titles.contains(&word.to_lowercase())
    })
}

/// Capitalised words that may stand right before a surname without being a first name: the
/// words that open a sentence or a clause ("But Johnson, 55, said"), honorifics and the
/// titles and party labels of the press ("Mr Johnson", "Senator Biden", "Democrat Biden").
/// Titles of the fact base's offices are read from the word lists as well.
const NOT_GIVEN_NAMES: &[&str] = &[
    "a",
    "after",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "by",
    "candidate",
    "comrade",
    "conservative",
    "democrat",
    "dr",
    "during",
    "even",
    "for",
    "from",
    "gen",
    "general",
    "gov",
    "governor",
    "here",
    "however",
    "if",
    "in",
    "indeed",
    "king",
    "labour",
    "lady",
    "later",
    "like",
    "lord",
    "meanwhile",
    "miss",
    "mr",
    "mrs",
    "ms",
    "nominee",
    "now",
    "of",
    "on",
    "once",
    "only",
    "or",
    "pope",
    "president-elect",
    "prince",
    "princess",
    "queen",
    "rep",
    "republican",
    "says",
    "sen",
    "senator",
    "since",
    "sir",
    "so",
    "speaker",
    "still",
    "that",
    "the",
    "then",
    "though",
    "to",
    "today",
    "tory",
    "under",
    "unlike",
    "when",
    "where",
    "while",
    "why",
    "with",
    "without",
    "yesterday",
    "yet",
];

/// Whether a surname alone ("Johnson") follows another capitalised word that is no title:
/// "Stanley Johnson, 79,", "Jill Biden, 69," name a relative who shares the surname, not the
/// person the fact base knows by it.
fn another_given_name_before(text: &str, name: std::ops::Range<usize>, lists: &Words) -> bool {
    if text[name.clone()].contains(' ') {
        return false;
    }
    let Some(head) = text[..name.start].strip_suffix(' ') else {
        return false;
    };
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        .last()
        .map_or(head.len(), |(at, _)| at);
    let word = head[start..].trim_end_matches('.');
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() < 2 {
        return false;
    }
    let lower = word.to_lowercase();
    !NOT_GIVEN_NAMES.contains(&lower.as_str())
        && !lists.list(List::TitleWords).contains(&lower)
        && !lists.list(List::TitleModifiers).contains(&lower)
        && !crate::lexicon::is_calendar_word(word)
        && !word.ends_with("'s")
        && !word.ends_with("’s")
}

/// Verbs of a private life after "who": "Paul Martin, 43, who teaches in Ajax" is a
/// teacher who shares a former prime minister's name.
const PRIVATE_LIFE_VERBS: &[&str] = &[
    "lives", "lived", "teaches", "taught", "works", "worked", "owns", "owned", "runs", "studies",
    "studied", "attends", "attended", "drives", "farms", "coaches",
];

/// Whether the words after an age apposition introduce a private person, the way local,
/// court and obituary copy names residents: a home ("Scott Morrison, 28, of Houston",
/// "Paul Martin, 61, from Bristol"), a private life ("who teaches in Ajax"), or a trade
/// with no title in it ("a nurse from Leeds", "a retired postman"). The famous are not
/// introduced so; "Helen Clark, 73, a former prime minister" still names her.
fn introduces_a_private_person(after_age: &str, lists: &Words) -> bool {
    let rest = after_age
        .strip_prefix(')')
        .unwrap_or(after_age)
        .trim_start();
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(6).collect();
    let capitalised = |at: usize| {
        words
            .get(at)
            .is_some_and(|word| word.starts_with(char::is_uppercase))
    };
    match words.first().copied() {
        Some("of" | "from") => capitalised(1),
        Some("who") => words
            .get(1)
            .is_some_and(|verb| PRIVATE_LIFE_VERBS.contains(verb)),
        Some("a" | "an") => {
            let is_title = |word: &str| {
                [
                    List::TitleWords,
                    List::TitleModifiers,
                    List::TitleQualifiers,
                ]
                .iter()
                .any(|list| lists.list(*list).contains(word))
            };
            // Up to three lower-case words of a trade, none of a title, then the end of
            // the apposition or a place.
            for at in 1..=3 {
                let Some(word) = words.get(at) else {
                    return false;
                };
                let bare = word.trim_end_matches([',', '.', ';']);
                if bare.is_empty()
                    || !bare.chars().all(|c| c.is_lowercase() || c == '-')
                    || is_title(bare)
                {
                    return false;
                }
                if bare.len() < word.len() {
                    return true;
                }
                if words
                    .get(at + 1)
                    .is_some_and(|next| matches!(*next, "from" | "of" | "in" | "at"))
                {
                    return capitalised(at + 2);
                }
            }
            false
        }
        _ => false,
    }
}

/// Whether the word right before `at` is an honorific ("Mr", "Mrs.", "Ms", "Dr").
fn after_an_honorific(text: &str, at: usize) -> bool {
    const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "mme", "mlle"];
    let Some(head) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let word = head
        .rsplit(|c: char| !c.is_alphabetic() && c != '.')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    HONORIFICS.contains(&word.to_lowercase().as_str())
}

/// Ages a person may plausibly be given in the news.
const AGES: std::ops::RangeInclusive<u32> = 10..=120;

pub fn extract(doc: &Document, cx: &ExtractContext, mentions: &[Mention]) -> Vec<AgeClaim> {
    let facts = cx.facts;
    let lists: &Words = &cx.style.words;
    let mut out = Vec::new();
    // A surname after an honorific is the known person only in an article that names them in
    // full: "said Mrs Brown, 72," in an article that never names Gordon Brown is someone
    // else. A bare surname ("Merkel (69) said no.") is how headlines and second references
    // name the famous.
    let named_in_full: Vec<EntityId> = mentions
        .iter()
        .filter(|mention| doc.blocks[mention.block].text()[mention.range.clone()].contains(' '))
        .filter_map(|mention| single_person(facts, mention.targets()))
        .collect();
    for mention in mentions {
        let Some(person) = single_person(facts, mention.targets()) else {
            continue;
        };
        if facts.entity(person).born.is_none() {
            continue;
        }
        let block = &doc.blocks[mention.block];
        let text = block.text();
        if !text[mention.range.clone()].contains(' ')
            && !named_in_full.contains(&person)
            && after_an_honorific(text, mention.range.start)
        {
            continue;
        }
        let after = &text[mention.range.end..];
        // "the 67-year-old former German chancellor " is short: a long block is not searched
        // from its start for every name.
        let before = &text[floor_char_boundary(text, mention.range.start.saturating_sub(80))
            ..mention.range.start];
        let before_start = mention.range.start - before.len();
        let found = pattern::after(after)
            .map(|m| mention.range.end + m.start..mention.range.end + m.end)
            .or_else(|| {
                let (m, words) = pattern::before(before)?;
                title_words(&before[words], lists)
                    .then(|| before_start + m.start..before_start + m.end)
            });
        let Some(range) = found else {
            continue;
        };
        if another_given_name_before(text, mention.range.clone(), lists)
            || introduces_a_private_person(&text[range.end..], lists)
        {
            continue;
        }
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
    titled_ages(doc, facts, lists, mentions, &mut out);
    out
}

/// "the 67-year-old chancellor" with no name after it: the age of the person named just
/// before (in the same paragraph or the one before, no other person between), if that
/// person held an office of that title.
fn titled_ages(
    doc: &Document,
    facts: &FactBase,
    lists: &Words,
    mentions: &[Mention],
    out: &mut Vec<AgeClaim>,
) {
    for (index, block) in doc.blocks.iter().enumerate() {
        let text = block.text();
        if !text.contains("year") {
            continue;
        }
        for found in pattern::titled(text) {
            let pattern::Titled {
                all,
                number,
                between,
                title,
            } = found;
            // A name right after the title is read with the name ("the 67-year-old
            // chancellor Angela Merkel").
            let next = text[all.end..].trim_start_matches(' ');
            if next.chars().next().is_some_and(char::is_uppercase)
                || !title_words(&text[between], lists)
            {
                continue;
            }
            // The person named last before the age, in this paragraph or the one before.
            let before = mentions.iter().rev().find(|m| {
                !m.targets().is_empty()
                    && ((m.block == index && m.range.end <= all.start)
                        || (m.block + 1 == index && index > 0))
            });
            let Some(mention) = before else {
                continue;
            };
            let Some(person) = single_person(facts, mention.targets()) else {
                continue;
            };
            if facts.entity(person).born.is_none() || !held_title(facts, person, &text[title]) {
                continue;
            }
            let Ok(age) = text[number.clone()].parse::<u32>() else {
                continue;
            };
            if !AGES.contains(&age) {
                continue;
            }
            let sentence = text[block.sentence_at(all.start)]
                .replace("former", "")
                .replace("Former", "");
            out.push(AgeClaim {
                block: index,
                person,
                age,
                age_span: block.span_of(number),
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

/// The age patterns, matched by hand as these regular expressions would (Unicode `\d`,
/// `\s` and `\b`; `(?i)` where written):
/// - after a name: `^(?:,\s*(?:aged?\s+)?(\d{1,3})(?:\s*[,;.)]|\s*$)|\s*\((?:aged?\s+)?(\d{1,3})\))`;
/// - before a name: `(?i)\b(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}'’.-]+\s+){0,3})$`;
/// - a title: `(?i)\bthe\s+(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}.-]+\s+){0,2}?)(chancellor|president|premier|minister|secretary[- ]general|prime\s+minister)\b`.
mod pattern {
    use std::ops::Range;

    use crate::matcher::{
        ci_at, digit_ascii, exact_at, letter_or_mark_ascii, spaces, spaces1, word_boundary, Class,
    };

    static DIGIT: Class = Class::new(r"\d", digit_ascii);
    static DIGIT_FOLDED: Class = Class::new(r"(?i)\d", digit_ascii);
    static NAME_WORD: Class = Class::new(r"(?i)[\p{L}'’.-]", letter_or_mark_ascii);
    static TITLE_WORD: Class = Class::new(r"(?i)[\p{L}.-]", |byte| {
        byte.is_ascii_alphabetic() || matches!(byte, b'.' | b'-')
    });

    #[cfg(test)]
    pub fn check_classes() {
        for class in [&DIGIT, &DIGIT_FOLDED, &NAME_WORD, &TITLE_WORD] {
            class.check_ascii();
        }
    }

    /// `\d{1,3}` where no digit follows (every pattern here goes on with a non-digit).
    fn number(text: &str, at: usize, digit: &Class) -> Option<usize> {
        let mut end = at;
        for (count, c) in text[at..].chars().enumerate() {
            if !digit.contains(c) {
                break;
            }
            if count == 3 {
                return None;
            }
            end += c.len_utf8();
        }
        (end > at).then_some(end)
    }

    /// `(?:aged?\s+)?` then `rest`, trying "aged", "age" and nothing in turn.
    fn aged<T>(text: &str, at: usize, rest: impl Fn(usize) -> Option<T>) -> Option<T> {
        ["aged", "age"]
            .iter()
            .find_map(|word| rest(spaces1(text, exact_at(text, at, word)?)?))
            .or_else(|| rest(at))
    }

    /// The age right after a name: ", 67," / " (67)" / ", aged 67".
    pub fn after(text: &str) -> Option<Range<usize>> {
        let comma = exact_at(text, 0, ",").and_then(|end| {
            aged(text, spaces(text, end), |at| {
                let end = number(text, at, &DIGIT)?;
                let next = spaces(text, end);
                (next == text.len() || text[next..].starts_with([',', ';', '.', ')']))
                    .then_some(at..end)
            })
        });
        comma.or_else(|| {
            let open = exact_at(text, spaces(text, 0), "(")?;
            aged(text, open, |at| {
                let end = number(text, at, &DIGIT)?;
                exact_at(text, end, ")").map(|_| at..end)
            })
        })
    }

    /// `(\d{1,3})[- ]year[- ]old\s+` at `at`: the number and where the words after start.
    fn year_old(text: &str, at: usize) -> Option<(Range<usize>, usize)> {
        let end = number(text, at, &DIGIT_FOLDED)?;
        let next = |at: usize| text[at..].starts_with(['-', ' ']).then_some(at + 1);
        let words = ci_at(text, next(end)?, "year")?;
        let words = spaces1(text, ci_at(text, next(words)?, "old")?)?;
        Some((at..end, words))
    }

    /// The age before a name ("the 67-year-old former chancellor "): the number and the
    /// words between it and the name.
    pub fn before(text: &str) -> Option<(Range<usize>, Range<usize>)> {
        (0..text.len())
            .filter(|&at| text.is_char_boundary(at) && word_boundary(text, at))
            .find_map(|at| {
                let (number, words) = year_old(text, at)?;
                let mut end = words;
                for _ in 0..3 {
                    if end == text.len() {
                        break;
                    }
                    end = spaces1(text, NAME_WORD.run1(text, end)?)?;
                }
                (end == text.len()).then_some((number, words..end))
            })
    }

    /// "the 67-year-old chancellor": the match, its number, the words before the title and
    /// the title.
    pub struct Titled {
        pub all: Range<usize>,
        pub number: Range<usize>,
        pub between: Range<usize>,
        pub title: Range<usize>,
    }

    const TITLES: &[&[&str]] = &[
        &["chancellor"],
        &["president"],
        &["premier"],
        &["minister"],
        &["secretary", "general"],
        &["prime", "minister"],
    ];

    /// Every match, left to right, without overlaps.
    pub fn titled(text: &str) -> impl Iterator<Item = Titled> + '_ {
        let mut from = 0;
        std::iter::from_fn(move || {
            let found = (from..text.len())
                .filter(|&at| matches!(text.as_bytes()[at], b't' | b'T') && word_boundary(text, at))
                .find_map(|at| titled_at(text, at))?;
            from = found.all.end;
            Some(found)
        })
    }

    fn titled_at(text: &str, at: usize) -> Option<Titled> {
        let (number, words) = year_old(text, spaces1(text, ci_at(text, at, "the")?)?)?;
        let mut end = words;
        for round in 0..=2 {
            if let Some(title) = TITLES.iter().find_map(|title| title_at(text, end, title)) {
                return Some(Titled {
                    all: at..title.end,
                    number,
                    between: words..end,
                    title,
                });
            }
            if round < 2 {
                end = spaces1(text, TITLE_WORD.run1(text, end)?)?;
            }
        }
        None
    }

    /// A title's words at `at` ("secretary-general", "prime  minister"), ending a word.
    fn title_at(text: &str, at: usize, words: &[&str]) -> Option<Range<usize>> {
        let mut end = ci_at(text, at, words[0])?;
        if let Some(second) = words.get(1) {
            end = if words[0] == "secretary" {
                text[end..].starts_with(['-', ' ']).then_some(end + 1)?
            } else {
                spaces1(text, end)?
            };
            end = ci_at(text, end, second)?;
        }
        word_boundary(text, end).then_some(at..end)
    }
}

#[cfg(test)]
mod tests {
    use super::pattern;
    use crate::matcher::testing::{phrases, product, texts, TRICKY};
    use regex::Regex;

    const AFTER: &str =
        r"^(?:,\s*(?:aged?\s+)?(\d{1,3})(?:\s*[,;.)]|\s*$)|\s*\((?:aged?\s+)?(\d{1,3})\))";
    const BEFORE: &str = r"(?i)\b(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}'’.-]+\s+){0,3})$";
    const TITLED: &str = r"(?i)\bthe\s+(\d{1,3})[- ]year[- ]old\s+((?:[\p{L}.-]+\s+){0,2}?)(chancellor|president|premier|minister|secretary[- ]general|prime\s+minister)\b";

    fn texts_of(words: &[&str], separators: &[&str]) -> Vec<String> {
        let mut all_words = TRICKY.to_vec();
        all_words.extend(words);
        let mut all = phrases(&all_words, separators, 60_000, 9);
        all.extend(texts(&all_words, 10_000, 10));
        all
    }

    #[test]
    fn after_a_name_as_its_regular_expression() {
        let regex = Regex::new(AFTER).unwrap();
        let texts = texts_of(
            &[
                ",", ", ", "(", ")", "aged", "age", "67", "1234", "5", "٣٤", ";", ".",
            ],
            &["", "", " ", "\u{A0}", "\n"],
        );
        let texts = texts.into_iter().chain(product(&[
            &[",", ", ", ",\u{A0}", " (", "(", "  (", "x"],
            &["", "aged ", "age ", "aged", "AGED ", "aged\n"],
            &["67", "1234", "5", "٣٤", "", "x"],
            &["", ",", ".", ")", " )", " ", " x", ";", ":", "\u{A0},"],
            &["", " and", "’"],
        ]));
        let mut matched = 0;
        for text in texts {
            let expected = regex
                .captures(&text)
                .map(|c| c.get(1).or_else(|| c.get(2)).unwrap().range());
            assert_eq!(pattern::after(&text), expected, "{text:?}");
            matched += usize::from(expected.is_some());
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn before_a_name_as_its_regular_expression() {
        let regex = Regex::new(BEFORE).unwrap();
        let texts = texts_of(
            &[
                "the",
                "67",
                "1234",
                "٣٤",
                "-year-old",
                " year old",
                "-YEAR-OLD",
                "-year-",
                "old",
                "former",
                "German",
                "Łódź",
                "x’s",
                "O'Neil",
                "a.",
                "\u{345}",
            ],
            &[" ", " ", " ", "", "\u{A0}", "-", "\n"],
        );
        let texts = texts.into_iter().chain(product(&[
            &["", "the ", "x", "a 5 ", "“"],
            &["67", "1234", "٣٤", "5"],
            &[
                "-year-old",
                " year old",
                "-YEAR-OLD",
                "-year old",
                "-yearold",
                "-year-ol",
            ],
            &[" ", "  ", "\u{A0}", "", "\n"],
            &[
                "",
                "former ",
                "German ",
                "Łódź ",
                "x’s ",
                "O'Neil ",
                "a. ",
                "\u{345} ",
                "e\u{301} ",
            ],
            &[
                "",
                "former ",
                "German\u{A0}",
                "Łódź",
                "chief ",
                "prime minister ",
            ],
            &["", "x ", "y  "],
        ]));
        let mut matched = 0;
        for text in texts {
            let expected = regex
                .captures(&text)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().range()));
            assert_eq!(pattern::before(&text), expected, "{text:?}");
            matched += usize::from(expected.is_some());
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn titles_as_their_regular_expression() {
        let regex = Regex::new(TITLED).unwrap();
        let texts = texts_of(
            &[
                "the",
                "The",
                "67",
                "1234",
                "-year-old",
                " year old",
                "chancellor",
                "President",
                "preſident",
                "premier",
                "minister",
                "prime",
                "secretary-general",
                "secretary general",
                "former",
                "German",
                "Merkel",
                "x’s",
                "\u{345}",
            ],
            &[" ", " ", " ", "", "\u{A0}", "-", "\n", ","],
        );
        let texts = texts.into_iter().chain(product(&[
            &["", "the ", "xthe ", "The\u{A0}", "a "],
            &["the ", "THE  ", "the\u{A0}"],
            &["67", "1234", "٣٤"],
            &["-year-old", " year old", "-YEAR-OLD"],
            &[" ", "  ", ""],
            &["", "former ", "German ", "ex-", "a. ", "x’s "],
            &["", "former ", "German\u{A0}", "Łódź "],
            &[
                "chancellor",
                "President",
                "preſident",
                "premier",
                "minister",
                "ministers",
                "prime  minister",
                "secretary-general",
                "secretary general",
                "Merkel",
            ],
            &["", " ", ".", "é", " Merkel", " the 5-year-old premier"],
        ]));
        let mut matched = 0;
        for text in texts {
            let expected: Vec<_> = regex
                .captures_iter(&text)
                .map(|c| {
                    let at = |i: usize| c.get(i).unwrap().range();
                    (at(0), at(1), at(2), at(3))
                })
                .collect();
            let found: Vec<_> = pattern::titled(&text)
                .map(|t| (t.all, t.number, t.between, t.title))
                .collect();
            assert_eq!(found, expected, "{text:?}");
            matched += expected.len();
        }
        assert!(matched > 500, "{matched}");
    }

    #[test]
    fn classes_agree_on_ascii() {
        pattern::check_classes();
    }
}

#[cfg(test)]
mod relatives {
    use crate::claims::Claims;
    use crate::document::Document;
    use crate::settings::Settings;

    /// The ages claimed in `text`, with the known person's name.
    fn ages(text: &str) -> Vec<(u32, String)> {
        let settings = Settings::embedded();
        let doc = Document::parse(text);
        let claims = Claims::extract(&doc, &settings);
        claims
            .ages
            .iter()
            .map(|a| (a.age, settings.facts.entity(a.person).name.to_string()))
            .collect()
    }

    #[test]
    fn a_surname_after_an_honorific_needs_the_full_name_somewhere_in_the_article() {
        assert_eq!(ages("\"We waited,\" said Mrs Brown, 72."), []);
        assert_eq!(ages("\"We waited,\" said Mr. Brown, 72."), []);
        assert_eq!(
            ages("Brown, 72, said no."),
            [(72, "Gordon Brown".to_string())]
        );
        assert_eq!(
            ages("Gordon Brown spoke first. Later Brown, 72, left."),
            [(72, "Gordon Brown".to_string())]
        );
    }

    #[test]
    fn a_relative_who_shares_the_surname_is_not_the_known_person() {
        for text in [
            "Boris Johnson spoke. His father, Stanley Johnson, 79, spoke.",
            "Boris Johnson spoke. Carrie Johnson, 32, spoke.",
            "Joe Biden spoke. Hunter Biden, 51, spoke.",
            "Joe Biden spoke. Dr. Jill Biden, 69, spoke.",
            "Joe Biden spoke. The 51-year-old Hunter Biden spoke.",
        ] {
            assert_eq!(ages(text), Vec::new(), "{text:?}");
        }
    }

    #[test]
    fn a_namesake_introduced_by_a_home_a_private_life_or_a_trade_is_someone_else() {
        for text in [
            "Police arrested Scott Morrison, 28, of Houston, on Tuesday.",
            "Paul Martin, 61, from Bristol, admitted the offence.",
            "Paul Martin, 43, who teaches Grades 5 and 6 in Ajax, is charged.",
            "Helen Clark, 45, a nurse from Leeds, was fined.",
            "\"It was terrifying,\" said Gordon Brown, 70, a retired postman.",
            "Gordon Brown (34), of Glenrothes, was charged.",
        ] {
            assert_eq!(ages(text), Vec::new(), "{text:?}");
        }
    }

    #[test]
    fn a_title_or_any_other_apposition_leaves_the_known_person() {
        let brown = |age: u32| vec![(age, "Gordon Brown".to_string())];
        for text in [
            "Gordon Brown, 72, a former prime minister, spoke.",
            "Gordon Brown, 72, of the Labour Party, spoke.",
            "Gordon Brown, 72, who led Labour for three years, spoke.",
            "Gordon Brown, 72, a father of two, spoke.",
            "Gordon Brown, 72, a Labour veteran, spoke.",
            "Gordon Brown, 72, spoke.",
        ] {
            assert_eq!(ages(text), brown(72), "{text:?}");
        }
    }

    #[test]
    fn a_surname_after_a_title_an_honorific_or_a_clause_word_is_still_the_person() {
        let johnson = |age: u32| vec![(age, "Boris Johnson".to_string())];
        assert_eq!(
            ages("Boris Johnson spoke. Mr Johnson, 55, spoke."),
            johnson(55)
        );
        assert_eq!(
            ages("Boris Johnson spoke. Prime Minister Johnson, 55, spoke."),
            johnson(55)
        );
        assert_eq!(
            ages("Boris Johnson spoke. But Johnson, 55, spoke."),
            johnson(55)
        );
        assert_eq!(
            ages("Boris Johnson spoke. On Tuesday Johnson, 55, spoke."),
            johnson(55)
        );
        assert_eq!(ages("Boris Johnson, 55, spoke."), johnson(55));
    }
}
