"""Holds a pack written by `debate import verbatim` against the Word files it came from.

    python check_verbatim_import.py --pack modules/NAME FILE.docx|FOLDER... [--json OUT.json] [--quiet]

The documents are read by the independent reader in verbatim_reference.py (python-docx); the pack's
claim files are read as YAML with every scalar kept a string. For each document it finds the claim
file that holds its tags, lines the document's tags up with the claims in order and measures:

- tags: tag and analytic paragraphs (see verbatim_reference.py) whose text is a claim's tag, in
  order, ÷ all of them. Whitespace runs count as one space; nothing else is forgiven.
- evidence text: cards (tags with text under them) whose evidence paragraphs are the document's,
  after the cite paragraph(s). Each paragraph is compared with its leading and trailing whitespace
  removed, empty paragraphs dropped; inside a paragraph every character counts. "Card text" is the
  looser check that the cite paragraphs and the evidence together are the text under the tag, in
  order (the two differ only where importer and reader split the cite from the evidence differently).
- highlighted / underlined characters: the document's evidence characters (not counting whitespace)
  that carry the mark, lined up with the imported evidence (difflib), against the imported ones that
  do. "Identical" = characters marked on both sides ÷ characters marked on either side.
  In our markup `==…==` is highlight, `__…__` underline and `**…**` emphasis, which Word shows
  underlined too (the .docx we write puts it in Verbatim's Emphasis style), so it counts as underlined.
- text under a tag that the import keeps as a plain `warrant:` (no evidence, no cite) counts as
  identical when it is the document's text word for word and the document marks none of it.
- fake tags (short all-bold paragraphs before a cite) and text outside any card are listed, not scored.

Every miss is listed with the file, the tag's paragraph number (0-based, tables and text boxes in
reading order), the tag and why. Output: a table on standard output (--quiet: totals only), and
the whole measurement as JSON with --json. Exit status 0 when the goals of issue 10 are met
(≥ 99 % of tags, ≥ 99.5 % of highlighted characters identical), 1 when not, 65 on unreadable input.
"""

import argparse
import difflib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verbatim_reference  # noqa: E402  (the independent reader, next to this file)

try:
    import yaml
except ImportError as error:
    sys.stderr.write(f"check_verbatim_import.py needs PyYAML ({error}); "
                     f"run `bash Tests/test.sh`, which installs Tests/requirements.txt into .venv\n")
    sys.exit(69)

GOAL_TAGS = 0.99
GOAL_HIGHLIGHT = 0.995
WS = re.compile(r"\s+")
MARKERS = re.compile(r"__|\*\*|==|\\(?=.)")


def norm_tag(text):
    return WS.sub(" ", text or "").strip()


# ── Our markup ────────────────────────────────────────────────────────────────────────────────────
def parse_markup(markup):
    """Evidence markup → ([(char, flags)], problems). Flags ⊆ {'u','e','h'}.

    `__` underline, `**` emphasis, `==` highlight toggle spans; a backslash keeps the next ASCII
    character as itself and is dropped before any other character. Trailing whitespace is not part
    of the quotation (as when a pack is loaded)."""
    markup = (markup or "").rstrip()
    marks = {"_": "u", "*": "e", "=": "h"}
    out, open_spans, problems = [], [], []
    current = frozenset()
    i, n = 0, len(markup)
    while i < n:
        c = markup[i]
        if c == "\\" and i + 1 < n:
            if ord(markup[i + 1]) < 0x80:
                out.append((markup[i + 1], current))
                i += 2
            else:
                i += 1
            continue
        if c in marks and i + 1 < n and markup[i + 1] == c:
            flag = marks[c]
            if flag in open_spans:
                if open_spans[-1] != flag:
                    problems.append(f"`{c * 2}` at {i} closes across another span")
                open_spans.remove(flag)
            else:
                open_spans.append(flag)
            current = frozenset(open_spans)
            i += 2
            continue
        out.append((c, current))
        i += 1
    if open_spans:
        problems.append("unclosed span(s): " + ", ".join(open_spans))
    return out, problems


