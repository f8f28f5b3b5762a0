//! A fact file as written (TOML, kebab-case keys, unknown keys rejected). `docs/facts.md`
//! describes the format; `load.rs` validates it and builds the fact base.

use std::fmt;

use std::ops::Range;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeTuple, Serializer};
use serde::{Deserialize, Serialize};

/// How precisely a fact file knows a date. Sources such as Wikidata often know a start or
/// end only to the year or month; a judgement inside that year or month is then uncertain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Known to the year.
    Year,
    /// Known to the month.
    Month,
    /// Known to the day.
    #[default]
    Day,
}

/// A date as a fact file writes it: a calendar day, either a bare TOML date (`2022-06-01`)
/// or a string (`"2022-06-01"`: some TOML tools quote dates, and both must mean the same),
/// or a string naming only a month (`"2022-06"`) or a year (`"2022"`). A month or year
/// stands for its first day, with the precision kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactDate(pub NaiveDate, pub Precision);

impl FactDate {
    pub fn day(date: NaiveDate) -> FactDate {
        FactDate(date, Precision::Day)
    }
}

impl fmt::Display for FactDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Precision::Year => write!(f, "{}", self.0.format("%Y")),
            Precision::Month => write!(f, "{}", self.0.format("%Y-%m")),
            Precision::Day => write!(f, "{}", self.0.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for FactDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FactDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FactDateVisitor)
    }
}

struct FactDateVisitor;

impl FactDateVisitor {
    fn parse<E: de::Error>(text: &str) -> Result<FactDate, E> {
        // `FromStr` reads ISO 8601 dates without interpreting a format string each time.
        let digits =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        let parsed = match text.len() {
            10 => parse_day(text).map(FactDate::day),
            7 if digits(&text[..4], 4) && text.as_bytes()[4] == b'-' && digits(&text[5..], 2) => {
                format!("{text}-01")
                    .parse::<NaiveDate>()
                    .ok()
                    .map(|date| FactDate(date, Precision::Month))
            }
            4 if digits(text, 4) => format!("{text}-01-01")
                .parse::<NaiveDate>()
                .ok()
                .map(|date| FactDate(date, Precision::Year)),
            _ => None,
        };
        parsed.ok_or_else(|| {
            E::custom(format!(
                "`{text}` is not a date of the form YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known)"
            ))
        })
    }
}

/// `YYYY-MM-DD` read directly: the embedded base holds thousands of dates, and a general
/// parser takes most of their loading time.
fn parse_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

impl<'de> Visitor<'de> for FactDateVisitor {
    type Value = FactDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<FactDate, E> {
        Self::parse(text)
    }

    /// A bare TOML date arrives as a one-entry map holding its text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FactDate, A::Error> {
        let _key: Option<String> = map.next_key()?;
        let text: String = map.next_value()?;
        if text.len() != 10 {
            return Err(de::Error::custom(format!(
                "`{text}` is not a date of the form YYYY-MM-DD"
            )));
        }
        Self::parse(&text)
    }
}

/// A value and the byte span it was read from. Read from TOML (where the span is the
/// value's place in the file) or from the build script's compact JSON copy of the embedded
/// files, `[start, end, value]`, which keeps the same spans. The span's ends are `u32`: a
/// newsroom's long file holds hundreds of thousands of located values while it is built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    start: u32,
    end: u32,
    value: T,
}

/// A byte offset as a located value keeps it (a fact file is far below 4 GiB).
fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl<T> Located<T> {
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The value, to move it out (`std::mem::take`) into a table.
    pub fn get_mut(&mut self) -> &mut T {
        &mut self.value
    }

    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn new(span: Range<usize>, value: T) -> Self {
        Located {
            start: offset32(span.start),
            end: offset32(span.end),
            value,
        }
    }
}

/// The names toml uses to hand a value's span to `serde_spanned::Spanned`.
const SPANNED: &str = "$__serde_spanned_private_Spanned";
const SPANNED_FIELDS: [&str; 3] = [
    "$__serde_spanned_private_start",
    "$__serde_spanned_private_end",
    "$__serde_spanned_private_value",
];

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tuple = serializer.serialize_tuple(3)?;
        tuple.serialize_element(&self.start)?;
        tuple.serialize_element(&self.end)?;
        tuple.serialize_element(&self.value)?;
        tuple.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct(
            SPANNED,
            &SPANNED_FIELDS,
            LocatedVisitor(std::marker::PhantomData),
        )
    }
}

