"""The chat router: one table of messages and the intent each must get."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.helptext import EXAMPLE_NOTES, EXAMPLE_QUESTION, EXAMPLE_WORDING
from assistant.chat.router import looks_like_notes, looks_like_report, route

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "app"
PUBLISHED = (FIXTURES / "report_with_error.md").read_text(encoding="utf-8")

CASES = [
    # (message, has_draft, intent)
    ("", False, "help"),
    ("   ", True, "help"),
    ("帮助", False, "help"),
    ("你能做什么？", True, "help"),
    ("help", False, "help"),
    ("?", False, "help"),
    (EXAMPLE_NOTES, False, "draft"),
    (EXAMPLE_NOTES, True, "draft"),
    ("本年度召开政务公开工作会议3次，组织培训2场，主动公开信息420条，收到依申请公开申请6件。", False, "draft"),
    ("请帮我起草2025年的年报", False, "draft"),
    ("全年主动公开信息120条，发布政策解读8篇，办理申请5件", False, "draft"),
    (PUBLISHED, False, "check"),
    (PUBLISHED, True, "check"),
    ("去年行政许可是多少？", False, "ask"),
    ("去年行政许可是多少？", True, "ask"),
    ("前年收到了多少件申请", True, "ask"),
    ("2023年行政处罚有哪些", False, "ask"),
    ("去年第五部分是怎么写的？", True, "ask"),
    ("去年行政许可应该是多少？", True, "ask"),
    (EXAMPLE_QUESTION, False, "ask"),
    (EXAMPLE_WORDING, True, "ask"),
    ("把第五部分写得更具体一些", True, "revise"),
    ("改成2025年", True, "revise"),
    ("行政许可应该是15件", True, "revise"),
    ("能把第五部分写得更具体一些吗？", True, "revise"),
    ("删除第六部分中关于培训的句子", True, "revise"),
    ("第一部分再详细一点", True, "revise"),
    ("把第五部分写得更具体一些", False, "help"),
    ("行政许可应该是15件", False, "help"),
    ("谢谢", False, "help"),
]


@pytest.mark.parametrize(("message", "has_draft", "intent"), CASES)
def test_route(message: str, has_draft: bool, intent: str) -> None:
    assert route(message, has_draft=has_draft).intent == intent


def test_route_gives_a_reason() -> None:
    assert route("去年行政许可是多少？").reason


def test_headings_alone_make_a_report_but_tables_alone_are_counts() -> None:
    assert looks_like_report(PUBLISHED)
    tables_only = "\n".join(line for line in PUBLISHED.splitlines() if line.startswith("|"))
    assert not looks_like_report(tables_only)
    assert looks_like_notes(tables_only)
