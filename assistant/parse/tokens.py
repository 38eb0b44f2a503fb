"""Table text as a stream of cell tokens, grouped into label segments followed by their cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..report import NULL_MARK
from .normalize import norm, same_width

TEXT, NUM, EMPTY, DASH, NULL = "text", "num", "empty", "dash", "null"
VALUE_KINDS = frozenset({NUM, DASH, NULL})
NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:件|条|个|项|宗|份|次|万元|元)?$")
DASHES = frozenset({"/", "-", "—", "——", "–", "无", "/", "--", "-"})
RULE = re.compile(r"^:?-{3,}:?$")
CELL_SPLIT = re.compile(r"[|\t]")


@dataclass(frozen=True)
class Token:
    """One table cell or one word of a cell: text, a number, an empty cell, a dash, or the null mark."""

    kind: str
    text: str = ""
    value: int | float | None = None


@dataclass
class Segment:
    """A run of label text (normalised, joined) and the non-text cells that follow it."""

    text: str
    cells: list[Token] = field(default_factory=list)


def number_value(text: str) -> int | float | None:
    """The number a cell shows ('1,234', '１２', '96171.6', '-3'), or None."""
    match = NUMBER.match(text)
    if not match:
        return None
    sign, digits, fraction = match.groups()
    whole = int(digits.replace(",", ""))
    value: int | float = whole + float(fraction) if fraction else whole
    return -value if sign == "-" else value


@lru_cache(maxsize=8192)
def word_token(word: str) -> Token | None:
    """The token of one whitespace-free piece of a cell; None for a Markdown rule."""
    flat = same_width(word).replace("，", ",")
    if flat == NULL_MARK:
        return Token(NULL, flat)
    if RULE.match(flat):
        return None
    value = number_value(flat)
    if value is not None:
        return Token(NUM, flat, value)
    if flat in DASHES:
        return Token(DASH, flat)
    return Token(TEXT, flat)


@lru_cache(maxsize=8192)
def cell_tokens(cell: str) -> tuple[Token, ...]:
    """The tokens of one cell; a cell with nothing in it is one EMPTY token."""
    tokens = tuple(t for t in (word_token(w) for w in cell.split()) if t is not None)
    if not tokens and not RULE.match(cell.strip()):
        return (Token(EMPTY),)
    return tokens


def text_table_tokens(lines: Iterable[str]) -> list[Token]:
    """Flattened table lines (tabs, pipes, spaces or one cell per line) as one token stream."""
    joined = "\n".join(line.replace("\\|", "／") for line in lines)
    cells = CELL_SPLIT.split(joined)
    if len(cells) > 1 and not cells[-1].strip() and joined.rstrip(" \n\u3000").endswith("|"):
        cells.pop()
    tokens: list[Token] = []
    for cell in cells:
        if "\n" not in cell:
            tokens.extend(cell_tokens(cell))
            continue
        parts = [p for p in cell.split("\n") if p.strip()]
        if not parts:
            tokens.append(Token(EMPTY))
        for part in parts:
            tokens.extend(cell_tokens(part))
    return tokens


def block_table_tokens(rows: Iterable[Iterable[str]]) -> list[Token]:
    """A real table's cells, row by row, as one token stream."""
    tokens: list[Token] = []
    for row in rows:
        for cell in row:
            lines = [p for p in cell.split("\n") if p.strip()]
            tokens.extend(t for line in lines for t in cell_tokens(line))
            if not lines:
                tokens.append(Token(EMPTY))
    return tokens


def segments(tokens: Iterable[Token]) -> list[Segment]:
    """Group tokens into label text and the cells after it."""
    result: list[Segment] = [Segment("")]
    for token in tokens:
        current = result[-1]
        if token.kind == TEXT and current.cells:
            result.append(Segment(norm(token.text)))
        elif token.kind == TEXT:
            current.text += norm(token.text)
        else:
            current.cells.append(token)
    return result
