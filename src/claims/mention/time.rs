//! The time a claim speaks of, as far as its sentence tells: the article's date, "now", an
//! explicit day, month or year ("On Monday, Oct. 3, 2016, ...", "In March 2019, ..."), or
//! some other, vague time ("then", "at the time", "in the 1990s").
//!
//! A sentence's explicit date judges the claim as of that date rather than hiding it. Words
//! that mark a change in a count ("will", "joined", "bringing the total to") are read only in
//! the claim's own clause: "The 30 allies met, and Sweden will join later" still states 30.

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate};
use smallvec::SmallVec;

use super::act_of_office::an_act_of_office;
use super::service::served_the_holder;
use super::tenure::{names_a_tenure, speaks_of_a_tenure};
use crate::claims::date::{month_name, DateClaim, MonthDay};
use crate::text::is_letter_or_digit;

/// A year-less date is read in the year that puts it within this many days of the
/// publication date (half a year).
pub const NEAREST_DAYS: i64 = 183;

/// The day `date` falls on in the year that puts it nearest `anchor`, within half a year.
pub fn nearest_day(date: MonthDay, anchor: NaiveDate) -> Option<NaiveDate> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|year| date.in_year(year))
        .map(|day| (day, (day - anchor).num_days().abs()))
        .filter(|&(_, distance)| distance <= NEAREST_DAYS)
        .min_by_key(|&(_, distance)| distance)
        .map(|(day, _)| day)
}

/// The time a sentence speaks of, as far as its words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeContext {
    /// Nothing moves it away from the article's date.
    Unqualified,
    /// "now", "currently", "today".
    Now,
    /// The sentence writes one explicit time.
    Dated(Dated),
    /// Another, vague time: "then", "at the time", several years, a change over time.
    Other,
}

/// An explicit time written in a claim's sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Dated {
    pub when: When,
    /// The time stands in the claim's own clause or leads the sentence ("In March 2019,
    /// Prime Minister ..."): the claim speaks of that time. Otherwise ("President X, who
    /// visited Kyiv in 2009, said ...") it may speak of the article's date as well.
    pub governs: bool,
    /// Written earlier in the paragraph, not in the claim's sentence.
    pub in_paragraph: bool,
}

/// A day, a stretch of days, a month or a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum When {
    /// Days written with their year: `[from, until)`.
    Days {
        from: NaiveDate,
        until: NaiveDate,
    },
    /// Days written without a year: read in the year nearest the publication date.
    Yearless {
        first: MonthDay,
        last: MonthDay,
    },
    Month {
        year: i32,
        month: u32,
    },
    Year(i32),
}

/// A stretch of days `[from, until)` a claim is judged over, and how to name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// Written in the claim's sentence, or earlier in its paragraph (else it is a
    /// publication date).
    pub from_sentence: bool,
    /// Written earlier in the claim's paragraph rather than in its sentence.
    pub from_paragraph: bool,
    /// Read against a candidate publication date (a publication date itself, or a date
    /// written without its year).
    pub anchored: bool,
    label: Label,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Days,
    Month,
    Year,
}

impl Period {
    /// One day (a publication date).
    pub fn day(date: NaiveDate) -> Period {
        Period {
            from: date,
            until: date.succ_opt().unwrap_or(date),
            from_sentence: false,
            from_paragraph: false,
            anchored: true,
            label: Label::Days,
        }
    }

    /// The days inside the period where facts changed, and its first day: a claim false
    /// on each of them is false throughout (facts are constant between their bounds).
    pub fn checkpoints(self, bounds: impl IntoIterator<Item = NaiveDate>) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = std::iter::once(self.from)
            .chain(
                bounds
                    .into_iter()
                    .filter(|&day| self.from < day && day < self.until),
            )
            .collect();
        days.sort();
        days.dedup();
        days
    }
}

impl fmt::Display for Period {
    /// "on 2019-03-05", "from 2019-03-05 to 2019-03-07", "in March 2019", "in 2019".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label {
            Label::Year => write!(f, "in {}", self.from.year()),
            Label::Month => write!(
                f,
                "in {} {}",
                month_name(self.from.month()),
                self.from.year()
            ),
            Label::Days => {
                let last = self.until.pred_opt().unwrap_or(self.until);
                if last <= self.from {
                    write!(f, "on {}", self.from)
                } else {
                    write!(f, "from {} to {last}", self.from)
                }
            }
        }
    }
}

impl When {
    /// The days meant, reading a year-less date in the year nearest `anchor`.
    pub fn period(self, anchor: Option<NaiveDate>) -> Option<Period> {
        let (from, until, label) = match self {
            When::Days { from, until } => (from, until, Label::Days),
            When::Yearless { first, last } => {
                let from = nearest_day(first, anchor?)?;
                let last = nearest_day(last, from)?;
                (from, last.succ_opt()?, Label::Days)
            }
            When::Month { year, month } => {
                let from = NaiveDate::from_ymd_opt(year, month, 1)?;
                (from, from.checked_add_months(Months::new(1))?, Label::Month)
            }
            When::Year(year) => (
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
                Label::Year,
            ),
        };
        (from < until).then_some(Period {
            from,
            until,
            from_sentence: true,
            from_paragraph: false,
            anchored: matches!(self, When::Yearless { .. }),
            label,
        })
    }
}

