#!/usr/bin/env python3
"""Writes the binary fixtures of this folder (a .docx and two PDFs) from the
texts below, with the standard library only. Run it again after editing a text."""
import zipfile
from pathlib import Path

HERE = Path(__file__).parent

DOCX_TITLE = "Putin and To Lam meet in Hanoi"
DOCX_PARAGRAPHS = [
    "HANOI, June 20, 2024 - Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Thursday during a state visit, the Kremlin said.",
    "The two leaders said they would deepen cooperation in energy & education; Vietnam called the talks \"frank\".",
]

PDF_LINES = [
    "NATO chief visits Kyiv",
    "",
    "KYIV, April 20, 2023 - NATO Secretary General Jens Stoltenberg arrived in",
    "Kyiv on Thursday on his first visit since the full-scale invasion and met",
    "Ukrainian President Volodymyr Zelensky.",
]


def docx(path: Path) -> None:
    def para(text: str) -> str:
        esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return f'<w:p><w:r><w:t xml:space="preserve">{esc}</w:t></w:r></w:p>'

    body = para(DOCX_TITLE) + "".join(para(p) for p in DOCX_PARAGRAPHS)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{DOCX_TITLE}</dc:title>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-21T09:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("docProps/core.xml", core)


def pdf(path: Path, lines: list[str]) -> None:
    """A one-page PDF whose text layer holds `lines` (Helvetica, 11 pt)."""
    ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    for line in lines:
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({esc}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1") if lines else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


if __name__ == "__main__":
    docx(HERE / "putin_to_lam_hanoi.docx")
    pdf(HERE / "stoltenberg_kyiv.pdf", PDF_LINES)
    pdf(HERE / "scanned_no_text.pdf", [])
