#!/usr/bin/env bash
# Times `debate import verbatim` over a folder of Verbatim .docx files, side by side in one run with
# (a) the floor: inflating each word/document.xml and stream-parsing it with libxml2, and
# (b) python-docx loading each document and walking its paragraphs and runs (styles, highlight).
#
#   bash Benchmarks/verbatim.sh [--runs 3] [--skip-python] [FOLDER]   (FOLDER: ../shared/corpus/verbatim)
#
# Environment:
#   DEBATE_BIN=path      use this `debate` binary; skips `swift build -c release --product debate`
#   SKIP_BUILD=1         skip the build when .build/release/debate already exists
#   DEBATE_PYTHON=path   the Python with python-docx (default: .venv/bin/python, made by Tests/test.sh)
#
# Needs: unzip (apt: unzip), xmllint (apt: libxml2-utils), GNU time (apt: time) for peak memory,
# python-docx for (b). Work files go to Benchmarks/.work/verbatim/ (git-ignored).
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS=3
SKIP_PYTHON=0
FOLDER=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --skip-python) SKIP_PYTHON=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "verbatim.sh: unknown option: $1" >&2; usage >&2; exit 64 ;;
        *) [[ -z "$FOLDER" ]] || { echo "verbatim.sh: one folder only (got '$FOLDER' and '$1')" >&2; exit 64; }
           FOLDER="$1"; shift ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "verbatim.sh: --runs must be a positive integer" >&2; exit 64; }
if [[ -z "$FOLDER" ]]; then
    # ../shared/corpus/verbatim from the project root (a git worktree under wt/ sits one level deeper).
    FOLDER="$ROOT/../shared/corpus/verbatim"
    [[ -d "$FOLDER" || ! -d "$ROOT/../../shared/corpus/verbatim" ]] || FOLDER="$ROOT/../../shared/corpus/verbatim"
