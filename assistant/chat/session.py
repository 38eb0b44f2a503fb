"""The conversation core: one message in, typed events out; history and drafts saved as it goes."""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from assistant.chat import services
from assistant.chat.helptext import help_message
from assistant.chat.pasted import describe, split_counts
from assistant.chat.prefs import Prefs, guess_agency
from assistant.chat.router import route
from assistant.chat.store import ChatStore, Conversation, DraftVersion, StoredMessage
from assistant.chat.views import DraftState, finding_to_dict, report_from_dict, sorted_findings, location_label
from assistant.events import DraftUpdated, Event, FindingsReady, Notice, Progress, Sources, TextChunk
from assistant.llm.base import LLMError
from assistant.report import Report, ReportError
from assistant.settings import Settings

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 200_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TITLE_CHARS = 24
DEFAULT_AGENCY = "本机关"
EXPORT_FORMATS = ("docx", "md")


class ChatError(ReportError):
    """A request the session refuses; the message is for the user, in Chinese."""


@dataclass
class Reply:
    """The assistant's reply as it is built from events, for saving."""

    parts: list[str] = field(default_factory=list)
    kind: str = "text"

    def take(self, event: Event) -> None:
        """Add what an event contributes to the saved reply."""
        if isinstance(event, TextChunk):
            self.parts.append(event.text)
        elif isinstance(event, Notice):
            self.parts.append(f"\n\n> {notice_prefix(event.level)}{event.message}\n\n")
            self.kind = "error" if event.level == "error" and self.kind == "text" else self.kind
        elif isinstance(event, Sources) and event.items:
            self.parts.append("\n\n" + format_sources(event.items))

    def text(self) -> str:
        """The whole reply."""
        return "".join(self.parts).strip()


@dataclass(frozen=True)
class Upload:
    """One uploaded file as the session sees it: its name, bytes (read and size-checked) and where it lies."""

    name: str
    data: bytes
    path: Path


