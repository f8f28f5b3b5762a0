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

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Months, NaiveDate};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::{RuleContext, RuleId};
use crate::claims::mention::Mention;
use crate::claims::FactGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::facts::{letter_bit, EntityId, EntityKind, FactBase, Letters, NameTarget};
use crate::text::edit::EditDistance;
use crate::text::fold::{first_folded, fold_into, folded, word_count};
use crate::text::{is_letter, is_letter_or_digit};

/// At most this many words in a person's name.
const MAX_WORDS: usize = 4;

/// The capitalised words of a name (at most [`MAX_WORDS`]), kept on the stack.
type Words = SmallVec<[Range<usize>; MAX_WORDS]>;

pub fn check(cx: &RuleContext<FactGroup>, out: &mut Vec<Diagnostic>) {
    let facts = &cx.settings.facts;
    if facts.is_empty() {
        return;
    }
    let known = KnownNames::of(cx.claims.mentions);
    let window = window(cx.article.judgement_dates());
    // Each title with the capitalised words after it (a title with none is passed over), and
    // the titles some unknown name follows, each once: their holders are compared with it.
    let mut titled: Vec<TitledName> = Vec::new();
    let mut needed: Vec<usize> = Vec::new();
    let mut needed_at: FxHashMap<usize, usize> = FxHashMap::default();
    // The first letters (folded) of those names: only holders' names starting with one of
    // them can be near.
    let mut letters: Vec<char> = Vec::new();
    for title in cx.claims.titles {
        let text = cx.doc.blocks[title.block].text();
        let words = name_words(text, title.found.end);
        if words.is_empty() {
            continue;
        }
        let known_words = known.covered(title.block, &words);
        let mut needs = usize::MAX;
        if known_words < words.len() {
            let pattern = title.found.pattern;
            needs = *needed_at.entry(pattern).or_insert_with(|| {
                needed.push(pattern);
                needed.len() - 1
            });
            if let Some(letter) = first_folded(&text[words[0].clone()]) {
                if !letters.contains(&letter) {
                    letters.push(letter);
                }
            }
        }
        titled.push(TitledName {
            block: title.block,
            title: title.found.start..title.found.end,
            words,
            known_words,
            needs,
        });
    }
    // The holders of the offices of those titles: the titles in lists of up to 64 (nearly
    // always one), each list's holders found in one pass over the terms.
    let mut holders_of: Vec<Names> = needed
        .chunks(TITLES_AT_ONCE)
        .map(|chunk| Names::of(facts, &holders(facts, chunk, window), Some(&letters)))
        .collect();
    let named = named_people(cx, facts);
    let mut named_names = None;
    let mut reported = HashSet::new();
    let mut titled = titled.iter().peekable();
    let mut titled_starts: Vec<usize> = Vec::new();
    for (index, block) in cx.doc.blocks.iter().enumerate() {
        // A block quotation gives its source's words as they were written (it has no titles).
        if block.quote_depth > 0 {
            continue;
        }
        let text = block.text();
        // After a title: the person must have held one of its offices. A name after a title
        // the person never held is someone else's, wherever else the person is named.
        titled_starts.clear();
        while let Some(name) = titled.next_if(|name| name.block == index) {
            titled_starts.push(name.words[0].start);
            if name.known_words == name.words.len() {
                continue;
            }
            let holders = &mut holders_of[name.needs / TITLES_AT_ONCE];
            let title_bit = 1 << (name.needs % TITLES_AT_ONCE);
            if let Some(found) =
                holders.misspelt(facts, text, &name.words, name.known_words, title_bit)
            {
                if reported.insert((index, found.range.start)) {
                    out.push(finding(cx, index, &found, Some(&text[name.title.clone()])));
                }
            }
        }
        // Anywhere: a multi-word name of a person the article names correctly elsewhere.
        if named.is_empty() {
            continue;
        }
        for start in word_starts(text) {
            if titled_starts.contains(&start) {
                continue;
            }
            let words = name_words(text, start);
            if words.len() < 2 {
                continue;
            }
            let known_words = known.covered(index, &words);
            if known_words == words.len() {
                continue;
            }
            let names = named_names.get_or_insert_with(|| Names::of(facts, &named, None));
            if let Some(found) = names.misspelt_multiword(facts, text, &words, known_words) {
                if reported.insert((index, found.range.start)) {
                    out.push(finding(cx, index, &found, None));
                }
            }
        }
    }
}

/// A title and the capitalised words after it.
struct TitledName {
    block: usize,
    /// The title's range of the block's text.
    title: Range<usize>,
    words: Words,
    /// How many of the words a known name covers.
    known_words: usize,
    /// The title's place among the titles whose holders are compared (`usize::MAX` when the
    /// words are all a known name's).
    needs: usize,
}

/// Where known names start and end, by block. A known name covers the words it spans, not
/// a longer name it begins: "Abhisit" is known, but "Abhisit Vejjajiav" misspells "Abhisit
/// Vejjajiva".
struct KnownNames {
    /// (block, start, the furthest end of a known name starting there), sorted.
    starts: Vec<(usize, usize, usize)>,
}

