//! The `factlint` command: runs each subcommand and maps its result to an exit code (0 clean,
//! 1 findings, 2 trouble). It lives in the library so the binary is one call and the library's
//! internals stay private.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, Parser, ValueEnum};
use rayon::prelude::*;

use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, DialectArg, FactsCommand, Format, ImportArgs,
    ImportSource, ListFormat, ServeArgs,
};
use crate::config::Dialect;
use crate::diagnostic::Severity;
use crate::engine::{check_shared, check_source, decode_owned, FileReport};
use crate::error::InputError;
use crate::facts::FactBase;
use crate::output::{self, OutputOptions, RunReport};
use crate::registry::{all_metas, RuleId};
use crate::settings::RuleSelection;
use crate::walk::{self, describe_io, Input};
use crate::wikidata;
use crate::workspace::{Overrides, Workspace};

mod allocator;

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

/// Parses the process's command line, runs the command and returns its exit code.
pub fn run_cli() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => run_check(cli.check),
        Some(Command::Check(args)) => run_check(args),
        Some(Command::Rules { format }) => list_rules(format),
        Some(Command::Explain { rule }) => explain(&rule),
        Some(Command::Facts(command)) => run_facts(command),
        Some(Command::Lsp) => run_lsp(),
        Some(Command::Serve(args)) => run_serve(args),
        Some(Command::Completions { shell }) => {
            // clap_complete panics when it cannot write, so the script is built in memory.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factlint", &mut script);
            print_out(|out| out.write_all(&script))
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_out(|out| out.write_all(&page)),
                Err(error) => fail(&format!("cannot render the man page: {error}")),
            }
        }
    };
    ExitCode::from(code)
}

fn fail(message: &str) -> u8 {
    eprintln!("factlint: {message}");
    EXIT_TROUBLE
}

/// Everything factlint prints to standard output goes through here (or [`finish_output`]):
/// `print!` and `println!` panic when the reader has gone away, as `head -1` does after one
/// line. Like ripgrep, a closed pipe quietly ends the output: no message, and the command keeps
/// the exit code it would have had. That code says what factlint found (or that the command
/// worked), not how much of the output someone read, so `factlint content/ | head` under
/// `set -o pipefail` still fails on findings and still passes on a clean run. Any other write
/// error is reported, and is trouble.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), u8> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    finish_output(write(&mut out).and_then(|()| out.flush()))
}

/// [`write_stdout`] for standard error.
fn write_stderr(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), u8> {
    let mut err = io::BufWriter::new(io::stderr().lock());
    finish_output(write(&mut err).and_then(|()| err.flush()))
}

/// [`write_stdout`], then the success exit code.
fn print_out(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    match write_stdout(write) {
        Ok(()) => EXIT_CLEAN,
        Err(code) => code,
    }
}

/// The outcome of writing output: a closed pipe is not an error (see [`write_stdout`]).
fn finish_output(result: io::Result<()>) -> Result<(), u8> {
    match result {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(fail(&format!("cannot write output: {error}")))
        }
        _ => Ok(()),
    }
}

fn parse_rules(names: &[String]) -> Result<Vec<RuleId>, String> {
    names
        .iter()
        .filter(|name| !name.trim().is_empty())
        .map(|name| {
            RuleId::from_name_or_code(name).ok_or_else(|| {
                let hint = RuleId::suggest(name)
                    .map(|near| format!("; did you mean `{near}`?"))
                    .unwrap_or_default();
                format!("unknown rule `{name}`{hint} (`factlint rules` lists them)")
            })
        })
        .collect()
}

