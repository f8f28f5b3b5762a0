//! British/American spelling pairs (`rules/style/spelling.toml`, plus any `spelling.toml` in
//! users' style folders). Each word form maps to its dialect and its other-dialect spelling
//! with the same inflection, so a fix keeps "organised" an "-ed" form: "organized".

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Deserialize;
use toml::Spanned;

use crate::config::Dialect;
use crate::error::InputError;
use crate::span::Span;
use crate::text::WordShapes;

/// The embedded file, read by the build script (and by the tests, to check its table).
#[cfg(test)]
const EMBEDDED: &str = include_str!("../../rules/style/spelling.toml");
#[cfg(test)]
const EMBEDDED_PATH: &str = "rules/style/spelling.toml (built in)";
const FILE_NAME: &str = "spelling.toml";

/// One spelling of a word that marks a dialect, borrowed from the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant<'t> {
    pub dialect: Dialect,
    /// The same form in the other dialect (lower case), e.g. "organized" for "organised".
    pub counterpart: &'t str,
    /// Forms of one listed pair share this number (defence, defences, defenceless).
    pub pair: u32,
    /// An -ise/-ize form: Oxford spelling writes -ize in British English, so these forms are
    /// compared only with one another.
    pub oxford: bool,
}

/// A [`Variant`] of a user's file, as the table keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ReadVariant {
    dialect: Dialect,
    counterpart: String,
    pair: u32,
    oxford: bool,
}

impl ReadVariant {
    fn as_variant(&self) -> Variant<'_> {
        Variant {
            dialect: self.dialect,
            counterpart: &self.counterpart,
            pair: self.pair,
            oxford: self.oxford,
        }
    }
}

/// An embedded form: its spelling and its counterpart as (start, length) in [`FORM_TEXT`].
/// Offsets rather than `&str`s: every pointer in a static table is one more relocation the
/// loader makes at each start, and this table has thousands of forms.
struct EmbeddedForm {
    form: (u32, u32),
    counterpart: (u32, u32),
    dialect: Dialect,
    pair: u32,
    oxford: bool,
}

impl EmbeddedForm {
    fn spelling(&self) -> &'static str {
        embedded_text(self.form)
    }

    fn variant(&self) -> Variant<'static> {
        Variant {
            dialect: self.dialect,
            counterpart: embedded_text(self.counterpart),
            pair: self.pair,
            oxford: self.oxford,
        }
    }
}

/// The piece of [`FORM_TEXT`] at (start, length).
fn embedded_text((start, length): (u32, u32)) -> &'static str {
    &FORM_TEXT[start as usize..(start + length) as usize]
}

/// Every dialect-marking word form, keyed by its lower-case spelling.
#[derive(Debug, Default)]
pub struct SpellingTable {
    /// Whether the embedded forms (built into [`FORMS`] by the build script) are part of it.
    embedded: bool,
    /// The forms of users' files, over the embedded ones (FxHash: looked up for every word
    /// of every article).
    forms: FxHashMap<String, ReadVariant>,
    /// The shapes of the ASCII forms, to rule most words out before lowering and hashing them.
    shapes: WordShapes,
    pairs: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    group: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    /// Named in error messages.
    name: String,
    endings: Spanned<Vec<(String, String)>>,
    words: Vec<Spanned<String>>,
    #[serde(default)]
    oxford: bool,
    only: Option<Dialect>,
}

impl SpellingTable {
    /// The embedded pairs plus `spelling.toml` from each style folder in `dirs` (later files
    /// override earlier ones, word by word).
    pub fn load(dirs: &[PathBuf]) -> Result<SpellingTable, InputError> {
        // The embedded file was read by the build script into a ready table.
        let mut table = SpellingTable {
            embedded: true,
            forms: FxHashMap::default(),
            shapes: WordShapes::from_bits(&SHAPES),
            pairs: PAIRS,
        };
        for file in StyleFile::users(FILE_NAME, dirs)? {
            table.add_file(&file)?;
        }
        Ok(table)
    }

