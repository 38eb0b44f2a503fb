"""Typed events that the core yields while it works, for the CLI and the page to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TextChunk:
    """A piece of the assistant's reply text, as it streams."""

    text: str


@dataclass(frozen=True)
class Progress:
    """How far a long task has got."""

    done: int
    total: int
    label: str = ""


@dataclass(frozen=True)
class Notice:
    """A message for the user that is not part of the reply (a fallback, a conflict in the inputs)."""

    message: str
    level: str = "info"


@dataclass(frozen=True)
class Sources:
    """Where the facts of a reply came from."""

    items: tuple[dict[str, Any], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class FindingsReady:
    """The validator's findings on a report or draft."""

    findings: tuple[Any, ...]
    status: str


@dataclass(frozen=True)
class DraftUpdated:
    """A new version of the draft (the draft object of assistant.draft)."""

    draft: Any


Event = TextChunk | Progress | Notice | Sources | FindingsReady | DraftUpdated
