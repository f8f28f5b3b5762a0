//! `factlint facts import --from wikidata`: turn Wikidata's SPARQL results, entity JSON or
//! JSON dumps into a fact folder, offline. The network is never touched: users run the
//! shipped queries (`rules/wikidata/*.rq`) or download entities themselves, and give the
//! retrieval date, so an import is reproducible. `docs/wikidata.md` describes it.

mod convert;
#[cfg(test)]
mod from_memory;
mod input;
mod time;
mod write;

use std::collections::BTreeSet;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use convert::{Converted, Table};
pub use input::Harvest;

use crate::error::InputError;
use crate::facts::FactBase;

/// The file an import writes in its output folder.
pub const OUTPUT_FILE: &str = "wikidata.toml";

pub struct ImportOptions {
    /// Input files (`-` for standard input).
    pub inputs: Vec<String>,
    pub out: PathBuf,
    /// When the inputs were retrieved: the fact file's `checked` date.
    pub retrieved: NaiveDate,
    /// The organisation a membership query fixed instead of selecting (`--of Q7184`).
    pub of: Option<String>,
    /// The label language.
    pub lang: String,
    /// Fact folders whose ids the import reuses (besides the defaults).
    pub facts: Vec<PathBuf>,
    pub no_default_facts: bool,
}

/// What an import produced, before or after it is written.
pub struct Imported {
    pub path: PathBuf,
    pub text: String,
    pub converted: Converted,
    pub statements_read: usize,
}

enum Format {
    Sparql,
    Entities,
    Dump,
}

/// What kind of input a file is, from its first bytes.
fn sniff(start: &[u8]) -> Option<Format> {
    let text = String::from_utf8_lossy(start);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        Some(Format::Dump)
    } else if trimmed.starts_with('{') {
        let head = trimmed.find("\"head\"");
        let entities = trimmed
            .find("\"entities\"")
            .or_else(|| trimmed.find("\"claims\""));
        match (head, entities) {
            (Some(h), Some(e)) if e < h => Some(Format::Entities),
            (Some(_), _) => Some(Format::Sparql),
            _ => Some(Format::Entities),
        }
    } else {
        None
    }
}

fn input_error(path: &str, line: Option<usize>, message: String) -> InputError {
    match line {
        Some(line) => InputError::new(path, format!("line {line}: {message}")),
        None => InputError::new(path, message),
    }
}

fn read_input(
    path: &str,
    options: &ImportOptions,
    harvest: &mut Harvest,
    dumps: &mut Vec<String>,
) -> Result<usize, InputError> {
    let origin = if path == "-" {
        "<stdin>".to_string()
    } else {
        Path::new(path)
            .file_name()
            .map_or(path.to_string(), |name| name.to_string_lossy().into_owned())
    };
    let cannot = |error: std::io::Error| InputError::new(path, format!("cannot read: {error}"));
    let mut reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(cannot)?)
    };
    let mut start = vec![0; 4096];
    let mut filled = 0;
    while filled < start.len() {
        match reader.read(&mut start[filled..]).map_err(cannot)? {
            0 => break,
            n => filled += n,
        }
    }
    start.truncate(filled);
    let format = sniff(&start).ok_or_else(|| {
        InputError::new(
            path,
            "not Wikidata JSON (SPARQL results, entity JSON or a JSON dump); compressed dumps \
             must be decompressed first",
        )
    })?;
    let mut whole = std::io::Cursor::new(start).chain(reader);
    let result = match format {
        Format::Dump => {
            if path != "-" {
                dumps.push(path.to_string());
            }
            input::read_dump(BufReader::new(whole), &options.lang, &origin, None, harvest)
        }
        Format::Sparql | Format::Entities => {
            let mut text = String::new();
            whole.read_to_string(&mut text).map_err(|error| {
                InputError::new(path, format!("cannot read (is it UTF-8 JSON?): {error}"))
            })?;
            match format {
                Format::Sparql => {
                    input::read_sparql(&text, &origin, options.of.as_deref(), harvest)
                }
                _ => input::read_entities(&text, &options.lang, &origin, harvest),
            }
        }
    };
    result.map_err(|problem| input_error(path, problem.line, problem.message))
}

/// Items that statements name but the inputs have not described yet.
fn unnamed(harvest: &Harvest) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for statement in &harvest.statements {
        ids.insert(statement.subject.clone());
        if let input::StatementValue::Item(id) = &statement.value {
            ids.insert(id.clone());
        }
    }
    for item in harvest.items.values() {
        if let Some(of) = &item.jurisdiction {
            ids.insert(of.clone());
        }
    }
    ids.retain(|id| {
        harvest
            .items
            .get(id)
            .is_none_or(|item| item.label.is_none())
    });
    ids
}

