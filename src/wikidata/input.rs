//! Reading Wikidata's formats into statements: SPARQL 1.1 JSON results of the shipped query
//! shapes (`rules/wikidata/*.rq`), entity JSON as `Special:EntityData` serves it, and the
//! JSON dump (an array with one entity per line), which is streamed.

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use super::time::{self, Bound};
use crate::facts::EntityKind;

/// The properties factlint imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Property {
    /// P463 member of: a country's membership of an organisation.
    MemberOf,
    /// P39 position held: a person's term in an office.
    PositionHeld,
    /// P2124 member count, at a point in time (P585).
    MemberCount,
    /// P36 capital.
    Capital,
}

impl Property {
    pub fn code(self) -> &'static str {
        match self {
            Property::MemberOf => "P463",
            Property::PositionHeld => "P39",
            Property::MemberCount => "P2124",
            Property::Capital => "P36",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Property::MemberOf => "member of",
            Property::PositionHeld => "position held",
            Property::MemberCount => "member count",
            Property::Capital => "capital",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Deprecated,
    Normal,
    Preferred,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatementValue {
    Item(String),
    Amount(String),
    /// "Some value" or "no value" as the statement's main value.
    Unknown(&'static str),
}

/// One statement, from whichever format it was read.
#[derive(Clone, Debug)]
pub struct Statement {
    pub subject: String,
    pub property: Property,
    pub value: StatementValue,
    pub start: Bound,
    pub end: Bound,
    pub point_in_time: Bound,
    pub rank: Rank,
    /// The statement's id (GUID), when the input gives it.
    pub id: Option<String>,
    /// A reference URL (P854), when the input gives one.
    pub reference: Option<String>,
    /// The input file it came from.
    pub origin: String,
}

/// What the inputs say about an item besides statements: its names and what kind it is.
#[derive(Clone, Debug, Default)]
pub struct Item {
    pub label: Option<String>,
    pub aliases: BTreeSet<String>,
    /// What the input says it is (P31 in entity JSON, or the query's variable).
    pub kind: Option<EntityKind>,
    /// P1001 applies to jurisdiction (for an office: whose office it is).
    pub jurisdiction: Option<String>,
}

/// Everything read from the inputs.
#[derive(Debug, Default)]
pub struct Harvest {
    pub statements: Vec<Statement>,
    pub items: BTreeMap<String, Item>,
}

impl Harvest {
    fn item(&mut self, id: &str) -> &mut Item {
        self.items.entry(id.to_string()).or_default()
    }

    fn name(&mut self, id: &str, label: Option<&str>) {
        if let Some(label) = label.filter(|label| !label.is_empty() && *label != id) {
            self.item(id).label.get_or_insert_with(|| label.to_string());
        }
    }

    fn kind(&mut self, id: &str, kind: EntityKind) {
        self.item(id).kind.get_or_insert(kind);
    }
}

/// An error in an input file, with the line when known.
#[derive(Debug)]
pub struct InputProblem {
    pub line: Option<usize>,
    pub message: String,
}

fn problem(message: impl Into<String>) -> InputProblem {
    InputProblem {
        line: None,
        message: message.into(),
    }
}

const ENTITY: &str = "http://www.wikidata.org/entity/";

/// `http://www.wikidata.org/entity/Q218` → `Q218`.
fn entity_id(uri: &str) -> Option<&str> {
    let id = uri.strip_prefix(ENTITY)?;
    let valid = id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit());
    valid.then_some(id)
}

/// A statement's id as entity JSON writes it (`Q218$5E8A...`), from its SPARQL IRI
/// (`http://www.wikidata.org/entity/statement/Q218-5E8A...`), so that one statement read from
/// both formats is recognised as one.
fn statement_id(uri: &str) -> String {
    let last = uri.rsplit('/').next().unwrap_or(uri);
    last.replacen('-', "$", 1)
}

/// Which of the documented query shapes a result has, by its variables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Membership,
    Office,
    Count,
    Capital,
}

fn shape(vars: &[String]) -> Option<Shape> {
    let has = |name: &str| vars.iter().any(|var| var == name);
    if has("count") || has("memberCount") {
        Some(Shape::Count)
    } else if has("person") && (has("office") || has("position")) {
        Some(Shape::Office)
    } else if has("capital") {
        Some(Shape::Capital)
    } else if has("member") || has("country") {
        Some(Shape::Membership)
    } else {
        None
    }
}

#[derive(Deserialize)]
struct SparqlResults {
    head: SparqlHead,
    results: SparqlBindings,
}

#[derive(Deserialize)]
struct SparqlHead {
    vars: Vec<String>,
}

#[derive(Deserialize)]
struct SparqlBindings {
    bindings: Vec<BTreeMap<String, SparqlTerm>>,
}

#[derive(Deserialize)]
struct SparqlTerm {
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

/// One result row.
struct Row<'a>(&'a BTreeMap<String, SparqlTerm>);

impl Row<'_> {
    fn first(&self, names: &[&str]) -> Option<(&str, &SparqlTerm)> {
        names
            .iter()
            .find_map(|name| self.0.get_key_value(*name))
            .map(|(name, term)| (name.as_str(), term))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|term| term.value.as_str())
    }

    /// An item variable: its Q-id and its label (`?xLabel`, absent or the Q-id itself when
    /// the label service found none).
    fn item(&self, names: &[&str]) -> Result<Option<(String, Option<String>)>, String> {
        let Some((name, term)) = self.first(names) else {
            return Ok(None);
        };
        let id = entity_id(&term.value)
            .ok_or_else(|| format!("?{name} is `{}`, not a Wikidata item", term.value))?;
        let label = self.text(&format!("{name}Label")).map(str::to_string);
        Ok(Some((id.to_string(), label)))
    }

    /// A time variable and its `?xPrecision`.
    fn time(&self, names: &[&str]) -> Result<Bound, String> {
        let Some((name, term)) = self.first(names) else {
            return Ok(Bound::Absent);
        };
        // A "some value" date comes back as a blank node (or a skolem IRI).
        if term.kind == "bnode" || term.value.contains("/.well-known/genid/") {
            return Ok(Bound::SomeValue);
        }
        let precision = match self.text(&format!("{name}Precision")) {
            Some(code) => Some(
                code.parse::<u64>()
                    .map_err(|_| format!("?{name}Precision is `{code}`, not a number"))?,
            ),
            None => None,
        };
        Ok(time::from_sparql(&term.value, precision))
    }
}

