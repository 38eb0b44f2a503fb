"""LocalBackend with the real SmolLM2-135M GGUF served by xllamacpp on 127.0.0.1 (content is not checked)."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest
from pydantic import BaseModel, Field

from assistant.llm import LLMError, Message, Request
from assistant.llm.local_backend import LocalBackend

pytestmark = pytest.mark.slow
ASK = Request(task="t", messages=(Message("system", "Answer in one short sentence."),
                                  Message("user", "What is the capital of France?")))


class City(BaseModel):
    """A tiny schema the grammar-constrained reply must fit."""

    city: str = Field(max_length=20)



def get_status(base_url: str, path: str) -> int:
    """The status of a GET sent without an API key."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", address.path + path)
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_local_server_starts_lazily_on_loopback_behind_its_own_key_answers_streams_and_stops_on_close(gguf):
    llm = LocalBackend(gguf, n_ctx=1024, threads=2, max_tokens=24)
    assert llm.base_url is None
    reply = llm.generate(ASK)
    address = urlsplit(llm.base_url)
    chunks: list[str] = []
    streamed = llm.generate(ASK, on_chunk=chunks.append)
    assert isinstance(reply, str) and reply.strip()
    assert len(chunks) >= 2 and "".join(chunks) == streamed
    assert address.hostname == "127.0.0.1" and address.path == "/v1"
    assert get_status(llm.base_url, "/health") == 200
    assert get_status(llm.base_url, "/models") == 401
    base_url = llm.base_url
    llm.close()
    assert llm.base_url is None
    with pytest.raises(ConnectionRefusedError):
        get_status(base_url, "/health")


def test_structured_output_from_the_local_model_fits_the_schema(gguf):
    with LocalBackend(gguf, n_ctx=1024, max_tokens=48) as llm:
        text = llm.generate(Request(task="t", messages=ASK.messages, schema=City))
        message = llm.check_connection()
    assert set(json.loads(text)) == {"city"}
    assert "SmolLM2" in message


def test_a_file_that_is_not_gguf_is_refused_before_starting(tmp_path):
    bogus = tmp_path / "model.gguf"
    bogus.write_text("not a model")
    with pytest.raises(LLMError, match="不是 GGUF"):
        LocalBackend(bogus).generate(ASK)
