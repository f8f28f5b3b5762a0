//! `name-consistency` (FL502): one title or one person's surname written two ways.
//!
//! Titles: mentions of one title for one organisation are grouped, and a form in the minority
//! is flagged ("Secretary-General" against two "Secretary General"); a tie goes to the
//! organisation's own form when it is known. Surnames: two capitalised words one or two edits
//! apart, with evidence that they name one person (the same first name, or one stray spelling
//! against a name written in full at least twice).
//!
//! Quoted material is never flagged. A quoted title is not counted either (its form is the
//! quoted author's style), but a quoted name is evidence of how the person spells it.

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::{RuleContext, RuleId};
use crate::claims::name::{Quoted, TitleMention};
use crate::claims::QuoteGroup;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::span::Span;
use crate::style::titles::{Joints, Title, TitleTable};
use crate::text::edit::EditDistance;

/// At most this many majority mentions are pointed at as evidence.
const MAX_LABELS: usize = 3;
/// Surnames shorter than this are too likely to be different names one letter apart, unless
/// the same first name, the headline or the fact base ties them ("Pedro San", "Pedro Sans").
const MIN_SURNAME_CHARS: usize = 6;
/// No name word shorter than this is compared at all.
const MIN_NAME_CHARS: usize = 3;
/// A name written this often, against one stray spelling, needs no first name as evidence
/// ("Tugeza" eleven times, "Togeza" once): from `REPEATED_INFO` times it is reported at info
/// level, from `REPEATED_WARNING` as a warning.
const REPEATED_INFO: usize = 3;
const REPEATED_WARNING: usize = 5;
/// From this length, two edits still mean "the same name misspelt".
const TWO_EDITS_FROM_CHARS: usize = 8;
/// Bounds on the surname comparison, which compares each distinct word only with words of
/// the same first letter and similar length.
const MAX_DISTINCT_NAMES: usize = 4096;
const MAX_BUCKET: usize = 256;

pub fn check(cx: &RuleContext<QuoteGroup>, out: &mut Vec<Diagnostic>) {
    let quoted = Quoted::new(cx.claims.quotes);
    check_titles(cx, &quoted, out);
    check_surnames(cx, &quoted, out);
}

// ---- Titles ---------------------------------------------------------------------------------

fn check_titles(cx: &RuleContext<QuoteGroup>, quoted: &Quoted, out: &mut Vec<Diagnostic>) {
    let table = &cx.settings.style.titles;
    let mentions = &cx.claims.names.titles;
    // Organisations each title is explicitly tied to in this article.
    let mut organisations: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for mention in mentions {
        if let Some(organisation) = mention.organisation {
            let known = organisations.entry(mention.title).or_default();
            if !known.contains(&organisation) {
                known.push(organisation);
            }
        }
    }
    // Group by title and organisation. A mention naming no organisation belongs to the only
    // one the article ties the title to; with several, it cannot be placed and is left out.
    let mut groups: FxHashMap<(usize, Option<usize>), Vec<&TitleMention>> = FxHashMap::default();
    for mention in mentions {
        if quoted.contains(&cx.doc.blocks[mention.block], mention.span) {
            continue;
        }
        let organisation = match (mention.organisation, organisations.get(&mention.title)) {
            (Some(organisation), _) => Some(organisation),
            (None, None) => None,
            (None, Some(known)) if known.len() == 1 => Some(known[0]),
            (None, Some(_)) => continue,
        };
        groups
            .entry((mention.title, organisation))
            .or_default()
            .push(mention);
    }
    let mut groups: Vec<_> = groups.into_iter().collect();
    groups.sort_by_key(|(_, group)| group[0].span.start);
    for ((title, organisation), group) in groups {
        check_title_group(cx, table, &table.titles[title], organisation, &group, out);
    }
}

