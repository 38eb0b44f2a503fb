"""The chat session core with the offline backend, the sample corpus and a temporary data folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from assistant.chat import MAX_TEXT_CHARS, ChatSession, ChatStore, Prefs, services
from assistant.chat.helptext import EXAMPLE_NOTES, EXAMPLE_QUESTION, EXAMPLE_WORDING
from assistant.chat.views import locate
from assistant.events import DraftUpdated, FindingsReady, Notice, Sources, TextChunk
from assistant.parse import parse_bytes
from assistant.settings import load_settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "app"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A data folder whose index holds the sample corpus (indexed once for the module)."""
    folder = tmp_path_factory.mktemp("chat-data")
    make_session(folder).index.ensure_corpus()
    return folder


def make_session(folder: Path, **kwargs) -> ChatSession:
    settings = load_settings({"ASSISTANT_DATA_DIR": str(folder), "ASSISTANT_DRAFT_YEAR": "2025"})
    return ChatSession(settings, ChatStore.in_dir(folder), **kwargs)


@pytest.fixture
def session(data_dir) -> ChatSession:
    return make_session(data_dir)


def run(session: ChatSession, conversation: str, text: str, files=(), prefs: Prefs | None = None) -> list:
    return list(session.send(conversation, text, files, prefs))


def text_of(events: list) -> str:
    return "".join(e.text for e in events if isinstance(e, TextChunk))


def notices(events: list, level: str | None = None) -> list[str]:
    return [e.message for e in events if isinstance(e, Notice) and (level is None or e.level == level)]


def test_example_notes_and_counts_give_a_ready_draft_with_the_pasted_figures(session) -> None:
    conversation = session.new_conversation("u")
    events = run(session, conversation, EXAMPLE_NOTES)
    state = next(e.draft for e in events if isinstance(e, DraftUpdated))
    assert state.status == "ready", state.findings
    assert state.report.agency == "青禾市河湾区自然资源局" and state.report.year == 2025
    assert state.report.cell("t2.licensing.decisions") == 35
    assert state.report.cell("t3.na_not_held.np") == 1
    assert any(isinstance(e, FindingsReady) and e.status == "ready" for e in events)
    saved = session.history(conversation)
    assert [m.role for m in saved] == ["user", "assistant"]
    assert "第 1 版：可以发布" in saved[1].content
    assert [v.version for v in session.versions(conversation)] == [1]


def test_the_user_message_is_saved_before_any_work_starts(data_dir) -> None:
    seen: list[list[str]] = []

    def factory(settings):
        seen.append([m.content for m in store.messages(conversation)])
        raise RuntimeError("backend exploded")

    session = make_session(data_dir, llm_factory=factory)
    store = session.store
    conversation = session.new_conversation()
    events = run(session, conversation, EXAMPLE_NOTES)
    assert seen == [[EXAMPLE_NOTES]]
    assert any("backend exploded" in m for m in notices(events, "error"))
    assert session.history(conversation)[-1].kind == "error"


def test_example_questions_answer_from_the_sample_corpus_with_sources(session) -> None:
    conversation = session.new_conversation()
    events = run(session, conversation, EXAMPLE_QUESTION)
    assert "1412" in text_of(events)
    sources = next(e.items for e in events if isinstance(e, Sources))
    assert sources[0]["file_name"] == "hewan_2024.md" and sources[0]["value"] == 1412
    wording = run(session, conversation, EXAMPLE_WORDING)
    assert "村级集体经济信息公开的规范性有待提高" in text_of(wording)
    assert "来源：" in session.history(conversation)[-1].content


def test_last_years_figure_follows_the_draft_year(session) -> None:
    answer = session.ask("去年行政许可是多少？", Prefs(agency="青禾市河湾区市场监督管理局", draft_year=2025))
    assert answer.kind == "figure" and "1412" in answer.text
    earlier = session.ask("去年行政许可是多少？", Prefs(agency="青禾市河湾区市场监督管理局", draft_year=2024))
    assert "1286" in earlier.text