struct LocatedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for LocatedVisitor<T> {
    type Value = Located<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }

    /// TOML: the span's start and end, then the value.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Located<T>, A::Error> {
        let (mut start, mut end, mut value) = (0usize, 0usize, None);
        while let Some(key) = map.next_key::<String>()? {
            if key == SPANNED_FIELDS[0] {
                start = map.next_value()?;
            } else if key == SPANNED_FIELDS[1] {
                end = map.next_value()?;
            } else if key == SPANNED_FIELDS[2] {
                value = Some(map.next_value()?);
            } else {
                return Err(de::Error::custom("expected a spanned value"));
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Located::new(start..end, value))
    }

    /// The compact copy: `[start, end, value]`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Located<T>, A::Error> {
        let missing = || de::Error::custom("expected [start, end, value]");
        let start: usize = seq.next_element()?.ok_or_else(missing)?;
        let end: usize = seq.next_element()?.ok_or_else(missing)?;
        let value = seq.next_element()?.ok_or_else(missing)?;
        Ok(Located::new(start..end, value))
    }
}

pub type Text = Located<String>;
pub type Date = Located<FactDate>;

/// A whole fact file.
pub type RawFile = RawFileOf<Date>;

/// A fact file, or a piece of one cut before an entry of a table (see `pieces.rs`), whose
/// `checked` is `Option<Date>`: only the first piece has it.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFileOf<Checked> {
    /// The day the file's facts were last checked against their sources.
    pub checked: Checked,
    #[serde(default)]
    pub entity: Vec<RawEntity>,
    #[serde(default)]
    pub alias: Vec<RawAlias>,
    #[serde(default)]
    pub member_count: Vec<RawMemberCount>,
    #[serde(default)]
    pub membership: Vec<RawMembership>,
    #[serde(default)]
    pub accession_step: Vec<RawAccessionStep>,
    #[serde(default)]
    pub office: Vec<RawOffice>,
    #[serde(default)]
    pub term: Vec<RawTerm>,
    #[serde(default)]
    pub capital: Vec<RawCapital>,
    #[serde(default)]
    pub event: Vec<RawEvent>,
}

impl<Checked> RawFileOf<Checked> {
    /// The same tables with another `checked`.
    pub fn with_checked<Other>(self, checked: Other) -> RawFileOf<Other> {
        RawFileOf {
            checked,
            entity: self.entity,
            alias: self.alias,
            member_count: self.member_count,
            membership: self.membership,
            accession_step: self.accession_step,
            office: self.office,
            term: self.term,
            capital: self.capital,
            event: self.event,
        }
    }

    /// Room in each table for the entries the whole file has (`entries` of a table's name,
    /// as its `[[name]]` headers are written), so appending the later pieces grows nothing:
    /// grown by doubling, the tables of a long file would hold a third more than they need.
    pub fn reserve_exact(&mut self, entries: impl Fn(&str) -> usize) {
        fn room<T>(table: &mut Vec<T>, entries: usize) {
            table.reserve_exact(entries.saturating_sub(table.len()));
        }
        room(&mut self.entity, entries("entity"));
        room(&mut self.alias, entries("alias"));
        room(&mut self.member_count, entries("member-count"));
        room(&mut self.membership, entries("membership"));
        room(&mut self.accession_step, entries("accession-step"));
        room(&mut self.office, entries("office"));
        room(&mut self.term, entries("term"));
        room(&mut self.capital, entries("capital"));
        room(&mut self.event, entries("event"));
    }

    /// Append a later piece's tables, in order.
    pub fn append<Other>(&mut self, mut later: RawFileOf<Other>) {
        self.entity.append(&mut later.entity);
        self.alias.append(&mut later.alias);
        self.member_count.append(&mut later.member_count);
        self.membership.append(&mut later.membership);
        self.accession_step.append(&mut later.accession_step);
        self.office.append(&mut later.office);
        self.term.append(&mut later.term);
        self.capital.append(&mut later.capital);
        self.event.append(&mut later.event);
    }
}

/// Move every span by `by` bytes: a piece of a file is parsed on its own, and its spans count
/// from the piece's start.
pub trait Shift {
    fn shift(&mut self, by: usize);
}