fn check_title_group(
    cx: &RuleContext<QuoteGroup>,
    table: &TitleTable,
    title: &Title,
    organisation: Option<usize>,
    group: &[&TitleMention],
    out: &mut Vec<Diagnostic>,
) {
    let mut counts: Vec<(Joints, usize)> = Vec::new();
    for mention in group {
        match counts
            .iter_mut()
            .find(|(joints, _)| *joints == mention.joints)
        {
            Some((_, count)) => *count += 1,
            None => counts.push((mention.joints, 1)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    let canonical = organisation.and_then(|org| title.canonical_for(org));
    let most = counts.iter().map(|(_, count)| *count).max().unwrap_or(0);
    let leaders: Vec<Joints> = counts
        .iter()
        .filter(|(_, count)| *count == most)
        .map(|(joints, _)| *joints)
        .collect();
    let owner = organisation.map(|org| table.organisations[org].name.as_str());
    // The headline's form, when every headline mention agrees and the organisation's own
    // form does not say otherwise: it wins over a count of the body's mentions.
    let mut in_headlines = group
        .iter()
        .filter(|mention| cx.doc.blocks[mention.block].is_heading())
        .map(|mention| mention.joints);
    let headline = in_headlines.next().filter(|first| {
        in_headlines.all(|other| other == *first) && canonical.is_none_or(|own| own == *first)
    });
    let majority = if let Some(headline) = headline {
        headline
    } else if leaders.len() == 1 {
        leaders[0]
    } else if let Some(own) = canonical.filter(|own| leaders.contains(own)) {
        own
    } else if let Some(preferred) = title.preferred.filter(|p| leaders.contains(p)) {
        preferred
    } else {
        return;
    };
    let majority_form = title.render(majority);
    // "\"Secretary General\" twice, \"Secretary-General\" once": the majority first.
    counts.sort_by_key(|(joints, count)| (std::cmp::Reverse(*count), *joints != majority));
    let tally = counts
        .iter()
        .map(|(joints, count)| format!("\"{}\" {}", title.render(*joints), times(*count)))
        .collect::<Vec<_>>()
        .join(", ");
    let majority_spans: Vec<Span> = group
        .iter()
        .filter(|mention| mention.joints == majority)
        .take(MAX_LABELS)
        .map(|mention| mention.span)
        .collect();
    // The organisation writes its own title otherwise: the majority is no safe guide.
    let against_owner = canonical.is_some_and(|own| own != majority);
    for mention in group.iter().filter(|mention| mention.joints != majority) {
        let written = &cx.doc.blocks[mention.block].text()[mention.range.clone()];
        let mut help = format!("this article writes {tally}");
        if headline.is_some() {
            help.push_str(&format!("; the headline writes \"{majority_form}\""));
        }
        if let (Some(owner), Some(own)) = (owner, canonical) {
            help.push_str(&format!("; {owner} writes \"{}\"", title.render(own)));
        }
        let mut diagnostic = Diagnostic::new(
            RuleId::NameConsistency,
            mention.span,
            if headline.is_some() {
                format!("\"{written}\" is written \"{majority_form}\" in the headline")
            } else {
                format!("\"{written}\" is written \"{majority_form}\" elsewhere in this article")
            },
        )
        .with_help(help);
        if against_owner {
            diagnostic = diagnostic.with_severity(Severity::Info);
        }
        for span in &majority_spans {
            diagnostic = diagnostic.with_label(*span, format!("\"{majority_form}\" here"));
        }
        if mention.span.text(cx.doc.source) == written {
            let replacement = rejoin(written, majority);
            // Unsafe: the article's majority may itself depart from the organisation's form.
            diagnostic = diagnostic.with_fix(Fix::unsafe_edit(
                format!("Write \"{replacement}\""),
                vec![Edit::replace(mention.span, replacement)],
            ));
        }
        out.push(diagnostic);
    }
}

/// The title as written, with its gaps re-joined: "Secretary-General" → "Secretary General".
fn rejoin(written: &str, joints: Joints) -> String {
    let mut text = String::with_capacity(written.len());
    let mut gap = 0;
    let mut in_gap = false;
    for c in written.chars() {
        if c.is_alphabetic() {
            if in_gap {
                text.push(if joints.hyphen_at(gap) { '-' } else { ' ' });
                gap += 1;
                in_gap = false;
            }
            text.push(c);
        } else {
            in_gap = true;
        }
    }
    text
}

/// "once", "twice", "3 times".
fn times(count: usize) -> String {
    match count {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        _ => format!("{count} times"),
    }
}

// ---- Surnames -------------------------------------------------------------------------------

/// One spelling of a name: how often it is written, and where first. Every use is found
/// again only for a stray spelling, which is reported at each: a long article writes a
/// common name hundreds of thousands of times.
#[derive(Default)]
struct Spelling<'a> {
    count: usize,
    /// Its first uses, by index into the name words.
    first_uses: SmallVec<[u32; MAX_LABELS]>,
    /// First names seen right before it.
    given: Vec<&'a str>,
    /// Written in a headline.
    in_headline: bool,
}

/// Why two spellings are taken for one name, and which one is right.
#[derive(Clone, Debug)]
enum Evidence<'a> {
    SameFirstName(&'a str),
    StraySpelling,
    /// No first name, but one spelling written many times and the other once.
    Repeated,
    /// The usual spelling is the one the headline uses.
    Headline,
    /// The usual spelling is the fact base's, for this entity (its name); `person` when the
    /// entity is a person (a place or organisation alone is weaker evidence: "Tainan" is no
    /// misspelling of "Taiwan").
    FactBase {
        entity: String,
        person: bool,
    },
    /// Both are spellings the fact base lists for this entity: correct, but mixed.
    TwoKnownForms(String),
}

impl Evidence<'_> {
    /// Unsure enough to be only information.
    fn is_weak(&self, usual: &Spelling) -> bool {
        match self {
            Evidence::Repeated => usual.count < REPEATED_WARNING,
            Evidence::FactBase { person, .. } => !person,
            _ => false,
        }
    }
}

/// What the fact base says about the article's name words, from the mentions it found.
#[derive(Default)]
struct KnownWords {
    /// Lower-case words of names the fact base knows, with the entities they name.
    entities: FxHashMap<String, SmallVec<[usize; 2]>>,
    /// Lower-case adjectives and demonyms ("brazilian"): never a misspelling of a name.
    adjectives: rustc_hash::FxHashSet<String>,
}

impl KnownWords {
    /// Found with the fact base's name automata over the article's blocks that contain one
    /// of `keys` (the spellings to judge: no other word is asked about), in any case. Asked
    /// only when two similar spellings need judging: most articles have none.
    fn new(cx: &RuleContext<QuoteGroup>, keys: &[&str]) -> KnownWords {
        use crate::facts::{NameForm, NameGroup, NameTarget};
        let mut known = KnownWords::default();
        let index = cx.settings.facts.names();
        let keys: Vec<String> = keys.iter().map(|key| loose_lowercase(key)).collect();
        // Each key's searcher is made once, not once per block.
        let finders: Vec<memchr::memmem::Finder> = keys
            .iter()
            .map(|key| memchr::memmem::Finder::new(key.as_bytes()))
            .collect();
        // One buffer for every block's lower case: most blocks hold no key.
        let mut lower = String::new();
        for block in &cx.doc.blocks {
            let text = block.text();
            loose_lowercase_into(text, &mut lower);
            if !finders
                .iter()
                .any(|finder| finder.find(lower.as_bytes()).is_some())
            {
                continue;
            }
            for group in [NameGroup::Core, NameGroup::Countries, NameGroup::Cities] {
                for found in index.find(group, text) {
                    let name = &text[found.start..found.end];
                    for target in index.targets(group, found.pattern) {
                        let NameTarget::Entity {
                            entity,
                            form,
                            ambiguous: false,
                            ..
                        } = *target
                        else {
                            continue;
                        };
                        known.add(name, entity, form == NameForm::Adjective);
                    }
                }
            }
        }
        known
    }

    fn add(&mut self, name: &str, entity: usize, adjective: bool) {
        for word in name.split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() < MIN_NAME_CHARS {
                continue;
            }
            let lower = word.to_lowercase();
            if adjective {
                self.adjectives.insert(lower);
            } else {
                let entities = self.entities.entry(lower).or_default();
                if !entities.contains(&entity) {
                    entities.push(entity);
                }
            }
        }
    }

    fn entities(&self, key: &str) -> &[usize] {
        self.entities.get(key).map_or(&[], |e| e.as_slice())
    }
}

