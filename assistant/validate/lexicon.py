"""The phrases staff write for table figures, and the cells (or sums of cells) each phrase may mean."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from fnmatch import fnmatch

from ..numbers import COUNT_UNITS, MONEY_UNITS
from ..report import T3_COLUMNS, T4_COLUMNS, T4_GROUPS, t2_layout, t3_rows

COUNTS = frozenset(COUNT_UNITS)
MONEY = frozenset(MONEY_UNITS)
LEGAL = ("biz", "res", "soc", "law", "oth")
LIT_READINGS = (("t4.lit_direct.{col}", "t4.lit_after_review.{col}"), ("t4.lit_direct.{col}",),
                ("t4.lit_after_review.{col}",))
_ANSWERED = ("t3.granted.total", "t3.partial.total", "t3.deny_*.total", "t3.na_*.total", "t3.np_*.total")
_REPLY = r"(?:答复|决定|处理)?"
_NOT_A_RESULT = r"(?!.*(?:维持|纠正|其他结果|审结|审理))"
_FILLER = re.compile(r"(?:共计|合计|总计|累计|总共|一共|共|计|为|达到|达|有|数量|总数|总量|数|的|是|了|分别|均|[\s\u3000])*$")


@dataclass(frozen=True)
class Phrase:
    """One way of writing a table figure: what precedes (or follows) it, and the readings it allows."""

    name: str
    family: str
    left: re.Pattern | None
    readings: tuple[tuple[str, ...], ...]
    topic: str = ""
    units: frozenset[str] = COUNTS
    right: re.Pattern | None = None
    weak: bool = False
    spare: tuple[tuple[str, ...], ...] = ()


def _p(name: str, family: str, left: str | None, readings: tuple, **kw) -> Phrase:
    pattern = re.compile(f"(?:{left})$") if left is not None else None
    right = kw.pop("right", None)
    return Phrase(name, family, pattern, readings, right=re.compile(f"^(?:{right})") if right else None, **kw)


def _col(col: str) -> tuple[tuple[str, ...], ...]:
    return ((f"t4.{{g}}.{col}",),)


def _applicant(col: str) -> tuple[tuple[str, ...], ...]:
    return ((f"t3.new.{col}",), (f"t3.new.{col}", f"t3.carry_in.{col}"))


LEXICON: tuple[Phrase, ...] = (
    _p("信息处理费", "none", r".*信息处理费.*|.*处理费.*", (), units=COUNTS | MONEY),
    _p("复议后起诉", "t4", r".*复议后(?:提起)?(?:起诉|诉讼|行政诉讼)(?:案件)?", (("t4.lit_after_review.total",),), topic="t4"),
    _p("直接起诉", "t4", r".*直接(?:提起)?(?:起诉|诉讼|行政诉讼)(?:案件)?", (("t4.lit_direct.total",),), topic="t4"),
    _p("行政复议和行政诉讼", "t4", r".*复议(?:和|及|与|、|或)(?:提起)?(?:行政)?诉讼(?:案件)?",
       (("t4.review.total", "t4.lit_direct.total", "t4.lit_after_review.total"),), topic="t4"),
    _p("行政复议", "t4", _NOT_A_RESULT + r".*复议(?:案件|申请)?", (("t4.review.total",),), topic="t4"),
    _p("行政诉讼", "t4", _NOT_A_RESULT + r".*(?:诉讼|起诉)(?:案件)?",
       tuple(tuple(p.format(col="total") for p in r) for r in LIT_READINGS), topic="t4"),
    _p("结果维持", "t4col", r".*维持(?:原\S{0,4})?", _col("upheld"), topic="t4"),
    _p("结果纠正", "t4col", r".*纠正", _col("corrected"), topic="t4"),
    _p("其他结果", "t4col", r".*其他结果", _col("other"), topic="t4"),
    _p("尚未审结", "t4col", r".*(?:尚未审结|未审结|正在审理|审理中)", _col("pending"), topic="t4"),
    _p("上年结转", "t3", r".*(?:上年|上一年|去年)度?结转(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?",
       (("t3.carry_in.total",),), topic="app"),
    _p("结转下年度", "t3", r".*(?:结转|转结|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理|答复|处理)?(?:的)?(?:申请)?|.*下一?年度继续办理",
       (("t3.carry_out.total",),), topic="app"),
    _p("予以公开及部分公开", "result", r".*(?:予以|全部)?公开(?:及|和|或|、|与)部分公开" + _REPLY,
       (("t3.granted.total", "t3.partial.total"),), topic="app"),
    _p("部分公开", "result", r".*部分公开" + _REPLY, (("t3.partial.total",),), topic="app"),
    _p("不予公开", "result", r".*不予公开" + _REPLY, (("t3.deny_*.total",),), topic="app"),
    _p("予以公开", "result", r".*(?:予以|同意|全部)公开" + _REPLY, (("t3.granted.total",),), topic="app"),
    _p("本机关不掌握", "result", r".*(?:不掌握(?:相关)?(?:政府)?信息|信息不存在)", (("t3.na_not_held.total",),), topic="app"),
    _p("无法提供", "result", r".*无法提供", (("t3.na_*.total",),), topic="app"),
    _p("信访举报投诉类", "result", r".*信访(?:举报投诉)?类?(?:申请)?", (("t3.np_petition.total",),), topic="app"),
    _p("重复申请", "result", r".*重复申请", (("t3.np_duplicate.total",),), topic="app"),
    _p("不予处理", "result", r".*不予处理", (("t3.np_*.total",),), topic="app"),
    _p("其他处理", "result", r".*其他处理", (("t3.other*.total",),), topic="app"),
    _p("其他业务的申请或办理", "none",
       r".*(?:许可|审批|政务服务|办件|信箱|来信|热线|12345|工单|咨询|留言|建议|提案|登记|复核|诉求)"
       r"[^，,；]{0,12}(?:申请|办结|答复|回复|受理|收到)(?:事项|件)?", (), units=COUNTS | MONEY),
    _p("办结", "t3", r".*(?:办结|答复|处理完毕|办理完毕|作出答复|予以答复|回复)(?:了)?(?:[^，,；]*申请)?",
       (("t3.processed_total.total",),), topic="app", spare=(_ANSWERED,)),
    _p("自然人申请", "applicant", r".*(?:自然人|公民个人|个人)(?:提出)?(?:的)?(?:申请)?", _applicant("np"), topic="app"),
    _p("法人或其他组织申请", "applicant", r".*法人(?:或者?|和|及)其他组织(?:提出)?(?:的)?(?:申请)?",
       (tuple(f"t3.new.{c}" for c in LEGAL), tuple(f"t3.{r}.{c}" for r in ("new", "carry_in") for c in LEGAL)),
       topic="app"),
    _p("商业企业申请", "applicant", r".*商业企业(?:提出)?(?:的)?(?:申请)?", _applicant("biz"), topic="app"),
    _p("科研机构申请", "applicant", r".*科研机构(?:提出)?(?:的)?(?:申请)?", _applicant("res"), topic="app"),
    _p("社会公益组织申请", "applicant", r".*社会公益组织(?:提出)?(?:的)?(?:申请)?", _applicant("soc"), topic="app"),
    _p("法律服务机构申请", "applicant", r".*法律服务机构(?:提出)?(?:的)?(?:申请)?", _applicant("law"), topic="app"),
    _p("新收申请", "t3", r".*新收(?:到)?[^，,；]*?(?:申请)?", (("t3.new.total",),), topic="app"),
    _p("处理申请", "t3", r".*(?:处理|办理)[^，,；]*(?:依申请公开|申请)[^，,；]*",
       (("t3.new.total",), ("t3.new.total", "t3.carry_in.total"), ("t3.processed_total.total",)), topic="app"),
    _p("收到申请", "t3",
       r".*(?:收到|受理|接收|接到|收悉)[^，,；]*(?:申请|请求)(?:事项)?|.*依申请公开(?:政府)?(?:信息)?(?:申请|请求)?(?:事项)?|.*公开申请",
       (("t3.new.total",), ("t3.new.total", "t3.carry_in.total")), topic="app"),
    _p("收到申请", "t3", r".*(?:收到|受理|接收|接到)",
       (("t3.new.total",), ("t3.new.total", "t3.carry_in.total")), topic="app",
       right=r"(?:政府信息公开|信息公开|依申请公开)?(?:政府信息)?申请"),
    _p("结转下年度", "t3", None, (("t3.carry_out.total",),), topic="app",
       right=r"(?:申请)?(?:顺延|结转|转结)(?:至|到)?(?:下一?年|(?:19|20)[0-9]{2}\s*年)"),
    _p("行政事业性收费", "t2", r".*行政事业性收费(?:金额|总额|总计|收入)?", (("t2.admin_fees.amount_wan_yuan",),),
       units=MONEY),
    _p("其他对外管理服务事项", "t2", r".*其他对外管理服务(?:事项)?(?:处理决定|决定)?", (("t2.other_services.decisions",),)),
    _p("政府集中采购金额", "t2", r".*(?:政府集中)?采购(?:总)?金额", (("t2.gov_procurement.amount",),), units=MONEY),
    _p("政府集中采购项目", "t2", r".*政府集中采购(?:项目)?", (("t2.gov_procurement.items",),)),
    _p("对外公开规范性文件总数", "t2", r".*(?:对外公开|累计公开)[^，,；]*规范性文件(?:总数|总量)?",
       (("t2.normative_docs.total_public",), ("t2.normative_docs.valid",))),
    _p("行政许可", "t2", r".*行政许可(?:决定|处理决定|案件)?", (("t2.licensing.decisions",),)),
    _p("行政处罚", "t2", r".*行政处罚(?:决定|处理决定|案件)?", (("t2.penalty.decisions",),)),
    _p("行政强制", "t2", r".*行政强制(?:决定|措施|处理决定|案件)?", (("t2.coercion.decisions",),)),
    _p("废止规范性文件", "t2", r".*(?:废止|废除|失效)[^，,；]*规范性文件|.*规范性文件[^，,；]*(?:废止|废除|失效)",
       (("t2.normative_docs.repealed",),)),
    _p("现行有效规范性文件", "t2", r".*现行有效[^，,；]*规范性文件|.*规范性文件[^，,；]*现行有效",
       (("t2.normative_docs.valid",), ("t2.normative_docs.total_public",))),
    _p("新公开规范性文件", "t2", r".*新公开[^，,；]*规范性文件",
       (("t2.normative_docs.published",), ("t2.normative_docs.issued",))),
    _p("制发规范性文件", "t2", r".*(?:制发|印发|出台|制定|制作|新增|发布)[^，,；]*规范性文件",
       (("t2.normative_docs.issued",), ("t2.normative_docs.made",), ("t2.normative_docs.published",))),
    _p("废止规章", "t2", r".*(?:废止|废除)[^，,；]*规章|.*规章[^，,；]*(?:废止|废除)", (("t2.regulations.repealed",),)),
    _p("现行有效规章", "t2", r".*现行有效[^，,；]*规章|.*规章[^，,；]*现行有效",
       (("t2.regulations.valid",), ("t2.regulations.total_public",))),
    _p("制发规章", "t2", r".*(?:制发|印发|出台|制定|制作|新增|发布)[^，,；]*规章",
       (("t2.regulations.issued",), ("t2.regulations.made",), ("t2.regulations.published",))),
)


def strip_filler(label: str) -> str:
    """The label without trailing words like 共计、为、达."""
    return _FILLER.sub("", label)


def match_phrase(left: str, right: str, unit: str, topics: frozenset[str]) -> tuple[Phrase | None, Phrase | None]:
    """The phrase bound by the text before the figure and the one bound by the text after it."""
    return _match_phrase(strip_filler(left), right[:20], unit, topics)


@lru_cache(maxsize=8192)
def _match_phrase(label: str, right: str, unit: str, topics: frozenset[str]) -> tuple[Phrase | None, Phrase | None]:
    by_left = by_right = None
    for phrase in LEXICON:
        if unit not in phrase.units or (phrase.topic and phrase.topic not in topics):
            continue
        if by_left is None and phrase.left is not None and phrase.left.match(label) and (
                phrase.right is None or phrase.right.match(right)):
            by_left = phrase
        elif by_right is None and phrase.left is None and phrase.right is not None and phrase.right.match(right):
            by_right = phrase
    return by_left, by_right


def expand(phrase: Phrase, fmt: str, groups: tuple[tuple[str, ...], ...], spare: bool = False
           ) -> tuple[tuple[str, ...], ...]:
    """The readings of a phrase (or its spare readings) as tuples of concrete cell paths in the report's layout."""
    return _expand(phrase, fmt, groups, spare)


