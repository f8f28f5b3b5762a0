//! `factlint`: maps each command's result to an exit code (0 clean, 1 findings, 2 trouble).

mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, Parser};
use rayon::prelude::*;

use cli::{
    CheckArgs, Cli, ColorChoice, Command, DialectArg, FactsCommand, Format, ImportArgs,
    ImportSource, ListFormat,
};
use factlint::config::Dialect;
use factlint::diagnostic::Severity;
use factlint::engine::{check_shared, check_source, decode_owned, FileReport};
use factlint::error::InputError;
use factlint::facts::FactBase;
use factlint::output::{self, OutputOptions, RunReport};
use factlint::rules::{all_metas, RuleId};
use factlint::settings::RuleSelection;
use factlint::walk::{self, describe_io, Input};
use factlint::wikidata;
use factlint::workspace::{Overrides, Workspace};

const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => run_check(cli.check),
        Some(Command::Check(args)) => run_check(args),
        Some(Command::Rules { format }) => list_rules(format),
        Some(Command::Explain { rule }) => explain(&rule),
        Some(Command::Facts(command)) => run_facts(command),
        Some(Command::Lsp) => run_lsp(),
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
    let (inputs, errors) = walk::discover(&paths);
    let mut report = RunReport {
        errors,
        ..RunReport::default()
    };
    let mut stdin_fixed: Option<String> = None;
    // One file is checked on this thread: starting a pool of workers for it would cost more
    // than an article takes to check.
    let check = |input| check_input(input, &args, &workspace);
    let results: Vec<(FileReport, usize, Option<String>)> = if inputs.len() == 1 {
        inputs.iter().map(check).collect()
    } else {
        inputs.par_iter().map(check).collect()
    };
    for (file, fixed, fixed_stdin) in results {
        report.fixed += fixed;
        if fixed_stdin.is_some() {
            stdin_fixed = fixed_stdin;
        }
        report.files.push(file);
    }
    // Configuration problems are reported once, not once per article.
    dedup_config_errors(&mut report);
    let code = emit(&report, &args, stdin_fixed);
    // The process ends here, and the system takes its memory back at once: freeing a large
    // fact base or thousands of reports piece by piece would only cost time (with a 20 MB
    // fact file, a tenth of the run).
    std::mem::forget(workspace);
    std::mem::forget(report);
    code
}

/// Read, check and (with `--fix`) fix one input.
fn check_input(
    input: &Input,
    args: &CheckArgs,
    workspace: &Workspace,
) -> (FileReport, usize, Option<String>) {
    let (display, bytes) = match input {
        Input::Stdin => {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_string());
            let mut bytes = Vec::new();
            if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
                return (
                    FileReport::failed(InputError::new(name, describe_io(&error))),
                    0,
                    None,
                );
            }
            (name, bytes)
        }
        Input::File(path) => {
            let display = path.display().to_string();
            match std::fs::read(path) {
                Ok(bytes) => (display, bytes),
                Err(error) => {
                    return (
                        FileReport::failed(InputError::new(display, describe_io(&error))),
                        0,
                        None,
                    )
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
            return (report, 0, None);
        }
    };
    let text = match decode_owned(&display, bytes) {
        Ok(text) => Arc::new(text),
        Err(error) => return (FileReport::failed(error), 0, None),
    };
    let mut report = check_shared(&display, Arc::clone(&text), &settings);
    if !args.fix {
        return (report, 0, None);
    }
    let mut current = text.to_string();
    let mut fixed = 0;
    for _ in 0..10 {
        let (next, applied) =
            factlint::fix::apply_fixes(&current, &report.diagnostics, args.unsafe_fixes);
        if applied == 0 || next == current {
            break;
        }
        fixed += applied;
        current = next;
        report = check_source(&display, &current, &settings);
    }
    if fixed == 0 {
        return (report, 0, None);
    }
    match input {
        Input::Stdin => (report, fixed, Some(current)),
        Input::File(path) => match factlint::fix::write_atomically(path, text.as_bytes(), &current)
        {
            Ok(()) => (report, fixed, None),
            Err(error) => {
                report.errors.push(InputError::new(
                    &display,
                    format!("fixes not written: {error}"),
                ));
                (report, 0, None)
            }
        },
    }
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
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100usize)
        .clamp(60, 200);
    let options = OutputOptions {
        verbose: args.verbose,
        quiet: args.quiet,
        color,
        width,
        unsafe_fixes: args.unsafe_fixes,
    };
    // Each format writes as it renders, finding by finding, so a report is never held whole
    // in memory.
    let write_report = |out: &mut dyn Write| match format {
        Format::Human => output::human::write_findings(report, &options, out),
        Format::Json => output::json::write(report, args.unsafe_fixes, out),
        Format::Github => output::github::write(report, &options, out),
        Format::Sarif => output::sarif::write(report, &options, out),
    };
    // With --fix on standard input, the fixed text goes to stdout and the report to stderr.
    let written = match &stdin_fixed {
        Some(_) => write_stderr(write_report),
        None => write_stdout(write_report),
    };
    if let Err(code) = written {
        return code;
    }
    if format == Format::Human {
        if let Err(code) = write_stderr(|err| output::human::write_errors(report, &options, err)) {
            return code;
        }
    }
    if let Some(text) = stdin_fixed {
        if let Err(code) = write_stdout(|stdout| stdout.write_all(text.as_bytes())) {
            return code;
        }
    }
    exit_code(report, args.deny_warnings)
}

fn exit_code(report: &RunReport, deny_warnings: bool) -> u8 {
    if !report.all_errors().is_empty() {
        return EXIT_TROUBLE;
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
            match factlint::facts::query::describe(&base, &name, as_of) {
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

/// The protocol's exit codes: 0 after `shutdown` then `exit`, 1 on `exit` alone.
fn run_lsp() -> u8 {
    if factlint::lsp::run_stdio() {
        EXIT_CLEAN
    } else {
        1
    }
}