class ChatSession:
    """Routes messages to drafting, checking, the index and revising; keeps history in the store."""

    def __init__(self, settings: Settings, store: ChatStore | None = None,
                 llm_factory: Callable[[Settings], Any] | None = None, index: Any = None):
        self.settings = settings
        self.store = store or ChatStore.in_dir(settings.data_dir)
        self.llm_factory = llm_factory or services.make_llm
        self._index = index
        self._index_lock = threading.Lock()
        self._restore_lock = threading.Lock()

    @property
    def index(self) -> Any:
        """The index of past reports, opened on first use."""
        with self._index_lock:
            if self._index is None:
                self._index = services.open_index(self.settings)
        return self._index

    # ---------- conversations ----------

    def new_conversation(self, owner: str = "", title: str = "") -> str:
        """A new conversation's id."""
        return self.store.create_conversation(title=title, owner=owner)

    def conversations(self, owner: str | None = None) -> list[Conversation]:
        """The conversations of an owner, newest first."""
        return self.store.conversations(owner)

    def history(self, conversation_id: str) -> list[StoredMessage]:
        """A conversation's messages in order."""
        return self.store.messages(conversation_id)

    def owns(self, conversation_id: str, owner: str) -> bool:
        """Whether a conversation exists and belongs to this owner."""
        conversation = self.store.conversation(conversation_id)
        return conversation is not None and conversation.owner == owner

    # ---------- one message ----------

    def send(self, conversation_id: str, text: str, files: Sequence[str | Path] = (),
             prefs: Prefs | None = None) -> Iterator[Event]:
        """Handle one user message (with optional files), yielding events; the reply is saved."""
        if self.store.conversation(conversation_id) is None:
            raise ChatError("找不到这个对话，请新建一个对话。")
        text = text or ""
        self.store.add_message(conversation_id, "user", _stored_user_text(text, files))
        self._name_conversation(conversation_id, text, files)
        reply = Reply()
        try:
            for event in self._guarded(conversation_id, text, files, prefs or Prefs()):
                reply.take(event)
                yield event
        finally:
            self.store.add_message(conversation_id, "assistant", reply.text() or "（没有回复）", reply.kind)

    def _guarded(self, conversation_id: str, text: str, files: Sequence[str | Path], prefs: Prefs) -> Iterator[Event]:
        try:
            yield from self._dispatch(conversation_id, text, files, prefs)
        except (ReportError, LLMError) as exc:
            yield Notice(str(exc), "error")
        except Exception as exc:  # the session must survive anything a backend throws
            log.exception("message failed")
            yield Notice(f"处理时出错（{type(exc).__name__}）：{exc}。请重试或换一种说法。", "error")

    def _dispatch(self, conversation_id: str, text: str, files: Sequence[str | Path], prefs: Prefs) -> Iterator[Event]:
        if len(text) > MAX_TEXT_CHARS:
            raise ChatError(
                f"消息太长（{len(text):,} 个字符，上限 {MAX_TEXT_CHARS:,}）。请只粘贴年报或工作要点本身，或以文件形式上传。"
            )
        if files:
            yield from self._with_files(conversation_id, text, files, prefs)
            return
        current = self.store.version(conversation_id)
        intent = route(text, has_draft=current is not None).intent
        handlers = {"help": self._help, "check": self._check_text, "ask": self._ask,
                    "draft": self._draft, "revise": self._revise}
        yield from handlers[intent](conversation_id, text.strip(), prefs)

    def _help(self, conversation_id: str, text: str, prefs: Prefs) -> Iterator[Event]:
        if not text:
            yield Notice("消息是空的：请输入内容，或上传文件。", "warning")
        yield TextChunk(help_message())

    # ---------- drafting ----------

    def _draft(self, conversation_id: str, text: str, prefs: Prefs, counts: Any = None) -> Iterator[Event]:
        settings = prefs.apply(self.settings)
        agency = settings.agency or guess_agency(text)
        if not agency:
            agency = DEFAULT_AGENCY
            yield Notice("还没有设置机关名称，草稿中暂用“本机关”：请在“设置”页填写。", "warning")
        if counts is None:
            pasted = split_counts(text, settings.draft_year)
            text, counts = pasted.notes, pasted.counts
            if counts is not None:
                yield Notice(f"已读取粘贴的统计数据（{describe(pasted.counts)}）。", "info")
        request = services.draft_request(agency, settings.draft_year, text, counts)
        yield Progress(0, 1, f"正在起草 {agency}{settings.draft_year} 年年报…")
        drafted = yield from self._drafting(services.iter_draft(request, self.llm_factory(settings), self.index))
        yield from self._saved(conversation_id, drafted, f"起草（{settings.backend}）")

    def _revise(self, conversation_id: str, text: str, prefs: Prefs) -> Iterator[Event]:
        current = self.current(conversation_id)
        if current is None:
            yield TextChunk("还没有草稿可以修改：请先粘贴工作要点让我起草，或上传一份年报让我检查。")
            return
        settings = prefs.apply(self.settings)
        draft = services.draft_from_state(current)
        events = services.iter_revise(draft, text, self.llm_factory(settings), self.index)
        revised = yield from self._drafting(events)
        yield from self._saved(conversation_id, revised, f"修改：{text[:30]}")

    def _drafting(self, events: Iterable[Event]) -> Iterator[Event]:
        """Pass a drafting stream through, holding back its drafts; returns the last draft."""
        final = None
        for event in events:
            if isinstance(event, DraftUpdated):
                final = event.draft
            elif not isinstance(event, FindingsReady):
                yield event
        if final is None:
            raise ChatError("起草没有产生草稿，请重试。")
        return final

    def _saved(self, conversation_id: str, draft: Any, note: str) -> Iterator[Event]:
        findings = [finding_to_dict(f) for f in getattr(draft, "findings", ())]
        inputs = services.draft_inputs(draft)
        state = self._save_version(conversation_id, draft.report, findings, str(draft.status), note, inputs)
        services.remember(conversation_id, state.version, draft)
        yield FindingsReady(tuple(state.findings), state.status)
        yield DraftUpdated(state)
        yield TextChunk("\n\n" + summary_text(state))

    def _save_version(self, conversation_id: str, report: Report, findings: list[dict], status: str,
                      note: str, inputs: dict | None = None) -> DraftState:
        version = self.store.add_version(conversation_id, report.to_dict(), findings, status, note, inputs)
        return self.current(conversation_id, version)

    # ---------- checking ----------

    def _check_text(self, conversation_id: str, text: str, prefs: Prefs) -> Iterator[Event]:
        parsed = services.parse(text.encode("utf-8"), "粘贴的报告.txt")
        yield from self._checked(conversation_id, parsed, "粘贴的报告")

    def _checked(self, conversation_id: str, parsed: Any, name: str) -> Iterator[Event]:
        for note in tuple(getattr(parsed, "notes", ()))[:10]:
            yield Notice(str(getattr(note, "message", note)), "info")
        result = services.check(parsed.report, previous=self._previous(parsed.report))
        findings = [finding_to_dict(f) for f in result.findings]
        state = self._save_version(conversation_id, parsed.report, findings, str(result.status), f"检查：{name}")
        yield FindingsReady(tuple(state.findings), state.status)
        yield DraftUpdated(state)
        yield TextChunk(f"已检查《{parsed.report.display_title}》（{name}）。\n\n" + summary_text(state))

    def _previous(self, report: Report) -> Report | None:
        if not report.agency or not report.year:
            return None
        try:
            return self.index.previous_report(report.agency, report.year)
        except (ReportError, RuntimeError, sqlite3.Error):  # an unreadable index only loses the cross-year checks
            log.warning("previous report lookup failed", exc_info=True)
            return None

    def _with_files(self, conversation_id: str, text: str, files: Sequence[str | Path], prefs: Prefs) -> Iterator[Event]:
        year = prefs.apply(self.settings).draft_year
        counts = None
        for upload in [read_upload(path) for path in files]:
            kind, payload = services.sniff(upload, year)
            if kind == "report":
                yield from self._checked(conversation_id, payload, upload.name)
            else:
                counts = payload
        if counts is not None:
            yield from self._draft(conversation_id, text.strip(), prefs, counts)

    # ---------- asking ----------

    def ask(self, question: str, prefs: Prefs | None = None) -> Any:
        """The index's answer to a question about past reports (figures exact, with sources)."""
        settings = (prefs or Prefs()).apply(self.settings)
        return self.index.ask(question, agency=settings.agency or None, draft_year=settings.draft_year)

    def _ask(self, conversation_id: str, text: str, prefs: Prefs) -> Iterator[Event]:
        yield Progress(0, 1, "正在查找往年报告…")
        answer = self.ask(text, prefs)
        yield TextChunk(answer.text)
        if answer.sources:
            yield Sources(tuple(answer.sources))

    # ---------- versions and export ----------

    def current(self, conversation_id: str, version: int | None = None) -> DraftState | None:
        """The latest (or a given) saved version of a conversation's draft."""
        stored = self.store.version(conversation_id, version)
        if stored is None:
            return None
        return state_from(stored, self.store.version_numbers(conversation_id))

    def versions(self, conversation_id: str) -> list[DraftVersion]:
        """Every saved version, oldest first."""
        return self.store.versions(conversation_id)

    def restore(self, conversation_id: str, version: int) -> DraftState:
        """Make an earlier version current again (saved as a new version, so nothing is lost)."""
        with self._restore_lock:
            old = self.current(conversation_id, version)
            if old is None:
                raise ChatError(f"没有第 {version} 版草稿。")
            latest = self.current(conversation_id)
            if latest.report == old.report and latest.status == old.status:
                return latest
            note = f"恢复到第 {version} 版"
            state = self._save_version(conversation_id, old.report, list(old.findings), old.status, note, old.inputs)
            self.store.add_message(conversation_id, "assistant", f"已{note}（现为第 {state.version} 版）。", "notice")
            return state

    def export(self, conversation_id: str, fmt: str, version: int | None = None) -> Path:
        """Write the draft as .docx or .md into data_dir/exports and return the file."""
        if fmt not in EXPORT_FORMATS:
            raise ChatError(f"不支持的导出格式：{fmt}（可选 docx、md）")
        state = self.current(conversation_id, version)
        if state is None:
            raise ChatError("这个对话还没有草稿可以下载。")
        folder = Path(self.settings.data_dir) / "exports" / conversation_id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{safe_file_name(state.report.display_title)}-第{state.version}版.{fmt}"
        services.write_export(state.report, fmt, path)
        return path

    # ---------- index ----------

    def upload_to_index(self, paths: Sequence[str | Path], on_progress: Callable[..., None] | None = None) -> Any:
        """Add past reports to the index (size-checked first); returns the index's summary."""
        for path in paths:
            read_upload(path)
        try:
            return self.index.ingest([Path(p) for p in paths], on_progress=on_progress)
        except RuntimeError as exc:
            raise ChatError(str(exc)) from None

    def indexed(self) -> list[Any]:
        """The reports in the index."""
        return list(self.index.list())

    def remove_indexed(self, report_id: str) -> Any:
        """Remove one report from the index."""
        try:
            return self.index.remove(report_id)
        except RuntimeError as exc:
            raise ChatError(str(exc)) from None

    def test_connection(self, prefs: Prefs) -> str:
        """A Chinese sentence saying whether the configured model endpoint answers."""
        return services.test_connection(prefs.apply(self.settings))

    def _name_conversation(self, conversation_id: str, text: str, files: Sequence[str | Path]) -> None:
        conversation = self.store.conversation(conversation_id)
        if conversation is None or conversation.title:
            return
        first = text.strip().splitlines()[0] if text.strip() else "、".join(Path(p).name for p in files)
        if first:
            self.store.set_title(conversation_id, first[:TITLE_CHARS])


