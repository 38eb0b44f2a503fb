"""The deterministic validator: every rule of FORMAT.md checked, every finding explained in Chinese."""

from __future__ import annotations

from typing import Any

from ..report import Report
from . import crossyear, mentions, structure, tables, text  # noqa: F401  (register the rules)
from .model import (ERROR_RULES, RULE_TITLES, RULES, WARNING_RULES, CheckResult, Context, Finding, Grounding,
                    sort_findings)

RULE_ORDER = ERROR_RULES + WARNING_RULES

__all__ = ["CheckResult", "Finding", "Grounding", "RULES", "RULE_ORDER", "RULE_TITLES", "check"]


def check(report: Report, *, previous: Report | None = None, inputs: Any = None) -> CheckResult:
    """Run every rule on the report and collect all findings (never stops at the first)."""
    grounding = Grounding.of(inputs) if inputs is not None else None
    ctx = Context(report, previous, grounding)
    findings = []
    for rule_id in RULE_ORDER:
        findings.extend(RULES[rule_id](ctx))
    return CheckResult(sort_findings(findings))
