"""The public API shape, cross-year warnings, N.REG, N.UNGROUNDED and robustness to unknown cells."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, replace

import pytest
from hypothesis import given, settings, strategies as st

from assistant.report import empty_report
from assistant.validate import RULE_ORDER, RULES, CheckResult, Finding, Grounding, check
from assistant.validate.crossyear import lacks_rule_power, similarity
from validate_support import NAMES, load

BAILU = "r2023_bailu_scjgj"


def test_every_rule_id_is_registered_once_in_order():
    assert set(RULES) == set(RULE_ORDER)
    assert RULE_ORDER[:4] == ("T3.ID", "T3.SUM", "T3.ROW", "T4.SUM")


def test_findings_are_ordered_errors_warnings_uncertain_and_serialise():
    report = load(BAILU).with_cell("t3.new.np", 39).with_cell("t2.regulations.issued", 1)
    report = report.with_section("s5", report.sections["s5"] + "另有统计数据共计 5 条，其中甲 2 条、乙 1 条。")
    result = check(report, previous=load(BAILU))
    severities = [f.severity for f in result.findings]
    assert severities == sorted(severities, key=["error", "warning", "uncertain"].index)
    assert {"error", "warning", "uncertain"} <= set(severities)
    assert result.status == "needs_review"
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["errors"] == len(result.errors) and data["findings"][0]["rule"] == result.findings[0].rule
    assert set(data["findings"][0]) == {"rule", "severity", "loc", "expected", "actual", "values", "message"}


def test_t3_identity_message_shows_the_arithmetic():
    report = load(BAILU).with_cell("t3.carry_out.total", 4)
    finding = next(f for f in check(report).errors if f.rule == "T3.ID")
    assert finding.loc == ("t3", "processed_total", "total")
    assert finding.message == "表三“总计”列：第一项加第二项（47+3=50）不等于第三项加第四项（45+4=49）"
    assert finding.values == {"t3.new.total": 47, "t3.carry_in.total": 3,
                              "t3.processed_total.total": 45, "t3.carry_out.total": 4}
    with pytest.raises(FrozenInstanceError):
        finding.rule = "X"  # type: ignore[misc]


def test_all_rules_collect_every_finding_not_just_the_first():
    report = load(BAILU).with_cell("t3.new.np", 40).with_cell("t4.review.upheld", 5).with_section("s6", None)
    rules = {f.rule for f in check(report).errors}
    assert {"T3.ID", "T3.ROW", "T4.SUM", "SEC", "N.NUM"} <= rules


@pytest.mark.parametrize("fmt,year", [("2021", 2023), ("2019", 2020)])
def test_an_empty_report_of_unknown_cells_does_not_crash(fmt, year):
    result = check(empty_report("某局", year, fmt))
    assert isinstance(result, CheckResult)
    assert {f.rule for f in result.errors} == {"SEC"}
    assert {f.rule for f in result.uncertain} == {"N.BLANK"}


def test_carry_over_from_last_year():
    last = load(BAILU)
    for col, value in load(BAILU).t3["carry_in"].items():
        last = last.with_cell(f"t3.carry_out.{col}", value)
    last = last.with_cell("t3.carry_out.np", 2).with_cell("t3.carry_out.total", 2)
    this = replace(load(BAILU), year=2024)
    warnings = [f for f in check(this, previous=last).warnings if f.rule == "Y.CARRY"]
    assert [f.loc for f in warnings] == [("t3", "carry_in", "np"), ("t3", "carry_in", "total")]
    assert "上年报告" in warnings[0].message and warnings[0].expected == 2 and warnings[0].actual == 3


def test_valid_documents_follow_from_last_year():
    last = load(BAILU)
    this = replace(load(BAILU), year=2024).with_cell("t2.normative_docs.valid", 12)
    warnings = [f for f in check(this, previous=last).warnings if f.rule == "Y.VALID"]
    assert len(warnings) == 1 and warnings[0].expected == 14 and "12 + 本年制发 3 − 本年废止 1 = 14" in warnings[0].message
    assert not [f for f in check(this.with_cell("t2.normative_docs.valid", 14), previous=last).warnings
                if f.rule == "Y.VALID"]


def test_copied_sections_are_warned_about():
    last = load(BAILU)
    this = replace(load(BAILU), year=2024).with_section("s1", load(BAILU).sections["s1"].replace("2023", "2024"))
    copied = {f.loc for f in check(this, previous=last).warnings if f.rule == "Y.COPY"}
    assert ("sections", "s1") in copied and ("sections", "s5") in copied
    assert similarity("完全不同的一段文字内容在这里", "另一份报告写的是别的事情") < 0.1


@pytest.mark.parametrize("agency,lacks", [
    ("黄柏县石门镇人民政府", True), ("青禾县人民政府", True), ("云梦山市白鹭区市场监督管理局", True),
    ("某市某区某街道办事处", True), ("南湖市人民政府", False), ("某省人民政府办公厅", False),
    ("东陵市自然资源和规划局", False), (None, False),
])
def test_rule_making_power_heuristic(agency, lacks):
    assert lacks_rule_power(agency) is lacks


def test_regulations_for_a_township_are_warned_about():
    report = load("r2019_shimen_zhen").with_cell("t2.regulations.made", 2)
    warnings = [f for f in check(report).warnings if f.rule == "N.REG"]
    assert len(warnings) == 1 and "规章制定权" in warnings[0].message
    assert not [f for f in check(load("r2021_nanhu_shizf")).warnings if f.rule == "N.REG"]


def test_ungrounded_figures_only_when_inputs_are_given():
    report = load(BAILU)
    assert not [f for f in check(report).findings if f.rule == "N.UNGROUNDED"]
    inputs = {"主动公开信息": 1264, "政策解读": 18}
    flagged = [f.actual for f in check(report, inputs=inputs).warnings if f.rule == "N.UNGROUNDED"]
    assert flagged == []
    flagged = [f.actual for f in check(report, inputs={"政策解读": 18}).warnings if f.rule == "N.UNGROUNDED"]
    assert flagged == [1264]


def test_grounding_accepts_facts_pairs_and_numbers():
    class Fact:
        def __init__(self, label, value):
            self.label, self.value = label, value
    grounding = Grounding.of([Fact("a", 3), ("b", 4.5), 7])
    assert grounding.values == {3.0, 4.5, 7.0}
    assert Grounding.of({"x": 1, "y": "n/a"}).items == (("x", 1.0),)

    class Notes:
        figures = (Fact("收到申请", 20), Fact("培训", 3))
    assert Grounding.of(Notes()).values == {20.0, 3.0}


def test_finding_is_a_frozen_dataclass_with_a_dict_form():
    finding = Finding("SEC", "error", ("sections", "s1"), "x", None, {}, "缺少")
    assert finding.to_dict()["loc"] == ["sections", "s1"]


@pytest.mark.parametrize("name", NAMES)
def test_numbers_are_bound_in_every_fixture(name):
    from assistant.validate.model import Context
    from assistant.validate.scan import scan
    bound = [fig for s in scan(Context(load(name))) for fig in s.figs if fig.readings]
    assert len(bound) >= 2


def test_a_figure_whose_other_reading_is_unknown_is_uncertain_not_an_error():
    report = load("r2022_qinghe_xianzf")
    report = report.with_section("s1", report.sections["s1"].replace("受理政府信息公开申请135件", "受理政府信息公开申请136件"))
    report = report.with_cell("t3.carry_in.total", None)
    result = check(report)
    numbers = [f for f in result.findings if f.rule == "N.NUM"]
    assert [f.severity for f in numbers] == ["uncertain"]
    assert "人工确认" in numbers[0].message
    assert [f.loc for f in result.errors] == [("t3", "carry_in", "total")]


def test_text_locations_point_at_the_quoted_words():
    report = load(BAILU)
    report = report.with_section("s4", report.sections["s4"].replace("行政复议4件", "行政复议5件"))
    finding = next(f for f in check(report).errors if f.rule == "N.NUM")
    _, section, start, end = finding.loc
    assert report.sections[section][start:end] == "5件"
    assert "被申请行政复议5件" in finding.message


@pytest.mark.parametrize("clause,errors", [("其中结果维持2件", 0), ("其中结果维持0件", 1)])
def test_columns_under_a_litigation_total_take_the_groups_the_total_was_read_as(clause, errors):
    report = load(BAILU)
    report = report.with_section("s4", report.sections["s4"].replace("其中尚未审结2件", clause))
    assert report.t4["lit_direct"]["upheld"] == 0 and report.t4["lit_after_review"]["upheld"] == 2
    assert len([f for f in check(report).errors if f.rule == "N.NUM"]) == errors


_PIECES = ["收到政府信息公开申请", "其中", "予以公开", "占", "共计", "行政复议", "行政诉讼", "结果维持", "未收到申请",
           "全部办结", "未收取信息处理费", "XX", "【待填】", "，", "。", "；", "2023年", "第二十条", "（一）", "件", "条",
           "%", "万元", "上年结转", "结转下年度", "不予公开", "自然人", "法人或其他组织", "\n", " ", "二十二", "百分之"]


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 500).map(str)), max_size=40),
       cells=st.lists(st.one_of(st.none(), st.integers(-2, 60)), min_size=5, max_size=5))
def test_check_never_crashes_and_locations_stay_inside_the_text(pieces, cells):
    report = load(BAILU)
    for path, value in zip(("t3.new.np", "t3.carry_out.total", "t4.review.total", "t2.penalty.decisions",
                            "t3.granted.biz"), cells):
        report = report.with_cell(path, value)
    text = "".join(pieces)
    report = report.with_section("s3", text)
    result = check(report, previous=load(BAILU), inputs={"x": 1})
    for f in result.findings:
        assert f.severity in ("error", "warning", "uncertain") and f.message
        if f.loc[:2] == ("sections", "s3") and len(f.loc) == 4:
            assert 0 <= f.loc[2] <= f.loc[3] <= len(text)
