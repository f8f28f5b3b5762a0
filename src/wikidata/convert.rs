//! From Wikidata statements to fact-base rows: ids resolved against the fact base, each
//! property's date conventions normalised to the half-open `[from, until)` intervals of the
//! fact format, and duplicates and conflicts found (kept visible, never silently merged).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::input::{Harvest, Property, Rank, Statement, StatementValue};
use super::time::Bound;
use crate::facts::{EntityKind, FactBase, FactDate, Interval, Precision};

/// A statement that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skip {
    pub origin: String,
    pub statement: String,
    pub why: String,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OutEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub wikidata: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub ambiguous: Vec<String>,
    pub generic: Vec<String>,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOffice {
    pub id: String,
    pub name: String,
    pub of: String,
    pub title: String,
    pub titles: Vec<String>,
    pub wikidata: String,
    pub source: String,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    MemberCount,
    Membership,
    Term,
    Capital,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowValue {
    Count(u32),
    Member(String),
    Holder(String),
    City { name: String, wikidata: String },
}

/// One row of a fact table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub table: Table,
    /// The organisation, office or country the row is about.
    pub subject: String,
    pub value: RowValue,
    pub from: Option<FactDate>,
    pub until: Option<FactDate>,
    pub uncertain: bool,
    pub notes: Vec<String>,
    pub source: String,
    pub rank: Rank,
    /// How the summary names the statement.
    pub statement: String,
    pub origin: String,
}

impl Row {
    fn interval(&self) -> Interval {
        Interval::between(self.from, self.until)
    }

    fn order(&self) -> impl Ord + '_ {
        (
            self.table,
            &self.subject,
            self.from,
            &self.value,
            self.until,
        )
    }

    /// Higher rank first, then the statement id, so that the choice is deterministic.
    fn precedence(&self) -> impl Ord + '_ {
        (std::cmp::Reverse(self.rank), &self.statement)
    }
}

/// A row left out because it clashes with a kept one; written as a comment.
#[derive(Clone, Debug)]
pub struct Conflict {
    pub row: Row,
    pub with: String,
}

#[derive(Debug, Default)]
pub struct Converted {
    pub entities: BTreeMap<String, OutEntity>,
    pub offices: BTreeMap<String, OutOffice>,
    pub rows: Vec<Row>,
    pub conflicts: Vec<Conflict>,
    pub skipped: Vec<Skip>,
    /// Things kept but worth a look (duplicates folded, memberships that overlap).
    pub warnings: Vec<String>,
}

pub struct Options<'a> {
    pub retrieved: NaiveDate,
    pub base: &'a FactBase,
}

fn url(id: &str) -> String {
    format!("https://www.wikidata.org/wiki/{id}")
}

fn kind_prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organisation => "org",
        EntityKind::Country => "country",
        EntityKind::Place => "place",
        EntityKind::Person => "person",
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organisation => "an organisation",
        EntityKind::Country => "a country",
        EntityKind::Place => "a place",
        EntityKind::Person => "a person",
    }
}

/// "Secretary General of NATO" with `of` = "NATO" → "Secretary General".
fn title_from_label(label: &str, of: &str) -> String {
    [format!(" of the {of}"), format!(" of {of}")]
        .iter()
        .find_map(|suffix| label.strip_suffix(suffix.as_str()))
        .filter(|title| !title.is_empty())
        .unwrap_or(label)
        .to_string()
}

struct Converter<'a> {
    harvest: &'a Harvest,
    options: &'a Options<'a>,
    retrieved: String,
    /// Fact-base entities and offices by Q-id, and entities by (kind, name) when unique.
    by_qid: HashMap<&'a str, usize>,
    offices_by_qid: HashMap<&'a str, usize>,
    by_name: HashMap<(EntityKind, &'a str), Option<usize>>,
    out: Converted,
}

impl<'a> Converter<'a> {
    fn new(harvest: &'a Harvest, options: &'a Options<'a>) -> Self {
        let base = options.base;
        let mut by_qid = HashMap::new();
        let mut by_name: HashMap<(EntityKind, &str), Option<usize>> = HashMap::new();
        for (index, entity) in base.entities.iter().enumerate() {
            if let Some(qid) = &entity.wikidata {
                by_qid.insert(qid.as_str(), index);
            }
            by_name
                .entry((entity.kind, entity.name.as_str()))
                .and_modify(|seen| *seen = None)
                .or_insert(Some(index));
        }
        let offices_by_qid = base
            .offices
            .iter()
            .enumerate()
            .filter_map(|(index, office)| Some((office.wikidata.as_deref()?, index)))
            .collect();
        Converter {
            harvest,
            options,
            retrieved: options.retrieved.format("%Y-%m-%d").to_string(),
            by_qid,
            offices_by_qid,
            by_name,
            out: Converted::default(),
        }
    }

