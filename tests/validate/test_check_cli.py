"""The `check` command: exit codes, text/JSON/CSV output, audits of several files with --jobs."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from assistant.cli import main
from validate_support import REPORTS, load


@pytest.fixture
def files(tmp_path):
    good = REPORTS / "r2023_bailu_scjgj.json"
    bad_report = load("r2023_bailu_scjgj").with_cell("t3.new.np", 40)
    bad = tmp_path / "bad.json"
    bad.write_text(bad_report.to_json(), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    return {"good": str(good), "bad": str(bad), "broken": str(broken), "missing": str(tmp_path / "none.txt")}


def _run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_a_consistent_report_exits_0_with_a_verdict(files):
    result = _run(files["good"])
    assert result.exit_code == 0, result.output
    assert "可以发布（0 个错误" in result.output


def test_a_report_with_errors_exits_1_and_explains_in_chinese(files):
    result = _run(files["bad"])
    assert result.exit_code == 1
    assert "[错误] T3.ID：表三“自然人”列" in result.output and "需要修改" in result.output


@pytest.mark.parametrize("key", ["broken", "missing"])
def test_an_unreadable_file_exits_2_with_one_line(files, key):
    result = _run(files[key])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：") and "Traceback" not in result.output


def test_json_output_carries_every_finding(files):
    result = _run(files["bad"], "--json")
    data = json.loads(result.output)
    assert data["status"] == "needs_review" and data["errors"] >= 2
    assert {"T3.ID", "T3.ROW"} <= set(data["rules"])
    assert data["findings"][0]["severity"] == "error"


def test_audit_of_several_files_in_two_processes(files):
    names = [str(p) for p in sorted(REPORTS.glob("*.json"))]
    result = _run(*names, files["bad"], files["missing"], "--jobs", "2")
    assert result.exit_code == 2
    table = result.output.splitlines()
    assert table[0].split()[:3] == ["文件", "机关", "年度"]
    assert any("bad.json" in line and "T3.ID" in line for line in table)
    assert any("none.txt" in line and "无法读取" in line for line in table)
    assert f"共 {len(names) + 2} 份：1 份有错误，1 份无法读取，{len(names)} 份无错误" in result.output


def test_audit_exit_1_when_all_readable_and_one_has_errors(files):
    result = _run(files["good"], files["bad"], "--jobs", "1", "--format", "json")
    assert result.exit_code == 1
    rows = json.loads(result.output)
    assert [row["errors"] > 0 for row in rows] == [False, True]


def test_csv_for_a_spreadsheet(files, tmp_path):
    out = tmp_path / "audit.csv"
    result = _run(files["good"], files["bad"], "--format", "csv", "-o", str(out))
    assert result.exit_code == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["status"] == "ready" and rows[0]["rule"] == ""
    bad_rows = [r for r in rows if r["file"] == files["bad"]]
    assert {r["rule"] for r in bad_rows} >= {"T3.ID", "T3.ROW"}
    assert all(r["agency"] == "云梦山市白鹭区市场监督管理局" for r in rows)


def test_previous_year_enables_cross_year_warnings(files, tmp_path):
    this = load("r2023_bailu_scjgj")
    from dataclasses import replace
    later = tmp_path / "later.json"
    later.write_text(replace(this, year=2024).to_json(), encoding="utf-8")
    result = _run(str(later), "--previous", files["good"], "--json")
    data = json.loads(result.output)
    assert "Y.COPY" in data["rules"] and "Y.CARRY" in data["rules"]
    assert result.exit_code == 0


def test_with_index_takes_last_years_report_of_the_same_agency_from_the_index(files, tmp_path):
    from dataclasses import replace

    ingested = CliRunner().invoke(main, ["ingest", files["good"]])
    assert ingested.exit_code == 0, ingested.output
    later = tmp_path / "later.json"
    later.write_text(replace(load("r2023_bailu_scjgj"), year=2024).to_json(), encoding="utf-8")
    without = json.loads(_run(str(later), "--json").output)
    with_index = json.loads(_run(str(later), "--with-index", "--json").output)
    assert "Y.COPY" not in without["rules"]
    assert "Y.COPY" in with_index["rules"] and "Y.CARRY" in with_index["rules"]


def test_markdown_text_is_parsed_and_checked(tmp_path):
    from assistant.render import to_markdown
    path = tmp_path / "report.md"
    path.write_text(to_markdown(load("r2022_qinghe_xianzf")), encoding="utf-8")
    assert _run(str(path)).exit_code == 0
    path.write_text(to_markdown(load("r2022_qinghe_xianzf")).replace("已办结129件", "已办结130件"), encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 1 and "已办结130件" in result.output
