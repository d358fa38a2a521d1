"""An independent reader of Verbatim-formatted Word files: what a debater sees in each document.

    python verbatim_reference.py FILE.docx|FOLDER... [-o OUT.json] [--summary]

For every document it writes canonical JSON: its Pocket › Hat › Block headings, its tag paragraphs
(and analytics), and under each tag the card: the cite paragraph(s), the evidence paragraphs as runs
with their underline / emphasis / highlight, and the highlighted and underlined characters as text.

It is the yardstick `check_verbatim_import.py` holds `debate import verbatim` against, so it is
written from the files and ../shared/corpus/README.md alone, never from our Swift importer:

- Documents are opened with python-docx; the rest is read from the WordprocessingML it parses.
- A paragraph's level comes from its style, resolved through `basedOn` and matched by style id or
  name, case-insensitively (Heading 1–4; Pocket/Hat/Block/Tag). Aliases are ignored: real files fill
  them with junk. A paragraph style named like "Analytic" whose chain reaches Heading 4 or whose
  outline level is 4 is an analytic (a tag with no card). A tag paragraph with no text is not a tag.
- A "fake" tag is a short, all-bold, non-heading paragraph followed by a cite paragraph (one short
  line, ≤ 200 characters, may sit between them), or a non-heading paragraph given outline level 4
  by hand (`w:outlineLvl` 3 in its own `w:pPr`): it is
  reported (kind `fake-tag`) and bounds the card before it, but it is not counted among the tags.
- A run's formatting is the document defaults, then the paragraph style chain, then the character
  style chain, then the run's own `w:rPr` (later wins). The paragraph mark's `w:pPr/w:rPr` is never
  applied to text. Highlight is `w:highlight` other than `none`, or `w:shd` whose fill is neither
  `auto` nor white. Underline is `w:u` other than `none`. Emphasis is the character style Emphasis.
- Text: `w:t`; `w:tab` is a tab; `w:br` and `w:cr` are a line break; runs inside hyperlinks, insertions,
  smart tags, content controls and simple fields count; `w:instrText`, `w:delText` and deleted runs do
  not; a soft hyphen is invisible and dropped. Tables are read cell by cell, in order; text boxes after
  the paragraph that anchors them. Images (`w:drawing`, `w:pict`, `w:object`) are listed with their place.
- A card's body is every paragraph after its tag up to the next heading, tag, analytic or fake tag.
  Its cite is the first non-empty body paragraph when that paragraph has a cite run (a character style
  named like Cite / "Style 13 pt Bold" / "Style Style Bold…" / Author-Date, or bold text that is not
  highlighted nor Emphasis and either not underlined or at 12 pt and more; or, failing that, a first
  paragraph of at most 500 characters with bold in it and nothing highlighted) — plus the next paragraph
  when the first is short (≤ 250 characters, no URL) and the next reads as the long cite (no underline
  or highlight; opens with a bracket or holds a URL, DOI or "accessed", or the first is only the short
  cite, all bold or cite-styled) and more paragraphs follow. When the first one or two body paragraphs
  are notes (≤ 300 characters each, nothing underlined, emphasised or highlighted, no cite run:
  "<<FOR REFERENCE>>", "AT: EMP, soot, …") and a cite run starts within the first 150 characters of
  the next, the notes and that paragraph are the cite: a debater's note above a cite is not the card's text.
  A cite paragraph whose text after its first line break is underlined or highlighted (and not before
  it, but for bold) is a cite line and the card's first paragraph. The rest is evidence.
- A tag paragraph whose line after its first line break starts with a short cite (a capitalised name
  and a two- or four-digit year before any dash, bracket or comma: "Tag.⏎McGranahan 19 - (…") is the
  tag, and that line is the first paragraph of its body.
"""

