//! Everything a run decides once per config file: which rules, at what severity, which facts
//! and style data, which date. Built from `factlint.toml` plus the command line.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::config::{Config, Dialect, RuleLevel};
use crate::facts::FactBase;
use crate::registry::{RuleId, Severity};
use crate::style::StyleData;

/// Rule choices from the command line, layered over the config file.
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// `--select`: only these rules (empty: all).
    pub select: BTreeSet<RuleId>,
    /// `--ignore`: never these.
    pub ignore: BTreeSet<RuleId>,
}

/// What one check runs with: the configuration, the command line's rule choices, the fact
/// base and the style data.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The configuration file's settings.
    pub config: Config,
    /// `--select` and `--ignore`.
    pub selection: RuleSelection,
    /// `--date`: the publication date, overriding everything in the article.
    pub date_override: Option<NaiveDate>,
    /// Candidate publication dates are never after this day.
    pub today: NaiveDate,
    /// The facts claims are judged against.
    pub facts: Arc<FactBase>,
    /// Spelling, title and credit lists.
    pub style: Arc<StyleData>,
}

impl Settings {
    /// Zero-config settings with the given data: what a bare `factlint article.md` uses.
    pub fn new(config: Config, facts: Arc<FactBase>, style: Arc<StyleData>) -> Self {
        Self {
            config,
            selection: RuleSelection::default(),
            date_override: None,
            today: chrono::Local::now().date_naive(),
            facts,
            style,
        }
    }

    /// Zero-config settings with the embedded defaults.
    pub fn embedded() -> Self {
        Self::new(Config::zero(), FactBase::embedded(), StyleData::embedded())
    }

    /// The house spelling, when configured.
    pub fn dialect(&self) -> Option<Dialect> {
        self.config.dialect
    }

    /// Whether `rule` runs: selected, not ignored, not turned off.
    pub fn is_enabled(&self, rule: RuleId) -> bool {
        if self.selection.ignore.contains(&rule) {
            return false;
        }
        if !self.selection.select.is_empty() {
            return self.selection.select.contains(&rule);
        }
        !matches!(self.config.rules.get(&rule), Some(RuleLevel::Off))
    }

    /// The severity a rule's finding is reported at: the configured level replaces the
    /// default level; a rule that lowered its own severity (unsure) stays lowered.
    pub fn severity(&self, rule: RuleId, found: Severity) -> Severity {
        match self.config.rules.get(&rule) {
            Some(RuleLevel::On(configured)) => {
                let default = rule.meta().default_severity;
                if found < default {
                    found.min(*configured)
                } else {
                    *configured
                }
            }
            _ => found,
        }
    }
}
