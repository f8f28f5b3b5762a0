//! The fact base: the live `rules/facts/` loads and is consistent; fact files with mistakes
//! are rejected with spans into them; users' folders add to and replace the defaults; the
//! seed article's expected fact findings; the `facts` commands.

mod common;

use std::path::PathBuf;
use std::sync::Arc;

use assert_cmd::Command;
use factlint::{check_source, FactBase, RuleId};

fn live_rules() -> PathBuf {
    common::root().join("rules").join("facts")
}

/// The live fact files, read from disk and validated in full (the embedded copy is the same
/// files, pre-parsed by build.rs).
fn live() -> Arc<FactBase> {
    FactBase::load(&[live_rules()], false).unwrap_or_else(|errors| panic!("{errors:#?}"))
}

#[test]
fn the_live_fact_base_loads_and_every_value_has_a_source() {
    let facts = live();
    let embedded = FactBase::embedded();
    assert_eq!(facts.entities.len(), embedded.entities.len());
    assert_eq!(facts.terms.len(), embedded.terms.len());
    assert_eq!(facts.capitals.len(), embedded.capitals.len());
    let provenances = facts
        .entities
        .iter()
        .map(|e| &e.provenance)
        .chain(facts.aliases.iter().map(|a| &a.provenance))
        .chain(facts.member_counts.iter().map(|c| &c.provenance))
        .chain(facts.memberships.iter().map(|m| &m.provenance))
        .chain(facts.terms.iter().map(|t| &t.provenance))
        .chain(facts.capitals.iter().map(|c| &c.provenance))
        .chain(facts.offices.iter().map(|o| &o.provenance));
    for provenance in provenances {
        assert!(!provenance.source.trim().is_empty());
        assert_eq!(provenance.checked, common::date("2025-06-30"));
    }
}

#[test]
fn member_counts_agree_with_the_membership_tables() {
    let facts = live();
    for id in ["org:nato", "org:eu"] {
        let org = facts.entity_by_id(id).unwrap();
        for count in facts.member_counts_of(org) {
            let day = count.valid.from.unwrap();
            let members = facts
                .memberships
                .iter()
                .filter(|m| m.organisation == org && m.valid.contains(day))
                .count();
            assert_eq!(members as u32, count.value, "{id} on {day}");
        }
    }
}

#[test]
fn every_office_has_terms_and_its_own_title() {
    let facts = live();
    for (id, office) in facts.offices.iter().enumerate() {
        assert!(facts.terms_of_office(id).next().is_some(), "{}", office.id);
    }
    let titles: Vec<(&str, &str)> = facts.office_titles().map(|t| (t.of, t.canonical)).collect();
    assert!(titles.contains(&("NATO", "Secretary General")));
    assert!(titles.contains(&("UN", "Secretary-General")));
}

/// Write `files` into a fresh folder and load it over the defaults (or alone).
fn load_folder(
    files: &[(&str, &str)],
    defaults: bool,
) -> Result<Arc<FactBase>, Vec<factlint::InputError>> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    FactBase::load(&[dir.path().to_path_buf()], defaults)
}

/// The single error a bad fact file gives, as (message, spanned text).
#[track_caller]
fn error_of(text: &str) -> (String, String) {
    let errors = load_folder(&[("bad.toml", text)], false).expect_err("should be rejected");
    let error = &errors[0];
    let span = error.span.expect("the error points into the file");
    (error.message.clone(), span.text(text).to_string())
}

const PERSON: &str = "checked = 2025-06-30\n[[entity]]\nid = \"org:x\"\nkind = \"organisation\"\nname = \"X\"\nsource = \"s\"\n[[entity]]\nid = \"person:a\"\nkind = \"person\"\nname = \"Ann A\"\nsource = \"s\"\n[[entity]]\nid = \"person:b\"\nkind = \"person\"\nname = \"Bo B\"\nsource = \"s\"\n[[office]]\nid = \"office:x-chair\"\nname = \"Chair of X\"\nof = \"org:x\"\ntitle = \"Chair\"\nsource = \"s\"\n";

