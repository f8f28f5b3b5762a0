//! What one shared token stream would cost on its own: every file of a folder cut into words,
//! digit runs and punctuation with `u32` offsets, and (with `--lexicon`) each word lowered and
//! looked up in one hash lexicon, as the planned per-block token stream would do. Nothing
//! else: no Markdown, no claims. Counted with callgrind beside the floor's and factlint's
//! processes, it says how much of a throughput budget the stream alone would take:
//!
//!     cargo bench --bench token_floor -- target/bench-corpus/articles/00 --lexicon
//!     valgrind --tool=callgrind target/release/deps/token_floor-* target/bench-corpus/articles/00 --lexicon

use std::hint::black_box;

use rustc_hash::FxHashMap;

/// A token: where it is and, for a word, its lexicon entry.
#[derive(Clone, Copy)]
struct Token {
    start: u32,
    end: u32,
    word: u32,
}

/// Not a word: digits and punctuation.
const NO_WORD: u32 = u32::MAX;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(dir) = args.iter().find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: token_floor DIR [--lexicon]");
        std::process::exit(2);
    };
    let with_lexicon = args.iter().any(|arg| arg == "--lexicon");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{dir}: {error}"))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    paths.sort();
    let mut lexicon: FxHashMap<Box<str>, u32> = FxHashMap::default();
    let mut tokens: Vec<Token> = Vec::new();
    let mut lower = String::new();
    let (mut bytes_read, mut token_count, mut checksum) = (0, 0, 0u32);
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        bytes_read += text.len();
        tokenize(&text, with_lexicon, &mut lexicon, &mut lower, &mut tokens);
        token_count += tokens.len();
        // Read every token once, as any user of the stream would, so none is optimised away.
        checksum = tokens.iter().fold(checksum, |sum, token| {
            sum ^ (token.end - token.start).wrapping_add(token.word)
        });
    }
    println!(
        "{} files, {bytes_read} bytes, {token_count} tokens, {} distinct words (checksum {})",
        paths.len(),
        lexicon.len(),
        black_box(checksum)
    );
}

fn tokenize(
    text: &str,
    with_lexicon: bool,
    lexicon: &mut FxHashMap<Box<str>, u32>,
    lower: &mut String,
    tokens: &mut Vec<Token>,
) {
    tokens.clear();
    let bytes = text.as_bytes();
    let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        let is_letter = |b: u8| b.is_ascii_alphabetic() || !b.is_ascii();
        if is_letter(byte) {
            while at < bytes.len() && is_letter(bytes[at]) {
                at += 1;
            }
            let word = if with_lexicon {
                lower.clear();
                lower.push_str(&text[start..at]);
                lower.make_ascii_lowercase();
                match lexicon.get(lower.as_str()) {
                    Some(&word) => word,
                    None => {
                        let word = u32::try_from(lexicon.len()).unwrap_or(NO_WORD);
                        lexicon.insert(lower.as_str().into(), word);
                        word
                    }
                }
            } else {
                0
            };
            tokens.push(Token {
                start: offset(start),
                end: offset(at),
                word,
            });
        } else if byte.is_ascii_digit() {
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            tokens.push(Token {
                start: offset(start),
                end: offset(at),
                word: NO_WORD,
            });
        } else {
            at += 1;
            if !byte.is_ascii_whitespace() {
                tokens.push(Token {
                    start: offset(start),
                    end: offset(at),
                    word: NO_WORD,
                });
            }
        }
    }
}