fn run_check(args: CheckArgs) -> u8 {
    let select = match parse_rules(&args.select) {
        Ok(rules) => rules,
        Err(message) => return fail(&message),
    };
    let ignore = match parse_rules(&args.ignore) {
        Ok(rules) => rules,
        Err(message) => return fail(&message),
    };
    if args.statistics && !statistics_format(args.format) {
        let name = args
            .format
            .and_then(|format| format.to_possible_value())
            .map_or_else(String::new, |value| value.get_name().to_string());
        return fail(&format!(
            "--statistics writes a table (human, concise) or JSON, not --format {name}"
        ));
    }
    if let Some(jobs) = args.jobs {
        if jobs == 0 {
            return fail("--jobs must be at least 1");
        }
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }
    let workspace = Workspace::new(Overrides {
        config: args.config.clone(),
        selection: RuleSelection {
            select: select.into_iter().collect(),
            ignore: ignore.into_iter().collect(),
        },
        date: args.date,
        facts: args.facts.clone(),
        no_default_facts: args.no_default_facts,
        dialect: args.dialect.map(|d| match d {
            DialectArg::EnGb => Dialect::British,
            DialectArg::EnUs => Dialect::American,
        }),
        today: args.today,
    });
    if let Some(config) = &args.config {
        if !config.is_file() {
            return fail(&format!("{}: config file not found", config.display()));
        }
    }
    // No path means the current folder, never standard input: in CI or a hook, stdin is
    // often /dev/null, and reading it would check nothing and pass. `-` reads stdin.
    let paths = if args.paths.is_empty() {
        vec![".".to_string()]
    } else {
        args.paths.clone()
    };
    let (mut inputs, errors) = walk::discover(&paths);
    if inputs.iter().any(is_long_file) {
        allocator::keep_large_blocks_mapped();
    }
    if let Some(since) = &args.since {
        match changed_since(since) {
            Ok(changed) => inputs.retain(|input| match input {
                Input::File(path) => std::fs::canonicalize(path)
                    .map(|path| changed.contains(&path))
                    .unwrap_or(true),
                Input::Stdin => true,
            }),
            Err(message) => return fail(&message),
        }
    }
    let mut report = RunReport {
        errors,
        ..RunReport::default()
    };
    let mut stdin_fixed: Option<String> = None;
    let mut changes = Vec::new();
    let mut diffs = String::new();
    // One file is checked on this thread: starting a pool of workers for it would cost more
    // than an article takes to check.
    // Files named on the command line are checked even when the config excludes them.
    let named: std::collections::HashSet<&Path> = args
        .paths
        .iter()
        .map(Path::new)
        .filter(|path| path.is_file())
        .collect();
    let check = |input| check_input(input, &args, &workspace, &named);
    let results: Vec<Checked> = if inputs.len() == 1 {
        inputs.iter().map(check).collect()
    } else {
        inputs.par_iter().map(check).collect()
    };
    for checked in results {
        report.fixed += checked.fixed;
        if checked.stdin_fixed.is_some() {
            stdin_fixed = checked.stdin_fixed;
        }
        changes.extend(checked.changes);
        diffs.push_str(&checked.diff);
        report.files.push(checked.report);
    }
    // Configuration problems are reported once, not once per article.
    dedup_config_errors(&mut report);
    if let Some(path) = &args.write_baseline {
        return match output::baseline::write(&report, path) {
            Ok(count) => {
                eprintln!(
                    "factlint: recorded {} in {}",
                    output::plural(count, "finding"),
                    path.display()
                );
                let code = if report.all_errors().is_empty() {
                    EXIT_CLEAN
                } else {
                    let _ = write_stderr(|err| {
                        output::human::write_errors(&report, &human_options(&args), err)
                    });
                    EXIT_TROUBLE
                };
                std::mem::forget(workspace);
                std::mem::forget(report);
                code
            }
            Err(error) => fail(&error.to_string()),
        };
    }
    if let Some(path) = &args.baseline {
        match output::baseline::apply(&mut report, path) {
            Ok(hidden) => report.baselined = hidden,
            Err(error) => return fail(&error.to_string()),
        }
    }
    let code = if args.diff {
        emit_diff(&report, &args, &diffs, changes.len())
    } else {
        let code = emit(&report, &args, stdin_fixed);
        if args.fix && !changes.is_empty() && !args.quiet {
            // The first hundred; a run that fixes thousands says how many more.
            const LISTED: usize = 100;
            let _ = write_stderr(|err| {
                writeln!(err, "Fixed:")?;
                for change in changes.iter().take(LISTED) {
                    writeln!(err, "  {change}")?;
                }
                if changes.len() > LISTED {
                    writeln!(err, "  … and {} more", changes.len() - LISTED)?;
                }
                Ok(())
            });
        }
        code
    };
    // The process ends here, and the system takes its memory back at once: freeing a large
    // fact base or thousands of reports piece by piece would only cost time (with a 20 MB
    // fact file, a tenth of the run).
    std::mem::forget(workspace);
    std::mem::forget(report);
    code
}

