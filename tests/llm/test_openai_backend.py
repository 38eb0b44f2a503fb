"""OpenAIBackend against a real OpenAI-compatible HTTP server on 127.0.0.1 (FakeOpenAIServer)."""

from __future__ import annotations

import json
import time

import pytest
from pydantic import BaseModel, ConfigDict, Field

from assistant.llm import LLMError, Message, Request
from assistant.llm.fakeserver import FakeOpenAIServer, ScriptedReply, unused_port
from assistant.llm.openai_backend import OpenAIBackend

KEY = "sk-test-Zq8v3KpL9mW2xR7t"
QUESTION = Request(
    task="draft_section",
    messages=(Message("system", "你是年报写作助手。"), Message("user", "写一段关于依申请公开的概述。")),
)
REPLY = "本年度共收到政府信息公开申请152件，较上年增加12件，全部在法定期限内办结。"


class Counts(BaseModel):
    """A small structured answer for the tests."""

    model_config = ConfigDict(extra="forbid")
    received: int
    note: str = Field(default="", max_length=40)


def backend(server: FakeOpenAIServer, **options) -> OpenAIBackend:
    return OpenAIBackend(server.base_url, KEY, "fake-model", **{"timeout": 5, "max_retries": 0, **options})


def failure(make_call) -> LLMError:
    with pytest.raises(LLMError) as caught:
        make_call()
    return caught.value


def test_plain_reply_comes_back_and_the_request_carries_roles_model_and_key():
    with FakeOpenAIServer([REPLY]) as server:
        assert backend(server).generate(QUESTION) == REPLY
        [sent] = server.chat_requests
    assert sent.body["model"] == "fake-model"
    assert not sent.body.get("stream")
    assert [(m["role"], m["content"]) for m in sent.messages] == [
        ("system", "你是年报写作助手。"), ("user", "写一段关于依申请公开的概述。"),
    ]
    assert sent.headers["authorization"] == f"Bearer {KEY}"


def test_streaming_hands_several_chunks_to_on_chunk_that_join_to_the_reply():
    chunks: list[str] = []
    with FakeOpenAIServer([ScriptedReply(text=REPLY, chunk_chars=5)]) as server:
        text = backend(server).generate(QUESTION, on_chunk=chunks.append)
        [sent] = server.chat_requests
    assert sent.body["stream"] is True
    assert len(chunks) >= 5
    assert "".join(chunks) == text == REPLY


def test_assistant_messages_are_sent_as_assistant_turns():
    conversation = Request(task="chat", messages=(
        Message("user", "去年收到多少申请？"), Message("assistant", "140件。"), Message("user", "今年呢？"),
    ))
    with FakeOpenAIServer(["152件。"]) as server:
        assert backend(server).generate(conversation) == "152件。"
        roles = [m["role"] for m in server.chat_requests[0].messages]
    assert roles == ["user", "assistant", "user"]


def test_structured_output_asks_for_the_json_schema_and_returns_the_validated_json():
    prose = '好的，结果如下：\n```json\n{"received": 152, "note": "较上年增加"}\n```'
    with FakeOpenAIServer([prose]) as server:
        text = backend(server).generate(Request(task="extract", messages=QUESTION.messages, schema=Counts))
        [sent] = server.chat_requests
    assert json.loads(text) == {"received": 152, "note": "较上年增加"}
    assert sent.body["response_format"]["type"] == "json_schema"
    assert sent.body["response_format"]["json_schema"]["schema"]["properties"]["received"]["type"] == "integer"


def test_structured_output_skips_json_that_does_not_fit_and_takes_the_first_that_does():
    reply = '示例：{"count": 1} 答案：{"received": 7}'
    with FakeOpenAIServer([reply]) as server:
        text = backend(server).generate(Request(task="extract", messages=QUESTION.messages, schema=Counts))
    assert json.loads(text) == {"received": 7, "note": ""}


def test_structured_output_that_is_not_json_is_an_llm_error():
    with FakeOpenAIServer(["本年度共收到申请一百五十二件。"]) as server:
        request = Request(task="extract", messages=QUESTION.messages, schema=Counts)
        error = failure(lambda: backend(server).generate(request))
    assert str(error).startswith("模型返回的结构化结果无法解析：")
    assert "没有 JSON 对象" in str(error)


def test_structured_output_with_wrong_fields_names_the_field():
    with FakeOpenAIServer(['{"received": "很多"}']) as server:
        request = Request(task="extract", messages=QUESTION.messages, schema=Counts)
        error = failure(lambda: backend(server).generate(request))
    assert str(error).startswith("模型返回的结构化结果无法解析：")
    assert "received" in str(error)


