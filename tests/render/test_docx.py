"""The Word output: official fonts, page, merged table headers, determinism."""

import pytest

from assistant.render import to_docx
from assistant.report import SECTION_TITLES, t3_rows

from .helpers import NS, attribute, docx_part, docx_tables, open_docx, paragraphs_with_styles, sample, \
    style_east_asia_fonts


@pytest.fixture(scope="module")
def docx_2023():
    return to_docx(sample(2023))


@pytest.fixture(scope="module")
def docx_2020():
    return to_docx(sample(2020))


def test_six_headings_in_order_in_heading_style_set_in_heiti(docx_2023):
    headings = [text for style, text in paragraphs_with_styles(docx_2023) if style == "Heading1"]
    assert headings == list(SECTION_TITLES.values())
    assert style_east_asia_fonts(docx_2023)["heading 1"] == "黑体"


def test_title_body_and_subheading_fonts(docx_2023):
    fonts = style_east_asia_fonts(docx_2023)
    assert fonts["Title"] == "方正小标宋简体"
    assert fonts["Normal"] == "仿宋_GB2312"
    assert fonts["heading 2"] == "楷体_GB2312"
    assert fonts["Table Text"] == "仿宋_GB2312"
    styled = paragraphs_with_styles(docx_2023)
    assert styled[0] == ("Title", "青川市河口区应急管理局2023年政府信息公开工作年度报告")
    assert ("Heading2", "（一）主动公开") in styled
    assert ("Normal", "本年度未收取信息处理费。") in styled


def test_title_is_centred_er_hao_and_body_is_san_hao_with_two_character_indent(docx_2023):
    styles = docx_part(docx_2023, "word/styles.xml")
    title = styles.find("w:style[@w:styleId='Title']", NS)
    assert attribute(title.find("w:pPr/w:jc", NS), "val") == "center"
    assert attribute(title.find("w:rPr/w:sz", NS), "val") == "44"
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert attribute(normal.find("w:rPr/w:sz", NS), "val") == "32"
    assert attribute(normal.find("w:pPr/w:ind", NS), "firstLineChars") == "200"


def test_page_is_a4_portrait(docx_2023):
    section = open_docx(docx_2023).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_tables_have_borders_and_the_official_row_counts(docx_2023, docx_2020):
    for data, fmt, t2_rows in ((docx_2023, "2021", 14), (docx_2020, "2019", 18)):
        t2, t3, t4 = open_docx(data).tables
        assert t2.style.name == "Table Grid"
        assert len(t2.rows) == t2_rows
        assert len(t3.rows) - 3 == len(t3_rows(fmt))
        assert len(t4.rows) == 4 and len(t4.columns) == 15
    assert len(t3_rows("2021")) == 25 and len(t3_rows("2019")) == 23


def test_table_three_header_is_merged_like_the_official_form(docx_2023):
    t3 = docx_tables(docx_2023)[1]
    first, second = t3.findall("w:tr", NS)[:2]
    spans = [attribute(tc.find("w:tcPr/w:gridSpan", NS), "val") for tc in first.findall("w:tc", NS)]
    assert spans == ["3", "7"]
    second_spans = [
        (tc.xpath("string(.)"), attribute(tc.find("w:tcPr/w:gridSpan", NS), "val") if tc.find("w:tcPr/w:gridSpan", NS) is not None else "1")
        for tc in second.findall("w:tc", NS)
    ]
    assert ("法人或其他组织", "5") in second_spans
    assert ("自然人", "1") in second_spans


def test_row_group_labels_are_merged_vertically(docx_2023):
    t3 = open_docx(docx_2023).tables[1]
    column = [row.cells[1].text for row in t3.rows]
    assert column.count("（三）不予公开") == 8
    restarts = docx_tables(docx_2023)[1].xpath(".//w:vMerge[@w:val='restart']", namespaces=NS)
    continued = docx_tables(docx_2023)[1].xpath(".//w:vMerge[not(@w:val) or @w:val='continue']", namespaces=NS)
    assert len(restarts) >= 7 and len(continued) >= 21 + 7


def test_table_four_merges_review_over_five_and_litigation_over_ten(docx_2023):
    t4 = docx_tables(docx_2023)[2]
    rows = t4.findall("w:tr", NS)
    first = [(tc.xpath("string(.)"), attribute(tc.find("w:tcPr/w:gridSpan", NS), "val")) for tc in rows[0].findall("w:tc", NS)]
    assert first == [("行政复议", "5"), ("行政诉讼", "10")]
    second = {tc.xpath("string(.)"): tc.find("w:tcPr/w:gridSpan", NS) for tc in rows[1].findall("w:tc", NS)}
    assert attribute(second["未经复议直接起诉"], "val") == "5"
    assert attribute(second["复议后起诉"], "val") == "5"
    numbers = [tc.xpath("string(.)") for tc in rows[3].findall("w:tc", NS)]
    assert numbers == ["1", "0", "0", "0", "1"] + ["0"] * 10


def test_missing_optional_section_has_no_heading_but_table_sections_always_do():
    from assistant.report import empty_report

    data = to_docx(empty_report("某某局", 2023))
    headings = [text for style, text in paragraphs_with_styles(data) if style == "Heading1"]
    assert headings == [SECTION_TITLES["s2"], SECTION_TITLES["s3"], SECTION_TITLES["s4"]]


def test_equal_reports_give_equal_bytes(docx_2023):
    assert to_docx(sample(2023)) == docx_2023


def test_control_characters_that_xml_cannot_hold_are_dropped():
    from assistant.report import empty_report

    report = empty_report("某某\x0b局", 2023).with_section("s1", "全年\x00公开\x0c信息3条。\r\n第二段。")
    texts = [p.text for p in open_docx(to_docx(report)).paragraphs]
    assert texts[:4] == ["某某局2023年政府信息公开工作年度报告", "一、总体情况", "全年公开信息3条。", "第二段。"]
