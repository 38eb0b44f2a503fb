"""The chat history in SQLite: conversations, messages and draft versions, safe for many threads."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations(owner, updated_at);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'text',
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, id);
CREATE TABLE IF NOT EXISTS draft_versions (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    report TEXT NOT NULL,
    findings TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (conversation_id, version)
);
"""


@dataclass(frozen=True)
class Conversation:
    """One conversation as listed."""

    id: str
    title: str
    created_at: float
    updated_at: float
    owner: str = ""


@dataclass(frozen=True)
class StoredMessage:
    """One saved message; kind tells a normal reply from a notice or an error."""

    role: str
    content: str
    kind: str
    created_at: float


@dataclass(frozen=True)
class DraftVersion:
    """One saved version of a conversation's draft: canonical report JSON and findings as plain data."""

    conversation_id: str
    version: int
    report: dict[str, Any]
    findings: list[dict[str, Any]]
    status: str
    created_at: float
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class ChatStore:
    """SQLite file in WAL mode; one connection per thread, writes serialised by a lock."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        with self._write_lock:
            self._connection().executescript(SCHEMA)

    @classmethod
    def in_dir(cls, data_dir: Path) -> ChatStore:
        """The store chat.sqlite in a data folder."""
        return cls(Path(data_dir) / "chat.sqlite")

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            db.row_factory = sqlite3.Row
            self._local.db = db
        return db

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        with self._write_lock:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def create_conversation(self, title: str = "", owner: str = "") -> str:
        """A new empty conversation's id."""
        conversation_id = uuid.uuid4().hex
        now = time.time()
        with self._writing() as db:
            db.execute(
                "INSERT INTO conversations (id, owner, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (conversation_id, owner, title, now, now),
            )
        return conversation_id

    def conversation(self, conversation_id: str) -> Conversation | None:
        """A conversation by id, or None."""
        row = self._connection().execute(
            "SELECT id, title, created_at, updated_at, owner FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return Conversation(*row) if row else None

    def conversations(self, owner: str | None = None, limit: int = 200) -> list[Conversation]:
        """Conversations, most recently used first; only one owner's when owner is given."""
        sql = "SELECT id, title, created_at, updated_at, owner FROM conversations"
        args: tuple = ()
        if owner is not None:
            sql, args = sql + " WHERE owner = ?", (owner,)
        rows = self._connection().execute(sql + " ORDER BY updated_at DESC LIMIT ?", (*args, limit))
        return [Conversation(*row) for row in rows]

    def set_title(self, conversation_id: str, title: str) -> None:
        """Rename a conversation."""
        with self._writing() as db:
            db.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id))

    def delete_conversation(self, conversation_id: str) -> None:
        """Remove a conversation with its messages and versions."""
        with self._writing() as db:
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def add_message(self, conversation_id: str, role: str, content: str, kind: str = "text") -> None:
        """Append a message and mark the conversation as used now."""
        now = time.time()
        with self._writing() as db:
            db.execute(
                "INSERT INTO messages (conversation_id, role, content, kind, created_at) VALUES (?, ?, ?, ?, ?)",
                (conversation_id, role, content, kind, now),
            )
            db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))

    def messages(self, conversation_id: str) -> list[StoredMessage]:
        """A conversation's messages in order."""
        rows = self._connection().execute(
            "SELECT role, content, kind, created_at FROM messages WHERE conversation_id = ? ORDER BY id",
            (conversation_id,),
        )
        return [StoredMessage(*row) for row in rows]

    def add_version(
        self, conversation_id: str, report: dict, findings: list[dict], status: str, note: str = "",
        extra: dict | None = None,
    ) -> int:
        """Save a new draft version and return its number (1, 2, …)."""
        now = time.time()
        with self._writing() as db:
            row = db.execute(
                "SELECT COALESCE(MAX(version), 0) FROM draft_versions WHERE conversation_id = ?", (conversation_id,)
            ).fetchone()
            version = row[0] + 1
            db.execute(
                "INSERT INTO draft_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (conversation_id, version, _dumps(report), _dumps(findings), status, now, note, _dumps(extra or {})),
            )
            db.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))
        return version

    def versions(self, conversation_id: str) -> list[DraftVersion]:
        """Every saved version of a conversation's draft, oldest first."""
        rows = self._connection().execute(
            "SELECT * FROM draft_versions WHERE conversation_id = ? ORDER BY version", (conversation_id,)
        )
        return [_version(row) for row in rows]

    def version_numbers(self, conversation_id: str) -> tuple[int, ...]:
        """The numbers of a conversation's saved versions, oldest first."""
        rows = self._connection().execute(
            "SELECT version FROM draft_versions WHERE conversation_id = ? ORDER BY version", (conversation_id,)
        )
        return tuple(row[0] for row in rows)

    def version(self, conversation_id: str, version: int | None = None) -> DraftVersion | None:
        """One version, or the latest when version is None; None when there is none."""
        sql = "SELECT * FROM draft_versions WHERE conversation_id = ?"
        args: tuple = (conversation_id,)
        if version is None:
            sql += " ORDER BY version DESC LIMIT 1"
        else:
            sql, args = sql + " AND version = ?", (conversation_id, version)
        row = self._connection().execute(sql, args).fetchone()
        return _version(row) if row else None

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _version(row: sqlite3.Row) -> DraftVersion:
    return DraftVersion(
        conversation_id=row["conversation_id"],
        version=row["version"],
        report=json.loads(row["report"]),
        findings=json.loads(row["findings"]),
        status=row["status"],
        created_at=row["created_at"],
        note=row["note"],
        extra=json.loads(row["extra"]),
    )
