//! The labelled weekday cases (`tests/data/weekday-cases.tsv`) and the seed article, read
//! through the claims and the article context: what each weekday pairs with, and the years a
//! dateless article is judged in. The findings on the same cases are tested end to end in
//! `tests/dates.rs`.

use chrono::{Datelike, NaiveDate};

use super::{nearest_day, ArticleContext, DateSource};
use crate::claims::date::weekday_name;
use crate::claims::Claims;
use crate::document::Document;
use crate::settings::Settings;

const CASES: &str = include_str!("../../tests/data/weekday-cases.tsv");
const SEED: &str = include_str!("../../examples/nato-bucharest.md");

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn article(publication_date: &str, body: &str) -> String {
    format!("---\nauthor: Test Desk\ndate: {publication_date}\n---\n{body}\n")
}

/// One labelled case: the sentence, its publication date, whether its weekday is wrong, and
/// the dates its weekdays resolve to.
struct Case<'a> {
    sentence: &'a str,
    publication_date: &'a str,
    wrong: bool,
    resolved: Vec<NaiveDate>,
}

fn cases() -> Vec<Case<'static>> {
    CASES
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 5, "{line}");
            Case {
                sentence: columns[0],
                publication_date: columns[1],
                wrong: match columns[2] {
                    "ok" => false,
                    "wrong" => true,
                    other => panic!("label {other}"),
                },
                resolved: columns[4].split(';').map(date).collect(),
            }
        })
        .collect()
}

#[test]
fn every_labelled_case_resolves_to_its_dates() {
    let settings = Settings::embedded();
    let cases = cases();
    assert_eq!(cases.len(), 20);
    for case in cases {
        let source = article(case.publication_date, case.sentence);
        let doc = Document::parse(&source);
        let claims = Claims::extract(&doc, &settings);
        let context = ArticleContext::resolve(&doc, &claims, &settings);
        let publication = context.publication.as_ref().unwrap();
        assert_eq!(publication.date, date(case.publication_date));
        let paired: Vec<_> = claims
            .dates
            .iter()
            .filter(|c| c.weekday.is_some())
            .collect();
        assert_eq!(paired.len(), case.resolved.len(), "{}", case.sentence);
        for (claim, expected) in paired.iter().zip(&case.resolved) {
            let days = if claim.year.is_some() {
                claim.written_dates()
            } else {
                claim
                    .month_day()
                    .and_then(|md| nearest_day(md, publication.date))
                    .into_iter()
                    .collect()
            };
            assert!(days.contains(expected), "{}: {days:?}", case.sentence);
            if !case.wrong {
                let weekday = claim.weekday.as_ref().unwrap().weekday;
                assert_eq!(weekday_name(expected.weekday()), weekday_name(weekday));
            }
        }
    }
}

#[test]
fn the_seed_article_infers_its_candidate_years() {
    let settings = {
        let mut settings = Settings::embedded();
        settings.today = date("2026-11-28");
        settings
    };
    let doc = Document::parse(SEED);
    let claims = Claims::extract(&doc, &settings);
    let mut context = ArticleContext::resolve(&doc, &claims, &settings);
    assert!(context.publication.is_none());
    let years: Vec<i32> = context.judgement_dates().iter().map(|d| d.year()).collect();
    assert_eq!(years, [2005, 2011, 2016, 2022]);
    // What the fact base does with "30 NATO allies" (true from 2020 to 2023).
    context.narrow_to(|d| (2020..2023).contains(&d.year()));
    let publication = context.publication.unwrap();
    assert_eq!(publication.date, date("2022-11-30"));
    assert_eq!(publication.source, DateSource::Inferred);
}
