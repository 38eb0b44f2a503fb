"""HTML pages: paragraphs from block elements, real <table>s as rows of cells in document order."""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag

from .blocks import Block, Para, TableBlock

SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "button", "select"})
BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "header", "footer", "blockquote", "pre", "tr", "dd", "dt", "dl", "form", "hr", "center", "title",
    "main", "nav", "aside", "figure", "figcaption", "address", "td", "th", "tbody", "thead", "tfoot", "table",
})
LAYOUT_CELL_CHARS = 150
SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


def html_blocks(text: str) -> list[Block]:
    """The blocks of an HTML page."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "lxml")
    collector = _Collector()
    try:
        collector.visit(soup.body or soup)
    except RecursionError:
        return [Para(line) for line in soup.get_text("\n").split("\n")]
    return _with_page_title(soup, collector.finish())


def _with_page_title(soup: BeautifulSoup, blocks: list[Block]) -> list[Block]:
    """The blocks, led by the page's <title> when it names a report that the body does not print."""
    title = SPACE.sub(" ", soup.title.get_text()).strip() if soup.title else ""
    if "报告" not in title or any(isinstance(b, Para) and b.text == title for b in blocks[:40]):
        return blocks
    return [Para(title), *blocks]


class _Collector:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []

    def visit(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:
                    self.line.append(SPACE.sub(" ", str(child)))
            elif isinstance(child, Tag):
                self._tag(child)

    def _tag(self, tag: Tag) -> None:
        name = tag.name.lower() if tag.name else ""
        if name in SKIP:
            return
        if name == "table" and not is_layout_table(tag):
            self.end_line()
            self.blocks.append(TableBlock(table_rows(tag)))
            return
        if name in BLOCK:
            self.end_line()
            self.visit(tag)
            self.end_line()
        else:
            self.visit(tag)

    def end_line(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.blocks.append(Para(text))
        self.line = []

    def finish(self) -> list[Block]:
        self.end_line()
        return self.blocks


def is_layout_table(table: Tag) -> bool:
    """A table used to lay out a page (it holds other tables or long running text), not a data table."""
    if table.find("table") is not None:
        return True
    return any(len(cell.get_text()) > LAYOUT_CELL_CHARS for cell in table.find_all(["td", "th"]))


def table_rows(table: Tag) -> tuple[tuple[str, ...], ...]:
    """Each row's cells as text, merged cells once (rowspan and colspan are not repeated)."""
    rows = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue
        cells = [c for c in row.find_all(["td", "th"]) if c.find_parent("tr") is row]
        rows.append(tuple(_cell_text(c) for c in cells))
    return tuple(rows)


def _cell_text(cell: Tag) -> str:
    for br in cell.find_all("br"):
        br.replace_with("\n")
    parts = [SPACE.sub(" ", p).strip() for p in cell.get_text("\n").split("\n")]
    return "\n".join(p for p in parts if p)
