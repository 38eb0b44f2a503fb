"""Phrasings real reports use that must not be read as errors (false errors cost as much as missed ones)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.report import empty_tables
from assistant.validate import check
from validate_fixture_build import t3_table, t4_table
from validate_support import load

T3 = t3_table("2021", new={"np": 18, "biz": 2}, carry_in={"np": 3},
              results={"granted": {"np": 9, "biz": 1}, "partial": {"np": 4}, "na_not_held": {"np": 4, "biz": 1},
                       "np_duplicate": {"np": 1}})
T4 = t4_table((1, 0, 0, 1), (0, 0, 0, 0), (0, 0, 0, 0))


def _report(sentence: str):
    t2, _, _ = empty_tables("2021", 0)
    t2["licensing"]["decisions"] = 300
    base = load("r2023_bailu_scjgj")
    sections = {**base.sections, "s1": "2023年，我局认真推进政务公开工作。\n" + sentence, "s4": "详见下表。"}
    return replace(base, agency="某市某区某局", sections=sections, t2=t2, t3=T3, t4=T4)


@pytest.mark.parametrize("sentence", [
    "全年受理行政许可申请300件，办结298件。",
    "政府信箱收到来信130件，均已办结。",
    "全年收到政府信息公开申请20件，其中予以公开10件。",
    "全年共受理政府信息公开申请23件（含上年结转3件），另有3件顺延至下年度答复。",
    "全年收到政府信息公开申请20件，比上年增加1件，同比增长5%。",
    "主动公开政府信息5500余条，其中政策文件12条、解读材料3条。",
    "主动公开信息26条，其中网站公开20条。",
    "本年度行政复议案件2件中尚未审结的复议案件1件。",
    "办理依申请公开事项20件，按时办结率100%。",
    "共办结政府信息公开申请20件，结转下年度3件。",
    "全年行政事业性收费0万元，收取信息处理费0元。",
    "自然人申请18件，占90%，法人或其他组织申请2件。",
    "2023年1月1日至12月31日，共收到申请20件。",
])
def test_consistent_phrasings_give_no_error(sentence):
    result = check(_report(sentence))
    assert result.errors == (), [f.message for f in result.errors]


@pytest.mark.parametrize("sentence,rule", [
    ("全年收到政府信息公开申请21件。", "N.NUM"),
    ("全年新收政府信息公开申请23件。", "N.NUM"),
    ("共办结政府信息公开申请19件。", "N.NUM"),
    ("自然人申请18件，占80%。", "N.SUM"),
    ("全年未收到政府信息公开申请。", "N.ZERO"),
    ("全年未发生政府信息公开行政复议。", "N.ZERO"),
])
def test_the_same_phrasings_with_a_wrong_figure_are_caught(sentence, rule):
    assert rule in {f.rule for f in check(_report(sentence)).errors}
