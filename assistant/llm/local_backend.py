"""A GGUF model served in-process by xllamacpp's llama.cpp server on 127.0.0.1, used through OpenAIBackend."""

from __future__ import annotations

import importlib.util
import secrets
import threading
from pathlib import Path
from typing import Any, Callable

from assistant.llm.base import LLMError, Request
from assistant.llm.openai_backend import OpenAIBackend

GGUF_MAGIC = b"GGUF"
INSTALL_HINT = "本地模型需要安装 xllamacpp：pip install 'nianbao-assistant[local]'"


class LocalBackend:
    """Starts the llama.cpp server on first use (a free port of 127.0.0.1) and stops it on close()."""

    is_model = True

    def __init__(
        self, gguf_path: str | Path, n_ctx: int = 2048, threads: int = 2,
        max_tokens: int = 1024, timeout: float = 300,
    ) -> None:
        self.gguf_path = Path(gguf_path).expanduser()
        self.n_ctx = n_ctx
        self.threads = threads
        self.max_tokens = max_tokens
        self.timeout = timeout
        self.name = f"local:{self.gguf_path.name}"
        self._server: Any = None
        self._backend: OpenAIBackend | None = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str | None:
        """The OpenAI base URL of the running server, None when it is not running."""
        return self._backend.base_url if self._backend else None

    def generate(self, request: Request, on_chunk: Callable[[str], None] | None = None) -> str:
        """The model's reply, served by the local llama.cpp server."""
        return self.start().generate(request, on_chunk)

    def check_connection(self) -> str:
        """Start the model and check it answers."""
        self.start().check_connection()
        return f"本地模型 {self.gguf_path.name} 已加载并能正常回复。"

    def validate(self) -> None:
        """LLMError now, without starting anything, if the model file or xllamacpp is missing."""
        check_gguf(self.gguf_path)
        if importlib.util.find_spec("xllamacpp") is None:
            raise LLMError(INSTALL_HINT)

    def start(self) -> OpenAIBackend:
        """The backend talking to the server, starting the server first if needed."""
        with self._lock:
            if self._backend is None:
                check_gguf(self.gguf_path)
                self._server, self._backend = self._launch()
            return self._backend

    def close(self) -> None:
        """Stop the server (dropping the last reference stops llama.cpp's server)."""
        with self._lock:
            self._server = None
            self._backend = None

    def __enter__(self) -> LocalBackend:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _launch(self) -> tuple[Any, OpenAIBackend]:
        xllamacpp = import_xllamacpp()
        key = secrets.token_urlsafe(16)
        try:
            server = xllamacpp.Server(self._params(xllamacpp, key))
        except Exception as error:
            raise LLMError(f"本地模型 {self.gguf_path.name} 启动失败：{error}") from None
        base_url = server.listening_address.rstrip("/") + "/v1"
        backend = OpenAIBackend(
            base_url, key, self.gguf_path.stem, timeout=self.timeout, max_retries=0, max_tokens=self.max_tokens,
        )
        return server, backend

    def _params(self, xllamacpp: Any, key: str) -> Any:
        params = xllamacpp.CommonParams()
        params.model.path = str(self.gguf_path)
        params.model_alias = {self.gguf_path.stem}
        params.n_ctx = self.n_ctx
        params.n_predict = self.max_tokens
        params.cpuparams.n_threads = self.threads
        params.cpuparams_batch.n_threads = self.threads
        params.hostnames = ["127.0.0.1"]
        params.port = 0
        params.api_keys = [key]
        params.ui = False
        params.warmup = False
        params.verbosity = 0
        return params


def check_gguf(path: Path) -> None:
    """LLMError unless path is a readable GGUF file."""
    if not path.is_file():
        raise LLMError(f"找不到本地模型文件：{path}")
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise LLMError(f"无法读取本地模型文件 {path}：{error.strerror}") from None
    if magic != GGUF_MAGIC:
        raise LLMError(f"{path.name} 不是 GGUF 格式的模型文件")


def import_xllamacpp() -> Any:
    """The xllamacpp module, or LLMError telling how to install it."""
    try:
        import xllamacpp
    except ImportError:
        raise LLMError(INSTALL_HINT) from None
    return xllamacpp