import argparse
import json
import os
import re
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError as error:  # the caller's environment lacks the real client
    sys.stderr.write(f"verbatim_reference.py needs python-docx ({error}); "
                     f"run `bash Tests/test.sh`, which installs Tests/requirements.txt into .venv\n")
    sys.exit(69)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(name):
    return f"{{{W_NS}}}{name}"


T, TAB, BR, CR, R, P, TBL, TXBX = w("t"), w("tab"), w("br"), w("cr"), w("r"), w("p"), w("tbl"), w("txbxContent")
SKIP_CONTAINERS = {w("del"), w("moveFrom"), f"{{{MC_NS}}}Fallback"}
IMAGES = {w("drawing"), w("pict"), w("object")}
HEADING_NAMES = {
    1: {"heading 1", "heading1", "pocket"},
    2: {"heading 2", "heading2", "hat"},
    3: {"heading 3", "heading3", "block"},
    4: {"heading 4", "heading4", "tag"},
}
CITE_STYLE = re.compile(r"^(cite|cites|cite char|style ?13 ?pt ?bold|style style bold.*|author-?date|old cite)$", re.I)
WHITE = {"ffffff", "auto", ""}


def on(element, attribute="val"):
    """A toggle property (`w:b`, …): present and not switched off."""
    if element is None:
        return None
    value = element.get(w(attribute))
    return value is None or value.lower() not in ("0", "false", "off", "none")


class Styles:
    """The document's styles by id, with `basedOn` chains and names folded to lower case."""

    def __init__(self, document):
        root = document.styles.element
        self.by_id = {}
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            ppr = style.find(w("pPr"))
            outline = ppr.find(w("outlineLvl")) if ppr is not None else None
            self.by_id[sid] = {
                "id": sid, "type": style.get(w("type")),
                "name": (name_el.get(w("val")) if name_el is not None else sid) or sid,
                "based": based.get(w("val")) if based is not None else None,
                "rPr": style.find(w("rPr")),
                "outline": int(outline.get(w("val"))) if outline is not None and (outline.get(w("val")) or "").isdigit() else None,
                "default": on(style, "default") if style.get(w("default")) is not None else False,
            }
        self.default_paragraph = next((s["id"] for s in self.by_id.values()
                                       if s["type"] == "paragraph" and s["default"]), None)
        defaults = root.find(w("docDefaults"))
        self.default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}") if defaults is not None else None
        self._chains = {}

    def chain(self, sid):
        """The style and its bases, leaf first (a cycle stops the walk)."""
        key = sid
        if key in self._chains:
            return self._chains[key]
        out, seen = [], set()
        while sid is not None and sid in self.by_id and sid not in seen:
            seen.add(sid)
            out.append(self.by_id[sid])
            sid = self.by_id[sid]["based"]
        self._chains[key] = out
        return out

    @staticmethod
    def keys(style):
        return {style["id"].lower(), style["name"].lower()}

    def paragraph_kind(self, sid, direct_outline):
        """('heading', level) | ('analytic', 4) | ('body', None), and the style's display name."""
        chain = self.chain(sid if sid in self.by_id else self.default_paragraph)
        outline = direct_outline
        if outline is None:
            outline = next((s["outline"] for s in chain if s["outline"] is not None), None)
        level = None
        for style in chain:
            keys = self.keys(style)
            for lvl, names in HEADING_NAMES.items():
                if keys & names:
                    level = lvl
                    break
            if level is not None:
                break
        analytic_named = any("analytic" in s["name"].lower() or "analytic" in s["id"].lower() for s in chain
                             if not (self.keys(s) & HEADING_NAMES[4]))
        if analytic_named and (level == 4 or outline == 3):
            return "analytic", 4
        if level is not None:
            return "heading", level
        return "body", None


