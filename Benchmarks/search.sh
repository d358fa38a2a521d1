#!/usr/bin/env bash
# Times `debate search` on a generated evidence library and checks the library index's targets.
#
#   bash Benchmarks/search.sh [--cards 1000000] [--files 1000] [--queries 100] [--seed 1] [--keep-index]
#
# --keep-index uses the index a previous run left (of the same binary's schema) instead of timing a
# cold one: the cold index of a million cards takes many minutes on a shared machine.
#
# Environment:
#   DEBATE_BIN=path   use this `debate` binary; skips `swift build`
#   SKIP_BUILD=1      skip `swift build` when .build/release/debate already exists
#
# Prints: the libyaml parse of the library (the baseline), the cold index (first search), the index
# size ÷ the YAML size, p50/p95 of --queries searches (one word, two words, a phrase, a prefix, one
# word with a filter), in wall and in CPU time, and the search after one of the files was edited.
# Work files go to Benchmarks/.work/search-N/.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; }

CARDS=1000000
FILES=""
QUERIES=100
SEED=1
KEEP_INDEX=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cards) CARDS="${2:?--cards needs a number}"; shift 2 ;;
        --files) FILES="${2:?--files needs a number}"; shift 2 ;;
        --queries) QUERIES="${2:?--queries needs a number}"; shift 2 ;;
        --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
        --keep-index) KEEP_INDEX=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "search.sh: unknown argument: $1" >&2; usage >&2; exit 64 ;;
    esac