    /// The variant a word form marks, if any. `word` must be lower case.
    pub fn get(&self, word: &str) -> Option<Variant<'_>> {
        if !self.forms.is_empty() {
            if let Some(variant) = self.forms.get(word) {
                return Some(variant.as_variant());
            }
        }
        if self.embedded {
            embedded_form(word)
        } else {
            None
        }
    }

    /// Whether `word`, in any case, may be a form of the table: false rules it out without
    /// lowering or hashing it (most words of an article).
    pub fn may_hold(&self, word: &str) -> bool {
        self.shapes.may_hold(word)
    }

    /// How many pairs were listed (each pair stands for all its inflected forms).
    pub fn pair_count(&self) -> usize {
        self.pairs as usize
    }

    fn add_file(&mut self, file: &StyleFile) -> Result<(), InputError> {
        let error_at = |message: String, span: Range<usize>| file.error_at(message, span);
        let raw: RawFile = file.parse()?;
        // Forms of this file: a form listed twice with different meanings is an error here,
        // while a user's file may override the built-in list.
        let mut file_forms: FxHashMap<String, ReadVariant> = FxHashMap::default();
        // Each pair gives about two forms per ending on each side: no table grows twice.
        file_forms.reserve(
            raw.group
                .iter()
                .map(|group| group.words.len() * group.endings.get_ref().len() * 2)
                .sum(),
        );
        for group in raw.group {
            let Some((base_gb, base_us)) = group.endings.get_ref().first().cloned() else {
                return Err(error_at(
                    format!(
                        "in group `{}`: `endings` needs at least the base ending pair",
                        group.name
                    ),
                    group.endings.span(),
                ));
            };
            for entry in &group.words {
                let in_group = |message: String| {
                    error_at(
                        format!("in group `{}`: {message}", group.name),
                        entry.span(),
                    )
                };
                let (british, american) = split_entry(entry.get_ref())
                    .ok_or_else(|| in_group(ENTRY_SHAPE.to_string()))?;
                let (Some(stem_gb), Some(stem_us)) = (
                    british.strip_suffix(base_gb.as_str()),
                    american.strip_suffix(base_us.as_str()),
                ) else {
                    return Err(in_group(format!(
                        "`{}` does not end with the base endings `{base_gb}` / `{base_us}`",
                        entry.get_ref()
                    )));
                };
                self.pairs += 1;
                let pair = self.pairs;
                for (ending_gb, ending_us) in group.endings.get_ref() {
                    let form_gb = joined(stem_gb, ending_gb);
                    let form_us = joined(stem_us, ending_us);
                    if form_gb == form_us {
                        continue;
                    }
                    let sides = [
                        (Dialect::British, form_gb.clone(), form_us.clone()),
                        (Dialect::American, form_us, form_gb),
                    ];
                    for (dialect, form, counterpart) in sides {
                        if group.only.is_some_and(|only| only != dialect) {
                            continue;
                        }
                        let variant = ReadVariant {
                            dialect,
                            counterpart,
                            pair,
                            oxford: group.oxford,
                        };
                        if let Some(previous) = file_forms.get(&form) {
                            if previous.dialect != variant.dialect
                                || previous.counterpart != variant.counterpart
                            {
                                return Err(in_group(format!(
                                    "`{form}` is already listed as {} for `{}`",
                                    dialect_name(previous.dialect),
                                    previous.counterpart
                                )));
                            }
                            continue;
                        }
                        file_forms.insert(form, variant);
                    }
                }
            }
        }
        for form in file_forms.keys() {
            self.shapes.add(form);
        }
        if self.forms.is_empty() {
            self.forms = file_forms;
        } else {
            self.forms.extend(file_forms);
        }
        Ok(())
    }
}

// The embedded forms: `PAIRS`, `FORMS` (form, variant), `SLOTS` (an open-addressing index
// into `FORMS`, 1-based, 0 for an empty slot) and `SHAPES` (see `build/style.rs`).
include!(concat!(env!("OUT_DIR"), "/spelling_forms.rs"));

/// The embedded variant of `word` (lower case), found in the built table.
fn embedded_form(word: &str) -> Option<Variant<'static>> {
    let mask = SLOTS.len() - 1;
    let mut slot = fnv1a(word.as_bytes()) as usize & mask;
    loop {
        let entry = usize::from(SLOTS[slot]);
        let form = FORMS.get(entry.checked_sub(1)?)?;
        if form.spelling() == word {
            return Some(form.variant());
        }
        slot = (slot + 1) & mask;
    }
}

