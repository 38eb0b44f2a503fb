"""Row labels of tables 二, 三 and 四 as tolerant patterns over normalised text."""

from __future__ import annotations

import re

T2_PATTERNS = {
    "regulations": r"规章",
    "normative_docs": r"规范性(?:文件|档案)",
    "licensing": r"行政许可",
    "other_services": r"其他对外管理服务事项|对外管理服务",
    "penalty": r"行政处罚",
    "coercion": r"行政强制",
    "admin_fees": r"行政事业性收费",
    "gov_procurement": r"政府集中采购|集中采购",
}
T3_PATTERNS = {
    "new": r"本年(度)?新收",
    "carry_in": r"上年(度)?结转",
    "granted": r"予以公开",
    "partial": r"部分公开",
    "deny_secret": r"国家秘密",
    "deny_law": r"禁止公开",
    "deny_3s1w": r"三安全一稳定|危及",
    "deny_third_party": r"第三方合法权益",
    "deny_internal": r"内部事务",
    "deny_process": r"过程性信息",
    "deny_case_file": r"执法案卷",
    "deny_query": r"查询事项",
    "na_not_held": r"不掌握",
    "na_need_create": r"另行制作|没有现成",
    "na_unclear": r"不明确",
    "np_petition": r"信访|举报投诉",
    "np_duplicate": r"重复申请",
    "np_publication": r"出版物",
    "np_massive": r"大量反复",
    "np_confirm": r"重新出具|确认或",
    "other_no_correction": r"不补正",
    "other_fee_unpaid": r"缴纳费用|收费通知",
    "other_other": r"3\.?其[他它]",
    "other": r"其他处理",
    "processed_total": r"\(?七\)?[、.]?(?:总计|合计)|^(?:总计|合计)$",
    "carry_out": r"结转下(一)?年|下年度继续办理",
}
T2_START = re.compile(r"第二十条|信息内容|本年制发件数|本年新制作数量")
T3_START = re.compile("|".join([r"勾稽关系|申请人情况|本年度办理结果", *T3_PATTERNS.values()]))
T4_START = re.compile(r"行政复议|复议后起诉|结果维持")
FORMAT_2021 = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年收费金额|不补正|收费通知|缴纳费用")
FORMAT_2019 = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/减|采购项目数量|采购总金额|对外管理服务事项")

COMPILED = {key: re.compile(p) for key, p in {**T2_PATTERNS, **T3_PATTERNS}.items()}
