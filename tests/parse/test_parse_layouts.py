"""Every layout of the fixture report parses to the same cells, sections, title and preamble."""

import json
from pathlib import Path

import pytest

import parse_builders as fx
from assistant.parse import parse_file
from assistant.report import SECTION_KEYS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"
EXPECTED = json.loads((FIXTURES / "expected_2021.json").read_text(encoding="utf-8"))
SAME_REPORT = ["tab_flattened.txt", "pipe_cells.txt", "pipe_rows.txt", "space_separated.txt",
               "one_per_line.txt", "report.html", "report.docx", "report.pdf"]


@pytest.fixture(scope="module")
def parsed():
    return {name: parse_file(FIXTURES / name) for name in SAME_REPORT + ["cutoff.txt", "layout_2019.txt"]}


@pytest.mark.parametrize("name", SAME_REPORT)
def test_every_cell_agency_year_and_format(parsed, name):
    report = parsed[name].report
    assert (report.agency, report.year, report.format) == (fx.AGENCY, fx.YEAR, "2021")
    assert {path: value for path, value in report.cells()} == EXPECTED


@pytest.mark.parametrize("name", SAME_REPORT)
def test_sections_title_and_preamble(parsed, name):
    report = parsed[name].report
    assert report.sections == fx.SECTIONS
    assert report.title == fx.TITLE
    assert report.preamble == fx.PREAMBLE


@pytest.mark.parametrize("name, blank_paths", [
    ("tab_flattened.txt", ["t3.np_massive.soc"]),
    ("pipe_cells.txt", ["t2.regulations.valid"]),
    ("report.html", [f"t3.deny_query.{c}" for c in ("np", "biz", "res", "soc", "law", "oth", "total")]),
    ("pipe_rows.txt", []),
    ("report.docx", []),
])
def test_blank_cells_read_as_zero_with_a_note_naming_the_cell(parsed, name, blank_paths):
    notes = [n for n in parsed[name].notes if n.code == "blank_as_zero"]
    assert [n.path for n in notes] == blank_paths
    assert all("按 0 读取" in n.message for n in notes)
    assert all(parsed[name].report.cell(path) == 0 for path in blank_paths)


def test_clean_layouts_give_no_notes(parsed):
    for name in ("pipe_rows.txt", "space_separated.txt", "one_per_line.txt", "report.docx", "report.pdf"):
        assert parsed[name].notes == (), name


def test_cut_off_table_keeps_visible_rows_and_leaves_the_rest_null(parsed):
    result = parsed["cutoff.txt"]
    report = result.report
    for path in ("t3.new.total", "t3.carry_in.np", "t3.granted.total", "t3.partial.biz"):
        assert report.cell(path) == EXPECTED[path]
    assert report.cell("t3.deny_secret.np") is None and report.cell("t3.carry_out.total") is None
    assert all(value is None for path, value in report.cells() if path.startswith("t4."))
    codes = {(n.code, n.path) for n in result.notes}
    assert {("missing_rows", "t3"), ("missing_table", "t4"), ("missing_section", "s4"),
            ("missing_section", "s6")} <= codes
    assert report.sections["s4"] is None and report.sections["s3"] == fx.SECTIONS["s3"]
    missing_rows = next(n for n in result.notes if n.code == "missing_rows")
    assert "1.属于国家秘密" in missing_rows.message and "（一）予以公开" not in missing_rows.message


def test_2019_layout_reads_old_columns_negative_deltas_and_single_other_row(parsed):
    result = parsed["layout_2019.txt"]
    report = result.report
    assert (report.agency, report.year, report.format) == ("松林镇人民政府", 2020, "2019")
    assert report.t2["normative_docs"] == {"made": 4, "published": 4, "total_public": 37}
    assert report.t2["licensing"] == {"prev_items": 12, "delta_items": -2, "decisions": 85}
    assert report.t2["other_services"] == {"prev_items": 6, "delta_items": 1, "decisions": 30}
    assert report.t2["admin_fees"] == {"prev_items": 2, "delta_items": -1}
    assert report.t2["gov_procurement"] == {"items": 5, "amount": 35.6}
    assert report.t3["other"] == {"np": 1, "biz": 0, "res": 0, "soc": 0, "law": 0, "oth": 0, "total": 1}
    assert report.t3["processed_total"]["total"] == 11 and report.t3["deny_process"]["np"] == 1
    assert report.t4["review"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert None not in [value for _, value in report.cells()]
    assert result.notes == ()
    assert report.sections["s6"] == "无。"


def test_format_follows_the_table_columns_not_the_year():
    text = (FIXTURES / "layout_2019.txt").read_text(encoding="utf-8").replace("2020年政府", "2022年政府")
    from assistant.parse import parse_text
    report = parse_text(text).report
    assert (report.year, report.format) == (2022, "2019")
    assert set(SECTION_KEYS) == set(report.sections)


def test_word_fixture_really_repeats_merged_cells_in_python_docx_rows():
    import docx
    table = docx.Document(FIXTURES / "report.docx").tables[1]
    row = table.rows[5].cells
    assert len({id(cell._tc) for cell in row}) < len(row)


def test_page_laid_out_in_a_table_still_gives_sections_and_data_tables():
    from assistant.parse import parse_bytes
    page = (FIXTURES / "report.html").read_text(encoding="utf-8")
    start, end = page.index("<h1>"), page.index("<script>document.write")
    wrapped = page[:start] + "<table class='layout'><tr><td>" + page[start:end] + "</td></tr></table>" + page[end:]
    report = parse_bytes(wrapped.encode("utf-8")).report
    assert report.sections == fx.SECTIONS and report.agency == fx.AGENCY
    assert {path: value for path, value in report.cells()} == EXPECTED
