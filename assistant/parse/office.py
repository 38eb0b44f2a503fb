"""Word (.docx, via python-docx) and text PDF (via pdfplumber) files as blocks."""

from __future__ import annotations

import io

from ..report import ReportError
from .blocks import Block, Para, TableBlock

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SCANNED = "这是扫描版 PDF，没有文字层；不支持扫描件，请提供文字版 PDF、Word 或网页"


def docx_blocks(data: bytes) -> list[Block]:
    """Paragraphs and tables of a .docx body in order; a merged cell is read once (by its w:tc)."""
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReportError(f"无法打开 Word 文档：{exc}") from None
    return _body_blocks(document.element.body)


def _body_blocks(container) -> list[Block]:
    """Paragraphs and tables of a body or content control, in order."""
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            blocks.append(Para(_paragraph_text(child)))
        elif child.tag == f"{W}tbl":
            blocks.append(TableBlock(_docx_rows(child)))
        elif child.tag == f"{W}sdt":
            for content in child.iterchildren(f"{W}sdtContent"):
                blocks.extend(_body_blocks(content))
    return blocks


def _paragraph_text(p) -> str:
    pieces = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
    return "".join(node.text or "" if node.tag == f"{W}t" else pieces[node.tag]
                   for node in p.iter(f"{W}t", *pieces))


def _docx_rows(tbl) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{W}tc"):
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                continue
            cells.append("\n".join(_paragraph_text(p) for p in tc.iter(f"{W}p")))
        rows.append(tuple(cells))
    return tuple(rows)


def pdf_blocks(data: bytes) -> list[Block]:
    """Text lines and ruled tables of a text PDF, page by page, in reading order."""
    import pdfplumber
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise ReportError(f"无法打开 PDF：{exc}") from None
    try:
        with pdf:
            blocks = [block for page in pdf.pages for block in _page_blocks(page)]
    except Exception as exc:
        raise ReportError(f"无法读取 PDF：{exc}") from None
    if not any(isinstance(b, TableBlock) or b.text.strip() for b in blocks):
        raise ReportError(SCANNED)
    return blocks


def _page_blocks(page) -> list[Block]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    placed: list[tuple[float, Block]] = []
    for line in page.extract_text_lines():
        middle = (line["top"] + line["bottom"]) / 2
        if not any(x0 <= line["x0"] + 1 and line["x1"] <= x1 + 1 and top <= middle <= bottom
                   for x0, top, x1, bottom in boxes):
            placed.append((line["top"], Para(line["text"])))
    for table in tables:
        rows = tuple(tuple(cell for cell in row if cell is not None) for row in table.extract())
        placed.append((table.bbox[1], TableBlock(rows)))
    return [block for _, block in sorted(placed, key=lambda pair: pair[0])]
