//! The floor's one-article process: read one file, parse it with pulldown-cmark and run the
//! ten regexes over its text (`benches/floor/mod.rs`), print the number of matches. Timed
//! beside `factlint one.md` by scripts/bench.sh: a whole process, start-up included.
//!
//!     cargo bench --bench floor_one -- target/bench-corpus/one.md

mod floor;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: floor_one FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        eprintln!("{path}: {error}");
        std::process::exit(2);
    });
    println!(
        "{}",
        floor::parse_and_match(&text, floor::Granularity::Document)
    );
}