/// FNV-1a, as the build script hashes the forms into `SLOTS`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `stem` + `ending`, allocated once.
fn joined(stem: &str, ending: &str) -> String {
    let mut form = String::with_capacity(stem.len() + ending.len());
    form.push_str(stem);
    form.push_str(ending);
    form
}

const ENTRY_SHAPE: &str =
    "expected \"british american\" or one shared base word, in lower-case letters";

/// "colour color" → (colour, color); "travel" → (travel, travel).
fn split_entry(entry: &str) -> Option<(&str, &str)> {
    let mut words = entry.split_whitespace();
    let british = words.next()?;
    let american = words.next().unwrap_or(british);
    let well_formed = |word: &str| word.chars().all(|c| c.is_lowercase());
    (words.next().is_none() && well_formed(british) && well_formed(american))
        .then_some((british, american))
}

fn dialect_name(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::British => "British",
        Dialect::American => "American",
    }
}

/// A style file's text and name, for parsing with errors that point into it.
pub(super) struct StyleFile {
    path: String,
    text: Arc<String>,
}

impl StyleFile {
    /// `name` from each of the user's style folders that has one.
    pub(super) fn users(name: &str, dirs: &[PathBuf]) -> Result<Vec<StyleFile>, InputError> {
        let mut files = Vec::new();
        for path in dirs.iter().map(|dir| dir.join(name)) {
            if path.is_file() {
                files.push(StyleFile::read(&path)?);
            }
        }
        Ok(files)
    }

