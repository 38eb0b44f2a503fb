"""The offline drafter: formal text from the facts and the tables with sentence templates, no model."""

from __future__ import annotations

import re
from typing import Any, Callable

from assistant.draft.facts import Facts, FactItem, extract_facts
from assistant.llm.base import LLMError, Request
from assistant.prompts import load_prompt
from assistant.report import Report

RESULT_GROUPS = (
    ("予以公开", ("granted",)),
    ("部分公开", ("partial",)),
    ("不予公开", ("deny_secret", "deny_law", "deny_3s1w", "deny_third_party", "deny_internal", "deny_process",
                "deny_case_file", "deny_query")),
    ("无法提供", ("na_not_held", "na_need_create", "na_unclear")),
    ("不予处理", ("np_petition", "np_duplicate", "np_publication", "np_massive", "np_confirm")),
    ("其他处理", ("other_no_correction", "other_fee_unpaid", "other_other", "other")),
)
RESULT_DETAILS = {
    "deny_secret": "属于国家秘密", "deny_law": "其他法律行政法规禁止公开", "deny_3s1w": "危及“三安全一稳定”",
    "deny_third_party": "保护第三方合法权益", "deny_internal": "属于三类内部事务信息", "deny_process": "属于四类过程性信息",
    "deny_case_file": "属于行政执法案卷", "deny_query": "属于行政查询事项", "na_not_held": "本机关不掌握相关政府信息",
    "na_need_create": "没有现成信息需要另行制作", "na_unclear": "补正后申请内容仍不明确",
    "np_petition": "信访举报投诉类申请", "np_duplicate": "重复申请", "np_publication": "要求提供公开出版物",
    "np_massive": "无正当理由大量反复申请", "np_confirm": "要求确认或重新出具已获取信息",
    "other_no_correction": "申请人逾期不补正", "other_fee_unpaid": "申请人逾期未缴纳费用", "other_other": "其他情形",
}
APPLICANT_PHRASES = {"np": "自然人", "biz": "商业企业", "res": "科研机构", "soc": "社会公益组织", "law": "法律服务机构", "oth": "其他组织"}
T4_PHRASES = {
    "review": "因政府信息公开被申请行政复议{total}件",
    "lit_direct": "被直接提起行政诉讼{total}件",
    "lit_after_review": "经复议后提起行政诉讼{total}件",
}
T4_RESULT_PHRASES = (("upheld", "结果维持{n}件"), ("corrected", "结果纠正{n}件"), ("other", "其他结果{n}件"), ("pending", "尚未审结{n}件"))
T2_PHRASES_2021 = (
    ("regulations", "制发规章{issued}件、废止{repealed}件，现行有效规章{valid}件", None),
    ("normative_docs", "制发行政规范性文件{issued}件、废止{repealed}件，现行有效行政规范性文件{valid}件", "未制发行政规范性文件"),
    ("licensing", "作出行政许可决定{decisions}件", "未作出行政许可决定"),
    ("penalty", "作出行政处罚决定{decisions}件", "未作出行政处罚决定"),
    ("coercion", "作出行政强制决定{decisions}件", "未作出行政强制决定"),
    ("admin_fees", "行政事业性收费金额{amount_wan_yuan}万元", "未收取行政事业性收费"),
)
T2_PHRASES_2019 = (
    ("regulations", "新制作规章{made}件、新公开{published}件，对外公开规章总数{total_public}件", None),
    ("normative_docs", "新制作规范性文件{made}件、新公开{published}件，对外公开规范性文件总数{total_public}件", "未制作规范性文件"),
    ("licensing", "作出行政许可处理决定{decisions}件", "未作出行政许可处理决定"),
    ("penalty", "作出行政处罚处理决定{decisions}件", "未作出行政处罚决定"),
    ("coercion", "作出行政强制处理决定{decisions}件", "未作出行政强制决定"),
)
S1_PARTS = (("active", "主动公开", "主动公开工作情况"), ("management", "政府信息管理", "政府信息管理工作情况"),
            ("platform", "平台建设", "政府信息公开平台建设情况"), ("oversight", "监督保障", "监督保障工作情况"))


