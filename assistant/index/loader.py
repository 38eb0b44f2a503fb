"""Read a file into a Report: canonical JSON directly, every other format through assistant.parse."""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.report import Report, ReportError

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".json")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def collect_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The report files under the given files or folders, and paths that cannot be used (with a reason)."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                                and not p.name.startswith(".")))
        elif path.is_file():
            found.append(path)
        else:
            problems.append((path, "文件或文件夹不存在"))
    return found, problems


def load_report(path: Path) -> Report:
    """The report in a file; ReportError (Chinese reason) when it is not a usable report."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReportError(f"不支持的文件类型“{suffix or '无扩展名'}”，可导入：{' '.join(SUPPORTED_SUFFIXES)}")
    report = _read_json(path) if suffix == ".json" else _parse(path)
    if not report.agency:
        raise ReportError("未能识别机关名称，不像是一份政府信息公开工作年度报告")
    if not report.year:
        raise ReportError("未能识别报告年度，不像是一份政府信息公开工作年度报告")
    if not any((report.sections.get(key) or "").strip() for key in report.sections):
        raise ReportError("没有找到报告正文的任何部分（一、总体情况……六、其他需要报告的事项）")
    return report


def _read_json(path: Path) -> Report:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReportError("JSON 文件不是 UTF-8 编码") from None
    return Report.from_json(text)


def _parse(path: Path) -> Report:
    try:
        from assistant.parse import parse_file
    except ImportError:
        raise ReportError("解析模块不可用，目前只能导入规范 JSON 报告") from None
    try:
        return parse_file(path).report
    except ReportError:
        raise
    except Exception as exc:  # a broken file must not stop the other files
        raise ReportError(f"文件无法读取（{type(exc).__name__}）") from None
