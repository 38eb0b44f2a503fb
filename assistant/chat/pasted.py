"""Counts pasted into a chat message beside the notes: a JSON object, or table rows copied from Excel."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from assistant.report import ReportError

TABLE_LINE = re.compile(r"\t|\|")
MIN_TABLE_LINES = 3


@dataclass(frozen=True)
class Pasted:
    """A message split into the notes and the counts it carried (None when it carried none)."""

    notes: str
    counts: Any = None


def split_counts(text: str, year: int) -> Pasted:
    """The notes with any pasted counts taken out; ReportError when pasted counts are unusable."""
    notes, counts = _json_counts(text)
    if counts is not None:
        return Pasted(notes.strip(), counts)
    return _table_counts(text, year)


def _json_counts(text: str) -> tuple[str, Any]:
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        return text, None
    block = text[start:end + 1]
    try:
        data = json.loads(block)
    except json.JSONDecodeError:
        return text, None
    if not isinstance(data, dict) or not {"t2", "t3", "t4"} & set(data):
        return text, None
    from assistant.draft.inputs import counts_from_json

    return text[:start] + text[end + 1:], counts_from_json(block)


def _table_counts(text: str, year: int) -> Pasted:
    lines = text.splitlines()
    table = [line for line in lines if TABLE_LINE.search(line)]
    if len(table) < MIN_TABLE_LINES:
        return Pasted(text.strip())
    from assistant.draft.inputs import counts_from_rows

    rows = [[cell.strip() for cell in re.split(r"\t|\|", line)] for line in table]
    counts = counts_from_rows(rows, year)
    notes = "\n".join(line for line in lines if not TABLE_LINE.search(line))
    return Pasted(notes.strip(), counts)


def describe(counts: Any) -> str:
    """Which tables pasted counts filled, in Chinese."""
    names = [label for key, label in (("t2", "表二"), ("t3", "表三"), ("t4", "表四")) if getattr(counts, key, None)]
    if not names:
        raise ReportError("粘贴的统计数据是空的")
    return "、".join(names)
