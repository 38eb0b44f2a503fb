"""Parse throughput (reports per second, one core) for text, Markdown, HTML and Word inputs; peak RSS.

Usage: python benchmarks/parse.py [--count 400]
The inputs are generated: random tables in the official layout, printed as tab-flattened text
(like a copied web page) and by the renderers of assistant.render.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import render  # noqa: E402
from assistant.parse import parse_bytes  # noqa: E402
from assistant.report import SECTION_KEYS, SECTION_TITLES, Report, empty_tables  # noqa: E402

PARAGRAPH = "2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息{n}条，其中政策文件{m}条。"


def random_report(rng: random.Random, index: int) -> Report:
    """A 2021-format report with random counts and a few paragraphs per section."""
    tables = empty_tables("2021")
    for table in tables:
        for cols in table.values():
            for col in cols:
                cols[col] = rng.randint(0, 5000)
    sections = {key: "\n".join(PARAGRAPH.format(n=rng.randint(1, 999), m=i) for i in range(4)) for key in SECTION_KEYS}
    return Report(f"松林县第{index}局", 2023, "2021", sections, *tables)


def tab_text(report: Report) -> str:
    """The report as a copied web page: paragraphs, and tables flattened to tab-separated lines."""
    lines = [report.display_title]
    for key in SECTION_KEYS:
        lines += [SECTION_TITLES[key], *report.sections[key].split("\n")]
        name = {"s2": "t2", "s3": "t3", "s4": "t4"}.get(key)
        if name:
            lines += ["\t".join(row) for row in render.table_rows(report, name)]
    return "\n".join(lines)


def inputs(kind: str, count: int) -> list[bytes]:
    """count generated reports of one input kind, as file bytes."""
    rng = random.Random(7)
    reports = [random_report(rng, i) for i in range(count)]
    makers = {
        "text": lambda r: tab_text(r).encode("utf-8"),
        "markdown": lambda r: render.to_markdown(r).encode("utf-8"),
        "html": lambda r: render.to_html(r).encode("utf-8"),
        "docx": render.to_docx,
    }
    return [makers[kind](r) for r in reports]


def throughput(datas: list[bytes]) -> tuple[float, float]:
    """Reports parsed per second of CPU time (one core) and of wall time; each distinct report once."""
    cpu, wall = time.process_time(), time.perf_counter()
    for data in datas:
        parse_bytes(data)
    return len(datas) / (time.process_time() - cpu), len(datas) / (time.perf_counter() - wall)


def main() -> None:
    """Measure every input kind and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=400, help="distinct text/Markdown reports (HTML, Word: a quarter)")
    args = parser.parse_args()
    for kind in ("text", "markdown", "html", "docx"):
        count = args.count if kind in ("text", "markdown") else max(10, args.count // 4)
        datas = inputs(kind, count)
        cpu_rate, wall_rate = throughput(datas)
        size = sum(len(d) for d in datas) / len(datas) / 1024
        print(f"{kind:9} {cpu_rate:8.1f} reports/s of CPU, {wall_rate:8.1f} of wall time "
              f"({count} distinct reports, {size:.1f} KiB each)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
