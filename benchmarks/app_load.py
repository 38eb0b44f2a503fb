"""Load on the page's API: N simultaneous users drafting and asking through gradio_client against one server.

python benchmarks/app_load.py [--users 20] [--rounds 3] [--port 0]

Starts `python app.py` on 127.0.0.1 with a temporary data folder and the offline backend, then every
user (one thread, one gradio_client.Client) repeats: draft from notes with its own agency name (and checks
that agency comes back), ask last year's 行政许可 figure (and checks 1412). Prints errors, cross-talk,
p50/p95 of both kinds of request, and the server's peak RSS. Goal: offline draft p95 < 3 s with 20 users.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from assistant.chat.helptext import EXAMPLE_AGENCY, EXAMPLE_NOTES  # noqa: E402

QUESTION = "去年行政许可是多少？"
QUESTION_AGENCY = "青禾市河湾区市场监督管理局"
EXPECTED_FIGURE = "1412"


@dataclass
class Results:
    """Latencies and failures collected from all user threads."""

    drafts: list[float] = field(default_factory=list)
    asks: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wrong_user: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            (self.drafts if kind == "draft" else self.asks).append(seconds)

    def fail(self, where: list[str], message: str) -> None:
        with self.lock:
            where.append(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data_dir: Path, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env.update(GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               ASSISTANT_DRAFT_YEAR="2025", GRADIO_TEMP_DIR=str(data_dir / "gradio-tmp"))
    log = (data_dir.parent / "server.log").open("wb")
    command = [sys.executable, str(PROJECT / "app.py"), "--port", str(port), "--data-dir", str(data_dir)]
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"app.py exited: see {data_dir.parent / 'server.log'}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/config", timeout=2).close()
            return process
        except OSError:
            time.sleep(0.25)
    process.kill()
    raise SystemExit("app.py did not start within 120 s")


def peak_rss_mb(pid: int) -> float:
    """The peak resident set size of a process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def user(number: int, url: str, rounds: int, results: Results) -> None:
    from gradio_client import Client

    agency = f"青禾市压测第{number}局"
    notes = EXAMPLE_NOTES.replace(EXAMPLE_AGENCY, agency)
    try:  # plain http to 127.0.0.1: ssl_verify=False spares loading the CA bundle on every request
        client = Client(url, verbose=False, ssl_verify=False)
    except Exception as exc:
        results.fail(results.errors, f"user {number} could not connect: {exc}")
        return
    for _ in range(rounds):
        timed(results, "draft", lambda: check_draft(client.predict(notes, api_name="/send"), agency, results))
        timed(results, "ask", lambda: check_answer(
            client.predict(QUESTION, "", QUESTION_AGENCY, 2025, api_name="/send"), results))


def run_users(url: str, users: int, rounds: int, processes: int) -> tuple[Results, float]:
    """All users, spread over a few processes so the clients' own CPU is not serialised by one GIL."""
    groups = [list(range(users))[n::processes] for n in range(processes) if list(range(users))[n::processes]]
    with ProcessPoolExecutor(len(groups), mp_context=multiprocessing.get_context("spawn")) as pool:
        parts = list(pool.map(user_group, groups, [url] * len(groups), [rounds] * len(groups)))
    merged = Results()
    for part, _ in parts:
        merged.drafts += part["drafts"]
        merged.asks += part["asks"]
        merged.errors += part["errors"]
        merged.wrong_user += part["wrong_user"]
    return merged, sum(cpu for _, cpu in parts)


def user_group(numbers: list[int], url: str, rounds: int) -> tuple[dict, float]:
    """Some users as threads of one process; returns plain results and the CPU this process used."""
    results = Results()
    started = time.process_time()
    barrier_free_start = [threading.Thread(target=user, args=(n, url, rounds, results)) for n in numbers]
    for thread in barrier_free_start:
        thread.start()
    for thread in barrier_free_start:
        thread.join()
    data = {"drafts": results.drafts, "asks": results.asks, "errors": results.errors, "wrong_user": results.wrong_user}
    return data, time.process_time() - started


def timed(results: Results, kind: str, call) -> None:
    started = time.perf_counter()
    try:
        call()
    except Exception as exc:  # a benchmark reports every failure instead of stopping
        results.fail(results.errors, f"{kind}: {type(exc).__name__}: {exc}")
        return
    results.add(kind, time.perf_counter() - started)


def check_draft(result: dict, agency: str, results: Results) -> None:
    draft = result.get("draft") or {}
    got = (draft.get("report") or {}).get("agency")
    if got != agency:
        results.fail(results.wrong_user, f"asked for {agency}, got {got}")
    if result.get("status") != "ready":
        results.fail(results.errors, f"draft for {agency} not ready: {result.get('status')}")


def check_answer(result: dict, results: Results) -> None:
    if EXPECTED_FIGURE not in result.get("reply", ""):
        results.fail(results.errors, f"figure answer without {EXPECTED_FIGURE}: {result.get('reply', '')[:80]}")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def report(results: Results, users: int, rounds: int, wall: float, server_peak: float) -> int:
    print(f"users {users}, rounds {rounds}, wall {wall:.1f} s, cores {os.cpu_count()}")
    for name, values in (("offline draft", results.drafts), ("figure question", results.asks)):
        print(f"{name:16s} n={len(values):3d}  p50 {percentile(values, 0.5):.2f} s  p95 {percentile(values, 0.95):.2f} s"
              f"  max {max(values, default=float('nan')):.2f} s  mean {statistics.fmean(values) if values else 0:.2f} s")
    print(f"errors {len(results.errors)}, answers to the wrong user {len(results.wrong_user)}")
    for message in (results.errors + results.wrong_user)[:10]:
        print("  ", message)
    print(f"server peak RSS {server_peak:.0f} MB; load clients' peak RSS "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB (largest process)")
    goal = percentile(results.drafts, 0.95) < 3.0
    print(f"goal offline draft p95 < 3 s: {'met' if goal else 'NOT met'}")
    return 0 if not results.errors and not results.wrong_user else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--processes", type=int, default=4, help="load-generating processes (gradio_client is CPU-heavy)")
    args = parser.parse_args()
    port = args.port or free_port()
    with tempfile.TemporaryDirectory(prefix="app-load-") as folder:
        process = start_server(Path(folder) / "data", port)
        try:
            server_cpu = cpu_seconds(process.pid)
            started = time.perf_counter()
            results, client_cpu = run_users(f"http://127.0.0.1:{port}/", args.users, args.rounds, args.processes)
            wall = time.perf_counter() - started
            print(f"CPU during the run: server {cpu_seconds(process.pid) - server_cpu:.1f} s, "
                  f"load clients {client_cpu:.1f} s in {args.processes} processes (same {os.cpu_count()} cores)")
            return report(results, args.users, args.rounds, wall, peak_rss_mb(process.pid))
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