#[test]
fn mistakes_in_fact_files_point_into_the_file() {
    let (message, spanned) = error_of("checked = 2025-06-30\n[[entity]]\nid = \"org:x\"\nkind = \"organisation\"\nname = \"X\"\ncolour = \"red\"\nsource = \"s\"\n");
    assert!(message.contains("colour"), "{message}");
    assert_eq!(spanned, "colour");

    let (message, spanned) = error_of(&format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:a\"\nfrom = 2020-02-30\nsource = \"s\"\n"));
    assert!(message.contains("date"), "{message}");
    assert!(spanned.contains("2020-02-30"), "{spanned:?}");
    let (message, spanned) = error_of(&format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:a\"\nfrom = \"2020-02-30\"\nsource = \"s\"\n"));
    assert!(message.contains("`2020-02-30` is not a date"), "{message}");
    assert_eq!(spanned, "\"2020-02-30\"");

    let (message, spanned) = error_of(&format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:a\"\nfrom = 2020-01-01\nuntil = 2019-01-01\nsource = \"s\"\n"));
    assert!(message.contains("not after"), "{message}");
    assert_eq!(spanned, "2019-01-01");

    let (message, spanned) = error_of(&format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:a\"\nfrom = 2020-01-01\nuntil = 2022-01-01\nsource = \"s\"\n[[term]]\noffice = \"office:x-chair\"\nholder = \"person:b\"\nfrom = 2021-06-01\nsource = \"s\"\n"));
    assert!(message.contains("overlaps"), "{message}");
    assert_eq!(spanned, "2021-06-01");

    let (message, spanned) = error_of(&format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:nobody\"\nfrom = 2020-01-01\nsource = \"s\"\n"));
    assert!(message.contains("unknown id"), "{message}");
    assert_eq!(spanned, "\"person:nobody\"");

    let (message, _) = error_of(
        "checked = 2025-06-30\n[[entity]]\nid = \"org:x\"\nkind = \"organisation\"\nname = \"X\"\n",
    );
    assert!(message.contains("source"), "{message}");

    // One layer may not define an id twice, as an entity or an office; the second is named.
    let twice = format!("{PERSON}[[entity]]\nid = \"person:a\"\nkind = \"person\"\nname = \"Al A\"\nsource = \"s\"\n[[office]]\nid = \"org:x\"\nname = \"Head of X\"\nof = \"org:x\"\ntitle = \"Head\"\nsource = \"s\"\n");
    let errors = load_folder(&[("bad.toml", &twice)], false).expect_err("should be rejected");
    let found: Vec<(String, usize)> = errors
        .iter()
        .map(|e| (e.message.clone(), e.span.expect("a place").start))
        .collect();
    assert_eq!(
        found,
        [
            (
                "`person:a` is defined twice".to_string(),
                twice.rfind("\"person:a\"").unwrap()
            ),
            (
                "`org:x` is defined twice".to_string(),
                twice.rfind("id = \"org:x\"").unwrap() + 5
            ),
        ]
    );

    let (message, spanned) = error_of("checked = 2025-06-30\n[[entity]\n");
    assert!(message.starts_with("invalid fact file"), "{message}");
    assert!(!spanned.is_empty() || message.contains("table"));
}

#[test]
fn an_interim_may_serve_during_a_suspension() {
    let text = format!("{PERSON}[[term]]\noffice = \"office:x-chair\"\nholder = \"person:a\"\nfrom = 2020-01-01\nsource = \"s\"\n[[term]]\noffice = \"office:x-chair\"\nholder = \"person:b\"\nkind = \"interim\"\nfrom = 2021-01-01\nuntil = 2021-02-01\nsource = \"s\"\n");
    let facts = load_folder(&[("ok.toml", &text)], false).unwrap();
    assert_eq!(facts.holders_on(0, common::date("2021-01-15")).len(), 2);
}

#[test]
fn bare_and_quoted_dates_mean_the_same() {
    let count = |from: &str| {
        let text = format!("checked = \"2025-06-30\"\n[[entity]]\nid = \"org:x\"\nkind = \"organisation\"\nname = \"X\"\nsource = \"s\"\n[[member-count]]\nentity = \"org:x\"\nvalue = 3\nfrom = {from}\nsource = \"s\"\n");
        let facts = load_folder(&[("x.toml", &text)], false).unwrap();
        facts.member_counts[0].valid.from
    };
    assert_eq!(count("2020-01-01"), count("\"2020-01-01\""));
    assert_eq!(count("2020-01-01"), Some(common::date("2020-01-01")));
}

