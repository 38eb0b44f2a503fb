"""Latency of the model backends: OpenAIBackend against the fake server, LocalBackend with the SmolLM2 GGUF.

Usage: python benchmarks/llm_backends.py [path/to/model.gguf]
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

from assistant.llm import Message, Request
from assistant.llm.fakeserver import FakeOpenAIServer, ScriptedReply
from assistant.llm.local_backend import LocalBackend
from assistant.llm.openai_backend import OpenAIBackend
from assistant.settings import PROJECT_DIR

GGUF = PROJECT_DIR / ".cache" / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
ASK = Request(task="bench", messages=(Message("system", "Answer briefly."), Message("user", "Name three rivers.")))
CALLS = 40


def timed(action) -> float:
    """Seconds one call of action takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bench_openai_backend() -> None:
    """Per-call overhead of the langchain/openai path against a local fake server."""
    reply = ScriptedReply(text="本年度共收到政府信息公开申请152件。" * 10, chunk_chars=8)
    with FakeOpenAIServer(default=reply) as server:
        llm = OpenAIBackend(server.base_url, "sk-bench", "fake-model", max_retries=0)
        llm.generate(ASK)
        plain = [timed(lambda: llm.generate(ASK)) for _ in range(CALLS)]
        streamed = [timed(lambda: llm.generate(ASK, on_chunk=lambda piece: None)) for _ in range(CALLS)]
    chunks = -(-len(reply.text) // reply.chunk_chars)
    print(f"openai backend vs fake server, {CALLS} calls each: invoke median {statistics.median(plain) * 1000:.1f} ms, "
          f"stream of {chunks} chunks median {statistics.median(streamed) * 1000:.1f} ms")


def bench_local_backend(gguf: Path) -> None:
    """Start-up, first streamed piece and throughput of the local llama.cpp server."""
    with LocalBackend(gguf, n_ctx=2048, threads=2, max_tokens=64) as llm:
        startup = timed(llm.start)
        first: list[float] = []
        pieces: list[str] = []
        started = time.perf_counter()

        def collect(piece: str) -> None:
            if not first:
                first.append(time.perf_counter() - started)
            pieces.append(piece)

        text = llm.generate(ASK, on_chunk=collect)
        total = time.perf_counter() - started
    print(f"local backend ({gguf.name}): start {startup:.2f} s, first piece {first[0]:.3f} s, "
          f"{len(pieces)} pieces / {len(text)} chars in {total:.2f} s "
          f"(after the first: {(len(pieces) - 1) / max(total - first[0], 1e-9):.0f} pieces/s)")


def main() -> None:
    bench_openai_backend()
    bench_local_backend(Path(sys.argv[1]) if len(sys.argv) > 1 else GGUF)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
