"""Bad input: unsupported files, corrupt files, non-reports, several agencies, read-only and foreign data folders."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from assistant.index import Index, StoreError

from .helpers import HEWAN, YUNLING, corpus_sources, settings_for


def _indexed(tmp_path: Path) -> Index:
    index = Index(settings_for(tmp_path / "data"))
    index.ingest(corpus_sources())
    return index


def test_bad_files_are_skipped_with_a_chinese_reason_and_the_rest_ingested(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "table.xlsx").write_bytes(b"PK\x03\x04 not really")
    (bad / "broken.docx").write_bytes(b"\x00\x01 this is not a zip archive")
    (bad / "other.json").write_text('{"title": "会议纪要"}', encoding="utf-8")
    (bad / "notes.txt").write_text("今天天气很好，我们去公园散步。", encoding="utf-8")
    index = Index(settings_for(tmp_path / "data"))
    summary = index.ingest([bad / "table.xlsx", bad, *corpus_sources()[:2]])
    reasons = dict(summary.skipped)
    assert "不支持的文件类型" in reasons[str(bad / "table.xlsx")]
    assert {str(bad / n) for n in ("broken.docx", "other.json", "notes.txt")} <= set(reasons)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in reason) for reason in reasons.values())
    assert len(summary.ingested) == 2 and len(index.list()) == 2
    index.close()


def test_a_bad_file_does_not_touch_what_is_indexed(tmp_path):
    index = _indexed(tmp_path)
    broken = tmp_path / "hewan_2025.docx"
    broken.write_bytes(b"garbage")
    summary = index.ingest([broken])
    assert summary.skipped and not summary.read_any
    assert len(index.list()) == 6
    index.close()


def test_a_question_without_agency_over_several_agencies_asks_which(tmp_path):
    index = _indexed(tmp_path)
    answer = index.ask("去年收到多少申请？")
    assert answer.kind == "clarify" and answer.value is None
    assert HEWAN in answer.text and YUNLING in answer.text
    assert answer.values["agencies"] == [YUNLING, HEWAN]
    index.close()


def test_a_data_folder_from_another_schema_version_is_refused_untouched(tmp_path):
    index = _indexed(tmp_path)
    index.close()
    db = tmp_path / "data" / "figures.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="另一个版本.*结构版本 7.*未做任何改动"):
        Index(settings_for(tmp_path / "data"))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


READ_ONLY_PROBE = """
import json, sys
from pathlib import Path
from assistant.index import Index, StoreError
from assistant.settings import Settings
index = Index(Settings(data_dir=Path(sys.argv[1]), embedder="hash", draft_year=2026))
out = {"reports": len(index.list()), "value": index.ask("河湾区去年收到多少申请？").value,
       "passages": len(index.similar_passages("平台建设", agency="青禾市云岭镇人民政府", k=3))}
try:
    index.ingest([sys.argv[2]])
    out["ingest"] = "ok"
except StoreError as exc:
    out["ingest"] = str(exc)
print(json.dumps(out, ensure_ascii=False))
"""


def test_a_read_only_data_folder_answers_queries_and_refuses_writes(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="nianbao-ro-"))
    os.chmod(base, 0o755)
    index = Index(settings_for(base / "data"))
    index.ingest(corpus_sources())
    index.close()
    for path in [base / "data", *(base / "data").rglob("*")]:
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    try:
        result = _run_unprivileged([sys.executable, "-c", READ_ONLY_PROBE, str(base / "data"),
                                    str(corpus_sources()[0])])
    finally:
        for path in [base / "data", *(base / "data").rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.rmtree(base)
    assert result.returncode == 0, result.stderr[-2000:]
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["reports"] == 6 and out["value"] == 68 and out["passages"] >= 1
    assert "只读" in out["ingest"]


DROP_CAPS = "-dac_override,-dac_read_search,-fowner"


def _run_unprivileged(command: list[str]) -> subprocess.CompletedProcess:
    """Run without the capabilities that let root ignore file modes (when we are root)."""
    if os.geteuid() == 0:
        command = ["setpriv", f"--bounding-set={DROP_CAPS}", f"--inh-caps={DROP_CAPS}", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=tempfile.gettempdir(), timeout=120)
