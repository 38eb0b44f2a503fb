"""Disagreements between the notes, the counts and the register: found and reported, never resolved silently."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.draft.facts import Facts, Figure
from assistant.report import T3_COLUMN_LABELS, T3_ROW_LABELS, Report, Table


@dataclass(frozen=True)
class Conflict:
    """Two inputs that disagree about one figure."""

    what: str
    values: tuple[tuple[str, str], ...]
    message: str


def register_conflicts(counts_t3: Table, register_t3: Table) -> list[Conflict]:
    """Every table 三 cell where the counts and the register disagree."""
    found = []
    for row, cells in register_t3.items():
        given = counts_t3.get(row, {})
        for col, value in cells.items():
            if given.get(col) is not None and given[col] != value:
                what = f"表三“{T3_ROW_LABELS[row]}”·{T3_COLUMN_LABELS[col]}"
                found.append(Conflict(what, (("统计数据", str(given[col])), ("登记台账", str(value))),
                                      f"{what}：统计数据为 {given[col]}，登记台账算得 {value}，请核实后修改其中之一"))
    return found


_ALL_APPLICATIONS = re.compile(r"(?:办理|依申请公开|信息公开申请)(?:共|总数|数量|总量)?$")
_SOME_APPLICATIONS = re.compile(r"其中|因|不予|予以|部分|补正|撤回|逾期|无法|不掌握|重复|信访|结转")


def _sum(*values):
    return None if any(v is None for v in values) else sum(values)


def _readings(report: Report, label: str) -> tuple[str, list] | None:
    """What a labelled note figure may mean in the tables: (description, acceptable values)."""
    t2, t3, t4 = report.t2, report.t3, report.t4
    total = lambda row: t3.get(row, {}).get("total")  # noqa: E731
    if "复议" in label:
        return "行政复议件数", [t4["review"]["total"]]
    if "诉讼" in label:
        direct, after = t4["lit_direct"]["total"], t4["lit_after_review"]["total"]
        return "行政诉讼件数", [direct, after, _sum(direct, after)]
    if "申请" in label and re.search(r"办结|答复|办理完", label):
        return "办结的政府信息公开申请件数", [total("processed_total")]
    if "申请" in label and "新收" in label:
        return "新收的政府信息公开申请件数", [total("new")]
    if "申请" in label and re.search(r"收到|受理|接收|共", label):
        return "收到的政府信息公开申请件数", [total("new"), _sum(total("new"), total("carry_in"))]
    if _ALL_APPLICATIONS.search(label) and not _SOME_APPLICATIONS.search(label):
        return "政府信息公开申请件数", [total("new"), _sum(total("new"), total("carry_in")), total("processed_total")]
    for row, name in (("licensing", "行政许可"), ("penalty", "行政处罚"), ("coercion", "行政强制")):
        if name in label and row in t2:
            return f"{name}决定件数", [t2[row].get("decisions")]
    return None


def note_conflicts(facts: Facts, report: Report) -> list[Conflict]:
    """Figures in the notes that no reading of the tables allows."""
    found = []
    for figure in facts.figures:
        found.extend(_figure_conflict(figure, report))
    return found


def _figure_conflict(figure: Figure, report: Report) -> list[Conflict]:
    if figure.unit not in ("件", "件次", "起"):
        return []
    reading = _readings(report, figure.label)
    if reading is None:
        return []
    what, values = reading
    known = [v for v in values if v is not None]
    if not known or figure.value in known:
        return []
    table_value = known[0]
    note_value = int(figure.value) if figure.value.is_integer() else figure.value
    shown = "、".join(str(v) for v in dict.fromkeys(known))
    return [Conflict(what, (("工作记录", str(note_value)), ("统计表", str(table_value))),
                     f"{what}：工作记录写“{figure.label}{note_value}{figure.unit}”，统计表为 {shown}，请核实")]