/// One input's outcome.
struct Checked {
    report: FileReport,
    /// Fixes written (or, for standard input, made).
    fixed: usize,
    /// Standard input's fixed text.
    stdin_fixed: Option<String>,
    /// What `--fix` changed (or `--diff` would), one line each.
    changes: Vec<String>,
    /// `--diff`: the unified diff of this input's fixes.
    diff: String,
}

impl Checked {
    fn plain(report: FileReport) -> Self {
        Self {
            report,
            fixed: 0,
            stdin_fixed: None,
            changes: Vec::new(),
            diff: String::new(),
        }
    }
}

/// The files changed since `since` (committed, staged, modified or new), as absolute paths.
fn changed_since(since: &str) -> Result<std::collections::HashSet<std::path::PathBuf>, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let output = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|error| format!("--since needs git: {error}"))?;
        if !output.status.success() {
            return Err(format!(
                "--since {since}: git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let root = git(&["rev-parse", "--show-toplevel"])?;
    let root = std::path::PathBuf::from(root.trim());
    // `REF...` would compare with the merge base; a plain REF compares with the working tree,
    // so uncommitted edits count as changes too.
    let diffed = git(&["diff", "--name-only", "--diff-filter=ACMR", since, "--"])?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard", "--full-name"])?;
    Ok(diffed
        .lines()
        .chain(untracked.lines())
        .filter(|line| !line.is_empty())
        .filter_map(|line| std::fs::canonicalize(root.join(line)).ok())
        .collect())
}

/// Read, check and (with `--fix` or `--diff`) fix one input.
fn check_input(
    input: &Input,
    args: &CheckArgs,
    workspace: &Workspace,
    named: &std::collections::HashSet<&Path>,
) -> Checked {
    let (display, bytes) = match input {
        Input::Stdin => {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_string());
            let mut bytes = Vec::new();
            if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
                return Checked::plain(FileReport::failed(InputError::new(
                    name,
                    describe_io(&error),
                )));
            }
            (name, bytes)
        }
        Input::File(path) => {
            let display = path.display().to_string();
            match std::fs::read(path) {
                Ok(bytes) => (display, bytes),
                Err(error) => {
                    return Checked::plain(FileReport::failed(InputError::new(
                        display,
                        describe_io(&error),
                    )))
                }
            }
        }
    };
    let settings = match workspace.settings_for(Path::new(&display)) {
        Ok(settings) => settings,
        Err(errors) => {
            let mut report = FileReport::failed(InputError::new(
                &display,
                "not checked: its configuration has errors",
            ));
            report.errors = errors;
            return Checked::plain(report);
        }
    };
    if let Input::File(path) = input {
        if !named.contains(path.as_path()) && settings.config.exclude.matches(path) {
            let mut skipped = FileReport::failed(InputError::new(&display, "excluded"));
            skipped.errors.clear();
            return Checked::plain(skipped);
        }
    }
    let text = match decode_owned(&display, bytes) {
        Ok(text) => Arc::new(text),
        Err(error) => return Checked::plain(FileReport::failed(error)),
    };
    let mut report = check_shared(&display, Arc::clone(&text), &settings);
    if !(args.fix || args.diff) {
        return Checked::plain(report);
    }
    let mut current = text.to_string();
    let mut fixed = 0;
    let mut changes = Vec::new();
    for _ in 0..10 {
        let (next, applied) =
            crate::fix::apply_fixes_listed(&current, &report.diagnostics, args.unsafe_fixes);
        if applied.is_empty() || next == current {
            break;
        }
        changes.extend(describe_fixes(
            &display,
            &current,
            &report,
            &applied,
            args.unsafe_fixes,
        ));
        fixed += applied.len();
        current = next;
        report = check_source(&display, &current, &settings);
    }
    if fixed == 0 {
        return Checked::plain(report);
    }
    let mut checked = Checked {
        report,
        fixed,
        stdin_fixed: None,
        changes,
        diff: String::new(),
    };
    if args.diff {
        checked.diff = similar::TextDiff::from_lines(text.as_str(), current.as_str())
            .unified_diff()
            .context_radius(1)
            .header(&format!("a/{display}"), &format!("b/{display}"))
            .to_string();
        return checked;
    }
    match input {
        Input::Stdin => checked.stdin_fixed = Some(current),
        Input::File(path) => {
            if let Err(error) = crate::fix::write_atomically(path, text.as_bytes(), &current) {
                checked.report.errors.push(InputError::new(
                    &display,
                    format!("fixes not written: {error}"),
                ));
                checked.fixed = 0;
                checked.changes.clear();
            }
        }
    }
    checked
}

