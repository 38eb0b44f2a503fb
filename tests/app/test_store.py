"""The chat store: conversations, messages and versions survive reopening and concurrent writers."""

from __future__ import annotations

import sqlite3
import threading
import time

from assistant.chat.store import ChatStore


def test_messages_and_versions_survive_reopening(tmp_path) -> None:
    store = ChatStore.in_dir(tmp_path)
    conversation = store.create_conversation(owner="alice")
    store.add_message(conversation, "user", "去年行政许可是多少？")
    store.add_message(conversation, "assistant", "1412 件", kind="text")
    first = store.add_version(conversation, {"agency": "甲"}, [{"rule": "N.NUM"}], "needs_review", "起草")
    second = store.add_version(conversation, {"agency": "乙"}, [], "ready", "修改", {"request": {"year": 2025}})
    store.close()

    reopened = ChatStore.in_dir(tmp_path)
    assert [m.content for m in reopened.messages(conversation)] == ["去年行政许可是多少？", "1412 件"]
    assert (first, second) == (1, 2)
    assert [v.status for v in reopened.versions(conversation)] == ["needs_review", "ready"]
    assert reopened.version(conversation).report == {"agency": "乙"}
    assert reopened.version(conversation, 1).findings == [{"rule": "N.NUM"}]
    assert reopened.version(conversation).extra == {"request": {"year": 2025}}
    assert reopened.version(conversation, 9) is None


def test_uses_wal_mode(tmp_path) -> None:
    ChatStore.in_dir(tmp_path).create_conversation()
    with sqlite3.connect(tmp_path / "chat.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_conversations_are_listed_per_owner_newest_first(tmp_path) -> None:
    store = ChatStore.in_dir(tmp_path)
    old = store.create_conversation("旧", owner="alice")
    store.create_conversation("别人的", owner="bob")
    time.sleep(0.01)
    new = store.create_conversation("新", owner="alice")
    assert [c.id for c in store.conversations("alice")] == [new, old]
    store.add_message(old, "user", "再来一次")
    assert [c.id for c in store.conversations("alice")] == [old, new]
    assert len(store.conversations()) == 3


def test_deleting_a_conversation_removes_its_messages_and_versions(tmp_path) -> None:
    store = ChatStore.in_dir(tmp_path)
    conversation = store.create_conversation()
    store.add_message(conversation, "user", "x")
    store.add_version(conversation, {}, [], "ready")
    store.delete_conversation(conversation)
    assert store.conversation(conversation) is None
    assert store.messages(conversation) == [] and store.versions(conversation) == []


def test_concurrent_writers_lose_nothing_and_number_versions_uniquely(tmp_path) -> None:
    store = ChatStore.in_dir(tmp_path)
    conversation = store.create_conversation()
    numbers: list[int] = []

    def writer(worker: int) -> None:
        for n in range(20):
            store.add_message(conversation, "user", f"{worker}-{n}")
            numbers.append(store.add_version(conversation, {"w": worker}, [], "ready"))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.messages(conversation)) == 160
    assert sorted(numbers) == list(range(1, 161))
