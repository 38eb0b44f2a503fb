"""Agency and year from the title, a two-line title, the 统计期限 sentence or the text."""

import pytest

from assistant.parse import parse_text

BODY = "\n一、总体情况\n2023年，本局公开信息5条。\n"


@pytest.mark.parametrize("title, agency, year", [
    ("驻马店经济开发区安全生产监督管理局 2023 年政府信息公开工作年度报告", "驻马店经济开发区安全生产监督管理局", 2023),
    ("青禾县文化和旅游局2023年度政府信息公开工作年度报告", "青禾县文化和旅游局", 2023),
    ("2024年松林市公安局政府信息公开工作年度报告", "松林市公安局", 2024),
    ("松林市自然资源局政府信息公开工作2022年度报告", "松林市自然资源局", 2022),
    ("# 松林镇人民政府2021年政府信息公开工作年度报告", "松林镇人民政府", 2021),
    ("标题: 松林镇人民政府2020年政府信息公开工作年度报告", "松林镇人民政府", 2020),
])
def test_title_gives_agency_and_year(title, agency, year):
    result = parse_text(title + BODY)
    assert (result.report.agency, result.report.year) == (agency, year)
    assert result.report.title == title.lstrip("# ").replace("标题: ", "")


def test_title_broken_over_two_lines():
    report = parse_text("松林市人民政府\n2024 年政府信息公开工作年度报告" + BODY).report
    assert (report.agency, report.year) == ("松林市人民政府", 2024)


def test_no_title_year_from_the_statistics_sentence_and_agency_null_with_note():
    text = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。" + BODY
    result = parse_text(text)
    assert result.report.agency is None and result.report.year == 2022
    assert [n.code for n in result.notes if n.path == "agency"] == ["missing_agency"]
    assert result.report.preamble.startswith("本报告中所列数据")


def test_no_title_year_from_the_text():
    report = parse_text("现将我办2021年度政府信息公开情况报告如下：" + BODY.replace("2023", "2021")).report
    assert report.year == 2021 and report.format == "2021"


def test_title_named_in_a_sentence_gives_the_agency_with_a_note():
    result = parse_text("现向社会公布2024年松林市公安局政府信息公开工作年度报告。" + BODY)
    assert (result.report.agency, result.report.year) == ("松林市公安局", 2024)
    assert [n.code for n in result.notes if n.path == "agency"] == ["agency_from_text"]


def test_year_before_2021_selects_the_2019_format_without_table_columns():
    assert parse_text("松林镇2020年政府信息公开工作年度报告" + BODY).report.format == "2019"