/// SPARQL 1.1 JSON results. `of` names the organisation when the query fixed it rather than
/// selecting it (`?country wdt:P463 wd:Q7184`).
pub fn read_sparql(
    json: &str,
    origin: &str,
    of: Option<&str>,
    harvest: &mut Harvest,
) -> Result<usize, InputProblem> {
    let results: SparqlResults = serde_json::from_str(json).map_err(|error| InputProblem {
        line: Some(error.line()),
        message: format!("not SPARQL JSON results: {error}"),
    })?;
    let shape = shape(&results.head.vars).ok_or_else(|| {
        problem(format!(
            "the variables {:?} match none of the query shapes in rules/wikidata/ \
             (memberships: ?member or ?country; offices: ?person and ?office; member counts: \
             ?count; capitals: ?country and ?capital)",
            results.head.vars
        ))
    })?;
    let before = harvest.statements.len();
    for (index, bindings) in results.results.bindings.iter().enumerate() {
        let row = Row(bindings);
        let at = |message: String| problem(format!("result row {}: {message}", index + 1));
        let fixed = |names: &[&str]| -> Result<Option<(String, Option<String>)>, InputProblem> {
            match row.item(names).map_err(at)? {
                Some(item) => Ok(Some(item)),
                None => Ok(of.map(|id| (id.to_string(), None))),
            }
        };
        let (subject, value, subject_kind, value_kind) = match shape {
            Shape::Membership => {
                let member = row.item(&["member", "country"]).map_err(at)?;
                let organisation = fixed(&["organisation", "org"])?;
                (
                    member,
                    organisation,
                    EntityKind::Country,
                    Some(EntityKind::Organisation),
                )
            }
            Shape::Office => (
                row.item(&["person"]).map_err(at)?,
                row.item(&["office", "position"]).map_err(at)?,
                EntityKind::Person,
                None,
            ),
            Shape::Capital => (
                row.item(&["country"]).map_err(at)?,
                row.item(&["capital"]).map_err(at)?,
                EntityKind::Country,
                Some(EntityKind::Place),
            ),
            Shape::Count => (
                fixed(&["organisation", "org", "item"])?,
                None,
                EntityKind::Organisation,
                None,
            ),
        };
        let Some((subject, subject_label)) = subject else {
            return Err(at("the subject variable is unbound".into()));
        };
        harvest.name(&subject, subject_label.as_deref());
        harvest.kind(&subject, subject_kind);
        let (property, value) = match shape {
            Shape::Count => {
                let (_, amount) = row
                    .first(&["count", "memberCount"])
                    .ok_or_else(|| at("?count is unbound".into()))?;
                (
                    Property::MemberCount,
                    StatementValue::Amount(amount.value.clone()),
                )
            }
            _ => {
                let Some((value, value_label)) = value else {
                    return Err(at(if shape == Shape::Membership && of.is_none() {
                        "no ?organisation: the query fixes it, so say which with --of (e.g. --of Q7184)".into()
                    } else {
                        "the value variable is unbound".into()
                    }));
                };
                harvest.name(&value, value_label.as_deref());
                if let Some(kind) = value_kind {
                    harvest.kind(&value, kind);
                }
                let property = match shape {
                    Shape::Membership => Property::MemberOf,
                    Shape::Office => Property::PositionHeld,
                    _ => Property::Capital,
                };
                (property, StatementValue::Item(value))
            }
        };
        if let (Property::PositionHeld, StatementValue::Item(office)) = (property, &value) {
            if let Some((of_id, of_label)) = row.item(&["of", "jurisdiction"]).map_err(at)? {
                harvest.name(&of_id, of_label.as_deref());
                match row.text("ofKind") {
                    Some("country") => harvest.kind(&of_id, EntityKind::Country),
                    Some("organisation") => harvest.kind(&of_id, EntityKind::Organisation),
                    _ => {}
                }
                harvest.item(office).jurisdiction.get_or_insert(of_id);
            }
        }
        let rank = match row.text("rank") {
            Some(rank) if rank.ends_with("DeprecatedRank") => Rank::Deprecated,
            Some(rank) if rank.ends_with("PreferredRank") => Rank::Preferred,
            _ => Rank::Normal,
        };
        harvest.statements.push(Statement {
            subject,
            property,
            value,
            start: row.time(&["start"]).map_err(at)?,
            end: row.time(&["end"]).map_err(at)?,
            point_in_time: row.time(&["pointInTime", "date"]).map_err(at)?,
            rank,
            id: row.text("statement").map(statement_id),
            reference: row.text("reference").map(str::to_string),
            origin: origin.to_string(),
        });
    }
    Ok(harvest.statements.len() - before)
}

