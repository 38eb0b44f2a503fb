"""Sentences that say there was none (N.ZERO), blanks and placeholders (N.BLANK), figures without a source."""

from __future__ import annotations

import re
from typing import Iterator

from ..numbers import COUNT_UNITS
from ..report import Report
from .model import SECTION_NAMES, Context, Finding, finding, fmt, loc_of, rule
from .scan import MONEY_SCALE, Sentence, clip, other_business, quote, scan
from .tables import blank_cells, cell_label

_NONE_APPLICATIONS = re.compile(r"(?:未|没有|无)(?:收到|受理|接到|接收|发生)[^，,。；]{0,20}申请")
_NOT_NONE = r"(?!经复议|审结|结案|办结|被纠正|纠正|决定)"
_NONE_REVIEW = re.compile(r"(?:未|没有|无|不存在)" + _NOT_NONE + r"[^，,。；]{0,24}?复议(?!后)")
_NONE_LITIGATION = re.compile(r"(?:未|没有|无|不存在)" + _NOT_NONE + r"[^，,。；]{0,24}?(?:诉讼|起诉)")
_NONE_T2 = re.compile(r"(?:未|没有|无)(?:作出|实施|办理|发生|开展|产生)?(?:任何)?(?:相关)?(行政处罚|行政强制|行政许可)")
_ALL_DONE = re.compile(r"全部办结|均已办结|均办结|均已按时办结|均按时办结|全部按时办结|已全部办结|全部予以答复|全部答复|均已答复完毕|无结转|没有结转|不存在结转")
_CARRIED_IN = re.compile(r"(?:上|去|上一)年度?(?:结转|转结|遗留)|结转至本年")
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
    review, litigation = _NONE_REVIEW.search(body), _NONE_LITIGATION.search(body)
    checks = _case_checks(body, review, litigation) + _t2_checks(body)
    applications = _NONE_APPLICATIONS.search(body)
    if applications and not review and not litigation and not other_business(applications.group()):
        checks.append((applications, ("t3.new.total",), "政府信息公开申请"))
    done = _ALL_DONE.search(body)
    context = sentence.text[max(sentence.para_start, sentence.start - 60):sentence.end]
    if done and _all_applications_done(sentence, done) and "申请" in context:
        checks.append((done, ("t3.carry_out.total",), "结转下年度继续办理的申请"))
    for match, paths, what in checks:
        yield from _zero_finding(report, sentence, match, paths, what)


def _case_checks(body: str, review: re.Match | None, litigation: re.Match | None) -> list:
    """未发生行政复议、行政诉讼: the totals of table 四 must be zero."""
    checks = []
    if review and _about_all_cases(body, review):
        checks.append((review, ("t4.review.total",), "行政复议"))
    if litigation and _about_all_cases(body, litigation):
        checks.append((litigation, _litigation_groups(litigation.group()), "行政诉讼"))
    return checks


def _litigation_groups(claim: str) -> tuple[str, ...]:
    """未发生复议后起诉 speaks of one group of table 四; 未发生行政诉讼 of both."""
    if "复议后" in claim:
        return ("t4.lit_after_review.total",)
    if "直接" in claim or "未经复议" in claim:
        return ("t4.lit_direct.total",)
    return ("t4.lit_direct.total", "t4.lit_after_review.total")


def _t2_checks(body: str) -> list:
    """未作出行政处罚 (not 未发生行政处罚引起的复议): the table 二 cell must be zero."""
    return [(match, (_T2_ZERO_CELLS[match.group(1)],), match.group(1)) for match in _NONE_T2.finditer(body)
            if not _T2_NOT_NONE.match(body, match.end())]


_T2_NOT_NONE = re.compile(r"[^，,。；;]{0,12}(?:复议|诉讼|引起|引发|被|投诉|举报|错误|违法)")


_OUTCOME = re.compile(r"败诉|撤销|纠正|纠错|变更|违法|驳回|责令|被改")
_SOME_CAUSE = re.compile(r"不及时|逾期|超期|不当|不规范|错误|不予公开|不满意")


def _about_all_cases(body: str, match: re.Match) -> bool:
    """未发生行政复议 speaks of all cases; 无行政复议败诉、未因答复不当引发复议 speak of some of them."""
    clause_end = re.search(r"[，,。；;]|$", body[match.end():]).start()
    rest = body[match.end():match.end() + clause_end]
    cause = re.search(r"引起|引发|导致|涉及", match.group())
    if cause and not re.search(r"公开|依申请", match.group()[:cause.start()]):
        return False
    return not _OUTCOME.search(rest) and not _SOME_CAUSE.search(match.group())


def _all_applications_done(sentence: Sentence, done: re.Match) -> bool:
    """均已办结 of all applications; not of other business, of last year's, of the ones answered, nor with an exception."""
    before = sentence.body[:done.start()]
    if other_business(before) or _CARRIED_IN.search(before) or _has_exception(sentence.body):
        return False
    figures = [f for f in sentence.figs if f.number.end <= sentence.start + done.start() and f.phrase is not None]
    return not figures or figures[-1].phrase.name != "办结"


def _has_exception(body: str) -> bool:
    """The sentence names applications left over (除…外, 50件结转下年度), not 结转下年度0件."""
    return bool(_EXCEPTION.search(body)) and not _NONE_LEFT.search(body)


_NONE_LEFT = re.compile(r"(?:结转|转结|顺延|延期)[^，,。；0-9０-９]{0,15}(?:0|０|零|〇)(?![0-9０-９])")
_EXCEPTION = re.compile(r"结转|转结|顺延|延期|除[^，,。；]{0,20}外|其余|其他均|尚在办理|正在办理")


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
    denial = next(((s, m) for s in sentences for m in [_NO_FEE.search(s.body)] if m and _denies_the_fee(s.body, m)),
                  None)
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


def _denies_the_fee(body: str, match: re.Match) -> bool:
    """未收取信息处理费 denies the fee; 未收取其他费用 and 未收取信息处理费以外的费用 do not."""
    words = match.group() + body[match.end():match.end() + 3]
    return not re.search(r"其他|其它|别的|另外|额外|信息处理费(?:以|之)?外", words)


_PLACEHOLDERS = re.compile(
    r"(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])|\[[^\]\n]{0,30}[\u4e00-\u9fff][^\]\n]{0,30}\]"
    r"|[（(]\s*具体[^）)\n]{0,20}[）)]|【[^】\n]{0,30}】|_{2,}|＿{2,}"
)
_PLACEHOLDER_WORDS = re.compile(r"待|填|补充|具体|XX|××|xx|某|^\s*$")
_MISSING_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(件|条|个|次|项|篇|期|场|人次|万元|元)"
    r"(?![例款目线规数事要性别体人])"
)
_ENDS_A_COUNT = re.compile(r"[，,。；;、）)：:\s]|$|政府|信息|申请|依申请|的|公开|行政|规范性|文件|其中|左右")
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
        if token[0] in "【[" and not _PLACEHOLDER_WORDS.search(token[1:-1]):
            continue
        message = f"{SECTION_NAMES[place]}有未填写的占位内容“{token}”：{_context(text, match.start(), match.end())}"
        yield finding("N.BLANK", loc_of(place, match.start(), match.end()), message,
                      expected="实际内容", actual=token)


def _missing_numbers(place: str, text: str) -> Iterator[Finding]:
    if _letter_spaced(text):
        return
    for match in _MISSING_NUMBER.finditer(text):
        if text[match.start() - 1] in _NUMERAL_CHARS or not _ENDS_A_COUNT.match(text, match.end()):
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

