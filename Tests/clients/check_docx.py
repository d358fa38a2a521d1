"""Reads `debate build --format docx` back with python-docx and converts it with LibreOffice.

python-docx: Verbatim's style ids, names, aliases, sizes, bold and underline; Normal in Calibri 11;
the default paragraph and character styles; every heading (Pocket › Hat › Block › Tag) in deck
order; every cite's short form in the Cite style; every evidence character's underline, emphasis
and highlight against the deck's JSON; the highlight color, default and `--highlight cyan`.
LibreOffice: `soffice --headless --convert-to pdf`, and the PDF's outline (bookmarks) has the
same four-level hierarchy as the document's headings.

usage: python check_docx.py DEBATE_BINARY DECK.yaml
"""

import os
import re
import subprocess

from common import CheckFailed, build, deck_json, equal, main, need_module, need_program, placed_cards, require

VERBATIM_STYLES = {
    # id: (type, raw name, alias, size pt, bold, underline)
    "Heading1": ("paragraph", "heading 1", "Pocket", 26, True, None),
    "Heading2": ("paragraph", "heading 2", "Hat", 22, True, "double"),
    "Heading3": ("paragraph", "heading 3", "Block", 16, True, "single"),
    "Heading4": ("paragraph", "heading 4", "Tag", 13, True, None),
    "Style13ptBold": ("character", "Style 13 pt Bold", "Cite", 13, True, None),
    "StyleUnderline": ("character", "Style Underline", "Underline", None, None, "single"),
    "Emphasis": ("character", "Emphasis", None, None, True, "single"),
}
HEADINGS = ["Heading1", "Heading2", "Heading3", "Heading4", "Analytic"]
# An analytic (a card with no evidence) is a tag-level paragraph in the "Analytic" style, based on Heading 4.
LEVEL = {"Heading1": 1, "Heading2": 2, "Heading3": 3, "Heading4": 4, "Analytic": 4}


def with_extensions(cards):
    """Cards in reading order: each followed by the cards that extend it."""
    for card in cards:
        yield card, False
        for extension, _ in with_extensions(card.get("extensions", [])):
            yield extension, True


