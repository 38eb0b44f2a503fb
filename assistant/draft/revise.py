"""Chat edits of a draft: rewrite a section, change the year, correct a figure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from assistant.draft.chain import (
    CountingLLM, Draft, EventSink, Run, build_tables, draft_report, draft_sections, finish, retrieval_context, section_variables, streamed_section,
)
from assistant.draft.conflicts import note_conflicts
from assistant.draft.inputs import CountsIn, DraftRequest, TableIn
from assistant.draft.offline import OfflineDrafter
from assistant.events import Notice, TextChunk
from assistant.llm.base import LLM, Request
from assistant.numbers import find_numbers
from assistant.report import T3_COLUMN_LABELS, T3_RESULT_ROWS, ReportError, format_for_year, t2_layout
from assistant.validate.tables import cell_label

SECTION_NUMERALS = {"一": "s1", "二": "s2", "三": "s3", "四": "s4", "五": "s5", "六": "s6",
                    "1": "s1", "2": "s2", "3": "s3", "4": "s4", "5": "s5", "6": "s6"}
SECTION_WORDS = (("总体情况", "s1"), ("主动公开政府信息", "s2"), ("收到和处理", "s3"), ("复议", "s4"),
                 ("诉讼", "s4"), ("存在的主要问题", "s5"), ("问题", "s5"), ("改进", "s5"), ("其他需要报告", "s6"))
FIGURE_CELLS = (("行政许可", "t2.licensing.decisions"), ("行政处罚", "t2.penalty.decisions"),
                ("行政强制", "t2.coercion.decisions"), ("行政事业性收费", "t2.admin_fees.amount_wan_yuan"),
                ("行政复议", "t4.review.total"))
TABLE_SECTIONS = {"t2": ("s2",), "t3": ("s1", "s3"), "t4": ("s4",)}
_YEAR_CHANGE = re.compile(r"(?:改成|改为|换成|调整为|应为|应该是)\s*((?:19|20)\d{2})\s*年")
_SETTING = re.compile(r"(?:是|为|改成|改作|调整为)\s*$")
NOT_UNDERSTOOD = "没有看懂要修改哪里：请说明部分（如“第五部分”）、年份（如“改成2025年”）或数字（如“行政许可应该是15件”）"
_PATH = re.compile(r"(t[234])\.(\w+)\.(\w+)\s*(?:=|应为|改为|是)\s*(\d+(?:\.\d+)?)")


def revise(draft: Draft, instruction: str, *, llm: LLM, index: Any = None, on_event: EventSink | None = None) -> Draft:
    """A new draft after one chat instruction; the validator runs again on it."""
    emit = on_event or (lambda event: None)
    if draft.request is None:
        raise ReportError("这份稿子没有保存起草输入，无法按指令修改")
    year = _year_change(instruction)
    if year is not None:
        return _revise_year(draft, year, llm=llm, index=index, emit=emit)
    change = _figure_change(instruction)
    if change is not None:
        return _revise_figure(draft, *change, llm=llm, index=index, emit=emit)
    key = section_named(instruction)
    if key is not None:
        return _revise_section(draft, key, instruction, llm=llm, index=index, emit=emit)
    return unchanged(draft, NOT_UNDERSTOOD, emit)


def unchanged(draft: Draft, message: str, emit: EventSink) -> Draft:
    """The draft as it was, with a message saying why nothing changed."""
    emit(Notice(message, "info"))
    return replace(draft, notices=(message,), model_calls=0, repair_rounds=0)


def section_named(instruction: str) -> str | None:
    """The section an instruction names: 第五部分, 五、, or words of its title."""
    match = re.search(r"第\s*([一二三四五六1-6])\s*(?:部分|节|章|项)", instruction) or re.search(r"([一二三四五六])、", instruction)
    if match:
        return SECTION_NUMERALS[match.group(1)]
    for word, key in SECTION_WORDS:
        if word in instruction:
            return key
    return None


def _year_change(instruction: str) -> int | None:
    match = _YEAR_CHANGE.search(instruction)
    return int(match.group(1)) if match else None


def _figure_change(instruction: str) -> tuple[str, float] | None:
    path = _PATH.search(instruction)
    if path:
        return f"{path.group(1)}.{path.group(2)}.{path.group(3)}", float(path.group(4))
    for word, cell in FIGURE_CELLS:
        at = instruction.find(word)
        value = _value_set(instruction[at + len(word):]) if at >= 0 else None
        if value is not None:
            return cell, value
    return None


def _value_set(rest: str) -> float | None:
    """The figure of '应该是15件', '改为十五件' right after a cell's name (not a year, not a share)."""
    for found in find_numbers(rest):
        between = rest[:found.start]
        if found.is_figure and found.unit != "%" and len(between) <= 12 and _SETTING.search(between):
            return float(found.value)
    return None


