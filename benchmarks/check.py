"""Throughput of parse + check: 1,000 generated reports (fixture variations rendered to Markdown).

Run: python benchmarks/check.py [--count 1000] [--jobs 2]
Prints reports/s on one core (in-process) and with worker processes, and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.commands.check import _run_all, check_path  # noqa: E402
from assistant.render import to_markdown  # noqa: E402
from assistant.report import Report  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "reports"


def variations(count: int) -> list[str]:
    """Markdown texts of fixture reports with a different agency name and an extra sentence each."""
    bases = [Report.from_json(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.json"))]
    texts = []
    for i in range(count):
        base = bases[i % len(bases)]
        extra = f"本年度组织政务公开专题培训{i % 9 + 1}次，参训{i + 20}人次。"
        report = replace(base, agency=f"{base.agency}（样本{i}）").with_section("s5", base.sections["s5"] + extra)
        texts.append(to_markdown(report))
    return texts


def write_all(texts: list[str], folder: Path) -> list[str]:
    """The texts as .md files; their paths."""
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"report_{i:04d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(label: str, paths: list[str], run) -> None:
    """Wall-clock rate, and the rate per CPU second of this process and its workers (contention-proof)."""
    start, cpu_start = time.perf_counter(), _cpu()
    rows = run(paths)
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu_start
    errors = sum(1 for row in rows if row["errors"] or row["error"])
    print(f"{label}: {len(rows)} reports in {seconds:.2f} s wall = {len(rows) / seconds:.0f} reports/s; "
          f"{cpu:.2f} CPU s = {len(rows) / cpu:.0f} reports per CPU-second ({errors} with errors)")


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = write_all(variations(args.count), Path(folder))
        check_path(paths[0])
        timed("parse+check, 1 core", paths, lambda ps: [check_path(p) for p in ps])
        timed(f"parse+check, --jobs {args.jobs}", paths, lambda ps: list(_run_all(ps, None, args.jobs, False)))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {own:.0f} MB (main process), {children:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
