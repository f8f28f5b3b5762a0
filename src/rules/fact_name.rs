//! `fact-name` (FL503): a misspelling of a person the fact base knows, where that person is
//! meant: "Chancellor Olaf Schulz", "President Recep Tayyip Erdogen", or "Olaf Schulz" in an
//! article that writes "Olaf Scholz" elsewhere.
//!
//! A written name is a misspelling when it is one edit from a known name (two for names of
//! eight letters or more), starts with the same letter, is not itself a name the fact base
//! knows, and the context says who is meant: a title of an office the person held, written
//! right before the name, or the article's own correct mention of the person. Known variants
//! and transliterations (the fact base's aliases; "i", "y" and "j" read alike) are never
//! findings, and a name with no title in an article that never names the person is left
//! alone (it may be someone else).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::{Months, NaiveDate};

use super::{RuleContext, RuleId};
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::facts::{EntityId, EntityKind, FactBase, NameTarget, OfficeId};
use crate::text::edit::EditDistance;

/// At most this many words in a person's name.
const MAX_WORDS: usize = 4;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    if facts.is_empty() {
        return;
    }
    let named = named_people(cx, facts);
    let mut named_names = None;
    let mut reported = HashSet::new();
    let window = window(cx.article.judgement_dates());
    // Where known names start and end, by block (mentions come in reading order). A known
    // name covers the words it spans, not a longer name it begins: "Abhisit" is known, but
    // "Abhisit Vejjajiav" misspells "Abhisit Vejjajiva".
    let mut known: HashMap<usize, HashMap<usize, usize>> = HashMap::new();
    for mention in cx.claims.mentions {
        if !mention.targets().is_empty() {
            let end = known
                .entry(mention.block)
                .or_default()
                .entry(mention.range.start)
                .or_default();
            *end = (*end).max(mention.range.end);
        }
    }
    let empty = HashMap::new();
    // How many of `words` a known name starting at the first one reaches into (a possessive
    // "Scholz's" is the known "Scholz"): only longer candidates are compared.
    let covered = |known_at: &HashMap<usize, usize>, words: &[Range<usize>]| {
        words.first().map_or(0, |first| {
            known_at
                .get(&first.start)
                .map_or(0, |&end| words.iter().filter(|w| w.start < end).count())
        })
    };
    // The names of the holders of each title's offices, found once per title.
    let mut holders_of: HashMap<usize, Names> = HashMap::new();
    for (index, block) in cx.doc.blocks.iter().enumerate() {
        // A block quotation gives its source's words as they were written.
        if block.quote_depth > 0 {
            continue;
        }
        let text = block.text();
        let known_at = known.get(&index).unwrap_or(&empty);
        // After a title: the person must have held one of its offices. A name after a title
        // the person never held is someone else's, wherever else the person is named.
        let mut titled = HashSet::new();
        for title in facts.names().find_titles(text) {
            let offices = facts.names().offices(title.pattern);
            let words = name_words(text, title.end);
            let Some(first) = words.first() else {
                continue;
            };
            titled.insert(first.start);
            let known_words = covered(known_at, &words);
            if known_words == words.len() {
                continue;
            }
            let holders = holders_of
                .entry(title.pattern)
                .or_insert_with(|| Names::of(facts, &holders(facts, offices, window)));
            if let Some(found) = holders.misspelt(facts, text, &words, known_words) {
                if reported.insert((index, found.range.start)) {
                    out.push(finding(
                        cx,
                        index,
                        &found,
                        Some(&text[title.start..title.end]),
                    ));
                }
            }
        }
        // Anywhere: a multi-word name of a person the article names correctly elsewhere.
        if named.is_empty() {
            continue;
        }
        for start in word_starts(text) {
            if titled.contains(&start) {
                continue;
            }
            let words = name_words(text, start);
            let known_words = covered(known_at, &words);
            if words.len() < 2 || known_words == words.len() {
                continue;
            }
            let names = named_names.get_or_insert_with(|| Names::of(facts, &named));
            if let Some(found) = names.misspelt_multiword(facts, text, &words, known_words) {
                if reported.insert((index, found.range.start)) {
                    out.push(finding(cx, index, &found, None));
                }
            }
        }
    }
}

/// People the article names by a name the fact base knows.
fn named_people(cx: &RuleContext<FactGroup>, facts: &FactBase) -> HashSet<EntityId> {
    cx.claims
        .mentions
        .iter()
        .flat_map(|m| m.targets())
        .filter_map(|target| match *target {
            NameTarget::Entity { entity, .. }
                if facts.entity(entity).kind == EntityKind::Person =>
            {
                Some(entity)
            }
            _ => None,
        })
        .collect()
}

