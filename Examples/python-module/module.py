#!/usr/bin/env python3
"""normalization-precedents: a debate process module that builds claims from data.

It reads precedents.csv (U.S. normalizations with former adversaries) and turns each row into a
claim, or a counterclaim when the row `answers` another. Option `since: YEAR` keeps rows from that
year on. Python 3 standard library only. The protocol: one JSON request per line on standard input,
one JSON reply per line on standard output, logs on standard error.
"""
import csv
import json
import os
import sys

PROTOCOL = 1
MODULE_ID = "normalization-precedents"
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "precedents.csv")

DESCRIPTOR = {
    "id": MODULE_ID,
    "title": "Normalization precedents",
    "summary": "What past U.S. normalizations with former adversaries (Vietnam, China, Libya, Cuba, Myanmar) suggest about engaging Belarus.",
    "version": "1.0.0",
    "examples": [
        {"summary": "The affirmative gets the Vietnam precedent.", "side": "pro",
         "includes": [MODULE_ID + ".vietnam"]},
        {"summary": "Keeping precedents since 2000 leaves out Vietnam and China.", "side": "pro",
         "options": {"since": 2000}, "includes": [MODULE_ID + ".libya"],
         "excludes": [MODULE_ID + ".vietnam", MODULE_ID + ".china"]},
    ],
}


class ModuleError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def arguments(context):
    options = context.get("options") or {}
    unknown = sorted(set(options) - {"since"})
    if unknown:
        raise ModuleError("unknown option %s (this module takes `since`)" % ", ".join(unknown), "bad-option")
    since = options.get("since", 0)
    if not isinstance(since, int):
        raise ModuleError("option `since` must be a year, such as 2000", "bad-option")
    with open(DATA, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if int(row["year"]) >= since]
    print("read %d precedents from %s" % (len(rows), os.path.basename(DATA)), file=sys.stderr)
    kept = {row["id"] for row in rows}
    claims = []
    for row in rows:
        if row["answers"] and row["answers"] not in kept:
            continue  # the claim it answers was filtered out
        claim = {
            "id": "%s.%s" % (MODULE_ID, row["id"]),
            "side": row["side"],
            "tag": row["tag"],
            "tags": ["precedent", row["country"].lower()],
            "warrant": row["warrant"],
        }
        if row["answers"]:
            claim["answers"] = "%s.%s" % (MODULE_ID, row["answers"])
            claim["response"] = row["response"]
        claims.append(claim)
    return claims


def reply(message):
    message["protocol"] = PROTOCOL
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as error:
            reply({"error": {"message": "request is not JSON: %s" % error, "code": "bad-request"}})
            continue
        kind = request.get("request")
        if kind == "describe":
            reply({"descriptor": DESCRIPTOR})
        elif kind == "arguments":
            try:
                reply({"claims": arguments(request.get("context") or {})})
            except ModuleError as error:
                reply({"error": {"message": str(error), "code": error.code}})
            except Exception as error:  # report it to debate rather than crash
                reply({"error": {"message": repr(error), "code": "internal"}})
        else:
            reply({"error": {"message": "unknown request %r" % kind, "code": "bad-request"}})


if __name__ == "__main__":
    main()
