"""make_backend picks the backend the settings ask for, and explains what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.llm import LLMError, Message, Request, make_backend
from assistant.llm.fake import ScriptedLLM
from assistant.llm.fakeserver import FakeOpenAIServer
from assistant.llm.local_backend import LocalBackend
from assistant.llm.openai_backend import OpenAIBackend
from assistant.settings import load_settings


def settings(tmp_path: Path, **env: str):
    return load_settings({"ASSISTANT_DATA_DIR": str(tmp_path), **env})


def never_offline() -> ScriptedLLM:
    raise AssertionError("the offline backend must not be made")


def test_offline_comes_from_the_factory(tmp_path):
    offline = ScriptedLLM(["离线稿"], name="offline")
    assert make_backend(settings(tmp_path), offline_factory=lambda: offline) is offline


def test_openai_without_address_or_key_is_not_configured(tmp_path):
    with pytest.raises(LLMError, match="未配置模型服务"):
        make_backend(settings(tmp_path, ASSISTANT_BACKEND="openai"), offline_factory=never_offline)


def test_a_key_alone_means_openai_itself(tmp_path):
    chosen = make_backend(settings(tmp_path, OPENAI_API_KEY="sk-x", ASSISTANT_MODEL="gpt-4o-mini"),
                          offline_factory=never_offline)
    assert isinstance(chosen, OpenAIBackend)
    assert (chosen.base_url, chosen.model) == ("https://api.openai.com/v1", "gpt-4o-mini")


def test_an_address_makes_a_working_openai_compatible_backend(tmp_path):
    with FakeOpenAIServer(["来自服务的回复"]) as server:
        chosen = make_backend(settings(tmp_path, OPENAI_BASE_URL=server.base_url, ASSISTANT_MODEL="fake-model"),
                              offline_factory=never_offline)
        reply = chosen.generate(Request(task="t", messages=(Message("user", "你好"),)))
        assert server.chat_requests[0].headers["authorization"] == "Bearer no-key"
    assert reply == "来自服务的回复"
    assert chosen.is_model and chosen.name == "openai:fake-model"


def test_local_needs_a_model_file(tmp_path):
    with pytest.raises(LLMError, match="ASSISTANT_LOCAL_MODEL"):
        make_backend(settings(tmp_path, ASSISTANT_BACKEND="local"), offline_factory=never_offline)


def test_local_with_a_missing_file_says_which(tmp_path):
    missing = tmp_path / "没有这个模型.gguf"
    with pytest.raises(LLMError, match="找不到本地模型文件") as caught:
        make_backend(settings(tmp_path, ASSISTANT_LOCAL_MODEL=str(missing)), offline_factory=never_offline)
    assert str(missing) in str(caught.value)


def test_local_with_a_file_that_is_not_gguf_is_refused(tmp_path):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04 a zip, not a model")
    with pytest.raises(LLMError, match="不是 GGUF"):
        make_backend(settings(tmp_path, ASSISTANT_LOCAL_MODEL=str(fake)), offline_factory=never_offline)


def test_local_with_a_gguf_header_is_made_without_starting(tmp_path):
    header_only = tmp_path / "tiny.gguf"
    header_only.write_bytes(b"GGUF" + bytes(28))
    chosen = make_backend(settings(tmp_path, ASSISTANT_LOCAL_MODEL=str(header_only)), offline_factory=never_offline)
    assert isinstance(chosen, LocalBackend)
    assert chosen.base_url is None and chosen.name == "local:tiny.gguf"


def test_unknown_backend_names_the_choices(tmp_path):
    with pytest.raises(LLMError, match="offline、openai、local"):
        make_backend(settings(tmp_path).with_changes(backend="gpt"), offline_factory=never_offline)
