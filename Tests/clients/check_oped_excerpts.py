#!/usr/bin/env python3
"""Checks the built-in packs' evidence against the op-ed they quote, and prints what each card reads aloud.

For every claim with evidence in the given pack folders (default: the three built-in packs):
- the cite names a local copy of its source (`cite.source`, relative to the pack folder), which exists;
- the evidence, markup stripped (`__`, `**`, `==`, a backslash escape), is an exact excerpt of that
  source, with whitespace, curly quotes and dashes normalised; if not, the first character that
  differs is shown;
- the card opens on a whole sentence, never on a reference back ("The latter", "This", "These", …);
- no negation or qualifier ("not", "no reason why", "contrary to", "if", "can", …) sits unhighlighted
  between highlighted words of one sentence.
It then prints each claim's tag and, for cards, the highlighted words read aloud, so a person can
read every line and ask whether the author would agree.

Usage: check_oped_excerpts.py [--quiet] [PACK_DIR ...]      exit 1 when a check fails.
Needs PyYAML.
"""

import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_PACKS = [os.path.join(ROOT, "Sources", "BuiltInModules", "Resources", name)
                 for name in ("values", "security", "hedging")]

FOLD = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
# A card may not open on a word that points back at text the card leaves out.
BACK_REFERENCES = ("the latter", "the former", "this", "these", "those", "that", "such", "it ", "they ", "rather",
                   "but", "and", "or", "however")
# Words whose omission between highlighted words can flip or strengthen what is read aloud.
QUALIFIERS = ["no reason why", "contrary to", "not just", "even if", "not", "no", "never", "nor", "n't", "cannot",
              "hardly", "unless", "if", "may", "might", "could", "can", "would", "eventually", "conclusively",
              "until", "only", "lest", "seldom", "rarely", "without", "except"]


def normalise(text):
    for old, new in FOLD.items():
        text = text.replace(old, new)
    return re.sub(r"\s+", " ", text).strip()


def runs(evidence):
    """(character, highlighted) pairs of the evidence with its markup read."""
    out, highlighted, i = [], False, 0
    while i < len(evidence):
        ch = evidence[i]
        if ch == "\\" and i + 1 < len(evidence):
            out.append((evidence[i + 1], highlighted))
            i += 2
            continue
        if evidence.startswith("==", i):
            highlighted = not highlighted
            i += 2
            continue
        if evidence.startswith("__", i) or evidence.startswith("**", i):
            i += 2
            continue
        out.append((ch, highlighted))
        i += 1
    return out


def plain(evidence):
    return "".join(ch for ch, _ in runs(evidence))


def segments(evidence):
    """The evidence as alternating (text, highlighted) stretches."""
    out = []
    for ch, hl in runs(evidence):
        if out and out[-1][1] == hl:
            out[-1][0].append(ch)
        else:
            out.append(([ch], hl))
    return [("".join(chars), hl) for chars, hl in out]


def read_aloud(evidence):
    parts, gap = [], False
    for text, hl in segments(evidence):
        if hl:
            if parts and gap:
                parts.append("…")
            parts.append(normalise(text))
            gap = False
        elif parts and text.strip():
            gap = True
    return " ".join(p for p in parts if p)


def skipped_qualifiers(evidence):
    """Qualifiers left unhighlighted between highlighted words of one sentence."""
    segs = segments(evidence)
    found = []
    for index, (text, hl) in enumerate(segs):
        if hl or index == 0 or index == len(segs) - 1:
            continue
        if not (segs[index - 1][1] and segs[index + 1][1]):
            continue
        if re.search(r"[.?!][\"'\u201d\u2019]?\s", text + " "):
            continue  # the gap ends a sentence: the highlights are in different sentences
        words = " " + normalise(text).lower() + " "
        for q in QUALIFIERS:
            pattern = r"n't" if q == "n't" else r"(?<![a-z])" + re.escape(q) + r"(?![a-z])"
            if re.search(pattern, words):
                found.append((q, normalise(text)))
                break
    return found


def first_difference(excerpt, source):
    """The longest prefix of `excerpt` found in `source`, to show where a quotation departs from it."""
    lo, hi = 0, len(excerpt)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if excerpt[:mid] in source:
            lo = mid
        else:
            hi = mid - 1
    return lo


def check_pack(directory, quiet):
    problems, lines = [], []
    for name in sorted(os.listdir(directory)):
        if not name.endswith((".yaml", ".yml")) or name == "module.yaml":
            continue
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle) or {}
        positions = {p["id"]: p for p in document.get("positions") or []}
        for claim in document.get("claims") or []:
            cid = claim.get("id")
            where = f"{os.path.relpath(path, ROOT)}: {cid}"
            part = ""
            if claim.get("position"):
                pos = positions.get(claim["position"], {"title": claim["position"]})
                part = f"{pos['title']} — {claim.get('role', '?')}"
            if claim.get("answers"):
                frame = "even-if " if claim.get("even-if") else ""
                part = (part + "; " if part else "") + f"{frame}{claim.get('response')} → {claim['answers']}"
            evidence = claim.get("evidence")
            kind = "card" if evidence else ("analytic, needs evidence" if claim.get("needs-evidence") else "analytic")
            lines.append(f"\n[{claim.get('side')}] {cid}  ({part or 'no part'}; {kind})")
            lines.append(f"  tag:   {claim.get('tag')}")
            if not evidence:
                if claim.get("cite"):
                    problems.append(f"{where}: an analytic with a cite")
                continue
            cite = claim.get("cite") or {}
            source = cite.get("source")
            if not source:
                problems.append(f"{where}: the cite names no `source:` to check the evidence against")
                continue
            source_path = os.path.join(directory, source)
            if not os.path.isfile(source_path):
                problems.append(f"{where}: `source: {source}` is not a file in {os.path.relpath(directory, ROOT)}")
                continue
            with open(source_path, encoding="utf-8") as handle:
                text = normalise(handle.read())
            excerpt = normalise(plain(evidence))
            if excerpt not in text:
                at = first_difference(excerpt, text)
                problems.append(f"{where}: not verbatim from character {at + 1}: …{excerpt[max(0, at - 30):at]}⟦{excerpt[at:at + 40]}⟧")
            opening = excerpt.lower()
            if any(opening.startswith(word) for word in BACK_REFERENCES):
                problems.append(f"{where}: the card opens on a reference back: “{excerpt[:40]}…”")
            # A card opens at a sentence's start: the source has a sentence end (or its start) just before.
            start = text.find(excerpt)
            if start > 0 and not re.search(r"[.?!][\"'\u201d\u2019]?\s$", text[:start]):
                problems.append(f"{where}: the card opens inside a sentence: “…{text[max(0, start - 30):start]}⟦{excerpt[:30]}⟧”")
            for qualifier, gap in skipped_qualifiers(evidence):
                problems.append(f"{where}: “{qualifier}” is left out of the highlight between read words: “{gap}”")
            lines.append(f"  reads: {read_aloud(evidence)}")
    if not quiet:
        print("\n".join(lines))
    return problems


def main(argv):
    quiet = "--quiet" in argv
    packs = [a for a in argv if a != "--quiet"] or DEFAULT_PACKS
    problems = []
    for pack in packs:
        if not os.path.isdir(pack):
            problems.append(f"{pack}: no such pack folder")
            continue
        problems += check_pack(pack, quiet)
    if problems:
        print("\n" + "\n".join(f"FAIL {p}" for p in problems), file=sys.stderr)
        return 1
    print("\nall evidence is verbatim from its source, opens on a whole sentence, and reads no qualifier away", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
