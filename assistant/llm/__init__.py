"""Language-model backends behind one small interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from assistant.llm.base import LLM, LLMError, Message, Request

if TYPE_CHECKING:
    from assistant.settings import Settings

__all__ = ["LLM", "LLMError", "Message", "Request", "make_backend"]

OPENAI_URL = "https://api.openai.com/v1"


def make_backend(settings: Settings, *, offline_factory: Callable[[], LLM]) -> LLM:
    """The backend the settings choose; the offline one comes from offline_factory (it lives in assistant.draft)."""
    if settings.backend == "offline":
        return offline_factory()
    if settings.backend == "openai":
        return openai_from_settings(settings)
    if settings.backend == "local":
        return local_from_settings(settings)
    raise LLMError(f"未知的模型后端：{settings.backend}（可选 offline、openai、local）")


def openai_from_settings(settings: Settings) -> LLM:
    """An OpenAI-compatible service; OpenAI itself when only a key is set."""
    if not settings.base_url and not settings.api_key:
        raise LLMError("未配置模型服务：请设置服务地址（OPENAI_BASE_URL）或 API 密钥（OPENAI_API_KEY）")
    from assistant.llm.openai_backend import OpenAIBackend

    return OpenAIBackend(settings.base_url or OPENAI_URL, settings.api_key, settings.model)


def local_from_settings(settings: Settings) -> LLM:
    """A GGUF model run by the in-process llama.cpp server (started on first use)."""
    if not settings.local_model:
        raise LLMError("未配置本地模型文件：请设置 ASSISTANT_LOCAL_MODEL 为 .gguf 文件的路径")
    from assistant.llm.local_backend import LocalBackend

    backend = LocalBackend(settings.local_model)
    backend.validate()
    return backend
