#!/usr/bin/env bash
# Saves the output of a broad corpus of commands (stdout, stderr and exit
# code of each), so that a refactoring can be checked to change nothing:
#
#   scripts/corpus.sh OUT [BINARY] [GEN]   # writes OUT/<n>.{cmd,out,err,rc}
#   diff -r OLD NEW                        # then: every difference is a fix
#
# Every subcommand in text (at 40, 80 and 120 columns, with and without
# colour), JSON and TSV, over the bundled catalog and over a generated
# user catalog. GEN is that catalog's directory: made with
# `examples/gen-catalog` (60 roles, seed 1) when not given, and kept in
# OUT/gen so that a later run can be given the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: scripts/corpus.sh OUT [BINARY] [GEN]}
BIN=$(realpath "${2:-$PWD/target/release/careers}")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ -n "${3:-}" ]; then
    GEN=$(cd "$3" && pwd)
else
    cargo build --release --quiet --example gen-catalog
    GEN=$OUT/gen
    rm -rf "$GEN"
    target/release/examples/gen-catalog --roles 60 --seed 1 --out "$GEN" >/dev/null
fi
GEN_ROLE=$(basename "$(ls "$GEN"/roles/*.toml | head -1)" .toml)
GEN_ROLE2=$(basename "$(ls "$GEN"/roles/*.toml | sed -n 7p)" .toml)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CACHE_HOME=$WORK/cache HOME=$WORK
unset CAREERS_DATA_DIR NO_COLOR CLICOLOR_FORCE CLICOLOR RUST_BACKTRACE LINES
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm

n=0
run() {
    # run "ARGS..." : one command line, as a string for bash.
    n=$((n + 1))
    local id
    id=$(printf '%04d' "$n")
    printf '%s\n' "$1" >"$OUT/$id.cmd"
    set +e
    (cd "$WORK" && eval "\"$BIN\" $1") >"$OUT/$id.out" 2>"$OUT/$id.err"
    echo $? >"$OUT/$id.rc"
    set -e
}
# Every format and width of one command.
all() {

    for w in 40 80 120; do
        COLUMNS=$w run "$1 --color never"
        COLUMNS=$w run "$1 --color always"
    done
    run "$1 --format json"
    run "$1 --format tsv"
}
# Text at 80 columns and the machine formats, for the long tail.
some() {
    COLUMNS=80 run "$1 --color never"
    run "$1 --format json"
    run "$1 --format tsv"
}

ROLES=(customer-relations-coordinator customer-service-administrator customer-service-analyst
    customer-service-associate customer-service-clerk customer-service-consultant
    customer-service-manager customer-service-representative customer-service-supervisor
    customer-success-manager guest-relations-coordinator)

all "list"
all "list --all"
some "list --sort salary"
some "list --sort growth"
some "list --family 'customer service'"
for r in "${ROLES[@]}"; do all "show $r"; done
all "show registered-nurses"
some "show actors"
some "show 29-1141"
some "show electricians --area TX"
some "show representative --section salary --section ladder"
some "show associate --section outlook --section experience --section education"
some "show supervisor --section wages --area austin"
all "compare associate representative"
all "compare associate supervisor customer-service-manager"
some "compare registered-nurses electricians cashiers"
some "compare associate representative --area TX"
all "search 'custmer servce'"
some "search zendesk --in tools"
some "search plumber"
some "search conflict --limit 5"
some "search nurse --limit 0"
all "salary"
some "salary associate representative --hourly"
some "salary associate representative clerk"
some "salary --top 10 --area TX"
some "salary electricians actors"
all "skills customer-service-associate"
some "skills --find 'active listening'"
some "skills --find crm"
all "ladder"
some "ladder representative"
some "ladder supervisor"
run "ladder --format mermaid"
run "ladder --format dot"
run "ladder --format mermaid --ascii"
all "path customer-service-associate customer-service-manager"
some "path customer-service-associate customer-service-manager --by years"
some "path associate"
some "path guest-relations-coordinator customer-service-manager"
run "path associate customer-service-manager --format mermaid"
run "path associate customer-service-manager --format dot"
some "validate"
some "validate '$GEN'"
run "completions bash"
run "completions zsh"
run "completions fish"
run "man"
# Errors and edge cases.
some "show nonexistent-role"
some "show service"
some "show teacher"
some "compare rep representative"
some "compare associate"
some "search zzzzqqq"
some "path associate registered-nurses"
some "salary --area nowhere-at-all"
run "--version"
run "--help"
for c in list show compare search salary skills ladder path validate completions man; do
    run "$c --help"
done
# A generated user catalog.
D="--data-dir '$GEN' --no-cache"
some "$D list"
all "$D show $GEN_ROLE"
some "$D search advisor --limit 5"
some "$D ladder $GEN_ROLE"
some "$D compare $GEN_ROLE $GEN_ROLE2"
some "$D salary $GEN_ROLE $GEN_ROLE2"
some "$D path $GEN_ROLE $GEN_ROLE2"
some "--data-dir '$GEN' list"
some "--data-dir '$GEN' show $GEN_ROLE"
# Paths inside outputs name the generated catalog: make them stable.
grep -rl "$GEN" "$OUT" --include='*.out' --include='*.err' --include='*.cmd' 2>/dev/null |
    xargs -r sed -i "s|$GEN|GEN|g"
echo "$n commands in $OUT" >&2
