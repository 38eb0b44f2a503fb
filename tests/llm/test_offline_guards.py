"""Prompts never leave the machine by the side doors: no LangSmith tracing, no tiktoken download."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from assistant.llm.fakeserver import FakeOpenAIServer

SCRIPT = textwrap.dedent("""
    import json, sys
    import tiktoken.registry
    from langchain_core.tracers.langchain import wait_for_all_tracers
    from assistant.llm import Message, Request
    from assistant.llm.openai_backend import OpenAIBackend

    llm = OpenAIBackend(sys.argv[1], "sk-local", "fake-model", timeout=5, max_retries=0)
    ask = Request(task="t", messages=(Message("user", "机密的会议纪要"),))
    replies = [llm.generate(ask), llm.generate(ask, on_chunk=lambda piece: None), llm.check_connection()]
    wait_for_all_tracers()
    print(json.dumps({"replies": replies, "encodings": sorted(tiktoken.registry.ENCODINGS)}))
""")


def test_langsmith_tracing_stays_off_even_when_the_environment_turns_it_on(tmp_path):
    with FakeOpenAIServer(default="好的", models=["other"]) as model, FakeOpenAIServer(default="{}") as tracer:
        env = {
            **os.environ, "LANGSMITH_TRACING": "true", "LANGCHAIN_TRACING_V2": "true",
            "LANGSMITH_ENDPOINT": f"http://127.0.0.1:{tracer.port}", "LANGSMITH_API_KEY": "ls-test",
            "TIKTOKEN_CACHE_DIR": str(tmp_path / "tiktoken"),
        }
        done = subprocess.run([sys.executable, "-c", SCRIPT, model.base_url], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result["replies"][:2] == ["好的", "好的"]
        assert len(model.chat_requests) == 3
        assert tracer.requests == []
    assert result["encodings"] == []
    assert not (tmp_path / "tiktoken").exists()