/// The days around the article's date a title may speak of: from two years before to a year
/// after (a title is rarely given long before or after a term). `None` when the date is
/// unknown: any time.
fn window(dates: &[NaiveDate]) -> Option<(NaiveDate, NaiveDate)> {
    let first = dates.iter().min()?;
    let last = dates.iter().max()?;
    Some((
        first.checked_sub_months(Months::new(24))?,
        last.checked_add_months(Months::new(12))?,
    ))
}

/// Everyone who held any of `offices` within `window` (at any time without one): "President
/// Banda" in 2012 is not a misspelt World Bank president of 2023.
fn holders(
    facts: &FactBase,
    offices: &[OfficeId],
    window: Option<(NaiveDate, NaiveDate)>,
) -> HashSet<EntityId> {
    // One pass over the terms: a title such as "President" names a hundred offices.
    debug_assert!(offices.is_sorted());
    facts
        .terms
        .iter()
        .filter(|term| offices.binary_search(&term.office).is_ok())
        .filter(|term| {
            window.is_none_or(|(from, until)| {
                term.valid.from.is_none_or(|start| start <= until)
                    && term.valid.until.is_none_or(|end| end >= from)
            })
        })
        .map(|term| term.holder)
        .collect()
}

/// Up to [`MAX_WORDS`] capitalised words from `at` (after spaces), each separated by one
/// space: "Olaf Schulz", "Recep Tayyip Erdogen".
fn name_words(text: &str, at: usize) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let rest = &text[at..];
    let mut pos = at + rest.len() - rest.trim_start_matches(' ').len();
    while words.len() < MAX_WORDS {
        let word: usize = text[pos..]
            .chars()
            .take_while(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            .map(char::len_utf8)
            .sum();
        let Some(first) = text[pos..].chars().next() else {
            break;
        };
        if word < 2 || !first.is_uppercase() {
            break;
        }
        words.push(pos..pos + word);
        pos += word;
        if !text[pos..].starts_with(' ') {
            break;
        }
        pos += 1;
    }
    words
}

/// Where each word of the text starts.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(at, c)| {
            c.is_uppercase()
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(at, _)| at)
}

/// A name written wrongly and the person meant.
struct Misspelt {
    range: Range<usize>,
    written: String,
    person: EntityId,
    /// The known form it is closest to ("Olaf Scholz").
    known: String,
    /// Several people fit: no fix.
    ambiguous: bool,
}

/// A known name: its number of words, folded for comparison, as written, and whose.
/// A known name: its word count, its first letter folded, the name, its person.
type KnownName<'f> = (usize, char, &'f str, EntityId);

/// The names of some people (the holders of a title's offices, the people an article
/// names): only they are compared with a written name. A name is folded whole only when its
/// word count, first letter and length let it be near the written one (most are not).
struct Names<'f> {
    /// In the fact base's order ([`FactBase::person_names`]), which settles ties.
    names: Vec<KnownName<'f>>,
    /// Each name folded, once it is first compared (most never are).
    forms: Vec<Option<Box<[char]>>>,
    /// The written name folded (kept from call to call).
    form: Vec<char>,
    distance: EditDistance,
}

