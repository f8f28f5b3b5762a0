//! Recall benchmark: `cargo bench --bench accuracy_recall`.
//!
//! Takes the real CC BY articles in `tests/corpus/globalvoices`, plants one known error in a
//! copy of each (one copy per kind of error), and counts how many planted errors factlint
//! reports where they were planted. The errors are generated from the fact base and the
//! article itself, never written by hand, so the benchmark grows with the fact base:
//!
//! - `weekday`: a weekday written with a date becomes the next day's name;
//! - `office`: an office holder of the article's date becomes one from another period, or a
//!   person the article names is given a title they held at another time (or, where the
//!   article names a country only, a sentence naming another period's holder is added);
//! - `count`: a member count becomes one more (or a count is written where the article
//!   names an organisation);
//! - `capital`: a capital becomes another city (one the article names elsewhere, else
//!   another country's capital), or is called the capital where the article names the country;
//! - `spelling`: one British spelling becomes American in an article written in British;
//! - `speech`: the speech clause after a quotation (`,” she said.`) is removed;
//! - `name`: a known person's name, after a title they held or named correctly elsewhere,
//!   gets two adjacent letters of its last word swapped;
//! - `age`: a wrong age (two to four years off) is written after a living person with a known
//!   birth date, or an age the article states is changed.
//!
//! It prints recall per kind and compares with `tests/accuracy/recall/baseline.tsv`; with
//! `FACTLINT_RECALL_UPDATE=1` it writes that table anew. Every miss is listed in
//! `target/accuracy/recall-misses.txt` for review.

#[path = "accuracy/mutate.rs"]
mod mutate;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factlint::{check_source, Settings, Severity};

use mutate::{Kind, Mutation};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("tests/corpus/globalvoices");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("tests/corpus/globalvoices exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let settings = Settings::embedded();
    let mut tally: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    let mut misses = String::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("readable article");
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let original = check_source(&name, &source, &settings);
        for kind in Kind::ALL {
            let Some(mutation) = mutate::plant(kind, &name, &source, &original, &settings) else {
                continue;
            };
            let found = detected(&name, &mutation, &settings);
            let entry = tally.entry(kind).or_default();
            entry.0 += 1;
            if found {
                entry.1 += 1;
            } else {
                let _ = writeln!(
                    misses,
                    "{name}\t{}\t{}\t{:?}",
                    kind.name(),
                    mutation.what,
                    context(&mutation.text, &mutation.region)
                );
            }
        }
    }
    let table = render(&tally);
    println!(
        "Recall on {} articles (one planted error per copy):\n",
        files.len()
    );
    println!("{table}");
    let baseline_path = root.join("tests/accuracy/recall/baseline.tsv");
    compare(&baseline_path, &tally);
    let out_dir = root.join("target/accuracy");
    let _ = std::fs::create_dir_all(&out_dir);
    let misses_path = out_dir.join("recall-misses.txt");
    let _ = std::fs::write(&misses_path, &misses);
    println!("misses listed in {}", misses_path.display());
    if std::env::var_os("FACTLINT_RECALL_UPDATE").is_some() {
        std::fs::create_dir_all(baseline_path.parent().unwrap()).expect("writable tests/");
        std::fs::write(&baseline_path, tsv(&tally)).expect("baseline written");
        println!("baseline written to {}", baseline_path.display());
    }
}

/// Whether a finding of the kind's rule, at warning level or above, overlaps the planted
/// error in the mutated article.
fn detected(name: &str, mutation: &Mutation, settings: &Settings) -> bool {
    let report = check_source(name, &mutation.text, settings);
    report.diagnostics.iter().any(|d| {
        d.severity >= Severity::Warning
            && mutation.kind.rules().contains(&d.rule)
            && (overlaps(d.span.start..d.span.end, &mutation.region)
                || d.labels
                    .iter()
                    .any(|l| overlaps(l.span.start..l.span.end, &mutation.region)))
    })
}

fn overlaps(a: std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

/// The planted text with a little context, for the list of misses.
fn context(text: &str, region: &std::ops::Range<usize>) -> String {
    let mut start = region.start.saturating_sub(60);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (region.end + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[start..end].replace('\n', " ")
}

fn render(tally: &BTreeMap<Kind, (usize, usize)>) -> String {
    let mut out = String::from("| kind | planted | found | recall |\n|---|---:|---:|---:|\n");
    for (kind, (planted, found)) in tally {
        let _ = writeln!(
            out,
            "| {} | {planted} | {found} | {:.1}% |",
            kind.name(),
            percent(*found, *planted)
        );
    }
    out
}

fn tsv(tally: &BTreeMap<Kind, (usize, usize)>) -> String {
    let mut out = String::from("kind\tplanted\tfound\n");
    for (kind, (planted, found)) in tally {
        let _ = writeln!(out, "{}\t{planted}\t{found}", kind.name());
    }
    out
}

fn percent(found: usize, planted: usize) -> f64 {
    if planted == 0 {
        0.0
    } else {
        100.0 * found as f64 / planted as f64
    }
}

/// Print each kind's change against the committed baseline.
fn compare(path: &Path, tally: &BTreeMap<Kind, (usize, usize)>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("no baseline at {} yet", path.display());
        return;
    };
    println!("against {}:", path.display());
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, planted, found] = fields[..] else {
            continue;
        };
        let (Ok(planted), Ok(found)) = (planted.parse::<usize>(), found.parse::<usize>()) else {
            continue;
        };
        let now = Kind::ALL
            .iter()
            .find(|k| k.name() == kind)
            .and_then(|k| tally.get(k))
            .copied()
            .unwrap_or_default();
        println!(
            "  {kind}: {:.1}% ({found}/{planted}) -> {:.1}% ({}/{})",
            percent(found, planted),
            percent(now.1, now.0),
            now.1,
            now.0
        );
    }
}
