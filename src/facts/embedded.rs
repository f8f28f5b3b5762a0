//! The embedded fact base (`rules/facts/`) as static data: the build script builds its tables
//! and name index, every check passed and every lexicon built, and writes them as Rust source
//! (`build/embedded_facts.rs`), included here. Loading it decodes nothing: `tables()` and
//! `names()` put static arrays into the structures the rules read.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
use super::names::{
    FirstWord, Group, KeyTable, Lexicon, NameForm, NameIndex, NameTarget, Patterns,
};
use super::tables::{
    AccessionStep, Alias, Capital, Entity, Event, EventFact, Interval, MemberCount, Membership,
    Office, Provenance, Rows, Str, Strs, Tables, Term,
};
use super::values::Held;

/// Every distinct string of the embedded tables, one after another.
pub(super) const STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/facts.text"));

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// The string at `start` in `STRINGS`, `len` bytes long.
const fn s(start: u32, len: u32) -> Str {
    Str::embedded(start, len)
}

/// The list at `start` in `LISTS`, `len` strings long.
const fn l(start: u32, len: u32) -> Strs {
    Strs::embedded(start, len)
}

/// A date from its year and day of the year.
const fn d(year: i32, ordinal: u32) -> NaiveDate {
    NaiveDate::from_yo_opt(year, ordinal).expect("the build script writes valid dates")
}

/// An entity a name may mean: `alias` is the alias row plus one, or 0.
const fn t(entity: usize, adjective: bool, alias: usize, ambiguous: bool) -> NameTarget {
    NameTarget::Entity {
        entity,
        form: if adjective {
            NameForm::Adjective
        } else {
            NameForm::Name
        },
        alias: alias.checked_sub(1),
        ambiguous,
    }
}

/// A capital city a name may mean.
const fn c(capital: usize) -> NameTarget {
    NameTarget::City { capital }
}
