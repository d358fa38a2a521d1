"""The python-docx side of Benchmarks/verbatim.sh: load each .docx and walk it, nothing more.

    python python_docx_walk.py FILE.docx...

What today's open-source Python card parsers do before any parsing of their own: open the document
with python-docx, then for every paragraph read its style name, and for every run in it (hyperlink
runs included) its character style name, its highlight color and its underline. It prints one line:
files, paragraphs, runs, highlighted runs and paragraphs whose style name is Heading 4 — a check that
the walk really happened, not a result.
"""

import sys

import docx


def walk(path, totals):
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        totals["paragraphs"] += 1
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.lower() == "heading 4":
            totals["heading4"] += 1
        for item in paragraph.iter_inner_content():
            runs = item.runs if hasattr(item, "runs") else [item]
            for run in runs:
                totals["runs"] += 1
                _ = run.style.name if run.style is not None else None
                _ = run.font.underline
                if run.font.highlight_color is not None:
                    totals["highlighted"] += 1


def main(paths):
    totals = {"files": 0, "paragraphs": 0, "runs": 0, "highlighted": 0, "heading4": 0}
    for path in paths:
        walk(path, totals)
        totals["files"] += 1
    print(" ".join(f"{key}={value}" for key, value in totals.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
