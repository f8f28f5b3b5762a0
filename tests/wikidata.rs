//! `factlint facts import --from wikidata`: the shared example files (hand-written in
//! Wikidata's formats, see `tests/data/README.md`) and a case for every trap: precisions,
//! "some value" and "no value", ranks, per-property end conventions, duplicates and clashes,
//! streamed dumps, the shipped queries, and a round trip through the seed article.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::{json, Value};

fn example(name: &str) -> PathBuf {
    common::test_file("data/wikidata").join(name)
}

struct Import {
    code: i32,
    stderr: String,
    /// The written fact file, if any.
    text: Option<String>,
    dir: tempfile::TempDir,
}

impl Import {
    fn facts(&self) -> toml::Table {
        let text = self.text.as_deref().expect("a fact file was written");
        toml::from_str(text).unwrap()
    }

    /// The rows of one table, e.g. `membership`.
    fn rows(&self, table: &str) -> Vec<toml::Table> {
        self.facts()
            .get(table)
            .and_then(|rows| rows.as_array())
            .map(|rows| {
                rows.iter()
                    .map(|row| row.as_table().unwrap().clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("facts")
    }
}

fn import(inputs: &[&Path], extra: &[&str]) -> Import {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("facts");
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "facts",
            "import",
            "--from",
            "wikidata",
            "--retrieved",
            "2026-11-29",
        ])
        .arg("--out")
        .arg(&out)
        .args(extra)
        .args(inputs)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Import {
        code: output.status.code().unwrap(),
        stderr,
        text: std::fs::read_to_string(out.join("wikidata.toml")).ok(),
        dir,
    }
}

/// Write `json` as a file in `dir` and return its path.
fn file(dir: &Path, name: &str, json: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(json).unwrap()).unwrap();
    path
}

fn text(row: &toml::Table, key: &str) -> String {
    match row.get(key) {
        Some(toml::Value::String(text)) => text.clone(),
        Some(toml::Value::Datetime(date)) => date.to_string(),
        Some(toml::Value::Integer(n)) => n.to_string(),
        Some(toml::Value::Boolean(b)) => b.to_string(),
        Some(other) => panic!("{key} = {other:?}"),
        None => String::new(),
    }
}

// --- Wikidata's formats, for the trap cases ------------------------------------------------

const GREGORIAN: &str = "http://www.wikidata.org/entity/Q1985727";

fn time(value: &str, precision: u8) -> Value {
    json!({"snaktype": "value", "datatype": "time", "datavalue": {"type": "time", "value": {
        "time": value, "timezone": 0, "before": 0, "after": 0, "precision": precision,
        "calendarmodel": GREGORIAN}}})
}

fn some_value() -> Value {
    json!({"snaktype": "somevalue", "datatype": "time"})
}

fn no_value() -> Value {
    json!({"snaktype": "novalue", "datatype": "time"})
}

fn item_snak(property: &str, id: &str) -> Value {
    json!({"snaktype": "value", "property": property, "datatype": "wikibase-item",
        "datavalue": {"type": "wikibase-entityid", "value": {"entity-type": "item", "id": id}}})
}

/// A statement with `(qualifier property, snak)` qualifiers.
fn statement(main: Value, qualifiers: &[(&str, Value)], rank: &str, guid: &str) -> Value {
    let mut map = serde_json::Map::new();
    for (property, snak) in qualifiers {
        let list = map.entry(property.to_string()).or_insert_with(|| json!([]));
        list.as_array_mut().unwrap().push(snak.clone());
    }
    json!({"mainsnak": main, "type": "statement", "qualifiers": map, "rank": rank, "id": guid})
}

fn entity(id: &str, label: &str, claims: Value) -> Value {
    json!({"type": "item", "id": id, "labels": {"en": {"language": "en", "value": label}},
        "claims": claims})
}

fn document(entities: &[Value]) -> Value {
    let map: serde_json::Map<String, Value> = entities
        .iter()
        .map(|e| (e["id"].as_str().unwrap().to_string(), e.clone()))
        .collect();
    json!({"entities": map})
}

