//! Who the article says wrote it: a byline (front matter `author`, `authors` or `byline`, or
//! a "By Jane Doe" line near the top) or a reporting credit ("With reporting by ...").
//! What `credit-byline` judges, so the rule never reads the text itself. The accepted forms
//! live in `rules/style/credits.toml`.
//!
//! Looked for only when `credit-byline` will read it (the rule is on and bylines are
//! required), cheapest first: each set of patterns is compiled only when it is needed.

use super::ExtractContext;
use crate::document::{BlockKind, Document};
use crate::style::credits::CreditPatterns;

/// A "By Jane Doe" line counts among the first blocks only (a title, a standfirst, the byline).
const BYLINE_BLOCKS: usize = 4;

/// Where the article names who wrote or reported it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Byline {
    /// Not looked for: `credit-byline` is off or bylines are not required.
    #[default]
    NotAsked,
    /// A non-empty front-matter key of the byline keys.
    FrontMatter,
    /// A byline line in one of the first blocks.
    NearTheTop,
    /// A reporting credit anywhere.
    Reporting,
    /// None of them.
    Missing,
}

pub fn extract(doc: &Document, cx: &ExtractContext) -> Byline {
    let credits = &cx.style.credits;
    let in_front_matter = doc.front_matter.as_ref().is_some_and(|fm| {
        credits.byline_keys.iter().any(|key| {
            fm.get_str(key)
                .is_some_and(|value| !value.trim().is_empty())
        })
    });
    if in_front_matter {
        return Byline::FrontMatter;
    }
    let near_top = doc.blocks.iter().take(BYLINE_BLOCKS).any(|block| {
        block.text().lines().any(|line| {
            (!block.is_heading() || says_who_wrote_it(line)) && credits.byline.is_match(line)
        })
    });
    if near_top {
        return Byline::NearTheTop;
    }
    let reporting = doc.blocks.iter().enumerate().any(|(index, block)| {
        wire_credit(block.text(), &credits.agencies)
            || credits.reporting.is_match(block.text())
            || agency_source_line(doc, index, credits)
    });
    if reporting {
        return Byline::Reporting;
    }
    Byline::Missing
}

/// How far into a block a dateline's parenthesis may open ("NEW DELHI, November 29, 2022
/// (PTI)" is 30 bytes).
const DATELINE_BYTES: usize = 70;

/// Whether a block credits a news agency with the report: a dateline naming it ("LONDON,
/// Sept 28 (Reuters) –", "(CNN) —") or a closing line that is the agency alone ("— AFP",
/// "(With inputs from PTI)", "Reuters, AP"). The agencies are style data
/// (`rules/style/credits.toml`); a hand-written test of the two shapes costs nothing to
/// build, where a pattern holding every agency's name cost two million instructions to
/// compile.
fn wire_credit(text: &str, agencies: &[String]) -> bool {
    let is_agency = |name: &str| agencies.iter().any(|agency| agency == name.trim());
    names_agency_in_dateline(text, is_agency) || is_agency_sign_off(text, is_agency)
}

/// The block's first parenthesis opens within its first bytes, on its first line, and names
/// an agency first ("(Reuters)", "(AFP/Reuters)", "(Xinhua, AP)").
fn names_agency_in_dateline(text: &str, is_agency: impl Fn(&str) -> bool) -> bool {
    let mut end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let Some(open) = head.find(['(', ')', '\n']) else {
        return false;
    };
    if !head[open..].starts_with('(') {
        return false;
    }
    let inside = &text[open + 1..];
    inside
        .find(')')
        .map(|close| &inside[..close])
        .and_then(|inside| inside.split(['/', ',']).next())
        .is_some_and(is_agency)
}

