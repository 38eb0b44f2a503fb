"""Layouts seen in real published reports: each fixture's agency, year, format, sections and every visible cell."""

import json
from pathlib import Path

import pytest

from assistant.parse import parse_file, parse_text
from assistant.report import ReportError

QUIRKS = Path(__file__).resolve().parent.parent / "fixtures" / "parse" / "quirks"
EXPECTED = json.loads((QUIRKS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def case(request):
    return request.param, parse_file(QUIRKS / request.param), EXPECTED[request.param]


def test_agency_year_and_format(case):
    _, result, want = case
    report = result.report
    assert (report.agency, report.year, report.format) == (want["agency"], want["year"], want["format"])


def test_every_visible_cell_and_nothing_else(case):
    _, result, want = case
    cells = {path: value for path, value in result.report.cells() if value is not None}
    assert cells == want["cells"]


def test_sections_found_and_notes_given(case):
    _, result, want = case
    found = [key for key, text in result.report.sections.items() if text is not None]
    assert found == want["sections"]
    codes = {note.code for note in result.notes}
    assert set(want["notes"]) <= codes


def test_a_row_cut_off_after_its_first_number_reads_no_zeros():
    result = parse_file(QUIRKS / "q06_cut_row.txt")
    assert [n.path for n in result.notes if n.code == "blank_as_zero" and "third_party" in n.path] == []


def test_two_printed_numbers_go_to_the_first_column_and_the_total():
    result = parse_file(QUIRKS / "q04_two_numbers_per_row.txt")
    aligned = [n.path for n in result.notes if n.code == "cells_aligned"]
    assert aligned == ["t3.new", "t3.carry_in", "t3.granted"]


def test_a_row_whose_numbers_do_not_add_up_either_way_is_left_as_printed():
    text = "\n".join(["松溪县档案馆2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                      "自然人 | 法人或其他组织 | 总计", "一、本年新收政府信息公开申请数量 | 2 | 5 |"])
    result = parse_text(text)
    assert [result.report.cell(f"t3.new.{c}") for c in ("np", "biz", "total")] == [2, 5, None]
    assert not [n for n in result.notes if n.code == "cells_aligned"]


@pytest.mark.parametrize("sentence, agency", [
    ("根据条例要求，特编制松溪县水利局2023年政府信息公开工作年度报告。", "松溪县水利局"),
    ("根据条例，现公开松溪县城东街道政府信息公开2023年度工作报告。", "松溪县城东街道"),
    ("根据条例的要求，松溪县城北街道特编制2023年政府信息公开年度报告。", "松溪县城北街道"),
    ("根据条例要求，特向社会公布松溪县公安局2023年政府信息公开年度工作报告。", "松溪县公安局"),
    ("根据条例，现公布本局2023年政府信息公开工作年度报告。", None),
])
def test_agency_named_only_inside_the_opening_sentence(sentence, agency):
    report = parse_text(sentence + "\n一、总体情况\n本年度公开信息20条。").report
    assert (report.agency, report.year) == (agency, 2023)


def test_arabic_ordinal_sub_items_do_not_take_a_section_with_a_proper_heading():
    text = "\n".join(["松溪县档案馆2023年政府信息公开工作年度报告", "一、总体情况", "2、主动公开政府信息情况", "本馆公开信息12条。",
                      "二、主动公开政府信息情况", "本年未制发规范性文件。"])
    sections = parse_text(text).report.sections
    assert sections["s1"] == "2、主动公开政府信息情况\n本馆公开信息12条。"
    assert sections["s2"] == "本年未制发规范性文件。"


def test_a_heading_typed_with_shi_for_the_comma_counts_only_as_a_whole_line():
    text = "\n".join(["松溪县档案馆2021年政府信息公开工作年度报告", "一、总体情况", "一是总体情况良好，二是主动公开政府信息情况较好。",
                      "二是主动公开政府信息情况较好", "二、主动公开政府信息情况", "乙。", "三是收到和处理政府信息公开申请情况", "丙。"])
    sections = parse_text(text).report.sections
    assert sections["s1"] == "一是总体情况良好，二是主动公开政府信息情况较好。\n二是主动公开政府信息情况较好"
    assert (sections["s2"], sections["s3"]) == ("乙。", "丙。")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_excerpt_cut_at_any_line_keeps_or_nulls_each_cell_never_changes_it(name):
    lines = (QUIRKS / name).read_text(encoding="utf-8").split("\n")
    full = dict(parse_file(QUIRKS / name).report.cells())
    for cut in range(1, len(lines)):
        try:
            report = parse_text("\n".join(lines[:cut])).report
        except ReportError:
            continue
        for path, value in report.cells():
            assert value is None or value == full[path], (cut, path)


def test_page_fields_and_a_title_repeated_over_two_lines_stay_out_of_the_preamble():
    text = "\n".join(["松溪县档案馆2023年政府信息公开工作年度报告", "发表日期:2024-01-20 发布机构:县档案馆", "关键词 发布机构 县档案馆",
                      "公开形式 主动公开", "生成日期 2024-01-20 是否有效", "日期:2024-01-20", "松溪县档案馆",
                      "2023年政府信息公开工作年度报告", "本报告根据条例编制。", "一、总体情况", "甲。"])
    report = parse_text(text).report
    assert report.preamble == "本报告根据条例编制。"


def test_a_title_without_the_agency_gives_way_to_a_later_one_that_names_it():
    text = "\n".join(["2022年政府信息公开工作年度报告", "松溪县城南镇人民政府", "2022年政府信息公开工作年度报告",
                      "一、总体情况", "本镇公开信息30条。"])
    report = parse_text(text).report
    assert (report.agency, report.year, report.title) == ("松溪县城南镇人民政府", 2022, "松溪县城南镇人民政府2022年政府信息公开工作年度报告")
    assert report.preamble == ""
