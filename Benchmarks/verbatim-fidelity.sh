#!/usr/bin/env bash
# The one fidelity measurement of `debate import verbatim` (issue 10): imports every .docx of a
# folder with one command, then holds the pack against the Word files with the independent
# python-docx checker, Tests/clients/check_verbatim_import.py (reader: verbatim_reference.py).
#
#   bash Benchmarks/verbatim-fidelity.sh [--quiet] [FOLDER]     (FOLDER: ../shared/corpus/verbatim)
#
# Prints the checker's table, every miss and the totals; writes its JSON to
# Benchmarks/.work/fidelity/check.json and leaves the pack there (git-ignored). Exit 0 when the goals
# are met (≥ 99 % of the tags, ≥ 99.5 % of the highlighted characters), 1 when not.
#
# "Highlighted characters identical" (the checker's definition): over every card of every file, the
# non-whitespace evidence characters highlighted in the document (w:highlight other than none, or a
# w:shd fill that is not auto/white), lined up with the imported evidence, that are highlighted in
# both ÷ those highlighted in either. A card's evidence is the text under its tag after the cite
# paragraph(s) as the reader splits them; a card whose marked text the import kept as a plain
# warrant counts all its highlight as missed.
#
# Environment:
#   DEBATE_BIN=path      the `debate` binary (default: .build/debug/debate, else .build/release/debate)
#   DEBATE_PYTHON=path   a Python with python-docx and PyYAML (default: .venv/bin/python, made by Tests/test.sh)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
QUIET=()
FOLDER=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quiet) QUIET=(--quiet); shift ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "verbatim-fidelity.sh: unknown option: $1" >&2; exit 64 ;;
        *) FOLDER="$1"; shift ;;
    esac
done
if [[ -z "$FOLDER" ]]; then
    for candidate in "$ROOT/../shared/corpus/verbatim" "$ROOT/../../shared/corpus/verbatim"; do
        [[ -d "$candidate" ]] && { FOLDER="$candidate"; break; }
    done
fi
[[ -n "$FOLDER" && -d "$FOLDER" ]] || { echo "verbatim-fidelity.sh: no folder of .docx files (pass one)" >&2; exit 66; }

BIN="${DEBATE_BIN:-}"
if [[ -z "$BIN" ]]; then
    for candidate in "$ROOT/.build/debug/debate" "$ROOT/.build/release/debate"; do
        [[ -x "$candidate" ]] && { BIN="$candidate"; break; }
    done
fi
[[ -n "$BIN" && -x "$BIN" ]] || { echo "verbatim-fidelity.sh: no debate binary (swift build --product debate, or set DEBATE_BIN)" >&2; exit 66; }
PYTHON="${DEBATE_PYTHON:-$ROOT/.venv/bin/python}"
"$PYTHON" -c 'import docx, yaml' 2> /dev/null \
    || { echo "verbatim-fidelity.sh: $PYTHON lacks python-docx or PyYAML (bash Tests/test.sh makes .venv; or set DEBATE_PYTHON)" >&2; exit 69; }

WORK="$HERE/.work/fidelity"
rm -rf "$WORK"
mkdir -p "$WORK"
echo "== $BIN import verbatim $FOLDER" >&2
"$BIN" import verbatim "$FOLDER" -o "$WORK/modules/corpus" --deck "$WORK/decks/corpus.yaml" 2> "$WORK/import.err" \
    || { echo "verbatim-fidelity.sh: the import failed; its stderr:" >&2; tail -n 20 "$WORK/import.err" >&2; exit 1; }
tail -n 1 "$WORK/import.err" >&2
echo "== Tests/clients/check_verbatim_import.py (python-docx)" >&2
"$PYTHON" "$ROOT/Tests/clients/check_verbatim_import.py" "${QUIET[@]}" --pack "$WORK/modules/corpus" \
    --json "$WORK/check.json" "$FOLDER"
