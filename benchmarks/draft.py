"""Drafting: an offline draft end to end per fixture case, and the model path against a fake server.

Run: python benchmarks/draft.py [--repeat 5]
Prints, for the offline backend, the p50/max time of parse inputs + extract + draft + validate + render
docx over the fixture cases (goal: p50 < 1 s); for the fake-server model backend (one wrong number in
section 三 per draft), model calls and repair rounds per draft; and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.draft import (  # noqa: E402
    DraftRequest, OfflineDrafter, draft_report, extract_facts, load_counts, load_notes, load_register,
)
from assistant.llm.fakeserver import FakeOpenAIServer  # noqa: E402
from assistant.llm.openai_backend import OpenAIBackend  # noqa: E402
from assistant.render import to_docx  # noqa: E402

CASES = ROOT / "tests" / "fixtures" / "drafting"
BLOCK = re.compile(r"<<<资料开始>>>\n(.*?)\n<<<资料结束>>>", re.S)


def load_request(folder: Path) -> DraftRequest:
    """The draft request of a fixture case (parsing its files)."""
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    year = expected["year"]
    return DraftRequest(
        agency=expected["agency"], year=year, notes=load_notes(folder / "notes.txt"),
        counts=load_counts(folder / expected["counts"], year),
        register_entries=load_register(folder / expected["register"]) if expected.get("register") else None,
    )


def offline_once(folder: Path) -> tuple[float, str]:
    """Seconds for one offline draft end to end, and its status."""
    start = time.perf_counter()
    draft = draft_report(load_request(folder), llm=OfflineDrafter())
    to_docx(draft.report)
    return time.perf_counter() - start, draft.status


def fake_model(body: dict) -> str:
    """A model that returns the checked base text, but writes one wrong number the first time it drafts 三."""
    user = [m["content"] for m in body["messages"] if m["role"] == "user"][-1]
    blocks = BLOCK.findall(user)
    if user.startswith("请从下面的工作记录中提取事实"):
        return extract_facts(blocks[0]).model_dump_json()
    text = blocks[-1]
    if "“三、收到和处理政府信息公开申请情况”部分正文" in user.split("\n", 1)[0]:
        text = re.sub(r"新收政府信息公开申请(\d+)件", lambda m: f"新收政府信息公开申请{int(m.group(1)) + 3}件", text, 1)
    return text


def model_once(folder: Path, server: FakeOpenAIServer) -> tuple[float, int, int, str]:
    """Seconds, model calls, repair rounds and status of one draft through the fake server."""
    llm = OpenAIBackend(server.base_url, "sk-bench", "fake-model", timeout=10, max_retries=0)
    start = time.perf_counter()
    draft = draft_report(load_request(folder), llm=llm)
    return time.perf_counter() - start, draft.model_calls, draft.repair_rounds, draft.status


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folders = sorted(p for p in CASES.iterdir() if (p / "expected.json").is_file())
    offline_once(folders[0])
    times, statuses = [], []
    for _ in range(args.repeat):
        for folder in folders:
            seconds, status = offline_once(folder)
            times.append(seconds)
            statuses.append(status)
    print(f"offline end to end (parse inputs, extract, draft, validate, render docx), {len(folders)} cases x "
          f"{args.repeat}: p50 {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, "
          f"ready {statuses.count('ready')}/{len(statuses)}")
    with FakeOpenAIServer(default=fake_model) as server:
        rows = [model_once(folder, server) for folder in folders]
    calls, rounds = [r[1] for r in rows], [r[2] for r in rows]
    print(f"fake-server model backend, {len(rows)} drafts: model calls per draft mean {statistics.mean(calls):.1f} "
          f"(min {min(calls)}, max {max(calls)}), repair rounds mean {statistics.mean(rounds):.1f} "
          f"(max {max(rounds)}), p50 {statistics.median(r[0] for r in rows) * 1000:.0f} ms per draft, "
          f"ready {sum(r[3] == 'ready' for r in rows)}/{len(rows)}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
