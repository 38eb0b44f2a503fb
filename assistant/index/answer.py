"""Answers about past reports: figures looked up in SQLite, comparisons computed, wording retrieved."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.index.questions import (
    Metric, agency_aliases, find_metric, find_section, is_comparison, is_wording, mentioned_agencies, unknown_agency_mention,
    YearRef, wants_percent, wants_share, year_refs,
)
from assistant.report import SECTION_TITLES

if TYPE_CHECKING:
    from assistant.index.index import Index


@dataclass(frozen=True)
class Answer:
    """A reply about past reports: kind, Chinese text, the value(s) and where they come from."""

    kind: str  # "figure" | "comparison" | "wording" | "not_found" | "clarify"
    text: str
    value: int | float | None = None
    values: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, Any]] = field(default_factory=list)
    agency: str | None = None
    years: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"kind": self.kind, "text": self.text, "value": self.value, "values": self.values,
                "sources": self.sources, "agency": self.agency, "years": list(self.years)}


@dataclass(frozen=True)
class Lookup:
    """A figure of one report: its value, or why there is none, and its cell sources."""

    year: int
    value: int | float | None
    sources: list[dict[str, Any]]
    missing: str = ""


def answer_question(index: "Index", question: str, *, agency: str | None, year: int | None,
                    draft_year: int, llm=None) -> Answer:
    """Answer a question deterministically; `year` is the report year meant when the question names none."""
    question = question.strip()
    draft = draft_year
    if not question:
        return Answer("clarify", "请输入问题，例如：去年收到多少政府信息公开申请？")
    agencies = index.agencies()
    if not agencies:
        return Answer("not_found", "索引中还没有任何报告，请先导入往年报告。")
    chosen = _choose_agency(index, question, agency, agencies)
    if isinstance(chosen, Answer):
        return chosen
    refs = year_refs(question, draft) or ([YearRef(year, 0, False)] if year else [])
    if "信息处理费" in question and not is_wording(question):
        return _info_fee(index, question, chosen, refs, draft)
    metric = None if is_wording(question) else find_metric(question)
    if metric is None:
        return _wording(index, question, chosen, refs)
    if is_comparison(question, refs) and not wants_share(question):
        return _comparison(index, question, chosen, metric, refs, draft)
    if wants_share(question) and metric.whole:
        return _share(index, chosen, metric, refs, draft)
    return _figure(index, chosen, metric, refs, draft)


# agency -------------------------------------------------------------------------------------------


def _choose_agency(index: "Index", question: str, given: str | None, agencies: list[str]) -> str | Answer:
    if given:
        return _match_given(given, agencies)
    mentioned = mentioned_agencies(question, agencies)
    if len(mentioned) == 1:
        return mentioned[0]
    unknown = unknown_agency_mention(question, agencies)
    if not mentioned and unknown:
        return Answer("not_found", f"索引中没有“{unknown}”相关机关的报告。已有：{'、'.join(agencies)}。")
    default = index.settings.agency
    if not mentioned and default in agencies:
        return default
    if len(agencies) == 1:
        return agencies[0]
    choices = mentioned or agencies
    return Answer("clarify", f"索引中有多个机关的报告，请指明是哪一个：{'、'.join(choices)}。",
                  values={"agencies": choices})


def _match_given(given: str, agencies: list[str]) -> str | Answer:
    if given in agencies:
        return given
    close = [a for a in agencies if given in a or a in given] or mentioned_agencies(given, agencies)
    if len(close) == 1:
        return close[0]
    if close:
        return Answer("clarify", f"“{given}”对应多个机关，请指明：{'、'.join(close)}。", values={"agencies": close})
    return Answer("not_found", f"索引中没有“{given}”的报告。已有：{'、'.join(agencies)}。")


# figures ------------------------------------------------------------------------------------------


def lookup(index: "Index", agency: str, year: int, metric: Metric) -> Lookup:
    """The figure of one agency and year, summed over the metric's cells, with a source per cell."""
    row = index.store.report_for(agency, year)
    if row is None:
        have = "、".join(str(y) for y in index.years(agency))
        return Lookup(year, None, [], f"索引中没有{agency}{year}年的报告（已有：{have}年）")
    keys = metric.keys_for(row.format)
    if not keys:
        return Lookup(year, None, [], f"{agency}{year}年的报告使用{row.format}年版格式，表中没有“{metric.label}”这一项")
    figures = [index.store.figure(agency, year, key) for key in keys]
    sources = [_cell_source(fig) for fig in figures if fig]
    if any(fig is None or fig.value is None for fig in figures):
        return Lookup(year, None, sources, f"{agency}{year}年报告中“{metric.label}”所在单元格为空（未填写）")
    return Lookup(year, _number(sum(fig.value for fig in figures)), sources)


