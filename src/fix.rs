//! Applying fixes: non-overlapping edits only, written atomically (a temporary file in the
//! same folder, renamed over the original, permissions kept), and never over a file that
//! changed since it was read.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Edit};
use crate::span::Span;

/// Apply every applicable fix that does not overlap an earlier one. Returns the new text and
/// how many fixes were applied. A fix whose own edits overlap, or that points outside the
/// text or inside a character, is skipped. Chosen edits are kept ordered, so each new edit is
/// checked against its two neighbours only, however many fixes there are.
pub fn apply_fixes(
    source: &str,
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
) -> (String, usize) {
    let (text, applied) = apply_fixes_listed(source, diagnostics, unsafe_fixes);
    (text, applied.len())
}

/// [`apply_fixes`], returning which findings' fixes were applied (their indices, in the
/// order of the text), so that a caller can say what it changed.
pub fn apply_fixes_listed(
    source: &str,
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
) -> (String, Vec<usize>) {
    let mut chosen: BTreeMap<usize, &Edit> = BTreeMap::new();
    let mut applied = Vec::new();
    let mut fixes: Vec<_> = diagnostics
        .iter()
        .enumerate()
        .filter_map(|(at, d)| d.applicable_fix(unsafe_fixes).map(|fix| (at, fix)))
        .collect();
    fixes.sort_by_key(|(_, fix)| fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0));
    for (at, fix) in fixes {
        let mut edits: Vec<&Edit> = fix.edits.iter().collect();
        edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
        let valid = edits.iter().all(|edit| {
            edit.span.start <= edit.span.end
                && source.is_char_boundary(edit.span.start)
                && source.is_char_boundary(edit.span.end)
        }) && edits
            .windows(2)
            .all(|pair| !clash(pair[0].span, pair[1].span));
        let clashes = edits.iter().any(|edit| {
            let before = chosen.range(..=edit.span.start).next_back();
            let after = chosen.range(edit.span.start + 1..).next();
            before
                .into_iter()
                .chain(after)
                .any(|(_, taken)| clash(taken.span, edit.span))
        });
        if valid && !clashes {
            chosen.extend(edits.into_iter().map(|edit| (edit.span.start, edit)));
            applied.push(at);
        }
    }
    let chosen = chosen.into_values();
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for edit in chosen {
        out.push_str(&source[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&source[at..]);
    (out, applied)
}

/// Two edits that cannot both be applied: they overlap or start at the same place.
fn clash(a: Span, b: Span) -> bool {
    a.overlaps(b) || a.start == b.start
}

/// Replace `path`'s contents with `text`, atomically, if it still holds `expected`. A
/// symbolic link is written through, as editors do: the file it points to gets the new text
/// and the link stays a link.
pub fn write_atomically(path: &Path, expected: &[u8], text: &str) -> std::io::Result<()> {
    let resolved;
    let path = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        resolved = std::fs::canonicalize(path)?;
        resolved.as_path()
    } else {
        path
    };
    let current = std::fs::read(path)?;
    if current != expected {
        return Err(std::io::Error::other(
            "the file changed on disk while it was being checked; not overwritten",
        ));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), permissions)?;
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::registry::RuleId;
    use crate::span::Span;

    fn with_fix(span: Span, replacement: &str, safe: bool) -> Diagnostic {
        let edit = vec![Edit::replace(span, replacement)];
        let fix = if safe {
            Fix::safe("fix", edit)
        } else {
            Fix::unsafe_edit("fix", edit)
        };
        Diagnostic::new(RuleId::SpellingConsistency, span, "m").with_fix(fix)
    }

    #[test]
    fn applies_safe_fixes_and_skips_overlaps() {
        let source = "the defense of the defense";
        let fixes = vec![
            with_fix(Span::new(4, 11), "defence", true),
            with_fix(Span::new(4, 8), "XX", true),
            with_fix(Span::new(19, 26), "defence", true),
        ];
        let (text, applied) = apply_fixes(source, &fixes, false);
        assert_eq!(text, "the defence of the defence");
        assert_eq!(applied, 2);
    }

    #[test]
    fn a_fix_with_overlapping_or_misplaced_edits_is_skipped() {
        let source = "café au lait";
        let edits = |spans: &[(usize, usize)]| {
            let edits = spans
                .iter()
                .map(|&(start, end)| Edit::replace(Span::new(start, end), "x"))
                .collect();
            Diagnostic::new(RuleId::SpellingConsistency, Span::new(0, 1), "m")
                .with_fix(Fix::safe("fix", edits))
        };
        for bad in [
            &[(0, 4), (2, 6)][..],
            &[(1, 1), (1, 2)],
            &[(4, 2)],
            &[(4, 5)],
            &[(0, 99)],
        ] {
            let (text, applied) = apply_fixes(source, &[edits(bad)], false);
            assert_eq!((text.as_str(), applied), (source, 0), "{bad:?}");
        }
        assert_eq!(
            apply_fixes(source, &[edits(&[(6, 8), (0, 1)])], false).0,
            "xafé x lait"
        );
    }

    #[test]
    fn many_fixes_are_checked_against_their_neighbours_only() {
        let source = "ab".repeat(50_000);
        let fixes: Vec<Diagnostic> = (0..source.len())
            .rev()
            .map(|at| with_fix(Span::new(at, at + 1), "", true))
            .collect();
        let (text, applied) = apply_fixes(&source, &fixes, false);
        assert_eq!((text.as_str(), applied), ("", source.len()));
    }

    #[test]
    fn unsafe_fixes_need_opting_in() {
        let source = "on Tuesday";
        let fixes = vec![with_fix(Span::new(3, 10), "Monday", false)];
        assert_eq!(apply_fixes(source, &fixes, false).0, source);
        assert_eq!(apply_fixes(source, &fixes, true).0, "on Monday");
    }

    #[test]
    fn fixing_through_a_symbolic_link_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real/a.md");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("a.md");
        std::os::unix::fs::symlink("real/a.md", &link).unwrap();
        write_atomically(&link, b"old", "new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert!(write_atomically(&link, b"old", "newer").is_err());
    }

    #[test]
    fn atomic_write_keeps_permissions_and_refuses_changed_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"old", "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(write_atomically(&path, b"old", "newer").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    /// The CLI reads, checks and writes in one run, so the race cannot be staged through it
    /// deterministically; `write_atomically` is what it calls with the bytes it read.
    #[test]
    fn fix_never_overwrites_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "as read").unwrap();
        std::fs::write(&path, "changed by someone else").unwrap();
        let error = write_atomically(&path, b"as read", "fixed").unwrap_err();
        assert!(error.to_string().contains("changed on disk"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "changed by someone else"
        );
        std::fs::remove_file(&path).unwrap();
        assert!(write_atomically(&path, b"as read", "fixed").is_err());
        assert!(!path.exists(), "a deleted file is not recreated");
    }
}
