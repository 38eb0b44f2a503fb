"""Section headings 一 to 六: official text, the variants seen in real reports, and ordinal styles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..report import SECTION_KEYS, SECTION_TITLES
from .normalize import norm, same_width, strip_markup

CN_NUMBERS = "一二三四五六"
PHRASES = {
    "s1": r"(?:政府信息公开(?:工作)?)?总体情况(?:概述)?|概述|总体概况",
    "s2": r"(?:行政机关)?主动公开政府信息(?:的)?情况",
    "s3": r"(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况",
    "s4": r"(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?(?:行政)?复议[、,和及与]?(?:提起)?(?:行政)?诉讼(?:的)?情况"
          r"|(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?行政诉讼[、,和及与]?(?:行政)?复议(?:的)?情况",
    "s5": r"(?:政府信息公开工作)?存在(?:的)?(?:主要)?问题(?:及|和|与)?(?:改进|整改)(?:情况|措施)?",
    "s6": r"其他需(?:要)?报告(?:的)?事项",
}
WEAK_PHRASES = {
    "s1": r"总体|概况",
    "s2": r"主动公开.{0,8}情况",
    "s3": r"(?:收到和处理|依申请公开).{0,12}情况",
    "s4": r".{0,12}(?:行政复议|行政诉讼).{0,12}情况",
    "s5": r".{0,10}问题.{0,10}(?:改进|整改|措施|打算)",
    "s6": r"其他.{0,6}事项",
}
PHRASE_RE = {key: re.compile(p) for key, p in PHRASES.items()}
WEAK_RE = {key: re.compile(p) for key, p in WEAK_PHRASES.items()}
WEAK_MAX = 30
ORDINAL = re.compile(r"^(?:(?P<paren>\([一二三四五六]\))|(?P<plain>[一二三四五六])(?P<sep>[、.,:是]?)|第(?P<part>[一二三四五六])部分[、.,:]?"
                     r"|(?P<arabic>[1-6])[、.](?!\d))")
RUN_IN = re.compile(
    r"(?<=[。；;])\s*(?=[一二三四五六][、.](?:总体情况|主动公开政府信息|收到和处理|政府信息公开行政复议|"
    r"因政府信息公开|存在的主要问题|政府信息公开工作存在|其他需要报告))"
)
TRAILING = " \t。.:：，,、"
QUICK = re.compile(r"情[况況]|概[述况況]|事[项項]|问题|問題|措施")


@dataclass(frozen=True)
class Heading:
    """A section heading found on a line, the text that follows it on that line, and how it was written."""

    key: str
    written: str
    rest: str

    @property
    def is_variant(self) -> bool:
        """True when the heading differs from the official wording."""
        return _plain(self.written) != _plain(SECTION_TITLES[self.key])


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", same_width(text)).replace("*", "")


def split_run_in(line: str) -> list[str]:
    """A line split before section headings that follow a full stop on the same line."""
    return [part for part in RUN_IN.split(line)] if "、" in line else [line]


def find_heading(line: str, current: str | None, strong: frozenset[str] = frozenset()) -> Heading | None:
    """The section heading this line starts with, given the section we are in and the keys with 、-headings."""
    if not QUICK.search(line):
        return None
    text = strip_markup(line)
    flat = norm(text)
    ordinal = ORDINAL.match(flat)
    body = flat[ordinal.end():] if ordinal else flat
    for key in SECTION_KEYS:
        match = PHRASE_RE[key].match(body)
        paren_taken = bool(ordinal and (ordinal.group("paren") or ordinal.group("arabic"))) and key in strong
        if match and not paren_taken and _accepted(key, ordinal, body, match.end(), current):
            return _heading(key, text, (ordinal.end() if ordinal else 0) + match.end())
    return _weak_heading(text, flat, ordinal, current)


def _heading(key: str, text: str, head_len: int) -> Heading:
    written, rest = _cut(text, head_len)
    return Heading(key, written, rest.lstrip(TRAILING).strip())


def _weak_heading(text: str, flat: str, ordinal: re.Match | None, current: str | None) -> Heading | None:
    """A loosely worded heading, accepted only as a short line with the right '三、'-style ordinal."""
    number = ordinal and (ordinal.group("part") or (ordinal.group("sep") not in ("", "是") and ordinal.group("plain")))
    if not number or len(flat) > WEAK_MAX or "。" in flat:
        return None
    key = SECTION_KEYS[CN_NUMBERS.index(number)]
    after = SECTION_KEYS.index(current) if current else -1
    if SECTION_KEYS.index(key) <= after or not WEAK_RE[key].match(flat[ordinal.end():]):
        return None
    return _heading(key, text, len(flat))


def _accepted(key: str, ordinal: re.Match | None, body: str, end: int, current: str | None) -> bool:
    after = SECTION_KEYS.index(current) if current else -1
    number = SECTION_KEYS.index(key)
    if ordinal and ordinal.group("paren"):
        return ordinal.group("paren")[1] == CN_NUMBERS[number] and number == after + 1
    if ordinal and ordinal.group("part"):
        return ordinal.group("part") == CN_NUMBERS[number]
    if ordinal and ordinal.group("arabic"):
        return int(ordinal.group("arabic")) == number + 1 and number > after
    if ordinal and ordinal.group("sep") == "是":
        return ordinal.group("plain") == CN_NUMBERS[number] and number > after and len(body.strip(TRAILING)) <= end
    if ordinal and ordinal.group("sep"):
        return number > after or ordinal.group("plain") == CN_NUMBERS[number]
    return number > after and len(body.strip(TRAILING)) <= end + 1


def _cut(text: str, flat_len: int) -> tuple[str, str]:
    """Split the original text after the characters that normalise to flat_len characters."""
    count = 0
    for index, char in enumerate(text):
        if count >= flat_len:
            return text[:index].strip(), text[index:]
        count += len(norm(char)) if char not in "、.,:" else 1
    return text.strip(), ""


def strong_keys(lines: list[str]) -> frozenset[str]:
    """Sections that have a heading with the right '一、'-style ordinal somewhere in the text."""
    keys = set()
    for line in lines:
        flat = norm(strip_markup(line))
        if len(flat) > 1 and flat[0] in CN_NUMBERS and flat[1] == "、":
            key = SECTION_KEYS[CN_NUMBERS.index(flat[0])]
            if PHRASE_RE[key].match(flat[2:]):
                keys.add(key)
    return frozenset(keys)
