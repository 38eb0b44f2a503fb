"""Whom or what a figure is about: the agency itself, a part of it, one channel, or another year."""

from __future__ import annotations

import re

TIME_WORDS = re.compile(r"(?:[0-9０-９]{4}|本|今|全)年度?|[0-9０-９]{1,2}月(?:份|[0-9０-９]{1,2}日)?|上半年|下半年"
                        r"|截至|截止|以来")

_VERB = re.compile(r"代表|共|总共|累计|印发|制发|出台|制定|发布|废止|清理|开展|收到|受理|接收|接到|新收|办结|答复"
                   r"|处理|办理|作出|实施|发生|被|因|涉及|政府信息|依申请|行政")
_UNIT_WORD = re.compile(r"局|委|办|厅|署|院|中心|政府|部门|单位|站|所|队|镇|乡|街道")
_PART_OF_WHOLE = re.compile(r"名义|本级|[市县区镇乡]级|县区|区县|乡镇|各部门|各单位|各县|各区|下属|所属|直属")
_OWN = re.compile(r"我|本(?!级)|全[市县区镇省]|^[市县区镇]$")


def about_other_unit(label: str, agency: str | None) -> bool:
    """True when the figure is about a part of the whole (市本级, 县区) or another named unit than the agency."""
    verb = _VERB.search(label)
    subject = TIME_WORDS.sub("", re.sub(r"\s", "", label[:verb.start()] if verb else "")).strip("，,、：:")
    if not subject or _OWN.search(subject):
        return False
    if _PART_OF_WHOLE.search(subject):
        return True
    with_departments = _WITH_DEPARTMENTS.fullmatch(subject)
    first = with_departments.group(1) if with_departments else subject
    return bool(agency) and bool(_UNIT_WORD.search(first)) and not _abbreviates(first, agency)


_WITH_DEPARTMENTS = re.compile(r"(.+?)(?:及|和|与|、)(?:其)?(?:各|所属|下属|组成)?(?:部门|单位)")


_CHANNEL = re.compile(r"网站|网上|线上|在线|平台|信函|邮寄|当面|现场|传真|电子邮件|纸质|书面|窗口")


def one_channel(label: str) -> bool:
    """True when the figure counts the applications of one channel only (通过网站答复 3 件, 纸质申请 36 件)."""
    found = list(_CHANNEL.finditer(label))
    if not found:
        return False
    after = label[found[-1].end():]
    return len(found) == 1 and not re.match(r"\S{0,3}?等", after)


def _abbreviates(subject: str, agency: str) -> bool:
    """The subject names the agency itself, maybe shortened (区住建局 for 某区住房和城乡建设局)."""
    name = agency.replace("人民政府", "政府")
    subject = subject.replace("人民政府", "政府")
    position = 0
    for char in subject:
        position = name.find(char, position) + 1
        if position == 0:
            return False
    return True


_OTHER_YEAR = re.compile(r"(?:上|去|前|上一)年度?(?!度?(?:结转|转结))|同期|((?:19|20)\d{2})\s*年")


def another_year(label: str, year: int | None) -> bool:
    """True when the label speaks of another year's figure (2023年共收到…, 较上年的…), not this year's table."""
    for match in _OTHER_YEAR.finditer(label):
        if match.group(1) is None or (year is not None and int(match.group(1)) != year):
            return True
    return False