#[test]
fn a_team_folder_adds_to_and_replaces_the_defaults() {
    // Replaces what the defaults say about NATO's member count; adds an office that
    // refers to a default entity.
    let text = "checked = 2026-01-31\n[[member-count]]\nentity = \"org:nato\"\nvalue = 33\nfrom = 2026-01-01\nsource = \"newsroom research desk\"\n[[entity]]\nid = \"person:jane-doe\"\nkind = \"person\"\nname = \"Jane Doe\"\nsource = \"newsroom\"\n[[office]]\nid = \"office:nato-spokesperson\"\nname = \"NATO Spokesperson\"\nof = \"org:nato\"\ntitle = \"Spokesperson\"\nsource = \"newsroom\"\n[[term]]\noffice = \"office:nato-spokesperson\"\nholder = \"person:jane-doe\"\nfrom = 2025-01-01\nsource = \"newsroom\"\n";
    let facts = load_folder(&[("team.toml", text)], true).unwrap();
    let nato = facts.entity_by_id("org:nato").unwrap();
    assert_eq!(facts.member_counts_of(nato).count(), 1);
    assert_eq!(
        facts
            .member_count_on(nato, common::date("2026-02-01"))
            .unwrap()
            .value,
        33
    );
    assert!(facts
        .member_count_on(nato, common::date("2022-11-30"))
        .is_none());
    assert!(facts.entity_by_id("country:RO").is_some());
    let office = facts
        .offices
        .iter()
        .position(|o| o.id == "office:nato-spokesperson")
        .unwrap();
    assert_eq!(
        facts.holders_on(office, common::date("2025-06-01")).len(),
        1
    );
}

/// The seed article (tests/facts/README.md says where it comes from).
fn seed() -> String {
    std::fs::read_to_string(common::test_file(
        "fixtures/fact-count/silent/seed-dated-2022-11.md",
    ))
    .unwrap()
    .split_once("---\n")
    .and_then(|(_, rest)| rest.split_once("---\n"))
    .map(|(_, body)| body.to_string())
    .unwrap()
}

const FACT_RULES: [RuleId; 6] = [
    RuleId::FactCount,
    RuleId::FactOffice,
    RuleId::FactPlace,
    RuleId::CountAgreement,
    RuleId::FactName,
    RuleId::FactAge,
];

/// `(rule, line, spanned text)` of the fact rules' findings.
fn fact_findings(text: &str, on: Option<&str>) -> Vec<(RuleId, usize, String)> {
    let report = check_source("seed.md", text, &common::frozen_settings(on));
    common::findings(&report)
        .into_iter()
        .filter(|(rule, _, _)| FACT_RULES.contains(rule))
        .collect()
}

#[test]
fn the_seed_has_no_fact_findings() {
    assert_eq!(fact_findings(&seed(), Some("2022-11-30")), vec![]);
    assert_eq!(fact_findings(&seed(), None), vec![]);
}

#[test]
fn the_seed_dated_december_2024_is_out_of_date() {
    let text = format!("---\ndate: 2024-12-01\n---\n{}", seed());
    let found = fact_findings(&text, None);
    let summary: Vec<(RuleId, String)> = found.iter().map(|(r, _, t)| (*r, t.clone())).collect();
    assert_eq!(
        summary,
        vec![
            (RuleId::FactCount, "the 30 NATO allies".to_string()),
            (
                RuleId::FactCount,
                "all 30 existing allied countries".to_string()
            ),
            (RuleId::FactOffice, "Jens Stoltenberg".to_string()),
            (RuleId::FactOffice, "Dmytro Kuleba".to_string()),
            (RuleId::FactOffice, "Jens Stoltenberg".to_string()),
        ]
    );
}

#[test]
fn the_seed_with_31_allies_disagrees_with_itself_and_the_facts() {
    let text = seed().replace("the 30 NATO allies", "the 31 NATO allies");
    let line = text.lines().position(|l| l.contains("31 NATO")).unwrap() + 1;
    let found = fact_findings(&text, Some("2022-11-30"));
    assert_eq!(
        found,
        vec![
            (
                RuleId::CountAgreement,
                line,
                "the 31 NATO allies".to_string()
            ),
            (RuleId::FactCount, line, "the 31 NATO allies".to_string()),
        ]
    );
}