/// `text` lower-cased letter by letter, a final sigma read as any sigma: wherever a word is
/// written in `text`, its lower case (`str::to_lowercase`) read the same way is found in it.
fn loose_lowercase(text: &str) -> String {
    let mut lower = String::new();
    loose_lowercase_into(text, &mut lower);
    lower
}

/// [`loose_lowercase`] into `lower` (replacing what it held).
fn loose_lowercase_into(text: &str, lower: &mut String) {
    lower.clear();
    if text.is_ascii() {
        lower.push_str(text);
        lower.make_ascii_lowercase();
        return;
    }
    lower.extend(
        text.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == 'ς' { 'σ' } else { c }),
    );
}

/// An adjective or demonym beside a name ("Brazilian", "Brasilia"): a different word.
fn is_adjective_pair(known: &KnownWords, a: &str, b: &str) -> bool {
    const SUFFIXES: &[&str] = &["ian", "ean", "ese", "ish", "an", "ans", "ians"];
    let ends = |word: &str| SUFFIXES.iter().any(|suffix| word.ends_with(suffix));
    known.adjectives.contains(a) || known.adjectives.contains(b) || ends(a) != ends(b)
}

/// The spelling a name word is grouped under (its lower case), if it is long enough to be
/// compared.
fn spelling_key<R>(text: &str, f: impl FnOnce(&str) -> Option<R>) -> Option<R> {
    if text.chars().count() < MIN_NAME_CHARS {
        return None;
    }
    crate::text::with_lowercase(text, f)
}

