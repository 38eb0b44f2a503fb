"""The one interface every drafting backend implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Mapping, Protocol

from pydantic import BaseModel


@dataclass(frozen=True)
class Message:
    """One chat message."""

    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True)
class Request:
    """What to generate: the task (a prompt name), its variables, the rendered messages, an optional schema."""

    task: str
    variables: Mapping[str, Any] = field(default_factory=dict)
    messages: tuple[Message, ...] = ()
    schema: type[BaseModel] | None = None


class LLMError(RuntimeError):
    """A backend could not answer; the message says why, in Chinese."""


class LLM(Protocol):
    """A backend: a name, whether it is a real model, and one generate method."""

    name: str
    is_model: bool

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The full reply text; on_chunk receives pieces as they stream, where the backend streams."""
        ...