impl TimeContext {
    /// Read a sentence alone (no dates known): see [`TimeContext::read`].
    pub fn of(sentence: &str, change_words: bool) -> TimeContext {
        let end = sentence.len();
        TimeContext::read(sentence, 0..end, end..end, &[], change_words)
    }

    /// Read the sentence `sentence` of `text` for the claim at `claim`; `dates` are the
    /// block's dates (any outside the sentence are ignored); `change_words` adds the words
    /// that mark a change in a count ("joined", "will", "bringing the total to").
    pub fn read(
        text: &str,
        sentence: Range<usize>,
        claim: Range<usize>,
        dates: &[DateClaim],
        change_words: bool,
    ) -> TimeContext {
        TimeContext::read_in(
            text,
            sentence,
            claim,
            &ParagraphTimes::new(dates),
            change_words,
        )
    }

    /// [`TimeContext::read`] with the paragraph's times prepared once for all its claims.
    pub fn read_in(
        text: &str,
        sentence: Range<usize>,
        claim: Range<usize>,
        times: &ParagraphTimes,
        change_words: bool,
    ) -> TimeContext {
        TimeContext::read_beside(text, sentence, claim, times, change_words, &[])
    }

    /// [`TimeContext::read_in`] for a claim about a person, with the names of the other
    /// people of the block (`others`): a "former" that qualifies one of them ("Former Prime
    /// Minister X and Prime Minister Y", "Prime Minister Y met former President Z") does not
    /// move the claim.
    pub fn read_beside(
        text: &str,
        sentence: Range<usize>,
        claim: Range<usize>,
        times: &ParagraphTimes,
        change_words: bool,
        others: &[Range<usize>],
    ) -> TimeContext {
        let words = words_of(text, sentence.clone());
        if is_vague(&words) {
            return TimeContext::Other;
        }
        let clause = clause_of(text, sentence.clone(), claim.clone());
        if let Some(lead_word) = leads_with_time_clause(&words) {
            // "When Prime Minister X arrived, ..." narrates another time. A clause led by
            // "before", "after" or "since" moves the claim only when it speaks of a change
            // ("Before Finland joined, the 30 allies ...", "Since X took office, ..."):
            // "After three months of protests, the Armenian President, X, ordered ..." is
            // still the present.
            let lead = clause_of(text, sentence.clone(), sentence.start..sentence.start);
            let lead = lead.start..lead.end.min(claim.start);
            let always = is_word(lead_word, &["when", "whenever", "until", "till"]);
            if always || has_change_words(&words[1..], &lead) || has_office_change(&words, &lead) {
                return TimeContext::Other;
            }
        }
        // "former" and "ex-" qualify their own phrase ("ex-PM Yulia Tymoshenko"); in the
        // claim's clause they move it.
        let own_former = words.iter().any(|&(word, at)| {
            clause.start <= at
                && at < clause.end
                && is_word(word, &["former", "ex", "erstwhile", "onetime"])
                && !qualifies_another(at, &claim, clause.end, others)
        });
        if own_former {
            return TimeContext::Other;
        }
        if change_words && has_change_words(&words, &clause) {
            return TimeContext::Other;
        }
        // An office claim whose clause tells how the holder left ("Prime Minister X
        // resigned"), that names the tenure itself ("President X's library"), or whose
        // sentence sets it in the holder's tenure or an event of it ("During the Trump
        // administration, ...", "the impeachment of President X"), speaks of the time the
        // title was held, not of the article's date.
        if !change_words
            && (has_leaving_words(&words, &clause)
                || names_a_tenure(&text[claim.end..])
                || speaks_of_a_tenure(text, &words, &claim))
        {
            return TimeContext::Other;
        }
        // So does one that does an act only the holder does ("appointed by President X")
        // or whom someone served ("who was chief of staff to President X"), when the
        // sentence gives no time: one it gives ("signed by Prime Minister X in 2015") is the
        // act's, and the title is judged then.
        let in_the_holders_time = !change_words
            && (an_act_of_office(text, &words, &claim) || served_the_holder(text, &words, &claim));
        let dates = times.dates;
        match written_time(text, &sentence, &words, dates) {
            Written::Nothing if in_the_holders_time => TimeContext::Other,
            Written::Nothing => {
                if words.iter().any(|(w, _)| {
                    ["now", "currently", "today"]
                        .iter()
                        .any(|n| w.eq_ignore_ascii_case(n))
                }) {
                    TimeContext::Now
                } else if let Some(when) = times.earlier(text, sentence.start) {
                    // A sentence that writes no time, in a paragraph that wrote one before
                    // it ("LONDON, May 2, 2018 (Xinhua) -- ... on May 2, 2018. British Prime
                    // Minister Theresa May held a meeting here on Wednesday."), may go on
                    // narrating that time: the claim is judged then as well as on the
                    // article's date, and reported only when false at both.
                    TimeContext::Dated(Dated {
                        when,
                        governs: false,
                        in_paragraph: true,
                    })
                } else {
                    TimeContext::Unqualified
                }
            }
            Written::Several => TimeContext::Other,
            Written::One(when, at) => {
                // A year alone governs only when it leads the sentence ("In 2016, ..."):
                // "President Obama, elected in 2008" speaks of the present too. A day or a
                // month governs in the claim's own clause, unless a relative or subordinate
                // clause stands between them ("who stood by you during your election in 2008").
                let between = if at.start >= claim.end {
                    claim.end..at.start
                } else {
                    at.end.min(claim.start)..claim.start
                };
                // After the claim, only a time the clause is set at ("met on Nov. 29"), not
                // one it names ("called an election for July 4").
                let set_at = at.start < claim.end || preposition_before(text, at.start);
                let in_clause = clause.start <= at.start
                    && at.end <= clause.end
                    && !matches!(when, When::Year(_))
                    && set_at
                    && !has_subordinate(&text[between]);
                let leads = at.end <= claim.start && leads_sentence(text, &sentence, &at, &claim);
                TimeContext::Dated(Dated {
                    when,
                    governs: in_clause || leads,
                    in_paragraph: false,
                })
            }
        }
    }

