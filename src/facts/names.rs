//! The alias automata: every name the fact base knows (entities, aliases, adjectives, capital
//! cities) and every office title, compiled into Aho-Corasick automata (leftmost-longest) and
//! matched at word boundaries.
//!
//! Names come in three groups, each with its own automaton built on first use, because
//! building them is most of the cost of loading the fact base and most articles need only the
//! first: organisations, people and places (always searched); countries (searched only where a
//! title or the word "capital" needs a jurisdiction); capital cities (only where the text says
//! "capital").
//!
//! Each automaton starts as an NFA, quick to build. The two searched in every block (core
//! names and office titles), once they have searched a few hundred kilobytes (a run over many
//! articles, or one long file), are built again as DFAs, which take about a millisecond more
//! to build and a megabyte more memory but search more than twice as fast: one article never
//! pays for them, a long run soon gains. Both kinds find exactly the same matches.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;

use super::{EntityId, EntityKind, FactBase, OfficeId};

/// Which automaton a name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameGroup {
    /// Organisations, people, places.
    Core = 0,
    /// Countries: names and adjectives.
    Countries = 1,
    /// Capital cities.
    Cities = 2,
}

/// How a name refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    /// The entity's name or an alias ("NATO", "Stoltenberg").
    Name,
    /// "Romanian".
    Adjective,
}

/// One thing a matched name may mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameTarget {
    Entity {
        entity: EntityId,
        form: NameForm,
        /// The alias row, when the name has its own validity or context.
        alias: Option<usize>,
        /// The name often means something else ("Georgian").
        ambiguous: bool,
    },
    /// A capital city (its name or an alias), by index into `FactBase::capitals`.
    City { capital: usize },
}

/// A name or title found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub start: usize,
    pub end: usize,
    /// Index into its group's targets, or into the offices for a title.
    pub pattern: usize,
}

/// After this many bytes searched with an NFA, a DFA is built to search the rest.
const DFA_AFTER_BYTES: usize = 256 * 1024;

/// A DFA's size grows with its patterns (the defaults' 189 core names take 1 MB): past this
/// many, as in a newsroom's own large fact base, the NFA keeps searching.
const DFA_MAX_PATTERNS: usize = 1_000;

/// Patterns and the automata that find them, each built on first use.
#[derive(Debug, Default)]
struct Patterns {
    patterns: Vec<String>,
    ignore_case: bool,
    nfa: OnceLock<Option<AhoCorasick>>,
    /// Whether enough searching builds a DFA (for the automata every block is searched with).
    may_build_dfa: bool,
    dfa: OnceLock<Option<AhoCorasick>>,
    /// Bytes searched with the NFA so far.
    searched: AtomicUsize,
}

impl Patterns {
    fn new(patterns: Vec<String>, ignore_case: bool, may_build_dfa: bool) -> Patterns {
        Patterns {
            may_build_dfa: may_build_dfa && patterns.len() <= DFA_MAX_PATTERNS,
            patterns,
            ignore_case,
            ..Patterns::default()
        }
    }

    /// The automaton to search `text` with: the DFA once the NFA has searched enough (and
    /// the NFA still, should the DFA fail to build).
    fn automaton(&self, text: &str) -> Option<&AhoCorasick> {
        let dfa = match self.dfa.get() {
            Some(dfa) => dfa.as_ref(),
            None if self.may_build_dfa
                && self.searched.fetch_add(text.len(), Ordering::Relaxed) >= DFA_AFTER_BYTES =>
            {
                self.dfa
                    .get_or_init(|| self.build(AhoCorasickKind::DFA))
                    .as_ref()
            }
            None => None,
        };
        dfa.or_else(|| self.nfa())
    }

    fn nfa(&self) -> Option<&AhoCorasick> {
        self.nfa
            .get_or_init(|| self.build(AhoCorasickKind::NoncontiguousNFA))
            .as_ref()
    }

    fn build(&self, kind: AhoCorasickKind) -> Option<AhoCorasick> {
        if self.patterns.is_empty() {
            return None;
        }
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .ascii_case_insensitive(self.ignore_case)
            .build(&self.patterns)
            .ok()
    }
}

