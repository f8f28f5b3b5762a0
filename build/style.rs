//! Pre-reads the embedded style data, so that start-up parses none of it: the spelling pairs
//! (`rules/style/spelling.toml`) and titles (`rules/style/titles.toml`) as ready tables, and
//! for the credit patterns (`rules/style/credits.toml`) the words every match of each pattern
//! must contain (`src/style/gate.rs`) with an automaton that finds them.

use std::fmt::Write;
use std::path::Path;

#[path = "../src/style/gate.rs"]
mod gate;
#[path = "../src/style/joints.rs"]
mod joints;

const CREDITS: &str = "rules/style/credits.toml";
/// The credits file's lists of words rather than patterns: they have no gates.
const WORD_LISTS: &[&str] = &["front-matter-keys", "agencies"];

/// The characters `(?i)` reads as ASCII letters (the long s, the Kelvin sign): the first two
/// needles, as in `src/style/credits.rs`.
const FOLDED: [&str; 2] = ["\u{17F}", "\u{212A}"];

/// Writes the spelling and title tables, and `credit_gates.rs`: for each embedded credit
/// pattern its needle lists (as indexes into `NEEDLES`), and an Aho-Corasick automaton over
/// every needle (ASCII case ignored) as static tables, so that start-up builds nothing to read
/// the gates.
pub fn write(out_dir: &Path) {
    write_spelling(out_dir);
    write_titles(out_dir);
    println!("cargo:rerun-if-changed={CREDITS}");
    println!("cargo:rerun-if-changed=src/style/gate.rs");
    let text = std::fs::read_to_string(CREDITS).unwrap_or_else(|e| panic!("{CREDITS}: {e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{CREDITS}: {e}"));
    let mut needles: Vec<Vec<u8>> = FOLDED.iter().map(|c| c.as_bytes().to_vec()).collect();
    let mut out = String::from("static BUILT_GATES: &[(&str, &[&[u16]])] = &[\n");
    for section in table.values().filter_map(toml::Value::as_table) {
        let lists = section
            .iter()
            .filter(|(key, _)| !WORD_LISTS.contains(&key.as_str()))
            .filter_map(|(_, value)| value.as_array());
        for list in lists {
            for pattern in list.iter().filter_map(toml::Value::as_str) {
                write!(out, "    ({pattern:?}, &[").unwrap();
                for list in gate::needles(pattern) {
                    let ids: Vec<usize> = list
                        .into_iter()
                        .map(|needle| match needles.iter().position(|n| *n == needle) {
                            Some(at) => at,
                            None => {
                                needles.push(needle);
                                needles.len() - 1
                            }
                        })
                        .collect();
                    write!(out, "&{ids:?}, ").unwrap();
                }
                out.push_str("]),\n");
            }
        }
    }
    out.push_str("];\n");
    write_credit_lists(&mut out, &table);
    write!(out, "static NEEDLES: &[&[u8]] = &[").unwrap();
    for needle in &needles {
        write!(out, "&{needle:?}, ").unwrap();
    }
    out.push_str("];\n");
    write_automaton(&mut out, &needles);
    std::fs::write(out_dir.join("credit_gates.rs"), out).expect("OUT_DIR is writable");
}

/// `EMBEDDED_LISTS`: the embedded file's lists as `src/style/credits.rs` reads them, so that
/// start-up parses no TOML for them.
fn write_credit_lists(out: &mut String, table: &toml::Table) {
    let list = |section: &str, key: &str| -> Vec<String> {
        table
            .get(section)
            .and_then(|section| section.get(key))
            .and_then(toml::Value::as_array)
            .into_iter()
            .flatten()
            .map(|item| item.as_str().expect("a string").to_string())
            .collect()
    };
    out.push_str("static EMBEDDED_LISTS: BuiltLists = BuiltLists {\n");
    for (field, section, key) in [
        ("image_credit", "image", "credits"),
        ("caption", "image", "captions"),
        ("article_credit", "image", "article-credits"),
        ("byline", "byline", "bylines"),
        ("reporting", "byline", "reporting"),
        ("byline_keys", "byline", "front-matter-keys"),
        ("agencies", "byline", "agencies"),
    ] {
        writeln!(out, "    {field}: &{:?},", list(section, key)).unwrap();
    }
    out.push_str("};\n");
}

