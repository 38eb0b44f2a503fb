"""The text of a report as sentences and figures, each figure bound (or not) to the table cells it states."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..numbers import Number, find_numbers
from ..report import Report
from .lexicon import Phrase, expand, match_phrase, t4_groups
from .model import Context
from .subjects import another_year

_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_BOUNDARY = re.compile(r"[，,：:（）()]")
_ALL_T4 = (("review",), ("lit_direct", "lit_after_review"), ("lit_direct",), ("lit_after_review",))
MONEY_SCALE = {"元": 1e-4, "万元": 1.0, "亿元": 1e4}


@dataclass
class Fig:
    """A figure in a sentence with the text around it and the phrase it was bound to."""

    number: Number
    place: str
    text: str
    label_start: int
    left: str
    right: str
    phrase: Phrase | None
    alt: Phrase | None
    readings: tuple[tuple[str, ...], ...]
    alt_readings: tuple[tuple[str, ...], ...]
    spare_readings: tuple[tuple[str, ...], ...] = ()


@dataclass
class Sentence:
    """A sentence of the preamble or a section and its figures."""

    place: str
    text: str
    start: int
    end: int
    para_start: int
    figs: list[Fig]

    @property
    def body(self) -> str:
        """The sentence's own text."""
        return self.text[self.start:self.end]


def scan(ctx: Context) -> list[Sentence]:
    """Every sentence with its bound figures, computed once per check."""
    if "scan" not in ctx.cache:
        ctx.cache["scan"] = _scan_all(ctx.report.format, ctx.texts, ctx.report.year)
    return ctx.cache["scan"]


@lru_cache(maxsize=256)
def _scan_all(fmt: str, texts: tuple[tuple[str, str], ...], year: int | None = None) -> list[Sentence]:
    """The scan depends only on the texts, the layout and the year, so repeated checks of one text share it."""
    return [s for place, text in texts for s in _scan_text(fmt, place, text, year)]


def _scan_text(fmt: str, place: str, text: str, year: int | None) -> Iterator[Sentence]:
    figures = [n for n in find_numbers(text) if n.is_figure]
    index = 0
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        mine = []
        while index < len(figures) and figures[index].start < end:
            if figures[index].start >= start:
                mine.append(figures[index])
            index += 1
        para_start = text.rfind("\n", 0, start) + 1
        sentence = Sentence(place, text, start, end, para_start, [])
        sentence.figs = [_fig(fmt, sentence, mine, i, year) for i in range(len(mine))]
        yield sentence


def _fig(fmt: str, sentence: Sentence, figures: list[Number], i: int, year: int | None = None) -> Fig:
    number, text = figures[i], sentence.text
    floor = figures[i - 1].end if i else sentence.start
    before = [m.end() for m in _BOUNDARY.finditer(text, floor, number.start)]
    label_start = max([floor] + before)
    ceiling = figures[i + 1].start if i + 1 < len(figures) else sentence.end
    after = _BOUNDARY.search(text, number.end, ceiling)
    left, right = text[label_start:number.start], text[number.end:after.start() if after else ceiling]
    prefix = text[sentence.start:number.start]
    groups = t4_groups(prefix) or (_ALL_T4 if sentence.place == "s4" else ())
    topics = _topics(sentence, number, groups)
    phrase, alt = match_phrase(left, right, number.unit, topics)
    if another_year(left, year) or _not_this_reading(phrase, left, sentence.body, prefix):
        phrase = alt = None
    if phrase is None:
        phrase, alt = alt, None
    readings = expand(phrase, fmt, groups) if phrase else ()
    alt_readings = expand(alt, fmt, groups) if alt else ()
    spare = expand(phrase, fmt, groups, spare=True) if phrase and phrase.spare else ()
    return Fig(number, sentence.place, text, label_start, left, right, phrase, alt, readings, alt_readings, spare)


def _not_this_reading(phrase: Phrase | None, left: str, body: str, prefix: str) -> bool:
    """Readings the words rule out: 分别 lists, subsets of the applications, cases carried over or newly received."""
    if phrase is None:
        return False
    if "分别" in left and len(phrase.readings[0]) > 1:
        return True
    if phrase.family == "t3" and (_SUBSET.search(left) or (phrase.name in _CARRY and _cases_in_view(prefix))):
        return True
    if phrase.family not in ("t4", "t4col"):
        return False
    return bool(re.search(r"结转|遗留|以前年度", left) or (re.search(r"新收|新增|新发生", left) and "结转" in body))


_SUBSET = re.compile(r"撤回|撤销|延期|延长|补正|征求|涉及|关于|有关|需要|主动公开")
_CARRY = ("上年结转", "结转下年度")
_CASES = re.compile(r"复议|诉讼|起诉")
_APPLICATIONS = re.compile(r"(?<!复议)申请(?!行政复议|复议|行政诉讼)")


