//! What every match of a credit pattern must contain ("photo" and ":"; "courtesy"), read
//! from the pattern's syntax tree, so that a text holding none of it never has the pattern
//! compiled for it: compiling one costs hundreds of thousands of instructions, and most
//! paragraphs hold none of a pattern's words.
//!
//! The words are lower-case ASCII (or characters without case), to be looked for without
//! regard to ASCII case whatever the pattern's flags: a gate may let through a text the
//! pattern then rejects, never the other way round. `(?i)` also reads two non-ASCII
//! characters as ASCII letters (the long s, the Kelvin sign): a text holding one of them must
//! be let through whole.
//!
//! Used by the build script (for the embedded patterns) and at run time (for users' own).

use regex_syntax::ast::{self, Ast, ClassSet, ClassSetItem, LiteralKind, RepetitionKind};

/// The most strings a set of alternatives may hold before it is given up.
const MAX_STRINGS: usize = 64;

/// Each match of `pattern` contains, for each of the returned lists, one of its strings
/// (ASCII lower case). Empty: nothing is known (or the pattern cannot be read).
pub fn needles(pattern: &str) -> Vec<Vec<Vec<u8>>> {
    let Ok(ast) = ast::parse::Parser::new().parse(pattern) else {
        return Vec::new();
    };
    let mut all: Vec<Vec<Vec<u8>>> = read(&ast).required.into_iter().map(minimal).collect();
    all.sort();
    all.dedup();
    // A list that another implies says nothing more ("p" next to "photo").
    let implied = |list: &Vec<Vec<u8>>, by: &Vec<Vec<u8>>| {
        by.iter()
            .all(|longer| list.iter().any(|shorter| contains(longer, shorter)))
    };
    let keep: Vec<bool> = (0..all.len())
        .map(|i| !(0..all.len()).any(|j| j != i && implied(&all[i], &all[j])))
        .collect();
    all.into_iter()
        .zip(keep)
        .filter_map(|(list, keep)| keep.then_some(list))
        .collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// What is known of a piece of a pattern.
struct Known {
    /// Every string it can match, when they are few (ASCII lower case).
    exact: Option<Vec<Vec<u8>>>,
    /// Lists of strings: each match contains one string of every list.
    required: Vec<Vec<Vec<u8>>>,
}

impl Known {
    fn nothing() -> Known {
        Known {
            exact: None,
            required: Vec::new(),
        }
    }

    fn exactly(strings: Vec<Vec<u8>>) -> Known {
        let required = if useful(&strings) {
            vec![strings.clone()]
        } else {
            Vec::new()
        };
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
                required: if min >= 1 { sub.required } else { Vec::new() },
            }
        }
        Ast::Alternation(alternation) => {
            let branches: Vec<Known> = alternation.asts.iter().map(read).collect();
            let mut exact = Some(Vec::new());
            // One list for the whole: each branch's strongest list, joined.
            let mut required = Some(Vec::new());
            for branch in &branches {
                exact = exact
                    .zip(branch.exact.as_ref())
                    .map(|(mut all, strings)| {
                        all.extend(strings.iter().cloned());
                        all
                    })
                    .filter(|all| all.len() <= MAX_STRINGS);
                required = required
                    .zip(strongest(&branch.required))
                    .map(|(mut all, strings)| {
                        all.extend(strings.iter().cloned());
                        all
                    })
                    .filter(|all| all.len() <= MAX_STRINGS);
            }
            Known {
                exact,
                required: required.into_iter().filter(|all| useful(all)).collect(),
            }
        }
        Ast::Concat(concat) => {
            let parts: Vec<Known> = concat.asts.iter().map(read).collect();
            // Every part's lists hold for the whole.
            let mut candidates: Vec<Vec<Vec<u8>>> = Vec::new();
            // Runs of exactly known parts, joined: "p" "h" "o" "t" "o" make "photo".
            let mut run: Option<Vec<Vec<u8>>> = None;
            let mut whole: Option<Vec<Vec<u8>>> = Some(vec![Vec::new()]);
            for part in &parts {
                candidates.extend(part.required.iter().cloned());
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
                .collect();
            Known {
                exact: whole,
                required,
            }
        }
    }
}

/// The list whose shortest string is longest: the one that rules out most.
fn strongest(lists: &[Vec<Vec<u8>>]) -> Option<&Vec<Vec<u8>>> {
    lists
        .iter()
        .max_by_key(|strings| strings.iter().map(Vec::len).min().unwrap_or(0))
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
        if !kept.iter().any(|shorter| contains(&needle, shorter)) {
            kept.push(needle);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_needles(pattern: &str, expected: &[&[&str]]) {
        let found: Vec<Vec<String>> = needles(pattern)
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|s| String::from_utf8(s).unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(found, expected, "{pattern}");
    }

    #[test]
    fn needles_of_patterns() {
        assert_needles(r"(?i)\bphotos?\b", &[&["photo"]]);
        assert_needles(
            r"(?i)\b(?:photo(?:graph)?s?|images?|pics?)\s*:",
            &[&[":"], &["pic", "image", "photo"]],
        );
        assert_needles(r"\bcourtesy(?:\s+of)?\s*:?\s+\S", &[&["courtesy"]]);
        assert_needles(r"©", &[&["©"]]);
        assert_needles(r"\S\s?/\s?(?:Reuters|AP)\b", &[&["/"], &["ap", "reuters"]]);
        assert_needles(r"[Bb]y\s+", &[&["by"]]);
        assert_needles(r"(?:by|BY)[- ]x", &[&["by x", "by-x"]]);
        assert_needles(r"(?:a\s+b|c)", &[&["b", "c"]]);
        assert_needles(r"^\s*\p{Lu}", &[]);
        assert_needles(r"(?:photo)?x*", &[]);
        assert_needles(r"(?-u:\xE2)", &[]);
        assert_needles(r"(?i)é", &[]);
        assert_needles(r"a|\d", &[]);
        assert_needles(r"(", &[]);
    }
}
