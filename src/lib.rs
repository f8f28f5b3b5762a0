//! factlint: a fact-check and article-consistency linter for news and editorial Markdown.
//!
//! [`check_source`] is the one entry point: the CLI, the language server and the tests all
//! call it.
//!
//! # Public API
//!
//! What a program that lints articles needs, re-exported here; every module is private.
//!
//! - checking: [`check_source`], [`check_bytes`] and their [`FileReport`];
//! - what a check runs with: [`Settings`] (with [`RuleSelection`]), built from a [`Config`]
//!   (`factlint.toml`, [`Dialect`], [`RuleLevel`], [`PathGlobs`]), a [`FactBase`] and
//!   [`StyleData`]; or found per article the way the CLI finds them, by [`Workspace`] (with
//!   command-line [`Overrides`]);
//! - findings: the [`PublicationDate`] an article is judged on ([`DateSource`]);
//!   [`Diagnostic`] with its [`Severity`], [`Span`], [`Label`], [`Fix`] ([`Edit`],
//!   [`Applicability`]); [`RuleId`] and [`RuleMeta`] ([`all_metas`]); [`InputError`] for an
//!   input that could not be read;
//! - fixing: [`apply_fixes`];
//! - reports: [`RunReport`] ([`Summary`]) rendered with [`OutputOptions`] by [`render_human`],
//!   [`render_json`], [`render_sarif`] and [`render_html`];
//! - the command line: [`run_cli`], all the `factlint` binary calls.
//!
//! `tests/public_api.rs` names each of these, and `missing_docs` holds for all of them. Two
//! public modules are hidden from the documentation and are not API: `fuzz` (what the fuzz
//! targets, a crate of their own, call) and `internals` (what the benchmarks reach).
//!
//! # Layers
//!
//! Imports point down only; `tests/layers.rs` fails on one that points up, or on a cycle.
//! Lowest first:
//!
//! 1. leaves: `span`, `error`, `line_index`, `text`, `sentence`, `matcher`,
//!    `lexicon` (weekday and month names, written once), and `registry` (rule ids, codes,
//!    names, severities and docs, one line per rule);
//! 2. findings and configuration: `diagnostic` (the finding type), `config`
//!    (`factlint.toml`);
//! 3. document: `document` (the Markdown walk, blocks with offset maps), `front_matter`;
//! 4. facts and style: `facts` (the fact base and as-of queries), `wikidata` (its
//!    importer), `style` (spelling, title and credit lists);
//! 5. `settings`: the configuration, fact base and style data one check runs with;
//! 6. `claims`: what the article states, extracted once;
//! 7. `article`: the publication date, inferred and narrowed by the claims;
//! 8. `rules`: judging the claims, and the wording of findings;
//! 9. pipeline: `suppress` (after the rules), `engine` (one file, start to end);
//! 10. front ends: `fix`, `output`, `lsp`, `serve`, `walk`, `workspace`, and the command
//!     line: `cli` (its arguments) and `commands` (running them).

#![deny(missing_docs)]

mod article;
mod claims;
mod cli;
mod commands;
mod config;
mod diagnostic;
mod document;
mod engine;
mod error;
mod facts;
mod fix;
mod front_matter;
#[doc(hidden)]
pub mod fuzz;
#[doc(hidden)]
pub mod internals;
mod lexicon;
mod line_index;
mod lsp;
mod matcher;
mod output;
mod registry;
mod rules;
mod sentence;
mod serve;
mod settings;
mod span;
mod style;
mod suppress;
mod text;
mod walk;
mod wikidata;
mod workspace;

pub use article::{DateSource, PublicationDate};
pub use commands::run_cli;
pub use config::{Config, Dialect, PathGlobs, RuleLevel};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label};
pub use engine::{check_bytes, check_source, FileReport};
pub use error::InputError;
pub use facts::FactBase;
pub use fix::apply_fixes;
pub use output::html::render as render_html;
pub use output::human::render as render_human;
pub use output::json::render as render_json;
pub use output::sarif::render as render_sarif;
pub use output::{OutputOptions, RunReport, Summary};
pub use registry::{all_metas, RuleId, RuleMeta, Severity};
pub use settings::{RuleSelection, Settings};
pub use span::Span;
pub use style::StyleData;
pub use workspace::{Overrides, Workspace};
