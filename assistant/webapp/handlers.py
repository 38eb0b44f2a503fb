"""The page's event handlers: each translates between Gradio values and one call into the chat core."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

import gradio as gr

from assistant.chat import ChatError, ChatSession, Prefs, prefs_from
from assistant.chat.helptext import help_message
from assistant.chat.views import DraftState, locate
from assistant.events import DraftUpdated
from assistant.report import ReportError
from assistant.webapp.view import (
    LiveReply, UiState, chat_messages, conversation_choices, escape_text, index_rows, panel, restored_state,
)

PANEL_SIZE = 7


class Handlers:
    """Every handler of the page, bound to one chat session core."""

    def __init__(self, session: ChatSession):
        self.session = session

    # ---------- conversations ----------

    def load(self, kept: dict, state: UiState, request: gr.Request) -> tuple:
        """Restore this browser's conversation (or start one with the help message) and its settings."""
        state = restored_state(kept, request.username)
        state.conversation_id = self._open_conversation(state)
        return (*self._conversation_view(state), *self.show_settings(state))

    def new_conversation(self, state: UiState) -> tuple:
        """Start a fresh conversation."""
        state.conversation_id = self._fresh_conversation(state.owner)
        return self._conversation_view(state)

    def select_conversation(self, conversation_id: str, state: UiState) -> tuple:
        """Open a conversation from the list (only one of this owner's)."""
        if conversation_id and self.session.owns(conversation_id, state.owner):
            state.conversation_id = conversation_id
        return self._conversation_view(state)

    def _open_conversation(self, state: UiState) -> str:
        if state.conversation_id and self.session.owns(state.conversation_id, state.owner):
            return state.conversation_id
        existing = self.session.conversations(state.owner)
        return existing[0].id if existing else self._fresh_conversation(state.owner)

    def _fresh_conversation(self, owner: str) -> str:
        conversation_id = self.session.new_conversation(owner)
        self.session.store.add_message(conversation_id, "assistant", help_message(), "help")
        return conversation_id

    def _conversation_view(self, state: UiState) -> tuple:
        messages = chat_messages(self.session.history(state.conversation_id))
        draft = self._panel(self.session.current(state.conversation_id))
        return (state, state.saved(), self._conversation_list(state), messages, *draft)

    def _conversation_list(self, state: UiState) -> gr.Radio:
        choices = conversation_choices(self.session.conversations(state.owner))
        return gr.Radio(choices=choices, value=state.conversation_id)

    # ---------- one message ----------

    def submit(self, message: dict | None, state: UiState) -> Iterator[tuple]:
        """Send a message and stream the reply; the draft panel follows the DraftUpdated events."""
        text, files = (message or {}).get("text") or "", (message or {}).get("files") or []
        messages = chat_messages(self.session.history(state.conversation_id))
        messages += [{"role": "user", "content": _shown_message(text, files)},
                     {"role": "assistant", "content": "正在处理…"}]
        skip = (gr.skip(),) * PANEL_SIZE
        yield (gr.MultimodalTextbox(value=None, interactive=False), messages, gr.skip(), *skip)
        live, failed, drafted = LiveReply(), gr.skip(), skip
        try:
            for event in self.session.send(state.conversation_id, text, files, state.prefs):
                live.take(event)
                messages[-1] = {"role": "assistant", "content": live.shown()}
                draft = self._panel(event.draft) if isinstance(event, DraftUpdated) else skip
                drafted = draft if draft is not skip else drafted
                yield (gr.skip(), messages, gr.skip(), *draft)
        except ReportError as exc:
            messages[-1] = {"role": "assistant", "content": escape_text(f"【错误】{exc}")}
            failed = messages
        # the last update repeats the panel: it is the one Gradio sends whole, whatever streamed before
        yield (gr.MultimodalTextbox(value=None, interactive=True), failed, self._conversation_list(state), *drafted)

    # ---------- draft panel ----------

    def show_location(self, state: UiState, event: gr.SelectData) -> str:
        """The sentence or cell of the clicked finding."""
        current = self.session.current(state.conversation_id)
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        if current is None or row is None or not 0 <= row < len(current.findings):
            return ""
        return locate(current.report, current.findings[row])

    def restore_version(self, version: int | None, state: UiState) -> tuple:
        """Go back to an earlier version (saved as a new version, so nothing is lost)."""
        try:
            restored = self.session.restore(state.conversation_id, int(version or 0))
        except ChatError as exc:
            gr.Warning(str(exc))
            return (gr.skip(),) * (PANEL_SIZE + 1)
        return (chat_messages(self.session.history(state.conversation_id)), *self._panel(restored))

    def _panel(self, state: DraftState | None) -> tuple:
        view = panel(self.session, state)
        return (
            view.html, view.status, view.findings, "",
            gr.Dropdown(choices=view.versions, value=view.version),
            gr.DownloadButton(value=view.docx, interactive=view.docx is not None),
            gr.DownloadButton(value=view.md, interactive=view.md is not None),
        )

    # ---------- index ----------

    def listing(self) -> tuple:
        """The index table and the removal choices."""
        rows = self.session.indexed()
        choices = [(f"{r.agency} {r.year} 年（{r.id}）", r.id) for r in rows]
        return index_rows(rows), gr.Dropdown(choices=choices, value=None)

    def ingest(self, paths: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple:
        """Add the uploaded reports to the index, with a progress bar."""
        if not paths:
            return "请先选择文件。", *self.listing()
        def shown(step: Any) -> None:
            progress((step.done, step.total), desc=f"正在索引 {step.label}")

        return self._index_change(lambda: self.session.upload_to_index(paths, on_progress=shown).text())

    def drop(self, report_id: str | None) -> tuple:
        """Remove the chosen report from the index."""
        if not report_id:
            return "请先选择要移除的报告。", *self.listing()
        return self._index_change(lambda: "已移除 {0.agency} {0.year} 年报告。".format(self.session.remove_indexed(report_id)))

    def _index_change(self, change) -> tuple:
        try:
            message = change()
        except ReportError as exc:
            message = f"【错误】{exc}"
        return escape_text(message), *self.listing()

    # ---------- settings ----------

    def save_settings(self, state: UiState, *values: Any) -> tuple:
        """Keep the new settings for this browser; the key field is emptied and says 已设置."""
        try:
            state.prefs = _prefs_from_fields(state, values)
        except ReportError as exc:
            return state, gr.skip(), gr.skip(), escape_text(f"【错误】{exc}")
        shown = "已设置" if state.prefs.api_key else "未设置"
        return state, state.saved(), gr.Textbox(value="", placeholder=shown), "设置已保存。"

    def check_connection(self, state: UiState, *values: Any) -> str:
        """Say whether the model endpoint answers, and what went wrong if not."""
        try:
            return escape_text(self.session.test_connection(_prefs_from_fields(state, values)))
        except ReportError as exc:
            return escape_text(f"【错误】{exc}")

    def show_settings(self, state: UiState) -> tuple:
        """Fill the settings fields from this browser's choices (never the key itself)."""
        chosen, server = state.prefs, self.session.settings
        placeholder = "已设置" if (chosen.api_key or server.api_key) else "未设置"
        return (chosen.agency or server.agency, chosen.draft_year or server.draft_year, chosen.backend or server.backend,
                chosen.base_url or server.base_url, chosen.model or server.model,
                gr.Textbox(value="", placeholder=placeholder))


def _shown_message(text: str, files: list) -> str:
    names = "、".join(Path(str(f)).name for f in files)
    return escape_text(text) + (f"\n\n附件：{escape_text(names)}" if names else "")


def _prefs_from_fields(state: UiState, values: tuple) -> Prefs:
    agency, year, backend, base_url, model, api_key = values
    prefs = prefs_from({"agency": agency or "", "draft_year": int(year or 0), "backend": backend or "",
                        "base_url": base_url or "", "model": model or "", "api_key": api_key or ""})
    return prefs if prefs.api_key else replace(prefs, api_key=state.prefs.api_key)
