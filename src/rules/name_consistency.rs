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
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::span::Span;
use crate::style::titles::{Joints, Title, TitleTable};

/// At most this many majority mentions are pointed at as evidence.
const MAX_LABELS: usize = 3;
/// Surnames shorter than this are too likely to be different names one letter apart.
const MIN_SURNAME_CHARS: usize = 6;
/// From this length, two edits still mean "the same name misspelt".
const TWO_EDITS_FROM_CHARS: usize = 8;
/// Bounds on the surname comparison, which compares each distinct word only with words of
/// the same first letter and similar length.
const MAX_DISTINCT_NAMES: usize = 4096;
const MAX_BUCKET: usize = 256;

pub fn check(cx: &RuleContext, out: &mut Vec<Diagnostic>) {
    let quoted = Quoted::new(&cx.claims.quotes);
    check_titles(cx, &quoted, out);
    check_surnames(cx, &quoted, out);
}

// ---- Titles ---------------------------------------------------------------------------------

fn check_titles(cx: &RuleContext, quoted: &Quoted, out: &mut Vec<Diagnostic>) {
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
    cx: &RuleContext,
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
    let majority = if leaders.len() == 1 {
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
        if let (Some(owner), Some(own)) = (owner, canonical) {
            help.push_str(&format!("; {owner} writes \"{}\"", title.render(own)));
        }
        let mut diagnostic = Diagnostic::new(
            RuleId::NameConsistency,
            mention.span,
            format!("\"{written}\" is written \"{majority_form}\" elsewhere in this article"),
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
}

/// Why two spellings are taken for one person.
enum Evidence<'a> {
    SameFirstName(&'a str),
    StraySpelling,
}

/// The spelling a name word is grouped under (its lower case), if it is long enough to be
/// compared.
fn spelling_key<R>(text: &str, f: impl FnOnce(&str) -> Option<R>) -> Option<R> {
    if text.chars().count() < MIN_SURNAME_CHARS {
        return None;
    }
    crate::text::with_lowercase(text, f)
}

fn check_surnames(cx: &RuleContext, quoted: &Quoted, out: &mut Vec<Diagnostic>) {
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
    // Each stray spelling is reported once, against the most used similar spelling.
    let mut strays: FxHashMap<&str, (&str, Evidence)> = FxHashMap::default();
    for key in &keys {
        let (first, length) = bucket_of(key);
        for other_length in length..=length + 2 {
            for other in buckets.get(&(first, other_length)).into_iter().flatten() {
                if other_length == length && *other <= key.as_str() {
                    continue;
                }
                if !similar(key, other) {
                    continue;
                }
                let (a, b) = (&spellings[key.as_str()], &spellings[*other]);
                let (stray, usual) = match a.count.cmp(&b.count) {
                    std::cmp::Ordering::Less => ((key.as_str(), a), (*other, b)),
                    std::cmp::Ordering::Greater => ((*other, b), (key.as_str(), a)),
                    std::cmp::Ordering::Equal => continue,
                };
                let Some(evidence) = same_person(stray.1, usual.1) else {
                    continue;
                };
                let better = strays
                    .get(stray.0)
                    .is_none_or(|(known, _)| spellings[*known].count < usual.1.count);
                if better {
                    strays.insert(stray.0, (usual.0, evidence));
                }
            }
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
    (stray.count == 1 && stray_is_bare && usual.count >= 2 && !usual.given.is_empty())
        .then_some(Evidence::StraySpelling)
}

/// A stray spelling with every one of its uses.
struct Stray<'s, 'a> {
    spelling: &'s Spelling<'a>,
    /// By index into the name words.
    uses: &'s [u32],
}

fn report_surname(
    cx: &RuleContext,
    quoted: &Quoted,
    stray: Stray,
    usual: &Spelling,
    evidence: &Evidence,
    out: &mut Vec<Diagnostic>,
) {
    let names = &cx.claims.names;
    let word_at = |at: u32| &names.words[at as usize];
    let usual_text = names.text(word_at(usual.first_uses[0]));
    let help = match evidence {
        Evidence::SameFirstName(first) => format!(
            "both follow \"{first}\"; if they are two people, suppress this finding"
        ),
        Evidence::StraySpelling => format!(
            "\"{usual_text}\" is used {}, \"{}\" once; if they are two people, suppress this finding",
            times(usual.count),
            names.text(word_at(stray.spelling.first_uses[0]))
        ),
    };
    for &at in stray.uses {
        let word = word_at(at);
        let (span, text) = (word.span(), names.text(word));
        if quoted.contains(&cx.doc.blocks[word.block as usize], span) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            RuleId::NameConsistency,
            span,
            format!(
                "\"{text}\" looks like a misspelling of \"{usual_text}\", used {} in this article",
                times(usual.count)
            ),
        )
        .with_help(help.clone());
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
    use super::*;
    use crate::diagnostic::Applicability;
    use crate::{check_source, Settings};

    fn diagnostics(source: &str) -> Vec<Diagnostic> {
        check_source("article.md", source, &Settings::embedded())
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
        assert_quiet("Jens Stoltenberg arrived. Jens Stoltenburg left.");
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
        assert_quiet("Stoltenberg spoke. Stoltenberg left. Stoltenburg stayed.");
        assert_quiet("Jens Stoltenberg spoke. Stoltenburg stayed.");
        // Newspapers after an article: "Le Canard", "Le Cafard".
        assert_quiet("In Mali, Le Canard déchaîné; in Benin, the Canard du Golfe; in Senegal, Le Cafard libéré.");
        // Common words at sentence starts.
        assert_quiet("Members met. Members left. Member states agreed; members too.");
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
