"""Rendering random reports: every text line and cell comes out, in order, in all three formats."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import given, settings

from assistant.render import to_docx, to_html, to_markdown
from assistant.render.layout import format_value
from assistant.report import SECTION_KEYS, SECTION_TITLES, T3_COLUMNS, T3_ROW_LABELS, Report, t3_rows

from .helpers import open_docx
from .strategies import reports

TABLE_SECTIONS = ("s2", "s3", "s4")


def expected_lines(report: Report) -> list[str]:
    """Title, preamble, then each present section's heading and lines, as the reader sees them."""
    lines = [report.display_title, *filter(None, report.preamble.split("\n"))]
    for key in SECTION_KEYS:
        text = report.sections[key]
        if text is not None or key in TABLE_SECTIONS:
            lines += [SECTION_TITLES[key], *filter(None, (text or "").split("\n"))]
    return lines


@settings(max_examples=30, deadline=None)
@given(reports())
def test_markdown_prints_every_line_and_every_t3_row_label_then_numbers(report):
    text = to_markdown(report)
    lines = [line.lstrip("#").strip() for line in text.splitlines() if line and not line.startswith("|")]
    assert lines == expected_lines(report)
    rows = {tuple(cell.strip() for cell in line.strip("|").split("|")) for line in text.splitlines()}
    for key in t3_rows(report.format):
        numbers = [format_value(report.t3[key][c]) for c in T3_COLUMNS]
        assert any(T3_ROW_LABELS[key] in row[:3] and list(row[3:]) == numbers for row in rows), key


@settings(max_examples=30, deadline=None)
@given(reports())
def test_html_prints_every_line_and_every_cell_in_order(report):
    soup = BeautifulSoup(to_html(report), "html.parser")
    assert [tag.get_text() for tag in soup.find_all(["h1", "h2", "h3", "p"])] == expected_lines(report)
    numbers = [td.get_text() for td in soup.find_all("td", class_="num")]
    assert numbers == [format_value(value) for _, value in report.cells()]


@settings(max_examples=15, deadline=None)
@given(reports())
def test_docx_prints_every_line_and_every_cell_in_order(report):
    document = open_docx(to_docx(report))
    assert [p.text for p in document.paragraphs if p.text] == expected_lines(report)
    t4 = document.tables[2]
    assert [cell.text for cell in t4.rows[3].cells] == [format_value(v) for g in report.t4.values() for v in g.values()]
    t3 = document.tables[1]
    assert len(t3.rows) == 3 + len(t3_rows(report.format))
    for row, key in zip(t3.rows[3:], t3_rows(report.format)):
        assert [cell.text for cell in row.cells[3:]] == [format_value(report.t3[key][c]) for c in T3_COLUMNS]
