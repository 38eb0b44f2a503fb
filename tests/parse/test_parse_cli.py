"""The parse and render commands."""

import json
from pathlib import Path

from click.testing import CliRunner

import parse_builders as fx
from assistant.cli import main
from assistant.parse import parse_file
from assistant.report import Report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"


def test_parse_json_is_the_canonical_json():
    result = CliRunner().invoke(main, ["parse", "--json", str(FIXTURES / "report.docx")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["agency", "year", "format", "sections", "t2", "t3", "t4"]
    assert Report.from_dict(data).to_dict() == parse_file(FIXTURES / "report.docx").report.to_dict()
    assert data["t2"]["admin_fees"]["amount_wan_yuan"] == 12.5


def test_parse_summary_in_chinese():
    result = CliRunner().invoke(main, ["parse", str(FIXTURES / "cutoff.txt")])
    assert result.exit_code == 0
    assert f"机关：{fx.AGENCY}" in result.stdout and "年度：2023" in result.stdout
    assert "章节：找到 3/6" in result.stdout
    assert "missing_rows" in result.stdout and "t2.licensing.decisions = 1234" in result.stdout


def test_render_from_json_and_from_a_report_file(tmp_path):
    runner = CliRunner()
    source = tmp_path / "report.json"
    source.write_text(parse_file(FIXTURES / "tab_flattened.txt").report.to_json(), encoding="utf-8")
    for given, target in ((source, "md"), (FIXTURES / "pipe_rows.txt", "html"), (source, "docx")):
        output = tmp_path / f"out.{target}"
        result = runner.invoke(main, ["render", str(given), "--to", target, "-o", str(output)])
        assert result.exit_code == 0, result.output
        back = parse_file(output).report
        assert back.t3 == fx_report().t3 and back.agency == fx.AGENCY


def test_render_rejects_invalid_json(tmp_path):
    source = tmp_path / "bad.json"
    source.write_text('{"agency": "x"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "--to", "md", "-o", str(tmp_path / "o.md")])
    assert result.exit_code == 2 and result.stderr.startswith("错误：")


def fx_report():
    return parse_file(FIXTURES / "one_per_line.txt").report
