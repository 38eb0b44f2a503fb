"""The kind of input is decided by its content, whatever the file is called; text encodings."""

from pathlib import Path

import parse_builders as fx
from assistant.parse import parse_bytes, parse_file
from assistant.parse.sniff import sniff

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "parse"


def test_kinds_come_from_content_not_names(tmp_path):
    pairs = {"report.html": "a.txt", "report.docx": "a.pdf", "report.pdf": "a.docx", "tab_flattened.txt": "a.html"}
    for source, wrong_name in pairs.items():
        target = tmp_path / wrong_name
        target.write_bytes((FIXTURES / source).read_bytes())
        report = parse_file(target).report
        assert report.agency == fx.AGENCY and report.t2["licensing"]["decisions"] == 1234, source


def test_sniff_labels():
    assert sniff(b"%PDF-1.4 ...") == "pdf"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert sniff("一、总体情况\n<无>".encode()) == "text"
    assert sniff((FIXTURES / "report.docx").read_bytes()) == "docx"


def test_gb18030_and_utf8_bom_and_utf16_text():
    text = (FIXTURES / "pipe_rows.txt").read_text(encoding="utf-8")
    for data in (text.encode("gb18030"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-16")):
        report = parse_bytes(data, "report.txt").report
        assert report.agency == fx.AGENCY and report.t3["processed_total"]["total"] == 27


def test_html_ignores_scripts_and_styles():
    html = (FIXTURES / "report.html").read_bytes()
    result = parse_bytes(html)
    assert "document.write" not in result.report.sections["s6"]
    assert "var n" not in result.report.preamble
