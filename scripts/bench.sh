#!/usr/bin/env bash
# Every performance figure of BENCHMARKS.md, from a clean clone, with one command:
#
#   scripts/bench.sh           # the full run: a few minutes on a 2-core machine
#   scripts/bench.sh --quick   # fewer samples and runs, to try the script out
#
# It generates the deterministic corpus (target/bench-corpus/, never committed), builds the
# release binary, runs `cargo bench --bench throughput` (MB/s against the pulldown-cmark
# floor), times whole processes with hyperfine (one article, start-up included; the corpus
# through the CLI), measures peak memory with /usr/bin/time -v, and runs the growth checks
# (each input at N and 2N). Raw results go to target/bench-results/; the table for
# BENCHMARKS.md, each figure against its target from issue 8, to
# target/bench-results/summary.md. Needs hyperfine, GNU time and jq (Debian packages
# `hyperfine`, `time`, `jq`); as root it installs them when they are missing. With valgrind
# (optional) it also counts the instructions of the one-article and empty-article processes.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[[ "${1:-}" == "--quick" ]] && quick=true
if $quick; then
    samples=(-- --sample-count 2)
    runs_one=20 runs_corpus=2 runs_growth=2
else
    samples=()
    runs_one=200 runs_corpus=5 runs_growth=10
fi

need() { # need COMMAND DEBIAN-PACKAGE
    command -v "$1" >/dev/null 2>&1 && return
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "installing $2 ..." >&2
        (apt-get install -y -qq "$2" >/dev/null 2>&1 ||
            { apt-get update -qq && apt-get install -y -qq "$2"; }) >/dev/null
    fi
    command -v "$1" >/dev/null 2>&1 || { echo "bench.sh: needs $1 (apt-get install $2)" >&2; exit 2; }
}
need hyperfine hyperfine
need /usr/bin/time time
need jq jq

corpus=target/bench-corpus
results=target/bench-results
bin=target/release/factlint
mkdir -p "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== corpus and release build" >&2
cargo bench -q --bench generate_corpus >/dev/null
cargo build -q --release

echo "== cargo bench --bench throughput" >&2
cargo bench -q --bench throughput "${samples[@]}" | tee "$results/divan.txt" >&2

# "name median fastest" in MB/s for each benchmark (and argument) of divan's table.
awk '
    function mbs(value, unit) {
        if (unit == "GB/s") return value * 1000
        if (unit == "KB/s") return value / 1000
        if (unit == "B/s") return value / 1000000
        return value
    }
    /^(├|╰)─ / { group = $2; name = $2; next_is_rate = 1; next }
    /^(│| ) *(├|╰)─ / { for (i = 1; i <= NF; i++) if ($i ~ /─$/) { name = group "/" $(i + 1); break }
                        next_is_rate = 1; next }
    next_is_rate && /B\/s/ {
        n = 0
        for (i = 1; i < NF; i++) if ($(i + 1) ~ /B\/s$/) { rate[++n] = mbs($i, $(i + 1)) }
        printf "%s %.1f %.1f\n", name, rate[3], rate[1]
        next_is_rate = 0
    }
' "$results/divan.txt" >"$results/throughput.txt"

rate() { awk -v n="$1" '$1 == n { print $2 }' "$results/throughput.txt"; }
fastest() { awk -v n="$1" '$1 == n { print $3 }' "$results/throughput.txt"; }

# median_ms JSON [INDEX]: a hyperfine result's median in milliseconds.
median_ms() { jq -r ".results[${2:-0}].median * 1000" "$1"; }

echo "== one article, whole process (beside the floor's own process)" >&2
printf -- '---\ntitle: Empty\ndate: 2022-11-30\nauthor: Bench Desk\n---\n' >"$results/empty.md"
cargo bench -q --bench floor_one -- "$corpus/one.md" >/dev/null
floor_bin=$(find target/release/deps -maxdepth 1 -type f -executable -name 'floor_one-*' -printf '%T@ %p\n' |
    sort -n | tail -1 | cut -d' ' -f2)
