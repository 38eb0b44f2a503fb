"""The index on a real Chroma server (ASSISTANT_CHROMA_URL), shared by two Index instances."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.index import Index
from assistant.settings import load_settings

from .helpers import HEWAN, YUNLING, corpus_sources


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _chroma_cli() -> str:
    found = Path(sys.executable).with_name("chroma")
    return str(found) if found.exists() else shutil.which("chroma")


@pytest.fixture()
def chroma_url(tmp_path):
    """A chroma server on a free local port, stopped after the test."""
    port = _free_port()
    server = subprocess.Popen([_chroma_cli(), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_heartbeat(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for_heartbeat(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, "chroma server exited"
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("chroma server did not answer its heartbeat")


@pytest.mark.slow
def test_two_indexes_share_a_chroma_server(chroma_url, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", chroma_url)
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    writer, reader = Index(load_settings()), Index(load_settings())
    writer.ingest(corpus_sources())
    assert not (tmp_path / "data" / "chroma").exists()
    found = reader.similar_passages("防汛防台预警", agency=YUNLING, k=1)
    assert found[0].year == 2024
    assert reader._collection().count() == reader.store.count_chunks() > 0
    writer.remove(writer.store.report_for(HEWAN, 2023).id)
    assert reader._collection().count() == reader.store.count_chunks()
    writer.close()
    reader.close()