// --- Entity JSON -------------------------------------------------------------------------

#[derive(Deserialize)]
struct EntityDocument {
    entities: BTreeMap<String, RawEntity>,
}

#[derive(Deserialize)]
struct RawEntity {
    id: String,
    #[serde(default)]
    labels: BTreeMap<String, LangValue>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<LangValue>>,
    #[serde(default)]
    claims: Claims,
}

#[derive(Deserialize)]
struct LangValue {
    value: String,
}

/// Only the properties factlint reads; serde skips the rest of a dump entity.
#[derive(Default, Deserialize)]
struct Claims {
    #[serde(rename = "P31", default)]
    instance_of: Vec<RawStatement>,
    #[serde(rename = "P1001", default)]
    jurisdiction: Vec<RawStatement>,
    #[serde(rename = "P463", default)]
    member_of: Vec<RawStatement>,
    #[serde(rename = "P39", default)]
    position_held: Vec<RawStatement>,
    #[serde(rename = "P2124", default)]
    member_count: Vec<RawStatement>,
    #[serde(rename = "P36", default)]
    capital: Vec<RawStatement>,
}

#[derive(Deserialize)]
struct RawStatement {
    mainsnak: Snak,
    #[serde(default)]
    qualifiers: Qualifiers,
    #[serde(default)]
    rank: Option<String>,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    references: Vec<Reference>,
}

#[derive(Default, Deserialize)]
struct Qualifiers {
    #[serde(rename = "P580", default)]
    start: Vec<Snak>,
    #[serde(rename = "P582", default)]
    end: Vec<Snak>,
    #[serde(rename = "P585", default)]
    point_in_time: Vec<Snak>,
}

