#!/usr/bin/env bash
# Copies the BLS Employment Projections and O*NET tables that careers uses
# into data/occupations/, after checking every input against the
# SHA256SUMS that came with it. The large tables are compressed with
# `zstd -19` (deterministic; `zstdcat` gives back the original byte for
# byte); the small ones are copied as they are. build/occupations.rs reads
# these files and fails on any line it cannot parse.
#
# Usage: scripts/occupations-import.sh SOURCE_DIR
#   SOURCE_DIR holds the tables, their README.md and SHA256SUMS (the
#   extract described in data/occupations/README.md). The README.md in
#   data/occupations/ is the project's own and is not overwritten.
#
# Check a bundled table against its input:
#   zstdcat data/occupations/onet_tasks.tsv.zst | cmp - SOURCE_DIR/onet_tasks.tsv
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:?usage: scripts/occupations-import.sh SOURCE_DIR}"
dest="$root/data/occupations"

# Copied as they are: small, and readable in a diff.
plain=(projections.tsv soc_crosswalk.tsv coverage.tsv)
# Compressed: about a fifth to a third of their size.
packed=(sample_titles.tsv onet_occupations.tsv onet_alt_titles.tsv onet_skills.tsv
    onet_knowledge.tsv onet_technology.tsv onet_related.tsv onet_tasks.tsv)

command -v zstd >/dev/null || { echo "occupations-import: zstd is not installed" >&2; exit 1; }
command -v sha256sum >/dev/null || { echo "occupations-import: sha256sum is not installed" >&2; exit 1; }
[ -f "$src/SHA256SUMS" ] || { echo "occupations-import: $src/SHA256SUMS is missing" >&2; exit 1; }
for f in "${plain[@]}" "${packed[@]}"; do
    [ -f "$src/$f" ] || { echo "occupations-import: $src/$f is missing" >&2; exit 1; }
    # Each file we take must be listed, and must match.
    grep -q "  $f\$" "$src/SHA256SUMS" \
        || { echo "occupations-import: $f is not listed in SHA256SUMS" >&2; exit 1; }
done
(cd "$src" && grep -E "  ($(IFS='|'; echo "${plain[*]} ${packed[*]}" | tr ' ' '|'))\$" SHA256SUMS \
    | sha256sum --check --quiet --strict -) \
    || { echo "occupations-import: a table does not match SHA256SUMS" >&2; exit 1; }

mkdir -p "$dest"
for f in "${plain[@]}"; do
    install -m 644 "$src/$f" "$dest/$f"
done
for f in "${packed[@]}"; do
    zstd -q -f -19 --no-progress "$src/$f" -o "$dest/$f.zst"
    chmod 644 "$dest/$f.zst"
    zstd -q -d -c "$dest/$f.zst" | cmp -s - "$src/$f" \
        || { echo "occupations-import: $f.zst does not round-trip" >&2; exit 1; }
done
echo "occupations-import: wrote $(du -sh "$dest" | cut -f1) to $dest"
