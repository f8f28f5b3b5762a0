//! The alias automata: every name the fact base knows (entities, aliases, adjectives), every
//! capital city and every office title, each compiled into an Aho-Corasick automaton
//! (leftmost-longest) and matched at word boundaries. The cities' automaton is built on first
//! use: most articles never write "capital", and building it costs more than the rest.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{EntityId, FactBase, OfficeId};

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
    /// Index into [`NameIndex::targets`] / [`NameIndex::offices`].
    pub pattern: usize,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    names: Option<AhoCorasick>,
    targets: Vec<Vec<NameTarget>>,
    cities: OnceLock<Option<AhoCorasick>>,
    city_names: Vec<String>,
    city_targets: Vec<Vec<NameTarget>>,
    titles: Option<AhoCorasick>,
    offices: Vec<Vec<OfficeId>>,
}

impl NameIndex {
    pub fn build(base: &FactBase) -> NameIndex {
        let mut names: HashMap<&str, Vec<NameTarget>> = HashMap::new();
        for (id, entity) in base.entities.iter().enumerate() {
            let forms = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|name| (name, NameForm::Name))
                .chain(entity.adjectives.iter().map(|a| (a, NameForm::Adjective)));
            for (name, form) in forms {
                names
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
            names
                .entry(alias.name.as_str())
                .or_default()
                .push(NameTarget::Entity {
                    entity: alias.entity,
                    form: NameForm::Name,
                    alias: Some(index),
                    ambiguous: entity.ambiguous.contains(&alias.name),
                });
        }
        let mut cities: HashMap<&str, Vec<NameTarget>> = HashMap::new();
        for (index, capital) in base.capitals.iter().enumerate() {
            for name in std::iter::once(&capital.city).chain(&capital.aliases) {
                cities
                    .entry(name.as_str())
                    .or_default()
                    .push(NameTarget::City { capital: index });
            }
        }
        let mut cities: Vec<(&str, Vec<NameTarget>)> = cities.into_iter().collect();
        cities.sort_by(|a, b| a.0.cmp(b.0));
        let mut titles: HashMap<String, Vec<OfficeId>> = HashMap::new();
        for (id, office) in base.offices.iter().enumerate() {
            for title in std::iter::once(&office.title).chain(&office.titles) {
                let list = titles.entry(title.to_ascii_lowercase()).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
        let mut names: Vec<(&str, Vec<NameTarget>)> = names.into_iter().collect();
        names.sort_by(|a, b| a.0.cmp(b.0));
        let mut titles: Vec<(String, Vec<OfficeId>)> = titles.into_iter().collect();
        titles.sort();
        NameIndex {
            names: automaton(names.iter().map(|(name, _)| *name), false),
            targets: names
                .into_iter()
                .map(|(_, targets)| dedup(targets))
                .collect(),
            cities: OnceLock::new(),
            city_names: cities.iter().map(|(name, _)| (*name).to_string()).collect(),
            city_targets: cities.into_iter().map(|(_, targets)| targets).collect(),
            titles: automaton(titles.iter().map(|(title, _)| title.as_str()), true),
            offices: titles.into_iter().map(|(_, offices)| offices).collect(),
        }
    }

    /// Every known name in `text` at word boundaries, longest first, left to right.
    pub fn find_names<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.names.as_ref(), text)
    }

    /// Every capital city's name in `text` at word boundaries.
    pub fn find_cities<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        let cities = self
            .cities
            .get_or_init(|| automaton(self.city_names.iter().map(String::as_str), false));
        find(cities.as_ref(), text)
    }

    pub fn city_targets(&self, pattern: usize) -> &[NameTarget] {
        self.city_targets.get(pattern).map_or(&[], Vec::as_slice)
    }

    /// Every office title in `text` (ignoring ASCII case) at word boundaries.
    pub fn find_titles<'a>(&'a self, text: &'a str) -> impl Iterator<Item = NameMatch> + 'a {
        find(self.titles.as_ref(), text)
    }

    pub fn targets(&self, pattern: usize) -> &[NameTarget] {
        self.targets.get(pattern).map_or(&[], Vec::as_slice)
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
