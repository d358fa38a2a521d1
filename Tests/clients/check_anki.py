"""Imports `debate build --format apkg` and `--format anki-text` with the official `anki` package.

.apkg into a fresh collection: one note and one card per placed claim, the "Debate card" note type
and its fields, tags from claim tags and module ids, one sub-deck per hat under
`Deck::Pocket::Hat`, evidence with its highlights, cards that render. Then an edited build (a block
renamed, built later) is imported over it: notes are updated in place, none added.
Text import into a fresh collection (the note type brought by the .apkg, its notes removed): the
same notes, fields, tags and decks as the .apkg gave; importing it again adds nothing.

usage: python check_anki.py DEBATE_BINARY DECK.yaml
"""

import html
import os
import re

from common import CheckFailed, build, deck_json, equal, main, need_module, placed_cards, require

FIELDS = ["Prompt", "Answer", "Cite", "Evidence", "Context", "Claim"]
FIRST_BUILD, EDITED_BUILD = "1767225600", "1767229200"  # 2026-01-01 00:00 and 01:00 UTC


def check(binary, deck_file, folder):
    need_module("anki", "anki")
    from anki.collection import (Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest,
                                 ImportCsvRequest)

    deck = deck_json(binary, deck_file, folder)
    placed = placed_cards(deck)
    count = len(placed)
    require(count > 0, "the deck has no cards")
    apkg = build(binary, deck_file, "apkg", folder, env={"SOURCE_DATE_EPOCH": FIRST_BUILD})
    text = build(binary, deck_file, "anki-text", folder, name="deck.txt")

    def fresh(name):
        return Collection(os.path.join(folder, f"{name}.anki2"))

    def import_package(col, path):
        return col.import_anki_package(ImportAnkiPackageRequest(package_path=path, options=ImportAnkiPackageOptions())).log

    def import_text(col, path):
        return col.import_csv(ImportCsvRequest(path=path, metadata=col.get_csv_metadata(path, None))).log

    def snapshot(col):
        """guid → (fields, tags, deck name) for every note."""
        out = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            cards = note.cards()
            equal(len(cards), 1, f"cards of note {note['Claim']}")
            out[note.guid] = (dict(note.items()), sorted(note.tags), col.decks.name(cards[0].did))
        return out

    # 1. The package into a fresh collection.
    col = fresh("package")
    log = import_package(col, apkg)
    equal((len(log.new), col.note_count(), col.card_count()), (count, count, count), "new notes, notes, cards")
    notetypes = [nt["name"] for nt in col.models.all()]
    require("Debate card" in notetypes, f"no Debate card note type among {notetypes}")
    equal([f["name"] for f in col.models.by_name("Debate card")["flds"]], FIELDS, "note type fields")
    notes = snapshot(col)
    by_claim = {fields["Claim"].split(" ")[0]: (guid, fields, tags, deck_name)
                for guid, (fields, tags, deck_name) in notes.items()}
    equal(sorted(by_claim), sorted(card["id"] for _, _, _, card in placed), "claims with notes")
    deck_names = {d.name for d in col.decks.all_names_and_ids()}
    highlights = 0
    for pocket, hat, block, card in placed:
        guid, fields, tags, deck_name = by_claim[card["id"]]
        equal(deck_name, f"{deck['title']}::{pocket['title']}::{hat['title']}", f"{card['id']} deck")
        require({deck["title"], f"{deck['title']}::{pocket['title']}"} <= deck_names, f"parent decks of {deck_name}")
        want_tags = set(card["tags"]) | {f"module::{card['module']}"}
        if card.get("evenIf"):
            want_tags.add("even-if")
        if card.get("position"):
            want_tags.add(f"position::{card['position']['id']}")
        if card.get("role"):
            want_tags.add(f"role::{card['role']}")
        if card.get("analytic"):
            want_tags.add("analytic")
        if card.get("response"):
            want_tags.add(f"response::{card['response']}")
            require(fields["Prompt"].startswith("A2: "), f"{card['id']} prompt {fields['Prompt']!r}")
            require(card["tag"] in html.unescape(fields["Answer"]), f"{card['id']} answer")
        else:
            equal(html.unescape(fields["Prompt"]), card["tag"], f"{card['id']} prompt")
        equal(set(tags), want_tags, f"{card['id']} tags")
        equal(html.unescape(fields["Context"]),
              " › ".join([pocket["title"], hat["title"], block["title"]] + ([card["part"]] if card.get("part") else [])),
              f"{card['id']} context")
        if card.get("evidence"):
            evidence = fields["Evidence"]
            plain = html.unescape(re.sub(r"<[^>]+>", "", evidence.replace("<br><br>", "\n\n")))
            equal(plain, card["evidence"]["text"], f"{card['id']} evidence text")
            marked = html.unescape(re.sub(r"<[^>]+>", "", "".join(re.findall(r"<mark>(.*?)</mark>", evidence))))
            equal(marked.replace("\n\n", ""), "".join(r["text"] for r in card["evidence"]["runs"] if r["highlight"]).replace("\n\n", ""),
                  f"{card['id']} highlighted text")
            highlights += evidence.count("<mark>")
        if card.get("cite"):
            require(fields["Cite"].startswith("<b>"), f"{card['id']} cite {fields['Cite']!r}")
    first = col.get_note(col.find_notes("")[0]).cards()[0]
    require("prompt" in first.question() and "answer" in first.answer(), "cards do not render their templates")
    hats = {f"{deck['title']}::{p['title']}::{h['title']}" for p, h, _, _ in placed}
    yield f"anki .apkg: {count} notes and cards, {len(hats)} hat sub-decks, fields {FIELDS}, tags and {highlights} highlights as built"

    # 2. An edited build imported over it updates the notes in place.
    with open(deck_file) as f:
        source = f.read()
    pocket, hat, block, _ = placed[0]
    renamed = block["title"] + " (revised)"
    edited_deck = os.path.join(folder, os.path.basename(deck_file))
    with open(edited_deck, "w") as f:
        f.write(source.replace(f"block: {block['title']}", f"block: {renamed}", 1))
    edited = build(binary, edited_deck, "apkg", folder, name="edited.apkg", env={"SOURCE_DATE_EPOCH": EDITED_BUILD})
    moved = [card["id"] for p, h, b, card in placed if b["title"] == block["title"]]
    log = import_package(col, edited)
    equal((len(log.new), col.note_count(), col.card_count()), (0, count, count), "after the edited import: new notes, notes, cards")
    require(len(log.updated) >= len(moved), f"{len(log.updated)} notes updated, expected at least {len(moved)}")
    after = snapshot(col)
    equal(sorted(after), sorted(notes), "GUIDs after the edited import")
    for claim in moved:
        guid = by_claim[claim][0]
        require(renamed in html.unescape(after[guid][0]["Context"]), f"{claim} context not updated: {after[guid][0]['Context']!r}")
    yield f"anki .apkg re-import: {len(log.updated)} notes updated, 0 added, {count} notes and cards as before"

    # 3. The text import gives the same notes as the package.
    col2 = fresh("text")
    import_package(col2, apkg)
    col2.remove_notes(col2.find_notes(""))
    equal(col2.note_count(), 0, "notes after removing them")
    log = import_text(col2, text)
    equal((len(log.new), col2.note_count(), col2.card_count()), (count, count, count), "text import: new notes, notes, cards")
    from_text = snapshot(col2)
    equal(sorted(from_text), sorted(notes), "GUIDs from the text import")
    for guid, (fields, tags, deck_name) in notes.items():
        equal(from_text[guid], (fields, tags, deck_name), f"note {fields['Claim']} from the text import")
    log = import_text(col2, text)
    equal((len(log.new), col2.note_count()), (0, count), "text import again: new notes, notes")
    log = import_text(col, text)
    equal((len(log.new), col.note_count()), (0, count), "text import over the package's notes: new notes, notes")
    col.close()
    col2.close()
    yield f"anki text import: {count} notes with the package's fields, tags and decks; re-imports add none"


if __name__ == "__main__":
    main(check)
