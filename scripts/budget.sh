#!/usr/bin/env bash
# Times every command on the largest roles the size budget accepts
# (docs/data-format.md, "Size budget"): one generated data directory per
# shape, each holding two such roles that link each other.
#
#   scripts/budget.sh [RUNS]      # needs hyperfine and python3
#
# Prints one line per shape and command: the mean and the slowest of RUNS
# runs (default 10) of the release binary, reading the files afresh
# (--no-cache, the first run's cost: parsing and validating included).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
cargo build --release --locked --quiet --bin careers --example largest-roles
BIN=$PWD/target/release/careers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME=$WORK/cache COLUMNS=100
unset CAREERS_DATA_DIR NO_COLOR CLICOLOR_FORCE
target/release/examples/largest-roles "$WORK/data" >/dev/null
printf '%-12s %-34s %9s %9s\n' shape command mean_ms max_ms
for dir in "$WORK"/data/*/; do
    shape=$(basename "$dir")
    a=$(basename "$(ls "$dir"roles/*-a-*.toml)" .toml)
    b=$(basename "$(ls "$dir"roles/*-b-*.toml)" .toml)
    for cmd in "list" "show $a" "show $a --format json" "compare $a $b" \
        "search customer" "salary $a $b" "skills $a" "skills --find customer" \
        "ladder $a" "ladder" "path $a $b" "validate $dir" "completions zsh"; do
        label=$(echo "$cmd" | sed "s|$a|A|g; s|$b|B|g; s|$dir|DIR|g")
        # -i: some commands find nothing in some shapes (no ladder, no
        # route) and exit 1, which is timed all the same.
        hyperfine -N -i --warmup 1 --runs "$RUNS" --export-json "$WORK/t.json" \
            "$BIN --data-dir $dir --no-cache $cmd" >/dev/null 2>&1 ||
            { printf '%-12s %-34s failed\n' "$shape" "$label"; continue; }
        python3 - "$WORK/t.json" "$shape" "$label" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
codes = sorted(set(r.get("exit_codes", [0])))
print(f"{sys.argv[2]:<12} {sys.argv[3]:<34} {r['mean']*1000:9.1f} {r['max']*1000:9.1f}"
      + (f"  (exit {codes[0]})" if codes != [0] else ""))
PY
    done
done
