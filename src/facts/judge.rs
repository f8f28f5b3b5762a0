//! Judging a claim against the fact base as of one date. The fact rules report a claim only
//! when it is false on every judgement date; the article's date is narrowed by dropping
//! candidates under which a claim would be certainly false (the `article` module).

use chrono::NaiveDate;

use super::{
    Capital, CapitalRole, EntityId, FactBase, Interval, MemberCount, OfficeId, Provenance, Term,
};

/// How far the facts behind a verdict can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trust {
    Certain,
    /// The date judged is within [`HANDOVER_DAYS`] of a term's start or end: sources often
    /// disagree by a day or a few about a handover (sworn in, appointed, took up duties).
    Handover,
    /// An open-ended fact judged after its file's check date: it may have changed since.
    Stale(NaiveDate),
    /// The fact's start or end is known only to the month or year, and the date judged
    /// falls in that month or year.
    Imprecise,
    /// The source tables mark the fact unconfirmed.
    Uncertain,
}

/// How close to a handover a claim is only ever a warning.
pub const HANDOVER_DAYS: i64 = 7;

impl Trust {
    /// For a term of office: as [`Trust::of`], and near a handover at most a warning.
    fn of_term(term: &Term, date: NaiveDate) -> Trust {
        let near = |bound: Option<NaiveDate>| {
            bound.is_some_and(|bound| (date - bound).num_days().abs() <= HANDOVER_DAYS)
        };
        let trust = Trust::of(&term.provenance, term.valid, date);
        if trust == Trust::Certain && (near(term.valid.from) || near(term.valid.until)) {
            Trust::Handover
        } else {
            trust
        }
    }

    fn of(provenance: &Provenance, valid: Interval, date: NaiveDate) -> Trust {
        if provenance.uncertain {
            Trust::Uncertain
        } else if valid.is_imprecise_on(date) {
            Trust::Imprecise
        } else if valid.is_stale_on(date, provenance.checked) {
            Trust::Stale(provenance.checked)
        } else {
            Trust::Certain
        }
    }

