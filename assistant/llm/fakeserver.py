"""A real OpenAI-compatible HTTP server on 127.0.0.1 with scripted replies, for tests and benchmarks."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterable, Mapping, Union

RATE_LIMIT_HEADERS = {"Retry-After": "0", "retry-after-ms": "10"}
ERROR_TYPES = {
    400: "invalid_request_error", 401: "invalid_api_key", 403: "permission_denied",
    404: "model_not_found", 429: "rate_limit_exceeded",
}


@dataclass(frozen=True)
class ScriptedReply:
    """One answer of the fake server.

    text: the assistant's reply (or the error message when status is not 200).
    delay: seconds to wait before answering (longer than the client timeout makes a timeout).
    stream_ok: False cuts a streamed reply off halfway, with no finish reason and no [DONE].
    raw_body: bytes sent verbatim instead of a JSON body (garbage replies).
    headers: extra response headers; a 429 gets Retry-After: 0 unless given.
    chunk_chars: characters per streamed chunk.
    """

    text: str = ""
    status: int = 200
    delay: float = 0.0
    stream_ok: bool = True
    raw_body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    chunk_chars: int = 4
    finish_reason: str = "stop"


@dataclass(frozen=True)
class RecordedRequest:
    """A request the fake server received (header names in lower case)."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: Any

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages of a chat-completions request."""
        return list((self.body or {}).get("messages", []))


ReplyLike = Union[ScriptedReply, str]
ReplyFactory = Callable[[dict], ReplyLike]


def as_reply(reply: ReplyLike) -> ScriptedReply:
    """A ScriptedReply from a reply or plain text."""
    return reply if isinstance(reply, ScriptedReply) else ScriptedReply(text=reply)


class FakeOpenAIServer:
    """Serves POST /v1/chat/completions (JSON or SSE) and GET /v1/models from a queue of scripted replies."""

    def __init__(
        self,
        replies: Iterable[ReplyLike] = (),
        *,
        default: ReplyLike | ReplyFactory | None = None,
        models: Iterable[str] = ("fake-model",),
        api_key: str | None = None,
    ) -> None:
        self._queue: deque[ScriptedReply] = deque(as_reply(r) for r in replies)
        self._default = default
        self.models = list(models)
        self.api_key = api_key
        self.requests: list[RecordedRequest] = []
        self.script_errors: list[Exception] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not started")
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """The OpenAI base URL, ending in /v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat-completions requests received so far."""
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def add(self, *replies: ReplyLike) -> None:
        """Queue more replies."""
        with self._lock:
            self._queue.extend(as_reply(r) for r in replies)

    def start(self) -> FakeOpenAIServer:
        """Listen on a free port of 127.0.0.1 in a background thread."""
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, args=(0.05,), name="fake-openai", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port; delayed replies are abandoned."""
        if self._httpd is None:
            return
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        self._httpd = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
        if self.script_errors and exc_info[0] is None:
            raise self.script_errors[0]

    def record(self, request: RecordedRequest) -> None:
        """Keep a received request."""
        with self._lock:
            self.requests.append(request)

    def next_reply(self, body: dict) -> ScriptedReply:
        """The next scripted reply: from the queue, else the default (text or function of the request)."""
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        if self._default is None:
            return ScriptedReply(text="FakeOpenAIServer: no scripted reply left", status=500)
        if callable(self._default):
            return self._scripted(body)
        return as_reply(self._default)

    def _scripted(self, body: dict) -> ScriptedReply:
        """The default function's reply; its exception is kept (and raised on leaving the with block), not lost."""
        try:
            return as_reply(self._default(body))
        except Exception as error:  # a bug in the test's script: answered with a 500, re-raised in the test
            with self._lock:
                self.script_errors.append(error)
            return ScriptedReply(text=f"FakeOpenAIServer: the reply script failed: {error!r}", status=500)

    def wait(self, seconds: float) -> bool:
        """Sleep up to seconds; False if the server is stopping meanwhile."""
        return not self._stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAIServer

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up (timeouts, stopped tests) are expected; stay quiet."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr."""

    def do_GET(self) -> None:
        self._record(None)
        if not self._authorized():
            return
        if self.path.rstrip("/").endswith("/models"):
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.server.fake.models]
            self._send_json(200, {"object": "list", "data": data})
        else:
            self._send_error(404, f"no route for GET {self.path}")

    def do_POST(self) -> None:
        body = self._read_json()
        self._record(body)
        if not self._authorized():
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_error(404, f"no route for POST {self.path}")
        elif body is None:
            self._send_error(400, "request body is not JSON")
        else:
            self._answer(body, self.server.fake.next_reply(body))

    def _answer(self, body: dict, reply: ScriptedReply) -> None:
        if reply.delay and not self.server.fake.wait(reply.delay):
            return
        if reply.raw_body is not None:
            self._send_bytes(reply.status, reply.raw_body, "application/json", reply.headers)
        elif reply.status != 200:
            self._send_error(reply.status, reply.text, reply.headers)
        elif body.get("stream"):
            self._send_stream(body, reply)
        else:
            self._send_json(200, completion(body, reply), reply.headers)

    def _send_stream(self, body: dict, reply: ScriptedReply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        events = stream_events(body, reply)
        if not reply.stream_ok:
            events = events[: max(1, len(events) // 2)]
        for event in events:
            self.wfile.write(b"data: " + event.encode("utf-8") + b"\n\n")
            self.wfile.flush()

    def _authorized(self) -> bool:
        expected = self.server.fake.api_key
        if expected is None or self.headers.get("Authorization") == f"Bearer {expected}":
            return True
        self._send_error(401, "Incorrect API key provided.")
        return False

    def _read_json(self) -> dict | None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            parsed = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        return parsed if isinstance(parsed, dict) else None

    def _record(self, body: dict | None) -> None:
        path = self.path.split("?", 1)[0]
        self.server.fake.record(RecordedRequest(self.command, path, {k.lower(): v for k, v in self.headers.items()}, body))

    def _send_error(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        extra = dict(RATE_LIMIT_HEADERS) if status == 429 else {}
        extra.update(headers or {})
        error = {"message": message, "type": ERROR_TYPES.get(status, "server_error"), "code": status}
        self._send_json(status, {"error": error}, extra)

    def _send_json(self, status: int, payload: dict, headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self._send_bytes(status, data, "application/json", headers or {})

    def _send_bytes(self, status: int, data: bytes, content_type: str, headers: Mapping[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def completion(body: dict, reply: ScriptedReply) -> dict:
    """A non-streaming chat-completion response."""
    choice = {
        "index": 0,
        "message": {"role": "assistant", "content": reply.text},
        "finish_reason": reply.finish_reason,
    }
    return {**_envelope(body, "chat.completion"), "choices": [choice], "usage": _usage(body, reply)}


def stream_events(body: dict, reply: ScriptedReply) -> list[str]:
    """The SSE data lines of a streamed reply, ending with [DONE]."""
    envelope = _envelope(body, "chat.completion.chunk")
    size = max(1, reply.chunk_chars)
    pieces = [reply.text[i:i + size] for i in range(0, len(reply.text), size)]
    deltas = [{"role": "assistant", "content": ""}] + [{"content": p} for p in pieces]
    events = [_chunk(envelope, delta, None) for delta in deltas]
    events.append(_chunk(envelope, {}, reply.finish_reason))
    if (body.get("stream_options") or {}).get("include_usage"):
        events.append(json.dumps({**envelope, "choices": [], "usage": _usage(body, reply)}, ensure_ascii=False))
    return events + ["[DONE]"]


def _chunk(envelope: dict, delta: dict, finish_reason: str | None) -> str:
    choice = {"index": 0, "delta": delta, "finish_reason": finish_reason}
    return json.dumps({**envelope, "choices": [choice]}, ensure_ascii=False)


def _envelope(body: dict, kind: str) -> dict:
    return {"id": "chatcmpl-fake", "object": kind, "created": int(time.time()), "model": body.get("model", "")}


def _usage(body: dict, reply: ScriptedReply) -> dict:
    prompt = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
    return {"prompt_tokens": prompt, "completion_tokens": len(reply.text), "total_tokens": prompt + len(reply.text)}


def unused_port() -> int:
    """A port of 127.0.0.1 with nothing listening on it (for connection-refused tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
