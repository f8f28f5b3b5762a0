//! `cargo bench --bench generate_corpus`: write the benchmark corpus to
//! `target/bench-corpus/` (or the folder given as the first argument), unless it is there.

mod corpus;

fn main() {
    let root = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with('-'))
        .map_or_else(corpus::default_root, std::path::PathBuf::from);
    if let Err(error) = corpus::ensure(&root) {
        eprintln!("cannot write the corpus to {}: {error}", root.display());
        std::process::exit(2);
    }
    println!("{}", root.display());
}
