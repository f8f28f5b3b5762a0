//! YAML (`---`) and TOML (`+++`) front matter. A broken block is reported with a span into
//! the file; the article below it is still checked.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatterFormat {
    Yaml,
    Toml,
}

#[derive(Clone, Debug)]
pub struct FrontMatter {
    pub format: FrontMatterFormat,
    /// The whole block, fences included.
    pub span: Span,
    /// The text between the fences.
    pub content: Span,
    /// Top-level keys (empty when the block does not parse).
    pub values: Map<String, Value>,
    /// Why the block does not parse, and where.
    pub error: Option<(String, Span)>,
}

impl FrontMatter {
    /// Find front matter at the start of `source` (after `skip` bytes, a byte-order mark).
    pub fn detect(source: &str, skip: usize) -> Option<FrontMatter> {
        let rest = &source[skip..];
        let (fence, format) = if rest.starts_with("---") {
            ("---", FrontMatterFormat::Yaml)
        } else if rest.starts_with("+++") {
            ("+++", FrontMatterFormat::Toml)
        } else {
            return None;
        };
        let first_line_end = line_end(rest, 0);
        if rest[..first_line_end].trim_end() != fence {
            return None;
        }
        let content_start = skip + next_line(rest, first_line_end);
        let mut at = content_start;
        while at < source.len() {
            let end = skip_line_end(source, at);
            let line = source[at..end].trim_end();
            if line == fence || (format == FrontMatterFormat::Yaml && line == "...") {
                let block_end = next_line(source, end);
                let content = Span::new(content_start, at);
                return Some(Self::parse(
                    format,
                    source,
                    Span::new(skip, block_end),
                    content,
                ));
            }
            at = next_line(source, end);
        }
        let span = Span::new(skip, skip + first_line_end);
        Some(FrontMatter {
            format,
            span,
            content: Span::new(content_start, content_start),
            values: Map::new(),
            error: Some((
                format!("front matter opened with `{fence}` is never closed"),
                span,
            )),
        })
    }

    fn parse(format: FrontMatterFormat, source: &str, span: Span, content: Span) -> FrontMatter {
        let text = content.text(source);
        let parsed = match format {
            FrontMatterFormat::Yaml => parse_yaml(text, content.start),
            FrontMatterFormat::Toml => parse_toml(text, content.start),
        };
        let (values, error) = match parsed {
            Ok(values) => (values, None),
            Err(error) => (Map::new(), Some(error)),
        };
        FrontMatter {
            format,
            span,
            content,
            values,
            error,
        }
    }

    /// A string value (numbers and booleans are rendered as text).
    pub fn get_str(&self, key: &str) -> Option<String> {
        match self.values.get(key)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            Value::Array(items) => {
                let names: Vec<String> = items
                    .iter()
                    .filter_map(|item| match item {
                        Value::String(text) => Some(text.clone()),
                        Value::Object(object) => object
                            .get("name")
                            .and_then(Value::as_str)
                            .map(str::to_string),
                        _ => None,
                    })
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            Value::Object(object) => object
                .get("name")
                .and_then(Value::as_str)
                .map(str::to_string),
            _ => None,
        }
    }

    /// The first of `keys` whose value reads as a date (`2022-11-30`, an RFC 3339 or
    /// `YYYY-MM-DD HH:MM:SS` timestamp): the key and the date.
    pub fn get_date(&self, keys: &[String]) -> Option<(String, NaiveDate)> {
        keys.iter().find_map(|key| {
            let text = self.get_str(key)?;
            parse_date_prefix(&text).map(|date| (key.clone(), date))
        })
    }
}