class Format:
    __slots__ = ("underline", "highlight", "emphasis", "bold", "size", "cite_style", "highlight_color", "shading")

    def __init__(self):
        self.underline = False
        self.highlight = False
        self.emphasis = False
        self.bold = False
        self.size = 20  # half-points; Word's default without docDefaults
        self.cite_style = False
        self.highlight_color = None
        self.shading = False

    def apply(self, rpr):
        if rpr is None:
            return
        for child in rpr:
            tag = child.tag
            if tag == w("u"):
                self.underline = (child.get(w("val")) or "single").lower() != "none"
            elif tag == w("highlight"):
                value = (child.get(w("val")) or "").strip()
                self.highlight_color = None if value.lower() in ("none", "") else value
                self.shading = False if self.highlight_color else self.shading
                self.highlight = self.highlight_color is not None or self.shading
            elif tag == w("shd"):
                fill = (child.get(w("fill")) or "").lower()
                pattern = (child.get(w("val")) or "").lower()
                color = (child.get(w("color")) or "").lower()
                shaded = fill not in WHITE or (pattern == "solid" and color not in WHITE)
                self.shading = shaded
                self.highlight = (self.highlight_color is not None) or shaded
            elif tag == w("b"):
                self.bold = bool(on(child))
            elif tag == w("sz"):
                value = child.get(w("val")) or ""
                try:
                    self.size = float(value)
                except ValueError:
                    pass

    def copy(self):
        other = Format()
        for slot in Format.__slots__:
            setattr(other, slot, getattr(self, slot))
        return other


class Reader:
    def __init__(self, path):
        self.path = path
        self.document = docx.Document(path)
        self.styles = Styles(self.document)
        self.images = []
        self.paragraph_base_cache = {}

    def paragraph_base(self, sid):
        if sid not in self.paragraph_base_cache:
            fmt = Format()
            fmt.apply(self.styles.default_rpr)
            chain = self.styles.chain(sid if sid in self.styles.by_id else self.styles.default_paragraph)
            for style in reversed(chain):
                fmt.apply(style["rPr"])
            self.paragraph_base_cache[sid] = fmt
        return self.paragraph_base_cache[sid]

    def run_format(self, base, run):
        fmt = base.copy()
        rpr = run.find(w("rPr"))
        if rpr is not None:
            rstyle = rpr.find(w("rStyle"))
            if rstyle is not None:
                chain = self.styles.chain(rstyle.get(w("val")))
                for style in reversed(chain):
                    fmt.apply(style["rPr"])
                for style in chain:
                    keys = self.styles.keys(style)
                    if "emphasis" in keys:
                        fmt.emphasis = True
                    if any(CITE_STYLE.match(k) for k in keys):
                        fmt.cite_style = True
            fmt.apply(rpr)
        return fmt

    # ── Walking the body ──────────────────────────────────────────────────────────────────────────
    def paragraphs(self):
        """Every paragraph in reading order: body, table cells, then text boxes after their anchor."""
        out = []
        self._walk_block(self.document.element.body, out, where="body")
        return out

    def _walk_block(self, container, out, where):
        for child in container:
            if child.tag == P:
                self._paragraph(child, out, where)
            elif child.tag == TBL:
                for cell_p in self._table_paragraphs(child):
                    self._paragraph(cell_p, out, "table")
            elif child.tag in (w("sdt"),):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk_block(content, out, where)
            elif child.tag in (w("customXml"),):
                self._walk_block(child, out, where)

    def _table_paragraphs(self, table):
        for element in table.iter(P):
            # Paragraphs of nested tables come in document order too; text boxes are handled by their anchor.
            if not any(a.tag == TXBX for a in element.iterancestors()):
                yield element

    def _paragraph(self, p, out, where):
        ppr = p.find(w("pPr"))
        sid, direct_outline = None, None
        if ppr is not None:
            pstyle = ppr.find(w("pStyle"))
            sid = pstyle.get(w("val")) if pstyle is not None else None
            outline = ppr.find(w("outlineLvl"))
            if outline is not None and (outline.get(w("val")) or "").isdigit():
                direct_outline = int(outline.get(w("val")))
        sid = sid if sid in self.styles.by_id else self.styles.default_paragraph
        kind, level = self.styles.paragraph_kind(sid, direct_outline)
        base = self.paragraph_base(sid)
        index = len(out)
        record = {"index": index, "where": where, "style": sid,
                  "style_name": self.styles.by_id[sid]["name"] if sid in self.styles.by_id else None,
                  "kind": kind, "level": level, "direct_outline": direct_outline, "runs": []}
        out.append(record)
        boxes = []
        for run in self._runs(p, boxes):
            fmt = self.run_format(base, run)
            text = self._run_text(run, index)
            if text:
                record["runs"].append((text, fmt))
        record["text"] = "".join(t for t, _ in record["runs"])
        for box in boxes:
            for inner in box.iter(P):
                if inner.getparent() is box or inner.getparent().tag != P:
                    self._paragraph(inner, out, "textbox")

    def _runs(self, p, boxes):
        """The runs of a paragraph in order, skipping deleted text and text-box contents (collected)."""
        stack = list(reversed(list(p)))
        while stack:
            element = stack.pop()
            tag = element.tag
            if not isinstance(tag, str) or tag in SKIP_CONTAINERS or tag == w("pPr"):
                continue
            if tag == R:
                for box in element.iter(TXBX):
                    if not any(a.tag == f"{{{MC_NS}}}Fallback" for a in box.iterancestors()):
                        boxes.append(box)
                yield element
                continue
            stack.extend(reversed(list(element)))

    def _run_text(self, run, index):
        parts = []
        for child in run:
            tag = child.tag
            if tag == T:
                parts.append(child.text or "")
            elif tag == TAB:
                parts.append("\t")
            elif tag in (BR, CR):
                parts.append("\n")
            elif tag == w("noBreakHyphen"):
                parts.append("\u2011")
            elif tag == w("sym"):
                code = child.get(w("char")) or ""
                try:
                    parts.append(chr(int(code, 16)))
                except ValueError:
                    pass
            elif tag in IMAGES or (tag == f"{{{MC_NS}}}AlternateContent"):
                self.images.append({"paragraph": index, "element": tag.split("}")[1]})
        return "".join(parts)


