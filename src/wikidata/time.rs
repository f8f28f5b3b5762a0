//! Wikidata time values, as entity JSON writes them (`+2002-00-00T00:00:00Z` with a
//! precision) and as SPARQL results write them (`2002-01-01T00:00:00Z`, the precision in a
//! separate variable if the query asked for it).

use chrono::NaiveDate;

use crate::facts::{FactDate, Precision};

/// A statement's start, end or point in time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    /// No qualifier (in SPARQL: an unbound OPTIONAL variable).
    Absent,
    Known(FactDate),
    /// "Some value": there is a date, but nobody recorded it.
    SomeValue,
    /// "No value": explicitly none (an end time of "no value" means it has not ended).
    NoValue,
    /// A date factlint cannot use, and why (a decade, a Julian day, a year before 1 AD).
    Unusable(String),
}

const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";

/// Wikibase precisions: 9 year, 10 month, 11 day (and finer, read as day).
fn precision(code: u64) -> Result<Precision, String> {
    match code {
        0..=8 => Err(format!(
            "known only to a {} (precision {code})",
            match code {
                8 => "decade",
                7 => "century",
                6 => "millennium",
                _ => "span coarser than a millennium",
            }
        )),
        9 => Ok(Precision::Year),
        10 => Ok(Precision::Month),
        _ => Ok(Precision::Day),
    }
}

/// `[+-]YYYY-MM-DDThh:mm:ssZ` into year, month and day; month and day may be `00` at year or
/// month precision.
fn split(text: &str) -> Option<(i64, u32, u32)> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    let date = rest.split('T').next()?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    Some((if negative { -year } else { year }, month, day))
}

/// The first day of the period a time names at `precision`.
fn floor(text: &str, precision: Precision) -> Result<FactDate, String> {
    let (year, month, day) = split(text).ok_or_else(|| format!("`{text}` is not a time value"))?;
    if !(1..=9999).contains(&year) {
        return Err(format!("`{text}`: years outside 1-9999 are not supported"));
    }
    let year = year as i32;
    let (month, day) = match precision {
        Precision::Year => (1, 1),
        Precision::Month => (month, 1),
        Precision::Day => (month, day),
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(|date| FactDate(date, precision))
        .ok_or_else(|| format!("`{text}` is not a valid date at its precision"))
}

/// An entity-JSON time value: `{"time": "+2002-00-00T00:00:00Z", "precision": 9,
/// "calendarmodel": ...}`.
pub fn from_entity(time: &str, precision_code: u64, calendar: &str) -> Bound {
    let result = precision(precision_code).and_then(|precision| {
        // Julian and Gregorian days differ; a year is the same in both (but for its edges).
        if calendar != GREGORIAN && precision != Precision::Year {
            return Err("a Julian-calendar date".to_string());
        }
        floor(time, precision)
    });
    result.map_or_else(Bound::Unusable, Bound::Known)
}

/// A SPARQL `xsd:dateTime`. Without the precision the query left out, a first of January
/// may stand for the year alone and a first of the month for the month alone: read it at the
/// coarsest precision its form allows, so that no judgement is more certain than the data.
pub fn from_sparql(text: &str, precision_code: Option<u64>) -> Bound {
    let result = match precision_code {
        Some(code) => precision(code).and_then(|precision| floor(text, precision)),
        None => split(text)
            .ok_or_else(|| format!("`{text}` is not a time value"))
            .and_then(|(_, month, day)| {
                let precision = match (month, day) {
                    (1, 1) => Precision::Year,
                    (_, 1) => Precision::Month,
                    _ => Precision::Day,
                };
                floor(text, precision)
            }),
    };
    result.map_or_else(Bound::Unusable, Bound::Known)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(bound: Bound) -> String {
        match bound {
            Bound::Known(date) => date.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn entity_times_keep_their_precision() {
        assert_eq!(
            known(from_entity("+2024-10-01T00:00:00Z", 11, GREGORIAN)),
            "2024-10-01"
        );
        assert_eq!(
            known(from_entity("+2002-00-00T00:00:00Z", 9, GREGORIAN)),
            "2002"
        );
        assert_eq!(
            known(from_entity("+2002-05-00T00:00:00Z", 10, GREGORIAN)),
            "2002-05"
        );
        // Finer than a day is a day.
        assert_eq!(
            known(from_entity("+2002-05-03T10:00:00Z", 14, GREGORIAN)),
            "2002-05-03"
        );
        assert!(matches!(
            from_entity("+1950-00-00T00:00:00Z", 8, GREGORIAN),
            Bound::Unusable(why) if why.contains("decade")
        ));
        assert!(matches!(
            from_entity(
                "-0044-03-15T00:00:00Z",
                11,
                "http://www.wikidata.org/entity/Q1985786"
            ),
            Bound::Unusable(_)
        ));
        assert!(matches!(
            from_entity("+2002-02-30T00:00:00Z", 11, GREGORIAN),
            Bound::Unusable(_)
        ));
    }

    #[test]
    fn sparql_times_without_a_precision_are_read_at_the_coarsest_their_form_allows() {
        assert_eq!(known(from_sparql("1952-01-01T00:00:00Z", Some(9))), "1952");
        assert_eq!(
            known(from_sparql("2007-01-01T00:00:00Z", Some(11))),
            "2007-01-01"
        );
        assert_eq!(known(from_sparql("1973-01-01T00:00:00Z", None)), "1973");
        assert_eq!(known(from_sparql("2024-10-01T00:00:00Z", None)), "2024-10");
        assert_eq!(
            known(from_sparql("2020-01-31T00:00:00Z", None)),
            "2020-01-31"
        );
        assert!(matches!(from_sparql("yesterday", None), Bound::Unusable(_)));
    }
}
