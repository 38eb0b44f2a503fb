"""Whatever the renderers print (Markdown, HTML, Word), the parser reads back the same report."""

from hypothesis import given, settings, strategies as st

from assistant import render
from assistant.parse import parse_bytes
from assistant.report import SECTION_KEYS, T2_DECIMAL_CELLS, Report, empty_tables

SECTIONS = {
    "s1": "（一）主动公开\n2023年主动公开信息15条。\n（二）依申请公开\n收到申请3件。",
    "s2": "本年度主动公开规范性文件2件。",
    "s3": "本年度收到申请3件，均已答复。",
    "s4": "本年度发生行政复议1件。",
    "s5": "公开内容不够丰富。下一步将加强解读。",
    "s6": "本年度未收取信息处理费。",
}
TEXT_LINES = ["（一）主动公开", "1. 加强培训。", "- 列表项。", "# 不是标题。", "> 引用。", "+ 加号。", "| 竖线开头。",
              "* 星号开头。", "2023年，本局公开信息15条。", "本局未收取信息处理费。", "下一步，将加强政策解读，提升公开质量。"]
section_texts = st.lists(st.sampled_from(TEXT_LINES), min_size=1, max_size=5).map("\n".join)
counts = st.one_of(st.none(), st.integers(0, 2_000_000))
fees = st.one_of(st.none(), st.integers(0, 10**7).map(lambda n: n / 100))
signed = st.one_of(st.none(), st.integers(-500, 500))


@st.composite
def reports(draw):
    fmt = draw(st.sampled_from(["2021", "2019"]))
    year = 2023 if fmt == "2021" else 2020
    tables = empty_tables(fmt)
    for table in tables:
        for row, cols in table.items():
            for col in cols:
                kind = fees if (row, col) in T2_DECIMAL_CELLS else signed if col == "delta_items" else counts
                cols[col] = draw(kind)
    sections = {key: draw(section_texts) for key in SECTION_KEYS}
    return Report("松林县文化和旅游局", year, fmt, sections, *tables)


def rendered(report, kind):
    if kind == "docx":
        return render.to_docx(report)
    text = render.to_markdown(report) if kind == "md" else render.to_html(report)
    return text.encode("utf-8")


@settings(max_examples=30, deadline=None)
@given(reports(), st.sampled_from(["md", "html", "docx"]))
def test_round_trip(report, kind):
    result = parse_bytes(rendered(report, kind), f"report.{kind}")
    back = result.report
    assert back.to_dict() == report.to_dict()
    assert [n for n in result.notes if n.code not in ("blank_as_zero",)] == []
    assert set(back.sections) == set(SECTION_KEYS)


def test_title_and_preamble_survive_every_renderer():
    report = Report("松林县文化和旅游局", 2023, "2021", dict(SECTIONS), *empty_tables("2021", 0),
                    title="松林县文化和旅游局2023年政府信息公开工作年度报告", preamble="根据条例编制本报告。\n如有疑问请来电。")
    for kind in ("md", "html", "docx"):
        back = parse_bytes(rendered(report, kind)).report
        assert (back.title, back.preamble) == (report.title, report.preamble), kind


def test_page_title_is_used_when_the_body_has_none():
    page = "<html><head><title>松林镇2022年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><p>甲。</p></body></html>"
    report = parse_bytes(page.encode("utf-8")).report
    assert (report.agency, report.year, report.sections["s1"]) == ("松林镇", 2022, "甲。")