/// An Aho-Corasick DFA over `needles` (lower-case ASCII or caseless bytes), reading text
/// bytes through `NEEDLE_CLASSES` (upper-case ASCII letters as lower-case ones): from state
/// `s` on a byte of class `c` to `NEEDLE_STATES[s * NEEDLE_CLASS_COUNT + c]`; a state whose
/// `NEEDLE_MATCHING` is set ends the needles of its `NEEDLE_OUTPUTS` bits.
fn write_automaton(out: &mut String, needles: &[Vec<u8>]) {
    let mut classes = [0u8; 256];
    let mut class_count = 1usize;
    for &byte in needles.iter().flatten() {
        let byte = byte.to_ascii_lowercase();
        if classes[usize::from(byte)] == 0 {
            classes[usize::from(byte)] = u8::try_from(class_count).expect("few classes");
            class_count += 1;
        }
    }
    for upper in b'A'..=b'Z' {
        classes[usize::from(upper)] = classes[usize::from(upper.to_ascii_lowercase())];
    }
    let words = needles.len().div_ceil(64);
    // The trie: goto[state][class], 0 for none (the root is never a target).
    let mut goto: Vec<Vec<usize>> = vec![vec![0; class_count]];
    let mut outputs: Vec<Vec<u64>> = vec![vec![0; words]];
    for (id, needle) in needles.iter().enumerate() {
        let mut state = 0;
        for &byte in needle {
            let class = usize::from(classes[usize::from(byte)]);
            if goto[state][class] == 0 {
                goto.push(vec![0; class_count]);
                outputs.push(vec![0; words]);
                goto[state][class] = goto.len() - 1;
            }
            state = goto[state][class];
        }
        outputs[state][id / 64] |= 1 << (id % 64);
    }
    // Breadth first: each state's failure state is done before it, so its transitions and
    // outputs are complete when the state takes them over.
    let mut delta = vec![vec![0usize; class_count]; goto.len()];
    let mut fail = vec![0usize; goto.len()];
    let mut queue = std::collections::VecDeque::new();
    for class in 1..class_count {
        let next = goto[0][class];
        delta[0][class] = next;
        if next != 0 {
            queue.push_back(next);
        }
    }
    while let Some(state) = queue.pop_front() {
        let failure = fail[state];
        let inherited = outputs[failure].clone();
        for (word, bits) in outputs[state].iter_mut().zip(inherited) {
            *word |= bits;
        }
        for class in 0..class_count {
            let next = goto[state][class];
            if next == 0 {
                delta[state][class] = delta[failure][class];
            } else {
                fail[next] = delta[failure][class];
                delta[state][class] = next;
                queue.push_back(next);
            }
        }
    }
    assert!(goto.len() < usize::from(u16::MAX), "too many needle states");
    writeln!(out, "const NEEDLE_WORDS: usize = {words};").unwrap();
    writeln!(out, "const NEEDLE_CLASS_COUNT: usize = {class_count};").unwrap();
    writeln!(out, "static NEEDLE_CLASSES: [u8; 256] = {classes:?};").unwrap();
    let flat: Vec<usize> = delta.into_iter().flatten().collect();
    writeln!(
        out,
        "static NEEDLE_STATES: [u16; {}] = {flat:?};",
        flat.len()
    )
    .unwrap();
    let matching: Vec<bool> = outputs
        .iter()
        .map(|bits| bits.iter().any(|&word| word != 0))
        .collect();
    writeln!(
        out,
        "static NEEDLE_MATCHING: [bool; {}] = {matching:?};",
        matching.len()
    )
    .unwrap();
    writeln!(
        out,
        "static NEEDLE_OUTPUTS: [[u64; NEEDLE_WORDS]; {}] = {outputs:?};",
        outputs.len()
    )
    .unwrap();
}

