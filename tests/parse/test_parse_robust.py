"""Any text either parses or raises ReportError; damaged reports keep what is still readable."""

import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from assistant.parse import parse_bytes, parse_text
from assistant.report import ReportError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"
EXPECTED = json.loads((FIXTURES / "expected_2021.json").read_text(encoding="utf-8"))
LINES = (FIXTURES / "tab_flattened.txt").read_text(encoding="utf-8").split("\n")
PIECES = st.sampled_from(["一、总体情况", "规章", "\t", "|", "0", "/", "1,234", "（七）总计", "行政复议", "\n", "。", "【待填】", "年", "2023"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60))
def test_arbitrary_text_never_crashes(pieces):
    text = "".join(pieces)
    try:
        result = parse_text(text)
    except ReportError:
        return
    assert result.report.format in ("2019", "2021")


@settings(max_examples=40, deadline=None)
@given(st.sets(st.integers(0, len(LINES) - 1), max_size=25))
def test_dropping_rows_leaves_the_other_rows_exact(dropped):
    text = "\n".join(line for i, line in enumerate(LINES) if i not in dropped)
    try:
        report = parse_text(text).report
    except ReportError:
        return
    for path, value in report.cells():
        assert value is None or value == EXPECTED[path], path


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data):
    try:
        parse_bytes(data)
    except ReportError:
        pass
