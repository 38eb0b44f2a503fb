"""The drafting chain: inputs and notes in, tables from the counts, text per section, validated draft out."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from assistant.draft.conflicts import Conflict, note_conflicts, register_conflicts
from assistant.draft.facts import Facts, extract_facts, facts_as_text, facts_from_reply, has_chinese_content
from assistant.draft.inputs import DraftRequest, tables_from_counts
from assistant.draft.offline import OfflineDrafter, number
from assistant.draft.register import entries_outside, t3_from_register
from assistant.draft.repair import (
    Checked, ModelText, allowed_figures, check_draft, correct_deterministically, mark_remaining, text_errors,
)
from assistant.events import DraftUpdated, FindingsReady, Notice, Progress, TextChunk
from assistant.llm.base import LLM, LLMError, Message, Request
from assistant.prompts import load_prompt
from assistant.report import (
    SECTION_KEYS, SECTION_TITLES, T2_COLUMN_LABELS, T2_ROW_LABELS, T3_COLUMN_LABELS, T3_ROW_LABELS,
    T4_COLUMN_LABELS, T4_GROUP_LABELS, Report, ReportError, empty_report,
)
from assistant.validate import Finding
from assistant.validate.tables import cell_label

DEFAULT_REPAIR_ROUNDS = 2
SECTION_TOPICS = {
    "s1": ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"),
    "s2": ("主动公开",), "s3": ("依申请公开",), "s4": ("依申请公开",),
    "s5": ("问题", "改进措施"), "s6": ("信息处理费", "其他"),
}
EventSink = Callable[[Any], None]


@dataclass(frozen=True)
class Draft:
    """A drafted report with its findings, status and what the user must know about how it was made."""

    report: Report
    findings: tuple[Finding, ...]
    status: str
    conflicts: tuple[Conflict, ...]
    notices: tuple[str, ...]
    facts: Facts
    backend: str
    model_calls: int
    repair_rounds: int
    request: DraftRequest | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.severity == "error")


class CountingLLM:
    """Wraps a backend and counts its calls."""

    def __init__(self, llm: LLM) -> None:
        self.inner = llm
        self.name = llm.name
        self.is_model = llm.is_model
        self.calls = 0

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The wrapped backend's reply, counted."""
        self.calls += 1
        return self.inner.generate(request, on_chunk)


@dataclass
class Run:
    """The state of one drafting run: the backend, the sink for events, and what happened."""

    llm: CountingLLM
    emit: EventSink
    notices: list[str] = field(default_factory=list)
    use_model: bool = True
    repair_rounds: int = 0
    model_written: set[str] = field(default_factory=set)  # sections whose text or facts came from a model

    def notice(self, message: str, level: str = "warning") -> None:
        """Tell the user something about this run."""
        self.notices.append(message)
        self.emit(Notice(message, level))

    def model_failed(self, error: Exception, what: str) -> None:
        """Stop using the model for the rest of the run and say why."""
        self.use_model = False
        self.notice(f"模型调用失败（{error}），{what}改用离线模板；其余部分也将离线生成")


# ---------- inputs to tables ----------

def build_tables(request: DraftRequest, run: Run) -> tuple[Report, list[Conflict]]:
    """An empty report of the year with tables computed from the counts and the register."""
    report = empty_report(request.agency, request.year)
    t2, t3, t4 = tables_from_counts(request.counts, report.format)
    conflicts: list[Conflict] = []
    if request.register_entries is not None:
        from_register = t3_from_register(request.register_entries, request.year, report.format)
        if request.counts is not None and request.counts.t3:
            conflicts = register_conflicts(t3, from_register)
        else:
            t3 = from_register
            register_notice(request, run)
    return replace(report, t2=t2, t3=t3, t4=t4), conflicts


def register_notice(request: DraftRequest, run: Run) -> None:
    """How many register entries table 三 counts, and a warning when some or all belong to other years."""
    entries = request.register_entries or ()
    outside = entries_outside(entries, request.year)
    counted = len(entries) - outside
    if outside == 0:
        run.notice(f"表三由登记台账的 {counted} 条记录算出", "info")
    elif counted == 0:
        run.notice(f"登记台账的 {outside} 条记录都不属于{request.year}年（在本年之前已办结或在本年之后才收到），"
                   "表三全部为 0：请确认上传的是本年度的台账")
    else:
        run.notice(f"表三由登记台账的 {counted} 条记录算出；另有 {outside} 条在{request.year}年之前已办结"
                   "或在之后才收到，未计入", "info")


