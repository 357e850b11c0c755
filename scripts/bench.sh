#!/usr/bin/env bash
# Whole-program benchmarks for issue 7 ("Fast at any size"): start-up
# against /bin/true, search against fzf --filter over the same names, a
# generated 10,000-role catalog (first run and cached runs), peak memory
# and binary size. Prints a markdown table of medians and ratios; each
# ratio comes from one hyperfine run that measured both commands.
#
#   scripts/bench.sh            # the full run (a few minutes)
#   RUNS=20 scripts/bench.sh    # fewer runs per fast command
#
# Needs hyperfine, fzf, GNU time and python3; installs the first three
# from Debian when missing (root). Writes nothing outside a temp dir
# except the release build in target/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-100}
SLOW_RUNS=${SLOW_RUNS:-5}
ROLES=${ROLES:-10000}
QUERY="custmer servce"

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v fzf >/dev/null || missing+=(fzf)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi
command -v python3 >/dev/null || { echo "bench.sh: python3 is needed" >&2; exit 1; }

echo "building release..." >&2
cargo build --release --quiet --bin careers --example gen-catalog --example catalog-names
B=$ROOT/target/release/careers

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A cache of this run's own, so that the user's is neither used nor touched.
export XDG_CACHE_HOME=$WORK/cache
unset CAREERS_DATA_DIR NO_COLOR CLICOLOR_FORCE
export COLUMNS=100

GEN=$WORK/gen
echo "generating $ROLES roles..." >&2
"$ROOT/target/release/examples/gen-catalog" --roles "$ROLES" --seed 1 --out "$GEN"
"$B" validate "$GEN" >&2

