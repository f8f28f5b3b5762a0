//! A deterministic corpus of news-style Markdown for the benchmark and the growth checks.
//!
//! Articles of 4–6 KB are assembled from varied templates and numbers: front matter, a
//! dateline, weekday–date pairs, counts, quotations with and without speakers, images with
//! and without credits, tables, lists, code blocks and block quotes. About one article in
//! twenty carries a deliberate error of each kind (a wrong weekday, a count that disagrees,
//! an unattributed or unclosed quotation, a missing credit, a misspelt name, mixed spelling),
//! so the rules have real work to do. The same seed always gives the same bytes.

#![allow(dead_code)] // Each bench target uses a different part of this module.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};
use factlint::internals::{MONTH_AP, MONTH_NAMES};

/// Where `cargo bench` and `scripts/bench.sh` keep the generated corpus.
pub fn default_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus")
}

pub const ARTICLE_COUNT: usize = 2_000;
pub const BIG_FILE_BYTES: usize = 20 * 1024 * 1024;

/// Bumped whenever the generator's output changes, so a stale corpus is regenerated.
const VERSION: &str = "factlint bench corpus v3";

/// splitmix64: tiny, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const CITIES: &[&str] = &[
    "BUCHAREST",
    "BRUSSELS",
    "VILNIUS",
    "MADRID",
    "WARSAW",
    "NAIROBI",
    "LIMA",
    "MANILA",
    "OSLO",
    "ACCRA",
    "HANOI",
    "QUITO",
    "TBILISI",
    "RIGA",
    "DAKAR",
    "LISBON",
];
const ORGANISATIONS: &[(&str, &str)] = &[
    ("NATO", "allies"),
    ("European Union", "member states"),
    ("African Union", "members"),
    ("ASEAN", "members"),
    ("OPEC", "members"),
    ("Council of Europe", "member states"),
    ("G20", "members"),
    ("Commonwealth", "countries"),
];
const FIRST_NAMES: &[&str] = &[
    "Jens", "Maria", "Ahmed", "Olena", "Kwame", "Lucia", "Tomasz", "Aiko", "Rafael", "Ingrid",
    "Samuel", "Priya", "Dmytro", "Chloe", "Mateus", "Fatima", "Nikolai", "Grace",
];
const LAST_NAMES: &[&str] = &[
    "Stoltenberg",
    "Ionescu",
    "Okafor",
    "Kowalski",
    "Tanaka",
    "Herrera",
    "Lindqvist",
    "Mensah",
    "Kuleba",
    "Dubois",
    "Santos",
    "Haddad",
    "Petrov",
    "Nguyen",
    "Fischer",
    "Moreau",
];
const TITLES: &[&str] = &[
    "Secretary General",
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Minister",
    "spokesperson",
    "Ambassador",
    "Mayor",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "said on",
    "wrote",
    "declared",
];
const AGENCIES: &[&str] = &["Reuters", "AP", "AFP", "EPA", "Getty Images", "Agerpres"];
const TOPICS: &[&str] = &[
    "air defence",
    "energy prices",
    "grain exports",
    "cyber security",
    "climate finance",
    "border crossings",
    "refugee support",
    "power grid repairs",
    "trade tariffs",
    "vaccines",
];
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
const QUOTES: &[&str] = &[
    "We will continue to support our partners for as long as it takes",
    "The situation on the ground remains extremely difficult",
    "Nobody expected the talks to move this quickly",
    "This agreement is a first step, not the last one",
    "Our priority is to keep the lights on this winter",
    "We have heard the concerns of farmers and we will act",
    "The numbers speak for themselves",
    "There is no military solution to this conflict",
];
const FILLER: &[&str] = &[
    "Officials said the discussions would continue at working level over the coming weeks.",
    "The meeting took place at the Palace of the Parliament, under tight security.",
    "Analysts noted that the decision had been expected since the spring.",
    "Several delegations asked for more time to consult their capitals.",
    "The ministry did not respond to a request for comment before publication.",
    "Protesters gathered outside the venue, calling for faster action on prices.",
    "The defence of the eastern flank was high on the agenda, diplomats said.",
    "A final communiqué is expected to be published after the closing session.",
];

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

/// The month in AP style: "Sept.", "Nov.", "March".
fn short_month(date: NaiveDate) -> String {
    let month = date.month0() as usize;
    let ap = MONTH_AP[month];
    if ap == MONTH_NAMES[month] {
        ap.to_string()
    } else {
        format!("{ap}.")
    }
}

fn weekday_name(date: NaiveDate) -> &'static str {
    factlint::internals::weekday_name(date.weekday())
}

