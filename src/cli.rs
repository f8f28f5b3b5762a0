//! The command line (clap derive).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "A fact-check and consistency linter for news and editorial Markdown",
    long_about = "Checks articles for dates that fall on another weekday, counts that disagree, \
                  unattributed quotations, missing credits, inconsistent names and spellings, \
                  and claims the fact base contradicts on the article's date.",
    args_conflicts_with_subcommands = true,
    after_help = "Exit codes: 0 no errors (no warnings with --deny-warnings), 1 findings at that level, \
                  2 usage error, bad config or fact file, or an input that could not be read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The subcommands' arguments are built only for the subcommand that runs (`defer`): building
/// every subcommand's arguments was over a third of parsing a plain check's command line.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Check articles (the default when no subcommand is given)
    Check(CheckArgs),
    /// List every rule
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Show a rule's documentation (by name or code)
    Explain { rule: String },
    /// Validate, query or import fact files
    #[command(subcommand)]
    Facts(FactsCommand),
    /// Run the language server over standard input and output
    Lsp,
    /// Print shell completions
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff)
    Man,
    /// Serve a local review page (127.0.0.1 only): paste or open an article, see it checked
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port on 127.0.0.1 (0: any free port)
    #[arg(long, default_value_t = 7171)]
    pub port: u16,
}

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum FactsCommand {
    /// Validate fact folders (the embedded defaults when none is given)
    Check { dirs: Vec<PathBuf> },
    /// What the fact base says about an entity, on a date
    Query {
        name: String,
        /// The date to answer for (default: today)
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Extra fact folders
        #[arg(long = "facts", value_name = "DIR")]
        facts: Vec<PathBuf>,
        #[arg(long)]
        no_default_facts: bool,
    },
    /// What the fact base holds: entities by kind, offices, terms, check dates, unconfirmed rows
    Stats {
        /// Extra fact folders
        #[arg(long = "facts", value_name = "DIR")]
        facts: Vec<PathBuf>,
        #[arg(long)]
        no_default_facts: bool,
    },
    /// Turn Wikidata SPARQL results, entity JSON or a JSON dump into a fact folder
    /// (offline: run the queries in rules/wikidata/ or download entities first)
    Import(ImportArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportSource {
    Wikidata,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Where the inputs come from
    #[arg(long, value_enum)]
    pub from: ImportSource,
    /// SPARQL JSON results, entity JSON files or JSON dumps (- for standard input)
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<String>,
    /// The fact folder to write (its wikidata.toml is replaced)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// When the inputs were retrieved: the facts' `checked` date and part of every source
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub retrieved: NaiveDate,
    /// The organisation a membership query fixed rather than selected (e.g. Q7184)
    #[arg(long, value_name = "QID", value_parser = parse_qid)]
    pub of: Option<String>,
    /// The language of labels and aliases in entity JSON
    #[arg(long, default_value = "en", value_name = "LANG")]
    pub lang: String,
    /// Fact folders whose entities the import links to (besides the defaults)
    #[arg(long = "facts", value_name = "DIR")]
    pub facts: Vec<PathBuf>,
    /// Do not link to the embedded defaults
    #[arg(long)]
    pub no_default_facts: bool,
    /// Print the fact file and the summary; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// A Wikidata item id, `Q` and digits.
pub fn parse_qid(text: &str) -> Result<String, String> {
    let valid =
        text.len() > 1 && text.starts_with('Q') && text[1..].bytes().all(|b| b.is_ascii_digit());
    if valid {
        Ok(text.to_string())
    } else {
        Err(format!(
            "`{text}` is not a Wikidata item id (Q followed by digits)"
        ))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each finding with its source lines (the default)
    Human,
    /// One line per finding: path:line:col: CODE name message
    Concise,
    /// JSON, version 1
    Json,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// SARIF 2.1.0
    Sarif,
    /// JUnit XML: one test case per file, one failure per finding
    Junit,
    /// GitLab Code Quality JSON
    Gitlab,
    /// One self-contained page: each article with its findings marked in place
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DialectArg {
    #[value(name = "en-GB")]
    EnGb,
    #[value(name = "en-US")]
    EnUs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, folders, globs, or - for standard input (none: the current folder)
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Output format
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The article's publication date (overrides front matter and inference; a date after
    /// today is honoured as given)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Use this config file instead of discovering factlint.toml
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Only these rules (names or codes, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = RuleName, hide_possible_values = true)]
    pub select: Vec<String>,
    /// Never these rules (names or codes, comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = RuleName, hide_possible_values = true)]
    pub ignore: Vec<String>,
    /// Exit with 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Exit with 0 even when there are findings (still 2 for a bad config or input)
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply safe fixes in place, and list what was changed
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too (alone: count them as fixable)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the changes --fix would make as a unified diff; change nothing
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// After the findings, list every fix they offer (and which flag applies it)
    #[arg(long)]
    pub show_fixes: bool,
    /// Print how many findings each rule has instead of the findings
    #[arg(long)]
    pub statistics: bool,
    /// Write the report to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Hide the findings recorded in this baseline file (see --write-baseline)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file, then exit 0
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// Check only the articles changed since this git revision (committed or not)
    #[arg(long, value_name = "REF")]
    pub since: Option<String>,
    /// Print findings only, no summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Show info-level findings (why a rule stayed silent, which date was assumed)
    #[arg(long, short)]
    pub verbose: bool,
    /// Colour in human output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Worker threads (default: one per core)
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// The file name to report for standard input (and to find its factlint.toml)
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Extra fact folders (repeatable)
    #[arg(long = "facts", value_name = "DIR")]
    pub facts: Vec<PathBuf>,
    /// Do not load the embedded default fact base
    #[arg(long)]
    pub no_default_facts: bool,
    /// House dialect for spelling (overrides the config file)
    #[arg(long, value_enum)]
    pub dialect: Option<DialectArg>,
    /// Treat this day as today (candidate publication dates never lie after it)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, hide = true)]
    pub today: Option<NaiveDate>,
}

/// A rule name or code: checked with a "did you mean" hint, and offered to shell completion.
#[derive(Clone, Copy, Debug)]
pub struct RuleName;

impl clap::builder::TypedValueParser for RuleName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let text = value.to_string_lossy().trim().to_string();
        if text.is_empty() || crate::registry::RuleId::from_name_or_code(&text).is_some() {
            return Ok(text);
        }
        let hint = crate::registry::RuleId::suggest(&text)
            .map(|near| format!("; did you mean `{near}`?"))
            .unwrap_or_default();
        let flag = arg
            .map(|a| format!(" for --{}", a.get_id()))
            .unwrap_or_default();
        let mut error = clap::Error::raw(
            clap::error::ErrorKind::InvalidValue,
            format!("unknown rule `{text}`{flag}{hint} (`factlint rules` lists them)\n"),
        );
        error = error.with_cmd(cmd);
        Err(error)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(crate::registry::all_metas().iter().map(|meta| {
            clap::builder::PossibleValue::new(meta.name).help(meta.summary)
        })))
    }
}

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date of the form YYYY-MM-DD"))
}