const SPELLING: &str = "rules/style/spelling.toml";

/// Writes `spelling_forms.rs` to `out_dir`: every form of the embedded spelling pairs with its
/// variant, an open-addressing hash index into them and the forms' shapes, so that the
/// embedded table is read without parsing or allocating (`src/style/spelling.rs`, whose
/// tests check that this table is the one its own reader builds from the file).
fn write_spelling(out_dir: &Path) {
    println!("cargo:rerun-if-changed={SPELLING}");
    let text = std::fs::read_to_string(SPELLING).unwrap_or_else(|e| panic!("{SPELLING}: {e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{SPELLING}: {e}"));
    // (form, british, counterpart, pair, oxford), in the order the run-time reader adds them.
    let mut forms: Vec<(String, bool, String, u32, bool)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut pairs = 0u32;
    let groups = table.get("group").and_then(toml::Value::as_array);
    for group in groups.into_iter().flatten() {
        let strings = |value: &toml::Value| -> Vec<String> {
            value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item.as_str().map(String::from))
                .collect()
        };
        let endings: Vec<(String, String)> = group["endings"]
            .as_array()
            .expect("endings")
            .iter()
            .map(|pair| {
                let pair = strings(pair);
                (pair[0].clone(), pair[1].clone())
            })
            .collect();
        let oxford = group.get("oxford").and_then(toml::Value::as_bool) == Some(true);
        let only = group.get("only").and_then(toml::Value::as_str);
        let (base_gb, base_us) = &endings[0];
        for entry in strings(&group["words"]) {
            let mut words = entry.split_whitespace();
            let british = words.next().expect("a word");
            let american = words.next().unwrap_or(british);
            let stem_gb = british.strip_suffix(base_gb.as_str()).expect("base ending");
            let stem_us = american
                .strip_suffix(base_us.as_str())
                .expect("base ending");
            pairs += 1;
            for (ending_gb, ending_us) in &endings {
                let form_gb = format!("{stem_gb}{ending_gb}");
                let form_us = format!("{stem_us}{ending_us}");
                if form_gb == form_us {
                    continue;
                }
                let sides = [
                    (true, "en-GB", form_gb.clone(), form_us.clone()),
                    (false, "en-US", form_us, form_gb),
                ];
                for (is_british, dialect, form, counterpart) in sides {
                    if only.is_some_and(|only| only != dialect) {
                        continue;
                    }
                    if let Some(&at) = index.get(&form) {
                        let previous = &forms[at];
                        assert!(
                            previous.1 == is_british && previous.2 == counterpart,
                            "{SPELLING}: `{form}` is listed twice with different meanings"
                        );
                        continue;
                    }
                    index.insert(form.clone(), forms.len());
                    forms.push((form, is_british, counterpart, pairs, oxford));
                }
            }
        }
    }
    assert!(
        forms.len() < usize::from(u16::MAX),
        "too many spelling forms"
    );
    let slots = forms.len().next_power_of_two() * 2;
    let mut table = vec![0u16; slots];
    let mut shapes = vec![0u64; 26 * 26];
    for (at, (form, ..)) in forms.iter().enumerate() {
        let mut slot = fnv1a(form.as_bytes()) as usize & (slots - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = u16::try_from(at + 1).expect("fits");
        add_shape(&mut shapes, form);
    }
    // Every spelling once, in one string: the table holds offsets into it rather than
    // `&str`s, each of which the loader would have to relocate at every start.
    let mut text = String::new();
    let mut placed: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut place = |spelling: &str| -> (usize, usize) {
        let start = match placed.get(spelling) {
            Some(&start) => start,
            None => {
                text.push_str(spelling);
                let start = text.len() - spelling.len();
                placed.insert(spelling.to_string(), start);
                start
            }
        };
        (start, spelling.len())
    };
    let mut entries = String::new();
    for (form, british, counterpart, pair, oxford) in &forms {
        let dialect = if *british { "British" } else { "American" };
        let form = place(form);
        let counterpart = place(counterpart);
        writeln!(
            entries,
            "    EmbeddedForm {{ form: {form:?}, counterpart: {counterpart:?}, dialect: Dialect::{dialect}, pair: {pair}, oxford: {oxford} }},"
        )
        .unwrap();
    }
    let mut out = String::new();
    writeln!(out, "const PAIRS: u32 = {pairs};").unwrap();
    writeln!(out, "static FORM_TEXT: &str = {text:?};").unwrap();
    writeln!(out, "static FORMS: [EmbeddedForm; {}] = [", forms.len()).unwrap();
    out.push_str(&entries);
    out.push_str("];\n");
    writeln!(out, "static SLOTS: [u16; {slots}] = {table:?};").unwrap();
    writeln!(out, "static SHAPES: [u64; {}] = {shapes:?};", shapes.len()).unwrap();
    std::fs::write(out_dir.join("spelling_forms.rs"), out).expect("OUT_DIR is writable");
}