def check(binary, deck_file, folder):
    docx = need_module("docx", "python-docx")
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    deck = deck_json(binary, deck_file, folder)
    path = build(binary, deck_file, "docx", folder)
    document = docx.Document(path)
    equal(document.core_properties.title, deck["title"], "core properties title")

    # Styles, as Verbatim defines them.
    by_id = {style.style_id: style for style in document.styles}
    for style_id, (kind, name, alias, size, bold, underline) in VERBATIM_STYLES.items():
        style = by_id.get(style_id)
        require(style is not None, f"style {style_id} missing")
        equal(style.type, WD_STYLE_TYPE.PARAGRAPH if kind == "paragraph" else WD_STYLE_TYPE.CHARACTER, f"{style_id} type")
        equal(style.element.name_val, name, f"{style_id} name")
        aliases = style.element.find(qn("w:aliases"))
        equal(aliases.get(qn("w:val")) if aliases is not None else None, alias, f"{style_id} alias")
        if size is not None:
            equal(style.font.size.pt, size, f"{style_id} size")
        if bold is not None:
            equal(style.font.bold, bold, f"{style_id} bold")
        u = style.element.find(qn("w:rPr") + "/" + qn("w:u"))
        equal(u.get(qn("w:val")) if u is not None else None, underline, f"{style_id} underline")
    normal = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    equal(normal.style_id, "Normal", "default paragraph style")
    equal((normal.font.name, normal.font.size.pt), ("Calibri", 11), "Normal font")
    equal(document.styles.default(WD_STYLE_TYPE.CHARACTER).style_id, "DefaultParagraphFont", "default character style")

    # Headings in deck order; the cover page holds none.
    paragraphs = [(p.style.style_id, p) for p in document.paragraphs]
    headings = [(sid, p.text) for sid, p in paragraphs if sid in HEADINGS]
    expected = []
    for pocket in deck["pockets"]:
        expected.append(("Heading1", pocket["title"]))
        for hat in pocket["hats"]:
            expected.append(("Heading2", hat["title"]))
            for block in hat["blocks"]:
                expected.append(("Heading3", block["title"]))
                expected += [("Analytic" if card["analytic"] else "Heading4", ("Extension: " if ext else "", card))
                             for card, ext in with_extensions(block["cards"])]
    expected.append(("Heading1", "Coverage"))
    equal([sid for sid, _ in headings], [sid for sid, _ in expected], "heading styles in order")
    for (sid, text), (_, want) in zip(headings, expected):
        if isinstance(want, tuple):
            # A tag reads "[Extension: ][Position — Part: ][Response: ]tag".
            lead, card = want
            if card.get("part"):
                lead += card["part"] + ": "
            require(text.startswith(lead) and text.endswith(card["tag"])
                    and (text == lead + card["tag"] or (card.get("response")
                         and re.fullmatch(re.escape(lead) + r"[A-Z][\w —-]+: " + re.escape(card["tag"]), text))),
                    f"{sid} reads {text!r}, expected {lead + card['tag']!r}")
        else:
            require(text == want, f"{sid} reads {text!r}, expected {want!r}")

    # Each card: the cite's short form in the Cite style, then the evidence run by run.
    cards = [card for pocket in deck["pockets"] for hat in pocket["hats"] for block in hat["blocks"]
             for card, _ in with_extensions(block["cards"])]
    tag_indices = [i for i, (sid, _) in enumerate(paragraphs) if sid in ("Heading4", "Analytic")]
    highlighted_runs = checked_chars = 0
    for card, start in zip(cards, tag_indices):
        body = []
        for sid, p in paragraphs[start + 1:]:
            if sid in HEADINGS:
                break
            body.append(p)
        if card.get("cite"):
            first = body.pop(0).runs[0]
            equal(first.style.style_id, "Style13ptBold", f"{card['id']} cite run style")
            cite = card["cite"]
            who = (cite.get("author") or "").split(" and ")[0].split(" ")[-1] or cite.get("publication") or "Unattributed"
            year = re.search(r"\d{4}", cite.get("date") or "")
            equal(first.text, f"{who} {year.group()[2:]}" if year else who, f"{card['id']} short cite")
        if not card.get("evidence"):
            continue
        expected_chars, actual_chars = [], []
        for run in card["evidence"]["runs"]:
            flags = (run["underline"] or run["emphasis"], run["emphasis"], run["highlight"])
            expected_chars += [(ch, flags) for ch in run["text"].replace("\n\n", "")]
        evidence_paragraphs = body[:len(card["evidence"]["text"].split("\n\n"))]
        for p in evidence_paragraphs:
            for run in p.runs:
                style = run.style.style_id if run.style is not None else None
                highlight = run._r.find(qn("w:rPr") + "/" + qn("w:highlight"))
                if highlight is not None:
                    equal(highlight.get(qn("w:val")), "yellow", f"{card['id']} highlight color")
                    highlighted_runs += 1
                flags = (style in ("StyleUnderline", "Emphasis"), style == "Emphasis", highlight is not None)
                actual_chars += [(ch, flags) for ch in run.text]
        equal("".join(c for c, _ in actual_chars), "".join(c for c, _ in expected_chars), f"{card['id']} evidence text")
        for i, (a, e) in enumerate(zip(actual_chars, expected_chars)):
            require(a == e, f"{card['id']} evidence character {i} ({a[0]!r}): (underline, emphasis, highlight) is {a[1]}, expected {e[1]}")
        checked_chars += len(expected_chars)
    require(highlighted_runs > 0, "no highlighted runs found")
    yield f"python-docx: {len(VERBATIM_STYLES)} Verbatim styles, {len(headings)} headings, {len(cards)} cards, " \
          f"{checked_chars} evidence characters with their underline/emphasis/highlight, {highlighted_runs} yellow highlights"

    cyan = docx.Document(build(binary, deck_file, "docx", folder, name="cyan.docx", extra=("--highlight", "cyan")))
    colors = {h.get(qn("w:val")) for p in cyan.paragraphs for r in p.runs
              for h in [r._r.find(qn("w:rPr") + "/" + qn("w:highlight"))] if h is not None}
    equal(colors, {"cyan"}, "highlight colors with --highlight cyan")
    yield "python-docx: --highlight cyan gives cyan highlights only"

    # LibreOffice: the document converts, and the PDF's bookmarks keep Pocket › Hat › Block › Tag.
    pypdf = need_module("pypdf", "pypdf")
    soffice = need_program("soffice", "libreoffice-writer-nogui")
    profile = "file://" + os.path.join(folder, "lo-profile")
    result = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", folder, path], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(folder, "deck.pdf")
    require(result.returncode == 0 and os.path.exists(pdf), f"LibreOffice did not convert: {result.stdout}{result.stderr}")
    reader = pypdf.PdfReader(pdf)

    def flatten(outline, depth=1):
        for item in outline:
            if isinstance(item, list):
                yield from flatten(item, depth + 1)
            else:
                yield depth, " ".join(item.title.split())

    outline = list(flatten(reader.outline))
    wanted = [(LEVEL[sid], " ".join(text.split())) for sid, text in headings]
    equal(outline, wanted, "PDF outline (level, heading)")
    page_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    require(" ".join(deck["resolution"].split()) in page_text, "the resolution is missing from the PDF text")
    yield f"LibreOffice: {len(reader.pages)} PDF pages, outline of {len(outline)} headings at levels 1-4 matches the document"


if __name__ == "__main__":
    main(check)