impl<'f> Names<'f> {
    fn of(facts: &'f FactBase, people: &HashSet<EntityId>) -> Names<'f> {
        let mut sorted: Vec<EntityId> = people.iter().copied().collect();
        sorted.sort_unstable();
        let is_person = |person: EntityId| facts.entity(person).kind == EntityKind::Person;
        let own = sorted
            .iter()
            .copied()
            .filter(|&person| is_person(person))
            .flat_map(|person| {
                let entity = facts.entity(person);
                std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .map(move |name| (name.as_str(), person))
            });
        let rows = facts
            .aliases
            .iter()
            .filter(|alias| people.contains(&alias.entity) && is_person(alias.entity))
            .map(|alias| (alias.name.as_str(), alias.entity));
        let names: Vec<KnownName> = own
            .chain(rows)
            .filter_map(|(name, person)| {
                let words = word_count(name);
                let first = folded(name).next()?;
                (1..=MAX_WORDS)
                    .contains(&words)
                    .then_some((words, first, name, person))
            })
            .collect();
        Names {
            forms: vec![None; names.len()],
            names,
            form: Vec::new(),
            distance: EditDistance::default(),
        }
    }

    /// The person a name right after a title misspells, among those `fits` accepts; only
    /// names longer than the first `known` words (a known name) are compared.
    fn misspelt(
        &mut self,
        facts: &FactBase,
        text: &str,
        words: &[Range<usize>],
        known: usize,
    ) -> Option<Misspelt> {
        // Longest first: "Recep Tayyip Erdogen" before "Recep Tayyip".
        (known + 1..=words.len().min(MAX_WORDS))
            .rev()
            .find_map(|count| self.closest(facts, text, &words[..count], 2))
    }

    /// The same for names of two words or more anywhere in the text, one edit away at most
    /// (without a title, a name two edits away is as likely someone else, or the same name
    /// in another language: Joan Carles, Juan Carlos).
    fn misspelt_multiword(
        &mut self,
        facts: &FactBase,
        text: &str,
        words: &[Range<usize>],
        known: usize,
    ) -> Option<Misspelt> {
        ((known + 1).max(2)..=words.len().min(MAX_WORDS))
            .rev()
            .find_map(|count| self.closest(facts, text, &words[..count], 1))
    }

    fn closest(
        &mut self,
        facts: &FactBase,
        text: &str,
        words: &[Range<usize>],
        max_edits: usize,
    ) -> Option<Misspelt> {
        let range = words[0].start..words[words.len() - 1].end;
        let written = &text[range.clone()];
        let first = folded(written).next()?;
        let mut best: Vec<(usize, &str, EntityId)> = Vec::new();
        let Names {
            names,
            forms,
            form,
            distance: measure,
        } = self;
        // Folded only once a known name has its word count and first letter (most have none).
        form.clear();
        for (&(count, known_first, known, person), known_form) in names.iter().zip(forms) {
            if count != words.len() || known_first != first {
                continue;
            }
            if form.is_empty() {
                fold_into(written, form);
            }
            let form_letters = form.len();
            let known_form = known_form.get_or_insert_with(|| folded(known).collect());
            let letters = known_form.len();
            // A surname alone is a short word that other surnames are one edit from (Banda,
            // Banga): only a long one is compared.
            if words.len() == 1 && letters < 7 {
                continue;
            }
            let allowed = if letters >= 8 { max_edits } else { 1 };
            // Names whose lengths differ by more edits than allowed cannot be near: most
            // names are ruled out here without measuring their distance.
            if letters.abs_diff(form_letters) > allowed {
                continue;
            }
            let Some(distance) = measure.within(form, known_form, allowed) else {
                continue;
            };
            if distance == 0 {
                continue;
            }
            best.push((distance, known, person));
        }
        let nearest = best.iter().map(|b| b.0).min()?;
        // A name the fact base knows, as written or folded, is nobody's misspelling (asked
        // last: most written names are near no one).
        let form = &self.form;
        if facts
            .person_names()
            .any(|known| known.name == written || folded(known.name).eq(form.iter().copied()))
        {
            return None;
        }
        best.retain(|b| b.0 == nearest);
        // Of equally near forms, the one written most like the article's (its accents or
        // none): "Erdogen" becomes "Erdogan", not "Erdoğan".
        let &(_, known, person) = best
            .iter()
            .min_by_key(|b| strsim::damerau_levenshtein(written, b.1))?;
        let ambiguous = best.iter().any(|b| b.2 != person);
        Some(Misspelt {
            range,
            written: written.to_string(),
            person,
            known: known.to_string(),
            ambiguous,
        })
    }
}

/// The characters of `name` folded for comparison: lower case, accents dropped, "y" and "j"
/// read as "i" (Zelenskyy, Zelenskiy; Jens, Iens), so transliterations compare equal.
fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(char::to_lowercase).map(fold_letter)
}

/// [`folded`] into `out` (replacing what it held), ASCII without the Unicode lower case.
fn fold_into(name: &str, out: &mut Vec<char>) {
    out.clear();
    for c in name.chars() {
        if c.is_ascii() {
            out.push(fold_letter(c.to_ascii_lowercase()));
        } else {
            out.extend(c.to_lowercase().map(fold_letter));
        }
    }
}

/// The number of words of a name (as `split_whitespace` counts them), ASCII read as bytes.
fn word_count(name: &str) -> usize {
    if !name.is_ascii() {
        return name.split_whitespace().count();
    }
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let mut words = 0;
    let mut in_word = false;
    for &b in name.as_bytes() {
        let letter = !space(b);
        words += usize::from(letter && !in_word);
        in_word = letter;
    }
    words
}

/// One lower-case letter folded (see [`folded`]).
fn fold_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ă' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ı' | 'y' | 'ý' | 'j' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ş' | 'š' | 'ș' | 'ś' => 's',
        'ţ' | 'ț' | 'ť' => 't',
        'ğ' => 'g',
        'ñ' | 'ń' | 'ň' => 'n',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ď' => 'd',
        '’' => '\'',
        other => other,
    }
}

