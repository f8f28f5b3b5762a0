//! The article's context: above all its publication date, the "as of" for every fact and
//! every year-less date. Resolved in order: `--date`, front matter, a dateline, inference.
//!
//! Inference reads the year-less weekday-date pairs ("Monday (Nov. 28)"): each pair holds
//! only in some years, and the article's pairs together in fewer. The candidates are one
//! date per way the pairs can fall (the latest paired date, never after today), narrowed by
//! the dates the article writes with a year. Later evidence (the fact base) narrows them
//! further with [`ArticleContext::narrow_to`].

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;
use rustc_hash::FxHashSet;

#[cfg(test)]
mod labelled_cases;
mod narrow;

use crate::claims::date::{parse_full_date, DateClaim, MonthDay};
pub use crate::claims::mention::{nearest_day, NEAREST_DAYS};
use crate::claims::Claims;
use crate::document::Document;
use crate::front_matter::{parse_date_prefix, FrontMatter};
use crate::settings::Settings;
use crate::span::Span;

/// Weekday-date pairs repeat every 28 years (1901 to 2099): inference looks no further back.
const INFERENCE_YEARS: i32 = 28;

/// Where in each year the pairs are read from: every ten days or so. A fixed grid keeps the
/// work linear in the number of pairs; an article's dates lie close together, so every
/// anchor among them reads them alike.
const ANCHOR_DAYS: [MonthDay; 36] = {
    let mut days = [MonthDay { month: 1, day: 1 }; 36];
    let mut index = 0;
    while index < 36 {
        days[index] = MonthDay {
            month: index as u32 / 3 + 1,
            day: (index as u32 % 3) * 10 + 1,
        };
        index += 1;
    }
    days
};

/// Where the publication date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// `--date`.
    Cli,
    /// The front-matter key that held it.
    FrontMatter(String),
    /// A dateline ("BUCHAREST, Nov. 30, 2022 —").
    Dateline,
    /// Inferred from the weekdays and dates the article gives.
    Inferred,
}

impl DateSource {
    /// The JSON name (`publication_date_source`).
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::Cli => "cli",
            DateSource::FrontMatter(_) => "front-matter",
            DateSource::Dateline => "dateline",
            DateSource::Inferred => "inferred",
        }
    }
}

/// The date an article is judged on, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationDate {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: DateSource,
    /// Where in the article it was read, if it was read there.
    pub span: Option<Span>,
    /// Why this date, in words (shown at info level).
    pub reason: String,
}

#[derive(Clone, Debug)]
pub struct ArticleContext {
    /// The single date the article is judged on, when one is known.
    pub publication: Option<PublicationDate>,
    /// When the date is uncertain: every candidate date still possible (facts are judged on
    /// all of them). Contains the publication date itself when it is certain.
    pub candidates: Vec<NaiveDate>,
    /// Never judge as of a day after this.
    pub today: NaiveDate,
}

impl ArticleContext {
    pub fn resolve(doc: &Document, claims: &Claims, settings: &Settings) -> ArticleContext {
        let today = settings.today;
        let stated = settings
            .date_override
            .map(|date| PublicationDate {
                date,
                source: DateSource::Cli,
                span: None,
                reason: "given with --date".to_string(),
            })
            .or_else(|| front_matter_date(doc, settings))
            .or_else(|| dateline(doc, &claims.dates));
        if let Some(publication) = stated {
            return ArticleContext {
                candidates: vec![publication.date.min(today)],
                publication: Some(publication),
                today,
            };
        }
        let mut article = ArticleContext {
            publication: None,
            candidates: Vec::new(),
            today,
        };
        article.infer(&claims.dates);
        if article.candidates.is_empty() {
            // No weekday-date pairs to infer from (they would already have been narrowed
            // by the lead's date): the lead's full date stands for the publication date.
            if let Some(lead) = lead_date(doc, &claims.dates).filter(|lead| lead.date <= today) {
                article.candidates = vec![lead.date];
                article.publication = Some(lead);
            }
        }
        article
    }

    /// The dates a time-dependent claim is judged on: the publication date, or every
    /// candidate when it is uncertain. Empty when nothing is known (stay silent).
    pub fn judgement_dates(&self) -> &[NaiveDate] {
        &self.candidates
    }

