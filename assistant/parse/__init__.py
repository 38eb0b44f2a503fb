"""Parsing a 政府信息公开工作年度报告 (text, HTML, Word or text PDF) into a Report."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..report import SECTION_KEYS, SECTION_TITLES, NULL_MARK, ParseNote, ParseResult, Report, ReportError
from .blocks import Block, text_blocks
from .lines import Layout, Walker
from .meta import Title, find_embedded_title, find_title, find_year
from .sniff import MAX_BYTES, check_size, decode_text, sniff
from .tables import read_tables
from .tokens import segments

__all__ = ["MAX_BYTES", "ParseNote", "ParseResult", "ReportError", "parse_bytes", "parse_file", "parse_text"]


def parse_text(text: str, source: str = "") -> ParseResult:
    """Parse a report given as plain text (or Markdown)."""
    check_size(len(text) if text.strip() else 0)
    return parse_blocks(text_blocks(text), source)


def parse_bytes(data: bytes, filename: str = "") -> ParseResult:
    """Parse a report file's bytes; the kind (PDF, Word, HTML, text) is decided by content."""
    check_size(len(data))
    kind = sniff(data)
    if kind == "pdf":
        from .office import pdf_blocks
        return parse_blocks(pdf_blocks(data), filename, markdown=False)
    if kind == "docx":
        from .office import docx_blocks
        return parse_blocks(docx_blocks(data), filename, markdown=False)
    text = decode_text(data)
    if not text.strip():
        raise ReportError("文件是空的（empty file）")
    if kind == "html":
        from .html import html_blocks
        return parse_blocks(html_blocks(text), filename, markdown=False)
    return parse_blocks(text_blocks(text), filename)


def parse_file(path: str | os.PathLike) -> ParseResult:
    """Parse a report file; refuses files over MAX_BYTES before reading them."""
    target = Path(path)
    try:
        check_size(target.stat().st_size)
        data = target.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"文件不存在：{target}") from None
    except IsADirectoryError:
        raise ReportError(f"这是一个文件夹，不是文件：{target}") from None
    return parse_bytes(data, str(target))


def parse_blocks(blocks: list[Block], source: str = "", markdown: bool = True) -> ParseResult:
    """Build the Report from the intermediate blocks; markdown: lines may carry Markdown marks."""
    layout = Walker(markdown).walk(blocks)
    all_text = "\n".join(line for lines in layout.narrative.values() for line in lines)
    title = find_title([line for line, _ in layout.head])
    embedded = None if title else find_embedded_title(all_text)
    year = find_year(title or embedded, all_text)
    fmt, tables = read_tables(segments(layout.tokens), year)
    if not layout.headings and not tables.found:
        raise ReportError("这不像政府信息公开工作年度报告：没有找到章节标题，也没有找到统计表（not a report）")
    notes = layout.notes + _meta_notes(title, embedded, year) + _section_notes(layout) + tables.notes
    named = title or embedded
    report = Report(
        agency=named.agency if named else None, year=year, format=fmt,
        sections=_sections(layout), t2=tables.t2, t3=tables.t3, t4=tables.t4,
        title=title.text if title else None, preamble=_preamble(layout.head, title),
    )
    return ParseResult(report, tuple(notes), source)


def _sections(layout: Layout) -> dict[str, str | None]:
    texts: dict[str, str | None] = {}
    for key in SECTION_KEYS:
        if key not in layout.headings:
            texts[key] = None
            continue
        text = "\n".join(line.strip() for line in layout.narrative.get(key, []) if line.strip())
        texts[key] = None if text == NULL_MARK else text
    return texts


PAGE_CHROME = re.compile(
    r"^(?:发布(?:日期|时间|机构)|发文日期|来源|信息来源|字号|浏览次数|阅读次数|索\s*引\s*号|文号|作者|时间|更新时间|"
    r"分享|打印|【|•|www\.|https?:|点击(?:收听|接收)|当前位置|您当前的位置|名\s*称|公开目录|文件已失效|"
    r"(?:发表|生成|成文)?日期\s*[:：]|(?:发表|生成|成文)日期|关键词|公开(?:形式|方式)\s|主题分类|有效性|是否有效)"
)


def _preamble(head: list[tuple[str, bool]], title: Title | None) -> str:
    start = title.line_index + 1 if title else 0
    kept = [line for line, narrative in head[start:] if narrative and not _page_chrome(line)]
    lines = [line for index, line in enumerate(kept) if not (title and _repeats_title(kept, index, title.text))]
    lead = [title.rest] if title and title.rest else []
    return "\n".join(line.strip() for line in lead + lines if line.strip())


MENU_BAR = re.compile(r"[^。|]{1,12}(?:\s*\|\s*[^。|]{1,12})+")


def _repeats_title(lines: list[str], index: int, title: str) -> bool:
    """True for a line that prints the title again, alone or as one half of it over two lines."""
    compact = re.sub(r"\s+", "", title)
    pieces = [re.sub(r"\s+", "", line) for line in lines[max(0, index - 1): index + 2]]
    here = pieces[1] if index > 0 else pieces[0]
    joined = ["".join(pieces[i:i + 2]) for i in range(len(pieces) - 1) if here in pieces[i:i + 2]]
    return here == compact or compact in joined


def _page_chrome(line: str) -> bool:
    """A line of the web page around the report (date, source, menu bar), not report text."""
    text = line.strip()
    return len(text) < 100 and bool(PAGE_CHROME.match(text) or MENU_BAR.fullmatch(text))


def _meta_notes(title: Title | None, embedded: Title | None, year: int | None) -> list[ParseNote]:
    notes = []
    if embedded and embedded.agency:
        message = f"正文中没有单独的标题行，机关名称取自正文中的“{embedded.text}”"
        notes.append(ParseNote("agency_from_text", message, "agency"))
    elif title is None or not title.agency:
        notes.append(ParseNote("missing_agency", "没有找到报告标题，无法确定机关名称（agency 为 null）", "agency"))
    if year is None:
        notes.append(ParseNote("missing_year", "没有找到报告年度（year 为 null）", "year"))
    return notes


def _section_notes(layout: Layout) -> list[ParseNote]:
    return [ParseNote("missing_section", f"没有找到第{SECTION_TITLES[key][0]}部分“{SECTION_TITLES[key]}”", key)
            for key in SECTION_KEYS if key not in layout.headings]
