"""The HTML page: self-contained, escaped, with real merged table headers."""

from bs4 import BeautifulSoup

from assistant.render import to_html
from assistant.report import SECTION_TITLES, empty_report

from .helpers import sample

HOSTILE = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert('x')</script>"


def hostile_report():
    report = empty_report("某某局<b>", 2023).with_section("s1", f"正文{HOSTILE}\n{SCRIPT}结束")
    return report.with_section("s6", "\"引号\" & 'apos'")


def test_hostile_text_is_escaped_and_never_becomes_markup():
    page = to_html(hostile_report())
    assert HOSTILE not in page and "<script>" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;" in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("img") is None and soup.find("script") is None and soup.find("b") is None
    assert HOSTILE in soup.get_text()


def test_page_is_complete_and_self_contained():
    page = to_html(sample(2023))
    soup = BeautifulSoup(page, "html.parser")
    assert page.startswith("<!DOCTYPE html>") and soup.html["lang"] == "zh-CN"
    assert soup.title.string == "青川市河口区应急管理局2023年政府信息公开工作年度报告"
    assert not soup.find_all(["script", "link", "img", "iframe"])
    assert "url(" not in page and "@import" not in page and "@font-face" not in page
    style = soup.style.string
    assert "仿宋_GB2312" in style and "黑体" in style and "serif" in style and "sans-serif" in style


def test_headings_and_paragraphs_follow_the_official_order():
    soup = BeautifulSoup(to_html(sample(2023)), "html.parser")
    assert [h.get_text() for h in soup.find_all("h2")] == list(SECTION_TITLES.values())
    assert soup.h1.get_text() == "青川市河口区应急管理局2023年政府信息公开工作年度报告"
    assert "（一）主动公开" in [h.get_text() for h in soup.find_all("h3")]
    assert soup.find_all("h2")[1].find_next_sibling().name == "table"


def test_tables_use_rowspan_and_colspan():
    soup = BeautifulSoup(to_html(sample(2023)), "html.parser")
    t2, t3, t4 = soup.find_all("table")
    corner, applicants = t3.thead.tr.find_all("th")
    assert (corner["rowspan"], corner["colspan"], applicants["colspan"]) == ("3", "3", "7")
    legal = t3.find("th", string="法人或其他组织")
    assert legal["colspan"] == "5"
    results = t3.find("td", string="三、本年度办理结果")
    assert results["rowspan"] == "22"
    assert t3.find("td", string="（三）不予公开")["rowspan"] == "8"
    assert len(t3.tbody.find_all("tr")) == 25
    assert t4.find("th", string="行政诉讼")["colspan"] == "10"
    assert [td.get_text() for td in t4.tbody.find_all("td")] == ["1", "0", "0", "0", "1"] + ["0"] * 10
    assert t2.find("td", string="行政事业性收费").find_next_sibling("td").get_text() == "1.25"
