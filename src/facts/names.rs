//! The alias automata: every name the fact base knows (entities, aliases, adjectives, capital
//! cities) and every office title, compiled into Aho-Corasick automata (leftmost-longest) and
//! matched at word boundaries.
//!
//! Names come in three groups, each with its own automaton built on first use, because
//! building them is most of the cost of loading the fact base and most articles need only the
//! first: organisations, people and places (always searched); countries (searched only where a
//! title or the word "capital" needs a jurisdiction); capital cities (only where the text says
//! "capital").

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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

/// Names of one group and their automaton, built on first use.
#[derive(Debug, Default)]
struct Group {
    names: Vec<String>,
    targets: Vec<Vec<NameTarget>>,
    automaton: OnceLock<Option<AhoCorasick>>,
}

impl Group {
    fn new(map: HashMap<&str, Vec<NameTarget>>) -> Group {
        let mut entries: Vec<(&str, Vec<NameTarget>)> = map.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        Group {
            names: entries
                .iter()
                .map(|(name, _)| (*name).to_string())
                .collect(),
            targets: entries.into_iter().map(|(_, t)| dedup(t)).collect(),
            automaton: OnceLock::new(),
        }
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| automaton(self.names.iter().map(String::as_str), false))
            .as_ref()
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    groups: [Group; 3],
    titles: Option<AhoCorasick>,
    offices: Vec<Vec<OfficeId>>,
}

impl NameIndex {
    pub fn build(base: &FactBase) -> NameIndex {
        let mut groups: [HashMap<&str, Vec<NameTarget>>; 3] = Default::default();
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
                groups[group_of(id)]
                    .entry(name.as_str())
                    .or_default()
                    .push(NameTarget::Entity {
                        entity: id,
                        form,
                        alias: None,
                        ambiguous: entity.ambiguous.contains(name),
                    });
            }
        }
        for (index, alias) in base.aliases.iter().enumerate() {
            let entity = &base.entities[alias.entity];
            groups[group_of(alias.entity)]
                .entry(alias.name.as_str())
                .or_default()
                .push(NameTarget::Entity {
                    entity: alias.entity,
                    form: NameForm::Name,
                    alias: Some(index),
                    ambiguous: entity.ambiguous.contains(&alias.name),
                });
        }
        for (index, capital) in base.capitals.iter().enumerate() {
            for name in std::iter::once(&capital.city).chain(&capital.aliases) {
                groups[NameGroup::Cities as usize]
                    .entry(name.as_str())
                    .or_default()
                    .push(NameTarget::City { capital: index });
            }
        }
        let mut titles: HashMap<String, Vec<OfficeId>> = HashMap::new();
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
        titles.sort();
        NameIndex {
            groups: groups.map(Group::new),
            titles: automaton(titles.iter().map(|(title, _)| title.as_str()), true),
            offices: titles.into_iter().map(|(_, offices)| offices).collect(),
        }
    }

    /// Every name of `group` in `text` at word boundaries, longest first, left to right.
    pub fn find<'a>(
        &'a self,
        group: NameGroup,
        text: &'a str,
    ) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.groups[group as usize].automaton(), text)
    }

    /// Build `group`'s automaton now rather than on first use.
    pub fn prepare(&self, group: NameGroup) {
        self.groups[group as usize].automaton();
    }

    /// Every office title in `text` (ignoring ASCII case) at word boundaries.
    pub fn find_titles<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.titles.as_ref(), text)
    }

    /// What a name found by [`NameIndex::find`] may mean.
    pub fn targets(&self, group: NameGroup, pattern: usize) -> &[NameTarget] {
        self.groups[group as usize]
            .targets
            .get(pattern)
            .map_or(&[], Vec::as_slice)
    }

    pub fn offices(&self, pattern: usize) -> &[OfficeId] {
        self.offices.get(pattern).map_or(&[], Vec::as_slice)
    }
}

fn dedup(mut targets: Vec<NameTarget>) -> Vec<NameTarget> {
    let mut seen = Vec::with_capacity(targets.len());
    targets.retain(|target| {
        if seen.contains(target) {
            false
        } else {
            seen.push(*target);
            true
        }
    });
    targets
}

fn automaton<'a>(
    patterns: impl Iterator<Item = &'a str>,
    ignore_case: bool,
) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        // A DFA searches a little faster but takes milliseconds more to build.
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .ascii_case_insensitive(ignore_case)
        .build(patterns)
        .ok()
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

    #[test]
    fn word_boundaries_respect_letters_on_both_sides() {
        assert!(is_word_boundary("the NATO allies", 4, 8));
        assert!(!is_word_boundary("SNATO", 1, 5));
        assert!(is_word_boundary("NATO’s", 0, 4));
        assert!(!is_word_boundary("Romanians", 0, 7));
    }
}
