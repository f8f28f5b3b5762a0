//! Word lists (`rules/style/words.toml`, plus any `words.toml` in users' style folders):
//! speech verbs and phrases, words around titles, words for pictures. The embedded lists are
//! built into the binary sorted (`build/words.rs`): reading them parses nothing. A user's
//! file adds to them.

use std::path::PathBuf;
use std::sync::OnceLock;

use super::spelling::StyleFile;
use super::word_lists::{self, List, RawFile, LISTS};
use crate::error::InputError;
use crate::text::WordShapes;

const FILE_NAME: &str = "words.toml";

/// The embedded lists, in the order of [`LISTS`].
const EMBEDDED: [&[&str]; 8] = include!(concat!(env!("OUT_DIR"), "/word_lists.rs"));

/// One list: the embedded words and a user's, each sorted as [`word_lists::sort`] does.
#[derive(Debug, Default)]
pub struct WordList {
    embedded: &'static [&'static str],
    added: Vec<Box<str>>,
}

impl WordList {
    /// Whether the list holds `word`, written as the list is (lower case).
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// [`WordList::contains`] for a word as bytes.
    pub fn contains_bytes(&self, word: &[u8]) -> bool {
        self.embedded
            .binary_search_by(|entry| entry.as_bytes().cmp(word))
            .is_ok()
            || self
                .added
                .binary_search_by(|entry| entry.as_bytes().cmp(word))
                .is_ok()
    }

    /// Every word of the list.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.embedded
            .iter()
            .copied()
            .chain(self.added.iter().map(|word| &**word))
    }
}

/// Every list of `words.toml`.
#[derive(Debug, Default)]
pub struct Words {
    lists: [WordList; 8],
    /// The shapes of the speech verbs and of the phrases' first words, made when first
    /// asked for: most words of a sentence are ruled out by them before they are lowered.
    speech_shapes: OnceLock<WordShapes>,
}

impl Words {
    /// The embedded lists plus `words.toml` from each style folder in `dirs`.
    pub fn load(dirs: &[PathBuf]) -> Result<Words, InputError> {
        let mut added: [Vec<String>; 8] = Default::default();
        for path in dirs.iter().map(|dir| dir.join(FILE_NAME)) {
            if path.is_file() {
                add_file(&mut added, &StyleFile::read(&path)?)?;
            }
        }
        Ok(Words::with(added))
    }

    /// The embedded lists, each with the words `added` to it.
    fn with(mut added: [Vec<String>; 8]) -> Words {
        let lists = std::array::from_fn(|index| {
            let mut words = std::mem::take(&mut added[index]);
            word_lists::sort(LISTS[index], &mut words);
            WordList {
                embedded: EMBEDDED[index],
                added: words.into_iter().map(String::into_boxed_str).collect(),
            }
        });
        Words {
            lists,
            speech_shapes: OnceLock::new(),
        }
    }

    pub fn list(&self, list: List) -> &WordList {
        &self.lists[list as usize]
    }

    /// Whether `word` (any case) is a speech verb (the extractors ask `may_open_speech`
    /// and the list themselves; the tests ask this).
    #[cfg(test)]
    pub fn is_speech_verb(&self, word: &str) -> bool {
        word.len() <= word_lists::LONGEST_SPEECH_WORD
            && self.speech_shapes().may_hold(word)
            && crate::text::LowerAscii::new(word).is_some_and(|lower| {
                self.list(List::SpeechVerbs)
                    .contains_bytes(lower.as_bytes())
            })
    }

    /// Whether `word` (any case) may be a speech verb or a phrase's first word: false rules
    /// it out without lowering it.
    pub fn may_open_speech(&self, word: &str) -> bool {
        word.len() <= word_lists::LONGEST_SPEECH_WORD
            && word.is_ascii()
            && self.speech_shapes().may_hold(word)
    }