/// "Tuesday (Nov. 29)": right, or (when `wrong`) one day off.
fn weekday_date(date: NaiveDate, wrong: bool) -> String {
    let shown = if wrong {
        date + Duration::days(1)
    } else {
        date
    };
    format!(
        "{} ({} {})",
        weekday_name(shown),
        short_month(date),
        date.day()
    )
}

/// One article of 4–6 KB, the same for the same seed.
pub fn article(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let target = rng.range(4096, 6144) as usize;
    let published = NaiveDate::from_ymd_opt(2015, 1, 1).expect("valid date")
        + Duration::days(rng.range(0, 3650) as i64);
    let (organisation, members) = *rng.pick(ORGANISATIONS);
    let count = rng.range(5, 40);
    let leader = person(&mut rng);
    let title = *rng.pick(TITLES);
    let city = *rng.pick(CITIES);
    let topic = *rng.pick(TOPICS);
    let mut out = String::with_capacity(target + 1024);

    // Front matter: one article in twenty has no byline.
    out.push_str("---\n");
    let _ = writeln!(
        out,
        "title: \"{organisation} ministers meet in {city} over {topic}\""
    );
    let _ = writeln!(out, "date: {published}");
    if !rng.chance(5) {
        let _ = writeln!(out, "author: {}", person(&mut rng));
    }
    out.push_str("---\n\n");
    let _ = writeln!(out, "# {organisation} ministers meet over {topic}\n");

    // Dateline and the lead, with a weekday-date pair (one in twenty wrong).
    let meeting = published - Duration::days(rng.range(0, 6) as i64);
    let _ = writeln!(
        out,
        "{city}, {} {}, {} — The {} of the {count} {organisation} {members} met on {} to discuss {topic}, \
         {title} {leader} said.\n",
        short_month(published),
        published.day(),
        published.year(),
        rng.pick(&["foreign ministers", "defence ministers", "leaders", "envoys"]),
        weekday_date(meeting, rng.chance(5)),
    );

    // An image, usually credited.
    let agency = *rng.pick(AGENCIES);
    if rng.chance(95) {
        let _ = writeln!(
            out,
            "![{organisation} ministers in {city} (Photo: {agency})](https://example.org/img/{seed}.jpg \"{city}\")\n"
        );
    } else {
        let _ = writeln!(
            out,
            "![Ministers arrive for the meeting](https://example.org/img/{seed}.jpg)\n"
        );
    }

    let mut section = 0;
    while out.len() < target {
        section += 1;
        match rng.range(0, 9) {
            0 => {
                // Attributed quotation, curly or straight marks.
                let quote = *rng.pick(QUOTES);
                let speaker = person(&mut rng);
                let verb = *rng.pick(SPEECH_VERBS);
                if rng.chance(50) {
                    let _ = writeln!(out, "“{quote},” {speaker} {verb}.\n");
                } else {
                    let _ = writeln!(out, "{speaker} {verb}: \"{quote}.\"\n");
                }
            }
            1 => {
                // A quotation with no speaker, or an unclosed one (deliberate errors).
                let quote = *rng.pick(QUOTES);
                if rng.chance(10) {
                    let _ = writeln!(out, "“{quote}. The talks went on late into the night.\n");
                } else if rng.chance(20) {
                    let _ = writeln!(out, "“{quote}.”\n");
                } else {
                    let _ = writeln!(
                        out,
                        "The {title} called it a “historic” day. “{quote},” {leader} said.\n"
                    );
                }
            }
            2 => {
                // Counts: the same count restated, sometimes differently.
                let restated = if rng.chance(5) { count + 1 } else { count };
                let word = NUMBER_WORDS
                    .get(restated as usize)
                    .map_or(restated.to_string(), |w| (*w).to_string());
                let _ = writeln!(
                    out,
                    "Unanimous consent of all {restated} {organisation} {members} is required, and {word} \
                     delegations signed the {}-page statement on {}.\n",
                    rng.range(2, 40),
                    weekday_date(meeting + Duration::days(1), rng.chance(3)),
                );
            }
            3 => {
                // A table.
                out.push_str("| Country | Pledge (million euros) | Date |\n|---|---:|---|\n");
                for _ in 0..rng.range(3, 6) {
                    let day = meeting + Duration::days(rng.range(0, 20) as i64);
                    let _ = writeln!(
                        out,
                        "| {} | {}.{} | {} {}, {} |",
                        rng.pick(LAST_NAMES),
                        rng.range(1, 900),
                        rng.range(0, 9),
                        short_month(day),
                        day.day(),
                        day.year()
                    );
                }
                out.push('\n');
            }
            4 => {
                // A list.
                for _ in 0..rng.range(3, 5) {
                    let _ = writeln!(
                        out,
                        "- {} {} pledged {} million for {}",
                        rng.pick(TITLES),
                        person(&mut rng),
                        rng.range(2, 500),
                        rng.pick(TOPICS)
                    );
                }
                out.push('\n');
            }
            5 => {
                // A code block (never checked).
                let _ = writeln!(
                    out,
                    "```text\nTuesday (Nov. 28) \"unclosed\nid={seed}-{section} count={}\n```\n",
                    rng.range(1, 99)
                );
            }
            6 => {
                // A block quote introduced by a speaker.
                let _ = writeln!(
                    out,
                    "{} {} wrote:\n\n> {}. We expect {} more {members} to join by {} {}.\n",
                    rng.pick(TITLES),
                    person(&mut rng),
                    rng.pick(QUOTES),
                    rng.range(1, 4),
                    short_month(published),
                    rng.range(1, 28)
                );
            }
            7 => {
                // The leader again: sometimes misspelt, sometimes in the other spelling.
                let name = if rng.chance(5) {
                    format!("{}n", leader)
                } else {
                    leader.clone()
                };
                let spelling = if rng.chance(5) { "defense" } else { "defence" };
                let _ = writeln!(
                    out,
                    "{title} {name} stressed the importance of {spelling} spending, now {}.{} percent \
                     of output, up from {} percent in {}.\n",
                    rng.range(1, 3),
                    rng.range(0, 9),
                    rng.range(1, 2),
                    published.year() - 1
                );
            }
            _ => {
                let _ = writeln!(out, "{} {}\n", rng.pick(FILLER), rng.pick(FILLER));
            }
        }
    }
    if rng.chance(95) {
        let _ = writeln!(out, "With reporting by {agency}.");
    }
    out
}

