#!/usr/bin/env bash
# Measures the evidence-ethics lint on real Verbatim files: warnings per 1,000 cards, by code.
#   bash Benchmarks/ethics/run.sh [CORPUS_DIR]     (default ../shared/corpus/verbatim)
# Builds debate, turns every .docx into one pack (corpus_pack.py), lints it with --json, counts.
# `python3 Benchmarks/ethics/sample.py OUT/pack OUT/lint.json 20 2026` prints a seeded sample to read.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=${1:-}
if [ -z "$corpus" ]; then
    for c in ../shared/corpus/verbatim ../../shared/corpus/verbatim; do [ -d "$c" ] && corpus=$c && break; done
fi
[ -n "$corpus" ] && [ -d "$corpus" ] || { echo "run.sh: no corpus folder (pass one)" >&2; exit 66; }
out=${OUT:-$(mktemp -d)}
swift build --product debate >/dev/null
python3 Benchmarks/ethics/corpus_pack.py "$out/pack" "$corpus"/*.docx
.build/debug/debate lint --json "$out/pack" > "$out/lint.json" 2>/dev/null || true
python3 - "$out/lint.json" "$out/pack/cards.tsv" <<'PY'
import collections, json, re, sys
diags = [d for d in json.load(open(sys.argv[1])) if d.get("code")]
cards = sum(1 for _ in open(sys.argv[2]))
codes = collections.Counter(d["code"] for d in diags)
kinds = collections.Counter(re.search(r"skips the (\w+)", d["message"]).group(1)
                            for d in diags if d["code"] == "highlight-drops-negation")
flagged = len({re.search(r"card `([^`]+)`", d["message"]).group(1) for d in diags})
per = lambda n: f"{1000 * n / cards:.0f}"
print(f"cards {cards}; warnings {len(diags)} ({per(len(diags))} per 1,000 cards); cards with any: {flagged} ({per(flagged)} per 1,000)")
for code, n in codes.most_common():
    print(f"  {code:28} {n:5}  {per(n):>4} per 1,000 cards")
for kind, n in kinds.most_common():
    print(f"    highlight-drops-negation/{kind:10} {n:5}  {per(n):>4} per 1,000 cards")
PY
echo "outputs in $out" >&2
