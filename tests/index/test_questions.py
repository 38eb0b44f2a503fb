"""The question set of tests/fixtures/questions.json over the sample corpus, plus a property over every cell."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from assistant.index import Index

from .helpers import CORPUS_SRC, HEWAN, QUESTIONS, YUNLING, answer_checks, corpus_sources, settings_for


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """The six sample reports, hashing embedder, draft year 2026."""
    built = Index(settings_for(tmp_path_factory.mktemp("questions") / "data"))
    built.ingest(corpus_sources())
    yield built
    built.close()


def _ask(index, item):
    return index.ask(item["q"], agency=item["agency"], draft_year=item["draft_year"] or QUESTIONS["draft_year"])


def test_the_set_is_large_and_covers_every_kind():
    kinds = [item["kind"] for item in QUESTIONS["questions"]]
    assert len(kinds) >= 60
    assert {"figure", "comparison", "wording", "not_found", "clarify"} <= set(kinds)


@pytest.mark.parametrize("item", [q for q in QUESTIONS["questions"] if q["kind"] in ("figure", "comparison")],
                         ids=lambda item: item["q"])
def test_figures_and_comparisons_are_exact_with_sources(index, item):
    answer = _ask(index, item)
    assert answer_checks(answer, item) == []
    if item["kind"] == "comparison":
        assert answer.values["difference"] == item["subject"] - item["base"] or "percent" in answer.values


@pytest.mark.parametrize("item", [q for q in QUESTIONS["questions"] if q["kind"] in ("not_found", "clarify")],
                         ids=lambda item: item["q"])
def test_unanswerable_questions_give_no_figure(index, item):
    answer = _ask(index, item)
    assert answer.kind == item["kind"] and answer.value is None
    assert not any(ch.isdigit() for ch in answer.text.replace("2019", "").replace("2020", "").replace("2021", "")
                   .replace("2022", "").replace("2023", "").replace("2024", "").replace("2025", "").replace("2026", ""))


def test_wording_questions_return_passages_with_sources_in_the_right_place(index):
    items = [q for q in QUESTIONS["questions"] if q["kind"] == "wording"]
    problems = {item["q"]: answer_checks(_ask(index, item), item) for item in items}
    assert all(_ask(index, item).sources for item in items)
    wrong = {q: p for q, p in problems.items() if p}
    assert len(wrong) <= len(items) // 10, wrong


def test_a_year_that_is_not_indexed_is_said_plainly(index):
    answer = index.ask("河湾区2019年收到多少申请？")
    assert answer.kind == "not_found" and "索引中没有青禾市河湾区市场监督管理局2019年的报告" in answer.text


def test_draft_year_moves_what_last_year_means(index):
    assert index.ask("河湾区去年行政许可多少件", draft_year=2024).value == 1286
    assert index.ask("河湾区去年行政许可多少件", draft_year=2026).value == 1530


def test_the_settings_agency_is_the_default(tmp_path):
    built = Index(settings_for(tmp_path / "data", agency=YUNLING))
    built.ingest(corpus_sources())
    assert built.ask("去年行政处罚多少件").value == 15
    built.close()


def test_information_fee_is_never_the_admin_fee(index):
    fee = index.ask("河湾区前年信息处理费多少")
    admin = index.ask("河湾区前年行政事业性收费多少")
    assert (fee.value, admin.value) == (120, 1.8)
    assert fee.sources[0]["section"] == "s6" and admin.sources[0]["table"] == "表二"


def test_answers_serialise_to_json(index):
    data = index.ask("云岭镇去年收到几件申请？").to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False))["value"] == 11
    assert data["sources"][0]["row"] == "一、本年新收政府信息公开申请数量"


ROWS = {"新收": "new", "予以公开": "granted", "部分公开": "partial", "上年结转": "carry_in", "办结": "processed_total"}
COLUMNS = {"": "total", "自然人": "np", "商业企业": "biz", "法律服务机构": "law"}
PLACES = {HEWAN: ("河湾区", "hewan"), YUNLING: ("云岭镇", "yunling")}


@settings(max_examples=40, deadline=None)
@given(agency=st.sampled_from([HEWAN, YUNLING]), year=st.sampled_from([2023, 2024, 2025]),
       row=st.sampled_from(sorted(ROWS)), who=st.sampled_from(sorted(COLUMNS)),
       full_name=st.booleans())
def test_any_table_three_cell_is_answered_exactly(index, agency, year, row, who, full_name):
    place, stem = PLACES[agency]
    question = f"{agency if full_name else place}{year}年{who}{row}的申请有多少件？"
    expected = json.loads((CORPUS_SRC / f"{stem}_{year}.json").read_text(encoding="utf-8"))
    answer = index.ask(question)
    assert answer.kind == "figure"
    assert answer.value == expected["t3"][ROWS[row]][COLUMNS[who]]


def test_a_2019_format_report_is_read_with_its_own_columns(tmp_path):
    from assistant.report import empty_report

    report = empty_report("青禾市石桥街道办事处", 2020)
    report = report.with_section("s1", "2020年，街道办事处推进政务公开。").with_section("s5", "（一）存在的问题\n公开栏更新慢。")
    for path, value in report.cells():
        report = report.with_cell(path, 0)
    for path, value in (("t3.other.total", 2), ("t3.deny_process.total", 3), ("t2.normative_docs.made", 4)):
        report = report.with_cell(path, value)
    source = tmp_path / "shiqiao_2020.json"
    source.write_text(report.to_json(), encoding="utf-8")
    index = Index(settings_for(tmp_path / "data"))
    index.ingest([source])
    assert index.ask("2020年其他处理多少件").value == 2
    assert index.ask("2020年不予公开多少件").value == 3
    assert index.ask("2020年制发规范性文件多少件").value == 4
    fee = index.ask("2020年行政事业性收费多少万元")
    assert fee.kind == "not_found" and "2019年版格式" in fee.text and fee.value is None
    index.close()


def test_the_year_parameter_is_the_report_year_when_the_question_names_none(index):
    assert index.ask("河湾区行政许可多少件", year=2023).value == 1286
    assert index.ask("河湾区2024年行政许可多少件", year=2023).value == 1412
