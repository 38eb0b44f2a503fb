"""Input that is not a usable report: a clear ReportError from the API, exit status 2 from the CLI."""

import pytest
from click.testing import CliRunner

import parse_builders as fx
from assistant.cli import main
from assistant.parse import MAX_BYTES, parse_bytes, parse_file, parse_text
from assistant.parse.office import SCANNED
from assistant.report import ReportError

NOT_A_REPORT = "今天天气很好。\n我们去公园散步，看到了很多花。\n".encode("utf-8")
BINARY = bytes(range(256)) * 40


def bad_files(tmp_path):
    files = {
        "empty.txt": (b"", "空"),
        "binary.bin": (BINARY, "二进制"),
        "story.txt": (NOT_A_REPORT, "不像政府信息公开工作年度报告"),
        "renamed.docx": (fx.renamed_zip(), "word/document.xml"),
        "scan.pdf": (fx.image_only_pdf(), "扫描版 PDF"),
    }
    for name, (data, _) in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: message for name, (_, message) in files.items()}


def test_api_raises_a_clear_error_for_each_bad_file(tmp_path):
    for name, message in bad_files(tmp_path).items():
        with pytest.raises(ReportError, match=message):
            parse_file(tmp_path / name)


def test_scanned_pdf_message_is_the_agreed_one():
    with pytest.raises(ReportError) as error:
        parse_bytes(fx.image_only_pdf(), "scan.pdf")
    assert str(error.value) == SCANNED


def test_empty_text_and_whitespace_only_bytes():
    with pytest.raises(ReportError, match="空"):
        parse_text("")
    with pytest.raises(ReportError, match="空"):
        parse_bytes(b" \n\t\n")


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert big.stat().st_size > MAX_BYTES
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(ReportError, match="太大"):
        parse_file(big)


def test_oversized_bytes_and_missing_file():
    with pytest.raises(ReportError, match="太大"):
        parse_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(ReportError, match="不存在"):
        parse_file("/nonexistent/report.txt")


def test_cli_exits_2_with_one_line_and_no_traceback(tmp_path):
    names = list(bad_files(tmp_path)) + ["missing.txt"]
    runner = CliRunner()
    for name in names:
        for args in (["parse", str(tmp_path / name)], ["parse", "--json", str(tmp_path / name)],
                     ["render", str(tmp_path / name), "--to", "md", "-o", str(tmp_path / "out.md")]):
            result = runner.invoke(main, args)
            assert result.exit_code == 2, (name, args, result.output)
            assert result.stderr.startswith("错误：") and result.stderr.count("\n") == 1
            assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