def input_table_findings(report: Report) -> list[Finding]:
    """The validator's table rules run on the inputs alone, before any text exists."""
    result = check_draft(report, None, ())
    return [f for f in result.findings if f.severity == "error" and str(f.rule).startswith(("T3", "T4", "INT"))]


# ---------- facts ----------

def get_facts(request: DraftRequest, run: Run) -> Facts:
    """The facts of the notes: from the model when there is one, else (or on failure) deterministic."""
    if not request.notes.strip():
        run.notice("没有提供工作记录：正文中无法从记录取材的部分将以【待补充】标出", "warning")
        return Facts()
    if not has_chinese_content(request.notes):
        run.notice("工作记录中没有中文内容，无法从中提取事实：请提供中文工作记录，缺少的内容已以【待补充】标出")
        return Facts()
    if not (run.llm.is_model and run.use_model):
        return extract_facts(request.notes)
    try:
        facts = facts_from_reply(run.llm.generate(_facts_request(request)))
        run.model_written.update(SECTION_KEYS)  # every section's text is built from these model-made facts
        return facts
    except (LLMError, ValueError) as exc:
        run.notice(f"模型提取事实失败（{exc}），已改用规则提取工作记录中的事实")
    return extract_facts(request.notes)


def _facts_request(request: DraftRequest) -> Request:
    variables = {"agency": request.agency, "year": request.year, "notes": request.notes}
    return Request("extract_facts", variables, messages_for("extract_facts", variables), schema=Facts)


DATA_MARKS = ("<<<资料开始>>>", "<<<资料结束>>>")


def messages_for(task: str, variables: dict[str, Any]) -> tuple[Message, ...]:
    """The system prompt and the task's prompt filled with the variables (data cannot close its own block)."""
    variables = {name: _defused(value) for name, value in variables.items()}
    system = load_prompt("system", **variables)
    return (Message("system", system), Message("user", load_prompt(task, **variables)))


def _defused(value: Any) -> Any:
    """A text value with the data delimiters neutralised, so that data cannot end its block and speak as instructions."""
    if not isinstance(value, str):
        return value
    for mark in DATA_MARKS:
        value = value.replace(mark, mark.replace("<<<", "《").replace(">>>", "》"))
    return value


# ---------- table figures as text for prompts ----------

def table_facts(report: Report, key: str) -> str:
    """The table figures a section must state, one per line."""
    lines: list[str] = []
    if key == "s2":
        lines = [f"{T2_ROW_LABELS[r]}·{T2_COLUMN_LABELS[c]}：{number(v)}" for r, cs in report.t2.items() for c, v in cs.items()]
    elif key in ("s1", "s3"):
        rows = ("new", "carry_in", "processed_total", "carry_out") if key == "s1" else tuple(report.t3)
        lines = [f"{T3_ROW_LABELS[r]}·{T3_COLUMN_LABELS['total']}：{number(report.t3[r]['total'])}" for r in rows]
        if key == "s3":
            lines += [f"{T3_ROW_LABELS['new']}·{T3_COLUMN_LABELS[c]}：{number(v)}" for c, v in report.t3["new"].items()]
    elif key == "s4":
        lines = [f"{T4_GROUP_LABELS[g]}·{T4_COLUMN_LABELS[c]}：{number(v)}" for g, cs in report.t4.items() for c, v in cs.items()]
    return "\n".join(lines) or "（本部分没有表格数据）"


def cited_table_facts(report: Report, key: str, findings: list[Finding]) -> str:
    """The cells the findings cite, one per line; the section's table figures when they cite none."""
    paths = dict.fromkeys(p for f in findings for p in f.values if str(p).startswith(("t2.", "t3.", "t4.")))
    if not paths:
        return table_facts(report, key)
    return "\n".join(f"{cell_label(p)}：{number(report.cell(p))}" for p in paths)


# ---------- sections ----------

def section_variables(report: Report, key: str, facts: Facts, context: dict[str, Any]) -> dict[str, Any]:
    """Everything a section prompt (and the offline drafter) needs."""
    items = tuple(i for i in facts.items if i.topic in SECTION_TOPICS[key])
    return {
        "agency": report.agency, "year": report.year, "section": key, "title": SECTION_TITLES[key],
        "guidance": load_prompt(f"guidance/{key}"), "table_facts": table_facts(report, key),
        "facts": facts_as_text(items), "previous": context["previous"].get(key) or "（无）",
        "passages": context["passages"].get(key) or "（无）", "report": report, "facts_obj": facts,
    }


