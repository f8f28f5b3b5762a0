//! `factlint.toml`: found by walking up from each article (or given with `--config`).
//! Strict: an unknown key or a bad value is an error that points into the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::error::InputError;
use crate::registry::{RuleId, Severity};
use crate::span::Span;

mod path_globs;

pub use path_globs::PathGlobs;

pub const CONFIG_FILE_NAME: &str = "factlint.toml";

/// House spelling: which side of the Atlantic the newsroom writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Dialect {
    /// British spelling (`en-GB`).
    #[serde(rename = "en-GB")]
    British,
    /// American spelling (`en-US`).
    #[serde(rename = "en-US")]
    American,
}

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleLevel {
    /// `"off"`: the rule does not run.
    Off,
    /// The rule runs and reports at this severity.
    On(Severity),
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    dialect: Option<Dialect>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    facts: Vec<Spanned<String>>,
    #[serde(default)]
    no_default_facts: bool,
    #[serde(default)]
    style: Vec<Spanned<String>>,
    date_keys: Option<Vec<String>>,
    #[serde(default)]
    credits: RawCredits,
    exclude: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extend_exclude: Vec<Spanned<String>>,
    #[serde(default)]
    per_path: Vec<RawPerPath>,
}

/// `[[per-path]]`: rule levels for the articles some globs match.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPerPath {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCredits {
    require_byline: Option<bool>,
    require_image_credit: Option<bool>,
}

/// A `[rules]` table: each name or code with its level; problems go to `errors`.
fn rule_levels(
    raw: BTreeMap<Spanned<String>, Spanned<String>>,
    errors: &mut Vec<InputError>,
    error_at: &dyn Fn(String, std::ops::Range<usize>) -> InputError,
) -> BTreeMap<RuleId, RuleLevel> {
    let mut rules = BTreeMap::new();
    for (name, level) in raw {
        let Some(rule) = RuleId::from_name_or_code(name.get_ref()) else {
            let hint = RuleId::suggest(name.get_ref())
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            errors.push(error_at(
                format!("unknown rule `{}`{hint}", name.get_ref()),
                name.span(),
            ));
            continue;
        };
        let parsed = match level.get_ref().as_str() {
            "off" => RuleLevel::Off,
            "error" => RuleLevel::On(Severity::Error),
            "warning" | "warn" => RuleLevel::On(Severity::Warning),
            "info" => RuleLevel::On(Severity::Info),
            other => {
                errors.push(error_at(
                    format!(
                        "invalid level `{other}` for rule `{}`: expected \"error\", \"warning\", \"info\" or \"off\"",
                        rule.name()
                    ),
                    level.span(),
                ));
                continue;
            }
        };
        rules.insert(rule, parsed);
    }
    rules
}

/// The `[rules]` table alone, read when other keys are wrong, so its problems are reported
/// in the same run.
#[derive(Debug, Default, Deserialize)]
struct RulesOnly {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// The keys a config file may have, at the top and in `[credits]`.
const TOP_KEYS: &[&str] = &[
    "dialect",
    "rules",
    "facts",
    "no-default-facts",
    "style",
    "date-keys",
    "credits",
    "exclude",
    "extend-exclude",
    "per-path",
];
const CREDIT_KEYS: &[&str] = &["require-byline", "require-image-credit"];

/// Every key the file has that factlint does not know, with where it is.
fn unknown_keys(table: &toml::de::DeTable) -> Vec<(String, std::ops::Range<usize>)> {
    let mut found = Vec::new();
    let mut check = |table: &toml::de::DeTable, known: &[&str], within: &str| {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let near = known
                .iter()
                .filter(|candidate| strsim_close(name, candidate))
                .map(|candidate| format!("; did you mean `{candidate}`?"))
                .next()
                .unwrap_or_default();
            found.push((format!("unknown key `{name}`{within}{near}"), key.span()));
        }
    };
    check(table, TOP_KEYS, "");
    if let Some(credits) = table.get("credits").and_then(|v| v.get_ref().as_table()) {
        check(credits, CREDIT_KEYS, " in [credits]");
    }
    found.sort_by_key(|(_, span)| span.start);
    found
}

