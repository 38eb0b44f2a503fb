"""Plain-data views of drafts and findings for the page and the API: no Gradio here."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.report import (
    SECTION_KEYS, SECTION_TITLES, T2_COLUMN_LABELS, T2_ROW_LABELS, T3_COLUMN_LABELS, T3_ROW_LABELS,
    T4_COLUMN_LABELS, T4_GROUP_LABELS, TABLE_LABELS, Report, ReportError,
)
from assistant.validate.model import SEVERITY_LABELS

FINDING_FIELDS = ("rule", "severity", "loc", "expected", "actual", "values", "message")
SEVERITY_ORDER = {"error": 0, "warning": 1, "uncertain": 2, "info": 3}
SEVERITY_SHOWN = {**SEVERITY_LABELS, "info": "提示"}
STATUS_LABELS = {"ready": "可以发布", "needs_review": "需要复核"}
PLACE_LABELS = {"title": "标题", "preamble": "报告开头", "year": "年度", "format": "表格格式", "sections": "正文"}
SENTENCE_END = re.compile(r"(?<=[。！？；\n])")
LOCATION_MAX_CHARS = 600


@dataclass(frozen=True)
class DraftState:
    """The draft shown beside the chat: one saved version with its findings, as plain data."""

    conversation_id: str
    version: int
    report: Report
    findings: tuple[dict[str, Any], ...]
    status: str
    note: str = ""
    versions: tuple[int, ...] = field(default_factory=tuple)
    inputs: dict[str, Any] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data for the API."""
        return {
            "conversation_id": self.conversation_id,
            "version": self.version,
            "versions": list(self.versions),
            "status": self.status,
            "note": self.note,
            "report": self.report.to_dict(),
            "findings": list(self.findings),
        }


def finding_to_dict(finding: Any) -> dict[str, Any]:
    """A validator finding (dataclass, pydantic model or dict) as a JSON-ready dict."""
    if isinstance(finding, dict):
        data = dict(finding)
    elif dataclasses.is_dataclass(finding):
        data = dataclasses.asdict(finding)
    elif hasattr(finding, "model_dump"):
        data = finding.model_dump()
    else:
        data = {name: getattr(finding, name, None) for name in FINDING_FIELDS}
    return {name: _plain(data.get(name)) for name in FINDING_FIELDS}


def sorted_findings(findings: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """Errors first, then warnings, keeping the validator's order within each."""
    return sorted(findings, key=lambda item: SEVERITY_ORDER.get(str(item.get("severity")), 3))


def findings_rows(findings: list[dict[str, Any]] | tuple[dict[str, Any], ...]) -> list[list[str]]:
    """Rows for the findings table: 级别, 位置, 规则, 说明."""
    return [
        [SEVERITY_SHOWN.get(str(f.get("severity")), str(f.get("severity"))), location_label(f.get("loc")),
         str(f.get("rule") or ""), str(f.get("message") or "")]
        for f in sorted_findings(findings)
    ]


def loc_parts(loc: Any) -> list[Any]:
    """A finding's location as a list: ['t3', 'new', 'total'], ['sections', 's1', 12, 30], ['title']."""
    if isinstance(loc, (list, tuple)):
        return list(loc)
    if isinstance(loc, str) and loc:
        return loc.split(".")
    return []


def location_label(loc: Any) -> str:
    """A short Chinese name of a finding's location: 表三·一、本年新收…·总计, or 一、总体情况."""
    parts = loc_parts(loc)
    if not parts:
        return "全文"
    head = parts[0]
    if head in TABLE_LABELS and len(parts) == 3:
        row_label, col_label = _cell_labels(head, str(parts[1]), str(parts[2]))
        return f"{TABLE_LABELS[head]}·{row_label}·{col_label}"
    if head in TABLE_LABELS:
        return TABLE_LABELS[head] + "".join(f"·{part}" for part in parts[1:])
    if head == "sections" and len(parts) > 1:
        return SECTION_TITLES.get(str(parts[1]), str(parts[1]))
    return PLACE_LABELS.get(str(head), str(head))


def locate(report: Report, finding: dict[str, Any]) -> str:
    """The text at a finding's location: the cell with its value, or the sentence it points at."""
    parts = loc_parts(finding.get("loc"))
    head = parts[0] if parts else ""
    if head in TABLE_LABELS and len(parts) == 3:
        return _cell_text(report, ".".join(str(p) for p in parts))
    if head == "sections" and len(parts) > 1 and parts[1] in SECTION_KEYS:
        return _place_text(SECTION_TITLES[parts[1]], report.sections.get(parts[1]) or "", parts[2:], finding)
    if head == "preamble":
        return _place_text("报告开头", report.preamble or "", parts[1:], finding)
    if head == "title":
        return f"标题：{report.display_title}"
    if head == "year":
        return f"年度：{report.year or '未知'}"
    if head == "format":
        return f"表格格式：{report.format} 版（报告年度 {report.year or '未知'}）"
    return str(finding.get("message") or "")


def _cell_text(report: Report, path: str) -> str:
    try:
        value = report.cell(path)
    except KeyError:
        return f"{location_label(path)}（本报告的表格中没有这一格）"
    shown = "【待填】" if value is None else str(value)
    return f"{location_label(path)} = {shown}"


def _place_text(title: str, text: str, span: list[Any], finding: dict[str, Any]) -> str:
    if not text:
        return f"{title}：（本部分为空）"
    if len(span) >= 2 and all(isinstance(x, int) for x in span[:2]):
        sentence = _sentence_around(text, span[0], span[1])
    else:
        sentence = _matching_sentence(text, finding)
    return f"{title}：{sentence}"[:LOCATION_MAX_CHARS]


def _sentence_around(text: str, start: int, end: int) -> str:
    begin = max((text.rfind(mark, 0, max(start, 0)) for mark in "。！？；\n"), default=-1) + 1
    stops = [i for i in (text.find(mark, max(end, begin)) for mark in "。！？；\n") if i >= 0]
    return text[begin:(min(stops) + 1 if stops else len(text))].strip()


def _matching_sentence(text: str, finding: dict[str, Any]) -> str:
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    for probe in _probes(finding):
        for sentence in sentences:
            if probe in sentence:
                return sentence
    return sentences[0] if sentences else text


def _probes(finding: dict[str, Any]) -> list[str]:
    probes = []
    for name in ("actual", "expected"):
        value = finding.get(name)
        if isinstance(value, (str, int, float)) and str(value).strip():
            probes.append(str(value))
    return probes


def _cell_labels(table: str, row: str, col: str) -> tuple[str, str]:
    if table == "t2":
        return T2_ROW_LABELS.get(row, row), T2_COLUMN_LABELS.get(col, col)
    if table == "t3":
        return T3_ROW_LABELS.get(row, row), T3_COLUMN_LABELS.get(col, col)
    return T4_GROUP_LABELS.get(row, row), T4_COLUMN_LABELS.get(col, col)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return str(value)


def report_from_dict(data: dict[str, Any]) -> Report:
    """A stored report dict back as a Report (ReportError when the stored data is broken)."""
    try:
        return Report.from_dict(data)
    except (KeyError, TypeError) as exc:
        raise ReportError(f"保存的草稿已损坏：{exc}") from None