/// `path:line:col: CODE name: fix title` for each fix applied in one round.
fn describe_fixes(
    display: &str,
    text: &str,
    report: &FileReport,
    applied: &[usize],
    unsafe_fixes: bool,
) -> Vec<String> {
    let index = crate::line_index::LineIndex::new(text);
    applied
        .iter()
        .filter_map(|&at| {
            let diagnostic = report.diagnostics.get(at)?;
            let fix = diagnostic.applicable_fix(unsafe_fixes)?;
            let position = index.line_column(text, diagnostic.span.start);
            Some(format!(
                "{display}:{}:{}: {} {}: {}",
                position.line,
                position.column,
                diagnostic.rule.code(),
                diagnostic.rule.name(),
                fix.title
            ))
        })
        .collect()
}

/// `--diff`: the diffs on standard output, a count on standard error; exit 1 when there is
/// something to fix.
fn emit_diff(report: &RunReport, args: &CheckArgs, diffs: &str, changes: usize) -> u8 {
    if let Err(code) = write_stdout(|out| out.write_all(diffs.as_bytes())) {
        return code;
    }
    let _ = write_stderr(|err| {
        output::human::write_errors(report, &human_options(args), err)?;
        if changes == 0 {
            writeln!(err, "No fixes to make.")
        } else {
            writeln!(
                err,
                "Would fix {}{}.",
                output::plural(changes, "problem"),
                if args.unsafe_fixes {
                    ""
                } else {
                    " (unsafe fixes left out: add --unsafe-fixes)"
                }
            )
        }
    });
    if !report.all_errors().is_empty() {
        EXIT_TROUBLE
    } else if changes > 0 && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// The options the human renderer uses for standard error.
fn human_options(args: &CheckArgs) -> OutputOptions {
    OutputOptions {
        verbose: args.verbose,
        quiet: args.quiet,
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        },
        width: terminal_width(),
        unsafe_fixes: args.unsafe_fixes,
    }
}

/// `COLUMNS`, or 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100usize)
        .clamp(60, 200)
}

fn dedup_config_errors(report: &mut RunReport) {
    let mut seen = std::collections::HashSet::new();
    for file in &mut report.files {
        file.errors.retain(|error| {
            let key = (error.path.clone(), error.message.clone(), error.span);
            seen.insert(key)
        });
    }
}

fn emit(report: &RunReport, args: &CheckArgs, stdin_fixed: Option<String>) -> u8 {
    let format = args.format.unwrap_or(Format::Human);
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let options = OutputOptions {
        verbose: args.verbose,
        quiet: args.quiet,
        color,
        width: terminal_width(),
        unsafe_fixes: args.unsafe_fixes,
    };
    // Each format writes as it renders, finding by finding, so a report is never held whole
    // in memory.
    let write_report = |out: &mut dyn Write| {
        if args.statistics {
            return write_statistics(report, &options, format, out);
        }
        match format {
            Format::Human => output::human::write_findings(report, &options, out),
            Format::Concise => output::concise::write(report, &options, out),
            Format::Json => output::json::write(report, args.unsafe_fixes, out),
            Format::Github => output::github::write(report, &options, out),
            Format::Sarif => output::sarif::write(report, &options, out),
            Format::Junit => output::junit::write(report, &options, out),
            Format::Gitlab => output::gitlab::write(report, &options, out),
            Format::Html => output::html::write(report, &options, out),
        }?;
        if args.show_fixes {
            write_fix_list(report, args.unsafe_fixes, out)?;
        }
        Ok(())
    };
    // With --fix on standard input, the fixed text goes to stdout and the report to stderr.
    let written = match (&args.output_file, &stdin_fixed) {
        (Some(path), _) => write_file(path, write_report),
        (None, Some(_)) => write_stderr(write_report),
        (None, None) => write_stdout(write_report),
    };
    if let Err(code) = written {
        return code;
    }
    let errors_written = match format {
        Format::Human => {
            write_stderr(|err| output::human::write_errors(report, &human_options(args), err))
        }
        Format::Concise => write_stderr(|err| output::concise::write_errors(report, err)),
        _ => Ok(()),
    };
    if let Err(code) = errors_written {
        return code;
    }
    if args.unsafe_fixes && !args.fix && !args.quiet && matches!(format, Format::Human) {
        let _ = write_stderr(|err| {
            writeln!(
                err,
                "note: --unsafe-fixes changes nothing by itself: it counts unsafe fixes as \
                 fixable; add --fix to apply them, or --diff to see them"
            )
        });
    }
    if let Some(text) = stdin_fixed {
        if let Err(code) = write_stdout(|stdout| stdout.write_all(text.as_bytes())) {
            return code;
        }
    }
    exit_code(report, args.deny_warnings, args.exit_zero)
}

