//! Reading fact files and building a [`FactBase`] from them: every problem (bad TOML, unknown
//! keys, bad dates, and what `builder.rs` finds) is an [`InputError`] pointing into its file.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::builder::{self, Input};
use super::file::RawFile;
use super::tables::Tables;
use super::FactBase;
use crate::error::InputError;
use crate::span::Span;

/// One fact file's text. `layer` 0 is the embedded defaults, then each user folder in order:
/// a later layer replaces what earlier ones say about the same thing.
pub struct SourceFile {
    pub path: String,
    /// Shown when a problem points into it.
    pub text: Cow<'static, str>,
    pub layer: usize,
    /// For embedded files, the build script's pre-parsed copy (see `build.rs`).
    pub parsed: Option<&'static str>,
    /// Read from `path` (a user's fact folder): once parsed, the text is let go and read
    /// again only to show a problem, so a newsroom's long file is not held while the fact
    /// base is built from it.
    pub on_disk: bool,
}

macro_rules! embedded {
    ($($name:literal),*) => {
        [$((
            concat!("rules/facts/", $name, ".toml"),
            include_str!(concat!("../../rules/facts/", $name, ".toml")),
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        )),*]
    };
}

/// The embedded defaults, in a fixed order (the same as `build.rs`).
pub fn embedded_sources() -> Vec<SourceFile> {
    const FILES: [(&str, &str, &str); 8] = embedded!(
        "organisations",
        "countries",
        "places",
        "offices",
        "events",
        "people",
        "world_offices",
        "world_organisations"
    );
    FILES
        .iter()
        .map(|(path, text, parsed)| SourceFile {
            path: (*path).to_string(),
            text: Cow::Borrowed(text),
            layer: 0,
            parsed: Some(parsed),
            on_disk: false,
        })
        .collect()
}

/// Every `*.toml` file directly in `dir`, sorted by name.
pub fn read_folder(dir: &Path, layer: usize) -> Result<Vec<SourceFile>, InputError> {
    let display = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|error| InputError::new(&display, format!("cannot read fact folder: {error}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let display = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|error| {
                InputError::new(&display, format!("cannot read fact file: {error}"))
            })?;
            Ok(SourceFile {
                path: display,
                text: Cow::Owned(text),
                layer,
                parsed: None,
                on_disk: true,
            })
        })
        .collect()
}

/// The fact base of `sources` (parsed, then built by `builder.rs`), or every problem in them,
/// each pointing into its file.
pub fn build(sources: Vec<SourceFile>) -> Result<FactBase, Vec<InputError>> {
    tables(sources).map(FactBase::with_names)
}

/// A problem in `source` at `span`, shown in `text` when it is at hand.
fn problem_in(
    source: &SourceFile,
    text: Option<&Arc<String>>,
    span: std::ops::Range<usize>,
    message: String,
) -> InputError {
    let error = InputError::new(&source.path, message);
    match text {
        Some(text) => error.at(Span::from(span), Arc::clone(text)),
        None => error,
    }
}

/// What a released text was, to know the text read again for a problem is the same.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    len: usize,
    hash: u64,
}

impl Fingerprint {
    fn of(text: &str) -> Fingerprint {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        text.hash(&mut hasher);
        Fingerprint {
            len: text.len(),
            hash: hasher.finish(),
        }
    }
}

/// Let go of the text of a parsed file that can be read again from disk.
fn release_text(source: &mut SourceFile) -> Option<Fingerprint> {
    if !source.on_disk {
        return None;
    }
    let fingerprint = Fingerprint::of(&source.text);
    source.text = Cow::Borrowed("");
    Some(fingerprint)
}

/// The text of `source` to show its problems in: kept, or read again when it was released
/// (none when the file changed since, so no problem points into text it does not hold).
fn text_for_problems(source: &SourceFile, released: Option<Fingerprint>) -> Option<Arc<String>> {
    match released {
        None => Some(Arc::new(source.text.to_string())),
        Some(fingerprint) => std::fs::read_to_string(&source.path)
            .ok()
            .filter(|text| Fingerprint::of(text) == fingerprint)
            .map(Arc::new),
    }
}

