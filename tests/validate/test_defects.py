"""Defective reports (fixtures changed in one place) are flagged with a message a clerk understands."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.validate import check
from validate_support import load

BAILU = "r2023_bailu_scjgj"
SONGGANG = "r2023_songgang_yjj"


def _errors(report, rule):
    return [f for f in check(report).errors if f.rule == rule]


def _edit(name, section, old, new):
    report = load(name)
    assert old in report.sections[section], old
    return report.with_section(section, report.sections[section].replace(old, new, 1))


def test_text_says_two_applications_while_the_table_has_three():
    report = _edit(SONGGANG, "s1", "2023 年度我局未收到政府信息公开申请，无上年结转申请。",
                   "2023 年度我局共收到政府信息公开申请 2 件。")
    for col, value in (("np", 3), ("total", 3)):
        for row in ("new", "granted", "processed_total"):
            report = report.with_cell(f"t3.{row}.{col}", value)
    found = _errors(report, "N.NUM")
    assert len(found) == 1
    assert found[0].actual == 2 and found[0].expected == 3
    assert "收到政府信息公开申请 2 件" in found[0].message and "为 3" in found[0].message
    assert found[0].loc[:2] == ("sections", "s1")
    assert found[0].values["t3.new.total"] == 3


def test_a_share_that_does_not_follow_from_the_table():
    report = _edit(BAILU, "s1", "占办结总数的53.3%", "占办结总数的60%")
    found = _errors(report, "N.SUM")
    assert len(found) == 1
    assert "60%" in found[0].message and "24÷45=53.3%" in found[0].message


def test_wrong_year_in_the_title():
    report = replace(load(BAILU), title="云梦山市白鹭区市场监督管理局2022年政府信息公开工作年度报告")
    found = _errors(report, "YEAR")
    assert [f.loc for f in found] == [("title",)]
    assert "2022" in found[0].message and "2023" in found[0].message


def test_statistics_period_of_another_year():
    report = replace(load(BAILU), preamble="本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。")
    found = _errors(report, "YEAR")
    assert found and found[0].loc[0] == "preamble" and "统计期限" in found[0].message


def test_this_year_reference_with_another_year():
    report = _edit(BAILU, "s5", "本年度政府信息公开工作", "本年度（2022年）政府信息公开工作")
    assert _errors(report, "YEAR")


def test_a_2022_report_on_the_2019_layout():
    report = replace(load("r2020_liuxi_zjj"), year=2022)
    found = _errors(report, "VER")
    assert len(found) == 1 and "〔2021〕30号" in found[0].message and "2019 年版" in found[0].message


def test_a_2020_report_on_the_2021_layout():
    report = replace(load(BAILU), year=2020)
    assert _errors(report, "VER")


@pytest.mark.parametrize("placeholder", ["XX件", "××", "[具体地名]", "（具体网址）", "【待补充：培训次数】", "【待填】"])
def test_placeholders_left_in_the_text(placeholder):
    report = _edit(BAILU, "s1", "发布政策解读18篇", f"发布政策解读{placeholder}")
    found = _errors(report, "N.BLANK")
    assert len(found) == 1 and placeholder in found[0].message


def test_unit_with_no_number_before_it():
    report = _edit(BAILU, "s1", "主动公开政府信息1264条", "主动公开政府信息  条")
    found = _errors(report, "N.BLANK")
    assert len(found) == 1 and "缺少数字" in found[0].message and "主动公开政府信息" in found[0].message


def test_blank_total_cells():
    report = load(BAILU).with_cell("t3.new.total", None).with_cell("t4.review.total", None)
    found = _errors(report, "N.BLANK")
    assert {f.loc for f in found} == {("t3", "new", "total"), ("t4", "review", "total")}
    assert all("为空" in f.message for f in found)
    assert not [f for f in check(report).errors if f.rule in ("T3.ID", "T3.ROW", "T4.SUM")]


def test_all_done_while_one_is_carried_forward():
    report = load("r2019_shimen_zhen")
    for col in ("np", "total"):
        report = report.with_cell(f"t3.carry_out.{col}", 1)
        report = report.with_cell(f"t3.new.{col}", report.t3["new"][col] + 1)
    found = _errors(report, "N.ZERO")
    assert any("结转下年度继续办理" in f.message and "为 1" in f.message for f in found)


def test_review_in_the_table_that_the_text_calls_none():
    report = load("r2019_shimen_zhen").with_cell("t4.review.upheld", 1).with_cell("t4.review.total", 1)
    found = _errors(report, "N.ZERO")
    assert len(found) == 1
    assert "行政复议" in found[0].message and "为 1" in found[0].message
    assert found[0].values == {"t4.review.total": 1}


def test_no_fee_said_but_a_fee_amount_stated():
    report = _edit(BAILU, "s5", "确保信息发布及时准确。", "确保信息发布及时准确。全年收取信息处理费200元。")
    found = _errors(report, "N.ZERO")
    assert len(found) == 1 and "200元" in found[0].message


def test_fee_for_information_is_never_bound_to_administrative_fees():
    report = _edit("r2024_dongling_zrzyj", "s6", "信息处理费300元", "信息处理费5127.4万元")
    assert check(report).errors == ()


def test_no_penalty_said_but_the_table_has_some():
    report = _edit(SONGGANG, "s1", "行政处罚 0 件。", "未作出行政处罚。").with_cell("t2.penalty.decisions", 3)
    found = _errors(report, "N.ZERO")
    assert len(found) == 1 and "行政处罚" in found[0].message


def test_breakdown_larger_than_its_total():
    report = _edit("r2021_nanhu_shizf", "s4", "其中直接起诉22件", "其中直接起诉32件")
    rules = {f.rule for f in check(report).errors}
    assert {"N.NUM", "N.SUM"} <= rules


def test_trailing_total_that_does_not_add_up():
    report = _edit(BAILU, "s1", "发布政策解读18篇。", "发布政策解读18篇，图解12篇，共计解读31篇。")
    found = _errors(report, "N.SUM")
    assert len(found) == 1 and "18+12=30" in found[0].message


def test_missing_and_empty_sections():
    report = load(BAILU).with_section("s5", None).with_section("s6", "  ")
    found = _errors(report, "SEC")
    assert [f.loc for f in found] == [("sections", "s5"), ("sections", "s6")]
    assert "缺少" in found[0].message and "内容为空" in found[1].message


def test_table_sections_may_be_text_free_but_not_table_free():
    report = load(BAILU)
    assert report.sections["s3"] == "" and not _errors(report, "SEC")
    empty_t3 = {row: {col: None for col in cols} for row, cols in report.t3.items()}
    assert _errors(replace(report, t3=empty_t3), "SEC")


def test_negative_and_fractional_counts():
    report = load(BAILU).with_cell("t2.penalty.decisions", -2).with_cell("t4.review.pending", 0.5)
    found = _errors(report, "INT")
    assert len(found) == 2 and any("负数" in f.message for f in found) and any("整数" in f.message for f in found)


def test_wrong_title_year_in_a_parsed_text_report():
    from assistant.parse import parse_text
    from assistant.render import to_markdown
    text = to_markdown(load(BAILU)).replace("2023年政府信息公开工作年度报告", "2022年政府信息公开工作年度报告", 1)
    report = parse_text(text).report
    found = _errors(report, "YEAR")
    assert len(found) == 1 and found[0].loc == ("title",)
    assert "标题写的是 2022 年" in found[0].message and "2023 年" in found[0].message


def test_a_2022_report_on_the_2019_layout_as_parsed_text():
    from assistant.parse import parse_text
    from assistant.render import to_markdown
    report = replace(load("r2020_liuxi_zjj"), year=2022)
    text = to_markdown(report)
    parsed = parse_text(text).report
    assert parsed.format == "2019" and parsed.year == 2022
    assert _errors(parsed, "VER")
