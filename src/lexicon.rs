//! The words every part of the library reads the same way, written once: English weekday and
//! month names with their abbreviations (full, three-letter and AP forms), and the weekday
//! and month names of the other languages the date reader knows. Looked up by a word's lower
//! case with one `match` or one hash map, never by scanning the tables.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use chrono::Weekday;

/// The languages whose weekday and month names are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    De,
    It,
    Pt,
}

/// The weekdays from Monday, in the order of the tables below.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
/// The full English names of the weekdays, from Monday.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// The AP style abbreviations of the weekdays ("Tues.", "Thurs.").
pub const WEEKDAY_AP: [&str; 7] = ["Mon", "Tues", "Wed", "Thurs", "Fri", "Sat", "Sun"];
/// The full English names of the months, from January.
pub const MONTH_NAMES: [&str; 12] = [
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
/// The AP style forms of the months: abbreviated ("Sept."), March to July in full.
pub const MONTH_AP: [&str; 12] = [
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

/// Weekday and month names of the other languages, as each writes them in running text
/// (German capitalises nouns; the others write them in lower case).
pub const FOREIGN: [(Lang, [&str; 7], [&str; 12]); 5] = [
    (
        Lang::Fr,
        [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    (
        Lang::Es,
        [
            "lunes",
            "martes",
            "miércoles",
            "jueves",
            "viernes",
            "sábado",
            "domingo",
        ],
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
    ),
    (
        Lang::De,
        [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ],
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
    ),
    (
        Lang::It,
        [
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
        ],
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
    ),
    (
        Lang::Pt,
        [
            "segunda-feira",
            "terça-feira",
            "quarta-feira",
            "quinta-feira",
            "sexta-feira",
            "sábado",
            "domingo",
        ],
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
    ),
];

/// The weekday and month names of another language (`None` for English).
pub fn foreign_tables(
    lang: Lang,
) -> Option<(&'static [&'static str; 7], &'static [&'static str; 12])> {
    FOREIGN
        .iter()
        .find(|(l, _, _)| *l == lang)
        .map(|(_, weekdays, months)| (weekdays, months))
}

/// Forms written without their accents, or in another spelling of the same language.
pub const FOREIGN_VARIANTS: &[(&str, Lang, DateName)] = &[
    ("fevrier", Lang::Fr, DateName::Month(2)),
    ("aout", Lang::Fr, DateName::Month(8)),
    ("decembre", Lang::Fr, DateName::Month(12)),
    ("setiembre", Lang::Es, DateName::Month(9)),
    ("miercoles", Lang::Es, DateName::Weekday(2)),
    ("sabado", Lang::Es, DateName::Weekday(5)),
    ("jänner", Lang::De, DateName::Month(1)),
    ("maerz", Lang::De, DateName::Month(3)),
    ("marz", Lang::De, DateName::Month(3)),
    ("sonnabend", Lang::De, DateName::Weekday(5)),
    ("lunedi", Lang::It, DateName::Weekday(0)),
    ("martedi", Lang::It, DateName::Weekday(1)),
    ("mercoledi", Lang::It, DateName::Weekday(2)),
    ("giovedi", Lang::It, DateName::Weekday(3)),
    ("venerdi", Lang::It, DateName::Weekday(4)),
    ("terca-feira", Lang::Pt, DateName::Weekday(1)),
];

/// The weekday or month a lower-case word names in one of the other languages. A name
/// that is also an English name ("April", "November") is read as English.
pub fn foreign_name(lower: &str) -> Option<(DateName, Lang)> {
    // FxHash, and the names already in lower case borrowed: asked of most words of an
    // article, and built in every run that reads a date.
    static NAMES: LazyLock<FxHashMap<Cow<'static, str>, (DateName, Lang)>> = LazyLock::new(|| {
        let mut names = FxHashMap::default();
        names.reserve(FOREIGN_VARIANTS.len() + FOREIGN.len() * 19);
        for &(form, lang, name) in FOREIGN_VARIANTS {
            names.insert(lowercase(form), (name, lang));
        }
        // Later languages first, so that a name two languages share keeps the first's.
        for (lang, weekdays, months) in FOREIGN.iter().rev() {
            for (index, weekday) in weekdays.iter().enumerate() {
                names.insert(lowercase(weekday), (DateName::Weekday(index), *lang));
            }
            for (index, month) in months.iter().enumerate() {
                names.insert(lowercase(month), (DateName::Month(index as u32 + 1), *lang));
            }
        }
        names
    });
    NAMES.get(lower).copied()
}