/// Whether two keys differ by at most two single-character edits (a typo, not another key).
fn strsim_close(a: &str, b: &str) -> bool {
    strsim::levenshtein(a, b) <= 2
}

/// A fact or style folder as the config file names it.
struct NamedFolder {
    /// "fact" or "style".
    key: &'static str,
    /// As written in the file.
    written: String,
    /// Resolved against the config file's folder.
    path: PathBuf,
    /// The value in the file (quotes included).
    span: Span,
}

/// A validated config file.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The file it came from (None: built-in defaults).
    pub path: Option<PathBuf>,
    /// `dialect`: the house spelling.
    pub dialect: Option<Dialect>,
    /// `[rules]`: each rule's level.
    pub rules: BTreeMap<RuleId, RuleLevel>,
    /// Extra fact folders, resolved against the config file's folder.
    pub facts: Vec<PathBuf>,
    /// Leave out the embedded fact base.
    pub no_default_facts: bool,
    /// Extra style folders, resolved against the config file's folder.
    pub style: Vec<PathBuf>,
    /// The front-matter keys read as the publication date, in order.
    pub date_keys: Vec<String>,
    /// Whether an article without a byline is a finding.
    pub require_byline: bool,
    /// Whether an image without a credit is a finding.
    pub require_image_credit: bool,
    /// Articles a folder walk skips (`exclude` and `extend-exclude`).
    pub exclude: PathGlobs,
    /// Rule levels for some paths, later entries over earlier ones.
    pub per_path: Vec<(PathGlobs, BTreeMap<RuleId, RuleLevel>)>,
}

/// What `exclude` is when a config does not set it: folders that hold other people's Markdown.
pub const DEFAULT_EXCLUDE: &[&str] = &["node_modules", ".git"];

pub fn default_date_keys() -> Vec<String> {
    [
        "date",
        "published",
        "pubDate",
        "publishDate",
        "published_at",
    ]
    .map(String::from)
    .to_vec()
}

impl Config {
    /// The configuration with no file: every default.
    pub fn zero() -> Self {
        Config {
            date_keys: default_date_keys(),
            require_byline: true,
            require_image_credit: true,
            exclude: PathGlobs::new(
                Path::new("."),
                &DEFAULT_EXCLUDE
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>(),
            )
            .expect("the default globs are valid"),
            ..Config::default()
        }
    }

