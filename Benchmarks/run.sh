#!/usr/bin/env bash
# Times `debate build` against a bare libyaml parse of the same generated evidence library.
#
#   bash Benchmarks/run.sh [--sizes 1000,10000,100000] [--runs 3] [--seed 1]
#
# Environment:
#   DEBATE_BIN=path   use this `debate` binary; skips `swift build`
#   SKIP_BUILD=1      skip `swift build` when .build/release/debate already exists
#   GNU_TIME=path     the GNU time program (default: `time` on PATH); empty: wall time only
#
# Work files (the C baseline, generated libraries, stderr of each run) go to Benchmarks/.work/,
# which git ignores. A library is regenerated only when its size, seed or generate.py changes.
set -euo pipefail

usage() {
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

SIZES="1000,10000,100000"
RUNS=3
SEED=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="${2:?--sizes needs a list, e.g. 1000,10000}"; shift 2 ;;
        --sizes=*) SIZES="${1#*=}"; shift ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        --seed=*) SEED="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 64 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive integer" >&2; exit 64; }
[[ "$SEED" =~ ^[0-9]+$ ]] || { echo "run.sh: --seed must be a non-negative integer" >&2; exit 64; }

# 1k / 10K / 100k → numbers.
CARD_COUNTS=()
IFS=',' read -r -a raw_sizes <<< "$SIZES"
for size in "${raw_sizes[@]}"; do
    size="${size// /}"
    case "$size" in
        *[kK]) n="${size%[kK]}"; [[ "$n" =~ ^[0-9]+$ ]] && n=$((n * 1000)) ;;
        *) n="$size" ;;
    esac
    [[ "$n" =~ ^[0-9]+$ && "$n" -ge 2 ]] || { echo "run.sh: bad size '$size' in --sizes" >&2; exit 64; }
    CARD_COUNTS+=("$n")
done

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/.work"
mkdir -p "$WORK"

# ── The binaries ──────────────────────────────────────────────────────────────────────────────────
# shellcheck source=debate_bin.sh
source "$HERE/debate_bin.sh"
find_debate_binary run.sh "$ROOT"
"$BIN" build --help > /dev/null 2>&1 || { echo "run.sh: $BIN build --help fails; is it the debate CLI?" >&2; exit 70; }

PARSE_ONLY="$WORK/parse_only"
if [[ ! -x "$PARSE_ONLY" || "$HERE/parse_only.c" -nt "$PARSE_ONLY" ]]; then
    # shellcheck disable=SC2046  # pkg-config prints several flags on purpose
    cc -O2 -o "$PARSE_ONLY" "$HERE/parse_only.c" $(pkg-config --cflags --libs yaml-0.1)
fi

# ── Timing ────────────────────────────────────────────────────────────────────────────────────────
# Wall time comes from bash's EPOCHREALTIME (microseconds); /usr/bin/time's %e only has 1/100 s,
# too coarse for the small libraries, so it is used for %M (peak RSS, KB). Without GNU time,
# bash's `time` with TIMEFORMAT gives the wall time and memory is not measured.
# GNU_TIME may be set to choose the program (or to the empty string to do without it).
GNU_TIME="${GNU_TIME-$(type -P time || true)}"
if [[ -n "$GNU_TIME" ]] && "$GNU_TIME" -f '%e %M' -o /dev/null true 2> /dev/null; then
    :
else
    GNU_TIME=""
    echo "run.sh: GNU time not found (apt-get install time); peak memory will not be measured" >&2
fi

WALL=""   # seconds, set by measure
RSS_KB="" # peak resident set in KB, empty when unknown
STATUS=0
# measure STDOUT_FILE STDERR_FILE COMMAND...
measure() {
    local out="$1" err="$2"; shift 2
    local tf="$WORK/time.out" start end
    STATUS=0
    RSS_KB=""
    if [[ -n "$GNU_TIME" ]]; then
        start=$EPOCHREALTIME
        "$GNU_TIME" -f '%e %M' -o "$tf" "$@" > "$out" 2> "$err" || STATUS=$?
        end=$EPOCHREALTIME
        WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
        # On failure GNU time writes "Command exited with non-zero status N" first; the numbers are last.
        RSS_KB=$(awk 'END { print $2 }' "$tf")
    else
        local TIMEFORMAT=%R
        { time "$@" > "$out" 2> "$err" || STATUS=$?; } 2> "$tf"
        WALL=$(tail -n 1 "$tf")
    fi
}

