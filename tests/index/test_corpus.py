"""corpus/: the sample reports parse back exactly, hold every 勾稽关系 and carry over between years."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.index import CORPUS_DIR, Index
from assistant.parse import parse_file
from assistant.report import SECTION_KEYS, T3_COLUMNS, T3_RESULT_ROWS, T4_COLUMNS, Report

from .helpers import CORPUS_SRC, settings_for

NAMES = sorted(path.stem for path in CORPUS_SRC.glob("*.json"))


def _source(name: str) -> Report:
    return Report.from_json((CORPUS_SRC / f"{name}.json").read_text(encoding="utf-8"))


def test_two_agencies_over_three_years():
    assert NAMES == [f"{a}_{y}" for a in ("hewan", "yunling") for y in (2023, 2024, 2025)]
    assert sorted(p.stem for p in CORPUS_DIR.glob("*.md")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_markdown_report_parses_back_exactly(name):
    parsed = parse_file(CORPUS_DIR / f"{name}.md").report
    assert parsed.to_dict() == _source(name).to_dict()


@pytest.mark.parametrize("name", NAMES)
def test_each_report_is_internally_consistent_and_rich(name):
    report = _source(name)
    t3, cols = report.t3, [c for c in T3_COLUMNS if c != "total"]
    for col in T3_COLUMNS:
        assert t3["new"][col] + t3["carry_in"][col] == t3["processed_total"][col] + t3["carry_out"][col]
        assert t3["processed_total"][col] == sum(t3[row][col] for row in T3_RESULT_ROWS["2021"])
    assert all(cells["total"] == sum(cells[c] for c in cols) for cells in t3.values())
    assert all(g["total"] == sum(g[c] for c in T4_COLUMNS[:-1]) for g in report.t4.values())
    assert all(report.sections[key] for key in SECTION_KEYS)
    assert all(f"（{n}）" in report.sections["s1"] for n in "一二三四五")
    assert "信息处理费" in report.sections["s6"] and "改进措施" in report.sections["s5"]
    assert t3["new"]["total"] > 0 and report.t2["licensing"]["decisions"] > 0


@pytest.mark.parametrize("agency", ["hewan", "yunling"])
def test_years_carry_over(agency):
    for year in (2024, 2025):
        last, this = _source(f"{agency}_{year - 1}"), _source(f"{agency}_{year}")
        assert this.t3["carry_in"] == last.t3["carry_out"]
        docs, before = this.t2["normative_docs"], last.t2["normative_docs"]
        assert docs["valid"] == before["valid"] + docs["issued"] - docs["repealed"]
        assert this.sections["s5"] != last.sections["s5"]


def test_an_empty_index_ingests_the_corpus_on_first_run(tmp_path):
    index = Index(settings_for(tmp_path / "data"))
    summary = index.ensure_corpus()
    assert len(summary.ingested) == 6 and not summary.skipped
    assert index.ensure_corpus() is None
    assert Path(index.list()[0].source).parent == CORPUS_DIR.resolve()
    index.close()