def nonblank(text):
    return bool(text.strip())


def all_bold(paragraph):
    pieces = [(t, f) for t, f in paragraph["runs"] if t.strip()]
    return bool(pieces) and all(f.bold for _, f in pieces)


def has_cite_run(paragraph):
    for text, fmt in paragraph["runs"]:
        if not text.strip():
            continue
        if fmt.cite_style:
            return True
        if fmt.bold and not fmt.highlight and not fmt.emphasis and (not fmt.underline or fmt.size >= 24):
            return True
    return False


def reads_as_cite_continuation(first, paragraph):
    """A short cite ("Smith 20 – professor") followed by the long one ("[Jane Smith; …; URL]")."""
    pieces = [(t, f) for t, f in paragraph["runs"] if t.strip()]
    if not pieces or any(f.underline or f.highlight or f.emphasis for _, f in pieces):
        return False
    if len(first["text"]) > 250 or re.search(r"https?://|www\.", first["text"]):
        return False
    text = paragraph["text"].strip()
    # A first paragraph that is only the short cite ("Tuck & Gaztambide-Fernandez 13.") has its long cite next.
    short_alone = all(f.cite_style or f.bold for t, f in first["runs"] if t.strip())
    return len(text) < 1500 and (short_alone or text[:1] in "[(" or bool(re.search(r"https?://|www\.|\bdoi\b|accessed", text, re.I)))


def opens_with_cite_run(paragraph):
    """A cite run ("Smith 20" in the cite style or bold) starts within its first 150 characters, as in a
    cite paragraph ("Joseph **Grosso 23**. Writings …")."""
    at = 0
    for text, fmt in paragraph["runs"]:
        if at > 150:
            return False
        if text.strip() and has_cite_run({"runs": [(text, fmt)]}):
            return True
        at += len(text)
    return False


