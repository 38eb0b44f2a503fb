"""Validation of a draft and what happens to the errors the model could not fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from assistant.draft.facts import Facts
from assistant.draft.offline import SECTION_DRAFTERS, number
from assistant.numbers import find_figures, find_numbers
from assistant.report import SECTION_TITLES, Report
from assistant.validate import CheckResult, Finding, check
from assistant.validate.model import SECTION_NAMES, sort_findings

TEXT_RULES = ("N.NUM", "N.SUM", "N.ZERO", "N.BLANK", "N.UNGROUNDED", "YEAR", "SEC")
CHECK_MARK = "【核对：{message}】"
CHECK_MARK_RE = re.compile(r"【核对：[^】]*】")
FigureKey = tuple[float, str]


@dataclass(frozen=True)
class ModelText:
    """The sections a model wrote in this run and the figures they may state (tables and notes only)."""

    sections: frozenset[str] = frozenset()
    allowed: frozenset[FigureKey] = frozenset()


@dataclass(frozen=True)
class Checked:
    """A report and the validator's result on it (plus the drafting chain's own rules)."""

    report: Report
    result: CheckResult
    model_text: ModelText = ModelText()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings."""
        return self.result.findings

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that block the draft."""
        return self.result.errors

    @property
    def status(self) -> str:
        """'ready' or 'needs_review' as the validator sees it."""
        return self.result.status


def check_draft(report: Report, previous: Report | None, grounding: Any, model_text: ModelText = ModelText()) -> Checked:
    """The validator's findings on the report (grounding: the figures the drafter had), plus unchecked marks
    and figures a model wrote that come from no table and no note."""
    result = check(report, previous=previous, inputs=grounding)
    own = unsourced_figures(report, model_text) + unchecked_marks(report)
    spans = {f.loc for f in own}
    kept = [f for f in result.findings if not (f.rule == "N.UNGROUNDED" and f.loc in spans)]
    return Checked(report, CheckResult(sort_findings(kept + own)), model_text)


def recheck(checked: Checked, report: Report, previous: Report | None, grounding: Any) -> Checked:
    """check_draft on a changed report with the same model sections."""
    return check_draft(report, previous, grounding, checked.model_text)


def figure_keys(text: str) -> set[FigureKey]:
    """(value, unit) of every figure of a text."""
    return {(float(n.value), n.unit) for n in find_figures(text)}


def allowed_figures(report: Report, notes_figures: Any) -> frozenset[FigureKey]:
    """What model text may state: the figures of the rule-based text of the tables, every cell, the notes' figures."""
    allowed = {(float(f.value), f.unit) for f in notes_figures}
    for drafter in SECTION_DRAFTERS.values():
        allowed |= figure_keys(drafter(report, Facts()))
    for path, value in report.cells():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            allowed.add((float(value), "万元" if "amount" in path else "件"))
    return frozenset(allowed)


def unsourced_figures(report: Report, model_text: ModelText) -> list[Finding]:
    """Errors for figures in model-written sections that no table cell and no note states."""
    found = []
    for key in sorted(model_text.sections):
        text = report.sections.get(key) or ""
        marks = [m.span() for m in CHECK_MARK_RE.finditer(text)]
        for figure in find_figures(text):
            if (float(figure.value), figure.unit) in model_text.allowed or _inside(figure.start, marks):
                continue
            message = (f"{SECTION_NAMES[key]}中模型写出的数字“{figure.text.strip()}”在统计表和工作记录中都没有："
                       "数字只能来自输入材料，请删除或改为输入中的数字")
            found.append(Finding("N.UNGROUNDED", "error", ("sections", key, figure.start, figure.end), None,
                                 figure.value, {"text": figure.value}, message))
    return found


def unchecked_marks(report: Report) -> list[Finding]:
    """Errors for 【核对：…】 marks still in the text: a person must check and remove them."""
    found = []
    for key, text in report.sections.items():
        for mark in CHECK_MARK_RE.finditer(text or ""):
            message = f"{SECTION_NAMES[key]}还有待核对的标记：请按标记核对改正后删除它"
            found.append(Finding("N.BLANK", "error", ("sections", key, mark.start(), mark.end()), "实际内容",
                                 mark.group()[:20], {}, message))
    return found


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def section_of(finding: Finding) -> str | None:
    """The section key a finding points into, if any."""
    loc = tuple(finding.loc)
    if len(loc) >= 2 and loc[0] == "sections" and loc[1] in SECTION_TITLES:
        return str(loc[1])
    return None


def span_of(finding: Finding) -> tuple[int, int] | None:
    """The (start, end) text span of a finding in its section, if it has one."""
    loc = tuple(finding.loc)
    if len(loc) >= 4 and loc[0] == "sections" and isinstance(loc[2], int) and isinstance(loc[3], int):
        return loc[2], loc[3]
    return None


def text_errors(checked: Checked) -> dict[str, list[Finding]]:
    """Errors in section text, grouped by section."""
    grouped: dict[str, list[Finding]] = {}
    for finding in checked.errors:
        key = section_of(finding)
        if key and finding.rule in TEXT_RULES:
            grouped.setdefault(key, []).append(finding)
    return grouped


def replace_number(text: str, span: tuple[int, int], expected: Any) -> str | None:
    """The text with the number inside the span set to expected; None when the span holds no number in table units."""
    start, end = span
    for found in find_numbers(text):
        if found.start < end and found.end > start and found.unit not in ("元", "亿元"):
            return text[:found.digits_start] + number(expected) + text[found.digits_end:]
    return None


def correct_deterministically(checked: Checked, previous: Report | None, grounding: Any,
                              notice: Callable[[str], None]) -> Checked:
    """Replace each wrong text figure bound to a table cell by the cell's value, right to left per section."""
    report = checked.report
    fixes = [f for f in checked.errors if f.rule == "N.NUM" and _is_value(f.expected) and span_of(f) and section_of(f)]
    for finding in sorted(fixes, key=lambda f: (section_of(f), -span_of(f)[0])):
        key = section_of(finding)
        fixed = replace_number(report.sections.get(key) or "", span_of(finding), finding.expected)
        if fixed is not None:
            report = report.with_section(key, fixed)
            notice(f"已按表格更正正文数字：{finding.message}")
    return recheck(checked, report, previous, grounding) if report is not checked.report else checked


def _is_value(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def mark_remaining(checked: Checked, previous: Report | None, grounding: Any) -> Checked:
    """Append a visible 【核对：…】 mark to each section that still has a text error."""
    report = checked.report
    for key, findings in text_errors(checked).items():
        marks = "".join(CHECK_MARK.format(message=f.message.replace("】", "]")) for f in findings if f.rule != "N.BLANK")
        if marks and marks not in (report.sections.get(key) or ""):
            report = report.with_section(key, (report.sections.get(key) or "") + "\n" + marks)
    return recheck(checked, report, previous, grounding) if report is not checked.report else checked