    fn source(&self, subject: &str, property: Option<Property>) -> String {
        let anchor = property
            .map(|p| format!("#{}", p.code()))
            .unwrap_or_default();
        format!("{}{anchor} (retrieved {})", url(subject), self.retrieved)
    }

    fn label(&self, qid: &str) -> Option<&'a str> {
        self.harvest.items.get(qid)?.label.as_deref()
    }

    /// The fact-base id for an item of `kind`, adding its `[[entity]]` to the output: the
    /// fact base's own entity (found by Q-id, else by its exact name) with the names Wikidata
    /// adds, or a new entity named by its label.
    fn entity(&mut self, qid: &str, kind: EntityKind) -> Result<String, String> {
        let base = self.options.base;
        let item = self.harvest.items.get(qid);
        let label = self.label(qid);
        let known = self.by_qid.get(qid).copied().or_else(|| {
            let label = label?;
            self.by_name.get(&(kind, label)).copied().flatten()
        });
        let wikidata_aliases = item.map(|item| item.aliases.iter().cloned().collect::<Vec<_>>());
        let entity = match known {
            Some(index) => {
                let known = &base.entities[index];
                if known.kind != kind {
                    return Err(format!(
                        "{qid} is {} in the fact base (`{}`), not {}",
                        kind_name(known.kind),
                        known.id,
                        kind_name(kind)
                    ));
                }
                let mut aliases = known.aliases.to_strings();
                let extra = label
                    .into_iter()
                    .map(str::to_string)
                    .chain(wikidata_aliases.into_iter().flatten());
                for alias in extra {
                    if alias != known.name && !aliases.contains(&alias) {
                        aliases.push(alias);
                    }
                }
                OutEntity {
                    id: known.id.to_string(),
                    kind,
                    name: known.name.to_string(),
                    wikidata: qid.to_string(),
                    aliases,
                    adjectives: known.adjectives.to_strings(),
                    demonyms: known.demonyms.to_strings(),
                    ambiguous: known.ambiguous.to_strings(),
                    generic: known.generic.to_strings(),
                    source: self.source(qid, None),
                    note: Some(format!(
                        "names as in the fact base's `{}` (source: {})",
                        known.id, known.provenance.source
                    )),
                }
            }
            None => {
                let name = label.ok_or_else(|| {
                    format!(
                        "{qid} has no label in the input (the label service fell back to the Q-id)"
                    )
                })?;
                if let Some(item_kind) = item.and_then(|item| item.kind) {
                    if item_kind != kind {
                        return Err(format!(
                            "{qid} ({name}) is {}, not {}",
                            kind_name(item_kind),
                            kind_name(kind)
                        ));
                    }
                }
                OutEntity {
                    id: format!("{}:{qid}", kind_prefix(kind)),
                    kind,
                    name: name.to_string(),
                    wikidata: qid.to_string(),
                    aliases: wikidata_aliases
                        .into_iter()
                        .flatten()
                        .filter(|a| a != name)
                        .collect(),
                    adjectives: Vec::new(),
                    demonyms: Vec::new(),
                    ambiguous: Vec::new(),
                    generic: Vec::new(),
                    source: self.source(qid, None),
                    note: None,
                }
            }
        };
        let id = entity.id.clone();
        self.out.entities.entry(id.clone()).or_insert(entity);
        Ok(id)
    }

    /// A country must be known as one: from the input (P31, or the query's variable) or
    /// from the fact base.
    fn country(&mut self, qid: &str) -> Result<String, String> {
        let said = self.harvest.items.get(qid).and_then(|item| item.kind);
        let known = self
            .by_qid
            .get(qid)
            .map(|&index| self.options.base.entities[index].kind);
        if said != Some(EntityKind::Country) && known != Some(EntityKind::Country) {
            let name = self.label(qid).unwrap_or(qid);
            return Err(format!(
                "{qid} ({name}) is not known to be a country (no P31 country or sovereign state, \
                 and not a country in the fact base)"
            ));
        }
        self.entity(qid, EntityKind::Country)
    }

    /// The office's id, adding its `[[office]]` (and whose office it is) to the output.
    fn office(&mut self, qid: &str) -> Result<String, String> {
        let base = self.options.base;
        if let Some(&index) = self.offices_by_qid.get(qid) {
            let known = &base.offices[index];
            let of = &base.entities[known.of];
            let of_id = match &of.wikidata {
                Some(of_qid) => self.entity(&of_qid.clone(), of.kind)?,
                None => {
                    return Err(format!(
                    "{qid}: the fact base's office `{}` belongs to `{}`, which has no Wikidata id",
                    known.id, of.id
                ))
                }
            };
            let office = OutOffice {
                id: known.id.to_string(),
                name: known.name.to_string(),
                of: of_id,
                title: known.title.to_string(),
                titles: known.titles.to_strings(),
                wikidata: qid.to_string(),
                source: self.source(qid, None),
                note: Some(format!(
                    "titles as in the fact base's `{}` (source: {})",
                    known.id, known.provenance.source
                )),
            };
            let id = office.id.clone();
            self.out.offices.entry(id.clone()).or_insert(office);
            return Ok(id);
        }
        let item = self.harvest.items.get(qid);
        let name = self.label(qid).ok_or_else(|| {
            format!("office {qid} is not in the fact base and the input gives no label for it")
        })?;
        let of_qid = item
            .and_then(|item| item.jurisdiction.clone())
            .ok_or_else(|| {
                format!(
                "office {qid} ({name}) is not in the fact base and the input does not say whose \
                 office it is (P1001 applies to jurisdiction)"
            )
            })?;
        let of_kind = self
            .harvest
            .items
            .get(&of_qid)
            .and_then(|item| item.kind)
            .or_else(|| self.by_qid.get(of_qid.as_str()).map(|&i| base.entities[i].kind))
            .ok_or_else(|| {
                format!("office {qid} ({name}): {of_qid} is not known to be a country or an organisation")
            })?;
        let of = self.entity(&of_qid, of_kind)?;
        let of_name = self.out.entities[&of].name.clone();
        let office = OutOffice {
            id: format!("office:{qid}"),
            name: name.to_string(),
            of,
            title: title_from_label(name, &of_name),
            titles: Vec::new(),
            wikidata: qid.to_string(),
            source: self.source(qid, None),
            note: None,
        };
        let id = office.id.clone();
        self.out.offices.entry(id.clone()).or_insert(office);
        Ok(id)
    }

    fn describe(&self, statement: &Statement) -> String {
        let name = |qid: &str| match self.label(qid) {
            Some(label) => format!("{qid} ({label})"),
            None => qid.to_string(),
        };
        let value = match &statement.value {
            StatementValue::Item(qid) => name(qid),
            StatementValue::Amount(amount) => amount.trim_start_matches('+').to_string(),
            StatementValue::Unknown(what) => what.to_string(),
        };
        format!(
            "{} {} {} {value}",
            name(&statement.subject),
            statement.property.code(),
            statement.property.name()
        )
    }

    fn skip(&mut self, statement: &Statement, why: impl Into<String>) {
        let skip = Skip {
            origin: statement.origin.clone(),
            statement: self.describe(statement),
            why: why.into(),
        };
        self.out.skipped.push(skip);
    }

    fn notes(statement: &Statement) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(id) = &statement.id {
            notes.push(format!("statement {id}"));
        }
        if statement.rank == Rank::Preferred {
            notes.push("preferred rank".to_string());
        }
        if let Some(reference) = &statement.reference {
            notes.push(format!("reference {reference}"));
        }
        notes
    }

    fn convert(&mut self, statement: &Statement) -> Result<Row, String> {
        if statement.rank == Rank::Deprecated {
            return Err("deprecated rank".into());
        }
        if let StatementValue::Unknown(what) = &statement.value {
            return Err(format!("its value is \"{what}\""));
        }
        let mut notes = Self::notes(statement);
        let mut uncertain = false;
        let (table, subject, value, from, until) = match (statement.property, &statement.value) {
            (Property::MemberOf, StatementValue::Item(organisation)) => {
                let member = self.country(&statement.subject)?;
                let organisation = self.entity(organisation, EntityKind::Organisation)?;
                let from = match &statement.start {
                    Bound::Known(date) => Some(*date),
                    other => {
                        uncertain = true;
                        notes.push(format!(
                            "no usable start date in Wikidata ({})",
                            bound_words(other)
                        ));
                        None
                    }
                };
                // P582 of a membership is its last day: the first day outside it is the next.
                let until = match end(&statement.end)? {
                    Some(FactDate(date, Precision::Day)) => Some(FactDate::day(
                        date.succ_opt().ok_or("an end date at the end of time")?,
                    )),
                    other => other,
                };
                (
                    Table::Membership,
                    organisation,
                    RowValue::Member(member),
                    from,
                    until,
                )
            }
            (Property::PositionHeld, StatementValue::Item(office)) => {
                let holder = self.entity(&statement.subject, EntityKind::Person)?;
                let office = self.office(office)?;
                let from = match &statement.start {
                    Bound::Known(date) => *date,
                    other => return Err(format!("no usable start date ({})", bound_words(other))),
                };
                // P582 of a position is the handover day: the first day out of office.
                (
                    Table::Term,
                    office,
                    RowValue::Holder(holder),
                    Some(from),
                    end(&statement.end)?,
                )
            }
            (Property::Capital, StatementValue::Item(city)) => {
                let country = self.country(&statement.subject)?;
                let name = self
                    .label(city)
                    .ok_or_else(|| format!("the capital {city} has no label in the input"))?;
                let from = match &statement.start {
                    Bound::Known(date) => Some(*date),
                    Bound::Absent | Bound::NoValue => None,
                    other => return Err(format!("start date {}", bound_words(other))),
                };
                let value = RowValue::City {
                    name: name.to_string(),
                    wikidata: city.clone(),
                };
                (Table::Capital, country, value, from, end(&statement.end)?)
            }
            (Property::MemberCount, StatementValue::Amount(amount)) => {
                let count = amount.trim_start_matches('+').parse::<u32>().map_err(|_| {
                    format!("the amount `{amount}` is not a whole number of members")
                })?;
                let organisation = self.entity(&statement.subject, EntityKind::Organisation)?;
                let at = match &statement.point_in_time {
                    Bound::Known(date) => *date,
                    other => {
                        return Err(format!(
                            "no usable point in time, P585 ({})",
                            bound_words(other)
                        ))
                    }
                };
                // The end is set once the whole series is known.
                (
                    Table::MemberCount,
                    organisation,
                    RowValue::Count(count),
                    Some(at),
                    None,
                )
            }
            _ => return Err("a value of the wrong type for its property".into()),
        };
        if let (Some(from), Some(until)) = (from, until) {
            if until.0 <= from.0 {
                return Err(format!(
                    "it ends ({until}) no later than it starts ({from}); at these precisions there is no interval to record"
                ));
            }
        }
        Ok(Row {
            table,
            subject,
            value,
            from,
            until,
            uncertain,
            notes,
            source: self.source(&statement.subject, Some(statement.property)),
            rank: statement.rank,
            statement: statement
                .id
                .clone()
                .unwrap_or_else(|| self.describe(statement)),
            origin: statement.origin.clone(),
        })
    }
}

