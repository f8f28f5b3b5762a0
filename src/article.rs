//! The article's context: above all its publication date, the "as of" for every fact and
//! every year-less date. Resolved in order: `--date`, front matter, a dateline, inference.

use chrono::NaiveDate;

use crate::claims::Claims;
use crate::document::Document;
use crate::settings::Settings;
use crate::span::Span;

/// Where the publication date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateSource {
    Cli,
    /// The front-matter key that held it.
    FrontMatter(String),
    Dateline,
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: NaiveDate,
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
    pub fn resolve(doc: &Document, _claims: &Claims, settings: &Settings) -> ArticleContext {
        let publication = if let Some(date) = settings.date_override {
            Some(PublicationDate {
                date,
                source: DateSource::Cli,
                span: None,
                reason: "given with --date".to_string(),
            })
        } else {
            doc.front_matter
                .as_ref()
                .and_then(|fm| fm.get_date(&settings.config.date_keys))
                .map(|(key, date)| PublicationDate {
                    date,
                    source: DateSource::FrontMatter(key.clone()),
                    span: doc.front_matter.as_ref().map(|fm| fm.span),
                    reason: format!("front matter `{key}`"),
                })
        };
        let candidates = publication.iter().map(|p| p.date).collect();
        ArticleContext {
            publication,
            candidates,
            today: settings.today,
        }
    }

    /// Keep only the candidate dates under which `keep` holds (the fact base rules out the
    /// others), unless that would leave none.
    pub fn narrow_to(&mut self, keep: impl Fn(NaiveDate) -> bool) {
        let kept: Vec<NaiveDate> = self
            .candidates
            .iter()
            .copied()
            .filter(|&d| keep(d))
            .collect();
        if !kept.is_empty() {
            self.candidates = kept;
        }
    }

    /// The dates a time-dependent claim is judged on: the publication date, or every
    /// candidate when it is uncertain. Empty when nothing is known (stay silent).
    pub fn judgement_dates(&self) -> &[NaiveDate] {
        &self.candidates
    }
}
