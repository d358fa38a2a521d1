#!/usr/bin/env bash
# The README's test command: makes .venv with the real clients the tests check against
# (Tests/requirements.txt: jsonschema, python-docx, pypdf, anki), then runs the whole Swift test suite.
# The Word check also needs LibreOffice (`soffice`), which .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
requirements=Tests/requirements.txt
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/.requirements"; then
    echo "test.sh: setting up $venv from $requirements" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/.requirements"
fi
export DEBATE_PYTHON="$PWD/$venv/bin/python"

swift build --build-tests "$@"
swift test --skip-build "$@"
# The target graph (docs/ARCHITECTURE.md): asked of SwiftPM after the suite, when no build holds the package's lock.
swift package describe --type json | python3 Tests/check_architecture.py