fn check_surnames(cx: &RuleContext<QuoteGroup>, quoted: &Quoted, out: &mut Vec<Diagnostic>) {
    let mut spellings: FxHashMap<String, Spelling> = FxHashMap::default();
    let names = &cx.claims.names;
    for (at, word) in names.words.iter().enumerate() {
        // Lowered on the stack: a copy is made only for a spelling not seen before.
        let spelling = spelling_key(names.text(word), |key| {
            if !spellings.contains_key(key) {
                if spellings.len() >= MAX_DISTINCT_NAMES {
                    return None;
                }
                spellings.insert(key.to_string(), Spelling::default());
            }
            spellings.get_mut(key)
        });
        let Some(spelling) = spelling else {
            continue;
        };
        spelling.count += 1;
        spelling.in_headline |= cx.doc.blocks[word.block as usize].is_heading();
        if spelling.first_uses.len() < MAX_LABELS {
            spelling
                .first_uses
                .push(u32::try_from(at).unwrap_or(u32::MAX));
        }
        if let Some(given) = names.given(word) {
            if !spelling.given.contains(&given) {
                spelling.given.push(given);
            }
        }
    }
    let mut keys: Vec<&String> = spellings.keys().collect();
    keys.sort();
    // Bucket by first letter and length: a misspelling one or two edits away shares the
    // first letter (nearly always) and differs in length by at most two.
    let mut buckets: FxHashMap<(char, usize), Vec<&str>> = FxHashMap::default();
    for key in &keys {
        let bucket = buckets.entry(bucket_of(key)).or_default();
        if bucket.len() < MAX_BUCKET {
            bucket.push(key);
        }
    }
    // The pairs of similar spellings, in order.
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut distance = EditDistance::default();
    let (mut key_chars, mut other_chars) = (Vec::new(), Vec::new());
    for key in &keys {
        key_chars.clear();
        key_chars.extend(key.chars());
        let (first, length) = bucket_of(key);
        for other_length in length..=length + 2 {
            for other in buckets.get(&(first, other_length)).into_iter().flatten() {
                if other_length == length && *other <= key.as_str() {
                    continue;
                }
                other_chars.clear();
                other_chars.extend(other.chars());
                // As `close(key, other, 2)`.
                if distance
                    .within(&key_chars, &other_chars, 2)
                    .is_some_and(|edits| edits >= 1)
                {
                    pairs.push((key, other));
                }
            }
        }
    }
    let mut paired: Vec<&str> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    paired.sort_unstable();
    paired.dedup();
    let known = if pairs.is_empty() {
        KnownWords::default()
    } else {
        KnownWords::new(cx, &paired)
    };
    // Each stray spelling is reported once, against the most used similar spelling.
    let mut strays: FxHashMap<&str, (&str, Evidence)> = FxHashMap::default();
    for (key, other) in pairs {
        let a = (key, &spellings[key]);
        let b = (other, &spellings[other]);
        let Some((stray, usual, evidence)) = judge_pair(cx, &known, a, b) else {
            continue;
        };
        let better = strays
            .get(stray.0)
            .is_none_or(|(known, _)| spellings[*known].count < usual.1.count);
        if better {
            strays.insert(stray.0, (usual.0, evidence));
        }
    }
    let mut strays: Vec<_> = strays.into_iter().collect();
    let first_start = |stray: &str| names.words[spellings[stray].first_uses[0] as usize].span();
    strays.sort_by_key(|(stray, _)| first_start(stray).start);
    let mut stray_uses: FxHashMap<&str, Vec<u32>> = strays
        .iter()
        .map(|(stray, _)| (*stray, Vec::new()))
        .collect();
    if !stray_uses.is_empty() {
        for (at, word) in names.words.iter().enumerate() {
            if let Some(uses) = spelling_key(names.text(word), |key| stray_uses.get_mut(key)) {
                uses.push(u32::try_from(at).unwrap_or(u32::MAX));
            }
        }
    }
    for (stray, (usual, evidence)) in strays {
        let stray = Stray {
            spelling: &spellings[stray],
            uses: &stray_uses[stray],
        };
        report_surname(cx, quoted, stray, &spellings[usual], &evidence, out);
    }
}

type Side<'k, 's, 'a> = (&'k str, &'s Spelling<'a>);

