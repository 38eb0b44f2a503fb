"""Split a report's sections into passages: one per sub-section （一）（二）…, long ones cut at paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.report import SECTION_KEYS, Report

SUBHEADING = re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[）)]\s*([^。\n]{0,30})")
MAX_CHUNK_CHARS = 600


@dataclass(frozen=True)
class Chunk:
    """A passage of one section: its sub-section ordinal and heading, text and offsets in the section."""

    section: str
    subsection: str
    heading: str
    text: str
    start: int
    end: int


def report_chunks(report: Report) -> list[Chunk]:
    """Every passage of every non-empty section, in reading order."""
    chunks: list[Chunk] = []
    for key in SECTION_KEYS:
        chunks.extend(section_chunks(key, report.sections.get(key) or ""))
    return chunks


def section_chunks(key: str, text: str) -> list[Chunk]:
    """A section's passages: split at sub-section headings, then at paragraphs when too long."""
    chunks: list[Chunk] = []
    for ordinal, heading, start, end in _parts(text):
        chunks.extend(_cut(key, ordinal, heading, text, start, end))
    return chunks


def _parts(text: str) -> list[tuple[str, str, int, int]]:
    """(ordinal, heading, start, end) of the lead paragraph(s) and each sub-section."""
    starts: list[tuple[int, str, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        match = SUBHEADING.match(line)
        if match:
            starts.append((offset, match.group(1), match.group(2).strip().rstrip("：:")))
        offset += len(line)
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, "", ""))
    bounds = [s[0] for s in starts[1:]] + [len(text)]
    return [(ordinal, heading, start, end) for (start, ordinal, heading), end in zip(starts, bounds)
            if text[start:end].strip()]


def _cut(key: str, ordinal: str, heading: str, text: str, start: int, end: int) -> list[Chunk]:
    """Cut one part into pieces of at most MAX_CHUNK_CHARS at line breaks (a longer line stays whole)."""
    pieces: list[Chunk] = []
    piece_start = start
    offset = start
    for line in text[start:end].splitlines(keepends=True):
        if offset > piece_start and offset + len(line) - piece_start > MAX_CHUNK_CHARS:
            pieces.append(_chunk(key, ordinal, heading, text, piece_start, offset))
            piece_start = offset
        offset += len(line)
    pieces.append(_chunk(key, ordinal, heading, text, piece_start, end))
    return [piece for piece in pieces if piece.text]


def _chunk(key: str, ordinal: str, heading: str, text: str, start: int, end: int) -> Chunk:
    body = text[start:end]
    lead = len(body) - len(body.lstrip())
    stripped = body.strip()
    return Chunk(key, ordinal, heading, stripped, start + lead, start + lead + len(stripped))
