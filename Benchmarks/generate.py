#!/usr/bin/env python3
"""Deterministic generator of evidence libraries in `debate`'s pack format, for benchmarks.

    python3 Benchmarks/generate.py --cards N --files M --out DIR [--seed S] [--check]

writes
    DIR/pack/module.yaml            the pack's manifest (id `bench`, kind pack, one example)
    DIR/pack/claims-0001.yaml ...   N claims split over M files, ids bench.c000001 ...
    DIR/deck.yaml                   an affirmative deck over the pack: one block per topic tag
                                    (so every pro card lands in exactly one block) and an A2 hat
                                    (one block per con claim, holding our answers to it)

and prints the total bytes written. Same arguments, same bytes: all randomness comes from
`random.Random(seed)` and nothing depends on the clock, the environment or dict order.

Every claim is a card (cite + evidence). Sides alternate pro/con. About a quarter of the claims are
counterclaims: `answers:` names an earlier claim of the other side, `response:` one of the
kebab-case response kinds, and no target ever gets both a `link-turn` and an `impact-turn`.
Evidence is a `|` literal of 3-5 lines, 60-90 words, with nested `__underline__`, `**emphasis**`
and `==highlight==` spans, all properly nested and closed.

`--check` re-reads what was written and verifies: unique ids, every `answers:` resolves to an
earlier claim of the other side, every `response:` is a known kind, no double turns, every
evidence span nested and closed (with the same rules as DebateCore's EvidenceParser), tag lengths,
and that every pro claim matches exactly one block of the deck. When PyYAML is importable it also
loads every file and compares the result with the in-memory model (which catches quoting mistakes);
without it that part is skipped. The generator itself uses only the standard library.
"""

import argparse
import os
import random
import re
import sys

# ── Fixed vocabularies ────────────────────────────────────────────────────────────────────────────

# Topic tags: every claim carries exactly one; the deck has one block per topic.
TOPICS = ["sanctions", "diplomacy", "security", "economy", "human-rights", "energy", "trade", "migration"]
# Further tags: each claim carries 1-3 of these besides its topic.
FLAVORS = ["uniqueness", "link", "impact", "solvency", "precedent", "framework", "timeframe", "credibility"]

RESPONSES = ["no-link", "link-turn", "impact-turn", "non-unique", "mitigation", "permutation",
             "counterexample", "double-standard", "concession"]

WORDS = """
    minsk washington moscow brussels warsaw vilnius kyiv europe alliance embassy envoy treaty
    regime opposition sanctions tariffs potash fertilizer refinery pipeline grain border transit
    balcony corridor airspace troops exercise missiles deterrence escalation negotiation dialogue
    engagement isolation pressure leverage concession incentive reform prisoners release amnesty
    elections protest crackdown journalists civil society diaspora migrants smuggling checkpoint
    investment market exports imports currency inflation growth loans debt budget subsidy
    sovereignty neutrality alignment hedging balance influence dependence partner rival adversary
    policy strategy doctrine analysts officials diplomats ministers president parliament agency
    report study survey data record history precedent outcome evidence pattern trend signal
    risk cost benefit gain loss harm threat chance choice option approach framework standard
    values norms rights law order stability security crisis conflict peace war ceasefire
    western eastern regional global bilateral multilateral economic political military strategic
    modest gradual sudden lasting durable fragile credible limited broad narrow direct indirect
    would could should might must cannot never rarely often always already still again
    open close restore expand reduce weaken strengthen secure protect reward punish offer
    accept reject demand require allow prevent enable sustain undermine signal shift test
""".split()

FIRST_NAMES = ["Anna", "Pavel", "Maria", "Jonas", "Elena", "Tomas", "Olga", "Peter", "Irina", "David",
               "Katarzyna", "Andrei", "Laura", "Mikhail", "Sofia", "James", "Ruth", "Viktor"]
LAST_NAMES = ["Kowalski", "Ivanova", "Novak", "Petrauskas", "Miller", "Schmidt", "Sokolov", "Brennan",
              "Horvath", "Lindqvist", "O'Neill", "Dubois", "Kuznetsova", "Walsh", "Marin", "Varga"]
