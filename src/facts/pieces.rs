//! A long TOML fact file parsed a piece at a time. The TOML parser holds about twenty times
//! a document's size while it reads it (its tokens, its events and a tree of values), so a
//! newsroom's 10 MB file of people in office would take 250 MB; cut into pieces of a few
//! hundred kilobytes, it takes the pieces' share and the structures read.
//!
//! A piece starts at a line that opens an entry of a top-level table array (`[[entity]]`),
//! and parses on its own to exactly what it is part of: such a line can only open a new entry
//! unless it sits inside a multi-line value, and then the piece before it ends inside that
//! value and does not parse. Any piece that does not parse, or any doubt (a file whose keys
//! before its first table are more than `checked`), sends the file to the whole-file parser,
//! whose result and error messages are the reference.

use rustc_hash::FxHashMap;

use super::file::{Date, RawFile, RawFileOf, Shift};

/// Files shorter than this are parsed whole: pieces would save little.
const PIECES_FROM_BYTES: usize = 1 << 20;
/// About how long a piece is.
const PIECE_BYTES: usize = 256 << 10;

/// Parse a fact file, a piece at a time when it is long.
pub fn parse(text: &str) -> Result<RawFile, toml::de::Error> {
    if text.len() >= PIECES_FROM_BYTES {
        if let Some(raw) = parse_in_pieces(text, PIECE_BYTES) {
            return Ok(raw);
        }
    }
    toml::from_str(text)
}

/// The file parsed in pieces of about `piece_bytes`, or `None` when it must be parsed whole.
fn parse_in_pieces(text: &str, piece_bytes: usize) -> Option<RawFile> {
    let Layout { starts, entries } = layout(text, piece_bytes)?;
    let mut whole: Option<RawFile> = None;
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(text.len());
        let mut piece: RawFileOf<Option<Date>> = toml::from_str(&text[start..end]).ok()?;
        piece.shift(start);
        match &mut whole {
            None => {
                let checked = piece.checked.take()?;
                let mut first = piece.with_checked(checked);
                first.reserve_exact(|table| entries.get(table).copied().unwrap_or(0));
                whole = Some(first);
            }
            // A later piece starts with a table, so it has no `checked` of its own.
            Some(whole) => whole.append(piece),
        }
    }
    whole
}

/// Where a long file's pieces start, and how many entries each table has.
struct Layout<'t> {
    /// 0, then lines opening a table-array entry (`[[term]]`, a bare key) at least
    /// `piece_bytes` apart.
    starts: Vec<usize>,
    /// The `[[name]]` lines of each table, which size its table: its entries (more when such
    /// a line sits inside a multi-line string, fewer when a header is indented; either only
    /// costs memory).
    entries: FxHashMap<&'t str, usize>,
}

/// The file's [`Layout`]; `None` when the keys before the first table are more than
/// `checked` and comments (say, `entity = [...]` written inline, which a later `[[entity]]`
/// may not extend: only the whole-file parser knows to refuse that), or when the file is one
/// piece.
fn layout(text: &str, piece_bytes: usize) -> Option<Layout<'_>> {
    let mut starts = vec![0];
    let mut entries = FxHashMap::default();
    let mut in_prelude = true;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let opens_first_table = in_prelude && trimmed.starts_with('[');
        if in_prelude && !opens_first_table {
            if !(trimmed.trim_end().is_empty()
                || trimmed.starts_with('#')
                || is_checked_line(trimmed))
            {
                return None;
            }
            continue;
        }
        in_prelude = false;
        let Some(table) = table_array_entry(line) else {
            continue;
        };
        *entries.entry(table).or_insert(0) += 1;
        // The first table belongs to the first piece, with `checked`.
        let last = *starts.last().unwrap_or(&0);
        if !opens_first_table && at >= last + piece_bytes {
            starts.push(at);
        }
    }
    (starts.len() > 1).then_some(Layout { starts, entries })
}

/// `checked = 2025-06-30` (a bare TOML date or a quoted one, an optional comment): nothing
/// that can run over more than its line.
fn is_checked_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("checked") else {
        return false;
    };
    let Some(value) = rest.trim_start_matches([' ', '\t']).strip_prefix('=') else {
        return false;
    };
    value
        .trim_end()
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'\t' | b'-' | b'"' | b'#'))
}

