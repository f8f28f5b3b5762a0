//! factlint: a fact-check and article-consistency linter for news and editorial Markdown.
//!
//! [`check_source`] is the one entry point: the CLI, the language server and the tests all
//! call it.
//!
//! # Layers
//!
//! Imports point down only; `tests/layers.rs` fails on one that points up, or on a cycle.
//! Lowest first:
//!
//! 1. leaves: [`span`], [`error`], [`line_index`], [`text`], [`sentence`], [`matcher`],
//!    [`lexicon`] (weekday and month names, written once), and [`registry`] (rule ids, codes,
//!    names, severities and docs, one line per rule);
//! 2. findings and configuration: [`diagnostic`] (the finding type), [`config`]
//!    (`factlint.toml`);
//! 3. document: [`document`] (the Markdown walk, blocks with offset maps), [`front_matter`];
//! 4. facts and style: [`facts`] (the fact base and as-of queries), [`wikidata`] (its
//!    importer), [`style`] (spelling, title and credit lists);
//! 5. [`settings`]: the configuration, fact base and style data one check runs with;
//! 6. [`claims`]: what the article states, extracted once;
//! 7. [`article`]: the publication date, inferred and narrowed by the claims;
//! 8. [`rules`]: judging the claims, and the wording of findings;
//! 9. pipeline: [`suppress`] (after the rules), [`engine`] (one file, start to end);
//! 10. front ends: [`fix`], [`output`], [`lsp`], [`serve`], [`walk`], [`workspace`].

pub mod article;
pub mod claims;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod error;
pub mod facts;
pub mod fix;
pub mod front_matter;
#[doc(hidden)]
pub mod fuzz;
pub mod lexicon;
pub mod line_index;
pub mod lsp;
pub mod matcher;
pub mod output;
pub mod registry;
pub mod rules;
pub mod sentence;
pub mod serve;
pub mod settings;
pub mod span;
pub mod style;
pub mod suppress;
pub mod text;
pub mod walk;
pub mod wikidata;
pub mod workspace;

pub use engine::{check_bytes, check_source, FileReport};
pub use settings::Settings;
