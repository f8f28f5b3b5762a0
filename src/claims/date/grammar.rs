//! The date grammar over one block's tokens: single dates, compact ranges and lists
//! ("Nov. 29-30", "20 and 21 August"), and the weekdays written before or after them
//! ("Tuesday and Wednesday, Nov. 29-30", "28 November 2022 (Monday)"). Every pattern is a
//! short, fixed look-ahead from one token, so a block is read in linear time.

use std::ops::Range;

use chrono::Weekday;
use smallvec::{smallvec, SmallVec};

use super::token::{Joiner, Lang, LetterCase, NameForm, NameStyle, Tok, Token};

/// Years outside this span are numbers, not years.
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1800..=2199;

/// One written part of a date, kept so a fix can rewrite it in the same style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    Day {
        ordinal: Option<LetterCase>,
        padded: bool,
    },
    MonthName(NameStyle),
    MonthNumber {
        padded: bool,
    },
    Year {
        /// "’22".
        short: bool,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub range: Range<usize>,
    pub kind: PartKind,
}

/// A weekday as written next to a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenWeekday {
    pub weekday: Weekday,
    pub range: Range<usize>,
    pub style: NameStyle,
}

/// A date as the grammar found it (text ranges into the block).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The date's own words ("Nov. 29" of "Nov. 29-30"; "30" is the second date's).
    pub range: Range<usize>,
    /// (month, day) readings: two for an ambiguous numeric date.
    pub readings: Vec<(u32, u32)>,
    pub year: Option<i32>,
    pub day: Part,
    pub month: Option<Part>,
    pub year_part: Option<Part>,
    pub weekday: Option<WrittenWeekday>,
    /// Tokens of the date with its weekday, for joining neighbours into ranges.
    pub tokens: Range<usize>,
    /// The date of the same range or list whose month is written, when this one has none.
    pub shares_with: Option<usize>,
    /// The last date of a range this date opens.
    pub range_end: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GroupKind {
    Single,
    Range,
    List,
}

/// Dates read together: "Nov. 29-30" (a range), "20 and 21 August" (a list).
struct Group {
    dates: Vec<Parsed>,
    kind: GroupKind,
    end: usize,
}

struct Weekdays {
    /// Kept inline: one or two weekdays are the rule, and every weekday word is tried.
    days: SmallVec<[WrittenWeekday; 2]>,
    end: usize,
}

struct Grammar<'t> {
    tokens: &'t [Token],
    /// Two-digit years "’22" are read in the century that keeps them nearest this year.
    this_year: i32,
}

