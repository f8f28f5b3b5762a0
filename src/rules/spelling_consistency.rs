//! `spelling-consistency` (FL601): British and American spellings mixed in one article.
//!
//! With a house dialect, every spelling of the other dialect is flagged. Without one, the
//! article's own majority decides and the minority is flagged; a tie is only mentioned at
//! info level. Quoted material and names ("Department of Defense", "Labour Party") are left
//! alone and not counted (`claims::spelling` finds the spellings). -ise/-ize words are
//! judged apart from the rest, because Oxford spelling writes British English with -ize.

use std::collections::HashMap;

use super::{RuleContext, RuleId};
use crate::claims::spelling::SpellingClaim;
use crate::claims::QuoteGroup;
use crate::config::Dialect;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::span::Span;

/// At most this many other spellings are pointed at as evidence.
const MAX_LABELS: usize = 3;

pub fn check(cx: &RuleContext<QuoteGroup>, out: &mut Vec<Diagnostic>) {
    for oxford in [false, true] {
        let family: Vec<&SpellingClaim> = cx
            .claims
            .spellings
            .iter()
            .filter(|found| found.oxford == oxford)
            .collect();
        match cx.settings.dialect() {
            Some(house) => flag_against_house(cx, &family, house, out),
            None => flag_minority(cx, &family, out),
        }
    }
}

fn flag_against_house(
    cx: &RuleContext<QuoteGroup>,
    family: &[&SpellingClaim],
    house: Dialect,
    out: &mut Vec<Diagnostic>,
) {
    for found in family.iter().filter(|found| found.dialect != house) {
        let message = format!(
            "{} \"{}\"; the house style is {}",
            kind(found.oxford, found.dialect),
            found.written,
            house_name(house),
        );
        let help = if found.oxford {
            format!(
                "`dialect` in factlint.toml sets the house style; {} writes {}",
                house_name(house),
                ending(house)
            )
        } else {
            "`dialect` in factlint.toml sets the house style".to_string()
        };
        out.push(with_fix(
            cx,
            found,
            Diagnostic::new(RuleId::SpellingConsistency, found.span, message).with_help(help),
        ));
    }
}

fn flag_minority(
    cx: &RuleContext<QuoteGroup>,
    family: &[&SpellingClaim],
    out: &mut Vec<Diagnostic>,
) {
    let british = family
        .iter()
        .filter(|found| found.dialect == Dialect::British)
        .count();
    let american = family.len() - british;
    if british == 0 || american == 0 {
        return;
    }
    let oxford = family[0].oxford;
    if british == american {
        out.push(tie(family, oxford, british));
        return;
    }
    let majority = if british > american {
        Dialect::British
    } else {
        Dialect::American
    };
    // Majority spellings by pair, so each finding can point at its own word first.
    let mut by_pair: HashMap<u32, Vec<Span>> = HashMap::new();
    let mut first_majority = Vec::new();
    for found in family.iter().filter(|found| found.dialect == majority) {
        let spans = by_pair.entry(found.pair).or_default();
        if spans.len() < MAX_LABELS {
            spans.push(found.span);
        }
        if first_majority.len() < MAX_LABELS {
            first_majority.push(found.span);
        }
    }
    let (most, fewest) = (british.max(american), british.min(american));
    for found in family.iter().filter(|found| found.dialect != majority) {
        let mut evidence: Vec<Span> = by_pair.get(&found.pair).cloned().unwrap_or_default();
        for span in &first_majority {
            if evidence.len() < MAX_LABELS && !evidence.contains(span) {
                evidence.push(*span);
            }
        }
        let majority_kind = kind(oxford, majority);
        let message = format!(
            "{} \"{}\" in an article that mostly uses {}",
            kind(oxford, found.dialect),
            found.written,
            majority_kind,
        );
        let mut diagnostic = Diagnostic::new(RuleId::SpellingConsistency, found.span, message)
            .with_help(format!(
            "{most} {} against {fewest} {}; `dialect` in factlint.toml sets a house style instead",
            plural(majority_kind, most),
            plural(kind(oxford, found.dialect), fewest),
        ));
        for span in evidence {
            diagnostic = diagnostic.with_label(span, majority_kind);
        }
        out.push(with_fix(cx, found, diagnostic));
    }
}

/// As many spellings of one kind as of the other: say so quietly.
fn tie(family: &[&SpellingClaim], oxford: bool, each: usize) -> Diagnostic {
    let first = family[0];
    let message = if oxford {
        format!("-ise and -ize spellings are evenly mixed ({each} each)")
    } else {
        format!("British and American spellings are evenly mixed ({each} each)")
    };
    let mut diagnostic = Diagnostic::new(RuleId::SpellingConsistency, first.span, message)
        .with_severity(Severity::Info)
        .with_help(
            "factlint cannot tell which is meant: choose one, or set `dialect` in factlint.toml",
        );
    for found in family.iter().skip(1).take(MAX_LABELS) {
        diagnostic = diagnostic.with_label(found.span, kind(oxford, found.dialect));
    }
    diagnostic
}

/// The counterpart spelling as a safe fix, in the word's own case. No fix when the source
/// text is not the word itself (an entity or markup inside it).
fn with_fix(
    cx: &RuleContext<QuoteGroup>,
    found: &SpellingClaim,
    diagnostic: Diagnostic,
) -> Diagnostic {
    if found.span.text(cx.doc.source) != &*found.written {
        return diagnostic;
    }
    let replacement = match_case(&found.written, &found.counterpart);
    diagnostic.with_fix(Fix::safe(
        format!("Write \"{replacement}\""),
        vec![Edit::replace(found.span, replacement)],
    ))
}