/// Whether two similar spellings are one name written two ways, and which is the stray one:
/// the fact base's form wins, then the headline's, then the one written more often.
fn judge_pair<'k, 's, 'a>(
    cx: &RuleContext<QuoteGroup>,
    known: &KnownWords,
    a: Side<'k, 's, 'a>,
    b: Side<'k, 's, 'a>,
) -> Option<(Side<'k, 's, 'a>, Side<'k, 's, 'a>, Evidence<'a>)> {
    if is_adjective_pair(known, a.0, b.0) {
        return None;
    }
    let (known_a, known_b) = (known.entities(a.0), known.entities(b.0));
    let entity_name = |id: usize| cx.settings.facts.entity(id).name.clone();
    // By count, then by the headline, then by first use: (stray, usual).
    let by_count = || {
        let first = |side: Side| side.1.first_uses[0];
        match a.1.count.cmp(&b.1.count) {
            std::cmp::Ordering::Less => (a, b),
            std::cmp::Ordering::Greater => (b, a),
            std::cmp::Ordering::Equal if b.1.in_headline && !a.1.in_headline => (a, b),
            std::cmp::Ordering::Equal if a.1.in_headline && !b.1.in_headline => (b, a),
            std::cmp::Ordering::Equal if first(a) < first(b) => (b, a),
            std::cmp::Ordering::Equal => (a, b),
        }
    };
    if !known_a.is_empty() && !known_b.is_empty() {
        // Two names the fact base knows: one entity's two spellings ("Zelenskiy",
        // "Zelensky"), or two real people or places, left alone.
        // Two words of one written form are two parts of one name ("Luiz Inácio Lula da
        // Silva"), not two spellings of one.
        let shared = known_a.iter().find(|&&id| {
            known_b.contains(&id) && !one_form_holds_both(&cx.settings.facts, id, a.0, b.0)
        })?;
        if !close(a.0, b.0, 2) {
            return None;
        }
        let (stray, usual) = by_count();
        return Some((
            stray,
            usual,
            Evidence::TwoKnownForms(entity_name(*shared).to_string()),
        ));
    }
    let shorter = a.0.chars().count().min(b.0.chars().count());
    let strict = shorter >= MIN_SURNAME_CHARS && similar(a.0, b.0);
    // A short surname one letter from another after the same first name ("Pedro San",
    // "Pedro Sans"); a longer one must differ by more than an ending ("Muslim", "Muslims").
    let short = shorter < MIN_SURNAME_CHARS;
    if !known_a.is_empty() || !known_b.is_empty() {
        let (stray, usual, entities) = if known_a.is_empty() {
            (a, b, known_b)
        } else {
            (b, a, known_a)
        };
        // A stray after another first name is someone else ("Erna Stoltenburg").
        let other_person = !stray.1.given.is_empty()
            && !stray
                .1
                .given
                .iter()
                .any(|name| usual.1.given.contains(name));
        if !strict || other_person {
            return None;
        }
        let entity = cx.settings.facts.entity(entities[0]);
        let person = entity.kind == crate::facts::EntityKind::Person;
        return Some((
            stray,
            usual,
            Evidence::FactBase {
                entity: entity.name.to_string(),
                person,
            },
        ));
    }
    if a.1.in_headline != b.1.in_headline {
        let (stray, usual) = if a.1.in_headline { (b, a) } else { (a, b) };
        // Headlines often give the surname alone: a first name on one side is enough, but
        // two different first names are two people.
        let same_first = stray
            .1
            .given
            .iter()
            .any(|name| usual.1.given.contains(name));
        let one_bare = stray.1.given.is_empty() || usual.1.given.is_empty();
        let similar_enough = strict || same_first && short && close(a.0, b.0, 1);
        return ((same_first || one_bare) && similar_enough).then_some((
            stray,
            usual,
            Evidence::Headline,
        ));
    }
    let (stray, usual) = by_count();
    if stray.1.count == usual.1.count {
        return None;
    }
    let evidence = same_person(stray.1, usual.1)?;
    let short_but_same_person =
        short && matches!(evidence, Evidence::SameFirstName(_)) && close(a.0, b.0, 1);
    (strict || short_but_same_person).then_some((stray, usual, evidence))
}

/// Whether one of the entity's names or aliases holds both lower-case words.
fn one_form_holds_both(facts: &crate::facts::FactBase, entity: usize, a: &str, b: &str) -> bool {
    let holds = |form: &str| {
        let words: Vec<String> = form
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .collect();
        words.iter().any(|word| word == a) && words.iter().any(|word| word == b)
    };
    holds(&facts.entity(entity).name)
        || facts
            .aliases
            .iter()
            .filter(|alias| alias.entity == entity)
            .any(|alias| holds(&alias.name))
}

/// At most `edits` edits apart (and not the same).
fn close(a: &str, b: &str, edits: usize) -> bool {
    (1..=edits).contains(&strsim::damerau_levenshtein(a, b))
}

fn bucket_of(key: &str) -> (char, usize) {
    (key.chars().next().unwrap_or(' '), key.chars().count())
}

/// One or two edits apart (two only for long names), and not merely a different ending
/// ("Romania"/"Romanian", "Minister"/"Ministry", "Ivanov"/"Ivanova").
fn similar(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    let common_prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if common_prefix + 2 >= shorter {
        return false;
    }
    let limit = if shorter >= TWO_EDITS_FROM_CHARS {
        2
    } else {
        1
    };
    let distance = strsim::damerau_levenshtein(a, b);
    (1..=limit).contains(&distance)
}

/// Whether two spellings name one person: both follow the same first name, or the stray one
/// is used once (not after another first name) against a name written in full and used at
/// least twice.
fn same_person<'a>(stray: &Spelling<'a>, usual: &Spelling<'a>) -> Option<Evidence<'a>> {
    if let Some(first) = stray.given.iter().find(|name| usual.given.contains(name)) {
        return Some(Evidence::SameFirstName(first));
    }
    let stray_is_bare = stray.given.is_empty();
    if stray.count == 1 && stray_is_bare && usual.count >= 2 && !usual.given.is_empty() {
        return Some(Evidence::StraySpelling);
    }
    // An organisation or place has no first name: written many times one way and once the
    // other ("Tugeza" eleven times, "Togeza" once).
    (stray.count == 1 && stray_is_bare && usual.given.is_empty() && usual.count >= REPEATED_INFO)
        .then_some(Evidence::Repeated)
}

/// A stray spelling with every one of its uses.
struct Stray<'s, 'a> {
    spelling: &'s Spelling<'a>,
    /// By index into the name words.
    uses: &'s [u32],
}

