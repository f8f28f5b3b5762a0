//! Title forms (`rules/style/titles.toml`, plus any `titles.toml` in users' style folders):
//! titles whose words are joined by a space or a hyphen ("Secretary General",
//! "Secretary-General"), how organisations write their own, and capitalised words that are
//! never a person's name.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use toml::Spanned;

use super::spelling::StyleFile;
use crate::error::InputError;
use crate::text::{with_lowercase_bytes, WordShapes};

/// The embedded file, read by the build script (and by the tests, to check its table).
#[cfg(test)]
const EMBEDDED: &str = include_str!("../../rules/style/titles.toml");
#[cfg(test)]
const EMBEDDED_PATH: &str = "rules/style/titles.toml (built in)";
const FILE_NAME: &str = "titles.toml";

/// Which gaps between a title's words are hyphens (bit `i`: between word `i` and `i + 1`);
/// the others are spaces. Two mentions of a title differ only in their joints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Joints(u32);

impl Joints {
    pub fn hyphen_at(self, gap: usize) -> bool {
        gap < 32 && self.0 & (1 << gap) != 0
    }

    pub fn with_hyphen_at(self, gap: usize) -> Joints {
        if gap < 32 {
            Joints(self.0 | (1 << gap))
        } else {
            self
        }
    }
}

#[derive(Clone, Debug)]
pub struct Title {
    /// The words as the file writes them ("Secretary", "General").
    pub words: Vec<String>,
    /// Each organisation's own form, by index into [`TitleTable::organisations`].
    pub canonical: Vec<(usize, Joints)>,
    /// The form to prefer on a tie when no organisation's form applies.
    pub preferred: Option<Joints>,
    /// Only a capitalised mention is the title ("Major General", not "a major general strike").
    pub capitalised: bool,
}

impl Title {
    /// The title written with the given joints: "Secretary-General".
    pub fn render(&self, joints: Joints) -> String {
        let mut text = String::new();
        for (index, word) in self.words.iter().enumerate() {
            if index > 0 {
                text.push(if joints.hyphen_at(index - 1) {
                    '-'
                } else {
                    ' '
                });
            }
            text.push_str(word);
        }
        text
    }

    pub fn canonical_for(&self, organisation: usize) -> Option<Joints> {
        self.canonical
            .iter()
            .find(|(org, _)| *org == organisation)
            .map(|(_, joints)| *joints)
    }
}

#[derive(Clone, Debug)]
pub struct Organisation {
    pub name: String,
    /// Names of the organisation as written in articles (matched exactly).
    pub aliases: Vec<String>,
}

#[derive(Debug, Default)]
pub struct TitleTable {
    /// The embedded table alone, as the build script read it: first words and words that
    /// are never names are looked up in its tables ([`FIRST_WORDS`], [`NOT_NAMES`]).
    embedded: bool,
    pub titles: Vec<Title>,
    pub organisations: Vec<Organisation>,
    /// Lower-case first word, as bytes (looked up without validating a lowered copy) →
    /// titles starting with it.
    by_first_word: FxHashMap<Box<[u8]>, Vec<usize>>,
    /// The shapes of the titles' first words: most words of an article are ruled out by
    /// them without hashing.
    first_word_shapes: WordShapes,
    /// Lower-case capitalised words that are never a person's name, as bytes.
    not_names: FxHashSet<Box<[u8]>>,
    /// Their shapes: most capitalised words of an article are names or other words that no
    /// word of the list is shaped like, and are passed without a lookup.
    not_name_shapes: WordShapes,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    title: Vec<RawTitle>,
    #[serde(default)]
    organisation: Vec<RawOrganisation>,
    #[serde(default)]
    not_names: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    words: Spanned<String>,
    #[serde(default)]
    canonical: BTreeMap<Spanned<String>, Spanned<String>>,
    preferred: Option<Spanned<String>>,
    #[serde(default)]
    capitalised: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganisation {
    name: String,
    aliases: Vec<Spanned<String>>,
}

impl TitleTable {
    /// The embedded titles plus `titles.toml` from each style folder in `dirs`. A user's
    /// title or organisation of the same name replaces the built-in one.
    pub fn load(dirs: &[PathBuf]) -> Result<TitleTable, InputError> {
        let users = StyleFile::users(FILE_NAME, dirs)?;
        let mut table = TitleTable::built();
        if users.is_empty() {
            return Ok(table);
        }
        // A user's file may replace any title or organisation: the table is indexed anew.
        table.embedded = false;
        table.not_names = LISTED_NOT_NAMES
            .iter()
            .map(|word| lower_case_key(word))
            .collect();
        for file in &users {
            table.add_file(file)?;
        }
        table.index();
        Ok(table)
    }