def state_from(stored: DraftVersion, numbers: tuple[int, ...] = ()) -> DraftState:
    """A saved version as the draft state the page shows."""
    return DraftState(
        conversation_id=stored.conversation_id, version=stored.version, report=report_from_dict(stored.report),
        findings=tuple(sorted_findings(stored.findings)), status=stored.status, note=stored.note,
        versions=numbers or (stored.version,), inputs=stored.extra,
    )


def read_upload(path: str | Path) -> Upload:
    """An uploaded file's bytes, refusing what is missing, empty or too large."""
    path = Path(path)
    if not path.is_file():
        raise ChatError(f"找不到上传的文件：{path.name}")
    size = path.stat().st_size
    if size > MAX_UPLOAD_BYTES:
        raise ChatError(f"文件 {path.name} 太大（{size / 1048576:.1f} MB，上限 {MAX_UPLOAD_BYTES // 1048576} MB）。")
    if size == 0:
        raise ChatError(f"文件 {path.name} 是空的。")
    return Upload(path.name, path.read_bytes(), path)


def summary_text(state: DraftState) -> str:
    """A short Chinese summary of a draft's status and its first findings."""
    errors = [f for f in state.findings if f.get("severity") == "error"]
    others = len(state.findings) - len(errors)
    head = f"第 {state.version} 版：{'可以发布' if state.status == 'ready' else '需要复核'}"
    head += f"（{len(errors)} 个错误，{others} 个提醒）。"
    lines = [f"- {location_label(f.get('loc'))}：{f.get('message')}" for f in state.findings[:5]]
    more = "\n- …详见右侧列表" if len(state.findings) > 5 else ""
    return head + ("\n" + "\n".join(lines) + more if lines else "")


def format_sources(items: Iterable[dict[str, Any]]) -> str:
    """Sources as one 来源 line each."""
    lines = []
    for item in items:
        label = item.get("location") or item.get("label") or "".join(
            f"{item[k]}{suffix}" for k, suffix in (("agency", ""), ("year", "年报告 "), ("table", " "), ("row", " "),
                                                   ("column", "")) if item.get(k)
        )
        name = item.get("file_name") or ""
        lines.append(f"来源：{label}" + (f"（{name}）" if name else ""))
    return "\n".join(lines)


def notice_prefix(level: str) -> str:
    """The mark shown before a notice of a level."""
    return {"error": "【错误】", "warning": "【注意】"}.get(level, "【提示】")


def safe_file_name(name: str) -> str:
    """A file name without path separators or characters that upset Windows."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", name).strip(" ._")
    return cleaned[:80] or "年度报告"


def _stored_user_text(text: str, files: Sequence[str | Path]) -> str:
    shown = text if len(text) <= MAX_TEXT_CHARS else text[:2000] + f"\n…（消息过长，共 {len(text):,} 字，未处理）"
    names = "、".join(Path(p).name for p in files)
    return shown + (f"\n[附件：{names}]" if names else "")
