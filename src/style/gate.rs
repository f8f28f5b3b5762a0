//! A cheap test that rules a credit pattern out before it is compiled: the words any match of
//! it must contain ("photo", "courtesy", "/"), read from the pattern's syntax tree.
//!
//! Compiling a pattern costs hundreds of thousands of instructions; most paragraphs hold none
//! of its words, and then it need never be compiled. The words are compared with the text
//! without regard to ASCII case, whatever the pattern's flags: a gate may let through a text
//! the pattern then rejects, never the other way round. A text holding one of the two
//! characters that `(?i)` folds onto ASCII letters (the long s, the Kelvin sign) is let
//! through whole.

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, LiteralKind, RepetitionKind};

/// The most strings a set of alternatives may hold before it is given up.
const MAX_STRINGS: usize = 64;

/// What a pattern's matches must contain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gate {
    /// Every match contains one of these (ASCII lower case); `None`: nothing is known.
    needles: Option<Vec<Vec<u8>>>,
}

impl Gate {
    /// The gate of `pattern`; a pattern that cannot be read gets none.
    pub fn of(pattern: &str) -> Gate {
        let needles = ast::parse::Parser::new()
            .parse(pattern)
            .ok()
            .and_then(|ast| read(&ast).required)
            .map(minimal);
        Gate { needles }
    }

    /// Whether a text may match, given it in ASCII lower case.
    pub fn admits(&self, lower: &Lower) -> bool {
        let Some(needles) = &self.needles else {
            return true;
        };
        lower.folded
            || needles
                .iter()
                .any(|needle| memchr::memmem::find(&lower.bytes, needle).is_some())
    }

    #[cfg(test)]
    pub fn needles(&self) -> Option<Vec<&str>> {
        self.needles.as_ref().map(|needles| {
            needles
                .iter()
                .map(|needle| std::str::from_utf8(needle).unwrap())
                .collect()
        })
    }
}

/// A text as the gates read it.
pub struct Lower {
    bytes: Vec<u8>,
    /// It holds a character that `(?i)` reads as an ASCII letter (ſ, K).
    folded: bool,
}

impl Lower {
    pub fn new(text: &str) -> Lower {
        Lower {
            bytes: text.as_bytes().to_ascii_lowercase(),
            folded: text.contains(['\u{17F}', '\u{212A}']),
        }
    }
}

/// What is known of a piece of a pattern.
struct Known {
    /// Every string it can match, when they are few (ASCII lower case).
    exact: Option<Vec<Vec<u8>>>,
    /// Strings one of which each of its matches contains.
    required: Option<Vec<Vec<u8>>>,
}

impl Known {
    fn nothing() -> Known {
        Known {
            exact: None,
            required: None,
        }
    }

    fn exactly(strings: Vec<Vec<u8>>) -> Known {
        let required = useful(&strings).then(|| strings.clone());
        Known {
            exact: Some(strings),
            required,
        }
    }
}

/// A set of strings rules something out only if none of them is empty.
fn useful(strings: &[Vec<u8>]) -> bool {
    !strings.is_empty() && strings.iter().all(|s| !s.is_empty())
}

fn read(ast: &Ast) -> Known {
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Known::exactly(vec![Vec::new()]),
        Ast::Literal(literal) => match char_bytes(literal) {
            Some(bytes) => Known::exactly(vec![bytes]),
            None => Known::nothing(),
        },
        Ast::ClassBracketed(class) if !class.negated => match &class.kind {
            ClassSet::Item(item) => class_strings(item).map_or_else(Known::nothing, Known::exactly),
            ClassSet::BinaryOp(_) => Known::nothing(),
        },
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) => {
            Known::nothing()
        }
        Ast::Group(group) => read(&group.ast),
        Ast::Repetition(repetition) => {
            let sub = read(&repetition.ast);
            let (min, max) = match &repetition.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(ast::RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(ast::RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(ast::RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
            };
            let exact = match (min, max) {
                (1, Some(1)) => sub.exact,
                (0, Some(1)) => sub.exact.map(|mut strings| {
                    strings.push(Vec::new());
                    strings
                }),
                (0, Some(0)) => Some(vec![Vec::new()]),
                _ => None,
            };
            Known {
                exact,
                required: if min >= 1 { sub.required } else { None },
            }
        }
        Ast::Alternation(alternation) => {
            let branches: Vec<Known> = alternation.asts.iter().map(read).collect();
            let union = |pick: fn(&Known) -> &Option<Vec<Vec<u8>>>| {
                let mut all = Vec::new();
                for branch in &branches {
                    all.extend(pick(branch).as_ref()?.iter().cloned());
                }
                (all.len() <= MAX_STRINGS).then_some(all)
            };
            Known {
                exact: union(|k| &k.exact),
                required: union(|k| &k.required).filter(|strings| useful(strings)),
            }
        }
        Ast::Concat(concat) => {
            let parts: Vec<Known> = concat.asts.iter().map(read).collect();
            let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
            // Runs of exactly known parts, joined: "p" "h" "o" "t" "o" make "photo".
            let mut run: Option<Vec<Vec<u8>>> = None;
            let mut whole: Option<Vec<Vec<u8>>> = Some(vec![Vec::new()]);
            for part in &parts {
                candidates.extend(part.required.clone());
                match &part.exact {
                    Some(strings) => {
                        run = Some(match run.take() {
                            Some(before) => match product(&before, strings) {
                                Some(joined) => joined,
                                None => {
                                    candidates.push(before);
                                    strings.clone()
                                }
                            },
                            None => strings.clone(),
                        });
                        whole = whole.and_then(|before| product(&before, strings));
                    }
                    None => {
                        candidates.extend(run.take());
                        whole = None;
                    }
                }
            }
            candidates.extend(run);
            let required = candidates
                .into_iter()
                .filter(|strings| useful(strings))
                .max_by_key(|strings| strings.iter().map(Vec::len).min().unwrap_or(0));
            Known {
                exact: whole,
                required,
            }
        }
    }
}