fn report_surname(
    cx: &RuleContext<QuoteGroup>,
    quoted: &Quoted,
    stray: Stray,
    usual: &Spelling,
    evidence: &Evidence,
    out: &mut Vec<Diagnostic>,
) {
    let names = &cx.claims.names;
    let word_at = |at: u32| &names.words[at as usize];
    let usual_text = names.text(word_at(usual.first_uses[0]));
    let stray_text = names.text(word_at(stray.spelling.first_uses[0]));
    let help = match evidence {
        Evidence::SameFirstName(first) => format!(
            "both follow \"{first}\"; if they are two people, suppress this finding"
        ),
        Evidence::StraySpelling => format!(
            "\"{usual_text}\" is used {}, \"{stray_text}\" once; if they are two people, suppress this finding",
            times(usual.count),
        ),
        Evidence::Repeated => format!(
            "\"{usual_text}\" is used {}, \"{stray_text}\" once; if they are two different names, suppress this finding",
            times(usual.count),
        ),
        Evidence::Headline => format!(
            "the headline writes \"{usual_text}\"; if they are two different names, suppress this finding"
        ),
        Evidence::FactBase { entity, .. } => format!(
            "the fact base writes \"{usual_text}\" for {entity}; if this is someone or something else, suppress this finding"
        ),
        Evidence::TwoKnownForms(entity) => format!(
            "both are spellings of {entity}; pick one and keep to it"
        ),
    };
    let weak = evidence.is_weak(usual);
    for &at in stray.uses {
        let word = word_at(at);
        let (span, text) = (word.span(), names.text(word));
        if quoted.contains(&cx.doc.blocks[word.block as usize], span) {
            continue;
        }
        let message = match evidence {
            Evidence::FactBase {
                entity,
                person: true,
            } => format!(
                "\"{text}\" looks like a misspelling of \"{usual_text}\" ({entity} in the fact base)"
            ),
            // A place or organisation: the unknown word may be a name of its own.
            Evidence::FactBase { entity, .. } => format!(
                "\"{text}\" may be \"{usual_text}\" ({entity} in the fact base) written two ways"
            ),
            Evidence::SameFirstName(_) | Evidence::StraySpelling => {
                format!(
                    "\"{text}\" looks like a misspelling of \"{usual_text}\", used {} in this article",
                    times(usual.count)
                )
            }
            Evidence::Headline => {
                format!("\"{text}\" is written \"{usual_text}\" in the headline")
            }
            Evidence::Repeated | Evidence::TwoKnownForms(_) => format!(
                "\"{text}\" is written two ways in this article: \"{usual_text}\" {}, \"{text}\" {}",
                times(usual.count),
                times(stray.uses.len())
            ),
        };
        let mut diagnostic =
            Diagnostic::new(RuleId::NameConsistency, span, message).with_help(help.clone());
        if weak {
            diagnostic = diagnostic.with_severity(Severity::Info);
        }
        for &other in &usual.first_uses {
            let other = word_at(other);
            let label = format!("\"{}\" here", names.text(other));
            diagnostic = diagnostic.with_label(other.span(), label);
        }
        if span.text(cx.doc.source) == text {
            diagnostic = diagnostic.with_fix(Fix::unsafe_edit(
                format!("Write \"{usual_text}\""),
                vec![Edit::replace(span, usual_text.to_string())],
            ));
        }
        out.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lower_case_into_a_reused_buffer_is_the_loose_lower_case() {
        let mut lower = String::from("left over");
        for text in [
            "Olaf SCHOLZ",
            "ΟΔΥΣΣΕΥΣ Σ",
            "İstanbul",
            "",
            "KELVIN \u{212A}",
        ] {
            super::loose_lowercase_into(text, &mut lower);
            let expected: String = text
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ς' { 'σ' } else { c })
                .collect();
            assert_eq!(lower, expected, "{text:?}");
        }
    }

    use super::*;
    use crate::diagnostic::Applicability;
    use crate::{check_source, Settings};

    /// name-consistency's own findings. fact-name is off: it would supersede a known
    /// person's misspelling, and these tests are about this rule alone.
    fn diagnostics(source: &str) -> Vec<Diagnostic> {
        let mut settings = Settings::embedded();
        settings.selection.ignore.insert(RuleId::FactName);
        check_source("article.md", source, &settings)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == RuleId::NameConsistency)
            .collect()
    }

    /// The text flagged at warning level.
    fn flagged(source: &str) -> Vec<&str> {
        diagnostics(source)
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.span.text(source))
            .collect()
    }

    #[track_caller]
    fn assert_flags(source: &str, expected: &[&str]) {
        assert_eq!(flagged(source), expected, "{source}");
    }

    #[track_caller]
    fn assert_quiet(source: &str) {
        assert_flags(source, &[]);
    }

    #[track_caller]
    fn assert_fix(source: &str, replacement: &str, applicability: Applicability) {
        let found = diagnostics(source);
        let fix = found
            .first()
            .and_then(|d| d.fixes.first())
            .unwrap_or_else(|| panic!("no fix for {source}"));
        assert_eq!(fix.edits[0].replacement, replacement);
        assert_eq!(fix.applicability, applicability);
    }

    #[test]
    fn flags_a_title_form_in_the_minority() {
        let source = "NATO Secretary-General Jens Stoltenberg spoke. The Secretary General left. \
                      Secretary General Jens Stoltenberg said so.";
        assert_flags(source, &["Secretary-General"]);
        assert_fix(source, "Secretary General", Applicability::Unsafe);
        let labels = &diagnostics(source)[0].labels;
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].span.text(source), "Secretary General");
    }

    #[test]
    fn a_tie_goes_to_the_organisations_own_form() {
        assert_flags(
            "NATO Secretary-General Jens Stoltenberg spoke. The Secretary General left.",
            &["Secretary-General"],
        );
        assert_flags(
            "UN Secretary General Antonio Guterres spoke. The Secretary-General left.",
            &["Secretary General"],
        );
        assert_flags(
            "The Prime-Minister spoke. The Prime Minister left.",
            &["Prime-Minister"],
        );
        assert_quiet("The Vice-President spoke. The Vice President left.");
    }

    #[test]
    fn the_headlines_title_form_wins_over_the_bodys_count() {
        let source = "# The Director-General resigns\n\nThe Director General of the agency \
                      resigned. The Director General left on Monday.\n";
        assert_flags(source, &["Director General", "Director General"]);
        assert_fix(source, "Director-General", Applicability::Unsafe);
        // The organisation's own form still wins over the headline's.
        let source = "# NATO Secretary-General resigns\n\nNATO Secretary General Jens \
                      Stoltenberg spoke. The Secretary General left.\n";
        assert_flags(source, &["Secretary-General"]);
    }

    #[test]
    fn different_organisations_keep_their_own_forms() {
        assert_quiet(
            "UN Secretary-General Antonio Guterres met NATO Secretary General Jens Stoltenberg. \
             The Secretary-General of the United Nations left first; the Secretary General stayed.",
        );
    }

    #[test]
    fn a_majority_against_the_organisations_form_is_only_info() {
        let source = "NATO Secretary-General Jens Stoltenberg spoke. The Secretary-General left. \
                      The Secretary General returned.";
        assert_quiet(source);
        let found = diagnostics(source);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].help.as_deref().unwrap().contains("NATO writes"));
    }

    // Sentences in these tests that name real people or papers are adapted from Global Voices
    // articles of May 2012 (globalvoicesonline.org, CC BY 3.0): "Malawi: Bloggers' Reactions
    // to New President Joyce Banda" (victor), "Russia: Surprise Resignations Threaten New
    // Governor Elections" (Andrey Tselikov), "Africa: Regimes Under Attack From Satire and
    // Cartoons" (Georgi McCarthy).

    #[test]
    fn quoted_titles_are_not_counted() {
        assert_quiet(
            "The then Vice-President Joyce Banda took over.\n\n> Vice president Khumbo Kachali \
             and the vice president before him.\n",
        );
    }

    #[test]
    fn rejoins_keep_the_words_as_written() {
        let mut joints = Joints::default();
        assert_eq!(rejoin("Secretary-General", joints), "Secretary General");
        joints = joints.with_hyphen_at(0).with_hyphen_at(1);
        assert_eq!(rejoin("commander in chief", joints), "commander-in-chief");
    }

    #[test]
    fn flags_a_stray_spelling_of_a_surname() {
        let source = "Jens Stoltenberg arrived. Stoltenberg said little. Later Stoltenburg left.";
        assert_flags(source, &["Stoltenburg"]);
        assert_fix(source, "Stoltenberg", Applicability::Unsafe);
        // The same first name: even a repeated misspelling.
        assert_flags(
            "Jens Stoltenberg arrived. Jens Stoltenberg spoke. Jens Stoltenburg left. \
             Jens Stoltenberg stayed. Jens Stoltenburg returned.",
            &["Stoltenburg", "Stoltenburg"],
        );
        // A tie leaves nothing to go by.
        // A tie leaves nothing to go by (a name the fact base does not know).
        assert_quiet("Erik Brennholt arrived. Erik Brennhult left.");
        assert_flags(
            "Oleg Chirkunov resigned. Chirkunov said so. Although Chrikunov’s term was long.",
            &["Chrikunov"],
        );
    }

    #[test]
    fn different_people_are_left_alone() {
        // Different first names.
        assert_quiet("Jens Stoltenberg arrived. Stoltenberg spoke. Erna Stoltenburg left.");
        // Only the ending differs: Johnson/Johnston, Ivanov/Ivanova, demonyms.
        assert_quiet("Boris Johnson spoke. Johnson left. Johnston stayed.");
        assert_quiet("Ivan Ivanov spoke. Ivanov left. Ivanova stayed.");
        assert_quiet("Klaus Iohannis of Romania. Romania agreed. A Romanian said so.");
        // Too short to tell a misspelling from another name.
        assert_quiet("Mohamed Morsi spoke. Morsi left. Mursi stayed.");
        // No evidence: neither is written after a first name, or both are used once.
        assert_quiet("Brennholt spoke. Brennholt left. Brennhult stayed.");
        assert_quiet("Erik Brennholt spoke. Brennhult stayed.");
        // Newspapers after an article: "Le Canard", "Le Cafard".
        assert_quiet("In Mali, Le Canard déchaîné; in Benin, the Canard du Golfe; in Senegal, Le Cafard libéré.");
        // Common words at sentence starts.
        assert_quiet("Members met. Members left. Member states agreed; members too.");
    }

    #[track_caller]
    fn assert_info(source: &str, expected: &[&str]) {
        let found: Vec<&str> = diagnostics(source)
            .iter()
            .filter(|d| d.severity == Severity::Info)
            .map(|d| d.span.text(source))
            .collect();
        assert_eq!(found, expected, "{source}");
    }

    #[test]
    fn the_fact_bases_form_wins_over_a_tie_or_a_count() {
        let source = "Jens Stoltenberg arrived on Monday. Later, Jens Stoltenburg left.";
        assert_flags(source, &["Stoltenburg"]);
        assert_fix(source, "Stoltenberg", Applicability::Unsafe);
        // Even written more often than the right form.
        assert_flags(
            "Jens Stoltenberg arrived. Stoltenburg spoke. Stoltenburg left.",
            &["Stoltenburg", "Stoltenburg"],
        );
        // Another first name: someone else.
        assert_quiet("Jens Stoltenberg arrived. Erna Stoltenburg left. Stoltenberg stayed.");
        // A place the fact base knows against an unknown one: only information.
        assert_quiet(
            "Taiwan spoke. Taiwan agreed. Taiwan left. Taiwan won. Taiwan lost. Tainan is a city.",
        );
        assert_info(
            "Taiwan spoke. Taiwan agreed. Taiwan left. Taiwan won. Taiwan lost. Tainan is a city.",
            &["Tainan"],
        );
    }

    #[test]
    fn two_spellings_the_fact_base_lists_for_one_person() {
        let source = "Volodymyr Zelensky arrived on Monday. Later, Zelenskiy left the building.";
        assert_flags(source, &["Zelenskiy"]);
        let found = diagnostics(source);
        assert!(found[0].message.contains("written two ways"), "{found:?}");
    }

    #[test]
    fn two_words_of_one_known_name_are_not_two_spellings() {
        assert_quiet("Luiz Inácio Lula da Silva spoke on Monday. Lula added more.");
        assert_quiet("Brazilian President Luiz Inácio Lula da Silva said it.");
    }

    #[test]
    fn the_headlines_form_wins_and_is_never_fixed_away() {
        let source =
            "# Mayor Anna Kowalczyk wins\n\nAnna Kowalcyzk spoke. Kowalcyzk said she was happy.\n";
        assert_flags(source, &["Kowalcyzk", "Kowalcyzk"]);
        assert_fix(source, "Kowalczyk", Applicability::Unsafe);
        // A demonym is not a misspelling of a place, and the headline's place is not fixed.
        assert_quiet(
            "# Students at the University of Brasilia protest\n\nStudents at the University of \
             Brasilia marched. Brazilian police watched. Brazilian students sang.\n",
        );
        // A plural is another word.
        assert_quiet(
            "# Ethiopia: Muslims Take Campaign Online\n\nEthiopian Muslims protest. Ethiopian Muslim \
             schools closed. Ethiopian Muslim leaders spoke.\n",
        );
    }

    #[test]
    fn organisations_and_short_surnames() {
        // No first name, but written many times one way and once the other.
        assert_flags(
            "The Tugeza cooperative met. Tugeza members voted. Tugeza grows coffee. Tugeza \
             sells it abroad. Tugeza has 300 members. The chair of Togeza spoke.",
            &["Togeza"],
        );
        assert_info(
            "The Tugeza cooperative met. Tugeza members voted. Tugeza grows coffee. The chair \
             of Togeza spoke.",
            &["Togeza"],
        );
        assert_quiet(
            "The Tugeza cooperative met. Tugeza members voted. The chair of Togeza spoke.",
        );
        // A short surname after the same first name.
        assert_flags(
            "Pedro San arrived on Monday. Pedro San spoke. Later, Pedro Sans left.",
            &["Sans"],
        );
        assert_quiet("Pedro San arrived on Monday. Pedro San spoke. Later, Maria Sans left.");
    }

    #[test]
    fn a_quoted_stray_spelling_is_evidence_but_not_flagged() {
        assert_quiet("Jens Stoltenberg arrived. Stoltenberg spoke.\n\n> Stoltenburg is wrong.\n");
        assert_flags(
            "Jens Stoltenberg arrived.\n\n> Stoltenberg spoke.\n\nThen Stoltenburg left.\n",
            &["Stoltenburg"],
        );
    }

    #[test]
    fn similarity_needs_a_misspelling_not_an_ending() {
        assert!(similar("stoltenberg", "stoltenburg"));
        assert!(similar("chirkunov", "chrikunov"));
        assert!(!similar("johnson", "johnston"));
        assert!(!similar("romania", "romanian"));
        assert!(!similar("minister", "ministry"));
        assert!(!similar("austria", "australia"));
        assert!(!similar("stoltenberg", "stoltenberg"));
    }
}