done
for n in "$CARDS" "$QUERIES" "$SEED"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "search.sh: numbers only, not '$n'" >&2; exit 64; }
done
[[ -z "$FILES" ]] && FILES=$(( CARDS >= 1000000 ? 1000 : (CARDS / 100 < 10 ? 10 : CARDS / 100) ))
(( QUERIES >= 5 )) || { echo "search.sh: --queries must be at least 5" >&2; exit 64; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
# shellcheck source=Benchmarks/common.sh
source "$HERE/common.sh"
"$BIN" search --help > /dev/null 2>&1 || { echo "search.sh: $BIN has no search command" >&2; exit 70; }

# ── The library ──────────────────────────────────────────────────────────────────────────────────
dir="$WORK/search-$CARDS"
ensure_library "$dir" "$CARDS" "$FILES" "$SEED"
pack="$dir/pack"
export DEBATE_INDEX="$dir/index.sqlite"
# The built-in modules are searched too; the user's own modules and PATH are not.
export XDG_DATA_HOME="$dir/no-user-modules" DEBATE_MODULE_PATH="" PATH="/usr/bin:/bin"
pack_files=("$pack"/*.yaml)
input_bytes=$(cat "${pack_files[@]}" | wc -c)

now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }
# CPU seconds (user + system) used so far by this shell's finished children, from `times`, into
# CPU_NOW. No subshell: `times` in one would count only that subshell's own children.
child_cpu() {
    local user system
    times > "$dir/times.now"
    { read -r _; read -r user system; } < "$dir/times.now"
    CPU_NOW="$user+$system"
}
cpu_seconds() {  # "XmY.YYYs+XmY.YYYs" → seconds
    awk -v t="$1" 'BEGIN { n = split(t, p, "+"); s = 0
        for (i = 1; i <= n; i++) { split(p[i], m, "m"); sub("s", "", m[2]); s += m[1] * 60 + m[2] }
        printf "%.4f", s }'
}

echo "== libyaml parse of ${#pack_files[@]} files" >&2
start=$(now); "$PARSE_ONLY" "${pack_files[@]}" > /dev/null; parse_s=$(elapsed "$start" "$(now)")

# ── Cold index: the first search builds it ───────────────────────────────────────────────────────
if [[ "$KEEP_INDEX" == 1 && -f "$DEBATE_INDEX" ]]; then
    echo "== index kept from an earlier run (its first search brings it up to date)" >&2
    "$BIN" search --module-path "$pack" balcony --limit 1 > /dev/null 2> "$dir/cold.err" || { cat "$dir/cold.err" >&2; exit 1; }
    cold_s="(kept)"
else
    rm -f "$DEBATE_INDEX" "$DEBATE_INDEX-wal" "$DEBATE_INDEX-shm"
    echo "== cold index (first search)" >&2
    start=$(now)
    "$BIN" search --module-path "$pack" balcony --limit 1 > /dev/null 2> "$dir/cold.err" || { cat "$dir/cold.err" >&2; exit 1; }
    cold_s=$(elapsed "$start" "$(now)")
fi
# The WAL is folded into the file when the last connection closes; count both anyway.
index_bytes=$(( $(stat -c %s "$DEBATE_INDEX") + $(stat -c %s "$DEBATE_INDEX-wal" 2> /dev/null || echo 0) ))

# ── Queries ──────────────────────────────────────────────────────────────────────────────────────
# Deterministic: words from the generator's vocabulary, phrases cut from tags of the library itself.
python3 - "$HERE" "$pack" "$QUERIES" "$SEED" > "$dir/queries.tsv" <<'PY'
import random, re, sys, glob
sys.path.insert(0, sys.argv[1])
import generate
pack, n, seed = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
tags = []
for path in sorted(glob.glob(pack + "/claims-*.yaml"))[:5]:
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s+tag: (.*)$", line)
        if m:
            tags.append(re.sub(r"[^A-Za-z ]", " ", m.group(1)).split())
words = [w for w in generate.WORDS if len(w) > 3]
filters = [["--side", "con"], ["--side", "aff", "--cards"], ["--year", "2020-2024"], ["--module", "bench"],
           ["--response", "no-link"], ["--analytics"], ["--position-kind", "advantage"], ["--role", "link"]]
kinds = ["word", "two", "phrase", "prefix", "filtered"]
for i in range(n):
    kind = kinds[i % 5]
    if kind == "word":
        q = [rng.choice(words)]
    elif kind == "two":
        q = [rng.choice(words), rng.choice(words)]
    elif kind == "phrase":
        tag = [w.lower() for w in rng.choice(tags)]
        at = rng.randrange(len(tag) - 1)
        q = ['"%s %s"' % (tag[at], tag[at + 1])]
    elif kind == "prefix":
        word = rng.choice(words)
        q = [word[:rng.randint(3, len(word) - 1)] + "*"]
    else:
        q = [rng.choice(words)] + rng.choice(filters)
    print(kind + "\t" + "\t".join(q))
PY

echo "== $QUERIES searches" >&2
: > "$dir/times.txt"
while IFS=$'\t' read -r -a fields; do
    kind="${fields[0]}"
    child_cpu; cpu_before=$CPU_NOW
    start=$EPOCHREALTIME
    "$BIN" search --module-path "$pack" --limit 10 "${fields[@]:1}" > /dev/null 2> "$dir/query.err" \
        || { echo "search.sh: query ${fields[*]:1} failed" >&2; cat "$dir/query.err" >&2; exit 1; }
    end=$EPOCHREALTIME
    child_cpu
    echo "$kind $(elapsed "$start" "$end") $(elapsed "$(cpu_seconds "$cpu_before")" "$(cpu_seconds "$CPU_NOW")") ${fields[*]:1}" >> "$dir/times.txt"
done < "$dir/queries.tsv"

percentiles() {  # KIND-or-all [COLUMN: 2 wall, 3 cpu] → "p50 p95" in ms
    awk -v k="$1" -v c="${2:-2}" '$1 == k || k == "all" { print $c }' "$dir/times.txt" | sort -n | awk '
        { v[NR] = $1 }
        END { i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1
              printf "%.1f %.1f", v[i50] * 1000, v[i95] * 1000 }'
}

# ── One file edited ──────────────────────────────────────────────────────────────────────────────
edited="${pack_files[$(( ${#pack_files[@]} / 2 ))]}"
[[ "$(basename "$edited")" == module.yaml ]] && edited="${pack_files[1]}"
start=$(now); "$BIN" search --module-path "$pack" balcony --limit 1 > /dev/null; unchanged_s=$(elapsed "$start" "$(now)")
cp "$edited" "$dir/edited.bak"
sed -i '0,/tag: /s/tag: /tag: Edited /' "$edited"
start=$(now); "$BIN" search --module-path "$pack" edited --limit 1 > "$dir/edited.out"; edit_s=$(elapsed "$start" "$(now)")
grep -q "Edited" "$dir/edited.out" || { echo "search.sh: the edit was not found by the next search" >&2; exit 1; }
cp "$dir/edited.bak" "$edited"
"$BIN" search --module-path "$pack" balcony --limit 1 > /dev/null  # back to the generated content

# ── Report ───────────────────────────────────────────────────────────────────────────────────────
read -r p50 p95 <<< "$(percentiles all)"
read -r c50 c95 <<< "$(percentiles all 3)"
ratio=$(awk -v a="$index_bytes" -v b="$input_bytes" 'BEGIN { printf "%.2f", a / b }')
met() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "met" : "NOT met" }'; }
echo
echo "debate search — $CARDS cards in $((${#pack_files[@]} - 1)) files, $(uname -srm), $(nproc) CPU(s), seed $SEED"
echo "binary: $BIN"
printf '%-44s %12s\n' "YAML input" "$(awk -v b="$input_bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')"
printf '%-44s %12s\n' "libyaml parse of the library" "${parse_s} s"
if [[ "$cold_s" == "(kept)" ]]; then
    printf '%-44s %12s\n' "cold index (first search)" "not timed (--keep-index)"
else
    printf '%-44s %12s  (%s× the parse)\n' "cold index (first search)" "${cold_s} s" "$(awk -v a="$cold_s" -v b="$parse_s" 'BEGIN { printf "%.1f", a / b }')"
fi
printf '%-44s %12s  ratio %s (target ≤ 1.5: %s)\n' "index size" "$(awk -v b="$index_bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')" "$ratio" "$(met "$ratio" 1.5)"
printf '%-44s %12s  (target ≤ 20 ms: %s)\n' "search p50, $QUERIES queries" "$p50 ms" "$(met "$p50" 20)"
printf '%-44s %12s  (target ≤ 50 ms: %s)\n' "search p95" "$p95 ms" "$(met "$p95" 50)"
for kind in word two phrase prefix filtered; do
    read -r k50 k95 <<< "$(percentiles "$kind")"
    printf '  %-42s %12s  p95 %s ms\n' "$kind: p50" "$k50 ms" "$k95"
done
printf '%-44s %12s  p95 %s ms (user + system of the process)\n' "search CPU time p50" "$c50 ms" "$c95"
printf '%-44s %12s\n' "search, nothing changed" "${unchanged_s} s"
printf '%-44s %12s  (target ≤ 0.2 s: %s)\n' "search after editing one file" "${edit_s} s" "$(met "$edit_s" 0.2)"
echo "Times are wall times of whole runs (process start-up, module discovery, the freshness check of"
echo "every file, the query, the output), measured once each on a shared machine; the CPU times are"
echo "the same runs' user + system time, which a loaded machine inflates far less than the wall time."
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