/// Every string of `before` followed by every string of `after`, if they are few.
fn product(before: &[Vec<u8>], after: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if before.len() * after.len() > MAX_STRINGS {
        return None;
    }
    Some(
        before
            .iter()
            .flat_map(|b| after.iter().map(move |a| [b.as_slice(), a].concat()))
            .collect(),
    )
}

/// The bytes a literal stands for, lower-cased: ASCII, or a non-ASCII character without case
/// written as itself (a hex escape may stand for a byte in a byte class).
fn char_bytes(literal: &ast::Literal) -> Option<Vec<u8>> {
    let c = literal.c;
    if c.is_ascii() {
        return Some(vec![c.to_ascii_lowercase() as u8]);
    }
    let written = matches!(literal.kind, LiteralKind::Verbatim);
    (written && !c.is_alphabetic()).then(|| c.to_string().into_bytes())
}

/// The few characters a bracketed class holds (`[- ]`, `[Bb]`), as strings.
fn class_strings(item: &ClassSetItem) -> Option<Vec<Vec<u8>>> {
    let mut strings = Vec::new();
    let mut add = |item: &ClassSetItem| -> Option<()> {
        match item {
            ClassSetItem::Literal(literal) => strings.push(char_bytes(literal)?),
            ClassSetItem::Range(range) if range.end.c as u32 - range.start.c as u32 <= 4 => {
                for c in range.start.c..=range.end.c {
                    strings.push(char_bytes(&ast::Literal {
                        c,
                        ..range.start.clone()
                    })?);
                }
            }
            _ => return None,
        }
        Some(())
    };
    match item {
        ClassSetItem::Union(union) => {
            for item in &union.items {
                add(item)?;
            }
        }
        item => add(item)?,
    }
    strings.sort();
    strings.dedup();
    (strings.len() <= 4).then_some(strings)
}

/// The needles without those that contain another one ("photos" goes when "photo" is there).
fn minimal(mut needles: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    needles.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    needles.dedup();
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for needle in needles {
        if !kept
            .iter()
            .any(|shorter| memchr::memmem::find(&needle, shorter).is_some())
        {
            kept.push(needle);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_needles(pattern: &str, expected: Option<&[&str]>) {
        assert_eq!(
            Gate::of(pattern).needles(),
            expected.map(<[&str]>::to_vec),
            "{pattern}"
        );
    }

    #[test]
    fn needles_of_patterns() {
        assert_needles(r"(?i)\bphotos?\b", Some(&["photo"]));
        assert_needles(
            r"(?i)\b(?:photo(?:graph)?s?|images?|pics?)\s*:",
            Some(&["pic", "image", "photo"]),
        );
        assert_needles(r"\bcourtesy(?:\s+of)?\s*:?\s+\S", Some(&["courtesy"]));
        assert_needles(r"©", Some(&["©"]));
        assert_needles(r"\S\s?/\s?(?:Reuters|AP)\b", Some(&["ap", "reuters"]));
        assert_needles(r"[Bb]y\s+", Some(&["by"]));
        assert_needles(r"(?:by|BY)[- ]x", Some(&["by x", "by-x"]));
        assert_needles(r"^\s*\p{Lu}", None);
        assert_needles(r"(?:photo)?x*", None);
        assert_needles(r"(?-u:\xE2)", None);
        assert_needles(r"(?i)é", None);
        assert_needles(r"a|\d", None);
        assert_needles(r"(", None);
    }

    #[test]
    fn admits_by_ascii_case_and_lets_folded_letters_through() {
        let gate = Gate::of(r"(?i)\bsource\b");
        assert!(gate.admits(&Lower::new("The SOURCE: x")));
        assert!(!gate.admits(&Lower::new("The origin")));
        assert!(gate.admits(&Lower::new("The ſource")));
        assert!(Gate::of(r"\S+").admits(&Lower::new("")));
    }
}