def _cell_source(fig) -> dict[str, Any]:
    return {"file": fig.source_file, "file_name": Path(fig.source_file).name, "report_id": fig.report_id,
            "agency": fig.agency, "year": fig.year, "table": fig.table_label, "row": fig.row_label,
            "column": fig.column_label, "key": fig.key, "value": fig.value}


def _figure(index: "Index", agency: str, metric: Metric, refs, draft: int) -> Answer:
    year, assumed = _single_year(index, agency, refs, draft)
    found = lookup(index, agency, year, metric)
    if found.value is None:
        return Answer("not_found", found.missing + "。", sources=found.sources, agency=agency, years=(year,))
    lead = f"（问题未指明年份，按{year}年回答）" if assumed else ""
    note = f"（{metric.note}）" if metric.note else ""
    text = f"{lead}{agency}{year}年{metric.label}为{_fmt(found.value)}{metric.unit}{note}。{_where_text(found.sources)}"
    text += _new_extra(index, agency, year, metric)
    return Answer("figure", text, found.value, {str(year): found.value}, found.sources, agency, (year,))


def _share(index: "Index", agency: str, metric: Metric, refs, draft: int) -> Answer:
    """A figure as a percentage of its row total (e.g. 自然人 applications among all new ones)."""
    year, assumed = _single_year(index, agency, refs, draft)
    part = lookup(index, agency, year, metric)
    whole = lookup(index, agency, year, Metric("总计", metric.whole))
    if part.value is None or whole.value is None:
        return Answer("not_found", (part.missing or whole.missing) + "。", agency=agency, years=(year,))
    if not whole.value:
        return Answer("not_found", f"{agency}{year}年该项总计为0，无法计算占比。", agency=agency, years=(year,))
    share = _percent(part.value, whole.value)
    lead = f"（问题未指明年份，按{year}年回答）" if assumed else ""
    text = (f"{lead}{agency}{year}年{metric.label}为{_fmt(part.value)}件，占总计{_fmt(whole.value)}件的{share}%。"
            + _where_text(part.sources + whole.sources))
    values = {"part": part.value, "whole": whole.value, "percent": share}
    return Answer("figure", text, share, values, part.sources + whole.sources, agency, (year,))


def _single_year(index: "Index", agency: str, refs, draft: int) -> tuple[int, bool]:
    if refs:
        return refs[0].year, False
    years = index.years(agency)
    return (draft - 1, True) if draft - 1 in years or not years else (years[-1], True)


def _new_extra(index: "Index", agency: str, year: int, metric: Metric) -> str:
    """For 收到/受理: also give 上年结转, since some reports count it in."""
    if not metric.keys or not metric.keys[0].startswith("t3.new."):
        return ""
    carry = Metric("上年结转", tuple(k.replace("t3.new.", "t3.carry_in.") for k in metric.keys))
    found = lookup(index, agency, year, carry)
    if not found.value:
        return ""
    new = lookup(index, agency, year, metric).value
    return f"另有上年结转{_fmt(found.value)}件，两者合计{_fmt(new + found.value)}件。"


