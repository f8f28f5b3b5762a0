//! A newsroom's own word lists (`words.toml` in a style folder), end to end through the
//! binary: each list's new words change what its rule reports, the defaults stay as they
//! were, and a malformed entry is an error pointing into the file.

mod common;

use serde_json::Value;

/// A folder with the frozen test facts, a style folder holding `words` as `words.toml`
/// (none when empty) and `article`; the rules `article` is flagged by (warnings and errors),
/// and their lines.
fn findings(words: &str, article: &str) -> Vec<(String, u64)> {
    let dir = tempfile::tempdir().unwrap();
    let facts = common::test_file("facts");
    common::write(
        dir.path(),
        "factlint.toml",
        &format!(
            "facts = ['{}']\nno-default-facts = true\nstyle = [\"style\"]\n",
            facts.display()
        ),
    );
    std::fs::create_dir_all(dir.path().join("style")).unwrap();
    if !words.is_empty() {
        common::write(dir.path(), "style/words.toml", words);
    }
    let file = common::write(dir.path(), "article.md", article);
    let output = common::factlint()
        .args(["--format", "json", "--exit-zero", &file])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], serde_json::json!([]));
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["severity"] != "info")
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap().to_string(),
                finding["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn article(body: &str) -> String {
    format!("---\ntitle: Test\nauthor: Test Desk\ndate: 2022-11-30\n---\nThe council met on Tuesday.\n\n{body}\n")
}

#[track_caller]
fn assert_findings(words: &str, body: &str, expected: &[(&str, u64)]) {
    let expected: Vec<(String, u64)> = expected
        .iter()
        .map(|(rule, line)| (rule.to_string(), *line))
        .collect();
    assert_eq!(findings(words, &article(body)), expected, "with {words:?}");
}

#[test]
fn a_speech_verb_of_the_newsroom_attributes_a_quotation() {
    let body = "“We will build the bridge before the winter comes, whatever it costs,” \
                deadpanned Mayor Jane Doe.";
    assert_findings("", body, &[("quote-attribution", 8)]);
    assert_findings("[speech]\nverbs = ['Deadpanned']\n", body, &[]);
    // Another verb, or the word as a phrase's first word only, attributes nothing.
    assert_findings(
        "[speech]\nverbs = ['fumed']\n",
        body,
        &[("quote-attribution", 8)],
    );
    assert_findings(
        "[speech]\nphrases = ['deadpanned to']\n",
        body,
        &[("quote-attribution", 8)],
    );
}

#[test]
fn a_speech_phrase_and_a_speaker_after_word_of_the_newsroom() {
    let phrase = "“We will build the bridge before the winter comes, whatever it costs,” Mayor \
                  Jane Doe hit back.";
    assert_findings("", phrase, &[("quote-attribution", 8)]);
    assert_findings("[speech]\nphrases = ['hit back']\n", phrase, &[]);
    let after = "The bridge will be built before winter, per the mayor. “Whatever it costs, \
                 we will build it before the winter comes.”";
    assert_findings("", after, &[("quote-attribution", 8)]);
    assert_findings("[speech]\nspeaker-after = ['per']\n", after, &[]);
}

#[test]
fn a_title_word_of_the_newsroom_lets_an_age_reach_the_name() {
    let body = "The 60-year-old stateswoman Angela Merkel visited Berlin.";
    assert_findings("", body, &[]);
    assert_findings(
        "[titles]\nbefore-name = ['stateswoman']\n",
        body,
        &[("fact-age", 8)],
    );
}

#[test]
fn a_title_modifier_or_qualifier_of_the_newsroom_makes_a_title_claim_nothing() {
    let modified = "On Tuesday, longtime Chancellor Angela Merkel opened the exhibition.";
    assert_findings("", modified, &[("fact-office", 8)]);
    assert_findings("[titles]\nmodifiers = ['longtime']\n", modified, &[]);
    let qualified = "On Tuesday, choir Chancellor Angela Merkel opened the exhibition.";
    assert_findings("", qualified, &[("fact-office", 8)]);
    assert_findings("[titles]\nqualifiers = ['choir']\n", qualified, &[]);
    // A qualifier makes another body's title only of a capitalised title after it.
    assert_findings(
        "[titles]\nqualifiers = ['choir']\n",
        "On Tuesday, Chancellor Angela Merkel opened the exhibition.",
        &[("fact-office", 8)],
    );
}

#[test]
fn picture_and_decorative_image_words_of_the_newsroom() {
    let mural = "A mural near the station. “We will never forget the names of the fallen \
                 heroes of this town.”";
    assert_findings("", mural, &[("quote-attribution", 8)]);
    assert_findings("[images]\npictures = ['mural']\n", mural, &[]);
    let image = "![A banner](https://example.org/sponsor-banner.png)";
    assert_findings("", image, &[("credit-image", 8)]);
    assert_findings("[images]\ndecorative = ['sponsor']\n", image, &[]);
    assert_findings(
        "[images]\ndecorative = ['sponsor']\n",
        "![A banner](https://example.org/protest-banner.png)",
        &[("credit-image", 8)],
    );
}

#[test]
fn a_malformed_entry_is_an_error_pointing_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "factlint.toml", "style = [\"style\"]\n");
    for (words, message, at) in [
        (
            "[speech]\nverbs = [\"said\", \"hit back\"]\n",
            "`hit back` is not one word: `speech.verbs` holds single words",
            "2:18",
        ),
        (
            "[speech]\nverbs = [\"déclaré\"]\n",
            "`déclaré` is not a word of ASCII letters",
            "2:10",
        ),
        (
            "[titles]\nbefore = [\"governor\"]\n",
            "unknown field `before`",
            "2:1",
        ),
    ] {
        common::write(dir.path(), "style/words.toml", words);
        let file = common::write(dir.path(), "article.md", &article("Nothing to see."));
        let output = common::factlint()
            .args(["--color", "never", &file])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{stderr}");
        let place = format!("style{}words.toml:{at}", std::path::MAIN_SEPARATOR);
        assert!(stderr.contains(&place), "{place} in {stderr}");
    }
}
