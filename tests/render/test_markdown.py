"""The Markdown output: headings, plain paragraphs, pipe tables read label → numbers."""

from pathlib import Path

import pytest

from assistant.render import to_markdown, write
from assistant.report import NULL_MARK, SECTION_TITLES, ReportError, empty_report

from .helpers import open_docx, sample


def test_title_and_six_section_headings():
    text = to_markdown(sample(2023))
    assert text.startswith("# 青川市河口区应急管理局2023年政府信息公开工作年度报告\n")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == list(SECTION_TITLES.values())


def test_sub_headings_stay_plain_paragraphs():
    lines = to_markdown(sample(2023)).splitlines()
    assert "（一）主动公开" in lines and "（五）监督保障" in lines


def test_every_data_row_starts_with_its_full_label_path():
    lines = to_markdown(sample(2023)).splitlines()
    assert "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in lines
    assert "| 一、本年新收政府信息公开申请数量 |  |  | 5 | 1 | 0 | 0 | 0 | 0 | 6 |" in lines
    assert "| 行政事业性收费 | 1.25 |  |  |" in lines
    assert "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |" in lines


def test_each_table_is_one_pipe_table_with_a_delimiter_after_its_first_row():
    lines = to_markdown(sample(2020)).splitlines()
    delimiters = [i for i, line in enumerate(lines) if set(line) <= set("|-") and line]
    assert len(delimiters) == 3
    assert [lines[i - 1].split(" | ")[0] for i in delimiters] == ["| 第二十条第（一）项", "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "| 行政复议"]


def test_missing_sections_and_null_cells():
    text = to_markdown(empty_report("某某局", 2023).with_section("s6", "无。"))
    assert "## 一、总体情况" not in text and "## 六、其他需要报告的事项" in text
    assert NULL_MARK in text


def test_lines_that_look_like_markup_are_escaped():
    text = to_markdown(empty_report("某某局", 2023).with_section("s1", "# 不是标题\n- 不是列表"))
    assert "\\# 不是标题" in text and "\\- 不是列表" in text


@pytest.mark.parametrize("suffix, fmt", [(".md", None), (".html", None), (".docx", None), (".txt", "md")])
def test_write_picks_the_format_from_suffix_or_argument(tmp_path: Path, suffix, fmt):
    target = tmp_path / f"报告{suffix}"
    write(sample(2023), target, fmt)
    if suffix == ".docx":
        assert open_docx(target.read_bytes()).paragraphs[0].text.startswith("青川市")
    else:
        assert "青川市河口区应急管理局" in target.read_text(encoding="utf-8")


def test_write_rejects_an_unknown_format(tmp_path: Path):
    with pytest.raises(ReportError):
        write(sample(2023), tmp_path / "x.pdf")


def test_a_paragraph_with_a_pipe_comes_back_as_the_same_paragraph():
    from assistant.parse import parse_text

    report = empty_report("某某局", 2023).with_section("s1", "门户网站 | 政务新媒体同步发布")
    assert "门户网站 \\| 政务新媒体" in to_markdown(report)
    assert parse_text(to_markdown(report)).report.sections["s1"] == "门户网站 | 政务新媒体同步发布"
