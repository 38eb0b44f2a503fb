"""The drafting chain: notes and counts in, a validated draft out, with or without a language model."""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable, Iterator

from assistant.draft.chain import Draft, draft_report
from assistant.draft.conflicts import Conflict
from assistant.draft.facts import Facts, extract_facts
from assistant.draft.inputs import CountsIn, DraftRequest, RegisterEntry, load_counts, load_notes
from assistant.draft.offline import OfflineDrafter
from assistant.draft.register import load_register
from assistant.draft.revise import revise
from assistant.llm.base import LLM

__all__ = [
    "Conflict", "CountsIn", "Draft", "DraftRequest", "Facts", "OfflineDrafter", "RegisterEntry",
    "draft_report", "extract_facts", "iter_draft", "iter_revise", "load_counts", "load_notes",
    "load_register", "revise",
]
_DONE = object()


def iter_draft(request: DraftRequest, *, llm: LLM, index: Any = None) -> Iterator[Any]:
    """The events of drafting (TextChunk, Notice, Progress, FindingsReady, DraftUpdated), as they happen."""
    return _events(lambda emit: draft_report(request, llm=llm, index=index, on_event=emit))


def iter_revise(draft: Draft, instruction: str, *, llm: LLM, index: Any = None) -> Iterator[Any]:
    """The events of one chat edit, ending with DraftUpdated."""
    return _events(lambda emit: revise(draft, instruction, llm=llm, index=index, on_event=emit))


def _events(work: Callable[[Callable[[Any], None]], Draft]) -> Iterator[Any]:
    """Run work in a thread and yield the events it emits; its exception is re-raised here."""
    events: queue.Queue = queue.Queue()
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work(events.put)
        except BaseException as exc:  # re-raised in the consumer's thread
            failure.append(exc)
        finally:
            events.put(_DONE)

    thread = threading.Thread(target=target, name="draft", daemon=True)
    thread.start()
    while (event := events.get()) is not _DONE:
        yield event
    thread.join()
    if failure:
        raise failure[0]
