"""Retrieval quality and speed of each embedder over the wording questions of tests/fixtures/questions.json.

Run: /work/venv/bin/python benchmarks/retrieval.py
Prints, per embedder: time to index the sample corpus, recall@5 (a top-5 passage is in the expected
section / sub-section / year), mean and p95 query latency; and the peak RSS of the process.

Measured 2026-11-26 on the 2-core dev machine, 6 sample reports, 30 wording questions (idle machine;
a second run under load avg 6 gave the same recall and 2-4x the times):
  embedder    index s  recall@5  mean ms   p95 ms
  hash           0.90    93.33%      1.8      2.0     <- default (DEFAULT_EMBEDDER)
  bm25           0.04    83.33%      0.2      0.3
  e5             8.72    96.67%     87.5    563.6
  fusion         0.30    90.00%      1.3      1.4
  fusion-e5     10.48    96.67%     59.7    351.8
  peak RSS: 311 MiB
hash has the best recall of the fast embedders; e5 finds one more paraphrase but indexes ~10x slower
(≈ 1 ms per token: hours for 10,000 reports on 2 cores), so it stays an option (ASSISTANT_EMBEDDER=e5).
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.index import Index  # noqa: E402
from assistant.index.answer import retrieval_query  # noqa: E402
from assistant.index.embedders import DEFAULT_EMBEDDER, EMBEDDERS  # noqa: E402
from assistant.settings import Settings  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
H, Y = "青禾市河湾区市场监督管理局", "青禾市云岭镇人民政府"
EXTRA = [  # paraphrases with little word overlap: (query, agency, year, section, subsection)
    ("网上留言回复", H, 2024, "s1", "四"),
    ("公文起草时就确定要不要公开", H, 2024, "s1", "三"),
    ("局长亲自抓公开工作", H, 2023, "s1", "五"),
    ("打分考核科室", H, 2023, "s1", "五"),
    ("请律师帮忙处理复杂的申请", H, 2024, "s5", ""),
    ("餐馆卫生等级", H, 2025, "s1", "一"),
    ("扫码看村里的事", Y, 2024, "s1", "四"),
    ("村干部考核", Y, 2023, "s1", "五"),
    ("老百姓不知道政策", Y, 2024, "s5", ""),
    ("公告栏内容太旧", Y, 2023, "s5", ""),
    ("集体经济收入怎么分", Y, 2025, "s1", "一"),
    ("领导签字后才能发", Y, 2025, "s1", "三"),
    ("房子拆迁相关的申请", Y, 2024, "s1", "二"),
    ("信息发布前层层把关", H, 2023, "s1", "三"),
    ("企业信用修复", H, 2024, "s1", "一"),
    ("抽检结果每个月公开", H, 2023, "s5", ""),
]


def wording_set() -> list[tuple[str, str, int | None, str, str | None]]:
    """(query, agency, year, section, subsection) of every wording question plus the paraphrases."""
    items = json.loads((FIXTURES / "questions.json").read_text(encoding="utf-8"))["questions"]
    base = [(q["q"], q["expect_agency"], q["expect_year"], q["section"], q["subsection"])
            for q in items if q["kind"] == "wording"]
    return base + [(q, a, y, s, sub or None) for q, a, y, s, sub in EXTRA]


def hit(passages, year, section, subsection) -> bool:
    """Whether any passage is in the expected place."""
    return any(p.section == section and (subsection is None or p.subsection == subsection)
               and (year is None or p.year == year) for p in passages)


def measure(embedder: str, questions) -> dict:
    """Index the corpus with one embedder and run the questions."""
    folder = Path(tempfile.mkdtemp(prefix=f"retrieval-{embedder}-"))
    index = Index(Settings(data_dir=folder, embedder=embedder, draft_year=2026))
    start = time.perf_counter()
    index.ingest(sorted((FIXTURES / "corpus_src").glob("*.json")))
    index.similar_passages("预热", agency=H, k=1)
    ingest_s = time.perf_counter() - start
    hits, times = 0, []
    for query, agency, year, section, subsection in questions:
        began = time.perf_counter()
        found = index.similar_passages(retrieval_query(query, agency), agency=agency, k=5)
        times.append((time.perf_counter() - began) * 1000)
        hits += hit(found, year, section, subsection)
    index.close()
    return {"embedder": embedder, "ingest_s": ingest_s, "recall5": hits / len(questions),
            "mean_ms": statistics.mean(times), "p95_ms": sorted(times)[int(0.95 * (len(times) - 1))]}


def main() -> None:
    questions = wording_set()
    print(f"{len(questions)} wording questions over 6 sample reports; default embedder: {DEFAULT_EMBEDDER}")
    print(f"{'embedder':10} {'index s':>8} {'recall@5':>9} {'mean ms':>8} {'p95 ms':>8}")
    for embedder in EMBEDDERS:
        row = measure(embedder, questions)
        print(f"{row['embedder']:10} {row['ingest_s']:8.2f} {row['recall5']:9.2%} {row['mean_ms']:8.1f} {row['p95_ms']:8.1f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