fn finding(
    cx: &RuleContext<FactGroup>,
    block: usize,
    found: &Misspelt,
    title: Option<&str>,
) -> Diagnostic {
    let facts = &cx.settings.facts;
    let entity = facts.entity(found.person);
    let block_ref = &cx.doc.blocks[block];
    let span = block_ref.span_of(found.range.clone());
    let context = match title {
        Some(title) => format!("{title} {} is meant", found.known),
        None => format!("the article writes {} elsewhere", found.known),
    };
    let mut diagnostic = Diagnostic::new(
        RuleId::FactName,
        span,
        format!(
            "“{}” looks like a misspelling of {}: {context}",
            found.written, found.known
        ),
    )
    .with_label(span, format!("not a name of {}", entity.name))
    .with_source(entity.provenance.source.clone());
    let mut forms: Vec<&str> = std::iter::once(entity.name.as_str())
        .chain(entity.aliases.iter().map(|alias| alias.as_str()))
        .collect();
    forms.dedup();
    let mut help = format!("the fact base writes {}", forms.join(", "));
    if found.ambiguous {
        help.push_str("; several people the fact base knows are this close, so no fix is offered");
    }
    diagnostic = diagnostic.with_help(help);
    let exact = block_ref.text().get(found.range.clone()) == Some(span.text(cx.doc.source));
    if !found.ambiguous && exact {
        diagnostic = diagnostic.with_fix(Fix::safe(
            format!("Write {}", found.known),
            vec![Edit::replace(span, found.known.clone())],
        ));
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use crate::rules::test_kit::{assert_fires, assert_silent};
    use crate::rules::RuleId;

    const RULE: RuleId = RuleId::FactName;

    #[test]
    fn quick_folding_and_word_counts_agree_with_the_general_ones() {
        for name in [
            "Recep Tayyip Erdoğan",
            "  Olaf\tScholz ",
            "İlham Əliyev",
            "Jens Stoltenberg’s",
            "",
            "A\u{0B}B\u{a0}C",
        ] {
            let mut form = Vec::new();
            super::fold_into(name, &mut form);
            assert_eq!(form, super::folded(name).collect::<Vec<_>>(), "{name}");
            assert_eq!(
                super::word_count(name),
                name.split_whitespace().count(),
                "{name}"
            );
        }
    }

    #[test]
    fn misspelt_names_after_a_title_they_held() {
        assert_fires(RULE, "Chancellor Olaf Schulz met the press.", "Olaf Schulz");
        assert_fires(
            RULE,
            "President Recep Tayyip Erdogen spoke.",
            "Recep Tayyip Erdogen",
        );
        assert_fires(
            RULE,
            "NATO Secretary General Jens Stoltenburg arrived.",
            "Jens Stoltenburg",
        );
    }

    #[test]
    fn misspelt_names_the_article_writes_correctly_elsewhere() {
        assert_fires(
            RULE,
            "Olaf Scholz arrived on Monday.\n\nLater, Olaf Schulz said little.",
            "Olaf Schulz",
        );
    }

    #[test]
    fn known_names_variants_and_transliterations() {
        assert_silent(RULE, "Chancellor Olaf Scholz met the press.");
        assert_silent(RULE, "President Recep Tayyip Erdogan spoke.");
        assert_silent(RULE, "President Volodymyr Zelensky spoke.");
        assert_silent(RULE, "President Volodymyr Zelenskiy spoke.");
        assert_silent(RULE, "President Volodymyr Zelenskyi spoke.");
    }

    #[test]
    fn other_people_with_similar_names() {
        // No title, and the article never names the known person.
        assert_silent(RULE, "Olaf Schulz, a baker, opened a shop.");
        // A title the known person never held.
        assert_silent(RULE, "Foreign Minister Olaf Schulz spoke.");
        // Too far from any known name.
        assert_silent(RULE, "Chancellor Olga Schmidt spoke.");
        // A short surname alone: other surnames are one edit away.
        assert_silent(RULE, "Chancellor Scholt spoke.");
        // A title the person held long after the article's date.
        assert_silent(
            RULE,
            "---\ndate: 2012-05-01\n---\nChancellor Olaf Schulz spoke.",
        );
        // Quoted material keeps its source's spelling.
        assert_silent(RULE, "Olaf Scholz came.\n\n> Chancellor Olaf Schulz spoke.");
        // Without a title, two edits away is someone else (or another language's form).
        assert_silent(RULE, "Olaf Scholz came.\n\nLater, Olof Schulz spoke.");
    }
}
