"""Sentences that say there was none (N.ZERO), blanks and placeholders (N.BLANK), figures without a source."""

from __future__ import annotations

import re
from typing import Iterator

from ..numbers import COUNT_UNITS
from ..report import Report
from .model import SECTION_NAMES, Context, Finding, finding, fmt, loc_of, rule
from .scan import MONEY_SCALE, Sentence, clip, quote, scan
from .tables import blank_cells, cell_label

_NONE_APPLICATIONS = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收|发生)[^，,。；]{0,20}申请")
_NOT_NONE = r"(?!经复议|审结|结案|办结|被纠正|纠正|决定)"
_NONE_REVIEW = re.compile(r"(?:未|没有|无|不存在)" + _NOT_NONE + r"[^，,。；]{0,24}?复议")
_NONE_LITIGATION = re.compile(r"(?:未|没有|无|不存在)" + _NOT_NONE + r"[^，,。；]{0,24}?(?:诉讼|起诉)")
_NONE_T2 = re.compile(r"(?:未|没有|无)(?:作出|实施|办理|发生|开展|产生)?(?:任何)?(?:相关)?(行政处罚|行政强制|行政许可)")
_ALL_DONE = re.compile(r"全部办结|均已办结|均办结|均已按时办结|均按时办结|全部按时办结|已全部办结|全部予以答复|全部答复|均已答复完毕|无结转|没有结转|不存在结转")
_NO_FEE = re.compile(r"(?:未|没有|无|不)(?:收取|收|产生)[^，,。；]{0,12}(?:信息处理费|费用)")
_T2_ZERO_CELLS = {"行政处罚": "t2.penalty.decisions", "行政强制": "t2.coercion.decisions",
                  "行政许可": "t2.licensing.decisions"}


@rule("N.ZERO")
def none_sentences(ctx: Context) -> Iterator[Finding]:
    """Sentences saying there was none agree with the tables and with fee amounts in the text."""
    sentences = scan(ctx)
    for sentence in sentences:
        yield from _zero_checks(ctx.report, sentence)
    yield from _fee_contradictions(sentences)


def _zero_checks(report: Report, sentence: Sentence) -> Iterator[Finding]:
    body = sentence.body
    checks = []
    review, litigation = _NONE_REVIEW.search(body), _NONE_LITIGATION.search(body)
    if review:
        checks.append((review, ("t4.review.total",), "行政复议"))
    if litigation:
        checks.append((litigation, ("t4.lit_direct.total", "t4.lit_after_review.total"), "行政诉讼"))
    applications = _NONE_APPLICATIONS.search(body)
    if applications and not review and not litigation:
        checks.append((applications, ("t3.new.total",), "政府信息公开申请"))
    for match in _NONE_T2.finditer(body):
        checks.append((match, (_T2_ZERO_CELLS[match.group(1)],), match.group(1)))
    done = _ALL_DONE.search(body)
    if done and "申请" in sentence.text[max(sentence.para_start, sentence.start - 60):sentence.end]:
        checks.append((done, ("t3.carry_out.total",), "结转下年度继续办理的申请"))
    for match, paths, what in checks:
        yield from _zero_finding(report, sentence, match, paths, what)


def _zero_finding(report: Report, sentence: Sentence, match: re.Match, paths: tuple[str, ...], what: str
                  ) -> Iterator[Finding]:
    cells = {p: report.cell(p) for p in paths if p.split(".")[1] in getattr(report, p.split(".")[0])}
    known = {p: v for p, v in cells.items() if v is not None}
    total = sum(known.values())
    if not known or total == 0:
        return
    shown = "、".join(f"{cell_label(p)}为 {fmt(v)}" for p, v in known.items() if v)
    message = f"{SECTION_NAMES[sentence.place]}写“{clip(match.group())}”，但{shown}；{what}不是零"
    yield finding("N.ZERO", loc_of(sentence.place, sentence.start + match.start(), sentence.start + match.end()),
                  message, expected=0, actual=total, values=known)


def _fee_contradictions(sentences: list[Sentence]) -> Iterator[Finding]:
    denial = next(((s, m) for s in sentences for m in [_NO_FEE.search(s.body)] if m), None)
    if denial is None:
        return
    for sentence in sentences:
        for fig in sentence.figs:
            if fig.number.unit in MONEY_SCALE and "处理费" in sentence.body and float(fig.number.value) > 0:
                where, match = denial
                message = (f"{SECTION_NAMES[where.place]}写“{clip(match.group())}”，但"
                           f"{SECTION_NAMES[sentence.place]}又写收取信息处理费 {fig.number.text}")
                yield finding("N.ZERO", loc_of(sentence.place, sentence.start, sentence.end), message,
                              expected=0, actual=fig.number.value, values={"信息处理费": fig.number.value})


_PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])|\[[^\]\n]{0,30}[\u4e00-\u9fff][^\]\n]{0,30}\]"
    r"|[（(]\s*具体[^）)\n]{0,20}[）)]|【[^】\n]{0,30}】|_{2,}|＿{2,}"
)
_PLACEHOLDER_WORDS = re.compile(r"待|填|补充|具体|XX|××|xx|某|^\s*$")
_MISSING_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(件|条|个|次|项|篇|期|场|人次|万元|元)"
    r"(?![例款目线规数事要性别体人])"
)
_NUMERAL_CHARS = set("零〇一二两三四五六七八九十百千万亿余多第每")


@rule("N.BLANK")
def blanks(ctx: Context) -> Iterator[Finding]:
    """No placeholder or left-out number in the text, no blank cell in a table with numbers."""
    for place, text in ctx.texts:
        yield from _placeholders(place, text)
        yield from _missing_numbers(place, text)
    yield from blank_cells(ctx.report)


_PLACEHOLDER_HINTS = ("X", "x", "×", "Ｘ", "ｘ", "[", "具体", "【", "__", "＿＿")


def _placeholders(place: str, text: str) -> Iterator[Finding]:
    if not any(hint in text for hint in _PLACEHOLDER_HINTS):
        return
    for match in _PLACEHOLDERS.finditer(text):
        token = match.group()
        if token.startswith("【") and not _PLACEHOLDER_WORDS.search(token[1:-1]):
            continue
        message = f"{SECTION_NAMES[place]}有未填写的占位内容“{token}”：{_context(text, match.start(), match.end())}"
        yield finding("N.BLANK", loc_of(place, match.start(), match.end()), message,
                      expected="实际内容", actual=token)


def _missing_numbers(place: str, text: str) -> Iterator[Finding]:
    if _letter_spaced(text):
        return
    for match in _MISSING_NUMBER.finditer(text):
        if text[match.start() - 1] in _NUMERAL_CHARS:
            continue
        message = f"{SECTION_NAMES[place]}“{_context(text, match.start(), match.end())}”中“{match.group(1)}”前缺少数字"
        yield finding("N.BLANK", loc_of(place, match.start(), match.end()), message,
                      expected="数字", actual=match.group().strip())


def _letter_spaced(text: str) -> bool:
    pairs = re.findall(r"[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]", text)
    return len(pairs) > 20 and len(pairs) > len(text) / 20


def _context(text: str, start: int, end: int) -> str:
    left = max(text.rfind("。", 0, start), text.rfind("\n", 0, start), start - 20) + 1
    return text[left:min(len(text), end + 10)].strip()


@rule("N.UNGROUNDED")
def ungrounded(ctx: Context) -> Iterator[Finding]:
    """With the drafter's inputs: a count in the text that matches no input, cell or derivation."""
    if ctx.grounding is None:
        return
    known = ctx.grounding.values | _derived_values(ctx.report)
    for sentence in scan(ctx):
        for fig in sentence.figs:
            number = fig.number
            if number.unit not in COUNT_UNITS and number.unit not in MONEY_SCALE:
                continue
            if number.approx or any(abs(float(number.value) - k) < 1e-6 for k in known):
                continue
            message = f"{SECTION_NAMES[sentence.place]}的数字“{quote(fig)}”在输入材料和表格中都找不到来源"
            yield finding("N.UNGROUNDED", loc_of(sentence.place, number.start, number.end), message,
                          actual=number.value, values={"text": number.value})


def _derived_values(report: Report) -> frozenset[float]:
    values = {float(v) for _, v in report.cells() if v is not None}
    t3, t4 = report.t3, report.t4
    for col in ("np", "biz", "res", "soc", "law", "oth", "total"):
        groups = [[t3[r][col] for r in t3 if r.startswith(prefix)] for prefix in ("deny_", "na_", "np_", "other")]
        values |= _sums(groups)
        values |= _sums([[t3["new"][col], t3["carry_in"][col]], [t3["granted"][col], t3["partial"][col]]])
    for row in t3:
        values |= _sums([[t3[row][c] for c in ("biz", "res", "soc", "law", "oth")]])
    for col in ("upheld", "corrected", "other", "pending", "total"):
        values |= _sums([[t4["lit_direct"][col], t4["lit_after_review"][col]],
                         [t4[g][col] for g in t4]])
    return frozenset(values)


def _sums(lists: list[list]) -> set[float]:
    return {float(sum(cells)) for cells in lists if cells and all(c is not None for c in cells)}

