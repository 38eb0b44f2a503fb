"""Cross-year rules (with last year's report) and the 规章 plausibility warning."""

from __future__ import annotations

import re
from typing import Iterator

from ..report import SECTION_TITLES, T3_COLUMN_LABELS, T3_COLUMNS
from .model import Context, Finding, finding, fmt, rule

COPY_THRESHOLD = 0.85
COPY_MIN_CHARS = 60
_NO_RULE_POWER = re.compile(
    r"(?:镇|乡|街道|苏木|办事处|社区)|(?:县|区|旗)人民政府$|(?:县|区|旗).{0,24}(?:局|办|委|中心|所|队|站|院|室)$"
)
_HAS_RULE_POWER = re.compile(r"(?:省|自治区|市)人民政府(?:办公厅|办公室)?$|国务院")


@rule("Y.CARRY")
def carry_over(ctx: Context) -> Iterator[Finding]:
    """This year's 上年结转 equals last year's 结转下年度继续办理, column by column."""
    if ctx.previous is None:
        return
    for col in T3_COLUMNS:
        now, then = ctx.report.t3["carry_in"][col], ctx.previous.t3["carry_out"][col]
        if now is None or then is None or now == then:
            continue
        message = (f"表三“{T3_COLUMN_LABELS[col]}”列：本年“上年结转”为 {fmt(now)}，"
                   f"但上年报告“结转下年度继续办理”为 {fmt(then)}")
        yield finding("Y.CARRY", ("t3", "carry_in", col), message, expected=then, actual=now,
                      values={f"t3.carry_in.{col}": now, f"previous.t3.carry_out.{col}": then})


@rule("Y.VALID")
def valid_documents(ctx: Context) -> Iterator[Finding]:
    """现行有效件数 ≈ last year's 现行有效 + 本年制发 − 本年废止 (table 二 （一）)."""
    previous = ctx.previous
    if previous is None or ctx.report.format != "2021" or previous.format != "2021":
        return
    for row, label in (("regulations", "规章"), ("normative_docs", "行政规范性文件")):
        cells = ctx.report.t2[row]
        last = previous.t2[row]["valid"]
        parts = (last, cells["issued"], cells["repealed"], cells["valid"])
        if any(v is None for v in parts):
            continue
        expected = last + cells["issued"] - cells["repealed"]
        if expected == cells["valid"]:
            continue
        message = (f"表二“{label}”：上年现行有效 {fmt(last)} + 本年制发 {fmt(cells['issued'])} − 本年废止 "
                   f"{fmt(cells['repealed'])} = {fmt(expected)}，但本年现行有效为 {fmt(cells['valid'])}")
        yield finding("Y.VALID", ("t2", row, "valid"), message, expected=expected, actual=cells["valid"],
                      values={f"previous.t2.{row}.valid": last, f"t2.{row}.issued": cells["issued"],
                              f"t2.{row}.repealed": cells["repealed"], f"t2.{row}.valid": cells["valid"]})


@rule("Y.COPY")
def copied_text(ctx: Context) -> Iterator[Finding]:
    """A section whose text is nearly the same as last year's (内容雷同)."""
    if ctx.previous is None:
        return
    for key, text in ctx.report.sections.items():
        old = ctx.previous.sections.get(key)
        if not text or not old or len(text) < COPY_MIN_CHARS or len(old) < COPY_MIN_CHARS:
            continue
        score = similarity(text, old)
        if score >= COPY_THRESHOLD:
            message = (f"“{SECTION_TITLES[key]}”与上年报告同一部分的文字相似度为 {score:.0%}，"
                       "可能被认定为内容雷同，请按本年实际情况改写")
            yield finding("Y.COPY", ("sections", key), message, expected=f"<{COPY_THRESHOLD:.0%}",
                          actual=round(score, 3), values={"similarity": round(score, 3)})


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' character 4-grams (whitespace ignored)."""
    grams_a, grams_b = _grams(a), _grams(b)
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / len(grams_a | grams_b)


def _grams(text: str, n: int = 4) -> set[str]:
    compact = re.sub(r"\s+", "", text)
    return {compact[i:i + n] for i in range(max(0, len(compact) - n + 1))}


def lacks_rule_power(agency: str | None) -> bool:
    """Heuristic: townships, county and district governments and their departments make no 规章."""
    if not agency:
        return False
    name = agency.strip()
    if _HAS_RULE_POWER.search(name) and not re.search(r"(?:镇|乡|街道|县|区|旗)人民政府", name):
        return False
    return bool(_NO_RULE_POWER.search(name))


@rule("N.REG")
def regulations_power(ctx: Context) -> Iterator[Finding]:
    """Non-zero 规章 figures for an agency that has no power to make 规章."""
    report = ctx.report
    if not lacks_rule_power(report.agency):
        return
    cells = {f"t2.regulations.{col}": v for col, v in report.t2.get("regulations", {}).items() if v}
    if cells:
        shown = "、".join(f"{path.split('.')[-1]}={fmt(v)}" for path, v in cells.items())
        message = (f"{report.agency}一般没有规章制定权（规章只由省、自治区、直辖市和设区的市人民政府制定），"
                   f"但表二“规章”一行不为零（{shown}）；如属转载上级规章，请改填 0")
        yield finding("N.REG", ("t2", "regulations"), message, expected=0, actual=sum(cells.values()), values=cells)