# fzf's input: the same titles and aliases careers searches, and for the
# bundled catalog the official occupations' O*NET, alternate and sample
# titles and task statements (issue 15: at most 0.5x fzf over them; careers
# also reads their descriptions and technology, and the roles' skills,
# tools and duties).
"$ROOT/target/release/examples/catalog-names" >"$WORK/bundled-names.txt"
"$ROOT/target/release/examples/catalog-names" "$GEN" >"$WORK/gen-names.txt"
GEN_FILES=("$GEN"/roles/*.toml)
GEN_ROLE=$(basename "${GEN_FILES[0]}" .toml)

# Commands another branch provides may not exist yet: leave them out of
# the run (and say so in the table) rather than time an error message.
works() { "$@" >/dev/null 2>&1; }
declare -A FAILED=()
check() {
    local label=$1
    shift
    if ! works "$@"; then
        FAILED[$label]=1
        echo "not measured (fails on this build): $*" >&2
    fi
}

SHOW=(show customer-service-associate)
LADDER=(ladder)
SALARY=(salary customer-service-representative --area TX)
SEARCH=(search "$QUERY")
check show "$B" "${SHOW[@]}"
check ladder "$B" "${LADDER[@]}"
check salary "$B" "${SALARY[@]}"
check search "$B" "${SEARCH[@]}"
NURSES=(show registered-nurses)
TITLE=(show "software engineer")
check nurses "$B" "${NURSES[@]}"
check title "$B" "${TITLE[@]}"
PATH2=(path cashiers electricians)
NEXT=(path customer-service-associate --area TX)
check path "$B" "${PATH2[@]}"
check next "$B" "${NEXT[@]}"
# The 10,000-role command: search when it exists, else show.
if [ -z "${FAILED[search]:-}" ]; then
    BIG=(--data-dir "$GEN" search "$QUERY")
    BIG_LABEL="search \"$QUERY\""
else
    BIG=(--data-dir "$GEN" show "$GEN_ROLE")
    BIG_LABEL="show $GEN_ROLE (search not built yet)"
fi

q() { printf '%q ' "$@"; }

# 1. Start-up: no shell in between (-N), these are ~1 ms. Each command's
# goal (a ratio to /bin/true) goes to goals.txt, in the same order. With
# BEFORE=/path/to/an/older/careers, the older binary's show, ladder and
# salary run in the same hyperfine run, for a before/after ratio.
startup=("/bin/true")
: >"$WORK/goals.txt"
add() { startup+=("$(q "$1" "${@:3}")"); echo "$2" >>"$WORK/goals.txt"; }
[ -z "${FAILED[show]:-}" ] && add "$B" 1.8 "${SHOW[@]}"
[ -z "${FAILED[ladder]:-}" ] && add "$B" 1.8 "${LADDER[@]}"
[ -z "${FAILED[salary]:-}" ] && add "$B" 1.8 "${SALARY[@]}"
[ -z "${FAILED[nurses]:-}" ] && add "$B" 1.8 "${NURSES[@]}"
[ -z "${FAILED[title]:-}" ] && add "$B" 1.8 "${TITLE[@]}"
[ -z "${FAILED[path]:-}" ] && add "$B" 3 "${PATH2[@]}"
[ -z "${FAILED[next]:-}" ] && add "$B" 3 "${NEXT[@]}"
if [ -n "${BEFORE:-}" ]; then
    BEFORE=$(realpath "$BEFORE")
    works "$BEFORE" "${SHOW[@]}" && add "$BEFORE" before "${SHOW[@]}"
    works "$BEFORE" "${LADDER[@]}" && add "$BEFORE" before "${LADDER[@]}"
    works "$BEFORE" "${SALARY[@]}" && add "$BEFORE" before "${SALARY[@]}"
    works "$BEFORE" "${NURSES[@]}" && add "$BEFORE" before "${NURSES[@]}"
fi
echo "start-up..." >&2
hyperfine -N --style none --warmup 10 --runs "$RUNS" \
    --export-json "$WORK/startup.json" "${startup[@]}" >&2

# 2. Search over the bundled catalog against fzf over the same names.
# fzf reads its input from a redirect, so this group runs through the
# shell; hyperfine subtracts the shell's own start-up from both.
echo "search (bundled)..." >&2
search=("fzf --filter $(q "$QUERY")< $(q "$WORK/bundled-names.txt")")
[ -z "${FAILED[search]:-}" ] && search+=("$(q "$B" "${SEARCH[@]}")")
hyperfine --style none --warmup 5 --runs "$RUNS" \
    --export-json "$WORK/search.json" "${search[@]}" >&2

# 3. The generated catalog: cached runs against fzf over its names. By
# default search also reads skills, tools and duties (about 13 times the
# texts fzf gets); `--in title --in alias` searches exactly fzf's lines.
echo "$ROLES roles, cached..." >&2
"$B" "${BIG[@]}" >/dev/null # builds the cache
BIG_NAMES=(--data-dir "$GEN" search --in title --in alias "$QUERY")
hyperfine --style none --warmup 3 --runs "$((RUNS / 2 > 10 ? RUNS / 2 : 10))" \
    --export-json "$WORK/big.json" \
    "fzf --filter $(q "$QUERY")< $(q "$WORK/gen-names.txt")" \
    "$(q "$B" "${BIG[@]}")" "$(q "$B" "${BIG_NAMES[@]}")" >&2

# 4. First runs: no cache yet, and --no-cache.
echo "$ROLES roles, first run..." >&2
hyperfine -N --style none --runs "$SLOW_RUNS" \
    --prepare "rm -rf $(q "$XDG_CACHE_HOME/careers")" \
    --export-json "$WORK/first.json" \
    "$(q "$B" "${BIG[@]}")" "$(q "$B" --no-cache "${BIG[@]}")" >&2

# 5. Peak memory (KB): the median of five runs each.
rss() {
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 3p
}
echo "memory..." >&2
{
    [ -z "${FAILED[show]:-}" ] && echo "show	$(rss "$B" "${SHOW[@]}")"
    [ -z "${FAILED[search]:-}" ] && echo "search	$(rss "$B" "${SEARCH[@]}")"
    "$B" "${BIG[@]}" >/dev/null
    echo "big	$(rss "$B" "${BIG[@]}")"
} >"$WORK/rss.tsv"

SIZE=$(stat -c %s "$B")

python3 - "$WORK" "$SIZE" "$BIG_LABEL" "$ROLES" \
    "$(wc -l <"$WORK/bundled-names.txt")" "$(wc -l <"$WORK/gen-names.txt")" <<'EOF'
import json, sys
work, size, big_label, roles, bundled_lines, gen_lines = sys.argv[1:]

def medians(name):
    with open(f"{work}/{name}.json") as f:
        return [(r["command"], r["median"] * 1000) for r in json.load(f)["results"]]

rows = []
def row(what, ms, base_name, base_ms, goal, ok):
    ratio = f"{ms / base_ms:.2f}x" if base_ms else ""
    verdict = "" if ok is None else ("yes" if ok else "**no**")
    rows.append(f"| {what} | {ms:.1f} ms | {base_name} {base_ms:.1f} ms | {ratio} | {goal} | {verdict} |")

def short(cmd):
    return cmd.split("/target/release/")[-1].replace("\\ ", " ")

startup = medians("startup")
true_ms = startup[0][1]
with open(f"{work}/goals.txt") as f:
    goals = f.read().split()
for (cmd, ms), goal in zip(startup[1:], goals):
    if goal == "before":
        row("before: " + cmd.split("/")[-1].replace("\\ ", " "), ms, "/bin/true", true_ms, "", None)
    else:
        row(short(cmd), ms, "/bin/true", true_ms, f"≤ {goal}x", ms / true_ms <= float(goal))

search = medians("search")
fzf_ms = search[0][1]
if len(search) > 1:
    row(short(search[1][0]) + " (bundled)", search[1][1], f"fzf, {bundled_lines} lines", fzf_ms,
        "≤ 0.5x", search[1][1] / fzf_ms <= 0.5)
else:
    rows.append(f"| search (bundled): not built yet | | fzf, {bundled_lines} lines {fzf_ms:.1f} ms | | ≤ 0.5x | |")

big = medians("big")
row(f"{roles} roles, cached: {big_label}", big[1][1], f"fzf, {gen_lines} lines", big[0][1],
    "≤ 1.0x", big[1][1] / big[0][1] <= 1.0)
row(f"{roles} roles, cached: same, titles and aliases only (fzf's lines)", big[2][1],
    f"fzf, {gen_lines} lines", big[0][1], "≤ 1.0x", big[2][1] / big[0][1] <= 1.0)

first = medians("first")
rows.append(f"| {roles} roles, first run (builds the cache) | {first[0][1]:.0f} ms | | | ≤ 1000 ms | {'yes' if first[0][1] <= 1000 else '**no**'} |")
rows.append(f"| {roles} roles, --no-cache | {first[1][1]:.0f} ms | | | | |")

limits = {"show": ("show customer-service-associate", 10 * 1024),
          "search": ("search (bundled)", None),
          "big": (f"{roles} roles, cached: {big_label}", 150 * 1024)}
with open(f"{work}/rss.tsv") as f:
    for line in f:
        key, kb = line.split()
        what, limit = limits[key]
        kb = int(kb)
        goal = f"≤ {limit // 1024} MB" if limit else ""
        ok = None if limit is None else kb <= limit
        verdict = "" if ok is None else ("yes" if ok else "**no**")
        rows.append(f"| max RSS: {what} | {kb / 1024:.1f} MB | | | {goal} | {verdict} |")

size = int(size)
rows.append(f"| release binary | {size / 1e6:.2f} MB | | | ≤ 12 MB | {'yes' if size <= 12e6 else '**no**'} |")

print("| measurement | careers (median) | baseline (median) | ratio | goal | met |")
print("| --- | ---: | ---: | ---: | --- | --- |")
print("\n".join(rows))
EOF