def reads_as_note(paragraph):
    """A debater's note above a cite ("<<FOR REFERENCE>>", "AT: EMP, soot, …"): at most 300 characters,
    nothing underlined, emphasised or highlighted, no cite run. It is kept with the cite, not the card."""
    pieces = [f for t, f in paragraph["runs"] if t.strip()]
    return (len(paragraph["text"]) <= 300 and not any(f.underline or f.highlight or f.emphasis for f in pieces)
            and not has_cite_run(paragraph))


def reads_as_bare_cite(paragraph, count):
    """A cite in no cite style: a short first paragraph with bold in it (often bold and underlined,
    author and year), nothing highlighted, and the card's text after it."""
    pieces = [f for t, f in paragraph["runs"] if t.strip()]
    return (count > 1 and len(paragraph["text"]) <= 500 and any(f.bold for f in pieces)
            and not any(f.highlight for f in pieces))


SHORT_CITE = re.compile(r"^[A-Z][^\d\s]*(?:\s+[^\d\s]+){0,6}\s+['’‘]?(\d{2}|\d{4})[.:;]?$")


def runs_around(paragraph, cut):
    """The paragraph's runs before the character at `cut` (a line break) and after it."""
    before, after, position = [], [], 0
    for run_text, fmt in paragraph["runs"]:
        end = position + len(run_text)
        if end <= cut:
            before.append((run_text, fmt))
        elif position > cut:
            after.append((run_text, fmt))
        else:
            if run_text[:cut - position]:
                before.append((run_text[:cut - position], fmt))
            if run_text[cut - position + 1:]:
                after.append((run_text[cut - position + 1:], fmt))
        position = end
    return before, after


def split_tag_cite(paragraph):
    """(tag, cite line): a tag paragraph whose line after its first line break starts with a short cite —
    a capitalised name and a two- or four-digit year before any " - ", " — ", "(", "[" or "," — is a tag
    and a cite paragraph ("Tag.⏎McGranahan 19 - (Carole …)"). Otherwise (paragraph, None)."""
    text = paragraph["text"]
    stripped = text.lstrip()
    if "\n" not in stripped.strip():
        return paragraph, None
    cut = stripped.find("\n") + (len(text) - len(stripped))
    line = text[cut + 1:].strip().split("\n")[0]
    head = line
    for separator in (" - ", " — ", " – ", "(", "[", ","):
        head = head.split(separator)[0]
    if not SHORT_CITE.match(head.strip()):
        return paragraph, None
    before, after = runs_around(paragraph, cut)
    tag = dict(paragraph, runs=before, text="".join(t for t, _ in before))
    cite = dict(paragraph, runs=after, text="".join(t for t, _ in after), kind="body")
    return tag, cite


def split_at_line_break(paragraph):
    """A cite and its card in one paragraph, the card after a line break (`w:br`), is two paragraphs
    when the text after the break carries underline or highlight and the text before it does not."""
    text = paragraph["text"]
    cut = text.strip().find("\n") + (len(text) - len(text.lstrip()))
    before, after = runs_around(paragraph, cut)
    marked_after = any((f.underline or f.highlight) and t.strip() for t, f in after)
    marked_before = any((f.underline or f.highlight) and not f.bold and t.strip() for t, f in before)
    if not marked_after or marked_before or not "".join(t for t, _ in after).strip():
        return [paragraph]
    first = dict(paragraph, runs=before, text="".join(t for t, _ in before))
    second = dict(paragraph, runs=after, text="".join(t for t, _ in after))
    return [first, second]


FLAGS = (("underline", "u"), ("emphasis", "e"), ("highlight", "h"))


