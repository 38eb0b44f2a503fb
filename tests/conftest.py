"""Shared test setup: every test runs with its own data folder and no model endpoint."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from assistant.settings import PROJECT_DIR

ISOLATED_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
}
CLEARED_ENV = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL", "ASSISTANT_BACKEND",
    "ASSISTANT_LOCAL_MODEL", "ASSISTANT_CHROMA_URL", "ASSISTANT_EMBEDDER",
    "ASSISTANT_DRAFT_YEAR", "ASSISTANT_AGENCY", "ASSISTANT_USERS",
    "LANGSMITH_TRACING", "LANGCHAIN_TRACING_V2",
)


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, tmp_path):
    """Point the data folder at a fresh tmp dir and remove any configured model endpoint."""
    for name in CLEARED_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in ISOLATED_ENV.items():
        monkeypatch.setenv(name, value)
    data_dir = tmp_path / "data"
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))
    return data_dir


VALIDATE_SUMMARY: list[str] = []


@pytest.fixture
def summary_lines() -> list[str]:
    """Lines a test wants printed in the terminal summary (e.g. mutation kill rates)."""
    return VALIDATE_SUMMARY


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the lines tests collected through the summary_lines fixture."""
    for line in VALIDATE_SUMMARY:
        terminalreporter.write_line(line)


TEST_GGUF = PROJECT_DIR / ".cache" / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="session")
def gguf() -> Path:
    """The small GGUF model that scripts/setup-tests.sh fetches, for tests of the local backend."""
    path = Path(os.environ.get("ASSISTANT_TEST_GGUF") or TEST_GGUF)
    if not path.is_file():
        pytest.fail(f"the test model {path} is missing: run `bash scripts/setup-tests.sh` "
                    "(or set ASSISTANT_TEST_GGUF to a GGUF file)")
    return path