    /// The periods a claim must be false throughout to be reported, given the article's
    /// judgement dates; `None` when it speaks of a time that cannot be judged (or of the
    /// article's date when that is unknown).
    pub fn periods(self, dates: &[NaiveDate]) -> Option<Vec<Period>> {
        let publication: Vec<Period> = dates.iter().map(|&d| Period::day(d)).collect();
        match self {
            TimeContext::Unqualified | TimeContext::Now => {
                (!publication.is_empty()).then_some(publication)
            }
            TimeContext::Other => None,
            TimeContext::Dated(Dated {
                when,
                governs,
                in_paragraph,
            }) => {
                let mut periods = Vec::new();
                match when {
                    When::Yearless { .. } => {
                        if dates.is_empty() {
                            return None;
                        }
                        for &date in dates {
                            periods.push(when.period(Some(date))?);
                        }
                    }
                    _ => periods.push(when.period(None)?),
                }
                for period in &mut periods {
                    period.from_paragraph = in_paragraph;
                }
                if !governs {
                    if publication.is_empty() {
                        return None;
                    }
                    let written = periods.clone();
                    periods.extend(publication.into_iter().filter(|day| {
                        !written
                            .iter()
                            .any(|p| p.from <= day.from && day.from < p.until)
                    }));
                }
                Some(periods)
            }
        }
    }

    /// The time two counts must share to be compared: a date outside the claim's clause,
    /// or a year-less one (this week's news), leaves the claim in the article's present.
    pub fn agreement_key(self) -> TimeContext {
        match self {
            TimeContext::Dated(Dated {
                when: When::Yearless { .. },
                ..
            })
            | TimeContext::Dated(Dated { governs: false, .. }) => TimeContext::Unqualified,
            other => other,
        }
    }

    /// Whether judging the claim depends on the publication date at all (a claim judged
    /// as of its sentence's date does not help to settle the article's).
    pub fn follows_publication(self) -> bool {
        matches!(self, TimeContext::Unqualified | TimeContext::Now)
    }
}

type Words<'t> = SmallVec<[(&'t str, usize); 48]>;

/// The sentence's words (letters and digits) with their offsets in `text`.
pub(super) fn words_of(text: &str, sentence: Range<usize>) -> Words<'_> {
    let mut words = Words::new();
    let mut start = None;
    for (at, c) in text[sentence.clone()].char_indices() {
        let at = sentence.start + at;
        match (is_letter_or_digit(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push((&text[s..at], s));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((&text[s..sentence.end], s));
    }
    words
}

/// Whether `word` is one of `list`, in any case.
pub(super) fn is_word(word: &str, list: &[&str]) -> bool {
    list.iter().any(|p| word.eq_ignore_ascii_case(p))
}

fn has_phrase(words: &[(&str, usize)], phrases: &[&[&str]]) -> bool {
    phrases.iter().any(|phrase| {
        words.windows(phrase.len()).any(|window| {
            window
                .iter()
                .zip(phrase.iter())
                .all(|((w, _), p)| w.eq_ignore_ascii_case(p))
        })
    })
}

/// Words that move the whole sentence to another, unnamed time.
fn is_vague(words: &[(&str, usize)]) -> bool {
    const OTHER: &[&str] = &[
        "then",
        "formerly",
        "previously",
        "ago",
        "once",
        "originally",
    ];
    const OTHER_PHRASES: &[&[&str]] = &[
        &["at", "the", "time"],
        &["at", "that", "time"],
        &["in", "the", "past"],
        &["the", "late"],
        &["in", "those", "days"],
        &["last", "year"],
        &["last", "month"],
        &["last", "winter"],
        &["last", "spring"],
        &["last", "summer"],
        &["last", "autumn"],
        &["last", "fall"],
        &["years", "earlier"],
        &["years", "before"],
    ];
    words.iter().any(|(w, _)| is_word(w, OTHER) || is_decade(w)) || has_phrase(words, OTHER_PHRASES)
}

/// "1990s", "90s".
fn is_decade(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|digits| {
        matches!(digits.len(), 2 | 4)
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.ends_with('0')
    })
}

