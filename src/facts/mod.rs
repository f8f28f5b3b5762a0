//! The reference fact base: what was true on a given date, with provenance.
//!
//! Facts come from TOML files (`docs/facts.md`): the embedded defaults in `rules/facts/` and
//! any folders a team adds. Every value has a half-open validity interval `[from, until)`, a
//! source, an `uncertain` flag, and the date its file was checked through, so a rule can say
//! which fact it used and how far to trust it.

mod builder;
mod embedded;
mod file;
pub mod judge;
mod load;
mod name_shapes;
pub mod names;
mod pieces;
pub mod query;
mod tables;
mod values;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

pub use file::{CapitalRole, EntityKind, FactDate, Precision, TermKind};
use name_shapes::ShapeCells;
pub use name_shapes::{letter_bit, Letters, NameShapes};
pub use names::{NameForm, NameGroup, NameIndex, NameMatch, NameTarget};
use tables::Tables;
pub use tables::{
    Capital, Entity, EntityId, Interval, MemberCount, Membership, Office, OfficeId, Provenance,
    Str, Term,
};

use crate::error::InputError;

/// A person's birth date, and whether the sources left it unconfirmed (then a rule gives at
/// most a warning from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BirthDate {
    /// The date, as precisely as known.
    pub date: FactDate,
    /// The sources left it unconfirmed.
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
    pub variants: &'a [Str],
}

/// The tables (read through `Deref`: `facts.entities`, `facts.terms`) and the name index
/// built over them.
#[derive(Debug, Default)]
pub struct FactBase {
    tables: Tables,
    names: NameIndex,
    /// The first letters and word counts of each entity's names, made on first use.
    name_shapes: OnceLock<ShapeCells>,
}

impl std::ops::Deref for FactBase {
    type Target = Tables;

    fn deref(&self) -> &Tables {
        &self.tables
    }
}

impl FactBase {
    /// A fact base with no facts.
    pub fn empty() -> FactBase {
        FactBase::default()
    }

    /// The embedded default fact base (`rules/facts/`), made once per process of the static
    /// data the build script wrote of it (`embedded.rs`): nothing is parsed, checked, indexed
    /// or decoded at run time, the build did that.
    pub fn embedded() -> Arc<FactBase> {
        static EMBEDDED: OnceLock<Arc<FactBase>> = OnceLock::new();
        Arc::clone(EMBEDDED.get_or_init(|| {
            Arc::new(FactBase {
                tables: embedded::tables(),
                names: embedded::names(),
                name_shapes: OnceLock::new(),
            })
        }))
    }

    /// A fact base of `tables`, with the name index built for it.
    fn with_names(tables: Tables) -> FactBase {
        let mut base = FactBase {
            tables,
            names: NameIndex::default(),
            name_shapes: OnceLock::new(),
        };
        base.names = NameIndex::build(&base);
        base
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
        load::build(sources).map(Arc::new)
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
                on_disk: false,
            })
            .collect();
        load::build(sources)
    }

    /// Fact files' texts layered over the embedded defaults, as a user folder would be.
    pub fn over_defaults(files: &[(&str, &str)]) -> Result<FactBase, Vec<InputError>> {
        let mut sources = load::embedded_sources();
        sources.extend(files.iter().map(|(path, text)| load::SourceFile {
            path: (*path).to_string(),
            text: std::borrow::Cow::Owned((*text).to_string()),
            layer: 1,
            parsed: None,
            on_disk: false,
        }));
        load::build(sources)
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
            on_disk: false,
        });
        load::build(sources)
    }

    /// Whether it knows no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity with this index.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    /// The office with this index.
    pub fn office(&self, id: OfficeId) -> &Office {
        &self.offices[id]
    }

    /// An entity by its id ("org:nato").
    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        self.entity_ids
            .binary_search_by(|&entity| self.entities[entity].id.as_str().cmp(id))
            .ok()
            .map(|index| self.entity_ids[index])
    }

    /// The automata that find names and titles in text.
    pub fn names(&self) -> &NameIndex {
        &self.names
    }

    /// Every member count recorded for `entity`.
    pub fn member_counts_of(&self, entity: EntityId) -> impl Iterator<Item = &MemberCount> {
        self.member_counts
            .iter()
            .filter(move |count| count.entity == entity)
    }

    /// Whether the fact base knows any member count for `entity`.
    pub fn has_member_count(&self, entity: EntityId) -> bool {
        self.member_counts_of(entity).next().is_some()
    }

    /// The member count of `entity` valid on `date`.
    pub fn member_count_on(&self, entity: EntityId, date: NaiveDate) -> Option<&MemberCount> {
        self.member_counts_of(entity)
            .find(|count| count.valid.contains(date))
    }

    /// Every term in `office`.
    pub fn terms_of_office(&self, office: OfficeId) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |term| term.office == office)
    }

    /// Every term `person` served.
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

    /// Every capital `country` has had.
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

    /// The first letters (folded) and word counts of `entity`'s name and first aliases,
    /// worked out once per fact base.
    pub fn name_shapes(&self, entity: EntityId) -> NameShapes<'_> {
        self.name_shapes
            .get_or_init(|| ShapeCells::new(&self.tables))
            .of(&self.tables, entity)
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
        let matches = |name: &Str| name.to_lowercase() == text.to_lowercase();
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
