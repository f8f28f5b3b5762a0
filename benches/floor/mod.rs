//! The floor factlint is judged against: pulldown-cmark with factlint's parser options, then
//! ten regexes of the kind the rules need over the document's text. Shared by the throughput
//! benchmark and `floor_one` (the floor as a whole process, for one article).

#![allow(dead_code)]

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Ten regexes of the kind the rules need, with ASCII word boundaries.
pub static TEN_REGEXES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?-u:\b)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?-u:\b)",
        r"(?-u:\b)(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)\.? [0-9]{1,2}(?-u:\b)",
        r"(?-u:\b)(?:19|20)[0-9]{2}(?-u:\b)",
        r"(?-u:\b)[0-9]+ (?:[A-Z][A-Za-z]+ )?(?:allies|members|countries|states|delegations)(?-u:\b)",
        r"(?-u:\b)(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty)(?-u:\b)",
        r"(?-u:\b)(?:said|says|told|added|asked|wrote|declared|according to)(?-u:\b)",
        r#"["“”‘’]"#,
        r"(?i)(?-u:\b)(?:photo|image|credit)s?(?-u:\b) *(?:by|:)",
        r"(?-u:\b)(?:President|Secretary[- ]General|Minister|Ambassador|Mayor) [A-Z][a-z]+ [A-Z][a-z]+",
        r"(?-u:\b)(?:defen[cs]e|organi[sz]ation|favou?r|colou?r|cent(?:re|er))(?-u:\b)",
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).expect("valid regex"))
    .collect()
});

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Document,
    Block,
}

/// Parse, gather the text of each paragraph, heading, list item and table cell, and run the
/// ten regexes over it.
pub fn parse_and_match(text: &str, granularity: Granularity) -> usize {
    let regexes = &*TEN_REGEXES;
    let mut buffer = String::new();
    let mut matches = 0;
    let mut search = |buffer: &mut String| {
        matches += regexes
            .iter()
            .map(|re| re.find_iter(buffer).count())
            .sum::<usize>();
        buffer.clear();
    };
    for (event, _) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Text(piece) => buffer.push_str(&piece),
            Event::SoftBreak | Event::HardBreak | Event::Code(_) => buffer.push(' '),
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item,
            ) if !buffer.is_empty() && !buffer.ends_with("\n\n") => match granularity {
                Granularity::Document => buffer.push_str("\n\n"),
                Granularity::Block => search(&mut buffer),
            },
            _ => {}
        }
    }
    if !buffer.is_empty() {
        search(&mut buffer);
    }
    matches
}
