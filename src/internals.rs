//! Not API: the pieces of the pipeline the benchmarks reach below [`crate::check_source`].
//!
//! Benchmarks are separate crates, so they see only what the library exports, and they need
//! more than a user does: `benches/throughput.rs` times the parse and each claim group alone,
//! and `benches/accuracy/` plants errors at the sites the claims find, with the fact base's
//! own queries. This module names exactly those items; nothing here is stable. One test
//! reads one of them: `tests/pathological.rs` checks the spans of the parsed [`Document`] of
//! the benchmark's generated 20 MB article, which only an integration test can share with the
//! benchmarks.

pub use crate::article::nearest_day;
pub use crate::claims::date::{render_weekday, weekday_name};
pub use crate::claims::mention::{MentionKind, TimeContext};
pub use crate::claims::{ClaimGroup, Claims};
pub use crate::document::{Block, Document};
pub use crate::facts::{
    BirthDate, EntityId, EntityKind, NameForm, NameTarget, OfficeId, Precision,
};
pub use crate::lexicon::{MONTH_AP, MONTH_NAMES};

/// The spelling table a check's style data holds (the recall benchmark plants spelling
/// errors from it).
pub fn spelling_table(style: &crate::StyleData) -> &crate::style::spelling::SpellingTable {
    &style.spelling
}