def test_an_uploaded_report_with_an_error_gets_the_finding_and_its_sentence(session) -> None:
    conversation = session.new_conversation()
    events = run(session, conversation, "", [FIXTURES / "report_with_error.md"])
    ready = next(e for e in events if isinstance(e, FindingsReady))
    assert ready.status == "needs_review"
    finding = ready.findings[0]
    assert finding["rule"] == "N.NUM" and finding["severity"] == "error"
    state = session.current(conversation)
    assert "作出行政许可决定53件" in locate(state.report, finding)
    assert "二、主动公开政府信息情况" in locate(state.report, finding)


def test_a_pasted_published_report_is_checked(session) -> None:
    conversation = session.new_conversation()
    events = run(session, conversation, (FIXTURES / "report_with_error.md").read_text(encoding="utf-8"))
    assert any(isinstance(e, FindingsReady) and e.findings[0]["rule"] == "N.NUM" for e in events)


def test_revise_restore_and_revise_again_after_a_restart(session, data_dir, monkeypatch) -> None:
    conversation = session.new_conversation()
    run(session, conversation, EXAMPLE_NOTES)
    run(session, conversation, "行政许可应该是36件")
    assert session.current(conversation).report.cell("t2.licensing.decisions") == 36
    restored = session.restore(conversation, 1)
    assert restored.version == 3 and restored.report.cell("t2.licensing.decisions") == 35
    assert session.restore(conversation, 1).version == 3, "restoring the current content again adds no version"
    monkeypatch.setattr(services, "_drafts", type(services._drafts)())
    fresh = make_session(data_dir)
    run(fresh, conversation, "行政处罚应该是9件")
    latest = fresh.current(conversation)
    assert latest.version == 4
    assert latest.report.cell("t2.penalty.decisions") == 9 and latest.report.cell("t2.licensing.decisions") == 35


def test_two_restores_of_the_same_version_at_once_make_one_new_version(session, monkeypatch) -> None:
    import time
    from concurrent.futures import ThreadPoolExecutor

    conversation = session.new_conversation()
    run(session, conversation, EXAMPLE_NOTES)
    run(session, conversation, "行政许可应该是36件")
    save = session._save_version
    monkeypatch.setattr(session, "_save_version", lambda *args: time.sleep(0.05) or save(*args))
    with ThreadPoolExecutor(8) as pool:
        versions = set(pool.map(lambda _: session.restore(conversation, 1).version, range(8)))
    assert versions == {3} and session.current(conversation).version == 3


def test_a_section_request_and_a_year_change_make_new_checked_versions(session) -> None:
    conversation = session.new_conversation()
    run(session, conversation, EXAMPLE_NOTES, prefs=Prefs(draft_year=2024))
    assert session.current(conversation).report.year == 2024
    longer = run(session, conversation, "把第五部分写得更具体一些")
    assert any(isinstance(e, FindingsReady) for e in longer) and session.current(conversation).version == 2
    moved = run(session, conversation, "改成2025年")
    state = session.current(conversation)
    assert state.version == 3 and state.report.year == 2025 and state.status == "ready"
    assert "2025年政府信息公开工作年度报告" in state.report.display_title and "2024年" not in state.report.sections["s1"]
    assert any(isinstance(e, FindingsReady) for e in moved)


def test_counts_uploaded_as_a_gbk_csv_or_a_workbook_of_several_sheets_are_drafted_from(session, tmp_path) -> None:
    notes, table = EXAMPLE_NOTES.split("统计表：")
    rows = [line.split("\t") for line in table.strip().splitlines()]
    spreadsheet = tmp_path / "统计表.csv"
    spreadsheet.write_bytes("\n".join(",".join(row) for row in rows).encode("gb18030"))
    workbook = tmp_path / "tables.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["说明"])
    sheet = book.create_sheet("统计")
    for row in rows:
        sheet.append([int(cell) if cell.isdigit() else cell for cell in row])
    book.save(workbook)
    for upload in (spreadsheet, workbook):
        conversation = session.new_conversation()
        events = run(session, conversation, notes, [upload])
        assert not notices(events, "error"), notices(events)
        state = session.current(conversation)
        assert state.report.cell("t2.licensing.decisions") == 35 and state.report.cell("t3.na_not_held.np") == 1


