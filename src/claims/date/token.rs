//! Date words and numbers: a block's text cut into the few kinds of token that dates are
//! made of. Anything else is `Other` and breaks a date pattern, so the grammar never reaches
//! across unrelated words.

use std::ops::Range;

use chrono::Weekday;

use crate::lexicon::{
    date_name, foreign_name, foreign_tables, DateName, Written, FOREIGN, FOREIGN_VARIANTS,
    MONTH_AP, MONTH_NAMES, WEEKDAYS, WEEKDAY_AP, WEEKDAY_NAMES,
};
pub use crate::lexicon::{month_name, weekday_name, Lang};
use crate::text::{letters_at, with_lowercase, LowerAscii, WordShapes};

/// How a weekday or month name is written, so that a fix can write another one the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameStyle {
    pub form: NameForm,
    /// A period follows the abbreviation (and belongs to the name's range).
    pub period: bool,
    pub case: LetterCase,
    /// The language the name is written in: a fix writes another name in the same one.
    pub lang: Lang,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    /// "Monday", "November".
    Full,
    /// Three letters: "Mon", "Tue", "Nov", "Sep".
    Short,
    /// AP style: "Tues.", "Thurs.", "Sept.", "Nov."; March to July in full.
    Ap,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterCase {
    Title,
    Upper,
    Lower,
}

impl LetterCase {
    fn of(word: &str) -> LetterCase {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        match letters.next() {
            Some(first) if first.is_uppercase() => {
                if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) {
                    LetterCase::Upper
                } else {
                    LetterCase::Title
                }
            }
            _ => LetterCase::Lower,
        }
    }

    pub fn apply(self, word: &str) -> String {
        match self {
            LetterCase::Title => {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            }
            LetterCase::Upper => word.to_uppercase(),
            LetterCase::Lower => word.to_lowercase(),
        }
    }
}

/// Write a name in `style`: the full name, its three-letter or its AP abbreviation, in the
/// same letter case, with a period where the style has one.
fn render_name(full: &str, ap: &str, style: NameStyle) -> String {
    let (word, period) = match style.form {
        NameForm::Full => (full, false),
        NameForm::Short => (&full[..3], style.period),
        NameForm::Ap => (ap, style.period && ap != full),
    };
    let mut text = style.case.apply(word);
    if period {
        text.push('.');
    }
    text
}

/// A weekday's name, written in `style`.
pub fn render_weekday(weekday: Weekday, style: NameStyle) -> String {
    let index = weekday.num_days_from_monday() as usize;
    match foreign_tables(style.lang) {
        Some((weekdays, _)) => style.case.apply(weekdays[index]),
        None => render_name(WEEKDAY_NAMES[index], WEEKDAY_AP[index], style),
    }
}

pub fn render_month(month: u32, style: NameStyle) -> String {
    let index = (month as usize).saturating_sub(1) % 12;
    match foreign_tables(style.lang) {
        Some((_, months)) => style.case.apply(months[index]),
        None => render_name(MONTH_NAMES[index], MONTH_AP[index], style),
    }
}

/// A word that starts a Portuguese weekday written with "-feira" ("segunda-feira").
const FEIRA_STEMS: &[&str] = &["segunda", "terça", "terca", "quarta", "quinta", "sexta"];

/// Abbreviations that are also common words: only a capitalised form is a date word
/// ("sat", "sun", "wed", "mon", "mar", "may", "march").
const LOWERCASE_WORDS: &[&[u8]] = &[b"sat", b"sun", b"wed", b"mon", b"mar", b"may", b"march"];