#[test]
fn facts_check_validates_and_reports_bad_folders() {
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "check"])
        .assert()
        .success()
        .stdout(predicates::str::contains("embedded fact base"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "checked = 2025-06-30\n[[term]]\noffice = \"office:none\"\nholder = \"person:none\"\nfrom = 2020-01-01\nsource = \"s\"\n").unwrap();
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "check"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown office `office:none`"));
}

#[test]
fn facts_query_answers_as_of_a_date_with_sources() {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "query", "NATO", "--as-of", "2022-11-30"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success());
    assert!(
        text.contains("members: 30 (from 2020-03-27 to 2023-04-04; source: https://www.nato.int"),
        "{text}"
    );
    assert!(
        text.contains("NATO Secretary General: Jens Stoltenberg"),
        "{text}"
    );
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "query", "Atlantis"])
        .assert()
        .code(1);
}

#[test]
fn the_frozen_test_facts_are_a_subset_of_the_live_ones() {
    let frozen = FactBase::load(&[common::test_file("facts")], false).unwrap();
    let live = live();
    for count in &frozen.member_counts {
        let id = &frozen.entity(count.entity).id;
        let entity = live.entity_by_id(id).unwrap();
        assert!(
            live.member_counts_of(entity)
                .any(|c| c.value == count.value && c.valid == count.valid),
            "{id} {} {}",
            count.value,
            count.valid
        );
    }
}

/// The world tables' conversion is reproducible: run on the copies of the tables in
/// `rules/facts/tables/`, in a copy of `rules/facts/`, it writes exactly the committed files
/// (so a table edited without running it again, or a hand edit of a generated file, fails).
#[test]
fn the_world_tables_convert_to_the_committed_files() {
    let python = ["python3", "python"].into_iter().find(|python| {
        std::process::Command::new(python)
            .arg("-c")
            .arg("import tomllib")
            .output()
            .is_ok_and(|out| out.status.success())
    });
    let Some(python) = python else {
        assert!(
            !common::in_ci(),
            "no Python 3.11 or later, and CI is set: the conversion must be checked there"
        );
        eprintln!("no Python 3.11 or later: the conversion is not checked here");
        return;
    };
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(live_rules()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            std::fs::copy(&path, copy.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let status = std::process::Command::new(python)
        .arg(live_rules().join("world_to_toml.py"))
        .arg(live_rules().join("tables"))
        .arg(copy.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    for name in [
        "people.toml",
        "world_offices.toml",
        "world_organisations.toml",
        "offices.toml",
    ] {
        let made = std::fs::read_to_string(copy.path().join(name)).unwrap();
        let committed = std::fs::read_to_string(live_rules().join(name)).unwrap();
        assert!(
            made == committed,
            "{name} differs from what world_to_toml.py writes"
        );
    }
}

/// `facts check` validates the live folder, and a bad row in it fails with its place.
#[test]
fn facts_check_validates_the_live_folder_and_points_at_a_bad_row() {
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "check"])
        .arg(live_rules())
        .assert()
        .success();
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(live_rules()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            std::fs::copy(&path, copy.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    // Olaf Scholz's term made to end before it began.
    let file = copy.path().join("world_offices.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let bad = text.replacen(
        "from = 2021-12-08\nuntil = 2025-05-06",
        "from = 2021-12-08\nuntil = 2020-05-06",
        1,
    );
    assert_ne!(bad, text);
    let line = bad[..bad.find("until = 2020-05-06").unwrap()]
        .lines()
        .count()
        + 1;
    std::fs::write(&file, bad).unwrap();
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "check"])
        .arg(copy.path())
        .env("NO_COLOR", "1")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`until` (2020-05-06) is not after",
        ))
        .stderr(predicates::str::contains(format!(
            "world_offices.toml:{line}:9"
        )));
}

