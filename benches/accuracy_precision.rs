//! `cargo bench --bench accuracy_precision`: precision per rule on the real articles of
//! `tests/corpus/`, from the reviewed verdicts in `tests/accuracy/precision/verdicts.toml`.
//! Prints the table and writes it as the Precision section of ACCURACY.md (other sections
//! are kept), with the previous run's precision beside each rule.

#[path = "../tests/accuracy/precision/review.rs"]
mod review;

fn main() {
    let verdicts = review::load_verdicts();
    let findings = review::corpus_findings();
    let judged = review::judge(&findings, &verdicts);
    let tally = review::tally(&findings, &judged);
    let stale = review::stale(&findings, &verdicts);
    let articles: usize = review::CORPORA
        .iter()
        .map(|corpus| {
            std::fs::read_dir(review::root().join(corpus))
                .map(|entries| {
                    entries
                        .filter_map(Result::ok)
                        .filter(|entry| entry.path().extension().is_some_and(|e| e == "md"))
                        .count()
                })
                .unwrap_or(0)
        })
        .sum();
    let path = review::root().join("ACCURACY.md");
    let markdown = std::fs::read_to_string(&path).unwrap_or_default();
    let previous = review::previous_precision(&markdown);
    let section = review::precision_section(&tally, articles, &stale, &previous);
    print!("{section}");
    let unreviewed: usize = tally.values().map(|(_, _, open)| open).sum();
    if unreviewed > 0 {
        eprintln!(
            "\n{unreviewed} finding(s) have no verdict: `cargo test --test accuracy_precision` \
             prints them ready to review"
        );
    }
    std::fs::write(&path, review::with_precision_section(&markdown, &section))
        .unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    eprintln!("wrote the Precision section of {}", path.display());
}