fn bound_words(bound: &Bound) -> String {
    match bound {
        Bound::Absent => "none given".into(),
        Bound::Known(date) => date.to_string(),
        Bound::SomeValue => "\"some value\": a date nobody recorded".into(),
        Bound::NoValue => "\"no value\"".into(),
        Bound::Unusable(why) => why.clone(),
    }
}

/// The end of an office or a capital: the first day after it; none while it lasts.
fn end(bound: &Bound) -> Result<Option<FactDate>, String> {
    match bound {
        Bound::Absent | Bound::NoValue => Ok(None),
        Bound::Known(date) => Ok(Some(*date)),
        other => Err(format!(
            "it ended, but its end date is {}",
            bound_words(other)
        )),
    }
}

/// Two rows that say the same: one statement read from two inputs is no news; two
/// statements that say the same are imported once, with a warning.
fn duplicate(kept: &Row, dropped: &Row, out: &mut Converted) {
    if kept.statement != dropped.statement {
        out.warnings.push(format!(
            "{}: {} and {}: {} say the same; imported once",
            kept.origin, kept.statement, dropped.origin, dropped.statement
        ));
    }
}

/// Member counts are points in time (P585): each holds from its point until the next one.
fn count_series(rows: Vec<Row>, out: &mut Converted) -> Vec<Row> {
    let mut by_organisation: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for row in rows {
        by_organisation
            .entry(row.subject.clone())
            .or_default()
            .push(row);
    }
    let mut series = Vec::new();
    for (_, mut rows) in by_organisation {
        rows.sort_by(|a, b| (a.from, a.precedence()).cmp(&(b.from, b.precedence())));
        let mut kept: Vec<Row> = Vec::new();
        for row in rows {
            match kept.last() {
                Some(last) if last.from.map(|d| d.0) == row.from.map(|d| d.0) => {
                    if last.value == row.value {
                        duplicate(last, &row, out);
                    } else {
                        let with = last.statement.clone();
                        out.conflicts.push(Conflict { row, with });
                    }
                }
                _ => kept.push(row),
            }
        }
        for index in 1..kept.len() {
            kept[index - 1].until = kept[index].from;
        }
        series.extend(kept);
    }
    series
}

