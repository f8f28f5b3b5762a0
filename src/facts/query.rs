//! `factlint facts query NAME [--as-of DATE]`: what the fact base says about an entity, in
//! plain text with every value's interval and source.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{EntityId, EntityKind, FactBase, Interval, OfficeId, Provenance, Str, Term, TermKind};

/// Describe every entity that `name` may mean; `None` when the fact base knows none.
pub fn describe(base: &FactBase, name: &str, as_of: NaiveDate) -> Option<String> {
    let found = base.find(name);
    let offices = base.find_offices(name);
    if found.is_empty() && offices.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (index, &entity) in found.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        describe_entity(base, entity, as_of, &mut out);
    }
    for (index, &office) in offices.iter().enumerate() {
        if index + found.len() > 0 {
            out.push('\n');
        }
        describe_office(base, office, as_of, &mut out);
    }
    Some(out)
}

/// An office: whose it is, its titles, who held it on the date, and every term.
fn describe_office(base: &FactBase, id: OfficeId, as_of: NaiveDate, out: &mut String) {
    let office = base.office(id);
    let of = base.entity(office.of);
    let _ = writeln!(
        out,
        "{} ({}, office of {})",
        office.name, office.id, of.name
    );
    let _ = writeln!(out, "  {}", provenance(&office.provenance));
    let mut titles = vec![office.title.as_str()];
    titles.extend(office.titles.iter().map(Str::as_str));
    let _ = writeln!(out, "  titles: {}", titles.join(", "));
    let _ = writeln!(out, "  as of {as_of}:");
    let holders = base.holders_on(id, as_of);
    if holders.is_empty() {
        let _ = writeln!(out, "    no holder recorded on this date");
    }
    for term in holders {
        let _ = writeln!(
            out,
            "    held by {} ({}){}",
            base.entity(term.holder).name,
            term.valid,
            stale(term.valid, &term.provenance, as_of)
        );
    }
    let _ = writeln!(out, "  terms:");
    let mut terms: Vec<&Term> = base.terms_of_office(id).collect();
    terms.sort_by_key(|term| term.valid.from);
    for term in terms {
        let kind = match term.kind {
            TermKind::Regular => "",
            TermKind::Acting => " (acting)",
            TermKind::Interim => " (interim)",
        };
        let _ = writeln!(
            out,
            "    {}{kind} {} ({})",
            base.entity(term.holder).name,
            term.valid,
            provenance(&term.provenance)
        );
    }
}

/// What the fact base holds, in numbers (`factlint facts stats`).
pub fn stats(base: &FactBase) -> String {
    let mut out = String::new();
    let count = |kind: EntityKind| base.entities.iter().filter(|e| e.kind == kind).count();
    let _ = writeln!(out, "entities: {}", base.entities.len());
    for (kind, name) in [
        (EntityKind::Country, "countries"),
        (EntityKind::Organisation, "organisations"),
        (EntityKind::Person, "people"),
        (EntityKind::Place, "places"),
    ] {
        let _ = writeln!(out, "  {name}: {}", count(kind));
    }
    let born = base
        .people()
        .filter(|&p| base.birth_date(p).is_some())
        .count();
    let died = base
        .people()
        .filter(|&p| base.death_date(p).is_some())
        .count();
    let _ = writeln!(
        out,
        "  people with a birth date: {born} (unconfirmed: {}); with a death date: {died}",
        base.people()
            .filter(|&p| base.birth_date(p).is_some_and(|b| b.uncertain))
            .count()
    );
    let _ = writeln!(out, "alias rows: {}", base.aliases.len());
    let by_org = base
        .offices
        .iter()
        .filter(|o| base.entity(o.of).kind == EntityKind::Organisation)
        .count();
    let _ = writeln!(
        out,
        "offices: {} (of countries: {}, of organisations: {by_org})",
        base.offices.len(),
        base.offices.len() - by_org
    );
    let kind = |k: TermKind| base.terms.iter().filter(|t| t.kind == k).count();
    let _ = writeln!(
        out,
        "terms: {} (regular {}, acting {}, interim {}; open-ended {})",
        base.terms.len(),
        kind(TermKind::Regular),
        kind(TermKind::Acting),
        kind(TermKind::Interim),
        base.terms
            .iter()
            .filter(|t| t.valid.until.is_none())
            .count()
    );
    let _ = writeln!(
        out,
        "member counts: {}, memberships: {}, accession steps: {}, capitals: {}, events: {}",
        base.member_counts.len(),
        base.memberships.len(),
        base.accession_steps.len(),
        base.capitals.len(),
        base.events.len()
    );
    let provenances: Vec<&Provenance> = base
        .entities
        .iter()
        .map(|e| &e.provenance)
        .chain(base.aliases.iter().map(|a| &a.provenance))
        .chain(base.member_counts.iter().map(|c| &c.provenance))
        .chain(base.memberships.iter().map(|m| &m.provenance))
        .chain(base.accession_steps.iter().map(|s| &s.provenance))
        .chain(base.offices.iter().map(|o| &o.provenance))
        .chain(base.terms.iter().map(|t| &t.provenance))
        .chain(base.capitals.iter().map(|c| &c.provenance))
        .chain(
            base.events
                .iter()
                .flat_map(|e| e.facts.iter().map(|f| &f.provenance)),
        )
        .collect();
    let mut checked: Vec<NaiveDate> = provenances.iter().map(|p| p.checked).collect();
    checked.sort_unstable();
    checked.dedup();
    let checked: Vec<String> = checked.iter().map(NaiveDate::to_string).collect();
    let _ = writeln!(out, "checked through: {}", checked.join(", "));
    let _ = writeln!(
        out,
        "unconfirmed rows (uncertain): {} of {}",
        provenances.iter().filter(|p| p.uncertain).count(),
        provenances.len()
    );
    out
}