    /// Read and validate a config file: every problem in it, each pointing into the file. The
    /// fact and style folders it names must exist: a misspelt folder would otherwise quietly
    /// leave the team's own data out.
    pub fn load(path: &Path) -> Result<Config, Vec<InputError>> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| {
            vec![InputError::new(
                &display,
                format!("cannot read config file: {error}"),
            )]
        })?;
        let (config, folders) = Self::parse_with_folders(&text, path)?;
        let shared = Arc::new(text);
        let mut errors = Vec::new();
        for folder in folders {
            let problem = match std::fs::metadata(&folder.path) {
                Ok(metadata) if metadata.is_dir() => continue,
                Ok(_) => "is not a folder",
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => "does not exist",
                Err(_) => "cannot be read",
            };
            errors.push(
                InputError::new(
                    &display,
                    format!("{} folder `{}` {problem}", folder.key, folder.written),
                )
                .at(folder.span, Arc::clone(&shared))
                .with_help(format!(
                    "looked for {} (folders are relative to the config file's folder)",
                    folder.path.display()
                )),
            );
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }

    /// Validate config text; `path` names it in errors and anchors relative folders. The
    /// folders it names are not looked for ([`Config::load`] does that). The first problem
    /// only: [`Config::parse_all`] gives every one.
    pub fn parse(text: &str, path: &Path) -> Result<Config, InputError> {
        Self::parse_all(text, path).map_err(|mut errors| errors.remove(0))
    }

    /// [`Config::parse`] with every problem found: all syntax errors, all unknown keys, all
    /// unknown rules and levels.
    pub fn parse_all(text: &str, path: &Path) -> Result<Config, Vec<InputError>> {
        Self::parse_with_folders(text, path).map(|(config, _)| config)
    }

    /// [`Config::parse_all`], and where each fact and style folder is named.
    fn parse_with_folders(
        text: &str,
        path: &Path,
    ) -> Result<(Config, Vec<NamedFolder>), Vec<InputError>> {
        let display = path.display().to_string();
        let shared = Arc::new(text.to_string());
        let error_at = |message: String, span: std::ops::Range<usize>| {
            InputError::new(&display, message).at(Span::from(span), Arc::clone(&shared))
        };
        let (table, syntax) = toml::de::DeTable::parse_recoverable(text);
        if !syntax.is_empty() {
            return Err(syntax
                .into_iter()
                .map(|error| {
                    let span = error.span().unwrap_or(0..0);
                    error_at(format!("invalid config: {}", error.message().trim()), span)
                })
                .collect());
        }
        let mut errors = unknown_keys(table.get_ref())
            .into_iter()
            .map(|(message, span)| error_at(message, span))
            .collect::<Vec<_>>();
        let raw: RawConfig = if errors.is_empty() {
            toml::from_str(text).map_err(|error| {
                let span = error.span().unwrap_or(0..0);
                vec![error_at(
                    format!("invalid config: {}", error.message().trim()),
                    span,
                )]
            })?
        } else {
            // The rules are still checked, so that one run shows every problem.
            let rules = toml::from_str::<RulesOnly>(text)
                .map(|only| only.rules)
                .unwrap_or_default();
            RawConfig {
                rules,
                ..RawConfig::default()
            }
        };
        let base = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let rules = rule_levels(raw.rules, &mut errors, &error_at);
        let globs = |patterns: Vec<Spanned<String>>, errors: &mut Vec<InputError>| {
            let written: Vec<String> = patterns.iter().map(|p| p.get_ref().clone()).collect();
            PathGlobs::new(&base, &written).unwrap_or_else(|(at, message)| {
                let span = patterns.get(at).map_or(0..0, |p| p.span());
                errors.push(error_at(format!("invalid glob: {message}"), span));
                PathGlobs::default()
            })
        };
        let mut excluded: Vec<Spanned<String>> = match raw.exclude {
            Some(patterns) => patterns,
            None => DEFAULT_EXCLUDE
                .iter()
                .map(|p| Spanned::new(0..0, p.to_string()))
                .collect(),
        };
        excluded.extend(raw.extend_exclude);
        let exclude = globs(excluded, &mut errors);
        let per_path = raw
            .per_path
            .into_iter()
            .map(|entry| {
                let levels = rule_levels(entry.rules, &mut errors, &error_at);
                (globs(entry.paths, &mut errors), levels)
            })
            .collect();
        let mut folders = Vec::new();
        let mut resolve = |key: &'static str, dirs: Vec<Spanned<String>>| -> Vec<PathBuf> {
            dirs.into_iter()
                .map(|dir| {
                    let span = Span::from(dir.span());
                    let written = dir.into_inner();
                    let path = base.join(&written);
                    folders.push(NamedFolder {
                        key,
                        written,
                        path: path.clone(),
                        span,
                    });
                    path
                })
                .collect()
        };
        let facts = resolve("fact", raw.facts);
        let style = resolve("style", raw.style);
        let config = Config {
            path: Some(path.to_path_buf()),
            dialect: raw.dialect,
            rules,
            facts,
            no_default_facts: raw.no_default_facts,
            style,
            date_keys: raw.date_keys.unwrap_or_else(default_date_keys),
            require_byline: raw.credits.require_byline.unwrap_or(true),
            require_image_credit: raw.credits.require_image_credit.unwrap_or(true),
            exclude,
            per_path,
        };
        if errors.is_empty() {
            Ok((config, folders))
        } else {
            errors.sort_by_key(|error| error.span.map(|span| span.start));
            Err(errors)
        }
    }

    /// The nearest `factlint.toml` in `dir` or its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|ancestor| ancestor.join(CONFIG_FILE_NAME))
            .find(|candidate| candidate.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, InputError> {
        Config::parse(text, Path::new("/news/factlint.toml"))
    }

    #[test]
    fn reads_every_key() {
        let config = parse(
            "dialect = \"en-GB\"\nfacts = [\"facts\"]\ndate-keys = [\"pubDate\"]\n[rules]\ndate-weekday = \"warning\"\nFL601 = \"off\"\n[credits]\nrequire-byline = false\n",
        )
        .unwrap();
        assert_eq!(config.dialect, Some(Dialect::British));
        assert_eq!(
            config.rules[&RuleId::DateWeekday],
            RuleLevel::On(Severity::Warning)
        );
        assert_eq!(config.rules[&RuleId::SpellingConsistency], RuleLevel::Off);
        assert_eq!(config.facts, vec![PathBuf::from("/news/facts")]);
        assert_eq!(config.date_keys, vec!["pubDate"]);
        assert!(!config.require_byline);
    }

    #[test]
    fn unknown_keys_point_into_the_file() {
        let text = "dialect = \"en-GB\"\ncolour = true\n";
        let error = parse(text).unwrap_err();
        assert!(error.message.contains("colour"), "{}", error.message);
        assert_eq!(error.span.unwrap().text(text), "colour");
    }

    #[test]
    fn unknown_rules_suggest_the_nearest() {
        let text = "[rules]\ndate-weekdy = \"off\"\n";
        let error = parse(text).unwrap_err();
        assert!(
            error.message.contains("did you mean `date-weekday`"),
            "{}",
            error.message
        );
        assert_eq!(error.span.unwrap().text(text), "date-weekdy");
    }

    #[test]
    fn missing_folders_are_errors_that_point_at_the_value() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("facts")).unwrap();
        std::fs::write(dir.path().join("style.md"), "not a folder").unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        let cases = [
            (
                "style = [\"house-style\"]\n",
                "\"house-style\"",
                "style folder `house-style` does not exist",
            ),
            (
                "facts = [\"facts\", \"fcts\"]\n",
                "\"fcts\"",
                "fact folder `fcts` does not exist",
            ),
            (
                "style = [\"style.md\"]\n",
                "\"style.md\"",
                "style folder `style.md` is not a folder",
            ),
        ];
        for (text, value, message) in cases {
            std::fs::write(&path, text).unwrap();
            let error = Config::load(&path).unwrap_err().remove(0);
            assert_eq!(error.path, path.display().to_string());
            assert!(error.message.starts_with(message), "{}", error.message);
            assert_eq!(error.span.unwrap().text(text), value);
        }
        std::fs::write(&path, "facts = [\"facts\"]\nstyle = [\".\"]\n").unwrap();
        let config = Config::load(&path).unwrap();
        assert_eq!(config.facts, vec![dir.path().join("facts")]);
    }

    #[test]
    fn every_problem_is_reported_in_one_run() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE_NAME);
        let text = "dialet = \"en-GB\"\nfacts = [\"a\", \"b\"]\ncolour = 1\n[rules]\ndate-weekdy = \"off\"\nFL601 = \"loud\"\n[credits]\nrequire-bylines = true\n";
        std::fs::write(&path, text).unwrap();
        let errors = Config::load(&path).unwrap_err();
        let spans: Vec<&str> = errors
            .iter()
            .map(|error| error.span.unwrap().text(text))
            .collect();
        assert_eq!(
            spans,
            [
                "dialet",
                "colour",
                "date-weekdy",
                "\"loud\"",
                "require-bylines"
            ],
            "{errors:?}"
        );
        assert!(errors[0].message.contains("did you mean `dialect`"));
        // With the keys right, both missing folders are named.
        std::fs::write(&path, "facts = [\"a\", \"b\"]\n").unwrap();
        assert_eq!(Config::load(&path).unwrap_err().len(), 2);
        // Several syntax errors are all reported too.
        let errors = Config::parse_all("a = \nb = [\n", Path::new("f.toml")).unwrap_err();
        assert!(!errors.is_empty());
    }

    #[test]
    fn bad_levels_and_dialects_are_errors() {
        let text = "[rules]\ndate-weekday = \"loud\"\n";
        let error = parse(text).unwrap_err();
        assert_eq!(error.span.unwrap().text(text), "\"loud\"");
        let error = parse("dialect = \"en-AU\"\n").unwrap_err();
        assert!(
            error.message.contains("en-AU") || error.message.contains("variant"),
            "{}",
            error.message
        );
        assert!(error.span.is_some());
    }
}
