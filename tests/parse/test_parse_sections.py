"""Section headings: official wording, variants, ordinal styles, headings that are not headings."""

import pytest

from assistant.parse import parse_text
from assistant.report import SECTION_TITLES

OFFICIAL = list(SECTION_TITLES.values())


def report_text(headings, bodies=None):
    bodies = bodies or [f"第{i}部分的正文。" for i in range(1, 7)]
    lines = ["某某局2023年政府信息公开工作年度报告", "这是前言。"]
    for heading, body in zip(headings, bodies):
        lines += [heading, body]
    return "\n".join(lines)


def test_official_headings_give_six_sections_without_notes():
    result = parse_text(report_text(OFFICIAL))
    assert result.report.sections == {f"s{i}": f"第{i}部分的正文。" for i in range(1, 7)}
    assert result.report.preamble == "这是前言。"
    assert not [n for n in result.notes if n.code in ("heading_variant", "missing_section")]


@pytest.mark.parametrize("index, variant", [
    (0, "一、概述"), (3, "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"),
    (4, "五、政府信息公开工作存在的主要问题及改进情况"), (4, "五、存在的主要问题和改进措施"),
    (0, "一.总体情况"), (1, "（二）主动公开政府信息情况"), (2, "收到和处理政府信息公开申请情况"),
    (5, "六、其他需要报告的事项："),
])
def test_variant_headings_are_accepted_with_a_warning(index, variant):
    headings = OFFICIAL[:index] + [variant] + OFFICIAL[index + 1:]
    result = parse_text(report_text(headings))
    key = f"s{index + 1}"
    assert result.report.sections[key] == f"第{index + 1}部分的正文。"
    variants = [n for n in result.notes if n.code == "heading_variant"]
    if variant.rstrip("：") != OFFICIAL[index]:
        assert [n.path for n in variants] == [key]


def test_heading_followed_by_text_on_the_same_line():
    headings = OFFICIAL[:]
    headings[5] = "六、其他需要报告的事项 本年度未收取信息处理费。"
    report = parse_text(report_text(headings, ["甲。"] * 5 + ["乙。"])).report
    assert report.sections["s6"] == "本年度未收取信息处理费。\n乙。"


def test_sentences_and_table_rows_are_not_headings():
    text = report_text(OFFICIAL[:2] + ["本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。"])
    text += "\n三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1"
    result = parse_text(text)
    assert result.report.sections["s3"] is None
    assert "本报告包括总体情况" in result.report.sections["s2"]
    assert result.report.t3["granted"]["total"] == 1


def test_parenthesised_sub_heading_inside_section_one_is_not_section_two():
    bodies = ["（二）主动公开政府信息情况\n本局公开信息10条。"] + [f"正文{i}。" for i in range(2, 7)]
    report = parse_text(report_text(OFFICIAL, bodies)).report
    assert report.sections["s1"] == "（二）主动公开政府信息情况\n本局公开信息10条。"
    assert report.sections["s2"] == "正文2。"


def test_missing_section_is_null_with_a_note_and_table_only_section_is_empty():
    text = report_text(OFFICIAL[:4], ["a。", "", "c。", "d。"])
    result = parse_text(text)
    assert result.report.sections["s2"] == ""
    assert result.report.sections["s5"] is None and result.report.sections["s6"] is None
    assert {n.path for n in result.notes if n.code == "missing_section"} == {"s5", "s6"}


def test_run_in_heading_after_a_full_stop_starts_a_section():
    text = "某某局2023年政府信息公开工作年度报告\n本报告依法编制。 一、总体情况 2023年，本局公开信息5条。\n二、主动公开政府信息情况\n无。"
    report = parse_text(text).report
    assert report.preamble == "本报告依法编制。"
    assert report.sections["s1"] == "2023年，本局公开信息5条。"


def test_traditional_characters_in_headings_and_labels():
    text = ("某某區2022年政府信息公開工作年度報告\n一、總體情況\n正文。\n三、收到和處理政府信息公開申請情況\n"
            "一、本年新收政府信息公開申請數量\t3\t0\t0\t0\t0\t0\t3\n二、上年結轉政府信息公開申請數量\t1\t0\t0\t0\t0\t0\t1\n")
    report = parse_text(text).report
    assert report.agency == "某某區" and report.year == 2022
    assert report.sections["s1"] == "正文。" and report.sections["s3"] == ""
    assert report.t3["new"]["total"] == 3 and report.t3["carry_in"]["np"] == 1


@pytest.mark.parametrize("heading, key", [
    ("三、依申请公开政府信息情况", "s3"), ("四、行政复议和行政诉讼情况", "s4"), ("五、存在的问题和下一步打算", "s5"),
    ("第三部分 收到和处理政府信息公开申请情况", "s3"),
])
def test_loosely_worded_headings_need_the_right_ordinal(heading, key):
    text = report_text(OFFICIAL[:2] + [heading], ["甲。", "乙。", "丙。"])
    result = parse_text(text)
    assert result.report.sections[key] == "丙。"
    assert [n.path for n in result.notes if n.code == "heading_variant"] == [key]


def test_loosely_worded_line_without_ordinal_stays_text():
    report = parse_text(report_text(OFFICIAL[:2], ["甲。", "依申请公开情况\n乙。"])).report
    assert report.sections["s2"] == "依申请公开情况\n乙。" and report.sections["s3"] is None


def test_sentence_starting_like_a_table_label_stays_in_the_section():
    body = ["甲。", "乙。", "本年新收政府信息公开申请26件，已全部办结\n行政复议、行政诉讼均为0件，与上年持平"]
    report = parse_text(report_text(OFFICIAL[:3], body)).report
    assert report.sections["s3"] == body[2]
    assert report.t3["new"]["total"] is None