def test_a_service_that_rejects_response_format_gets_the_schema_in_the_system_message():
    def answer(body: dict) -> ScriptedReply:
        if "response_format" in body:
            return ScriptedReply(status=400, text="Unsupported parameter: response_format")
        return ScriptedReply(text='{"received": 3}')

    with FakeOpenAIServer(default=answer) as server:
        text = backend(server).generate(Request(task="extract", messages=QUESTION.messages, schema=Counts))
        first, second = server.chat_requests
    assert json.loads(text)["received"] == 3
    assert "response_format" in first.body and "response_format" not in second.body
    system = second.messages[0]
    assert system["role"] == "system" and system["content"].startswith("你是年报写作助手。")
    assert "JSON" in system["content"] and '"received"' in system["content"]


def test_structured_output_is_handed_to_on_chunk_once_when_streaming_is_asked_for():
    chunks: list[str] = []
    with FakeOpenAIServer(['{"received": 9}']) as server:
        request = Request(task="extract", messages=QUESTION.messages, schema=Counts)
        text = backend(server).generate(request, on_chunk=chunks.append)
    assert chunks == [text] and json.loads(text)["received"] == 9


def test_rate_limit_then_success_is_retried():
    with FakeOpenAIServer([ScriptedReply(status=429), ScriptedReply(status=429), REPLY]) as server:
        assert backend(server, max_retries=2).generate(QUESTION) == REPLY
        assert len(server.chat_requests) == 3


def test_rate_limit_that_persists_says_429_and_how_often_it_retried():
    with FakeOpenAIServer(default=ScriptedReply(status=429, text="Rate limit reached")) as server:
        error = failure(lambda: backend(server, max_retries=2).generate(QUESTION))
        assert len(server.chat_requests) == 3
    assert str(error) == "模型服务限流（429），已重试 2 次"


def test_server_error_is_reported_with_its_status():
    with FakeOpenAIServer([ScriptedReply(status=500, text="CUDA out of memory")]) as server:
        error = failure(lambda: backend(server).generate(QUESTION))
    assert str(error) == "模型服务内部错误（500）"


def test_server_error_while_streaming_is_reported_too():
    with FakeOpenAIServer([ScriptedReply(status=503)]) as server:
        error = failure(lambda: backend(server).generate(QUESTION, on_chunk=lambda _: None))
    assert "（503）" in str(error)


def test_a_slow_service_times_out_quickly_with_a_clear_message():
    with FakeOpenAIServer([ScriptedReply(text=REPLY, delay=3)]) as server:
        started = time.monotonic()
        error = failure(lambda: backend(server, timeout=1).generate(QUESTION))
        elapsed = time.monotonic() - started
    assert "模型服务超时" in str(error) and "1 秒" in str(error)
    assert elapsed < 2.5


def test_nothing_listening_is_a_connection_error_naming_the_address():
    url = f"http://127.0.0.1:{unused_port()}/v1"
    error = failure(lambda: OpenAIBackend(url, KEY, "m", timeout=2, max_retries=0).generate(QUESTION))
    assert str(error).startswith(f"无法连接模型服务 {url}：")
    assert "连接被拒绝" in str(error)


@pytest.mark.parametrize("garbage", [b"\x00\xff\xfe garbage", b"<html>Bad Gateway</html>", b"[1, 2, 3]", b'{"foo": 1}'])
def test_garbage_from_the_service_is_an_llm_error(garbage):
    with FakeOpenAIServer([ScriptedReply(raw_body=garbage)]) as server:
        error = failure(lambda: backend(server).generate(QUESTION))
    assert "无法识别" in str(error)


def test_garbage_in_a_stream_is_an_llm_error():
    with FakeOpenAIServer([ScriptedReply(raw_body=b"\x00\xff\xfe not an event stream")]) as server:
        error = failure(lambda: backend(server).generate(QUESTION, on_chunk=lambda _: None))
    assert "无法识别" in str(error)


def test_an_empty_reply_is_an_llm_error_both_ways():
    with FakeOpenAIServer(default=ScriptedReply(text="  ")) as server:
        assert str(failure(lambda: backend(server).generate(QUESTION))) == "模型返回了空内容"
        assert str(failure(lambda: backend(server).generate(QUESTION, on_chunk=lambda _: None))) == "模型返回了空内容"


def test_a_stream_cut_off_halfway_is_an_llm_error_after_the_first_chunks():
    chunks: list[str] = []
    with FakeOpenAIServer([ScriptedReply(text=REPLY, stream_ok=False)]) as server:
        error = failure(lambda: backend(server).generate(QUESTION, on_chunk=chunks.append))
    assert "中途断开" in str(error)
    assert chunks and REPLY.startswith("".join(chunks)) and "".join(chunks) != REPLY