impl KnownNames {
    fn of(mentions: &[Mention]) -> KnownNames {
        // Mentions come in reading order: by block, then by start.
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
        for mention in mentions {
            if mention.targets().is_empty() {
                continue;
            }
            let (block, start, end) = (mention.block, mention.range.start, mention.range.end);
            match starts.last_mut() {
                Some(last) if (last.0, last.1) == (block, start) => last.2 = last.2.max(end),
                _ => starts.push((block, start, end)),
            }
        }
        debug_assert!(starts.is_sorted());
        KnownNames { starts }
    }

    /// How many of `words` a known name starting at the first one reaches into (a possessive
    /// "Scholz's" is the known "Scholz"): only longer candidates are compared.
    fn covered(&self, block: usize, words: &[Range<usize>]) -> usize {
        let Some(first) = words.first() else {
            return 0;
        };
        match self
            .starts
            .binary_search_by(|&(b, start, _)| (b, start).cmp(&(block, first.start)))
        {
            Ok(at) => {
                let end = self.starts[at].2;
                words.iter().filter(|w| w.start < end).count()
            }
            Err(_) => 0,
        }
    }
}

/// People the article names by a name the fact base knows, each with every title bit (any
/// of them is compared), by id.
fn named_people(cx: &RuleContext<FactGroup>, facts: &FactBase) -> Vec<(EntityId, Titles)> {
    let mut people: Vec<(EntityId, Titles)> = cx
        .claims
        .mentions
        .iter()
        .flat_map(|m| m.targets())
        .filter_map(|target| match *target {
            NameTarget::Entity { entity, .. }
                if facts.entity(entity).kind == EntityKind::Person =>
            {
                Some((entity, Titles::MAX))
            }
            _ => None,
        })
        .collect();
    people.sort_unstable();
    people.dedup();
    people
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

/// Title patterns whose holders are found together (one bit each in a [`Titles`] mask).
const TITLES_AT_ONCE: usize = Titles::BITS as usize;

/// The titles (bit `i`: the `i`-th of a list of title patterns) a person held an office of.
type Titles = u64;

/// Everyone who held any office of one of `titles` (title patterns) within `window` (at any
/// time without one), by id, with the titles they held: "President Banda" in 2012 is not a
/// misspelt World Bank president of 2023.
fn holders(
    facts: &FactBase,
    titles: &[usize],
    window: Option<(NaiveDate, NaiveDate)>,
) -> Vec<(EntityId, Titles)> {
    // One pass over the terms for all the titles (a title such as "President" names a
    // hundred offices), each term's office looked up by index.
    let mut of_office: Vec<Titles> = vec![0; facts.offices.len()];
    for (bit, &title) in titles.iter().enumerate() {
        for &office in facts.names().offices(title) {
            of_office[office] |= 1 << bit;
        }
    }
    let mut held: Vec<Titles> = vec![0; facts.entities.len()];
    for term in &facts.terms {
        let titles = of_office[term.office];
        if titles == 0 {
            continue;
        }
        let in_window = window.is_none_or(|(from, until)| {
            term.valid.from.is_none_or(|start| start <= until)
                && term.valid.until.is_none_or(|end| end >= from)
        });
        if in_window {
            held[term.holder] |= titles;
        }
    }
    held.iter()
        .enumerate()
        .filter(|&(_, &titles)| titles != 0)
        .map(|(person, &titles)| (person, titles))
        .collect()
}

/// Up to [`MAX_WORDS`] capitalised words from `at` (after spaces), each separated by one
/// space: "Olaf Schulz", "Recep Tayyip Erdogen".
fn name_words(text: &str, at: usize) -> Words {
    let mut words = Words::new();
    let bytes = text.as_bytes();
    let mut pos = at;
    while bytes.get(pos) == Some(&b' ') {
        pos += 1;
    }
    while words.len() < MAX_WORDS {
        let Some(first) = text[pos..].chars().next() else {
            break;
        };
        let upper = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            first.is_uppercase()
        };
        let word = word_len(&text[pos..]);
        if word < 2 || !upper {
            break;
        }
        words.push(pos..pos + word);
        pos += word;
        if bytes.get(pos) != Some(&b' ') {
            break;
        }
        pos += 1;
    }
    words
}

/// The length in bytes of the word `text` starts with: letters, hyphens and apostrophes.
fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(len) {
        if b.is_ascii() {
            if !(b.is_ascii_alphabetic() || b == b'-' || b == b'\'') {
                break;
            }
            len += 1;
        } else {
            let c = text[len..].chars().next().expect("a character starts here");
            if !(is_letter(c) || c == '’') {
                break;
            }
            len += c.len_utf8();
        }
    }
    len
}

