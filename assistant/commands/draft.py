"""`python -m assistant draft`: a report drafted from notes and counts."""

from __future__ import annotations

import json
import sys

import click

from assistant.report import ReportError


def register(group: click.Group) -> None:
    """Add the draft command to the CLI group."""
    group.add_command(draft_command)


@click.command("draft")
@click.option("--notes", "notes_path", type=click.Path(dir_okay=False), required=True, help="工作记录（文本文件）")
@click.option("--counts", "counts_path", type=click.Path(dir_okay=False), help="统计数据：.json、.csv 或 .xlsx")
@click.option("--register", "register_path", type=click.Path(dir_okay=False), help="依申请公开登记台账：.csv 或 .xlsx")
@click.option("--agency", required=True, help="机关名称")
@click.option("--year", type=int, required=True, help="报告年度")
@click.option("--backend", type=click.Choice(["offline", "openai", "local"]), help="起草方式（默认按环境设置）")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="输出文件：.docx、.md 或 .html")
@click.option("--json", "as_json", is_flag=True, help="在标准输出打印草稿 JSON（含审核结果）")
@click.option("--no-index", is_flag=True, help="不参考索引中的往年报告")
def draft_command(notes_path, counts_path, register_path, agency, year, backend, output, as_json, no_index) -> None:
    """根据工作记录和统计数据起草政府信息公开工作年度报告。"""
    try:
        draft = _run(notes_path, counts_path, register_path, agency, year, backend, no_index)
        if output:
            from assistant.render import write

            write(draft.report, output)
    except ReportError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"无法读写文件：{exc.strerror or exc}")
    _print_result(draft, output, as_json)


def _run(notes_path, counts_path, register_path, agency, year, backend, no_index):
    from pydantic import ValidationError

    from assistant.draft import DraftRequest, OfflineDrafter, draft_report, load_counts, load_notes, load_register
    from assistant.llm import LLMError, make_backend
    from assistant.settings import load_settings

    settings = load_settings()
    if backend:
        settings = settings.with_changes(backend=backend)
    try:
        request = DraftRequest(
            agency=agency.strip(), year=year, notes=load_notes(notes_path),
            counts=load_counts(counts_path, year) if counts_path else None,
            register_entries=load_register(register_path) if register_path else None,
        )
    except ValidationError as exc:
        raise ReportError(f"起草输入不合格：{exc.errors()[0]['loc'][0]} {exc.errors()[0]['msg']}") from None
    try:
        llm = make_backend(settings, offline_factory=OfflineDrafter)
    except LLMError as exc:
        click.echo(f"提示：{exc}；改用离线起草", err=True)
        llm = OfflineDrafter()
    index = None if no_index else _open_index(settings)
    return draft_report(request, llm=llm, index=index, on_event=_show_event)


def _open_index(settings):
    from assistant.draft.chain import index_errors
    from assistant.index import Index

    try:
        return Index(settings)
    except (*index_errors(), ValueError) as exc:  # a broken store or a bad setting only loses last year's report
        click.echo(f"提示：索引不可用（{exc}），不参考往年报告", err=True)
        return None


def _show_event(event) -> None:
    from assistant.events import Notice, Progress

    if isinstance(event, Notice):
        click.echo(f"提示：{event.message}", err=True)
    elif isinstance(event, Progress) and event.label:
        click.echo(f"[{event.done}/{event.total}] {event.label}", err=True)


def _print_result(draft, output, as_json: bool) -> None:
    errors = [f for f in draft.findings if f.severity == "error"]
    if as_json:
        payload = {
            "status": draft.status, "backend": draft.backend, "model_calls": draft.model_calls,
            "repair_rounds": draft.repair_rounds, "report": draft.report.to_dict(),
            "findings": [f.to_dict() for f in draft.findings], "notices": list(draft.notices),
            "conflicts": [c.message for c in draft.conflicts],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif not output:
        from assistant.render import to_markdown

        click.echo(to_markdown(draft.report))
    label = "可以发布" if draft.status == "ready" else "需要人工核对"
    click.echo(f"状态：{draft.status}（{label}）；错误 {len(errors)} 处，冲突 {len(draft.conflicts)} 处"
               + (f"；已写入 {output}" if output else ""), err=True)
    for finding in errors:
        click.echo(f"  - {finding.message}", err=True)


def _fail(message: str) -> None:
    click.echo(f"错误：{message}", err=True)
    sys.exit(2)