/// A person (P31 human) who held `office` over the given terms.
fn person(id: &str, name: &str, terms: Vec<Value>) -> Value {
    entity(
        id,
        name,
        json!({"P31": [statement(item_snak("P31", "Q5"), &[], "normal", "x")], "P39": terms}),
    )
}

/// An office (P1001 applies to jurisdiction: the Netherlands, Q55).
fn office(id: &str, label: &str) -> Value {
    entity(
        id,
        label,
        json!({"P1001": [statement(item_snak("P1001", "Q55"), &[], "normal", "y")]}),
    )
}

fn netherlands() -> Value {
    entity(
        "Q55",
        "Kingdom of the Netherlands",
        json!({"P31": [statement(item_snak("P31", "Q3624078"), &[], "normal", "z")]}),
    )
}

// --- The shared examples --------------------------------------------------------------------

#[test]
fn sparql_memberships_keep_precision_and_skip_unlabelled_items() {
    let run = import(&[&example("sparql-nato-members.json")], &["--of", "Q7184"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.rows("membership");
    let found: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (text(r, "organisation"), text(r, "member"), text(r, "from")))
        .collect();
    assert_eq!(
        found,
        [
            ("org:nato".into(), "country:GR".into(), "1952".into()),
            ("org:nato".into(), "country:RO".into(), "2004-03-29".into()),
            ("org:nato".into(), "country:FI".into(), "2023-04-04".into()),
        ]
    );
    // The label service fell back to the Q-id: no name to match in articles.
    assert!(
        run.stderr.contains("Q99990002") && run.stderr.contains("no label"),
        "{}",
        run.stderr
    );
    for row in &rows {
        assert!(
            text(row, "source").ends_with("#P463 (retrieved 2026-11-29)"),
            "{row:?}"
        );
    }
    assert_eq!(text(&run.facts(), "checked"), "2026-11-29");
}

#[test]
fn a_membership_query_that_fixes_the_organisation_needs_of() {
    let run = import(&[&example("sparql-nato-members.json")], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--of"), "{}", run.stderr);
    assert!(
        run.stderr.contains("sparql-nato-members.json"),
        "{}",
        run.stderr
    );
    assert!(run.text.is_none(), "nothing is written on an error");
}

#[test]
fn a_membership_ends_the_day_after_its_last_day() {
    // P582 of a membership is the last day (the UK left the EU after 2020-01-31); without a
    // precision in the results, 1973-01-01 may stand for the year alone.
    let run = import(
        &[&example("sparql-eu-membership-uk.json")],
        &["--of", "Q458"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = run.rows("membership");
    assert_eq!(rows.len(), 1);
    assert_eq!(text(&rows[0], "organisation"), "org:eu");
    assert_eq!(text(&rows[0], "member"), "country:GB");
    assert_eq!(text(&rows[0], "from"), "1973");
    assert_eq!(text(&rows[0], "until"), "2020-02-01");
}

#[test]
fn member_counts_hold_from_each_point_in_time_to_the_next() {
    let run = import(&[&example("entity-Q7184-member-count.json")], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found: Vec<(String, String, String)> = run
        .rows("member-count")
        .iter()
        .map(|r| (text(r, "value"), text(r, "from"), text(r, "until")))
        .collect();
    assert_eq!(
        found,
        [
            ("30".into(), "2020-03-27".into(), "2023-04-04".into()),
            ("31".into(), "2023-04-04".into(), "2024-03-07".into()),
            ("32".into(), "2024-03-07".into(), String::new()),
        ]
    );
    // NATO is the fact base's own entity, with its names kept and Wikidata's added.
    let nato = &run.rows("entity")[0];
    assert_eq!(text(nato, "id"), "org:nato");
    assert!(run
        .text
        .as_ref()
        .unwrap()
        .contains("North Atlantic Alliance"));
    assert!(run
        .text
        .as_ref()
        .unwrap()
        .contains("generic = [\"alliance\"]"));
}

#[test]
fn positions_skip_deprecated_statements_and_offices_nobody_can_name() {
    let run = import(&[&example("entity-person-P39.json")], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let terms = run.rows("term");
    assert_eq!(terms.len(), 1, "{:?}", run.text);
    assert_eq!(text(&terms[0], "office"), "office:nato-sg");
    assert_eq!(text(&terms[0], "holder"), "person:mark-rutte");
    assert_eq!(text(&terms[0], "from"), "2024-10-01");
    assert_eq!(text(&terms[0], "until"), "");
    assert!(text(&terms[0], "note").contains("preferred rank"));
    let skipped: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(
        skipped
            .iter()
            .any(|l| l.contains("Q99990004") && l.contains("deprecated rank")),
        "{}",
        run.stderr
    );
    assert!(
        skipped
            .iter()
            .any(|l| l.contains("Q99990003") && l.contains("no label")),
        "{}",
        run.stderr
    );
    // The deprecated statement's "+2002-00-00" never reaches the file.
    assert!(!run.text.unwrap().contains("2002"));
}

#[test]
fn an_office_entity_in_the_input_names_the_office_and_whose_it_is() {
    // With the office's own entity (label, P1001) the Dutch premiership imports; its end is
    // the handover day, taken as it is.
    let dir = tempfile::tempdir().unwrap();
    let offices = file(
        dir.path(),
        "offices.json",
        &document(&[
            office("Q99990003", "Prime Minister of the Netherlands"),
            netherlands(),
        ]),
    );
    let run = import(&[&example("entity-person-P39.json"), &offices], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let terms = run.rows("term");
    let dutch = terms
        .iter()
        .find(|t| text(t, "office") == "office:Q99990003")
        .expect("the Dutch term");
    assert_eq!(text(dutch, "from"), "2010-10-14");
    assert_eq!(text(dutch, "until"), "2024-07-02");
    let office = run
        .rows("office")
        .into_iter()
        .find(|o| text(o, "id") == "office:Q99990003")
        .unwrap();
    assert_eq!(
        text(&office, "of"),
        "country:NL",
        "the Netherlands is known by name"
    );
    assert_eq!(text(&office, "title"), "Prime Minister");
}

#[test]
fn a_dump_is_streamed_and_gives_what_the_entity_files_give() {
    let dump = import(&[&example("dump-sample.json")], &[]);
    let files = import(
        &[
            &example("entity-Q218-min.json"),
            &example("entity-Q7184-member-count.json"),
        ],
        &[],
    );
    assert_eq!(dump.code, 0, "{}", dump.stderr);
    let strip_inputs = |text: &str| text.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(
        strip_inputs(dump.text.as_ref().unwrap()),
        strip_inputs(files.text.as_ref().unwrap())
    );
    assert_eq!(dump.rows("membership").len(), 2);
    // Bucharest (Q19660) is not in the sample: the capital cannot be named.
    assert!(dump.stderr.contains("Q19660"), "{}", dump.stderr);
}

#[test]
fn a_dump_names_items_that_come_after_the_statements_about_them() {
    let dir = tempfile::tempdir().unwrap();
    let country = entity(
        "Q218",
        "Romania",
        json!({"P36": [statement(item_snak("P36", "Q19660"), &[], "normal", "Q218$c")]}),
    );
    let city = json!({"type": "item", "id": "Q19660",
        "labels": {"en": {"language": "en", "value": "Bucharest"}},
        "aliases": {"en": [{"language": "en", "value": "București"}]}});
    let dump = format!("[\n{},\n{}\n]\n", country, city);
    let path = dir.path().join("dump.json");
    std::fs::write(&path, dump).unwrap();
    let run = import(&[&path], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let capitals = run.rows("capital");
    assert_eq!(capitals.len(), 1, "{}", run.stderr);
    assert_eq!(text(&capitals[0], "country"), "country:RO");
    assert_eq!(text(&capitals[0], "city"), "Bucharest");
    assert_eq!(text(&capitals[0], "wikidata"), "Q19660");
}

// --- Traps ----------------------------------------------------------------------------------

/// Terms of office `Q99990003` held by invented people, in one entity file with the office.
fn terms_file(dir: &Path, people: &[Value]) -> PathBuf {
    let mut entities = people.to_vec();
    entities.push(office("Q99990003", "Prime Minister of the Netherlands"));
    entities.push(netherlands());
    file(dir, "people.json", &document(&entities))
}

fn term(qualifiers: &[(&str, Value)], rank: &str, guid: &str) -> Value {
    statement(item_snak("P39", "Q99990003"), qualifiers, rank, guid)
}

/// A person with one term of office `Q99990003`.
fn holder(id: &str, name: &str, qualifiers: &[(&str, Value)], rank: &str, guid: &str) -> Value {
    person(id, name, vec![term(qualifiers, rank, guid)])
}

#[test]
fn year_and_month_precisions_are_written_as_such_and_coarser_ones_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let people = [
        holder(
            "Q90000001",
            "Anna Alpha",
            &[
                ("P580", time("+1994-00-00T00:00:00Z", 9)),
                ("P582", time("+2002-05-00T00:00:00Z", 10)),
            ],
            "normal",
            "a",
        ),
        holder(
            "Q90000002",
            "Bert Beta",
            &[("P580", time("+1950-00-00T00:00:00Z", 8))],
            "normal",
            "b",
        ),
    ];
    let run = import(&[&terms_file(dir.path(), &people)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text_out = run.text.clone().unwrap();
    assert!(
        text_out.contains("from = \"1994\"\nuntil = \"2002-05\""),
        "{text_out}"
    );
    assert_eq!(run.rows("term").len(), 1);
    assert!(run.stderr.contains("decade"), "{}", run.stderr);
}

#[test]
fn an_unknown_end_is_skipped_and_no_end_value_means_still_in_office() {
    let dir = tempfile::tempdir().unwrap();
    let people = [
        holder(
            "Q90000001",
            "Anna Alpha",
            &[
                ("P580", time("+1994-01-10T00:00:00Z", 11)),
                ("P582", some_value()),
            ],
            "normal",
            "a",
        ),
        holder(
            "Q90000002",
            "Bert Beta",
            &[
                ("P580", time("+2010-01-10T00:00:00Z", 11)),
                ("P582", no_value()),
            ],
            "normal",
            "b",
        ),
    ];
    let run = import(&[&terms_file(dir.path(), &people)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let terms = run.rows("term");
    assert_eq!(terms.len(), 1);
    assert_eq!(text(&terms[0], "holder"), "person:Q90000002");
    assert_eq!(text(&terms[0], "until"), "");
    assert!(run.stderr.contains("some value"), "{}", run.stderr);
}

#[test]
fn clashing_terms_keep_the_preferred_statement_and_comment_out_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let people = [
        holder(
            "Q90000001",
            "Anna Alpha",
            &[("P580", time("+2010-01-10T00:00:00Z", 11))],
            "normal",
            "a",
        ),
        holder(
            "Q90000002",
            "Bert Beta",
            &[("P580", time("+2012-01-10T00:00:00Z", 11))],
            "preferred",
            "b",
        ),
    ];
    let run = import(&[&terms_file(dir.path(), &people)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let terms = run.rows("term");
    assert_eq!(terms.len(), 1);
    assert_eq!(text(&terms[0], "holder"), "person:Q90000002");
    let written = run.text.unwrap();
    assert!(written.contains("# clashes with b"), "{written}");
    assert!(
        written.contains("# holder = \"person:Q90000001\""),
        "{written}"
    );
    assert!(run.stderr.contains("a clashes with b"), "{}", run.stderr);
}

#[test]
fn duplicate_and_conflicting_member_counts_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let count = |amount: &str, at: &str, rank: &str, guid: &str| {
        let main = json!({"snaktype": "value", "property": "P2124", "datatype": "quantity",
            "datavalue": {"type": "quantity", "value": {"amount": amount, "unit": "1"}}});
        statement(main, &[("P585", time(at, 11))], rank, guid)
    };
    let org = entity(
        "Q7184",
        "NATO",
        json!({"P2124": [
            count("+30", "+2020-03-27T00:00:00Z", "normal", "first"),
            count("+30", "+2020-03-27T00:00:00Z", "normal", "second"),
            count("+31", "+2023-04-04T00:00:00Z", "normal", "wrong"),
            count("+31", "+2023-04-04T00:00:00Z", "normal", "same"),
            count("+29", "+2023-04-04T00:00:00Z", "preferred", "right"),
        ]}),
    );
    let path = file(dir.path(), "nato.json", &document(&[org]));
    let run = import(&[&path], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let values: Vec<String> = run
        .rows("member-count")
        .iter()
        .map(|r| text(r, "value"))
        .collect();
    assert_eq!(values, ["30", "29"], "the preferred statement wins a clash");
    assert!(
        run.stderr
            .contains("first and nato.json: second say the same"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("wrong clashes with right"),
        "{}",
        run.stderr
    );
    assert!(run.text.unwrap().contains("# value = 31"));
}

#[test]
fn the_output_does_not_depend_on_the_order_of_the_inputs() {
    let inputs = [
        example("entity-Q218-min.json"),
        example("entity-Q7184-member-count.json"),
        example("entity-person-P39.json"),
    ];
    let forward: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let backward: Vec<&Path> = inputs.iter().rev().map(PathBuf::as_path).collect();
    let (a, b) = (import(&forward, &[]), import(&backward, &[]));
    let body = |run: &Import| {
        run.text
            .as_ref()
            .unwrap()
            .lines()
            .skip(2)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&a), body(&b));
    // And the written file is a valid fact folder on its own.
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "check"])
        .arg(a.out())
        .assert()
        .success();
}

#[test]
fn dry_run_prints_the_file_and_standard_input_is_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("facts");
    let input = std::fs::read(example("entity-Q7184-member-count.json")).unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "facts",
            "import",
            "--from",
            "wikidata",
            "--retrieved",
            "2026-11-29",
            "--dry-run",
        ])
        .arg("--out")
        .arg(&out)
        .arg("-")
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(printed.contains("value = 32"), "{printed}");
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("Would import"));
    assert!(!out.exists(), "a dry run writes nothing");
}

#[test]
fn an_import_that_would_break_its_folder_writes_nothing() {
    // The folder already defines NATO: a second definition in one folder is an error, so
    // the import stops before writing and says where.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("facts");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(
        out.join("own.toml"),
        "checked = 2026-01-01\n[[entity]]\nid = \"org:nato\"\nkind = \"organisation\"\nname = \"NATO\"\nsource = \"s\"\n",
    )
    .unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "facts",
            "import",
            "--from",
            "wikidata",
            "--retrieved",
            "2026-11-29",
            "--out",
        ])
        .arg(&out)
        .arg(example("entity-Q7184-member-count.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("is defined") && stderr.contains("not written"),
        "{stderr}"
    );
    assert!(!out.join("wikidata.toml").exists());
    // Re-importing over an earlier import replaces it.
    std::fs::remove_file(out.join("own.toml")).unwrap();
    for _ in 0..2 {
        Command::cargo_bin("factlint")
            .unwrap()
            .args([
                "facts",
                "import",
                "--from",
                "wikidata",
                "--retrieved",
                "2026-11-29",
                "--out",
            ])
            .arg(&out)
            .arg(example("entity-Q7184-member-count.json"))
            .assert()
            .success();
    }
}

#[test]
fn bad_input_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"head\": {\"vars\": [\"x\"]}, \"results\": {\"bindings\": []}}",
    )
    .unwrap();
    let run = import(&[&broken], &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("broken.json") && run.stderr.contains("match none"),
        "{}",
        run.stderr
    );
    std::fs::write(&broken, "[\n{\"id\": \"Q1\", \"claims\": \n]\n").unwrap();
    let run = import(&[&broken], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
    std::fs::write(&broken, "not json").unwrap();
    let run = import(&[&broken], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not Wikidata JSON"), "{}", run.stderr);
    assert!(run.text.is_none());
}

/// Every shipped query selects variables the importer understands: a result row with a
/// value for each imports as the table the query is for.
#[test]
fn the_shipped_queries_and_the_importer_agree() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("memberships.rq", "membership"),
        ("office-holders.rq", "term"),
        ("member-counts.rq", "member-count"),
        ("capitals.rq", "capital"),
    ];
    for (query, table) in cases {
        let text =
            std::fs::read_to_string(common::root().join("rules/wikidata").join(query)).unwrap();
        let select = &text[text.find("SELECT").unwrap()..text.find("WHERE").unwrap()];
        let vars: Vec<&str> = select
            .split_whitespace()
            .filter_map(|word| word.strip_prefix('?'))
            .collect();
        let mut binding = serde_json::Map::new();
        for var in &vars {
            let value = match *var {
                "statement" => {
                    json!({"type": "uri", "value": "http://www.wikidata.org/entity/statement/Q1-abc"})
                }
                "rank" => json!({"type": "uri", "value": "http://wikiba.se/ontology#NormalRank"}),
                "organisation" | "member" | "country" => {
                    let id = if *var == "organisation" {
                        "Q7184"
                    } else {
                        "Q218"
                    };
                    json!({"type": "uri", "value": format!("http://www.wikidata.org/entity/{id}")})
                }
                "person" => {
                    json!({"type": "uri", "value": "http://www.wikidata.org/entity/Q57792"})
                }
                "office" => {
                    json!({"type": "uri", "value": "http://www.wikidata.org/entity/Q167662"})
                }
                "of" => json!({"type": "uri", "value": "http://www.wikidata.org/entity/Q7184"}),
                "capital" => {
                    json!({"type": "uri", "value": "http://www.wikidata.org/entity/Q19660"})
                }
                "capitalLabel" => json!({"type": "literal", "value": "Bucharest"}),
                "ofKind" => json!({"type": "literal", "value": "organisation"}),
                "count" => json!({"type": "literal", "value": "30"}),
                "start" | "pointInTime" => {
                    json!({"type": "literal", "value": "2020-03-27T00:00:00Z"})
                }
                "end" => json!({"type": "literal", "value": "2023-04-04T00:00:00Z"}),
                v if v.ends_with("Precision") => json!({"type": "literal", "value": "11"}),
                v if v.ends_with("Label") => json!({"type": "literal", "value": "Some label"}),
                other => panic!("{query}: no test value for ?{other}"),
            };
            binding.insert(var.to_string(), value);
        }
        let results = json!({"head": {"vars": vars}, "results": {"bindings": [binding]}});
        let path = file(dir.path(), &format!("{query}.json"), &results);
        let run = import(&[&path], &[]);
        assert_eq!(run.code, 0, "{query}: {}", run.stderr);
        assert_eq!(
            run.rows(table).len(),
            1,
            "{query}: {}\n{:?}",
            run.stderr,
            run.text
        );
    }
}

// --- A low-precision fact never gives a day-precise error ------------------------------------

fn lint(article: &str, facts: &Path) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.md");
    std::fs::write(&path, article).unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "--format",
            "json",
            "--today",
            "2026-11-28",
            "--no-default-facts",
            "--facts",
        ])
        .arg(facts)
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("fact-"))
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_handover_known_only_to_the_year_gives_warnings_inside_that_year_only() {
    let dir = tempfile::tempdir().unwrap();
    let people = [
        holder(
            "Q90000001",
            "Anna Alpha",
            &[
                ("P580", time("+2010-10-14T00:00:00Z", 11)),
                ("P582", time("+2024-00-00T00:00:00Z", 9)),
            ],
            "normal",
            "a",
        ),
        holder(
            "Q90000002",
            "Bert Beta",
            &[("P580", time("+2024-07-02T00:00:00Z", 11))],
            "normal",
            "b",
        ),
    ];
    let run = import(&[&terms_file(dir.path(), &people)], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let article = |date: &str| {
        format!("---\ndate: {date}\n---\n\n# News\n\nPrime Minister Anna Alpha spoke on Monday.\n")
    };
    // Well after the year of the handover: certainly wrong.
    assert_eq!(
        lint(&article("2025-06-01"), &run.out()),
        [("fact-office".into(), "error".into())]
    );
    // Inside 2024 the fact base cannot say more than "maybe".
    for date in ["2024-03-01", "2024-09-01"] {
        let found = lint(&article(date), &run.out());
        assert!(
            found.iter().all(|(_, severity)| severity != "error"),
            "{date}: {found:?}"
        );
    }
    // Inside the term: fine.
    assert!(lint(&article("2015-06-01"), &run.out()).is_empty());
}

// --- Round trip -----------------------------------------------------------------------------

/// Fact findings (rule, severity, line) and the date the article was judged on.
fn fact_findings(source: &str, extra: &[&str]) -> (Vec<(String, String, u64)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nato-bucharest.md");
    std::fs::write(&path, source).unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args([
            "--format",
            "json",
            "--today",
            "2026-11-28",
            "--select",
            "fact-count,publication-date",
        ])
        .args(extra)
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = json["files"][0]["diagnostics"].as_array().unwrap().clone();
    let facts = diagnostics
        .iter()
        .filter(|d| d["rule"] == "fact-count")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let judged = diagnostics
        .iter()
        .find(|d| d["rule"] == "publication-date")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .unwrap_or_default();
    (facts, judged)
}

/// Lint the seed's variants with the default fact base and with only the imported facts.
fn assert_same_fact_findings(run: &Import, variants: &[String]) -> bool {
    let out = run.out();
    let imported = ["--no-default-facts", "--facts", out.to_str().unwrap()];
    let mut found_any = false;
    for (index, variant) in variants.iter().enumerate() {
        let default = fact_findings(variant, &[]);
        let from_wikidata = fact_findings(variant, &imported);
        assert_eq!(default, from_wikidata, "variant {index}");
        found_any |= !default.0.is_empty();
    }
    found_any
}

fn seed() -> String {
    std::fs::read_to_string(common::root().join("examples/nato-bucharest.md")).unwrap()
}

#[test]
fn the_seed_article_gets_the_same_fact_findings_from_the_example_imports() {
    // The shared examples: NATO's members and its counts since 2020. Dated articles are
    // judged on their date, where these facts are all there is to know.
    let run = import(
        &[
            &example("sparql-nato-members.json"),
            &example("entity-Q7184-member-count.json"),
        ],
        &["--of", "Q7184"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let dated = |date: &str, text: String| format!("---\ndate: {date}\n---\n{text}");
    let variants = [
        dated("2022-11-30", seed()),
        dated(
            "2022-11-30",
            seed().replace("the 30 NATO allies", "the 31 NATO allies"),
        ),
        dated("2024-12-01", seed()),
        dated("2023-06-01", seed()),
    ];
    assert!(
        assert_same_fact_findings(&run, &variants),
        "some variant has a fact finding"
    );
}

#[test]
fn with_the_count_history_the_undated_seed_is_judged_alike_too() {
    // The seed has no date: its weekdays fit 2005, 2011, 2016 and 2022, and only the member
    // counts of those years rule the others out, so the import needs NATO's older counts.
    let run = import(
        &[
            &example("sparql-nato-members.json"),
            &example("entity-Q7184-member-count.json"),
            &example("entity-Q7184-count-history.json"),
        ],
        &["--of", "Q7184"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let variants = [
        seed(),
        seed().replace("the 30 NATO allies", "the 31 NATO allies"),
    ];
    assert_same_fact_findings(&run, &variants);
    let out = run.out();
    let (_, judged) = fact_findings(
        &seed(),
        &["--no-default-facts", "--facts", out.to_str().unwrap()],
    );
    assert!(judged.contains("judged as of 2022-11-30"), "{judged}");
}
