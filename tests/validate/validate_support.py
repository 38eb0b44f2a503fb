"""Shared helpers for the validator tests: the fixture reports and their stated figures."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import cn2an

from assistant.report import Report

REPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
NAMES = tuple(sorted(p.stem for p in REPORTS.glob("*.json")))


@lru_cache(maxsize=None)
def load(name: str) -> Report:
    """A fixture report by file stem."""
    return Report.from_json((REPORTS / f"{name}.json").read_text(encoding="utf-8"))


def stated(name: str) -> list[dict]:
    """The figures of a fixture's narrative that state a table figure (span of the digits)."""
    return json.loads((REPORTS / "stated" / f"{name}.json").read_text(encoding="utf-8"))


def replace_span(report: Report, section: str, start: int, end: int, text: str) -> Report:
    """A copy with one span of a section's text replaced."""
    body = report.sections[section]
    return report.with_section(section, body[:start] + text + body[end:])


def number_text(value: float, decimals: int) -> str:
    """A value printed with the given number of decimals."""
    return f"{value:.{decimals}f}" if decimals else str(int(value))


def text_mutations(item: dict) -> list[tuple[str, str]]:
    """(label, replacement) for ±1 and ±10 of a stated figure and a rewrite of +1 in Chinese numerals."""
    original = item["value"]
    digits_text = item.get("text", "")
    decimals = len(digits_text.split(".")[1]) if "." in digits_text else 0
    out = []
    for delta in (1, -1, 10, -10):
        new = original + delta
        if new >= 0:
            out.append((f"{delta:+d}", number_text(new, decimals)))
    if item["kind"] == "cell" and float(original).is_integer():
        out.append(("中文+1", cn2an.an2cn(int(original) + 1)))
    return out


def with_text(name: str) -> list[dict]:
    """Stated figures with their current text filled in."""
    report = load(name)
    items = []
    for item in stated(name):
        body = report.sections[item["section"]]
        items.append({**item, "text": body[item["start"]:item["end"]]})
    return items
