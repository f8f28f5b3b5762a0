//! `factlint facts query NAME [--as-of DATE]`: what the fact base says about an entity, in
//! plain text with every value's interval and source.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{EntityId, EntityKind, FactBase, Interval, Provenance};

/// Describe every entity that `name` may mean; `None` when the fact base knows none.
pub fn describe(base: &FactBase, name: &str, as_of: NaiveDate) -> Option<String> {
    let found = base.find(name);
    if found.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (index, &entity) in found.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        describe_entity(base, entity, as_of, &mut out);
    }
    Some(out)
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
    let mut names: Vec<String> = entity
        .aliases
        .iter()
        .chain(&entity.adjectives)
        .chain(&entity.demonyms)
        .cloned()
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
            "    member states ({}): {}",
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
