"""The conversation core behind the page: routing, sessions, history and drafts (no Gradio here)."""

from assistant.chat.prefs import Prefs, prefs_from
from assistant.chat.router import Route, route
from assistant.chat.session import MAX_TEXT_CHARS, MAX_UPLOAD_BYTES, ChatError, ChatSession
from assistant.chat.store import ChatStore
from assistant.chat.views import DraftState

__all__ = [
    "MAX_TEXT_CHARS", "MAX_UPLOAD_BYTES", "ChatError", "ChatSession", "ChatStore", "DraftState", "Prefs",
    "Route", "prefs_from", "route",
]