/// One very long article: one front matter, then article bodies until `bytes` is reached.
pub fn big_file(bytes: usize, seed: u64) -> String {
    let mut out = String::with_capacity(bytes + 8192);
    out.push_str("---\ntitle: Archive\ndate: 2022-11-30\nauthor: Archive Desk\n---\n\n");
    let mut next = seed;
    while out.len() < bytes {
        let body = article(next);
        next += 1;
        // Drop the article's own front matter.
        let body = body.splitn(3, "---\n").nth(2).unwrap_or(&body);
        out.push_str(body);
        out.push('\n');
    }
    out
}

fn front_matter(title: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2022-11-30\nauthor: Growth Desk\n---\n\n")
}

/// One paragraph holding `n` quotations; every tenth is left unclosed.
pub fn quotes_paragraph(n: usize) -> String {
    let mut rng = Rng::new(n as u64);
    let mut out = front_matter("Quotes");
    for i in 0..n {
        let quote = rng.pick(QUOTES);
        if i % 10 == 9 {
            let _ = write!(out, "“{quote} ");
        } else {
            let _ = write!(out, "“{quote},” {} said. ", person(&mut rng));
        }
    }
    out.push('\n');
    out
}

/// One paragraph holding `n` weekday–date pairs (some wrong, some without a year).
pub fn dates_paragraph(n: usize) -> String {
    let mut rng = Rng::new(n as u64);
    let mut out = front_matter("Dates");
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).expect("valid date");
    for i in 0..n {
        let date = start + Duration::days(rng.range(0, 5000) as i64);
        let pair = weekday_date(date, i % 7 == 3);
        if i % 2 == 0 {
            let _ = write!(out, "They met on {pair}, {}. ", date.year());
        } else {
            let _ = write!(out, "Talks resumed {pair}. ");
        }
    }
    out.push('\n');
    out
}

/// One article naming `n` distinct people and organisations, each twice (with title and
/// count), so every pairwise comparison would show.
pub fn entities_article(n: usize) -> String {
    let mut rng = Rng::new(n as u64);
    let mut out = front_matter("Entities");
    for i in 0..n {
        let name = format!(
            "{} {}{}",
            rng.pick(FIRST_NAMES),
            rng.pick(LAST_NAMES),
            syllables(i)
        );
        let organisation = format!("{} Union", syllables(i + 7).to_uppercase());
        let _ = writeln!(
            out,
            "{} {name} of the {organisation} said its {} members agreed. Later, {name} repeated \
             that all {} {organisation} members agreed.\n",
            rng.pick(TITLES),
            i % 50 + 3,
            i % 50 + 3,
        );
    }
    out
}

/// A distinct pronounceable suffix for each number.
fn syllables(mut n: usize) -> String {
    const PARTS: &[&str] = &["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"];
    let mut out = String::new();
    loop {
        out.push_str(PARTS[n % PARTS.len()]);
        n /= PARTS.len();
        if n == 0 {
            return out;
        }
    }
}