    fn speech_shapes(&self) -> &WordShapes {
        self.speech_shapes.get_or_init(|| {
            let mut shapes = WordShapes::default();
            let first_words = self
                .list(List::SpeechPhrases)
                .iter()
                .filter_map(|phrase| phrase.split(' ').next());
            for word in self.list(List::SpeechVerbs).iter().chain(first_words) {
                shapes.add(word);
            }
            shapes
        })
    }
}

/// Adds the entries of a user's file, checked and in the form they are looked up.
fn add_file(added: &mut [Vec<String>; 8], file: &StyleFile) -> Result<(), InputError> {
    let raw: RawFile = file.parse()?;
    for (&list, entries) in LISTS.iter().zip(raw.lists()) {
        for entry in entries {
            let word = list
                .normalise(entry.get_ref())
                .map_err(|message| file.error_at(message, entry.span()))?;
            added[list as usize].push(word.clone());
            // A speaker-after verb or phrase reports speech too.
            if list == List::SpeakerAfter {
                let into = if word.contains(' ') {
                    List::SpeechPhrases
                } else {
                    List::SpeechVerbs
                };
                added[into as usize].push(word);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_file(text: &str) -> Result<Words, InputError> {
        let mut added: [Vec<String>; 8] = Default::default();
        add_file(&mut added, &StyleFile::from_text("style/words.toml", text))?;
        Ok(Words::with(added))
    }

    #[track_caller]
    fn assert_error_at(text: &str, message_part: &str, spanned: &str) {
        let error = with_file(text).unwrap_err();
        assert!(error.message.contains(message_part), "{}", error.message);
        assert_eq!(error.span.unwrap().text(text), spanned);
    }

    #[test]
    fn embedded_lists_are_sorted_lower_case_and_checked() {
        for (&list, words) in LISTS.iter().zip(EMBEDDED) {
            assert!(!words.is_empty(), "{}", list.name());
            let mut sorted: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            word_lists::sort(list, &mut sorted);
            assert_eq!(sorted, *words, "{}", list.name());
            for word in words {
                assert_eq!(
                    list.normalise(word).as_deref(),
                    Ok(*word),
                    "{}",
                    list.name()
                );
            }
        }
        let words = Words::load(&[]).unwrap();
        // Speaker-after phrases report speech too.
        assert!(words.list(List::SpeechPhrases).contains("according to"));
        assert!(words.is_speech_verb("Said"));
        assert!(!words.is_speech_verb("deadpanned"));
    }

    #[test]
    fn a_users_words_are_added_in_lower_case() {
        let words = with_file(
            "[speech]\nverbs = ['Deadpanned']\nphrases = ['Hit  back']\nspeaker-after = ['per']\n\
             [titles]\nbefore-name = ['Governor']\n[images]\npictures = ['Mural']\n",
        )
        .unwrap();
        assert!(words.is_speech_verb("deadpanned"));
        assert!(words.is_speech_verb("DEADPANNED"));
        assert!(words.is_speech_verb("said"));
        assert!(words.is_speech_verb("per"));
        assert!(words.list(List::SpeakerAfter).contains("per"));
        assert!(words.list(List::SpeechPhrases).contains("hit back"));
        assert!(words.list(List::TitleWords).contains("governor"));
        assert!(words.list(List::TitleWords).contains("chancellor"));
        assert!(words.list(List::PictureWords).contains("mural"));
    }

    #[test]
    fn bad_entries_point_at_themselves() {
        assert_error_at(
            "[speech]\nverbs = ['said', 'hit back']\n",
            "is not one word",
            "'hit back'",
        );
        assert_error_at(
            "[speech]\nphrases = ['retorted']\n",
            "put it in `speech.verbs`",
            "'retorted'",
        );
        assert_error_at(
            "[speech]\nverbs = ['déclaré']\n",
            "not a word of ASCII letters",
            "'déclaré'",
        );
        assert_error_at("[titles]\nmodifiers = ['  ']\n", "cannot be empty", "'  '");
        assert_error_at("[speech]\nverb = ['quipped']\n", "unknown field", "verb");
        assert_error_at(
            "[speech]\nverbs = 'quipped'\n",
            "invalid style file",
            "'quipped'",
        );
    }
}
