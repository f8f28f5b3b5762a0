//! Date words and numbers: a block's text cut into the few kinds of token that dates are
//! made of. Anything else is `Other` and breaks a date pattern, so the grammar never reaches
//! across unrelated words.

use std::ops::Range;

use chrono::Weekday;

use crate::text::letters_at;

/// How a weekday or month name is written, so that a fix can write another one the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameStyle {
    pub form: NameForm,
    /// A period follows the abbreviation (and belongs to the name's range).
    pub period: bool,
    pub case: LetterCase,
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
            LetterCase::Title => word.to_string(),
            LetterCase::Upper => word.to_uppercase(),
            LetterCase::Lower => word.to_lowercase(),
        }
    }
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAY_AP: [&str; 7] = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_AP: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// The full English name of a weekday.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAY_NAMES[weekday.num_days_from_monday() as usize]
}

/// The full English name of a month (1 to 12).
pub fn month_name(month: u32) -> &'static str {
    MONTH_NAMES[(month as usize).saturating_sub(1) % 12]
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

pub fn render_weekday(weekday: Weekday, style: NameStyle) -> String {
    let index = weekday.num_days_from_monday() as usize;
    render_name(WEEKDAY_NAMES[index], WEEKDAY_AP[index], style)
}

pub fn render_month(month: u32, style: NameStyle) -> String {
    let index = (month as usize).saturating_sub(1) % 12;
    render_name(MONTH_NAMES[index], MONTH_AP[index], style)
}

/// Abbreviations that are also common words: only a capitalised form is a date word
/// ("sat", "sun", "wed", "mon", "mar", "may", "march").
const LOWERCASE_WORDS: &[&str] = &["sat", "sun", "wed", "mon", "mar", "may", "march"];

/// The first letters of weekday and month names: other words are ruled out at once.
const DATE_WORD_INITIALS: &[u8] = b"adfjmnostw";

/// A weekday or month name: which one, how it is written, and whether the period after it
/// belongs to it.
fn classify_name(word: &str, period_follows: bool) -> Option<(Tok, bool)> {
    // Every weekday and month name and abbreviation is ASCII, of 3 to 9 letters, and starts
    // with one of a few letters: most words are ruled out at once.
    let initial = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=9).contains(&word.len()) || !word.is_ascii() || !DATE_WORD_INITIALS.contains(&initial)
    {
        return None;
    }
    // The tables are ASCII; comparing without case needs no lower-case copy.
    let is = |form: &str| form.eq_ignore_ascii_case(word);
    let case = LetterCase::of(word);
    if case == LetterCase::Lower && LOWERCASE_WORDS.iter().any(|w| is(w)) {
        return None;
    }
    // The style of an abbreviation: AP when it is the AP form and unmistakably so (a
    // period, or a four-letter form such as "Tues" or "Sept").
    let abbreviated = |ap: &str| NameStyle {
        form: if is(ap) && (period_follows || word.len() > 3) {
            NameForm::Ap
        } else {
            NameForm::Short
        },
        period: period_follows,
        case,
    };
    let full = NameStyle {
        form: NameForm::Full,
        period: false,
        case,
    };
    for (index, name) in WEEKDAY_NAMES.iter().enumerate() {
        let ap = WEEKDAY_AP[index];
        if is(name) {
            return Some((Tok::Weekday(WEEKDAYS[index], full), false));
        }
        if is(&name[..3]) || is(ap) || (index == 3 && is("thur")) {
            return Some((
                Tok::Weekday(WEEKDAYS[index], abbreviated(ap)),
                period_follows,
            ));
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
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub range: Range<usize>,
}

const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "west", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "ist", "jst", "msk", "aest", "aedt", "hours", "hrs", "hr", "h",
    "local", "z",
];

/// Joiners and times of day, in lower case.
const JOINERS: &[(&str, Tok)] = &[
    ("and", Tok::Joiner(Joiner::And)),
    ("to", Tok::Joiner(Joiner::Through)),
    ("through", Tok::Joiner(Joiner::Through)),
    ("thru", Tok::Joiner(Joiner::Through)),
    ("until", Tok::Joiner(Joiner::Through)),
    ("till", Tok::Joiner(Joiner::Through)),
    ("the", Tok::Joiner(Joiner::The)),
    ("of", Tok::Joiner(Joiner::Of)),
    ("from", Tok::Joiner(Joiner::From)),
    ("between", Tok::Joiner(Joiner::From)),
    ("morning", Tok::TimeOfDay),
    ("afternoon", Tok::TimeOfDay),
    ("evening", Tok::TimeOfDay),
    ("night", Tok::TimeOfDay),
];

fn classify_word(word: &str, period_follows: bool, previous: Option<&str>) -> (Tok, bool) {
    if let Some((tok, takes_period)) = classify_name(word, period_follows) {
        // "The Sun, Nov. 28" names a newspaper, not a Sunday.
        let abbreviated = matches!(tok, Tok::Weekday(_, style) if style.form != NameForm::Full);
        if !(abbreviated && previous.is_some_and(|p| p.eq_ignore_ascii_case("the"))) {
            return (tok, takes_period);
        }
    }
    // The longest joiner or time word is "afternoon": longer words are plain words.
    if word.len() > 9 {
        return (Tok::Other, false);
    }
    let tok = JOINERS
        .iter()
        .find(|(joiner, _)| joiner.eq_ignore_ascii_case(word))
        .map(|&(_, tok)| tok)
        .or_else(|| {
            TIME_ZONES
                .iter()
                .any(|zone| zone.eq_ignore_ascii_case(word))
                .then_some(Tok::TimeZone)
        })
        .unwrap_or(Tok::Other);
    (tok, false)
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
        if letters == 2
            && matches!(
                suffix.to_ascii_lowercase().as_str(),
                "st" | "nd" | "rd" | "th"
            )
            && !unicode_letter_follows
        {
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
            let word_len = letters_at(text, at);
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
