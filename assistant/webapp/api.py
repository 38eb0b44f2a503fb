"""API endpoints for gradio_client: plain data in, plain data out, each a thin call into the chat core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
from gradio.data_classes import FileData

from assistant.chat import ChatSession, Prefs, prefs_from
from assistant.chat.views import DraftState
from assistant.events import DraftUpdated, Event, FindingsReady, Notice, Sources
from assistant.chat.session import Reply
from assistant.report import ReportError
from assistant.webapp.view import draft_html

API_OWNER = "api"
API_NAMES = (
    "send", "ask", "check", "upload", "index_list", "index_remove", "versions", "restore", "export",
    "history", "conversations", "draft",
)


def register(session: ChatSession, login: bool) -> None:
    """Add the API endpoints to the Blocks being built."""
    endpoints = Endpoints(session, login)
    for name in API_NAMES:
        gr.api(getattr(endpoints, name), api_name=name, concurrency_limit=_limit(name))


def _limit(name: str) -> int:
    return {"send": 4, "ask": 4, "check": 2, "upload": 1}.get(name, 4)


class Endpoints:
    """The endpoint functions, bound to one chat session core."""

    def __init__(self, session: ChatSession, login: bool):
        self.session = session
        self.login = login

    def send(self, text: str, conversation_id: str = "", agency: str = "", year: int = 0,
             request: gr.Request = None) -> dict:
        """Send a chat message; returns the reply, notices, sources and the new draft (if any)."""
        conversation = self._conversation(conversation_id, request, create=True)
        return _collect(conversation, self.session.send(conversation, text, (), _prefs(agency, year)))

    def ask(self, question: str, agency: str = "", year: int = 0) -> dict:
        """Answer a question about past reports: kind, text and sources."""
        return _guard(lambda: self.session.ask(question, _prefs(agency, year))).to_dict()

    def check(self, files: list[FileData], conversation_id: str = "", request: gr.Request = None) -> dict:
        """Check uploaded report files in a conversation; returns findings and status."""
        conversation = self._conversation(conversation_id, request, create=True)
        paths = [_path(f) for f in files]
        return _collect(conversation, self.session.send(conversation, "", paths, Prefs()))

    def upload(self, files: list[FileData]) -> dict:
        """Add past reports to the index; returns the ingest summary."""
        return _guard(lambda: self.session.upload_to_index([_path(f) for f in files])).to_dict()

    def index_list(self) -> list[dict]:
        """The reports in the index."""
        return [_row(row) for row in self.session.indexed()]

    def index_remove(self, report_id: str) -> dict:
        """Remove one report from the index."""
        return _row(_guard(lambda: self.session.remove_indexed(report_id)))

    def versions(self, conversation_id: str, request: gr.Request = None) -> list[dict]:
        """The saved versions of a conversation's draft."""
        conversation = self._conversation(conversation_id, request)
        return [{"version": v.version, "status": v.status, "note": v.note, "created_at": v.created_at}
                for v in self.session.versions(conversation)]

    def restore(self, conversation_id: str, version: int, request: gr.Request = None) -> dict:
        """Make an earlier version current again."""
        conversation = self._conversation(conversation_id, request)
        return _draft_dict(_guard(lambda: self.session.restore(conversation, version)))

    def export(self, conversation_id: str, fmt: str = "docx", version: int = 0, request: gr.Request = None) -> FileData:
        """The draft as a .docx or .md file."""
        conversation = self._conversation(conversation_id, request)
        path = _guard(lambda: self.session.export(conversation, fmt, version or None))
        return FileData(path=str(path), orig_name=Path(path).name)

    def history(self, conversation_id: str, request: gr.Request = None) -> list[dict]:
        """A conversation's messages."""
        conversation = self._conversation(conversation_id, request)
        return [{"role": m.role, "content": m.content, "kind": m.kind} for m in self.session.history(conversation)]

    def conversations(self, request: gr.Request = None) -> list[dict]:
        """The caller's conversations, newest first."""
        return [{"id": c.id, "title": c.title, "updated_at": c.updated_at}
                for c in self.session.conversations(self._owner(request))]

    def draft(self, conversation_id: str, request: gr.Request = None) -> dict:
        """The current draft with its rendered HTML, or an empty dict."""
        state = self.session.current(self._conversation(conversation_id, request))
        return _draft_dict(state) if state else {}

    def _owner(self, request: gr.Request | None) -> str:
        return (request.username if request is not None else None) or API_OWNER

    def _conversation(self, conversation_id: str, request: gr.Request | None, create: bool = False) -> str:
        owner = self._owner(request)
        if not conversation_id and create:
            return self.session.new_conversation(owner)
        found = self.session.store.conversation(conversation_id) if conversation_id else None
        if found is None or (self.login and found.owner != owner):
            raise gr.Error("找不到这个对话。")
        return conversation_id


def _collect(conversation_id: str, events: Any) -> dict:
    reply, notices, sources = Reply(), [], []
    result: dict[str, Any] = {"conversation_id": conversation_id, "draft": None, "status": None, "findings": []}
    for event in events:
        reply.take(event)
        _note(event, result, notices, sources)
    return {**result, "reply": reply.text(), "notices": notices, "sources": sources}


def _note(event: Event, result: dict, notices: list, sources: list) -> None:
    if isinstance(event, Notice):
        notices.append({"level": event.level, "message": event.message})
    elif isinstance(event, Sources):
        sources.extend(event.items)
    elif isinstance(event, FindingsReady):
        result["status"], result["findings"] = event.status, list(event.findings)
    elif isinstance(event, DraftUpdated) and isinstance(event.draft, DraftState):
        result["draft"] = _draft_dict(event.draft)


def _draft_dict(state: DraftState) -> dict:
    return {**state.to_dict(), "html": draft_html(state)}


def _prefs(agency: str, year: int) -> Prefs:
    return _guard(lambda: prefs_from({"agency": agency or "", "draft_year": int(year or 0)}))


def _path(file: Any) -> str:
    if isinstance(file, dict):
        return str(file.get("path") or "")
    return str(getattr(file, "path", file))


def _row(row: Any) -> dict:
    return {"id": row.id, "agency": row.agency, "year": row.year, "format": row.format,
            "sections": list(row.sections_found), "tables": list(row.tables_found), "source": Path(row.source).name}


def _guard(call: Any) -> Any:
    try:
        return call()
    except ReportError as exc:
        raise gr.Error(str(exc)) from None