# fail WHAT STDERR_FILE — prints a failed command's stderr and exits.
fail() {
    local what="$1" err="$2" lines
    lines=$(wc -l < "$err")
    echo "run.sh: $what failed (exit $STATUS); its stderr ($lines lines, full text in $err):" >&2
    if (( lines > 60 )); then
        head -n 50 "$err" >&2
        echo "  … $((lines - 60)) lines left out …" >&2
        tail -n 10 "$err" >&2
    else
        cat "$err" >&2
    fi
    exit 1
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

GEN_HASH=$(sha256sum "$HERE/generate.py" | cut -c1-16)

ROWS=()
NOTES=()
for cards in "${CARD_COUNTS[@]}"; do
    files=$((cards / 100)); (( files < 10 )) && files=10; (( files > cards )) && files=$cards
    dir="$WORK/lib-$cards"
    stamp="cards=$cards files=$files seed=$SEED generator=$GEN_HASH"
    if [[ ! -f "$dir/stamp" || "$(cat "$dir/stamp")" != "$stamp" ]]; then
        echo "== generating $cards cards in $files files" >&2
        rm -rf "$dir"
        python3 "$HERE/generate.py" --cards "$cards" --files "$files" --seed "$SEED" --out "$dir" >&2
        echo "$stamp" > "$dir/stamp"
    fi
    pack_files=("$dir"/pack/*.yaml)
    input_bytes=$(cat "${pack_files[@]}" | wc -c)
    cat "${pack_files[@]}" "$dir/deck.yaml" > /dev/null  # into the page cache before any timing

    echo "== $cards cards: timing, best of $RUNS" >&2
    best_parse="" best_json="" best_md="" peak_kb=""
    for ((run = 1; run <= RUNS; run++)); do
        measure "$WORK/parse.out" "$WORK/parse.err" "$PARSE_ONLY" "${pack_files[@]}"
        (( STATUS == 0 )) || fail "parse_only on $dir/pack" "$WORK/parse.err"
        best_parse=$(min "$best_parse" "$WALL")

        for format in json markdown; do
            err="$dir/build-$format.err"
            measure /dev/null "$err" "$BIN" build "$dir/deck.yaml" --module-path "$dir/pack" --format "$format" -o -
            (( STATUS == 0 )) || fail "debate build --format $format ($cards cards)" "$err"
            [[ -n "$RSS_KB" ]] && peak_kb=$(max "$peak_kb" "$RSS_KB")
            if [[ $format == json ]]; then best_json=$(min "$best_json" "$WALL"); else best_md=$(min "$best_md" "$WALL"); fi
        done
    done
    events=$(cat "$WORK/parse.out")
    warnings=$(grep -c 'warning:' "$dir/build-json.err" || true)
    NOTES+=("$cards cards: $((${#pack_files[@]} - 1)) claim files, $events libyaml events; the json build printed $warnings warning(s) on stderr ($dir/build-json.err)")
    ROWS+=("$cards $input_bytes $best_parse $best_json $best_md ${peak_kb:-}")
done

# ── Report ────────────────────────────────────────────────────────────────────────────────────────
echo
echo "debate build vs. a bare libyaml parse — $(uname -srm), $(nproc) CPU(s), best of $RUNS, seed $SEED"
echo "binary: $BIN"
printf '%s\n' "${ROWS[@]}" | awk '
BEGIN {
    fmt = "%8s  %8s  %10s  %10s  %6s  %10s  %6s  %8s  %8s\n"
    printf fmt, "cards", "input MB", "libyaml s", "json s", "ratio", "md s", "ratio", "RSS MB", "RSS/in"
    printf fmt, "-----", "--------", "---------", "------", "-----", "----", "-----", "------", "------"
}
{
    mb = $2 / 1048576
    rss = ($6 == "") ? "n/a" : sprintf("%.1f", $6 / 1024)
    rssx = ($6 == "") ? "n/a" : sprintf("%.2f", $6 * 1024 / $2)
    pr = ($3 > 0) ? sprintf("%.2f", $4 / $3) : "inf"
    mr = ($3 > 0) ? sprintf("%.2f", $5 / $3) : "inf"
    printf fmt, $1, sprintf("%.2f", mb), sprintf("%.4f", $3), sprintf("%.4f", $4), pr, sprintf("%.4f", $5), mr, rss, rssx
    per[NR] = $4 / $1 * 1000; cards[NR] = $1
}
END {
    if (NR > 1) {
        printf "\njson build time per 1,000 cards:"
        for (i = 1; i <= NR; i++) printf "  %s cards: %.4f s", cards[i], per[i]
        printf "\n"
    }
}'
echo
echo "Targets (docs/ARCHITECTURE.md): build ≤ 2.0× the libyaml parse at 10,000 cards, linear to 100,000,"
echo "peak memory ≤ 3× the input size. RSS is the peak over every build run of that size (either format)."
echo "These are ratios measured in one run on a shared, noisy machine: read them as rough, not exact."
echo "Wall times include process start-up; the libyaml column reads and parses the pack's files only."
for note in "${NOTES[@]}"; do echo "- $note"; done