/// "When Finland joined, ...", "Before the summit, ...": a sentence led by a time clause
/// speaks of that time, which the words do not date.
fn leads_with_time_clause<'t>(words: &[(&'t str, usize)]) -> Option<&'t str> {
    words.first().map(|&(w, _)| w).filter(|w| {
        is_word(
            w,
            &[
                "when", "before", "after", "until", "till", "since", "whenever",
            ],
        )
    })
}

/// Whether any of `list` stands in `range`.
fn has_in(words: &[(&str, usize)], range: &Range<usize>, list: &[&str]) -> bool {
    words
        .iter()
        .any(|(w, at)| range.start <= *at && *at < range.end && is_word(w, list))
}

/// Whether the word at `at` qualifies another person's name: one stands between it and the
/// claim ("Former Prime Minister X and Prime Minister Y"), or follows it after the claim in
/// the clause ending at `clause_end` ("Prime Minister Y met former President Z").
fn qualifies_another(
    at: usize,
    claim: &Range<usize>,
    clause_end: usize,
    others: &[Range<usize>],
) -> bool {
    if at < claim.start {
        others
            .iter()
            .any(|other| at < other.start && other.end <= claim.start)
    } else if at >= claim.end {
        others
            .iter()
            .any(|other| at < other.start && other.end <= clause_end)
    } else {
        false
    }
}

/// Words of a change of office holder: "Since X took office", "After Y resigned".
fn has_office_change(words: &[(&str, usize)], range: &Range<usize>) -> bool {
    has_in(
        words,
        range,
        &[
            "elected",
            "took",
            "resigned",
            "stepped",
            "left",
            "ousted",
            "appointed",
            "sworn",
            "succeeded",
            "replaced",
            "became",
            "died",
            "won",
            "lost",
            "election",
        ],
    )
}

/// Words of leaving an office: "X resigned", "X stepped down", "X was ousted".
fn has_leaving_words(words: &[(&str, usize)], clause: &Range<usize>) -> bool {
    has_in(
        words,
        clause,
        &[
            "resigned",
            "resigning",
            "stepped",
            "quit",
            "ousted",
            "deposed",
            "toppled",
            "overthrown",
            "impeached",
            "retired",
            "died",
            "assassinated",
        ],
    )
}

/// Words of change in the claim's clause: "will", "joined", "bringing the total to".
fn has_change_words(words: &[(&str, usize)], clause: &Range<usize>) -> bool {
    const CHANGE: &[&str] = &[
        "until",
        "before",
        "after",
        "when",
        "since",
        "joined",
        "joins",
        "joining",
        "founding",
        "founded",
        "became",
        "become",
        "becomes",
        "grew",
        "grow",
        "expanded",
        "enlarged",
        "enlargement",
        "bringing",
        "brought",
        "rose",
        "increased",
        "next",
        "soon",
        "later",
        "earlier",
        "newest",
        "original",
    ];
    const CHANGE_PHRASES: &[&[&str]] = &[
        &["used", "to"],
        &["last", "year"],
        &["new", "member"],
        &["new", "members"],
    ];
    let in_clause: SmallVec<[(&str, usize); 24]> = words
        .iter()
        .copied()
        .filter(|(_, at)| clause.start <= *at && *at < clause.end)
        .collect();
    in_clause.iter().any(|(w, _)| is_word(w, CHANGE))
        || has_phrase(&in_clause, CHANGE_PHRASES)
        || future_of_a_count(&in_clause)
}

/// "will have 33 members", "would become the 32nd member": a future that speaks of the
/// count itself. "The 32 allies will meet in July" still states 32.
fn future_of_a_count(words: &[(&str, usize)]) -> bool {
    const FUTURE: &[&str] = &["will", "would", "shall", "could", "might", "ll"];
    const SKIP: &[&str] = &[
        "soon",
        "then",
        "also",
        "now",
        "eventually",
        "not",
        "still",
        "only",
    ];
    const VERBS: &[&str] = &[
        "have", "be", "become", "grow", "rise", "number", "count", "include", "expand", "reach",
        "total", "comprise", "welcome", "admit", "gain", "lose", "shrink", "fall", "increase",
        "swell", "join", "bring",
    ];
    words.iter().enumerate().any(|(index, (word, _))| {
        is_word(word, FUTURE)
            && words[index + 1..]
                .iter()
                .find(|(next, _)| !is_word(next, SKIP))
                .is_some_and(|(next, _)| is_word(next, VERBS))
    })
}

/// The clause holding the claim: from the punctuation before it to the punctuation after
/// it (a claim that spans commas, as an appositive does, keeps them).
fn clause_of(text: &str, sentence: Range<usize>, claim: Range<usize>) -> Range<usize> {
    const MARKS: &[char] = &[',', ';', ':', '—', '–', '(', ')', '"', '“', '”'];
    let claim_start = claim.start.clamp(sentence.start, sentence.end);
    let claim_end = claim.end.clamp(claim_start, sentence.end);
    let head = &text[sentence.start..claim_start];
    let start = head
        .rfind(MARKS)
        .map_or(sentence.start, |at| sentence.start + at + 1);
    let tail = &text[claim_end..sentence.end];
    let end = tail.find(MARKS).map_or(sentence.end, |at| claim_end + at);
    start..end
}

