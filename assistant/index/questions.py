"""Deterministic reading of a question: which agency, which years, which table figure, which section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.report import T3_RESULT_ROWS, T4_COLUMN_LABELS

CN_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
             "七": "7", "八": "8", "九": "9"}
LABEL_PHRASES = re.compile(r"上一?年结转|从上年|本年度?(?:新收|制发|废止|处理|收费|办理)|结转(?:到|至)?下一?年度?|下一?年度|"
                           r"上一年项目|本年增")
RELATIVE_YEARS = (("大前年", -3), ("前年", -2), ("去年", -1), ("上一年度", -1), ("上一年", -1), ("上年度", -1),
                  ("上年", -1), ("今年", 0), ("本年度", 0), ("本年", 0))
QUANTITY_CUE = re.compile(r"多少|几件|几个|几项|几次|数量|数字|金额|百分|增长|增加|减少|下降|相比|比.{0,8}[多少]|总数|合计|是几")
WORDING_CUE = re.compile(r"怎么写|如何写|怎样写|写了|写的|写些|哪些|什么内容|提到|表述|措施|做法|举措|问题|介绍|怎么说|说了|原文|段落")
COMPARE_CUE = re.compile(r"比|相比|对比|较|增长|增加|减少|下降|变化|差多少|多多少|少多少|增幅|降幅|同比|环比")
SHARE_CUE = re.compile(r"占比|比重|所占比例|占.{0,8}(?:百分之|%|％|比例|多少)")
PERCENT_CUE = re.compile(r"百分之几|百分比|百分点|%|％|幅度|增长率|增幅|降幅|比例|几成")


@dataclass(frozen=True)
class Metric:
    """A table figure or a sum of cells: a label, the cells (per format) and the unit."""

    label: str
    keys: tuple[str, ...]
    unit: str = "件"
    note: str = ""
    keys_2019: tuple[str, ...] | None = None
    whole: tuple[str, ...] = ()

    def keys_for(self, fmt: str) -> tuple[str, ...]:
        """The cells of this figure in a report of the given format."""
        return self.keys_2019 if fmt == "2019" and self.keys_2019 is not None else self.keys


@dataclass(frozen=True)
class YearRef:
    """A year the question refers to and where the reference starts."""

    year: int
    position: int
    after_bi: bool


def year_refs(question: str, draft_year: int) -> list[YearRef]:
    """Every year referred to, absolute or relative to the draft year, in order of appearance."""
    text = LABEL_PHRASES.sub(lambda m: "＿" * len(m.group()), question)
    text = re.sub(r"[〇零一二三四五六七八九]{4}(?=年)", lambda m: "".join(CN_DIGITS[c] for c in m.group()), text)
    refs: dict[int, YearRef] = {}
    for match in re.finditer(r"(?<!\d)((?:19|20)\d{2})(?=\s*年|\s*(?:和|与|跟|同|比|相比|、|到|至|$))", text):
        refs[match.start()] = _ref(text, match.start(), int(match.group(1)))
    taken = re.sub(r"(?<!\d)(?:19|20)\d{2}", lambda m: "＃" * len(m.group()), text)
    for word, offset in RELATIVE_YEARS:
        for match in re.finditer(word, taken):
            refs[match.start()] = _ref(taken, match.start(), draft_year + offset)
            taken = taken[:match.start()] + "＃" * len(word) + taken[match.end():]
    return [refs[pos] for pos in sorted(refs)]


def _ref(text: str, position: int, year: int) -> YearRef:
    before = text[max(0, position - 3):position]
    return YearRef(year, position, bool(re.search(r"(?:比|较|对比|相比)$", before)))


def is_wording(question: str) -> bool:
    """A question about how something was written rather than about a number."""
    return bool(WORDING_CUE.search(question)) and not QUANTITY_CUE.search(question)


def is_comparison(question: str, refs: list[YearRef]) -> bool:
    """A question that compares a figure between two years."""
    return len({ref.year for ref in refs}) >= 2 or (bool(COMPARE_CUE.search(question)) and any(r.after_bi for r in refs))


def wants_share(question: str) -> bool:
    """Whether a question asks what share of a total a figure is."""
    return bool(SHARE_CUE.search(question))


def wants_percent(question: str) -> bool:
    """Whether a comparison asks for a rate of change."""
    return bool(PERCENT_CUE.search(question))


# metrics -------------------------------------------------------------------------------------


def _t3(label: str, rows: tuple[str, ...], rows_2019: tuple[str, ...] | None = None, note: str = "") -> tuple:
    return ("t3", label, rows, rows_2019, note)


def _group(prefix: str) -> tuple[str, ...]:
    return tuple(row for row in T3_RESULT_ROWS["2021"] if row.startswith(prefix))


T3_PATTERNS: tuple[tuple[str, tuple], ...] = (
    (r"国家秘密", _t3("属于国家秘密而不予公开的申请", ("deny_secret",))),
    (r"法律行政法规禁止", _t3("因其他法律行政法规禁止公开而不予公开的申请", ("deny_law",))),
    (r"三安全一稳定", _t3("因危及“三安全一稳定”而不予公开的申请", ("deny_3s1w",))),
    (r"第三方", _t3("因保护第三方合法权益而不予公开的申请", ("deny_third_party",))),
    (r"内部事务", _t3("属于三类内部事务信息而不予公开的申请", ("deny_internal",))),
    (r"过程性", _t3("属于四类过程性信息而不予公开的申请", ("deny_process",))),
    (r"执法案卷", _t3("属于行政执法案卷而不予公开的申请", ("deny_case_file",))),
    (r"行政查询", _t3("属于行政查询事项而不予公开的申请", ("deny_query",))),
    (r"不予公开", _t3("不予公开的申请", _group("deny_"))),
    (r"不掌握", _t3("因本机关不掌握相关政府信息而无法提供的申请", ("na_not_held",))),
    (r"另行制作", _t3("因没有现成信息需要另行制作而无法提供的申请", ("na_need_create",))),
    (r"仍不明确", _t3("因补正后申请内容仍不明确而无法提供的申请", ("na_unclear",))),
    (r"无法提供", _t3("无法提供的申请", _group("na_"))),
    (r"信访|举报投诉", _t3("信访举报投诉类申请（不予处理）", ("np_petition",))),
    (r"重复申请", _t3("重复申请（不予处理）", ("np_duplicate",))),
    (r"出版物", _t3("要求提供公开出版物的申请（不予处理）", ("np_publication",))),
    (r"大量反复", _t3("无正当理由大量反复申请（不予处理）", ("np_massive",))),
    (r"重新出具|确认.{0,6}已获取", _t3("要求行政机关确认或重新出具已获取信息的申请（不予处理）", ("np_confirm",))),
    (r"不予处理", _t3("不予处理的申请", _group("np_"))),
    (r"不补正", _t3("申请人逾期不补正、不再处理的申请", ("other_no_correction",), ())),
    (r"缴纳费用|收费通知|未缴费", _t3("申请人逾期未缴纳费用、不再处理的申请", ("other_fee_unpaid",), ())),
    (r"其他处理", _t3("其他处理的申请", _group("other_"), ("other",))),
    (r"予以公开(?:及|和|与|加)部分公开", _t3("予以公开及部分公开的申请", ("granted", "partial"))),
    (r"部分公开", _t3("部分公开的申请", ("partial",))),
    (r"予以公开|全部公开", _t3("予以公开的申请", ("granted",))),
    (r"上一?年结转|从上年", _t3("上年结转的政府信息公开申请", ("carry_in",))),
    (r"结转|顺延", _t3("结转下年度继续办理的申请", ("carry_out",))),
    (r"办结|答复|办理完毕|处理完|总计", _t3("办理的申请总计（办结）", ("processed_total",))),
    (r"新收|收到|受理|申请(?:数量|总数|件数)|申请(?:有|是|为)?多少|多少.{0,6}申请|申请.{0,4}几件",
     _t3("新收政府信息公开申请", ("new",))),
    (r"(?:自然人|法人|企业|科研机构|公益组织|法律服务机构|律师).{0,6}申请", _t3("新收政府信息公开申请", ("new",))),
)
T3_APPLICANTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (r"法人或其他组织|法人", ("biz", "res", "soc", "law", "oth"), "法人或其他组织"),
    (r"自然人|个人|公民", ("np",), "自然人"),
    (r"商业企业|企业", ("biz",), "商业企业"),
    (r"科研机构", ("res",), "科研机构"),
    (r"社会公益组织|公益组织", ("soc",), "社会公益组织"),
    (r"法律服务机构|律师", ("law",), "法律服务机构"),
)
T2_ROWS = ((r"规章", "regulations", "规章"), (r"规范性文件", "normative_docs", "行政规范性文件"))
T2_COLUMNS = ((r"废止", "repealed", "本年废止"), (r"现行有效|有效", "valid", "现行有效"),
              (r"制发|出台|印发|发布|制定|新制", "issued", "本年制发"))
T2_2019_COLUMNS = {"issued": "made", "valid": "total_public"}
T2_DECISIONS = ((r"行政许可|许可", "licensing", "行政许可处理决定"), (r"行政处罚|处罚", "penalty", "行政处罚处理决定"),
                (r"行政强制|强制", "coercion", "行政强制处理决定"))
T4_GROUPS_RE = ((r"复议后起诉|复议后.{0,2}诉讼", ("lit_after_review",), "复议后起诉的行政诉讼"),
                (r"直接起诉|未经复议", ("lit_direct",), "未经复议直接起诉的行政诉讼"),
                (r"行政诉讼|诉讼|起诉", ("lit_direct", "lit_after_review"), "行政诉讼"),
                (r"行政复议|复议", ("review",), "行政复议"))
T4_COLUMNS_RE = ((r"维持", "upheld"), (r"纠正", "corrected"), (r"其他结果", "other"), (r"尚未审结|未审结|未结", "pending"))


def find_metric(question: str) -> Metric | None:
    """The table figure a question asks about, or None."""
    for finder in (_t4_metric, _t2_metric, _t3_metric):
        metric = finder(question)
        if metric:
            return metric
    return None


def _t4_metric(question: str) -> Metric | None:
    for pattern, groups, label in T4_GROUPS_RE:
        if re.search(pattern, question):
            column = next((col for p, col in T4_COLUMNS_RE if re.search(p, question)), "total")
            suffix = "" if column == "total" else f"（{T4_COLUMN_LABELS[column]}）"
            return Metric(f"政府信息公开{label}案件{suffix}", tuple(f"t4.{g}.{column}" for g in groups))
    return None


def _t2_metric(question: str) -> Metric | None:
    if re.search(r"行政事业性收费|收费金额|收费", question) and "信息处理费" not in question:
        return Metric("行政事业性收费金额", ("t2.admin_fees.amount_wan_yuan",), "万元", keys_2019=())
    for pattern, row, label in T2_DECISIONS:
        if re.search(pattern, question):
            return Metric(label, (f"t2.{row}.decisions",))
    for pattern, row, label in T2_ROWS:
        if re.search(pattern, question):
            return _t2_docs_metric(question, row, label)
    return None


def _t2_docs_metric(question: str, row: str, label: str) -> Metric:
    found = next(((col, name) for p, col, name in T2_COLUMNS if re.search(p, question)), None)
    col, name = found or ("issued", "本年制发")
    note = "" if found else "问题未说明制发、废止还是现行有效，按本年制发件数回答"
    old = T2_2019_COLUMNS.get(col)
    return Metric(f"{name}的{label}", (f"t2.{row}.{col}",), note=note, keys_2019=(f"t2.{row}.{old}",) if old else ())


def _t3_metric(question: str) -> Metric | None:
    for pattern, spec in T3_PATTERNS:
        if re.search(pattern, question):
            _, label, rows, rows_2019, note = spec
            columns, who = _applicant(question)
            keys = tuple(f"t3.{r}.{c}" for r in rows for c in columns)
            keys_2019 = None if rows_2019 is None else tuple(f"t3.{r}.{c}" for r in rows_2019 for c in columns)
            prefix = f"{who}提出的" if who else ""
            whole = tuple(f"t3.{r}.total" for r in rows) if who else ()
            return Metric(prefix + label, keys, keys_2019=keys_2019, note=note, whole=whole)
    return None


def _applicant(question: str) -> tuple[tuple[str, ...], str]:
    for pattern, columns, label in T3_APPLICANTS:
        if re.search(pattern, question):
            return columns, label
    return ("total",), ""


# sections --------------------------------------------------------------------------------------

SECTION_NUMBERS = {"一": "s1", "二": "s2", "三": "s3", "四": "s4", "五": "s5", "六": "s6",
                   "1": "s1", "2": "s2", "3": "s3", "4": "s4", "5": "s5", "6": "s6"}
SECTION_TOPICS = ((r"总体情况", "s1"), (r"平台建设|政府信息管理|信息管理|监督保障|组织保障", "s1"),
                  (r"存在的?(?:主要)?问题|问题|改进|整改", "s5"),
                  (r"其他需要报告|其他事项|信息处理费", "s6"),
                  (r"行政复议|行政诉讼", "s4"))


def find_section(question: str) -> str | None:
    """The section a wording question is about, when it names one."""
    match = re.search(r"第([一二三四五六1-6])(?:部分|节|项|大项)|(?<![（(])([一二三四五六])、", question)
    if match:
        return SECTION_NUMBERS[match.group(1) or match.group(2)]
    return next((key for pattern, key in SECTION_TOPICS if re.search(pattern, question)), None)


# agencies -----------------------------------------------------------------------------------------

PLACE = re.compile(r"[\u4e00-\u9fa5]{2,6}?(?:区|县|镇|乡|街道)")
AGENCY_MENTION = re.compile(r"([\u4e00-\u9fa5]{1,6}?(?:区|县|镇|乡|街道|市))(?=人民政府|政府|[\u4e00-\u9fa5]{0,8}?局|[\u4e00-\u9fa5]{0,8}?委员会|办事处)")


def agency_aliases(name: str) -> set[str]:
    """Ways a question may name an agency: full, without the city, with 市场监管 shortened, its place."""
    names = {name, re.sub(r"^[\u4e00-\u9fa5]{2,6}?[省市](?=.)", "", name)}
    names |= {n.replace("市场监督管理局", "市场监管局") for n in names}
    names |= {n.replace("人民政府", "政府") for n in names}
    short = re.sub(r"^[\u4e00-\u9fa5]{2,6}?[省市](?=.)", "", name)
    place = PLACE.match(short)
    if place:
        names.add(place.group())
    return {n for n in names if len(n) >= 3}


def mentioned_agencies(question: str, agencies: list[str]) -> list[str]:
    """Agencies whose name or a unique alias occurs in the question."""
    aliases = {agency: agency_aliases(agency) for agency in agencies}
    counts: dict[str, int] = {}
    for names in aliases.values():
        for alias in names:
            counts[alias] = counts.get(alias, 0) + 1
    found = [agency for agency, names in aliases.items()
             if any(alias in question and counts[alias] == 1 for alias in names)]
    if len(found) > 1:
        full = [agency for agency in found if agency in question]
        return full or found
    return found


def unknown_agency_mention(question: str, agencies: list[str]) -> str | None:
    """A place-named agency in the question that no indexed agency matches."""
    for match in AGENCY_MENTION.finditer(question):
        place = match.group(1)
        if not any(place in agency for agency in agencies):
            return place
    return None
