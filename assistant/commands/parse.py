"""Commands `parse` (a report file → canonical JSON or a summary) and `render` (→ md, docx, html)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Callable

import click

from ..report import SECTION_KEYS, SECTION_TITLES, ParseResult, Report, ReportError

RENDER_FORMATS = ("md", "docx", "html")


def register(group: click.Group) -> None:
    """Add the parse and render commands to the CLI group."""
    group.add_command(parse_command)
    group.add_command(render_command)


def fail(message: str) -> None:
    """Print '错误：…' on stderr and exit with status 2."""
    click.echo(f"错误：{message}", err=True)
    sys.exit(2)


def guarded(action: Callable[[], None]) -> None:
    """Run an action, turning bad input into a one-line error and exit status 2."""
    try:
        action()
    except ReportError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.strerror or exc}：{exc.filename or ''}".rstrip("："))


@click.command("parse")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="输出规范 JSON（canonical JSON）")
def parse_command(file: Path, as_json: bool) -> None:
    """解析年报文件（文本、网页、Word、文字版 PDF）并输出摘要或 JSON。"""
    def run() -> None:
        from ..parse import parse_file
        result = parse_file(file)
        click.echo(result.report.to_json() if as_json else summary(result))
    guarded(run)


@click.command("render")
@click.argument("report_file", type=click.Path(path_type=Path))
@click.option("--to", "target", type=click.Choice(RENDER_FORMATS), required=True, help="输出格式")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="输出文件")
def render_command(report_file: Path, target: str, output: Path) -> None:
    """把规范 JSON 或任何可解析的年报文件排版为 md、docx 或 html。"""
    def run() -> None:
        from .. import render
        report = load_report(report_file)
        if target == "docx":
            output.write_bytes(render.to_docx(report))
        else:
            text = render.to_markdown(report) if target == "md" else render.to_html(report)
            output.write_text(text, encoding="utf-8")
        click.echo(f"已写出 {output}")
    guarded(run)


def load_report(path: Path) -> Report:
    """A report from canonical JSON, or parsed from any report file."""
    from ..parse import parse_file
    if not path.is_file():
        raise ReportError(f"文件不存在：{path}")
    with path.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return Report.from_json(path.read_text(encoding="utf-8-sig"))
    return parse_file(path).report


def summary(result: ParseResult) -> str:
    """A short Chinese summary of a parse."""
    report = result.report
    found = [SECTION_TITLES[k] for k in SECTION_KEYS if report.sections.get(k) is not None]
    cells = list(report.cells())
    known = [v for _, v in cells if v is not None]
    lines = [
        f"来源：{result.source or '（文本）'}",
        f"机关：{report.agency or '（未识别）'}",
        f"年度：{report.year or '（未识别）'}",
        f"表格格式：{report.format} 版",
        f"章节：找到 {len(found)}/6 — " + ("、".join(t.split('、')[0] for t in found) or "无"),
        f"表格：已读 {len(known)}/{len(cells)} 格，非零 {sum(1 for v in known if v)} 格",
    ]
    lines += [f"  {path} = {value}" for path, value in cells if value][:40]
    lines += _note_lines(result)
    return "\n".join(lines)


def _note_lines(result: ParseResult) -> list[str]:
    if not result.notes:
        return ["提示：无"]
    counts = Counter(note.code for note in result.notes)
    lines = ["提示：" + "，".join(f"{code} × {n}" for code, n in counts.items())]
    lines += [f"  [{note.code}] {note.message}" for note in result.notes[:30]]
    if len(result.notes) > 30:
        lines.append(f"  ……另有 {len(result.notes) - 30} 条")
    return lines
