"""Validation of a draft and what happens to the errors the model could not fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from assistant.numbers import find_numbers
from assistant.report import SECTION_TITLES, Report
from assistant.validate import CheckResult, Finding, check

TEXT_RULES = ("N.NUM", "N.SUM", "N.ZERO", "N.BLANK", "YEAR", "SEC")
CHECK_MARK = "【核对：{message}】"


@dataclass(frozen=True)
class Checked:
    """A report and the validator's result on it."""

    report: Report
    result: CheckResult

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


def check_draft(report: Report, previous: Report | None, grounding: Any) -> Checked:
    """The validator's findings on the report (grounding: the figures the drafter had)."""
    return Checked(report, check(report, previous=previous, inputs=grounding))


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
    for number in find_numbers(text):
        if number.start < end and number.end > start and number.unit not in ("元", "亿元"):
            return text[:number.digits_start] + _printed(expected) + text[number.digits_end:]
    return None


def _printed(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
    return check_draft(report, previous, grounding) if report is not checked.report else checked


def _is_value(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def mark_remaining(checked: Checked, previous: Report | None, grounding: Any) -> Checked:
    """Append a visible 【核对：…】 mark to each section that still has a text error."""
    report = checked.report
    for key, findings in text_errors(checked).items():
        marks = "".join(CHECK_MARK.format(message=f.message) for f in findings if f.rule != "N.BLANK")
        if marks and marks not in (report.sections.get(key) or ""):
            report = report.with_section(key, (report.sections.get(key) or "") + "\n" + marks)
    return check_draft(report, previous, grounding) if report is not checked.report else checked