@lru_cache(maxsize=2048)
def _expand(phrase: Phrase, fmt: str, groups: tuple[tuple[str, ...], ...], spare: bool) -> tuple[tuple[str, ...], ...]:
    readings = []
    for reading in phrase.spare if spare else phrase.readings:
        for group_reading in groups if any("{g}" in p for p in reading) else ((),):
            paths = _concrete(reading, fmt, group_reading)
            if paths:
                readings.append(paths)
    return tuple(dict.fromkeys(readings))


def _concrete(reading: tuple[str, ...], fmt: str, groups: tuple[str, ...]) -> tuple[str, ...]:
    paths: list[str] = []
    for spec in reading:
        specs = [spec.format(g=g) for g in groups] if "{g}" in spec else [spec]
        for one in specs:
            found = _paths(one, fmt)
            if not found:
                return ()
            paths.extend(found)
    return tuple(paths)


def _paths(spec: str, fmt: str) -> list[str]:
    table, row, col = spec.split(".")
    layout = _layout(table, fmt)
    return [f"{table}.{r}.{col}" for r, cols in layout.items() if fnmatch(r, row) and col in cols]


def _layout(table: str, fmt: str) -> dict[str, tuple[str, ...]]:
    if table == "t2":
        return t2_layout(fmt)
    if table == "t3":
        return {row: T3_COLUMNS for row in t3_rows(fmt)}
    return {group: T4_COLUMNS for group in T4_GROUPS}


def t4_groups(prefix: str) -> tuple[tuple[str, ...], ...]:
    """The table 四 groups the last mention of 复议/诉讼 before a figure points at."""
    if "复议" not in prefix and "诉" not in prefix:
        return ()
    best, where = None, (-1, 0)
    for pattern, groups in _T4_TOPICS:
        for match in pattern.finditer(prefix):
            key = (match.end(), match.end() - match.start())
            if key > where:
                best, where = groups, key
    return best or ()


_T4_TOPICS = (
    (re.compile(r"复议(?!后)"), (("review",),)),
    (re.compile(r"诉讼|起诉"), (("lit_direct", "lit_after_review"), ("lit_direct",), ("lit_after_review",))),
    (re.compile(r"复议后(?:提起)?(?:起诉|诉讼|行政诉讼)"), (("lit_after_review",),)),
    (re.compile(r"直接(?:提起)?(?:起诉|诉讼|行政诉讼)"), (("lit_direct",),)),
)