def runs_json(paragraph):
    """A paragraph as [[text, flags]] with adjacent runs of equal flags merged; flags ⊆ "ueh"."""
    out = []
    for text, fmt in paragraph["runs"]:
        flags = "".join(letter for attr, letter in FLAGS if getattr(fmt, attr))
        if out and out[-1][1] == flags:
            out[-1][0] += text
        else:
            out.append([text, flags])
    return out


def spans(paragraphs, letter):
    """The characters carrying one flag, in order; separate stretches joined by a space."""
    pieces, previous = [], False
    for paragraph in paragraphs:
        for text, flags in paragraph:
            if letter in flags:
                if previous:
                    pieces[-1] += text
                else:
                    pieces.append(text)
                previous = True
            else:
                previous = False
        previous = False
    return " ".join(pieces)


def read(path):
    reader = Reader(path)
    paragraphs = reader.paragraphs()
    n = len(paragraphs)

    # Fake tags: short, all-bold body paragraphs (no cite style, not underlined/highlighted)
    # followed by a paragraph with a cite run.
    def next_nonblank(i):
        j = i + 1
        while j < n and not nonblank(paragraphs[j]["text"]):
            j += 1
        return j

    for i, paragraph in enumerate(paragraphs):
        if paragraph["kind"] != "body" or not nonblank(paragraph["text"]):
            continue
        if paragraph["direct_outline"] == 3:  # formatted by hand as a level-4 heading (Word's navigation shows it)
            paragraph["kind"] = "fake-tag"
            continue
        if len(paragraph["text"]) > 400:
            continue
        pieces = [f for t, f in paragraph["runs"] if t.strip()]
        if not all_bold(paragraph) or any(f.cite_style or f.highlight for f in pieces):
            continue
        j = next_nonblank(i)
        if j < n and paragraphs[j]["kind"] == "body" and len(paragraphs[j]["text"]) <= 200 \
                and not has_cite_run(paragraphs[j]):
            j = next_nonblank(j)  # one short note line ("--AT: Toon") may sit between the tag and its cite
        if j < n and paragraphs[j]["kind"] == "body" and has_cite_run(paragraphs[j]) and not all_bold(paragraphs[j]):
            paragraph["kind"] = "fake-tag"

    headings, cards = [], []
    counts = {"tags": 0, "analytics": 0, "fake_tags": 0, "empty_tag_paragraphs": 0,
              "pockets": 0, "hats": 0, "blocks": 0, "paragraphs": n, "outline_level_4_body": 0}
    level_names = {1: "pocket", 2: "hat", 3: "block", 4: "tag"}
    current = None
    for paragraph in paragraphs:
        kind = paragraph["kind"]
        text = paragraph["text"]
        if kind == "body" and paragraph["direct_outline"] == 3:
            counts["outline_level_4_body"] += 1
        if kind in ("heading", "analytic", "fake-tag"):
            current = None
            if kind == "heading" and paragraph["level"] != 4:
                name = level_names[paragraph["level"]]
                counts[name + "s"] += 1
                headings.append({"paragraph": paragraph["index"], "level": paragraph["level"], "kind": name,
                                 "text": text})
                continue
            if not nonblank(text):
                if kind == "heading":
                    counts["empty_tag_paragraphs"] += 1
                continue
            card_kind = {"heading": "tag", "analytic": "analytic", "fake-tag": "fake-tag"}[kind]
            counts[{"tag": "tags", "analytic": "analytics", "fake-tag": "fake_tags"}[card_kind]] += 1
            # A cite written into the tag paragraph after a line break is the card's first body paragraph.
            tag_part, cite_line = split_tag_cite(paragraph) if card_kind != "fake-tag" else (paragraph, None)
            current = {"paragraph": paragraph["index"], "kind": card_kind, "style": paragraph["style_name"],
                       "tag": tag_part["text"], "body": [cite_line] if cite_line else []}
            cards.append(current)
            headings.append({"paragraph": paragraph["index"], "level": 4, "kind": card_kind, "text": text})
        elif current is not None:
            current["body"].append(paragraph)

    out_cards = []
    for card in cards:
        body = [p for p in card["body"] if nonblank(p["text"])]
        # The cite paragraph: the first body paragraph, or the one after a note or two (see the header).
        at = 0 if body and (has_cite_run(body[0]) or reads_as_bare_cite(body[0], len(body))) else next(
            (k for k in (1, 2) if k < len(body) and opens_with_cite_run(body[k])
             and all(reads_as_note(p) for p in body[:k])), None)
        if at is not None and at < len(body) and "\n" in body[at]["text"].strip():
            body[at:at + 1] = split_at_line_break(body[at])
        cite = []
        if at is not None and at < len(body):
            cite = body[:at + 1]
            if len(body) > at + 2 and reads_as_cite_continuation(body[at], body[at + 1]):
                cite.append(body[at + 1])
        evidence = body[len(cite):]
        ev_runs = [runs_json(p) for p in evidence]
        out_cards.append({
            "paragraph": card["paragraph"], "kind": card["kind"], "style": card["style"], "tag": card["tag"],
            "body_paragraphs": [p["index"] for p in body],
            "cite": [p["text"] for p in cite],
            "cite_paragraphs": [p["index"] for p in cite],
            "evidence": [p["text"] for p in evidence],
            "evidence_paragraphs": [p["index"] for p in evidence],
            "evidence_runs": ev_runs,
            "body_runs": [runs_json(p) for p in body],
            "evidence_where": sorted({p["where"] for p in evidence}),
            "highlighted": spans(ev_runs, "h"),
            "underlined": spans(ev_runs, "u"),
            "emphasised": spans(ev_runs, "e"),
        })
    # Body paragraphs that belong to no card (text under a block before its first tag, …).
    in_cards = {i for c in out_cards for i in c["body_paragraphs"]}
    loose = [{"paragraph": p["index"], "text": p["text"][:120]} for p in paragraphs
             if p["kind"] == "body" and nonblank(p["text"]) and p["index"] not in in_cards]
    colors = {}
    for p in paragraphs:
        for _, fmt in p["runs"]:
            if fmt.highlight:
                key = fmt.highlight_color or "shading"
                colors[key] = colors.get(key, 0) + 1
    return {
        "file": os.path.basename(path),
        "counts": counts,
        "headings": headings,
        "cards": out_cards,
        "loose_paragraphs": loose,
        "images": reader.images,
        "highlight_runs_by_color": dict(sorted(colors.items())),
    }


