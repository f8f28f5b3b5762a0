//! factlint: a fact-check and article-consistency linter for news and editorial Markdown.
//!
//! [`check_source`] is the one entry point: the CLI, the language server and the tests all
//! call it.

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
pub mod line_index;
pub mod lsp;
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