impl Grammar<'_> {
    fn tok(&self, at: usize) -> Option<Tok> {
        self.tokens.get(at).map(|t| t.tok)
    }

    fn range(&self, at: usize) -> Range<usize> {
        self.tokens[at].range.clone()
    }

    fn is(&self, at: usize, tok: Tok) -> bool {
        self.tok(at) == Some(tok)
    }

    /// A day of the month (1 to 31, at most two digits).
    fn day(&self, at: usize) -> Option<(u32, Part)> {
        match self.tok(at)? {
            Tok::Number {
                value,
                digits,
                ordinal,
            } if digits <= 2 && (1..=31).contains(&value) => Some((
                value,
                Part {
                    range: self.range(at),
                    kind: PartKind::Day {
                        ordinal,
                        padded: digits == 2 && value < 10,
                    },
                },
            )),
            _ => None,
        }
    }

    fn month(&self, at: usize) -> Option<(u32, Part)> {
        match self.tok(at)? {
            Tok::Month(month, style) => Some((
                month,
                Part {
                    range: self.range(at),
                    kind: PartKind::MonthName(style),
                },
            )),
            _ => None,
        }
    }

    /// A year after a date, maybe after a comma: "Nov. 28, 2022", "28 November 2022",
    /// "Nov. 28, ’22". A time is never a year: "1 March 2000 GMT".
    fn year(&self, at: usize) -> Option<(i32, Part, usize)> {
        let at = if self.is(at, Tok::Comma) || self.is(at, Tok::Joiner(Joiner::De)) {
            at + 1
        } else {
            at
        };
        let (year, short) = match self.tok(at)? {
            Tok::Number {
                value,
                digits: 4,
                ordinal: None,
            } if YEARS.contains(&value) => (value as i32, false),
            Tok::ShortYear(value) => {
                let century = self.this_year - self.this_year.rem_euclid(100);
                let mut year = century + value as i32;
                if year > self.this_year + 10 {
                    year -= 100;
                }
                (year, true)
            }
            _ => return None,
        };
        if matches!(self.tok(at + 1), Some(Tok::TimeZone)) {
            return None;
        }
        let part = Part {
            range: self.range(at),
            kind: PartKind::Year { short },
        };
        Some((year, part, at + 1))
    }

    fn date(&self, month: u32, month_part: Option<Part>, day: (u32, Part)) -> Parsed {
        let (day, day_part) = day;
        let start = month_part.as_ref().map_or(day_part.range.start, |m| {
            m.range.start.min(day_part.range.start)
        });
        let end = month_part
            .as_ref()
            .map_or(day_part.range.end, |m| m.range.end.max(day_part.range.end));
        Parsed {
            range: start..end,
            readings: vec![(month, day)],
            year: None,
            day: day_part,
            month: month_part,
            year_part: None,
            weekday: None,
            tokens: 0..0,
            shares_with: None,
            range_end: None,
        }
    }

    /// Dates starting with the month: "Nov. 28", "Nov. 29-30", "Nov. 29-Dec. 2",
    /// "August 20 and 21". Only English writes the month first: a French or German month
    /// name before a number is something else ("the Mars 3 lander").
    fn month_first(&self, at: usize) -> Option<Group> {
        if matches!(self.tok(at), Some(Tok::Month(_, style)) if style.lang != Lang::En) {
            return None;
        }
        let (month, month_part) = self.month(at)?;
        let (day, day_part) = self.day(at + 1)?;
        let first = self.date(month, Some(month_part), (day, day_part));
        let mut group = Group {
            dates: vec![first],
            kind: GroupKind::Single,
            end: at + 2,
        };
        let joiner = self.tok(at + 2);
        let is_range = joiner == Some(Tok::Dash);
        let is_list = joiner == Some(Tok::Joiner(Joiner::And));
        if is_range || is_list {
            if let Some((month2, month2_part)) = self.month(at + 3).filter(|_| is_range) {
                if let Some(day2) = self.day(at + 4) {
                    group.dates.push(self.date(month2, Some(month2_part), day2));
                    group.kind = GroupKind::Range;
                    group.end = at + 5;
                }
            } else if let Some(day2) = self.day(at + 3).filter(|(d, _)| *d > day) {
                // "Nov. 29-30": not "Nov. 29-30 December", not "Aug. 20 and 21 people".
                if self.month(at + 4).is_none() {
                    let mut second = self.date(month, None, day2);
                    second.shares_with = Some(0);
                    group.dates.push(second);
                    group.kind = if is_range {
                        GroupKind::Range
                    } else {
                        GroupKind::List
                    };
                    group.end = at + 4;
                }
            }
        }
        Some(group)
    }

    /// A day and "of"/month after it: "28 November", "28th of November", "3 de mayo",
    /// "3. März".
    fn day_month(&self, at: usize) -> Option<(u32, Part, u32, Part, usize)> {
        let (day, day_part) = self.day(at)?;
        let month_at = if matches!(
            self.tok(at + 1),
            Some(Tok::Joiner(Joiner::Of | Joiner::De) | Tok::DayDot)
        ) {
            at + 2
        } else {
            at + 1
        };
        let (month, month_part) = self.month(month_at)?;
        Some((day, day_part, month, month_part, month_at + 1))
    }

    /// Dates starting with the day: "28 November", "the 16th of March", "29-30 November",
    /// "20 and 21 August", "29 November-2 December".
    fn day_first(&self, at: usize) -> Option<Group> {
        if self.is(at, Tok::Joiner(Joiner::The)) {
            let (day, day_part, month, month_part, end) = self.day_month(at + 1)?;
            if !self.is(at + 2, Tok::Joiner(Joiner::Of)) {
                return None;
            }
            let mut date = self.date(month, Some(month_part), (day, day_part));
            date.range.start = self.range(at).start;
            return Some(Group {
                dates: vec![date],
                kind: GroupKind::Single,
                end,
            });
        }
        if let Some((day, day_part, month, month_part, end)) = self.day_month(at) {
            let first = self.date(month, Some(month_part), (day, day_part));
            let mut group = Group {
                dates: vec![first],
                kind: GroupKind::Single,
                end,
            };
            if self.is(end, Tok::Dash) {
                if let Some((day2, day2_part, month2, month2_part, end2)) = self.day_month(end + 1)
                {
                    let second = self.date(month2, Some(month2_part), (day2, day2_part));
                    group.dates.push(second);
                    group.kind = GroupKind::Range;
                    group.end = end2;
                }
            }
            return Some(group);
        }
        // "29-30 November", "20 and 21 August": the month is the second date's.
        let (day, day_part) = self.day(at)?;
        let kind = match self.tok(at + 1)? {
            Tok::Dash => GroupKind::Range,
            Tok::Joiner(Joiner::And) => GroupKind::List,
            _ => return None,
        };
        let (day2, day2_part, month, month_part, end) = self.day_month(at + 2)?;
        if day2 <= day {
            return None;
        }
        let mut first = self.date(month, None, (day, day_part));
        first.shares_with = Some(1);
        let second = self.date(month, Some(month_part), (day2, day2_part));
        Some(Group {
            dates: vec![first, second],
            kind,
            end,
        })
    }

    fn numeric(&self, at: usize) -> Option<Group> {
        let tok = self.tok(at)?;
        let range = self.range(at);
        let date = match tok {
            Tok::Iso { year, month, day } => {
                let len = range.len();
                let part = |from: usize, to: usize, kind: PartKind| Part {
                    range: range.start + from..range.start + to.min(len),
                    kind,
                };
                Parsed {
                    range: range.clone(),
                    readings: vec![(month, day)],
                    year: Some(year),
                    day: part(
                        8,
                        10,
                        PartKind::Day {
                            ordinal: None,
                            padded: true,
                        },
                    ),
                    month: Some(part(5, 7, PartKind::MonthNumber { padded: true })),
                    year_part: Some(part(0, 4, PartKind::Year { short: false })),
                    weekday: None,
                    tokens: at..at,
                    shares_with: None,
                    range_end: None,
                }
            }
            Tok::Slashed {
                first,
                second,
                year,
                first_digits,
                second_digits,
            } => {
                let padded =
                    (first_digits == 2 && first < 10) || (second_digits == 2 && second < 10);
                let first_len = usize::from(first_digits);
                let second_start = range.start + first_len + 1;
                let second_len = usize::from(second_digits);
                let year_start = second_start + second_len + 1;
                // Readings as (month, day): month-day first, then day-month; only days that
                // exist (in a leap year).
                let mut readings = vec![(first, second), (second, first)];
                readings.dedup();
                readings.retain(|&(month, day)| {
                    chrono::NaiveDate::from_ymd_opt(2000, month, day).is_some()
                });
                let day_first = match readings.as_slice() {
                    [] => return None,
                    [only] => *only != (first, second),
                    _ => false,
                };
                let mut date = Parsed {
                    range: range.clone(),
                    readings,
                    year: Some(year),
                    day: Part {
                        range: second_start..second_start + second_len,
                        kind: PartKind::Day {
                            ordinal: None,
                            padded,
                        },
                    },
                    month: Some(Part {
                        range: range.start..range.start + first_len,
                        kind: PartKind::MonthNumber { padded },
                    }),
                    year_part: Some(Part {
                        range: year_start..year_start + 4,
                        kind: PartKind::Year { short: false },
                    }),
                    weekday: None,
                    tokens: at..at,
                    shares_with: None,
                    range_end: None,
                };
                if day_first {
                    read_day_first(&mut date);
                }
                date
            }
            _ => return None,
        };
        Some(Group {
            dates: vec![date],
            kind: GroupKind::Single,
            end: at + 1,
        })
    }

    /// A day no month has (0 or 32) written as a date: with its year ("June 32, 2020",
    /// "0 March 2021"), or without one only where nothing but a day reads: an English month
    /// other than "May" before it ("June 32", "April 0th"), or an ordinal day before the month
    /// ("the 32nd of June"). A plain number before a month may be a count or a score ("32
    /// March protesters", "won 2-0 March 3"), and "May" is also a name and a verb.
    fn impossible_day(&self, at: usize) -> Option<Group> {
        let loose_day = |at: usize| match self.tok(at)? {
            Tok::Number {
                value,
                digits,
                ordinal,
            } if digits <= 2 && (value == 0 || value == 32) => Some((
                value,
                Part {
                    range: self.range(at),
                    kind: PartKind::Day {
                        ordinal,
                        padded: digits == 2 && value < 10,
                    },
                },
            )),
            _ => None,
        };
        let english_month = |at: usize| matches!(self.tok(at), Some(Tok::Month(_, style)) if style.lang == Lang::En);
        let month_first = english_month(at) && loose_day(at + 1).is_some();
        let (date, end, day_at) = if let (true, Some(day)) = (month_first, loose_day(at + 1)) {
            let (month, month_part) = self.month(at)?;
            (self.date(month, Some(month_part), day), at + 2, at + 1)
        } else {
            let day = loose_day(at)?;
            let month_at = if matches!(
                self.tok(at + 1),
                Some(Tok::Joiner(Joiner::Of | Joiner::De) | Tok::DayDot)
            ) {
                at + 2
            } else {
                at + 1
            };
            let (month, month_part) = self.month(month_at)?;
            (self.date(month, Some(month_part), day), month_at + 1, at)
        };
        if self.year(end).is_none() {
            let ordinal = matches!(
                self.tok(day_at),
                Some(Tok::Number {
                    ordinal: Some(_),
                    ..
                })
            );
            let may = matches!(self.tok(at), Some(Tok::Month(5, _)));
            // Between numbers or dashes the day may be part of a score or a range.
            let in_numbers = |at: Option<usize>| {
                at.and_then(|at| self.tok(at))
                    .is_some_and(|tok| matches!(tok, Tok::Dash | Tok::Number { .. }))
            };
            let unambiguous = if month_first { !may } else { ordinal };
            if !unambiguous || in_numbers(at.checked_sub(1)) || in_numbers(Some(end)) {
                return None;
            }
        }
        Some(Group {
            dates: vec![date],
            kind: GroupKind::Single,
            end,
        })
    }

    /// Any date group at `at`, with the year written after it given to all its dates.
    fn date_group(&self, at: usize) -> Option<Group> {
        let mut group = self
            .month_first(at)
            .or_else(|| self.day_first(at))
            .or_else(|| self.numeric(at))
            .or_else(|| self.impossible_day(at))?;
        if group.dates.iter().all(|d| d.year.is_none()) {
            if let Some((year, part, end)) = self.year(group.end) {
                let last = group.dates.len() - 1;
                let last_month = group.dates[last].readings[0];
                for (index, date) in group.dates.iter_mut().enumerate() {
                    // "Dec. 30-Jan. 2, 2023": the first date is in 2022.
                    let earlier_year = date.readings[0] > last_month;
                    date.year = Some(if earlier_year { year - 1 } else { year });
                    if index == last {
                        date.year_part = Some(part.clone());
                        date.range.end = part.range.end;
                    }
                }
                group.end = end;
            }
        }
        for date in &mut group.dates {
            date.tokens = at..group.end;
        }
        Some(group)
    }

    /// Weekdays written together: "Monday", "Tuesday and Wednesday", "from Friday to Sunday".
    fn weekdays(&self, at: usize) -> Option<Weekdays> {
        let at = if self.is(at, Tok::Joiner(Joiner::From)) {
            at + 1
        } else {
            at
        };
        let weekday = |at: usize| match self.tok(at)? {
            Tok::Weekday(weekday, style) => Some(WrittenWeekday {
                weekday,
                range: self.range(at),
                style,
            }),
            _ => None,
        };
        let mut days: SmallVec<[WrittenWeekday; 2]> = smallvec![weekday(at)?];
        let mut end = at + 1;
        loop {
            let joins = matches!(
                self.tok(end),
                Some(Tok::Comma | Tok::Dash | Tok::Joiner(Joiner::And | Joiner::Through))
            );
            match weekday(end + 1).filter(|_| joins) {
                Some(day) => {
                    days.push(day);
                    end += 2;
                }
                None => break,
            }
        }
        Some(Weekdays { days, end })
    }

    /// Where the dates after a weekday start: "Monday, Nov. 28", "Sunday evening, May 6",
    /// "Friday evening of 6th April", "Monday (Nov. 28)". Returns (start, in parentheses).
    fn after_weekdays(&self, mut at: usize) -> (usize, bool) {
        if self.is(at, Tok::Comma) {
            at += 1;
        }
        if self.is(at, Tok::TimeOfDay) {
            at += 1;
            if matches!(self.tok(at), Some(Tok::Comma | Tok::Joiner(Joiner::Of))) {
                at += 1;
            }
        }
        if self.is(at, Tok::OpenParen) {
            (at + 1, true)
        } else {
            (at, false)
        }
    }

    /// A weekday that describes the date before it: "Nov. 29, a Tuesday,", "29 November (a
    /// Monday)", "Dec. 25 falls on a Sunday", "April 14, 1912, was a Sunday". After a comma
    /// the weekday must end the phrase: "Nov. 29, a Tuesday-night vigil" is no pair. Returns
    /// the weekday and the token after the phrase.
    fn described_weekday(&self, at: usize) -> Option<(WrittenWeekday, usize)> {
        let weekday_at = |at: usize| match self.tok(at)? {
            Tok::Weekday(weekday, style) => Some(WrittenWeekday {
                weekday,
                range: self.range(at),
                style,
            }),
            _ => None,
        };
        let article = |at: usize| self.is(at, Tok::Joiner(Joiner::A));
        // The weekday (maybe with "night", "evening") ends the phrase: the token after it.
        let phrase_end = |at: usize| {
            let end = if self.is(at, Tok::TimeOfDay) {
                at + 1
            } else {
                at
            };
            matches!(
                self.tok(end),
                None | Some(Tok::Comma | Tok::Stop | Tok::CloseParen)
            )
            .then_some(end)
        };
        match self.tok(at)? {
            Tok::OpenParen if article(at + 1) && self.is(at + 3, Tok::CloseParen) => {
                Some((weekday_at(at + 2)?, at + 4))
            }
            Tok::Comma if article(at + 1) => {
                let weekday = weekday_at(at + 2)?;
                Some((weekday, phrase_end(at + 3)?))
            }
            _ => {
                // "is a", "was a", "falls on a", "fell on a", maybe after the year's comma.
                let at = if self.is(at, Tok::Comma) { at + 1 } else { at };
                let article_at = match self.tok(at)? {
                    Tok::Joiner(Joiner::Is) => at + 1,
                    Tok::Joiner(Joiner::Falls) if self.is(at + 1, Tok::Joiner(Joiner::On)) => {
                        at + 2
                    }
                    _ => return None,
                };
                if !article(article_at) || self.is(article_at + 2, Tok::Dash) {
                    return None;
                }
                let weekday = weekday_at(article_at + 1)?;
                // "was a Sun exclusive" names the newspaper: a short weekday ends the phrase.
                if weekday.style.form != NameForm::Full {
                    return Some((weekday, phrase_end(article_at + 2)?));
                }
                Some((weekday, article_at + 2))
            }
        }
    }

    /// Give each date its weekday: one for one, or the first and last weekdays to the ends of
    /// a range ("from Friday to Sunday, March 8-10"), or one weekday to a list of days of one
    /// month a whole number of weeks apart ("Friday 9 and 23 January": they share it, so the
    /// first date stands for all). Anything else stays unpaired: "Saturday, 14 and 15 March"
    /// cannot name both days' weekday, and weekdays before a range of a week or more name
    /// the days of the week it recurs on, not its ends ("open Wednesday-Sunday, 12
    /// November-18 December").
    fn pair(days: SmallVec<[WrittenWeekday; 2]>, group: &mut Group) {
        let dates = &mut group.dates;
        if days.len() > 1 && group.kind == GroupKind::Range && spans_a_week(dates) {
            return;
        }
        if days.len() == dates.len() {
            for (date, day) in dates.iter_mut().zip(days) {
                date.weekday = Some(day);
            }
        } else if days.len() > 2 && dates.len() == 2 && group.kind == GroupKind::Range {
            let mut days = days.into_iter();
            dates[0].weekday = days.next();
            dates[1].weekday = days.next_back();
        } else if days.len() == 1 && group.kind == GroupKind::List && weeks_apart(dates) {
            dates[0].weekday = days.into_iter().next();
        }
    }

    fn parse(&self) -> Vec<Parsed> {
        let mut out: Vec<Parsed> = Vec::new();
        let mut at = 0;
        while at < self.tokens.len() {
            if let Some(weekdays) = self.weekdays(at) {
                let (start, in_parens) = self.after_weekdays(weekdays.end);
                let closed = |group: &Group| !in_parens || self.is(group.end, Tok::CloseParen);
                if let Some(mut group) = self.date_group(start).filter(closed) {
                    let end = group.end + usize::from(in_parens);
                    Self::pair(weekdays.days, &mut group);
                    self.emit(&mut out, group, at..end);
                    at = end;
                } else {
                    at = weekdays.end;
                }
                continue;
            }
            if let Some(mut group) = self.date_group(at) {
                let mut end = group.end;
                if self.is(end, Tok::OpenParen) {
                    if let Some(weekdays) = self.weekdays(end + 1) {
                        if self.is(weekdays.end, Tok::CloseParen) {
                            Self::pair(weekdays.days, &mut group);
                            end = weekdays.end + 1;
                        }
                    }
                }
                if let (Some((weekday, weekday_end)), [date]) =
                    (self.described_weekday(end), group.dates.as_mut_slice())
                {
                    if date.weekday.is_none() {
                        date.weekday = Some(weekday);
                        end = weekday_end;
                    }
                }
                self.emit(&mut out, group, at..end);
                at = end;
                continue;
            }
            at += 1;
        }
        self.join_neighbours(&mut out);
        out
    }

    fn emit(&self, out: &mut Vec<Parsed>, group: Group, tokens: Range<usize>) {
        let base = out.len();
        let count = group.dates.len();
        for (index, mut date) in group.dates.into_iter().enumerate() {
            date.tokens = tokens.clone();
            date.shares_with = date.shares_with.map(|partner| base + partner);
            if group.kind == GroupKind::Range && index == 0 && count == 2 {
                date.range_end = Some(base + 1);
            }
            out.push(date);
        }
    }

    /// Dates joined by a word: "Thursday, June 13 through Saturday, June 15, 2024" is a range
    /// and the first date takes the second's year; "Nov. 28 and Nov. 29, 2022" share it.
    fn join_neighbours(&self, dates: &mut [Parsed]) {
        for index in 1..dates.len() {
            let (first, second) = (&dates[index - 1], &dates[index]);
            if first.tokens.end + 1 != second.tokens.start {
                continue;
            }
            let joiner = self.tok(first.tokens.end);
            let is_range = matches!(joiner, Some(Tok::Dash | Tok::Joiner(Joiner::Through)));
            if !is_range && joiner != Some(Tok::Joiner(Joiner::And)) {
                continue;
            }
            let inherited = match (first.year, second.year, second.readings.as_slice()) {
                (None, Some(year), [later]) => Some(if first.readings[0] > *later {
                    year - 1
                } else {
                    year
                }),
                _ => None,
            };
            let first_ends_a_range = index >= 2 && dates[index - 2].range_end == Some(index - 1);
            let joins_range = is_range
                && first.range_end.is_none()
                && second.range_end.is_none()
                && !first_ends_a_range;
            let first = &mut dates[index - 1];
            if inherited.is_some() {
                first.year = inherited;
            }
            if joins_range {
                first.range_end = Some(index);
            }
        }
    }
}