/// A weekday or month name (`lower` is `word` in lower case): which one, how it is written,
/// and whether the period after it belongs to it.
fn classify_name(word: &str, lower: &[u8], period_follows: bool) -> Option<(Tok, bool)> {
    let (name, written) = date_name(lower)?;
    let case = LetterCase::of(word);
    if case == LetterCase::Lower && LOWERCASE_WORDS.contains(&lower) {
        return None;
    }
    let (style, takes_period) = match written {
        Written::Full => {
            let style = NameStyle {
                form: NameForm::Full,
                period: false,
                case,
                lang: Lang::En,
            };
            (style, false)
        }
        Written::Abbreviated { ap } => {
            let style = NameStyle {
                form: if ap && (period_follows || word.len() > 3) {
                    NameForm::Ap
                } else {
                    NameForm::Short
                },
                period: period_follows,
                case,
                lang: Lang::En,
            };
            (style, period_follows)
        }
    };
    let tok = match name {
        DateName::Weekday(index) => Tok::Weekday(WEEKDAYS[index], style),
        DateName::Month(month) => Tok::Month(month, style),
    };
    Some((tok, takes_period))
}

/// Words that join or introduce dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joiner {
    /// "and", "&": a list.
    And,
    /// "to", "through", "thru", "until", "till": a range.
    Through,
    /// "the", as in "the 16th of March".
    The,
    /// "of", as in "the 16th of March".
    Of,
    /// "from", "between": may open a weekday range.
    From,
    /// Spanish and Portuguese "de", as in "3 de mayo de 2011".
    De,
    /// "a", as in "Nov. 29, a Tuesday".
    A,
    /// "is", "was": "Nov. 29 was a Tuesday".
    Is,
    /// "falls", "fell", "fall": "Dec. 25 falls on a Sunday".
    Falls,
    /// "on", as in "falls on a Sunday".
    On,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Weekday(Weekday, NameStyle),
    Month(u32, NameStyle),
    /// A number of at most four digits, maybe with an ordinal suffix ("28th").
    Number {
        value: u32,
        digits: u8,
        ordinal: Option<LetterCase>,
    },
    /// "’22": a two-digit year.
    ShortYear(u32),
    /// "2022-11-28".
    Iso {
        year: i32,
        month: u32,
        day: u32,
    },
    /// "02/10/2023": month and day in either order.
    Slashed {
        first: u32,
        second: u32,
        year: i32,
        first_digits: u8,
        second_digits: u8,
    },
    Joiner(Joiner),
    /// "morning", "evening": "Sunday evening, May 6".
    TimeOfDay,
    /// What follows a time, never a year: "2000 GMT", "1200 hours".
    TimeZone,
    Comma,
    OpenParen,
    CloseParen,
    /// A hyphen or an en dash between numbers or names.
    Dash,
    /// The period of a German day ("3. März"): written only between a day and a month.
    DayDot,
    /// Punctuation that ends a phrase: ".", ";", ":", "!", "?", "—".
    Stop,
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub range: Range<usize>,
}

/// A joiner, a time of day or what follows a time ("GMT", "hours"), in lower case.
fn joiner_or_time(lower: &[u8]) -> Option<Tok> {
    Some(match lower {
        b"and" => Tok::Joiner(Joiner::And),
        b"to" | b"through" | b"thru" | b"until" | b"till" => Tok::Joiner(Joiner::Through),
        b"the" => Tok::Joiner(Joiner::The),
        b"of" => Tok::Joiner(Joiner::Of),
        b"de" => Tok::Joiner(Joiner::De),
        b"a" => Tok::Joiner(Joiner::A),
        b"is" | b"was" => Tok::Joiner(Joiner::Is),
        b"falls" | b"fell" | b"fall" => Tok::Joiner(Joiner::Falls),
        b"on" => Tok::Joiner(Joiner::On),
        b"from" | b"between" => Tok::Joiner(Joiner::From),
        b"morning" | b"afternoon" | b"evening" | b"night" => Tok::TimeOfDay,
        b"gmt" | b"utc" | b"bst" | b"cet" | b"cest" | b"eet" | b"eest" | b"wet" | b"west"
        | b"est" | b"edt" | b"cst" | b"cdt" | b"mst" | b"mdt" | b"pst" | b"pdt" | b"ist"
        | b"jst" | b"msk" | b"aest" | b"aedt" | b"hours" | b"hrs" | b"hr" | b"h" | b"local"
        | b"z" => Tok::TimeZone,
        _ => return None,
    })
}

