"""Shared helpers for the real-client checks: run `debate`, read the deck's JSON, fail loudly.

Each check script takes the `debate` binary and a deck file, builds what it needs into a temporary
folder, reads it back with the real client and exits non-zero with a message on any mismatch.
A missing client (Python package or program) is a failure, never a skip.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile


class CheckFailed(Exception):
    pass


def require(condition, message):
    if not condition:
        raise CheckFailed(message)


def equal(actual, expected, what):
    if actual != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {actual!r}")


def need_module(name, package):
    try:
        return __import__(name)
    except ImportError as error:
        raise CheckFailed(f"the real client `{package}` is missing ({error}); "
                          f"run `bash Tests/test.sh`, which installs Tests/requirements.txt into .venv")


def need_program(name, apt_package):
    path = shutil.which(name)
    if path is None:
        raise CheckFailed(f"`{name}` is not installed; `apt-get install {apt_package}` (.ci/run does this)")
    return path


def debate(binary, *arguments, env=None):
    environment = dict(os.environ)
    environment.update(env or {})
    result = subprocess.run([binary, *arguments], capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise CheckFailed(f"debate {' '.join(arguments)} exited {result.returncode}: {result.stderr}")
    return result


def build(binary, deck, fmt, folder, name=None, extra=(), env=None):
    """Builds one format of the deck into `folder` and returns the path."""
    path = os.path.join(folder, name or f"deck.{fmt}")
    debate(binary, "build", deck, "--format", fmt, "-o", path, *extra, env=env)
    return path


def deck_json(binary, deck, folder):
    with open(build(binary, deck, "json", folder)) as f:
        return json.load(f)["deck"]


def placed_cards(deck):
    """Each card of the deck once, with the pocket, hat and block it first appears in."""
    seen, out = set(), []
    for pocket in deck["pockets"]:
        for hat in pocket["hats"]:
            for block in hat["blocks"]:
                for card in block["cards"]:
                    if card["id"] not in seen:
                        seen.add(card["id"])
                        out.append((pocket, hat, block, card))
    return out


def main(check):
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} DEBATE_BINARY DECK.yaml", file=sys.stderr)
        sys.exit(64)
    binary, deck = sys.argv[1], sys.argv[2]
    folder = tempfile.mkdtemp(prefix="debate-check-")
    try:
        for line in check(binary, deck, folder):
            print(line)
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
