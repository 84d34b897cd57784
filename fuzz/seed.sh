#!/usr/bin/env bash
# Seed corpora for the fuzz targets, in fuzz/corpus/<target>/ (where `cargo fuzz run` looks),
# from real documents and from files the program itself writes:
#
# - documents of the bundled library (seeds/, assets/library/) and, when given, of a corpus
#   folder laid out as the project's shared corpus (unga80/, unsc/, unsc-fr/, unga/);
# - their paragraphs that cite something, for `citations`; their lines as search records;
# - the catalogs' metadata entries and the corpus's YAML front matter, for `metadata`;
# - a library cache written by `plenary search` over a few small documents (release build), cut
#   into its index sections and its documents for `index_decode` and `library_cache`;
# - the small seeds kept in fuzz/seeds/<target>/ (a bookmarks.json the program wrote).
#
# Usage: fuzz/seed.sh [CORPUS_DIR]    (run from anywhere; CORPUS_DIR is optional)
set -euo pipefail

fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
shared=${1:-}
out=$fuzz/corpus
lib=$root/assets/library
targets=(parse citations search metadata index_decode library_cache bookmarks)

for t in "${targets[@]}"; do
    mkdir -p "$out/$t"
    if [ -d "$fuzz/seeds/$t" ]; then
        cp "$fuzz/seeds/$t"/* "$out/$t/"
    fi
done

# Documents: the bundled ones always, a handful of each shape of the corpus when given. The
# smallest files are taken: the fuzzer mutates small inputs faster.
smallest() { # DIR PATTERN COUNT
    find "$1" -maxdepth 1 -name "$2" -type f -printf '%s %p\n' 2>/dev/null |
        sort -n | awk -v n="$3" 'NR <= n' | cut -d' ' -f2-
}
documents=()
while IFS= read -r f; do documents+=("$f"); done < <(
    smallest "$root/seeds" '*.txt' 10
    smallest "$lib/unga" '*.txt' 10
    smallest "$lib/unsc" '*.txt' 8
    smallest "$lib/charter" '*_en.txt' 1
    if [ -n "$shared" ]; then
        smallest "$shared/unga80/md" '*.md' 4
        smallest "$shared/unga80/raw" '*.txt' 4
        smallest "$shared/unsc" '*.txt' 4
        smallest "$shared/unsc-fr" '*.txt' 6
        smallest "$shared/unga/layout" '*.txt' 1
        smallest "$shared/unga/flow" '*.txt' 1
    fi
)

n=0
for f in "${documents[@]}"; do
    n=$((n + 1))
    name=$(basename "$f")
    # parse: the file name on the first line, then the file.
    { printf '%s\n' "$name"; cat "$f"; } >"$out/parse/doc-$n"
    # citations: each paragraph that may cite something, with its language.
    lang=E
    case "$name" in *_FR.txt | 000_*) lang=F ;; esac
    awk -v RS= -v dir="$out/citations" -v base="doc-$n" -v lang="$lang" '
        /[Rr][ée]solution|[Dd][ée]cision|\/RES\/|Charte|Charter|\([IVXL]+\)/ && k < 12 {
            k++; file = dir "/" base "-" k; printf "%s%s\n", lang, $0 > file; close(file)
        }' "$f"
    # search: a query, then the document's first lines as records.
    k=0
    for q in "council" "résolution 242" "secretary-general" "a/res/73" "coopreation l'onu"; do
        k=$((k + 1))
        { printf '%s\n' "$q"; head -n 64 "$f"; } >"$out/search/doc-$n-$k"
    done
done
# A PDF as users have it: binary, which the loader refuses.
if [ -n "$shared" ]; then
    for f in "$shared"/unga/pdf/*.pdf; do
        [ -f "$f" ] || continue
        { printf '%s\n' "$(basename "$f")"; head -c 8192 "$f"; } >"$out/parse/pdf-$(basename "$f")"
    done
fi

# metadata: each entry of the catalogs, and the YAML front matter of Markdown files.
for catalog in "$root/seeds/catalog.toml" "$lib/catalog.toml"; do
    awk -v dir="$out/metadata" -v base="$(basename "$(dirname "$catalog")")" '
        /^\[/ { k++; if (file) close(file) } k && k <= 40 { file = dir "/" base "-" k; print > file }' "$catalog"
done
for f in "${documents[@]}"; do
    case "$f" in
    *.md) awk 'NR == 1 && $0 == "---" { on = 1; next } on && $0 == "---" { exit } on' "$f" \
        >"$out/metadata/yaml-$(basename "$f")" ;;
    esac
done

# The library cache `plenary search` writes over a few small documents, without the bundled
# ones, so that the file stays small.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/docs" "$work/cache"
for f in $(smallest "$lib/unsc" '*.txt' 3) $(smallest "$lib/unga" '*.txt' 1); do
    cp "$f" "$work/docs/"
done
# Files written within the last seconds are not cached (their stamp could miss a change).
touch -d '1 hour ago' "$work/docs"/*
(cd "$root" && PLENARY_CACHE_DIR="$work/cache" CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} \
    cargo run --quiet --release -- --no-bundled search council "$work/docs" >/dev/null)
cache=$(find "$work/cache" -name 'library-*.bin' -print -quit)
if [ -z "$cache" ]; then
    echo "seed.sh: plenary wrote no library cache" >&2
    exit 1
fi
{ printf '\0'; cat "$cache"; } >"$out/library_cache/library"
{ printf '\1'; cat "$cache"; } >"$out/library_cache/library-repaired"

# Its sections: magic, key length, key, padding to 8, fingerprint, then each section's length,
# checksum, bytes and padding (app/stored.rs).
u64() { od -An -t u8 -j "$1" -N 8 "$cache" | tr -d ' '; }
pad() { echo $(((8 - $1 % 8) % 8)); }
section() { # OFFSET OUT: writes the section's bytes, prints the next section's offset
    local len
    len=$(u64 "$1")
    dd if="$cache" of="$2" iflag=skip_bytes,count_bytes skip=$(($1 + 16)) count="$len" \
        bs=65536 status=none
    echo $(($1 + 16 + len + $(pad "$len")))
}
key_len=$(u64 8)
at=$((16 + key_len + $(pad "$key_len") + 8))
at=$(section "$at" "$work/paragraphs")
at=$(section "$at" "$work/documents")
at=$(section "$at" "$work/blobs")
section "$at" "$work/table" >/dev/null
{ printf 'council\n'; cat "$work/paragraphs"; } >"$out/index_decode/paragraphs"
{ printf 'security resolution\n'; cat "$work/documents"; } >"$out/index_decode/documents"
# The documents as a start-up cache's payload: their count (postcard varint, the table's first
# byte for fewer than 128), then the documents one after another.
count=$(od -An -t u1 -N 1 "$work/table" | tr -d ' ')
{ printf '\3'; printf "\\$(printf '%03o' "$count")"; cat "$work/blobs"; } \
    >"$out/library_cache/bundled-payload"

for t in "${targets[@]}"; do
    echo "$t: $(find "$out/$t" -type f | wc -l) seeds, $(du -sh "$out/$t" | cut -f1)"
done