fn classify_word(word: &str, period_follows: bool, previous: Option<&str>) -> (Tok, bool) {
    // Every English date, joiner and time word is ASCII and at most nine letters
    // ("September", "afternoon"); the other languages' names are at most thirteen bytes
    // ("segunda-feira").
    if word.len() > 13 {
        return (Tok::Other, false);
    }
    if let Some(lower) = (word.len() <= 9).then(|| LowerAscii::new(word)).flatten() {
        let lower = lower.as_bytes();
        if let Some((tok, takes_period)) = classify_name(word, lower, period_follows) {
            // "The Sun, Nov. 28" names a newspaper, not a Sunday.
            let abbreviated = matches!(tok, Tok::Weekday(_, style) if style.form != NameForm::Full);
            if !(abbreviated && previous.is_some_and(|p| p.eq_ignore_ascii_case("the"))) {
                return (tok, takes_period);
            }
        }
        if let Some(tok) = joiner_or_time(lower) {
            return (tok, false);
        }
    }
    (
        classify_foreign(word, previous).unwrap_or(Tok::Other),
        false,
    )
}

/// The shapes of the other languages' weekday and month names: most words are ruled out by
/// their first and last letters and length, before they are lowered and looked up.
fn foreign_shapes() -> &'static WordShapes {
    static SHAPES: std::sync::LazyLock<WordShapes> = std::sync::LazyLock::new(|| {
        let mut shapes = WordShapes::default();
        for (_, weekdays, months) in &FOREIGN {
            for name in weekdays.iter().chain(months) {
                shapes.add(name);
            }
        }
        for (name, ..) in FOREIGN_VARIANTS {
            shapes.add(name);
        }
        shapes
    });
    &SHAPES
}

/// A weekday or month of the other languages. A capitalised weekday right after another
/// capitalised word is part of a name ("Santo Domingo", "Plácido Domingo"), not a day.
fn classify_foreign(word: &str, previous: Option<&str>) -> Option<Tok> {
    if !foreign_shapes().may_hold(word) {
        return None;
    }
    let (name, lang) = with_lowercase(word, foreign_name)?;
    let case = LetterCase::of(word);
    let style = NameStyle {
        form: NameForm::Full,
        period: false,
        case,
        lang,
    };
    Some(match name {
        DateName::Weekday(index) => {
            let in_a_name = case != LetterCase::Lower
                && previous.is_some_and(|p| {
                    p.chars().count() > 3 && p.chars().next().is_some_and(char::is_uppercase)
                });
            if in_a_name {
                return None;
            }
            Tok::Weekday(WEEKDAYS[index], style)
        }
        DateName::Month(month) => Tok::Month(month, style),
    })
}

fn digits_at(bytes: &[u8], at: usize) -> usize {
    bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

fn number(text: &str) -> u32 {
    text.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    })
}

