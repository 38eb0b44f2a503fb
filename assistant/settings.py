"""Settings read from the environment, with the embedded offline defaults."""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BACKENDS = ("offline", "openai", "local")


@dataclass(frozen=True)
class Settings:
    """Where data lives, which drafting backend and embedder to use, and the year being drafted."""

    data_dir: Path
    backend: str = "offline"
    model: str = ""
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    local_model: str = ""
    embedder: str = ""
    chroma_url: str = ""
    draft_year: int = 0
    agency: str = ""

    def with_changes(self, **changes) -> Settings:
        """A copy with some settings changed."""
        return replace(self, **changes)


def default_backend(env: dict[str, str]) -> str:
    """The configured backend, or the one the environment implies, or offline."""
    chosen = env.get("ASSISTANT_BACKEND", "").strip().lower()
    if chosen in BACKENDS:
        return chosen
    if env.get("ASSISTANT_LOCAL_MODEL"):
        return "local"
    if env.get("OPENAI_BASE_URL") or env.get("OPENAI_API_KEY"):
        return "openai"
    return "offline"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Settings from the environment (os.environ unless given)."""
    env = dict(os.environ if env is None else env)
    year = env.get("ASSISTANT_DRAFT_YEAR", "").strip()
    return Settings(
        data_dir=Path(env.get("ASSISTANT_DATA_DIR") or PROJECT_DIR / "data"),
        backend=default_backend(env),
        model=env.get("ASSISTANT_MODEL", ""),
        base_url=env.get("OPENAI_BASE_URL", ""),
        api_key=env.get("OPENAI_API_KEY", ""),
        local_model=env.get("ASSISTANT_LOCAL_MODEL", ""),
        embedder=env.get("ASSISTANT_EMBEDDER", ""),
        chroma_url=env.get("ASSISTANT_CHROMA_URL", ""),
        draft_year=int(year) if year.isdigit() else _dt.date.today().year,
        agency=env.get("ASSISTANT_AGENCY", ""),
    )
