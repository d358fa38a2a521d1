#!/usr/bin/env bash
# Fuzz debate's readers with libFuzzer.
#
#   Fuzz/run.sh [TARGET|all] [SECONDS]      default: all targets, 60 s each
#   Fuzz/run.sh --build                     only build
#   Fuzz/run.sh --list                      the targets
#
# Targets: yaml (claim files, module manifests, decks, any YAML), markup (evidence markup),
# kialo (Kialo export parser and import), reply (process-module reply parser), docx (the Verbatim
# .docx reader: its zip container and its streaming XML tokenizer), index (the library index: claim
# files refreshed into SQLite, searched with fuzzed text and filters).
# Seeds come from the repository's own files (see seed()); what libFuzzer adds is kept in
# Fuzz/.corpus/TARGET between runs (git-ignored). A crash or broken invariant stops the target and
# leaves the input in Fuzz/crashes/TARGET/; reproduce it with Fuzz/.build/debug/fuzz-TARGET FILE.
# One process per target, one at a time (no -jobs): the machine is shared. Extra libFuzzer flags may be
# passed in FUZZ_FLAGS, e.g. FUZZ_FLAGS=-runs=100000. FUZZ_CONFIG=release builds optimized targets
# (several times more inputs a second; a longer build), for long runs; the default is debug.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
targets=(yaml markup kialo reply docx index)
config=${FUZZ_CONFIG:-debug}

build() {
    # Sanitizers on the command line (not in Package.swift) so that the main package's libraries
    # are instrumented too, not only the targets.
    swift build --package-path "$here" -c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
}

seed() {
    local target=$1 dir=$here/.corpus/$1
    mkdir -p "$dir"
    case $target in
        yaml) find "$root/Sources" "$root/Examples" "$root/decks" "$root/Tests" -name '*.yaml' -not -path '*/.build/*' ;;
        markup) find "$here/Seeds/markup" -type f; find "$root/Sources" -name claims.yaml ;;
        kialo) find "$here/Seeds/kialo" "$root/Tests" -name '*.txt' -path '*kialo*' ;;
        reply) find "$here/Seeds/reply" -type f ;;
        docx) find "$here/Seeds/docx" -type f ;;
        index) find "$here/Seeds/index" -type f ;;
    esac | while read -r file; do
        cp "$file" "$dir/seed-$(cksum < "$file" | cut -d' ' -f1)"
    done
    if [ "$target" = index ]; then
        # The repository's claim files, each behind a control byte and a search text (NUL-separated).
        grep -rlx --include='*.yaml' --exclude-dir=.build 'claims:.*' "$root/Sources" "$root/Tests" | while read -r file; do
            { printf '\001deterrence "hybrid attacks" sanc*\000'; cat "$file"; } > "$dir/seed-claims-$(cksum < "$file" | cut -d' ' -f1)"
        done
    fi
}

run() {
    local target=$1 seconds=$2
    seed "$target"
    mkdir -p "$here/crashes/$target"
    echo "fuzz: $target for $seconds s" >&2
    # shellcheck disable=SC2086
    SWIFT_BACKTRACE=enable=no "$here/.build/$config/fuzz-$target" "$here/.corpus/$target" -max_total_time="$seconds" -timeout=10 -max_len=4096 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$here/crashes/$target/" ${FUZZ_FLAGS:-} 2>&1 | tee "$here/.corpus/$target.log" \
        | grep -E '^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|==[0-9]+==|SUMMARY|.*invariant violated|artifact_prefix|Test unit written)' || true

    if grep -qE 'ERROR: libFuzzer|ERROR: AddressSanitizer|invariant violated|Test unit written' "$here/.corpus/$target.log"; then
        echo "fuzz: $target FAILED; see $here/crashes/$target/" >&2
        return 1
    fi
}

case ${1:-all} in
    --list) printf '%s\n' "${targets[@]}"; exit 0 ;;
    --build) build; exit 0 ;;
esac
which=${1:-all}
seconds=${2:-60}
build
status=0
if [ "$which" = all ]; then
    for t in "${targets[@]}"; do run "$t" "$seconds" || status=1; done
else
    [[ " ${targets[*]} " == *" $which "* ]] || { echo "fuzz: no target $which (have: ${targets[*]})" >&2; exit 64; }
    run "$which" "$seconds" || status=1
fi
exit $status
