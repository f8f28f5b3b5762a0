//! Planting one known error in an article, generated from the fact base and the article's
//! own words. Each planter looks for the sites where its kind of error can be planted and
//! takes one, chosen by a hash of the file name (so every run plants the same errors, and
//! different articles try different shapes).

use std::ops::Range;

use chrono::Datelike;
use chrono::NaiveDate;
use factlint::internals::{
    nearest_day, render_weekday, weekday_name, BirthDate, Block, Claims, Document, EntityId,
    EntityKind, MentionKind, NameForm, NameTarget, OfficeId, Precision, TimeContext, MONTH_NAMES,
};
use factlint::{Dialect, FactBase, FileReport, RuleId, Settings, Severity};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Weekday,
    Office,
    Count,
    Capital,
    Spelling,
    Speech,
    Name,
    Age,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Weekday,
        Kind::Office,
        Kind::Count,
        Kind::Capital,
        Kind::Spelling,
        Kind::Speech,
        Kind::Name,
        Kind::Age,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Weekday => "weekday",
            Kind::Office => "office",
            Kind::Count => "count",
            Kind::Capital => "capital",
            Kind::Spelling => "spelling",
            Kind::Speech => "speech",
            Kind::Name => "name",
            Kind::Age => "age",
        }
    }

    /// The rules that catch this kind of error.
    pub fn rules(self) -> &'static [RuleId] {
        match self {
            Kind::Weekday => &[RuleId::DateWeekday],
            Kind::Office => &[RuleId::FactOffice],
            Kind::Count => &[RuleId::FactCount, RuleId::CountAgreement],
            Kind::Capital => &[RuleId::FactPlace],
            Kind::Spelling => &[RuleId::SpellingConsistency],
            Kind::Speech => &[RuleId::QuoteAttribution],
            Kind::Name => &[RuleId::FactName],
            Kind::Age => &[RuleId::FactAge],
        }
    }
}

/// An article with one planted error.
pub struct Mutation {
    pub kind: Kind,
    pub text: String,
    /// Where the planted error stands in `text`.
    pub region: Range<usize>,
    /// What was planted, in words.
    pub what: String,
}

/// One way to plant the error: replace `range` of the source with `with`; the error is
/// `region` of the replacement.
struct Site {
    range: Range<usize>,
    with: String,
    region: Range<usize>,
    what: String,
}

impl Site {
    fn whole(range: Range<usize>, with: String, what: String) -> Site {
        let region = 0..with.len();
        Site {
            range,
            with,
            region,
            what,
        }
    }
}

pub fn plant(
    kind: Kind,
    name: &str,
    source: &str,
    original: &FileReport,
    settings: &Settings,
) -> Option<Mutation> {
    let doc = Document::parse(source);
    let claims = Claims::extract(&doc, settings);
    let date = original.publication.as_ref().map(|p| p.date)?;
    let article = Article {
        source,
        doc: &doc,
        claims: &claims,
        facts: &settings.facts,
        date,
        original,
    };
    let sites = match kind {
        Kind::Weekday => article.weekday_sites(),
        Kind::Office => article.office_sites(),
        Kind::Count => article.count_sites(),
        Kind::Capital => article.capital_sites(),
        Kind::Spelling => article.spelling_sites(settings),
        Kind::Speech => article.speech_sites(),
        Kind::Name => article.name_sites(),
        Kind::Age => article.age_sites(),
    };
    if sites.is_empty() {
        return None;
    }
    let site = &sites[hash(name) % sites.len()];
    let mut text = String::with_capacity(source.len() + site.with.len());
    text.push_str(&source[..site.range.start]);
    text.push_str(&site.with);
    text.push_str(&source[site.range.end..]);
    let start = site.range.start;
    Some(Mutation {
        kind,
        text,
        region: start + site.region.start..start + site.region.end,
        what: site.what.clone(),
    })
}

/// FNV-1a of the file name.
fn hash(name: &str) -> usize {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash as usize
}

struct Article<'a> {
    source: &'a str,
    doc: &'a Document<'a>,
    claims: &'a Claims,
    facts: &'a FactBase,
    date: NaiveDate,
    original: &'a FileReport,
}

