"""Numbers in Chinese report text: find them, normalise them, tell figures from structural numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import cn2an

FIGURE_KINDS = frozenset({"figure", "percent"})
COUNT_UNITS = frozenset({
    "件", "条", "个", "次", "项", "篇", "期", "场", "人次", "件次", "人", "名", "家", "户",
    "份", "批", "起", "宗", "封", "例", "部", "本", "册", "张", "所", "栏", "类",
})
MONEY_UNITS = frozenset({"元", "万元", "亿元"})
DATE_UNITS = frozenset({"月", "日", "号"})
DURATION_UNITS = frozenset({"天", "小时", "周", "个月", "个工作日", "工作日", "个季度", "季度", "周年"})
_UNITS = sorted(
    COUNT_UNITS | MONEY_UNITS | DATE_UNITS | DURATION_UNITS | {"年度", "年", "%", "％"},
    key=len, reverse=True,
)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?[万亿]?"
_CHINESE = rf"[{_CN_DIGITS}]+(?:点[零〇一二三四五六七八九]+)?"
_SPACE = r"[ \t\u3000\xa0]*"
NUMBER_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_ARABIC}|{_CHINESE})"
    rf"(?P<approx>{_SPACE}(?:余|多)(?!种|方面|年来))?"
    rf"(?:{_SPACE}(?P<unit>{'|'.join(map(re.escape, _UNITS))}))?"
)
_APPROX_BEFORE = re.compile(r"(约|近|超过|逾|大约|将近|多达|上万|不足|以上)\s*$")
_CODE_RE = re.compile(
    r"(?:https?://|www\.)[^\s，。；、）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]+[0-9][\w-]*"
)
_PHONE_RE = re.compile(r"(?<![0-9])(?:\(?0\d{2,3}\)?[-－—]?\d{7,8}(?:[-－]\d{1,5})?|1[3-9]\d{9})(?![0-9])")
_POSTCODE_RE = re.compile(r"(?:邮编|邮政编码)[：:\s]*(\d{6})")
_DOCNO_RE = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*[0-9０-９一二三四五六七八九十百零]*\s*号?")
_TIME_RE = re.compile(r"\d{1,2}[:：]\d{2}")
_WORD_BEFORE = re.compile(r"[A-Za-z_.\-/]")
_WORD_AFTER = re.compile(r"[A-Za-z_/]")
_ORDINAL_BEFORE = re.compile(r"第\s*[（(]?\s*$")
_YEAR_RANGE = re.compile(r"\s*[-－—~～至到]\s*\d{4}")
_PARTS_AFTER = re.compile(r"(?:个|项|大)?(?:部分|方面|板块|章节)|项内容|个内容")
_ROW_NAME_AFTER = re.compile(r"类(?:内部事务|过程性)")
_IDIOMS = ("一件事", "一次性", "一条龙", "一站式", "一批次", "一张网", "一张图", "一件事一次办", "一本账", "一个窗口")


@dataclass(frozen=True)
class Number:
    """A number found in text: its value, unit, span and what kind of number it is."""

    text: str
    value: int | float
    unit: str
    start: int
    end: int
    digits_start: int
    digits_end: int
    kind: str
    approx: bool = False

    @property
    def is_figure(self) -> bool:
        """True for numbers that state a quantity (not a year, date, article or ordinal)."""
        return self.kind in FIGURE_KINDS

    @property
    def decimals(self) -> int:
        """How many decimal places the text gives."""
        digits = self.text[self.digits_start - self.start:self.digits_end - self.start]
        for mark in (".", "．", "点"):
            if mark in digits:
                return len(digits.split(mark, 1)[1].rstrip("万亿"))
        return 0


def to_number(text: str) -> int | float:
    """The value of a numeral: Arabic, full-width, Chinese (二十二, 两, 一百零五) or mixed (1.2万)."""
    value = _convert(_normalise_digits(text.strip()))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def find_numbers(text: str) -> list[Number]:
    """Every number in the text, figures and structural ones, in order."""
    masked = _masked_spans(text)
    found = []
    for match in NUMBER_RE.finditer(text):
        number = _number_from_match(text, match, masked)
        if number is not None:
            found.append(number)
    return found


def find_figures(text: str) -> list[Number]:
    """Only the numbers that state a quantity."""
    return [number for number in find_numbers(text) if number.is_figure]


def _number_from_match(text: str, match: re.Match, masked: list[tuple[int, int, str]]) -> Number | None:
    start, end = match.span()
    digits = match.group("num")
    unit = match.group("unit") or ""
    if _inside_word(text, match) or not _chinese_numeral_ok(text, match, unit):
        return None
    try:
        value = to_number(digits)
    except (ValueError, KeyError, TypeError):
        return None
    if digits[-1] in "万亿" and unit == "元":
        value, unit = to_number(digits[:-1]), digits[-1] + "元"
    pct = bool(match.group("pct"))
    kind = _masked_kind(match.start("num"), masked) or _kind(text, match, unit, value, pct)
    if pct:
        unit = "%"
    approx = bool(match.group("approx")) or bool(_APPROX_BEFORE.search(text[max(0, start - 4):start]))
    return Number(text[start:end], value, _unit_name(unit), start, end,
                  match.start("num"), match.end("num"), kind, approx)


def _unit_name(unit: str) -> str:
    return "%" if unit in ("%", "％") else unit


def _inside_word(text: str, match: re.Match) -> bool:
    before = text[match.start() - 1] if match.start() > 0 else ""
    after = text[match.end("num")] if match.end("num") < len(text) else ""
    if match.group("num")[0] in _CN_DIGITS:
        return False
    return bool(_WORD_BEFORE.match(before) or _WORD_AFTER.match(after))


def _chinese_numeral_ok(text: str, match: re.Match, unit: str) -> bool:
    """Chinese numerals count only with a unit or as 百分之…, and not inside idioms."""
    if match.group("num")[0] not in _CN_DIGITS:
        return True
    if match.group("num")[-1] in "万亿" and len(match.group("num")) == 1:
        return False
    if not unit and not match.group("pct"):
        return _ordinal_follows(text, match)
    window = text[match.start():match.start() + 6]
    return not any(window.startswith(idiom) for idiom in _IDIOMS)


def _ordinal_follows(text: str, match: re.Match) -> bool:
    return text[match.end():match.end() + 1] in ("是", "、", "）", ")")


def _kind(text: str, match: re.Match, unit: str, value: int | float, pct: bool) -> str:
    start = match.start()
    before = text[max(0, start - 2):start]
    after = text[match.end():match.end() + 1]
    if pct or unit in ("%", "％"):
        return "percent"
    if _ORDINAL_BEFORE.search(before):
        return "ordinal"
    if _PARTS_AFTER.match(text, match.end("num") + len(match.group("approx") or "")):
        return "parts"
    if _ROW_NAME_AFTER.match(text, match.end("num")):
        return "label"
    if unit in ("年", "年度"):
        return "year" if _looks_like_year(match.group("num"), value) else "duration"
    if unit in DATE_UNITS:
        return "date"
    if unit in DURATION_UNITS:
        return "duration"
    if not unit:
        return _unitless_kind(text, match, value, before, after)
    return "figure"


def _unitless_kind(text: str, match: re.Match, value: int | float, before: str, after: str) -> str:
    if _looks_like_year(match.group("num"), value) and _YEAR_RANGE.match(text, match.end()):
        return "year"
    if after in ("、", ".", "．") and _at_clause_start(text, match.start()):
        if not (after in (".", "．") and text[match.end() + 1:match.end() + 2].isdigit()):
            return "ordinal"
    if after in ("）", ")") and before[-1:] in ("（", "("):
        return "ordinal"
    if after == "是" and match.group("num")[0] in _CN_DIGITS:
        return "ordinal"
    if match.group("num")[0] in _CN_DIGITS:
        return "ordinal"
    return "figure"


def _at_clause_start(text: str, index: int) -> bool:
    prefix = text[max(0, index - 1):index]
    return index == 0 or prefix in "\n。；;：:（(，,！？ \t\u3000"


def _looks_like_year(digits: str, value: int | float) -> bool:
    if isinstance(value, float) or not 1900 <= value <= 2100:
        return False
    return len(digits) == 4


def _masked_spans(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for regex, kind in ((_CODE_RE, "code"), (_PHONE_RE, "phone"), (_DOCNO_RE, "docno"), (_TIME_RE, "time")):
        spans.extend((m.start(), m.end(), kind) for m in regex.finditer(text))
    spans.extend((m.start(1), m.end(1), "postcode") for m in _POSTCODE_RE.finditer(text))
    return spans


def _masked_kind(index: int, spans: list[tuple[int, int, str]]) -> str | None:
    for start, end, kind in spans:
        if start <= index < end:
            return kind
    return None


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _normalise_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH).replace(",", "")


@lru_cache(maxsize=4096)
def _convert(text: str) -> int | float:
    if re.fullmatch(r"[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[0-9]+\.[0-9]+", text):
        return float(text)
    return cn2an.cn2an(text, "smart")


def iter_figures(text: str, units: frozenset[str] | None = None) -> Iterator[Number]:
    """Figures with one of the given units (all figures when units is None)."""
    for number in find_figures(text):
        if units is None or number.unit in units:
            yield number