    /// The publication date when it was given or read (`--date`, front matter, dateline),
    /// not inferred: year-less dates are read against it.
    pub fn stated(&self) -> Option<&PublicationDate> {
        self.publication
            .as_ref()
            .filter(|p| p.source != DateSource::Inferred)
    }

    /// Drop the candidates `keep` rejects, unless that would drop them all. When what remains
    /// lies in one year, it becomes the publication date (the latest candidate of that year,
    /// which is the latest dated event the article has there).
    pub fn narrow_to(&mut self, keep: impl Fn(NaiveDate) -> bool) {
        if self.stated().is_some() {
            return;
        }
        let kept: Vec<NaiveDate> = self
            .candidates
            .iter()
            .copied()
            .filter(|&d| keep(d))
            .collect();
        if kept.is_empty() || kept.len() == self.candidates.len() {
            return;
        }
        let years = year_list(&self.candidates);
        self.candidates = kept;
        self.settle(&format!(
            "inferred: the article's dates fit {years}, and only {} fits the rest of the article",
            year_list(&self.candidates)
        ));
    }

    /// Narrow the inferred candidates by the article's facts: `verdict` tells, for a
    /// candidate, whether some claim is certainly false on it and how many claims the fact
    /// base confirms on it. Candidates with no false claim are kept, and of those the ones
    /// with the most confirmed claims. Absence of data is no evidence for a year: when no
    /// candidate has a confirmed claim, nothing is narrowed (a candidate the fact base knows
    /// nothing about never wins over one where the claims are false).
    pub fn narrow_by_facts(&mut self, verdict: impl Fn(NaiveDate) -> (bool, usize)) {
        if self.stated().is_some() || self.candidates.len() < 2 {
            return;
        }
        let scored: Vec<(NaiveDate, bool, usize)> = self
            .candidates
            .iter()
            .map(|&date| {
                let (any_false, confirmed) = verdict(date);
                (date, any_false, confirmed)
            })
            .collect();
        let best = scored
            .iter()
            .filter(|(_, any_false, _)| !any_false)
            .map(|&(_, _, confirmed)| confirmed)
            .max();
        let Some(best) = best.filter(|&best| best > 0) else {
            return;
        };
        let keep: Vec<NaiveDate> = scored
            .iter()
            .filter(|&&(_, any_false, confirmed)| !any_false && confirmed == best)
            .map(|&(date, _, _)| date)
            .collect();
        self.narrow_to(|date| keep.contains(&date));
    }

    /// Whether the candidates were inferred and are several (a fact the base cannot judge
    /// on one of them is then no evidence against the others).
    pub fn is_uncertain(&self) -> bool {
        self.stated().is_none() && self.candidates.len() > 1
    }

    /// Set the publication date when every candidate lies in one year.
    fn settle(&mut self, reason: &str) {
        let (Some(&first), Some(&latest)) = (self.candidates.first(), self.candidates.last())
        else {
            return;
        };
        if first.year() == latest.year() {
            self.publication = Some(PublicationDate {
                date: latest,
                source: DateSource::Inferred,
                span: None,
                reason: reason.to_string(),
            });
        }
    }

    /// Candidates from the year-less weekday-date pairs, narrowed by the dates written with
    /// a year.
    fn infer(&mut self, dates: &[DateClaim]) {
        let pairs: Vec<YearlessPair> = dates.iter().filter_map(YearlessPair::of).collect();
        let fits = YearFits::new(&pairs, self.today);
        self.candidates = fits.candidates(self.today);
        if self.candidates.is_empty() {
            return;
        }
        let pair_years = year_list(&self.candidates);
        let mut reason = format!(
            "inferred: the article's {} only {pair_years}",
            pairs_fit(pairs.len())
        );
        let latest_written = dates
            .iter()
            .flat_map(DateClaim::written_dates)
            .filter(|&d| d <= self.today)
            .max();
        if let Some(latest_written) = latest_written {
            // An article may announce a date up to half a year ahead, not more.
            let earliest = latest_written - Days::new(NEAREST_DAYS as u64);
            let kept: Vec<NaiveDate> = self
                .candidates
                .iter()
                .copied()
                .filter(|&c| c >= earliest)
                .collect();
            if !kept.is_empty() && kept.len() < self.candidates.len() {
                self.candidates = kept;
                reason = format!(
                    "inferred: the article's {} {pair_years}, and the date it writes with a year ({latest_written}) leaves {}",
                    pairs_fit(pairs.len()),
                    year_list(&self.candidates)
                );
            }
        }
        self.settle(&reason);
    }
}