def _revise_year(draft: Draft, year: int, *, llm: LLM, index: Any, emit: EventSink) -> Draft:
    """The whole draft again for another year, the tables re-laid when the format changes."""
    old, new = format_for_year(draft.request.year), format_for_year(year)
    counts, lost = relayout_counts(draft.request.counts, old, new)
    try:
        request = DraftRequest.model_validate({**draft.request.model_dump(), "year": year, "counts": counts})
    except ValidationError:
        return unchanged(draft, f"报告年度 {year} 不在可起草的范围内（2008—2100 年），稿子没有改动", emit)
    notices = ()
    if lost:
        notices = (f"{year}年适用{new}版表格，以下统计数据在新表格中没有对应的格子或无法拆分，已留空待填："
                   + "、".join(lost),)
        emit(Notice(notices[0], "warning"))
    redrafted = draft_report(request, llm=llm, index=index, on_event=emit)
    return replace(redrafted, notices=notices + redrafted.notices)


def relayout_counts(counts: CountsIn | None, old: str, new: str) -> tuple[CountsIn | None, list[str]]:
    """Counts moved to another table format and the cells that could not be carried over (left empty, never guessed)."""
    if counts is None or old == new:
        return counts, []
    t3, lost = _relayout_t3(dict(counts.t3 or {}), new)
    layout = t2_layout(new)
    t2: TableIn = {}
    for row, cells in (counts.t2 or {}).items():
        kept = {c: v for c, v in cells.items() if row in layout and c in layout[row]}
        lost += [cell_label(f"t2.{row}.{c}") for c, v in cells.items() if c not in kept and v is not None]
        if kept:
            t2[row] = kept
    return counts.model_copy(update={"t3": t3 or None, "t2": t2 or None, "format": None}), lost


OTHER_ROWS = T3_RESULT_ROWS["2021"][-3:]


def _relayout_t3(t3: TableIn, new: str) -> tuple[TableIn, list[str]]:
    """其他处理: the three 2021 rows summed into the one 2019 row; the 2019 row split only where it is 0."""
    if new == "2019" and any(row in t3 for row in OTHER_ROWS):
        parts = [t3.pop(row, {}) for row in OTHER_ROWS]
        columns = dict.fromkeys(c for part in parts for c in part)
        t3["other"] = {c: _sum_or_none([part.get(c) for part in parts]) for c in columns}
        return t3, []
    if new == "2021" and "other" in t3:
        other = t3.pop("other")
        for row in OTHER_ROWS:
            t3[row] = {c: (0 if v == 0 else None) for c, v in other.items()}
        return t3, [f"表三“其他处理”{v}件（{T3_COLUMN_LABELS[c]}）如何分入（六）1—3 行" for c, v in other.items() if v]
    return t3, []


def _sum_or_none(values: list[Any]) -> Any:
    return None if any(v is None for v in values) else sum(values)


def _revise_figure(draft: Draft, path: str, value: float, *, llm: LLM, index: Any, emit: EventSink) -> Draft:
    table, row, col = path.split(".")
    if col not in getattr(draft.report, table).get(row, {}):
        return unchanged(draft, f"{draft.report.year}年报告的表格（{draft.report.format}版）中没有 {path} 这一格，稿子没有改动", emit)
    counts = draft.request.counts or CountsIn()
    cells = {r: dict(c) for r, c in getattr(draft.report, table).items()}
    cells.setdefault(row, {})[col] = int(value) if value.is_integer() else value
    request = draft.request.model_copy(update={"counts": counts.model_copy(update={table: cells})})
    run = Run(CountingLLM(llm), emit)
    report, conflicts = build_tables(request, run)
    report = replace(report, preamble=draft.report.preamble, sections=dict(draft.report.sections))
    context = retrieval_context(request, index, run, draft.facts)
    run.notice(f"已把统计数据 {path} 改为 {cells[row][col]}，并重写了相关部分", "info")
    report = draft_sections(report, draft.facts, context, run, only=TABLE_SECTIONS[table])
    conflicts += note_conflicts(draft.facts, report)  # recomputed: the change may settle an old one or make a new one
    for conflict in conflicts:
        run.notice("输入之间有矛盾：" + conflict.message)
    return finish(report, draft.facts, tuple(conflicts), context["previous_report"], request, run, 2)


def _revise_section(draft: Draft, key: str, instruction: str, *, llm: LLM, index: Any, emit: EventSink) -> Draft:
    run = Run(CountingLLM(llm), emit)
    context = retrieval_context(draft.request, index, run, draft.facts)
    variables = section_variables(draft.report, key, draft.facts, context)
    current = draft.report.sections.get(key) or ""
    variables.update(instruction=instruction, text=current)
    if run.llm.is_model:
        text = _model_revision(variables, current, run)
        if text != current:
            run.model_written.add(key)
    else:
        text = OfflineDrafter().generate(Request("revise_section", variables))
        run.notice("离线模式不能按自由文字要求改写，已按工作记录重新生成该部分；配置模型后可按要求改写", "info")
        run.emit(TextChunk(text))
    report = draft.report.with_section(key, text)
    return finish(report, draft.facts, draft.conflicts, context["previous_report"], draft.request, run, 2)


def _model_revision(variables: dict[str, Any], current: str, run: Run) -> str:
    return streamed_section("revise_section", variables, current, run, "的改写")