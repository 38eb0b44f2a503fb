"""The report as Markdown: headings, plain paragraphs and GitHub pipe tables."""

from __future__ import annotations

import re

from ..report import Report
from .layout import Block, Grid, blocks, place

MARKUP_START = re.compile(r"^(?:[#>|]|[-+*] |\d+[.)] )")


def to_markdown(report: Report) -> str:
    """The whole report as Markdown text ending in a newline."""
    return "\n\n".join(_block(block) for block in blocks(report)) + "\n"


def _block(block: Block) -> str:
    if block.kind == "title":
        return f"# {block.text}"
    if block.kind == "heading":
        return f"## {block.text}"
    if block.kind == "table" and block.table is not None:
        return pipe_table(block.table)
    return _escape_line(block.text)


def pipe_table(table: Grid) -> str:
    """A grid as a pipe table; each row-spanned label is repeated so every row reads label → numbers."""
    lines = [_pipe_row(row) for row in _texts(table)]
    lines.insert(1, "|" + "---|" * table.width)
    return "\n".join(lines)


def _texts(table: Grid) -> list[list[str]]:
    return [[cell.text if cell else "" for cell in row] for row in place(table, repeat_row_labels=True)]


def _pipe_row(texts: list[str]) -> str:
    return "| " + " | ".join(text.replace("|", "\\|") for text in texts) + " |"


def _escape_line(text: str) -> str:
    """A text line, with a backslash before a start that Markdown would read as markup."""
    text = text.replace("|", "\\|")
    return "\\" + text if MARKUP_START.match(text) else text