/// Names of one group and what each may mean.
#[derive(Debug, Default)]
struct Group {
    names: Patterns,
    /// What each name may mean, in one list: pattern `i`'s are `targets[ends[i - 1]..ends[i]]`
    /// (a newsroom's fact base has a hundred thousand names, most with one meaning).
    targets: Vec<NameTarget>,
    ends: Vec<usize>,
}

impl Group {
    /// `found` lists each name with one thing it may mean, in the order they were found.
    fn new(mut found: Vec<(&str, NameTarget)>, may_build_dfa: bool) -> Group {
        // Stable: a name's meanings keep the order they were found in.
        found.sort_by(|a, b| a.0.cmp(b.0));
        let mut names = Vec::new();
        let mut targets = Vec::with_capacity(found.len());
        let mut ends = Vec::new();
        for same_name in found.chunk_by(|a, b| a.0 == b.0) {
            names.push(same_name[0].0.to_string());
            let start = targets.len();
            for &(_, target) in same_name {
                if !targets[start..].contains(&target) {
                    targets.push(target);
                }
            }
            ends.push(targets.len());
        }
        Group {
            names: Patterns::new(names, false, may_build_dfa),
            targets,
            ends,
        }
    }

    fn targets(&self, pattern: usize) -> &[NameTarget] {
        let Some(&end) = self.ends.get(pattern) else {
            return &[];
        };
        let start = pattern.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.targets[start..end]
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    groups: [Group; 3],
    titles: Patterns,
    offices: Vec<Vec<OfficeId>>,
}

impl NameIndex {
    pub fn build(base: &FactBase) -> NameIndex {
        let mut groups: [Vec<(&str, NameTarget)>; 3] = Default::default();
        let group_of = |entity: EntityId| match base.entities[entity].kind {
            EntityKind::Country => NameGroup::Countries as usize,
            _ => NameGroup::Core as usize,
        };
        for (id, entity) in base.entities.iter().enumerate() {
            let forms = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|name| (name, NameForm::Name))
                .chain(entity.adjectives.iter().map(|a| (a, NameForm::Adjective)));
            for (name, form) in forms {
                groups[group_of(id)].push((
                    name.as_str(),
                    NameTarget::Entity {
                        entity: id,
                        form,
                        alias: None,
                        ambiguous: entity.ambiguous.contains(name),
                    },
                ));
            }
        }
        for (index, alias) in base.aliases.iter().enumerate() {
            let entity = &base.entities[alias.entity];
            groups[group_of(alias.entity)].push((
                alias.name.as_str(),
                NameTarget::Entity {
                    entity: alias.entity,
                    form: NameForm::Name,
                    alias: Some(index),
                    ambiguous: entity.ambiguous.contains(&alias.name),
                },
            ));
        }
        for (index, capital) in base.capitals.iter().enumerate() {
            for name in std::iter::once(&capital.city).chain(&capital.aliases) {
                groups[NameGroup::Cities as usize]
                    .push((name.as_str(), NameTarget::City { capital: index }));
            }
        }
        let mut titles: FxHashMap<String, Vec<OfficeId>> = FxHashMap::default();
        for (id, office) in base.offices.iter().enumerate() {
            for title in std::iter::once(&office.title).chain(&office.titles) {
                let list = titles.entry(title.to_ascii_lowercase()).or_default();
                // Offices come in order, so a repeat can only be this office's own (a title
                // it lists twice): checking the last keeps thousands of offices of one title
                // linear.
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
        let mut titles: Vec<(String, Vec<OfficeId>)> = titles.into_iter().collect();
        titles.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (titles, offices) = titles.into_iter().unzip();
        let [core, countries, cities] = groups;
        NameIndex {
            groups: [
                Group::new(core, true),
                Group::new(countries, false),
                Group::new(cities, false),
            ],
            titles: Patterns::new(titles, true, true),
            offices,
        }
    }

    /// Every name of `group` in `text` at word boundaries, longest first, left to right.
    pub fn find<'a>(
        &'a self,
        group: NameGroup,
        text: &'a str,
    ) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.groups[group as usize].names.automaton(text), text)
    }

    /// Build the automata every block is searched with (core names, office titles) now
    /// rather than on first use.
    pub fn prepare(&self) {
        self.groups[NameGroup::Core as usize].names.nfa();
        self.titles.nfa();
    }

    /// Every office title in `text` (ignoring ASCII case) at word boundaries.
    pub fn find_titles<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.titles.automaton(text), text)
    }

    /// What a name found by [`NameIndex::find`] may mean.
    pub fn targets(&self, group: NameGroup, pattern: usize) -> &[NameTarget] {
        self.groups[group as usize].targets(pattern)
    }

    pub fn offices(&self, pattern: usize) -> &[OfficeId] {
        self.offices.get(pattern).map_or(&[], Vec::as_slice)
    }
}