/// `name` in lower case, borrowed when it already is.
fn lowercase(name: &'static str) -> Cow<'static, str> {
    if name.chars().any(char::is_uppercase) {
        Cow::Owned(name.to_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// A weekday or month as a word may write it.
#[derive(Clone, Copy, Debug)]
pub enum DateName {
    /// Index into [`WEEKDAYS`].
    Weekday(usize),
    /// 1 to 12.
    Month(u32),
}

/// How a weekday or month word is written, before its case and period are known.
#[derive(Clone, Copy)]
pub enum Written {
    Full,
    /// An abbreviation; `ap` when it is the AP form ("Tues", "Sept", "Nov"), so that it is
    /// unmistakably AP style with a period or four letters.
    Abbreviated {
        ap: bool,
    },
}

/// The weekday or month a lower-case word names, and how: the full names of
/// [`WEEKDAY_NAMES`] and [`MONTH_NAMES`], their first three letters, the forms of
/// [`WEEKDAY_AP`] and [`MONTH_AP`], and "thur". One `match` rather than a scan of the
/// tables for every word.
pub fn date_name(lower: &[u8]) -> Option<(DateName, Written)> {
    use DateName::{Month, Weekday};
    use Written::{Abbreviated, Full};
    const AP: Written = Abbreviated { ap: true };
    const SHORT: Written = Abbreviated { ap: false };
    Some(match lower {
        b"monday" => (Weekday(0), Full),
        b"mon" => (Weekday(0), AP),
        b"tuesday" => (Weekday(1), Full),
        b"tue" => (Weekday(1), SHORT),
        b"tues" => (Weekday(1), AP),
        b"wednesday" => (Weekday(2), Full),
        b"wed" => (Weekday(2), AP),
        b"thursday" => (Weekday(3), Full),
        b"thu" | b"thur" => (Weekday(3), SHORT),
        b"thurs" => (Weekday(3), AP),
        b"friday" => (Weekday(4), Full),
        b"fri" => (Weekday(4), AP),
        b"saturday" => (Weekday(5), Full),
        b"sat" => (Weekday(5), AP),
        b"sunday" => (Weekday(6), Full),
        b"sun" => (Weekday(6), AP),
        b"january" => (Month(1), Full),
        b"jan" => (Month(1), AP),
        b"february" => (Month(2), Full),
        b"feb" => (Month(2), AP),
        b"march" => (Month(3), Full),
        b"mar" => (Month(3), SHORT),
        b"april" => (Month(4), Full),
        b"apr" => (Month(4), SHORT),
        b"may" => (Month(5), Full),
        b"june" => (Month(6), Full),
        b"jun" => (Month(6), SHORT),
        b"july" => (Month(7), Full),
        b"jul" => (Month(7), SHORT),
        b"august" => (Month(8), Full),
        b"aug" => (Month(8), AP),
        b"september" => (Month(9), Full),
        b"sep" => (Month(9), SHORT),
        b"sept" => (Month(9), AP),
        b"october" => (Month(10), Full),
        b"oct" => (Month(10), AP),
        b"november" => (Month(11), Full),
        b"nov" => (Month(11), AP),
        b"december" => (Month(12), Full),
        b"dec" => (Month(12), AP),
        _ => return None,
    })
}

/// A weekday or month name as news copy writes it after a name ("Kuleba Tuesday", "Paris
/// Nov. 28"): a full name or a month's abbreviation ("Sept", "Nov"), capitalised. A weekday's
/// abbreviation ("Sun", "Wed") is not one: it is a word or a name too often.
pub fn is_calendar_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let capitalised = bytes.len() <= 9
        && bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes[1..].iter().all(u8::is_ascii_lowercase);
    if !capitalised {
        return false;
    }
    let mut lower = [0u8; 9];
    lower[..bytes.len()].copy_from_slice(bytes);
    lower[0] = lower[0].to_ascii_lowercase();
    matches!(
        date_name(&lower[..bytes.len()]),
        Some((_, Written::Full) | (DateName::Month(_), Written::Abbreviated { .. }))
    )
}

/// A full weekday or month name in lower case ("sunday", "june"), but for "may", which is
/// also a verb.
pub fn is_full_calendar_name(lower: &str) -> bool {
    lower != "may" && matches!(date_name(lower.as_bytes()), Some((_, Written::Full)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words_are_capitalised_names_and_month_abbreviations() {
        for word in [
            "Monday",
            "May",
            "September",
            "Sept",
            "Sep",
            "Nov",
            "Mar",
            "Jun",
        ] {
            assert!(is_calendar_word(word), "{word}");
        }
        for word in [
            "monday", "MONDAY", "MonDay", "Mon", "Sun", "Wed", "Tues", "Mayor", "",
        ] {
            assert!(!is_calendar_word(word), "{word}");
        }
        assert!(is_full_calendar_name("sunday") && is_full_calendar_name("june"));
        assert!(!is_full_calendar_name("may") && !is_full_calendar_name("sun"));
    }
}