def draft_sections(report: Report, facts: Facts, context: dict[str, Any], run: Run,
                   only: tuple[str, ...] = SECTION_KEYS) -> Report:
    """The sections (all unless only): the offline text, rewritten by the model when there is one."""
    offline = OfflineDrafter()
    for done, key in enumerate(only):
        run.emit(Progress(done, len(only), SECTION_TITLES[key]))
        variables = section_variables(report, key, facts, context)
        base = offline.generate(Request("draft_section", variables))
        if run.llm.is_model and run.use_model:
            text = model_section(variables, base, run)
            if text != base:
                run.model_written.add(key)
        else:
            text = base
            run.emit(TextChunk(SECTION_TITLES[key] + "\n" + text + "\n"))
        report = report.with_section(key, text)
    run.emit(Progress(len(only), len(only), "正文完成"))
    return report


def model_section(variables: dict[str, Any], base: str, run: Run) -> str:
    """The model's text of one section, or the offline text when the model fails or writes no usable Chinese."""
    run.emit(TextChunk(variables["title"] + "\n"))
    text = streamed_section("draft_section", {**variables, "base": base}, base, run, "")
    run.emit(TextChunk("\n"))
    return text


def streamed_section(task: str, variables: dict[str, Any], fallback: str, run: Run, doing: str) -> str:
    """A section's text from the model as it streams; the fallback when the model fails or writes no Chinese."""
    title = variables["title"]
    try:
        reply = run.llm.generate(Request(task, variables, messages_for(task, variables)),
                                 on_chunk=lambda piece: run.emit(TextChunk(piece)))
    except LLMError as exc:
        run.model_failed(exc, f"“{title}”{doing}")
        return fallback
    return usable_text(reply, title, fallback, run)


def usable_text(reply: str, title: str, fallback: str, run: Run) -> str:
    """The reply cleaned of a repeated heading and fences; the fallback when it is not Chinese prose."""
    text = re.sub(r"^```\w*|```$", "", reply.strip()).strip()
    lines = text.splitlines()
    if lines and lines[0].strip().lstrip("#").strip() in (title, title.split("、", 1)[-1]):
        text = "\n".join(lines[1:]).strip()
    text = _without_other_sections(text, title, run)
    if not looks_chinese(text):
        run.notice(f"模型为“{title}”返回的不是可用的中文正文，已改用离线模板")
        return fallback
    return text


def _without_other_sections(text: str, title: str, run: Run) -> str:
    """The text up to a heading of another section: a reply may not write (or overwrite) other sections."""
    others = {t for t in SECTION_TITLES.values() if t != title}
    lines = text.splitlines()
    for at, line in enumerate(lines):
        heading = line.strip().lstrip("#").strip()
        if heading in others:
            run.notice(f"模型为“{title}”写的内容越出了本部分（写到了“{heading}”），越出的部分已删去")
            return "\n".join(lines[:at]).strip()
    return text


def looks_chinese(text: str) -> bool:
    """Whether the text is Chinese prose: mostly Chinese characters, not English or debris."""
    visible = re.sub(r"\s", "", text)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", visible))
    return cjk >= 8 and cjk / len(visible) >= 0.4


# ---------- retrieval ----------

def retrieval_context(request: DraftRequest, index: Any, run: Run, facts: Facts | None = None) -> dict[str, Any]:
    """Last year's report of the same agency and similar passages per section, when an index is given."""
    context: dict[str, Any] = {"previous_report": None, "previous": {}, "passages": {}}
    if index is None:
        return context
    try:
        previous = index.previous_report(request.agency, request.year)
        context["previous_report"] = previous
        context["previous"] = dict(previous.sections) if previous else {}
        if run.llm.is_model:
            context["passages"] = {key: _passages(index, key, request, facts or Facts()) for key in SECTION_KEYS}
    except index_errors() as exc:  # the index is optional: a broken store must not stop the draft
        run.notice(f"读取往年报告索引失败（{exc}），本次起草不参考往年报告")
    if context["previous_report"] is not None:
        run.notice(f"已参考{request.agency}{request.year - 1}年报告的结构（不照抄原文）", "info")
    return context


def index_errors() -> tuple[type[BaseException], ...]:
    """What a broken or unreachable index raises (its store, SQLite, files, chroma); a bug in the code is not one."""
    import sqlite3

    from assistant.index.store import StoreError

    errors: list[type[BaseException]] = [StoreError, sqlite3.Error, OSError, ReportError]
    chroma = sys.modules.get("chromadb.errors")
    if chroma is not None:
        errors.append(chroma.ChromaError)
    return tuple(errors)


def _passages(index: Any, key: str, request: DraftRequest, facts: Facts) -> str:
    items = tuple(i for i in facts.items if i.topic in SECTION_TOPICS[key])
    query = SECTION_TITLES[key] + " " + " ".join(i.text for i in items)[:300]
    found = index.similar_passages(query, section=key, k=3)
    texts = [p.text[:400] for p in found if p.agency != request.agency]
    return "\n---\n".join(texts)


