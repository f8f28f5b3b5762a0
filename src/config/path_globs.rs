//! Path globs from `exclude` and `[[per-path]]`, matched against paths relative to the config
//! file's folder.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// Globs over paths relative to the config file's folder. A pattern without `/` matches a
/// file or folder name at any depth (`drafts`, `*.draft.md`); one with `/` matches from the
/// folder (`archive/1999/**`).
#[derive(Clone, Debug, Default)]
pub struct PathGlobs {
    base: PathBuf,
    matcher: Matcher,
    /// The patterns as the config file writes them.
    pub patterns: Vec<String>,
}

/// How the patterns are matched. Plain names (the default `node_modules` and `.git`, and most
/// users' `drafts`) are compared with each path component: compiling them into a glob set
/// builds regexes, a cost every run paid for the default config alone.
#[derive(Clone, Debug, Default)]
enum Matcher {
    #[default]
    Nothing,
    /// Matches a path with any component equal to one of these names.
    Names(Vec<String>),
    Globs(globset::GlobSet),
}

/// Characters with a meaning in a glob; a pattern with none of them (and no `/`) is a name.
const GLOB_SYNTAX: &[char] = &['*', '?', '[', ']', '{', '}', '\\', '/'];

/// A pattern as written, without a leading `./` or trailing `/`.
fn trimmed(pattern: &str) -> &str {
    pattern.trim_start_matches("./").trim_end_matches('/')
}

/// The pattern as a name matched at any depth, when it is one.
fn plain_name(pattern: &str) -> Option<&str> {
    let name = trimmed(pattern);
    (!name.is_empty() && !name.contains(GLOB_SYNTAX)).then_some(name)
}

impl PathGlobs {
    /// The globs, or the index of the first invalid pattern and why.
    pub(crate) fn new(base: &Path, patterns: &[String]) -> Result<PathGlobs, (usize, String)> {
        let names: Option<Vec<String>> = patterns
            .iter()
            .map(|pattern| plain_name(pattern).map(str::to_string))
            .collect();
        let matcher = match names {
            _ if patterns.is_empty() => Matcher::Nothing,
            Some(names) => Matcher::Names(names),
            None => Matcher::Globs(glob_set(patterns)?),
        };
        Ok(PathGlobs {
            base: std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf()),
            matcher,
            patterns: patterns.to_vec(),
        })
    }

    /// Whether `path` (as given on the command line or found by walking) matches.
    pub fn matches(&self, path: &Path) -> bool {
        if matches!(self.matcher, Matcher::Nothing) {
            return false;
        }
        let absolute = std::fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .unwrap_or_else(|_| path.to_path_buf());
        let Ok(relative) = absolute.strip_prefix(&self.base) else {
            return false;
        };
        match &self.matcher {
            Matcher::Nothing => false,
            Matcher::Names(names) => relative.components().any(|component| match component {
                Component::Normal(part) => names.iter().any(|name| OsStr::new(name) == part),
                _ => false,
            }),
            Matcher::Globs(set) => set.is_match(relative),
        }
    }
}

/// Each pattern as two globs: the path itself and everything under it.
fn glob_set(patterns: &[String]) -> Result<globset::GlobSet, (usize, String)> {
    let mut builder = globset::GlobSetBuilder::new();
    for (at, pattern) in patterns.iter().enumerate() {
        let trimmed = trimmed(pattern);
        let anchored = if trimmed.contains('/') {
            trimmed.to_string()
        } else {
            format!("**/{trimmed}")
        };
        for glob in [anchored.clone(), format!("{anchored}/**")] {
            let glob = globset::GlobBuilder::new(&glob)
                .literal_separator(true)
                .build()
                .map_err(|error| (at, error.kind().to_string()))?;
            builder.add(glob);
        }
    }
    builder.build().map_err(|error| (0, error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glob set every pattern would otherwise be compiled into.
    fn as_glob_set(patterns: &[&str]) -> globset::GlobSet {
        glob_set(&patterns.iter().map(|p| p.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn plain_names_match_as_their_globs_do() {
        let patterns = ["node_modules", ".git", "./drafts/", "a.b-c d"];
        let names =
            PathGlobs::new(Path::new("/nonexistent-base"), &patterns.map(String::from)).unwrap();
        assert!(matches!(names.matcher, Matcher::Names(_)));
        let set = as_glob_set(&patterns);
        for relative in [
            "node_modules",
            "node_modules/x/y.md",
            "a/node_modules/b.md",
            "a/node_modules",
            "node_modulesx/a.md",
            "xnode_modules/a.md",
            ".git/HEAD",
            "sub/.git",
            ".github/a.md",
            "drafts/one.md",
            "news/drafts",
            "news/drafts.md",
            "a.b-c d/e.md",
            "abbc d/e.md",
            "news/article.md",
            "",
        ] {
            let path = Path::new("/nonexistent-base").join(relative);
            assert_eq!(
                names.matches(&path),
                set.is_match(Path::new(relative)),
                "{relative}"
            );
        }
    }

    #[test]
    fn patterns_with_glob_syntax_are_globs() {
        for pattern in ["*.draft.md", "archive/1999/**", "dr?fts", "[ab]", "{a,b}"] {
            let globs = PathGlobs::new(Path::new("/x"), &[pattern.to_string()]).unwrap();
            assert!(matches!(globs.matcher, Matcher::Globs(_)), "{pattern}");
        }
        let none = PathGlobs::new(Path::new("/x"), &[]).unwrap();
        assert!(!none.matches(Path::new("/x/a.md")));
    }
}