    pub(super) fn read(path: &Path) -> Result<StyleFile, InputError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| {
            InputError::new(&display, format!("cannot read style file: {error}"))
        })?;
        Ok(StyleFile {
            path: display,
            text: Arc::new(text),
        })
    }

    #[cfg(test)]
    pub(super) fn from_text(path: &str, text: &str) -> StyleFile {
        StyleFile {
            path: path.to_string(),
            text: Arc::new(text.to_string()),
        }
    }

    pub(super) fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, InputError> {
        toml::from_str(&self.text).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            self.error_at(
                format!("invalid style file: {}", error.message().trim()),
                span,
            )
        })
    }

    pub(super) fn error_at(&self, message: String, span: Range<usize>) -> InputError {
        InputError::new(&self.path, message).at(Span::from(span), Arc::clone(&self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> SpellingTable {
        SpellingTable::load(&[]).unwrap_or_else(|error| panic!("{}", error.located_message()))
    }

    #[track_caller]
    fn assert_variant(table: &SpellingTable, word: &str, dialect: Dialect, counterpart: &str) {
        let variant = table
            .get(word)
            .unwrap_or_else(|| panic!("`{word}` is not listed"));
        assert_eq!(variant.dialect, dialect, "{word}");
        assert_eq!(variant.counterpart, counterpart, "{word}");
    }

    #[track_caller]
    fn assert_unlisted(table: &SpellingTable, word: &str) {
        assert!(table.get(word).is_none(), "`{word}` must not be listed");
    }

    #[track_caller]
    fn assert_error_at(text: &str, message_part: &str, spanned: &str) {
        let mut table = SpellingTable::default();
        let file = StyleFile::from_text("style/spelling.toml", text);
        let error = table.add_file(&file).unwrap_err();
        assert!(error.message.contains(message_part), "{}", error.message);
        assert_eq!(error.span.unwrap().text(text), spanned);
    }

    #[test]
    fn has_at_least_two_hundred_pairs() {
        assert!(
            embedded().pair_count() >= 200,
            "{}",
            embedded().pair_count()
        );
    }

    #[test]
    fn inflections_keep_their_form() {
        let table = embedded();
        assert_variant(&table, "defense", Dialect::American, "defence");
        assert_variant(&table, "defences", Dialect::British, "defenses");
        assert_variant(&table, "kilometres", Dialect::British, "kilometers");
        assert_variant(&table, "organisation", Dialect::British, "organization");
        assert_variant(&table, "organizing", Dialect::American, "organising");
        assert_variant(&table, "centred", Dialect::British, "centered");
        assert_variant(&table, "travelled", Dialect::British, "traveled");
        assert_variant(&table, "travellers", Dialect::British, "travelers");
        assert_variant(&table, "manoeuvring", Dialect::British, "maneuvering");
        assert_variant(&table, "colourful", Dialect::British, "colorful");
        assert_unlisted(&table, "travel");
    }

    #[test]
    fn words_of_both_dialects_are_never_american() {
        let table = embedded();
        for word in [
            "program",
            "license",
            "practice",
            "tire",
            "check",
            "story",
            "meter",
            "draft",
            "curb",
            "inquiry",
            "analyses",
            "annex",
            "cancellation",
            "advertise",
            "criticism",
        ] {
            assert_unlisted(&table, word);
        }
        assert_variant(&table, "programme", Dialect::British, "program");
        assert_variant(&table, "analyzes", Dialect::American, "analyses");
    }

    #[test]
    fn ise_forms_are_marked_oxford() {
        let table = embedded();
        assert!(table.get("realize").unwrap().oxford);
        assert!(!table.get("analyze").unwrap().oxford);
        assert!(!table.get("colour").unwrap().oxford);
    }

    #[test]
    fn the_shape_filter_keeps_every_form_in_any_case_and_rules_out_others() {
        let table = embedded();
        for form in FORMS.iter().map(EmbeddedForm::spelling) {
            let capitalised = format!("{}{}", form[..1].to_uppercase(), &form[1..]);
            for written in [form.to_string(), form.to_uppercase(), capitalised] {
                assert!(table.may_hold(&written), "{written}");
            }
        }
        for word in ["x", "qqqqqqq", "Zzzzzzzzzzzzzzzzz", "Xylophonist"] {
            assert!(!table.may_hold(word), "{word}");
        }
        for word in ["Ärger", "7even"] {
            assert!(
                table.may_hold(word),
                "{word}: another shape is never ruled out"
            );
        }
    }

    /// The build script's table is the one this reader builds from the embedded file.
    #[test]
    fn the_built_table_is_the_file_read() {
        let mut read = SpellingTable::default();
        read.add_file(&StyleFile::from_text(EMBEDDED_PATH, EMBEDDED))
            .unwrap_or_else(|error| panic!("{}", error.located_message()));
        assert_eq!(read.forms.len(), FORMS.len());
        for (form, variant) in &read.forms {
            assert_eq!(embedded_form(form), Some(variant.as_variant()), "{form}");
        }
        assert_eq!(read.pairs, PAIRS);
        assert_eq!(read.shapes, WordShapes::from_bits(&SHAPES));
        assert_eq!(embedded_form("colourx"), None);
        assert_eq!(embedded_form(""), None);
    }

    #[test]
    fn forms_of_one_pair_share_its_number() {
        let table = embedded();
        assert_eq!(
            table.get("defence").unwrap().pair,
            table.get("defenses").unwrap().pair
        );
        assert_ne!(
            table.get("defence").unwrap().pair,
            table.get("offence").unwrap().pair
        );
    }

    #[test]
    fn malformed_files_point_at_the_problem() {
        assert_error_at(
            "[[group]]\nname = \"x\"\nendings = [[\"our\", \"or\"]]\nwords = [\"centre center\"]\n",
            "base endings",
            "\"centre center\"",
        );
        assert_error_at(
            "[[group]]\nname = \"x\"\nendings = [[\"\", \"\"]]\nwords = [\"Grey gray\"]\n",
            "lower-case",
            "\"Grey gray\"",
        );
        assert_error_at(
            "[[group]]\nname = \"x\"\nendings = []\nwords = []\n",
            "base ending",
            "[]",
        );
        assert_error_at(
            "[[group]]\nname = \"x\"\nendings = [[\"\", \"\"]]\nwords = [\"grey gray\", \"grey grau\"]\n",
            "already listed",
            "\"grey grau\"",
        );
        assert_error_at("[[group]]\nnom = 1\n", "nom", "nom");
    }

    #[test]
    fn users_files_add_and_override() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[[group]]\nname = \"house\"\nendings = [[\"\", \"\"]]\nwords = [\"whilst while\"]\n",
        )
        .unwrap();
        let table = SpellingTable::load(&[dir.path().to_path_buf()]).unwrap();
        assert_variant(&table, "whilst", Dialect::British, "while");
        assert_variant(&table, "colour", Dialect::British, "color");
    }
}