def _cases_in_view(prefix: str) -> bool:
    """True when the sentence last spoke of 复议/诉讼 cases, so 上年结转 N 件 counts cases, not applications."""
    cases = [m.end() for m in _CASES.finditer(prefix)]
    applications = [m.end() for m in _APPLICATIONS.finditer(prefix)]
    return bool(cases) and (not applications or cases[-1] > applications[-1])


_DISCLOSURE = re.compile(r"信息公开|依申请|公开申请|申请公开")
_OTHER_BUSINESS = re.compile(r"许可|审批|政务服务|信箱|来信|热线|12345|工单|咨询|留言|建议|提案|诉求|办件|信访")


def _topics(sentence: Sentence, number: Number, groups: tuple) -> frozenset[str]:
    topics = set()
    if sentence.place == "s3" or "申请" in sentence.text[sentence.para_start:number.end + 12]:
        if not other_business(sentence.text[sentence.start:number.start]):
            topics.add("app")
    if groups:
        topics.add("t4")
    return frozenset(topics)


def other_business(prefix: str) -> bool:
    """True when the sentence turned to another kind of request (许可, 信箱, 热线…) after any disclosure word."""
    others = [m.end() for m in _OTHER_BUSINESS.finditer(prefix)]
    if not others:
        return False
    disclosure = [m.end() for m in _DISCLOSURE.finditer(prefix)]
    return not disclosure or others[-1] > disclosure[-1]


def _in_table_units(fig: Fig, path: str) -> float:
    """The figure's value in the unit of the cell it is compared with."""
    value = float(fig.number.value)
    if _is_money_cell(path):
        return value * MONEY_SCALE.get(fig.number.unit, 1.0)
    return value


def _is_money_cell(path: str) -> bool:
    return path.startswith(("t2.admin_fees.amount", "t2.gov_procurement.amount"))


def _tolerance(fig: Fig, path: str) -> float:
    tol = 0.5 * 10 ** -fig.number.decimals if fig.number.decimals or fig.number.unit in MONEY_SCALE else 0.0
    if _is_money_cell(path):
        tol = (0.5 * 10 ** -fig.number.decimals) * MONEY_SCALE.get(fig.number.unit, 1.0)
    return tol + 1e-9


def reading_values(report: Report, readings: tuple[tuple[str, ...], ...]) -> list[float | None]:
    """The value of each reading, None when a cell is unknown."""
    values = []
    for reading in readings:
        cells = [report.cell(p) for p in reading]
        values.append(None if any(v is None for v in cells) else sum(cells))
    return values


def matches(fig: Fig, reading: tuple[str, ...], value: float | None) -> bool:
    """True when the figure states this reading's value (a procurement amount may be printed in 元 or 万元)."""
    if value is None:
        return False
    if abs(_in_table_units(fig, reading[0]) - value) <= _tolerance(fig, reading[0]):
        return True
    if reading[0].startswith("t2.gov_procurement.amount") and fig.number.unit in MONEY_SCALE:
        in_yuan = float(fig.number.value) * MONEY_SCALE[fig.number.unit] * 1e4
        return abs(in_yuan - value) <= max(0.5, _tolerance(fig, reading[0]) * 1e4)
    return False



def breakdowns(sentence: Sentence) -> list[tuple[Fig, list[Fig]]]:
    """(total, parts) for each 其中 list that directly follows a figure."""
    body, groups = sentence.text, []
    marks = [m.start() for m in re.finditer("其中", body[sentence.start:sentence.end])]
    marks = [sentence.start + m for m in marks]
    for k, mark in enumerate(marks):
        before = [f for f in sentence.figs if f.number.end <= mark]
        if not before or not _only_glue(body[before[-1].number.end:mark]):
            continue
        total = before[-1]
        stop = marks[k + 1] if k + 1 < len(marks) else sentence.end
        parts = [f for f in sentence.figs if mark < f.number.start < stop and _same_kind(f.number.unit, total.number.unit)
                 and not _in_parens(body, mark, f.number.start)]
        if parts and total.number.unit != "%":
            groups.append((total, parts))
    return groups


_PIECES = frozenset({"件", "条", "篇", "份", "个"})


def _same_kind(unit: str, other: str) -> bool:
    """Units a list may mix for one kind of thing (信息 47 条，其中文件 22 件、公告 16 条)."""
    return unit == other or (unit in _PIECES and other in _PIECES)


def _only_glue(between: str) -> bool:
    return re.fullmatch(r"[\s，,：:（(；;]*", between) is not None


def _in_parens(body: str, start: int, index: int) -> bool:
    segment = body[start:index]
    return segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")



def quote(fig: Fig) -> str:
    quote = fig.text[fig.label_start:fig.number.end].strip()
    return quote if len(quote) <= 40 else "…" + quote[-39:]


def plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value



def clip(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 60 else text[:59] + "…"

