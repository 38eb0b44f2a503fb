"""Commands for the index of past reports: ingest, index list/remove, ask."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.settings import load_settings


def _open_index(**changes):
    from assistant.index import Index, StoreError

    settings = load_settings()
    if changes:
        settings = settings.with_changes(**changes)
    try:
        return Index(settings)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))


def _fail(message: str) -> None:
    click.echo(f"错误：{message}", err=True)
    sys.exit(2)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest_command(paths: tuple[Path, ...]) -> None:
    """导入往年报告（文件或文件夹：.txt .md .html .htm .docx .pdf .json）到索引。

    同一文件重复导入只存一份；同一机关同一年度的新文件会替换旧的。某个文件无法读取时跳过并说明原因。
    退出码：0 至少读取了一份报告；2 一份也没能读取。
    """
    from assistant.index import StoreError

    index = _open_index()
    try:
        summary = _run_ingest(index, list(paths))
    except StoreError as exc:
        _fail(str(exc))
    finally:
        index.close()
    click.echo(summary.text())
    if not summary.read_any:
        sys.exit(2)


def _run_ingest(index, paths):
    if not sys.stderr.isatty():
        return index.ingest(paths)
    with click.progressbar(length=1, label="导入", file=sys.stderr) as bar:
        def on_progress(progress) -> None:
            bar.length = progress.total
            bar.update(1)

        return index.ingest(paths, on_progress=on_progress)


@click.group("index")
def index_group() -> None:
    """查看或管理往年报告索引。"""


@index_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def list_command(as_json: bool) -> None:
    """列出已索引的报告。"""
    index = _open_index()
    rows = index.list()
    index.close()
    if as_json:
        click.echo(json.dumps([_row_dict(row) for row in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("索引为空。")
    for row in rows:
        click.echo(f"{row.id}  {row.agency}  {row.year}年  {row.format}版  {Path(row.source).name}  "
                   f"部分：{','.join(row.sections_found) or '无'}  表格：{','.join(row.tables_found) or '无'}")


def _row_dict(row) -> dict:
    return {"id": row.id, "agency": row.agency, "year": row.year, "format": row.format, "source": row.source,
            "sha256": row.sha256, "ingested_at": row.ingested_at, "sections_found": list(row.sections_found),
            "tables_found": list(row.tables_found)}


@index_group.command("remove")
@click.argument("id_or_path")
def remove_command(id_or_path: str) -> None:
    """按编号或来源文件路径删除一份报告。"""
    from assistant.index import StoreError

    index = _open_index()
    try:
        row = index.remove(id_or_path)
    except StoreError as exc:
        _fail(str(exc))
    finally:
        index.close()
    click.echo(f"已删除：{row.agency}{row.year}年（{row.id}，{Path(row.source).name}）")


@click.command("ask")
@click.argument("question")
@click.option("--agency", default=None, help="机关名称（索引中有多个机关时需指明）。")
@click.option("--year", type=int, default=None,
              help="正在起草的报告年度 N：“去年”指 N−1，“前年”指 N−2。默认取 ASSISTANT_DRAFT_YEAR 或当前年份。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出答案、数值和来源。")
def ask_command(question: str, agency: str | None, year: int | None, as_json: bool) -> None:
    """回答关于往年报告的问题：数字从表格中精确查出，比较由程序计算，写法给出原文段落和出处。"""
    index = _open_index()
    try:
        index.ensure_corpus()
        answer = index.ask(question, agency=agency, draft_year=year)
    finally:
        index.close()
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(answer.text)


def register(group: click.Group) -> None:
    """Add the index commands to the CLI."""
    group.add_command(ingest_command)
    group.add_command(index_group)
    group.add_command(ask_command)
