#!/usr/bin/env bash
# plenary against fzf, as whole processes, on the same generated 100k paragraphs; then
# `plenary list`, and peak memory of `plenary search` at 1M paragraphs against the corpus text.
#
#   benches/compare.sh            # everything (about 5 minutes on 2 cores, more on first run)
#   RUNS=5 WARMUP=2 benches/compare.sh
#   SKIP_1M=1 benches/compare.sh  # leave out the 1M memory measurement (and its 480 MB on disk)
#
# Libraries are generated (once) under $CORPUS_DIR (default target/corpus) by
# examples/gen-corpus.rs with seed 1. Prints markdown tables on stdout; hyperfine's JSON goes to
# $CORPUS_DIR/results/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
CORPUS_DIR=${CORPUS_DIR:-$ROOT/target/corpus}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
SEED=1
QUERIES=("s" "résolution" "cooperation" "organisation shanghai coopération" "cooprtion" "zzqxv")

log() { echo "compare.sh: $*" >&2; }

# --- tools ---------------------------------------------------------------------------------
missing=()
for tool in fzf hyperfine python3; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    log "installing ${missing[*]} from the system packages"
    $SUDO apt-get install -y "${missing[@]}" >/dev/null 2>&1 || {
        $SUDO apt-get update >/dev/null
        $SUDO apt-get install -y "${missing[@]}" >/dev/null
    }
fi

# --- build and corpora -----------------------------------------------------------------------
log "building (release)"
cargo build --release --quiet --bin plenary --example gen-corpus
PLENARY=$TARGET/release/plenary
GEN=$TARGET/release/examples/gen-corpus

VERSION=$(sed -n 's/^pub const VERSION: u32 = \([0-9]*\);/\1/p' benches/common/mod.rs)
generate() { # paragraphs name
    local stamp="paragraphs=$1 seed=$SEED version=$VERSION"
    if [ "$(cat "$CORPUS_DIR/$2/.gen-corpus" 2>/dev/null)" != "$stamp" ] || [ ! -f "$CORPUS_DIR/$2.lines" ]; then
        log "generating $2"
        "$GEN" --paragraphs "$1" --seed "$SEED" --out "$CORPUS_DIR/$2"
    fi
}
mkdir -p "$CORPUS_DIR/results"
RESULTS=$CORPUS_DIR/results
: >"$RESULTS/hyperfine.log"
generate 100000 lib-100k
LIB=$CORPUS_DIR/lib-100k
LINES=$CORPUS_DIR/lib-100k.lines

# hyperfine's median (seconds) from its JSON export.
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
msec() { python3 -c 'import sys; print(f"{float(sys.argv[1])*1e3:.0f}")' "$1"; }
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1])/float(sys.argv[2]):.2f}")' "$1" "$2"; }
# Single quotes for hyperfine's `sh -c` (printf %q may give bash-only $'...' for accents).
quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# --- search: cold, warm, fzf -----------------------------------------------------------------
COLD=$(mktemp -d)
WARM=$(mktemp -d)
trap 'rm -rf "$COLD" "$WARM"' EXIT

echo "$(nproc) cores; load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg) (above 0 means other processes share the cores)."
echo
echo "### plenary search vs fzf --filter, 100k paragraphs ($(du -sh "$LINES" | cut -f1) of text), median of $RUNS runs"
echo
echo "| query | plenary cold ms | plenary warm ms | fzf ms | cold/fzf | warm/fzf |"
echo "|---|---:|---:|---:|---:|---:|"
i=0
for q in "${QUERIES[@]}"; do
    i=$((i + 1))
    qq=$(quote "$q")
    # `plenary search` exits 1 when nothing matches (like grep): that is an answer, not a failure.
    search="$PLENARY search $qq --no-bundled $LIB --limit 20 >/dev/null || [ \$? -eq 1 ]"
    # Cold: a cache folder emptied before every run.
    hyperfine --style none --warmup 0 --runs "$RUNS" \
        --prepare "rm -rf $COLD && mkdir -p $COLD" \
        --export-json "$RESULTS/cold-$i.json" "PLENARY_CACHE_DIR=$COLD $search" >/dev/null 2>>"$RESULTS/hyperfine.log"
    # Warm: one cache folder for all runs, filled by the warm-up runs if plenary writes one.
    hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$RESULTS/warm-$i.json" "PLENARY_CACHE_DIR=$WARM $search" >/dev/null 2>>"$RESULTS/hyperfine.log"
    hyperfine --style none --warmup "$WARMUP" --runs "$RUNS" \
        --export-json "$RESULTS/fzf-$i.json" "fzf --filter $qq < $LINES >/dev/null" >/dev/null 2>>"$RESULTS/hyperfine.log"
    c=$(median "$RESULTS/cold-$i.json")
    w=$(median "$RESULTS/warm-$i.json")
    f=$(median "$RESULTS/fzf-$i.json")
    echo "| \`$q\` | $(msec "$c") | $(msec "$w") | $(msec "$f") | $(ratio "$c" "$f") | $(ratio "$w" "$f") |"
