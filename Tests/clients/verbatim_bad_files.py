"""Issue 10's hostile files, end to end: makes each kind of bad .docx, imports it with the real
`debate import verbatim` into a fresh folder, and checks exit 65, an error line naming the file first,
and nothing left behind (no pack, no deck, no hidden staging folder).

    python Tests/clients/verbatim_bad_files.py .build/debug/debate

Not run by the test suite (it writes ~200 MB of temporary files; ImportVerbatimTests covers each
kind with small fixtures); exit 0 when every case passes."""
import io, os, subprocess, sys, tempfile, zipfile, shutil
BIN = os.path.abspath(sys.argv[1])

def z(parts, compression=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression) as f:
        for name, data in parts.items():
            f.writestr(name, data)
    return b.getvalue()

ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>'
doc_ok = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'
cases = {
    "zip-bomb.docx": z({"[Content_Types].xml": ct, "word/document.xml": doc_ok[:-len("</w:body></w:document>")] + "<w:p><w:r><w:t>" + "a" * 100_000_000 + "</w:t></w:r></w:p></w:body></w:document>"}),
    "doctype.docx": z({"[Content_Types].xml": ct, "word/document.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>' + doc_ok.split("?>", 1)[1]}),
    "truncated.docx": (lambda whole: whole[: len(whole) // 2])(
        z({"[Content_Types].xml": ct, "word/document.xml": doc_ok.replace(">x<", ">" + " ".join(map(str, range(60_000))) + "<")})),
    "encrypted.docx": bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2000,
    "old-binary.doc": bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000,
    "no-document-xml.docx": z({"[Content_Types].xml": ct, "word/styles.xml": "<x/>"}),
    "hundred-mb.docx": z({"[Content_Types].xml": ct, "word/document.xml": doc_ok[:-len("</w:body></w:document>")] + "".join("<w:p><w:r><w:t>%d %s</w:t></w:r></w:p>" % (i, "word " * 40) for i in range(460_000)) + "</w:body></w:document>"}, zipfile.ZIP_STORED),
    "escaping-path.docx": z({"[Content_Types].xml": ct, "word/document.xml": doc_ok, "../../evil.txt": "x"}),
}
ok = True
for name, data in cases.items():
    work = tempfile.mkdtemp()
    src = os.path.join(work, "in")
    os.mkdir(src)
    path = os.path.join(src, name)
    open(path, "wb").write(data)
    r = subprocess.run([BIN, "import", "verbatim", path, "-o", os.path.join(work, "modules/bad"), "--deck", os.path.join(work, "decks/bad.yaml")],
                       capture_output=True, text=True, cwd=work)
    left = sorted(set(os.listdir(work)) - {"in"})
    left_all = [os.path.relpath(os.path.join(d, f), work) for d, _, fs in os.walk(work) for f in fs if not d.startswith(src)]
    errors = [l for l in r.stderr.splitlines() if "error" in l]
    good_case = r.returncode == 65 and not left_all and len(errors) >= 1 and name in errors[0]
    ok &= good_case
    print(f"{'ok ' if good_case else 'BAD'} {name:22} {len(data)/1e6:7.2f} MB exit {r.returncode} left {left_all or 'nothing'}")
    for l in r.stderr.strip().splitlines():
        print("      " + l[:200])
    shutil.rmtree(work)
sys.exit(0 if ok else 1)