/// The block is only agencies, after a dash or in parentheses, perhaps "with" them: "— AFP",
/// "-- Reuters", "(AFP)", "With AFP", "(With inputs from PTI)", "Reuters and AP".
fn is_agency_sign_off(text: &str, is_agency: impl Fn(&str) -> bool) -> bool {
    let line = text
        .trim()
        .trim_start_matches(['-', '–', '—', '(', ' ', '\t'])
        .trim_end_matches(['.', ')', ' ', '\t']);
    if line.is_empty() || line.len() > 80 {
        return false;
    }
    let names = without_with(line);
    names
        .split([',', '/', '&'])
        .flat_map(|part| part.split(" and "))
        .all(|name| !name.trim().is_empty() && is_agency(name))
}

/// A paragraph of its own naming agencies as the article's source, as papers running wire
/// copy close it: "Source: Reuters", "Sources: AFP, dpa", "Source: agencies". "Source:" also
/// labels a chart's data or a picture, so it counts only as a plain paragraph of agencies
/// alone, not in a list or a block quote, and not right under an image, a table, an HTML
/// embed or a photo caption (there it names what is shown, not who wrote the article).
fn agency_source_line(doc: &Document, index: usize, credits: &CreditPatterns) -> bool {
    let block = &doc.blocks[index];
    let Some(names) = without_source_label(block.text()) else {
        return false;
    };
    let is_agency = |name: &str| credits.agencies.iter().any(|agency| agency == name.trim());
    if block.kind != BlockKind::Paragraph
        || block.in_list
        || block.quote_depth > 0
        || !is_agency_sign_off(names, is_agency)
    {
        return false;
    }
    let under_an_image = doc.images.iter().any(|image| {
        doc.block_holding(image) == Some(index) || doc.block_after(image) == Some(index)
    });
    if under_an_image {
        return false;
    }
    let Some(previous) = index.checked_sub(1).map(|at| &doc.blocks[at]) else {
        return true;
    };
    // Only blank lines or a rule between: no table, code or HTML (a chart, an embed).
    let between = doc
        .source
        .get(previous.span().end..block.span().start)
        .unwrap_or("x");
    let plain_gap = between
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '_'));
    plain_gap && previous.kind != BlockKind::TableCell && !credits.caption.is_match(previous.text())
}

/// The names after a leading "Source:" or "Sources:", or in an agency's copyright notice
/// ("© AFP 2023", "Copyright 2023 The Associated Press. All rights reserved."); ASCII case
/// ignored.
fn without_source_label(text: &str) -> Option<&str> {
    let text = text.trim_start();
    // Told by the first byte: every paragraph of an article with no byline is asked.
    match text.as_bytes().first()? {
        b'S' | b's' => {
            let rest = without_prefix(text, "source")?;
            let rest = rest.strip_prefix(['s', 'S']).unwrap_or(rest);
            rest.trim_start().strip_prefix(':')
        }
        // "©" is 0xC2 0xA9 in UTF-8.
        b'(' | b'C' | b'c' | 0xC2 => copyright_holder(text.trim_end()),
        _ => None,
    }
}

/// The holder an agency's copyright notice names: "© AFP", "(c) 2023 Reuters", "Copyright
/// 2023 The Associated Press. All rights reserved. This material may not be published,
/// broadcast, rewritten or redistributed."
fn copyright_holder(text: &str) -> Option<&str> {
    let mut rest = text
        .strip_prefix('©')
        .or_else(|| without_prefix(text, "(c)"))
        .map(str::trim_start);
    rest = without_prefix(rest.unwrap_or(text), "copyright")
        .map(str::trim_start)
        .or(rest);
    let rest = without_year(rest?);
    // The notice's own words after the holder: nothing else may follow it.
    let holder = match rest.split_once(". ") {
        Some((holder, notice)) => {
            let notice = notice.trim_start();
            let is_notice = ["all rights reserved", "this material may not"]
                .iter()
                .any(|words| without_prefix(notice, words).is_some());
            is_notice.then_some(holder)?
        }
        None => rest,
    };
    Some(without_year(holder.trim_end_matches(['.', ' '])))
}

/// `text` without a leading year ("2023 Reuters") or a trailing one ("AFP 2023").
fn without_year(text: &str) -> &str {
    let is_year = |word: &str| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    let text = text.trim();
    if let Some((year, rest)) = text.split_once(' ') {
        if is_year(year) {
            return rest.trim_start();
        }
    }
    match text.rsplit_once(' ') {
        Some((rest, year)) if is_year(year) => rest.trim_end(),
        _ => text,
    }
}

