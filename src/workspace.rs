//! Settings for each article: the `factlint.toml` that governs its path (or `--config`), with
//! the command line's overrides on top. Cached per config file, so a run over a thousand
//! articles loads each config, fact folder and style folder once. The CLI and the language
//! server share it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use crate::config::{Config, Dialect};
use crate::error::InputError;
use crate::facts::FactBase;
use crate::settings::{RuleSelection, Settings};
use crate::style::StyleData;

/// What the command line says over every config file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--config`: this file instead of the one found upward.
    pub config: Option<PathBuf>,
    /// `--select` and `--ignore`.
    pub selection: RuleSelection,
    /// `--date`: the publication date of every article.
    pub date: Option<NaiveDate>,
    /// `--facts`: more fact folders.
    pub facts: Vec<PathBuf>,
    /// `--no-default-facts`.
    pub no_default_facts: bool,
    /// `--dialect`.
    pub dialect: Option<Dialect>,
    /// The day taken as today (tests fix it).
    pub today: Option<NaiveDate>,
}

/// Settings, or every error in the files they are built from.
pub type SettingsResult = Result<Arc<Settings>, Vec<InputError>>;

/// The settings for each article: its `factlint.toml` (found upward from it) under the
/// overrides, each config loaded once.
#[derive(Debug, Default)]
pub struct Workspace {
    overrides: Overrides,
    cache: Mutex<HashMap<Option<PathBuf>, SettingsResult>>,
}

impl Workspace {
    /// A workspace with these overrides and nothing loaded yet.
    pub fn new(overrides: Overrides) -> Self {
        Self {
            overrides,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The config file that governs `article` (which need not exist: stdin's name).
    pub fn config_path_for(&self, article: &Path) -> Option<PathBuf> {
        if let Some(explicit) = &self.overrides.config {
            return Some(explicit.clone());
        }
        let dir = article
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        Config::discover(&dir)
    }

    /// Settings for an article, or every error in its config, fact and style files. The
    /// config's `[[per-path]]` rule levels for the article's path are applied.
    pub fn settings_for(&self, article: &Path) -> SettingsResult {
        let config_path = self.config_path_for(article);
        let settings = {
            let mut cache = self
                .cache
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            cache
                .entry(config_path.clone())
                .or_insert_with(|| self.build(config_path.as_deref()))
                .clone()?
        };
        Ok(for_path(settings, article))
    }

    /// Forget cached settings (a config file changed).
    pub fn invalidate(&self) {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cache.clear();
    }

    fn build(&self, config_path: Option<&Path>) -> SettingsResult {
        let mut config = match config_path {
            Some(path) => Config::load(path)?,
            None => Config::zero(),
        };
        if let Some(dialect) = self.overrides.dialect {
            config.dialect = Some(dialect);
        }
        let mut fact_dirs = config.facts.clone();
        fact_dirs.extend(self.overrides.facts.iter().cloned());
        let include_defaults = !(config.no_default_facts || self.overrides.no_default_facts);
        // The embedded style data is read only when first used: nothing to wait for. Users'
        // style folders load beside the fact base (each may take a few milliseconds).
        let (facts, style) = if config.style.is_empty() {
            let facts = FactBase::load(&fact_dirs, include_defaults);
            (facts, Ok(StyleData::embedded()))
        } else {
            std::thread::scope(|scope| {
                let style = scope.spawn(|| {
                    StyleData::load(&config.style)
                        .map(Arc::new)
                        .map_err(|error| vec![error])
                });
                let facts = FactBase::load(&fact_dirs, include_defaults);
                let style = style
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (facts, style)
            })
        };
        // Both folders' problems are reported in one run, not the first one only.
        let (facts, style) = match (facts, style) {
            (Ok(facts), Ok(style)) => (facts, style),
            (facts, style) => {
                let mut errors = facts.err().unwrap_or_default();
                errors.extend(style.err().unwrap_or_default());
                return Err(errors);
            }
        };
        let mut settings = Settings::new(config, facts, style);
        settings.selection = self.overrides.selection.clone();
        settings.date_override = self.overrides.date;
        if let Some(today) = self.overrides.today {
            settings.today = today;
        }
        // A `--date` after today is honoured as given (an embargoed or scheduled article), not
        // pulled back to today: nothing about the article would then be judged on its date.
        if let Some(date) = self.overrides.date {
            settings.today = settings.today.max(date);
        }
        Ok(Arc::new(settings))
    }
}

/// The settings with the rule levels of every `[[per-path]]` entry matching `article`, later
/// entries over earlier ones (unchanged, and not copied, when none matches).
fn for_path(settings: Arc<Settings>, article: &Path) -> Arc<Settings> {
    let matching: Vec<_> = settings
        .config
        .per_path
        .iter()
        .filter(|(globs, _)| globs.matches(article))
        .map(|(_, levels)| levels.clone())
        .collect();
    if matching.is_empty() {
        return settings;
    }
    let mut owned = (*settings).clone();
    for levels in matching {
        owned.config.rules.extend(levels);
    }
    Arc::new(owned)
}