hyperfine -N -i --style basic --warmup 10 --runs "$runs_one" \
    --export-json "$results/one-article.json" \
    "$bin $corpus/one.md" "$bin $results/empty.md" "$floor_bin $corpus/one.md" >&2
one_ms=$(median_ms "$results/one-article.json" 0)
startup_ms=$(median_ms "$results/one-article.json" 1)
floor_one_ms=$(median_ms "$results/one-article.json" 2)
floor_half_ms=$(awk -v f="$floor_one_ms" 'BEGIN { printf "%.1f", f / 2 }')
# The same processes counted in instructions (callgrind): unlike wall time, the count does not
# move with the machine's load, so the one-article target can be judged on a busy machine.
# Skipped when valgrind is missing.
instructions() { # instructions ARGS...: instructions one run of the command executes, in millions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        awk '/Collected :/ { printf "%.2f", $NF / 1e6 }'
}
if command -v valgrind >/dev/null 2>&1; then
    one_ir=$(instructions "$bin" "$corpus/one.md")
    empty_ir=$(instructions "$bin" "$results/empty.md")
    floor_ir=$(instructions "$floor_bin" "$corpus/one.md")
    floor_half_ir=$(awk -v f="$floor_ir" 'BEGIN { printf "%.2f", f / 2 }')
fi

echo "== the corpus through the CLI" >&2
corpus_bytes=$(find "$corpus/articles" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')
hyperfine -N -i --style basic --warmup 1 --runs "$runs_corpus" \
    --export-json "$results/cli-corpus.json" \
    "$bin --format json -j 1 $corpus/articles" "$bin --format json $corpus/articles" >&2
cli_mbs() { jq -r --argjson b "$corpus_bytes" ".results[$1].median as \$t | \$b / \$t / 1e6" \
    "$results/cli-corpus.json"; }

echo "== peak memory" >&2
peak_mb() { # peak_mb NAME ARGS...: peak RSS of one run, in MB
    local name=$1
    shift
    /usr/bin/time -v -o "$results/rss-$name.txt" "$bin" --format json "$@" >/dev/null 2>&1 || true
    awk -F: '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$results/rss-$name.txt"
}
rss_corpus=$(peak_mb corpus "$corpus/articles")
rss_big=$(peak_mb big "$corpus/big.md")
largest_mb=$(find "$corpus/articles" -name '*.md' -printf '%s\n' | sort -n | tail -1 |
    awk '{ printf "%.3f", $1 / 1048576 }')
big_mb=$(awk '{ printf "%.1f", $1 / 1048576 }' <<<"$(stat -c %s "$corpus/big.md")")
# A fact file is an input too: one article checked against the larger generated fact file.
rss_one=$(peak_mb one "$corpus/one.md")
rss_facts=$(peak_mb facts --facts "$corpus/growth/facts-2x" "$corpus/one.md")
facts_mb=$(awk '{ printf "%.1f", $1 / 1048576 }' <<<"$(stat -c %s "$corpus/growth/facts-2x/people.toml")")

echo "== growth: each input at N and 2N" >&2
growth_rows=()
growth() { # growth NAME WHAT ARGS-AT-N ARGS-AT-2N
    local name=$1 what=$2 one=$3 two=$4
    hyperfine -N -i --style basic --warmup 1 --runs "$runs_growth" \
        --export-json "$results/growth-$name.json" \
        "timeout 300 $bin --format json $one" "timeout 300 $bin --format json $two" >&2
    local t1 t2
    t1=$(median_ms "$results/growth-$name.json" 0)
    t2=$(median_ms "$results/growth-$name.json" 1)
    growth_rows+=("$(awk -v what="$what" -v t1="$t1" -v t2="$t2" -v t0="$startup_ms" 'BEGIN {
        work1 = t1 - t0; work2 = t2 - t0
        if (work1 < 10) { ratio = "n/a"; verdict = "too little work to judge" }
        else { r = work2 / work1; ratio = sprintf("%.2f", r); verdict = r <= 2.2 ? "ok" : "**missed**" }
        printf "| %s | %.1f ms | %.1f ms | %s | ≤ 2.2 | %s |", what, t1, t2, ratio, verdict }')")
}
g=$corpus/growth
growth size "file size (4 → 8 MB)" "$g/size-1x.md" "$g/size-2x.md"
growth files "number of files (1,000 → 2,000 articles)" "$g/files-1x" "$g/files-2x"
growth quotes "quotations in one paragraph (20,000 → 40,000)" "$g/quotes-1x.md" "$g/quotes-2x.md"
growth dates "weekday–date pairs in one paragraph (20,000 → 40,000)" "$g/dates-1x.md" "$g/dates-2x.md"
growth entities "people and organisations in one article (5,000 → 10,000)" \
    "$g/entities-1x.md" "$g/entities-2x.md"
if "$bin" facts check "$g/facts-1x" >"$results/facts-check.txt" 2>&1; then
    growth facts "fact-base size (20,000 → 40,000 people in office)" \
        "--facts $g/facts-1x $corpus/one.md" "--facts $g/facts-2x $corpus/one.md"
else
    growth_rows+=("| fact-base size | | | | ≤ 2.2 | not measured: \`factlint facts check\` rejects the generated fact files (see $results/facts-check.txt; adjust \`fact_file\` in benches/corpus/mod.rs) |")
fi

verdict_at_least() { awk -v m="$1" -v t="$2" 'BEGIN { print (m >= t ? "ok" : "**missed**") }'; }
verdict_at_most() { awk -v m="$1" -v t="$2" 'BEGIN { print (m <= t ? "ok" : "**missed**") }'; }
times() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a * b }'; }

