"""The intermediate form every input becomes: paragraph lines and tables of cell strings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Para:
    """One line of running text as the source gave it."""

    text: str


@dataclass(frozen=True)
class TableBlock:
    """A real table: rows of cell strings in document order, merged cells given once."""

    rows: tuple[tuple[str, ...], ...]


Block = Para | TableBlock


def text_blocks(text: str) -> list[Block]:
    """Plain text: every line is a paragraph; flattened tables are recognised later."""
    return [Para(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
