"""Chat edits of a draft: rewrite a section, change the year, correct a figure."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from assistant.draft.chain import (
    CountingLLM, Draft, EventSink, Run, messages_for, build_tables, draft_report, draft_sections, finish,
    retrieval_context, section_variables, usable_text,
)
from assistant.draft.inputs import CountsIn, DraftRequest
from assistant.draft.offline import OfflineDrafter
from assistant.events import TextChunk
from assistant.llm.base import LLM, LLMError, Request
from assistant.report import T3_RESULT_ROWS, ReportError, format_for_year, t2_layout

SECTION_NUMERALS = {"一": "s1", "二": "s2", "三": "s3", "四": "s4", "五": "s5", "六": "s6",
                    "1": "s1", "2": "s2", "3": "s3", "4": "s4", "5": "s5", "6": "s6"}
SECTION_WORDS = (("总体情况", "s1"), ("主动公开政府信息", "s2"), ("收到和处理", "s3"), ("复议", "s4"),
                 ("诉讼", "s4"), ("存在的主要问题", "s5"), ("问题", "s5"), ("改进", "s5"), ("其他需要报告", "s6"))
FIGURE_CELLS = (("行政许可", "t2.licensing.decisions"), ("行政处罚", "t2.penalty.decisions"),
                ("行政强制", "t2.coercion.decisions"), ("行政事业性收费", "t2.admin_fees.amount_wan_yuan"),
                ("行政复议", "t4.review.total"))
TABLE_SECTIONS = {"t2": ("s2",), "t3": ("s1", "s3"), "t4": ("s4",)}
_YEAR_CHANGE = re.compile(r"(?:改成|改为|换成|调整为|应为|应该是)\s*((?:19|20)\d{2})\s*年")
_FIGURE = re.compile(r"(?:应该|应当|应)?(?:是|为|改成|改为|改作)\s*(\d+(?:\.\d+)?)")
_PATH = re.compile(r"(t[234])\.(\w+)\.(\w+)\s*(?:=|应为|改为|是)\s*(\d+(?:\.\d+)?)")


def revise(draft: Draft, instruction: str, *, llm: LLM, index: Any = None, on_event: EventSink | None = None) -> Draft:
    """A new draft after one chat instruction; the validator runs again on it."""
    emit = on_event or (lambda event: None)
    if draft.request is None:
        raise ReportError("这份稿子没有保存起草输入，无法按指令修改")
    year = _year_change(instruction)
    if year is not None:
        return draft_report(_with_year(draft.request, year), llm=llm, index=index, on_event=emit)
    change = _figure_change(instruction)
    if change is not None:
        return _revise_figure(draft, *change, llm=llm, index=index, emit=emit)
    key = section_named(instruction)
    if key is not None:
        return _revise_section(draft, key, instruction, llm=llm, index=index, emit=emit)
    run = Run(CountingLLM(llm), emit)
    run.notice("没有看懂要修改哪里：请说明部分（如“第五部分”）、年份（如“改成2025年”）或数字（如“行政许可应该是15件”）", "info")
    return replace(draft, notices=tuple(run.notices), model_calls=0, repair_rounds=0)


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
        match = _FIGURE.search(instruction, at) if at >= 0 else None
        if match:
            return cell, float(match.group(1))
    return None


def _with_year(request: DraftRequest, year: int) -> DraftRequest:
    counts = relayout_counts(request.counts, format_for_year(request.year), format_for_year(year))
    return request.model_copy(update={"year": year, "counts": counts})


def relayout_counts(counts: CountsIn | None, old: str, new: str) -> CountsIn | None:
    """Counts moved to another table format: common rows kept, 其他处理 rows merged or split."""
    if counts is None or old == new:
        return counts
    t3 = dict(counts.t3 or {})
    if new == "2019" and t3:
        parts = [t3.pop(k, None) for k in T3_RESULT_ROWS["2021"][-3:]]
        known = [p for p in parts if p]
        t3["other"] = {c: sum((p.get(c) or 0) for p in known) for c in known[0]} if known else {}
    elif new == "2021" and "other" in t3:
        t3["other_other"] = t3.pop("other")
        for row in T3_RESULT_ROWS["2021"][-3:-1]:
            t3[row] = {c: 0 for c in t3["other_other"]}
    layout = t2_layout(new)
    t2 = {r: {c: v for c, v in cells.items() if c in layout[r]} for r, cells in (counts.t2 or {}).items() if r in layout}
    return counts.model_copy(update={"t3": t3 or None, "t2": {r: c for r, c in t2.items() if c} or None, "format": None})


def _revise_figure(draft: Draft, path: str, value: float, *, llm: LLM, index: Any, emit: EventSink) -> Draft:
    table, row, col = path.split(".")
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
    return finish(report, draft.facts, draft.conflicts + tuple(conflicts), context["previous_report"], request, run, 2)


def _revise_section(draft: Draft, key: str, instruction: str, *, llm: LLM, index: Any, emit: EventSink) -> Draft:
    run = Run(CountingLLM(llm), emit)
    context = retrieval_context(draft.request, index, run, draft.facts)
    variables = section_variables(draft.report, key, draft.facts, context)
    current = draft.report.sections.get(key) or ""
    variables.update(instruction=instruction, text=current)
    if run.llm.is_model:
        text = _model_revision(variables, current, run)
    else:
        text = OfflineDrafter().generate(Request("revise_section", variables))
        run.notice("离线模式不能按自由文字要求改写，已按工作记录重新生成该部分；配置模型后可按要求改写", "info")
        run.emit(TextChunk(text))
    report = draft.report.with_section(key, text)
    return finish(report, draft.facts, draft.conflicts, context["previous_report"], draft.request, run, 2)


def _model_revision(variables: dict[str, Any], current: str, run: Run) -> str:
    title = variables["title"]
    try:
        reply = run.llm.generate(Request("revise_section", variables, messages_for("revise_section", variables)),
                                 on_chunk=lambda piece: run.emit(TextChunk(piece)))
    except LLMError as exc:
        run.model_failed(exc, f"“{title}”的改写")
        return current
    return usable_text(reply, title, current, run)