/// `replacement` (lower case) in the case pattern of `original`: "Defense" → "Defence",
/// "DEFENSE" → "DEFENCE".
fn match_case(original: &str, replacement: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let rest: Vec<char> = letters.collect();
    if first_upper && !rest.is_empty() && rest.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if first_upper {
        let mut chars = replacement.chars();
        return chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    replacement.to_string()
}

fn kind(oxford: bool, dialect: Dialect) -> &'static str {
    match (oxford, dialect) {
        (false, Dialect::British) => "British spelling",
        (false, Dialect::American) => "American spelling",
        (true, Dialect::British) => "-ise spelling",
        (true, Dialect::American) => "-ize spelling",
    }
}

fn ending(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::British => "-ise",
        Dialect::American => "-ize",
    }
}

fn house_name(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::British => "British (en-GB)",
        Dialect::American => "American (en-US)",
    }
}

fn plural(kind: &str, count: usize) -> String {
    if count == 1 {
        kind.to_string()
    } else {
        format!("{kind}s")
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Dialect;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::rules::{test_kit, RuleId};

    fn diagnostics(source: &str, dialect: Option<Dialect>) -> Vec<Diagnostic> {
        test_kit::diagnostics_with(RuleId::SpellingConsistency, source, |settings| {
            settings.config.dialect = dialect;
        })
    }

    /// The words flagged at warning level.
    fn flagged(source: &str, dialect: Option<Dialect>) -> Vec<&str> {
        diagnostics(source, dialect)
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.span.text(source))
            .collect()
    }

    #[track_caller]
    fn assert_flags(source: &str, expected: &[&str]) {
        assert_eq!(flagged(source, None), expected, "{source}");
    }

    #[track_caller]
    fn assert_flags_with(dialect: Dialect, source: &str, expected: &[&str]) {
        assert_eq!(flagged(source, Some(dialect)), expected, "{source}");
    }

    #[track_caller]
    fn assert_quiet(source: &str) {
        assert_flags(source, &[]);
    }

    #[track_caller]
    fn assert_fix(source: &str, replacement: &str) {
        let found = diagnostics(source, None);
        let fix = found
            .iter()
            .find_map(|d| d.applicable_fix(false))
            .unwrap_or_else(|| panic!("no safe fix for {source}"));
        assert_eq!(fix.edits[0].replacement, replacement);
    }

    #[test]
    fn flags_the_minority_counted_over_all_pairs() {
        assert_flags(
            "Investing in defense. Air defence systems. It is 250 kilometres away.",
            &["defense"],
        );
        assert_flags(
            "The color of the center. Their behaviour changed.",
            &["behaviour"],
        );
    }

    #[test]
    fn a_tie_is_only_info() {
        let source = "Investing in defense. Air defence systems.";
        assert_quiet(source);
        let found = diagnostics(source, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert!(
            found[0].message.contains("evenly mixed"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn one_dialect_alone_is_quiet() {
        assert_quiet("The colour of the centre. Their behaviour, their defence.");
        assert_quiet("The color of the center. Their behavior, their defense.");
    }

    #[test]
    fn a_house_dialect_flags_every_other_spelling() {
        let source = "The color of the center. Their behaviour changed.";
        assert_flags_with(Dialect::British, source, &["color", "center"]);
        assert_flags_with(Dialect::American, source, &["behaviour"]);
    }

    #[test]
    fn fixes_keep_case_and_inflection() {
        assert_fix("Colors fade. The colour and the colour.", "Colours");
        assert_fix("Defense matters. Our defence and their defence.", "Defence");
        assert_fix(
            "ORGANIZED it was. They organised and organised it.",
            "ORGANISED",
        );
        assert_fix(
            "They travelled far. The traveler and the traveler.",
            "traveled",
        );
    }

    #[test]
    fn names_are_neither_flagged_nor_counted() {
        assert_quiet("The US Department of Defense said our defence is fine.");
        assert_quiet("The Labor Party won. Our labour laws, our colour.");
        assert_quiet("Defense Secretary Lloyd Austin spoke about our defence and colour.");
        assert_quiet("He joined Labor in 2010. Labor won again. Our colour, our defence.");
        assert_quiet("The World Health Organization met. The organisation of the event.");
    }

    #[test]
    fn a_capitalised_word_opening_a_sentence_still_counts() {
        assert_flags(
            "Defense spending rose. Our defence and the centre.",
            &["Defense"],
        );
    }

    #[test]
    fn ise_and_ize_are_judged_apart() {
        // Oxford spelling: -ize with British -our is consistent.
        assert_quiet("They organize it. The colour, the centre, the defence.");
        assert_flags(
            "They organised it, recognised it, then realized it.",
            &["realized"],
        );
        assert_flags_with(
            Dialect::British,
            "They organize it. The colour.",
            &["organize"],
        );
    }

    #[test]
    fn words_of_both_dialects_are_left_alone() {
        assert_quiet("The computer program. Their colour, their centre, their defence.");
        assert_quiet("She will license it and practice law. The colour, the centre.");
        assert_quiet("The analyses show it. He analyzes data and analyzed data.");
        assert_flags(
            "The programme is new. Their color, their center.",
            &["programme"],
        );
    }

    #[test]
    fn quoted_blocks_and_foreign_words_are_left_alone() {
        assert_quiet("Our colour and centre.\n\n> The color of the center, said an American.\n");
        assert_quiet("Our colour, our centre. They said por favor to the waiter.");
    }

    #[test]
    fn handles_and_domains_are_not_words() {
        assert_quiet("Our colour and centre, see defense.gov and @defense or #color.");
    }
}