#[derive(Deserialize)]
struct Reference {
    #[serde(default)]
    snaks: ReferenceSnaks,
}

#[derive(Default, Deserialize)]
struct ReferenceSnaks {
    #[serde(rename = "P854", default)]
    url: Vec<Snak>,
}

#[derive(Deserialize)]
struct Snak {
    snaktype: String,
    #[serde(default)]
    datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
struct DataValue {
    value: Value,
}

impl Snak {
    fn item(&self) -> Option<&str> {
        self.datavalue.as_ref()?.value.get("id")?.as_str()
    }

    fn time(&self) -> Bound {
        match self.snaktype.as_str() {
            "somevalue" => Bound::SomeValue,
            "novalue" => Bound::NoValue,
            _ => {
                let Some(value) = self.datavalue.as_ref().map(|d| &d.value) else {
                    return Bound::Unusable("a time qualifier without a value".into());
                };
                let time = value.get("time").and_then(Value::as_str).unwrap_or("");
                let precision = value.get("precision").and_then(Value::as_u64).unwrap_or(11);
                let calendar = value
                    .get("calendarmodel")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                time::from_entity(time, precision, calendar)
            }
        }
    }
}

/// The one qualifier a statement should have; two different ones make it unusable.
fn qualifier(snaks: &[Snak]) -> Bound {
    let mut bounds = snaks.iter().map(Snak::time);
    let Some(first) = bounds.next() else {
        return Bound::Absent;
    };
    if bounds.any(|other| other != first) {
        return Bound::Unusable("two different values for one date qualifier".into());
    }
    first
}

/// Q-ids that make an item a country for factlint: country, sovereign state, state.
const COUNTRY_CLASSES: [&str; 3] = ["Q6256", "Q3624078", "Q7275"];
const HUMAN: &str = "Q5";

/// What to keep of an entity: everything, or (second pass over a dump) only the names and
/// kinds of the items that statements refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep<'a> {
    All,
    NamesOf(&'a BTreeSet<String>),
}

fn take_entity(entity: RawEntity, lang: &str, origin: &str, keep: Keep, harvest: &mut Harvest) {
    let wanted = match keep {
        Keep::All => true,
        Keep::NamesOf(ids) => ids.contains(&entity.id),
    };
    if wanted {
        let label = entity.labels.get(lang).map(|l| l.value.as_str());
        harvest.name(&entity.id, label);
        let aliases = entity.aliases.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        for alias in aliases {
            harvest.item(&entity.id).aliases.insert(alias.value.clone());
        }
        let classes: Vec<&str> = entity
            .claims
            .instance_of
            .iter()
            .filter_map(|s| s.mainsnak.item())
            .collect();
        if classes.iter().any(|class| COUNTRY_CLASSES.contains(class)) {
            harvest.kind(&entity.id, EntityKind::Country);
        } else if classes.contains(&HUMAN) {
            harvest.kind(&entity.id, EntityKind::Person);
        }
        if let Some(of) = entity
            .claims
            .jurisdiction
            .iter()
            .find_map(|s| s.mainsnak.item())
        {
            harvest
                .item(&entity.id)
                .jurisdiction
                .get_or_insert(of.to_string());
        }
    }
    if keep != Keep::All {
        return;
    }
    let claims = entity.claims;
    let groups = [
        (Property::MemberOf, claims.member_of),
        (Property::PositionHeld, claims.position_held),
        (Property::MemberCount, claims.member_count),
        (Property::Capital, claims.capital),
    ];
    for (property, statements) in groups {
        for raw in statements {
            let value = match (raw.mainsnak.snaktype.as_str(), property) {
                ("somevalue", _) => StatementValue::Unknown("some value"),
                ("novalue", _) => StatementValue::Unknown("no value"),
                (_, Property::MemberCount) => {
                    let amount = raw
                        .mainsnak
                        .datavalue
                        .as_ref()
                        .and_then(|d| d.value.get("amount"))
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    StatementValue::Amount(amount.to_string())
                }
                _ => match raw.mainsnak.item() {
                    Some(id) => StatementValue::Item(id.to_string()),
                    None => StatementValue::Unknown("a value that is not an item"),
                },
            };
            let rank = match raw.rank.as_deref() {
                Some("deprecated") => Rank::Deprecated,
                Some("preferred") => Rank::Preferred,
                _ => Rank::Normal,
            };
            let reference = raw
                .references
                .iter()
                .flat_map(|r| &r.snaks.url)
                .find_map(|snak| snak.datavalue.as_ref()?.value.as_str().map(str::to_string));
            harvest.statements.push(Statement {
                subject: entity.id.clone(),
                property,
                value,
                start: qualifier(&raw.qualifiers.start),
                end: qualifier(&raw.qualifiers.end),
                point_in_time: qualifier(&raw.qualifiers.point_in_time),
                rank,
                id: raw.id,
                reference,
                origin: origin.to_string(),
            });
        }
    }
}

/// Entity JSON as `Special:EntityData/Qnn.json` serves it (`{"entities": {...}}`), or one
/// bare entity.
pub fn read_entities(
    json: &str,
    lang: &str,
    origin: &str,
    harvest: &mut Harvest,
) -> Result<usize, InputProblem> {
    let parse_error = |error: serde_json::Error| InputProblem {
        line: Some(error.line()),
        message: format!("not Wikibase entity JSON: {error}"),
    };
    let before = harvest.statements.len();
    let value: Value = serde_json::from_str(json).map_err(parse_error)?;
    let entities: Vec<RawEntity> = if value.get("entities").is_some() {
        let document: EntityDocument = serde_json::from_value(value).map_err(parse_error)?;
        document.entities.into_values().collect()
    } else {
        vec![serde_json::from_value(value).map_err(parse_error)?]
    };
    for entity in entities {
        take_entity(entity, lang, origin, Keep::All, harvest);
    }
    Ok(harvest.statements.len() - before)
}

/// A JSON dump: `[`, then one entity per line ending in `,` (but the last), then `]`. Read a
/// line at a time, so memory stays at one entity plus what is kept. With `names_of`, a
/// second pass that only collects the names of those items.
pub fn read_dump(
    reader: impl BufRead,
    lang: &str,
    origin: &str,
    names_of: Option<&BTreeSet<String>>,
    harvest: &mut Harvest,
) -> Result<usize, InputProblem> {
    let before = harvest.statements.len();
    let keep = names_of.map_or(Keep::All, Keep::NamesOf);
    for (index, line) in reader.lines().enumerate() {
        let at = |message: String| InputProblem {
            line: Some(index + 1),
            message,
        };
        let line = line.map_err(|error| at(format!("cannot read: {error}")))?;
        let entity = line.trim().trim_end_matches(',');
        if entity.is_empty() || entity == "[" || entity == "]" {
            continue;
        }
        let entity: RawEntity = serde_json::from_str(entity)
            .map_err(|error| at(format!("not a Wikibase entity: {error}")))?;
        take_entity(entity, lang, origin, keep, harvest);
    }
    Ok(harvest.statements.len() - before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_ids_read_the_same_from_sparql_and_entity_json() {
        assert_eq!(
            statement_id(
                "http://www.wikidata.org/entity/statement/Q218-00000000-0000-0000-0000-000000000002"
            ),
            "Q218$00000000-0000-0000-0000-000000000002"
        );
    }

    #[test]
    fn an_unknown_sparql_date_is_a_blank_node() {
        let json = r#"{"head": {"vars": ["person", "personLabel", "office", "start", "end"]},
          "results": {"bindings": [{
            "person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q57792"},
            "office": {"type": "uri", "value": "http://www.wikidata.org/entity/Q167662"},
            "start": {"type": "literal", "value": "2024-10-01T00:00:00Z"},
            "end": {"type": "bnode", "value": "t123"}}]}}"#;
        let mut harvest = Harvest::default();
        read_sparql(json, "test", None, &mut harvest).unwrap();
        let statement = &harvest.statements[0];
        assert_eq!(statement.end, Bound::SomeValue);
        assert_eq!(statement.property, Property::PositionHeld);
        // No precision variable: a first of the month may stand for the month alone.
        assert_eq!(
            statement.start,
            time::from_sparql("2024-10-01T00:00:00Z", Some(10))
        );
    }
}
