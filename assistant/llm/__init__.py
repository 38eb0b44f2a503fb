"""Language-model backends behind one small interface."""

from assistant.llm.base import LLM, LLMError, Message, Request

__all__ = ["LLM", "LLMError", "Message", "Request"]
