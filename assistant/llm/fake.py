"""A scripted in-process backend for tests of the code that calls a model."""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterable

from assistant.llm.base import LLMError, Request


class ScriptedLLM:
    """Answers with the scripted replies in order (raising the scripted exceptions) and records every request."""

    is_model = True

    def __init__(self, replies: Iterable[str | Exception], name: str = "scripted", chunk_chars: int = 4) -> None:
        self.name = name
        self.chunk_chars = max(1, chunk_chars)
        self.requests: list[Request] = []
        self._replies: deque[str | Exception] = deque(replies)

    @property
    def remaining(self) -> int:
        """How many scripted replies are left."""
        return len(self._replies)

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The next scripted reply, streamed through on_chunk in small pieces; a scripted exception is raised."""
        self.requests.append(request)
        if not self._replies:
            raise LLMError(f"ScriptedLLM 的回复已用完（第 {len(self.requests)} 次调用，任务 {request.task}）")
        reply = self._replies.popleft()
        if isinstance(reply, BaseException):
            raise reply
        if on_chunk is not None:
            for piece in pieces(reply, self.chunk_chars):
                on_chunk(piece)
        return reply


def pieces(text: str, size: int) -> list[str]:
    """The text cut into pieces of at most size characters."""
    return [text[i:i + size] for i in range(0, len(text), size)]
