"""Title, agency and report year from the title line, the 统计期限 sentence or the text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .normalize import same_width, strip_markup

YEAR = r"((?:19|20)\d{2})\s*年\s*度?"
TITLE = re.compile(rf"^(?P<pre>.*?){YEAR}(?P<post>.*?)(?:政府)?信息公开.{{0,8}}(?:报告|年报)$")
TITLE_AFTER_YEAR = re.compile(rf"^(?P<pre>.*?)(?:政府)?信息公开(?:工作)?\s*{YEAR}\s*(?:工作)?报告$")
TITLE_YEAR_AFTER = re.compile(rf"^(?P<pre>.*?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告\s*[(（]{YEAR}[)）]$")
TITLE_PREFIX = re.compile(r"^(?:标\s*题|名\s*称)\s*[:：]?\s*")
PERIOD = re.compile(r"统计(?:期限|时限|起止时间|时间)?[^。]{0,20}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
SENTENCE_STOP = re.compile(r"[。！？；]|^根据|^本报告|^现将|^按照")
AGENCY_TAIL = re.compile(r"(?:政府信息公开(?:工作)?|信息公开(?:工作)?|关于|的)$")
HEAD_LINES = 12
LEADING_NON_CJK = re.compile(r"^[\x00-\x7f]*?[-—_:：]+(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Title:
    """The report title, the agency and year it names, and any text after it on the same line."""

    text: str
    agency: str | None
    year: int | None
    line_index: int
    rest: str = ""


def find_title(lines: list[str]) -> Title | None:
    """The title among the first lines before section 一 (one naming the agency first), joining one broken over two lines."""
    first = None
    for index, raw in enumerate(lines[:HEAD_LINES]):
        line, rest = _title_part(raw)
        title = _as_title(line, index, rest)
        if index and (title is None or not title.agency) and _joinable(lines[index - 1]):
            joined = _as_title(_title_part(lines[index - 1])[0] + line, index, rest)
            title = joined if joined and joined.agency else title
        if title and title.agency:
            return title
        first = first or title
    return first


def _title_part(raw: str) -> tuple[str, str]:
    line = TITLE_PREFIX.sub("", strip_markup(raw)).strip()
    if len(line) > 60 and "报告" in line[:60] and not re.match(r".{0,60}?报告\s*[(（]", line):
        cut = line.index("报告") + 2
        return line[:cut], line[cut:].strip()
    return line, ""


def _joinable(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= 40 and not re.search(r"[。，,:：|]", text)


def _as_title(line: str, index: int, rest: str) -> Title | None:
    if len(line) > 80 or SENTENCE_STOP.search(line):
        return None
    flat = same_width(line)
    match = TITLE.match(flat) or TITLE_AFTER_YEAR.match(flat) or TITLE_YEAR_AFTER.match(flat)
    if not match:
        return None
    groups = [name for name in ("pre", "post") if name in match.re.groupindex]
    agency = next(filter(None, (_clean_agency(line[slice(*match.span(n))]) for n in groups)), None)
    return Title(line.strip(), agency, int(match.group(2)), index, rest)


def _clean_agency(text: str) -> str | None:
    agency = LEADING_NON_CJK.sub("", re.sub(r"^关于|\s+", "", text)).strip("《》“”\"'()（）-—_:：")
    while AGENCY_TAIL.search(agency):
        agency = AGENCY_TAIL.sub("", agency)
    return agency if len(agency) >= 2 else None


def find_year(title: Title | None, text: str) -> int | None:
    """The report year: from the title, else the 统计期限 sentence, else the year the text names most."""
    if title and title.year:
        return title.year
    period = PERIOD.search(same_width(text))
    if period:
        return int(period.group(1))
    counts = Counter(int(y) for y in ANY_YEAR.findall(same_width(text[:4000])))
    return max(counts, key=lambda y: (counts[y], -y)) if counts else None


EMBEDDED = re.compile(
    r"(?:现将|现向社会公布|现予公布|现公布|现公开|现发布|特向社会公布|特此公布|予以公布|特编制|现编制|编制了?)《?"
    r"(?P<title>[^，。,;；《》、:：\s]{0,40}?(?:(?:19|20)\d{2}\s*年度?[^，。,;；《》]{0,40}?信息公开(?:工作)?(?:年度)?(?:工作)?报告"
    r"|信息公开(?:工作)?\s*(?:19|20)\d{2}\s*年度(?:工作)?报告))"
)
EMBEDDED_SUBJECT = re.compile(
    r"(?:^|[，。,;；\n])(?P<agency>[^，。,;；《》、:：\s]{2,30}?)(?:特|现)(?:编制|公布|发布)了?《?"
    r"(?P<title>(?:19|20)\d{2}\s*年度?[^，。,;；《》]{0,20}?信息公开(?:工作)?(?:年度)?(?:工作)?报告)"
)
NOT_AGENCY = re.compile(r"^(?:我|本|全|该|各)")


def find_embedded_title(text: str) -> Title | None:
    """A report title named inside a sentence ('现公布XX局2023年政府信息公开工作年度报告'), if it names an agency."""
    flat = same_width(text[:3000])
    for match in EMBEDDED.finditer(flat):
        title = _as_title(text[slice(*match.span("title"))], -1, "")
        if title and title.agency and not NOT_AGENCY.match(title.agency):
            return title
    for match in EMBEDDED_SUBJECT.finditer(flat):
        named = text[slice(*match.span("agency"))] + text[slice(*match.span("title"))]
        title = _as_title(named, -1, "")
        if title and title.agency and not NOT_AGENCY.match(title.agency):
            return title
    return None