done
echo
echo "Cold: no library cache (every run reads, parses, links and indexes the 8,399 files, then writes"
echo "the cache). Warm: the library cache written by the warm-up run; each run checks every file's"
echo "size and time, then reads the paragraph index and the documents it prints ($(du -sh "$WARM" | cut -f1) in the cache folder)."
echo "Targets: cold/fzf ≤ 1 for every query; warm/fzf ≤ 0.10."

# --- start-up ---------------------------------------------------------------------------------
echo
echo "### whole process, bundled library, median of $((RUNS * 3)) runs (hyperfine -N, no shell)"
echo
echo "| command | cold cache ms | warm cache ms |"
echo "|---|---:|---:|"
for cmd in "list" "search résolution --limit 20"; do
    # shellcheck disable=SC2086 # $cmd is split into arguments on purpose.
    # Cold: the start-up cache emptied before every run, so the bundled library is parsed.
    hyperfine -N --style none --warmup 0 --runs $((RUNS * 3)) \
        --prepare "rm -rf $COLD" \
        --export-json "$RESULTS/startup-cold.json" "env PLENARY_CACHE_DIR=$COLD $PLENARY $cmd" >/dev/null 2>>"$RESULTS/hyperfine.log"
    # Warm: the cache written by the warm-up run is read back.
    rm -rf "$WARM" && mkdir -p "$WARM"
    hyperfine -N --style none --warmup "$WARMUP" --runs $((RUNS * 3)) \
        --export-json "$RESULTS/startup-warm.json" "env PLENARY_CACHE_DIR=$WARM $PLENARY $cmd" >/dev/null 2>>"$RESULTS/hyperfine.log"
    [ -f "$WARM/bundled.postcard" ] || log "warning: no start-up cache was written to $WARM"
    echo "| \`plenary $cmd\` | $(msec "$(median "$RESULTS/startup-cold.json")") | $(msec "$(median "$RESULTS/startup-warm.json")") |"
done
echo
echo "Target: ≤ 50 ms. \`search\` loads, parses and indexes like the reader before its first frame."

# --- memory at 1M ------------------------------------------------------------------------------
if [ -z "${SKIP_1M:-}" ]; then
    generate 1000000 lib-1m
    LIB1M=$CORPUS_DIR/lib-1m
    text=$(find "$LIB1M" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    echo
    echo "### peak memory, plenary search at 1M paragraphs"
    echo
    echo "| query | cache | peak RSS MB | corpus text MB | ratio | wall s |"
    echo "|---|---|---:|---:|---:|---:|"
    rm -rf "$COLD" && mkdir -p "$COLD"
    for q in "résolution" "organisation shanghai coopération"; do
        # Cold (the cache folder emptied: this run writes the library cache), then warm (reads it).
        for cache in cold warm; do
            [ "$cache" = warm ] || { rm -rf "$COLD" && mkdir -p "$COLD"; }
            start=$(date +%s.%N)
            kb=$( { PLENARY_CACHE_DIR=$COLD /usr/bin/time -f '%M' \
                "$PLENARY" search "$q" --no-bundled "$LIB1M" --limit 20 >/dev/null; } 2>&1 | tail -1)
            end=$(date +%s.%N)
            python3 -c 'import sys; kb, text, s, e = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]); print(f"| `{sys.argv[5]}` | {sys.argv[6]} | {kb/1e3:.0f} | {text/1e6:.0f} | {kb*1e3/text:.2f} | {e-s:.1f} |")' \
                "$kb" "$text" "$start" "$end" "$q" "$cache"
        done
    done
    echo
    echo "Target: peak RSS ≤ 3× the corpus text."
fi