/// Where each word of the text starts.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .filter(move |&(at, c)| {
            let upper = if c.is_ascii() {
                c.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            upper
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(is_letter_or_digit)
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

/// A known name: its word count, its first letter folded, the name, its person, and the
/// titles the person held (see [`holders`]).
type KnownName<'f> = (usize, char, &'f str, EntityId, Titles);

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
    /// The names of `people` (by id, with the titles each held), only those whose first
    /// letter (folded) is one of `letters` when given.
    fn of(
        facts: &'f FactBase,
        people: &[(EntityId, Titles)],
        letters: Option<&[char]>,
    ) -> Names<'f> {
        debug_assert!(people.is_sorted());
        let is_person = |person: EntityId| facts.entity(person).kind == EntityKind::Person;
        let titles_of = |person: EntityId| {
            people
                .binary_search_by_key(&person, |&(id, _)| id)
                .ok()
                .map(|at| people[at].1)
        };
        // A name is kept when its first letter is one of `letters` and it has at most
        // `MAX_WORDS` words.
        let known_name = move |name: &'f str, person: EntityId, titles: Titles| {
            let first = first_folded(name)?;
            if letters.is_some_and(|letters| !letters.contains(&first)) {
                return None;
            }
            let words = word_count(name);
            (1..=MAX_WORDS)
                .contains(&words)
                .then_some((words, first, name, person, titles))
        };
        // The fact base keeps the first letter and word count of most names: those rule most
        // names out without reading them.
        let wanted: Letters = letters.map_or(Letters::MAX, |letters| {
            letters
                .iter()
                .fold(0, |set, &first| set | letter_bit(first))
        });
        let own = people
            .iter()
            .copied()
            .filter(|&(person, _)| is_person(person))
            .flat_map(move |(person, titles)| {
                let entity = facts.entity(person);
                let shapes = facts.name_shapes(person);
                std::iter::once(&entity.name)
                    .chain(&entity.aliases)
                    .enumerate()
                    .filter_map(move |(nth, name)| {
                        let Some(first) = shapes.first(nth) else {
                            return known_name(name.as_str(), person, titles);
                        };
                        let first = first?;
                        if first.bit & wanted == 0 {
                            return None;
                        }
                        let first = match first.ascii {
                            Some(first) => first,
                            None => first_folded(name)?,
                        };
                        if letters.is_some_and(|letters| !letters.contains(&first)) {
                            return None;
                        }
                        let words = shapes.words(nth, name);
                        (1..=MAX_WORDS).contains(&words).then_some((
                            words,
                            first,
                            name.as_str(),
                            person,
                            titles,
                        ))
                    })
            });
        let rows = facts.aliases.iter().filter_map(|alias| {
            let titles = titles_of(alias.entity)?;
            if !is_person(alias.entity) {
                return None;
            }
            known_name(alias.name.as_str(), alias.entity, titles)
        });
        let names: Vec<KnownName> = own.chain(rows).collect();
        Names {
            forms: vec![None; names.len()],
            names,
            form: Vec::new(),
            distance: EditDistance::default(),
        }
    }

    /// The person a name right after a title misspells, among those who held `title` (a
    /// bit of [`Titles`]); only names longer than the first `known` words (a known name) are
    /// compared.
    fn misspelt(
        &mut self,
        facts: &FactBase,
        text: &str,
        words: &[Range<usize>],
        known: usize,
        title: Titles,
    ) -> Option<Misspelt> {
        // Longest first: "Recep Tayyip Erdogen" before "Recep Tayyip".
        (known + 1..=words.len().min(MAX_WORDS))
            .rev()
            .find_map(|count| self.closest(facts, text, &words[..count], 2, title))
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
            .find_map(|count| self.closest(facts, text, &words[..count], 1, Titles::MAX))
    }

    fn closest(
        &mut self,
        facts: &FactBase,
        text: &str,
        words: &[Range<usize>],
        max_edits: usize,
        titles: Titles,
    ) -> Option<Misspelt> {
        let range = words[0].start..words[words.len() - 1].end;
        let written = &text[range.clone()];
        let first = first_folded(written)?;
        let mut best: Vec<(usize, &str, EntityId)> = Vec::new();
        let Names {
            names,
            forms,
            form,
            distance: measure,
        } = self;
        // Folded only once a known name has its word count and first letter (most have none).
        form.clear();
        for (&(count, known_first, known, person, held), known_form) in names.iter().zip(forms) {
            if held & titles == 0 || count != words.len() || known_first != first {
                continue;
            }
            if form.is_empty() {
                fold_into(written, form);
            }
            let form_letters = form.len();
            let known_form = known_form.get_or_insert_with(|| {
                let mut known_form = Vec::with_capacity(known.len());
                fold_into(known, &mut known_form);
                known_form.into_boxed_slice()
            });
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
        // An ASCII name folds letter for letter: one of another length is not compared.
        let is_written = |known: &str| {
            known == written
                || (!(known.is_ascii() && known.len() != form.len())
                    && folded(known).eq(form.iter().copied()))
        };
        if facts.person_names().any(|known| is_written(known.name)) {
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
