//! The `factlint` binary: the library's command line.

fn main() -> std::process::ExitCode {
    factlint::run_cli()
}