impl<T> Shift for Located<T> {
    fn shift(&mut self, by: usize) {
        let span = self.span();
        self.start = offset32(span.start + by);
        self.end = offset32(span.end + by);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: usize) {
        if let Some(value) = self {
            value.shift(by);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: usize) {
        for value in self {
            value.shift(by);
        }
    }
}

/// `Shift` for a table, by its fields that hold spans.
macro_rules! shift_fields {
    ($table:ident: $($field:ident),+) => {
        impl Shift for $table {
            fn shift(&mut self, by: usize) {
                $(self.$field.shift(by);)+
            }
        }
    };
}

shift_fields!(RawEntity: id, ambiguous, born, died, source);
shift_fields!(RawAlias: entity, from, until, source);
shift_fields!(RawMemberCount: entity, from, until, source);
shift_fields!(RawMembership: organisation, member, from, until, source);
shift_fields!(RawAccessionStep: organisation, candidate, by, date, source);
shift_fields!(RawOffice: id, of, source);
shift_fields!(RawTerm: office, holder, from, until, source);
shift_fields!(RawCapital: country, from, until, source);
shift_fields!(RawEvent: id, start, end, country, fact);
shift_fields!(RawEventFact: source);

impl<Checked: Shift> Shift for RawFileOf<Checked> {
    fn shift(&mut self, by: usize) {
        self.checked.shift(by);
        self.entity.shift(by);
        self.alias.shift(by);
        self.member_count.shift(by);
        self.membership.shift(by);
        self.accession_step.shift(by);
        self.office.shift(by);
        self.term.shift(by);
        self.capital.shift(by);
        self.event.shift(by);
    }
}

/// What an entity is (a fact file's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// An organisation (`organisation`).
    Organisation,
    /// A country.
    Country,
    /// A place that is not a country.
    Place,
    /// A person.
    Person,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEntity {
    pub id: Text,
    pub kind: EntityKind,
    pub name: String,
    pub wikidata: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Forms that often mean something else ("Georgian": the country or the US state).
    #[serde(default)]
    pub ambiguous: Vec<Text>,
    /// How articles name an organisation without naming it ("the alliance").
    #[serde(default)]
    pub generic: Vec<String>,
    /// A person's birth date (`uncertain` marks it unconfirmed).
    pub born: Option<Date>,
    /// A person's death date.
    pub died: Option<Date>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAlias {
    pub entity: Text,
    pub name: String,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// Names the entity only once the entity itself has been named ("the Alliance").
    #[serde(default)]
    pub contextual: bool,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMemberCount {
    pub entity: Text,
    pub value: u32,
    pub from: Option<Date>,
    pub until: Option<Date>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawMembership {
    pub organisation: Text,
    pub member: Text,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub event: Option<String>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAccessionStep {
    pub organisation: Text,
    pub candidate: Text,
    pub step: String,
    pub by: Option<Text>,
    pub date: Date,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawOffice {
    pub id: Text,
    /// The office's full name ("President of Romania").
    pub name: String,
    /// The country or organisation the office belongs to.
    pub of: Text,
    /// The title as the office's own country or organisation writes it before a name.
    pub title: String,
    /// Other forms of the title seen in the press.
    #[serde(default)]
    pub titles: Vec<String>,
    pub wikidata: Option<String>,
    pub note: Option<String>,
    pub source: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    Regular,
    Acting,
    Interim,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawTerm {
    pub office: Text,
    pub holder: Text,
    #[serde(default = "regular")]
    pub kind: TermKind,
    pub from: Date,
    pub until: Option<Date>,
    /// The term may overlap others of its office of the same kind (rival claims, co-chairs);
    /// the note says why.
    #[serde(default)]
    pub concurrent: bool,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

fn regular() -> TermKind {
    TermKind::Regular
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CapitalRole {
    /// A capital in its own right (official, constitutional, administrative, ...).
    Capital,
    /// Where the government sits, but not the capital (The Hague).
    SeatOfGovernment,
    /// The commercial centre, not the capital (Abidjan since 1983).
    EconomicCapital,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCapital {
    pub country: Text,
    pub city: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default = "capital")]
    pub role: CapitalRole,
    pub wikidata: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}

fn capital() -> CapitalRole {
    CapitalRole::Capital
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEvent {
    pub id: Text,
    pub name: String,
    pub kind: Option<String>,
    pub start: Date,
    pub end: Option<Date>,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub country: Option<Text>,
    #[serde(default)]
    pub fact: Vec<RawEventFact>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEventFact {
    pub property: String,
    pub value: String,
    #[serde(default)]
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Text,
}