def expand(arguments):
    files = []
    for argument in arguments:
        if os.path.isdir(argument):
            files.extend(os.path.join(argument, name) for name in sorted(os.listdir(argument))
                         if name.lower().endswith(".docx") and not name.startswith("~$"))
        else:
            files.append(argument)
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help=".docx files or folders of them")
    parser.add_argument("-o", "--output", help="write the JSON here (default: standard output)")
    parser.add_argument("--summary", action="store_true", help="print one line of counts per file instead of JSON")
    args = parser.parse_args(argv)
    documents = []
    status = 0
    for path in expand(args.paths):
        try:
            documents.append(read(path))
        except Exception as error:  # a broken file is reported, the others still read
            sys.stderr.write(f"{path}: cannot read: {error}\n")
            status = 65
    if args.summary:
        for d in documents:
            c = d["counts"]
            print(f"{d['file']}\ttags={c['tags']}\tanalytics={c['analytics']}\tfake_tags={c['fake_tags']}"
                  f"\tempty_tags={c['empty_tag_paragraphs']}\tpockets={c['pockets']}\thats={c['hats']}"
                  f"\tblocks={c['blocks']}\tloose={len(d['loose_paragraphs'])}\timages={len(d['images'])}")
    else:
        text = json.dumps({"documents": documents}, ensure_ascii=False, indent=1)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        else:
            print(text)
    return status


if __name__ == "__main__":
    sys.exit(main())
