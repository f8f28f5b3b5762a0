//! The lists of `words.toml` and what an entry of each may be. Shared by the build, which
//! writes the embedded lists as sorted constants (`build/words.rs`), and by the reading of
//! users' files (`src/style/words.rs`), so both accept and normalise entries alike.

use serde::Deserialize;
use toml::Spanned;

/// The lists, in the order of [`RawFile::lists`] and of the built constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    SpeechVerbs,
    SpeechPhrases,
    SpeakerAfter,
    TitleWords,
    TitleModifiers,
    TitleQualifiers,
    PictureWords,
    DecorativeImages,
}

pub const LISTS: [List; 8] = [
    List::SpeechVerbs,
    List::SpeechPhrases,
    List::SpeakerAfter,
    List::TitleWords,
    List::TitleModifiers,
    List::TitleQualifiers,
    List::PictureWords,
    List::DecorativeImages,
];

/// A words file. Its entries are `Box<str>`, not `String`: deserializing them then shares no
/// code with the spelling and title files, whose parsing stays as inlined as it was.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub speech: RawSpeech,
    #[serde(default)]
    pub titles: RawTitles,
    #[serde(default)]
    pub images: RawImages,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSpeech {
    #[serde(default)]
    pub verbs: Vec<Spanned<Box<str>>>,
    #[serde(default)]
    pub phrases: Vec<Spanned<Box<str>>>,
    #[serde(default)]
    pub speaker_after: Vec<Spanned<Box<str>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTitles {
    #[serde(default)]
    pub before_name: Vec<Spanned<Box<str>>>,
    #[serde(default)]
    pub modifiers: Vec<Spanned<Box<str>>>,
    #[serde(default)]
    pub qualifiers: Vec<Spanned<Box<str>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawImages {
    #[serde(default)]
    pub pictures: Vec<Spanned<Box<str>>>,
    #[serde(default)]
    pub decorative: Vec<Spanned<Box<str>>>,
}

impl RawFile {
    /// Each list's entries as written, in the order of [`LISTS`].
    pub fn lists(&self) -> [&[Spanned<Box<str>>]; 8] {
        [
            &self.speech.verbs,
            &self.speech.phrases,
            &self.speech.speaker_after,
            &self.titles.before_name,
            &self.titles.modifiers,
            &self.titles.qualifiers,
            &self.images.pictures,
            &self.images.decorative,
        ]
    }
}

/// The longest speech verb or phrase word, in bytes: words are lowered on the stack to be
/// looked up.
pub const LONGEST_SPEECH_WORD: usize = 32;

impl List {
    /// The list as the file names it: `speech.verbs`.
    pub fn name(self) -> &'static str {
        match self {
            List::SpeechVerbs => "speech.verbs",
            List::SpeechPhrases => "speech.phrases",
            List::SpeakerAfter => "speech.speaker-after",
            List::TitleWords => "titles.before-name",
            List::TitleModifiers => "titles.modifiers",
            List::TitleQualifiers => "titles.qualifiers",
            List::PictureWords => "images.pictures",
            List::DecorativeImages => "images.decorative",
        }
    }

    /// The entry as it is looked up (lower case, words one space apart), or why the list
    /// cannot hold it.
    pub fn normalise(self, entry: &str) -> Result<String, String> {
        let words: Vec<&str> = entry.split_whitespace().collect();
        let name = self.name();
        let Some(first) = words.first() else {
            return Err(format!("an entry of `{name}` cannot be empty"));
        };
        let one_word = || {
            if words.len() == 1 {
                Ok(())
            } else {
                Err(format!(
                    "`{entry}` is not one word: `{name}` holds single words"
                ))
            }
        };
        match self {
            List::SpeechVerbs | List::SpeechPhrases | List::SpeakerAfter => {
                match self {
                    List::SpeechVerbs => one_word()?,
                    List::SpeechPhrases if words.len() < 2 => {
                        return Err(format!(
                            "`{entry}` is one word: put it in `speech.verbs`; `{name}` holds \
                             phrases of two or more words"
                        ))
                    }
                    _ => {}
                }
                let bad = words.iter().find(|word| !is_ascii_word(word));
                if let Some(word) = bad {
                    return Err(format!(
                        "`{word}` is not a word of ASCII letters (hyphens only inside it, at \
                         most {LONGEST_SPEECH_WORD} letters): speech words are matched as such"
                    ));
                }
                Ok(words.join(" ").to_ascii_lowercase())
            }
            List::TitleWords | List::TitleModifiers | List::TitleQualifiers => {
                one_word()?;
                Ok(first.to_lowercase())
            }
            List::PictureWords => {
                one_word()?;
                if first.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    Ok(first.to_ascii_lowercase())
                } else {
                    Err(format!(
                        "`{entry}` is not a word of ASCII letters and digits: picture words are \
                         matched as such"
                    ))
                }
            }
            List::DecorativeImages => {
                one_word()?;
                Ok(first.to_ascii_lowercase())
            }
        }
    }
}

/// ASCII letters, with hyphens only between them ("co-host").
fn is_ascii_word(word: &str) -> bool {
    word.len() <= LONGEST_SPEECH_WORD
        && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        && !word.starts_with('-')
        && !word.ends_with('-')
}

/// Sorted as the lists are searched: by bytes; phrases longest first, so that a phrase is
/// found before a shorter one it begins with.
pub fn sort(list: List, entries: &mut Vec<String>) {
    match list {
        List::SpeechPhrases => entries.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b))),
        _ => entries.sort(),
    }
    entries.dedup();
}
