"""Ingest: idempotent by content, replacement by file and by agency+year, removal, reports back from SQLite."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from assistant.index import Index, StoreError
from assistant.report import Report

from .helpers import HEWAN, YUNLING, corpus_sources, settings_for


@pytest.fixture()
def index(tmp_path):
    """An index with the six sample reports."""
    built = Index(settings_for(tmp_path / "data"))
    summary = built.ingest(corpus_sources())
    assert len(summary.ingested) == 6 and not summary.skipped
    yield built
    built.close()


def test_the_same_files_twice_are_stored_once(index):
    again = index.ingest(corpus_sources())
    assert (len(again.unchanged), again.ingested, again.replaced) == (6, [], [])
    assert len(index.list()) == 6
    assert [(r.agency, r.year) for r in index.list()][:3] == [(YUNLING, 2023), (YUNLING, 2024), (YUNLING, 2025)]


def test_listing_tells_sections_and_tables_found(index):
    row = index.list()[0]
    assert row.sections_found == ("s1", "s2", "s3", "s4", "s5", "s6")
    assert row.tables_found == ("t2", "t3", "t4") and len(row.sha256) == 64


def test_figures_are_stored_with_labels_and_source(index):
    conn = sqlite3.connect(index.store.path)
    row = conn.execute("SELECT value, table_label, row_label, column_label, source_file FROM figures "
                       "WHERE agency = ? AND year = 2024 AND key = 't3.new.total'", (HEWAN,)).fetchone()
    conn.close()
    assert row[:4] == (61, "表三", "一、本年新收政府信息公开申请数量", "总计")
    assert row[4].endswith("hewan_2024.json")


def test_a_changed_file_at_the_same_path_replaces_its_old_version(tmp_path):
    index = Index(settings_for(tmp_path / "data"))
    copy = tmp_path / "hewan_2025.json"
    shutil.copy(corpus_sources()[2], copy)
    index.ingest([copy])
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["sections"]["s5"] = "（一）存在的问题\n新版本：公开目录更新不及时。"
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summary = index.ingest([copy])
    assert len(summary.replaced) == 1 and "同一文件的旧版本" in summary.replaced[0]
    assert len(index.list()) == 1
    assert index.report(HEWAN, 2025).sections["s5"].startswith("（一）存在的问题\n新版本")
    assert "新版本" in index.similar_passages("公开目录更新", agency=HEWAN, k=1)[0].text
    index.close()


def test_another_file_for_the_same_agency_and_year_replaces_and_says_so(index, tmp_path):
    other = tmp_path / "another.json"
    data = json.loads(corpus_sources()[1].read_text(encoding="utf-8"))
    data["t2"]["licensing"]["decisions"] = 1999
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    summary = index.ingest([other])
    assert "取代了来自 hewan_2024.json" in summary.replaced[0]
    assert index.store.figure(HEWAN, 2024, "t2.licensing.decisions").value == 1999
    assert len(index.list()) == 6


def test_remove_by_id_or_by_path_deletes_figures_and_passages(index):
    first, second = index.list()[0], index.list()[1]
    index.remove(first.id)
    index.remove(second.source)
    assert len(index.list()) == 4
    assert index.store.figure(first.agency, first.year, "t3.new.total") is None
    passages = index.similar_passages("平台建设", agency=YUNLING, k=10)
    assert {p.year for p in passages} == {2025}
    with pytest.raises(StoreError, match="没有编号或来源文件"):
        index.remove("nope")


def test_previous_report_is_rebuilt_exactly_from_sqlite(index):
    expected = Report.from_json(corpus_sources()[1].read_text(encoding="utf-8"))
    rebuilt = index.previous_report(HEWAN, 2025)
    assert rebuilt.to_dict() == expected.to_dict()
    assert index.previous_report(HEWAN, 2023) is None


def test_agencies_and_years(index):
    assert index.agencies() == [YUNLING, HEWAN]
    assert index.years(HEWAN) == [2023, 2024, 2025]


def test_passages_carry_their_location_and_offsets(index):
    passages = index.similar_passages("门户网站专栏改版", agency=HEWAN, section="s1", k=3)
    assert passages and all(p.section == "s1" and p.agency == HEWAN for p in passages)
    top = passages[0]
    section_text = index.report(HEWAN, top.year).sections["s1"]
    assert section_text[top.start:top.end] == top.text
    assert top.subsection == "四" and "平台建设" in top.heading and "（四）" in top.location


def test_year_filter_limits_passages(index):
    passages = index.similar_passages("存在的问题", agency=YUNLING, year=2024, k=5)
    assert passages and {p.year for p in passages} == {2024}


def test_a_second_index_on_the_same_folder_sees_the_reports(index):
    other = Index(index.settings)
    assert len(other.list()) == 6
    assert other.similar_passages("防汛防台预警", agency=YUNLING, k=1)[0].year == 2024
    other.close()


def test_progress_is_reported_per_file(tmp_path):
    seen = []
    index = Index(settings_for(tmp_path / "data"))
    index.ingest(corpus_sources()[:2], on_progress=seen.append)
    assert [(p.done, p.total) for p in seen] == [(1, 2), (2, 2)]
    index.close()


def test_missing_vectors_are_filled_from_sqlite(tmp_path):
    data = tmp_path / "data"
    index = Index(settings_for(data, "bm25"))
    index.ingest(corpus_sources()[:3])
    index.close()
    hashed = Index(settings_for(data, "hash"))
    found = hashed.similar_passages("平台建设", agency=HEWAN, k=3)
    assert hashed._collection().count() == hashed.store.count_chunks() and found
    hashed.close()


def test_two_files_for_one_report_in_one_ingest_leave_only_the_last_vectors(tmp_path):
    other = tmp_path / "again.json"
    data = json.loads(corpus_sources()[0].read_text(encoding="utf-8"))
    data["sections"]["s6"] = "本年度另有说明。"
    other.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    index = Index(settings_for(tmp_path / "data"))
    summary = index.ingest([corpus_sources()[0], other])
    assert len(summary.ingested) == 1 and len(summary.replaced) == 1
    assert index._collection().count() == index.store.count_chunks()
    index.close()
