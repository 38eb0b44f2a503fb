"""Prompt and sentence templates: files under prompts/, filled with {variable} placeholders."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.settings import PROJECT_DIR

PROMPTS_DIR = PROJECT_DIR / "prompts"
SUFFIXES = (".md", ".txt")


class PromptError(KeyError):
    """A prompt file is missing, or a template names a variable that was not given."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class _StrictVariables(dict):
    """A mapping for str.format_map that names the prompt and the variable it lacks."""

    def __init__(self, prompt: str, values: dict[str, Any]):
        super().__init__(values)
        self.prompt = prompt

    def __missing__(self, key: str) -> Any:
        raise PromptError(f"提示词 {self.prompt} 缺少变量：{key}")


def prompt_path(name: str, root: Path | None = None) -> Path:
    """The file of a prompt name such as 'repair' or 'offline/s3_none'."""
    base = root or PROMPTS_DIR
    for suffix in SUFFIXES:
        path = base / f"{name}{suffix}"
        if path.is_file():
            return path
    raise PromptError(f"找不到提示词文件：{name}（在 {base} 下）")


@lru_cache(maxsize=256)
def _template(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip("\n")


def load_prompt(name: str, *, root: Path | None = None, **variables: Any) -> str:
    """The prompt prompts/<name>.md (or .txt) with every {variable} filled; extra variables are ignored."""
    template = _template(prompt_path(name, root))
    try:
        return template.format_map(_StrictVariables(name, variables))
    except (ValueError, IndexError) as exc:
        raise PromptError(f"提示词 {name} 的模板语法有误：{exc}") from None