    /// The embedded table, from what the build script read.
    fn built() -> TitleTable {
        TitleTable {
            embedded: true,
            titles: TITLES
                .iter()
                .map(|title| Title {
                    words: title.words.iter().map(|word| word.to_string()).collect(),
                    canonical: title
                        .canonical
                        .iter()
                        .map(|&(organisation, joints)| (organisation, Joints(joints)))
                        .collect(),
                    preferred: title.preferred.map(Joints),
                    capitalised: title.capitalised,
                })
                .collect(),
            organisations: ORGANISATIONS
                .iter()
                .map(|(name, aliases)| Organisation {
                    name: name.to_string(),
                    aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
                })
                .collect(),
            by_first_word: FxHashMap::default(),
            first_word_shapes: WordShapes::from_bits(&FIRST_WORD_SHAPES),
            not_names: FxHashSet::default(),
            not_name_shapes: WordShapes::from_bits(&NOT_NAME_SHAPES),
        }
    }

    /// Titles whose first word is `word` (any case).
    pub fn starting_with(&self, word: &str) -> &[usize] {
        if !self.first_word_shapes.may_hold(word) {
            return &[];
        }
        with_lowercase_bytes(word, |lower| {
            if self.embedded {
                FIRST_WORDS
                    .binary_search_by(|(first, _)| first.as_bytes().cmp(lower))
                    .ok()
                    .map(|at| FIRST_WORDS[at].1)
            } else {
                self.by_first_word.get(lower).map(Vec::as_slice)
            }
        })
        .unwrap_or(&[])
    }

    /// Whether a capitalised word can be part of a person's name.
    pub fn may_be_name(&self, word: &str) -> bool {
        if !self.not_name_shapes.may_hold(word) {
            return true;
        }
        !with_lowercase_bytes(word, |lower| {
            if self.embedded {
                NOT_NAMES
                    .binary_search_by(|name| name.as_bytes().cmp(lower))
                    .is_ok()
            } else {
                self.not_names.contains(lower)
            }
        })
    }