fn query(args: &[&str]) -> String {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "query"])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn facts_query_answers_by_any_name_for_people_offices_and_organisations() {
    let erdogan = query(&["Erdogan", "--as-of", "2016-01-01"]);
    assert!(
        erdogan.contains("Recep Tayyip Erdoğan (person:"),
        "{erdogan}"
    );
    assert!(erdogan.contains("born 1954-02-26"), "{erdogan}");
    assert!(
        erdogan.contains("President of Turkey since 2014-08-28 (holds it on this date)"),
        "{erdogan}"
    );
    assert!(
        erdogan.contains("Prime Minister of Turkey from 2003-03-14 to 2014-08-28"),
        "{erdogan}"
    );
    let g20 = query(&["G-20", "--as-of", "2024-01-01"]);
    assert!(g20.contains("G20 (org:g20, organisation"), "{g20}");
    assert!(g20.contains("members: 21 (since 2023-09-09"), "{g20}");
    assert!(g20.contains("African Union"), "{g20}");
    let imf = query(&[
        "Managing Director of International Monetary Fund",
        "--as-of",
        "2015-01-01",
    ]);
    assert!(imf.contains("held by Christine Lagarde"), "{imf}");
    let germany = query(&["Germany", "--as-of", "2022-01-01"]);
    assert!(
        germany.contains("Chancellor of Germany: Olaf Scholz"),
        "{germany}"
    );
    assert!(germany.contains("member of G7"), "{germany}");
}

#[test]
fn facts_stats_counts_what_the_base_holds() {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args(["facts", "stats"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let facts = FactBase::embedded();
    assert!(
        text.contains(&format!("terms: {} (", facts.terms.len())),
        "{text}"
    );
    assert!(text.contains("checked through: 2025-06-30"), "{text}");
    assert!(text.contains("unconfirmed rows (uncertain): "), "{text}");
    let people = facts.people().count();
    assert!(people > 1_400, "{people}");
    assert!(text.contains(&format!("  people: {people}")), "{text}");
}

#[test]
fn every_table_office_and_person_is_in_the_base() {
    let facts = live();
    let tables = live_rules().join("tables");
    let read = |name: &str| std::fs::read_to_string(tables.join(name)).unwrap();
    // Every holder named in the tables is a person with a name the base knows.
    let names: std::collections::HashSet<&str> = facts.person_names().map(|n| n.name).collect();
    for table in ["heads_of_state_and_government.csv", "org_leaders.csv"] {
        let text = read(table);
        let mut rows = csv_rows(&text);
        let header = rows.next().unwrap();
        let holder = header.iter().position(|c| c == "holder").unwrap();
        for row in rows {
            assert!(
                names.contains(row[holder].as_str()),
                "{table}: {}",
                row[holder]
            );
        }
    }
    let erdogan = facts.find("Erdogan");
    assert_eq!(erdogan.len(), 1);
    let born = facts.birth_date(erdogan[0]).unwrap();
    assert_eq!(born.date.to_string(), "1954-02-26");
    assert!(!born.uncertain);
    // Two people of one name stay two people, each with their own birth date.
    let berzins = facts.find("Andris Bērziņš");
    assert_eq!(berzins.len(), 2);
    let mut years: Vec<String> = berzins
        .iter()
        .map(|&p| facts.birth_date(p).unwrap().date.to_string()[..4].to_string())
        .collect();
    years.sort();
    assert_eq!(years, ["1944", "1951"]);
    // Hand-edited people keep their ids and gain their birth dates.
    let rutte = facts.entity_by_id("person:mark-rutte").unwrap();
    assert_eq!(
        facts.birth_date(rutte).map(|b| b.date.to_string()),
        Some("1967-02-14".to_string())
    );
    // Offices of organisations, and organisations with their press names.
    let imf = facts.entity_by_id("org:imf").unwrap();
    assert!(facts
        .offices
        .iter()
        .any(|o| o.of == imf && o.title == "Managing Director"));
    for (name, id) in [
        ("G-20", "org:g20"),
        ("Group of 20", "org:g20"),
        ("OPEC", "org:opec"),
    ] {
        assert_eq!(
            facts.find(name),
            vec![facts.entity_by_id(id).unwrap()],
            "{name}"
        );
    }
    let opec = facts.entity(facts.entity_by_id("org:opec").unwrap());
    assert!(opec.generic.iter().any(|generic| generic == "cartel"));
}

/// Rows of a CSV text (quoted cells may hold commas; the tables quote no newlines).
fn csv_rows(text: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    text.lines().filter(|l| !l.is_empty()).map(|line| {
        let mut cells = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    cells.last_mut().unwrap().push('"');
                }
                '"' => quoted = !quoted,
                ',' if !quoted => cells.push(String::new()),
                c => cells.last_mut().unwrap().push(c),
            }
        }
        cells
    })
}

