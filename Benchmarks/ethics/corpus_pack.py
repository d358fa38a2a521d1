#!/usr/bin/env python3
"""Turns real Verbatim .docx files into a debate pack, so the evidence-ethics lint can be measured on
real cards (false positives per 1,000 cards). Standard library only: the .docx is a zip of XML.

    python3 corpus_pack.py OUT_DIR FILE.docx...

Per file it writes OUT_DIR/claims-NN.yaml (one con claim per card: the Heading-4 tag and the card body
as evidence markup) and OUT_DIR/module.yaml; OUT_DIR/cards.tsv maps claim ids to file and tag.

What counts as a card: a tag (a paragraph styled Heading 4 / "Tag", or of outline level 4) followed,
before the next heading, by at least one paragraph with underlined or highlighted text; the body is
every such paragraph, the cite is what comes before the first. A tag with no body is an analytic and
is counted, not checked. Highlight is w:highlight (not "none") or a shading fill that is not white/auto;
underline is w:u (not "none") or a run style whose name contains "underline"; emphasis is the
"Emphasis" style. Styles are resolved through basedOn, by id and by name, case-insensitively.
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def styles_of(z):
    try:
        root = ET.fromstring(z.read("word/styles.xml"))
    except KeyError:
        return {}
    styles = {}
    for s in root.iter(W + "style"):
        sid = s.get(W + "styleId") or ""
        name_el = s.find(W + "name")
        based = s.find(W + "basedOn")
        outline = s.find(f"{W}pPr/{W}outlineLvl")
        rpr = s.find(W + "rPr")
        u = rpr is not None and rpr.find(W + "u") is not None and rpr.find(W + "u").get(W + "val", "single") != "none"
        styles[sid] = {
            "name": (name_el.get(W + "val") if name_el is not None else sid).lower(),
            "based": based.get(W + "val") if based is not None else None,
            "outline": int(outline.get(W + "val")) if outline is not None else None,
            "underline": u,
        }
    return styles


def chain(styles, sid):
    seen = []
    while sid and sid in styles and sid not in seen:
        seen.append(sid)
        sid = styles[sid]["based"]
    return [styles[s] for s in seen]


def heading_level(styles, p):
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None
    direct = ppr.find(W + "outlineLvl")
    if direct is not None:
        return int(direct.get(W + "val")) + 1
    ps = ppr.find(W + "pStyle")
    if ps is None:
        return None
    sid = ps.get(W + "val")
    for st in chain(styles, sid) or [{"name": sid.lower(), "outline": None}]:
        name = st["name"]
        if "analytic" in name:
            return "analytic"
        m = re.match(r"heading ?(\d)", name)
        if m:
            return int(m.group(1))
        if name in ("tag", "tags"):
            return 4
        if name in ("pocket",):
            return 1
        if name in ("hat",):
            return 2
        if name in ("block",):
            return 3
        if st["outline"] is not None:
            return st["outline"] + 1
    m = re.match(r"heading(\d)", sid.lower())
    return int(m.group(1)) if m else None


def run_style(styles, r):
    rpr = r.find(W + "rPr")
    under = high = emph = False
    if rpr is not None:
        rs = rpr.find(W + "rStyle")
        if rs is not None:
            for st in chain(styles, rs.get(W + "val")) or [{"name": rs.get(W + "val").lower(), "underline": False}]:
                if "underline" in st["name"] or st.get("underline"):
                    under = True
                if "emphasis" in st["name"]:
                    emph = under = True
        u = rpr.find(W + "u")
        if u is not None:
            under = u.get(W + "val", "single") != "none"
        h = rpr.find(W + "highlight")
        if h is not None and h.get(W + "val", "none") != "none":
            high = True
        shd = rpr.find(W + "shd")
        if shd is not None and (shd.get(W + "fill") or "auto").lower() not in ("auto", "ffffff", "none"):
            high = True
    return under, emph, high


def runs_of(p):
    """The paragraph's text runs in order, hyperlinks included."""
    for el in p.iter():
        if el.tag == W + "r":
            text = "".join((t.text or "") if t.tag == W + "t" else ("\t" if t.tag == W + "tab" else "")
                           for t in el if t.tag in (W + "t", W + "tab"))
            if text:
                yield el, text


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")


def escape(text):
    return re.sub(r"([_*=\\])", r"\\\1", CONTROL.sub("", text))


def markup(styles, paragraphs):
    out = []
    for p in paragraphs:
        pieces = []
        for r, text in runs_of(p):
            u, e, h = run_style(styles, r)
            pieces.append((escape(text), u, e, h))
        line = ""
        state = [False, False, False]  # underline, emphasis, highlight (nested in this order)
        marks = ["__", "**", "=="]
        for text, u, e, h in pieces:
            want = [u or e or h, e, h]
            # close from the innermost while anything differs, then open what is needed
            for i in (2, 1, 0):
                if state[i] and (not want[i] or any(state[j] != want[j] for j in range(i))):
                    line += marks[i]
                    state[i] = False
            for i in (0, 1, 2):
                if want[i] and not state[i]:
                    line += marks[i]
                    state[i] = True
            line += text
        for i in (2, 1, 0):
            if state[i]:
                line += marks[i]
        out.append(line)
    return "\n\n".join(x for x in out if x.strip())


def cards_of(path):
    z = zipfile.ZipFile(path)
    styles = styles_of(z)
    body = ET.fromstring(z.read("word/document.xml")).find(W + "body")
    paragraphs = [p for p in body.iter(W + "p")]
    cards, analytics = [], 0
    i = 0
    while i < len(paragraphs):
        level = heading_level(styles, paragraphs[i])
        if level != 4:
            i += 1
            continue
        tag = CONTROL.sub("", "".join(t for _, t in runs_of(paragraphs[i]))).strip()
        j = i + 1
        block = []
        while j < len(paragraphs) and heading_level(styles, paragraphs[j]) not in (1, 2, 3, 4, "analytic"):
            block.append(paragraphs[j])
            j += 1
        first = next((k for k, p in enumerate(block)
                      if any(run_style(styles, r)[0] or run_style(styles, r)[2] for r, _ in runs_of(p))), None)
        if first is None or not tag:
            analytics += 1
        else:
            # The cite is the paragraph(s) before the body; a one-paragraph "card" that is all cite is skipped.
            evidence = markup(styles, block[first:])
            if re.search(r"[A-Za-z]", evidence):
                cards.append((tag, evidence))
        i = j
    return cards, analytics


def main():
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "module.yaml"), "w") as f:
        f.write("id: corpus\ntitle: Verbatim corpus\nsummary: Cards read from real Verbatim files\nversion: 1.0.0\n")
    total = total_analytics = 0
    with open(os.path.join(out, "cards.tsv"), "w") as index:
        for n, path in enumerate(files):
            cards, analytics = cards_of(path)
            total += len(cards)
            total_analytics += analytics
            with open(os.path.join(out, f"claims-{n:02d}.yaml"), "w") as f:
                f.write("claims:\n")
                for k, (tag, evidence) in enumerate(cards):
                    cid = f"corpus.f{n:02d}-c{k:04d}"
                    f.write(f"  - id: {cid}\n    side: con\n    tag: {json.dumps(tag, ensure_ascii=False)}\n")
                    f.write(f"    evidence: {json.dumps(evidence, ensure_ascii=False)}\n")
                    index.write(f"{cid}\t{os.path.basename(path)}\t{tag}\n")
    print(json.dumps({"files": len(files), "cards": total, "analytics": total_analytics}))


if __name__ == "__main__":
    main()