QUALIFICATIONS = ["senior fellow at a foreign policy institute", "professor of international relations",
                  "former ambassador to the region", "economist and sanctions researcher",
                  "director of a Eurasia program", "journalist covering Eastern Europe",
                  "retired defense official", "research analyst, security studies"]
PUBLICATIONS = ["Foreign Policy Review", "Eastern Europe Quarterly", "The Strategic Journal",
                "Responsible Statecraft", "Policy Analysis Brief", "The Regional Monitor",
                "Journal of Sanctions Studies", "Security Affairs Weekly"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# ── YAML scalars ──────────────────────────────────────────────────────────────────────────────────

_PLAIN_SAFE = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.'’()—-]*$")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def yaml_str(value):
    """A YAML scalar for `value`: plain when that is unambiguous, else double-quoted."""
    if value is None:
        return "null"
    if (_PLAIN_SAFE.match(value) and not value.endswith(" ") and value.lower() not in _RESERVED
            and ": " not in value and " #" not in value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped + '"'


def folded(value, indent, width=92):
    """`>-` folded block of `value` (no leading/trailing spaces, single spaces between words)."""
    lines, line = [], ""
    for word in value.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    lines.append(line)
    pad = " " * indent
    return ">-\n" + "\n".join(pad + l for l in lines)


# ── Content ───────────────────────────────────────────────────────────────────────────────────────

def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return words


def make_tag(rng):
    words = sentence(rng, 8, 16)
    roll = rng.random()
    if roll < 0.15:  # needs quoting in YAML
        cut = rng.randint(2, len(words) - 3)
        words[cut] += ":"
    elif roll < 0.30:  # an em dash, as real tags have
        cut = rng.randint(2, len(words) - 3)
        words.insert(cut + 1, "—")
    text = " ".join(words)
    return text


def make_warrant(rng):
    parts = [" ".join(sentence(rng, 10, 22)) + "."]
    if rng.random() < 0.6:
        parts.append(" ".join(sentence(rng, 8, 18)) + ".")
    return " ".join(parts)


def make_cite(rng, index):
    author = None
    if rng.random() < 0.85:
        author = rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_NAMES)
        if rng.random() < 0.1:
            author += " and " + rng.choice(FIRST_NAMES) + " " + rng.choice(LAST_NAMES)
    year = rng.randint(2015, 2025)
    roll = rng.random()
    if roll < 0.4:
        date = "%d" % year
    elif roll < 0.8:
        date = "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
    else:
        date = "%s %d" % (rng.choice(MONTHS), year)
    title = None
    if rng.random() < 0.9:
        title = " ".join(w.capitalize() for w in sentence(rng, 4, 9))
        if rng.random() < 0.2:
            title = title.replace(" ", ": ", 1)
    publication = rng.choice(PUBLICATIONS)
    slug = publication.lower().replace(" ", "")
    url = "https://%s.example.org/%d/article-%06d" % (slug, year, index)
    return {"author": author, "qualifications": rng.choice(QUALIFICATIONS), "date": date,
            "title": title, "publication": publication, "url": url}


OPEN = {"u": "__", "e": "**", "h": "=="}


def _spans(rng, lo, hi, styles, depth, out):
    """Adds (start, end, style) word intervals inside [lo, hi), disjoint at this level, nested below."""
    if hi - lo < 1 or not styles:
        return
    if depth == 0:
        count = rng.choice([1, 1, 2])
    else:
        count = rng.choice([0, 1, 1, 2, 3]) if depth == 1 else rng.choice([0, 0, 1])
    length = hi - lo
    cuts = sorted(rng.sample(range(lo, hi + 1), min(2 * count, length + 1)))
    for a, b in zip(cuts[0::2], cuts[1::2]):
        if b <= a:
            continue
        if depth == 0:
            style = "u" if rng.random() < 0.85 else rng.choice(["h", "e"])
        else:
            weights = [s for s in styles for _ in range(3 if s == "h" else 1)]
            style = rng.choice(weights)
        out.append((a, b, style))
        _spans(rng, a, b, [s for s in styles if s != style], depth + 1, out)


def make_evidence(rng):
    """A 3-5 line markup body of 60-90 words with properly nested, closed spans."""
    n = rng.randint(60, 90)
    words = []
    sentence_left = 0
    for i in range(n):
        word = rng.choice(WORDS)
        if sentence_left == 0:
            word = word.capitalize()
            sentence_left = rng.randint(8, 20)
        sentence_left -= 1
        if sentence_left == 0 or i == n - 1:
            word += "."
        elif rng.random() < 0.06:
            word += ","
        words.append(word)
    spans = []
    _spans(rng, 0, n, ["u", "e", "h"], 0, spans)
    # Outer spans first at equal starts; inner spans first at equal ends: nesting order.
    # `spans` lists every parent before its children, so the list order breaks ties of equal bounds.
    opens = {}
    closes = {}
    for order, (a, b, style) in enumerate(spans):
        opens.setdefault(a, []).append((-b, order, style))       # longer (outer) first
        closes.setdefault(b - 1, []).append((-a, -order, style))  # shorter (inner) first
    marked = []
    for i, word in enumerate(words):
        prefix = "".join(OPEN[s] for _, _, s in sorted(opens.get(i, [])))
        suffix = "".join(OPEN[s] for _, _, s in sorted(closes.get(i, [])))
        marked.append(prefix + word + suffix)
    lines_count = rng.randint(3, 5)
    per_line = [n // lines_count + (1 if k < n % lines_count else 0) for k in range(lines_count)]
    lines, at = [], 0
    for count in per_line:
        lines.append(" ".join(marked[at:at + count]))
        at += count
    return "\n".join(lines) + "\n"


def generate_claims(rng, cards):
    """The N claims as dicts, in id order."""
    claims = []
    by_side = {"pro": [], "con": []}  # indexes of earlier claims per side
    turns = {}  # target id -> the turn kind used on it
    for i in range(cards):
        side = "pro" if i % 2 == 0 else "con"
        other = "con" if side == "pro" else "pro"
        cid = "bench.c%06d" % (i + 1)
        topic = TOPICS[rng.randrange(len(TOPICS))]
        tags = [topic] + rng.sample(FLAVORS, rng.randint(1, 3))
        claim = {"id": cid, "side": side, "tag": make_tag(rng), "tags": tags,
                 "warrant": make_warrant(rng), "cite": make_cite(rng, i + 1),
                 "evidence": make_evidence(rng), "answers": None, "response": None}
        if by_side[other] and rng.random() < 0.25:
            # Mostly recent claims (as A2 files answer nearby cards), sometimes anything earlier.
            pool = by_side[other]
            j = pool[-rng.randint(1, min(len(pool), 50))] if rng.random() < 0.7 else rng.choice(pool)
            target = claims[j]["id"]
            response = rng.choice(RESPONSES)
            if response in ("link-turn", "impact-turn"):
                used = turns.get(target)
                if used is not None and used != response:
                    response = used  # never both turns on one target
                turns[target] = response
            claim["answers"] = target
            claim["response"] = response
        claims.append(claim)
        by_side[side].append(i)
    return claims


# ── Writing ───────────────────────────────────────────────────────────────────────────────────────

def claim_yaml(c):
    cite = c["cite"]
    out = ["  - id: " + c["id"],
           "    side: " + c["side"],
           "    tag: " + yaml_str(c["tag"]),
           "    tags: [" + ", ".join(c["tags"]) + "]"]
    if c["answers"]:
        out.append("    answers: " + c["answers"])
        out.append("    response: " + c["response"])
    out.append("    warrant: " + folded(c["warrant"], 6))
    out.append("    cite:")
    for key in ("author", "qualifications", "date", "title", "publication", "url"):
        value = cite[key]
        # Dates are always quoted so no reader takes them for numbers or timestamps.
        text = '"%s"' % value if key == "date" else yaml_str(value)
        out.append("      %s: %s" % (key, text))
    out.append("    evidence: |")
    for line in c["evidence"].rstrip("\n").split("\n"):
        out.append("      " + line)
    return "\n".join(out) + "\n"


def module_yaml(claims):
    first_pro = next(c["id"] for c in claims if c["side"] == "pro")
    return (
        "# Generated by Benchmarks/generate.py; do not edit.\n"
        "id: bench\n"
        "title: Benchmark library\n"
        "summary: >-\n"
        "  A generated evidence library for timing `debate build`; the words are drawn from a fixed\n"
        "  vocabulary and mean nothing.\n"
        "version: 1.0.0\n"
        "kind: pack\n"
        "examples:\n"
        "  - summary: The affirmative gets the first generated claim.\n"
        "    side: pro\n"
        "    options: {}\n"
        "    includes: [%s]\n"
        "    excludes: []\n" % first_pro)


POCKETS = [("1AC — Generated case", [("Advantage 1: pressure", ["sanctions", "diplomacy", "security"]),
                                    ("Advantage 2: markets", ["economy", "trade", "energy"])]),
           ("Extensions", [("Rights and people", ["human-rights", "migration"])])]


def deck_yaml():
    out = ["# Generated by Benchmarks/generate.py; do not edit.",
           "id: bench",
           "title: Benchmark deck",
           "resolution: The United States should normalize relations with Belarus.",
           "side: pro",
           "modules:",
           "  - bench",
           "sections:"]
    for pocket, hats in POCKETS:
        out.append("  - pocket: " + yaml_str(pocket))
        out.append("    hats:")
        for hat, topics in hats:
            out.append("      - hat: " + yaml_str(hat))
            out.append("        blocks:")
            for topic in topics:
                out.append("          - block: " + yaml_str("Our %s cards" % topic.replace("-", " ")))
                out.append("            select:")
                out.append("              tags: [%s]" % topic)
    out += ["  - pocket: Answers",
            "    hats:",
            "      - hat: A2 the generated negative",
            "        answers:",
            "          modules: [bench]"]
    return "\n".join(out) + "\n"


def deck_topics():
    return [t for _, hats in POCKETS for _, topics in hats for t in topics]


def write(path, text):
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


# ── Checking ──────────────────────────────────────────────────────────────────────────────────────

def spans_problem(markup):
    """None when the markup's spans nest and close (DebateCore's EvidenceParser rules), else why not."""
    markers = {"_": "underline", "*": "emphasis", "=": "highlight"}
    stack = []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "\\" and i + 1 < len(markup):
            i += 2
            continue
        if i + 1 < len(markup) and markup[i + 1] == ch and ch in markers:
            if ch in stack:
                if stack[-1] != ch:
                    return "%s closes at %d while %s is open" % (markers[ch], i, markers[stack[-1]])
                stack.pop()
            else:
                stack.append(ch)
            i += 2
            continue
        i += 1
    if stack:
        return "unclosed %s" % markers[stack[-1]]
    return None


def check(claims, out_dir, files):
    problems = []
    seen = {}
    for index, c in enumerate(claims):
        if c["id"] in seen:
            problems.append("duplicate id %s" % c["id"])
        seen[c["id"]] = index
    turns = {}
    for index, c in enumerate(claims):
        n = len(c["tag"].split())
        if not 8 <= len([w for w in c["tag"].split() if w != "—"]) <= 16:
            problems.append("%s: tag has %d words" % (c["id"], n))
        if not 2 <= len(c["tags"]) <= 4 or len(set(c["tags"])) != len(c["tags"]):
            problems.append("%s: bad tags %r" % (c["id"], c["tags"]))
        words = len(re.sub(r"[_*=]{2}", "", c["evidence"]).split())
        lines = c["evidence"].rstrip("\n").count("\n") + 1
        if not 60 <= words <= 90 or not 3 <= lines <= 5:
            problems.append("%s: evidence has %d words on %d lines" % (c["id"], words, lines))
        why = spans_problem(c["evidence"])
        if why:
            problems.append("%s: %s" % (c["id"], why))
        if c["answers"] is None:
            if c["response"] is not None:
                problems.append("%s: response without answers" % c["id"])
            continue
        if c["response"] not in RESPONSES:
            problems.append("%s: unknown response %s" % (c["id"], c["response"]))
        target = seen.get(c["answers"])
        if target is None:
            problems.append("%s: answers unknown %s" % (c["id"], c["answers"]))
            continue
        if target >= index:
            problems.append("%s: answers a later claim %s" % (c["id"], c["answers"]))
        if claims[target]["side"] == c["side"]:
            problems.append("%s: answers its own side" % c["id"])
        if c["response"] in ("link-turn", "impact-turn"):
            turns.setdefault(c["answers"], set()).add(c["response"])
    for target, kinds in turns.items():
        if len(kinds) > 1:
            problems.append("double turn on %s" % target)
    topics = deck_topics()
    for c in claims:
        if c["side"] == "pro":
            hits = sum(1 for t in topics if t in c["tags"])
            if hits != 1:
                problems.append("%s: lands in %d deck blocks" % (c["id"], hits))

    counter = sum(1 for c in claims if c["answers"])
    try:
        import yaml  # PyYAML, optional: only for the round-trip comparison
    except ImportError:
        yaml = None
        print("check: PyYAML not importable; skipped loading the files back", file=sys.stderr)
    if yaml is not None:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loaded = []
        for path in files:
            with open(path, encoding="utf-8") as f:
                doc = yaml.load(f, Loader=loader)
            if set(doc) != {"claims"}:
                problems.append("%s: top-level keys %r" % (path, sorted(doc)))
            loaded += doc["claims"]
        if len(loaded) != len(claims):
            problems.append("loaded %d claims, generated %d" % (len(loaded), len(claims)))
        for got, want in zip(loaded, claims):
            expect = {k: v for k, v in want.items() if v is not None}
            if got != expect:
                keys = sorted(k for k in set(got) | set(expect) if got.get(k) != expect.get(k))
                problems.append("%s: loads differently in %s" % (want["id"], ", ".join(keys)))
        with open(os.path.join(out_dir, "pack", "module.yaml"), encoding="utf-8") as f:
            manifest = yaml.load(f, Loader=loader)
        if manifest.get("id") != "bench" or manifest.get("kind") != "pack" or manifest.get("version") != "1.0.0":
            problems.append("module.yaml: unexpected %r" % manifest)
        with open(os.path.join(out_dir, "deck.yaml"), encoding="utf-8") as f:
            deck = yaml.load(f, Loader=loader)
        if deck.get("modules") != ["bench"] or deck.get("side") != "pro":
            problems.append("deck.yaml: unexpected %r" % deck)
    for p in problems[:50]:
        print("check: " + p, file=sys.stderr)
    if problems:
        print("check: %d problems" % len(problems), file=sys.stderr)
        return False
    print("check: ok (%d claims, %d counterclaims, %d turn targets%s)"
          % (len(claims), counter, len(turns), "" if yaml else ", not loaded back"), file=sys.stderr)
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, required=True, help="number of claims (all are cards)")
    parser.add_argument("--files", type=int, required=True, help="number of claim files")
    parser.add_argument("--out", required=True, help="output folder (pack/ and deck.yaml go inside)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--check", action="store_true", help="verify the invariants on what was written")
    args = parser.parse_args(argv)
    if args.cards < 2:
        parser.error("--cards must be at least 2")
    if not 1 <= args.files <= args.cards:
        parser.error("--files must be between 1 and --cards")

    rng = random.Random(args.seed)
    claims = generate_claims(rng, args.cards)
    pack = os.path.join(args.out, "pack")
    os.makedirs(pack, exist_ok=True)
    for name in os.listdir(pack):  # stale claim files from a larger earlier run would be loaded too
        if re.match(r"^claims-\d+\.yaml$", name):
            os.remove(os.path.join(pack, name))

    total = write(os.path.join(pack, "module.yaml"), module_yaml(claims))
    files = []
    width = max(4, len(str(args.files)))
    for k in range(args.files):
        lo = k * args.cards // args.files
        hi = (k + 1) * args.cards // args.files
        path = os.path.join(pack, "claims-%0*d.yaml" % (width, k + 1))
        body = "# Generated by Benchmarks/generate.py; do not edit.\nclaims:\n"
        body += "\n".join(claim_yaml(c) for c in claims[lo:hi])
        total += write(path, body)
        files.append(path)
    total += write(os.path.join(args.out, "deck.yaml"), deck_yaml())
    print("%d bytes written (%d claims in %d files) to %s" % (total, args.cards, args.files, args.out), flush=True)
    if args.check and not check(claims, args.out, files):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
