//! `cargo bench --bench throughput`: MB/s of the whole per-file pipeline (`check_source`
//! with every default rule and the embedded fact base) over the generated corpus, with one
//! thread and with all cores, and on the 20 MB single file; next to the floor it is judged
//! against: pulldown-cmark parsing alone, and pulldown-cmark parsing plus ten regexes over
//! each block's text. Files are read into memory first, so no figure includes disk I/O.
//!
//! Thread counts are arguments: `1` is a one-thread pool, `all` a pool with one thread per
//! core. The corpus is generated on first use (see `corpus/mod.rs`).

mod corpus;
mod floor;

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use pulldown_cmark::Parser;
use rayon::prelude::*;

use factlint::internals::{ClaimGroup, Claims, Document};
use factlint::{check_source, Settings};
use floor::{options, parse_and_match, Granularity, TEN_REGEXES};

fn main() {
    divan::main();
}

struct Corpus {
    articles: Vec<String>,
    bytes: usize,
    big: String,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let root = corpus::default_root();
    corpus::ensure(&root).expect("the benchmark corpus can be written");
    let articles = corpus::load_articles(&root).expect("the benchmark corpus can be read");
    let bytes = articles.iter().map(String::len).sum();
    let big = std::fs::read_to_string(root.join("big.md")).expect("big.md can be read");
    Corpus {
        articles,
        bytes,
        big,
    }
});

const THREADS: &[&str] = &["1", "all"];

fn pool(threads: &str) -> rayon::ThreadPool {
    let count = match threads {
        "1" => 1,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    rayon::ThreadPoolBuilder::new()
        .num_threads(count)
        .build()
        .expect("a thread pool")
}

/// Lint every article of the corpus, as `factlint DIR` does after reading the files.
#[divan::bench(args = THREADS, sample_count = 10, sample_size = 1)]
fn factlint_corpus(bencher: Bencher, threads: &str) {
    let corpus = &*CORPUS;
    let settings = Settings::embedded();
    let pool = pool(threads);
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        pool.install(|| {
            corpus
                .articles
                .par_iter()
                .map(|text| {
                    check_source("article.md", text, &settings)
                        .diagnostics
                        .len()
                })
                .sum::<usize>()
        })
    });
}

/// Where the time goes, on one thread: each stage of the pipeline over the corpus, with the
/// stages before it. `document` is factlint's model of the article (pulldown-cmark, the
/// blocks' text and offsets, sentences, front matter); `dates`, `facts`, `quotes` and
/// `credits` add each group of claims in the pipeline's order. The rules and the rest of
/// `factlint_corpus/1` take what is left.
#[divan::bench(args = STAGES, sample_count = 10, sample_size = 1)]
fn factlint_stages(bencher: Bencher, stage: &str) {
    let corpus = &*CORPUS;
    let settings = Settings::embedded();
    let groups = STAGES.iter().position(|&s| s == stage).unwrap_or(0);
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        corpus
            .articles
            .iter()
            .map(|text| {
                let doc = Document::parse(text);
                let mut claims = Claims::default();
                for &group in &ClaimGroup::ALL[..groups] {
                    claims.extract_group(group, &doc, &settings);
                }
                doc.blocks.len() + claims.dates.len() + claims.quotes.len()
            })
            .sum::<usize>()
    });
}

/// The stages of [`factlint_stages`], in the pipeline's order: each adds a group of claims
/// (`ClaimGroup::ALL`) to the document model.
const STAGES: &[&str] = &["document", "dates", "facts", "quotes", "credits"];

/// Lint the 20 MB single file.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn factlint_big_file(bencher: Bencher) {
    let corpus = &*CORPUS;
    let settings = Settings::embedded();
    bencher
        .counter(BytesCount::new(corpus.big.len()))
        .bench(|| {
            check_source("big.md", &corpus.big, &settings)
                .diagnostics
                .len()
        });
}

/// The floor: pulldown-cmark's offset iterator alone, with factlint's parser options.
#[divan::bench(args = THREADS, sample_count = 10, sample_size = 1)]
fn floor_parse(bencher: Bencher, threads: &str) {
    let corpus = &*CORPUS;
    let pool = pool(threads);
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        pool.install(|| {
            corpus
                .articles
                .par_iter()
                .map(|text| parse_only(text))
                .sum::<usize>()
        })
    });
}

/// The floor the targets are set against: parsing plus ten regexes, each run once over the
/// document's text (its blocks joined by blank lines).
#[divan::bench(args = THREADS, sample_count = 10, sample_size = 1)]
fn floor_parse_ten_regexes(bencher: Bencher, threads: &str) {
    floor_corpus(bencher, threads, Granularity::Document);
}

/// For comparison: the same regexes run over each block separately. On short blocks (table
/// cells, list items) the cost of starting a search dominates.
#[divan::bench(args = THREADS, sample_count = 10, sample_size = 1)]
fn floor_parse_ten_regexes_per_block(bencher: Bencher, threads: &str) {
    floor_corpus(bencher, threads, Granularity::Block);
}

/// The floor on the 20 MB single file.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn floor_parse_ten_regexes_big_file(bencher: Bencher) {
    let corpus = &*CORPUS;
    LazyLock::force(&TEN_REGEXES);
    bencher
        .counter(BytesCount::new(corpus.big.len()))
        .bench(|| parse_and_match(&corpus.big, Granularity::Document));
}

fn floor_corpus(bencher: Bencher, threads: &str, granularity: Granularity) {
    let corpus = &*CORPUS;
    LazyLock::force(&TEN_REGEXES);
    let pool = pool(threads);
    bencher.counter(BytesCount::new(corpus.bytes)).bench(|| {
        pool.install(|| {
            corpus
                .articles
                .par_iter()
                .map(|text| parse_and_match(text, granularity))
                .sum::<usize>()
        })
    });
}

fn parse_only(text: &str) -> usize {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .map(|(event, range)| black_box((event, range)).1.len())
        .sum()
}
