"""Start the real page (`python app.py`) in a subprocess on a free 127.0.0.1 port, for API and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
DRAFT_YEAR = "2025"
CLEARED = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL", "ASSISTANT_BACKEND", "ASSISTANT_LOCAL_MODEL",
    "ASSISTANT_CHROMA_URL", "ASSISTANT_EMBEDDER", "ASSISTANT_AGENCY", "ASSISTANT_USERS", "ASSISTANT_HOST",
    "ASSISTANT_PORT", "LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2", "GRADIO_TEMP_DIR",
)
START_TIMEOUT = 90


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a test server: offline, no model endpoint, the draft year fixed."""
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1",
               ANONYMIZED_TELEMETRY="False", ASSISTANT_DRAFT_YEAR=DRAFT_YEAR, ASSISTANT_DATA_DIR=str(data_dir),
               PYTHONUNBUFFERED="1", GRADIO_TEMP_DIR=str(data_dir / "gradio-tmp"))
    env.update(extra)
    return env


class AppServer:
    """One `python app.py --port N --data-dir DIR` process; stop() and start() again to restart it."""

    def __init__(self, data_dir: Path, port: int | None = None, args: tuple[str, ...] = (), **env: str):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.args = args
        self.env = server_env(self.data_dir, **env)
        self.process: subprocess.Popen | None = None
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def command(self) -> list[str]:
        return [sys.executable, str(PROJECT / "app.py"), "--port", str(self.port), "--data-dir", str(self.data_dir),
                *self.args]

    def start(self) -> AppServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(self.command(), cwd=PROJECT, env=self.env, stdout=log, stderr=log)
        log.close()
        self._wait_until_up()
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"app.py exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "config", timeout=2) as reply:
                    if reply.status in (200, 401):
                        return
            except OSError as exc:
                if getattr(exc, "code", None) == 401:
                    return
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"app.py did not answer within {START_TIMEOUT} s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-4000:] if self.log_path.exists() else ""