    fn add_file(&mut self, file: &StyleFile) -> Result<(), InputError> {
        let raw: RawFile = file.parse()?;
        for organisation in raw.organisation {
            let aliases = organisation
                .aliases
                .into_iter()
                .map(|alias| {
                    if alias.get_ref().trim().is_empty() {
                        Err(file.error_at("an alias cannot be empty".to_string(), alias.span()))
                    } else {
                        Ok(alias.into_inner())
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let organisation = Organisation {
                name: organisation.name,
                aliases,
            };
            match self
                .organisations
                .iter_mut()
                .find(|known| known.name == organisation.name)
            {
                Some(known) => *known = organisation,
                None => self.organisations.push(organisation),
            }
        }
        for raw_title in raw.title {
            let words: Vec<String> = raw_title
                .words
                .get_ref()
                .split_whitespace()
                .map(String::from)
                .collect();
            if words.len() < 2 || words.len() > 32 {
                return Err(file.error_at(
                    "a title needs two or more words, separated by spaces".to_string(),
                    raw_title.words.span(),
                ));
            }
            let parse_form = |form: &Spanned<String>| {
                joints_of(&words, form.get_ref()).ok_or_else(|| {
                    file.error_at(
                        format!(
                            "`{}` is not a form of `{}`: write its words with spaces or hyphens",
                            form.get_ref(),
                            words.join(" ")
                        ),
                        form.span(),
                    )
                })
            };
            let mut canonical = Vec::new();
            for (organisation, form) in &raw_title.canonical {
                let index = self
                    .organisations
                    .iter()
                    .position(|known| &known.name == organisation.get_ref())
                    .ok_or_else(|| {
                        file.error_at(
                            format!(
                                "unknown organisation `{}`: list it under [[organisation]]",
                                organisation.get_ref()
                            ),
                            organisation.span(),
                        )
                    })?;
                canonical.push((index, parse_form(form)?));
            }
            let title = Title {
                preferred: raw_title.preferred.as_ref().map(parse_form).transpose()?,
                words,
                canonical,
                capitalised: raw_title.capitalised,
            };
            match self.titles.iter_mut().find(|known| {
                known.words.len() == title.words.len()
                    && known
                        .words
                        .iter()
                        .zip(&title.words)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            }) {
                Some(known) => *known = title,
                None => self.titles.push(title),
            }
        }
        for word in raw.not_names {
            if word.get_ref().split_whitespace().count() != 1 {
                return Err(file.error_at("expected one word".to_string(), word.span()));
            }
            self.not_names.insert(lower_case_key(word.get_ref().trim()));
        }
        Ok(())
    }

    /// Index first words; the words of titles and organisations are never names.
    fn index(&mut self) {
        self.by_first_word.clear();
        self.first_word_shapes = WordShapes::default();
        for (index, title) in self.titles.iter().enumerate() {
            let first = title.words[0].to_lowercase();
            self.first_word_shapes.add(&first);
            self.by_first_word
                .entry(first.into_bytes().into_boxed_slice())
                .or_default()
                .push(index);
            self.not_names
                .extend(title.words.iter().map(|word| lower_case_key(word)));
        }
        // Longer titles first, so "Under Secretary General" wins over a shorter title.
        for indices in self.by_first_word.values_mut() {
            indices.sort_by_key(|&index| std::cmp::Reverse(self.titles[index].words.len()));
        }
        for organisation in &self.organisations {
            for alias in &organisation.aliases {
                self.not_names.extend(
                    alias
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|word| !word.is_empty())
                        .map(lower_case_key),
                );
            }
        }
        self.not_name_shapes = WordShapes::default();
        for word in &self.not_names {
            if let Ok(word) = std::str::from_utf8(word) {
                self.not_name_shapes.add(word);
            }
        }
    }
}

/// A title as the build script writes it.
struct BuiltTitle {
    words: &'static [&'static str],
    canonical: &'static [(usize, u32)],
    preferred: Option<u32>,
    capitalised: bool,
}

// The embedded table: `TITLES`, `ORGANISATIONS`, `FIRST_WORDS` (lower case, sorted, with the
// titles they start, longest first), `LISTED_NOT_NAMES` (the file's own), `NOT_NAMES`
// (lower case, sorted, with the words of titles and organisations) and `FIRST_WORD_SHAPES`
// (see `build/style.rs`).
include!(concat!(env!("OUT_DIR"), "/titles_table.rs"));

/// The key of a word in the tables: its lower case, as bytes.
fn lower_case_key(word: &str) -> Box<[u8]> {
    word.to_lowercase().into_bytes().into_boxed_slice()
}

/// The joints of `form` if it writes exactly `words` (any case) joined by spaces or hyphens.
fn joints_of(words: &[String], form: &str) -> Option<Joints> {
    super::joints::joints_of(words, form).map(Joints)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> TitleTable {
        TitleTable::load(&[]).unwrap_or_else(|error| panic!("{}", error.located_message()))
    }

    fn title<'t>(table: &'t TitleTable, words: &str) -> &'t Title {
        table
            .titles
            .iter()
            .find(|t| t.words.join(" ") == words)
            .unwrap_or_else(|| panic!("no title `{words}`"))
    }

    fn organisation(table: &TitleTable, name: &str) -> usize {
        table
            .organisations
            .iter()
            .position(|o| o.name == name)
            .unwrap_or_else(|| panic!("no organisation `{name}`"))
    }

    #[track_caller]
    fn assert_canonical(table: &TitleTable, words: &str, org: &str, form: &str) {
        let title = title(table, words);
        let joints = title
            .canonical_for(organisation(table, org))
            .unwrap_or_else(|| panic!("no form of `{words}` for {org}"));
        assert_eq!(title.render(joints), form);
    }

    #[track_caller]
    fn assert_error_at(text: &str, message_part: &str, spanned: &str) {
        let mut table = TitleTable::default();
        let error = table
            .add_file(&StyleFile::from_text("style/titles.toml", text))
            .unwrap_err();
        assert!(error.message.contains(message_part), "{}", error.message);
        assert_eq!(error.span.unwrap().text(text), spanned);
    }

    /// The build script's table is the one this reader builds from the embedded file.
    #[test]
    fn the_built_table_is_the_file_read() {
        let mut read = TitleTable::default();
        read.add_file(&StyleFile::from_text(EMBEDDED_PATH, EMBEDDED))
            .unwrap_or_else(|error| panic!("{}", error.located_message()));
        read.index();
        let built = embedded();
        assert!(built.embedded);
        assert_eq!(format!("{:?}", built.titles), format!("{:?}", read.titles));
        assert_eq!(
            format!("{:?}", built.organisations),
            format!("{:?}", read.organisations)
        );
        assert_eq!(built.first_word_shapes, read.first_word_shapes);
        assert_eq!(built.not_name_shapes, read.not_name_shapes);
        assert_eq!(read.by_first_word.len(), FIRST_WORDS.len());
        for (first, indices) in &read.by_first_word {
            let first = std::str::from_utf8(first).unwrap();
            assert_eq!(built.starting_with(first), indices.as_slice(), "{first}");
        }
        let mut not_names: Vec<&[u8]> = read.not_names.iter().map(|name| &name[..]).collect();
        not_names.sort();
        let built_not_names: Vec<&[u8]> = NOT_NAMES.iter().map(|name| name.as_bytes()).collect();
        assert_eq!(not_names, built_not_names);
        for name in NOT_NAMES {
            assert!(!built.may_be_name(name), "{name}");
        }
    }