/// Whether "on", "in" or "during" (and perhaps a weekday) comes right before `at`.
fn preposition_before(text: &str, at: usize) -> bool {
    let mut words = text[..at]
        .rsplit(|c: char| !is_letter_or_digit(c))
        .filter(|w| !w.is_empty());
    let mut word = words.next();
    if word.is_some_and(super::is_calendar_word) {
        word = words.next();
    }
    word.is_some_and(|w| is_word(w, &["on", "in", "during"]))
}

/// Whether `text` holds a word that opens a relative or subordinate clause.
fn has_subordinate(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "who", "whom", "whose", "which", "that", "when", "where", "while", "because", "since",
        "after", "before", "until", "during", "as", "if", "although", "though", "whether",
    ];
    text.split(|c: char| !is_letter_or_digit(c))
        .any(|word| is_word(word, WORDS))
}

/// Whether the time at `at` leads the sentence ("In March 2019,", "On Monday, Oct. 3,")
/// and nothing but a few words of the main clause stand between it and the claim.
fn leads_sentence(
    text: &str,
    sentence: &Range<usize>,
    at: &Range<usize>,
    claim: &Range<usize>,
) -> bool {
    const LEADS: &[&str] = &[
        "on", "in", "by", "as", "of", "early", "during", "last", "this",
    ];
    let words = |range: Range<usize>| -> Vec<&str> {
        text[range]
            .split(|c: char| !is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
            .collect()
    };
    let lead = words(sentence.start..at.start);
    if lead.len() > 3
        || !lead
            .iter()
            .all(|w| is_word(w, LEADS) || super::is_calendar_word(w))
    {
        return false;
    }
    let between = words(at.end..claim.start);
    between.len() <= 6 && !between.iter().any(|w| has_subordinate(w))
}

/// The explicit times a sentence writes.
enum Written {
    Nothing,
    /// One time, and where it is written.
    One(When, Range<usize>),
    Several,
}

/// The sentence's dates, months of a year and years, merged when they are one time (a
/// range of days, a date and its own year).
fn written_time(
    text: &str,
    sentence: &Range<usize>,
    words: &[(&str, usize)],
    dates: &[DateClaim],
) -> Written {
    let mut found: SmallVec<[(When, Range<usize>); 4]> = SmallVec::new();
    let mut covered: SmallVec<[Range<usize>; 4]> = SmallVec::new();
    // The block's dates are in reading order: only those of the sentence are read.
    let first = dates.partition_point(|date| date.range.start < sentence.start);
    let last = dates.partition_point(|date| date.range.start < sentence.end);
    for date in &dates[first..last.max(first)] {
        if date.range.end > sentence.end {
            continue;
        }
        let mut extent = date.range.clone();
        if let Some(year) = &date.year_part {
            extent.end = extent.end.max(year.range().end);
            extent.start = extent.start.min(year.range().start);
        }
        covered.push(extent.clone());
        let Some(md) = date.month_day() else {
            return Written::Several;
        };
        let when = match date.year {
            Some(year) => match md.in_year(year) {
                Some(day) => When::Days {
                    from: day,
                    until: day + Days::new(1),
                },
                None => return Written::Several,
            },
            None => When::Yearless {
                first: md,
                last: md,
            },
        };
        found.push((when, extent));
    }
    for (index, &(word, at)) in words.iter().enumerate() {
        let Some(year) = year_of(word) else {
            continue;
        };
        if covered.iter().any(|r| r.start <= at && at < r.end) {
            continue;
        }
        // "2000 GMT", "1200 local time": a time of day, not a year.
        if words.get(index + 1).is_some_and(|(next, _)| {
            is_word(
                next,
                &[
                    "GMT", "UTC", "BST", "CET", "EST", "ET", "local", "hours", "hrs", "am", "pm",
                ],
            )
        }) {
            continue;
        }
        let month = index
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .and_then(|(w, _)| month_number(w).map(|m| (m, words[index - 1].1)));
        match month {
            Some((month, start)) => {
                found.push((When::Month { year, month }, start..at + word.len()))
            }
            None => found.push((When::Year(year), at..at + word.len())),
        }
    }
    let _ = text;
    let Some((first, first_at)) = found.first().cloned() else {
        return Written::Nothing;
    };
    let mut merged = first;
    for (when, _) in &found[1..] {
        match merge(merged, *when) {
            Some(both) => merged = both,
            None => return Written::Several,
        }
    }
    Written::One(merged, first_at)
}

/// Two written times that are one: the same time, or days within a month of each other.
fn merge(a: When, b: When) -> Option<When> {
    if a == b {
        return Some(a);
    }
    const MONTH: i64 = 31;
    match (a, b) {
        (
            When::Days { from, until },
            When::Days {
                from: f2,
                until: u2,
            },
        ) => {
            let (from, until) = (from.min(f2), until.max(u2));
            ((until - from).num_days() <= MONTH).then_some(When::Days { from, until })
        }
        (
            When::Yearless { first, last },
            When::Yearless {
                first: f2,
                last: l2,
            },
        ) => {
            let (first, last) = (first.min(f2), last.max(l2));
            (first.month == last.month || first.month + 1 == last.month)
                .then_some(When::Yearless { first, last })
        }
        // "the year 2019 ... on March 5, 2019": the day is the narrower.
        (When::Days { from, .. }, When::Year(year))
        | (When::Year(year), When::Days { from, .. })
            if from.year() == year =>
        {
            Some(if matches!(a, When::Days { .. }) { a } else { b })
        }
        _ => None,
    }
}

/// A four-digit year between 1800 and 2099.
/// Words after which a paragraph speaks of the present again ("... who are nowadays still
/// present in politics."): a time written before them is not carried on.
const NOW_WORDS: &[&str] = &["now", "nowadays", "today", "currently"];

/// A paragraph's dates, and the words its sentences' claims look back at, found once for
/// the whole paragraph the first time a claim's sentence writes no time of its own: looking
/// back from each claim would read a long paragraph once per claim.
pub struct ParagraphTimes<'d> {
    dates: &'d [DateClaim],
    index: std::cell::OnceCell<TimeWords>,
}