def self_name(agency: str) -> str:
    """How the report refers to its own agency: 我局, 我镇, 本县..."""
    name = (agency or "").strip()
    government = re.search(r"([市县区旗州])人民政府$", name)
    if government:
        return "本" + government.group(1)
    for ending, short in (("街道办事处", "本街道"), ("办事处", "本街道"), ("镇人民政府", "我镇"), ("乡人民政府", "我乡"),
                          ("镇政府", "我镇"), ("乡政府", "我乡"), ("委员会", "我委"), ("局", "我局"), ("厅", "我厅"),
                          ("办公室", "我办"), ("中心", "本中心"), ("镇", "我镇"), ("乡", "我乡")):
        if name.endswith(ending):
            return short
    return "本机关"


def number(value: Any) -> str:
    """A cell as printed in the text: whole numbers without a decimal point."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "【待填】" if value is None else str(value)


def placeholder(what: str) -> str:
    """A visible mark for missing content."""
    return load_prompt("offline/placeholder", what=what)


def formal(item: FactItem, agency: str) -> str:
    """A note statement as a formal sentence ending with 。."""
    text = item.text.strip().rstrip("；;，,。.!！ ")
    text = text.replace("我们", self_name(agency))
    return text + "。"


def paragraph(items: tuple[FactItem, ...], agency: str) -> str:
    """Statements joined into one paragraph."""
    return "".join(formal(item, agency) for item in items)


class OfflineDrafter:
    """The LLM interface without a model: deterministic text from request.variables."""

    name = "offline"
    is_model = False

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The deterministic text for request.task."""
        handler = {
            "draft_section": self._section, "revise_section": self._section, "preamble": self._preamble,
            "extract_facts": self._facts, "repair": lambda v: str(v.get("text", "")),
        }.get(request.task)
        if handler is None:
            raise LLMError(f"离线起草不支持任务：{request.task}")
        text = handler(request.variables)
        if on_chunk:
            on_chunk(text)
        return text

    def _facts(self, variables: Any) -> str:
        return extract_facts(str(variables.get("notes", ""))).model_dump_json()

    def _preamble(self, variables: Any) -> str:
        return load_prompt("offline/preamble", agency=variables["agency"], year=variables["year"])

    def _section(self, variables: Any) -> str:
        report: Report = variables["report"]
        facts: Facts = variables["facts_obj"]
        drafter = SECTION_DRAFTERS[variables["section"]]
        return drafter(report, facts)


def _context(report: Report) -> dict[str, Any]:
    return {"year": report.year, "agency": report.agency, "self": self_name(report.agency or "")}


def draft_s1(report: Report, facts: Facts) -> str:
    """总体情况: an opening, then the five sub-parts from the notes."""
    ctx = _context(report)
    parts = {key: paragraph(facts.topic(topic), report.agency or "") or placeholder(missing) for key, topic, missing in S1_PARTS}
    on_request = paragraph(facts.topic("依申请公开"), report.agency or "") or _on_request_from_table(report)
    return load_prompt("offline/s1", intro=load_prompt("offline/s1_intro", **ctx), on_request=on_request, **parts)


def _on_request_from_table(report: Report) -> str:
    t3, ctx = report.t3, _context(report)
    new, carry_in = t3["new"]["total"], t3["carry_in"]["total"]
    if new is None or carry_in is None:
        return placeholder("依申请公开工作情况")
    if new == 0 and carry_in == 0:
        return load_prompt("offline/s1_on_request_none", **ctx)
    return load_prompt("offline/s1_on_request_some", new=new, carry_in=carry_in,
                       processed=number(t3["processed_total"]["total"]), **ctx)


def draft_s2(report: Report, facts: Facts) -> str:
    """主动公开政府信息情况: the figures of table 二 in words."""
    phrases = T2_PHRASES_2019 if report.format == "2019" else T2_PHRASES_2021
    clauses = [c for c in (_t2_clause(report.t2.get(row), text, none) for row, text, none in phrases) if c]
    return load_prompt("offline/s2", clauses="；".join(clauses) or "相关数据见下表", **_context(report))