/// Whether the listed dates are days of one month (each read one way) a whole number of
/// weeks apart, so that any year gives them one weekday.
fn weeks_apart(dates: &[Parsed]) -> bool {
    let mut readings = dates.iter().map(|date| match date.readings.as_slice() {
        [only] => Some(*only),
        _ => None,
    });
    let Some(Some((month, first))) = readings.next() else {
        return false;
    };
    readings.all(|reading| {
        reading.is_some_and(|(other_month, day)| {
            other_month == month && day > first && (day - first) % 7 == 0
        })
    })
}

/// Whether a range's first and last days are a week or more apart (a year-less range that
/// ends in an earlier month crosses the new year: "Dec. 5-Jan. 13").
fn spans_a_week(dates: &[Parsed]) -> bool {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return false;
    };
    let (Some(&(first_month, first_day)), Some(&(last_month, last_day))) =
        (first.readings.first(), last.readings.first())
    else {
        return false;
    };
    // A leap year, so that 29 February is a day; the gap is the same in any year but for it.
    let day = |year: i32, month: u32, day: u32| chrono::NaiveDate::from_ymd_opt(year, month, day);
    let (Some(from), Some(until)) = (
        day(first.year.unwrap_or(2000), first_month, first_day),
        day(last.year.unwrap_or(2000), last_month, last_day),
    ) else {
        return false;
    };
    let mut days = (until - from).num_days();
    if days < 0 && first.year.is_none() {
        days += 366;
    }
    days >= 7
}

/// A numeric date written day first ("13/10/2023"): its first number is the day.
pub fn read_day_first(date: &mut Parsed) {
    if let Some(month) = date.month.as_mut() {
        std::mem::swap(&mut month.range, &mut date.day.range);
    }
}

/// Every date in a block's tokens. `this_year` places two-digit years.
pub fn parse(tokens: &[Token], this_year: i32) -> Vec<Parsed> {
    Grammar { tokens, this_year }.parse()
}