/// The growth inputs: each at size N and 2N.
pub fn growth_inputs() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (factor, label) in [(1, "1x"), (2, "2x")] {
        files.push((
            format!("size-{label}.md"),
            big_file(4 * 1024 * 1024 * factor, 90_000),
        ));
        files.push((
            format!("quotes-{label}.md"),
            quotes_paragraph(20_000 * factor),
        ));
        files.push((
            format!("dates-{label}.md"),
            dates_paragraph(20_000 * factor),
        ));
        files.push((
            format!("entities-{label}.md"),
            entities_article(5_000 * factor),
        ));
    }
    files
}

/// Write the corpus under `root` unless an up-to-date one is there: `articles/` (2,000
/// files in folders of 100), `big.md` (20 MB), `one.md` (a single article), and `growth/`
/// (inputs at N and 2N, plus `files-1x/` and `files-2x/` with 1,000 and 2,000 articles, and
/// `facts-1x/` and `facts-2x/` with 20,000 and 40,000 people in office).
pub fn ensure(root: &Path) -> io::Result<()> {
    let stamp = root.join("VERSION");
    if fs::read_to_string(&stamp).is_ok_and(|v| v == VERSION) {
        return Ok(());
    }
    if root.exists() {
        fs::remove_dir_all(root)?;
    }
    let articles = root.join("articles");
    for i in 0..ARTICLE_COUNT {
        let dir = articles.join(format!("{:02}", i / 100));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(format!("{i:04}.md")), article(i as u64))?;
    }
    fs::write(root.join("one.md"), article(7))?;
    fs::write(root.join("big.md"), big_file(BIG_FILE_BYTES, 1_000_000))?;
    let growth = root.join("growth");
    fs::create_dir_all(&growth)?;
    for (name, text) in growth_inputs() {
        fs::write(growth.join(name), text)?;
    }
    for (entities, label) in [(20_000, "1x"), (40_000, "2x")] {
        let dir = growth.join(format!("facts-{label}"));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("people.toml"), fact_file(entities))?;
    }
    for (count, label) in [(ARTICLE_COUNT / 2, "1x"), (ARTICLE_COUNT, "2x")] {
        let dir = growth.join(format!("files-{label}"));
        fs::create_dir_all(&dir)?;
        for i in 0..count {
            fs::write(dir.join(format!("{i:04}.md")), article(50_000 + i as u64))?;
        }
    }
    fs::write(stamp, VERSION)
}

/// Every article of the corpus, in order, read into memory.
pub fn load_articles(root: &Path) -> io::Result<Vec<String>> {
    let mut paths = Vec::new();
    for dir in fs::read_dir(root.join("articles"))? {
        for file in fs::read_dir(dir?.path())? {
            paths.push(file?.path());
        }
    }
    paths.sort();
    paths.iter().map(fs::read_to_string).collect()
}

/// A fact file with `n` people, each holding an office for a dated interval, in the shape
/// DESIGN.md §6 describes. The fact-file format is settled by the fact-base loader: if
/// `factlint facts check` rejects these files, adjust this function (`scripts/bench.sh`
/// says so and skips the fact-base growth check).
pub fn fact_file(n: usize) -> String {
    let mut out = String::from("checked = 2025-06-30\n\n");
    for i in 0..n {
        let name = format!(
            "{} {}",
            FIRST_NAMES[i % FIRST_NAMES.len()],
            syllables(i + 100)
        );
        let organisation = format!("{} Union", syllables(i + 7).to_uppercase());
        let from = 1990 + i % 30;
        let _ = writeln!(
            out,
            "[[entity]]\nid = \"person:{i}\"\nkind = \"person\"\nname = \"{name}\"\n\
             aliases = [\"{}\"]\nsource = \"https://example.org/{i}\"\n\n\
             [[entity]]\nid = \"org:{i}\"\nkind = \"organisation\"\nname = \"{organisation} {i}\"\n\
             source = \"https://example.org/{i}\"\n",
            name.to_uppercase()
        );
        let _ = writeln!(
            out,
            "[[office]]\nid = \"office:{i}\"\nname = \"President of the {organisation} {i}\"\n\
             of = \"org:{i}\"\ntitle = \"President\"\nsource = \"https://example.org/{i}\"\n\n\
             [[term]]\noffice = \"office:{i}\"\nholder = \"person:{i}\"\nfrom = {from}-01-01\n\
             until = {}-01-01\nsource = \"https://example.org/{i}\"\n",
            from + 4
        );
    }
    out
}