/// [`write_stdout`] into a file (`--output-file`). A regular file is replaced in one rename,
/// so a reader never sees half a report and a failed run leaves the old one in place; anything
/// else (`/dev/stdout`, a pipe) is written as it is.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), u8> {
    let cannot = |error: io::Error| {
        fail(&format!(
            "cannot write {}: {}",
            path.display(),
            describe_io(&error)
        ))
    };
    let special = std::fs::metadata(path).is_ok_and(|m| !m.is_file());
    if special {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(cannot)?;
        let mut out = io::BufWriter::new(file);
        return write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|error| fail(&format!("cannot write {}: {error}", path.display())));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".factlint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(cannot)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|error| fail(&format!("cannot write {}: {error}", path.display())))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        std::fs::set_permissions(temp.path(), permissions).map_err(cannot)?;
    }
    temp.persist(path).map_err(|error| cannot(error.error))?;
    Ok(())
}

/// Whether `--statistics` can be written in `format`: a table, or JSON for scripts. The
/// other formats are reports of findings, which statistics replace.
fn statistics_format(format: Option<Format>) -> bool {
    matches!(
        format,
        None | Some(Format::Human | Format::Concise | Format::Json)
    )
}

/// A file long enough for its claims' vectors to outgrow the allocator's main heap (see
/// `allocator`); an article is a thousand times smaller.
fn is_long_file(input: &Input) -> bool {
    const LONG_FILE_BYTES: u64 = 4 << 20;
    match input {
        Input::File(path) => {
            std::fs::metadata(path).is_ok_and(|meta| meta.len() >= LONG_FILE_BYTES)
        }
        Input::Stdin => false,
    }
}