/// The tables of `sources`, or every problem in them.
fn tables(mut sources: Vec<SourceFile>) -> Result<Tables, Vec<InputError>> {
    let mut inputs = Vec::with_capacity(sources.len());
    let mut errors = Vec::new();
    for (index, raw) in parse_all(&sources).into_iter().enumerate() {
        match raw {
            Ok(raw) => inputs.push(Input {
                layer: sources[index].layer,
                raw,
            }),
            Err((span, message)) => {
                let source = &sources[index];
                let text = text_for_problems(source, None);
                errors.push(problem_in(source, text.as_ref(), span, message));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let released: Vec<Option<Fingerprint>> = sources.iter_mut().map(release_text).collect();
    // The parsed files are dropped on return, before the name automata are built beside the
    // tables: they take more memory than the tables built from them.
    builder::build(&mut inputs).map_err(|problems| {
        // Each file's text once, shared by its problems.
        let mut texts: Vec<Option<Option<Arc<String>>>> = vec![None; sources.len()];
        problems
            .into_iter()
            .map(|problem| {
                let source = &sources[problem.file];
                let text = texts[problem.file]
                    .get_or_insert_with(|| text_for_problems(source, released[problem.file]));
                problem_in(source, text.as_ref(), problem.span, problem.message)
            })
            .collect()
    })
}

type ParseResult = Result<RawFile, (std::ops::Range<usize>, String)>;

fn parse_one(source: &SourceFile) -> ParseResult {
    match source.parsed {
        Some(json) => serde_json::from_str::<RawFile>(json)
            .map_err(|error| (0..0, format!("invalid fact file: {error}"))),
        None => super::pieces::parse(&source.text).map_err(|error| {
            let message = format!("invalid fact file: {}", error.message().trim());
            (error.span().unwrap_or(0..0), message)
        }),
    }
}

/// Every file parsed, in order. The files are shared between two threads by size (the
/// embedded base's three large files make most of its start-up): parsing is most of the time
/// loading takes, and the files are independent until their ids are resolved.
fn parse_all(sources: &[SourceFile]) -> Vec<ParseResult> {
    let size = |source: &SourceFile| source.parsed.map_or(source.text.len(), str::len);
    let total: usize = sources.iter().map(size).sum();
    if sources.len() < 2 || total < 256 * 1024 {
        return sources.iter().map(parse_one).collect();
    }
    // This thread takes the largest files until it has about half, so that a newsroom's
    // long file is read into the memory the building on this thread reuses after.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(size(&sources[i])));
    let mut mine = Vec::new();
    let mut taken = 0;
    for &i in &order {
        if taken + size(&sources[i]) <= total / 2 || mine.is_empty() {
            taken += size(&sources[i]);
            mine.push(i);
        }
    }
    let theirs: Vec<usize> = (0..sources.len()).filter(|i| !mine.contains(i)).collect();
    let mut results: Vec<Option<ParseResult>> = (0..sources.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let other = scope.spawn(|| {
            theirs
                .iter()
                .map(|&i| (i, parse_one(&sources[i])))
                .collect::<Vec<_>>()
        });
        for &i in &mine {
            results[i] = Some(parse_one(&sources[i]));
        }
        match other.join() {
            Ok(done) => {
                for (i, result) in done {
                    results[i] = Some(result);
                }
            }
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    results
        .into_iter()
        .map(|result| result.expect("every file is parsed"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Str;

    /// The two ways to the embedded base may never drift apart: the static tables hold
    /// exactly the tables built from the TOML files (and from the JSON copies of them that
    /// layered folders load), and the static name index the one built over them, lexicons
    /// included.
    #[test]
    fn the_static_base_holds_what_the_fact_files_build() {
        let embedded = super::super::embedded::tables();
        let mut toml_sources = embedded_sources();
        for source in &mut toml_sources {
            source.parsed = None;
        }
        let from_toml = tables(toml_sources).expect("the embedded files are valid");
        assert!(!from_toml.terms.is_empty() && !from_toml.entities.is_empty());
        assert!(
            embedded == from_toml,
            "the static base differs from the TOML files"
        );
        let from_json = tables(embedded_sources()).expect("the embedded files are valid");
        assert!(
            embedded == from_json,
            "the static base differs from the JSON copies"
        );
        // A fresh fact base built from the TOML files, its lexicons built as the static
        // ones were (the process's shared embedded base may have searched for other tests).
        let built = FactBase::with_names(from_toml);
        built.names().prepare();
        let embedded = FactBase {
            tables: embedded,
            names: super::super::embedded::names(),
            name_shapes: std::sync::OnceLock::new(),
        };
        assert_eq!(format!("{embedded:?}"), format!("{built:?}"));
        assert!(format!("{:?}", embedded.names()).contains("Lexicon"));
    }

    /// Embedded values read and compare as owned ones do, and change by copying.
    #[test]
    fn embedded_values_behave_as_owned_ones() {
        let embedded = super::super::embedded::tables();
        let entity = &embedded.entities[0];
        let owned = Str::from(entity.name.to_string());
        assert_eq!(entity.name, owned);
        assert_eq!(entity.name.cmp(&owned), std::cmp::Ordering::Equal);
        // Hashed as the `&str` is, as `Borrow<str>` requires.
        let state = std::hash::RandomState::new();
        use std::hash::BuildHasher;
        assert_eq!(
            state.hash_one(&entity.name),
            state.hash_one(entity.name.as_str())
        );
        let with_aliases = embedded
            .entities
            .iter()
            .find(|entity| !entity.aliases.is_empty())
            .expect("an entity with aliases");
        let mut aliases = with_aliases.aliases.clone();
        aliases.push("Another name");
        assert_eq!(aliases.len(), with_aliases.aliases.len() + 1);
        assert_eq!(aliases[..aliases.len() - 1], with_aliases.aliases[..]);
        let mut rows = embedded.terms.clone();
        rows.push(rows[0].clone());
        assert_eq!(rows.len(), embedded.terms.len() + 1);
        assert!(rows[..embedded.terms.len()] == embedded.terms[..]);
    }
}