def _where_text(sources: list[dict[str, Any]]) -> str:
    if not sources:
        return ""
    first = sources[0]
    cells = "；".join(f"“{s['row']}”行“{s['column']}”列" for s in sources[:4])
    more = f"等{len(sources)}个单元格" if len(sources) > 4 else ""
    return f"来源：{first['file_name']}，{first['table']}，{cells}{more}。"


# comparisons --------------------------------------------------------------------------------------


def _comparison(index: "Index", question: str, agency: str, metric: Metric, refs, draft: int) -> Answer:
    base_year, subject_year = _compared_years(refs, draft)
    base, subject = lookup(index, agency, base_year, metric), lookup(index, agency, subject_year, metric)
    years = (base_year, subject_year)
    missing = [found.missing for found in (subject, base) if found.value is None]
    if missing:
        return Answer("not_found", "；".join(missing) + f"，无法比较{subject_year}年与{base_year}年。",
                      sources=base.sources + subject.sources, agency=agency, years=years)
    diff = _number(subject.value - base.value)
    values = {str(base_year): base.value, str(subject_year): subject.value, "difference": diff}
    percent = _percent(diff, base.value)
    values["percent"] = percent
    text = (f"{agency}{subject_year}年{metric.label}为{_fmt(subject.value)}{metric.unit}，"
            f"{base_year}年为{_fmt(base.value)}{metric.unit}，{_change_text(diff, percent, metric.unit)}。")
    text += _where_text(subject.sources) + _where_text(base.sources)
    value = percent if wants_percent(question) else diff
    if value is None:
        return Answer("comparison", text + f"{base_year}年为0，无法计算增长百分比。", None, values,
                      base.sources + subject.sources, agency, years)
    return Answer("comparison", text, value, values, base.sources + subject.sources, agency, years)


def _compared_years(refs, draft: int) -> tuple[int, int]:
    """(base year, subject year): the year after 比 is the base; else the earlier of two years."""
    years = [ref.year for ref in refs]
    base_refs = [ref for ref in refs if ref.after_bi]
    if base_refs:
        base = base_refs[0].year
        others = [y for y in years if y != base]
        return base, others[0] if others else draft
    distinct = sorted(set(years))
    if len(distinct) >= 2:
        return distinct[0], distinct[-1]
    return (distinct[0], draft) if distinct else (draft - 2, draft - 1)


def _percent(diff: int | float, base: int | float) -> float | None:
    if not base:
        return None
    exact = Decimal(str(diff)) / Decimal(str(base)) * 100
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _change_text(diff, percent, unit: str) -> str:
    if diff == 0:
        return "两年持平"
    word = "增加" if diff > 0 else "减少"
    rate = f"，{'增长' if diff > 0 else '下降'}{abs(percent)}%" if percent is not None else ""
    return f"{word}{_fmt(abs(diff))}{unit}{rate}"


# 信息处理费 (section 六, not a table cell) ---------------------------------------------------------

FEE_AMOUNT = re.compile(r"信息处理费(?:共计|合计|总计)?\s*([0-9]+(?:\.[0-9]+)?)\s*元")
NO_FEE = re.compile(r"未(?:收取|收缴|产生)(?:任何)?(?:政府信息公开)?信息处理费|信息处理费\s*0\s*元")


def _info_fee(index: "Index", question: str, agency: str, refs, draft: int) -> Answer:
    year, assumed = _single_year(index, agency, refs, draft)
    report = index.report(agency, year)
    if report is None:
        have = "、".join(str(y) for y in index.years(agency))
        return Answer("not_found", f"索引中没有{agency}{year}年的报告（已有：{have}年）。", agency=agency, years=(year,))
    for key in ("s6", "s1", "s3"):
        text = report.sections.get(key) or ""
        amount = _fee_in(text)
        if amount is not None:
            source = _section_source(index, agency, year, key)
            lead = f"（问题未指明年份，按{year}年回答）" if assumed else ""
            return Answer("figure", f"{lead}{agency}{year}年收取信息处理费{_fmt(amount)}元（见报告“{SECTION_TITLES[key]}”，"
                          f"信息处理费不是表二的行政事业性收费）。", amount, {str(year): amount}, [source], agency, (year,))
    return Answer("not_found", f"{agency}{year}年报告中没有写明信息处理费的金额。", agency=agency, years=(year,))


