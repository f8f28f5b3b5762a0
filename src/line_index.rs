//! Line and column positions derived from byte offsets: 1-based lines and columns counted in
//! Unicode scalar values (for people and JSON), and 0-based UTF-16 positions (for LSP).

use std::sync::OnceLock;

use serde::Serialize;

/// A position as shown to users: 1-based line and column (in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line, so offset → line is a binary search, and a checkpoint every
/// few kilobytes of how many chars (and UTF-16 units) precede it, so a column on a very long
/// line costs a short count rather than a count from the line's start. The checkpoints are
/// counted the first time a column lies that far from its line's start: most files never
/// need them. Line starts are `u32`, half the size on a long file; the engine refuses files
/// past 4 GiB, and a longer text only loses lines past that point.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    checkpoints: OnceLock<Vec<Checkpoint>>,
}

/// The counts of chars and UTF-16 units before byte `offset` (a char boundary).
#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    offset: usize,
    chars: usize,
    utf16: usize,
}

const CHECKPOINT_EVERY: usize = 4096;

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\r` of a `\r\n` ends nothing: its `\n` does.
            if bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n') {
                match u32::try_from(at + 1) {
                    Ok(start) => line_starts.push(start),
                    Err(_) => break,
                }
            }
        }
        Self {
            line_starts,
            checkpoints: OnceLock::new(),
        }
    }

    /// Chars and UTF-16 units in `text[..offset]` (`offset` a char boundary).
    fn counts_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let checkpoints = self.checkpoints.get_or_init(|| checkpoints(text));
        let at = checkpoints.partition_point(|c| c.offset <= offset) - 1;
        let checkpoint = checkpoints[at];
        let (chars, utf16) = count_units(&text[checkpoint.offset.min(offset)..offset]);
        (checkpoint.chars + chars, checkpoint.utf16 + utf16)
    }

    /// Chars and UTF-16 units in `text[start..end]` (both char boundaries): counted directly
    /// unless a checkpoint lies between them (a very long line), so a finding on an ordinary
    /// line costs a count of that line only.
    fn units_between(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        if end - start <= CHECKPOINT_EVERY {
            return count_units(&text[start..end]);
        }
        let checkpoints = self.checkpoints.get_or_init(|| checkpoints(text));
        let at = checkpoints.partition_point(|c| c.offset <= end) - 1;
        if checkpoints[at].offset <= start {
            return count_units(&text[start..end]);
        }
        let (chars_end, utf16_end) = self.counts_before(text, end);
        let (chars_start, utf16_start) = self.counts_before(text, start);
        (chars_end - chars_start, utf16_end - utf16_start)
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let Ok(offset) = u32::try_from(offset) else {
            return self.line_starts.len() - 1;
        };
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).map(|&start| start as usize)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and char column of a byte offset (clamped to the text).
    pub fn line_column(&self, text: &str, offset: usize) -> LineColumn {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let column = self.units_between(text, start, offset).0 + 1;
        LineColumn {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 column of a byte offset, as LSP counts them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let column = self.units_between(text, start, offset).1;
        (line as u32, column as u32)
    }

    /// The byte offset of a 0-based line and UTF-16 column, clamped to the line's end.
    pub fn offset_of_utf16(&self, text: &str, line: u32, column: u32) -> usize {
        let Some(start) = self.line_start(line as usize) else {
            return text.len();
        };
        let end = self
            .line_start(line as usize + 1)
            .unwrap_or(text.len())
            .min(text.len());
        let mut remaining = column as usize;
        for (i, ch) in text[start..end].char_indices() {
            if remaining == 0 || ch == '\n' || ch == '\r' {
                return start + i;
            }
            remaining = remaining.saturating_sub(ch.len_utf16());
        }
        end
    }
}

/// A checkpoint at the start and about every [`CHECKPOINT_EVERY`] bytes.
fn checkpoints(text: &str) -> Vec<Checkpoint> {
    let mut checkpoints = vec![Checkpoint {
        offset: 0,
        chars: 0,
        utf16: 0,
    }];
    let mut last = checkpoints[0];
    while last.offset + CHECKPOINT_EVERY < text.len() {
        let mut next = last.offset + CHECKPOINT_EVERY;
        while !text.is_char_boundary(next) {
            next += 1;
        }
        let (chars, utf16) = count_units(&text[last.offset..next]);
        last = Checkpoint {
            offset: next,
            chars: last.chars + chars,
            utf16: last.utf16 + utf16,
        };
        checkpoints.push(last);
    }
    checkpoints
}

/// Chars and UTF-16 units in `text`, counted on its bytes: every byte but a continuation byte
/// starts a char, and a char of four bytes (lead byte 0xF0 or above) takes two UTF-16 units.
fn count_units(text: &str) -> (usize, usize) {
    // Sums rather than filters: the compiler turns these into vector code.
    let bytes = text.as_bytes();
    let chars: usize = bytes.iter().map(|&b| usize::from((b & 0xC0) != 0x80)).sum();
    let astral: usize = bytes.iter().map(|&b| usize::from(b >= 0xF0)).sum();
    (chars, chars + astral)
}

/// The largest char boundary at or below `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_counted_on_bytes_match_chars() {
        for text in [
            "",
            "plain",
            "“quoted” – ă",
            "emoji 🎉 and 𝔘",
            "\r\n\u{feff}x",
        ] {
            let expected = text.chars().fold((0, 0), |(chars, utf16), c| {
                (chars + 1, utf16 + c.len_utf16())
            });
            assert_eq!(count_units(text), expected, "{text:?}");
        }
        let index = LineIndex::new("a\rb\r\nc\n\nd\r");
        assert_eq!(index.line_starts, [0, 2, 5, 7, 8, 10]);
    }

    #[test]
    fn lines_and_columns_count_chars() {
        let text = "ab\ncă d\r\nx";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_column(text, 0),
            LineColumn { line: 1, column: 1 }
        );
        assert_eq!(
            index.line_column(text, 3),
            LineColumn { line: 2, column: 1 }
        );
        // 'ă' is two bytes: "d" is at byte 7, the 4th char of line 2.
        assert_eq!(
            index.line_column(text, 7),
            LineColumn { line: 2, column: 4 }
        );
        assert_eq!(
            index.line_column(text, 10),
            LineColumn { line: 3, column: 1 }
        );
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let text = "a\rb\rc";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(text, 4).line, 3);
    }

    #[test]
    fn utf16_round_trip() {
        let text = "x\n😀 NATO";
        let index = LineIndex::new(text);
        let offset = text.find("NATO").unwrap();
        assert_eq!(index.utf16_position(text, offset), (1, 3));
        assert_eq!(index.offset_of_utf16(text, 1, 3), offset);
        assert_eq!(index.offset_of_utf16(text, 9, 0), text.len());
    }

    /// Across checkpoints, on long lines mixing one-, two-, three- and four-byte chars, the
    /// columns are exactly those of a count from the line's start.
    #[test]
    fn columns_past_checkpoints_match_a_plain_count() {
        let line = "a ă “b” 😀 ".repeat(3_000);
        let text = format!("short\n{line}\n{line}");
        let index = LineIndex::new(&text);
        assert!(
            index.checkpoints.get().is_none(),
            "counted only when needed"
        );
        for (offset, _) in text.char_indices().step_by(97) {
            let line = index.line_of(offset);
            let start = index.line_start(line).unwrap();
            let before = &text[start..offset];
            assert_eq!(
                index.line_column(&text, offset).column,
                before.chars().count() + 1
            );
            let utf16: usize = before.chars().map(char::len_utf16).sum();
            assert_eq!(
                index.utf16_position(&text, offset),
                (line as u32, utf16 as u32)
            );
        }
        assert!(index.checkpoints.get().is_some_and(|c| c.len() > 10));
    }
}