/// `(rule, severity, message)` of the fact rules' findings with the live embedded base.
fn live_findings(text: &str, on: &str) -> Vec<(RuleId, String, String)> {
    let mut settings = common::settings();
    settings.date_override = Some(common::date(on));
    check_source("article.md", text, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| FACT_RULES.contains(&d.rule))
        .map(|d| (d.rule, format!("{:?}", d.severity), d.message))
        .collect()
}

#[test]
fn the_world_base_catches_office_holders_of_many_countries() {
    // A predecessor named in office: certain, an error.
    let found = live_findings(
        "German Chancellor Angela Merkel met the press in Berlin.\n",
        "2023-03-01",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Error");
    assert!(found[0].2.contains("Olaf Scholz held it"), "{found:?}");
    // An organisation's office, written before the name.
    let found = live_findings(
        "IMF Managing Director Christine Lagarde spoke on Tuesday.\n",
        "2022-05-03",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].2.contains("Kristalina Georgieva held it"),
        "{found:?}"
    );
    // Bare titles of people who held that title on the date: nothing.
    for (text, on) in [
        ("President Erdogan spoke in Ankara.\n", "2020-06-01"),
        ("Chancellor Olaf Scholz spoke in Berlin.\n", "2022-06-01"),
        (
            "Zambian President Hakainde Hichilema spoke.\n",
            "2022-06-01",
        ),
        (
            "IMF Managing Director Kristalina Georgieva spoke.\n",
            "2022-05-03",
        ),
        (
            "Italian Prime Minister Giorgia Meloni spoke.\n",
            "2023-05-03",
        ),
    ] {
        assert_eq!(live_findings(text, on), vec![], "{text}");
    }
}

/// The press's short forms of a prime minister's title ("British PM", "Italian premier") are
/// read like the full title, and a time ("5 PM") is not a title.
#[test]
fn the_world_base_reads_pm_and_premier() {
    for (text, on, holder) in [
        (
            "British PM Boris Johnson spoke.\n",
            "2023-05-10",
            "Rishi Sunak",
        ),
        (
            "The Italian premier, Giuseppe Conte, spoke.\n",
            "2023-05-10",
            "Giorgia Meloni",
        ),
        (
            "Spanish PM Mariano Rajoy spoke.\n",
            "2020-03-02",
            "Pedro Sánchez",
        ),
        (
            "Irish premier Enda Kenny spoke.\n",
            "2019-03-01",
            "Leo Varadkar",
        ),
    ] {
        let found = live_findings(text, on);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].2.contains(holder), "{text}: {found:?}");
    }
    for (text, on) in [
        ("Italian premier Giorgia Meloni spoke.\n", "2023-05-03"),
        ("Indian PM Narendra Modi spoke.\n", "2023-05-03"),
        ("At 5 PM Boris Johnson spoke.\n", "2023-05-10"),
        ("Ex-PM Boris Johnson spoke.\n", "2023-05-10"),
        ("Deputy PM Boris Johnson spoke.\n", "2023-05-10"),
    ] {
        assert_eq!(live_findings(text, on), vec![], "{text}");
    }
}

#[test]
fn the_world_base_is_only_sure_where_the_sources_are() {
    // Three days after Merz took over: the sources may disagree by a few days.
    let found = live_findings("Chancellor Olaf Scholz spoke in Berlin.\n", "2025-05-09");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Warning");
    // After the base was checked (2025-06-30), an open-ended term may be stale.
    let found = live_findings("Chancellor Olaf Scholz spoke in Berlin.\n", "2026-03-01");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "Warning");
    // A late monarch or president keeps the title in the press: nothing.
    for text in [
        "The funeral of President Robert Mugabe was held in Harare.\n",
        "Prime Minister Shinzo Abe was remembered in Tokyo.\n",
    ] {
        assert_eq!(live_findings(text, "2023-05-01"), vec![], "{text}");
    }
    // "The 19 G20 countries": the EU and the African Union are members, not countries.
    assert_eq!(
        live_findings(
            "Leaders of the G20 met in Rio. The 19 G20 countries and the EU agreed.\n",
            "2024-11-19"
        ),
        vec![]
    );
}