floor1=$(rate floor_parse_ten_regexes/1)
floor_all=$(rate floor_parse_ten_regexes/all)
floor_big=$(rate floor_parse_ten_regexes_big_file)
lint1=$(rate factlint_corpus/1)
lint_all=$(rate factlint_corpus/all)
lint_big=$(rate factlint_big_file)
target1=$(times "$floor1" 0.6)
target_all=$(times "$floor_all" 0.6)
target_big=$(times "$floor_big" 0.6)
rss_target_corpus=$(awk -v l="$largest_mb" 'BEGIN { printf "%.1f", 4 * l + 30 }')
rss_target_big=$(awk -v l="$big_mb" 'BEGIN { printf "%.1f", 4 * l + 30 }')
rss_target_facts=$(awk -v l="$facts_mb" 'BEGIN { printf "%.1f", 4 * l + 30 }')

{
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src benches Cargo.toml || echo ' (with uncommitted changes)')."
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); $(rustc -V)."
    echo "Load average before the run: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Corpus: $(find "$corpus/articles" -name '*.md' | wc -l) articles, $(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }'); big.md $(awk -v b="$(stat -c %s "$corpus/big.md")" 'BEGIN { printf "%.1f MB", b / 1e6 }')."
    echo
    echo "| figure | measured | target | verdict |"
    echo "|---|---|---|---|"
    echo "| corpus, 1 thread (cargo bench, median; fastest sample) | $lint1 MB/s ($(fastest factlint_corpus/1)) | ≥ 0.6 × floor = $target1 MB/s | $(verdict_at_least "$lint1" "$target1") |"
    echo "| corpus, all cores | $lint_all MB/s ($(fastest factlint_corpus/all)) | ≥ 0.6 × floor = $target_all MB/s | $(verdict_at_least "$lint_all" "$target_all") |"
    echo "| 20 MB single file | $lint_big MB/s ($(fastest factlint_big_file)) | ≥ 0.6 × floor = $target_big MB/s | $(verdict_at_least "$lint_big" "$target_big") |"
    echo "| floor: pulldown-cmark + ten regexes, 1 thread / all cores / 20 MB file | $floor1 / $floor_all / $floor_big MB/s | (the floor) | |"
    echo "| floor: ten regexes per block instead of per document, 1 thread / all cores | $(rate floor_parse_ten_regexes_per_block/1) / $(rate floor_parse_ten_regexes_per_block/all) MB/s | (for comparison) | |"
    echo "| floor: pulldown-cmark alone, 1 thread / all cores | $(rate floor_parse/1) / $(rate floor_parse/all) MB/s | (for comparison) | |"
    echo "| one article, whole process (hyperfine median) | $(printf '%.1f' "$one_ms") ms | ≤ 10 ms | $(verdict_at_most "$one_ms" 10) |"
    echo "| one article, whole process, against the floor's one-article process ($(printf '%.1f' "$floor_one_ms") ms) | $(printf '%.1f' "$one_ms") ms | ≤ half the floor's = $floor_half_ms ms | $(verdict_at_most "$one_ms" "$floor_half_ms") |"
    if [[ -n "${one_ir:-}" ]]; then
        echo "| one article, whole process, instructions (callgrind), against the floor's one-article process ($floor_ir M) | $one_ir M | ≤ half the floor's = $floor_half_ir M | $(verdict_at_most "$one_ir" "$floor_half_ir") |"
        echo "| start-up: an empty article, instructions (callgrind) | $empty_ir M | (for comparison) | |"
    fi
    echo "| start-up: an empty article, whole process | $(printf '%.1f' "$startup_ms") ms | ≤ 3.8 ms (before the world fact base) | $(verdict_at_most "$startup_ms" 3.8) |"
    echo "| peak RSS, one article | $rss_one MB | ≤ 20 MB | $(verdict_at_most "$rss_one" 20) |"
    echo "| corpus through the CLI (files read, JSON written), -j 1 / all cores | $(printf '%.1f' "$(cli_mbs 0)") / $(printf '%.1f' "$(cli_mbs 1)") MB/s | (for comparison) | |"
    echo "| peak RSS, the corpus (largest file $(awk -v l="$largest_mb" 'BEGIN { printf "%.0f KB", l * 1024 }')) | $rss_corpus MB | ≤ 4 × largest + 30 = $rss_target_corpus MB | $(verdict_at_most "$rss_corpus" "$rss_target_corpus") |"
    echo "| peak RSS, the 20 MB file | $rss_big MB | ≤ 4 × $big_mb + 30 = $rss_target_big MB | $(verdict_at_most "$rss_big" "$rss_target_big") |"
    echo "| peak RSS, one article with a $facts_mb MB fact file (40,000 people in office) | $rss_facts MB | ≤ 4 × $facts_mb + 30 = $rss_target_facts MB | $(verdict_at_most "$rss_facts" "$rss_target_facts") |"
    echo
    echo "Growth (whole process, hyperfine medians; the ratio is of the work, start-up of $(printf '%.1f' "$startup_ms") ms subtracted):"
    echo
    echo "| doubled | at N | at 2N | ratio | target | verdict |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${growth_rows[@]}"
    echo
    echo "Where the time goes, corpus on one thread (cargo bench factlint_stages, medians; each stage includes those above it):"
    echo
    echo "| stage | MB/s | ns per byte | this stage adds |"
    echo "|---|---|---|---|"
    awk -v doc="$(rate factlint_stages/document)" -v dates="$(rate factlint_stages/dates)" \
        -v facts="$(rate factlint_stages/facts)" -v quotes="$(rate factlint_stages/quotes)" \
        -v all="$lint1" -v floor="$(rate floor_parse/1)" 'BEGIN {
        n = split("pulldown-cmark alone (the floor'"'"'s parser)|document model (pulldown-cmark, blocks, sentences, front matter)|+ date claims|+ mentions of the fact base, counts|+ quotations, titles, name words|+ rules, report: the whole check", label, "|")
        split(floor " " doc " " dates " " facts " " quotes " " all, r, " ")
        for (i = 1; i <= n; i++) {
            ns = r[i] > 0 ? 1000 / r[i] : 0
            added = (i > 1 && r[i - 1] > 0) ? sprintf("%.1f ns", ns - 1000 / r[i - 1]) : ""
            printf "| %s | %.1f | %.1f | %s |\n", label[i], r[i], ns, added
        }
    }'
} >"$results/summary.md"

echo >&2
cat "$results/summary.md"
