"""What the page shows, computed from the chat core as plain values (no Gradio here)."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from assistant.chat import ChatSession, DraftState, Prefs
from assistant.chat.session import Reply
from assistant.chat.store import Conversation, StoredMessage
from assistant.chat.views import STATUS_LABELS, findings_rows
from assistant.events import Event, Progress
from assistant.render import to_html

FINDING_HEADERS = ["级别", "位置", "规则", "说明"]
INDEX_HEADERS = ["编号", "机关", "年度", "格式", "识别到的部分", "识别到的表格", "来源文件"]
LINK_BRACKETS = str.maketrans({"[": "&#91;", "]": "&#93;"})
EMPTY_DRAFT_HTML = '<div class="draft-doc empty">还没有草稿。粘贴工作要点让我起草，或上传一份年报让我检查。</div>'


@dataclass
class UiState:
    """One browser tab's state: who it is, which conversation is open, and its settings."""

    owner: str = ""
    conversation_id: str = ""
    prefs: Prefs = field(default_factory=Prefs)

    def saved(self) -> dict[str, Any]:
        """What the browser keeps across reloads (never the API key)."""
        prefs = {k: v for k, v in self.prefs.__dict__.items() if k != "api_key"}
        return {"owner": self.owner, "conversation_id": self.conversation_id, "prefs": prefs}


def restored_state(saved: dict | None, username: str | None) -> UiState:
    """The tab's state from what the browser kept; a logged-in user is always its own owner."""
    saved = saved if isinstance(saved, dict) else {}
    owner = username or str(saved.get("owner") or "") or uuid.uuid4().hex
    prefs = _saved_prefs(saved.get("prefs"))
    return UiState(owner=owner, conversation_id=str(saved.get("conversation_id") or ""), prefs=prefs)


def _saved_prefs(data: Any) -> Prefs:
    if not isinstance(data, dict):
        return Prefs()
    known = {k: data[k] for k in ("agency", "draft_year", "backend", "base_url", "model") if k in data}
    try:
        return replace(Prefs(), **known)
    except TypeError:
        return Prefs()


def escape_text(text: str) -> str:
    """Chat text with HTML and Markdown link brackets escaped: markup shows as text, no image or link loads."""
    return html.escape(text, quote=False).translate(LINK_BRACKETS)


def chat_messages(history: Iterable[StoredMessage]) -> list[dict[str, str]]:
    """Saved messages as the chatbot's message dicts."""
    return [{"role": m.role, "content": escape_text(m.content)} for m in history if m.role in ("user", "assistant")]


def conversation_choices(conversations: Iterable[Conversation]) -> list[tuple[str, str]]:
    """(label, id) pairs for the conversation list: date and title."""
    return [(f"{_date(c.updated_at)} {c.title or '新对话'}", c.id) for c in conversations]


def _date(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%m-%d %H:%M")


@dataclass
class LiveReply:
    """The assistant's reply while it streams, as shown: text so far, or what it is doing."""

    reply: Reply = field(default_factory=Reply)
    doing: str = ""

    def take(self, event: Event) -> None:
        """Add an event."""
        if isinstance(event, Progress):
            self.doing = event.label
        self.reply.take(event)

    def shown(self) -> str:
        """The text for the chatbot."""
        text = self.reply.text()
        if text:
            return escape_text(text)
        return escape_text(self.doing or "正在处理…")


@dataclass(frozen=True)
class Panel:
    """The draft panel's values: document, status, findings, versions and the files to download."""

    html: str
    status: str
    findings: list[list[str]]
    versions: list[tuple[str, int]]
    version: int | None
    docx: str | None
    md: str | None


def panel(session: ChatSession, state: DraftState | None) -> Panel:
    """The panel for a draft state (or the empty panel)."""
    if state is None:
        return Panel(EMPTY_DRAFT_HTML, "", [], [], None, None, None)
    docx = session.export(state.conversation_id, "docx", state.version)
    md = session.export(state.conversation_id, "md", state.version)
    return Panel(
        html=draft_html(state), status=status_markdown(state), findings=findings_rows(state.findings),
        versions=version_choices(session, state.conversation_id), version=state.version,
        docx=str(docx), md=str(md),
    )


def draft_html(state: DraftState) -> str:
    """The rendered report (every text escaped by the renderer) inside the page's draft box."""
    page = to_html(state.report)
    start, end = page.find("<article>"), page.rfind("</article>")
    body = page[start:end + len("</article>")] if start >= 0 and end > start else ""
    return f'<div class="draft-doc" data-version="{state.version}">{body}</div>'


def status_markdown(state: DraftState) -> str:
    """The status line: ready or needs review, with counts."""
    errors = sum(1 for f in state.findings if f.get("severity") == "error")
    others = len(state.findings) - errors
    label = STATUS_LABELS.get(state.status, state.status)
    return f"**第 {state.version} 版** · 状态：**{label}**（{state.status}）· 错误 {errors} 个 · 提醒 {others} 个"


def version_choices(session: ChatSession, conversation_id: str) -> list[tuple[str, int]]:
    """(label, number) for the version dropdown, newest first."""
    return [(f"第 {v.version} 版 · {v.note or ''}"[:40], v.version) for v in reversed(session.versions(conversation_id))]


def index_rows(rows: Iterable[Any]) -> list[list[Any]]:
    """The index table: id, agency, year, format, sections and tables found, source file name."""
    return [
        [r.id, r.agency, r.year, r.format, "、".join(r.sections_found), "、".join(r.tables_found), Path(r.source).name]
        for r in rows
    ]