/// FNV-1a, as `src/style/spelling.rs` hashes a word to find it in the built table.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

const TITLES: &str = "rules/style/titles.toml";

/// Writes `titles_table.rs` to `out_dir`: the embedded titles and organisations as the
/// run-time reader builds them, their first words, and every word that is never a name, so
/// that the embedded table is read without parsing (`src/style/titles.rs`, whose tests check
/// that this table is the one its own reader builds from the file).
fn write_titles(out_dir: &Path) {
    println!("cargo:rerun-if-changed={TITLES}");
    println!("cargo:rerun-if-changed=src/style/joints.rs");
    let text = std::fs::read_to_string(TITLES).unwrap_or_else(|e| panic!("{TITLES}: {e}"));
    let file: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{TITLES}: {e}"));
    let array = |value: Option<&toml::Value>| -> Vec<toml::Value> {
        value
            .and_then(toml::Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let string = |value: &toml::Value| value.as_str().expect("a string").to_string();
    // (name, aliases), a later one of the same name replacing an earlier one.
    let mut organisations: Vec<(String, Vec<String>)> = Vec::new();
    for organisation in array(file.get("organisation")) {
        let name = string(&organisation["name"]);
        let aliases: Vec<String> = array(organisation.get("aliases"))
            .iter()
            .map(string)
            .collect();
        match organisations.iter_mut().find(|known| known.0 == name) {
            Some(known) => known.1 = aliases,
            None => organisations.push((name, aliases)),
        }
    }
    // (words, canonical (organisation, joints), preferred joints, capitalised)
    type Title = (Vec<String>, Vec<(usize, u32)>, Option<u32>, bool);
    let mut titles: Vec<Title> = Vec::new();
    for title in array(file.get("title")) {
        let words: Vec<String> = string(&title["words"])
            .split_whitespace()
            .map(String::from)
            .collect();
        assert!((2..=32).contains(&words.len()), "{TITLES}: {words:?}");
        let joints = |form: &str| {
            joints::joints_of(&words, form)
                .unwrap_or_else(|| panic!("{TITLES}: `{form}` is not a form"))
        };
        let mut canonical = Vec::new();
        if let Some(table) = title.get("canonical").and_then(toml::Value::as_table) {
            let mut forms: Vec<(&String, &toml::Value)> = table.iter().collect();
            forms.sort_by(|a, b| a.0.cmp(b.0));
            for (organisation, form) in forms {
                let index = organisations
                    .iter()
                    .position(|known| &known.0 == organisation)
                    .unwrap_or_else(|| panic!("{TITLES}: unknown organisation `{organisation}`"));
                canonical.push((index, joints(&string(form))));
            }
        }
        let preferred = title.get("preferred").map(|form| joints(&string(form)));
        let capitalised = title.get("capitalised").and_then(toml::Value::as_bool) == Some(true);
        let same = |known: &Title| {
            known.0.len() == words.len()
                && known
                    .0
                    .iter()
                    .zip(&words)
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        };
        let title = (words.clone(), canonical, preferred, capitalised);
        match titles.iter_mut().find(|known| same(known)) {
            Some(known) => *known = title,
            None => titles.push(title),
        }
    }
    let listed: Vec<String> = array(file.get("not_names"))
        .iter()
        .map(|word| string(word).trim().to_lowercase())
        .collect();
    // As the reader's `index`: first words, longest titles first, and the words of titles
    // and organisations added to the words that are never names.
    let mut first_words: Vec<(String, Vec<usize>)> = Vec::new();
    let mut not_names: std::collections::BTreeSet<String> = listed.iter().cloned().collect();
    let mut shapes = vec![0u64; 26 * 26];
    for (index, title) in titles.iter().enumerate() {
        let first = title.0[0].to_lowercase();
        add_shape(&mut shapes, &first);
        match first_words.iter_mut().find(|(word, _)| *word == first) {
            Some((_, indices)) => indices.push(index),
            None => first_words.push((first, vec![index])),
        }
        not_names.extend(title.0.iter().map(|word| word.to_lowercase()));
    }
    for (_, indices) in &mut first_words {
        indices.sort_by_key(|&index| std::cmp::Reverse(titles[index].0.len()));
    }
    first_words.sort();
    for (_, aliases) in &organisations {
        for alias in aliases {
            not_names.extend(
                alias
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|word| !word.is_empty())
                    .map(str::to_lowercase),
            );
        }
    }
    let mut out = String::from("static TITLES: &[BuiltTitle] = &[\n");
    for (words, canonical, preferred, capitalised) in &titles {
        writeln!(
            out,
            "    BuiltTitle {{ words: &{words:?}, canonical: &{canonical:?}, preferred: {preferred:?}, capitalised: {capitalised} }},"
        )
        .unwrap();
    }
    out.push_str("];\nstatic ORGANISATIONS: &[(&str, &[&str])] = &[\n");
    for (name, aliases) in &organisations {
        writeln!(out, "    ({name:?}, &{aliases:?}),").unwrap();
    }
    out.push_str("];\nstatic FIRST_WORDS: &[(&str, &[usize])] = &[\n");
    for (word, indices) in &first_words {
        writeln!(out, "    ({word:?}, &{indices:?}),").unwrap();
    }
    writeln!(out, "];\nstatic LISTED_NOT_NAMES: &[&str] = &{listed:?};").unwrap();
    let mut not_name_shapes = vec![0u64; 26 * 26];
    for word in &not_names {
        add_shape(&mut not_name_shapes, word);
    }
    let not_names: Vec<&String> = not_names.iter().collect();
    writeln!(out, "static NOT_NAMES: &[&str] = &{not_names:?};").unwrap();
    writeln!(
        out,
        "static NOT_NAME_SHAPES: [u64; {}] = {not_name_shapes:?};",
        not_name_shapes.len()
    )
    .unwrap();
    writeln!(
        out,
        "static FIRST_WORD_SHAPES: [u64; {}] = {shapes:?};",
        shapes.len()
    )
    .unwrap();
    std::fs::write(out_dir.join("titles_table.rs"), out).expect("OUT_DIR is writable");
}

/// Marks a lower-case word's shape (first letter, last letter, length) in 26 × 26 bit sets
/// of lengths, as `WordShapes` in `src/text.rs` reads them; a word not ASCII, or not starting
/// and ending with a letter, has no shape.
fn add_shape(shapes: &mut [u64], word: &str) {
    let bytes = word.as_bytes();
    let letter = |byte: &u8| byte.is_ascii_lowercase().then(|| usize::from(byte - b'a'));
    if let (Some(first), Some(last), true) = (
        bytes.first().and_then(letter),
        bytes.last().and_then(letter),
        word.is_ascii(),
    ) {
        shapes[first * 26 + last] |= 1 << word.len().min(63);
    }
}
