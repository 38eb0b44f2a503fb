"""Shared helpers for the index tests: settings on a tmp folder, the sample corpus sources."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CORPUS_SRC = FIXTURES / "corpus_src"
QUESTIONS = json.loads((FIXTURES / "questions.json").read_text(encoding="utf-8"))
HEWAN = "青禾市河湾区市场监督管理局"
YUNLING = "青禾市云岭镇人民政府"


def settings_for(data_dir: Path, embedder: str = "hash", **changes) -> Settings:
    """Settings on a data folder with a fixed draft year (2026) and the given embedder."""
    return Settings(data_dir=data_dir, embedder=embedder, draft_year=2026).with_changes(**changes)


def corpus_sources() -> list[Path]:
    """The canonical JSON sources of corpus/."""
    return sorted(CORPUS_SRC.glob("*.json"))


def answer_checks(answer, item: dict) -> list[str]:
    """What is wrong with an answer to one question of questions.json (empty when right)."""
    problems = []
    if answer.kind != item["kind"]:
        return [f"kind {answer.kind} != {item['kind']}: {answer.text[:120]}"]
    if item["kind"] in ("figure", "comparison") and answer.value != item["value"]:
        problems.append(f"value {answer.value!r} != {item['value']!r}")
    if item["kind"] in ("figure", "comparison", "wording") and not answer.sources:
        problems.append("no source")
    if item.get("expect_agency") and answer.agency != item["expect_agency"]:
        problems.append(f"agency {answer.agency}")
    if item["kind"] == "figure" and item.get("table") and any(s.get("table") != item["table"] for s in answer.sources):
        problems.append("source table")
    if item["kind"] == "wording":
        problems += _wording_checks(answer, item)
    if item["kind"] in ("not_found", "clarify") and answer.value is not None:
        problems.append("a figure in an unanswerable answer")
    return problems


def _wording_checks(answer, item: dict) -> list[str]:
    problems = []
    if not any(_source_matches(s, item) for s in answer.sources):
        problems.append(f"no source in {item['section']}/{item.get('subsection')}/{item.get('expect_year')}")
    missing = [word for word in item["keywords"] if word not in answer.text]
    if missing:
        problems.append(f"keywords missing {missing}")
    return problems


def _source_matches(source: dict, item: dict) -> bool:
    return (source["section"] == item["section"]
            and (item.get("subsection") is None or source["subsection"] == item["subsection"])
            and (item.get("expect_year") is None or source["year"] == item["expect_year"]))
