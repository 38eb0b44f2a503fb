"""The fake OpenAI server speaks the protocol on the wire (checked with the stdlib HTTP client, not ours)."""

from __future__ import annotations

import http.client
import json
import time

import pytest

from assistant.llm.fakeserver import FakeOpenAIServer, ScriptedReply, unused_port


def post(server: FakeOpenAIServer, body: dict, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    payload = json.dumps(body).encode()
    connection.request("POST", "/v1/chat/completions", payload, {"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    connection.close()
    return result


def sse_data(raw: bytes) -> list[str]:
    return [line[len("data: "):] for line in raw.decode().split("\n\n") if line.startswith("data: ")]


def test_non_streaming_reply_is_a_chat_completion():
    with FakeOpenAIServer(["你好"]) as server:
        status, headers, raw = post(server, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})
    body = json.loads(raw)
    assert status == 200 and headers["content-type"] == "application/json"
    assert body["object"] == "chat.completion" and body["model"] == "m"
    assert body["choices"][0]["message"] == {"role": "assistant", "content": "你好"}
    assert body["choices"][0]["finish_reason"] == "stop"


def test_streaming_reply_is_server_sent_events_ending_with_done():
    with FakeOpenAIServer([ScriptedReply(text="一二三四五六七", chunk_chars=3)]) as server:
        body = {"model": "m", "messages": [], "stream": True, "stream_options": {"include_usage": True}}
        status, headers, raw = post(server, body)
    events = sse_data(raw)
    assert status == 200 and headers["content-type"] == "text/event-stream"
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    pieces = [c["choices"][0]["delta"].get("content") for c in chunks if c["choices"]]
    assert [p for p in pieces if p] == ["一二三", "四五六", "七"]
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == 7


def test_a_broken_stream_has_no_finish_reason_and_no_done():
    with FakeOpenAIServer([ScriptedReply(text="abcdefghijklmnop", chunk_chars=2, stream_ok=False)]) as server:
        _, _, raw = post(server, {"messages": [], "stream": True})
    events = sse_data(raw)
    assert "[DONE]" not in events
    assert all(json.loads(e)["choices"][0]["finish_reason"] is None for e in events)


def test_error_replies_carry_an_openai_error_body_and_429_says_retry_after():
    with FakeOpenAIServer([ScriptedReply(status=429, text="slow down"), ScriptedReply(status=500)]) as server:
        status, headers, raw = post(server, {"messages": []})
        assert (status, headers["retry-after"]) == (429, "0")
        assert json.loads(raw)["error"]["message"] == "slow down"
        assert post(server, {"messages": []})[0] == 500


def test_raw_body_is_sent_verbatim():
    with FakeOpenAIServer([ScriptedReply(raw_body=b"\x00\xffnot json")]) as server:
        status, _, raw = post(server, {"messages": []})
    assert (status, raw) == (200, b"\x00\xffnot json")


def test_replies_come_from_the_queue_then_from_the_default_function_which_sees_the_request():
    def echo(body: dict) -> str:
        return "echo:" + body["messages"][-1]["content"]

    with FakeOpenAIServer(["first"], default=echo) as server:
        server.add("second")
        contents = [json.loads(post(server, {"messages": [{"role": "user", "content": f"q{i}"}]})[2])
                    ["choices"][0]["message"]["content"] for i in range(4)]
        assert [r.messages[-1]["content"] for r in server.chat_requests] == ["q0", "q1", "q2", "q3"]
    assert contents == ["first", "second", "echo:q2", "echo:q3"]


def test_with_nothing_scripted_the_server_answers_500():
    with FakeOpenAIServer() as server:
        status, _, raw = post(server, {"messages": []})
    assert status == 500 and "no scripted reply" in json.loads(raw)["error"]["message"]


def test_models_are_listed_and_the_api_key_is_enforced_when_set():
    with FakeOpenAIServer(models=["a", "b"], api_key="secret") as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        connection.request("GET", "/v1/models", headers={"Authorization": "Bearer secret"})
        listed = json.loads(connection.getresponse().read())
        connection.close()
        assert post(server, {"messages": []}, {"Authorization": "Bearer wrong"})[0] == 401
    assert [m["id"] for m in listed["data"]] == ["a", "b"]


def test_stop_frees_the_port_at_once_even_with_a_delayed_reply_pending():
    server = FakeOpenAIServer([ScriptedReply(text="late", delay=30)]).start()
    port = server.port
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("POST", "/v1/chat/completions", b"{}", {"Content-Type": "application/json"})
    time.sleep(0.1)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2
    assert len(server.chat_requests) == 1
    connection.close()
    with pytest.raises(ConnectionRefusedError):
        http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")


def test_unused_port_has_nothing_listening():
    with pytest.raises(ConnectionRefusedError):
        http.client.HTTPConnection("127.0.0.1", unused_port(), timeout=2).request("GET", "/")


def test_an_exception_in_the_reply_script_is_raised_in_the_test_not_lost():
    def broken(body):
        raise AssertionError("the script's own check failed")

    with pytest.raises(AssertionError, match="own check failed"):
        with FakeOpenAIServer(default=broken) as server:
            status, _, raw = post(server, {"model": "m", "messages": [{"role": "user", "content": "你好"}]})
            assert status == 500 and b"the reply script failed" in raw