def _fee_in(text: str) -> int | float | None:
    match = FEE_AMOUNT.search(text)
    if match:
        return _number(float(match.group(1)))
    return 0 if NO_FEE.search(text) else None


def _section_source(index: "Index", agency: str, year: int, key: str) -> dict[str, Any]:
    row = index.store.report_for(agency, year)
    return {"file": row.source, "file_name": Path(row.source).name, "report_id": row.id, "agency": agency,
            "year": year, "section": key, "location": SECTION_TITLES[key]}


# wording ------------------------------------------------------------------------------------------


def _wording(index: "Index", question: str, agency: str, refs) -> Answer:
    section = find_section(question)
    year = refs[0].year if refs else None
    if year is not None and year not in index.years(agency):
        have = "、".join(str(y) for y in index.years(agency))
        return Answer("not_found", f"索引中没有{agency}{year}年的报告（已有：{have}年）。", agency=agency, years=(year,))
    if year is not None and section is not None and _names_section(question):
        passages = _whole_section(index, agency, year, section)
    else:
        query = retrieval_query(question, agency)
        passages = index.similar_passages(query, agency=agency, section=section, year=year, k=3)
    if not passages:
        return Answer("not_found", f"在{agency}的报告中没有找到与问题相关的段落。", agency=agency)
    return _wording_answer(passages, agency)


FILLER = re.compile(r"(?:19|20)\d{2}年?|大前年|前年|去年|今年|上一?年度?|本年度?|第[一二三四五六1-6](?:部分|节)|"
                    r"是?(?:怎么|如何|怎样)(?:写|说)的?|写了|写的|哪些|什么内容|什么|有没有|方面|的做法|做法|请问|[？?。，,！!]")


def retrieval_query(question: str, agency: str) -> str:
    """The question without the agency's name, years and question words, for retrieval."""
    text = question
    for alias in sorted(agency_aliases(agency), key=len, reverse=True):
        text = text.replace(alias, " ")
    cleaned = FILLER.sub(" ", text).strip()
    return cleaned or question


def _names_section(question: str) -> bool:
    return bool(re.search(r"第[一二三四五六1-6](?:部分|节|项|大项)|(?<![（(])[一二三四五六]、|存在的?(?:主要)?问题|其他需要报告", question))


def _whole_section(index: "Index", agency: str, year: int, section: str):
    from assistant.index.index import Passage

    row = index.store.report_for(agency, year)
    rows = index.store.chunk_rows(index.store.chunk_rows_for_report(row.id))
    chosen = sorted((r for r in rows.values() if r[4] == section), key=lambda r: r[8])
    return [Passage(r[7], r[10], r[2], r[3], r[4], 1.0, r[5], r[6], r[1], r[8], r[9]) for r in chosen]


def _wording_answer(passages, agency: str) -> Answer:
    parts, sources = [], []
    for passage in passages:
        parts.append(f"【{passage.location}】\n{passage.text}")
        sources.append({"file": passage.source, "file_name": Path(passage.source).name,
                        "report_id": passage.report_id, "agency": passage.agency, "year": passage.year,
                        "section": passage.section, "subsection": passage.subsection, "heading": passage.heading,
                        "location": passage.location, "start": passage.start, "end": passage.end,
                        "score": passage.score})
    years = tuple(sorted({p.year for p in passages}))
    text = "往年报告中的相关原文如下：\n\n" + "\n\n".join(parts)
    return Answer("wording", text, None, {}, sources, agency, years)


# numbers ------------------------------------------------------------------------------------------


def _number(value: int | float) -> int | float:
    if isinstance(value, float):
        rounded = round(value, 6)
        return int(rounded) if rounded.is_integer() else rounded
    return value


def _fmt(value: int | float) -> str:
    return str(_number(value))
