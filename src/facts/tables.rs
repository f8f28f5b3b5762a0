//! The tables of the fact base: entities, offices, terms and the rest, each value with its
//! validity interval and provenance. Plain data with no dependency beyond `file.rs` and
//! `values.rs`, so the build script can build them too (it writes the embedded base as static
//! data, `embedded.rs`).

use std::fmt;

use chrono::NaiveDate;

use super::file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
pub use super::values::{Rows, Str, Strs};

/// Index of an entity in `FactBase::entities`.
pub type EntityId = usize;
/// Index of an office in `FactBase::offices`.
pub type OfficeId = usize;

/// Where a fact came from and how far to trust it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub source: Str,
    pub note: Option<Str>,
    /// The source tables did not confirm it: a rule gives at most a warning.
    pub uncertain: bool,
    /// The day the fact's file was checked through; an open-ended fact may be stale after it.
    pub checked: NaiveDate,
}

/// A half-open validity interval `[from, until)`; an open end is unbounded. A bound known only
/// to the month or year stands for that period's first day, and a date inside the period is
/// neither certainly inside nor certainly outside the interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Interval {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub from_precision: Precision,
    pub until_precision: Precision,
}

/// The days a bound known to `precision` may stand for: `[first, next)`; `None` for a day.
fn blur(date: NaiveDate, precision: Precision) -> Option<(NaiveDate, NaiveDate)> {
    let next = match precision {
        Precision::Day => return None,
        Precision::Month => date.checked_add_months(chrono::Months::new(1)),
        Precision::Year => date.checked_add_months(chrono::Months::new(12)),
    };
    Some((date, next.unwrap_or(NaiveDate::MAX)))
}

impl Interval {
    /// An interval between two fact-file dates, each with its precision.
    pub fn between(from: Option<FactDate>, until: Option<FactDate>) -> Interval {
        Interval {
            from: from.map(|date| date.0),
            until: until.map(|date| date.0),
            from_precision: from.map_or(Precision::Day, |date| date.1),
            until_precision: until.map_or(Precision::Day, |date| date.1),
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date < until)
    }

    /// Whether `date` falls in the month or year that a bound is known only to, where the
    /// interval may or may not hold.
    pub fn is_imprecise_on(self, date: NaiveDate) -> bool {
        let inside = |bound: Option<NaiveDate>, precision| {
            bound
                .and_then(|bound| blur(bound, precision))
                .is_some_and(|(first, next)| first <= date && date < next)
        };
        inside(self.from, self.from_precision) || inside(self.until, self.until_precision)
    }

    /// The first day on which the interval certainly holds: a start known only to the year
    /// may be as late as the year's last day.
    fn certain_from(self) -> Option<NaiveDate> {
        self.from.map(|from| {
            blur(from, self.from_precision)
                .map_or(from, |(_, next)| next.pred_opt().unwrap_or(next))
        })
    }

    /// Whether the two intervals certainly share a day. Bounds known only to a month or year
    /// are read in the way that keeps them apart, so that a term known to end "in 2024" does
    /// not clash with a successor who started on a day in 2024.
    pub fn overlaps(self, other: Interval) -> bool {
        let before = |from: Option<NaiveDate>, until: Option<NaiveDate>| match (from, until) {
            (Some(from), Some(until)) => from < until,
            _ => true,
        };
        before(self.certain_from(), other.until) && before(other.certain_from(), self.until)
    }

    /// Whether the interval runs on past `checked`, where the sources end.
    pub fn is_stale_on(self, date: NaiveDate, checked: NaiveDate) -> bool {
        self.until.is_none() && date > checked
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = self.from.map(|date| FactDate(date, self.from_precision));
        let until = self.until.map(|date| FactDate(date, self.until_precision));
        match (from, until) {
            (Some(from), Some(until)) => write!(f, "from {from} to {until}"),
            (Some(from), None) => write!(f, "since {from}"),
            (None, Some(until)) => write!(f, "until {until}"),
            (None, None) => f.write_str("at all times"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: Str,
    pub kind: EntityKind,
    pub name: Str,
    pub wikidata: Option<Str>,
    pub aliases: Strs,
    pub adjectives: Strs,
    pub demonyms: Strs,
    pub ambiguous: Strs,
    pub generic: Strs,
    /// A person's birth date; `provenance.uncertain` marks it unconfirmed.
    pub born: Option<FactDate>,
    /// A person's death date.
    pub died: Option<FactDate>,
    pub provenance: Provenance,
}

/// A name with its own provenance, possibly valid only for a period or only in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    pub entity: EntityId,
    pub name: Str,
    pub kind: Option<Str>,
    pub lang: Option<Str>,
    pub valid: Interval,
    pub contextual: bool,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberCount {
    pub entity: EntityId,
    pub value: u32,
    pub valid: Interval,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub organisation: EntityId,
    pub member: EntityId,
    pub valid: Interval,
    pub event: Option<Str>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessionStep {
    pub organisation: EntityId,
    pub candidate: EntityId,
    pub step: Str,
    pub by: Option<EntityId>,
    pub date: NaiveDate,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    pub id: Str,
    pub name: Str,
    /// The country or organisation it belongs to.
    pub of: EntityId,
    /// The title as its own country or organisation writes it.
    pub title: Str,
    /// Other forms seen in the press.
    pub titles: Strs,
    pub wikidata: Option<Str>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub office: OfficeId,
    pub holder: EntityId,
    pub kind: TermKind,
    pub valid: Interval,
    /// May overlap other terms of its office (rival claims, co-chairs).
    pub concurrent: bool,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capital {
    pub country: EntityId,
    pub city: Str,
    pub aliases: Strs,
    pub role: CapitalRole,
    pub wikidata: Option<Str>,
    pub valid: Interval,
    pub provenance: Provenance,
}

impl Capital {
    /// Whether `name` is this city (its name or an alias).
    pub fn is_named(&self, name: &str) -> bool {
        self.city == name || self.aliases.iter().any(|alias| alias == name)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: Str,
    pub name: Str,
    pub kind: Option<Str>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub venue: Option<Str>,
    pub city: Option<Str>,
    pub country: Option<EntityId>,
    pub facts: Rows<EventFact>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventFact {
    pub property: Str,
    pub value: Str,
    pub provenance: Provenance,
}

/// Every table of a fact base, as the builder makes them (`builder.rs`) or the build script
/// embedded them (`embedded.rs`); `FactBase` adds the name automata.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tables {
    pub entities: Rows<Entity>,
    pub aliases: Rows<Alias>,
    pub member_counts: Rows<MemberCount>,
    pub memberships: Rows<Membership>,
    pub accession_steps: Rows<AccessionStep>,
    pub offices: Rows<Office>,
    pub terms: Rows<Term>,
    pub capitals: Rows<Capital>,
    pub events: Rows<Event>,
    /// The entities sorted by id, to find one by its id.
    pub entity_ids: Rows<EntityId>,
}
