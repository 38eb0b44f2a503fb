"""Small parts of the chat core and the launcher: agency guess, pasted counts, locations, users, loopback."""

from __future__ import annotations

import pytest

from assistant.chat.helptext import EXAMPLE_NOTES, help_message, EXAMPLES
from assistant.chat.pasted import split_counts
from assistant.chat.prefs import Prefs, guess_agency, prefs_from
from assistant.chat.store import StoredMessage
from assistant.chat.views import finding_to_dict, findings_rows, location_label, locate, sorted_findings
from assistant.report import ReportError, empty_report
from assistant.settings import load_settings
from assistant.webapp.launch import LaunchError, is_loopback, parse_users, prepare
from assistant.webapp.view import UiState, chat_messages, escape_text, restored_state


@pytest.mark.parametrize(("notes", "agency"), [
    ("青禾市北林区水务局：\n全年发布信息", "青禾市北林区水务局"),
    ("单位：青禾市第3测试局\n会议2次", "青禾市第3测试局"),
    ("青禾市云岭镇人民政府\n全年", "青禾市云岭镇人民政府"),
    ("今年局里召开会议3次", ""),
    ("2025年全年主动公开信息120条", ""),
])
def test_guess_agency(notes: str, agency: str) -> None:
    assert guess_agency(notes) == agency


def test_prefs_apply_only_what_was_chosen() -> None:
    base = load_settings({"ASSISTANT_DATA_DIR": "/tmp/x", "ASSISTANT_DRAFT_YEAR": "2025", "ASSISTANT_AGENCY": "甲局"})
    applied = Prefs(model="m1", draft_year=2024).apply(base)
    assert (applied.agency, applied.draft_year, applied.model, applied.backend) == ("甲局", 2024, "m1", "offline")


@pytest.mark.parametrize("data", [{"backend": "cloud"}, {"draft_year": 1999}, {"agency": "x", "extra": 1}])
def test_prefs_from_outside_refuses_bad_values_in_chinese(data: dict) -> None:
    with pytest.raises(ReportError, match="设置有误|未知的后端|年度应在"):
        prefs_from(data)


def test_pasted_tables_become_counts_and_leave_the_notes() -> None:
    pasted = split_counts(EXAMPLE_NOTES, 2025)
    assert pasted.counts.t2["licensing"]["decisions"] == 35
    assert pasted.counts.t3["new"]["total"] == 4 and pasted.counts.t4["review"]["total"] == 0
    assert "\t" not in pasted.notes and "【主动公开】" in pasted.notes


def test_pasted_json_counts() -> None:
    pasted = split_counts('会议2次。\n{"t2": {"licensing": {"decisions": 7}}}\n培训1场。', 2025)
    assert pasted.counts.t2 == {"licensing": {"decisions": 7}}
    assert "会议2次" in pasted.notes and "培训1场" in pasted.notes and "{" not in pasted.notes


def test_notes_without_counts_are_left_alone() -> None:
    pasted = split_counts("全年召开会议2次，内容包括 {重点工作}。", 2025)
    assert pasted.counts is None and pasted.notes.startswith("全年召开会议2次")


def test_broken_pasted_tables_get_a_chinese_error() -> None:
    with pytest.raises(ReportError, match="表三"):
        split_counts("一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\nx\t1\t2\t3\t4\t5\t6\t7\ny\t1\t2\t3\t4\t5\t6\t7", 2025)


def test_locations_name_cells_sections_and_sentences() -> None:
    report = empty_report("甲局", 2025).with_cell("t3.new.total", 9).with_section("s2", "第一句。作出行政许可决定53件；其后。")
    cell = {"loc": ["t3", "new", "total"], "severity": "error"}
    assert location_label(cell["loc"]) == "表三·一、本年新收政府信息公开申请数量·总计"
    assert locate(report, cell).endswith("= 9")
    text = {"loc": ["sections", "s2", 6, 14], "severity": "warning"}
    assert locate(report, text) == "二、主动公开政府信息情况：作出行政许可决定53件；"
    assert locate(report, {"loc": ["title"]}) == "标题：甲局2025年政府信息公开工作年度报告"
    assert locate(report, {"loc": ["sections", "s5"]}) == "五、存在的主要问题及改进情况：（本部分为空）"


def test_findings_are_plain_data_with_errors_first() -> None:
    from assistant.validate.model import Finding

    warning = Finding("Y.COPY", "warning", ("sections", "s5"), None, None, {}, "雷同")
    error = Finding("T3.ID", "error", ("t3", "processed_total", "np"), 3, 4, {"a": (1, 2)}, "不平")
    rows = findings_rows([finding_to_dict(warning), finding_to_dict(error)])
    assert [row[0] for row in rows] == ["错误", "提醒"]
    assert finding_to_dict(error)["values"] == {"a": [1, 2]}
    assert sorted_findings([{"severity": "uncertain"}, {"severity": "error"}])[0]["severity"] == "error"


def test_users_from_env_and_file(tmp_path) -> None:
    users_file = tmp_path / "users"
    users_file.write_text("# comment\ncarol:c:with:colons\n\n", encoding="utf-8")
    assert parse_users("alice:a1, bob:b2", users_file) == [("alice", "a1"), ("bob", "b2"), ("carol", "c:with:colons")]
    with pytest.raises(LaunchError, match="user:password"):
        parse_users("alice", None)
    with pytest.raises(LaunchError, match="无法读取"):
        parse_users("", tmp_path / "missing")


def test_loopback_and_refusing_public_hosts_without_users(tmp_path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    with pytest.raises(LaunchError, match="ASSISTANT_USERS"):
        prepare(tmp_path, "0.0.0.0", [])


def test_browser_state_never_keeps_the_api_key_and_a_login_wins() -> None:
    state = UiState(owner="o1", conversation_id="c1", prefs=Prefs(agency="甲局", api_key="sk-secret"))
    kept = state.saved()
    assert "sk-secret" not in str(kept)
    assert restored_state(kept, None).prefs.agency == "甲局"
    assert restored_state(kept, "alice").owner == "alice"
    assert restored_state(None, None).owner


def test_chat_text_is_escaped_and_the_help_lists_the_examples() -> None:
    assert escape_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    message = help_message()
    assert EXAMPLES[1] in message and EXAMPLES[2] in message and "青禾市河湾区自然资源局" in message


def test_markdown_links_and_images_in_chat_text_do_nothing() -> None:
    shown = escape_text("见![x](http://198.51.100.7/a.png)和[点我](javascript:alert(1))")
    assert "[" not in shown and "]" not in shown
    assert "![x](" not in chat_messages([StoredMessage("assistant", "![x](http://198.51.100.7/a.png)", "text", 0.0)])[0]["content"]
