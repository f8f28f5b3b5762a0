//! The reference fact base: what was true on a given date, with provenance.
//!
//! Facts come from TOML files (`docs/facts.md`): the embedded defaults in `rules/facts/` and
//! any folders a team adds. Every value has a half-open validity interval `[from, until)`, a
//! source, an `uncertain` flag, and the date its file was checked through, so a rule can say
//! which fact it used and how far to trust it.

mod file;
pub mod judge;
mod load;
pub mod names;
mod pieces;
pub mod query;
pub mod report;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

pub use file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
pub use names::{NameForm, NameGroup, NameIndex, NameMatch, NameTarget};

use crate::error::InputError;

/// Index of an entity in [`FactBase::entities`].
pub type EntityId = usize;
/// Index of an office in [`FactBase::offices`].
pub type OfficeId = usize;

/// Where a fact came from and how far to trust it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    pub source: String,
    pub note: Option<String>,
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

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub wikidata: Option<String>,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub ambiguous: Vec<String>,
    pub generic: Vec<String>,
    /// A person's birth date; `provenance.uncertain` marks it unconfirmed.
    pub born: Option<FactDate>,
    /// A person's death date.
    pub died: Option<FactDate>,
    pub provenance: Provenance,
}

/// A name with its own provenance, possibly valid only for a period or only in context.
#[derive(Clone, Debug)]
pub struct Alias {
    pub entity: EntityId,
    pub name: String,
    pub kind: Option<String>,
    pub lang: Option<String>,
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

#[derive(Clone, Debug)]
pub struct Membership {
    pub organisation: EntityId,
    pub member: EntityId,
    pub valid: Interval,
    pub event: Option<String>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug)]
pub struct AccessionStep {
    pub organisation: EntityId,
    pub candidate: EntityId,
    pub step: String,
    pub by: Option<EntityId>,
    pub date: NaiveDate,
    pub provenance: Provenance,
}

#[derive(Clone, Debug)]
pub struct Office {
    pub id: String,
    pub name: String,
    /// The country or organisation it belongs to.
    pub of: EntityId,
    /// The title as its own country or organisation writes it.
    pub title: String,
    /// Other forms seen in the press.
    pub titles: Vec<String>,
    pub wikidata: Option<String>,
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
    pub city: String,
    pub aliases: Vec<String>,
    pub role: CapitalRole,
    pub wikidata: Option<String>,
    pub valid: Interval,
    pub provenance: Provenance,
}

impl Capital {
    /// Whether `name` is this city (its name or an alias).
    pub fn is_named(&self, name: &str) -> bool {
        self.city == name || self.aliases.iter().any(|alias| alias == name)
    }
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<EntityId>,
    pub facts: Vec<EventFact>,
}

#[derive(Clone, Debug)]
pub struct EventFact {
    pub property: String,
    pub value: String,
    pub provenance: Provenance,
}

/// A person's birth date, and whether the sources left it unconfirmed (then a rule gives at
/// most a warning from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BirthDate {
    pub date: FactDate,
    pub uncertain: bool,
}

/// One name a person is known by: the entity's name, one of its aliases, or an `[[alias]]` row
/// (`alias`, which may hold only for a period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonName<'a> {
    pub person: EntityId,
    pub name: &'a str,
    pub alias: Option<usize>,
}

/// An office's title as its own organisation or country writes it, with the other forms the
/// press uses: NATO writes "Secretary General", the UN "Secretary-General".
#[derive(Clone, Copy, Debug)]
pub struct OfficeTitle<'a> {
    pub office: &'a str,
    /// The organisation or country's name ("NATO").
    pub of: &'a str,
    pub canonical: &'a str,
    pub variants: &'a [String],
}

#[derive(Debug, Default)]
pub struct FactBase {
    pub entities: Vec<Entity>,
    pub aliases: Vec<Alias>,
    pub member_counts: Vec<MemberCount>,
    pub memberships: Vec<Membership>,
    pub accession_steps: Vec<AccessionStep>,
    pub offices: Vec<Office>,
    pub terms: Vec<Term>,
    pub capitals: Vec<Capital>,
    pub events: Vec<Event>,
    entity_ids: HashMap<String, EntityId>,
    names: NameIndex,
}

