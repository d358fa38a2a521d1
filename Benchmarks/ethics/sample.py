#!/usr/bin/env python3
"""Prints a seeded random sample of the ethics lint's warnings on a corpus pack, each with the card's
text around the finding (read words in ⟦ ⟧), for a person to judge.

    python3 sample.py PACK_DIR LINT.json N SEED [CODE]
"""
import json
import random
import re
import sys


def cards(pack):
    import glob
    out = {}
    for path in sorted(glob.glob(pack + "/claims-*.yaml")):
        cid = tag = None
        for line in open(path, encoding="utf-8"):
            if line.startswith("  - id: "):
                cid = line.split(": ", 1)[1].strip()
            elif line.startswith("    tag: "):
                tag = json.loads(line.split(": ", 1)[1])
            elif line.startswith("    evidence: "):
                out[cid] = (tag, json.loads(line.split(": ", 1)[1]))
    return out


def display(markup):
    """Read (highlighted, else underlined) text in ⟦ ⟧; markers dropped."""
    has_high = "==" in markup.replace("\\=", "")
    out, i, state = [], 0, {"__": False, "**": False, "==": False}
    read_marker = "==" if has_high else "__"
    while i < len(markup):
        if markup[i] == "\\" and i + 1 < len(markup):
            out.append(markup[i + 1]); i += 2; continue
        two = markup[i:i + 2]
        if two in state:
            state[two] = not state[two]
            if two == read_marker:
                out.append("⟦" if state[two] else "⟧")
            i += 2
            continue
        out.append(markup[i]); i += 1
    return re.sub(r"\s+", " ", "".join(out))


def main():
    pack, lint, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    code = sys.argv[5] if len(sys.argv) > 5 else None
    table = cards(pack)
    diags = [d for d in json.load(open(lint)) if d.get("code") and (code is None or d["code"] == code)]
    random.Random(seed).shuffle(diags)
    for k, d in enumerate(diags[:n], 1):
        cid = re.search(r"card `([^`]+)`", d["message"]).group(1)
        tag, evidence = table[cid]
        text = display(evidence)
        where = 0
        m = re.search(r"skips the \w+ “([^”]+)”: read aloud, “(.*?) … (.*?)” ", d["message"])
        if m:
            cue, before, after = m.group(1), m.group(2).split(), m.group(3).split()
            last = before[-1] if before else ""
            first = after[0] if after else ""
            best = None
            for occ in re.finditer(r"(?<![\w’'])" + re.escape(cue) + r"(?![\w’'])", text):
                prefix = text[max(0, occ.start() - 300):occ.start()]
                suffix = text[occ.end():occ.end() + 300]
                if last in prefix and first in suffix:
                    best = occ.start(); break
            where = best or 0
        # The diagnostic's column points into the evidence line: decode the JSON string up to it.
        try:
            line = open(d["file"], encoding="utf-8").read().split("\n")[d["line"] - 1]
            head = line[:d["column"] - 1].split("evidence: ", 1)[1]
            prefix = json.loads(head + '"') if not head.endswith("\\") else json.loads(head[:-1] + '"')
            where = len(display(prefix))
        except Exception:
            pass
        excerpt = text[max(0, where - 250):where + 250]
        print(f"## {k}. {d['code']} — {cid}\nTAG: {tag}\nMSG: {d['message']}\nTEXT: …{excerpt}…\n")


if __name__ == "__main__":
    main()