fn provenance(provenance: &Provenance) -> String {
    let mut text = format!("source: {}", provenance.source);
    if provenance.uncertain {
        text.push_str("; unconfirmed");
    }
    if let Some(note) = &provenance.note {
        let _ = write!(text, "; note: {note}");
    }
    text
}

fn stale(valid: Interval, provenance: &Provenance, as_of: NaiveDate) -> &'static str {
    if valid.is_stale_on(as_of, provenance.checked) {
        " [after the check date: may be stale]"
    } else if valid.is_imprecise_on(as_of) {
        " [the date falls in a month or year the fact base knows no better]"
    } else {
        ""
    }
}

fn describe_entity(base: &FactBase, id: EntityId, as_of: NaiveDate, out: &mut String) {
    let entity = base.entity(id);
    let kind = format!("{:?}", entity.kind).to_lowercase();
    let _ = write!(out, "{} ({}, {kind}", entity.name, entity.id);
    if let Some(wikidata) = &entity.wikidata {
        let _ = write!(out, ", Wikidata {wikidata}");
    }
    let _ = writeln!(out, ")");
    let _ = writeln!(out, "  {}", provenance(&entity.provenance));
    if let Some(born) = entity.born {
        let died = entity
            .died
            .map(|died| format!(", died {died}"))
            .unwrap_or_default();
        let unconfirmed = if entity.provenance.uncertain {
            " (unconfirmed)"
        } else {
            ""
        };
        let _ = writeln!(out, "  born {born}{unconfirmed}{died}");
    }
    let mut names: Vec<String> = entity
        .aliases
        .iter()
        .chain(&entity.adjectives)
        .chain(&entity.demonyms)
        .map(|name| name.to_string())
        .collect();
    names.dedup();
    if !names.is_empty() {
        let _ = writeln!(out, "  also written: {}", names.join(", "));
    }
    for alias in base.aliases.iter().filter(|a| a.entity == id) {
        let valid = if alias.valid == Interval::default() {
            String::new()
        } else {
            format!(", valid {}", alias.valid)
        };
        let context = if alias.contextual {
            ", only once the entity is named"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  alias: {}{valid}{context} ({})",
            alias.name,
            provenance(&alias.provenance)
        );
    }
    let _ = writeln!(out, "  as of {as_of}:");
    let mut said = false;
    if let Some(count) = base.member_count_on(id, as_of) {
        said = true;
        let _ = writeln!(
            out,
            "    members: {} ({}; {}){}",
            count.value,
            count.valid,
            provenance(&count.provenance),
            stale(count.valid, &count.provenance, as_of)
        );
    }
    let members: Vec<&str> = base
        .memberships
        .iter()
        .filter(|m| m.organisation == id && m.valid.contains(as_of))
        .map(|m| base.entity(m.member).name.as_str())
        .collect();
    if !members.is_empty() {
        said = true;
        let _ = writeln!(
            out,
            "    members ({}): {}",
            members.len(),
            members.join(", ")
        );
    }
    for membership in base
        .memberships
        .iter()
        .filter(|m| m.member == id && m.valid.contains(as_of))
    {
        said = true;
        let _ = writeln!(
            out,
            "    member of {} ({}; {})",
            base.entity(membership.organisation).name,
            membership.valid,
            provenance(&membership.provenance)
        );
    }
    for capital in base.capitals_of(id).filter(|c| c.valid.contains(as_of)) {
        said = true;
        let role = match capital.role {
            super::CapitalRole::Capital => "capital",
            super::CapitalRole::SeatOfGovernment => "seat of government (not the capital)",
            super::CapitalRole::EconomicCapital => "economic capital (not the capital)",
        };
        let _ = writeln!(
            out,
            "    {role}: {} ({}; {}){}",
            capital.city,
            capital.valid,
            provenance(&capital.provenance),
            stale(capital.valid, &capital.provenance, as_of)
        );
    }
    for (office_id, office) in base.offices.iter().enumerate().filter(|(_, o)| o.of == id) {
        said = true;
        let holders = base.holders_on(office_id, as_of);
        if holders.is_empty() {
            let _ = writeln!(out, "    {}: not known on this date", office.name);
        }
        for term in holders {
            let _ = writeln!(
                out,
                "    {}: {} ({:?}, {}; {}){}",
                office.name,
                base.entity(term.holder).name,
                term.kind,
                term.valid,
                provenance(&term.provenance),
                stale(term.valid, &term.provenance, as_of)
            );
        }
    }
    if entity.kind == EntityKind::Person {
        for term in base.terms_of_holder(id) {
            said = true;
            let now = if term.valid.contains(as_of) {
                " (holds it on this date)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    {} {}{now} ({}){}",
                base.office(term.office).name,
                term.valid,
                provenance(&term.provenance),
                stale(term.valid, &term.provenance, as_of)
            );
        }
    }
    if !said {
        let _ = writeln!(out, "    nothing time-scoped is recorded");
    }
}