/// "weekday-date pair fits", "3 weekday-date pairs fit".
fn pairs_fit(count: usize) -> String {
    if count == 1 {
        "weekday-date pair fits".to_string()
    } else {
        format!("{count} weekday-date pairs fit")
    }
}

/// "2011, 2016 and 2022".
pub fn year_list(dates: &[NaiveDate]) -> String {
    let mut years: Vec<i32> = dates.iter().map(|d| d.year()).collect();
    years.dedup();
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    match years.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The publication date from the first configured front-matter key that holds a date:
/// `2022-11-30`, a timestamp, an RSS date ("Wed, 30 Nov 2022 10:00:00 GMT") or a written
/// date ("November 30, 2022").
fn front_matter_date(doc: &Document, settings: &Settings) -> Option<PublicationDate> {
    let fm = doc.front_matter.as_ref()?;
    settings.config.date_keys.iter().find_map(|key| {
        let text = fm.get_str(key)?;
        let date = parse_date_prefix(&text)
            .or_else(|| {
                chrono::DateTime::parse_from_rfc2822(text.trim())
                    .ok()
                    .map(|d| d.date_naive())
            })
            .or_else(|| parse_full_date(&text, settings.dialect(), settings.today.year()))?;
        Some(PublicationDate {
            date,
            source: DateSource::FrontMatter(key.clone()),
            span: Some(front_matter_line(doc.source, fm, key)),
            reason: format!("front matter `{key}`"),
        })
    })
}

/// The line of `key` in the front matter (the whole block if it cannot be found).
fn front_matter_line(source: &str, fm: &FrontMatter, key: &str) -> Span {
    let content = fm.content.text(source);
    let mut at = fm.content.start;
    for line in content.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let after_key = trimmed
            .strip_prefix(key)
            .map(|rest| rest.trim_start_matches([' ', '"', '\'']));
        if indent == 0 && after_key.is_some_and(|rest| rest.starts_with([':', '='])) {
            return Span::new(at, at + line.trim_end().len());
        }
        at += line.len();
    }
    fm.span
}

/// A dateline in the first paragraphs: "BUCHAREST, Nov. 30, 2022 —",
/// "BUCHAREST, Romania, Nov. 30, 2022 (Reuters) -", "Published 30 November 2022".
fn dateline(doc: &Document, dates: &[DateClaim]) -> Option<PublicationDate> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}[\p{Lu} .'’-]*\p{Lu}\.?(?:,\s*\p{Lu}[\p{L} .'’-]*)?,\s*$")
            .expect("valid regex")
    });
    static DASH_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:\([^)]{1,40}\)\s*)?[—–-]").expect("valid regex"));
    static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*$")
            .expect("valid regex")
    });
    let first_blocks = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| !block.is_heading())
        .take(3)
        .map(|(index, _)| index)
        .collect::<Vec<_>>();
    dates.iter().find_map(|claim| {
        if !first_blocks.contains(&claim.block) {
            return None;
        }
        let [date] = claim.written_dates()[..] else {
            return None;
        };
        let text = &doc.blocks[claim.block].text();
        let start = claim.weekday.as_ref().map_or(claim.range.start, |w| {
            w.range().start.min(claim.range.start)
        });
        let before = text.get(..start)?;
        let after = text.get(claim.range.end..)?;
        // The comma and the dash rule most dates out before a pattern is compiled.
        let is_dateline = (before.contains(',')
            && after.contains(['—', '–', '-'])
            && PLACE.is_match(before)
            && DASH_AFTER.is_match(after))
            || PUBLISHED.is_match(before);
        is_dateline.then(|| PublicationDate {
            date,
            source: DateSource::Dateline,
            span: Some(claim.span),
            reason: format!("the dateline “{}”", claim.text),
        })
    })
}