impl Article<'_> {
    /// Whether the original article already has a finding of `rule` over `range`.
    fn flagged(&self, rule: RuleId, range: &Range<usize>) -> bool {
        self.original.diagnostics.iter().any(|d| {
            d.rule == rule
                && d.severity >= Severity::Warning
                && d.span.start < range.end
                && range.start < d.span.end
        })
    }

    /// Whether `range` lies in prose the rules read as the article's own (not a heading,
    /// not a block quotation, not inside quotation marks).
    fn in_prose(&self, range: &Range<usize>) -> bool {
        self.doc.blocks.iter().any(|block| {
            let span = block.span_of(0..block.text().len());
            span.start <= range.start
                && range.end <= span.end
                && !block.is_heading()
                && block.quote_depth == 0
        }) && !inside_quotation(self.source, range.start)
    }

    /// Whether the sentence around `range` speaks of the article's own time (the fact rules
    /// claim to judge only such sentences: "then", "in the 1990s", "since" leave them silent).
    fn present_tense(&self, range: &Range<usize>, change_words: bool) -> bool {
        let Some((block, at)) = self.block_at(range.start) else {
            return false;
        };
        let sentence = block.sentence_at(at);
        matches!(
            TimeContext::of(&block.text()[sentence], change_words),
            TimeContext::Unqualified | TimeContext::Now
        )
    }

    /// The block holding source offset `at`, and the offset in its text.
    fn block_at(&self, at: usize) -> Option<(&Block<'_>, usize)> {
        self.doc.blocks.iter().find_map(|block| {
            let text = block.text();
            (0..=text.len())
                .find(|&i| text.is_char_boundary(i) && block.span_of(i..i).start == at)
                .map(|i| (block, i))
        })
    }

    /// Whether the name at `range` stands alone (not part of a longer capitalised name, not
    /// a possessive).
    fn stands_alone(&self, range: &Range<usize>) -> bool {
        let before = self.source[..range.start].trim_end_matches(' ');
        let after = &self.source[range.end..];
        let word_before = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let joined_before =
            before.len() < range.start && !before.ends_with([',', '.', '(', '“', '"', ':', ';']);
        let name_before =
            joined_before && word_before.chars().next().is_some_and(char::is_uppercase);
        let joined_after = after.starts_with(['\'', '’', '-']);
        let name_after = after
            .strip_prefix(' ')
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase));
        !(name_before || joined_after || name_after)
    }

    fn weekday_sites(&self) -> Vec<Site> {
        let mut sites = Vec::new();
        for claim in &self.claims.dates {
            let Some(weekday) = &claim.weekday else {
                continue;
            };
            let block = &self.doc.blocks[claim.block];
            let span = block.span_of(weekday.range());
            let range = span.start..span.end;
            if self.flagged(RuleId::DateWeekday, &range) || block.is_heading() {
                continue;
            }
            let wrong = weekday.weekday.succ();
            let with = render_weekday(wrong, weekday.style);
            let what = format!("{} -> {with}", &self.source[range.clone()]);
            sites.push(Site::whole(range, with, what));
        }
        if sites.is_empty() {
            // No weekday written: give a date the day before's weekday ("on Friday, April
            // 28" where April 28 was a Saturday), in the article's style of date.
            for claim in &self.claims.dates {
                let block = &self.doc.blocks[claim.block];
                if claim.weekday.is_some()
                    || claim.range_end.is_some()
                    || block.is_heading()
                    || block.quote_depth > 0
                {
                    continue;
                }
                let Some(md) = claim.month_day() else {
                    continue;
                };
                let day = match claim.year {
                    Some(year) => md.in_year(year),
                    None => nearest_day(md, self.date),
                };
                let Some(day) = day else {
                    continue;
                };
                let span = block.span_of(claim.range.clone());
                let at = span.start;
                // Only a date written as a phrase of its own ("on April 28", "28 April").
                let before = self.source[..at].trim_end();
                if !(before.ends_with(" on") || before.ends_with(" On")) {
                    continue;
                }
                let wrong = day.weekday().pred();
                let name = weekday_name(wrong);
                let day_first = self.source[at..].starts_with(|c: char| c.is_ascii_digit());
                let with = if day_first {
                    format!("{name} ")
                } else {
                    format!("{name}, ")
                };
                let what = format!("added {:?} before {:?}", with.trim(), claim.text);
                sites.push(Site {
                    range: at..at,
                    region: 0..name.len(),
                    with,
                    what,
                });
            }
        }
        sites
    }

    /// Offices whose holder on the article's date and at another time the base knows.
    fn other_holder(&self, office: OfficeId, not: EntityId) -> Option<EntityId> {
        let mut terms: Vec<_> = self
            .facts
            .terms_of_office(office)
            .filter(|t| t.holder != not && !t.valid.contains(self.date))
            // Not someone dead by the article's date: fact-office does not judge the dead
            // (the title may be how they are remembered).
            .filter(|t| {
                self.facts
                    .death_date(t.holder)
                    .is_none_or(|died| died.0 > self.date)
            })
            .filter(|t| {
                // Not someone who also held it on the date (co-holders, interim terms).
                !self
                    .facts
                    .terms_of_office(office)
                    .any(|u| u.holder == t.holder && u.valid.contains(self.date))
            })
            .collect();
        // The nearest earlier holder, else the nearest later one.
        terms.sort_by_key(|t| {
            let from = t.valid.from.unwrap_or(NaiveDate::MIN);
            (from > self.date, (from - self.date).num_days().abs())
        });
        terms.first().map(|t| t.holder)
    }

    /// Whether `person` held `office` at some day of the time written in the paragraph
    /// before source offset `at`, where a sentence with no time of its own is judged too.
    fn held_at_paragraph_time(&self, office: OfficeId, person: EntityId, at: usize) -> bool {
        let Some((block, at)) = self.block_at(at) else {
            return false;
        };
        let TimeContext::Dated(dated) = TimeContext::read(block.text(), at..at, at..at, &[], false)
        else {
            return false;
        };
        let Some(period) = dated.when.period(Some(self.date)) else {
            return false;
        };
        let last = period.until.pred_opt().unwrap_or(period.from);
        [period.from, last].iter().any(|&day| {
            self.facts
                .holders_on(office, day)
                .iter()
                .any(|term| term.holder == person)
        })
    }

    fn holder_on(&self, office: OfficeId) -> Option<EntityId> {
        let holders = self.facts.holders_on(office, self.date);
        match holders.as_slice() {
            [only] => Some(only.holder),
            _ => None,
        }
    }

    /// "French President X", "the French president, X,", "X, the French president,".
    fn office_phrase(
        &self,
        office: OfficeId,
        person: EntityId,
        shape: usize,
    ) -> (String, Range<usize>) {
        let office = self.facts.office(office);
        let name = &self.facts.entity(person).name;
        let of = self.facts.entity(office.of);
        let adjective = of.adjectives.first().cloned();
        // Every other time a prime minister's title is written the press's short way:
        // "British PM X", "the British premier, X,".
        let short = (shape / 3) % 2 == 1 && office.titles.iter().any(|t| *t == "PM");
        let title: &str = match (short, shape % 3) {
            (true, 0) => "PM",
            (true, _) => "Premier",
            (false, _) => &office.title,
        };
        match (shape % 3, adjective) {
            (1, Some(adjective)) => {
                let lead = format!("the {adjective} {}, ", title.to_lowercase());
                let text = format!("{lead}{name},");
                (text, lead.len()..lead.len() + name.len())
            }
            (2, Some(adjective)) => {
                let text = format!("{name}, the {adjective} {},", title.to_lowercase());
                (text, 0..name.len())
            }
            (_, Some(adjective)) if of.kind == EntityKind::Country => {
                let lead = format!("{adjective} {title} ");
                (format!("{lead}{name}"), lead.len()..lead.len() + name.len())
            }
            _ => {
                let lead = format!("{} {title} ", of.name);
                (format!("{lead}{name}"), lead.len()..lead.len() + name.len())
            }
        }
    }

    fn office_sites(&self) -> Vec<Site> {
        let mut sites = Vec::new();
        for mention in &self.claims.mentions {
            let range = mention.span.start..mention.span.end;
            if !self.in_prose(&range) {
                continue;
            }
            match &mention.kind {
                // An office claim that holds: another period's holder in its place.
                MentionKind::Office(claim) if claim.explicit => {
                    if !self.present_tense(&range, false) {
                        continue;
                    }
                    let office = claim.offices[0];
                    if self.holder_on(office) != Some(claim.person) {
                        continue;
                    }
                    let Some(other) = self.other_holder(office, claim.person) else {
                        continue;
                    };
                    let person = claim.person_span.start..claim.person_span.end;
                    let name = self.facts.entity(other).name.to_string();
                    let what = format!("{} -> {name}", &self.source[person.clone()]);
                    sites.push(Site::whole(person, name, what));
                }
                // A person the base knows, named without a title: give them a title they held
                // at another time, or another period's holder of the office they hold.
                MentionKind::Name(targets) => {
                    let Some(person) = single_person(self.facts, targets) else {
                        continue;
                    };
                    // A full name ("May" alone is also a month), in a sentence of the present.
                    if !self.source[range.clone()].contains(' ')
                        || !self.stands_alone(&range)
                        || !self.present_tense(&range, false)
                    {
                        continue;
                    }
                    let Some(term) = self.facts.terms_of_holder(person).next() else {
                        continue;
                    };
                    let office = term.office;
                    let holds = self.holder_on(office) == Some(person);
                    let (planted, what_person) = if holds {
                        match self.other_holder(office, person) {
                            Some(other) => (other, "another period's holder"),
                            None => continue,
                        }
                    } else if self.holder_on(office).is_some() {
                        (person, "a title held at another time")
                    } else {
                        continue;
                    };
                    let (with, region) = self.office_phrase(
                        office,
                        planted,
                        hash(&self.source[range.clone()]) + sites.len(),
                    );
                    let what = format!("{} -> {with} ({what_person})", &self.source[range.clone()]);
                    sites.push(Site {
                        range,
                        with,
                        region,
                        what,
                    });
                }
                _ => {}
            }
        }
        {
            // A country named: a sentence naming another period's holder of its office.
            for (country, at) in self.countries_named() {
                for office in
                    (0..self.facts.offices.len()).filter(|&o| self.facts.office(o).of == country)
                {
                    let Some(holder) = self.holder_on(office) else {
                        continue;
                    };
                    let Some(other) = self.other_holder(office, holder) else {
                        continue;
                    };
                    if self.held_at_paragraph_time(office, other, at) {
                        // The added sentence would be true of the time its paragraph
                        // writes ("On April 25, 2012, ..."): no error to find.
                        continue;
                    }
                    let (phrase, region) = self.office_phrase(office, other, sites.len());
                    let sentence = capitalise(&phrase);
                    let lead = " ";
                    let with = format!("{lead}{sentence} commented on the events.");
                    let region = region.start + lead.len()..region.end + lead.len();
                    let what = format!("added: {}", with.trim());
                    sites.push(Site {
                        range: at..at,
                        with,
                        region,
                        what,
                    });
                    break;
                }
            }
        }
        sites
    }

    /// Countries the article names in prose (the end of the sentence where each is first
    /// named, where a sentence may be added).
    fn countries_named(&self) -> Vec<(EntityId, usize)> {
        let mut found: Vec<(EntityId, usize)> = Vec::new();
        for mention in &self.claims.mentions {
            let MentionKind::Name(targets) = &mention.kind else {
                continue;
            };
            let range = mention.span.start..mention.span.end;
            if !self.in_prose(&range) {
                continue;
            }
            for target in targets {
                if let NameTarget::Entity {
                    entity,
                    form: NameForm::Name,
                    ambiguous: false,
                    ..
                } = *target
                {
                    if self.facts.entity(entity).kind == EntityKind::Country
                        && !found.iter().any(|(e, _)| *e == entity)
                    {
                        let block = &self.doc.blocks[mention.block];
                        let sentence = block.sentence_at(mention.range.start);
                        let end = block.span_of(sentence.clone()).end;
                        if self.source[..end].ends_with(['.', '!', '?']) {
                            found.push((entity, end));
                        }
                    }
                }
            }
        }
        found
    }

    fn count_sites(&self) -> Vec<Site> {
        let mut sites = Vec::new();
        for claim in &self.claims.counts {
            let range = claim.number_span.start..claim.number_span.end;
            if !self.in_prose(&range)
                || self.flagged(RuleId::FactCount, &range)
                || !self.present_tense(&range, true)
            {
                continue;
            }
            let Some(actual) = self.facts.member_count_on(claim.entity, self.date) else {
                continue;
            };
            if actual.value != claim.value {
                continue;
            }
            let with = (claim.value + 1).to_string();
            let what = format!("{} -> {with}", &self.source[range.clone()]);
            sites.push(Site::whole(range, with, what));
        }
        // An organisation named: write its member count, off by one, in its place.
        for mention in &self.claims.mentions {
            let MentionKind::Name(targets) = &mention.kind else {
                continue;
            };
            let range = mention.span.start..mention.span.end;
            if !self.in_prose(&range) {
                continue;
            }
            let Some(org) = targets.iter().find_map(|t| match *t {
                NameTarget::Entity {
                    entity,
                    form: NameForm::Name,
                    ..
                } if self.facts.entity(entity).kind == EntityKind::Organisation => Some(entity),
                _ => None,
            }) else {
                continue;
            };
            let Some(actual) = self.facts.member_count_on(org, self.date) else {
                continue;
            };
            if !self.stands_alone(&range) || !self.present_tense(&range, true) {
                continue;
            }
            let written = &self.source[range.clone()];
            let wrong = actual.value + 1;
            let the = self.source[..range.start].ends_with("the ")
                || self.source[..range.start].ends_with("The ");
            let lead = if the { "" } else { "the " };
            let shapes = [
                format!("{lead}{wrong} {written} member states"),
                format!("{lead}{wrong}-member {written}"),
                format!("{written} and its {wrong} members"),
            ];
            let with = shapes[(hash(written) + sites.len()) % shapes.len()].clone();
            let at = with.find(&wrong.to_string()).unwrap_or(0);
            let what = format!("{written} -> {with}");
            sites.push(Site {
                range,
                region: at..at + wrong.to_string().len(),
                with,
                what,
            });
        }
        sites
    }

    /// A city to swap in for a capital: a capitalised place the article names after "in"
    /// that the fact base does not know, else another country's capital.
    fn other_city(&self, country: EntityId, capital: &str) -> String {
        let known = |word: &str| !self.facts.find(word).is_empty();
        let mut at = 0;
        while let Some(found) = self.source[at..].find(" in ") {
            let start = at + found + 4;
            at = start;
            let word: String = self.source[start..]
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '-')
                .collect();
            let next = self.source[start + word.len()..].chars().next();
            let ends = next.is_some_and(|c| matches!(c, ' ' | ',' | '.' | ';' | ':'))
                && !self.source[start + word.len()..]
                    .trim_start_matches(' ')
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == 'd');
            if ends
                && word.chars().count() >= 4
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).all(char::is_lowercase)
                && word != capital
                && !known(&word)
                && !NOT_PLACES.contains(&word.as_str())
                && !MONTH_NAMES.contains(&word.as_str())
            {
                return word;
            }
        }
        let others: Vec<&str> = self
            .facts
            .capitals
            .iter()
            .filter(|c| c.country != country && c.valid.contains(self.date))
            .map(|c| c.city.as_str())
            .collect();
        others[hash(capital) % others.len()].to_string()
    }

    fn capital_sites(&self) -> Vec<Site> {
        let mut sites = Vec::new();
        for mention in &self.claims.mentions {
            let range = mention.span.start..mention.span.end;
            if !self.in_prose(&range) {
                continue;
            }
            match &mention.kind {
                MentionKind::Capital(claim)
                    if claim.countries.len() == 1
                        && !claim.ambiguous
                        && self.present_tense(&range, false) =>
                {
                    let country = claim.countries[0];
                    let city = claim.city_span.start..claim.city_span.end;
                    let other = self.other_city(country, &claim.city);
                    let what = format!("{} -> {other}", claim.city);
                    sites.push(Site::whole(city, other, what));
                }
                MentionKind::Name(targets) => {
                    let Some(country) = targets.iter().find_map(|t| match *t {
                        NameTarget::Entity {
                            entity,
                            form: NameForm::Name,
                            ambiguous: false,
                            ..
                        } if self.facts.entity(entity).kind == EntityKind::Country => Some(entity),
                        _ => None,
                    }) else {
                        continue;
                    };
                    if !self.stands_alone(&range) || !self.present_tense(&range, false) {
                        continue;
                    }
                    let Some(capital) = self
                        .facts
                        .capitals_of(country)
                        .find(|c| c.valid.contains(self.date))
                    else {
                        continue;
                    };
                    let entity = self.facts.entity(country);
                    let other = self.other_city(country, &capital.city);
                    let written = &self.source[range.clone()];
                    let shape = (hash(written) + sites.len()) % 3;
                    let (with, at) = match (shape, entity.adjectives.first()) {
                        (1, Some(adjective)) => {
                            let lead = format!("the {adjective} capital, ");
                            (format!("{lead}{other},"), lead.len())
                        }
                        (2, Some(adjective)) => {
                            let lead = format!("the {adjective} capital ");
                            (format!("{lead}{other}"), lead.len())
                        }
                        _ => (format!("{other}, the capital of {written},"), 0),
                    };
                    let what = format!("{written} -> {with}");
                    sites.push(Site {
                        range,
                        region: at..at + other.len(),
                        with,
                        what,
                    });
                }
                _ => {}
            }
        }
        sites
    }

    fn spelling_sites(&self, settings: &Settings) -> Vec<Site> {
        let table = factlint::internals::spelling_table(&settings.style);
        let mut british = Vec::new();
        let mut american = 0;
        for block in &self.doc.blocks {
            if block.is_heading() {
                continue;
            }
            let text = block.text();
            let mut start = None;
            for (at, c) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                match (c.is_alphabetic(), start) {
                    (true, None) => start = Some(at),
                    (false, Some(s)) => {
                        start = None;
                        let word = &text[s..at];
                        let Some(variant) = table.get(&word.to_lowercase()) else {
                            continue;
                        };
                        // Capitalised forms are often names ("World Food Programme"),
                        // which no house style changes.
                        if variant.oxford || word.chars().next().is_some_and(char::is_uppercase) {
                            continue;
                        }
                        match variant.dialect {
                            Dialect::American => american += 1,
                            Dialect::British => {
                                let span = block.span_of(s..at);
                                british.push((
                                    span.start..span.end,
                                    match_case(word, variant.counterpart),
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // An article written in British, with enough British words that one American
        // spelling is the odd one out.
        if american > 0 || british.len() < 3 {
            return Vec::new();
        }
        british
            .into_iter()
            .filter(|(range, _)| self.in_prose(range))
            .map(|(range, with)| {
                let what = format!("{} -> {with}", &self.source[range.clone()]);
                Site::whole(range, with, what)
            })
            .collect()
    }

    /// A person the base knows, named in the article's prose, misspelt by one transposition
    /// in the surname (a spelling that is no name the base knows, nor a transliteration:
    /// "i", "y", "j" and accented letters are left alone). fact-name judges a name after the
    /// title of an office the person held around the article's date, and a full name with
    /// no title when the article also names the person correctly; only such mentions are
    /// misspelt.
    fn name_sites(&self) -> Vec<Site> {
        let mut named: Vec<EntityId> = Vec::new();
        for mention in &self.claims.mentions {
            if let MentionKind::Name(targets) = &mention.kind {
                if let Some(person) = single_person(self.facts, targets) {
                    named.push(person);
                }
            }
        }
        let mut sites = Vec::new();
        for mention in &self.claims.mentions {
            let MentionKind::Name(targets) = &mention.kind else {
                continue;
            };
            let Some(person) = single_person(self.facts, targets) else {
                continue;
            };
            let range = mention.span.start..mention.span.end;
            let written = &self.source[range.clone()];
            let words = written.split(' ').count();
            if !(1..=4).contains(&words) || !self.in_prose(&range) || self.in_post(&range) {
                continue;
            }
            let fits = match self.title_before(&range) {
                // After a title: one the person held around the article's date, and a
                // surname alone only if long (short ones are left alone).
                Some(offices) => {
                    self.held_around(person, &offices)
                        && (words > 1 || written.chars().count() >= 8)
                        && self.ends_alone(&range)
                }
                // No title: a full name, named again elsewhere (so the article still writes
                // it correctly).
                None => {
                    words > 1
                        && named.iter().filter(|&&p| p == person).count() >= 2
                        && self.stands_alone(&range)
                }
            };
            if !fits {
                continue;
            }
            let Some(misspelt) = transpose_surname(written, hash(written)) else {
                continue;
            };
            if !self.facts.find(&misspelt).is_empty()
                || self
                    .facts
                    .person_names()
                    .any(|n| n.name.eq_ignore_ascii_case(&misspelt))
            {
                continue;
            }
            let what = format!("{written} -> {misspelt}");
            sites.push(Site::whole(range, misspelt, what));
        }
        sites
    }

    /// Whether `range` is in a paragraph that gives a post in translation ("@user: ..."):
    /// someone else's words, though not marked as a quotation.
    fn in_post(&self, range: &Range<usize>) -> bool {
        self.block_at(range.start)
            .is_some_and(|(block, _)| block.text().trim_start().starts_with('@'))
    }

    /// The offices of an office title right before `range` ("President X", "president X").
    fn title_before(&self, range: &Range<usize>) -> Option<Vec<OfficeId>> {
        let (block, at) = self.block_at(range.start)?;
        let text = block.text();
        let names = self.facts.names();
        let title = names
            .find_titles(text)
            .find(|title| title.end <= at && text[title.end..at].trim().is_empty())?;
        Some(names.offices(title.pattern).to_vec())
    }

    /// Whether `person` held one of `offices` from two years before the article's date to
    /// a year after (the time a title may speak of).
    fn held_around(&self, person: EntityId, offices: &[OfficeId]) -> bool {
        let (Some(from), Some(until)) = (
            self.date.checked_sub_months(chrono::Months::new(24)),
            self.date.checked_add_months(chrono::Months::new(12)),
        ) else {
            return false;
        };
        self.facts.terms_of_holder(person).any(|term| {
            offices.contains(&term.office)
                && term.valid.from.is_none_or(|start| start <= until)
                && term.valid.until.is_none_or(|end| end >= from)
        })
    }

    /// Whether the name at `range` ends where a name ends (no possessive, no capitalised word
    /// after it).
    fn ends_alone(&self, range: &Range<usize>) -> bool {
        let after = &self.source[range.end..];
        !(after.starts_with(['\'', '’', '-'])
            || after
                .strip_prefix(' ')
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)))
    }

    /// The ages a person born on `born` may be on the article's date (two when the birth
    /// date is known only to the month or year).
    fn ages_on(&self, born: BirthDate) -> Vec<u32> {
        let first = born.date.0;
        let last = match born.date.1 {
            Precision::Day => first,
            Precision::Month => first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(first),
            Precision::Year => NaiveDate::from_ymd_opt(first.year(), 12, 31).unwrap_or(first),
        };
        let mut ages: Vec<u32> = [last, first]
            .into_iter()
            .filter_map(|b| self.date.years_since(b))
            .collect();
        ages.dedup();
        ages
    }

    /// A wrong age for a person of `ages`: two to four years off, so never the off-by-one
    /// near a birthday that fact-age reports only as a warning.
    fn wrong_age(ages: &[u32], pick: usize) -> Option<u32> {
        const DELTAS: [i64; 5] = [2, 3, -2, 4, -3];
        let delta = DELTAS[pick % DELTAS.len()];
        let base = if delta > 0 {
            ages.iter().max()?
        } else {
            ages.iter().min()?
        };
        let wrong = i64::from(*base) + delta;
        (12..=110).contains(&wrong).then_some(wrong as u32)
    }

    /// Whether fact-age judges `person` on the article's date: a birth date known, alive.
    fn judged_age(&self, person: EntityId) -> Option<Vec<u32>> {
        let born = self.facts.birth_date(person)?;
        if self
            .facts
            .death_date(person)
            .is_some_and(|died| died.0 <= self.date)
        {
            return None;
        }
        let ages = self.ages_on(born);
        (ages.iter().all(|&age| age >= 14)).then_some(ages)
    }

    /// An age stated next to a known living person becomes a wrong one; where the article
    /// names such a person by full name with no age, a wrong age is written after the name
    /// ("X, 67,", "X (67)", "X, aged 67,").
    fn age_sites(&self) -> Vec<Site> {
        let mut sites = Vec::new();
        for claim in &self.claims.ages {
            let range = claim.age_span.start..claim.age_span.end;
            if !self.in_prose(&range)
                || self.in_post(&range)
                || !matches!(claim.time, TimeContext::Unqualified | TimeContext::Now)
                || self.flagged(RuleId::FactAge, &range)
            {
                continue;
            }
            let Some(ages) = self.judged_age(claim.person) else {
                continue;
            };
            if !ages.contains(&claim.age) {
                continue;
            }
            let Some(wrong) = Self::wrong_age(&ages, hash(&self.source[range.clone()])) else {
                continue;
            };
            let what = format!("age {} -> {wrong}", claim.age);
            sites.push(Site::whole(range, wrong.to_string(), what));
        }
        for mention in &self.claims.mentions {
            let MentionKind::Name(targets) = &mention.kind else {
                continue;
            };
            let Some(person) = single_person(self.facts, targets) else {
                continue;
            };
            let range = mention.span.start..mention.span.end;
            let written = &self.source[range.clone()];
            if !written.contains(' ')
                || self
                    .claims
                    .ages
                    .iter()
                    .any(|a| a.name_span.start == mention.span.start)
                || !self.in_prose(&range)
                || self.in_post(&range)
                || !self.stands_alone(&range)
                || !self.present_tense(&range, false)
            {
                continue;
            }
            let Some(ages) = self.judged_age(person) else {
                continue;
            };
            let pick = hash(written) + sites.len();
            let Some(wrong) = Self::wrong_age(&ages, pick) else {
                continue;
            };
            let after = &self.source[range.end..];
            // A name followed by a word goes ", 67," before it; by punctuation, ", 67".
            let closes = if after.starts_with(' ') {
                ","
            } else if after.starts_with([',', '.', ';']) {
                ""
            } else {
                continue;
            };
            let (lead, tail) = match pick % 3 {
                1 if closes == "," => (" (", ")"),
                2 => (", aged ", closes),
                _ => (", ", closes),
            };
            let age = wrong.to_string();
            let with = format!("{written}{lead}{age}{tail}");
            let at = written.len() + lead.len();
            let what = format!("added age {age} after {written}");
            sites.push(Site {
                range,
                region: at..at + age.len(),
                with,
                what,
            });
        }
        sites
    }

    fn speech_sites(&self) -> Vec<Site> {
        // `,” she said.` / `,” said Jane Doe.` after a quotation: the clause goes, the
        // quotation ends the sentence.
        let mut sites = Vec::new();
        for (close, open) in [(",”", '“'), (",\"", '"')] {
            self.speech_sites_with(close, open, &mut sites);
        }
        sites
    }

    fn speech_sites_with(&self, close: &str, open: char, sites: &mut Vec<Site>) {
        let bytes = self.source;
        let mut at = 0;
        while let Some(found) = bytes[at..].find(close) {
            let start = at + found;
            at = start + close.len();
            let rest = &bytes[at..];
            let Some(end) = rest.find(['.', '\n']) else {
                continue;
            };
            if !rest[end..].starts_with('.') {
                continue;
            }
            let clause = &rest[..end];
            let words: Vec<&str> = clause.split_whitespace().collect();
            let verb_at = words.iter().position(|w| SPEECH.contains(w));
            let Some(verb_at) = verb_at else {
                continue;
            };
            if words.len() > 6 || words.is_empty() {
                continue;
            }
            let speaker: Vec<&&str> = words
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != verb_at)
                .map(|(_, w)| w)
                .collect();
            if speaker.is_empty()
                || !speaker.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || ["he", "she", "they"].contains(&w.to_lowercase().as_str())
                })
            {
                continue;
            }
            let Some(quote) = self.source[..start].rfind(open) else {
                continue;
            };
            let closing = if open == '“' { "”" } else { "\"" };
            if !self.in_prose(&(quote..quote + 1))
                || self.source[quote..start].contains('\n')
                || self.flagged(RuleId::QuoteAttribution, &(quote..start))
            {
                continue;
            }
            // Replace `“...,” she said.` with `“....”`: the quotation is where the finding
            // belongs.
            let removed = &self.source[start..at + end + 1];
            let kept = &self.source[quote..start];
            sites.push(Site {
                range: quote..at + end + 1,
                with: format!("{kept}.{closing}"),
                region: 0..kept.len(),
                what: format!("removed {removed:?} after {:?}", excerpt(kept)),
            });
        }
    }
}

/// `name` with two adjacent letters of its last word swapped ("Merkel" -> "Mrekel"): plain
/// lower-case letters other than "i", "y" and "j" (which transliterations interchange), not
/// the first letter, at a place chosen by `pick`.
fn transpose_surname(name: &str, pick: usize) -> Option<String> {
    let last = name.rfind(' ').map_or(0, |space| space + 1);
    let word: Vec<char> = name[last..].chars().collect();
    let plain = |c: char| c.is_ascii_lowercase() && !matches!(c, 'i' | 'y' | 'j');
    let places: Vec<usize> = (1..word.len().saturating_sub(1))
        .filter(|&i| plain(word[i]) && plain(word[i + 1]) && word[i] != word[i + 1])
        .collect();
    if places.is_empty() {
        return None;
    }
    let i = places[pick % places.len()];
    let mut swapped = word;
    swapped.swap(i, i + 1);
    Some(format!(
        "{}{}",
        &name[..last],
        swapped.iter().collect::<String>()
    ))
}

fn excerpt(text: &str) -> String {
    text.chars().take(40).collect()
}

/// Words that name speech in the clause after a quotation.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "added",
    "explained",
    "wrote",
    "noted",
    "told",
    "asked",
];

