#!/usr/bin/env bash
# Run one fuzz target for a limited time, on the machine's stable toolchain:
#
#   fuzz/run.sh check_bytes 600     # the per-file pipeline, ten minutes
#   fuzz/run.sh config_parse 300    # factlint.toml loading, five minutes
#   fuzz/run.sh fact_file 300       # fact-file loading
#   fuzz/run.sh wikidata_import 300 # the Wikidata importer
#   fuzz/run.sh sections 300        # long bodies read the same in sections as whole
#
# Seeds come from examples/, tests/fixtures/ and tests/data/html/ (Markdown) or
# fuzz/seeds/config/ (TOML); the corpus grows in fuzz/corpus/TARGET/ and crashes are written
# to fuzz/artifacts/TARGET/ (both git-ignored). See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${1:?usage: fuzz/run.sh check_bytes|config_parse|fact_file|wikidata_import|sections SECONDS}
seconds=${2:-300}

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz passes -Z flags to rustc; this lets the stable compiler accept them.
export RUSTC_BOOTSTRAP=1

case $target in
check_bytes | sections)
    seeds=("$root/examples" "$root/tests/fixtures" "$root/tests/data/html")
    options=("-dict=$root/fuzz/dict/markdown.dict")
    ;;
config_parse)
    seeds=("$root/fuzz/seeds/config")
    options=()
    ;;
fact_file)
    seeds=("$root/rules/facts" "$root/tests/facts")
    options=()
    ;;
wikidata_import)
    seeds=("$root/tests/data/wikidata")
    options=()
    ;;
*)
    echo "unknown target $target (check_bytes, config_parse, fact_file, wikidata_import, sections)" >&2
    exit 2
    ;;
esac
mkdir -p "$root/fuzz/corpus/$target"
exec cargo fuzz run --fuzz-dir "$root/fuzz" "$target" "$root/fuzz/corpus/$target" "${seeds[@]}" \
    -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    "${options[@]}"
