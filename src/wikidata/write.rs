//! Writing converted rows as a fact file: deterministic (sorted, stable), every value with
//! its source, clashing statements kept as comments for an editor to settle.

use std::fmt::Write;

use super::convert::{Converted, OutEntity, OutOffice, Row, RowValue, Table};
use crate::facts::{EntityKind, FactDate};

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| quote(item)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A day as a bare TOML date; a month or year as a string (`"2002"`).
fn date(date: FactDate) -> String {
    match date.1 {
        crate::facts::Precision::Day => date.to_string(),
        _ => quote(&date.to_string()),
    }
}

struct Writer {
    out: String,
    /// Prefix for every line: `# ` for a commented-out row.
    prefix: &'static str,
}

impl Writer {
    fn line(&mut self, key: &str, value: String) {
        let _ = writeln!(self.out, "{}{key} = {value}", self.prefix);
    }

    fn list(&mut self, key: &str, items: &[String]) {
        if !items.is_empty() {
            self.line(key, list(items));
        }
    }

    fn header(&mut self, table: &str) {
        let _ = writeln!(self.out, "\n{}[[{table}]]", self.prefix);
    }

    fn entity(&mut self, entity: &OutEntity) {
        self.header("entity");
        self.line("id", quote(&entity.id));
        let kind = match entity.kind {
            EntityKind::Organisation => "organisation",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Person => "person",
        };
        self.line("kind", quote(kind));
        self.line("name", quote(&entity.name));
        self.line("wikidata", quote(&entity.wikidata));
        self.list("aliases", &entity.aliases);
        self.list("adjectives", &entity.adjectives);
        self.list("demonyms", &entity.demonyms);
        self.list("ambiguous", &entity.ambiguous);
        self.list("generic", &entity.generic);
        if let Some(note) = &entity.note {
            self.line("note", quote(note));
        }
        self.line("source", quote(&entity.source));
    }

    fn office(&mut self, office: &OutOffice) {
        self.header("office");
        self.line("id", quote(&office.id));
        self.line("name", quote(&office.name));
        self.line("of", quote(&office.of));
        self.line("title", quote(&office.title));
        self.list("titles", &office.titles);
        self.line("wikidata", quote(&office.wikidata));
        if let Some(note) = &office.note {
            self.line("note", quote(note));
        }
        self.line("source", quote(&office.source));
    }

    fn row(&mut self, row: &Row) {
        let (table, subject_key) = match row.table {
            Table::MemberCount => ("member-count", "entity"),
            Table::Membership => ("membership", "organisation"),
            Table::Term => ("term", "office"),
            Table::Capital => ("capital", "country"),
        };
        self.header(table);
        self.line(subject_key, quote(&row.subject));
        match &row.value {
            RowValue::Count(count) => self.line("value", count.to_string()),
            RowValue::Member(member) => self.line("member", quote(member)),
            RowValue::Holder(holder) => self.line("holder", quote(holder)),
            RowValue::City { name, wikidata } => {
                self.line("city", quote(name));
                self.line("wikidata", quote(wikidata));
            }
        }
        if let Some(from) = row.from {
            self.line("from", date(from));
        }
        if let Some(until) = row.until {
            self.line("until", date(until));
        }
        if row.uncertain {
            self.line("uncertain", "true".into());
        }
        if !row.notes.is_empty() {
            self.line("note", quote(&row.notes.join("; ")));
        }
        self.line("source", quote(&row.source));
    }
}

/// The fact file's text.
pub fn fact_file(converted: &Converted, retrieved: &str, inputs: &[String]) -> String {
    let mut writer = Writer {
        out: String::new(),
        prefix: "",
    };
    let _ = writeln!(
        writer.out,
        "# Imported from Wikidata (CC0) by `factlint facts import --from wikidata`.\n\
         # Inputs: {}\n\
         # Re-run the import to update; edits by hand are lost then.\n",
        inputs.join(", ")
    );
    writer.line("checked", retrieved.to_string());
    for entity in converted.entities.values() {
        writer.entity(entity);
    }
    for office in converted.offices.values() {
        writer.office(office);
    }
    for row in &converted.rows {
        writer.row(row);
    }
    if !converted.conflicts.is_empty() {
        let _ = writeln!(
            writer.out,
            "\n# Statements that clash with the rows above, left out. Wikidata disagrees with\n\
             # itself here: settle it there or in a fact folder of your own."
        );
        writer.prefix = "# ";
        for conflict in &converted.conflicts {
            let _ = write!(writer.out, "\n# clashes with {}", conflict.with);
            writer.row(&conflict.row);
        }
    }
    writer.out
}
