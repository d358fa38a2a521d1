"""The target graph keeps the spine one-way (docs/ARCHITECTURE.md), read from SwiftPM itself.

Reads `swift package describe --type json` on standard input. Run by Tests/test.sh after the suite:
inside `swift test` the package's build lock is held, so SwiftPM cannot be asked from a test.
"""
import json
import sys

package = json.load(sys.stdin)
deps = {t["name"]: t.get("target_dependencies", []) + t.get("product_dependencies", []) for t in package["targets"]}


def reach(name):
    seen, stack = set(), [name]
    while stack:
        for dep in deps.get(stack.pop(), []):
            if dep not in seen:
                seen.add(dep)
                stack.append(dep)
    return seen


rules = [
    ("Drill", {"DeckBuilder", "ModuleLoading", "ZIPFoundation"}),
    ("BuiltInModules", {"ModuleLoading"}),
    ("DebateModuleKit", {"ModuleLoading", "DeckBuilder"}),
    ("ModuleFormat", {"ModuleLoading", "DeckBuilder", "DeckModel"}),
    ("DeckModel", {"DeckBuilder", "ModuleLoading", "ModuleFormat"}),
    ("DeckBuilder", {"ModuleLoading", "Drill"}),
]
failures = []
for target, forbidden in rules:
    if target not in deps:
        failures.append(f"{target}: no such target")
        continue
    bad = reach(target) & forbidden
    if bad:
        failures.append(f"{target} reaches {', '.join(sorted(bad))}")
for line in failures:
    print(f"architecture: {line}", file=sys.stderr)
print(f"architecture: {len(rules) - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
