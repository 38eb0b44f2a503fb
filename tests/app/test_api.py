"""The page's API through gradio_client against a real `python app.py` server on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from assistant.chat.helptext import EXAMPLE_AGENCY, EXAMPLE_NOTES
from assistant.parse import parse_bytes
from app_server import PROJECT, AppServer, server_env

pytestmark = pytest.mark.slow
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "app"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    app = AppServer(tmp_path_factory.mktemp("api") / "data").start()
    yield app
    app.stop()


@pytest.fixture(scope="module")
def client(server) -> Client:
    return Client(server.url, verbose=False)


def test_the_documented_endpoints_exist(client) -> None:
    names = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/send", "/ask", "/check", "/upload", "/versions", "/restore", "/export", "/history", "/draft"} <= names


def test_notes_and_counts_give_a_ready_draft(client) -> None:
    result = client.predict(EXAMPLE_NOTES, api_name="/send")
    assert result["status"] == "ready"
    report = result["draft"]["report"]
    assert report["agency"] == EXAMPLE_AGENCY and report["t2"]["licensing"]["decisions"] == 35
    assert "<table" in result["draft"]["html"] and "第 1 版：可以发布" in result["reply"]


def test_last_years_licensing_figure_is_exact_with_its_source(client) -> None:
    answer = client.predict("去年行政许可是多少？", "青禾市河湾区市场监督管理局", 2025, api_name="/ask")
    assert answer["kind"] == "figure" and answer["value"] == 1412
    assert answer["sources"][0]["file_name"] == "hewan_2024.md"
    via_chat = client.predict("去年行政许可是多少？", "", "青禾市河湾区市场监督管理局", 2025, api_name="/send")
    assert "1412" in via_chat["reply"] and via_chat["sources"][0]["year"] == 2024


def test_an_uploaded_report_with_an_error_gets_the_finding(client) -> None:
    result = client.predict([handle_file(str(FIXTURES / "report_with_error.md"))], "", api_name="/check")
    assert result["status"] == "needs_review"
    assert result["findings"][0]["rule"] == "N.NUM"
    assert result["findings"][0]["loc"][:2] == ["sections", "s2"]


def test_report_text_is_rendered_escaped(client) -> None:
    result = client.predict([handle_file(str(FIXTURES / "report_xss.md"))], "", api_name="/check")
    html = result["draft"]["html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html and "onerror=alert(1)>" not in html
    assert XSS in result["draft"]["report"]["sections"]["s1"]


def test_export_versions_and_restore(client) -> None:
    first = client.predict(EXAMPLE_NOTES, api_name="/send")
    conversation = first["conversation_id"]
    second = client.predict("行政许可应该是40件", conversation, api_name="/send")
    assert second["draft"]["report"]["t2"]["licensing"]["decisions"] == 40
    assert [v["version"] for v in client.predict(conversation, api_name="/versions")] == [1, 2]
    restored = client.predict(conversation, 1, api_name="/restore")
    assert restored["version"] == 3 and restored["report"]["t2"]["licensing"]["decisions"] == 35
    path = Path(client.predict(conversation, "docx", 0, api_name="/export"))
    assert parse_bytes(path.read_bytes(), "draft.docx").report.cell("t2.licensing.decisions") == 35
    markdown = Path(client.predict(conversation, "md", 2, api_name="/export")).read_text(encoding="utf-8")
    assert "| 行政许可 | 40 |" in markdown


def test_index_upload_list_ask_and_remove(client) -> None:
    summary = client.predict([handle_file(str(FIXTURES / "report_xss.md"))], api_name="/upload")
    assert len(summary["ingested"]) == 1, summary
    listed = {row["agency"]: row for row in client.predict(api_name="/index_list")}
    row = listed["青禾市北林区水务局"]
    assert row["year"] == 2025 and row["tables"] == ["t2", "t3", "t4"]
    answer = client.predict("青禾市北林区水务局2025年行政许可是多少？", api_name="/ask")
    assert answer["value"] == 35
    client.predict(row["id"], api_name="/index_remove")
    assert "青禾市北林区水务局" not in {r["agency"] for r in client.predict(api_name="/index_list")}


def test_bad_input_is_answered_in_chinese(client, tmp_path) -> None:
    empty = client.predict("", api_name="/send")
    assert "消息是空的" in empty["notices"][0]["message"]
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = client.predict([handle_file(str(binary))], "", api_name="/check")
    assert result["notices"][0]["level"] == "error" and result["findings"] == []


def test_a_5_mb_paste_is_answered_in_chinese_and_the_conversation_goes_on(client) -> None:
    huge = client.predict("会议" * (5 * 1024 * 1024 // 6), api_name="/send")
    assert "消息太长" in huge["notices"][0]["message"] and huge["draft"] is None
    conversation = huge["conversation_id"]
    assert len(client.predict(conversation, api_name="/history")[-2]["content"]) < 3000
    answer = client.predict(EXAMPLE_NOTES, conversation, api_name="/send")
    assert answer["draft"]["status"] == "ready"


def test_simultaneous_users_get_their_own_drafts(server) -> None:
    agencies = [f"青禾市第{n}测试局" for n in range(6)]

    def draft(agency: str) -> str:
        notes = EXAMPLE_NOTES.replace(EXAMPLE_AGENCY, agency)
        return Client(server.url, verbose=False).predict(notes, api_name="/send")["draft"]["report"]["agency"]

    with ThreadPoolExecutor(len(agencies)) as pool:
        assert list(pool.map(draft, agencies)) == agencies


def test_the_conversation_survives_a_restart(server) -> None:
    before = Client(server.url, verbose=False).predict(EXAMPLE_NOTES, api_name="/send")
    conversation = before["conversation_id"]
    server.stop()
    server.start()
    after = Client(server.url, verbose=False)
    history = after.predict(conversation, api_name="/history")
    assert [m["role"] for m in history] == ["user", "assistant"] and history[0]["content"] == EXAMPLE_NOTES
    assert after.predict(conversation, api_name="/draft")["report"]["t2"]["licensing"]["decisions"] == 35


def test_refuses_a_public_address_without_users(tmp_path) -> None:
    done = subprocess.run([sys.executable, str(PROJECT / "app.py"), "--host", "0.0.0.0", "--port", "1"],
                          cwd=PROJECT, env=server_env(tmp_path / "d"), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "ASSISTANT_USERS" in done.stderr and "Traceback" not in done.stderr


def test_login_is_required_when_users_are_set_and_users_do_not_see_each_other(tmp_path) -> None:
    app = AppServer(tmp_path / "login", ASSISTANT_USERS="alice:apple,bob:banana").start()
    try:
        with pytest.raises(Exception):
            Client(app.url, verbose=False).predict("去年行政许可是多少？", api_name="/send")
        alice = Client(app.url, auth=("alice", "apple"), verbose=False)
        bob = Client(app.url, auth=("bob", "banana"), verbose=False)
        mine = alice.predict("去年行政许可是多少？", api_name="/send")["conversation_id"]
        assert mine in [c["id"] for c in alice.predict(api_name="/conversations")]
        assert mine not in [c["id"] for c in bob.predict(api_name="/conversations")]
        with pytest.raises(Exception, match="找不到这个对话"):
            bob.predict(mine, api_name="/history")
    finally:
        app.stop()
