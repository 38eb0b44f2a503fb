"""Index scale: ingest throughput and question latency with 100, 1,000 and 10,000 reports indexed.

Run: /work/venv/bin/python benchmarks/index.py [SIZES...]   (default 100 1000 10000; each size runs in
its own process so that its peak RSS is its own). Reports are generated from the sample corpus
(tests/fixtures/corpus_src) as templates: 5 years per fictitious agency, numbers varied.
Goals: figure questions < 50 ms p95 and wording questions < 300 ms p95 at 10,000 reports, app < 1 GiB RSS.

Measured 2026-11-26, 2 cores shared with other jobs (load average 4-6), default embedder hash:
     100 reports: ingest 24.6 reports/s (  4.1 s) | figure p50 0.14 ms p95  0.76 ms | wording p50  2.7 ms p95   4.3 ms | peak RSS 227 MiB
    1000 reports: ingest 24.6 reports/s ( 40.7 s) | figure p50 0.38 ms p95 15.82 ms | wording p50  7.6 ms p95  26.3 ms | peak RSS 309 MiB
   10000 reports: ingest 20.3 reports/s (493.5 s) | figure p50 2.10 ms p95  2.29 ms | wording p50 44.3 ms p95 144.9 ms | peak RSS 806 MiB
(On an idle machine ingest ran at ~40 reports/s.) At 10,000 reports chroma keeps the whole HNSW file in memory
(120,000 chunks x 1024 dims ≈ 510 MB); a query-only process measured ≈ 730 MiB, + ≈ 80 MiB for gradio.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TEMPLATES = sorted((ROOT / "tests" / "fixtures" / "corpus_src").glob("*.json"))
PLACES = "东西南北中上下前后左右新老大小金银铜铁石木水火土山河湖海江溪林松竹梅兰菊桃李杏柳"
KINDS = ("市场监督管理局", "人民政府", "教育局", "卫生健康委员会", "自然资源局", "交通运输局", "财政局", "民政局")
FIGURE_QUESTIONS = ("去年收到多少申请？", "前年行政处罚多少件", "去年予以公开多少件", "去年行政复议多少件",
                    "去年行政许可比前年增长百分之几？", "2023年不予公开多少件")
WORDING_QUESTIONS = ("平台建设怎么写的？", "去年第五部分写了哪些问题？", "信息发布审核有哪些做法",
                     "政策解读方面的改进措施", "监督保障怎么写的")


def agency_name(number: int) -> str:
    """A fictitious agency name, unique per number."""
    a, b = divmod(number, len(PLACES))
    c, d = divmod(a, len(PLACES))
    return f"青禾市{PLACES[b]}{PLACES[d % len(PLACES)]}{'区' if c % 2 else '县'}{KINDS[number % len(KINDS)]}"


def generate(count: int, folder: Path) -> None:
    """Write count canonical JSON reports: count/5 agencies, years 2021-2025."""
    rng = random.Random(count)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in TEMPLATES]
    for n in range(count):
        agency, year = agency_name(n // 5), 2021 + n % 5
        data = json.loads(json.dumps(rng.choice(templates), ensure_ascii=False))
        for old in ("青禾市河湾区市场监督管理局", "青禾市云岭镇人民政府"):
            data["sections"] = {k: v.replace(old, agency) for k, v in data["sections"].items()}
        data["sections"]["s1"] += f"\n本年度共开展专题工作{rng.randint(1, 99)}项，编号{n}。"
        data["agency"], data["year"] = agency, year
        for table in ("t2", "t3", "t4"):
            for row in data[table].values():
                for col, value in row.items():
                    if isinstance(value, int):
                        row[col] = max(0, value + rng.randint(-3, 3))
        (folder / f"r{n:05d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def percentile(values: list[float], share: float) -> float:
    """The share-th percentile of values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_size(count: int) -> None:
    """Generate, ingest and query one size; print one line."""
    from assistant.index import Index
    from assistant.settings import Settings

    work = Path(tempfile.mkdtemp(prefix=f"bench-index-{count}-"))
    (work / "src").mkdir()
    generate(count, work / "src")
    index = Index(Settings(data_dir=work / "data", draft_year=2026))
    start = time.perf_counter()
    summary = index.ingest([work / "src"])
    ingest_s = time.perf_counter() - start
    assert len(summary.ingested) == count, summary.text()[:500]
    rng = random.Random(7)
    agencies = index.agencies()
    index.ask(WORDING_QUESTIONS[0], agency=agencies[0])
    figure_ms = _timed(index, FIGURE_QUESTIONS, agencies, rng, 200, "figure", "comparison")
    wording_ms = _timed(index, WORDING_QUESTIONS, agencies, rng, 100, "wording")
    index.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count:6d} reports: ingest {count / ingest_s:7.1f} reports/s ({ingest_s:6.1f} s) | "
          f"figure p50 {statistics.median(figure_ms):6.2f} ms p95 {percentile(figure_ms, 0.95):6.2f} ms | "
          f"wording p50 {statistics.median(wording_ms):6.1f} ms p95 {percentile(wording_ms, 0.95):6.1f} ms | "
          f"peak RSS {rss:.0f} MiB", flush=True)


def _timed(index, questions, agencies, rng, rounds: int, *kinds: str) -> list[float]:
    times = []
    for _ in range(rounds):
        question, agency = rng.choice(questions), rng.choice(agencies)
        began = time.perf_counter()
        answer = index.ask(question, agency=agency)
        times.append((time.perf_counter() - began) * 1000)
        assert answer.kind in kinds, (question, answer.kind, answer.text[:200])
    return times


def main() -> None:
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "--one":
        run_size(int(args[1]))
        return
    from assistant.index.embedders import DEFAULT_EMBEDDER

    print(f"default embedder: {DEFAULT_EMBEDDER}")
    for size in [int(a) for a in args] or [100, 1000, 10000]:
        subprocess.run([sys.executable, __file__, "--one", str(size)], check=True)


if __name__ == "__main__":
    main()