    /// Why a finding is only a warning, in words; `None` when the facts are certain.
    pub fn caveat(self) -> Option<String> {
        match self {
            Trust::Certain => None,
            Trust::Handover => Some(format!(
                "the date judged is within {HANDOVER_DAYS} days of a handover, and sources often \
                 disagree by a few days about when one holder took over"
            )),
            Trust::Stale(checked) => Some(format!(
                "the fact base was checked through {checked}; this may have changed since"
            )),
            Trust::Imprecise => Some(
                "the fact base knows when this changed only to the month or year, and the \
                 article's date falls in that month or year"
                    .to_string(),
            ),
            Trust::Uncertain => Some("the fact base marks this fact as unconfirmed".to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict<T> {
    Holds,
    /// The fact base does not know (never a finding).
    Unknown,
    False {
        evidence: T,
        trust: Trust,
    },
}

impl<T> Verdict<T> {
    pub fn is_certainly_false(&self) -> bool {
        matches!(
            self,
            Verdict::False {
                trust: Trust::Certain,
                ..
            }
        )
    }
}

/// "NATO has `value` members" on `date`. A count far below the real one is read as a
/// subset ("the five EU members that ..."), not as a wrong total.
pub fn member_count(
    base: &FactBase,
    entity: EntityId,
    value: u32,
    date: NaiveDate,
) -> Verdict<&MemberCount> {
    let Some(actual) = base.member_count_on(entity, date) else {
        return Verdict::Unknown;
    };
    if actual.value == value || countries_among_members(base, entity, date) == Some(value) {
        Verdict::Holds
    } else if value * 2 < actual.value {
        Verdict::Unknown
    } else {
        Verdict::False {
            evidence: actual,
            trust: Trust::of(&actual.provenance, actual.valid, date),
        }
    }
}

/// Whether some member of `organisation`, at any time, is not a country and is counted among
/// its members (the EU in the G20, not in the G7):
/// a count of its countries and a count of its members are then different quantities.
pub fn has_organisation_members(base: &FactBase, organisation: EntityId) -> bool {
    base.memberships.iter().any(|m| {
        m.organisation == organisation
            && base.entity(m.member).kind != super::EntityKind::Country
            && !is_non_enumerated(m)
    })
}

/// A member the organisation does not count among its own (the EU in the G7: "the seven
/// members" are the seven countries), marked so in the membership's `event`.
fn is_non_enumerated(membership: &super::Membership) -> bool {
    membership
        .event
        .as_deref()
        .is_some_and(|event| event.eq_ignore_ascii_case("non-enumerated member"))
}

/// How many of an organisation's members on `date` are countries, when some are not (the EU
/// and the African Union in the G20): "the 19 G20 countries" is then right too.
fn countries_among_members(
    base: &FactBase,
    organisation: EntityId,
    date: NaiveDate,
) -> Option<u32> {
    let members = base
        .memberships
        .iter()
        .filter(|m| m.organisation == organisation && m.valid.contains(date));
    let (mut countries, mut others) = (0, 0);
    for membership in members {
        if base.entity(membership.member).kind == super::EntityKind::Country {
            countries += 1;
        } else {
            others += 1;
        }
    }
    (others > 0).then_some(countries)
}

/// `person` holds one of `offices` on `date`. Unknown when the fact base does not know who
/// held one of them that day. The evidence is who did.
pub fn office_holder<'f>(
    base: &'f FactBase,
    offices: &[OfficeId],
    person: EntityId,
    date: NaiveDate,
) -> Verdict<Vec<&'f Term>> {
    // "Queen Elizabeth", "President Mandela" after their deaths name who they were, not an
    // office held on the date.
    if base.death_date(person).is_some_and(|died| died.0 <= date) {
        return Verdict::Unknown;
    }
    let mut holders = Vec::new();
    for &office in offices {
        let on = base.holders_on(office, date);
        if on.is_empty() {
            return Verdict::Unknown;
        }
        if on.iter().any(|term| term.holder == person) {
            return Verdict::Holds;
        }
        holders.extend(on);
    }
    // The facts that decide: the holders' terms, and the named person's terms next to the
    // date (an unconfirmed handover day makes the whole verdict unconfirmed).
    let own: Vec<&Term> = base
        .terms_of_holder(person)
        .filter(|term| offices.contains(&term.office))
        .collect();
    let last_before = own
        .iter()
        .copied()
        .filter(|term| term.valid.until.is_some_and(|until| until <= date))
        .max_by_key(|term| term.valid.until);
    let first_after = own
        .into_iter()
        .filter(|term| term.valid.from.is_some_and(|from| from > date))
        .min_by_key(|term| term.valid.from);
    let trust = holders
        .iter()
        .copied()
        .chain(last_before)
        .chain(first_after)
        .map(|term| Trust::of_term(term, date))
        .max()
        .unwrap_or(Trust::Certain);
    Verdict::False {
        evidence: holders,
        trust,
    }
}

/// Why a capital claim is false.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapitalEvidence<'f> {
    pub country: EntityId,
    /// The capitals on the date.
    pub capitals: Vec<&'f Capital>,
    /// The written city's own row, when it is the seat of government or the economic
    /// capital rather than the capital.
    pub other_role: Option<&'f Capital>,
}

/// `city` is a capital of (one of) `countries` on `date`.
pub fn capital<'f>(
    base: &'f FactBase,
    countries: &[EntityId],
    city: &str,
    date: NaiveDate,
) -> Verdict<CapitalEvidence<'f>> {
    let mut first_false = None;
    for &country in countries {
        let rows: Vec<&Capital> = base
            .capitals_of(country)
            .filter(|row| row.valid.contains(date))
            .collect();
        if rows.is_empty() {
            return Verdict::Unknown;
        }
        let named: Vec<&Capital> = rows
            .iter()
            .copied()
            .filter(|row| same_city(row, city))
            .collect();
        if named.iter().any(|row| row.role == CapitalRole::Capital) {
            return Verdict::Holds;
        }
        let trust = rows
            .iter()
            .map(|row| Trust::of(&row.provenance, row.valid, date))
            .max()
            .unwrap_or(Trust::Certain);
        let capitals = rows
            .iter()
            .copied()
            .filter(|row| row.role == CapitalRole::Capital)
            .collect();
        first_false.get_or_insert(Verdict::False {
            evidence: CapitalEvidence {
                country,
                capitals,
                other_role: named.first().copied(),
            },
            trust,
        });
    }
    first_false.unwrap_or(Verdict::Unknown)
}