fi
[[ -d "$FOLDER" ]] || { echo "verbatim.sh: no folder $FOLDER (give a folder of .docx files)" >&2; exit 66; }
FOLDER="$(cd "$FOLDER" && pwd)"
mapfile -t FILES < <(find "$FOLDER" -maxdepth 1 -type f -iname '*.docx' ! -name '~$*' | LC_ALL=C sort)
(( ${#FILES[@]} > 0 )) || { echo "verbatim.sh: no .docx files in $FOLDER" >&2; exit 66; }

# ── What it needs ─────────────────────────────────────────────────────────────────────────────────
missing=()
command -v unzip > /dev/null || missing+=("unzip (apt-get install unzip)")
command -v xmllint > /dev/null || missing+=("xmllint (apt-get install libxml2-utils)")
GNU_TIME="$(type -P time || true)"
if [[ -z "$GNU_TIME" ]] || ! "$GNU_TIME" -f '%M' -o /dev/null true 2> /dev/null; then
    missing+=("GNU time (apt-get install time)")
fi
PYTHON="${DEBATE_PYTHON:-$ROOT/.venv/bin/python}"
if (( ! SKIP_PYTHON )) && ! "$PYTHON" -c 'import docx' 2> /dev/null; then
    missing+=("python-docx in $PYTHON (bash Tests/test.sh makes .venv; or set DEBATE_PYTHON; or --skip-python)")
fi
if (( ${#missing[@]} )); then
    echo "verbatim.sh: missing:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    exit 69
fi

# shellcheck source=debate_bin.sh
source "$HERE/debate_bin.sh"
find_debate_binary verbatim.sh "$ROOT"
HAVE_IMPORT=1
# Without the subcommand, `debate import verbatim --help` prints `debate import`'s general help.
if ! "$BIN" import verbatim --help 2> /dev/null | grep -q 'USAGE: debate import verbatim'; then
    echo "verbatim.sh: $BIN has no \`import verbatim\` command: timing (a) and (b) only" >&2
    HAVE_IMPORT=0
fi

WORK="$HERE/.work/verbatim"
mkdir -p "$WORK"
cat "${FILES[@]}" > /dev/null  # into the page cache before any timing
rm -f "$WORK/python.out" "$WORK/import.json"

# ── Timing: wall from EPOCHREALTIME, peak RSS (KB) from GNU time's %M ────────────────────────────
WALL="" CPU="" RSS_KB="" STATUS=0
measure() {  # measure STDOUT STDERR COMMAND...
    local out="$1" err="$2" start end; shift 2
    STATUS=0
    start=$EPOCHREALTIME
    "$GNU_TIME" -f '%M %U %S' -o "$WORK/time.out" "$@" > "$out" 2> "$err" || STATUS=$?
    end=$EPOCHREALTIME
    WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    # On failure GNU time writes "Command exited with non-zero status N" first; the numbers are last.
    RSS_KB=$(awk 'END { print $1 }' "$WORK/time.out")
    CPU=$(awk 'END { printf "%.2f", $2 + $3 }' "$WORK/time.out")
}
fail() {  # fail WHAT STDERR_FILE
    echo "verbatim.sh: $1 failed (exit $STATUS); the end of its stderr ($2):" >&2
    tail -n 30 "$2" >&2
    exit 1
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

# The floor, one shell over every file (the pipeline's peak is the larger of unzip and xmllint).
cat > "$WORK/floor.sh" <<'EOF'
set -o pipefail
for f in "$@"; do
    unzip -p "$f" word/document.xml | xmllint --stream --noout - || { echo "floor: $f" >&2; exit 1; }
done
EOF

import_once() {  # import_once → WALL, RSS_KB; leaves the pack and deck in $WORK/out
    rm -rf "$WORK/out"
    mkdir -p "$WORK/out/modules" "$WORK/out/decks"
    measure "$WORK/import.json" "$WORK/import.err" "$BIN" import verbatim "$@" \
        -o "$WORK/out/modules/bench" --deck "$WORK/out/decks/bench.yaml" --json
}

declare -A BEST PEAK BESTCPU
record() {
    BEST[$1]=$(min "${BEST[$1]:-}" "$WALL"); PEAK[$1]=$(max "${PEAK[$1]:-}" "$RSS_KB")
    BESTCPU[$1]=$(min "${BESTCPU[$1]:-}" "$CPU")
}

echo "== ${#FILES[@]} files from $FOLDER, best of $RUNS" >&2
for ((run = 1; run <= RUNS; run++)); do
    measure /dev/null "$WORK/floor.err" bash "$WORK/floor.sh" "${FILES[@]}"
    (( STATUS == 0 )) || fail "the unzip | xmllint floor" "$WORK/floor.err"
    record floor
    if (( HAVE_IMPORT )); then
        import_once "${FILES[@]}"
        (( STATUS == 0 )) || fail "debate import verbatim" "$WORK/import.err"
        record import
    fi
    if (( ! SKIP_PYTHON )) && (( run == 1 )); then
        # python-docx is ~100× slower: one run is enough to place it.
        measure "$WORK/python.out" "$WORK/python.err" "$PYTHON" "$HERE/python_docx_walk.py" "${FILES[@]}"
        (( STATUS == 0 )) || fail "the python-docx walk" "$WORK/python.err"
        record python
    fi
done

# The largest file alone: memory must stay bounded (stream the XML, no DOM of the whole document).
largest=$(ls -S "${FILES[@]}" | head -n 1)
largest_xml=$(unzip -p "$largest" word/document.xml | wc -c)
measure /dev/null "$WORK/floor1.err" bash "$WORK/floor.sh" "$largest"
record floor1
if (( HAVE_IMPORT )); then
    import_once "$largest"
    (( STATUS == 0 )) || fail "debate import verbatim $largest" "$WORK/import.err"
    record import1
    import_once "${FILES[@]}"  # leave the whole corpus's pack behind for a look
fi

# ── Report ────────────────────────────────────────────────────────────────────────────────────────
bytes=$(cat "${FILES[@]}" | wc -c)
xml_bytes=0
for f in "${FILES[@]}"; do xml_bytes=$((xml_bytes + $(unzip -p "$f" word/document.xml | wc -c))); done
tags="no import"
if (( HAVE_IMPORT )); then
    tags=$(python3 - "$WORK/import.json" 2> /dev/null <<'EOF' || echo "unreadable --json"
import json, sys
total = json.load(open(sys.argv[1])).get("total", {})
print("%s of %s tag paragraphs (its own count)" % (total.get("tagsFound", "?"), total.get("tagParagraphs", "?")))
EOF
)
fi

echo
echo "Verbatim import vs. the floor — $(uname -srm), $(nproc) CPU(s), best of $RUNS"
echo "files: ${#FILES[@]} in $FOLDER — $(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }') MB of .docx," \
     "$(awk -v b="$xml_bytes" 'BEGIN { printf "%.2f", b / 1048576 }') MB of word/document.xml inflated"
echo "binary: $BIN"
{
    echo "floor ${BEST[floor]} ${PEAK[floor]} ${#FILES[@]} $bytes ${BESTCPU[floor]}"
    if [[ -n "${BEST[python]:-}" ]]; then echo "python ${BEST[python]} ${PEAK[python]} ${#FILES[@]} $bytes ${BESTCPU[python]}"; fi
    if [[ -n "${BEST[import]:-}" ]]; then echo "import ${BEST[import]} ${PEAK[import]} ${#FILES[@]} $bytes ${BESTCPU[import]}"; fi
    echo "floor1 ${BEST[floor1]} ${PEAK[floor1]} 1 $(wc -c < "$largest") ${BESTCPU[floor1]}"
    if [[ -n "${BEST[import1]:-}" ]]; then echo "import1 ${BEST[import1]} ${PEAK[import1]} 1 $(wc -c < "$largest") ${BESTCPU[import1]}"; fi
} | awk -v floor="${BEST[floor]}" -v floor1="${BEST[floor1]}" -v cfloor="${BESTCPU[floor]}" -v cfloor1="${BESTCPU[floor1]}" '
BEGIN {
    fmt = "%-40s  %8s  %8s  %8s  %7s  %8s  %8s  %8s\n"
    printf fmt, "what", "wall s", "cpu s", "files/s", "MB/s", "peak MB", "wall ÷ a", "cpu ÷ a"
    printf fmt, "----", "------", "-----", "-------", "----", "-------", "--------", "-------"
    name["floor"] = "(a) floor: unzip -p | xmllint --stream"
    name["python"] = "(b) python-docx load + walk"
    name["import"] = "(c) debate import verbatim"
    name["floor1"] = "(a) floor, largest file alone"
    name["import1"] = "(c) import, largest file alone"
}
{
    alone = ($1 ~ /1$/)
    base = alone ? floor1 : floor; cbase = alone ? cfloor1 : cfloor
    ratio = (base > 0) ? sprintf("%.2f", $2 / base) : "inf"
    cratio = (cbase > 0) ? sprintf("%.2f", $6 / cbase) : "inf"
    printf fmt, name[$1], sprintf("%.3f", $2), sprintf("%.2f", $6), sprintf("%.2f", $4 / $2),
        sprintf("%.3f", $5 / 1048576 / $2), sprintf("%.1f", $3 / 1024), ratio, cratio
}'
echo
echo "largest file: $(basename "$largest") ($(awk -v b="$largest_xml" 'BEGIN { printf "%.1f", b / 1048576 }') MB of document.xml)"
echo "tags the import reported (--json): $tags; python-docx walk: $(cat "$WORK/python.out" 2> /dev/null || echo skipped)"
echo "Goal (issue 10): (c) ≤ 2.0× (a) with ≥ 99 % of the tags (Tests/clients/check_verbatim_import.py);"
echo "memory bounded on the largest file. Wall: best of the runs; cpu: user + system, best of the runs (steadier"
echo "than wall on a shared machine). MB/s over the .docx sizes. Ratios from one run on a noisy machine: rough, not exact."
if (( HAVE_IMPORT )); then echo "The pack and deck of the last import: $WORK/out; its stderr: $WORK/import.err"; fi