/// `text` after `prefix` (ASCII case ignored).
fn without_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

/// `line` without a leading "With", "With inputs from", "With additional reporting from".
fn without_with(line: &str) -> &str {
    let Some(mut rest) = without_word(line, &["with"]) else {
        return line;
    };
    for words in [
        &["additional"][..],
        &["inputs", "input", "reporting", "information"],
        &["from", "by"],
    ] {
        rest = without_word(rest, words).unwrap_or(rest);
    }
    rest
}

/// `text` without its first word, when that word is one of `words` (ASCII case ignored).
fn without_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    let end = text.find([' ', '\t']).unwrap_or(text.len());
    words
        .iter()
        .any(|word| text[..end].eq_ignore_ascii_case(word))
        .then(|| text[end..].trim_start())
}

/// Whether a line names its writer in words ("By Jane Doe", "Author: Jane Doe", "Reuters
/// staff"). A heading is a title, and a title-case one ("Heavy Snow in Chicago") has the shape
/// of a British byline ("Jane Doe in Chicago"): in a heading only such a line is a byline.
fn says_who_wrote_it(line: &str) -> bool {
    line.split(|c: char| !c.is_alphanumeric()).any(|word| {
        ["by", "author", "authors", "byline", "staff"]
            .iter()
            .any(|name| word.eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::Byline;
    use crate::claims::{ClaimGroup, Claims};
    use crate::document::Document;
    use crate::registry::RuleId;
    use crate::settings::Settings;

    /// The byline the claim pipeline finds with `settings` (`NotAsked` when no rule needs it).
    fn byline(source: &str, settings: &Settings) -> Byline {
        let mut claims = Claims::default();
        claims.extract_group(ClaimGroup::Credits, &Document::parse(source), settings);
        claims.byline
    }

    #[test]
    fn each_place_a_byline_is_found() {
        let settings = Settings::embedded();
        assert_eq!(
            byline("---\nauthor: Jane Doe\n---\nText.\n", &settings),
            Byline::FrontMatter
        );
        assert_eq!(
            byline("# Title\n\nBy Jane Doe\n\nText.\n", &settings),
            Byline::NearTheTop
        );
        assert_eq!(
            byline(
                "Text.\n\nMore.\n\nMore.\n\nMore.\n\nWith reporting by Reuters\n",
                &settings
            ),
            Byline::Reporting
        );
        assert_eq!(
            byline(
                "Heavy Snow in Chicago\n\nJane Doe in Chicago\n\nText.\n",
                &settings
            ),
            Byline::NearTheTop
        );
        // A title-case headline has a British byline's shape, but a heading is a title.
        assert_eq!(
            byline("# Heavy Snow in Chicago\n\nText.\n", &settings),
            Byline::Missing
        );
        assert_eq!(
            byline("### By Jane Doe\n\nText.\n", &settings),
            Byline::NearTheTop
        );
        // Too far down to be a byline line.
        assert_eq!(
            byline("A.\n\nB.\n\nC.\n\nD.\n\nBy Jane Doe\n", &settings),
            Byline::Missing
        );
        assert_eq!(
            byline("---\nauthor: \" \"\n---\nText.\n", &settings),
            Byline::Missing
        );
    }

    #[test]
    fn agencies_credited_in_a_dateline_or_a_closing_line() {
        let agencies: Vec<String> = ["Reuters", "AFP", "AP", "PTI", "Xinhua", "CNN", "agencies"]
            .map(String::from)
            .to_vec();
        for credit in [
            "LONDON, Sept 28 (Reuters) – British drivers queued on Tuesday.",
            "BEIJING, May 2, 2018 (Xinhua) -- A meeting was held.",
            "(CNN) — The president said on Tuesday.",
            "New Delhi, Nov 29 (PTI) The government said.",
            "WASHINGTON (AP/Reuters) — Lawmakers met.",
            "— AFP",
            "-- Reuters",
            "(AFP)",
            "With AFP",
            "(With inputs from PTI)",
            "with agencies",
            "With additional reporting from agencies.",
            "Reuters, AP",
            "AFP and Reuters",
        ] {
            assert!(super::wire_credit(credit, &agencies), "{credit:?}");
        }
        for not_a_credit in [
            "Police said (AFP reported) that two people died.",
            "The AFP report said two people died.",
            "Reuters reported that the talks failed.",
            "The minister met the press (about forty reporters) and (Reuters) left.",
            "With friends",
            "AFP, police said",
            "",
            "()",
        ] {
            assert!(
                !super::wire_credit(not_a_credit, &agencies),
                "{not_a_credit:?}"
            );
        }
    }

    #[test]
    fn agencies_named_as_the_source_on_a_closing_line() {
        let settings = Settings::embedded();
        let story = "# Floods cut off villages\n\nHeavy rain cut off dozens of villages.\n\n";
        for credit in [
            "Source: Reuters",
            "*Source: AP*",
            "**Source:** AFP, dpa",
            "Sources: Reuters, AP",
            "SOURCE: AFP/Reuters",
            "Source : Xinhua.",
            "Source: agencies",
            // An agency's copyright notice.
            "© AFP",
            "©AFP 2023",
            "(c) 2023 Reuters",
            "Copyright 2023 The Associated Press. All rights reserved.",
            "Copyright 2023 The Associated Press. All rights reserved. This material may not \
             be published, broadcast, rewritten or redistributed.",
            "© Copyright 2023 AFP",
        ] {
            let article = format!("{story}{credit}\n");
            assert_eq!(byline(&article, &settings), Byline::Reporting, "{credit:?}");
            // A rule between the story and the credit changes nothing.
            let article = format!("{story}---\n\n{credit}\n");
            assert_eq!(byline(&article, &settings), Byline::Reporting, "{credit:?}");
            // Nor does a picture alone in its paragraph further up, with prose after it.
            let article = format!(
                "{story}![Flooded road](road.jpg)\n\nThe river rose overnight.\n\n{credit}\n"
            );
            assert_eq!(byline(&article, &settings), Byline::Reporting, "{credit:?}");
        }
        for not_a_credit in [
            // A source that is no agency, or more than the agency.
            "Source: the Met Office",
            "Source: Reuters reporting and local police",
            "Source: Reuters Eikon data",
            "Sourced: Reuters",
            "Resource: Reuters",
            "© The Daily Planet 2023",
            "Copyright 2023 Reuters. Police said two people died.",
            "© AFP photo of the flooded road",
            "Copyright",
            // Under an image, a table, a chart embedded in HTML or a photo caption, in a list
            // or a block quote: the source of what is shown or quoted.
            "![A flooded road](road.jpg)\n\nSource: Reuters",
            "![A flooded road](road.jpg)\nSource: Reuters",
            "| Town | Rain |\n|---|---|\n| Leeds | 40 mm |\n\nSource: Reuters",
            "<iframe src=\"chart.html\"></iframe>\n\nSource: Reuters",
            "Pictured: the flooded road on Monday\n\nSource: Reuters",
            "- Source: Reuters",
            "> Source: Reuters",
            "```\nrainfall.csv\n```\n\nSource: Reuters",
        ] {
            let article = format!("{story}{not_a_credit}\n");
            assert_eq!(
                byline(&article, &settings),
                Byline::Missing,
                "{not_a_credit:?}"
            );
        }
    }

    #[test]
    fn not_looked_for_when_the_rule_is_off_or_bylines_are_not_required() {
        let mut settings = Settings::embedded();
        settings.selection.ignore.insert(RuleId::CreditByline);
        assert_eq!(byline("Text.\n", &settings), Byline::NotAsked);
        let mut settings = Settings::embedded();
        settings.config.require_byline = false;
        assert_eq!(byline("Text.\n", &settings), Byline::NotAsked);
    }
}