fn is_word_byte(byte: Option<&u8>) -> bool {
    byte.is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Read a numeric date at `at` ("2022-11-28", "02/10/2023"): its token and length.
fn numeric_date(text: &str, at: usize) -> Option<(Tok, usize)> {
    let bytes = text.as_bytes();
    let first = digits_at(bytes, at);
    let sep = *bytes.get(at + first)?;
    if first == 4 && sep == b'-' {
        let month_at = at + 5;
        let day_at = month_at + 3;
        if digits_at(bytes, month_at) == 2
            && bytes.get(month_at + 2) == Some(&b'-')
            && digits_at(bytes, day_at) == 2
            && !is_word_byte(bytes.get(day_at + 2))
        {
            let tok = Tok::Iso {
                year: number(&text[at..at + 4]) as i32,
                month: number(&text[month_at..month_at + 2]),
                day: number(&text[day_at..day_at + 2]),
            };
            return Some((tok, 10));
        }
        return None;
    }
    if (1..=2).contains(&first) && sep == b'/' {
        let second_at = at + first + 1;
        let second = digits_at(bytes, second_at);
        let year_at = second_at + second + 1;
        if (1..=2).contains(&second)
            && bytes.get(second_at + second) == Some(&b'/')
            && digits_at(bytes, year_at) == 4
            && !is_word_byte(bytes.get(year_at + 4))
            && bytes.get(year_at + 4) != Some(&b'/')
        {
            let tok = Tok::Slashed {
                first: number(&text[at..at + first]),
                second: number(&text[second_at..second_at + second]),
                year: number(&text[year_at..year_at + 4]) as i32,
                first_digits: first as u8,
                second_digits: second as u8,
            };
            return Some((tok, year_at + 4 - at));
        }
    }
    None
}

/// A number and what is glued to it: an ordinal suffix keeps it a number; letters, a time
/// ("10:30"), a decimal ("2.5") or thousands ("2,000") make it something else.
fn number_token(text: &str, at: usize) -> (Tok, usize) {
    let bytes = text.as_bytes();
    let digits = digits_at(bytes, at);
    let end = at + digits;
    let other = |len: usize| (Tok::Other, len);
    let glued_digits = |sep: u8| bytes.get(end) == Some(&sep) && digits_at(bytes, end + 1) > 0;
    if glued_digits(b':') || glued_digits(b'.') || glued_digits(b'/') {
        let more = digits_at(bytes, end + 1);
        return other(digits + 1 + more);
    }
    if bytes.get(end) == Some(&b',') && digits_at(bytes, end + 1) == 3 {
        return other(digits + 4);
    }
    // Spanish, Portuguese and Italian write the first of the month "1º".
    if &text[at..end] == "1" && text[end..].starts_with('º') {
        let after = end + 'º'.len_utf8();
        if !text[after..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            let tok = Tok::Number {
                value: 1,
                digits: 1,
                ordinal: Some(LetterCase::Lower),
            };
            return (tok, after - at);
        }
    }
    let letters = bytes[end..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let mut ordinal = None;
    if letters > 0 {
        let suffix = &text[end..end + letters];
        let unicode_letter_follows = text[end + letters..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        let english = letters == 2
            && matches!(
                suffix.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            );
        // French writes the first of the month "1er".
        let french = digits == 1 && &text[at..end] == "1" && suffix.eq_ignore_ascii_case("er");
        if (english || french) && !unicode_letter_follows {
            ordinal = Some(LetterCase::of(suffix));
        } else {
            return other(digits + letters);
        }
    }
    if digits > 4
        || text[end + letters..]
            .chars()
            .next()
            .is_some_and(char::is_alphabetic)
    {
        return other(digits + letters);
    }
    let tok = Tok::Number {
        value: number(&text[at..end]),
        digits: digits as u8,
        ordinal,
    };
    (tok, digits + letters)
}

/// Cut a block's text into date tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`] into a list the caller reuses from block to block.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut previous_word: Option<&str> = None;
    let mut at = 0;
    while at < text.len() {
        // Most text is ASCII: decode only what is not.
        let ch = match bytes[at] {
            byte if byte.is_ascii() => char::from(byte),
            _ => text[at..].chars().next().unwrap_or_default(),
        };
        let len = ch.len_utf8();
        if ch.is_whitespace() {
            at += len;
            continue;
        }
        let (tok, token_len) = if ch.is_ascii_digit() {
            let glued = at > 0
                && text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if glued {
                let digits = digits_at(bytes, at);
                (Tok::Other, digits)
            } else {
                numeric_date(text, at).unwrap_or_else(|| number_token(text, at))
            }
        } else if ch.is_alphabetic() {
            let mut word_len = letters_at(text, at);
            if FEIRA_STEMS
                .iter()
                .any(|stem| text[at..at + word_len].eq_ignore_ascii_case(stem))
                && text
                    .get(at + word_len..at + word_len + 6)
                    .is_some_and(|rest| rest.eq_ignore_ascii_case("-feira"))
            {
                word_len += 6;
            }
            let word = &text[at..at + word_len];
            let period_follows = bytes.get(at + word_len) == Some(&b'.');
            let (tok, takes_period) = classify_word(word, period_follows, previous_word);
            previous_word = Some(word);
            (tok, word_len + usize::from(takes_period))
        } else if matches!(ch, '\'' | '’' | '‘')
            && digits_at(bytes, at + len) == 2
            && !is_word_byte(bytes.get(at + len + 2))
        {
            (
                Tok::ShortYear(number(&text[at + len..at + len + 2])),
                len + 2,
            )
        } else {
            let tok = match ch {
                ',' => Tok::Comma,
                '(' => Tok::OpenParen,
                ')' => Tok::CloseParen,
                '-' | '–' | '‑' => Tok::Dash,
                '&' => Tok::Joiner(Joiner::And),
                '.' if german_day_dot(text, at, tokens.last()) => Tok::DayDot,
                '.' | ';' | ':' | '!' | '?' | '—' => Tok::Stop,
                _ => Tok::Other,
            };
            (tok, len)
        };
        if !ch.is_alphabetic() {
            previous_word = None;
        }
        tokens.push(Token {
            tok,
            range: at..at + token_len,
        });
        at += token_len;
    }
}

/// Whether the period at `at` ends a German day ("3. März"): it follows a day's digits
/// directly and a German month name follows it.
fn german_day_dot(text: &str, at: usize, last: Option<&Token>) -> bool {
    let after_day = last.is_some_and(|token| {
        token.range.end == at
            && matches!(
                token.tok,
                Tok::Number {
                    digits: 1..=2,
                    ordinal: None,
                    ..
                }
            )
    });
    if !after_day {
        return false;
    }
    let rest = &text[at + 1..];
    let start = at + 1 + (rest.len() - rest.trim_start().len());
    if start == at + 1 || start >= text.len() {
        return false;
    }
    let word = &text[start..start + letters_at(text, start)];
    let german = &FOREIGN[2].2;
    with_lowercase(word, |lower| {
        german.iter().any(|month| month.to_lowercase() == lower)
            || ["jänner", "maerz", "marz"].contains(&lower)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Tok> {
        tokenize(text).into_iter().map(|t| t.tok).collect()
    }

    #[track_caller]
    fn assert_texts(text: &str, expected: &[&str]) {
        let texts: Vec<&str> = tokenize(text).into_iter().map(|t| &text[t.range]).collect();
        assert_eq!(texts, expected);
    }

    #[test]
    fn every_foreign_name_has_a_known_shape() {
        let names = FOREIGN
            .iter()
            .flat_map(|(_, weekdays, months)| weekdays.iter().chain(months))
            .copied()
            .chain(FOREIGN_VARIANTS.iter().map(|(name, ..)| *name));
        for name in names {
            for written in [
                name.to_string(),
                name.to_uppercase(),
                LetterCase::Title.apply(name),
            ] {
                assert!(foreign_shapes().may_hold(&written), "{written}");
                assert!(classify_foreign(&written, None).is_some(), "{written}");
            }
        }
        assert!(!foreign_shapes().may_hold("the"));
    }

    #[test]
    fn abbreviations_take_their_period() {
        assert_texts("Tues., Nov. 29", &["Tues.", ",", "Nov.", "29"]);
        assert_texts("Monday. Then", &["Monday", ".", "Then"]);
    }

    #[test]
    fn styles_are_recorded() {
        let Tok::Weekday(Weekday::Tue, style) = kinds("Tues.")[0] else {
            panic!()
        };
        assert_eq!(style.form, NameForm::Ap);
        assert_eq!(render_weekday(Weekday::Thu, style), "Thurs.");
        let Tok::Weekday(_, style) = kinds("TUE")[0] else {
            panic!()
        };
        assert_eq!(render_weekday(Weekday::Wed, style), "WED");
        let Tok::Month(11, style) = kinds("Nov.")[0] else {
            panic!()
        };
        assert_eq!(render_month(12, style), "Dec.");
        assert_eq!(render_month(3, style), "March");
        let Tok::Month(9, style) = kinds("sept")[0] else {
            panic!()
        };
        assert_eq!(render_month(10, style), "oct");
    }

    #[test]
    fn common_words_are_not_dates_in_lower_case() {
        assert_eq!(kinds("may"), vec![Tok::Other]);
        assert_eq!(kinds("sat"), vec![Tok::Other]);
        assert!(matches!(kinds("May")[0], Tok::Month(5, _)));
        assert!(matches!(kinds("nov")[0], Tok::Month(11, _)));
    }

    #[test]
    fn the_sun_is_a_newspaper() {
        assert_eq!(kinds("The Sun")[1], Tok::Other);
        assert!(matches!(kinds("on Sun")[1], Tok::Weekday(Weekday::Sun, _)));
    }

    #[test]
    fn numbers_and_what_is_glued_to_them() {
        assert!(matches!(
            kinds("28th")[0],
            Tok::Number {
                value: 28,
                ordinal: Some(_),
                ..
            }
        ));
        assert_eq!(kinds("12M"), vec![Tok::Other]);
        assert_eq!(kinds("10:30"), vec![Tok::Other]);
        assert_eq!(kinds("2,000"), vec![Tok::Other]);
        assert_eq!(kinds("2.5"), vec![Tok::Other]);
        assert_eq!(kinds("’22")[0], Tok::ShortYear(22));
    }

    /// The tables scanned as they were before the `match`: every form of every name, in
    /// every case, with and without a period, is classified the same.
    #[test]
    fn date_names_match_the_tables() {
        fn reference(word: &str, period_follows: bool) -> Option<(Tok, bool)> {
            let is = |form: &str| form.eq_ignore_ascii_case(word);
            let case = LetterCase::of(word);
            let lowercase_words = ["sat", "sun", "wed", "mon", "mar", "may", "march"];
            if case == LetterCase::Lower && lowercase_words.iter().any(|w| is(w)) {
                return None;
            }
            let abbreviated = |ap: &str| NameStyle {
                form: if is(ap) && (period_follows || word.len() > 3) {
                    NameForm::Ap
                } else {
                    NameForm::Short
                },
                period: period_follows,
                case,
                lang: Lang::En,
            };
            let full = NameStyle {
                form: NameForm::Full,
                period: false,
                case,
                lang: Lang::En,
            };
            for (index, name) in WEEKDAY_NAMES.iter().enumerate() {
                let ap = WEEKDAY_AP[index];
                if is(name) {
                    return Some((Tok::Weekday(WEEKDAYS[index], full), false));
                }
                if is(&name[..3]) || is(ap) || (index == 3 && is("thur")) {
                    let tok = Tok::Weekday(WEEKDAYS[index], abbreviated(ap));
                    return Some((tok, period_follows));
                }
            }
            for (index, name) in MONTH_NAMES.iter().enumerate() {
                let ap = MONTH_AP[index];
                let month = index as u32 + 1;
                if is(name) {
                    return Some((Tok::Month(month, full), false));
                }
                if is(&name[..3]) || is(ap) {
                    return Some((Tok::Month(month, abbreviated(ap)), period_follows));
                }
            }
            None
        }
        let mut forms: Vec<String> = vec!["thur".into(), "thursd".into(), "ma".into()];
        for name in WEEKDAY_NAMES.iter().chain(&MONTH_NAMES) {
            forms.extend([name, &name[..3], name.get(..4).unwrap_or(name)].map(String::from));
        }
        forms.extend(WEEKDAY_AP.iter().chain(&MONTH_AP).map(|ap| ap.to_string()));
        for form in forms {
            let upper = form.to_uppercase();
            let lower = form.to_lowercase();
            let mixed: String = lower
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            for word in [form.clone(), upper, lower.clone(), mixed] {
                for period_follows in [false, true] {
                    assert_eq!(
                        classify_name(&word, word.to_ascii_lowercase().as_bytes(), period_follows),
                        reference(&word, period_follows),
                        "{word:?}, period {period_follows}"
                    );
                }
            }
        }
    }

    #[test]
    fn other_languages_names() {
        let Tok::Month(3, style) = kinds("März")[0] else {
            panic!()
        };
        assert_eq!(style.lang, Lang::De);
        assert_eq!(render_month(5, style), "Mai");
        let Tok::Weekday(Weekday::Wed, style) = kinds("mercredi")[0] else {
            panic!()
        };
        assert_eq!(render_weekday(Weekday::Thu, style), "jeudi");
        assert!(matches!(
            kinds("Miércoles")[0],
            Tok::Weekday(Weekday::Wed, _)
        ));
        assert!(matches!(
            kinds("sexta-feira")[0],
            Tok::Weekday(Weekday::Fri, _)
        ));
        assert_texts("terça-feira, 3", &["terça-feira", ",", "3"]);
        // "quinta" alone is an estate, not a Thursday.
        assert_eq!(kinds("quinta"), vec![Tok::Other]);
        assert_eq!(kinds("Santo Domingo")[1], Tok::Other);
        assert!(matches!(
            kinds("El domingo")[1],
            Tok::Weekday(Weekday::Sun, _)
        ));
        // English names stay English.
        let Tok::Month(4, style) = kinds("April")[0] else {
            panic!()
        };
        assert_eq!(style.lang, Lang::En);
    }

    #[test]
    fn german_day_periods_and_french_firsts() {
        assert_eq!(kinds("3. März")[1], Tok::DayDot);
        assert_eq!(kinds("3. Then")[1], Tok::Stop);
        assert_eq!(kinds("3 . März")[1], Tok::Stop);
        assert_eq!(kinds("3. Mai")[1], Tok::DayDot);
        assert_eq!(kinds("3. April")[1], Tok::DayDot);
        assert!(matches!(
            kinds("1er mars")[0],
            Tok::Number {
                value: 1,
                ordinal: Some(_),
                ..
            }
        ));
        assert_eq!(kinds("2er"), vec![Tok::Other]);
    }

    #[test]
    fn joiners_and_time_words_in_any_case() {
        assert_eq!(kinds("THROUGH"), vec![Tok::Joiner(Joiner::Through)]);
        assert_eq!(kinds("Afternoon"), vec![Tok::TimeOfDay]);
        assert_eq!(kinds("2000 GMT")[1], Tok::TimeZone);
        assert_eq!(kinds("Z h"), vec![Tok::TimeZone, Tok::TimeZone]);
        assert_eq!(kinds("afternoons Éand"), vec![Tok::Other, Tok::Other]);
        assert_eq!(
            kinds("Fell ON a"),
            vec![
                Tok::Joiner(Joiner::Falls),
                Tok::Joiner(Joiner::On),
                Tok::Joiner(Joiner::A)
            ]
        );
        assert_eq!(kinds("was")[0], Tok::Joiner(Joiner::Is));
        assert_eq!(kinds("; — ? , x"), {
            let mut stops = vec![Tok::Stop; 3];
            stops.extend([Tok::Comma, Tok::Other]);
            stops
        });
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            kinds("2022-11-28")[0],
            Tok::Iso {
                year: 2022,
                month: 11,
                day: 28
            }
        );
        assert_eq!(
            kinds("02/10/2023")[0],
            Tok::Slashed {
                first: 2,
                second: 10,
                year: 2023,
                first_digits: 2,
                second_digits: 2
            }
        );
        assert_eq!(kinds("2012/05/01")[0], Tok::Other);
    }
}