/// The date of the lead, when the first paragraph writes a full date with its weekday
/// ("on Tuesday 29 November 2022", "on Thursday, Dec. 14, 2023") or after a wire dateline
/// ("BRUSSELS (AP) — ... on Dec. 14, 2023"), and no later date is written anywhere in the
/// article. News leads date the news: the article was published that day or just after.
fn lead_date(doc: &Document, dates: &[DateClaim]) -> Option<PublicationDate> {
    static WIRE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}[\p{Lu} .'’-]*\p{Lu}\.?(?:,\s*\p{Lu}[\p{L} .'’-]*)?\s*(?:\([^)]{1,40}\)\s*)?[—–-]")
            .expect("valid regex")
    });
    let lead = doc
        .blocks
        .iter()
        .enumerate()
        .find(|(_, block)| !block.is_heading() && block.quote_depth == 0)?
        .0;
    let latest = dates.iter().flat_map(DateClaim::written_dates).max()?;
    dates.iter().find_map(|claim| {
        if claim.block != lead {
            return None;
        }
        let [date] = claim.written_dates()[..] else {
            return None;
        };
        let weekday_holds = claim
            .weekday
            .as_ref()
            .is_some_and(|w| w.weekday == date.weekday());
        let wire = WIRE.is_match(doc.blocks[lead].text());
        (date == latest && (weekday_holds || wire)).then(|| PublicationDate {
            date,
            source: DateSource::Inferred,
            span: Some(claim.span),
            reason: format!("inferred: the lead's date “{}”", claim.text),
        })
    })
}

/// A weekday written with a date that has no year: "Monday (Nov. 28)".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YearlessPair {
    pub date: MonthDay,
    pub weekday: Weekday,
}

impl YearlessPair {
    pub fn of(claim: &DateClaim) -> Option<YearlessPair> {
        if claim.year.is_some() {
            return None;
        }
        Some(YearlessPair {
            date: claim.month_day()?,
            weekday: claim.weekday.as_ref()?.weekday,
        })
    }

    fn sort_key(self) -> (MonthDay, u32) {
        (self.date, self.weekday.num_days_from_monday())
    }
}

/// One way the year-less pairs can fall: each read in the year nearest an anchor day.
#[derive(Debug)]
struct Fit {
    /// The day of each distinct pair (`None`: no such day within half a year, 29 February).
    days: Vec<Option<NaiveDate>>,
    agrees: Vec<bool>,
    /// Mentions whose weekday holds.
    agreeing: usize,
}

/// How a year-less pair stands against the article's other year-less pairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PairVerdict {
    /// It holds in a year where a majority of at least two others hold.
    Agrees,
    /// A consistent majority of at least two others holds only in years where this pair's
    /// date falls on `actual`.
    Disagrees {
        actual: Weekday,
        /// The years of the pair's date in those readings.
        years: Vec<i32>,
        /// How many other pairs agree there.
        others: usize,
    },
    /// Too few others to tell.
    Unsettled,
}

/// Every way an article's year-less pairs can fall in the years up to today.
#[derive(Debug)]
pub struct YearFits {
    pairs: Vec<YearlessPair>,
    mentions: usize,
    fits: Vec<Fit>,
}

impl YearFits {
    pub fn new(mentions: &[YearlessPair], today: NaiveDate) -> YearFits {
        let mut pairs: Vec<YearlessPair> = mentions.to_vec();
        pairs.sort_by_key(|p| p.sort_key());
        pairs.dedup();
        // No pair, no reading to weigh: the years need not be walked (most articles).
        if pairs.is_empty() {
            return YearFits {
                pairs,
                mentions: 0,
                fits: Vec::new(),
            };
        }
        let mut mention_counts: HashMap<YearlessPair, usize> = HashMap::new();
        for mention in mentions {
            *mention_counts.entry(*mention).or_default() += 1;
        }
        let counts: Vec<usize> = pairs.iter().map(|p| mention_counts[p]).collect();
        let latest_anchor = today + Days::new(NEAREST_DAYS as u64);
        let mut seen: FxHashSet<Vec<Option<NaiveDate>>> = FxHashSet::default();
        let mut fits = Vec::new();
        for year in today.year() - INFERENCE_YEARS + 1..=today.year() {
            for anchor in ANCHOR_DAYS.iter().filter_map(|a| a.in_year(year)) {
                if anchor > latest_anchor {
                    continue;
                }
                let days: Vec<Option<NaiveDate>> =
                    pairs.iter().map(|p| nearest_day(p.date, anchor)).collect();
                // Nearby anchors mostly give a reading already seen: cloned only when new.
                if seen.contains(&days) {
                    continue;
                }
                seen.insert(days.clone());
                let agrees: Vec<bool> = pairs
                    .iter()
                    .zip(&days)
                    .map(|(p, day)| day.is_some_and(|d| d.weekday() == p.weekday))
                    .collect();
                let agreeing = agrees
                    .iter()
                    .zip(&counts)
                    .filter(|(agrees, _)| **agrees)
                    .map(|(_, count)| count)
                    .sum();
                fits.push(Fit {
                    days,
                    agrees,
                    agreeing,
                });
            }
        }
        YearFits {
            pairs,
            mentions: mentions.len(),
            fits,
        }
    }