def test_a_failure_of_the_callers_on_chunk_is_not_disguised_as_a_model_error():
    def stop_reading(piece: str) -> None:
        raise KeyError("the page was closed")

    with FakeOpenAIServer([REPLY]) as server, pytest.raises(KeyError, match="the page was closed"):
        backend(server).generate(QUESTION, on_chunk=stop_reading)


def test_wrong_key_is_reported_without_the_key():
    with FakeOpenAIServer(["unused"], api_key="sk-the-right-one") as server:
        error = failure(lambda: backend(server).generate(QUESTION))
    assert str(error) == "API 密钥无效或无权限（401）"


def test_unknown_model_is_named():
    with FakeOpenAIServer([ScriptedReply(status=404, text="The model `fake-model` does not exist")]) as server:
        error = failure(lambda: backend(server).generate(QUESTION))
    assert str(error).startswith("模型 fake-model 不存在")


ERROR_SCENARIOS = [
    ScriptedReply(status=400, text=f"Incorrect API key provided: {KEY}"),
    ScriptedReply(status=401, text=f"Incorrect API key provided: {KEY}"),
    ScriptedReply(status=403, text=f"key {KEY} may not use this model"),
    ScriptedReply(status=404, text=f"no model for key {KEY}"),
    ScriptedReply(status=429, text=f"quota of {KEY} exhausted"),
    ScriptedReply(status=500, text=f"crashed while serving {KEY}"),
    ScriptedReply(raw_body=f"oops {KEY}".encode()),
    ScriptedReply(text=f"not json but {KEY}"),
]


@pytest.mark.parametrize("reply", ERROR_SCENARIOS, ids=lambda r: str(r.status) + ("raw" if r.raw_body else ""))
def test_the_api_key_never_appears_in_an_error_message(reply):
    schema = Counts if reply.status == 200 and reply.raw_body is None else None
    with FakeOpenAIServer(default=reply) as server:
        error = failure(lambda: backend(server).generate(Request("t", messages=QUESTION.messages, schema=schema)))
    assert KEY not in str(error) and KEY[-8:] not in str(error)


def test_a_request_without_messages_is_refused_before_any_call():
    with FakeOpenAIServer([REPLY]) as server:
        error = failure(lambda: backend(server).generate(Request(task="draft_section")))
        assert server.requests == []
    assert "draft_section" in str(error)


def test_check_connection_finds_the_model_in_the_list_without_chatting():
    with FakeOpenAIServer(models=["qwen2.5:7b", "fake-model"]) as server:
        message = backend(server).check_connection()
        assert [(r.method, r.path) for r in server.requests] == [("GET", "/v1/models")]
    assert message.startswith("连接成功") and "fake-model" in message


def test_check_connection_pings_when_the_model_is_not_listed():
    with FakeOpenAIServer(["好"], models=["something-else"]) as server:
        message = backend(server).check_connection()
        [ping] = server.chat_requests
    assert message.startswith("连接成功")
    assert ping.body.get("max_completion_tokens", ping.body.get("max_tokens")) == 1


def test_check_connection_lists_the_available_models_when_the_model_is_unknown():
    with FakeOpenAIServer([ScriptedReply(status=404, text="model not found")], models=["qwen2.5:7b", "llama3"]) as server:
        error = failure(lambda: backend(server).check_connection())
    assert str(error) == "模型 fake-model 不存在；该服务提供的模型：qwen2.5:7b、llama3"


def test_check_connection_failures_explain_themselves():
    url = f"http://127.0.0.1:{unused_port()}/v1"
    refused = failure(lambda: OpenAIBackend(url, KEY, "m", timeout=2, max_retries=0).check_connection())
    assert refused.args[0].startswith(f"无法连接模型服务 {url}")
    with FakeOpenAIServer(api_key="sk-the-right-one") as server:
        wrong_key = failure(lambda: backend(server).check_connection())
    assert str(wrong_key) == "API 密钥无效或无权限（401）"


def test_with_no_model_configured_the_first_listed_model_is_used():
    with FakeOpenAIServer([REPLY], models=["llama3", "qwen"]) as server:
        llm = OpenAIBackend(server.base_url, "", "", timeout=5, max_retries=0)
        assert llm.generate(QUESTION) == REPLY
        assert server.chat_requests[0].body["model"] == "llama3"
        assert server.chat_requests[0].headers["authorization"] == "Bearer no-key"
    assert llm.name == "openai:llama3"


def test_with_no_model_configured_and_none_listed_the_error_says_so():
    with FakeOpenAIServer([REPLY], models=[]) as server:
        error = failure(lambda: OpenAIBackend(server.base_url, KEY, "", max_retries=0).generate(QUESTION))
    assert str(error).startswith("未配置模型名称")