# ---------- the whole chain ----------

def draft_report(request: DraftRequest, *, llm: LLM, index: Any = None, on_event: EventSink | None = None,
                 repair_rounds: int = DEFAULT_REPAIR_ROUNDS) -> Draft:
    """Draft the report of the request; validated, repaired where possible, never ready with an error."""
    run = Run(CountingLLM(llm), on_event or (lambda event: None))
    report, conflicts = build_tables(request, run)
    _warn_contradictory_inputs(report, run)
    facts = get_facts(request, run)
    conflicts += note_conflicts(facts, report)
    for conflict in conflicts:
        run.notice("输入之间有矛盾：" + conflict.message)
    context = retrieval_context(request, index, run, facts)
    report = replace(report, preamble=OfflineDrafter().generate(
        Request("preamble", {"agency": request.agency, "year": request.year})))
    report = draft_sections(report, facts, context, run)
    return finish(report, facts, tuple(conflicts), context["previous_report"], request, run, repair_rounds)


def _warn_contradictory_inputs(report: Report, run: Run) -> None:
    problems = input_table_findings(report)
    if problems:
        listed = "；".join(f.message for f in problems[:5])
        more = f"等 {len(problems)} 处" if len(problems) > 5 else ""
        run.notice(f"统计数据自相矛盾（{listed}{more}），表格按输入照录，请核对后修改", "error")


def finish(report: Report, facts: Facts, conflicts: tuple[Conflict, ...], previous: Report | None,
           request: DraftRequest | None, run: Run, repair_rounds: int) -> Draft:
    """Validate, repair with the model, correct or mark what is left, and build the Draft."""
    grounding = extract_facts(request.notes).figures if request is not None else facts.figures
    checked = check_draft(report, previous, grounding, ModelText(frozenset(run.model_written),
                                                                 allowed_figures(report, grounding)))
    checked = repair_with_model(checked, previous, grounding, run, repair_rounds)
    checked = correct_deterministically(checked, previous, grounding, run.notice)
    checked = mark_remaining(checked, previous, grounding)
    status = "needs_review" if conflicts or checked.errors else checked.status
    draft = Draft(checked.report, tuple(checked.findings), status, conflicts, tuple(run.notices), facts,
                  run.llm.name, run.llm.calls, run.repair_rounds, request)
    run.emit(FindingsReady(draft.findings, status))
    run.emit(DraftUpdated(draft))
    return draft


def repair_with_model(checked: Checked, previous: Report | None, grounding: Any, run: Run, rounds: int) -> Checked:
    """Send each section with errors back to the model with its findings, for a bounded number of rounds."""
    for _ in range(rounds):
        by_section = text_errors(checked)
        if not by_section or not (run.llm.is_model and run.use_model):
            break
        run.repair_rounds += 1
        report = checked.report
        for key, findings in by_section.items():
            repaired = repair_section(report, key, findings, run)
            if repaired != report.sections.get(key):
                run.model_written.add(key)
            report = report.with_section(key, repaired)
            if not run.use_model:
                break
        model_text = replace(checked.model_text, sections=frozenset(run.model_written))
        checked = check_draft(report, previous, grounding, model_text)
    return checked


def repair_section(report: Report, key: str, findings: list[Finding], run: Run) -> str:
    """The model's corrected text of one section; the current text when the model fails."""
    current = report.sections.get(key) or ""
    variables = {
        "agency": report.agency, "year": report.year, "title": SECTION_TITLES[key], "text": current,
        "table_facts": cited_table_facts(report, key, findings),
        "findings": "\n".join(f"- {f.message}" for f in findings),
    }
    try:
        reply = run.llm.generate(Request("repair", variables, messages_for("repair", variables)))
    except LLMError as exc:
        run.model_failed(exc, f"“{SECTION_TITLES[key]}”的修改")
        return current
    repaired = usable_text(reply, SECTION_TITLES[key], current, run)
    if not keeps_the_section(current, repaired):
        run.notice(f"模型对“{SECTION_TITLES[key]}”的修改删改过多，已保留原文并按表格更正")
        return current
    return repaired


def keeps_the_section(current: str, repaired: str) -> bool:
    """A repair corrects figures; it does not drop most of the section or replace it with other text."""
    if len(repaired) < len(current) / 2:
        return False
    before, after = _bigrams(current), _bigrams(repaired)
    return not before or len(before & after) / len(before) >= 0.5


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}