/// The table a line opens an entry of: `[[name]]` at the line's start, with a bare key and
/// nothing after it but a comment. A dotted or quoted header (`[[event.fact]]`) belongs to
/// the entry before it, so it opens none.
fn table_array_entry(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[[")?;
    let (key, after) = rest.split_once("]]")?;
    let key = key.trim_matches([' ', '\t']);
    let after = after.trim();
    (!key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        && (after.is_empty() || after.starts_with('#')))
    .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded fact files, read as a user's would be (not through the build script's
    /// JSON copy): every kind of table, with every field that keeps a span.
    const EMBEDDED: [(&str, &str); 5] = [
        (
            "organisations",
            include_str!("../../rules/facts/organisations.toml"),
        ),
        (
            "countries",
            include_str!("../../rules/facts/countries.toml"),
        ),
        ("places", include_str!("../../rules/facts/places.toml")),
        ("offices", include_str!("../../rules/facts/offices.toml")),
        ("events", include_str!("../../rules/facts/events.toml")),
    ];

    fn whole(text: &str) -> String {
        format!(
            "{:?}",
            toml::from_str::<RawFile>(text).expect("a valid file")
        )
    }

    #[test]
    fn pieces_read_as_the_whole_file_spans_included() {
        for (name, text) in EMBEDDED {
            for piece_bytes in [1, 500, 4096] {
                let pieces = parse_in_pieces(text, piece_bytes)
                    .unwrap_or_else(|| panic!("{name} is cut into pieces"));
                assert_eq!(format!("{pieces:?}"), whole(text), "{name}, {piece_bytes}");
            }
        }
    }

    #[test]
    fn pieces_start_at_bare_table_array_entries_only() {
        // The first table is in the first piece; an indented header is left alone.
        let text = "checked = 2025-06-30 # day\n\n[[event]]\nid = \"e\"\n[[event.fact]]\nx = 1\n[[event]] # 2\n  [[term]]\n[[ office ]]\n";
        let Layout { starts, entries } = layout(text, 1).unwrap();
        let lines: Vec<&str> = starts[1..]
            .iter()
            .map(|&at| text[at..].lines().next().unwrap())
            .collect();
        assert_eq!(lines, ["[[event]] # 2", "[[ office ]]"]);
        let mut counts: Vec<(&str, usize)> = entries.into_iter().collect();
        counts.sort();
        assert_eq!(counts, [("event", 2), ("office", 1)]);
    }

    #[test]
    fn a_cut_inside_a_multi_line_string_falls_back_to_the_whole_file() {
        let text = "checked = 2025-06-30\n\n[[entity]]\nid = \"person:a\"\nkind = \"person\"\nname = \"A\"\nnote = \"\"\"\n[[entity]]\n\"\"\"\nsource = \"https://example.org\"\n";
        assert!(parse_in_pieces(text, 1).is_none());
        let raw = parse(text).unwrap();
        assert_eq!(raw.entity.len(), 1);
        assert_eq!(raw.entity[0].note.as_deref(), Some("[[entity]]\n"));
    }

    #[test]
    fn more_than_checked_before_the_first_table_means_the_whole_file() {
        let text = "checked = 2025-06-30\nentity = []\n\n[[entity]]\nid = \"person:a\"\n";
        assert!(layout(text, 1).is_none());
        assert!(parse(text).is_err(), "an inline array may not be extended");
    }

    #[test]
    fn a_long_file_is_read_in_pieces_and_its_errors_come_from_the_whole_file() {
        let entry = |n: usize| {
            format!("[[entity]]\nid = \"person:{n}\"\nkind = \"person\"\nname = \"Person {n}\"\nsource = \"https://example.org/{n}\"\n\n")
        };
        let mut text = String::from("checked = 2025-06-30\n\n");
        while text.len() < PIECES_FROM_BYTES + PIECE_BYTES {
            text.push_str(&entry(text.len()));
        }
        let raw = parse(&text).unwrap();
        assert_eq!(format!("{raw:?}"), whole(&text));
        // Sized once from the headers, not grown by doubling as the pieces were appended.
        assert_eq!(raw.entity.capacity(), raw.entity.len());
        assert!(layout(&text, PIECE_BYTES).unwrap().starts.len() >= 4);
        // A typo far into the file: the whole-file parser's message and place.
        let at = text.len() - 40;
        let line_start = text[..at].rfind('\n').unwrap() + 1;
        text.insert_str(line_start, "nmae = \"typo\"\n");
        let error = parse(&text).unwrap_err();
        let reference = toml::from_str::<RawFile>(&text).unwrap_err();
        assert_eq!(error.message(), reference.message());
        assert_eq!(error.span(), reference.span());
        assert!(error.span().unwrap().start > PIECES_FROM_BYTES);
    }
}
