"""ScriptedLLM: the in-process backend that tests of the drafting chain pass in."""

from __future__ import annotations

import pytest

from assistant.llm import LLM, LLMError, Message, Request
from assistant.llm.fake import ScriptedLLM

ASK = Request(task="draft_section", variables={"section": "s1"}, messages=(Message("user", "写概述"),))


def test_replies_come_in_order_and_requests_are_recorded():
    llm = ScriptedLLM(["第一段", "第二段"])
    second_ask = Request(task="revise_section", messages=(Message("user", "改一下"),))
    assert llm.generate(ASK) == "第一段"
    assert llm.generate(second_ask) == "第二段"
    assert llm.requests == [ASK, second_ask]
    assert llm.remaining == 0


def test_streaming_hands_small_pieces_that_join_to_the_reply():
    chunks: list[str] = []
    reply = "本机关2023年度主动公开政府信息386条。"
    assert ScriptedLLM([reply], chunk_chars=4).generate(ASK, on_chunk=chunks.append) == reply
    assert len(chunks) == -(-len(reply) // 4) and all(len(c) <= 4 for c in chunks)
    assert "".join(chunks) == reply


def test_scripted_exceptions_are_raised_in_their_turn():
    llm = ScriptedLLM([LLMError("模型服务超时"), "恢复后的回复"])
    with pytest.raises(LLMError, match="模型服务超时"):
        llm.generate(ASK)
    assert llm.generate(ASK) == "恢复后的回复"
    assert len(llm.requests) == 2


def test_running_out_of_replies_is_an_llm_error_naming_the_task():
    llm = ScriptedLLM([])
    with pytest.raises(LLMError, match="draft_section"):
        llm.generate(ASK)


def test_it_fits_the_llm_protocol():
    llm: LLM = ScriptedLLM(["x"], name="测试模型")
    assert (llm.name, llm.is_model) == ("测试模型", True)