impl FactBase {
    pub fn empty() -> FactBase {
        FactBase::default()
    }

    /// The embedded default fact base (`rules/facts/`), parsed once per process.
    pub fn embedded() -> Arc<FactBase> {
        static EMBEDDED: OnceLock<Arc<FactBase>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            Arc::new(
                load::build(&load::embedded_sources())
                    .expect("the embedded fact base is valid (tests/facts.rs checks it)"),
            )
        }))
    }

    /// The embedded defaults (unless `include_defaults` is false) plus every fact file in
    /// `dirs`; a later folder adds to earlier ones and replaces what they say about the same
    /// thing. Every problem is reported, each pointing into its file.
    pub fn load(
        dirs: &[PathBuf],
        include_defaults: bool,
    ) -> Result<Arc<FactBase>, Vec<InputError>> {
        if dirs.is_empty() && include_defaults {
            return Ok(FactBase::embedded());
        }
        let mut sources = if include_defaults {
            load::embedded_sources()
        } else {
            Vec::new()
        };
        let mut errors = Vec::new();
        for (layer, dir) in dirs.iter().enumerate() {
            match load::read_folder(dir, layer + 1) {
                Ok(files) => sources.extend(files),
                Err(error) => errors.push(error),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        load::build(&sources).map(Arc::new)
    }

    /// A fact base from fact files' texts, as `(path, text)` (tests, editors).
    pub fn from_texts(files: &[(&str, &str)]) -> Result<FactBase, Vec<InputError>> {
        let sources: Vec<load::SourceFile> = files
            .iter()
            .map(|(path, text)| load::SourceFile {
                path: (*path).to_string(),
                text: std::borrow::Cow::Owned((*text).to_string()),
                layer: 0,
                parsed: None,
            })
            .collect();
        load::build(&sources)
    }

    /// Fact files' texts layered over the embedded defaults, as a user folder would be.
    pub fn over_defaults(files: &[(&str, &str)]) -> Result<FactBase, Vec<InputError>> {
        let mut sources = load::embedded_sources();
        sources.extend(files.iter().map(|(path, text)| load::SourceFile {
            path: (*path).to_string(),
            text: std::borrow::Cow::Owned((*text).to_string()),
            layer: 1,
            parsed: None,
        }));
        load::build(&sources)
    }

    /// The fact folder `dir` as it will be once its file `name` holds `text` (`shown` names
    /// that file in errors), alone or over the defaults: the check an import passes before
    /// it writes, so that it never leaves a folder that fails to load.
    pub fn folder_with_file(
        dir: &std::path::Path,
        name: &str,
        shown: &str,
        text: &str,
        include_defaults: bool,
    ) -> Result<FactBase, Vec<InputError>> {
        let mut sources = if include_defaults {
            load::embedded_sources()
        } else {
            Vec::new()
        };
        if dir.is_dir() {
            let others = load::read_folder(dir, 1).map_err(|error| vec![error])?;
            let replaced = dir.join(name).display().to_string();
            sources.extend(others.into_iter().filter(|file| file.path != replaced));
        }
        sources.push(load::SourceFile {
            path: shown.to_string(),
            text: std::borrow::Cow::Owned(text.to_string()),
            layer: 1,
            parsed: None,
        });
        load::build(&sources)
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    pub fn office(&self, id: OfficeId) -> &Office {
        &self.offices[id]
    }

    /// An entity by its id ("org:nato").
    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        self.entity_ids.get(id).copied()
    }

    /// The automata that find names and titles in text.
    pub fn names(&self) -> &NameIndex {
        &self.names
    }

    pub fn member_counts_of(&self, entity: EntityId) -> impl Iterator<Item = &MemberCount> {
        self.member_counts
            .iter()
            .filter(move |count| count.entity == entity)
    }

    /// Whether the fact base knows any member count for `entity`.
    pub fn has_member_count(&self, entity: EntityId) -> bool {
        self.member_counts_of(entity).next().is_some()
    }

    pub fn member_count_on(&self, entity: EntityId, date: NaiveDate) -> Option<&MemberCount> {
        self.member_counts_of(entity)
            .find(|count| count.valid.contains(date))
    }

    pub fn terms_of_office(&self, office: OfficeId) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |term| term.office == office)
    }

    pub fn terms_of_holder(&self, person: EntityId) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |term| term.holder == person)
    }

    /// Who held `office` on `date` (several when an interim served during a suspension).
    pub fn holders_on(&self, office: OfficeId, date: NaiveDate) -> Vec<&Term> {
        self.terms_of_office(office)
            .filter(|term| term.valid.contains(date))
            .collect()
    }

    /// Each office's title as its own organisation or country writes it (for consistency
    /// checks: "Secretary General" for NATO, "Secretary-General" for the UN).
    pub fn office_titles(&self) -> impl Iterator<Item = OfficeTitle<'_>> {
        self.offices.iter().map(|office| OfficeTitle {
            office: &office.name,
            of: &self.entities[office.of].name,
            canonical: &office.title,
            variants: &office.titles,
        })
    }

    pub fn capitals_of(&self, country: EntityId) -> impl Iterator<Item = &Capital> {
        self.capitals
            .iter()
            .filter(move |capital| capital.country == country)
    }

    /// A person's birth date, if the fact base knows it.
    pub fn birth_date(&self, person: EntityId) -> Option<BirthDate> {
        let entity = &self.entities[person];
        entity.born.map(|date| BirthDate {
            date,
            uncertain: entity.provenance.uncertain,
        })
    }

    /// A person's death date, if the fact base knows one.
    pub fn death_date(&self, person: EntityId) -> Option<FactDate> {
        self.entities[person].died
    }

    /// Every person entity.
    pub fn people(&self) -> impl Iterator<Item = EntityId> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, entity)| entity.kind == EntityKind::Person)
            .map(|(id, _)| id)
    }

    /// Every name of every person: their names and aliases, then the `[[alias]]` rows.
    pub fn person_names(&self) -> impl Iterator<Item = PersonName<'_>> {
        let own = self.people().flat_map(move |person| {
            let entity = &self.entities[person];
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(move |name| PersonName {
                    person,
                    name,
                    alias: None,
                })
        });
        let rows = self
            .aliases
            .iter()
            .enumerate()
            .filter(|(_, alias)| self.entities[alias.entity].kind == EntityKind::Person)
            .map(|(index, alias)| PersonName {
                person: alias.entity,
                name: &alias.name,
                alias: Some(index),
            });
        own.chain(rows)
    }

    /// Offices whose id or name is `text` (ignoring case).
    pub fn find_offices(&self, text: &str) -> Vec<OfficeId> {
        let text = text.trim().to_lowercase();
        self.offices
            .iter()
            .enumerate()
            .filter(|(_, office)| {
                office.id.to_lowercase() == text || office.name.to_lowercase() == text
            })
            .map(|(id, _)| id)
            .collect()
    }

    /// Entities whose id, name, alias, adjective or demonym is `text` (ignoring case).
    pub fn find(&self, text: &str) -> Vec<EntityId> {
        let text = text.trim();
        let matches = |name: &String| name.to_lowercase() == text.to_lowercase();
        let mut found: Vec<EntityId> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.id.eq_ignore_ascii_case(text)
                    || matches(&e.name)
                    || e.aliases.iter().any(matches)
                    || e.adjectives.iter().any(matches)
                    || e.demonyms.iter().any(matches)
            })
            .map(|(id, _)| id)
            .collect();
        found.extend(
            self.aliases
                .iter()
                .filter(|alias| matches(&alias.name))
                .map(|alias| alias.entity),
        );
        found.sort_unstable();
        found.dedup();
        found
    }
}
