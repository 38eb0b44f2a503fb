"""Render a Report as Markdown, HTML or Word laid out like a published annual report."""

from __future__ import annotations

from pathlib import Path

from ..report import Report, ReportError
from .docx import to_docx
from .html import to_html
from .layout import table_rows
from .markdown import to_markdown

FORMATS = ("md", "docx", "html")
SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".docx": "docx", ".html": "html", ".htm": "html"}

__all__ = ["FORMATS", "to_docx", "to_html", "to_markdown", "table_rows", "write"]


def write(report: Report, path: str | Path, fmt: str | None = None) -> None:
    """Write the report to path as 'md', 'docx' or 'html' (default: from the file suffix)."""
    target = Path(path)
    chosen = fmt or SUFFIX_FORMATS.get(target.suffix.lower())
    if chosen == "docx":
        target.write_bytes(to_docx(report))
    elif chosen == "html":
        target.write_text(to_html(report), encoding="utf-8")
    elif chosen == "md":
        target.write_text(to_markdown(report), encoding="utf-8")
    else:
        raise ReportError(f"不支持的输出格式：{fmt or target.suffix or '（无后缀）'}（可选 md、docx、html）")
