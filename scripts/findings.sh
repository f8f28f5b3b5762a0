#!/usr/bin/env bash
# Every finding factlint gives on the project's inputs, as JSON, so a change that must not
# change findings (a faster loader, a refactor) can be checked byte for byte:
#
#   scripts/findings.sh target/findings-before      # on the old commit
#   scripts/findings.sh target/findings-after       # on the new one
#   diff -r target/findings-before target/findings-after
#
# Inputs: the bundled example, the 189 corpus articles in tests/corpus, every fixture, the
# first 300 articles of the generated benchmark corpus (generated when missing), and the same
# example and corpus with the test fact folder layered over the defaults. Uses the release
# binary (built when missing or stale); `--date`-less runs judge against today, so compare
# runs made on the same day.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/findings.sh OUT-DIR}
mkdir -p "$out"
cargo build -q --release
bin=target/release/factlint
[[ -d target/bench-corpus/articles ]] || cargo bench -q --bench generate_corpus >/dev/null
bench=$(find target/bench-corpus/articles -name '*.md' | sort | awk 'NR <= 300')
run() { # run NAME ARGS...: findings as JSON (a non-zero exit for findings is expected)
    local name=$1
    shift
    "$bin" --format json --exit-zero "$@" >"$out/$name.json" 2>"$out/$name.stderr" || true
}
run examples examples
run corpus tests/corpus
run fixtures tests/fixtures
# shellcheck disable=SC2086
run bench $bench
run facts-layered --facts tests/facts examples tests/corpus
echo "findings written to $out: $(cat "$out"/*.json | wc -c) bytes" >&2
