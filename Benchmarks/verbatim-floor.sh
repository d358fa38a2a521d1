#!/usr/bin/env bash
# Times `debate import verbatim` over a folder of .docx files against the floor: inflating each
# file's word/document.xml and stream-parsing it with libxml2
# (`unzip -p FILE word/document.xml | xmllint --stream --noout -`), in the same run.
#
#   bash Benchmarks/verbatim-floor.sh [FOLDER] [--runs 3]
#
# FOLDER defaults to ../shared/corpus/verbatim (or ../../shared/corpus/verbatim from a worktree).
# Prints the best of --runs for each side (wall and CPU time: on a shared machine CPU time is the
# steadier figure), their ratios (goal: ≤ 2.0), files/s, MB/s, and the peak
# memory of importing the largest file (GNU time's "Maximum resident set size").
#
# Environment:
#   DEBATE_BIN=path   use this `debate` binary; otherwise `swift build -c release` builds it
#   SKIP_BUILD=1      skip the build when .build/release/debate exists
# Needs: unzip, xmllint (apt: unzip libxml2-utils), GNU time at /usr/bin/time for the memory figure.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=3
FOLDER=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "verbatim-floor.sh: unknown option: $1" >&2; exit 64 ;;
        *) FOLDER="$1"; shift ;;
    esac
done
if [[ -z "$FOLDER" ]]; then
    for candidate in ../shared/corpus/verbatim ../../shared/corpus/verbatim; do
        [[ -d "$candidate" ]] && { FOLDER="$candidate"; break; }
    done
fi
[[ -n "$FOLDER" && -d "$FOLDER" ]] || { echo "verbatim-floor.sh: no folder of .docx files (pass one)" >&2; exit 66; }
command -v xmllint >/dev/null && command -v unzip >/dev/null || { echo "verbatim-floor.sh: needs unzip and xmllint (apt install unzip libxml2-utils)" >&2; exit 69; }

if [[ -n "${DEBATE_BIN:-}" ]]; then
    BIN="$DEBATE_BIN"
elif [[ "${SKIP_BUILD:-}" == 1 && -x .build/release/debate ]]; then
    BIN=.build/release/debate
else
    swift build -c release --product debate >&2
    BIN=.build/release/debate
fi

shopt -s nullglob
FILES=("$FOLDER"/*.docx)
(( ${#FILES[@]} > 0 )) || { echo "verbatim-floor.sh: $FOLDER holds no .docx files" >&2; exit 66; }
BYTES=$(cat "${FILES[@]}" | wc -c)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Each run prints "wall cpu" (cpu = user + system of the command and its children), via GNU time.
[[ -x /usr/bin/time ]] || { echo "verbatim-floor.sh: needs GNU time at /usr/bin/time (apt install time)" >&2; exit 69; }
export FILES_LIST="$WORK/files"
printf '%s\n' "${FILES[@]}" > "$FILES_LIST"
floor_once() {
    /usr/bin/time -f '%e %U %S' -o "$WORK/t" bash -c 'while IFS= read -r f; do unzip -p "$f" word/document.xml | xmllint --stream --noout - ; done < "$FILES_LIST"'
    awk '{printf "%s %s\n", $1, $2 + $3}' "$WORK/t"
}
ours_once() {
    rm -rf "$WORK/pack" "$WORK/deck.yaml"
    /usr/bin/time -f '%e %U %S' -o "$WORK/t" "$BIN" import verbatim "$FOLDER" -o "$WORK/pack" --deck "$WORK/deck.yaml" 2>"$WORK/stderr" >/dev/null
    awk '{printf "%s %s\n", $1, $2 + $3}' "$WORK/t"
}
# Best of the runs: the least wall time, and separately the least CPU time.
best() { local runs; runs=$(cat); echo "$(echo "$runs" | awk '{print $1}' | sort -g | head -1) $(echo "$runs" | awk '{print $2}' | sort -g | head -1)"; }

read -r floor floor_cpu < <(for _ in $(seq "$RUNS"); do floor_once; done | best)
read -r ours ours_cpu < <(for _ in $(seq "$RUNS"); do ours_once; done | best)
tail -1 "$WORK/stderr"

printf 'files: %d, %.1f MB compressed, best of %d runs\n' "${#FILES[@]}" "$(echo "$BYTES / 1048576" | bc -l)" "$RUNS"
printf '%-48s %8.2f s (cpu %5.2f s)  %6.1f files/s  %6.1f MB/s\n' "floor (unzip -p | xmllint --stream)" "$floor" "$floor_cpu" \
    "$(echo "${#FILES[@]} / $floor" | bc -l)" "$(echo "$BYTES / 1048576 / $floor" | bc -l)"
printf '%-48s %8.2f s (cpu %5.2f s)  %6.1f files/s  %6.1f MB/s\n' "debate import verbatim (read, write pack+deck)" "$ours" "$ours_cpu" \
    "$(echo "${#FILES[@]} / $ours" | bc -l)" "$(echo "$BYTES / 1048576 / $ours" | bc -l)"
printf 'ratio: %.2f× the floor in wall time, %.2f× in CPU time (goal ≤ 2.0×)\n' "$(echo "$ours / $floor" | bc -l)" "$(echo "$ours_cpu / $floor_cpu" | bc -l)"

if [[ -x /usr/bin/time ]]; then
    largest=$(ls -S "${FILES[@]}" | head -1)
    rm -rf "$WORK/pack"
    /usr/bin/time -v "$BIN" import verbatim "$largest" -o "$WORK/pack" 2>"$WORK/time" >/dev/null || true
    rss=$(grep "Maximum resident set size" "$WORK/time" | awk '{print $NF}')
    xml=$(unzip -p "$largest" word/document.xml | wc -c)
    printf 'largest file: %s (%.1f MB, document.xml %.1f MB): peak memory %.1f MB\n' "$(basename "$largest")" \
        "$(echo "$(wc -c < "$largest") / 1048576" | bc -l)" "$(echo "$xml / 1048576" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
fi