/// Rows that say the same twice are imported once; terms of one office that certainly
/// overlap cannot both be true, and the one with the lower rank is left out (as a comment).
fn resolve_clashes(rows: Vec<Row>, out: &mut Converted) -> Vec<Row> {
    let mut rows = rows;
    rows.sort_by(|a, b| (a.order(), a.precedence()).cmp(&(b.order(), b.precedence())));
    let mut unique: Vec<Row> = Vec::new();
    for row in rows {
        match unique.last() {
            Some(last) if last.order() == row.order() => duplicate(last, &row, out),
            _ => unique.push(row),
        }
    }
    // Within each office, the stronger statement wins a clash.
    let mut by_precedence: Vec<usize> = (0..unique.len()).collect();
    by_precedence.sort_by(|&a, &b| unique[a].precedence().cmp(&unique[b].precedence()));
    let mut kept = vec![true; unique.len()];
    let mut winners: HashMap<&str, Vec<usize>> = HashMap::new();
    // One country's memberships of one organisation, to find overlaps without comparing
    // every pair of rows.
    let mut memberships: HashMap<(&str, &RowValue), Vec<usize>> = HashMap::new();
    for (index, row) in unique.iter().enumerate() {
        if row.table == Table::Membership {
            memberships
                .entry((row.subject.as_str(), &row.value))
                .or_default()
                .push(index);
        }
    }
    for &index in &by_precedence {
        let row = &unique[index];
        if row.table == Table::Term {
            let office = winners.entry(row.subject.as_str()).or_default();
            if let Some(&winner) = office
                .iter()
                .find(|&&w| unique[w].interval().overlaps(row.interval()))
            {
                kept[index] = false;
                out.conflicts.push(Conflict {
                    row: row.clone(),
                    with: unique[winner].statement.clone(),
                });
                continue;
            }
            office.push(index);
        }
        if row.table == Table::Membership {
            let overlapping = memberships[&(row.subject.as_str(), &row.value)]
                .iter()
                .any(|&other| other != index && unique[other].interval().overlaps(row.interval()));
            if let (true, RowValue::Member(member)) = (overlapping, &row.value) {
                out.warnings.push(format!(
                    "{member} has overlapping memberships of {} ({}); all kept",
                    row.subject, row.statement
                ));
            }
        }
    }
    unique
        .into_iter()
        .zip(kept)
        .filter_map(|(row, kept)| kept.then_some(row))
        .collect()
}

