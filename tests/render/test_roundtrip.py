"""Render → parse round trips: what the renderer prints, the parser reads back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from assistant.parse import parse_bytes, parse_text
from assistant.render import to_docx, to_html, to_markdown
from assistant.report import Report

from .helpers import sample
from .strategies import reports

RENDERERS = {
    "md": lambda report: parse_bytes(to_markdown(report).encode("utf-8"), "report.md"),
    "html": lambda report: parse_bytes(to_html(report).encode("utf-8"), "report.html"),
    "docx": lambda report: parse_bytes(to_docx(report), "report.docx"),
}


def assert_same(report: Report, fmt: str) -> None:
    again = RENDERERS[fmt](report).report
    assert again.to_dict() == report.to_dict()


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("year", [2023, 2020])
def test_sample_reports_round_trip(fmt, year):
    assert_same(sample(year), fmt)


def test_markdown_text_round_trips_through_parse_text():
    report = sample(2023)
    assert parse_text(to_markdown(report)).report.to_dict() == report.to_dict()


@settings(max_examples=40, deadline=None)
@given(reports())
def test_random_reports_round_trip_through_markdown(report):
    assert_same(report, "md")


@settings(max_examples=40, deadline=None)
@given(reports())
def test_random_reports_round_trip_through_html(report):
    assert_same(report, "html")


@settings(max_examples=40, deadline=None)
@given(reports())
def test_random_reports_round_trip_through_docx(report):
    assert_same(report, "docx")