    #[test]
    fn organisations_write_their_own_forms() {
        let table = embedded();
        assert_canonical(&table, "Secretary General", "NATO", "Secretary General");
        assert_canonical(&table, "Secretary General", "UN", "Secretary-General");
        assert_canonical(&table, "Director General", "WHO", "Director-General");
        assert_canonical(
            &table,
            "Under Secretary General",
            "UN",
            "Under-Secretary-General",
        );
    }

    #[test]
    fn longer_titles_are_tried_first() {
        let table = embedded();
        let under = table.starting_with("under");
        assert_eq!(table.titles[under[0]].words.len(), 3);
        assert!(table.starting_with("Secretary").len() == 1);
        assert!(table.starting_with("SECRETARY").len() == 1);
        assert!(table.starting_with("nothing").is_empty());
        // Every title's first word is found through the shape filter, in any case.
        for title in &table.titles {
            let first = &title.words[0];
            assert!(!table.starting_with(first).is_empty(), "{first}");
            assert!(
                !table.starting_with(&first.to_uppercase()).is_empty(),
                "{first}"
            );
        }
    }

    #[test]
    fn title_and_organisation_words_are_not_names() {
        let table = embedded();
        for word in ["Secretary", "General", "Ministry", "Treaty", "Monday"] {
            assert!(!table.may_be_name(word), "{word}");
        }
        assert!(table.may_be_name("Stoltenberg"));
    }

    #[test]
    fn forms_are_parsed_against_the_words() {
        let words: Vec<String> = ["Commander", "in", "Chief"].map(String::from).to_vec();
        let joints = joints_of(&words, "Commander-in-Chief").unwrap();
        assert!(joints.hyphen_at(0) && joints.hyphen_at(1));
        assert_eq!(
            joints_of(&words, "commander in chief"),
            Some(Joints::default())
        );
        assert_eq!(joints_of(&words, "Commander in"), None);
        assert_eq!(joints_of(&words, "Commander–in–Chief"), None);
    }

    #[test]
    fn malformed_files_point_at_the_problem() {
        assert_error_at(
            "[[title]]\nwords = \"Secretary General\"\ncanonical = { NATO = \"Secretary General\" }\n",
            "unknown organisation",
            "NATO",
        );
        assert_error_at(
            "[[title]]\nwords = \"Prime Minister\"\npreferred = \"Prime Ministre\"\n",
            "not a form",
            "\"Prime Ministre\"",
        );
        assert_error_at(
            "[[title]]\nwords = \"Chancellor\"\n",
            "two or more",
            "\"Chancellor\"",
        );
        assert_error_at("not_names = [\"Two words\"]\n", "one word", "\"Two words\"");
        assert_error_at("[[title]]\nword = \"x\"\n", "word", "word");
    }

    /// A newsroom's own words that are never names join the built-in ones, and the shapes
    /// that pass most words without a lookup are worked out for them too.
    #[test]
    fn users_words_that_are_never_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "not_names = [\"Zorblax\"]\n").unwrap();
        let table = TitleTable::load(&[dir.path().to_path_buf()]).unwrap();
        assert!(!table.may_be_name("Zorblax"));
        assert!(!table.may_be_name("ZORBLAX"));
        assert!(!table.may_be_name("Minister"));
        assert!(table.may_be_name("Zorblak"));
        assert!(table.may_be_name("Stoltenberg"));
        assert!(!embedded().may_be_name("Minister"));
        assert!(embedded().may_be_name("Zorblax"));
    }

    #[test]
    fn users_files_add_titles() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[[title]]\nwords = \"Chief Whip\"\n\n[[organisation]]\nname = \"NATO\"\naliases = [\"NATO\", \"the Alliance\"]\n",
        )
        .unwrap();
        let table = TitleTable::load(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(
            table.titles[table.starting_with("chief")[0]].words,
            ["Chief", "Whip"]
        );
        let nato = &table.organisations[organisation(&table, "NATO")];
        assert_eq!(nato.aliases, ["NATO", "the Alliance"]);
        assert_canonical(&table, "Secretary General", "NATO", "Secretary General");
    }
}
