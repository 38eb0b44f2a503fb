"""The index commands: ingest, index list/remove, ask."""

from __future__ import annotations

import json

from click.testing import CliRunner

from assistant.cli import main

from .helpers import CORPUS_SRC, HEWAN


def _run(*args: str):
    return CliRunner().invoke(main, list(args), env={"ASSISTANT_DRAFT_YEAR": "2026"})


def test_ingest_prints_a_summary_and_exits_0_even_with_skips(tmp_path):
    bad = tmp_path / "x.xyz"
    bad.write_text("?", encoding="utf-8")
    result = _run("ingest", str(CORPUS_SRC), str(bad))
    assert result.exit_code == 0, result.output
    assert "导入 6 份" in result.output and "跳过 1 份" in result.output and "不支持的文件类型" in result.output


def test_ingest_exits_2_when_nothing_could_be_read(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("not json", encoding="utf-8")
    result = _run("ingest", str(bad))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_list_json_and_remove(tmp_path):
    _run("ingest", str(CORPUS_SRC))
    listed = json.loads(_run("index", "list", "--json").output)
    assert len(listed) == 6 and {"id", "agency", "year", "source", "sha256"} <= set(listed[0])
    removed = _run("index", "remove", listed[0]["id"])
    assert removed.exit_code == 0 and "已删除" in removed.output
    assert len(json.loads(_run("index", "list", "--json").output)) == 5
    missing = _run("index", "remove", "nope")
    assert missing.exit_code == 2 and "没有编号或来源文件" in missing.output


def test_ask_with_year_sets_the_draft_year(tmp_path):
    _run("ingest", str(CORPUS_SRC))
    result = _run("ask", "去年行政许可多少件", "--agency", "河湾区", "--year", "2025", "--json")
    data = json.loads(result.output)
    assert result.exit_code == 0 and data["value"] == 1412 and data["agency"] == HEWAN
    assert data["sources"][0]["table"] == "表二"
    assert "“去年”指N−1" in _run("ask", "--help").output.replace("\n", "").replace(" ", "")


def test_ask_on_an_empty_index_ingests_the_sample_corpus_first():
    result = _run("ask", "云岭镇2024年收到多少申请", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["value"] == 11