impl FrontMatter {
    /// The first of `keys` whose value is written as a date (`YYYY-MM-DD`, alone or opening
    /// a timestamp) that does not exist, such as `2022-11-31`: the message and the value's
    /// span. Left alone, the article would be checked with no publication date at all.
    pub fn invalid_date(&self, source: &str, keys: &[String]) -> Option<(String, Span)> {
        keys.iter().find_map(|key| {
            let Value::String(text) = self.values.get(key)? else {
                return None;
            };
            let text = text.trim();
            let shaped = text.len() >= 10
                && text.bytes().take(10).enumerate().all(|(at, byte)| {
                    if at == 4 || at == 7 {
                        byte == b'-'
                    } else {
                        byte.is_ascii_digit()
                    }
                });
            if !shaped || parse_date_prefix(text).is_some() {
                return None;
            }
            let head = &text[..10];
            let span = self.value_span(source, key, head).unwrap_or(self.content);
            Some((
                format!("front matter `{key}` is `{head}`, a date that does not exist"),
                span,
            ))
        })
    }

    /// Where `needle` is written on the top-level line of `key`.
    fn value_span(&self, source: &str, key: &str, needle: &str) -> Option<Span> {
        let content = self.content.text(source);
        let mut at = self.content.start;
        for line in content.split_inclusive('\n') {
            let after_key = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
                .map(str::trim_start);
            if after_key.is_some_and(|rest| rest.starts_with([':', '='])) {
                if let Some(found) = line.find(needle) {
                    return Some(Span::new(at + found, at + found + needle.len()));
                }
            }
            at += line.len();
        }
        None
    }
}

/// Read `YYYY-MM-DD` at the start of a timestamp.
pub fn parse_date_prefix(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    match text.as_bytes().get(10) {
        None | Some(b'T') | Some(b' ') | Some(b't') => Some(date),
        _ => None,
    }
}

fn line_end(text: &str, from: usize) -> usize {
    text[from..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| from + at)
}

fn skip_line_end(text: &str, from: usize) -> usize {
    line_end(text, from)
}

fn next_line(text: &str, line_end: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(line_end) {
        Some(b'\r') if bytes.get(line_end + 1) == Some(&b'\n') => line_end + 2,
        Some(b'\r') | Some(b'\n') => line_end + 1,
        _ => line_end,
    }
}

/// Deeper bracket nesting than this is refused before the YAML parser sees it: its scanner
/// takes time quadratic in the depth (100,000 `[` took 35 s), and its deserializer gives up
/// at 128 levels anyway.
const MAX_YAML_NESTING: usize = 1_000;

/// Where bracket nesting first goes deeper than `MAX_YAML_NESTING`, if it does. Quotes are
/// not tracked: brackets inside strings count too, which only matters past the limit.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_YAML_NESTING {
                    return Some(at);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn parse_yaml(text: &str, base: usize) -> Result<Map<String, Value>, (String, Span)> {
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    if let Some(at) = too_deep(text) {
        return Err((
            format!("front matter nests brackets more than {MAX_YAML_NESTING} levels deep"),
            Span::new(base + at, base + at + 1),
        ));
    }
    match serde_yaml_ng::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err((
            "front matter must be a mapping of keys to values".to_string(),
            Span::new(base, base + text.len()),
        )),
        Err(error) => {
            let mut at = error
                .location()
                .map_or(0, |location| location.index().min(text.len()));
            // An error at the very end (an unclosed bracket) is shown on the last line.
            if text[at..].trim().is_empty() {
                let trimmed = text.trim_end();
                at = trimmed.rfind('\n').map_or(0, |nl| nl + 1);
            }
            let message = error.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            Err((
                format!("front matter is not valid YAML: {message}"),
                Span::new(base + at, base + line_end(text, at).max(at)),
            ))
        }
    }
}

fn parse_toml(text: &str, base: usize) -> Result<Map<String, Value>, (String, Span)> {
    match text.parse::<toml::Table>() {
        Ok(table) => Ok(table
            .into_iter()
            .map(|(key, value)| (key, toml_to_json(value)))
            .collect()),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            Err((
                format!("front matter is not valid TOML: {}", error.message()),
                Span::new(base + span.start, base + span.end),
            ))
        }
    }
}

fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(number) => Value::from(number),
        toml::Value::Float(number) => Value::from(number),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(datetime) => Value::String(datetime.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, toml_to_json(value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<String> {
        vec!["date".into(), "published".into()]
    }

    #[test]
    fn yaml_front_matter_with_dates() {
        let source = "---\ntitle: A\ndate: 2012-05-01 10:00:00\nauthor: Jane Roe\n---\nBody\n";
        let fm = FrontMatter::detect(source, 0).unwrap();
        assert_eq!(
            fm.span.text(source),
            "---\ntitle: A\ndate: 2012-05-01 10:00:00\nauthor: Jane Roe\n---\n"
        );
        assert_eq!(fm.get_str("author").as_deref(), Some("Jane Roe"));
        assert_eq!(
            fm.get_date(&keys()),
            Some(("date".into(), NaiveDate::from_ymd_opt(2012, 5, 1).unwrap()))
        );
    }

    #[test]
    fn toml_front_matter_with_bare_dates() {
        let source = "+++\npublished = 2022-11-30\nauthors = [\"A\", \"B\"]\n+++\nBody\n";
        let fm = FrontMatter::detect(source, 0).unwrap();
        assert!(fm.error.is_none());
        assert_eq!(
            fm.get_date(&keys()).unwrap().1,
            NaiveDate::from_ymd_opt(2022, 11, 30).unwrap()
        );
        assert_eq!(fm.get_str("authors").as_deref(), Some("A, B"));
    }

    #[test]
    fn broken_yaml_points_into_the_block() {
        let source = "---\ntitle: [unclosed\n---\nBody\n";
        let fm = FrontMatter::detect(source, 0).unwrap();
        let (message, span) = fm.error.unwrap();
        assert!(message.contains("not valid YAML"), "{message}");
        assert!(span.start >= 4 && span.end <= 20, "{span:?}");
    }

    #[test]
    fn deeply_nested_yaml_is_refused_quickly() {
        let source = format!("---\nx: {}\n---\nBody\n", "[".repeat(100_000));
        let fm = FrontMatter::detect(&source, 0).unwrap();
        let (message, span) = fm.error.unwrap();
        assert!(message.contains("more than 1000 levels"), "{message}");
        assert_eq!(span.text(&source), "[");
        let fine = format!("---\nx: {}1{}\n---\n", "[".repeat(50), "]".repeat(50));
        assert!(FrontMatter::detect(&fine, 0).unwrap().error.is_none());
    }

    #[test]
    fn a_date_that_does_not_exist_is_found_with_its_place() {
        let source = "---\ntitle: A\ndate: 2022-11-31\n---\nBody\n";
        let fm = FrontMatter::detect(source, 0).unwrap();
        let (message, span) = fm.invalid_date(source, &keys()).unwrap();
        assert!(message.contains("2022-11-31"), "{message}");
        assert_eq!(span.text(source), "2022-11-31");
        let fine = "---\ndate: 2022-11-30T10:00:00Z\npublished: November 31\n---\n";
        let fm = FrontMatter::detect(fine, 0).unwrap();
        assert_eq!(fm.invalid_date(fine, &keys()), None);
        // TOML refuses such a date itself: the block is broken, with a span.
        let toml = "+++\ndate = 2022-11-31\n+++\nBody\n";
        assert!(FrontMatter::detect(toml, 0).unwrap().error.is_some());
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let fm = FrontMatter::detect("---\ntitle: x\n\nBody\n", 0).unwrap();
        assert!(fm.error.unwrap().0.contains("never closed"));
    }

    #[test]
    fn a_thematic_break_later_is_not_front_matter() {
        assert!(FrontMatter::detect("Text\n---\n", 0).is_none());
        assert!(FrontMatter::detect("----\nx\n", 0).is_none());
    }
}