/// Whether the written name is this city: its name or an alias, or a spelling of one that
/// differs only in accents, punctuation or a letter or two ("Sana’a", "Khartum").
fn same_city(row: &Capital, written: &str) -> bool {
    if row.is_named(written) {
        return true;
    }
    let written = fold(written);
    std::iter::once(&row.city)
        .chain(&row.aliases)
        .map(|name| fold(name))
        .any(|name| name == written || strsim::jaro_winkler(&name, &written) >= 0.9)
}

/// Lower-case ASCII letters and digits only, with common Latin accents removed.
fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = match c {
                'ă' | 'â' | 'á' | 'à' | 'ä' | 'ã' | 'å' | 'ā' | 'Á' | 'Â' | 'Ä' => 'a',
                'ș' | 'ş' | 'š' | 'Ș' | 'Ş' | 'Š' => 's',
                'ț' | 'ţ' | 'Ț' | 'Ţ' => 't',
                'î' | 'í' | 'ì' | 'ï' | 'ı' | 'ī' | 'Í' | 'Î' => 'i',
                'é' | 'è' | 'ê' | 'ë' | 'ē' | 'É' => 'e',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'Ó' | 'Ö' => 'o',
                'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'Ú' | 'Ü' => 'u',
                'ç' | 'č' | 'ć' | 'Č' => 'c',
                'ñ' => 'n',
                'ğ' => 'g',
                'ł' => 'l',
                'ž' | 'Ž' => 'z',
                'ř' => 'r',
                'ý' => 'y',
                'đ' => 'd',
                other => other.to_ascii_lowercase(),
            };
            c.is_ascii_alphanumeric().then_some(c)
        })
        .collect()
}

/// A claim judged over the days `checkpoints` stand for (a period's first day and each
/// day inside it where a fact changed): it holds if it holds on any of them, and is false
/// only if false on all. The evidence is the first day's.
pub fn throughout<T>(
    checkpoints: &[NaiveDate],
    verdict: impl Fn(NaiveDate) -> Verdict<T>,
) -> Verdict<T> {
    let mut first_false = None;
    let mut worst = Trust::Certain;
    for &day in checkpoints {
        match verdict(day) {
            Verdict::Holds => return Verdict::Holds,
            Verdict::Unknown => return Verdict::Unknown,
            Verdict::False { evidence, trust } => {
                worst = worst.max(trust);
                first_false.get_or_insert(evidence);
            }
        }
    }
    match first_false {
        Some(evidence) => Verdict::False {
            evidence,
            trust: worst,
        },
        None => Verdict::Unknown,
    }
}

/// The days where the holders of `offices` changed.
pub fn office_bounds(base: &FactBase, offices: &[OfficeId]) -> Vec<NaiveDate> {
    offices
        .iter()
        .flat_map(|&office| base.terms_of_office(office))
        .flat_map(|term| [term.valid.from, term.valid.until])
        .flatten()
        .collect()
}

/// The days where `entity`'s member count changed.
pub fn member_count_bounds(base: &FactBase, entity: EntityId) -> Vec<NaiveDate> {
    base.member_counts_of(entity)
        .flat_map(|count| [count.valid.from, count.valid.until])
        .flatten()
        .collect()
}

