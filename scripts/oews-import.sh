#!/usr/bin/env bash
# Copies the BLS OEWS May 2025 extract into data/oews-2025/, compressing the
# two large tables with zstd so the repository stays small. build/wages.rs
# reads these files (decompressing the .zst ones) and fails on any change it
# cannot parse.
#
# Usage: scripts/oews-import.sh [SOURCE_DIR]
#   SOURCE_DIR holds README.md, occupations.tsv, areas.tsv, national.tsv,
#   states.tsv and metros.tsv (default: ../shared/data/oews-2025 beside the
#   repository, where the extract described in data/oews-2025/README.md was
#   made). The README.md in data/oews-2025/ is the project's own and is not
#   overwritten.
#
# `zstd -d` (or `zstdcat`) restores the original TSVs byte for byte:
#   zstdcat data/oews-2025/metros.tsv.zst | cmp - SOURCE_DIR/metros.tsv
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$root/../shared/data/oews-2025}"
dest="$root/data/oews-2025"

command -v zstd >/dev/null || { echo "oews-import: zstd is not installed" >&2; exit 1; }
for f in occupations.tsv areas.tsv national.tsv states.tsv metros.tsv; do
    [ -f "$src/$f" ] || { echo "oews-import: $src/$f is missing" >&2; exit 1; }
done

mkdir -p "$dest"
for f in occupations.tsv areas.tsv national.tsv; do
    install -m 644 "$src/$f" "$dest/$f"
done
for f in states metros; do
    # -19: about a quarter of the TSV's size; deterministic output.
    zstd -q -f -19 --no-progress "$src/$f.tsv" -o "$dest/$f.tsv.zst"
    chmod 644 "$dest/$f.tsv.zst"
    zstd -q -d -c "$dest/$f.tsv.zst" | cmp -s - "$src/$f.tsv" \
        || { echo "oews-import: $f.tsv.zst does not round-trip" >&2; exit 1; }
done
echo "oews-import: wrote $(du -sh "$dest" | cut -f1) to $dest"
