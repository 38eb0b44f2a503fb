"""Time rendering a full report to Markdown, HTML and Word; print per-call figures and peak RSS."""

from __future__ import annotations

import resource
import time

from assistant.render import to_docx, to_html, to_markdown
from assistant.report import empty_report

ROUNDS = 20


def full_report():
    """A 2021-format report with every cell filled and six sections of text."""
    report = empty_report("青川市河口区应急管理局", 2023)
    for index, (path, _) in enumerate(report.cells()):
        report = report.with_cell(path, index % 37)
    text = "\n".join(["全年通过门户网站主动公开政府信息120条，其中政策文件18件。"] * 8)
    for key in report.sections:
        report = report.with_section(key, text)
    return report


def main() -> None:
    report = full_report()
    for render in (to_markdown, to_html, to_docx):
        render(report)
        start = time.perf_counter()
        for _ in range(ROUNDS):
            output = render(report)
        per_call = (time.perf_counter() - start) / ROUNDS
        print(f"{render.__name__:12s} {per_call * 1000:8.1f} ms/report  {len(output):8d} bytes/chars")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
