#!/usr/bin/env bash
# Times `debate build` and `debate quiz` (first prompt) with the library index cold (deleted before
# each run), warm (unchanged library: the memo replays the build), after one claim file was edited
# (the memo misses; the other files' claims come from the claim cache) and off (DEBATE_INDEX=off),
# against a bare libyaml parse of the same generated library, and the peak memory of a warm build; with
# GNU time, a second row gives the ratios in CPU time (user + system), steadier on a loaded machine, and
# the cold build's memory. The edited file is put back as it was after each run.
#
#   bash Benchmarks/commands.sh [--sizes 10000,100000] [--runs 3] [--seed 1]
#
# Environment: DEBATE_BIN, SKIP_BUILD as for run.sh. Libraries are shared with run.sh (Benchmarks/.work/lib-N).
set -euo pipefail

SIZES="10000,100000"
RUNS=3
SEED=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="${2:?}"; shift 2 ;;
        --runs) RUNS="${2:?}"; shift 2 ;;
        --seed) SEED="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "commands.sh: unknown argument: $1" >&2; exit 64 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "commands.sh: --runs must be a positive integer" >&2; exit 64; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shellcheck source=Benchmarks/common.sh
source "$HERE/common.sh"
GNU_TIME="$(type -P time || true)"

WALL="" RSS_KB="" CPU=""
measure() {  # measure STDIN COMMAND... → WALL (s), RSS_KB, CPU (user + system s; empty without GNU time)
    local input="$1"; shift
    local start end
    start=$EPOCHREALTIME
    if [[ -n "$GNU_TIME" ]]; then
        "$GNU_TIME" -f '%M %U %S' -o "$WORK/commands.time" "$@" < "$input" > /dev/null 2> "$WORK/commands.err" \
            || { echo "commands.sh: $* failed:" >&2; cat "$WORK/commands.err" >&2; exit 1; }
        read -r RSS_KB user system < <(tail -n 1 "$WORK/commands.time")
        CPU=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.3f", u + s }')
    else
        "$@" < "$input" > /dev/null 2> "$WORK/commands.err" || { cat "$WORK/commands.err" >&2; exit 1; }
    fi
    end=$EPOCHREALTIME
    WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

echo "q" > "$WORK/quit.txt"
printf '%8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s\n' cards "input MB" "parse s" "cold ×" "warm ×" "edit ×" "off ×" \
    "quiz ed×" "quiz w ×" "quiz off×" "RSS w MB" "RSS/in"
IFS=',' read -r -a sizes <<< "$SIZES"
for cards in "${sizes[@]}"; do
    files=$((cards / 100)); (( files < 10 )) && files=10
    dir="$WORK/lib-$cards"
    ensure_library "$dir" "$cards" "$files" "$SEED"
    pack_files=("$dir"/pack/*.yaml)
    input_bytes=$(cat "${pack_files[@]}" | wc -c)
    export DEBATE_INDEX="$dir/index.sqlite" XDG_DATA_HOME="$dir/data" XDG_CACHE_HOME="$dir/cache"
    build=("$BIN" build "$dir/deck.yaml" --module-path "$dir/pack" --format json -o -)
    quiz=("$BIN" quiz "$dir/deck.yaml" --module-path "$dir/pack" --plain)
    parse="" cold="" warm="" edit="" off="" quized="" quizw="" quizoff="" rss="" rsscold=""
    cparse="" ccold="" cwarm="" cedit="" coff="" cquized="" cquizw="" cquizoff=""
    # The file "one file edited" edits (a comment appended, different each run), and its original.
    edited="${pack_files[$(( ${#pack_files[@]} / 2 ))]}"
    cp -p "$edited" "$WORK/edited.orig"
    trap 'cp -p "$WORK/edited.orig" "$edited"' EXIT
    for ((run = 1; run <= RUNS; run++)); do
        measure /dev/null "$PARSE_ONLY" "${pack_files[@]}"; parse=$(min "$parse" "$WALL"); cparse=$(min "$cparse" "$CPU")
        rm -rf "$DEBATE_INDEX" "$DEBATE_INDEX-wal" "$DEBATE_INDEX-shm" "$DEBATE_INDEX-memo"
        measure /dev/null "${build[@]}"; cold=$(min "$cold" "$WALL"); ccold=$(min "$ccold" "$CPU"); rsscold=$(max "$rsscold" "${RSS_KB:-}")
        measure /dev/null "${build[@]}"; warm=$(min "$warm" "$WALL"); cwarm=$(min "$cwarm" "$CPU"); rss=$(max "$rss" "${RSS_KB:-}")
        echo "# edited by commands.sh, run $run of $$" >> "$edited"
        measure /dev/null "${build[@]}"; edit=$(min "$edit" "$WALL"); cedit=$(min "$cedit" "$CPU")
        # The first quiz of the edited library misses the quiz memo; the second finds it.
        measure "$WORK/quit.txt" "${quiz[@]}"; quized=$(min "$quized" "$WALL"); cquized=$(min "$cquized" "$CPU")
        measure "$WORK/quit.txt" "${quiz[@]}"; quizw=$(min "$quizw" "$WALL"); cquizw=$(min "$cquizw" "$CPU")
        cp -p "$WORK/edited.orig" "$edited"
        DEBATE_INDEX=off measure /dev/null "${build[@]}"; off=$(min "$off" "$WALL"); coff=$(min "$coff" "$CPU")
        DEBATE_INDEX=off measure "$WORK/quit.txt" "${quiz[@]}"; quizoff=$(min "$quizoff" "$WALL"); cquizoff=$(min "$cquizoff" "$CPU")
    done
    awk -v c="$cards" -v b="$input_bytes" -v p="$parse" -v cold="$cold" -v warm="$warm" -v edit="$edit" -v off="$off" -v qe="$quized" \
        -v qw="$quizw" -v qo="$quizoff" -v rss="$rss" 'BEGIN {
        printf "%8d %9.1f %9.3f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9s %9s\n", c, b / 1048576, p, cold / p, warm / p, edit / p, off / p,
            qe / p, qw / p, qo / p, (rss == "" ? "n/a" : sprintf("%.0f", rss / 1024)), (rss == "" ? "n/a" : sprintf("%.2f", rss * 1024 / b)) }'
    if [[ -n "$cparse" ]]; then
        # The same ratios in CPU time (user + system), steadier than wall time on a loaded machine.
        awk -v p="$cparse" -v cold="$ccold" -v warm="$cwarm" -v edit="$cedit" -v off="$coff" -v qe="$cquized" -v qw="$cquizw" -v qo="$cquizoff" \
            -v rss="$rsscold" -v b="$input_bytes" 'BEGIN {
            if (p <= 0) p = 0.001
            printf "%8s %9s %9.3f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9s %9s   (CPU time; RSS of the cold build)\n", "cpu", "", p,
                cold / p, warm / p, edit / p, off / p, qe / p, qw / p, qo / p, sprintf("%.0f", rss / 1024), sprintf("%.2f", rss * 1024 / b) }'
    fi
    cp -p "$WORK/edited.orig" "$edited"
    trap - EXIT
done
echo "Ratios are wall time ÷ the libyaml parse (best of $RUNS each). cold: build with no index (it is written);"
echo "warm: the same build again (unchanged library: the memo replays it); edit: after one claim file was edited"
echo "(memo miss, the other files from the claim cache); off: DEBATE_INDEX=off; quiz: 'debate quiz --plain' answering q"
echo "to the first prompt: 'ed' the first quiz of the edited library (quiz memo miss), 'w' the second (memo hit)."
echo "Targets (issue 11): quiz warm ≤ 1.0, warm build ≤ 1.0, cold ≤ 3.0, RSS ≤ 3× input at 100,000."