pub fn convert(harvest: &Harvest, options: &Options) -> Converted {
    let mut converter = Converter::new(harvest, options);
    let mut rows = Vec::new();
    for statement in &harvest.statements {
        match converter.convert(statement) {
            Ok(row) => rows.push(row),
            Err(why) => converter.skip(statement, why),
        }
    }
    let mut out = converter.out;
    let (counts, others): (Vec<Row>, Vec<Row>) = rows
        .into_iter()
        .partition(|row| row.table == Table::MemberCount);
    let mut rows = count_series(counts, &mut out);
    rows.extend(resolve_clashes(others, &mut out));
    rows.sort_by(|a, b| a.order().cmp(&b.order()));
    out.rows = rows;
    out.skipped
        .sort_by(|a, b| (&a.origin, &a.statement).cmp(&(&b.origin, &b.statement)));
    out.conflicts
        .sort_by(|a, b| a.row.order().cmp(&b.row.order()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wikidata::input::Item;

    fn day(text: &str) -> FactDate {
        FactDate::day(text.parse().unwrap())
    }

    fn year(y: i32) -> FactDate {
        FactDate(NaiveDate::from_ymd_opt(y, 1, 1).unwrap(), Precision::Year)
    }

    /// Romania's NATO membership with the given start and end.
    fn membership(start: Bound, end: Bound) -> Converted {
        let mut harvest = Harvest::default();
        harvest.items.insert(
            "Q218".into(),
            Item {
                label: Some("Romania".into()),
                ..Item::default()
            },
        );
        harvest.statements.push(Statement {
            subject: "Q218".into(),
            property: Property::MemberOf,
            value: StatementValue::Item("Q7184".into()),
            start,
            end,
            point_in_time: Bound::Absent,
            rank: Rank::Normal,
            id: None,
            reference: None,
            origin: "test".into(),
        });
        let base = FactBase::embedded();
        convert(
            &harvest,
            &Options {
                retrieved: "2026-11-29".parse().unwrap(),
                base: &base,
            },
        )
    }

    #[test]
    fn a_membership_end_is_its_last_day_unless_only_the_year_is_known() {
        let out = membership(
            Bound::Known(day("2004-03-29")),
            Bound::Known(day("2020-01-31")),
        );
        assert_eq!(out.rows[0].until, Some(day("2020-02-01")));
        // "Left in 2020": the year stands, and 2020 is uncertain.
        let out = membership(Bound::Known(day("2004-03-29")), Bound::Known(year(2020)));
        assert_eq!(out.rows[0].until, Some(year(2020)));
    }

    #[test]
    fn a_membership_without_a_start_is_kept_but_unconfirmed() {
        let out = membership(Bound::SomeValue, Bound::Absent);
        assert_eq!(out.rows[0].from, None);
        assert!(out.rows[0].uncertain);
        assert!(out.rows[0]
            .notes
            .iter()
            .any(|n| n.contains("no usable start date")));
        // An end nobody recorded cannot be written as "still a member".
        let out = membership(Bound::Known(day("2004-03-29")), Bound::SomeValue);
        assert!(out.rows.is_empty());
        assert!(out.skipped[0].why.contains("end date"), "{:?}", out.skipped);
    }

    #[test]
    fn overlapping_memberships_are_kept_with_a_warning() {
        let mut harvest = Harvest::default();
        harvest.items.insert(
            "Q218".into(),
            Item {
                label: Some("Romania".into()),
                ..Item::default()
            },
        );
        for (id, start) in [
            ("a", "2004-03-29"),
            ("b", "2005-01-01"),
            ("c", "1990-01-01"),
        ] {
            harvest.statements.push(Statement {
                subject: "Q218".into(),
                property: Property::MemberOf,
                value: StatementValue::Item("Q7184".into()),
                start: Bound::Known(day(start)),
                end: if id == "c" {
                    Bound::Known(day("1990-06-30"))
                } else {
                    Bound::Absent
                },
                point_in_time: Bound::Absent,
                rank: Rank::Normal,
                id: Some(id.into()),
                reference: None,
                origin: "test".into(),
            });
        }
        let base = FactBase::embedded();
        let out = convert(
            &harvest,
            &Options {
                retrieved: "2026-11-29".parse().unwrap(),
                base: &base,
            },
        );
        assert_eq!(out.rows.len(), 3);
        // "a" and "b" overlap; "c" ended long before.
        assert_eq!(out.warnings.len(), 2, "{:?}", out.warnings);
        assert!(out.warnings.iter().all(|w| !w.contains("(c)")));
    }

    #[test]
    fn an_interval_that_vanishes_at_its_precision_is_skipped() {
        let out = membership(Bound::Known(year(2020)), Bound::Known(year(2020)));
        assert!(out.rows.is_empty());
        assert!(out.skipped[0].why.contains("no later than it starts"));
    }

    #[test]
    fn titles_come_from_the_label_without_the_jurisdiction() {
        assert_eq!(
            title_from_label("Secretary General of NATO", "NATO"),
            "Secretary General"
        );
        assert_eq!(
            title_from_label("President of the Philippines", "Philippines"),
            "President"
        );
        assert_eq!(title_from_label("Chancellor", "Germany"), "Chancellor");
        assert_eq!(
            title_from_label("Mayor of Paris", "France"),
            "Mayor of Paris"
        );
    }
}