    /// One candidate publication date per best fit (a majority of the pairs hold): its
    /// latest paired day, never after today.
    fn candidates(&self, today: NaiveDate) -> Vec<NaiveDate> {
        let Some(best) = self.fits.iter().map(|f| f.agreeing).max() else {
            return Vec::new();
        };
        if best * 2 <= self.mentions {
            return Vec::new();
        }
        let mut candidates: Vec<NaiveDate> = self
            .fits
            .iter()
            .filter(|f| f.agreeing == best)
            .filter_map(|f| {
                f.days
                    .iter()
                    .zip(&f.agrees)
                    .filter(|(_, agrees)| **agrees)
                    .filter_map(|(day, _)| *day)
                    .max()
            })
            .map(|d| d.min(today))
            .collect();
        candidates.sort();
        candidates.dedup();
        // Fits anchored on different pairs of one stretch of days give nearby candidates:
        // keep the latest of each stretch.
        let mut merged: Vec<NaiveDate> = Vec::new();
        for candidate in candidates {
            match merged.last_mut() {
                Some(last) if (candidate - *last).num_days() <= NEAREST_DAYS => *last = candidate,
                _ => merged.push(candidate),
            }
        }
        merged
    }

    /// Judge one mention of `pair` against the article's other year-less pairs.
    pub fn judge(&self, pair: YearlessPair) -> PairVerdict {
        let Ok(index) = self
            .pairs
            .binary_search_by_key(&pair.sort_key(), |p| p.sort_key())
        else {
            return PairVerdict::Unsettled;
        };
        let others_total = self.mentions - 1;
        let others = |fit: &Fit| fit.agreeing - usize::from(fit.agrees[index]);
        let Some(best) = self.fits.iter().map(others).max() else {
            return PairVerdict::Unsettled;
        };
        if best < 2 || best * 2 <= others_total {
            return PairVerdict::Unsettled;
        }
        let best_fits: Vec<&Fit> = self.fits.iter().filter(|f| others(f) == best).collect();
        if best_fits.iter().any(|f| f.agrees[index]) {
            return PairVerdict::Agrees;
        }
        let days: Option<Vec<NaiveDate>> = best_fits.iter().map(|f| f.days[index]).collect();
        let Some(days) = days else {
            return PairVerdict::Unsettled;
        };
        let actual = days[0].weekday();
        if days.iter().any(|d| d.weekday() != actual) {
            return PairVerdict::Unsettled;
        }
        let mut years: Vec<i32> = days.iter().map(|d| d.year()).collect();
        years.sort();
        years.dedup();
        PairVerdict::Disagrees {
            actual,
            years,
            others: best,
        }
    }

