"""Paragraph text that looks like Markdown or a table line survives in Word, HTML and Markdown input."""

import pytest

from assistant import render
from assistant.parse import parse_bytes, parse_text
from assistant.report import empty_report

PARAGRAPHS = ["门户网站 | 政务新媒体同步发布", "甲栏目|乙栏目", "#1号文件已公开。", "## 二号文件", "2023年 | 本局"]


def _rendered(kind: str, text: str) -> bytes:
    report = empty_report("松林县档案局", 2023).with_section("s1", text)
    return render.to_docx(report) if kind == "docx" else render.to_html(report).encode("utf-8")


@pytest.mark.parametrize("kind", ["docx", "html"])
@pytest.mark.parametrize("text", PARAGRAPHS)
def test_word_and_html_paragraphs_keep_bars_and_hashes(kind, text):
    assert parse_bytes(_rendered(kind, text)).report.sections["s1"] == text


def _markdown(line: str) -> str:
    return "\n\n".join(["# 松林县档案局2023年政府信息公开工作年度报告", "## 一、总体情况", line, "## 二、主动公开政府信息情况", "乙。"])


@pytest.mark.parametrize("line, text", [
    ("门户网站 \\| 政务新媒体同步发布", "门户网站 | 政务新媒体同步发布"),
    ("\\#1号文件已公开。", "#1号文件已公开。"),
    ("见 \\#3 号公告", "见 #3 号公告"),
    ("# 这是标题记号", None),
])
def test_markdown_escapes_map_back_and_heading_marks_go(line, text):
    sections = parse_text(_markdown(line)).report.sections
    assert sections["s1"] == (text or "这是标题记号")


def test_markdown_bar_line_without_escapes_is_still_a_table_line():
    report = parse_text(_markdown("规章 | 1 | 0 | 4")).report
    assert report.sections["s1"] == ""
    assert report.t2["regulations"] == {"issued": 1, "repealed": 0, "valid": 4}


def test_menu_bar_after_the_title_is_not_preamble():
    page = ("<html><body><h1>松林县档案局2023年政府信息公开工作年度报告</h1><div>首页 | 政务公开 | 年度报告</div>"
            "<p>根据条例编制本报告。</p><p>一、总体情况</p><p>甲。</p></body></html>")
    report = parse_bytes(page.encode("utf-8")).report
    assert report.preamble == "根据条例编制本报告。"
