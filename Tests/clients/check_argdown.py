"""Checks `debate build --format argdown` against Argdown's syntax and the deck's claim graph.

Argdown's own parser (`@argdown/cli`, an npm package) cannot be installed here: only Debian's and
PyPI's registries are reachable. So this is a structural check written from Argdown's lexer
(argdown/argdown, packages/argdown-core/src/lexer.ts): YAML front matter between `===` lines;
`//` comments; a top-level statement definition `[Title]: text`; relation lines indented by two
spaces a level, one level deeper at most than the line above, `+` (supports) or `-` (attacks)
then a definition or a reference `[Title]`; titles defined once and referenced only once defined;
statement text in which every character the lexer would read as syntax (`[ ] < > @ # * _ { }`,
`//`, `/*`, `.x.`, `:x:`) is backslash-escaped; tags at the end matching the lexer's tag pattern.
Against the deck's JSON: the resolution is the one top statement, every card is a statement, a
claim supports or attacks the resolution by its side, and each answer attacks what it answers.

usage: python check_argdown.py DEBATE_BINARY DECK.yaml
"""

import re

from common import CheckFailed, build, deck_json, equal, main, require

TAG = re.compile(r"#(?:\([^)]+\)|[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")  # lexer.ts Tag
DEFINITION = re.compile(r"\[([^\]]+?)\]: (.+)")
REFERENCE = re.compile(r"\[([^\-\]][^\]]*?)\]")
RELATION = re.compile(r"( +)([+-]) (.*)")


def unescaped_syntax(text):
    """The first position where Argdown would read syntax in plain statement text, else None."""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "[]<>@#*_{}":
            return i
        if ch == "/" and text[i + 1:i + 2] in ("/", "*"):
            return i
        if ch in ".:" and re.match(r"\%s[^\s]+?\%s" % (ch, ch), text[i:]):  # lexer.ts SpecialChar
            return i
        i += 1
    return None


def split_tags(text):
    """Statement text and its trailing tags."""
    tags = []
    while True:
        match = re.search(r"\s(" + TAG.pattern + r")$", text)
        if not match or (match.start() > 0 and text[match.start() - 1] == "\\"):
            return text, list(reversed(tags))
        tags.append(match.group(1))
        text = text[:match.start()]


def check(binary, deck_file, folder):
    deck = deck_json(binary, deck_file, folder)
    with open(build(binary, deck_file, "argdown", folder)) as f:
        lines = f.read().split("\n")

    # Front matter.
    equal(lines[0], "===", "first line")
    end = lines.index("===", 1)
    require(any(line.startswith("title: ") for line in lines[1:end]), "front matter has no title")

    defined, parents, relations, top = {}, {}, {}, []
    stack = []  # titles by depth
    for number, line in enumerate(lines[end + 1:], start=end + 2):
        where = f"line {number}: {line!r}"
        if not line.strip() or line.startswith("//"):
            continue
        relation = RELATION.fullmatch(line)
        if relation:
            indent, symbol, rest = relation.groups()
            require(len(indent) % 2 == 0, f"{where}: indentation is not a multiple of two")
            depth = len(indent) // 2
            require(1 <= depth <= len(stack), f"{where}: indented deeper than the line above allows")
            del stack[depth:]
        else:
            require(not line.startswith(" "), f"{where}: neither a relation nor a top-level statement")
            depth, symbol, rest = 0, None, line
            stack = []
            top.append(line)
        definition = DEFINITION.fullmatch(rest)
        if definition:
            title, body = definition.groups()
            require(title not in defined, f"{where}: [{title}] defined twice")
            text, tags = split_tags(body)
            bad = unescaped_syntax(text)
            require(bad is None, f"{where}: unescaped Argdown syntax at {text[bad:bad + 12]!r}" if bad is not None else "")
            require(text.strip(), f"{where}: empty statement text")
            defined[title] = (text, tags)
        else:
            reference = REFERENCE.fullmatch(rest)
            require(reference is not None, f"{where}: not a statement definition or reference")
            title = reference.group(1)
            require(title in defined, f"{where}: [{title}] referenced before it is defined")
        if depth > 0:
            relations.setdefault(title, []).append((symbol, stack[depth - 1]))
        stack.append(title)
    require(len(top) == 1, f"expected one top statement, found {len(top)}")
    require(top[0].startswith("[Resolution]: "), f"the top statement is not the resolution: {top[0]!r}")
    text, tags = defined["Resolution"]
    equal(text.replace("\\", ""), deck["resolution"], "resolution text")

    def with_extensions(cards):
        for card in cards:
            yield card
            yield from with_extensions(card.get("extensions", []))

    cards = {card["id"]: card for p in deck["pockets"] for h in p["hats"] for b in h["blocks"]
             for card in with_extensions(b["cards"])}
    for claim, card in cards.items():
        require(claim in defined, f"card {claim} is not a statement")
        text, tags = defined[claim]
        require(card["tag"] in text.replace("\\", ""), f"{claim} text {text!r} lacks its tag")
        # A part of a position also carries its role as a tag.
        equal(sorted(t.strip("#()") for t in tags), sorted(card["tags"] + ([card["role"]] if card.get("role") else [])),
              f"{claim} tags")
        edges = relations.get(claim, [])
        target = card.get("answers")
        if target:
            # Every answer hangs on the claim it answers, even one the deck does not hold.
            require(target in defined, f"{claim} answers {target}, which is not a statement")
            require(("-", target) in edges, f"{claim} does not attack {target} (relations: {edges})")
        elif card.get("extends") in defined:
            require(("+", card["extends"]) in edges, f"{claim} does not support {card['extends']}, which it extends")
        else:
            want = "+" if card["side"] == "pro" else "-"
            require((want, "Resolution") in edges, f"{claim} should {'support' if want == '+' else 'attack'} the resolution (relations: {edges})")
    supports = sum(s == "+" for edges in relations.values() for s, _ in edges)
    attacks = sum(s == "-" for edges in relations.values() for s, _ in edges)
    yield f"argdown (structural check; @argdown/cli is on npm, which is unreachable here): {len(defined)} statements, " \
          f"{supports} supports, {attacks} attacks, every card placed by its side, under the claim it answers or the claim it extends"


if __name__ == "__main__":
    main(check)