/// Read, convert and validate; nothing is written.
pub fn prepare(options: &ImportOptions) -> Result<Imported, Vec<InputError>> {
    let base = FactBase::load(&options.facts, !options.no_default_facts)?;
    let mut harvest = Harvest::default();
    let mut dumps = Vec::new();
    let mut statements_read = 0;
    for path in &options.inputs {
        statements_read +=
            read_input(path, options, &mut harvest, &mut dumps).map_err(|e| vec![e])?;
    }
    // A dump names an item before or after the entities that refer to it: a second pass
    // collects the names still missing, and only those.
    let missing = unnamed(&harvest);
    if !missing.is_empty() {
        for path in &dumps {
            let file = std::fs::File::open(path)
                .map_err(|error| vec![InputError::new(path, format!("cannot read: {error}"))])?;
            input::read_dump(
                BufReader::new(file),
                &options.lang,
                path,
                Some(&missing),
                &mut harvest,
            )
            .map_err(|problem| vec![input_error(path, problem.line, problem.message)])?;
        }
    }
    finish(&harvest, &base, options, statements_read)
}

/// [`prepare`] on inputs already in memory, as `(name, text)` (fuzzing, editors' tools).
/// `options.inputs` is not read.
pub fn prepare_texts(
    inputs: &[(&str, &str)],
    options: &ImportOptions,
) -> Result<Imported, Vec<InputError>> {
    let base = FactBase::load(&options.facts, !options.no_default_facts)?;
    let mut harvest = Harvest::default();
    let mut statements_read = 0;
    let mut dumps = Vec::new();
    for (name, text) in inputs {
        let at =
            |problem: input::InputProblem| vec![input_error(name, problem.line, problem.message)];
        statements_read += match sniff(text.as_bytes()) {
            Some(Format::Dump) => {
                dumps.push((*name, *text));
                input::read_dump(text.as_bytes(), &options.lang, name, None, &mut harvest)
            }
            Some(Format::Sparql) => {
                input::read_sparql(text, name, options.of.as_deref(), &mut harvest)
            }
            Some(Format::Entities) => input::read_entities(text, &options.lang, name, &mut harvest),
            None => return Err(vec![InputError::new(*name, "not Wikidata JSON")]),
        }
        .map_err(at)?;
    }
    let missing = unnamed(&harvest);
    if !missing.is_empty() {
        for (name, text) in dumps {
            input::read_dump(
                text.as_bytes(),
                &options.lang,
                name,
                Some(&missing),
                &mut harvest,
            )
            .map_err(|problem| vec![input_error(name, problem.line, problem.message)])?;
        }
    }
    finish(&harvest, &base, options, statements_read)
}

/// Convert, write the text, and check it as `factlint facts check` would: alone, and over
/// the defaults it layers on.
fn finish(
    harvest: &Harvest,
    base: &FactBase,
    options: &ImportOptions,
    statements_read: usize,
) -> Result<Imported, Vec<InputError>> {
    let retrieved = options.retrieved.format("%Y-%m-%d").to_string();
    let converted = convert::convert(
        harvest,
        &convert::Options {
            retrieved: options.retrieved,
            base,
        },
    );
    let inputs: Vec<String> = options
        .inputs
        .iter()
        .map(|path| {
            Path::new(path)
                .file_name()
                .map_or(path.clone(), |name| name.to_string_lossy().into_owned())
        })
        .collect();
    let text = write::fact_file(&converted, &retrieved, &inputs);
    let path = options.out.join(OUTPUT_FILE);
    let shown = format!("{} (not written)", path.display());
    FactBase::from_texts(&[(&shown, &text)])?;
    // With the folder's other files, over the defaults unless they are left out.
    FactBase::folder_with_file(
        &options.out,
        OUTPUT_FILE,
        &shown,
        &text,
        !options.no_default_facts,
    )?;
    Ok(Imported {
        path,
        text,
        converted,
        statements_read,
    })
}

/// Write the prepared file atomically (a temporary file renamed over the old one).
pub fn write(imported: &Imported) -> std::io::Result<()> {
    use std::io::Write;
    let dir = imported.path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(imported.text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(&imported.path).map_err(|error| error.error)?;
    Ok(())
}