/// The days where the capitals of `countries` changed.
pub fn capital_bounds(base: &FactBase, countries: &[EntityId]) -> Vec<NaiveDate> {
    countries
        .iter()
        .flat_map(|&country| base.capitals_of(country))
        .flat_map(|row| [row.valid.from, row.valid.until])
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn member_counts_follow_their_intervals() {
        let base = FactBase::embedded();
        let nato = base.entity_by_id("org:nato").unwrap();
        assert_eq!(
            member_count(&base, nato, 30, date("2022-11-30")),
            Verdict::Holds
        );
        assert!(member_count(&base, nato, 30, date("2024-12-01")).is_certainly_false());
        // The day of accession already counts the new member: intervals are [from, until).
        assert_eq!(
            member_count(&base, nato, 31, date("2023-04-04")),
            Verdict::Holds
        );
        assert!(member_count(&base, nato, 30, date("2023-04-04")).is_certainly_false());
        // Far below the total: a subset, not a wrong total.
        assert_eq!(
            member_count(&base, nato, 5, date("2022-11-30")),
            Verdict::Unknown
        );
        assert_eq!(
            member_count(&base, nato, 30, date("1900-01-01")),
            Verdict::Unknown
        );
    }

    #[test]
    fn a_count_of_countries_leaves_out_members_that_are_organisations() {
        let base = FactBase::embedded();
        let g20 = base.entity_by_id("org:g20").unwrap();
        let day = date("2024-06-01");
        // 19 countries, the EU and the African Union.
        assert_eq!(member_count(&base, g20, 21, day), Verdict::Holds);
        assert_eq!(member_count(&base, g20, 19, day), Verdict::Holds);
        assert!(member_count(&base, g20, 22, day).is_certainly_false());
        // Before the African Union joined, 20 members.
        assert_eq!(
            member_count(&base, g20, 20, date("2020-06-01")),
            Verdict::Holds
        );
    }

    #[test]
    fn stale_and_uncertain_facts_are_not_certain() {
        let base = FactBase::embedded();
        let nato = base.entity_by_id("org:nato").unwrap();
        match member_count(&base, nato, 30, date("2026-03-01")) {
            Verdict::False { trust, .. } => assert!(matches!(trust, Trust::Stale(_))),
            other => panic!("{other:?}"),
        }
        let person = base.entity_by_id("person:mevlut-cavusoglu").unwrap();
        let office = base
            .offices
            .iter()
            .position(|o| o.id == "office:tr-foreign-minister")
            .unwrap();
        match office_holder(&base, &[office], person, date("2023-07-01")) {
            Verdict::False { trust, .. } => assert_eq!(trust, Trust::Uncertain),
            other => panic!("{other:?}"),
        }
    }

    /// Two offices' holders where one handover is known only to the year (2024) and another
    /// only to the month (2010-10).
    const IMPRECISE: &str = r#"
checked = 2026-01-01
[[entity]]
id = "country:NL"
kind = "country"
name = "Netherlands"
source = "s"
[[entity]]
id = "person:a"
kind = "person"
name = "Anna Alpha"
source = "s"
[[entity]]
id = "person:b"
kind = "person"
name = "Bert Beta"
source = "s"
[[entity]]
id = "person:c"
kind = "person"
name = "Carl Gamma"
source = "s"
[[office]]
id = "office:pm"
name = "Prime Minister of the Netherlands"
of = "country:NL"
title = "Prime Minister"
source = "s"
[[term]]
office = "office:pm"
holder = "person:a"
from = "2010-10"
until = "2024"
source = "s"
[[term]]
office = "office:pm"
holder = "person:b"
from = 2024-07-02
until = 2026-01-01
source = "s"
"#;

    #[test]
    fn a_handover_known_only_to_the_year_makes_that_year_uncertain() {
        // "until 2024" and "from 2024-07-02" do not clash: the first term may end any day of 2024.
        let base = FactBase::from_texts(&[("pm.toml", IMPRECISE)]).unwrap();
        let office = vec![0];
        let person = |id: &str| base.entity_by_id(id).unwrap();
        let verdict = |who: &str, day: &str| office_holder(&base, &office, person(who), date(day));
        // Well inside the known term, naming someone else is certainly false.
        assert!(verdict("person:c", "2015-06-01").is_certainly_false());
        // Inside 2024 or October 2010 nothing is certain.
        for day in ["2024-03-01", "2024-08-01", "2010-10-20"] {
            match verdict("person:a", day) {
                Verdict::False { trust, .. } => assert_eq!(trust, Trust::Imprecise, "{day}"),
                Verdict::Holds | Verdict::Unknown => {}
            }
            assert!(!verdict("person:a", day).is_certainly_false(), "{day}");
        }
        // Before October 2010 nobody is recorded: never a finding.
        assert_eq!(verdict("person:c", "2010-09-30"), Verdict::Unknown);
        // From 2025 the year-precise end is behind us: certain again.
        assert!(verdict("person:a", "2025-03-01").is_certainly_false());
        assert_eq!(
            base.terms[0].valid.to_string(),
            "from 2010-10 to 2024",
            "the precision shows where the interval is printed"
        );
    }

    #[test]
    fn a_claim_within_a_week_of_a_handover_is_at_most_a_warning() {
        let base = FactBase::from_texts(&[("pm.toml", IMPRECISE)]).unwrap();
        let carl = base.entity_by_id("person:c").unwrap();
        let verdict = |day: &str| office_holder(&base, &[0], carl, date(day));
        // Bert's term ends on 2026-01-01: four days before, the sources may disagree.
        match verdict("2025-12-28") {
            Verdict::False { trust, .. } => assert_eq!(trust, Trust::Handover),
            other => panic!("{other:?}"),
        }
        assert!(!verdict("2025-12-28").is_certainly_false());
        assert!(Trust::Handover.caveat().unwrap().contains("7 days"));
        // Twelve days before it, and a week and a day after Bert took over, it is certain.
        assert!(verdict("2025-12-20").is_certainly_false());
        assert!(verdict("2024-07-10").is_certainly_false());
        // The named person's own term ending close to the date counts too.
        let bert = base.entity_by_id("person:b").unwrap();
        match office_holder(&base, &[0], bert, date("2026-01-03")) {
            Verdict::Unknown => {}
            other => panic!("nobody is recorded after Bert: {other:?}"),
        }
    }

    #[test]
    fn a_title_given_after_the_holders_death_claims_nothing() {
        let text = IMPRECISE.replace(
            "name = \"Anna Alpha\"",
            "name = \"Anna Alpha\"\nborn = 1950-03-01\ndied = 2025-02-01",
        );
        let base = FactBase::from_texts(&[("pm.toml", &text)]).unwrap();
        let anna = base.entity_by_id("person:a").unwrap();
        // Alive and out of office: false; dead: "Prime Minister Alpha" is who she was.
        assert!(office_holder(&base, &[0], anna, date("2025-01-15")).is_certainly_false());
        assert_eq!(
            office_holder(&base, &[0], anna, date("2025-03-01")),
            Verdict::Unknown
        );
        assert_eq!(
            base.birth_date(anna).map(|b| b.date.to_string()),
            Some("1950-03-01".to_string())
        );
    }

    #[test]
    fn month_and_year_dates_are_only_for_intervals() {
        let text = IMPRECISE.replace("checked = 2026-01-01", "checked = \"2026\"");
        let errors = FactBase::from_texts(&[("pm.toml", &text)]).unwrap_err();
        assert!(
            errors[0]
                .to_string()
                .contains("`checked` must be a full date"),
            "{errors:?}"
        );
        let text = IMPRECISE.replace("from = 2024-07-02", "from = \"2024-7\"");
        let errors = FactBase::from_texts(&[("pm.toml", &text)]).unwrap_err();
        assert!(errors[0].to_string().contains("YYYY-MM"), "{errors:?}");
        // Two terms that certainly share a day still clash.
        let text = IMPRECISE.replace("from = 2024-07-02", "from = 2023-07-02");
        assert!(FactBase::from_texts(&[("pm.toml", &text)]).is_err());
    }

    #[test]
    fn capitals_accept_spelling_variants_but_not_other_cities() {
        let base = FactBase::embedded();
        let country = |id: &str| vec![base.entity_by_id(id).unwrap()];
        let day = date("2022-11-30");
        assert_eq!(
            capital(&base, &country("country:RO"), "Bucharest", day),
            Verdict::Holds
        );
        assert_eq!(
            capital(&base, &country("country:MD"), "Chisinau", day),
            Verdict::Holds
        );
        assert_eq!(
            capital(&base, &country("country:YE"), "Sana’a", day),
            Verdict::Holds
        );
        assert!(capital(&base, &country("country:TR"), "Istanbul", day).is_certainly_false());
        match capital(&base, &country("country:NL"), "The Hague", day) {
            Verdict::False { evidence, .. } => assert!(evidence.other_role.is_some()),
            other => panic!("{other:?}"),
        }
    }
}