/// `--statistics`: findings per rule, most first, with how many a fix covers; a table, or
/// with `--format json` an array of `{code, rule, count, fixable}`.
fn write_statistics(
    report: &RunReport,
    options: &OutputOptions,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut counts: std::collections::BTreeMap<RuleId, (usize, usize)> = Default::default();
    for diagnostic in report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter())
        .filter(|d| output::is_shown(d, options))
    {
        let entry = counts.entry(diagnostic.rule).or_default();
        entry.0 += 1;
        if diagnostic.applicable_fix(options.unsafe_fixes).is_some() {
            entry.1 += 1;
        }
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    if format == Format::Json {
        let rows: Vec<_> = rows
            .iter()
            .map(|(rule, (count, fixable))| {
                serde_json::json!({
                    "code": rule.code(),
                    "rule": rule.name(),
                    "count": count,
                    "fixable": fixable,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    for (rule, (count, fixable)) in rows {
        let fix = if fixable > 0 {
            format!("  ({fixable} fixable)")
        } else {
            String::new()
        };
        let row = format!("{count:>5}  {:<6} {:<22}{fix}", rule.code(), rule.name());
        writeln!(out, "{}", row.trim_end())?;
    }
    if !options.quiet {
        writeln!(out, "{}", output::human::summary_line(report, options))?;
    }
    Ok(())
}

/// `--show-fixes`: every fix the findings offer, and the flag that applies it.
fn write_fix_list(report: &RunReport, unsafe_fixes: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut lines = Vec::new();
    for file in &report.files {
        let index = crate::line_index::LineIndex::new(&file.source);
        for diagnostic in &file.diagnostics {
            for fix in &diagnostic.fixes {
                let at = index.line_column(&file.source, diagnostic.span.start);
                let how = match fix.applicability {
                    crate::diagnostic::Applicability::Safe => "--fix",
                    crate::diagnostic::Applicability::Unsafe if unsafe_fixes => {
                        "--fix --unsafe-fixes"
                    }
                    crate::diagnostic::Applicability::Unsafe => "--fix --unsafe-fixes (unsafe)",
                };
                lines.push(format!(
                    "  {}:{}:{}: {} {}: {} [{how}]",
                    file.path,
                    at.line,
                    at.column,
                    diagnostic.rule.code(),
                    diagnostic.rule.name(),
                    fix.title
                ));
            }
        }
    }
    if lines.is_empty() {
        return writeln!(out, "No fixes available.");
    }
    writeln!(out, "Fixes available:")?;
    lines.iter().try_for_each(|line| writeln!(out, "{line}"))
}

fn exit_code(report: &RunReport, deny_warnings: bool, exit_zero: bool) -> u8 {
    if !report.all_errors().is_empty() {
        return EXIT_TROUBLE;
    }
    if exit_zero {
        return EXIT_CLEAN;
    }
    let threshold = if deny_warnings {
        Severity::Warning
    } else {
        Severity::Error
    };
    let failing = report
        .files
        .iter()
        .flat_map(|f| f.diagnostics.iter())
        .any(|d| d.severity >= threshold);
    if failing {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn list_rules(format: ListFormat) -> u8 {
    print_out(|out| match format {
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = all_metas()
                .iter()
                .map(|meta| {
                    serde_json::json!({
                        "code": meta.code,
                        "name": meta.name,
                        "default_severity": meta.default_severity,
                        "fixable": meta.fixable,
                        "summary": meta.summary,
                    })
                })
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&rules).expect("JSON serializes")
            )
        }
        ListFormat::Table => {
            writeln!(
                out,
                "{:<6}  {:<22}  {:<8}  {:<3}  summary",
                "code", "name", "default", "fix"
            )?;
            for meta in all_metas() {
                writeln!(
                    out,
                    "{:<6}  {:<22}  {:<8}  {:<3}  {}",
                    meta.code,
                    meta.name,
                    meta.default_severity.as_str(),
                    if meta.fixable { "yes" } else { "" },
                    meta.summary
                )?;
            }
            Ok(())
        }
    })
}

fn explain(name: &str) -> u8 {
    match RuleId::from_name_or_code(name) {
        Some(rule) => {
            let meta = rule.meta();
            print_out(|out| {
                writeln!(out, "{}", meta.doc.trim_end())?;
                writeln!(
                    out,
                    "\nDefault severity: {}. Code: {}.{}",
                    meta.default_severity,
                    meta.code,
                    if meta.fixable { " Fixable." } else { "" }
                )
            })
        }
        None => {
            let hint = RuleId::suggest(name)
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_default();
            fail(&format!(
                "unknown rule `{name}`{hint} (`factlint rules` lists them)"
            ))
        }
    }
}

fn run_facts(command: FactsCommand) -> u8 {
    match command {
        FactsCommand::Check { dirs } => match FactBase::load(&dirs, true) {
            Ok(facts) => {
                let checked = facts.entities.first().map(|e| e.provenance.checked);
                print_out(|out| {
                    writeln!(
                    out,
                    "{}: {} entities, {} aliases, {} member counts, {} memberships, {} offices, {} terms, {} capitals, {} events{}",
                    if dirs.is_empty() { "embedded fact base".to_string() } else { format!("{} fact folder(s) over the embedded defaults", dirs.len()) },
                    facts.entities.len(),
                    facts.aliases.len(),
                    facts.member_counts.len(),
                    facts.memberships.len(),
                    facts.offices.len(),
                    facts.terms.len(),
                    facts.capitals.len(),
                    facts.events.len(),
                    checked.map(|c| format!("; defaults checked through {c}")).unwrap_or_default(),
                )
                })
            }
            Err(errors) => report_input_errors(errors),
        },
        FactsCommand::Import(args) => run_import(args),
        FactsCommand::Stats {
            facts,
            no_default_facts,
        } => match FactBase::load(&facts, !no_default_facts) {
            Ok(base) => {
                let text = crate::facts::query::stats(&base);
                print_out(|out| out.write_all(text.as_bytes()))
            }
            Err(errors) => report_input_errors(errors),
        },
        FactsCommand::Query {
            name,
            as_of,
            facts,
            no_default_facts,
        } => {
            let base = match FactBase::load(&facts, !no_default_facts) {
                Ok(base) => base,
                Err(errors) => return report_input_errors(errors),
            };
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            match crate::facts::query::describe(&base, &name, as_of) {
                Some(text) => print_out(|out| out.write_all(text.as_bytes())),
                None => {
                    eprintln!("factlint: the fact base knows nothing called `{name}`");
                    EXIT_FINDINGS
                }
            }
        }
    }
}

/// `factlint facts import`: prepare, validate, write, and say what was imported and skipped.
fn run_import(args: ImportArgs) -> u8 {
    let ImportSource::Wikidata = args.from;
    let options = wikidata::ImportOptions {
        inputs: args.inputs,
        out: args.out,
        retrieved: args.retrieved,
        of: args.of,
        lang: args.lang,
        facts: args.facts,
        no_default_facts: args.no_default_facts,
    };
    let imported = match wikidata::prepare(&options) {
        Ok(imported) => imported,
        Err(errors) => return report_input_errors(errors),
    };
    if args.dry_run {
        if let Err(code) = write_stdout(|out| out.write_all(imported.text.as_bytes())) {
            return code;
        }
    } else if let Err(error) = wikidata::write(&imported) {
        return fail(&format!(
            "cannot write {}: {error}",
            imported.path.display()
        ));
    }
    let summary = import_summary(&imported, args.dry_run);
    match write_stderr(|err| err.write_all(summary.as_bytes())) {
        Ok(()) => EXIT_CLEAN,
        Err(code) => code,
    }
}

fn import_summary(imported: &wikidata::Imported, dry_run: bool) -> String {
    use std::fmt::Write;
    let converted = &imported.converted;
    let count = |table| {
        converted
            .rows
            .iter()
            .filter(|row| row.table == table)
            .count()
    };
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = format!(
        "{} {} statements: {}, {}, {}, {} ({}, {}) {} {}\n",
        if dry_run {
            "Would import from"
        } else {
            "Imported from"
        },
        imported.statements_read,
        plural(
            count(wikidata::Table::Membership),
            "membership",
            "memberships"
        ),
        plural(
            count(wikidata::Table::MemberCount),
            "member count",
            "member counts"
        ),
        plural(count(wikidata::Table::Term), "term", "terms"),
        plural(count(wikidata::Table::Capital), "capital", "capitals"),
        plural(converted.entities.len(), "entity", "entities"),
        plural(converted.offices.len(), "office", "offices"),
        if dry_run { "for" } else { "into" },
        imported.path.display()
    );
    if !converted.skipped.is_empty() {
        let _ = writeln!(
            out,
            "Skipped {}:",
            plural(converted.skipped.len(), "statement", "statements")
        );
        for skip in &converted.skipped {
            let _ = writeln!(out, "  {}: {}: {}", skip.origin, skip.statement, skip.why);
        }
    }
    if !converted.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "Left out {} that clash with kept ones (written as comments at the end of the file):",
            plural(converted.conflicts.len(), "statement", "statements")
        );
        for conflict in &converted.conflicts {
            let _ = writeln!(
                out,
                "  {}: {} clashes with {}",
                conflict.row.origin, conflict.row.statement, conflict.with
            );
        }
    }
    for warning in &converted.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    out
}

/// Print fact-file errors (each pointing into its file) and return the trouble exit code.
fn report_input_errors(errors: Vec<InputError>) -> u8 {
    let report = RunReport {
        errors,
        ..RunReport::default()
    };
    let options = OutputOptions {
        quiet: true,
        color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        ..OutputOptions::default()
    };
    let (_, err) = output::human::render(&report, &options);
    eprint!("{err}");
    EXIT_TROUBLE
}

/// `factlint serve`: 0 after a clean shutdown (Ctrl-C, SIGTERM), 2 when it cannot start.
fn run_serve(args: ServeArgs) -> u8 {
    match crate::serve::run(args.port) {
        Ok(()) => EXIT_CLEAN,
        Err(message) => fail(&message),
    }
}

/// The protocol's exit codes: 0 after `shutdown` then `exit`, 1 on `exit` alone.
fn run_lsp() -> u8 {
    if crate::lsp::run_stdio() {
        EXIT_CLEAN
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_of_4_mb_or_more_is_long() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.md");
        std::fs::write(&short, "An article.\n").unwrap();
        let long = dir.path().join("long.md");
        std::fs::write(&long, "x".repeat(4 << 20)).unwrap();
        assert!(!is_long_file(&Input::File(short)));
        assert!(is_long_file(&Input::File(long)));
        assert!(!is_long_file(&Input::File(dir.path().join("missing.md"))));
        assert!(!is_long_file(&Input::Stdin));
    }
}
