//! File discovery: files as named, folders walked recursively for Markdown (honouring
//! `.gitignore`), globs, and `-` for standard input. Sorted, so output is deterministic.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use ignore::WalkBuilder;

use crate::error::InputError;

/// Something to check.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd"];

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            MARKDOWN_EXTENSIONS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(ext))
        })
}

/// Expand the command line's paths. Errors name the path and say what is wrong.
pub fn discover(paths: &[String]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for argument in paths {
        if argument == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(argument);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, None, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(error) if is_glob(argument) && error.kind() == std::io::ErrorKind::NotFound => {
                expand_glob(argument, &mut inputs, &mut errors)
            }
            Err(error) => errors.push(InputError::new(argument, describe_io(&error))),
        }
    }
    let (mut files, stdin): (Vec<Input>, Vec<Input>) = inputs
        .into_iter()
        .partition(|input| matches!(input, Input::File(_)));
    files.sort();
    files.dedup();
    files.extend(stdin.into_iter().take(1));
    (files, errors)
}

fn is_glob(argument: &str) -> bool {
    argument.contains(['*', '?', '[', '{'])
}

fn expand_glob(pattern: &str, inputs: &mut Vec<Input>, errors: &mut Vec<InputError>) {
    let matcher = match Glob::new(pattern) {
        Ok(glob) => glob.compile_matcher(),
        Err(error) => {
            errors.push(InputError::new(pattern, format!("invalid glob: {error}")));
            return;
        }
    };
    // Walk from the longest literal folder prefix of the pattern.
    let literal: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !is_glob(&c.as_os_str().to_string_lossy()))
        .collect();
    let root = if literal.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        literal
    };
    let before = inputs.len();
    walk_dir(&root, Some(&matcher), inputs, errors);
    if inputs.len() == before {
        errors.push(InputError::new(pattern, "no file matches this pattern"));
    }
}

fn walk_dir(
    root: &Path,
    glob: Option<&GlobMatcher>,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<InputError>,
) {
    let walker = WalkBuilder::new(root)
        .follow_links(true)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if !is_file {
                    continue;
                }
                let wanted = match glob {
                    Some(matcher) => matcher.is_match(path) || matcher.is_match(strip_dot(path)),
                    None => is_markdown(path),
                };
                if wanted {
                    inputs.push(Input::File(path.to_path_buf()));
                }
            }
            Err(error) => {
                let path = error_path(&error).unwrap_or_else(|| root.display().to_string());
                errors.push(InputError::new(path, walk_message(&error)));
            }
        }
    }
}

fn strip_dot(path: &Path) -> &Path {
    path.strip_prefix(".").unwrap_or(path)
}

fn error_path(error: &ignore::Error) -> Option<String> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.display().to_string()),
        _ => None,
    }
}

fn walk_message(error: &ignore::Error) -> String {
    match error {
        ignore::Error::Loop { ancestor, .. } => {
            format!(
                "folder loop: links back to {}; not followed",
                ancestor.display()
            )
        }
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_message(err),
        ignore::Error::Io(io) => describe_io(io),
        other => other.to_string(),
    }
}

/// An I/O error in words a user recognises.
pub fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_yield_sorted_markdown_and_honour_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("b.md"), "b").unwrap();
        std::fs::write(root.join("a.markdown"), "a").unwrap();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        std::fs::write(root.join("sub/c.md"), "c").unwrap();
        std::fs::write(root.join("skip.md"), "s").unwrap();
        std::fs::write(root.join(".gitignore"), "skip.md\n").unwrap();
        let (inputs, errors) = discover(&[root.display().to_string()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, vec!["a.markdown", "b.md", "sub/c.md"]);
    }

    #[test]
    fn missing_paths_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.md"), "x").unwrap();
        let pattern = format!("{}/*.md", dir.path().display());
        let missing = format!("{}/nope.md", dir.path().display());
        let (inputs, errors) = discover(&[pattern, missing.clone()]);
        assert_eq!(inputs.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, missing);
        assert_eq!(errors[0].message, "no such file or folder");
    }
}
