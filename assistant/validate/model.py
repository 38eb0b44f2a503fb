"""Findings, the check result, grounding inputs and the rule registry."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..report import SECTION_TITLES, Report

Severity = str
SEVERITY_ORDER = {"error": 0, "warning": 1, "uncertain": 2}
SEVERITY_LABELS = {"error": "错误", "warning": "提醒", "uncertain": "待确认"}
ERROR_RULES = ("T3.ID", "T3.SUM", "T3.ROW", "T4.SUM", "INT", "VER", "SEC", "YEAR",
               "N.NUM", "N.SUM", "N.ZERO", "N.BLANK")
WARNING_RULES = ("Y.CARRY", "Y.VALID", "Y.COPY", "N.UNGROUNDED", "N.REG")
RULE_TITLES = {
    "T3.ID": "表三勾稽关系", "T3.SUM": "表三办理结果合计", "T3.ROW": "表三申请人合计",
    "T4.SUM": "表四合计", "INT": "数值类型", "VER": "表格版本", "SEC": "章节完整",
    "YEAR": "年份一致", "N.NUM": "正文数字与表格", "N.SUM": "正文合计与占比",
    "N.ZERO": "正文“没有”与表格", "N.BLANK": "漏填", "Y.CARRY": "跨年结转",
    "Y.VALID": "跨年现行有效件数", "Y.COPY": "内容雷同", "N.UNGROUNDED": "无来源数字",
    "N.REG": "规章",
}
SECTION_NAMES = {key: f"第{title.split('、')[0]}部分（{title.split('、')[1]}）" for key, title in SECTION_TITLES.items()}
SECTION_NAMES["preamble"] = "报告开头"
SECTION_NAMES["title"] = "标题"

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """One problem found in a report: which rule, where, what was expected, and why (in Chinese)."""

    rule: str
    severity: Severity
    loc: Loc
    expected: Any
    actual: Any
    values: Mapping[str, Any]
    message: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (loc as a list)."""
        return {
            "rule": self.rule, "severity": self.severity, "loc": list(self.loc),
            "expected": self.expected, "actual": self.actual,
            "values": dict(self.values), "message": self.message,
        }


@dataclass(frozen=True)
class CheckResult:
    """All findings of one check, errors first, then warnings, then uncertain ones."""

    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block the report."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings the user may accept."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def uncertain(self) -> tuple[Finding, ...]:
        """Readings the checker could not decide."""
        return tuple(f for f in self.findings if f.severity == "uncertain")

    @property
    def status(self) -> str:
        """'ready' when no error stands, else 'needs_review'."""
        return "needs_review" if self.errors else "ready"

    @property
    def rules(self) -> tuple[str, ...]:
        """The distinct rule ids found, in finding order."""
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary with every finding."""
        return {
            "status": self.status, "errors": len(self.errors), "warnings": len(self.warnings),
            "uncertain": len(self.uncertain), "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class Grounding:
    """The numbers the drafter had (label, value), for N.UNGROUNDED."""

    items: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, inputs: Any) -> Grounding:
        """Accept a Grounding, a mapping label→value, an object with .figures, or an iterable of facts, pairs, numbers."""
        if isinstance(inputs, Grounding):
            return inputs
        if hasattr(inputs, "figures"):
            return cls(tuple(pair for figure in inputs.figures for pair in _pairs(figure)))
        if isinstance(inputs, Mapping):
            return cls(tuple((str(k), float(v)) for k, v in inputs.items() if _is_number(v)))
        return cls(tuple(pair for item in inputs for pair in _pairs(item)))

    @property
    def values(self) -> frozenset[float]:
        """The distinct values."""
        return frozenset(value for _, value in self.items)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _pairs(item: Any) -> Iterator[tuple[str, float]]:
    if _is_number(item):
        yield str(item), float(item)
    elif isinstance(item, tuple) and len(item) == 2 and _is_number(item[1]):
        yield str(item[0]), float(item[1])
    elif _is_number(getattr(item, "value", None)):
        yield str(getattr(item, "label", "") or getattr(item, "name", "")), float(item.value)
    elif hasattr(item, "figures"):
        for figure in item.figures:
            yield from _pairs(figure)


@dataclass
class Context:
    """What a rule sees: the report, last year's report, the drafter's inputs, shared text scans."""

    report: Report
    previous: Report | None = None
    grounding: Grounding | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """(place, text) of the preamble and every section with text."""
        parts = [("preamble", self.report.preamble or "")]
        parts += [(key, text) for key, text in self.report.sections.items() if text]
        return tuple((key, text) for key, text in parts if text)


def loc_of(place: str, start: int, end: int) -> Loc:
    """The location of a span of text in the preamble or a section."""
    if place == "preamble":
        return ("preamble", start, end)
    return ("sections", place, start, end)


Rule = Callable[[Context], Iterable[Finding]]
RULES: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Rule], Rule]:
    """Register a rule function under its stable id."""
    def register(function: Rule) -> Rule:
        RULES[rule_id] = function
        return function
    return register


def finding(rule_id: str, loc: Loc, message: str, *, expected: Any = None, actual: Any = None,
            values: Mapping[str, Any] | None = None, severity: str | None = None) -> Finding:
    """A finding with the rule's default severity unless one is given."""
    default = "error" if rule_id in ERROR_RULES else "warning"
    return Finding(rule_id, severity or default, tuple(loc), expected, actual, dict(values or {}), message)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Errors first, then warnings, then uncertain; stable within each."""
    return tuple(sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 3)))


def fmt(value: Any) -> str:
    """A cell or figure as printed in a message."""
    if value is None:
        return "空"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