def _t2_clause(cells: dict | None, text: str, none_text: str | None) -> str:
    if not cells or any(v is None for v in cells.values()):
        return ""
    if all(v == 0 for v in cells.values()):
        return none_text or ""
    return text.format(**{k: number(v) for k, v in cells.items()})


def draft_s3(report: Report, facts: Facts) -> str:
    """收到和处理政府信息公开申请情况: every non-zero row of table 三 in words."""
    t3, ctx = report.t3, _context(report)
    totals = {row: cells["total"] for row, cells in t3.items()}
    if any(v is None for v in totals.values()):
        return placeholder("政府信息公开申请办理情况（表三数据不全）")
    if totals["new"] == 0 and totals["carry_in"] == 0:
        return load_prompt("offline/s3_none", **ctx)
    results = [_result_clause(name, rows, totals) for name, rows in RESULT_GROUPS]
    results = [clause for clause in results if clause]
    return load_prompt("offline/s3", new=totals["new"], applicants=_applicants(t3["new"]), carry_in=totals["carry_in"],
                       processed=totals["processed_total"], results="、".join(results) or "无办理结果",
                       carry_out=totals["carry_out"], **ctx)


def _result_clause(name: str, rows: tuple[str, ...], totals: dict) -> str:
    """'不予公开3件（属于国家秘密1件、…）': a result group's sum with its non-zero rows."""
    present = [r for r in rows if r in totals and totals[r]]
    if not present:
        return ""
    clause = f"{name}{sum(totals[r] for r in present)}件"
    details = [f"{RESULT_DETAILS[r]}{totals[r]}件" for r in present if r in RESULT_DETAILS]
    return clause + (f"（{'、'.join(details)}）" if details else "")


def _applicants(row: dict) -> str:
    parts = [f"{label}申请{row[col]}件" for col, label in APPLICANT_PHRASES.items() if row[col]]
    if len(parts) <= 1:
        return ""
    return "（其中" + "、".join(parts) + "）"


def draft_s4(report: Report, facts: Facts) -> str:
    """行政复议、行政诉讼情况: table 四 in words."""
    t4, ctx = report.t4, _context(report)
    if any(v is None for cells in t4.values() for v in cells.values()):
        return placeholder("行政复议、行政诉讼情况（表四数据不全）")
    if all(cells["total"] == 0 for cells in t4.values()):
        return load_prompt("offline/s4_none", **ctx)
    return load_prompt("offline/s4", clauses="；".join(_t4_clause(g, t4[g]) for g in T4_PHRASES), **ctx)


def _t4_clause(group: str, cells: dict) -> str:
    clause = T4_PHRASES[group].format(total=cells["total"])
    if cells["total"] == 0:
        return clause
    return clause + "，其中" + "、".join(text.format(n=cells[col]) for col, text in T4_RESULT_PHRASES)


def draft_s5(report: Report, facts: Facts) -> str:
    """存在的主要问题及改进情况 from the notes."""
    agency = report.agency or ""
    problems = paragraph(facts.topic("问题"), agency) or placeholder("存在的主要问题")
    measures = paragraph(facts.topic("改进措施"), agency) or placeholder("改进措施")
    return load_prompt("offline/s5", problems=problems, measures=measures)


def draft_s6(report: Report, facts: Facts) -> str:
    """其他需要报告的事项: the 信息处理费 and any other items of the notes."""
    agency = report.agency or ""
    fee = paragraph(facts.topic("信息处理费"), agency) or placeholder("信息处理费收取情况")
    others = paragraph(facts.topic("其他"), agency)
    return load_prompt("offline/s6", fee=fee, others=others).strip()


SECTION_DRAFTERS: dict[str, Callable[[Report, Facts], str]] = {
    "s1": draft_s1, "s2": draft_s2, "s3": draft_s3, "s4": draft_s4, "s5": draft_s5, "s6": draft_s6,
}
