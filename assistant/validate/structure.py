"""Structure rules: the six sections and the report year."""

from __future__ import annotations

import re
from typing import Iterator

from ..report import SECTION_KEYS, SECTION_TITLES
from .model import Context, Finding, finding, loc_of, rule

SECTION_TABLES = {"s2": "t2", "s3": "t3", "s4": "t4"}
_YEAR = r"((?:19|20)\d{2})\s*年"
_PERIOD_WORD = re.compile(r"统计(?:期限|时限|期间|时间|区间)")
_PERIOD_YEAR = re.compile(_YEAR + r"\s*(?:1\s*月\s*1\s*日|12\s*月\s*31\s*日|度\s*[（(]?\s*1\s*月|[（(]\s*1\s*月)")
_THIS_YEAR = re.compile(r"(?:本年度?|本报告年度)\s*[（(]\s*" + _YEAR + r"度?\s*[)）]")
_TITLE_YEAR = re.compile(_YEAR)
_OPENING_YEAR = re.compile(r"^\s*" + _YEAR + r"度?(?!以来|以前|以后|至|起|底|末|[-－—~～])\s*[，,]?")


@rule("SEC")
def sections_present(ctx: Context) -> Iterator[Finding]:
    """All six sections present and none empty (a table counts as content for 二、三、四)."""
    for key in SECTION_KEYS:
        text = ctx.report.sections.get(key)
        title = SECTION_TITLES[key]
        if text is None:
            yield finding("SEC", ("sections", key), f"缺少第{title.split('、')[0]}部分“{title}”",
                          expected=title, actual=None)
        elif not text.strip() and not _table_has_numbers(ctx, key):
            yield finding("SEC", ("sections", key), f"第{title.split('、')[0]}部分“{title}”内容为空",
                          expected="非空", actual="")


def _table_has_numbers(ctx: Context, key: str) -> bool:
    name = SECTION_TABLES.get(key)
    if name is None:
        return False
    return any(v is not None for cols in getattr(ctx.report, name).values() for v in cols.values())


@rule("YEAR")
def year_agrees(ctx: Context) -> Iterator[Finding]:
    """The title, the 统计期限 sentence and 本年（YYYY年）references all give the report year."""
    year = ctx.report.year
    if year is None:
        yield finding("YEAR", ("year",), "未能确定报告年度，无法核对年份", severity="uncertain")
        return
    yield from _title_year(ctx, year)
    for place, text in ctx.texts:
        yield from _period_years(place, text, year)
        yield from _this_year_refs(place, text, year)
    yield from _opening_year(ctx, year)


def _title_year(ctx: Context, year: int) -> Iterator[Finding]:
    title = ctx.report.title or ""
    match = _TITLE_YEAR.search(title)
    if not match:
        return
    found = int(match.group(1))
    if found != year:
        message = f"标题中的年份为 {found} 年，与报告年度 {year} 年不一致"
        yield finding("YEAR", ("title",), message, expected=year, actual=found, values={"title": title, "year": year})
        return
    text_years = _opening_years(ctx)
    others = [y for _, y in text_years if y != found]
    if len(others) >= 2 and len(set(others)) == 1 and found not in {y for _, y in text_years}:
        places = "、".join(SECTION_TITLES[key].split("、")[0] for key, _ in text_years)
        message = (f"标题写的是 {found} 年，但正文第{places}部分开头都写 {others[0]} 年；"
                   "请核对报告年度，改正标题或正文")
        yield finding("YEAR", ("title",), message, expected=others[0], actual=found,
                      values={"title": title, **{f"sections.{k}": y for k, y in text_years}})


def _opening_years(ctx: Context) -> list[tuple[str, int]]:
    """Sections 一 to 四 whose text opens with 'YYYY年，' (五 often opens with next year's plans)."""
    found = []
    for key in SECTION_KEYS[:4]:
        match = _OPENING_YEAR.match(ctx.report.sections.get(key) or "")
        if match:
            found.append((key, int(match.group(1))))
    return found


def _period_years(place: str, text: str, year: int) -> Iterator[Finding]:
    for start, end in _period_sentences(text):
        sentence = text[start:end]
        for match in _PERIOD_YEAR.finditer(sentence):
            found = int(match.group(1))
            if found != year:
                message = f"统计期限写的是 {found} 年，与报告年度 {year} 年不一致：“{sentence.strip()}”"
                yield finding("YEAR", loc_of(place, start, end), message,
                              expected=year, actual=found, values={"year": year})
                break


def _period_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences that state the 统计期限."""
    index = text.find("统计")
    while index >= 0:
        if _PERIOD_WORD.match(text, index):
            start = max(text.rfind("。", 0, index), text.rfind("\n", 0, index)) + 1
            ends = [e for e in (text.find("。", index), text.find("\n", index)) if e >= 0]
            end = min(ends) + 1 if ends else len(text)
            yield start, min(end, len(text))
            index = end
        index = text.find("统计", index + 1)


def _this_year_refs(place: str, text: str, year: int) -> Iterator[Finding]:
    for match in _THIS_YEAR.finditer(text):
        found = int(match.group(1))
        if found != year:
            message = f"正文“{match.group()}”中的年份与报告年度 {year} 年不一致"
            yield finding("YEAR", loc_of(place, match.start(), match.end()), message,
                          expected=year, actual=found, values={"year": year})


def _opening_year(ctx: Context, year: int) -> Iterator[Finding]:
    text = ctx.report.sections.get("s1") or ""
    match = _OPENING_YEAR.match(text)
    if match and int(match.group(1)) != year:
        message = (f"第一部分开头写“{match.group(1)}年”，而报告年度为 {year} 年；"
                   "如是沿用往年文字，请改为本年")
        yield finding("YEAR", loc_of("s1", match.start(1), match.end()), message, expected=year,
                      actual=int(match.group(1)), values={"year": year}, severity="uncertain")