/// Capitalised words after "in" that name no place (nor do the months).
const NOT_PLACES: &[&str] = &[
    "English",
    "Spanish",
    "French",
    "Arabic",
    "Portuguese",
    "Russian",
    "Chinese",
    "Twitter",
    "Facebook",
    "English",
    "This",
    "That",
    "The",
    "Their",
    "These",
    "Those",
    "Global",
    "Voices",
];

fn single_person(facts: &FactBase, targets: &[NameTarget]) -> Option<EntityId> {
    let mut people = targets.iter().filter_map(|t| match *t {
        NameTarget::Entity { entity, .. } if facts.entity(entity).kind == EntityKind::Person => {
            Some(entity)
        }
        _ => None,
    });
    let person = people.next()?;
    people.all(|p| p == person).then_some(person)
}

/// `word`'s counterpart in the same letter case.
fn match_case(word: &str, counterpart: &str) -> String {
    if word.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = counterpart.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
    } else {
        counterpart.to_string()
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// Whether `at` is inside quotation marks opened earlier in its paragraph.
fn inside_quotation(source: &str, at: usize) -> bool {
    let start = source[..at].rfind("\n\n").map_or(0, |p| p + 2);
    let head = &source[start..at];
    head.matches('“').count() > head.matches('”').count() || head.matches('"').count() % 2 == 1
}