/// Where the paragraph's "now" words end, and which of its words are years (word ranges).
struct TimeWords {
    words: Vec<Range<usize>>,
    now_ends: Vec<usize>,
    years: Vec<usize>,
}

impl<'d> ParagraphTimes<'d> {
    /// `dates` are the paragraph's dates, in reading order.
    pub fn new(dates: &'d [DateClaim]) -> ParagraphTimes<'d> {
        ParagraphTimes {
            dates,
            index: std::cell::OnceCell::new(),
        }
    }

    /// The last time written with its year in `text[..before]` (the paragraph before a
    /// sentence): a date with its year ("May 2, 2018"), a month and year ("March 2019") or a
    /// year ("in 2016"), whichever stands nearest the sentence, unless the paragraph has come
    /// back to the present since.
    fn earlier(&self, text: &str, before: usize) -> Option<When> {
        if before == 0 {
            return None;
        }
        let index = self.index.get_or_init(|| TimeWords::of(text));
        let words = &index.words;
        let nows = index.now_ends.partition_point(|&end| end <= before);
        let from = nows.checked_sub(1).map_or(0, |last| index.now_ends[last]);
        let date = self.dates[..self.dates.partition_point(|date| date.range.start < before)]
            .iter()
            .rev()
            .filter(|date| date.range.start >= from && date.range.end <= before)
            .find_map(|date| {
                let day = date.month_day()?.in_year(date.year?)?;
                let end = date
                    .year_part
                    .as_ref()
                    .map_or(date.range.end, |year| year.range().end.max(date.range.end));
                let when = When::Days {
                    from: day,
                    until: day + Days::new(1),
                };
                Some((end, when))
            });
        let after = from.max(date.as_ref().map_or(0, |&(end, _)| end));
        let years = index
            .years
            .partition_point(|&word| words[word].start < before);
        let year = index.years[..years]
            .iter()
            .rev()
            .take_while(|&&word| words[word].start >= after)
            .filter(|&&word| words[word].end <= before)
            .find_map(|&word| {
                let year = year_of(&text[words[word].clone()])?;
                // "2000 GMT" is a time of day (the next word, when the paragraph reaches it
                // before the sentence).
                let time_of_day = words
                    .get(word + 1)
                    .filter(|next| next.start < before)
                    .is_some_and(|next| {
                        is_word(
                            &text[next.start..next.end.min(before)],
                            &[
                                "GMT", "UTC", "BST", "CET", "EST", "ET", "local", "hours", "hrs",
                                "am", "pm",
                            ],
                        )
                    });
                if time_of_day {
                    return None;
                }
                let month = word
                    .checked_sub(1)
                    .and_then(|i| month_number(&text[words[i].clone()]));
                Some(match month {
                    Some(month) => When::Month { year, month },
                    None => When::Year(year),
                })
            });
        year.or(date.map(|(_, when)| when))
    }
}

impl TimeWords {
    fn of(text: &str) -> TimeWords {
        let words: Vec<Range<usize>> = words_of(text, 0..text.len())
            .iter()
            .map(|&(word, at)| at..at + word.len())
            .collect();
        let now_ends = words
            .iter()
            .filter(|word| is_word(&text[(*word).clone()], NOW_WORDS))
            .map(|word| word.end)
            .collect();
        // "the 1960's" is a decade.
        let years = (0..words.len())
            .filter(|&i| {
                let word = &words[i];
                let rest = &text[word.end..];
                year_of(&text[word.clone()]).is_some()
                    && !rest.starts_with("'s")
                    && !rest.starts_with("’s")
            })
            .collect();
        TimeWords {
            words,
            now_ends,
            years,
        }
    }
}

fn year_of(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok().filter(|_| word.len() == 4)?;
    (1800..2100).contains(&year).then_some(year)
}

/// A month's full name ("March"; "May" only capitalised, as every month name here).
fn month_number(word: &str) -> Option<u32> {
    (1..=12).find(|&m| month_name(m) == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_time(sentence: &str, change_words: bool, expected: TimeContext) {
        assert_eq!(
            TimeContext::of(sentence, change_words),
            expected,
            "{sentence:?}"
        );
    }

    fn dated(when: When, governs: bool) -> TimeContext {
        TimeContext::Dated(Dated {
            when,
            governs,
            in_paragraph: false,
        })
    }

    #[test]
    fn sentences_say_which_time_they_speak_of() {
        assert_time("The 30 allies met.", true, TimeContext::Unqualified);
        assert_time("NATO now has 32 members.", true, TimeContext::Now);
        assert_time(
            "In 2008 the 26 allies met.",
            true,
            dated(When::Year(2008), true),
        );
        assert_time("From 2008 to 2009 they grew.", false, TimeContext::Other);
        assert_time(
            "At the time the alliance had 26 members.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "In the 1990s the alliance had 16 members.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "Albania joined, bringing the total to 28.",
            true,
            TimeContext::Other,
        );
        assert_time(
            "Albania joined, bringing the total to 28.",
            false,
            TimeContext::Unqualified,
        );
        assert_time(
            "When Finland joined, the 30 allies cheered.",
            true,
            TimeContext::Other,
        );
        assert_time(
            "Before the summit opened, the 30 allies held talks.",
            true,
            TimeContext::Unqualified,
        );
        assert_time(
            "When Prime Minister Theresa May arrived, the talks were over.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "After three months of protests, the Armenian President ordered it.",
            false,
            TimeContext::Unqualified,
        );
        assert_time(
            "Since Theresa May took office, the Prime Minister has travelled.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "The law is a concession President Dmitry Medvedev offered last winter.",
            false,
            TimeContext::Other,
        );
        assert_time(
            "While President Sata is suing citizens, he is immune.",
            false,
            TimeContext::Unqualified,
        );
        assert_time(
            "In March 2019, Prime Minister Theresa May spoke.",
            false,
            dated(
                When::Month {
                    year: 2019,
                    month: 3,
                },
                true,
            ),
        );
        assert_time(
            "The 30 allies met at 2000 GMT.",
            true,
            TimeContext::Unqualified,
        );
    }

    #[test]
    fn change_words_count_only_in_the_claims_clause() {
        let text = "The 30 NATO allies met, and Sweden will join later.";
        let claim = 4..22;
        assert_eq!(
            TimeContext::read(text, 0..text.len(), claim, &[], true),
            TimeContext::Unqualified
        );
        let text = "The 32 allies will meet in July.";
        assert_eq!(
            TimeContext::read(text, 0..text.len(), 4..15, &[], true),
            TimeContext::Unqualified
        );
        let text = "NATO will have 32 members.";
        assert_eq!(
            TimeContext::read(text, 0..text.len(), 15..25, &[], true),
            TimeContext::Other
        );
    }

    #[test]
    fn a_date_the_clause_names_is_not_its_time() {
        let text = "Prime Minister Rishi Sunak called an election for July 4.";
        let when = When::Yearless {
            first: MonthDay { month: 7, day: 4 },
            last: MonthDay { month: 7, day: 4 },
        };
        let dates = crate::claims::date::test_support::dates_of(text, None);
        assert_eq!(
            TimeContext::read(text, 0..text.len(), 0..26, &dates, false),
            dated(when, false)
        );
        let text = "Prime Minister Rishi Sunak spoke on July 4.";
        let dates = crate::claims::date::test_support::dates_of(text, None);
        assert_eq!(
            TimeContext::read(text, 0..text.len(), 0..26, &dates, false),
            dated(when, true)
        );
    }

    /// The claim's time in `text` when its sentence is the one starting at `sentence` and
    /// the claim is the first `claim_len` bytes of it.
    fn time_in_paragraph(text: &str, sentence: &str, claim_len: usize) -> TimeContext {
        let start = text.find(sentence).expect("the sentence is in the text");
        let dates = crate::claims::date::test_support::dates_of(text, None);
        TimeContext::read(
            text,
            start..start + sentence.len(),
            start..start + claim_len,
            &dates,
            false,
        )
    }

    fn in_paragraph(when: When) -> TimeContext {
        TimeContext::Dated(Dated {
            when,
            governs: false,
            in_paragraph: true,
        })
    }

    #[test]
    fn a_sentence_without_a_time_also_speaks_of_its_paragraphs() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // A wire photo caption dated before the article.
        let text = "LONDON, May 2, 2018 (Xinhua) -- Ministers arrive on May 2, 2018. \
                    Prime Minister Theresa May held a meeting here on Wednesday.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May held", 29),
            in_paragraph(When::Days {
                from: day(2018, 5, 2),
                until: day(2018, 5, 3)
            })
        );
        let text = "In 2016, the country voted to leave. Prime Minister David Cameron spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister David Cameron spoke.", 28),
            in_paragraph(When::Year(2016))
        );
        let text = "In March 2019, talks stalled. Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke.", 26),
            in_paragraph(When::Month {
                year: 2019,
                month: 3
            })
        );
        // The time nearest the sentence.
        let text = "In 2016, the country voted. On May 2, 2018, ministers met. \
                    Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke.", 26),
            in_paragraph(When::Days {
                from: day(2018, 5, 2),
                until: day(2018, 5, 3)
            })
        );
        // The sentence's own time, "now", or a time of day: no paragraph time.
        let text = "In 2016, the country voted. Prime Minister Theresa May spoke in 2018.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke in 2018.", 26),
            dated(When::Year(2018), false)
        );
        let text = "In 2016, the country voted. Today Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Today Prime Minister Theresa May spoke.", 32),
            TimeContext::Now
        );
        // Back in the present, or a decade: nothing is carried on.
        let text = "In 1961, he was elected, and nowadays his allies are still in politics. \
                    Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke.", 26),
            TimeContext::Unqualified
        );
        let text = "Figures of the 1960's are still remembered. Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke.", 26),
            TimeContext::Unqualified
        );
        let text = "The talks ended at 2000 GMT. Prime Minister Theresa May spoke.";
        assert_eq!(
            time_in_paragraph(text, "Prime Minister Theresa May spoke.", 26),
            TimeContext::Unqualified
        );
    }

    #[test]
    fn a_paragraphs_time_is_judged_with_the_articles_date() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let periods = in_paragraph(When::Year(2016))
            .periods(&[day(2019, 9, 4)])
            .unwrap();
        assert_eq!(periods.len(), 2, "{periods:?}");
        assert!(periods[0].from_sentence && periods[0].from_paragraph);
        assert_eq!(periods[1], Period::day(day(2019, 9, 4)));
    }

    #[test]
    fn a_former_of_another_person_does_not_move_the_claim() {
        let text = "Former Prime Minister Theresa May and Prime Minister Boris Johnson met.";
        let claim = text.find("Prime Minister Boris").unwrap()..text.find(" met").unwrap();
        let may = text.find("Theresa May").unwrap()..text.find(" and").unwrap();
        let read = |others: &[Range<usize>]| {
            let times = ParagraphTimes::new(&[]);
            TimeContext::read_beside(text, 0..text.len(), claim.clone(), &times, false, others)
        };
        assert_eq!(read(&[]), TimeContext::Other);
        assert_eq!(read(&[may]), TimeContext::Unqualified);
        let text = "Prime Minister Boris Johnson met former President Emmanuel Macron.";
        let claim = 0..text.find(" met").unwrap();
        let macron = text.find("Emmanuel").unwrap()..text.len() - 1;
        let times = ParagraphTimes::new(&[]);
        assert_eq!(
            TimeContext::read_beside(text, 0..text.len(), claim, &times, false, &[macron]),
            TimeContext::Unqualified
        );
        // "former" right before the claim, with no other person between, still moves it.
        let text = "A former adviser to Prime Minister Boris Johnson was charged.";
        let claim = text.find("Prime").unwrap()..text.find(" was").unwrap();
        assert_eq!(
            TimeContext::read_beside(text, 0..text.len(), claim, &times, false, &[]),
            TimeContext::Other
        );
    }

    #[test]
    fn a_year_in_another_clause_does_not_govern_the_claim() {
        let text = "President Joe Biden, who visited Kyiv in 2009, spoke.";
        assert_eq!(
            TimeContext::read(text, 0..text.len(), 0..19, &[], false),
            dated(When::Year(2009), false)
        );
    }

    #[test]
    fn periods_are_named_as_written() {
        let period = When::Month {
            year: 2019,
            month: 3,
        }
        .period(None)
        .unwrap();
        assert_eq!(period.to_string(), "in March 2019");
        assert_eq!(
            When::Year(2016).period(None).unwrap().to_string(),
            "in 2016"
        );
        let day = NaiveDate::from_ymd_opt(2016, 10, 3).unwrap();
        let period = When::Days {
            from: day,
            until: day + Days::new(1),
        }
        .period(None)
        .unwrap();
        assert_eq!(period.to_string(), "on 2016-10-03");
        let yearless = When::Yearless {
            first: MonthDay { month: 10, day: 3 },
            last: MonthDay { month: 10, day: 3 },
        };
        assert_eq!(
            yearless
                .period(Some(NaiveDate::from_ymd_opt(2017, 1, 10).unwrap()))
                .unwrap()
                .from,
            day
        );
        // A publication date and a governing date: only the sentence's date is judged.
        let context = dated(When::Year(2016), true);
        assert_eq!(context.periods(&[]).unwrap().len(), 1);
        let context = dated(When::Year(2016), false);
        assert_eq!(context.periods(&[]), None);
        let other_day = NaiveDate::from_ymd_opt(2022, 11, 30).unwrap();
        assert_eq!(context.periods(&[other_day]).unwrap().len(), 2);
        assert_eq!(context.periods(&[day]).unwrap().len(), 1);
    }
}