fn find<'a>(
    automaton: Option<&'a AhoCorasick>,
    text: &'a str,
) -> impl Iterator<Item = NameMatch> + 'a {
    automaton
        .into_iter()
        .flat_map(move |ac| ac.find_iter(text))
        .filter(move |m| is_word_boundary(text, m.start(), m.end()))
        .map(|m| NameMatch {
            start: m.start(),
            end: m.end(),
            pattern: m.pattern().as_usize(),
        })
}

/// Whether `text[start..end]` stands as whole words: no letter or digit touches either end.
pub fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(entity: EntityId, alias: Option<usize>) -> NameTarget {
        NameTarget::Entity {
            entity,
            form: NameForm::Name,
            alias,
            ambiguous: false,
        }
    }

    #[test]
    fn a_group_lists_each_name_once_with_its_meanings_in_the_order_found() {
        let found = vec![
            ("Georgia", entity(7, None)),
            ("NATO", entity(1, None)),
            ("Georgia", entity(9, None)),
            ("NATO", entity(1, None)), // a name given twice for one entity counts once
            ("Georgia", entity(7, Some(3))),
        ];
        let group = Group::new(found, false);
        assert_eq!(group.names.patterns, ["Georgia", "NATO"]);
        assert_eq!(
            group.targets(0),
            [entity(7, None), entity(9, None), entity(7, Some(3))]
        );
        assert_eq!(group.targets(1), [entity(1, None)]);
        assert_eq!(group.targets(2), [], "no such pattern");
        let empty = Group::new(Vec::new(), false);
        assert_eq!(empty.targets(0), []);
    }

    #[test]
    fn a_dfa_takes_over_after_enough_text_and_finds_the_same_matches() {
        for ignore_case in [false, true] {
            let names = [
                "NATO",
                "Jens Stoltenberg",
                "Stoltenberg",
                "Jens",
                "secretary general",
            ];
            let patterns = Patterns::new(names.map(String::from).to_vec(), ignore_case, true);
            let text =
                "Jens Stoltenberg, NATO’s Secretary General; SNATO Jensen. Stoltenberg said.";
            let matches = |patterns: &Patterns| -> Vec<NameMatch> {
                find(patterns.automaton(text), text).collect()
            };
            let by_nfa = matches(&patterns);
            assert!(patterns.dfa.get().is_none(), "one short text keeps the NFA");
            let long = text.repeat(DFA_AFTER_BYTES / text.len() + 1);
            patterns.automaton(&long);
            assert!(
                patterns.dfa.get().is_none(),
                "the long text itself is searched by the NFA"
            );
            assert_eq!(matches(&patterns), by_nfa);
            assert!(
                patterns.dfa.get().is_some(),
                "the next search builds the DFA"
            );
            assert_eq!(by_nfa.len(), if ignore_case { 4 } else { 3 });
        }
    }

    #[test]
    fn many_patterns_keep_searching_with_the_nfa() {
        let names: Vec<String> = (0..=DFA_MAX_PATTERNS).map(|n| format!("Name{n}")).collect();
        let patterns = Patterns::new(names, false, true);
        let text = "Name7 and Name1000 met. ".repeat(DFA_AFTER_BYTES / 20);
        for _ in 0..2 {
            assert_eq!(
                find(patterns.automaton(&text), &text).count(),
                text.len() / 12
            );
        }
        assert!(patterns.dfa.get().is_none());
    }

    #[test]
    fn word_boundaries_respect_letters_on_both_sides() {
        assert!(is_word_boundary("the NATO allies", 4, 8));
        assert!(!is_word_boundary("SNATO", 1, 5));
        assert!(is_word_boundary("NATO’s", 0, 4));
        assert!(!is_word_boundary("Romanians", 0, 7));
    }
}
