"""Command `check`: validate one report or audit many (text, JSON or CSV for a spreadsheet)."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import click

from ..report import Report, ReportError
from ..validate.model import SEVERITY_LABELS

CSV_COLUMNS = ("file", "agency", "year", "status", "severity", "rule", "loc", "expected", "actual", "message")


def register(group: click.Group) -> None:
    """Add the check command to the CLI group."""
    group.add_command(check_command)


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--previous", type=click.Path(path_type=Path), help="上年报告（用于跨年核对：结转、现行有效件数、内容雷同）")
@click.option("--with-index", is_flag=True,
              help="没有 --previous 时，从往年报告索引中取同一机关上一年的报告做跨年核对")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON（同 --format json）")
@click.option("--format", "fmt", type=click.Choice(("text", "json", "csv")), default="text", help="输出格式")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="写入文件而不是屏幕（CSV 带 BOM，Excel 可直接打开）")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="并行进程数（默认：全部 CPU 核）")
def check_command(files: tuple[Path, ...], previous: Path | None, with_index: bool, as_json: bool, fmt: str,
                  output: Path | None, jobs: int | None) -> None:
    """核对年报：表格勾稽关系、正文数字与表格是否一致、章节、年份、漏填等。

    一个文件时列出每个问题；多个文件时输出汇总表（文件、机关、年度、错误数、提醒数、规则）。

    \b
    退出码：0 无错误；1 有错误；
            2 有文件无法读取或解析（其余文件照常核对，汇总中标明）。
    """
    chosen = "json" if as_json else fmt
    previous_text = _previous_text(previous)
    rows = list(_run_all([str(f) for f in files], previous_text, jobs, with_index))
    if len(rows) == 1 and rows[0]["error"]:
        click.echo(f"错误：{rows[0]['file']}：{rows[0]['error']}", err=True)
        sys.exit(2)
    text = render(rows, chosen)
    if output is not None:
        output.write_text(text, encoding="utf-8-sig" if chosen == "csv" else "utf-8")
    else:
        click.echo(("\ufeff" if chosen == "csv" else "") + text, nl=chosen != "csv")
    for row in rows:
        if row["error"]:
            click.echo(f"错误：{row['file']}：{row['error']}", err=True)
    sys.exit(exit_code(rows))


def _previous_text(previous: Path | None) -> str | None:
    if previous is None:
        return None
    try:
        report = load_report(str(previous))
    except (ReportError, OSError) as exc:
        click.echo(f"错误：上年报告 {previous} 无法读取：{_reason(exc)}", err=True)
        sys.exit(2)
    return report.to_json(indent=None)


def exit_code(rows: list[dict]) -> int:
    """2 when a file could not be read, else 1 when any report has an error, else 0."""
    if any(row["error"] for row in rows):
        return 2
    return 1 if any(row["errors"] for row in rows) else 0


def load_report(path: str) -> Report:
    """A report from canonical JSON, or parsed from any report file the parser reads."""
    target = Path(path)
    if not target.is_file():
        raise ReportError("文件不存在")
    with target.open("rb") as handle:
        head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return Report.from_json(target.read_text(encoding="utf-8-sig"))
    from ..parse import parse_file
    return parse_file(target).report


def check_path(path: str, previous_json: str | None = None, with_index: bool = False) -> dict[str, Any]:
    """Load and check one file; a picklable row for the summary (top level so worker processes can run it)."""
    from ..validate import check
    row: dict[str, Any] = {"file": path, "agency": None, "year": None, "status": None, "errors": 0,
                           "warnings": 0, "uncertain": 0, "rules": [], "findings": [], "error": None}
    try:
        report = load_report(path)
    except Exception as exc:  # noqa: BLE001  (one unreadable file must not stop an audit)
        row["error"] = _reason(exc)
        return row
    previous = _previous(previous_json) or (_indexed_previous(report) if with_index else None)
    result = check(report, previous=previous)
    row.update(agency=report.agency, year=report.year, status=result.status, errors=len(result.errors),
               warnings=len(result.warnings), uncertain=len(result.uncertain), rules=list(result.rules),
               findings=[f.to_dict() for f in result.findings])
    return row


@lru_cache(maxsize=2)
def _previous(previous_json: str | None) -> Report | None:
    return Report.from_json(previous_json) if previous_json else None


def _indexed_previous(report: Report) -> Report | None:
    if not report.agency or not report.year:
        return None
    from ..settings import load_settings

    return _index(load_settings()).previous_report(report.agency, report.year)


@lru_cache(maxsize=1)
def _index(settings):
    from ..index import Index

    return Index(settings)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, UnicodeDecodeError):
        return "文件编码无法识别"
    if isinstance(exc, ReportError):
        return str(exc)
    return f"无法解析（{type(exc).__name__}: {exc}）"


def _run_all(paths: list[str], previous_json: str | None, jobs: int | None, with_index: bool) -> Iterator[dict]:
    workers = max(1, min(jobs or os.cpu_count() or 1, len(paths)))
    with _progress(len(paths)) as bar:
        if workers == 1:
            for path in paths:
                yield check_path(path, previous_json, with_index)
                bar.update(1)
            return
        chunk = max(1, len(paths) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context()) as pool:
            arguments = ([previous_json] * len(paths), [with_index] * len(paths))
            for row in pool.map(check_path, paths, *arguments, chunksize=chunk):
                yield row
                bar.update(1)


def _worker_context():
    """fork where it is safe (one thread): workers start warm; spawn otherwise."""
    safe = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if safe else "spawn")


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        """Nothing to show when stderr is not a terminal."""


def _progress(total: int):
    if total > 1 and sys.stderr.isatty():
        return click.progressbar(length=total, label="核对中", file=sys.stderr)
    return _NoBar()


def render(rows: list[dict], fmt: str) -> str:
    """The rows as text, JSON or CSV."""
    if fmt == "json":
        data: Any = rows[0] if len(rows) == 1 else rows
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(rows)
    return details(rows[0]) if len(rows) == 1 else summary_table(rows)


def details(row: dict) -> str:
    """Every finding of one report, in Chinese."""
    if row["error"]:
        return f"{row['file']}：无法读取（{row['error']}）"
    lines = [f"{row['file']}：{row['agency'] or '（未识别机关）'} {row['year'] or ''}年度"]
    for finding in row["findings"]:
        lines.append(f"  [{SEVERITY_LABELS[finding['severity']]}] {finding['rule']}：{finding['message']}")
    lines.append(_verdict(row))
    return "\n".join(lines)


def _verdict(row: dict) -> str:
    state = "需要修改" if row["errors"] else "可以发布"
    return f"结论：{state}（{row['errors']} 个错误，{row['warnings']} 个提醒，{row['uncertain']} 个待确认）"


def summary_table(rows: list[dict]) -> str:
    """One line per file: file, agency, year, errors, warnings, rule ids; totals at the end."""
    header = ("文件", "机关", "年度", "错误", "提醒", "规则")
    body = [_summary_cells(row) for row in rows]
    widths = [max(_width(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(_pad(str(cell), widths[i]) for i, cell in enumerate(line)).rstrip() for line in [header, *body]]
    bad = sum(1 for row in rows if row["error"])
    failing = sum(1 for row in rows if row["errors"])
    lines.append(f"共 {len(rows)} 份：{failing} 份有错误，{bad} 份无法读取，"
                 f"{len(rows) - failing - bad} 份无错误")
    return "\n".join(lines)


def _summary_cells(row: dict) -> tuple:
    if row["error"]:
        return (row["file"], "无法读取", "", "", "", row["error"])
    return (row["file"], row["agency"] or "", row["year"] or "", row["errors"], row["warnings"],
            " ".join(row["rules"]))


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def to_csv(rows: Iterable[dict]) -> str:
    """One CSV line per finding (and one per clean or unreadable file)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        base = [row["file"], row["agency"] or "", row["year"] or ""]
        if row["error"]:
            writer.writerow(base + ["unreadable", "", "", "", "", "", row["error"]])
            continue
        if not row["findings"]:
            writer.writerow(base + [row["status"], "", "", "", "", "", ""])
        for f in row["findings"]:
            writer.writerow(base + [row["status"], f["severity"], f["rule"], ".".join(map(str, f["loc"])),
                                    _csv_value(f["expected"]), _csv_value(f["actual"]), f["message"]])
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    return "" if value is None else str(value)
