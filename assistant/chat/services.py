"""The chat core's calls into the other parts (parse, check, draft, index, render, llm), in one place."""

from __future__ import annotations

import csv
import io
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from assistant.events import Event
from assistant.report import ParseResult, Report, ReportError
from assistant.settings import Settings

if TYPE_CHECKING:  # the session module imports this one
    from assistant.chat.session import Upload

DRAFT_CACHE_SIZE = 256

_drafts: OrderedDict[tuple[str, int], Any] = OrderedDict()
_drafts_lock = threading.Lock()


_backends: OrderedDict[tuple, Any] = OrderedDict()
_backends_lock = threading.Lock()
BACKEND_CACHE_SIZE = 16


def make_llm(settings: Settings) -> Any:
    """The drafting backend the settings choose (kept for reuse: a local model starts only once)."""
    key = (settings.backend, settings.base_url, settings.api_key, settings.model, settings.local_model)
    with _backends_lock:
        if key not in _backends:
            _backends[key] = _new_backend(settings)
            while len(_backends) > BACKEND_CACHE_SIZE:
                _backends.popitem(last=False)
        return _backends[key]


def _new_backend(settings: Settings) -> Any:
    from assistant.draft.offline import OfflineDrafter
    from assistant.llm import make_backend

    return make_backend(settings, offline_factory=OfflineDrafter)


def open_index(settings: Settings) -> Any:
    """The index of past reports in the data folder (safe to share between threads)."""
    from assistant.index.index import Index

    return Index(settings)


def parse(data: bytes, name: str) -> ParseResult:
    """A report parsed from bytes, sniffed by content; ReportError with a Chinese message otherwise."""
    from assistant.parse import parse_bytes

    return parse_bytes(data, name)


def check(report: Report, previous: Report | None = None) -> Any:
    """The validator's result on a report."""
    from assistant.validate import check as validate

    return validate(report, previous=previous)


def sniff(upload: Upload, year: int) -> tuple[str, Any]:
    """('report', ParseResult) or ('counts', counts) by what an upload holds; the parser's error otherwise."""
    try:
        parsed = parse(upload.data, upload.name)
    except ReportError as report_error:
        counts = _counts_or_none(upload, year)
        if counts is None:
            raise report_error from None
        return "counts", counts
    counts = None if _has_content(parsed.report) else _counts_or_none(upload, year)
    return ("counts", counts) if counts is not None else ("report", parsed)


def _has_content(report: Report) -> bool:
    return any(report.sections.values()) or any(value is not None for _, value in report.cells())


def _counts_or_none(upload: Upload, year: int) -> Any:
    from assistant.draft.inputs import counts_from_json, counts_from_rows, read_text, xlsx_rows

    try:
        if upload.data[:2] == b"PK":
            return counts_from_rows(xlsx_rows(upload.path), year)
        text = read_text(upload.path)
        if text.lstrip()[:1] == "{":
            return counts_from_json(text)
        if text.count(",") >= 2 and "\x00" not in text:
            return counts_from_rows(list(csv.reader(io.StringIO(text))), year)
    except (ReportError, ValueError):
        return None
    return None


def draft_request(agency: str, year: int, notes: str, counts: Any = None) -> Any:
    """The drafting request of the drafting module."""
    from assistant.draft import DraftRequest

    return DraftRequest(agency=agency, year=year, notes=notes, counts=counts)


def iter_draft(request: Any, llm: Any, index: Any) -> Iterator[Event]:
    """The drafting module's event stream for a new draft."""
    from assistant.draft import iter_draft as drafting

    return drafting(request, llm=llm, index=index)


def iter_revise(draft: Any, instruction: str, llm: Any, index: Any) -> Iterator[Event]:
    """The drafting module's event stream for a revision."""
    from assistant.draft import iter_revise as revising

    return revising(draft, instruction, llm=llm, index=index)


def remember(conversation_id: str, version: int, draft: Any) -> None:
    """Keep a draft object (with its facts and conflicts) for the next revision of this version."""
    with _drafts_lock:
        _drafts[(conversation_id, version)] = draft
        while len(_drafts) > DRAFT_CACHE_SIZE:
            _drafts.popitem(last=False)


def draft_inputs(draft: Any) -> dict[str, Any]:
    """What a revision needs besides the report (the drafting request and the facts), as JSON data."""
    request, facts = getattr(draft, "request", None), getattr(draft, "facts", None)
    return {
        "request": request.model_dump(mode="json") if request is not None else None,
        "facts": facts.model_dump(mode="json") if facts is not None else None,
    }


def draft_from_state(state: Any) -> Any:
    """The draft object of a saved version: the one kept in memory, or rebuilt from the stored inputs."""
    with _drafts_lock:
        kept = _drafts.get((state.conversation_id, state.version))
    if kept is not None:
        return kept
    from assistant.draft import Draft, DraftRequest, Facts

    inputs = state.inputs or {}
    request = DraftRequest.model_validate(inputs["request"]) if inputs.get("request") else None
    facts = Facts.model_validate(inputs["facts"]) if inputs.get("facts") else Facts()
    return Draft(state.report, (), state.status, (), (), facts, "", 0, 0, request)


def write_export(report: Report, fmt: str, path: Path) -> None:
    """Write the report as .docx or .md."""
    from assistant.render import write

    write(report, path, fmt)


def test_connection(settings: Settings) -> str:
    """Whether the configured backend answers, in Chinese; never raises."""
    from assistant.llm.base import LLMError

    if settings.backend == "offline":
        return "当前使用离线模板（不调用模型），无需连接。"
    try:
        backend = make_llm(settings)
        checker = getattr(backend, "check_connection", None)
        return checker() if checker else f"{getattr(backend, 'name', settings.backend)} 已就绪。"
    except (LLMError, ReportError) as exc:
        return f"连接失败：{exc}"
    except Exception as exc:
        return f"连接失败（{type(exc).__name__}）：{exc}"
