"""Fixture loading and docx XML inspection shared by the render tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from assistant.report import Report

HERE = Path(__file__).parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def sample(year: int) -> Report:
    """The fictitious sample report of a year (2023: 2021 format, 2020: 2019 format)."""
    return Report.from_json((HERE / f"sample_{year}.json").read_text(encoding="utf-8"))


def docx_part(data: bytes, name: str) -> etree._Element:
    """One XML part of a .docx, parsed."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def attribute(element: etree._Element, name: str) -> str | None:
    """A w: attribute of an element."""
    return element.get(f"{{{W}}}{name}")


def style_east_asia_fonts(data: bytes) -> dict[str, str | None]:
    """Paragraph style name → its w:rFonts w:eastAsia."""
    fonts = {}
    for style in docx_part(data, "word/styles.xml").iterfind("w:style", NS):
        name = attribute(style.find("w:name", NS), "val")
        rfonts = style.find("w:rPr/w:rFonts", NS)
        fonts[name] = attribute(rfonts, "eastAsia") if rfonts is not None else None
    return fonts


def paragraphs_with_styles(data: bytes) -> list[tuple[str, str]]:
    """(style id, text) of each top-level body paragraph."""
    body = docx_part(data, "word/document.xml").find("w:body", NS)
    found = []
    for paragraph in body.iterfind("w:p", NS):
        style = paragraph.find("w:pPr/w:pStyle", NS)
        text = "".join(paragraph.itertext())
        found.append((attribute(style, "val") if style is not None else "Normal", text))
    return found


def docx_tables(data: bytes) -> list[etree._Element]:
    """The top-level w:tbl elements in order."""
    return docx_part(data, "word/document.xml").find("w:body", NS).findall("w:tbl", NS)


def open_docx(data: bytes):
    """The document as python-docx reads it."""
    import docx

    return docx.Document(io.BytesIO(data))
