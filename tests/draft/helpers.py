"""Shared helpers of the drafting tests: the fixture cases, official-table spreadsheets, a scripted fake model."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.draft import DraftRequest, load_counts, load_notes, load_register
from assistant.report import (
    T2_ROW_LABELS, T3_COLUMNS, T3_ROW_LABELS, T4_COLUMNS, T4_GROUPS, empty_tables, t2_layout, t3_rows,
)

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "drafting"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if (p / "expected.json").is_file())


@dataclass(frozen=True)
class Case:
    """One drafting fixture: its request, what the draft must show, and its folder."""

    name: str
    request: DraftRequest
    expected: dict[str, Any]
    folder: Path

    @property
    def previous(self) -> Path | None:
        """Last year's report of the case, when it has one."""
        name = self.expected.get("previous")
        return self.folder / name if name else None


def load_case(name: str) -> Case:
    """The fixture case of a folder under tests/fixtures/drafting."""
    folder = CASES_DIR / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    year = expected["year"]
    request = DraftRequest(
        agency=expected["agency"], year=year, notes=load_notes(folder / "notes.txt"),
        counts=load_counts(folder / expected["counts"], year) if expected.get("counts") else None,
        register_entries=load_register(folder / expected["register"]) if expected.get("register") else None,
    )
    return Case(name, request, expected, folder)


def official_rows(t2: dict, t3: dict, t4: dict, fmt: str = "2021") -> list[list[Any]]:
    """Rows laid out like the printed tables: labels (with group labels in their own cells), then numbers."""
    rows: list[list[Any]] = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    for row, cols in t2_layout(fmt).items():
        rows.append([T2_ROW_LABELS[row]] + [t2[row][c] for c in cols])
    rows += [[], ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况"],
             ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]]
    for row in t3_rows(fmt):
        group = {"granted": "三、本年度办结结果", "deny_secret": "（三）不予公开", "na_not_held": "（四）无法提供"}.get(row, "")
        rows.append([group, T3_ROW_LABELS[row]] + [t3[row][c] for c in T3_COLUMNS])
    rows += [[], ["行政复议", "", "", "", "", "行政诉讼"], [t4[g][c] for g in T4_GROUPS for c in T4_COLUMNS]]
    return rows


def zero_tables(fmt: str = "2021") -> tuple[dict, dict, dict]:
    """Tables of a format with every cell 0."""
    return empty_tables(fmt, 0)


DATA_BLOCK = re.compile(r"<<<资料开始>>>\n(.*?)\n<<<资料结束>>>", re.S)


def prompt_blocks(body: dict) -> list[str]:
    """The delimited data blocks of the user message of a chat request."""
    user = [m["content"] for m in body.get("messages", []) if m.get("role") == "user"][-1]
    return DATA_BLOCK.findall(user)


def task_of(body: dict) -> str:
    """Which prompt a chat request was rendered from."""
    user = [m["content"] for m in body.get("messages", []) if m.get("role") == "user"][-1]
    if user.startswith("请从下面的工作记录中提取事实"):
        return "extract_facts"
    if "自动审核发现了问题" in user:
        return "repair"
    if user.startswith("请按用户的修改意见改写"):
        return "revise_section"
    return "draft_section"


def echo_base(body: dict) -> str:
    """A well-behaved fake model: returns the rule-based draft it was given (draft) or the table-true text (repair)."""
    blocks = prompt_blocks(body)
    if task_of(body) == "draft_section":
        return blocks[-1]
    if task_of(body) == "repair":
        return blocks[-1]
    return blocks[-1] if blocks else "【待补充：内容】"


class ModelScript:
    """A FakeOpenAIServer default reply: per task (and section title) a queue of overrides, else well-behaved."""

    def __init__(self, **overrides: list) -> None:
        self.overrides = {key: list(replies) for key, replies in overrides.items()}
        self.seen: list[str] = []

    def __call__(self, body: dict):
        key = self.key(body)
        self.seen.append(key)
        for candidate in (key, key.split(":")[0]):
            queue = self.overrides.get(candidate)
            if queue:
                reply = queue.pop(0)
                return reply(body) if callable(reply) else reply
        return self.good(body)

    @staticmethod
    def key(body: dict) -> str:
        """'extract_facts', 'draft_section:s3', 'repair:s3' …"""
        from assistant.report import SECTION_TITLES

        task = task_of(body)
        user = [m["content"] for m in body["messages"] if m["role"] == "user"][-1]
        first_line = user.split("\n", 1)[0]
        for key, title in SECTION_TITLES.items():
            if f"“{title}”" in first_line:
                return f"{task}:{key}"
        return task

    @staticmethod
    def good(body: dict) -> str:
        """What a careful model would answer: facts of the notes as JSON, the checked base text otherwise."""
        from assistant.draft import extract_facts

        if task_of(body) == "extract_facts":
            return extract_facts(prompt_blocks(body)[0]).model_dump_json()
        return prompt_blocks(body)[-1]


def with_number_changed(old: str, new: str):
    """A reply factory: the well-behaved reply with one number replaced."""
    def reply(body: dict) -> str:
        text = ModelScript.good(body)
        assert old in text, (old, text)
        return text.replace(old, new, 1)
    return reply