def split_paragraphs(chars):
    """[(char, flags)] → paragraphs at blank lines ("\\n\\n"), each stripped, empty ones dropped."""
    paragraphs, current, i = [], [], 0
    while i < len(chars):
        if chars[i][0] == "\n" and i + 1 < len(chars) and chars[i + 1][0] == "\n":
            paragraphs.append(current)
            current = []
            while i < len(chars) and chars[i][0] == "\n":
                i += 1
            continue
        current.append(chars[i])
        i += 1
    paragraphs.append(current)
    return [p for p in (strip(p) for p in paragraphs) if p]


def strip(chars):
    start, end = 0, len(chars)
    while start < end and chars[start][0].isspace():
        start += 1
    while end > start and chars[end - 1][0].isspace():
        end -= 1
    return chars[start:end]


def doc_paragraph_chars(runs):
    chars = []
    for text, flags in runs:
        fs = frozenset(flags)
        chars.extend((c, fs) for c in text)
    return strip(chars)


def join_paragraphs(paragraphs):
    out = []
    for p in paragraphs:
        if out:
            out.extend((("\n", frozenset()), ("\n", frozenset())))
        out.extend(p)
    return out


def text_of(paragraphs):
    return ["".join(c for c, _ in p) for p in paragraphs]


# ── The pack ──────────────────────────────────────────────────────────────────────────────────────
def load_pack(folder):
    """{claim file name: [claim dict]} for every YAML file of the pack but module.yaml."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if not name.endswith((".yaml", ".yml")) or name in ("module.yaml", "module.yml"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as handle:
                # Every scalar a string: no YAML 1.1 surprises ("no" → False). libyaml's loader when there.
                data = yaml.load(handle, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
            claims = data.get("claims", []) if isinstance(data, dict) else []
            files[os.path.relpath(path, folder)] = [c for c in claims if isinstance(c, dict)]
    return files


def claim_cite_paragraphs(claim):
    cite = claim.get("cite")
    if isinstance(cite, dict):
        text = cite.get("text")
        if text:
            return [p.strip() for p in str(text).split("\n") if p.strip()]
        return []
    if isinstance(cite, str) and cite.strip():
        return [cite.strip()]
    return []


# ── Lining documents up with claims ───────────────────────────────────────────────────────────────
def align_tags(ref_tags, claim_tags):
    """Pairs (ref index, claim index) of equal normalized tags, in order (longest common subsequence
    by difflib's matching blocks, then equal tags left in the gaps matched in order)."""
    matcher = difflib.SequenceMatcher(None, ref_tags, claim_tags, autojunk=False)
    pairs = []
    last_a = last_b = 0
    for block in matcher.get_matching_blocks():
        # gap before this block: try in-order equal matches (difflib skips repeated items sometimes)
        b = last_b
        for a in range(last_a, block.a):
            for bb in range(b, block.b):
                if ref_tags[a] == claim_tags[bb]:
                    pairs.append((a, bb))
                    b = bb + 1
                    break
        pairs.extend((block.a + k, block.b + k) for k in range(block.size))
        last_a, last_b = block.a + block.size, block.b + block.size
    return sorted(pairs)


def describe_difference(expected, got, what):
    """'what differs at character N: document «…» vs import «…»' for two strings."""
    if expected == got:
        return None
    prefix = 0
    for x, y in zip(expected, got):
        if x != y:
            break
        prefix += 1
    start = max(0, prefix - 30)
    if WS.sub(" ", expected).strip() == WS.sub(" ", got).strip():
        kind = " (whitespace only)"
    else:
        kind = ""
    here = f" ({expected[prefix:prefix + 1]!r} vs {got[prefix:prefix + 1]!r})"
    return (f"{what} differs{kind} at character {prefix} of {len(expected)}{here}: document «{expected[start:prefix + 40]}» "
            f"vs import «{got[start:prefix + 40]}» (import has {len(got)})")


MARKS = (("highlight", "h", frozenset()), ("underline", "u", frozenset("e")), ("emphasis", "e", frozenset()))


def mark_counts(doc_pars, imp_pars):
    """Compares the marks of document and import evidence, lined up character by character (difflib
    when the texts differ). For each mark: [document marked, import marked, marked on both, marked on
    either] (whitespace not counted) and up to three examples of stretches marked on one side only."""
    doc = [x for p in doc_pars for x in p + [("\n", frozenset())]]
    imp = [x for p in imp_pars for x in p + [("\n", frozenset())]]
    doc_text = "".join(c for c, _ in doc)
    imp_text = "".join(c for c, _ in imp)
    if doc_text == imp_text:
        blocks = [(0, 0, len(doc_text))]
    else:
        blocks = difflib.SequenceMatcher(None, doc_text, imp_text, autojunk=False).get_matching_blocks()
    out = {}
    for name, flag, implied in MARKS:
        def marked(flags):
            return flag in flags or bool(implied & flags)
        d_total = sum(1 for c, f in doc if not c.isspace() and marked(f))
        i_total = sum(1 for c, f in imp if not c.isspace() and marked(f))
        both, disagreements = 0, []
        for a, b, size in blocks:
            run_start = None
            for k in range(size):
                dc, df = doc[a + k]
                dm, im = marked(df), marked(imp[b + k][1])
                if dm and im and not dc.isspace():
                    both += 1
                differs = dm != im and not dc.isspace()
                if differs and run_start is None:
                    run_start = k
                if run_start is not None and (not differs or k == size - 1):
                    end = k + 1 if differs else k
                    if len(disagreements) < 3:
                        side = "document only" if marked(doc[a + run_start][1]) else "import only"
                        disagreements.append(f"«{doc_text[a + run_start:a + end][:60]}» marked in {side}")
                    run_start = None
        out[name] = ([d_total, i_total, both, d_total + i_total - both], disagreements)
    return out


def check_document(ref, pack_files, used):
    """Measures one document against the claim file that best matches it."""
    cards = [c for c in ref["cards"] if c["kind"] in ("tag", "analytic")]
    fakes = [c for c in ref["cards"] if c["kind"] == "fake-tag"]
    ref_tags = [norm_tag(c["tag"]) for c in cards]
    wanted = set(ref_tags) | {norm_tag(c["tag"]) for c in fakes}
    best, best_score = None, -1
    for name, claims in pack_files.items():
        if name in used:
            continue
        score = sum(1 for c in claims if norm_tag(c.get("tag")) in wanted)
        stem = os.path.splitext(os.path.basename(name))[0].lower()
        if stem and stem in os.path.splitext(ref["file"])[0].lower():
            score += 0.5  # a tie goes to the file named after the document
        if score > best_score:
            best, best_score = name, score
    claims = pack_files.get(best, []) if best is not None else []
    if best is not None and best_score > 0:
        used.add(best)
    else:
        claims, best = [], None
    claim_tags = [norm_tag(c.get("tag")) for c in claims]

    # Tags: real tags and analytics first, then fake tags among the claims left.
    pairs = dict(align_tags(ref_tags, claim_tags))
    taken = set(pairs.values())
    misses = []
    result = {"file": ref["file"], "claim_file": best, "claims": len(claims),
              "tag_paragraphs": len(cards), "tags_found": len(pairs),
              "analytics": sum(1 for c in cards if c["kind"] == "analytic"),
              "fake_tags": len(fakes), "fake_tags_found": 0,
              "cards": 0, "evidence_identical": 0, "card_text_identical": 0, "cite_split_differs": 0, "kept_as_warrant": 0,
              "highlight": [0, 0, 0, 0], "underline": [0, 0, 0, 0], "emphasis": [0, 0, 0, 0],
              "loose_paragraphs": len(ref["loose_paragraphs"]), "loose_found": 0, "misses": []}
    fake_tags_free = [j for j in range(len(claims)) if j not in taken]
    for fake in fakes:
        t = norm_tag(fake["tag"])
        hit = next((j for j in fake_tags_free if claim_tags[j] == t), None)
        if hit is not None:
            result["fake_tags_found"] += 1
            fake_tags_free.remove(hit)

    def miss(card, kind, why):
        misses.append({"file": ref["file"], "paragraph": card["paragraph"], "tag": card["tag"][:120],
                       "kind": kind, "why": why})

    for i, card in enumerate(cards):
        j = pairs.get(i)
        if j is None:
            near = difflib.get_close_matches(ref_tags[i], claim_tags, n=1, cutoff=0.8)
            containing = [t for t in claim_tags if ref_tags[i] and ref_tags[i] in t and t != ref_tags[i]]
            if near:
                why = describe_difference(ref_tags[i], near[0], "the closest claim's tag")
            elif containing:
                why = f"only inside a longer tag: «{containing[0][:160]}»"
            else:
                why = "no claim has this tag"
            miss(card, f"{card['kind']}-missing", why)
            continue
        claim = claims[j]
        has_body = bool(card["body_paragraphs"])
        evidence_markup = claim.get("evidence")
        if not has_body:
            if evidence_markup and str(evidence_markup).strip():
                miss(card, "analytic-has-evidence",
                     f"the document has no text under this tag, the claim has evidence «{str(evidence_markup)[:80]}»")
            continue
        result["cards"] += 1
        chars, problems = parse_markup(str(evidence_markup) if evidence_markup is not None else "")
        if problems:
            miss(card, "markup", "; ".join(problems))
        imp_pars = split_paragraphs(chars)
        imp_text = text_of(imp_pars)
        imp_cite = claim_cite_paragraphs(claim)
        body_pars = [doc_paragraph_chars(r) for r in card["body_runs"]]
        body_text = ["".join(c for c, _ in p) for p in body_pars]
        k_ref = len(card["cite"])

        def lines(paragraphs):  # a cite's lines: a line break inside a cite paragraph is a new line
            return [x.strip() for p in paragraphs for x in p.split("\n") if x.strip()]

        def evidence_from(k):  # the document's paragraphs from k on, split at blank lines like the markup
            return split_paragraphs(join_paragraphs(body_pars[k:]))

        # The split the import made, if its cite is the document's first paragraphs; else the reader's.
        k_imp = next((k for k in range(1, len(body_pars) + 1) if lines(body_text[:k]) == imp_cite), None) \
            if imp_cite else 0
        card_text_same = k_imp is not None and text_of(evidence_from(k_imp)) == imp_text
        warrant = str(claim.get("warrant") or "")
        if not imp_text and not imp_cite and warrant.strip():
            # No evidence: the text under the tag may be kept as a plain warrant. That keeps it word for
            # word when the document marks none of it; marked text loses its marks (a miss below).
            warrant_pars = [x.strip() for x in re.split(r"\n\s*\n", warrant) if x.strip()]
            unmarked = not any(f for p in body_pars for _, f in p)
            if warrant_pars == text_of(split_paragraphs(join_paragraphs(body_pars))) and unmarked:
                result["kept_as_warrant"] += 1
                result["card_text_identical"] += 1
                result["evidence_identical"] += 1
                continue
        if card_text_same:
            result["card_text_identical"] += 1
        evidence_same = text_of(evidence_from(k_ref)) == imp_text
        if evidence_same:
            result["evidence_identical"] += 1
        # The document's evidence: after the import's cite when that is the document's first paragraph(s),
        # else after the reader's (an import that found no cite is measured against the reader's split).
        k = k_imp if k_imp else k_ref
        doc_ev = evidence_from(k)
        if evidence_same and not card_text_same:
            doc_cite = "\n".join(lines(body_text[:k_ref]))
            why = describe_difference(doc_cite, "\n".join(imp_cite), "cite text") or "cite text differs"
            miss(card, "cite-text", why)
        if card_text_same and k_imp != k_ref:
            result["cite_split_differs"] += 1
            miss(card, "cite-split",
                 f"the importer took {k_imp} paragraph(s) as the cite, the reader {k_ref}: "
                 f"«{' / '.join(x[:70] for x in body_text[:max(k_imp, k_ref)])}»")
        elif not evidence_same:
            doc_join, imp_join = "\n\n".join(text_of(doc_ev)), "\n\n".join(imp_text)
            why = describe_difference(doc_join, imp_join, "evidence text") or "evidence text differs"
            if not imp_text and warrant.strip():
                why += (f"; the import has no evidence but a plain `warrant:` of {len(warrant)} characters "
                        f"(the card's underline and highlight are lost)")
            if k_imp is None:
                why += (f"; the import's cite «{' / '.join(imp_cite)[:100]}» is not the document's first "
                        f"paragraph(s) «{' / '.join(body_text[:max(k_ref, 1)])[:100]}»")
            miss(card, "evidence-text", why)
        for name, (counts, disagreements) in mark_counts(doc_ev, imp_pars).items():
            for slot, value in enumerate(counts):
                result[name][slot] += value
            both, either = counts[2], counts[3]
            if both != either and name != "emphasis":
                miss(card, f"{name}-chars",
                     f"{either - both} of {either} {name} characters differ: " + "; ".join(disagreements))

    # Tag-paragraph cards never matched lose their whole highlight.
    for i, card in enumerate(cards):
        if i in pairs or not card["body_paragraphs"]:
            continue
        doc_ev = [p for p in (doc_paragraph_chars(r) for r in card["evidence_runs"]) if p]
        for name, (counts, _) in mark_counts(doc_ev, []).items():
            result[name][0] += counts[0]
            result[name][3] += counts[0]
    result["misses"] = misses
    return result


def pack_text(pack_files):
    pieces = []
    for claims in pack_files.values():
        for claim in claims:
            pieces.append(json.dumps(claim, ensure_ascii=False))
            pieces.append(MARKERS.sub("", str(claim.get("evidence") or "")))
    return WS.sub(" ", " ".join(pieces))


def ratio(part, whole):
    return part / whole if whole else 1.0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="the .docx files (or folders of them) that were imported")
    parser.add_argument("--pack", required=True, help="the pack folder the import wrote (modules/NAME)")
    parser.add_argument("--json", help="write the whole measurement here as JSON ('-' for standard output)")
    parser.add_argument("--quiet", action="store_true", help="print the totals only")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.pack):
        sys.stderr.write(f"check_verbatim_import.py: no pack folder {args.pack}\n")
        return 66
    try:
        pack_files = load_pack(args.pack)
    except (OSError, yaml.YAMLError) as error:
        sys.stderr.write(f"check_verbatim_import.py: cannot read the pack {args.pack}: {error}\n")
        return 65
    files = verbatim_reference.expand(args.paths)
    if not files:
        sys.stderr.write("check_verbatim_import.py: no .docx files given\n")
        return 66
    used, results = set(), []
    # Larger documents first: they claim their file before a small one with a few shared tags could.
    references = []
    for path in files:
        try:
            references.append(verbatim_reference.read(path))
        except Exception as error:
            sys.stderr.write(f"{path}: the reference reader cannot read it: {error}\n")
            return 65
    order = sorted(range(len(references)), key=lambda i: -len(references[i]["cards"]))
    by_index = {}
    for i in order:
        by_index[i] = check_document(references[i], pack_files, used)
    results = [by_index[i] for i in range(len(references))]
    everything = pack_text(pack_files)
    for ref, result in zip(references, results):
        for loose in ref["loose_paragraphs"]:
            if WS.sub(" ", loose["text"]).strip()[:60] in everything:
                result["loose_found"] += 1

    total = {key: sum(r[key] for r in results) for key in
             ("tag_paragraphs", "tags_found", "analytics", "fake_tags", "fake_tags_found", "cards", "kept_as_warrant",
              "evidence_identical", "card_text_identical", "cite_split_differs", "loose_paragraphs", "loose_found")}
    for name in ("highlight", "underline", "emphasis"):
        total[name] = [sum(r[name][k] for r in results) for k in range(4)]
    measures = {
        "tags": ratio(total["tags_found"], total["tag_paragraphs"]),
        "evidence_identical": ratio(total["evidence_identical"], total["cards"]),
        "card_text_identical": ratio(total["card_text_identical"], total["cards"]),
        "highlight_identical": ratio(total["highlight"][2], total["highlight"][3]),
        "underline_identical": ratio(total["underline"][2], total["underline"][3]),
        "emphasis_identical": ratio(total["emphasis"][2], total["emphasis"][3]),
    }
    goals = {"tags": measures["tags"] >= GOAL_TAGS, "highlight": measures["highlight_identical"] >= GOAL_HIGHLIGHT}
    misses = [m for r in results for m in r["misses"]]
    report = {"documents": results, "total": total, "measures": measures, "goals_met": goals,
              "goals": {"tags": GOAL_TAGS, "highlight": GOAL_HIGHLIGHT},
              "unmatched_claim_files": sorted(set(pack_files) - used), "misses": misses}

    def pct(x):
        return f"{100 * x:.2f}%"

    if not args.quiet:
        fmt = "{:<46} {:>9} {:>6} {:>11} {:>11} {:>13} {:>13}"
        print(fmt.format("file", "tags", "%", "evidence =", "card text =", "highlight =", "underline ="))
        for r in results:
            h, u = r["highlight"], r["underline"]
            print(fmt.format(r["file"][-46:], f"{r['tags_found']}/{r['tag_paragraphs']}",
                             f"{100 * ratio(r['tags_found'], r['tag_paragraphs']):.1f}",
                             f"{r['evidence_identical']}/{r['cards']}", f"{r['card_text_identical']}/{r['cards']}",
                             f"{100 * ratio(h[2], h[3]):.2f}% of {h[3]}", f"{100 * ratio(u[2], u[3]):.2f}% of {u[3]}"))
        print()
        by_kind = {}
        for m in misses:
            by_kind[m["kind"]] = by_kind.get(m["kind"], 0) + 1
        print("misses by kind: " + (", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())) or "none"))
        for m in misses:
            print(f"  {m['file']} ¶{m['paragraph']} [{m['kind']}] «{m['tag'][:70]}»: {m['why']}")
        print()
    print(f"tags found: {total['tags_found']}/{total['tag_paragraphs']} = {pct(measures['tags'])} "
          f"(goal ≥ {pct(GOAL_TAGS)}; analytics among them: {total['analytics']})")
    print(f"evidence identical: {total['evidence_identical']}/{total['cards']} cards = {pct(measures['evidence_identical'])}; "
          f"cite + evidence identical: {total['card_text_identical']} = {pct(measures['card_text_identical'])}; "
          f"cite split differently: {total['cite_split_differs']}; "
          f"unmarked text kept word for word as a plain warrant (counted identical): {total['kept_as_warrant']}")
    for name in ("highlight", "underline", "emphasis"):
        d, i, both, either = total[name]
        print(f"{ {'highlight': 'highlighted', 'underline': 'underlined', 'emphasis': 'emphasised'}[name]} characters identical: {both}/{either} = {pct(measures[name + '_identical'])} "
              f"(document {d}, import {i}, non-whitespace)" + (f" (goal ≥ {pct(GOAL_HIGHLIGHT)})" if name == "highlight" else ""))
    print(f"fake tags (not scored): {total['fake_tags_found']}/{total['fake_tags']} became claims; "
          f"text outside any card: {total['loose_found']}/{total['loose_paragraphs']} paragraphs found in the pack")
    if report["unmatched_claim_files"]:
        print("claim files matching no document: " + ", ".join(report["unmatched_claim_files"]))
    print("goals met" if all(goals.values()) else "goals NOT met: " + ", ".join(k for k, v in goals.items() if not v))
    if args.json:
        text = json.dumps(report, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
    return 0 if all(goals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