    /// Whether some year holds every pair at once.
    pub fn all_agree(&self) -> bool {
        self.fits.iter().any(|f| f.agreeing == self.mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::date::test_support;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn pair(month: u32, day: u32, weekday: Weekday) -> YearlessPair {
        YearlessPair {
            date: MonthDay { month, day },
            weekday,
        }
    }

    fn context(source: &str) -> ArticleContext {
        let settings = test_support::settings(None);
        let doc = Document::parse(source);
        let claims = Claims::extract(&doc, &settings);
        ArticleContext::resolve(&doc, &claims, &settings)
    }

    const SEED_PAIRS: &str = "Monday (Nov. 28) they met. On Tuesday (Nov. 29) they talked. \
                              On Wednesday (Nov. 30) they left.";

    #[test]
    fn nearest_day_takes_the_year_within_half_a_year() {
        let md = |month, day| MonthDay { month, day };
        assert_eq!(
            nearest_day(md(12, 29), day(2023, 1, 3)),
            Some(day(2022, 12, 29))
        );
        assert_eq!(
            nearest_day(md(1, 3), day(2021, 12, 30)),
            Some(day(2022, 1, 3))
        );
        assert_eq!(nearest_day(md(2, 29), day(2023, 1, 1)), None);
        assert_eq!(
            nearest_day(md(2, 29), day(2024, 3, 1)),
            Some(day(2024, 2, 29))
        );
    }

    #[test]
    fn resolution_order() {
        let source = "---\ndate: 2022-11-30\nauthor: A\n---\nBUCHAREST, Nov. 29, 2021 — Text.\n";
        let article = context(source);
        let publication = article.publication.unwrap();
        assert_eq!(publication.date, day(2022, 11, 30));
        assert_eq!(publication.source, DateSource::FrontMatter("date".into()));
        assert_eq!(publication.span.unwrap().text(source), "date: 2022-11-30");
        assert_eq!(article.candidates, vec![day(2022, 11, 30)]);

        let mut settings = test_support::settings(None);
        settings.date_override = Some(day(2020, 1, 1));
        let doc = Document::parse(source);
        let claims = Claims::extract(&doc, &settings);
        let article = ArticleContext::resolve(&doc, &claims, &settings);
        assert_eq!(article.publication.unwrap().source, DateSource::Cli);
    }

    #[test]
    fn front_matter_dates_in_other_forms() {
        let article = context("---\npubDate: Wed, 30 Nov 2022 10:00:00 GMT\n---\nText.\n");
        assert_eq!(article.publication.unwrap().date, day(2022, 11, 30));
        let article = context("---\npublished: \"November 30, 2022\"\n---\nText.\n");
        assert_eq!(article.publication.unwrap().date, day(2022, 11, 30));
    }

    #[test]
    fn datelines() {
        let cases = [
            "BUCHAREST, Nov. 30, 2022 — Ministers met.",
            "BUCHAREST, Romania, Nov. 30, 2022 (Reuters) - Ministers met.",
            "Published 30 November 2022\n\nMinisters met.",
            "# Title\n\nPublished: Wednesday, Nov. 30, 2022\n\nText.",
        ];
        for source in cases {
            let article = context(source);
            let publication = article.publication.unwrap_or_else(|| panic!("{source}"));
            assert_eq!(publication.date, day(2022, 11, 30), "{source}");
            assert_eq!(publication.source, DateSource::Dateline, "{source}");
        }
        // A date later in a sentence is no dateline.
        let article = context("Ministers met in BUCHAREST, Nov. 30, 2022 — and left.");
        assert!(article.publication.is_none());
        let article = context("One.\n\nTwo.\n\nThree.\n\nBUCHAREST, Nov. 30, 2022 — Late.");
        assert!(article.publication.is_none());
    }

    #[test]
    fn a_lead_with_a_full_date_gives_the_publication_date() {
        for source in [
            "BRUSSELS (AP) — NATO ministers met on Thursday, Dec. 14, 2023, to talk.",
            "Ministers met in Brussels on Tuesday 29 November 2022 to talk.\n\nMore.",
            "BRUSSELS (AP) — NATO ministers met on Dec. 14, 2023.",
        ] {
            let article = context(source);
            let publication = article.publication.unwrap_or_else(|| panic!("{source}"));
            assert_eq!(publication.source, DateSource::Inferred, "{source}");
            assert!(publication.reason.contains("lead"), "{source}");
            assert_eq!(article.candidates.len(), 1, "{source}");
        }
        // No weekday and no wire dateline; a weekday that does not hold; a later date
        // elsewhere; a date outside the lead.
        for source in [
            "Ministers met in Brussels on 29 November 2022 to talk.",
            "Ministers met on Monday 29 November 2022 to talk.",
            "Ministers met on Tuesday 29 November 2022.\n\nThey meet again on 3 March 2023.",
            "Intro.\n\nMinisters met on Tuesday 29 November 2022.",
        ] {
            let article = context(source);
            assert!(
                article
                    .publication
                    .as_ref()
                    .is_none_or(|p| !p.reason.contains("lead")),
                "{source}"
            );
        }
    }

    #[test]
    fn inference_lists_every_fitting_year_and_never_the_future() {
        let article = context(SEED_PAIRS);
        assert!(article.publication.is_none());
        assert_eq!(
            article.candidates,
            vec![
                day(2005, 11, 30),
                day(2011, 11, 30),
                day(2016, 11, 30),
                day(2022, 11, 30)
            ]
        );
        assert!(article.candidates.iter().all(|&c| c <= article.today));
    }

    #[test]
    fn inference_crosses_the_new_year() {
        let article = context("On Friday, Dec. 31 and Monday, Jan. 3 they met.");
        assert!(
            article.candidates.contains(&day(2022, 1, 3)),
            "{:?}",
            article.candidates
        );
        assert!(!article.candidates.contains(&day(2021, 12, 31)));
    }

    #[test]
    fn a_written_year_narrows_the_inference() {
        let article = context(&format!("{SEED_PAIRS} It was Monday, Nov. 28, 2022."));
        let publication = article.publication.unwrap();
        assert_eq!(publication.date, day(2022, 11, 30));
        assert_eq!(publication.source, DateSource::Inferred);
        assert!(
            publication.reason.contains("2022-11-28"),
            "{}",
            publication.reason
        );
    }

    #[test]
    fn a_leap_day_settles_the_year() {
        let article = context("The launch on Thursday, Feb. 29 went well.");
        assert_eq!(article.publication.unwrap().date, day(2024, 2, 29));
    }

    #[test]
    fn no_pairs_no_candidates() {
        let article = context("The ministers met on Nov. 28.");
        assert!(article.publication.is_none());
        assert!(article.judgement_dates().is_empty());
    }

    #[test]
    fn narrow_to_keeps_what_fits_and_settles_on_one_year() {
        let mut article = context(SEED_PAIRS);
        article.narrow_to(|d| d.year() >= 2020);
        assert_eq!(article.candidates, vec![day(2022, 11, 30)]);
        let publication = article.publication.unwrap();
        assert_eq!(publication.date, day(2022, 11, 30));
        assert_eq!(publication.source, DateSource::Inferred);
    }

    #[test]
    fn narrow_to_never_drops_every_candidate() {
        let mut article = context(SEED_PAIRS);
        article.narrow_to(|_| false);
        assert_eq!(article.candidates.len(), 4);
        assert!(article.publication.is_none());
        article.narrow_to(|d| d.year() == 2011 || d.year() == 2016);
        assert_eq!(article.candidates.len(), 2);
        assert!(article.publication.is_none());
    }

    #[test]
    fn narrow_to_leaves_a_stated_date_alone() {
        let mut article = context("---\ndate: 2022-11-30\n---\nText.\n");
        article.narrow_to(|d| d.year() == 2011);
        assert_eq!(article.candidates, vec![day(2022, 11, 30)]);
    }

    #[test]
    fn judging_a_pair_against_the_others() {
        use Weekday::*;
        let seed = [
            pair(11, 28, Tue),
            pair(11, 29, Tue),
            pair(11, 30, Wed),
            pair(11, 30, Wed),
        ];
        let today = day(2026, 6, 1);
        let fits = YearFits::new(&seed, today);
        assert_eq!(
            fits.judge(pair(11, 28, Tue)),
            PairVerdict::Disagrees {
                actual: Mon,
                years: vec![2005, 2011, 2016, 2022],
                others: 3
            }
        );
        assert_eq!(fits.judge(pair(11, 29, Tue)), PairVerdict::Agrees);
        // Two pairs that disagree: nobody can tell which one is wrong.
        let fits = YearFits::new(&[pair(11, 28, Mon), pair(11, 30, Tue)], today);
        assert_eq!(fits.judge(pair(11, 28, Mon)), PairVerdict::Unsettled);
        assert!(!fits.all_agree());
        // A single pair is unsettled.
        let fits = YearFits::new(&[pair(11, 28, Tue)], today);
        assert_eq!(fits.judge(pair(11, 28, Tue)), PairVerdict::Unsettled);
        assert!(fits.all_agree());
    }
}
