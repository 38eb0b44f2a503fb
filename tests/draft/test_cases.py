"""The eight drafting cases, drafted offline: six sections, tables equal to the inputs, no validator error."""

from __future__ import annotations

import pytest

from assistant.draft import OfflineDrafter, draft_report
from assistant.events import DraftUpdated, FindingsReady, Notice, TextChunk
from assistant.index import Index
from assistant.numbers import find_figures
from assistant.report import SECTION_KEYS, SECTION_TITLES
from assistant.settings import load_settings
from assistant.validate import check

from .helpers import CASES, load_case


def full_text(report) -> str:
    return report.preamble + "\n" + "\n".join(report.sections[key] or "" for key in SECTION_KEYS)


def indexed(case):
    """An index in the test's data folder holding the case's previous report, if it has one."""
    if case.previous is None:
        return None
    index = Index(load_settings())
    summary = index.ingest([case.previous])
    assert summary.read_any, summary.skipped
    return index


def test_there_are_at_least_eight_cases_of_different_kinds():
    assert len(CASES) >= 8
    kinds = {load_case(name).expected["counts"].rsplit(".", 1)[-1] for name in CASES}
    assert {"json", "csv", "xlsx"} <= kinds
    assert any(load_case(name).expected.get("register") for name in CASES)
    assert sum(1 for name in CASES if load_case(name).expected.get("previous")) >= 2
    assert sum(1 for name in CASES if load_case(name).request.counts.t3 and
               load_case(name).request.counts.t3["new"]["total"] == 0) >= 2


@pytest.mark.parametrize("name", CASES)
def test_offline_draft_of_each_case_is_complete_and_clean(name):
    case = load_case(name)
    events = []
    index = indexed(case)
    draft = draft_report(case.request, llm=OfflineDrafter(), index=index, on_event=events.append)
    report = draft.report
    assert all((report.sections[key] or "").strip() for key in SECTION_KEYS)
    assert "【" not in full_text(report)
    assert [f.message for f in draft.findings if f.severity == "error"] == []
    assert check(report, inputs=draft.facts.figures).errors == ()
    assert draft.status == case.expected["status"] == "ready"
    assert draft.conflicts == ()
    assert draft.backend == "offline" and draft.model_calls == 0 and draft.repair_rounds == 0
    assert isinstance(events[-1], DraftUpdated) and events[-1].draft is draft
    assert any(isinstance(e, FindingsReady) and e.status == "ready" for e in events)
    streamed = "".join(e.text for e in events if isinstance(e, TextChunk))
    assert all(SECTION_TITLES[key] in streamed and report.sections[key] in streamed for key in SECTION_KEYS)


@pytest.mark.parametrize("name", CASES)
def test_tables_equal_the_counts_and_register(name):
    case = load_case(name)
    report = draft_report(case.request, llm=OfflineDrafter()).report
    counts = case.request.counts
    for table in ("t2", "t3", "t4"):
        for row, cells in (getattr(counts, table) or {}).items():
            for col, value in cells.items():
                assert report.cell(f"{table}.{row}.{col}") == value, f"{table}.{row}.{col}"
    for path, value in case.expected["cells"].items():
        assert report.cell(path) == value, path
    assert all(value is not None for _, value in report.cells())


@pytest.mark.parametrize("name", CASES)
def test_every_figure_of_the_notes_appears_in_the_text(name):
    case = load_case(name)
    text = full_text(draft_report(case.request, llm=OfflineDrafter()).report)
    figures = find_figures(case.request.notes)
    assert len(figures) >= 5
    missing = [f.text for f in figures if f.text.strip() not in text]
    assert missing == []


@pytest.mark.parametrize("name", CASES)
def test_narrative_of_sections_three_and_four_states_the_table_totals(name):
    report = draft_report(load_case(name).request, llm=OfflineDrafter()).report
    s3, s4 = report.sections["s3"], report.sections["s4"]
    if report.t3["new"]["total"] == 0 and report.t3["carry_in"]["total"] == 0:
        assert "未收到政府信息公开申请" in s3
    else:
        for row in ("new", "carry_in", "processed_total", "carry_out"):
            assert f"{report.t3[row]['total']}件" in s3
    if all(report.t4[g]["total"] == 0 for g in report.t4):
        assert "未发生" in s4
    else:
        assert all(f"{report.t4[g]['total']}件" in s4 for g in report.t4)


def test_last_years_report_is_used_for_structure_and_not_copied():
    case = load_case("county_bureau")
    index = indexed(case)
    draft = draft_report(case.request, llm=OfflineDrafter(), index=index)
    assert any("2023年报告" in notice for notice in draft.notices)
    rules = {f.rule for f in draft.findings}
    assert "Y.COPY" not in rules and "Y.CARRY" not in rules
    previous = index.previous_report(case.request.agency, case.request.year)
    assert previous is not None and previous.year == 2023
    for key in SECTION_KEYS:
        assert draft.report.sections[key] != previous.sections[key]


def test_the_section_one_sub_parts_are_in_order_and_notes_land_in_their_part():
    case = load_case("township_zero")
    s1 = draft_report(case.request, llm=OfflineDrafter()).report.sections["s1"]
    heads = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]
    positions = [s1.index(h) for h in heads]
    assert positions == sorted(positions)
    assert positions[3] < s1.index("政府信息查阅点1处") < positions[4]
    assert s1.index("村级信息员培训2次") > positions[4]


def test_notices_are_events_too():
    case = load_case("district_register")
    events = []
    draft = draft_report(case.request, llm=OfflineDrafter(), on_event=events.append)
    assert [e.message for e in events if isinstance(e, Notice)] == list(draft.notices)
    assert any("登记台账" in n for n in draft.notices)


class BrokenIndex:
    """An index whose store fails, or whose code has a bug."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def previous_report(self, agency, year):
        raise self.error

    similar_passages = previous_report


def test_a_broken_index_store_only_loses_last_years_report():
    from assistant.index import StoreError

    draft = draft_report(load_case("township_zero").request, llm=OfflineDrafter(), index=BrokenIndex(StoreError("库已损坏")))
    assert draft.status == "ready" and any("读取往年报告索引失败（库已损坏）" in n for n in draft.notices)


def test_a_bug_behind_the_index_is_not_swallowed():
    with pytest.raises(AttributeError):
        draft_report(load_case("township_zero").request, llm=OfflineDrafter(), index=BrokenIndex(AttributeError("x")))