def test_revise_without_a_draft_says_so(session) -> None:
    conversation = session.new_conversation()
    reply = text_of(run(session, conversation, "第一部分再详细一点"))
    assert "帮助" in reply or "起草" in reply


def test_export_docx_parses_back_to_the_same_figures(session) -> None:
    conversation = session.new_conversation()
    run(session, conversation, EXAMPLE_NOTES)
    state = session.current(conversation)
    path = session.export(conversation, "docx")
    assert path.parent.parent == Path(session.settings.data_dir) / "exports"
    back = parse_bytes(path.read_bytes(), path.name).report
    assert dict(back.cells()) == dict(state.report.cells())
    assert session.export(conversation, "md").read_text(encoding="utf-8").startswith("# 青禾市河湾区自然资源局")


def test_bad_input_gets_a_chinese_message_and_the_session_keeps_working(session, tmp_path) -> None:
    conversation = session.new_conversation()
    empty = run(session, conversation, "")
    assert "消息是空的" in notices(empty)[0] and "起草" in text_of(empty)
    huge = run(session, conversation, "会议" * (MAX_TEXT_CHARS // 2 + 1))
    assert "消息太长" in notices(huge, "error")[0]
    assert len(session.history(conversation)[-2].content) < 3000
    binary = tmp_path / "photo.docx"
    binary.write_bytes(bytes(range(256)) * 50)
    assert notices(run(session, conversation, "", [binary]), "error")
    unknown = tmp_path / "data.bin"
    unknown.write_bytes(b"\x00\x01\x02 not a report")
    assert notices(run(session, conversation, "", [unknown]), "error")
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    assert "太大" in notices(run(session, conversation, "", [big]), "error")[0]
    assert "1412" in text_of(run(session, conversation, EXAMPLE_QUESTION))


def test_unreachable_model_endpoint_is_reported_and_the_session_goes_on(session) -> None:
    conversation = session.new_conversation()
    prefs = Prefs(backend="openai", base_url="http://127.0.0.1:9/v1", model="m", api_key="k")
    events = run(session, conversation, EXAMPLE_NOTES, prefs=prefs)
    assert any("连接" in message or "无法" in message for message in notices(events))
    assert "连接失败" in session.test_connection(prefs)
    assert "离线" in session.test_connection(Prefs())
    assert "1412" in text_of(run(session, conversation, EXAMPLE_QUESTION))


def test_conversations_belong_to_their_owner(session) -> None:
    mine = session.new_conversation("alice")
    session.new_conversation("bob")
    assert session.owns(mine, "alice") and not session.owns(mine, "bob")
    assert mine in [c.id for c in session.conversations("alice")]
    assert mine not in [c.id for c in session.conversations("bob")]
    run(session, mine, "去年行政许可是多少？")
    assert session.store.conversation(mine).title == "去年行政许可是多少？"


class BrokenIndex:
    """An index whose look-up of last year's report fails with a given exception."""

    def __init__(self, error: Exception):
        self.error = error

    def previous_report(self, agency: str, year: int):
        raise self.error


def test_an_unreadable_index_only_loses_the_cross_year_check_but_a_bug_is_not_hidden(data_dir) -> None:
    unreadable = make_session(data_dir, index=BrokenIndex(sqlite3.OperationalError("database is locked")))
    events = run(unreadable, unreadable.new_conversation(), "", [FIXTURES / "report_with_error.md"])
    assert not notices(events, "error") and any(isinstance(e, FindingsReady) for e in events)
    buggy = make_session(data_dir, index=BrokenIndex(TypeError("previous_report() got an unexpected keyword")))
    events = run(buggy, buggy.new_conversation(), "", [FIXTURES / "report_with_error.md"])
    assert any("TypeError" in message for message in notices(events, "error"))
